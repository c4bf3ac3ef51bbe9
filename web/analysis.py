"""Analysis pages: diffusion, similar regions, central items and communities, indicators across regions.

Each page is a table (or two) from :mod:`orgkg.graph.analysis`, with a ``.json``
and a ``.csv`` twin. The analyses read the graph through the store like every
page, as a networkx projection built on first use and kept for the app's life
(the graph a server holds never changes).
"""
from __future__ import annotations

import threading

import networkx as nx
from flask import Blueprint, Response, current_app, g, jsonify, render_template, request, url_for

from orgkg.graph.analysis import NotInGraph, centrality, diffusion, indicators, similarity
from orgkg.graph.analysis.exports import write_network
from orgkg.graph.analysis.projection import project
from orgkg.graph.analysis.table import Table, cell

from .i18n import t
from .links import local_path
from .state import state

bp = Blueprint("analysis", __name__, url_prefix="/analysis")

#: the projection and what is made from it once, per app
_KEPT = "orgkg.analysis"
_LOCK = threading.Lock()
#: columns whose values are vocabulary words shown translated (``Programme`` → 项目)
TRANSLATED = {"kind": "{}", "origin": "origin_{}", "level": "level_{}"}
SIMILAR_ON_REGION_PAGE = 5


def _kept(key, make):
    """``make()``, computed once per app and key and kept."""
    with _LOCK:
        kept = current_app.extensions.setdefault(_KEPT, {})
        if key not in kept:
            kept[key] = make()
        return kept[key]


def projection() -> nx.MultiDiGraph:
    """The app's projection, read from its store once."""
    return _kept("graph", lambda: project(state().store))


def once(key: tuple, make):
    """``make(projection)``, computed once per key: the graph never changes, so neither do its analyses."""
    graph = projection()
    return _kept(key, lambda: make(graph))


def network_file(fmt: str) -> bytes:
    """The projection written as ``graphml``, ``gexf`` or ``csv``."""
    return once(("file", fmt), lambda graph: write_network(graph, fmt))


def similar_regions(iri: str) -> Table | None:
    """The regions most like ``iri`` for its page, or ``None`` when no article is about it."""
    try:
        return similarity.similar(projection(), iri, SIMILAR_ON_REGION_PAGE)
    except NotInGraph:
        return None


def view(table: Table) -> dict:
    """A table as the template shows it: translated headings, and cells with text and an optional link."""
    return {"headings": [t(f"an_{c}") for c in table.shown],
            "rows": [[_cell(table, row, c) for c in table.shown] for row in table.rows]}


def _cell(table: Table, row: dict, column: str) -> dict:
    value, link = row.get(column), table.link(column)
    if column in TRANSLATED and isinstance(value, str):
        text = t(TRANSLATED[column].format(value))
    else:
        text = t("yes") if value is True else t("no") if value is False else cell(value)
    return {"text": text, "href": local_path(row[link]) if link and row.get(link) else None,
            "number": isinstance(value, (int, float)) and not isinstance(value, bool)}


def answer(title: str, intro: str, tables: dict[str, Table], fmt: str | None, **context):
    """The page, or its JSON twin (every table by name), or its CSV twin (the first table)."""
    if fmt == "json":
        return jsonify({name: table.records() for name, table in tables.items()})
    if fmt == "csv":
        return Response(next(iter(tables.values())).text("csv"), mimetype="text/csv")
    return render_template("analysis/page.html", title=title, intro=intro,
                           sections=[(t(f"an_table_{name}"), view(table)) for name, table in tables.items()],
                           twin=request.path, **context)


def suffixed(key: str) -> tuple[str, str | None]:
    """A path key and the twin its suffix asks for.

    >>> suffixed("430200.json"), suffixed("430200")
    (('430200', 'json'), ('430200', None))
    """
    stem, dot, suffix = key.rpartition(".")
    return (stem, suffix) if dot and suffix in ("json", "csv") else (key, None)


def resource(kind: str, key: str) -> str:
    return f"{current_app.config['RESOURCE_BASE']}{kind}/{key}"


@bp.route("/")
def index():
    """What each analysis answers, and the indicators to compare."""
    found = indicators.indicators(state().store).rows
    return render_template("analysis/index.html", indicators=[
        (row["indicator"] if g.lang == "zh" else row["english"] or row["indicator"], row["figures"],
         url_for("analysis.compare", key=row["key"])) for row in found])


@bp.route("/diffusion", defaults={"fmt": None})
@bp.route("/diffusion.<any(json, csv):fmt>")
def spread(fmt: str | None):
    """How many regions report each item, by level, national campaigns and local inventions."""
    least = request.args.get("min", 2, type=int)
    return answer(t("an_diffusion"), t("an_diffusion_intro"), {"diffusion": diffusion.diffusion(projection(), least)},
                  fmt, least=least)


@bp.route("/diffusion/<kind>/<path:key>")
def spread_of(kind: str, key: str):
    """Where one item spread, province by province; a province's own report kept apart from its regions'."""
    key, fmt = suffixed(key)
    graph, iri = projection(), resource(kind, key)
    table = diffusion.by_province(graph, iri)
    label = graph.nodes[iri].get("label", key)
    return answer(f"{t('an_diffusion')}: {label}", t("an_by_province_intro"), {"by_province": table}, fmt,
                  entity_path=local_path(iri), entity_label=label)


@bp.route("/similar/<path:key>")
def alike(key: str):
    """The regions most like one, by the rare items they share."""
    key, fmt = suffixed(key)
    graph, iri = projection(), resource("region", key)
    table = similarity.similar(graph, iri, request.args.get("top", 20, type=int))
    label = graph.nodes[iri].get("label", key)
    return answer(f"{t('an_similar')}: {label}", t("an_similar_intro"), {"similar": table}, fmt,
                  entity_path=local_path(iri), entity_label=label)


@bp.route("/central", defaults={"fmt": None})
@bp.route("/central.<any(json, csv):fmt>")
def bridges(fmt: str | None):
    """Items that bridge groups of regions, and the groups."""
    tables = once(("central",), lambda graph: {"central": centrality.central(graph), "communities": centrality.groups(graph)})
    return answer(t("an_central"), t("an_central_intro"), tables, fmt)


@bp.route("/indicator/<path:key>")
def compare(key: str):
    """Every region's own values of one indicator, with the sentence each comes from.

    A name the graph does not hold (here and on the other pages) raises :class:`NotInGraph`, answered 404.
    """
    key, fmt = suffixed(key)
    table = indicators.indicator(state().store, resource("indicator", key))
    label = state().catalogue.label(resource("indicator", key), g.lang)
    return answer(f"{t('an_indicator')}: {label}", t("an_indicator_intro"), {"indicator": table}, fmt)
