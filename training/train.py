"""Train contentlint's shipped English tagger and parser on UD English EWT, in one command.

    python training/train.py                      # prepare, train, evaluate on TEST, package
    python training/train.py --set components.tok2vec.model.encode.width=128 --no-package

Steps:

1. **prepare** — copy the EWT ``.conllu`` files into a scratch directory (outside git) with the FEATS
   column blanked, then convert them to ``.spacy`` with spaCy's own ``conllu`` converter, one sentence a
   Doc. FEATS are blanked so that the morphologizer learns UPOS alone (17 labels) rather than
   UPOS+features (hundreds of labels): UPOS is what the rules need, and the smaller label set is both
   more accurate and faster. PTB tags go to the tagger (``Token.tag_``), the tree to the parser.
2. **train** — ``spacy train`` with ``training/config.cfg`` (fixed seed, one thread) and any ``--set``
   overrides; logs go to the scratch directory.
3. **evaluate** — load ``model-best`` and score it on the EWT **test** set: UPOS, PTB tag, UAS, LAS.
4. **package** — write the pipeline into ``contentlint/models/en_ewt`` (tokenizer, vocab, components,
   config, meta with the data's licence) plus the NOTICE with the attribution.

Nothing here touches the network; the data is read from ``../shared/data/ud-english-ewt`` (or
``--data``). Training is deterministic for a given config on a given machine (fixed seed, one thread).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "ud-english-ewt"
DEFAULT_SCRATCH = Path(os.environ.get("CONTENTLINT_TRAIN_SCRATCH", "/tmp/contentlint-train"))
PACKAGE_DIR = REPO / "contentlint" / "models" / "en_ewt"
SPLITS = ("train", "dev", "test")

# Tokenizer special cases and the vocab's lexeme attributes are rebuilt from the language defaults
# on load; what spaCy writes besides these is all that is needed.
NOTICE = """\
contentlint en_ewt pipeline
===========================

This directory holds a spaCy pipeline (tagger, morphologizer for UPOS, dependency parser) trained by
contentlint's training/train.py on the Universal Dependencies English Web Treebank (UD English EWT):

    Universal Dependencies English Web Treebank
    https://github.com/UniversalDependencies/UD_English-EWT
    Natalia Silveira, Timothy Dozat, Marie-Catherine de Marneffe, Samuel Bowman, Miriam Connor,
    John Bauer and Christopher D. Manning (2014). A Gold Standard Dependency Corpus for English.
    Built on the English Web Treebank, LDC2012T13, by the Linguistic Data Consortium.

