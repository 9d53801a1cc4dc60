"""Measure the plain-language word lists (PL001, PL002) against the CDC Plain Language Thesaurus.

Input: ``/work/shared/data/plain-language/cdc-thesaurus-pairs.json``, the CDC Plain Language Thesaurus
for Health Communications (public domain / CC0), 1,098 ``[term, "alt1, alt2, ..."]`` pairs.

Every pair gets one decision, printed with its reason:

1. **acronym**: the term is or contains an abbreviation (``BMI``, ``COPD``, ``EKG or ECG``). An
   acronym is a different problem (spell it out at first use), not a word swap.
2. **explanation**: no alternative is a short swap (every one is more than four words, or the entry
   is a definition). Such entries are "explain this term" advice, not a suggestion a writer can drop
   into the sentence.
3. **meaning**: swapping would change what the sentence says (``malignant -> cancer``,
   ``virus/bacteria -> germ``, ``inflammation -> swelling``, ``placebo -> sugar pill``).
4. **name**: the term names a specific disease, test, drug class or procedure that readers search
   for and that the alternative blurs (``melanoma -> skin cancer``, ``mammogram``, ``chemotherapy``).
5. **everyday**: most readers already know the word (``doctor``, ``surgery``, ``therapy``, ``fever``,
   ``medicine``), so a suggestion would be noise.
6. **multi-sense**: the word is ordinary in general prose in another sense (``acute angle``,
   ``condition``, ``attack``, ``culture``, ``host``, ``plaque``) and would be flagged where it is fine.
7. **kept**: a term with a one- to four-word alternative that keeps the meaning and that many
   readers would not know. The alternative is chosen by hand from the CDC list (or rewritten where
   the CDC's is lossy, noted as ``alt rewritten``) and the term is filed as ``words`` (matched as
   written), ``nouns`` (plural matched too) or ``verbs`` (-s/-ed/-ing matched too).
8. **low value**: anything else: general vocabulary whose CDC alternative is loose or no plainer
   ("develop -> create", "present -> give") or too rare in health copy to be worth a rule.

The lists themselves are rule data and live only in the rule files (``rules/plain-language/PL00x-*.yaml``,
tables ``words``, ``nouns``, ``verbs`` and ``keep``; a comment marks project additions and rewritten
alternatives). This script only measures them: which CDC pairs the rules keep (a CDC term is kept when
a table lists it, in one of its spellings), and why each other pair is left out (the ``DROP_*`` sets
below record those curation decisions; they are not read by any rule). PL001 holds medical and clinical
jargon; PL002 official and wordy general language.

Run ``python bench/plain_language_curate.py`` for the summary and every decision, ``--kept`` for the
kept entries only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CDC_JSON = Path("/work/shared/data/plain-language/cdc-thesaurus-pairs.json")
RULE_FILES = {
    "PL001": ROOT / "rules" / "plain-language" / "PL001-plain-word.yaml",
    "PL002": ROOT / "rules" / "plain-language" / "PL002-officialese.yaml",
}
CLASSES = ("words", "nouns", "verbs")


def rule_tables() -> dict[str, dict[str, dict[str, list[str]]]]:
    """Return ``{rule: {class: {term: [alternatives]}}}`` as the rule files hold them."""
    out: dict[str, dict[str, dict[str, list[str]]]] = {}
    for rule, path in RULE_FILES.items():
        options = yaml.safe_load(path.read_text(encoding="utf-8"))["options"]
        out[rule] = {cls: dict(options.get(cls) or {}) for cls in CLASSES}
    return out


def _spellings(term: str) -> set[str]:
    """Return the spellings under which a CDC term may be listed ("incisors" as "incisor", "a/b" as a and b)."""
    base = re.sub(r"\s*\([^)]*\)", "", term).replace("...", "").strip().lower()
    out = {term.lower(), base}
    for part in re.split(r"/", base):
        part = part.strip()
        out |= {part, part.rstrip("s"), part + "s", re.sub(r"(?:ical)$", "ic", part)}
    inner = re.findall(r"\(([^)]*)\)", term)
    out |= {i.strip().lower() for i in inner}
    return {o for o in out if o}


def kept(term: str, keys: frozenset[str]) -> bool:
    """Return whether a rule table lists the CDC ``term`` in one of its spellings."""
    return bool(_spellings(term) & keys) or any(k.startswith(term.lower() + " ") for k in keys)


DROP_MEANING = {
    "malignant", "malignant tumor", "virus", "bacteria", "inflammation", "placebo", "benign",
    "embolism", "anemia", "carcinoma", "lymphocytes", "microbes", "toxin", "lower respiratory infection",
    "coronary thrombosis", "coronary heart disease", "hypertensive heart disease", "cerebrovascular disease",
    "morbidity", "adverse event", "adverse health effect", "antigen", "infection", "infectious agent",
    "epidermis", "encephalitis", "fetus", "embryo", "uterus", "corticosteroids", "herpes simplex",
    "tallus", "communicable", "catheter", "mucus", "calculus", "steroid", "vaccine", "immunization",
    "antibiotic", "hypersensitivity", "failed to", "retain", "vehicle", "clinically ill", "allergy",
    "aggressive", "oral medication", "isolate", "sterile", "lymphoma", "pneumonia", "insulin",
    "infertile", "severe", "significant", "therapeutic", "tumor", "cyst", "abscess", "narcotic",
    "intervention", "strain",
}
DROP_NAME = {
    "melanoma", "mammogram", "chemotherapy", "colonoscopy", "biopsy", "hysterectomy", "mastectomy",
    "amniocentesis", "tuberculosis", "psoriasis", "asthma", "arthritis", "autism", "dementia", "glaucoma",
    "emphysema", "cataracts", "rheumatoid arthritis", "multiple sclerosis", "Crohn’s Disease", "Cesarean delivery",
    "clinical trial", "febrile", "tetanus", "jaundice", "pulmonary fibrosis", "psoriatic arthritis",
    "chronic obstructive pulmonary disease", "plaque", "white spot lesion", "cervix",
    "osteoporosis", "prostate", "prostatitis", "pleurisy", "lymphatic", "bursitis",
    "immunotherapy", "hemodialysis", "whooping cough", "Rotavirus", "rheumatology", "cardiology",
    "dermatology", "neurology", "nephrology", "radiology", "pulmonology", "psychiatry", "toxicology",
    "epidemiology", "serology", "podiatry", "pediatrician", "psychiatrist", "pharmacist", "rheumatologist",
    "neonatologist", "perinatologist", "physical therapy", "occupational therapy", "breech birth",
}
DROP_EVERYDAY = {
    "therapy", "surgery", "medicine", "medication", "disease", "vomit", "infant",
    "fatigue", "tremor", "obesity", "amnesia", "anxiety", "seizure", "convulsion", "sprain", "spasm",
    "drowsy", "menopause", "miscarriage", "diarrhea diseases", "paralysis", "symptom", "syndrome",
    "diagnosis", "diagnose", "dose", "prescription", "side effect", "pregnancy", "joint", "kidney", "lungs",
    "skull", "ligament", "inhale", "exhale", "sensation", "circulation", "temperature", "nutrition",
    "x-ray", "hives", "colic", "allergic reaction", "allergist", "quarantine", "epidemic", "outbreak",
    "stress", "risk", "detect", "monitor", "perform", "occur", "provide", "require", "additional",
    "frequently", "immediately", "therefore", "attempt", "individual", "physician",
    "approximate", "primary teeth", "molars", "pulp", "injection", "inject/injection", "shortness of breath",
    "bone marrow", "booster shot", "tumor", "mild", "moderate", "increase", "decrease", "reduce",
    "recover", "relieve", "relief", "treat", "treatment", "cure", "understand", "similar", "vital",
    "severity", "surgical mask", "hand hygiene", "social distancing", "breastfeeding", "antiviral",
    "inhaler", "physical activity", "family history", "environment", "public health", "information",
    "emergency", "hazard",
}
DROP_MULTI_SENSE = {
    "acute", "chronic", "condition", "attack", "host", "terminal", "oral",
    "systemic", "localized", "ambulatory", "present", "discharge", "episode", "flare", "fast", "mask",
    "mold", "dust", "puff", "register", "state", "status", "shift", "review", "apply", "appropriate",
    "contract", "conduct", "contact", "control", "manage", "treat", "exposure", "compromised",
    "aggravate", "indicate", "indication", "determine", "concerning", "principal", "eliminate",
    "withhold", "viable", "carrier", "reaction", "spontaneous", "progression", "radiation", "stable",
    "sensitive", "irritable", "clinical", "protocol", "procedure", "factor", "objective", "position",
    "supply", "supplement", "trigger", "mutation", "variant", "whereas", "following", "subsequent",
    "complete", "develop", "experience", "observe", "observation", "distal", "proximal", "perinatal",
    "tartar", "restoration",
}


def _acronym(term: str) -> bool:
    """Return whether a CDC term is or contains an abbreviation (two capitals in a row)."""
    return bool(re.search(r"[A-Z]{2,}", term))


def _explanation(alternatives: str) -> bool:
    """Return whether no alternative in a CDC entry is a short swap (four words at most)."""
    parts = [p.strip() for p in re.split(r"[,;]", alternatives) if p.strip()]
    return not any(len(p.split()) <= 4 for p in parts)


def load_pairs(path: Path = CDC_JSON) -> list[tuple[str, str]]:
    """Return the CDC thesaurus pairs as ``(term, alternatives)`` tuples."""
    return [(str(t), str(a)) for t, a in json.loads(path.read_text(encoding="utf-8"))]


def decide(term: str, alternatives: str, keys: frozenset[str] = frozenset()) -> str:
    """Return the decision for one CDC pair (see the module docstring for the order of the tests)."""
    if kept(term, keys):
        return "kept"
    if _acronym(term):
        return "acronym"
    if term in DROP_MEANING:
        return "meaning"
    if term in DROP_NAME:
        return "name"
    if term in DROP_EVERYDAY:
        return "everyday"
    if term in DROP_MULTI_SENSE:
        return "multi-sense"
    if _explanation(alternatives):
        return "explanation"
    return "low value"


def _print_table(rows: Iterable[tuple[str, str]], width: int = 34) -> None:
    """Print ``(left, right)`` rows in two columns."""
    for left, right in rows:
        print(f"  {left:<{width}} {right}")


def main(argv: list[str] | None = None) -> int:
    """Print the measurement: how many CDC pairs the rules keep, and every decision; return 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, default=CDC_JSON, help="the CDC thesaurus pairs")
    parser.add_argument("--kept", action="store_true", help="print only the rules' entries")
    args = parser.parse_args(argv)
    tables = rule_tables()
    keys = frozenset(k for rule in tables.values() for table in rule.values() for k in table)
    pairs = load_pairs(args.json)
    cdc_terms = {p[0] for p in pairs}
    unknown = [t for t in DROP_MEANING | DROP_NAME | DROP_EVERYDAY | DROP_MULTI_SENSE if t not in cdc_terms]
    if unknown:
        print(f"note: {len(unknown)} dropped terms are not CDC terms: {sorted(unknown)}", file=sys.stderr)
    decisions = [(term, alts, decide(term, alts, keys)) for term, alts in pairs]
    counts = Counter(d for _, _, d in decisions)
    covered = frozenset(s for term, _, d in decisions if d == "kept" for s in _spellings(term))
    print(f"CDC pairs: {len(pairs)}")
    for reason, n in counts.most_common():
        print(f"  {reason:<12} {n}")
    for rule in RULE_FILES:
        sizes = {cls: len(tables[rule][cls]) for cls in CLASSES}
        total = sum(sizes.values())
        own = sum(1 for cls in CLASSES for k in tables[rule][cls] if k not in covered)
        print(f"{rule}: {total} entries ({sizes['words']} words, {sizes['nouns']} nouns, {sizes['verbs']} verbs); "
              f"{total - own} match a kept CDC term, {own} do not (project additions and variants)")
    print("\nRule entries:")
    rows = [(f"{rule} {cls[:-1]:<5} {key}", " | ".join(alts))
            for rule in tables for cls in CLASSES for key, alts in tables[rule][cls].items()]
    _print_table(sorted(rows))
    if args.kept:
        return 0
    by_reason: dict[str, list[tuple[str, str]]] = {}
    for term, alts, decision in decisions:
        if decision != "kept":
            by_reason.setdefault(decision, []).append((term, alts))
    for reason in sorted(by_reason):
        print(f"\nDropped - {reason} ({len(by_reason[reason])}):")
        _print_table((t[:34], a[:90]) for t, a in by_reason[reason])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
