"""The ``metric`` kind: a number measured on a unit (a grade, a word count) against limits."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from contentlint.kinds.base import OptionError, Scope, allow_keys
from contentlint.model.finding import Hit, Unit

# The metrics each scope offers; rule files may only name these (never an arbitrary attribute).
METRICS: dict[Scope, frozenset[str]] = {
    Scope.SENTENCE: frozenset({"words", "grade"}),
    Scope.BLOCK: frozenset({"words", "sentences"}),
    Scope.SECTION: frozenset({"words", "sentences", "flesch_kincaid_grade", "smog_index", "consensus_grade"}),
    Scope.DOCUMENT: frozenset({
        "words", "sentences", "flesch_reading_ease", "flesch_kincaid_grade", "smog_index", "gunning_fog",
        "coleman_liau_index", "dale_chall", "automated_readability_index", "consensus_grade",
        "long_sentence_share",
    }),
}


@dataclass(frozen=True)
class MetricOptions:
    """Which metric, its limits, and how long a unit must be for the metric to mean something."""

    metric: str
    max: float | None
    min: float | None
    min_words: int


class MetricKind:
    """Reports a unit whose metric falls outside ``[min, max]``."""

    scopes = frozenset(Scope)

    def prepare(self, options: Mapping[str, Any]) -> MetricOptions:
        """Validate the metric name and its numeric limits."""
        allow_keys(options, {"metric", "max", "min", "min-words"}, {"metric"})
        metric = options["metric"]
        known = set().union(*METRICS.values())
        if metric not in known:
            raise OptionError("metric", f"unknown metric {metric!r} (known: {', '.join(sorted(known))})")
        limits: dict[str, float | None] = {}
        for key in ("max", "min"):
            value = options.get(key)
            if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
                raise OptionError(key, "must be a number")
            limits[key] = value
        if limits["max"] is None and limits["min"] is None:
            raise OptionError("max", "give `max` or `min`")
        min_words = options.get("min-words", 0)
        if isinstance(min_words, bool) or not isinstance(min_words, int) or min_words < 0:
            raise OptionError("min-words", "must be a whole number of at least 0")
        return MetricOptions(metric, limits["max"], limits["min"], min_words)

    def check(self, unit: Unit, prepared: MetricOptions) -> list[Hit]:
        """Metric rules are evaluated by ``evaluate`` on measured values, not on raw units."""
        return []

    def evaluate(self, values: Mapping[str, float], prepared: MetricOptions) -> Mapping[str, Any] | None:
        """Return message data when the metric is out of range, else ``None``."""
        if values.get("words", 0) < prepared.min_words or prepared.metric not in values:
            return None
        value = values[prepared.metric]
        if prepared.max is not None and value > prepared.max:
            return {"value": value, "max": prepared.max, "min": prepared.min, "metric": prepared.metric}
        if prepared.min is not None and value < prepared.min:
            return {"value": value, "max": prepared.max, "min": prepared.min, "metric": prepared.metric}
        return None
