"""Demo content: five treatment pages, the blog's categories and the demo clinicians, written for this project
from the clinic's facts. The articles are in demo/articles.py."""

SURGICAL_RISKS = (
    "<p>Every operation carries risks, and your surgeon will go through them with you. The common ones are:</p>"
    "<ul><li>Bruising and swelling for some days, managed with medication.</li>"
    "<li>Discomfort or tightness while the tissues heal.</li>"
    "<li>Less often: infection, bleeding, scarring that is more visible than expected, numbness, "
    "asymmetry, or a result that needs a second operation.</li>"
    "<li>The risks of anaesthesia, which are assessed before surgery.</li></ul>"
)
SURGICAL_AFTERCARE = (
    "<p>You go home with written instructions and a number to call at any hour.</p>"
    "<ul><li>Take the medication you are given for pain and swelling.</li>"
    "<li>Sleep with your head raised for the first few nights.</li>"
    "<li>Avoid strenuous exercise, heavy lifting and alcohol until your surgeon says otherwise.</li>"
    "<li>Come to your follow-up appointments so we can check how you are healing.</li></ul>"
)
SURGICAL_FAQS = [
    ("Will there be visible scars?",
     "Incisions are small and placed in the natural contours of the face, so scars are usually hard to see "
     "once healed. Your surgeon will show you where they will be."),
    ("How long until I am back to normal?",
     "Most people return to normal activities in one to two weeks. Bruising and swelling ease over some days; "
     "the final result takes longer to settle."),
    ("Is this permanent?",
     "Surgery gives a long-lasting change. Your face will still age naturally over the years."),
]


def surgical_treatment(slug, title, summary, overview, how_it_works, procedure_time, anaesthetic, order):
    return {
        "slug": slug,
        "title": title,
        "category": "surgical",
        "summary": summary,
        "body": overview,
        "how_it_works": how_it_works,
        "risks": SURGICAL_RISKS,
        "aftercare": SURGICAL_AFTERCARE,
        "procedure_time": procedure_time,
        "anaesthetic": anaesthetic,
        "results_last": "Long-lasting",
        "downtime": "1–2 weeks",
        "recovery": "Bruising and swelling for some days; most people are back to normal activities in 1–2 weeks",
        "minimum_age": 18,
        "display_order": order,
        "faqs": SURGICAL_FAQS,
    }


TREATMENTS = [
    {
        "slug": "botox",
        "title": "Botox",
        "category": "non_surgical",
        "injectable": True,
        "summary": "Anti-wrinkle injections that relax chosen facial muscles to soften lines and rebalance an "
        "uneven face. No downtime; results last about three to four months.",
        "body": "<p>Botox is a purified protein injected in tiny amounts into chosen muscles of the face. "
        "It relaxes them, so the lines they cause soften and, where one side of the face pulls harder than "
        "the other, the face looks more even.</p>"
        "<h3>Benefits</h3><ul><li>Softens frown lines, forehead lines and crow’s feet.</li>"
        "<li>Can lift a low brow and balance an uneven smile or jaw.</li>"
        "<li>Quick, with no downtime: most people go straight back to their day.</li></ul>",
        "how_it_works": "<p>After a consultation and a look at how your face moves, your practitioner marks the "
        "muscles to treat and makes a few small injections with a very fine needle. The effect starts after "
        "a few days and is at its fullest after about two weeks, when we offer a review.</p>",
        "risks": "<p>Side effects are usually mild and short-lived:</p><ul>"
        "<li>Redness, small bumps or a bruise where the needle went in.</li><li>A mild headache.</li>"
        "<li>Less often, a temporarily drooping brow or eyelid, which wears off as the treatment does.</li></ul>"
        "<p>It is not suitable during pregnancy or breastfeeding, or with some muscle conditions; we check "
        "your medical history first.</p>",
        "aftercare": "<ul><li>Stay upright for four hours and do not rub the treated areas.</li>"
        "<li>Avoid strenuous exercise, saunas and alcohol for 24 hours.</li></ul>",
        "procedure_time": "15–20 minutes",
        "anaesthetic": "None needed",
        "results_last": "3–4 months",
        "downtime": "None",
        "recovery": "Back to your day straight away",
        "minimum_age": 18,
        "price_from": "200.00",
        "display_order": 1,
        "faqs": [
            ("Does it hurt?", "Most people feel only a brief scratch. The needle is very fine and the injections "
             "take a few minutes."),
            ("How long do results last?", "About three to four months. Repeat treatments keep the effect; "
             "if you stop, the muscles gradually return to how they were."),
            ("Will I look frozen?", "No, not when it is done well. The aim is to relax overactive muscles, "
             "not to stop your face moving."),
        ],
    },
    surgical_treatment(
        "rhinoplasty", "Rhinoplasty",
        "Surgery to reshape the nose so it suits your face better, and sometimes to help breathing. "
        "Incisions are small and hidden; most people are back to normal in one to two weeks.",
        "<p>Rhinoplasty changes the shape or size of the nose: a bump on the bridge, a wide or drooping tip, "
        "or a nose that is out of proportion with the rest of the face.</p><h3>Benefits</h3>"
        "<ul><li>A nose in balance with your other features.</li>"
        "<li>Can improve breathing at the same time.</li><li>A long-lasting result.</li></ul>",
        "<p>Under general anaesthetic, the surgeon reshapes the bone and cartilage through small incisions "
        "inside the nose or across the narrow strip between the nostrils, then supports the new shape with "
        "a splint for about a week.</p>",
        "2–3 hours", "General", 2,
    ),
    surgical_treatment(
        "jaw-reshaping", "Jaw reshaping",
        "Surgery to define, narrow or balance the jawline, through small incisions hidden inside the mouth. "
        "Most people are back to normal in one to two weeks.",
        "<p>Jaw reshaping refines the angle and outline of the lower face: it can soften a square jaw, "
        "strengthen a weak one, or even out a jaw that is larger on one side.</p><h3>Benefits</h3>"
        "<ul><li>A clearer, more balanced jawline.</li><li>Incisions inside the mouth leave no visible scar."
        "</li><li>A long-lasting result.</li></ul>",
        "<p>Under general anaesthetic, the surgeon works through incisions inside the mouth to contour the "
        "bone or place an implant, depending on the plan agreed at your consultation.</p>",
        "2–3 hours", "General", 3,
    ),
    surgical_treatment(
        "cheek-augmentation", "Cheek augmentation",
        "Surgery to add lasting volume and definition to the cheeks with implants or your own fat, "
        "through small hidden incisions. Most people are back to normal in one to two weeks.",
        "<p>Cheek augmentation restores or adds fullness to the mid-face, which can flatten with age or "
        "weight change, and lifts the look of the lower face.</p><h3>Benefits</h3>"
        "<ul><li>Fuller, more defined cheekbones.</li><li>A fresher, more balanced mid-face.</li>"
        "<li>A long-lasting alternative to repeated fillers.</li></ul>",
        "<p>The surgeon places a shaped implant through a small incision inside the mouth or lower eyelid, "
        "or transfers fat taken from elsewhere in your body.</p>",
        "1–2 hours", "General, or local with sedation", 4,
    ),
    surgical_treatment(
        "eyelid-surgery", "Eyelid surgery",
        "Surgery (blepharoplasty) to remove excess skin or puffiness from the upper or lower eyelids, "
        "with scars hidden in the natural creases. Most people are back to normal in one to two weeks.",
        "<p>Eyelid surgery treats heavy, hooded upper lids and puffy bags beneath the eyes, which can make you "
        "look tired and, when the upper lid droops far enough, get in the way of your sight.</p>"
        "<h3>Benefits</h3><ul><li>A brighter, more rested look.</li>"
        "<li>Can widen the field of vision when hooding is severe.</li><li>A long-lasting result.</li></ul>",
        "<p>The surgeon removes or repositions skin and fat through incisions in the natural crease of the "
        "upper lid or just below the lower lashes, then closes them with fine stitches.</p>",
        "1–2 hours", "Local with sedation, or general", 5,
    ),
]

