"""Entity pages (Linked Data for every resource IRI), label search and the home page.

``/id/<kind>/<key>`` answers HTML to browsers and Turtle, N-Triples or JSON-LD
to RDF clients, by ``Accept`` or by a ``.ttl``/``.nt``/``.json``/``.jsonld``
suffix, and links the other forms with ``Link: rel=alternate``.
"""
from __future__ import annotations

from collections import Counter, defaultdict

import pyoxigraph as ox
from flask import Blueprint, Response, abort, current_app, g, jsonify, redirect, render_template, request, url_for

from orgkg.graph.store import PROLOGUE, results

from . import negotiation, paging
from .analysis import similar_regions, view
from .catalogue import ENTITY_TYPES
from .links import compact, kind_and_key, local_path, term_view
from .state import state
from .i18n import t
from .labels import incoming as incoming_label
from .terms import CONCEPT, DENOTES, INITIATIVE, PROGRAMME, REGION, local, ok

bp = Blueprint("entities", __name__)

OUT_Q = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
IN_COUNT_Q = "SELECT ?s ?p (COUNT(?x) AS ?n) WHERE { ?x ?p ?s } GROUP BY ?s ?p"
IN_Q = "SELECT ?s ?p ?x WHERE { ?x ?p ?s }"
DESCRIBE_Q = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
FIGURES_Q = PROLOGUE + f"""SELECT ?s ?f ?value ?unit ?source ?measures ?time ?concerns ?indicator ?text ?article WHERE {{
  {{ ?f {ok.concerns} ?s }} UNION {{ ?f {ok.indicator} ?s }} UNION {{ ?f {ok.reportedIn} ?s }}
  UNION {{ ?f {ok.reportedIn} ?about . ?about {ok.about} ?s }}
  ?f {ok.value} ?value .
  OPTIONAL {{ ?f {ok.unit} ?unit }} OPTIONAL {{ ?f {ok.sourceText} ?source }} OPTIONAL {{ ?f {ok.measures} ?measures }}
  OPTIONAL {{ ?f {ok.time} ?time }} OPTIONAL {{ ?f {ok.concerns} ?concerns }} OPTIONAL {{ ?f {ok.indicator} ?indicator }}
  OPTIONAL {{ ?f prov:wasDerivedFrom ?sentence . ?sentence {ok.text} ?text }}
  OPTIONAL {{ ?f {ok.reportedIn} ?article }}
}} ORDER BY ?article ?f"""  # figures about an entity, of an indicator, in an article or in articles about a region

MENTIONS_Q = PROLOGUE + f"""SELECT ?s ?m ?surface ?text ?start ?s_start ?article WHERE {{
  ?m {ok.denotes} ?s ; {ok.surface} ?surface ; {ok.start} ?start ; prov:wasDerivedFrom ?sentence .
  ?sentence {ok.text} ?text ; {ok.start} ?s_start ; dcterms:isPartOf ?article .
  ?article {ok.position} ?position .
}} ORDER BY ?position ?start"""  # where the text names the entity, in corpus order

SUFFIXES = {"ttl": "ttl", "nt": "nt", "json": "jsonld", "jsonld": "jsonld"}
PER_PREDICATE = 25
MAX_FIGURES = 200
MAX_INCOMING = 2000
MAX_MENTIONS = 100


HOME_LIST = 12


@bp.route("/")
def home():
    """Counts by type, the most widely adopted measures, the top-level regions, and the ways into the graph."""
    cat = state().catalogue
    adopters = Counter({iri: len(cat.adopters(iri)) for iri, kind in cat.types.items()
                        if kind in (PROGRAMME, INITIATIVE, CONCEPT)})
    top_regions = sorted((r for r, k in cat.types.items() if k == REGION and r not in cat.parents),
                         key=lambda r: -cat.degree(r))
    return render_template(
        "entities/home.html",
        counts=sorted(Counter(cat.types.values()).items()),
        entity_types=ENTITY_TYPES,
        measures=[(suggestion(m), n, diffusion_url(m)) for m, n in adopters.most_common(HOME_LIST)],
        regions=[suggestion(r) for r in top_regions[:HOME_LIST * 3]],
    )


def diffusion_url(iri: str) -> str:
    """The diffusion view of a programme or initiative."""
    kind, key = kind_and_key(iri)
    return url_for("network.diffusion", kind=kind, key=key)


