"""Find the statistics a report gives: value, unit, approximation, subject, time.

A figure is found by its shape (number, optional 万/亿, unit) and then filtered
by what the guidelines exclude: ordinals, numbers inside slogans and names
(but not inside quoted speech), thresholds and age bounds, the criterion
counted items meet, the base of a rate, spans of time, targets and plans, the
upper ends of ranges, counts restating the list they close. Counted periods
that report a fact (``连续5年``, ``驻守24小时``), round amounts without digits
(``千名``, ``超百亿元``) and Chinese-numeral counts outside names (``七个科室``)
are figures; so is money every counted item reached (``15个村收入均达到8万元``),
while an amount that sorts what a count counts (``收入10万元的村达到120个``, ``10万元以下村``)
and a number inside an unquoted plan's name (``实施筹建10万套人才住房计划``) are not.
Numbers are matched in the raw sentence before any segmentation, so ``23,876`` and
``68.4%`` stay whole.

The subject is read from the clause around the number: the verb phrase before
it (``招录公务员640名``) and the noun after the unit (``1350个临时党支部``),
without scope words (全市, 累计) and link verbs (达, 为, 增加到). When the
noun after the unit opens a long modifier, the head noun after its 的 is read
instead (``126名在…表现优异的干部``), and numbers listed before one noun
share it (``分别奖励20万元、10万元经费``); a figure that only says how the previous
one changed (``年均增长25%``), or names only a verb (``培训8.6万人次``), is
completed with that one's subject, as is a bare level (``其中国家级38家``). Of
actions listed before a number only the last counts (``举办研讨班、开发100门课程``);
a count of rounds takes the action and what the next count counts (``分8期组织480名干部``).
A list closed by 等 right before the number stays whole (``培训甲、乙等140人``); a list after
the counted noun saying where they go runs on to what they do there (``干部到甲、乙等地挂职``),
and so does a short adverbial with 在 (``6个县在全省率先摘帽``).
Phrases are cut and trimmed on jieba's word boundaries, never inside a common word, a
quoted name or a 《title》, and lose the adverbs, particles and open quotation marks a
cut leaves at their ends (``村民正``).

The words these rules read (verbs of running a plan, target words, link verbs …) are the
lists of ``data/figure_words.tsv``, read once at import; the patterns are built from them.
"""
from __future__ import annotations

import logging
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from itertools import accumulate, chain

import jieba.posseg

from orgkg.resources import data_text

from ..doc import Article, FigureMention, Sentence
from ..indicators import Indicator, match_indicator
from ..knowledge import Knowledge
from ..numbers import ARABIC, CN_NUMERAL, as_percentage, parse_number
from . import register
from .lexicon import any_of, read_lists
from .punctuation import full_width
from .segment import tagged

log = logging.getLogger("orgkg.build")
TABLE = "figure_words.tsv"
#: the lists of ``data/figure_words.tsv`` (explained there), in table order
LISTS = (
    "unit", "phase-after", "named-after", "named-before", "run-verb", "round-name-head", "rule-head", "plan-head", "edition-verb",
    "criterion-verb", "count-link", "each-word", "each-verb", "target-lead", "target-word", "cap-word", "plan-word", "planned-action", "not-after",
    "duration-fact", "completion-verb", "people-noun", "household-noun", "noun-unit", "share-word", "lead-word", "trail-word", "noun-stop",
    "document-content-verb", "adverbial-verb", "destination-verb", "change-verb", "bridge-word",
)
WORDS = read_lists(data_text(TABLE), f"data/{TABLE}", LISTS)
UNITS = tuple(sorted(WORDS["unit"], key=len, reverse=True))  # the longest first: 个百分点, not 个
NOUN_UNITS = WORDS["noun-unit"]
SHARE_WORDS = WORDS["share-word"]
SHARE_MAX = 3  # the longest subject that names only a share or a rate (覆盖率; not 群众满意率)
BRACKETED = re.compile(r"[（(][^（）()，。；]{1,6}[）)]")  # 县（市、区）: the kinds a noun unit stands for
# Chinese-numeral counts are statistics only for repeated actions, the people
# they count, and pieces, cases, courses and amounts (选派六批, 先后两次视察, 两千名,
# 刊发四十二篇, 调解纠纷二十起, 开发课程十二门, 奖励两万元); elsewhere (两个维护, 四个意识,
# 三年行动) they name slogans.
CN_COUNT_UNITS = ("批次", "轮次", "场次", "人次", "批", "轮", "届", "次", "场", "名", "个", "项", "期", "人", "家", "户",
                  "篇", "起", "元", "套", "条", "门")
# 三人小组, 两家单位, 三条措施, 四套班子: a Chinese-numeral count of people, firms, households, points or sets
# is a statistic from ten on (二百余人, 三十余家企业, 五千余条诉求); below that it mostly names
# a small group or a slogan's parts
CN_LARGE_UNITS = ("人", "家", "户", "条", "套")
CN_LARGE = 10
# 二期工程: a phase of a project, not a count of training rounds (举办培训班三期)
PHASE_AFTER = re.compile(any_of(WORDS["phase-after"]))
# “12个教育基地、300名师资”: quoted counts listed one after another are statistics
LISTED_COUNTS = re.compile(rf"\d(?:{'|'.join(UNITS)})[^、“”]{{1,12}}、\d")
# 届 counts editions only after a verb of holding them (连续举办五届), or as a
# later item of such a list (举办六届创业大赛、五届技术大会); else it is a
# congress or term (十九届, 八届市委)
EDITION_VERB = re.compile(any_of(WORDS["edition-verb"]) + r"(?:[一二两三四五六七八九十\d]+届[^，。；：“”]*、)?$")
PRE_APPROX = ("超过", "突破", "近", "约", "逾", "超")
ROUND_APPROX = ("上万", "过万")  # 上万人: a round number that is itself the approximation
POST_APPROX = ("以上", "左右")
# 三个“一号工程”, 五个一批, 八项规定, “甲、乙”两个阶段, 这三项, 正反两个方面:
# a Chinese-numeral count of 个/项 that is part of a name or points back to one
ANNOUNCING = "：:"  # a clause ending in a colon announces what follows
NAMED_AFTER = re.compile(r"[“‘\d一二两三四五六七八九十]|" + any_of(WORDS["named-after"]))
NAMED_BEFORE = re.compile("(?:[”’]|" + any_of(WORDS["named-before"]) + ")$")
LIST_MARKS = ("、", "和", "及", "与")
YEARS_LISTED = re.compile(r"\d{4}年(?:[、和及]\d{4}年)+$")  # years listed right before a count of times
KIND_UNITS = ("个", "项", "方面", "类", "大类", "种", "条")  # counts of kinds, which a list may spell out
LISTED_AFTER = re.compile(r"[^（(，。；]{1,12}?[（(](?P<items>[^（()）]*、[^（()）]*)[）)]")  # 七个科室（甲、乙…）
# 千名干部下沉, 遴选百个示范点: a round number counts people or things; after a
# verb of running a campaign or before its head it names one (实施万名人才工程)
ROUND_UNITS = ("名", "人", "个", "人次")
RUN_VERB = re.compile(any_of(WORDS["run-verb"]))  # a verb of running a plan, anywhere before in the clause
ROUND_NAME_BEFORE = re.compile(RUN_VERB.pattern + "$")
ROUND_NAME_AFTER = re.compile(any_of(WORDS["round-name-head"]))
RULE_AFTER = re.compile(any_of(WORDS["rule-head"]))  # 逐年递增15%机制: a share a rule sets
PLAN_HEAD = re.compile(any_of(WORDS["plan-head"]))  # the head of a plan's unquoted name

HALF = "一半"  # 一半以上的干部, 近一半: the share 50%, a round amount written without digits
# 保持在九成以上, 近八成: tenths, a share written without digits (not 一成不变, 建成, 八成为)
TENTHS = re.compile(r"(?:(?<=[在达占过])(?P<tenths>[一二三四五六七八九])成(?=以上|左右|多|的|[，。；、）]|$)"
                    r"|(?<=[近超逾约])(?P<near_tenths>[一二三四五六七八九])成(?![为绩功本员立效果长就熟型交才家都片套]))")
