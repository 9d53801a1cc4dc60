"""Per-document analysis shared by the rules: sentences, readability metrics, section metrics.

Computed once per document and handed to every rule, so no rule splits or scores text itself.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, TypeVar

from contentlint.language.nlp import get_pipeline, split_sentences_many
from contentlint.language.readability import score_sentences, sentence_grade, word_count
from contentlint.model.document import Block, Document
from contentlint.model.finding import BlockKind

# Blocks that count as running prose for readability; headings are labels and table cells are
# mostly fragments, so neither is scored (both are still checked by the sentence rules).
_SCORED = {BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.QUOTE}

# A sentence longer than this counts towards the share of long sentences (Yoast, HHS: 20 words).
LONG_SENTENCE_WORDS = 20


@dataclass(frozen=True)
class Sentence:
    """One sentence: the block it sits in and its character span in the block's prose."""

    block: int
    start: int
    end: int
    text: str
    words: int


@dataclass(frozen=True)
class Section:
    """A heading and the blocks under it (section 0 is whatever precedes the first heading)."""

    index: int
    heading: int | None
    blocks: tuple[int, ...]


@dataclass(frozen=True)
class Analysis:
    """Everything measured on a document once."""

    sentences: tuple[Sentence, ...]
    sections: tuple[Section, ...]
    metrics: dict[str, Any]
    section_metrics: tuple[dict[str, Any], ...]
    block_sentences: tuple[tuple[tuple[int, int], ...], ...]  # sentence spans of each block


def _metrics(sentences: list[Sentence], blocks: list[Block]) -> dict[str, Any]:
    scores = score_sentences([s.text for s in sentences]).to_dict()
    long_share = sum(s.words > LONG_SENTENCE_WORDS for s in sentences) / len(sentences) if sentences else 0.0
    scores["paragraphs"] = sum(b.kind in _SCORED and b.is_prose for b in blocks)
    scores["long_sentence_share"] = round(long_share, 3)
    return scores


_T = TypeVar("_T")

# Views computed from a sentence's text by a rule pack, shared by every rule that asks in the same
# document: {(view name, text, extra key): value}. Cleared by analyse() at each new document, so it
# holds one document's sentences at most (memory stays flat over an archive).
_SHARED: dict[tuple[str, str, Hashable], Any] = {}


def shared_view(name: str, build: Callable[[str], _T], text: str, key: Hashable = None) -> _T:
    """``build(text)``, computed once per document for each ``(name, text, key)`` however many rules ask.

    For a rule pack that derives its own view of a sentence (its tokens, its clauses): the first
    rule to ask pays, the others read the same value. The value is shared, so it must be treated as
    immutable. ``key`` separates views that depend on more than the text (a lexicon name).
    """
    slot = (name, text, key)
    try:
        return _SHARED[slot]  # type: ignore[no-any-return]
    except KeyError:
        value = _SHARED[slot] = build(text)
        return value


def analyse(doc: Document, model: str | None = None) -> Analysis:
    """Split every block into sentences and measure the document and each section."""
    _SHARED.clear()
    nlp = get_pipeline(model)
    spans = split_sentences_many([b.text for b in doc.blocks], nlp)
    sentences = [
        Sentence(i, s, e, doc.blocks[i].text[s:e], word_count(doc.blocks[i].text[s:e]))
        for i, block_spans in enumerate(spans)
        for s, e in block_spans
    ]
    # References, footnotes and citations are not the page's prose: they do not count towards its
    # reading grade (they are still split, for the rules that read them).
    scored = [s for s in sentences if doc.blocks[s.block].kind in _SCORED and doc.blocks[s.block].is_prose]
    # Group block indexes under their heading first; building tuples block by block is quadratic.
    groups: list[tuple[int | None, list[int]]] = []
    for index, block in enumerate(doc.blocks):
        if not groups or block.kind is BlockKind.HEADING:
            groups.append((index if block.kind is BlockKind.HEADING else None, [index]))
        else:
            groups[-1][1].append(index)
    sections = [Section(number, heading, tuple(members)) for number, (heading, members) in enumerate(groups)]
    block_sentences: list[list[tuple[int, int]]] = [[] for _ in doc.blocks]
    for sentence in sentences:
        block_sentences[sentence.block].append((sentence.start, sentence.end))
    section_metrics = []
    section_of = {block: section.index for section in sections for block in section.blocks}
    by_section: list[list[Sentence]] = [[] for _ in sections]
    for sentence in scored:
        by_section[section_of[sentence.block]].append(sentence)
    for section, section_sentences in zip(sections, by_section):
        metrics = _metrics(section_sentences, [doc.blocks[i] for i in section.blocks])
        metrics["heading"] = doc.blocks[section.heading].text if section.heading is not None else None
        metrics["line"] = doc.blocks[section.blocks[0]].first_line
        section_metrics.append(metrics)
    return Analysis(
        tuple(sentences), tuple(sections), _metrics(scored, list(doc.blocks)), tuple(section_metrics),
        tuple(tuple(spans) for spans in block_sentences),
    )


def sentence_values(sentence: Sentence) -> dict[str, float]:
    """Return the metrics a sentence-scope metric rule can use."""
    return {"words": sentence.words, "grade": sentence_grade(sentence.text)}
