"""The ``orgkg`` command line: build, export, query, analyse, load, stats, validate, evaluate, serve, vocab.

It sits above both halves of the package and is the only module that imports
both :mod:`orgkg.graph` and :mod:`orgkg.web`. Every failure a user can cause
ends in one line on stderr and exit status 1.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path
from typing import Iterable, Sequence

from . import __version__
from .graph.errors import OrgkgError

DEFAULT_GRAPH = "build/graph.ttl"
NETWORK_FORMATS = ("graphml", "gexf", "csv")  # the projection's formats (orgkg.graph.analysis.exports)
CACHE = ".orgkg-cache"  # the extraction cache's folder, beside the graph it was built for


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    _warnings_to_stderr()
    try:
        return args.run(args) or 0
    except OrgkgError as exc:
        message = str(exc).strip().splitlines()
        print(f"orgkg: error: {message[0] if message else type(exc).__name__}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("orgkg: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `orgkg stats | head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _warnings_to_stderr() -> None:
    """The build's warnings (a number skipped …) as one line each on stderr."""
    build = logging.getLogger("orgkg.build")
    if not build.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("orgkg: warning: %(message)s"))
        build.addHandler(handler)
        build.propagate = False


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="orgkg", description="Knowledge graph of Chinese organisation-work review reports.")
    parser.add_argument("--version", action="version", version=f"orgkg {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("build", help="build the graph of a corpus file or folder")
    p.add_argument("corpus", help="a compilation .txt, an article .txt or a folder of .txt files")
    p.add_argument("-o", "--output", default=DEFAULT_GRAPH, help=f"graph file to write (default {DEFAULT_GRAPH})")
    p.add_argument("--format", choices=["ttl", "nt", "jsonld", "trig"], help="default: from the output's extension")
    p.add_argument("--pipeline", help="comma-separated extractors (default: regions,programmes,initiatives,figures)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary")
    p.add_argument("--store", metavar="DIR", help="also write an on-disk store that `orgkg serve DIR` opens at once")
    p.add_argument("--cache", metavar="DIR", help="reuse the extractions kept here; only changed articles are "
                   "extracted again (default: .orgkg-cache beside the output)")
    p.add_argument("--no-cache", action="store_true", help="extract every article afresh and keep nothing")
    p.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1,
                   help="extract in this many worker processes (default: the machine's cores); same output for any number")
    p.set_defaults(run=_build)

    p = sub.add_parser("export", help="write a graph (or a corpus, built first) in another RDF format, "
                       "or its network of regions, items and articles for Gephi or pandas")
    p.add_argument("source", nargs="?", default=DEFAULT_GRAPH, help="graph file, store folder (network formats) or corpus")
    p.add_argument("--format", choices=["ttl", "nt", "jsonld", "trig", *NETWORK_FORMATS], default="ttl",
                   help="an RDF format, or graphml, gexf, csv (a zip of nodes.csv and edges.csv) for the network")
    p.add_argument("-o", "--output", help="file to write (default: standard output)")
    p.set_defaults(run=_export)

    p = sub.add_parser("query", help="run a SPARQL query on a graph file or a SPARQL endpoint")
    p.add_argument("query", help="the query text, or @file.rq")
    p.add_argument("-g", "--graph", default=DEFAULT_GRAPH, help=f"graph file or store folder (default {DEFAULT_GRAPH})")
    p.add_argument("--endpoint", help="query this SPARQL endpoint URL instead of a graph file")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.set_defaults(run=_query)

    _analyse_parser(sub)

    p = sub.add_parser("load", help="put a graph file into a SPARQL server (Graph Store Protocol)")
    p.add_argument("graph", nargs="?", default=DEFAULT_GRAPH, help=f"graph file (default {DEFAULT_GRAPH})")
    p.add_argument("--endpoint", required=True, metavar="STORE_URL",
                   help="the server's Graph Store Protocol URL, e.g. http://127.0.0.1:7878/store (Oxigraph)")
    p.add_argument("--graph-iri", help="load into this named graph instead of the default graph")
    p.add_argument("--append", action="store_true", help="add to the graph instead of replacing it")
    p.set_defaults(run=_load)

    p = sub.add_parser("stats", help="count resources per class and triples per property (TSV with a header)")
    p.add_argument("source", nargs="?", default=DEFAULT_GRAPH, help="graph file, store folder, or corpus to build")
    p.add_argument("--json", action="store_true", help="print the counts as JSON")
    p.set_defaults(run=_stats)

    p = sub.add_parser("validate", help="check a graph against the SHACL shapes (exit 1 on violations)")
    p.add_argument("graph", nargs="?", default=DEFAULT_GRAPH)
    p.set_defaults(run=_validate)

    p = sub.add_parser("evaluate", help="score a graph against hand-annotated gold articles")
    p.add_argument("gold", help="folder of gold JSON files")
    p.add_argument("-g", "--graph", default=DEFAULT_GRAPH)
    p.add_argument("--scorer", help="scoring script (default: eval/score.py beside the gold folder's parent)")
    p.add_argument("--min-f1", action="append", default=[], metavar="ROW=F", help="fail when a row's F1 is lower")
    p.add_argument("--verbose", action="store_true", help="list misses and spurious items")
    p.add_argument("--json", action="store_true", help="print the totals as JSON")
    p.set_defaults(run=_evaluate)

    p = sub.add_parser("serve", help="serve a graph file (or a corpus, built and written first) over HTTP")
    p.add_argument("source", nargs="?", default=DEFAULT_GRAPH,
                   help="graph file, store folder (build --store), or corpus to build first")
    p.add_argument("-o", "--output", default=DEFAULT_GRAPH,
                   help=f"where a corpus's graph is written before it is served (default {DEFAULT_GRAPH})")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=5000)
    p.add_argument("--endpoint", help="answer SPARQL from this remote endpoint (e.g. an Oxigraph server)")
    p.add_argument("--timeout", type=float, metavar="SECONDS",
                   help="time limit of a SPARQL query; its worker is stopped then (default 10)")
    p.add_argument("--allowed-host", action="append", default=[], metavar="NAME",
                   help="a Host name clients may use besides the bound address and localhost (repeatable); "
                        "with --host 0.0.0.0 and none given, any")
    p.set_defaults(run=_serve)

    p = sub.add_parser("vocab", help="regenerate graph/vocab.py from ontology/orgkg.ttl (in a checkout)")
    p.set_defaults(run=_vocab)
    return parser


