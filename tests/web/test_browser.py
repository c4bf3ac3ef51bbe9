"""End to end in headless Chromium (Debian's ``chromium``, driven by Playwright): pages work offline.

Every test fails on a console error, an uncaught exception, or a request to any
host but 127.0.0.1. Screenshots are taken every run; they replace the README's
in ``docs/screenshots/`` only when ``ORGKG_SCREENSHOTS`` names that folder, so a
test run does not rewrite tracked images (the endpoint's port shows on them).
"""
from __future__ import annotations

import os
import re
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import waitress
from conftest import serve

from orgkg.web import create_app

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


class Watch:
    """What a page did that it must not: console errors, uncaught exceptions, requests off this machine.

    Content-Security-Policy reports are kept apart in ``blocked``: YASGUI
    sanitises result cells with DOMPurify, whose parse of a hostile label in an
    inert document still makes Chromium report the ``onerror`` it would block.
    Tests that show such labels expect that report (and check nothing ran).
    """

    def __init__(self, page):
        self.errors: list[str] = []
        self.blocked: list[str] = []
        self.foreign: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", lambda r: urlsplit(r.url).hostname not in ("127.0.0.1", None)
                and not r.url.startswith("data:") and self.foreign.append(r.url))

    def _console(self, message):
        if message.type == "error":
            csp = "violates the following Content Security Policy" in message.text
            (self.blocked if csp else self.errors).append(f"{message.text} at {message.location}")

    def check(self, blocked_expected: bool = False):
        assert self.errors == [], self.errors
        assert self.foreign == [], self.foreign
        assert bool(self.blocked) == blocked_expected, self.blocked


@pytest.fixture()
def watched(browser):
    """A fresh page and its :class:`Watch`; the test calls ``watch.check()``."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(20000)
    yield page, Watch(page)
    context.close()


@pytest.fixture()
def page(watched):
    """A page that must end with nothing blocked, failed or fetched from elsewhere."""
    page, watch = watched
    yield page
    watch.check()


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory) -> Path:
    """Where screenshots go: ``$ORGKG_SCREENSHOTS`` (e.g. ``docs/screenshots``), else a temporary folder."""
    folder = Path(os.environ.get("ORGKG_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def shot(page, folder: Path, name: str) -> None:
    page.screenshot(path=str(folder / name), full_page=False)
    assert (folder / name).stat().st_size > 10000, name  # a rendered page, not a blank one


def test_query_page_runs_an_example_and_links_to_entities(page, clean_server, screenshots):
    page.goto(clean_server + "/sparql")
    page.wait_for_selector(".tabPanel.active .yasqe .CodeMirror")
    assert len(page.locator("button.example").all()) >= 12
    page.locator("button.example", has_text="被最多地区实施的项目").click()
    rows = page.locator(".tabPanel.active .yasr table.dataTable tbody tr")
    rows.first.wait_for()
    assert rows.count() > 0
    assert "两学一做" in page.locator(".tabPanel.active .yasr").inner_text()
    page.wait_for_selector("#result-tools:not([hidden])")
    downloads = [a.inner_text() for a in page.locator("#download-links a").all()]
    assert downloads == ["JSON", "XML", "CSV", "TSV"]
    assert "query=" in page.url  # the address bar holds the share link
    shot(page, screenshots, "query-page.png")
    link = page.locator(".tabPanel.active .yasr a.iri", has_text=re.compile("programme")).first
    link.hover()
    assert link.get_attribute("href").startswith("/id/programme/")
    link.click()
    page.wait_for_url(re.compile(r"/id/programme/"))
    assert page.locator("h1").inner_text()


def run_shared(page) -> None:
    """Click the button that runs a shared link's query, which never runs by itself."""
    page.locator("#run-shared").click()


