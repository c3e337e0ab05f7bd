"""Layout: RawDocument → Article (caption, title, byline, dateline, sections, paragraphs).

Page scrapes arrive as lines: a photo caption (often twice), the headline, a
byline, a dateline, then paragraphs with sub-headings between them, then page
furniture (tags, share buttons, related stories, copyright). The rules below read
that shape for many outlets' templates; the words they look for are in
knowledge/layout.json and knowledge/calendar.json.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from functools import lru_cache

from .arabic import detect_language, normalize
from .article import Article, Section, Source
from .dates import ParsedDate, parse_date_text, parse_dateline, to_iso
from . import layout_lines, layout_model
from .layout_lines import LABELS
from .layout_model import LineInfo
from .read import RawDocument
from .bylines import is_place_part, parse_byline  # noqa: F401  (parse_byline: part of this module's API)
from .layout_vocab import END_PUNCT as _END_PUNCT, END_SENTENCE as _END_SENTENCE, HAS_DIGIT as _HAS_DIGIT
from .layout_vocab import fold as _fold, nwords as _nwords, vocab as _vocab

MAX_HEADER_LINES = 12


# -- line classes ------------------------------------------------------------
def is_furniture(line: str) -> bool:
    v = _vocab()
    if len(line) > 300:  # furniture is short; a long copyright notice is left to _drop_policy
        return False
    f = _fold(line)
    if not f:
        return True
    if f in v["furniture_lines"] or f in v["tail_markers"]:
        return True
    # `© 2024 جميع الحقوق محفوظة`; a sentence that merely opens with © stays body
    if f.startswith(v["furniture_prefixes"]) and (_nwords(line) <= 25 or not _END_PUNCT.search(line)):
        return True
    # a line of only share-widget words / separators
    if re.fullmatch(r"[\W_]+", f):
        return True
    return False


def policy_cue_count(line: str) -> int:
    """How many comment-policy/copyright cues a paragraph holds (site furniture, not news)."""
    f = _fold(line)
    return sum(1 for c in _vocab()["policy_cues"] if c in f)


def _drop_policy(paras: list[str]) -> list[str]:
    """Drop comment-policy and copyright paragraphs: two cues anywhere, one cue near the end."""
    n = len(paras)
    counts = [policy_cue_count(p) for p in paras]
    return [p for k, (p, c) in enumerate(zip(paras, counts)) if not (c >= 2 or (c == 1 and k >= n - 3 and n > 3))]


def is_tail_marker(line: str) -> bool:
    return len(line) < 60 and _fold(line) in _vocab()["tail_markers"]


def is_related_marker(line: str) -> bool:
    if len(line) > 200:
        return False
    f = _fold(line)
    if _END_PUNCT.search(line) and not line.rstrip().endswith((":", ")")) and _nwords(line) > 6:
        return False  # `اقرأ أيضا: عنوان` links a headline; a sentence after the words is body
    v = _vocab()
    if f in v["tail_markers"] and _nwords(line) <= 4:
        return True  # `قصص مقترحة`, `مواضيع ذات صلة` printed inside the body
    if not f.startswith(v["related_heads"]):
        return False
    return any(f == m or (f.startswith(m) and _nwords(line) <= 16) for m in v["related_markers"])


_CREDIT_END = re.compile(r"(?:الصوره|صوره|تصوير|مصدر الصوره|الصور)\s*:\s*\S+(?:\s+\S+){0,3}$")


def looks_like_caption(line: str) -> bool:
    v = _vocab()
    f = _fold(line)
    if f.endswith(v["caption_suffixes"]):
        return True
    # a caption that ends with its credit: `من موقع الحدث الصورة: الأناضول`, `من مكان الحادث - إي بي أي`
    if f.startswith(v["caption_prefixes"]) or bool(_CREDIT_END.search(f)) and _nwords(line) <= 40:
        return True
    parts = re.split(r"\s[-–—ـ]\s", line.strip(), maxsplit=1)
    if len(parts) != 2 or not layout_lines.is_outlet(parts[1]) or is_place_part(parts[0]):
        return False
    head = _fold(parts[0])
    # `بقلم باريس – فرانس برس` is a byline, whatever its place is
    return not any(head == p or head.startswith(p + " ") for p in v["byline_prefixes"])


def looks_like_name(line: str) -> bool:
    """A short line of 2-4 words with no digits or punctuation: a bare byline name."""
    s = line.strip()
    n = _nwords(s)
    if not 2 <= n <= 4 or _HAS_DIGIT.search(s) or len(s) > 40:
        return False
    return re.fullmatch(r"[\u0621-\u064a\u0660-\u0669\u064b-\u065f\u0670\s.]+", s) is not None


def looks_like_title(line: str) -> bool:
    """A headline: up to 30 words, not ending like a sentence of running text (a question is fine)."""
    s = line.strip()
    n = _nwords(s)
    if n == 0 or n > 30 or len(s) > 250:
        return False
    return not re.search(r"[.:،,؛;]\s*$", s) or s.endswith("..")


def looks_like_heading(line: str) -> bool:
    s = line.strip()
    n = _nwords(s)
    if n == 0 or n > 15 or len(s) > 120:
        return False
    if _END_PUNCT.search(s) or s.endswith(("،", ",", "؛", ";")):
        return False
    return True


# -- the layout --------------------------------------------------------------
def _lines(text: str) -> list[str]:
    """Lines with whitespace-only lines turned into '' (blank separators)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    return [ln.strip().replace("\u00a0", " ") for ln in text.split("\n")]


