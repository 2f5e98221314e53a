"""The force of a statement, read from its grammar, on sentences written for this test (not the seeds').

Each case is (statement text, expected force). The README's table is the specification: *must not*,
*are not permitted* and *should not* prohibit; *advised not to* and *should avoid* discourage;
*may/can ... only when*, *without prior permission* and *must be given permission to* permit with
conditions; *may*, *can* and *reserves the right to* permit; *must*, *should* and *are expected to*
require; instructions, gerunds and noun phrases under a lead-in take what the lead-in gives.
"""

from __future__ import annotations

import pytest

from policy_atlas.core.force import lead_in_frame, statement_force, tends_to_others
from policy_atlas.core.model import Force
from reading_sentences import FORCE_SENTENCES


def case(text: str, force: str, bug: str | None = None) -> object:
    marks = [pytest.mark.xfail(strict=True, reason=bug)] if bug else []
    return pytest.param(text, force, marks=marks, id=text[:60])


PROHIBITED = [
    case("Teachers must not accept friend requests from learners.", "prohibited"),
    case("Employees may not upload recordings of lessons to their own channels.", "prohibited"),
    case("Volunteers are not permitted to share the school's login details.", "prohibited"),
    case("Staff are not allowed to use pupils' first names in captions.", "prohibited"),
    case("Never post a photograph in which a pupil can be recognised.", "prohibited"),
    case("The trust does not permit staff to run unofficial class pages.", "prohibited"),
    case("The school does not allow staff to use personal email to contact families.", "prohibited"),
    case("Staff should not discuss colleagues on public forums.", "prohibited"),
    case("Staff shouldn't comment on posts about the school's inspection.", "prohibited"),
    case("Staff mustn't share screenshots of the staff group chat.", "prohibited"),
    case("Staff cannot use school laptops for personal shopping.", "prohibited"),
    case("Do not accept invitations to follow pupils.", "prohibited"),
    case("Staff are not to discuss pupils online.", "prohibited"),
    case("It is prohibited to film pupils on a personal phone.", "prohibited"),
    case("Staff are forbidden to use pupils' names in posts.", "prohibited"),
    case("Under no circumstances should staff message a pupil privately.", "prohibited"),
    case("Posting derogatory remarks about colleagues is a disciplinary offence.", "prohibited"),
    # A modal before "never" or "refrain from" read as required/permitted until 5534b2a.
    case("Staff should never give a pupil their personal mobile number.", "prohibited"),
    case("Staff must never share a pupil's home address.", "prohibited"),
    case("Teachers may never accept gifts offered through social media.", "prohibited"),
    case("Staff should refrain from posting during lessons.", "prohibited"),
    # A rule stated as what there is to be none of, with or without a verb; an instruction whose
    # object is "no ..."; an instruction to ban.
    case("No personal phones in the classroom.", "prohibited"),
    case("No following of learners' accounts.", "prohibited"),
    case("No recordings of lessons are to be posted on personal channels.", "prohibited"),
    case("No staff member's private number will be given to families.", "prohibited"),
    case("Make no comment on the school's inspection online.", "prohibited"),
    case("Accept absolutely no gifts offered through social media.", "prohibited"),
    case("Ban all private messaging between coaches and learners.", "prohibited"),
    case("I will not store pupils' details on my own laptop.", "prohibited"),
    case("Staff are instructed not to use their phones in class.", "prohibited"),
    case("Volunteers are told not to post photographs from matches.", "prohibited"),
    # A duty to make sure something does not happen; there is to be none of it; on no account.
    case("Staff should ensure that they do not reply to pupils from personal accounts.", "prohibited"),
    case("Make sure you never tag a learner in a post.", "prohibited"),
    case("There should be no private messaging between coaches and learners.", "prohibited"),
    case("On no account should a teacher share a pupil's address.", "prohibited"),
]

@pytest.mark.parametrize(
    "text",
    [
        "No more than two adults may run a class account.",
        "No later than the next working day, staff must report the contact.",
        "No exceptions.",
        "There is no requirement for staff to reply out of hours.",
        "Have a password that no one else knows.",
        "There will be no more than two posts a week on the class page.",
        "The school regulates their use to ensure this does not damage its reputation.",
    ],
)
def test_not_a_prohibition(text: str) -> None:
    """"No more than", "no later than", "no exceptions" and a "no" inside the sentence are a
    limit, a time, an insistence and a description: none says there is to be none of something;
    nor does a purpose ("to ensure this does not ...") that no one is told to ensure."""
    force, why = statement_force(text)
    assert force != "prohibited", why

