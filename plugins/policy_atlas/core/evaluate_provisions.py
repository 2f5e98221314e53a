"""Score the comparison against provision-level gold: each school's stance on each provision.

A provision gold file (``tests/fixtures/provisions/<set>/<slug>.yaml``) says, for every provision
of the taxonomy, the school's stance as a careful reader sees it (``silent`` when nothing the
school says addresses it), with the evidence. A set's policies are compared *together*, as a
site would compare them, and scored:

- **cell accuracy**: the share of (school, provision) cells whose stance is the reader's, over
  every cell and over the cells where the reader or the site says something;
- **"differs" precision**: of the cells marked as differing from the majority, the share where
  the reader's stances make the school differ too;
- **gap precision and recall**: a gap is a school silent on a provision more than half of the
  other schools address;
- **quoted as the reader quoted**: of the cells where the site and the reader agree on a stance,
  the share whose quoted statement (or a repeat of it) is the reader's evidence. A school may say
  its rule more than once and the reader quotes one place, so this is a floor; what it catches is
  the right force shown on the wrong sentence (a purpose clause, an example, the wrong list item);
- **model**: model clauses whose stance is not the majority's of the schools that address the
  provision (a minority view), and sources cited for a clause whose school states another rule.

Stances are compared in the provision's own terms: on a *consequence* ("a breach may / will lead
to disciplinary action") every stance that states the consequence is the same stance, as the gold
README asks: the difference in firmness is a detail, not a disagreement.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .compare import STATING, Matrix, all_gaps, in_own_polarity
from .merge import ModelPolicy
from .model import Force, PolicyAtlasError
from .taxonomy import ProvisionKind, Taxonomy
from .text import words
from .yamlread import safe_load

SILENT = "silent"
STATED = "stated"
STANCES = frozenset({*(f.value for f in Force if f is not Force.NONE), SILENT})


def same_stance(kind: ProvisionKind, stance: str) -> str:
    """A stance as comparison sees it: on a consequence (or a commitment that answers a breach,
    as investigating one does), any statement of it is one stance
    (the forces ``compare.STATING`` names, as ``compare.agreed_position`` weighs them); on a
    duty or a restriction, the rule in the provision's own polarity (``compare.in_own_polarity``):
    the reader's "may post only with approval" is the site's "approval required"."""
    if stance == SILENT:
        return stance
    if kind.answers_breach and Force.of(stance) in STATING:
        return STATED
    return in_own_polarity(kind, Force.of(stance)).value


@dataclass(frozen=True)
class GoldCell:
    stance: str
    evidence: str = ""


@dataclass
class Ratio:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += ok
        self.total += 1

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 1.0

    def __str__(self) -> str:
        return f"{self.value:.3f} ({self.right}/{self.total})"


@dataclass
class ProvisionScores:
    cells: Ratio = field(default_factory=Ratio)
    spoken: Ratio = field(default_factory=Ratio)
    quoted: Ratio = field(default_factory=Ratio)
    differs: Ratio = field(default_factory=Ratio)
    gap_precision: Ratio = field(default_factory=Ratio)
    gap_recall: Ratio = field(default_factory=Ratio)
    model_clauses: int = 0
    minority: int = 0
    wrong_sources: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: ProvisionScores) -> None:
        for name in ("cells", "spoken", "quoted", "differs", "gap_precision", "gap_recall"):
            mine, theirs = getattr(self, name), getattr(other, name)
            mine.right += theirs.right
            mine.total += theirs.total
        self.model_clauses += other.model_clauses
        self.minority += other.minority
        self.wrong_sources += other.wrong_sources
        self.misses.extend(other.misses)


def load_provision_gold(path: Path, known: Iterable[str]) -> tuple[str, dict[str, GoldCell]]:
    """A gold file's school slug and its cells by provision id (only provisions the taxonomy has)."""
    try:
        data = safe_load(path.read_text(encoding="utf-8"), str(path))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise PolicyAtlasError(str(path), f"cannot read provision gold: {error}") from error
    if not isinstance(data, dict) or not isinstance(data.get("provisions"), dict) or "policy" not in data:
        raise PolicyAtlasError(str(path), "not provision gold: expected 'policy' and a mapping 'provisions'")
    cells: dict[str, GoldCell] = {}
    wanted = set(known)
    for provision, raw in data["provisions"].items():
        if provision not in wanted:
            continue
        stance = str((raw or {}).get("stance", ""))
        if stance not in STANCES:
            raise PolicyAtlasError(str(path), f"{provision}: unknown stance {stance!r}")
        cells[provision] = GoldCell(stance, str((raw or {}).get("evidence", "")))
    missing = sorted(wanted - set(cells))
    if missing:
        raise PolicyAtlasError(str(path), f"no stance for {', '.join(missing)}")
    return str(data["policy"]), cells


def _majority(stances: Iterable[str]) -> str | None:
    """The stance more than half of those that address the provision take, when two or more do."""
    spoken = [s for s in stances if s != SILENT]
    if not spoken:
        return None
    stance, count = Counter(spoken).most_common(1)[0]
    return stance if count >= 2 and count * 2 > len(spoken) else None


