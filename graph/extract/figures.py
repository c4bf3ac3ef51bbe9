"""Find the statistics a report gives: value, unit, approximation, subject, time.

A figure is found by its shape (number, optional 万/亿, unit) and then filtered
by what the guidelines exclude: ordinals, numbers inside slogans and names,
thresholds and age bounds, spans of time. Numbers are matched in the raw
sentence before any segmentation, so ``23,876`` and ``68.4%`` stay whole.

The subject is read from the clause around the number: the verb phrase before
it (``招录公务员995名``) and the noun after the unit (``2074个临时党支部``),
without scope words (全市, 累计) and link verbs (达, 为, 增加到).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from itertools import chain

from ..doc import Article, FigureMention, Sentence
from ..indicators import match_indicator
from ..numbers import ARABIC, CN_NUMERAL, parse_number
from . import register

UNITS = ("个百分点", "百分点", "平方公里", "平方米", "人次", "场次", "批次", "轮次", "班次", "课时", "学时", "小时",
         "公里", "名", "个", "人", "位", "家", "项", "件", "次", "所", "批", "期", "场", "条", "户",
         "支", "套", "份", "处", "张", "艘", "辆", "元", "倍", "天", "岁", "轮", "篇", "间", "座", "台", "堂", "亩", "种", "%", "％")
# Chinese-numeral counts are statistics only for periods of a repeated action
# (选派六批); elsewhere (两个维护, 四个意识, 三年行动) they name slogans.
CN_COUNT_UNITS = ("批次", "轮次", "批", "轮")
PRE_APPROX = ("超过", "突破", "近", "约", "逾", "超")
POST_APPROX = ("以上", "左右")

FIGURE = re.compile(
    rf"(?P<pre>{'|'.join(PRE_APPROX)})?"
    rf"(?:百分之(?P<pct>{ARABIC}|[{CN_NUMERAL}]+)"
    rf"|(?P<frac>[{CN_NUMERAL}]+分之[{CN_NUMERAL}]+)"
    rf"|(?<![\d.,/+＋第前])(?P<num>{ARABIC})(?P<a1>[余多])?(?P<mult>[万亿]{{0,2}})(?P<a2>[余多])?(?P<unit>{'|'.join(UNITS)})?"
    rf"|(?<![{CN_NUMERAL}第“])(?P<cn>[一二两三四五六七八九十]+)(?P<cnunit>{'|'.join(CN_COUNT_UNITS)})"
    rf"|(?P<myriad>(?<=[近超逾])万|上万|过万)(?P<munit>{'|'.join(UNITS)}))"
    rf"(?P<post>{'|'.join(POST_APPROX)}|(?<=[名个人位家项件次所批期场条户支套份处元])[余多])?"
)
# 7.3万低收入农户, 人才总量超过44万: no measure word, the counted noun gives the unit
IMPLIED_UNIT = (("户", re.compile(r"户")), ("人", re.compile(r"人|员|才|干部|群众|职工|学生|青年")))
NOT_AFTER = re.compile(r"[+＋]|周年|月")  # 1+5, 100周年, 4个月
THRESHOLD_NOUN = re.compile(r"[\u4e00-\u9fff]")  # 10万元以上村: a bound on another count
DURATION_UNITS = ("天", "小时")
HARD_BREAK = "，。；：！？,;:!?\n—"
TIME = re.compile(
    r"截至[^，。；]{0,14}?(?:底|末|日|目前|现在|当前)|"
    r"(?:\d{4}|[一二〇零三四五六七八九]{4})年(?:以来|来|底|末|初|度|上半年|下半年|\d{1,2}月(?:\d{1,2}日)?)?|"
    r"(?:近|过去)?[一二两三四五六七八九十\d]+年(?:来|以来|间)|党的十八大以来|新时代(?:十年|以来)|"
    r"今年(?:以来)?|去年|当年|每年|常年|近年来|这些年"
)
SCOPE = r"[全本我][省市区州县盟旗]"
# words around the subject that say how or where it is counted, not what
LEAD = re.compile(rf"(?:[、”]|{TIME.pattern}|其中|共计|总计|共有|共|有|累计|先后|陆续|持续|分别|已|年均|择优|全面|高质量|"
                  rf"扎实|深入|积极|大力|{SCOPE})+")
TRAIL = re.compile(rf"(?:{TIME.pattern}|的|达到|达|为|是|共有|有|增加到|增加至|增长到|增长至|提高到|提高至|提升到|提升至|跃升到|跃升至|增至|由|"
                   rf"到|至|从|占|分别|累计|共计|共|均|已|先后|等|{SCOPE})+$")
# the counted noun runs on into its verb phrase (“3万余人签订承诺书”), up to a
# preposition or particle that starts an adverbial or another item, or a
# comparison (“从…增加到…”) that is not part of what is counted
NOUN_STOP = re.compile(r"[，。；：！？、,;:!?\n\d]|和|与|及|等|在(?![职岗编校读])|的|这些|"
                       r"较|增加|增长|提高|提升|减少|下降")
MAX_BEFORE, MAX_AFTER = 14, 8


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
    >>> find_numbers("落实“两个维护”，出台“人才新政12条”，第3批，35岁以下，建党100周年")
    []
    >>> [(str(n.value), n.unit) for n in find_numbers("持续选派六批2000余名，集体经济10万元以上村292个")]
    [('6', '批'), ('2000', '名'), ('292', '个')]
    """
    found = []
    for m in FIGURE.finditer(text):
        after = text[m.end():]
        if _quoted(text, m.start()) or NOT_AFTER.match(after):
            continue
        number = m["pct"] or m["frac"] or m["cn"] or m["myriad"] or (m["num"] + m["mult"])
        unit = "%" if m["pct"] or m["unit"] == "％" else m["unit"] or m["cnunit"] or m["munit"]
        if unit is None:
            unit = "分之" if m["frac"] else implied_unit(text, m) if m["mult"] else None
        if unit is None or _bound(unit, m["pre"], m["post"], after) or (m["cn"] and parse_number(number) < 2):
            continue  # no unit; 35岁以下 or 10万元以上村 (a bound); 一批 (vague)
        approx = m["pre"] or m["a1"] or m["a2"] or m["post"] or m["myriad"]
        found.append(Number(m.start(), m.end(), parse_number(number), unit, approx))
    return found


