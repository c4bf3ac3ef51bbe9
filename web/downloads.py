"""Stable download URLs: the whole graph (serialised once, served with an ETag), its network for
Gephi and pandas (GraphML, GEXF, CSV tables), the ontology, the shapes."""
from __future__ import annotations

import hashlib

from flask import Blueprint, Response, abort, render_template, request

from orgkg.graph.analysis.exports import FORMATS as NETWORK_FORMATS

from .analysis import network_file
from .negotiation import GRAPH_FORMATS
from .state import state

bp = Blueprint("downloads", __name__)

ONTOLOGY_FILES = {"ontology": "orgkg.ttl", "shapes": "shapes.ttl"}


@bp.route("/downloads")
def index():
    """The list of downloads."""
    return render_template("downloads/index.html", formats=GRAPH_FORMATS, networks=NETWORK_FILES)


#: the network downloads: file name → (format, media type)
NETWORK_FILES = {name: (fmt, media) for fmt, (media, name) in NETWORK_FORMATS.items()}


@bp.route("/download/<any(" + ", ".join(f'"{n}"' for n in NETWORK_FILES) + "):name>")
def network(name: str):
    """The network of regions, items and articles as GraphML, GEXF or a zip of CSV tables, saved as a file."""
    fmt, media = NETWORK_FILES[name]
    data = network_file(fmt)
    response = Response(data, mimetype=media)
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    response.set_etag(hashlib.sha256(data).hexdigest()[:32])
    return response.make_conditional(request)


@bp.route("/download/orgkg.<ext>")
def graph(ext: str):
    """The whole graph as Turtle, N-Triples or JSON-LD; answers 304 to a matching ``If-None-Match``."""
    fmt = next((f for f in GRAPH_FORMATS if f.extension == ext), None)
    if fmt is None:
        abort(404, f"no download orgkg.{ext}; try {', '.join('orgkg.' + f.extension for f in GRAPH_FORMATS)}")
    dump = state().store.dump(fmt.name)
    response = Response(dump.data, mimetype=fmt.media_type)
    response.set_etag(dump.etag)
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response.make_conditional(request)


@bp.route("/<any(ontology, shapes):name>.ttl")
def ontology_file(name: str):
    """``/ontology.ttl`` and ``/shapes.ttl``, as the package ships them."""
    data = state().ontology[ONTOLOGY_FILES[name]]
    response = Response(data, mimetype="text/turtle")
    response.set_etag(hashlib.sha256(data).hexdigest()[:32])
    return response.make_conditional(request)
