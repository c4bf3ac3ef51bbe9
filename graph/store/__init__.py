"""The graph, behind one interface wherever it lives: what the web app and ``orgkg query`` use.

:class:`GraphStore` runs every query (the endpoint's, the entity pages', the
network views', the command line's) with a hard timeout and a row cap, and
hands back a complete :class:`Answer`: nothing is streamed, so a timeout can
never cut a response in half. The query engine is a backend:
:class:`LocalBackend` keeps the graph in an in-memory pyoxigraph store (fast,
thread-safe, releases the GIL), :class:`RemoteBackend` forwards to an external
SPARQL 1.1 endpoint such as ``oxigraph serve``. :func:`open_store` picks one;
:mod:`.results` writes answers in the SPARQL results and RDF formats. Failures
are the :class:`~orgkg.graph.errors.StoreError` family, re-exported here.
"""
from __future__ import annotations

import atexit
import hashlib
import json
import shutil
import tempfile
import threading
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Mapping, NamedTuple, Protocol

import pyoxigraph as ox

from ..errors import (
    AnswerFormatError, Busy, GraphFileError, OrgkgError, QueryCrashed, QueryRefused, QuerySyntaxError, QueryTimeout,
    QueryTooComplex, StoreError, UpstreamError,
)
from ..namespaces import ANALYSIS_GRAPH, PREFIXES
from .guard import check, names_its_dataset
from .syntax import explain, with_prefixes
from .workers import ProcessBackend

__all__ = [
    "Answer", "Dump", "GraphStore", "LocalBackend", "RemoteBackend", "open_store", "write_store", "is_store",
    "write_triples", "RDF_FORMATS",
    "PREFIXES", "PROLOGUE", "Term", "OrgkgError", "StoreError", "GraphFileError", "QuerySyntaxError", "QueryRefused",
    "QueryTimeout", "UpstreamError", "AnswerFormatError", "QueryTooComplex", "QueryCrashed", "Busy", "ProcessBackend",
]

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple

#: The RDF formats whole graphs are written in, by the names the app and the command line use.
RDF_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD}
#: The same prefixes as SPARQL ``PREFIX`` lines, for the app's own queries.
PROLOGUE = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


def rdf_format(path: Path) -> ox.RdfFormat | None:
    """The RDF format of a graph file by its extension (``.json`` is JSON-LD, as orgkg writes it)."""
    return ox.RdfFormat.JSON_LD if path.suffix == ".json" else ox.RdfFormat.from_extension(path.suffix.lstrip("."))


def graph_file_format(path: Path) -> ox.RdfFormat:
    """The format of a graph file that exists.

    :raises GraphFileError: for an unknown extension or a missing file.
    """
    fmt = rdf_format(path)
    if fmt is None:
        raise GraphFileError(f"{path}: unknown RDF file extension {path.suffix!r}")
    if not path.is_file():
        raise GraphFileError(f"{path}: no such graph file (build one with `orgkg build CORPUS -o {path}`)")
    return fmt


def write_triples(triples: Iterable[ox.Triple], fmt: ox.RdfFormat, output: Path | None = None) -> bytes | None:
    """Serialise triples, with the ontology's prefixes where the format has prefixes.

    :param triples: pyoxigraph triples.
    :param fmt: Turtle, N-Triples, JSON-LD or any other pyoxigraph graph format.
    :param output: a file to write (streaming) instead of returning the bytes.
    """
    if fmt == ox.RdfFormat.JSON_LD:
        data = with_context(ox.serialize(triples, format=fmt))
        if output is None:
            return data
        Path(output).write_bytes(data)
        return None
    prefixes = None if fmt == ox.RdfFormat.N_TRIPLES else PREFIXES
    return ox.serialize(triples, output=None if output is None else str(output), format=fmt, prefixes=prefixes)


