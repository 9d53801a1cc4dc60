"""The readability pack's code rules: hard sentences and repeated sentence starts."""
