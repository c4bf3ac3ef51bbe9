"""Network views drawn with pyvis: overview, neighbourhood, programme diffusion, query results.

pyvis builds the nodes, edges and options; its HTML comes from our own
template (``templates/pyvis/network.html``) that loads vis-network from
``/static`` and is rendered to a string, so pyvis neither reaches a CDN nor
writes ``lib/`` anywhere. Views keep the best-connected nodes up to
``NETWORK_MAX_NODES`` and say how many more there are. Labels and tooltips are
data, handed to vis-network as JSON and drawn as text.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx
import pyoxigraph as ox
from flask import Blueprint, abort, current_app, g, render_template, request

from orgkg.resources import as_path

from .catalogue import ENTITY_TYPES
from .i18n import t
from .links import local_path
from .state import state
from .terms import ARTICLE, CONCEPT, FIGURE, IMPLEMENTS, INDICATOR, INITIATIVE, PART_OF, PROGRAMME, REGION

bp = Blueprint("network", __name__, url_prefix="/network")

OTHER_COLOURS = {CONCEPT: "#b07d2b", ARTICLE: "#8e6bb8", INDICATOR: "#c44e52", FIGURE: "#7f7f7f", "": "#bbbbbb"}
NEIGHBOURHOOD_TYPES = (REGION, PROGRAMME, INITIATIVE, CONCEPT, ARTICLE, INDICATOR, FIGURE)
DEFAULT_NEIGHBOURHOOD_TYPES = (REGION, PROGRAMME, INITIATIVE, ARTICLE)
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
    """A network before drawing: a networkx multigraph (node attribute ``kind``, edge keys the
    link labels), the nodes to keep whatever the cap, and province groups for colouring."""

    graph: nx.MultiDiGraph = field(default_factory=nx.MultiDiGraph)
    keep: set[str] = field(default_factory=set)
    groups: dict[str, str] = field(default_factory=dict)

    def add(self, node: str, types: dict[str, str]) -> None:
        """Add a node with its type, if it is not there yet."""
        if node not in self.graph:
            self.graph.add_node(node, kind=types.get(node, ""))

    def link(self, source: str, label: str, target: str, types: dict[str, str]) -> None:
        """Add an edge and both ends."""
        self.add(source, types)
        self.add(target, types)
        self.graph.add_edge(source, target, key=label)

    def capped(self, cap: int) -> tuple[View, int]:
        """This view cut to the ``cap`` best-connected nodes (kept nodes first), and how many were cut."""
        order = sorted(self.graph, key=lambda n: (n not in self.keep, -self.graph.degree(n), n))
        shown = nx.MultiDiGraph(self.graph.subgraph(order[:cap]))
        groups = {n: grp for n, grp in self.groups.items() if n in shown}
        return View(shown, self.keep & set(shown), groups), len(self.graph) - len(shown)


def colour(kind: str) -> str:
    """The colour of a node type, the same in every view and legend."""
    return ENTITY_TYPES.get(kind) or OTHER_COLOURS.get(kind, OTHER_COLOURS[""])


def draw(view: View) -> str:
    """The view as an HTML fragment: a pyvis network rendered with our local-asset template.

    :param view: the nodes and edges to draw, already capped.
    """
    cat = state().catalogue
    degree = view.graph.degree
    from pyvis.network import Network  # here, not at import: it pulls in IPython, a tenth of the server's start

    net = Network(height="70vh", width="100%", directed=True, cdn_resources="remote")
    net.set_template_dir(str(as_path("orgkg.web", "templates/pyvis")) + "/", "network.html")
    net.options = OPTIONS
    for node, kind in sorted(view.graph.nodes(data="kind")):
        label = cat.label(node, g.lang)
        options = {"title": f"{label}\n{kind}\n{node}", "size": 10 + 4 * min(degree[node], 15) ** 0.5 * 2}
        if node in view.groups:
            options["group"] = view.groups[node]
        else:
            options["color"] = colour(kind)
        if node in view.keep:
            options.update(borderWidth=4, shape="diamond")
        net.add_node(node, label=label, href=local_path(node) or "", **options)
    for source, target, label in sorted(view.graph.edges(keys=True)):
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
    legend = sorted({k for _, k in shown.graph.nodes(data="kind") if not shown.groups},
                    key=lambda k: (order.index(k) if k in order else len(order), k))
    return render_template(
        "network/view.html", title=title, network=draw(shown), shown=len(shown.graph), total=len(view.graph),
        more=more, legend=[(k, colour(k)) for k in legend], **context,
    )


@bp.route("/")
def overview():
    """Regions, programmes and initiatives of the chosen types, linked by implements and partOf."""
    cat = state().catalogue
    types = chosen_types(tuple(ENTITY_TYPES), tuple(ENTITY_TYPES))
    view = View()
    for s, o, p in cat.network.edges(keys=True):
        if p in (IMPLEMENTS, PART_OF) and cat.types.get(s) in types and cat.types.get(o) in types:
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
    view = View(keep={iri})
    view.add(iri, cat.types)
    if iri in cat.network:
        reachable = cat.network.subgraph(n for n in cat.network if cat.types.get(n) in allowed)
        for s, o, p in nx.ego_graph(reachable, iri, radius=hops, undirected=True).edges(keys=True):
            view.link(s, p, o, cat.types)
    label = cat.label(iri, g.lang)
    return page(
        f"{t('neighbourhood')}: {label}", view, hops=hops, types=types, all_types=NEIGHBOURHOOD_TYPES,
        entity_path=local_path(iri), entity_label=label,
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
        f"{t('diffusion')}: {label}", view, entity_path=local_path(iri), entity_label=label, adopters=len(set(adopters)),
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
    return page(t("show_graph"), view, query=query)
