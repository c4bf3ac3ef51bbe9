"""The article reader: each sentence once, in order, with every mention and figure of it marked once and linked."""
from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

import pytest
from rdflib import DCTERMS, PROV, RDF, RDFS, Namespace

BASE = "https://w3id.org/orgkg/id/"
OK = Namespace("https://w3id.org/orgkg/ontology#")


def path_of(iri) -> str:
    return "/id/" + str(iri)[len(BASE):]


def key(article) -> str:
    return str(article).rsplit("/", 1)[1]


def anchor(iri) -> str:
    return str(iri)[len(BASE):].replace("/", "-", 1)


class Reader(HTMLParser):
    """Per ``span.sentence`` its text; per ``span.mark`` its text, the links inside it, and how often each id shows."""

    def __init__(self, html: str):
        super().__init__()
        self.sentences: dict[str, str] = {}
        self.marks: dict[str, str] = {}
        self.links: dict[str, set[str]] = {}
        self.ids: Counter = Counter()
        self._open: list[tuple[str, str | None]] = []  # (tag, id of a sentence or mark it opens)
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        opened = attrs.get("id") if tag == "span" and ("sentence" in classes or "mark" in classes) else None
        if opened:
            self.ids[opened] += 1
            (self.sentences if "sentence" in classes else self.marks)[opened] = ""
        if tag == "a":
            for _, name in self._open:
                if name in self.marks:
                    self.links.setdefault(name, set()).add(attrs["href"])
        self._open.append((tag, opened))

    def handle_endtag(self, tag):
        while self._open:
            if self._open.pop()[0] == tag:
                break

    def handle_data(self, data):
        for _, name in self._open:
            if name in self.sentences:
                self.sentences[name] += data
            elif name in self.marks:
                self.marks[name] += data


def articles(graph):
    return sorted(graph.subjects(RDF.type, OK.Article))


@pytest.fixture(scope="module")
def pages(app, graph):
    client = app.test_client()
    return {a: Reader(client.get(f"/reader/{key(a)}").get_data(as_text=True)) for a in articles(graph)}


def test_every_sentence_shows_once_with_its_exact_text(graph, pages):
    for article, page in pages.items():
        sentences = list(graph.subjects(DCTERMS.isPartOf, article))
        sentences = [s for s in sentences if (s, RDF.type, OK.Sentence) in graph]
        assert sentences
        for s in sentences:
            assert page.ids[anchor(s)] == 1
            assert page.sentences[anchor(s)] == str(graph.value(s, OK.text))


def test_every_mention_and_figure_is_marked_once_and_linked(graph, pages):
    for article, page in pages.items():
        marked = 0
        for sentence in graph.subjects(DCTERMS.isPartOf, article):
            text, base = str(graph.value(sentence, OK.text) or ""), int(graph.value(sentence, OK.start) or 0)
            for mark in graph.subjects(PROV.wasDerivedFrom, sentence):
                marked += 1
                assert page.ids[anchor(mark)] == 1, mark
                target = graph.value(mark, OK.denotes) or mark
                assert path_of(target) in page.links[anchor(mark)]
                start, end = int(graph.value(mark, OK.start)) - base, int(graph.value(mark, OK.end)) - base
                assert page.marks[anchor(mark)] == text[start:end]  # in the sample no mark crosses another
        assert marked


def test_a_sentence_with_several_mentions_shows_once_with_all_marked(graph, pages):
    counts = Counter(graph.value(m, PROV.wasDerivedFrom) for m in graph.subjects(RDF.type, OK.Mention))
    sentence, n = counts.most_common(1)[0]
    assert n >= 3
    page = pages[graph.value(sentence, DCTERMS.isPartOf)]
    assert page.ids[anchor(sentence)] == 1
    assert all(page.ids[anchor(m)] == 1 for m in graph.subjects(PROV.wasDerivedFrom, sentence))


def test_sections_are_headed_in_order(client, graph):
    article = articles(graph)[0]
    html = client.get(f"/reader/{key(article)}").get_data(as_text=True)
    sections = sorted(graph.objects(article, OK.hasSection), key=lambda s: int(graph.value(s, OK.position)))
    positions = [html.index(str(graph.value(s, RDFS.label))) for s in sections]
    assert positions == sorted(positions) and html.count("<h2>") >= len(sections)


def test_json_twin_holds_the_same_marks(client, graph):
    article = articles(graph)[0]
    data = client.get(f"/reader/{key(article)}.json").get_json()
    marks = {m["iri"] for s in data["sections"] for sentence in s["sentences"] for m in sentence["marks"]}
    sentences = {s for s in graph.subjects(DCTERMS.isPartOf, article)}
    assert marks == {str(m) for s in sentences for m in graph.subjects(PROV.wasDerivedFrom, s)}
    assert data["truncated"] is False


def test_the_article_page_links_to_its_reader_and_others_are_404(client, graph):
    article = articles(graph)[0]
    assert f'href="/reader/{key(article)}"' in client.get(path_of(article)).get_data(as_text=True)
    assert client.get("/reader/no-such-article").status_code == 404
    assert client.get("/reader/no-such-article.json").is_json


def test_an_entitys_mentions_open_the_reader_at_their_mark(client, graph, pages):
    html = client.get("/id/region/430200").get_data(as_text=True)
    targets = re.findall(r'href="/reader/([^"#]+)#([^"]+)"', html)
    assert targets
    by_key = {key(a): page for a, page in pages.items()}
    assert all(by_key[article].ids[mark] == 1 for article, mark in targets)
