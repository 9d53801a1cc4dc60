"""The README's examples, extracted from its code blocks, so that tests run them as written."""

from __future__ import annotations

import re
from dataclasses import dataclass

from helpers import REPO

_BLOCK = re.compile(r"(?:<!-- example: (?P<name>[\w-]+) -->\n)?```(?P<lang>\w+)\n(?P<body>.*?)```", re.S)


@dataclass(frozen=True)
class Block:
    """A fenced code block of the README: its language, its example name (if marked) and its text."""

    lang: str
    name: str | None
    body: str


def blocks() -> list[Block]:
    """Return every fenced code block of the README, in order."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    return [Block(m["lang"], m["name"], m["body"]) for m in _BLOCK.finditer(text)]


def example(name: str) -> str:
    """Return the code of the README block marked ``<!-- example: NAME -->``."""
    found = [b.body for b in blocks() if b.name == name]
    assert len(found) == 1, f"README has {len(found)} blocks marked example: {name}"
    return found[0]


def commands(body: str) -> list[str]:
    """Return the contentlint command lines of a shell or CI block (comments and other commands dropped).

    A line may be a shell line (``a && contentlint ...``, ``cat x | contentlint ...``) or a CI step
    (``- run: contentlint ...``, ``- contentlint ...``).
    """
    found: list[str] = []
    for raw in body.splitlines():
        line = re.sub(r"\s{2,}#.*$", "", raw).strip()
        line = re.sub(r"^(?:-\s+)?(?:run:\s+)?", "", line)
        for part in line.split("&&"):
            part = part.strip()
            if re.match(r"(?:python -m )?contentlint(?:\s|$)", part) or re.search(r"\|\s*contentlint\s", part):
                found.append(part)
    return found
