"""Analysis pages: diffusion, similar regions, central items and communities, indicators across regions,
and the pictures of them: bar charts, maps of China's divisions and timelines.

Each page is a table (or two) from :mod:`orgkg.graph.analysis`, with a ``.json``
and a ``.csv`` twin (``?table=NAME`` picks a table of a page that has several).
The analyses read the graph through the store like every page, as a networkx
projection built on first use and kept for the app's life (the graph a server
holds never changes). A chart is drawn from the table shown under it
(:mod:`.charts`), a map from a table of the regions it places (:mod:`.maps`).
"""
from __future__ import annotations

import threading
from urllib.parse import urlencode

import networkx as nx
from flask import Blueprint, Response, current_app, g, jsonify, render_template, request, url_for
from werkzeug.exceptions import BadRequest

from orgkg.graph.analysis import NotInGraph, centrality, diffusion, indicators, series, similarity
from orgkg.graph.analysis.exports import write_network
from orgkg.graph.analysis.projection import ITEMS, REGION, of_kind, project, province, reporters
from orgkg.graph.analysis.table import Table, cell

from . import charts, mapdraw, maps
from .i18n import t
from .layout import PALETTE
from .links import local_path
from .state import state

bp = Blueprint("analysis", __name__, url_prefix="/analysis")

#: the projection and what is made from it once, per app
_KEPT = "orgkg.analysis"
_LOCK = threading.Lock()
#: columns whose values are vocabulary words shown translated (``Programme`` → 项目)
TRANSLATED = {"kind": "{}", "origin": "origin_{}", "level": "level_{}", "shown": "an_shown_{}", "derivation": "derivation_{}"}
SIMILAR_ON_REGION_PAGE = 5
#: Bar colours: an indicator's bars by the region's level, diffusion's by the item's origin.
LEVEL_COLOURS = {"province": PALETTE[0], "prefecture": PALETTE[1], "county": PALETTE[2]}
ORIGIN_COLOURS = {"national": PALETTE[3], "local": PALETTE[0]}
MAP_COLUMNS = ("region", "region_iri", "level", "code", "province", "province_iri", "value", "unit", "figures", "shown")


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
    elif link and row.get(link) and state().catalogue.types.get(row[link]) == REGION:
        text = state().catalogue.label(row[link], g.lang)  # places have names in both languages
    else:
        text = t("yes") if value is True else t("no") if value is False else cell(value)
    return {"text": text, "href": local_path(row[link]) if link and row.get(link) else None,
            "number": isinstance(value, (int, float)) and not isinstance(value, bool)}


def answer(title: str, intro: str, tables: dict[str, Table], fmt: str | None, chart: dict | None = None, **context):
    """The page, or its JSON twin (every table by name), or its CSV twin (the first table, or ``?table=NAME``).

    :param chart: what to draw above one table: ``table`` (its name), ``kind`` (``bars`` or ``timeline``),
        ``data`` (from :mod:`.charts`) and optionally ``more`` (the address showing every bar) and ``note``.
    """
    if fmt:
        return twin(tables, fmt)
    first = chart["table"] if chart else None
    names = sorted(tables, key=lambda name: name != first)  # the charted table first, the others as given
    return render_template("analysis/page.html", title=title, intro=intro, chart=chart, csv_of=csv_of,
                           sections=[(name, t(f"an_table_{name}"), view(tables[name])) for name in names],
                           twin=request.path, **context)


def twin(tables: dict[str, Table], fmt: str) -> Response:
    """A page's JSON twin (every table by name) or CSV twin (the first table, or ``?table=NAME``)."""
    if fmt == "json":
        return jsonify({name: table.records() for name, table in tables.items()})
    return Response(chosen(tables).text("csv"), mimetype="text/csv")


def chosen(tables: dict[str, Table]) -> Table:
    """The table ``?table=`` names, else the first.

    :raises BadRequest: for a name the page has no table of.
    """
    name = request.args.get("table")
    if name is None:
        return next(iter(tables.values()))
    if name not in tables:
        raise BadRequest(f"no table {name!r} on this page; try one of {', '.join(tables)}")
    return tables[name]


def csv_of(name: str) -> str:
    """The CSV twin of this page's table ``name``, with the page's own arguments."""
    args = {k: v for k, v in request.args.items() if k not in ("lang", "table")}
    return f"{request.path}.csv?{urlencode({**args, 'table': name})}"


