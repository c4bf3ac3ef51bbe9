"""Every command and query block of the README runs as written, against a sample build.

Shell blocks run line by line in a scratch checkout (the project's folders linked
in, ``build/`` of its own, ``.venv/bin`` on the path, ``../shared`` beside it);
a line that starts a server runs until the server answers and is then stopped,
or, ending in ``&``, until the end of its block. Lines that would run the test
suite itself are checked without recursing: ``make test`` as ``make -n test``,
``pytest`` with ``--collect-only``. SPARQL blocks are run with ``orgkg query``
and must answer.
"""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from servers import wait_until_up

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCK = re.compile(r"^```(sh|sparql)\n(.*?)^```", re.MULTILINE | re.DOTALL)
BLOCKS = [(lang, body) for lang, body in BLOCK.findall(README)]
SERVER = re.compile(r"^(?:\S+=\S+ )*(?:make (?:run|serve)\b|orgkg serve\b|flask .*\brun\b|oxigraph serve)")
SUITE = re.compile(r"^(?:\S+=\S+ )*(?:make test\b|\S*python -m pytest\b)")


def _port(line: str) -> int:
    found = re.search(r"(?:--port |PORT=|--bind [\d.]+:)(\d+)", line)
    return int(found.group(1)) if found else 5000


def _url(line: str) -> str:
    port = _port(line)
    return f"http://127.0.0.1:{port}/query?query=ASK%7B%7D" if "oxigraph" in line else f"http://127.0.0.1:{port}/"


@pytest.fixture(scope="module")
def checkout(tmp_path_factory):
    """A scratch checkout with a sample build, and the environment the README's commands expect."""
    base = tmp_path_factory.mktemp("readme")
    work = base / "orgkg"
    work.mkdir()
    for entry in ROOT.iterdir():
        if entry.name not in ("build", ".git"):
            (work / entry.name).symlink_to(entry)
    if (ROOT.parent / "shared").is_dir():
        (base / "shared").symlink_to(ROOT.parent / "shared")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTEST_ADDOPTS", "PYTEST_CURRENT_TEST")}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["MAKEFLAGS"] = "-o .venv/bin/orgkg"  # the scratch copy never reinstalls the project's environment
    (work / "build").mkdir()
    subprocess.run(["orgkg", "build", "data/sample", "-o", "build/graph.ttl", "--quiet"], cwd=work, env=env, check=True)
    return work, env


def _lines(body: str) -> list[str]:
    return [line.strip() for line in body.splitlines() if line.strip() and not line.strip().startswith("#")]


def _start(line: str, work: Path, env: dict) -> subprocess.Popen:
    command = line.rstrip("&").strip()
    process = subprocess.Popen(["bash", "-c", command], cwd=work, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, start_new_session=True)
    try:
        wait_until_up(_url(line), process, seconds=180)
    except RuntimeError:
        _stop(process)
        raise
    return process


def _stop(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def _run(line: str, work: Path, env: dict) -> None:
    if SUITE.match(line):
        line = line.split(" #", 1)[0].rstrip()
        line = line.replace("make test", "make -n test", 1) if "make test" in line else line + " --collect-only -q"
    done = subprocess.run(["bash", "-c", line], cwd=work, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"README command failed: {line}\n{done.stdout[-1500:]}\n{done.stderr[-1500:]}"


@pytest.mark.parametrize("body", [b for lang, b in BLOCKS if lang == "sh"],
                         ids=[f"sh-{i}" for i, (lang, _) in enumerate(BLOCKS) if lang == "sh"])
def test_shell_block_runs(checkout, body):
    work, env = checkout
    background = []
    try:
        for line in _lines(body):
            if SERVER.match(line):
                process = _start(line, work, env)
                if line.endswith("&"):
                    background.append(process)
                else:
                    _stop(process)
            else:
                _run(line, work, env)
    finally:
        for process in background:
            _stop(process)


@pytest.mark.parametrize("query", [b for lang, b in BLOCKS if lang == "sparql"],
                         ids=[f"sparql-{i}" for i, (lang, _) in enumerate(BLOCKS) if lang == "sparql"])
def test_query_block_answers(checkout, query):
    work, env = checkout
    done = subprocess.run(["orgkg", "query", query, "-g", "build/graph.ttl", "--format", "csv"], cwd=work, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.strip().splitlines()) >= 2, f"no rows on the sample:\n{query}"


def test_the_readme_has_blocks_of_both_kinds():
    assert {lang for lang, _ in BLOCKS} == {"sh", "sparql"} and len(BLOCKS) >= 6
