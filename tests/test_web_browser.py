"""The web pages in a real headless Chromium (Debian's `chromium`, driven by Playwright).

Skips when no browser is installed; CI installs it. Set MARSAD_SCREENSHOTS=DIR to save a
PNG of each page there (docs/screenshots/ is made that way).
"""
from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from webdata import make_corpus

CHROMIUM = next((p for p in ("/usr/bin/chromium", "/usr/bin/chromium-browser") if os.path.exists(p)),
                shutil.which("chromium"))
pytestmark = pytest.mark.skipif(not CHROMIUM, reason="no chromium browser installed")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    from marsad.web.app import create_app

    db = make_corpus(tmp_path_factory.mktemp("web") / "web.db")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(db=db), host="127.0.0.1", port=port, log_level="warning"))
    t = threading.Thread(target=srv.run, daemon=True)
    t.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    t.join(10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield b
        b.close()


@pytest.fixture()
def page(browser, server):
    ctx = browser.new_context(viewport={"width": 1200, "height": 900}, locale="ar")
    pg = ctx.new_page()
    outside = []

    def watch(req):  # no request may leave the machine (no CDN, no fonts from elsewhere)
        if not req.url.startswith(server) and not req.url.startswith(("data:", "about:")):
            outside.append(req.url)

    pg.on("request", watch)
    pg.base = server
    yield pg
    ctx.close()
    assert not outside, f"external requests: {outside}"


def shot(pg, name: str) -> None:
    out = os.environ.get("MARSAD_SCREENSHOTS")
    if out:
        Path(out).mkdir(parents=True, exist_ok=True)
        pg.screenshot(path=str(Path(out) / f"{name}.png"), full_page=False)


def test_every_page_loads_rtl_with_the_local_font(page):
    for path in ["/", "/entities", "/quotes", "/events", "/stories", "/trends?names=بوتين", "/docs"]:
        resp = page.goto(page.base + path)
        assert resp.status == 200, path
        assert page.get_attribute("html", "dir") == "rtl" and page.get_attribute("html", "lang") == "ar"
    page.goto(page.base + "/")
    page.evaluate("document.fonts.ready")
    assert page.evaluate("document.fonts.check('16px \"Noto Naskh Arabic\"', 'بوتين')")
    assert page.evaluate("[...document.fonts].some(f => f.family.includes('Noto Naskh Arabic') && f.status === 'loaded')")


def test_search_with_another_spelling_finds_the_article_and_highlights_the_entity(page):
    page.goto(page.base + "/")
    shot(page, "home")
    # the article spells the name زيلينسكي; the query uses the other common spelling
    page.fill("input[name=q]", "زيلنسكي")
    page.click("form.search button[type=submit]")
    page.wait_for_selector(".hit")
    titles = page.locator(".hit h2 a").all_inner_texts()
    assert "زيلينسكي يطالب بمزيد من الدفاعات الجوية" in titles
    assert page.locator(".hit mark").count() >= 1
    assert page.locator(".facets a", has_text="فولوديمير زيلينسكي").count() >= 1
    shot(page, "search")
    page.click("text=زيلينسكي يطالب بمزيد من الدفاعات الجوية")
    page.wait_for_url("**/articles/zelensky-drones")
    marked = page.locator('.body a.ent[data-entity="volodymyr-zelenskyy"]')
    assert marked.count() == 2
    assert marked.first.inner_text() == "زيلينسكي"
    bg = marked.first.evaluate("e => getComputedStyle(e).backgroundColor")
    assert bg not in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.locator(".body .quote").count() == 1 and page.locator(".legend").is_visible()
    shot(page, "article")


def test_entity_page_shows_spellings_chart_and_network(page):
    page.goto(page.base + "/entities/volodymyr-zelenskyy")
    spellings = page.locator(".spellings li").all_inner_texts()
    assert any("زيلينسكي" in s for s in spellings) and any("زيلنسكي" in s for s in spellings)
    chart = page.locator("#mentions-chart svg.chart")
    assert chart.is_visible()
    box = chart.bounding_box()
    assert box["width"] > 200 and box["height"] > 100
    assert chart.locator("polyline, rect").count() >= 1
    assert page.locator("#network svg a").count() >= 2  # Ukraine and Putin
    shot(page, "entity")


def test_scraped_script_is_shown_as_text_and_never_runs(page):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(page.base + "/?q=شيفرة")
    page.click(".hit h2 a")  # its id is a URL: the link must carry it quoted
    page.wait_for_selector(".body")
    assert page.title() != "pwned" and not dialogs
    assert "<script>document.title='pwned'</script>" in page.locator(".body").inner_text()
    assert "<script>alert('title')</script>" in page.locator("h1").inner_text()
    assert page.locator(".body script, h1 script, .body b").count() == 0
    page.goto(page.base + "/?q=شيفرة")
    assert page.locator(".hit script").count() == 0 and not dialogs


def test_quotes_stories_trends_pages(page):
    page.goto(page.base + "/quotes?speaker=زيلنسكي")
    assert page.locator("ul.quotes li").count() == 2
    shot(page, "quotes")
    page.goto(page.base + "/stories")
    assert page.locator(".story").count() == 1 and page.locator(".story li").count() == 2
    shot(page, "stories")
    page.goto(page.base + "/trends")
    page.fill("input[name=names]", "بوتين، زيلنسكي")
    page.click("form.search button[type=submit]")
    page.wait_for_selector("#trends-chart svg")
    assert page.locator("#trends-chart svg polyline").count() == 2
    shot(page, "trends")
    page.goto(page.base + "/events")
    assert page.locator("table.list tbody tr").count() == 2
    shot(page, "events")
    page.goto(page.base + "/entities?q=زيلنسكي")
    assert page.locator("table.list tbody a").all_inner_texts() == ["فولوديمير زيلينسكي"]
    page.goto(page.base + "/entities")
    assert page.locator("table.list tbody tr").count() == 5
    shot(page, "entities")
    page.goto(page.base + "/docs")
    assert page.locator(".apidoc .op").count() >= 10
    shot(page, "api-docs")
