"""Extractor registry and pipeline.

Each extractor is a small component registered by name: a factory that
returns a callable taking an :class:`~graph.doc.Article` and returning it with
its findings added. A pipeline is a list of names, run in order; adding a kind
of extraction is one new module that calls :func:`register`.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Callable, Iterable

from ..doc import Article
from ..errors import ExtractionError, OrgkgError

Component = Callable[[Article], Article]


@dataclass(frozen=True)
class Registration:
    name: str
    factory: Callable[[], Component]
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


REGISTRY: dict[str, Registration] = {}
DEFAULT_PIPELINE = ("regions", "programmes", "initiatives", "figures")


def register(name: str, requires: Iterable[str] = ("sentences",), assigns: Iterable[str] = ()):
    """Register a component factory under ``name``.

    :param requires: article attributes that must be filled before it runs.
    :param assigns: article attributes it fills.
    """

    def decorate(factory):
        REGISTRY[name] = Registration(name, factory, tuple(requires), tuple(assigns))
        return factory

    return decorate


def _load(name: str) -> Registration:
    if name not in REGISTRY:
        try:
            importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError:
            pass
    if name not in REGISTRY:
        raise OrgkgError(f"unknown extractor {name!r}; known: {', '.join(sorted(REGISTRY)) or 'none'}")
    return REGISTRY[name]


class Pipeline:
    """Runs registered components in order, checking what each one needs.

    >>> Pipeline(["regions", "programmes"]).names
    ('regions', 'programmes')
    """

    def __init__(self, names: Iterable[str] = DEFAULT_PIPELINE):
        self.names = tuple(names)
        registrations = [_load(n) for n in self.names]
        available = {"sentences"}
        for reg in registrations:
            missing = [r for r in reg.requires if r not in available]
            if missing:
                raise OrgkgError(f"extractor {reg.name!r} needs {', '.join(missing)}, which no earlier step assigns")
            available.update(reg.assigns)
        self._steps = [(reg.name, reg.factory()) for reg in registrations]

    def __call__(self, article: Article) -> Article:
        for name, step in self._steps:
            try:
                result = step(article)
            except OrgkgError:
                raise
            except Exception as exc:  # noqa: BLE001 - re-raised with the component and article named
                raise ExtractionError(name, article.id, article.title, exc) from exc
            if not isinstance(result, Article):
                raise OrgkgError(f"extractor {name!r} returned {type(result).__name__}, not an Article")
            article = result
        return article
