"""The parts of a rule file that are not the rule: its examples, and the shared lexicons it names.

Word lists shared by several rules live once, in ``rules/lexicons/<topic>.yaml`` (a mapping of lexicon
name to value); a rule option refers to one as ``{lexicon: NAME}`` (also as an item of a list, whose
items it then joins). A name defined twice is an error, so no list can drift from its copy.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

CODE_RE = re.compile(r"^[A-Z]{2}\d{3}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
#: The folder of shared word lists inside a rules directory (not a pack).
LEXICONS_DIR = "lexicons"

_EXAMPLE_KEYS = {"text", "suggestion", "span", "start", "end", "count", "fixed"}

# The C loader is several times faster when PyYAML was built with libyaml; both are safe loaders.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class RuleError(Exception):
    """A rule file is invalid; the message names the file and the key."""


def read_yaml(path: Path, what: str) -> Any:
    """Parse the YAML file ``path``; a file that cannot be read or parsed is a ``RuleError`` naming it."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise RuleError(f"{path}: cannot read {what}: {exc}") from None


@dataclass(frozen=True)
class Example:
    """A bad or good example from a rule file, with what the rule must report on it exactly.

    ``spans`` are the matched texts of the findings in order, ``suggestions`` their suggestions (a
    single ``suggestion`` is the first one's), ``start``/``end`` the offsets of the first finding in
    ``text``, ``count`` the number of findings (0 for a good example) and ``fixed`` the text after
    ``--fix``. ``None`` means the rule file does not state that part.
    """

    text: str
    suggestion: str | None = None
    spans: tuple[str, ...] | None = None
    suggestions: tuple[str, ...] | None = None
    start: int | None = None
    end: int | None = None
    count: int | None = None
    fixed: str | None = None

    def expected_count(self) -> int | None:
        """Return the number of findings the example states, directly or through its spans."""
        if self.count is not None:
            return self.count
        if self.spans is not None:
            return len(self.spans)
        return None


def _strings(value: Any, key: str, where: str) -> tuple[str, ...] | None:
    """Return a string or a list of strings as a tuple (``None`` when absent)."""
    if value is None:
        return None
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise RuleError(f"{where}: {key}: must be a string or a list of strings")


def _example(item: Any, where: str, good: bool) -> Example:
    """Validate one example: a string, or a mapping of ``text`` and the expected findings."""
    if isinstance(item, str):
        return Example(item, count=0 if good else None)
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        raise RuleError(f"{where}: each example is a string or a mapping with `text`")
    unknown = set(item) - _EXAMPLE_KEYS
    if unknown:
        raise RuleError(f"{where}: {min(unknown)}: unknown example key (known: {', '.join(sorted(_EXAMPLE_KEYS))})")
    for key in ("start", "end", "count"):
        value = item.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
            raise RuleError(f"{where}: {key}: must be a whole number of at least 0")
    if item.get("fixed") is not None and not isinstance(item["fixed"], str):
        raise RuleError(f"{where}: fixed: must be a string")
    spans = _strings(item.get("span"), "span", where)
    suggestions = _strings(item.get("suggestion"), "suggestion", where)
    count = item.get("count")
    if good and (count or spans or suggestions):
        raise RuleError(f"{where}: a good example states no findings")
    if spans is not None and count is not None and count != len(spans):
        raise RuleError(f"{where}: count: {count} findings but {len(spans)} spans")
    return Example(
        item["text"], suggestion=suggestions[0] if suggestions else None, spans=spans,
        suggestions=suggestions if suggestions and len(suggestions) > 1 else None,
        start=item.get("start"), end=item.get("end"), count=0 if good else count, fixed=item.get("fixed"),
    )


def _examples(raw: Any, where: str, good: bool = False) -> tuple[Example, ...]:
    if not isinstance(raw, list):
        raise RuleError(f"{where}: must be a list")
    return tuple(_example(item, where, good) for item in raw)


Lexicons = Mapping[str, tuple[str, Any]]  # name -> (file that defines it, value)


def load_lexicons(directories: Sequence[Path]) -> dict[str, tuple[str, Any]]:
    """Read every ``lexicons/*.yaml`` of ``directories``; a name defined twice is an error."""
    found: dict[str, tuple[str, Any]] = {}
    for directory in directories:
        folder = directory / LEXICONS_DIR
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.yaml")):
            data = read_yaml(path, "lexicon file")
            if not isinstance(data, dict):
                raise RuleError(f"{path}: a lexicon file maps lexicon names to word lists")
            for name, value in data.items():
                if not isinstance(name, str) or not NAME_RE.match(name):
                    raise RuleError(f"{path}: {name}: a lexicon name is kebab-case")
                if name in found:
                    raise RuleError(f"{path}: {name}: lexicon already defined in {found[name][0]}")
                if not isinstance(value, (list, dict)):
                    raise RuleError(f"{path}: {name}: a lexicon is a list or a mapping")
                found[name] = (str(path), value)
    return found


def _reference(value: Any) -> str | None:
    """Return the lexicon name of a ``{lexicon: NAME}`` reference, else ``None``."""
    if isinstance(value, dict) and set(value) == {"lexicon"} and isinstance(value["lexicon"], str):
        return value["lexicon"]
    return None


def resolve_lexicons(value: Any, lexicons: Lexicons, where: str) -> Any:
    """Replace every ``{lexicon: NAME}`` in an option value by the lexicon (joined into a list)."""
    name = _reference(value)
    if name is not None:
        if name not in lexicons:
            raise RuleError(f"{where}: unknown lexicon {name!r} (known: {', '.join(sorted(lexicons)) or 'none'})")
        return resolve_lexicons(lexicons[name][1], lexicons, where)
    if isinstance(value, list):
        out: list[Any] = []
        for item in value:
            resolved = resolve_lexicons(item, lexicons, where)
            if _reference(item) is not None and isinstance(resolved, list):
                out.extend(resolved)
            else:
                out.append(resolved)
        return out
    if isinstance(value, dict):
        return {k: resolve_lexicons(v, lexicons, f"{where}.{k}") for k, v in value.items()}
    return value


__all__ = ["CODE_RE", "LEXICONS_DIR", "NAME_RE", "Example", "Lexicons", "RuleError", "load_lexicons",
           "resolve_lexicons"]