def _analyse_parser(sub) -> None:
    """``orgkg analyse diffusion|similar|central|indicator|rdf``, each reading a graph as ``orgkg query`` does."""
    graph = argparse.ArgumentParser(add_help=False)
    graph.add_argument("-g", "--graph", default=DEFAULT_GRAPH, help=f"graph file or store folder (default {DEFAULT_GRAPH})")
    graph.add_argument("--endpoint", help="read this SPARQL endpoint URL instead of a graph file")
    source = argparse.ArgumentParser(add_help=False, parents=[graph])
    source.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p = sub.add_parser("analyse", help="compare regions: diffusion, similarity, centrality, indicators")
    kinds = p.add_subparsers(dest="analysis", required=True, metavar="ANALYSIS")
    a = kinds.add_parser("diffusion", parents=[source], help="how many regions report each item, by level; "
                         "with ITEM, by province")
    a.add_argument("item", nargs="?", help="a programme, initiative or shared item (label or IRI)")
    a.add_argument("--min-regions", type=int, default=2, help="list items reported by at least this many regions")
    a = kinds.add_parser("similar", parents=[source], help="the regions most like REGION, with the items they share")
    a.add_argument("region", help="a region (label or IRI)")
    a.add_argument("--top", type=int, default=10)
    a = kinds.add_parser("central", parents=[source], help="items that bridge groups of regions (betweenness, "
                         "modularity communities)")
    a.add_argument("--top", type=int, default=50)
    a.add_argument("--communities", action="store_true", help="list the communities instead of the items")
    a = kinds.add_parser("indicator", parents=[source], help="each region's own values of an indicator; "
                         "without NAME, the indicators")
    a.add_argument("name", nargs="?", help="an indicator's Chinese or English label or key (party-members …)")
    a = kinds.add_parser("rdf", parents=[graph], help="every analysis's results as RDF in the named graph "
                         "<https://w3id.org/orgkg/graph/analysis> (TriG or N-Quads)")
    a.add_argument("-o", "--output", help="file to write, .trig or .nq (default: TriG on standard output)")
    a.add_argument("--format", choices=["trig", "nq"], help="default: from the output's extension, else trig")
    p.set_defaults(run=_analyse)


def _progress(quiet: bool):
    """A progress bar on a terminal; nothing in scripts and pipes."""
    if quiet or not sys.stderr.isatty():
        return None

    def bar(items: Iterable, total: int):
        for i, item in enumerate(items, start=1):
            done = int(30 * i / total)
            print(f"\rextracting [{'#' * done}{'.' * (30 - done)}] {i}/{total}", end="", file=sys.stderr)
            yield item
        print(file=sys.stderr)

    return bar