_PERIOD_END = re.compile(r"[.…]\s*[\"»”')]*\s*$|[.…][\"»”')]+[.]?\s*$")


def _prose(line: str) -> bool:
    """A line of running text (not a headline link, a tag or a widget): a sentence that ends with a
    full stop, or a long line. Headlines may end with ? or ! but rarely with a full stop."""
    n = _nwords(line)
    return n >= 30 or (n >= 6 and bool(_PERIOD_END.search(line)))


def _is_tail_start(line: str) -> bool:
    if len(line) >= 60:
        return False
    f = _fold(line)
    v = _vocab()
    if f in v["tail_markers"] or f in v["tail_lines"]:
        return True
    # `المزيد حول هذه القصة`, `مواضيع ذات صلة بالخبر`: a marker and a few words
    return _nwords(line) <= 6 and f.startswith(v["tail_heads"])


def _strip_tail(lines: list[str]) -> list[str]:
    """Cut the tag/share/related block at the end of the page: from a tail marker (`الكلمات الدالة`,
    `مواضيع ذات صلة`, `المزيد`) after the body's first sentence, when no running text follows it."""
    n = len(lines)
    prose_after = [False] * (n + 1)  # is there running text after line i?
    for i in range(n - 1, -1, -1):
        prose_after[i] = prose_after[i + 1] or (bool(lines[i]) and _prose(lines[i]) and not is_furniture(lines[i]))
    seen_prose = False
    for i, ln in enumerate(lines):
        if ln and seen_prose and not prose_after[i + 1] and (_is_tail_start(ln) or _link_list(lines, i)):
            return lines[:i]
        seen_prose = seen_prose or (bool(ln) and _prose(ln))
    return lines


def _link_list(lines: list[str], i: int) -> bool:
    """A block that opens with a short label and lists two or more headline links under it (`قصص
    مقترحة` and the like, whatever the outlet calls it): the label starts a new block."""
    if i > 0 and lines[i - 1]:
        return False
    if _nwords(lines[i]) > 4 or _END_PUNCT.search(lines[i]) and not lines[i].rstrip().endswith(":"):
        return False
    block = []
    for ln in lines[i + 1:]:
        if not ln:
            break
        block.append(ln)
    return len(block) >= 2 and all(_nwords(x) <= 20 and not _prose(x) for x in block)


