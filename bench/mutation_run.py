"""Mutation testing of the engine modules with mutmut (not run in CI: it takes minutes per module).

A mutation run changes the code one small edit at a time (a flipped comparison, a changed constant, a
dropped call) and runs the tests against each change; a mutant the tests do not notice ("survived")
is a place where the tests do not pin the behaviour down. The score is killed / (killed + survived).

The run happens in a scratch copy of the checkout (``git ls-files``), with a generated ``setup.cfg``
holding mutmut's configuration, so the repository itself carries no mutmut state. Usage::

    pip install -e ".[bench]"
    python bench/mutation_run.py contentlint/engine/suppress.py --tests tests/test_suppress.py tests/test_samples.py
    python bench/mutation_run.py contentlint/model/sourcemap.py --tests tests/test_positions.py --report bench/mutation-results.md

The engine modules named by issue 9 are sourcemap, suppress, config, registry, linter, fixer and kinds;
run them one at a time (each takes a few minutes on two cores). ``--report`` appends the score and the
surviving mutants (with their diffs) to a Markdown file.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _scratch_copy(target: Path) -> None:
    """Copy the tracked files of the checkout (plus uncommitted edits to them) to ``target``."""
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, check=True, capture_output=True).stdout
    for name in filter(None, files.decode().split("\0")):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


def _config(module: str, tests: list[str]) -> str:
    """Return mutmut's ``setup.cfg`` section for one module and the tests that exercise it.

    ``-n 0``: the suite's ``addopts`` ask pytest-xdist for a worker per core; mutmut runs the tests
    in its own process, which must see the mutant it switched on, so no workers here.
    """
    test_lines = "\n    ".join(tests)
    return f"""[mutmut]
source_paths =
    contentlint
only_mutate =
    {module}
also_copy =
    rules
    samples
    tests
pytest_add_cli_args_test_selection =
    {test_lines}
pytest_add_cli_args =
    -p
    no:cacheprovider
    -n
    0
"""


def _mutmut(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run mutmut (from this interpreter's environment) in ``cwd``."""
    return subprocess.run([sys.executable, "-m", "mutmut", *args], check=False, cwd=cwd, capture_output=True, text=True)


def _results(cwd: Path) -> dict[str, str]:
    """Return ``{mutant name: status}`` from ``mutmut results --all true``."""
    out = _mutmut(["results", "--all", "true"], cwd).stdout
    statuses: dict[str, str] = {}
    for line in out.splitlines():
        name, sep, status = line.strip().rpartition(": ")
        if sep and name:
            statuses[name] = status.strip()
    return statuses


def main(argv: list[str] | None = None) -> int:
    """Run mutmut over one module and print (and optionally record) the score and the survivors."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("module", help="the module to mutate, e.g. contentlint/engine/suppress.py")
    parser.add_argument("--tests", nargs="+", required=True, help="the test files that exercise it")
    parser.add_argument("--report", type=Path, help="append the result to this Markdown file")
    parser.add_argument("--keep", action="store_true", help="keep the scratch copy (printed)")
    args = parser.parse_args(argv)
    scratch = Path(tempfile.mkdtemp(prefix="contentlint-mutation-"))
    try:
        _scratch_copy(scratch)
        (scratch / "setup.cfg").write_text(_config(args.module, args.tests), encoding="utf-8")
        started = time.monotonic()
        run = _mutmut(["run"], scratch)
        elapsed = time.monotonic() - started
        statuses = _results(scratch)
        if not statuses:
            print(run.stdout[-3000:], run.stderr[-3000:], sep="\n", file=sys.stderr)
            return 1
        counts: dict[str, int] = {}
        for status in statuses.values():
            counts[status] = counts.get(status, 0) + 1
        killed, survived = counts.get("killed", 0), counts.get("survived", 0)
        score = killed / (killed + survived) if killed + survived else 1.0
        survivors = sorted(name for name, status in statuses.items() if status == "survived")
        others = ", ".join(f"{n} {s}" for s, n in sorted(counts.items()) if s not in ("killed", "survived"))
        lines = [
            f"## `{args.module}` ({time.strftime('%Y-%m-%d')}, {elapsed:.0f} s)",
            "",
            f"Tests: {' '.join(f'`{t}`' for t in args.tests)}",
            "",
            f"Score: **{score:.1%}** ({killed} killed, {survived} survived" + (f"; {others}" if others else "") + ")",
            "",
        ]
        if survivors:
            lines += ["Surviving mutants:", ""]
            for name in survivors:
                diff = _mutmut(["show", name], scratch).stdout.strip()
                lines += [f"- `{name}`", "", "```diff", diff, "```", ""]
        text = "\n".join(lines)
        print(text)
        if args.report:
            with args.report.open("a", encoding="utf-8") as fh:
                fh.write(text + "\n")
        return 0
    finally:
        if args.keep:
            print(f"scratch copy kept in {scratch}", file=sys.stderr)
        else:
            shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
