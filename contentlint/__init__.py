"""contentlint: a linter for health articles.

``contentlint.lint_text`` and ``contentlint.lint_paths`` are the public API (see ``contentlint.api``).
They are imported on first use, so that ``import contentlint`` stays cheap (no spaCy, no rule files).
"""

from __future__ import annotations

import importlib

# Not `from typing import TYPE_CHECKING`: importing typing alone doubles the cost of `import contentlint`.
TYPE_CHECKING = False

__version__ = "0.1.0"

__all__ = ["__version__", "lint_paths", "lint_text"]

if TYPE_CHECKING:
    from typing import Any

    from contentlint.api import lint_paths, lint_text


def __getattr__(name: str) -> Any:
    """Import the API lazily: ``contentlint.lint_text`` loads the engine only when it is called for."""
    if name in ("lint_text", "lint_paths"):
        # Imported on first use, not at the top: `import contentlint` must stay cheap (the CLI's
        # --version, a language server starting up); this is not hiding an import cycle.
        api = importlib.import_module("contentlint.api")
        return getattr(api, name)
    raise AttributeError(f"module 'contentlint' has no attribute {name!r}")