FIGURE = re.compile(
    rf"(?P<pre>{'|'.join(PRE_APPROX)})?"
    rf"(?:(?:(?<=连续)|(?<=连续[\u4e00-\u9fff]{{2}}))(?P<years>\d{{1,2}}|[一二两三四五六七八九十]{{1,3}})年(?![来以间前后底末初度])"
    rf"|百分之(?P<pct>{ARABIC}|[{CN_NUMERAL}]+)"
    rf"|(?P<frac>[{CN_NUMERAL}]+分之[{CN_NUMERAL}]+|{HALF}(?=以上|左右|的)|(?<=[近超逾约]){HALF}|{TENTHS.pattern})"
    rf"|(?<![\d./+＋第前A-Za-z])(?<!\d,)(?P<num>{ARABIC})(?P<a1>[余多])?(?:\s(?=[万亿]))?(?P<mult>[万亿]{{0,2}})(?P<a2>[余多])?(?P<unit>{'|'.join(UNITS)})?"
    rf"|(?<![{CN_NUMERAL}第前“届数几])(?!一[个项])(?P<cn>[一二两三四五六七八九十][一二两三四五六七八九十百千万亿零]*)"
    rf"(?P<a4>[余多])?(?P<cnunit>{'|'.join(CN_COUNT_UNITS)})"
    rf"|(?<![\d{CN_NUMERAL}数几成第每])(?P<myriad>[百千万][万亿]?|上万|过万)(?P<a3>[余多])?(?P<munit>{'|'.join(UNITS)}))"
    rf"(?P<post>{'|'.join(POST_APPROX)}|(?<=[名个人位家项件次所批期场条户支套份处元])[余多])?"
)
# 4.6万低收入农户, 人才总量超过27万: no measure word, the counted noun gives the unit
IMPLIED_UNIT = (("户", re.compile(any_of(WORDS["household-noun"]))), ("人", re.compile(any_of(WORDS["people-noun"]))))
# 85%的村集体经济收入达到20万元, 97%的村至少有1名大学生: the number after a share
# is what each counted item meets, not a figure; so is 10万元 in
# 2060个村收入均达到10万元以上, the bar every counted village clears
# (村均, 人均 and 平均 are averages, not bars)
SHARE_CRITERION = re.compile(r"[%％](?:以上|左右)?的[^，。；、\d]{1,16}$")
CRITERION_VERB = re.compile(any_of(WORDS["criterion-verb"]) + "$")
BAR_UNITS = ("元", "平方米")
PART_OF = "其中"  # 其中43家: a part of the count before
BAR_PRE = ("超过", "超")  # 6家产值超过1亿元: more than a bar
# a count and a short noun of what each counted item has, reaching an amount: 43家产值已达到 (not 均, which reports it)
COUNT_REACHING = re.compile(r"(?:\d|[一二两三四五六七八九十])(?:个|家|所|户)[\u4e00-\u9fff]{1,4}?(?:已)?(?:达到|达)?$")
AREA_UNIT = "平方米"  # an area every site reaches is a standard, not an outcome
# 10万元的村达到120个: an amount before 的, a counted noun and a link verb to its count
QUALIFIED_COUNT = re.compile(r"的[\u4e00-\u9fff]{1,8}?(?:分别)?" + any_of(WORDS["count-link"]))
EACH_CRITERION = re.compile(r"(?:(?<![平村人户])均|(?<=个村)均|" + any_of(WORDS["each-word"]) + ")" + any_of(WORDS["each-verb"]) + "?$")
# 力争引进200名, 预计达到15万元, 有望突破30亿元 (and every number after such a word in
# its sentence: 力争占比达到75%，示范支部达到30个), 全年计划考录60名, 拟选派20名, 再选派50名,
# 每乡至少培育20名, 最高奖补500万元 (a cap on an amount), 突破30万人的预期目标: a target, a plan or a
# bound, not a result (a named “…计划” is not one)
TARGET_LEAD = re.compile(any_of(WORDS["target-lead"]))
TARGET_BEFORE = re.compile(any_of(WORDS["target-word"]) + "|预期(?!目标)|(?<![”》])" + any_of(WORDS["plan-word"])
                           + "(?=" + any_of(WORDS["planned-action"]) + ")")
TARGET_AFTER = re.compile(r"的?(?:预期)?目标")
CAP = re.compile(any_of(WORDS["cap-word"]) + r"[^，。；、\d分]{0,4}$")  # not 最高分别达到每月4800元: levels reached
RANGE_END = re.compile(r"[\d一二三四五六七八九十万亿][至到~～—－-]$")
NOT_AFTER = re.compile("[+＋]|" + any_of(WORDS["not-after"]))  # 1+5, 100周年, 4个月
THRESHOLD_NOUN = re.compile(r"[\u4e00-\u9fff]")  # 10万元以上村: a bound on another count
DURATION_UNITS = ("天", "小时")
# 集中5天时间学习, 24小时轮流值守, 180天建成投产: the time an action took, a counted period that is a fact
DURATION_FACT = re.compile(any_of(WORDS["duration-fact"]) + "|(?:就|即|便)?(?:建成)?" + any_of(WORDS["completion-verb"]))
HARD_BREAK = "，。；：！？,;:!?\n—\u3000 "  # a space ends a yearbook entry's heading (组织建设 全县…)
TIME = re.compile(
    r"截至[^，。；]{0,14}?(?:底|末|日|目前|现在|当前)|"
    r"(?:\d{4}[、—－-])?(?:\d{4}|[一二〇零三四五六七八九]{4})年(?:以来|来|底|末|初|度|上半年|下半年|\d{1,2}月(?:\d{1,2}日)?)?|"
    r"(?:近|过去)[一二两三四五六七八九十\d]+年(?:来|以来|间)?|[一二两三四五六七八九十\d]+年(?:来|以来|间)|党的十八大以来|新时代(?:十年|以来)|"
    r"(?:今年|去年)(?:以来|上半年|\d{1,2}月(?:\d{1,2}日)?)?|当年|每年|常年|近年来|这些年"
)
SCOPE = r"(?:[全本我][省市区州县盟旗镇乡](?:上下)?|我们)"  # 全县上下, 我们: who, not what
# words around the subject that say how or where it is counted, not what
# (一是, 二是: a list marker opening a paragraph's point)
LEAD = re.compile(rf"(?:[、”]|[一二三四五六七八九十]是|{TIME.pattern}|在(?![职岗编校读外])|"
                  + any_of(WORDS["lead-word"]) + f"|{SCOPE})+")
# (占比均在, 满意率始终保持在, 收入稳定在: where a share or amount stays is a link, not the subject)
TRAIL = re.compile(rf"(?:{TIME.pattern}|" + any_of(WORDS["trail-word"]) + rf"|(?<![村人户])均|(?<![存所现])在|(?<!为)了|{SCOPE})+$")
BATCH_UNITS = ("批", "期", "轮", "次", "批次", "期次", "轮次", "场", "场次")  # counts of rounds of an action
IN_BATCHES = "分"  # 分3批选派: “in” batches, no part of the subject
# the counted noun runs on into its verb phrase (“3万余人签订承诺书”), up to a
# preposition or particle that starts an adverbial or another item, or a
# comparison (“从…增加到…”) that is not part of what is counted, or 分 of rounds (党员分两批参加)
NOUN_STOP = re.compile(r"[，。；：！？、,;:!?\n\d—…\u3000 ]|(?<![参给])与|(?<!涉)及(?!以[上下])|(?<![中同平相对高初])等(?![次级])|在(?![职岗编校读外])|"
                       rf"{IN_BATCHES}(?=[一二两三四五六七八九十]+(?:{'|'.join(BATCH_UNITS)}))|较(?![差好强弱])|"
                       + any_of(WORDS["noun-stop"]))
# 《…》，明确7方面30种情形: a verb saying what a document just named holds
CONTENT_VERB = re.compile(any_of(WORDS["document-content-verb"]))
DOCUMENT_PARTS = ("方面", "个", "种", "条", "项", "类", "大类", "款", "章")
# 开展甲、乙、丙等各类活动: a list closed by 等 names what is counted, unless it
# is the means or destination of the action (依托甲、乙等建立…, 赴甲、乙等地推介…)
CLOSED_LIST = re.compile(r"等(?![级次])")
ADVERBIAL = re.compile(any_of(WORDS["adverbial-verb"]))
# 干部到甲、乙等地挂职, 干部针对甲、乙等任务攻坚: a list after the counted noun saying where
# they go or what they take on (not 得到, 受到: a passive)
DESTINATION = re.compile("(?<![得受达感遇看想做])到|" + any_of(WORDS["destination-verb"]))
# 村在全县率先完成, 党员奋战在一线: an adverbial of place or occasion opening what the counted do
# (not 在内, 在此基础上: a scope or a link to what came before)
ADVERBIAL_AT = re.compile(r"在(?![内职岗编校读外]|此基础|这个基础)|与(?=[\u4e00-\u9fff])")
# a subject that only says how the previous figure's subject changed
CHANGE = re.compile(r"(?:(?:较|比)\S{0,8}?|同比)?(?:分别)?" + any_of(WORDS["change-verb"]) + "了?")
MAX_BEFORE, MAX_AFTER = 18, 10
RUN_ON = 4  # characters past MAX_AFTER a noun phrase may run to reach its clause's end
LEVEL = re.compile(r"^[\u4e00-\u9fff]{1,3}级(?:以上|以下|及以上|及以下)?")  # 国家级, 市级以上: a level, not a noun
BRIDGE = re.compile(any_of(WORDS["bridge-word"]) + "?")  # between two counts of one noun: 6大类共224项
# 60名符合条件的干部: a modifier this short before 的 is read through to its noun
SHORT_MODIFIER = 6
PREPOSITIONS = ("与", "同")
# a modifier between the unit and its noun (…表现突出的干部) is looked through up
# to this length; its last part, after one of MODIFIER_BREAK, stays in the subject
MAX_MODIFIER = 40
MODIFIER_BREAK = "、和与及在"
NOT_MODIFIER = re.compile(r"[“被获到]")  # a name, a passive, an award or a destination: a predicate
LOCATIVE = "中上里"  # 在…的大考中: an adverbial, not a head noun
VERB_TAGS = ("v", "vn")  # jieba's verbs and verbal nouns
MAX_VERB = 4  # the longest one verb is
AGENT_SUFFIXES = ("生", "员", "者", "师")
NOUN_TAGS = ("n", "j")  # jieba's nouns (place and organisation names too) and abbreviations
PREDICATE_TAGS = ("v", "d")
COMMON_WORD = 500  # jieba's count of a word common enough not to be cut inside
FUNCTION_TAGS = ("d", "c", "p", "u", "uj", "ul", "uz", "ug", "uv", "ud")  # jieba's function words: no subject ends in one  # a verb or adverb opening a predicate (建立…, 全部…)


