"""Every data file and download of a site, made from its ``Site``: the one registry of them.

Pages are rendered by MkDocs; everything else a build publishes beside them (the open data, the
model policy's Word, Markdown and JSON, the "What changed" data and tracked-changes Word files, the
source texts) is listed here once, each named by its ``Ref``. The plugin turns each into a file
of the site and the build cache keeps the list between builds, so an unchanged site does not
write its Word files again. No MkDocs here: the CLI and the offline copy can read it alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from policy_atlas.core.cache import TextCache
from policy_atlas.core.changes import changes_json
from policy_atlas.core.changeviews import download_name
from policy_atlas.core.documents import read_document
from policy_atlas.core.opendata import clause_records, document_records, to_csv, to_json
from policy_atlas.core.product import Site
from policy_atlas.core.refs import PageKind, Ref
from policy_atlas.core.sources import source_name
from policy_atlas.core.trackedword import changes_docx
from policy_atlas.core.views import model_json
from policy_atlas.core.wordexport import model_docx
from policy_atlas.templating import Templates


@dataclass(frozen=True)
class Output:
    """A file of the site that is not a page: its contents, or the file on disk published as it is."""

    ref: Ref
    content: str | bytes | None = None
    source: Path | None = None


def data(name: str) -> Ref:
    return Ref(PageKind.DATA, name)


def site_outputs(site: Site, templates: Templates, sources_dir: Path, texts: TextCache | None) -> tuple[Output, ...]:
    """Clauses as JSON and CSV, the matrix, the model policy's downloads, the "What changed" data and
    Word files, and each source (with the text read from a Word or PDF one), in a fixed order."""
    corpus, analysis, views = site.corpus, site.analysis, site.views
    records = clause_records(corpus.schools, analysis.clauses, analysis.reasons, analysis.force_reasons, analysis.statements)
    made = [Output(data("clauses.json"), to_json(records, document_records(corpus.schools))), Output(data("clauses.csv"), to_csv(records))]
    matrix = views.matrix_json()
    if matrix is not None:
        made.append(Output(data("matrix.json"), matrix))
    if site.model is not None and views.model is not None:
        contents: dict[str, str | bytes] = {
            "model-policy.docx": model_docx(site.model, site.today),
            "model-policy.md": templates.render_markdown("model-policy.download.md.jinja", views.model),
            "model-policy.json": model_json(site.model, analysis.taxonomy),
        }
        made += [Output(ref, contents[ref.key]) for _, ref in views.model.downloads]
    if views.changes is not None:
        made.append(Output(data("changes.json"), changes_json(views.changes.pairs)))
        names = {s.meta.slug: s.meta.school for s in corpus.schools}
        for slug, pairs in views.changes.pairs.items():
            made += [Output(Ref(PageKind.DOWNLOAD, download_name(pair)), changes_docx(pair, names[slug], site.today)) for pair in pairs]
    for school in corpus.schools:
        for older in school.versions[:-1]:  # the current version is published below, with its text
            made.append(Output(data(f"sources/{source_name(older.source_file)}"), source=older.path))
        source = sources_dir / school.source_name
        made.append(Output(data(f"sources/{school.source_name}"), source=source))
        if school.extracted_name:
            raw, name = source.read_bytes(), school.meta.source_file
            made.append(Output(data(f"sources/{school.extracted_name}"), (texts.read(raw, name) if texts is not None else read_document(raw, name)).text))
    return tuple(made)
