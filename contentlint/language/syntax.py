"""Part-of-speech tags and dependency parses of sentences, from the pipeline shipped in the wheel.

contentlint ships a small spaCy pipeline trained on UD English EWT (``contentlint/models/en_ewt``, built
by ``training/train.py``): ``tok2vec`` → ``tagger`` (PTB tags, ``Token.tag_``) → ``morphologizer``
(UPOS, ``Token.pos_``) → ``parser`` (``Token.dep_``, ``Token.head``). This module loads it offline from
the installed package, once per process, and runs it over sentence strings that contentlint's own
splitter (:mod:`contentlint.language.nlp`) has already cut; the pipeline's tokenizer is spaCy's blank English
one, so its tokens are those every other rule sees.

The parser is the costly part (about three times the tagger), so callers ask for what they need:
:func:`tag` never runs it and, when only tags were ever asked for, the parser's weights are not even
loaded. :class:`SyntaxMemo` keeps each sentence's analysis for a document run, so a sentence is tagged
or parsed at most once however many rules read it.

Which pipeline gives syntax follows the ``nlp-model`` setting (:func:`syntax_source`): unset means the
shipped model, ``"blank"`` means no syntax at all, anything else is an installed spaCy package or a
pipeline directory.
"""

from __future__ import annotations

import importlib.resources
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from contentlint.language.nlp import BLANK_MODEL, PipelineUnavailable

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = [
    "MODEL_NAME",
    "PARSE",
    "TAGS",
    "Level",
    "SyntaxMemo",
    "load",
    "parse",
    "shipped_model_path",
    "syntax_source",
    "tag",
]

MODEL_NAME = "en_ewt"

# Components that only a parse needs; the tagger and morphologizer share the tok2vec with it, so
# excluding the parser drops its weights and its time and nothing else.
_PARSE_ONLY = ("parser",)

# Sentences are short (20-30 tokens): batches of this many keep the CNN's matrices a useful size
# without holding many Docs in memory.
_BATCH_SIZE = 128

# Components whose output this module hands out; others in a user-chosen pipeline are disabled.
_USED = frozenset({"tok2vec", "tagger", "morphologizer", "attribute_ruler", "parser"})


@dataclass(frozen=True)
class Level:
    """How much analysis a caller needs: ``parse=False`` is tags only."""

    parse: bool


TAGS = Level(parse=False)
PARSE = Level(parse=True)


def shipped_model_path() -> Path:
    """Return the directory of the pipeline shipped inside the installed package.

    Raises :class:`PipelineUnavailable` when the package was installed without it (a broken build).
    """
    root = importlib.resources.files("contentlint") / "models" / MODEL_NAME
    path = Path(str(root))
    if not (path / "config.cfg").is_file():
        raise PipelineUnavailable(MODEL_NAME, f"the shipped model is missing from {path}")
    return path


def _shipped_source() -> str | None:
    """The shipped model's directory as a string, or ``None`` when the package lacks it."""
    try:
        return str(shipped_model_path())
    except PipelineUnavailable:
        return None


def syntax_source(setting: str | None) -> str | None:
    """Map the ``nlp-model`` setting to the pipeline that gives syntax (``None``: no syntax).

    Unset (``None``) selects the shipped model; ``"blank"`` selects none; any other value names an
    installed spaCy package or a pipeline directory, as for sentence splitting.
    """
    if setting is None:
        return str(shipped_model_path())
    if setting == BLANK_MODEL:
        return None
    return setting


# Pipelines loaded in this process, keyed by (source, with_parser); a plain dict rather than
# functools.cache because load() must ask whether the full pipeline is already there.
_PIPELINES: dict[tuple[str, bool], Language] = {}


