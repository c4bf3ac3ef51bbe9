"""Graph files: load any RDF serialisation, write one safely.

Outputs go through a temporary file in the target folder and a rename, so an
interrupted or failed write never leaves half a graph behind.
"""
from __future__ import annotations

import heapq
import os
import shutil
import tempfile
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

import pyoxigraph as ox
from rdflib import Dataset, Graph
from rdflib.plugins.serializers.nt import _nt_row  # the line rdflib's own N-Triples writer writes

from .errors import OrgkgError, OutputError
from .stats import qname
from .store import write_triples

TYPE = b"<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
RUN = 200_000  # N-Triples lines a build holds before they go to disk as one sorted run (about 40 MB)

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
    _check_format(fmt)
    lines = b"".join(sorted(set(graph.serialize(format="nt", encoding="utf-8").splitlines(keepends=True))))
    if fmt == "nt":
        return lines
    return write_triples((quad.triple for quad in ox.parse(lines, format=ox.RdfFormat.N_TRIPLES)), _ox_format(fmt))


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise OutputError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def _ox_format(fmt: str) -> ox.RdfFormat:
    return ox.RdfFormat.JSON_LD if fmt == "jsonld" else ox.RdfFormat.TURTLE


class SortedRuns:
    """The N-Triples lines of a graph too large to hold, kept as sorted, de-duplicated runs in
    ``folder`` and merged in order at the end: the same lines, in the same order, as
    :func:`serialize` sorts in memory.

    :param run: lines held in memory before they go to disk as one run.
    """

    def __init__(self, folder: Path, run: int | None = None):
        self.folder, self.run = folder, run or RUN
        self._lines: set[bytes] = set()
        self._runs: list[Path] = []

    def add(self, triple: tuple) -> None:
        self._lines.add(_nt_row(triple).encode("utf-8"))
        if len(self._lines) >= self.run:
            self._flush()

    def _flush(self) -> None:
        path = self.folder / f"run-{len(self._runs):05d}.nt"
        path.write_bytes(b"".join(sorted(self._lines)))
        self._runs.append(path)
        self._lines = set()

    def lines(self) -> Iterator[bytes]:
        """Every distinct line, in sorted order."""
        if self._lines:
            self._flush()
        files = [path.open("rb") for path in self._runs]
        try:
            previous = None
            for line in heapq.merge(*files):
                if line != previous:
                    yield line
                    previous = line
        finally:
            for f in files:
                f.close()


@contextmanager
def sorted_runs(path: str | Path) -> Iterator[SortedRuns]:
    """Runs for the graph file ``path``, in a temporary folder beside it (not in ``/tmp``, often
    memory), removed when the block ends; one a killed build left behind goes at the next write.

    :raises OutputError: when the folder is missing or not writable.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    _remove_leftovers(folder, path.name)
    try:
        runs = Path(tempfile.mkdtemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".runs", dir=folder))
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from exc
    try:
        yield SortedRuns(runs)
    finally:
        shutil.rmtree(runs, ignore_errors=True)


@dataclass
class Written:
    """What :func:`write_lines` wrote: the triples and the resources of each class."""

    triples: int
    classes: dict[str, int]


def write_lines(lines: Iterable[bytes], path: str | Path, fmt: str = "ttl") -> Written:
    """Write sorted, distinct N-Triples lines as a graph file in ``fmt``, through temporary files
    and a rename, streaming: neither the lines nor the triples are held.

    :raises OutputError: for an unknown format, or when the folder is missing or not writable.
    """
    _check_format(fmt)
    path = Path(path)
    count, classes = 0, Counter()

    def copy(target: Path) -> None:
        nonlocal count
        with open(target, "wb") as out:
            for line in lines:
                out.write(line)
                count += 1
                _, predicate, rest = line.split(b" ", 2)
                if predicate == TYPE:
                    classes[qname(rest[1:rest.index(b">")].decode())] += 1

    if fmt == "nt":
        with _atomic(path) as target:
            copy(target)
    else:
        with _atomic(path, keep=False) as flat, _atomic(path) as target:
            copy(flat)
            triples = (quad.triple for quad in ox.parse(path=flat, format=ox.RdfFormat.N_TRIPLES))
            write_triples(triples, _ox_format(fmt), output=target)
    return Written(count, dict(sorted(classes.items())))


def _remove_leftovers(folder: Path, name: str) -> None:
    """Remove the temporary files of earlier writes of ``name`` whose process is gone (killed mid-write)."""
    for leftover in folder.glob(f".{name}.*"):
        pid = leftover.name[len(name) + 2:].split(".", 1)[0]
        if pid.isdigit() and not Path(f"/proc/{pid}").exists():
            if leftover.is_dir():
                shutil.rmtree(leftover, ignore_errors=True)
            else:
                leftover.unlink(missing_ok=True)


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write through a temporary file in the same folder, so a failure never leaves half a file.

    :raises OutputError: when the folder is missing or not writable.
    """
    with _atomic(Path(path)) as target:
        target.write_bytes(data)


@contextmanager
def _atomic(path: Path, keep: bool = True) -> Iterator[Path]:
    """A temporary file beside ``path``, renamed to ``path`` when the block ends well (``keep``) or
    removed, and removed whenever the block fails.

    :raises OutputError: when the folder is missing or not writable.
    """
    folder = path.parent if str(path.parent) else Path(".")
    _remove_leftovers(folder, path.name)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", dir=folder)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from exc
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        if keep:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes it private; a graph file is for sharing
            os.replace(tmp, path)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from exc
    finally:
        tmp.unlink(missing_ok=True)
