"""``orgkg query``: run SPARQL on a graph file or a remote endpoint, print a table, CSV or JSON.

Both paths go through :class:`orgkg.graph.store.GraphStore`, the same store the
web app uses, so the command line and the endpoint answer alike.
"""
from __future__ import annotations

import json
import unicodedata

from .store import open_store, results

TIMEOUT = 600.0  # seconds: a command-line user can press Ctrl-C sooner


def run_query(query: str, graph: str | None = None, endpoint: str | None = None, fmt: str = "table") -> str:
    """The query's answer as text in ``fmt`` (table, csv or json); CONSTRUCT and DESCRIBE answer Turtle.

    :raises StoreError: on a malformed query or a failing endpoint.
    :raises GraphFileError: on a missing or invalid graph file.
    """
    answer = open_store(graph, endpoint, timeout=TIMEOUT, workers=1).query(query)
    if answer.form == "graph":
        return results.write(answer, "ttl").decode("utf-8")
    if fmt in ("csv", "json"):
        return results.write(answer, fmt).decode("utf-8") + ("\n" if fmt == "json" else "")
    if answer.form == "ask":
        return ("true" if answer.boolean else "false") + "\n"
    data = json.loads(results.write(answer, "json"))
    rows = [[_cell(b.get(v)) for v in answer.variables] for b in data["results"]["bindings"]]
    return render_table(list(answer.variables), rows)


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
