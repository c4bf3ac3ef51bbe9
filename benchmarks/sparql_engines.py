"""pyoxigraph vs rdflib on the example queries, plus the app's own start-up and page times.

Usage: ``python benchmarks/sparql_engines.py CORPUS_OR_GRAPH [--repeat 5] [--rdflib-timeout 120]``

Prints a Markdown report for ``benchmarks/RESULTS.md``. Each rdflib query runs
once in a forked child that is killed at the timeout (rdflib cannot be
interrupted); pyoxigraph queries run ``--repeat`` times and the median is kept.
"""
from __future__ import annotations

import argparse
import multiprocessing
import platform
import statistics
import time
from pathlib import Path

import pyoxigraph
import rdflib

from web import create_app
from web.examples import load_examples
from web.server import app_config
from graph.store import GraphStore, LocalBackend

EXAMPLES = load_examples(Path(__file__).resolve().parents[1] / "ontology" / "examples")


def timed(func):
    start = time.perf_counter()
    result = func()
    return time.perf_counter() - start, result


def rdflib_child(graph: rdflib.Graph, query: str, out) -> None:
    elapsed, result = timed(lambda: len(list(graph.query(query))))
    out.send((elapsed, result))


def rdflib_time(graph: rdflib.Graph, query: str, timeout: float) -> str:
    """Seconds rdflib takes for ``query``, or ``> timeout``."""
    receive, send = multiprocessing.get_context("fork").Pipe(duplex=False)
    child = multiprocessing.get_context("fork").Process(target=rdflib_child, args=(graph, query, send))
    child.start()
    if receive.poll(timeout):
        elapsed, _ = receive.recv()
        child.join()
        return f"{elapsed:.3f}"
    child.kill()
    child.join()
    return f"> {timeout:g}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--rdflib-timeout", type=float, default=120)
    args = parser.parse_args()

    build_s, config = timed(lambda: app_config(args.source))
    graph = config["GRAPH"] if isinstance(config["GRAPH"], rdflib.Graph) else rdflib.Graph().parse(config["GRAPH"])
    nt_s, data = timed(lambda: graph.serialize(format="nt", encoding="utf-8"))
    load_s, backend = timed(lambda: LocalBackend.from_ntriples(data))
    store = GraphStore(backend, timeout=600)

    print(f"- machine: {platform.machine()}, {multiprocessing.cpu_count()} cores, {platform.platform()}")
    print(f"- Python {platform.python_version()}, pyoxigraph {pyoxigraph.__version__}, rdflib {rdflib.__version__}")
    print(f"- graph: {len(graph)} triples from `{Path(args.source).name}`")
    print(f"- build or parse: {build_s:.2f} s; rdflib → N-Triples: {nt_s:.2f} s; pyoxigraph load: {load_s:.2f} s")
    print()
    print("| example | rows | pyoxigraph median (s) | rdflib (s) | speed-up |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for example in EXAMPLES:
        times = []
        for _ in range(args.repeat):
            elapsed, answer = timed(lambda: store.query(example.query))
            times.append(elapsed)
        rows = len(answer.rows) if answer.form == "select" else len(answer.triples) if answer.form == "graph" else 1
        ox_s = statistics.median(times)
        rd = rdflib_time(graph, example.query, args.rdflib_timeout)
        ratio = f"{float(rd) / ox_s:.0f}×" if not rd.startswith(">") else f"> {args.rdflib_timeout / ox_s:.0f}×"
        print(f"| {example.name} | {rows} | {ox_s:.4f} | {rd} | {ratio} |")

    start_s, app = timed(lambda: create_app({"GRAPH": graph}))
    client = app.test_client()
    print()
    print(f"App start-up (load + catalogue): {start_s:.2f} s")
    print()
    print("| page | median (s) |")
    print("| --- | ---: |")
    region = next(iri for iri, kind in app.extensions["orgkg"].catalogue.types.items() if kind == "Region")
    path = "/id/" + region.split("/id/", 1)[1]
    for page in ("/", path, path + ".ttl", "/network/", "/search.json?q=%E7%9C%81", "/download/orgkg.ttl"):
        times = [timed(lambda p=page: client.get(p))[0] for _ in range(args.repeat)]
        print(f"| `{page}` | {statistics.median(times):.4f} |")


if __name__ == "__main__":
    main()
