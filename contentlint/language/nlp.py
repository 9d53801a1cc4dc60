"""Sentence splitting for prose blocks, built on a spaCy pipeline plus rule-based fix-ups.

spaCy's blank English tokenizer with the rule-based ``sentencizer`` (or a trained parser/senter) gives
the first cut of sentence boundaries. Health articles are full of abbreviations, citations and
statistics that trip it up ("Smith et al. 2019", "95% CI", "e.g. the", "in the U.S. The"), so
:func:`split_sentences` re-checks every candidate boundary with a few string rules. The rules look
only at the characters around a boundary, so they work the same whatever tokenizer the pipeline has.

Nothing here downloads anything: a named model must already be installed or be a local directory.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = [
    "BLANK_MODEL",
    "PipelineUnavailable",
    "get_pipeline",
    "split_sentences",
    "split_sentences_many",
]

Span = tuple[int, int]

# The ``nlp-model`` value for the syntax-free run: blank English, sentencizer, no tagger or parser.
BLANK_MODEL = "blank"

# Components that set ``Token.is_sent_start``; a pipeline with none of them enabled gets a sentencizer.
_SENTENCE_SETTERS = ("parser", "senter", "sentencizer")

# Batch size for nlp.pipe: the blank pipeline is cheap per doc, so larger batches amortise overhead.
_PIPE_BATCH_SIZE = 256

# How far back from a boundary the rules look; the longest abbreviation rule needs ~10 characters.
_WINDOW = 40


class PipelineUnavailable(RuntimeError):
    """A spaCy pipeline was asked for by name or path but cannot be loaded (it is never downloaded)."""

    def __init__(self, model: str, reason: str) -> None:
        self.model = model
        self.reason = reason
        super().__init__(
            f"spaCy pipeline {model!r} is not available: {reason} "
            "(install the package or point to a pipeline directory; nothing is downloaded)"
        )


@functools.cache
def get_pipeline(model: str | None = None) -> Language:
    """Return the spaCy pipeline used to split sentences, loading it once per ``model``.

    ``None`` or ``"blank"`` gives ``spacy.blank("en")`` with a ``sentencizer``: sentence splitting
    never uses the shipped tagger/parser (its tokenizer is the blank one, and the string rules
    decide boundaries), so splitting is the same with or without syntax. Otherwise ``model`` is an installed
    package name (``"en_core_web_sm"``) or a pipeline directory, loaded with :func:`spacy.load`; a
    ``sentencizer`` is added when the pipeline has no enabled parser, senter or sentencizer. Raises
    :class:`PipelineUnavailable` when the model cannot be loaded.
    """
    # Imported here, not at the top: a run whose every file is answered by the result cache, and
    # `contentlint rules`, never need spaCy (about half a second of start-up).
    import spacy

    if model is None or model == BLANK_MODEL:
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        return nlp
    try:
        nlp = spacy.load(model)
    # spacy.load raises OSError for an unknown name/path, ImportError for a broken package and
    # ValueError for a config naming a component factory that is not installed.
    except (OSError, ImportError, ValueError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise PipelineUnavailable(model, reason) from exc
    _ensure_sentence_boundaries(nlp)
    return nlp


def _ensure_sentence_boundaries(nlp: Language) -> None:
    """Make sure ``nlp`` sets sentence starts: re-enable a disabled senter or add a sentencizer."""
    if any(name in nlp.pipe_names for name in _SENTENCE_SETTERS):
        return
    # Trained pipelines such as en_core_web_sm ship a senter that is disabled by default; it is
    # better than the punctuation rules when the parser has been excluded.
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
        return
    nlp.add_pipe("sentencizer")


def split_sentences(text: str, nlp: Language | None = None) -> list[Span]:
    """Return the ``(start, end)`` character spans of the sentences of one prose block.

    Spans are trimmed of surrounding whitespace and never empty. ``nlp`` defaults to
    :func:`get_pipeline` ``()``.
    """
    if not text.strip():
        return []
    pipeline = nlp if nlp is not None else get_pipeline()
    if _needs_bounding(text):
        return _spans_from_doc(text, _BoundedDoc(text, pipeline))  # type: ignore[arg-type]
    return _spans_from_doc(text, pipeline(text))


def split_sentences_many(texts: Sequence[str], nlp: Language | None = None) -> list[list[Span]]:
    """Split many prose blocks at once (``nlp.pipe`` batches them); one span list per text."""
    pipeline = nlp if nlp is not None else get_pipeline()
    results: list[list[Span]] = [[] for _ in texts]
    # Blank blocks are skipped rather than parsed: they are common (empty list items) and give [].
    indices = [i for i, text in enumerate(texts) if text.strip()]
    # Text that needs bounding (long, or long runs without spaces) is parsed piece by piece.
    plain = [i for i in indices if not _needs_bounding(texts[i])]
    docs: Iterable[Doc] = pipeline.pipe((texts[i] for i in plain), batch_size=_PIPE_BATCH_SIZE)
    for i, doc in zip(plain, docs):
        results[i] = _spans_from_doc(texts[i], doc)
    for i in indices:
        if _needs_bounding(texts[i]):
            results[i] = _spans_from_doc(texts[i], _BoundedDoc(texts[i], pipeline))  # type: ignore[arg-type]
    return results


# --- bounded input for spaCy ----------------------------------------------------------------------
# spaCy refuses texts over ``nlp.max_length`` (1,000,000 characters) and its tokenizer is quadratic
# in the length of a run without whitespace (each prefix or suffix it strips copies the rest of the
# run: 64 KB of "(" took minutes). So long text is cut into pieces at whitespace, and inside very
# long runs a space is substituted every ``_MAX_RUN`` characters in the copy handed to spaCy. Both
# keep every offset, so sentence starts map straight back onto the original text.
_MAX_PIECE = 20_000
_MAX_RUN = 100
_LONG_RUN = re.compile(r"\S{%d,}" % (_MAX_RUN + 1))


def _needs_bounding(text: str) -> bool:
    return len(text) > _MAX_PIECE or _LONG_RUN.search(text) is not None


def bounded_pieces(text: str) -> list[tuple[int, str]]:
    """Return ``(offset, piece)`` pairs covering ``text`` that are cheap for spaCy to tokenize.

    Pieces are at most ``_MAX_PIECE`` characters, cut after whitespace where there is some, and
    within a piece no run of non-space characters is longer than ``_MAX_RUN`` (a space replaces one
    character in the copy: such runs are punctuation dumps or data, not sentences). Offsets and
    lengths are kept, so ``offset + position in piece`` is a position in ``text``.
    """
    capped = _LONG_RUN.sub(lambda m: _space_out(m.group()), text)
    pieces: list[tuple[int, str]] = []
    start = 0
    while start < len(capped):
        end = min(start + _MAX_PIECE, len(capped))
        if end < len(capped):
            # Cut after a sentence end if the back half of the window has one, else after a space.
            window = capped[start + _MAX_PIECE // 2:end]
            ends = [m.end() for m in _PIECE_CUT.finditer(window)]
            cut = start + _MAX_PIECE // 2 + ends[-1] if ends else max(window.rfind(" "), window.rfind("\n"))
            if not ends and cut >= 0:
                cut += start + _MAX_PIECE // 2 + 1
            end = cut if cut > start else end
        pieces.append((start, capped[start:end]))
        start = end
    return pieces


_PIECE_CUT = re.compile(r"[.!?][\"')\]]*\s+")
_PIECE_END = re.compile(r"[.!?][\"')\]]*\s*$")


def _space_out(run: str) -> str:
    """Replace every ``_MAX_RUN``-th character of a long run with a space (same length)."""
    chars = list(run)
    for position in range(_MAX_RUN, len(chars), _MAX_RUN):
        chars[position] = " "
    return "".join(chars)


class _Sentence:
    """A sentence start, as much of ``spacy.tokens.Span`` as :func:`_spans_from_doc` reads."""

    __slots__ = ("start_char",)

    def __init__(self, start_char: int) -> None:
        self.start_char = start_char


class _BoundedDoc:
    """The sentence starts of a long text, parsed as bounded pieces and shifted back into place."""

    def __init__(self, text: str, pipeline: Language) -> None:
        pieces = bounded_pieces(text)
        self.sents: list[_Sentence] = []
        for (offset, _), doc in zip(pieces, pipeline.pipe(piece for _, piece in pieces)):
            for sent in doc.sents:
                # Each piece's doc starts a sentence; at a cut that is no sentence end, that start is
                # an artefact of the cut, not a boundary.
                if sent.start_char == 0 and offset and not _PIECE_END.search(text, max(0, offset - 40), offset):
                    continue
                self.sents.append(_Sentence(offset + sent.start_char))


# --- boundary rules -------------------------------------------------------------------------------

# Abbreviations after which a sentence never ends (titles, Latin connectives, "vs.").
_NEVER_FINAL = re.compile(
    r"(?:^|[^\w.])(?:Mr|Mrs|Ms|Mx|Dr|Drs|Prof|Profs|Sr|Jr|St|Rev|Gen|Hon|Sen|Rep|Gov|Capt|Lt|Col|Sgt"
    r"|e\.g|i\.e|E\.g|I\.e|vs|Vs|v|cf|Cf|viz|ca|approx|Approx|c\.f|incl|esp|Esp)\.$"
)
# Abbreviations that introduce a number ("Fig. 2", "No. 5", "p. 12"): no boundary when a number,
# a lowercase word or a bracket follows; otherwise ("the answer was No. Then") the model decides.
_NUMBER_INTRO = re.compile(
    r"(?:^|[^\w.])(?:No|no|Nos|nos|Fig|fig|Figs|figs|Vol|vol|pp|p|Eq|eq|Ref|ref|Refs|Tab|Table|Ch|ch|"
    r"Sec|sec|Suppl|suppl|Art|art)\.$"
)
# List-closing abbreviations: a sentence ends there only when a capitalised word follows.
_LIST_FINAL = re.compile(r"(?:^|[^\w.])(?:etc|al)\.$")
# Initialisms ("U.S.", "a.m.", "Ph.D.") and single initials ("J.", "vitamin D."): a sentence ends
# there only when the next word is a typical sentence opener, since "U.S. Food and Drug
# Administration" and "J. Smith" are far more common than a sentence ending in an initialism.
_INITIALISM = re.compile(r"(?:^|[^\w.])(?:(?:[A-Za-z]{1,2}\.){2,}|[A-Z]\.)$")
# A single letter, a Roman numeral or a number that completes a name: "vitamin D.", "hepatitis B.",
# "type 2.", "Group A.", "factor V.", "hemoglobin S.", "lamin A.", "MPS I.", "vitamins A and C.".
# Such a letter is part of the name, not an initial, so a full stop after it ends the sentence when
# a capitalised word follows (found on the NIH corpus: type, vitamin, hepatitis, factor, hemophilia,
# hemoglobin, protein and enzyme names ending in -in or -ase, MPS, class, complex, coenzyme).
_NAME_WORDS = (
    r"vitamins?|hepatitis|types?|subtypes?|serotypes?|genotypes?|groups?|factors?|hemophilia|haemophilia"
    r"|hemoglobin|haemoglobin|(?:apo|lipo|glyco|seleno)?proteins?|complex|class|stages?|grades?|phases?"
    r"|schedule|strains?|coenzyme|MPS|plan|antigens?|immunoglobulin|toxin|collagen|(?-i:[a-z]{3,}(?:ase|in))"
)
_NAMED_LETTER = re.compile(
    r"(?:^|[^\w.])(?:" + _NAME_WORDS + r")\s+"
    r"(?:(?:[A-Z]|[IVX]{1,4}|\d{1,2}[A-Za-z]?)(?:,\s*|\s+(?:and|or|&)\s+|/))*"
    r"(?:[A-Z]\d{0,2}|[IVX]{1,4}|\d{1,2}[A-Za-z]?)\.$",
    re.IGNORECASE,
)

# Closing punctuation that may follow a full stop inside the same sentence.
_CLOSERS = "\"'”’»)]}"
# Closing marks that can never start a sentence (straight quotes are ambiguous, so not listed).
_CLOSING_ONLY = "”’»)]}"
# Opening punctuation that belongs to the sentence after a boundary, never the one before it.
_OPENERS_PUNCT = "“‘«([{\"'"

# Where an abbreviation rule may add a boundary that the model missed (e.g. "U.S." is one token,
# so the sentencizer never splits after it).
# An ellipsis before a capitalised word ends a sentence, but the sentencizer does not split there.
_ABBREV_CANDIDATE = re.compile(
    r"(?:(?:\b(?:etc|al)|(?:\b[A-Za-z]{1,2}\.){1,}[A-Za-z]{1,2}|\b[A-Z])\.|\.\.\.|…)"
    r"[" + re.escape(_CLOSERS) + r"]*\s+(?=[" + re.escape(_OPENERS_PUNCT) + r"]*[A-Z])"
)

_SENTENCE_OPENERS = frozenset(
    """
    A An The This That These Those It Its It's He She They We I You Our Their His Her My Your There
    Here In On At For From By With Without To Of But And Or Nor So Yet If When While After Before
    However Although Though Because Since As Some Many Most Much More All Other Others Such What Why
    How Who Whom Whose Which Where Also Then Now Still Today Yesterday Tomorrow One Two Three Both
    Each Every Few Several Any No Not Only Even Instead Meanwhile Moreover Furthermore Therefore Thus
    Overall Finally First Second Third Next Last Later Earlier Recently Currently Researchers
    Experts Doctors Studies Patients People Children Adults Women Men Is Are Was Were Do Does Did Can
    Could Should Would Will May Might Must Let Please Ask Talk Read See Find Call Take Keep Make Use
    Try Avoid Don't Never Always Often Sometimes Usually
    """.split()
)

# A line that starts like a list item: bullet characters, "1." / "1)" / "a)" numbering.
_LIST_MARKER = re.compile(r"(?:[-*+•·▪◦‣–—]|\d{1,3}[.)]|[A-Za-z][)])\s")
# A number after a colon or semicolon: an inline list's item number, not a sentence end.
_INLINE_NUMBER = re.compile(r"[:;]\s*\d{1,3}\.$")
# A line holding nothing but a list marker so far.
_LIST_MARKER_ONLY = re.compile(r"\s*(?:[-*+•·▪◦‣–—]|\d{1,3}[.)]|[A-Za-z][.)])")
# Words (and characters) after which a line break is a soft wrap, not the end of an item.
_CONTINUATION_END = re.compile(
    r"(?:[,\-–—(/&]|\b(?:the|a|an|of|and|or|nor|to|in|on|at|by|for|from|with|without|as|is|are|was"
    r"|were|be|been|that|which|who|than|but|if|into|onto|its|their|his|her|our|your|my|this|these"
    r"|those|very|more|most|less|not|such))$",
    re.IGNORECASE,
)
_TERMINAL_END = re.compile(r"[.!?:;…][" + re.escape(_CLOSERS) + r"]*$")
_HAS_WORD = re.compile(r"\w")
_LIST_NUMBER = re.compile(r"\d{1,3}[.)]")


def _spans_from_doc(text: str, doc: Doc) -> list[Span]:
    """Turn the model's sentence starts into fixed-up, trimmed spans of ``text``."""
    candidates: set[int] = set()
    model_starts: set[int] = set()
    for sent in doc.sents:
        start = _normalise_start(text, sent.start_char)
        if start > 0:
            model_starts.add(start)
    candidates |= model_starts
    for match in _ABBREV_CANDIDATE.finditer(text):
        candidates.add(match.end())
    if "\n" in text:
        for match in re.finditer(r"\n\s*", text):
            candidates.add(match.end())

    kept: list[int] = []
    for boundary in sorted(candidates):
        # Skip boundaries at the very start/end or inside trailing whitespace.
        if boundary <= 0 or boundary >= len(text) or not text[boundary:].strip():
            continue
        if _keep_boundary(text, boundary, boundary in model_starts):
            kept.append(boundary)
    return _build_spans(text, kept)


