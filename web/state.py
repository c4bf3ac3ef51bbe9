"""What the app loads once and every blueprint shares."""
from __future__ import annotations

from dataclasses import dataclass

from flask import current_app

from orgkg.graph.store import GraphStore

from .catalogue import Catalogue
from .examples import Example


@dataclass
class AppState:
    """The graph store, its precomputed catalogue, the example queries and the ontology files (name → bytes)."""

    store: GraphStore
    catalogue: Catalogue
    examples: list[Example]
    ontology: dict[str, bytes]


def state() -> AppState:
    """The current app's :class:`AppState`."""
    return current_app.extensions["orgkg"]
