"""Blind, hand-labelled sentences for checking topic tagging and force (stance) detection.

Written on 2026-11-30 by a second reader who had not seen the taxonomy, the reading rules, the
seed policies or the development set. At first contact the reading scored topic F1 0.818
(54 true positives, 12 false positives, 12 misses) and force 70/80. A few general fixes
followed from reading those errors (active "advise ... not to", a leading "Where parents
consent, ..." as a condition, "avoiding" items, accounts that need approval), so these are a
regression set now; the misses that remain are marked in the tests that use them.

TOPIC_SENTENCES: (topic id, sentence, is_about_topic)
    Negatives are deliberately "hard": they share vocabulary with the topic
    (pupils, image, monitor, review, threat, breach, password, privacy ...) but a careful
    reader would not file them under that topic.

FORCE_SENTENCES: (statement, lead_in or None, expected stance)
    expected stance is one of: prohibited, discouraged, permitted-with-conditions,
    permitted, required, or "none" (no rule stated). A list item takes the framing of its
    lead-in.
"""

TOPIC_SENTENCES: list[tuple[str, str, bool]] = [
    # ---------------------------------------------------------------- pupil-contact
    ("pupil-contact", "Staff must not add current students as friends or followers on any personal social networking account.", True),
    ("pupil-contact", "Adults working in school should never exchange private messages with learners via Snapchat, Instagram or WhatsApp.", True),
    ("pupil-contact", "Any online communication with young people must take place through the school's approved learning platform.", True),
    ("pupil-contact", "Teachers are advised not to connect with ex-pupils on social media until at least two years after they have left the school.", True),
    ("pupil-contact", "If a child sends a member of staff a follow request, it must be declined and reported to the safeguarding lead.", True),
    ("pupil-contact", "Staff should not play online multiplayer games with children and young people who attend the school.", True),
    ("pupil-contact", "Photographs of pupils may only be published on the school website where parental consent has been given.", False),
    ("pupil-contact", "Pupils are taught how to keep themselves safe online as part of the computing curriculum.", False),
    ("pupil-contact", "Staff must not disclose pupils' personal information, such as addresses or medical needs, on social media.", False),
    ("pupil-contact", "The school will take action under the behaviour policy if pupils post abusive comments about staff online.", False),
    ("pupil-contact", "Class teachers monitor pupils' progress each half term using the school's assessment tracker.", False),

    # ---------------------------------------------------------------- personal-devices
    ("personal-devices", "Personal mobile phones must be switched off and stored in lockers while staff are in the classroom.", True),
    ("personal-devices", "Staff may check their personal social media accounts on their own phones during lunch, away from pupils.", True),
    ("personal-devices", "School-issued laptops and tablets must not be used to log in to personal Facebook or Instagram accounts.", True),
    ("personal-devices", "Staff must not use their own phones in areas where children are changing, such as toilets and changing rooms.", True),
    ("personal-devices", "Using a personal device to browse social media while supervising children is not permitted.", True),
    ("personal-devices", "Colleagues on a school trip should carry their mobile for emergencies only, not for checking social media.", True),
    ("personal-devices", "All school-owned devices are covered by the trust's filtering and monitoring system.", False),
    ("personal-devices", "Enable two-factor authentication on your personal accounts to stop them being hacked.", False),
    ("personal-devices", "Lost or stolen school laptops containing pupil data must be reported to the data protection officer immediately.", False),
    ("personal-devices", "The IT technician will update the antivirus software on all classroom computers each term.", False),
    ("personal-devices", "Parents are asked not to film the nativity play on their phones and post the video online.", False),

    # ---------------------------------------------------------------- images
    ("images", "Staff must check that parental consent has been given before any photograph of a pupil is posted online.", True),
    ("images", "Footage of children filmed during sports day may only be shared on the school's official channels.", True),
    ("images", "Never tag pupils or include their full names in photographs published on social media.", True),
    ("images", "Pictures of learners must not appear on staff members' personal social media profiles.", True),
    ("images", "Images of pupils should be taken on school equipment and deleted from the device once uploaded.", True),
    ("images", "Where a parent has withdrawn consent, their child must not appear in any school publication or post.", True),
    ("images", "Staff should consider how their online behaviour affects the image of the school in the local community.", False),
    ("images", "Staff should avoid using a profile picture that shows them at their workplace or wearing a school lanyard.", False),
    ("images", "Take a screenshot of any abusive message before reporting it to your line manager.", False),
    ("images", "The school's logo and branding may only be used on accounts approved by the headteacher.", False),
    ("images", "Social media includes any site where users share text, photos or videos, such as TikTok and YouTube.", False),

    # ---------------------------------------------------------------- discipline
    ("discipline", "A breach of this policy may be treated as gross misconduct and could result in summary dismissal.", True),
    ("discipline", "Any allegation that a member of staff has misused social media will be investigated under the disciplinary procedure.", True),
    ("discipline", "Staff may be suspended on full pay while an investigation into their online conduct is carried out.", True),
    ("discipline", "Where a criminal offence may have been committed by an employee, the school will refer the matter to the police.", True),
    ("discipline", "Staff who ignore this policy could be sacked, depending on how serious the breach is.", True),
    ("discipline", "Employees may be instructed to delete posts that breach this policy as part of the disciplinary process.", True),
    ("discipline", "Any data breach involving social media must be reported to the data protection officer within 24 hours.", False),
    ("discipline", "Pupils who post offensive comments about teachers will be dealt with under the school behaviour policy.", False),
    ("discipline", "The school will help staff report threatening posts to the police and to the platform concerned.", False),
    ("discipline", "Staff should not discuss disciplinary hearings or staff grievances on any social media platform.", False),
    ("discipline", "The headteacher will review this policy annually and report any changes to governors.", False),

    # ---------------------------------------------------------------- confidentiality
    ("confidentiality", "Staff must not post information about pupils, their families or colleagues that they have learned through their work.", True),
    ("confidentiality", "Details of safeguarding cases must never be discussed online, even in private or closed groups.", True),
    ("confidentiality", "Sharing screenshots of the school's management information system on social media is strictly prohibited.", True),
    ("confidentiality", "Any accidental disclosure of personal data online must be reported to the data protection officer without delay.", True),
    ("confidentiality", "Staff should not reveal the outcome of inspections or internal meetings before the information is made public.", True),
    ("confidentiality", "Information about a child's special educational needs is confidential and must not be shared on social media.", True),
    ("confidentiality", "Relevant legislation includes the Data Protection Act 2018 and the UK GDPR.", False),
    ("confidentiality", "Staff can access confidential support through the employee assistance programme if they are harassed online.", False),
    ("confidentiality", "Staff should keep the password for the school's Instagram account secure and change it each term.", False),
    ("confidentiality", "Staff should set their personal profiles to private so that only approved friends can see their posts.", False),
    ("confidentiality", "Monitoring of staff email is carried out in line with the school's privacy notice.", False),

    # ---------------------------------------------------------------- school-accounts
    ("school-accounts", "Only staff authorised by the headteacher may post on the school's official Facebook page.", True),
    ("school-accounts", "Any new class or club account must be approved by the senior leadership team before it is created.", True),
    ("school-accounts", "Passwords for the school's X account must be stored securely and changed whenever an administrator leaves.", True),
    ("school-accounts", "Comments on the school's official channels will be checked daily and offensive replies will be removed.", True),
    ("school-accounts", "The communications officer is responsible for scheduling posts on the academy's official social media pages.", True),
    ("school-accounts", "Official school accounts must not be used to reply to complaints, which should go through the complaints procedure.", True),
    ("school-accounts", "Staff should review the privacy settings on their personal accounts at least once a term.", False),
    ("school-accounts", "Personal accounts must never be used to send private messages to pupils.", False),
    ("school-accounts", "Use a strong, unique password for each of your personal social media accounts.", False),
    ("school-accounts", "Staff may not use their work email address to register for personal social media accounts.", False),

    # ---------------------------------------------------------------- reputation
    ("reputation", "Nothing should be posted by staff that risks bringing the school into disrepute.", True),
    ("reputation", "Criticising the academy, its leaders or its pupils on social media is not acceptable.", True),
    ("reputation", "Staff should remember that their online conduct reflects on the public image of the trust.", True),
    ("reputation", "Employees must not make defamatory statements about the school, colleagues or parents online.", True),
    ("reputation", "Posting content that undermines public confidence in the teaching profession is not permitted.", True),
    ("reputation", "Staff who wish to raise concerns about the school should use the whistleblowing procedure rather than social media.", True),
    ("reputation", "Images of children may be published on the school website only with written parental consent.", False),
    ("reputation", "Abusive or threatening posts about staff should be screenshotted and reported to the headteacher.", False),
    ("reputation", "The school's public Facebook page celebrates pupils' achievements each week.", False),
    ("reputation", "Staff must not share personal data about pupils or colleagues on social media.", False),

    # ---------------------------------------------------------------- parent-contact
    ("parent-contact", "Staff should turn down friend requests from the mums, dads and carers of children in their current class.", True),
    ("parent-contact", "Communication with parents and carers must go through the school email system or the parent app, not personal social media.", True),
    ("parent-contact", "Staff who are already friends with parents online must not discuss school matters with them.", True),
    ("parent-contact", "If a parent raises a concern about their child through Facebook Messenger, politely ask them to contact the school office.", True),
    ("parent-contact", "Joining parents' WhatsApp groups for your own class is not permitted.", True),
    ("parent-contact", "Think carefully before connecting with parents or carers on personal social media accounts.", True),
    ("parent-contact", "Parental consent must be obtained before a photograph of a pupil is shared on the school's accounts.", False),
    ("parent-contact", "Parents who post abusive comments about staff online may be banned from the school site.", False),
    ("parent-contact", "The school newsletter is emailed to parents and carers every Friday afternoon.", False),
    ("parent-contact", "Staff must not give pupils their personal mobile number or email address.", False),

    # ---------------------------------------------------------------- privacy-settings
    ("privacy-settings", "Staff must make sure their personal social media profiles are set to private.", True),
    ("privacy-settings", "Revisit the visibility controls on your accounts every few weeks, because app updates can quietly reset them.", True),
    ("privacy-settings", "Staff are advised not to display their home address or date of birth on any public profile.", True),
    ("privacy-settings", "Turn off location sharing so that your posts do not reveal where you live.", True),
    ("privacy-settings", "Consider using a variation of your name on social media so that pupils cannot easily search for you.", True),
    ("privacy-settings", "Two-factor authentication should be switched on for all personal social media accounts.", True),
    ("privacy-settings", "The governing body will review this document every two years in the summer term.", False),
    ("privacy-settings", "Staff cannot expect their use of the school's network or email to remain private.", False),
    ("privacy-settings", "Staff must not share the personal details of pupils, such as addresses, on social media.", False),
    ("privacy-settings", "Login details for the school's official Instagram account must be kept by the office manager.", False),
    ("privacy-settings", "The Human Rights Act 1998 protects the right to respect for private and family life.", False),

    # ---------------------------------------------------------------- cyberbullying
    ("cyberbullying", "The school will not tolerate online harassment of staff by parents, pupils or colleagues.", True),
    ("cyberbullying", "Staff who are targeted by abusive posts should keep screenshots and report them to their line manager.", True),
    ("cyberbullying", "Members of staff must never use online platforms to bully, belittle or intimidate colleagues.", True),
    ("cyberbullying", "The headteacher will ask the platform to remove offensive content that targets a member of staff.", True),
    ("cyberbullying", "Do not respond to trolling or abusive messages; report them to a senior leader instead.", True),
    ("cyberbullying", "Staff affected by online abuse can access counselling through the employee assistance programme.", True),
    ("cyberbullying", "The IT team responds to cyber threats such as phishing emails and ransomware attacks.", False),
    ("cyberbullying", "Pupils learn what cyberbullying is and how to report it in their PSHE lessons.", False),
    ("cyberbullying", "Staff must report any threat to the security of school systems, such as a suspicious login, to the IT helpdesk.", False),
    ("cyberbullying", "Staff must not post comments online that criticise the school or its leadership.", False),
    ("cyberbullying", "The Protection from Harassment Act 1997 and the Malicious Communications Act 1988 are listed in the appendix.", False),

    # ---------------------------------------------------------------- monitoring
    ("monitoring", "The school monitors all internet activity on its network, including visits to social media sites.", True),
    ("monitoring", "Staff use of school email and devices may be checked where there is a concern about misuse.", True),
    ("monitoring", "The trust's filtering system logs the websites visited by staff on academy devices.", True),
    ("monitoring", "Monitoring of staff online activity is carried out in line with data protection law.", True),
    ("monitoring", "The school will not routinely monitor staff members' personal social media accounts.", True),
    ("monitoring", "Staff should be aware that anything accessed on the school Wi-Fi can be traced back to them.", True),
    ("monitoring", "Teachers monitor pupils' attainment and progress through termly assessments.", False),
    ("monitoring", "The governing body will monitor how well this policy is implemented across the school.", False),
    ("monitoring", "Official accounts should be checked every day for inappropriate comments from the public.", False),
    ("monitoring", "This policy will be reviewed annually and its effectiveness evaluated by the senior leadership team.", False),
]