def _normalise_start(text: str, start: int) -> int:
    """Move a model's sentence start to the first character of the sentence's text.

    Whitespace tokens are skipped forwards, so that every candidate boundary has the whole gap
    before it. Opening quotes/brackets that the model attached to the previous sentence (the
    sentencizer puts '“' of '... said. “Really.”' in the sentence before) are taken back; an opening
    mark is recognised by the whitespace before it.
    """
    while start < len(text) and text[start].isspace():
        start += 1
    # A closing-only mark cannot open a sentence ('wearing? ” he said': the stray space made the
    # sentencizer start a sentence at '”'); the boundary belongs after it.
    if start < len(text) and text[start] in _CLOSING_ONLY:
        while start < len(text) and (text[start] in _CLOSING_ONLY or text[start].isspace()):
            start += 1
        return start
    pos = start
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    run_end = pos
    while pos > 0 and text[pos - 1] in _OPENERS_PUNCT:
        pos -= 1
    if pos < run_end and (pos == 0 or text[pos - 1].isspace()):
        return pos
    return start


def _keep_boundary(text: str, boundary: int, from_model: bool) -> bool:
    """Decide whether a sentence may start at ``boundary`` (the start of the next sentence's text)."""
    before = text[max(0, boundary - _WINDOW) : boundary].rstrip()
    gap = text[max(0, boundary - _WINDOW) + len(before) : boundary]
    after = text[boundary : boundary + _WINDOW].lstrip()
    if not before:
        return False
    if "\n" in gap:
        return _line_break_is_boundary(before, after)

    # "1. Rest well": the sentencizer splits after a list item's number.
    if _LIST_MARKER_ONLY.fullmatch(before[before.rfind("\n") + 1 :]) and (
        "\n" in before or boundary <= _WINDOW
    ):
        return False
    # Strip closing quotes/brackets and clause punctuation: "etc.)", "etc.," and "U.S.”" end like
    # "etc." and "U.S." (the sentencizer splits after "etc.," because it tokenizes "etc" ".").
    core = before.rstrip(_CLOSERS + ",;: \t")
    # Split the very string that is tested: ")[[[… [ x" strips to " x" on the right but to "" on the
    # left, and indexing the empty split raised IndexError.
    words_after = after.lstrip(_OPENERS_PUNCT).split(maxsplit=1)
    first_word = words_after[0] if words_after else ""
    first_char = first_word[:1]
    if _NEVER_FINAL.search(core):
        return False
    if _NUMBER_INTRO.search(core):
        if not first_char or first_char.isdigit() or first_char.islower() or after[:1] in "([":
            return False
        return from_model
    if _LIST_FINAL.search(core):
        return first_char.isupper()
    if _NAMED_LETTER.search(core):
        return first_char.isupper() or first_char.isdigit()
    if _INITIALISM.search(core):
        return first_word.rstrip(",;:") in _SENTENCE_OPENERS
    if core.endswith(("...", "…")):
        return first_char.isupper()
    # "Steps: 1. Wash hands." numbers an inline list; the number starts the item's sentence.
    if _INLINE_NUMBER.search(core):
        return False
    # A lowercase word after a full stop means an abbreviation the rules above do not know
    # ("approx. three"); after "?" or "!" it continues a quotation ('"Why?" she asked').
    if first_char.islower() and core[-1:] in ".?!…":
        return False
    return from_model


