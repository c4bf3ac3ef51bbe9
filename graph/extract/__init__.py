"""Extractor registry and pipeline.

Each extractor is a small component registered by name: a factory that takes
the pipeline's :class:`~orgkg.graph.knowledge.Knowledge` and returns a callable
taking an :class:`~orgkg.graph.doc.Article` and returning it with its findings
added. A pipeline is a list of names, run in order; adding a kind of extraction
is one new module that calls :func:`register`.

``requires`` and ``assigns`` name fields of :class:`~orgkg.graph.doc.Article`.
They are checked when a component registers (the fields exist), when a
pipeline is made (an earlier step assigns what a step requires) and after each
step has run (it assigned what it declares).
"""
from __future__ import annotations

import dataclasses
import importlib
from dataclasses import dataclass
from typing import Callable, Iterable

from ..doc import EXTRACTED, Article, Sentence
from ..errors import ExtractionError, OrgkgError
from ..knowledge import Knowledge, packaged

Component = Callable[[Article], Article]
READ = frozenset(f.name for f in dataclasses.fields(Article)) - set(EXTRACTED)  # what the reader fills


@dataclass(frozen=True)
class Registration:
    name: str
    factory: Callable[[Knowledge], Component]
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


REGISTRY: dict[str, Registration] = {}
DEFAULT_PIPELINE = ("regions", "programmes", "initiatives", "figures")


def register(name: str, requires: Iterable[str] = ("sentences",), assigns: Iterable[str] = ()):
    """Register a component factory under ``name``.

    :param requires: article fields that must be filled before it runs.
    :param assigns: article fields it fills (extractor fields, see :data:`~orgkg.graph.doc.EXTRACTED`).
    :raises OrgkgError: when a declared field is not a field of the article.
    """
    requires, assigns = tuple(requires), tuple(assigns)
    unknown = [f for f in requires if f not in READ | set(EXTRACTED)] + [f for f in assigns if f not in EXTRACTED]
    if unknown:
        raise OrgkgError(f"extractor {name!r} declares {', '.join(unknown)}, which the article has no field for "
                         f"(extractor fields: {', '.join(EXTRACTED)})")

    def decorate(factory):
        REGISTRY[name] = Registration(name, factory, requires, assigns)
        return factory

    return decorate


def _load(name: str) -> Registration:
    module = f"{__name__}.{name}"
    if name not in REGISTRY:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:  # the module exists but needs something that is not installed
                raise OrgkgError(f"extractor {name!r} cannot be loaded: {exc}") from exc
    if name not in REGISTRY:
        raise OrgkgError(f"unknown extractor {name!r}; known: {', '.join(sorted(REGISTRY)) or 'none'}")
    return REGISTRY[name]


class Pipeline:
    """Runs registered components in order, checking what each one needs and does.

    :param names: the components, in order.
    :param knowledge: what they know of the world; the packaged tables by default.

    >>> Pipeline(["regions", "programmes"]).names
    ('regions', 'programmes')
    """

    def __init__(self, names: Iterable[str] = DEFAULT_PIPELINE, knowledge: Knowledge | None = None):
        self.names = tuple(names)
        knowledge = knowledge or packaged()
        registrations = [_load(n) for n in self.names]
        available = set(READ)
        for reg in registrations:
            missing = [r for r in reg.requires if r not in available]
            if missing:
                raise OrgkgError(f"extractor {reg.name!r} needs {', '.join(missing)}, which no earlier step assigns")
            available.update(reg.assigns)
        self._steps = [(reg, reg.factory(knowledge)) for reg in registrations]

    def __call__(self, article: Article) -> Article:
        for done, (reg, step) in enumerate(self._steps):
            try:
                result = step(article)
            except OrgkgError:
                raise
            except Exception as exc:  # noqa: BLE001 - re-raised with the component, article and sentence named
                sentence = self._failing_sentence(article, done + 1)
                raise ExtractionError(reg.name, article.id, sentence.text if sentence else None, exc) from exc
            if not isinstance(result, Article):
                raise OrgkgError(f"extractor {reg.name!r} returned {type(result).__name__}, not an Article")
            unset = [f for f in reg.assigns if f not in result.assigned()]
            if unset:
                raise OrgkgError(f"extractor {reg.name!r} did not set {', '.join(unset)} on {article.id}")
            article = result
        return article

    def _failing_sentence(self, article: Article, steps: int) -> Sentence | None:
        """The first sentence on which the first ``steps`` steps fail when it is read as an article by itself."""
        for sentence in article.sentences:
            alone = Article(article.id, article.position, article.title, article.level, article.source, sentence.text,
                            sentences=[dataclasses.replace(sentence, index=0, start=0, end=len(sentence.text),
                                                           section=None)])
            try:
                for _, step in self._steps[:steps]:
                    alone = step(alone)
            except Exception:  # noqa: BLE001 - any failure locates the sentence
                return sentence
        return None
