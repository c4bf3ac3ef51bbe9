"""Hostile mixed load on a real `orgkg serve`: cheap queries beside ones that hit the time limit,
would overflow the engine's stack, or ask for huge answers and bodies; memory watched throughout.

usage: python benchmarks/mixed_load.py GRAPH [--clients 32] [--seconds 60] [--timeout 5] [--json]

GRAPH is a graph file or a store folder (``orgkg build … --store``). The server
runs as its own process (waitress, queries in worker processes); the clients are
threads of this process on 127.0.0.1. Each client cycles through the mix below.
Memory is the resident set of the server and all its worker processes, sampled
every 0.2 s. Afterwards the server must answer a cheap query and a page normally.
Prints a Markdown table, or JSON with ``--json`` (the load test reads that).
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from sparql_load import QUERIES, orgkg_server

PAGE = os.sysconf("SC_PAGE_SIZE")
DOUBLINGS = "".join(f"BIND(CONCAT(?x{i}, ?x{i}) AS ?x{i + 1}) " for i in range(20))
#: name → (method, query or body); statuses each kind may get are in EXPECTED.
MIX = [
    *[("cheap", "GET", q) for q in QUERIES[:6]],
    ("time-limit", "GET", "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"),
    ("stack", "POST", "SELECT * WHERE " + "{ " * 5000 + "?s ?p ?o" + " }" * 5000),
    ("huge-answer", "GET", f"SELECT ?x20 WHERE {{ VALUES ?n {{ {' '.join(map(str, range(40)))} }} "
                           f"BIND(STR(?n) AS ?x0) {DOUBLINGS}}}"),
    ("huge-body", "POST", "SELECT * { ?s ?p ?o } #" + "x" * (2 << 20)),
]
#: What each kind may be answered: 200 for what runs, 400 for what the guard refuses, 413 for a
#: body past the limit, 503 at the time limit, 429 when every place is taken. Anything else is a failure.
EXPECTED = {
    "cheap": {200, 429, 503},
    "time-limit": {503, 429},
    "stack": {400, 429},
    "huge-answer": {200, 429, 503},
    "huge-body": {413, 429},
}


def resident(pid: int) -> int:
    """Resident bytes of ``pid`` and all its descendants."""
    children: dict[int, list[int]] = collections.defaultdict(list)
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as stat:
                    ppid = int(stat.read().rsplit(b")", 1)[1].split()[1])
                children[ppid].append(int(entry))
            except (OSError, IndexError, ValueError):
                pass
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo.extend(children.get(p, ()))
        try:
            with open(f"/proc/{p}/statm", "rb") as statm:
                total += int(statm.read().split()[1]) * PAGE
        except (OSError, IndexError, ValueError):
            pass
    return total


def ask(url: str, method: str, query: str) -> tuple[int, int]:
    """The status and body size of one request (0 when the connection failed)."""
    headers = {"Accept": "application/sparql-results+json"}
    if method == "GET":
        request = urllib.request.Request(f"{url}?{urllib.parse.urlencode({'query': query})}", headers=headers)
    else:
        request = urllib.request.Request(url, data=query.encode(), method="POST",
                                         headers={**headers, "Content-Type": "application/sparql-query"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, len(response.read())
    except urllib.error.HTTPError as error:
        return error.code, len(error.read())
    except OSError:
        return 0, 0


def run(graph: Path, clients: int, seconds: float, timeout: float) -> dict:
    with orgkg_server(graph, "--timeout", str(timeout)) as (url, server):
        idle = resident(server.pid)
        statuses: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
        cheap_latency: list[float] = []
        largest, peak, lock = 0, [idle], threading.Lock()
        stop = time.monotonic() + seconds

        def client(n: int) -> None:
            nonlocal largest
            i = n
            while time.monotonic() < stop:
                kind, method, query = MIX[i % len(MIX)]
                started = time.perf_counter()
                status, size = ask(url, method, query)
                with lock:
                    statuses[kind][status] += 1
                    largest = max(largest, size)
                    if kind == "cheap" and status == 200:
                        cheap_latency.append(time.perf_counter() - started)
                i += 1

        def watch() -> None:
            while time.monotonic() < stop + 1:
                peak[0] = max(peak[0], resident(server.pid))
                time.sleep(0.2)

        threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)] + [threading.Thread(target=watch)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        time.sleep(timeout + 1)  # the last stopped queries' workers are replaced
        after = [ask(url, "GET", QUERIES[0])[0], ask(url.replace("/sparql", "/"), "GET", "")[0]]
        unexpected = {kind: {s: c for s, c in counts.items() if s not in EXPECTED[kind]}
                      for kind, counts in statuses.items()}
        cheap_latency.sort()
        return {
            "clients": clients, "seconds": seconds, "timeout": timeout,
            "requests": sum(sum(c.values()) for c in statuses.values()),
            "statuses": {kind: dict(sorted(c.items())) for kind, c in sorted(statuses.items())},
            "unexpected": {k: v for k, v in unexpected.items() if v},
            "cheap_p50": cheap_latency[len(cheap_latency) // 2] if cheap_latency else None,
            "largest_body": largest,
            "memory_idle_mb": idle >> 20, "memory_peak_mb": peak[0] >> 20,
            "memory_after_mb": resident(server.pid) >> 20,
            "after": after, "server_alive": server.poll() is None,
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graph", type=Path)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--timeout", type=float, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = run(args.graph, args.clients, args.seconds, args.timeout)
    if args.json:
        print(json.dumps(result))
        return
    print(f"{result['clients']} clients for {result['seconds']:g} s, time limit {result['timeout']:g} s: "
          f"{result['requests']} requests.\n")
    print("| kind | answers by status |\n| --- | --- |")
    for kind, counts in result["statuses"].items():
        print(f"| {kind} | {', '.join(f'{s}: {n}' for s, n in counts.items())} |")
    print(f"\nunexpected statuses: {result['unexpected'] or 'none'}; cheap-query median "
          f"{result['cheap_p50'] or float('nan'):.3f} s; largest body {result['largest_body'] / 1e6:.1f} MB; "
          f"server + workers resident: {result['memory_idle_mb']} MB idle, {result['memory_peak_mb']} MB peak, "
          f"{result['memory_after_mb']} MB after; afterwards /sparql {result['after'][0]}, / {result['after'][1]}.")


if __name__ == "__main__":
    main()
