"""Queries as people write them: the ontology's prefixes without declaring them, and parser errors
that say where and what in one line.

Wikidata's service accepts ``wd:`` and ``wdt:`` undeclared; here ``ok:``, ``rdfs:``,
``skos:`` … (:data:`~orgkg.graph.namespaces.PREFIXES`) are declared for a query that
uses them without a ``PREFIX`` line of its own.
"""
from __future__ import annotations

import re

from ..namespaces import PREFIXES
from .guard import tokens

QUERY_FORMS = ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE")
_POSITION = re.compile(r"error at (\d+):(\d+): (.*)", re.DOTALL)
EXPECTED_LENGTH = 100  # characters of the parser's "expected …" list kept in a message


def _prefixes(sparql: str) -> tuple[set[str], set[str]]:
    """The prefixes ``sparql`` declares and those it uses."""
    declared, used, previous = set(), set(), ""
    for token in tokens(sparql):
        if ":" in token and token[0] not in "<\"'#?$" and not token.startswith("_:"):  # _: labels a blank node
            prefix = token.split(":", 1)[0]
            (declared if previous.upper() == "PREFIX" else used).add(prefix)
        previous = token
    return declared, used


def with_prefixes(sparql: str) -> tuple[str, int]:
    """``sparql`` with the known prefixes it uses but does not declare declared first, and how many lines were added.

    >>> with_prefixes("SELECT ?l { ?s rdfs:label ?l }")[0].splitlines()[0]
    'PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>'
    >>> with_prefixes('PREFIX rdfs: <http://x/> SELECT ?l { ?s rdfs:label "ok:no" }')[1]
    0
    """
    declared, used = _prefixes(sparql)
    missing = [p for p in PREFIXES if p in used - declared]
    prologue = "".join(f"PREFIX {p}: <{PREFIXES[p]}>\n" for p in missing)
    return prologue + sparql, len(missing)


def explain(message: str, sparql: str, added: int) -> str:
    """A parser message made readable: the position in the query as written, the text there, and
    what was expected, shortened; a misspelt query form is named as such.

    :param message: pyoxigraph's message (``error at LINE:COLUMN: expected …``).
    :param sparql: the query as the user wrote it.
    :param added: lines :func:`with_prefixes` put in front.
    """
    first = next((t for t in tokens(sparql) if t[0].isalpha() and t.upper() not in ("PREFIX", "BASE")
                  and ":" not in t), "")
    if first and first.upper() not in QUERY_FORMS:
        return (f"bad SPARQL query: it should start with {', '.join(QUERY_FORMS[:-1])} or {QUERY_FORMS[-1]} "
                f"(after any PREFIX and BASE lines), not {first!r}")
    declared, used = _prefixes(sparql)
    unknown = sorted(used - declared - set(PREFIXES))
    if unknown:
        return (f"bad SPARQL query: the prefix {unknown[0]}: is not declared (add a PREFIX line; "
                f"{', '.join(p + ':' for p in PREFIXES)} need none)")
    found = _POSITION.match(message)
    if not found:
        return f"bad SPARQL query: {message.strip().splitlines()[0]}"
    line, column, expected = int(found[1]) - added, int(found[2]), " ".join(found[3].split())
    if len(expected) > EXPECTED_LENGTH:
        expected = expected[:EXPECTED_LENGTH].rsplit(",", 1)[0] + " …"
    lines = sparql.splitlines()
    near = lines[line - 1][max(0, column - 21):column - 1].strip() if 0 < line <= len(lines) else ""
    where = f"line {line}, column {column}" + (f", after {near!r}" if near else "")
    return f"bad SPARQL query at {where}: {expected}"
