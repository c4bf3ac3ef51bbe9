"""The projection as files Gephi, Cytoscape, pandas and R open directly: GraphML, GEXF, and CSV tables.

The CSV form is one zip holding ``nodes.csv`` (id, kind, label, level, scope,
code) and ``edges.csv`` (source, target, relation), one download and one file
however it travels: ``pandas.read_csv(zipfile.ZipFile(path).open("nodes.csv"))``,
or ``read.csv(unz(path, "nodes.csv"))`` in R.
"""
from __future__ import annotations

import csv
import io
import zipfile

import networkx as nx

from .projection import ATTRIBUTES

#: The network formats, by name, with the media type and file name each is served under.
FORMATS = {"graphml": ("application/graphml+xml", "orgkg-network.graphml"),
           "gexf": ("application/gexf+xml", "orgkg-network.gexf"), "csv": ("application/zip", "orgkg-network-csv.zip")}
NODE_COLUMNS = ("id", "kind", "label", *ATTRIBUTES)
EDGE_COLUMNS = ("source", "target", "relation")
#: A fixed time inside the zip, so the same graph always gives the same bytes.
ZIP_TIME = (2020, 1, 1, 0, 0, 0)


def write_network(graph: nx.MultiDiGraph, fmt: str) -> bytes:
    """The projection as ``graphml``, ``gexf`` or ``csv`` (a zip of two tables).

    :raises KeyError: for any other format name.
    """
    if fmt == "csv":
        return _csv_zip(graph)
    writer = {"graphml": nx.write_graphml, "gexf": nx.write_gexf}[fmt]
    buffer = io.BytesIO()
    writer(graph, buffer)
    return buffer.getvalue()


def _table(columns: tuple[str, ...], rows) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _csv_zip(graph: nx.MultiDiGraph) -> bytes:
    nodes = ([node, *(attrs.get(c, "") for c in NODE_COLUMNS[1:])] for node, attrs in sorted(graph.nodes(data=True)))
    edges = sorted(graph.edges(keys=True))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in (("nodes.csv", _table(NODE_COLUMNS, nodes)), ("edges.csv", _table(EDGE_COLUMNS, edges))):
            archive.writestr(zipfile.ZipInfo(name, ZIP_TIME), data, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()
