"""Refusing a query before it runs, from its tokens alone: federation, updates, size and shape.

One small lexer, not a parser: strings, IRIs, comments, variables and prefixed
names are single tokens, so ``service`` inside them is not the keyword, and a
query the engine would choke on (thousands of nested groups, UNIONs or path
steps) is refused in linear time instead of overflowing the engine's stack.
"""
from __future__ import annotations

import re
from typing import Iterator

from ..errors import QueryRefused, QueryTooComplex

_TOKENS = re.compile("|".join([
    r'"""(?:[^"\\]|\\.|"(?!""))*"""',  # long strings
    r"'''(?:[^'\\]|\\.|'(?!''))*'''",
    r'"(?:[^"\\\n]|\\.)*"',  # short strings
    r"'(?:[^'\\\n]|\\.)*'",
    r'<[^<>"{}|^`\\\x00-\x20]*>',  # IRIs (a "<" that is less-than does not match)
    r"#[^\r\n]*",  # comments, which a carriage return ends as well as a line feed
    r"[?$]\w+",  # variables
    r"(?:[A-Za-z_][\w.-]*)?:[\w.-]*",  # prefixed names
    r"[A-Za-z_]\w*",  # keywords
    r"\|\||&&|[(){}\[\]|/]",  # brackets and the operators that chain
]))
OPEN, CLOSE = "({[", ")}]"
#: Keywords that open a SPARQL Update operation (or make one): a read-only store refuses them.
UPDATE_KEYWORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"})
MAX_LENGTH = 100_000  # characters
MAX_DEPTH = 64  # nested brackets
MAX_OPERATORS = 2_000  # UNION, ||, &&, path steps


def tokens(sparql: str) -> Iterator[str]:
    """The query's tokens as the guard sees them (strings, IRIs and comments are one token each).

    >>> list(tokens('SELECT ?s { ?s ok:p "ok:q" } # ok:r'))
    ['SELECT', '?s', '{', '?s', 'ok:p', '"ok:q"', '}', '# ok:r']
    """
    return (m.group() for m in _TOKENS.finditer(sparql))


def names_its_dataset(sparql: str) -> bool:
    """Whether the query chooses its own dataset with ``FROM`` or ``FROM NAMED`` (then it is honoured).

    >>> names_its_dataset("SELECT * FROM <http://x/g> { ?s ?p ?o }"), names_its_dataset('SELECT ?from { ?s ?p "from" }')
    (True, False)
    """
    return any(token.upper() == "FROM" for token in tokens(sparql))


def check(sparql: str) -> None:
    """Refuse what this server never runs, before it runs.

    :raises QueryRefused: federation (``SERVICE``) or an update.
    :raises QueryTooComplex: a query longer, deeper or with more chained operators than the limits.

    >>> check('SELECT ?service ?load { ?s <http://x/SERVICE> "drop" } # LOAD')
    >>> check("SELECT * { #x\\rSERVICE <http://x/sparql> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    orgkg.graph.errors.QueryRefused: federated queries (SERVICE) are turned off: this server fetches nothing from elsewhere
    >>> check("PREFIX x: <http://x/> insert data { x:a x:b 1 }")
    Traceback (most recent call last):
    ...
    orgkg.graph.errors.QueryRefused: this endpoint is read-only: SPARQL Update is refused
    >>> check("SELECT * { " + "{ " * 100 + "?s ?p ?o" + " }" * 100 + " }")
    Traceback (most recent call last):
    ...
    orgkg.graph.errors.QueryTooComplex: the query nests 101 brackets deep; the limit is 64
    """
    if len(sparql) > MAX_LENGTH:
        raise QueryTooComplex(f"the query is {len(sparql)} characters long; the limit is {MAX_LENGTH}")
    depth = deepest = operators = 0
    words = set()
    for token in tokens(sparql):
        if token in OPEN:
            depth += 1
            deepest = max(deepest, depth)
        elif token in CLOSE:
            depth -= 1
        elif token in ("||", "&&", "|", "/"):
            operators += 1
        elif token[0].isalpha() and ":" not in token:
            word = token.upper()
            operators += word == "UNION"
            words.add(word)
    if deepest > MAX_DEPTH:
        raise QueryTooComplex(f"the query nests {deepest} brackets deep; the limit is {MAX_DEPTH}")
    if operators > MAX_OPERATORS:
        raise QueryTooComplex(f"the query chains {operators} operators (UNION, ||, &&, path steps); "
                              f"the limit is {MAX_OPERATORS}")
    if "SERVICE" in words:
        raise QueryRefused("federated queries (SERVICE) are turned off: this server fetches nothing from elsewhere")
    if not UPDATE_KEYWORDS.isdisjoint(words):
        raise QueryRefused("this endpoint is read-only: SPARQL Update is refused")