DISCOURAGED = [
    case("Teachers should exercise caution before replying to a parent's post.", "discouraged"),
    case("We request that visitors do not post about the nativity play.", "discouraged"),
    case("It is recommended that staff do not join parents' local community pages.", "discouraged"),
    case("It is good practice not to post while on a school trip.", "discouraged"),
    case("It is not good practice to befriend the parents of your class.", "discouraged"),
    case("It is advisable to avoid tagging colleagues in photos.", "discouraged"),
    case("The club asks that members never comment on referees online.", "discouraged"),
    case("Employees are advised not to list the school as their workplace on dating apps.", "discouraged"),
    case("Staff are strongly encouraged not to accept invitations from parents.", "discouraged"),
    case("Teachers should avoid joining community groups run by the families of their class.", "discouraged"),
    case("Staff should try to avoid commenting on local news stories about the school.", "discouraged"),
    case("Caution is advised when posting about school trips, even after the event.", "discouraged"),
    case("Care should be taken when sharing links to external sites.", "discouraged"),
    case("Staff are discouraged from using their real names online.", "discouraged"),
    case("It is not advisable to accept friend requests from former pupils.", "discouraged"),
    case("Staff should think carefully before joining closed groups.", "discouraged"),  # required until 5534b2a
    case("It is advisable not to accept former pupils as friends.", "discouraged"),
]

CONDITIONAL = [
    case("Not to post pictures of other pupils without their parents written consent.", "permitted-with-conditions"),
    # What kind of permission changes nothing; an abbreviation's full stop does not end the scope.
    case("Staff should not use the school's cameras for personal projects without specific permission.", "permitted-with-conditions"),
    case("Do not take tablets home (e.g. over the holidays) without the bursar's agreement.", "permitted-with-conditions"),
    case("No images of pupils will be published without parental consent.", "permitted-with-conditions"),
    # A time or place set aside lifts a prohibition as consent does; authorisation does not (NARROW_EXCEPTION).
    case("Staff should not use social media during working hours unless on a break.", "permitted-with-conditions"),
    case("Phones must not be used unless in the staff room.", "permitted-with-conditions"),
    # A leading condition with no comma to close it still conditions the permission.
    case("If a pupil is unwell staff may ring home from the office phone.", "permitted-with-conditions"),
    case("Staff may use their own tablets only when the classroom is empty.", "permitted-with-conditions"),
    case("Employees may post photographs of school events only after checking the consent list.", "permitted-with-conditions"),
    case("Staff can only message pupils where the conversation takes place on the learning platform.", "permitted-with-conditions"),
    case("Employees can only post on the school's page where the head has approved the wording.", "permitted-with-conditions"),
    case("Staff may check their personal messages provided that no pupils are present.", "permitted-with-conditions"),
    case("Staff may use personal phones in the staff room during breaks.", "permitted-with-conditions"),
    case("Staff must not create a class blog without prior permission from the headteacher.", "permitted-with-conditions"),
    case("Staff must not use the school logo on any site without approval from the head.", "permitted-with-conditions"),
    case(
        "Staff must not set up an account in the school's name without prior written permission.",
        "permitted-with-conditions",
    ),
    case("Teachers must be given permission to film a school performance.", "permitted-with-conditions"),
    case(
        "Staff who want to use a personal device in class must first be given permission by their line manager.",
        "permitted-with-conditions",
    ),
    case(
        "Anyone wishing to open a departmental account must submit a proposal to the business manager.",
        "permitted-with-conditions",
    ),
    case("Any employee who wishes to start a teaching blog must tell the headteacher first.", "permitted-with-conditions"),
    case(
        "Staff may, with permission from the headteacher, run a page for the school choir.",
        "permitted-with-conditions",
    ),
    # The possessive read as plain permission until 5534b2a.
    case("Staff may run a page for the school choir with the headteacher's permission.", "permitted-with-conditions"),
]

NARROW_EXCEPTION = [
    # Authorisation is something the person can obtain: it lifts the prohibition (the gold
    # README's convention, settled 2026-12-07); before, these read "prohibited".
    case("Staff must not contact pupils through social media unless authorised by the head.", "permitted-with-conditions"),
    case("Staff must not accept pupils as friends unless authorised to do so by the designated lead.", "permitted-with-conditions"),
    case("Staff may not film pupils unless authorised by the headteacher.", "permitted-with-conditions"),
    case("Staff must not post about pupils unless it has been approved by the head.", "permitted-with-conditions"),
    # A different situation leaves the rule standing.
    case("Staff must not contact pupils through social media except in an emergency.", "prohibited"),
    case("Staff must not message pupils unless there is a safeguarding emergency.", "prohibited"),
]

