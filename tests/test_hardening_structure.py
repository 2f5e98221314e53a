"""A numbered clause that has sub-clauses stays a clause (its anchor and force), its children under it;
a numbered line that reads as a title stays a heading."""

from __future__ import annotations

import pytest

from adversarial import five_megabytes

from policy_atlas.core.classify import Classifier, classified_blocks
from policy_atlas.core.ingest import parse_policy
from policy_atlas.core.model import Clause, Heading
from policy_atlas.core.taxonomy import Taxonomy


def _blocks(text: str) -> tuple[Heading | Clause, ...]:
    blocks, _ = classified_blocks(parse_policy(text, "s", "s.txt").blocks, Classifier(Taxonomy(())))
    return blocks


@pytest.mark.parametrize(
    ("text", "number", "force"),
    [
        pytest.param(
            "1. Staff must not use personal accounts to contact pupils.\n1.1 This includes former pupils.\n2. Staff must report concerns.\n",
            "1.", "prohibited", id="sentence",
        ),
        pytest.param("3. Staff must not accept pupils as friends\n3.1 This includes former pupils.\n", "3.", "prohibited", id="no-full-stop"),
        pytest.param(
            "4 The headteacher will monitor the use of social media by staff.\n4.1 Staff must report misuse to the headteacher.\n",
            "4", "required", id="will",
        ),
        pytest.param(
            "Conduct\n\n7. Staff may use school accounts during the working day.\n7.1 They must log out afterwards.\n7.2 They must not share passwords.\n",
            "7.", "permitted", id="under-a-heading",
        ),
    ],
)
def test_a_numbered_clause_with_sub_clauses_stays_a_clause(text: str, number: str, force: str) -> None:
    blocks = _blocks(text)
    parent = next(b for b in blocks if isinstance(b, Clause) and b.number == number)
    assert parent.id == f"s/{number.rstrip('.')}"
    assert parent.force == force
    children = [b for b in blocks if isinstance(b, Clause) and b is not parent and (b.number or "").startswith(number.rstrip(".") + ".")]
    assert children and all(c.parent == parent.id for c in children)
    assert not any(isinstance(b, Heading) and number.rstrip(".") in b.text.split()[0] for b in blocks)


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        pytest.param("4 Monitoring\n4.1 Staff must not contact pupils on social media.\n", "4 Monitoring", id="title"),
        pytest.param("2. Use of social media at work\n2.1 Staff must not post during lessons.\n", "2. Use of social media at work", id="lower-case-title"),
        pytest.param("5. Scope\n\n5.1 This policy applies to all staff.\n", "5. Scope", id="one-word"),
    ],
)
def test_a_numbered_title_with_sub_clauses_stays_a_heading(text: str, heading: str) -> None:
    blocks = _blocks(text)
    assert isinstance(blocks[0], Heading) and blocks[0].text == heading
    assert all(isinstance(b, Clause) for b in blocks[1:])


def _numbered_divisions(label: str) -> str:
    """Divisions headed "<label> 1", "<label> 2", ... each over a few paragraphs, as long policies are."""
    body = "Staff must keep their accounts private and must not accept requests from pupils.\n\n" * 3
    return "".join(f"{label} {n}\n\n{body}" for n in range(1, 5))


@pytest.mark.parametrize("label", ["Appendix", "Section", "Part", "Schedule", "Annex", "Chapter"])
def test_numbered_division_headings_are_kept_as_headings(label: str) -> None:
    """A heading that numbers a division counts up as page numbers do, but it is the policy's own."""
    policy = parse_policy(_numbered_divisions(label), "s", "s.txt")
    assert [b.text for b in policy.blocks if isinstance(b, Heading)] == [f"{label} {n}" for n in range(1, 5)]
    assert policy.set_aside == ()


@pytest.mark.parametrize("label", ["Page", "Slide"])
def test_running_page_numbers_are_still_set_aside(label: str) -> None:
    policy = parse_policy(_numbered_divisions(label), "s", "s.txt")
    assert not any(isinstance(b, Heading) for b in policy.blocks)
    assert [a.text for a in policy.set_aside] == [f"{label} {n}" for n in range(1, 5)]


def test_the_benchmark_policy_keeps_its_section_headings() -> None:
    """The 5 MB benchmark's shape ("Section 12 Conduct online" over twenty clauses), cut short."""
    text = five_megabytes(60_000)
    policy = parse_policy(text, "s", "s.txt")
    assert sum(isinstance(b, Heading) for b in policy.blocks) == text.count("Section ") > 2
    assert policy.set_aside == ()
