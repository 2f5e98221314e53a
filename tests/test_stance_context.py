"""A school's stance read with the words a statement leans on, and its firmest rule.

Our own wordings, read through the real classifier and matrix: an item that completes a list
lead-in is about what the two say together; a statement whose object is a pronoun ("report
these") is about what the pronoun stands for; a school that advises against an act and also
forbids it has the prohibition as its rule.
"""

from __future__ import annotations


import pytest

from policy_atlas.core.classify import Classifier, topic_evidence
from policy_atlas.core.compare import Matrix, build_matrix
from policy_atlas.core.force import coordinated_parts, done_to, governs_others, reported_force, statement_force, tends_to_others
from policy_atlas.core.model import Clause, Force, Statement
from policy_atlas.core.taxonomy import Taxonomy




def _matrix(taxonomy: Taxonomy, schools: dict[str, list[tuple[str, str | None]]]) -> Matrix:
    """Each school a list of (text, parent number) clauses, numbered from 1."""
    clauses = {
        slug: tuple(Clause(f"{slug}/{n}", text, str(n), ("Social media",), f"{slug}/{parent}" if parent else None) for n, (text, parent) in enumerate(rows, 1))
        for slug, rows in schools.items()
    }
    classifier = Classifier(taxonomy)
    statements: dict[str, tuple[Statement, ...]] = {}
    for slug, own in clauses.items():
        for clause_id, reading in classifier.classify_blocks(own).items():
            statements[clause_id] = reading.statements
    return build_matrix(clauses, statements, taxonomy)


def _stance(matrix: Matrix, provision_id: str, school: str) -> tuple[Force, str] | None:
    topic = provision_id.split("/")[0]
    provision = next((p for p in matrix.row(topic).provisions if p.id == provision_id), None)
    stance = provision.stance(school) if provision else None
    return (stance.force, stance.member.text) if stance else None


def test_an_item_is_read_with_the_lead_in_it_completes(taxonomy: Taxonomy) -> None:
    matrix = _matrix(taxonomy, {"a": [("Staff must not share:", None), ("pictures of any child in our care", "1"), ("their home address", "1")]})
    assert _stance(matrix, "images/publishing", "a") == (Force.PROHIBITED, "pictures of any child in our care")


@pytest.mark.parametrize(("lead_in", "read_with_it"), [("Your personal accounts:", False), ("On their personal accounts staff must not:", True)])
def test_a_lead_in_that_states_no_rule_is_a_heading_for_its_items(taxonomy: Taxonomy, lead_in: str, read_with_it: bool) -> None:
    """"Your personal accounts:" is a heading: "take pictures of pupils" under it says nothing of
    personal devices; under "... staff must not:" the item is read with its lead-in."""
    matrix = _matrix(taxonomy, {"a": [(lead_in, None), ("take pictures of pupils at school events", "1")]})
    found = _stance(matrix, "images/taking", "a")
    assert (found == (Force.PROHIBITED, "take pictures of pupils at school events")) if read_with_it else found is None


def test_a_pronoun_object_is_read_as_the_sentence_it_stands_for(taxonomy: Taxonomy) -> None:
    """"consider reporting these" after a sentence about pupils' approaches is about reporting
    approaches; considering an act leaves it to the reader: it is permitted, not required."""
    text = "Staff must keep a copy of any approach a pupil makes to them online. Staff should also consider reporting these to the head teacher."
    matrix = _matrix(taxonomy, {"a": [(text, None)]})
    assert _stance(matrix, "pupil-contact/reporting-contact", "a") == (Force.PERMITTED, "Staff should also consider reporting these to the head teacher.")


def test_a_prohibition_is_the_rule_where_the_same_school_also_advises_against(taxonomy: Taxonomy) -> None:
    matrix = _matrix(
        taxonomy,
        {"a": [("Staff should avoid chatting privately with pupils online.", None), ("Staff must never send private messages to pupils on social media.", None)]},
    )
    assert _stance(matrix, "pupil-contact/personal-contact", "a") == (Force.PROHIBITED, "Staff must never send private messages to pupils on social media.")


@pytest.mark.parametrize(
    ("text", "force"),
    [
        ("Staff should consider reporting this to their line manager.", Force.PERMITTED),
        ("Staff must also consider blocking the account.", Force.PERMITTED),
        ("Staff must consider whether the post is appropriate.", Force.REQUIRED),
        ("Staff should consider anything they post to be public.", Force.REQUIRED),
        ("Avoid posting pictures of children without their parents' consent.", Force.PERMITTED_WITH_CONDITIONS),
        ("Avoid posting pictures of children.", Force.DISCOURAGED),
        ("Consideration should be given to whether it is appropriate to accept a friend request from a parent.", Force.DISCOURAGED),
        ("Staff should consider whether it would be wise to follow pupils' families.", Force.DISCOURAGED),
        ("This may be particularly important for children who have moved placement.", Force.NONE),
        ("There may be times when a pupil contacts a member of staff.", Force.NONE),
        ("Photographs may be used in the newsletter.", Force.PERMITTED),
        ("The school encourages staff to share good practice on professional networks.", Force.PERMITTED),
        ("We encourage staff not to post late at night.", Force.DISCOURAGED),
        ("Sometimes the only way we can reach some families is through social media.", Force.NONE),
    ],
)
def test_considering_an_act_and_avoiding_it_without_consent(text: str, force: Force) -> None:
    assert statement_force(text)[0] is force


def test_advice_to_consider_reporting_states_no_duty_to_report(taxonomy: Taxonomy) -> None:
    """Reporting abuse is a duty where a school requires it; where it only asks staff to consider
    it, even on a condition ("if ..., they should consider reporting this"), it leaves it to them."""
    considers = "If a member of staff becomes aware of abusive comments about them on a social networking site, they should consider reporting this to the head teacher."
    requires = "If a member of staff becomes aware of abusive comments about them on a social networking site, they must report this to the head teacher."
    matrix = _matrix(taxonomy, {"a": [(considers, None)], "b": [(requires, None)]})
    assert _stance(matrix, "cyberbullying/reporting", "a") == (Force.PERMITTED, considers)
    assert _stance(matrix, "cyberbullying/reporting", "b") == (Force.REQUIRED, requires)


def test_a_rule_on_the_manner_of_contact_allows_the_contact_on_that_condition(taxonomy: Taxonomy) -> None:
    """"maintain professional boundaries with parents" allows contact with them, professionally;
    a school that also forbids the contact has the prohibition as its rule."""
    manner = "Staff should ensure that appropriate professional boundaries are maintained online with parents."
    forbids = "Staff must not befriend parents on their personal social media accounts."
    matrix = _matrix(taxonomy, {"a": [(manner, None)], "b": [(manner, None), (forbids, None)]})
    assert _stance(matrix, "parent-contact/personal-contact", "a") == (Force.PERMITTED_WITH_CONDITIONS, manner)
    assert _stance(matrix, "parent-contact/personal-contact", "b") == (Force.PROHIBITED, forbids)