PERMITTED = [
    case("Staff may keep a personal profile on any social networking site.", "permitted"),
    case("Employees can join professional networks such as LinkedIn.", "permitted"),
    case("The headteacher may delegate this duty to a deputy.", "permitted"),
    case("The governing body reserves the right to review staff postings that concern the school.", "permitted"),
    case("The school reserves the right to act against anyone who breaches this policy.", "permitted"),
    case("Staff are free to express political opinions in their own time.", "permitted"),
    case("Staff are encouraged to use the school's official channels.", "permitted"),
]

REQUIRED = [
    case("It is the responsibility of the head teacher to investigate any breach.", "required"),
    # caution paired with judgement is a duty to judge, not advice against some act
    case("Teachers must apply caution and sound judgement when former pupils get in touch.", "required"),
    case("It is the joint responsibility of governors and leaders to review this policy.", "required"),
    case("All staff must report online abuse to the designated lead.", "required"),
    case("Teachers should set their profiles to the highest privacy level.", "required"),
    case("Employees are expected to uphold the standards of the profession online.", "required"),
    case("Staff are strongly advised to review their privacy settings each term.", "required"),
    case("Staff are required to use the school email system for contact with families.", "required"),
    case("Staff will use a strong password for every account.", "required"),
    case("Employees need to tell their manager about any abuse they receive.", "required"),
    case("Staff have to use two-factor authentication on school accounts.", "required"),
    case("Staff are responsible for the content they publish.", "required"),
    case("It is essential that staff keep their passwords secret.", "required"),
    # advice put impersonally is advice all the same, as "strongly advised to" is
    case("It is considered good practice to review who follows the school's pages.", "required"),
    case("It is recommended that teachers turn off location sharing.", "required"),
    case("It is advisable to keep work and home accounts apart.", "required"),
    case("Staff must understand that nothing posted online is truly private.", "required"),
]

NONE = [
    case("Social media is a fast-moving area of technology.", "none"),
    case("This policy was approved by the governors in March.", "none"),
    case("The internet offers many benefits for teaching and learning.", "none"),
    case("A social network is a website where people share content.", "none"),
    case("In this policy, 'staff' includes volunteers and supply teachers.", "none"),
    case("", "none"),
]


# Written after 5534b2a fixed the first batch's misses: wordings the rules have not seen.
FRESH = [
    case("Staff are reminded that they must not share login details.", "prohibited"),
    case("Staff will not be permitted to use personal phones in classrooms.", "prohibited"),
    case("Under no circumstances may staff share pupils' details.", "prohibited"),
    case("Staff should never, under any circumstances, message pupils privately.", "prohibited"),
    case("Staff are to refrain from posting about school matters.", "prohibited"),
    case("Staff should not, unless authorised, contact pupils online.", "permitted-with-conditions"),
    case("Staff may not film pupils without the consent of the headteacher.", "permitted-with-conditions"),
    case("Staff must not post images of pupils except with the written permission of their parents.", "permitted-with-conditions"),
    case("Staff are permitted to use social media during their lunch break.", "permitted-with-conditions"),
    case("Staff are allowed to post on the school blog after approval by the head.", "permitted-with-conditions"),
    case("Staff would be well advised to check their settings.", "required"),
    case(
        "Staff may use their phones, but only during breaks.",
        "permitted-with-conditions",
    ),
    case(
        "Staff must at no time contact pupils through personal accounts.",
        "prohibited",
    ),
    case(
        "Staff are asked not to mention pupils by name in any post.",
        "discouraged",
    ),
    case(
        "It is recommended that staff do not accept requests from parents.",
        "discouraged",
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), PROHIBITED + DISCOURAGED + CONDITIONAL + NARROW_EXCEPTION + PERMITTED + REQUIRED + NONE + FRESH
)
def test_statement_force(text: str, expected: str) -> None:
    force, why = statement_force(text)
    assert force == expected, why
    assert why


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("Teachers must not accept friend requests from learners.", "“must not”"),
        ("Staff are strongly advised to review their settings.", "“strongly advised to”"),
        ("Staff can only post from the school account.", "“can only”"),
        ("Staff must not post without prior permission.", "“must not” with an exception that allows it"),
        ("Staff must not post unless authorised.", "“must not” with an exception that allows it"),
        ("Staff must not post unless there is an emergency.", "“must not” (with a narrow exception)"),
        ("Teachers must be given permission to film.", "“must”: a condition for doing it"),
        ("Staff may post only when approved.", "“may” with conditions"),
        ("Keep your profile private.", "an instruction: “Keep”"),
        ("Do not accept requests from pupils.", "an instruction: “Do not”"),
        ("Social media is a fast-moving area.", "no modal verb"),
    ],
)
def test_force_says_why(text: str, why: str) -> None:
    assert statement_force(text)[1] == why


