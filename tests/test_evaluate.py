"""``policy-atlas evaluate`` against the shared gold labels, and the scoring rules on a tiny example."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from policy_atlas.cli import main
from policy_atlas.core.evaluate import Counts, Evaluation, score_policy
from policy_atlas.core.evaluate_provisions import quotes_evidence, same_stance
from policy_atlas.core.taxonomy import ProvisionKind
from policy_atlas.core.model import Clause, Force, Statement

REPO = Path(__file__).resolve().parents[1]


def run_evaluate(gold: Path, capsys: pytest.CaptureFixture[str], *more: Path) -> tuple[int, str]:
    status = main(["--project", str(REPO), "evaluate", str(gold), *map(str, more)])
    return status, capsys.readouterr().out


def figure(output: str, pattern: str) -> float:
    found = re.search(pattern, output, re.MULTILINE)
    assert found, f"no line matching {pattern!r} in:\n{output}"
    return float(found.group(1))


BLIND = REPO / "tests" / "fixtures" / "reading" / "blind"
BLIND2 = REPO / "tests" / "fixtures" / "reading" / "blind2"
BLIND3 = REPO / "tests" / "fixtures" / "reading" / "blind3"
BLIND4 = REPO / "tests" / "fixtures" / "reading" / "blind4"
BLIND5 = REPO / "tests" / "fixtures" / "reading" / "blind5"


def figures(out: str) -> tuple[float, float, float]:
    """(core micro-F1, all-topics micro-F1, force accuracy) of the first report in ``out``."""
    return (
        figure(out, r"^micro-F1, core topics \(pupil-contact, personal-devices, images, discipline\): ([0-9.]+)$"),
        figure(out, r"^micro-F1, all \d+ topics: ([0-9.]+)$"),  # "all 10 topics" when a set labels no snippet of one
        figure(out, r"^force accuracy: ([0-9.]+) \(\d+/\d+ stances\)$"),
    )


@pytest.mark.parametrize(
    ("where", "floor"),
    [
        # The floors: the seeds no worse than these; the development set, never tuned to, at least these.
        ("gold", (0.95, 0.92, 0.90)),
        ("dev", (0.85, 0.80, 0.80)),
        ("blind", (0.85, 0.85, 0.85)),
        # Six real schools' opening pages, read after first contact (0.864, 0.814, 0.719).
        ("blind2", (0.80, 0.75, 0.85)),
        # Eight more, read after first contact (0.811, 0.862, 0.773).
        ("blind3", (0.75, 0.80, 0.85)),
        # Eight more, collected and labelled blind for issue 17; first contact (0.839, 0.768, 0.795).
        ("blind4", (0.85, 0.78, 0.85)),
        # the fifth blind set, at its first contact (see its README): a floor, not a target
        ("blind5", (0.85, 0.75, 0.66)),
    ],
)
def test_evaluate_meets_the_thresholds(shared_dir: Path, capsys: pytest.CaptureFixture[str], where: str, floor: tuple[float, float, float]) -> None:
    folder = {"gold": shared_dir / "gold", "dev": shared_dir / "dev", "blind": BLIND, "blind2": BLIND2, "blind3": BLIND3, "blind4": BLIND4, "blind5": BLIND5}[where]
    if not folder.exists():
        pytest.skip(f"{folder} is not here")
    status, out = run_evaluate(folder, capsys)
    assert status == 0
    core, every, force = figures(out)
    assert core >= floor[0] and every >= floor[1] and force >= floor[2], out


def test_evaluate_reports_each_set_and_all_together(shared_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out = run_evaluate(shared_dir / "gold", capsys, BLIND)
    assert status == 0
    headers = re.findall(r"^== (.+) ==$", out, re.MULTILINE)
    assert headers == ["gold (5 policies)", "blind (3 policies)", "all sets (8 policies)"]
    sections = out.split("== all sets")
    stances = [int(n) for n in re.findall(r"force accuracy: [0-9.]+ \(\d+/(\d+) stances\)", sections[0])]
    total = int(re.findall(r"force accuracy: [0-9.]+ \(\d+/(\d+) stances\)", sections[1])[0])
    assert total == sum(stances)


def test_evaluate_matches_every_gold_file(shared_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out = run_evaluate(shared_dir / "gold", capsys)
    matched = re.findall(r"^gold (\S+\.yaml) -> (\S+)$", out, re.MULTILINE)
    assert sorted(name for name, _ in matched) == sorted(p.name for p in (shared_dir / "gold").glob("*.yaml"))
    assert len({slug for _, slug in matched}) == len(matched)


def test_evaluate_lists_a_row_per_topic(shared_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out = run_evaluate(shared_dir / "gold", capsys)
    rows = re.findall(r"^([a-z-]+) +[0-9.]+ +[0-9.]+ +[0-9.]+ +\(\d+/\d+/\d+\)$", out, re.MULTILINE)
    assert rows == [
        "pupil-contact", "personal-devices", "images", "discipline", "confidentiality", "school-accounts",
        "reputation", "parent-contact", "privacy-settings", "cyberbullying", "monitoring",
    ]


def test_evaluate_without_gold_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["--project", str(REPO), "evaluate", str(tmp_path)])
    captured = capsys.readouterr()
    assert status == 1
    assert captured.err == f"error: {tmp_path}: no gold files (*.yaml) here\n"


def test_evaluate_a_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["--project", str(REPO), "evaluate", str(tmp_path / "nowhere")])
    captured = capsys.readouterr()
    assert status == 1
    assert captured.err == f"error: {tmp_path / 'nowhere'}: no such folder of gold labels\n"


# --- score_policy on a hand-made policy ------------------------------------------------------

CLAUSES = (
    Clause("p/1", "Staff must not message pupils on social media.", number="1", force="prohibited"),
    Clause("p/2", "Staff must not message pupils on social media.", number="2", force="prohibited"),  # printed twice
    Clause("p/3", "Breaches may lead to disciplinary action.", number="3", force="permitted"),
    Clause("p/4", "Photographs of pupils need consent.", number="4", force="required"),
    Clause("p/5", "Staff should keep passwords   safe.", force="required"),
)
TOPICS = {
    "p/1": ("pupil-contact",),
    "p/2": (),  # the second copy was not tagged: the snippet still counts once, as found
    "p/3": ("discipline", "pupil-contact"),
    "p/4": (),
    "p/5": ("images",),
}
GOLD = {
    "policy": "tiny",
    "topics": {
        "pupil-contact": {
            "positive": ["must not message pupils on social media", "this sentence is in no clause"],
            "negative": ["may lead to disciplinary action", "Photographs of pupils"],
        },
        "discipline": {"positive": ["3 Breaches may lead"], "negative": []},
        "images": {
            "positive": ["Photographs of pupils need consent."],
            "negative": ["keep passwords\nsafe"],  # white space collapses on both sides
        },
        "monitoring": {"positive": [], "negative": ["must not message pupils"]},
    },
    "stances": [
        {"topic": "pupil-contact", "provision": "messaging", "stance": "prohibited", "evidence": "must not message pupils"},
        {"topic": "discipline", "provision": "action", "stance": "permitted", "evidence": "may lead to disciplinary action"},
        {"topic": "images", "provision": "consent", "stance": "permitted-with-conditions", "evidence": "need consent"},
        {"topic": "images", "provision": "missing", "stance": "required", "evidence": "nowhere in the policy"},
    ],
}


@pytest.fixture
def scored() -> Evaluation:
    evaluation = Evaluation()
    score_policy(GOLD, CLAUSES, TOPICS, evaluation)
    return evaluation


@pytest.mark.parametrize(
    ("topic", "tp", "fp", "fn"),
    [
        ("pupil-contact", 1, 1, 1),  # repeated snippet: one tp; snippet in no clause: fn; p/3 negative: fp
        ("discipline", 1, 0, 0),  # a snippet may include the clause number
        ("images", 0, 1, 1),
        ("monitoring", 0, 0, 0),
    ],
)
def test_score_policy_counts(scored: Evaluation, topic: str, tp: int, fp: int, fn: int) -> None:
    counts = scored.topics[topic]
    assert (counts.tp, counts.fp, counts.fn) == (tp, fp, fn)


def test_score_policy_stances(scored: Evaluation) -> None:
    assert (scored.stances_right, scored.stances_total) == (2, 4)
    assert scored.force_accuracy == 0.5


def test_score_policy_misses(scored: Evaluation) -> None:
    assert scored.misses == [
        "tiny: pupil-contact: missed “this sentence is in no clause” (no clause contains it)",
        "tiny: pupil-contact: wrongly tagged “may lead to disciplinary action”",
        "tiny: images: missed “Photographs of pupils need consent.”",
        "tiny: images: wrongly tagged “keep passwords\nsafe”",
        "tiny: force of “need consent”: required, expected permitted-with-conditions",
        "tiny: force of “nowhere in the policy”: no clause, expected required",
    ]


def test_repeated_snippet_counts_once_whichever_copy_is_tagged() -> None:
    """A sentence printed twice is one label: tagged in either copy it is a single true positive."""
    gold = {"policy": "twice", "topics": {"pupil-contact": {"positive": ["must not message pupils"]}}}
    for tagged in ("p/1", "p/2"):
        evaluation = Evaluation()
        score_policy(gold, CLAUSES[:2], {tagged: ("pupil-contact",)}, evaluation)
        counts = evaluation.topics["pupil-contact"]
        assert (counts.tp, counts.fp, counts.fn) == (1, 0, 0)


def test_repeated_negative_counts_once() -> None:
    gold = {"policy": "twice", "topics": {"pupil-contact": {"negative": ["must not message pupils"]}}}
    evaluation = Evaluation()
    score_policy(gold, CLAUSES[:2], {"p/1": ("pupil-contact",), "p/2": ("pupil-contact",)}, evaluation)
    assert evaluation.topics["pupil-contact"].fp == 1


@pytest.mark.parametrize(
    ("counts", "precision", "recall", "f1"),
    [
        (Counts(1, 1, 1), 0.5, 0.5, 0.5),
        (Counts(0, 0, 0), 1.0, 1.0, 1.0),
        (Counts(0, 2, 0), 0.0, 1.0, 0.0),
        (Counts(3, 0, 1), 1.0, 0.75, 6 / 7),
    ],
)
def test_counts(counts: Counts, precision: float, recall: float, f1: float) -> None:
    assert (counts.precision, counts.recall) == (precision, recall)
    assert counts.f1 == pytest.approx(f1)


def test_micro_over_core_topics(scored: Evaluation) -> None:
    core = scored.micro(("pupil-contact", "personal-devices", "images", "discipline"))
    assert (core.tp, core.fp, core.fn) == (2, 2, 2)
    every = scored.micro()
    assert (every.tp, every.fp, every.fn) == (2, 2, 2)


def test_stance_is_scored_against_the_statement_holding_its_evidence() -> None:
    """A clause that prohibits one thing and allows another is right on both stances."""
    clause = Clause("p/9", "Staff must not text pupils. Staff may email parents with the head's approval.", number="9", force="prohibited")
    statements = {
        "p/9": (
            Statement("p/9~1", "p/9", 1, "Staff must not text pupils.", Force.PROHIBITED, "“must not”"),
            Statement("p/9~2", "p/9", 2, "Staff may email parents with the head's approval.", Force.PERMITTED_WITH_CONDITIONS, "“may” with conditions"),
        )
    }
    gold = {
        "policy": "tiny",
        "stances": [
            {"topic": "pupil-contact", "stance": "prohibited", "evidence": "must not text pupils"},
            {"topic": "parent-contact", "stance": "permitted-with-conditions", "evidence": "may email parents with the head's approval"},
            # Evidence running over both statements is scored against the one it starts in.
            {"topic": "pupil-contact", "stance": "prohibited", "evidence": "text pupils. Staff may email"},
        ],
    }
    evaluation = Evaluation()
    score_policy(gold, (clause,), {}, evaluation, statements)
    assert (evaluation.stances_right, evaluation.stances_total) == (3, 3), evaluation.misses
    without = Evaluation()
    score_policy(gold, (clause,), {}, without)  # no statements: the clause's own (summary) force
    assert (without.stances_right, without.stances_total) == (2, 3)


PROVISIONS = REPO / "tests" / "fixtures" / "provisions"


def provision_figures(out: str, name: str) -> dict[str, float]:
    """The provision-level figures of one set's report in ``out``."""
    section = out.split(f"== provisions: {name} ")[1].split("\n\n")[0]
    found = {key: figure(section, rf"^{label}: ([0-9.]+)") for key, label in (
        ("cells", "cell accuracy"),
        ("spoken", "cell accuracy where the reader or the site says something"),
        ("quoted", "quoted as the reader quoted \\(where the stance is right\\)"),
        ("differs", "differs precision"),
        ("gap_precision", "gap precision"),
        ("gap_recall", "gap recall"),
    )}
    model = re.search(r"^model clauses on provisions: (\d+); from a minority view: (\d+); sources stating another rule: (\d+)$", section, re.MULTILINE)
    assert model, section
    found["minority"], found["wrong_sources"] = float(model.group(2)), float(model.group(3))
    return found