def _build(args) -> int:
    from .graph.extract import DEFAULT_PIPELINE

    pipeline = [n.strip() for n in args.pipeline.split(",") if n.strip()] if args.pipeline else DEFAULT_PIPELINE
    if args.jobs < 1:
        raise OrgkgError(f"--jobs {args.jobs} is not a positive number of jobs")
    cache = None if args.no_cache else Path(args.cache) if args.cache else Path(args.output).parent / CACHE
    output = _build_to(args.corpus, args.output, args.format, pipeline, args.quiet, args.jobs, cache)
    if args.store:
        from .graph.analysis.rdf import analysis_quads
        from .graph.graphfile import write_atomic
        from .graph.store import open_store, write_store
        from .web.catalogue import FILE, Catalogue

        # the analyses' results go into the store's named graph <…/graph/analysis>, beside the facts
        write_store(output, args.store, analysis_quads)
        # the web app's lookups, kept with the store so `orgkg serve DIR` starts with them at once
        write_atomic(Path(args.store) / FILE, Catalogue.build(open_store(args.store)).to_json())
        if not args.quiet:
            print(f"wrote the store {args.store}", file=sys.stderr)
    return 0


def _build_to(corpus: str, output: str, fmt: str | None, pipeline: Sequence[str], quiet: bool,
              jobs: int = 1, cache: Path | None = None) -> Path:
    """Build ``corpus`` and write its graph to ``output``; the summary goes to stderr unless ``quiet``."""
    from .graph.build import write_corpus
    from .graph.graphfile import format_of

    fmt = fmt or format_of(output) or "ttl"
    path = Path(output)
    if not path.parent.is_dir():
        if path.parent == Path(DEFAULT_GRAPH).parent:
            path.parent.mkdir(parents=True)
        else:
            raise OrgkgError(f"{path}: folder {path.parent} does not exist")
    written = write_corpus(corpus, path, fmt, pipeline, _progress(quiet), jobs=jobs, cache=cache)
    if not quiet:
        counts = ", ".join(f"{n} {c}" for c, n in written.classes.items())
        print(f"wrote {path}: {written.triples} triples ({counts})", file=sys.stderr)
    return path


def _load_source(source: str):
    from .graph.graphfile import format_of, load

    if format_of(source) is not None:
        return load(source)
    from .graph.build import build_corpus

    return build_corpus(source)


def _export(args) -> int:
    from .graph.graphfile import serialize, write_atomic

    if args.format in NETWORK_FORMATS:
        from .graph.analysis.exports import write_network
        from .graph.analysis.projection import project

        data = write_network(project(_source_store(args.source)), args.format)
    else:
        data = serialize(_load_source(args.source), args.format)
    if args.output:
        write_atomic(args.output, data)
    else:
        sys.stdout.buffer.write(data)
    return 0


def _source_store(source: str):
    """The store of a graph file or store folder, or of a corpus built in memory."""
    from .graph.graphfile import format_of, serialize
    from .graph.query import TIMEOUT
    from .graph.store import GraphStore, LocalBackend, is_store, open_store

    if format_of(source) is not None or is_store(source):
        return open_store(source, timeout=TIMEOUT, workers=1)
    import pyoxigraph as ox

    store = ox.Store()
    store.load(serialize(_load_source(source), "nt"), format=ox.RdfFormat.N_TRIPLES)
    return GraphStore(LocalBackend(store), timeout=TIMEOUT, workers=1)


def _analyse(args) -> int:
    from .graph.analysis import centrality, diffusion, indicators, similarity
    from .graph.analysis.projection import project
    from .graph.query import TIMEOUT
    from .graph.store import open_store

    fmt = _rdf_format(args.output, args.format) if args.analysis == "rdf" else None  # a bad name fails first
    store = open_store(args.graph, args.endpoint, timeout=TIMEOUT, workers=1)
    if args.analysis == "rdf":
        return _analysis_rdf(store, args.output, fmt)
    if args.analysis == "indicator":
        table = indicators.indicator(store, args.name) if args.name else indicators.indicators(store)
    else:
        graph = project(store)
        if args.analysis == "diffusion":
            table = (diffusion.by_province(graph, diffusion.find_item(graph, args.item)) if args.item
                     else diffusion.diffusion(graph, args.min_regions))
        elif args.analysis == "similar":
            table = similarity.similar(graph, similarity.find_region(graph, args.region), args.top)
        else:
            table = centrality.groups(graph) if args.communities else centrality.central(graph, args.top)
    sys.stdout.write(table.text(args.format))
    return 0


