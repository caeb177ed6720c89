"""Demo blog articles, written for this project. Each one names its risks and limits, makes no promises, and
passes the advertising-rules checker (tests/demo/test_demo_claims.py).

Besides the Article fields: `categories` and `related_treatments` are slugs (demo/content.py); `author` is the
slug of a demo clinician (none: the byline credits the clinical team);
`published_days_ago` spreads publish dates over past months (none: published when loaded); `picture` is a
drawing of demo/pictures.py (DRAWINGS) and the alt text describing it (none: an abstract, decorative picture).
"""

BOTOX_FACIAL_SYMMETRY = {
    "slug": "botox-facial-symmetry",
    "title": "Botox for facial symmetry",
    "summary": "Few faces are perfectly symmetrical. Here is why one side can differ from the other, and how "
    "Botox can bring them back into balance without surgery.",
    "body": """
<p>Look closely at almost any face and the two halves differ: one brow sits a little higher, one eyelid droops
slightly, or the smile pulls further to one side. Small differences are normal. When they bother you, a few
carefully placed injections can help.</p>
<h2>Why faces are uneven</h2>
<p>Asymmetry has many causes, and most people have more than one:</p>
<ul>
<li><strong>Genetics:</strong> the shape of your bones and muscles is largely inherited.</li>
<li><strong>Injury:</strong> a past fracture or damaged nerve can change how one side moves.</li>
<li><strong>Ageing:</strong> skin and muscles change at different rates on each side.</li>
<li><strong>Weight change:</strong> gaining or losing fat can alter the contours unevenly.</li>
<li><strong>Sun damage:</strong> the side that gets more sun, often the driver’s side, ages faster.</li>
</ul>
<h2>How Botox helps</h2>
<p>Often one side looks different because a muscle there is working harder than its partner. Botox relaxes
that overactive muscle. Easing the pull on one side can lift a drooping brow or eyelid, even out a crooked
smile, and balance the mouth or the jaw.</p>
<h3>The benefits</h3>
<ul>
<li>It corrects muscle imbalance at its source.</li>
<li>It relaxes the muscles pulling the face out of alignment.</li>
<li>It smooths the lines those muscles cause.</li>
<li>It restores a sense of balance to the whole face.</li>
</ul>
<h2>What to expect</h2>
<p>Treatment takes a few minutes and needs no downtime: most people go straight back to work. The effect is
temporary, lasting about three to four months, and repeat treatments maintain it. Because the result wears
off, you can adjust it over time.</p>
<h2>Choosing a practitioner</h2>
<p>Balancing a face is precise work. Choose an experienced practitioner who knows facial anatomy well, who
looks at how your face moves before treating it, and who will tell you honestly if Botox is not the right
answer for you.</p>
<blockquote><p>If you want a permanent change, surgery is the alternative. A consultation is the place to
weigh up both.</p></blockquote>
""",
    "categories": ["anti-wrinkle-injections", "facial-balance"],
    "related_treatments": ["botox"],
    "author": "sarah-lin",
}

