"""Build the RDF graph: corpus → extractors → entities → triples.

Every IRI is minted in :func:`mint_iri` from a canonical key (a division code,
a title, a merge key, a character offset), never from a counter, so IRIs stay
the same across rebuilds and the serialisation is byte-identical for the same
input.
"""
from __future__ import annotations

import hashlib
import multiprocessing
import re
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from pathlib import Path
from typing import Callable, Iterable, Iterator, Protocol

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from .cache import ExtractionCache, pipeline_version
from .corpus import read_corpus
from .doc import Article, RegionRef
from .errors import CorpusError, OrgkgError
from .extract import DEFAULT_PIPELINE, Pipeline
from .graphfile import Written, sorted_runs, write_lines
from .indicators import Indicator
from .knowledge import Knowledge, packaged
from .measures import OCCASION, NationalTable, preferred_label
from .namespaces import PREFIXES, RESOURCE_BASE
from .resolve import Resolved, resolve
from .vocab import OK

ID = Namespace(RESOURCE_BASE)
Progress = Callable[[Iterable[Article], int], Iterable[Article]]


class Sink(Protocol):
    """Where triples go: an rdflib graph, or sorted runs on disk (:func:`~orgkg.graph.graphfile.sorted_runs`)."""

    def add(self, triple: tuple) -> object: ...

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
    """Run the extractor pipeline over every article, in corpus order (see :func:`extracted`)."""
    return list(extracted(articles, pipeline, progress, knowledge, jobs, cache))


