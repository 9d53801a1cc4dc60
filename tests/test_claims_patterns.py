"""Issue 11: every claims pattern, with a bad example (exact spans) and a good counterpart.

The cases run through the whole engine with the shipped parser (the default run), and the
syntax-free cases again with ``nlp-model = "blank"`` so the word-list mode keeps working.
"""

from __future__ import annotations

import dataclasses

import pytest
from helpers import lint_text

from contentlint.engine.config import Settings

# (rule, text, spans the rule must report: exactly these, in order; [] means nothing)
CASES: list[tuple[str, str, list[str]]] = [
    # Subjectless list items and headline fragments
    ("MC001", "- Reduces cortisol naturally\n", ["Reduces"]),
    ("MC001", "- Soothes sore throats\n", ["Soothes"]),
    ("MC001", "Effective against 99% of germs\n", ["Effective against"]),
    ("MC001", "- May reduce cortisol in some people\n", []),
    # A base-form bullet is advice or a goal as often as a benefit ("Lower exposure to radon",
    # "Prevent or relieve symptoms" on NIH pages), so it is not reported.
    ("MC001", "- Lower exposure to radon\n", []),
    ("MC001", "- Lower your salt intake\n", []),
    ("MC001", "Elderberry is an antiviral.", ["is an antiviral"]),
    ("MC001", "80 percent more effective than the leading cancer drug\n",
     ["80 percent more effective than"]),
    # Verbs outside the old list, and "is the best treatment for", "plays a key role in preventing"
    ("MC001", "Vitamin D supports bone health.", ["supports"]),
    ("MC001", "Turmeric is the best treatment for joint pain.", ["is the best treatment for"]),
    ("MC001", "Metformin plays a key role in preventing heart disease.",
     ["plays a key role in preventing"]),
    ("MC001", "Vitamin D may support bone health.", []),
    # "helps" asserts; "can help" / "may help" hedge
    ("MC001", "Zinc helps shorten colds.", ["helps"]),
    ("MC001", "Zinc can help shorten colds.", []),
    ("MC001", "Zinc may help shorten colds.", []),
    # Pronoun and product-name subjects
    ("MC001", "It lowers blood sugar within hours.", ["lowers"]),
    ("MC001", "NeuroMax repairs nerve damage.", ["repairs"]),
    ("MC001", "NeuroMax may repair nerve damage.", []),
    # Negated and null results, questions, conditions
    ("MC001", "The procedure provided no benefit over sham surgery.", []),
    ("MC001", "Does turmeric relieve joint pain?", []),
    # Hedge across a complement clause
    ("MC001", "Studies suggest that acupuncture relieves migraine headaches.", []),
    # Citations in the sentence
    ("MC001", "Acupuncture relieves migraine headaches (see reference 4).", []),
    ("MC001", "Zinc shortens colds, University of Westbrook researchers say.", []),
    ("MC001", "Statins lower cholesterol, said Dr. Alan Meyer, a cardiologist at Mercy Hospital.", []),
    ("MC001", "Acupuncture relieves migraine headaches, according to a study published in the "
              "Journal of Pain.", []),
    # Vague attribution phrased otherwise; "what research shows" is not one
    ("MC003", "Modern research supports these uses.", ["Modern research supports"]),
    ("MC003", "It is known for its neuroprotective properties.",
     ["is known for its neuroprotective properties"]),
    ("MC003", "Science has proven that garlic works.", ["Science has proven"]),
    ("MC003", "Experts agree that sleep matters.", ["Experts agree"]),
    ("MC003", "Here is what research shows about zinc.", []),
    # "It is thought that" is a hedge (GUIDELINE.md), "It is known that" an appeal to authority.
    ("MC003", "It is thought that sun exposure may contribute.", []),
    ("MC003", "It is known that garlic lowers cholesterol.", ["It is known that"]),
    ("MC003", "This is what experts say about sleep.", []),
    # MC004: supplements, CBD, silver, stem cells; hedged or not
    ("MC004", "CBD oil stops seizures in children.", ["stops seizures"]),
    ("MC004", "Cannabidiol may reduce anxiety.", ["reduce anxiety"]),
    ("MC004", "Our stem cell therapy treats COPD.", ["treats COPD"]),
    ("MC004", "Silver particles may reduce your body's overreaction to the virus.",
     ["reduce your body's overreaction to the virus"]),
    ("MC004", "CBD oil did not stop seizures in the trial.", []),
    # Brand names and benefit bullets as the product (no listed product needed)
    ("MC004", "NeuroMax reverses diabetic neuropathy in weeks.", ["reverses diabetic neuropathy"]),
    ("MC004", "Grafts can also repair bone loss caused by some cancers.", []),
    ("MC004", "Treatment of squamous cell carcinoma may include surgery.", []),
    ("MC004", "Treatments of corneal disorders include medicines.", []),
    ("MC004", "DTaP prevents all three diseases.", []),
    ("MC004", "Cannabidiol may be effective for treating substance use disorders.",
     ["effective for treating substance use disorders"]),
    ("MC004", "Stem cells as regenerative medicine look promising for treating chronic pain.", []),
    ("MC004", "Immune Defense+ benefits:\n\n- Prevents colds and flu all winter\n", ["Prevents colds"]),
    ("MC004", "Vitamin E supplements did nothing to prevent prostate cancer.", []),
    ("MC004", "A purified CBD drug is approved by the FDA to treat seizures in epilepsy.", []),
    ("MC004", "Zinc supports normal immune function.", []),
    # Regulator-quoted headline fragments (issue 11, second pass): they carry their own subject,
    # so they count only as the whole unit.
    ("MC001", "Skin cancers disappear\n", ["Skin cancers disappear"]),
    ("MC001", "Skin cancers disappear after surgery in most patients.", []),
    ("MC001", "Symptoms disappear within two weeks.", []),
    ("MC001", "Elderberry Vs Corona Virus.", ["Elderberry Vs Corona Virus"]),
    ("MC001", "Cold vs flu.", []),
    ("MC001", "Causes cancer cells to commit suicide!", ["Causes cancer cells to commit suicide"]),
    ("MC001", "Radiation causes cancer cells to die.", []),
    ("MC001", "Avoid painful surgery, radiotherapy, chemotherapy\n", ["Avoid painful surgery"]),
    ("MC001", "Avoid lifting heavy objects after surgery.", []),
    ("MC001", "It has been used in Spain with great success against Covid19.",
     ["with great success against"]),
    ("MC001", "The trial had great success in recruiting patients.", []),
    ("MC001", "CBD is being adopted as a natural alternative to pharmaceutical-grade treatments for depression.",
     ["natural alternative to pharmaceutical-grade treatments"]),
    ("MC001", "Ask your doctor about alternatives to surgery.", []),
    ("MC001", "the official formula to treat coronavirus.", ["official formula to treat"]),
    ("MC001", "An effective, safe, and affordable way to treat virus and infection.",
     ["effective, safe, and affordable way to treat virus"]),
    ("MC001", "The best way to treat a burn is cool running water.", []),
    ("MC001", "The most powerful antiviral essential oils to provide defense against coronavirus.",
     ["provide defense against"]),
    # PubMed conclusions: established effectiveness; a trial still to run is no claim.
    ("MC001", "We confirmed the clinical effectiveness of influenza vaccination in children.",
     ["confirmed the clinical effectiveness"]),
    ("MC001", "A larger trial is needed to confirm the effectiveness of the intervention.", []),
    ("MC001", "Same-statin rechallenge was highly tolerable and efficacious.",
     ["was highly tolerable and efficacious"]),
    # A product presented as a treatment ("is used to treat"); history and practice are not.
    ("MC004", "Colloidal silver is used to treat infections.", ["treat infections"]),
    ("MC004", "Echinacea has been used to treat colds.", []),
    ("MC004", "Zinc is commonly used to treat colds in hospitals.", []),
    # Second-person promises
    ("MC002", "With ColdAway you'll never get a cold again.", ["never get a cold again"]),
    ("MC002", "Cancer Herb Tea 'You have nothing to lose but your cancer'", ["nothing to lose but your cancer"]),
    ("MC002", "Your joints will thank you.", []),
    ("MC002", "You never get the same cold again because of immunity.", []),
]