def with_context(expanded: bytes) -> bytes:
    """Expanded JSON-LD (pyoxigraph's) as a document with the ontology's prefixes as its ``@context``
    and property names and IRIs written with them, as Turtle is: smaller, readable, the same triples.

    >>> with_context(b'[{"@id":"http://x/a","http://www.w3.org/2000/01/rdf-schema#label":[{"@value":"a"}]}]')
    ... # doctest: +ELLIPSIS
    b'{"@context":{"ok":"https://w3id.org/orgkg/ontology#",...},"@graph":[{"@id":"http://x/a","rdfs:label":[{"@value":"a"}]}]}'
    """
    def compact(iri: str) -> str:
        for prefix, namespace in PREFIXES.items():
            if iri.startswith(namespace) and not iri[len(namespace):].startswith("/"):
                return f"{prefix}:{iri[len(namespace):]}"
        return iri

    def node(obj: dict) -> dict:
        out = {}
        for key, value in obj.items():
            if key == "@id":
                out[key] = value if value.startswith("_:") else compact(value)
            elif key == "@type":
                out[key] = [compact(v) for v in value] if isinstance(value, list) else compact(value)
            elif key.startswith("@"):
                out[key] = value
            else:
                out[compact(key)] = [node(v) for v in value]  # node references and value objects alike
        return out

    graph = [node(obj) for obj in json.loads(expanded)]
    return json.dumps({"@context": PREFIXES, "@graph": graph}, ensure_ascii=False, separators=(",", ":")).encode()


@dataclass(frozen=True)
class Answer:
    """The complete answer to one query.

    ``form`` is ``"select"``, ``"ask"`` or ``"graph"`` (CONSTRUCT and DESCRIBE).
    ``truncated`` names the limit that cut ``rows`` or ``triples`` short (``"rows"`` or
    ``"bytes"``, see :class:`Cap`), and is empty when the answer is whole.
    """

    form: str
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Term | None, ...], ...] = ()
    boolean: bool | None = None
    triples: tuple[ox.Triple, ...] = ()
    truncated: str = ""

    def records(self) -> list[dict[str, Term]]:
        """Rows as dicts without the unbound variables, for the app's own queries."""
        return [{v: t for v, t in zip(self.variables, row) if t is not None} for row in self.rows]


@dataclass(frozen=True)
class Dump:
    """A whole-graph serialisation and its ETag."""

    data: bytes
    etag: str


class Backend(Protocol):
    """Runs one query and returns its whole answer, cut at ``cap``."""

    def answer(
        self,
        sparql: str,
        bindings: Mapping[str, Term],
        default_graphs: list[ox.NamedNode],
        named_graphs: list[ox.NamedNode],
        timeout: float,
        cap: Cap,
        base: str | None = None,
        cancelled: threading.Event | None = None,
    ) -> Answer: ...

    def dump(self, fmt: ox.RdfFormat) -> bytes: ...

    def close(self) -> None:
        """Stop whatever runs queries for this backend (a query under way ends at once)."""


