"""What the app loads once and every blueprint shares."""
from __future__ import annotations

from dataclasses import dataclass

from flask import current_app

from graph.store import GraphStore

from .catalogue import Catalogue
from .examples import Example


@dataclass
class AppState:
    """The graph store, its precomputed catalogue and the example queries."""

    store: GraphStore
    catalogue: Catalogue
    examples: list[Example]


def state() -> AppState:
    """The current app's :class:`AppState`."""
    return current_app.extensions["orgkg"]
