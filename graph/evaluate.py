"""``orgkg evaluate``: score a graph with the project's shared gold-set scorer.

The scorer is the shared ``eval/score.py`` that reads a graph only through the
public vocabulary; wrapping it (rather than re-implementing it) keeps our
numbers the same as everyone else's.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .errors import OrgkgError


def default_scorer(gold: Path) -> Path:
    """``eval/score.py`` next to the folder holding the gold folder (``shared/gold/dev`` → ``shared/eval``)."""
    return gold.resolve().parent.parent / "eval" / "score.py"


def evaluate(graph: str, gold: str, scorer: str | None = None, min_f1: list[str] = (), verbose: bool = False,
             as_json: bool = False) -> int:
    """Run the scorer, print its report, and return its exit status (1 when a threshold fails)."""
    gold_dir = Path(gold)
    if not gold_dir.is_dir() or not any(gold_dir.glob("*.json")):
        raise OrgkgError(f"{gold_dir}: not a folder of gold JSON files")
    script = Path(scorer) if scorer else default_scorer(gold_dir)
    if not script.is_file():
        raise OrgkgError(f"{script}: scorer not found (give one with --scorer)")
    if not Path(graph).is_file():
        raise OrgkgError(f"{graph}: no such graph file")
    command = [sys.executable, str(script), str(graph), str(gold_dir)]
    command += [f"--min-f1={spec}" for spec in min_f1]
    command += ["--verbose"] if verbose else []
    command += ["--json"] if as_json else []
    done = subprocess.run(command, capture_output=True, text=True)
    sys.stdout.write(done.stdout)
    if done.returncode not in (0, 1):
        raise OrgkgError(f"scorer failed: {done.stderr.strip().splitlines()[-1] if done.stderr.strip() else done.returncode}")
    return done.returncode