@bp.route("/id/<kind>/<path:key>")
def entity(kind: str, key: str):
    """One resource: HTML, or RDF by ``Accept`` or suffix."""
    iri, fmt = resolve(kind, key)
    store = state().store
    if fmt is None:  # no suffix: RDF only when the client ranks an RDF format above HTML
        best = negotiation.best_match(request.accept_mimetypes, ["text/html"] + negotiation.offers("graph"))
        fmt = negotiation.by_media_type(best).name if best not in (None, "text/html") else None
    try:
        node = ox.NamedNode(iri)
    except ValueError:  # a space or another character no IRI may hold: no such resource
        abort(404, f"no resource {iri}")
    if fmt:
        triples = store.query(DESCRIBE_Q, {"s": node}).triples
        if not triples:
            abort(404, f"no resource {iri}")
        media = next(f.media_type for f in negotiation.GRAPH_FORMATS if f.name == fmt)
        response = Response(results.write_graph(triples, fmt), mimetype=media)
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

    :param kind: the first path segment (``region``, ``programme`` …).
    :param key: the rest of the path, possibly with a format suffix.
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
        if local(r["p"].value) != DENOTES and len(incoming[r["p"].value]) < PER_PREDICATE:
            incoming[r["p"].value].append(term_view(r["x"]))
    if not outgoing and not counts:
        abort(404, f"no resource {iri}")
    figures = store.query(FIGURES_Q, {"s": node}, max_rows=MAX_FIGURES)
    mentions = store.query(MENTIONS_Q, {"s": node}, max_rows=MAX_MENTIONS)
    kind = cat.types.get(iri, "")
    return {
        "iri": iri,
        "label": cat.label(iri, g.lang),
        "kind": kind,
        "aliases": cat.alt_labels.get(iri, []),
        "ancestors": [term_view(ox.NamedNode(a)) for a in cat.ancestors(iri)],
        "outgoing": sorted((cat.label(p, g.lang), compact(p), vs) for p, vs in outgoing.items()),
        "incoming": sorted((incoming_label(p, g.lang) or t("incoming_of", label=cat.label(p, g.lang)), compact(p), vs,
                            counts.get(p, len(vs)) - len(vs))
                           for p, vs in incoming.items() if vs),
        "figures": [{k: term_view(v) for k, v in r.items()} for r in figures.records()],
        "figures_truncated": figures.truncated,
        "mentions": sentences_view(mentions.records()),
        "mentions_total": sum(n for p, n in counts.items() if local(p) == DENOTES),
        "network": kind in ENTITY_TYPES,
        "diffusion": kind in (PROGRAMME, INITIATIVE, CONCEPT),
        "adopters": [term_view(ox.NamedNode(r)) for r in cat.adopters(iri)] if kind == CONCEPT else [],
        "similar": _similar(iri) if kind == REGION else None,
        "path": local_path(iri),
        "ref": kind_and_key(iri),
    }


def _similar(iri: str) -> dict | None:
    """The regions like a region, as its page shows them (none when no article is about it)."""
    table = similar_regions(iri)
    return view(table) if table is not None and table.rows else None


def sentences_view(rows: list[dict]) -> list[dict]:
    """The sentences that name the entity, each once with every mention of it marked, in corpus order.

    A mention whose offsets disagree with its sentence's text is not marked (the sentence still shows).
    """
    sentences: dict[tuple, dict] = {}
    for row in rows:
        key = (row["article"].value, int(row["s_start"].value))
        sentence = sentences.setdefault(key, {"text": row["text"].value, "marks": [], "article": row["article"]})
        at, surface = int(row["start"].value) - key[1], row["surface"].value
        if sentence["text"][at:at + len(surface)] == surface:
            sentence["marks"].append((at, at + len(surface), row["m"].value))
    return [_marked(s) for s in sentences.values()]


def _marked(sentence: dict) -> dict:
    """A sentence as segments of text, the marked ones with the mention's page; marks overlapping an
    earlier one are dropped (one sentence, one reading)."""
    text, segments, cursor, first = sentence["text"], [], 0, None
    for start, end, mention in sorted(sentence["marks"]):
        if start < cursor:
            continue
        segments += [{"text": text[cursor:start]}, {"text": text[start:end], "href": local_path(mention)}]
        cursor, first = end, first or mention
    segments.append({"text": text[cursor:]})
    article = sentence["article"]
    anchor = "-".join(kind_and_key(first)) if first else None
    return {"segments": [s for s in segments if s["text"]], "article": term_view(article),
            "reader": url_for("reader.article", key=kind_and_key(article.value)[1], _anchor=anchor)}


@bp.route("/search")
def search():
    """Search results as pages; a name that only one entity bears goes straight to that entity."""
    q = request.args.get("q", "")
    cat = state().catalogue
    hits = cat.search(q, limit=len(cat.types))
    exact = [iri for iri in hits if q.strip().casefold() in cat.names(iri)]
    if len(exact) == 1:
        return redirect(local_path(exact[0]))
    page = paging.requested(lambda: len(hits))
    return render_template("entities/search.html", q=q, page=page,
                           hits=[suggestion(i) for i in hits[page.offset:page.offset + page.size]])


@bp.route("/search.json")
def search_json():
    """Suggestions for the search box: label, type and path of up to 10 entities."""
    hits = state().catalogue.search(request.args.get("q", ""), limit=10)
    return jsonify([suggestion(i) for i in hits])


def suggestion(iri: str) -> dict:
    """What a search result shows: label, type, and where it comes from, so same-named items of
    different regions are told apart (人才强市战略 · 成都市) and a shared item says how many regions have it."""
    cat = state().catalogue
    kind = cat.types.get(iri, "")
    adopters = cat.adopters(iri) if kind in (PROGRAMME, INITIATIVE, CONCEPT) else []
    if kind == CONCEPT:
        context = t("regions_n", n=len(adopters))
    else:
        context = t("list_sep").join(cat.label(r, g.lang) for r in adopters[:3]) + ("…" if len(adopters) > 3 else "")
    return {"iri": iri, "label": cat.label(iri, g.lang), "type": kind, "kind": t(kind) if kind else "",
            "context": context, "path": local_path(iri)}