def test_shared_link_reopens_the_query_and_runs_it_on_a_click(page, live_server):
    query = "PREFIX ok: <https://w3id.org/orgkg/ontology#>\nSELECT ?r WHERE { ?r a ok:Region } LIMIT 3"
    page.goto(live_server + "/sparql?query=" + query.replace(" ", "%20").replace("#", "%23").replace("\n", "%0A"))
    page.locator("#shared-notice").wait_for()
    page.wait_for_timeout(500)
    assert page.locator(".tabPanel.active .yasr table.dataTable tbody tr").count() == 0  # nothing ran unasked
    run_shared(page)
    page.locator(".tabPanel.active .yasr table.dataTable tbody tr").first.wait_for()
    assert "LIMIT 3" in page.locator(".tabPanel.active .yasqe").inner_text()
    assert page.locator(".tabPanel.active .yasr table.dataTable tbody tr").count() == 3


def test_the_editors_share_button_gives_a_link_that_reopens_the_query(page, live_server):
    query = "SELECT ?r WHERE { ?r a ok:Region } LIMIT 2"
    page.goto(live_server + "/sparql")
    page.wait_for_selector(".tabPanel.active .yasqe .CodeMirror")
    page.evaluate("q => document.querySelector('.tabPanel.active .CodeMirror').CodeMirror.setValue(q)", query)
    page.locator(".tabPanel.active .yasqe_share").click()
    link = page.locator(".yasqe_sharePopup input").input_value()
    assert link.startswith(live_server + "/sparql?query=") and "#" not in link
    page.goto(link)
    page.locator("#shared-notice").wait_for()
    run_shared(page)
    page.locator(".tabPanel.active .yasr table.dataTable tbody tr").first.wait_for()
    assert "LIMIT 2" in page.locator(".tabPanel.active .yasqe").inner_text()
    assert page.locator(".tabPanel.active .yasr table.dataTable tbody tr").count() == 2
    assert page.locator("#share-link").count() == 0  # one share link, not two


def test_a_bad_query_shows_the_parser_message(watched, live_server):
    page, watch = watched
    page.goto(live_server + "/sparql?query=SELECT%20*%20WHERE%20%7B%20%3Fs")
    run_shared(page)
    error = page.locator(".tabPanel.active .yasr .query-error")
    error.wait_for()
    assert "400 · QuerySyntaxError" in error.inner_text()
    assert "at line 1, column" in error.locator("pre").inner_text()  # where, as the query is written
    assert page.locator("#result-tools").is_hidden()
    assert watch.errors and all("400" in e or "QuerySyntaxError" in e for e in watch.errors)
    watch.errors.clear()  # the 400 was the point
    watch.check()


def test_typing_completes_offline(page, live_server):
    """Prefix, class and property completion must not ask the internet (YASGUI's default asks LOV)."""
    page.goto(live_server + "/sparql")
    page.locator(".tabPanel.active .CodeMirror").click()
    page.keyboard.press("Control+End")
    page.keyboard.type("\nSELECT * WHERE { ?s a foaf:Pers")
    page.keyboard.press("Control+Space")
    page.keyboard.type("on ; rdfs:lab")
    page.keyboard.press("Control+Space")
    page.wait_for_load_state("networkidle")
    assert "PREFIX foaf:" in page.locator(".tabPanel.active .yasqe").inner_text()  # bundled prefix completion works


def test_reset_link_clears_stored_tabs(page, live_server):
    page.goto(live_server + "/sparql")
    page.locator("button.example").first.click()
    page.wait_for_selector("#result-tools:not([hidden])")
    assert page.evaluate("window.localStorage.length") > 0
    assert page.locator(".tabsList .tab").count() == 2
    page.reload()
    page.wait_for_selector(".tabPanel.active .yasqe .CodeMirror")
    assert page.locator(".tabsList .tab").count() == 2  # kept across a reload …
    page.locator("#reset-editor").click()
    page.wait_for_selector(".tabPanel.active .yasqe .CodeMirror")
    assert page.locator(".tabsList .tab").count() == 1  # … and gone after a reset


def test_construct_result_and_graph_view(watched, live_server):
    """The region–measure network holds the hostile labels: YASGUI's attempt to run one is blocked."""
    page, watch = watched
    page.goto(live_server + "/sparql")
    page.locator("button.example", has_text="CONSTRUCT").click()
    page.wait_for_selector("#result-tools:not([hidden])")
    assert [a.inner_text() for a in page.locator("#download-links a").all()] == ["TTL", "NT", "JSONLD"]
    assert page.evaluate("window.__pwned") is None
    page.locator("#graph-link").click()
    page.wait_for_selector("#network[data-stable=true]", timeout=60000)
    assert page.locator("#network canvas").count() == 1
    assert page.evaluate("window.__pwned") is None
    watch.check(blocked_expected=True)