@dataclass(frozen=True)
class Number:
    """One number-and-unit match inside a sentence (offsets relative to it)."""

    start: int
    end: int
    value: Decimal
    unit: str
    approx: str | None


def find_numbers(text: str) -> list[Number]:
    """The figures of one sentence, before subjects are read.

    >>> [(str(n.value), n.unit, n.approx) for n in find_numbers("培训1.8万余人、干部近3万人次，占比68.4%")]
    [('18000', '人', '余'), ('30000', '人次', '近'), ('68.4', '%', None)]
    >>> find_numbers("落实“两个维护”，出台“人才新政15条”，第3批，35岁以下，建党100周年，每村储备3至5名")
    []
    >>> [(str(n.value), n.unit) for n in find_numbers("先后选派五批1600余名，集体经济10万元以上村185个")]
    [('5', '批'), ('1600', '名'), ('185', '个')]
    >>> [(str(n.value), n.unit) for n in find_numbers("学习十九届六中全会精神，连续举办六届创业大赛，投资6.2 亿元")]
    [('6', '届'), ('620000000', '元')]
    >>> find_numbers("编号A308名单，党员" + "9" * 30 + "名")
    []
    >>> [(str(n.value), n.unit, n.approx) for n in find_numbers("一半以上的新提拔干部来自基层，近一半具有基层经历")]
    [('50', '%', '以上'), ('50', '%', '近')]
    """
    found = []
    for m in FIGURE.finditer(text):
        unit = _unit(text, m)
        if unit is None or _excluded(text, m, unit):
            continue
        try:
            value = as_percentage(parse_number(_written(m))) if m["frac"] else parse_number(_written(m))
        except ValueError as exc:  # a number no report counts by: skipped, and said so
            log.warning("skipped a number that is no figure (%s) in: %s", exc, text[:80])
            continue
        approx = (m["pre"] or m["a1"] or m["a2"] or m["a3"] or m["a4"] or m["post"]
                  or (m["myriad"] if m["myriad"] in ROUND_APPROX else None))
        found.append(Number(m.start(), m.end(), value, unit, approx))
    return found


def _written(m: re.Match) -> str:
    """The number of a match as written, multipliers included (``20.1万``, ``六``, ``百亿``)."""
    if m["frac"] == HALF:
        return "二分之一"
    if m["tenths"] or m["near_tenths"]:
        return "十分之" + (m["tenths"] or m["near_tenths"])
    return m["pct"] or m["frac"] or m["cn"] or m["years"] or m["myriad"] or (m["num"] + m["mult"])


def _unit(text: str, m: re.Match) -> str | None:
    """The unit of a match: as written, ``%`` for shares (百分之…, …分之…),
    else read from the counted noun for a bare 万/亿 number."""
    if m["pct"] or m["frac"] or m["unit"] == "％":
        return "%"
    if m["years"]:
        return "年"
    return m["unit"] or m["cnunit"] or m["munit"] or (implied_unit(text, m) if m["mult"] else None)


def _excluded(text: str, m: re.Match, unit: str) -> bool:
    """Whether a number with a unit is still not a statistic: inside a name, a
    slogan or a range, a bound, a vague 一批, a congress term, a target, the
    criterion the counted items meet, the base of a rate.

    >>> last = lambda t: list(FIGURE.finditer(t))[-1]
    >>> [_excluded(t, last(t), u) for t, u in (("每村3至5名", "名"), ("十九届全会", "届"), ("举办六届", "届"))]
    [True, True, False]
    >>> [_excluded(t, last(t), u) for t, u in (("举办六届大赛、四届论坛", "届"), ("学习十九届、二十届", "届"))]
    [False, True]
    >>> [_excluded(t, last(t), u) for t, u in (("力争引进300名", "名"), ("突破5万人的预期目标", "人"), ("8890人才热线", "人"))]
    [True, True, True]
    >>> [_excluded(t, last(t), u) for t, u in (("90%的村至少有2名", "名"), ("面积均达到200平方米", "平方米"), ("每1元", "元"))]
    [True, True, True]
    >>> [_excluded(t, last(t), u) for t, u in (("其中43家产值达到2000万元以上", "元"), ("6家产值超过1亿元", "元"),
    ...                                         ("12个村收入均达到10万元", "元"))]
    [True, True, False]
    """
    after = text[m.end():m.end() + WINDOW]
    if _in_name(text, m.start()) or NOT_AFTER.match(after) or RANGE_END.search(text, max(0, m.start() - 2), m.start()):
        return True  # “人才新政15条”, 1+5, 100周年; 3至5名: the upper end of a range is a target
    if unit == "人" and after.startswith("才"):
        return True  # 8890人才热线: 人 is part of 人才, not a unit
    if _bound(unit, m["pre"], m["post"], after) or (m["cn"] and parse_number(m["cn"]) < 2):
        return True  # 35岁以下 or 10万元以上村 (a bound); 一批 (vague)
    if unit == "届" and not EDITION_VERB.search(text, max(0, m.start() - WINDOW), m.start()):
        return True
    if m["cnunit"] in ("个", "项") and _named_count(text, m):
        return True
    if m["cnunit"] in CN_LARGE_UNITS and parse_number(m["cn"]) < CN_LARGE:
        return True
    if m["cnunit"] == "期" and PHASE_AFTER.match(text, m.end()):
        return True
    if unit == "次" and YEARS_LISTED.search(text, 0, m.start()):
        return True  # 于2017年、2021年两次获评: the count restates the years listed
    if unit in KIND_UNITS and restates_list(text, m.start(), parse_number(_written(m))):
        return True
    if unit in BAR_UNITS and qualifies_counted(text, m, unit):
        return True
    if unit in BAR_UNITS and (m["post"] == "以上" or m["pre"] in BAR_PRE) and COUNT_REACHING.search(
            text, clause_bounds(text, m.start(), m.end())[0], m.start()):
        return True  # 其中43家产值达到2000万元以上, 6家产值超过1亿元: the bar sorting the items counted
    if unit not in KIND_UNITS + BATCH_UNITS and _in_plan_name(text, m):
        return True
    bare_round = m["myriad"] and not (m["pre"] or m["a3"] or m["post"] or m["myriad"] in ROUND_APPROX)
    if bare_round and _round_name(text, m, unit):
        return True
    if (TARGET_LEAD.search(text, 0, m.start()) or TARGET_AFTER.match(after)
            or TARGET_BEFORE.search(text, clause_bounds(text, m.start(), m.end())[0], m.start())
            or (unit == "元" and CAP.search(text, max(0, m.start() - WINDOW), m.start()))):
        return True
    return _criterion_or_base(text[max(0, m.start() - WINDOW):m.start()], unit)


def qualifies_counted(text: str, m: re.Match, unit: str) -> bool:
    """Whether an amount (or a list of amounts) is the bar that qualifies what a count or share
    right after counts: ``收入达30万元、100万元的村分别达到52%和16%`` counts villages by income.

    >>> text = "收入达30万元、100万元的村分别达到52%和16%，安排500万元的资金支持人才"
    >>> [qualifies_counted(text, m, "元") for m in FIGURE.finditer(text) if m["unit"] == "元"]
    [True, True, False]
    """
    end = m.end()
    while text.startswith("、", end) and (item := FIGURE.match(text, end + 1)) and _unit(text, item) == unit:
        end = item.end()
    qualified = QUALIFIED_COUNT.match(text, end)
    return qualified is not None and FIGURE.match(text, qualified.end()) is not None


def _named_count(text: str, m: re.Match) -> bool:
    """Whether a Chinese-numeral count of 个 or 项 names rather than counts:
    before a quotation, a number or a name's head (三个“一号工程”, 五个一批,
    八项规定), after a quotation, a demonstrative or a pair (“甲、乙”两个阶段,
    这三项, 正反两个方面), or in a clause announcing the list after its colon.

    >>> [_named_count(t, FIGURE.search(t)) for t in ("成立七个科室", "出台八项措施", "推进三个“一号工程”")]
    [False, True, True]
    """
    start, end = clause_bounds(text, m.start(), m.end())
    announces = text.startswith(tuple(ANNOUNCING), end)  # 重点在三个方面持续发力：一是……: the list follows
    return announces or NAMED_AFTER.match(text, m.end()) is not None or NAMED_BEFORE.search(text, start, m.start()) is not None


def restates_list(text: str, start: int, value: Decimal) -> bool:
    """Whether the count at ``start`` restates the list it closes, item for item
    (快递、物流两个党委, “甲、乙、丙”3项机制), with or without a closing 等
    (甲、乙和丙等3个领域), or the list in brackets right after it (内设三个科室（甲、乙、丙）); a
    list cut short by 等 is counted (住房、医疗等五个方面), and so is a list of counts
    (好等次班子31个、较差等次班子两个), and a 与 opening the clause is a preposition, not a mark
    (与甲、乙共建中心3个).

    >>> [restates_list(t, t.index(n), v) for t, n, v in (("成立快递、物流两个党委", "两", 2),
    ...                                                  ("从住房、医疗等五个方面", "五", 5), ("建成1个中心", "1", 1),
    ...                                                  ("覆盖渔业、航运和旅游等3个行业", "3", 3),
    ...                                                  ("评定好等次31个、差等次两个", "两", 2),
    ...                                                  ("内设三个科室(办公室、干部股、组织股)", "三", 3))]
    [True, False, False, True, False, True]
    """
    before = text[clause_bounds(text, start, start)[0]:start].lstrip("".join(LIST_MARKS[1:]))  # 与甲、乙共建: a preposition
    marks = sum(before.count(ch) for ch in LIST_MARKS)
    if marks > 0 and marks + 1 == value and not find_numbers(before):
        return True
    listed = LISTED_AFTER.match(text, start)
    return listed is not None and listed["items"].count("、") + 1 == value