class LocalBackend:
    """An in-memory pyoxigraph store.

    Queries see the union of all graphs as their default graph, so data loaded
    from TriG is not hidden in named graphs, unless the query or the protocol
    names its dataset (``FROM``, ``default-graph-uri``), which is then honoured.
    The analyses' graph (:data:`~orgkg.graph.namespaces.ANALYSIS_GRAPH`) is left
    out of that union: only ``GRAPH <…>`` reaches it, so results are never taken
    for extracted facts, and whole-graph dumps leave it out too.

    :param store: the loaded store; it is never written to after this.
    """

    def __init__(self, store: ox.Store):
        self.store = store
        analysis = ox.NamedNode(ANALYSIS_GRAPH)
        #: the default graph's parts when the store holds the analyses' graph, else None (the union of all)
        self.facts = ([ox.DefaultGraph(), *(g for g in store.named_graphs() if g != analysis)]
                      if store.contains_named_graph(analysis) else None)

    @classmethod
    def from_store(cls, folder: str | Path) -> LocalBackend:
        """Open a store written by :func:`write_store`, read-only: nothing is parsed, so it answers at once.

        :raises GraphFileError: when the folder is not such a store.
        """
        folder = Path(folder)
        if not is_store(folder):
            raise GraphFileError(f"{folder}: not an orgkg store (write one with `orgkg build CORPUS --store {folder}`)")
        try:
            return cls(ox.Store.read_only(str(folder)))
        except OSError as exc:
            raise GraphFileError(f"{folder}: cannot open the store ({str(exc).strip().splitlines()[0]})") from exc

    @classmethod
    def from_file(cls, path: str | Path) -> LocalBackend:
        """Bulk-load a graph file whose format is given by its extension (.ttl, .nt, .jsonld, .trig …).

        :raises GraphFileError: for a missing file, an unknown extension or a file that does not parse.
        """
        path = Path(path)
        fmt = graph_file_format(path)
        store = ox.Store()
        try:
            store.bulk_load(path=path, format=fmt)
        except (SyntaxError, ValueError, OSError) as exc:
            raise GraphFileError(f"{path}: cannot load the graph ({str(exc).strip().splitlines()[0]})") from exc
        return cls(store)

    def answer(self, sparql, bindings, default_graphs, named_graphs, timeout, cap, base=None, cancelled=None):
        return collect(self.run(sparql, bindings, default_graphs, named_graphs, base), cap, cancelled)

    def run(self, sparql, bindings, default_graphs, named_graphs, base=None):
        chosen = bool(default_graphs) or names_its_dataset(sparql)
        try:
            return self.store.query(
                sparql,
                base_iri=base,
                substitutions={ox.Variable(k): v for k, v in bindings.items()} or None,
                use_default_graph_as_union=not chosen and self.facts is None,
                default_graph=default_graphs or (None if chosen else self.facts),
                named_graphs=named_graphs or None,
            )
        except SyntaxError as e:
            raise QuerySyntaxError(str(e)) from e  # made readable by GraphStore.query, which knows the prefixes it added

    def dump(self, fmt):
        quads = self.store if self.facts is None else (
            q for g in self.facts for q in self.store.quads_for_pattern(None, None, None, g))
        return write_triples((q.triple for q in quads), fmt)  # named graphs merge, as in queries

    def close(self) -> None:
        """Nothing to stop: queries run on the caller's threads."""


