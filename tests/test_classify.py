"""Topics for clauses: a held-out check that the taxonomy captures meaning, heading and lead-in
context, a person's overrides, explanations, and exact errors for a malformed taxonomy.

The sentences below were written for this file, paraphrasing what each topic is about without the
seed policies' wording. A miss is a strict xfail whose reason is the sentence, so the suite stays
green while the misses stay visible (``pytest -rx`` lists them).

Two batches. ``TUNED`` holds the first two held-out batches: the taxonomy has been changed after
reading their misses, so they are a regression set and no longer measure generalisation.
``BLIND`` was written by a second reader who had not seen the taxonomy; its first-contact score
is in ``reading_sentences.py``, and it has been read since. The honest measure of generalisation
is a new blind batch, scored once before any rule is changed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from policy_atlas.core.classify import Classifier
from policy_atlas.core.clausetag import resolve_topics
from policy_atlas.core.lexicon import stem
from policy_atlas.core.ingest import parse_policy
from policy_atlas.core.model import Clause, Force, Heading, PolicyAtlasError
from policy_atlas.core.taxonomy import Taxonomy, load_taxonomy
from reading_sentences import TOPIC_SENTENCES

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def classifier() -> Classifier:
    return Classifier(load_taxonomy(REPO / "taxonomy.yml"))


def topics_of(classifier: Classifier, text: str, heading: tuple[str, ...] = ()) -> tuple[str, ...]:
    return classifier.classify(Clause("held-out/1", text, heading=heading), [], {}).topic_ids


# --- (a) held-out sentences ------------------------------------------------------------------

# (topic, sentence, is it about the topic?, why the classifier gets it wrong, if it does)
# The first batch: taxonomy.yml was fitted to its 10 misses (marked “tuned”) in 5534b2a; 8 now pass.
TUNED: list[tuple[str, str, bool, str | None]] = [
    # pupil-contact
    ("pupil-contact", "Teachers must not accept friend requests from anyone they currently teach.", True, None),  # tuned
    ("pupil-contact", "Staff should not follow the personal accounts of students on Instagram or TikTok.", True, None),  # tuned
    ("pupil-contact", "Employees must never exchange private messages with learners through WhatsApp or similar apps.", True, None),
    ("pupil-contact", "If a former pupil under eighteen tries to connect with you online, decline the request and tell the safeguarding lead.", True, None),
    ("pupil-contact", "Any online communication with children must take place through the school's learning platform.", True, None),
    ("pupil-contact", "Staff must follow the safeguarding procedure if they have concerns about a child.", False, None),
    ("pupil-contact", "Pupils will be taught about staying safe online in computing lessons.", False, None),
    ("pupil-contact", "Staff must not post photographs of children on their personal accounts.", False, None),
    # personal-devices
    ("personal-devices", "Staff may check their own phones for social media in the staff room at lunchtime.", True, None),
    ("personal-devices", "Personal mobile phones must be kept in lockers during lessons and not used for social networking.", True, None),
    ("personal-devices", "School laptops and tablets are not to be used for personal social media.", True, None),
    ("personal-devices", "Browsing social media sites on a personal device is only allowed during break times.", True, None),
    ("personal-devices", "Staff should not spend so much time on personal use of social media during working hours that it affects their duties.", True, None),
    ("personal-devices", "Staff must keep their social media passwords secure.", False, None),
    ("personal-devices", "The school's Facebook page is updated by the office team.", False, None),
    ("personal-devices", "Teachers should consider the needs of learners when planning lessons.", False, None),
    ("personal-devices", "Information technology opens new ways of learning and of social networking for every class.", False, None),
    ("personal-devices", "The agreement covers the digital technologies the trust provides at school, such as its network and e-mail.", False, None),
    ("personal-devices", "Staff may use their own tablets at school only during breaks.", True, None),
    # images
    ("images", "Photographs of pupils may only be posted online if their parents have given written consent.", True, None),
    ("images", "Staff must not film children on their own mobile phones.", True, None),
    ("images", "Before a class picture is uploaded to the school website, check that no child on the restricted list appears in it.", True, None),
    ("images", "Videos of school performances must not be shared on personal accounts.", True, None),
    ("images", "Captions on photos of students must never give their full names.", True, None),
    ("images", "Staff should choose a profile picture that is appropriate for a professional.", False, None),
    ("images", "Teachers must protect the image of the school in everything they post.", False, None),
    ("images", "Pupils must not bring mobile phones into exams.", False, None),
    # discipline
    ("discipline", "Failure to follow this policy may result in disciplinary proceedings.", True, None),
    ("discipline", "Serious breaches could amount to gross misconduct and lead to dismissal.", True, None),
    ("discipline", "Where a post may be a criminal offence, the school will inform the police.", True, None),
    ("discipline", "Any suspected breach of this policy will be investigated by the headteacher.", True, None),
    ("discipline", "The school will treat online harassment of colleagues very seriously.", True, None),
    ("discipline", "Pupils who misbehave will be dealt with under the behaviour policy.", False, None),
    ("discipline", "This policy should be read alongside the disciplinary policy.", False,
     "'disciplinary' is evidence on its own, even where the disciplinary policy is only named as a document to read"),
    ("discipline", "Staff should report any concerns about the welfare of a pupil.", False, None),
    # confidentiality
    ("confidentiality", "Staff must not disclose confidential information about pupils or their families online.", True, None),
    ("confidentiality", "Nothing learned about a child's home circumstances in the course of work should be shared on social media.", True,
     "5534b2a added a 'what staff learn at work' rule, but 'learned' and 'work' are 11 words apart (near: 8)"),  # tuned, still missed
    ("confidentiality", "Employees must comply with data protection law whenever they handle personal data.", True, None),
    ("confidentiality", "Do not discuss the details of any staff member's absence or health on social networks.", True, None),
    ("confidentiality", "Never share your password for the school's management information system with anyone.", True, None),
    ("confidentiality", "Staff are free to share their own opinions about national politics.", False, None),
    ("confidentiality", "Public information about school events can be shared on the school website.", False, None),
    ("confidentiality", "Staff must set their privacy settings carefully.", False, None),
    # school-accounts
    ("school-accounts", "Only staff named by the headteacher may post on the school's official Facebook page.", True, None),
    ("school-accounts", "A new departmental Twitter account can be set up only after the business case has been approved.", True, None),
    ("school-accounts", "Passwords for the school's social media accounts must be held by the office manager.", True, None),
    ("school-accounts", "Anyone posting on behalf of the school must use the agreed house style.", True, None),
    ("school-accounts", "Comments on the school's official channels will be moderated daily.", True, None),
    ("school-accounts", "Staff may use personal social media accounts in their own time.", False, None),
    ("school-accounts", "The school email system must be used for all contact with parents.", False, None),
    ("school-accounts", "School equipment must not be used to access personal accounts.", False, None),
    # reputation
    ("reputation", "Staff must not post anything that could bring the school into disrepute.", True, None),
    ("reputation", "Employees must not criticise the school or its governors on social media.", True, None),
    ("reputation", "Where staff give personal opinions online, they should make clear the views are their own and not those of the school.", True, None),
    ("reputation", "Defamatory remarks about colleagues will not be tolerated.", True, None),
    ("reputation", "Teachers should not use social media to air grievances about their employer.", True, None),
    ("reputation", "Staff should know the name of the designated safeguarding lead.", False, None),
    ("reputation", "Staff must identify themselves when signing in at reception.", False, None),
    ("reputation", "Personal data must be stored securely.", False, None),
    # parent-contact
    ("parent-contact", "Staff should not accept friend requests from the parents of pupils they teach.", True, None),
    ("parent-contact", "Where a member of staff is already friends with a parent, they should tell the headteacher.", True, None),
    ("parent-contact", "All communication with families must go through the school office, email or the home-school app.", True, None),
    ("parent-contact", "Staff must not message carers through their personal social media accounts.", True, None),
    ("parent-contact", "Teachers who are also parents at the school need to keep clear boundaries in online parent groups.", True, None),
    ("parent-contact", "Parental consent is needed before photographs of pupils are published.", False, None),
    ("parent-contact", "Parents will be informed of changes to the term dates.", False, None),
    ("parent-contact", "Staff must not message pupils privately.", False, None),
    # privacy-settings
    ("privacy-settings", "Staff should set their social media profiles to the highest privacy setting.", True, None),
    ("privacy-settings", "Employees are advised to review who can see their posts and photos regularly.", True, None),
    ("privacy-settings", "Do not publish your home address or personal phone number on public profiles.", True, None),  # tuned
    ("privacy-settings", "Remember that anything posted online may become public, whatever your settings.", True, None),
    ("privacy-settings", "Check your friends list from time to time and remove people you do not know.", True, None),
    ("privacy-settings", "Staff must respect the privacy of others and not share their posts without permission.", False, None),
    ("privacy-settings", "Direct messages between staff members are private conversations.", False, None),
    ("privacy-settings", "Staff must follow the school's data protection policy.", False, None),
    # cyberbullying
    ("cyberbullying", "Staff who are bullied online by pupils or parents should report it to their line manager.", True, None),  # tuned
    ("cyberbullying", "Keep screenshots of abusive messages as evidence.", True, None),
    ("cyberbullying", "The school will support any member of staff who is harassed on social media.", True, None),
    ("cyberbullying", "Staff must never use social media to intimidate or threaten others.", True, None),
    ("cyberbullying", "Offensive comments posted about a teacher will be dealt with under the anti-bullying procedures.", True, None),
    ("cyberbullying", "Staff must not abuse their position of trust.", False, None),  # tuned
    ("cyberbullying", "Pupils must not bring mobile phones into the exam hall.", False, None),
    ("cyberbullying", "The school reserves the right to monitor staff use of the internet.", False, None),
    # monitoring
    ("monitoring", "The school may monitor staff use of its internet connection and email.", True, None),
    ("monitoring", "Nobody should expect that their use of the trust's network is private: there is no expectation of privacy on it.", True, None),
    ("monitoring", "Staff should check the privacy of their own profiles, since nothing online is truly private.", False, None),
    ("monitoring", "All activity on school computers is logged and can be checked.", True, None),  # tuned
    ("monitoring", "The school keeps a watch on public posts that mention it.", True, None),  # tuned
    ("monitoring", "Staff should be aware that their use of the school network is monitored.", True, None),
    ("monitoring", "The IT provider monitors traffic on the school Wi-Fi, including access to social networking sites.", True, None),  # tuned
    ("monitoring", "Staff should monitor their own screen time.", False, None),
    ("monitoring", "Teachers will monitor pupils' progress throughout the year.", False, None),
    ("monitoring", "Staff should report any online abuse they receive.", False, None),
    # From HELD_OUT: fixed when general synonyms (smartphone, handheld, ...) joined the device terms.
    ("personal-devices", "Teachers may look at social networking apps on their own smartphones only in the staff room.", True, None),
    # The second batch (written after 5534b2a): the stemmed, concept-based taxonomy was written
    # without reading it and fixed 11 of its 14 misses; it has been read since, so it is a
    # regression set now.
    # pupil-contact
    ("pupil-contact", "Adults working in the school must not add children from the school as contacts on gaming platforms.", True, None),
    ("pupil-contact", "A teacher who receives a direct message from a Year 9 student on Snapchat should not reply and should log it.", True, None),
    ("pupil-contact", "Staff should not give learners their personal social media usernames.", True, None),
    ("pupil-contact", "Children's progress reports are sent home at the end of each term.", False, None),
    ("pupil-contact", "Staff who are worried that a child is at risk must speak to the designated safeguarding lead the same day.", False, None),
    # personal-devices
    ("personal-devices", "Staff must keep their mobile phones switched off and out of sight while teaching.", True, None),
    ("personal-devices", "Using a work laptop to browse Facebook for personal reasons is not allowed.", True, None),
    ("personal-devices", "Personal use of social media should be confined to lunch breaks and must not take place in front of pupils.", True, None),
    ("personal-devices", "The school will provide a camera for recording school trips.", False, None),
    ("personal-devices", "Staff should keep their professional and personal online identities separate.", False, None),
    # images
    ("images", "No footage of children may appear on a staff member's own social media.", True, None),
    ("images", "Parents who do not want their child photographed must tell the school office in writing.", True, None),
    ("images", "Pictures taken at sports day may be used in the newsletter if the children cannot be named from them.", True, None),
    ("images", "Staff should think about the public image they present online.", False, None),
    ("images", "The school prospectus is reviewed every two years.", False, None),
    # discipline
    ("discipline", "Staff who ignore these rules may face a formal disciplinary hearing.", True, None),
    ("discipline", "Inappropriate use of the staff forum could result in action being taken by the head.", True, None),
    ("discipline", "Staff who do not adhere to the dress code will be dealt with by the head.", True, None),
    ("discipline", "These rules are here to prevent inappropriate use of school laptops.", False, None),
    ("discipline", "The guidance sets out what the head considers appropriate and inappropriate use of the staff forum.", False, None),
    ("discipline", "Posting racist material online is likely to be treated as gross misconduct.", True, None),
    ("discipline", "The headteacher will look into any report that a member of staff has broken this policy.", True, None),
    ("discipline", "Pupils who post unkind comments about classmates will lose their break time.", False, None),
    ("discipline", "Staff should read the code of conduct when they join the school.", False, None),
    # written for the third blind set's misses
    ("discipline", "Misuse of the school's accounts will not be taken lightly.", True, None),
    ("pupil-contact", "Phones stay in lockers during contact time with pupils.", False, None),
    ("images", "Volunteers may not bring a camera to sports day.", True, None),
    ("pupil-contact", "Any member of staff who has met a pupil through an online game must tell the head.", True, None),
    # a personal phone used as a camera is a device, not a way of contacting pupils; "initiate" is not "initials"
    ("pupil-contact", "Staff must not use their own phones to film pupils in PE lessons.", False, None),
    ("pupil-contact", "Staff must not give pupils their mobile number.", True, None),
    # the presence of pupils is a time when a rule applies, not contact with them
    ("pupil-contact", "Teachers may not take phone calls or answer messages while pupils are present.", False, None),
    ("personal-devices", "Teachers may not take phone calls or answer messages while pupils are present.", True, None),
    # a phone's wireless links switched off keep it from others' reach: keeping a device secure
    ("personal-devices", "Keep Bluetooth turned off on any phone or laptop you carry.", True, None),
    # contact with a pupil's family is contact with parents, not with the pupil
    ("pupil-contact", "Staff should not send connection requests to a pupil's family on any app.", False, None),
    ("parent-contact", "Staff should not send connection requests to a pupil's family on any app.", True, None),
    ("pupil-contact", "Staff should not send connection requests to a pupil or the pupil's family on any app.", True, None),
    ("confidentiality", "Staff must not initiate online friendships with the parents of pupils.", False, None),
    ("images", "Photographs taken on trips are deleted from the school camera once uploaded.", True, None),
    # confidentiality
    ("confidentiality", "Information about a pupil's special educational needs must never be posted online.", True, None),
    ("confidentiality", "Staff must not reveal the outcome of internal meetings on social media.", True, None),
    ("confidentiality", "Details of exclusions and safeguarding cases are strictly private and must not be discussed outside school.", True,
     "'details' and 'private' are eight words apart (the rule allows 3); 'discussed' has no person or information word near it"),
    ("confidentiality", "Staff may share the dates of school events with friends.", False, None),
    ("confidentiality", "Teachers should keep their classrooms tidy.", False, None),
    # written for the second blind set's miss (school data on personal storage)
    ("confidentiality", "Pupil records must never be copied to a personal memory stick.", True, None),
    ("confidentiality", "Staff may store their own holiday photos on their phones.", False, None),
    # school-accounts
    ("school-accounts", "Only the communications lead can publish on the academy's Instagram page.", True, None),
    ("school-accounts", "Any member of staff who wants a Twitter account for their department must first ask the headteacher.", True, None),
    ("school-accounts", "The login details of the school's YouTube channel are kept by the business manager and changed each term.", True, None),
    ("school-accounts", "Staff can have a personal Instagram account if they keep it private.", False, None),
    ("school-accounts", "Staff must not use their school email address to sign up for personal websites.", False, None),
    # reputation
    ("reputation", "Staff must not post content that could damage public confidence in the school.", True, None),
    ("reputation", "Making negative comments about the school's leadership on social media is not acceptable.", True, None),
    ("reputation", "Staff should not give the impression that they speak for the school when posting in a personal capacity.", True, None),
    ("reputation", "Staff must wear their identity badge at all times on site.", False, None),
    ("reputation", "Staff should use the staff room noticeboard for union notices.", False, None),
    # parent-contact
    ("parent-contact", "Staff must not join private WhatsApp groups set up by the mothers and fathers of their pupils.", True, None),
    ("parent-contact", "Teachers should not accept Facebook friend requests from the carers of children at the school.", True, None),
    ("parent-contact", "Messages to families should be sent through the school's approved messaging app, not from personal numbers.", True, None),
    ("parent-contact", "Parents are invited to the school play in December.", False, None),
    ("parent-contact", "Staff must get consent before filming pupils.", False, None),
    # privacy-settings
    ("privacy-settings", "Staff should make sure their social media accounts are locked so that only approved friends can see them.", True, None),
    ("privacy-settings", "Do not show your date of birth, address or the school you work at on your public profile.", True, None),
    ("privacy-settings", "Even with the strictest settings, something you post can be copied and passed on.", True, None),
    ("privacy-settings", "The school's privacy notice explains how it uses parents' data.", False, None),
    # written for the second blind set's misses (what a profile shows; who may see it)
    ("privacy-settings", "Leave your birthday and your occupation off your profile.", True, None),
    ("privacy-settings", "Keep accounts friends only, so that strangers cannot see what you share.", True, None),
    ("privacy-settings", "Posting your whereabouts is a risk to your personal safety.", True, None),
    ("privacy-settings", "Choose a profile photo that suits a professional role.", False, None),
    ("privacy-settings", "Staff must respect the private lives of colleagues.", False, None),
    # cyberbullying
    ("cyberbullying", "If a parent posts threatening comments about a teacher online, the headteacher will ask for them to be removed.", True, None),
    ("cyberbullying", "Staff targeted by abusive posts should not respond and should save a copy of them.", True, None),
    ("cyberbullying", "Staff must not take part in the online humiliation or harassment of any member of the school community.", True, None),
    ("cyberbullying", "Staff must not play computer games during lessons.", False, None),
    ("cyberbullying", "Any threat to the security of the school network must be reported to the IT provider.", False, None),
    # monitoring
    ("monitoring", "The school's internet filter records the websites that staff visit on school devices.", True, None),
    ("monitoring", "The school may check staff email accounts where misuse is suspected.", True, None),
    ("monitoring", "Staff should know that the school can see what they do on its network.", True,
     "'can see what they do' is monitoring in other words"),
    ("monitoring", "Teachers will keep an eye on pupils during break times.", False, None),
    ("monitoring", "Staff should monitor the temperature of the swimming pool.", False, None),
]


# The third batch, written blind by a second reader (see tests/reading_sentences.py); each miss
# that remains says why.
BLIND_MISSES = {
    "Staff should not play online multiplayer games with children and young people who attend the school.":
        "playing games together is contact, but no contact word is used",
    "All school-owned devices are covered by the trust's filtering and monitoring system.":
        "'school-owned devices' is a device rule's evidence even where the statement is about monitoring",
    "Lost or stolen school laptops containing pupil data must be reported to the data protection officer immediately.":
        "'school laptops' is a device rule's evidence even where the statement is about data",
    "Where a parent has withdrawn consent, their child must not appear in any school publication or post.":
        "'appear in a publication' is an image in other words",
    "The school will help staff report threatening posts to the police and to the platform concerned.":
        "'police' counts for discipline even where staff are helped to report abuse",
    "Staff should not discuss disciplinary hearings or staff grievances on any social media platform.":
        "'disciplinary' counts even where hearings are only what must not be discussed",
    "Sharing screenshots of the school's management information system on social media is strictly prohibited.":
        "a screenshot of a records system is confidential information in other words",
    "Relevant legislation includes the Data Protection Act 2018 and the UK GDPR.":
        "naming the data protection law counts as being about data protection",
    "The school newsletter is emailed to parents and carers every Friday afternoon.":
        "emailing parents is contact with them, whatever is sent",
    "Revisit the visibility controls on your accounts every few weeks, because app updates can quietly reset them.":
        "'revisit' is not a review word and 'visibility controls' has no privacy word near it",
    "Consider using a variation of your name on social media so that pupils cannot easily search for you.":
        "not being found by name is privacy in other words",
    "Two-factor authentication should be switched on for all personal social media accounts.":
        "'two-factor' and 'accounts' are eleven words apart (the rule allows 6)",
    "The headteacher will ask the platform to remove offensive content that targets a member of staff.":
        "'targets' is not a bullying word",
    "Pupils learn what cyberbullying is and how to report it in their PSHE lessons.":
        "'cyberbullying' counts even where it is only what pupils are taught about",
    "The Protection from Harassment Act 1997 and the Malicious Communications Act 1988 are listed in the appendix.":
        "naming a harassment law counts as being about harassment",
    "Staff should be aware that anything accessed on the school Wi-Fi can be traced back to them.":
        "'traced back' is monitoring in other words",
}
BLIND: list[tuple[str, str, bool, str | None]] = [
    (topic, text, positive, BLIND_MISSES.get(text)) for topic, text, positive in TOPIC_SENTENCES
]

BATCHES = {"tuned": TUNED, "blind": BLIND}


def _held_out_params() -> list[object]:
    params = []
    for batch, sentences in BATCHES.items():
        for topic, text, positive, miss in sentences:
            kind = "pos" if positive else "neg"
            marks = [pytest.mark.xfail(strict=True, reason=f"{topic} {kind}: “{text}”: {miss}")] if miss else []
            params.append(pytest.param(topic, text, positive, marks=marks, id=f"{batch}-{topic}-{kind}-{text[:40]}"))
    return params


@pytest.mark.parametrize(("topic", "text", "positive"), _held_out_params())
def test_held_out_topic(classifier: Classifier, topic: str, text: str, positive: bool) -> None:
    found = topics_of(classifier, text)
    assert (topic in found) is positive, found


@pytest.mark.parametrize("batch", BATCHES)
def test_held_out_covers_every_topic(classifier: Classifier, batch: str) -> None:
    """At least three positives and two negatives per topic, for every topic of the taxonomy."""
    sentences = BATCHES[batch]
    for topic in classifier.taxonomy.ids:
        positives = [t for t, _, p, _ in sentences if t == topic and p]
        negatives = [t for t, _, p, _ in sentences if t == topic and not p]
        assert len(positives) >= 3 and len(negatives) >= 2, topic
    assert {t for t, *_ in sentences} == set(classifier.taxonomy.ids)


@pytest.mark.parametrize("batch", BATCHES)
def test_held_out_misses_are_exactly_the_marked_ones(classifier: Classifier, batch: str) -> None:
    """The xfail list is the truth: a fixed miss must lose its mark (strict xfail enforces that too)."""
    sentences = BATCHES[batch]
    wrong = [(t, s) for t, s, p, _ in sentences if (t in topics_of(classifier, s)) is not p]
    assert wrong == [(t, s) for t, s, _, miss in sentences if miss]


# --- (b) heading and lead-in context ---------------------------------------------------------


def classify_blocks(classifier: Classifier, blocks: tuple[Heading | Clause, ...]) -> dict[str, dict[str, str]]:
    return {cid: {t.topic: t.why for t in c.topics} for cid, c in classifier.classify_blocks(blocks).items()}


def test_heading_gives_topic(classifier: Classifier) -> None:
    blocks = (
        Heading("Use of images", 2, 1),
        Clause("s/use-of-images/check", "Check the list held by the office before anything is published.", heading=("Use of images",)),
    )
    assert classify_blocks(classifier, blocks)["s/use-of-images/check"] == {"images": "under the heading “Use of images”"}


def test_only_innermost_heading_counts(classifier: Classifier) -> None:
    blocks = (
        Clause("s/x/check", "Check the list held by the office before anything is published.", heading=("Use of images", "General")),
    )
    assert classify_blocks(classifier, blocks)["s/x/check"] == {}


def test_same_clause_without_heading_has_no_topic(classifier: Classifier) -> None:
    assert topics_of(classifier, "Check the list held by the office before anything is published.") == ()


LEAD_INS = (
    Clause("s/conduct/breach", "Breach confidentiality, for example by:", heading=("Conduct",)),
    Clause("s/conduct/breach/a", "talking about a colleague's health in a staff group chat", heading=("Conduct",), parent="s/conduct/breach"),
    Clause("s/conduct/breach/b", "a family loses trust in the school", heading=("Conduct",), parent="s/conduct/breach"),
    Clause("s/conduct/risks", "Sharing confidential information online carries real dangers. These are the risks:", heading=("Conduct",)),
    Clause("s/conduct/risks/a", "a family loses trust in the school", heading=("Conduct",), parent="s/conduct/risks"),
    Clause("s/conduct/plain", "These are the risks:", heading=("Conduct",)),
    Clause("s/conduct/plain/a", "a family loses trust in the school", heading=("Conduct",), parent="s/conduct/plain"),
)


@pytest.mark.parametrize(
    ("clause_id", "expected"),
    [
        ("s/conduct/breach", {"confidentiality": "confidential information: “confidentiality”"}),
        # Its own words say it: talking about a colleague.
        ("s/conduct/breach/a", {"confidentiality": "revealing or discussing people: “talking about”, “colleague's”"}),
        ("s/conduct/breach/b", {"confidentiality": "an example under “Breach confidentiality, for example by:”"}),
        ("s/conduct/risks", {"confidentiality": "confidential information: “confidential”"}),
        ("s/conduct/risks/a", {}),
        ("s/conduct/plain/a", {}),
    ],
)
def test_lead_in_context(classifier: Classifier, clause_id: str, expected: dict[str, str]) -> None:
    """Items of an "e.g." lead-in are instances of it; items of "These are the risks:" are not."""
    assert classify_blocks(classifier, LEAD_INS)[clause_id] == expected


# --- (c) a person's overrides ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        (("images", "+discipline", "-images"), ("discipline",)),
        (("images", "discipline"), ("images", "discipline")),
        (("images", "+images"), ("images",)),
        (("+reputation",), ("reputation",)),
        (("-images",), ()),
        (("images", "-images", "+images"), ()),
        ((), ()),
    ],
)
def test_resolve_topics(tag: tuple[str, ...], expected: tuple[str, ...]) -> None:
    assert resolve_topics(tag) == expected


# --- (d) every tag explains itself -----------------------------------------------------------


def test_every_tag_has_a_why_on_held_out(classifier: Classifier) -> None:
    for _, text, _, _ in TUNED + BLIND:
        for tag in classifier.classify(Clause("h/1", text), [], {}).topics:
            assert tag.why.strip(), (text, tag)


def test_every_tag_has_a_why_on_seeds(classifier: Classifier, seed: tuple[str, str]) -> None:
    stem, text = seed
    policy = parse_policy(text, stem, f"{stem}.txt")
    results = classifier.classify_blocks(policy.blocks)
    tags = [tag for result in results.values() for tag in result.topics]
    assert tags, stem
    assert all(tag.why.strip() for tag in tags)
    assert all(result.force_why.strip() for result in results.values())


# --- (e) a malformed taxonomy ----------------------------------------------------------------

RULE = "    rules:\n      - all: [[photo]]\n"
GOOD = "topics:\n  - id: images\n    label: Images\n    description: Photos\n" + RULE


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param(
            "topics:\n  - id: images\n    label: Images\n   description: Photos\n",
            "4: YAML error: expected <block end>, but found '<block mapping start>'",
            id="bad-indentation",
        ),
        pytest.param("topics:\n\t- id: images\n", "2: YAML error: found character '\\t' that cannot start any token", id="tab"),
        pytest.param(
            GOOD + "    keywords: [photo]\n",
            "7: topic images: unknown key 'keywords' (expected one of: core, description, headings, id, label, organisation_act, "
            "provisions, rules, staff_only, staff_party, staff_relation, unless)",
            id="unknown-key",
        ),
        pytest.param(
            "topics:\n  - id: images\n    label: Images\n    description: Photos\n    rules:\n"
            "      - all: [[photo], [pupil]]\n        neer: 5\n",
            "7: topic images rule 1: unknown key 'neer' (expected one of: all, name, near, not_among)",
            id="unknown-key-in-rule",
        ),
        pytest.param(
            GOOD + "    provisions:\n      - id: consent\n        label: Consent\n        rulez:\n          - all: [[consent]]\n",
            "10: provision consent: unknown key 'rulez' (expected one of: apart_from, duty, fit, id, instead, kind, label, on_breach, past_unless, restriction, rules, situation, unless)",
            id="unknown-key-in-provision",
        ),
        pytest.param(
            GOOD + "    provisions:\n      - id: consent\n        label: Consent\n        fit: consent\n        rules:\n          - all: [[consent]]\n",
            "8: provision consent fit: expected a list of term groups",
            id="fit-not-a-list",
        ),
        pytest.param(
            GOOD + "    provisions:\n      - id: consent\n        label: Consent\n        kind: rule\n        rules:\n          - all: [[consent]]\n",
            "8: provision consent: 'kind' must be one of conduct, commitment, consequence",
            id="unknown-provision-kind",
        ),
        pytest.param(
            "term:\n  image: [photo]\n" + GOOD,
            "1: taxonomy: unknown key 'term' (expected one of: concepts, topics)",
            id="unknown-top-level-key",
        ),
        pytest.param(
            "topics:\n  - id: images\n    label: Images\n    label: Pictures\n    description: Photos\n" + RULE,
            "4: key 'label' is given twice",
            id="duplicate-key",
        ),
        pytest.param(
            GOOD + "    provisions:\n      - id: consent\n        label: Consent\n        rules:\n          - all: [[consent]]\n"
            "      - id: consent\n        label: Consent again\n        rules:\n          - all: [[permission]]\n",
            "12: topic images: provision id 'consent' is used twice",
            id="duplicate-provision-id",
        ),
        pytest.param(
            GOOD + "    provisions:\n      - id: consent\n        label: Consent\n        apart_from: [pupil-contact]\n        rules:\n          - all: [[consent]]\n",
            "8: provision consent: 'apart_from' names 'pupil-contact', which is no topic id",
            id="apart-from-unknown-topic",
        ),
        pytest.param(
            GOOD + "    provisions:\n      - id: consent\n        label: Consent\n        apart_from: pupil-contact\n        rules:\n          - all: [[consent]]\n",
            "8: provision consent: 'apart_from' must be a list of topic ids",
            id="apart-from-not-a-list",
        ),
        pytest.param(
            GOOD + "    provisions:\n      - id: consent\n        label: Consent\n",
            "8: provision consent: at least one rule is required",
            id="provision-without-rules",
        ),
        pytest.param(
            "topics:\n  - id: images\n    description: Photos\n" + RULE, "2: topic images: 'label' is required", id="missing-label"
        ),
        pytest.param(
            "topics:\n  - id: images\n    label: '  '\n    description: Photos\n" + RULE,
            "2: topic images: 'label' is required",
            id="blank-label",
        ),
        pytest.param(
            GOOD + "  - id: images\n    label: Pictures\n    description: Pictures\n" + RULE,
            "7: topic id 'images' is used twice",
            id="duplicate-id",
        ),
        pytest.param(
            "concepts:\n  image: [photo]\ntopics:\n  - id: images\n    label: Images\n    description: Photos\n"
            "    rules:\n      - all: [image]\n      - all: [image, pupil]\n",
            "9: topic images rule 2: unknown concept 'pupil'",
            id="unknown-term-set",
        ),
        pytest.param(
            GOOD + "    provisions:\n      - id: consent\n        label: Consent\n        rules:\n          - all: [consent]\n",
            "11: provision consent rule 1: unknown concept 'consent'",
            id="unknown-term-set-in-provision",
        ),
        pytest.param(GOOD + "    headings: photos\n", "2: topic images headings: unknown concept 'photos'", id="unknown-heading-set"),
        pytest.param(
            "topics:\n  - id: Images\n    label: Images\n    description: Photos\n" + RULE,
            "2: topic id 'Images' must be lowercase letters, digits and hyphens",
            id="bad-id",
        ),
        pytest.param(
            "topics:\n  - id: images\n    label: Images\n    description: Photos\n",
            "2: topic images: at least one rule is required",
            id="no-rules",
        ),
        pytest.param(
            "topics:\n  - id: images\n    label: Images\n    description: Photos\n    rules:\n      - all: [[photo]]\n        near: 0\n",
            "6: topic images: 'near' must be a positive number of words",
            id="near-zero",
        ),
        pytest.param(
            GOOD + "    provisions:\n      - id: consent\n        rules:\n          - all: [[consent]]\n",
            "8: topic images: each provision needs 'id', 'label' and 'rules'",
            id="provision-without-label",
        ),
        pytest.param(
            "concepts:\n  image: photo\n" + GOOD, "2: concepts.image: expected a concept name or a list of terms", id="term-set-not-a-list"
        ),
        pytest.param("concepts: {}\n", "1: expected a mapping with a non-empty 'topics' list", id="no-topics"),
        pytest.param(
            "concepts:\n  image: [photo*]\n" + GOOD,
            "2: concepts.image: 'photo*': write the plain word; terms are matched by stem, so every ending matches",
            id="wildcard",
        ),
    ],
)
def test_taxonomy_errors(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "taxonomy.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PolicyAtlasError) as caught:
        load_taxonomy(path)
    assert str(caught.value) == f"{path}:{message}"
    assert caught.value.path == str(path)


def test_taxonomy_error_uses_shown_name(tmp_path: Path) -> None:
    path = tmp_path / "taxonomy.yml"
    path.write_text("topics:\n  - id: images\n    description: Photos\n" + RULE, encoding="utf-8")
    with pytest.raises(PolicyAtlasError, match=r"^taxonomy\.yml:2: topic images: 'label' is required$"):
        load_taxonomy(path, "taxonomy.yml")


def test_taxonomy_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PolicyAtlasError, match=r"taxonomy\.yml: cannot read taxonomy: No such file or directory$"):
        load_taxonomy(tmp_path / "taxonomy.yml")


def test_good_taxonomy_loads(tmp_path: Path) -> None:
    path = tmp_path / "taxonomy.yml"
    path.write_text(GOOD, encoding="utf-8")
    taxonomy = load_taxonomy(path)
    assert isinstance(taxonomy, Taxonomy) and taxonomy.ids == ("images",)


@pytest.mark.parametrize(
    ("text", "images"),
    [
        pytest.param("You may be asked to take down a post, comment or photo straight away.", False, id="photo-among-content"),
        pytest.param("Social media lets users share content, messages, photos or videos with others.", False, id="definition-list"),
        pytest.param("Turn off location tagging on photos and check-ins.", False, id="photos-and-check-ins"),
        pytest.param("Staff must not post photos or videos taken at school events.", True, id="photos-or-videos-alone"),
        pytest.param("Do not post comments or photos of pupils on personal accounts.", True, id="of-pupils-still-counts"),
    ],
)
def test_image_listed_among_other_content_is_any_content(classifier: Classifier, text: str, images: bool) -> None:
    """An image word listed with posts, comments or messages names content in general, not images."""
    assert ("images" in topics_of(classifier, text)) is images


def test_rule_not_among_loads(tmp_path: Path) -> None:
    path = tmp_path / "taxonomy.yml"
    path.write_text(
        "topics:\n  - id: images\n    label: Images\n    description: Photos\n    rules:\n"
        "      - all: [[photo], [post]]\n        not_among: [comment]\n",
        encoding="utf-8",
    )
    rule = load_taxonomy(path).topics[0].rules[0]
    assert rule.not_among == ("comment",)
    classifier = Classifier(load_taxonomy(path))
    assert topics_of(classifier, "Post the photo.") == ("images",)
    assert topics_of(classifier, "Post a comment or photo.") == ()


@pytest.mark.parametrize(
    ("word", "base"),
    [("taken", "take"), ("took", "take"), ("sent", "send"), ("met", "meet"), ("written", "write"), ("shown", "show")],
)
def test_an_irregular_verb_form_meets_its_base(word: str, base: str) -> None:
    """The stemmer leaves "taken" apart from "take"; a taxonomy lists each verb once, in its base form."""
    assert stem(word) == stem(base)


def test_initials_are_not_initiating() -> None:
    assert stem("initials") != stem("initiate") and stem("initials") == stem("Initials")


@pytest.mark.parametrize("word", ["left", "found", "given", "saw"])
def test_a_form_that_is_also_another_word_stays_itself(word: str) -> None:
    """"left" is a direction, "found" a verb of its own, "given" and "saw" nouns too: none is read as another verb."""
    assert stem(word) == stem(word.upper()) and stem(word) not in {"leav", "find", "give", "see"}


@pytest.mark.parametrize(
    ("text", "official"),
    [
        ("The main aim of this school social media policy is to keep everyone safe.", False),
        ("This trust social networking guidance applies to all colleagues.", False),
        ("Only the office manager may post on the school social media accounts.", True),
    ],
)
def test_the_schools_social_media_policy_is_no_school_account(classifier: Classifier, text: str, official: bool) -> None:
    """"school social media policy" names the document, not an account the school runs."""
    assert ("school-accounts" in topics_of(classifier, text)) is official


@pytest.mark.parametrize(
    ("text", "official"),
    [
        ("Staff must not spend an excessive amount of time on social media at school.", False),
        ("Use of social media within school is limited to breaks.", False),
        ("Do not link your personal blog to the school's Facebook page.", True),
        ("The academy Twitter account is run by the office.", True),
        ("Schools may use Facebook, but this is carefully regulated.", True),
        ("Any post on official channels needs approval.", True),
        ("Photos of sports day help to promote the school in the local paper.", False),
        ("We are always glad of good publicity for our pupils' achievements.", False),
        ("Staff may promote the school on its Instagram account with the head's approval.", True),
        ("Anything posted to publicise the school's events on its Facebook page is checked first.", True),
    ],
)
def test_an_organisations_channel_is_its_own_not_social_media_used_there(classifier: Classifier, text: str, official: bool) -> None:
    """School accounts are the school's own channels ("the school's Facebook page"), not social
    media that staff happen to use at school; promoting the school in print or welcoming
    publicity runs no account, promoting it on a named channel acts for the school there."""
    assert ("school-accounts" in topics_of(classifier, text)) is official


@pytest.mark.parametrize(
    ("text", "about_the_school"),
    [
        ("Staff must not post negative comments about the school or colleagues.", True),
        ("Never criticise the trust or its governors online.", True),
        ("Any concerns should be discussed with the headteacher.", False),
        ("If necessary, refer parents to the school's complaints procedure.", False),
    ],
)
def test_commenting_is_on_the_school_not_with_it(classifier: Classifier, text: str, about_the_school: bool) -> None:
    """What is said *about* the school or its people bears on its reputation; raising a matter
    *with* the headteacher, or a complaints procedure, does not."""
    assert ("reputation" in topics_of(classifier, text)) is about_the_school


@pytest.mark.parametrize(
    ("text", "topical"),
    [
        ("For the purposes of this policy, social media includes photo-sharing sites and messaging apps used with pupils.", False),
        ("The term 'personal device' is used to refer to any phone or tablet owned by a member of staff.", False),
        ("In the context of this policy, a pupil is any child on roll, and staff must not message pupils.", True),
        ("School devices – may include laptops, tablets, cameras and phones issued to staff.", False),
        ("Personal equipment: means any phone or camera that a member of staff owns.", False),
        ("Personal phones – staff must keep them in a locker during lessons.", True),
    ],
)
def test_a_definition_is_in_no_topic(classifier: Classifier, text: str, topical: bool) -> None:
    """What the policy's words mean is no rule on what they name; a run-on that goes on to a rule is."""
    assert bool(topics_of(classifier, text)) is topical


