"""English names for regions, so the English pages name 成都市 "Chengdu" and a search for it finds it.

A name is its pinyin (pypinyin, toneless, syllables joined, ``'`` before a syllable
that starts with a vowel, as in Xi'an) with the administrative suffix turned into an
English word; ``data/region_english.tsv`` holds those suffixes and the few names
whose conventional form is not their pinyin (陕西省 Shaanxi, 西藏自治区 Tibet).
"""
from __future__ import annotations

from functools import cache

from orgkg.resources import data_text

TABLE = "region_english.tsv"


@cache
def _table() -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    """The whole names and the suffixes (longest first) of :data:`TABLE`."""
    names, suffixes = {}, []
    for line in data_text(TABLE).splitlines():
        if line.strip() and not line.startswith("#"):
            kind, chinese, english = (line.split("\t") + [""])[:3]
            if kind == "name":
                names[chinese] = english
            else:
                suffixes.append((chinese, english))
    return names, tuple(sorted(suffixes, key=lambda s: -len(s[0])))


def english_name(name: str) -> str:
    """The English name of a Chinese region name.

    >>> english_name("成都市"), english_name("西安市"), english_name("雨花区"), english_name("陕西省")
    ('Chengdu', "Xi'an", 'Yuhua District', 'Shaanxi')
    """
    names, suffixes = _table()
    if name in names:
        return names[name]
    stem, word = name, ""
    for suffix, english in suffixes:
        if name.endswith(suffix) and len(name) > len(suffix):
            stem, word = name[: -len(suffix)], english
            break
    from pypinyin import lazy_pinyin  # here: its dictionaries take a quarter second, paid by the catalogue's thread

    syllables = lazy_pinyin(stem, v_to_u=True)
    joined = syllables[0] + "".join("'" + s if s[:1] in "aoe" else s for s in syllables[1:])
    return " ".join(filter(None, (joined[:1].upper() + joined[1:], word)))