class RemoteBackend:
    """An external SPARQL 1.1 endpoint, queried over the SPARQL Protocol.

    Bindings travel as a trailing ``VALUES`` clause made of terms that
    pyoxigraph has validated and written, never of raw user text.

    :param endpoint: the endpoint's URL, e.g. ``http://127.0.0.1:7878/query``.
    """

    ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9"

    def __init__(self, endpoint: str):
        self.endpoint = endpoint

    @staticmethod
    def values_clause(bindings: Mapping[str, Term]) -> str:
        """The ``VALUES`` clause that pins variables to terms.

        >>> RemoteBackend.values_clause({"s": ox.NamedNode("http://x/a"), "l": ox.Literal('say "hi"', language="zh")})
        '\\nVALUES (?s ?l) { (<http://x/a> "say \\\\"hi\\\\""@zh) }'
        """
        if not bindings:
            return ""
        names = " ".join(f"?{ox.Variable(k).value}" for k in bindings)
        terms = " ".join(str(t) for t in bindings.values())
        return f"\nVALUES ({names}) {{ ({terms}) }}"

    def _post(self, params: list[tuple[str, str]], accept: str, timeout: float) -> tuple[str, bytes]:
        body = urllib.parse.urlencode(params).encode()
        request = urllib.request.Request(
            self.endpoint,
            data=body,
            headers={"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"},
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.headers.get_content_type(), response.read()
        except urllib.error.HTTPError as e:
            message = e.read().decode("utf-8", "replace")[:2000]
            if e.code == 400:
                raise QuerySyntaxError(f"bad SPARQL query: {message}") from e
            raise UpstreamError(f"{self.endpoint} answered {e.code}: {message}") from e
        except TimeoutError as e:
            raise QueryTimeout(f"{self.endpoint} did not answer within {timeout:g} s") from e
        except OSError as e:
            raise UpstreamError(f"{self.endpoint} unreachable: {e}") from e

    def answer(self, sparql, bindings, default_graphs, named_graphs, timeout, cap, base=None, cancelled=None):
        return collect(self.run(sparql, bindings, default_graphs, named_graphs, timeout, base), cap, cancelled)

    def run(self, sparql, bindings, default_graphs, named_graphs, timeout, base=None):
        prologue = f"BASE <{ox.NamedNode(base).value}>\n" if base else ""  # a query's own BASE still wins
        params = [("query", prologue + sparql + self.values_clause(bindings))]
        params += [("default-graph-uri", g.value) for g in default_graphs]
        params += [("named-graph-uri", g.value) for g in named_graphs]
        ctype, body = self._post(params, self.ACCEPT, timeout)
        results_format = ox.QueryResultsFormat.from_media_type(ctype)
        if results_format is not None:
            return ox.parse_query_results(body, format=results_format)
        rdf_format = ox.RdfFormat.from_media_type(ctype)
        if rdf_format is None:
            raise UpstreamError(f"{self.endpoint} answered with unsupported type {ctype}")
        return (q.triple for q in ox.parse(body, format=rdf_format))

    def dump(self, fmt):
        _, body = self._post([("query", "CONSTRUCT WHERE { ?s ?p ?o }")], "application/n-triples", timeout=600)
        return write_triples((q.triple for q in ox.parse(body, format=ox.RdfFormat.N_TRIPLES)), fmt)

    def close(self) -> None:
        """Nothing to stop: a request under way ends at its own timeout."""


class Cap(NamedTuple):
    """How much of an answer is kept: rows (or triples), and bytes of the terms' text.

    The byte cap stops a few rows of huge computed strings (a repeated ``CONCAT``)
    from becoming an answer of hundreds of megabytes; both cuts are flagged alike.
    """

    rows: float = float("inf")
    bytes: float = float("inf")


def collect(result, cap: Cap, cancelled: threading.Event | None = None) -> Answer:
    """The whole answer of pyoxigraph's lazy ``result``, cut at ``cap``.

    :param cancelled: stops the collection when set (the caller gave up waiting).
    """
    if isinstance(result, ox.QueryBoolean):
        return Answer("ask", boolean=bool(result))
    if isinstance(result, ox.QuerySolutions):
        variables = tuple(v.value for v in result.variables)
        rows, cut = _take((tuple(s[v] for v in variables) for s in result), cap, cancelled)
        return Answer("select", variables=variables, rows=tuple(rows), truncated=cut)
    triples, cut = _take(result, cap, cancelled)
    return Answer("graph", triples=tuple(triples), truncated=cut)


def _take(items: Iterable, cap: Cap, cancelled: threading.Event | None) -> tuple[list, str]:
    """The items that fit in ``cap``, and which limit cut them short (empty if none); stops once cancelled."""
    out, size = [], 0
    for item in items:
        if cancelled is not None and cancelled.is_set():
            raise QueryTimeout("cancelled")
        if len(out) >= cap.rows:
            return out, "rows"
        size += _text_bytes(item)
        if size > cap.bytes:
            return out, "bytes"
        out.append(item)
    return out, ""


def _text_bytes(item) -> int:
    """The UTF-8 length of the text of a row's or a triple's terms (nested triple terms included)."""
    total = 0
    for term in item:
        if term is None:
            continue
        if isinstance(term, ox.Triple):
            total += _text_bytes(term)
        else:
            total += len(term.value.encode())
    return total


class GraphStore:
    """Runs queries against a backend with a timeout, a row cap and a waiting line; caches whole-graph dumps.

    :param backend: where the graph lives.
    :param timeout: seconds a query may run unless the caller says otherwise.
    :param workers: queries that may run at once; more wait their turn within their timeout.
    :param waiting: queries that may wait for a free worker; one more is refused with :class:`Busy`.
    """

    #: seconds past the time limit a backend that stops its own queries (worker processes) is given
    GRACE = 5.0

    def __init__(self, backend: Backend, timeout: float = 10.0, workers: int = 4, waiting: int = 32):
        self.backend = backend
        self.timeout = timeout
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="sparql")
        self._capacity, self._in_flight, self._count_lock = workers + waiting, 0, threading.Lock()
        self._dumps: dict[ox.RdfFormat, Dump] = {}
        self._dump_lock = threading.Lock()

    def query(
        self,
        sparql: str,
        bindings: Mapping[str, Term] | None = None,
        *,
        default_graphs: Iterable[str] = (),
        named_graphs: Iterable[str] = (),
        timeout: float | None = None,
        max_rows: int | None = None,
        max_bytes: int | None = None,
        base: str | None = None,
    ) -> Answer:
        """Run ``sparql`` to completion and return its whole answer.

        :param bindings: variables pinned to terms (pyoxigraph substitution: a SELECT must project them).
        :param default_graphs: IRIs of the protocol's ``default-graph-uri``.
        :param named_graphs: IRIs of the protocol's ``named-graph-uri``.
        :param timeout: seconds; ``None`` for the store's default.
        :param max_rows: row (or triple) cap; ``None`` for no cap.
        :param max_bytes: cap on the bytes of the answer's terms' text; ``None`` for no cap.
        :param base: the IRI relative IRIs in the query are resolved against (an endpoint passes its own URL).
        :raises QuerySyntaxError: the query does not parse, or a graph IRI is invalid.
        :raises QueryRefused: the query uses ``SERVICE`` or is an update.
        :raises QueryTooComplex: the query is too long, too deep or chains too many operators.
        :raises Busy: every worker is taken and the waiting line is full.
        :raises QueryCrashed: the query took its worker process down.
        :raises QueryTimeout: the time limit ran out; no partial answer is returned.
        :raises UpstreamError: the external endpoint failed.
        """
        check(sparql)
        written, (sparql, added) = sparql, with_prefixes(sparql)
        timeout = timeout or self.timeout
        cap = Cap(*(float("inf") if n is None else n for n in (max_rows, max_bytes)))
        defaults, named = self._graphs(default_graphs), self._graphs(named_graphs)
        with self._count_lock:
            if self._in_flight >= self._capacity:
                raise Busy(f"all {self._capacity} query places are taken; try again shortly")
            self._in_flight += 1
        cancelled = threading.Event()
        stops_itself = isinstance(self.backend, ProcessBackend)
        try:
            future = self._pool.submit(self.backend.answer, sparql, dict(bindings or {}), defaults, named, timeout, cap,
                                       base, cancelled)
            try:
                return future.result(timeout=timeout + (self.GRACE if stops_itself else 0))
            except QuerySyntaxError as e:
                if str(e).startswith("error at"):  # the engine's own message, positions counted with our prefixes
                    raise QuerySyntaxError(explain(str(e), written, added)) from None
                raise
            except FutureTimeout:
                cancelled.set()
                future.cancel()
                raise QueryTimeout(f"query exceeded the time limit of {timeout:g} s") from None
        finally:
            with self._count_lock:
                self._in_flight -= 1

    @staticmethod
    def _graphs(iris: Iterable[str]) -> list[ox.NamedNode]:
        try:
            return [ox.NamedNode(i) for i in iris]
        except ValueError as e:
            raise QuerySyntaxError(f"invalid graph IRI: {e}") from e

    def dump(self, name: str) -> Dump:
        """The whole graph serialised as ``ttl``, ``nt`` or ``jsonld``, computed once and kept."""
        fmt = RDF_FORMATS[name]
        with self._dump_lock:
            if fmt not in self._dumps:
                data = self.backend.dump(fmt)
                self._dumps[fmt] = Dump(data, hashlib.sha256(data).hexdigest()[:32])
            return self._dumps[fmt]

    def sibling(self, workers: int, in_process: bool = False) -> GraphStore:
        """A store of the same graph with capacity of its own (the app's pages beside its endpoint).

        :param in_process: answer on this process's threads, from the store on disk, instead of
            in worker processes: for the app's own start-up queries, which need no time limit
            enforced and should not wait for workers to start.
        """
        backend = self.backend
        if isinstance(backend, ProcessBackend):
            backend = backend.local if in_process else ProcessBackend(backend.folder, workers, backend.memory >> 20,
                                                                      backend.in_memory)
        return GraphStore(backend, timeout=self.timeout, workers=workers, waiting=self._capacity - workers)

    def close(self) -> None:
        """Stop the backend's query workers and this store's threads, so the process can exit at once
        (a query under way is ended, never waited for)."""
        self.backend.close()
        self._pool.shutdown(wait=False, cancel_futures=True)

    @property
    def version(self) -> str:
        """A short fingerprint of the graph's content, for client caches."""
        return self.dump("nt").etag[:16]


