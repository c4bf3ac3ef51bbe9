"""Find named programmes and initiatives in an article and classify each once.

A name is found in one of five ways, tried in this order so that the first
claim on a span wins and an item is never both kinds:

1. a document title in 《》 (a policy document is an initiative); a title that only
   names a kind of document (《若干措施》, 《规划》) takes the words describing it
   after the verb that issues it (制定加强……的《若干措施》, 实施“十四五”……《规划》);
2. a national campaign or system of ``data/national.tsv``;
3. a quoted name “…”, with the head noun written after it (“两个覆盖”攻坚行动),
   or alone when it is a whole name (“红色根脉强基工程”, “人才新政20条”) or the
   clause says it is run, set up or carries the work (开展“党课开讲啦”等活动,
   以“红色驿站”为主抓手, ，“四联四促”推动……); field words between the verb
   and the quote belong to the name (推行技术攻关“赛马比拼”); a run of quotes
   before one head is one item per quote (“甲”“乙”三大行动 → “甲”, “乙”), and so
   are quotes listed before their count (“甲”、“乙”两项活动); a quote with the
   count of its articles after it is a policy package (“甲乙”15条); a quoted
   umbrella counting the long members listed before it names them, one item
   each (甲年、乙年、丙年“三个年”活动), and is no item itself;
4. the members of a list after an implementing verb that share the head written
   after the last (落实甲、乙等人才政策, 健全甲、乙和丙机制), or after their count
   (实施甲、乙、丙“三大工程”, 建立甲、乙3项机制), one item each; a member may hold a
   quote with field words (人才“周转池”, “甲乙”选树); a list that opens its clause
   without a verb counts when 等 closes it and it holds a quote or a name
   (“甲”行动、乙丙行、“丁”对接等活动，); quotes listed before 等 and a quoted head
   (“甲”“乙”等“五大行动”) are items, the head is not;
5. a policy document written without 《》 right after the verb that issues it
   (出台……若干措施, 制定……实施细则, 落实……的实施意见, and those listed after it
   with 、), a named training class (……专题研讨班), a talent strategy
   (人才强市战略), an unquoted umbrella counting members it does not list
   (实施甲乙五项行动), or an unquoted descriptive name ending in a head noun
   (党委联系服务专家制度), its left edge being the last implementing verb
   (制定, 实施 …) of the clause, or the content verb a carrying verb puts
   before it (实施加强……计划), or the verb before that when the last one is
   inside the name (实施……队伍整体优化提升行动); some heads end such a name
   only right after the verb (开展……活动, 建立……档案).

Half-width punctuation (yearbooks, chronicles) is read as full-width, and
single quotes outside double ones (speeches) as double quotes. The head
noun decides the kind. The words the rules read (heads, verbs, generic words …)
are the lists of ``data/measure_words.tsv``, handed in as a
:class:`~orgkg.graph.extract.lexicon.Lexicon`, which also builds from them the
patterns of fixed shape (documents, classes, umbrellas, generic marks …). The ``programmes`` and
``initiatives`` steps are both :func:`component_for` one kind; they share
:class:`MeasureFinder`, which keeps its result for the article it read last.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import replace
from functools import lru_cache
from typing import Callable

from ..doc import Article, MeasureMention, Sentence
from ..knowledge import Knowledge
from ..measures import NationalTable, majority_kind, normalise
from ..numbers import parse_number
from .punctuation import full_width
from .segment import tagged
from .lexicon import EDITION, SYSTEM_HEAD, Lexicon

QUOTE = re.compile(r"“[^“”]{1,40}”")
TITLE = re.compile(r"《([^《》]{2,80})》")
CJK = re.compile(r"[\u4e00-\u9fff]")
LEFT_BREAK = "，。；：！？,;:!?《》“”\n"
# a quote that counts items rather than naming one: 两个维护, 四个中心, 三个区分开来
NUMBERED_SLOGAN = re.compile(r"^[一二两三四五六七八九十]+(?:个|项|大|条|种|化$)")
# how many characters the words describing a generic title (制定……《若干措施》) may hold
DESCRIBED_TITLE_MIN, DESCRIBED_TITLE_MAX = 4, 40
# the 的 that ends a description before a name; 党的 belongs to the name
DESCRIPTION_END = re.compile(r"(?<!党)的")
# so many generic words and nothing else describe one thing in particular (农村党员队伍分类管理试点)
GENERIC_RUN = 5
# a bare quote must be followed by one of these (or end its clause) to be a name
# (or by 工作 closing the phrase: 开展“双报到双服务”工作)
BARE_FOLLOW = re.compile(
    r"^(?:工作(?=[，。；：、）)]|等|和|$))?"
    r"(?:$|[，。；：！？,;:!?）)\n“]|、“|等|这一|和|与|及|[0-9０-９一二三四五六七八九十百千万]+(?:\.[0-9]+万?)?(?:余|多)?[期次场个项批届家])"
)
JOINED_FIELD = re.compile(r"[\u4e00-\u9fff]{2,4}和[\u4e00-\u9fff]{2,4}")
# a word going on after a head (活动周), other than a conjunction
PHRASE_GOES_ON = re.compile(r"(?![和及与等并])[\u4e00-\u9fff]")
# a head phrase that counts the items before it (两项活动, 三大工程)
COUNTED = re.compile(r"[0-9一二两三四五六七八九十]+[大项个类条种]")
# a quote opening with a number is a code (“三平台”, “双百”, “1+5”)
NUMBER_CODE = re.compile(r"^[0-9０-９一二两三四五六七八九十百千万双]")
# a code completing the quote before it is short (“三平台”, “双百”); a longer quote opening
# with a number is a name of its own (“甲乙”“双联双促”活动, “甲乙”“万名干部进企业”活动)
CODE_MAX = 3
CLAUSE_BREAK = "，。；：！？,;:!?\n"
# the scope opening a name written without quotes (全省乡村党组织书记三年轮训计划): no part of its core
OWN_SCOPE = re.compile(r"^全[省市县区州盟旗](?=[\u4e00-\u9fff]{4})")
# quotes listed before 等 and the quoted head they share: “甲”“乙”等系列“英才计划”
LISTED_BEFORE = re.compile(r"”等[\u4e00-\u9fff]{0,4}$")
# a two-character word between a quote and the 等 closing a list (“甲乙”倒查等制度), or
# between a quote and more quotes so worded before it (“甲”交流、“乙”交流等方式)
HEAD_WORD_BEFORE_ETC = re.compile(r"(?P<word>[\u4e00-\u9fff]{2})(?P<siblings>(?:、“[^“”]+”[\u4e00-\u9fff]{2})*)(?=等)")
# a quoted umbrella opening with the count of its members (“三项机制”, “三个年”, “四大工程”)
# a count of kinds (“三项机制”), or of members that share a word (甲才领航、乙才支持“两才行动”)
COUNTED_UMBRELLA = re.compile(r"^(?P<n>[1-9]|[一二两三四五六七八九十])(?:[个项大类条种]|(?P<word>[\u4e00-\u9fff])(?=[\u4e00-\u9fff]|$))")
IDIOM_TAG = "i"  # jieba's part of speech of a 成语
DIGIT_COUNT = re.compile(r"[1-9][个项大类种]")  # a count in digits opening a head phrase: 4个行动
# ranks, who manages, 主要 and 专题 in a training class's name, which say nothing of what it is about
CLASS_QUALIFIER = re.compile(r"[\u4e00-\u9fff]{1,2}级|[省市县区]管|主要|专题")
NAMED_RUN = 3  # members of a list without 等 or 和 that are names, not the parts of one (单独分组、单独评审制度)
ONE_WHOLE = re.compile("位一体")  # “甲、乙、丙”三位一体……体系: the members make one thing
# members named by a counted umbrella after them may be longer than other list members, and
# must be: short ones are the steps or duties of one mechanism (日常调研、分类储备“五个一”机制)
COUNTED_MEMBER_MIN, COUNTED_MEMBER_MAX = 6, 16
# the members' separators, and what a member is made of
LIST_SEPARATOR = re.compile(r"、|(?:以及|和|及|与)(?=[^、]*$)")
# a member may hold a quote with words of its own around it (“甲乙”选树, 技术“丙丁”)
LIST_MEMBER = re.compile(r"[\u4e00-\u9fff]{0,6}“[^“”]+”[\u4e00-\u9fff]{0,6}|[\u4e00-\u9fff]+")
MEMBER_QUOTE = re.compile(r"“([^“”]+)”")
MEMBER_MAX = 12
PERFECTIVE_MARK = "了"
PERFECTIVE = re.compile(rf"([\u4e00-\u9fff]{{2}}){PERFECTIVE_MARK}")  # a verb with its aspect particle: 开展了, 组织了
BRACKETED_KINDS = re.compile(r"(?<=[\u4e00-\u9fff])（[\u4e00-\u9fff、]{1,6}）")  # 村（社区）, 镇（街道）
# a package of measures named by its field and count, written without quotes (柔性引才20条)
PACKAGE = re.compile(r"([\u4e00-\u9fff]{2,12}?)(?:[0-9０-９]{1,3}|[一二三四五六七八九十]{1,4})条(?:(?![\u4e00-\u9fff])|(?=等))")
MANNER = re.compile(r"以(?:“[^“”]*”的[^、，。；“”]*、)*$")  # 以“甲”的……、“乙”的……: how, not what
SLOGAN_LEAD = 2  # characters before a slogan that still leave a name of it (固定主题党日制度)
ACTION_TAGS = ("v", "vn", "a", "ad")  # jieba's verbs and adjectives: words of doing, not of who
# between two members of a list of quotes, each after its own field words (甲项目“乙”、丙项目“丁”)
FIELD_MEMBER = re.compile(r"、([\u4e00-\u9fff]{0,8})")


def strip_title(inner: str) -> str:
    """A document title without its trailing parenthesised status or period.

    >>> strip_title("株洲市选调生培养管理办法（试行）")
    '株洲市选调生培养管理办法'
    """
    return re.sub(r"[（(][^（）()]*[）)]$", "", inner)


def is_generic(modifier: str, lexicon: Lexicon) -> bool:
    """True when the words before the head noun do not make a name specific.

    >>> from orgkg.graph.knowledge import packaged
    >>> is_generic("干部考核评价", packaged().lexicon), is_generic("党委联系服务专家", packaged().lexicon)
    (True, False)
    """
    if lexicon.marked(modifier):
        return True
    rest = lexicon.generic_words.sub("", modifier)
    return len(rest) < 2 and not (rest == "" and "和" not in modifier
                                  and len(lexicon.generic_words.findall(modifier)) >= GENERIC_RUN)


def whole_name_kind(inner: str, lexicon: Lexicon) -> str | None:
    """Kind of a quote that is a whole name by itself, head noun included.

    >>> from orgkg.graph.knowledge import packaged
    >>> lexicon = packaged().lexicon
    >>> whole_name_kind("红色根脉强基工程", lexicon), whole_name_kind("包头人才周", lexicon)
    ('programme', 'programme')
    >>> whole_name_kind("人才新政12条", lexicon), whole_name_kind("文旅八条", lexicon), whole_name_kind("两条", lexicon)
    ('initiative', 'initiative', None)
    >>> whole_name_kind("党课开讲啦", lexicon) is None, whole_name_kind("计划", lexicon), whole_name_kind("优才卡", lexicon)
    (True, None, 'initiative')
    """
    if lexicon.policy_articles.search(inner):
        return "initiative"  # a numbered policy package: “人才新政22条”
    full = lexicon.head_kind(inner, lexicon.whole_name_heads)
    return full[1] if full and (len(inner) > len(full[0]) + 1 or inner in lexicon.self_naming_heads) else None


def _bare_quote_kind(text: str, start: int, end: int, inner: str, national: NationalTable, lexicon: Lexicon,
                     verbs: tuple[str, ...] = ()) -> str | None:
    """Kind of a quoted name written without head noun, or None when the context
    does not present it as a programme or mechanism (slogans, titles, targets).

    :param start: where the quote, or the field words before it, start.
    :param national: the national campaigns and slogans.
    :param lexicon: the word lists.
    :param verbs: the verbs that may precede ``start``; all bare-quote verbs by default.
    """
    if national.is_slogan(inner) or idiom(inner):
        return None
    if (entry := national.get(inner)) is not None:
        return entry.kind  # 作为会议“第一议题”: a national system's quoted core names it wherever it stands
    if NUMBERED_SLOGAN.match(inner) and lexicon.umbrella.match(inner):  # “十大行动”, unless its members are listed
        clause = text[max(text.rfind(c, 0, start) for c in CLAUSE_BREAK) + 1 : start]
        return None if "、" in clause or text[end : end + 1] in "：:（(" else whole_name_kind(inner, lexicon)
    if NUMBERED_SLOGAN.match(inner) and not lexicon.policy_articles.search(inner):
        return None
    after = text[end:]
    past_siblings = re.sub(r"^(?:[、和与及]?“[^“”]*”)+", "", after)  # what follows the quotes listed with this one
    etc = lexicon.etc_head.match(past_siblings)
    whole = whole_name_kind(inner, lexicon)
    if whole:  # the head after 这一 or 等 says what it is, if it says (“甲讲堂”这一品牌)
        return (lexicon.etc_kind(etc) if etc else None) or whole
    # two characters name an item only where the head after 等 says what it is (“甲乙”“丙丁”等制度)
    shortest = 2 if etc and lexicon.etc_kind(etc) else 3
    if (len(CJK.findall(inner)) < shortest or inner.count("、") > 1 or lexicon.place_core.search(inner)
            or lexicon.body_core.search(inner)):
        return None
    if etc and not re.search(r"[。；]", inner):  # a listed item may be descriptive: “沿着……的足迹”等活动, “甲，乙”等活动
        return lexicon.etc_kind(etc)
    if re.search(r"[，。；]", inner):
        return None
    if "的" in inner:
        return None
    if lexicon.drives.match(after) and (start == 0 or text[start - 1] in LEFT_BREAK):
        return "initiative"  # the subject of its clause, a method at work: ，“四联四促”推动……
    opening = re.sub(r"(?:“[^“”]*”[、和与及]?)+$", "", text[:start])
    if lexicon.held_count.match(past_siblings) and (
            not opening or opening[-1] in LEFT_BREAK):
        return "programme"  # activities held so many times: ；“甲乙”“丙丁”累计开展1万余场次
    if text[:start].endswith("以") and lexicon.carrier.match(after):
        return "programme"  # what the work is organised around: 以“红色驿站”为主抓手
    if not BARE_FOLLOW.match(after):
        return None
    before = _skip_back(text, start)
    verb = next((v for v in verbs or lexicon.bare_verbs if before.endswith(v)), None)
    if verb is None:
        return None
    entry = national.get(inner)
    if entry is not None:
        return entry.kind
    own = lexicon.head_kind(inner)
    if own:
        return own[1]
    return "programme" if verb in lexicon.programme_verbs else "initiative"


def idiom(quote: str) -> bool:
    """Whether a quote is one set phrase (成语: “纷至沓来”, “近悦远来”), a figure of speech
    that names no programme or mechanism, with a head after it or without.

    >>> idiom("纷至沓来"), idiom("红色物业")
    (True, False)
    """
    words = tagged(quote)
    return len(words) == 1 and words[0][1] == IDIOM_TAG


def _not_an_item(core: str, tail: str, national: NationalTable, lexicon: Lexicon, fielded: bool = False) -> bool:
    """True when a quote and the head after it name no programme or mechanism:
    a slogan with a bare or weak head (“一把手”工程, “四个中心”功能建设), a
    place or target being built (“山水生态示范区”建设), a quantity
    (“一揽子”政策), a style (“风向标”式政策), or a description of a layout or
    of what is built, written as phrases (“甲、乙”建设思路, “甲，乙”的格局). A numbered code
    with a weak head names an item when field words open it (``fielded``: 基层党建“三化”建设).

    >>> from orgkg.graph.knowledge import packaged
    >>> national, lexicon = NationalTable("一把手\\tslogan\\t"), packaged().lexicon
    >>> def not_an_item(core, tail): return _not_an_item(core, tail, national, lexicon)

    >>> not_an_item("一把手", "工程"), not_an_item("一把手", "政治能力提升计划")
    (True, False)
    >>> not_an_item("三大科创高地", "建设"), not_an_item("六个引领", "工作法")
    (True, False)
    >>> not_an_item("一揽子", "干部政策"), not_an_item("风向标", "式政策")
    (True, True)
    >>> not_an_item("建在园区、留在园区", "建设"), not_an_item("抓院促系、整校建强", "铸魂行动")
    (True, False)
    >>> not_an_item("纷至沓来", "的政策体系"), not_an_item("三化", "建设"), _not_an_item("三化", "建设", national, lexicon, True)
    (True, True, False)
    """
    head = (lexicon.head_kind(tail, lexicon.tail_heads) or ("",))[0]  # none after a policy package: “甲”15条
    if lexicon.quantity.match(core) or tail.startswith("式") or idiom(core):
        return True
    if re.search("[，、]", core) and head in lexicon.described_heads:
        return True
    if head in lexicon.weak_heads and (NUMBERED_SLOGAN.match(core) and not fielded or lexicon.place_core.search(core)):
        return True
    return national.is_slogan(core) and (head in lexicon.weak_heads or tail == head)


def _named_members(quotes: list[str], lexicon: Lexicon) -> bool:
    """True when a run of quotes before one head names one item per quote
    (“网络党支部”“党课开讲啦”活动); False when a later quote is a numbered code
    completing the first (“两区”“三平台”……计划, “智汇甲城”“双百”洽谈会) or the
    quotes are styles of one thing (“常规式”“点题式”模式).

    >>> from orgkg.graph.knowledge import packaged
    >>> lexicon = packaged().lexicon
    >>> _named_members(["网络党支部", "党课开讲啦"], lexicon), _named_members(["两区", "三平台"], lexicon)
    (True, False)
    >>> _named_members(["常规式", "点题式"], lexicon), _named_members(["红色引擎", "双联双促"], lexicon)
    (False, True)
    """
    return (not any(NUMBER_CODE.match(q) and len(q) <= CODE_MAX for q in quotes[1:])
            and not any(q.endswith(lexicon.style_ends) for q in quotes))


def _list_members(text: str, a: int, b: int, longest: int = MEMBER_MAX) -> list[tuple[int, int]] | None:
    """Spans of the members of a list ``text[a:b]`` joined by 、 (the last by 和/及/与),
    or None when the words are not a list of short names.

    >>> text = "容错纠错、精准问责和澄清保护"
    >>> [text[i:j] for i, j in _list_members(text, 0, len(text))]
    ['容错纠错', '精准问责', '澄清保护']
    >>> _list_members("加强培养、大胆使用，确保人才", 0, 14) is None
    True
    """
    spans, start = [], a
    for m in LIST_SEPARATOR.finditer(text, a, b):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, b))
    if len(spans) < 2 or any(not 2 <= j - i <= longest or not LIST_MEMBER.fullmatch(text[i:j]) for i, j in spans):
        return None
    return spans


def _list_member(member: str, national: NationalTable, lexicon: Lexicon) -> bool:
    """True when one member of a shared-head list is a name: a quote that is
    no slogan, or specific words that do not open with a verb or adverb.

    >>> from orgkg.graph.knowledge import packaged
    >>> national, lexicon = NationalTable("两个维护\\tslogan\\t"), packaged().lexicon
    >>> [_list_member(m, national, lexicon) for m in ("柔性引才", "“非提拔任用谈话”", "“两个维护”", "干部培养", "大力引才")]
    [True, True, False, False, False]
    """
    if quoted := MEMBER_QUOTE.search(member):
        inner, field = quoted.group(1), member[: quoted.start()]
        # words before the quote are a field of the name (人才“周转池”), not a verb or a time
        return (len(CJK.findall(inner)) >= 2 and not national.is_slogan(inner) and not NUMBERED_SLOGAN.match(inner)
                and not (field and (lexicon.trigger.search(field) or lexicon.not_field.search(field))))
    return (len(member) >= 4 and not is_generic(member, lexicon) and not lexicon.trigger.match(member)
            and not national.is_slogan(member) and not lexicon.member_end.search(member))


def _paired_actions(members: list[str]) -> bool:
    """True when list members are each two actions of four characters that no two open alike
    (容错纠错、澄清正名、关怀激励机制: three mechanisms), not the parts of one name that
    share their first word (单独分组、单独评审制度) nor fields (干部人才、科技人才).

    >>> _paired_actions(["容错纠错", "澄清正名", "关怀激励"]), _paired_actions(["单独分组", "单独评审"])
    (True, False)
    >>> _paired_actions(["干部人才", "科技人才"])
    False
    """
    firsts = []
    for member in members:
        words = tagged(member)
        if len(member) != 4 or len(words) < 2 or not any(flag in ACTION_TAGS for _, flag in words):
            return False
        firsts.append(words[0][0])
    return len(set(firsts)) == len(firsts)


def _one_modifier(text: str, lexicon: Lexicon) -> bool:
    """True when the 、 in the words before a head noun join the parts of one
    name: short coordinated fields (卫生单位、国有企业、区属高校……行动计划,
    村干部活力、能力、效能三提升工程) or two
    long parts (担当作为、为民服务专项考核办法); False when an earlier part is a
    name of its own (课程体系、师资体系), a bare word (意见、……办法) or a long phrase.

    >>> from orgkg.graph.knowledge import packaged
    >>> def one_modifier(text): return _one_modifier(text, packaged().lexicon)

    >>> one_modifier("卫生单位、国有企业、区属高校领导班子"), one_modifier("活力、能力、效能三提升")
    (True, True)
    >>> one_modifier("担当作为、为民服务专项考核")
    True
    >>> one_modifier("课程体系、现场教学"), one_modifier("意见、容错纠错")
    (False, False)
    >>> one_modifier("红色阵地、红色队伍、红色"), one_modifier("国家、省级重点人才")
    (False, False)
    """
    parts = text.split("、")
    earlier = parts[:-1]
    if any(_names_something(p, lexicon) for p in earlier):
        return False
    shortest = 2 if len(parts) > 2 else 3  # 国家、省级……工程 lists two levels, not one name
    # a level of the administration is a field however short (市、县、乡三级……体系)
    if (all(p in lexicon.levels or shortest <= len(CJK.findall(p)) == len(p) <= 5 for p in earlier)
            and len(parts[-1]) >= 4):
        return True
    return len(parts) == 2 and min(map(len, parts)) >= 4


def _names_something(text: str, lexicon: Lexicon) -> bool:
    """True when ``text`` already ends in a head noun after words of its own (or
    is a -制 system such as 民主集中制); a bare head word (教育, 意见) is a field.

    >>> from orgkg.graph.knowledge import packaged
    >>> [_names_something(t, packaged().lexicon) for t in ("课程体系", "教育", "民主集中制")]
    [True, False, True]
    """
    head = lexicon.head_kind(text)
    return text.endswith("制") or head is not None and len(text) > len(head[0])


def _skip_back(text: str, start: int) -> str:
    """The text before a quote, skipping sibling quotes, 、, counts (50余个) and editions (第四届)."""
    before = text[:start]
    while True:
        trimmed = re.sub(r"(?:“[^“”]*”[、和与及]?|、|(?<=[\u4e00-\u9fff]{2})了|[0-9０-９一二三四五六七八九十百千万余多]+[个家支名所处批项期]"
                         rf"|{EDITION})$", "", before)
        if trimmed == before:
            return before
        before = trimmed


def after_last(text: str, chars: str, pos: int) -> int:
    """The offset just after the last of ``chars`` before ``pos`` (0 when there is none).

    >>> after_last("甲，乙。丙", "，。", 4), after_last("甲乙", "，", 2)
    (4, 0)
    """
    found = _positions(text, chars)
    at = bisect_left(found, pos)
    return found[at - 1] + 1 if at else 0


@lru_cache(maxsize=16)
def _positions(text: str, chars: str) -> list[int]:
    """Where ``chars`` stand in ``text``, found once per sentence, so asking at every name stays linear."""
    return [i for i, ch in enumerate(text) if ch in chars]


class _Finder:
    """Collects the names of one sentence, each span claimed at most once."""

    def __init__(self, sentence: Sentence, national: NationalTable, lexicon: Lexicon):
        self.s = sentence
        self.table = national
        self.lex = lexicon
        self.text = full_width(sentence.text)
        self.taken = [False] * len(self.text)
        self.found: list[MeasureMention] = []

    def free(self, a: int, b: int) -> bool:
        """True when no earlier step has claimed any character of ``text[a:b]``."""
        return not any(self.taken[a:b])

    def claim(self, a: int, b: int, kind: str | None, core: str) -> None:
        """Take ``text[a:b]``; record it as a name unless ``kind`` is None (a
        slogan or title, claimed so that nothing inside it is read as a name) or
        it is a national slogan or standing rule written in full (中央八项规定)."""
        for i in range(a, b):
            self.taken[i] = True
        if kind is not None and not self.table.is_slogan(self.text[a:b]):
            self.record(a, b, kind, core)

    def record(self, a: int, b: int, kind: str, core: str) -> None:
        """Record ``text[a:b]`` as a name (its span already claimed); the core of a name
        written without quotes is the name without the scope opening it (全省……计划)."""
        off = self.s.start
        if core == self.text[a:b]:
            core = OWN_SCOPE.sub("", core)
        self.found.append(MeasureMention(kind, self.s.text[a:b], core, off + a, off + b, self.s.index))

    def run(self) -> list[MeasureMention]:
        self.titles()
        self.national()
        self.patterns()
        self.quotes()
        self.lists()
        self.unquoted()
        return sorted(self.found, key=lambda m: m.start)

    def national(self) -> None:
        table = self.table
        for variant in (v for v in table.variants if v in self.text):  # most sentences hold none: skip the regexes
            for m in re.finditer(re.escape(variant), self.text):
                # after a closing quote it is the head of another name: “四史”主题教育
                if self.free(m.start(), m.end()) and self.text[m.start() - 1 : m.start()] != "”":
                    entry = table.get(variant)
                    core = re.search(r"“([^”]+)”", entry.name)
                    # written with the region's own field words or head: 部务会“甲乙”制度, 甲乙创建行动
                    a = self._field_start(m.start()) if variant.startswith("“") else m.start()
                    tail = self._tail(m.end()) if variant.endswith(("”", *self.lex.weak_heads)) else None
                    b = m.end() + len(tail[0]) if tail and tail[0] in self.lex.heads else m.end()
                    self.claim(a, b, entry.kind, core.group(1) if core else normalise(entry.name))

    def titles(self) -> None:
        for m in TITLE.finditer(self.text):
            if not self.free(m.start(), m.end()):
                continue
            inner = strip_title(m.group(1))
            found = self.lex.head_kind(inner)
            kind = found[1] if found and len(inner) >= len(found[0]) + 2 else None  # 《实施细则》, not 《决定》
            if kind is None and self.lex.programme_column.search(self.text[: m.start()]):
                kind = "programme"
            a = self._title_description(m.start()) if self.lex.generic_title.match(inner) else m.start()
            if a < m.start():
                kind = found[1] if found else "initiative"
            self.claim(a, m.end(), kind, m.group(1))

    def _title_description(self, start: int) -> int:
        """Start of the words that describe a generic title at ``start`` (制定加强……的《若干措施》,
        、鼓励……流动《若干措施》): after the verb issuing it, or the 、 listing it after another;
        ``start`` itself when there are none or they are no description, or hold a name of
        their own (甲乙行动《实施方案》 is a document on a programme, two items)."""
        text = self.text
        a = after_last(text, "，。；：！？,;:!?\n《》、", start)
        verb = self.lex.issuing_verb.search(text, a, start)
        if verb:
            a = verb.end()
            while verb := self.lex.issuing_verb.match(text, a, start):  # 贯彻落实中央《意见》
                a = verb.end()
        elif text[a - 1 : a] != "、":
            return start
        a += len(self.lex.description_lead.match(text, a).group())
        words = text[a:start]
        if (not DESCRIBED_TITLE_MIN <= len(CJK.findall(words)) <= DESCRIBED_TITLE_MAX or not self.free(a, start)
                or self.lex.not_description.search(words) or self.lex.unquoted_head.search(words)):
            return start
        return a

    def quotes(self) -> None:
        spans = [m for m in QUOTE.finditer(self.text) if self.free(m.start(), m.end())]
        i = 0
        while i < len(spans):
            if listed := self._field_quote_list(spans, i):
                i += listed
                continue
            # a run of adjacent quotes followed by one head: “两区”“三平台”……行动计划, unless
            # a quote is a whole name of its own: “青苗助长计划”“三个基层”历练机制
            j = i
            while (j + 1 < len(spans) and spans[j + 1].start() == spans[j].end()
                   and not whole_name_kind(spans[j].group()[1:-1], self.lex)):
                j += 1
            a, b = spans[i].start(), spans[j].end()
            lead = self._field_start(a)
            tail = self._tail(b)
            if tail is None and (articles := self.lex.articles_after.match(self.text, b)) and j == i:
                tail = articles.group(), "initiative"  # a numbered policy package: “甲乙”15条
            if tail is None and j == i:
                tail = self._word_before_etc(b)
            if (tail and j == i and whole_name_kind(spans[j].group()[1:-1], self.lex)
                    and self.lex.head_kind(tail[0], self.lex.tail_heads)[0] == tail[0]):
                tail = None  # a bare head after a whole name classifies it: “青年技能人才培育工程”政策
            core = self.text[a + 1 : b - 1]
            if j == i and self._counted_umbrella(a, b, core, tail):
                i += 1
                continue
            if tail and j == i and COUNTED.match(tail[0]) and re.search("”[、和及与]$", self.text[:a]):
                # the last of quotes listed before their counted head (“甲”、“乙”两项活动) is a member
                self.claim(a, b + len(tail[0]), None, core)
                if not self.table.is_slogan(core):
                    self.record(a, b, tail[1], core)
                i += 1
                continue
            if tail and j == i and self._counted_quote_list(a, b, core, tail):
                i += 1
                continue
            if tail and len(core) >= 2:
                kind = (None if _not_an_item(core, tail[0], self.table, self.lex, lead < a) or self._manner(a, tail[0])
                        else tail[1])
                members = [m.group()[1:-1] for m in spans[i : j + 1]]
                if kind and j > i and not tail[0].startswith("的") and _named_members(members, self.lex):
                    # one item per member, named by its quote; the umbrella is not an item
                    self.claim(lead, b + len(tail[0]), None, core)
                    for m, member in zip(spans[i : j + 1], members):
                        if not self.table.is_slogan(member):
                            self.record(m.start(), m.end(), kind, member)
                else:
                    self.claim(lead, b + len(tail[0]), kind, core)
                i = j + 1
                continue
            m = spans[i]
            inner = m.group()[1:-1]
            if LISTED_BEFORE.search(self.text, 0, m.start()) and self.lex.head_kind(inner):
                # the quoted head of the quotes listed before it (“甲”“乙”等“五大行动”) names no item
                self.claim(m.start(), m.end(), None, inner)
                i += 1
                continue
            kind = _bare_quote_kind(self.text, m.start(), m.end(), inner, self.table, self.lex)
            if kind is None and lead < m.start():
                kind = _bare_quote_kind(self.text, lead, m.end(), inner, self.table, self.lex, self.lex.field_verbs)
            self.claim(lead if kind else m.start(), m.end(), kind, inner)
            i += 1

    def _word_before_etc(self, end: int) -> tuple[str, str] | None:
        """A word on no head list written after a quote and before 等 and a head that
        says what the quote and its word are (“甲乙”倒查等制度, “甲乙”培育等专项行动),
        as the head phrase (word, kind)."""
        word = HEAD_WORD_BEFORE_ETC.match(self.text, end)
        # the first of quotes listed so (“甲”交流、“乙”交流等方式): the 等 after the last
        etc = word and self.lex.etc_head.match(self.text[word.end("siblings") :])
        kind = etc and self.lex.etc_kind(etc)
        if (not kind or self.lex.tail_stop.match(word.group("word"))
                or self.text[: end - 1].endswith(self.lex.style_ends)):  # “巡回式”服务 is a way of serving
            return None
        return word.group("word"), kind

    def _counted_quote_list(self, a: int, b: int, core: str, tail: tuple[str, str]) -> bool:
        """Claim one quote listing as many members as the head after it counts
        (“甲乙、丙丁、戊己”三大计划): one item per member, named by it, and the umbrella no
        item; a list no count follows, or one made one (三位一体), names one thing (“甲、乙、丙”工程).
        True when claimed."""
        count = COUNTED_UMBRELLA.match(tail[0])
        members = core.split("、")
        if count is None or ONE_WHOLE.match(tail[0], count.end() - 1) or len(members) < 2:
            return False
        if any(len(CJK.findall(m)) < 2 or self.lex.verb.match(m) or self.lex.trigger.match(m) for m in members):
            return False  # duties each opening with a verb (“重温入党誓词、开展志愿服务”2项规定动作) are one thing
        if parse_number(count.group("n")) != len(members):
            return False
        self.claim(a, b + len(tail[0]), None, core)
        start = a + 1
        for member in members:
            if not self.table.is_slogan(member):
                self.record(start, start + len(member), tail[1], member)
            start += len(member) + 1
        return True

    def _counted_umbrella(self, a: int, b: int, core: str, tail: tuple[str, str] | None) -> bool:
        """Claim a quoted umbrella that counts the members listed right before it
        (甲、乙、丙“三项机制”, 甲年、乙年、丙年“三个年”活动, 甲、乙和丙等“三项改革”, 甲才领航、
        乙才支持“两才行动”, whose members share the word after its count; 甲治乙丙、丁治戊己“两治”, where
        the count and that word are the whole quote, in the same place of each member): one
        item per member, of the kind the head gives, and the umbrella no item. True when claimed."""
        count = COUNTED_UMBRELLA.match(core)
        if count is None:
            return False
        own = self.lex.head_kind(core)
        kind = tail[1] if tail else own[1] if own else None
        if kind is None:
            return False
        end = a - 1 if self.text[a - 1 : a] == "等" else a
        clause = after_last(self.text, CLAUSE_BREAK, end)
        verbs = [m.end() for m in self.lex.verb.finditer(self.text, clause, end) if "、" in self.text[m.end() : end]]
        n = parse_number(count.group("n"))
        # the list starts after the last verb that leaves whole members (a verb may be inside
        # one: 项目推进年)
        for verb in reversed(verbs):
            members = _list_members(self.text, verb + len(self.lex.leading.match(self.text, verb).group()), end,
                                    COUNTED_MEMBER_MAX)
            names = [self.text[ma:mb] for ma, mb in members or ()]
            shared = count.group("word")
            # a count and one word alone (“六治”) names members that each hold the word in one place
            parallel = not shared or count.end() < len(core) or len({m.find(shared) for m in names}) == 1
            if len(names) == n and parallel and all(
                    (shared in member[1:] if shared else len(member) >= COUNTED_MEMBER_MIN)
                    and _list_member(member, self.table, self.lex) for member in names):
                break
        else:
            return False
        self.claim(a, b + len(tail[0]) if tail else b, None, core)
        for (ma, mb), member in zip(members, names):
            if self.free(ma, mb):
                self.claim(ma, mb, kind, member.strip("“”"))
        return True

    def _field_quote_list(self, spans: list[re.Match], i: int) -> int:
        """Claim a list of quotes, each after its own field words, that one verb governs
        (推行甲项目“乙丙”、丁项目“戊己”): one item per member, named with its field, of the
        kind a head shared after the last member gives (建立甲会“乙”、丙组“丁”制度: the last
        named with it), else of the kind the verb gives. The number of quotes claimed; 0 when
        ``spans[i]`` opens no such list."""
        text, lex = self.text, self.lex
        members, j = [], i
        while j + 1 < len(spans) and (gap := FIELD_MEMBER.fullmatch(text, spans[j].end(), spans[j + 1].start())):
            field = gap.group(1)
            if field and (len(field) < 2 or lex.not_field.search(field) or lex.trigger.search(field)):
                break
            j += 1
            members.append((gap.start(1), spans[j]))
        if j == i:
            return 0  # (most quotes: no member follows, and the field words are not looked for)
        lead = self._field_start(spans[i].start())
        members.insert(0, (lead, spans[i]))
        if lead == spans[i].start() or sum(a < m.start() for a, m in members) < 2:
            return 0
        verb = next((v for v in lex.field_verbs if text.endswith(v, 0, lead)), None)
        end = spans[j].end()
        tail = self._tail(end)
        inners = [m.group()[1:-1] for _, m in members]
        if (verb is None or not (tail or BARE_FOLLOW.match(text[end:]))
                or any(self.table.is_slogan(inner) or lex.body_core.search(inner) for inner in inners)):
            return 0  # (坚定拥护“两个确立”、坚决做到“两个维护”: slogans; 街道“大工委”、社区“大党委”: bodies)
        self.claim(lead, end + len(tail[0]) if tail else end, None, "")
        for (a, m), inner in zip(members, inners):
            if len(CJK.findall(inner)) < 2 or re.search("[，。；]", inner) or lex.place_core.search(inner):
                continue
            entry = self.table.get(inner)
            kind = tail[1] if tail else (entry.kind if entry else (lex.head_kind(inner) or ("", None))[1]) or (
                "programme" if verb in lex.programme_verbs else "initiative")
            if tail and _not_an_item(inner, tail[0], self.table, lex):
                continue
            self.record(a, m.end() + len(tail[0]) if tail and m is spans[j] else m.end(), kind, inner)
        return j - i + 1

    def _manner(self, start: int, tail: str) -> bool:
        """Whether a quote at ``start`` and the 的 phrase after it say how something is done, in a
        clause opening with 以 (以“甲乙”的思想行动、“丙丁”的担当举措): a manner, no name."""
        return tail.startswith("的") and MANNER.search(self.text, after_last(self.text, CLAUSE_BREAK, start), start) is not None

    def _field_start(self, start: int) -> int:
        """Start of the field words written between a verb and a quote, which
        belong to the name (机关党建“六个引领”工作法, 推行技术攻关“赛马比拼”);
        ``start`` itself when there are none."""
        text = self.text
        a = after_last(text, LEFT_BREAK, start)
        verbs = [m.end() for m in self.lex.verb.finditer(text, a, start)]
        cut = self._past_claims(max(verbs, default=a), start)
        governed = bool(verbs) or cut > a  # by a verb, or by the verb of the name joined before it
        cut += len(self.lex.leading.match(text, cut).group())
        field = text[cut:start]
        # two fields joined by 和 after the verb are one field (推行甲乙和丙丁“双鉴定”)
        parts = field.split("和") if governed and JOINED_FIELD.fullmatch(field) else [field]
        words = BRACKETED_KINDS.sub("", field)  # 村（社区）“两委”: the kinds a field stands for are part of it
        if not 2 <= len(field) <= 8 * len(parts) or len(CJK.findall(words)) != len(words):
            return start
        if any(self.lex.not_field.search(part) or self.lex.trigger.search(part) for part in parts):
            return start
        if not governed and (len(field) < 4 or self.lex.generic_words.sub("", field)):
            return start  # without a verb only field words (基层党建, not 组织) are sure to be part of the name
        return cut

    def _tail(self, end: int) -> tuple[str, str] | None:
        """The head phrase written right after a quote, as (text, kind).

        The phrase stops at the first head noun, extended over heads that
        follow it directly (行动 + 计划, 创建 + 体系; a weak one keeps the kind: 品牌 + 建设); a description after 的
        is kept when short (“1+15+N”的联动发展模式) or when specific words
        lead to a head that ends unquoted names too (“甲乙”的网格化服务管理体系).
        """
        window = re.match(r"[^，。；：、！？,;:!?“《（(\n]{1,16}", self.text[end:])
        lex = self.lex
        # digits end the phrase, but for a count of the quote's members opening it (“甲、乙”2项行动)
        count = DIGIT_COUNT.match(window.group()) if window else None
        opening = count.group() if count else ""
        text = opening + lex.tail_stop.split(window.group()[len(opening):])[0] if window else ""
        found, head_start = None, 0
        for n in range(1, len(text) + 1):
            head = lex.head_kind(text[:n] if found is None else text[len(found[0]) : n], lex.tail_heads)
            if head and head[0] == "制" and not SYSTEM_HEAD.match(self.text, end + n - 1):
                continue  # 制 starting a word: “甲”制度
            if head and head[0] in lex.closing_heads and CJK.match(self.text, end + n):
                continue  # 管理 opening a longer head: “甲”综合管理服务平台
            if head and (found is None or head[0] == text[len(found[0]) : n]):
                kind = found[1] if found and head[0] in lex.weak_heads else head[1]  # 品牌 + 建设: a brand still
                found, head_start = (text[:n], kind), n - len(head[0])
            elif found and (longer := lex.head_kind(text[:n], lex.tail_heads)) and n - len(longer[0]) <= head_start:
                found = text[:n], longer[1]  # a longer head holding the one found: 培训 + 班
        if not found or lex.continuation.match(self.text[end + len(found[0]) :]):
            return None
        if "的" in found[0][1:] or found[0].startswith("的") and found[0].endswith(lex.described_heads):
            return None  # “上下联动”的工作格局 describes a layout
        if len(found[0]) > 7 and found[0].startswith("的"):  # a long description must name its own kind of thing
            head = lex.head_kind(found[0], lex.unquoted_heads)
            if head is None or len(found[0]) > 13 or is_generic(found[0][1 : -len(head[0])], lex):
                return None
        return found

    def patterns(self) -> None:
        """Documents, policy packages, events, training classes and talent strategies,
        named by a fixed pattern rather than a head noun (a quote in
        实施“人才强市”战略 is part of it)."""
        for pattern in (self.lex.unquoted_document, self.lex.talent_strategy):
            for m in pattern.finditer(self.text):
                if self.free(m.start(), m.end()):
                    core = re.sub("[“”]", "", m.group())
                    if pattern is self.lex.talent_strategy:
                        core = core.removeprefix("新时代")  # 新时代人才强市战略: the strategy, in its era
                    self.claim(m.start(), m.end(), "initiative", core)
        for m in self.lex.unquoted_umbrella.finditer(self.text):
            words = m.group("words")
            if (self.free(m.start(), m.end()) and not is_generic(words, self.lex) and not self.lex.trigger.match(words)
                    and not self.lex.not_class.search(words)):
                self.claim(m.start(), m.end(), "programme", m.group())
        for m in self.lex.event_name.finditer(self.text):
            a, b = m.end("times") if m.group("times") else m.start(), m.end()  # 举办（第）六届……大赛: not its name
            while self.free(a, b) and not self.lex.not_class.search(self.text, a, b):
                self.claim(a, b, "programme", self.text[a:b])
                listed = self.lex.listed_event.match(self.text, b)  # 举办甲论坛、乙人才大会: each event of the list
                if listed is None:
                    break
                a, b = listed.start("name"), listed.end()
        for verb in self.lex.document_verb.finditer(self.text):
            self.documents(verb.end())
        for m in self.lex.class_name.finditer(self.text):
            if (self.lex.trainee.search(m.group()) and not self.lex.not_class.search(m.group())
                    and not self._routine_class(m.group()) and self.free(m.start(), m.end())):
                self.claim(m.start(), m.end(), "programme", m.group())

    def _routine_class(self, name: str) -> bool:
        """Whether a training class names only who attends it (县处级主要领导干部专题研讨班): a
        routine class every region holds, no programme, unlike one with a subject or a name
        of its own (组工干部党性教育培训班)."""
        head = self.lex.head_kind(name, self.lex.words["class-head"])
        modifier = name[: -len(head[0])] if head else name
        return is_generic(CLASS_QUALIFIER.sub("", modifier), self.lex)

    def documents(self, at: int) -> None:
        """Policy documents written without 《》 from ``at`` on, right after the
        verb that issues them, and those listed after them with 、 (numbered packages
        too: 出台甲乙20条、丙丁13条)."""
        while m := self.lex.document_name.match(self.text, at) or PACKAGE.match(self.text, at):
            body = m.group()
            end = m.end()
            package = m.re is PACKAGE  # 出台柔性引才20条: a numbered package of measures, named by its field
            if (self.lex.continuation.match(self.text[end:]) or self.lex.not_document.search(body)
                    or len(CJK.findall(body)) < (3 if package else 6) or not self.free(at, end)
                    or package and self.lex.trigger.search(m.group(1))):
                return
            self.claim(at, end, "initiative", body)
            if self.text[end : end + 1] != "、":
                return
            at = end + 1

    def lists(self) -> None:
        """Members of a list after an implementing verb that share the head
        written after the last (落实甲、乙等政策, 健全甲、乙和丙机制): one item per
        member, named as written; the last keeps the head unless 等 or the members'
        count closes the list (甲、乙、丙“三大工程”: the counted umbrella is no item)."""
        for h in self.lex.list_head.finditer(self.text):
            a = after_last(self.text, CLAUSE_BREAK, h.start())
            verbs = [m.end() for m in self.lex.verb.finditer(self.text, a, h.start())
                     if "、" in self.text[m.end() : h.start()]]
            closed = h.group("etc") or h.group("count")
            # a quoted count is claimed already, as an umbrella that is no name
            taken = self._named(h.start("head"), h.end()) if h.group("count") else not self.free(h.start("head"), h.end())
            if taken or not verbs and not h.group("etc"):
                continue
            # without a verb the list opens its clause, which 等 and the head close (甲、乙等活动，)
            at = verbs[-1] + len(self.lex.leading.match(self.text, verbs[-1]).group()) if verbs else a
            # a verb the implementing one carries opens no member (探索形成了甲、乙等品牌); one as
            # often a noun does only with its particle (创新创业人才培养工程 is a member)
            while ((verb := next((v for v in self.lex.bare_verbs if self.text.startswith(v, at)), None))
                   and (verb not in self.lex.words["nominal-verb"] or self.text.startswith("了", at + len(verb)))
                   and "、" in self.text[at + len(verb) : h.start()]):
                at += len(verb) + len(self.lex.leading.match(self.text, at + len(verb)).group())
            members = _list_members(self.text, at, h.start())
            # members described by a 的 phrase before the head (甲抓学习、乙抓落实的机制) are no names
            if members and DESCRIPTION_END.search(re.sub(r"“[^“”]*”", "", self.text[members[-1][0] : h.start()])):
                continue
            # a list no verb leads must be names throughout, opening with a quote or a name found already
            if not verbs and members and not (
                    any("“" in self.text[i:j] or self._named(i, j) for i, j in members)
                    and all(self._named(i, j) or _list_member(self.text[i:j], self.table, self.lex) for i, j in members)):
                continue
            # without 等 or 和 the 、 may join the parts of one name (单独分组、单独评审制度),
            # unless an earlier member is quoted or named already (甲、“乙”、丙机制)
            if members is None or (not closed and self.text[members[-1][0] - 1] == "、"
                                   and not any(self.text[i] == "“" or self._named(i, j) for i, j in members[:-1])
                                   and not _paired_actions([self.text[i:j] for i, j in members])
                                   and not self._named_run(members)):
                continue
            kind = self.lex.head_kind(h.group("head"))[1]
            for n, (ma, mb) in enumerate(members):
                b = h.end() if n == len(members) - 1 and not closed else mb
                member = self.text[ma:mb]
                if _list_member(member, self.table, self.lex) and not self._named(ma, b):
                    quoted = MEMBER_QUOTE.search(member)
                    self.claim(ma, b, kind, quoted.group(1) if quoted else member)
            self.claim(h.start(), h.end(), None, "")

    def _named_run(self, members: list[tuple[int, int]]) -> bool:
        """Whether a list without 等 or 和 is too long to be the parts of one name: three or
        more members, each a name of its own (甲人才突破、乙人才集聚、丙人才倍增行动)."""
        return len(members) >= NAMED_RUN and all(_list_member(self.text[i:j], self.table, self.lex) for i, j in members)

    def _named(self, a: int, b: int) -> bool:
        """True when ``text[a:b]`` overlaps a name found already (not a span claimed as no name)."""
        off = self.s.start
        return any(m.start - off < b and a < m.end - off for m in self.found)

    def unquoted(self) -> None:
        for m in self.lex.unquoted_head.finditer(self.text):
            # a verb inside the name (带头人队伍整体优化提升行动) leaves words too generic
            # after it: the name then starts after the implementing verb before that one
            limit, tried = m.start() - 2, None
            while limit is not None:
                a, limit = self._left_edge(m.start(), limit, m.end())
                if a == tried or tried is not None and limit is None or self._unquoted(a, m, limit) is not False:
                    break
                tried = a

    def _unquoted(self, a: int | None, m: re.Match, verb: int | None) -> bool | None:
        """Claim ``text[a:m.end()]``, after a verb starting at ``verb``, as an unquoted name
        ending in head ``m``: True when claimed, False when the verb may be inside the
        name and the words after it are too few, None when it is no name."""
        lex = self.lex
        b = m.end()
        if (a is None or not self.free(a, b) or lex.continuation.match(self.text[b:]) or self.text[a - 1 : a] == "”"
                or self.table.is_slogan(self.text[a:b])):
            return None
        modifier = self.text[a : m.start()]
        if any(self.table.is_slogan(modifier[k:]) for k in range(SLOGAN_LEAD + 1)):
            return None  # (固定)主题党日制度, 三会一课制度: a standing institution of party life
        if modifier and modifier[-1] in lex.words["preposition"] and tagged(modifier)[-1] == (modifier[-1], "p"):
            return None  # 甲市用行动给出答案: “with action”, no name (人才使用机制 ends in a verb)
        if m.group() == "制" and "制" in modifier:
            return None  # one system to a name: 改审批制为备案制 is a clause
        # 12345热线 and 1335工作法 are named by a number code, “1.0体系” is not
        worded = len(CJK.findall(modifier)) >= 2 or m.group() == "热线" or re.fullmatch(r"[0-9]{3,}", modifier)
        if m.group() in lex.rating_heads:  # a named scheme by itself: who is rated is enough (党组织星级化管理)
            specific = len(modifier) >= 2 and not lex.marked(modifier)
        else:
            specific = len(modifier) >= 3 and not is_generic(modifier, lex)
        # 坚持用制度: a verb, not a name, unless carried (实施推动……计划)
        verb_led = lex.trigger.match(modifier) and not self.text[:a].endswith(lex.carrying_verbs)
        if m.group() in lex.verb_heads and not self._run_by_verb(verb, a, m):
            return None
        if not (worded and specific):
            compound_end = (len(modifier) == 2 and not lex.trigger.match(modifier)
                            and not lex.generic_words.fullmatch(modifier) and self._inside_verb(verb, a))
            return False if compound_end else None
        if verb_led:
            return None
        self.claim(a, b, lex.head_kind(self.text[a:b])[1], self.text[a:b])
        return True

    def _run_by_verb(self, verb: int | None, a: int, head: re.Match) -> bool:
        """True when a verb that runs or sets up items (开展, 建立) at ``verb`` leads the
        name from ``a`` to ``head``, the name is no celebration, series or count
        (庆祝……系列活动, 836次对接活动) and the head ends the phrase (not ……活动周)."""
        found = verb is not None and self.lex.trigger.match(self.text, verb)
        return (bool(found) and found.group() in self.lex.bare_verbs
                and a in (found.end(), found.end() + len(PERFECTIVE_MARK) * self.text.startswith(PERFECTIVE_MARK, found.end()))
                and not self.lex.not_run.search(self.text, a, head.start()) and not PHRASE_GOES_ON.match(self.text, head.end()))

    def _inside_verb(self, verb: int | None, end: int) -> bool:
        """True when the verb at ``verb`` ends at ``end`` and follows a word that is no
        verb, so that it may be part of a noun phrase (队伍整体优化提升) rather than govern it."""
        if verb is None or not (found := self.lex.trigger.match(self.text, verb)) or found.end() != end:
            return False
        clause = after_last(self.text, LEFT_BREAK, verb)
        return verb > clause and not any(t.end() == verb for t in self.lex.trigger.finditer(self.text, clause, verb))

    def _left_edge(self, start: int, limit: int, end: int | None = None) -> tuple[int | None, int | None]:
        """Start of an unquoted name whose head noun starts at ``start``, and
        where the verb it starts after starts (None when there is none).

        The name starts after the clause's last implementing verb ending by
        ``limit``, after a preceding name joined
        by 和/及 or already claimed, after a description ending in 的 (but
        not the 的 of 党的, which names take: 加强党的组织体系建设……计划), and
        after the last 、 unless the 、 join the parts of one name (see
        :func:`_one_modifier`), or the name is the last of a list that 等 closes after
        its head (``end``): 甲学习、乙大讲堂等.
        """
        text = self.text
        a = after_last(text, LEFT_BREAK, start)
        verb, verb_start = self._last_trigger(a, limit)
        cut = a if verb is None else verb
        joined = [m.end() for m in self.lex.joined.finditer(text, cut, start)]
        described = [m.end() for m in DESCRIPTION_END.finditer(text, cut, start)]
        cut = max([self._past_claims(cut, start), *joined, *described])
        cut += len(self.lex.leading.match(text, cut).group())
        if "、" in text[cut:start] and (not _one_modifier(text[cut:start], self.lex)
                                        or end is not None and text.startswith("等", end)):
            cut = text.rfind("、", cut, start) + 1
        if verb is None and start - cut > 20 + 5 * text.count("、", cut, start):  # a clause, not a name
            return None, None
        return (cut + 2 if re.match(r"研究(?![生院会所室])", text[cut:start]) else cut), verb_start

    def _past_claims(self, a: int, b: int) -> int:
        """The first offset in ``[a, b]`` after every character an earlier name claimed,
        so that a name never reaches into another."""
        return max([a, *(i + 1 for i in range(a, b) if self.taken[i])])

    def _last_trigger(self, a: int, b: int) -> tuple[int | None, int | None]:
        """End of the last implementing verb wholly inside ``text[a:b]`` (its
        start when it is a content verb carried by the verb before it, with an
        adverb's start when one stands between: 实施加强……计划 keeps 加强, 实施全面提升……计划
        keeps 全面提升; after its 了 when written with one), and its start;
        (None, None) when there is none."""
        # a verb with the aspect particle 了 is the one that implements (组织了两新组织覆盖攻坚行动),
        # whether or not a list knows it: verbs after it are words of the name
        perfective = [m for m in PERFECTIVE.finditer(self.text, a, b) if tagged(m.group(1)) == ((m.group(1), "v"),)]
        if perfective:
            return perfective[-1].end(), perfective[-1].start()
        found = list(self.lex.trigger.finditer(self.text[a:b]))
        if not found:
            return None, None
        last = found[-1]
        before = self.text[a : a + last.start()]
        if self.lex.content_verb.search(last.group()):
            adverb = self.lex.carried_adverb.search(before)  # 实施全面加强……计划: the adverb opens the name too
            if adverb and before[: adverb.start()].endswith(self.lex.carrying_verbs):
                return a + adverb.start(), a + adverb.start()
            if before.endswith(self.lex.carrying_verbs):
                return a + last.start(), a + last.start()
        if (self.lex.carried_adverb.fullmatch(last.group()) and before.endswith(self.lex.carrying_verbs)
                and self.lex.content_verb_at.match(self.text, a + last.end())):
            return a + last.start(), a + last.start()  # 实施全面提升……计划, 提升 being no trigger
        return a + last.end(), a + last.start()


class MeasureFinder:
    """Finds the programmes and initiatives of an article, for both pipeline steps.

    The two steps ask for the same article one after the other, so the last
    article's names are kept and the second step does not search again.

    :param national: the national campaigns and slogans.
    :param lexicon: the word lists names are found by.
    """

    def __init__(self, national: NationalTable, lexicon: Lexicon):
        self.national = national
        self.lexicon = lexicon
        self._last: tuple[tuple[Sentence, ...], tuple[MeasureMention, ...]] | None = None

    def __call__(self, article: Article) -> tuple[MeasureMention, ...]:
        """All programmes and initiatives of ``article``, each classified once.

        A quoted name written alone (“红色物业”) where the article also writes it
        with its head noun (“红色物业”创建) is a short reference to that item, so
        only the full form is kept. A name the context classifies differently in
        two sentences (深化“甲乙” / 开展“甲乙”) is one item of one kind.
        """
        sentences = tuple(article.sentences)
        if self._last is None or self._last[0] != sentences:
            self._last = sentences, self._find(article)
        return self._last[1]

    def _find(self, article: Article) -> tuple[MeasureMention, ...]:
        found = [m for s in article.sentences for m in _Finder(s, self.national, self.lexicon).run()]
        headed = {m.core for m in found if m.name != f"“{m.core}”"}
        kept = [m for m in found if m.name != f"“{m.core}”" or m.core not in headed]
        kinds = _kind_by_name(kept)
        return tuple(replace(m, kind=kinds[m.name]) for m in kept)


def _kind_by_name(mentions: list[MeasureMention]) -> dict[str, str]:
    """The kind most mentions of each written name give, as across the corpus
    (see :func:`orgkg.graph.measures.majority_kind`)."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        votes[m.name][m.kind] += 1
    return {name: majority_kind(counts) for name, counts in votes.items()}


def shared_finder(knowledge: Knowledge) -> MeasureFinder:
    """The finder the programmes and initiatives steps of one pipeline share (one per knowledge)."""
    return knowledge.__dict__.setdefault("_measure_finder", MeasureFinder(knowledge.national, knowledge.lexicon))


def component_for(kind: str, finder: MeasureFinder) -> Callable[[Article], Article]:
    """The pipeline step that sets ``article.programmes`` or ``article.initiatives``.

    :param kind: ``"programme"`` or ``"initiative"``.
    :param finder: the finder both steps share.
    """
    field = kind + "s"

    def component(article: Article) -> Article:
        setattr(article, field, [m for m in finder(article) if m.kind == kind])
        return article

    return component
