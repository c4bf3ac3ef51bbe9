"""Stable download URLs: the whole graph (serialised once, served with an ETag), the ontology, the shapes."""
from __future__ import annotations

import hashlib

from flask import Blueprint, Response, abort, render_template, request

from .negotiation import GRAPH_FORMATS
from .state import state

bp = Blueprint("downloads", __name__)

ONTOLOGY_FILES = {"ontology": "orgkg.ttl", "shapes": "shapes.ttl"}


@bp.route("/downloads")
def index():
    """The list of downloads."""
    return render_template("downloads/index.html", formats=GRAPH_FORMATS)


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
