"""Find every region an article names, and the region the article is about.

Divisions, zones, macro areas and countries are found by leftmost-longest
lookup of the gazetteer's written forms, then checked by the kind of form:
full names stand alone; short forms must not run into a street name (陕西南路)
or an ethnic group (蒙古族), and a county's short form counts only near the
article's own region (a prefecture's 朝阳 is not Beijing's); 别称 count only
where the text clearly means the place. Repeated names (鼓楼区) resolve to the
candidate nearest the article's subject. Townships and villages count only
when written with their suffix and known to lie inside a region the article
names (or listed with a shared suffix: 甲、乙等4个社区). Every match starts
and ends on a word boundary of jieba's segmentation, so a name inside a
longer word does not count (大理 in 重大理论, 和县 in 单位和县区).
"""
from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Iterator

import jieba
import jieba.posseg

from ..doc import Article, RegionMention, RegionRef
from ..gazetteer import LEVEL_RANK, LOCAL_SUFFIXES, Gazetteer, Name, load_gazetteer, local_suffix
from . import register

STREET = re.compile(r"[东南西北中]?(?:路|大街|街|大道|巷)")
# a name followed by these is an ethnic group or a named spirit, not a place: 蒙古族, 井冈山精神
NOT_PLACE_AFTER = ("族", "精神")
PLACE_WORDS = ("大地", "儿女", "人民", "各族", "地区", "省区", "省份", "大开发", "陆海", "发达地区", "沿海")
ZONE_SUFFIXES = ("高新技术产业开发区", "经济技术开发区", "经济开发区", "高新区", "经开区", "开发区", "新区",
                 "经济区", "示范区", "试验区")
BARE_ZONES = ("高新区", "经开区")
GENERIC_BEFORE_ZONE = "各个级等"

# jieba's part of speech for a county short form that is really a place (others are words: 大兴, 通道)
PLACE_TAGS = ("ns", None)
# ... and for the name part of a village or township (others are words: 发展村, 红色村, 街道社区)
PROPER_TAGS = ("ns", "nr", "nrt", "nz", None)
LOCAL_SUFFIX = re.compile("|".join(LOCAL_SUFFIXES))
# names sharing one suffix: 甲、乙等4个社区
ENUMERATION = re.compile(
    r"((?:[\u4e00-\u9fff]{2,6}、)+[\u4e00-\u9fff]{2,6}|[\u4e00-\u9fff]{2,6})"
    rf"等\s*[\d一二三四五六七八九十两]*\s*个\s*({LOCAL_SUFFIX.pattern})")
MAX_LOCAL_NAME = 8
# the last character of a division's name, which 委 may follow: 天津市委, 凉山州委
UNIT_WORDS = "省市县区州旗盟"
# what joins two places in a list: 温岭、黄岩
JOINERS = "、和与及"


def word_bounds(text: str) -> set[int]:
    """Offsets where a word starts or ends in jieba's segmentation (no HMM guessing).

    >>> sorted(word_bounds("重大理论"))
    [0, 2, 4]
    """
    return {i for _, start, end in jieba.tokenize(text, HMM=False) for i in (start, end)}


def _committee(text: str, end: int) -> bool:
    """Whether a name ending at ``end`` is a division's name before 委 (天津市委), which jieba glues.

    >>> _committee("中共天津市委", 5), _committee("天津市民", 5)
    (True, False)
    """
    return text[end - 1 : end] in UNIT_WORDS and text[end : end + 1] == "委"


def rank(region: RegionRef, subject: RegionRef | None, known: frozenset = frozenset()) -> tuple:
    """Sort key choosing among regions sharing a name: nearest the subject first.

    In the subject's own chain (innermost first), then inside a region the
    article names elsewhere (``known``), then inside the subject, then in the
    subject's province, then the higher level, then the lower code.

    >>> prov = RegionRef("320000", "江苏省", "province", "320000")
    >>> nanjing = RegionRef("320100", "南京市", "prefecture", "320100", prov)
    >>> gulou_nj = RegionRef("320106", "鼓楼区", "county", "320106", nanjing)
    >>> gulou_fz = RegionRef("350102", "鼓楼区", "county", "350102")
    >>> min([gulou_fz, gulou_nj], key=lambda r: rank(r, nanjing)).key
    '320106'
    """
    chain = subject.chain() if subject else []
    position = next((i for i, r in enumerate(chain) if r == region), len(chain))
    inside = subject is not None and subject in region.chain()[1:]
    same_top = bool(chain) and region.chain()[-1] == chain[-1]
    unknown = not any(r in known for r in region.chain())
    return position, unknown, not inside, not same_top, LEVEL_RANK[region.level], region.key


def is_about(region: RegionRef, subject: RegionRef | None) -> bool:
    """Whether ``region`` (or the division holding it) is in the subject's chain.

    >>> bj = RegionRef("110000", "北京市", "province", "110000")
    >>> zone = RegionRef("zone-110000-北京城市副中心", "北京城市副中心", "zone", None, bj)
    >>> is_about(zone, bj), is_about(bj, None)
    (True, False)
    """
    if subject is None:
        return False
    chain = subject.chain()
    return region in chain or (region.parent is not None and region.parent in chain)