def bars_wanted() -> int | None:
    """How many bars ``?bars=`` asks for: a positive number, ``all`` (``None``), else :data:`charts.TOP_BARS`.

    :raises BadRequest: for anything else.
    """
    asked = request.args.get("bars")
    if asked is None:
        return charts.TOP_BARS
    if asked == "all":
        return None
    if not asked.isdigit() or int(asked) < 1:
        raise BadRequest(f"bars={asked!r}: give a positive number or 'all'")
    return int(asked)


def bars(rows: list[charts.Bar], groups: dict[str, str], prefix: str) -> dict:
    """The bar chart of ``rows`` as :func:`answer` takes it: the first ``?bars=`` of them, a link to all."""
    legend = {group: (colour, t(prefix + group)) for group, colour in groups.items()}
    args = {k: v for k, v in request.args.items() if k != "bars"}
    return {"kind": "bars", "data": charts.bar_chart(rows, g.lang, bars_wanted(), legend),
            "more": f"{request.path}?{urlencode({**args, 'bars': 'all'})}"}


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
         url_for("analysis.compare", key=row["key"]), url_for("analysis.atlas", kind="indicator", key=row["key"]),
         url_for("analysis.timeline", key=row["key"])) for row in found])


@bp.route("/diffusion", defaults={"fmt": None})
@bp.route("/diffusion.<any(json, csv):fmt>")
def spread(fmt: str | None):
    """How many regions report each item, by level, national campaigns and local inventions."""
    least = request.args.get("min", 2, type=int)
    table = diffusion.diffusion(projection(), least)
    chart = None
    if fmt is None:
        rows = [charts.Bar(r["item"], r["regions"], item_map(r["item_iri"]), r["origin"],
                           t("chart_item_bar", item=r["item"], n=r["regions"])) for r in table.rows]
        chart = {"table": "diffusion", **bars(rows, ORIGIN_COLOURS, "origin_")}
    return answer(t("an_diffusion"), t("an_diffusion_intro"), {"diffusion": table}, fmt, chart=chart, least=least)


def item_map(iri: str) -> str | None:
    """The map of the regions reporting an item."""
    path = local_path(iri)
    return url_for("analysis.atlas", kind=path.split("/")[2], key=path.split("/", 3)[3]) if path else None


@bp.route("/diffusion/<kind>/<path:key>")
def spread_of(kind: str, key: str):
    """Where one item spread, province by province; a province's own report kept apart from its regions'."""
    key, fmt = suffixed(key)
    graph, iri = projection(), resource(kind, key)
    table = diffusion.by_province(graph, iri)
    label = graph.nodes[iri].get("label", key)
    return answer(f"{t('an_diffusion')}: {label}", t("an_by_province_intro"), {"by_province": table}, fmt,
                  entity_path=local_path(iri), entity_label=label, pictures=[(t("an_map"), item_map(iri))])


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
    regional = series.by_region(table)
    chart = None
    if fmt is None:
        cat = state().catalogue
        rows = [charts.Bar(cat.label(r["region_iri"], g.lang), r["value"], local_path(r["region_iri"]), r["level"] or "",
                           t("chart_region_bar", region=cat.label(r["region_iri"], g.lang),
                             value=charts.amount(r["value"], r["unit"]), n=r["figures"]))
                for r in regional.rows]
        chart = {"table": "by_region", **bars(rows, LEVEL_COLOURS, "level_"), "note": t("chart_largest")}
    pictures = [(t("an_map"), url_for("analysis.atlas", kind="indicator", key=key)),
                (t("an_timeline"), url_for("analysis.timeline", key=key))]
    return answer(f"{t('an_indicator')}: {label}", t("an_indicator_intro"), {"indicator": table, "by_region": regional},
                  fmt, chart=chart, pictures=pictures)


@bp.route("/timeline/<path:key>")
def timeline(key: str):
    """One indicator's values by year, region by region, where a figure's time names one year."""
    key, fmt = suffixed(key)
    iri = resource("indicator", key)
    figures = indicators.indicator(state().store, iri)
    table = series.by_year(figures)
    chart = None
    if fmt is None:
        cat, lines = state().catalogue, {}
        for row in table.rows:
            lines.setdefault(row["region_iri"], []).append((row["year"], row["value"]))
        drawn = charts.timeline([(cat.label(r, g.lang), local_path(r), points) for r, points in lines.items()], g.lang)
        undated = sum(series.year(row["time"]) is None for row in figures.rows)
        chart = {"table": "timeline", "kind": "timeline", "data": drawn,
                 "note": t("chart_undated", n=undated, total=len(figures.rows)) if undated else ""}
    label = state().catalogue.label(iri, g.lang)
    return answer(f"{t('an_timeline')}: {label}", t("an_timeline_intro"), {"timeline": table}, fmt, chart=chart,
                  entity_path=url_for("analysis.compare", key=key), entity_label=t("an_indicator"))


