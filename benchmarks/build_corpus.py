"""Time each stage of a full-corpus build and report peak memory.

usage: python benchmarks/build_corpus.py CORPUS [--repeat N]
"""
from __future__ import annotations

import argparse
import resource
import time

from orgkg.graph.build import extract, to_graph
from orgkg.graph.corpus import read_corpus
from orgkg.graph.graphfile import serialize


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    timings: dict[str, list[float]] = {}

    def timed(name, func, *a):
        start = time.perf_counter()
        result = func(*a)
        timings.setdefault(name, []).append(time.perf_counter() - start)
        return result

    for _ in range(args.repeat):
        articles = timed("read", read_corpus, args.corpus)
        articles = timed("extract", extract, articles)
        graph = timed("graph", to_graph, articles)
        data = timed("turtle", serialize, graph, "ttl")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles {len(articles)}, triples {len(graph)}, turtle {len(data) / 1e6:.1f} MB, peak RSS {peak_mb:.0f} MB")
    for name, values in timings.items():
        print(f"{name:8} first {values[0]:6.2f} s   best {min(values):6.2f} s")


if __name__ == "__main__":
    main()