CATEGORIES = [
    ("Anti-wrinkle injections", "anti-wrinkle-injections", "Botox and other anti-wrinkle treatments explained."),
    ("Facial balance", "facial-balance", "Why faces are uneven, and the treatments that can even them out."),
    ("Planning and recovery", "planning-and-recovery",
     "Choosing a clinician, what happens at a consultation, and what recovery is like."),
]

# The demo's clinicians (registration numbers are placeholders: a clinic enters its own, with register links).
REVIEWER_SLUG = "eleanor-hart"
CLINICIANS = [
    {
        "slug": "eleanor-hart",
        "name": "Dr Eleanor Hart",
        "role": "Medical director and aesthetic physician",
        "credentials": "MBBS, MRCS",
        "registering_body": "General Medical Council",
        "registration_number": "GMC 0000001 (demo)",
        "bio": "Eleanor leads the clinic's medical team. She checks every treatment page and article for medical "
        "accuracy before it is published, and reviews each one at least once a year.\n\n"
        "This is a demo profile: a clinic replaces it with its own clinicians.",
        "display_order": 1,
        "treatments": ["botox"],
    },
    {
        "slug": "daniel-okafor",
        "name": "Mr Daniel Okafor",
        "role": "Consultant plastic surgeon",
        "credentials": "MBBS, FRCS (Plast)",
        "registering_body": "General Medical Council",
        "registration_number": "GMC 0000002 (demo)",
        "bio": "Daniel performs the clinic's facial surgery. At consultation he talks through what surgery can and "
        "cannot change, the risks, and the recovery, and he sees every patient again afterwards.\n\n"
        "This is a demo profile: a clinic replaces it with its own clinicians.",
        "display_order": 2,
        "treatments": ["rhinoplasty", "jaw-reshaping", "cheek-augmentation", "eyelid-surgery"],
    },
    {
        "slug": "sarah-lin",
        "name": "Sarah Lin",
        "role": "Aesthetic nurse prescriber",
        "credentials": "RGN, Independent Nurse Prescriber",
        "registering_body": "Nursing and Midwifery Council",
        "registration_number": "NMC 00A0003D (demo)",
        "bio": "Sarah gives anti-wrinkle treatments after a face-to-face assessment, and writes many of the "
        "clinic's articles on non-surgical treatment.\n\n"
        "This is a demo profile: a clinic replaces it with its own clinicians.",
        "display_order": 3,
        "treatments": ["botox"],
    },
]
