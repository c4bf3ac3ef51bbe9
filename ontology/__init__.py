"""The orgkg ontology (``orgkg.ttl``), its SHACL shapes (``shapes.ttl``) and example queries (``examples/``).

Read through :mod:`orgkg.resources`.
"""