BOTOX_MYTHS = {
    "slug": "botox-myths",
    "title": "Common Botox myths",
    "summary": "Botox is much talked about and often misunderstood. Seven things people commonly believe about it, "
    "and what actually happens in the clinic.",
    "body": """
<p>Few treatments are talked about as much as Botox, and few collect as many half-truths. If you are thinking
about it, it helps to separate what people say from what happens in the treatment room. These are the beliefs we
hear most often at consultations.</p>
<h2>“It will freeze my face”</h2>
<p>A stiff, expressionless look comes from too much product or injections in the wrong place, not from the
treatment itself. A careful practitioner watches how your face moves and treats only the muscles that cause the
lines you want softened, in doses chosen for you. Most people can still frown, smile and raise their eyebrows,
just less forcefully. If you are unsure, a lighter first treatment, reviewed after two weeks, is a reasonable way
to start.</p>
<h2>“It works straight away”</h2>
<p>It does not. The effect starts after a few days and builds to its fullest after about two weeks. That is why
we see you again at around two weeks rather than judging the result on the day.</p>
<h2>“Once you have had it, the effect stays”</h2>
<p>The effect wears off as the treated nerve endings form new connections with the muscle, usually after about
three to four months. For some people it fades a little sooner or later than that: results vary. To keep the
effect you need repeat treatments. If you stop, the muscles gradually return to how they worked before.</p>
<h2>“Stopping makes wrinkles worse”</h2>
<p>This is a common worry. When the treatment wears off, lines come back as the muscles recover; they do not
return deeper than they would have been without treatment. Your skin carries on ageing at its own pace in the
meantime, so lines may look a little different from how you remember them.</p>
<h2>“It is a poison, so it must be dangerous”</h2>
<p>Botox is made from botulinum toxin, which is harmful in large amounts. In treatment it is a purified, licensed
medicine given in tiny, measured doses, and it has been used in medicine for decades, for example for some eye
muscle problems, migraine and heavy sweating. That does not make it free of risk. The usual side effects are mild
and short-lived: redness, small bumps or a bruise where the needle went in, and sometimes a headache. Less often
a brow or eyelid droops for a few weeks until the effect fades. Rarely, the effect spreads further than
intended: difficulty swallowing, speaking or breathing after treatment needs urgent medical help.</p>
<h2>“It is only for wrinkles”</h2>
<p>Softening lines is the most common reason people ask about it, but the same idea, relaxing one overactive
muscle, can also bring an uneven brow or smile into better balance. It cannot lift sagging skin, replace lost
volume or do what surgery does, and a good practitioner will tell you when something else would suit you better,
including doing nothing at all.</p>
<h2>“Anyone can have it, from anyone”</h2>
<p>Botox is a prescription-only medicine. A qualified prescriber should assess you in person, ask about your
health and your medicines, and explain the risks before it is prescribed. It is not suitable during pregnancy or
breastfeeding, with some muscle and nerve conditions, or where there is an infection at the injection site.
Choose a practitioner who is medically trained, knows facial anatomy and can manage a complication if one
happens.</p>
<h2>In short</h2>
<p>Botox is a temporary treatment with a small, well-described set of risks and a result that depends on the
person and on who treats them. If you are considering it, book a consultation with a qualified clinician, ask
every question you have, and take your time to decide.</p>
""",
    "categories": ["anti-wrinkle-injections"],
    "related_treatments": ["botox"],
    "author": "sarah-lin",
    "published_days_ago": 11,
    "picture": ("question", "Drawing of a speech bubble holding a question mark"),
}