@pytest.mark.parametrize(
    "aim",
    [
        "Communications will seek to establish open and positive relationships with parents.",
        "This policy is written to reflect this and endeavours to support staff in their contact with parents.",
    ],
)
def test_an_aim_of_the_school_or_its_policy_is_no_staff_rule(taxonomy: Taxonomy, aim: str) -> None:
    """What the school's communications or its policy aim at says nothing of what staff may do:
    the school has no stance from it (a gap, shown with it)."""
    matrix = _matrix(taxonomy, {"a": [(aim, None)], "b": [("Staff must not befriend parents on their personal social media accounts.", None)]})
    assert _stance(matrix, "parent-contact/personal-contact", "a") is None


def test_a_prohibition_read_as_a_channel_duty_also_states_the_prohibition(taxonomy: Taxonomy) -> None:
    """"will not communicate with parents by personal mobile or email" states the duty to use the
    school's channels (put the other way round) and, as written, forbids personal contact: it is
    the school's rule on both, not passed over for a vaguer sentence on the second."""
    forbids = "Staff will not communicate with parents via any social networking site, personal mobile or email."
    vague = "Communication with parents should always reinforce parental engagement."
    matrix = _matrix(taxonomy, {"a": [(forbids, None), (vague, None)]})
    assert _stance(matrix, "parent-contact/channels", "a") == (Force.REQUIRED, forbids)
    assert _stance(matrix, "parent-contact/personal-contact", "a") == (Force.PROHIBITED, forbids)


def test_parents_following_the_schools_account_is_no_contact_with_parents(taxonomy: Taxonomy) -> None:
    """The act is the parents' (following an account), not staff contact with them."""
    text = "Staff must never message pupils from personal accounts. For example, a department may have a Twitter account which pupils and parents can follow."
    matrix = _matrix(taxonomy, {"a": [(text, None)]})
    assert _stance(matrix, "parent-contact/personal-contact", "a") is None
    assert _stance(matrix, "pupil-contact/personal-contact", "a") == (Force.PROHIBITED, text)


def test_a_device_named_as_the_channel_of_contact_is_no_rule_on_devices_at_work(taxonomy: Taxonomy) -> None:
    """"will not message a pupil via their personal mobile phone" rules on contact with pupils
    (``apart_from`` in the taxonomy): the school says nothing there of using its staff's own phones
    at work, so it is not shown as forbidding them."""
    contact = "A staff member will not communicate with a pupil via their personal mobile phone."
    devices = "Staff may use their own devices to access social media during breaks and lunch."
    matrix = _matrix(taxonomy, {"a": [(contact, None)], "b": [(devices, None)]})
    assert _stance(matrix, "pupil-contact/personal-contact", "a") == (Force.PROHIBITED, contact)
    assert _stance(matrix, "personal-devices/own-devices", "a") is None
    assert _stance(matrix, "personal-devices/own-devices", "b") == (Force.PERMITTED_WITH_CONDITIONS, devices)


def test_being_told_of_something_that_states_no_rule_is_no_stance(taxonomy: Taxonomy) -> None:
    """"will be made aware of ... and will be advised that X is not an expectation" tells staff
    something and asks nothing of them on using their own devices."""
    told = (
        "Staff will be made aware of the implications of using personal devices and will be advised that accessing "
        "school communications on personal devices is not an expectation of employment."
    )
    matrix = _matrix(taxonomy, {"a": [(told, None)]})
    assert _stance(matrix, "personal-devices/own-devices", "a") is None


def test_personal_accounts_kept_apart_from_school_business(taxonomy: Taxonomy) -> None:
    """"personal account" never puts a statement among official accounts, but a rule that keeps
    personal accounts out of school business is about keeping the two apart (``past_unless``)."""
    text = "Staff should not use personal social media accounts for official school business."
    matrix = _matrix(taxonomy, {"a": [(text, None)]})
    assert _stance(matrix, "school-accounts/separation", "a") == (Force.PROHIBITED, text)


def test_a_duty_to_limit_use_allows_it_within_the_limit_and_forbids_the_excess(taxonomy: Taxonomy) -> None:
    """"must limit their use of social media at work": use at work is allowed, within limits; an
    excess of it is what the school forbids."""
    text = "Employees must limit their use of social media websites whilst they are at work."
    matrix = _matrix(taxonomy, {"a": [(text, None)]})
    assert _stance(matrix, "personal-devices/when-allowed", "a") == (Force.PERMITTED_WITH_CONDITIONS, text)
    assert _stance(matrix, "personal-devices/excessive-use", "a") == (Force.PROHIBITED, text)


def test_moderating_ones_own_behaviour_runs_no_account(taxonomy: Taxonomy) -> None:
    """"moderate their social media behaviour" is about staff's own conduct; moderating an
    account's comments is about the school's accounts."""
    own = "Staff must make sure that they moderate their social media behaviour accordingly."
    account = "The office manager will moderate comments on the school's Facebook page every day."
    matrix = _matrix(taxonomy, {"a": [(own, None)], "b": [(account, None)]})
    assert _stance(matrix, "school-accounts/moderation", "a") is None
    assert _stance(matrix, "school-accounts/moderation", "b") == (Force.REQUIRED, account)


def test_a_commitment_is_what_the_school_does_not_what_staff_must_not_do(taxonomy: Taxonomy) -> None:
    """On what the school commits to (moderating its accounts), a prohibition on staff is passed
    over for the school's own undertaking."""
    forbids = "Staff must never remove comments from the school's Facebook page themselves."
    commits = "The school's accounts will be monitored daily and comments moderated by the office."
    matrix = _matrix(taxonomy, {"a": [(forbids, None), (commits, None)]})
    assert _stance(matrix, "school-accounts/moderation", "a") == (Force.REQUIRED, commits)


def test_work_communication_through_the_schools_channels_is_a_rule_on_communicating_with_parents(taxonomy: Taxonomy) -> None:
    """Work communication is with pupils and families: a rule that it goes through the school's own
    channels rules on both, whether or not it names them."""
    text = "All communication in a work capacity should take place via school approved communication channels and not via a personal email."
    matrix = _matrix(taxonomy, {"a": [(text, None)]})
    assert _stance(matrix, "parent-contact/channels", "a") == (Force.REQUIRED, text)
    assert _stance(matrix, "pupil-contact/official-channels", "a") == (Force.REQUIRED, text)


def test_up_to_and_including_dismissal_says_dismissal_may_follow(taxonomy: Taxonomy) -> None:
    """"will be subject to disciplinary action up to and including dismissal": disciplinary action
    will follow; dismissal is the most it can come to, so it may."""
    text = "Staff who breach this policy will be subject to disciplinary action up to and including dismissal."
    matrix = _matrix(taxonomy, {"a": [(text, None)]})
    assert _stance(matrix, "discipline/disciplinary-action", "a") == (Force.REQUIRED, text)
    assert _stance(matrix, "discipline/dismissal", "a") == (Force.PERMITTED, text)


