"""English names for regions, so the English pages name 成都市 "Chengdu" and a search for it finds it.

A name is its pinyin (pypinyin, toneless, syllables joined, ``'`` before a syllable
that starts with a vowel, as in Xi'an) with the administrative suffix turned into an
English word and the peoples it names left out (阿坝藏族羌族自治州 → Aba
Prefecture); ``data/region_english.tsv`` holds those suffixes and peoples, and
the names whose conventional form is not their pinyin (陕西省 Shaanxi, 呼和浩特市
Hohhot, 喀什地区 Kashgar Prefecture). Searches find a region by its plain pinyin and
its name without diacritics too (Huhehaote, Urumqi), see :func:`english_names`.
"""
from __future__ import annotations

import unicodedata
from functools import cache

from orgkg.resources import data_text

TABLE = "region_english.tsv"
#: The language tags of a region's other English forms, beside its English name (``en``).
PINYIN, PLAIN = "zh-Latn-pinyin", "en-x-ascii"


@cache
def _table() -> tuple[dict[str, str], tuple[tuple[str, str], ...], tuple[str, ...]]:
    """The whole names, the suffixes and the peoples (both longest first) of :data:`TABLE`."""
    names, suffixes, peoples = {}, [], []
    for line in data_text(TABLE).splitlines():
        if line.strip() and not line.startswith("#"):
            kind, chinese, english = (line.split("\t") + [""])[:3]
            if kind == "name":
                names[chinese] = english
            elif kind == "people":
                peoples.append(chinese)
            else:
                suffixes.append((chinese, english))
    return names, tuple(sorted(suffixes, key=lambda s: -len(s[0]))), tuple(sorted(peoples, key=len, reverse=True))


def english_names(name: str) -> dict[str, str]:
    """The English name of a Chinese region name (``en``), with the other forms a search should find it
    by where they differ from it: its pinyin (:data:`PINYIN`) and the name without diacritics (:data:`PLAIN`).

    >>> english_names("成都市"), english_names("西安市"), english_names("雨花区")
    ({'en': 'Chengdu'}, {'en': "Xi'an"}, {'en': 'Yuhua District'})
    >>> english_names("呼和浩特市"), english_names("乌鲁木齐市")["en-x-ascii"]
    ({'en': 'Hohhot', 'zh-Latn-pinyin': 'Huhehaote'}, 'Urumqi')
    """
    pinyin = pinyin_name(name)
    english = _table()[0].get(name, pinyin)
    plain = "".join(c for c in unicodedata.normalize("NFKD", english) if not unicodedata.combining(c))
    forms = {"en": english, PINYIN: pinyin, PLAIN: plain}
    return {tag: form for tag, form in forms.items() if tag == "en" or form != english}


def pinyin_name(name: str) -> str:
    """A region name in pinyin, its suffix in English and the peoples it names left out.

    >>> pinyin_name("呼和浩特市"), pinyin_name("大理白族自治州"), pinyin_name("黔东南苗族侗族自治州")
    ('Huhehaote', 'Dali Prefecture', 'Qiandongnan Prefecture')
    >>> pinyin_name("东乡族自治县"), pinyin_name("内蒙古自治区")  # a people's own county keeps its name; 内蒙古 is no 内 + 蒙古
    ('Dongxiang County', 'Neimenggu')
    """
    _, suffixes, peoples = _table()
    stem, word = name, ""
    for suffix, english in suffixes:
        if name.endswith(suffix) and len(name) > len(suffix):
            stem, word = name[: -len(suffix)], english
            break
    stem = _without_peoples(stem, peoples)
    from pypinyin import lazy_pinyin  # here: its dictionaries take a quarter second, paid by the catalogue's thread

    syllables = lazy_pinyin(stem, v_to_u=True)
    joined = syllables[0] + "".join("'" + s if s[:1] in "aoe" else s for s in syllables[1:])
    return " ".join(filter(None, (joined[:1].upper() + joined[1:], word)))


def _without_peoples(stem: str, peoples: tuple[str, ...]) -> str:
    """``stem`` without the peoples' names that end it, as long as a name of two characters or more is
    left (内蒙古 stays whole); a stem that is a people's name alone loses only its 族 (东乡族 → 东乡)."""
    while people := next((p for p in peoples if stem.endswith(p) and len(stem) - len(p) >= 2), None):
        stem = stem[: -len(people)]
    return stem[:-1] if stem in peoples and stem.endswith("族") else stem