def extracted(articles: list[Article], pipeline: Iterable[str] = DEFAULT_PIPELINE,
              progress: Progress | None = None, knowledge: Knowledge | None = None, jobs: int = 1,
              cache: Path | None = None) -> Iterator[Article]:
    """The articles as the extractor pipeline leaves them, one at a time, in corpus order.

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
    keys = [store.key(a) for a in articles] if store else [None] * len(articles)
    done = [store.get(k) for k in keys] if store else [None] * len(articles)
    todo = [a for a, hit in zip(articles, done) if hit is None]
    fresh = iter(_extract(todo, Pipeline(names, knowledge), jobs) if todo else ())
    progress = progress or (lambda items, total: items)
    for key, hit, article in zip(keys, done, progress((hit or next(fresh) for hit in done), len(articles))):
        if store and hit is None:
            store.put(key, article)
        yield article
    if store:
        store.prune()


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
    """Read, extract and build the graph of a corpus file or folder, as an rdflib graph in memory.

    :param jobs: worker processes for extraction (see :func:`extracted`).
    :param cache: a folder of earlier extractions to reuse (see :func:`extracted`).
    :raises CorpusError: when the corpus cannot be read or holds no article.
    """
    return to_graph(extracted(_read(path), pipeline, progress, knowledge, jobs, cache), knowledge)


def write_corpus(path: str | Path, output: str | Path, fmt: str = "ttl", pipeline: Iterable[str] = DEFAULT_PIPELINE,
                 progress: Progress | None = None, jobs: int = 1, cache: Path | None = None) -> Written:
    """Read, extract and write the graph of a corpus to ``output``, holding no graph in memory.

    Each article's triples go to sorted runs on disk as soon as it is extracted, and
    only what naming its programmes and initiatives needs is kept of it; the file is
    written from the merged runs, byte for byte what :func:`build_corpus` and
    :func:`~orgkg.graph.graphfile.serialize` give.

    :raises CorpusError: when the corpus cannot be read or holds no article.
    :raises OutputError: when ``output`` cannot be written.
    """
    articles = _read(path)
    with sorted_runs(output) as runs:
        _emit(extracted(articles, pipeline, progress, None, jobs, cache), packaged(), runs, slim=True)
        return write_lines(runs.lines(), output, fmt)


def _read(path: str | Path) -> list[Article]:
    articles = read_corpus(path)
    if not articles:
        raise CorpusError(f"{path}: no article found")
    return articles


def to_graph(articles: Iterable[Article], knowledge: Knowledge | None = None) -> Graph:
    """The RDF graph of extracted articles.

    :param knowledge: the tables the articles were extracted with; the packaged ones by default.
    """
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, Namespace(namespace))
    graph.bind("id", ID)
    _emit(articles, knowledge or packaged(), graph)
    return graph


def _emit(articles: Iterable[Article], knowledge: Knowledge, sink: Sink, slim: bool = False) -> None:
    """Add the triples of ``articles`` to ``sink``: each article's own as it comes, then, once every
    article is in, the programmes, initiatives and concepts they share and the mentions of them.

    :param slim: keep of each article only what the second part needs (not its text).
    """
    kept = []
    for article in articles:
        _add_article(sink, article, knowledge.indicators)
        kept.append(_slimmed(article) if slim else article)
    resolved = resolve(kept, knowledge.national, knowledge.lexicon)
    _add_regions(sink, resolved)
    _add_measures(sink, resolved, knowledge.national)
    _add_concepts(sink, resolved, knowledge.national)
    for article in kept:
        _add_measure_mentions(sink, article, resolved)


def _slimmed(article: Article) -> Article:
    """The article without its text and the figures the second part of :func:`_emit` does not touch."""
    return replace(article, text="", sentences=[replace(s, text="") for s in article.sentences],
                   figures=[f for f in article.figures if f.concerns and f.concerns[0] == "measure"])


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
        core = set() if key.endswith(OCCASION) else {entity.core}  # “甲”大赛: 甲 alone is the plan, not the event
        for name in sorted(set(entity.names) | core):
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


def _add_article(graph: Sink, article: Article, indicators: dict[str, Indicator]) -> None:
    """The article's own triples: all but the mentions of programmes and initiatives, which
    need every article resolved first (:func:`_add_measure_mentions`)."""
    node = mint_iri("article", article.id)
    graph.add((node, RDF.type, OK.Article))
    graph.add((node, DCTERMS.title, _zh(article.title)))
    graph.add((node, OK.position, Literal(article.position)))
    graph.add((node, DCTERMS.source, Literal(article.source)))
    if article.level:
        graph.add((node, OK.articleLevel, Literal(article.level)))
    if article.subject is not None:
        graph.add((node, OK.about, region_iri(article.subject)))

    for section in article.sections:
        sec = _section_iri(article, section.position)
        graph.add((node, OK.hasSection, sec))
        graph.add((sec, RDF.type, OK.Section))
        graph.add((sec, RDFS.label, _zh(section.heading)))
        graph.add((sec, OK.position, Literal(section.position)))
        graph.add((sec, DCTERMS.isPartOf, node))

    for sentence in article.sentences:
        sen = _sentence_iri(article, sentence.index)
        graph.add((sen, RDF.type, OK.Sentence))
        graph.add((sen, OK.text, Literal(sentence.text)))
        _span(graph, sen, sentence.start, sentence.end)
        graph.add((sen, DCTERMS.isPartOf, node))
        if sentence.section is not None:
            graph.add((sen, OK.inSection, _section_iri(article, sentence.section)))

    regions_at = {}
    for m in article.regions:
        target = regions_at[m.start] = region_iri(m.region)
        _add_mention(graph, article, target, m.surface, m.sentence, m.start, m.end)

    for f in article.figures:
        fig = _figure_iri(article, f.start)
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
        if f.concerns and f.concerns[0] == "region" and f.concerns[1] in regions_at:
            graph.add((fig, OK.concerns, regions_at[f.concerns[1]]))
        _evidence(graph, article, fig, f.sentence, f.start, f.end)


def _add_measure_mentions(graph: Sink, article: Article, resolved: Resolved) -> None:
    """The article's mentions of programmes and initiatives, what its region implements, and
    the figures that concern one of them."""
    subject = region_iri(article.subject) if article.subject is not None else None
    measures_at = {}
    for m in article.measures:
        key = resolved.measure_of[(article.id, m.start)]
        target = measures_at[m.start] = mint_iri(resolved.measures[key].kind, key)
        _add_mention(graph, article, target, m.name, m.sentence, m.start, m.end)
        if subject is not None:
            graph.add((subject, OK.implements, target))
    for f in article.figures:
        if f.concerns and f.concerns[0] == "measure" and f.concerns[1] in measures_at:
            graph.add((_figure_iri(article, f.start), OK.concerns, measures_at[f.concerns[1]]))


def _section_iri(article: Article, position: int) -> URIRef:
    return mint_iri("section", f"{article.id}-{position}")


def _sentence_iri(article: Article, index: int) -> URIRef:
    return mint_iri("sentence", f"{article.id}-{article.sentences[index].start}")


def _figure_iri(article: Article, start: int) -> URIRef:
    return mint_iri("figure", f"{article.id}-{start}")


def _evidence(graph: Sink, article: Article, thing: URIRef, sentence_index: int, start: int, end: int) -> None:
    """Where ``thing`` was read: its sentence, its span and its section."""
    graph.add((thing, PROV.wasDerivedFrom, _sentence_iri(article, sentence_index)))
    _span(graph, thing, start, end)
    section = article.sentences[sentence_index].section
    if section is not None:
        graph.add((thing, OK.inSection, _section_iri(article, section)))


def _add_mention(graph: Sink, article: Article, target: URIRef, surface: str, sentence: int, start: int,
                 end: int) -> None:
    graph.add((mint_iri("article", article.id), OK.mentions, target))
    mention = mint_iri("mention", f"{article.id}-{start}-{end}")
    graph.add((mention, RDF.type, OK.Mention))
    graph.add((mention, OK.denotes, target))
    graph.add((mention, OK.surface, Literal(surface)))
    _evidence(graph, article, mention, sentence, start, end)


def _add_indicator(graph: Graph, figure: URIRef, indicator: Indicator) -> None:
    node = mint_iri("indicator", indicator.key)
    graph.add((figure, OK.indicator, node))
    graph.add((node, RDF.type, OK.Indicator))
    graph.add((node, RDFS.label, _zh(indicator.zh)))
    graph.add((node, RDFS.label, Literal(indicator.en, lang="en")))


def _span(graph: Graph, node: URIRef, start: int, end: int) -> None:
    graph.add((node, OK.start, Literal(start)))
    graph.add((node, OK.end, Literal(end)))
