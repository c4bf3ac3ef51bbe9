"""The orgkg vocabulary as Python names. Generated from ontology/orgkg.ttl by `orgkg vocab`: do not edit."""
from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class OK(DefinedNamespace):
    """https://w3id.org/orgkg/ontology#"""

    _fail = True
    _NS = Namespace("https://w3id.org/orgkg/ontology#")

    # Classes
    Analysis: URIRef  # Analysis
    Article: URIRef  # Article
    Centrality: URIRef  # Centrality
    Community: URIRef  # Community
    Concept: URIRef  # Shared item
    Diffusion: URIRef  # Diffusion
    Figure: URIRef  # Figure
    Indicator: URIRef  # Indicator
    Initiative: URIRef  # Initiative
    Measure: URIRef  # Measure
    Mention: URIRef  # Mention
    Programme: URIRef  # Programme
    Region: URIRef  # Region
    Section: URIRef  # Section
    Sentence: URIRef  # Sentence
    Similarity: URIRef  # Similarity

    # Object properties
    about: URIRef  # about
    between: URIRef  # between
    concept: URIRef  # shared item
    concerns: URIRef  # concerns
    denotes: URIRef  # denotes
    hasSection: URIRef  # has section
    implements: URIRef  # implements
    inSection: URIRef  # in section
    indicator: URIRef  # indicator
    item: URIRef  # item
    member: URIRef  # member
    mentions: URIRef  # mentions
    partOf: URIRef  # part of
    reportedIn: URIRef  # reported in
    shares: URIRef  # shares

    # Datatype properties
    adminCode: URIRef  # administrative division code
    approx: URIRef  # approximation
    articleLevel: URIRef  # article level
    betweenness: URIRef  # betweenness
    communitiesSpanned: URIRef  # communities spanned
    core: URIRef  # core name
    degree: URIRef  # degree
    end: URIRef  # end offset
    level: URIRef  # level
    measures: URIRef  # measures
    method: URIRef  # method
    parameter: URIRef  # parameter
    position: URIRef  # position
    provincesReached: URIRef  # provinces reached
    regionCount: URIRef  # region count
    scope: URIRef  # scope
    score: URIRef  # score
    sourceText: URIRef  # source text
    start: URIRef  # start offset
    surface: URIRef  # surface form
    text: URIRef  # text
    time: URIRef  # time qualifier
    unit: URIRef  # unit
    value: URIRef  # value
