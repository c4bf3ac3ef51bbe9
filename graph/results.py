"""Writing answers in the SPARQL results formats and RDF formats, and choosing one.

pyoxigraph serialises only whole lazy results, and the row cap needs an answer
already in hand, so SELECT/ASK answers are written here; graphs go through
:func:`pyoxigraph.serialize`.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Callable
from xml.etree import ElementTree as ET

import pyoxigraph as ox
from werkzeug.datastructures import MIMEAccept

from .store import Answer, Term, write_triples

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
SPARQL_RESULTS_NS = "http://www.w3.org/2005/sparql-results#"


@dataclass(frozen=True)
class Format:
    """One output format: its ``format=`` name, media type and file extension."""

    name: str
    media_type: str
    extension: str


RESULT_FORMATS = (
    Format("json", "application/sparql-results+json", "srj"),
    Format("xml", "application/sparql-results+xml", "srx"),
    Format("csv", "text/csv", "csv"),
    Format("tsv", "text/tab-separated-values", "tsv"),
)
GRAPH_FORMATS = (
    Format("ttl", "text/turtle", "ttl"),
    Format("nt", "application/n-triples", "nt"),
    Format("jsonld", "application/ld+json", "jsonld"),
)
#: Media types clients send that mean one of the formats above.
ALIASES = {
    "application/json": "json",
    "application/xml": "xml",
    "text/xml": "xml",
    "application/x-turtle": "ttl",
    "text/plain": "nt",
}
OX_GRAPH_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD}


def formats_for(form: str) -> tuple[Format, ...]:
    """The formats an answer of this form can be written in, preferred first."""
    return GRAPH_FORMATS if form == "graph" else RESULT_FORMATS


def offers(form: str) -> list[str]:
    """Media types to negotiate among for an answer of ``form``, preferred first."""
    own = formats_for(form)
    names = {f.name for f in own}
    return [f.media_type for f in own] + [m for m, n in ALIASES.items() if n in names]


def best_match(accept: MIMEAccept, offers: list[str]) -> str | None:
    """The offer ``accept`` ranks highest by q-value, ties going to the earlier offer; the first offer without ``Accept``.

    :param accept: the request's parsed ``Accept`` header.
    :param offers: media types, the server's preference first.

    >>> best_match(MIMEAccept([("text/csv", 0.5), ("*/*", 0.1)]), ["application/json", "text/csv"])
    'text/csv'
    """
    return accept.best_match(offers) if accept else offers[0]


def by_media_type(media_type: str) -> Format:
    """The format a negotiated media type stands for.

    >>> by_media_type("application/json").name
    'json'
    """
    name = ALIASES.get(media_type)
    return next(f for f in RESULT_FORMATS + GRAPH_FORMATS if f.media_type == media_type or f.name == name)


#: Other names clients give in ``format=`` (SPARQLWrapper sends ``turtle`` and ``n3``).
NAME_ALIASES = {"turtle": "ttl", "n3": "ttl", "ntriples": "nt", "n-triples": "nt", "json-ld": "jsonld"}


def by_name(name: str, form: str) -> Format | None:
    """The format a ``format=`` value names (a name, alias or media type), if ``form`` can be written in it.

    >>> by_name("turtle", "graph").media_type, by_name("text/csv", "select").name, by_name("csv", "graph")
    ('text/turtle', 'csv', None)
    """
    name = NAME_ALIASES.get(name.lower(), ALIASES.get(name.lower(), name.lower()))
    return next((f for f in formats_for(form) if name in (f.name, f.media_type)), None)


def serialize(answer: Answer, fmt: Format) -> bytes:
    """Write ``answer`` in a format.

    :param answer: a complete answer.
    :param fmt: one of :func:`formats_for` the answer's form.
    """
    if answer.form == "graph":
        return serialize_triples(answer.triples, fmt.name)
    return WRITERS[fmt.name](answer)


def serialize_triples(triples, name: str) -> bytes:
    """Triples as Turtle, N-Triples or JSON-LD.

    :param triples: pyoxigraph triples.
    :param name: ``ttl``, ``nt`` or ``jsonld``.
    """
    return write_triples(triples, OX_GRAPH_FORMATS[name])


def json_term(term: Term) -> dict:
    """A term in SPARQL 1.1 JSON results form.

    >>> json_term(ox.Literal("北京", language="zh"))
    {'type': 'literal', 'value': '北京', 'xml:lang': 'zh'}
    """
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        parts = {"subject": term.subject, "predicate": term.predicate, "object": term.object}
        return {"type": "triple", "value": {k: json_term(v) for k, v in parts.items()}}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != XSD_STRING:
        out["datatype"] = term.datatype.value
    return out


def _json(answer: Answer) -> bytes:
    if answer.form == "ask":
        doc = {"head": {}, "boolean": answer.boolean}
    else:
        bindings = [
            {v: json_term(t) for v, t in zip(answer.variables, row) if t is not None} for row in answer.rows
        ]
        doc = {"head": {"vars": list(answer.variables)}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False).encode()


def _xml(answer: Answer) -> bytes:
    root = ET.Element("sparql", xmlns=SPARQL_RESULTS_NS)
    head = ET.SubElement(root, "head")
    if answer.form == "ask":
        ET.SubElement(root, "boolean").text = "true" if answer.boolean else "false"
    else:
        for v in answer.variables:
            ET.SubElement(head, "variable", name=v)
        results = ET.SubElement(root, "results")
        for row in answer.rows:
            result = ET.SubElement(results, "result")
            for v, term in zip(answer.variables, row):
                if term is not None:
                    _xml_term(ET.SubElement(result, "binding", name=v), term)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _xml_term(parent: ET.Element, term: Term) -> None:
    data = json_term(term)
    if data["type"] == "triple":
        triple = ET.SubElement(parent, "triple")
        for part in ("subject", "predicate", "object"):
            _xml_term(ET.SubElement(triple, part), getattr(term, part))
        return
    attrs = {k.replace("xml:lang", "{http://www.w3.org/XML/1998/namespace}lang"): v for k, v in data.items()}
    ET.SubElement(parent, attrs.pop("type"), {k: v for k, v in attrs.items() if k != "value"}).text = data["value"]


def _csv(answer: Answer) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    if answer.form == "ask":
        writer.writerow(["true" if answer.boolean else "false"])
    else:
        writer.writerow(answer.variables)
        for row in answer.rows:
            writer.writerow(["" if t is None else _csv_value(t) for t in row])
    return buffer.getvalue().encode()


def _csv_value(term: Term) -> str:
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value if isinstance(term, (ox.NamedNode, ox.Literal)) else str(term)


def _tsv(answer: Answer) -> bytes:
    if answer.form == "ask":
        return b"true\n" if answer.boolean else b"false\n"
    lines = ["\t".join(f"?{v}" for v in answer.variables)]
    for row in answer.rows:
        lines.append("\t".join("" if t is None else str(t).replace("\t", "\\t") for t in row))
    return ("\n".join(lines) + "\n").encode()


WRITERS: dict[str, Callable[[Answer], bytes]] = {"json": _json, "xml": _xml, "csv": _csv, "tsv": _tsv}