def _drop_related(lines: list[str], learned: frozenset[str] = frozenset(), kinds: list[str] | None = None) -> list[str]:
    """Remove `اقرأ أيضاً` blocks: the marker and the headline links that follow it (the lines of
    its own block, else the first short lines after it); a sentence ending in a full stop stays.
    A marker that carries its headline on its own line (`اقرأ أيضاً: عنوان`) takes nothing after
    it; `kinds` (a reader's block kinds): a sub-heading is never a link."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        if ln and is_related_marker(ln):
            i += 1
            taken = 0
            inline = not _is_bare_marker(ln)
            # a marker inside a run of one-paragraph lines links one headline: the next line may be body
            most = 1 if kinds is None and i >= 2 and lines[i - 2] else 5
            while i < len(lines) and taken < most and not inline:
                if kinds is not None and kinds[i] == "heading":
                    break
                nxt = lines[i]
                if not nxt:
                    if taken:
                        break
                    i += 1
                    continue
                # a headline link; a line the source repeats is its own sub-heading, not a link
                if _nwords(nxt) <= 20 and not _prose(nxt) and not _learned_furniture(nxt, learned):
                    taken += 1
                    i += 1
                    continue
                break
            continue
        out.append(ln)
        i += 1
    return out


def _is_bare_marker(line: str) -> bool:
    """The marker alone (`اقرأ أيضاً`, `مواضيع ذات صلة:`), no headline after it on the line."""
    f = _fold(line)
    v = _vocab()
    return f in v["tail_markers"] or any(f == m for m in v["related_markers"])


def _join_wrapped(blocks: list[list[str]]) -> list[str]:
    """One paragraph per line, unless a block is hard-wrapped prose (then join it)."""
    out: list[str] = []
    for block in blocks:
        if len(block) > 1:
            inner = block[:-1]
            wrapped = all(40 <= len(x) <= 100 and not _END_PUNCT.search(x) for x in inner)
            if wrapped:
                out.append(" ".join(block))
                continue
        out.extend(block)
    return out


def _hard_wrapped(block: list[str]) -> bool:
    """A block that is one paragraph wrapped at a fixed width (a text browser's dump): every
    line but the last near the block's widest, the widest at most 110 characters, and few
    inner lines ending a sentence."""
    if len(block) < 2 or len(set(block)) < len(block):  # a caption printed twice is not a paragraph
        return False
    inner = block[:-1]
    width = max(len(x) for x in block)
    if width > 110 or width < 60:
        return False
    # a paragraph ends a sentence; header lines (title, dateline, byline) stacked in one block do not
    if not re.search(r"[.!?؟…][\"»”')]*\s*$", block[-1]) or any(_nwords(x) < 7 for x in inner):
        return False
    if not all(len(x) >= 0.72 * width for x in inner):
        return False
    # wrapped at a width: the next line's first word would not have fitted on each line
    for x, nxt in zip(inner, block[1:]):
        if len(x) + 1 + len(nxt.split()[0]) <= width:
            return False
    ends = sum(1 for x in inner if re.search(r"[.!?؟:]\s*[\"»”']?\s*$", x))
    return ends <= max(1, len(inner) / 3) and len(block[-1]) <= width


def _unwrap(lines: list[str]) -> list[str]:
    """Join hard-wrapped paragraphs into one line each, keeping blank-line structure."""
    out: list[str] = []
    for block in _blocks(lines):
        out += [" ".join(block)] if _hard_wrapped(block) else block
        out.append("")
    return out


def _blocks(lines: list[str]) -> list[list[str]]:
    blocks, cur = [], []
    for ln in lines:
        if ln:
            cur.append(ln)
        elif cur:
            blocks.append(cur)
            cur = []
    if cur:
        blocks.append(cur)
    return blocks


class _Header:
    def __init__(self):
        self.caption: str | None = None
        self.title: str | None = None
        self.author: str | None = None
        self.date: ParsedDate | None = None


# Records that arrive with their own fields: their text is body, never a headline.
RECORD_FORMATS = frozenset({"jsonl", "json", "parquet", "rss", "atom", "feed", "trec"})
_CAPTION_LABEL, _TITLE_LABEL = LABELS.index("caption"), LABELS.index("title")


def _line_info(ln: str, counts: dict[str, int], learned: frozenset[str], top: bool = False) -> LineInfo:
    """What the rules know of one header line; `top`: one of the page's first lines, where an
    outlet's name that is also a word (`الشرق الأوسط`, `الرياض`) may be its masthead."""
    facts = _line_facts(ln, top)
    f = facts.fold
    return replace(facts, learned=bool(learned) and _learned_key(f) in learned, repeated=counts.get(f, 0) > 1)


def _learned_key(folded: str) -> str:
    return _DIGIT_RUN.sub("0", folded)  # furniture.fold of an already folded line


_DIGIT_RUN = re.compile(r"\d+")


@lru_cache(maxsize=4096)  # a source's template lines (masthead, menu, bylines) come back page after page
def _line_facts(ln: str, top: bool) -> LineInfo:
    from .dates import cue_patterns

    f = _fold(ln)
    n = _nwords(ln)
    if n > 16 or len(ln) > 200 or (n > 12 and _END_SENTENCE.search(ln)):  # running text: a title, a caption or body
        return LineInfo(ln, f, n, None, 99, None, False, looks_like_caption(ln), False, False, False,
                        False, False, False, False, False)
    # a full date has a year or a day/month pair: `بعد 24 عاماً` is not worth the parser
    d = parse_dateline(ln) if _DATEISH.search(ln) else None
    nt = normalize(ln)
    pub_re, upd_re = cue_patterns()
    return LineInfo(
        text=ln, fold=f, nwords=n,
        dateline=d,
        residue=layout_lines.date_residue(nt),
        byline=parse_byline(ln) if n <= 12 else None,
        bare_name=looks_like_name(ln),
        caption=looks_like_caption(ln),
        credit=layout_lines.is_credit(ln),
        furniture=is_furniture(ln) or is_related_marker(ln) or is_tail_marker(ln) or layout_lines.is_menu(ln),
        learned=False,
        outlet=n <= 8 and layout_lines.is_outlet(ln, ambiguous=top),
        breadcrumb=layout_lines.is_breadcrumb(ln),
        repeated=False,
        pub_cue=bool(pub_re.search(nt)),
        upd_cue=bool(upd_re.search(nt)),
    )


_DATEISH = re.compile(r"\d{4}|\d\s*[/.\-]\s*\d")  # every date form the parser reads has one


def header_window(lines: list[str], raw: RawDocument, learned: frozenset[str] = frozenset()):
    """The first nonblank lines with what the rules know of each and the readings they allow."""
    nonblank = [ln for ln in lines if ln]
    counts: dict[str, int] = {}
    # a line printed twice is a scrape's photo caption; in a record's own text it is body
    for ln in nonblank[: MAX_HEADER_LINES * 3] if raw.format not in RECORD_FORMATS else ():
        f = _fold(ln)
        counts[f] = counts.get(f, 0) + 1
    infos: list[LineInfo] = []
    run = 0
    for ln in nonblank[:MAX_HEADER_LINES]:
        infos.append(_line_info(ln, counts, learned, top=len(infos) < 2))
        # two paragraphs of running text in a row: the header is above them
        # two long lines of running text in a row: the header is above them
        run = run + 1 if infos[-1].nwords >= 20 else 0
        if run == 2:
            break
    for a, b in zip(infos, infos[1:]):
        if (a.caption or a.repeated) and b.outlet and b.nwords <= 4:
            b.credit = True  # an agency's name under a photo caption credits the photo
    title_ok = not raw.title and raw.format not in RECORD_FORMATS
    title_norm = _fold(raw.title) if raw.title else None
    masks = []
    for info in infos:
        m = layout_model.allowed(info, title_ok=title_ok)
        if title_norm and info.fold == title_norm:
            m[:] = False
            m[_TITLE_LABEL] = True  # the page prints its known title: drop the copy
        masks.append(m)
    lead = next((ln for ln in nonblank[: MAX_HEADER_LINES + 6] if _nwords(ln) >= 15), "")
    lead_words = set(re.findall(r"[^\W_]+", _fold(lead)))
    return infos, masks, lead_words


def _read_header(lines: list[str], raw: RawDocument, model=None, learned: frozenset[str] = frozenset()) -> tuple[_Header, list[str]]:
    """Read caption/title/byline/dateline from the first lines, by evidence; return the header and
    the body lines (every line the header reading did not name as header stays body)."""
    h = _Header()
    infos, masks, lead = header_window(lines, raw, learned)
    labels, k = layout_model.read(infos, masks, lead, model)
    keep_from_header: list[str] = []
    update = None
    for j in range(k):
        info, lab = infos[j], LABELS[labels[j]]
        ln = info.text
        if lab == "title":
            if masks[j].sum() > 1 or not raw.title:  # not merely the page's known title printed again
                h.title = h.title or ln
        elif lab == "byline":
            h.author = h.author or info.byline or ln
        elif lab == "dateline":
            h.date = h.date or info.dateline
        elif lab == "update" and info.dateline is not None:
            update = update or info.dateline
        elif lab == "caption":
            h.caption = h.caption or ln
        elif lab == "body":
            keep_from_header.append(ln)
    h.date = h.date or update  # a page that gives only its update time
    # the body: the k-th nonblank line on, with its blank-line structure
    seen = 0
    start = len(lines)
    for i, ln in enumerate(lines):
        if ln:
            if seen == k:
                start = i
                break
            seen += 1
    body = []
    for ln in keep_from_header:
        body += [ln, ""]
    return h, body + lines[start:]


def _sections(paras: list[str], headings: set[int] | None = None) -> list[Section]:
    """Group paragraphs under sub-headings: given by the reader (`headings`, indexes into
    paras) or, for plain text, a short unpunctuated line followed by a paragraph."""
    sections = [Section(None, [])]
    for k, p in enumerate(paras):
        nxt = paras[k + 1] if k + 1 < len(paras) else None
        if headings is not None:
            is_head = k in headings and nxt is not None
        else:
            is_head = nxt is not None and looks_like_heading(p) and not looks_like_heading(nxt)
        if is_head:
            sections.append(Section(p, []))
        else:
            sections[-1].paragraphs.append(p)
    return [s for s in sections if s.paragraphs or s.heading]


def _stable_id(raw: RawDocument, title: str | None, text: str) -> str:
    if raw.id:
        return str(raw.id)
    basis = raw.url or ((title or "") + "\n" + " ".join(text.split()))
    return hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]


