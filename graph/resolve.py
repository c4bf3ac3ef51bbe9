"""Turn per-article mentions into canonical entities shared across the corpus.

Regions are already canonical (a :class:`~orgkg.graph.doc.RegionRef` per division);
here they gain every surface form seen. Programmes and initiatives are grouped
by :func:`orgkg.graph.measures.merge_key`, so written variants of one thing become one
node and national campaigns one node shared by every region that reports them.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .doc import Article, MeasureMention, RegionRef
from .measures import NationalTable, majority_kind, merge_key, preferred_label

if TYPE_CHECKING:
    from .extract.lexicon import Lexicon


@dataclass
class RegionEntity:
    ref: RegionRef
    surfaces: set[str] = field(default_factory=set)


@dataclass
class MeasureEntity:
    key: str
    scope: str
    writers: dict[str, set[str]] = field(default_factory=dict)  # written form -> ids of the articles using it
    cores: list[str] = field(default_factory=list)
    kinds: Counter = field(default_factory=Counter)

    @property
    def kind(self) -> str:
        """The kind most mentions give (see :func:`orgkg.graph.measures.majority_kind`)."""
        return majority_kind(self.kinds)

    @property
    def names(self) -> list[str]:
        """Every distinct written form, in corpus order."""
        return list(self.writers)

    def label(self, national: NationalTable) -> str:
        """The national name, else the form most articles write (see :func:`preferred_label`)."""
        return preferred_label((name for name, articles in self.writers.items() for _ in articles), national)

    @property
    def core(self) -> str:
        return Counter(self.cores).most_common(1)[0][0]


@dataclass
class ConceptEntity:
    """What the same-named regional items of two or more regions share (each city's 人才强市战略)."""

    key: str  # the written name the items share, normalised
    members: list[str] = field(default_factory=list)  # their measure keys, sorted


@dataclass
class Resolved:
    regions: dict[str, RegionEntity]
    measures: dict[str, MeasureEntity]
    measure_of: dict[tuple[str, int], str]  # (article id, mention start) -> measure key
    concepts: dict[str, ConceptEntity] = field(default_factory=dict)
    concept_of: dict[str, str] = field(default_factory=dict)  # measure key -> concept key


def resolve(articles: list[Article], national: NationalTable, lexicon: Lexicon) -> Resolved:
    """Group the mentions of all articles into entities.

    :param national: the national campaigns, which merge across regions.
    :param lexicon: the word lists, whose fillers written variants differ by.
    """
    regions: dict[str, RegionEntity] = {}
    measures: dict[str, MeasureEntity] = {}
    measure_of: dict[tuple[str, int], str] = {}

    def add_region(ref: RegionRef, surface: str | None = None) -> None:
        for node in ref.chain():
            regions.setdefault(node.key, RegionEntity(node))
        if surface:
            regions[ref.key].surfaces.add(surface)

    for article in articles:
        if article.subject is not None:
            add_region(article.subject)
        for mention in article.regions:
            add_region(mention.region, mention.surface)
        for mention in article.measures:
            key = _measure_key(mention, article, measures, national, lexicon)
            measure_of[(article.id, mention.start)] = key
    concepts = shared_names(measures)
    concept_of = {member: c.key for c in concepts.values() for member in c.members}
    return Resolved(regions, measures, measure_of, concepts, concept_of)


def shared_names(measures: dict[str, MeasureEntity]) -> dict[str, ConceptEntity]:
    """Concepts for the regional items that two or more regions write the same way.

    A regional item's key is ``kind:region:written name``; national campaigns and
    distinctive quoted cores are one node across regions already.

    >>> items = {k: MeasureEntity(k, "regional") for k in
    ...          ("initiative:410600:人才强市战略", "initiative:410200:人才强市战略", "programme:410200:英才计划")}
    >>> {key: c.members for key, c in shared_names(items).items()}
    {'人才强市战略': ['initiative:410200:人才强市战略', 'initiative:410600:人才强市战略']}
    """
    groups: dict[str, list[str]] = {}
    for key, entity in measures.items():
        if entity.scope == "regional":
            _, region, written = key.split(":", 2)
            if region != "-":
                groups.setdefault(written, []).append(key)
    return {written: ConceptEntity(written, sorted(keys)) for written, keys in sorted(groups.items())
            if len({k.split(":", 2)[1] for k in keys}) >= 2}


def _measure_key(mention: MeasureMention, article: Article, measures: dict[str, MeasureEntity],
                 national: NationalTable, lexicon: Lexicon) -> str:
    key, scope = merge_key(mention, article.subject, national, lexicon)
    entity = measures.setdefault(key, MeasureEntity(key, scope))
    entity.writers.setdefault(mention.name, set()).add(article.id)
    entity.cores.append(mention.core)
    entity.kinds[mention.kind] += 1
    return key
