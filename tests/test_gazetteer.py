"""The gazetteer: divisions with codes and parents from jionlp, plus the curated aliases."""
from __future__ import annotations


import pytest

from orgkg.graph.errors import OrgkgError
from orgkg.graph.extract import regions
from orgkg.graph.extract.lexicon import read_lists
from orgkg.graph.gazetteer import DIVISION_LEVELS, Gazetteer, read_aliases
from orgkg.graph.knowledge import Knowledge, packaged
from orgkg.resources import data_text


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return packaged().gazetteer


def _chain(region):
    return [(r.name, r.level, r.code) for r in region.chain()]


@pytest.mark.parametrize("form, chain", [
    pytest.param("广陵区", [("广陵区", "county", "321002"), ("扬州市", "prefecture", "321000"),
                            ("江苏省", "province", "320000")], id="county-to-province"),
    pytest.param("楚雄州", [("楚雄彝族自治州", "prefecture", "532300"), ("云南省", "province", "530000")],
                 id="autonomous-prefecture-short"),
    pytest.param("海淀区", [("海淀区", "county", "110108"), ("北京市", "province", "110000")],
                 id="municipality-district-under-province"),
    pytest.param("即墨区", [("即墨区", "county", "370215"), ("青岛市", "prefecture", "370200"),
                            ("山东省", "province", "370000")], id="vintage-jimo-district"),
    pytest.param("云冈区", [("云冈区", "county", "140214"), ("大同市", "prefecture", "140200"),
                            ("山西省", "province", "140000")], id="vintage-2018-datong"),
    pytest.param("管城区", [("管城回族区", "county", "410104"), ("郑州市", "prefecture", "410100"),
                            ("河南省", "province", "410000")], id="ethnic-district-short"),
])
def test_division_code_and_chain(gazetteer, form, chain):
    (name,) = gazetteer.names[form]
    assert _chain(name.region) == chain


@pytest.mark.parametrize("form", [
    pytest.param("即墨市", id="abolished-jimo-city"),
    pytest.param("新津县", id="abolished-xinjin-county"),
    pytest.param("中国", id="china-is-not-foreign"),
    pytest.param("城", id="one-character-alias"),
])
def test_forms_not_known(gazetteer, form):
    assert form not in gazetteer.names


def test_repeated_name_keeps_every_candidate(gazetteer):
    codes = sorted(n.region.code for n in gazetteer.names["鼓楼区"])
    assert codes == ["320106", "320302", "350102", "410204"]


@pytest.mark.parametrize("form, name, level, parent, kind", [
    pytest.param("首都", "北京市", "province", None, "guarded", id="epithet"),
    pytest.param("赣鄱", "江西省", "province", None, "guarded", id="epithet-jiangxi"),
    pytest.param("贵安新区", "贵安新区", "zone", "贵州省", "full", id="zone"),
    pytest.param("城市副中心", "北京城市副中心", "zone", "北京市", "guarded", id="zone-guarded"),
    pytest.param("京津冀", "京津冀", "macro", None, "full", id="macro"),
    pytest.param("美国", "美国", "foreign", None, "full", id="foreign"),
    pytest.param("北疆", "内蒙古自治区", "province", None, "guarded", id="epithet-inner-mongolia"),
    pytest.param("华北", "华北地区", "macro", None, "guarded", id="macro-guarded"),
    pytest.param("华北地区", "华北地区", "macro", None, "full", id="macro-with-diqu"),
    pytest.param("港澳", "港澳", "macro", None, "full", id="macro-full"),
    pytest.param("东南亚", "东南亚", "foreign", None, "full", id="foreign-area"),
    pytest.param("拉美", "拉丁美洲", "foreign", None, "alias", id="foreign-area-alias"),
])
def test_curated_and_world_names(gazetteer, form, name, level, parent, kind):
    (entry,) = gazetteer.names[form]
    region = entry.region
    assert (region.name, region.level, region.parent.name if region.parent else None, entry.kind) == (
        name, level, parent, kind)


def test_every_division_has_code_and_chain_to_province(gazetteer):
    divisions = [r for r in gazetteer.regions.values() if r.level in DIVISION_LEVELS]
    assert len(divisions) > 3000
    for region in divisions:
        chain = region.chain()
        assert region.key == region.code and len(region.code) == 6, region
        assert chain[-1].level == "province", region
        levels = [DIVISION_LEVELS.index(r.level) for r in chain]
        assert levels == sorted(levels, reverse=True) and len(set(levels)) == len(levels), region


def test_no_one_character_form(gazetteer):
    """One-character abbreviations (驻甲, 来甲) are never surfaces."""
    assert [form for form in gazetteer.names if len(form) < 2] == []


def test_township_names_jionlp_writes_differently(gazetteer):
    guancheng = gazetteer.locals_under(gazetteer.find("410104"))
    assert guancheng["南曹街道"] is guancheng["南曹乡"]
    hongsibu = gazetteer.locals_under(gazetteer.find("640303"))
    assert hongsibu["红寺堡镇"].name == "红寺堡镇" and "红寺堡区红寺堡镇" not in hongsibu


def test_names_several_places_share_are_known(gazetteer):
    guangyuan = gazetteer.find("510800")
    repeated = gazetteer.repeated_under(guangyuan)
    assert "南阳村" in repeated and set(repeated) <= set(gazetteer.locals_under(guangyuan))
    assert "卓里村" not in gazetteer.repeated_under(gazetteer.find("141000"))


