"""Everything a build computes from the corpus: final topics with reasons, matrix, gaps, shared wording."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from .classify import Classifier
from .clausetag import overrides, resolve_topics
from .compare import Gap, Matrix, SharedPassage, all_gaps, build_matrix, shared_wording
from .corpus import Corpus, SchoolPolicy
from .model import Clause, Diagnostic, Severity, Statement
from .taxonomy import Taxonomy

BY_HAND = "added by hand in the clause tag"


@dataclass(frozen=True)
class Analysis:
    """What the site shows: ``clauses`` carry final topics (overrides applied) and current force."""

    taxonomy: Taxonomy
    clauses: dict[str, tuple[Clause, ...]]
    topics: dict[str, tuple[str, ...]]
    reasons: dict[str, dict[str, str]]
    force_reasons: dict[str, str]
    statements: dict[str, tuple[Statement, ...]]
    """Each clause's statements, by clause id, with the page's topic overrides applied."""
    matrix: Matrix
    gaps: dict[str, tuple[Gap, ...]]
    shared: tuple[SharedPassage, ...]
    diagnostics: tuple[Diagnostic, ...]


def analyse(corpus: Corpus, taxonomy: Taxonomy, classifier: Classifier | None = None) -> Analysis:
    """Classify every clause afresh, apply the pages' overrides, and compare.

    The text on the page is what is classified, so a clause a person reworded is judged as
    reworded. A page nobody edited whose written topics or force differ from what the
    taxonomy now gives is stale: the taxonomy changed after ``normalise`` ran. ``classifier``
    may keep readings in a cache (``core/cache.py``); it must be one for ``taxonomy``.
    """
    classifier = classifier or Classifier(taxonomy)
    topics: dict[str, tuple[str, ...]] = {}
    reasons: dict[str, dict[str, str]] = {}
    force_reasons: dict[str, str] = {}
    statements: dict[str, tuple[Statement, ...]] = {}
    diagnostics: list[Diagnostic] = []
    shown: dict[str, tuple[Clause, ...]] = {}
    for school in corpus.schools:
        results = classifier.classify_blocks(school.blocks)
        stale = 0
        current: list[Clause] = []
        for clause in school.clauses:
            result = results[clause.id]
            written = tuple(t for t in clause.topics if t[:1] not in "+-")
            if set(written) != set(result.topic_ids) or (clause.force or "none") != result.force:
                stale += 1
            if school.edited and clause.force and clause.force != result.force:
                diagnostics.append(_force_not_applied(clause, school, result.force))
            changes = _known_overrides(clause, school, taxonomy, diagnostics)
            topics[clause.id] = resolve_topics(result.topic_ids + changes)
            why = {tag.topic: tag.why for tag in result.topics}
            reasons[clause.id] = {t: why.get(t, BY_HAND) for t in topics[clause.id]}
            force_reasons[clause.id] = result.force_why
            statements[clause.id] = with_overrides(result.statements, changes)
            current.append(replace(clause, topics=topics[clause.id], force=result.force))
        shown[school.meta.slug] = tuple(current)
        if stale and not school.edited:
            page = f"{school.page_path.parent.name}/{school.page_path.name}"
            diagnostics.append(
                Diagnostic(page, None, "stale-topics", f"topics or force of {stale} clauses differ from {taxonomy.path or 'the taxonomy'}; run `policy-atlas normalise`", Severity.WARNING)
            )
    matrix, gaps, shared = compare(shown, statements, taxonomy)
    return Analysis(taxonomy, shown, topics, reasons, force_reasons, statements, matrix, gaps, shared, tuple(diagnostics))


def _force_not_applied(clause: Clause, school: SchoolPolicy, force: str) -> Diagnostic:
    """A warning for a ``force=`` a person changed by hand: force is read from the clause's words
    (it is the strongest of its statements'), never taken from the tag, so the edit would be lost
    without a word. A reworded clause whose force changed gets the same warning: its tag is out of date."""
    return Diagnostic(
        school.shown_page, school.tag_lines.get(clause.id), "force-not-applied",
        f"force={clause.force} on clause {clause.id!r} is not applied: force is read from the clause's words, which give "
        f"{force}; reword the clause, or set force={force} (or remove force=) to say so",
    )


def _known_overrides(clause: Clause, school: SchoolPolicy, taxonomy: Taxonomy, diagnostics: list[Diagnostic]) -> tuple[str, ...]:
    """A clause's ``+topic``/``-topic`` overrides that name a topic of the taxonomy; a warning
    naming the page and line for each that does not (it is not applied)."""
    changes = overrides(clause.topics)
    unknown = [c for c in changes if taxonomy.get(c[1:]) is None]
    for change in unknown:
        diagnostics.append(
            Diagnostic(school.shown_page, school.tag_lines.get(clause.id), "unknown-topic", f"topic override {change} on clause {clause.id!r}: no topic {change[1:]!r} in {taxonomy.path or 'the taxonomy'}; not applied")
        )
    return tuple(c for c in changes if c not in unknown)


def read_analysis(
    clauses: Mapping[str, tuple[Clause, ...]], statements: Mapping[str, tuple[Statement, ...]], taxonomy: Taxonomy
) -> Analysis:
    """The analysis of policies read in memory (``evaluate``): no pages, so no reasons or diagnostics."""
    matrix, gaps, shared = compare(clauses, statements, taxonomy)
    topics = {c.id: tuple(c.topics) for cs in clauses.values() for c in cs}
    return Analysis(taxonomy, dict(clauses), topics, {}, {}, dict(statements), matrix, gaps, shared, ())


def compare(
    clauses: Mapping[str, tuple[Clause, ...]], statements: Mapping[str, tuple[Statement, ...]], taxonomy: Taxonomy
) -> tuple[Matrix, dict[str, tuple[Gap, ...]], tuple[SharedPassage, ...]]:
    """The comparison of the schools' statements: matrix, gaps per school, shared wording."""
    matrix = build_matrix(clauses, statements, taxonomy)
    return matrix, all_gaps(matrix), shared_wording(clauses)


def with_overrides(statements: tuple[Statement, ...], changes: tuple[str, ...]) -> tuple[Statement, ...]:
    """A person's ``+topic`` / ``-topic`` on a clause, applied to each of its statements.

    An override names the clause, not a statement: a removed topic leaves every statement,
    an added one is given to every statement, since a person said the whole clause is about it.
    """
    if not changes:
        return statements
    out = []
    for statement in statements:
        topics = resolve_topics(statement.topics + changes)
        reasons = dict(statement.topic_reasons)
        out.append(replace(statement, topics=topics, topic_reasons=tuple((t, reasons.get(t, BY_HAND)) for t in topics)))
    return tuple(out)

