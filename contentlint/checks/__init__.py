"""Rule functions for the ``python`` rule kind: context-aware checks too subtle for a pattern."""
