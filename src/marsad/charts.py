"""Charts as SVG written here (no dependency): the CLI's trend chart file (`marsad trends
--chart`, PNG through matplotlib when installed) and the pages' inline charts, which render
offline with no script.

Both draw counts in a box inside margins, with five grid lines from 0 to the top count
(`_Box`) and series as polylines (`_polyline`). Every label is escaped: `html.escape` in the
file, `markupsafe.escape` in pages (whose Markup Jinja2 then leaves alone), so names from
scraped text cannot inject markup.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape as escape_file
from urllib.parse import quote

from markupsafe import Markup, escape

from .errors import MarsadError


@dataclass(frozen=True)
class _Box:
    """The plotting area inside a chart's margins (left, right, top, bottom), and the count at its top."""
    left: int
    top: int
    w: int
    h: int
    peak: int

    @classmethod
    def inside(cls, width: int, height: int, margins: tuple[int, int, int, int], peak: int) -> "_Box":
        left, right, top, bottom = margins
        return cls(left, top, width - left - right, height - top - bottom, peak)

    def y(self, v: float) -> float:
        return self.top + self.h - self.h * v / self.peak

    def ticks(self) -> list[float]:
        """The counts of the five grid lines, 0 to the top."""
        return [self.peak * k / 4 for k in range(5)]


def _polyline(points) -> str:
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in points)


# -- the CLI's trend chart: a file -------------------------------------------------------
COLORS = ["#1f6feb", "#d1242f", "#1a7f37", "#9a6700", "#8250df", "#bf3989", "#0a3069", "#57606a"]


def _label(t) -> str:
    if t.entity is not None:
        return t.entity.name_ar or t.entity.name or t.query
    return t.query


