"""The search index, without a browser: how words are read, what a record is, and the files the
browser loads (posting lists decoded back, facets, shards by hash, byte-identical output)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from policy_atlas.core.corpus import SchoolPolicy
from policy_atlas.core.model import Clause, Force, PolicyMeta, Statement
from policy_atlas.core.search import (
    IndexInput,
    SearchRecord,
    rules_in_own_words,
    _hash,
    build_index,
    clause_label,
    index_input,
    school_records,
    stem,
    terms,
)
from policy_atlas.core.views import PageKind, Ref


@pytest.mark.parametrize(
    ("word", "stemmed"),
    [
        ("photographs", "photograph"),
        ("photographing", "photograph"),
        ("photographed", "photograph"),
        ("message", "messag"),
        ("messaging", "messag"),
        ("messages", "messag"),
        ("policies", "policy"),
        ("policy", "policy"),
        ("watches", "watch"),
        ("classes", "class"),
        ("access", "access"),
        ("status", "status"),
        ("running", "run"),
        ("calling", "call"),
        ("bus", "bus"),
        ("2018", "2018"),
        ("use", "use"),
    ],
)
def test_stem(word: str, stemmed: str) -> None:
    assert stem(word) == stemmed


def test_terms_drop_apostrophes_and_stop_words_and_split_hyphens() -> None:
    assert terms("The school’s ex-pupils' Friend Requests") == ["school", "ex", "pupil", "friend", "request"]


@pytest.mark.parametrize(
    ("number", "text", "clause_id", "label"),
    [
        ("8.3", "Staff must not.", "knowsley-model/8.3", "clause 8.3"),
        ("(a)", "report concerns;", "s/4.a", "clause 4 (a)"),
        ("27.", "Staff should not.", "s/27", "clause 27"),
        (None, "Staff must not use their personal accounts for work at all", "s/x/staff-must-not", "clause “Staff must not use their personal…”"),
    ],
)
def test_clause_label(number: str | None, text: str, clause_id: str, label: str) -> None:
    assert clause_label(number, text, clause_id) == label


def _school(slug: str, name: str, clauses: tuple[Clause, ...]) -> SchoolPolicy:
    return SchoolPolicy(PolicyMeta(slug, name, "Policy", f"{slug}.txt"), Path(f"{slug}.md"), clauses)


def _statement(clause: Clause, index: int, count: int, text: str, force: Force, topics: tuple[str, ...]) -> Statement:
    return Statement(f"{clause.id}~{index}" if count > 1 else clause.id, clause.id, index, text, force, "", topics)


def test_a_clause_is_one_record_with_every_force_of_its_statements() -> None:
    clause = Clause("s/27", "Staff must not contact pupils. Staff should avoid ex-pupils.", "27", ("Conduct",), topics=("pupil-contact",), force="prohibited")
    parts = (
        _statement(clause, 1, 2, "Staff must not contact pupils.", Force.PROHIBITED, ("pupil-contact",)),
        _statement(clause, 2, 2, "Staff should avoid ex-pupils.", Force.DISCOURAGED, ("pupil-contact",)),
    )

    (record,) = school_records(_school("s", "Sample School", (clause,)), (clause,), {clause.id: parts})

    assert record == SearchRecord(
        "clause", Ref(PageKind.SCHOOL, "s", "s/27"), "Sample School, clause 27", "Conduct", clause.text, "s", "27",
        ("pupil-contact",), ("prohibited", "discouraged"),
    )


def _decode(encoded: str) -> list[tuple[int, int]]:
    """A posting list back to (record number, weight): base-36 gaps, each closed by a letter A-Z."""
    out, number = [], -1
    for gap, weight in re.findall(r"([0-9a-z]+)([A-Z])", encoded):
        number += int(gap, 36)
        out.append((number, ord(weight) - 64))
    return out


def _loaded(files: dict[str, str], name: str) -> object:
    text = files[f"{name}.js"]
    match = re.fullmatch(r'PolicyAtlasSearch\.load\("([^"]+)",(.*)\);\n', text, re.S)
    assert match and match.group(1) == name
    return json.loads(match.group(2))


def _index() -> tuple[IndexInput, dict[str, str]]:
    a = (
        Clause("a/1", "Staff should decline friend requests from pupils.", "1", ("Personal use",), topics=("pupil-contact",), force="required"),
        Clause("a/2", "Photographs need consent from parents.", "2", ("Images",), topics=("images",), force="required"),
    )
    b = (Clause("b/1", "Staff must not accept friend requests.", "1", ("Contact",), topics=("pupil-contact",), force="prohibited"),)
    schools = (_school("b-school", "Beta School", b), _school("a-school", "Alpha School", a))
    clauses = {"a-school": a, "b-school": b}
    page = SearchRecord("page", "accessibility.md", "Accessibility statement", "", "How accessible this website is.")
    data = index_input(schools, clauses, {}, [page], [("pupil-contact", "Contact with pupils"), ("images", "Images")])

    def url(ref: Ref | str) -> str:
        return ref if isinstance(ref, str) else f"{ref.key}/#{ref.fragment}"

    return data, build_index(data, url)


def test_the_index_finds_each_record_by_its_words_and_facets() -> None:
    data, files = _index()
    meta = _loaded(files, "meta")
    assert isinstance(meta, dict)
    shards = [_loaded(files, f"shard-{n}") for n in range(meta["shards"])]

    def postings(term: str) -> list[int]:
        shard = shards[_hash(term) % meta["shards"]]
        assert isinstance(shard, dict)
        return [n for n, _ in _decode(shard.get(term, ""))]

    assert meta["schools"] == ["a-school", "b-school"]  # slug order, whatever the input order
    assert meta["starts"] == [0, 2] and meta["clauses"] == 3 and meta["records"] == 4
    assert postings("friend") == [0, 2]
    assert postings("photograph") == [1]
    assert postings("alpha") == [0, 1]  # the school's name finds its clauses
    assert postings("accessibl") == [3]
    assert postings("topic:pupil-contact") == [0, 2]
    assert postings("force:prohibited") == [2]
    block = _loaded(files, "records-0")
    assert isinstance(block, list) and len(block) == 3 and meta["block"] >= 3
    assert block[2] == [
        "clause", "b-school/#b/1", "Beta School, clause 1", "Contact", "Staff must not accept friend requests.", ["pupil-contact"], ["prohibited"]
    ]
    assert _loaded(files, "records-pages") == [["page", "accessibility.md", "Accessibility statement", "", "How accessible this website is.", [], []]]


def test_a_word_in_a_clause_weighs_more_than_in_its_heading() -> None:
    _, files = _index()
    meta = _loaded(files, "meta")
    assert isinstance(meta, dict)
    shard = _loaded(files, f"shard-{_hash('imag') % meta['shards']}")
    heading_only = dict(_decode(shard["imag"]))[1]  # type: ignore[index]
    shard = _loaded(files, f"shard-{_hash('photograph') % meta['shards']}")
    in_text = dict(_decode(shard["photograph"]))[1]  # type: ignore[index]
    assert heading_only < in_text


def test_the_index_is_the_same_every_time() -> None:
    assert _index()[1] == _index()[1]


@pytest.mark.parametrize(
    ("texts_and_forces", "rules"),
    [
        ([("Staff must not post photographs of pupils.", Force.PROHIBITED)], True),
        ([("Report any concerns to the head teacher.", Force.REQUIRED)], True),  # an instruction
        ([("Child sexual abuse images.", Force.REQUIRED)], False),  # force lent by its lead-in
        ([("Viewing and possession of indecent images.", Force.NONE)], False),
        ([("This policy covers all staff.", Force.NONE), ("Staff should report concerns.", Force.REQUIRED)], True),
    ],
)
def test_a_clause_rules_in_its_own_words_or_not(texts_and_forces: list[tuple[str, Force]], rules: bool) -> None:
    clause = Clause("s/1", " ".join(t for t, _ in texts_and_forces), "1", ("Images",))
    parts = tuple(_statement(clause, i, len(texts_and_forces), t, f, ()) for i, (t, f) in enumerate(texts_and_forces, start=1))
    assert rules_in_own_words(parts) is rules
    (record,) = school_records(_school("s", "Sample School", (clause,)), (clause,), {clause.id: parts})
    assert record.rules is rules


def test_a_clause_that_rules_outweighs_one_that_only_names_the_same_words() -> None:
    """Same words, same length: the item that names images under a lead-in weighs less than the
    clause that states a rule on them."""
    ruling = Clause("s/1", "Pupils images must be kept safe.", "1", ("Images",))
    naming = Clause("s/2", "Pupils images kept in safes.", "2", ("Images",))
    statements = {
        ruling.id: (_statement(ruling, 1, 1, ruling.text, Force.REQUIRED, ()),),
        naming.id: (_statement(naming, 1, 1, naming.text, Force.REQUIRED, ()),),  # lent by a lead-in
    }
    others = tuple(Clause(f"s/{n}", f"Staff must read policy {word}.", str(n), ("Other",)) for n, word in enumerate(("one", "two", "three", "four"), start=3))
    clauses = (ruling, naming, *others)
    data = index_input((_school("s", "Sample School", clauses),), {"s": clauses}, statements, [], [])
    files = build_index(data, lambda ref: ref if isinstance(ref, str) else f"{ref.key}/#{ref.fragment}")
    meta = _loaded(files, "meta")
    assert isinstance(meta, dict)
    shard = _loaded(files, f"shard-{_hash('imag') % meta['shards']}")
    weights = dict(_decode(shard["imag"]))  # type: ignore[index]
    assert weights[0] > weights[1] >= 1
