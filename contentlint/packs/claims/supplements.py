"""MC004: disease claims for supplements, CBD, homeopathic products and unapproved therapies.

Regulators treat a disease claim for such a product as one whether hedged or not ("may help prevent
the flu"), so hedges do not excuse it here; negation, a question, distancing or a source do.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from contentlint.kinds.contract import Opt, rule_function
from contentlint.model.finding import Hit, Unit
from contentlint.packs.claims.checks import CLAIM_WANTS, unsourced_statement
from contentlint.packs.claims.leadin import brand_like, bullet_lead_in
from contentlint.packs.claims.sentence import check_blocked, prev_word, token_index
from contentlint.packs.claims.subject import parsed_subject, subjectless_start
from contentlint.packs.claims.text import compiled, scope_of

_SUPPLEMENT_DISEASE_CLAIM_OPTIONS: dict[str, Opt] = {
    "products": Opt("words"),
    "disease-verbs": Opt("words"),
    "diseases": Opt("words"),
    "negators": Opt("words"),
    "no-evidence": Opt("words"),
    "distancing": Opt("words"),
    "sources": Opt("words"),
    "lead-in-not-subjects": Opt("words"),
}


@rule_function(options=_SUPPLEMENT_DISEASE_CLAIM_OPTIONS,
               needs=("sentences", "tokens", "dependencies"), wants=CLAIM_WANTS)
def supplement_disease_claim(unit: Unit, options: Mapping[str, Any]) -> Iterator[Hit]:
    """MC004: report a supplement, herb or vitamin said to cure, treat or prevent a disease.

    Under FDA rules (21 CFR 101.93(g)) such a disease claim stays one when hedged ("may help
    prevent"), so hedges do not excuse it; a named source, negation, question or distancing does.
    """
    checked = unsourced_statement(unit, options)
    if checked is None:
        return
    key, sent = checked
    products = compiled(key, "products")
    verbs = compiled(key, "disease-verbs", True, ("base", "s", "past", "ing"))
    diseases = compiled(key, "diseases")
    if not (products and verbs and diseases):
        return
    reported_to = -1  # end of the last finding: "may help prevent the flu" once, not twice
    for m in verbs.finditer(unit.text):
        if m.start() < reported_to:
            continue
        idx = token_index(sent, m.start())
        used_to = prev_word(sent, idx) == "used" or (prev_word(sent, idx) == "to" and idx >= 2
                                                   and prev_word(sent, idx - 1) == "used")
        if used_to and not _sold_for(sent, unit.text, idx, products):
            continue  # "used to treat" reports a use, not an effect
        if prev_word(sent, idx) == "for" and m.group().lower().endswith("ing"):
            continue  # "looks promising for treating chronic pain": a purpose, hedged by its head
        s_start, s_end, _cl = scope_of(sent.clauses, m.start())
        product = None
        for p in products.finditer(unit.text, s_start, m.start()):
            product = p
        if product is None:
            # Regulators read the whole claim: "Colloidal Silver can be atomized ..., the action of
            # silver colloids ... may prove to inhibit the virus" (a product earlier in the sentence;
            # not one after the verb, which in run-together NIH lists belongs to another entry).
            product = products.search(unit.text, 0, m.start())
        if not diseases.search(unit.text, m.end(), s_end):
            continue
        inherited = bullet_lead_in(unit, m.start(), compiled(key, "lead-in-not-subjects")) if product is None else ""
        if inherited and (products.search(inherited) or brand_like(inherited)):
            # "Benefits of elderberry" then "- Prevent colds and flu": the product the lead-in names.
            named = f"its subject '{inherited}' (from the list's lead-in)"
        else:
            named = product.group() if product is not None else _unlisted_product(unit, m.start(), s_start)
        if not named:
            continue
        blocked, _scope = check_blocked(sent, key, m.start(), m.end())
        if blocked:
            continue
        disease = diseases.search(unit.text, m.end(), s_end)
        assert disease is not None
        reported_to = disease.end()
        yield Hit(m.start(), disease.end(), unit.text[m.start():disease.end()],
                  data={"trigger": m.group(), "product": named, "disease": disease.group()})


def _unlisted_product(unit: Unit, start: int, clause_start: int) -> str:
    """The product a disease claim is about when no listed product names it, or "".

    A benefit bullet with no subject ("- Prevents colds and flu all winter") is about the product
    the page sells; a brand name as subject ("Oscillococcinum relieves flu symptoms", "NeuroMax
    reverses diabetic neuropathy") is read from the parse, as MC001 reads it.  Pronouns are not
    enough here: in patient information "it" is as often the approved drug the page describes.
    """
    word = unit.text[start:].split(maxsplit=1)[0] if unit.text[start:].strip() else ""
    if subjectless_start(unit.text, start):
        # Only a third-person verb ("Prevents colds"): "Treatment of X", "Treating X" and
        # "Reduced bone density" open headings and symptom lists in patient information.
        verb_like = word.endswith("s") and not word.endswith("ss") and not word.lower().startswith("treatment")
        return "the product the list is about" if verb_like else ""
    doc = unit.parsed()
    if doc is None:
        return ""
    found = parsed_subject(doc, start, None, None, clause_start)
    if found.reason != "name":
        return ""
    upper = sum(c.isupper() for c in found.subject)
    if upper >= sum(c.islower() for c in found.subject):
        return ""  # acronyms name approved vaccines and programmes ("DTaP", "DASH") as often as brands
    if " " not in found.subject and found.subject.istitle() and unit.text.lstrip().startswith(found.subject):
        # A lone capitalised first word is as often a common noun the tagger took for a name
        # ("Grafts can also repair bone loss", "Prognosis may improve"): a brand must look like one.
        return ""
    return found.subject


def _sold_for(sent: Any, text: str, idx: int, products: Any) -> bool:
    """True for "<product> is/are used to treat": a listed product presented as a treatment.

    Regulators cite "Colloidal silver is used to treat infections" as an intended-use claim.  Only
    the present "is/are used to" right after a listed product counts: "has been (traditionally)
    used to treat" and "is used in hospitals to treat" describe history or practice.
    """
    if idx < 3 or prev_word(sent, idx - 1) != "used" or prev_word(sent, idx - 2) not in {"is", "are"}:
        return False
    be = sent.tokens[idx - 3]
    before = text[:be.start].rstrip()
    return any(m.end() == len(before) for m in products.finditer(before))
