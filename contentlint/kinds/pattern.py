"""The ``pattern`` kind: words or phrases that should not appear, optionally with a replacement.

In the spirit of Vale's ``existence`` and ``substitution`` checks, a rule lists what to find as raw
regular expressions or as token sequences, with bounded context guards, so that most word-level slips
are data, not code:

- ``patterns``: a list of items. An item is a regular expression, or a mapping with ``regex`` (or
  ``tokens``), ``replace`` (the suggestion; backreferences such as ``\\1`` and ``\\g<tail>`` allowed),
  and any of the per-item settings below. The match, or its group ``hit`` when present, is the span
  reported.
- ``tokens``: a token sequence instead of a regex: each element is a word, ``"a|b"`` alternatives, a
  list of words (a lexicon reference works here), or a mapping ``{words: ..., hit: true, optional:
  true}``. Elements are whole words separated by whitespace; ``hit`` elements are the reported span.
- ``swap``: a mapping of regular expression to replacement (kept from the first version of the kind).
- ``case``: ``ignore`` (default) or ``match``, for the rule or per item (``ignore-case: false`` is the
  old spelling of ``case: match``); ``preserve-case``: the suggestion takes the capitalisation of the
  matched text ("Alot" -> "A lot", "ALOT" -> "A LOT").
- ``unless-before`` / ``unless-after``: a guard that cancels a hit when it finds a regex (or one of
  ``words``) in the text before / after it, either all of it or only ``within`` N tokens. Give a
  regex as a string, or ``{regex: R, within: N}`` / ``{words: [...], within: N}``.
- ``exceptions``: regexes whose matches cover (and so cancel) a hit; ``unless``: regexes any of which
  anywhere in the unit cancels every hit of the rule (a qualifier such as psychiatric vocabulary).

Every regex comes from a rule file, so it is compiled through ``compile_all`` (the one place that
guards rule-provided patterns). Hits are reported in text order, each span once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from contentlint.kinds.base import OptionError, Scope, allow_keys, compile_all, string_list
from contentlint.language.saferegex import BoundedPattern
from contentlint.model.finding import Hit, Unit

_RULE_KEYS = {
    "patterns", "swap", "exceptions", "unless", "ignore-case", "case", "preserve-case",
    "unless-before", "unless-after",
}
_ITEM_KEYS = {"regex", "tokens", "replace", "case", "preserve-case", "unless-before", "unless-after"}
_GUARD_KEYS = {"regex", "words", "within"}
# What a guard's ``within`` counts: words, numbers and single punctuation marks.
_TOKEN = re.compile(r"\w+(?:['\u2019]\w+)*|[^\w\s]")
_WORD_EDGE_BEFORE, _WORD_EDGE_AFTER = r"(?<!\w)", r"(?!\w)"  # like \b around word characters


def match_case(original: str, replacement: str) -> str:
    """Return ``replacement`` with the capitalisation pattern of ``original``.

    All capitals stays all capitals (when ``original`` has more than one letter), an initial capital
    stays an initial capital, and anything else is returned as written.
    """
    letters = [c for c in original if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


@dataclass(frozen=True)
class Guard:
    """A context guard: ``pattern`` searched in the text before or after a hit (``within`` tokens)."""

    pattern: BoundedPattern
    within: int | None


@dataclass(frozen=True)
class Item:
    """One compiled pattern with its suggestion template and guards."""

    pattern: BoundedPattern
    replace: str | None
    preserve_case: bool
    before: Guard | None
    after: Guard | None


@dataclass(frozen=True)
class PatternOptions:
    """Compiled items, exceptions (covering spans) and unit-wide qualifiers."""

    items: tuple[Item, ...]
    exceptions: tuple[BoundedPattern, ...]
    unless: tuple[BoundedPattern, ...]


def _alternation(words: list[str]) -> str:
    """Return a regex alternation of literal words or phrases, longest first so prefixes do not win."""
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in unique) + ")"


def _words(value: Any, key: str) -> list[str]:
    """Return a token element's words: ``"a|b"``, a list of words, or either under ``words``."""
    if isinstance(value, str):
        words = [w.strip() for w in value.split("|")]
    elif isinstance(value, list) and all(isinstance(w, str) for w in value):
        words = [w.strip() for w in value]
    else:
        raise OptionError(key, "a token is a word, 'a|b' alternatives or a list of words")
    if not words or not all(words):
        raise OptionError(key, "a token needs at least one non-empty word")
    return words