@pytest.mark.parametrize(
    "description",
    [
        "This policy will make clear what standards of conduct on social media are expected of staff.",
        "Whilst recognising the benefits of social media, this policy sets out the principles staff are expected to follow on confidentiality.",
        "Defines how staff keep school information confidential.",
    ],
)
def test_what_the_policy_does_is_no_school_rule(taxonomy: Taxonomy, description: str) -> None:
    """A sentence about the document ("this policy will make clear ...") says what the policy is
    for; the school's rule is the sentence that states it, and a school that only describes its
    policy states none."""
    alone = _matrix(taxonomy, {"a": [(description, None)]})
    assert _stance(alone, "confidentiality/school-information", "a") is None
    rule = "Staff must not disclose confidential information about the school."
    both = _matrix(taxonomy, {"a": [(description, None), (rule, None)]})
    assert _stance(both, "confidentiality/school-information", "a") == (Force.PROHIBITED, rule)


def test_a_consequence_is_read_from_what_follows_a_breach_not_from_a_duty_about_it(taxonomy: Taxonomy) -> None:
    """On "what a breach leads to", the head's duty to take advice before disciplinary action, or
    the consequence of one situation, is not the school's statement of it: the sentence that says
    breaches of the policy lead to action is."""
    general = "Staff who breach any of the above rules will be subject to disciplinary action."
    matrix = _matrix(
        taxonomy,
        {
            "a": [
                ("The headteacher should take advice from human resources before considering disciplinary action.", None),
                ("Where excessive personal use is suspected, disciplinary action may be taken.", None),
                ("Failure to comply with such a request may in itself result in disciplinary action.", None),
                (general, None),
            ]
        },
    )
    assert _stance(matrix, "discipline/disciplinary-action", "a") == (Force.REQUIRED, general)


def test_breaches_dealt_with_under_the_disciplinary_policy_state_the_consequence(taxonomy: Taxonomy) -> None:
    told = "Employees should note that any breaches of this policy may be investigated and considered in accordance with the disciplinary policy."
    matrix = _matrix(taxonomy, {"a": [("Serious breaches of this policy may constitute gross misconduct.", None), (told, None)]})
    assert _stance(matrix, "discipline/disciplinary-action", "a") == (Force.PERMITTED, told)


@pytest.mark.parametrize(
    ("text", "force"),
    [
        ("Liability can arise under the laws of:", Force.NONE),
        ("Problems may occur when staff accept friend requests.", Force.NONE),
        ("As examples, staff can also be parents of pupils at the school.", Force.NONE),
        ("Breaches may result in disciplinary action.", Force.PERMITTED),
        ("Staff can be friends with parents on social media if they declare it.", Force.PERMITTED_WITH_CONDITIONS),
    ],
)
def test_what_can_happen_or_be_is_no_permission(text: str, force: Force) -> None:
    assert statement_force(text)[0] is force


@pytest.mark.parametrize(
    "lead_in", ["This policy should be read with reference to the following policies:", "To identify responsibilities of the school in line with the following policies:"]
)
def test_items_that_name_documents_state_no_rule(taxonomy: Taxonomy, lead_in: str) -> None:
    """"Data Protection" under "... the following policies:" names a document: no rule on
    disclosing personal data, whatever the lead-in's own force."""
    matrix = _matrix(taxonomy, {"a": [(lead_in, None), ("Data Protection", "1"), ("Safeguarding", "1")]})
    assert _stance(matrix, "confidentiality/personal-information", "a") is None


def test_on_a_restriction_the_school_rule_as_stated_comes_before_a_duty_read_the_other_way_round(taxonomy: Taxonomy) -> None:
    """"Must not represent their views as the school's" is the rule; a sentence whose "will" is
    read as a restriction only because the provision is one ("there will be regular communication
    ... to identify content") is not chosen over it."""
    rule = "Staff must not represent their personal views as those of the school on any social medium."
    matrix = _matrix(
        taxonomy,
        {"a": [("There will be regular communication between the administrator and the leadership to identify what content is appropriate for the school website.", None), (rule, None)]},
    )
    assert _stance(matrix, "reputation/speaking-for-the-school", "a") == (Force.PROHIBITED, rule)


@pytest.mark.parametrize(
    "text",
    ["Employees must be aware that they can damage the school's reputation if they are recognised as employees.", "Careless posts may compromise the safety of pupils."],
)
def test_what_an_act_can_harm_is_no_permission(text: str) -> None:
    assert statement_force(text)[0] is not Force.PERMITTED
    assert reported_force(text) in (None, Force.NONE)


def test_investigating_breaches_is_read_from_the_sentence_that_names_a_breach(taxonomy: Taxonomy) -> None:
    """A school's stance on investigating breaches is what it says of breaches, not what it does
    about one kind of incident; "may be investigated if there is a suspected breach" allows it,
    the breach being what it answers, not a condition on it."""
    general = "Publicly accessible postings may be investigated if there is a suspected breach of this policy."
    matrix = _matrix(
        taxonomy,
        {
            "a": [
                ("If a pupil is the perpetrator of the incident, the situation will be investigated in line with the pupil behaviour policy.", None),
                ("If a senior leader is made aware of an allegation, the leadership team should investigate it promptly.", None),
                (general, None),
            ]
        },
    )
    assert _stance(matrix, "discipline/investigation", "a") == (Force.PERMITTED, general)


@pytest.mark.parametrize(
    ("text", "force"),
    [
        ("Incidents would be subject to a full investigation.", Force.REQUIRED),
        ("Such conduct would lead to disciplinary action.", Force.REQUIRED),
        ("It would be wise to check your settings.", Force.NONE),
        ("Staff would not normally be expected to attend.", Force.PROHIBITED),
    ],
)
def test_what_an_act_would_lead_to_is_stated_as_what_it_will_lead_to(text: str, force: Force) -> None:
    """"would" is mostly hypothetical, but "would be subject to a full investigation" states the
    outcome as firmly as "will"."""
    assert statement_force(text)[0] is force


@pytest.mark.parametrize("lead_in", ["This policy aims to:", "The purpose of this policy is to:"])
def test_the_aims_of_the_policy_are_no_school_rule(taxonomy: Taxonomy, lead_in: str) -> None:
    """"Advise that breaches may lead to disciplinary action" under "This policy aims to:" says
    what the policy is for; the school's rule is where the policy states it."""
    aim = "Advise that, in the event of unacceptable behaviour, disciplinary action will be taken."
    alone = _matrix(taxonomy, {"a": [(lead_in, None), (aim, "1")]})
    assert _stance(alone, "discipline/disciplinary-action", "a") is None
    rule = "Staff who breach this policy will be subject to disciplinary action."
    both = _matrix(taxonomy, {"a": [(lead_in, None), (aim, "1"), (rule, None)]})
    assert _stance(both, "discipline/disciplinary-action", "a") == (Force.REQUIRED, rule)


