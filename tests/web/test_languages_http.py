"""Both languages everywhere: no English UI word on a Chinese page, no Chinese UI string on an English one.

Data stays as it is in both languages (a programme's Chinese name, a sentence, an IRI),
so the checker looks for the *interface's* words, not for a script:

* on a Chinese page, every text node and ``title``/``aria-label``/``placeholder`` is cut
  into Latin words after IRIs and prefixed names (``ok:partOf``) are taken out; a word
  fails when it is one the English interface uses and the Chinese one does not (the
  English side of :data:`~orgkg.web.i18n.MESSAGES`, the ontology's English labels and
  local names, the coded values such as ``province``), so SPARQL, CSV or Jaccard, which
  the Chinese strings use too, pass;
* on an English page, a text node or attribute fails when, stripped of spaces, colons
  and numbers, it *is* a Chinese interface string (a message, an ontology or borrowed
  term's label, a backward link's name): templates put each string in a node of its own,
  while data (a region's name, a sentence) is never exactly one of them.

``<code>``, ``<pre>``, ``<script>`` and ``<style>`` hold identifiers, query text and
server messages, and are skipped, as is an element whose ``lang`` is not the page's (a
tagged literal, such as an indicator's English label on its Chinese page).
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from conftest import BASE

from orgkg.resources import ontology_file
from orgkg.web import create_app
from orgkg.web.english import english_names, pinyin_name
from orgkg.web.i18n import MESSAGES
from orgkg.web.labels import INCOMING, THIRD_PARTY
from orgkg.web.links import local_path
from orgkg.web.state import state
from orgkg.web.tables import TABLES

SKIPPED = {"code", "pre", "script", "style", "textarea"}
ATTRIBUTES = {"title", "aria-label", "placeholder", "alt"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
WORD = re.compile(r"[A-Za-z][A-Za-z-]+")
CJK = re.compile(r"[\u3400-\u9fff]")
LABEL = re.compile(r'"([^"]+)"@(zh|en)')
OK, RDFS = "https://w3id.org/orgkg/ontology#", "http://www.w3.org/2000/01/rdf-schema#"


def _words(texts) -> set[str]:
    return {w.casefold() for text in texts for w in WORD.findall(re.sub(r"\{\w+\}", "", text))}


def _ontology() -> tuple[list[str], list[str], set[str]]:
    """The ontology's Chinese labels, English labels and local names."""
    text = ontology_file("orgkg.ttl").read_text(encoding="utf-8")
    found = LABEL.findall(text)
    names = set(re.findall(r"^ok:(\w+)", text, flags=re.M))
    return [s for s, lang in found if lang == "zh"], [s for s, lang in found if lang == "en"], names


ZH_ONTOLOGY, EN_ONTOLOGY, LOCAL_NAMES = _ontology()
ENGLISH_UI = (_words([en for _, en in MESSAGES.values()] + EN_ONTOLOGY + [en for _, en in THIRD_PARTY.values()])
              | {n.casefold() for n in LOCAL_NAMES} | _words(re.sub(r"(?<=[a-z])(?=[A-Z])", " ", n) for n in LOCAL_NAMES)
              | {"altlabel", "wasderivedfrom", "ispartof"}) - _words(zh for zh, _ in MESSAGES.values()) - {"orgkg"}
CHINESE_UI = [re.compile("^" + re.sub(r"\\\{\w+\\\}", ".+?", re.escape(s)) + "$")
              for s in {zh for zh, _ in MESSAGES.values()} | set(ZH_ONTOLOGY)
              | {zh for zh, _ in THIRD_PARTY.values()} | {zh for zh, _ in INCOMING.values()} if CJK.search(s)]
DATA = re.compile(r"https?://\S+|\b[\w-]+:[\w-]+\b|\S*/\S+|\b[\w-]+\.\w+\b")  # IRIs, names, paths, files


class Texts(HTMLParser):
    """The text nodes and the readable attributes of a page, outside :data:`SKIPPED` elements."""

    def __init__(self, lang: str):
        super().__init__()
        self.texts: list[str] = []
        self._lang = lang
        self._open: list[str] = []  # the skipped elements open here, innermost last

    def handle_starttag(self, tag, attrs):
        own = dict(attrs).get("lang")
        if tag in VOID and self._open:
            return
        if self._open or tag in SKIPPED or (tag != "html" and own and not own.startswith(self._lang)):
            self._open.append(tag)
        else:
            self.texts.extend(v for k, v in attrs if k in ATTRIBUTES and v)

    def handle_endtag(self, tag):
        if tag in self._open:
            del self._open[len(self._open) - 1 - self._open[::-1].index(tag):]

    def handle_data(self, data):
        if not self._open and data.strip():
            self.texts.append(data)


def texts(html: str, lang: str) -> list[str]:
    parser = Texts(lang)
    parser.feed(html)
    return parser.texts