def test_entity_page(page, clean_server, screenshots):
    page.goto(clean_server + "/id/region/430200")
    assert page.locator("h1").inner_text().startswith("株洲市")
    assert "湖南省" in page.locator("nav.hierarchy").inner_text()
    shot(page, screenshots, "entity-page.png")
    page.locator("a", has_text="邻域网络").click()
    page.wait_for_selector("#network[data-stable=true]", timeout=60000)


def test_network_view_is_drawn_in_place(page, clean_server, screenshots):
    """The README's network pictures: a province's two-hop neighbourhood with its filters, search box, legend and
    hint, hubs labelled (see test_network_browser); and a city's, in English, with English place names."""
    page.set_viewport_size({"width": 1280, "height": 1000})
    page.goto(clean_server + "/network/entity/region/430000?hops=2")
    page.wait_for_selector("#network[data-stable=true]")
    assert page.evaluate("document.querySelectorAll('#network canvas').length") == 1
    for part in ("form.filters", "#network-search", "#network-types", "#network-communities", "#network-hint"):
        assert page.locator(part).is_visible(), part
    shot(page, screenshots, "network-view.png")
    page.goto(clean_server + "/network/entity/region/430200?hops=2&lang=en")
    page.wait_for_selector("#network[data-stable=true]")
    assert page.locator("h1").inner_text() == "Neighbourhood network: Zhuzhou"
    assert "Zhuzhou" in page.evaluate("orgkgNetwork.body.data.nodes.get().map(n => n.label)")
    shot(page, screenshots, "network-view-en.png")


def test_hostile_labels_never_run(page, live_server, hostile_paths):
    for path in ["/network/entity/region/430200?hops=2"] + hostile_paths:
        page.goto(live_server + path)
        if path.startswith("/network"):
            page.wait_for_selector("#network[data-stable=true]", timeout=60000)
        assert page.evaluate("window.__pwned") is None
        if not path.startswith("/network"):
            assert "<" in page.locator("h1").inner_text()  # the markup shows as text


def test_search_suggestions_lead_to_the_entity(page, live_server):
    page.goto(live_server + "/")
    page.locator("#search-box").fill("株洲")
    suggestion = page.locator("#search-suggestions").get_by_text("株洲市", exact=True)
    suggestion.click()
    page.wait_for_url(re.compile(r"/id/region/430200$"))
    page.locator("#search-box").fill("湖南")  # by keyboard: the first suggestion is the exact name
    page.locator("#search-suggestions a").first.wait_for()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/id/region/430000$"))


def test_english_and_phone_width(browser, clean_server, screenshots):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    watch = Watch(page)
    for path in ("/?lang=en", "/id/region/430200", "/sparql"):
        page.goto(clean_server + path)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), path
    assert page.locator("nav a", has_text="Network").count() == 1  # English kept by the cookie
    page.goto(clean_server + "/id/region/430200")
    shot(page, screenshots, "entity-page-phone.png")
    watch.check()
    context.close()


def test_yasgui_escapes_hostile_labels_even_without_csp(browser, live_server):
    """With the page's CSP bypassed, a results table holding hostile labels still runs nothing."""
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.goto(live_server + "/sparql")
    page.locator("button.example", has_text="某市的机制举措").click()
    table = page.locator(".tabPanel.active .yasr table.dataTable")
    table.locator("tbody tr").first.wait_for()
    assert "<img src=x onerror=" in table.inner_text()  # shown as text …
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__pwned") is None  # … and never run
    context.close()


@pytest.fixture(scope="module")
def capped_server(graph_file):
    """The app with a row cap of 5, served by waitress on a thread of this process."""
    server = waitress.create_server(create_app({"GRAPH": graph_file, "SPARQL_MAX_ROWS": 5}), host="127.0.0.1", port=0)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}"
    server.close()
    thread.join(timeout=10)