def test_allowing_reasonable_personal_use_is_a_rule_on_use_at_work_and_forbids_the_excess(taxonomy: Taxonomy) -> None:
    """An employer that "permits reasonable and appropriate access to private social media" allows
    personal use at work within reason: excessive use is what it forbids. "For professional
    reasons" is no reasonable amount of anything."""
    allows = "The school permits reasonable and appropriate access to private social media sites."
    matrix = _matrix(taxonomy, {"a": [(allows, None)], "b": [("Staff may message former pupils only for professional reasons.", None)]})
    assert _stance(matrix, "personal-devices/when-allowed", "a") == (Force.PERMITTED_WITH_CONDITIONS, allows)
    assert _stance(matrix, "personal-devices/excessive-use", "a") == (Force.PROHIBITED, allows)
    assert _stance(matrix, "personal-devices/excessive-use", "b") is None


def test_checking_what_one_has_posted_runs_no_school_account(taxonomy: Taxonomy) -> None:
    """"Check any information they have posted on social media sites and remove any post that
    could cause embarrassment" is about staff's own posts: no rule on moderating school accounts."""
    own = "Before joining the school, new employees should check any information they have posted on social media sites and remove any post that could cause embarrassment."
    matrix = _matrix(taxonomy, {"a": [(own, None)], "b": [("Comments on the school's social media accounts must be moderated daily.", None)]})
    assert _stance(matrix, "school-accounts/moderation", "a") is None
    assert _stance(matrix, "school-accounts/moderation", "b") is not None


@pytest.mark.parametrize(
    ("text", "provision", "force"),
    [
        ("Represent the club positively at all times on social media.", "reputation/disrepute", Force.PROHIBITED),
        ("The club will investigate concerns promptly, maintaining confidentiality where possible.", "discipline/investigation", Force.REQUIRED),
        ("Always think before posting — remember posts are public and permanent.", "privacy-settings/nothing-is-private", Force.REQUIRED),
        ("Respect privacy: do not disclose personal or sensitive information about others.", "confidentiality/personal-information", Force.PROHIBITED),
        ("Make sure your privacy settings never let strangers see your phone number.", "privacy-settings/personal-details", Force.PROHIBITED),
    ],
)
def test_a_setting_close_to_a_school_says_its_rules_in_its_own_words(taxonomy: Taxonomy, text: str, provision: str, force: Force) -> None:
    """A club's policy says what a school's does in other words: representing it positively is
    keeping its good name; investigating concerns is investigating breaches (and maintaining
    confidentiality while doing so is no rule against it); posts "public and permanent" are
    never private; "personal or sensitive information about others" is personal information."""
    assert _stance(_matrix(taxonomy, {"a": [(text, None)]}), provision, "a") == (force, text)


def test_representing_the_organisation_well_is_not_speaking_for_it(taxonomy: Taxonomy) -> None:
    assert _stance(_matrix(taxonomy, {"a": [("Represent the club positively at all times on social media.", None)]}), "reputation/speaking-for-the-school", "a") is None


def test_permanent_suspension_from_the_organisation_is_its_most_serious_sanction(taxonomy: Taxonomy) -> None:
    matrix = _matrix(taxonomy, {"a": [("Breaches of this policy may result in:", None), ("Verbal or written warnings", "1"), ("Temporary or permanent suspension from the club", "1")]})
    found = _stance(matrix, "discipline/dismissal", "a")
    assert found is not None and found[1] == "Temporary or permanent suspension from the club"


def test_a_breach_is_no_condition_on_what_follows_it(taxonomy: Taxonomy) -> None:
    """"If an employee is found to have breached this policy, they may be subject to disciplinary
    action": the breach is what the consequence follows, not a condition on it: plain "may"."""
    text = "If an employee is found to have breached this policy, they may be subject to disciplinary action."
    assert _stance(_matrix(taxonomy, {"a": [(text, None)]}), "discipline/disciplinary-action", "a") == (Force.PERMITTED, text)


@pytest.mark.parametrize("together", [True, False])
def test_a_prohibition_followed_by_what_is_allowed_instead_is_a_permission_with_conditions(taxonomy: Taxonomy, together: bool) -> None:
    """"Do not name a pupil by their full name. Only first names may be used." allows naming in
    one form: the school's rule is the "only", whether in one clause or the next."""
    ban = "Staff must ensure that they do not identify a pupil in a photograph using their full name."
    only = "Only first names or initials may be used in captions of photographs."
    rows = [(f"{ban} {only}", None)] if together else [(ban, None), (only, None)]
    assert _stance(_matrix(taxonomy, {"a": rows}), "images/identifying-pupils", "a") == (Force.PERMITTED_WITH_CONDITIONS, only)


def test_a_prohibition_alone_stays_a_prohibition(taxonomy: Taxonomy) -> None:
    ban = "Staff must ensure that they do not identify a pupil in a photograph using their full name."
    rows = [(ban, None), ("Photographs of pupils must be stored on school systems.", None), ("Only first names or initials may be used in captions.", None)]
    # the "only" sentence is not the next one: it does not narrow the ban
    assert _stance(_matrix(taxonomy, {"a": rows}), "images/identifying-pupils", "a") == (Force.PROHIBITED, ban)


@pytest.mark.parametrize(
    ("text", "done_to_them"),
    [("Only first names may be used.", False), ("Photographs may be posted on the school website.", False), ("School systems may be monitored.", True), ("Postings may be investigated.", True)],
)
def test_what_staff_do_with_content_put_in_the_passive_is_their_conduct(text: str, done_to_them: bool) -> None:
    assert done_to(text) is done_to_them


@pytest.mark.parametrize("text", ["Staff should not message any pupil of the named school on social media.", "Volunteers must not follow children from the named club online."])
def test_the_named_school_is_a_reference_not_an_act_of_naming(taxonomy: Taxonomy, text: str) -> None:
    """"the named school" is the school a template policy stands for: the sentence says nothing
    about naming anyone, nor about what staff say of the school."""
    matrix = _matrix(taxonomy, {"a": [(text, None)]})
    assert _stance(matrix, "pupil-contact/personal-contact", "a") == (Force.PROHIBITED, text)
    for provision in ("reputation/speaking-for-the-school", "images/identifying-pupils", "confidentiality/personal-information"):
        assert _stance(matrix, provision, "a") is None, provision


