"""Tests of the claims rules (MC001-MC004): YAML examples, scope, negation, questions and sources."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from contentlint.engine.registry import builtin_rules_dir, load_rules
from contentlint.model.finding import Hit, Unit
from contentlint.packs.claims import checks as claims
from contentlint.packs.claims.text import clauses, tokenize, verb_forms

RULES_DIR = Path(__file__).resolve().parent.parent / "rules" / "claims"
RULE_FILES = sorted(RULES_DIR.glob("MC*.yaml"))
RULES = {code: rule for code, rule in load_rules([builtin_rules_dir()]).items() if rule.pack == "claims"}


def _hits(code: str, text: str, links: tuple[str, ...] = ()) -> list[Hit]:
    """Run rule ``code`` on one sentence, with its options as loaded (lexicons resolved, validated)."""
    prepared = RULES[code].prepared
    return list(prepared.function(Unit(text=text, links=links), prepared.options))


def test_four_rule_files_with_required_fields() -> None:
    """Each file is named <CODE>-<name>.yaml and carries the schema's required keys."""
    assert [p.name[:5] for p in RULE_FILES] == ["MC001", "MC002", "MC003", "MC004"]
    for path in RULE_FILES:
        rule = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert path.name == f"{rule['code']}-{rule['name']}.yaml"
        for key in ("code", "name", "kind", "level", "scope", "message", "summary", "why", "examples"):
            assert rule[key], key
        assert rule["kind"] == "python" and rule["scope"] == "sentence"
        assert rule["level"] in {"error", "warning", "info"}
        assert rule["options"]["entry"].startswith(("contentlint.packs.claims.checks:",
                                                     "contentlint.packs.claims.wording:",
                                                     "contentlint.packs.claims.supplements:"))
        assert rule["examples"]["bad"] and rule["examples"]["good"]


def test_shared_lists_are_lexicon_references() -> None:
    """The source, negation and distancing lists are defined once (rules/lexicons) and referenced."""
    for path in RULE_FILES:
        options = yaml.safe_load(path.read_text(encoding="utf-8"))["options"]
        for name in ("sources", "negators", "no-evidence", "distancing"):
            if name in options:
                assert options[name] == {"lexicon": f"claim-{name}"}, (path.name, name)
    assert RULES["MC001"].options["sources"] == RULES["MC004"].options["sources"]


@pytest.mark.parametrize("code", sorted(RULES))
def test_message_placeholders_are_filled(code: str) -> None:
    """The message's placeholders are all keys of the hit's data, {match} or {suggestion}."""
    rule = RULES[code]
    hit = _hits(code, rule.bad[0].text)[0]
    fields = {"match": hit.match, "suggestion": hit.suggestion, **rule.options, **hit.data}
    message = rule.message.format(**fields)
    assert "{" not in message and hit.match


@pytest.mark.parametrize("text", [
    "Platelet-rich plasma has been shown to rebuild damaged cartilage.",
    "One therapy that has shown success in easing nerve pain is magnet therapy.",
    "The clinic offers ozone therapy because it has been shown to reverse joint damage.",
    "Cupping relieves muscle tension after exercise.",
    "Collagen powder improves skin elasticity.",
    "This stretching routine works for sciatica.",
    "Red light therapy is highly effective against hair loss.",
    "Fish oil lowered triglycerides in people with diabetes.",
    "Massage reduces anxiety in cancer patients.",
    "The new cream heals burns overnight, and it prevents scarring.",
    "Statins reduce the risk of a second heart attack.",
])
def test_mc001_reports_unhedged_claims(text: str) -> None:
    """Direct claims of effect with no hedge or source are reported."""
    assert _hits("MC001", text), text


