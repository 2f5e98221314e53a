"""What changed between a school's versions: clause by clause, and what that means for its stances.

``versions.align`` says which clause continues which. This module reads each older version as the
site reads a policy (ingest, then the classifier), and says what a governor asks at a review: which
provisions the new version addresses with another force, which it now addresses or no longer
does, which topics it gained or lost, and, against the other schools' current policies, whether
the change brings it into line with them or away from them. The newest version is the school's
page (the truth for the site); older versions are read from their files on each build.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property

from .analysis import Analysis
from .classify import Classifier, evidence_words
from .compare import Matrix, Provision, build_matrix
from .corpus import SchoolPolicy
from .ingest import parse_policy
from .model import Clause, Diagnostic, Force, Heading, PolicyAtlasError, Severity, Statement
from .sources import Version, source_name
from .taxonomy import Taxonomy
from .versions import ClauseChange, VersionDiff, align


@dataclass(frozen=True, kw_only=True)
class VersionText:
    """One version as the site reads it: its blocks (clauses with topics and force) and statements."""

    version: Version
    blocks: tuple[Heading | Clause, ...]
    statements: Mapping[str, tuple[Statement, ...]]
    current: bool
    """The school's current policy: its clauses are those of its page, where links land."""

    @property
    def clauses(self) -> tuple[Clause, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Clause))


def read_version(version: Version, slug: str, text: str, classifier: Classifier) -> VersionText:
    """An older version, from its text, read and classified as a policy page would be."""
    policy = parse_policy(text, slug, version.source_file)
    results = classifier.classify_blocks(policy.blocks)
    blocks = tuple(
        b if isinstance(b, Heading) else Clause(
            id=b.id, text=b.text, number=b.number, heading=b.heading, parent=b.parent,
            topics=results[b.id].topic_ids, force=results[b.id].force, source=b.source,
        )
        for b in policy.blocks
    )
    return VersionText(version=version, blocks=blocks, statements={k: r.statements for k, r in results.items()}, current=False)


def current_version(school: SchoolPolicy, clauses: tuple[Clause, ...], statements: Mapping[str, tuple[Statement, ...]]) -> VersionText:
    """The newest version as the site shows it: the page's headings and the analysis' clauses."""
    by_id = {c.id: c for c in clauses}
    blocks = tuple(by_id.get(b.id, b) if isinstance(b, Clause) else b for b in school.blocks)
    return VersionText(version=school.versions[-1], blocks=blocks, statements={c.id: statements.get(c.id, ()) for c in clauses}, current=True)


@dataclass(frozen=True, kw_only=True)
class ProvisionChange:
    """A provision the school's stance on changed: its force, or whether it is addressed at all.

    ``before``/``after`` are None where that version takes no stance. ``others`` is how many other
    schools take a stance on it now; ``agree_before``/``agree_after``, how many of them take the
    position the school took before and takes now (a consequence's "may" and "will" are one).
    """

    topic: str
    provision: str
    label: str
    rule_kind: str
    before: Force | None
    after: Force | None
    others: int = 0
    agree_before: int = 0
    agree_after: int = 0

    @property
    def kind(self) -> str:
        """``gained`` (newly addressed), ``lost`` (no longer addressed) or ``force`` (another force)."""
        return "gained" if self.before is None else "lost" if self.after is None else "force"


@dataclass(frozen=True, kw_only=True)
class ClauseForce:
    """A clause that continues into the new version with another force."""

    change: ClauseChange
    before: Force
    after: Force


@dataclass(frozen=True, kw_only=True)
class VersionPair:
    """Two consecutive versions of one school's policy and everything that changed between them."""

    slug: str
    old: VersionText
    new: VersionText
    diff: VersionDiff
    provisions: tuple[ProvisionChange, ...]
    topics_gained: tuple[str, ...]
    topics_lost: tuple[str, ...]

    @cached_property
    def clause_forces(self) -> tuple[ClauseForce, ...]:
        """Every clause continued with another force (the strongest of its statements)."""
        found = []
        for change in self.diff.changes:
            if (forces := change.forces) is not None:
                found.append(ClauseForce(change=change, before=forces[0], after=forces[1]))
        return tuple(found)

    @property
    def key(self) -> str:
        """The pair as pages and data name it: ``2024-09..2025-09``."""
        return f"{self.old.version.label}..{self.new.version.label}"


Stances = dict[tuple[str, str], tuple[Provision, Force]]


def _stances(slug: str, text: VersionText, taxonomy: Taxonomy) -> Stances:
    """The version's stance on each provision it addresses, by (topic, provision), read on its own."""
    matrix = build_matrix({slug: text.clauses}, text.statements, taxonomy)
    found: Stances = {}
    for row in matrix.rows:
        for provision in row.provisions:
            force = provision.force_of(slug)
            if force is not None:
                found[(row.topic, provision.id)] = (provision, force)
    return found