@pytest.mark.parametrize(
    ("text", "provision"),
    [
        ("Pupils may bring their own tablets into school on Fridays.", "personal-devices/own-devices"),
        ("Parents must not use social media to criticise the school or its staff.", "reputation/criticism"),
        ("Students are encouraged to post positive stories about the school.", "reputation/disrepute"),
    ],
)
def test_a_rule_on_pupils_or_parents_is_no_rule_on_staff(taxonomy: Taxonomy, text: str, provision: str) -> None:
    """What a policy allows or forbids pupils and parents says nothing of what staff may do."""
    assert _stance(_matrix(taxonomy, {"a": [(text, None)]}), provision, "a") is None


@pytest.mark.parametrize(
    ("text", "ruled"),
    [
        ("Children and young people may bring their own games console into the home.", True),
        ("Parents and carers are asked not to share photos of other children.", True),
        ("Pupils should be appropriately dressed in any photograph.", False),
        ("Staff must not let pupils use their phones.", False),
        ("Foster carers must not post photos of children in their care.", False),
        ("Visitors will be asked to leave their tablets at reception.", True),
        ("Visitors and parents should be reminded not to film the nativity.", True),
        ("Pupils who travel by bus may keep a phone in their bag.", True),
        ("Pupils who have a phone hand it in to their form tutor each morning.", True),
        ("Pupils will be supervised whenever a camera is in use.", False),
        ("Pupils who are upset by a post should be listened to.", False),
        ("Staff who bring a phone keep it in their locker.", False),
        ("Each pupil, who brings a tablet on the trip, leaves it with the group leader.", True),
        ("During wet play pupils may use the class laptops for games.", True),
        ("During wet play staff may use the class laptops for games.", False),
    ],
)
def test_the_subject_of_a_rule_says_whom_it_governs(text: str, ruled: bool) -> None:
    assert governs_others(text) is ruled


@pytest.mark.parametrize("text", ["other organisations (including name of school)", "the trust name and logo", "Staff must not name pupils."])
def test_the_name_of_the_school_is_no_personal_information(taxonomy: Taxonomy, text: str) -> None:
    """Naming the school or trust discloses nothing about a person; naming a pupil does."""
    topic = taxonomy.get("confidentiality")
    assert topic is not None
    rules = next(k.rules for k in topic.provisions if k.id == "personal-information")
    assert (topic_evidence(topic, text, rules) is not None) is ("pupils" in text)


def test_on_a_restriction_the_duty_put_as_what_not_to_do_names_the_act(taxonomy: Taxonomy) -> None:
    """Of two duties on disclosing, "take care never to reveal details of pupils" is the rule on
    disclosing them; "follow data protection law" is a rule on following a law."""
    duty = "Staff must always follow the data protection responsibilities of the school on social media."
    careful = "Staff must take care never to reveal personal details of pupils or parents on social media."
    matrix = _matrix(taxonomy, {"a": [(duty, None), (careful, None)]})
    assert _stance(matrix, "confidentiality/personal-information", "a") == (Force.PROHIBITED, careful)


@pytest.mark.parametrize(
    ("text", "public"),
    [("Staff must not post private information about themselves.", False), ("Remember that whatever you post can be made public.", True)],
)
def test_keeping_private_information_private_is_no_rule_that_posts_become_public(taxonomy: Taxonomy, text: str, public: bool) -> None:
    """"private information" is personal details to keep back (the provision's own ``unless``),
    not a warning that what is posted can become public."""
    topic = taxonomy.get("privacy-settings")
    assert topic is not None
    kind = next(k for k in topic.provisions if k.id == "nothing-is-private")
    assert (topic_evidence(topic, text, kind.rules, kind.past_unless, kind.unless) is not None) is public


def test_care_for_what_the_young_do_is_no_stance_on_the_act_it_names(taxonomy: Taxonomy) -> None:
    """"Encourage open conversation about online risks" is no rule on personal contact with
    pupils, and "watch for signs of bullying" none on bullying by staff: a school that says only
    these is silent on both, not a school that prohibits them."""
    rule = "Staff must not contact pupils through personal social media accounts."
    matrix = _matrix(
        taxonomy,
        {
            "a": [(rule, None)],
            "b": [("Encourage open conversation with pupils about contact online.", None), ("Watch for signs of cyberbullying or distress in the pupils online.", None)],
        },
    )
    assert _stance(matrix, "pupil-contact/personal-contact", "a") == (Force.PROHIBITED, rule)
    assert _stance(matrix, "pupil-contact/personal-contact", "b") is None
    assert _stance(matrix, "cyberbullying/bullying-by-staff", "b") is None


def test_a_duty_to_use_the_official_account_keeps_school_and_personal_accounts_apart(taxonomy: Taxonomy) -> None:
    """"School business must be done from an official school email account" states the rule on
    mixing accounts the other way round: the personal account is not for school business."""
    duty = "All email to parents about school business must be sent from an official school email account."
    matrix = _matrix(taxonomy, {"a": [(duty, None)]})
    assert _stance(matrix, "school-accounts/separation", "a") == (Force.PROHIBITED, duty)


def test_items_under_a_lead_in_that_teaches_the_young_are_no_rule_on_the_reader(taxonomy: Taxonomy) -> None:
    """Under "Make sure the children in your care know these tips:", "Keep safe: never give out
    your photograph or your address online" is advice the young are to learn, not a rule on what
    the reader may do with images; the same item under "Staff must not:" is one."""
    item = "post a photograph of a child together with the child's home address"
    taught = _matrix(taxonomy, {"a": [("Make sure children know these tips:", None), (item, "1")]})
    ruled = _matrix(taxonomy, {"a": [("Staff must not:", None), (item, "1")]})
    assert _stance(taught, "images/publishing", "a") is None
    assert _stance(ruled, "images/publishing", "a") == (Force.PROHIBITED, item)


@pytest.mark.parametrize(
    ("text", "tending"),
    [
        ("Carers should ensure that young people are aware of how to block a contact.", True),
        ("Pupils need to be taught how to keep their passwords safe.", True),
        ("Make sure children know how to report a message that worries them.", True),
        ("Ensure your child understands that a stranger online may not be who they say.", True),
        ("Ensure the head teacher knows of any friend request from a pupil.", False),
        ("Staff must ensure that they understand the acceptable use agreement.", False),
        ("Staff must ensure pupils are appropriately dressed in any photograph.", False),
        ("Staff must ensure that pupils are not named in photographs.", False),
    ],
)
def test_seeing_that_the_young_learn_is_care_for_them_not_a_rule_on_the_act(text: str, tending: bool) -> None:
    """Teaching the young is care for what they do; seeing to it that pupils are dressed or not
    named in photographs is the reader's own conduct on images."""
    assert tends_to_others(text) is tending


@pytest.mark.parametrize(
    ("text", "force"),
    [
        ("Staff are responsible for deciding how much of their profile the public can see.", Force.PERMITTED),
        ("Staff are responsible for reporting any approach from a pupil.", Force.REQUIRED),
    ],
)
def test_responsibility_for_a_decision_leaves_the_decision_to_the_reader(text: str, force: Force) -> None:
    assert statement_force(text)[0] is force


