"""A readable terminal report of one Article (rich)."""
from __future__ import annotations

from rich.console import Console
from rich.panel import Panel
from rich.table import Table

from .article import Article

_console: Console | None = None


def console() -> Console:
    global _console
    if _console is None:
        _console = Console(highlight=False, soft_wrap=False)
    return _console


def render(art: Article) -> None:
    """Print one article as a readable report: its header, then one table per annotation."""
    c = console()
    c.print(Panel(_header(art), title="marsad", border_style="cyan"))
    names = {e.id: e.name for e in art.entities}
    if art.sections:
        c.print(_table("sections", ("#", "heading", "paragraphs"),
                       [(str(i), s.heading or "—", str(len(s.paragraphs))) for i, s in enumerate(art.sections, 1)],
                       right=("#", "paragraphs"), show_lines=False, expand=False))
    if art.entities:
        c.print(_table("entities", ("type", "name", "arabic", "mentions"),
                       [(e.type, e.name, e.name_ar or "", str(len(e.mentions)))
                        for e in sorted(art.entities, key=lambda e: -len(e.mentions))[:25]]))
    if art.quotes:
        c.print(_table("quotations", ("speaker", "direct", "text"),
                       [(names.get(q.speaker_id, q.speaker_text or "?"), "yes" if q.direct else "no", q.text[:160])
                        for q in art.quotes], overflow="fold"))
    if art.timexes:
        c.print(_table("time expressions", ("text", "type", "value"), [(x.text, x.type, str(x.value)) for x in art.timexes]))
    if art.events:
        c.print(_table("events", ("type", "actor", "target", "when", "where"),
                       [(ev.type, names.get(ev.actor_id, ev.actor_id or ""), names.get(ev.target_id, ev.target_id or ""),
                         str(ev.when or ""), names.get(ev.where_id, ev.where_id or "")) for ev in art.events]))
    if art.keywords:
        c.print("[bold]keywords:[/] " + "، ".join(k.text for k in art.keywords[:10]))
    if art.topics:
        c.print("[bold]topic:[/] " + ", ".join(f"{t.label} ({t.score:.2f})" for t in art.topics[:3]))
    if art.summary:
        c.print(Panel("\n".join(s.text for s in art.summary), title="summary", border_style="green"))
    c.print()


def _header(art: Article) -> Table:
    head = Table.grid(padding=(0, 1))
    head.add_column(style="bold cyan", justify="right")
    head.add_column()
    for label, value in (
        ("title", art.title), ("author", art.author), ("published", art.published),
        ("caption", art.image_caption), ("source", art.source.path or art.source.url), ("id", art.id),
        ("language", art.language),
    ):
        if value:
            head.add_row(label, str(value))
    n_par = sum(len(s.paragraphs) for s in art.sections)
    head.add_row("layout", f"{len(art.sections)} sections, {n_par} paragraphs, {len(art.text.split())} words")
    return head


def _table(title: str, columns, rows, right=(), overflow: str | None = None, **kw) -> Table:
    t = Table(title=title, **kw)
    for col in columns:
        opts = {"justify": "right"} if col in right else {}
        if overflow:
            opts["overflow"] = overflow
        t.add_column(col, **opts)
    for row in rows:
        t.add_row(*row)
    return t
