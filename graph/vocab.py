"""The orgkg vocabulary as Python names. Generated from ontology/orgkg.ttl by `orgkg vocab`: do not edit."""
from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class OK(DefinedNamespace):
    """https://w3id.org/orgkg/ontology#"""

    _fail = True
    _NS = Namespace("https://w3id.org/orgkg/ontology#")

    # Classes
    Article: URIRef  # Article
    Concept: URIRef  # Shared item
    Figure: URIRef  # Figure
    Indicator: URIRef  # Indicator
    Initiative: URIRef  # Initiative
    Measure: URIRef  # Measure
    Mention: URIRef  # Mention
    Programme: URIRef  # Programme
    Region: URIRef  # Region
    Section: URIRef  # Section
    Sentence: URIRef  # Sentence

    # Object properties
    about: URIRef  # about
    concept: URIRef  # shared item
    concerns: URIRef  # concerns
    denotes: URIRef  # denotes
    hasSection: URIRef  # has section
    implements: URIRef  # implements
    inSection: URIRef  # in section
    indicator: URIRef  # indicator
    mentions: URIRef  # mentions
    partOf: URIRef  # part of
    reportedIn: URIRef  # reported in

    # Datatype properties
    adminCode: URIRef  # administrative division code
    approx: URIRef  # approximation
    articleLevel: URIRef  # article level
    core: URIRef  # core name
    end: URIRef  # end offset
    level: URIRef  # level
    measures: URIRef  # measures
    position: URIRef  # position
    scope: URIRef  # scope
    sourceText: URIRef  # source text
    start: URIRef  # start offset
    surface: URIRef  # surface form
    text: URIRef  # text
    time: URIRef  # time qualifier
    unit: URIRef  # unit
    value: URIRef  # value
