"""A school that keeps two versions of its policy, through a real strict build: the "What changed"
pages, the links on them, the open data, and the seed schools left as they were."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import sitekit
from sitekit import element_ids

VERSIONS = Path(__file__).resolve().parents[1] / "fixtures" / "versions"
WILLOW = {
    "willow-lane.yml": "school: Willow Lane School\napproved_by: Willow Lane governors\nnext_review: 2026-01\n",
    "willow-lane/2024-09.txt": (VERSIONS / "base.txt").read_text(encoding="utf-8"),
    "willow-lane/2025-09.txt": (VERSIONS / "force-only.txt").read_text(encoding="utf-8").replace(
        "1.2 It applies to teachers", "1.2 It applies to all teachers"
    ).replace("5. Reporting worries", "5. Raising a concern"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = sitekit.make_project(tmp_path_factory.mktemp("changes") / "project", {**sitekit.CORPUS, **WILLOW})
    assert sitekit.normalise(root, "--quiet") == 0
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", sitekit.EPOCH_AFTER_REVIEW)
        return sitekit.build(root)


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_school_page_says_what_changed_in_a_governors_words(site: Path) -> None:
    page = (site / "changes" / "willow-lane" / "index.html").read_text(encoding="utf-8")
    text = text_of(page)
    assert "Now prohibits bringing the school into disrepute (was: discouraged)." in text
    assert "2 reworded, 1 heading renamed, 1 force change" in text
    assert "“5. Reporting worries” is now “5. Raising a concern” (2 clauses continue under it)." in text
    assert "Next review due: January 2026 overdue" in text
    assert "Willow Lane governors" in text
    assert '<ins><span class="pa-sr">added: </span>all</ins>' in page  # one word added, marked for screen readers


def test_every_link_on_the_changes_pages_lands_on_its_clause(site: Path) -> None:
    for page in (site / "changes" / "willow-lane" / "index.html", site / "changes" / "index.html"):
        html = page.read_text(encoding="utf-8")
        content = html[html.index('<article'):html.index('</article>')]
        for href in re.findall(r'href="([^"]+)"', content):
            parts = urlsplit(href)
            if parts.scheme or href.startswith("#") or not parts.path:
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            assert target.is_file(), href
            if parts.fragment and not parts.fragment.startswith("page="):
                assert unquote(parts.fragment) in element_ids(target.read_text(encoding="utf-8")), href


def search_rows(site: Path) -> list[list[object]]:
    """Every record of the site's search, as the browser reads it: [kind, url, title, heading, text, ...]."""
    rows: list[list[object]] = []
    for records in sorted((site / "search").glob("records-*.js")):
        text = records.read_text(encoding="utf-8")
        rows += json.loads(text[text.index(",") + 1 : text.rindex(")")])
    return rows


def test_search_finds_the_changes_pages_by_what_they_say_and_lands_on_the_pair(site: Path) -> None:
    found = {str(row[1]): row for row in search_rows(site) if str(row[1]).startswith("changes/")}
    assert set(found) == {"changes/", "changes/willow-lane/#from-2024-09-to-2025-09"}
    title, text = found["changes/willow-lane/#from-2024-09-to-2025-09"][2:5:2]
    assert title == "What changed: Willow Lane School, 2024-09 to 2025-09"
    assert "Now prohibits bringing the school into disrepute (was: discouraged)." in str(text)
    assert "Staff must not post" not in str(text)  # a changed clause's words are its own record's
    target = site / "changes" / "willow-lane" / "index.html"
    assert "from-2024-09-to-2025-09" in element_ids(target.read_text(encoding="utf-8"))