@pytest.mark.parametrize(
    ("item", "lead_in", "expected", "why"),
    [
        ("a pupil's home address or phone number", "Staff must not publish:", "prohibited", "from its lead-in"),
        ("comments about parents;", "Staff are advised not to post:", "discouraged", "from its lead-in"),
        ("their own children's achievements", "Staff may share:", "permitted", "from its lead-in"),
        ("a strong password", "Every school account must have:", "required", "from its lead-in"),
        ("during breaks, away from pupils", "Staff may use their phones only:", "permitted-with-conditions", "from its lead-in"),
        # An instruction completes a prohibiting lead-in: "must not: share ..."
        ("Share your home address with parents.", "Employees must not:", "prohibited", "from its lead-in"),
        ("Reply to messages from pupils other than those about homework.", "Staff must not:", "permitted-with-conditions", "from its lead-in"),
        # A gerund item takes a requiring lead-in's force; a negative one under it is a prohibition.
        ("Keeping profiles private.", "Staff are expected to:", "required", "from its lead-in"),
        ("Not accepting pupils as friends.", "Staff should:", "prohibited", "an instruction"),
        ("Seeking the head's permission before posting.", "These principles include:", "permitted-with-conditions", "from its lead-in"),
        # Advice: a negative instruction is discouraged, a positive one required.
        ("Don't post your location.", "We suggest the following good practice:", "discouraged", "under advice"),
        ("Review your settings each term.", "Our recommendations:", "required", "advice under"),
        # A noun under a lead-in that lists things states no rule.
        ("Defamation", "Relevant legislation includes:", "none", "states no rule"),
        ("Copyright, Designs and Patents Act 1988", "The laws that apply are:", "none", "states no rule"),
        # An item with a modal of its own keeps its own force.
        ("Staff may use their tablets.", "Staff must not:", "permitted", "“may”"),
        # A modal in a clause about the item's object, a reason or an aside is not the item's own.
        ("Use language that is directly (or could be misinterpreted as being) racist.", "Volunteers must not:", "prohibited", "from its lead-in"),
        ("Post things that are hurtful, as this would go against the rules and could be against the law.", "Students must not:", "prohibited", "from its lead-in"),
        # A lead-in that is a condition passes no force: its instructions are duties.
        ("Tell the safeguarding lead.", "If a pupil sends you a friend request:", "required", "an instruction"),
        # A lead-in without force passes nothing on to a phrase.
        ("unkind remarks about colleagues", "These are the risks:", "none", "states no rule"),
        # A document's title is not advice, and the signer's own undertaking never is.
        ("I will not share my login with anyone.", "I have read the Online Safety Guidance for Staff and will follow it. In particular:", "prohibited", "“will not”"),
        ("Never share your password.", "I confirm I understand the following guidance:", "prohibited", "an instruction"),
        # A school's guidelines are what its staff follow, not advice; tips and recommendations are advice.
        ("Never share your password.", "The following guidelines apply:", "prohibited", "an instruction"),
        ("Never share your password.", "Our tips for staff:", "discouraged", "under advice"),
        # A one-word label is no instruction, and the items under it are not duties.
        ("The school recognises the benefits of social media.", "Purpose:", "none", "no modal verb"),
        # A lead-in whose subject is the document, asking nothing of anyone, describes the document.
        ("Encourages the safe use of social media through training.", "This policy is subject to the Code of Conduct and:", "none", "states no rule"),
        ("Applies to all staff.", "This policy:", "none", "states no rule"),
        ("clarify what the school considers to be appropriate use;", "The purpose of this policy is to;", "none", "states no rule"),
        # ... unless it asks something of staff.
        ("Keep their profiles private.", "This policy requires staff to:", "required", "an instruction"),
    ],
)
def test_list_item_takes_what_its_lead_in_gives(item: str, lead_in: str, expected: str, why: str) -> None:
    force, reason = statement_force(item, lead_in_frame(lead_in))
    assert force == expected, reason
    assert why in reason


INSTRUCTIONS = [
    case("Keep your profile private.", "required"),
    case("Report any contact from a pupil to the designated lead.", "required"),
    case("Please do not tag colleagues in photographs.", "prohibited"),
    case("Never give out your personal number.", "prohibited"),
    case("Refrain from commenting on school matters.", "prohibited"),
    case("Avoid discussing work on public sites.", "discouraged"),
    case("Only use the school account for school news.", "permitted-with-conditions"),
    case("Only post photographs with written consent.", "permitted-with-conditions"),
    case("Respect confidentiality: never name a pupil online.", "prohibited"),
    case("If a parent complains online, do not reply and tell the head.", "prohibited"),
    case("Photographs of pupils on trips", "none"),
    case("Keeping passwords safe", "none"),
]