@bp.route("/map/<kind>/<path:key>")
def atlas(kind: str, key: str):
    """A map of China's divisions coloured by an indicator's values or by the regions reporting an item;
    ``?province=430000`` shows one province by its prefectures (its districts, for a municipality)."""
    key, fmt = suffixed(key)
    iri, graph, cat = resource(kind, key), projection(), state().catalogue
    chosen_province = request.args.get("province")
    if chosen_province is not None and chosen_province not in mapdraw.provinces():
        raise NotInGraph(f"province={chosen_province!r}: no province has that code (give one such as 430000)")
    rows, back, intro = _placed(kind, key, graph)
    if chosen_province:
        rows = [row for row in rows if row["_province"] == chosen_province]
    labels = {code: (cat.label(r, g.lang), local_path(r))
              for r in of_kind(graph, REGION) if (code := graph.nodes[r].get("code"))}
    entries = [maps.Entry(r["region_iri"], cat.label(r["region_iri"], g.lang), r["code"], r["level"], r["value"],
                          r.get("unit")) for r in rows]
    down = lambda code: url_for("analysis.atlas", kind=kind, key=key, province=code)  # noqa: E731
    drawn = maps.draw(entries, chosen_province, labels, down, t)
    columns = MAP_COLUMNS if kind == "indicator" else tuple(c for c in MAP_COLUMNS if c not in ("value", "unit", "figures"))
    table = Table(columns, [{**{c: row.get(c) for c in columns}, "shown": drawn.shown[row["region_iri"]]} for row in rows])
    if fmt:
        return twin({"regions": table}, fmt)
    label, name = cat.label(iri, g.lang), lambda code: labels.get(code, (t("an_map_code", code=code),))[0]
    own = drawn.own and (drawn.own.label, charts.amount(drawn.own.value, drawn.own.unit)
                         if drawn.own.value is not None else t("an_map_reports"))
    return render_template(
        "analysis/map.html", title=f"{t('an_map')}: {label}" + (f" · {name(chosen_province)}" if chosen_province else ""),
        intro=intro, drawn=drawn, table=view(table), back=back, label=label, twin=request.path, own=own,
        national=url_for("analysis.atlas", kind=kind, key=key) if chosen_province else None,
        unmapped=[(status, [(e.label, local_path(e.iri)) for e in entries if drawn.shown[e.iri] == status])
                  for status in ("no_code", "no_boundary")],
        provinces=[(name(code), n, down(code)) for code, n in sorted(drawn.below.items())])


def _placed(kind: str, key: str, graph: nx.MultiDiGraph) -> tuple[list[dict], str | None, str]:
    """The rows a map places (an indicator's value per region, or an item's reporting regions), the page
    it is a picture of, and its introduction.

    :raises NotInGraph: when ``kind``/``key`` is no indicator, programme, initiative or shared item.
    """
    iri = resource(kind, key)
    if kind == "indicator":
        found = series.by_region(indicators.indicator(state().store, iri)).rows
        back, intro = url_for("analysis.compare", key=key), t("an_map_indicator_intro")
    elif graph.nodes.get(iri, {}).get("kind") in ITEMS:
        found = [{"region_iri": r, "region": graph.nodes[r].get("label", r), "value": None}
                 for r in sorted(reporters(graph, iri))]
        back, intro = local_path(iri), t("an_map_item_intro")
    else:
        raise NotInGraph(f"{iri}: not an indicator, programme, initiative or shared item of this graph")
    return [_map_row(graph, row) for row in found], back, intro


def _map_row(graph: nx.MultiDiGraph, row: dict) -> dict:
    """A map table's row for a region of ``row``: its code and level, its province (by code, else by partOf)."""
    region = row["region_iri"]
    node = graph.nodes.get(region, {})
    top = province(graph, region) if region in graph else region
    code = node.get("code")
    top_code = code or graph.nodes.get(top, {}).get("code")
    return {**row, "code": code, "level": node.get("level", row.get("level")),
            "province": graph.nodes.get(top, {}).get("label"), "province_iri": top,
            "_province": mapdraw.province_of(top_code) if top_code else None}
