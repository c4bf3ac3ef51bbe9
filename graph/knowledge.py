"""What the extractors know about the world, handed to them rather than loaded by them.

A :class:`Knowledge` holds the gazetteer, the national campaigns, the
indicator table and the word lists names are found by. The packaged tables
(``data/*.tsv``) are read on first use, so a pipeline of figures alone never
builds the gazetteer; tests hand components a :class:`Knowledge` made of small
tables of their own.
"""
from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from orgkg.resources import data_text

from .gazetteer import Gazetteer, load_gazetteer, read_aliases
from .indicators import Indicator, read_indicators
from .measures import NationalTable

if TYPE_CHECKING:
    from .extract.lexicon import Lexicon


class Knowledge:
    """The gazetteer, national campaigns, indicators and word lists; each given, or read from ``data/`` when first
    asked for.

    :param gazetteer: regions by name (default: jionlp's divisions plus ``data/aliases.tsv``).
    :param national: national campaigns and slogans (default: ``data/national.tsv``).
    :param indicators: comparable indicators (default: ``data/indicators.tsv``).
    :param lexicon: the words programmes and initiatives are found by (default: ``data/measure_words.tsv``).
    """

    def __init__(self, gazetteer: Gazetteer | None = None, national: NationalTable | None = None,
                 indicators: dict[str, Indicator] | None = None, lexicon: Lexicon | None = None):
        for name, given in (("gazetteer", gazetteer), ("national", national), ("indicators", indicators),
                            ("lexicon", lexicon)):
            if given is not None:
                self.__dict__[name] = given  # what cached_property would have stored

    @cached_property
    def gazetteer(self) -> Gazetteer:
        return load_gazetteer(read_aliases(data_text("aliases.tsv")))

    @cached_property
    def region_words(self) -> dict[str, tuple[str, ...]]:
        """The words the regions extractor reads a place name's surroundings by (``data/region_words.tsv``)."""
        from .extract import regions  # extract/ imports this module
        from .extract.lexicon import read_lists

        return read_lists(data_text("region_words.tsv"), regions.TABLE, regions.LISTS)

    @cached_property
    def national(self) -> NationalTable:
        return NationalTable(data_text("national.tsv"))

    @cached_property
    def indicators(self) -> dict[str, Indicator]:
        return read_indicators(data_text("indicators.tsv"))

    @cached_property
    def lexicon(self) -> Lexicon:
        """The words the programmes and initiatives extractors find names by (``data/measure_words.tsv``)."""
        from .extract.lexicon import read_lexicon  # extract/ imports this module

        return read_lexicon(data_text("measure_words.tsv"))


_packaged: Knowledge | None = None


def packaged() -> Knowledge:
    """The knowledge of the packaged tables, shared by every pipeline of the process that is given none."""
    global _packaged
    if _packaged is None:
        _packaged = Knowledge()
    return _packaged
