"""The ``contentlint`` command line: only argument handling, I/O and exit codes live here."""

from __future__ import annotations

import signal
import sys
from dataclasses import replace
from pathlib import Path

import click

from contentlint import __version__
from contentlint.engine.config import ConfigError, Settings, find_config, load_settings
from contentlint.engine.fixer import apply_fixes, fix_files, fixable, remove_temporaries, unified_diff
from contentlint.engine.messages import printable
from contentlint.engine.registry import Rule, RuleError, builtin_rules_dir, load_rules, resolve
from contentlint.model.codes import ENGINE_CODES
from contentlint.model.finding import Severity
from contentlint.model.result import Report

EXIT_USAGE = 2
_FORMATS = ["text", "full", "json", "sarif", "github", "junit", "gitlab", "html"]
# The shell's convention: 128 + the signal's number (SIGINT 2, SIGTERM 15).
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143


def _on_sigterm(_signum: int, _frame: object) -> None:
    """Turn SIGTERM into ``SystemExit`` so that ``finally`` blocks remove temporary files."""
    raise SystemExit(EXIT_TERMINATED)


def _install_signal_handlers() -> object:
    """Handle SIGTERM like SIGINT (unwind, clean up); return the previous handler (``None`` if unchanged)."""
    try:
        return signal.signal(signal.SIGTERM, _on_sigterm)
    except ValueError:  # not the main thread (an embedding application): keep its handlers
        return None


class _Group(click.Group):
    """The command group, plus interruption: Ctrl-C exits 130 (click's default is 1), SIGTERM 143,
    and temporary files of a ``--fix`` in progress are removed either way."""

    def invoke(self, ctx: click.Context) -> object:
        """Run the subcommand with the signal handlers in place."""
        previous = _install_signal_handlers()
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            remove_temporaries()
            click.echo("contentlint: interrupted", err=True)
            sys.exit(EXIT_INTERRUPTED)
        finally:
            remove_temporaries()
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)  # type: ignore[arg-type]


def _split(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _settings(config: str | None, paths: tuple[str, ...]) -> Settings:
    if config:
        return load_settings(Path(config), explicit=True)
    start = Path(paths[0]) if paths and paths[0] != "-" else Path.cwd()
    return load_settings(find_config(start))


def _fail(message: str) -> None:
    click.echo(f"contentlint: error: {message}", err=True)
    sys.exit(EXIT_USAGE)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="contentlint")
def main() -> None:
    """Lint health articles (Markdown, HTML, plain text) for duplicated paragraphs, readability,
    spelling slips that spell-checkers miss, and unhedged medical claims.

    \b
    Examples:
      contentlint check samples/
      contentlint check article.md --format json
      contentlint check docs/ --format sarif -o contentlint.sarif
      contentlint check docs/ --format html -o report.html
      cat draft.md | contentlint check - --stdin-filename draft.md
      contentlint rules
      contentlint explain MC001
      contentlint init
    """


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(_FORMATS), default=None,
              help="Output format [default: text; github when GITHUB_ACTIONS=true].")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None, metavar="FILE",
              help="Write the report to FILE (atomically); standard output still shows the findings.")
@click.option("--select", multiple=True, metavar="CODES",
              help="Only these rules: codes, prefixes, names or packs, comma-separated.")
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip these rules (same forms as --select).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Lowest severity that makes the exit code 1 [default: error, or the config's fail-on].")
@click.option("--config", type=click.Path(dir_okay=False), default=None,
              help="Configuration file (default: nearest .contentlint.toml or pyproject.toml upward).")
@click.option("--stdin-filename", default=None, metavar="NAME",
              help="With '-': the name to report and whose extension picks the format.")
@click.option("-q", "--quiet", is_flag=True, help="Print only the findings: no grades, summary or progress bar.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings reach --fail-on (read errors still exit 2).")
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule instead of each finding.")
@click.option("--color", "color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour the text output (auto: on a terminal; a non-empty NO_COLOR turns it off, FORCE_COLOR on).")
@click.option("--duplicate-scope", type=click.Choice(["repository", "files"]), default=None,
              help="Compare with the git repository's other tracked files, or only the files given "
                   "[default: repository inside a git work tree].")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0, show_default=True,
              help="Worker processes for many files (0: one per CPU).")
@click.option("--fix", is_flag=True, help="Apply the fixes marked safe, in place (atomic writes).")
@click.option("--diff", is_flag=True, help="Print the safe fixes as a unified diff; write nothing.")
@click.option("--no-respect-gitignore", "no_gitignore", is_flag=True,
              help="Also lint files that .gitignore files ignore (.contentlintignore still applies).")
@click.option("--no-cache", is_flag=True, help="Lint every file again; neither read nor write the result cache.")
@click.option("--cache-dir", type=click.Path(file_okay=False), default=None, metavar="DIR",
              help="Result cache directory [default: $CONTENTLINT_CACHE_DIR or the user cache directory].")
