"""Errors orgkg raises on purpose: each message is one line a user can act on."""


class OrgkgError(Exception):
    """Base class of every error orgkg raises on purpose: the command line prints the
    message's first line and exits non-zero; the web app answers with a status."""


class CorpusError(OrgkgError):
    """A corpus file is missing, unreadable, undecodable or holds no article."""


class ExtractionError(OrgkgError):
    """An extractor failed on one sentence; the message names the component, article and sentence."""

    def __init__(self, component: str, doc_id: str, sentence: str | None, cause: Exception):
        where = f"sentence: {sentence[:60]}" if sentence else "no sentence fails on its own"
        cause_text = str(cause).splitlines()[0] if str(cause).strip() else type(cause).__name__
        super().__init__(f"extractor {component!r} failed on {doc_id}: {cause_text} ({where})")
        self.component, self.doc_id, self.sentence = component, doc_id, sentence


class OntologyError(OrgkgError):
    """The ontology or the generated vocabulary module disagree or cannot be read."""


class OutputError(OrgkgError):
    """An output file cannot be written."""


class GraphFileError(OrgkgError):
    """A graph file is missing, of an unknown format or not valid RDF."""


class StoreError(OrgkgError):
    """A query failed; the web app maps each subclass to an HTTP status."""


class QuerySyntaxError(StoreError):
    """The query does not parse; the message is the parser's."""


class AnswerFormatError(StoreError):
    """The answer cannot be written in the format asked for (a triple term in JSON-LD, a control character in XML)."""


class QueryRefused(StoreError):
    """The query asks for something this server does not do (federation)."""


class QueryTooComplex(StoreError):
    """The query is longer, nests deeper or chains more operators than this server runs."""


class QueryCrashed(StoreError):
    """The query took its worker process down (out of memory or the engine's stack); the server goes on."""


class Busy(StoreError):
    """Every query worker is taken and the waiting line is full."""


class QueryTimeout(StoreError):
    """The query ran longer than its time limit and was abandoned."""


class UpstreamError(StoreError):
    """The external SPARQL endpoint failed or could not be reached."""


class NotInGraph(OrgkgError):
    """A name asked for (a region, an item, an indicator) is not in the graph; the message says what is."""
