"""Drawing a network view with pyvis: fixed positions, community colours, labels on the hubs, a legend.

pyvis builds the nodes, edges and options; its HTML comes from our own
template (``templates/pyvis/network.html``) that loads vis-network from
``/static`` and is rendered to a string, so pyvis neither reaches a CDN nor
writes ``lib/`` anywhere. Positions come from :mod:`.layout` and physics is
off, so the browser draws at once and nothing moves. Labels and tooltips are
data, handed to vis-network as JSON and drawn as text.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx
from flask import current_app, g, render_template

from orgkg.graph.store import PREFIXES
from orgkg.resources import as_path

from .i18n import t
from .layout import OTHER, community_colour, layout
from .links import local_path
from .state import state
from .terms import ARTICLE, CONCEPT, FIGURE, INDICATOR, INITIATIVE, PROGRAMME, REGION

#: Each type's shape in the canvas and the glyph that stands for it in the legend; colour is the community's.
SHAPES = {REGION: ("dot", "●"), PROGRAMME: ("square", "■"), INITIATIVE: ("triangle", "▲"), CONCEPT: ("diamond", "◆"),
          ARTICLE: ("star", "★"), INDICATOR: ("triangleDown", "▼"), FIGURE: ("hexagon", "⬢"), "": ("dot", "●")}
#: The share of the best-connected nodes that carry a label without hovering, and its bounds (the others get a
#: blank: pyvis puts the IRI in an empty label).
LABELLED = (4, 12, 40)
OPTIONS = {
    "physics": {"enabled": False},
    "layout": {"improvedLayout": False},
    "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False, "hideEdgesOnDrag": True},
    "nodes": {"font": {"size": 16, "strokeWidth": 3, "strokeColor": "#ffffff"}, "borderWidth": 1},
    "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.4}}, "color": {"color": "#c8c8c8", "highlight": "#555555"},
              "smooth": False, "width": 0.6},
}


@dataclass
class View:
    """A network before drawing: a networkx multigraph (node attribute ``kind``, edge keys the
    link labels), the nodes to keep whatever the cap, and named groups (provinces) that replace
    the communities as colours."""

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


def colouring(view: View) -> tuple[dict[str, int], list[tuple[str, str]], str]:
    """Each node's colour number, the legend's (name, colour) rows, and the legend's heading.

    Named groups (a diffusion view's provinces) colour when there are any, largest first;
    otherwise the layout's communities, each named after its best-connected node.
    """
    cat, degree = state().catalogue, view.graph.degree
    if view.groups:
        names = sorted(set(view.groups.values()), key=lambda n: (-list(view.groups.values()).count(n), n))
        number = {node: names.index(name) for node, name in view.groups.items()}
        return number, [(name, community_colour(i)) for i, name in enumerate(names)], t("net_groups")
    number = layout(view.graph)[1]
    members: dict[int, list[str]] = {}
    for node, i in number.items():
        members.setdefault(i, []).append(node)
    rows = [(t("net_community", name=cat.label(max(nodes, key=lambda n: (degree[n], n)), g.lang), n=len(nodes) - 1),
             community_colour(i)) for i, nodes in sorted(members.items()) if community_colour(i) != OTHER]
    if any(community_colour(number.get(n)) == OTHER for n in view.graph):
        rows.append((t("net_other_community"), OTHER))
    return number, rows, t("net_communities")


def draw(view: View, number: dict[str, int]) -> str:
    """The view as an HTML fragment: a pyvis network rendered with our local-asset template.

    :param view: the nodes and edges to draw, already capped.
    :param number: each node's colour number (see :func:`colouring`).
    """
    cat, degree = state().catalogue, view.graph.degree
    positions = layout(view.graph)[0]
    share, least, most = LABELLED
    hubs = sorted(view.graph, key=lambda n: (-degree[n], n))[:min(most, max(least, len(view.graph) // share))]
    labelled = set(view.keep) | set(hubs)
    from pyvis.network import Network  # here, not at import: it pulls in IPython, a tenth of the server's start

    net = Network(height="70vh", width="100%", directed=True, cdn_resources="remote")
    net.set_template_dir(str(as_path("orgkg.web", "templates/pyvis")) + "/", "network.html")
    net.options = OPTIONS
    for node, kind in sorted(view.graph.nodes(data="kind")):
        name, (x, y) = cat.label(node, g.lang), positions[node]
        size = 8 + 3 * min(degree[node], 60) ** 0.5 + (8 if node in view.keep else 0)
        net.add_node(node, label=name if node in labelled else " ", name=name, kind=kind, x=x, y=y, size=size,
                     title=f"{name}\n{t(kind) if kind else ''}", shape=SHAPES.get(kind, SHAPES[""])[0],
                     color=community_colour(number.get(node)), province=cat.province(node) if kind == REGION else "",
                     href=local_path(node) or "", borderWidth=4 if node in view.keep else 1,
                     font={"size": round(min(14 + 2 * degree[node] ** 0.5, 32))})  # hubs' names read at the first zoom
    for source, target, label in sorted(view.graph.edges(keys=True)):
        net.add_edge(source, target, title=link_name(label))
    return net.generate_html(name="network.html")


def link_name(label: str) -> str:
    """What an edge says on hover: its property's label in the page's language (``implements`` → 实施),
    from a local name or an IRI; a query's variable (``/network/results``) stays as it is."""
    cat = state().catalogue
    iri = label if "://" in label else PREFIXES["ok"] + label
    return cat.label(iri, g.lang) if iri in cat.labels else label


def page(title: str, view: View, note: str = "", empty: str = "", **context) -> str:
    """A network page: heading, note of what is shown, tools, legend, the network or why there is none.

    :param title: the page heading.
    :param view: the whole view; it is capped here unless ``note`` already says what is shown.
    :param note: what the view shows of the whole, when the route has said it itself.
    :param empty: why the view has no nodes (or no links), shown instead of a blank canvas.
    :param context: more template variables (filters, links back).
    """
    shown, more = (view, 0) if note else view.capped(current_app.config["NETWORK_MAX_NODES"])
    if more:
        note = t("nodes_shown", shown=len(shown.graph), total=len(view.graph), more=more)
    if not empty and not shown.graph.number_of_edges():
        empty = t("net_no_links") if len(shown.graph) > 1 else t("net_empty")
    cat = state().catalogue
    number, communities, heading = colouring(shown)
    order = list(SHAPES)
    kinds = sorted({k for _, k in shown.graph.nodes(data="kind")}, key=lambda k: (order.index(k) if k in order else 99, k))
    provinces = sorted({cat.province(n) for n, k in shown.graph.nodes(data="kind") if k == REGION},
                       key=lambda p: cat.label(p, g.lang))
    return render_template(
        "network/view.html", title=title, network=draw(shown, number) if len(shown.graph) > 1 else "", note=note,
        empty=empty, kinds=[(k, SHAPES.get(k, SHAPES[""])[1]) for k in kinds], communities=communities,
        community_heading=heading, provinces=[(p, cat.label(p, g.lang)) for p in provinces], **context,
    )