@pytest.mark.parametrize(
    ("text", "devices"),
    [
        ("Pupils are not permitted to have mobile phones at school unless a parent asks.", False),
        ("Children may bring their own tablet on the residential trip.", False),
        ("Staff are not permitted to have mobile phones in the classroom.", True),
        ("Keep your laptop locked when you leave it unattended.", True),
        ("Make sure the family computer cannot be misused by someone else in the house.", True),
    ],
)
def test_device_rules_are_on_staff_devices(classifier: Classifier, text: str, devices: bool) -> None:
    """Personal devices are what staff use: a rule on pupils' phones is theirs; keeping one's own
    device locked and protected is a device rule, whatever the channel."""
    assert ("personal-devices" in topics_of(classifier, text)) is devices


@pytest.mark.parametrize(
    ("text", "monitoring"),
    [
        ("Before you share anything, check which profile you are using on social media.", False),
        ("Check your own timeline on each social media site once a term.", False),
        ("The trust monitors staff use of the internet on its network.", True),
        ("Monitor the academy's official social media presence each week.", True),
        ("Be aware that your internet use on school devices may be monitored.", True),
        ("Staff may use their own tablets to check social media at lunchtime.", False),
        ("Staff should be aware that their own use of the internet at work may be monitored by the trust.", True),
        ("The school may check staff use of social media on its own network.", True),
    ],
)
def test_monitoring_is_the_organisations_act(classifier: Classifier, text: str, monitoring: bool) -> None:
    """Monitoring is what the organisation does to staff use: an instruction to readers to check
    their own doing is care over their own act, and so is what a rule's subject, the reader, does
    something for ("use their own tablets to check social media"); checking the organisation's
    channels for it, or being told one's use is watched, is monitoring."""
    assert ("monitoring" in topics_of(classifier, text)) is monitoring