def near(region: RegionRef, subject: RegionRef | None) -> bool:
    """Whether a county's short form may mean ``region`` in an article about ``subject``.

    Near means inside the subject's prefecture (or province); with no subject
    yet (reading the title) every county is near.
    """
    if subject is None:
        return True
    home = subject if subject.level in ("province", "prefecture") else (subject.parent or subject)
    return home in region.chain()


class RegionFinder:
    """Finds region mentions in a text, given the region the text is about.

    :param gazetteer: the names to look up.
    """

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        lengths: dict[str, set[int]] = {}
        for form in gazetteer.names:
            lengths.setdefault(form[0], set()).add(len(form))
        self._lengths = {ch: sorted(ls, reverse=True) for ch, ls in lengths.items()}
        jieba.setLogLevel(logging.WARNING)
        jieba.initialize()
        self._tags = jieba.posseg.dt.word_tag_tab

    def subject(self, title: str, level: str | None, text: str = "") -> RegionRef | None:
        """The region an article is about: the first one its title names at the article's level.

        Any written form of a region at that level counts, even one that is
        also a word, since a title names its region; a name several regions
        share (鼓楼) goes to the one inside the regions ``text`` names.

        :param level: the article's level in the table of contents, if known.
        :param text: the article's text.
        """
        bounds = word_bounds(title)
        for i in sorted(bounds - {len(title)}):
            for length in self._lengths.get(title[i], ()):
                names = self.gazetteer.names.get(title[i : i + length], ())
                at_level = [n.region for n in names if n.region.level == level and i + length in bounds]
                if len(at_level) > 1:
                    known = self._known(text, None, word_bounds(text))
                    return min(at_level, key=lambda r: rank(r, None, known))
                if at_level:
                    return at_level[0]
        spans = list(self.divisions(title, None, bounds))
        return spans[0][2] if spans else None

    def find(self, text: str, subject: RegionRef | None) -> list[tuple[int, int, RegionRef]]:
        """(start, end, region) for every mention in ``text``, in text order.

        Two passes: the regions the first finds settle repeated short names in the second.
        """
        bounds = word_bounds(text)
        spans = list(self.divisions(text, subject, bounds, self._known(text, subject, bounds)))
        named = [subject] if subject else []
        named += [r for _, _, r in spans if r.level in ("prefecture", "county")]
        taken = [(s, e) for s, e, _ in spans]
        for span in self.locals(text, named, bounds, {e for _, e in taken}):
            if not any(span[0] < e and s < span[1] for s, e in taken):
                spans.append(span)
                taken.append(span[:2])
        return sorted(spans, key=lambda span: span[0])

    def _known(self, text: str, subject: RegionRef | None, bounds: set[int]) -> frozenset:
        """The regions, with their ancestors, that ``text`` names beyond doubt.

        That is, by a form no other region has, or right after their own
        prefecture or province (北京市朝阳区).
        """
        return frozenset(r for _, _, region, certain in self._spans(text, subject, bounds, frozenset())
                         if certain for r in region.chain())

    def divisions(self, text: str, subject: RegionRef | None, bounds: set[int],
                  known: frozenset = frozenset()) -> Iterator[tuple[int, int, RegionRef]]:
        """Divisions, zones, macro areas and countries: leftmost-longest accepted form."""
        return ((start, end, region) for start, end, region, _ in self._spans(text, subject, bounds, known))

    def _spans(self, text: str, subject: RegionRef | None, bounds: set[int], known: frozenset):
        i, previous = 0, (-1, None)
        while i < len(text):
            after = previous[1] if previous[0] == i or previous[0] == i - 1 and text[i - 1] in JOINERS else None
            hit = self._match_at(text, i, subject, bounds, known, after) if i in bounds else None
            if hit is None:
                i += 1
                continue
            end, region, certain = hit
            end, region = self._zone_after(text, i, end, region)
            yield i, end, region, certain
            i, previous = end, (end, region)

    def _match_at(self, text: str, i: int, subject: RegionRef | None, bounds: set[int], known: frozenset,
                  after: RegionRef | None):
        bare = next((z for z in BARE_ZONES if text.startswith(z, i)), None)
        if bare and subject is not None and (i == 0 or text[i - 1] not in GENERIC_BEFORE_ZONE):
            return i + len(bare), self.gazetteer.special(bare, "zone", subject), True
        for length in self._lengths.get(text[i], ()):
            names = self.gazetteer.names.get(text[i : i + length])
            if names and (i + length in bounds or _committee(text, i + length)):
                candidates = self._accept(names, text[i + length : i + length + 4], subject, after, known)
                below = [r for r in candidates if after is not None and after in r.chain()[1:]]
                if candidates:
                    pick = min(below or candidates, key=lambda r: rank(r, subject, known))
                    return i + length, pick, len(names) == 1 or len(below) == 1
        return None

    def _accept(self, names: list[Name], following: str, subject: RegionRef | None,
                after: RegionRef | None, known: frozenset) -> list[RegionRef]:
        if following.startswith(NOT_PLACE_AFTER):
            return []
        return [name.region for name in names if self._fits(name, following, subject, after, known)]

    def _fits(self, name: Name, following: str, subject: RegionRef | None, after: RegionRef | None,
              known: frozenset) -> bool:
        """Whether a form may mean its region here; ``after`` is a region named just before it.

        A county's short form counts near the article's region, or anywhere
        once the article names the county in full (北京市朝阳区 … 朝阳), or
        right after its own prefecture or province (上海嘉定); listed after
        another place (温岭、黄岩) it counts even where it is also a word.
        """
        if name.kind == "guarded":
            return subject is None or is_about(name.region, subject) or following.startswith(PLACE_WORDS)
        if name.kind == "short":
            if STREET.match(following):
                return False
            if name.region.level == "county":
                if after is not None and after in name.region.chain():
                    return self._tags.get(name.form) in PLACE_TAGS
                return (near(name.region, subject) or name.region in known) and (
                    after is not None or self._tags.get(name.form) in PLACE_TAGS)
        return True

    def _zone_after(self, text: str, start: int, end: int, region: RegionRef) -> tuple[int, RegionRef]:
        """A division's name followed by a zone word names a zone: 广安经开区, 毕节示范区.

        Not after a district's own name (滨海新区开发区 is 滨海新区 and a generic word).
        """
        if region.code is None or text[end - 1] == "区":
            return end, region
        suffix = next((s for s in ZONE_SUFFIXES if text.startswith(s, end)), None)
        if suffix is None:
            return end, region
        return end + len(suffix), self.gazetteer.special(text[start:end] + suffix, "zone", region)

    def locals(self, text: str, named: list[RegionRef], bounds: set[int],
               region_ends: set[int]) -> Iterator[tuple[int, int, RegionRef]]:
        """Townships and villages inside the regions ``named``, written with their suffix.

        A name counts, everywhere in the text, once one of its mentions is
        evidently a place: it is next to another region's name (郫都区战旗村), it is listed
        with a shared suffix (甲、乙等4个社区), or its name part is a proper noun
        rather than a word (not 发展村, 街道社区).
        """
        table: dict[str, RegionRef] = {}
        for region in named:
            for name, ref in self.gazetteer.locals_under(region).items():
                table.setdefault(name, ref)
        found = list(self._suffixed(text, table, bounds)) + list(self._enumerated(text, table))
        ends = region_ends | {end for _, end, _, _ in found}
        starts = {start for start, _, _, _ in found}
        evident = {ref for start, end, ref, listed in found
                   if listed or start in ends or end in starts or self._proper(text[start:end])}
        return ((start, end, ref) for start, end, ref, _ in found if ref in evident)

    def _suffixed(self, text: str, table: dict[str, RegionRef], bounds: set[int]):
        for match in LOCAL_SUFFIX.finditer(text):
            end = match.end()
            if end not in bounds:
                continue
            starts = range(max(0, match.start() - MAX_LOCAL_NAME), match.start() - 1)
            start = next((s for s in starts if s in bounds and text[s:end] in table), None)
            if start is not None:
                yield start, end, table[text[start:end]], False

    @staticmethod
    def _enumerated(text: str, table: dict[str, RegionRef]):
        for match in ENUMERATION.finditer(text):
            suffix, offset = match.group(2), match.start(1)
            for item in match.group(1).split("、"):
                name = next((item[k:] for k in range(len(item) - 1) if item[k:] + suffix in table), None)
                if name is not None:
                    yield offset + len(item) - len(name), offset + len(item), table[name + suffix], True
                offset += len(item) + 1

    def _proper(self, name: str) -> bool:
        """Whether a suffixed name's name part is a proper noun, not a word (发展村, 新农村).

        A word jieba glues across the name part and the suffix (农村 in 新农村) must be a proper noun too.
        """
        cut = len(name) - len(local_suffix(name))
        glued = [word for word, start, end in jieba.tokenize(name, HMM=False) if start < cut < end]
        return all(self._tags.get(word) in PROPER_TAGS for word in [name[:cut], *glued])


@register("regions", requires=("sentences",), assigns=("regions", "subject"))
def make_regions():
    """The ``regions`` component: fills ``article.regions`` and ``article.subject``."""
    finder = RegionFinder(load_gazetteer())

    def regions(article: Article) -> Article:
        article.subject = finder.subject(article.title, article.level, article.text)
        starts = [s.start for s in article.sentences]
        article.regions = [
            RegionMention(article.text[s:e], s, e, article.sentences[bisect.bisect_right(starts, s) - 1].index, region)
            for s, e, region in finder.find(article.text, article.subject)
        ]
        return article

    return regions
