"""Language analysis: sentence splitting, the shipped tagger and parser, readability measures."""
