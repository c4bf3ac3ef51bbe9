"""Network views drawn with pyvis: overview, neighbourhood, programme diffusion, query results.

pyvis builds the nodes, edges and options; its HTML comes from our own
template (``templates/pyvis/network.html``) that loads vis-network from
``/static`` and is rendered to a string, so pyvis neither reaches a CDN nor
writes ``lib/`` anywhere. Views keep the best-connected nodes up to
``NETWORK_MAX_NODES`` and say how many more there are. Labels and tooltips are
data, handed to vis-network as JSON and drawn as text.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from flask import Blueprint, abort, current_app, g, render_template, request
from pyvis.network import Network

from .catalogue import ENTITY_TYPES
from .i18n import t
from .links import local_path
from .state import state

bp = Blueprint("network", __name__, url_prefix="/network")

PYVIS_TEMPLATES = Path(__file__).parent / "templates" / "pyvis"
OTHER_COLOURS = {"Article": "#8e6bb8", "Indicator": "#c44e52", "Figure": "#7f7f7f", "": "#bbbbbb"}
NEIGHBOURHOOD_TYPES = ("Region", "Programme", "Initiative", "Article", "Indicator", "Figure")
DEFAULT_NEIGHBOURHOOD_TYPES = ("Region", "Programme", "Initiative", "Article")
OPTIONS = {
    "physics": {
        "enabled": True,
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {"gravitationalConstant": -80, "springLength": 110, "avoidOverlap": 0.4},
        "stabilization": {"enabled": True, "iterations": 300, "updateInterval": 25},
    },
    # The same layout on every load; the Kamada-Kawai pre-pass is slow and gives up on large views.
    "layout": {"randomSeed": 7, "improvedLayout": False},
    "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False},
    "nodes": {"shape": "dot", "font": {"size": 14}},
    "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}, "color": {"color": "#b0b0b0"}, "smooth": False},
}


@dataclass
class View:
    """A network before drawing: nodes with their type, edges with a label, and nodes to keep whatever the cap."""

    nodes: dict[str, str] = field(default_factory=dict)
    edges: set[tuple[str, str, str]] = field(default_factory=set)
    keep: set[str] = field(default_factory=set)
    groups: dict[str, str] = field(default_factory=dict)

    def link(self, source: str, label: str, target: str, types: dict[str, str]) -> None:
        """Add an edge and both ends."""
        for node in (source, target):
            self.nodes.setdefault(node, types.get(node, ""))
        self.edges.add((source, label, target))

    def capped(self, cap: int) -> tuple[View, int]:
        """This view cut to the ``cap`` best-connected nodes (kept nodes first), and how many were cut."""
        degree = Counter(n for s, _, o in self.edges for n in (s, o))
        order = sorted(self.nodes, key=lambda n: (n not in self.keep, -degree[n], n))
        chosen = set(order[:cap])
        view = View(
            {n: kind for n, kind in self.nodes.items() if n in chosen},
            {e for e in self.edges if e[0] in chosen and e[2] in chosen},
            self.keep & chosen,
            {n: grp for n, grp in self.groups.items() if n in chosen},
        )
        return view, len(self.nodes) - len(chosen)


def colour(kind: str) -> str:
    """The colour of a node type, the same in every view and legend."""
    return ENTITY_TYPES.get(kind) or OTHER_COLOURS.get(kind, OTHER_COLOURS[""])


def draw(view: View) -> str:
    """The view as an HTML fragment: a pyvis network rendered with our local-asset template.

    :param view: the nodes and edges to draw, already capped.
    """
    cat = state().catalogue
    degree = Counter(n for s, _, o in view.edges for n in (s, o))
    net = Network(height="70vh", width="100%", directed=True, cdn_resources="remote")
    net.set_template_dir(str(PYVIS_TEMPLATES) + "/", "network.html")
    net.options = OPTIONS
    for node, kind in sorted(view.nodes.items()):
        label = cat.label(node, g.lang)
        options = {"title": f"{label}\n{kind}\n{node}", "size": 10 + 4 * min(degree[node], 15) ** 0.5 * 2}
        if node in view.groups:
            options["group"] = view.groups[node]
        else:
            options["color"] = colour(kind)
        if node in view.keep:
            options.update(borderWidth=4, shape="diamond")
        net.add_node(node, label=label, href=local_path(node) or "", **options)
    for source, label, target in sorted(view.edges):
        net.add_edge(source, target, title=label)
    return net.generate_html(name="network.html")


def page(title: str, view: View, **context) -> str:
    """A network page: heading, notice of cut nodes, legend, the network.

    :param title: the page heading.
    :param view: the whole view; it is capped here.
    :param context: more template variables (filters, links back).
    """
    shown, more = view.capped(current_app.config["NETWORK_MAX_NODES"])
    order = list(ENTITY_TYPES) + list(OTHER_COLOURS)
    legend = sorted({k for k in shown.nodes.values() if not shown.groups}, key=order.index)
    return render_template(
        "network/view.html", title=title, network=draw(shown), shown=len(shown.nodes), total=len(view.nodes),
        more=more, legend=[(k, colour(k)) for k in legend], **context,
    )


@bp.route("/")
def overview():
    """Regions, programmes and initiatives of the chosen types, linked by ok:implements and ok:partOf."""
    cat = state().catalogue
    types = chosen_types(tuple(ENTITY_TYPES), tuple(ENTITY_TYPES))
    view = View()
    for s, p, o in cat.links:
        if p in ("implements", "partOf") and cat.types.get(s) in types and cat.types.get(o) in types:
            view.link(s, p, o, cat.types)
    return page(t("overview"), view, types=types, all_types=tuple(ENTITY_TYPES))


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
    view, frontier = View(keep={iri}), {iri}
    view.nodes[iri] = cat.types[iri]
    for _ in range(hops):
        reached = set()
        for node in frontier:
            for s, p, o in cat.adjacent.get(node, ()):
                other = o if s == node else s
                if cat.types.get(other) in allowed:
                    if other not in view.nodes:
                        reached.add(other)
                    view.link(s, p, o, cat.types)
        frontier = reached
    label = cat.label(iri, g.lang)
    return page(
        f"{t('neighbourhood')}: {label}", view, hops=hops, types=types, all_types=NEIGHBOURHOOD_TYPES,
        entity_path=local_path(iri), entity_label=label,
    )


@bp.route("/diffusion/<kind>/<path:key>")
def diffusion(kind: str, key: str):
    """The regions that implement one programme or initiative, grouped under their provinces."""
    cat = state().catalogue
    iri = f"{current_app.config['RESOURCE_BASE']}{kind}/{key}"
    if cat.types.get(iri) not in ("Programme", "Initiative"):
        abort(404, f"no programme or initiative {iri}")
    view = View(keep={iri})
    view.nodes[iri] = cat.types[iri]
    adopters = [s for s, p, o in cat.adjacent.get(iri, ()) if p == "implements" and o == iri]
    for region in adopters:
        province = cat.province(region)
        view.groups[province] = view.groups[region] = cat.label(province, g.lang)
        view.link(iri, "implements", province, cat.types)
        if region != province:
            view.link(province, "partOf", region, cat.types)
    label = cat.label(iri, g.lang)
    return page(
        f"{t('diffusion')}: {label}", view, entity_path=local_path(iri), entity_label=label, adopters=len(set(adopters)),
    )


@bp.route("/results")
def results_view():
    """The resources of a query's answer as a network: each row links its first IRI to the others."""
    query = request.args.get("query", "")
    if not query.strip():
        abort(400, "give a query")
    config = current_app.config
    answer = state().store.query(query, timeout=config["SPARQL_TIMEOUT"], max_rows=config["SPARQL_MAX_ROWS"])
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
            view.nodes.setdefault(iris[0][1], cat.types.get(iris[0][1], ""))
    return page(t("show_graph"), view, query=query)
