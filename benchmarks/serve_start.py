"""How soon `orgkg serve STORE` answers, for stores of 1×, 10× and 50× the corpus's graph.

usage: python benchmarks/serve_start.py GRAPH [--scales 1,10,50] [--runs 3]

GRAPH is the full corpus's graph file. An N× store holds N copies of its triples,
copy k with every orgkg IRI moved under ``…/id/k{k}/`` (so nothing merges), and its
catalogue, as ``orgkg build --store`` writes them. For
each store it starts the server as its own process and reports, medians of
``--runs``: seconds to the first answered ``/sparql`` request, to the first page
(which waits for the catalogue of labels and links), the store's size, and the
resident memory of the server and its workers once every worker has its
in-memory copy. Prints Markdown.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pyoxigraph as ox

from mixed_load import resident
from orgkg.graph.store import open_store, write_store
from orgkg.web.catalogue import FILE, Catalogue
from sparql_load import free_port

ID = "https://w3id.org/orgkg/id/"


def scaled_store(graph: Path, scale: int, folder: Path) -> Path:
    """A store (written as `orgkg build --store` writes one) of ``scale`` IRI-shifted copies of ``graph``."""
    triples = list(ox.parse(path=graph, format=ox.RdfFormat.from_extension(graph.suffix.lstrip("."))))

    def shift(term, k):
        if isinstance(term, ox.NamedNode) and term.value.startswith(ID):
            return ox.NamedNode(f"{ID}k{k}/{term.value[len(ID):]}")
        return term

    copies = (ox.Triple(shift(t.subject, k), t.predicate, shift(t.object, k)) for k in range(scale) for t in triples)
    flat = folder.with_suffix(".nt")
    ox.serialize(copies, output=str(flat), format=ox.RdfFormat.N_TRIPLES)
    write_store(flat, folder)
    (folder / FILE).write_bytes(Catalogue.build(open_store(folder)).to_json())  # as `orgkg build --store` does
    return folder


def first(url: str, start: float, deadline: float) -> float:
    while time.perf_counter() < deadline:
        try:
            urllib.request.urlopen(url, timeout=600).read()
            return time.perf_counter() - start
        except OSError:
            time.sleep(0.01)
    return float("inf")


def start_times(store: Path) -> tuple[float, float, int]:
    """Seconds to the first /sparql answer and to the first page; memory once the copies are made."""
    port = free_port()
    start = time.perf_counter()
    server = subprocess.Popen([sys.executable, "-m", "orgkg", "serve", str(store), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        sparql = first(f"{base}/sparql?query=ASK%7B%7D&format=json", start, start + 600)
        page = first(f"{base}/", start, start + 1200)
        settled, previous = resident(server.pid), 0
        while settled != previous:  # the workers' copies are done when memory stops growing
            time.sleep(2)
            previous, settled = settled, resident(server.pid)
        return sparql, page, settled
    finally:
        server.terminate()
        server.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graph", type=Path)
    parser.add_argument("--scales", default="1,10,50")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print("| store | quads | size on disk (MB) | first /sparql answer (s) | first page (s) | memory, copies made (MB) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for scale in (int(s) for s in args.scales.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            store = scaled_store(args.graph, scale, Path(tmp) / "store")
            quads = len(ox.Store.read_only(str(store)))
            size = sum(p.stat().st_size for p in store.rglob("*") if p.is_file()) >> 20
            runs = [start_times(store) for _ in range(args.runs)]
            sparql, page = (statistics.median(r[i] for r in runs) for i in (0, 1))
            memory = int(statistics.median(r[2] for r in runs)) >> 20
            print(f"| {scale}× | {quads} | {size} | {sparql:.2f} | {page:.2f} | {memory} |", flush=True)
            shutil.rmtree(store, ignore_errors=True)


if __name__ == "__main__":
    main()
