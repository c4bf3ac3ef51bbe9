"""Queries in worker processes that can be stopped: at the deadline the worker is killed and replaced.

pyoxigraph cannot cancel a running query, and a thread that runs one cannot be
stopped, so a query that runs past its time limit would keep its CPU and its
memory until it ends. Here each query runs in a worker process that opened the
on-disk store read-only; the server waits for the answer until the deadline,
then kills the worker (CPU and memory come back at once) and starts another.
While it waits it watches the worker's resident memory and kills it past its
limit; a query that takes its worker down (memory, the engine's stack) is
answered with :class:`QueryCrashed` while the server goes on.
"""
from __future__ import annotations

import atexit
import os
import queue
import socket
import subprocess
import sys
import threading
import time
from multiprocessing.connection import Connection
from pathlib import Path

from ..errors import OrgkgError, QueryCrashed, QueryTimeout


PAGE = os.sysconf("SC_PAGE_SIZE")
#: The largest store (on disk) each worker copies into memory: the full corpus is 10 MB, ten times it 155 MB.
IN_MEMORY_MAX_MB = 256
WATCH = 0.05  # seconds between looks at a busy worker's memory


def serve(fd: int, folder: str, in_memory: bool = True) -> None:
    """A worker's loop, in its own process: answer jobs from the socket ``fd`` until it closes.

    :param in_memory: also copy the store into memory, and answer from the copy once it is
        made: queries run about six times faster there than on the on-disk store, for the
        memory of one copy of the graph per worker. Until then the store on disk answers,
        so a server answers at once whatever the size of its graph.
    """
    from . import LocalBackend

    _die_with_parent()
    connection = Connection(fd)
    current = [LocalBackend.from_store(folder)]
    if in_memory:
        threading.Thread(target=_copy_into_memory, args=(current, folder), daemon=True).start()
    while True:
        try:
            job = connection.recv()
        except (EOFError, OSError):
            return
        try:
            connection.send(("answer", current[0].answer(*job)))
        except OrgkgError as error:
            connection.send(("error", error))


