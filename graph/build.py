"""Build the RDF graph: corpus → extractors → entities → triples.

Every IRI is minted in :func:`mint_iri` from a canonical key (a division code,
a title, a merge key, a character offset), never from a counter, so IRIs stay
the same across rebuilds and the serialisation is byte-identical for the same
input.
"""
from __future__ import annotations

import hashlib
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
import re
from pathlib import Path
from typing import Callable, Iterable

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from .cache import ExtractionCache, pipeline_version
from .corpus import read_corpus
from .doc import Article, RegionRef
from .errors import CorpusError, OrgkgError
from .extract import DEFAULT_PIPELINE, Pipeline
from .indicators import Indicator
from .knowledge import Knowledge, packaged
from .measures import NationalTable, preferred_label
from .namespaces import PREFIXES, RESOURCE_BASE
from .resolve import Resolved, resolve
from .vocab import OK

ID = Namespace(RESOURCE_BASE)
Progress = Callable[[Iterable[Article], int], Iterable[Article]]
_SAFE_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")


def mint_iri(kind: str, key: str) -> URIRef:
    """The IRI of a resource: ASCII keys are kept, anything else is hashed.

    >>> mint_iri("region", "110000")
    rdflib.term.URIRef('https://w3id.org/orgkg/id/region/110000')
    >>> mint_iri("programme", "两学一做")
    rdflib.term.URIRef('https://w3id.org/orgkg/id/programme/8314731d5f05')
    """
    if not _SAFE_KEY.fullmatch(key):
        key = hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
    return ID[f"{kind}/{key}"]


def extract(articles: list[Article], pipeline: Iterable[str] = DEFAULT_PIPELINE,
            progress: Progress | None = None, knowledge: Knowledge | None = None, jobs: int = 1,
            cache: Path | None = None) -> list[Article]:
    """Run the extractor pipeline over every article, in corpus order.

    :param progress: wraps the stream of extracted articles, told how many there are (a progress bar).
    :param knowledge: what the extractors know of the world; the packaged tables by default.
    :param jobs: worker processes; with more than one, articles are extracted in a
        forked pool that inherits the loaded pipeline, and come back in corpus order,
        so the graph is the same for every number of jobs.
    :param cache: a folder of earlier extractions (see :mod:`orgkg.graph.cache`); only the
        articles not found there are extracted. Used with the packaged knowledge only.
    """
    names = tuple(pipeline)
    store = ExtractionCache(cache, pipeline_version(names)) if cache is not None and knowledge is None else None
    keys = [store.key(a) for a in articles] if store else []
    done = [store.get(k) for k in keys] if store else [None] * len(articles)
    todo = [a for a, hit in zip(articles, done) if hit is None]
    fresh = iter(_extract(todo, Pipeline(names, knowledge), jobs) if todo else ())
    progress = progress or (lambda items, total: items)
    extracted = list(progress((hit or next(fresh) for hit in done), len(articles)))
    if store:
        for key, article, hit in zip(keys, extracted, done):
            if hit is None:
                store.put(key, article)
        store.prune()
    return extracted


def _extract(articles: list[Article], run: Pipeline, jobs: int) -> Iterable[Article]:
    if jobs <= 1 or len(articles) <= 1:
        yield from map(run, articles)
        return
    global _FORKED
    _FORKED = run
    # an executor rather than multiprocessing.Pool: a worker that dies, or an answer that cannot be
    # read back, is an error here instead of a wait that never ends
    with ProcessPoolExecutor(min(jobs, len(articles)), mp_context=multiprocessing.get_context("fork")) as pool:
        try:
            yield from pool.map(_run_forked, articles)
        except BrokenProcessPool as exc:
            raise OrgkgError(f"an extraction worker process died ({exc}); try --jobs 1") from exc


_FORKED: Pipeline | None = None  # the pipeline a forked extraction worker inherits


def _run_forked(article: Article) -> Article:
    return _FORKED(article)