def open_store(graph: str | Path | None = None, endpoint: str | None = None, *, timeout: float = 10.0,
               workers: int = 4, waiting: int = 32, processes: bool = False, memory_mb: int = 4096,
               in_memory: bool = True) -> GraphStore:
    """The store of a graph file (bulk-loaded in memory), of a persisted store folder, or of an external endpoint.

    :param graph: a graph file (format by extension) or a folder written by :func:`write_store`.
    :param endpoint: an external endpoint's query URL, used instead of ``graph``.
    :param timeout: seconds a query may run unless the caller says otherwise.
    :param workers: queries that may run at once.
    :param waiting: queries that may wait for a worker (see :class:`GraphStore`).
    :param processes: run each query in a worker process that is killed at its deadline
        (a graph file is first written to a temporary store folder the workers open).
    :param memory_mb: with ``processes``, each worker's memory limit.
    :param in_memory: with ``processes``, each worker queries an in-memory copy (see :class:`ProcessBackend`).
    :raises GraphFileError: when the graph file cannot be loaded.
    """
    if endpoint:
        backend: Backend = RemoteBackend(endpoint)
    elif graph is None:
        raise GraphFileError("give a graph file or a SPARQL endpoint")
    elif processes:
        folder = Path(graph) if Path(graph).is_dir() else _temporary_store(Path(graph))
        backend = ProcessBackend(folder, workers, memory_mb, in_memory)
    else:
        backend = LocalBackend.from_store(graph) if Path(graph).is_dir() else LocalBackend.from_file(graph)
    return GraphStore(backend, timeout=timeout, workers=workers, waiting=waiting)


