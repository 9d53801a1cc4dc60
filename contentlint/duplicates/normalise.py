"""Text normalisation for duplicate detection: make cosmetic variants of one paragraph compare equal.

Two copies of a paragraph often differ only in typography (curly vs straight apostrophes, en dash vs
hyphen), spacing, letter case or leftover markup (``*emphasis*``, ``[link](url)``). None of that
changes what the reader reads, so none of it may hide a duplicate. This module is pure and has no
dependency on the engine.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from contentlint.language.saferegex import BoundedPattern, compile_safe

# Single-quote look-alikes (left/right quotes, low-9, reversed-9, prime) -> apostrophe.
_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u2035\u02bc\u02bb\u0060\u00b4"
# Double-quote look-alikes (left/right, low-9, reversed-9, double prime) -> straight double quote.
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb"
# Hyphen, non-breaking hyphen, figure dash, en dash, em dash, horizontal bar, minus sign -> "-".
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
# Invisible characters that survive copy and paste: soft hyphen, zero-width space/joiners, BOM.
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"

_TRANSLATE = str.maketrans(
    {
        **dict.fromkeys(_SINGLE_QUOTES, "'"),
        **dict.fromkeys(_DOUBLE_QUOTES, '"'),
        **dict.fromkeys(_DASHES, "-"),
        **dict.fromkeys(_INVISIBLE, ""),
    }
)

# Markup remnants. The engine strips most markup; these catch what a simple reader leaves behind.
# The negated classes also stop at the opening character, so that a failed match stops at the
# next "[" or "<" instead of scanning to the end: 64 KB of "[" or "<a" stays linear, not quadratic.
_IMAGE_OR_LINK = re.compile(r"!?\[([^\[\]]*)\]\([^()]*\)")  # [text](url) and ![alt](url) -> text
_REF_LINK = re.compile(r"!?\[([^\[\]]*)\]\[[^\[\]]*\]")  # [text][ref] -> text
_AUTOLINK = re.compile(r"<(?:https?|mailto):[^<>\s]*>")  # <https://...> carries no prose
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
# Emphasis markers only where they touch a word edge, so "snake_case" and "2 * 3" survive.
_EMPHASIS = re.compile(r"(?<![\w*])[*_]+(?=\S)|(?<=\S)[*_]+(?![\w*])")
_BACKTICKS = re.compile(r"`+")
_SPACE = re.compile(r"\s+")

# A word: letters/digits, keeping inner apostrophes and hyphens ("don't", "type-2") in one token so
# that an apostrophe variant cannot change the word count or the shingles.
_WORD = re.compile(r"\w+(?:['-]\w+)*")


def _strip_comments(text: str) -> str:
    """Replace each ``<!-- ... -->`` with a space, in linear time (an unclosed one is kept)."""
    if "<!--" not in text:
        return text
    out: list[str] = []
    position = 0
    while (start := text.find("<!--", position)) >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            break  # no comment closes after here, so none of the later openers can match either
        out.append(text[position:start] + " ")
        position = end + 3
    out.append(text[position:])
    return "".join(out)


def normalise(text: str) -> str:
    """Return ``text`` reduced to what a reader sees, for comparing paragraphs.

    Applies, in order: HTML entity decoding, markup-remnant removal (links to their text, tags,
    emphasis markers, backticks), quote/dash/invisible-character unification, Unicode NFKC,
    whitespace collapsing and case folding. Punctuation other than quotes and dashes is kept, so
    two paragraphs are *exact* duplicates only if they read identically.
    """
    # Each markup pass is skipped when its trigger character is absent: most prose has none, and
    # this keeps normalisation cheap at archive scale.
    if "&" in text:
        text = html.unescape(text)
    if "[" in text:
        text = _REF_LINK.sub(r"\1", _IMAGE_OR_LINK.sub(r"\1", text))
    if "<" in text:
        text = _HTML_TAG.sub(" ", _AUTOLINK.sub(" ", _strip_comments(text)))
    if "`" in text:
        text = _BACKTICKS.sub("", text)
    # Translate before NFKC as well as after: NFKC turns a double prime into two primes, which
    # would become '' instead of ", and it turns full-width look-alikes into characters we map.
    text = unicodedata.normalize("NFKC", text.translate(_TRANSLATE)).translate(_TRANSLATE)
    if "*" in text or "_" in text:
        text = _EMPHASIS.sub("", text)
    return _SPACE.sub(" ", text).strip().casefold()


def words(normalised: str) -> list[str]:
    """Return the words of an already normalised text (the unit of ``min-words`` and shingles)."""
    return _WORD.findall(normalised)


@dataclass(frozen=True, slots=True)
class AllowList:
    """Boilerplate that may repeat freely (a disclaimer every article carries).

    ``texts`` are compared with the normalised paragraph for equality; ``patterns`` must match the
    *whole* normalised paragraph (``re.fullmatch``, case-insensitive), so a short pattern cannot
    silently exempt every paragraph that merely contains it.
    """

    texts: frozenset[str] = frozenset()
    patterns: tuple[BoundedPattern, ...] = ()

    @classmethod
    def parse(cls, entries: Iterable[str | Mapping[str, str]] | None) -> AllowList:
        """Build an allow-list from option entries.

        A plain string is boilerplate text, unless it is wrapped in slashes (``/reviewed on .*/``):
        then it is a regular expression written against normalised text (straight quotes, ``-`` for
        every dash, lower case, single spaces). Mappings ``{text: ...}`` and ``{pattern: ...}`` say
        the same explicitly.
        """
        texts: set[str] = set()
        patterns: list[BoundedPattern] = []
        for entry in entries or ():
            if isinstance(entry, str) and len(entry) > 2 and entry.startswith("/") and entry.endswith("/"):
                entry = {"pattern": entry[1:-1]}
            if isinstance(entry, str):
                texts.add(normalise(entry))
            elif isinstance(entry, Mapping) and set(entry) == {"text"}:
                texts.add(normalise(str(entry["text"])))
            elif isinstance(entry, Mapping) and set(entry) == {"pattern"}:
                try:
                    patterns.append(compile_safe(str(entry["pattern"]), re.IGNORECASE | re.DOTALL))
                except ValueError as exc:
                    raise ValueError(f"allow: {exc}") from None
            else:
                raise ValueError(f"allow: expected a string, {{text: ...}} or {{pattern: ...}}, got {entry!r}")
        return cls(frozenset(texts), tuple(patterns))

    def __bool__(self) -> bool:
        return bool(self.texts or self.patterns)

    def allows(self, normalised: str) -> bool:
        """Return True when the normalised paragraph is allowed boilerplate."""
        return normalised in self.texts or any(p.fullmatch(normalised) for p in self.patterns)
