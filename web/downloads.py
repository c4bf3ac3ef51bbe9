"""Stable download URLs: the whole graph (serialised once, served with an ETag), the ontology, the shapes."""
from __future__ import annotations

from pathlib import Path

from flask import Blueprint, Response, abort, current_app, render_template, request, send_file

from graph.results import GRAPH_FORMATS, OX_GRAPH_FORMATS

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
    dump = state().store.dump(OX_GRAPH_FORMATS[fmt.name])
    response = Response(dump.data, mimetype=fmt.media_type)
    response.set_etag(dump.etag)
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response.make_conditional(request)


@bp.route("/<any(ontology, shapes):name>.ttl")
def ontology_file(name: str):
    """``/ontology.ttl`` and ``/shapes.ttl``, from the ontology folder."""
    path = Path(current_app.config["ONTOLOGY_DIR"]) / ONTOLOGY_FILES[name]
    if not path.is_file():
        abort(404, f"{path.name} is not available")
    return send_file(path, mimetype="text/turtle", conditional=True)