def check(paths: tuple[str, ...], fmt: str | None, output: str | None, select: tuple[str, ...],
          ignore: tuple[str, ...], fail_on: str | None, config: str | None, stdin_filename: str | None,
          quiet: bool, exit_zero: bool, statistics: bool, color: str, duplicate_scope: str | None,
          jobs: int, fix: bool, diff: bool, no_gitignore: bool, no_cache: bool, cache_dir: str | None) -> None:
    """Lint PATHS (files, directories or quoted globs; '-' reads standard input).

    Exit status: 0 nothing at or above --fail-on, 1 findings at or above it,
    2 usage, configuration, read or fix errors, 130 interrupted (Ctrl-C).
    """
    # Start-up laziness, not a cycle: the run (spaCy) and the formatters load only when a check runs,
    # so that --version, --help and `rules` stay fast.
    from contentlint.engine.run import build_rules, lint_paths
    from contentlint.output import NEEDS_SOURCE, OutputOptions, catalogue, render_statistics
    from contentlint.output.emit import default_format, emit, progress_bar, use_colour

    if "-" in paths and len(paths) > 1:
        _fail("'-' (standard input) cannot be combined with other paths")
    if fix and diff:
        _fail("--fix and --diff cannot be combined")
    if fix and paths == ("-",):
        _fail("--fix cannot write to standard input; use --diff")
    try:
        settings = _settings(config, (stdin_filename,) if paths == ("-",) and stdin_filename else paths)
        rules = build_rules(settings, _split(select), _split(ignore))
    except (ConfigError, RuleError) as exc:
        _fail(str(exc))
        return
    if fail_on:
        settings = replace(settings, fail_on=Severity.parse(fail_on))
    if duplicate_scope:
        settings = replace(settings, duplicate_scope=duplicate_scope)
    if no_gitignore:
        settings = replace(settings, respect_gitignore=False)
    fmt = fmt or default_format()
    # At most the size limit plus one byte, so that `contentlint check - < /dev/zero` is refused, not read whole.
    stdin = sys.stdin.buffer.read(settings.max_file_size + 1) if paths == ("-",) else None
    from contentlint.engine.cache import default_cache_dir  # start-up laziness: only a check run needs it

    cache = None if no_cache else Path(cache_dir) if cache_dir else default_cache_dir()
    run = lint_paths(paths, settings, rules, stdin=stdin, stdin_name=stdin_filename or "-", jobs=jobs,
                     keep_source=fix or diff or fmt in NEEDS_SOURCE, progress=None if quiet else progress_bar,
                     cache_dir=cache)
    for notice in run.notices:
        click.echo(f"contentlint: {notice}", err=True)
    if diff:
        sys.exit(_print_diffs(run))
    if fix:
        run = _apply_fixes(run)
    for result in run.files:
        if result.error:
            click.echo(f"{printable(result.path)}: error CL001 {result.error}", err=True)
    options = OutputOptions(quiet=quiet, colour=use_colour(color, sys.stdout), rules=catalogue(rules))
    if statistics:
        render_statistics(run, sys.stdout, options)
    try:
        if output or not statistics:
            emit(run, fmt, options, Path(output) if output else None, show=not statistics)
    except OSError as exc:
        _fail(f"cannot write {output}: {exc.strerror or exc}")
    code = run.exit_code()
    sys.exit(0 if exit_zero and code == 1 else code)


def _print_diffs(run: Report) -> int:
    """Print the safe fixes of every file as one unified diff; 1 when there is any, else 0."""
    changed = 0
    for result in run.files:
        if result.error:
            click.echo(f"{printable(result.path)}: error CL001 {result.error}", err=True)
        elif result.source is not None and fixable(result.findings):
            after, _ = apply_fixes(result.source, fixable(result.findings))
            if after != result.source:
                # The diff is of the file as stored, BOM included, so that patch finds its context.
                bom = "\ufeff" if result.bom else ""
                sys.stdout.write(unified_diff(result.path, bom + result.source, bom + after))
                changed += 1
    if any(r.error for r in run.files):
        return 2
    return 1 if changed else 0


def _apply_fixes(run: Report) -> Report:
    """Write the safe fixes in place; fixed findings leave the report, write problems join it (CL006)."""
    files, total = fix_files(run.files)
    if total:
        click.echo(f"contentlint: fixed {total} problem{'s' if total != 1 else ''}", err=True)
    return replace(run, files=tuple(files))


def _load_all() -> dict[str, Rule]:
    try:
        settings = _settings(None, ())
        return load_rules([builtin_rules_dir(), *settings.extra_rule_paths], settings.allow_code)
    except (ConfigError, RuleError) as exc:
        _fail(str(exc))
        raise AssertionError("unreachable") from exc


