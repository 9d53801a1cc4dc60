"""Rule packs: find, load and validate rule files, and resolve select/ignore to codes.

Every rule is one YAML file ``rules/<pack>/<CODE>-<name>.yaml``. Loading rejects unknown keys, wrong
types, bad patterns and unknown options, naming the file and the key.

Word lists shared by several rules live once, in ``rules/lexicons/<topic>.yaml``; examples and
lexicons are read by :mod:`contentlint.engine.rulefile`.

Loaded rules are frozen; ``load_rules`` keeps the rules of a set of directories in memory and reloads
them only when a rule or lexicon file changed (each lint of a text used to parse every file again).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any

from contentlint.engine.messages import template_problem
from contentlint.engine.rulefile import (  # re-exported: the registry's public names
    CODE_RE,
    LEXICONS_DIR,
    NAME_RE,
    Example,
    Lexicons,
    RuleError,
    _examples,
    load_lexicons,
    read_yaml,
    resolve_lexicons,
)
from contentlint.kinds import KINDS, Kind, OptionError, Scope
from contentlint.kinds.python import CODE_OPTIONS, PythonKind
from contentlint.model.finding import Severity

_REQUIRED = {"code", "name", "kind", "level", "scope", "message", "summary", "why", "examples"}
_OPTIONAL = {"options", "fix", "headings", "references"}


@dataclass(frozen=True)
class Rule:
    """A loaded, validated rule: data from its YAML file plus the kind's prepared options."""

    code: str
    name: str
    pack: str
    kind: str
    level: Severity
    scope: Scope
    message: str
    summary: str
    why: str
    options: Mapping[str, Any]
    prepared: Any = field(repr=False, compare=False)
    fix_safe: bool = False
    headings: bool = False
    bad: tuple[Example, ...] = ()
    good: tuple[Example, ...] = ()
    references: tuple[str, ...] = ()
    path: str = ""
    allow_code: frozenset[str] = frozenset()
    #: The analyses the rule reads ("sentences", "tokens", ...), so the engine computes each once.
    needs: frozenset[str] = frozenset()

    def with_options(self, overrides: Mapping[str, Any], where: str) -> Rule:
        """Return the rule with ``overrides`` merged into its options, validated again.

        Options that name code (``entry``) are refused: configuration is data, and a configuration
        file found in a linted tree must not choose what contentlint imports and calls.
        """
        level = self.level
        options = dict(self.options)
        for key, value in overrides.items():
            if key in CODE_OPTIONS:
                raise RuleError(f"{where}: {key}: names code to run and cannot be set from configuration")
            if key == "level":
                try:
                    level = Severity.parse(str(value))
                except ValueError as exc:
                    raise RuleError(f"{where}: level: {exc}") from None
            else:
                options[key] = value
        try:
            prepared = kind_for(self.kind, self.allow_code).prepare(options)
        except OptionError as exc:
            raise RuleError(f"{where}: {exc.key}: {exc}") from None
        return replace(self, options=options, prepared=prepared, level=level, needs=needs_of(self.kind, prepared))


def required_analyses(rules: Iterable[Rule]) -> frozenset[str]:
    """Return the analyses a rule set reads, so the engine computes each once per document (or not at all)."""
    return frozenset().union(*(rule.needs for rule in rules))


def needs_of(kind: str, prepared: Any) -> frozenset[str]:
    """Return what a rule of ``kind`` reads from the analysis (a code rule says so in its contract)."""
    contract = getattr(prepared, "contract", None)
    if kind == "python" and contract is not None:
        return frozenset(contract.needs)
    if kind in ("pattern", "substitution"):
        return frozenset({"sentences"})
    if kind == "metric":
        return frozenset({"sentences", "tokens"})
    return frozenset()  # duplicate rules read blocks, which every document has


def kind_for(kind: str, allow_code: frozenset[str] = frozenset()) -> Kind:
    """Return the kind object for ``kind``; a ``python`` kind only imports from allowed packages."""
    if kind == "python":
        return PythonKind(allow_code)
    return KINDS[kind]


def builtin_rules_dir() -> Path:
    """Return the built-in rules: shipped in the wheel, or the checkout's ``rules/`` when editable."""
    shipped = resources.files("contentlint") / "_rules"
    if shipped.is_dir():
        return Path(str(shipped))
    return Path(__file__).resolve().parents[2] / "rules"


