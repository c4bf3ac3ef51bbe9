"""The prefixes orgkg writes and reads: Turtle output, example queries, the query editor."""

PREFIXES = {
    "ok": "https://w3id.org/orgkg/ontology#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
}
#: Where every resource of the graph lives (``id:region/110000``).
RESOURCE_BASE = "https://w3id.org/orgkg/id/"
#: The named graph the analyses' results are kept in, apart from the extracted facts of the default graph.
ANALYSIS_GRAPH = "https://w3id.org/orgkg/graph/analysis"