@main.command()
@click.option("--format", "fmt", type=click.Choice(["table", "markdown", "json"]), default="table", show_default=True)
@click.option("--pack", default=None, help="Only the rules of this pack.")
def rules(fmt: str, pack: str | None) -> None:
    """List every rule: code, name, pack, level and summary."""
    loaded = _load_all()
    if fmt == "json":
        import json

        from contentlint.output import catalogue  # start-up laziness: formatters load only when asked for

        infos = [i.to_dict() for i in catalogue(loaded).values() if not pack or i.family == pack]
        click.echo(json.dumps(infos, indent=2, ensure_ascii=False))
        return
    rows = [(r.code, r.name, r.pack, str(r.level), r.summary) for r in loaded.values() if not pack or r.pack == pack]
    if not pack:
        rows += [(c.code, c.name, "engine", str(c.level), c.summary) for c in ENGINE_CODES]
    rows.sort()
    if fmt == "markdown":
        click.echo("| code | name | pack | level | summary |\n|---|---|---|---|---|")
        for row in rows:
            click.echo("| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |")
        return
    widths = [max(len(row[i]) for row in rows + [("code", "name", "pack", "level", "")]) for i in range(4)]
    click.echo("  ".join(h.ljust(w) for h, w in zip(("CODE", "NAME", "PACK", "LEVEL"), widths)) + "  SUMMARY")
    for row in rows:
        click.echo("  ".join(cell.ljust(w) for cell, w in zip(row, widths)) + "  " + row[4])


@main.command()
@click.argument("code")
def explain(code: str) -> None:
    """Explain a rule (by code or name): summary, why, options and examples.

    A prefix (``MC``) or a pack name lists the rules it covers.
    """
    import json

    loaded = _load_all()
    rule = loaded.get(code.upper()) or next((r for r in loaded.values() if r.name == code), None)
    if rule is None:
        engine = next((c for c in ENGINE_CODES if c.code == code.upper() or c.name == code), None)
        covered = sorted(resolve(code, loaded)) if engine is None else []
        if covered:
            click.echo(f"{len(covered)} rules match {code!r}; `contentlint explain CODE` explains one:\n")
            for found in covered:
                r = loaded[found]
                click.echo(f"  {r.code}  {r.name}  ({r.level}, pack {r.pack}): {r.summary}")
            return
        if engine is None:
            _fail(f"unknown rule {code!r}; `contentlint rules` lists them")
            return
        click.echo(f"{engine.code} {engine.name} ({engine.level}, engine)\n\n{engine.summary}")
        return
    click.echo(f"{rule.code} {rule.name}  ({rule.level}, pack {rule.pack}, kind {rule.kind}, scope {rule.scope.value})")
    click.echo(f"\n{rule.summary}\n\nWhy:\n  " + rule.why.replace("\n", "\n  "))
    shown = {k: v for k, v in rule.options.items() if k != "entry" and not isinstance(v, (list, dict))}
    if shown:
        click.echo("\nOptions:")
        for key, value in shown.items():
            # A writer reads this, not a Python programmer: yes/no rather than True/False.
            shown_value = ("yes" if value else "no") if isinstance(value, bool) else json.dumps(value)
            click.echo(f"  {key} = {shown_value}")
    if rule.fix_safe:
        click.echo("\nFix: safe (applied by --fix)")
    for title, examples in (("Bad", rule.bad), ("Good", rule.good)):
        if examples:
            click.echo(f"\n{title}:")
            for example in examples:
                suffix = f"   → {example.suggestion}" if example.suggestion else ""
                click.echo("  - " + example.text.strip().replace("\n", "\n    ") + suffix)
    for reference in rule.references:
        click.echo(f"\nReference: {reference}")


@main.group()
def cache() -> None:
    """Manage the result cache (unchanged files are not linted again)."""


@cache.command("clean")
@click.option("--cache-dir", type=click.Path(file_okay=False), default=None, metavar="DIR",
              help="The cache to empty [default: $CONTENTLINT_CACHE_DIR or the user cache directory].")
def cache_clean(cache_dir: str | None) -> None:
    """Remove every cached result."""
    from contentlint.engine.cache import clean, default_cache_dir  # start-up laziness: only this command needs it

    directory = Path(cache_dir) if cache_dir else default_cache_dir()
    removed = clean(directory)
    click.echo(f"removed {removed} cached result{'s' if removed != 1 else ''} from {directory}")


@main.command()
@click.option("--pyproject", is_flag=True,
              help="Add the table to ./pyproject.toml instead of writing .contentlint.toml.")
def init(pyproject: bool) -> None:
    """Write a commented [tool.contentlint] starter with the health defaults (never overwrites)."""
    from importlib.resources import files

    template = files("contentlint").joinpath("templates/init.toml").read_text(encoding="utf-8")
    target = Path("pyproject.toml" if pyproject else ".contentlint.toml")
    if pyproject:
        existing = target.read_text(encoding="utf-8") if target.is_file() else ""
        if "[tool.contentlint" in existing:
            _fail(f"{target} already has a [tool.contentlint] table; edit it instead")
        with target.open("a", encoding="utf-8") as stream:
            stream.write(("\n" if existing and not existing.endswith("\n\n") else "") + template)
    else:
        try:
            with target.open("x", encoding="utf-8") as stream:  # "x": refuse to overwrite, atomically
                stream.write(template)
        except FileExistsError:
            _fail(f"{target} already exists; remove it or edit it")
    click.echo(f"wrote the contentlint settings to {target}; `contentlint check .` uses them")


if __name__ == "__main__":  # pragma: no cover
    main()