def _learned_furniture(ln: str, learned: frozenset[str]) -> bool:
    from .furniture import fold as line_key

    return bool(learned) and _nwords(ln) <= 15 and line_key(ln) in learned


def _drop_furniture(texts: list[str], learned: frozenset[str]) -> list[bool]:
    """Which lines to drop: known furniture anywhere; a line the source repeats (learned) only
    above the body's first sentence or below its last, since a sub-heading an outlet reuses
    (`خلفية`, `ردود فعل`) sits between sentences and is body."""
    prose = [i for i, t in enumerate(texts) if t and _prose(t)]
    first, last = (prose[0], prose[-1]) if prose else (len(texts), -1)
    return [bool(t) and (is_furniture(t) or (not first < i < last and _learned_furniture(t, learned)))
            for i, t in enumerate(texts)]


def layout(raw: RawDocument, tz: str | None = None, published: str | None = None, *,
           header_model=None, learned: frozenset[str] = frozenset()) -> Article:
    """Turn a RawDocument into an Article with sections, metadata and clean text.

    `header_model`: the header reading's weights (default: the shipped model); `learned`:
    folded lines that repeat across this document's source (`learn_furniture`)."""
    header = _Header()
    headings: set[int] | None = None
    if not learned and raw.extra:
        learned = raw.extra.get("furniture") or frozenset()  # set by furniture.with_furniture
    if raw.blocks:
        paras, headings, header = _from_blocks(raw, header_model, learned)
    else:
        lines = _lines(raw.text)
        lines = _strip_tail(_unwrap(lines))
        header, body = _read_header(lines, raw, header_model, learned)
        body = _drop_related(body, learned)
        body = [ln for ln, drop in zip(body, _drop_furniture(body, learned)) if not drop]
        if header.caption:
            cap = _fold(header.caption)
            body = [ln for ln in body if _fold(ln) != cap]
        paras = _join_wrapped(_blocks(body))
        # a byline or dateline can also follow the title inside the body's first lines
        paras = _late_header(paras, header)
        paras = _drop_policy(paras)
    sections = _sections(paras, headings)
    title = raw.title or header.title
    art = Article(
        source=Source(path=raw.path, url=raw.url, format=raw.format, site=raw.site,
                      damaged_bytes=int((raw.extra or {}).get("decode_replaced") or 0),
                      encoding=(raw.extra or {}).get("encoding")),
        title=" ".join(title.split()) if title else None,
        image_caption=raw.image_caption or header.caption,
        author=raw.author or header.author,
        sections=sections,
    )
    art.rebuild_text()
    # publication time: the source's metadata, else the dateline, else --published
    pub = None
    if raw.published:
        pub = parse_date_text(raw.published) or parse_dateline(raw.published)
    else:
        pub = header.date  # only a pure dateline: a record's own `published` is never replaced
    if pub is not None:
        art.published = to_iso(pub, tz)
    elif published:
        ref = parse_date_text(published)
        art.published = to_iso(ref, tz) if ref else published
    # the script of the first lines tells the language: no need to scan a whole long article
    art.language = detect_language((art.title or "") + "\n" + art.text[:1500]) if art.text or art.title else "und"
    art.id = _stable_id(raw, art.title, art.text)
    return art


