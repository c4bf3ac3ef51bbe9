"""Merge keys and labels of programmes and initiatives across regions and articles."""
from __future__ import annotations

from collections import defaultdict

import pytest

from orgkg.graph.doc import Article, MeasureMention, RegionRef
from orgkg.graph.knowledge import packaged
from orgkg.graph.measures import merge_key as _merge_key, normalise, preferred_label as _preferred_label
from orgkg.graph.resolve import resolve as _resolve
from orgkg.resources import data_text

NATIONAL = packaged().national
LEXICON = packaged().lexicon


def merge_key(mention, region):
    return _merge_key(mention, region, NATIONAL, LEXICON)


def preferred_label(names):
    return _preferred_label(names, NATIONAL)


def resolve(articles):
    return _resolve(articles, NATIONAL, LEXICON)

HEBI = RegionRef("410600", "鹤壁市", "prefecture")
KAIFENG = RegionRef("410200", "开封市", "prefecture")


def _m(name: str, core: str, kind: str = "programme") -> MeasureMention:
    return MeasureMention(kind, name, core, 0, len(name), 0)


SAME = [
    pytest.param(_m("“两个覆盖”攻坚行动", "两个覆盖"), _m("“两个覆盖”集中攻坚行动", "两个覆盖"), KAIFENG, id="quoted-variant"),
    pytest.param(_m("“党课开讲啦”系列活动", "党课开讲啦"), _m("“党课开讲啦”", "党课开讲啦"), KAIFENG, id="quoted-without-head"),
    pytest.param(_m("“第一议题”制度", "第一议题", "initiative"), _m("“第一议题”学习制度", "第一议题", "initiative"),
                 KAIFENG, id="national-system-variant"),
    pytest.param(_m("主题教育", "主题教育"), _m("学习贯彻习近平新时代中国特色社会主义思想主题教育", "主题教育"),
                 KAIFENG, id="national-short-form"),
    pytest.param(_m("容错纠错工作办法", "容错纠错工作办法", "initiative"), _m("容错纠错办法", "容错纠错办法", "initiative"),
                 HEBI, id="regional-filler"),
    pytest.param(_m("农村党员“五重”管理模式", "五重", "initiative"), _m("“五重”管理模式", "五重", "initiative"),
                 HEBI, id="field-words-before-a-short-core"),
    pytest.param(_m("“五星”支部创建活动", "五星"), _m("“五星”支部创建", "五星"), HEBI, id="short-core-with-and-without-huodong"),
    pytest.param(_m("《鹤壁市人才发展规划》", "鹤壁市人才发展规划", "initiative"),
                 _m("人才发展规划", "人才发展规划", "initiative"), HEBI, id="own-region-name-before-a-document"),
]


@pytest.mark.parametrize(("a", "b", "b_region"), SAME)
def test_variants_merge(a, b, b_region):
    assert merge_key(a, HEBI) == merge_key(b, b_region)


DISTINCT = [
    pytest.param(_m("干部能力提升三年行动计划", "干部能力提升三年行动计划"), HEBI,
                 _m("干部能力提升三年行动计划", "干部能力提升三年行动计划"), KAIFENG, id="generic-plan-per-region"),
    pytest.param(_m("“五星”支部创建", "五星"), HEBI, _m("“五星”党支部书记培育计划", "五星"), HEBI, id="short-core-other-name"),
    pytest.param(_m("“1+5”制度体系", "1+5", "initiative"), HEBI, _m("“1+5”制度体系", "1+5", "initiative"), KAIFENG,
                 id="formulaic-core-per-region"),
    pytest.param(_m("“头雁”工程", "头雁"), HEBI, _m("“头雁”品牌", "头雁", "initiative"), HEBI, id="other-kind"),
    pytest.param(_m("“两个维护”闭环落实机制", "两个维护", "initiative"), HEBI,
                 _m("“两个维护”闭环落实机制", "两个维护", "initiative"), KAIFENG, id="slogan-core-per-region"),
]


@pytest.mark.parametrize(("a", "a_region", "b", "b_region"), DISTINCT)
def test_distinct_items_stay_apart(a, a_region, b, b_region):
    assert merge_key(a, a_region)[0] != merge_key(b, b_region)[0]


