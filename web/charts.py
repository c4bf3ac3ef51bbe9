"""Bar charts and timelines laid out on the server, for templates to write as inline SVG.

No chart library and no script: the layout is arithmetic on the numbers (a scale,
round ticks, label widths guessed from the characters), and
``templates/analysis/_charts.html`` writes the SVG with a ``<title>``, a ``<desc>``
and ``aria-describedby`` pointing at the table of the same numbers beside it.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from .layout import OTHER, PALETTE

WIDTH = 760  # SVG units across a chart; the page scales it to the column
ROW = 22  # one bar's height with its gap
FONT = 13  # label size: a CJK character is this wide, a Latin one about 0.6 of it
LABEL_MAX = 230  # the widest label column; longer labels are cut with "…" (the full one is in the bar's title)
VALUE_ROOM = 90  # room right of the longest bar for its printed value
TOP_BARS = 20


def text_width(text: str) -> float:
    """About how wide ``text`` is at :data:`FONT`: ASCII 0.6 em, anything else one em (CJK fonts draw
    quotes full width) and "…" two (as Chromium draws it in Noto Sans CJK).

    >>> text_width("株洲市"), text_width("Zhuzhou"), text_width("“甲”…")
    (39, 54.6, 65)
    """
    return round(sum(FONT * 0.6 if ord(c) < 0x80 else FONT * 2 if c == "…" else FONT for c in text), 1)


def clip(text: str, width: float) -> str:
    """``text`` cut to about ``width`` with a trailing "…".

    >>> clip("党委联系服务专家制度", 80), clip("株洲市", 80)
    ('党委联系…', '株洲市')
    """
    if text_width(text) <= width:
        return text
    while text and text_width(text + "…") > width:
        text = text[:-1]
    return text + "…"


def number(value: float) -> str:
    """A value as the table shows it, with thousands separators.

    >>> number(3835000), number(99.5), number(0.125)
    ('3,835,000', '99.5', '0.125')
    """
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.3f}".rstrip("0").rstrip(".")
    return f"{int(value):,}"


def amount(value: float, unit: str | None) -> str:
    """A value with its unit.

    >>> amount(253000, "名"), amount(99.5, None)
    ('253,000 名', '99.5')
    """
    return f"{number(value)} {unit or ''}".strip()


def short(value: float, lang: str) -> str:
    """A tick's value, short: ``120万``/``1.2亿`` in Chinese, ``1.2M``/``500K`` in English.

    >>> short(1200000, "zh"), short(1200000, "en"), short(250, "en"), short(150000000, "zh"), short(20000000, "zh")
    ('120万', '1.2M', '250', '1.5亿', '2000万')
    """
    steps = ((1e8, "亿"), (1e4, "万")) if lang == "zh" else ((1e9, "B"), (1e6, "M"), (1e3, "K"))
    size, suffix = next(((size, suffix) for size, suffix in steps if abs(value) >= size), (1, ""))
    scaled = value / size
    places = max(0, 2 - math.floor(math.log10(abs(scaled)))) if scaled else 0
    text = f"{scaled:.{places}f}".rstrip("0").rstrip(".") if places else f"{scaled:.0f}"
    return text + suffix


def ticks(top: float, count: int = 4, whole: bool = False) -> list[float]:
    """Round values from 0 to at least ``top``, about ``count`` steps apart (whole steps for ``whole`` counts).

    >>> ticks(3835000), ticks(7), ticks(0), ticks(2), ticks(2, whole=True)
    ([0, 1000000, 2000000, 3000000, 4000000], [0, 2, 4, 6, 8], [0, 1], [0.0, 0.5, 1.0, 1.5, 2.0], [0, 1, 2])
    """
    if top <= 0:
        return [0, 1]
    raw = max(top / count, 1) if whole else top / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    step = int(step) if float(step).is_integer() else step
    return [step * i for i in range(math.ceil(top / step - 1e-9) + 1)]


@dataclass(frozen=True)
class Bar:
    """One bar: its label, value, the link on it, the group it is coloured by and its hover text."""

    label: str
    value: float
    href: str | None = None
    group: str = ""
    title: str = ""


@dataclass(frozen=True)
class Placed:
    """A bar where the chart draws it."""

    bar: Bar
    y: float
    width: float
    label: str  # clipped to the label column
    text: str  # the printed value
    colour: str


@dataclass(frozen=True)
class BarChart:
    """A laid-out chart: its bars (the first ``shown`` of ``total``), size, tick marks and legend."""

    bars: list[Placed]
    total: int
    width: int
    height: int
    left: float  # where bars start
    plot: float  # how wide the longest bar may be
    ticks: list[tuple[float, str]]
    legend: list[tuple[str, str]] = field(default_factory=list)  # (colour, text)

    @property
    def shown(self) -> int:
        return len(self.bars)


def bar_chart(bars: list[Bar], lang: str, top: int | None = TOP_BARS,
              groups: dict[str, tuple[str, str]] | None = None) -> BarChart:
    """Horizontal bars, largest first, the first ``top`` of them (all with ``None``).

    :param groups: a bar's group → (colour, legend text); groups not named are grey.
    """
    ranked = sorted(bars, key=lambda b: -b.value)
    drawn = ranked if top is None else ranked[:top]
    groups = groups or {}
    left = min(LABEL_MAX, max((text_width(b.label) for b in drawn), default=0)) + 8
    plot = WIDTH - left - VALUE_ROOM
    marks = ticks(max((b.value for b in drawn), default=0), whole=all(isinstance(b.value, int) for b in drawn))
    scale = plot / marks[-1]
    placed = [Placed(b, 18 + i * ROW, round(b.value * scale, 1), clip(b.label, left - 8), number(b.value),
                     groups.get(b.group, (OTHER, ""))[0]) for i, b in enumerate(drawn)]
    used = {b.group for b in drawn}
    legend = [(colour, text) for group, (colour, text) in groups.items() if group in used]
    return BarChart(placed, len(bars), WIDTH, 18 + len(drawn) * ROW + 24, left, plot,
                    [(round(left + m * scale, 1), short(m, lang)) for m in marks], legend)


def spread(wanted: list[float], gap: float, low: float, high: float) -> list[float]:
    """Positions as near ``wanted`` as can be while ``gap`` apart, kept within ``low``–``high`` where they fit.

    >>> spread([100, 101, 300], 10, 0, 400), spread([395, 398], 10, 0, 400)
    ([100, 110, 300], [390, 400])
    """
    order = sorted(range(len(wanted)), key=lambda i: wanted[i])
    placed = [0.0] * len(wanted)
    floor = low - gap
    for i in order:  # top down, each at least a gap below the one above
        floor = placed[i] = max(wanted[i], floor + gap)
    ceiling = high + gap
    for i in reversed(order):  # then bottom up, none past the bottom
        ceiling = placed[i] = min(placed[i], ceiling - gap)
    return placed


@dataclass(frozen=True)
class Line:
    """One region's values over the years, where the chart draws them."""

    label: str
    href: str | None
    colour: str
    points: list[tuple[float, float, int, str]]  # x, y, year, printed value
    label_y: float  # where its name is written, right of its last point, moved apart from the others'

    @property
    def path(self) -> str:
        return "M" + " L".join(f"{x},{y}" for x, y, *_ in self.points)