def _rdf_format(output: str | None, fmt: str | None) -> str:
    """The analysis graph's format: ``fmt``, else the output's extension, else TriG."""
    from .graph.analysis.rdf import FORMATS

    if fmt is None and output:
        fmt = Path(output).suffix.lstrip(".").lower()
        if fmt not in FORMATS:
            raise OrgkgError(f"{output}: write the analysis graph to a .trig or .nq file, or give --format")
    return fmt or "trig"


def _analysis_rdf(store, output: str | None, fmt: str) -> int:
    """Write the analysis graph to ``output`` (through a temporary file) or standard output."""
    from .graph.analysis.rdf import analysis_quads, write_quads
    from .graph.graphfile import write_atomic

    data = write_quads(analysis_quads(store), fmt)
    if output:
        write_atomic(output, data)
    else:
        sys.stdout.buffer.write(data)
    return 0


def _query(args) -> int:
    from .graph.query import run_query

    text = args.query
    if text.startswith("@"):
        try:
            text = Path(text[1:]).read_text(encoding="utf-8")
        except OSError as exc:
            raise OrgkgError(f"{text[1:]}: cannot read query file ({exc.strerror})") from exc
    sys.stdout.write(run_query(text, graph=args.graph, endpoint=args.endpoint, fmt=args.format))
    return 0


def _load(args) -> int:
    from .graph.store.upload import upload

    upload(args.graph, args.endpoint, args.graph_iri, replace=not args.append)
    print(f"loaded {args.graph} into {args.endpoint}", file=sys.stderr)
    return 0


def _stats(args) -> int:
    from .graph.stats import counts

    rows = counts(_source_store(args.source))
    if args.json:
        print(json.dumps([{"kind": k, "name": n, "count": c} for k, n, c in rows], ensure_ascii=False, indent=1))
    else:
        print("kind\tname\tcount")
        for row in rows:
            print("\t".join(map(str, row)))
    return 0


def _validate(args) -> int:
    import time

    from .graph.graphfile import load
    from .graph.validate import validate

    started = time.perf_counter()
    graph = load(args.graph)
    print(f"{args.graph}: checking {len(graph)} triples against the SHACL shapes (pyshacl; about a quarter "
          "of a minute for the full corpus) …", file=sys.stderr, flush=True)
    violations = validate(graph)
    print(f"{args.graph}: checked in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    for line in violations:
        print(line)
    if violations:
        print(f"{args.graph}: {len(violations)} SHACL violation(s)", file=sys.stderr)
        return 1
    print(f"{args.graph}: conforms to the orgkg shapes", file=sys.stderr)
    return 0


def _evaluate(args) -> int:
    from .graph.evaluate import evaluate

    return evaluate(args.graph, args.gold, scorer=args.scorer, min_f1=args.min_f1, verbose=args.verbose, as_json=args.json)


def _serve(args) -> int:
    from .graph.extract import DEFAULT_PIPELINE
    from .graph.graphfile import format_of
    from .graph.store import is_store
    from .web import create_app
    from .web.server import serve

    if args.endpoint:
        config = {"SPARQL_ENDPOINT": args.endpoint}
    elif format_of(args.source) is not None or is_store(args.source):
        config = {"GRAPH": args.source}
    else:  # a corpus: built once, written, then bulk-loaded like any graph file
        output = _build_to(args.source, args.output, None, DEFAULT_PIPELINE, False, os.cpu_count() or 1,
                           Path(args.output).parent / CACHE)
        config = {"GRAPH": str(output)}
    if args.timeout is not None:
        if not 0 < args.timeout < float("inf"):
            raise OrgkgError(f"--timeout must be a positive number of seconds, not {args.timeout:g}")
        config["SPARQL_TIMEOUT"] = args.timeout
    if args.host not in ("0.0.0.0", "::") or args.allowed_host:  # never echo a Host nobody chose
        config["TRUSTED_HOSTS"] = [args.host, "localhost", "127.0.0.1", "[::1]", *args.allowed_host]
    app = create_app(config)
    try:
        serve(app, host=args.host, port=args.port)
    except OSError as exc:
        raise OrgkgError(f"cannot listen on {args.host}:{args.port} ({exc.strerror or exc})") from exc
    return 0


def _vocab(args) -> int:
    from .graph.vocabgen import write

    print(f"wrote {write()}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
