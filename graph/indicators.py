"""Comparable indicators: figures from different reports that measure the same thing.

Regions word the same statistic differently (党员总数达…, 全省…党员…名,
党员人数增加到…), so a figure's subject is matched against one rule per
indicator. The rules are data, in ``data/indicators.tsv``, so an indicator is
added without code. Columns: key, Chinese label, English label, units
(comma-separated), the least plausible value (a region's party-member total
is not 3: that is a count of award winners), and a regular expression the
whole subject must match.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

# an average per village, township or person (每个村平均有2名大学生村官) is never a region's total
PER_UNIT = re.compile(r"^每|平均|[人村户]均")


@dataclass(frozen=True)
class Indicator:
    key: str
    zh: str
    en: str
    units: frozenset[str]
    minimum: Decimal
    subject: re.Pattern

    def matches(self, subject: str, unit: str, value: Decimal) -> bool:
        """Whether a figure with this subject, unit and value measures the indicator.

        >>> members = Indicator("party-members", "党员总数", "Party members", frozenset({"名"}), Decimal(1000),
        ...                     re.compile("(?:全省)?党员(?:总数)?"))
        >>> members.matches("全省党员总数", "名", Decimal(2537000)), members.matches("党员", "名", Decimal(3))
        (True, False)
        >>> members.matches("平均每村党员", "名", Decimal(3000))
        False
        """
        return (unit in self.units and value >= self.minimum and PER_UNIT.search(subject) is None
                and self.subject.fullmatch(subject) is not None)


def read_indicators(text: str) -> dict[str, Indicator]:
    """Read the indicator table (UTF-8 TSV, header row first), keyed by slug, in table order.

    :param text: the table, as ``data/indicators.tsv`` holds it.

    >>> table = read_indicators("key\\tzh\\ten\\tunits\\tmin\\tsubject\\nparty-members\\t党员总数\\tParty members\\t名\\t1000\\t.*党员(?:总数)?")
    >>> list(table), table["party-members"].en
    (['party-members'], 'Party members')
    """
    rows = {}
    for line in text.splitlines()[1:]:
        if line.strip():
            key, zh, en, units, minimum, pattern = line.split("\t")
            rows[key] = Indicator(key, zh, en, frozenset(units.split(",")), Decimal(minimum), re.compile(pattern))
    return rows


def match_indicator(subject: str | None, unit: str, value: Decimal, indicators: dict[str, Indicator]) -> str | None:
    """Key of the first indicator whose rule the figure meets, or None.

    >>> table = read_indicators("k\\tzh\\ten\\tu\\tm\\ts\\nparty-members\\t党员总数\\tParty members\\t名\\t1000\\t(?:全省)?党员(?:总数)?")
    >>> [match_indicator(s, "名", Decimal(52500), table) for s in ("党员总数", "新发展党员")]
    ['party-members', None]
    """
    if not subject:
        return None
    return next((i.key for i in indicators.values() if i.matches(subject, unit, value)), None)