def _load(source: str, with_parser: bool) -> Language:
    """Load ``source`` once per process, with or without its parser."""
    key = (source, with_parser)
    if key in _PIPELINES:
        return _PIPELINES[key]
    # ``exclude`` (not ``disable``) so that a tags-only process never builds the parser's model.
    exclude = [] if with_parser else list(_PARSE_ONLY)
    if source == _shipped_source():
        # The shipped tokenizer is spaCy's default English one (tests/test_syntax.py checks it), which
        # the config already builds; reading its saved copy again costs about a third of the load.
        exclude.append("tokenizer")
    import spacy  # only when syntax is first needed (see contentlint.language.nlp.get_pipeline)

    try:
        nlp = spacy.load(source, exclude=exclude)
    # Same failure modes as nlp.get_pipeline: unknown name/path, broken package, unknown factory.
    except (OSError, ImportError, ValueError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise PipelineUnavailable(source, reason) from exc
    # A pipeline chosen with nlp-model may carry components (NER, lemmatizer, senter) that no rule
    # reads from this module; they would only cost time.
    for name in list(nlp.pipe_names):
        if name not in _USED:
            nlp.disable_pipe(name)
    _PIPELINES[key] = nlp
    return nlp


def load(level: Level = PARSE, source: str | None = None) -> Language:
    """Return the pipeline for ``level`` from ``source`` (default: the shipped model), loaded once.

    A tags-only request is served by an already-loaded full pipeline (its parser is skipped at run
    time by :func:`tag`) rather than loading the shared weights a second time.
    """
    path = source if source is not None else str(shipped_model_path())
    if level.parse or (path, True) in _PIPELINES:
        return _load(path, True)
    return _load(path, False)


def _run(nlp: Language, texts: Iterable[str], parse: bool) -> list[Doc]:
    """Run ``nlp`` over ``texts`` in order, skipping the parser unless ``parse``."""
    skip = [] if parse else [name for name in _PARSE_ONLY if name in nlp.pipe_names]
    with nlp.select_pipes(disable=skip):
        return list(nlp.pipe(texts, batch_size=_BATCH_SIZE))


def tag(texts: Sequence[str], source: str | None = None) -> list[Doc]:
    """Tag ``texts`` (one sentence each): ``tag_`` (PTB) and ``pos_`` (UPOS), no dependencies."""
    return _run(load(TAGS, source), texts, parse=False)


def parse(texts: Sequence[str], source: str | None = None) -> list[Doc]:
    """Tag and parse ``texts`` (one sentence each): tags plus ``dep_`` and ``head`` on every token."""
    return _run(load(PARSE, source), texts, parse=True)


@dataclass
class SyntaxMemo:
    """The analyses of one document run, so a sentence is never tagged or parsed twice.

    Rules call :meth:`tag` or :meth:`parse` with the sentences they need; sentences already analysed
    at that level (or above: a parse also answers a tag request) come from the memo. ``source`` is a
    :func:`syntax_source` result; ``None`` means the run has no syntax and the calls raise.
    """

    source: str | None
    _tagged: dict[str, Doc] = field(default_factory=dict, repr=False)
    _parsed: dict[str, Doc] = field(default_factory=dict, repr=False)
    parsed_count: int = 0
    tagged_count: int = 0

    def tag(self, texts: Sequence[str]) -> list[Doc]:
        """Return tagged Docs for ``texts`` in order, tagging only sentences not seen before."""
        missing = _unique(t for t in texts if t not in self._parsed and t not in self._tagged)
        if missing:
            for text, doc in zip(missing, tag(missing, self._require_source())):
                self._tagged[text] = doc
            self.tagged_count += len(missing)
        return [self._parsed.get(t) or self._tagged[t] for t in texts]

    def parse(self, texts: Sequence[str]) -> list[Doc]:
        """Return parsed Docs for ``texts`` in order, parsing only sentences not parsed before."""
        missing = _unique(t for t in texts if t not in self._parsed)
        if missing:
            for text, doc in zip(missing, parse(missing, self._require_source())):
                self._parsed[text] = doc
                # The parse carries the tags too; keep one Doc per sentence.
                self._tagged.pop(text, None)
            self.parsed_count += len(missing)
        return [self._parsed[t] for t in texts]

    def _require_source(self) -> str:
        if self.source is None:
            raise PipelineUnavailable(BLANK_MODEL, "this run has no syntax (nlp-model = \"blank\")")
        return self.source


def _unique(texts: Iterable[str]) -> list[str]:
    """Distinct ``texts`` in first-seen order (order fixes the batches, hence exact reproducibility)."""
    return list(dict.fromkeys(texts))
