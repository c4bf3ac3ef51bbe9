"""Run a SPARQL query on a graph file (with Oxigraph, in memory) or a remote endpoint.

Both paths produce the same SPARQL JSON results, rendered here as a table,
CSV or JSON, so ``orgkg query`` behaves the same against a file and a server.
"""
from __future__ import annotations

import csv
import io
import json
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from .errors import OrgkgError
from .graphfile import format_of

RESULTS_JSON = "application/sparql-results+json"
GRAPH_ACCEPT = "text/turtle"
_OX_FORMATS = {"ttl": "TURTLE", "nt": "N_TRIPLES", "jsonld": "JSON_LD", "trig": "TRIG"}


def run_query(query: str, graph: str | None = None, endpoint: str | None = None, fmt: str = "table") -> str:
    """The query's answer as text in ``fmt`` (table, csv or json); graph queries answer Turtle.

    :raises OrgkgError: on a malformed query, a missing graph file or an unreachable endpoint.
    """
    answer = _remote(query, endpoint) if endpoint else _local(query, graph)
    if isinstance(answer, str):  # CONSTRUCT / DESCRIBE
        return answer
    if fmt == "json":
        return json.dumps(answer, ensure_ascii=False, indent=1) + "\n"
    if "boolean" in answer:
        return ("true" if answer["boolean"] else "false") + "\n"
    names = answer["head"]["vars"]
    rows = [[_cell(b.get(n)) for n in names] for b in answer["results"]["bindings"]]
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(names)
        writer.writerows(rows)
        return out.getvalue()
    return render_table(names, rows)


def _local(query: str, graph: str | None) -> dict | str:
    import pyoxigraph as ox

    path = Path(graph or "")
    if not path.is_file():
        raise OrgkgError(f"{path}: no such graph file (build one with `orgkg build CORPUS -o {path}`)")
    fmt = format_of(path)
    if fmt is None:
        raise OrgkgError(f"{path}: unknown graph format")
    store = ox.Store()
    try:
        store.load(path=str(path), format=getattr(ox.RdfFormat, _OX_FORMATS[fmt]))
        result = store.query(query)
    except SyntaxError as exc:
        raise OrgkgError(f"bad SPARQL query or graph file: {str(exc).splitlines()[0]}") from exc
    if isinstance(result, ox.QueryTriples):
        return result.serialize(format=ox.RdfFormat.TURTLE).decode("utf-8")
    data = result.serialize(format=ox.QueryResultsFormat.JSON)
    return json.loads(data)


def _remote(query: str, endpoint: str) -> dict | str:
    body = urllib.parse.urlencode({"query": query}).encode("utf-8")
    request = urllib.request.Request(endpoint, data=body, headers={
        "Accept": f"{RESULTS_JSON}, {GRAPH_ACCEPT};q=0.9",
        "Content-Type": "application/x-www-form-urlencoded",
    })
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            kind = response.headers.get_content_type()
            data = response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace").strip().splitlines()
        raise OrgkgError(f"{endpoint}: HTTP {exc.code}: {detail[0][:300] if detail else exc.reason}") from exc
    except (urllib.error.URLError, OSError) as exc:
        raise OrgkgError(f"{endpoint}: cannot reach the SPARQL endpoint ({getattr(exc, 'reason', exc)})") from exc
    return json.loads(data) if kind.endswith("json") else data


def _cell(term: dict | None) -> str:
    if term is None:
        return ""
    if term["type"] == "uri":
        return f"<{term['value']}>"
    return term["value"]


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