@pytest.mark.parametrize("text, words", [
    pytest.param("# comment\nname-head\t大学\nname-head\t日报\n\n", {"name-head": ("大学", "日报")}, id="rows"),
    pytest.param("", {}, id="empty"),
])
def test_region_words_are_read_by_the_one_word_list_reader(text, words):
    assert read_lists(text, regions.TABLE, regions.LISTS) == words


@pytest.mark.parametrize("text, message", [
    pytest.param("name-head\n", "expected a list and a word", id="row-without-a-word"),
    pytest.param("place-head\t大学\n", "unknown list 'place-head'", id="unknown-list"),
])
def test_region_words_table_refuses_broken_rows(text, message):
    with pytest.raises(OrgkgError, match=message):
        read_lists(text, regions.TABLE, regions.LISTS)


def test_packaged_region_words():
    words = Knowledge().region_words
    assert {"大学", "日报", "集团", "纪念馆"} <= set(words["name-head"])


def test_same_key_is_same_object(gazetteer):
    beijing = gazetteer.find("110000")
    assert gazetteer.find("北京市") is beijing
    assert gazetteer.names["海淀区"][0].region.parent is beijing
    assert gazetteer.special("中关村", "zone", beijing) is gazetteer.names["中关村"][0].region


def test_townships_and_villages_below_a_county(gazetteer):
    yaodu = gazetteer.find("141002")
    locals_ = gazetteer.locals_under(yaodu)
    town, village = locals_["一平垣乡"], locals_["卓里村"]
    assert (town.level, town.parent) == ("township", yaodu)
    assert (village.level, village.parent) == ("village", town)
    assert village.key == "141002-一平垣乡-卓里村"


def test_find_refuses_an_ambiguous_name(gazetteer):
    with pytest.raises(OrgkgError, match="鼓楼区"):
        gazetteer.find("鼓楼区")


def test_loads_once_per_knowledge_and_only_when_asked():
    """Load time is measured in benchmarks/, not here."""
    knowledge = Knowledge()
    assert "gazetteer" not in vars(knowledge)
    assert knowledge.gazetteer is knowledge.gazetteer
    small = Gazetteer(TREE, [], [])
    assert Knowledge(gazetteer=small).gazetteer is small


def test_every_alias_row_names_a_region_of_its_level(gazetteer):
    for row in read_aliases(data_text("aliases.tsv")):
        entries = [n for n in gazetteer.names[row["form"]] if n.kind == row["kind"]]
        assert [n.region.level for n in entries] == [row["level"]], row
        assert row["target"] in (entries[0].region.name, entries[0].region.code), row


def _county(name, alias, code):
    return {"_full_name": name, "_alias": alias, "_admin_code": code}


# a two-province tree in jionlp's layout, with one county name used twice
TREE = {
    "江苏省": {"_full_name": "江苏省", "_alias": "江苏", "_admin_code": "320000",
              "南京市": {"_full_name": "南京市", "_alias": ["南京"], "_admin_code": "320100",
                        "鼓楼区": _county("鼓楼区", "鼓楼", "320106")}},
    "福建省": {"_full_name": "福建省", "_alias": "福建", "_admin_code": "350000",
              "福州市": {"_full_name": "福州市", "_alias": ["福州"], "_admin_code": "350100",
                        "鼓楼区": _county("鼓楼区", "鼓楼", "350102")}},
}


def _aliases(tmp_path, line):
    path = tmp_path / "aliases.tsv"
    path.write_text("# form\ttarget\tlevel\tparent\tkind\n" + line, encoding="utf-8")
    return read_aliases(path.read_text(encoding="utf-8"))


def test_small_tree_is_read_with_aliases(tmp_path):
    small = Gazetteer(TREE, [("日本", "日本国")], _aliases(tmp_path, "金陵\t南京市\tprefecture\t\tguarded\n"))
    assert {n.region.key for n in small.names["鼓楼"]} == {"320106", "350102"}
    assert [(n.region.key, n.kind) for n in small.names["金陵"]] == [("320100", "guarded")]
    assert small.names["日本国"][0].region is small.names["日本"][0].region


def test_alias_row_without_five_columns(tmp_path):
    with pytest.raises(OrgkgError, match="5 tab-separated columns"):
        _aliases(tmp_path, "首都\t北京市\tprovince\n")


@pytest.mark.parametrize("line, message", [
    pytest.param("金陵\t南京市\tprefecture\t\tsometimes\n", "bad kind", id="unknown-kind"),
    pytest.param("金陵\t南京市\tcity\t\tguarded\n", "bad kind", id="unknown-level"),
    pytest.param("鼓楼\t鼓楼区\tcounty\t\talias\n", "鼓楼区.*2 regions", id="ambiguous-target"),
    pytest.param("新区\t某新区\tzone\t上海市\tfull\n", "上海市.*0 regions", id="unknown-parent"),
])
def test_bad_alias_rows_are_reported(tmp_path, line, message):
    with pytest.raises(OrgkgError, match=message):
        Gazetteer(TREE, [], _aliases(tmp_path, line))


def test_townships_of_a_province_without_repeated_names(gazetteer):
    towns = gazetteer.townships_in(gazetteer.find("320000"))
    assert towns["锦溪镇"].parent.name == "昆山市" and towns["锦溪镇"].level == "township"
    assert all(r.level == "township" for r in towns.values())
    assert "城关镇" not in gazetteer.townships_in(gazetteer.find("410000"))  # 32 counties of Henan have one


def test_township_the_gazetteer_does_not_list(gazetteer):
    county = gazetteer.find("141002")
    town = gazetteer.local(county, "望岳街道")
    assert (town.name, town.level, town.parent) == ("望岳街道", "township", county)
    assert gazetteer.local(county, "望岳街道") is town
