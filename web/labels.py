"""Display names the ontology's ``rdfs:label``s cannot give: terms of other vocabularies, and links read backwards.

The ontology labels its own classes and properties in Chinese and English; the
terms it borrows (rdfs, skos, dcterms, prov) are labelled here, in one table, and
so are the incoming sides of links, which an entity page lists under the entity
pointed at: a province is not "part of" its cities, it contains them.
"""
from __future__ import annotations

from orgkg.graph.namespaces import PREFIXES
from orgkg.graph.vocab import OK

#: Borrowed terms, as (Chinese, English).
THIRD_PARTY = {
    PREFIXES["rdf"] + "type": ("类型", "type"),
    PREFIXES["rdfs"] + "label": ("名称", "label"),
    PREFIXES["skos"] + "altLabel": ("别名", "alternative name"),
    PREFIXES["dcterms"] + "title": ("标题", "title"),
    PREFIXES["dcterms"] + "source": ("来源文件", "source file"),
    PREFIXES["dcterms"] + "isPartOf": ("所属", "part of"),
    PREFIXES["prov"] + "wasDerivedFrom": ("出自", "derived from"),
}

#: How a link reads from its object's side, as (Chinese, English).
INCOMING = {
    str(OK.partOf): ("包含", "contains"),
    PREFIXES["dcterms"] + "isPartOf": ("包含", "has part"),
    PREFIXES["prov"] + "wasDerivedFrom": ("派生出", "source of"),
    str(OK.implements): ("实施地区", "implemented by"),
    str(OK.about): ("所述文章", "subject of"),
    str(OK.mentions): ("提及它的文章", "mentioned in"),
    str(OK.concerns): ("涉及它的数字", "figures concerning it"),
    str(OK.indicator): ("该指标的数字", "figures of this indicator"),
    str(OK.reportedIn): ("所载内容", "reports"),
    str(OK.concept): ("包含事项", "shared by"),
    str(OK.hasSection): ("所属文章", "section of"),
    str(OK.inSection): ("所含内容", "contains"),
}


def incoming(iri: str, lang: str) -> str | None:
    """How the property ``iri`` reads backwards in ``lang`` (``"zh"`` or ``"en"``), or ``None`` when not known."""
    pair = INCOMING.get(iri)
    return None if pair is None else pair[lang == "en"]
