"""Queries run in worker processes: stopped at their deadline, capped in memory, refused beyond capacity."""
from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from orgkg.web import create_app

# about a billion rows: far past any time limit, and ever more memory when sorted
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
SORTED = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i LIMIT 1"


def _workers(app, which="endpoint"):
    return [w.process for w in getattr(app.extensions["orgkg"], which).backend._all]


def test_a_query_past_its_deadline_is_stopped_and_its_worker_replaced(graph_file):
    app = create_app({"GRAPH": graph_file, "SPARQL_TIMEOUT": 1.0, "SPARQL_WORKERS": 1})
    [before] = _workers(app)
    started = time.monotonic()
    response = app.test_client().get("/sparql", query_string={"query": CARTESIAN}, headers={"Accept": "application/json"})
    assert response.status_code == 503 and time.monotonic() - started < 5
    assert before.wait(timeout=5) is not None  # it is gone: its CPU and memory are back
    [after] = _workers(app)
    assert after.pid != before.pid and after.poll() is None
    ok = app.test_client().get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"}, headers={"Accept": "application/json"})
    assert ok.get_json()["boolean"] is True


def test_a_query_over_the_memory_limit_is_a_clear_error_and_the_server_goes_on(graph_file):
    app = create_app({"GRAPH": graph_file, "SPARQL_TIMEOUT": 60.0, "SPARQL_WORKERS": 1, "QUERY_MEMORY_MB": 700})
    response = app.test_client().get("/sparql", query_string={"query": SORTED}, headers={"Accept": "application/json"})
    assert response.status_code == 500
    assert "worker" in response.get_json()["message"] or "memory" in response.get_json()["message"]
    ok = app.test_client().get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"}, headers={"Accept": "application/json"})
    assert ok.get_json()["boolean"] is True


def test_beyond_the_workers_and_the_waiting_line_a_query_gets_429(graph_file):
    app = create_app({"GRAPH": graph_file, "SPARQL_TIMEOUT": 3.0, "SPARQL_WORKERS": 1, "SPARQL_WAITING": 0})
    slow = threading.Thread(target=lambda: app.test_client().get("/sparql", query_string={"query": CARTESIAN},
                                                                  headers={"Accept": "application/json"}))
    slow.start()
    time.sleep(0.5)
    busy = app.test_client().get("/sparql", query_string={"query": "ASK {}"}, headers={"Accept": "application/json"})
    assert busy.status_code == 429
    page = app.test_client().get("/id/region/430200")  # the pages have workers of their own
    assert page.status_code == 200
    slow.join()


@pytest.mark.parametrize("query", [
    "SELECT * WHERE " + "{ " * 5000 + "?s ?p ?o" + " }" * 5000,
    "SELECT * WHERE { ?s ?p ?o " + " UNION ".join(["{ ?s ?p ?o }"] * 10000) + " }",
    "SELECT * WHERE { ?s " + "/".join(["<http://x/p>"] * 20000) + " ?o }",
    "SELECT * WHERE { ?s ?p ?o FILTER(" + " || ".join(["?o = 1"] * 20000) + ") }",
], ids=["nested-groups", "unions", "path-steps", "or-chain"])
def test_queries_that_would_overflow_the_engine_are_refused_before_running(client, query):
    response = client.post("/sparql", data={"query": query}, headers={"Accept": "application/json"})
    assert response.status_code == 400 and "limit" in response.get_json()["message"]


def test_workers_are_separate_processes(app):
    pids = {p.pid for p in _workers(app)} | {p.pid for p in _workers(app, "store")}
    assert len(pids) == 4 and os.getpid() not in pids


@pytest.mark.parametrize("in_memory", [True, False], ids=["in-memory-copies", "store-on-disk"])
def test_workers_answer_from_a_copy_in_memory_or_from_the_store_on_disk(graph_file, in_memory):
    app = create_app({"GRAPH": graph_file, "QUERY_IN_MEMORY": in_memory, "SPARQL_WORKERS": 1, "PAGE_WORKERS": 1})
    response = app.test_client().get("/sparql", query_string={"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"},
                                     headers={"Accept": "application/json"})
    assert int(response.get_json()["results"]["bindings"][0]["n"]["value"]) > 500


def test_a_worker_killed_mid_query_is_a_clear_error_and_is_replaced(graph_file):
    import signal

    app = create_app({"GRAPH": graph_file, "SPARQL_TIMEOUT": 30.0, "SPARQL_WORKERS": 1})
    [worker] = _workers(app)
    answers = []
    slow = threading.Thread(target=lambda: answers.append(app.test_client().get(
        "/sparql", query_string={"query": CARTESIAN}, headers={"Accept": "application/json"})))
    slow.start()
    time.sleep(1.0)  # the query is running in the worker
    os.kill(worker.pid, signal.SIGKILL)
    slow.join(timeout=10)
    [response] = answers
    assert response.status_code == 500 and "stopped its worker" in response.get_json()["message"]
    [replacement] = _workers(app)
    assert replacement.pid != worker.pid and replacement.poll() is None
    ok = app.test_client().get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"}, headers={"Accept": "application/json"})
    assert ok.get_json()["boolean"] is True


def _waiting_on(lock: Path) -> set[int]:
    """Pids of the processes blocked on a flock of ``lock`` (Linux's /proc/locks lists waiters after '->')."""
    inode = lock.stat().st_ino
    return {int(fields[5]) for fields in (line.split() for line in Path("/proc/locks").read_text().splitlines())
            if fields[1] == "->" and fields[6].rsplit(":", 1)[-1] == str(inode)}


def test_workers_copy_the_store_one_at_a_time_and_answer_from_disk_meanwhile(graph_file, tmp_path):
    import fcntl

    from orgkg.graph.store import write_store
    from orgkg.graph.store.workers import ProcessBackend, _copy_lock

    folder = write_store(graph_file, tmp_path / "store")
    with open(_copy_lock(str(folder)), "a+b") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # as if another worker of this store were copying it
        backend = ProcessBackend(folder, workers=2, in_memory=True)
        try:
            pids = {w.process.pid for w in backend._all}
            deadline = time.monotonic() + 20
            while _waiting_on(_copy_lock(str(folder))) != pids and time.monotonic() < deadline:
                time.sleep(0.05)
            assert _waiting_on(_copy_lock(str(folder))) == pids  # both wait their turn to copy …
            answer = backend.answer("ASK { ?s ?p ?o }", {}, None, None, 10.0, 10)
            assert "true" in str(answer).lower()  # … and answer from the store on disk meanwhile
            fcntl.flock(held, fcntl.LOCK_UN)
            while _waiting_on(_copy_lock(str(folder))) and time.monotonic() < deadline:
                time.sleep(0.05)
            assert not _waiting_on(_copy_lock(str(folder)))  # their turns came, one after the other
        finally:
            backend.close()
