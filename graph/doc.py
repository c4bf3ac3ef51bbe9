"""The data that flows corpus → extractors → graph: articles, sentences and mentions.

Offsets are character offsets into :attr:`Article.text`, so every mention can be
checked against the source.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Section:
    """A numbered section (``一、……``) of an article; ``position`` counts from 1."""

    position: int
    heading: str


@dataclass(frozen=True)
class Sentence:
    """One sentence: ``text == article.text[start:end]``."""

    index: int
    text: str
    start: int
    end: int
    paragraph: int
    section: int | None  # Section.position, None before the first heading


@dataclass(frozen=True)
class RegionRef:
    """A canonical region: what a region mention resolves to.

    ``key`` is the stable identifier (the 6-digit code where one exists),
    ``parent`` the key of the containing region.
    """

    key: str
    name: str
    level: str
    code: str | None = None
    parent: RegionRef | None = None

    def chain(self) -> list[RegionRef]:
        """This region and its ancestors, innermost first."""
        out, node = [], self
        while node is not None:
            out.append(node)
            node = node.parent
        return out


@dataclass(frozen=True)
class RegionMention:
    surface: str
    start: int
    end: int
    sentence: int
    region: RegionRef


@dataclass(frozen=True)
class MeasureMention:
    """A named programme or initiative as written (``kind`` says which)."""

    kind: str  # "programme" | "initiative"
    name: str  # the name as written, quotes and head noun kept
    core: str  # the distinctive part: text in quotes/《》, else the name minus generic prefixes
    start: int
    end: int
    sentence: int


@dataclass(frozen=True)
class FigureMention:
    value: Decimal
    unit: str
    text: str  # shortest exact span with the number and unit
    start: int
    end: int
    sentence: int
    approx: str | None = None
    subject: str | None = None
    time: str | None = None
    indicator: str | None = None  # key of an indicator in graph/indicators
    concerns: tuple[str, int] | None = None  # ("region"|"measure", start offset of that mention)


#: What the extractors fill in: pipeline steps name these in ``assigns`` and ``requires``.
EXTRACTED = ("subject", "regions", "programmes", "initiatives", "figures")


@dataclass
class Article:
    """One article of a corpus, with what the extractors found in it.

    The reader fills the first fields; the extractor fields (:data:`EXTRACTED`)
    start empty, and the article remembers which of them a step has assigned
    since it was read (:meth:`assigned`), so the pipeline can check that each
    step did what it declares.
    """

    id: str  # stable slug derived from the title
    position: int  # 1-based order in the corpus
    title: str
    level: str | None  # table-of-contents level: province / prefecture / county
    source: str  # file name it came from
    text: str  # paragraphs joined by "\n"; headings are paragraphs too
    sections: list[Section] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    subject: RegionRef | None = None
    regions: list[RegionMention] = field(default_factory=list)
    programmes: list[MeasureMention] = field(default_factory=list)
    initiatives: list[MeasureMention] = field(default_factory=list)
    figures: list[FigureMention] = field(default_factory=list)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_assigned", set())

    def __setattr__(self, name: str, value) -> None:
        super().__setattr__(name, value)
        if name in EXTRACTED and "_assigned" in self.__dict__:
            self._assigned.add(name)

    def assigned(self) -> frozenset[str]:
        """The extractor fields assigned since the article was made."""
        return frozenset(self._assigned)

    @property
    def measures(self) -> list[MeasureMention]:
        """Programmes and initiatives together, in text order."""
        return sorted(self.programmes + self.initiatives, key=lambda m: (m.start, m.end))

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence holding character ``offset``."""
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        raise IndexError(f"offset {offset} outside every sentence of {self.id}")
