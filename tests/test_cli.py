"""The command line through click's runner: exit codes, formats, stdin, rules, explain, bad input."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from helpers import REPO

from contentlint import __version__
from contentlint.cli import main

BAD = "Our nurses could of told you that.\n"
CLEAN = "Drink water every day. Rest when you feel tired.\n"


def run(*args: str, input: str | bytes | None = None) -> tuple[int, str, str]:
    runner = CliRunner()
    result = runner.invoke(main, list(args), input=input, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def readme_schema() -> dict:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    block = text.split("<!-- json-schema:start -->")[1].split("<!-- json-schema:end -->")[0]
    return json.loads(block.strip().removeprefix("```json").removesuffix("```"))


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0 and __version__ in out


def test_help_lists_commands() -> None:
    code, out, _ = run("--help")
    assert code == 0
    for command in ("check", "rules", "explain"):
        assert command in out


def test_warning_does_not_fail_by_default(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(BAD)
    code, out, _ = run("check", str(path))
    assert code == 0
    assert re.search(rf"{re.escape(str(path))}:1:\d+: warning SP002 ", out)
    assert "1 file checked" in out


def test_fail_on_warning(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(BAD)
    assert run("check", "--fail-on", "warning", str(path))[0] == 1


def test_quiet_keeps_findings_and_drops_the_summary(tmp_path: Path) -> None:
    # -q used to hide every warning below --fail-on, so a quiet hook passed them silently.
    path = tmp_path / "a.md"
    path.write_text(BAD)
    code, out, _ = run("check", "-q", str(path))
    assert code == 0
    assert out.splitlines() == [line for line in out.splitlines() if " warning SP002 " in line] and out


def test_select_and_ignore(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(BAD)
    assert "SP002" not in run("check", "--ignore", "SP002", str(path))[1]
    assert "SP002" in run("check", "--select", "spelling", str(path))[1]
    code, _, err = run("check", "--select", "ZZ999", str(path))
    assert code == 2 and "ZZ999" in err


def test_stdin_with_filename() -> None:
    code, out, _ = run("check", "-", "--stdin-filename", "draft.md", "--fail-on", "warning", input=BAD)
    assert code == 1
    assert out.startswith("draft.md:1:")


def test_json_output_matches_readme_schema(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(BAD + "\n" + CLEAN)
    (tmp_path / "b.html").write_text("<p>" + CLEAN + "</p>")
    (tmp_path / "c.bin.md").write_bytes(b"\x00\x01binary")
    code, out, _ = run("check", "--format", "json", str(tmp_path))
    document = json.loads(out)
    jsonschema.validate(document, readme_schema())
    assert code == 2
    assert document["summary"]["exit_code"] == 2
    by_path = {Path(f["path"]).name: f for f in document["files"]}
    assert "binary" in by_path["c.bin.md"]["error"]
    finding = by_path["a.md"]["findings"][0]
    assert (finding["code"], finding["line"], finding["suggestion"]) == ("SP002", 1, "could have")


def test_directory_recursion_and_exclusion(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.md").write_text(BAD)
    (tmp_path / "sub" / "notes.py").write_text("x = 1\n")
    (tmp_path / ".contentlint.toml").write_text('exclude = ["sub/skip*"]\n')
    (tmp_path / "sub" / "skip-me.md").write_text(BAD)
    code, out, _ = run("check", str(tmp_path))
    assert "a.md" in out and "skip-me" not in out and "notes.py" not in out


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"\x00\x01\x02binary", "binary"),
        (b"caf\xe9 au lait\n", "not valid UTF-8"),
        (b"\xff\xfeh\x00i\x00", "UTF-16"),
    ],
)
def test_bad_input_is_reported_and_others_still_linted(tmp_path: Path, data: bytes, problem: str) -> None:
    bad = tmp_path / "bad.md"
    bad.write_bytes(data)
    good = tmp_path / "good.md"
    good.write_text(BAD)
    code, out, err = run("check", str(bad), str(good))
    assert code == 2
    assert f"{bad}: error CL001" in err and problem in err
    assert "SP002" in out  # the readable file was still linted
    assert "Traceback" not in err + out


def test_missing_and_huge_files(tmp_path: Path) -> None:
    huge = tmp_path / "huge.md"
    huge.write_bytes(b"word " * 2_000_000)
    code, _, err = run("check", str(tmp_path / "nope.md"), str(huge))
    assert code == 2
    assert "nope.md: error CL001 no such file" in err
    assert "too large" in err


def test_malformed_html_does_not_crash(tmp_path: Path) -> None:
    path = tmp_path / "broken.html"
    path.write_text("<p>Unclosed <b>tags <td>and <script>could of</p></div></span>alot here")
    code, out, err = run("check", str(path))
    assert "Traceback" not in out + err
    assert code in (0, 1)


def test_rules_table_lists_every_rule_file() -> None:
    code, out, _ = run("rules")
    assert code == 0
    for path in (REPO / "rules").glob("*/[A-Z][A-Z][0-9][0-9][0-9]-*.yaml"):
        assert path.stem.split("-")[0] in out


def test_explain_shows_examples() -> None:
    code, out, _ = run("explain", "SP002")
    assert code == 0
    assert "Bad:" in out and "Good:" in out and "Why:" in out
    code, _, err = run("explain", "XX123")
    assert code == 2 and "unknown rule" in err


def test_unknown_config_key_exits_2(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.contentlint]\nselct = ["SP"]\n')
    (tmp_path / "a.md").write_text(CLEAN)
    code, _, err = run("check", str(tmp_path / "a.md"))
    assert code == 2 and "selct" in err


def test_unknown_rule_in_config_exits_2(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.contentlint.rules.RD999]\nmax = 6\n")
    (tmp_path / "a.md").write_text(CLEAN)
    code, _, err = run("check", str(tmp_path / "a.md"))
    assert code == 2 and "RD999" in err


def test_python_dash_m(tmp_path: Path) -> None:
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "contentlint", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and __version__ in result.stdout


def test_unreadable_file_even_as_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.md"
    path.write_text(BAD)
    real = os.open

    # Root reads 0o000 files, so the refusal is simulated where contentlint opens the file.
    def refuse(name: str, flags: int, *args: object) -> int:
        if str(name).endswith("secret.md"):
            raise PermissionError(13, "Permission denied")
        return real(name, flags, *args)

    monkeypatch.setattr(os, "open", refuse)
    code, _, err = run("check", str(path))
    assert code == 2 and "secret.md: error CL001 permission denied" in err


def test_parallel_run_matches_serial(tmp_path: Path) -> None:
    for number in range(20):
        (tmp_path / f"a{number:02}.md").write_text(BAD + f"\nPage {number} has its own text about sleep and rest.\n")
    (tmp_path / "a05.md").write_text(
        "Wash your hands with soap and water for twenty seconds before you change the dressing.\n"
    )
    (tmp_path / "a15.md").write_text(
        "Wash your hands with soap and water for twenty seconds before you change the dressing.\n"
    )
    serial = run("check", "--format", "json", "--jobs", "1", str(tmp_path))
    parallel = run("check", "--format", "json", "--jobs", "2", str(tmp_path))
    assert serial[0] == parallel[0] == 1
    assert json.loads(serial[1]) == json.loads(parallel[1])