@pytest.mark.parametrize(
    ("mention", "scope"),
    [
        pytest.param(_m("党史学习教育", "党史学习教育"), "national", id="national"),
        pytest.param(_m("“墩苗育苗”计划", "墩苗育苗"), "shared", id="quoted"),
        pytest.param(_m("《鹤壁市人才发展规划》", "鹤壁市人才发展规划", "initiative"), "regional", id="document"),
        pytest.param(_m("人才服务专员制度", "人才服务专员制度", "initiative"), "regional", id="descriptive"),
    ],
)
def test_scope(mention, scope):
    assert merge_key(mention, HEBI)[1] == scope


def test_preferred_label_is_order_independent():
    names = ["“两个覆盖”攻坚行动", "“两个覆盖”集中攻坚行动", "“两个覆盖”行动"]
    assert preferred_label(names) == preferred_label(list(reversed(names))) == "“两个覆盖”集中攻坚行动"


@pytest.mark.parametrize(
    ("names", "label"),
    [
        pytest.param(["“红色物业”", "“红色物业”品牌创建活动", "“红色物业”"], "“红色物业”", id="most-written-form"),
        pytest.param(["“墩苗”计划", "“墩苗”工程"], "“墩苗”工程", id="tie-same-length-code-point-order"),
        pytest.param(["“墩苗”计划", "年轻干部“墩苗”计划"], "年轻干部“墩苗”计划", id="tie-fuller-name"),
        pytest.param(["主题教育", "“四史”主题教育", "“四史”主题教育"], "学习贯彻习近平新时代中国特色社会主义思想主题教育",
                     id="national-name-wins"),
    ],
)
def test_preferred_label(names, label):
    assert preferred_label(names) == preferred_label(list(reversed(names))) == label


def _article(title: str, region: RegionRef, names: list[str]) -> Article:
    article = Article(id=title, position=1, title=title, level=None, source="test", text="", subject=region)
    article.programmes = [_m(name, "红色物业") for name in names]
    return article


def test_label_counts_articles_not_repeats():
    """A node is labelled with the form most articles write: one article repeating
    its long variant does not outweigh two that write the short one."""
    articles = [
        _article("甲", HEBI, ["“红色物业”品牌创建活动", "“红色物业”品牌创建活动", "“红色物业”品牌创建活动"]),
        _article("乙", KAIFENG, ["“红色物业”"]),
        _article("丙", RegionRef("410100", "郑州市", "prefecture"), ["“红色物业”"]),
    ]
    [entity] = resolve(articles).measures.values()
    assert entity.label(NATIONAL) == "“红色物业”"
    assert entity.names == ["“红色物业”品牌创建活动", "“红色物业”"]


def test_national_table_is_consistent():
    """Each written variant belongs to one entry, and kinds are the known ones."""
    owners = defaultdict(set)
    for line in data_text("national.tsv").splitlines():
        if line.strip() and not line.startswith("#"):
            name, kind, variants = line.split("\t")
            assert kind in {"programme", "initiative", "slogan"}, line
            for variant in {name, *variants.split("|")}:
                owners[normalise(variant)].add(name)
    assert {v: o for v, o in owners.items() if len(o) > 1} == {}
    assert set(owners) <= set(NATIONAL.entries)


def test_real_corpus_national_campaigns_are_shared(corpus_articles):
    """Across the corpus each national campaign is one node reported by many regions,
    and the written variants of one quoted programme fall into one node."""
    regions_by_key = defaultdict(set)
    names_by_key = defaultdict(set)
    for article in corpus_articles:
        for m in article.measures:
            key, scope = merge_key(m, article.subject)
            regions_by_key[key].add(article.subject.key if article.subject else None)
            names_by_key[key].add(m.name)
    assert len(regions_by_key["national:党史学习教育"]) >= 40
    assert len(regions_by_key["national:“不忘初心、牢记使命”主题教育"]) >= 40
    covering = names_by_key["programme:两个覆盖"]
    assert {"“两个覆盖”攻坚行动", "“两个覆盖”集中攻坚行动"} <= covering
