"""Generate ``graph/vocab.py`` from ``ontology/orgkg.ttl``.

The vocabulary module is a :class:`rdflib.namespace.DefinedNamespace` with
``_fail = True``, so a misspelt term is an error at import time rather than a
silent new IRI in the graph. Run ``orgkg vocab`` after editing the ontology;
a test fails when the two disagree.
"""
from __future__ import annotations

from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, URIRef

from .errors import OntologyError

NAMESPACE = "https://w3id.org/orgkg/ontology#"
ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "ontology" / "orgkg.ttl"
MODULE = Path(__file__).resolve().parent / "vocab.py"
KINDS = (("Classes", OWL.Class), ("Object properties", OWL.ObjectProperty), ("Datatype properties", OWL.DatatypeProperty))


def ontology_terms(path: Path = ONTOLOGY) -> dict[str, tuple[str, str]]:
    """Local name -> (kind heading, English label) for every term the ontology defines."""
    try:
        graph = Graph().parse(path, format="turtle")
    except (OSError, SyntaxError, ValueError) as exc:
        raise OntologyError(f"{path}: cannot read the ontology ({exc})") from exc
    terms = {}
    for heading, kind in KINDS:
        for term in graph.subjects(RDF.type, kind):
            if isinstance(term, URIRef) and str(term).startswith(NAMESPACE):
                english = next((str(l) for l in graph.objects(term, RDFS.label) if getattr(l, "language", None) == "en"), "")
                terms[str(term)[len(NAMESPACE):]] = (heading, english)
    return terms


def render(path: Path = ONTOLOGY) -> str:
    """The text of the vocabulary module for the ontology at ``path``."""
    terms = ontology_terms(path)
    lines = [
        '"""The orgkg vocabulary as Python names. Generated from ontology/orgkg.ttl by `orgkg vocab`: do not edit."""',
        "from rdflib.namespace import DefinedNamespace, Namespace",
        "from rdflib.term import URIRef",
        "",
        "",
        "class OK(DefinedNamespace):",
        '    """https://w3id.org/orgkg/ontology#"""',
        "",
        "    _fail = True",
        f'    _NS = Namespace("{NAMESPACE}")',
    ]
    for heading, _ in KINDS:
        names = sorted(n for n, (h, _) in terms.items() if h == heading)
        if names:
            lines += ["", f"    # {heading}"]
            lines += [f"    {n}: URIRef  # {terms[n][1]}" for n in names]
    return "\n".join(lines) + "\n"


def write(path: Path = ONTOLOGY, module: Path = MODULE) -> Path:
    """Write the module, through a temporary file so a failure leaves the old one intact."""
    text = render(path)
    tmp = module.with_suffix(".py.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(module)
    return module
