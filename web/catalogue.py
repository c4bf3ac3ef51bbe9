"""What every page needs and no page should query for: labels, types, the region tree, degrees.

Built once at start-up from a handful of SPARQL queries, so it works the same
against the in-process store and an external endpoint.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from orgkg.graph.store import PREFIXES, PROLOGUE, GraphStore

from .english import english_names
from .labels import THIRD_PARTY
from .terms import ARTICLE, CONCEPT, HAS_CONCEPT, IMPLEMENTS, INDICATOR, INITIATIVE, LINKS, MEASURE, PROGRAMME, REGION, local, ok

#: Types shown in networks and search, in legend order, with their colours.
ENTITY_TYPES = {REGION: "#2b7bb9", PROGRAMME: "#d9822b", INITIATIVE: "#3a9d5d"}
SEARCHABLE = (REGION, PROGRAMME, INITIATIVE, CONCEPT, INDICATOR, ARTICLE)

TYPES_Q = PROLOGUE + "SELECT ?s ?type WHERE { ?s a ?type FILTER(STRSTARTS(STR(?type), STR(ok:))) }"
LABELS_Q = PROLOGUE + "SELECT ?s ?label WHERE { { ?s rdfs:label ?label } UNION { ?s dcterms:title ?label } }"
TEXTS_Q = PROLOGUE + f"""SELECT ?s ?label WHERE {{
  {{ ?s {ok.sourceText} ?label }} UNION {{ ?s {ok.surface} ?label }} UNION {{ ?s {ok.text} ?label }} }}"""
ALTS_Q = PROLOGUE + "SELECT ?s ?alt WHERE { ?s skos:altLabel ?alt }"
PARENTS_Q = PROLOGUE + f"SELECT ?r ?parent WHERE {{ ?r a {ok.Region} ; {ok.partOf} ?parent }}"
LINKS_Q = PROLOGUE + f"""SELECT ?s ?p ?o WHERE {{
  VALUES ?p {{ {" ".join("ok:" + name for name in LINKS)} }} ?s ?p ?o }}"""

TEXT_LABEL_LENGTH = 40
#: The catalogue file a store folder may hold (``orgkg build --store`` writes it), and its layout's version.
FILE = "catalogue.json"
FILE_VERSION = 4
#: entries per line of the catalogue file (a line parses in a few milliseconds), and its sections besides links
CHUNK = 2000
SECTIONS = ("types", "labels", "alt_labels", "parents")


@dataclass
class Catalogue:
    """Precomputed lookups over the graph; IRIs are plain strings.

    ``network`` holds the links the network views draw (:data:`~.terms.LINKS`:
    implements, partOf, mentions …) as a networkx multigraph whose edge keys are
    the properties' local names, so views can take neighbourhoods and degrees from it.
    """

    types: dict[str, str] = field(default_factory=dict)
    labels: dict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))
    alt_labels: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    parents: dict[str, str] = field(default_factory=dict)
    network: nx.MultiDiGraph = field(default_factory=nx.MultiDiGraph)

    @classmethod
    def build(cls, store: GraphStore, timeout: float = 300) -> Catalogue:
        """Run the catalogue queries against ``store``.

        :param store: the graph to catalogue.
        :param timeout: seconds each query may take (generous: this runs once, at start-up).
        """
        cat = cls()
        run = lambda q: store.query(q, timeout=timeout).records()  # noqa: E731
        for r in run(TYPES_Q):
            # Measure is a superclass only; keep the most specific type.
            if cat.types.get(r["s"].value) in (None, MEASURE):
                cat.types[r["s"].value] = local(r["type"].value)
        for query in (TEXTS_Q, LABELS_Q):  # proper labels overwrite text snippets
            for r in run(query):
                cat._add_label(r["s"].value, r["label"])
        for iri, kind in cat.types.items():  # the graph names places in Chinese only; search finds the pinyin too
            if kind == REGION and iri in cat.labels:
                for tag, name in english_names(cat.label(iri)).items():
                    cat.labels[iri].setdefault(tag, name)
        for r in run(ALTS_Q):
            cat.alt_labels[r["s"].value].append(r["alt"].value)
        for r in run(PARENTS_Q):
            cat.parents[r["r"].value] = r["parent"].value
        for r in run(LINKS_Q):
            cat.network.add_edge(r["s"].value, r["o"].value, key=local(r["p"].value))
        return cat

    def to_json(self) -> bytes:
        """The catalogue as JSON lines, to keep beside a store (:func:`saved_with`) so a server starts at once.

        The first line names the version; each other holds one section's entries, at most
        :data:`CHUNK` of them, so reading it back (:meth:`from_json`) never holds the
        interpreter for long: a server reading a large catalogue answers queries meanwhile.
        """
        edges = [[s, o, key] for s, o, key in self.network.edges(keys=True)]
        sections = {name: list(getattr(self, name).items()) for name in SECTIONS} | {"links": edges}
        lines = [json.dumps({"version": FILE_VERSION})]
        for name, entries in sections.items():
            lines += (json.dumps([name, entries[i:i + CHUNK]], ensure_ascii=False, separators=(",", ":"))
                      for i in range(0, len(entries), CHUNK))
        return "\n".join(lines).encode("utf-8")

    @classmethod
    def from_json(cls, data: bytes) -> Catalogue:
        """The catalogue :meth:`to_json` wrote.

        :raises ValueError: when ``data`` is not such a catalogue (or of another version).
        """
        lines = data.split(b"\n")
        head = json.loads(lines[0])
        if not isinstance(head, dict) or head.get("version") != FILE_VERSION:
            raise ValueError("not an orgkg catalogue of this version")
        cat = cls()
        for line in lines[1:]:
            name, entries = json.loads(line)
            if name == "links":
                cat.network.add_edges_from((s, o, key) for s, o, key in entries)
            elif name in SECTIONS:
                getattr(cat, name).update(entries)
            else:
                raise ValueError(f"not an orgkg catalogue: unknown section {name!r}")
        return cat

    @cached_property
    def adoption(self) -> dict[str, set[str]]:
        """Each item's implementing regions, a shared item's being those of the items that share it.

        Computed once, in one pass over the links, for views that need every item's (the network overview).
        """
        direct: dict[str, set[str]] = defaultdict(set)
        for s, o, p in self.network.edges(keys=True):
            if p == IMPLEMENTS:
                direct[o].add(s)
        found = {item: regions for item, regions in direct.items() if self.types.get(item) != CONCEPT}
        for s, o, p in self.network.edges(keys=True):
            if p == HAS_CONCEPT and self.types.get(o) == CONCEPT:
                found.setdefault(o, set()).update(direct.get(s, ()))
        return found

    def adopters(self, iri: str) -> list[str]:
        """The regions that implement an item, or, for a shared item, those of the items that share it."""
        return sorted(self.adoption.get(iri, ()), key=self.label)

    def degree(self, iri: str) -> int:
        """How many links an entity has in the network (0 when it has none)."""
        return self.network.degree(iri) if iri in self.network else 0

    def add_vocabulary(self, ontology: bytes) -> None:
        """Take the labels of the ontology's classes and properties, and of the terms it borrows
        (:data:`~.labels.THIRD_PARTY`), so pages can name them in either language.

        :param ontology: the ontology in Turtle.
        """
        for iri, (zh, en) in THIRD_PARTY.items():
            self.labels[iri].update({"zh": zh, "en": en})
        label = ox.NamedNode(PREFIXES["rdfs"] + "label")
        for quad in ox.parse(ontology, format=ox.RdfFormat.TURTLE):
            if quad.predicate == label and isinstance(quad.object, ox.Literal):
                self._add_label(quad.subject.value, quad.object)

    def _add_label(self, iri: str, literal: ox.Literal) -> None:
        text = literal.value if len(literal.value) <= TEXT_LABEL_LENGTH else literal.value[:TEXT_LABEL_LENGTH] + "…"
        self.labels[iri][literal.language or ""] = text

    def label(self, iri: str, lang: str = "zh") -> str:
        """The best label of ``iri`` for ``lang``, falling back to any label, then to the IRI's last segment.

        :param iri: a resource or vocabulary term.
        :param lang: ``"zh"`` or ``"en"``.

        >>> cat = Catalogue()
        >>> cat.labels["http://x/a"].update({"zh": "党员总数", "en": "party members"})
        >>> cat.label("http://x/a", "en"), cat.label("http://x/a"), cat.label("http://x/b")
        ('party members', '党员总数', 'b')
        """
        found = self.labels.get(iri)
        if found:
            return found.get(lang) or found.get("zh") or found.get("") or next(iter(found.values()))
        return iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]

    def ancestors(self, iri: str) -> list[str]:
        """The regions containing ``iri``, innermost first (cycles are cut)."""
        chain, node = [], self.parents.get(iri)
        while node and node not in chain and node != iri:
            chain.append(node)
            node = self.parents.get(node)
        return chain

    def province(self, iri: str) -> str:
        """The outermost region containing ``iri``, or ``iri`` itself."""
        chain = self.ancestors(iri)
        return chain[-1] if chain else iri

    def names(self, iri: str) -> set[str]:
        """The labels and aliases of ``iri``, case-folded for matching."""
        return {n.casefold() for n in (*self.labels.get(iri, {}).values(), *self.alt_labels.get(iri, ()))}

    def search(self, text: str, limit: int = 20) -> list[str]:
        """IRIs of searchable entities whose label or alias contains ``text``.

        Exact matches come first, then prefix matches, then the rest, each by degree.

        :param text: what the user typed; matched case-insensitively as a substring.
        :param limit: the most IRIs to return.
        """
        needle = text.strip().casefold()
        if not needle:
            return []
        ranked = []
        for iri, kind in self.types.items():
            if kind not in SEARCHABLE:
                continue
            hits = [0 if n == needle else 1 if n.startswith(needle) else 2 for n in self.names(iri) if needle in n]
            if hits:
                ranked.append((min(hits), -self.degree(iri), self.label(iri), iri))
        return [iri for *_, iri in sorted(ranked)[:limit]]


def saved_with(store: GraphStore, folder: str | Path) -> Catalogue:
    """The catalogue kept in a store folder if it holds one that reads, else one built from ``store``.

    A store folder is replaced whole when it is rebuilt, so a catalogue inside it always
    belongs to its graph.
    """
    path = Path(folder) / FILE
    if path.is_file():
        try:
            return Catalogue.from_json(path.read_bytes())
        except (ValueError, KeyError, TypeError, OSError):
            pass  # unreadable or of another version: built afresh below
    return Catalogue.build(store)
