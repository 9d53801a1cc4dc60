"""The output formats of ``check``: SARIF against the official schema, JUnit, GitHub and GitLab goldens,
``full``'s carets, ``-o`` files, and the options that shape output (exit code, statistics, colour)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner
from helpers import FIXTURES, REPO

from contentlint.cli import main
from contentlint.model.finding import Finding, Location, Severity
from contentlint.output.github import annotation, escape_data, escape_property

GOLDEN = Path(__file__).resolve().parent / "golden" / "formats"
SARIF_SCHEMA = FIXTURES / "sarif" / "sarif-2.1.0-rtm.5.json"
ANSI = re.compile(r"\x1b\[[0-9;]*m")
BAD = "Our nurses could of told you that.\n"


def run(*args: str, env: dict[str, str] | None = None, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), env=env, input=input, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from the repository root, so that paths in reports are ``samples/...`` as in CI."""
    monkeypatch.chdir(REPO)


def samples_json() -> dict[str, Any]:
    return json.loads(run("check", "samples/", "--format", "json")[1])


def golden(name: str, actual: str, update: bool) -> None:
    path = GOLDEN / name
    if update:
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8")


@pytest.mark.usefixtures("in_repo")
def test_sarif_of_samples_validates_against_the_schema() -> None:
    code, out, _ = run("check", "samples/", "--format", "sarif")
    assert code == 1
    log = json.loads(out)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker()).validate(log)
    sarif_run = log["runs"][0]
    rules = sarif_run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted(r["id"] for r in rules)
    assert all(r["help"]["text"] and r["shortDescription"]["text"] for r in rules)
    document = samples_json()
    expected = [(f["path"], x["code"], x["line"], x["column"]) for f in document["files"] for x in f["findings"]]
    results = sarif_run["results"]
    assert [(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["ruleId"],
             r["locations"][0]["physicalLocation"]["region"]["startLine"],
             r["locations"][0]["physicalLocation"]["region"]["startColumn"]) for r in results] == expected
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    duplicates = [r for r in results if r["ruleId"].startswith("DU")]
    assert duplicates and all(r["relatedLocations"] for r in duplicates)
    assert "[first copy](1)" in duplicates[0]["message"]["text"]


@pytest.mark.usefixtures("in_repo")
def test_junit_parses_with_one_failure_per_finding() -> None:
    code, out, _ = run("check", "samples/", "--format", "junit")
    assert code == 1
    root = ET.fromstring(out)
    document = samples_json()
    findings = sum(len(f["findings"]) for f in document["files"])
    assert root.tag == "testsuites" and int(root.get("failures", "-1")) == findings == 32
    assert len(root.findall(".//failure")) == findings
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {f["path"] for f in document["files"]}
    clean = suites["samples/clean-article.md"]
    assert clean.get("failures") == "0" and clean.get("tests") == "1"


@pytest.mark.usefixtures("in_repo")
@pytest.mark.parametrize(("fmt", "name"), [("github", "samples.github.txt"), ("gitlab", "samples.gitlab.json")])
def test_ci_formats_match_goldens(fmt: str, name: str, update_goldens: bool) -> None:
    code, out, _ = run("check", "samples/", "--format", fmt)
    assert code == 1
    golden(name, out, update_goldens)


@pytest.mark.usefixtures("in_repo")
def test_gitlab_fingerprints_are_unique_and_survive_moved_lines(tmp_path: Path) -> None:
    issues = json.loads(run("check", "samples/", "--format", "gitlab")[1])
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    assert {i["severity"] for i in issues} <= {"info", "minor", "major", "critical", "blocker"}
    article = tmp_path / "a.md"
    article.write_text(BAD)
    before = json.loads(run("check", str(article), "--format", "gitlab")[1])
    article.write_text("# Title\n\nA new first paragraph.\n\n" + BAD)
    after = json.loads(run("check", str(article), "--format", "gitlab")[1])
    assert [i["fingerprint"] for i in before] == [i["fingerprint"] for i in after]
    assert before[0]["location"]["positions"]["begin"]["line"] != after[0]["location"]["positions"]["begin"]["line"]


def test_github_escaping() -> None:
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_property("a:b,c%d\n") == "a%3Ab%2Cc%25d%0A"
    finding = Finding(path="docs/a,b:c.md", line=3, column=5, end_line=3, end_column=9, code="SP002",
                      name="modal-of", severity=Severity.INFO, message="50% of readers: see\nthis",
                      related=(Location("docs/first.md", 1, 1, 1, 9),))
    assert annotation(finding) == (
        "::notice file=docs/a%2Cb%3Ac.md,line=3,col=5,endLine=3,endColumn=9,title=SP002 modal-of::"
        "50%25 of readers: see%0Athis [see docs/first.md:1:1]"
    )