@pytest.mark.parametrize(
    ("text", "public"),
    [
        ("If a message upsets you, take a screenshot, block the sender and report it to your line manager.", False),
        ("Remember that anything you post can be screenshot and passed around.", True),
    ],
)
def test_a_screenshot_kept_as_evidence_makes_nothing_public(classifier: Classifier, text: str, public: bool) -> None:
    """A screenshot listed with blocking and reporting is evidence of abuse kept by its target; a
    screenshot of one's own post is how it spreads."""
    assert ("privacy-settings" in topics_of(classifier, text)) is public


def test_the_following_is_no_following(classifier: Classifier) -> None:
    """"The following points" lists what comes next; it follows no one on social media."""
    assert "privacy-settings" not in topics_of(classifier, "The request goes to the business manager and covers the following points:")
    assert "privacy-settings" in topics_of(classifier, "Review your followers and remove anyone you do not know.")


@pytest.mark.parametrize(
    ("text", "topic", "tagged"),
    [
        # screenshots the reader keeps as a record are evidence, not a warning that posts spread
        ("If someone sends you threats, keep a screenshot before you block them and tell your line manager.", "privacy-settings", False),
        ("Never repost it or take screenshots of illegal images; report it to the police.", "privacy-settings", False),
        ("Remember that others may take a screenshot of anything you share.", "privacy-settings", True),
        ("Save the abuse, for example screenshots, and pass it to the head.", "privacy-settings", False),
        ("Anything you post can be screenshotted and passed around long after you delete it.", "privacy-settings", True),
        # information not yet published is the school's, and stays confidential
        ("Budget plans that have not yet been made public are confidential.", "privacy-settings", False),
        ("Once something is made public online you cannot take it back.", "privacy-settings", True),
        # age-restricted content is a kind of material, not who can see a post
        ("Never access age restricted films on the staff laptop.", "privacy-settings", False),
        # official channels as the route a concern is reported through are no school account
        ("Do not reply to the troll yourself; report it through official channels.", "school-accounts", False),
        ("Only the office may post on the school's official channels.", "school-accounts", True),
        # a person's own family and friends are no pupil's parents
        ("Think twice before sharing holiday snaps of your family and friends.", "parent-contact", False),
        ("Do not accept friend requests from the parents of children in your class.", "parent-contact", True),
        # following rules is obeying them, not following someone online
        ("Staff, volunteers, parents and carers must follow these guidelines when posting:", "parent-contact", False),
        ("Staff must not follow parents or carers on their personal accounts.", "parent-contact", True),
    ],
)
def test_a_topic_word_in_another_sense_is_no_evidence(classifier: Classifier, text: str, topic: str, tagged: bool) -> None:
    """A topic's word used in a sense the topic is not about (a screenshot kept as evidence, one's
    own family, following guidelines) puts the statement in no topic."""
    assert (topic in topics_of(classifier, text)) is tagged