@pytest.mark.parametrize(
    ("text", "provision", "addressed"),
    [
        ("Coaches must message young players only via their parents.", "parent-contact/channels", False),
        ("Coaches must communicate with young players via parents where possible.", "parent-contact/channels", False),
        ("Staff must contact parents only through the school office or the official school email.", "parent-contact/channels", True),
        ("Do not reply to the sender or take screenshots of the material: report it to the designated lead.", "privacy-settings/nothing-is-private", False),
        ("Remember that anyone can take a screenshot of what you post and share it.", "privacy-settings/nothing-is-private", True),
        ("Staff choose the level of privacy of their own social media content.", "privacy-settings/nothing-is-private", False),
        ("Staff must not post anything they would regret, as social media offers no guarantee of privacy.", "privacy-settings/nothing-is-private", True),
        ("Report any worrying message on the school's page through official channels.", "school-accounts/moderation", False),
        ("Think carefully before taking away a young person's phone; it should not be used as a punishment for poor behaviour.", "discipline/disciplinary-action", False),
        ("A breach of this policy may lead to disciplinary action.", "discipline/disciplinary-action", True),
    ],
)
def test_the_words_of_a_provision_in_another_role_address_no_provision(taxonomy: Taxonomy, text: str, provision: str, addressed: bool) -> None:
    """Parents as the way to reach the young, a screenshot the reader takes as evidence, privacy as
    a setting, the route a concern is reported by, a punishment the reader gives: the provision's
    words, none of its acts."""
    matrix = _matrix(taxonomy, {"a": [(text, None)]})
    assert (_stance(matrix, provision, "a") is not None) is addressed


@pytest.mark.parametrize(
    ("text", "addressed"),
    [
        ("Staff have a duty to report signs of radicalisation but also need to look out for cyber bullying of colleagues.", False),
        ("Staff must report cyber bullying of colleagues to the head teacher, but need not reply to it.", True),
    ],
)
def test_a_provision_is_read_in_the_main_clause_that_names_its_topic(taxonomy: Taxonomy, text: str, addressed: bool) -> None:
    """Joined by "but", two main clauses can be about two things: a duty to report radicalisation
    is no duty to report the bullying the other clause names."""
    matrix = _matrix(taxonomy, {"a": [(text, None)]})
    assert (_stance(matrix, "cyberbullying/reporting", "a") is not None) is addressed


def test_a_duty_of_confidentiality_covers_personal_information(taxonomy: Taxonomy) -> None:
    """"Must not breach confidentiality" keeps back what staff know of pupils and colleagues as
    well as the school's own business."""
    rule = "Posts must not breach confidentiality."
    matrix = _matrix(taxonomy, {"a": [(rule, None)]})
    assert _stance(matrix, "confidentiality/personal-information", "a") == (Force.PROHIBITED, rule)
    assert _stance(matrix, "confidentiality/school-information", "a") == (Force.PROHIBITED, rule)


def test_parents_as_the_way_to_reach_the_young_put_no_statement_in_contact_with_parents(taxonomy: Taxonomy) -> None:
    """"Communicate with young players via parents" rules on contact with the young: it is no
    statement on contact with parents at all, so it is neither a stance nor the nearest thing said."""
    matrix = _matrix(taxonomy, {"a": [("Coaches must communicate with young players via parents where possible.", None)]})
    assert matrix.row("parent-contact").cell("a").statements == ()
    assert matrix.row("pupil-contact").cell("a").statements != ()


def test_content_cleared_for_posting_on_the_schools_channels_is_moderation(taxonomy: Taxonomy) -> None:
    """Deciding with leaders what is suitable to publish on the school's site regulates what the
    school's accounts say, as checking posts before they go out does."""
    rule = "The web manager will agree with senior leaders which content is suitable for posting on the school website."
    matrix = _matrix(taxonomy, {"a": [(rule, None)]})
    assert _stance(matrix, "school-accounts/moderation", "a") == (Force.REQUIRED, rule)


def test_relationships_named_again_are_what_the_sentence_before_was_about(taxonomy: Taxonomy) -> None:
    """After a sentence on staff with close relationships with pupils' parents, "report any such
    relationships" is about those relationships, and reporting them is how they are handled."""
    clause = (
        "Some staff have close relationships with parents of pupils at the school. "
        "Staff may report any such relationships to the head teacher for their own protection."
    )
    matrix = _matrix(taxonomy, {"a": [(clause, None)]})
    found = _stance(matrix, "parent-contact/existing-friendships", "a")
    assert found is not None and found[1].startswith("Staff may report")
    lone = _matrix(taxonomy, {"a": [("Staff may report any such relationships to the head teacher.", None)]})
    assert _stance(lone, "parent-contact/existing-friendships", "a") is None


def test_messages_kept_as_evidence_are_a_duty_to_record_abuse(taxonomy: Taxonomy) -> None:
    """Offensive messages the reader receives are online abuse of the reader; "must not delete
    them" is the duty to keep them as evidence."""
    matrix = _matrix(taxonomy, {"a": [("Staff must not delete offensive emails sent to you, as they may be needed later.", None)]})
    assert _stance(matrix, "cyberbullying/reporting", "a") == (Force.REQUIRED, "Staff must not delete offensive emails sent to you, as they may be needed later.")


def test_items_under_a_sentence_naming_risks_state_no_rule(taxonomy: Taxonomy) -> None:
    """A lead-in whose first sentence requires something ("regulates use to ensure ...") and whose
    last opens a list of risks gives its items no force: "leaking confidential data" is a risk named."""
    lead_in = "The school manages social media to ensure it causes no harm. The main risks are:"
    matrix = _matrix(taxonomy, {"a": [(lead_in, None), ("leaking confidential information;", "1")]})
    assert _stance(matrix, "confidentiality/school-information", "a") is None
    ruled = _matrix(taxonomy, {"a": [("The school manages social media carefully. Staff must not:", None), ("leak confidential information;", "1")]})
    assert _stance(ruled, "confidentiality/school-information", "a") == (Force.PROHIBITED, "leak confidential information;")


@pytest.mark.parametrize(
    ("text", "provision"),
    [
        ("A breach found to be serious will be dealt with internally by the trust.", None),
        ("Staff must keep their passwords confidential and change them each term.", "confidentiality/credentials"),
        ("Information staff learn as part of their work must not be discussed online.", "confidentiality/school-information"),
        ("Pupils may use the internet to find information as part of their education.", None),
    ],
)
def test_confidential_school_information_is_what_staff_know_through_work(taxonomy: Taxonomy, text: str, provision: str | None) -> None:
    """What staff learn through their work is the school's to keep; passwords kept confidential are
    log-ins; a matter dealt with internally is handled, not kept secret; a pupil's learning is no one's work."""
    matrix = _matrix(taxonomy, {"a": [(text, None)]})
    school_information = _stance(matrix, "confidentiality/school-information", "a")
    if provision == "confidentiality/school-information":
        assert school_information is not None and school_information[1] == text
    else:
        assert school_information is None
    if provision == "confidentiality/credentials":
        assert _stance(matrix, "confidentiality/credentials", "a") is not None


