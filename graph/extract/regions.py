"""Find every region an article names, and the region the article is about.

Divisions, zones, macro areas and countries are found by leftmost-longest
lookup of the gazetteer's written forms, then checked by the kind of form:
full names stand alone; short forms must not run into a street name (陕西南路),
an ethnic group (蒙古族) or a township named after them (昭化镇), and a
county's short form counts only near the article's own region (a prefecture's
朝阳 is not Beijing's); 别称 count only where the text clearly means the place.
Repeated names (鼓楼区) resolve to the candidate nearest the article's subject.
Townships and villages count only when known to lie inside a region the
article names and written with their suffix, listed with a shared suffix
(甲、乙等4个社区), or written right after their county or city (旺苍南阳); a
township of the article's province whose name is a proper noun no other township
there has counts with its county unnamed, and one the gazetteer lacks counts in an
address between its county and a village of that county. Named
zones are a division or a proper name before a zone word (广安经开区,
西城经济开发区) or two places joined by a dash (中国—东盟科技城), not a title a
region holds (毕节示范区 is 毕节); three or four
province abbreviations in a row name a multi-province area (川滇黔). Every match
starts and ends on a word boundary of jieba's segmentation, so a name inside a
longer word does not count (大理 in 重大理论, 和县 in 单位和县区, 厦门 in 厦门大学).
A place name inside another name is no mention either: before the head word of
an institution's or event's name (西湖大学, 剑阁红军纪念馆), or inside a quoted
name of an item (“智汇甲城”, 《甲市人才发展规划》).
"""
from __future__ import annotations

import bisect
import logging
import re
from collections import ChainMap, Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

import jieba
import jieba.posseg
from ahocorasick_rs import AhoCorasick

from ..doc import Article, RegionMention, RegionRef
from ..gazetteer import (DIVISION_LEVELS, LEVEL_RANK, LOCAL_SUFFIXES, TOWNSHIP_SUFFIXES, VILLAGE_SUFFIXES, Gazetteer, Name,
                         local_level, local_suffix)
from ..knowledge import Knowledge
from . import register
from .lexicon import any_of, unknown_lists
from .punctuation import full_width

TABLE = "data/region_words.tsv"
#: the kinds of ``data/region_words.tsv`` (explained there)
LISTS = ("name-head", "zone-suffix", "zone-modifier", "bare-zone", "free-trade-zone", "bracket-opening", "area-holding-zone",
         "direction-zone", "designation-head", "macro-suffix", "street-suffix", "not-place-after", "place-word", "area-word")
# an area (片区) of a free trade zone or a science city
ZONE_PART = re.compile(r"[\u4e00-\u9fff]{2,6}?片区")
GENERIC_BEFORE_ZONE = "各个级等"

# jieba's part of speech for a county short form that is really a place: a place or another
# proper noun (others are ordinary words: 大兴, 通道, 振兴) ...
PLACE_TAGS = ("ns", "nr", "nz", None)
# ... but a person's or other proper name jieba counts this often in general text is also a
# word or a given name (惠民 would be, 和平 and 红旗 are; 苍溪, 高安, 如皋 are not)
NAME_TAGS = ("nr", "nz")
RARE_NAME_FREQ = 150
# ... and for a zone's own name (临空; not 理念, and not 城市: ns is also jieba's tag for
# generic place nouns, so an ns name must be a region's short form: 西城)
ZONE_NAME_TAGS = ("nr", "nz", None)
# ... and for each character of a zone's name jieba cuts into single characters (临 and 空 of
# 临空): nouns and verbs, not particles, prepositions, adjectives or numerals (的新区, 在建)
ZONE_CHAR_TAGS = ("n", "v", "j", "ng", "vg", "ns")
ZONE_NAME_CHARS = 2
# ... and for a word between a division and a zone word (武汉光谷科技城, 南京江北新区)
ZONE_MIDDLE_TAGS = PLACE_TAGS + ("n", "t")
# ... right after its own prefecture or province, where one that is also a noun is the place: 吉林梨树
AFTER_PARENT_TAGS = PLACE_TAGS + ("n",)
# ... and for the name part of a village or township (others are words: 发展村, 红色村, 街道社区)
PROPER_TAGS = ("ns", "nr", "nrt", "nz", None)
# ... and for a word jieba makes of a suffix's last character and what follows: a place or an organ
# of the place (镇里, 镇南, 镇党委), not an ordinary noun (村庄, 村民)
GLUED_TAGS = ("ns", "s", "f", "nt")
LOCAL_SUFFIX = re.compile("|".join(LOCAL_SUFFIXES))
TOWNSHIP_SUFFIX = re.compile("|".join(TOWNSHIP_SUFFIXES))
# names sharing one suffix: 甲、乙等4个社区, 甲、乙、丙等乡村 (villages)
LIST_END = re.compile(rf"等\s*(?:[\d一二三四五六七八九十两]*\s*个\s*)?(乡村|村庄|{LOCAL_SUFFIX.pattern})")
ENUMERATION = re.compile(r"((?:[\u4e00-\u9fff]{2,6}、)+[\u4e00-\u9fff]{2,6}|[\u4e00-\u9fff]{2,6})" + LIST_END.pattern)
# what an enumeration's names stand in: a run of characters and 、
LIST_RUN = re.compile(r"[\u4e00-\u9fff、]+")
VILLAGE_WORDS = ("乡村", "村庄")
# a township's name in an address between its county and a village: 甲乙街道
UNLISTED_TOWNSHIP = re.compile(rf"[\u4e00-\u9fff]{{2,4}}?(?:{'|'.join(TOWNSHIP_SUFFIXES)})")
# a list member written with its own suffix right after a 、 (…、甲乙镇、…), ending where the list goes on or ends
LISTED_PEER = re.compile(rf"([\u4e00-\u9fff]{{2,4}}?)({'|'.join(LOCAL_SUFFIXES)})(?=[、等和及与，。；：,;）)]|$)")
COMMUNITY = "社区"
# a township written before one of its villages in a list (…、甲镇乙村)
TOWNSHIP_BEFORE = re.compile(rf"[\u4e00-\u9fff]{{2,4}}?(?:{'|'.join(TOWNSHIP_SUFFIXES)})(?=[\u4e00-\u9fff]{{2,4}}?(?:{'|'.join(VILLAGE_SUFFIXES)}))")
# a count of places of one kind closing a list of them (…、乙村等6个村)
COUNTED_LIST_END = re.compile(rf"(?<=[^、])等\s*[\d一二三四五六七八九十两]+\s*个\s*({'|'.join(LOCAL_SUFFIXES)})")
# what a list member's name part may be: among places, a noun or a family name is a name too (石门村, 竹林村, 李家村)
PEER_TAGS = PROPER_TAGS + ("n", "nrfg")
# single-character words that cannot open a place's name (在甲镇, 赴乙村): prepositions, verbs, conjunctions …
NOT_NAME_OPENING = ("p", "v", "c", "d", "r", "u", "f", "m", "q")
MAX_LOCAL_NAME = 8
MAX_BARE_NAME = 4
# how many of the divisions a text names most may hold the township its title names
TEXT_HOMES = 3
# the last character of a division's name, which 委 may follow: 天津市委, 凉山州委
UNIT_WORDS = "省市县区州旗盟"
# what joins two places in a list: 温岭、黄岩
JOINERS = "、和与及"
# one-character province abbreviations (official and common), which run together to name a
# multi-province area: 川滇黔交界, 沪苏浙; 新 also means "new" (新青海), so it cannot start one
PROVINCE_ABBREVIATIONS = "京津沪渝冀豫云滇辽黑湘皖鲁新苏浙赣鄂桂甘陇晋蒙陕秦吉闽贵黔粤青藏川蜀宁琼"
MACRO_AREA_WORD = "地区"
PROVINCE_RUN = re.compile(rf"(?!新)[{PROVINCE_ABBREVIATIONS}]{{3,4}}(?![{PROVINCE_ABBREVIATIONS}])")
DASH = "—–-"
HOME_COUNTRY = "中国"
TITLE_OPENING = re.compile(HOME_COUNTRY + "[•·・]$")  # 中国•甲省招才大会: an event's title format, not the place
ORGAN_END = "委"  # 市委, 党工委: a place's own committee, so the place itself
EDITION = re.compile(r"(?:第[一二三四五六七八九十\d]+|首)届")  # 第三届, 首届: an edition of an event
# jieba's part of speech for the words that may stand between a place name and the head word of
# the name it opens (剑阁|红军|纪念馆, 云南|国际|人才|交流会, 阳城|陈廷敬|纪念馆): nouns and names,
# not verbs (深圳|考察|南方科技大学); after a verbal noun only a head word itself (凤县|革命|纪念馆,
# not 北京|调研|清华大学)
NAME_WORD_TAGS = ("n", "nz", "nt", "nr", "j", "b", "s", "l", "ng", "zg")  # (zg, ng: single characters, 村|政|学院)
VERBAL_NOUN = "vn"
MAX_NAME_WORDS = 3
MAX_DESIGNATION = 16  # characters between a macro area and the end of the title it is written in
# an item's name in quotes holds no sentence punctuation and does not end a sentence nor stand before 的,
# as a quoted saying is (“着力打造甲地人才高地”。) ...
QUOTED_NAME = re.compile(r"“[^“”，。！？；：]{1,40}”(?![。！？的])|《[^《》]{1,80}》")
# ... and a quote that only lists places (“甲•乙”跟班, “甲—乙—丙”通道) is about them
PLACE_LIST_MARKS = "、—•·-"


