"""SHACL validation of a built graph against ``ontology/shapes.ttl``."""
from __future__ import annotations

from rdflib import Graph, Namespace

from orgkg.resources import ontology_file

from .errors import OntologyError

SH = Namespace("http://www.w3.org/ns/shacl#")


def validate(graph: Graph, shapes: str | None = None) -> list[str]:
    """One line per violation (focus node, path, message); empty when the graph conforms.

    :param shapes: SHACL shapes in Turtle; the packaged ``ontology/shapes.ttl`` by default.
    """
    import pyshacl

    try:
        shapes_graph = Graph().parse(data=shapes or ontology_file("shapes.ttl").read_text(encoding="utf-8"),
                                     format="turtle")
    except (OSError, SyntaxError, ValueError) as exc:
        raise OntologyError(f"cannot read the SHACL shapes ({exc})") from exc
    conforms, report, _ = pyshacl.validate(graph, shacl_graph=shapes_graph, inference="none", advanced=True)
    if conforms:
        return []
    lines = []
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        lines.append(f"{focus}\t{path}\t{message}")
    return sorted(lines)