def test_a_statement_is_first_about_the_act_it_rules_not_its_condition(taxonomy: Taxonomy) -> None:
    """"Never post photos of pupils other than through the school's channels, and only if parents
    consent to publishing them" is the school's rule on publishing, allowed on its conditions; the
    consent it names is its condition. A requirement on which pupils may appear is no rule on
    publishing, though it names it."""
    rule = "Staff must never post photos of pupils on the web other than through the school's own channels, and only if parents have given written consent to publish them."
    aside = "Pupils must be suitably dressed and must not be on the school's list of children whose photos may not be published."
    matrix = _matrix(taxonomy, {"a": [(rule, None), (aside, None)]})
    assert _stance(matrix, "images/publishing", "a") == (Force.PERMITTED_WITH_CONDITIONS, rule)
    assert _stance(matrix, "images/consent", "a") == (Force.REQUIRED, rule)


@pytest.mark.parametrize(
    ("text", "images"),
    [
        ("Staff must report any child sexual abuse images they come across.", False),
        ("Staff must not post images that are offensive or discriminatory.", False),
        ("Staff must not post images of pupils on their own accounts.", True),
    ],
)
def test_images_named_by_what_they_show_are_no_pictures_of_pupils(taxonomy: Taxonomy, text: str, images: bool) -> None:
    """Abusive or offensive images are content in general, named by what they show; a rule on
    images of pupils is about the pupils' pictures."""
    found = Classifier(taxonomy).classify(Clause("a/1", text, "1", (), None), [], {})
    assert ("images" in found.topic_ids) is images


def test_a_part_cut_from_a_sentence_is_not_the_rule_when_one_with_its_own_subject_is(taxonomy: Taxonomy) -> None:
    """"... and must not be on the list of those whose photos may not be published" keeps the
    subject of the sentence it was cut from, the pupils; the school's rule on publishing is the
    statement with its own subject."""
    rule = "Staff may publish photographs of pupils on the school website with their parents' consent."
    fragment = "Pupils must be suitably dressed and must not be on the list of children whose photographs may not be published."
    matrix = _matrix(taxonomy, {"a": [(fragment, None), (rule, None)]})
    assert _stance(matrix, "images/publishing", "a") == (Force.PERMITTED_WITH_CONDITIONS, rule)


def test_work_on_the_schools_accounts_is_no_personal_use(taxonomy: Taxonomy) -> None:
    """Using school laptops to post on the school's own pages, or social media in working hours
    as part of the job, is work: no rule on personal use of school devices or in the working day.
    A school that also rules on personal use has that rule as its stance."""
    work = "Staff may use school laptops to update the school's official Facebook page during lessons."
    personal = "Staff must not use school laptops for personal social media during the working day."
    matrix = _matrix(taxonomy, {"a": [(work, None)], "b": [(work, None), (personal, None)]})
    assert _stance(matrix, "personal-devices/school-devices", "a") is None
    assert _stance(matrix, "personal-devices/when-allowed", "a") is None
    assert _stance(matrix, "personal-devices/school-devices", "b") == (Force.PROHIBITED, personal)
    assert _stance(matrix, "personal-devices/when-allowed", "b") == (Force.PROHIBITED, personal)


def test_a_channel_described_as_approved_is_no_leave_to_post(taxonomy: Taxonomy) -> None:
    """"Use the school's approved channels" names the means of contact; approval is leave to run
    or post on the school's accounts."""
    means = "All messages to families should be sent through the academy's approved communication channels and its authorised accounts."
    leave = "Staff must obtain permission from the headteacher before posting on the school's page."
    matrix = _matrix(taxonomy, {"a": [(means, None)], "b": [(means, None), (leave, None)]})
    assert _stance(matrix, "school-accounts/approval", "a") is None
    assert _stance(matrix, "school-accounts/approval", "b") == (Force.REQUIRED, leave)


def test_may_and_will_investigate_a_breach_are_one_position(taxonomy: Taxonomy) -> None:
    """What answers a breach is weighed as a consequence is: "breaches may be investigated" and
    "will be investigated" commit to the same thing, and neither school differs from the other."""
    may = "Any suspected breach of this policy may be investigated by the head teacher."
    will = "Any suspected breach of this policy will be investigated by the head teacher."
    matrix = _matrix(taxonomy, {"a": [(may, None)], "b": [(will, None)], "c": [(will, None)]})
    provision = next(p for p in matrix.row("discipline").provisions if p.id == "discipline/investigation")
    assert provision.force_of("a") is Force.PERMITTED and provision.force_of("b") is Force.REQUIRED
    assert not provision.differs("a") and provision.positions() == ((Force.REQUIRED, 3),)


def test_items_under_a_lead_in_that_names_a_situation_are_read_in_it(taxonomy: Taxonomy) -> None:
    """"Inform the safeguarding lead before the day ends" says nothing of pupils' messages on its
    own; under "If a pupil messages you on social media, you should:" it reports that contact."""
    matrix = _matrix(
        taxonomy,
        {"a": [("If a pupil messages you on social media, you should:", None), ("Inform the safeguarding lead before the day ends.", "1")]},
    )
    assert _stance(matrix, "pupil-contact/reporting-contact", "a") == (Force.REQUIRED, "Inform the safeguarding lead before the day ends.")
    stance = next(p for p in matrix.row("pupil-contact").provisions if p.id == "pupil-contact/reporting-contact").stance("a")
    assert stance is not None and stance.member.lead_in == "If a pupil messages you on social media, you should:"


@pytest.mark.parametrize(
    ("text", "force"),
    [
        ("Pictures of pupils may only be taken with the school's own cameras.", Force.PROHIBITED),
        ("Staff should only film children on academy-owned tablets.", Force.PROHIBITED),
        ("Pictures of pupils may be taken with the school's own cameras.", Force.PERMITTED),
    ],
)
def test_allowing_photographs_only_on_the_schools_devices_forbids_them_on_staffs_own(taxonomy: Taxonomy, text: str, force: Force) -> None:
    matrix = _matrix(taxonomy, {"a": [(text, None)]})
    assert _stance(matrix, "images/taking", "a") == (force, text)