def _copy_into_memory(current: list, folder: str) -> None:
    """Replace ``current[0]``, a backend on the on-disk store, by one on an in-memory copy.

    The copy goes through N-Quads bytes because pyoxigraph's dump and bulk load let go of
    the interpreter lock (copying quad by quad would hold it, stalling the queries meanwhile).
    The workers of one store copy one at a time, at the lowest CPU priority (this thread's,
    and the engine's threads it starts): queries that arrive meanwhile, answered from the
    store on disk, are not kept waiting by copies.
    """
    import fcntl

    import pyoxigraph as ox

    from . import LocalBackend

    os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)  # on Linux, this thread alone
    with open(_copy_lock(folder), "a+b") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        copy = ox.Store()
        copy.bulk_load(current[0].store.dump(format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS)
    current[0] = LocalBackend(copy)


def _copy_lock(folder: str) -> Path:
    """The lock file the workers of the store ``folder`` take turns on (one per store, whichever server)."""
    import hashlib
    import tempfile

    key = hashlib.sha1(os.path.realpath(folder).encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"orgkg-copy-{key}.lock"


def _die_with_parent() -> None:
    """Ask Linux to kill this worker when the server process ends, however it ends (SIGKILL included):
    an orphaned worker would otherwise go on with its query for as long as the query runs."""
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        if os.getppid() == 1:  # the server died before the request took effect
            os._exit(0)


class _Worker:
    """One worker process, started afresh as ``python -c`` (nothing of the server's threads or sockets),
    and the socket the server talks to it through."""

    def __init__(self, folder: str, memory_bytes: int, in_memory: bool):
        self.memory = memory_bytes
        ours, theirs = socket.socketpair()
        code = f"from orgkg.graph.store.workers import serve; serve({theirs.fileno()}, {folder!r}, {in_memory!r})"
        self.process = subprocess.Popen([sys.executable, "-c", code], pass_fds=(theirs.fileno(),),
                                        stdin=subprocess.DEVNULL)
        theirs.close()
        self.connection = Connection(ours.detach())
        self._stopping = threading.Lock()

    def ask(self, job: tuple, timeout: float):
        deadline = time.monotonic() + timeout
        try:  # a socket error means the worker is gone (killed, crashed, or stopped by the shutdown)
            self.connection.send(job)
            while not self.connection.poll(min(WATCH, max(0.0, deadline - time.monotonic()))):
                if time.monotonic() >= deadline:
                    raise QueryTimeout(f"query exceeded the time limit of {timeout:g} s and was stopped")
                if self.memory and self.resident() > self.memory:
                    raise QueryCrashed(f"the query needed more than the {self.memory >> 20} MB a query worker may "
                                       "use; it was stopped and the server goes on")
            kind, value = self.connection.recv()
        except (EOFError, OSError):
            code = self.process.wait()
            raise QueryCrashed(f"the query stopped its worker (exit {code}); the server goes on") from None
        if kind == "error":
            raise value
        return value

    def resident(self) -> int:
        """The worker's resident memory in bytes (0 once it is gone)."""
        try:
            with open(f"/proc/{self.process.pid}/statm", "rb") as statm:
                return int(statm.read().split()[1]) * PAGE
        except (OSError, IndexError, ValueError):
            return 0

    def stop(self) -> None:
        """Kill the process and close its socket, once (the server's shutdown and the thread that
        waited for the worker may both stop it)."""
        with self._stopping:
            if self.connection.closed:
                return
            self.process.kill()
            self.process.wait()
            self.connection.close()


class ProcessBackend:
    """A read-only store queried through a pool of worker processes.

    :param folder: an on-disk store (see :func:`~orgkg.graph.store.write_store`).
    :param workers: worker processes, so queries that may run at once.
    :param memory_mb: each worker's resident-memory limit; 0 for none.
    :param in_memory: each worker queries its own in-memory copy of the store (faster), or the
        store on disk; stores of more than :data:`IN_MEMORY_MAX_MB` on disk are never copied
        (a copy takes about three times its size on disk, once per worker).
    """

    def __init__(self, folder: str | Path, workers: int = 2, memory_mb: int = 4096, in_memory: bool = True):
        from . import LocalBackend

        self.folder, self.memory = str(folder), memory_mb << 20
        self.in_memory = in_memory and _disk_size(Path(folder)) <= IN_MEMORY_MAX_MB << 20
        self.local = LocalBackend.from_store(folder)  # in-process, read-only: whole-graph dumps
        self._idle: queue.SimpleQueue[_Worker] = queue.SimpleQueue()
        self._all: list[_Worker] = []
        self._lock = threading.Lock()
        self._closed = False
        atexit.register(self.close)  # before a temporary store folder is removed (atexit runs last-in first)
        for _ in range(workers):
            self._idle.put(self._start())

    def _start(self) -> _Worker:
        worker = _Worker(self.folder, self.memory, self.in_memory)
        with self._lock:
            self._all.append(worker)
        return worker

    def answer(self, sparql, bindings, default_graphs, named_graphs, timeout, cap, base=None, cancelled=None):
        worker = self._idle.get()
        try:
            return worker.ask((sparql, bindings, default_graphs, named_graphs, timeout, cap, base), timeout)
        except (QueryTimeout, QueryCrashed):
            worker.stop()
            with self._lock:
                if self._closed:
                    raise QueryCrashed("the server is stopping") from None
                self._all.remove(worker)
            worker = self._start()
            raise
        finally:
            self._idle.put(worker)

    def dump(self, fmt):
        return self.local.dump(fmt)

    def close(self) -> None:
        """Stop every worker, for good: a query under way ends with :class:`QueryCrashed`."""
        with self._lock:
            self._closed = True
            workers, self._all = self._all, []
        for worker in workers:
            worker.stop()


def _disk_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
