"""The word lists programmes and initiatives are found and merged by, and the patterns built from them.

The lists live in ``data/measure_words.tsv`` (``list<TAB>word``, explained
there), read by :func:`read_lexicon`; :func:`read_lists` reads every word table
of that form (the figures extractor's too). A :class:`Lexicon` builds its patterns
once, so every sentence is matched with the same compiled expressions; tests
hand components a small one through :class:`~orgkg.graph.knowledge.Knowledge`.
Only closed word lists are data: the shapes of the patterns (punctuation,
numerals, lookarounds, the particles a pattern is built around) stay here.
"""
from __future__ import annotations

import re
from typing import Iterable, Mapping

from ..errors import OrgkgError

TABLE = "data/measure_words.tsv"
#: the lists of the table, in table order
LISTS = (
    "programme-head", "event-head", "initiative-head", "rating-head", "closing-head", "unquoted-head",
    "verb-head", "held-event", "whole-name-head", "list-head", "etc-head", "weak-head", "described-head", "continuation",
    "programme-verb", "initiative-verb", "nominal-verb", "principle-verb", "field-verb", "trigger", "carrying-verb",
    "content-verb", "drive-verb", "held-verb", "tail-stop", "level",
    "generic", "filler", "place-end", "body-end", "member-end", "quantity", "style-end", "trainee",
    "conjunction", "preposition", "not-leading", "document-kind", "document-verb", "title-verb", "chained-verb",
    "document-chained-verb", "document-prefix", "document-head", "generic-title", "determiner", "not-document",
    "opening-word", "document-opening-word", "joined-head", "carried-document", "class-verb", "class-head",
    "not-class", "strategy-modifier", "generic-mark", "unmarking-word", "generic-end", "carrier", "not-field-start", "not-field",
    "not-run", "package-word", "package-after", "umbrella-head", "umbrella-verb", "umbrella-modifier",
    "umbrella-unquoted-head", "programme-column", "event-verb", "innovation-field", "innovation-partner", "set-phrase",
    "carried-adverb",
)
# an edition or round of an event, before its name: 第三届, 六届, 12期
EDITION = r"(?:第?[一二三四五六七八九十]+届|[0-9]{1,3}[期场届])"
# 制 names a system (家访制, 代办制, 链长制) except in words that only end in it (体制, 编制, 复制)
SYSTEM_END = re.compile(r"(?<![体机编控限抵研复定立节专压遏牵克反创绘建批])制$")
# 制 ending a system's name in running text: not the start of a word (制度, 制品), nor of 全日制
SYSTEM_HEAD = re.compile(SYSTEM_END.pattern[:-1] + r"(?<!全日制)(?:(?![\u4e00-\u9fff])|(?=等|和|及|与))")


def _either(words: Iterable[str]) -> str:
    """A pattern matching any of ``words``, tried in the order given; one never matching when there are none."""
    return "|".join(map(re.escape, words)) or "(?!)"


def _longest_first(words: Iterable[str]) -> list[str]:
    return sorted(dict.fromkeys(words), key=len, reverse=True)


def any_of(*lists: Iterable[str]) -> str:
    """A group matching any word of ``lists``, longest first, so that the longest word at a place wins."""
    return "(?:" + _either(_longest_first(w for words in lists for w in words)) + ")"


