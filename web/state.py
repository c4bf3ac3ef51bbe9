"""What the app loads once and every blueprint shares."""
from __future__ import annotations

from dataclasses import dataclass

from flask import current_app

from orgkg.graph.store import GraphStore

from .catalogue import Catalogue
from .examples import Example


@dataclass
class AppState:
    """The graph store of the pages, the endpoint's own (the same graph, capacity of its own),
    the precomputed catalogue, the example queries and the ontology files (name → bytes)."""

    store: GraphStore
    endpoint: GraphStore
    catalogue: Catalogue
    examples: list[Example]
    ontology: dict[str, bytes]

    def close(self) -> None:
        """Stop both stores' query workers (the app is shutting down)."""
        self.endpoint.close()
        self.store.close()


def state() -> AppState:
    """The current app's :class:`AppState`."""
    return current_app.extensions["orgkg"]
