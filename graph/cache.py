"""The extraction cache: a rebuild re-extracts only the articles that changed.

An entry is keyed by everything the reader produced for an article (its text,
sentences, title, level, position …) and by the pipeline's version: the
extractor names, the code of :mod:`orgkg.graph` and the packaged tables. A
changed article, a changed rule or a changed table is therefore a miss, and a
hit is exactly what extraction would give, so the graph is byte-identical to a
clean build.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from dataclasses import fields
from importlib.resources import files
from pathlib import Path
from typing import Iterable

from .doc import EXTRACTED, Article

SUFFIX = ".article"


def pipeline_version(names: Iterable[str]) -> str:
    """A fingerprint of what extraction depends on besides the article itself."""
    digest = hashlib.sha256("\n".join(names).encode())
    for package, suffix in (("orgkg.graph", ".py"), ("orgkg.graph.extract", ".py"), ("orgkg.data", ".tsv")):
        for entry in sorted(files(package).iterdir(), key=lambda e: e.name):
            if entry.name.endswith(suffix):
                digest.update(entry.name.encode() + b"\0" + entry.read_bytes())
    return digest.hexdigest()


def article_key(article: Article, version: str) -> str:
    """The cache key of a freshly read article under a pipeline version."""
    read = tuple(getattr(article, f.name) for f in fields(Article) if f.name not in EXTRACTED)
    return hashlib.sha256(version.encode() + pickle.dumps(read, protocol=5)).hexdigest()


class ExtractionCache:
    """Extracted articles in a folder, one file per article.

    :param folder: where entries live (made when first written).
    :param version: the :func:`pipeline_version` entries must have been made with.
    """

    def __init__(self, folder: str | Path, version: str):
        self.folder, self.version = Path(folder), version
        self.used: set[str] = set()

    def key(self, article: Article) -> str:
        return article_key(article, self.version)

    def get(self, key: str) -> Article | None:
        """The extracted article stored under ``key``, or None (an unreadable entry is a miss)."""
        self.used.add(key)
        try:
            with (self.folder / (key + SUFFIX)).open("rb") as entry:
                return pickle.load(entry)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
            return None

    def put(self, key: str, article: Article) -> None:
        """Store an extracted article, through a temporary file and a rename.

        The cache only saves time: a folder that cannot be written is left alone
        and the build goes on (its output reports its own errors).
        """
        self.used.add(key)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=self.folder)
            with os.fdopen(fd, "wb") as out:
                pickle.dump(article, out, protocol=5)
            os.replace(tmp, self.folder / (key + SUFFIX))
        except OSError:
            return

    def prune(self) -> None:
        """Remove the entries this build did not use (and left-over temporary files)."""
        try:
            for entry in self.folder.iterdir():
                if entry.name.startswith(".") or entry.name.removesuffix(SUFFIX) not in self.used:
                    entry.unlink(missing_ok=True)
        except OSError:
            return
