"""TREC-style SGML: `<DOC><DOCNO>…</DOCNO> … <TEXT>…</TEXT></DOC>`, one or many documents a file.

The ANT corpus's .txt files are in this form. It is rarely well-formed XML (bare `&`,
unclosed tags), so fields are found with regular expressions: a field ends at its
closing tag, else at the next known field's opening tag, else at the end of the document.
"""
from __future__ import annotations

import re
from typing import Iterator

from ..errors import BadRecord
from . import RawDocument

_FIELDS = ("DOCNO", "DOCID", "URL", "SRC", "SOURCE", "CAT", "TITLE", "HEADLINE", "HL", "TIME", "DATE",
           "DATE_TIME", "DATELINE", "AUTHOR", "BYLINE", "ABSTRACT", "TEXT", "BODY")
_ID = ("DOCNO", "DOCID")
_TITLE = ("TITLE", "HEADLINE", "HL")
_DATE = ("DATE", "TIME", "DATE_TIME")
_AUTHOR = ("AUTHOR", "BYLINE")
_BODY = ("TEXT", "BODY")

_NAMES = "|".join(sorted(_FIELDS, key=len, reverse=True))
_OPEN = re.compile(rf"<({_NAMES})(?:\s[^>]*)?>", re.I)
_DOC = re.compile(r"<DOC(?:\s[^>]*)?>", re.I)
_DOC_END = re.compile(r"</DOC>", re.I)
# A damaged byte inside a tag (`<TE\ufffdXT>`) must not lose the field it opens.
_DAMAGED_TAG = re.compile(r"</?[A-Za-z_\ufffd]{1,12}\ufffd*>")
_TAGS = re.compile(r"<[^<>]{0,200}>")
_PARA = re.compile(r"</?P(?:\s[^>]*)?>", re.I)
_HEAD = re.compile(r"[\s\ufffd]*<(DOC|DOCNO)>", re.I)


def mend_tags(text: str) -> str:
    """Drop U+FFFD (a replaced damaged byte) inside tag names; content is untouched."""
    if "\ufffd" not in text:
        return text
    return _DAMAGED_TAG.sub(lambda m: m.group(0).replace("\ufffd", ""), text)


def looks_trec(head: str) -> bool:
    """A decoded head that opens with `<DOC>` or `<DOCNO>`."""
    return bool(_HEAD.match(mend_tags(head[:400])))


def _fields(doc: str) -> dict[str, str]:
    out: dict[str, str] = {}
    opens = list(_OPEN.finditer(doc))
    inside = 0  # the end of the last body: tags within a body are its markup, not fields
    for k, m in enumerate(opens):
        name = m.group(1).upper()
        if name in out or m.start() < inside:
            continue
        close = re.compile(rf"</{name}\s*>", re.I).search(doc, m.end())
        nxt = opens[k + 1].start() if k + 1 < len(opens) else len(doc)
        if name in _BODY:
            # a body may hold other markup (<P>); it ends at its own closing tag if it has one
            end = close.start() if close else nxt
            inside = end
        else:
            end = close.start() if close and close.start() <= nxt else nxt
        out[name] = doc[m.end():end]
    return out


def _meta(fields: dict[str, str], names) -> str | None:
    for n in names:
        v = fields.get(n)
        if v is not None:
            v = " ".join(_TAGS.sub(" ", v).split())
            if v:
                return v
    return None


def _paragraphs(body: str) -> list[str]:
    if _PARA.search(body):
        parts = _PARA.split(body)
        return [" ".join(_TAGS.sub(" ", p).split()) for p in parts if p.strip()]
    return [p.strip() for p in body.splitlines() if p.strip()]


def _documents(text: str) -> Iterator[tuple[int, str]]:
    """(offset, inner text) of each <DOC> element; a file with no <DOC> is one document."""
    starts = list(_DOC.finditer(text))
    if not starts:
        yield 0, text
        return
    for k, m in enumerate(starts):
        limit = starts[k + 1].start() if k + 1 < len(starts) else len(text)
        end = _DOC_END.search(text, m.end(), limit)
        yield m.start(), text[m.end(): end.start() if end else limit]


def read_trec(text: str, name: str = "") -> Iterator[RawDocument | BadRecord]:
    """One RawDocument per <DOC>; a document with no text is yielded as a BadRecord."""
    text = mend_tags(text)
    name = name or "input"
    line, counted = 1, 0
    for offset, doc in _documents(text):
        line += text.count("\n", counted, offset)  # counted on from the last document: linear in the file
        counted = offset
        where = f"{name}:{line}"
        f = _fields(doc)
        paras: list[str] = []
        for n in _BODY:
            if n in f:
                paras = _paragraphs(f[n])
                if paras:
                    break
        if not paras:
            docno = _meta(f, _ID)
            yield BadRecord(f"{where}: TREC document {docno + ' ' if docno else ''}has no <TEXT>", where)
            continue
        extra = {"line": line}
        for key, tag in (("category", "CAT"), ("abstract", "ABSTRACT"), ("dateline", "DATELINE")):
            if v := _meta(f, (tag,)):
                extra[key] = v
        yield RawDocument(
            text="\n\n".join(paras),
            format="trec",
            id=_meta(f, _ID),
            url=_meta(f, ("URL",)),
            title=_meta(f, _TITLE),
            author=_meta(f, _AUTHOR),
            published=_meta(f, _DATE),
            site=_meta(f, ("SRC", "SOURCE")),
            blocks=[("paragraph", p) for p in paras],
            extra=extra,
        )
