"""/sparql throughput under concurrent clients, beside the bare engine and an Oxigraph server on the same graph.

usage: python benchmarks/sparql_load.py STORE_DIR [--seconds 30] [--clients 1,16]

STORE_DIR is a store written by ``orgkg build … --store``. Three servers of the
same graph answer the SELECT/ASK example queries in turn, each for ``--seconds``
per client count: (a) the bare pyoxigraph store in this process, one thread,
JSON serialisation included (the floor for any Python endpoint on this engine);
(b) ``orgkg serve STORE_DIR`` (waitress, queries in worker processes); (c)
``oxigraph serve-read-only`` on a copy of the store. Load comes from threads of
this process over 127.0.0.1 only; every loop is bounded in time. Prints Markdown.
"""
from __future__ import annotations

import argparse
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pyoxigraph as ox

from orgkg.web.examples import load_examples

QUERIES = [e.query for e in load_examples() if not any(w in e.query for w in ("CONSTRUCT", "DESCRIBE"))]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not come up")


@contextmanager
def orgkg_server(source: Path, *options: str) -> Iterator[tuple[str, subprocess.Popen]]:
    """``orgkg serve SOURCE`` as its own process on a free port, once it answers: its /sparql URL and process."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "orgkg", "serve", str(source), "--port", str(port), *options],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/sparql"
        wait(url + "?query=ASK%7B%7D&format=json")
        yield url, server
    finally:
        server.terminate()
        server.wait(timeout=30)


def load(url: str, clients: int, seconds: float) -> tuple[float, float, int]:
    """Requests per second, p95 latency (s) and non-200 answers of ``clients`` threads for ``seconds``."""
    stop, latencies, errors, lock = time.monotonic() + seconds, [], [0], threading.Lock()

    def client(n: int) -> None:
        i = n
        while time.monotonic() < stop:
            query = urllib.parse.urlencode({"query": QUERIES[i % len(QUERIES)]})
            start = time.perf_counter()
            try:
                request = urllib.request.Request(f"{url}?{query}", headers={"Accept": "application/sparql-results+json"})
                urllib.request.urlopen(request, timeout=30).read()
                with lock:
                    latencies.append(time.perf_counter() - start)
            except OSError:
                with lock:
                    errors[0] += 1
            i += 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    p95 = statistics.quantiles(latencies, n=20)[-1] if len(latencies) > 20 else float("nan")
    return len(latencies) / seconds, p95, errors[0]


def bare(folder: Path, seconds: float, in_memory: bool) -> float:
    """Queries per second of the bare engine, one thread, JSON serialisation included."""
    store = ox.Store.read_only(str(folder))
    if in_memory:
        copy = ox.Store()
        copy.bulk_extend(store.quads_for_pattern(None, None, None, None))
        store = copy
    done, stop, i = 0, time.monotonic() + seconds, 0
    while time.monotonic() < stop:
        store.query(QUERIES[i % len(QUERIES)], use_default_graph_as_union=True).serialize(
            format=ox.QueryResultsFormat.JSON)
        done, i = done + 1, i + 1
    return done / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--clients", default="1,16")
    args = parser.parse_args()
    counts = [int(c) for c in args.clients.split(",")]
    floor, on_disk = bare(args.store, args.seconds, True), bare(args.store, args.seconds, False)
    print(f"{len(QUERIES)} SELECT/ASK example queries in turn; {args.seconds:g} s per row.\n")
    print(f"Bare pyoxigraph store, one thread, JSON written: {floor:.0f} queries/s in memory (the floor below), "
          f"{on_disk:.0f} queries/s on the on-disk store.\n")
    print("| server | clients | req/s | × bare engine | p95 (s) | failed |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "oxigraph"
        shutil.copytree(args.store, copy)
        oxigraph = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
        for name, command, url in (
            ("orgkg serve", [sys.executable, "-m", "orgkg", "serve", str(args.store), "--port", "{port}"], "/sparql"),
            ("oxigraph serve-read-only", [oxigraph, "serve-read-only", "--location", str(copy), "--bind",
                                          "127.0.0.1:{port}"], "/query"),
        ):
            port = free_port()
            server = subprocess.Popen([c.format(port=port) for c in command], stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL)
            try:
                base = f"http://127.0.0.1:{port}{url}"
                wait(base + "?query=ASK%7B%7D")
                for clients in counts:
                    rate, p95, failed = load(base, clients, args.seconds)
                    print(f"| {name} | {clients} | {rate:.0f} | {rate / floor:.2f} | {p95:.3f} | {failed} |", flush=True)
            finally:
                server.terminate()
                server.wait()


if __name__ == "__main__":
    main()