CHEEK_FILLER_OR_IMPLANTS = {
    "slug": "cheek-filler-or-implants",
    "title": "Cheek filler or implants?",
    "summary": "Both can add shape to the cheeks, in very different ways. A balanced look at filler, implants and "
    "fat transfer: how long each lasts, recovery, risks and cost over time.",
    "body": """
<p>Flatter cheeks are a common reason people come to see us, whether the mid-face has lost volume with age or
weight change, or the cheekbones have never been very prominent. There are three main ways to add shape: dermal
filler, a cheek implant, or fat moved from elsewhere in your body. None is right for everyone; the choice depends
on your face, your priorities and your health.</p>
<h2>Dermal filler</h2>
<p>Most cheek fillers are a gel of hyaluronic acid, a substance similar to one found naturally in the skin. It is
injected through a fine needle or a blunt cannula, usually with a numbing cream or a local anaesthetic mixed into
the gel, and the appointment takes under an hour.</p>
<ul>
<li><strong>How long it lasts:</strong> the body gradually breaks the gel down, typically over six to eighteen
months, depending on the product and the person.</li>
<li><strong>Recovery:</strong> swelling, tenderness and sometimes bruising for a few days.</li>
<li><strong>Adjusting it:</strong> small amounts can be added over time, and hyaluronic acid filler can usually be
dissolved with an enzyme if needed.</li>
<li><strong>Risks:</strong> lumps, an uneven result and infection. Rarely, filler blocks a blood vessel, which can
damage the skin and, very rarely, affect sight. This needs treatment at once, so choose a practitioner trained to
recognise and manage it.</li>
</ul>
<h2>Cheek implants</h2>
<p>Implants are shaped pieces of solid silicone or a similar material, placed over the cheekbone through a small
incision inside the mouth or, less often, near the lower eyelid. The operation is usually done under general
anaesthetic.</p>
<ul>
<li><strong>How long it lasts:</strong> an implant is designed to stay in place for the long term, although your
face will carry on ageing around it.</li>
<li><strong>Recovery:</strong> bruising and swelling for some days, managed with medication. Most people are back
to normal activities in one to two weeks, and the swelling keeps settling over the following weeks.</li>
<li><strong>Adjusting it:</strong> changing the result means another operation.</li>
<li><strong>Risks:</strong> infection, which may mean removing the implant; the implant moving out of position;
asymmetry; and numbness of the cheek or upper lip, which is usually temporary.</li>
</ul>
<h2>Fat transfer</h2>
<p>Fat can be taken by gentle liposuction from an area such as the tummy or thighs, prepared and injected into the
cheeks. Because it is your own tissue there is no implant, but not all of the fat survives. Some is reabsorbed
in the first months, so how much remains varies from person to person, and a second session is sometimes needed.
There are two treated areas, each with its own bruising and swelling.</p>
<h2>Comparing them</h2>
<ul>
<li><strong>Commitment:</strong> filler is temporary and usually reversible; an implant or fat transfer is longer
lasting and harder to undo.</li>
<li><strong>Cost over time:</strong> filler costs less each time but needs repeating; surgery costs more at the
outset.</li>
<li><strong>Time off:</strong> after filler, most people carry on with their day; after surgery, plan on one to
two weeks.</li>
<li><strong>Trying first:</strong> some people have filler first, to find out whether they like fuller cheeks,
before thinking about surgery.</li>
</ul>
<p>None of these lifts sagging skin in the lower face, and adding too much volume can look heavy rather than
fresh. Results vary with your anatomy, the method and the practitioner.</p>
<h2>Getting advice</h2>
<p>Rules on who may inject fillers differ between countries, and in some places no medical qualification is
required. Whatever you are leaning towards, see a qualified clinician who examines your face, talks through all
three options and the option of doing nothing, and explains the risks of each before you decide.</p>
""",
    "categories": ["facial-balance"],
    "related_treatments": ["cheek-augmentation"],
    "author": "daniel-okafor",
    "published_days_ago": 24,
    "picture": ("scales", "Drawing of a pair of scales, evenly balanced"),
}

