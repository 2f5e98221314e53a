"""What the compare pages and the model say must be what the schools' texts say.

A contrary school (a policy of our own wording that permits what the seed schools forbid) is
added to the five seed schools: it must be marked as differing wherever it contradicts a
majority, never become the reference wording of a provision while it is a minority, and change
no model clause. And on the seeds: every model clause states the majority's rule and cites only
schools that state it; a school's stance is never one of its exceptions.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from policy_atlas.core.analysis import Analysis, analyse
from policy_atlas.core.compare import Provision
from policy_atlas.core.corpus import load_corpus, normalise
from policy_atlas.core.merge import ModelPolicy, build_model
from policy_atlas.core.model import Force
from policy_atlas.core.taxonomy import Outline, Taxonomy
from policy_atlas.core.views.gaps import against_model, gaps_view

REPO = Path(__file__).resolve().parents[1]
CONTRARY = "contrary-academy"
CONTRARY_TEXT = """Contrary Academy: staff use of social media

1. Staff may accept friend requests from current pupils and may follow pupils on their personal social media accounts.
2. Staff are free to message pupils privately through their personal social media accounts outside school hours.
3. Staff may take photographs and video of pupils on their own personal mobile phones.
4. Staff may post photographs of pupils on their personal social media accounts.
5. Staff may criticise the school and its governors on social media.
"""
"""Our own wording of what no seed school allows: befriending, messaging, filming and posting
pupils on personal accounts, and criticising the school."""
CONTRADICTED = ("pupil-contact/personal-contact", "reputation/criticism")
"""Provisions the seeds take a clear majority on (prohibited) and the contrary school permits."""




def _site(root: Path, taxonomy: Taxonomy, outline: Outline, contrary: bool) -> tuple[Analysis, ModelPolicy]:
    shutil.copytree(REPO / "source_policies", root / "source_policies")
    if contrary:
        (root / "source_policies" / f"{CONTRARY}.txt").write_text(CONTRARY_TEXT, encoding="utf-8")
        (root / "source_policies" / f"{CONTRARY}.yml").write_text("school: Contrary Academy\n", encoding="utf-8")
    _, problems = normalise(root / "source_policies", root / "docs" / "policies", taxonomy)
    assert not [p for p in problems if p.severity.value == "error"]
    corpus = load_corpus(root / "source_policies", root / "docs" / "policies")
    analysis = analyse(corpus, taxonomy)
    names = {s.meta.slug: s.meta.school for s in corpus.schools}
    return analysis, build_model(analysis, names, outline)


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory, taxonomy: Taxonomy, outline: Outline) -> tuple[Analysis, ModelPolicy]:
    return _site(tmp_path_factory.mktemp("seeds"), taxonomy, outline, contrary=False)


@pytest.fixture(scope="module")
def with_contrary(tmp_path_factory: pytest.TempPathFactory, taxonomy: Taxonomy, outline: Outline) -> tuple[Analysis, ModelPolicy]:
    return _site(tmp_path_factory.mktemp("contrary"), taxonomy, outline, contrary=True)


def _provision(analysis: Analysis, provision_id: str) -> Provision:
    return next(p for row in analysis.matrix.rows for p in row.provisions if p.id == provision_id)


@pytest.mark.parametrize("provision_id", CONTRADICTED)
def test_the_contrary_school_differs_where_it_contradicts_the_majority(with_contrary: tuple[Analysis, ModelPolicy], provision_id: str) -> None:
    analysis, _ = with_contrary
    found = _provision(analysis, provision_id)
    stance = found.stance(CONTRARY)
    assert stance is not None and stance.force in (Force.PERMITTED, Force.PERMITTED_WITH_CONDITIONS), provision_id
    assert found.majority() is Force.PROHIBITED
    assert found.differs(CONTRARY)
    assert found in analysis.matrix.row(found.topic).differs(CONTRARY)  # the overview marks it too


def test_the_contrary_school_is_never_a_minority_reference(with_contrary: tuple[Analysis, ModelPolicy]) -> None:
    analysis, _ = with_contrary
    for row in analysis.matrix.rows:
        for provision in row.provisions:
            if provision.reference.school == CONTRARY:
                mine = provision.stance(CONTRARY)
                assert mine is not None
                assert provision.majority() is None or provision.position(mine.force) is provision.majority(), provision.id


def test_the_contrary_school_changes_no_model_clause(seeds: tuple[Analysis, ModelPolicy], with_contrary: tuple[Analysis, ModelPolicy]) -> None:
    _, before = seeds
    _, after = with_contrary
    changed = {c.provision: (c.text, c.force) for c in after.clauses}
    for clause in before.clauses:
        if clause.provision in CONTRADICTED:
            assert changed.get(clause.provision) == (clause.text, clause.force), clause.provision
    for clause in after.clauses:
        assert CONTRARY not in {s.school for s in clause.agreeing} or clause.provision not in CONTRADICTED, clause.provision
        assert clause.source.school != CONTRARY or clause.provision not in CONTRADICTED


@pytest.mark.parametrize("which", ["seeds", "with_contrary"])
def test_every_model_clause_states_the_majority_rule_and_cites_only_its_holders(which: str, request: pytest.FixtureRequest) -> None:
    analysis, model = request.getfixturevalue(which)
    provisions = {p.id: p for row in analysis.matrix.rows for p in row.provisions}
    checked = 0
    for clause in model.clauses:
        provision = provisions.get(clause.provision)
        if provision is None:
            continue
        usual = provision.majority()
        assert usual is not None and provision.position(clause.force) is usual, clause.number
        for source in clause.agreeing:
            stance = provision.stance(source.school)
            assert stance is not None and provision.position(stance.force) is usual, (clause.number, source.school)
        checked += 1
    assert checked > 10
    # one clause per provision, and never the same statement twice
    assert len({c.provision for c in model.clauses}) == len(model.clauses)
    assert len({c.source.statement for c in model.clauses}) == len(model.clauses)


def test_a_stance_is_never_one_of_its_own_exceptions(seeds: tuple[Analysis, ModelPolicy]) -> None:
    analysis, _ = seeds
    found = 0
    for row in analysis.matrix.rows:
        for provision in row.provisions:
            for stance in provision.stances:
                assert stance.member not in stance.exceptions
                found += len(stance.exceptions)
    assert found >= 1  # Knowsley allows contact where a family relationship exists


def test_knowsley_prohibits_personal_contact_with_its_family_exception_beside_it(seeds: tuple[Analysis, ModelPolicy]) -> None:
    """The issue's first example: the family exception is shown with the rule, never as the rule."""
    analysis, _ = seeds
    stance = _provision(analysis, "pupil-contact/personal-contact").stance("knowsley-model")
    assert stance is not None and stance.force is Force.PROHIBITED
    assert any("family" in m.text for m in stance.exceptions)


