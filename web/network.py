"""Network views: the overview, an entity's neighbourhood, an item's diffusion, a query's results.

Each route builds a :class:`~.netdraw.View` and says what it shows of the whole,
or why there is nothing to draw; :mod:`.netdraw` lays it out and draws it.
"""
from __future__ import annotations

import networkx as nx
import pyoxigraph as ox
from flask import Blueprint, abort, current_app, g, request

from .i18n import t
from .links import local_path
from .netdraw import View, page
from .state import state
from .terms import ARTICLE, CONCEPT, FIGURE, IMPLEMENTS, INDICATOR, INITIATIVE, PART_OF, PROGRAMME, REGION

bp = Blueprint("network", __name__, url_prefix="/network")

NEIGHBOURHOOD_TYPES = (REGION, PROGRAMME, INITIATIVE, CONCEPT, ARTICLE, INDICATOR, FIGURE)
DEFAULT_NEIGHBOURHOOD_TYPES = (REGION, PROGRAMME, INITIATIVE, ARTICLE)
#: The items the overview shows binding regions together.
ITEM_TYPES = (PROGRAMME, INITIATIVE, CONCEPT)


@bp.route("/")
def overview():
    """Provinces and the items that bind them: those reported by regions of two or more provinces.

    A corpus of one province shows its regions and the items two or more of them report instead.
    The items reaching most provinces come first, up to the node cap, and the note says how many there are.
    """
    cat = state().catalogue
    kinds = chosen_types(ITEM_TYPES, ITEM_TYPES)
    by_province, items, reach = binding_items(cat, tuple(kinds))
    binding = [i for i in items if len(reach[i]) > 1]
    units = {u for i in binding for u in reach[i]}
    view = View()
    for item in binding[:max(current_app.config["NETWORK_MAX_NODES"] - len(units), 0)]:
        for u in reach[item]:
            view.link(u, IMPLEMENTS, item, cat.types)
    names = {"unit": t("overview_unit_province" if by_province else "overview_unit_region"),
             "by": t("overview_by_province" if by_province else "overview_by_region")}
    shown = sum(1 for n in view.graph if n not in units)
    note = t("overview_note", units=len(view.graph) - shown, shown=shown, binding=len(binding),
             regions=sum(k == REGION for k in cat.types.values()), items=len(items), **names)
    return page(t("overview"), view, note=note, empty="" if binding else t("net_empty_overview", **names),
                types=kinds, all_types=ITEM_TYPES, types_legend=t("net_item_types"))


#: The overview's items per item types, for the last catalogue: building them takes a third of a second on the full corpus.
_BINDING: dict = {}


def binding_items(cat, kinds: tuple[str, ...]) -> tuple[bool, list[str], dict[str, list[str]]]:
    """Whether the corpus has two or more provinces, the items of ``kinds`` (most widely reported
    first) and, for each, the provinces (else the regions) that report it."""
    if _BINDING.get("catalogue") is not cat:
        _BINDING.clear()
        _BINDING["catalogue"] = cat
    if kinds in _BINDING:
        return _BINDING[kinds]
    adopters = {i: cat.adoption.get(i, set()) for i, k in cat.types.items() if k in kinds}
    province = {r: cat.province(r) for regions in adopters.values() for r in regions}
    by_province = len(set(province.values())) > 1
    unit = province.get if by_province else (lambda region: region)
    reach = {i: sorted({unit(r) for r in regions}) for i, regions in adopters.items()}
    found = by_province, sorted(reach, key=lambda i: (-len(reach[i]), i)), reach
    _BINDING[kinds] = found
    return found


def chosen_types(offered: tuple[str, ...], default: tuple[str, ...]) -> list[str]:
    """The ``type=`` filters of the request that are among ``offered``, else ``default``."""
    return [k for k in request.args.getlist("type") if k in offered] or list(default)


