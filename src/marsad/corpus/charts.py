"""Trend charts: a small self-written SVG line chart (no dependency); PNG through matplotlib when installed."""
from __future__ import annotations

from html import escape

from ..errors import MarsadError

COLORS = ["#1f6feb", "#d1242f", "#1a7f37", "#9a6700", "#8250df", "#bf3989", "#0a3069", "#57606a"]


def _label(t) -> str:
    if t.entity is not None:
        return t.entity.name_ar or t.entity.name or t.query
    return t.query


def svg(trends, width: int = 760, height: int = 320) -> str:
    periods = [p["period"] for p in trends[0].series] if trends else []
    left, right, top, bottom = 48, 16, 24, 56
    w, h = width - left - right, height - top - bottom
    peak = max([p["count"] for t in trends for p in t.series] + [1])
    n = max(1, len(periods) - 1)

    def x(i: int) -> float:
        return left + w * (i / n if len(periods) > 1 else 0.5)

    def y(v: int) -> float:
        return top + h - h * v / peak

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
           f'font-family="sans-serif" font-size="11">',
           f'<rect width="{width}" height="{height}" fill="white"/>',
           f'<line x1="{left}" y1="{top + h}" x2="{left + w}" y2="{top + h}" stroke="#888"/>',
           f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + h}" stroke="#888"/>']
    for k in range(5):
        v = peak * k / 4
        out.append(f'<text x="{left - 6}" y="{y(v) + 4:.1f}" text-anchor="end" fill="#555">{v:.0f}</text>')
        out.append(f'<line x1="{left}" y1="{y(v):.1f}" x2="{left + w}" y2="{y(v):.1f}" stroke="#eee"/>')
    step = max(1, len(periods) // 8)
    for i in range(0, len(periods), step):
        out.append(f'<text x="{x(i):.1f}" y="{top + h + 16}" text-anchor="middle" fill="#555">{escape(periods[i])}</text>')
    for j, t in enumerate(trends):
        c = COLORS[j % len(COLORS)]
        pts = " ".join(f"{x(i):.1f},{y(p['count']):.1f}" for i, p in enumerate(t.series))
        if pts:
            out.append(f'<polyline fill="none" stroke="{c}" stroke-width="2" points="{pts}"/>')
        lx = left + 10 + j * 150
        out.append(f'<rect x="{lx}" y="{height - 22}" width="12" height="12" fill="{c}"/>')
        out.append(f'<text x="{lx + 18}" y="{height - 12}" fill="#222">{escape(_label(t))}</text>')
    out.append("</svg>")
    return "\n".join(out)


def write_chart(trends, path: str) -> None:
    try:
        if path.lower().endswith(".svg"):
            with open(path, "w", encoding="utf-8") as f:
                f.write(svg(trends))
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
