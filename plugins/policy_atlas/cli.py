"""The ``policy-atlas`` command: the same core functions as the MkDocs plugin, from a terminal."""

from __future__ import annotations

import argparse
import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

from .collector import build_pace
from .core.cache import classifier_for
from .core.classify import Classifier
from .core.clausetag import resolve_topics
from .core.corpus import analyse_source, load_corpus, normalise, page_overrides, page_path_for, read_page
from .core.analysis import analyse, read_analysis, with_overrides
from .core.merge import DEFAULT_THRESHOLD, Strategy, build_model
from .core.render import build_date
from .core.views import model_json, model_policy_view
from .core.files import write_atomically
from .core.wordexport import model_docx
from .templating import Templates
from .core.evaluate import Evaluation, Reading, evaluate, report
from .core.evaluate_precision import load_sample, report_precision, score_sample
from .core.evaluate_provisions import ProvisionScores, load_provision_gold, provision_gold_files, report_provisions, score_provisions
from .core.model import Clause, Diagnostic, PolicyAtlasError, Severity, Statement, shown_name
from .core.corpus import NormaliseResult
from .core.sources import Version, discover_sources, parse_date
from .core.changes import VersionText, compare_versions, current_version, pair_record, read_version
from .core.changeviews import download_name, pair_document_view
from .core.documents import read_document
from .core.trackedword import changes_docx
from .core.taxonomy import Taxonomy, load_outline, load_taxonomy