def trend_svg(trends, width: int = 760, height: int = 320) -> str:
    """`Corpus.trends` results as a standalone SVG document (one polyline per name)."""
    periods = [p["period"] for p in trends[0].series] if trends else []
    box = _Box.inside(width, height, (48, 16, 24, 56), max([p["count"] for t in trends for p in t.series] + [1]))
    left, top, w, h = box.left, box.top, box.w, box.h
    n = max(1, len(periods) - 1)

    def x(i: int) -> float:
        return left + w * (i / n if len(periods) > 1 else 0.5)

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
           f'font-family="sans-serif" font-size="11">',
           f'<rect width="{width}" height="{height}" fill="white"/>',
           f'<line x1="{left}" y1="{top + h}" x2="{left + w}" y2="{top + h}" stroke="#888"/>',
           f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + h}" stroke="#888"/>']
    for v in box.ticks():
        out.append(f'<text x="{left - 6}" y="{box.y(v) + 4:.1f}" text-anchor="end" fill="#555">{v:.0f}</text>')
        out.append(f'<line x1="{left}" y1="{box.y(v):.1f}" x2="{left + w}" y2="{box.y(v):.1f}" stroke="#eee"/>')
    step = max(1, len(periods) // 8)
    for i in range(0, len(periods), step):
        out.append(f'<text x="{x(i):.1f}" y="{top + h + 16}" text-anchor="middle" fill="#555">{escape_file(periods[i])}</text>')
    for j, t in enumerate(trends):
        c = COLORS[j % len(COLORS)]
        pts = _polyline((x(i), box.y(p["count"])) for i, p in enumerate(t.series))
        if pts:
            out.append(f'<polyline fill="none" stroke="{c}" stroke-width="2" points="{pts}"/>')
        lx = left + 10 + j * 150
        out.append(f'<rect x="{lx}" y="{height - 22}" width="12" height="12" fill="{c}"/>')
        out.append(f'<text x="{lx + 18}" y="{height - 12}" fill="#222">{escape_file(_label(t))}</text>')
    out.append("</svg>")
    return "\n".join(out)


def write_chart(trends, path: str) -> None:
    """The trends chart into `path`: .svg written here, .png through matplotlib."""
    try:
        if path.lower().endswith(".svg"):
            with open(path, "w", encoding="utf-8") as f:
                f.write(trend_svg(trends))
            return
        try:
            import matplotlib

            matplotlib.use("Agg")
            import matplotlib.pyplot as plt
        except ImportError:
            raise MarsadError("PNG charts need matplotlib (pip install matplotlib); or use --chart FILE.svg") from None
        fig, ax = plt.subplots(figsize=(8, 3.2))
        for t in trends:
            ax.plot([p["period"] for p in t.series], [p["count"] for p in t.series], label=_label(t))
        ax.legend()
        fig.autofmt_xdate()
        fig.savefig(path, dpi=100, bbox_inches="tight")
        plt.close(fig)
    except OSError as e:
        raise MarsadError(f"--chart {path}: {e.strerror or e}") from None


# -- the pages' charts: inline Markup -----------------------------------------------------
PALETTE = ["#1f6f8b", "#c0392b", "#2e8b57", "#8e44ad", "#d35400", "#34495e", "#b8860b", "#16a085"]


def _nice_max(v: int) -> int:
    if v <= 5:
        return max(v, 1)
    mag = 10 ** int(math.log10(v))
    for step in (1, 2, 5, 10):
        if v <= step * mag:
            return step * mag
    return 10 * mag


def _fill_days(periods: list[str]) -> list[str]:
    """Daily periods with the missing days put in (a gap is a day with no mention, not no day)."""
    try:
        days = [date.fromisoformat(p) for p in periods]
    except ValueError:
        return periods
    if len(days) < 2 or any(len(p) != 10 for p in periods) or (days[-1] - days[0]).days > 400:
        return periods
    step = 7 if all((b - a).days % 7 == 0 for a, b in zip(days, days[1:])) else 1
    out, d = [], days[0]
    while d <= days[-1]:
        out.append(d.isoformat())
        d += timedelta(days=step)
    return out


def line_chart(series: list[dict], width: int = 640, height: int = 240, title: str = "") -> Markup:
    """Counts over periods: `series` = [{"label", "points": [{"period", "count"}]}].

    Periods share one x axis (the union, sorted); up to three periods draw bars.
    The chart is drawn left-to-right (time flows that way on a calendar axis) even in RTL pages.
    """
    periods = _fill_days(sorted({p["period"] for s in series for p in s["points"]}))
    parts = [f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}" role="img" aria-label="{escape(title)}" direction="ltr">']
    if title:
        parts.append(f"<title>{escape(title)}</title>")
    if not periods:
        parts.append(f'<text x="{width / 2}" y="{height / 2}" text-anchor="middle" class="empty">لا بيانات</text></svg>')
        return Markup("".join(parts))
    box = _Box.inside(width, height, (40, 12, 14, 46), _nice_max(max(p["count"] for s in series for p in s["points"])))
    n = len(periods)
    x_of = {p: box.left + (box.w * (i + 0.5) / n) for i, p in enumerate(periods)}
    parts += _axes(box, periods, x_of)
    bw = max(2.0, box.w / n / (len(series) + 1))
    for si, s in enumerate(series):
        color = PALETTE[si % len(PALETTE)]
        pts = {p["period"]: p["count"] for p in s["points"]}
        if n <= 3:
            parts += _bars(box, periods, x_of, pts, s["label"], color, bw, si, len(series))
        else:
            parts += _line(box, periods, x_of, pts, s["label"], color)
    parts += _legend(series, box.left, height)
    parts.append("</svg>")
    return Markup("".join(parts))


def _axes(box: _Box, periods: list[str], x_of: dict) -> list[str]:
    """Grid lines with their counts, and at most eight period labels (MM-DD for days)."""
    parts = []
    for v in box.ticks():
        yy = box.y(v)
        parts.append(f'<line x1="{box.left}" x2="{box.left + box.w}" y1="{yy:.1f}" y2="{yy:.1f}" class="grid"/>')
        parts.append(f'<text x="{box.left - 4}" y="{yy + 4:.1f}" text-anchor="end" class="tick">{v:g}</text>')
    step = max(1, math.ceil(len(periods) / 8))
    for i, p in enumerate(periods):
        if i % step == 0:
            parts.append(f'<text x="{x_of[p]:.1f}" y="{box.top + box.h + 16}" text-anchor="middle" class="tick">'
                         f"{escape(p[5:] if len(p) == 10 else p)}</text>")
    return parts


def _bars(box: _Box, periods, x_of, pts: dict, label: str, color: str, bw: float, si: int, k: int) -> list[str]:
    """Series `si` of `k` as bars of width `bw`, side by side around each period."""
    parts = []
    for p in periods:
        c = pts.get(p, 0)
        x = x_of[p] - bw * k / 2 + si * bw
        parts.append(f'<rect x="{x:.1f}" y="{box.y(c):.1f}" width="{bw:.1f}" height="{box.top + box.h - box.y(c):.1f}" '
                     f'fill="{color}"><title>{escape(label)} {escape(p)}: {c}</title></rect>')
    return parts


def _line(box: _Box, periods, x_of, pts: dict, label: str, color: str) -> list[str]:
    path = _polyline((x_of[p], box.y(pts.get(p, 0))) for p in periods)
    parts = [f'<polyline points="{path}" fill="none" stroke="{color}" stroke-width="2"/>']
    for p in periods:
        c = pts.get(p, 0)
        if len(periods) > 30 and not c:  # long series: mark only the periods that have mentions
            continue
        parts.append(f'<circle cx="{x_of[p]:.1f}" cy="{box.y(c):.1f}" r="3" fill="{color}">'
                     f"<title>{escape(label)} {escape(p)}: {c}</title></circle>")
    return parts


def _legend(series: list[dict], lx: int, height: int) -> list[str]:
    parts = []
    for si, s in enumerate(series):
        color = PALETTE[si % len(PALETTE)]
        parts.append(f'<rect x="{lx}" y="{height - 16}" width="10" height="10" fill="{color}"/>'
                     f'<text x="{lx + 14}" y="{height - 7}" class="legend">{escape(s["label"])}</text>')
        lx += 24 + 8 * len(s["label"])
    return parts


def network(center: dict, neighbours: list[dict], width: int = 320, height: int = 280) -> Markup:
    """The entity in the middle, the entities it appears with around it; edge width ∝ shared articles.

    `center` and each neighbour: {"id", "label", "count"}; neighbours link to their pages.
    """
    cx, cy, r = width / 2, height / 2, min(width, height) / 2 - 46
    parts = [f'<svg class="network" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}" role="img" aria-label="{escape(center["label"])}">']
    top = max([nb["count"] for nb in neighbours] or [1])
    pos = []
    for i, nb in enumerate(neighbours):
        # start half a step off the vertical so two or three neighbours sit beside the centre, not on its label
        a = 2 * math.pi * (i + 0.5) / max(1, len(neighbours)) - math.pi / 2
        pos.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    for (x, y), nb in zip(pos, neighbours):
        sw = 1 + 5 * nb["count"] / top
        parts.append(f'<line x1="{cx:.1f}" y1="{cy:.1f}" x2="{x:.1f}" y2="{y:.1f}" stroke-width="{sw:.1f}" class="edge"/>')
    for (x, y), nb in zip(pos, neighbours):
        href = escape("/entities/" + quote(str(nb["id"]), safe=""))
        parts.append(f'<a href="{href}"><circle cx="{x:.1f}" cy="{y:.1f}" r="7" class="node"/>'
                     f'<text x="{x:.1f}" y="{y + 20:.1f}" text-anchor="middle" class="nlabel">{escape(nb["label"])}'
                     f'</text><title>{escape(nb["label"])}: {nb["count"]}</title></a>')
    parts.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="12" class="node center"/>'
                 f'<text x="{cx:.1f}" y="{cy + 28:.1f}" text-anchor="middle" class="nlabel center">'
                 f'{escape(center["label"])}</text></svg>')
    return Markup("".join(parts))
