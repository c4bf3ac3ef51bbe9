"""Which format a client gets: media types, file extensions, ``format=`` names and ``Accept`` ranking.

The writers behind each format name are the store's (:mod:`orgkg.graph.store.results`);
what HTTP calls them is decided here.
"""
from __future__ import annotations

from dataclasses import dataclass

from werkzeug.datastructures import MIMEAccept


@dataclass(frozen=True)
class Format:
    """One output format: its ``format=`` name (the store's writer name), media type and file extension."""

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
#: Other names clients give in ``format=`` (SPARQLWrapper sends ``turtle`` and ``n3``).
NAME_ALIASES = {"turtle": "ttl", "n3": "ttl", "ntriples": "nt", "n-triples": "nt", "json-ld": "jsonld"}


def formats_for(form: str) -> tuple[Format, ...]:
    """The formats an answer of this form (``select``, ``ask``, ``graph``) can be written in, preferred first."""
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


def by_name(name: str, form: str) -> Format | None:
    """The format a ``format=`` value names (a name, alias or media type), if ``form`` can be written in it.

    >>> by_name("turtle", "graph").media_type, by_name("text/csv", "select").name, by_name("csv", "graph")
    ('text/turtle', 'csv', None)
    """
    name = NAME_ALIASES.get(name.lower(), ALIASES.get(name.lower(), name.lower()))
    return next((f for f in formats_for(form) if name in (f.name, f.media_type)), None)