SCOPE = [
    # A modal in a subordinate or relative clause describes; the main clause regulates.
    case("Staff who may be contacted by pupils must report it.", "required"),
    case("If staff are unsure whether they can post, they should ask the head.", "required"),
    case("Staff must not befriend pupils because this could be misread.", "prohibited"),
    case("Anything that may harm the school must not be posted.", "prohibited"),
    case("Not message pupils, since it could be seen as grooming.", "prohibited"),
    # Advice against, with the modal in front.
    case("Staff should consider very carefully before accepting parents as friends.", "discouraged"),
    case("Staff should be careful not to reveal where they live.", "discouraged"),
    # "No member of staff" negates the whole statement.
    case("No member of staff may use a personal phone to photograph pupils.", "prohibited"),
    # Where the exception is exceptional, the prohibition stands.
    case("Staff will not text pupils except in an emergency agreed with the head.", "prohibited"),
    case("Staff must not contact parents through social media except in exceptional circumstances.", "prohibited"),
    # An ordinary exception or consent lifts it.
    case("Staff must not film pupils unless their parents have given consent.", "permitted-with-conditions"),
    # A duty with a description of scope stays a duty; so does "where possible".
    case("The school reserves the right to monitor internet use, including when staff use their own time.", "permitted"),
    case("Staff must use official channels where possible.", "required"),
    case("School systems may be monitored, so privacy cannot be assumed when using them.", "permitted"),
    # A duty to limit an act to a time is a condition on doing it.
    case("Staff should limit their personal use to lunch breaks.", "permitted-with-conditions"),
    case("Breaches of this policy may result in disciplinary action.", "permitted"),
    # A modal that says what might happen states no rule; a later one governs.
    case("Staff can often have more than one relationship with a family.", "none"),
    case("Comments may be taken out of context by readers.", "none"),
    case("Posts can easily be misread, so staff must think carefully before posting.", "discouraged"),
    case("A breach will be treated as gross misconduct.", "required"),
]


@pytest.mark.parametrize(("text", "expected"), INSTRUCTIONS + SCOPE)
def test_grammar_of_force(text: str, expected: str) -> None:
    force, why = statement_force(text)
    assert force == expected, why


# Written blind by a second reader (tests/reading_sentences.py); where the reading still differs, why.
BLIND_DIFFERENCES = {
    "Staff may not use their personal phones to contact pupils except in an emergency.":
        "an emergency is a narrow exception here, as the seeds' labels read 'except in exceptional circumstances'",
    "access social media on their own devices during breaks, away from pupils":
        "the README's rules read 'during breaks' as a condition; this reader reads it as plain permission",
}


def _blind_force_cases() -> list[object]:
    cases = []
    for text, lead_in, expected in FORCE_SENTENCES:
        why = BLIND_DIFFERENCES.get(text)
        marks = [pytest.mark.xfail(strict=True, reason=why)] if why else []
        cases.append(pytest.param(text, lead_in, expected, marks=marks, id=text[:60]))
    return cases


@pytest.mark.parametrize(("text", "lead_in", "expected"), _blind_force_cases())
def test_blind_force(text: str, lead_in: str | None, expected: str) -> None:
    force, why = statement_force(text, lead_in_frame(lead_in) if lead_in else None)
    assert force == expected, why


@pytest.mark.parametrize("text", ["Review of policy", "Purpose:", "Monitoring.", "Use of images"])
def test_a_verb_spelt_as_a_noun_is_no_instruction(text: str) -> None:
    """A heading run into the text ("Review of policy") or a one-word label is no command."""
    assert statement_force(text)[0] is Force.NONE


@pytest.mark.parametrize("text", ["Dispose of old devices securely.", "Do:", "Report it."])
def test_instructions_that_look_like_labels_still_instruct(text: str) -> None:
    assert statement_force(text)[0] is Force.REQUIRED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("To ensure a consistent approach is applied across the school.", Force.NONE),
        ("To ensure pupils are safe, staff must not share images of them.", Force.PROHIBITED),
        ("To ensure safety, keep your profile private.", Force.REQUIRED),
        ("Staff should ensure that their profiles are private.", Force.REQUIRED),
    ],
)
def test_a_purpose_is_no_rule_unless_one_follows(text: str, expected: Force) -> None:
    """A policy's aims ("To ensure ...") state nothing anyone must do; a rule after its purpose does."""
    assert statement_force(text)[0] is expected


