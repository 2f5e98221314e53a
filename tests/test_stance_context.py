"""A school's stance read with the words a statement leans on, and its firmest rule.

Our own wordings, read through the real classifier and matrix: an item that completes a list
lead-in is about what the two say together; a statement whose object is a pronoun ("report
these") is about what the pronoun stands for; a school that advises against an act and also
forbids it has the prohibition as its rule.
"""

from __future__ import annotations


import pytest

from policy_atlas.core.classify import Classifier
from policy_atlas.core.compare import Matrix, build_matrix
from policy_atlas.core.force import statement_force
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
    ],
)
def test_considering_an_act_and_avoiding_it_without_consent(text: str, force: Force) -> None:
    assert statement_force(text)[0] is force
