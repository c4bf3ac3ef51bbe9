"""SHACL validation of a built graph against ``ontology/shapes.ttl``."""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph, Namespace

from .errors import OntologyError

SHAPES = Path(__file__).resolve().parent.parent / "ontology" / "shapes.ttl"
SH = Namespace("http://www.w3.org/ns/shacl#")


def validate(graph: Graph, shapes: Path = SHAPES) -> list[str]:
    """One line per violation (focus node, path, message); empty when the graph conforms."""
    import pyshacl

    try:
        shapes_graph = Graph().parse(shapes, format="turtle")
    except (OSError, SyntaxError, ValueError) as exc:
        raise OntologyError(f"{shapes}: cannot read the SHACL shapes ({exc})") from exc
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
