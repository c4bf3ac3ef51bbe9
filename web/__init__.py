"""orgkg's web app: SPARQL endpoint and query page, entity pages, network views, downloads.

:func:`create_app` loads the graph once (or connects to an external endpoint),
builds the catalogue of labels and links in the background (the endpoint answers at
once, pages once it is ready) and registers one blueprint per concern.
"""
from __future__ import annotations

from typing import Any, Mapping
from urllib.parse import urlencode

from flask import Flask, Response, request, url_for

from orgkg.graph.namespaces import RESOURCE_BASE
from orgkg.graph.store import GraphFileError, is_store, open_store
from orgkg.resources import ontology_file

from . import analysis, browse, downloads, entities, errors, i18n, network, reader, sparql
from .catalogue import Catalogue, saved_with
from .examples import load_examples
from .state import AppState, in_background

DEFAULTS = {
    "GRAPH": None,  # a graph file (format by extension), bulk-loaded into an in-memory store
    "SPARQL_ENDPOINT": None,  # URL of an external SPARQL endpoint to use instead of GRAPH
    "SPARQL_TIMEOUT": 10.0,  # seconds; clients may ask for less with ?timeout=
    "SPARQL_MAX_ROWS": 10000,  # rows or triples per answer; more are cut and flagged
    "SPARQL_MAX_BYTES": 16 << 20,  # bytes of the terms' text per answer; more are cut and flagged alike
    "SPARQL_WORKERS": 2,  # endpoint queries running at once, each in a worker process killed at its time limit
    "PAGE_WORKERS": 2,  # the same for the pages' own queries, so a busy endpoint never starves the pages
    "SPARQL_WAITING": 16,  # queries that may wait for a worker; one more is answered 429
    "QUERY_MEMORY_MB": 4096,  # a query worker's memory limit
    "QUERY_IN_MEMORY": True,  # each worker queries an in-memory copy (6x faster); False: the store on disk
    "RESOURCE_BASE": RESOURCE_BASE,
    "CORS_ORIGIN": "*",  # Access-Control-Allow-Origin of the endpoint; None to turn CORS off
    "NETWORK_MAX_NODES": 300,
    "MAX_CONTENT_LENGTH": 1 << 20,  # bytes of a request body (a POSTed query); more is answered 413
    "TRUSTED_HOSTS": None,  # Host names the app answers to (None: any); `orgkg serve` sets its own
}
#: HTML pages load nothing from other origins and run no inline script.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "frame-ancestors 'none'")


def _catalogue(store, graph: str | None, vocabulary: bytes) -> Catalogue:
    """The catalogue kept with a store folder (see ``orgkg build --store``), or one built now."""
    catalogue = saved_with(store, graph) if graph and is_store(graph) else Catalogue.build(store)
    catalogue.add_vocabulary(vocabulary)
    return catalogue


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app.

    Settings come from :data:`DEFAULTS`, then ``ORGKG_*`` environment variables
    (``ORGKG_GRAPH=build/graph.ttl flask --app orgkg.web run``), then ``config``.

    :param config: overrides; give ``GRAPH`` or ``SPARQL_ENDPOINT`` here or in the environment.
    :raises GraphFileError: when neither is given or the graph file cannot be loaded.
    :raises StoreError: when the external endpoint does not answer (the catalogue of labels and
        links is then built in the background: the endpoint answers at once, pages once it is ready).
    """
    app = Flask(__name__)
    app.config.update(DEFAULTS)
    app.config.from_prefixed_env("ORGKG")
    app.config.update(config or {})
    app.json.ensure_ascii = False
    if not (app.config["GRAPH"] or app.config["SPARQL_ENDPOINT"]):
        raise GraphFileError("give GRAPH (a graph file) or SPARQL_ENDPOINT, in the config or as ORGKG_GRAPH")
    endpoint = open_store(app.config["GRAPH"], app.config["SPARQL_ENDPOINT"], timeout=app.config["SPARQL_TIMEOUT"],
                          workers=app.config["SPARQL_WORKERS"], waiting=app.config["SPARQL_WAITING"], processes=True,
                          memory_mb=app.config["QUERY_MEMORY_MB"], in_memory=app.config["QUERY_IN_MEMORY"])
    store = endpoint.sibling(app.config["PAGE_WORKERS"])
    if app.config["SPARQL_ENDPOINT"]:
        store.query("ASK {}")  # an endpoint that does not answer fails the start, not the first page
    ontology = {name: ontology_file(name).read_bytes() for name in ("orgkg.ttl", "shapes.ttl")}
    app.extensions["orgkg"] = AppState(store=store, endpoint=endpoint,
                                       pending=in_background(_catalogue, store.sibling(1, in_process=True),
                                                             app.config["GRAPH"], ontology["orgkg.ttl"]),
                                       examples=load_examples(), ontology=ontology)
    i18n.init_app(app)
    errors.init_app(app)
    for module in (sparql, entities, network, downloads, browse, reader, analysis):
        app.register_blueprint(module.bp)

    @app.after_request
    def _security_headers(response: Response) -> Response:
        if response.mimetype == "text/html":
            response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response

    @app.context_processor
    def _lang_switch():
        def lang_switch_url() -> str:
            """This page in the other language."""
            args = request.args.to_dict(flat=False)
            args["lang"] = ["en" if i18n.get_lang() == "zh" else "zh"]
            # the query string is built here, not by url_for, whose own keywords (_anchor, endpoint …) it may hold
            path = url_for(request.endpoint or "entities.home", **(request.view_args or {}))
            return path + "?" + urlencode([(k, v) for k, values in args.items() for v in values])

        return {"lang_switch_url": lang_switch_url}

    return app