def test_heading_lead_in_frames_its_items() -> None:
    """A heading that ends in a colon ("Staff must not:") gives its items the lead-in's force."""
    frame = lead_in_frame("Staff and volunteers must not:")
    assert statement_force("Accept pupils as friends on social networking sites.", frame)[0] == "prohibited"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Do not be afraid to ask a colleague for advice.", Force.REQUIRED),
        ("Staff should not hesitate to report an approach from a pupil.", Force.REQUIRED),
        ("Don't be shy about asking the DSL for help.", Force.REQUIRED),
        ("Never hesitate to block a stranger.", Force.REQUIRED),
        ("Staff must not be afraid of pupils' opinions.", Force.PROHIBITED),
        ("Do not befriend pupils.", Force.PROHIBITED),
    ],
)
def test_a_negated_reluctance_urges_the_act(text: str, expected: Force) -> None:
    """"Do not be afraid to ask" and "should not hesitate to report" urge the act; they forbid nothing."""
    assert statement_force(text)[0] is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Phones are only to be used in the staff room.", Force.PERMITTED_WITH_CONDITIONS),
        ("Only school cameras should be used to photograph pupils.", Force.PERMITTED_WITH_CONDITIONS),
        ("Only on a residential trip should a personal phone be used to call home.", Force.PERMITTED_WITH_CONDITIONS),
        ("We only use photographs that parents have agreed to.", Force.PERMITTED_WITH_CONDITIONS),
        ("Staff are expected to use only the school's messaging system with pupils.", Force.PERMITTED_WITH_CONDITIONS),
        ("Images will be stored securely and later used only by those authorised to do so.", Force.REQUIRED),
        ("Staff must not only report the message but also keep a copy.", Force.REQUIRED),
        ("Not only must staff report concerns, they must also record them.", Force.REQUIRED),
        ("We use the school's own accounts.", Force.NONE),
    ],
)
def test_only_limits_an_act_to_a_case(text: str, expected: Force) -> None:
    """"Only" on a duty or a permission, before or after its modal, or on a practice the school
    states as fact, allows the act in the named case alone; "not only ... but also" forbids nothing."""
    assert statement_force(text)[0] is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Staff must not use their phones outside designated break times.", Force.PERMITTED_WITH_CONDITIONS),
        ("Do not check social media outside of your lunch break.", Force.PERMITTED_WITH_CONDITIONS),
        ("Staff must not use their phones outside the staff building.", Force.PROHIBITED),
    ],
)
def test_a_prohibition_outside_breaks_allows_the_breaks(text: str, expected: Force) -> None:
    """A prohibition limited to a time, outside the breaks it names, allows the act in them."""
    assert statement_force(text)[0] is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Do **not** forward the message to anyone.", Force.PROHIBITED),
        ("Staff __should__ avoid befriending parents.", Force.DISCOURAGED),
        ("Staff *must not* lend their login to others.", Force.PROHIBITED),
        ("Switch the phone to **silent mode** in lessons.", Force.REQUIRED),
    ],
)
def test_emphasis_marks_change_no_force(text: str, expected: Force) -> None:
    """Bold kept from a Word file or written in Markdown ("Do **not** ...") is still read as words."""
    assert statement_force(text)[0] is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Meet - Meeting people you know only online is risky.", Force.NONE),
        ("Think - Thinking ahead is part of being safe online.", Force.NONE),
        ("Tell - Tell a trusted adult when something online worries you.", Force.REQUIRED),
        ("Check: Check your privacy settings each term.", Force.REQUIRED),
    ],
)
def test_a_one_word_label_is_read_past(text: str, expected: Force) -> None:
    """An acronym's or a glossary's label ("Meet - ...") is no instruction: what follows it says
    whether there is a rule."""
    assert statement_force(text)[0] is expected


