"""orgkg.graph: corpus in, RDF graph out (reader, extractors, resolver, builder, store)."""
