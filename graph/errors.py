"""Errors orgkg raises on purpose: each message is one line a user can act on."""


class OrgkgError(Exception):
    """Base class: the CLI prints the message and exits non-zero."""


class CorpusError(OrgkgError):
    """A corpus file is missing, unreadable, undecodable or holds no article."""


class ExtractionError(OrgkgError):
    """An extractor failed on one sentence; the message names the component, article and sentence."""

    def __init__(self, component: str, doc_id: str, sentence: str, cause: Exception):
        super().__init__(f"extractor {component!r} failed on {doc_id}: {cause} (sentence: {sentence[:60]})")
        self.component, self.doc_id, self.sentence = component, doc_id, sentence


class OntologyError(OrgkgError):
    """The ontology or the generated vocabulary module disagree or cannot be read."""


class OutputError(OrgkgError):
    """An output file cannot be written."""
