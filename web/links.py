"""Mapping resource IRIs to the app's paths and terms to what a page shows.

Resource IRIs live under ``RESOURCE_BASE`` (``https://w3id.org/orgkg/id/`` by
default); the app serves ``<base>region/110000`` at ``/id/region/110000``.
"""
from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox
from flask import current_app, g

from orgkg.graph.store import PREFIXES

from .i18n import MESSAGES, t
from .state import state

XSD_STRING = PREFIXES["xsd"] + "string"


def local_path(iri: str) -> str | None:
    """The app path serving ``iri``, or ``None`` when it is not one of the graph's resources."""
    base = current_app.config["RESOURCE_BASE"]
    return "/id/" + iri[len(base):] if iri.startswith(base) and len(iri) > len(base) else None


def kind_and_key(iri: str) -> tuple[str, str]:
    """The two parts of a resource IRI's path under the base: ``("region", "110000")``.

    :raises ValueError: for an IRI outside the base.
    """
    path = local_path(iri)
    if path is None:
        raise ValueError(f"{iri} is not under {current_app.config['RESOURCE_BASE']}")
    kind, _, key = path[len("/id/"):].partition("/")
    return kind, key


def compact(iri: str) -> str:
    """``iri`` as a prefixed name when a known prefix fits.

    >>> compact("http://www.w3.org/2000/01/rdf-schema#label"), compact("http://example.org/x")
    ('rdfs:label', 'http://example.org/x')
    """
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


@dataclass(frozen=True)
class TermView:
    """A term as a page shows it: text, an optional link, a note (language, datatype or IRI), and the
    language of a tagged literal (the page marks it, ``lang="en"``, so readers and checkers know it is data)."""

    text: str
    href: str | None = None
    note: str = ""
    lang: str = ""
    kind: str = ""  #: a resource's type (``Region``), which its tooltip names in the page's language


def code_text(value: str) -> str:
    """A coded value (``county``, ``national``, ``shared``) in the page's language; any other text as it is."""
    return t("value_" + value) if "value_" + value in MESSAGES else value


def term_view(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> TermView:
    """How a page shows ``term``: resources by label with a link, other IRIs compacted, codes in words, literals as text."""
    if isinstance(term, ox.NamedNode):
        path = local_path(term.value)
        if path is None:
            return TermView(compact(term.value), note=term.value)
        cat = state().catalogue
        return TermView(cat.label(term.value, g.lang), href=path, note=term.value, kind=cat.types.get(term.value, ""))
    if isinstance(term, ox.Literal):
        note = term.language or ("" if term.datatype.value == XSD_STRING else compact(term.datatype.value))
        return TermView(code_text(term.value) if not note else term.value, note=note, lang=term.language or "")
    return TermView(str(term))