def _topics(text: VersionText) -> set[str]:
    return {t for statements in text.statements.values() for s in statements for t in s.topics}


def _against_others(slug: str, key: tuple[str, str], site: Matrix | None) -> tuple[Provision | None, list[Force]]:
    """The site's provision and the other schools' forces on it (their current policies)."""
    if site is None or key[0] not in {r.topic for r in site.rows}:
        return None, []
    provision = next((p for p in site.row(key[0]).provisions if p.id == key[1]), None)
    if provision is None:
        return None, []
    return provision, [s.force for s in provision.stances if s.school != slug]


def _continued(diff: VersionDiff) -> tuple[dict[str, str], dict[str, str]]:
    """For each clause that continues into the other version, the words it continues as: old
    clause id to the new side's text (with its headings), and new clause id to the old side's."""
    forward: dict[str, str] = {}
    backward: dict[str, str] = {}
    for change in diff.clauses:
        if change.old and change.new:
            new_words = " ".join(" ".join((*c.heading, c.text)) for c in change.new).lower()
            old_words = " ".join(" ".join((*c.heading, c.text)) for c in change.old).lower()
            forward.update((c.id, new_words) for c in change.old)
            backward.update((c.id, old_words) for c in change.new)
    return forward, backward


def still_said(topic: str, statement: Statement, continued: Mapping[str, str]) -> bool:
    """Whether the words that put a statement on a topic are all still there in the clause that
    continues it in the other version: then a stance gained or lost there is the reading's, not
    the policy's ("shall not post any data, documents, photographs" reworded "shall not post and/or
    disseminate in any way any data, documents, photographs" still says what it said)."""
    words = continued.get(statement.clause_id)
    quoted = evidence_words(statement.reason_for(topic) or "")
    return words is not None and bool(quoted) and all(q.lower() in words for q in quoted)


def _stance_statement(slug: str, found: tuple[Provision, Force]) -> Statement | None:
    stance = found[0].stance(slug)
    return stance.member.statement if stance is not None else None


def compare_versions(slug: str, old: VersionText, new: VersionText, taxonomy: Taxonomy, site: Matrix | None) -> VersionPair:
    """Everything that changed from ``old`` to ``new``, set against the other schools in ``site``.

    A provision or topic is newly addressed, or no longer, only where the words changed: where the
    clause that said it continues with the words it was read on, a difference in how the two
    versions are read says nothing of what the school changed, and no change is claimed."""
    diff = align(old.blocks, new.blocks)
    forward, backward = _continued(diff)
    before, after = _stances(slug, old, taxonomy), _stances(slug, new, taxonomy)
    changes: list[ProvisionChange] = []
    for key in [*after, *(k for k in before if k not in after)]:
        was, now = before.get(key), after.get(key)
        if was is not None and now is not None and was[0].position(was[1]) is now[0].position(now[1]):
            continue
        if now is None and was is not None and (said := _stance_statement(slug, was)) is not None and still_said(key[0], said, forward):
            continue
        if was is None and now is not None and (said := _stance_statement(slug, now)) is not None and still_said(key[0], said, backward):
            continue
        provision = now[0] if now is not None else before[key][0]
        on_site, others = _against_others(slug, key, site)
        weigh = on_site or provision

        def agreeing(force: Force | None) -> int:
            return 0 if force is None else sum(weigh.position(f) is weigh.position(force) for f in others)

        changes.append(
            ProvisionChange(
                topic=key[0], provision=key[1], label=provision.label, rule_kind=provision.rule_kind,
                before=was[1] if was else None, after=now[1] if now else None, others=len(others),
                agree_before=agreeing(was[1] if was else None), agree_after=agreeing(now[1] if now else None),
            )
        )
    order = {t.id: n for n, t in enumerate(taxonomy.topics)}
    changes.sort(key=lambda c: ({"force": 0, "gained": 1, "lost": 2}[c.kind], order.get(c.topic, len(order)), c.provision))
    old_topics, new_topics = _topics(old), _topics(new)
    return VersionPair(
        slug=slug, old=old, new=new, diff=diff, provisions=tuple(changes),
        topics_gained=tuple(t for t in order if t in new_topics - old_topics and not _all_still_said(t, new, backward)),
        topics_lost=tuple(t for t in order if t in old_topics - new_topics and not _all_still_said(t, old, forward)),
    )


def _all_still_said(topic: str, text: VersionText, continued: Mapping[str, str]) -> bool:
    """Whether every statement of ``text`` on the topic is still said in the other version."""
    return all(still_said(topic, s, continued) for statements in text.statements.values() for s in statements if topic in s.topics)


