"""The force of a clause, read from its wording, on sentences written for this test (not the seeds').

Each case is (clause text, expected force). The README's table is the specification: *must not*,
*are not permitted* and *should not* prohibit; *advised not to* and *should avoid* discourage;
*may/can ... only when*, *without prior permission* and *must be given permission to* permit with
conditions; *may*, *can* and *reserves the right to* permit; *must*, *should* and *are expected to*
require; a list item with no verb takes its lead-in's force.
"""

from __future__ import annotations

import pytest

from policy_atlas.core.force import clause_force


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
]

DISCOURAGED = [
    case("Employees are advised not to list the school as their workplace on dating apps.", "discouraged"),
    case("Staff are strongly encouraged not to accept invitations from parents.", "discouraged"),
    case("Teachers should avoid joining community groups run by the families of their class.", "discouraged"),
    case("Staff should try to avoid commenting on local news stories about the school.", "discouraged"),
    case("Caution is advised when posting about school trips, even after the event.", "discouraged"),
    case("Care should be taken when sharing links to external sites.", "discouraged"),
    case("Staff are discouraged from using their real names online.", "discouraged"),
    case("It is not advisable to accept friend requests from former pupils.", "discouraged"),
    case("Staff should think carefully before joining closed groups.", "discouraged"),  # required until 5534b2a
]

CONDITIONAL = [
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
    case("Staff must not contact pupils through social media unless authorised by the head.", "prohibited"),
    case("Staff must not accept pupils as friends unless authorised to do so by the designated lead.", "prohibited"),
    case("Staff may not film pupils unless authorised by the headteacher.", "prohibited"),
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
    case("Staff should not, unless authorised, contact pupils online.", "prohibited"),
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
def test_clause_force(text: str, expected: str) -> None:
    force, why = clause_force(text, [], None)
    assert force == expected, why
    assert why


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("Teachers must not accept friend requests from learners.", "“must not”"),
        ("Staff are strongly advised to review their settings.", "“strongly advised to”"),
        ("Staff can only post from the school account.", "“can only”"),
        ("Staff must not post without prior permission.", "“must not” with a condition that lifts it"),
        ("Teachers must be given permission to film.", "“must” a condition for doing it"),
        ("Staff may post only when approved.", "“may” with conditions"),
        ("Social media is a fast-moving area.", "no modal verb"),
    ],
)
def test_force_says_why(text: str, why: str) -> None:
    assert clause_force(text, [], None)[1] == why


@pytest.mark.parametrize(
    ("item", "lead_in", "inherited", "expected", "why"),
    [
        ("a pupil's home address or phone number", "Staff must not publish:", "prohibited", "prohibited", "from its lead-in"),
        ("comments about parents;", "Staff are advised not to post:", "discouraged", "discouraged", "from its lead-in"),
        ("their own children's achievements", "Staff may share:", "permitted", "permitted", "from its lead-in"),
        ("a strong password", "Every school account must have:", "required", "required", "from its lead-in"),
        (
            "during breaks, away from pupils",
            "Staff may use their phones only:",
            "permitted-with-conditions",
            "permitted-with-conditions",
            "from its lead-in",
        ),
        # An item with a verb of its own keeps its own force.
        ("Staff may use their tablets.", "Staff must not:", "prohibited", "permitted", "“may”"),
        # A lead-in without force passes nothing on.
        ("unkind remarks about colleagues", "These are the risks:", "none", "none", "no modal verb"),
        # No lead-in, nothing to inherit.
        ("unkind remarks about colleagues", None, None, "none", "no modal verb"),
    ],
)
def test_list_item_inherits_lead_in_force(item: str, lead_in: str | None, inherited: str | None, expected: str, why: str) -> None:
    assert clause_force(item, [lead_in] if lead_in else [], inherited) == (expected, why)


def test_first_deontic_sentence_sets_the_force() -> None:
    text = "Social media changes quickly. Staff must not post about pupils. Staff may post about events."
    assert clause_force(text, [], None) == ("prohibited", "“must not”")
