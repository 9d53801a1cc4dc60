"""MC004: disease claims for supplements, CBD, homeopathic products and unapproved therapies.

Regulators treat a disease claim for such a product as one whether hedged or not ("may help prevent
the flu"), so hedges do not excuse it here; negation, a question, distancing or a source do.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from contentlint.kinds.contract import Opt, rule_function
from contentlint.model.finding import Hit, Unit
from contentlint.packs.claims.checks import unsourced_statement
from contentlint.packs.claims.sentence import check_blocked, prev_word, token_index
from contentlint.packs.claims.text import compiled, scope_of

_SUPPLEMENT_DISEASE_CLAIM_OPTIONS: dict[str, Opt] = {
    "products": Opt("words"),
    "disease-verbs": Opt("words"),
    "diseases": Opt("words"),
    "negators": Opt("words"),
    "no-evidence": Opt("words"),
    "distancing": Opt("words"),
    "sources": Opt("words"),
}


@rule_function(options=_SUPPLEMENT_DISEASE_CLAIM_OPTIONS, needs=("sentences", "tokens"))
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
        if prev_word(sent, idx) == "used" or (prev_word(sent, idx) == "to" and idx >= 2
                                               and prev_word(sent, idx - 1) == "used"):
            continue  # "used to treat" reports a use, not an effect
        s_start, s_end, _cl = scope_of(sent.clauses, m.start())
        product = None
        for p in products.finditer(unit.text, s_start, m.start()):
            product = p
        if product is None:
            # Regulators read the whole sentence: "Colloidal Silver can be atomized ..., the action
            # of silver colloids ... may prove to inhibit the virus".
            product = products.search(unit.text)
        if product is None or not diseases.search(unit.text, m.end(), s_end):
            continue
        blocked, _scope = check_blocked(sent, key, m.start(), m.end())
        if blocked:
            continue
        disease = diseases.search(unit.text, m.end(), s_end)
        assert disease is not None
        reported_to = disease.end()
        yield Hit(m.start(), disease.end(), unit.text[m.start():disease.end()],
                  data={"trigger": m.group(), "product": product.group(),
                        "disease": disease.group()})
