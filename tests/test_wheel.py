"""orgkg as a new user gets it: the wheel, installed in a fresh virtual environment, run outside the checkout.

Nothing of the checkout is on the path: the commands find their data tables,
ontology, templates and static files inside the installed package, or fail here.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from servers import free_port, stop, wait_until_up

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "sample"
QUERY = ("PREFIX ok: <https://w3id.org/orgkg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
         "SELECT ?name WHERE { ?r a ok:Region ; ok:level \"province\" ; rdfs:label ?name } ORDER BY ?name")


def _run(command: list[str], cwd: Path, env: dict, timeout: float = 600) -> subprocess.CompletedProcess:
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{' '.join(command)}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(bin folder, clean environment, work folder) of a fresh venv holding only the built wheel and its dependencies."""
    base = tmp_path_factory.mktemp("wheel")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    source = base / "source"  # a copy, so setuptools' build/ folder stays out of the checkout
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".venv", ".git", "build", "__pycache__", "*.egg-info",
                                                                 ".pytest_cache", "node_modules"))
    _run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(base / "dist"),
          str(source)], base, env)
    [wheel] = (base / "dist").glob("orgkg-*.whl")
    _run([sys.executable, "-m", "venv", str(base / "venv")], base, env)
    bin_dir = base / "venv" / "bin"
    _run([str(bin_dir / "python"), "-m", "pip", "install", "-q", str(wheel)], base, env, timeout=1200)
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    work = base / "work"
    work.mkdir()
    return bin_dir, env, work


def test_the_wheel_installs_only_the_orgkg_package(installed):
    bin_dir, env, work = installed
    code = "import importlib.metadata as m, json; print(json.dumps([str(f) for f in m.files('orgkg')]))"
    files = json.loads(_run([str(bin_dir / "python"), "-c", code], work, env).stdout)
    tops = {f.split("/")[0] for f in files if not f.startswith("..")}
    assert tops == {"orgkg", "orgkg-0.1.0.dist-info"}, tops
    assert any(f.endswith("bin/orgkg") for f in files)


def test_nothing_comes_from_the_checkout(installed):
    bin_dir, env, work = installed
    code = ("import orgkg.graph, orgkg.web, orgkg.data, orgkg.ontology, sys; "
            "print(orgkg.graph.__file__, orgkg.web.__file__, orgkg.data.__file__, orgkg.ontology.__file__)")
    paths = _run([str(bin_dir / "python"), "-c", code], work, env).stdout.split()
    venv = str(bin_dir.parent)
    assert all(p.startswith(venv) for p in paths), paths
    assert _run([str(bin_dir / "orgkg"), "--version"], work, env).stdout.strip() == "orgkg 0.1.0"


def test_build_query_validate_serve_from_the_wheel(installed):
    bin_dir, env, work = installed
    orgkg = str(bin_dir / "orgkg")
    _run([orgkg, "build", str(SAMPLE), "-o", "graph.ttl", "--quiet"], work, env)
    table = _run([orgkg, "query", QUERY, "-g", "graph.ttl", "--format", "csv"], work, env).stdout
    assert table.splitlines()[0] == "name" and len(table.splitlines()) >= 2
    validated = _run([orgkg, "validate", "graph.ttl"], work, env)
    assert "conforms" in validated.stderr

    port = free_port()
    server = subprocess.Popen([orgkg, "serve", "graph.ttl", "--port", str(port)], cwd=work, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/", server)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/network/", timeout=30) as page:
            assert page.status == 200 and "vis-network" in page.read().decode()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/static/vendor/yasgui/yasgui.min.js", timeout=30) as js:
            assert js.status == 200
    finally:
        stop(server)


def test_flask_finds_the_app_by_its_package_name(installed):
    bin_dir, env, work = installed
    _run([str(bin_dir / "orgkg"), "build", str(SAMPLE), "-o", "flask.ttl", "--quiet"], work, env)
    port = free_port()
    server = subprocess.Popen([str(bin_dir / "flask"), "--app", "orgkg.web", "run", "--port", str(port)], cwd=work,
                              env={**env, "ORGKG_GRAPH": "flask.ttl"}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/", server)
        body = urllib.request.urlopen(f"http://127.0.0.1:{port}/sparql?query=ASK%7B%3Fs%3Fp%3Fo%7D&format=json",
                                      timeout=30).read()
        assert json.loads(body)["boolean"] is True
    finally:
        stop(server)
