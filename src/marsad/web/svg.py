"""Charts as inline SVG built on the server: they render offline, with no script.

Every label goes through `escape`, so names from scraped text cannot inject markup.
"""
from __future__ import annotations

import math

from urllib.parse import quote

from markupsafe import Markup, escape

PALETTE = ["#1f6f8b", "#c0392b", "#2e8b57", "#8e44ad", "#d35400", "#34495e", "#b8860b", "#16a085"]


def _nice_max(v: int) -> int:
    if v <= 5:
        return max(v, 1)
    mag = 10 ** int(math.log10(v))
    for step in (1, 2, 5, 10):
        if v <= step * mag:
            return step * mag
    return 10 * mag


def by_week(points: list[dict]) -> list[dict]:
    """Daily {"period", "count"} points summed into ISO weeks (keyed by their Monday)."""
    from datetime import date, timedelta

    acc: dict[str, int] = {}
    for p in points:
        d = date.fromisoformat(p["period"][:10])
        k = (d - timedelta(days=d.weekday())).isoformat()
        acc[k] = acc.get(k, 0) + p["count"]
    return [{"period": k, "count": acc[k]} for k in sorted(acc)]


def _fill_days(periods: list[str]) -> list[str]:
    """Daily periods with the missing days put in (a gap is a day with no mention, not no day)."""
    from datetime import date, timedelta

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

    Periods share one x axis (the union, sorted); a single period draws bars.
    The chart is drawn left-to-right (time flows that way on a calendar axis) even in RTL pages.
    """
    periods = _fill_days(sorted({p["period"] for s in series for p in s["points"]}))
    pad_l, pad_r, pad_t, pad_b = 40, 12, 14, 46
    w, h = width - pad_l - pad_r, height - pad_t - pad_b
    parts = [f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}" role="img" aria-label="{escape(title)}" direction="ltr">']
    if title:
        parts.append(f"<title>{escape(title)}</title>")
    if not periods:
        parts.append(f'<text x="{width / 2}" y="{height / 2}" text-anchor="middle" class="empty">لا بيانات</text></svg>')
        return Markup("".join(parts))
    top = _nice_max(max(p["count"] for s in series for p in s["points"]))
    n = len(periods)
    x_of = {p: pad_l + (w * (i + 0.5) / n) for i, p in enumerate(periods)}

    def y(c):
        return pad_t + h - h * c / top

    for k in range(5):  # grid and y labels
        v = top * k / 4
        yy = y(v)
        parts.append(f'<line x1="{pad_l}" x2="{pad_l + w}" y1="{yy:.1f}" y2="{yy:.1f}" class="grid"/>')
        parts.append(f'<text x="{pad_l - 4}" y="{yy + 4:.1f}" text-anchor="end" class="tick">{v:g}</text>')
    step = max(1, math.ceil(n / 8))
    for i, p in enumerate(periods):
        if i % step == 0:
            parts.append(f'<text x="{x_of[p]:.1f}" y="{pad_t + h + 16}" text-anchor="middle" class="tick">'
                         f"{escape(p[5:] if len(p) == 10 else p)}</text>")
    bw = max(2.0, w / n / (len(series) + 1))
    for si, s in enumerate(series):
        color = PALETTE[si % len(PALETTE)]
        pts = {p["period"]: p["count"] for p in s["points"]}
        if n == 1 or n <= 3:
            for p in periods:
                c = pts.get(p, 0)
                x = x_of[p] - bw * len(series) / 2 + si * bw
                parts.append(f'<rect x="{x:.1f}" y="{y(c):.1f}" width="{bw:.1f}" height="{pad_t + h - y(c):.1f}" '
                             f'fill="{color}"><title>{escape(s["label"])} {escape(p)}: {c}</title></rect>')
        else:
            path = " ".join(f"{x_of[p]:.1f},{y(pts.get(p, 0)):.1f}" for p in periods)
            parts.append(f'<polyline points="{path}" fill="none" stroke="{color}" stroke-width="2"/>')
            for p in periods:
                c = pts.get(p, 0)
                if n > 30 and not c:  # long series: mark only the periods that have mentions
                    continue
                parts.append(f'<circle cx="{x_of[p]:.1f}" cy="{y(c):.1f}" r="3" fill="{color}">'
                             f"<title>{escape(s['label'])} {escape(p)}: {c}</title></circle>")
    # legend
    lx = pad_l
    for si, s in enumerate(series):
        color = PALETTE[si % len(PALETTE)]
        parts.append(f'<rect x="{lx}" y="{height - 16}" width="10" height="10" fill="{color}"/>'
                     f'<text x="{lx + 14}" y="{height - 7}" class="legend">{escape(s["label"])}</text>')
        lx += 24 + 8 * len(s["label"])
    parts.append("</svg>")
    return Markup("".join(parts))


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