@pytest.mark.parametrize(
    ("text", "force"),
    [
        ("Where a member of staff already knows a parent socially, they must not talk about school matters with them online.", Force.PERMITTED_WITH_CONDITIONS),
        ("Staff who are already friends with parents should tell the headteacher.", Force.PERMITTED_WITH_CONDITIONS),
        ("Staff must not befriend parents online, even those they already know socially.", Force.PROHIBITED),
    ],
)
def test_what_a_school_forbids_within_an_existing_friendship_is_its_condition(taxonomy: Taxonomy, text: str, force: Force) -> None:
    matrix = _matrix(taxonomy, {"a": [(text, None)]})
    assert _stance(matrix, "parent-contact/existing-friendships", "a") == (force, text)


def test_photographing_pupils_on_a_phone_is_a_rule_on_images_not_on_phones_at_work(taxonomy: Taxonomy) -> None:
    text = "Staff must never photograph pupils on their own phones."
    matrix = _matrix(taxonomy, {"a": [(text, None)]})
    assert _stance(matrix, "images/taking", "a") == (Force.PROHIBITED, text)
    assert _stance(matrix, "personal-devices/own-devices", "a") is None


@pytest.mark.parametrize(
    ("provision", "text"),
    [
        ("pupil-contact/ex-pupils", "Staff should not connect with former learners on social media."),
        ("pupil-contact/ex-pupils", "Teachers must not follow past students online."),
        ("personal-devices/school-devices", "Trust laptops must not be used for personal social media."),
        ("personal-devices/school-devices", "The academy's tablets are not to be used for personal social media."),
    ],
)
def test_provisions_are_met_whatever_a_school_calls_its_pupils_and_devices(taxonomy: Taxonomy, provision: str, text: str) -> None:
    matrix = _matrix(taxonomy, {"a": [(text, None)]})
    assert _stance(matrix, provision, "a") == (Force.PROHIBITED, text)


@pytest.mark.parametrize(
    ("provision", "text", "force"),
    [
        ("images/identifying-pupils", "When posting photos online, staff should leave pupils' surnames out of every caption.", Force.PROHIBITED),
        ("images/identifying-pupils", "Staff must omit children's full names from any image they publish.", Force.PROHIBITED),
        ("reputation/speaking-for-the-school", "On personal social media, make clear that the views you post are your own and not those of the school.", Force.PROHIBITED),
    ],
)
def test_a_duty_to_leave_something_out_forbids_putting_it_in(taxonomy: Taxonomy, provision: str, text: str, force: Force) -> None:
    """"Leave surnames out of captions" forbids naming pupils; "make clear the views are your own"
    forbids speaking for the school, however the school puts them."""
    matrix = _matrix(taxonomy, {"a": [(text, None)]})
    assert _stance(matrix, provision, "a") == (force, text)
@pytest.mark.parametrize(
    ("provision", "near", "whole"),
    [
        # the channel: a phone and an e-mail address are no social media
        (
            "pupil-contact/personal-contact",
            "Staff will not message any pupil from their personal phone or personal e-mail address.",
            "Staff must never have contact with pupils through any social networking site.",
        ),
        # the outcome itself: calling conduct criminal names no police
        (
            "discipline/police",
            "Each kind of incident in this list is criminal and would be subject to a full investigation.",
            "Where it is needed, the police will be called in and legal action taken.",
        ),
        # what is confidential, as information: one example of a school matter names neither
        (
            "confidentiality/school-information",
            "Staff must not breach confidentiality by talking online about internal school procedures.",
            "Staff must not reveal confidential information about the school.",
        ),
        # speaking, and for whom: a logo on an account is a sign of it only
        (
            "reputation/speaking-for-the-school",
            "Never put the school's logo on a personal account.",
            "Staff must make clear with a disclaimer that they do not post on behalf of the school.",
        ),
        # keeping the accounts apart: what a school account may not be used for is a use of it
        (
            "school-accounts/separation",
            "School social media accounts must not be used for personal gain.",
            "A school account must be kept entirely separate from any personal social media account.",
        ),
        # an act on what others post: handling one kind of comment names no moderating
        (
            "school-accounts/moderation",
            "Staff should handle offensive comments on the school's accounts swiftly and with care.",
            "Inappropriate comments on the school's accounts must be removed at once.",
        ),
        # when in the day: a time apart from work, not the working day itself
        (
            "personal-devices/when-allowed",
            "Staff must keep their use of social media down while they are at work.",
            "Staff may use social media on their own phones only during lunch and rest breaks.",
        ),
        # the act, done online: breaching another policy names neither
        (
            "cyberbullying/bullying-by-staff",
            "Staff must not breach the school's anti-bullying and harassment policy.",
            "Staff must not post content that bullies or harasses anyone.",
        ),
        # one's own details: log-ins are no phone number or address
        (
            "privacy-settings/personal-details",
            "Never share passwords with anyone.",
            "Keep your personal phone number and home address private.",
        ),
    ],
)
def test_of_a_schools_statements_the_one_naming_the_provisions_act_object_and_channel_is_its_rule(
    taxonomy: Taxonomy, provision: str, near: str, whole: str
) -> None:
    """A school that says two things on a provision states it in the one that names what the
    provision is about (its act, object and channel), whichever comes first in its text."""
    matrix = _matrix(taxonomy, {"a": [(near, None), (whole, None)]})
    found = _stance(matrix, provision, "a")
    assert found is not None and found[1] == whole


def test_a_statement_naming_all_of_a_later_provision_states_it_though_it_meets_an_earlier_one(taxonomy: Taxonomy) -> None:
    """"monitor the internet for public posts about the school" names the internet, a system the
    school may monitor, but what it watches is what the public posts: it states the school's
    monitoring of public posts, before a statement that names comments but not whose or about what."""
    matrix = _matrix(
        taxonomy,
        {
            "a": [
                ("The school may monitor comments online and respond to them.", None),
                ("The school will actively monitor the internet for public postings about the school.", None),
            ]
        },
    )
    found = _stance(matrix, "monitoring/public-posts", "a")
    assert found is not None and found[1].startswith("The school will actively monitor")


def test_a_condition_after_but_only_stays_with_its_clause(taxonomy: Taxonomy) -> None:
    """"may run accounts, but only if the head approves them" is one rule with its condition: the
    approval is of the accounts it names. "..., but also ..." joins two rules, each about its own."""
    text = "Teams may also set up their own pages, but only if the headteacher has approved them."
    matrix = _matrix(taxonomy, {"a": [(text, None)]})
    assert _stance(matrix, "school-accounts/approval", "a") == (Force.REQUIRED, text)
    assert len(coordinated_parts(text)) == 1
    assert len(coordinated_parts("Staff must report radicalisation, but also look out for bullying.")) == 2


def test_help_offered_to_staff_abused_online_is_support(taxonomy: Taxonomy) -> None:
    text = "The school will help any member of staff who is harassed online to have the abusive posts taken down."
    matrix = _matrix(taxonomy, {"a": [(text, None)]})
    assert _stance(matrix, "cyberbullying/support", "a") == (Force.REQUIRED, text)
