"""The analysis pages in headless Chromium: no console error, nothing fetched off this machine (see test_browser)."""
from __future__ import annotations

import pytest
from test_browser import CHROMIUM, browser, page, screenshots, shot, watched  # noqa: F401 - the shared fixtures

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")


@pytest.mark.parametrize("path", ["/analysis/", "/analysis/diffusion?min=1", "/analysis/central",
                                  "/analysis/similar/430200", "/analysis/indicator/party-members?lang=en",
                                  "/downloads"])
def test_analysis_pages_load_clean(page, clean_server, path):  # noqa: F811
    page.goto(clean_server + path)
    assert page.locator("h1").count() == 1 and page.locator("main").inner_text().strip()


def test_region_page_leads_to_similar_regions(page, clean_server, screenshots):  # noqa: F811
    page.goto(clean_server + "/analysis/diffusion?min=1")
    shot(page, screenshots, "analysis-diffusion.png")
    page.goto(clean_server + "/id/region/430200")
    page.locator("section.similar a", has_text="芦淞区").click()
    assert page.locator("h1").inner_text().startswith("芦淞区")


def test_bars_show_their_numbers_and_lead_to_the_regions(page, clean_server, screenshots):  # noqa: F811
    page.goto(clean_server + "/analysis/indicator/party-members")
    bars = page.locator("svg.bars g.bar")
    assert bars.count() == 2
    assert page.locator("svg.bars").get_attribute("aria-describedby") == "table-by_region"
    assert page.locator("#table-by_region tbody tr").count() == 2
    page.goto(clean_server + "/analysis/diffusion?min=1&lang=en")
    shot(page, screenshots, "analysis-bars.png")
    first = page.locator("svg.bars g.bar").first
    assert first.locator("text.value").text_content() == "2"
    first.locator("rect").click()
    page.wait_for_url("**/analysis/map/**")
    assert page.locator("svg.map path[data-code='430000']").get_attribute("fill") == "url(#hatch)"


def test_the_map_drills_down_from_a_province_to_its_prefectures(page, clean_server, screenshots):  # noqa: F811
    page.goto(clean_server + "/analysis/map/indicator/party-members")
    hunan = page.locator("svg.map path[data-code='430000']")
    assert hunan.get_attribute("data-value") == "3835000"
    assert page.locator("svg.map path.unit").count() == 34 and page.locator("svg.map path.maritime").count() == 1
    assert page.locator("svg.map use").count() == 1  # the South China Sea inset
    page.set_viewport_size({"width": 1280, "height": 1120})  # the whole national map with its legend
    shot(page, screenshots, "analysis-map.png")
    page.goto(clean_server + "/analysis/map/indicator/party-members?province=430000")
    zhuzhou = page.locator("svg.map path[data-code='430200']")
    assert zhuzhou.get_attribute("data-value") == "253000"
    zhuzhou.click()
    page.wait_for_url("**/id/region/430200")


def test_the_timeline_draws_each_dated_value(page, clean_server, screenshots):  # noqa: F811
    page.goto(clean_server + "/analysis/timeline/party-members")
    points = page.locator("svg.timeline circle")
    assert sorted(p.get_attribute("data-year") for p in points.all()) == ["2022", "2022"]
    assert page.locator("#table-timeline tbody tr").count() == 2
    shot(page, screenshots, "analysis-timeline.png")
