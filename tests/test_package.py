"""The package's shape: every docstring example runs, and the seams between its parts hold.

Data flows corpus → extract → resolve → build → store → web. The web app may
use the graph side only through the vocabulary, the namespaces, the store and
the analyses (which themselves read the graph only through the store);
the graph side never imports the web app or the command line; the command
line is the one module that imports both.
"""
from __future__ import annotations

import ast
import doctest
import importlib
import pkgutil
import re
from pathlib import Path

import pytest


ROOT = Path(__file__).resolve().parent.parent

WEB_MAY_IMPORT = {"orgkg.graph.vocab", "orgkg.graph.namespaces", "orgkg.graph.store", "orgkg.graph.store.results"}
#: The analyses may reach the graph side only through these, so a web app using them stays clear of extraction.
ANALYSIS_MAY_IMPORT = WEB_MAY_IMPORT | {"orgkg.graph.errors", "orgkg.graph.query"}


def _package_modules() -> list[str]:
    names = set()
    for package in ("orgkg", "orgkg.graph", "orgkg.graph.analysis", "orgkg.graph.extract", "orgkg.graph.store", "orgkg.web"):
        module = importlib.import_module(package)
        names.add(package)
        names.update(m.name for m in pkgutil.iter_modules(module.__path__, package + ".") if not m.ispkg)
    return sorted(names - {"orgkg.__main__"})


@pytest.mark.parametrize("name", _package_modules())
def test_docstring_examples(name):
    module = importlib.import_module(name)
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for test in finder.find(module, name):
        runner.run(test)
    assert runner.failures == 0, f"{runner.failures} docstring example(s) of {name} failed; run python -m doctest -v"


def _imports(path: Path, package: str) -> set[str]:
    """The absolute names of the modules a source file imports (relative imports resolved)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parts + ([base] if base else []))
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def _sources(folder: str, package: str):
    for path in sorted((ROOT / folder).rglob("*.py")):
        relative = path.relative_to(ROOT / folder).with_suffix("")
        parts = [p for p in relative.parts if p != "__init__"]
        module_package = ".".join([package, *parts[:-1]]) if path.name != "__init__.py" else ".".join([package, *parts])
        yield path, module_package


def _graph_modules() -> set[str]:
    return {f"orgkg.graph.{'.'.join(p.relative_to(ROOT / 'graph').with_suffix('').parts)}".removesuffix(".__init__")
            for p in (ROOT / "graph").rglob("*.py")}


def test_web_uses_graph_only_through_vocabulary_namespaces_and_store():
    graph_modules = _graph_modules()
    crossings = {}
    for path, package in _sources("web", "orgkg.web"):
        used = {name for name in _imports(path, package) if name in graph_modules} - WEB_MAY_IMPORT - {"orgkg.graph"}
        used = {name for name in used if not name.startswith("orgkg.graph.analysis")}
        if used:
            crossings[str(path.relative_to(ROOT))] = sorted(used)
    assert crossings == {}


def test_analyses_read_the_graph_only_through_the_store():
    """``orgkg.graph.analysis`` works from SPARQL answers, so the web app may use it without reaching extraction."""
    graph_modules = _graph_modules()
    crossings = {}
    for path, package in _sources("graph/analysis", "orgkg.graph.analysis"):
        used = {name for name in _imports(path, package) if name in graph_modules and
                not name.startswith("orgkg.graph.analysis")} - ANALYSIS_MAY_IMPORT - {"orgkg.graph"}
        if used:
            crossings[str(path.relative_to(ROOT))] = sorted(used)
    assert crossings == {}


def test_graph_never_imports_web_or_the_command_line():
    for path, package in _sources("graph", "orgkg.graph"):
        upward = {n for n in _imports(path, package) if n.startswith(("orgkg.web", "orgkg.cli", "flask", "waitress"))}
        assert not upward, f"{path.relative_to(ROOT)} imports {sorted(upward)}"


def test_only_the_command_line_imports_both_halves():
    both = []
    for folder, package in (("orgkg", "orgkg"), ("graph", "orgkg.graph"), ("web", "orgkg.web")):
        for path, module_package in _sources(folder, package):
            names = _imports(path, module_package)
            if any(n.startswith("orgkg.web") for n in names) and any(n.startswith("orgkg.graph") for n in names) \
                    and folder != "web":
                both.append(str(path.relative_to(ROOT)))
    assert both == ["orgkg/cli.py"]


OK_TERM = re.compile(r"\bok:[A-Za-z]")


def test_web_code_names_no_ok_term_as_a_string():
    """Terms come from the generated vocabulary (``web/terms.py``), so a renamed term fails at import."""
    offenders = []
    for path in sorted((ROOT / "web").rglob("*")):
        if path.suffix in (".py", ".js", ".html") and "vendor" not in path.parts:
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if OK_TERM.search(line):
                    offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offenders == []


def test_a_renamed_term_fails_the_web_app_at_import(monkeypatch):
    """With ``ok:concerns`` gone from the vocabulary, the module whose queries use it no longer imports."""
    from orgkg.graph.vocab import OK
    from orgkg.web import entities, terms

    with pytest.raises(AttributeError):
        terms.ok.concernz  # noqa: B018
    lookups = type(OK).__getitem__  # rdflib caches each term it has looked up
    monkeypatch.delitem(OK.__annotations__, "concerns")
    lookups.cache_clear()
    try:
        with pytest.raises(AttributeError, match="concerns"):
            importlib.reload(entities)
    finally:
        monkeypatch.undo()
        lookups.cache_clear()
        importlib.reload(entities)


def test_package_code_reads_files_only_through_resources():
    offenders = [str(p.relative_to(ROOT)) for folder in ("orgkg", "graph", "web") for p in (ROOT / folder).rglob("*.py")
                 if "__file__" in p.read_text(encoding="utf-8")]
    assert offenders == []


def test_no_module_imports_the_folders_by_their_checkout_names():
    """``graph`` and ``web`` are folder names only: code and tests import ``orgkg.graph`` and ``orgkg.web``."""
    bare = []
    for folder in ("orgkg", "graph", "web", "tests", "benchmarks"):
        for path in (ROOT / folder).rglob("*.py"):
            names = _imports(path, "x")
            if any(n.split(".")[0] in ("graph", "web") for n in names):
                bare.append(str(path.relative_to(ROOT)))
    assert bare == []