@pytest.mark.parametrize(
    ("text", "images"),
    [
        ("Mobile phones and cameras are kept out of the way when children are changing.", False),
        ("The purpose here is to set out how tablets, phones and cameras are used in the nursery.", False),
        ("Photos of children may only be taken on the nursery's own cameras.", True),
        ("Staff must not bring their own camera into the setting.", True),
    ],
)
def test_a_camera_listed_among_devices_is_a_device(classifier: Classifier, text: str, images: bool) -> None:
    """"Phones and cameras" names devices, not pictures of pupils; a camera named alone, or used to
    take photos, is about images."""
    assert ("images" in topics_of(classifier, text)) is images


@pytest.mark.parametrize(
    ("text", "topical"),
    [
        ("This policy covers staff, volunteers and pupils, and how the school answers parents who post negative comments.", False),
        ("This policy does not fully apply to the class blogs run by teachers.", False),
        ("Our policy applies to everyone who works with children here. Staff must never message pupils privately.", True),
        ("The photography policy covers the use of cameras to take pictures of pupils.", True),
        ("It applies to personal phones and laptops, in school time or out of it.", False),
        ("Staff must never message pupils from personal accounts. It applies equally to pupils who have left.", True),
        ("It applies regardless of whether staff use school laptops or their own phones.", False),
    ],
)
def test_the_policys_scope_is_in_no_topic(classifier: Classifier, text: str, topical: bool) -> None:
    """A sentence saying whom or what the document reaches names its reach, not a rule on it; a
    rule beside it keeps its topic, and another document's scope is about what that document covers."""
    assert bool(topics_of(classifier, text)) is topical