def tokens_regex(elements: Any, key: str) -> str:
    """Compile a token sequence to a regex; the ``hit`` elements (if any) become the group ``hit``."""
    if not isinstance(elements, list) or not elements:
        raise OptionError(key, "must be a non-empty list of tokens")
    pieces: list[tuple[str, bool, bool]] = []  # (regex, optional, hit)
    for element in elements:
        if isinstance(element, dict):
            unknown = set(element) - {"words", "hit", "optional"}
            if unknown:
                raise OptionError(key, f"unknown token key {min(unknown)!r} (known: words, hit, optional)")
            hit, optional = element.get("hit", False), element.get("optional", False)
            if not isinstance(hit, bool) or not isinstance(optional, bool):
                raise OptionError(key, "`hit` and `optional` are true or false")
            if hit and optional:
                raise OptionError(key, "a reported (`hit`) token cannot be optional")
            pieces.append((_alternation(_words(element.get("words"), key)), optional, hit))
        else:
            pieces.append((_alternation(_words(element, key)), False, False))
    hits = [i for i, piece in enumerate(pieces) if piece[2]]
    if hits and hits != list(range(hits[0], hits[-1] + 1)):
        raise OptionError(key, "the reported (`hit`) tokens must be next to each other")
    out = _WORD_EDGE_BEFORE
    for i, (piece, optional, _hit) in enumerate(pieces):
        separator = r"\s+" if i else ""
        if hits and i == hits[0]:
            out += separator + "(?P<hit>" + piece
        elif optional:
            out += f"(?:{separator}{piece})?"
        else:
            out += separator + piece
        if hits and i == hits[-1]:
            out += ")"
    return out + _WORD_EDGE_AFTER


def _case_flags(value: Any, key: str, default: int) -> int:
    """Return regex flags for a ``case`` setting (``ignore`` or ``match``)."""
    if value is None:
        return default
    if value == "ignore":
        return re.IGNORECASE
    if value == "match":
        return 0
    raise OptionError(key, "must be 'ignore' or 'match'")


def _bool(value: Any, key: str, default: bool) -> bool:
    if value is None:
        return default
    if not isinstance(value, bool):
        raise OptionError(key, "must be true or false")
    return value


def _guard(value: Any, key: str, flags: int) -> Guard | None:
    """Compile an ``unless-before``/``unless-after`` guard (a regex, or a mapping with ``within``)."""
    if value is None:
        return None
    if isinstance(value, str):
        value = {"regex": value}
    if not isinstance(value, dict):
        raise OptionError(key, "must be a regex or a mapping of regex (or words) and within")
    unknown = set(value) - _GUARD_KEYS
    if unknown:
        raise OptionError(key, f"unknown guard key {min(unknown)!r} (known: {', '.join(sorted(_GUARD_KEYS))})")
    if ("regex" in value) == ("words" in value):
        raise OptionError(key, "give `regex` or `words`")
    within = value.get("within")
    if within is not None and (isinstance(within, bool) or not isinstance(within, int) or within < 1):
        raise OptionError(key, "within: must be a whole number of tokens, at least 1")
    if "words" in value:
        source = _WORD_EDGE_BEFORE + _alternation(_words(value["words"], key)) + _WORD_EDGE_AFTER
    elif isinstance(value["regex"], str):
        source = value["regex"]
    else:
        raise OptionError(key, "regex: must be a string")
    (pattern,) = compile_all([source], key, flags)
    return Guard(pattern, within)


_GROUP_REFERENCE = re.compile(r"\\g<([^>]*)>|\\(\d+)")


def _check_template(replace: str, pattern: BoundedPattern, key: str) -> None:
    """Refuse a ``replace`` that names a group the pattern lacks, now rather than at the first match.

    Checked by hand, not by a trial ``sub``, so the message is the same whichever regex engine
    ``compile_all`` uses.
    """
    for name, number in _GROUP_REFERENCE.findall(replace):
        ref = name or number
        known = (ref.isdigit() and int(ref) <= pattern.groups) or ref in pattern.groupindex
        if not known:
            raise OptionError(key, f"replace: the pattern has no group {ref!r}")