def _global_options(parser: argparse.ArgumentParser, default: object) -> None:
    """The options every command takes; added to the main parser and to each command's, so a
    user may give them before or after the command name (``normalise --project X``)."""
    parser.add_argument("--project", type=Path, default=Path(".") if default is None else default, help="project root (default: current directory)")
    parser.add_argument("--sources", type=Path, default=default, help="raw policies (default: PROJECT/source_policies)")
    parser.add_argument("--pages", type=Path, default=default, help="generated policy pages (default: PROJECT/docs/policies)")
    parser.add_argument("--taxonomy", type=Path, default=default, help="topic taxonomy (default: PROJECT/taxonomy.yml)")
    parser.add_argument("--cache-dir", type=Path, default=default, help="where policies' readings are kept (default: PROJECT/.cache/policy-atlas)")
    parser.add_argument(
        "--no-cache", action="store_true", default=False if default is None else default, help="read every policy afresh, and keep nothing"
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="policy-atlas", description=__doc__)
    _global_options(parser, None)
    # After the command, an option left out must not undo one given before it: SUPPRESS leaves
    # the main parser's value in place unless the option is given there.
    after = argparse.ArgumentParser(add_help=False)
    _global_options(after, argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", required=True)
    norm = commands.add_parser("normalise", parents=[after], help="write docs/policies/<slug>.md for every new or changed source")
    norm.add_argument("slugs", nargs="*", help="only these schools (default: all)")
    norm.add_argument("--force", action="store_true", help="overwrite pages edited by hand")
    norm.add_argument("--quiet", action="store_true", help="print only problems")
    norm.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes to read sources in (default: one per core)")
    ev = commands.add_parser("evaluate", parents=[after], help="score topics and force against hand-made gold labels")
    ev.add_argument(
        "sets", nargs="+", type=Path, metavar="SET",
        help="a folder of gold YAML files (the format of shared/gold) for the project's sources, "
        "or a folder holding gold/ and the policies/ they label; each set is scored alone and all together",
    )
    ev.add_argument("--misses", action="store_true", help="also list every snippet scored wrong")
    ev.add_argument(
        "--provisions", nargs="+", type=Path, default=[], metavar="DIR",
        help="folders of provision gold (each school's stance on each provision); each is scored on the set "
        "whose policies it names, compared together as a site compares them",
    )
    ev.add_argument(
        "--precision", type=Path, metavar="SAMPLE",
        help="a precision sample (statements drawn at random, labelled blind: tests/fixtures/precision/sample.yaml); "
        "scores topic precision and recall and force on it",
    )
    model = commands.add_parser("model", parents=[after], help="write the model merged policy as Word, Markdown or JSON")
    model.add_argument("--format", choices=("docx", "md", "json"), required=True, help="what to write")
    model.add_argument("--out", type=Path, required=True, help="the file to write")
    model.add_argument("--strategy", choices=[s.value for s in Strategy], default=Strategy.TYPICAL.value, help="how each clause's wording is chosen")
    model.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD, help="share of schools a provision needs for a clause (default 0.5)")
    model.add_argument("--outline", type=Path, help="the model outline (default: PROJECT/model_outline.yml)")
    diff = commands.add_parser("diff", help="what changed between two versions of a school's policy, as Word (tracked changes), Markdown or JSON")
    diff.add_argument("school", help="the school's slug (or the name of its folder of versions)")
    diff.add_argument("--from", dest="since", metavar="DATE", help="the older version, by its date (default: the one before the newest)")
    diff.add_argument("--to", dest="until", metavar="DATE", help="the newer version, by its date (default: the newest)")
    diff.add_argument("--format", choices=("docx", "md", "json"), required=True, help="what to write")
    diff.add_argument("--out", type=Path, help="the file to write (default: Markdown and JSON to the terminal, Word to SCHOOL-FROM-to-TO.docx)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    sources = args.sources or args.project / "source_policies"
    pages = args.pages or args.project / "docs" / "policies"
    cache = None if args.no_cache else (args.cache_dir or args.project / CACHE_DIR)
    try:
        with build_pace():
            return _run(args, sources, pages, cache)
    except PolicyAtlasError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except OSError as error:  # a folder that cannot be written, a disk that is full
        print(f"error: {shown_name(str(error.filename or ''))}: {error.strerror or error}", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace, sources: Path, pages: Path, cache: Path | None) -> int:
    """The command ``args`` names."""
    taxonomy = _taxonomy(args.taxonomy, args.project)
    if args.command == "evaluate":
        return _evaluate(sources, pages, taxonomy, args.sets, args.misses, args.provisions, args.project, args.precision)
    if args.command == "model":
        return _model(sources, pages, taxonomy, args, cache)
    if args.command == "diff":
        return _diff(sources, pages, taxonomy, args, cache)
    return _normalise(sources, pages, taxonomy, args.force, tuple(args.slugs), args.quiet, cache, args.jobs)


def _taxonomy(given: Path | None, project: Path) -> Taxonomy:
    """The taxonomy named on the command line, else the project's, else none (force only)."""
    if given is not None:
        return load_taxonomy(given)
    default = project / "taxonomy.yml"
    return load_taxonomy(default) if default.exists() else Taxonomy(())


def _evaluate(
    sources: Path, pages: Path, taxonomy: Taxonomy, sets: list[Path], misses: bool, provision_dirs: list[Path], project: Path,
    precision: Path | None = None,
) -> int:
    """Read every labelled set's policies afresh and score them, set by set and all together;
    then each folder of provision gold on the set whose policies it names."""
    classifier = Classifier(taxonomy)
    overall = Evaluation()
    read: list[dict[str, Reading]] = []
    for labelled in sets:
        gold_dir, policies_dir = (labelled / "gold", labelled / "policies") if (labelled / "gold").is_dir() else (labelled, sources)
        own = policies_dir.resolve() == sources.resolve()
        readings = _readings(policies_dir, pages if own else None, classifier)
        read.append(readings)
        result = evaluate(gold_dir, readings)
        overall.add(result)
        if len(sets) > 1:
            print(f"== {labelled.name or labelled} ({len(result.policies)} policies) ==")
        for line in result.policies:
            print(f"gold {line}")
        print(report(result, taxonomy.ids))
        if misses:
            print("\n".join(["", *result.misses]))
        print()
    if len(sets) > 1:
        print(f"== all sets ({len(overall.policies)} policies) ==")
        print(report(overall, taxonomy.ids))
    if provision_dirs:
        _evaluate_provisions(taxonomy, provision_dirs, read, misses, project)
    if precision is not None:
        _evaluate_precision(taxonomy, precision, classifier, sources, pages, misses, project)
    return 0


def _evaluate_precision(taxonomy: Taxonomy, path: Path, classifier: Classifier, sources: Path, pages: Path, misses: bool, project: Path) -> None:
    """The precision sample scored on its sources as a build reads them, set by set and together."""
    items = load_sample(path, taxonomy.ids)
    read: dict[Path, dict[str, Reading]] = {}
    statements_of: dict[str, list[Statement]] = {}
    for source in sorted({item.source for item in items}):
        file = project / source
        folder = file.parent.resolve()
        if folder not in read:
            read[folder] = {r.stem: r for r in _readings(folder, pages if folder == sources.resolve() else None, classifier).values()}
        reading = read[folder].get(file.stem)
        if reading is None:
            raise PolicyAtlasError(str(path), f"{source}: no such policy")
        statements_of[source] = [s for c in reading.clauses for s in reading.statements[c.id]]
    for name in [*sorted({item.set for item in items}), None]:
        chosen = [item for item in items if name is None or item.set == name]
        scores = score_sample(chosen, statements_of)
        print(f"== precision sample: {name or 'all'} ==")
        print(report_precision(scores, taxonomy.ids))
        if misses and name is None:
            print("\n".join(["", *scores.misses]))
        print()


def _evaluate_provisions(taxonomy: Taxonomy, folders: list[Path], read: list[dict[str, Reading]], misses: bool, project: Path) -> None:
    """Each folder of provision gold scored on the set that holds its schools, all compared together."""
    outline_path = project / "model_outline.yml"
    outline = load_outline(outline_path, taxonomy) if outline_path.exists() else None
    known = [f"{t.id}/{k.id}" for t in taxonomy.topics for k in t.provisions]
    overall = ProvisionScores()
    for folder in folders:
        labels = dict(load_provision_gold(path, known) for path in provision_gold_files(folder))
        readings = next((r for r in read if all(_slug_of(name, r) for name in labels)), None)
        if readings is None:
            raise PolicyAtlasError(str(folder), "its schools are not all in one of the sets given")
        gold = {slug: cells for name, cells in labels.items() if (slug := _slug_of(name, readings)) is not None}
        chosen = {slug: readings[slug] for slug in sorted(gold)}
        statements = {cid: found for r in chosen.values() for cid, found in r.statements.items()}
        analysis = read_analysis({slug: r.clauses for slug, r in chosen.items()}, statements, taxonomy)
        model = build_model(analysis, {slug: slug for slug in chosen}, outline) if outline is not None else None
        scores = score_provisions(gold, analysis.matrix, taxonomy, model, "")
        overall.add(scores)
        print(f"== provisions: {folder.name} ({len(gold)} schools) ==")
        print(report_provisions(scores))
        if misses:
            print("\n".join(["", *scores.misses]))
        print()
    if len(folders) > 1:
        print(f"== provisions: all ({len(folders)} sets) ==")
        print(report_provisions(overall))


def _slug_of(name: str, readings: dict[str, Reading]) -> str | None:
    """The slug of the school a provision gold file names, by slug or by its source's stem."""
    return next((slug for slug, r in readings.items() if name in (slug, r.stem)), None)


def _readings(policies_dir: Path, pages: Path | None, classifier: Classifier) -> dict[str, Reading]:
    """Every source in ``policies_dir`` read as a build would, honouring overrides in ``pages``."""
    found, _ = discover_sources(policies_dir)
    readings: dict[str, Reading] = {}
    for source in found:
        page = page_path_for(pages, source.meta.slug) if pages is not None else None
        keep = page_overrides(read_page(page, str(page)) if page is not None else None)
        _, blocks, _ = analyse_source(source, classifier, keep)
        results = classifier.classify_blocks(blocks)
        clauses = tuple(replace(b, topics=resolve_topics(b.topics)) for b in blocks if isinstance(b, Clause))
        statements = {c.id: with_overrides(results[c.id].statements, keep.get(c.id, ())) for c in clauses}
        readings[source.meta.slug] = Reading(clauses, statements, source.path.stem)
    return readings


def _model(sources: Path, pages: Path, taxonomy: Taxonomy, args: argparse.Namespace, cache: Path | None) -> int:
    """The model policy from the policy pages, as a build would make it, written to a file."""
    if not taxonomy.topics:
        raise PolicyAtlasError(str(args.project / "taxonomy.yml"), "the model policy needs a taxonomy")
    if not 0 < args.threshold <= 1:
        raise PolicyAtlasError("--threshold", f"must be above 0 and at most 1, not {args.threshold}")
    outline = load_outline(args.outline or args.project / "model_outline.yml", taxonomy)
    corpus = load_corpus(sources, pages)
    for problem in corpus.diagnostics:
        print(f"{problem.severity.value}: {problem}", file=sys.stderr)
    if not corpus.schools:
        raise PolicyAtlasError(str(pages), "no policy pages to make a model from: run `policy-atlas normalise`")
    analysis = analyse(corpus, taxonomy, classifier_for(taxonomy, cache))
    names = {s.meta.slug: s.meta.school for s in corpus.schools}
    made = build_model(analysis, names, outline, args.threshold, Strategy(args.strategy))
    today = build_date()
    content: str | bytes
    if args.format == "docx":
        content = model_docx(made, today)
    elif args.format == "json":
        content = model_json(made, taxonomy)
    else:
        content = Templates().render_markdown("model-policy.download.md.jinja", model_policy_view(made, taxonomy, today))
    try:
        write_atomically(args.out, content)
    except OSError as error:
        raise PolicyAtlasError(str(args.out), f"cannot write: {error.strerror}") from error
    print(f"wrote {shown_name(str(args.out))}: {len(made.clauses)} clauses, {len(made.notes)} drafting notes, {len(made.gaps)} gaps")
    return 0


def _diff(sources: Path, pages: Path, taxonomy: Taxonomy, args: argparse.Namespace, cache: Path | None) -> int:
    """One school's two versions compared, as the "What changed" page compares them, written out."""
    corpus = load_corpus(sources, pages)
    school = next((s for s in corpus.schools if args.school in (s.meta.slug, *(v.path.parent.name for v in s.versions[:1]))), None)
    if school is None:
        left = next((d for d in corpus.left_out if args.school in d.path), None)
        raise PolicyAtlasError(str(left.path) if left else args.school, left.message if left else "no school of this name on the site")
    if len(school.versions) < 2:
        raise PolicyAtlasError(
            school.meta.source_file, f"is the only version of this policy: keep dated versions in {sources.name}/{school.meta.slug}/ (2024-09.txt, 2025-09.txt)"
        )
    old, new = choose_versions(school.versions, args.since, args.until)
    classifier = classifier_for(taxonomy, cache)
    analysis = analyse(corpus, taxonomy, classifier)
    slug = school.meta.slug

    def text_of(version: Version) -> VersionText:
        if version == school.versions[-1]:
            return current_version(school, analysis.clauses.get(slug, ()), analysis.statements)
        return read_version(version, slug, read_document(version.path.read_bytes(), version.source_file).text, classifier)

    pair = compare_versions(slug, text_of(old), text_of(new), taxonomy, analysis.matrix)
    today = build_date()
    content: str | bytes
    if args.format == "docx":
        content = changes_docx(pair, school.meta.school, today)
    elif args.format == "json":
        content = json.dumps({"school": slug, **pair_record(pair)}, ensure_ascii=False, indent=1) + "\n"
    else:
        content = Templates().render_markdown("changes.download.md.jinja", pair_document_view(school, pair, taxonomy, today)).rstrip("\n") + "\n"
    out = args.out or (Path(download_name(pair)) if args.format == "docx" else None)
    if out is None:
        assert isinstance(content, str)
        sys.stdout.write(content)
        return 0
    try:
        write_atomically(out, content)
    except OSError as error:
        raise PolicyAtlasError(str(out), f"cannot write: {error.strerror}") from error
    counts = "no change" if pair.diff.same_words else ", ".join(f"{n} {kind}" for kind, n in {**pair.diff.counts, "force": len(pair.clause_forces)}.items() if n)
    print(f"wrote {shown_name(str(out))}: {school.meta.school}, {old.label} to {new.label}: {counts or 'no change'}")
    return 0


def choose_versions(versions: tuple[Version, ...], since: str | None, until: str | None) -> tuple[Version, Version]:
    """The two versions ``--from`` and ``--to`` name (by their date, as written or in any accepted
    form), by default the newest and the one before it; an unknown date names the versions there are."""

    def named(text: str, option: str) -> Version:
        wanted = parse_date(text)
        found = next((v for v in versions if v.label == text or (wanted is not None and v.date.value == wanted.value)), None)
        if found is None:
            raise PolicyAtlasError(option, f"no version dated {text!r}; the versions are {', '.join(v.label for v in versions)}")
        return found

    new = named(until, "--to") if until else versions[-1]
    old = named(since, "--from") if since else next((v for v in reversed(versions) if v.date.value < new.date.value), None)
    if old is None or old.date.value >= new.date.value:
        raise PolicyAtlasError("--from", f"must name a version older than {new.label}; the versions are {', '.join(v.label for v in versions)}")
    return old, new


def _normalise(
    sources: Path, pages: Path, taxonomy: Taxonomy, force: bool, only: tuple[str, ...], quiet: bool, cache: Path | None, jobs: int
) -> int:
    results, problems = normalise_in_parallel(sources, pages, taxonomy, force, only, cache, jobs)
    status = 0
    for problem in problems:
        print(f"{problem.severity.value}: {problem}", file=sys.stderr)
        if problem.severity is Severity.ERROR:
            status = 1
    for result in results:
        if result.action == "refused":
            print(f"refused: {shown_name(str(result.page))}: {result.reason}", file=sys.stderr)
            status = 1
        elif not quiet:
            print(f"{result.action}: {shown_name(str(result.page))} ({result.reason})")
            for note in result.notes:
                print(f"  note: {note}")
    return status


CACHE_DIR = Path(".cache") / "policy-atlas"
"""Where readings are kept, under the project (as the plugin keeps them beside ``mkdocs.yml``)."""

PARALLEL_FROM = 16
"""Below this many sources, starting processes costs more than it saves."""


def normalise_in_parallel(
    sources: Path, pages: Path, taxonomy: Taxonomy, force: bool, only: tuple[str, ...], cache: Path | None, jobs: int
) -> tuple[list[NormaliseResult], list[Diagnostic]]:
    """``normalise``, its sources shared out among ``jobs`` processes.

    Each source's page depends on that source alone, so the pages are the same however the
    work is shared; results and problems come back in the order one process gives them.
    """
    reserved = reserved_slugs(pages)
    found, listing = discover_sources(sources, reserved)
    slugs = [s.meta.slug for s in found if not only or s.meta.slug in only]
    unknown = _unknown_slugs(only, [s.meta.slug for s in found], sources)
    if unknown:
        return [], list(listing) + unknown
    if jobs <= 1 or len(slugs) < PARALLEL_FROM:
        return normalise(sources, pages, taxonomy, force, only, classifier_for(taxonomy, cache), reserved)
    chunks = [tuple(slugs[start::jobs]) for start in range(jobs)]
    with ProcessPoolExecutor(jobs) as pool:
        done = list(pool.map(_normalise_some, *zip(*[(sources, pages, taxonomy, force, chunk, cache, reserved) for chunk in chunks if chunk])))
    order = {slug: index for index, slug in enumerate(slugs)}
    results = sorted((r for made, _ in done for r in made), key=lambda r: order[r.slug])
    by_file = {s.meta.source_file: index for index, s in enumerate(found)}
    own = sorted(
        (p for _, some in done for p in some if p not in listing), key=lambda p: by_file.get(p.path, len(by_file))
    )  # stable: each process gives its problems in source order
    return results, list(listing) + own


SLUGS_NAMED = 10
"""How many of the known slugs an unknown one's error lists (the rest as a count)."""


def _unknown_slugs(only: tuple[str, ...], known: list[str], sources: Path) -> list[Diagnostic]:
    """An error for each school asked for by a slug no source has: a typo must not pass as
    "nothing to do"."""
    listed = ", ".join(known[:SLUGS_NAMED]) + (f" and {len(known) - SLUGS_NAMED} more" if len(known) > SLUGS_NAMED else "")
    known_set = set(known)
    return [
        Diagnostic(
            str(sources), None, "unknown-school",
            f"no school has the slug {slug!r}" + (f"; the slugs are: {listed}" if known else "; no sources were found"),
            Severity.ERROR,
        )
        for slug in dict.fromkeys(only)
        if slug not in known_set
    ]


def _normalise_some(
    sources: Path, pages: Path, taxonomy: Taxonomy, force: bool, only: tuple[str, ...], cache: Path | None, reserved: dict[str, str]
) -> tuple[list[NormaliseResult], list[Diagnostic]]:
    return normalise(sources, pages, taxonomy, force, only, classifier_for(taxonomy, cache), reserved)


def reserved_slugs(pages: Path) -> dict[str, str]:
    """The slugs the site keeps for its own pages, laid out as the plugin lays out a site whose
    schools are in the folder ``pages`` names (the plugin's default data folder)."""
    from .mkdocs_plugin.pages import SitePaths  # only normalise needs MkDocs' layout; the other commands start without it

    return SitePaths(pages.name, "data").reserved()


if __name__ == "__main__":
    sys.exit(main())
