"""Each comparable indicator across regions: the value every region reports for itself, with its evidence.

A figure belongs to the region it concerns (ok:concerns, when the sentence names a
region: 株洲市党员总数… in a province's report is 株洲市's), else to the region its
article is about, never to a region above or beside it. Read straight from the
store: figures and sentences are evidence, which the network projection leaves out.

A value is normalised to a ``share`` (0 to 1) only where the text gives its base,
and ``derivation`` says how; elsewhere the normalised columns stay empty:

* ``percent``: the figure is itself a percentage (``一肩挑比例达98%``), so its share is value / 100;
* ``stated``: the sentence gives the count's share right after it (``人才资源总量34万人，占常住人口17.5%``):
  the share is that percentage and ``base`` what it is a share of, as written;
* ``part-of``: the indicator is a part of another (:data:`PARTS`) and the same article gives the
  region one value of the whole, with the same time qualifier (``人才总量41.3万人，其中专业技术人才8.6万人``):
  the share is value / base value (four places), with the base figure in ``base_value`` and ``base_iri``.
"""
from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

import pyoxigraph as ox

from ..errors import NotInGraph
from ..store import PROLOGUE, GraphStore
from ..vocab import OK
from .table import Table

TIMEOUT = 300.0
LEVEL_ORDER = {"province": 0, "prefecture": 1, "county": 2}
#: Indicators that count a part of another's whole: professional and technical talent is part of the talent pool.
PARTS = {"professional-talent": "talent-total"}
#: A count's share stated right after it: ``，占常住人口的17.5%`` (the text after the figure, NFKC-normalised).
STATED_SHARE = re.compile(r"[余多]?[，,]?(?:约)?占(?P<base>[^，。；、,;%\d]{1,12}?)的?(?:比例|比重)?(?:为|达到?)?"
                          r"(?P<percent>\d+(?:\.\d+)?)%")
PLACES = 4  # decimal places of a share computed by division

INDICATORS_Q = PROLOGUE + f"""SELECT ?indicator ?zh ?en (COUNT(DISTINCT ?figure) AS ?figures) WHERE {{
  ?indicator a <{OK.Indicator}> ; rdfs:label ?zh .
  FILTER(LANG(?zh) = "zh")
  OPTIONAL {{ ?indicator rdfs:label ?en FILTER(LANG(?en) = "en") }}
  OPTIONAL {{ ?figure <{OK.indicator}> ?indicator }}
}} GROUP BY ?indicator ?zh ?en ORDER BY DESC(?figures) ?zh"""

VALUES_Q = PROLOGUE + f"""SELECT ?indicator ?figure ?value ?unit ?time ?approx ?sentence ?article ?title ?region ?regionLabel
       ?level ?province ?provinceLabel ?end ?sentenceStart WHERE {{
  ?figure <{OK.indicator}> ?indicator ; <{OK.value}> ?value ; <{OK.reportedIn}> ?article ; <{OK.end}> ?end ;
          prov:wasDerivedFrom ?from .
  ?from <{OK.text}> ?sentence ; <{OK.start}> ?sentenceStart .
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
        **stated_share(r["sentence"].value, int(r["end"].value) - int(r["sentenceStart"].value), _text(r, "unit")),
    } for r in answer]
    whole = next((r for r in indicators(store).rows if r["key"] == PARTS.get(found["key"])), None)
    if whole is not None:
        _share_of_whole(rows, whole["indicator"], indicator(store, whole["key"]).rows)
    rows.sort(key=lambda r: (LEVEL_ORDER.get(r["level"], 3), -r["value"], r["region"], r["figure_iri"]))
    return Table(("region", "region_iri", "level", "province", "province_iri", "value", "unit", "approx", "time",
                  "sentence", "article", "article_iri", "figure_iri", *NORMALISED), rows)


#: The normalised columns, empty where the text gives no base.
NORMALISED = ("share", "derivation", "base", "base_value", "base_iri")


def stated_share(sentence: str, end: int, unit: str | None) -> dict:
    """The normalised columns of a figure ending at ``end`` in ``sentence``: a percentage's share, or the share
    the sentence states right after a count; empty when it states none.

    >>> stated_share("全市人才资源总量达34万余人，占常住人口17.5%。", 14, "人")
    {'share': 0.175, 'derivation': 'stated', 'base': '常住人口', 'base_value': None, 'base_iri': None}
    >>> stated_share("一肩挑比例达98.1%。", 11, "%")["share"]
    0.981
    >>> stated_share("培训3万人次，其中党员占六成。", 6, "人次")["share"] is None
    True
    """
    if unit == "%":
        number = re.search(r"(\d+(?:\.\d+)?)%$", unicodedata.normalize("NFKC", sentence[:end]))
        return _normalised(Decimal(number.group(1)) / 100 if number else None, "percent")
    stated = STATED_SHARE.match(unicodedata.normalize("NFKC", sentence[end:]))
    if stated is None:
        return _normalised(None)
    return _normalised(Decimal(stated["percent"]) / 100, "stated", stated["base"])


def _normalised(share: Decimal | None, derivation: str | None = None, base: str | None = None,
                base_value=None, base_iri: str | None = None) -> dict:
    if share is None:
        derivation = base = base_value = base_iri = None
    return {"share": None if share is None else float(share), "derivation": derivation, "base": base,
            "base_value": base_value, "base_iri": base_iri}


def _share_of_whole(rows: list[dict], name: str, wholes: list[dict]) -> None:
    """Give each part its share of the whole the same article reports for the same region and time, when it
    reports exactly one (two, as in 从170万人增加到381万人, leave it empty) and the part is not larger."""
    found: dict[tuple, list[dict]] = {}
    for whole in wholes:
        found.setdefault((whole["article_iri"], whole["region_iri"], whole["time"]), []).append(whole)
    for row in rows:
        match = found.get((row["article_iri"], row["region_iri"], row["time"]), [])
        if row["share"] is None and len(match) == 1 and 0 < row["value"] <= match[0]["value"]:
            whole = match[0]
            share = round(Decimal(str(row["value"])) / Decimal(str(whole["value"])), PLACES)
            row.update(_normalised(share, "part-of", name, whole["value"], whole["figure_iri"]))


def _text(row: dict, name: str) -> str | None:
    return row[name].value if name in row else None


def _number(text: str) -> int | float:
    """A decimal's value as an int when it is whole, else a float.

    >>> _number("2537000"), _number("87.5")
    (2537000, 87.5)
    """
    value = float(text)
    return int(value) if value.is_integer() else value
