"""Each comparable indicator across regions: the value every region reports for itself, with its evidence.

A figure belongs to the region it concerns (ok:concerns, when the sentence names a
region: 株洲市党员总数… in a province's report is 株洲市's), else to the region its
article is about, never to a region above or beside it. Read straight from the
store: figures and sentences are evidence, which the network projection leaves out.
"""
from __future__ import annotations

import pyoxigraph as ox

from ..errors import NotInGraph
from ..store import PROLOGUE, GraphStore
from ..vocab import OK
from .table import Table

TIMEOUT = 300.0
LEVEL_ORDER = {"province": 0, "prefecture": 1, "county": 2}

INDICATORS_Q = PROLOGUE + f"""SELECT ?indicator ?zh ?en (COUNT(DISTINCT ?figure) AS ?figures) WHERE {{
  ?indicator a <{OK.Indicator}> ; rdfs:label ?zh .
  FILTER(LANG(?zh) = "zh")
  OPTIONAL {{ ?indicator rdfs:label ?en FILTER(LANG(?en) = "en") }}
  OPTIONAL {{ ?figure <{OK.indicator}> ?indicator }}
}} GROUP BY ?indicator ?zh ?en ORDER BY DESC(?figures) ?zh"""

VALUES_Q = PROLOGUE + f"""SELECT ?indicator ?figure ?value ?unit ?time ?approx ?sentence ?article ?title ?region ?regionLabel
       ?level ?province ?provinceLabel WHERE {{
  ?figure <{OK.indicator}> ?indicator ; <{OK.value}> ?value ; <{OK.reportedIn}> ?article ;
          prov:wasDerivedFrom/<{OK.text}> ?sentence .
  ?article <{OK.about}> ?about ; dcterms:title ?title .
  OPTIONAL {{ ?figure <{OK.unit}> ?unit }}
  OPTIONAL {{ ?figure <{OK.time}> ?time }}
  OPTIONAL {{ ?figure <{OK.approx}> ?approx }}
  OPTIONAL {{ ?figure <{OK.concerns}> ?sub . ?sub a <{OK.Region}> }}
  BIND(COALESCE(?sub, ?about) AS ?region)
  ?region rdfs:label ?regionLabel .
  OPTIONAL {{ ?region <{OK.level}> ?level }}
  OPTIONAL {{ ?region <{OK.partOf}>* ?province . ?province rdfs:label ?provinceLabel
             FILTER NOT EXISTS {{ ?province <{OK.partOf}> ?above }} }}
}}"""


def indicators(store: GraphStore) -> Table:
    """The comparable indicators, with how many figures measure each."""
    rows = [{"indicator": r["zh"].value, "indicator_iri": r["indicator"].value, "english": r["en"].value if "en" in r else None,
             "key": r["indicator"].value.rsplit("/", 1)[-1], "figures": int(r["figures"].value)}
            for r in store.query(INDICATORS_Q, timeout=TIMEOUT).records()]
    return Table(("indicator", "indicator_iri", "english", "key", "figures"), rows)


def find_indicator(store: GraphStore, name: str) -> dict:
    """The row of :func:`indicators` whose Chinese or English label, key or IRI is ``name``.

    :raises NotInGraph: when no indicator has that name (the message lists the keys).
    """
    table = indicators(store)
    for row in table.rows:
        if name.casefold() in (row["indicator"], (row["english"] or "").casefold(), row["key"], row["indicator_iri"]):
            return row
    raise NotInGraph(f"no indicator named {name!r}; try one of {', '.join(r['key'] for r in table.rows)}")


def indicator(store: GraphStore, name: str) -> Table:
    """Every region's own values of the indicator ``name``: provinces first, then by value.

    :raises NotInGraph: when no indicator has that name.
    """
    found = find_indicator(store, name)
    answer = store.query(VALUES_Q, {"indicator": ox.NamedNode(found["indicator_iri"])}, timeout=TIMEOUT).records()
    rows = [{
        "region": r["regionLabel"].value, "region_iri": r["region"].value, "level": _text(r, "level"),
        "province": _text(r, "provinceLabel"), "province_iri": _text(r, "province"), "value": _number(r["value"].value),
        "unit": _text(r, "unit"), "approx": _text(r, "approx"), "time": _text(r, "time"),
        "sentence": r["sentence"].value, "article": r["title"].value, "article_iri": r["article"].value,
        "figure_iri": r["figure"].value,
    } for r in answer]
    rows.sort(key=lambda r: (LEVEL_ORDER.get(r["level"], 3), -r["value"], r["region"], r["figure_iri"]))
    return Table(("region", "region_iri", "level", "province", "province_iri", "value", "unit", "approx", "time",
                  "sentence", "article", "article_iri", "figure_iri"), rows)


def _text(row: dict, name: str) -> str | None:
    return row[name].value if name in row else None


def _number(text: str) -> int | float:
    """A decimal's value as an int when it is whole, else a float.

    >>> _number("2537000"), _number("87.5")
    (2537000, 87.5)
    """
    value = float(text)
    return int(value) if value.is_integer() else value