FORCE_SENTENCES: list[tuple[str, str | None, str]] = [
    # --- plain modals -------------------------------------------------------------
    ("Staff must report any online contact from a pupil to the designated safeguarding lead.", None, "required"),
    ("Staff must not accept friend requests from current pupils.", None, "prohibited"),
    ("Staff should use the school email system for all contact with parents.", None, "required"),
    ("Staff should not post photographs of school events on their personal accounts.", None, "prohibited"),
    ("Pupils' full names should never be used in captions on the school website.", None, "prohibited"),
    ("Concerns about a colleague's online behaviour should be raised with the headteacher.", None, "required"),
    ("Staff may use LinkedIn to network with other education professionals.", None, "permitted"),
    ("Staff can share posts from the school's official page on their own profiles.", None, "permitted"),
    ("Staff cannot use school laptops to access personal social media accounts.", None, "prohibited"),
    ("The headteacher will approve all new class accounts before they go live.", None, "required"),
    ("Staff will not use personal messaging apps to contact pupils.", None, "prohibited"),
    ("Staff may not use personal email accounts to send pupil data.", None, "prohibited"),
    ("Staff are not permitted to use their personal phones in the Early Years classrooms.", None, "prohibited"),
    ("Employees are not allowed to give pupils their personal email address.", None, "prohibited"),
    ("No member of staff may create a social media account in the school's name.", None, "prohibited"),
    ("Under no circumstances should staff share images of pupils on personal social media.", None, "prohibited"),
    ("Using personal devices to photograph pupils is prohibited.", None, "prohibited"),
    ("Staff are required to set their personal profiles to private.", None, "required"),
    ("Staff are expected to report any online abuse they receive to their line manager.", None, "required"),
    ("The headteacher will make sure every new starter receives a copy of this policy during induction.", None, "required"),
    ("Staff must ensure that the privacy settings on their accounts are checked each term.", None, "required"),
    ("Outside working hours, colleagues are free to use whatever social networks they like.", None, "permitted"),
    ("The school permits staff to follow the official school account from their personal profiles.", None, "permitted"),

    # --- imperatives --------------------------------------------------------------
    ("Do not accept friend requests from pupils or former pupils under 18.", None, "prohibited"),
    ("Never post pictures of pupils on your own social media accounts.", None, "prohibited"),
    ("Keep your personal phone locked away during lessons.", None, "required"),
    ("Report any abusive comments to the headteacher as soon as possible.", None, "required"),
    ("Avoid joining Facebook groups run by parents of children in your class.", None, "discouraged"),
    ("Refrain from commenting on school matters on local community pages.", None, "prohibited"),

    # --- advice / caution ---------------------------------------------------------
    ("Staff are advised not to list the school as their employer on personal profiles.", None, "discouraged"),
    ("Be careful not to reveal your home location when posting photographs online.", None, "discouraged"),
    ("Think carefully before accepting friend requests from parents of pupils you teach.", None, "discouraged"),
    ("Staff should avoid discussing their working day on public social media.", None, "discouraged"),
    ("Caution is advised when joining online groups that relate to the local community.", None, "discouraged"),
    ("We strongly advise staff not to connect with former pupils until they have turned 18.", None, "discouraged"),
    ("It is recommended that staff do not use their full name on social media profiles.", None, "discouraged"),

    # --- conditions -----------------------------------------------------------------
    ("Staff may only post on the school's official accounts once they have been trained by the office manager.", None, "permitted-with-conditions"),
    ("Staff may contact pupils online only if they use the school's learning platform.", None, "permitted-with-conditions"),
    ("Staff may post photographs of school events provided that every pupil shown has photo consent.", None, "permitted-with-conditions"),
    ("With the headteacher's permission, staff may open a club page on Instagram or Facebook.", None, "permitted-with-conditions"),
    ("Staff may not share pupils' work online without prior consent from their parents.", None, "permitted-with-conditions"),
    ("Staff may not publish pupils' names alongside photographs unless parents have agreed.", None, "permitted-with-conditions"),
    ("Staff may not use their personal phones to contact pupils except in an emergency.", None, "permitted-with-conditions"),
    ("Personal phones can be used on school trips only when a member of staff needs to contact the school.", None, "permitted-with-conditions"),
    ("Staff may remain friends with parents online, as long as they do not discuss school business.", None, "permitted-with-conditions"),
    ("Where a parent has given written consent, images of their child may appear on the school's Instagram account.", None, "permitted-with-conditions"),
    ("No member of staff may publish on the school's official feed without the approval of the headteacher.", None, "permitted-with-conditions"),
    ("Official accounts can only be administered by staff named by the headteacher.", None, "permitted-with-conditions"),

    # --- modals inside subordinate / relative clauses -------------------------------
    ("Staff who may be contacted by pupils online must report this to the designated safeguarding lead.", None, "required"),
    ("Any member of staff who can access the school's social media accounts must use two-factor authentication.", None, "required"),
    ("Where staff may already be connected with parents online, they should not discuss school matters with them.", None, "prohibited"),
    ("If you think a post might breach this policy, you should delete it immediately.", None, "required"),
    ("Although staff may have personal reasons for checking their phones, they must not do so during lessons.", None, "prohibited"),
    ("Staff must report any concern that a colleague may have shared pupil data online.", None, "required"),

    # --- list items under lead-ins ----------------------------------------------------
    ("send friend or follow requests to pupils;", "Staff must not:", "prohibited"),
    ("give pupils their personal phone number;", "Staff must not:", "prohibited"),
    ("Using personal email to contact pupils or parents.", "The following are not permitted:", "prohibited"),
    ("Sharing images of pupils on personal accounts.", "The following are not permitted:", "prohibited"),
    ("the use of personal devices in toilets or changing areas", "The following are strictly prohibited:", "prohibited"),
    ("keep their personal phones out of sight during lessons;", "Staff should:", "required"),
    ("report any online contact from a pupil to the DSL.", "Staff should:", "required"),
    ("a private setting on all personal social media accounts", "All staff are required to have:", "required"),
    ("written approval from the headteacher before setting up any school-related account", "Staff will need:", "required"),
    ("Do not reply to the abusive message.", "If you are targeted online:", "prohibited"),
    ("Keep screenshots of any abusive posts.", "If you are targeted online:", "required"),
    ("not accepting friend requests from parents of pupils in your class", "We advise:", "discouraged"),
    ("avoiding posts about your working day", "We advise:", "discouraged"),
    ("Not using your full name on public profiles.", "We recommend the following:", "discouraged"),
    ("access social media on their own devices during breaks, away from pupils", "Staff may:", "permitted"),
    ("post photographs of school events on official accounts, provided that parental consent has been checked", "Authorised staff may:", "permitted-with-conditions"),
    ("messaging apps such as WhatsApp and Snapchat", "Examples of social media include:", "none"),
    ("blogs, forums and online gaming platforms with chat features", "Examples include:", "none"),

    # --- no rule: definitions, descriptions ---------------------------------------------
    ("Social media refers to any online service on which people publish, comment on or exchange content.", None, "none"),
    ("This policy was approved by the governing body in March 2024.", None, "none"),
    ("Cyberbullying may take the form of abusive messages, threats or the sharing of embarrassing images.", None, "none"),
    ("Pupils and parents may be able to see anything that is posted publicly online.", None, "none"),
    ("The school's Facebook page is updated weekly by the office manager.", None, "none"),
    ("A number of our colleagues grew up in the village and count parents among their friends.", None, "none"),
    ("Keeping Children Safe in Education sets out the statutory safeguarding duties of schools in England.", None, "none"),
    ("Section 9 explains what happens when this policy is breached.", None, "none"),
]


if __name__ == "__main__":
    from collections import Counter
    topics = Counter((t, y) for t, _, y in TOPIC_SENTENCES)
    for t in sorted({t for t, _, _ in TOPIC_SENTENCES}):
        print(f"{t:18s} pos={topics[(t, True)]} neg={topics[(t, False)]}")
    bad = [s for _, s, _ in TOPIC_SENTENCES if not 8 <= len(s.split()) <= 30]
    print("topic sentences:", len(TOPIC_SENTENCES), "outside 8-30 words:", bad)
    print("force sentences:", len(FORCE_SENTENCES), dict(Counter(x for _, _, x in FORCE_SENTENCES)))