RHINOPLASTY_RECOVERY = {
    "slug": "recovery-after-rhinoplasty-week-by-week",
    "title": "Recovery after rhinoplasty, week by week",
    "summary": "What recovery from nose surgery usually looks like, from the splint in the first week to the slow "
    "settling of swelling over the following months, and when to call us.",
    "body": """
<p>Everyone heals at their own pace, and your surgeon will give you instructions for your own operation. This is
a general guide to what many people go through after rhinoplasty, so you can plan time off and know what is
normal.</p>
<h2>The first few days</h2>
<p>Most people go home the same day or the next morning, with a splint on the outside of the nose and sometimes
soft splints or packing inside. Your nose will feel blocked, like a heavy cold, and you will breathe through your
mouth. Bruising and swelling around the nose and eyes are usually at their most noticeable on the second or third
day.</p>
<ul>
<li>Take the pain relief and any other medicines you are given, as prescribed.</li>
<li>Sleep with your head raised on two or three pillows.</li>
<li>Use cold compresses on your cheeks and around the eyes if your surgeon advises it, not on the splint.</li>
<li>Do not blow your nose, and sneeze with your mouth open.</li>
<li>A little blood-stained ooze from the nostrils is common at first.</li>
</ul>
<h2>Week one</h2>
<p>Swelling and bruising begin to ease. Rest at home and avoid bending, heavy lifting and anything that makes you
strain. At about a week, the splint and any stitches come off at the clinic. Your nose will still look swollen,
and often wider or more turned up than it will be once it settles.</p>
<h2>Week two</h2>
<p>Much of the bruising has faded, and what is left can usually be covered with make-up. Many people go back to
desk work and seeing friends around now: most are back to normal activities within one to two weeks. Your nose
may still feel stiff, and the tip may feel numb for a while.</p>
<h2>Weeks three to six</h2>
<p>You can return to gentle exercise such as walking, and later to harder exercise, when your surgeon agrees.
Avoid contact sports and anything that risks a knock to the nose for at least six weeks, or longer if
your surgeon advises. Ask before wearing
glasses that rest on the bridge of your nose: you may need to use contact lenses, or tape the glasses to your
forehead, for a while.</p>
<h2>The months that follow</h2>
<p>Most of the visible swelling goes in the first weeks, but the rest, particularly at the tip, can take a year or
more to settle, and the shape keeps refining during that time. That is why the final result cannot be judged
early, and why any decision about further surgery is usually left until at least a year has passed. Results vary,
and your surgeon will see you along the way.</p>
<h2>When to call us</h2>
<p>Contact the clinic straight away, at any hour, if you have:</p>
<ul>
<li>Bleeding that does not slow down after 15 minutes of sitting upright with gentle pressure.</li>
<li>A high temperature, or redness, heat and swelling that are getting worse rather than better.</li>
<li>Pain that keeps increasing or is not controlled by your medicines.</li>
<li>Pain or swelling in one leg, shortness of breath or chest pain: these need urgent medical help.</li>
</ul>
<p>If you cannot reach us and feel seriously unwell, call the emergency services.</p>
<h2>Realistic expectations</h2>
<p>Rhinoplasty changes the nose for the long term, but no one can control exactly how your tissues heal, and some
people need a smaller second operation to refine the result. Talk through your recovery, your time off work and
any worries with a qualified surgeon at your consultation, before you decide to go ahead.</p>
""",
    "categories": ["planning-and-recovery"],
    "related_treatments": ["rhinoplasty"],
    "author": "daniel-okafor",
    "published_days_ago": 38,
    "picture": ("calendar", "Drawing of a calendar page with the first two weeks ticked off"),
}

CONSULTATION = {
    "slug": "what-happens-at-a-consultation",
    "title": "What happens at a consultation",
    "summary": "A consultation is a conversation, not a commitment. What we ask, what we check, what you can ask "
    "us, and why we encourage you to take time before deciding.",
    "body": """
<p>Every treatment at the clinic starts with a consultation, whether you are asking about injections for lines or
about surgery. It is your chance to find out whether a treatment could help with what you have in mind, and ours
to check that it is suitable for you. You are under no obligation to book anything.</p>
<h2>Before you come</h2>
<ul>
<li>Write down what you would like to change, and what has made you think about it now.</li>
<li>Bring a list of your medicines, including supplements and anything bought from a pharmacy.</li>
<li>Note any previous cosmetic treatments, with dates if you know them.</li>
<li>Jot down your questions; there are some suggestions below.</li>
</ul>
<p>You are welcome to bring someone with you.</p>
<h2>Who you will see</h2>
<p>You meet the clinician who would carry out your treatment, not a sales adviser. For injections that need a
prescription, that is a qualified prescriber who assesses you in person. For surgery, it is the surgeon who would
operate.</p>
<h2>What we ask about</h2>
<p>We ask about your general health, past operations, allergies, medicines, smoking, and any condition that affects
healing or bleeding. We also ask how you feel about your appearance and how much it affects your daily life.
These questions are routine: they help us judge whether a treatment is likely to help you, or whether something
else, or nothing, would suit you better.</p>
<h2>The examination</h2>
<p>The clinician looks at the area that concerns you, at rest and as your face moves, and at your skin and the
structure beneath it. With your written consent we take photographs for your medical record. They are not used
for anything else without your separate permission.</p>
<h2>Talking through the options</h2>
<p>You should leave knowing:</p>
<ul>
<li>What the treatment can and cannot do for you, and that results vary from person to person.</li>
<li>How it is done, how long it takes and what anaesthetic, if any, is used.</li>
<li>The usual side effects and the less common risks, and what happens if a further procedure is needed.</li>
<li>How long recovery takes, and how long any change is expected to last.</li>
<li>The full cost, including aftercare and follow-up appointments.</li>
<li>The alternatives, including other treatments and no treatment at all.</li>
</ul>
<p>A clinician who promises a particular result, or who says little about risks, is not giving you the whole
picture.</p>
<h2>Questions worth asking</h2>
<ul>
<li>What training and experience do you have in this treatment?</li>
<li>What result is realistic for someone like me, and what could make mine different?</li>
<li>What complications do you see most often, and how are they handled?</li>
<li>Who do I contact if I am worried after treatment, including at night and at weekends?</li>
</ul>
<h2>Time to decide</h2>
<p>We do not ask you to book on the day. For surgery, we leave at least two weeks between your consultation and
the operation, and offer a second appointment if you have more questions. For injections, we still
encourage you to go away and think it over. If anyone presses you to decide quickly, or offers a discount for
deciding now, treat that as a reason to pause.</p>
<p>A consultation is the place to ask anything at all. If you are not sure whether a treatment is for you, we
would much rather you asked than guessed.</p>
""",
    "categories": ["planning-and-recovery"],
    "related_treatments": ["botox", "rhinoplasty", "jaw-reshaping", "cheek-augmentation", "eyelid-surgery"],
    "author": "sarah-lin",
    "published_days_ago": 53,
    "picture": ("conversation", "Drawing of two speech bubbles, one answering the other"),
}