@dataclass(frozen=True)
class Context:
    """What surrounds a candidate name: the evidence its kind of form needs.

    :param following: the next few characters.
    :param after: a region named just before it, directly or across a joiner (温岭、黄岩).
    :param adjacent: whether that region's name touches it (上海嘉定, 旺苍南阳).
    :param suffix: a township or village suffix following it (昭化|镇), if any.
    :param listed: whether ``、`` and another region's name follow (东北、江苏).
    :param listed_city: whether that name is a province's or prefecture's (井冈山、延安).
    """

    following: str
    after: RegionRef | None = None
    adjacent: bool = False
    suffix: str | None = None
    listed: bool = False
    listed_city: bool = False


@dataclass(frozen=True)
class Scan:
    """What the passes over one text share, found once.

    :param bounds: the word boundaries of :func:`word_bounds`.
    :param ends: where the gazetteer's forms starting at an offset end, longest first (one
        pass of an Aho-Corasick automaton over every form).
    :param starts: the word starts where a region may start, in text order.
    """

    bounds: dict[int, int]
    ends: dict[int, list[int]]
    starts: list[int]


def word_bounds(text: str) -> dict[int, int]:
    """Offsets where a word starts or ends in jieba's segmentation (no HMM guessing).

    Each maps to the end of the word starting there (the text's end to itself),
    so a rule can also ask what the next word is.

    >>> bounds = word_bounds("重大理论")
    >>> sorted(bounds), bounds[0]
    ([0, 2, 4], 2)
    """
    bounds = {start: end for _, start, end in jieba.tokenize(text, HMM=False)}
    bounds[len(text)] = len(text)
    return bounds


def _split_joined_places(bounds: dict[int, int], ends: dict[int, list[int]]) -> None:
    """Cut the words jieba's dictionary makes of two places written together (山西大同,
    广西北海) between the two, so each is a word of its own, as 四川|乐山 already is.

    :param ends: where each gazetteer form starting at an offset ends.

    >>> bounds, ends = {0: 4, 4: 4}, {0: [2], 2: [4]}
    >>> _split_joined_places(bounds, ends)
    >>> sorted(bounds.items())
    [(0, 2), (2, 4), (4, 4)]
    """
    for start in [k for k in ends if k in bounds]:  # (only where a gazetteer form starts: few offsets)
        end = bounds[start]
        middle = next((k for k in ends[start] if start < k < end and end in ends.get(k, ())), None)
        if middle is not None:
            bounds[start], bounds[middle] = middle, end


def _enumerations(text: str) -> Iterator[re.Match]:
    """The matches of :data:`ENUMERATION`, sought only in the runs of :data:`LIST_RUN` holding the
    start of a :data:`LIST_END`, so a long list without one costs no backtracking.

    >>> [m.group() for m in _enumerations("甲乙、丙丁、戊己。庚辛、壬癸等4个社区")]
    ['庚辛、壬癸等4个社区']
    """
    list_ends = [match.span() for match in LIST_END.finditer(text)]
    starts = [start for start, _ in list_ends]
    last = 0
    for run in LIST_RUN.finditer(text):
        k = bisect.bisect_left(starts, run.end())
        if k == bisect.bisect_left(starts, run.start()):
            continue
        for match in ENUMERATION.finditer(text, max(run.start(), last), list_ends[k - 1][1]):
            if match.start() >= run.end():
                break
            last = match.end()
            yield match


def _hanzi(text: str) -> bool:
    """Whether ``text`` is all Chinese characters (no punctuation, digits or Latin).

    >>> _hanzi("临空"), _hanzi("）"), _hanzi("")
    (True, False, False)
    """
    return bool(text) and all("\u4e00" <= ch <= "\u9fff" for ch in text)


def _committee(text: str, end: int) -> bool:
    """Whether a name ending at ``end`` is a division's name before 委 (天津市委), which jieba glues.

    >>> _committee("中共天津市委", 5), _committee("天津市民", 5)
    (True, False)
    """
    return text[end - 1 : end] in UNIT_WORDS and text[end : end + 1] == "委"