def _item(raw: Any, key: str, defaults: Mapping[str, Any], flags: int) -> Item:
    """Compile one ``patterns`` item, the rule-level settings filling what it leaves out."""
    if isinstance(raw, str):
        raw = {"regex": raw}
    if not isinstance(raw, dict):
        raise OptionError(key, "each item is a regex or a mapping with `regex` or `tokens`")
    unknown = set(raw) - _ITEM_KEYS
    if unknown:
        raise OptionError(key, f"unknown item key {min(unknown)!r} (known: {', '.join(sorted(_ITEM_KEYS))})")
    if ("regex" in raw) == ("tokens" in raw):
        raise OptionError(key, "each item gives `regex` or `tokens`")
    if "tokens" in raw:
        source = tokens_regex(raw["tokens"], key)
    elif isinstance(raw["regex"], str):
        source = raw["regex"]
    else:
        raise OptionError(key, "regex: must be a string")
    replace = raw.get("replace")
    if replace is not None and not isinstance(replace, str):
        raise OptionError(key, "replace: must be a string")
    item_flags = _case_flags(raw.get("case"), f"{key}.case", flags)
    (pattern,) = compile_all([source], key, item_flags)
    if replace is not None:
        _check_template(replace, pattern, key)
    preserve = _bool(raw.get("preserve-case"), f"{key}.preserve-case", defaults["preserve-case"])
    # A guard set for the whole rule is named by its rule-level key when it is wrong.
    guards = [_guard(raw[g], f"{key}.{g}", item_flags) if g in raw else _guard(defaults.get(g), g, item_flags)
              for g in ("unless-before", "unless-after")]
    before, after = guards
    return Item(pattern, replace, preserve, before, after)


def _span(match: re.Match[str]) -> tuple[int, int]:
    if "hit" in match.re.groupindex and match.group("hit") is not None:
        return match.span("hit")
    return match.span()


def _window_before(text: str, start: int, within: int | None) -> str:
    """Return the text before ``start``: all of it, or its last ``within`` tokens."""
    if within is None:
        return text[:start]
    tokens = list(_TOKEN.finditer(text, 0, start))
    return text[tokens[-within].start() if len(tokens) >= within else 0:start]


def _window_after(text: str, end: int, within: int | None) -> str:
    """Return the text after ``end``: all of it, or its first ``within`` tokens."""
    if within is None:
        return text[end:]
    stop = end
    for count, token in enumerate(_TOKEN.finditer(text, end), 1):
        stop = token.end()
        if count == within:
            break
    return text[end:stop]


class PatternKind:
    """Reports each match of a pattern that no guard, exception or qualifier cancels."""

    scopes = frozenset({Scope.SENTENCE, Scope.BLOCK})

    def prepare(self, options: Mapping[str, Any]) -> PatternOptions:
        """Validate and compile the options (see the module docstring), naming a bad key."""
        allow_keys(options, _RULE_KEYS)
        if "ignore-case" in options and "case" in options:
            raise OptionError("ignore-case", "give `case` or the older `ignore-case`, not both")
        legacy = _bool(options.get("ignore-case"), "ignore-case", True)
        flags = _case_flags(options.get("case"), "case", re.IGNORECASE if legacy else 0)
        defaults = {
            "preserve-case": _bool(options.get("preserve-case"), "preserve-case", False),
            "unless-before": options.get("unless-before"),
            "unless-after": options.get("unless-after"),
        }
        raw_items = options.get("patterns", [])
        if isinstance(raw_items, str):
            raw_items = [raw_items]
        if not isinstance(raw_items, list):
            raise OptionError("patterns", "must be a list of regexes or items")
        swap = options.get("swap", {})
        if not isinstance(swap, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in swap.items()):
            raise OptionError("swap", "must map patterns to replacement strings")
        items = [_item(raw, "patterns", defaults, flags) for raw in raw_items]
        items += [_item({"regex": k, "replace": v}, "swap", defaults, flags) for k, v in swap.items()]
        if not items:
            raise OptionError("patterns", "give `patterns` or `swap`")
        return PatternOptions(
            tuple(items),
            compile_all(string_list(options, "exceptions"), "exceptions", flags),
            compile_all(string_list(options, "unless"), "unless", flags),
        )

    def check(self, unit: Unit, prepared: PatternOptions) -> Iterator[Hit]:
        """Yield a hit for every match that survives its guards, in text order, each span once."""
        text = unit.text
        if any(q.search(text) for q in prepared.unless):
            return
        covered = [m.span() for ex in prepared.exceptions for m in ex.finditer(text)]
        hits: dict[tuple[int, int], Hit] = {}
        for item in prepared.items:
            for match in item.pattern.finditer(text):
                start, end = _span(match)
                if (start, end) in hits or any(s <= start and end <= e for s, e in covered):
                    continue
                if item.before and item.before.pattern.search(_window_before(text, start, item.before.within)):
                    continue
                if item.after and item.after.pattern.search(_window_after(text, end, item.after.within)):
                    continue
                span = text[start:end]
                suggestion = match.expand(item.replace) if item.replace is not None else None
                if suggestion is not None and item.preserve_case:
                    suggestion = match_case(span, suggestion)
                hits[(start, end)] = Hit(start, end, span, suggestion=suggestion)
        for key in sorted(hits):
            yield hits[key]
