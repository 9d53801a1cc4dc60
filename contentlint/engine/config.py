"""Settings from ``[tool.contentlint]`` in ``pyproject.toml`` or a ``.contentlint.toml``.

The nearest configuration file upward from the linted path is used (or ``--config FILE``); flags
given on the command line win over it. Unknown keys are errors that name the key, never ignored.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from contentlint.model.finding import Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

_KEYS = {"select", "ignore", "fail-on", "exclude", "extra-rule-paths", "per-file-ignores", "rules",
         "nlp-model", "max-file-size", "profile",
         "duplicate-allow", "duplicate-scope", "allow-code", "time-limit", "respect-gitignore"}

#: Seconds one file may take before it is stopped with a CL001 finding (``time-limit``; 0 turns it off).
DEFAULT_TIME_LIMIT = 60.0


class ConfigError(Exception):
    """The configuration is invalid; the message names the file and the key."""


@dataclass(frozen=True)
class Settings:
    """The effective settings of a run."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: Severity = Severity.ERROR
    exclude: tuple[str, ...] = ()
    extra_rule_paths: tuple[Path, ...] = ()
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    nlp_model: str | None = None
    profile: str = "general"
    duplicate_allow: tuple[str, ...] = ()
    duplicate_scope: str | None = None  # "repository" | "files"; None: repository inside a git work tree
    max_file_size: int = 5 * 1024 * 1024
    allow_code: tuple[str, ...] = ()
    time_limit: float = DEFAULT_TIME_LIMIT
    respect_gitignore: bool = True
    source: Path | None = None
    root: Path = field(default_factory=Path.cwd)


def find_config(start: Path) -> Path | None:
    """Return the nearest ``.contentlint.toml`` or ``pyproject.toml`` with our table, upward."""
    try:
        here = start.resolve()
        if here.is_file() or not here.exists():
            here = here.parent
    except (OSError, RuntimeError):  # a symlink loop or an unreadable folder: look from its parent
        here = start.absolute().parent
    for directory in (here, *here.parents):
        candidate = directory / ".contentlint.toml"
        if _is_file(candidate):
            return candidate
        pyproject = directory / "pyproject.toml"
        if _is_file(pyproject):
            try:
                data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                continue
            if "contentlint" in data.get("tool", {}):
                return pyproject
    return None


def _is_file(path: Path) -> bool:
    """``Path.is_file`` that answers False where a folder cannot be read."""
    try:
        return path.is_file()
    except OSError:
        return False


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: must be a list of strings")
    return tuple(value)


def load_settings(path: Path | None, explicit: bool = False) -> Settings:
    """Read and validate the settings in ``path`` (defaults when ``path`` is ``None``).

    ``explicit`` is true when the user named the file (``--config``); only then may it allow code
    (``allow-code``), because a file found by walking up from a linted path may come with the content.
    """
    if path is None:
        return Settings()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: configuration file not found") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("contentlint", {})
        prefix = f"{path}: [tool.contentlint]"
    else:
        table = data.get("tool", {}).get("contentlint", data)
        prefix = f"{path}:"
    return settings_from_table(table, prefix, path, explicit)


def _allow_code(table: Mapping[str, Any], prefix: str, explicit: bool) -> tuple[str, ...]:
    if "allow-code" not in table:
        return ()
    if not explicit:
        raise ConfigError(
            f"{prefix} allow-code: lets house rules run Python code, so it is read only from a configuration "
            "file named with --config, never from one found beside the linted files"
        )
    packages = _strings(table["allow-code"], f"{prefix} allow-code")
    for package in packages:
        if not package.isidentifier() or package == "contentlint":
            raise ConfigError(f"{prefix} allow-code: {package!r} is not a top-level package name")
    return packages


def settings_from_table(table: Mapping[str, Any], prefix: str, path: Path | None, explicit: bool = False) -> Settings:
    """Build ``Settings`` from a configuration table, naming any bad key."""
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise ConfigError(f"{prefix} unknown key(s): {', '.join(unknown)} (known: {', '.join(sorted(_KEYS))})")
    base = path.parent if path else Path.cwd()
    try:
        fail_on = Severity.parse(str(table.get("fail-on", "error")))
    except ValueError as exc:
        raise ConfigError(f"{prefix} fail-on: {exc}") from None
    per_file: dict[str, tuple[str, ...]] = {}
    raw_per_file = table.get("per-file-ignores", {})
    if not isinstance(raw_per_file, dict):
        raise ConfigError(f"{prefix} per-file-ignores: must be a table of glob = [codes]")
    for glob, codes in raw_per_file.items():
        per_file[glob] = _strings(codes, f"{prefix} per-file-ignores.{glob}")
    rule_options = table.get("rules", {})
    if not isinstance(rule_options, dict) or not all(isinstance(v, dict) for v in rule_options.values()):
        raise ConfigError(f"{prefix} rules: must be a table of [rules.CODE] tables")
    model = table.get("nlp-model")
    if model is not None and not isinstance(model, str):
        raise ConfigError(f"{prefix} nlp-model: must be a string")
    if model is not None and model != "blank" and (base / model).exists():
        # A pipeline directory is given relative to the configuration file, like other paths.
        model = str(base / model)
    profile = table.get("profile", "general")
    if not isinstance(profile, str):
        raise ConfigError(f"{prefix} profile: must be a string")
    max_size = table.get("max-file-size", 5 * 1024 * 1024)
    if isinstance(max_size, bool) or not isinstance(max_size, int) or max_size <= 0:
        raise ConfigError(f"{prefix} max-file-size: must be a positive whole number of bytes")
    scope = table.get("duplicate-scope")
    if scope is not None and scope not in ("repository", "files"):
        raise ConfigError(f"{prefix} duplicate-scope: must be \"repository\" or \"files\"")
    time_limit = table.get("time-limit", DEFAULT_TIME_LIMIT)
    if isinstance(time_limit, bool) or not isinstance(time_limit, (int, float)) or time_limit < 0:
        raise ConfigError(f"{prefix} time-limit: must be a number of seconds (0 for no limit)")
    respect_gitignore = table.get("respect-gitignore", True)
    if not isinstance(respect_gitignore, bool):
        raise ConfigError(f"{prefix} respect-gitignore: must be true or false")
    return Settings(
        time_limit=float(time_limit),
        respect_gitignore=respect_gitignore,
        select=_strings(table.get("select", []), f"{prefix} select"),
        ignore=_strings(table.get("ignore", []), f"{prefix} ignore"),
        fail_on=fail_on,
        exclude=_strings(table.get("exclude", []), f"{prefix} exclude"),
        extra_rule_paths=tuple(base / p for p in _strings(table.get("extra-rule-paths", []),
                                                          f"{prefix} extra-rule-paths")),
        per_file_ignores=per_file,
        rule_options=rule_options,
        nlp_model=model,
        profile=profile,
        duplicate_allow=_strings(table.get("duplicate-allow", []), f"{prefix} duplicate-allow"),
        duplicate_scope=scope,
        max_file_size=max_size,
        allow_code=_allow_code(table, prefix, explicit),
        source=path,
        root=base,
    )
