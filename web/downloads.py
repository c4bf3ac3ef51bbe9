"""Stable download URLs: the whole graph (serialised once, served with an ETag), its network for
Gephi and pandas (GraphML, GEXF, CSV tables), the ontology, the shapes."""
from __future__ import annotations

import gzip
import hashlib
import threading

from flask import Blueprint, Response, abort, render_template, request

from orgkg.graph.analysis.exports import FORMATS as NETWORK_FORMATS

from .analysis import network_file
from .negotiation import GRAPH_FORMATS
from .state import state

bp = Blueprint("downloads", __name__)

ONTOLOGY_FILES = {"ontology": "orgkg.ttl", "shapes": "shapes.ttl"}


@bp.route("/downloads")
def index():
    """The list of downloads, each with its size (the files are made once and kept)."""
    graphs = [(f, len(state().store.dump(f.name).data)) for f in GRAPH_FORMATS]
    networks = [(name, media, len(network_file(fmt))) for name, (fmt, media) in NETWORK_FILES.items()]
    return render_template("downloads/index.html", graphs=graphs, networks=networks)


#: the network downloads: file name → (format, media type)
NETWORK_FILES = {name: (fmt, media) for fmt, (media, name) in NETWORK_FORMATS.items()}
#: the compressed form of each download, made the first time a client that accepts gzip asks for it
_GZIPPED: dict[str, bytes] = {}
_GZIP_LOCK = threading.Lock()


@bp.route("/download/<any(" + ", ".join(f'"{n}"' for n in NETWORK_FILES) + "):name>")
def network(name: str):
    """The network of regions, items and articles as GraphML, GEXF or a zip of CSV tables, saved as a file."""
    fmt, media = NETWORK_FILES[name]
    data = network_file(fmt)
    return attachment(name, data, hashlib.sha256(data).hexdigest()[:32], media, compress=fmt != "csv")


@bp.route("/download/orgkg.<ext>")
def graph(ext: str):
    """The whole graph as Turtle, N-Triples or JSON-LD; answers 304 to a matching ``If-None-Match``."""
    fmt = next((f for f in GRAPH_FORMATS if f.extension == ext), None)
    if fmt is None:
        abort(404, f"no download orgkg.{ext}; try {', '.join('orgkg.' + f.extension for f in GRAPH_FORMATS)}")
    dump = state().store.dump(fmt.name)
    response = attachment(f"orgkg.{ext}", dump.data, dump.etag, fmt.media_type)
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


@bp.app_template_filter("filesize")
def filesize(size: int) -> str:
    """A size as people read it.

    >>> filesize(512), filesize(41322), filesize(6529462)
    ('512 B', '40.4 KB', '6.2 MB')
    """
    if size < 1024:
        return f"{size} B"
    kilobytes = size / 1024
    return f"{kilobytes:.1f} KB" if kilobytes < 1024 else f"{kilobytes / 1024:.1f} MB"


def attachment(name: str, data: bytes, etag: str, media: str, compress: bool = True) -> Response:
    """A file to save, not to draw in the tab (a 13 MB JSON-LD graph takes half a minute to draw),
    gzip-compressed for a client that accepts it (a graph shrinks about tenfold); each form has
    its own ETag, and ``If-None-Match`` gets 304."""
    gzipped = compress and request.accept_encodings["gzip"] > 0
    if gzipped:
        with _GZIP_LOCK:
            if etag not in _GZIPPED:
                _GZIPPED[etag] = gzip.compress(data, compresslevel=6, mtime=0)
        data, etag = _GZIPPED[etag], etag + "-gzip"
    response = Response(data, mimetype=media)
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    response.vary.add("Accept-Encoding")
    if gzipped:
        response.headers["Content-Encoding"] = "gzip"
    response.set_etag(etag)
    return response.make_conditional(request)


@bp.route("/<any(ontology, shapes):name>.ttl")
def ontology_file(name: str):
    """``/ontology.ttl`` and ``/shapes.ttl``, as the package ships them."""
    data = state().ontology[ONTOLOGY_FILES[name]]
    response = Response(data, mimetype="text/turtle")
    response.set_etag(hashlib.sha256(data).hexdigest()[:32])
    return response.make_conditional(request)
