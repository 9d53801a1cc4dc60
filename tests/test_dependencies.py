"""Nothing installed that contentlint never imports: every runtime requirement of the built wheel
is imported when contentlint runs, and textstat (with NLTK) is no longer pulled in.

The test also prints the wheel's whole dependency closure, each package marked with whether a run
imports it and which requirement pulls it in (``pytest -s`` shows it): packages that only spaCy
needs appear there as spaCy's, not ours.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from importlib import metadata
from pathlib import Path

from helpers import REPO
from packaging.markers import default_environment
from packaging.requirements import Requirement

# A fresh process runs the commands a user runs, then lists the distributions whose modules it loaded.
SCRIPT = """
import json, sys
from importlib import metadata
from contentlint.cli import main
# The whole samples folder once (every reader, every pack), then each output format on one small file.
for args in (["check", "samples/"], ["check", "samples/clean-article.md", "--format", "json"],
             ["check", "samples/clean-article.md", "--format", "html"],
             ["check", "samples/clean-article.md", "--format", "sarif"], ["rules"], ["explain", "MC001"]):
    try:
        main(args, standalone_mode=True)
    except SystemExit:
        pass
names = metadata.packages_distributions()
loaded = sorted({dist for module in list(sys.modules) for dist in names.get(module.partition(".")[0], [])})
sys.stderr.write("\\nLOADED " + json.dumps(loaded) + "\\n")
"""


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def wheel_requirements(wheel: Path) -> list[Requirement]:
    """Return the built wheel's runtime requirements for this interpreter (extras excluded)."""
    with zipfile.ZipFile(wheel) as archive:
        meta = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        text = archive.read(meta).decode("utf-8")
    requirements = [Requirement(line.split(":", 1)[1].strip()) for line in text.splitlines()
                    if line.startswith("Requires-Dist:")]
    environment = {**default_environment(), "extra": ""}
    return [r for r in requirements if r.marker is None or r.marker.evaluate(environment)]


def closure(roots: list[Requirement]) -> dict[str, set[str]]:
    """Return every installed distribution the requirements pull in, with the requirements that pull it."""
    environment = {**default_environment(), "extra": ""}
    found: dict[str, set[str]] = {}
    for root in roots:
        seen: set[str] = set()
        queue = [canonical(root.name)]
        while queue:
            name = queue.pop()
            if name in seen:
                continue
            seen.add(name)
            found.setdefault(name, set()).add(canonical(root.name))
            try:
                requires = metadata.requires(name) or []
            except metadata.PackageNotFoundError:
                continue
            for line in requires:
                requirement = Requirement(line)
                if requirement.marker is None or requirement.marker.evaluate(environment):
                    queue.append(canonical(requirement.name))
    return found


def test_every_runtime_requirement_is_imported(built_wheel: Path) -> None:
    requirements = wheel_requirements(built_wheel)
    direct = {canonical(r.name) for r in requirements}
    assert "textstat" not in direct
    done = subprocess.run([sys.executable, "-c", SCRIPT], cwd=REPO, capture_output=True, text=True, timeout=600)
    line = next(line for line in done.stderr.splitlines() if line.startswith("LOADED "))
    imported = {canonical(name) for name in json.loads(line.removeprefix("LOADED "))}
    assert direct <= imported, f"installed but never imported: {sorted(direct - imported)}"

    pulled = closure(requirements)
    assert "textstat" not in pulled and "nltk" not in pulled
    print("\npackage                     imported  pulled in by")
    for name in sorted(pulled):
        print(f"{name:<28}{'yes' if name in imported else 'no':<10}{', '.join(sorted(pulled[name]))}")


def test_shipped_easy_word_list_is_textstats() -> None:
    """The Dale-Chall list in contentlint/data is textstat's own, so scores still equal textstat's."""
    import importlib.util

    spec = importlib.util.find_spec("textstat")
    assert spec is not None and spec.submodule_search_locations, "textstat is a test dependency"
    theirs = Path(next(iter(spec.submodule_search_locations))) / "resources" / "en" / "easy_words.txt"
    ours = REPO / "contentlint" / "data" / "dale_chall_easy_words.txt"
    assert ours.read_bytes() == theirs.read_bytes()
