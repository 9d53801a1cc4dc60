"""Marketing and product-page items of the claims development set, written for contentlint.

Each group is one claim with its counterparts.  An item is ``(variant, markdown, spec)`` or
``(variant, markdown, spec, patterns)``.  In ``markdown`` the judged sentence is wrapped in ⟦ ⟧ when
the snippet holds more than the sentence (a list item under its lead-in, a footnote definition
below it); otherwise the whole snippet is the sentence.  ``spec`` lists the expected rules as
``CODE=trigger span`` separated by ``;`` (``+CODE`` marks a rule that may also report it without
being a false alarm; ``G`` marks established public-health guidance).  See GUIDELINE.md.
"""

# (group id, patterns of the group, items)
GROUPS = [
    ("mk-cortisol", "subjectless", [
        ("list", "Why customers love Calmora Ashwagandha Gummies:\n\n- ⟦Reduces cortisol naturally⟧\n- Vegan and gluten free\n",
         "MC001=Reduces"),
        ("hedged", "Why customers love Calmora Ashwagandha Gummies:\n\n- ⟦May help reduce cortisol levels⟧*\n- Vegan and gluten free\n", ""),
        ("plain", "Calmora Ashwagandha Gummies reduce cortisol naturally.", "MC001=reduce"),
        ("sourced", "Ashwagandha root extract lowered serum cortisol by 27% in a 60-day placebo-controlled trial (Chandrasekhar et al., Indian J Psychol Med 2012).", ""),
    ]),
    ("mk-throat", "subjectless", [
        ("list", "Honey & Slippery Elm Lozenges\n\n- ⟦Soothes sore throats⟧\n- Natural cherry flavour\n", "MC001=Soothes; +MC004"),
        ("plain", "Our honey lozenges soothe sore throats in minutes.", "MC001=soothe; +MC004"),
        ("hedged", "Our honey lozenges may soothe a scratchy throat.", ""),
        ("negated", "Lozenges do not cure a sore throat; they only keep your mouth moist.", ""),
    ]),
    ("mk-germs", "subjectless", [
        ("headline", "⟦Effective against 99% of germs⟧\n\nPureHands gel is made with 70% alcohol.\n", "MC001=Effective against; +MC002"),
        ("plain", "PureHands gel kills 99.9% of germs.", "MC001=kills; +MC002"),
        ("hedged", "PureHands gel can help reduce the number of germs on your hands.", ""),
        ("sourced", "Alcohol-based hand rubs with at least 60% alcohol inactivate most viruses on the hands, according to the World Health Organization's guidelines on hand hygiene.", ""),
    ]),
    ("mk-neuromax", "product-name-subject", [
        ("plain", "NeuroMax repairs nerve damage.", "MC004=repairs; +MC001"),
        ("plain", "NeuroMax reverses diabetic neuropathy in just weeks.", "MC004=reverses; +MC001"),
        ("hedged", "NeuroMax may help with nerve discomfort.", ""),
        ("hedged-disease", "NeuroMax may help reverse diabetic neuropathy.", "MC004=help reverse"),
        ("question", "Can NeuroMax repair nerve damage?", ""),
    ]),
    ("mk-bloodsugar", "pronoun-subject", [
        ("pronoun", "GlucoBalance is our bestselling formula. ⟦It lowers blood sugar and supports healthy insulin levels.⟧\n",
         "MC001=lowers; +MC004"),
        ("plain", "GlucoBalance lowers blood sugar in people with type 2 diabetes.", "MC004=lowers; +MC001"),
        ("hedged", "GlucoBalance contains chromium, which may support normal blood sugar levels.", ""),
        ("condition", "If your blood sugar stays high, talk to your doctor before trying any supplement.", ""),
    ]),
    ("mk-heart", "gerund-nominal", [
        ("plain", "Omega-3 fish oil plays a key role in preventing heart disease.", "MC004=plays a key role in preventing; +MC001"),
        ("hedged", "Omega-3 fatty acids may play a role in heart health.", ""),
        ("sourced", "In the VITAL trial, published in the New England Journal of Medicine in 2019, fish oil did not lower the rate of major cardiovascular events.", "", "negated-null"),
        ("plain", "Our krill oil keeps your heart strong by preventing plaque from building up in your arteries.", "MC004=by preventing; +MC001"),
    ]),
    ("mk-zinc", "helps-asserts", [
        ("plain", "Zinc helps shorten colds.", "MC004=helps shorten; +MC001"),
        ("plain", "Magnesium helps relax tight muscles after exercise.", "MC001=helps relax"),
        ("list", "ImmuZinc Daily\n\n- ⟦Helps shorten the common cold⟧\n- 15 mg zinc per lozenge\n", "MC004=Helps shorten; +MC001"),
        ("hedged", "Zinc may help shorten colds.", "MC004=help shorten"),
        ("hedged", "Magnesium may help relax tight muscles.", ""),
        ("hedged", "Zinc lozenges can help shorten a cold if you start them early.", "MC004=help shorten"),
        ("sourced", "Zinc lozenges shortened colds by about a third in a Cochrane review of 18 trials (Singh & Das, 2013).", ""),
    ]),
    ("mk-probiotic", "helps-asserts", [
        ("plain", "This probiotic helps restore healthy gut flora after antibiotics.", "MC001=helps restore"),
        ("plain", "GutGuard helps relieve bloating and gas.", "MC001=helps relieve"),
        ("hedged", "Probiotics might help some people with bloating.", ""),
        ("question", "Do probiotics really help with bloating?", ""),
    ]),
    ("mk-supports", "verb-outside-list", [
        ("list", "What JointEase does for you:\n\n- ⟦Supports joint comfort and flexibility⟧\n- One capsule a day\n", "MC001=Supports"),
        ("plain", "JointEase supports healthy cartilage.", "MC001=supports"),
        ("hedged", "Glucosamine is thought to support cartilage, although trials disagree.", ""),
        ("plain", "JointEase relieves arthritis pain for good.", "MC004=relieves; MC002=for good; +MC001"),
    ]),
    ("mk-aids", "verb-outside-list", [
        ("plain", "Our ginger chews aid digestion after heavy meals.", "MC001=aid"),
        ("list", "Ginger chews\n\n- ⟦Aids digestion⟧\n- Calms nausea on the go\n", "MC001=Aids"),
        ("list", "Ginger chews\n\n- Aids digestion\n- ⟦Calms nausea on the go⟧\n", "MC001=Calms"),
        ("hedged", "Ginger may ease mild nausea in some people.", ""),
    ]),
    ("mk-fights", "verb-outside-list", [
        ("plain", "Elderberry syrup fights the flu.", "MC004=fights; +MC001"),
        ("hedged", "Elderberry syrup may help fight the flu.", "MC004=help fight"),
        ("plain", "Our elderberry gummies fight free radicals and boost your immune system.", "MC001=fight"),
        ("sourced", "Elderberry extract shortened flu symptoms by about four days in a small 2004 trial published in the Journal of International Medical Research.", ""),
        ("negated", "Elderberry has not been shown to prevent the flu.", "", "negated-null"),
    ]),
    ("mk-kills", "verb-outside-list", [
        ("plain", "Colloidal silver kills viruses, bacteria and fungi.", "MC004=kills; +MC001"),
        ("plain", "Tea tree oil kills the fungus that causes athlete's foot.", "MC004=kills; +MC001"),
        ("hedged", "Tea tree oil may have some antifungal effect.", ""),
        ("negated", "Colloidal silver does not kill viruses in the body and can turn your skin blue-gray.", "", "negated-null"),
    ]),
    ("mk-blocks", "verb-outside-list", [
        ("plain", "ViraShield nasal spray blocks viruses before they can infect you.", "MC004=blocks; +MC001"),
        ("plain", "The spray blocks COVID-19 from entering your cells.", "MC004=blocks; +MC001"),
        ("hedged", "Some nasal sprays may reduce how long viruses stay in the nose.", ""),
    ]),
    ("mk-detox", "verb-outside-list", [
        ("plain", "Our green tea cleanse detoxifies your liver.", "MC001=detoxifies"),
        ("list", "7-Day Green Cleanse\n\n- ⟦Detoxifies the body⟧\n- Balances hormones naturally\n", "MC001=Detoxifies"),
        ("plain", "Maca root balances hormones naturally.", "MC001=balances"),
        ("hedged", "Maca is said to balance hormones, but there is little evidence for it.", ""),
    ]),
    ("mk-works", "verb-outside-list", [
        ("plain", "SleepWell works for insomnia when nothing else does.", "MC004=works; +MC001"),
        ("plain", "Melatonin gummies are effective for jet lag.", "MC001=are effective"),
        ("plain", "Turmeric is the best treatment for joint inflammation.", "MC004=is the best treatment for; +MC001; +MC002"),
        ("hedged", "Melatonin may work for some kinds of jet lag.", ""),
        ("question", "Does melatonin work for jet lag?", ""),
    ]),
    ("mk-stemcell", "supplement-disease", [
        ("plain", "Our stem cell therapy treats Parkinson's disease, multiple sclerosis and autism.", "MC004=treats; +MC001"),
        ("hedged", "Stem cell injections may help repair damaged knee cartilage.", "MC004=help repair"),
        ("plain", "Regenerative stem cell treatment heals torn ligaments without surgery.", "MC004=heals; +MC001"),
        ("sourced", "Outside clinical trials, the FDA has not approved any stem cell product for orthopedic conditions, according to the FDA's consumer update on stem cell therapies.", ""),
        ("list", "Conditions we treat with stem cells:\n\n- ⟦COPD⟧\n- Arthritis\n", "MC004=COPD"),
    ]),
    ("mk-cbd", "supplement-disease", [
        ("plain", "CBD oil relieves anxiety and chronic pain.", "MC004=relieves; +MC001"),
        ("plain", "Our CBD tincture stops seizures.", "MC004=stops; +MC001"),
        ("hedged", "CBD may reduce anxiety in some people.", "MC004=reduce"),
        ("vague", "Early research suggests CBD could help with some kinds of pain.", "MC004=help; MC003=Early research suggests"),
        ("sourced", "A purified CBD drug, Epidiolex, is approved by the FDA to treat seizures in two rare forms of epilepsy.", ""),
    ]),
    ("mk-homeopathic", "supplement-disease", [
        ("plain", "Oscillococcinum relieves flu symptoms like body aches and fever.", "MC004=relieves; +MC001"),
        ("plain", "This homeopathic remedy cures ear infections in children.", "MC004=cures; +MC001"),
        ("hedged", "Homeopathic teething tablets may calm teething pain.", "+MC004"),
        ("negated", "Homeopathic products have not been shown to treat any disease.", "", "negated-null"),
    ]),
    ("mk-covid", "supplement-disease", [
        ("plain", "Vitamin C and zinc protect you against COVID-19.", "MC004=protect; +MC001"),
        ("hedged", "Vitamin D might lower the risk of severe COVID-19.", "MC004=lower"),
        ("plain", "Our ionic silver spray prevents coronavirus infection.", "MC004=prevents; +MC001"),
        ("sourced", "Vitamin D supplements did not reduce the risk of COVID-19, according to the CORONAVIT trial published in The BMJ in 2022.", "", "negated-null"),
    ]),
    ("mk-absolute", "absolute", [
        ("plain", "Our formula is a guaranteed cure for acid reflux.", "MC002=guaranteed cure; MC004=cure; +MC001"),
        ("plain", "SkinClear completely eliminates acne in 7 days.", "MC001=eliminates; MC002=completely; +MC004"),
        ("plain", "This miracle herb works 100% of the time.", "MC002=miracle; +MC001"),
        ("plain", "Never get a cold again with ImmunoMax.", "MC002=Never; MC004=Never get a cold again; +MC001"),
        ("hedged", "SkinClear may reduce breakouts for some users.", ""),
        ("negated", "There is no miracle cure for acne.", "", "negated-null"),
    ]),
    ("mk-vague", "vague-attribution-other", [
        ("plain", "Modern research supports these uses.", "MC003=Modern research supports"),
        ("plain", "Turmeric is known for its neuroprotective properties.", "MC003=is known for; +MC001"),
        ("plain", "Science has proven that turmeric fights inflammation.", "MC003=Science has proven; +MC001; +MC002"),
        ("plain", "Experts agree that collagen powder rebuilds your joints.", "MC003=Experts agree; +MC001"),
        ("plain", "Doctors recommend magnesium for better sleep.", "MC003=Doctors recommend"),
        ("plain", "Clinical studies show that our formula boosts energy.", "MC003=Clinical studies show; +MC001"),
        ("sourced", "A 2021 study in the journal Nutrients found that magnesium supplements improved sleep quality in older adults.", ""),
        ("pronoun", "Lion's mane is a mushroom used in traditional Chinese medicine. ⟦It is known for its neuroprotective properties.⟧\n", "MC003=is known for; +MC001", "pronoun-subject"),
        ("pronoun", "Lion's mane is a mushroom used in traditional Chinese medicine. ⟦It may protect nerve cells, according to early laboratory research.⟧\n", "MC003=according to early laboratory research"),
    ]),
    ("mk-what-research", "what-research-shows", [
        ("plain", "Here is what research shows about turmeric and joint pain.", ""),
        ("plain", "What the evidence says about collagen supplements", ""),
        ("plain", "Read on to learn what experts say about melatonin for children.", ""),
        ("plain", "We looked at what the studies say about apple cider vinegar.", ""),
    ]),
    ("mk-sup", "citation", [
        ("sourced", "Magnesium glycinate improved sleep quality in older adults.<sup>5</sup>", ""),
        ("plain", "Magnesium glycinate improves sleep quality in older adults.", "MC001=improves"),
        ("sourced", "Vitamin D3 reduced the rate of falls in a large trial[^3].\n\n[^3]: Bischoff-Ferrari HA et al. BMJ 2009;339:b3692.\n", ""),
        ("sourced", "Creatine increases muscle strength in older adults (see reference 4).", ""),
        ("sourced", "Psyllium fibre lowers LDL cholesterol, according to a study published in the Journal of Clinical Lipidology.", ""),
    ]),
    ("mk-refs", "reference-section", [
        ("reference", "## References\n\n1. ⟦Hewlings SJ, Kalman DS. Curcumin: a review of its effects on human health. Foods. 2017;6(10):92.⟧\n", ""),
        ("reference", "## Sources\n\n- ⟦Melatonin improves sleep onset in children with autism. J Child Neurol. 2015.⟧\n", ""),
        ("reference", "## Further reading\n\n- ⟦Vitamin D supplementation prevents falls in the elderly: a meta-analysis.⟧\n", ""),
        ("footnote", "Some trials found a small benefit.[^1]\n\n[^1]: ⟦Zinc lozenges reduce the duration of common cold symptoms. Open Forum Infect Dis. 2017.⟧\n", ""),
    ]),
    ("mk-guarantee", "plain-claim", [
        ("plain", "SlimFit burns belly fat while you sleep.", "MC001=burns"),
        ("implied", "Take two capsules a day and watch the pounds melt away.", "MC001=melt away"),
        ("hedged", "Green tea extract may slightly increase calorie burning.", ""),
        ("testimonial", "I lost 20 pounds in a month with SlimFit!", ""),
    ]),
    ("mk-hair", "product-name-subject", [
        ("plain", "FolliGrow regrows thinning hair in 90 days.", "MC001=regrows"),
        ("plain", "Biotin strengthens hair and nails.", "MC001=strengthens"),
        ("hedged", "Biotin supplements are unlikely to help unless you are deficient.", ""),
        ("list", "Why FolliGrow?\n\n- ⟦Stops hair loss at the root⟧\n- Clinically formulated\n", "MC001=Stops"),
    ]),
    ("mk-immunity", "subjectless", [
        ("list", "Immune Defense+ benefits:\n\n- ⟦Boosts your immune system⟧\n- With vitamin C, zinc and elderberry\n", "MC001=Boosts"),
        ("list", "Immune Defense+ benefits:\n\n- ⟦Prevents colds and flu all winter⟧\n", "MC004=Prevents; +MC001"),
        ("negated", "Vitamin C does not prevent colds for most people.", "", "negated-null"),
        ("headline", "⟦Stronger immunity in every scoop⟧\n\nImmune Defense+ comes in a resealable tub.\n", "MC001=Stronger immunity"),
    ]),
    ("mk-sleep", "pronoun-subject", [
        ("pronoun", "Try DreamEase tonight. ⟦It helps you fall asleep faster and wake up refreshed.⟧\n", "MC001=helps you fall asleep"),
        ("pronoun", "Try DreamEase tonight. ⟦It may help you fall asleep a little faster.⟧\n", ""),
        ("plain", "They calm racing thoughts so you can drift off.", "MC001=calm"),
    ]),
    ("mk-bp", "pronoun-subject", [
        ("pronoun", "Beet root powder is packed with nitrates. ⟦They lower blood pressure within hours.⟧\n", "MC001=lower; +MC004"),
        ("plain", "Beet root powder lowers blood pressure within hours.", "MC001=lowers; +MC004"),
        ("hedged", "Beet juice might slightly lower blood pressure for a few hours.", "+MC004"),
        ("sourced", "Dietary nitrate lowered systolic blood pressure by about 4 mmHg in a 2013 meta-analysis in the Journal of Nutrition.", ""),
    ]),
    ("mk-skin", "plain-claim", [
        ("plain", "Our retinol serum erases wrinkles.", "MC001=erases"),
        ("plain", "Hyaluronic acid plumps your skin and reduces fine lines.", "MC001=reduces"),
        ("hedged", "Retinol can make fine lines look less noticeable over several months.", ""),
        ("list", "Key benefits:\n\n- ⟦Fades dark spots⟧\n- Evens out skin tone\n", "MC001=Fades"),
    ]),
    ("mk-mood", "verb-outside-list", [
        ("plain", "Saffron extract eases depression as well as prescription drugs.", "MC004=eases; +MC001"),
        ("plain", "St. John's wort treats mild depression.", "MC004=treats; +MC001"),
        ("hedged", "St. John's wort might help mild depression, but it interacts with many medicines.", "MC004=help"),
    ]),
    ("mk-condition", "condition", [
        ("plain", "If you take it every day, vitamin K2 keeps calcium out of your arteries.", "MC001=keeps calcium out of"),
        ("condition", "Ask your doctor whether vitamin K2 is right for you.", ""),
        ("condition", "If magnesium does not help your cramps, see a doctor.", ""),
        ("question", "Is collagen good for your joints?", ""),
    ]),
    ("mk-device", "plain-claim", [
        ("plain", "The PulseRelief TENS unit eliminates back pain without drugs.", "MC001=eliminates"),
        ("plain", "Red light therapy heals wounds twice as fast.", "MC001=heals; +MC004"),
        ("hedged", "TENS may give short-term relief of some kinds of pain.", ""),
        ("disclaimer", "These statements have not been evaluated by the Food and Drug Administration. ⟦This product is not intended to diagnose, treat, cure, or prevent any disease.⟧\n", "", "negated-null"),
    ]),
    ("mk-proven", "", [
        ("list", "TurmaFlex Joint Formula\n\n- ⟦Clinically proven to reduce joint pain⟧\n- 95% curcuminoids\n", "MC002=Clinically proven; +MC001; +MC003", "absolute subjectless"),
        ("list", "TurmaFlex Joint Formula\n\n- ⟦Doctor-formulated to support joint health⟧\n- 95% curcuminoids\n", "", "purpose subjectless"),
        ("list", "TurmaFlex Joint Formula\n\n- ⟦Supports healthy blood pressure*⟧\n- 95% curcuminoids\n", "MC001=Supports", "subjectless verb-outside-list"),
        ("list", "TurmaFlex Joint Formula\n\n- ⟦May support joint comfort*⟧\n- 95% curcuminoids\n", "", "hedged subjectless"),
        ("heading", "# ⟦Turmeric Cures Arthritis Pain⟧\n\nOur customers tell us how much better they feel.\n", "MC004=Cures; +MC001", "heading supplement-disease"),
        ("heading", "# ⟦Can Turmeric Help Arthritis Pain?⟧\n\nHere is what we know.\n", "", "question heading"),
    ]),
    ("mk-oxygen", "product-name-subject", [
        ("plain", "OxyBoost drops flood your cells with oxygen and kill cancer cells.", "MC004=kill; +MC001", "verb-outside-list"),
        ("pronoun", "OxyBoost is made from stabilised oxygen. ⟦It starves tumours and strengthens your immune response.⟧\n", "MC004=starves; +MC001", "pronoun-subject"),
        ("hedged", "Some people believe oxygen drops may support wellbeing, but there is no evidence that they treat any disease.", ""),
        ("negated", "Oxygen drops do not kill cancer cells.", "", "negated-null"),
        ("sourced", "The FDA warned in 2021 that no oxygen drop product has been shown to treat cancer (FDA warning letter, 2021).", "", "negated-null citation"),
    ]),
    ("mk-pet", "plain-claim", [
        ("plain", "Our CBD chews for dogs calm anxiety during fireworks.", "MC004=calm; +MC001", "supplement-disease"),
        ("plain", "Glucosamine treats for dogs rebuild worn cartilage.", "MC001=rebuild"),
        ("hedged", "Some owners find that CBD chews might calm their dogs, but studies are few.", ""),
        ("question", "Will CBD calm my dog during fireworks?", ""),
    ]),
]
