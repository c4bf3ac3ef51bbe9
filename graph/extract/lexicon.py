"""The word lists programmes and initiatives are found and merged by, and the patterns built from them.

The lists live in ``data/measure_words.tsv`` (``list<TAB>word``, explained
there), read by :func:`read_lexicon`. A :class:`Lexicon` builds its patterns
once, so every sentence is matched with the same compiled expressions; tests
hand components a small one through :class:`~orgkg.graph.knowledge.Knowledge`.
"""
from __future__ import annotations

import re
from typing import Iterable, Mapping

from ..errors import OrgkgError

TABLE = "data/measure_words.tsv"
#: the lists of the table, in table order
LISTS = (
    "programme-head", "event-head", "initiative-head", "rating-head", "closing-head", "unquoted-head",
    "verb-head", "held-event", "whole-name-head", "list-head", "weak-head", "described-head", "continuation",
    "programme-verb", "initiative-verb", "nominal-verb", "principle-verb", "field-verb", "trigger", "carrying-verb",
    "content-verb", "drive-verb", "tail-stop", "level",
    "generic", "filler", "place-end", "body-end", "member-end", "quantity", "style-end", "trainee",
)
# 制 names a system (家访制, 代办制, 链长制) except in words that only end in it (体制, 编制, 复制)
SYSTEM_END = re.compile(r"(?<![体机编控限抵研复定立节专压遏牵克反创绘建批])制$")
# 制 ending a system's name in running text: not the start of a word (制度, 制品), nor of 全日制
SYSTEM_HEAD = re.compile(SYSTEM_END.pattern[:-1] + r"(?<!全日制)(?:(?![\u4e00-\u9fff])|(?=等|和|及|与))")


def _either(words: Iterable[str]) -> str:
    """A pattern matching any of ``words``, tried in the order given; one never matching when there are none."""
    return "|".join(map(re.escape, words)) or "(?!)"


def _longest_first(words: Iterable[str]) -> list[str]:
    return sorted(set(words), key=len, reverse=True)