The treebank is licensed under the Creative Commons Attribution-ShareAlike 4.0 International licence
(CC BY-SA 4.0, https://creativecommons.org/licenses/by-sa/4.0/). The model weights in this directory
are derived from it and are distributed under the same licence, CC BY-SA 4.0. The rest of contentlint
is MIT-licensed.
"""


@dataclass(frozen=True)
class Scores:
    """Accuracy of a pipeline on one evaluation set, as percentages."""

    upos: float
    tag: float
    uas: float
    las: float
    words: int


def blank_feats(src: Path, dst: Path) -> None:
    """Copy a CoNLL-U file with FEATS (column 6) and DEPS (column 9) set to ``_``."""
    with src.open(encoding="utf-8") as fin, dst.open("w", encoding="utf-8") as fout:
        for line in fin:
            if line and line[0].isdigit():
                cols = line.rstrip("\n").split("\t")
                if len(cols) == 10:
                    cols[5] = "_"
                    cols[8] = "_"
                    line = "\t".join(cols) + "\n"
            fout.write(line)


def prepare(data: Path, scratch: Path) -> Path:
    """Convert the EWT splits to ``.spacy`` files under ``scratch/corpus``; return that directory."""
    corpus = scratch / "corpus"
    conllu = scratch / "conllu"
    corpus.mkdir(parents=True, exist_ok=True)
    conllu.mkdir(parents=True, exist_ok=True)
    for split in SPLITS:
        out = corpus / f"{split}.spacy"
        if out.exists():
            continue
        plain = conllu / f"{split}.conllu"
        blank_feats(data / f"en_ewt-ud-{split}.conllu", plain)
        subprocess.run(
            [sys.executable, "-m", "spacy", "convert", str(plain), str(corpus),
             "--converter", "conllu", "--n-sents", "1", "--file-type", "spacy"],
            check=True,
        )
    return corpus


def train(config: Path, corpus: Path, output: Path, overrides: list[str]) -> None:
    """Run ``spacy train`` in a subprocess with one BLAS/OpenMP thread; the log goes to stdout."""
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    cmd = [sys.executable, "-m", "spacy", "train", str(config), "--output", str(output),
           "--paths.train", str(corpus / "train.spacy"), "--paths.dev", str(corpus / "dev.spacy")]
    for item in overrides:
        key, _, value = item.partition("=")
        cmd += [f"--{key}", value]
    subprocess.run(cmd, check=True, env=env)


def evaluate(model: Path, data: Path) -> Scores:
    """Score the pipeline at ``model`` on a ``.spacy`` file: UPOS, PTB tag, UAS and LAS."""
    import spacy
    from spacy.training import Corpus

    nlp = spacy.load(model)
    examples = list(Corpus(str(data))(nlp))
    scores = nlp.evaluate(examples)
    words = sum(len(eg.reference) for eg in examples)
    return Scores(
        upos=100 * float(scores["pos_acc"]), tag=100 * float(scores["tag_acc"]),
        uas=100 * float(scores["dep_uas"]), las=100 * float(scores["dep_las"]), words=words,
    )


@dataclass(frozen=True)
class Costs:
    """Speed (words per second on one thread), load time and size of a trained pipeline."""

    tag_wps: float
    parse_wps: float
    load_seconds: float
    load_cpu_seconds: float
    megabytes: float


LOAD_SNIPPET = (
    "import sys, time, spacy\n"
    "start, cpu = time.perf_counter(), time.process_time(); spacy.load(sys.argv[1]);"
    "print(time.perf_counter() - start, time.process_time() - cpu)"
)


def measure(model: Path, data: Path) -> Costs:
    """Time ``model`` on the raw text of the sentences in ``data`` (one Doc each, as contentlint runs it).

    Tags only (parser disabled) and tags plus parse, best of two passes, per second of CPU time (on
    a shared machine wall time measures the neighbours); load time (wall and CPU) in fresh processes
    with spaCy already imported (every run imports it anyway), best of three; size of the folder.
    """
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.load(model)
    texts = [doc.text for doc in DocBin().from_disk(data).get_docs(nlp.vocab)]
    words = sum(len(nlp.make_doc(t)) for t in texts)

    def best(disable: list[str]) -> float:
        times = []
        for _ in range(2):
            started = time.process_time()
            with nlp.select_pipes(disable=disable):
                for _doc in nlp.pipe(texts, batch_size=128):
                    pass
            times.append(time.process_time() - started)
        return words / min(times)

    tag_wps, parse_wps = best(["parser"]), best([])
    loads = [tuple(map(float, subprocess.run([sys.executable, "-c", LOAD_SNIPPET, str(model)], check=True,
                                             capture_output=True, text=True).stdout.split()[-2:]))
             for _ in range(3)]
    size = sum(f.stat().st_size for f in model.rglob("*") if f.is_file()) / 1e6
    return Costs(tag_wps, parse_wps, min(w for w, _ in loads), min(c for _, c in loads), size)


def package(model: Path, target: Path, scores: Scores, config_name: str) -> None:
    """Write the pipeline at ``model`` into ``target`` with metadata, NOTICE and nothing else."""
    import spacy

    nlp = spacy.load(model)
    nlp.meta.update({
        "name": "en_ewt",
        "version": "1.0.0",
        "description": "contentlint's English tagger (PTB tags), UPOS morphologizer and dependency parser",
        "license": "CC BY-SA 4.0",
        "author": "contentlint",
        "sources": [{
            "name": "Universal Dependencies English Web Treebank (UD English EWT)",
            "url": "https://github.com/UniversalDependencies/UD_English-EWT",
            "license": "CC BY-SA 4.0",
        }],
        "training_config": config_name,
        "test_scores": {"upos": round(scores.upos, 2), "tag": round(scores.tag, 2),
                        "uas": round(scores.uas, 2), "las": round(scores.las, 2)},
    })
    # Training-time scores per step and the performance dict are noise in the shipped copy.
    nlp.meta.pop("performance", None)
    # The scratch paths of this machine mean nothing where the model is installed.
    config = nlp.config.copy()
    for key in ("train", "dev"):
        config["paths"][key] = None
    nlp.config = config
    if target.exists():
        shutil.rmtree(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(target)
    (target / "NOTICE").write_text(NOTICE, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    # One thread for everything timed here: the figures are per core.
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    """Parse arguments and run prepare → train → evaluate → package."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with en_ewt-ud-*.conllu")
    parser.add_argument("--scratch", type=Path, default=DEFAULT_SCRATCH, help="work folder outside git")
    parser.add_argument("--config", type=Path, default=HERE / "config.cfg")
    parser.add_argument("--name", default="default", help="run name: output goes to SCRATCH/runs/NAME")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                        help="config override, e.g. components.tok2vec.model.encode.width=128")
    parser.add_argument("--skip-train", action="store_true", help="evaluate/package an existing run")
    parser.add_argument("--no-package", action="store_true", help="do not write contentlint/models/")
    parser.add_argument("--no-measure", action="store_true", help="skip the speed/size/load-time figures")
    args = parser.parse_args(argv)

    corpus = prepare(args.data, args.scratch)
    output = args.scratch / "runs" / args.name
    if not args.skip_train:
        started = time.perf_counter()
        train(args.config, corpus, output, args.set)
        print(f"training took {time.perf_counter() - started:.0f} s")
    best = output / "model-best"
    scores = evaluate(best, corpus / "test.spacy")
    print(f"EWT test ({scores.words} words): UPOS {scores.upos:.2f}  TAG {scores.tag:.2f}  "
          f"UAS {scores.uas:.2f}  LAS {scores.las:.2f}")
    report: dict[str, object] = {"scores": asdict(scores)}
    if not args.no_measure:
        costs = measure(best, corpus / "test.spacy")
        print(f"speed (1 thread, EWT test text): tagger {costs.tag_wps:,.0f} words/s, "
              f"tagger+parser {costs.parse_wps:,.0f} words/s (per CPU second); "
              f"load {costs.load_seconds:.3f} s wall, {costs.load_cpu_seconds:.3f} s CPU; "
              f"size {costs.megabytes:.1f} MB")
        report["costs"] = asdict(costs)
    (output / "test-report.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    if not args.no_package:
        package(best, PACKAGE_DIR, scores, args.config.name)
        print(f"packaged into {PACKAGE_DIR}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