@bp.route("/entity/<kind>/<path:key>")
def neighbourhood(kind: str, key: str):
    """The entities within 1 or 2 links of one, of the chosen types."""
    cat = state().catalogue
    iri = f"{current_app.config['RESOURCE_BASE']}{kind}/{key}"
    if iri not in cat.types:
        abort(404, f"no resource {iri}")
    hops = 2 if request.args.get("hops") == "2" else 1
    types = chosen_types(NEIGHBOURHOOD_TYPES, DEFAULT_NEIGHBOURHOOD_TYPES)
    allowed = set(types) | {cat.types[iri]}
    view = View(keep={iri})
    view.add(iri, cat.types)
    if iri in cat.network:
        reachable = cat.network.subgraph(n for n in cat.network if cat.types.get(n) in allowed)
        for s, o, p in nx.ego_graph(reachable, iri, radius=hops, undirected=True).edges(keys=True):
            view.link(s, p, o, cat.types)
    label = cat.label(iri, g.lang)
    alone = len(view.graph) == 1
    return page(
        t("net_view_of", view=t("neighbourhood"), label=label), view, hops=hops, types=types,
        all_types=NEIGHBOURHOOD_TYPES, entity_path=local_path(iri), entity_label=label,
        empty=t("net_empty_alone", label=label) if alone else "", widen=alone and set(types) != set(NEIGHBOURHOOD_TYPES),
    )


@bp.route("/diffusion/<kind>/<path:key>")
def diffusion(kind: str, key: str):
    """The regions that implement one programme or initiative, grouped under their provinces.

    Only a region whose own article reports the item is linked to it; a province
    none of whose own report names the item is drawn as its regions' group, by partOf alone.
    """
    cat = state().catalogue
    iri = f"{current_app.config['RESOURCE_BASE']}{kind}/{key}"
    if cat.types.get(iri) not in (PROGRAMME, INITIATIVE, CONCEPT):
        abort(404, f"no programme or initiative {iri}")
    view = View(keep={iri})
    view.add(iri, cat.types)
    adopters = cat.adopters(iri)
    for region in adopters:
        province = cat.province(region)
        view.groups[province] = view.groups[region] = cat.label(province, g.lang)
        view.link(iri, IMPLEMENTS, region, cat.types)
        if region != province:
            view.link(region, PART_OF, province, cat.types)
    label = cat.label(iri, g.lang)
    return page(
        t("net_view_of", view=t("diffusion"), label=label), view, entity_path=local_path(iri), entity_label=label,
        adopters=len(set(adopters)),
    )


@bp.route("/results")
def results_view():
    """The resources of a query's answer as a network: each row links its first IRI to the others."""
    query = request.args.get("query", "")
    if not query.strip():
        abort(400, "give a query")
    config = current_app.config
    answer = state().endpoint.query(query, timeout=config["SPARQL_TIMEOUT"], max_rows=config["SPARQL_MAX_ROWS"],
                                    max_bytes=config["SPARQL_MAX_BYTES"])
    cat = state().catalogue
    view = View()
    if answer.form == "graph":
        for triple in answer.triples:
            if isinstance(triple.object, ox.NamedNode) and isinstance(triple.subject, ox.NamedNode):
                view.link(triple.subject.value, triple.predicate.value, triple.object.value, cat.types)
    for row in answer.rows:
        iris = [(v, term.value) for v, term in zip(answer.variables, row) if isinstance(term, ox.NamedNode)]
        for variable, target in iris[1:]:
            view.link(iris[0][1], variable, target, cat.types)
        if len(iris) == 1:
            view.add(iris[0][1], cat.types)
    return page(t("show_graph"), view, query=query, empty=unfit(answer) if not len(view.graph) else "")


def unfit(answer) -> str:
    """Why a query's answer gives no network: a yes or no, no rows, or no IRIs in them."""
    if answer.form == "ask":
        return t("net_empty_ask", answer=t("yes" if answer.boolean else "no"))
    return t("net_empty_literals") if answer.rows or answer.triples else t("net_empty_rows")
