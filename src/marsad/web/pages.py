"""The Arabic, right-to-left web pages. Jinja2 autoescapes everything; annotated text and
charts are built as Markup by `highlight` and `svg`, which escape each piece themselves."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from .highlight import highlighted, marked_snippet
from .svg import by_week, line_chart, network

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
TEMPLATES.env.filters["snippet"] = marked_snippet
TEMPLATES.env.filters["urlpart"] = lambda s: quote(str(s or ""), safe="")
TEMPLATES.env.globals["qs"] = lambda **kw: urlencode({k: v for k, v in kw.items() if v not in (None, "")})

TYPE_AR = {"PER": "شخص", "LOC": "مكان", "ORG": "منظمة", "MISC": "أخرى"}
TEMPLATES.env.globals["type_ar"] = TYPE_AR
PAGE = 20


def _total(res: dict, page: int) -> str:
    """The count of results, or "N+" when the store did not count past this page."""
    if res.get("total") is not None:
        return str(res["total"])
    return f"{(page - 1) * PAGE + len(res['results'])}+"


TEMPLATES.env.globals["total"] = _total


def _int(v: str | None, default: int, lo: int, hi: int) -> int:
    try:
        return min(hi, max(lo, int(v)))
    except (TypeError, ValueError):
        return default


def _s(request: Request, name: str, maxlen: int = 200) -> str:
    return (request.query_params.get(name) or "").strip()[:maxlen]


def _day(v: str) -> str | None:
    """A calendar day YYYY-MM-DD, or None for anything else (a bad date filter is ignored)."""
    try:
        return date.fromisoformat(v).isoformat() if len(v) == 10 else None
    except ValueError:
        return None


def pages_router(get_backend) -> APIRouter:
    r = APIRouter(include_in_schema=False)

    def render(request: Request, name: str, status: int = 200, **ctx) -> HTMLResponse:
        return TEMPLATES.TemplateResponse(request, name, {"nav": name.split(".")[0], **ctx}, status_code=status)

    def not_found(request: Request, what: str) -> HTMLResponse:
        return render(request, "notfound.html", status=404, what=what)

    @r.get("/", response_class=HTMLResponse)
    def search_page(request: Request):
        f = {k: _s(request, k) for k in ("q", "entity", "speaker", "topic", "source")}
        f["q"] = _s(request, "q", 1000)
        f["from"], f["to"] = _day(_s(request, "from")) or "", _day(_s(request, "to")) or ""
        page = _int(request.query_params.get("page"), 1, 1, 10_000)
        res = get_backend().search(f["q"], entity=f["entity"] or None, speaker=f["speaker"] or None,
                                   topic=f["topic"] or None, source=f["source"] or None,
                                   date_from=f["from"] or None, date_to=f["to"] or None,
                                   limit=PAGE, offset=(page - 1) * PAGE)
        return render(request, "search.html", f=f, res=res, page=page, more=res["has_more"],
                      searched=any(f.values()))

    @r.get("/articles/{article_id:path}", response_class=HTMLResponse)
    def article_page(request: Request, article_id: str):
        art = get_backend().article(article_id)
        if art is None:
            return not_found(request, "المقال")
        ents = sorted(art.entities, key=lambda e: (-len(e.mentions), e.id))
        return render(request, "article.html", a=art, body=highlighted(art), ents=ents)

    @r.get("/entities", response_class=HTMLResponse)
    def entities_page(request: Request):
        q = _s(request, "q")
        page = _int(request.query_params.get("page"), 1, 1, 10_000)
        res = get_backend().entities(q, limit=PAGE, offset=(page - 1) * PAGE)
        return render(request, "entities.html", q=q, res=res, page=page, more=res["has_more"])

    @r.get("/entities/{entity_id:path}", response_class=HTMLResponse)
    def entity_page(request: Request, entity_id: str):
        e = get_backend().entity(entity_id)
        if e is None:
            return not_found(request, "الكيان")
        label = e.get("name_ar") or e["name"]
        points = [{"period": p["day"], "count": p["count"]} for p in e["per_day"] if p.get("day")]
        weekly = len(points) > 1 and (date.fromisoformat(points[-1]["period"][:10])
                                      - date.fromisoformat(points[0]["period"][:10])).days > 90
        chart = line_chart([{"label": label, "points": by_week(points) if weekly else points}],
                           title=f"ذكر {label} عبر الزمن" + (" (أسبوعيا)" if weekly else ""))
        net = network({"id": e["id"], "label": label, "count": 0},
                      [{"id": c["id"], "label": c.get("name_ar") or c["name"], "count": c["count"]}
                       for c in e["cooccurring"][:10]])
        return render(request, "entity.html", e=e, chart=chart, net=net)

    @r.get("/quotes", response_class=HTMLResponse)
    def quotes_page(request: Request):
        f = {k: _s(request, k) for k in ("speaker", "about", "q")}
        page = _int(request.query_params.get("page"), 1, 1, 10_000)
        res = get_backend().quotes(speaker=f["speaker"] or None, about=f["about"] or None, q=f["q"] or None,
                                   limit=PAGE, offset=(page - 1) * PAGE)
        return render(request, "quotes.html", f=f, res=res, page=page, more=res["has_more"])

    @r.get("/events", response_class=HTMLResponse)
    def events_page(request: Request):
        f = {k: _s(request, k) for k in ("actor", "type")}
        page = _int(request.query_params.get("page"), 1, 1, 10_000)
        res = get_backend().events(actor=f["actor"] or None, type=f["type"] or None,
                                   limit=PAGE, offset=(page - 1) * PAGE)
        return render(request, "events.html", f=f, res=res, page=page, more=res["has_more"])

    @r.get("/stories", response_class=HTMLResponse)
    def stories_page(request: Request):
        page = _int(request.query_params.get("page"), 1, 1, 10_000)
        res = get_backend().stories(limit=PAGE, offset=(page - 1) * PAGE)
        return render(request, "stories.html", res=res, page=page, more=res["has_more"])

    @r.get("/trends", response_class=HTMLResponse)
    def trends_page(request: Request):
        raw = _s(request, "names", 1000)
        names = [n.strip() for n in raw.replace("،", ",").split(",") if n.strip()][:8]
        by = request.query_params.get("by") if request.query_params.get("by") in ("day", "week", "month") else "day"
        chart = res = None
        if names:
            res = get_backend().trends(names, by=by)
            chart = line_chart([{"label": s.get("name_ar") or s.get("name") or s.get("query"), "points": s["points"]}
                                for s in res["series"]], width=760, height=300, title="مقارنة الكيانات عبر الزمن")
        return render(request, "trends.html", names=raw, by=by, res=res, chart=chart)

    @r.get("/docs", response_class=HTMLResponse)
    def docs_page(request: Request):
        return render(request, "docs.html")

    return r
