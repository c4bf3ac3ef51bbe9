"""The SPARQL 1.1 Protocol endpoint ``/sparql`` and the YASGUI query page.

One handler serves GET, form POST and direct POST. The answer's format comes
from ``format=`` or from ``Accept`` ranked by q-value, among the formats of the
query's form. Browsers (``text/html`` ranked first) get the query page instead,
with the query of a shared link loaded. The endpoint is read-only.
"""
from __future__ import annotations

import pyoxigraph as ox
from flask import Blueprint, Response, abort, current_app, g, render_template, request, url_for

from orgkg.graph.store import PREFIXES, PROLOGUE, results

from . import negotiation
from .i18n import YASGUI, t
from .negotiation import Format
from .state import state
from .terms import ok

bp = Blueprint("sparql", __name__)

HTML = "text/html"
SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS_NS = "http://www.w3.org/ns/formats/"
VOID = "http://rdfs.org/ns/void#"
COUNT_Q = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
#: What the editor holds before the user types anything.
DEFAULT_QUERY = PROLOGUE + f"\nSELECT ?region ?label WHERE {{\n  ?region a {ok.Region} ; rdfs:label ?label .\n}} LIMIT 20\n"
SD_FORMATS = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
              "Turtle", "N-Triples", "JSON-LD")


@bp.after_request
def cors(response: Response) -> Response:
    """Let browser tools on other origins query the endpoint with GET (``CORS_ORIGIN``; ``None`` turns it off)."""
    origin = current_app.config["CORS_ORIGIN"]
    if origin:
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Access-Control-Allow-Methods"] = "GET, OPTIONS"  # other origins read, never post
        response.headers["Access-Control-Allow-Headers"] = "Content-Type, Accept"
        response.headers["Access-Control-Expose-Headers"] = "Orgkg-Truncated, Orgkg-Truncated-By, Orgkg-Row-Limit, Orgkg-Byte-Limit"
    response.vary.add("Accept")
    return response


@bp.route("/sparql", methods=["GET", "POST", "OPTIONS"])
def endpoint():
    """Answer a SPARQL query, or describe the service, or show the query page."""
    if request.method == "OPTIONS":
        return Response(status=204)
    query, default_graphs, named_graphs = read_protocol_request()
    if query is None or not query.strip():
        if best_match(negotiation.offers("graph") + [HTML]) == HTML:
            return query_page(None)
        return service_description()
    if request.method == "GET" and "format" not in request.args and best_match(negotiation.offers("select") + [HTML]) == HTML:
        return query_page(query)
    config = current_app.config
    asked = request.values.get("timeout", type=float)
    timeout = min(asked, config["SPARQL_TIMEOUT"]) if asked and asked > 0 else config["SPARQL_TIMEOUT"]
    answer = state().endpoint.query(
        query, default_graphs=default_graphs, named_graphs=named_graphs,
        timeout=timeout, max_rows=config["SPARQL_MAX_ROWS"], max_bytes=config["SPARQL_MAX_BYTES"],
        base=url_for("sparql.endpoint", _external=True),
    )
    fmt = choose_format(answer.form)
    response = Response(results.write(answer, fmt.name), mimetype=fmt.media_type)
    if fmt.media_type.startswith("text/") or fmt.name in ("json", "jsonld"):
        response.charset = "utf-8"
    if answer.truncated:
        response.headers["Orgkg-Truncated"] = "true"
        response.headers["Orgkg-Truncated-By"] = answer.truncated
        response.headers["Orgkg-Row-Limit"] = str(config["SPARQL_MAX_ROWS"])
        response.headers["Orgkg-Byte-Limit"] = str(config["SPARQL_MAX_BYTES"])
    if request.values.get("download"):
        response.headers["Content-Disposition"] = f'attachment; filename="results.{fmt.extension}"'
    return response


def read_protocol_request() -> tuple[str | None, list[str], list[str]]:
    """The query and the dataset IRIs, from whichever of the protocol's three forms was used.

    :raises werkzeug.exceptions.HTTPException: 403 for an update, 415 for an unknown body type,
        400 for a repeated ``query``.
    """
    if request.method == "POST" and request.mimetype == "application/sparql-update":
        abort(403, "this endpoint is read-only: SPARQL Update is refused")
    if request.method == "POST" and request.mimetype == "application/sparql-query":
        params, query = request.args, request.get_data(as_text=True)
    elif request.method == "POST" and request.mimetype not in ("application/x-www-form-urlencoded", "multipart/form-data"):
        abort(415, "send the query as application/sparql-query or application/x-www-form-urlencoded")
    else:
        params = request.form if request.method == "POST" else request.args
        if "update" in params:
            abort(403, "this endpoint is read-only: SPARQL Update is refused")
        queries = params.getlist("query")
        if len(queries) > 1:
            abort(400, "give exactly one query parameter")
        query = queries[0] if queries else None
    return query, params.getlist("default-graph-uri"), params.getlist("named-graph-uri")


