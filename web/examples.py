"""The example queries of ``ontology/examples/*.rq``, with their bilingual titles.

Each file starts with ``# title-zh: …`` and ``# title-en: …`` comment lines and
is otherwise a complete query, so it runs as it is in any SPARQL client.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from orgkg.graph.namespaces import ANALYSIS_GRAPH
from orgkg.resources import example_queries

TITLE = re.compile(r"^#\s*title-(zh|en):\s*(.+?)\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Example:
    """One example query; ``name`` is the file's stem."""

    name: str
    title_zh: str
    title_en: str
    query: str

    def title(self, lang: str) -> str:
        """The title in ``lang`` (``"zh"`` or ``"en"``)."""
        return self.title_en if lang == "en" else self.title_zh

    @property
    def reads_analysis(self) -> bool:
        """Whether the query reads the analyses' named graph, which stores written by ``build --store`` hold
        (a served graph file has none).

        >>> text = "# title-zh: 甲\\n# title-en: A\\nASK { GRAPH <%s> { ?s ?p ?o } }" % ANALYSIS_GRAPH
        >>> parse_example("x", text).reads_analysis
        True
        """
        return f"<{ANALYSIS_GRAPH}>" in self.query


def parse_example(name: str, text: str) -> Example:
    """Read the titles from an example's header comments.

    >>> parse_example("x", "# title-zh: 地区\\n# title-en: Regions\\nSELECT * {}").title("en")
    'Regions'

    :raises ValueError: when a title is missing.
    """
    titles = dict(TITLE.findall(text))
    missing = {"zh", "en"} - titles.keys()
    if missing:
        raise ValueError(f"example {name}.rq lacks a title-{'/'.join(sorted(missing))} comment")
    return Example(name, titles["zh"], titles["en"], text)


def load_examples() -> list[Example]:
    """The packaged examples (``ontology/examples/*.rq``), in file-name order."""
    return [parse_example(name, text) for name, text in example_queries()]