@pytest.mark.parametrize(
    ("text", "tends"),
    [
        ("Encourage honest discussion of what they see on the internet.", True),
        ("Carers should watch out for changes in a young person's mood after going online.", True),
        ("Talk with the children you look after about online strangers.", True),
        ("Help them set their profiles to private.", True),
        ("Staff should discuss safe gaming with their own children.", True),
        ("Staff must not talk to pupils through personal messaging apps.", False),
        ("Do not encourage pupils to follow your account.", False),
        ("Staff are encouraged to report any concern to the safeguarding lead.", False),
        ("Staff must communicate with pupils only via the school's platform.", False),
        ("Help colleagues who are targeted online.", False),
    ],
)
def test_care_for_what_the_young_do_is_no_rule_on_the_readers_own_act(text: str, tends: bool) -> None:
    """A duty to teach, watch over or talk with the young names acts (contact, bullying) it
    does not regulate in the reader."""
    assert tends_to_others(text) is tends


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an act that needs consent is allowed with it
        ("Filming at the concert needs no fee but requires the consent of every family shown.", Force.PERMITTED_WITH_CONDITIONS),
        ("Written permission is required before a pupil's photograph goes on the website.", Force.PERMITTED_WITH_CONDITIONS),
        ("Staff must request a laptop from the office.", Force.REQUIRED),
        # one allowed way forbids the others and allows that one
        ("The only approved way of messaging pupils is through the learning platform.", Force.PERMITTED_WITH_CONDITIONS),
        ("The school website is the only place for news.", Force.NONE),
        # a permission left to someone's judgement is conditional on it
        ("Visitors may use the staff kitchen at the discretion of the office manager.", Force.PERMITTED_WITH_CONDITIONS),
        ("Visitors may use the staff kitchen.", Force.PERMITTED),
        # a leading exception the person can obtain lifts the prohibition, as a trailing one does
        ("Unless a fire alarm sounds, staff may not bring games consoles into class.", Force.PROHIBITED),
        ("Unless approved by a deputy head, laptops and devices such as cameras may not leave the site.", Force.PERMITTED_WITH_CONDITIONS),
        # a duty limited to a use by a trailing "only"
        ("Recordings of the play must be kept for family use only.", Force.PERMITTED_WITH_CONDITIONS),
        ("Recordings of the play must be kept in a locked drawer.", Force.REQUIRED),
        # circumstances in which an act is appropriate permit it in them
        ("There might be occasions when it is acceptable for a teacher to phone home from a trip.", Force.PERMITTED_WITH_CONDITIONS),
        ("There may be times when pupils feel upset by what they read.", Force.NONE),
    ],
)
def test_conditions_said_without_a_conditional_word(text: str, expected: Force) -> None:
    """Consent an act requires, the one way allowed, someone's discretion, an exception that can
    be obtained placed first, "for ... use only", and circumstances in which an act is
    appropriate all allow the act on a condition."""
    assert statement_force(text)[0] is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "other than one's own" narrows what is forbidden; it allows nothing
        ("Families must not share clips that show pupils other than their own.", Force.PROHIBITED),
        ("Staff must not use the minibus other than for school trips.", Force.PERMITTED_WITH_CONDITIONS),
        # "such as" gives examples; it opens no clause of reason, so the modal after it governs
        ("Gadgets such as smart watches must not be worn in exams.", Force.PROHIBITED),
        ("Games as well as music apps must be removed from school tablets.", Force.REQUIRED),
        ("Staff should report it, as the rules may change.", Force.REQUIRED),
        # "how they can ..." asks what is allowed; it allows nothing itself
        ("Each autumn the staff handbook explains how teachers can book the minibus.", Force.NONE),
        # a modal that says what an act might lead to regulates nothing
        ("Sharing gossip online can have a lasting impact on a colleague.", Force.NONE),
    ],
)
def test_what_narrows_or_lists_is_no_exception_or_clause(text: str, expected: Force) -> None:
    """An object narrowed by "other than one's own", examples after "such as", a modal inside
    "how ..." and a modal of effect are read for what they are, not as exceptions, reasons or
    permissions."""
    assert statement_force(text)[0] is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pupil records must stay in the office. We keep them safe by seeking the head's approval for every copy.", Force.REQUIRED),
        ("Photos must be taken with care, and we want to respect every family's wishes.", Force.REQUIRED),
        ("Staff who want to film a lesson must ask the head first.", Force.PERMITTED_WITH_CONDITIONS),
        ("Staff must seek the head's approval before filming a lesson.", Force.PERMITTED_WITH_CONDITIONS),
    ],
)
def test_a_precondition_is_the_readers_in_the_duty_sentence(text: str, expected: Force) -> None:
    """Permission sought or a wish to act makes a duty a condition only when it is the reader's,
    in the duty's own sentence: how the school keeps the duty, or what it wants, conditions nothing."""
    assert statement_force(text)[0] is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The aim of this guidance is to give staff a clear picture of safe phone use.", Force.NONE),
        ("Our main purpose is to keep children and adults safe online.", Force.NONE),
        ("The objectives of the code are to protect learners and colleagues.", Force.NONE),
        ("Staff are to keep their phones in a locker.", Force.REQUIRED),
        ("Cameras are to be stored in the office at the end of the day.", Force.REQUIRED),
    ],
)
def test_what_an_aim_is_binds_no_one(text: str, expected: Force) -> None:
    """"is to" after an aim joins the aim to what it is ("the aim ... is to protect"); after a
    person or a thing it is a duty ("Staff are to keep ...")."""
    assert statement_force(text)[0] is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Introduction The internet gives teachers many new ways to share work.", Force.NONE),
        ("Background As more families go online, schools meet new risks.", Force.NONE),
        ("Set the tone for others by posting with care.", Force.REQUIRED),
        ("Keep The Account Private", Force.REQUIRED),
    ],
)
def test_a_heading_run_into_its_text_is_no_instruction(text: str, expected: Force) -> None:
    """A title word followed by a capitalised sentence opener is a heading that lost its line
    break, not a verb in the imperative; an instruction's object follows in the sentence's case."""
    assert statement_force(text)[0] is expected


