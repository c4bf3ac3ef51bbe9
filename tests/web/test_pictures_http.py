"""The analyses' pictures over HTTP: bar charts, maps of China's divisions, timelines, their tables and twins.

What a chart draws is read back from the SVG the server wrote (each bar's
``data-value``, each shape's ``data-code`` and fill) and checked against the
JSON twin of the table beside it, on the sample and, with ``ORGKG_CORPUS``, on
the full corpus.
"""
from __future__ import annotations

import csv
import html
import io
import re

import pytest
from test_analysis_http import BASE, HUNAN, LUSONG, ZHUZHOU, path_of, projection, shared_item  # noqa: F401 (fixtures)
from test_languages_http import chinese_in, english_in, fetch

from orgkg.graph.analysis import diffusion, series
from orgkg.graph.analysis.projection import project, reporters
from orgkg.graph.analysis.table import Table
from orgkg.graph.store import open_store
from orgkg.web import create_app, mapdraw, maps

BAR = re.compile(r'<g class="bar" data-label="([^"]*)" data-value="([^"]*)">')
SHAPE = re.compile(r'<a (?:href="([^"]*)" )?tabindex="-1"><path class="(unit|overlay)" d="[^"]*" fill="([^"]*)" '
                   r'data-code="(\d+)"(?: data-value="([^"]*)")?>')
POINT = re.compile(r'<circle cx="[^"]*" cy="[^"]*" r="4" fill="[^"]*" data-year="(\d+)"><title>([^<]*)</title>')


def bars(page: str) -> list[tuple[str, float]]:
    return [(html.unescape(label), float(value)) for label, value in BAR.findall(page)]


def shapes(page: str) -> dict[str, dict]:
    """Each drawn shape by code: its link, whether it is a county drawn over the base, its fill and value."""
    return {code: {"href": html.unescape(href) if href else None, "overlay": kind == "overlay", "fill": fill,
                   "value": float(value) if value else None}
            for href, kind, fill, code, value in SHAPE.findall(page)}


