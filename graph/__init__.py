"""orgkg: a knowledge graph of regions, programmes, initiatives and figures from Chinese work-review reports."""

__version__ = "0.1.0"
