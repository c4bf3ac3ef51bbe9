"""Putting a graph file into a SPARQL server through the SPARQL 1.1 Graph Store HTTP Protocol.

Any server that implements the protocol takes the file as it is: Oxigraph at
``/store``, Apache Jena Fuseki at ``/<dataset>/data``, QLever through its own
loader. The file is streamed, never read into memory whole.
"""
from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from ..errors import GraphFileError, UpstreamError

MEDIA_TYPES = {".ttl": "text/turtle", ".nt": "application/n-triples", ".jsonld": "application/ld+json",
               ".json": "application/ld+json"}


def target(store_url: str, graph: str | None = None) -> str:
    """The Graph Store Protocol URL of the default graph, or of the named graph ``graph``.

    >>> target("http://127.0.0.1:7878/store"), target("http://h/ds/data", "https://w3id.org/orgkg/graph")
    ('http://127.0.0.1:7878/store?default', 'http://h/ds/data?graph=https%3A%2F%2Fw3id.org%2Forgkg%2Fgraph')
    """
    joiner = "&" if "?" in store_url else "?"
    return store_url + joiner + (urllib.parse.urlencode({"graph": graph}) if graph else "default")


def upload(path: str | Path, store_url: str, graph: str | None = None, replace: bool = True,
           timeout: float = 3600) -> None:
    """Send a graph file to ``store_url``: PUT replaces the graph, POST (``replace=False``) adds to it.

    :param path: a ``.ttl``, ``.nt`` or ``.jsonld`` file.
    :param store_url: the server's Graph Store Protocol endpoint.
    :param graph: a named graph's IRI; the default graph when ``None``.
    :raises GraphFileError: for a missing file or a format the protocol cannot carry into one graph.
    :raises UpstreamError: when the server cannot be reached or refuses the data.
    """
    path = Path(path)
    media_type = MEDIA_TYPES.get(path.suffix.lower())
    if media_type is None:
        raise GraphFileError(f"{path}: the Graph Store Protocol takes one graph; export it as .ttl, .nt or .jsonld")
    if not path.is_file():
        raise GraphFileError(f"{path}: no such graph file")
    url = target(store_url, graph)
    with path.open("rb") as body:
        request = urllib.request.Request(url, data=body, method="PUT" if replace else "POST", headers={
            "Content-Type": media_type, "Content-Length": str(path.stat().st_size)})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                response.read()
        except urllib.error.HTTPError as e:
            message = e.read().decode("utf-8", "replace").strip().splitlines()
            raise UpstreamError(f"{store_url} refused the graph ({e.code}: {message[0][:300] if message else e.reason})") \
                from e
        except OSError as e:
            raise UpstreamError(f"{store_url} unreachable: {e}") from e
