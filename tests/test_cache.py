"""The result cache never changes output; options invalidate what they must; corrupt entries are misses.

Also: output is byte-identical for any ``--jobs`` (a multi-file run with a rule that parses).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import REPO

from contentlint.engine.cache import ResultCache, clean
from contentlint.engine.config import Settings
from contentlint.engine.run import build_rules, lint_paths

ARTICLE = """\
# Zinc and colds

Zinc cures the common cold in every patient. Studies show it alot of the time, irregardless of age.

This supplement prevents cancer and boosts your immune system. Your going to feel better then ever.

Zinc cures the common cold in every patient. Studies show it alot of the time, irregardless of age.
"""

HOUSE_RULE = """\
code: HX001
name: root-verb
kind: python
level: info
scope: sentence
message: "root {match}"
summary: A test rule that reads syntax.
why: To test determinism with a parser.
options:
  entry: "house_parse:root_verb"
examples:
  bad: []
  good: []
"""

HOUSE_MODULE = """\
from contentlint.kinds.contract import rule_function
from contentlint.model.finding import Hit


@rule_function(needs=("dependencies",), wants=r"\\b(cures|prevents|helps)\\b")
def root_verb(unit, options):
    doc = unit.parsed()
    if doc is None:
        return
    for token in doc:
        if token.dep_ == "ROOT":
            yield Hit(token.idx, token.idx + len(token.text), token.text, data={})
