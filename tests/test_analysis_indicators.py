"""Indicator values normalised where the text gives a base, and left empty where it gives none.

On articles written here in the reports' style, and, with ``ORGKG_CORPUS`` set, on the
full corpus, where every normalised value is worked out again from its source sentence(s).
"""
from __future__ import annotations

import unicodedata
from decimal import Decimal

import pytest

from orgkg.graph.analysis import indicators
from orgkg.graph.graphfile import serialize
from orgkg.graph.store import open_store

#: my own articles: a stated share, a part of a stated whole, a percentage, a count with no base,
#: and a part whose article gives two wholes (from … to …), which pairs with neither
ARTICLES = {
    "ganzhou.txt": ("新时代赣州市人才工作综述\n"
                    "　　目前，全市人才资源总量达52万余人，占常住人口的18.3%。\n"
                    "　　截至2022年底，全市人才总量达到36.5万人，其中专业技术人才9.2万人。\n"
                    "　　换届后，全市村党组织书记、主任“一肩挑”比例达96.4%。\n"
                    "　　截至2022年底，全市共有党员35.2万名。\n"),
    "jian.txt": ("新时代吉安市人才工作综述\n"
                 "　　十年来，全市人才总量从120万人增加到260万人，"
                 "专业技术人才从50万人增加到110万人。\n"),
}
GANZHOU, JIAN = "https://w3id.org/orgkg/id/region/360700", "https://w3id.org/orgkg/id/region/360800"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from orgkg.graph.build import build_corpus

    folder = tmp_path_factory.mktemp("normalised")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    path = folder / "graph.ttl"
    path.write_bytes(serialize(build_corpus(folder), "ttl"))
    return open_store(path)


def normalised(store, key: str) -> list[tuple]:
    return [(r["region_iri"], r["value"], r["share"], r["derivation"], r["base"], r["base_value"])
            for r in indicators.indicator(store, key).rows]


def test_a_share_the_sentence_states_is_kept_with_its_base(store):
    assert (GANZHOU, 520000, 0.183, "stated", "常住人口", None) in normalised(store, "talent-total")


def test_a_part_is_a_share_of_the_one_whole_its_article_gives(store):
    rows = normalised(store, "professional-talent")
    assert (GANZHOU, 92000, 0.2521, "part-of", "人才资源总量", 365000) in rows
    whole = next(r for r in indicators.indicator(store, "talent-total").rows if r["value"] == 365000)
    part = next(r for r in indicators.indicator(store, "professional-talent").rows if r["value"] == 92000)
    assert part["base_iri"] == whole["figure_iri"]


def test_a_percentage_is_its_own_share(store):
    assert normalised(store, "village-one-shoulder") == [(GANZHOU, 96.4, 0.964, "percent", None, None)]


def test_no_base_no_normalised_value(store):
    assert normalised(store, "party-members") == [(GANZHOU, 352000, None, None, None, None)]
    jian = [r for r in normalised(store, "professional-talent") + normalised(store, "talent-total") if r[0] == JIAN]
    assert len(jian) == 4 and all(r[2:] == (None,) * 4 for r in jian)  # two wholes: which one is not said


def test_the_columns_are_only_added_to(store):
    assert indicators.indicator(store, "talent-total").columns[:13] == (
        "region", "region_iri", "level", "province", "province_iri", "value", "unit", "approx", "time",
        "sentence", "article", "article_iri", "figure_iri")


def check_derivable(store, key: str, by_figure: dict) -> int:
    """Every normalised value of ``key`` worked out again from the sentence(s) it cites; how many there are."""
    found = 0
    for row in indicators.indicator(store, key).rows:
        if row["share"] is None:
            assert row["derivation"] is row["base"] is row["base_value"] is row["base_iri"] is None, row
            continue
        found += 1
        sentence = unicodedata.normalize("NFKC", row["sentence"])
        if row["derivation"] == "percent":
            assert row["unit"] == "%" and Decimal(str(row["share"])) * 100 == Decimal(str(row["value"]))
        elif row["derivation"] == "stated":
            percent = Decimal(str(row["share"])) * 100
            assert any(f"占{row['base']}{middle}{percent.normalize():f}%" in sentence
                       for middle in ("", "的", "的比例为", "比例为", "的比例达", "达")), row
        else:
            assert row["derivation"] == "part-of" and indicators.PARTS[key]
            whole = by_figure[row["base_iri"]]
            assert (whole["article_iri"], whole["region_iri"], whole["time"]) == (
                row["article_iri"], row["region_iri"], row["time"])
            assert whole["value"] == row["base_value"] >= row["value"]
            assert row["share"] == round(row["value"] / whole["value"], indicators.PLACES)
    return found


def test_every_normalised_value_on_the_full_corpus_is_derivable_from_its_sentences(corpus_graph_file):
    store = open_store(corpus_graph_file, timeout=300)
    keys = [r["key"] for r in indicators.indicators(store).rows]
    by_figure = {r["figure_iri"]: r for key in keys for r in indicators.indicator(store, key).rows}
    found = {key: check_derivable(store, key, by_figure) for key in keys}
    assert found["village-one-shoulder"] >= 5 and found["talent-total"] >= 1 and found["professional-talent"] >= 1
