"""orgkg's web app: SPARQL endpoint and query page, entity pages, network views, downloads.

:func:`create_app` loads the graph once (or connects to an external endpoint),
precomputes the catalogue and registers one blueprint per concern.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

from flask import Flask, Response, request, url_for

from graph.namespaces import RESOURCE_BASE
from graph.store import GraphStore, LocalBackend, RemoteBackend

from . import downloads, entities, errors, i18n, network, sparql
from .catalogue import Catalogue
from .examples import load_examples
from .state import AppState

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"

DEFAULTS = {
    "GRAPH": None,  # an RDF file path (format by extension) or an rdflib.Graph
    "SPARQL_ENDPOINT": None,  # URL of an external SPARQL endpoint to use instead of GRAPH
    "SPARQL_TIMEOUT": 10.0,  # seconds; clients may ask for less with ?timeout=
    "SPARQL_MAX_ROWS": 10000,  # rows or triples per answer; more are cut and flagged
    "SPARQL_WORKERS": 4,  # queries running at once
    "RESOURCE_BASE": RESOURCE_BASE,
    "CORS_ORIGIN": "*",  # Access-Control-Allow-Origin of the endpoint; None to turn CORS off
    "NETWORK_MAX_NODES": 300,
    "ONTOLOGY_DIR": str(ONTOLOGY_DIR),  # holds orgkg.ttl, shapes.ttl and examples/
}
#: HTML pages load nothing from other origins and run no inline script.
CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:"


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app.

    Settings come from :data:`DEFAULTS`, then ``ORGKG_*`` environment variables
    (``ORGKG_GRAPH=build/graph.ttl flask --app web run``), then ``config``.

    :param config: overrides; give ``GRAPH`` or ``SPARQL_ENDPOINT`` here or in the environment.
    :raises ValueError: when neither is given.
    """
    app = Flask(__name__)
    app.config.update(DEFAULTS)
    app.config.from_prefixed_env("ORGKG")
    app.config.update(config or {})
    app.json.ensure_ascii = False
    store = GraphStore(open_backend(app.config), timeout=app.config["SPARQL_TIMEOUT"], workers=app.config["SPARQL_WORKERS"])
    ontology = Path(app.config["ONTOLOGY_DIR"])
    catalogue = Catalogue.build(store)
    catalogue.add_vocabulary(ontology / "orgkg.ttl")
    app.extensions["orgkg"] = AppState(store=store, catalogue=catalogue, examples=load_examples(ontology / "examples"))
    i18n.init_app(app)
    errors.init_app(app)
    for module in (sparql, entities, network, downloads):
        app.register_blueprint(module.bp)

    @app.after_request
    def _security_headers(response: Response) -> Response:
        if response.mimetype == "text/html":
            response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        return response

    @app.context_processor
    def _lang_switch():
        def lang_switch_url() -> str:
            """This page in the other language."""
            args = request.args.to_dict(flat=False)
            args["lang"] = "en" if i18n.get_lang() == "zh" else "zh"
            return url_for(request.endpoint or "entities.home", **(request.view_args or {}), **args)

        return {"lang_switch_url": lang_switch_url}

    return app


def open_backend(config: Mapping[str, Any]) -> LocalBackend | RemoteBackend:
    """The query engine the config asks for: an external endpoint, or the graph in memory."""
    if config.get("SPARQL_ENDPOINT"):
        return RemoteBackend(config["SPARQL_ENDPOINT"])
    graph = config.get("GRAPH")
    if graph is None:
        raise ValueError("give GRAPH (a graph file or rdflib.Graph) or SPARQL_ENDPOINT")
    if isinstance(graph, (str, Path)):
        return LocalBackend.from_file(graph)
    return LocalBackend.from_ntriples(graph.serialize(format="nt", encoding="utf-8"))
