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
