"""The one place where offsets become line and column: source maps and the prose builder.

Readers turn markup into prose text; every prose character remembers the offset of the source
character it came from, and ``SourceMap`` turns a source offset into a 1-based line and column.
Columns count characters (not bytes), so a tab, an accented letter or an emoji each count as one.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

# Characters a source never needs to encode: a run of them stands in the source as written.
_PLAIN_RUN = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ,.;:!?()-]*")
# How far the character-by-character aligner may skip ahead in the source to find one character.
# Escapes and entities ("\\*", "&amp;") need a few; a longer jump would more likely be a false match.
_MAX_CHAR_SKIP = 12

# Line breaks as CommonMark and browsers see them: "\r\n", a lone "\r" (old Mac files) and "\n".
LINE_BREAK_RE = re.compile(r"\r\n|\r|\n")
# A character reference in the source ("&nbsp;", "&#160;", "&#xA0;"), and a backslash escape.
_ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ESCAPABLE = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")

_URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'\"’”]", re.IGNORECASE)
_SPACE_RE = re.compile(r"\s+")


class SourceMap:
    """Maps offsets in a decoded file to 1-based (line, column) positions."""

    def __init__(self, text: str) -> None:
        """Index the line starts of ``text``; ``\\r\\n``, a lone ``\\r`` and ``\\n`` each end a line.

        CommonMark parsers and browsers treat all three as line breaks, so counting them all keeps
        the lines reported here equal to the lines a reader's parser reports.
        """
        self._starts = [0] + [m.end() for m in LINE_BREAK_RE.finditer(text)]
        self._length = len(text)

    def position(self, offset: int) -> tuple[int, int]:
        """Return the 1-based line and column of the character at ``offset``."""
        offset = max(0, min(offset, self._length))
        index = bisect_right(self._starts, offset) - 1
        return index + 1, offset - self._starts[index] + 1

    def line_start(self, line: int) -> int:
        """Return the offset of the first character of 1-based ``line``."""
        if line - 1 >= len(self._starts):
            return self._length
        return self._starts[max(0, line - 1)]

    @property
    def line_count(self) -> int:
        """Return the number of lines in the text."""
        return len(self._starts)


@dataclass(frozen=True, slots=True)
class Prose:
    """Prose text with, for each character, the offset of its source character."""

    text: str
    origins: tuple[int, ...]
    links: tuple[tuple[int, int, str], ...] = ()


class ProseBuilder:
    """Accumulates prose characters with their source offsets, then tidies whitespace and URLs."""

    def __init__(self, source: str, hidden: Callable[[int], bool] | None = None) -> None:
        """Start an empty prose run over ``source``, the decoded file text.

        ``hidden(offset)`` says whether a source offset lies in markup that a parser reads as text
        (template tags, attribute lists); prose characters from there become spaces in ``build``.
        """
        self._source = source
        self._hidden = hidden
        self._chars: list[str] = []
        self._origins: list[int] = []
        self._links: list[tuple[int, int, str]] = []
        self._link_start: int | None = None
        self.cursor = 0

    def add_exact(self, text: str, at: int) -> None:
        """Add ``text``, which stands verbatim in the source at offset ``at``."""
        self._chars.extend(text)
        self._origins.extend(range(at, at + len(text)))

    def add_char(self, char: str, at: int) -> None:
        """Add one character that came from the source at offset ``at``."""
        self._chars.append(char)
        self._origins.append(at)

    def align(self, text: str, limit: int) -> None:
        """Add ``text`` by finding it in the source after the cursor (and before ``limit``).

        Parsers give back text with markup removed and escapes and entities resolved, so the text
        is looked for as a whole first and, failing that, character by character, where a
        character may also stand in the source as an entity ("&nbsp;") or a backslash escape.
        """
        if not text:
            return
        found = self._source.find(text, self.cursor, limit)
        if found > self.cursor and ("\\" in self._source[self.cursor:found] or "&" in self._source[self.cursor:found]):
            # An escape or an entity lies before the exact copy: the text may stand right here in
            # rewritten form ("could of\\</li>" is "could of</li>"), and the exact copy is a later
            # repeat (found by the fuzzer). Take the near, character-by-character match if it holds.
            near = self._near_positions(text, found)
            if near is not None:
                self._chars.extend(text)
                self._origins.extend(near)
                self.cursor = near[-1] + 1
                return
        if found >= 0:
            self.add_exact(text, found)
            self.cursor = found + len(text)
            return
        # The text is not in the source as written (an entity or escape inside it). Its first run of
        # plain characters is, though: jump the cursor to just before it first, so that a long run of
        # markup before the text (six nested quote markers, say) is not beyond the character search's
        # reach.
        plain = _PLAIN_RUN.search(text)
        reach = 0
        if plain:
            start = self._source.find(plain.group(0), self.cursor, limit)
            if start > self.cursor:
                if plain.start() == 0:
                    self.cursor = start
                else:
                    # The characters before the run lie somewhere before it: let their search reach it.
                    reach = start
        index = 0
        while index < len(text):
            index = self._align_one(text, index, limit, reach)

    def _align_one(self, text: str, index: int, limit: int, reach: int = 0) -> int:
        """Place ``text[index]`` (or the characters one entity stands for); return the next index.

        The search looks ``_MAX_CHAR_SKIP`` characters ahead, or up to ``reach`` when the caller
        knows the text's next plain run starts there.
        """
        char = text[index]
        stop = min(limit, max(self.cursor + _MAX_CHAR_SKIP, reach), len(self._source))
        position = self.cursor
        # The nearest source spelling of the character wins: itself, an entity or an escape. Runs of
        # entities ("&nbsp;&nbsp;and") are consumed one by one, so no later letter is matched
        # inside an entity's name.
        while position < stop:
            here = self._source[position]
            if here == "&":
                entity = _ENTITY_RE.match(self._source, position)
                if entity:
                    decoded = html.unescape(entity.group(0))
                    if decoded and text.startswith(decoded, index):
                        for offset in range(len(decoded)):
                            self.add_char(text[index + offset], position)
                        self.cursor = entity.end()
                        return index + len(decoded)
            if here == char:
                self.add_char(char, position)
                self.cursor = position + 1
                return index + 1
            if here == "\\" and position + 1 < len(self._source) and self._source[position + 1] == char \
                    and char in _ESCAPABLE:
                self.add_char(char, position + 1)
                self.cursor = position + 2
                return index + 1
            position += 1
        # A character the source does not spell near the cursor: anchor it where the cursor stands.
        self.add_char(char, min(self.cursor, max(0, len(self._source) - 1)))
        return index + 1

    def _near_positions(self, text: str, before: int) -> list[int] | None:
        """Offsets of ``text``'s characters found one by one from the cursor, each within a short
        skip and all before ``before``; ``None`` when some character is not found so."""
        positions: list[int] = []
        cursor = self.cursor
        for char in text:
            hit = self._source.find(char, cursor, min(before, cursor + _MAX_CHAR_SKIP))
            if hit < 0:
                return None
            positions.append(hit)
            cursor = hit + 1
        return positions

    def skip(self, text: str, limit: int) -> None:
        """Move the cursor past ``text`` (markup that is not prose) when it is found ahead."""
        if not text:
            return
        found = self._source.find(text, self.cursor, limit)
        if found >= 0:
            self.cursor = found + len(text)

    def separator(self) -> None:
        """Add a space (for a line break or a removed element) at the cursor."""
        self.add_char(" ", min(self.cursor, max(0, len(self._source) - 1)))

    def add_source(self, href: str) -> None:
        """Record a citation marker (a footnote reference, a superscript number) at this point.

        A marker placed after a sentence's full stop ("adults.<sup>5</sup>", "adults.[^3]") cites
        that sentence, so it is anchored on the stop rather than where the next sentence starts.
        """
        position = len(self._chars)
        while position > 0 and self._chars[position - 1].isspace():
            position -= 1
        if position > 0 and self._chars[position - 1] in ".!?:;\"'”’)":
            position -= 1
        self._links.append((position, position, href))

    def tail(self, size: int) -> str:
        """Return the last ``size`` prose characters added so far."""
        return "".join(self._chars[-size:])

    def open_link(self) -> None:
        """Mark the start of a link's text."""
        self._link_start = len(self._chars)

    def close_link(self, href: str) -> None:
        """Mark the end of a link's text; the link counts as a source for what it spans."""
        start = self._link_start if self._link_start is not None else len(self._chars)
        self._links.append((start, len(self._chars), href))
        self._link_start = None

    def build(self) -> Prose:
        """Return the prose with bare URLs removed and whitespace runs collapsed to one space."""
        text = "".join(self._chars)
        origins = self._origins
        links = list(self._links)
        keep = [True] * len(text)
        if self._hidden is not None:
            hidden = self._hidden
            text = "".join(" " if hidden(origins[i]) else c for i, c in enumerate(text))
        for m in _URL_RE.finditer(text):
            # A bare URL is not prose, but it does cite a source for the text around it.
            links.append((m.start(), m.start(), m.group(0)))
            for i in range(m.start(), m.end()):
                keep[i] = False
        out_chars: list[str] = []
        out_origins: list[int] = []
        index_map: list[int] = []
        previous_space = True  # drops leading whitespace
        for i, char in enumerate(text):
            index_map.append(len(out_chars))
            if not keep[i]:
                continue
            if char.isspace():
                if previous_space:
                    continue
                char = " "
                previous_space = True
            else:
                previous_space = False
            out_chars.append(char)
            out_origins.append(origins[i])
        index_map.append(len(out_chars))
        while out_chars and out_chars[-1] == " ":
            out_chars.pop()
            out_origins.pop()
        size = len(out_chars)
        mapped_links = tuple(
            (min(index_map[s], size), min(index_map[e], size), href) for s, e, href in links
        )
        return Prose("".join(out_chars), tuple(out_origins), mapped_links)

    def __bool__(self) -> bool:
        return any(not c.isspace() for c in self._chars)


def collapse_space(text: str) -> str:
    """Return ``text`` with whitespace runs folded to single spaces and the ends trimmed."""
    return _SPACE_RE.sub(" ", text).strip()
