"""Re-wrapping a policy's text as an extractor with another page width would: for tests that
ask whether ids, statements or the model depend on where lines break."""

from __future__ import annotations

import textwrap

from policy_atlas.core.model import Policy


def paragraph_blocks(policy: Policy) -> dict[int, int]:
    """First line -> last line of each stretch of source lines that ingest read as one paragraph.

    Provisions split out of one paragraph share lines, so overlapping clause spans are merged.
    """
    spans = sorted((c.source.line_start, c.source.line_end) for c in policy.clauses if c.source)
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return dict(merged)


def rewrap(text: str, policy: Policy, width: int) -> str:
    """The same policy as an extractor with another page width would give it.

    Each paragraph (the lines of one clause, or of the provisions split from one paragraph)
    is joined and wrapped again at ``width`` with textwrap, keeping its first line's indent
    and marker (number, bullet glyph). Every other line (headings, page numbers, blank lines)
    is kept as it is, and so is a line a heading shares with a clause ("Introduction 1.1").
    A paragraph that sat on one line and now takes several is followed by a blank line, as a
    PDF's paragraph spacing would show it: otherwise seeds with one line per paragraph (002,
    004) would lose every paragraph end, to a human reader too.
    """
    lines = text.split("\n")
    blocks = paragraph_blocks(policy)
    heading_lines = {heading.line for heading in policy.headings}
    out: list[str] = []
    number = 1
    while number <= len(lines):
        if number in blocks and number in heading_lines:
            end = blocks.pop(number)
            if end > number:
                blocks[number + 1] = end
        if number not in blocks:
            out.append(lines[number - 1])
            number += 1
            continue
        end = blocks[number]
        block = [line for line in lines[number - 1 : end] if line.strip()]
        indent = block[0][: len(block[0]) - len(block[0].lstrip())]
        out += textwrap.wrap(
            " ".join(line.strip() for line in block),
            width,
            initial_indent=indent,
            break_long_words=False,
            break_on_hyphens=False,
        )
        number = end + 1
        if len(block) == 1 and len(block[0]) > width and number <= len(lines) and lines[number - 1].strip():
            out.append("")
    return "\n".join(out)