def _late_header(paras: list[str], h: _Header) -> list[str]:
    """Bylines/datelines that follow the first paragraph-like line (some templates put them there)."""
    out = []
    for k, p in enumerate(paras):
        if k < 3 and _nwords(p) <= 16:
            if h.date is None and (d := parse_dateline(p)) and layout_lines.date_residue(p) == 0:
                h.date = d
                continue
            if h.author is None and (by := parse_byline(p)):
                h.author = by
                continue
        out.append(p)
    return out


def _from_blocks(raw: RawDocument, header_model=None, learned: frozenset[str] = frozenset()) -> tuple[list[str], set[int], _Header]:
    """Paragraphs and heading positions from a reader that knows the structure (HTML, feeds).

    Metadata the reader found wins; the first blocks are still read as a header so a
    byline, dateline or caption printed in the body does not stay in the text.
    """
    title = _fold(raw.title) if raw.title else None
    blocks = [(k, t.strip()) for k, t in raw.blocks or [] if t.strip()]
    lines = [t for _, t in blocks[:MAX_HEADER_LINES]]
    h = _Header()
    infos, masks, lead = header_window(lines, raw, learned)
    labels, start = layout_model.read(infos, masks, lead, header_model)
    header_drop = set()
    for j in range(start):
        lab = LABELS[labels[j]]
        if lab == "body":
            continue
        header_drop.add(j)
        if lab == "byline":
            h.author = h.author or infos[j].byline or infos[j].text
        elif lab == "dateline":
            h.date = h.date or infos[j].dateline
        elif lab == "caption":
            h.caption = h.caption or infos[j].text
        elif lab == "title" and not raw.title:
            h.title = h.title or infos[j].text
    kept: list[tuple[str, str]] = []
    drops = _drop_furniture([t for _, t in blocks], learned)
    for k, (kind, t) in enumerate(blocks):
        if k in header_drop:
            continue
        if drops[k] or (title and _fold(t) == title):
            continue
        if kind == "caption":
            h.caption = h.caption or t
            continue
        kept.append((kind, t))
    texts = _strip_tail(_drop_related([t for _, t in kept], learned, [k for k, _ in kept]))
    texts = _drop_policy(texts)
    keep = set(texts)
    kept = [(k, t) for k, t in kept if t in keep]
    paras = [t for _, t in kept]
    headings = {i for i, (k, _) in enumerate(kept) if k == "heading"}
    return paras, headings, h


