"""Article text as HTML with its annotations highlighted; every piece of text escaped.

Annotations overlap (an entity inside a quotation, an event clause around a date), so
the text is cut at every annotation boundary and each piece carries the classes of all
annotations covering it. Entity pieces link to the entity page.
"""
from __future__ import annotations

from urllib.parse import quote

from markupsafe import Markup, escape

from ..article import Article
from ..corpus.snippets import rendered


def _spans(article: Article) -> list[tuple[int, int, str, str | None, str]]:
    """(start, end, class, entity id or None, tooltip) for every annotation with valid offsets."""
    n = len(article.text)
    out = []
    for e in article.entities:
        for m in e.mentions:
            out.append((m.start, m.end, f"ent ent-{e.type.lower()}", e.id, f"{e.name} ({e.type})"))
    for q in article.quotes:
        out.append((q.start, q.end, "quote", None, f"اقتباس: {q.speaker_text or '؟'}"))
    for t in article.timexes:
        out.append((t.start, t.end, "timex", None, f"{t.type} {t.value}"))
    for ev in article.events:
        out.append((ev.start, ev.end, "event", None, f"{ev.type} ({ev.cameo})"))
    return [s for s in out if 0 <= s[0] < s[1] <= n]


def highlighted(article: Article) -> Markup:
    """The body as <p> paragraphs with <span>/<a> around annotated pieces."""
    text = article.text
    spans = _spans(article)
    cuts = sorted({0, len(text), *(s[0] for s in spans), *(s[1] for s in spans)})
    html = ["<p>"]
    for a, b in zip(cuts, cuts[1:]):
        cover = [s for s in spans if s[0] <= a and b <= s[1]]
        pieces = text[a:b].split("\n\n")
        for k, piece in enumerate(pieces):
            if k:
                html.append("</p><p>")
            if not piece:
                continue
            body = str(escape(piece))
            if not cover:
                html.append(body)
                continue
            classes = " ".join(dict.fromkeys(c for s in cover for c in s[2].split()))
            tip = " · ".join(dict.fromkeys(s[4] for s in cover))
            ent = next((s[3] for s in cover if s[3]), None)
            if ent:
                href = "/entities/" + quote(ent, safe="")
                html.append(f'<a class="{classes}" href="{escape(href)}" title="{escape(tip)}" '
                            f'data-entity="{escape(ent)}">{body}</a>')
            else:
                html.append(f'<span class="{classes}" title="{escape(tip)}">{body}</span>')
    html.append("</p>")
    return Markup("".join(html))


def marked_snippet(snippet: str | None) -> Markup:
    """A search snippet with its matches marked (`corpus.snippets.marked`), escaped, matches in <mark>."""
    return Markup(rendered(str(escape(snippet or "")), "<mark>", "</mark>"))