def test_an_item_naming_a_document_is_in_no_topic(classifier: Classifier) -> None:
    """An item under "has regard to the following legislation:" is a title; a rule under an
    ordinary lead-in keeps its topic."""
    blocks = (
        Clause("s/law", "The school takes account of the following laws and guidance:"),
        Clause("s/law/a", "the Data Protection Act and the GDPR", parent="s/law"),
        Clause("s/law/b", "the Protection from Harassment Act", parent="s/law"),
        Clause("s/rules", "Staff must:"),
        Clause("s/rules/a", "keep confidential information about pupils off social media", parent="s/rules"),
    )
    read = classify_blocks(classifier, blocks)
    assert read["s/law/a"] == {} and read["s/law/b"] == {}
    assert "confidentiality" in read["s/rules/a"]


@pytest.mark.parametrize(
    ("text", "official"),
    [
        ("The academy fosters a culture that promotes kindness and good mental health.", False),
        ("Use the club's pages to promote the club and its fixtures.", True),
        ("Staff should state on a personal profile that they are not speaking on behalf of the school.", False),
        ("Only named staff may post on behalf of the school.", True),
    ],
)
def test_acting_for_the_school_is_in_its_sense(classifier: Classifier, text: str, official: bool) -> None:
    """Promoting the organisation is acting for it; a school that promotes wellbeing is not
    advertising itself, and saying one does not speak for the school is no official account."""
    assert ("school-accounts" in topics_of(classifier, text)) is official