EYELID_SURGERY_AND_VISION = {
    "slug": "eyelid-surgery-and-your-vision",
    "title": "Eyelid surgery and your vision",
    "summary": "Heavy upper eyelids can do more than change how you look: sometimes they get in the way of your "
    "sight. What eyelid surgery can and cannot do for vision, and the eye-related risks to know about.",
    "body": """
<p>Many people ask about eyelid surgery because they feel they look tired. Some also notice that they lift their
eyebrows to see properly, or that skin shades the top or outer edge of their vision. Here is how the eyelids and
your sight are linked, and what surgery can and cannot do.</p>
<h2>When eyelids affect sight</h2>
<p>With age, the skin of the upper eyelid stretches and the tissues supporting it loosen. In some people the extra
skin folds down over the lashes and blocks the top and sides of the field of vision. You may notice it most when
reading, driving or looking up, or find your forehead aches by the end of the day from holding your brows up.</p>
<p>A drooping lid is not always caused by extra skin. Sometimes the muscle that raises the lid has weakened or
stretched, a condition called ptosis, which needs a different operation. A low brow can also push skin down onto
the lid. Working out which of these is behind the problem is one of the main jobs of your consultation.</p>
<h2>Checks before surgery</h2>
<p>Your surgeon examines your eyelids, brows and eyes, checks how well your eyes close, and asks about dry eyes,
glaucoma, thyroid eye disease, previous laser eye surgery and contact lenses. If the lids seem to be affecting your
sight, a visual field test can measure by how much. In some places that result decides whether a health service
or an insurer will pay for surgery; ask us about your own situation.</p>
<h2>What surgery can and cannot do</h2>
<p>Removing extra upper-lid skin can open up the part of your field of vision it was blocking, and ease the strain
of holding the brows up. It does not improve your eyesight itself: if you need glasses or contact lenses for
reading or distance, you will still need them afterwards. Lower-lid surgery treats puffiness and bags beneath the
eyes and does not usually change vision. Results vary: how much difference surgery makes depends on your eyelids,
your brows and how you heal.</p>
<h2>Your eyes after surgery</h2>
<p>For the first days your eyes may water, feel gritty or dry, and look bruised and swollen. Your vision may be
slightly blurred, partly from the ointment used to protect the eyes. Some people find their lids do not close
completely at first, especially during sleep; lubricating drops and ointment help while this settles. Leave out
contact lenses until your surgeon says you can wear them again, usually at least a couple of weeks, and wear
sunglasses outdoors against wind and glare. Most people are back to normal activities in one to two weeks.</p>
<h2>Risks to know about</h2>
<ul>
<li>Dry, irritated eyes, usually temporary, though they can take longer to settle in people who already have dry
eyes.</li>
<li>Difficulty closing the eyes fully, or a change in the position of the lower lid, which sometimes needs further
treatment.</li>
<li>A difference between the two sides, or scars that are more visible than expected.</li>
<li>Very rarely, bleeding behind the eye, which can threaten sight and needs emergency treatment.</li>
</ul>
<p>Get help at once if, after surgery, you have severe or increasing pain around the eye, swelling that quickly
gets worse, or any loss or sudden change of vision: call the clinic at any hour, or go to the nearest emergency
department.</p>
<h2>Is it right for you?</h2>
<p>If your eyelids bother you, because of how they look or how they affect your sight, start with a consultation
with a qualified surgeon who examines your eyes properly and explains all the options: treating the brow or the
lid muscle instead, surgery on the skin, or no surgery at all.</p>
""",
    "categories": ["planning-and-recovery"],
    "related_treatments": ["eyelid-surgery"],
    "author": "daniel-okafor",
    "published_days_ago": 71,
    "picture": ("eye", "Drawing of an open eye with the crease of the upper eyelid above it"),
}