@pytest.mark.parametrize(
    ("where", "floor"),
    [
        # Regression floors at this session's figures (the targets, 0.95 / 0.90 cells,
        # 0.90 differs, 0.95 / 0.90 gaps and no minority clause, are not met yet: see the
        # fixtures' README). Before the work: seeds 0.579 cells, dev 0.684; two sessions ago 0.821
        # and 0.730; a session ago 0.863 and 0.789, then 0.911 and 0.809. Two seed cells that were
        # right only by quoting a document's title ("GDPR statement") and an example ("staff can
        # also be parents") as the school's rule are now read as what they are, and shown wrong;
        # with the example no longer a permission, Knowsley is silent on existing friendships with
        # parents (its rule there is in a sentence the reading tags no topic), and the two gaps
        # that three schools' stances made are not shown (recall 0.808 -> 0.731).
        # "quoted": 0.653 and 0.600 when first measured. Then 0.905 / 0.809 cells; now 0.932 / 0.855
        # (investigating breaches read from the sentence that names a breach, aims of the policy
        # and own posts no rule, a club's words for what a school says, reasonable use at work).
        # Then 0.953 / 0.868 cells; dev gap precision 0.750 -> 0.714: a fostering policy's "private"
        # sentences no longer read as a stance on "what staff post ... can become public" (the
        # reader: silent, now right), and with the sister policy's wrong stance there the
        # site shows it as a gap the reader does not count.
        # Then seeds 0.947 cells, gap precision 0.875: a school's "official school email account on
        # school business" rule (the reader: separation of school and personal accounts) had been
        # matched only by a sentence on privacy settings, read as an official channel because
        # "school" stood near "social media"; now that a school's channel must be the school's
        # own, the cell is shown as a gap, and the sentence that states the rule, being e-mail,
        # is in no social media topic.
        ("seeds", {"cells": 0.945, "spoken": 0.92, "quoted": 0.72, "differs": 0.90, "gap_precision": 0.87, "gap_recall": 0.80}),
        ("dev", {"cells": 0.86, "spoken": 0.64, "quoted": 0.66, "gap_precision": 0.71, "gap_recall": 0.62}),
        # The first blind set's three whole policies, labelled blind on 2026-12-07: 0.746 cells,
        # 0.111 gap precision, 0 of 7 "differs" right at first contact; now 0.825 (a lead-in
        # that names a situation, "only on school cameras", friendships a school already has,
        # former learners, the employer's laptops, photographing pupils on a phone as an images rule).
        ("blind", {"cells": 0.82, "spoken": 0.80, "quoted": 0.74}),
    ],
)
def test_provision_gold_floors(shared_dir: Path, capsys: pytest.CaptureFixture[str], where: str, floor: dict[str, float]) -> None:
    sets = {"seeds": shared_dir / "gold", "dev": shared_dir / "dev", "blind": REPO / "tests" / "fixtures" / "reading" / "blind"}
    if not sets[where].exists():
        pytest.skip(f"{sets[where]} is not here")
    status, out = run_evaluate(sets[where], capsys, "--provisions", PROVISIONS / where)  # type: ignore[arg-type]
    assert status == 0
    found = provision_figures(out, where)
    for key, least in floor.items():
        assert found[key] >= least, (key, found[key], out)
    assert found["minority"] <= {"blind": 1}.get(where, 0) and found["wrong_sources"] <= {"seeds": 2, "dev": 6, "blind": 5}[where], out


