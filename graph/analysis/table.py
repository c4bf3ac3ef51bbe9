"""The one shape every analysis answers in, and its text forms (table, CSV, JSON).

A column ``x`` may have a companion ``x_iri`` holding the IRI of the entity it
names: the plain table shows the label alone, CSV and JSON carry both, and the
web app links the label to the entity's page.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field

from ..query import render_table

IRI_SUFFIX = "_iri"
#: How a list cell (the items two regions share …) is joined in the table and in CSV.
LIST_JOIN = {"table": "、", "csv": "; "}


@dataclass(frozen=True)
class Table:
    """Named columns and rows of plain values (str, int, float, bool, None or a list of str).

    >>> table = Table(("region", "region_iri", "n"), [{"region": "株洲市", "region_iri": "http://x/1", "n": 2}])
    >>> table.shown
    ('region', 'n')
    >>> print(table.text("csv"), end="")
    region,region_iri,n
    株洲市,http://x/1,2
    """

    columns: tuple[str, ...]
    rows: list[dict] = field(default_factory=list)

    @property
    def shown(self) -> tuple[str, ...]:
        """The columns a reader sees; the IRI companions are links, not text."""
        return tuple(c for c in self.columns if not c.endswith(IRI_SUFFIX))

    def link(self, column: str) -> str | None:
        """The companion column holding the IRIs of ``column``'s entities, if it has one."""
        companion = column + IRI_SUFFIX
        return companion if companion in self.columns else None

    def records(self) -> list[dict]:
        """The rows with every column, missing cells as ``None`` (the JSON form)."""
        return [{c: row.get(c) for c in self.columns} for row in self.rows]

    def text(self, fmt: str) -> str:
        """The table as ``table`` (aligned text, labels only), ``csv`` or ``json``."""
        if fmt == "json":
            return json.dumps(self.records(), ensure_ascii=False, indent=1) + "\n"
        if fmt == "csv":
            buffer = io.StringIO(newline="")
            writer = csv.writer(buffer, lineterminator="\n")
            writer.writerow(self.columns)
            writer.writerows([cell(row.get(c), "csv") for c in self.columns] for row in self.rows)
            return buffer.getvalue()
        return render_table(list(self.shown), [[cell(row.get(c), "table") for c in self.shown] for row in self.rows])


def cell(value, fmt: str = "table") -> str:
    """One value as text: lists joined, floats to three places, ``None`` empty.

    >>> cell(["甲", "乙"]), cell(0.12345), cell(None), cell(True)
    ('甲、乙', '0.123', '', 'yes')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.3f}"
    if isinstance(value, (list, tuple)):
        return LIST_JOIN[fmt].join(map(str, value))
    return str(value)
