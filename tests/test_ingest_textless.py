"""No clause without text: whatever stray line a policy holds, ingest never makes a clause with
nothing after its number. Such a clause would be an empty entry on the school's page, in search
and in the comparison, and a warning that stops every strict build of the site over one line of
one source. A number with nothing after it is set aside, with a note that names its line.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policy_atlas.core.decode import decode_source
from policy_atlas.core.ingest import parse_policy, without_textless_clauses
from policy_atlas.core.model import Clause, Heading, Severity, SourceSpan

SEEDS = sorted((Path(__file__).resolve().parents[1] / "source_policies").glob("*.txt"))
SEED_LINES = [line for seed in SEEDS for line in decode_source(seed.read_bytes(), seed.name).text.split("\n") if line.strip()][:400]
STRAYS = ["1.1", "2.3.", "4)", "(b)", "•", "-", "—", "1.1 **", "1.1 ––", "3.", "Page 2", "§", "\\", "1.1 \\", "**", "i."]


def _clause(number: str, text: str, parent: str | None, line: int) -> Clause:
    return Clause(id=f"s/{number}", text=text, number=number, heading=("Staff",), parent=parent, source=SourceSpan("s.txt", line, line))


def test_a_clause_without_text_goes_and_its_sub_clauses_move_up_to_its_parent() -> None:
    blocks = (
        Heading(text="Staff", level=2, line=2),
        _clause("1", "Staff must use school accounts.", None, 3),
        _clause("1.1", " ", "s/1", 4),
        _clause("1.1.1", "Passwords are never shared.", "s/1.1", 5),
        _clause("2", "", None, 6),
        _clause("2.1", "Images need consent.", "s/2", 7),
    )
    kept, gone = without_textless_clauses(blocks)
    assert [(b.id, b.parent) for b in kept if isinstance(b, Clause)] == [("s/1", None), ("s/1.1.1", "s/1"), ("s/2.1", None)]
    assert [c.id for c in gone] == ["s/1.1", "s/2"]
    assert kept[0] == blocks[0]


def test_a_list_letter_alone_between_clauses_is_noted_at_its_line_not_made_a_clause() -> None:
    text = "1. Staff must not befriend pupils online.\n\n(b)\n\n2. Staff must report any concern.\n"
    policy = parse_policy(text, "s", "s.txt")
    assert [c.text for c in policy.blocks if isinstance(c, Clause)] == ["Staff must not befriend pupils online.", "Staff must report any concern."]
    notes = [d for d in policy.diagnostics if d.code == "no-text"]
    assert [(d.line, d.severity) for d in notes] == [(3, Severity.NOTE)]
    assert any(record.text.strip() == "(b)" for record in policy.set_aside)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(SEED_LINES), st.sampled_from(STRAYS)), min_size=3, max_size=40))
def test_no_mix_of_policy_lines_and_stray_lines_makes_a_clause_without_text(lines: list[str]) -> None:
    policy = parse_policy("\n".join(lines), "s", "s.txt")
    assert [c.id for c in policy.blocks if isinstance(c, Clause) and not c.text.strip()] == []
    assert all(c.parent is None or c.parent in {b.id for b in policy.blocks if isinstance(b, Clause)} for c in policy.blocks if isinstance(c, Clause))