def test_a_quote_is_the_readers_when_most_of_the_shorter_ones_words_are_in_the_other() -> None:
    sentence = "Staff must not accept friend requests from pupils on their personal accounts."
    assert quotes_evidence(sentence, "must not accept friend requests from pupils")
    assert not quotes_evidence("Data Protection", sentence)
    assert not quotes_evidence("", sentence)


@pytest.mark.parametrize(
    ("kind", "reader", "scored_as"),
    [
        (ProvisionKind("approval", "approval", (), duty=True), "permitted-with-conditions", "required"),
        (ProvisionKind("approval", "approval", (), duty=True), "prohibited", "required"),
        (ProvisionKind("approval", "approval", (), duty=True), "permitted", "permitted"),
        (ProvisionKind("disclosing", "disclosing", (), restriction=True), "required", "prohibited"),
        (ProvisionKind("family", "family", (), restriction=True, situation=True), "required", "required"),
        (ProvisionKind("action", "action", (), kind="consequence"), "permitted", "stated"),
        (ProvisionKind("action", "action", (), kind="consequence"), "silent", "silent"),
        (ProvisionKind("contact", "contact", ()), "permitted-with-conditions", "permitted-with-conditions"),
    ],
)
def test_the_readers_stance_is_scored_in_the_provisions_own_polarity(kind: ProvisionKind, reader: str, scored_as: str) -> None:
    """"May post only with approval" and "approval required" are one rule: the score reads the
    reader's stance as comparison reads a school's (``compare.in_own_polarity``)."""
    assert same_stance(kind, reader) == scored_as