def best_match(offers: list[str]) -> str | None:
    """The offer this request's ``Accept`` ranks highest."""
    return negotiation.best_match(request.accept_mimetypes, offers)


def choose_format(form: str) -> Format:
    """The format for an answer of ``form``: ``format=`` if given, else by ``Accept``.

    :raises werkzeug.exceptions.NotAcceptable: when none of the form's formats is acceptable.
    """
    names = ", ".join(f.name for f in negotiation.formats_for(form))
    if name := request.values.get("format"):
        fmt = negotiation.by_name(name, form)
        if fmt is None:
            abort(406, f"format={name} does not fit a {form.upper()} answer; use one of {names}")
        return fmt
    media_type = best_match(negotiation.offers(form))
    if media_type is None:
        abort(406, f"no acceptable format for a {form.upper()} answer; this endpoint offers {names}")
    return negotiation.by_media_type(media_type)


def service_description() -> Response:
    """The SPARQL 1.1 Service Description of this endpoint, in a negotiated RDF format."""
    service = ox.BlankNode()
    me = ox.NamedNode(url_for("sparql.endpoint", _external=True))
    sd = lambda term: ox.NamedNode(SD + term)  # noqa: E731
    rdf_type = ox.NamedNode(PREFIXES["rdf"] + "type")
    dataset, graph = ox.BlankNode(), ox.BlankNode()
    count = state().endpoint.query(COUNT_Q).rows[0][0]
    triples = [
        ox.Triple(service, rdf_type, sd("Service")),
        ox.Triple(service, sd("endpoint"), me),
        ox.Triple(service, sd("supportedLanguage"), sd("SPARQL11Query")),
        ox.Triple(service, sd("feature"), sd("UnionDefaultGraph")),
        *(ox.Triple(service, sd("resultFormat"), ox.NamedNode(FORMATS_NS + f)) for f in SD_FORMATS),
        ox.Triple(service, sd("defaultDataset"), dataset),
        ox.Triple(dataset, rdf_type, sd("Dataset")),
        ox.Triple(dataset, sd("defaultGraph"), graph),
        ox.Triple(graph, rdf_type, sd("Graph")),
        ox.Triple(graph, ox.NamedNode(VOID + "triples"), count),
        *(ox.Triple(graph, ox.NamedNode(VOID + "dataDump"),
                    ox.NamedNode(url_for("downloads.graph", ext=f.extension, _external=True)))
          for f in negotiation.GRAPH_FORMATS),
    ]
    fmt = choose_format("graph")
    return Response(results.write_graph(triples, fmt.name), mimetype=fmt.media_type)


def query_page(query: str | None):
    """The YASGUI page; a shared link's ``query`` is opened and run."""
    st = state()
    examples = [{"name": e.name, "title": e.title(g.lang), "query": e.query} for e in st.gallery]
    page_config = {
        "endpoint": url_for("sparql.endpoint", _external=True),
        "prefixes": PREFIXES,
        "examples": examples,
        "resourceBase": current_app.config["RESOURCE_BASE"],
        "resourceKinds": resource_kinds(),
        "query": query,
        "sharedTabName": t("shared_query"),
        "storageKey": f"orgkg-{st.store.version}",
        "graphView": url_for("network.results_view"),
        "formats": {"select": [f.name for f in negotiation.RESULT_FORMATS],
                    "graph": [f.name for f in negotiation.GRAPH_FORMATS]},
        "defaultQuery": DEFAULT_QUERY,
        "vocabulary": vocabulary(),
        "search": url_for("entities.search_json"),
        "yasguiTexts": YASGUI if g.lang == "zh" else {},
    }
    response = Response(render_template("sparql/query.html", page_config=page_config, examples=examples))
    response.vary.add("Accept")
    return response


def vocabulary() -> list[dict]:
    """The ontology's terms as the editor completes them after ``ok:``, with their labels."""
    cat, namespace = state().catalogue, PREFIXES["ok"]
    terms = sorted(iri for iri in cat.labels if iri.startswith(namespace) and iri != namespace)
    return [{"text": "ok:" + iri[len(namespace):], "label": cat.label(iri, g.lang)} for iri in terms]


def resource_kinds() -> list[str]:
    """The first path segments of the graph's resource IRIs (``region``, ``programme`` …)."""
    base = current_app.config["RESOURCE_BASE"]
    return sorted({iri[len(base):].split("/", 1)[0] for iri in state().catalogue.types if iri.startswith(base)})
