"""pyoxigraph vs rdflib on the example queries, plus the app's own start-up and page times.

Usage: ``python benchmarks/sparql_engines.py GRAPH_FILE [--repeat 5] [--rdflib-timeout 120]``
(build one first: ``orgkg build CORPUS -o build/graph.ttl``)

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

from orgkg.graph.store import open_store
from orgkg.web import create_app
from orgkg.web.examples import load_examples

EXAMPLES = load_examples()


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

    parse_s, graph = timed(lambda: rdflib.Graph().parse(args.source))
    load_s, store = timed(lambda: open_store(args.source, timeout=600))

    print(f"- machine: {platform.machine()}, {multiprocessing.cpu_count()} cores, {platform.platform()}")
    print(f"- Python {platform.python_version()}, pyoxigraph {pyoxigraph.__version__}, rdflib {rdflib.__version__}")
    print(f"- graph: {len(graph)} triples from `{Path(args.source).name}`")
    print(f"- rdflib parse: {parse_s:.2f} s; pyoxigraph bulk load: {load_s:.2f} s")
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

    start_s, app = timed(lambda: create_app({"GRAPH": args.source}))
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
