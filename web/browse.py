"""Browse pages, as Datasette has them: every table sortable, faceted, paginated, with ``.json`` and ``.csv`` twins.

``/browse/<table>`` lists the resources of one type (see :mod:`.tables`). The
query string carries the facets (``level=county``), the order (``_sort=code``
or ``_sort_desc=items``) and the page (``_page``, ``_size``); the twins take the
same parameters and hold the same rows. Each page runs three kinds of query:
the count, one count per facet, and the page's rows with SPARQL ``LIMIT``/``OFFSET``.
"""
from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlencode

import pyoxigraph as ox
from flask import Blueprint, Response, abort, current_app, g, jsonify, render_template, request, url_for

from orgkg.graph.store import PREFIXES, PROLOGUE

from . import paging
from .i18n import t
from .links import code_text, compact, kind_and_key, local_path
from .state import state
from .tables import BY_KIND, TABLES, Column, Facet, Table
from .terms import (ARTICLE, CONCEPT, FIGURE, INDICATOR, INITIATIVE, MEASURE, MENTION, PROGRAMME, REGION, SECTION,
                    SENTENCE, local)

bp = Blueprint("browse", __name__, url_prefix="/browse")

TABLE_NAMES = "any(" + ", ".join(TABLES) + ")"
FORMATS = {"json": "application/json", "csv": "text/csv"}
#: The types a cell or facet names by the interface's word for them.
CLASSES = (REGION, PROGRAMME, INITIATIVE, MEASURE, CONCEPT, ARTICLE, FIGURE, INDICATOR, SENTENCE, SECTION, MENTION)


@bp.app_template_global()
def browse_url(kind: str) -> str | None:
    """The browse page listing resources of type ``kind`` (a local name), if there is one."""
    name = BY_KIND.get(kind)
    return url_for("browse.table", name=name) if name else None


@bp.route("/")
def index():
    """The tables and how many rows each holds."""
    counts = Counter(state().catalogue.types.values())
    return render_template("browse/index.html", tables=[(t, counts[t.kind]) for t in TABLES.values() if t.kind])


@bp.route(f"/<{TABLE_NAMES}:name>")
@bp.route(f"/<{TABLE_NAMES}:name>.<any(json, csv):fmt>")
def table(name: str, fmt: str | None = None):
    """One table as HTML, JSON or CSV: the same rows for the same parameters."""
    view = View(TABLES[name])
    page = paging.requested(view.total)
    rows = view.rows(page)
    if fmt == "csv":
        return Response(to_csv(view.keys, rows), mimetype="text/csv")
    facets = view.facet_counts()
    if fmt == "json":
        return jsonify(table=name, total=page.total, page=page.number, size=page.size, pages=page.pages,
                       first_row=page.first, last_row=page.last, sort=view.sort, descending=view.descending,
                       filters=request_filters(view.table), columns=view.keys, rows=rows, facets=facets,
                       links=page.links())
    response = Response(render_template("browse/table.html", view=view, page=page, rows=rows, facets=facets,
                                        twins={f: twin_url(f) for f in FORMATS}))
    response.headers["Link"] = ", ".join(f'<{twin_url(f)}>; rel="alternate"; type="{m}"' for f, m in FORMATS.items())
    return response


def twin_url(fmt: str) -> str:
    """This page's URL in another format, with the same parameters."""
    path = request.path.rsplit(".", 1)[0] if request.path.endswith(tuple("." + f for f in FORMATS)) else request.path
    args = urlencode(list(request.args.items(multi=True)))
    return f"{path}.{fmt}" + ("?" + args if args else "")


def request_filters(table: Table) -> dict[str, str]:
    """The facet values the request filters by (``lang`` and the ``_`` parameters are not facets)."""
    return {f.name: request.args[f.name] for f in table.facets if request.args.get(f.name)}


