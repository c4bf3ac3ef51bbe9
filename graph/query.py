"""``orgkg query``: run SPARQL on a graph file or a remote endpoint, print a table, CSV or JSON.

Both paths go through :class:`graph.store.GraphStore`, the same store the web
app uses, so the command line and the endpoint answer alike.
"""
from __future__ import annotations

import json
import unicodedata
from pathlib import Path

from . import results
from .errors import OrgkgError
from .store import Answer, GraphStore, LocalBackend, RemoteBackend, StoreError

TIMEOUT = 600.0  # seconds: a command-line user can press Ctrl-C sooner


def run_query(query: str, graph: str | None = None, endpoint: str | None = None, fmt: str = "table") -> str:
    """The query's answer as text in ``fmt`` (table, csv or json); CONSTRUCT and DESCRIBE answer Turtle.

    :raises OrgkgError: on a malformed query, a missing graph file or a failing endpoint.
    """
    answer = _answer(query, graph, endpoint)
    if answer.form == "graph":
        return results.serialize_triples(answer.triples, "ttl").decode("utf-8")
    if fmt in ("csv", "json"):
        return results.serialize(answer, results.by_name(fmt, answer.form)).decode("utf-8") + ("\n" if fmt == "json" else "")
    if answer.form == "ask":
        return ("true" if answer.boolean else "false") + "\n"
    data = json.loads(results.serialize(answer, results.by_name("json", "select")))
    rows = [[_cell(b.get(v)) for v in answer.variables] for b in data["results"]["bindings"]]
    return render_table(list(answer.variables), rows)


def _answer(query: str, graph: str | None, endpoint: str | None) -> Answer:
    if endpoint:
        backend = RemoteBackend(endpoint)
    else:
        path = Path(graph or "")
        if not path.is_file():
            raise OrgkgError(f"{path}: no such graph file (build one with `orgkg build CORPUS -o {path}`)")
        try:
            backend = LocalBackend.from_file(path)
        except (ValueError, SyntaxError) as exc:
            raise OrgkgError(f"{path}: cannot load the graph ({str(exc).splitlines()[0]})") from exc
    try:
        return GraphStore(backend, timeout=TIMEOUT, workers=1).query(query)
    except StoreError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise OrgkgError(f"bad SPARQL query: {first}" if exc.status == 400 else first) from exc


def _cell(term: dict | None) -> str:
    if term is None:
        return ""
    return f"<{term['value']}>" if term["type"] == "uri" else term["value"]


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def render_table(names: list[str], rows: list[list[str]]) -> str:
    """A plain-text table aligned for Chinese (double-width) characters.

    >>> print(render_table(["地区", "n"], [["北京市", "3"]]), end="")
    地区   | n
    -------+--
    北京市 | 3
    """
    widths = [max([_width(n)] + [_width(r[i]) for r in rows]) for i, n in enumerate(names)]

    def line(cells):
        return " | ".join(c + " " * (w - _width(c)) for c, w in zip(cells, widths)).rstrip() + "\n"

    out = line(names) + "-+-".join("-" * w for w in widths) + "\n"
    return out + "".join(line(r) for r in rows)
