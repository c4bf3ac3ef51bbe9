"""The files orgkg ships inside its package: data tables, the ontology, the shapes, the example queries.

Every packaged file is reached here, through :mod:`importlib.resources`, so the
code runs the same from a checkout, an editable install and a wheel.
"""
from __future__ import annotations

from contextlib import ExitStack
from importlib.resources import as_file, files
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

DATA = "orgkg.data"
ONTOLOGY = "orgkg.ontology"
_extracted = ExitStack()  # files handed out as paths stay valid for the life of the process


def data_text(name: str) -> str:
    """The text of a table in ``data/`` (``aliases.tsv``, ``national.tsv``, ``indicators.tsv``)."""
    return files(DATA).joinpath(name).read_text(encoding="utf-8")


def ontology_file(name: str) -> Traversable:
    """A file of ``ontology/``: ``orgkg.ttl`` or ``shapes.ttl``."""
    return files(ONTOLOGY).joinpath(name)


def example_queries() -> list[tuple[str, str]]:
    """``(stem, text)`` of every ``ontology/examples/*.rq``, in file-name order."""
    folder = files(ONTOLOGY).joinpath("examples")
    found = sorted((f.name, f) for f in folder.iterdir() if f.name.endswith(".rq"))
    return [(name[: -len(".rq")], f.read_text(encoding="utf-8")) for name, f in found]


def as_path(package: str, name: str) -> Path:
    """A packaged file or folder as a real path, for libraries that open paths themselves
    (pyvis's template folder, pyshacl, pyoxigraph's loaders)."""
    return _extracted.enter_context(as_file(files(package).joinpath(name)))
