"""China's administrative divisions, special zones, macro areas and countries, by name.

Divisions and their GB/T 2260 codes come from jionlp's ``china_location``
dictionary rather than cpca's ``adcodes.csv``: measured on the corpus, jionlp
has the post-2017 changes the reports use (即墨区, 新津区, 云冈区, 上党区) where
cpca still has the old units (即墨市, 新津县), and it also lists townships and
villages (without codes), which lets a village named in a report find its
county. Names no package knows (别称, special zones, macro areas) come from the
curated ``data/aliases.tsv``; foreign countries from jionlp's world list.

The gazetteer takes about half a second to build (:func:`load_gazetteer`); the
pipeline builds it once and hands it to the components that need it. Every
region is one :class:`~orgkg.graph.doc.RegionRef` object, so equal keys mean the same object.
"""
from __future__ import annotations

import csv
import io
import sys
from collections import Counter
from contextlib import redirect_stdout
from dataclasses import dataclass
from typing import Iterator

from ..usercache import kept
from .doc import RegionRef
from .errors import OrgkgError

ALIASES = "data/aliases.tsv"  # named in messages about its rows
DIVISION_LEVELS = ("province", "prefecture", "county")
LEVEL_RANK = {level: rank for rank, level in enumerate(
    ("province", "prefecture", "county", "township", "village", "zone", "macro", "foreign"))}
# jionlp groups units directly under a province or prefecture in a pseudo-unit.
PSEUDO_UNITS = ("省直辖行政区划", "市直辖行政区划")
TOWNSHIP_SUFFIXES = ("街道", "镇", "乡", "苏木")
VILLAGE_SUFFIXES = ("社区", "村", "嘎查")
LOCAL_SUFFIXES = TOWNSHIP_SUFFIXES + VILLAGE_SUFFIXES
_LOCAL_SUFFIX_SET = frozenset(LOCAL_SUFFIXES)  # looked up by length: half a million village names per build
_SUFFIX_LENGTHS = sorted({len(s) for s in LOCAL_SUFFIXES})
# the suffixes a township changes between as it grows: 乡 → 镇 → 街道
CHANGING_SUFFIXES = ("街道", "镇", "乡")
NAME_KINDS = ("full", "short", "alias", "guarded")


@dataclass(frozen=True)
class Name:
    """One written form of a region.

    ``kind`` says how much evidence a match needs: ``full`` names and curated
    ``alias`` forms stand on their own, ``short`` forms are checked against
    word context, and ``guarded`` 别称 count only where the text clearly means the
    place (see :mod:`orgkg.graph.extract.regions`).
    """

    form: str
    region: RegionRef
    kind: str


def short_forms(full: str, alias: str) -> list[str]:
    """The short forms of a division worth matching: two characters or more.

    An autonomous or ethnic unit is also written as its short name plus its
    unit word (楚雄州, 峨边县, 管城区).

    >>> short_forms("楚雄彝族自治州", "楚雄")
    ['楚雄', '楚雄州']
    >>> short_forms("管城回族区", "管城")
    ['管城', '管城区']
    >>> short_forms("城区", "城")
    []
    """
    if len(alias) < 2 or alias == full:
        return []
    forms = [alias]
    if ("族" in full or "自治" in full) and not alias.endswith(full[-1]):
        forms.append(alias + full[-1])
    return forms


def local_key(parent: RegionRef, name: str) -> str:
    """A stable key for a region without a code: its parent's key plus its name.

    >>> local_key(RegionRef("141002", "尧都区", "county", "141002"), "御景社区")
    '141002-御景社区'
    """
    return f"{parent.key}-{name}"


def local_suffix(name: str) -> str | None:
    """The township or village suffix a name ends with, else None.

    >>> local_suffix("屯里镇"), local_suffix("御景社区"), local_suffix("临汾经济开发区")
    ('镇', '社区', None)
    """
    for length in _SUFFIX_LENGTHS:  # no suffix ends another, so the first found is the one
        if name[-length:] in _LOCAL_SUFFIX_SET:
            return name[-length:]
    return None


