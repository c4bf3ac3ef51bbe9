"""The word tables of ``data/``: each loads, documents its lists, holds each word once a list,
and every list is read by the code and still decides what the extractors find."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from orgkg.graph.doc import Article, Sentence
from orgkg.graph.errors import OrgkgError
from orgkg.graph.extract import Pipeline, figures, regions
from orgkg.graph.extract.lexicon import LISTS, Lexicon, read_lists
from orgkg.graph.knowledge import Knowledge, packaged
from orgkg.resources import data_text

TABLES = [
    pytest.param("measure_words.tsv", LISTS, id="measure-words"),
    pytest.param(figures.TABLE, figures.LISTS, id="figure-words"),
    pytest.param("region_words.tsv", regions.LISTS, id="region-words"),
]


def _article(text: str) -> Article:
    sentence = Sentence(index=0, text=text, start=0, end=len(text), paragraph=0, section=None)
    return Article(id="t", position=1, title="测试", level=None, source="test", text=text, sentences=[sentence])


@pytest.mark.parametrize("table, lists", TABLES)
def test_every_word_table_loads_documents_its_lists_and_holds_each_word_once(table, lists):
    text = data_text(table)
    words = read_lists(text, f"data/{table}", lists)
    assert [name for name in lists if not words.get(name)] == []
    assert {name: ws for name, ws in words.items() if len(set(ws)) != len(ws)} == {}
    assert list(words) == list(lists)  # the lists stand in the table in the order the code names them
    described = set(re.findall(r"^# ([a-z-]+): ", text, re.M))
    assert set(lists) - described == set()  # each list has a comment line saying what it is for


def test_a_list_no_code_knows_is_an_error():
    with pytest.raises(OrgkgError, match=r"data/figure_words.tsv: unknown list 'unit-word'"):
        read_lists("run-verb\t开展\nunit-word\t名\n", "data/figure_words.tsv", figures.LISTS)


def _compiled(lexicon: Lexicon) -> dict:
    """What a lexicon builds from its lists, patterns as their text."""
    return {k: v.pattern if isinstance(v, re.Pattern) else v for k, v in vars(lexicon).items() if k != "words"}


@pytest.mark.parametrize("name", LISTS)
def test_every_measure_list_is_read(name):
    """Emptying a list changes what the lexicon builds: no list of the table is left unread."""
    full = packaged().lexicon
    assert _compiled(Lexicon({**full.words, name: ()})) != _compiled(full)


@pytest.mark.parametrize("module, name", [(figures, name) for name in figures.LISTS]
                         + [(regions, name) for name in regions.LISTS])
def test_every_figure_and_region_list_is_read(module, name):
    source = Path(module.__file__).read_text(encoding="utf-8")
    assert re.search(rf'(?:WORDS|\bw)\["{name}"\]', source)


def test_the_region_words_knowledge_hands_out_are_the_table():
    text = data_text("region_words.tsv")
    assert packaged().region_words == read_lists(text, regions.TABLE, regions.LISTS)


def test_a_region_kind_no_code_knows_is_an_error():
    with pytest.raises(OrgkgError, match=r"data/region_words.tsv: unknown list 'zone-suffixes'"):
        regions.RegionFinder(packaged().gazetteer, {"zone-suffixes": ("新区",)})


def _measures(text: str, lexicon: Lexicon) -> list[tuple[str, str]]:
    knowledge = Knowledge(national=packaged().national, lexicon=lexicon)
    return sorted((m.kind, m.name) for m in Pipeline(["programmes", "initiatives"], knowledge)(_article(text)).measures)


P, I = "programme", "initiative"
MEASURE_LISTS = [
    ("conjunction", "出台《意见》、并鼓励人才向基层流动《若干措施》。", [(I, "鼓励人才向基层流动《若干措施》")]),
    ("preposition", "建立对村干部星级评定管理制度。", [(I, "村干部星级评定管理制度")]),
    ("not-leading", "从严管理干部监督机制不断健全。", [(I, "从严管理干部监督机制")]),
    ("document-kind", "市委印发关于加强村级组织建设的通知，", [(I, "关于加强村级组织建设的通知")]),
    ("document-verb", "研究出台关于进一步激励干部担当作为的实施意见。", [(I, "关于进一步激励干部担当作为的实施意见")]),
    ("title-verb", "实施乡村振兴人才支持《规划》。", [(I, "乡村振兴人才支持《规划》")]),
    ("chained-verb", "研究制定出台村干部报酬动态调整办法。", [(I, "村干部报酬动态调整办法")]),
    ("document-chained-verb", "制定完善优秀年轻干部选拔培养管理若干措施。", [(I, "优秀年轻干部选拔培养管理若干措施")]),
    ("document-prefix", "制定出台鼓励人才向基层一线流动《若干措施》。", [(I, "鼓励人才向基层一线流动《若干措施》")]),
    ("document-head", "研究出台关于进一步激励干部担当作为的实施意见。", [(I, "关于进一步激励干部担当作为的实施意见")]),
    ("generic-title", "实施乡村振兴人才支持《规划》。", [(I, "乡村振兴人才支持《规划》")]),
    ("determiner", "制定各级干部关爱若干措施。", []),
    ("not-document", "制定征求意见工作规则。", []),
    ("opening-word", "制定涵盖干部考核评价的《实施办法》。", [(I, "《实施办法》")]),
    ("document-opening-word", "制定为基层减负若干措施。", []),
    ("joined-head", "出台“容错”办法和干部召回办法。", [(I, "“容错”办法"), (I, "干部召回办法")]),
    ("carried-document", "制定落实人才发展规划纲要的具体措施。", []),
    ("class-verb", "举办全市乡镇党委书记履职能力提升专题研讨班。", [(P, "全市乡镇党委书记履职能力提升专题研讨班")]),
    ("class-head", "举办全市乡镇党委书记履职能力提升专题研讨班。", [(P, "全市乡镇党委书记履职能力提升专题研讨班")]),
    ("not-class", "组织开展新任村党组织书记专题培训班。", []),
    ("strategy-modifier", "深入实施人才强县首位战略。", [(I, "人才强县首位战略")]),
    ("generic-mark", "建立健全各项干部管理制度。", []),
    ("unmarking-word", "推行在职党员双报到制。", [(I, "在职党员双报到制")]),
    ("generic-end", "建立健全人才服务系统机制。", []),
    ("carrier", "以“红色管家”为主抓手，打通服务群众最后一公里。", [(P, "“红色管家”")]),
    ("not-field-start", "深入开展全市“岗位建功”活动。", [(P, "“岗位建功”活动")]),
    ("not-field", "开展技术研发“揭榜挂帅”。", []),
    ("not-run", "开展庆祝建党百年主题活动。", []),
    ("package-word", "出台“金凤还巢”20条举措，", [(I, "“金凤还巢”20条举措")]),
    ("package-after", "推出“甲城英才”15条政策。", [(I, "“甲城英才”15条政策")]),
    ("umbrella-head", "实施“十大行动”，推动党建提质增效。", [(P, "“十大行动”")]),
    ("umbrella-verb", "实施党建引领乡村振兴五项行动，成效明显。", [(P, "党建引领乡村振兴五项行动")]),
    ("umbrella-modifier", "推进村级集体经济增收3项重点工程。", [(P, "村级集体经济增收3项重点工程")]),
    ("umbrella-unquoted-head", "实施党建引领乡村振兴五项行动，成效明显。", [(P, "党建引领乡村振兴五项行动")]),
    ("programme-column", "在电视台开设专栏《党建之声》。", [(P, "《党建之声》")]),
    ("event-verb", "连续举办三届青年创新创业大赛。", [(P, "青年创新创业大赛")]),
    ("innovation-field", "构建自主创新人才培养体系。", [(I, "自主创新人才培养体系")]),
    ("innovation-partner", "开展青年人才创新创业大赛活动。", [(P, "青年人才创新创业大赛活动")]),
    ("set-phrase", "建立全面从严治党主体责任清单。", [(I, "全面从严治党主体责任清单")]),
    ("carried-adverb", "实施全面提升村级组织质量三年行动计划。", [(P, "全面提升村级组织质量三年行动计划")]),
]


def test_every_grammar_list_of_the_measure_table_has_a_sentence():
    grammar = LISTS[LISTS.index("conjunction"):]
    assert [name for name, _, _ in MEASURE_LISTS] == list(grammar)


@pytest.mark.parametrize("name, text, expected", [pytest.param(*case, id=case[0]) for case in MEASURE_LISTS])
def test_each_measure_list_decides_a_sentence(name, text, expected):
    """With the packaged lists the sentence gives ``expected``; with the list emptied it gives something else."""
    full = packaged().lexicon
    assert _measures(text, full) == expected
    assert _measures(text, Lexicon({**full.words, name: ()})) != expected


def _figures(text: str) -> list[tuple[str, str, str | None]]:
    found = figures.find_figures(_article(text), packaged().indicators).figures
    return [(str(f.value), f.unit, f.subject) for f in found]


# a sentence with a word of the list where the rule reads it, and what it gives; then a like sentence with no
# word of the list in that place, and what that gives: the list's word makes the difference
FIGURE_COUNTS = [
    ("unit", "栽种茶苗1500万株。", [("15000000", "株")], "栽种茶苗1500万棵。", []),
    ("phase-after", "启动人才公寓二期工程。", [], "举办青年干部培训班二期。", [("2", "期")]),
    ("named-after", "出台八项措施。", [], "成立七个科室。", [("7", "个")]),
    ("named-before", "抓好这三项工作。", [], "完成三项工作。", [("3", "项")]),
    ("run-verb", "实施万名人才工程。", [], "选派万名干部下沉一线。", [("10000", "名")]),
    ("round-name-head", "推出百名博士引进计划。", [], "推出百名博士。", [("100", "名")]),
    ("rule-head", "建立财政投入逐年递增15%机制。", [], "财政投入逐年递增15%。", [("15", "%")]),
    ("plan-head", "实施五年筹建10万套人才住房计划。", [], "实施五年筹建10万套人才住房项目。", [("100000", "套")]),
    ("edition-verb", "连续举办五届创业大赛。", [("5", "届")], "选举产生十九届委员会。", []),
    ("criterion-verb", "90%的村至少有2名大学生。", [("90", "%")], "90%的村选出2名大学生。", [("90", "%"), ("2", "名")]),
    ("count-link", "收入达30万元的村达到52个。", [("52", "个")], "收入达30万元的村，共52个。",
     [("300000", "元"), ("52", "个")]),
    ("each-word", "活动场所面积全部达到200平方米。", [], "活动场所面积大多达到200平方米。", [("200", "平方米")]),
    ("each-verb", "活动场所面积均达到200平方米。", [], "活动场所面积均为200平方米。", [("200", "平方米")]),
    ("target-lead", "力争示范支部占比达到75%，五星支部达到30个。", [],
     "示范支部占比达到75%，五星支部达到30个。", [("75", "%"), ("30", "个")]),
    ("target-word", "每个乡镇至少培育致富带头人20名。", [], "每个乡镇培育致富带头人20名。", [("20", "名")]),
    ("cap-word", "给予安家补贴最高50万元。", [], "给予安家补贴共50万元。", [("500000", "元")]),
    ("plan-word", "拟新增岗位50个。", [], "已新增岗位50个。", [("50", "个")]),
    ("planned-action", "全年计划考录公务员60名。", [], "全年计划分配公务员60名。", [("60", "名")]),
    ("not-after", "挂职锻炼4个月。", [], "挂职锻炼4个村。", [("4", "个")]),
    ("duration-fact", "集中5天时间学习。", [("5", "天")], "15天内完成审批。", []),
    ("completion-verb", "项目180天建成投产。", [("180", "天")], "项目180天建成。", []),
    ("people-noun", "人才总量超过27万，", [("270000", "人")], "投资总额超过27万，", []),
    ("household-noun", "带动4.6万低收入农户增收。", [("46000", "户")], "投资总额超过27万，", []),
]
FIGURE_SUBJECTS = [
    ("noun-unit", "指导6县（市、区）选聘大学生。", "指导县（市、区）", "指导6个县（市、区）选聘大学生。", "指导县（市、区）选聘大学生"),
    ("share-word", "经营性收入10万元以上的村达到302个，占比69.4%。", "经营性收入10万元以上的村占比",
     "经营性收入10万元以上的村达到302个，份额69.4%。", "份额"),
    ("lead-word", "现有女性党员3200名。", "女性党员", "拥有女性党员3200名。", "拥有女性党员"),
    ("trail-word", "全市党员总数增加到12万名。", "党员总数", "全市党员总数变成12万名。", "党员总数变成"),
    ("noun-stop", "培训干部3万余人签订承诺书和责任状。", "培训干部签订承诺书",
     "培训干部3万余人签订承诺书或责任状。", "培训干部签订承诺书或责任状"),
    ("document-content-verb", "出台《干部监督办法》，明确7方面30种情形。", "《干部监督办法》情形",
     "出台《干部监督办法》，查处7方面30种情形。", "查处情形"),
    ("adverbial-verb", "依托市委党校、县委党校、乡镇党校等阵地轮训1400余人。", "乡镇党校等阵地轮训",
     "整合市委党校、县委党校、乡镇党校等阵地轮训1400余人。", "整合市委党校、县委党校、乡镇党校等阵地轮训"),
    ("destination-verb", "选派60名干部赴园区、乡镇等一线挂职锻炼。", "选派干部赴园区、乡镇等一线挂职锻炼",
     "选派60名干部去园区、乡镇等一线挂职锻炼。", "选派干部去园区、乡镇"),
    ("change-verb", "全市党员达12万名，同比下降5%。", "党员同比下降", "全市党员达12万名，同比变化5%。", "同比变化"),
    ("bridge-word", "梳理6大类共224项事项。", "事项", "梳理6大类约224项事项。", "梳理事项"),
]


def test_every_figure_list_has_a_sentence():
    assert [case[0] for case in FIGURE_COUNTS + FIGURE_SUBJECTS] == list(figures.LISTS)


@pytest.mark.parametrize("name, listed, found, unlisted, found_unlisted",
                         [pytest.param(*case, id=case[0]) for case in FIGURE_COUNTS])
def test_each_figure_list_decides_what_is_a_figure(name, listed, found, unlisted, found_unlisted):
    assert any(word in listed for word in figures.WORDS[name])
    assert [f[:2] for f in _figures(listed)] == found
    assert [f[:2] for f in _figures(unlisted)] == found_unlisted


@pytest.mark.parametrize("name, listed, subject, unlisted, unlisted_subject",
                         [pytest.param(*case, id=case[0]) for case in FIGURE_SUBJECTS])
def test_each_figure_list_decides_a_subject(name, listed, subject, unlisted, unlisted_subject):
    assert any(word in listed for word in figures.WORDS[name])
    assert _figures(listed)[-1][2] == subject
    assert _figures(unlisted)[-1][2] == unlisted_subject


@pytest.fixture(scope="module")
def region_finder() -> regions.RegionFinder:
    return regions.RegionFinder(packaged().gazetteer, packaged().region_words)


def _regions(finder: regions.RegionFinder, text: str, about: str) -> list[tuple[str, str, str]]:
    gazetteer = packaged().gazetteer
    return [(text[s:e], r.name, r.level) for s, e, r in finder.find(text, gazetteer.find(about))]


REGION_LISTS = [
    ("zone-suffix", "广安经开区新增企业党组织20个。", "511600", [("广安经开区", "广安经开区", "zone")]),
    ("zone-modifier", "推进临空经济新区建设。", "510100", [("临空经济新区", "临空经济新区", "zone")]),
    ("bare-zone", "全市高新区新建人才驿站5个。", "511600", [("高新区", "高新区", "zone")]),
    ("free-trade-zone", "中国（四川）自由贸易试验区青白江片区新设人才服务站。", "510000",
     [("中国（四川）自由贸易试验区", "中国（四川）自由贸易试验区", "zone"), ("青白江片区", "青白江片区", "zone")]),
    ("bracket-opening", "西部（重庆）科学城新设人才服务站。", "500000", [("西部（重庆）科学城", "西部（重庆）科学城", "zone")]),
    ("area-holding-zone", "西部（重庆）科学城九龙坡片区新设人才服务站。", "500000",
     [("西部（重庆）科学城", "西部（重庆）科学城", "zone"), ("九龙坡片区", "九龙坡片区", "zone")]),
    ("direction-zone", "在东部新城建设人才公寓300套。", "511600", [("东部新城", "东部新城", "zone")]),
    ("designation-head", "加快建成成渝合作示范区。", "511600", []),
    ("macro-suffix", "主动融入西安都市圈建设。", "610400", [("西安都市圈", "西安都市圈", "macro")]),
    ("street-suffix", "党员志愿者在江苏路沿线开展服务。", "310000", []),
    ("not-place-after", "组织党员学习井冈山精神。", "360000", []),
    ("place-word", "三秦大地人才汇聚。", "410600", [("三秦", "陕西省", "province")]),
    ("area-word", "在旺苍南阳片区开展集中培训。", "510800", [("旺苍", "旺苍县", "county")]),
]


def test_every_region_list_but_the_name_heads_has_a_sentence():
    """(the name heads have theirs in test_extract_regions.py)"""
    assert [case[0] for case in REGION_LISTS] == list(regions.LISTS[1:])


@pytest.mark.parametrize("name, text, about, expected", [pytest.param(*case, id=case[0]) for case in REGION_LISTS])
def test_each_region_list_decides_a_sentence(region_finder, name, text, about, expected):
    """With the packaged lists the sentence gives ``expected``; with the list emptied it gives something else."""
    assert _regions(region_finder, text, about) == expected
    emptied = regions.RegionFinder(packaged().gazetteer, {**packaged().region_words, name: ()})
    assert _regions(emptied, text, about) != expected
