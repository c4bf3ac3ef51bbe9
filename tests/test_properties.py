"""Property tests: whatever text reaches the corpus reader, the number parser or the query guard,
the only exception that escapes is the one each promises (a one-line error), never a crash."""
from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgkg.graph.corpus import CorpusError, read_corpus, split_sentences
from orgkg.graph.errors import QueryRefused, QueryTooComplex
from orgkg.graph.numbers import parse_number
from orgkg.graph.store.guard import check

#: Characters the reports are made of, and the ones that trip readers up.
REPORT_CHARS = "市县省委组织部人才工作综述目录一二三四五六七八九十百千万亿两〇零、。，；：！？“”‘’（）《》·—…%％.．,0123456789０１２３　 \t"
LINES = st.lists(st.text(alphabet=REPORT_CHARS + "\r\x00\x0c\ufeff", max_size=60), max_size=30).map("\n".join)
NUMBERS = st.text(alphabet="0123456789０１２３４５６７８９.．,%％万亿千百十一二两三四五六七八九〇零分之/上余近约e-+ ", max_size=40)
SPARQL = st.text(alphabet='SELECTWHRservicSILNTUOFMinsrtdl?$<>{}()[]|/&#"\'\\:. \r\n\t*01xp', max_size=200)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=LINES, encoding=st.sampled_from(["utf-8", "gb18030", "utf-16"]))
def test_the_corpus_reader_returns_articles_or_one_clear_error(tmp_path, text, encoding):
    path = tmp_path / "report.txt"
    try:
        path.write_bytes(text.encode(encoding))
    except UnicodeEncodeError:
        return  # a character the encoding cannot hold never reaches a file in it
    try:
        articles = read_corpus(path)
    except CorpusError as error:
        assert "\n" not in str(error) and str(error)
        return
    for article in articles:
        assert article.title and article.text.strip()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400))
def test_the_corpus_reader_takes_any_bytes(tmp_path, data):
    path = tmp_path / "report.txt"
    path.write_bytes(data)
    try:
        read_corpus(path)
    except CorpusError as error:
        assert "\n" not in str(error)


@given(paragraph=st.text(alphabet=REPORT_CHARS, max_size=200))
def test_sentences_tile_their_paragraph_in_order(paragraph):
    spans = split_sentences(paragraph)
    assert all(0 <= start < end <= len(paragraph) for start, end in spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


@settings(max_examples=1000)
@given(text=NUMBERS)
def test_the_number_parser_gives_a_finite_value_or_value_error(text):
    try:
        value = parse_number(text)
    except ValueError as error:
        assert str(error)
        return
    assert isinstance(value, Decimal) and value.is_finite()


@settings(max_examples=1000)
@given(query=SPARQL)
def test_the_guard_passes_or_refuses_with_its_own_errors(query):
    try:
        check(query)
    except (QueryRefused, QueryTooComplex) as error:
        assert "\n" not in str(error)


@given(depth=st.integers(min_value=65, max_value=20_000), bracket=st.sampled_from(["()", "{}", "[]"]))
def test_any_nesting_past_the_limit_is_refused_whatever_the_bracket(depth, bracket):
    opening, closing = bracket
    try:
        check("SELECT * { " + opening * depth + "?s" + closing * depth + " }")
    except QueryTooComplex:
        return
    raise AssertionError(f"{depth} nested {bracket} passed the guard")
