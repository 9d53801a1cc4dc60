"""The engine: configuration, rule registry, discovery, the per-document linter, suppression, fixes and the run."""
