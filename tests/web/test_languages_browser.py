"""YASGUI's own controls in the page's language, in headless Chromium (fixtures of test_browser)."""
from __future__ import annotations

import pytest

from test_browser import CHROMIUM, browser, page, watched  # noqa: F401  (fixtures)

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")


def controls(page, url: str) -> dict[str, str]:
    """The query page's run and share buttons, the result filter and page size, after an example ran."""
    page.goto(url)
    page.wait_for_selector(".tabPanel.active .yasqe .CodeMirror")
    page.locator("button.example").first.click()
    page.locator(".tabPanel.active .yasr table.dataTable tbody tr").first.wait_for()
    return {
        "run": page.locator(".tabPanel.active .yasqe_queryButton").get_attribute("title"),
        "share": page.locator(".tabPanel.active .yasqe_share").get_attribute("aria-label"),
        "filter": page.locator(".tabPanel.active .yasr input[type=search], .tabPanel.active .yasr .tableFilter")
        .first.get_attribute("placeholder"),
        "size": page.locator(".tabPanel.active .yasr .pageSizerLabel").inner_text().strip(),
        "new tab": page.locator(".addTab").first.get_attribute("title"),
    }


def test_yasgui_speaks_chinese_on_the_chinese_page(page, live_server):
    assert controls(page, live_server + "/sparql?lang=zh") == {
        "run": "运行查询", "share": "分享查询", "filter": "筛选查询结果", "size": "每页行数：", "new tab": "新建标签页"}
    assert "用时" in page.locator(".tabPanel.active .yasr").inner_text()  # "N results in S seconds"


def test_yasgui_speaks_english_on_the_english_page(page, live_server):
    assert controls(page, live_server + "/sparql?lang=en") == {
        "run": "Run query", "share": "Share query", "filter": "Filter query results", "size": "Page size:",
        "new tab": "Add tab"}
