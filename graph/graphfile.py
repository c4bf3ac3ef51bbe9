"""Graph files: load any RDF serialisation, write one safely.

Outputs go through a temporary file in the target folder and a rename, so an
interrupted or failed write never leaves half a graph behind.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph

from .errors import OrgkgError, OutputError
from .store import write_triples

FORMATS = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld", "trig": "trig"}
EXTENSIONS = {".ttl": "ttl", ".nt": "nt", ".jsonld": "jsonld", ".json": "jsonld", ".trig": "trig"}


def format_of(path: str | Path) -> str | None:
    """The format key of a graph file from its extension, or None.

    >>> format_of("build/graph.jsonld")
    'jsonld'
    """
    return EXTENSIONS.get(Path(path).suffix.lower())


def load(path: str | Path) -> Graph:
    """Parse a graph file written by ``orgkg build`` or ``export``.

    :raises OrgkgError: when the file is missing or not valid RDF.
    """
    path = Path(path)
    fmt = format_of(path)
    if fmt is None:
        raise OrgkgError(f"{path}: unknown graph format; use one of {', '.join(EXTENSIONS)}")
    if not path.is_file():
        raise OrgkgError(f"{path}: no such graph file")
    graph = Graph()
    try:
        if fmt == "trig":  # named graphs are merged: the orgkg graph is one graph
            for named in Dataset().parse(path, format="trig").graphs():
                graph += named
        else:
            graph.parse(path, format=FORMATS[fmt])
    except Exception as exc:  # noqa: BLE001 - rdflib parsers raise many unrelated types
        raise OrgkgError(f"{path}: not valid {fmt} ({str(exc).splitlines()[0][:200]})") from exc
    return graph


def serialize(graph: Graph, fmt: str = "ttl") -> bytes:
    """Serialise in one of :data:`FORMATS` (``ttl``, ``nt``, ``jsonld``, ``trig``), byte-stable for the same graph.

    The triples are written as sorted N-Triples (rdflib's fast writer), which is
    the ``nt`` output; the other formats are written from those lines by
    pyoxigraph, about fifteen times faster than rdflib's Turtle writer, with the
    ontology's prefixes. TriG is its Turtle subset (every triple in the default graph).
    """
    if fmt not in FORMATS:
        raise OutputError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    lines = b"".join(sorted(set(graph.serialize(format="nt", encoding="utf-8").splitlines(keepends=True))))
    if fmt == "nt":
        return lines
    triples = (quad.triple for quad in ox.parse(lines, format=ox.RdfFormat.N_TRIPLES))
    return write_triples(triples, ox.RdfFormat.JSON_LD if fmt == "jsonld" else ox.RdfFormat.TURTLE)


def _remove_leftovers(folder: Path, name: str) -> None:
    """Remove the temporary files of earlier writes of ``name`` whose process is gone (killed mid-write)."""
    for leftover in folder.glob(f".{name}.*"):
        pid = leftover.name[len(name) + 2:].split(".", 1)[0]
        if pid.isdigit() and not Path(f"/proc/{pid}").exists():
            leftover.unlink(missing_ok=True)


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write through a temporary file in the same folder, so a failure never leaves half a file.

    :raises OutputError: when the folder is missing or not writable.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    _remove_leftovers(folder, path.name)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", dir=folder)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from exc
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes it private; a graph file is for sharing
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from exc
