"""Punctuation as the extractors read it: the half-width marks of yearbooks, chronicles and
speeches written full-width, so one set of rules reads every style."""
from __future__ import annotations

import re

# half-width punctuation and its full-width form (quotes and commas aside, see :func:`full_width`)
HALF_WIDTH = str.maketrans(";:!?()「」『』", "；：！？（）“”“”")
HALF_WIDTH_MARK = re.compile("[;:!?()「」『』\"',‘]")  # any mark :func:`full_width` rewrites


def full_width(text: str) -> str:
    """``text`` with half-width quotes and clause punctuation written full-width, as
    the rules expect; the length stays, so offsets into it are offsets into ``text``.

    Single quotes that stand outside double ones are the text's main quotes
    (speeches, chronicles): 开展‘红色课堂’活动 reads as 开展“红色课堂”活动.

    >>> full_width('开展了"红色课堂"活动,成效明显;共3,000人(次)')
    '开展了“红色课堂”活动，成效明显；共3,000人（次）'
    >>> full_width("推行'三联'机制，深化“甲‘乙’丙”")
    '推行“三联”机制，深化“甲‘乙’丙”'
    """
    if not HALF_WIDTH_MARK.search(text):
        return text  # (most report sentences: nothing to do)
    quotes = iter("“”" * text.count('"'))
    text = re.sub('"', lambda _: next(quotes), text.translate(HALF_WIDTH))
    text = re.sub(r"(?<![A-Za-z])'([^'“”\n]{1,40})'", r"‘\1’", text)
    text = re.sub(r"‘([^‘’“”\n]{1,40})’", lambda m: "“" + m.group(1) + "”" if depth(text, m.start()) == 0 else m.group(),
                  text)
    return re.sub(r"(?<![0-9０-９]),|,(?![0-9０-９])", "，", text)  # not a thousands separator (3,000, ３,２００)


def depth(text: str, pos: int) -> int:
    """How many double quotes are open at ``pos``."""
    before = text[:pos]
    return before.count("“") - before.count("”")