@pytest.mark.parametrize("text", [
    "Early studies suggest that platelet-rich plasma may help ease knee pain.",
    "Magnet therapy does not relieve nerve pain.",
    "Massage did not reduce anxiety in the trial.",
    "Can cupping relieve muscle tension?",
    "Does fish oil lower triglycerides?",
    "The seller claims the bracelet cures arthritis, but no study supports this.",
    "There is no evidence that ozone therapy reverses joint damage.",
    "Red light therapy could have a large effect on hair regrowth.",
    "The results of this approach look promising for back pain.",
    "Treatment can help control symptoms.",
    "Regular walking is linked to lower blood pressure.",
    "In some people, acupuncture appears to ease chronic neck pain.",
    "Smoking increases your chances of getting lung cancer.",
    "Changes in the HBB gene cause sickle cell disease.",
    "Antibiotics are used to treat bacterial infections.",
    "Doctors may prescribe medicines that lower cholesterol.",
    "Researchers want to know whether the drug improves memory.",
    "If the drug reduces swelling, the doctor may lower the dose.",
    "Insulin pumps are treated with care by most patients.",
    "It is not known if painkillers (such as aspirin, naproxen, and ibuprofen) lower the risk.",
    "A dermatologist is a doctor who diagnoses and treats skin diseases.",
    "For the therapy to be effective, the patient must stop smoking.",
    "All blood thinners have side effects.",
    "The faulty protein prevents cells from storing iron.",
    "- reduced blood flow to the hands and feet",
    "The brace won't work for every kind of knee pain.",
    "Rickets (decreased bone mineralisation) is rare today.",
    "The rash usually improves on its own.",
    "Different factors increase or decrease the risk of gum disease.",
    "Choose snacks lower in sugar.",
    "There are surgeries that can restore blood flow to the leg.",
    "This pattern is called reduced penetrance.",
])
def test_mc001_leaves_hedged_negated_and_other_sentences(text: str) -> None:
    """Hedged, negated, asked, disputed, etiological and descriptive sentences pass."""
    assert _hits("MC001", text) == [], text


@pytest.mark.parametrize(("text", "links"), [
    ("Cupping relieves muscle tension [2].", ()),
    ("Cupping relieves muscle tension.[^4]", ()),
    ("Cupping relieves muscle tension\u00b3.", ()),
    ("Cupping relieves muscle tension (Lee et al., 2020).", ()),
    ("Cupping relieves muscle tension (Lee 2020).", ()),
    ("In a 2020 trial published in Pain, cupping relieved muscle tension.", ()),
    ("According to the NHS, cupping relieves muscle tension.", ()),
    ("Cupping relieves muscle tension, a review found.", ("https://doi.org/10.1000/x",)),
])
def test_mc001_a_source_satisfies(text: str, links: tuple[str, ...]) -> None:
    """A link, reference marker, author-year or named study or agency counts as a source."""
    assert _hits("MC001", text, links) == [], text


def test_mc001_vague_attribution_is_not_a_source() -> None:
    """ "Studies show" names nothing: the claim is still reported (and MC003 reports the phrase)."""
    text = "Studies show that cupping relieves muscle tension."
    assert [h.match for h in _hits("MC001", text)] == ["relieves"]
    assert [h.match for h in _hits("MC003", text)] == ["Studies show"]


def test_mc001_hedge_in_another_clause_does_not_count() -> None:
    """A hedge in the main clause does not excuse a claim in a because-clause."""
    text = "Gene therapy will probably become common because it has been shown to repair nerves."
    assert [h.match for h in _hits("MC001", text)] == ["has been shown to repair"]
    assert _hits("MC001", "Researchers think gene therapy may repair nerves.") == []


def test_mc001_hit_carries_trigger_and_hedged_wording() -> None:
    """The hit's span is the trigger and the suggestion is the hedged wording."""
    (hit,) = _hits("MC001", "Platelet-rich plasma has been shown to rebuild damaged cartilage.")
    assert hit.match == "has been shown to rebuild"
    assert hit.suggestion == "may rebuild"
    assert hit.data["trigger"] == hit.match and hit.data["hedged"] == "may rebuild"
    message = RULES["MC001"].message.format(**hit.data)
    assert "nothing excuses it" in message and "may rebuild" in message


@pytest.mark.parametrize("text", [
    "Exercise training enhances insulin sensitivity in older adults.",
    "Statin therapy can reduce the risk of stroke.",
    "Vaccines can prevent measles.",
    "In patients with kidney disease, dapagliflozin reduced hospital admissions.",
    "Treatment with the new drug delayed the decline in kidney function.",
    "Treatment of anemia with iron supplements restores energy levels.",
])
def test_mc001_treatment_subjects(text: str) -> None:
    """Mechanism verbs and bare "can" count when a treatment or behaviour is the subject."""
    assert _hits("MC001", text), text


