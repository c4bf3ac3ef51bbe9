"""orgkg: a knowledge graph of regions, programmes, initiatives and figures from Chinese work-review reports.

The distribution installs one package. Its folders stay where they are in the
checkout and are mapped under it by ``pyproject.toml``: ``graph/`` is
:mod:`orgkg.graph` (corpus to RDF), ``web/`` is :mod:`orgkg.web` (the Flask app),
``data/`` and ``ontology/`` are :mod:`orgkg.data` and :mod:`orgkg.ontology` (the
tables and vocabulary files, read through :mod:`orgkg.resources`). This folder
holds what sits above them: the command line (:mod:`orgkg.cli`).
"""
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("orgkg")  # defined once, in pyproject.toml
except PackageNotFoundError:  # imported from a checkout that was never installed
    __version__ = "0+unknown"
