"""Untrusted regular expressions: refused when catastrophic, bounded in time when run.

Regular expressions come from rule files and configuration written by people who are not
programmers, so they are treated as untrusted: :func:`compile_safe` refuses patterns that match
empty text and patterns with nested quantifiers (``(a+)+$``, ``(\\w+\\s?)*$``), whose backtracking
is exponential, and the compiled pattern runs with the ``regex`` package's ``timeout`` so that a
pattern the static check misses still ends (:class:`RegexTimeout`).

Both the rule kinds and the duplicate stage's ``allow`` option compile patterns here, so this sits
below both (it depends on nothing in contentlint).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import regex

try:  # Python 3.11+: the parser module is private but stable enough for a static check.
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _sre_parse  # type: ignore[no-redef]

#: Seconds one search of one unit may take before :class:`RegexTimeout` stops the rule.
REGEX_TIMEOUT = 0.5

class RegexTimeout(RuntimeError):
    """A pattern from a rule file or configuration ran longer than :data:`REGEX_TIMEOUT`."""

    def __init__(self, pattern: str, timeout: float = REGEX_TIMEOUT) -> None:
        super().__init__(f"regular expression {pattern!r} took longer than {timeout:g} s and was stopped")
        self.pattern = pattern


@dataclass(frozen=True)
class BoundedPattern:
    """A compiled ``regex`` pattern whose every search is bounded by :data:`REGEX_TIMEOUT`.

    It offers the subset of ``re.Pattern`` the rule kinds use; matches are ``regex`` matches, which
    support ``span``, ``group``, ``expand`` and ``re.groupindex`` like ``re`` matches.
    """

    compiled: Any = field(repr=False)
    pattern: str = ""
    timeout: float = REGEX_TIMEOUT

    @property
    def groupindex(self) -> Mapping[str, int]:
        """Named groups, as ``re.Pattern.groupindex``."""
        return self.compiled.groupindex  # type: ignore[no-any-return]

    @property
    def flags(self) -> int:
        """The pattern's flags."""
        return self.compiled.flags  # type: ignore[no-any-return]

    @property
    def groups(self) -> int:
        """The number of capturing groups, as ``re.Pattern.groups``."""
        return self.compiled.groups  # type: ignore[no-any-return]

    def sub(self, replacement: str, text: str, count: int = 0) -> str:
        """``re.sub`` with a time bound."""
        try:
            return self.compiled.sub(replacement, text, count=count, timeout=self.timeout)  # type: ignore[no-any-return]
        except TimeoutError:
            raise RegexTimeout(self.pattern, self.timeout) from None

    def search(self, text: str) -> Any:
        """``re.search`` with a time bound."""
        try:
            return self.compiled.search(text, timeout=self.timeout)
        except TimeoutError:
            raise RegexTimeout(self.pattern, self.timeout) from None

    def match(self, text: str) -> Any:
        """``re.match`` with a time bound."""
        try:
            return self.compiled.match(text, timeout=self.timeout)
        except TimeoutError:
            raise RegexTimeout(self.pattern, self.timeout) from None

    def fullmatch(self, text: str) -> Any:
        """``re.fullmatch`` with a time bound."""
        try:
            return self.compiled.fullmatch(text, timeout=self.timeout)
        except TimeoutError:
            raise RegexTimeout(self.pattern, self.timeout) from None

    def finditer(self, text: str) -> Iterator[Any]:
        """``re.finditer`` with a time bound on the whole iteration."""
        try:
            yield from self.compiled.finditer(text, timeout=self.timeout)
        except TimeoutError:
            raise RegexTimeout(self.pattern, self.timeout) from None


_REPEATS = {_sre_parse.MAX_REPEAT, _sre_parse.MIN_REPEAT}


def _children(op: Any, av: Any) -> list[Any]:
    """The sub-patterns of one parsed node (groups, branches, lookarounds, repeats)."""
    if op in _REPEATS or op == getattr(_sre_parse, "POSSESSIVE_REPEAT", None):
        return [av[2]]
    if op == _sre_parse.SUBPATTERN:
        return [av[-1]]
    if op == _sre_parse.BRANCH:
        return list(av[1])
    if op in (_sre_parse.ASSERT, _sre_parse.ASSERT_NOT):
        return [av[1]]
    if op == _sre_parse.GROUPREF_EXISTS:
        return [branch for branch in av[1:] if branch is not None]
    return []


_SINGLE = {_sre_parse.LITERAL, _sre_parse.NOT_LITERAL, _sre_parse.IN, _sre_parse.ANY, _sre_parse.CATEGORY}
# Characters a single-character item is tried on to tell whether two items can match the same one.
_SAMPLES = [chr(c) for c in range(0x20, 0x7F)] + list("\t\n\r\u00a0\u2009éßİ中😀_-’”")