def _temporary_store(graph: Path) -> Path:
    """A store folder of the graph file, removed when the process ends."""
    graph_file_format(graph)
    folder = Path(tempfile.mkdtemp(prefix="orgkg-store-"))
    atexit.register(shutil.rmtree, folder, True)
    try:
        return write_store(graph, folder / "store")
    except GraphFileError as exc:
        cause = str(exc.__cause__ or exc).strip().splitlines()[0]
        raise GraphFileError(f"{graph}: cannot load the graph ({cause})") from exc


#: seconds each query of what :func:`write_store` derives may take (it runs once, at build time)
DERIVED_TIMEOUT = 3600.0
#: The file that marks a folder as a store orgkg wrote (and may replace).
STORE_MARK = "orgkg-store.txt"


def is_store(folder: str | Path) -> bool:
    """Whether ``folder`` is an on-disk store written by :func:`write_store`."""
    return (Path(folder) / STORE_MARK).is_file()


def write_store(graph_file: str | Path, folder: str | Path,
                derived: Callable[[GraphStore], Iterable[ox.Quad]] | None = None) -> Path:
    """Write the graph file into an on-disk Oxigraph store at ``folder``, replacing a store written there before.

    The store is built beside the folder and renamed into place, so ``folder`` is
    always either the old store or the new one.

    :param derived: what to store beside the graph, in named graphs of its own (the analyses'),
        computed from the graph as loaded into the new store (not from a second copy in memory).

    :raises GraphFileError: when ``folder`` exists and is not an orgkg store, or cannot be written.
    """
    folder, graph_file = Path(folder), Path(graph_file)
    if folder.exists() and not is_store(folder):
        raise GraphFileError(f"{folder}: exists and is not an orgkg store; give an empty or new folder")
    staging = folder.with_name(f".{folder.name}.building")
    old = folder.with_name(f".{folder.name}.old")
    try:
        for leftover in (staging, old):
            shutil.rmtree(leftover, ignore_errors=True)
        store = ox.Store(str(staging))
        store.bulk_load(path=graph_file, format=rdf_format(graph_file))
        if derived is not None:
            store.bulk_extend(list(derived(GraphStore(LocalBackend(store), timeout=DERIVED_TIMEOUT, workers=1))))
        store.optimize()
        del store  # closes the database before it moves
        (staging / STORE_MARK).write_text(f"orgkg store of {graph_file.name}\n", encoding="utf-8")
        if folder.exists():
            folder.rename(old)
        staging.rename(folder)
        shutil.rmtree(old, ignore_errors=True)
    except (OSError, SyntaxError, ValueError) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise GraphFileError(f"{folder}: cannot write the store ({str(exc).strip().splitlines()[0]})") from exc
    return folder