def test_truncation_is_shown(page, capped_server):
    page.goto(capped_server + "/sparql?query=SELECT%20*%20WHERE%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D")
    run_shared(page)
    notice = page.locator("#truncation")
    notice.wait_for()
    assert "5" in notice.inner_text() and "截断" in notice.inner_text()
    assert page.locator(".tabPanel.active .yasr table.dataTable tbody tr").count() == 5


def test_the_editor_completes_entity_names_and_vocabulary_terms(page, live_server):
    page.goto(live_server + "/sparql")
    page.wait_for_selector(".tabPanel.active .yasqe .CodeMirror")
    page.evaluate("""() => { const cm = document.querySelector('.tabPanel.active .CodeMirror').CodeMirror;
                             cm.setValue('SELECT * WHERE {\\n  '); cm.focus(); cm.setCursor(1, 2); }""")
    page.keyboard.type("株洲")
    hints = page.locator(".CodeMirror-hints li")
    hints.first.wait_for()
    assert "株洲市" in hints.first.inner_text() and "地区" in hints.first.inner_text()
    page.keyboard.press("Enter")
    text = page.evaluate("() => document.querySelector('.tabPanel.active .CodeMirror').CodeMirror.getValue()")
    assert "<https://w3id.org/orgkg/id/region/430200>" in text and "株洲" not in text
    page.keyboard.type(" ok:impl")
    hints.first.wait_for()
    assert hints.first.inner_text().startswith("ok:implements")


@pytest.fixture(scope="module")
def full_server(full_corpus, tmp_path_factory):
    """The app serving the full corpus (built by the server itself), only when ``ORGKG_CORPUS`` names it."""
    yield from serve(full_corpus, tmp_path_factory.mktemp("full") / "graph.ttl")


def test_the_editor_offers_chengdu_for_chengdu_on_the_full_corpus(page, full_server, screenshots):
    """The README's completion picture: typing 成都 in a query offers 成都市 (a Region) first."""
    page.goto(full_server + "/sparql")
    page.wait_for_selector(".tabPanel.active .yasqe .CodeMirror")
    page.evaluate("""() => { const cm = document.querySelector('.tabPanel.active .CodeMirror').CodeMirror;
                             cm.setValue('SELECT ?region ?programme WHERE {\\n  ?region ok:implements ?programme .\\n  ?region ok:partOf \\n}');
                             cm.focus(); cm.setCursor(2, 20); }""")
    page.keyboard.type("成都")
    hints = page.locator(".CodeMirror-hints li")
    hints.first.wait_for()
    assert hints.first.inner_text().startswith("成都市 · 地区")
    shot(page, screenshots, "query-completion.png")
    page.keyboard.press("Enter")
    text = page.evaluate("() => document.querySelector('.tabPanel.active .CodeMirror').CodeMirror.getValue()")
    assert "ok:partOf <https://w3id.org/orgkg/id/region/510100>" in text


def test_a_graph_download_is_saved_not_drawn_and_the_page_shows_sizes(page, clean_server, screenshots):
    page.goto(clean_server + "/downloads")
    assert re.search(r"orgkg\.ttl\s*·\s*[\d.]+ KB", page.locator("main").inner_text())
    shot(page, screenshots, "downloads-page.png")
    with page.expect_download() as download:
        page.locator("a", has_text="orgkg.ttl").click()
    assert download.value.suggested_filename == "orgkg.ttl"
    assert page.url.endswith("/downloads")  # the tab still shows the page, not 40 KB of Turtle
    assert b"@prefix" in Path(download.value.path()).read_bytes()


def test_a_province_page_shows_its_parts_and_items_first_and_folds_long_lists(page, live_server):
    page.goto(live_server + "/id/region/430000")
    contains = page.locator("dt", has=page.locator("code", has_text="^ok:partOf")).bounding_box()
    implements = page.locator("dt", has=page.locator("code", has_text="ok:implements")).first.bounding_box()
    first_fold = page.locator("details.section").first
    assert contains["y"] < first_fold.bounding_box()["y"] and implements["y"] < first_fold.bounding_box()["y"]
    for fold in page.locator("details.section").all():  # a folded list opens on a click
        if fold.get_attribute("open") is None:
            fold.locator("summary").click()
        assert fold.locator("table").is_visible()
