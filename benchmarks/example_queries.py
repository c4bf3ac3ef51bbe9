"""Every example query's median and p95 latency, on the embedded store and through `/sparql`.

usage: python benchmarks/example_queries.py STORE_DIR [--runs 20]

STORE_DIR is a store written by ``orgkg build … --store``. "embedded" is the
store opened in this process (pyoxigraph, on disk, read-only), as ``orgkg query``
does; "/sparql" is a real ``orgkg serve STORE_DIR`` (waitress, query workers with
in-memory copies) asked over 127.0.0.1 for JSON or Turtle, transfer included.
Each query runs once to warm up, then ``--runs`` times. Prints Markdown.
"""
from __future__ import annotations

import argparse
import statistics
import time
import urllib.parse
import urllib.request
from pathlib import Path

from sparql_load import orgkg_server

from orgkg.graph.store import open_store
from orgkg.web.examples import load_examples


def quantiles(times: list[float]) -> tuple[float, float]:
    """Median and 95th percentile, in milliseconds."""
    ordered = sorted(times)
    return statistics.median(ordered) * 1000, ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))] * 1000


def timed(run, runs: int) -> tuple[float, float]:
    run()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return quantiles(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    embedded = open_store(args.store, timeout=60, workers=1)
    with orgkg_server(args.store) as (url, _):
        time.sleep(3)  # the workers' in-memory copies
        print(f"{args.runs} runs each after one to warm up; milliseconds.\n")
        print("| example | embedded median | embedded p95 | /sparql median | /sparql p95 |")
        print("| --- | ---: | ---: | ---: | ---: |")
        for example in load_examples():
            graph_form = any(w in example.query for w in ("CONSTRUCT", "DESCRIBE"))
            accept = "text/turtle" if graph_form else "application/sparql-results+json"
            request = urllib.request.Request(f"{url}?{urllib.parse.urlencode({'query': example.query})}",
                                             headers={"Accept": accept})
            local = timed(lambda: embedded.query(example.query), args.runs)
            remote = timed(lambda: urllib.request.urlopen(request, timeout=60).read(), args.runs)
            print(f"| {example.name} | {local[0]:.1f} | {local[1]:.1f} | {remote[0]:.1f} | {remote[1]:.1f} |", flush=True)

if __name__ == "__main__":
    main()
