"""The browse tables as data: what each lists, its columns, its facets and its default order.

A table lists the resources of one type as ``?item``. A column is a variable
bound by an optional pattern (so a missing value leaves the cell empty, never
the row out) or a count taken in a subquery. A facet filters by a variable: its
pattern is added, required, only while it filters or is counted, and the
chosen value is pinned through the store's bindings, never written into the query.
"""
from __future__ import annotations

from dataclasses import dataclass

from .terms import (
    ARTICLE,
    CONCEPT,
    FIGURE,
    INDICATOR,
    INITIATIVE,
    MENTION,
    PROGRAMME,
    REGION,
    ok,
)

LABEL = '?item rdfs:label|dcterms:title ?label FILTER(LANG(?label) IN ("zh", ""))'


def province_of(var: str) -> str:
    """A pattern binding ``?province`` to the outermost region containing ``var``, or to ``var`` itself."""
    return f"{var} {ok.partOf}* ?province FILTER NOT EXISTS {{ ?province {ok.partOf} ?above }}"


@dataclass(frozen=True)
class Column:
    """One column: its name (JSON and CSV key, sort key, heading ``col_<name>``), and how it is bound."""

    name: str
    pattern: str  # binds ?<name> from ?item; for a count, binds ?x, each distinct ?x counted
    count: bool = False
    link: bool = False  # holds a resource: shown by label, linked, its IRI in a column <name>_iri of its own

    @property
    def select(self) -> str:
        return f"(COALESCE(?{self.name}_n, 0) AS ?{self.name})" if self.count else f"?{self.name}"

    @property
    def where(self) -> str:
        if self.count:
            return (f"OPTIONAL {{ SELECT ?item (COUNT(DISTINCT ?x) AS ?{self.name}_n) "
                    f"WHERE {{ {self.pattern} }} GROUP BY ?item }}")
        return f"OPTIONAL {{ {self.pattern} }}"


@dataclass(frozen=True)
class Facet:
    """A filter by the values of ``?<name>``: ``literal`` strings, ``resource`` IRIs, ``class`` names or
    ``property`` names (prefixed: ``prov:wasDerivedFrom``)."""

    name: str
    pattern: str
    values: str = "literal"
    counted: bool = True  # False for a filter with too many values to list (one entity among thousands)


@dataclass(frozen=True)
class Table:
    """A browse table: its URL name, the type it lists, columns, facets and default order."""

    name: str
    kind: str
    columns: tuple[Column, ...]
    facets: tuple[Facet, ...] = ()
    sort: str = "label"
    descending: bool = False
    title: str = "label"  # the column whose cell links to the row's own page
    base: str = ""  # the pattern binding ?item, when it is not "every resource of type kind"
    required: tuple[str, ...] = ()  # facets the table cannot be listed without

    @property
    def pattern(self) -> str:
        return self.base or f"?item a {getattr(ok, self.kind)} ."

    def column(self, name: str) -> Column | None:
        return next((c for c in self.columns if c.name == name), None)

    def facet(self, name: str) -> Facet | None:
        return next((f for f in self.facets if f.name == name), None)


def _measures(name: str, kind: str) -> Table:
    """Programmes and initiatives are browsed alike."""
    return Table(name, kind, (
        Column("label", LABEL),
        Column("scope", f"?item {ok.scope} ?scope"),
        Column("concept", f"?item {ok.concept} ?concept", link=True),
        Column("regions", f"?x {ok.implements} ?item", count=True),
        Column("articles", f"?x {ok.mentions} ?item", count=True),
    ), (
        Facet("scope", f"?item {ok.scope} ?scope"),
        Facet("province", f"?adopter {ok.implements} ?item . " + province_of("?adopter"), "resource"),
    ), sort="regions", descending=True)


