"""What the app loads once and every blueprint shares."""
from __future__ import annotations

import threading
from concurrent.futures import Future
from dataclasses import dataclass
from functools import cached_property

from flask import current_app

from orgkg.graph.namespaces import ANALYSIS_GRAPH
from orgkg.graph.store import GraphStore

from .catalogue import Catalogue
from .examples import Example

#: seconds a page waits for the catalogue while the server starts
CATALOGUE_WAIT = 600


@dataclass
class AppState:
    """The graph store of the pages, the endpoint's own (the same graph, capacity of its own),
    the catalogue (being built), the example queries and the ontology files (name → bytes)."""

    store: GraphStore
    endpoint: GraphStore
    pending: Future[Catalogue]
    examples: list[Example]
    ontology: dict[str, bytes]

    @property
    def catalogue(self) -> Catalogue:
        """The catalogue, once built: the endpoint answers before it is, pages wait for it.

        :raises StoreError: when the store did not answer the catalogue's queries.
        """
        return self.pending.result(timeout=CATALOGUE_WAIT)

    @cached_property
    def gallery(self) -> list[Example]:
        """The examples this graph answers: those reading the analyses' graph only if it holds one
        (``orgkg build --store`` writes it; a served graph file or corpus has none). Asked once."""
        held = self.store.query(f"ASK {{ GRAPH <{ANALYSIS_GRAPH}> {{ ?s ?p ?o }} }}").boolean
        return [e for e in self.examples if held or not e.reads_analysis]

    def close(self) -> None:
        """Stop both stores' query workers (the app is shutting down)."""
        self.endpoint.close()
        self.store.close()


def state() -> AppState:
    """The current app's :class:`AppState`."""
    return current_app.extensions["orgkg"]


def in_background(build, *args) -> Future:
    """Run ``build(*args)`` on a thread of its own; its result or error lands in the returned future."""
    future: Future = Future()

    def run():
        try:
            future.set_result(build(*args))
        except BaseException as error:  # noqa: BLE001 - handed to whoever asks for the result
            future.set_exception(error)

    threading.Thread(target=run, name="catalogue", daemon=True).start()
    return future
