"""News-style items of the claims development set (press releases, health news), written for contentlint.

Same format as ``items_marketing.py``.  Every person, university, journal issue and figure here is
invented for the project unless it is a well-known trial named as a source.
"""

GROUPS = [
    ("nw-walk", "plain-claim", [
        ("headline", "A daily walk cuts dementia risk by a third.", "MC001=cuts"),
        ("vague", "A daily walk may cut dementia risk, a new analysis suggests.", "MC003=a new analysis suggests"),
        ("sourced", "A daily walk cut dementia risk by a third, University of Lakeside researchers say.", "", "citation"),
        ("sourced", "Walking 30 minutes a day cut dementia risk by a third, said Dr. Jane Roe, a neurologist at Harbor Medical Center.", "", "citation"),
        ("vague", "A new study shows that a daily walk cuts dementia risk by a third.", "MC003=A new study shows; +MC001"),
    ]),
    ("nw-drug-ms", "plain-claim", [
        ("headline", "New pill halts the progression of multiple sclerosis.", "MC001=halts"),
        ("plain", "The drug, called velmotinib, slows brain shrinkage in people with progressive MS.", "MC001=slows"),
        ("hedged", "The drug appears to slow brain shrinkage in people with progressive MS.", ""),
        ("sourced", "Velmotinib slowed brain shrinkage by 40% compared with placebo, the team reported in The Lancet Neurology.", "", "citation"),
        ("vague", "Researchers say the drug could be a game changer.", "MC003=Researchers say"),
        ("vague", "Researchers say the drug halts the disease.", "MC003=Researchers say; +MC001"),
    ]),
    ("nw-coffee", "plain-claim", [
        ("headline", "Coffee protects your liver, new research finds.", "MC003=new research finds; +MC001"),
        ("plain", "Drinking three cups of coffee a day protects against liver cancer.", "MC001=protects against"),
        ("hedged", "Coffee drinkers had a lower risk of liver cancer, although the study cannot show cause and effect.", ""),
        ("hedged", "Coffee is linked to a lower risk of liver cancer.", ""),
        ("sourced", "Coffee drinkers had a 35% lower risk of liver cancer in the UK Biobank study, published in BMC Public Health in 2021.", "", "citation"),
    ]),
    ("nw-null", "negated-null", [
        ("negated", "The procedure provided no benefit over sham surgery.", ""),
        ("negated", "Knee arthroscopy did not relieve pain better than physical therapy.", ""),
        ("negated", "The vaccine candidate failed to prevent infection in the phase 3 trial.", ""),
        ("negated", "Vitamin E supplements did nothing to prevent prostate cancer.", ""),
        ("negated", "Neither drug improved survival.", ""),
        ("plain", "The procedure relieves knee pain in most patients.", "MC001=relieves"),
    ]),
    ("nw-researchers-say", "citation", [
        ("sourced", "Intermittent fasting lowers blood pressure, University of Westbrook researchers say.", ""),
        ("plain", "Intermittent fasting lowers blood pressure.", "MC001=lowers"),
        ("vague", "Intermittent fasting lowers blood pressure, researchers say.", "MC003=researchers say; +MC001"),
        ("vague", "Intermittent fasting might lower blood pressure, according to early research.", "MC003=according to early research"),
    ]),
    ("nw-said-dr", "citation", [
        ("sourced", "\"This treatment reverses the damage in a matter of weeks,\" said Dr. Alan Meyer, a hepatologist at Northgate University Hospital.", ""),
        ("sourced", "The therapy restores vision in most patients, said Dr. Priya Nair, an ophthalmologist at Riverside Eye Institute.", ""),
        ("plain", "The therapy restores vision in most patients.", "MC001=restores"),
        ("vague", "The therapy restores vision in most patients, doctors say.", "MC003=doctors say; +MC001"),
    ]),
    ("nw-journal", "citation", [
        ("sourced", "According to a study published in the Journal of Sleep Research, a cooler bedroom improves deep sleep.", ""),
        ("sourced", "A cooler bedroom improves deep sleep, according to a study published in the Journal of Sleep Research.", ""),
        ("vague", "According to a study, a cooler bedroom improves deep sleep.", "MC003=According to a study; +MC001"),
        ("plain", "A cooler bedroom improves deep sleep.", "MC001=improves"),
        ("hedged", "A cooler bedroom may improve deep sleep.", ""),
    ]),
    ("nw-sup", "citation", [
        ("sourced", "Strength training reduces depressive symptoms in adults.<sup>12</sup>", ""),
        ("sourced", "Strength training reduced depressive symptoms in a meta-analysis of 33 trials[^7].\n\n[^7]: Gordon BR et al. JAMA Psychiatry. 2018;75(6):566-576.\n", ""),
        ("sourced", "Strength training reduces depressive symptoms in adults (see reference 4).", ""),
        ("plain", "Strength training reduces depressive symptoms in adults.", "MC001=reduces"),
        ("hedged", "Strength training may reduce depressive symptoms in adults.", ""),
    ]),
    ("nw-what-research", "what-research-shows", [
        ("plain", "Here's what the research shows about intermittent fasting.", ""),
        ("plain", "We asked what experts say about screen time and sleep.", ""),
        ("plain", "What the evidence says about vitamin D and depression", ""),
        ("plain", "This is what scientists know so far about long COVID.", ""),
    ]),
    ("nw-vague", "vague-attribution-other", [
        ("vague", "Experts agree that cutting salt lowers blood pressure.", "MC003=Experts agree; +MC001"),
        ("vague", "Science has proven that meditation shrinks stress.", "MC003=Science has proven; +MC001; +MC002"),
        ("vague", "Studies show that green tea burns fat.", "MC003=Studies show; +MC001"),
        ("vague", "One study showed that the drug cut heart attacks in half.", "MC003=One study showed; +MC001"),
        ("vague", "It is widely known that sugar feeds cancer.", "MC003=It is widely known; +MC001"),
        ("vague", "Mounting evidence supports the use of probiotics for eczema.", "MC003=Mounting evidence supports; +MC004"),
        ("sourced", "The 2023 USPSTF review found that aspirin does not prevent a first heart attack in most older adults.", "", "negated-null"),
    ]),
    ("nw-pronoun", "pronoun-subject", [
        ("pronoun", "The new drug was approved last month. ⟦It lowers LDL cholesterol by half.⟧\n", "MC001=lowers"),
        ("pronoun", "The new drug was approved last month. ⟦It may lower LDL cholesterol for some patients.⟧\n", ""),
        ("pronoun", "Researchers tested the nasal vaccine in 400 adults. ⟦It blocked infection in nine of ten participants.⟧\n", "MC001=blocked"),
        ("plain", "Lecanemab slows cognitive decline in early Alzheimer's disease.", "MC001=slows"),
    ]),
    ("nw-gerund", "gerund-nominal", [
        ("plain", "The antiviral works by preventing the virus from replicating.", "MC001=by preventing"),
        ("plain", "Regular exercise plays a key role in preventing type 2 diabetes.", "MC001=plays a key role in preventing; G"),
        ("hedged", "Regular exercise may play a role in preventing type 2 diabetes.", ""),
        ("plain", "Lowering your blood pressure protects your kidneys.", "MC001=protects"),
        ("nominal", "The drug's ability to reverse liver scarring surprised the team.", "MC001=ability to reverse"),
    ]),
    ("nw-helps", "helps-asserts", [
        ("plain", "Cognitive behavioural therapy helps people with insomnia sleep longer.", "MC001=helps"),
        ("hedged", "Cognitive behavioural therapy can help people with insomnia sleep longer.", ""),
        ("plain", "Yoga helps reduce back pain.", "MC001=helps reduce"),
        ("hedged", "Yoga might help reduce back pain for some people.", ""),
    ]),
    ("nw-is-effective", "verb-outside-list", [
        ("plain", "The shingles vaccine is effective at preventing nerve pain.", "MC001=is effective"),
        ("plain", "Ketamine is the best treatment for treatment-resistant depression.", "MC001=is the best treatment for; +MC002"),
        ("plain", "The app works for chronic back pain.", "MC001=works"),
        ("hedged", "The app seems to work for some people with chronic back pain.", ""),
        ("hedged", "Ketamine is one option that may help some people with treatment-resistant depression.", ""),
    ]),
    ("nw-question", "question", [
        ("question", "Does intermittent fasting really lower blood pressure?", ""),
        ("question", "Can a cooler bedroom improve your sleep?", ""),
        ("question", "Will the new pill cure baldness?", ""),
        ("condition", "If the results hold up, the drug could prevent thousands of strokes.", ""),
        ("condition", "Whether the drug prevents strokes is still unknown.", ""),
    ]),
    ("nw-absolute", "absolute", [
        ("plain", "Scientists hail a breakthrough cure for peanut allergy.", "MC002=breakthrough cure; +MC001"),
        ("plain", "The new gene therapy completely cures sickle cell disease.", "MC001=cures; MC002=completely"),
        ("plain", "This diet guarantees you will never have a heart attack.", "MC002=guarantees; +MC001"),
        ("hedged", "Gene therapy may offer a cure for some people with sickle cell disease.", ""),
        ("negated", "There is no miracle pill for weight loss.", ""),
    ]),
    ("nw-press", "citation", [
        ("sourced", "Low-dose lithium slows memory decline in older adults, Harvard Medical School researchers report in Nature.", ""),
        ("plain", "Low-dose lithium slows memory decline in older adults.", "MC001=slows"),
        ("hedged", "Low-dose lithium could slow memory decline, but larger trials are needed.", ""),
        ("sourced", "\"We saw a clear reduction in falls,\" said lead author Maria Gonzalez, PhD, of the University of Eastfield.", ""),
    ]),
    ("nw-harm", "plain-claim", [
        ("plain", "Vaping causes lung damage in teenagers.", "MC001=causes"),
        ("plain", "Smoking causes lung cancer.", "MC001=causes; G"),
        ("plain", "Sitting all day raises your risk of heart disease.", "MC001=raises"),
        ("plain", "Energy drinks cause heart attacks.", "MC001=cause"),
    ]),
    ("nw-weightloss", "product-name-subject", [
        ("plain", "Semaglutide reduces body weight by about 15%.", "MC001=reduces"),
        ("plain", "Wegovy lowers the risk of heart attack and stroke in people with obesity.", "MC001=lowers"),
        ("vague", "Semaglutide might also reduce cravings for alcohol, early studies hint.", "MC003=early studies hint"),
        ("sourced", "Semaglutide cut heart attacks and strokes by 20% in the SELECT trial, published in the New England Journal of Medicine in 2023.", ""),
    ]),
    ("nw-list", "subjectless", [
        ("list", "What the new migraine drug does:\n\n- ⟦Stops migraine attacks within two hours⟧\n- Taken as a single tablet\n", "MC001=Stops"),
        ("list", "What the new migraine drug does:\n\n- ⟦May shorten migraine attacks⟧\n- Taken as a single tablet\n", ""),
        ("list", "Five ways exercise protects your brain:\n\n1. ⟦Improves blood flow to the brain⟧\n2. Lifts your mood\n", "MC001=Improves"),
    ]),
    ("nw-ref", "reference-section", [
        ("reference", "## References\n\n1. ⟦Aerobic exercise improves memory in older adults: a randomized trial. Ann Intern Med. 2021.⟧\n", ""),
        ("reference", "## Bibliography\n\n- ⟦Smith A. Green tea extract reduces body fat. Obesity Reviews. 2018;19:1-10.⟧\n", ""),
        ("reference", "## Citations\n\n- ⟦Lithium prevents dementia: a nationwide cohort. Brit J Psych. 2022.⟧\n", ""),
    ]),
    ("nw-contrast", "hedged", [
        ("hedged", "The drug is thought to protect nerve cells, but it has not been tested in people.", ""),
        ("vague", "Early results suggest that the vaccine prevents severe illness.", "MC003=Early results suggest"),
        ("hedged", "The therapy probably reduces hospital stays.", ""),
        ("plain", "The therapy reduces hospital stays, the hospital's press office said.", "MC001=reduces"),
    ]),
    ("nw-animal", "plain-claim", [
        ("plain", "A compound in broccoli reverses aging in mice.", "MC001=reverses"),
        ("hedged", "A compound in broccoli reversed some signs of aging in mice, but it is unclear whether it works in people.", ""),
        ("plain", "Blueberries boost memory.", "MC001=boost"),
        ("vague", "Blueberries might give memory a small boost, a small trial hints.", "MC003=a small trial hints"),
    ]),
]