def _single_char(item: Any) -> Any:
    """The one-character node an item matches, through a repeat (``\\w+`` gives ``\\w``), or ``None``."""
    op, av = item
    if op in _SINGLE:
        return item
    if op in _REPEATS and len(av[2]) == 1 and av[2][0][0] in _SINGLE:
        return av[2][0]
    return None


def _matches(node: Any, state: Any) -> set[str]:
    """The sample characters one single-character node matches."""
    try:
        from re import _compiler as compiler  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_compile as compiler  # type: ignore[no-redef]
    compiled = compiler.compile(_sre_parse.SubPattern(state, [node]), state.flags)
    return {c for c in _SAMPLES if compiled.fullmatch(c)}


def _delimited(body: Any, index: int) -> bool:
    """Whether the repeat at ``body[index]`` is always followed by a character it cannot match.

    ``(\\w+\\s)*`` and ``(\\s\\w+)*`` split text one way only: each run of word characters ends at
    the one space that follows it. The item after the last one is the first of the next round.
    """
    items = list(body)
    if len(items) < 2:
        return False
    inner = _single_char(items[index])
    op, av = items[(index + 1) % len(items)]
    follower = _single_char((op, av))
    if inner is None or follower is None or (op in _REPEATS and av[0] < 1):
        return False
    return not (_matches(inner, body.state) & _matches(follower, body.state))


def _has_unbounded_repeat(tree: Any, top: bool = False) -> bool:
    """Whether ``tree`` holds a backtracking repeat of unbounded (or long) length that is ambiguous.

    At the ``top`` of a repeated body, a repeat that a disjoint character always follows is not
    ambiguous (see :func:`_delimited`).
    """
    for index, (op, av) in enumerate(tree):
        if op in _REPEATS and av[1] - av[0] > 8 and not (top and _delimited(tree, index)):
            return True
        if any(_has_unbounded_repeat(child) for child in _children(op, av)):
            return True
    return False


def _nested_quantifier(tree: Any) -> bool:
    """Whether a repeat contains another variable repeat: ``(a+)+``, ``(\\w+\\s?)*``, ``(a*){2,}``.

    Such a pattern can split one run of text between the two repeats in exponentially many ways,
    and a failing match tries them all. Possessive repeats and atomic groups do not backtrack, so
    they are not counted; neither is a repeat of at most 8 iterations (its cost is bounded).
    """
    for op, av in tree:
        if op in _REPEATS and av[1] > 1:
            body = av[2]
            # A group as the whole body: look at the group's items.
            if len(body) == 1 and body[0][0] == _sre_parse.SUBPATTERN:
                body = body[0][1][-1]
            if _has_unbounded_repeat(body, top=True):
                return True
        if any(_nested_quantifier(child) for child in _children(op, av)):
            return True
    return False


def check_pattern(pattern: str, flags: int = 0, allow_empty: bool = False) -> str | None:
    """Return why ``pattern`` is refused (catastrophic backtracking, matches empty text), or ``None``.

    The check reads the pattern as Python's own parser does; a pattern only the ``regex`` package
    understands is not checked statically (the run-time timeout still bounds it).
    """
    try:
        tree = _sre_parse.parse(pattern, flags)
    except (re.error, OverflowError, RecursionError):
        return None
    if _nested_quantifier(tree):
        return ("has a repeat inside a repeat (like (a+)+ or (\\w+\\s?)*), which can take exponential time; "
                "make each round end in a character the repeat inside cannot match, e.g. (\\w+\\s)+")
    if not allow_empty and tree.getwidth()[0] == 0:
        return "can match empty text, which would report every position; make it match at least one character"
    return None


def compile_safe(pattern: str, flags: int = 0, allow_empty: bool = False) -> BoundedPattern:
    """Compile an untrusted ``pattern``: refused (``ValueError``) when bad, bounded in time when run."""
    if not isinstance(pattern, str):
        raise ValueError(f"bad regular expression {pattern!r}: must be a string")
    try:
        compiled = regex.compile(pattern, flags)
        re.compile(pattern, flags)  # rule files promise Python's syntax; the regex module accepts more
    except (re.error, regex.error, OverflowError, RecursionError) as exc:
        raise ValueError(f"bad regular expression {pattern!r}: {exc}") from None
    problem = check_pattern(pattern, flags, allow_empty)
    if problem:
        raise ValueError(f"regular expression {pattern!r} {problem}")
    return BoundedPattern(compiled, pattern, REGEX_TIMEOUT)