class Lexicon:
    """The word lists by name, grouped as the rules use them, and the patterns built from them.

    :param words: the words of each list of :data:`LISTS` by list name; a list not given is empty.
    :raises OrgkgError: for a list name not in :data:`LISTS`.

    >>> lexicon = Lexicon({"programme-head": ["计划"], "initiative-head": ["工作法", "制"]})
    >>> lexicon.head_kind("“北京学者”计划"), lexicon.head_kind("“六个引领”工作法")
    (('计划', 'programme'), ('工作法', 'initiative'))
    >>> lexicon.head_kind("干部考察家访制"), lexicon.head_kind("人才发展体制"), lexicon.head_kind("高素质干部队伍")
    (('制', 'initiative'), None, None)
    """

    def __init__(self, words: Mapping[str, Iterable[str]]):
        unknown = sorted(set(words) - set(LISTS))
        if unknown:
            raise OrgkgError(f"{TABLE}: unknown list {', '.join(map(repr, unknown))}; known: {', '.join(LISTS)}")
        #: every list's words, in table order
        self.words = {name: tuple(words.get(name, ())) for name in LISTS}
        w = self.words
        self.event_heads, self.rating_heads, self.closing_heads = w["event-head"], w["rating-head"], w["closing-head"]
        self.programme_heads = w["programme-head"] + self.event_heads
        self.initiative_heads = w["initiative-head"] + self.rating_heads
        self.heads = self.programme_heads + self.initiative_heads
        #: heads ending an unquoted name only right after a verb that runs or sets it up (开展……活动, 建立……档案)
        self.verb_heads = w["verb-head"]
        self.unquoted_heads = w["unquoted-head"] + self.rating_heads
        self.whole_name_heads = self.unquoted_heads + self.event_heads + w["whole-name-head"]
        self.tail_heads = self.heads + self.closing_heads
        self.weak_heads, self.described_heads, self.style_ends = w["weak-head"], w["described-head"], w["style-end"]
        self.levels = frozenset(w["level"])
        self.programme_verbs, self.field_verbs = w["programme-verb"], w["field-verb"]
        self.carrying_verbs = w["carrying-verb"]
        verbs = self.programme_verbs + w["initiative-verb"]
        #: verbs before a bare quote that make it a name, longest first
        self.bare_verbs = tuple(sorted((v for v in verbs if v not in w["principle-verb"]), key=len, reverse=True))
        #: the verbs after which field words may start
        self.verb = re.compile(_either(_longest_first(set(verbs) - set(w["nominal-verb"]))))
        # after 党 a verb is the tail of 党建 (党建强基); before 型/性 it is part of an
        # adjective (创新型人才); 创新 after a field (科研创新平台) or before 创业/驱动 is a noun
        self.trigger = re.compile(
            "(?<!党)(?:" + _either(_longest_first(verbs + w["trigger"])) + ")(?![型性])"
            "(?<!(?:科研|科技|理论|制度|自主)创新)(?<!创新(?=创业|驱动))"
        )
        self.content_verb = re.compile("(?:" + _either(w["content-verb"]) + ")$")
        # the unquoted heads as one pattern, longest first
        self.unquoted_head = re.compile("|".join(
            SYSTEM_HEAD.pattern if h == "制" else re.escape(h)
            for h in sorted(self.unquoted_heads + self.verb_heads, key=len, reverse=True)
        ) or "(?!)")
        # a name joined to the next by 和/及 (……工程和……计划)
        self.joined = re.compile("(?:" + _either(self.heads) + "|年)(?:以及|和|及|与)")
        self.continuation = re.compile("^(?:" + _either(w["continuation"]) + ")")
        # “甲”“乙”等活动, “甲”这一品牌: the head written after 等/这一 gives the kind of the quotes
        # the head may close a quote of its own (“甲”“乙”等“五大行动”, 等系列“英才计划”)
        self.etc_head = re.compile(
            r"^(?:等|这一)(?:[^，。；：、“”]{0,12}?)(?:“(?=[^“”，。；：、]{0,12}”))?(?:[^，。；：、“”]{0,12}?)("
            + _either(self.heads) + r")”?(?:(?![\u4e00-\u9fff])|(?=以及|和|及|与|并))"
        )
        # a head shared by the members of a list written before it, closing its clause, after
        # 等 or after the members' count, quoted or not (甲、乙、丙“三大工程”, 甲、乙3项机制)
        self.list_head = re.compile(
            r"(?P<etc>等(?:[\u4e00-\u9fff]{0,4}?))?(?P<count>“?[0-9一二两三四五六七八九十]+[大项个类条]?)?"
            r"(?P<head>" + _either(w["list-head"]) + r")(?(count)”?)"
            # closing the clause, or after 等 (and no count) before a short word that closes it
            # and does not go on with the head (等专项活动名额，), since 等 bounds the list already
            r"(?=[，。；：,;:]|$|(?(etc)(?(count)(?!)|(?!" + _either(w["continuation"])
            + r")[\u4e00-\u9fff]{1,2}[，。；：,;:])|(?!)))"
        )
        # a recurring event written without quotes right after the verb that holds it
        # (举办第三届甲乙技能大赛, 举办甲省人才周, 连续举办五届甲乙论坛: the count is no part of
        # the name); a congress (党代表大会) is a meeting
        self.event_name = re.compile(
            r"(?<=举办|举行|承办|办好|开设|开办|创办)(?:第[一二三四五六七八九十]+届|(?P<times>[一二三四五六七八九十]+届))?"
            r"[^，。；：、“”《》\n（(0-9]{2,16}?(?<!代表)(?:" + _either(_longest_first(w["held-event"]))
            + r")(?![\u4e00-\u9fff])"
        )
        self.drives = re.compile("(?:" + _either(w["drive-verb"]) + ")")
        # counts end the phrase too; 等 in a word (等级, 等次) does not
        self.tail_stop = re.compile("[0-9０-９]|(?!等[级次第])(?:" + _either(w["tail-stop"]) + ")")
        # longest first, so that 组织生活 is one word rather than 组织 + 生活
        self.generic_words = re.compile(_either(sorted(w["generic"], key=len, reverse=True)))
        self.fillers = re.compile(_either(w["filler"]))
        self.place_core = re.compile("(?:" + _either(w["place-end"]) + ")$")
        self.body_core = re.compile("(?:" + _either(w["body-end"]) + ")$")
        self.member_end = re.compile("(?:" + _either(w["member-end"]) + ")$")
        self.quantity = re.compile("^(?:" + _either(w["quantity"]) + ")$")
        self.trainee = re.compile(_either(w["trainee"]))

    def head_kind(self, name: str, heads: tuple[str, ...] | None = None) -> tuple[str, str] | None:
        """The longest head noun among ``heads`` (all heads by default) ending ``name``, with the kind it implies."""
        heads = self.heads if heads is None else heads
        if not name.endswith(heads):  # most words end in no head at all
            return None
        matches = [h for h in heads if name.endswith(h) and (h != "制" or SYSTEM_END.search(name))]
        if not matches:
            return None
        head = max(matches, key=len)
        return head, "programme" if head in self.programme_heads else "initiative"


def read_lexicon(text: str) -> Lexicon:
    """The lexicon of a table of ``list<TAB>word`` lines (``#`` lines are comments).

    >>> read_lexicon("# heads\\nprogramme-head\\t计划\\nprogramme-head\\t工程\\n").words["programme-head"]
    ('计划', '工程')

    :raises OrgkgError: for a line without a list and a word, or a list not in :data:`LISTS`.
    """
    words: dict[str, list[str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, sep, word = line.partition("\t")
        if not sep or not word.strip() or "\t" in word:
            raise OrgkgError(f"{TABLE}: expected a list and a word in {line!r}")
        words.setdefault(name.strip(), []).append(word.strip())
    return Lexicon(words)
