"""The pipeline contract: declared fields exist, steps do what they declare, failures say where."""
from __future__ import annotations

import sys
import textwrap

import pytest

from orgkg.graph import extract
from orgkg.graph.doc import Article, Sentence
from orgkg.graph.errors import ExtractionError, OrgkgError
from orgkg.graph.extract import REGISTRY, Pipeline, register
from orgkg.graph.gazetteer import Gazetteer
from orgkg.graph.knowledge import Knowledge
from orgkg.graph.measures import NationalTable


def _article(*sentences: str) -> Article:
    text, found, at = "\n".join(sentences), [], 0
    for i, s in enumerate(sentences):
        found.append(Sentence(i, s, at, at + len(s), i, None))
        at += len(s) + 1
    return Article(id="test-article", position=1, title="某县组织工作总结", level=None, source="test", text=text,
                   sentences=found)


@pytest.fixture()
def scratch():
    """Register components for one test only."""
    before = dict(REGISTRY)
    yield
    REGISTRY.clear()
    REGISTRY.update(before)


def test_declared_fields_must_be_fields_of_the_article(scratch):
    with pytest.raises(OrgkgError, match="measurez"):
        register("typo", requires=("sentences",), assigns=("measurez",))
    with pytest.raises(OrgkgError, match="paragraphz"):
        register("typo", requires=("paragraphz",), assigns=("figures",))


def test_a_step_must_set_what_it_assigns(scratch):
    register("lazy", assigns=("figures",))(lambda knowledge: lambda article: article)
    with pytest.raises(OrgkgError, match="'lazy' did not set figures on test-article"):
        Pipeline(["lazy"])(_article("全县共有党员5000名。"))


def test_an_empty_result_still_counts_as_set(scratch):
    def nothing(article):
        article.figures = []
        return article

    register("nothing", assigns=("figures",))(lambda knowledge: nothing)
    assert Pipeline(["nothing"])(_article("全县共有党员5000名。")).figures == []


def test_a_step_needs_an_earlier_step_to_assign_what_it_requires():
    with pytest.raises(OrgkgError, match="'figures' needs regions, programmes, initiatives"):
        Pipeline(["figures"])


def test_a_failure_names_the_component_the_article_and_the_sentence(scratch):
    def fragile(article):
        for sentence in article.sentences:
            if "擂台" in sentence.text:
                raise ValueError("cannot read this")
        article.figures = []
        return article

    register("fragile", assigns=("figures",))(lambda knowledge: fragile)
    with pytest.raises(ExtractionError) as caught:
        Pipeline(["fragile"])(_article("全县共有党员5000名。", "举办书记抓党建擂台赛3场。", "选派第一书记12名。"))
    message = str(caught.value)
    assert "'fragile'" in message and "test-article" in message and "cannot read this" in message
    assert "举办书记抓党建擂台赛3场。" in message and "\n" not in message


def test_a_failure_no_single_sentence_explains_says_so(scratch):
    def fussy(article):
        if len(article.sentences) > 1:
            raise ValueError("too long")
        article.figures = []
        return article

    register("fussy", assigns=("figures",))(lambda knowledge: fussy)
    with pytest.raises(ExtractionError, match="no sentence fails on its own"):
        Pipeline(["fussy"])(_article("第一句。", "第二句。"))


def test_a_missing_dependency_inside_an_extractor_is_reported_as_itself(tmp_path, monkeypatch):
    (tmp_path / "needs_missing.py").write_text(textwrap.dedent("""
        import orgkg_no_such_package  # noqa: F401
    """))
    monkeypatch.setattr(extract, "__path__", [*extract.__path__, str(tmp_path)])
    with pytest.raises(OrgkgError, match="cannot be loaded: No module named 'orgkg_no_such_package'"):
        Pipeline(["needs_missing"])
    sys.modules.pop("orgkg.graph.extract.needs_missing", None)
    with pytest.raises(OrgkgError, match="unknown extractor 'no_such_step'"):
        Pipeline(["no_such_step"])


# a one-province gazetteer in jionlp's layout: components use the knowledge they are handed
TREE = {"青海省": {"_full_name": "青海省", "_alias": "青海", "_admin_code": "630000",
                  "西宁市": {"_full_name": "西宁市", "_alias": ["西宁"], "_admin_code": "630100",
                            "城东区": {"_full_name": "城东区", "_alias": "城东", "_admin_code": "630102"}}}}


def test_components_use_the_knowledge_they_are_given():
    small = Knowledge(gazetteer=Gazetteer(TREE, [], []), national=NationalTable("“三会一课”\tinitiative\t三会一课制度"))
    article = Pipeline(["regions", "programmes", "initiatives"], small)(
        _article("西宁市城东区严格落实三会一课制度，南京市派员交流。"))
    assert {m.surface for m in article.regions} == {"西宁市", "城东区"}  # 南京 is not in the small gazetteer
    assert [(m.kind, m.name) for m in article.measures] == [("initiative", "三会一课制度")]