def school_pairs(
    school: SchoolPolicy, clauses: tuple[Clause, ...], statements: Mapping[str, tuple[Statement, ...]], taxonomy: Taxonomy,
    site: Matrix | None, classifier: Classifier, read_text: Callable[[Version], str],
) -> tuple[VersionPair, ...]:
    """Each pair of consecutive versions of a school's policy, newest first. ``read_text`` gives
    an older version's text (raising PolicyAtlasError when it cannot)."""
    if len(school.versions) < 2:
        return ()
    texts = [read_version(v, school.meta.slug, read_text(v), classifier) for v in school.versions[:-1]]
    texts.append(current_version(school, clauses, statements))
    pairs = [compare_versions(school.meta.slug, a, b, taxonomy, site) for a, b in zip(texts, texts[1:])]
    return tuple(reversed(pairs))


def version_pairs(
    schools: tuple[SchoolPolicy, ...], analysis: Analysis, classifier: Classifier, read_text: Callable[[bytes, str], str]
) -> tuple[dict[str, tuple[VersionPair, ...]], list[Diagnostic]]:
    """Every school's version pairs (only schools with two versions or more have any), and an
    error for each school whose older version could not be read: its pairs are left out, its
    current policy stays on the site. ``read_text`` gives a file's text from its bytes and name."""
    found: dict[str, tuple[VersionPair, ...]] = {}
    problems: list[Diagnostic] = []

    def text_of(version: Version) -> str:
        try:
            data = version.path.read_bytes()
        except OSError as error:
            raise PolicyAtlasError(version.source_file, f"cannot read file: {error.strerror}") from None
        return read_text(data, version.source_file)

    for school in schools:
        slug = school.meta.slug
        try:
            found[slug] = school_pairs(school, analysis.clauses.get(slug, ()), analysis.statements, analysis.taxonomy, analysis.matrix, classifier, text_of)
        except PolicyAtlasError as error:
            problems.append(
                Diagnostic(error.path, error.line, "unreadable-version", f"{error.message}; what changed between this school's versions is not shown", Severity.ERROR)
            )
    return found, problems


def _clause_record(clause: Clause) -> dict[str, object]:
    return {"id": clause.id, "number": clause.number, "text": clause.text, "force": clause.force or Force.NONE.value}


def change_record(change: ClauseChange) -> dict[str, object]:
    """One clause change as open data: what happened, both sides, and the redline."""
    return {
        "kind": change.kind.value,
        "moved": change.moved,
        "renumbered": change.renumbered,
        "similarity": round(change.similarity, 3),
        "old": [_clause_record(c) for c in change.old],
        "new": [_clause_record(c) for c in change.new],
        "redline": [{"kind": r.kind, "text": r.text} for r in change.redline],
    }


def pair_record(pair: VersionPair) -> dict[str, object]:
    """A version pair as open data (``changes.json``, ``policy-atlas diff --format json``)."""

    def version(text: VersionText) -> dict[str, object]:
        v = text.version
        return {
            "version": v.label, "file": source_name(v.source_file), "approved_by": v.approved_by,
            "next_review": v.next_review.isoformat() if v.next_review else None, "clauses": len(text.clauses),
        }

    return {
        "from": version(pair.old),
        "to": version(pair.new),
        "no_change": pair.diff.same_words,
        "counts": {**pair.diff.counts, "force": len(pair.clause_forces)},
        "clause_changes": [change_record(c) for c in pair.diff.changes],
        "renamed_headings": [{"old": r.old.text, "new": r.new.text, "level": r.new.level, "clauses": r.clauses} for r in pair.diff.renamed],
        "force_changes": [
            {"old": [c.id for c in f.change.old], "new": [c.id for c in f.change.new], "before": f.before.value, "after": f.after.value}
            for f in pair.clause_forces
        ],
        "provision_changes": [
            {
                "topic": p.topic, "provision": p.provision, "label": p.label, "change": p.kind,
                "before": p.before.value if p.before else None, "after": p.after.value if p.after else None,
                "other_schools": p.others, "agreeing_before": p.agree_before, "agreeing_after": p.agree_after,
            }
            for p in pair.provisions
        ],
        "topics_gained": list(pair.topics_gained),
        "topics_lost": list(pair.topics_lost),
    }


def changes_json(pairs: Mapping[str, tuple[VersionPair, ...]]) -> str:
    """``data/changes.json``: per school (by slug), per version pair (newest first), every change."""
    data = {"schools": {slug: [pair_record(p) for p in pairs[slug]] for slug in sorted(pairs) if pairs[slug]}}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"

