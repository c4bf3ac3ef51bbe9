"""Analyses of the graph as a network: diffusion, similarity, centrality, indicators, exports, results as RDF.

Everything here starts from :func:`~.projection.project`, a networkx graph built
from SPARQL over :class:`~orgkg.graph.store.GraphStore`, so it works the same on
the embedded store and on a remote endpoint. The graph side of this package uses
only the store, the vocabulary and the namespaces: the web app may import it
without reaching extraction (``tests/test_package.py`` holds that seam).
Each analysis returns a :class:`~.table.Table` that the command line prints and
the web app renders; a name the graph does not hold raises :class:`NotInGraph`.
:mod:`.rdf` writes the results as RDF in a named graph of their own.
"""
from ..errors import NotInGraph

__all__ = ["NotInGraph"]