def test_github_is_the_default_inside_github_actions(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text(BAD)
    _, out, _ = run("check", str(article), env={"GITHUB_ACTIONS": "true"})
    assert out.startswith("::warning file=") and "title=SP002 modal-of::" in out
    _, out, _ = run("check", str(article), "--format", "text", env={"GITHUB_ACTIONS": "true"})
    assert not out.startswith("::")


def test_full_format_shows_the_source_line_and_a_caret(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text("# Care\n\nAsk first.\tOur nurses could of told you that.\n")
    code, out, _ = run("check", str(article), "--format", "full", "--select", "SP002")
    assert code == 0
    lines = out.splitlines()
    source = next(i for i, line in enumerate(lines) if line.startswith("3 | "))
    caret = lines[source + 1]
    start = caret.index("^")
    assert lines[source][start:start + len("could of")] == "could of"
    assert caret[start:].startswith("^" * len("could of") + " SP002")
    assert "= suggestion: could have" in out


def test_output_file_is_written_and_findings_still_shown(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text(BAD)
    report = tmp_path / "out" / "report.sarif"
    report.parent.mkdir()
    code, out, _ = run("check", str(article), "--format", "sarif", "-o", str(report))
    assert code == 0
    assert json.loads(report.read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert "warning SP002" in out  # the log still shows the findings
    assert [p.name for p in report.parent.iterdir()] == ["report.sarif"]  # no temporary file left behind
    code, _, err = run("check", str(article), "--format", "sarif", "-o", str(tmp_path / "missing" / "r.sarif"))
    assert code == 2 and "cannot write" in err
    code, out, _ = run("check", str(article), "--statistics", "--format", "junit", "-o", str(tmp_path / "r.xml"))
    assert out.startswith("1  SP002") and "failures=\"1\"" in (tmp_path / "r.xml").read_text(encoding="utf-8")


def test_exit_zero_and_read_errors(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text(BAD)
    assert run("check", "--fail-on", "warning", str(article))[0] == 1
    assert run("check", "--fail-on", "warning", "--exit-zero", str(article))[0] == 0
    assert run("check", "--exit-zero", str(tmp_path / "missing.md"))[0] == 2


def test_statistics_counts_per_rule(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text(BAD + "\nThey should of asked. It could of helped.\n")
    code, out, _ = run("check", "--statistics", "--select", "SP002", str(article))
    assert code == 0
    assert out.splitlines() == ["3  SP002  modal-of  (warning)", "3 findings in 1 file"]


@pytest.mark.parametrize(("args", "env", "coloured"), [
    ((), {"NO_COLOR": "1"}, False),
    ((), {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),
    ((), {"FORCE_COLOR": "1"}, True),
    (("--color", "always"), {"NO_COLOR": "1"}, True),
    (("--color", "never"), {"FORCE_COLOR": "1"}, False),
    ((), {}, False),  # not a terminal
])
def test_colour(tmp_path: Path, args: tuple[str, ...], env: dict[str, str], coloured: bool) -> None:
    article = tmp_path / "a.md"
    article.write_text(BAD + "\nThis paragraph says the same thing twice over, word for word, again and again.\n"
                       "\nThis paragraph says the same thing twice over, word for word, again and again.\n")
    for fmt in ("text", "full"):
        _, out, err = run("check", *args, "--format", fmt, "--statistics" if fmt == "text" else "-q", str(article),
                          env=env)
        assert bool(ANSI.search(out)) is coloured
        assert not ANSI.search(err)
    _, out, _ = run("check", *args, str(article), env=env)
    assert bool(ANSI.search(out)) is coloured


def test_quiet_drops_grades_and_summary_but_keeps_errors_and_warnings(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text(BAD)
    _, loud, _ = run("check", str(article))
    _, quiet, _ = run("check", "-q", str(article))
    assert "1 file checked" in loud and "reading grade" in loud
    assert quiet.splitlines() == [line for line in loud.splitlines() if ": warning " in line]


def test_progress_bar_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    from contentlint.output import emit

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    targets = [(f"f{i}.md", None) for i in range(25)]
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert emit.progress_bar(targets) is None  # not a terminal: silent
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert emit.progress_bar(targets[:3]) is None  # a short run: no bar
    advance = emit.progress_bar(targets)
    assert advance is not None
    for _ in targets:
        advance(1)
    assert "Linting" in terminal.getvalue() and "25/25" in terminal.getvalue()


@pytest.mark.skipif(not hasattr(__import__("os"), "openpty"), reason="needs a pseudo-terminal")
@pytest.mark.parametrize(("env", "coloured"), [({}, True), ({"NO_COLOR": "1"}, False)])
def test_no_color_on_a_real_terminal(tmp_path: Path, env: dict[str, str], coloured: bool) -> None:
    """On a terminal ``auto`` colours; ``NO_COLOR=1`` leaves no escape code in the output."""
    import os
    import subprocess
    import sys

    article = tmp_path / "a.md"
    article.write_text(BAD)
    leader, follower = os.openpty()
    environ = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS")}
    try:
        done = subprocess.run([sys.executable, "-m", "contentlint", "check", str(article)], stdout=follower,
                              stderr=subprocess.PIPE, env={**environ, **env}, timeout=120)
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal is closed once everything is read
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(leader)
    out = b"".join(chunks).decode("utf-8")
    assert done.returncode == 0 and "SP002" in out
    assert bool(ANSI.search(out)) is coloured