@dataclass(frozen=True)
class Timeline:
    """A laid-out timeline: its lines, size, year marks along x and value marks up y."""

    lines: list[Line]
    width: int
    height: int
    years: list[tuple[float, int]]
    values: list[tuple[float, str]]
    left: float
    right: float
    top: float
    bottom: float


def timeline(series: list[tuple[str, str | None, list[tuple[int, float]]]], lang: str) -> Timeline:
    """Lines of (year, value) points, one per (label, link, points), coloured in order.

    Years run evenly along x (one year alone gets one on each side), values from 0 up y.
    """
    left, right, top, bottom, height = 70.0, WIDTH - 150.0, 16.0, 300.0, 330
    years = sorted({y for _, _, points in series for y, _ in points}) or [0]
    first, last = (years[0] - 1, years[-1] + 1) if years[0] == years[-1] else (years[0], years[-1])
    marks = ticks(max((v for _, _, points in series for _, v in points), default=0))

    def x(year: int) -> float:
        return round(left + (year - first) / (last - first) * (right - left), 1)

    def y(value: float) -> float:
        return round(bottom - value / marks[-1] * (bottom - top), 1)

    lines = []
    for i, (label, href, points) in enumerate(series):
        ordered = sorted(points)
        lines.append(Line(label, href, PALETTE[i % len(PALETTE)],
                          [(x(a), y(v), a, number(v)) for a, v in ordered], y(ordered[-1][1])))
    spots = spread([line.label_y for line in lines], FONT + 2, top, bottom)
    placed = [Line(line.label, line.href, line.colour, line.points, spot) for line, spot in zip(lines, spots)]
    step = max(1, math.ceil((last - first + 1) / 12))  # a dozen year marks at most
    return Timeline(placed, WIDTH, height,
                    [(x(a), a) for a in range(first, last + 1, step)],
                    [(y(m), short(m, lang)) for m in marks], left, right, top, bottom)
