"""orgkg's world knowledge as tables: region aliases, national campaigns, indicators; and a sample corpus.

Read through :mod:`orgkg.resources`.
"""