def _bracketed_in_name(text: str, start: int, end: int) -> bool:
    """Whether the name from ``start`` to ``end`` stands in brackets inside a longer name.

    >>> _bracketed_in_name("甲乙大学（北京）研究院", 5, 7), _bracketed_in_name("首都（北京）", 3, 5)
    (True, False)
    """
    return (text[start - 1 : start] == "（" and text[end : end + 1] == "）"
            and _hanzi(text[start - 2 : start - 1]) and _hanzi(text[end + 1 : end + 2]))


def _quoted_names(text: str) -> list[tuple[int, int]]:
    """Where quoted names of items are (“智汇甲城”, 《甲市人才发展规划》), not quoted sayings.

    >>> text = "实施“智汇甲城”计划，群众说“甲城变美了，我们很满意”，“甲城大有可为”。"
    >>> [text[s:e] for s, e in _quoted_names(text)]
    ['“智汇甲城”']
    """
    return [match.span() for match in QUOTED_NAME.finditer(text)]


def _item_names(text: str, spans: list[tuple]) -> list[tuple[int, int]]:
    """The quoted names of items (:func:`_quoted_names`) that hold more than places (“智汇甲城”,
    not “甲•乙” nor “甲—乙—丙”, which are about the places), in text order.

    :param spans: every mention found, none overlapping, to tell a list of places.
    """
    spans = sorted(spans, key=lambda span: span[0])
    starts = [s for s, _, _ in spans]
    items = []
    for start, end in _quoted_names(text):
        rest = list(text[start + 1 : end - 1])
        for s, e, _ in spans[bisect.bisect_right(starts, start) : bisect.bisect_left(starts, end)]:
            if e < end:
                rest[s - start - 1 : e - start - 1] = [""] * (e - s)
        if any(ch and ch not in PLACE_LIST_MARKS for ch in rest):
            items.append((start, end))
    return items