def test_items_of_parents_rules_are_not_staff_device_rules(classifier: Classifier) -> None:
    """Under "Parents' responsibilities include:" the items are rules for parents, not staff's
    use of their own phones; the same item under a staff lead-in is."""
    blocks = (
        Clause("s/parents", "Parents' responsibilities include:"),
        Clause("s/parents/a", "not using their phones for social media while volunteering at school", parent="s/parents"),
        Clause("s/staff", "Staff responsibilities include:"),
        Clause("s/staff/a", "not using their phones for social media while teaching at school", parent="s/staff"),
    )
    read = classify_blocks(classifier, blocks)
    assert "personal-devices" not in read["s/parents/a"]
    assert "personal-devices" in read["s/staff/a"]


@pytest.mark.parametrize(
    ("text", "topic", "tagged"),
    [
        ("Talk with the children you look after about who they chat to online.", "pupil-contact", False),
        ("Staff must not chat with pupils on personal messaging apps.", "pupil-contact", True),
        ("Watch for signs that a young person is being bullied online.", "cyberbullying", False),
        ("Staff must not bully or harass colleagues online.", "cyberbullying", True),
    ],
)
def test_caring_for_what_the_young_do_is_no_staff_relation(classifier: Classifier, text: str, topic: str, tagged: bool) -> None:
    """A duty to talk with or watch over the young names what they do, not staff's own contact
    with pupils or bullying of or by staff."""
    assert (topic in topics_of(classifier, text)) is tagged


