"""The shipped tagger/parser: loads offline from the package, is deterministic, costs nothing unused."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from helpers import REPO, lint_text

from contentlint.engine.config import load_settings
from contentlint.language import syntax
from contentlint.language.nlp import PipelineUnavailable, get_pipeline, split_sentences

# Sentences of our own, with what the shipped model must give: (word, PTB tag, UPOS, head index, dep).
# Exact values pin the shipped weights: retraining changes them on purpose, and this test says so.
EXPECTED: dict[str, list[tuple[str, str, str, int, str]]] = {
    "The nurse checked the dressing.": [
        ("The", "DT", "DET", 1, "det"),
        ("nurse", "NN", "NOUN", 2, "nsubj"),
        ("checked", "VBD", "VERB", 2, "ROOT"),
        ("the", "DT", "DET", 4, "det"),
        ("dressing", "NN", "NOUN", 2, "obj"),
        (".", ".", "PUNCT", 2, "punct"),
    ],
    "Your doctor may prescribe a lower dose if it is too strong.": [
        ("Your", "PRP$", "PRON", 1, "nmod:poss"),
        ("doctor", "NN", "NOUN", 3, "nsubj"),
        ("may", "MD", "AUX", 3, "aux"),
        ("prescribe", "VB", "VERB", 3, "ROOT"),
        ("a", "DT", "DET", 6, "det"),
        ("lower", "JJR", "ADJ", 6, "amod"),
        ("dose", "NN", "NOUN", 3, "obj"),
        ("if", "IN", "SCONJ", 11, "mark"),
        ("it", "PRP", "PRON", 11, "nsubj"),
        ("is", "VBZ", "AUX", 11, "cop"),
        ("too", "RB", "ADV", 11, "advmod"),
        ("strong", "JJ", "ADJ", 3, "advcl"),
        (".", ".", "PUNCT", 3, "punct"),
    ],
}

TRICKY = [
    "Dr. Smith's patients don't take 2.5 mg/day (e.g. aspirin) -- they're fine.",
    "Its effect on your heart is well-known; their doctors said it's safe.",
    "COVID-19 vaccines reduced hospitalisation by 90% in the U.S. in 2021!",
    "Call 1-800-555-0100 or email help@example.org for info, ok?",
]


def test_model_ships_inside_the_package() -> None:
    path = syntax.shipped_model_path()
    assert path.is_relative_to(Path(syntax.__file__).parents[1] / "models")
    assert (path / "NOTICE").is_file() and "CC BY-SA 4.0" in (path / "NOTICE").read_text()
    meta = spacy.util.load_meta(path / "meta.json")
    assert meta["license"] == "CC BY-SA 4.0"
    assert meta["pipeline"] == ["tok2vec", "tagger", "morphologizer", "parser"]


def test_loads_with_sockets_blocked_and_only_once() -> None:
    nlp = syntax.load(syntax.PARSE)
    assert nlp is syntax.load(syntax.PARSE)
    assert "parser" in nlp.pipe_names
    # Once the full pipeline is in memory a tags-only request reuses it instead of loading again.
    assert syntax.load(syntax.TAGS) is nlp


def test_tags_only_process_never_builds_the_parser() -> None:
    script = (
        "from contentlint.language import syntax\n"
        "docs = syntax.tag(['The nurse checked the dressing.'])\n"
        "nlp = syntax.load(syntax.TAGS)\n"
        "assert 'parser' not in nlp.component_names, nlp.component_names\n"
        "assert [t.tag_ for t in docs[0]][:2] == ['DT', 'NN'], [t.tag_ for t in docs[0]]\n"
        "assert not docs[0].has_annotation('DEP')\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stderr


def test_tokenizer_is_the_blank_english_one() -> None:
    shipped = syntax.load(syntax.PARSE)
    blank = spacy.blank("en")
    assert shipped.tokenizer.to_bytes(exclude=["vocab"]) == blank.tokenizer.to_bytes(exclude=["vocab"])
    for text in TRICKY:
        assert [t.text for t in shipped.make_doc(text)] == [t.text for t in blank.make_doc(text)]


@pytest.mark.parametrize("sentence", sorted(EXPECTED))
def test_exact_tags_and_heads(sentence: str) -> None:
    (doc,) = syntax.parse([sentence])
    got = [(t.text, t.tag_, t.pos_, t.head.i, t.dep_) for t in doc]
    assert got == EXPECTED[sentence]


def test_tag_and_parse_agree_and_are_deterministic() -> None:
    sentences = list(EXPECTED) + TRICKY
    tagged = syntax.tag(sentences)
    parsed = syntax.parse(sentences)
    # Another batch composition and order must not change any sentence's analysis.
    reparsed = syntax.parse(list(reversed(sentences)))[::-1]
    for t_doc, p_doc, r_doc in zip(tagged, parsed, reparsed):
        assert [t.tag_ for t in t_doc] == [t.tag_ for t in p_doc] == [t.tag_ for t in r_doc]
        assert [t.pos_ for t in t_doc] == [t.pos_ for t in p_doc]
        assert [(t.head.i, t.dep_) for t in p_doc] == [(t.head.i, t.dep_) for t in r_doc]
        assert not t_doc.has_annotation("DEP") and p_doc.has_annotation("DEP")


def test_memo_parses_each_sentence_once() -> None:
    memo = syntax.SyntaxMemo(syntax.syntax_source(None))
    a, b = "Vitamin D may help.", "Exercise lowers blood pressure."
    first = memo.parse([a, b, a])
    assert memo.parsed_count == 2 and first[0] is first[2]
    assert memo.parse([b])[0] is first[1] and memo.parsed_count == 2
    # A parse answers a later tag request; only the new sentence is tagged.
    tags = memo.tag([a, "Drink water."])
    assert tags[0] is first[0] and memo.tagged_count == 1
    # Parsing a sentence that was only tagged replaces its Doc with the parsed one.
    parsed = memo.parse(["Drink water."])
    assert parsed[0].has_annotation("DEP") and memo.parsed_count == 3


def test_syntax_source_follows_the_nlp_model_setting(tmp_path: Path) -> None:
    assert syntax.syntax_source(None) == str(syntax.shipped_model_path())
    assert syntax.syntax_source("blank") is None
    assert syntax.syntax_source("en_core_web_sm") == "en_core_web_sm"
    with pytest.raises(PipelineUnavailable):
        syntax.SyntaxMemo(None).tag(["No syntax here."])
    with pytest.raises(PipelineUnavailable):
        syntax.tag(["x"], source=str(tmp_path / "nowhere"))


def test_blank_setting_is_not_taken_for_a_directory(tmp_path: Path) -> None:
    (tmp_path / "blank").mkdir()
    (tmp_path / ".contentlint.toml").write_text('nlp-model = "blank"\n')
    assert load_settings(tmp_path / ".contentlint.toml").nlp_model == "blank"


def test_blank_setting_splits_and_lints_like_the_default(tmp_path: Path) -> None:
    text = "Dr. Smith said we could of known. The U.S. data, e.g. the 2.5 mg dose, was clear.\n"
    assert split_sentences(text, get_pipeline("blank")) == split_sentences(text, get_pipeline())
    (tmp_path / ".contentlint.toml").write_text('nlp-model = "blank"\n')
    settings = load_settings(tmp_path / ".contentlint.toml")
    blank_findings = [(f.code, f.line, f.column) for f in lint_text(text, settings=settings)]
    default_findings = [(f.code, f.line, f.column) for f in lint_text(text)]
    assert blank_findings == default_findings
    assert any(code == "SP002" for code, _, _ in blank_findings)
