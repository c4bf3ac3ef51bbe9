"""Entity pages (Linked Data for every resource IRI), label search and the home page.

``/id/<kind>/<key>`` answers HTML to browsers and Turtle, N-Triples or JSON-LD
to RDF clients, by ``Accept`` or by a ``.ttl``/``.nt``/``.json``/``.jsonld``
suffix, and links the other forms with ``Link: rel=alternate``.
"""
from __future__ import annotations

from collections import Counter, defaultdict

import pyoxigraph as ox
from flask import Blueprint, Response, abort, current_app, g, jsonify, render_template, request

from . import results
from .catalogue import ENTITY_TYPES
from .links import compact, local_path, term_view
from .state import state
from .store import PREFIXES

bp = Blueprint("entities", __name__)

_PROLOGUE = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
OUT_Q = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
IN_COUNT_Q = "SELECT ?s ?p (COUNT(?x) AS ?n) WHERE { ?x ?p ?s } GROUP BY ?s ?p"
IN_Q = "SELECT ?s ?p ?x WHERE { ?x ?p ?s }"
DESCRIBE_Q = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
FIGURES_Q = _PROLOGUE + """SELECT ?s ?f ?value ?unit ?source ?measures ?time ?concerns ?indicator ?text ?article WHERE {
  { ?f ok:concerns ?s } UNION { ?f ok:indicator ?s } UNION { ?f ok:reportedIn ?s }
  UNION { ?f ok:reportedIn ?about . ?about ok:about ?s }
  ?f ok:value ?value .
  OPTIONAL { ?f ok:unit ?unit } OPTIONAL { ?f ok:sourceText ?source } OPTIONAL { ?f ok:measures ?measures }
  OPTIONAL { ?f ok:time ?time } OPTIONAL { ?f ok:concerns ?concerns } OPTIONAL { ?f ok:indicator ?indicator }
  OPTIONAL { ?f prov:wasDerivedFrom ?sentence . ?sentence ok:text ?text }
  OPTIONAL { ?f ok:reportedIn ?article }
} ORDER BY ?article ?f"""  # figures about an entity, of an indicator, in an article or in articles about a region

SUFFIXES = {"ttl": "ttl", "nt": "nt", "json": "jsonld", "jsonld": "jsonld"}
PER_PREDICATE = 25
MAX_FIGURES = 200
MAX_INCOMING = 2000


@bp.route("/")
def home():
    """Counts by type, the search box and the ways into the graph."""
    counts = Counter(state().catalogue.types.values())
    return render_template("entities/home.html", counts=sorted(counts.items()), entity_types=ENTITY_TYPES)


@bp.route("/id/<kind>/<path:key>")
def entity(kind: str, key: str):
    """One resource: HTML, or RDF by ``Accept`` or suffix."""
    iri, fmt = resolve(kind, key)
    store = state().store
    if fmt is None and request.accept_mimetypes and request.accept_mimetypes.best_match(
        ["text/html"] + results.offers("graph")
    ) != "text/html":
        fmt = results.by_media_type(request.accept_mimetypes.best_match(results.offers("graph"))).name
    node = ox.NamedNode(iri)
    if fmt:
        triples = store.query(DESCRIBE_Q, {"s": node}).triples
        if not triples:
            abort(404, f"no resource {iri}")
        media = next(f.media_type for f in results.GRAPH_FORMATS if f.name == fmt)
        response = Response(results.serialize_triples(triples, fmt), mimetype=media)
    else:
        response = Response(render_template("entities/entity.html", **describe(node)))
    response.vary.add("Accept")
    base = request.path.rsplit(".", 1)[0] if request.path.endswith(tuple("." + s for s in SUFFIXES)) else request.path
    response.headers["Link"] = ", ".join(
        f'<{base}{suffix}>; rel="alternate"; type="{media}"'
        for suffix, media in ((".ttl", "text/turtle"), (".nt", "application/n-triples"),
                              (".json", "application/ld+json"), ("", "text/html"))
    )
    return response


def resolve(kind: str, key: str) -> tuple[str, str | None]:
    """The IRI a path names, and the RDF format its suffix asks for.

    A key keeps a dot-suffix that is not a known format, and a suffixed key
    names the unsuffixed resource only when the full key is not itself known.
    """
    base = current_app.config["RESOURCE_BASE"]
    iri = f"{base}{kind}/{key}"
    stem, dot, suffix = key.rpartition(".")
    if dot and suffix in SUFFIXES and iri not in state().catalogue.types:
        return f"{base}{kind}/{stem}", SUFFIXES[suffix]
    return iri, None


def describe(node: ox.NamedNode) -> dict:
    """Everything the entity page shows about ``node``."""
    store, cat, iri = state().store, state().catalogue, node.value
    outgoing = defaultdict(list)
    for r in store.query(OUT_Q, {"s": node}).records():
        outgoing[r["p"].value].append(term_view(r["o"]))
    counts = {r["p"].value: int(r["n"].value) for r in store.query(IN_COUNT_Q, {"s": node}).records()}
    incoming = defaultdict(list)
    for r in store.query(IN_Q, {"s": node}, max_rows=MAX_INCOMING).records():
        if len(incoming[r["p"].value]) < PER_PREDICATE:
            incoming[r["p"].value].append(term_view(r["x"]))
    if not outgoing and not counts:
        abort(404, f"no resource {iri}")
    figures = store.query(FIGURES_Q, {"s": node}, max_rows=MAX_FIGURES)
    kind = cat.types.get(iri, "")
    return {
        "iri": iri,
        "label": cat.label(iri, g.lang),
        "kind": kind,
        "aliases": cat.alt_labels.get(iri, []),
        "ancestors": [term_view(ox.NamedNode(a)) for a in cat.ancestors(iri)],
        "outgoing": sorted((compact(p), p, vs) for p, vs in outgoing.items()),
        "incoming": sorted((compact(p), p, vs, counts.get(p, len(vs)) - len(vs)) for p, vs in incoming.items()),
        "figures": [{k: term_view(v) for k, v in r.items()} for r in figures.records()],
        "figures_truncated": figures.truncated,
        "network": kind in ENTITY_TYPES,
        "path": local_path(iri),
        "ref": iri[len(current_app.config["RESOURCE_BASE"]):].split("/", 1),
    }


@bp.route("/search")
def search():
    """Search results as a page; one exact hit goes straight to its entity."""
    q = request.args.get("q", "")
    hits = state().catalogue.search(q, limit=100)
    return render_template("entities/search.html", q=q, hits=[suggestion(i) for i in hits])


@bp.route("/search.json")
def search_json():
    """Suggestions for the search box: label, type and path of up to 10 entities."""
    hits = state().catalogue.search(request.args.get("q", ""), limit=10)
    return jsonify([suggestion(i) for i in hits])


def suggestion(iri: str) -> dict:
    """What a search result shows."""
    cat = state().catalogue
    kind = cat.types.get(iri, "")
    return {"iri": iri, "label": cat.label(iri, g.lang), "type": kind, "path": local_path(iri)}