def _string(data: Mapping[str, Any], key: str, where: str) -> str:
    value = data[key]
    if not isinstance(value, str) or not value.strip():
        raise RuleError(f"{where}: {key}: must be a non-empty string")
    return value.strip()


def load_rule(path: Path, pack: str, allow_code: frozenset[str] = frozenset(),
              lexicons: Lexicons | None = None) -> Rule:
    """Load and validate one rule file; a ``python`` rule may name only allowed code.

    ``lexicons`` are the shared word lists that ``{lexicon: NAME}`` options refer to (by default those
    of the rules directory that holds the file).
    """
    where = str(path)
    data = read_yaml(path, "rule file")
    if not isinstance(data, dict):
        raise RuleError(f"{where}: a rule file must be a mapping")
    for key in data:
        if key not in _REQUIRED | _OPTIONAL:
            raise RuleError(f"{where}: {key}: unknown key")
    for key in sorted(_REQUIRED - set(data)):
        raise RuleError(f"{where}: {key}: required key is missing")
    code, name = _string(data, "code", where), _string(data, "name", where)
    if not CODE_RE.match(code):
        raise RuleError(f"{where}: code: {code!r} is not two capital letters and three digits")
    if not NAME_RE.match(name):
        raise RuleError(f"{where}: name: {name!r} is not kebab-case")
    if path.stem != f"{code}-{name}":
        raise RuleError(f"{where}: the file must be named {code}-{name}.yaml")
    kind = data["kind"]
    if kind not in KINDS:
        raise RuleError(f"{where}: kind: unknown kind {kind!r} (known: {', '.join(KINDS)})")
    try:
        level = Severity.parse(str(data["level"]))
    except ValueError as exc:
        raise RuleError(f"{where}: level: {exc}") from None
    try:
        scope = Scope(data["scope"])
    except ValueError:
        raise RuleError(f"{where}: scope: must be one of {', '.join(s.value for s in Scope)}") from None
    if scope not in KINDS[kind].scopes:
        raise RuleError(f"{where}: scope: kind {kind!r} does not work at {scope.value!r} scope")
    options = data.get("options") or {}
    if not isinstance(options, dict):
        raise RuleError(f"{where}: options: must be a mapping")
    if lexicons is None:
        lexicons = load_lexicons([path.parent.parent])
    options = {k: resolve_lexicons(v, lexicons, f"{where}: options.{k}") for k, v in options.items()}
    try:
        prepared = kind_for(kind, allow_code).prepare(options)
    except OptionError as exc:
        raise RuleError(f"{where}: options.{exc.key}: {exc}") from None
    fix = data.get("fix", "none")
    if fix not in ("safe", "none"):
        raise RuleError(f"{where}: fix: must be 'safe' or 'none'")
    headings = data.get("headings", False)
    if not isinstance(headings, bool):
        raise RuleError(f"{where}: headings: must be true or false")
    examples = data["examples"]
    if not isinstance(examples, dict) or set(examples) - {"bad", "good"}:
        raise RuleError(f"{where}: examples: must be a mapping with `bad` and `good` lists")
    message = _string(data, "message", where)
    problem = template_problem(message)
    if problem:
        raise RuleError(f"{where}: message: {problem}")
    references = data.get("references") or []
    if not isinstance(references, list) or not all(isinstance(r, str) for r in references):
        raise RuleError(f"{where}: references: must be a list of strings")
    return Rule(
        code=code, name=name, pack=pack, kind=kind, level=level, scope=scope,
        message=message, summary=_string(data, "summary", where),
        why=_string(data, "why", where), options=options, prepared=prepared, fix_safe=fix == "safe",
        headings=headings, bad=_examples(examples.get("bad", []), f"{where}: examples.bad"),
        good=_examples(examples.get("good", []), f"{where}: examples.good", good=True),
        references=tuple(references), path=where, allow_code=allow_code, needs=needs_of(kind, prepared),
    )


def _pack_dirs(directory: Path) -> list[Path]:
    """Return the pack folders of a rules directory (every sub-directory but the lexicons)."""
    return sorted(p for p in directory.iterdir() if p.is_dir() and p.name != LEXICONS_DIR)


def rules_signature(directories: Sequence[Path]) -> tuple[tuple[str, int, int], ...]:
    """Return name, size and modification time of every rule, lexicon and profile file, to detect edits."""
    out = []
    for directory in directories:
        if directory.is_dir():
            for path in sorted([*directory.glob("*.yaml"), *directory.glob("*/*.yaml")]):
                stat = path.stat()
                out.append((str(path), stat.st_size, stat.st_mtime_ns))
    return tuple(out)