def text(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.get_data(as_text=True)


def test_indicator_bars_are_the_table_beside_them(client):
    page = text(client, "/analysis/indicator/party-members")
    rows = client.get("/analysis/indicator/party-members.json").get_json()["by_region"]
    assert bars(page) == [(r["region"], r["value"]) for r in rows] == [("湖南省", 3835000), ("株洲市", 253000)]
    svg = page.split('<svg class="bars"', 1)[1].split("</svg>", 1)[0]
    assert 'role="img"' in svg and 'aria-describedby="table-by_region"' in svg and "<title id=" in svg and "<desc" in svg
    assert 'id="table-by_region"' in page and 'href="/id/region/430200" tabindex="-1"' in svg
    assert page.index('id="chart-by_region"') < page.index('id="table-by_region"') < page.index('id="table-indicator"')
    english = text(client, "/analysis/indicator/party-members?lang=en")
    assert [label for label, _ in bars(english)] == ["Hunan", "Zhuzhou"]  # the page's language
    assert ">3,835,000</text>" in english  # the value printed at the bar


def test_the_bars_csv_is_the_table_they_draw(client):
    table = list(csv.DictReader(io.StringIO(text(client, "/analysis/indicator/party-members.csv?table=by_region"))))
    assert [(r["region_iri"], r["value"], r["figures"]) for r in table] == [(HUNAN, "3835000", "1"), (ZHUZHOU, "253000", "1")]
    whole = list(csv.DictReader(io.StringIO(text(client, "/analysis/indicator/party-members.csv"))))
    assert "sentence" in whole[0]  # the page's own twin is still every figure
    assert 'href="/analysis/indicator/party-members.csv?table=by_region"' in text(client, "/analysis/indicator/party-members")


def test_diffusion_bars_say_how_many_they_leave_out(client):
    rows = client.get("/analysis/diffusion.json?min=1").get_json()["diffusion"]
    page = text(client, "/analysis/diffusion?min=1&bars=5")
    drawn = bars(page)
    assert drawn == [(r["item"], r["regions"]) for r in rows[:5]]
    assert f"显示前 5 条，共 {len(rows)} 条" in page
    assert 'href="/analysis/diffusion?min=1&amp;bars=all"' in page and 'href="#table-diffusion"' in page
    assert len(bars(text(client, "/analysis/diffusion?min=1&bars=all"))) == len(rows)
    assert f'data-shown="{min(20, len(rows))}" data-total="{len(rows)}"' in text(client, "/analysis/diffusion?min=1")


@pytest.mark.parametrize("path", ["/analysis/diffusion?bars=0", "/analysis/diffusion?bars=many",
                                  "/analysis/indicator/party-members.csv?table=nope"])
def test_bad_chart_arguments_are_400(client, path):
    response = client.get(path)
    assert response.status_code == 400


def test_national_map_colours_a_province_by_its_own_value_only(client):
    page = text(client, "/analysis/map/indicator/party-members")
    drawn = shapes(page)
    assert set(drawn) == set(mapdraw.provinces())  # every province, Taiwan, Hong Kong and Macao included
    assert drawn["430000"]["value"] == 3835000
    assert drawn["430000"]["href"] == "/analysis/map/indicator/party-members?province=430000"  # 株洲市 is below it
    assert [c for c, s in drawn.items() if s["value"] is not None] == ["430000"]  # 株洲市's value is not 湖南省's
    assert 'class="maritime"' in page and '<use href="#map-shapes"/>' in page  # the South China Sea inset
    rows = client.get("/analysis/map/indicator/party-members.json").get_json()["regions"]
    assert {r["region_iri"]: r["shown"] for r in rows} == {HUNAN: "map", ZHUZHOU: "province_map"}
    assert 'href="/analysis/map/indicator/party-members?province=430000">湖南省</a>' in page  # the way down for keys
    assert 'href="/id/region/430000" tabindex="-1"' not in page and "湖南省: 3,835,000 名 · 下辖 1 个地区有数据" in page


def test_a_province_map_shows_its_prefectures_and_counties(client, shared_item):
    page = text(client, "/analysis/map/indicator/party-members?province=430000")
    drawn = shapes(page)
    assert drawn["430200"]["value"] == 253000 and not drawn["430200"]["overlay"]
    assert "湖南省本级：3,835,000 名" in page
    assert {c for c, s in drawn.items() if not s["overlay"]} == set(mapdraw.divisions("430000")[0])
    item = text(client, f"/analysis/map/{path_of(shared_item)}?province=430000")
    coloured = {c: s for c, s in shapes(item).items() if s["fill"] == maps.REPORTS}
    assert set(coloured) == {"430200", "430203"} and coloured["430203"]["overlay"]
    assert coloured["430203"]["href"] == "/id/region/430203"


def test_an_item_map_hatches_a_province_whose_own_report_lacks_it(client, shared_item):
    page = text(client, f"/analysis/map/{path_of(shared_item)}")
    hunan = shapes(page)["430000"]
    assert hunan["fill"] == maps.HATCH and hunan["href"] == f"/analysis/map/{path_of(shared_item)}?province=430000"
    rows = list(csv.DictReader(io.StringIO(text(client, f"/analysis/map/{path_of(shared_item)}.csv"))))
    assert {(r["region_iri"], r["code"], r["shown"]) for r in rows} == {(ZHUZHOU, "430200", "province_map"),
                                                                      (LUSONG, "430203", "province_map")}
    assert f'href="/analysis/map/{path_of(shared_item)}"' in text(client, f"/analysis/diffusion/{path_of(shared_item)}")
    assert f'href="/analysis/map/{path_of(shared_item)}"' in text(client, f"/id/{path_of(shared_item)}")  # its page


def test_regions_with_no_code_or_no_boundary_are_listed_not_drawn():
    entries = [maps.Entry(BASE + "region/x", "某街道", None, "township"),
               maps.Entry(BASE + "region/999999", "某县", "999999", "county"),
               maps.Entry(HUNAN, "湖南省", "430000", "province")]
    drawn = maps.draw(entries, None, {}, lambda code: f"/down/{code}", lambda key, **values: key)
    assert drawn.shown == {BASE + "region/x": "no_code", BASE + "region/999999": "no_boundary", HUNAN: "map"}
    assert [s.code for s in drawn.shapes if s.fill == maps.REPORTS] == ["430000"]


@pytest.mark.parametrize("path", ["/analysis/map/indicator/nope", "/analysis/map/region/430200",
                                  "/analysis/map/indicator/party-members?province=999999",
                                  "/analysis/timeline/nope.json"])
def test_unknown_maps_and_timelines_are_404(client, path):
    assert client.get(path).status_code == 404


def test_timeline_points_are_the_values_by_year(client):
    rows = client.get("/analysis/timeline/party-members.json").get_json()["timeline"]
    assert [(r["region_iri"], r["year"], r["value"]) for r in rows] == [(ZHUZHOU, 2022, 253000), (HUNAN, 2022, 3835000)]
    page = text(client, "/analysis/timeline/party-members")
    assert sorted(POINT.findall(page)) == [("2022", "株洲市, 2022: 253,000"), ("2022", "湖南省, 2022: 3,835,000")]
    assert 'aria-describedby="table-timeline"' in page and 'id="table-timeline"' in page
    table = list(csv.DictReader(io.StringIO(text(client, "/analysis/timeline/party-members.csv"))))
    assert [int(r["year"]) for r in table] == [2022, 2022]
    assert 'href="/analysis/timeline/party-members"' in text(client, "/analysis/indicator/party-members")


def test_a_figure_without_one_year_is_counted_not_placed(client):
    page = text(client, "/analysis/timeline/talent-total")  # 湖南省's total talent has no time
    assert POINT.findall(page) == [] and "该指标的 1 个数字中有 1 个的时间不是单一年份" in page


PAGES = ["/analysis/indicator/party-members", "/analysis/diffusion?min=1&bars=3", "/analysis/map/indicator/party-members",
         "/analysis/map/indicator/party-members?province=430000", "/analysis/timeline/party-members",
         "/analysis/timeline/talent-total"]


@pytest.mark.parametrize("path", PAGES)
def test_pictures_speak_the_page_s_language(client, path):
    assert english_in(fetch(client, path, "zh", 200)) == []
    assert chinese_in(fetch(client, path, "en", 200)) == []


def test_views_are_kept_on_disk_and_read_back_the_same(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    made = mapdraw.view.__wrapped__("430000")
    [kept] = (tmp_path / "orgkg" / "maps").iterdir()
    assert mapdraw.view.__wrapped__("430000") == made and kept.name.startswith("430000-")
    with pytest.raises(mapdraw.NoBoundary):
        mapdraw.view.__wrapped__("430200")


# the full corpus (ORGKG_CORPUS)

@pytest.fixture(scope="module")
def full(corpus_graph_file):
    return create_app({"GRAPH": corpus_graph_file}).test_client(), project(open_store(corpus_graph_file))


def test_full_corpus_every_coded_reporter_of_an_item_is_coloured(full):
    client, graph = full
    for row in diffusion.diffusion(graph).rows[:8]:
        item = path_of(row["item_iri"])
        listed = client.get(f"/analysis/map/{item}.json").get_json()["regions"]
        assert {r["region_iri"] for r in listed} == reporters(graph, row["item_iri"])
        national = shapes(text(client, f"/analysis/map/{item}"))
        for r in listed:
            code = r["code"]
            if not code:
                assert r["shown"] == "no_code"
            elif code not in mapdraw.codes():
                assert r["shown"] == "no_boundary"
            elif code == mapdraw.province_of(code):
                assert r["shown"] == "map" and national[code]["fill"] == maps.REPORTS, (row["item"], r["region"])
            else:
                drawn = shapes(text(client, f"/analysis/map/{item}?province={mapdraw.province_of(code)}"))
                assert drawn[code]["fill"] == maps.REPORTS, (row["item"], r["region"])
                assert national[mapdraw.province_of(code)]["fill"] in (maps.REPORTS, maps.HATCH)
        own = {r["code"] for r in listed if r["shown"] == "map"}
        assert {c for c, s in national.items() if s["fill"] == maps.REPORTS} == own  # no province by its cities
        page = text(client, f"/analysis/map/{item}")
        for r in listed:
            if r["shown"] in ("no_code", "no_boundary"):
                assert f'href="/id/{path_of(r["region_iri"])}"' in page.split('class="unmapped"', 1)[1]


def test_full_corpus_every_bar_is_its_region_s_value(full):
    client, _ = full
    for key in ("training-person-times", "talent-total", "party-members"):
        rows = client.get(f"/analysis/indicator/{key}.json").get_json()
        regional = series.by_region(Table(tuple(rows["indicator"][0]), rows["indicator"]))
        assert rows["by_region"] == regional.records()
        drawn = bars(text(client, f"/analysis/indicator/{key}?bars=all"))
        assert [v for _, v in drawn] == [r["value"] for r in rows["by_region"]]
        assert len(drawn) == len({r["region_iri"] for r in rows["indicator"]})
        page = text(client, f"/analysis/indicator/{key}")
        if len(drawn) > 20:
            assert f"显示前 20 条，共 {len(drawn)} 条" in page
