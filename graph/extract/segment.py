"""jieba's segmentation as the extractors read it: words and their parts of speech,
without HMM guessing, cached per phrase (the same short phrases recur in every report)."""
from __future__ import annotations

from functools import lru_cache

import jieba.posseg


@lru_cache(maxsize=1024)
def tagged(phrase: str) -> tuple[tuple[str, str], ...]:
    """jieba's words of ``phrase`` with their parts of speech (no HMM guessing).

    >>> tagged("澄清保护")
    (('澄清', 'v'), ('保护', 'v'))
    """
    return tuple((word.word, word.flag) for word in jieba.posseg.cut(phrase, HMM=False))