_CACHE: dict[tuple[tuple[str, ...], frozenset[str]], tuple[tuple[tuple[str, int, int], ...], dict[str, Rule]]] = {}


def load_rules(directories: Sequence[Path], allow_code: Iterable[str] = ()) -> dict[str, Rule]:
    """Load every pack (sub-directory) of every directory; codes and names must be unique.

    ``allow_code`` names the top-level packages whose functions ``python`` rules may call besides
    contentlint's own checks. The result is a new dict of frozen rules; the rules themselves are
    cached until a file of the directories changes.
    """
    allowed = frozenset(allow_code)
    key = (tuple(str(d.resolve()) for d in directories), allowed)
    signature = rules_signature(directories)
    cached = _CACHE.get(key)
    if cached is not None and cached[0] == signature:
        return dict(cached[1])
    rules = _load_rules(directories, allowed)
    _CACHE[key] = (signature, rules)
    return dict(rules)


def _load_rules(directories: Sequence[Path], allowed: frozenset[str]) -> dict[str, Rule]:
    """Load the rules of ``directories`` from disk (see ``load_rules``)."""
    rules: dict[str, Rule] = {}
    names: dict[str, str] = {}
    for directory in directories:
        if not directory.is_dir():
            raise RuleError(f"{directory}: rule directory not found")
    lexicons = load_lexicons(directories)
    for directory in directories:
        _refuse_stray_rule_files(directory)
        for pack_dir in _pack_dirs(directory):
            for path in sorted(pack_dir.glob("*.yaml")):
                rule = load_rule(path, pack_dir.name, allowed, lexicons)
                if rule.code in rules:
                    raise RuleError(f"{path}: code: {rule.code} is already used by {rules[rule.code].path}")
                if rule.name in names:
                    raise RuleError(f"{path}: name: {rule.name} is already used by {names[rule.name]}")
                rules[rule.code] = rule
                names[rule.name] = str(path)
    return rules


# Files beside the packs that are not rules: the shipped option profiles.
_NOT_RULES = {"profiles.yaml"}


def _refuse_stray_rule_files(directory: Path) -> None:
    """Raise ``RuleError`` for YAML files that would be silently skipped: rules live in ``<pack>/``.

    A rule file placed directly in a rule directory, or saved as ``.yml`` in a pack, was ignored
    without a word; naming it saves an author from wondering why their rule never fires.
    """
    stray = [p for p in directory.iterdir()
             if p.is_file() and p.suffix in (".yaml", ".yml") and p.name not in _NOT_RULES]
    stray += [p for pack in directory.iterdir() if pack.is_dir() for p in pack.glob("*.yml")]
    if stray:
        names = ", ".join(str(p) for p in sorted(stray))
        raise RuleError(f"{names}: not loaded: rule files go in a pack folder as "
                        f"{directory}/<pack>/<CODE>-<name>.yaml")


def resolve(selector: str, rules: Mapping[str, Rule]) -> set[str]:
    """Return the codes a selector names: a code, a code prefix, a rule name or a pack name."""
    wanted = selector.strip()
    upper = wanted.upper()
    found = {c for c in rules if c.startswith(upper)} if re.fullmatch(r"[A-Za-z]{1,2}\d{0,3}", wanted) else set()
    found |= {c for c, r in rules.items() if r.name == wanted or r.pack == wanted}
    return found


def select_rules(
    rules: Mapping[str, Rule], select: Iterable[str], ignore: Iterable[str]
) -> dict[str, Rule]:
    """Apply select and ignore lists; an unknown selector raises ``RuleError`` naming it."""
    chosen = set(rules)
    select = list(select)
    if select:
        chosen = set()
        for selector in select:
            codes = resolve(selector, rules)
            if not codes:
                raise RuleError(f"select: unknown rule, code, prefix or pack {selector!r}")
            chosen |= codes
    for selector in ignore:
        codes = resolve(selector, rules)
        if not codes:
            raise RuleError(f"ignore: unknown rule, code, prefix or pack {selector!r}")
        chosen -= codes
    return {c: rules[c] for c in sorted(chosen)}


__all__ = ["CODE_RE", "LEXICONS_DIR", "NAME_RE", "Example", "Lexicons", "Rule", "RuleError", "builtin_rules_dir",
           "kind_for", "load_lexicons", "load_rule", "load_rules", "needs_of", "required_analyses", "resolve",
           "resolve_lexicons", "rules_signature", "select_rules"]