def _in_plan_name(text: str, m: re.Match) -> bool:
    """Whether a number measures inside the unquoted name of a plan run in its clause, not a
    result: ``实施五年筹建10万套人才住房计划``, ``建立财政投入逐年递增15%机制`` (its rule). A
    count of kinds (``实施5项重点工程``) counts the plans themselves and a count of rounds
    (``开展2轮培训``) the times they ran, so neither is asked.

    >>> [_in_plan_name(t, list(FIGURE.finditer(t))[-1]) for t in ("实施五年筹建10万套人才住房计划", "建立递增15%机制",
    ...                                                          "实施计划，建成人才住房1200套")]
    [True, True, False]
    """
    if m["unit"] in ("%", "％") or m["pct"]:
        return RULE_AFTER.match(text, m.end()) is not None
    start, stop = noun_span(text, m.end())
    return (PLAN_HEAD.fullmatch(text, max(start, stop - 2), stop) is not None
            and RUN_VERB.search(text, clause_bounds(text, m.start(), m.end())[0], m.start()) is not None)


def _round_name(text: str, m: re.Match, unit: str) -> bool:
    """Whether a bare round number (``百名``, ``千名``) names a campaign rather
    than counts: after a verb of running one, before its head noun in the
    clause, or with a unit that idioms use (千家万户, 千条线, 百万元的蜕变).

    >>> [_round_name(t, FIGURE.search(t), u) for t, u in (("千名干部下沉一线", "名"), ("实施万名人才工程", "名"),
    ...                                                  ("百名博士引进计划", "名"), ("深入千家万户", "家"))]
    [False, True, True, True]
    """
    clause_end = clause_bounds(text, m.start(), m.end())[1]
    return (unit not in ROUND_UNITS or ROUND_NAME_BEFORE.search(text, max(0, m.start() - 2), m.start()) is not None
            or ROUND_NAME_AFTER.search(text, m.end(), clause_end) is not None)


def _criterion_or_base(before: str, unit: str) -> bool:
    """Whether the number after ``before`` is the bar counted items meet or the
    base of a rate (每1元投入) rather than a figure.

    A bar every item clears is an area standard (``面积均达到200平方米``); money
    all items reached, counted or not, is the outcome reported (``12个村收入均达到
    10万元``, ``村收入全部达到20万元``), and a share (``覆盖率均达100%``) is a
    figure still. After a
    share, a count is a bar only after a verb of meeting it (``至少有1名``):
    ``80%的县建成服务中心1200个`` is a count done.

    >>> [_criterion_or_base(b, u) for b, u in (("12个村收入均达到", "元"), ("村收入全部达到", "元"), ("面积均达", "平方米"))]
    [False, False, True]
    >>> [_criterion_or_base(b, u) for b, u in (("覆盖率均达", "%"), ("90%的村至少有", "名"))]
    [False, True]
    >>> [_criterion_or_base(b, u) for b, u in (("80%的县建成服务中心", "个"), ("平均每", "元"))]
    [False, True]
    """
    if unit in BAR_UNITS and EACH_CRITERION.search(before):
        return unit == AREA_UNIT
    if SHARE_CRITERION.search(before) and (unit == "元" or CRITERION_VERB.search(before)):
        return True
    return before.endswith("每")


def implied_unit(text: str, m: re.Match) -> str | None:
    """Unit of a bare ``万``/``亿`` number, read from the noun it counts.

    >>> [implied_unit(t, FIGURE.search(t)) for t in ("4.6万低收入农户", "人才总量超过27万，", "投资5亿，")]
    ['户', '人', None]
    """
    noun_start, noun_stop = noun_span(text, m.end())
    following = text[noun_start:noun_stop]
    preceding = text[clause_bounds(text, m.start(), m.end())[0]:m.start()]
    for unit, pattern in IMPLIED_UNIT:
        if pattern.search(following or preceding):
            return unit
    return None


def _bound(unit: str, pre: str | None, post: str | None, after: str) -> bool:
    """Whether the number is a bound on something else, not a count.

    >>> _bound("岁", None, None, "以下干部"), _bound("元", None, "以上", "村"), _bound("%", None, "以上", "的企业")
    (True, True, False)
    >>> _bound("元", "超过", None, "的村有52个"), _bound("元", "超过", None, "。")
    (True, False)
    >>> _bound("小时", None, None, "人才服务热线"), _bound("小时", None, None, "。"), _bound("天", None, None, "时间学习")
    (True, False, False)
    """
    if unit == "岁":  # 35岁以下干部, 32岁的青年: a bound or one person's age
        return post is not None or after.startswith(("以下", "及以下", "的"))
    if unit in DURATION_UNITS:  # 15天内, 24小时服务热线: a span or a description, not a measured time
        return THRESHOLD_NOUN.match(after) is not None and DURATION_FACT.match(after) is None
    if unit == "%":
        return False
    if after.startswith("以下") and THRESHOLD_NOUN.match(after, 2):
        return True  # 10万元以下村: a bound on the villages counted
    return (post == "以上" and THRESHOLD_NOUN.match(after) is not None) or (
        pre in ("超过", "超") and after.startswith(("的", "村")))