@dataclass
class View:
    """One table under the request's filters and order: builds and runs its queries."""

    table: Table

    def __post_init__(self):
        self.filters = {name: decode(self.table.facet(name), value)
                        for name, value in request_filters(self.table).items()}
        descending = request.args.get("_sort_desc")
        self.sort = descending or request.args.get("_sort") or self.table.sort
        self.descending = bool(descending) or (self.sort == self.table.sort and "_sort" not in request.args
                                               and self.table.descending)
        missing = [name for name in self.table.required if name not in self.filters]
        if missing:
            abort(400, f"the {self.table.name} table needs {', '.join(missing)}=")
        if self.table.column(self.sort) is None:
            abort(400, f"no column {self.sort!r} to sort by; try {', '.join(c.name for c in self.table.columns)}")
        self.keys = ["iri"] + [key for c in self.table.columns
                               for key in ((c.name, c.name + "_iri") if c.link else (c.name,))]

    def query(self, head: str, facets: list[Facet], tail: str, columns: bool = False) -> str:
        """``SELECT head WHERE { the table's pattern, the facets' (required), the columns' (optional) } tail``."""
        parts = [self.table.pattern] + ([c.where for c in self.table.columns] if columns else [])
        parts += [f"{{ {f.pattern} }}" for f in facets]
        return PROLOGUE + f"SELECT {head} WHERE {{\n  " + "\n  ".join(parts) + f"\n}} {tail}"

    def active(self, but: str = "") -> list[Facet]:
        return [self.table.facet(n) for n in self.filters if n != but]

    def bindings(self, but: str = "") -> dict[str, ox.NamedNode | ox.Literal]:
        return {n: v for n, v in self.filters.items() if n != but}

    def total(self) -> int:
        pinned = " ".join(f"?{f.name}" for f in self.active())
        query = self.query(f"{pinned} (COUNT(DISTINCT ?item) AS ?n)", self.active(),
                           f"GROUP BY {pinned}" if pinned else "")
        records = state().store.query(query, self.bindings()).records()
        return int(records[0]["n"].value) if records else 0

    def rows(self, page: paging.Page) -> list[dict]:
        """The page's rows, as the JSON and CSV give them and the HTML shows them."""
        names = {c.name for c in self.table.columns}
        extra = "".join(f" ?{f.name}" for f in self.active() if f.name not in names)
        order = f"{'DESC' if self.descending else 'ASC'}(?{self.sort}) ?item"
        query = self.query(f"DISTINCT ?item {' '.join(c.select for c in self.table.columns)}{extra}", self.active(),
                           f"ORDER BY {order} LIMIT {page.size} OFFSET {page.offset}", columns=True)
        answer = state().store.query(query, self.bindings(), max_rows=paging.MAX_SIZE)
        return [self.row(r) for r in answer.records()]

    def row(self, record: dict) -> dict:
        row = {"iri": record["item"].value}
        for column in self.table.columns:
            term = record.get(column.name)
            row[column.name] = int(term.value) if column.count else "" if term is None else shown(term)
            if column.link:
                row[column.name + "_iri"] = term.value if isinstance(term, ox.NamedNode) else ""
        return row

    def facet_counts(self) -> dict[str, list[dict]]:
        """Each facet's values with how many rows have them under the other filters, most first. A facet
        too large to count shows only the value it filters by, so every filter in force is seen and removable."""
        counts = {}
        for facet in self.table.facets:
            values = [self.facet_value(facet, term, n) for term, n in self.values(facet)] if facet.counted else []
            if facet.name in self.filters and not any(v["selected"] for v in values):
                values.append(self.facet_value(facet, self.filters[facet.name], None))
            if values:
                counts[facet.name] = values
        return counts

    def values(self, facet: Facet) -> list[tuple[ox.NamedNode | ox.Literal, int]]:
        others = self.active(but=facet.name)
        pinned = "".join(f" ?{f.name}" for f in others)
        query = self.query(f"?{facet.name}{pinned} (COUNT(DISTINCT ?item) AS ?n)", others + [facet],
                           f"GROUP BY ?{facet.name}{pinned} ORDER BY DESC(?n) ?{facet.name}")
        records = state().store.query(query, self.bindings(but=facet.name)).records()
        return [(r[facet.name], int(r["n"].value)) for r in records if facet.name in r]

    def facet_value(self, facet: Facet, term, n: int | None) -> dict:
        """One value of a facet: its count (``None`` when not counted) and the link that adds or removes it."""
        value, selected = encode(facet, term), self.filters.get(facet.name) == term
        args = [(k, v) for k, v in request.args.items(multi=True) if k not in (facet.name, "_page")]
        args += [] if selected else [(facet.name, value)]
        return {"value": value, "label": shown(term), "count": n, "selected": selected,
                "url": request.path + ("?" + urlencode(args) if args else "")}

    def href(self, row: dict, column: Column) -> str | None:
        """Where a cell links: the row's own page from the title column, a linked resource's page, else nowhere."""
        if column.name == self.table.title:
            return local_path(row["iri"])
        return local_path(row[column.name + "_iri"]) if column.link and row[column.name + "_iri"] else None

    def sort_url(self, column: str) -> str:
        """This table sorted by ``column``: ascending first, descending when already ascending by it."""
        flip = self.sort == column and not self.descending
        args = [(k, v) for k, v in request.args.items(multi=True) if k not in ("_sort", "_sort_desc", "_page")]
        return request.path + "?" + urlencode(args + [("_sort_desc" if flip else "_sort", column)])


def shown(term) -> str:
    """A cell's text: a resource's label, a class's name, a code (``county``, ``national``) in words, or the value."""
    if isinstance(term, ox.NamedNode):
        name = local(term.value)
        return t(name) if name in CLASSES else state().catalogue.label(term.value, g.lang)
    return code_text(term.value)


def encode(facet: Facet, term) -> str:
    """A facet value as the query string carries it: the string, the resource's ``kind/key``, or the class's name."""
    if facet.values == "class":
        return local(term.value)
    if facet.values == "property":
        return compact(term.value)
    if facet.values == "resource":
        return "/".join(kind_and_key(term.value)) if local_path(term.value) else term.value
    return term.value


def decode(facet: Facet, value: str) -> ox.NamedNode | ox.Literal:
    """The term a facet value in the query string stands for.

    :raises werkzeug.exceptions.BadRequest: when it names no possible term.
    """
    try:
        if facet.values == "class":
            return ox.NamedNode(PREFIXES["ok"] + value)
        if facet.values == "property":
            prefix, _, name = value.partition(":")
            return ox.NamedNode(PREFIXES[prefix] + name if prefix in PREFIXES else value)
        if facet.values == "resource":
            return ox.NamedNode(value if "://" in value else current_app.config["RESOURCE_BASE"] + value)
    except ValueError:  # not an IRI
        abort(400, f"{facet.name}={value!r} names no resource")
    return ox.Literal(value)


def to_csv(keys: list[str], rows: list[dict]) -> str:
    """Rows as CSV with a header row (the response says UTF-8).

    >>> to_csv(["iri", "label"], [{"iri": "x", "label": "株洲市, 湖南"}]).splitlines()
    ['iri,label', 'x,"株洲市, 湖南"']
    """
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=keys, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()
