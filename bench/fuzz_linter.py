"""Fuzz the whole linter for a set time: random documents of every format, in-process, one process.

Not run in CI. Each example is linted through the library API with every built-in rule; an
exception that escapes, a broken invariant (see ``tests/lint_properties.py``) or an example slower
than ``--slow`` seconds is recorded once per distinct signature in a JSON-lines file, with the input,
so that it can be turned into a test. Hypothesis drives generation (no shrinking, no database), so
the inputs are the same structured documents the property tests use.

    nice -n 10 python bench/fuzz_linter.py --minutes 30 --out bench/fuzz-findings.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from lint_properties import FORMAT_NAMES, documents, lint_and_check, load_all_rules  # noqa: E402


class _TimeUp(BaseException):
    """Raised inside the generated test to end the run (a BaseException, so Hypothesis lets it through)."""


def main(argv: list[str] | None = None) -> int:
    """Run the fuzz loop and print executions, crashes, mismatches and slow inputs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=30.0)
    parser.add_argument("--out", type=Path, default=Path("bench/fuzz-findings.jsonl"))
    parser.add_argument("--slow", type=float, default=2.0, help="CPU seconds after which an example counts as slow")
    args = parser.parse_args(argv)
    rules = load_all_rules()
    deadline = time.monotonic() + args.minutes * 60
    counts = {"executions": 0, "crashes": 0, "mismatches": 0, "slow": 0}
    seen: set[str] = set()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    log = args.out.open("a", encoding="utf-8")

    def record(kind: str, signature: str, name: str, text: str, detail: str) -> None:
        counts[kind] += 1
        if signature in seen:
            return
        seen.add(signature)
        log.write(json.dumps({"kind": kind, "signature": signature, "name": name, "text": text,
                              "detail": detail}) + "\n")
        log.flush()
        print(f"{kind}: {signature}", flush=True)

    @settings(max_examples=10**9, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(st.sampled_from(sorted(FORMAT_NAMES.values())), documents)
    def one(name: str, text: str) -> None:
        if time.monotonic() > deadline:
            raise _TimeUp
        counts["executions"] += 1
        # CPU time, not wall time: a niced fuzzer on a busy machine stalls for seconds between examples.
        started = time.process_time()
        try:
            violations = lint_and_check(text.encode("utf-8", "surrogatepass"), name, rules)
        except Exception as exc:  # noqa: BLE001 - every escaping exception is a finding of the fuzzer
            frame = traceback.extract_tb(exc.__traceback__)[-1]
            record("crashes", f"{type(exc).__name__} at {Path(frame.filename).name}:{frame.lineno}", name, text,
                   traceback.format_exc())
            return
        for violation in violations:
            # An exception the linter caught and turned into "internal error" is still a crash.
            kind = "crashes" if violation.what.startswith("error ") else "mismatches"
            record(kind, f"{name.split('.')[1]}: {' '.join(violation.what.split(' ')[:4])}", name, text,
                   violation.what)
        elapsed = time.process_time() - started
        if elapsed > args.slow:
            record("slow", f"slow {name} {len(text)} chars", name, text, f"{elapsed:.1f} s of CPU")

    started = time.monotonic()
    try:
        one()
    except _TimeUp:
        pass
    log.close()
    minutes = (time.monotonic() - started) / 60
    print(json.dumps({**counts, "minutes": round(minutes, 1), "distinct": len(seen), "out": str(args.out)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
