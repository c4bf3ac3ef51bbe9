"""Files kept between runs in the user's cache folder, to skip start-up work that comes out the same every time.

The folder is ``$XDG_CACHE_HOME/orgkg``, else ``~/.cache/orgkg``. A kept file only
saves time: one that is missing or unreadable is made again, and where the folder
cannot be written the next run makes it again. Name a file by the versions of what
it is made from, so an upgrade makes a new one.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")


def folder() -> Path:
    """The user's cache folder for orgkg."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "orgkg"


def kept(name: str, read: Callable[[bytes], T], make: Callable[[], T], dump: Callable[[T], bytes]) -> T:
    """``read`` of the kept file ``name`` (a path under :func:`folder`), else ``make()``, kept for next time.

    The file is written beside its place and renamed into it, so a reader never sees half of it.
    """
    path = folder() / name
    try:
        return read(path.read_bytes())
    except (OSError, EOFError, ValueError, KeyError, TypeError):
        pass  # not made yet, or unreadable: made below
    made = make()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.{os.getpid()}")
        partial.write_bytes(dump(made))
        os.replace(partial, path)
    except OSError:
        pass
    return made