JAW_RESHAPING_LIMITS = {
    "slug": "jaw-reshaping-what-it-can-and-cannot-change",
    "title": "Jaw reshaping: what it can and cannot change",
    "summary": "Surgery can change the outline of the lower face, but it is not the answer to every jaw concern. "
    "What the operation involves, its limits and risks, and the alternatives.",
    "body": """
<p>The jawline frames the lower face, and small differences in its width, angle or length change how balanced a
face looks. Jaw reshaping surgery can alter that outline. Before you consider it, it helps to know what it can
and cannot do.</p>
<h2>What the operation can change</h2>
<ul>
<li><strong>A wide or square jaw:</strong> the surgeon can carefully contour the bone at the angle of the jaw to
soften it.</li>
<li><strong>A small or receding chin or jaw:</strong> an implant, or a repositioned piece of bone, can add
projection.</li>
<li><strong>An uneven jaw:</strong> contouring or an implant on one side can bring the two sides into better
balance, although perfect symmetry is not a realistic aim.</li>
</ul>
<p>The work is done under general anaesthetic through incisions inside the mouth, so there is no scar on the
face.</p>
<h2>What it cannot change</h2>
<ul>
<li><strong>Your bite.</strong> If your upper and lower teeth do not meet properly, the jaws themselves may be out
of position. That is treated with corrective jaw surgery planned together with an orthodontist, which is a
different and larger undertaking.</li>
<li><strong>Loose skin.</strong> Reshaping the bone does not tighten sagging skin along the jawline; that needs a
different approach.</li>
<li><strong>Width that comes from muscle.</strong> Sometimes a wide jaw is caused by a large chewing muscle rather
than bone. Muscle-relaxing injections, the same kind used for frown lines, can slim it gradually without surgery.
This is a use outside the medicine's licence, which your prescriber should explain, and the effect is temporary
and needs repeating.</li>
<li><strong>Ageing.</strong> Your face will carry on changing over the years, around the new outline.</li>
</ul>
<h2>Recovery</h2>
<p>Expect bruising and swelling for some days, managed with medication; most people are back to normal activities
in one to two weeks. Swelling of the lower face often takes longer to go down completely, and the final outline
can take several months to show. For the first weeks you eat soft food and rinse your mouth carefully after meals
to keep the incisions clean. Your surgeon will tell you when you can exercise again.</p>
<h2>Risks</h2>
<ul>
<li>Infection, which occasionally means removing an implant.</li>
<li>Numbness of the lower lip or chin, from bruising of the nerve that supplies them. It usually recovers over
weeks or months, but occasionally it does not recover fully.</li>
<li>A difference between the two sides, or a change that is more or less than you hoped for, which may need a
further operation.</li>
<li>Rarely, damage to the roots of teeth or, after bone surgery, a fracture of the jaw.</li>
<li>The risks of a general anaesthetic, which are assessed before surgery.</li>
</ul>
<h2>Is it right for you?</h2>
<p>Start with a consultation with a qualified surgeon who examines your face, teeth and bite, may arrange X-rays
or a scan, and explains whether bone, muscle, skin or a mix of them is behind what you see. They should talk
through the non-surgical options and the option of no treatment, and be clear that results vary from person to
person. Then take time to think before you decide.</p>
""",
    "categories": ["facial-balance"],
    "related_treatments": ["jaw-reshaping"],
    "author": "daniel-okafor",
    "published_days_ago": 96,
    "picture": ("jawline", "Drawing of the outline of a face, with a dashed line following the jaw"),
}