def township_forms(name: str) -> list[str]:
    """The names a township may also be written by, with another township suffix, as
    townships become towns and streets (南曹乡 → 南曹街道).

    >>> township_forms("南曹乡"), township_forms("卓里村"), township_forms("城乡")
    (['南曹街道', '南曹镇'], [], [])
    """
    suffix = local_suffix(name)
    if suffix not in CHANGING_SUFFIXES or len(name) - len(suffix) < 2:
        return []
    return [name[: -len(suffix)] + other for other in CHANGING_SUFFIXES if other != suffix]


def _without_county(name: str, county: str) -> str:
    """A township's name without its county's name, which jionlp puts before some, where
    what is left is a township's name itself (not 芒市镇 → 镇).

    >>> _without_county("红寺堡区红寺堡镇", "红寺堡区"), _without_county("芒市镇", "芒市")
    ('红寺堡镇', '芒市镇')
    """
    rest = name[len(county):] if name.startswith(county) else ""
    suffix = local_suffix(rest)
    return rest if suffix in TOWNSHIP_SUFFIXES and len(rest) - len(suffix) >= 2 else name


def local_level(name: str) -> str | None:
    """``township`` or ``village`` from a name's suffix, else None.

    >>> local_level("屯里镇"), local_level("御景社区"), local_level("临汾经济开发区")
    ('township', 'village', None)
    """
    suffix = local_suffix(name)
    if suffix is None:
        return None
    return "township" if suffix in TOWNSHIP_SUFFIXES else "village"


