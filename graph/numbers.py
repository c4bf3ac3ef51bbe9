"""Parse the numbers of the reports into exact :class:`~decimal.Decimal` values.

Figures are compared across regions, so a value must not depend on how it was
written: ``20.1万``, ``201,000`` and ``二十万一千`` are the same number. Floats
would turn ``253.7万`` into ``2536999.9999…``; decimals keep it exact.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
          "六": 6, "七": 7, "八": 8, "九": 9}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
LARGE_UNITS = {"万": 10_000, "亿": 100_000_000}
CN_NUMERAL = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(LARGE_UNITS)
ARABIC = r"\d+(?:,\d{3})*(?:[.．]\d+)?"
ARABIC_FULL = re.compile(rf"({ARABIC})([万亿]*)")
ROUND_MYRIAD = ("万", "上万", "过万")  # 近万名, 上万人: about ten thousand
FRACTION = re.compile(r"(?P<den>.+)分之(?P<num>.+)|(?P<num2>\d+)/(?P<den2>\d+)")
FULLWIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")


def parse_chinese(text: str) -> Decimal:
    """Value of a Chinese numeral such as ``一万二千`` or ``两千``.

    :raises ValueError: when ``text`` holds a character that is not a numeral.

    >>> [parse_chinese(t) for t in ("六", "十二", "两千", "一万二千", "三百零五", "一亿二千万")]
    [Decimal('6'), Decimal('12'), Decimal('2000'), Decimal('12000'), Decimal('305'), Decimal('120000000')]
    """
    if text and all(ch in DIGITS for ch in text) and len(text) > 1:
        return Decimal("".join(str(DIGITS[ch]) for ch in text))  # digit by digit: 二〇二二
    total, myriads, section, digit = 0, 0, 0, None  # 亿 part, 万 part, below 万, pending digit
    for ch in text:
        if ch in DIGITS:
            digit = DIGITS[ch]
        elif ch in SMALL_UNITS:
            section += (1 if digit is None else digit) * SMALL_UNITS[ch]
            digit = None
        elif ch == "万":
            myriads += (section + (digit or 0) or 1) * LARGE_UNITS[ch]
            section, digit = 0, None
        elif ch == "亿":
            total = (total + myriads + section + (digit or 0) or 1) * LARGE_UNITS[ch]
            myriads, section, digit = 0, 0, None
        else:
            raise ValueError(f"not a Chinese numeral: {text!r}")
    return Decimal(total + myriads + section + (digit or 0))


def parse_number(text: str) -> Decimal:
    """Value of a number as the reports write it, multipliers applied.

    Understands Arabic digits (thousands separators, decimals, full-width
    forms), Chinese numerals, 万/亿 multipliers, ``百分之…`` and ``…%``
    (the percentage number is kept: ``68.4%`` → 68.4) and fractions
    ``三分之一`` or ``1/3`` (→ 1/3).

    :raises ValueError: when ``text`` is not a number.

    >>> [str(parse_number(t)) for t in ("23,876", "20.1万", "1.1亿", "1.2万亿", "68.4%", "百分之八十", "两千")]
    ['23876', '201000', '110000000', '1200000000000', '68.4', '80', '2000']
    >>> parse_number("三分之一") == parse_number("1/3") == Decimal(1) / Decimal(3)
    True
    >>> parse_number("上万"), parse_number("１２．５")
    (Decimal('10000'), Decimal('12.5'))
    >>> parse_number("1" * 30)
    Traceback (most recent call last):
    ...
    ValueError: 111111111111111111111111111111: too many digits to be a figure
    """
    text = text.strip().translate(FULLWIDTH).rstrip("%")
    if text in ROUND_MYRIAD:
        return Decimal(LARGE_UNITS["万"])
    if text.startswith("百分之"):
        return parse_number(text[3:])
    fraction = FRACTION.fullmatch(text)
    if fraction:
        num, den = fraction["num"] or fraction["num2"], fraction["den"] or fraction["den2"]
        denominator = parse_number(den)
        if not denominator:
            raise ValueError(f"{text!r}: a fraction with a zero denominator")
        return parse_number(num) / denominator
    arabic = ARABIC_FULL.fullmatch(text)
    if arabic:
        try:
            value = Decimal(arabic.group(1).replace(",", ""))
        except InvalidOperation as exc:  # pragma: no cover - the pattern admits only digits
            raise ValueError(f"not a number: {text!r}") from exc
        for mult in arabic.group(2):
            value *= LARGE_UNITS[mult]
        return _plain(value)
    if text:
        return _plain(parse_chinese(text))
    raise ValueError("not a number: empty text")


def as_percentage(share: Decimal) -> Decimal:
    """A share written as a fraction (``四分之一``), as the percentage the
    reports use for every other share, so the two compare.

    >>> as_percentage(parse_number("四分之一")), as_percentage(parse_number("三分之二")).quantize(Decimal("0.01"))
    (Decimal('25'), Decimal('66.67'))
    """
    return _plain(share * 100)


def _plain(value: Decimal) -> Decimal:
    """Drop the exponent multiplication leaves (``2.0100E+5`` → ``201000``).

    >>> str(_plain(Decimal("20.1") * 10000))
    '201000'
    """
    normal = value.normalize()
    try:
        return normal.quantize(Decimal(1)) if normal == normal.to_integral_value() else normal
    except InvalidOperation as exc:  # more digits than the decimal context holds: no count a report makes
        raise ValueError(f"{value}: too many digits to be a figure") from exc