@pytest.mark.parametrize(("code", "text", "spans"), CASES, ids=[c[1][:40] for c in CASES])
def test_pattern(code: str, text: str, spans: list[str]) -> None:
    findings = [f for f in lint_text(text, select=(code,)) if f.code == code]
    assert [f.match for f in findings] == spans


# The cases that need no parse: the word-list mode must find (and excuse) them as well.
_BLANK = [c for c in CASES if not c[1].startswith(("NeuroMax", "It "))]


@pytest.mark.parametrize(("code", "text", "spans"), _BLANK, ids=[c[1][:40] for c in _BLANK])
def test_pattern_without_syntax(code: str, text: str, spans: list[str]) -> None:
    settings = dataclasses.replace(Settings(), nlp_model="blank")
    findings = [f for f in lint_text(text, select=(code,), settings=settings) if f.code == code]
    assert [f.match for f in findings] == spans


def test_finding_explains_itself() -> None:
    """The message names the trigger, the subject and why it is one, and that nothing excused it."""
    findings = lint_text("NeuroMax repairs nerve damage.", select=("MC001",))
    assert len(findings) == 1
    message = findings[0].message
    assert "'repairs'" in message and "NeuroMax" in message and "parse: name" in message
    assert "nothing excuses it" in message


def test_message_quotes_the_subject() -> None:
    """The subject is quoted without a trailing relative pronoun; a passive subject is found."""
    text = "One method of treatment that has shown success in alleviating pain is massage."
    message = lint_text(text, select=("MC001",))[0].message
    assert "of 'One method of treatment' as certain" in message
    text = "Take it daily, because it has been shown to promote healing."
    message = lint_text(text, select=("MC001",))[0].message
    assert "its subject 'it'" in message and "no subject found" not in message
    findings = lint_text("Melatonin cures insomnia and prevents migraines.", select=("MC001",))
    assert [f.match for f in findings] == ["cures", "prevents"]
    assert "of 'Melatonin' as certain" in findings[1].message


def test_patient_information_profile_exempts_guidance() -> None:
    text = "Washing your hands with soap stops germs spreading."
    general = [f.match for f in lint_text(text, select=("MC001",))]
    settings = dataclasses.replace(Settings(), profile="patient-information")
    patient = [f.match for f in lint_text(text, select=("MC001",), settings=settings)]
    assert general == ["stops"] and patient == []
    # A product claim is still reported under the profile.
    assert [f.match for f in lint_text("NeuroMax repairs nerve damage.", select=("MC001",),
                                       settings=settings)] == ["repairs"]
