"""Browse pages and the article reader in headless Chromium: they work offline and run nothing they show.

The browser, the watched page and the screenshot folder are those of ``test_browser.py``.
"""
from __future__ import annotations

import re

from test_browser import browser, page, pytestmark, screenshots, shot, watched  # noqa: F401 - fixtures

TABLES = ["articles", "regions", "programmes", "initiatives", "concepts", "figures", "indicators", "mentions"]


def test_every_browse_page_loads_sorts_and_pages(page, live_server):  # noqa: F811
    for table in TABLES:
        page.goto(f"{live_server}/browse/{table}?_size=2")
        assert page.locator("table.browse tbody tr").count() >= 1, table
        assert re.search(r"第 \d+–\d+ 行，共 \d+ 行", page.locator("nav.pager").first.inner_text())
    assert page.evaluate("window.__pwned") is None  # the hostile labels of the programmes page stayed text
    page.goto(f"{live_server}/browse/programmes?_size=3")
    page.locator('th[data-column="label"] a').click()
    page.wait_for_url(re.compile(r"_sort=label"))
    page.locator('nav.pager a[rel="next"]').first.click()
    page.wait_for_url(re.compile(r"_page=2"))
    assert "第 4–6 行" in page.locator("nav.pager").first.inner_text()


def test_a_facet_click_filters_the_table(page, clean_server, screenshots):  # noqa: F811
    page.goto(f"{clean_server}/browse/regions")
    page.locator('.facet[data-facet="level"] a', has_text="县级").click()
    page.wait_for_url(re.compile(r"level=county"))
    levels = page.locator("table.browse tbody tr td:nth-child(2)").all_inner_texts()
    assert levels and set(levels) == {"县级"}
    page.goto(f"{clean_server}/browse/figures")
    shot(page, screenshots, "browse-page.png")


def test_reader_marks_and_links(page, clean_server, screenshots):  # noqa: F811
    page.goto(f"{clean_server}/browse/articles")
    page.locator("table.browse tbody tr td:nth-child(2) a").first.click()
    page.wait_for_url(re.compile(r"/id/article/"))
    page.locator("a", has_text="阅读原文").click()
    page.wait_for_url(re.compile(r"/reader/"))
    assert page.locator(".mark").count() >= 5 and page.locator(".mark-Figure").count() >= 1
    shot(page, screenshots, "reader-page.png")
    page.locator(".mark-Region a").first.click()
    page.wait_for_url(re.compile(r"/id/region/"))
