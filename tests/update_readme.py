"""Regenerate the README's rule table from the rule files (run after changing a rule)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from contentlint.cli import main

README = Path(__file__).resolve().parent.parent / "README.md"

if __name__ == "__main__":
    table = CliRunner().invoke(main, ["rules", "--format", "markdown"]).stdout.strip()
    text = README.read_text(encoding="utf-8")
    head, rest = text.split("<!-- rules-table:start -->")
    _, tail = rest.split("<!-- rules-table:end -->")
    README.write_text(f"{head}<!-- rules-table:start -->\n{table}\n<!-- rules-table:end -->{tail}", encoding="utf-8")
    print(f"updated {README}")
