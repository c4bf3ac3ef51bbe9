"""Number parsing: every written form of a value gives the same exact Decimal."""
from decimal import Decimal

import pytest

from orgkg.graph.numbers import as_percentage, parse_chinese, parse_number


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("23,876", "23876", id="thousands-separator"),
        pytest.param("1,234,567.5", "1234567.5", id="separators-and-decimal"),
        pytest.param("253.7万", "2537000", id="decimal-wan"),
        pytest.param("20.1万", "201000", id="wan-exact-not-float"),
        pytest.param("1.1亿", "110000000", id="yi"),
        pytest.param("1.2万亿", "1200000000000", id="wan-yi"),
        pytest.param("68.4%", "68.4", id="percent-keeps-number"),
        pytest.param("５６．６％", "56.6", id="full-width-percent"),
        pytest.param("百分之八十", "80", id="baifenzhi-chinese"),
        pytest.param("百分之12.5", "12.5", id="baifenzhi-arabic"),
        pytest.param("六", "6", id="single-numeral"),
        pytest.param("两千", "2000", id="liang-qian"),
        pytest.param("一万二千", "12000", id="wan-with-tail"),
        pytest.param("十二", "12", id="shi-leading"),
        pytest.param("三百零五", "305", id="ling-gap"),
        pytest.param("二十万一千", "201000", id="wan-section"),
        pytest.param("一亿二千万", "120000000", id="yi-then-wan"),
        pytest.param("二〇二二", "2022", id="digit-by-digit"),
        pytest.param("千", "1000", id="round-thousand"),
        pytest.param("百亿", "10000000000", id="round-ten-billion"),
        pytest.param("千万", "10000000", id="round-ten-million"),
    ],
)
def test_parse_number(text, expected):
    assert parse_number(text) == Decimal(expected)
    assert str(parse_number(text)) == expected  # no exponent, no trailing zeros


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("三分之一", Decimal(1) / Decimal(3), id="chinese-fraction"),
        pytest.param("四分之三", Decimal("0.75"), id="three-quarters"),
        pytest.param("2/5", Decimal("0.4"), id="slash-fraction"),
    ],
)
def test_fractions(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("四分之一", "25", id="quarter"),
        pytest.param("五分之二", "40", id="two-fifths"),
        pytest.param("3/4", "75", id="slash"),
    ],
)
def test_fractions_as_percentages(text, expected):
    """A share written as a fraction compares with the percentages of other reports."""
    assert str(as_percentage(parse_number(text))) == expected


@pytest.mark.parametrize("text", [pytest.param("", id="empty"), pytest.param("若干", id="words"),
                                  pytest.param("12a", id="trailing-latin")])
def test_rejects_non_numbers(text):
    with pytest.raises(ValueError):
        parse_number(text)


def test_parse_chinese_rejects_other_characters():
    with pytest.raises(ValueError, match="not a Chinese numeral"):
        parse_chinese("三个")
