"""Adversarial inputs for the normaliser, each made at any size: the shapes that once took
quadratic time (a line of 50,000 tabs took 86 s; 8,500 identical lines 13.5 s).

Shared by ``tests/test_hardening_slow_paths.py`` (growth, not timings) and
``benchmarks/bench_adversarial.py`` (timings at 50 KB and 5 MB).
"""

from __future__ import annotations

from collections.abc import Callable
from string import ascii_uppercase


def tabs_line(size: int) -> str:
    return "Monitoring" + "\t" * size + "\n1. Staff must not post images of pupils.\n"


def spaces_line(size: int) -> str:
    return "1. Staff must not" + " " * size + "post images of pupils.\n"


def bullets(size: int) -> str:
    item = "• staff must not share passwords with pupils\n"
    return "Staff must not:\n" + item * max(1, size // len(item))


def identical_lines(size: int) -> str:
    line = "Staff must not post.\n"
    return line * max(1, size // len(line))


def deep_numbering(size: int) -> str:
    """Numbering 1, 1.1, 1.1.1 ... to depth 50, again and again."""
    lines = [".".join(["1"] * depth) + " Staff must report concerns.\n" for depth in range(1, 51)]
    block = "".join(lines)
    return block * max(1, size // len(block))


def letters_run(size: int) -> str:
    """"A. B. C. ... Z." in one line after another: every one could start a lettered item."""
    line = " ".join(f"{c}." for c in ascii_uppercase) + "\n"
    return line * max(1, size // len(line))


def letters_one_line(size: int) -> str:
    run = " ".join(f"{c}." for c in ascii_uppercase) + " "
    return run * max(1, size // len(run)) + "\n"


def long_words_line(size: int) -> str:
    """One line of words with no full stop: a paragraph that never ends."""
    words = "staff must not share pupils details online and "
    return "1. " + words * max(1, size // len(words)) + "\n"


def long_token_line(size: int) -> str:
    return "1. Staff must not " + "x" * size + "\n"


def sentences_one_line(size: int) -> str:
    sentence = "Staff must not post images of pupils. "
    return sentence * max(1, size // len(sentence)) + "\n"


def tabbed_fragments(size: int) -> str:
    """Short tab-indented fragments on line after line: one unit that grows a line at a time
    (found by hypothesis: re-joining the unit for every line was quadratic)."""
    unit = "must \t\t§ \t\n\t"
    return "Policy\n" + unit * max(1, size // len(unit)) + "\n"


def short_lines(size: int) -> str:
    """A word and tabs on line after line: each line is asked whether it is a field label
    (found by hypothesis: that check read the whole unit, for every line)."""
    unit = "must \t\t\n"
    return "Policy\n" + unit * max(1, size // len(unit)) + "\n"


def blank_lines(size: int) -> str:
    """Nothing but line breaks (found by hypothesis: the PDF check's ``^\\s*`` re-read the run from every line)."""
    return "Policy\n" + "\n" * size


ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "tabs-line": tabs_line,
    "spaces-line": spaces_line,
    "bullets": bullets,
    "identical-lines": identical_lines,
    "deep-numbering": deep_numbering,
    "letters-run": letters_run,
    "letters-one-line": letters_one_line,
    "long-words-line": long_words_line,
    "long-token-line": long_token_line,
    "sentences-one-line": sentences_one_line,
    "tabbed-fragments": tabbed_fragments,
    "short-lines": short_lines,
    "blank-lines": blank_lines,
}


PARAGRAPH = (
    "{n}. Staff must not contact pupils on personal social media accounts, and any approach from a pupil "
    "should be reported to the designated safeguarding lead on the same day.\n"
)


def five_megabytes(size: int = 5_000_000) -> str:
    """A long policy (5 MB by default): numbered sections of numbered clauses, as a real one is laid out."""
    parts: list[str] = []
    length, section = 0, 0
    while length < size:
        section += 1
        block = f"Section {section} Conduct online\n\n" + "".join(PARAGRAPH.format(n=f"{section}.{i}") for i in range(1, 21)) + "\n"
        parts.append(block)
        length += len(block)
    return "".join(parts)