def build_corpus(path: str | Path, pipeline: Iterable[str] = DEFAULT_PIPELINE,
                 progress: Progress | None = None, knowledge: Knowledge | None = None, jobs: int = 1,
                 cache: Path | None = None) -> Graph:
    """Read, extract and build the graph of a corpus file or folder.

    :param jobs: worker processes for extraction (see :func:`extract`).
    :param cache: a folder of earlier extractions to reuse (see :func:`extract`).
    :raises CorpusError: when the corpus cannot be read or holds no article.
    """
    articles = read_corpus(path)
    if not articles:
        raise CorpusError(f"{path}: no article found")
    return to_graph(extract(articles, pipeline, progress, knowledge, jobs, cache), knowledge)


def to_graph(articles: list[Article], knowledge: Knowledge | None = None) -> Graph:
    """The RDF graph of extracted articles.

    :param knowledge: the tables the articles were extracted with; the packaged ones by default.
    """
    knowledge = knowledge or packaged()
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, Namespace(namespace))
    graph.bind("id", ID)
    resolved = resolve(articles, knowledge.national, knowledge.lexicon)
    _add_regions(graph, resolved)
    _add_measures(graph, resolved, knowledge.national)
    _add_concepts(graph, resolved, knowledge.national)
    for article in articles:
        _add_article(graph, article, resolved, knowledge.indicators)
    return graph


def region_iri(ref: RegionRef) -> URIRef:
    return mint_iri("region", ref.key)


def _zh(text: str) -> Literal:
    return Literal(text, lang="zh")


def _add_regions(graph: Graph, resolved: Resolved) -> None:
    for key in sorted(resolved.regions):
        entity = resolved.regions[key]
        ref, node = entity.ref, region_iri(entity.ref)
        graph.add((node, RDF.type, OK.Region))
        graph.add((node, RDFS.label, _zh(ref.name)))
        for surface in sorted(entity.surfaces - {ref.name}):
            graph.add((node, SKOS.altLabel, _zh(surface)))
        graph.add((node, OK.level, Literal(ref.level)))
        if ref.code:
            graph.add((node, OK.adminCode, Literal(ref.code)))
        if ref.parent is not None:
            graph.add((node, OK.partOf, region_iri(ref.parent)))


def _add_measures(graph: Graph, resolved: Resolved, national: NationalTable) -> None:
    for key in sorted(resolved.measures):
        entity = resolved.measures[key]
        node = mint_iri(entity.kind, key)
        graph.add((node, RDF.type, OK.Programme if entity.kind == "programme" else OK.Initiative))
        label = entity.label(national)
        graph.add((node, RDFS.label, _zh(label)))
        for name in sorted(set(entity.names) | {entity.core}):
            if name != label:
                graph.add((node, SKOS.altLabel, _zh(name)))
        graph.add((node, OK.core, Literal(entity.core)))
        graph.add((node, OK.scope, Literal(entity.scope)))


def _add_concepts(graph: Graph, resolved: Resolved, national: NationalTable) -> None:
    for key in sorted(resolved.concepts):
        node = mint_iri("concept", key)
        members = [resolved.measures[m] for m in resolved.concepts[key].members]
        graph.add((node, RDF.type, OK.Concept))
        graph.add((node, RDFS.label, _zh(preferred_label([m.label(national) for m in members], national))))
        for member in members:
            graph.add((mint_iri(member.kind, member.key), OK.concept, node))


