"""The build cache: a product is kept under the hash of everything it is made from, so a change
of any input (a source, a page, the taxonomy, the outline, an option, the date, the program) is
a miss, and an entry that is damaged or someone else's is never believed."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from policy_atlas.core.buildcache import BuildCache, Inputs, code_fingerprint, key_of
from policy_atlas.core.merge import Strategy
from policy_atlas.core.product import SiteSettings, site_inputs

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def settings(tmp_path: Path) -> SiteSettings:
    """A project's inputs copied into ``tmp_path``: two sources, their pages, taxonomy and outline."""
    sources, pages = tmp_path / "source_policies", tmp_path / "docs" / "policies"
    sources.mkdir()
    pages.mkdir(parents=True)
    for slug in ("northgate-primary", "rosewood-free-school"):
        shutil.copyfile(ROOT / "source_policies" / f"{slug}.txt", sources / f"{slug}.txt")
        (pages / f"{slug}.md").write_text(f"# {slug}\n", encoding="utf-8")
    shutil.copyfile(ROOT / "taxonomy.yml", tmp_path / "taxonomy.yml")
    shutil.copyfile(ROOT / "model_outline.yml", tmp_path / "model_outline.yml")
    return SiteSettings(
        sources_dir=sources, pages_dir=pages, reserved={"index": "policies/index.md"}, taxonomy=tmp_path / "taxonomy.yml",
        outline=tmp_path / "model_outline.yml", threshold=0.5, strategy=Strategy.TYPICAL, per_page=25, today=date(2026, 1, 1),
        cache_dir=tmp_path / ".cache",
    )


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


CHANGES = {
    "a source's words": lambda s: _append(s.sources_dir / "rosewood-free-school.txt", "\nStaff must not post photographs.\n"),
    "a new source": lambda s: (s.sources_dir / "oak.txt").write_text("1. Staff must not post.\n", encoding="utf-8"),
    "a source's metadata": lambda s: (s.sources_dir / "rosewood-free-school.yml").write_text("school: Riverside\n", encoding="utf-8"),
    "a page edited by hand": lambda s: _append(s.pages_dir / "northgate-primary.md", "\nA note.\n"),
    "a page removed": lambda s: (s.pages_dir / "rosewood-free-school.md").unlink(),
    "the taxonomy": lambda s: _append(s.taxonomy, "\n# a comment is still a change of file\n"),
    "the outline": lambda s: _append(s.outline, "\n# another heading to come\n"),
    "the outline removed": lambda s: s.outline.unlink(),
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_any_change_of_a_file_the_site_reads_changes_its_key(settings: SiteSettings, change: str) -> None:
    before = site_inputs(settings).key()
    assert site_inputs(settings).key() == before  # the same files hash alike
    CHANGES[change](settings)
    assert site_inputs(settings).key() != before


OPTIONS = {
    "threshold": {"threshold": 0.6},
    "strategy": {"strategy": Strategy.STRICTEST},
    "schools per page": {"per_page": 10},
    "build date": {"today": date(2026, 1, 2)},
    "reserved slugs": {"reserved": {}},
    "another sources folder": {"sources_dir": Path("elsewhere")},
}


@pytest.mark.parametrize("option", sorted(OPTIONS))
def test_any_option_changes_the_key(settings: SiteSettings, option: str) -> None:
    assert site_inputs(replace(settings, **OPTIONS[option])).key() != site_inputs(settings).key()  # type: ignore[arg-type]


def test_where_readings_are_kept_does_not_change_the_key(settings: SiteSettings, tmp_path: Path) -> None:
    """The reading cache never changes a result, so moving it keeps the site's entry."""
    assert site_inputs(replace(settings, cache_dir=None)).key() == site_inputs(settings).key()


def test_any_change_of_the_program_changes_its_fingerprint(tmp_path: Path) -> None:
    package = tmp_path / "package"
    (package / "templates").mkdir(parents=True)
    (package / "core.py").write_text("x = 1\n", encoding="utf-8")
    (package / "templates" / "page.jinja").write_text("{{ x }}\n", encoding="utf-8")
    first = code_fingerprint(package)
    (package / "__pycache__").mkdir()
    (package / "__pycache__" / "core.pyc").write_bytes(b"compiled")
    assert code_fingerprint(package) == first  # compiled files are not the program
    (package / "templates" / "page.jinja").write_text("{{ x }}!\n", encoding="utf-8")
    second = code_fingerprint(package)
    assert second != first
    (package / "core.py").write_text("x = 2\n", encoding="utf-8")
    assert code_fingerprint(package) not in (first, second)


def test_values_cannot_run_together(tmp_path: Path) -> None:
    assert Inputs("k").add("a", "bc").key() != Inputs("k").add("a", "b").add("", "c").key()
    assert Inputs("k").add("a", "x").key() != Inputs("other").add("a", "x").key()


def test_a_product_is_made_once_then_read_back(tmp_path: Path) -> None:
    made: list[int] = []

    def make() -> dict[str, tuple[int, ...]]:
        made.append(1)
        return {"product": (1, 2, 3)}

    assert BuildCache(tmp_path).made("thing", "key-1", make) == {"product": (1, 2, 3)}
    again = BuildCache(tmp_path)
    assert again.made("thing", "key-1", make) == {"product": (1, 2, 3)}
    assert len(made) == 1 and again.hits == ["thing"]
    assert again.made("thing", "key-2", make) == {"product": (1, 2, 3)}  # another key: made again
    assert len(made) == 2
    assert len(list((tmp_path / "build").iterdir())) == 1  # the new entry replaced the old one


@pytest.mark.parametrize("damage", ["cut short", "another format", "not a pickle", "empty"])
def test_a_damaged_entry_is_a_miss(tmp_path: Path, damage: str) -> None:
    cache = BuildCache(tmp_path)
    cache.put("thing", "key", ["stored"])
    entry = tmp_path / "build" / "thing.pickle"
    data = entry.read_bytes()
    entry.write_bytes({
        "cut short": data[: len(data) - 5],
        "another format": data.replace(b"\n1 key\n", b"\n9 key\n", 1),
        "not a pickle": data[: data.index(b"key\n") + 4] + b"not a pickle",
        "empty": b"",
    }[damage])
    assert BuildCache(tmp_path).made("thing", "key", lambda: ["fresh"]) == ["fresh"]


def test_no_folder_keeps_nothing_and_unreadable_inputs_have_no_key(tmp_path: Path) -> None:
    assert BuildCache(None).made("thing", "key", lambda: 1) == 1
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "a.txt").symlink_to(folder / "missing.txt")
    assert key_of(lambda: Inputs("k").add_tree("sources", folder)) is not None  # a broken link is named, not read
    (folder / "b.txt").mkdir()
    assert key_of(lambda: Inputs("k").add_file("x", folder / "b.txt")) is None  # a folder where a file should be