def test_may_and_will_lead_to_disciplinary_action_agree(seeds: tuple[Analysis, ModelPolicy]) -> None:
    analysis, model = seeds
    found = _provision(analysis, "discipline/disciplinary-action")
    assert len(found.stances) == 5 and not any(found.differs(s.school) for s in found.stances)
    assert not [n for n in model.notes if n.provision == found.id and n.kind in ("diverge", "split")]


def test_a_model_clause_shows_its_wordings_own_force_and_how_it_is_read(seeds: tuple[Analysis, ModelPolicy]) -> None:
    """A clause worded as a duty ("must be clear that content is personal") that the comparison
    reads as a prohibition ("must not speak for the school") is badged with what its sentence
    says, and says how it is read: the badge beside a sentence never contradicts it."""
    analysis, model = seeds
    own = {s.id: s.force for statements in analysis.statements.values() for s in statements}
    read_otherwise = [c for c in model.clauses if c.worded is not None]
    assert read_otherwise
    for clause in model.clauses:
        worded = own[clause.source.statement]
        if worded is clause.force:
            assert clause.worded is None and clause.reading == "", clause.number
        else:
            assert clause.worded is worded and clause.reading, clause.number


def test_a_school_that_rules_otherwise_on_a_model_clause_does_not_lack_it(seeds: tuple[Analysis, ModelPolicy]) -> None:
    """The gap report's "model clauses this policy lacks" lists only clauses on which the school
    says nothing: a school that takes another stance on the provision ("advised not to" where the
    model says "must not") words it differently, and is shown with its own sentence."""
    analysis, model = seeds
    provisions = {p.id: p for row in analysis.matrix.rows for p in row.provisions}
    names = {slug: slug for slug in analysis.matrix.schools}
    dissent = 0
    for slug in analysis.matrix.schools:
        view = against_model(gaps_view(slug, analysis.gaps.get(slug, ()), analysis.matrix, analysis.taxonomy, names), model)
        lacking = {c.number for c in view.model_missing}
        for clause in model.clauses:
            provision = provisions.get(clause.provision)
            if provision is not None and provision.stance(slug) is not None:
                assert clause.number not in lacking, (slug, clause.number)
        dissent += sum(1 for c in view.model_different if c.mine is not None and "different force" in c.mine.notes)
    assert dissent > 0


def test_no_model_clause_is_worded_by_a_statement_an_earlier_clause_cites(seeds: tuple[Analysis, ModelPolicy]) -> None:
    """A statement cited for one clause states that clause's rule: worded again under another
    provision it makes two clauses of one rule ("must not breach confidentiality" twice)."""
    _, model = seeds
    cited: set[str] = set()
    for clause in model.clauses:
        assert clause.source.statement not in cited, clause.number
        cited.update(s.statement for s in clause.agreeing)


def test_the_model_never_words_as_its_rule_what_a_drafting_note_leaves_to_a_decision(seeds: tuple[Analysis, ModelPolicy]) -> None:
    """Where too few schools state one rule on a provision, the model asks governors to decide;
    a clause of another section worded by one of those schools' statements would decide it for
    them ("report any message from a pupil to the safeguarding lead" as the model's rule)."""
    analysis, model = seeds
    undecided = {
        s.member.id
        for row in analysis.matrix.rows
        for p in row.provisions
        if not any(c.provision == p.id for c in model.clauses)
        for s in p.stances
    }
    assert undecided
    provisions = {p.id for row in analysis.matrix.rows for p in row.provisions}
    stated = [c for c in model.clauses if c.provision not in provisions]
    assert stated
    assert not [c.number for c in stated if c.source.statement in undecided]
    (safeguarding,) = [c for c in model.clauses if c.provision == "safeguarding/report-concerns"]
    assert safeguarding.force is Force.REQUIRED  # worded by a rule, not "you may have a concern"