def quotes_evidence(quoted: str, evidence: str) -> bool:
    """Whether a statement the site quotes is the passage a reader quoted as evidence: most of the
    shorter one's words are in the longer (they are cut at different places: a sentence, a list
    item, a snippet of either)."""
    mine, theirs = set(words(quoted.lower())), set(words(evidence.lower()))
    if not mine or not theirs:
        return False
    shorter = min(mine, theirs, key=len)
    return len(mine & theirs) >= 0.6 * len(shorter)


def score_provisions(
    gold: Mapping[str, Mapping[str, GoldCell]], matrix: Matrix, taxonomy: Taxonomy, model: ModelPolicy | None = None, name: str = ""
) -> ProvisionScores:
    """Score one set's comparison (``matrix``, and ``model`` when given) against ``gold``: school
    slug -> provision id -> the reader's stance."""
    scores = ProvisionScores()
    kinds = {f"{t.id}/{k.id}": k for t in taxonomy.topics for k in t.provisions}
    schools = sorted(gold)
    provisions = {p.id: p for row in matrix.rows for p in row.provisions}
    gaps = all_gaps(matrix, schools)
    ours_gaps = {(g.school, g.provision.id) for found in gaps.values() for g in found if g.kind == "missing"}
    for provision_id, kind in kinds.items():
        provision = provisions.get(provision_id)
        truth = {s: same_stance(kind, gold[s][provision_id].stance) for s in schools}
        ours: dict[str, str] = {}
        for school in schools:
            stance = provision.stance(school) if provision else None
            ours[school] = SILENT if stance is None else same_stance(kind, stance.force.value)
            ok = ours[school] == truth[school]
            scores.cells.add(ok)
            if ours[school] != SILENT or truth[school] != SILENT:
                scores.spoken.add(ok)
            evidence = gold[school][provision_id].evidence
            if ok and stance is not None and evidence:
                quoted = any(quotes_evidence(m.with_lead_in, evidence) for m in (stance.member, *stance.repeats))
                scores.quoted.add(quoted)
                if not quoted:
                    scores.misses.append(f"{name}{school}: {provision_id}: quotes “{stance.member.text[:80]}”, reader quoted “{evidence[:80]}”")
            if not ok:
                scores.misses.append(f"{name}{school}: {provision_id}: ours {ours[school]}, gold {truth[school]}" + (f" (“{evidence[:80]}”)" if evidence else ""))
        usual = _majority(truth.values())
        for school in schools:
            if provision is not None and provision.differs(school):
                right = usual is not None and truth[school] not in (SILENT, usual)
                scores.differs.add(right)
                if not right:
                    scores.misses.append(f"{name}{school}: {provision_id}: marked as differing, gold {truth[school]} (majority {usual})")
            others = [truth[o] for o in schools if o != school]
            gold_gap = truth[school] == SILENT and sum(1 for o in others if o != SILENT) * 2 > len(others)
            our_gap = (school, provision_id) in ours_gaps
            if our_gap:
                scores.gap_precision.add(gold_gap)
            if gold_gap:
                scores.gap_recall.add(our_gap)
                if not our_gap:
                    scores.misses.append(f"{name}{school}: {provision_id}: a gap the site does not show")
            if our_gap and not gold_gap:
                scores.misses.append(f"{name}{school}: {provision_id}: gap shown, gold {truth[school]}")
    if model is not None:
        for clause in model.clauses:
            clause_kind = kinds.get(clause.provision)
            if clause_kind is None:
                continue
            scores.model_clauses += 1
            truth = {s: same_stance(clause_kind, gold[s][clause.provision].stance) for s in schools}
            mine = same_stance(clause_kind, clause.force.value)
            counts = Counter(v for v in truth.values() if v != SILENT)
            if counts and counts.get(mine, 0) < max(counts.values()):
                scores.minority += 1
                scores.misses.append(f"{name}model {clause.number} ({clause.provision}): {mine}, schools say {dict(counts)}")
            for source in clause.agreeing:
                if source.school in truth and truth[source.school] != mine:
                    scores.wrong_sources += 1
                    scores.misses.append(f"{name}model {clause.number} ({clause.provision}) cites {source.school}, which is {truth[source.school]}, as {mine}")
    return scores


def report_provisions(scores: ProvisionScores) -> str:
    return "\n".join(
        [
            f"cell accuracy: {scores.cells}",
            f"cell accuracy where the reader or the site says something: {scores.spoken}",
            f"quoted as the reader quoted (where the stance is right): {scores.quoted}",
            f"differs precision: {scores.differs}",
            f"gap precision: {scores.gap_precision}",
            f"gap recall: {scores.gap_recall}",
            f"model clauses on provisions: {scores.model_clauses}; from a minority view: {scores.minority}; sources stating another rule: {scores.wrong_sources}",
        ]
    )


def provision_gold_files(folder: Path) -> list[Path]:
    files = sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml")) if folder.is_dir() else []
    if not files:
        raise PolicyAtlasError(str(folder), "no provision gold files (*.yaml) here")
    return files