@pytest.mark.parametrize(
    ("text", "images"),
    [
        ("Talk it through with them. Who can see the pictures you post of your friends?", False),
        ("Pupils' photos must not be posted on staff accounts. Would their parents be happy to see them there?", True),
    ],
)
def test_a_question_states_no_rule_on_its_topic(classifier: Classifier, text: str, images: bool) -> None:
    """A question ("who can see the pictures you post?") is something to ask, not a rule on what it
    names; a rule beside it keeps its topic."""
    assert ("images" in topics_of(classifier, text)) is images


def test_a_heading_gives_its_topic_to_rules_not_to_background(classifier: Classifier) -> None:
    """Under "Contact with parents", a rule takes the heading's topic; a sentence of background
    that states no rule is about the topic only by its own words."""
    heading = ("Contact with parents",)
    blocks = (
        Clause("s/a", "Good communication builds trust between home and school.", heading=heading),
        Clause("s/b", "Replies must come from the office within two working days.", heading=heading),
    )
    read = classify_blocks(classifier, blocks)
    assert read["s/a"] == {}
    assert read["s/b"] == {"parent-contact": "under the heading “Contact with parents”"}


def test_an_instruction_ending_in_a_question_keeps_its_topic(classifier: Classifier) -> None:
    """"Check your settings: who can see your profile?" instructs before it asks."""
    assert "privacy-settings" in topics_of(classifier, "Check your privacy settings now: who can see your profile?")