def test_the_clause_links_point_at_the_current_page_and_the_older_file(site: Path) -> None:
    html = (site / "changes" / "willow-lane" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../policies/willow-lane/#willow-lane/4.1"' in html
    assert 'href="../../data/sources/willow-lane/2024-09.txt"' in html
    assert (site / "data" / "sources" / "willow-lane" / "2024-09.txt").is_file()


def test_changes_json_has_every_change_of_the_pair(site: Path) -> None:
    data = json.loads((site / "data" / "changes.json").read_text(encoding="utf-8"))
    (pair,) = data["schools"]["willow-lane"]
    assert (pair["from"]["version"], pair["to"]["version"], pair["no_change"]) == ("2024-09", "2025-09", False)
    assert pair["counts"] == {"added": 0, "removed": 0, "moved": 0, "reworded": 2, "split": 0, "merged": 0, "renumbered": 0, "renamed_headings": 1, "force": 1}
    assert [(f["before"], f["after"]) for f in pair["force_changes"]] == [("discouraged", "prohibited")]
    assert {p["change"] for p in pair["provision_changes"]} == {"force"}


def test_the_site_page_lists_the_change_and_the_school_page_links_to_it(site: Path) -> None:
    text = text_of((site / "changes" / "index.html").read_text(encoding="utf-8"))
    assert "Willow Lane School: September 2024 to September 2025" in text
    assert "schools keep one version only" in text
    assert "what changed since the last version" in sitekit.school_html(site, "willow-lane")
    assert "what changed since the last version" not in sitekit.school_html(site, "northgate-primary")


def test_the_page_offers_the_tracked_changes_word_file(site: Path) -> None:
    html = (site / "changes" / "willow-lane" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../downloads/willow-lane-2024-09-to-2025-09.docx"' in html
    assert (site / "downloads" / "willow-lane-2024-09-to-2025-09.docx").read_bytes()[:2] == b"PK"


def test_cli_diff_writes_markdown_json_and_word(site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = site.parent
    assert sitekit.cli_main(["--project", str(project), "diff", "willow-lane", "--format", "md"]) == 0
    markdown = capsys.readouterr().out
    assert "- Now prohibits bringing the school into disrepute (was: discouraged)." in markdown
    assert "Staff [-should avoid posting-] {+must not post+} comments" in markdown
    assert sitekit.cli_main(["--project", str(project), "diff", "willow-lane", "--from", "September 2024", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["school"], data["counts"]["reworded"], data["counts"]["force"]) == ("willow-lane", 2, 1)
    out = tmp_path / "pair.docx"
    assert sitekit.cli_main(["--project", str(project), "diff", "willow-lane", "--format", "docx", "--out", str(out)]) == 0
    assert out.read_bytes()[:2] == b"PK" and "1 force" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["diff", "nobody", "--format", "md"], "error: nobody: no school of this name on the site"),
        (["diff", "northgate-primary", "--format", "md"], "error: source_policies/northgate-primary.txt: is the only version of this policy"),
        (["diff", "willow-lane", "--to", "2023-01", "--format", "md"], "error: --to: no version dated '2023-01'; the versions are 2024-09, 2025-09"),
        (["diff", "willow-lane", "--from", "2025-09", "--format", "md"], "error: --from: must name a version older than 2025-09"),
    ],
)
def test_cli_diff_says_what_is_wrong_in_one_line(site: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    assert sitekit.cli_main(["--project", str(site.parent), *args]) == 1
    err = capsys.readouterr().err
    assert err.startswith(message) and err.count("\n") == 1, err


DEV = Path(__file__).resolve().parents[3] / "shared" / "dev" / "policies"


@pytest.mark.skipif(not (DEV / "wholistic-fostering-social-media.txt").is_file(), reason="shared/dev is not beside the repository")
def test_a_real_pair_a_fostering_agencys_long_policy_and_its_short_replacement(tmp_path: Path) -> None:
    """Real texts (shared/dev: the same agency's policy and the shorter one that replaced it),
    put in a folder of versions as a new user would: a rewrite, so nothing continues, and the
    page says which stances it changed, gained and lost."""
    sources = {
        **sitekit.CORPUS,
        "wholistic-fostering.yml": "school: Wholistic Fostering\n",
        "wholistic-fostering/2024-01.txt": (DEV / "wholistic-fostering-social-media.txt").read_bytes(),
        "wholistic-fostering/2025-01.txt": (DEV / "wholistic-fostering-social-media-use.txt").read_bytes(),
    }
    root = sitekit.make_project(tmp_path / "project", sources)
    assert sitekit.normalise(root, "--quiet") == 0
    site = sitekit.build(root)
    (pair,) = json.loads((site / "data" / "changes.json").read_text(encoding="utf-8"))["schools"]["wholistic-fostering"]
    counts = pair["counts"]
    assert (counts["added"], counts["removed"], counts["moved"], counts["reworded"]) == (len(pair["clause_changes"]) - counts["removed"], counts["removed"], 0, 0)
    assert counts["removed"] > 50 and counts["added"] > 20
    kinds = {(p["label"], p["change"], p["before"], p["after"]) for p in pair["provision_changes"]}
    assert ("privacy settings on personal accounts", "force", "permitted", "required") in kinds
    page = text_of((site / "changes" / "wholistic-fostering" / "index.html").read_text(encoding="utf-8"))
    assert "Now sets requirements for privacy settings on personal accounts (was: permitted)." in page


REAL = VERSIONS / "real"


def test_two_real_pairs_in_folders_of_versions_read_as_a_reviewer_would(tmp_path: Path) -> None:
    """Two real pairs (fixtures/versions/real: a local-authority model's 2012 and 2014 versions,
    and a school board's 2012 policy and its 2021 revision), dropped in as folders of versions:
    a clause whose wording changed reads as reworded, with the changed words and no others
    marked; nothing is called moved where the order held."""
    sources: dict[str, str | bytes] = {**sitekit.CORPUS}
    for folder in ("north-tyneside-model", "sau15-social-networking"):
        sources[f"{folder}.yml"] = f"school: {folder.replace('-', ' ').title()}\n"
        for version in sorted((REAL / folder).glob("*.txt")):
            sources[f"{folder}/{version.name}"] = version.read_bytes()
    root = sitekit.make_project(tmp_path / "project", sources)
    assert sitekit.normalise(root, "--quiet") == 0
    site = sitekit.build(root)
    schools = json.loads((site / "data" / "changes.json").read_text(encoding="utf-8"))["schools"]

    def changed_words(change: dict[str, object]) -> list[tuple[str, str]]:
        return [(str(r["kind"]), str(r["text"])) for r in change["redline"] if r["kind"] != "equal"]  # type: ignore[attr-defined, index]

    def starting(pair: dict[str, object], words: str) -> dict[str, object]:
        (found,) = [c for c in pair["clause_changes"] if c["old"] and c["old"][0]["text"].startswith(words)]  # type: ignore[attr-defined, index]
        return found  # type: ignore[no-any-return]

    (model,) = schools["north-tyneside-model"]
    names = starting(model, "This document sets out the policy of")
    assert (names["kind"], changed_words(names)) == (
        "reworded", [("delete", "Waterville Primary"), ("insert", "Whitley Bay High"), ("delete", "computer based"), ("insert", "computer-based")]
    )
    assert changed_words(starting(model, "This policy has therefore been developed")) == [("insert", "(Acceptable Use Policy E24/25 in Staff Handbook)")]
    (board,) = schools["sau15-social-networking"]
    assert starting(board, "All school district employees")["kind"] == "reworded"
    for pair in (model, board):
        assert not any(c["moved"] for c in pair["clause_changes"])
        assert pair["counts"]["added"] + pair["counts"]["removed"] + pair["counts"]["reworded"] == len(pair["clause_changes"])
    page = text_of((site / "changes" / "sau15-social-networking" / "index.html").read_text(encoding="utf-8"))
    # the 2021 revision still says "shall not post ... photographs": read otherwise in its longer
    # sentence, it is no stance the board gave up, and the page must not say it is
    assert "photographs and video of pupils" not in page
    assert "No longer prohibits disclosing confidential school information (was: prohibited)." in page
