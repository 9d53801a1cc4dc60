"""The subject of a claim trigger read from the parse, for the cases the word lists cannot decide.

The word-list analysis (:func:`contentlint.packs.claims.sentence.agent_role`) classifies a subject
only when one of its words is in ``agents`` or ``non-agents``.  Product copy and news name their
agents in ways no list holds: a pronoun ("It lowers blood sugar"), a product or drug name
("NeuroMax repairs nerve damage", "MT significantly lowered ..."), or no subject at all (a list
item "- Reduces cortisol naturally", a headline fragment).  This module answers those cases from
the dependency parse when the run has one, and from the sentence's first word when it has none, so
the syntax-free mode keeps finding subjectless product bullets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

# Pronouns that stand for the thing a text is about (a product, a treatment); "you", "we", "I",
# "he" and "she" are people acting, whose "can lower your risk" is advice, not a product claim.
_THING_PRONOUNS = frozenset({"it", "they", "this", "these", "that"})
# A bullet or numbering left at the start of a unit's text by a plain-text reader.
_LEAD_RE = re.compile(r"[\s\-–—*•·>\d.)]*")
_SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "csubj"})
_AUX_DEPS = frozenset({"aux", "aux:pass", "auxpass"})
# Links through which a verb inherits its governor's subject ("helps reduce", "cures X and
# prevents Y", "works by preventing").
_INHERIT_DEPS = frozenset({"xcomp", "conj", "advcl", "acl", "compound", "amod", "dep", "parataxis"})


@dataclass(frozen=True, slots=True)
class ParsedSubject:
    """What the parse says about a trigger's subject: the words, and the verdict with its reason."""

    role: str | None  # "agent", "non-agent" or None (no verdict)
    subject: str  # the subject's words as written, "" when the claim has none
    reason: str  # why: "pronoun", "name", "no subject", "lexicon" ...


def subjectless_start(text: str, start: int) -> bool:
    """True when the trigger opens the unit: a bullet or headline that states a claim with no subject.

    Product copy lists benefits as "- Reduces cortisol naturally" and "Soothes sore throats"; the
    implied subject is the product the page is about.  Only a capitalised third-person form or an
    adjective counts, which the caller ensures by the trigger lexicon.
    """
    lead = _LEAD_RE.match(text)
    return lead is not None and lead.end() == start and text[start:start + 1].isupper()


def _token_at(doc: Any, start: int) -> Any | None:
    for tok in doc:
        if tok.idx <= start < tok.idx + len(tok.text):
            return tok
    return None


def _subject_of(tok: Any) -> Any | None:
    """The subject token of ``tok`` or of the verb it inherits one from (at most four steps up)."""
    cur = tok
    for _ in range(4):
        for child in cur.children:
            if child.dep_ in _SUBJECT_DEPS:
                return child
        if cur.dep_ not in _INHERIT_DEPS or cur.head is cur:
            return None
        cur = cur.head
    return None


_ACRONYM_RE = re.compile(r"[A-Z][A-Za-z0-9-]*[A-Z0-9][A-Za-z0-9-]*|[A-Z][a-z]+[A-Z]\w*")


def _name_before(doc: Any, tok: Any, clause_start: int) -> str:
    """The words before ``tok`` in its clause when they are only a name: "NeuroMax", "MT", "Zyflex 20".

    The parser misreads short product lines ("NeuroMax repairs nerve damage" comes out as a noun
    phrase), so the tags and the spelling of the words before the trigger decide instead: proper-noun
    tags, acronyms and CamelCase brand names, with adverbs ("significantly") skipped.
    """
    words = [t for t in doc[:tok.i] if t.idx >= clause_start and not t.is_punct and t.pos_ != "ADV"]
    if not 1 <= len(words) <= 3:
        return ""
    if all(t.tag_ in {"NNP", "NNPS"} or _ACRONYM_RE.fullmatch(t.text) or t.like_num for t in words) \
            and not words[0].like_num:
        return " ".join(t.text for t in words)
    return ""


def parsed_subject(doc: Any, start: int, agents: re.Pattern[str] | None,
                   non_agents: re.Pattern[str] | None, clause_start: int = 0) -> ParsedSubject:
    """Classify the subject of the trigger starting at character ``start`` of the parsed ``doc``.

    A pronoun for a thing or a proper name (not a listed condition) is an agent: the sentence
    says what that thing does.  A subject found by the lexicons decides as in the word-list mode.
    A trigger with no subject in the parse that opens the sentence is a subjectless claim.
    """
    tok = _token_at(doc, start)
    if tok is None:
        return ParsedSubject(None, "", "trigger not in parse")
    # A trigger that starts with an auxiliary ("it has been shown to promote") takes the subject
    # of the verb it belongs to: the passive or raising subject of "shown".
    subj = _subject_of(tok.head if tok.dep_ in _AUX_DEPS and tok.head is not tok else tok)
    name = _name_before(doc, tok, clause_start)
    if name and not (non_agents is not None and non_agents.search(name)):
        return ParsedSubject("agent", name, "name")
    if subj is None:
        if tok.i == 0 or all(t.is_punct or t.like_num for t in doc[:tok.i]):
            return ParsedSubject("agent", "", "no subject")
        return ParsedSubject(None, "", "no subject found")
    words = doc[subj.left_edge.i:subj.i + 1].text
    low = subj.text.lower()
    if non_agents is not None and non_agents.search(words):
        return ParsedSubject("non-agent", words, "lexicon")
    if agents is not None and agents.search(words):
        return ParsedSubject("agent", words, "lexicon")
    if subj.pos_ == "PRON":
        if low in _THING_PRONOUNS:
            return ParsedSubject("agent", words, "pronoun")
        return ParsedSubject(None, words, "person pronoun")
    if subj.pos_ == "PROPN" or subj.tag_ in {"NNP", "NNPS"}:
        return ParsedSubject("agent", words, "name")
    return ParsedSubject(None, words, "unlisted noun")