def _line_break_is_boundary(before: str, after: str) -> bool:
    """Decide whether a line break separates two items (True) or is a soft wrap inside a sentence."""
    if _LIST_MARKER.match(after):
        return True
    core = before.rstrip(_CLOSERS)
    if _NEVER_FINAL.search(core):
        return False
    if _TERMINAL_END.search(before):
        return True
    first_char = after.lstrip(_OPENERS_PUNCT)[:1]
    # A capitalised or numbered line after a line that does not trail off ("of", ",") is a new item,
    # e.g. "Fever\nCough\nHeadache".
    starts_item = bool(first_char) and (first_char.isupper() or first_char.isdigit())
    return starts_item and not _CONTINUATION_END.search(before)


def _build_spans(text: str, boundaries: list[int]) -> list[Span]:
    """Cut ``text`` at ``boundaries``, trim whitespace, and fold punctuation-only pieces backwards."""
    spans: list[Span] = []
    pending: int | None = None  # start of a bare item number waiting for its sentence
    cuts = [0, *boundaries, len(text)]
    for start, end in zip(cuts, cuts[1:]):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            continue
        # A stray closing quote or bracket on its own is the tail of the previous sentence.
        if spans and not _HAS_WORD.search(text, start, end):
            spans[-1] = (spans[-1][0], end)
            continue
        if pending is not None:
            start, pending = pending, None
        # A bare item number ("2." in "Wash hands. 2. Dry them.") belongs to the next sentence.
        if _LIST_NUMBER.fullmatch(text, start, end) and end < len(text.rstrip()):
            pending = start
            continue
        spans.append((start, end))
    if pending is not None:
        spans.append((pending, len(text.rstrip())))
    return spans
