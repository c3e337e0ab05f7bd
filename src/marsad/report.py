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
    c = console()
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
    c.print(Panel(head, title="marsad", border_style="cyan"))
    if art.sections:
        t = Table(title="sections", show_lines=False, expand=False)
        t.add_column("#", justify="right")
        t.add_column("heading")
        t.add_column("paragraphs", justify="right")
        for i, s in enumerate(art.sections, 1):
            t.add_row(str(i), s.heading or "—", str(len(s.paragraphs)))
        c.print(t)
    if art.entities:
        t = Table(title="entities")
        for col in ("type", "name", "arabic", "mentions"):
            t.add_column(col)
        for e in sorted(art.entities, key=lambda e: -len(e.mentions))[:25]:
            t.add_row(e.type, e.name, e.name_ar or "", str(len(e.mentions)))
        c.print(t)
    if art.quotes:
        names = {e.id: e.name for e in art.entities}
        t = Table(title="quotations")
        for col in ("speaker", "direct", "text"):
            t.add_column(col, overflow="fold")
        for q in art.quotes:
            t.add_row(names.get(q.speaker_id, q.speaker_text or "?"), "yes" if q.direct else "no", q.text[:160])
        c.print(t)
    if art.timexes:
        t = Table(title="time expressions")
        for col in ("text", "type", "value"):
            t.add_column(col)
        for x in art.timexes:
            t.add_row(x.text, x.type, str(x.value))
        c.print(t)
    if art.events:
        names = {e.id: e.name for e in art.entities}
        t = Table(title="events")
        for col in ("type", "actor", "target", "when", "where"):
            t.add_column(col)
        for ev in art.events:
            t.add_row(ev.type, names.get(ev.actor_id, ev.actor_id or ""), names.get(ev.target_id, ev.target_id or ""),
                      str(ev.when or ""), names.get(ev.where_id, ev.where_id or ""))
        c.print(t)
    if art.keywords:
        c.print("[bold]keywords:[/] " + "، ".join(k.text for k in art.keywords[:10]))
    if art.topics:
        c.print("[bold]topic:[/] " + ", ".join(f"{t.label} ({t.score:.2f})" for t in art.topics[:3]))
    if art.summary:
        c.print(Panel("\n".join(s.text for s in art.summary), title="summary", border_style="green"))
    c.print()