def _in_name(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside a quoted name or slogan, not inside quoted
    speech: a quotation holding a clause break (``“市委拿出20多个岗位，…”``)
    reports what someone said, and a statistic said is still reported.

    Nor is a quoted list of counts (``“12个教育基地、300名师资”``) a name.

    >>> _in_name("出台“人才新政15条”", 8), _in_name("“今年拿出20多个岗位，选拔干部”", 5)
    (True, False)
    >>> _in_name("构建“12个教育基地、300名师资”体系", 3), _in_name("“要做到‘两个维护’，”", 5)
    (False, True)
    """
    inner_open, inner_close = _marks(text)[4:]
    if inner_open[pos] > inner_close[pos]:
        return True  # “…用‘六个杰出楷模’阐述…”: a slogan quoted inside speech
    if not _quoted(text, pos):
        return False
    opening = max(text.rfind("“", 0, pos), text.rfind("《", 0, pos))
    closing = [i for i in (text.find("”", pos), text.find("》", pos)) if i >= 0]
    quoted = text[opening:min(closing, default=len(text))]
    return not (re.search(r"[，。；！？]", quoted) or LISTED_COUNTS.search(quoted))


def _quoted(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside “…” or 《…》 (names and slogans).

    >>> _quoted("出台“人才新政15条”", 8), _quoted("开办“夜学堂”12期", 7)
    (True, False)
    """
    opened, closed, titled, untitled, _, _ = _marks(text)
    return opened[pos] > closed[pos] or titled[pos] > untitled[pos]


@lru_cache(maxsize=8)
def _marks(text: str) -> tuple[list[int], ...]:
    """How many “, ”, 《, 》, ‘ and ’ stand before each offset of ``text``: counted once per sentence,
    so asking at every number of a long one stays linear."""
    return tuple(list(accumulate((ch == mark for ch in text), initial=0)) for mark in "“”《》‘’")


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around ``text[start:end]``: between the nearest breaks (，；： …).

    >>> text = "共招录公务员640名、选调生112名。"
    >>> clause_bounds(text, 14, 18)
    (0, 18)
    """
    breaks = _breaks(text)
    at = bisect_left(breaks, start)
    left = breaks[at - 1] + 1 if at else 0
    after = bisect_left(breaks, end)
    return left, breaks[after] if after < len(breaks) else len(text)


@lru_cache(maxsize=8)
def _breaks(text: str) -> list[int]:
    """The offsets of every clause break in ``text``, found once per sentence."""
    return [i for i, ch in enumerate(text) if ch in HARD_BREAK]


def subject_spans(text: str, number: Number, floor: int,
                  carried: tuple[int, int] = (0, 0)) -> tuple[tuple[int, int], tuple[int, int]]:
    """Spans of the phrase before the number and of the noun after its unit.

    The phrase before starts at the clause or at the end of the previous
    figure (``floor``), so a list ``公务员640名、选调生112名`` gives each its own.
    When the previous figure's noun (``carried``) runs straight into this
    number, its verb governs this count too (``8名区级领导联系45家企业``);
    when the previous number itself does (``9方面20条措施``), ``carried`` is
    its phrase before, which this count shares.

    >>> text = "五年来，全市共招录公务员640名、选调生112名"
    >>> first, second = find_numbers(text)
    >>> [text[a:b] for a, b in subject_spans(text, first, 0)]
    ['招录公务员', '']
    >>> [text[a:b] for a, b in subject_spans(text, second, first.end)]
    ['选调生', '']
    >>> text = "组织动员全市2600多个基层党组织在一线"
    >>> [text[a:b] for a, b in subject_spans(text, find_numbers(text)[0], 0)]
    ['组织动员', '基层党组织在一线']
    """
    clause_start = clause_bounds(text, number.start, number.end)[0]
    lo, hi = _trimmed(text, max(clause_start, floor), number.start)
    if text.startswith("、", number.start - 1) or (floor > clause_start and text.endswith("、", lo, hi)):
        lo = hi  # 党组织、4.1万名党员, 连续9年举办甲、连续5年举办乙: a new list item
    elif text.endswith("、", lo, hi):
        hi -= 1  # 突破50万人的预期目标、达到: the list mark of a number that is no figure
    if lo == hi and carried[0] < carried[1] and number.start in (carried[1], floor):
        lo, hi = carried[0], _trimmed(text, *carried)[1]  # without its trailing links (分别达到)
    # 选派五批1600余名第一书记, 明确6大类共224项类型: both count the noun after the second
    following = FIGURE.match(text, BRIDGE.match(text, number.end).end())
    after = noun_span(text, following.end() if following else number.end)
    if after[0] == after[1] and (shared := listed_numbers_end(text, number)) > number.end:
        after = noun_span(text, shared)
    elif number.unit in BATCH_UNITS and (counted := batch_object(text, after)) is not None:
        after = counted  # 分8期组织480名干部轮训: the batches of that action on what the next count counts
    if number.unit in BATCH_UNITS and text.endswith(IN_BATCHES, lo, hi):
        hi -= 1  # 党员分两批参加: 分 says the count is of rounds, it names nothing
    after = period_span(text, number) if number.unit == "年" else with_criterion(text, number, after)
    if number.unit in NOUN_UNITS:  # 指导6县（市、区）招聘: the unit is what is counted
        bracket = BRACKETED.match(text, number.end)
        after = number.end - len(number.unit), bracket.end() if bracket else number.end
    if ((lo == hi or CONTENT_VERB.fullmatch(text, lo, hi)) and floor == 0 and number.unit in DOCUMENT_PARTS
            and text.endswith("》", 0, clause_start - 1)):  # 出台《…办法》，明确7方面30种情形: the document's parts
        lo, hi = text.rfind("《", 0, clause_start), clause_start - 1
    elif (lo == hi or verb_only(text[lo:hi])) and after[0] == after[1] and floor == 0 and clause_start > 0:
        # ……的满意度逐年上升，2022年达96.2%: the clause before names what is measured;
        # 实施书记轮训计划，累计培训1.7万人: and what a bare verb does
        after = (lo, hi) if lo < hi else after
        lo, hi = _trimmed(text, clause_bounds(text, clause_start - 1, clause_start - 1)[0], clause_start - 1)
    titled = text.startswith("《", lo) and text.endswith("》", 0, hi) and "《" not in text[lo + 1:hi]
    closing = CLOSED_LIST.search(text, text.rfind("、", lo, hi) + 1, hi)  # 开展甲、乙、丙等各类活动
    if closing is None and text.find("、", lo, hi) >= 0:
        closing = CLOSED_LIST.match(text, hi)  # 培训甲、乙、丙等140余人: the 等 trimmed off still closes the list
    listed = closing is not None and hi - lo <= 2 * MAX_BEFORE and not ADVERBIAL.search(
        text, lo, min(i for i in (text.find("、", lo, hi), closing.start()) if i >= 0))
    if not (titled or listed):
        lo = _last_action(text, lo, hi)
    if hi - lo > MAX_BEFORE and not (titled or listed):
        # too long, and not a title or a closed list: keep what follows its last 的 or list item, else its last words
        lo = max(text.rfind("的", lo, hi - 1) + 1, text.rfind("、", lo, hi - 1) + 1, word_start(text, lo, hi))
        for left, right in ("“”", "《》", "（）"):
            if text.count(right, lo, hi) > text.count(left, lo, hi):  # cut inside a name: keep it whole if short
                opening = text.rfind(left, 0, lo)
                lo = opening if lo - opening <= MAX_BEFORE // 2 else text.index(right, lo) + 1
        lo, hi = _trimmed(text, lo, hi)
    return (lo, hi), with_adverbial(text, modified_head(text, *after) or listed_noun(text, *after))


def with_adverbial(text: str, noun: tuple[int, int]) -> tuple[int, int]:
    """The counted noun with what it does when an adverbial with 在 or 与 follows it
    (``6个村在全县率先完成改造``, ``党员奋战在防汛一线``, ``国企与民企结对``): the rest of the clause,
    when short, holds no other number and closes no quotation left open.

    >>> text = "全镇6个村在全县率先完成改造，2名干部在内"
    >>> [text[slice(*with_adverbial(text, noun_span(text, n.end)))] for n in find_numbers(text)]
    ['村在全县率先完成改造', '干部']
    """
    begin, stop = noun
    if begin == stop or not ADVERBIAL_AT.match(text, stop):
        return noun
    end = clause_bounds(text, stop, stop)[1]
    if (end - begin > 2 * MAX_AFTER or FIGURE.search(text, stop, end) or _quoted(text, end)
            or text.count("“", stop, end) != text.count("”", stop, end)):
        return noun
    return begin, without_function_tail(text, begin, end)


def batch_object(text: str, after: tuple[int, int]) -> tuple[int, int] | None:
    """The span of a bare verb after a count of rounds together with what the next count
    right after it counts (``分8期组织480名干部参加培训``: the rounds of training cadres);
    None unless the verb is bare and the next count has a noun of its own.

    >>> text = "分8期组织480名干部参加培训，举办275期培训8.3万人。"
    >>> a, b = batch_object(text, (3, 5))
    >>> text[a:b], batch_object(text, (22, 24))
    ('组织480名干部参加培训', None)
    """
    if not verb_only(text[after[0]:after[1]]) or (next_count := FIGURE.match(text, after[1])) is None:
        return None
    counted = noun_span(text, next_count.end())
    return (after[0], counted[1]) if counted[0] < counted[1] else None


def word_start(text: str, lo: int, hi: int) -> int:
    """Where the last words of ``text[lo:hi]`` that fit in :data:`MAX_BEFORE`
    begin, on a word boundary (no clipped 面实施…).

    >>> text = "在省级层面实施全省乡村党组织书记三年轮训计划"
    >>> text[word_start(text, 0, len(text)):]
    '实施全省乡村党组织书记三年轮训计划'
    """
    bounds = word_bounds(text[lo:hi])
    return lo + bounds[bisect_left(bounds, hi - lo - MAX_BEFORE)]


def word_end(text: str, begin: int, cap: int) -> int:
    """The end of the word that ``text[cap - 1]`` belongs to, the words read
    from ``begin`` to the end of the clause (no clipped 联席…).

    >>> text = "推动街道全部建立党建联席会议制度，"
    >>> text[:word_end(text, 0, 12)]
    '推动街道全部建立党建联席会议'
    """
    bounds = word_bounds(text[begin:clause_bounds(text, cap, cap)[1]])
    return begin + bounds[min(bisect_left(bounds, cap - begin), len(bounds) - 1)]


@lru_cache(maxsize=1024)
def word_bounds(text: str) -> tuple[int, ...]:
    """The offsets where jieba's words of ``text`` (no HMM guessing) start or end.

    >>> word_bounds("推动街道建立党委")
    (0, 2, 4, 6, 8)
    """
    return tuple(accumulate((len(word) for word in jieba.cut(text, HMM=False)), initial=0))


def with_criterion(text: str, number: Number, noun: tuple[int, int]) -> tuple[int, int]:
    """The noun of a share with the criterion that follows it, which is no
    figure of its own: ``97%的村至少有1名大学生`` is the share of villages
    with at least one graduate, not of villages.

    >>> text = "97%的村至少有1名大学生，60%的村建成书屋12个"
    >>> first, second, _ = find_numbers(text)
    >>> [text[a:b] for a, b in (with_criterion(text, n, noun_span(text, n.end)) for n in (first, second))]
    ['村至少有1名大学生', '村建成书屋']
    """
    if number.unit != "%" or not text[noun[1]:noun[1] + 1].isdigit():
        return noun
    if any(n.start == noun[1] for n in find_numbers(text)):
        return noun  # 建成书屋12个: a count of its own
    end = min(clause_bounds(text, noun[1], noun[1])[1], noun[1] + 2 * MAX_AFTER)
    if _quoted(text, end) and "”" in text[end:]:
        end = text.index("”", end) + 1  # …35岁以下“两委”成员: not cut inside the name
    return noun[0], end


def period_span(text: str, number: Number) -> tuple[int, int]:
    """The span of what a counted period says went on: the rest of its clause
    (``连续3年向2.1万名老党员颁发纪念章``), numbers and quoted names included.

    It ends where the next item of a list starts (``连续6年举办甲、连续3年举办乙``).

    >>> text = "连续3年向2.1万名老党员颁发纪念章，连续6年举办人才节、连续3年举办创业赛"
    >>> [text[slice(*period_span(text, n))] for n in find_numbers(text) if n.unit == "年"]
    ['向2.1万名老党员颁发纪念章', '举办人才节', '举办创业赛']
    """
    end = min(clause_bounds(text, number.end, number.end)[1], number.end + 2 * MAX_AFTER)
    for item in FIGURE.finditer(text, number.end, end):
        mark = text.rfind("、", number.end, item.start())
        if mark >= 0 and not _quoted(text, mark):
            end = mark
            break
    if _quoted(text, end) and "”" in text[end:]:
        end = text.index("”", end) + 1
    return number.end, end


def listed_numbers_end(text: str, number: Number) -> int:
    """The end of a list of bare numbers in the same unit that share the noun
    after the last one (``分别奖励20万元、10万元经费``: both are 经费);
    ``number.end`` when no such list follows it.

    >>> text = "分别奖励20万元、10万元经费，247户、626人"
    >>> first, second, third, _ = find_numbers(text)
    >>> text[listed_numbers_end(text, first):], listed_numbers_end(text, third) == third.end
    ('经费，247户、626人', True)
    """
    end = number.end
    while text.startswith("、", end) and (item := FIGURE.match(text, end + 1)) and _unit(text, item) == number.unit:
        end = item.end()
    return end


def modified_head(text: str, begin: int, stop: int) -> tuple[int, int] | None:
    """The span of a counted noun that follows its modifier, when what comes
    right after the unit is only the start of a long modifier ending in 的.

    ``126名在防汛抢险中冲锋在前、表现优异的干部获得表彰`` counts 干部; the
    span keeps the last part of the modifier with the head noun and its verb.
    Only a modifier that opens with 在, a bound (``45岁左右的``) or a list of
    qualities (``作风过硬、群众公认的``) is looked through; a noun that runs on,
    a predicate (荣获, 被评为, 到…) or an adverbial (``在…的大考中``) is not one.

    >>> text = "126名在防汛抢险中冲锋在前、表现优异的干部获得表彰，"
    >>> a, b = modified_head(text, 4, 4)
    >>> text[a:b]
    '表现优异的干部获得表彰'
    >>> [modified_head(t, 4, s) for t, s in (("3万余人签订严守纪律的承诺书", 10), ("4个集体荣获省委、省政府授予的称号", 9))]
    [None, None]
    """
    first = text[stop:stop + 1]
    if stop == begin:
        opens = first == "在" or first.isdigit()
    else:
        opens = first == "、" and not re.search(r"[（(]", text[begin:stop])
    if not opens:
        return None
    end = clause_bounds(text, stop, stop)[1]
    de = text.rfind("的", stop, end)
    if de < 0 or de - begin > MAX_MODIFIER or find_numbers(text[begin:de]) or NOT_MODIFIER.search(text, begin, de):
        return None
    head = noun_span(text, de)
    if text[head[1] - 1:head[1]] in LOCATIVE:
        return None
    part = max(max(text.rfind(ch, begin, de) for ch in MODIFIER_BREAK) + 1, de - MAX_AFTER, begin)
    return part, head[1]


def listed_noun(text: str, begin: int, stop: int) -> tuple[int, int]:
    """The counted noun with the items listed after it when they are not
    counted separately: ``160余名街道、社区干部座谈交流`` counts both kinds
    of cadre, while ``8个创新驿站、5个孵化器`` gives each item its number.

    >>> text = "同160余名街道、社区干部座谈交流"
    >>> a, b = listed_noun(text, 6, 8)
    >>> text[a:b]
    '街道、社区干部座谈交流'
    >>> listed_noun("建成8个创新驿站、5个孵化器", 4, 8), listed_noun("连续举办五届峰会、三届大赛", 6, 8)
    ((4, 8), (6, 8))

    A list that says where the counted go (``到甲、乙等``) runs on to what they do there.

    >>> text = "选派60名干部到园区、乡镇等一线挂职锻炼，"
    >>> a, b = listed_noun(text, 5, 10)
    >>> text[a:b]
    '干部到园区、乡镇等一线挂职锻炼'
    """
    end = clause_bounds(text, stop, stop)[1]
    if begin == stop or not text.startswith("、", stop) or any(stop <= n.start < end for n in find_numbers(text)):
        return begin, stop  # each item counted: in context, since 三届 is a count only after 举办
    first = stop
    while text.startswith("、", stop) and stop - begin < 2 * MAX_AFTER:
        item = noun_span(text, stop + 1)
        if item[0] == item[1]:
            break  # no noun after the mark (、促发展一线): the list is not one of nouns
        stop = item[1]
    if stop > first and CLOSED_LIST.match(text, stop) and DESTINATION.search(text, begin + 1, first):
        rest = noun_span(text, stop + 1)  # 到甲、乙等地挂职: where they went is listed, what they do follows it
        if rest[0] < rest[1]:
            stop = rest[1]
    return begin, stop


def _last_action(text: str, lo: int, hi: int) -> int:
    """Where the phrase before a number starts when it lists actions, each with its own object
    (``举办研讨班、开发100门课程``): at the last one, which alone counts; else ``lo``. Verbs
    listed without objects (``提醒、函询、诫勉``) share what follows, so they stay.

    >>> text = "举办各级领导干部研讨班、开发"
    >>> text[_last_action(text, 0, len(text)):]
    '开发'
    >>> _last_action("排查河道、桥梁", 0, 7), _last_action("提醒、函询、诫勉", 0, 8)
    (0, 0)
    """
    last = text.rfind("、", lo, hi)
    tail = tagged(text[last + 1:hi]) if last >= 0 else ()  # the last item: a verb
    if not tail or tail[0][1] != "v" or len(tail[0][0]) < 2 or _quoted(text, last):
        return lo  # (“弘扬甲、争当乙”宣讲: one quoted name)
    previous = tagged(text[max(lo, text.rfind("、", lo, last) + 1):last])
    action = previous[:1] and previous[0][1] == "v" and any(flag.startswith(NOUN_TAGS) for _, flag in previous[1:])
    return last + 1 if action else lo


def _trimmed(text: str, lo: int, hi: int) -> tuple[int, int]:
    """``text[lo:hi]`` without the scope, time and link words around a subject.

    >>> text = "五年来，全市累计选派干部达"
    >>> lo, hi = _trimmed(text, 4, len(text))
    >>> text[lo:hi]
    '选派干部'
    >>> text = "这样的党组织还有"
    >>> text[slice(*_trimmed(text, 0, len(text)))]
    '这样的党组织'

    Nor does it keep the opening mark of a quotation that closes outside it.

    >>> text = "“今年全省拿出"
    >>> text[slice(*_trimmed(text, 0, len(text)))]
    '拿出'

    Words are trimmed whole, never a character of a longer word (担当作为的: not 担当作).

    >>> text = "出台激励干部担当作为的"
    >>> text[slice(*_trimmed(text, 0, len(text)))]
    '出台激励干部担当作为'
    """
    base, segmented = lo, None  # the phrase is segmented once, and only when a link word is there to trim
    while lo < hi:
        if text[lo] == "“" and text.find("”", lo, hi) < 0 or text[hi - 1] == "“":
            lo, hi = (lo + 1, hi) if text[lo] == "“" and text.find("”", lo, hi) < 0 else (lo, hi - 1)
            continue  # “今年全省拿出…: the mark of a quotation that does not close within the phrase
        lead, trail = LEAD.match(text, lo, hi), TRAIL.search(text, lo, hi)
        if not (lead or trail):
            break
        segmented = segmented or cuttable(text[base:hi])
        words, cuts = segmented
        cut = next((base + b for b in reversed(words) if lo < base + b <= lead.end()
                    and LEAD.fullmatch(text, lo, base + b)), None) if lead else None
        if cut is not None:
            lo = cut
            continue
        cut = next((base + b for b in cuts if trail.start() <= base + b < hi
                    and TRAIL.fullmatch(text, base + b, hi)), None) if trail else None
        if cut is None:
            break
        hi = cut
    return lo, max(lo, hi)


@lru_cache(maxsize=1024)
def cuttable(phrase: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Where ``phrase``'s leading and trailing link words may be cut: leading ones between jieba's
    words only (共富工坊 keeps 共), trailing ones also inside a rare word jieba makes of a link and
    its neighbour (占|比达: 比达 is a name, 达 the link verb), not inside a common one (作为).

    >>> cuttable("担当作为的"), cuttable("占比达")[1]
    (((0, 2, 4, 5), (0, 2, 4, 5)), (0, 1, 2, 3))
    """
    words, cuts, at = [0], [0], 0
    for word in jieba.cut(phrase, HMM=False):
        if len(word) > 1 and jieba.dt.FREQ.get(word, 0) < COMMON_WORD:
            cuts += range(at + 1, at + len(word))
        at += len(word)
        words.append(at)
        cuts.append(at)
    return tuple(words), tuple(cuts)


def noun_span(text: str, start: int) -> tuple[int, int]:
    """The noun phrase (with its verb phrase) opening ``text[start:]``.

    A leading 的 is skipped (``98%的村实现全覆盖``); quoted names stay whole.

    >>> text = "2期“擂台赛”活动，3万余人签订承诺书，98%的村实现全覆盖"
    >>> spans = [noun_span(text, m.end()) for m in FIGURE.finditer(text)]
    >>> [text[a:b] for a, b in spans]
    ['“擂台赛”活动', '签订承诺书', '村实现全覆盖']

    A short modifier ending in 的 is read through to its head noun, and a
    phrase opening with a preposition is the verb phrase of the count
    (``投入500万元与高校共建…``), unless another number follows in the clause
    (``300名党员与200名群众``: a list).

    >>> text = "60名符合条件的干部得到提拔，投入500万元与高校共建实验室"
    >>> [text[a:b] for a, b in (noun_span(text, m.end()) for m in FIGURE.finditer(text))]
    ['符合条件的干部得到提拔', '与高校共建实验室']
    """
    begin = start + 1 if text.startswith("的", start) else start
    stop = _noun_stop(text, begin)
    held = text.endswith(BATCH_UNITS, 0, start)  # 2期甲乙学习……的轮训班: what is held follows 的
    if text.startswith("的", stop) and (0 < stop - begin <= SHORT_MODIFIER or held and stop > begin):
        head = noun_span(text, stop)
        if head[0] < head[1]:  # 34个单位的64项事项: no noun after 的, the next count's own
            return begin, head[1]
    if text.startswith("的", stop) and stop - begin > SHORT_MODIFIER and not held:
        return begin, _leading_nouns(text, begin, stop)
    return begin, stop


def _opening_nouns(words: tuple[tuple[str, str], ...]) -> int:
    """How many of jieba's tagged ``words`` open them as nouns (党员|学懂: 1)."""
    return next((i for i, (_, flag) in enumerate(words) if not flag.startswith(NOUN_TAGS)), len(words))


def _leading_nouns(text: str, begin: int, stop: int) -> int:
    """Where the nouns opening ``text[begin:stop]`` end, when a verb phrase follows them that
    a 的 cuts before its object (党员学懂弄通做实党|的创新理论): the counted noun without the
    clipped predicate; ``stop`` when the phrase opens with no noun or holds no verb.

    >>> text = "15.9万名党员学懂弄通做实党的创新理论"
    >>> text[6:_leading_nouns(text, 6, 15)]
    '党员'
    """
    words = tagged(text[begin:stop])
    nouns = _opening_nouns(words)
    if nouns == 0 or len(words[0][0]) < 2 or nouns == len(words) or words[nouns][1] != "v":
        return stop  # (漏报个人有关事项|的干部, 省管干部学习……|的研讨班: a clause before the counted noun)
    return begin + sum(len(word) for word, _ in words[:nouns])


JOINED_MAX = 4  # the longest noun a 和 joins to the next inside one count
BRACKET_MAX = 6  # characters to the closing bracket of a short aside inside a noun
ASIDE = re.compile(rf"（[^（）]{{0,{BRACKET_MAX}}}、[^（）]{{0,{BRACKET_MAX}}}）")  # 县（市、区）
LOOK_PAST = 16  # characters past a cut a figure starting before it may need (units, approximations)
WINDOW = 200  # characters around a number the rules that judge it read: far more than any clause they look at


def _noun_stop(text: str, begin: int) -> int:
    """Where the noun phrase opening at ``begin`` ends: at a break, a particle or
    preposition (:data:`NOUN_STOP`), the next number, or :data:`MAX_AFTER`
    characters on (to the end of the word there), whichever is first, but
    never inside a quoted name. A count inside a quotation (quoted speech or
    counts) ends with it."""
    cap, inside = begin + MAX_AFTER, _quoted(text, begin)
    clause_end = clause_bounds(text, begin, begin)[1]
    if cap < clause_end <= cap + RUN_ON and not FIGURE.search(text, begin, clause_end):
        cap = clause_end  # a phrase a few characters longer than the cap is read to its end, not clipped
    if (aside := ASIDE.search(text, begin, cap + 2 * BRACKET_MAX + 3)) is not None and aside.start() < cap:
        cap += aside.end() - aside.start()  # 县（市、区）: an aside listing kinds takes none of the noun's length
    if inside:
        closing = text.find("”", begin)
        cap = min(cap, closing if closing >= 0 else len(text))
    elif text.startswith("“", begin) and text.find("”", begin) >= 0:  # 2期“…”擂台赛: a quoted name is not cut
        cap = max(cap, text.index("”", begin) + 1 + MAX_AFTER // 2)
    if not inside and text.count("“", begin, cap) > text.count("”", begin, cap) and text.find("”", cap) >= 0:
        cap = text.index("”", cap) + 1  # 900余名快递小哥争当“红色骑手”: not cut inside the name
    cap = min(cap, len(text))
    first = begin
    if text.startswith(PREPOSITIONS, begin) and not FIGURE.search(text, begin, clause_bounds(text, begin, begin)[1]):
        first = begin + 1
    # 70%以上的村收入超过10万元: the next number is not part of it
    # a figure starting before the cap is found looking a few characters past it (its unit), never further
    breaks = chain(NOUN_STOP.finditer(text, first, cap), FIGURE.finditer(text, begin, cap + LOOK_PAST))
    stop = min((m.start() for m in breaks if m.start() < cap and (inside or not _quoted(text, m.start()))
                and not _bracketed(text, begin, m.start()) and not _joined_noun(text, begin, m)), default=cap)
    if inside:
        return stop
    return without_function_tail(text, begin, word_end(text, begin, stop) if stop == cap else stop)


def _joined_noun(text: str, begin: int, stop: re.Match) -> bool:
    """Whether a 和 joins two kinds the number counts together (198名甲部门和乙县干部): a short
    noun before it, and no other number in the clause after it, which would count the second."""
    return (stop.group() == "和" and 2 <= stop.start() - begin <= JOINED_MAX
            and FIGURE.search(text, stop.end(), clause_bounds(text, stop.end(), stop.end())[1]) is None)


def _bracketed(text: str, begin: int, pos: int) -> bool:
    """Whether ``pos`` lies inside brackets opened after ``begin`` and closed soon after
    (32名县（市、区）党政正职: the 、 lists the kinds of county, it ends no noun)."""
    opening = text.rfind("（", begin, pos)
    return opening >= 0 and text.find("）", opening, pos) < 0 and 0 <= text.find("）", pos) - pos <= BRACKET_MAX


def without_function_tail(text: str, begin: int, end: int) -> int:
    """Where ``text[begin:end]``, a phrase cut at a stop word or a length cap, ends without the
    adverbs, conjunctions, prepositions and particles left trailing (村民正, 党组织还, 毕业但不):
    they open the next phrase, so a subject ending in them is a clipped fragment.

    >>> text = "20多位村民正在加工玩具"
    >>> text[4:without_function_tail(text, 4, 7)]
    '村民'
    """
    tags = jieba.posseg.dt.word_tag_tab
    if end - begin < 2 or not any(tags.get(text[max(begin, end - n):end]) in FUNCTION_TAGS for n in (1, 2, 3)):
        return end  # (most phrases end in a noun or verb: no need to tag them)
    words = tagged(text[begin:end])
    while len(words) > 1 and words[-1][1] in FUNCTION_TAGS:
        end -= len(words[-1][0])
        words = words[:-1]
    return end


def read_subject(text: str, spans: tuple[tuple[int, int], tuple[int, int]]) -> str | None:
    """The subject text: what comes before the number, then the noun after it.

    >>> text = "全市党员总数达5.26万余名"
    >>> read_subject(text, subject_spans(text, find_numbers(text)[0], 0))
    '党员总数'
    """
    (b0, b1), (a0, a1) = spans
    if a0 < a1 and "、" in text[b0:b1]:  # 驻守甲村、乙村等6个村(被命名为……): the list already names the noun
        noun = next(jieba.cut(text[a0:a1], HMM=False))
        a0 += len(noun) if text.endswith(noun, b0, b1) else 0
    return (text[b0:b1] + text[a0:a1] + list_predicate(text, a1)) or None


def list_predicate(text: str, stop: int) -> str:
    """What a list of counts does, when the noun ending at ``stop`` is one of
    its earlier items: the predicate after the last item's noun, which every
    item shares (``133个街道、1566个社区全部建立党委``).

    >>> text = "推动133个街道、1566个社区全部建立党委"
    >>> list_predicate(text, 8), list_predicate("建成8个驿站、5个孵化器", 5)
    ('建立党委', '')
    """
    last = None
    while (text.startswith("、", stop) and (item := FIGURE.match(text, stop + 1))
           and _unit(text, item) not in (None, "%", "元", *DURATION_UNITS)):
        last = noun_span(text, item.end())
        stop = last[1]
    if last is None:
        return ""
    words = tagged(text[last[0]:last[1]])
    nouns = _opening_nouns(words)
    if nouns == 0 or len(words) - nouns < 2 or words[nouns][1] not in PREDICATE_TAGS:
        return ""  # no noun, or no verb phrase after it
    return "".join(word for word, _ in words[nouns:])


def read_time(article: Article, sentence: Sentence, offset: int) -> str | None:
    """The nearest time qualifier before the figure in its part of the sentence
    (up to a ；) or opening the sentence, else the period that opens its
    paragraph (``五年来，…``).

    A time followed by 的 (``从2017年的4.2万名增加到…``) belongs to the very
    next number only.
    """
    text = sentence.text
    part = text.rfind("；", 0, offset) + 1  # 2018年以来，…；去年，…；…: a time rules its own part
    hits = [m for m in TIME.finditer(text, 0, offset)
            if (m.start() >= part or m.start() == 0) and not _quoted(text, m.start())
            and not text.startswith(("较", "比"), m.start() - 1)  # 较2021年增加: the base of a comparison
            and not (text.startswith("的", m.end()) and m.end() + 1 != offset)]
    if hits:
        return hits[-1].group()
    first = next(s for s in article.sentences if s.paragraph == sentence.paragraph)
    opening = TIME.match(first.text)
    return opening.group() if opening and opening.group().endswith("来") else None


def inherited_subject(subject: str | None, previous: str | None, adjacent: bool, part: bool = False) -> str | None:
    """The subject, completed from the previous figure's where it says only how
    that changed (``人才120人，年均增长25%``) or nothing at all while the
    previous figure is in its clause or the one before (``从4.1万名增加至5.6万名``,
    ``培训班，累计3.2万期``). Further away a figure with no subject keeps none
    rather than borrowing an unrelated one.

    >>> inherited_subject("增长", "引进人才", False), inherited_subject(None, "党员人数", True)
    ('引进人才增长', '党员人数')
    >>> inherited_subject(None, "开展谈心谈话", False) is None, inherited_subject("选调生", "公务员", True)
    (True, '选调生')
    >>> inherited_subject("培训", "举办培训班", True), inherited_subject("培训", "举办培训班", False)
    ('举办培训班培训', '培训')

    A subject that is only a level (国家级, 省级) takes the previous subject's noun, and one
    that is only a share (占比) is the share of what the previous figure counts.

    >>> inherited_subject("国家级", "市级以上研发平台", True), inherited_subject("省级", "研发平台", True)
    ('国家级研发平台', '省级研发平台')
    >>> inherited_subject("占比", "收入10万元以上的村", True)
    '收入10万元以上的村占比'

    A part of the previous count (``part``: 其中 before the number) whose words say what those
    items have (``企业517家，其中43家产值已达到……``) counts the previous items.

    >>> inherited_subject("产值已达到", "人才创业企业", True, part=True)
    '人才创业企业产值已达到'
    >>> inherited_subject("县处级干部", "培训干部", True, part=True)
    '县处级干部'
    """
    if not subject:
        return previous if adjacent else None
    if previous and CHANGE.fullmatch(subject):
        return previous if subject in previous else previous + subject
    if previous and adjacent and verb_only(subject):
        # 举办培训班1.3万期、培训8.6万人次: the training of those classes
        return previous if previous.endswith(subject) else previous + subject
    if part and previous and adjacent and _has_then_does(subject):
        return previous + subject
    if previous and adjacent and LEVEL.fullmatch(subject) and (head := LEVEL.sub("", previous, 1)):
        return subject + head  # 研发平台1231家，其中国家级38家: national-level research platforms
    if (previous and adjacent and subject.endswith(SHARE_WORDS) and len(subject) <= SHARE_MAX
            and not previous.endswith(subject)):
        return previous + subject  # ……的村达到1836个，占比52.3%: the share of those villages
    return subject


def _has_then_does(phrase: str) -> bool:
    """Whether ``phrase`` opens with a noun and goes on with a predicate (产值|已|达到): what
    the items counted have, not the items."""
    words = tagged(phrase)
    return bool(words) and words[0][1].startswith(NOUN_TAGS) and any(tag in PREDICATE_TAGS for _, tag in words[1:])


def verb_only(phrase: str) -> bool:
    """Whether ``phrase`` is one verb and nothing else (培训, 办结): no
    subject on its own, but the action on what the text before names. A
    word for the people who do something (选调生) is a noun, whatever jieba says.

    >>> verb_only("培训"), verb_only("培训干部"), verb_only("团队"), verb_only("选调生")
    (True, False, False, False)
    """
    words = tagged(phrase) if 0 < len(phrase) <= MAX_VERB else ()
    return len(words) == 1 and words[0][1] in VERB_TAGS and not phrase.endswith(AGENT_SUFFIXES)


def indicator_of(text: str, number: Number, subject: str | None, noun: tuple[int, int],
                 indicators: dict[str, Indicator]) -> str | None:
    """The indicator of a figure: by its subject, else by the noun it counts
    when a whole-region scope comes right before the number
    (``引导全市8.7万名党员学习…`` counts all the city's party members).

    >>> from orgkg.graph.knowledge import packaged
    >>> text = "引导全市8.7万名党员学思践悟，全州6.1万名党员捐款"
    >>> first, second = find_numbers(text)
    >>> [indicator_of(text, n, "引导党员", noun_span(text, n.end), packaged().indicators) for n in (first, second)]
    ['party-members', None]
    """
    found = match_indicator(subject, number.unit, number.value, indicators)
    scope = text[max(0, number.start - 2):number.start]
    if found is None and re.fullmatch(SCOPE, scope):
        found = match_indicator(scope + text[noun[0]:noun[1]], number.unit, number.value, indicators)
    return found


class Named:
    """The measures and regions an article names, indexed once so each figure looks them up in log time.

    Measures never overlap one another, so sorted by start they are sorted by end too.
    """

    def __init__(self, article: Article):
        self.measures = article.measures
        self.ends = [m.end for m in self.measures]
        self.regions = {r.start: r for r in article.regions}
        self.text = article.text

    def names(self, start: int, end: int) -> bool:
        """Whether article offsets ``start`` to ``end`` lie inside a programme's or initiative's name."""
        at = bisect_right(self.ends, start)
        return at < len(self.measures) and self.measures[at].start <= start and end <= self.measures[at].end

    def concerns(self, sentence: Sentence, span: tuple[int, int]) -> tuple[str, int] | None:
        """The programme, initiative or region a figure belongs to, when its subject
        says so: a measure named in the subject (``“星火计划”项目48个``), else a
        region the subject opens with (``北京市党员总数``), unless that region is
        one example in a list (``赴长沙、南昌等地推介岗位1500个``): the places
        visited are not the places counted.

        :param span: the subject's article offsets, from the phrase before the
            number to the end of the noun after it.
        """
        at = bisect_right(self.ends, span[0])
        if at < len(self.measures):
            m = self.measures[at]
            if m.sentence == sentence.index and m.start < span[1]:
                return ("measure", m.start)
        r, text = self.regions.get(span[0]), self.text
        if (r is not None and r.sentence == sentence.index
                and text[r.start - 1:r.start] != "、" and text[r.end:r.end + 1] not in ("、", "等")):
            return ("region", r.start)
        return None

    def without_region(self, concern: tuple[str, int] | None, subject: str | None) -> str | None:
        """The subject without the region it opens with (``江苏人才资源总量`` →
        ``人才资源总量``): the indicator rules know region names only by their
        suffix (…省, …市), not short names, and the region is linked separately."""
        if subject and concern and concern[0] == "region":
            surface = self.regions[concern[1]].surface
            if subject.startswith(surface) and len(subject) > len(surface):
                return subject[len(surface):]
        return subject


def next_floor(text: str, number: Number, noun: tuple[int, int]) -> int:
    """Where the phrase before the next figure may start: after this figure's
    noun when that ends at a break, else after the number (a noun cut at
    :data:`MAX_AFTER` leaves the rest of its word to the next figure:
    ``126个园区人才服务覆盖率均达100%``).

    >>> text = "建成驿站12个，126个重点园区人才服务覆盖率均达100%"
    >>> first, second, _ = find_numbers(text)
    >>> [next_floor(text, n, noun_span(text, n.end)) for n in (first, second)]
    [7, 12]
    """
    end = noun[1]
    if FIGURE.search(text, number.end, end):  # 连续3年向2.1万名…: the next count has its own phrase
        return number.end
    if number.unit in NOUN_UNITS:  # 6县（市、区）招聘1552名: what the counted do is the next count's
        return end
    if end >= len(text) or NOUN_STOP.match(text, end) or FIGURE.match(text, end):
        return max(number.end, end)
    return number.end


def find_figures(article: Article, indicators: dict[str, Indicator]) -> Article:
    """Set ``article.figures``: a :class:`FigureMention` for every statistic of every sentence.

    A fact repeated later in the article (same value, unit and subject) is
    kept once.
    """
    seen, figures, named = set(), [], Named(article)
    for sentence in article.sentences:
        # read in full-width punctuation (the same length): a count inside "…" is a name's, as inside “…”
        text, base, floor, previous, noun, concern = full_width(sentence.text), sentence.start, 0, None, (0, 0), None
        for number in find_numbers(text):
            if named.names(base + number.start, base + number.end):
                continue  # 出台柔性引才20条: a count inside the name of a programme or initiative
            spans = subject_spans(text, number, floor, noun)
            adjacent = floor > 0 and sum(ch in HARD_BREAK for ch in text[floor:number.start]) <= 1
            subject = inherited_subject(read_subject(text, spans), previous, adjacent,
                                        text.endswith(PART_OF, 0, number.start))
            # 松川人才总量从41万人增长到52万人: the second inherits what the first concerns
            own = named.concerns(sentence, (base + spans[0][0], base + spans[1][1]))
            concern = own or (concern if subject is not None and subject == previous else None)
            floor, previous = next_floor(text, number, spans[1]), subject
            noun = spans[0] if FIGURE.match(text, number.end) else spans[1]
            if (number.value, number.unit, subject) in seen:
                continue
            seen.add((number.value, number.unit, subject))
            figures.append(FigureMention(
                value=number.value, unit=number.unit, text=sentence.text[number.start:number.end],
                start=base + number.start, end=base + number.end, sentence=sentence.index,
                approx=number.approx, subject=subject, time=read_time(article, sentence, number.start),
                indicator=indicator_of(text, number, named.without_region(concern, subject), spans[1], indicators),
                concerns=concern,
            ))
    article.figures = figures
    return article


@register("figures", requires=("sentences", "regions", "programmes", "initiatives"), assigns=("figures",))
def make_figures(knowledge: Knowledge):
    """The figures component: :func:`find_figures` with the knowledge's indicators."""
    indicators = knowledge.indicators
    return lambda article: find_figures(article, indicators)