class Gazetteer:
    """Regions by key and by written form, plus the townships and villages below each county.

    :param tree: jionlp's nested location dictionary (``detail=True``).
    :param countries: foreign countries as (common name, official full name).
    :param aliases: rows of ``data/aliases.tsv`` as dicts.
    """

    def __init__(self, tree: dict, countries: list[tuple[str, str]], aliases: list[dict]):
        self.regions: dict[str, RegionRef] = {}
        self.names: dict[str, list[Name]] = {}
        self._locals_below: dict[str, dict] = {}  # county key -> jionlp township dict
        self._counties_in: dict[str, list[str]] = {}  # region key -> keys of the counties inside, in key order
        self._county_places: dict[str, tuple[dict, list]] = {}
        self._local_cache: dict[str, dict[str, RegionRef]] = {}
        self._repeated_cache: dict[str, frozenset[str]] = {}
        self._township_cache: dict[str, dict[str, RegionRef]] = {}
        self._read_divisions(tree)
        for short, full in countries:
            country = self.special(short, "foreign", None)
            self._name(short, country, "full")
            self._name(full, country, "full")
        for row in aliases:
            self._read_alias(row)
        for key in sorted(self._locals_below):
            for region in self.regions[key].chain():
                self._counties_in.setdefault(region.key, []).append(key)

    def _add(self, region: RegionRef) -> RegionRef:
        return self.regions.setdefault(region.key, region)

    def _name(self, form: str, region: RegionRef, kind: str) -> None:
        entries = self.names.setdefault(form, [])
        if all(n.region is not region for n in entries):
            entries.append(Name(form, region, kind))

    def _read_divisions(self, tree: dict) -> None:
        for province, pdata in tree.items():
            top = self._division(pdata, "province", None)
            for city, cdata in _units(pdata):
                pref = top if cdata["_admin_code"] == top.code or city in PSEUDO_UNITS else \
                    self._division(cdata, "prefecture", top)
                for county, kdata in _units(cdata):
                    if county in PSEUDO_UNITS:
                        continue
                    region = self._division(kdata, "county", pref)
                    self._locals_below[region.key] = kdata

    def _division(self, data: dict, level: str, parent: RegionRef | None) -> RegionRef:
        code, full = data["_admin_code"], data["_full_name"]
        region = self._add(RegionRef(code, full, level, code, parent))
        # a two-character county name is often also a word (城区, 和县): check it like a short form
        self._name(full, region, "short" if level == "county" and len(full) == 2 else "full")
        aliases = data["_alias"] if isinstance(data["_alias"], list) else [data["_alias"]]
        if level == "prefecture" and aliases == [full] and full.endswith("市"):
            aliases = [full[:-1]]  # jionlp gives 吉林市 no short form, as it would repeat its province's
        for alias in aliases:
            for form in short_forms(full, alias):
                self._name(form, region, "short")
        return region

    def _read_alias(self, row: dict) -> None:
        kind, level = row["kind"], row["level"]
        if kind not in NAME_KINDS or level not in LEVEL_RANK:
            raise OrgkgError(f"{ALIASES}: bad kind {kind!r} or level {level!r} for {row['form']!r}")
        if level in DIVISION_LEVELS:
            target = self.find(row["target"])
        else:
            parent = self.find(row["parent"]) if row["parent"] else None
            target = self.special(row["target"], level, parent)
        self._name(row["form"], target, kind)

    def special(self, name: str, level: str, parent: RegionRef | None) -> RegionRef:
        """The zone, macro area or foreign country ``name``, created on first use."""
        key = f"{level}-{name}" if parent is None else f"{level}-{parent.key}-{name}"
        return self._add(RegionRef(key, name, level, None, parent))

    def find(self, name_or_code: str) -> RegionRef:
        """The region with this code or this unambiguous full name.

        :raises OrgkgError: when nothing or several regions match.
        """
        if name_or_code in self.regions:
            return self.regions[name_or_code]
        found = [n.region for n in self.names.get(name_or_code, ()) if n.kind == "full"]
        if len(found) != 1:
            raise OrgkgError(f"{ALIASES}: {name_or_code!r} names {len(found)} regions, give a code")
        return found[0]

    def locals_under(self, region: RegionRef) -> dict[str, RegionRef]:
        """Townships and villages inside ``region`` (any level), by full name.

        A township is named without the county's name jionlp puts before some
        (红寺堡镇 for 红寺堡区红寺堡镇) and also found by the other forms
        :func:`township_forms` gives (南曹街道 for 南曹乡) where no place has that
        name. Built on first use per region; a name repeated inside the region keeps
        its first place.
        """
        if region.key not in self._local_cache:
            table = _Places(self._local)
            counties = [self._places_in(key) for key in self._counties_in.get(region.key, ())]
            for places, _ in reversed(counties):  # the first place of a name wins: update from the last
                table.update(places)
            for _, forms in counties:
                for form, town_ref in forms:
                    table.setdefault(form, town_ref)
            self._local_cache[region.key] = table
        return self._local_cache[region.key]

    def repeated_under(self, region: RegionRef) -> frozenset[str]:
        """The names of :meth:`locals_under` that more than one place inside ``region`` has
        (counted on first use: one region an article is about needs it, the others not)."""
        if region.key not in self._repeated_cache:
            keys = self._counties_in.get(region.key, ())
            counts = Counter(name for key in keys for name in self._place_names(key))
            forms = Counter(form for key in keys for form, _ in self._places_in(key)[1] if form not in counts)
            self._repeated_cache[region.key] = frozenset(
                name for found in (counts, forms) for name, n in found.items() if n > 1)
        return self._repeated_cache[region.key]

    def _towns(self, key: str) -> Iterator[tuple[str, list]]:
        """The townships of one county as (name without the county's, its villages), in jionlp's order."""
        county = self.regions[key]
        for town, villages in self._locals_below[key].items():
            if not town.startswith("_"):
                yield _without_county(town, county.name), villages or []

    def _place_names(self, key: str) -> Iterator[str]:
        """Every township and village name of one county, a name once per place that has it."""
        for town, villages in self._towns(key):
            yield town
            yield from villages

    def _places_in(self, key: str) -> tuple[dict, list]:
        """The townships and villages of one county by name (the first place of a name kept; a
        village's value is ``(township, "village")``, made a region on lookup), and the (form,
        township) pairs of :func:`township_forms`; built on first use."""
        if key not in self._county_places:
            county, places = self.regions[key], {}
            towns = [(town, self._local(county, town, "township"), villages) for town, villages in self._towns(key)]
            for town, town_ref, villages in reversed(towns):  # the first place of a name wins: update from the last
                places.update(dict.fromkeys(reversed(villages), (town_ref, "village")))
                places[town] = town_ref
            forms = [(form, town_ref) for town, town_ref, _ in towns for form in township_forms(town)]
            self._county_places[key] = places, forms
        return self._county_places[key]

    def townships_in(self, region: RegionRef) -> dict[str, RegionRef]:
        """The townships inside ``region`` whose name no other township there has, by name
        (villages left out: a province holds too many, and too many repeat). Built on first use."""
        if region.key not in self._township_cache:
            table: dict[str, RegionRef] = {}
            repeated: set[str] = set()
            for key in self._counties_in.get(region.key, ()):
                county = self.regions[key]
                for name, _ in self._towns(key):
                    if table.setdefault(name, self._local(county, name, "township")).parent is not county:
                        repeated.add(name)
            self._township_cache[region.key] = {n: r for n, r in table.items() if n not in repeated}
        return self._township_cache[region.key]

    def local(self, parent: RegionRef, name: str) -> RegionRef:
        """The township or village ``name`` (its suffix says which) under ``parent``: the listed one,
        or one jionlp does not list (a report's address or list names it), made on first use."""
        return self._local(parent, name, "township")

    def _local(self, parent: RegionRef, name: str, level: str) -> RegionRef:
        """A township or village; jionlp also lists units without a suffix (开发区), kept at ``level``."""
        return self._add(RegionRef(local_key(parent, name), name, local_level(name) or level, None, parent))