def implied_unit(text: str, m: re.Match) -> str | None:
    """Unit of a bare ``万``/``亿`` number, read from the noun it counts.

    >>> [implied_unit(t, FIGURE.search(t)) for t in ("7.3万低收入农户", "人才总量超过44万，", "投资5亿，")]
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
    >>> _bound("小时", None, None, "人才服务热线"), _bound("小时", None, None, "。")
    (True, False)
    """
    if unit == "岁":  # 35岁以下干部, 32岁的青年: a bound or one person's age
        return post is not None or after.startswith(("以下", "及以下", "的"))
    if unit in DURATION_UNITS:  # 15天内, 24小时服务热线: a span or a description, not a measured time
        return THRESHOLD_NOUN.match(after) is not None
    if unit == "%":
        return False
    return (post == "以上" and THRESHOLD_NOUN.match(after) is not None) or (
        pre in ("超过", "超") and after.startswith(("的", "村")))


def _quoted(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside “…” or 《…》 (names and slogans).

    >>> _quoted("出台“人才新政12条”", 8), _quoted("开办“云讲堂”16期", 7)
    (True, False)
    """
    before = text[:pos]
    return before.count("“") > before.count("”") or before.count("《") > before.count("》")


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around ``text[start:end]``: between the nearest breaks (，；： …).

    >>> text = "共招录公务员995名、选调生159名。"
    >>> clause_bounds(text, 14, 18)
    (0, 18)
    """
    left = max(text.rfind(ch, 0, start) for ch in HARD_BREAK) + 1
    rights = [i for i in (text.find(ch, end) for ch in HARD_BREAK) if i >= 0]
    return left, min(rights, default=len(text))


def subject_spans(text: str, number: Number, floor: int) -> tuple[tuple[int, int], tuple[int, int]]:
    """Spans of the phrase before the number and of the noun after its unit.

    The phrase before starts at the clause or at the end of the previous
    figure (``floor``), so a list ``公务员995名、选调生159名`` gives each its own.

    >>> text = "五年来，全市共招录公务员995名、选调生159名"
    >>> first, second = find_numbers(text)
    >>> [text[a:b] for a, b in subject_spans(text, first, 0)]
    ['招录公务员', '']
    >>> [text[a:b] for a, b in subject_spans(text, second, first.end)]
    ['选调生', '']
    >>> text = "组织动员全市4100多个基层党组织在一线"
    >>> [text[a:b] for a, b in subject_spans(text, find_numbers(text)[0], 0)]
    ['组织动员', '基层党组织']
    """
    clause_start = clause_bounds(text, number.start, number.end)[0]
    lo, hi = _trimmed(text, max(clause_start, floor), number.start)
    if text.startswith("、", number.start - 1):  # 党组织、4.1万名党员: a new list item
        lo = hi
    following = FIGURE.match(text, number.end)  # 选派六批2000余名第一书记: both count 第一书记
    after = noun_span(text, following.end() if following else number.end)
    if lo == hi and after[0] == after[1] and floor == 0 and clause_start > 0:
        # ……的比例逐年攀升，2022年达98.37%: the clause before names what is measured
        lo, hi = _trimmed(text, clause_bounds(text, clause_start - 1, clause_start - 1)[0], clause_start - 1)
    if hi - lo > MAX_BEFORE:  # too long: keep the head after its last 的, else the end
        lo = max(text.rfind("的", lo, hi - 1) + 1, hi - MAX_BEFORE)
    return (lo, hi), after


def _trimmed(text: str, lo: int, hi: int) -> tuple[int, int]:
    """``text[lo:hi]`` without the scope, time and link words around a subject.

    >>> text = "五年来，全市累计选派干部达"
    >>> lo, hi = _trimmed(text, 4, len(text))
    >>> text[lo:hi]
    '选派干部'
    """
    while lo < hi:
        lead = LEAD.match(text, lo, hi)
        trail = None if lead else TRAIL.search(text, lo, hi)
        if not (lead or trail):
            break
        lo, hi = (lead.end(), hi) if lead else (lo, trail.start())
    return lo, max(lo, hi)


def noun_span(text: str, start: int) -> tuple[int, int]:
    """The noun phrase (with its verb phrase) opening ``text[start:]``.

    A leading 的 is skipped (``98%的村实现全覆盖``); quoted names stay whole.

    >>> text = "2期“擂台赛”活动，3万余人签订承诺书，98%的村实现全覆盖"
    >>> spans = [noun_span(text, m.end()) for m in FIGURE.finditer(text)]
    >>> [text[a:b] for a, b in spans]
    ['“擂台赛”活动', '签订承诺书', '村实现全覆盖']
    """
    begin = start + 1 if text.startswith("的", start) else start
    cap = begin + MAX_AFTER
    if text.startswith("“", begin) and "”" in text[begin:]:  # 2期“…”擂台赛: a quoted name is not cut
        cap = max(cap, text.index("”", begin) + 1 + MAX_AFTER // 2)
    cap = min(cap, len(text))
    # 70%以上的村收入超过10万元: the next number is not part of it
    breaks = chain(NOUN_STOP.finditer(text, begin, cap), FIGURE.finditer(text, begin))
    stop = min((m.start() for m in breaks if m.start() < cap and not _quoted(text, m.start())), default=cap)
    return begin, stop


def read_subject(text: str, spans: tuple[tuple[int, int], tuple[int, int]]) -> str | None:
    """The subject text: what comes before the number, then the noun after it.

    >>> text = "全市党员总数达3.93万余名"
    >>> read_subject(text, subject_spans(text, find_numbers(text)[0], 0))
    '党员总数'
    """
    (b0, b1), (a0, a1) = spans
    return (text[b0:b1] + text[a0:a1]) or None


def read_time(article: Article, sentence: Sentence, offset: int) -> str | None:
    """The nearest time qualifier before the figure in its sentence, else the
    period that opens its paragraph (``五年来，…``).

    A time followed by 的 (``从2018年的7.5万名增加到…``) belongs to the very
    next number only.
    """
    text = sentence.text
    hits = [m for m in TIME.finditer(text, 0, offset)
            if not _quoted(text, m.start()) and not (text.startswith("的", m.end()) and m.end() + 1 != offset)]
    if hits:
        return hits[-1].group()
    first = next(s for s in article.sentences if s.paragraph == sentence.paragraph)
    opening = TIME.match(first.text)
    return opening.group() if opening and opening.group().endswith("来") else None


def concerns(article: Article, sentence: Sentence, span: tuple[int, int]) -> tuple[str, int] | None:
    """The programme, initiative or region a figure belongs to, when its subject
    says so: a measure named in the subject (``“双创计划”项目93个``), else a
    region the subject opens with (``北京市党员总数``).

    :param span: the subject's article offsets, from the phrase before the
        number to the end of the noun after it.
    """
    for m in article.measures:
        if m.sentence == sentence.index and m.start < span[1] and span[0] < m.end:
            return ("measure", m.start)
    for r in article.regions:
        if r.sentence == sentence.index and r.start == span[0]:
            return ("region", r.start)
    return None


def find_figures(article: Article) -> Article:
    """Append a :class:`FigureMention` for every statistic of every sentence.

    Within a sentence, a figure whose clause gives no subject of its own
    (``从8.3万名增加至12.5万名``) takes the previous figure's subject; a
    fact repeated later in the article (same value, unit and subject) is
    kept once.
    """
    seen = set()
    for sentence in article.sentences:
        text, base, floor, previous = sentence.text, sentence.start, 0, None
        for number in find_numbers(text):
            spans = subject_spans(text, number, floor)
            subject = read_subject(text, spans) or previous
            floor, previous = max(number.end, spans[1][1]), subject
            if (number.value, number.unit, subject) in seen:
                continue
            seen.add((number.value, number.unit, subject))
            article.figures.append(FigureMention(
                value=number.value, unit=number.unit, text=text[number.start:number.end],
                start=base + number.start, end=base + number.end, sentence=sentence.index,
                approx=number.approx, subject=subject, time=read_time(article, sentence, number.start),
                indicator=match_indicator(subject, number.unit, number.value),
                concerns=concerns(article, sentence, (base + spans[0][0], base + spans[1][1])),
            ))
    return article


@register("figures", requires=("sentences", "regions", "programmes", "initiatives"), assigns=("figures",))
def make_figures():
    """The figures component: :func:`find_figures`."""
    return find_figures
