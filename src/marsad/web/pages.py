"""The Arabic, right-to-left web pages. Jinja2 autoescapes everything; annotated text and
charts are built as Markup by `highlight` and `marsad.charts`, which escape each piece themselves.

Each page reads its parameters with `params` (as the JSON routes do) and renders the data
of its view from the Backend; a parameter no view can take is a 400 error page."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from ..charts import line_chart, network
from ..corpus.periods import bucket
from . import params
from .highlight import highlighted, marked_snippet

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
TEMPLATES.env.filters["snippet"] = marked_snippet
TEMPLATES.env.filters["urlpart"] = lambda s: quote(str(s or ""), safe="")
TEMPLATES.env.globals["qs"] = lambda **kw: urlencode({k: v for k, v in kw.items() if v not in (None, "")})

TYPE_AR = {"PER": "شخص", "LOC": "مكان", "ORG": "منظمة", "MISC": "أخرى"}
TEMPLATES.env.globals["type_ar"] = TYPE_AR
PAGE = 20
WEEKLY_AFTER = 90  # days: a longer profile is charted by week


def _total(res: dict, page: int) -> str:
    """The count of results, or "N+" when the store did not count past this page."""
    if res.get("total") is not None:
        return str(res["total"])
    return f"{(page - 1) * PAGE + len(res['results'])}+"


TEMPLATES.env.globals["total"] = _total


def render(request: Request, name: str, status: int = 200, **ctx) -> HTMLResponse:
    return TEMPLATES.TemplateResponse(request, name, {"nav": name.split(".")[0], **ctx}, status_code=status)


def error_page(request: Request, message: str, status: int = 400) -> HTMLResponse:
    """The page for a request no view can answer, saying what is wrong."""
    return render(request, "error.html", status=status, message=message)


def _page_of(request: Request) -> tuple[int, int]:
    """(page number, offset) of a list page."""
    page = params.page_number(request.query_params.get("page"))
    return page, (page - 1) * PAGE


def _entity_chart(e: dict):
    """Mentions over time: by day, or by week when the days span more than WEEKLY_AFTER."""
    label = e.get("name_ar") or e["name"]
    points = [{"period": p["day"], "count": p["count"]} for p in e["per_day"] if p.get("day")]
    weekly = len(points) > 1 and (date.fromisoformat(points[-1]["period"][:10])
                                  - date.fromisoformat(points[0]["period"][:10])).days > WEEKLY_AFTER
    if weekly:
        points = bucket([(p["period"], p["count"]) for p in points], "week")
    return line_chart([{"label": label, "points": points}],
                      title=f"ذكر {label} عبر الزمن" + (" (أسبوعيا)" if weekly else ""))


def _entity_network(e: dict):
    label = e.get("name_ar") or e["name"]
    return network({"id": e["id"], "label": label, "count": 0},
                   [{"id": c["id"], "label": c.get("name_ar") or c["name"], "count": c["count"]}
                    for c in e["cooccurring"][:10]])


def pages_router(get_backend) -> APIRouter:
    r = APIRouter(include_in_schema=False)
    _search_pages(r, get_backend)
    _profile_pages(r, get_backend)
    _list_pages(r, get_backend)
    return r


def _search_pages(r: APIRouter, get_backend) -> None:
    @r.get("/", response_class=HTMLResponse)
    def search_page(request: Request):
        f = params.search(request.query_params.get)
        page, offset = _page_of(request)
        res = get_backend().search(**params.search_args(f), limit=PAGE, offset=offset)
        return render(request, "search.html", f=f, res=res, page=page, more=res["has_more"],
                      searched=any(f.values()))

    @r.get("/trends", response_class=HTMLResponse)
    def trends_page(request: Request):
        raw = params.texts({"names": 1000}, request.query_params.get)["names"]
        names = params.names(raw.replace("،", ",").split(","))
        by = params.period(request.query_params.get("by"))
        chart = res = None
        if names:
            res = get_backend().trends(names, by=by)
            chart = line_chart([{"label": s.get("name_ar") or s.get("name") or s.get("query"), "points": s["points"]}
                                for s in res["series"]], width=760, height=300, title="مقارنة الكيانات عبر الزمن")
        return render(request, "trends.html", names=raw, by=by, res=res, chart=chart)


def _profile_pages(r: APIRouter, get_backend) -> None:
    @r.get("/articles/{article_id:path}", response_class=HTMLResponse)
    def article_page(request: Request, article_id: str):
        art = get_backend().article(article_id)
        if art is None:
            return render(request, "notfound.html", status=404, what="المقال")
        ents = sorted(art.entities, key=lambda e: (-len(e.mentions), e.id))
        return render(request, "article.html", a=art, body=highlighted(art), ents=ents)

    @r.get("/entities", response_class=HTMLResponse)
    def entities_page(request: Request):
        q = params.texts(params.ENTITIES, request.query_params.get)["q"]
        page, offset = _page_of(request)
        res = get_backend().entities(q, limit=PAGE, offset=offset)
        return render(request, "entities.html", q=q, res=res, page=page, more=res["has_more"])

    @r.get("/entities/{entity_id:path}", response_class=HTMLResponse)
    def entity_page(request: Request, entity_id: str):
        e = get_backend().entity(entity_id)
        if e is None:
            return render(request, "notfound.html", status=404, what="الكيان")
        return render(request, "entity.html", e=e, chart=_entity_chart(e), net=_entity_network(e))


def _list_pages(r: APIRouter, get_backend) -> None:
    @r.get("/quotes", response_class=HTMLResponse)
    def quotes_page(request: Request):
        f = params.texts(params.QUOTES, request.query_params.get)
        page, offset = _page_of(request)
        res = get_backend().quotes(**params.none_if_blank(f), limit=PAGE, offset=offset)
        return render(request, "quotes.html", f=f, res=res, page=page, more=res["has_more"])

    @r.get("/events", response_class=HTMLResponse)
    def events_page(request: Request):
        f = params.texts(params.EVENTS, request.query_params.get)
        page, offset = _page_of(request)
        res = get_backend().events(**params.none_if_blank(f), limit=PAGE, offset=offset)
        return render(request, "events.html", f=f, res=res, page=page, more=res["has_more"])

    @r.get("/stories", response_class=HTMLResponse)
    def stories_page(request: Request):
        page, offset = _page_of(request)
        res = get_backend().stories(limit=PAGE, offset=offset)
        return render(request, "stories.html", res=res, page=page, more=res["has_more"])

    @r.get("/docs", response_class=HTMLResponse)
    def docs_page(request: Request):
        return render(request, "docs.html")
