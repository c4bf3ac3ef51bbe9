"""Canonical identity of programmes and initiatives across the corpus.

Reports write one thing in several ways (“两个覆盖”攻坚行动 / “两个覆盖”集中攻坚行动),
national campaigns recur in every region, and two regions may each run a plan
with the same generic descriptive name. :func:`merge_key` decides which mentions
are one node; :func:`preferred_label` picks that node's label.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Mapping

from .doc import MeasureMention, RegionRef

if TYPE_CHECKING:
    from .extract.lexicon import Lexicon

CJK = re.compile(r"[\u4e00-\u9fff]")
PUNCT = re.compile(r"[“”‘’\"'《》〈〉「」『』()（）\[\]【】、，,.。:：;；·•\-—_\s]")
# the level word that ends a region's full name (玉溪市 → 玉溪)
OWN_REGION_SUFFIX = re.compile(r"(?:省|市|区|县|州|自治区|自治州|自治县|地区|盟)$")


@dataclass(frozen=True)
class NationalEntry:
    """A campaign, system or slogan of national scope, from ``data/national.tsv``."""

    name: str
    kind: str  # programme | initiative | slogan
    variants: tuple[str, ...]


def normalise(text: str) -> str:
    """Compare names ignoring width, case, quotes and punctuation.

    >>> normalise("“两学一做”学习教育")
    '两学一做学习教育'
    >>> normalise("“1＋5”制度")
    '1+5制度'
    """
    return PUNCT.sub("", unicodedata.normalize("NFKC", text).lower())


class NationalTable:
    """The national campaigns, systems and slogans of ``data/national.tsv``, by written form.

    Every variant, normalised, maps to its entry, and so does the quoted core of a
    campaign (落实“第一议题”).

    :param text: the table: name, kind and ``|``-separated variants per line; ``#`` starts a comment.

    >>> table = NationalTable("“第一议题”制度\\tinitiative\\t“第一议题”学习制度\\n两个维护\\tslogan\\t做到“两个维护”")
    >>> table.get("“第一议题”学习制度").name, table.get("第一议题").name, table.get("两个维护").kind
    ('“第一议题”制度', '“第一议题”制度', 'slogan')
    >>> table.variants
    ('“第一议题”学习制度', '“第一议题”制度')
    """

    def __init__(self, text: str):
        table: dict[str, NationalEntry] = {}
        cores: dict[str, NationalEntry] = {}
        for line in text.splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            name, kind, variants = line.split("\t")
            entry = NationalEntry(name, kind, tuple(variants.split("|")))
            for variant in (name, *entry.variants):
                table[normalise(variant)] = entry
            quoted = re.match(r"“([^”]+)”", name)
            if quoted and kind != "slogan":
                cores[normalise(quoted.group(1))] = entry
        self.entries = cores | table
        found = {v for e in self.entries.values() if e.kind != "slogan" for v in (e.name, *e.variants)}
        #: every written variant of a campaign or system (not slogans), longest first
        self.variants = tuple(sorted(found, key=lambda v: (-len(v), v)))

    def get(self, name: str) -> NationalEntry | None:
        """The entry a written name stands for, if any."""
        return self.entries.get(normalise(name))

    def is_slogan(self, name: str) -> bool:
        """True for a national slogan (两个维护), which is never an item of its own."""
        entry = self.get(name)
        return entry is not None and entry.kind == "slogan"


#: the end of the key of an event held under a plan's name (“甲”创新创业大赛), whose core alone names the plan
OCCASION = ":occasion"


def merge_key(mention: MeasureMention, region: RegionRef | None, national: NationalTable,
              lexicon: Lexicon) -> tuple[str, str]:
    """The key shared by every mention of one programme or initiative, and its scope.

    * ``national``: a campaign or system listed in ``data/national.tsv``;
    * ``shared``: a quoted core distinctive enough to name one thing wherever it
      is reported, whatever head noun follows (“X”攻坚行动, “X”集中攻坚行动, “X”),
      but an event held under that name (“X”创新创业大赛, “X”人才周) apart from the rest;
    * ``regional``: a descriptive name, a document title or a formulaic quoted
      core (“1+5”, “五星”, a slogan such as “两个维护”), one node per region and
      written name, written without the lexicon's fillers (集中, 工作 …).

    :param mention: the mention as extracted.
    :param region: the subject region of the mention's article, if known.
    :param national: the national campaigns.
    :param lexicon: the word lists (see :mod:`orgkg.graph.extract.lexicon`).
    :returns: ``(key, scope)``.

    >>> from orgkg.graph.extract.lexicon import Lexicon
    >>> national = NationalTable("“第一议题”制度\\tinitiative\\t“第一议题”学习制度")
    >>> lexicon = Lexicon({"filler": ["集中", "工作"]})

    >>> m = MeasureMention("programme", "“两个覆盖”集中攻坚行动", "两个覆盖", 0, 12, 0)
    >>> merge_key(m, None, national, lexicon)
    ('programme:两个覆盖', 'shared')
    >>> merge_key(MeasureMention("initiative", "“第一议题”学习制度", "第一议题", 0, 10, 0), None, national, lexicon)
    ('national:“第一议题”制度', 'national')
    >>> r = RegionRef("410600", "鹤壁市", "prefecture")
    >>> merge_key(MeasureMention("initiative", "容错纠错工作办法", "容错纠错工作办法", 0, 8, 0), r, national, lexicon)
    ('initiative:410600:容错纠错办法', 'regional')
    >>> merge_key(MeasureMention("initiative", "“1+5”制度体系", "1+5", 0, 9, 0), r, national, lexicon)
    ('initiative:410600:1+5制度体系', 'regional')
    """
    entry = national.get(mention.name)
    if entry is not None and entry.kind != "slogan":
        return f"national:{entry.name}", "national"
    quote = mention.name.find(f"“{mention.core}”")
    if quote >= 0 and _distinctive(mention.core, national):
        # a contest or forum held under a plan's name (“甲”计划, “甲”创新创业大赛) is an item of its own
        occasion = OCCASION if lexicon.head_kind(mention.name, lexicon.occasion_heads) else ""
        return f"{mention.kind}:{normalise(mention.core)}{occasion}", "shared"
    # field words before a quote vary between mentions (农村党员“五重”模式 / “五重”模式)
    written = mention.name[quote:] if quote > 0 else mention.name
    region_key = region.key if region is not None else "-"
    written = lexicon.fillers.sub("", _without_own_region(normalise(written), region))
    return f"{mention.kind}:{region_key}:{written}", "regional"


def _without_own_region(name: str, region: RegionRef | None) -> str:
    """A normalised name without a leading name of the article's own region, which
    a report writes or leaves out at will (《玉溪市……办法》 / ……办法).

    >>> _without_own_region("玉溪市推进干部能上能下实施办法", RegionRef("530400", "玉溪市", "prefecture"))
    '推进干部能上能下实施办法'
    >>> _without_own_region("玉溪英才计划", RegionRef("530400", "玉溪市", "prefecture"))
    '英才计划'
    """
    if region is None:
        return name
    full = normalise(region.name)
    short = OWN_REGION_SUFFIX.sub("", full)
    for prefix in (full, short):
        if len(prefix) >= 2 and name.startswith(prefix) and len(name) > len(prefix) + 2:
            return name[len(prefix) :]
    return name


def _distinctive(core: str, national: NationalTable) -> bool:
    """True when a quoted core names one thing wherever it is written: three or
    more Chinese characters and not a national slogan (“两个维护”), which many
    regions put before heads of their own.

    >>> slogans = NationalTable("两个维护\\tslogan\\t")
    >>> _distinctive("两个覆盖", slogans), _distinctive("两个维护", slogans), _distinctive("1+5", slogans)
    (True, False, False)
    """
    return not national.is_slogan(core) and len(CJK.findall(core)) >= 3


def majority_kind(votes: Mapping[str, int]) -> str:
    """The kind most mentions give; programme wins a tie (it is the narrower reading).

    >>> majority_kind(Counter(programme=1, initiative=1)), majority_kind(Counter(initiative=2))
    ('programme', 'initiative')
    """
    return max(("programme", "initiative"), key=lambda kind: votes.get(kind, 0))


def preferred_label(names: Iterable[str], national: NationalTable) -> str:
    """The label of a node among its written forms: the national name if it is
    one, else the most common written form, so that a node reported by many
    regions is not labelled with one region's long variant; ties go to the
    fuller (longer) form, then to code point order, so the label does not
    depend on the order of the corpus.

    :param names: written forms of the node, repeated once per article (or
        mention) that writes them.
    :param national: the national campaigns, whose names win.

    >>> national = NationalTable("学习贯彻习近平新时代中国特色社会主义思想主题教育\\tprogramme\\t主题教育")

    >>> preferred_label(["“两个覆盖”攻坚行动", "“两个覆盖”集中攻坚行动"], national)
    '“两个覆盖”集中攻坚行动'
    >>> preferred_label(["“红色物业”", "“红色物业”品牌创建活动", "“红色物业”"], national)
    '“红色物业”'
    >>> preferred_label(["主题教育"], national)
    '学习贯彻习近平新时代中国特色社会主义思想主题教育'
    """
    counts = Counter(names)
    for name in counts:
        entry = national.get(name)
        if entry is not None and entry.kind != "slogan":
            return entry.name
    return min(counts, key=lambda n: (-counts[n], -len(n), n))
