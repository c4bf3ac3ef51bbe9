"""An indicator's figures as charts and maps draw them: one value per region, and each region's values by year.

A region may report several figures of one indicator (the people trained by two
programmes, a total and a part of it); a bar or a coloured shape shows one, the
largest, and says how many there are: every figure stays in the indicator's own
table. A figure has a year only when its time names exactly one (``2022年``,
``截至2022年底``, ``2023年3月``): a period (``2018年以来``, ``十年来``) is not put
on a timeline at any year.
"""
from __future__ import annotations

import re

from .table import Table

YEAR = re.compile(r"^(?:截至|截止)?((?:19|20)\d\d)年(?:底|末|初|度|上半年|下半年|\d{1,2}月(?:底|末|\d{1,2}日)?)?$")
REGION_COLUMNS = ("region", "region_iri", "level", "province", "province_iri", "value", "unit", "time", "figures",
                  "figure_iri")
YEAR_COLUMNS = ("region", "region_iri", "level", "year", "value", "unit", "time", "figure_iri")


def year(time: str | None) -> int | None:
    """The one year a figure's time names, or ``None`` for none, a period or no time.

    >>> year("截至2022年底"), year("2023年3月"), year("2018年以来"), year("十年来"), year("2021、2022年度"), year(None)
    (2022, 2023, None, None, None, None)
    """
    found = YEAR.match(time or "")
    return int(found.group(1)) if found else None


def _largest(rows: list[dict], key) -> dict[object, tuple[dict, int]]:
    """For each ``key(row)``, its row of the largest value (the first of equals) and how many rows share the key."""
    chosen: dict[object, tuple[dict, int]] = {}
    for row in rows:
        k = key(row)
        best, n = chosen.get(k, (row, 0))
        chosen[k] = (row if row["value"] > best["value"] else best, n + 1)
    return chosen


def by_region(table: Table) -> Table:
    """One row per region of :func:`~.indicators.indicator`'s table: its largest value, and how many figures it has.

    >>> rows = [{"region": "甲", "region_iri": "r1", "value": 5, "figure_iri": "f1"},
    ...         {"region": "乙", "region_iri": "r2", "value": 7, "figure_iri": "f2"},
    ...         {"region": "甲", "region_iri": "r1", "value": 9, "figure_iri": "f3"}]
    >>> [(r["region"], r["value"], r["figures"]) for r in by_region(Table(("region",), rows)).rows]
    [('甲', 9, 2), ('乙', 7, 1)]
    """
    chosen = _largest(table.rows, lambda row: row["region_iri"])
    rows = [{**{c: row.get(c) for c in REGION_COLUMNS}, "figures": n} for row, n in chosen.values()]
    rows.sort(key=lambda r: (-r["value"], r["region"], r["region_iri"]))
    return Table(REGION_COLUMNS, rows)


def by_year(table: Table) -> Table:
    """Each region's values by year: the largest of each (region, year), in region then year order; undated
    figures are left out (the page counts them).

    >>> rows = [{"region": "甲", "region_iri": "r1", "value": 5, "time": "2012年"},
    ...         {"region": "甲", "region_iri": "r1", "value": 9, "time": "截至2022年底"},
    ...         {"region": "甲", "region_iri": "r1", "value": 4, "time": "十年来"}]
    >>> [(r["year"], r["value"]) for r in by_year(Table(("region",), rows)).rows]
    [(2012, 5), (2022, 9)]
    """
    dated = [{**row, "year": year(row.get("time"))} for row in table.rows]
    chosen = _largest([row for row in dated if row["year"]], lambda row: (row["region_iri"], row["year"]))
    rows = [{c: row.get(c) for c in YEAR_COLUMNS} for row, _ in chosen.values()]
    rows.sort(key=lambda r: (r["region"], r["region_iri"], r["year"]))
    return Table(YEAR_COLUMNS, rows)
