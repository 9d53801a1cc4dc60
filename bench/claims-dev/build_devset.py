"""Build bench/claims-dev/claims-dev.jsonl (and its copy in tests/fixtures/claims/) from the item files.

Run from the repository root: ``python bench/claims-dev/build_devset.py [--corpus /tmp/corpus/articles]``.
The labels live in ``items_marketing.py``, ``items_news.py`` and ``items_nih.py``; GUIDELINE.md says how
they were decided.  The build is deterministic: ids come from the group and the item's position,
the split from a CRC-32 of the group (written items: counterparts stay together) or of the
sentence (NIH items), and the NIH source path is the first corpus file, in sorted order, that holds
the sentence.  Without the corpus the paths already in the JSONL are kept.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import shutil
import sys
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
OUT = HERE / "claims-dev.jsonl"
FIXTURE = ROOT / "tests" / "fixtures" / "claims" / "claims-dev.jsonl"
CODES = ("MC001", "MC002", "MC003", "MC004")
STYLES = {"items_marketing": "marketing", "items_news": "news", "items_nih": "patient-info"}
HELD_SHARE = 0.30
MARK = re.compile(r"⟦(.*?)⟧", re.S)
WRITTEN = "written for contentlint (project data)"


def _load(name: str) -> list:
    spec = importlib.util.spec_from_file_location(name, HERE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader
    spec.loader.exec_module(module)
    return module.GROUPS


def parse_spec(spec: str) -> tuple[list[str], list[str], dict[str, str], bool]:
    """Return (rules, allowed, triggers, guidance) from ``CODE=span; +CODE; G``."""
    rules, allowed, triggers, guidance = [], [], {}, False
    for part in (p.strip() for p in spec.split(";")):
        if not part:
            continue
        if part == "G":
            guidance = True
        elif part.startswith("+"):
            allowed.append(part[1:])
        else:
            code, _, span = part.partition("=")
            rules.append(code)
            triggers[code] = span
    for code in rules + allowed:
        if code not in CODES:
            raise ValueError(f"unknown rule {code!r} in {spec!r}")
    return sorted(rules), sorted(set(allowed) - set(rules)), triggers, guidance


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


class Corpus:
    """All corpus files joined, to find the first file that holds a sentence."""

    def __init__(self, root: Path) -> None:
        self.paths: list[str] = []
        self.starts: list[int] = []
        parts: list[str] = []
        pos = 0
        for path in sorted(root.rglob("*.md")):
            text = _norm(path.read_text(encoding="utf-8", errors="replace")) + "\x00"
            self.paths.append(str(path.relative_to(root)))
            self.starts.append(pos)
            parts.append(text)
            pos += len(text)
        self.text = "".join(parts)

    def find(self, sentence: str) -> str | None:
        import bisect

        at = self.text.find(_norm(sentence))
        if at < 0:
            return None
        return self.paths[bisect.bisect_right(self.starts, at) - 1]


def build(corpus: Corpus | None, previous: dict[str, dict]) -> list[dict]:
    items: list[dict] = []
    for module, style in STYLES.items():
        for group, group_patterns, entries in _load(module):
            for n, entry in enumerate(entries, 1):
                if style == "patient-info":
                    variant = "nih"
                    markdown, spec, *rest = entry
                else:
                    variant, markdown, spec, *rest = entry
                patterns = set(group_patterns.split()) | set((rest[0] if rest else "").split())
                if variant in ("sourced", "footnote"):
                    patterns.add("citation")
                if variant == "reference":
                    patterns.add("reference-section")
                patterns = sorted(patterns)
                marked = MARK.findall(markdown)
                if len(marked) > 1:
                    raise ValueError(f"{group}: more than one marked sentence")
                if marked:
                    text = marked[0]
                    markdown = markdown.replace("⟦", "").replace("⟧", "")
                else:
                    text = markdown
                if markdown.count(text) != 1:
                    raise ValueError(f"{group}: sentence not found exactly once: {text!r}")
                rules, allowed, triggers, guidance = parse_spec(spec)
                for code, span in triggers.items():
                    if span not in text:
                        raise ValueError(f"{group}: trigger {span!r} of {code} not in {text!r}")
                item_id = f"{group}-{n:02d}"
                item = {"id": item_id, "style": style, "group": group, "variant": variant,
                        "markdown": markdown if markdown.endswith("\n") else markdown + "\n",
                        "text": text, "rules": rules, "allowed": allowed, "triggers": triggers,
                        "public_health_guidance": guidance,
                        "rules_patient_information": [c for c in rules if not (guidance and c == "MC001")],
                        "patterns": patterns}
                if style == "patient-info" and "written" not in patterns:
                    path = corpus.find(text) if corpus else previous.get(item_id, {}).get("source_path")
                    if path is None:
                        raise ValueError(f"{item_id}: sentence not in the NIH corpus: {text!r}")
                    item["source"] = "MedQuAD (Ben Abacha & Demner-Fushman 2019), CC BY 4.0"
                    item["source_path"] = path
                else:
                    item["source"] = WRITTEN + (": example quoted in issue 11" if "written" in patterns else "")
                items.append(item)
    assign_splits(items)
    return items


def assign_splits(items: list[dict]) -> None:
    """Hold out about 30% of each style: whole groups for written items, sentences for NIH items."""
    for style in STYLES.values():
        mine = [it for it in items if it["style"] == style]
        if style == "patient-info":
            units: dict[str, list[dict]] = {it["id"]: [it] for it in mine}
            key = {u: zlib.crc32(v[0]["text"].encode()) for u, v in units.items()}
        else:
            units = {}
            for it in mine:
                units.setdefault(it["group"], []).append(it)
            key = {u: zlib.crc32(u.encode()) for u in units}
        held = 0
        for unit in sorted(units, key=lambda u: (key[u], u)):
            split = "held" if held < HELD_SHARE * len(mine) - len(units[unit]) / 2 else "dev"
            for it in units[unit]:
                it["split"] = split
            if split == "held":
                held += len(units[unit])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("/tmp/corpus/articles"))
    args = parser.parse_args(argv)
    previous = {}
    if OUT.exists():
        previous = {d["id"]: d for d in map(json.loads, OUT.read_text(encoding="utf-8").splitlines())}
    corpus = Corpus(args.corpus) if args.corpus.is_dir() else None
    if corpus is None:
        print(f"note: {args.corpus} not found; keeping the recorded NIH paths", file=sys.stderr)
    items = build(corpus, previous)
    OUT.write_text("".join(json.dumps(it, ensure_ascii=False) + "\n" for it in items), encoding="utf-8")
    FIXTURE.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(OUT, FIXTURE)
    from collections import Counter

    print(f"{len(items)} items -> {OUT.relative_to(ROOT)} and {FIXTURE.relative_to(ROOT)}")
    print(dict(Counter((it["style"], it["split"]) for it in items)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