def _after(words: Iterable[str]) -> str:
    """A lookbehind: just after any of ``words``, whatever their lengths; never when there are none."""
    return "(?:" + ("|".join(f"(?<={re.escape(w)})" for w in words) or "(?!)") + ")"


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
        unknown_lists(words, TABLE, LISTS)
        #: every list's words, in table order
        self.words = {name: tuple(words.get(name, ())) for name in LISTS}
        w = self.words
        self.event_heads, self.rating_heads, self.closing_heads = w["event-head"], w["rating-head"], w["closing-head"]
        self.programme_heads = w["programme-head"] + self.event_heads
        #: heads of events held under a name (“甲”创新创业大赛, “甲”人才周), not the plan of that name (“甲”计划)
        self.occasion_heads = tuple(dict.fromkeys(self.event_heads + w["held-event"]))
        self.initiative_heads = w["initiative-head"] + self.rating_heads
        self.heads = self.programme_heads + self.initiative_heads
        #: heads ending an unquoted name only right after a verb that runs or sets it up (开展……活动, 建立……档案)
        self.verb_heads = w["verb-head"]
        self.unquoted_heads = w["unquoted-head"] + self.rating_heads
        self.whole_name_heads = self.unquoted_heads + self.event_heads + w["whole-name-head"]
        #: whole-name heads that are names even quoted alone (“优才卡”)
        self.self_naming_heads = frozenset(w["whole-name-head"])
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
            "(?<!党)(?!" + any_of(w["set-phrase"]) + ")" + any_of(verbs, w["trigger"]) + "(?![型性])"
            + "".join(f"(?<!{re.escape(field)}创新)" for field in w["innovation-field"])
            + "(?<!创新(?=" + any_of(w["innovation-partner"]) + "))"
        )
        self.content_verb = re.compile("(?:" + _either(w["content-verb"]) + ")$")
        self.content_verb_at = re.compile(_either(w["content-verb"]))
        self.carried_adverb = re.compile("(?:" + _either(w["carried-adverb"]) + ")$")
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
        # a way of working (“甲”“乙”等方式推进……) names the quotes' kind however the clause goes on
        self.etc_heads = w["etc-head"]
        self.etc_head = re.compile(
            r"^(?:等|这一)(?:[^，。；：、“”]{0,12}?)(?:“(?=[^“”，。；：、]{0,12}”))?(?:[^，。；：、“”]{0,12}?)(?:("
            + _either(self.heads) + r")”?(?:(?![\u4e00-\u9fff])|(?=以及|和|及|与|并))|(" + _either(self.etc_heads) + "))"
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
        event = (r"[^，。；：、“”《》\n（(0-9]{2,16}?(?<!代表)(?:" + _either(_longest_first(w["held-event"]))
                 + r")(?:(?![\u4e00-\u9fff])|(?=[和及与]))")
        self.event_name = re.compile(
            _after(w["event-verb"]) + rf"(?P<times>{EDITION})?" + event)
        #: another event listed after one (举办甲论坛、乙人才大会, 举办甲人才节和乙大赛)
        self.listed_event = re.compile(rf"[、和及与](?:{EDITION})?(?P<name>{event})")
        self.drives = re.compile("(?:" + _either(w["drive-verb"]) + ")")
        # held so many times: (累计)开展1万余场次
        self.held_count = re.compile("(?:累计|共|先后|已)?(?:" + _either(w["held-verb"]) + r")了?[0-9０-９一二三四五六七八九十百千万]")
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
        self._fixed_patterns(w)

    def _fixed_patterns(self, w: Mapping[str, tuple[str, ...]]) -> None:
        """The patterns names of a fixed shape are found and judged by (see
        :mod:`~orgkg.graph.extract.names`), each built from the lists it reads."""
        # a conjunction or preposition opening the words before a head noun is not part of the
        # name, nor is the aspect particle of the verb before them (开展了……活动)
        self.leading = re.compile("了?(?:(?!" + any_of(w["not-leading"]) + ")" + any_of(w["conjunction"], w["preposition"])
                                  + ")?")
        # a document title ("关于……的意见") written without 《》
        self.unquoted_document = re.compile(r"关于[^，。；：、“”《》]{4,40}?的(?:若干)?" + any_of(w["document-kind"]))
        # a policy document named by what it does, written without 《》 after the verb that
        # issues it (出台关心关爱基层干部若干措施, 制定推进领导干部能上能下实施细则, 落实……的实施意见);
        # further documents may follow it, separated by 、
        self.document_verb = re.compile(
            any_of(w["document-verb"]) + any_of(w["chained-verb"], w["document-chained-verb"]) + "*")
        head = r"(?:[0-9]+条|[一二三四五六七八九十]+条|" + any_of(w["document-prefix"]) + ")*" + any_of(w["document-head"])
        # the head may close a quote: 推进……人才协同发展“八条措施”
        self.document_name = re.compile(
            r"(?:[^，。；：、“”《》\n]|“[^“”，。]{1,12}”){4,60}?" f"(?:{head}|“[^“”，。]{{0,8}}{head}”)"
        )
        # a title that only says what kind of document it is (《若干措施》, 《实施意见》, 《规划》): the words
        # written before it, after the verb that issues it or the 、 listing it, say which one it is
        self.generic_title = re.compile(f"^(?:{head}|" + any_of(w["generic-title"]) + ")$")
        self.issuing_verb = re.compile(any_of(w["document-verb"], w["title-verb"]) + any_of(w["chained-verb"]) + "*")
        # what shows the words before a generic title do not describe it: lists, determiners, a
        # conjunction or preposition opening them
        self.description_lead = re.compile("了?" + any_of(w["conjunction"]) + "?")
        self.not_description = re.compile(any_of(w["determiner"]) + "|^" + any_of(w["opening-word"]))
        # what shows a document phrase is not one title: lists, counts, determiners, feedback
        # and reviews, two names joined (“叫醒”办法和……办法), the measures for carrying out
        # another document (……规划纲要的措施), a leading conjunction or preposition
        self.not_document = re.compile(
            any_of(w["determiner"], w["not-document"]) + r"|[#＃]|[0-9一二三四五六七八九十]+个|[多余]项|"
            + any_of(w["joined-head"]) + "”?(?:和|及|与)|" + any_of(w["carried-document"]) + "的|"
            + "^" + any_of(w["opening-word"], w["document-opening-word"])
        )
        # a training class named by whom it trains and why, written without quotes at the
        # head of its clause or after 举办 (市管领导干部学习贯彻……精神专题研讨班)
        self.class_name = re.compile(
            "(?:^|(?<=[，。；：])|" + _after(w["class-verb"]) + ")(?:(?!" + any_of(w["class-verb"])
            + r")[^，。；：、“”《》\n（(]){7,30}?" + any_of(w["class-head"])
        )
        # what shows a class or event phrase is not one name: lists, kinds, counts, verbs of taking part
        self.not_class = re.compile(any_of(w["not-class"]) + r"|[0-9一二三四五六七八九十]+[批期次]|[0-9]")
        # a region's talent strategy, the genre's standing name for its talent policy (人才强市战略)
        # (人才强区首位战略, 人才强桂战略 with a place abbreviation, and 人才强市 listed before a
        # shared 战略: 实施人才强市、创新驱动发展战略); 人才强国战略 is national
        self.talent_strategy = re.compile(
            r"(?:新时代)?“?人才[强兴](?!国)[\u4e00-\u9fff]”?(?:" + any_of(w["strategy-modifier"]) + r"?战略|(?=、[^，。；]{2,12}战略))"
        )
        # words that make a descriptive name generic: "建立健全各项制度", "挂职等工作机制"; a name
        # ending in 新 before its head describes the novelty (打造人才生态新模式)
        self.generic_marks = re.compile(
            "(?<!党)的|" + any_of(w["generic-end"]) + "$|(?<![创更革])新$|" + any_of(w["generic-mark"])
            + r"|使(?!用)|(?<!国)有|一[套个批项]|[0-9一二三四五六七八九十]+[余多]?(?:名|个|家|项|条|种|类|位|轮)|"
            r"[0-9一二三四五六七八九十]+大.{0,3}$|(?<![0-9])[0-9]{1,2}年"
        )
        self._unmarking = re.compile(_either(w["unmarking-word"]))
        # 以“……”为抓手: the quote is the programme the work is carried by
        self.carrier = re.compile("为[总主]?" + any_of(w["carrier"]))
        # words that show the text before a quote is not a field of the name: determiners,
        # time words, counts, prepositions, conjunctions and verbs (全市“……”, 今年“……”,
        # 三轮“……”, 以“……”, 持续唱响“……”)
        self.not_field = re.compile(
            "^" + any_of(w["not-field-start"]) + r"|^[0-9一二两三四五六七八九十百千万]+[轮批届期次个项场]|"
            + any_of(w["not-field"]) + "|年(?!轻)"
        )
        # what shows words before a verb-run head are no name: celebrations, series, kinds, counts
        self.not_run = re.compile(any_of(w["not-run"]) + "|[0-9]")
        # the count of a policy package's articles written after its quoted name (“甲乙”15条, “甲乙”二十条措施,
        # “甲乙”新政30条), ending its phrase or before the next of a list (“甲乙”26条和《……》)
        self.articles_after = re.compile(
            any_of(w["package-after"]) + r"?(?:[0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})条"
            + any_of(w["package-word"], w["package-after"]) + r"?(?:(?![\u4e00-\u9fff])|(?=[和及与]))"
        )
        # a numbered package of policy articles: “人才新政12条”, “22条”, “浙江二十条”, “文旅八条”, “十条硬核举措”
        self.policy_articles = re.compile(
            r"(?:[0-9０-９]{2,}|[一二三四五六七八九十]*十[一二三四五六七八九]?|(?<=[一-鿿]{2})[一二三四五六七八九])条"
            r"(?:[\u4e00-\u9fff]{0,2}" + any_of(w["package-word"]) + ")?$"
        )
        # a counted set of programmes or mechanisms named by its count: “十大行动”, “三项机制”, “五大体系”
        self.umbrella = re.compile(
            r"^(?!一个)[一二两三四五六七八九十百千万]+[大项个]?[\u4e00-\u9fff]{0,2}?" + any_of(w["umbrella-head"]) + "$")
        # an umbrella written without quotes right after the verb that runs it, named by what it does
        # and counting members it does not list (实施甲乙五项行动, 推进甲乙3项重点工程); members
        # listed after it (：, （) or before it (等5大工程) name the items instead
        self.unquoted_umbrella = re.compile(
            _after(w["umbrella-verb"]) + r"(?P<words>[\u4e00-\u9fff]{4,12}?)(?:[0-9]{1,2}|[一二两三四五六七八九十]{1,2})[项大]"
            + any_of(w["umbrella-modifier"]) + "?" + any_of(w["umbrella-unquoted-head"]) + r"(?![\u4e00-\u9fff“（(：:])"
        )
        # 开设……专栏《……》: a title after one of these is a programme
        self.programme_column = re.compile(any_of(w["programme-column"]) + "$")

    def marked(self, modifier: str) -> bool:
        """Whether a generic mark stands in the words before a head (挂职等, 落实到), not inside a word of the name (双报到)."""
        return self.generic_marks.search(self._unmarking.sub("", modifier)) is not None

    def etc_kind(self, etc: re.Match) -> str | None:
        """The kind the head after 等 (a match of :attr:`etc_head`) gives the names listed before it;
        None for a weak head (“甲”“乙”等建设)."""
        head = etc.group(1)
        if head is None:
            return "initiative"  # a way of working
        return None if head in self.weak_heads else self.head_kind(head)[1]

    def head_kind(self, name: str, heads: tuple[str, ...] | None = None) -> tuple[str, str] | None:
        """The longest head noun among ``heads`` (all heads by default) ending ``name``, with the kind it implies;
        a weak head after another head (品牌建设) has that head's kind."""
        heads = self.heads if heads is None else heads
        if not name.endswith(heads):  # most words end in no head at all
            return None
        matches = [h for h in heads if name.endswith(h) and (h != "制" or SYSTEM_END.search(name))]
        if not matches:
            return None
        head = max(matches, key=len)
        if head in self.weak_heads and (inner := self.head_kind(name[: -len(head)], heads)) is not None:
            return head, inner[1]  # “甲”品牌建设, “甲”平台建设: building the brand or platform, the kind it has
        return head, "programme" if head in self.programme_heads else "initiative"


def unknown_lists(words: Mapping[str, object], table: str, lists: tuple[str, ...]) -> None:
    """:raises OrgkgError: when ``words`` holds a list not in ``lists``."""
    unknown = sorted(set(words) - set(lists))
    if unknown:
        raise OrgkgError(f"{table}: unknown list {', '.join(map(repr, unknown))}; known: {', '.join(lists)}")


def read_lists(text: str, table: str, lists: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The words of each list of a word table of ``list<TAB>word`` lines (``#`` lines are comments),
    in table order; every table of word lists in ``data/`` is read by this.

    >>> read_lists("# heads\\nprogramme-head\\t计划\\nprogramme-head\\t工程\\n", TABLE, LISTS)["programme-head"]
    ('计划', '工程')

    :param table: the table's name, for errors.
    :param lists: the lists the table may hold.
    :raises OrgkgError: for a line without a list and a word, or a list not in ``lists``.
    """
    words: dict[str, list[str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, sep, word = line.partition("\t")
        if not sep or not word.strip() or "\t" in word:
            raise OrgkgError(f"{table}: expected a list and a word in {line!r}")
        words.setdefault(name.strip(), []).append(word.strip())
    unknown_lists(words, table, lists)
    return {name: tuple(ws) for name, ws in words.items()}


def read_lexicon(text: str) -> Lexicon:
    """The lexicon of a table of ``list<TAB>word`` lines, ``data/measure_words.tsv`` (see :func:`read_lists`).

    :raises OrgkgError: for a line without a list and a word, or a list not in :data:`LISTS`.
    """
    return Lexicon(read_lists(text, TABLE, LISTS))