def english_in(html: str) -> list[str]:
    """The English interface words on a Chinese page, with the text each came from."""
    return [f"{w!r} in {text.strip()!r}" for text in texts(html, "zh")
            for w in WORD.findall(DATA.sub(" ", text)) if w.casefold() in ENGLISH_UI]


def chinese_in(html: str) -> list[str]:
    """The texts of an English page that are a Chinese interface string."""
    found = []
    for text in texts(html, "en"):
        bare = re.sub(r"^[\s:：·,，()（）\d]+|[\s:：·,，()（）\d…]+$", "", text)
        if bare and CJK.search(bare) and any(p.match(bare) for p in CHINESE_UI):
            found.append(bare)
    return found


@pytest.fixture(scope="module")
def pages(app) -> list[tuple[str, int]]:
    """Home, one entity page of each type, search, browse and analysis pages, the reader, downloads, the query
    page, two 404s (the network views are left to their own tests)."""
    with app.test_request_context():
        cat = state().catalogue
        one_of_each = {}
        for iri, kind in sorted(cat.types.items()):
            if local_path(iri) and "hostile" not in iri:
                one_of_each.setdefault(kind, local_path(iri))
    region, article = "430200", one_of_each["Article"][len("/id/article/"):]  # 株洲市, a region that reports items
    paths = ["/", "/search?q=%E5%B8%82", "/search?q=nothing-matches", "/browse/", "/analysis/", "/analysis/diffusion",
             "/analysis/central", "/analysis/similar/" + region, "/analysis/indicator/party-members",
             "/analysis/diffusion/" + one_of_each["Programme"][len("/id/"):], "/reader/" + article, "/downloads", "/sparql",
             *one_of_each.values(), *(f"/browse/{name}" for name in TABLES if name != "links"),
             "/browse/links?to=region/" + region]
    return [(p, 200) for p in paths] + [("/no/such/page", 404), ("/id/region/000000", 404)]


def fetch(client, path: str, lang: str, status: int) -> str:
    response = client.get(path + ("&" if "?" in path else "?") + "lang=" + lang, headers={"Accept": "text/html"})
    assert response.status_code == status, path
    return response.get_data(as_text=True)


def test_chinese_pages_hold_no_english_interface_word(client, pages):
    found = {p: english_in(fetch(client, p, "zh", s)) for p, s in pages}
    assert {p: f for p, f in found.items() if f} == {}


def test_english_pages_hold_no_chinese_interface_string(client, pages):
    found = {p: chinese_in(fetch(client, p, "en", s)) for p, s in pages}
    assert {p: f for p, f in found.items() if f} == {}


def test_the_checkers_catch_what_they_look_for():
    assert english_in("<p>province</p><a title='Programme'>x</a>") == ["'province' in 'province'",
                                                                        "'Programme' in 'Programme'"]
    assert english_in("<p>用 SPARQL 查询 <code>ok:partOf</code> https://w3id.org/orgkg/id/region/1</p>") == []
    assert chinese_in("<h2>统计数字</h2><p>株洲市</p>") == ["统计数字"]
    assert english_in('<p><span lang="en">First secretaries<br>sent</span> Region</p>') == ["'Region' in 'Region'"]


def test_coded_values_are_shown_in_words(client):
    zh = fetch(client, "/id/region/430200?x=1", "zh", 200)
    en = fetch(client, "/id/region/430200?x=1", "en", 200)
    assert "市级" in zh and ">prefecture<" not in zh
    assert ">prefecture<" in en
    programmes = fetch(client, "/browse/programmes?x=1", "zh", 200)
    assert "全国性" in programmes and "多地同名" in programmes


def test_an_incoming_part_of_is_named_apart_from_the_outgoing_one(client):
    page = fetch(client, "/id/region/430200?x=1", "zh", 200)
    assert "<dt>隶属 " in page and "<dt>包含 " in page  # 株洲市 is part of 湖南省 and contains its districts
    english = fetch(client, "/id/region/430200?x=1", "en", 200)
    assert "<dt>part of " in english and "<dt>contains " in english


def test_regions_have_english_names_and_are_found_by_them(client):
    [hit] = [h for h in client.get("/search.json?q=Zhuzhou&lang=en").get_json() if h["path"] == "/id/region/430200"]
    assert hit["label"] == "Zhuzhou"
    assert client.get("/search?q=zhuzhou&lang=zh").headers["Location"] == "/id/region/430200"
    assert "<h1>株洲市 " in fetch(client, "/id/region/430200?x=1", "zh", 200)
    assert "<h1>Zhuzhou " in fetch(client, "/id/region/430200?x=1", "en", 200)