CHOOSING_A_SURGEON = {
    "slug": "choosing-a-surgeon",
    "title": "Choosing a surgeon",
    "summary": "Who operates matters as much as the operation. How to check a surgeon's registration and "
    "training, what to ask, and the warning signs that should make you pause.",
    "body": """
<p>Cosmetic surgery is real surgery, with an anaesthetic, a recovery and risks. The surgeon you choose shapes every
part of it, from whether you are advised to go ahead at all to how a complication is handled if one happens. It is
worth taking time to choose carefully.</p>
<h2>Check their registration</h2>
<p>Every doctor practising in the UK must be registered with the General Medical Council, and anyone can search its
online register by name. The register shows whether a doctor holds a licence to practise and the field in which
their surgical training is recognised. In other countries a medical board or regulator keeps a similar public
list. If a surgeon's registration is hard to find, ask why.</p>
<p>It is also fair to ask whether they belong to a professional association for plastic or facial surgery, and
whether they take part in its audit of results. Membership does not promise a good outcome, but it shows they
share their work with their peers.</p>
<h2>Ask about your operation</h2>
<ul>
<li>How often do you perform this operation?</li>
<li>How many of your patients need a further operation, and what are the usual reasons?</li>
<li>What result is realistic for me, and what could make it different?</li>
<li>What happens if I am unhappy with the result, and who pays for any further surgery?</li>
</ul>
<h2>Ask where, and who else is involved</h2>
<p>Find out where the operation will take place and who will give the anaesthetic. In England, hospitals and
clinics that carry out surgery must be registered with the Care Quality Commission, which publishes inspection
reports; other countries have their own regulators. Ask whether you will stay overnight, what happens if you need
urgent care afterwards, and whom you can call at any hour once you are home.</p>
<h2>Meet the surgeon, not only the sales team</h2>
<p>You should have a consultation with the surgeon who will operate, who examines you and explains the risks in
person. A good surgeon asks about your health and your reasons for wanting surgery, explains what the operation can
and cannot do, and may suggest a smaller procedure, a non-surgical option or no treatment at all. You should leave
with written information to read at home.</p>
<h2>Warning signs</h2>
<ul>
<li>Pressure to book, or to pay a deposit, on the day.</li>
<li>Discounts that depend on deciding quickly, or several operations sold as a package.</li>
<li>Promises of a particular result, or suggestions that nothing can go wrong.</li>
<li>Not meeting your surgeon until the day of the operation.</li>
<li>Vague answers about aftercare, or about whom to contact if something goes wrong.</li>
</ul>
<h2>Give yourself time</h2>
<p>Professional guidance in the UK recommends a cooling-off period of at least two weeks between the consultation
and the operation. Use that time to reread the information, ask follow-up questions and talk it over with people
you trust. If you are thinking of travelling abroad for surgery, plan how follow-up care, and any complication,
would be handled once you are home.</p>
<p>Every face heals in its own way and results vary, so no one can promise you a particular outcome. What a
well-chosen surgeon offers is an honest assessment, careful surgery and proper care afterwards. Start with a
consultation, and decide only when you feel fully informed.</p>
""",
    "categories": ["planning-and-recovery"],
    "related_treatments": ["rhinoplasty", "jaw-reshaping", "cheek-augmentation", "eyelid-surgery"],
    "published_days_ago": 127,
    "picture": ("checklist", "Drawing of a clipboard checklist with two of its three boxes ticked"),
}


# Newest first, as the blog lists them.
ARTICLES = [
    BOTOX_FACIAL_SYMMETRY,
    BOTOX_MYTHS,
    CHEEK_FILLER_OR_IMPLANTS,
    RHINOPLASTY_RECOVERY,
    CONSULTATION,
    EYELID_SURGERY_AND_VISION,
    JAW_RESHAPING_LIMITS,
    CHOOSING_A_SURGEON,
]