def _inside(span: tuple, names: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether ``span`` lies inside one of ``names``, which do not overlap.

    :param starts: where each of ``names`` starts.
    """
    k = bisect.bisect_left(starts, span[0]) - 1
    return k >= 0 and span[1] < names[k][1]


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

    Near means inside the prefecture (or province) holding the subject, at
    whatever level the subject is (a township's county's prefecture); with no
    subject yet (reading the title) every county is near.
    """
    if subject is None:
        return True
    home = next((r for r in subject.chain() if r.level in ("province", "prefecture")), subject)
    return home in region.chain()


def _local_home(region: RegionRef) -> RegionRef:
    """Where to look up the townships and villages an article about ``region`` names: the
    county holding a township or village, else the region itself.

    >>> county = RegionRef("321012", "江都区", "county", "321012")
    >>> _local_home(RegionRef("321012-丁伙镇", "丁伙镇", "township", None, county)).name
    '江都区'
    """
    return next((r for r in region.chain() if r.level not in ("township", "village")), region)


def descend(regions: list[RegionRef]) -> RegionRef | None:
    """The most specific of regions named one inside the other (河南省郑州市金水区 → 金水区).

    A region not inside the current one (a place the report visited) does not count.

    >>> prov = RegionRef("410000", "河南省", "province", "410000")
    >>> city = RegionRef("410100", "郑州市", "prefecture", "410100", prov)
    >>> other = RegionRef("320000", "江苏省", "province", "320000")
    >>> descend([prov, city, other]).name, descend([])
    ('郑州市', None)
    """
    current = None
    for region in regions:
        if current is None or current in region.chain()[1:]:
            current = region
    return current


def _community_named_after_village(text: str, end: int, region: RegionRef) -> bool:
    """Whether a village jionlp lists by its old name is written as the community it now is
    (甲村 listed, 甲村社区 written), so the mention runs on over 社区."""
    return region.level == "village" and region.name.endswith("村") and text.startswith(COMMUNITY, end)


def _one_place(places: set[RegionRef]) -> RegionRef | None:
    """The one place a bare name means: the only one, or a township holding the others, the
    villages named after it (照金 for 照金镇, not its 照金村)."""
    if len(places) == 1:
        return next(iter(places))
    townships = [p for p in places if p.level == "township"]
    if len(townships) == 1 and all(townships[0] in p.chain() for p in places):
        return townships[0]
    return None


def _shared_home(places: list[RegionRef]) -> RegionRef | None:
    """The innermost region that holds every one of ``places``, if one does."""
    return next((r for r in places[0].chain()[1:] if all(r in p.chain() for p in places[1:])), None)


class RegionFinder:
    """Finds region mentions in a text, given the region the text is about.

    :param gazetteer: the names to look up.
    :param words: the word lists of ``data/region_words.tsv`` by kind; a kind not given is empty.
    :raises OrgkgError: for a kind not in :data:`LISTS`.
    """

    def __init__(self, gazetteer: Gazetteer, words: Mapping[str, tuple[str, ...]]):
        self.gazetteer = gazetteer
        unknown_lists(words, TABLE, LISTS)
        w = {kind: tuple(words.get(kind, ())) for kind in LISTS}
        self._name_heads = w["name-head"]
        self._head_at = re.compile(any_of(self._name_heads))
        self._zone_suffixes, self._zone_modifiers, self._bare_zones = w["zone-suffix"], w["zone-modifier"], w["bare-zone"]
        self._free_trade_zones, self._direction_zones = w["free-trade-zone"], w["direction-zone"]
        self._area_holding = self._free_trade_zones + w["area-holding-zone"]
        self._not_place_after, self._place_words, self._area_words = w["not-place-after"], w["place-word"], w["area-word"]
        self._macro_suffix = re.compile(any_of(w["macro-suffix"]))
        self._street = re.compile("[东南西北中]?" + any_of(w["street-suffix"]))
        self._designation = re.compile(rf"(?:(?![的在])[\u4e00-\u9fff]){{0,{MAX_DESIGNATION}}}?" + any_of(w["designation-head"]))
        # a zone named with its province or city in brackets: 中国（甲省）自由贸易试验区, 西部（甲市）科学城
        bracket_opening = any_of(w["bracket-opening"])
        self._bracketed_zone = re.compile(bracket_opening + r"[（(]([\u4e00-\u9fff]{2,8})[）)]"
                                          + any_of(self._free_trade_zones, self._zone_suffixes))
        # where a zone word starts, so where a zone's own name may end
        self._zone_word = re.compile("(?=" + any_of(self._zone_modifiers, self._zone_suffixes) + ")")
        # a zone two places found together, joined by a dash: 中国—东盟科技城
        self._joined_zone_name = re.compile(
            rf"([\u4e00-\u9fff]{{2,4}})[{DASH}]([\u4e00-\u9fff]{{2,4}}?)" + any_of(self._zone_suffixes))
        # where a region other than a gazetteer form may start: a bracketed free trade zone, a bare zone, a province run
        self._opening = re.compile(rf"(?=中国[{DASH}]|{bracket_opening}[（(]|" + any_of(self._bare_zones) + f"|{PROVINCE_RUN.pattern})")
        self._automaton = AhoCorasick(list(gazetteer.names))
        self._scans: dict[str, Scan] = {}
        jieba.setLogLevel(logging.WARNING)
        jieba.initialize()
        self._tags = jieba.posseg.dt.word_tag_tab
        self._freq = jieba.dt.FREQ

    def _scan(self, text: str) -> Scan:
        """The :class:`Scan` of ``text``, kept for the last two texts (an article's title and text)."""
        if text not in self._scans:
            bounds = word_bounds(text)
            ends: dict[int, list[int]] = {}
            for _, start, end in self._automaton.find_matches_as_indexes(text, overlapping=True):
                ends.setdefault(start, []).append(end)
            for found in ends.values():
                found.sort(reverse=True)
            _split_joined_places(bounds, ends)
            zone_words = {match.start() for match in self._zone_word.finditer(text)}
            named_zones = (i for i, end in bounds.items()
                           if (end if end - i >= ZONE_NAME_CHARS else i + ZONE_NAME_CHARS) in zone_words)
            openings = (match.start() for match in self._opening.finditer(text))
            starts = sorted({*ends, *named_zones, *openings} & bounds.keys())
            if len(self._scans) == 2:
                del self._scans[next(iter(self._scans))]
            self._scans[text] = Scan(bounds, ends, starts)
        return self._scans[text]

    def subject(self, title: str, level: str | None, text: str = "") -> RegionRef | None:
        """The region an article is about, read from its title.

        With the article's level known (a compilation's table of contents),
        the first region the title names at that level. Otherwise (a folder of
        reports: 中共某县委组织部2023年工作总结, 关于某市人才工作情况的汇报)
        the most specific division or zone the title names, or a township it names
        with its suffix (某镇党建工作汇报), found inside the divisions the
        title or else the text names; with no region in the title, the
        division the text names most. A name several regions share (鼓楼区)
        goes to the one inside the regions the text names.

        :param level: the article's level in the table of contents, if known.
        :param text: the article's text.
        """
        found = self._at_level(title, level, text) if level else None
        if found is not None:
            return found
        known = self._known(text, None)
        division = descend([region for _, _, region in self.divisions(title, None, known)
                            if region.level in DIVISION_LEVELS + ("zone",)])
        found = self._township_in_title(title, division, text) or division
        return found or next(iter(self._named_divisions(text)), None)

    def _named_divisions(self, text: str) -> list[RegionRef]:
        """The divisions ``text`` names, most often named first: a title naming no region
        (2023年度组织工作总结) leaves the article to the division its text is about."""
        counts = Counter(r for _, _, r in self.divisions(text, None) if r.level in DIVISION_LEVELS)
        return [region for region, _ in counts.most_common()]

    def _at_level(self, title: str, level: str, text: str) -> RegionRef | None:
        """The first region at ``level`` the title names by any written form, even one that is
        also a word, since a title names its region; a name several regions share (鼓楼)
        goes to the one inside the regions ``text`` names."""
        scan = self._scan(title)
        for i in sorted(i for i in scan.ends if i in scan.bounds):
            for end in scan.ends[i]:
                names = self.gazetteer.names[title[i:end]]
                at_level = [n.region for n in names if n.region.level == level and end in scan.bounds]
                if len(at_level) > 1:
                    known = self._known(text, None)
                    return min(at_level, key=lambda r: rank(r, None, known))
                if at_level:
                    return at_level[0]
        return None

    def _township_in_title(self, title: str, division: RegionRef | None, text: str) -> RegionRef | None:
        """A township the title names with its suffix, inside ``division`` or else inside the
        few divisions the text names most."""
        if not LOCAL_SUFFIX.search(title):
            return None
        within = [division] if division is not None else self._named_divisions(text)[:TEXT_HOMES]
        for region in within:
            found = next(self._suffixed(title, self.gazetteer.locals_under(region), self._scan(title).bounds), None)
            if found is not None:
                return found[2]
        return None

    def find(self, text: str, subject: RegionRef | None) -> list[tuple[int, int, RegionRef]]:
        """(start, end, region) for every mention in ``text``, in text order.

        Two passes: the regions the first finds settle repeated short names in the second.
        A name inside a quoted name of an item (“智汇甲城”) is no mention, nor a macro area
        inside a title (:meth:`_titled`), nor a place after 中国• in an event's title.
        """
        bounds = self._scan(text).bounds
        spans = list(self.divisions(text, subject, self._known(text, subject)))
        named = [_local_home(subject)] if subject else []
        named += [r for _, _, r in spans if r.level in ("prefecture", "county")]
        named.sort(key=lambda r: -LEVEL_RANK[r.level])  # a name a province repeats is the named county's
        starts, ends = [s for s, _, _ in spans], [e for _, e, _ in spans]  # in text order, none overlapping
        found = list(self.locals(text, named, bounds, set(ends)))
        found += list(self._unsuffixed(text, spans, bounds))
        found += list(self._unlisted_townships(text, spans + found))
        found += list(self._listed_peers(text, spans + found, subject, bounds))
        found += list(self._addressed_villages(text, spans + found, bounds))
        found += list(self._provincial_townships(text, subject, bounds))
        for span in found:
            k = bisect.bisect_left(starts, span[1])
            if k == 0 or ends[k - 1] <= span[0]:
                spans.append(span)
                starts.insert(k, span[0])
                ends.insert(k, span[1])
        spans = [(start, end + len(COMMUNITY), region) if _community_named_after_village(text, end, region)
                 else (start, end, region) for start, end, region in spans]
        items = _item_names(text, spans)
        item_starts = [s for s, _ in items]
        return sorted((span for span in spans if not _inside(span, items, item_starts) and not self._titled(text, *span)
                       and not TITLE_OPENING.search(text, max(0, span[0] - len(HOME_COUNTRY) - 1), span[0])),
                      key=lambda span: span[0])

    def _titled(self, text: str, start: int, end: int, region: RegionRef) -> bool:
        """Whether a macro area is written inside a title its region holds (甲乙合作示范区), not as a place."""
        return region.level == "macro" and self._designation.match(text, end) is not None

    def _known(self, text: str, subject: RegionRef | None) -> frozenset:
        """The regions, with their ancestors, that ``text`` names beyond doubt.

        That is, by a form no other region has, or right after their own
        prefecture or province (北京市朝阳区).
        """
        return frozenset(r for _, _, region, certain in self._spans(text, subject, frozenset())
                         if certain for r in region.chain())

    def divisions(self, text: str, subject: RegionRef | None,
                  known: frozenset = frozenset()) -> Iterator[tuple[int, int, RegionRef]]:
        """Divisions, zones, macro areas and countries: leftmost-longest accepted form."""
        return ((start, end, region) for start, end, region, _ in self._spans(text, subject, known))

    def _spans(self, text: str, subject: RegionRef | None, known: frozenset):
        scan = self._scan(text)
        k, previous = 0, (-1, None)
        while k < len(scan.starts):
            i = scan.starts[k]
            joined = previous[0] == i - 1 and i > 0 and text[i - 1] in JOINERS
            after = previous[1] if previous[0] == i or joined else None
            hit = self._match_at(text, i, subject, scan, known, after, previous[0] == i)
            k += 1
            if hit is None:
                continue
            end, region, certain = hit
            end, region = self._zone_after(text, i, end, region, scan.bounds)
            end, region = self._macro_after(text, i, end, region)
            yield i, end, region, certain
            part = ZONE_PART.match(text, end) if region.name.endswith(self._area_holding) else None
            if part is not None and part.end() in scan.bounds:
                region = self.gazetteer.special(part.group(), "zone", region)
                yield end, part.end(), region, certain
                end = part.end()
            k, previous = bisect.bisect_left(scan.starts, end, k), (end, region)

    def _match_at(self, text: str, i: int, subject: RegionRef | None, scan: Scan, known: frozenset,
                  after: RegionRef | None, adjacent: bool):
        special = self._bracketed_zone_at(text, i) or self._joined_zone(text, i, subject)
        if special is not None:
            return special
        bare = next((z for z in self._bare_zones if text.startswith(z, i)), None)
        if bare and subject is not None and (i == 0 or text[i - 1] not in GENERIC_BEFORE_ZONE):
            return i + len(bare), self.gazetteer.special(bare, "zone", subject), True
        for end in scan.ends.get(i, ()):
            names = self._ending_at(text, i, end, scan.bounds)
            if names:
                listed = self._listed_at(text, end, scan.ends)
                here = Context(text[end : end + 4], after, adjacent and after is not None, self._suffix_at(text, end),
                               bool(listed), any(n.region.level in ("province", "prefecture") for n in listed))
                candidates = self._accept(names, here, subject, known)
                below = [r for r in candidates if after is not None and after in r.chain()[1:]]
                if candidates:
                    pick = min(below or candidates, key=lambda r: rank(r, subject, known))
                    return end, pick, len(names) == 1 or len(below) == 1
        return self._named_zone(text, i, subject, scan.bounds) or self._province_run(text, i)

    def _joined_zone(self, text: str, i: int, subject: RegionRef | None):
        """A zone named by two places joined with a dash (中国—东盟科技城): both parts are China
        or a gazetteer's full name; it lies in the article's region."""
        match = self._joined_zone_name.match(text, i)
        if match is None or subject is None:
            return None
        if not all(part == HOME_COUNTRY or any(n.kind == "full" for n in self.gazetteer.names.get(part, ()))
                   for part in match.groups()):
            return None
        return match.end(), self.gazetteer.special(match.group(), "zone", subject), True

    def _bracketed_zone_at(self, text: str, i: int):
        """A zone named with its province or city in brackets: 中国（甲省）自由贸易试验区, 西部（甲市）科学城."""
        match = self._bracketed_zone.match(text, i)
        if match is None:
            return None
        places = {n.region for n in self.gazetteer.names.get(match.group(1), ())
                  if n.kind != "guarded" and n.region.level in ("province", "prefecture")}
        if len(places) != 1:
            return None
        return match.end(), self.gazetteer.special(full_width(match.group()), "zone", places.pop()), True

    def _ending_at(self, text: str, i: int, end: int, bounds: dict[int, int]) -> list[Name]:
        """The gazetteer's forms written from ``i`` to ``end`` that may end there: on a word
        boundary or before 委 (天津市委), and not opening another name (西湖大学) nor
        bracketed inside one (甲大学（北京）研究院)."""
        names = self.gazetteer.names.get(text[i:end], [])
        if (not names or not (end in bounds or _committee(text, end)) or self._opens_name(text, end, bounds)
                or _bracketed_in_name(text, i, end)):
            return []
        return names

    def _opens_name(self, text: str, end: int, bounds: dict[int, int]) -> bool:
        """Whether the head word of an institution's or event's name follows ``end``, directly
        or after a few nouns or an edition (西湖|大学, 剑阁|红军|纪念馆, 甲省|第三届|技能|大赛),
        so the place name is part of it; a head jieba cuts into several words (科|创|中心) counts too."""
        verbal = False
        for n in range(MAX_NAME_WORDS + 1):
            word_end = bounds.get(end)
            word = text[end:word_end] if word_end else ""
            cut_head = self._head_at.match(text, end)
            if (word in self._name_heads or (word.endswith(self._name_heads) and not verbal)
                    or (cut_head is not None and cut_head.end() in bounds)):
                return True
            if n == 0 and word.endswith(ORGAN_END):
                return False  # 甲市委人才工作大会: the committee of the place
            tag = self._tags.get(word)
            if tag not in NAME_WORD_TAGS + (VERBAL_NOUN,) and not EDITION.fullmatch(word):
                return False
            verbal = verbal or tag == VERBAL_NOUN
            end = word_end
        return False

    def _province_run(self, text: str, i: int):
        """Three or four different province abbreviations in a row name a multi-province area
        (川滇黔交界, 沪苏浙); pairs are mostly partnerships (京豫协作), so not those."""
        run = PROVINCE_RUN.match(text, i)
        if run is None or len(set(run.group())) != len(run.group()):
            return None
        return run.end(), self.gazetteer.special(run.group(), "macro", None), True

    @staticmethod
    def _suffix_at(text: str, end: int) -> str | None:
        """The township or village suffix starting at ``end`` (昭化|镇, 广元|乡村), if any."""
        return next((s for s in LOCAL_SUFFIXES if text.startswith(s, end)), None)

    def _listed_at(self, text: str, end: int, ends: dict[int, list[int]]) -> list[Name]:
        """The full or short names of regions that ``、`` and a form after ``end`` may be (东北、江苏).

        :param ends: where the gazetteer's forms end, by start (:class:`Scan`).
        """
        if text[end : end + 1] != "、":
            return []
        return [n for e in ends.get(end + 1, ()) for n in self.gazetteer.names[text[end + 1 : e]] if n.kind != "guarded"]

    def _accept(self, names: list[Name], here: Context, subject: RegionRef | None,
                known: frozenset) -> list[RegionRef]:
        if here.following.startswith(self._not_place_after):
            return []
        return [name.region for name in names if self._fits(name, here, subject, known)]

    def _fits(self, name: Name, here: Context, subject: RegionRef | None, known: frozenset) -> bool:
        """Whether a form may mean its region here.

        A 别称 counts in an article about the place, before a place word
        (京华大地) or listed with other places (东北、江苏). A short form never
        counts where it and the suffix after it name a township of its own
        region (昭化镇 is a township of 昭化区), nor written right after a
        division of a lower level (旺苍南阳 is a village, not 南阳市). A
        county's short form counts near the article's region, or anywhere
        once the article names the county in full (北京市朝阳区 … 朝阳), or
        right after its own prefecture or province (上海嘉定), or listed before a
        city or province (井冈山、延安); listed after another place (温岭、黄岩)
        it counts even where it is also a word.
        """
        if name.kind == "guarded":
            if here.following.startswith(self._direction_zones):
                return False  # 东部新城: a city's planned new town, not 东部地区
            return (subject is None or is_about(name.region, subject) or here.following.startswith(self._place_words)
                    or here.listed or (here.after is not None and not here.adjacent))
        if name.kind != "short":
            return True
        if self._street.match(here.following) or self._inside_previous(name.region, here):
            return False
        if here.suffix and name.form + here.suffix in self.gazetteer.locals_under(name.region):
            return False
        if name.region.level != "county":
            return True
        if here.after is not None and here.after in name.region.chain():
            return self._tags.get(name.form) in AFTER_PARENT_TAGS
        return (near(name.region, subject) or name.region in known or here.listed_city) and (
            here.after is not None or self._place_word(name.form))

    def _place_word(self, form: str) -> bool:
        """Whether jieba reads a county's short form as a place rather than a word or given name."""
        tag = self._tags.get(form)
        if tag in NAME_TAGS:
            return self._freq.get(form, 0) < RARE_NAME_FREQ
        return tag in PLACE_TAGS

    @staticmethod
    def _inside_previous(region: RegionRef, here: Context) -> bool:
        """Whether a name written right after a division must be a place inside it instead.

        Two divisions written together go from the larger to the smaller
        (上海嘉定) or pair equals of one province (呼和浩特包头), so a unit at a
        higher level than the first, or a city or county of another province, is
        some smaller place sharing its name (旺苍南阳, 广元南阳).
        """
        previous = here.after
        if not (here.adjacent and previous.level in DIVISION_LEVELS and region.level in DIVISION_LEVELS):
            return False
        if region.level == previous.level != "province":
            return region.chain()[-1] is not previous.chain()[-1]
        return LEVEL_RANK[region.level] < LEVEL_RANK[previous.level]

    def _zone_after(self, text: str, start: int, end: int, region: RegionRef,
                    bounds: dict[int, int]) -> tuple[int, RegionRef]:
        """A division's name followed by a zone word names a zone: 广安经开区, 苏州工业园区,
        also with one name word between (武汉光谷科技城) that is not a division's name itself.

        Not after a district's own name (滨海新区开发区 is 滨海新区 and a generic word).
        """
        if region.code is None or text[end - 1] == "区":
            return end, region
        zone_end = self._zone_word_end(text, end, bounds)
        middle = bounds.get(end, end)
        if zone_end is None and _hanzi(text[end:middle]) and self._tags.get(text[end:middle]) in ZONE_MIDDLE_TAGS:
            zone_end = self._zone_word_end(text, middle, bounds)
            if zone_end is not None and text[end:zone_end] in self.gazetteer.names:
                zone_end = None
        if zone_end is None:
            return end, region
        return zone_end, self.gazetteer.special(text[start:zone_end], "zone", region)

    def _macro_after(self, text: str, start: int, end: int, region: RegionRef) -> tuple[int, RegionRef]:
        """A city's or province's name before 都市圈, 城市群 … names a macro area (甲市都市圈), and a
        macro area's name may carry 地区 (甲乙丙地区 is the area 甲乙丙 written in full)."""
        suffix = self._macro_suffix.match(text, end) if region.level in ("province", "prefecture") else None
        if suffix is not None:
            return suffix.end(), self.gazetteer.special(text[start:suffix.end()], "macro", None)
        if region.level == "macro" and text.startswith(MACRO_AREA_WORD, end):
            return end + len(MACRO_AREA_WORD), region
        return end, region

    def _zone_word_end(self, text: str, i: int, bounds: dict[int, int]) -> int | None:
        """Where a zone word starting at ``i`` ends (经济开发区, or 经济示范区 with a modifier)."""
        modifier = next((m for m in self._zone_modifiers if text.startswith(m, i) and i + len(m) in bounds), "")
        for start in dict.fromkeys((i + len(modifier), i)):
            suffix = next((s for s in self._zone_suffixes if text.startswith(s, start)), None)
            if suffix is not None:
                return start + len(suffix)
        return None

    def _zone_name_end(self, text: str, i: int, bounds: dict[int, int]) -> int | None:
        """Where a zone's own name starting at ``i`` ends: a proper word (西城), a city's
        quarter before 新城 or 新区 (东部新城, 北部生态新区: the city's planned new town), or two
        characters jieba knows no word for (临空, which it cuts into 临 and 空), each a
        content character rather than a particle or preposition (not 的新, 在建)."""
        word_end = bounds.get(i, i)
        name = text[i:word_end]
        tag = self._tags.get(name)
        if len(name) >= 2:
            modifier = next((m for m in self._zone_modifiers if text.startswith(m, word_end)), "")
            proper = (tag in ZONE_NAME_TAGS or (tag == "ns" and name in self.gazetteer.names)
                      or (tag == "f" and name.endswith("部")
                          and text.startswith(self._direction_zones, word_end + len(modifier))))
            return word_end if _hanzi(name) and proper else None
        pair = text[i : i + ZONE_NAME_CHARS]
        single = all(bounds.get(k) == k + 1 for k in range(i, i + ZONE_NAME_CHARS))
        content = all(self._tags.get(ch) in ZONE_CHAR_TAGS for ch in pair)
        return i + ZONE_NAME_CHARS if single and content and _hanzi(pair) else None

    def _named_zone(self, text: str, i: int, subject: RegionRef | None, bounds: dict[int, int]):
        """A zone named by a proper noun or a place name before its zone word (西城经济开发区,
        临空经济示范区); it lies in the article's region. Not a generic phrase
        (新发展理念示范区, 公园城市示范区) nor a bare zone word."""
        word_end = self._zone_name_end(text, i, bounds)
        if word_end is None:
            return None
        if not any(text.startswith(s, word_end) for s in self._zone_modifiers + self._zone_suffixes):
            return None
        end = self._zone_word_end(text, word_end, bounds)
        if end is None:
            return None
        return end, self.gazetteer.special(text[i:end], "zone", subject), True

    def locals(self, text: str, named: list[RegionRef], bounds: dict[int, int],
               region_ends: set[int]) -> Iterator[tuple[int, int, RegionRef]]:
        """Townships and villages inside the regions ``named``, written with their suffix.

        A name counts, everywhere in the text, once one of its mentions is
        evidently a place: it is next to another region's name (郫都区战旗村, found
        there even where jieba glues its suffix to the next word: 东河镇南峰村), it is listed
        with a shared suffix (甲、乙等4个社区) or with another such place (甲镇、乙乡), or its
        name part is a proper noun rather than a word (not 发展村, 街道社区).
        """
        # the first region's place wins a shared name; looked up through the regions' own tables,
        # as merging them would copy a province's fifty thousand names for every article
        table = ChainMap(*(self.gazetteer.locals_under(region) for region in dict.fromkeys(named)))
        found = [*self._suffixed(text, table, bounds), *self._enumerated(text, table)]
        found += self._chained(text, table, region_ends | {end for _, end, _, _ in found})
        ends = region_ends | {end for _, end, _, _ in found}
        starts = {start for start, _, _, _ in found}
        evident = {ref for start, end, ref, listed in found
                   if listed or start in ends or end in starts or self._proper(text[start:end])
                   or text[start - 1 : start] == "、" and start - 1 in ends or text[end : end + 1] == "、" and end + 1 in starts}
        return ((start, end, ref) for start, end, ref, _ in found if ref in evident)

    def _glued_suffix(self, text: str, end: int, bounds: dict[int, int]) -> bool:
        """Whether jieba glued a suffix's last character to the next into a place word
        (镇里, 东河镇南峰村), not into an ordinary noun (美丽村庄, 扶持村级)."""
        word_end = bounds.get(end - 1)
        return word_end is not None and self._tags.get(text[end - 1 : word_end]) in GLUED_TAGS

    def _suffixed(self, text: str, table: Mapping[str, RegionRef], bounds: dict[int, int]):
        for match in LOCAL_SUFFIX.finditer(text):
            end = match.end()
            if end not in bounds and not self._glued_suffix(text, end, bounds):
                continue
            starts = range(max(0, match.start() - MAX_LOCAL_NAME), match.start() - 1)
            start = next((s for s in starts if s in bounds and text[s:end] in table), None)
            if start is not None:
                yield start, end, table[text[start:end]], False

    @staticmethod
    def _chained(text: str, table: Mapping[str, RegionRef], ends: set[int]) -> list[tuple]:
        """Suffixed names written right after a region or one another (``ends``), whatever
        jieba's word boundaries (东河镇南峰村, where it reads 镇南 as one word)."""
        found, todo = [], sorted(ends)
        while todo:
            start = todo.pop()
            for end in range(start + MAX_LOCAL_NAME + 2, start + 2, -1):
                name = text[start:end]
                if name in table and local_suffix(name):
                    found.append((start, end, table[name], True))
                    todo.append(end)
                    break
        return found

    def _enumerated(self, text: str, table: Mapping[str, RegionRef]):
        """The members of a list with a shared suffix (甲、乙、丙等乡村) that are places there; once
        one is, a member the gazetteer does not list is a place of that kind too (a renamed
        village), if its name is a proper noun, under the places the known members share."""
        for match in _enumerations(text):
            suffix, offset = match.group(2), match.start(1)
            suffix = "村" if suffix in VILLAGE_WORDS else suffix
            known, unknown = [], []
            for item in match.group(1).split("、"):
                name = next((item[k:] for k in range(len(item) - 1) if item[k:] + suffix in table), None)
                if name is not None:
                    known.append((offset + len(item) - len(name), offset + len(item), table[name + suffix], True))
                elif len(item) <= MAX_BARE_NAME and self._proper(item + suffix):
                    unknown.append((offset, offset + len(item), item + suffix))
                offset += len(item) + 1
            yield from known
            home = _shared_home([region for _, _, region, _ in known]) if known else None
            if home is not None:
                yield from ((start, end, self.gazetteer.local(home, name), True) for start, end, name in unknown)

    def _unsuffixed(self, text: str, spans: list[tuple[int, int, RegionRef]], bounds: dict[int, int]):
        """A township or village written without its suffix right after its county or
        prefecture (旺苍南阳, 广元南阳), not after a 别称: a proper noun ending on a word boundary that with
        one suffix names one place there (or a township and the villages inside it: 铜川照金), and not the
        name of an area around it (旺苍南阳片区 is a group of villages named after one, not the village),
        nor a name several places there share."""
        for start, end, home in spans:
            if home.level not in ("prefecture", "county") or self._guarded(text[start:end], home):
                continue  # (a 别称 is literary, no address: 河洛英才卡 names no village 英才)
            table, repeated = self.gazetteer.locals_under(home), self.gazetteer.repeated_under(home)
            for name_end in range(end + MAX_BARE_NAME, end + 1, -1):
                name = text[end:name_end]
                if (name_end not in bounds or not _hanzi(name) or text.startswith(self._area_words, name_end)
                        or not self._name_word(text, end, name_end, bounds)):
                    continue
                forms = [name + suffix for suffix in LOCAL_SUFFIXES if name + suffix in table]
                place = _one_place({table[form] for form in forms})
                if place is not None and not repeated.intersection(forms):
                    yield end, name_end, place
                    break

    def _provincial_townships(self, text: str, subject: RegionRef | None, bounds: dict[int, int]):
        """A township of the article's province written with its suffix though its county goes
        unnamed (昆明托管甲乙镇): one whose name no other township of the province has and
        whose name part is a proper noun, not a word (城关镇 repeats, 幸福乡 is a word)."""
        if subject is None:
            return
        table = self.gazetteer.townships_in(subject.chain()[-1])
        for match in TOWNSHIP_SUFFIX.finditer(text):
            end = match.end()
            if end not in bounds:
                continue
            start = next((s for s in range(max(0, match.start() - MAX_LOCAL_NAME), match.start() - 1)
                          if s in bounds and text[s:end] in table), None)
            if start is not None and self._proper(text[start:end]):
                yield start, end, table[text[start:end]]

    def _unlisted_townships(self, text: str, spans: list[tuple[int, int, RegionRef]]):
        """A township the gazetteer does not list, written between its county and a village
        of that county (观山湖区甲乙街道丙丁社区): its name, two to four characters before a
        township suffix, fills the gap of an address, so it is a township of that county."""
        by_start = {start: region for start, _, region in spans}
        for _, end, county in spans:
            if county.level != "county":
                continue
            gap = UNLISTED_TOWNSHIP.match(text, end)
            village = by_start.get(gap.end()) if gap else None
            if village is not None and village.level == "village" and county in village.chain():
                yield end, gap.end(), self.gazetteer.local(county, gap.group())

    def _addressed_villages(self, text: str, spans: list[tuple[int, int, RegionRef]], bounds: dict[int, int]):
        """A village the gazetteer does not list, written at the end of an address after its county
        and township (甲区乙镇丙村): two to four characters, not opening with a function word, and a
        village suffix; the address is evidence enough of a name, whatever jieba cuts it into."""
        ends = {end for _, end, _ in spans}
        taken = {start for start, _, _ in spans}
        for start, end, township in spans:
            if township.level != "township" or start not in ends or end in taken:
                continue
            for k in range(2, MAX_BARE_NAME + 1):
                suffix = next((s for s in VILLAGE_SUFFIXES if text.startswith(s, end + k)), None)
                if suffix is not None:
                    opening = bounds.get(end) != end + 1 or self._tags.get(text[end]) not in NOT_NAME_OPENING
                    if _hanzi(text[end : end + k]) and opening and self._proper(text[end : end + k + len(suffix)], PEER_TAGS):
                        yield end, end + k + len(suffix), self.gazetteer.local(township, text[end : end + k + len(suffix)])
                    break

    def _listed_peers(self, text: str, spans: list[tuple[int, int, RegionRef]], subject: RegionRef | None,
                      bounds: dict[int, int]):
        """The members of a list of townships, or of villages, each written with its suffix, that
        the gazetteer does not list (renamed or new places): a proper name of two to four
        characters before a suffix of the list's level, and the township a village member is
        written after (甲镇乙村、丙镇丁村). A list is one of places where the gazetteer lists a
        member (甲镇、乙镇、丙乡等地), or where a count of that suffix closes it (甲村、乙村等6个村);
        its members are places of the county of the listed one, or of the article's region."""
        taken = {start for start, _, _ in spans}
        lists = [(start, end, region.level, _local_home(region)) for start, end, region in spans
                 if region.level in ("township", "village") and region.parent is not None]
        if subject is not None:
            home = _local_home(subject)
            lists += [(m.start(), m.start(), local_level(m.group(1)), home) for m in COUNTED_LIST_END.finditer(text)]
        for start, end, level, home in lists:
            for peer in [*self._peers_after(text, end, level), *self._peers_before(text, start, level, bounds, start == end)]:
                if peer[0] not in taken:
                    taken.add(peer[0])
                    yield *peer, self.gazetteer.local(home, text[peer[0]:peer[1]])

    def _peers_after(self, text: str, end: int, level: str) -> Iterator[tuple[int, int]]:
        """Members after ``end``, each after a 、; a village may follow its township (、甲镇乙村)."""
        while text.startswith("、", end):
            at = end + 1
            township = TOWNSHIP_BEFORE.match(text, at) if level == "village" else None
            if township is not None and self._proper(township.group(), PEER_TAGS):
                yield township.span()  # 、甲镇乙村: the township, then the village
                at = township.end()
            peer = LISTED_PEER.match(text, at)
            if peer is None or local_level(peer.group()) != level or not self._proper(peer.group(), PEER_TAGS):
                return
            yield peer.span()
            end = peer.end()

    def _peers_before(self, text: str, start: int, level: str, bounds: dict[int, int],
                      last: bool = False) -> Iterator[tuple[int, int]]:
        """Members before ``start``, the last ending right there (``last``) or before a 、; a village
        may follow its township (甲镇乙村、丙镇丁村), which is a member too."""
        while last or (start > 0 and text[start - 1] == "、"):
            end, last = start if last else start - 1, False
            found = self._member_before(text, end, level, bounds)
            if found is None:
                return
            yield found, end
            start = found
            if level == "village" and (township := self._member_before(text, start, "township", bounds)) is not None:
                yield township, start
                start = township

    def _member_before(self, text: str, end: int, level: str, bounds: dict[int, int]) -> int | None:
        """The start of a place of ``level`` written with its suffix and ending at ``end``, if one does;
        its name does not open with a suffix, nor a village's hold a township's (甜水镇杨旗村: 杨旗村, not
        镇杨旗村; 山城乡东湾村: 东湾村, not 城乡东湾村)."""
        suffix = next((s for s in LOCAL_SUFFIXES if text.endswith(s, 0, end)), None)
        if suffix is None or local_level(suffix) != level:
            return None
        cut = end - len(suffix)
        inner = TOWNSHIP_SUFFIXES if level == "village" else ()
        return next((s for s in range(max(0, cut - MAX_BARE_NAME), cut - 1)
                     if not text.startswith(LOCAL_SUFFIXES, s) and not any(x in text[s:cut] for x in inner)
                     and self._name_part(text, s, cut, bounds) and self._proper(text[s:end], PEER_TAGS)), None)

    def _name_part(self, text: str, start: int, cut: int, bounds: dict[int, int]) -> bool:
        """Whether ``text[start:cut]``, before a suffix at ``cut``, is read as a name's own words:
        Chinese characters starting on a word boundary, each word a proper noun or a character of
        its own that is no function word or verb (so 在 and 驻守 are not part of 在甲镇, 驻守乙村);
        a word running into the suffix (石门|村 read as 石门村) counts as part of the name."""
        if start not in bounds or not _hanzi(text[start:cut]):
            return False
        i = start
        while i < cut:
            end = bounds.get(i, i + 1)
            word = text[i:end]
            if end <= cut and self._tags.get(word) not in PEER_TAGS and (len(word) > 1 or self._tags.get(word) in NOT_NAME_OPENING):
                return False
            i = end
        return True

    def _guarded(self, form: str, region: RegionRef) -> bool:
        """Whether ``form`` names ``region`` only as a guarded 别称 (河洛 for 洛阳市)."""
        return any(n.region is region and n.kind == "guarded" for n in self.gazetteer.names.get(form, ()))

    def _name_word(self, text: str, start: int, end: int, bounds: dict[int, int]) -> bool:
        """Whether ``text[start:end]`` reads as a proper name: one word jieba tags as a place or
        person (南阳), or characters it knows no word for, not words (红色, 发展)."""
        if bounds.get(start) == end:
            return self._tags.get(text[start:end]) in PROPER_TAGS
        return all(bounds.get(i) == i + 1 for i in range(start, end))

    def _proper(self, name: str, tags: tuple = PROPER_TAGS) -> bool:
        """Whether a suffixed name's name part is a proper noun, not a word (发展村, 新农村).

        A word jieba glues across the name part and the suffix (农村 in 新农村) must be a proper noun too,
        unless it is the whole name: jieba knows that place (震泽镇). ``tags`` are those a name part may have.
        """
        cut = len(name) - len(local_suffix(name))
        glued = [word for word, start, end in jieba.tokenize(name, HMM=False) if start < cut < end and word != name]
        return all(self._tags.get(word) in tags for word in [name[:cut], *glued])


@register("regions", requires=("sentences",), assigns=("regions", "subject"))
def make_regions(knowledge: Knowledge):
    """The ``regions`` component: sets ``article.regions`` and ``article.subject``."""
    finder = RegionFinder(knowledge.gazetteer, knowledge.region_words)

    def regions(article: Article) -> Article:
        article.subject = finder.subject(article.title, article.level, article.text)
        starts = [s.start for s in article.sentences]
        article.regions = [
            RegionMention(article.text[s:e], s, e, article.sentences[bisect.bisect_right(starts, s) - 1].index, region)
            for s, e, region in finder.find(article.text, article.subject)
        ]
        return article

    return regions
