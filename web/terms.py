"""The vocabulary terms the app's code names, all taken from the generated vocabulary module.

Queries write terms as ``{ok.concerns}`` in f-strings and code compares types
and links by local names such as :data:`REGION`; both go through
:class:`~orgkg.graph.vocab.OK`, whose ``_fail = True`` makes a renamed or
misspelt term an error when this module is imported, not an empty page.
"""
from __future__ import annotations

from orgkg.graph.namespaces import PREFIXES
from orgkg.graph.vocab import OK


def local(term: str) -> str:
    """The local name of an ``ok:`` term; any other IRI stays whole.

    >>> local(OK.partOf), local("http://example.org/partOf")
    ('partOf', 'http://example.org/partOf')
    """
    term, ns = str(term), PREFIXES["ok"]
    return term[len(ns):] if term.startswith(ns) else term


class _Prefixed:
    """``ok.partOf`` is the prefixed name of ``OK.partOf``, checked against the vocabulary."""

    def __getattr__(self, name: str) -> str:
        return "ok:" + local(getattr(OK, name))


#: Prefixed names for SPARQL text: ``f"?r {ok.partOf} ?parent"``.
ok = _Prefixed()

REGION, PROGRAMME, INITIATIVE, MEASURE = map(local, (OK.Region, OK.Programme, OK.Initiative, OK.Measure))
ARTICLE, INDICATOR, FIGURE, CONCEPT = map(local, (OK.Article, OK.Indicator, OK.Figure, OK.Concept))
SENTENCE, SECTION, MENTION = map(local, (OK.Sentence, OK.Section, OK.Mention))
IMPLEMENTS, PART_OF, DENOTES, HAS_CONCEPT = map(local, (OK.implements, OK.partOf, OK.denotes, OK.concept))
#: The links the network views draw, by local name.
LINKS = tuple(map(local, (OK.implements, OK.partOf, OK.about, OK.mentions, OK.concerns, OK.indicator, OK.reportedIn,
                          OK.concept)))
