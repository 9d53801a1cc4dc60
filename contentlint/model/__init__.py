"""Values every stage shares: documents and their blocks, findings, the source map, engine codes."""