@pytest.mark.parametrize(
    ("lead_in", "item", "expected"),
    [
        ("Our policy aims to:", "Give clear guidance on phones for everyone on site", Force.NONE),
        ("This agreement sets out to:", "Protect staff from misunderstanding", Force.NONE),
        ("Staff must:", "Give clear guidance to pupils on phones", Force.REQUIRED),
    ],
)
def test_items_under_the_documents_aims_state_no_rule(lead_in: str, item: str, expected: Force) -> None:
    """What a policy aims to do, whoever's policy it is ("our", "this"), is listed, not ruled."""
    assert statement_force(item, lead_in_frame(lead_in))[0] is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("This agreement is designed to make sure that every adult knows the rules.", Force.NONE),
        ("Everyone who signs this agreement must keep their password private.", Force.REQUIRED),
    ],
)
def test_an_agreement_that_says_what_it_does_binds_no_one(text: str, expected: Force) -> None:
    """An agreement, like a policy, that says what it is for describes itself; its signers' duties are rules."""
    assert statement_force(text)[0] is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sharing class work online can be very positive for families.", Force.NONE),
        ("It can be tempting to reply to a parent late at night.", Force.NONE),
        ("Personal accounts can pose real risks to a teacher's standing.", Force.NONE),
        ("Staff can check messages in the staff room.", Force.PERMITTED),
        ("Pupils' work can be shown on the website with consent.", Force.PERMITTED_WITH_CONDITIONS),
        ("Messaging apps can blur the boundary between work and home.", Force.NONE),
        ("Unsafe behaviour online can be grouped under three headings:", Force.NONE),
    ],
)
def test_what_a_thing_can_be_or_bring_is_no_leave(text: str, expected: Force) -> None:
    """"can" before what a thing is like ("can be positive") or what it brings ("can pose risks")
    says what is possible; before an act ("can check", "can be shown") it gives leave."""
    assert statement_force(text)[0] is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Where a complaint about a post is upheld, disciplinary action may follow.", Force.PERMITTED),
        ("If a member of staff is found to have misused the network, they may be subject to disciplinary action.", Force.PERMITTED),
        ("Messages sent on school accounts are subject to checks and may be read by the head.", Force.PERMITTED),
        ("Where parents agree, photos may go on the newsletter.", Force.PERMITTED_WITH_CONDITIONS),
        ("Photos may go on the newsletter subject to parental consent.", Force.PERMITTED_WITH_CONDITIONS),
    ],
)
def test_the_occasion_of_a_consequence_is_no_condition(text: str, expected: Force) -> None:
    """What may follow a breach is permitted as the organisation's stance whatever the occasion
    named ("where misuse is found"); an act allowed on a condition is permitted with conditions.
    "are subject to" says what something is liable to, not "provided that"."""
    assert statement_force(text)[0] is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Families have the right to ask for a photo to be taken down.", Force.PERMITTED),
        ("Every employee has a right to refuse a friend request from a parent.", Force.PERMITTED),
        ("Staff have the right to privacy in their own time.", Force.NONE),
    ],
)
def test_a_right_to_act_is_leave_to_act(text: str, expected: Force) -> None:
    """Holding the right to do something allows it; a right to a thing ("to privacy") names no act."""
    assert statement_force(text)[0] is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The governors recognise the need to keep families' details safe.", Force.NONE),
        ("There is no need to answer messages after six o'clock.", Force.NONE),
        ("Staff need to tell the head about any approach from a pupil.", Force.REQUIRED),
        ("In May 2019 the trust replaced its old phone policy.", Force.NONE),
        ("From 1 May the new code of conduct applies to all visitors.", Force.NONE),
        ("Visitors may take photos at the May fair with the head's agreement.", Force.PERMITTED_WITH_CONDITIONS),
    ],
)
def test_a_noun_or_a_month_is_no_modal(text: str, expected: Force) -> None:
    """"the need to" names a need, "May 2019" a month: neither binds or allows anyone; the verbs
    themselves ("Staff need to", "Visitors may") still do."""
    assert statement_force(text)[0] is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On personal accounts, never name the school as your employer.", Force.PROHIBITED),
        ("In school, keep your phone out of sight.", Force.REQUIRED),
        ("Online, staff must act as they would in the classroom.", Force.REQUIRED),
        ("In the past, staff have shared photographs of trips.", Force.NONE),
    ],
)
def test_an_instruction_after_a_phrase_of_place_is_an_instruction(text: str, expected: Force) -> None:
    """A phrase of place or time before the comma ("On personal accounts, ...") leaves the rule
    after it as it is; a sentence with no rule after it states none."""
    assert statement_force(text)[0] is expected
