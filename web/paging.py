"""Pages of a long list: which rows one page holds and the links to its neighbours, so no list stops silently.

Every list that can run long (browse tables, search) takes ``_page`` (from 1)
and ``_size`` from the query string and says "rows X–Y of Z".
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from flask import abort, request

DEFAULT_SIZE = 50
MAX_SIZE = 1000


@dataclass(frozen=True)
class Page:
    """Page ``number`` (from 1) of ``size`` rows out of ``total``.

    >>> p = Page(2, 50, 120)
    >>> p.offset, p.first, p.last, p.pages, p.has_next
    (50, 51, 100, 3, True)
    >>> Page(1, 50, 0).first, Page(1, 50, 0).last, Page(9, 50, 10).last
    (0, 0, 0)
    """

    number: int
    size: int
    total: int

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.size

    @property
    def first(self) -> int:
        """The 1-based number of the page's first row (0 when there are none)."""
        return self.offset + 1 if self.total > self.offset else 0

    @property
    def last(self) -> int:
        return min(self.offset + self.size, self.total) if self.first else 0

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.size))

    @property
    def has_next(self) -> bool:
        return self.number < self.pages

    def url(self, number: int) -> str:
        """This request's URL with ``_page`` set to ``number``, every other parameter kept."""
        args = [(k, v) for k, v in request.args.items(multi=True) if k != "_page"] + [("_page", str(number))]
        return request.path + "?" + urlencode(args)

    def links(self) -> dict[str, str | None]:
        """The URLs of the first, previous, next and last pages (``None`` where there is none)."""
        return {"first": self.url(1) if self.number > 1 else None,
                "previous": self.url(self.number - 1) if self.number > 1 else None,
                "next": self.url(self.number + 1) if self.has_next else None,
                "last": self.url(self.pages) if self.has_next else None}


def requested(total_of) -> Page:
    """The page the request asks for, given a function that counts the rows.

    :param total_of: called once to count every row the list holds.
    :raises werkzeug.exceptions.BadRequest: for a page or size that is not a positive number, or a size over
        :data:`MAX_SIZE`, so a client never gets fewer rows than it asked for without being told.
    """
    number, size = _positive("_page", 1), _positive("_size", DEFAULT_SIZE)
    if size > MAX_SIZE:
        abort(400, f"_size may be at most {MAX_SIZE}")
    return Page(number, size, total_of())


def _positive(name: str, default: int) -> int:
    raw = request.args.get(name, "")
    if not raw:
        return default
    if not raw.isdigit() or int(raw) < 1:
        abort(400, f"{name} must be a positive whole number")
    return int(raw)