@pytest.mark.parametrize(
    ("text", "official"),
    [
        ("I will use the school's e-mail and internet only for professional purposes.", False),
        ("Staff who set up a page on social media for work purposes must register it with the head.", True),
        ("Parents are welcome on the school site for assemblies.", False),
        ("News is posted on the school website every Friday.", True),
    ],
)
def test_work_and_site_words_in_their_sense(classifier: Classifier, text: str, official: bool) -> None:
    """Work use of the school's own e-mail is no official account, work use of social media is;
    the school site one walks onto is its grounds, not its website."""
    assert ("school-accounts" in topics_of(classifier, text)) is official


def test_a_heading_on_others_gives_no_staff_device_topic(classifier: Classifier) -> None:
    """Rules under "Visitors with mobile phones" are the visitors'; under "Mobile phones" they are
    staff's use of their own devices."""
    blocks = (
        Clause("s/v", "Phones must stay in bags while in the building.", heading=("Visitors with mobile phones",)),
        Clause("s/m", "Phones must stay in bags while in the building.", heading=("Mobile phones",)),
    )
    read = classify_blocks(classifier, blocks)
    assert "personal-devices" not in read["s/v"]
    assert "personal-devices" in read["s/m"]


@pytest.mark.parametrize(
    ("text", "bullying"),
    [
        ("Never download material that is obscene, illegal or discriminatory.", False),
        ("Sites that carry promotion of discrimination of any kind are blocked.", False),
        ("Do not bully, harass or discriminate against colleagues online.", True),
        ("Never leave derogatory or discriminatory remarks about other schools online.", False),
        ("Posts like these are often hurtful or upsetting to the families who read them.", False),
        ("Staff who are harassed or bullied online should keep copies of the messages.", True),
    ],
)
def test_discriminatory_material_is_no_bullying(classifier: Classifier, text: str, bullying: bool) -> None:
    """"Discriminatory" listed with illegal or obscene describes material unfit to post, and so do
    words for what it says of others ("derogatory") or how it may leave a reader ("upsetting");
    treating a person so is bullying or harassment."""
    assert ("cyberbullying" in topics_of(classifier, text)) is bullying


@pytest.mark.parametrize(
    ("text", "devices"),
    [
        ("Year 5 pupils are expected to leave their phones at the office each morning.", False),
        ("Staff are expected to leave their phones in a locker during lessons.", True),
    ],
)
def test_a_year_groups_phone_rule_is_theirs(classifier: Classifier, text: str, devices: bool) -> None:
    """A rule whose subject is a year group of pupils is on their phones, not staff's."""
    assert ("personal-devices" in topics_of(classifier, text)) is devices


@pytest.mark.parametrize(
    ("text", "monitoring"),
    [
        ("Report a filtering breach to the computing lead.", False),
        ("The school filters and monitors all traffic on its network.", True),
    ],
)
def test_a_filtering_breach_is_an_incident_not_monitoring(classifier: Classifier, text: str, monitoring: bool) -> None:
    """A gap in the filter that staff report is an incident; the school's filtering of its network
    is its watch on what staff do."""
    assert ("monitoring" in topics_of(classifier, text)) is monitoring


def test_a_table_of_contents_is_in_no_topic(classifier: Classifier) -> None:
    """"Contents 1. Aims 2. Discipline ..." lists the document's sections; every part of it is
    in no topic, however the statements are cut."""
    read = classifier.classify(Clause("s/c", "Staff Handbook Contents 1. Aims 2. Contact with pupils 3. Disciplinary procedure"), [], {})
    assert read.topic_ids == ()
    assert "discipline" in topics_of(classifier, "Breaches will be dealt with under the disciplinary procedure.")


@pytest.mark.parametrize(
    ("text", "devices"),
    [
        ("Personal use of social media must not interfere with your teaching duties.", True),
        ("Personal use of social media must not interfere with the good name of the school.", False),
    ],
)
def test_interfering_with_work_is_too_much_use(classifier: Classifier, text: str, devices: bool) -> None:
    """Use that interferes with one's work is too much personal use; interfering with the school's
    good name is harm to it, not an amount of use."""
    assert ("personal-devices" in topics_of(classifier, text)) is devices



@pytest.mark.parametrize(
    ("text", "topic", "tagged"),
    [
        ("During wet play pupils may use the class laptops to message their parents.", "parent-contact", False),
        ("During wet play pupils may use the class laptops to message their parents.", "pupil-contact", False),
        ("Parents are asked not to contact teachers through their personal accounts.", "parent-contact", True),
        ("Pupils must not send friend requests to staff on any social network.", "pupil-contact", True),
        ("Staff must not contact pupils or their families through personal accounts.", "pupil-contact", True),
    ],
)
def test_others_rules_naming_no_staff_relate_no_staff(classifier: Classifier, text: str, topic: str, tagged: bool) -> None:
    """A rule on pupils or parents that names no member of staff is about their contact with
    each other, not staff's with them; naming staff as the other party makes it staff's relation."""
    assert (topic in topics_of(classifier, text)) is tagged


def test_a_run_of_numbered_section_titles_is_a_contents_list(classifier: Classifier) -> None:
    """Four or more numbered short titles in a row name the sections to come: no entry is a
    statement on its topic or a rule. Short numbered rules ("No messaging of pupils") and a short
    run of titles are read as ever."""
    titles = ["Keeping passwords safe", "Contact with pupils and parents", "Photographs of children", "Online bullying of staff"]
    contents = tuple(Clause(f"s/3.{n}", title, number=f"3.{n}") for n, title in enumerate(titles, 1))
    read = classifier.classify_blocks(contents)
    assert all(read[c.id].topic_ids == () and read[c.id].statements[0].force is Force.NONE for c in contents)
    rules = ["No messaging of pupils", "No photographs of children", "Never share passwords", "No friend requests to parents"]
    numbered_rules = tuple(Clause(f"r/{n}", text, number=str(n)) for n, text in enumerate(rules, 1))
    assert all(c.topic_ids for c in classifier.classify_blocks(numbered_rules).values())
    assert "images" in classifier.classify_blocks(contents[:3])["s/3.3"].topic_ids
