"""Shared fixtures: the sample corpus the project ships, and the real corpus when ORGKG_CORPUS names it."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "sample"


def full_corpus_path() -> Path | None:
    value = os.environ.get("ORGKG_CORPUS")
    return Path(value) if value else None


@pytest.fixture(scope="session")
def sample_articles():
    from orgkg.graph.build import extract
    from orgkg.graph.corpus import read_corpus

    return extract(read_corpus(SAMPLE))


@pytest.fixture(scope="session")
def sample_graph(sample_articles):
    from orgkg.graph.build import to_graph

    return to_graph(sample_articles)


@pytest.fixture(scope="session")
def corpus_path() -> Path:
    path = full_corpus_path()
    if path is None:
        pytest.skip("set ORGKG_CORPUS to the real corpus file to run the full-corpus tests")
    if not path.is_file():
        pytest.fail(f"ORGKG_CORPUS={path} does not exist")
    return path


@pytest.fixture(scope="session")
def corpus_articles(corpus_path):
    from orgkg.graph.build import extract
    from orgkg.graph.corpus import read_corpus

    return extract(read_corpus(corpus_path))


@pytest.fixture(scope="session")
def corpus_graph(corpus_articles):
    from orgkg.graph.build import to_graph

    return to_graph(corpus_articles)


@pytest.fixture(scope="session")
def corpus_graph_file(corpus_graph, tmp_path_factory) -> Path:
    from orgkg.graph.graphfile import serialize

    path = tmp_path_factory.mktemp("corpus") / "graph.ttl"
    path.write_bytes(serialize(corpus_graph, "ttl"))
    return path
