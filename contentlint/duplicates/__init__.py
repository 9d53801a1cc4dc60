"""Duplicate detection: normalised paragraphs, MinHash fingerprints, clustering and the corpus stage."""
