"""Bytes or decoded text to a ``Document``: pick the reader for the format, then mark roles.

This sits above the readers and the model (``model.document`` holds the values and knows no
reader), so nothing in the model imports a reader.
"""

from __future__ import annotations

from contentlint.model.document import Document, ReadError, decode, detect_format, mark_roles


def parse(text: str, path: str, fmt: str) -> Document:
    """Parse decoded ``text`` with the reader for ``fmt`` (markdown, mdx, html or text)."""
    # Imported in the branches for start-up laziness, not to dodge a cycle: each reader's parser
    # (markdown-it and its plugins, html.parser) is loaded only when a file of its kind is seen.
    if fmt == "markdown":
        from contentlint.readers.markdown import read_markdown  # lazy: loaded on first use

        parsed = read_markdown(text)
    elif fmt == "mdx":
        from contentlint.readers.markdown import read_markdown  # lazy: loaded on first use

        parsed = read_markdown(text, mdx=True)
    elif fmt == "html":
        from contentlint.readers.html import read_html  # lazy: loaded on first use

        parsed = read_html(text)
    elif fmt == "text":
        from contentlint.readers.text import read_text  # lazy: loaded on first use

        parsed = read_text(text)
    else:
        raise ReadError(f"unknown format {fmt!r}")
    return Document(path=path, fmt=fmt, source=text, blocks=mark_roles(parsed.blocks),
                    comments=parsed.comments, problems=parsed.problems)


def read_document(data: bytes, path: str, fmt: str | None = None) -> Document:
    """Decode and parse file bytes into a ``Document``; raise ``ReadError`` on bad input."""
    return parse(decode(data), path, fmt or detect_format(path))


__all__ = ["parse", "read_document"]
