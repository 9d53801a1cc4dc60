"""Rule kinds: the few pieces of Python that rule files instantiate with options.

Each kind validates its options once (``prepare``) and then yields ``Hit``s for a unit of prose.
Kinds know nothing of codes, severities or line numbers.
"""

from __future__ import annotations

from contentlint.kinds.base import Kind, OptionError, Scope
from contentlint.kinds.duplicate import DuplicateKind
from contentlint.kinds.metric import MetricKind
from contentlint.kinds.pattern import PatternKind
from contentlint.kinds.python import PythonKind
from contentlint.kinds.substitution import SubstitutionKind

KINDS: dict[str, Kind] = {
    "pattern": PatternKind(),
    "metric": MetricKind(),
    "duplicate": DuplicateKind(),
    "python": PythonKind(),
    "substitution": SubstitutionKind(),
}

__all__ = ["KINDS", "Kind", "OptionError", "Scope"]