@pytest.mark.parametrize("text", [
    "The mutations enhance the activity of the enzyme.",
    "Cancer cells inhibit the immune response.",
    "You can lower your risk by staying active.",
    "Stress can raise blood pressure.",
    "Diabetes can damage the nerves.",
    "Radiation therapy can affect growth in young children.",
    "Bariatric surgery may induce remission of diabetes.",
])
def test_mc001_mechanism_verbs_need_a_treatment_subject(text: str) -> None:
    """Conditions, genes and cells as subjects, "can" after a non-treatment, and harms pass."""
    assert _hits("MC001", text) == [], text


# --- MC002 absolute-health-language ----------------------------------------------------------


def test_mc002_will_no_longer_need_in_a_since_clause() -> None:
    """ "likely" hedges the main clause only; the prediction in the since-clause is reported."""
    text = ("Gene editing will likely change transplant medicine, since patients will no longer "
            "need to wait for a matching kidney.")
    assert [h.match for h in _hits("MC002", text)] == ["will no longer need"]
    assert _hits("MC002", "Gene editing will likely change transplant medicine.") == []


@pytest.mark.parametrize(("text", "found"), [
    ("These cells can copy themselves without limit.", True),
    ("The balm is guaranteed to clear eczema.", True),
    ("Its makers call it a breakthrough for migraine.", True),
    ("Acupuncture always relieves back pain.", True),
    ("Always take the medicine with food.", False),
    ("The rash usually clears up completely within a week.", False),
    ("No treatment is guaranteed to work.", False),
    ("Does the cream have no side effects?", False),
])
def test_mc002_absolutes(text: str, found: bool) -> None:
    """Absolutes are reported unless hedged, negated, asked or outside a health-outcome context."""
    assert bool(_hits("MC002", text)) is found, text


# --- MC003 vague-attribution -----------------------------------------------------------------


@pytest.mark.parametrize(("text", "links", "found"), [
    ("One study showed that cupping eases neck pain.", (), True),
    ("Doctors agree that sleep matters for recovery.", (), True),
    ("It is widely believed that cold weather causes colds.", (), True),
    ("A 2017 study in The Lancet showed that cupping eased neck pain.", (), False),
    ("A study by Lee and colleagues found lower pain scores (Lee et al., 2017).", (), False),
    ("One study showed that cupping eases neck pain.", ("https://pubmed.ncbi.nlm.nih.gov/1/",),
     False),
])
def test_mc003_vague_attribution(text: str, links: tuple[str, ...], found: bool) -> None:
    """Unnamed studies and experts are reported; a named or linked study passes."""
    assert bool(_hits("MC003", text, links)) is found, text


# --- MC004 supplement-disease-claim ----------------------------------------------------------


def test_mc004_hedge_does_not_excuse_a_disease_claim() -> None:
    """ "May help prevent" is still a disease claim for a supplement (21 CFR 101.93(g))."""
    hits = _hits("MC004", "Garlic supplements may help prevent heart disease.")
    assert [h.data["product"] for h in hits] == ["supplements"]
    assert hits[0].data["disease"] == "heart disease"
    assert _hits("MC001", "Garlic supplements may help prevent heart disease.") == []


@pytest.mark.parametrize("text", [
    "Ginkgo does not prevent dementia.",
    "Is echinacea able to treat colds?",
    "Echinacea has been used to treat colds for centuries.",
    "Zinc supplements cure colds, according to the NIH.",
])
def test_mc004_passes(text: str) -> None:
    """Negated, asked, traditional-use and sourced sentences pass."""
    assert _hits("MC004", text) == [], text


# --- shared machinery -------------------------------------------------------------------------


def test_verb_forms() -> None:
    """Regular and irregular verbs inflect as the lexicons expect."""
    assert verb_forms("cure") == {"base": "cure", "s": "cures", "past": "cured", "pp": "cured",
                                  "ing": "curing"}
    assert verb_forms("relieve")["s"] == "relieves"
    assert verb_forms("remedy")["s"] == "remedies"
    assert verb_forms("lead")["past"] == "led"
    assert verb_forms("show")["pp"] == "shown"


def test_clauses_split_on_subordinators_but_not_on_complement_that() -> None:
    """ "since" starts a new clause; "suggest that" keeps the hedge's scope."""
    text = "It will likely help since patients will no longer need it."
    cls = clauses(tokenize(text))
    assert [text[c.start:c.end] for c in cls] == ["It will likely help",
                                                 "since patients will no longer need it."]
    text = "Studies suggest that it cures warts."
    cls = clauses(tokenize(text))
    assert cls[-1].inherits and cls[-1].opener == "that"


