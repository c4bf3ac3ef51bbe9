"""Writing answers in the SPARQL results formats and the RDF formats, by format name.

pyoxigraph serialises only whole lazy results, and the row cap needs an answer
already in hand, so SELECT/ASK answers are written here; graphs go through
:func:`pyoxigraph.serialize`. Which format a client gets (media types, ``Accept``)
is the web app's business, not this module's.
"""
from __future__ import annotations

import csv
import io
import json
import re
from typing import Callable, Iterable
from xml.etree import ElementTree as ET

import pyoxigraph as ox

from ..errors import AnswerFormatError
from . import RDF_FORMATS, Answer, Term, write_triples

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
SPARQL_RESULTS_NS = "http://www.w3.org/2005/sparql-results#"


#: The names of the formats each form of answer is written in, preferred first.
FORMS = {"select": ("json", "xml", "csv", "tsv"), "ask": ("json", "xml", "csv", "tsv"), "graph": tuple(RDF_FORMATS)}


def write(answer: Answer, name: str) -> bytes:
    """Write ``answer`` in the format ``name`` (one of :data:`FORMS` for its form).

    :raises KeyError: for a name its form has no writer for.
    """
    if answer.form == "graph":
        return write_graph(answer.triples, name)
    return WRITERS[name](answer)


def write_graph(triples: Iterable[ox.Triple], name: str) -> bytes:
    """Triples as Turtle, N-Triples or JSON-LD (``ttl``, ``nt``, ``jsonld``).

    :raises AnswerFormatError: when the format cannot carry them (JSON-LD has no triple terms).
    """
    try:
        return write_triples(triples, RDF_FORMATS[name])
    except (OSError, ValueError) as exc:
        raise AnswerFormatError(f"the answer cannot be written as {name} ({exc}); ask for Turtle or N-Triples") from exc


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


#: Characters XML 1.0 cannot hold, not even as character references.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml(answer: Answer) -> bytes:
    if any(NOT_XML.search(json_term(t)["value"] if not isinstance(t, ox.Triple) else str(t))
           for row in answer.rows for t in row if t is not None):
        raise AnswerFormatError("the answer holds control characters XML 1.0 cannot carry; ask for JSON, CSV or TSV")
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
