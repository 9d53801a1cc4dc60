"""Code behind the built-in rule packs, one sub-package named after each ``rules/<pack>/`` folder."""