def layout_batch(raws, tz: str | None = None, published: str | None = None, *, header_model=None, learner=None) -> list[Article]:
    """Lay out documents that arrived together, learning each source's repeated lines first
    (`marsad.furniture`); `learner` may carry what earlier batches learned."""
    from .furniture import FurnitureLearner

    raws = list(raws)
    learner = learner if learner is not None else FurnitureLearner()
    for raw in raws:
        learner.add(raw)
    return [layout(raw, tz, published, header_model=header_model, learned=learner.learned(raw)) for raw in raws]


def header_example(raw: RawDocument, header: list, learned: frozenset[str] = frozenset()):
    """One labelled header window for `train_header`: the lines as layout sees them, with the
    gold reading of every line above the body (`header`: [line, label] pairs, blanks included)
    and `body` for the lines after. None when the lines do not align with the gold."""
    gold = [(ln, lab) for ln, lab in header if lab != "blank" and ln.strip()]
    if raw.blocks:
        lines = [t.strip() for _, t in raw.blocks if t.strip()]
    else:
        lines = _strip_tail(_unwrap(_lines(raw.text)))
    infos, masks, lead = header_window(lines, raw, learned)
    labels = []
    for j, info in enumerate(infos):
        if j < len(gold):
            if _fold(gold[j][0]) != info.fold or gold[j][1] not in LABELS:
                return None
            labels.append(LABELS.index(gold[j][1]))
        else:
            labels.append(LABELS.index("body"))
    return infos, masks, lead, labels


def train_header(examples, c: float = 1.0):
    """Learn the header model from (RawDocument, gold header[, learned]) examples; the gallery's
    text scrapes give them (marsad.evaluation.gallery). Returns a layout_model.HeaderModel."""
    windows = []
    for ex in examples:
        raw, header = ex[0], ex[1]
        learned = ex[2] if len(ex) > 2 else frozenset()
        w = header_example(raw, header, learned)
        if w is not None:
            windows.append(w)
    if not windows:
        raise ValueError("no header examples aligned with their documents")
    return layout_model.train(windows, c=c)
