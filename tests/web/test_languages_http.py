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

from orgkg.resources import ontology_file
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
    region, article = one_of_each["Region"][len("/id/region/"):], one_of_each["Article"][len("/id/article/"):]
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
