"""Generate ``graph/vocab.py`` from ``ontology/orgkg.ttl``.

The vocabulary module is a :class:`rdflib.namespace.DefinedNamespace` with
``_fail = True``, so a misspelt term is an error at import time rather than a
silent new IRI in the graph. Run ``orgkg vocab`` in a checkout after editing
the ontology; a test fails when the two disagree.
"""
from __future__ import annotations

from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, URIRef

from orgkg.resources import ontology_file

from .errors import OntologyError

NAMESPACE = "https://w3id.org/orgkg/ontology#"
#: Where ``orgkg vocab`` reads and writes, relative to a checkout's top folder.
ONTOLOGY = Path("ontology/orgkg.ttl")
MODULE = Path("graph/vocab.py")
KINDS = (("Classes", OWL.Class), ("Object properties", OWL.ObjectProperty), ("Datatype properties", OWL.DatatypeProperty))


def ontology_terms(text: str | None = None) -> dict[str, tuple[str, str]]:
    """Local name -> (kind heading, English label) for every term the ontology defines.

    :param text: the ontology in Turtle; the packaged ``orgkg.ttl`` by default.
    """
    try:
        graph = Graph().parse(data=text or ontology_file("orgkg.ttl").read_text(encoding="utf-8"), format="turtle")
    except (OSError, SyntaxError, ValueError) as exc:
        raise OntologyError(f"cannot read the ontology ({exc})") from exc
    terms = {}
    for heading, kind in KINDS:
        for term in graph.subjects(RDF.type, kind):
            if isinstance(term, URIRef) and str(term).startswith(NAMESPACE):
                english = next((str(l) for l in graph.objects(term, RDFS.label) if getattr(l, "language", None) == "en"), "")
                terms[str(term)[len(NAMESPACE):]] = (heading, english)
    return terms


def render(text: str | None = None) -> str:
    """The text of the vocabulary module for an ontology (the packaged one by default)."""
    terms = ontology_terms(text)
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
    """Write the module from the ontology file, through a temporary file so a failure leaves the old one intact.

    :raises OntologyError: when the paths are not those of a checkout.
    """
    if not path.is_file() or not module.parent.is_dir():
        raise OntologyError(f"{path} or {module.parent}/ not found: run `orgkg vocab` in the top folder of a checkout")
    text = render(path.read_text(encoding="utf-8"))
    tmp = module.with_suffix(".py.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(module)
    return module