class _Places(dict):
    """Places by name whose villages become regions when first looked up: a province holds
    half a million villages, and an article names a handful.

    A value is a :class:`RegionRef` or the ``(parent, level)`` to make one of that name from
    (one tuple shared by every village of a township).
    """

    def __init__(self, make):
        super().__init__()
        self._make = make

    def __getitem__(self, name: str) -> RegionRef:
        value = super().__getitem__(name)
        if isinstance(value, tuple):
            parent, level = value
            value = self._make(parent, name, level)
            super().__setitem__(name, value)
        return value

    def get(self, name: str, default=None):
        return self[name] if name in self else default


def _units(data: dict):
    return ((name, sub) for name, sub in data.items() if not name.startswith("_"))


def read_aliases(text: str) -> list[dict]:
    """Rows of the curated alias table (``#`` lines are comments).

    :param text: the table, as ``data/aliases.tsv`` holds it.
    :raises OrgkgError: for a row without the five columns.
    """
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    fields = ("form", "target", "level", "parent", "kind")
    rows = []
    for values in csv.reader(lines, delimiter="\t"):
        if len(values) != len(fields):
            raise OrgkgError(f"{ALIASES}: expected {len(fields)} tab-separated columns in {values!r}")
        rows.append(dict(zip(fields, (v.strip() for v in values))))
    return rows


def load_gazetteer(aliases: list[dict]) -> Gazetteer:
    """jionlp's divisions and countries plus the curated ``aliases``.

    :param aliases: rows of :func:`read_aliases`.
    """
    return Gazetteer(*_jionlp_tables(), aliases)


def _jionlp_tables() -> tuple[dict, list[tuple[str, str]]]:
    """jionlp's location tree and the world's countries but China, kept in the user's cache.

    jionlp parses its text dictionaries in about two seconds on every start, a third of a
    build; the same tables read back with :mod:`marshal` take a tenth of a second. The
    file is named by jionlp's and Python's versions, so an upgrade makes a new one.
    """
    import marshal
    from importlib.metadata import version

    def parse() -> tuple[dict, list[tuple[str, str]]]:
        with redirect_stdout(io.StringIO()):  # jionlp prints a banner on import
            import jionlp
        countries = [(short, info["full_name"]) for continent in jionlp.world_location_loader().values()
                     for short, info in continent.items() if short != "中国"]
        return jionlp.china_location_loader(detail=True), countries

    name = f"jionlp-{version('jionlp')}-py{sys.version_info[0]}{sys.version_info[1]}.marshal"
    return kept(name, marshal.loads, parse, marshal.dumps)
