"""`marsad trends NAME... --by day|week [--chart FILE]`: mentions over time."""
from __future__ import annotations


def register(sub) -> None:
    from ..corpus.cli_util import add_common

    p = sub.add_parser("trends", help="mentions of entities (or words) per day or week; optional SVG/PNG chart")
    p.add_argument("names", nargs="+", metavar="NAME", help="entity names in any spelling (other words count matching articles)")
    p.add_argument("--by", choices=["day", "week"], default="day", help="period (default day; weeks start on Monday)")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="from this day (YYYY-MM-DD)")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="up to this day (YYYY-MM-DD)")
    p.add_argument("--chart", metavar="FILE", help="also draw a line chart (.svg, or .png with matplotlib)")
    add_common(p)
    p.set_defaults(func=run)


def run(args) -> int:
    from ..corpus.cli_util import console, open_corpus, print_json
    from ..errors import MarsadError

    if args.chart and not args.chart.lower().endswith((".svg", ".png")):
        raise MarsadError("--chart: the file name must end in .svg or .png")
    with open_corpus(args) as c:
        trends = c.trends(args.names, by=args.by, date_from=args.date_from, date_to=args.date_to)
    if args.chart:
        from ..charts import write_chart

        write_chart(trends, args.chart)
    if args.format == "json":
        print_json(trends)
        return 0
    out = console()
    if not trends or not trends[0].series:
        out.print("no mentions")
        return 0
    heads = [t.entity.name_ar or t.entity.name or t.query if t.entity else t.query for t in trends]
    out.print(f"{args.by:<12}" + "".join(f"{h[:14]:>16}" for h in heads), style="bold")
    for i, p in enumerate(trends[0].series):
        out.print(f"{p['period']:<12}" + "".join(f"{t.series[i]['count']:>16}" for t in trends))
    if args.chart:
        out.print(f"chart: {args.chart}", style="dim")
    return 0
