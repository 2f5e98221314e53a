"""Every id in the taxonomy and the outline is fit for an anchor, or loading names its line.

A provision id with a space ("existing relationships") reached the pages' anchor filter and ended
the build in a traceback; an id ending in a line break slipped past a check written with "$".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from policy_atlas.core.model import PolicyAtlasError
from policy_atlas.core.taxonomy import Taxonomy, load_outline, load_taxonomy

REPO = Path(__file__).resolve().parents[1]
UNFIT_IDS = ["existing relationships", "Existing", "existing<b>", "existing\\n", "exist\u00e9", "1existing", "existing/x"]


def with_id(path: Path, source: Path, old: str, new_id: str) -> int:
    """``source`` written to ``path`` with ``old`` (an ``id:`` line) given ``new_id``; that line's number."""
    lines = source.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if line.strip() == old)
    lines[index] = lines[index].replace(old.split(": ")[1], f'"{new_id}"')
    path.write_text("\n".join(lines), encoding="utf-8")
    return index + 1


@pytest.mark.parametrize("new_id", UNFIT_IDS)
@pytest.mark.parametrize("old", ["- id: existing-relationships", "- id: pupil-contact"])
def test_a_provision_or_topic_id_unfit_for_an_anchor_is_refused_at_its_line(tmp_path: Path, new_id: str, old: str) -> None:
    path = tmp_path / "taxonomy.yml"
    line = with_id(path, REPO / "taxonomy.yml", old, new_id)
    with pytest.raises(PolicyAtlasError) as caught:
        load_taxonomy(path)
    assert caught.value.line == line
    assert "must be lowercase letters, digits and hyphens" in caught.value.message


@pytest.mark.parametrize("new_id", UNFIT_IDS)
def test_an_outline_section_id_unfit_for_an_anchor_is_refused_at_its_line(tmp_path: Path, new_id: str, taxonomy: Taxonomy) -> None:
    path = tmp_path / "model_outline.yml"
    first = next(line.strip() for line in (REPO / "model_outline.yml").read_text(encoding="utf-8").split("\n") if line.strip().startswith("- id: "))
    with_id(path, REPO / "model_outline.yml", first, new_id)
    with pytest.raises(PolicyAtlasError, match="must be lowercase letters, digits and hyphens"):
        load_outline(path, taxonomy)