TABLES = {t.name: t for t in (
    Table("articles", ARTICLE, (
        Column("position", f"?item {ok.position} ?position"),
        Column("label", LABEL),
        Column("level", f"?item {ok.articleLevel} ?level"),
        Column("about", f"?item {ok.about} ?about", link=True),
        Column("sections", f"?item {ok.hasSection} ?x", count=True),
        Column("figures", f"?x {ok.reportedIn} ?item", count=True),
        Column("mentioned", f"?item {ok.mentions} ?x", count=True),
    ), (
        Facet("level", f"?item {ok.articleLevel} ?level"),
        Facet("province", f"?item {ok.about} ?subject . " + province_of("?subject"), "resource"),
    ), sort="position"),
    Table("regions", REGION, (
        Column("label", LABEL),
        Column("level", f"?item {ok.level} ?level"),
        Column("code", f"?item {ok.adminCode} ?code"),
        Column("parent", f"?item {ok.partOf} ?parent", link=True),
        Column("items", f"?item {ok.implements} ?x", count=True),
        Column("articles", f"?x {ok.about} ?item", count=True),
    ), (
        Facet("level", f"?item {ok.level} ?level"),
        Facet("province", province_of("?item"), "resource"),
    ), sort="code"),
    _measures("programmes", PROGRAMME),
    _measures("initiatives", INITIATIVE),
    Table("concepts", CONCEPT, (
        Column("label", LABEL),
        Column("members", f"?x {ok.concept} ?item", count=True),
        Column("regions", f"?m {ok.concept} ?item . ?x {ok.implements} ?m", count=True),
    ), (
        Facet("kind", f"?member {ok.concept} ?item ; a ?kind", "class"),
        Facet("province", f"?member {ok.concept} ?item . ?adopter {ok.implements} ?member . "
              + province_of("?adopter"), "resource"),
    ), sort="regions", descending=True),
    Table("figures", FIGURE, (
        Column("source", f"?item {ok.sourceText} ?source"),
        Column("value", f"?item {ok.value} ?value"),
        Column("unit", f"?item {ok.unit} ?unit"),
        Column("measures", f"?item {ok.measures} ?measures"),
        Column("time", f"?item {ok.time} ?time"),
        Column("indicator", f"?item {ok.indicator} ?indicator", link=True),
        Column("concerns", f"?item {ok.concerns} ?concerns", link=True),
        Column("article", f"?item {ok.reportedIn} ?article", link=True),
    ), (
        Facet("indicator", f"?item {ok.indicator} ?indicator", "resource"),
        Facet("article", f"?item {ok.reportedIn} ?article", "resource", counted=False),
        Facet("about", f"?item {ok.reportedIn}/{ok.about} ?about", "resource", counted=False),
        Facet("kind", f"?item {ok.concerns} ?concerned . ?concerned a ?kind", "class"),
        Facet("level", f"?item {ok.reportedIn}/{ok.articleLevel} ?level"),
        Facet("province", f"?item {ok.reportedIn}/{ok.about} ?subject . " + province_of("?subject"), "resource"),
    ), sort="article", title="source"),
    Table("mentions", MENTION, (
        Column("surface", f"?item {ok.surface} ?surface"),
        Column("denotes", f"?item {ok.denotes} ?denotes", link=True),
        Column("sentence", f"?item prov:wasDerivedFrom/{ok.text} ?sentence"),
        Column("article", "?item prov:wasDerivedFrom/dcterms:isPartOf ?article", link=True),
        Column("start", f"?item {ok.start} ?start"),
    ), (
        Facet("kind", f"?item {ok.denotes} ?denoted . ?denoted a ?kind", "class"),
        Facet("article", "?item prov:wasDerivedFrom/dcterms:isPartOf ?article", "resource"),
        Facet("denotes", f"?item {ok.denotes} ?denotes", "resource", counted=False),
    ), sort="article", title="surface"),
    Table("indicators", INDICATOR, (
        Column("label", LABEL),
        Column("figures", f"?x {ok.indicator} ?item", count=True),
        Column("articles", f"?f {ok.indicator} ?item ; {ok.reportedIn} ?x", count=True),
    ), (
        Facet("level", f"?reported {ok.indicator} ?item ; {ok.reportedIn}/{ok.articleLevel} ?level"),
    ), sort="figures", descending=True),
)}
#: Every resource linking to one (``to``), by one property or any (``via``): what an entity page lists only in part.
LINKS = Table("links", "", (
    Column("subject", "BIND(?item AS ?subject)", link=True),
    Column("kind", "?item a ?kind FILTER(STRSTARTS(STR(?kind), STR(ok:)))"),
), (
    Facet("to", "?item ?via ?to", "resource", counted=False),
    Facet("via", "?item ?via ?to", "property"),
    Facet("kind", "?item a ?kind", "class"),
), sort="subject", title="subject", base="?item ?via ?to .", required=("to",))
TABLES[LINKS.name] = LINKS
#: The table that lists each type, for links from counts.
BY_KIND = {t.kind: t.name for t in TABLES.values() if t.kind}