def test_entry_functions_are_public_and_documented() -> None:
    """The four entries exist, are documented, and accept empty options without failing."""
    from contentlint.packs.claims import supplements, wording

    for module, name in ((claims, "unhedged_claim"), (wording, "absolute_language"),
                         (wording, "vague_attribution"), (supplements, "supplement_disease_claim")):
        func = getattr(module, name)
        assert func.__doc__
        assert list(func(Unit(text="Cupping relieves muscle tension."), {})) == []


def test_no_seed_text_in_rules() -> None:
    """The rules' examples are the project's own wording, not the seed article's."""
    joined = " ".join(p.read_text(encoding="utf-8") for p in RULE_FILES)
    assert not re.search(r"donor.s organ|repair response of diseased", joined)


# --- MC001 on health-article prose: who acts decides ---------------------------------------------


@pytest.mark.parametrize("text", [
    "ACE inhibitors lower blood pressure.",
    "Taking folic acid lowers the risk of birth defects.",
    "Removing the gallbladder cures the pain attacks.",
    "Blood pressure was lowered by the new drug.",
    "The intake of whey protein (30 g a day) for six weeks improved muscle strength.",
    "In particular, one medicine, called drug Z, has been shown to shrink the cysts.",
    "Physical activity lowers your risk of heart disease.",
    "Within a few hours of a stroke, clot-dissolving drugs can restore blood flow.",
    "The gel is highly effective against cold sores.",
    "Statin therapy has a protective effect on the arteries.",
])
def test_mc001_treatment_and_behaviour_subjects(text: str) -> None:
    """Claim verbs after a treatment, drug, behaviour (gerund) or by-phrase agent are reported."""
    assert _hits("MC001", text), text


def test_mc001_complement_that_is_not_a_relative_clause() -> None:
    """ "Studies show that X reduces A and increases B": both verbs are the finding's claims."""
    hits = _hits("MC001", "Studies show that hormone treatment reduces fat and increases muscle.")
    assert [h.match for h in hits] == ["reduces", "increases"]


def test_mc001_coordinated_verb_shares_the_subject() -> None:
    """A second verb joined by "and" shares the subject of a reported first one."""
    hits = _hits("MC001", "Valerian cures jet lag and prevents insomnia in travellers.")
    assert [h.match for h in hits] == ["cures", "prevents"]


@pytest.mark.parametrize("text", [
    "A shortage of the enzyme lowers the amount of usable iron.",
    "Reduced blood flow prevents oxygen from reaching the legs.",
    "The thickened valve slows the flow of blood into the heart.",
    "Thrombocytosis increases the number of clotting cells.",
    "The disorder has been shown to be inherited in a recessive pattern.",
    "Each treatment has both risks and benefits.",
    "Aspirin has no effect on the virus.",
    "The genetic factors have only a small effect on the overall risk.",
    "Simple excision is reportedly curative for this lesion.",
    "The goal of treatment is to provide relief from pain.",
    "Grapefruit can change how well these medicines work.",
    "Learn how vaccines prevent disease.",
    "Bone marrow failure is treated by transfusions.",
    "Saliva, which has a protective effect on the teeth, keeps the mouth moist.",
    "Fluid can build up between sessions, causing swelling and weight gain.",
    "Treating Kidney Stones Doctors treat stones in several ways.",
    "Researchers hope to develop improved tests by using new scans.",
    "A diuretic is a medicine that draws water out and increases urine flow.",
    "A statin is a drug that makes the liver work better at clearing cholesterol.",
    "Write down when you went to bed and napped after work for an hour.",
    "If a virus, a drug, or both cause the rash, a health care provider will treat the cause.",
    "Stopping alcohol before it worsens and leads to liver problems matters most.",
    "Keep the cut clean and covered until healed Avoid sharing towels.",
    "Once scarring is present, few treatments can halt the damage.",
    "Little research exists on programmes shown to reduce falls in this group.",
    "The CALM trial found that the brace was more effective than rest.",
    "The CALMS showed that the brace delayed knee surgery by a year.",
    "Acupuncture, offered by some clinics, has not yet been proven as effective for migraine.",
    "Patients absorb little vitamin D. This difficulty in absorption leads to lower bone density.",
])
def test_mc001_descriptions_of_conditions_and_physiology_pass(text: str) -> None:
    """Body processes, deficiencies and diseases as agents, "no/limited effect", embedded
    questions, practice passives and relative clauses are not claims."""
    assert _hits("MC001", text) == [], text