@pytest.mark.parametrize("chinese, english", [
    pytest.param("呼和浩特市", "Hohhot", id="Hohhot"),
    pytest.param("乌鲁木齐市", "Ürümqi", id="Urumqi"),
    pytest.param("拉萨市", "Lhasa", id="Lhasa"),
    pytest.param("鄂尔多斯市", "Ordos", id="Ordos"),
    pytest.param("巴彦淖尔市", "Bayannur", id="Bayannur"),
    pytest.param("日喀则市", "Shigatse", id="Shigatse"),
    pytest.param("喀什地区", "Kashgar Prefecture", id="Kashgar"),
    pytest.param("西藏自治区", "Tibet", id="Tibet"),
    pytest.param("内蒙古自治区", "Inner Mongolia", id="Inner-Mongolia"),
    pytest.param("阿坝藏族羌族自治州", "Ngawa Prefecture", id="Ngawa"),
    pytest.param("临夏回族自治州", "Linxia Prefecture", id="people-left-out"),
    pytest.param("黔东南苗族侗族自治州", "Qiandongnan Prefecture", id="two-peoples-left-out"),
    pytest.param("大通回族土族自治县", "Datong County", id="autonomous-county"),
    pytest.param("东乡族自治县", "Dongxiang County", id="a-peoples-own-county"),
    pytest.param("文亭巷社区", "Wentingxiang Community", id="community"),
    pytest.param("郑州都市圈", "Zhengzhou Metropolitan Area", id="metropolitan-area"),
    pytest.param("川东北", "Northeastern Sichuan", id="area-inside-a-province"),
])
def test_region_names_have_their_usual_english_form(chinese, english):
    assert english_names(chinese)["en"] == english


def test_every_macro_area_and_place_abroad_has_an_english_name():
    """Pinyin would make 东北地区 "Dongbei Prefecture" and 德国 "Deguo": these names are in the table."""
    from orgkg.resources import data_text

    targets = {fields[1] for fields in (line.split("\t") for line in data_text("aliases.tsv").splitlines())
               if len(fields) > 2 and fields[2] in ("macro", "foreign")}
    assert len(targets) >= 30
    assert [t for t in sorted(targets) if english_names(t)["en"] == pinyin_name(t)] == []


@pytest.fixture(scope="module")
def minority_client(graph_file, tmp_path_factory):
    """The sample plus Inner Mongolia, Hohhot and Ürümqi, whose English names are not their pinyin."""
    path = tmp_path_factory.mktemp("minority") / "graph.ttl"
    regions = {"150000": ("内蒙古自治区", ""), "150100": ("呼和浩特市", "150000"), "650100": ("乌鲁木齐市", "")}
    path.write_text(graph_file.read_text(encoding="utf-8") + "".join(
        f"<{BASE}region/{key}> a <{OK}Region> ; <{RDFS}label> \"{name}\"@zh"
        + (f" ; <{OK}partOf> <{BASE}region/{parent}>" if parent else "") + " .\n"
        for key, (name, parent) in regions.items()), encoding="utf-8")
    return create_app({"GRAPH": path, "TESTING": True}).test_client()


@pytest.mark.parametrize("typed, key", [
    ("Hohhot", "150100"), ("Huhehaote", "150100"), ("hohhot", "150100"),
    ("Ürümqi", "650100"), ("Urumqi", "650100"), ("Wulumuqi", "650100"),
    ("Inner Mongolia", "150000"), ("Neimenggu", "150000"),
])
def test_a_region_is_found_by_its_english_name_and_by_its_pinyin(minority_client, typed, key):
    for lang in ("en", "zh"):
        hits = minority_client.get("/search.json", query_string={"q": typed, "lang": lang}).get_json()
        assert hits and hits[0]["path"] == f"/id/region/{key}", (typed, lang)
    assert minority_client.get("/search", query_string={"q": typed}).headers["Location"] == f"/id/region/{key}"


def test_the_english_page_names_a_region_by_its_usual_english_name(minority_client):
    hits = minority_client.get("/search.json", query_string={"q": "Huhehaote", "lang": "en"}).get_json()
    assert hits[0]["label"] == "Hohhot"  # found by its pinyin, named as it is in English
    assert "<h1>Hohhot " in fetch(minority_client, "/id/region/150100?x=1", "en", 200)
    assert "<h1>呼和浩特市 " in fetch(minority_client, "/id/region/150100?x=1", "zh", 200)


def test_a_network_view_cut_to_its_cap_says_so_in_the_pages_language(graph_file):
    client = create_app({"GRAPH": graph_file, "TESTING": True, "NETWORK_MAX_NODES": 8}).test_client()
    path = "/network/entity/region/430000?hops=2"
    zh, en = fetch(client, path, "zh", 200), fetch(client, path, "en", 200)
    assert "显示 8 / " in zh and "Showing 8 of " in en
    assert english_in(zh) == [] and chinese_in(en) == []