"""


def _corpus(root: Path, count: int = 20) -> Path:
    """``count`` articles, some sharing paragraphs (so the duplicate stage has work)."""
    folder = root / "articles"
    folder.mkdir(parents=True)
    for number in range(count):
        extra = f"\nArticle {number} says rest helps recovery for {number} days in most adults and children.\n"
        (folder / f"a{number:02}.md").write_text(ARTICLE + extra, encoding="utf-8")
    return folder


def _check(*args: str, cwd: Path, env: dict[str, str] | None = None) -> bytes:
    done = subprocess.run([sys.executable, "-m", "contentlint", "check", "--format", "json", *args],
                          capture_output=True, cwd=cwd, env={**os.environ, **(env or {})}, check=False)
    assert done.returncode in (0, 1), done.stderr.decode()
    return done.stdout


def _entries(directory: Path) -> list[Path]:
    return sorted(directory.rglob("*.msgpack"))


def test_cached_and_uncached_output_byte_identical(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    cache = tmp_path / "cache"
    uncached = _check("--no-cache", "--duplicate-scope", "files", str(folder), cwd=tmp_path)
    assert not cache.exists()
    first = _check("--cache-dir", str(cache), "--duplicate-scope", "files", str(folder), cwd=tmp_path)
    stored = _entries(cache)
    assert len(stored) == 20
    mtimes = [p.stat().st_mtime_ns for p in stored]
    second = _check("--cache-dir", str(cache), "--duplicate-scope", "files", str(folder), cwd=tmp_path)
    assert uncached == first == second
    assert b"DU001" in second  # duplicates across files still found from cached fingerprints
    assert [p.stat().st_mtime_ns for p in _entries(cache)] == mtimes  # all hits: nothing rewritten


def _run(folder: Path, cache: Path, settings: Settings) -> list[tuple[str, int, str, str]]:
    rules = build_rules(settings)
    run = lint_paths([str(folder)], settings, rules, jobs=1, keep_source=False, cache_dir=cache)
    return [(r.path, f.line, f.code, f.message) for r in run.files for f in r.findings]


def test_changed_rule_option_invalidates_and_unrelated_setting_does_not(tmp_path: Path) -> None:
    folder = _corpus(tmp_path, 3)
    cache = tmp_path / "cache"
    base = Settings(root=tmp_path, duplicate_scope="files")
    before = _run(folder, cache, base)
    count = len(_entries(cache))
    assert count == 3
    # fail-on is applied after the cache: the same entries serve the run.
    _run(folder, cache, Settings(root=tmp_path, duplicate_scope="files", fail_on=base.fail_on.WARNING))
    assert len(_entries(cache)) == count
    # A lower RD002 maximum must give new findings, never the cached ones.
    strict = Settings(root=tmp_path, duplicate_scope="files", rule_options={"RD002": {"max": 5}})
    after = _run(folder, cache, strict)
    assert len(_entries(cache)) == 2 * count
    assert {f for f in after if f[2] == "RD002"} - {f for f in before if f[2] == "RD002"}
    assert _run(folder, cache, strict) == after  # and the new entries are hits


def test_corrupt_entry_is_ignored_and_rewritten(tmp_path: Path) -> None:
    folder = _corpus(tmp_path, 2)
    cache = tmp_path / "cache"
    settings = Settings(root=tmp_path, duplicate_scope="files")
    good = _run(folder, cache, settings)
    entries = _entries(cache)
    entries[0].write_bytes(b"\xc1 not msgpack")
    entries[1].write_bytes(b"\x81\xa8findings\x90")  # valid msgpack, missing fields
    assert _run(folder, cache, settings) == good
    assert all(e.read_bytes()[:1] != b"\xc1" for e in _entries(cache))
    assert _run(folder, cache, settings) == good


def test_entries_are_not_pickle(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path, "k")
    cache.put("x", {"findings": []})
    raw = _entries(tmp_path)[0].read_bytes()
    assert not raw.startswith(b"\x80")  # pickle protocol marker
    assert cache.get("x") == {"findings": []}
    assert not [p for p in tmp_path.rglob(".tmp-*")]  # the temporary file was renamed away


def test_cache_clean_removes_only_entries(tmp_path: Path) -> None:
    folder = _corpus(tmp_path, 2)
    cache = tmp_path / "cache"
    _check("--cache-dir", str(cache), str(folder), cwd=tmp_path)
    (cache / "mine.txt").write_text("keep me")
    done = subprocess.run([sys.executable, "-m", "contentlint", "cache", "clean", "--cache-dir", str(cache)],
                          capture_output=True, text=True, check=True)
    assert "removed 2 cached results" in done.stdout
    assert not _entries(cache)
    assert (cache / "mine.txt").read_text() == "keep me"
    assert clean(tmp_path / "absent") == 0


def test_repository_fingerprints_are_cached(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    folder = _corpus(repo, 4)
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run(["git", "-C", str(repo), "add", "."], check=True)
    cache = tmp_path / "cache"
    target = str(folder / "a00.md")
    first = _check("--cache-dir", str(cache), target, cwd=repo)
    # one full entry for the linted file, one fingerprint entry per other tracked article
    assert len(_entries(cache)) == 4
    second = _check("--cache-dir", str(cache), target, cwd=repo)
    assert first == second
    assert b"DU003" in first and b"a01.md" in first  # found against another tracked file
    assert len(_entries(cache)) == 4


@pytest.mark.parametrize("extra", [[], ["--no-cache"]])
def test_jobs_one_and_two_byte_identical_with_syntax(tmp_path: Path, extra: list[str]) -> None:
    folder = _corpus(tmp_path, 24)  # above the threshold for a process pool
    house = tmp_path / "house" / "mine"
    house.mkdir(parents=True)
    (house / "HX001-root-verb.yaml").write_text(HOUSE_RULE)
    (tmp_path / "house_parse.py").write_text(HOUSE_MODULE)
    config = tmp_path / "conf.toml"
    config.write_text('extra-rule-paths = ["house"]\nallow-code = ["house_parse"]\nduplicate-scope = "files"\n')
    env = {"PYTHONPATH": os.pathsep.join([str(tmp_path), str(REPO / "tests")])}
    common = ["--config", str(config), "--cache-dir", str(tmp_path / "cache"), *extra, str(folder)]
    one = _check("--jobs", "1", *common, cwd=tmp_path, env=env)
    two = _check("--jobs", "2", *common[:-1], "--no-cache", str(folder), cwd=tmp_path, env=env)
    assert b"HX001" in one  # the parser ran
    assert one == two


def test_run_key_follows_lexicons_and_ignores_output_settings(tmp_path: Path) -> None:
    from contentlint.engine.cache import run_key
    from contentlint.engine.run import known_rules
    from contentlint.model.finding import Severity

    extra = tmp_path / "house"
    extra.mkdir()
    lexicon = extra / "words.txt"
    lexicon.write_text("words: [cure]\n")
    settings = Settings(root=tmp_path, extra_rule_paths=(extra,))
    rules, known = build_rules(settings), known_rules(settings)
    key = run_key(settings, rules, known, None)
    assert run_key(Settings(root=tmp_path, extra_rule_paths=(extra,), fail_on=Severity.INFO,
                            exclude=("x/*",)), rules, known, None) == key
    lexicon.write_text("words: [cure, heal]\n")  # a file no rule names, but one a rule may read
    assert run_key(settings, rules, known, None) != key
    assert run_key(settings, rules, known, "blank") != run_key(settings, rules, known, None)