def _add_article(graph: Graph, article: Article, resolved: Resolved, indicators: dict[str, Indicator]) -> None:
    node = mint_iri("article", article.id)
    graph.add((node, RDF.type, OK.Article))
    graph.add((node, DCTERMS.title, _zh(article.title)))
    graph.add((node, OK.position, Literal(article.position)))
    graph.add((node, DCTERMS.source, Literal(article.source)))
    if article.level:
        graph.add((node, OK.articleLevel, Literal(article.level)))
    subject = region_iri(article.subject) if article.subject is not None else None
    if subject is not None:
        graph.add((node, OK.about, subject))

    sections = {}
    for section in article.sections:
        sec = sections[section.position] = mint_iri("section", f"{article.id}-{section.position}")
        graph.add((node, OK.hasSection, sec))
        graph.add((sec, RDF.type, OK.Section))
        graph.add((sec, RDFS.label, _zh(section.heading)))
        graph.add((sec, OK.position, Literal(section.position)))
        graph.add((sec, DCTERMS.isPartOf, node))

    sentence_nodes = {}
    for sentence in article.sentences:
        sen = sentence_nodes[sentence.index] = mint_iri("sentence", f"{article.id}-{sentence.start}")
        graph.add((sen, RDF.type, OK.Sentence))
        graph.add((sen, OK.text, Literal(sentence.text)))
        _span(graph, sen, sentence.start, sentence.end)
        graph.add((sen, DCTERMS.isPartOf, node))
        if sentence.section is not None:
            graph.add((sen, OK.inSection, sections[sentence.section]))

    def evidence(thing: URIRef, sentence_index: int, start: int, end: int) -> None:
        graph.add((thing, PROV.wasDerivedFrom, sentence_nodes[sentence_index]))
        _span(graph, thing, start, end)
        section = article.sentences[sentence_index].section
        if section is not None:
            graph.add((thing, OK.inSection, sections[section]))

    mention_targets: dict[tuple[str, int], URIRef] = {}
    for m in article.regions:
        target = region_iri(m.region)
        mention_targets[("region", m.start)] = target
        _add_mention(graph, article, node, target, m.surface, m.sentence, m.start, m.end, evidence)
    for m in article.measures:
        key = resolved.measure_of[(article.id, m.start)]
        target = mint_iri(resolved.measures[key].kind, key)
        mention_targets[("measure", m.start)] = target
        _add_mention(graph, article, node, target, m.name, m.sentence, m.start, m.end, evidence)
        if subject is not None:
            graph.add((subject, OK.implements, target))

    for f in article.figures:
        fig = mint_iri("figure", f"{article.id}-{f.start}")
        graph.add((fig, RDF.type, OK.Figure))
        graph.add((fig, OK.reportedIn, node))
        graph.add((fig, OK.value, Literal(f.value, datatype=XSD.decimal)))
        graph.add((fig, OK.unit, Literal(f.unit)))
        graph.add((fig, OK.sourceText, Literal(f.text)))
        for prop, value in ((OK.approx, f.approx), (OK.measures, f.subject), (OK.time, f.time)):
            if value:
                graph.add((fig, prop, Literal(value)))
        if f.indicator:
            _add_indicator(graph, fig, indicators[f.indicator])
        if f.concerns and f.concerns in mention_targets:
            graph.add((fig, OK.concerns, mention_targets[f.concerns]))
        evidence(fig, f.sentence, f.start, f.end)


def _add_mention(graph, article, article_node, target, surface, sentence, start, end, evidence) -> None:
    graph.add((article_node, OK.mentions, target))
    mention = mint_iri("mention", f"{article.id}-{start}-{end}")
    graph.add((mention, RDF.type, OK.Mention))
    graph.add((mention, OK.denotes, target))
    graph.add((mention, OK.surface, Literal(surface)))
    evidence(mention, sentence, start, end)


def _add_indicator(graph: Graph, figure: URIRef, indicator: Indicator) -> None:
    node = mint_iri("indicator", indicator.key)
    graph.add((figure, OK.indicator, node))
    graph.add((node, RDF.type, OK.Indicator))
    graph.add((node, RDFS.label, _zh(indicator.zh)))
    graph.add((node, RDFS.label, Literal(indicator.en, lang="en")))


def _span(graph: Graph, node: URIRef, start: int, end: int) -> None:
    graph.add((node, OK.start, Literal(start)))
    graph.add((node, OK.end, Literal(end)))
