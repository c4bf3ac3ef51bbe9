"""Serve the app with waitress: ``orgkg serve GRAPH`` ends up here."""
from __future__ import annotations

import logging
from pathlib import Path

import waitress

from graph.errors import OrgkgError
from graph.graphfile import format_of
from graph.store import StoreError

from . import create_app

log = logging.getLogger("orgkg.web")


def app_config(source: str, endpoint: str | None = None) -> dict:
    """The app config for a source: a graph file is loaded as it is, a corpus is built first.

    :param source: a graph file (.ttl .nt .jsonld .trig) or a corpus (.txt file or folder).
    :param endpoint: an external SPARQL endpoint to query instead; ``source`` is then unused.
    """
    if endpoint:
        return {"SPARQL_ENDPOINT": endpoint}
    if format_of(source) is not None:
        if not Path(source).is_file():
            raise OrgkgError(f"{source}: no such graph file")
        return {"GRAPH": source}
    from graph.build import build_corpus

    return {"GRAPH": build_corpus(source)}


def run(source: str, host: str = "127.0.0.1", port: int = 5000, endpoint: str | None = None) -> None:
    """Build or load the graph, then serve the app until interrupted.

    :param source: a graph file or a corpus, see :func:`app_config`.
    :param host: interface to bind; the default keeps the endpoint private to this machine.
    :param port: TCP port.
    :param endpoint: URL of an external SPARQL endpoint to serve from instead of ``source``.
    :raises OrgkgError: when the graph cannot be loaded, the endpoint answers badly or the port is taken.
    """
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    try:
        app = create_app(app_config(source, endpoint))
    except (SyntaxError, ValueError) as exc:
        raise OrgkgError(f"{source}: cannot load the graph ({str(exc).splitlines()[0]})") from exc
    except StoreError as exc:
        raise OrgkgError(str(exc).splitlines()[0]) from exc
    try:
        server = waitress.create_server(app, host=host, port=port, threads=8, ident="orgkg")
    except OSError as exc:
        raise OrgkgError(f"cannot listen on {host}:{port} ({exc.strerror or exc})") from exc
    log.info("orgkg serving on http://%s:%d/ (SPARQL endpoint http://%s:%d/sparql)", host, port, host, port)
    server.run()
