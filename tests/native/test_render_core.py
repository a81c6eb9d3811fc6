"""The write pass's core (``_core.DocumentWriter``) against the Python path (:mod:`render_reference`).

On random documents (every line ending, blank lines of every white space, CJK, astral
characters, lone surrogates), random verdict tables, dedup removals, re-mark changes and
repaired paragraphs (some left blank), the core writes the same output bytes, report lines and
counts as ``join_kept`` and ``records``: a lone surrogate becomes U+FFFD in the output and
escapes its report line in ASCII. A plan that does not fit the document raises.
"""

from __future__ import annotations

import re

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from nettoyeur import _core
from nettoyeur.dedup.stage import QUOTED_DETAIL, make_verdict
from nettoyeur.records import Document, Verdict
from nettoyeur.report.report_file import dumps_lines_utf8, json_value
from nettoyeur.text.repair import BLANK_AFTER_REPAIR, BLANK_DETAIL
from nettoyeur.text.split import SPACES, kept_bytes, split_lines
from nettoyeur.text.split import join_kept as text_join_kept
from render_reference import render_reference
from split_reference import join_kept

LAW = settings(max_examples=300, deadline=None)

_SPECIAL = "aZ é\"\\\t\x0b\x0c\x1c\x85\xa0\u2028\u2029\u3000日本\U0001f600\x00\x07\ufeff"
words = st.text(alphabet=st.sampled_from(_SPECIAL) | st.characters(), max_size=12)
with_surrogate = st.text(alphabet=st.sampled_from(_SPECIAL + "\ud800\udfff") | st.characters(), max_size=12)
layout = st.lists(
    st.tuples(words, st.sampled_from(["\n", "\r", "\r\n", "", "\n\n", " \r\n", "\t\n"])), max_size=12
).map(lambda parts: "".join(t + e for t, e in parts))
num = st.none() | st.floats(0, 1)

boilerplate = st.builds(
    Verdict,
    st.sampled_from(["boilerplate:repeat:menu", "boilerplate:rule:cookie", "blank-after-repair"]),
    detail=st.none() | words | st.floats(0, 100),
)
dedup = st.builds(
    Verdict,
    st.sampled_from(["duplicate", "contained"]),
    kept_doc=words,
    kept_line=st.integers(1, 10**6),
    kept_text=words,
    estimated=num,
    jaccard=num,
    containment=num,
    detail=st.none() | words,
    keep=st.none() | st.sampled_from(["longest", "field:date"]),
)
# A removal as dedup hands it to the write pass: make_verdict's arguments.
removal = st.tuples(
    st.sampled_from(["duplicate", "contained", "quoted"]),
    st.tuples(num, st.floats(0, 1) | st.just(1), st.floats(0, 1)),
    words | with_surrogate,
    st.integers(1, 10**6),
    words,
)


def _writer(table: list[Verdict], keep: str = "first") -> _core.DocumentWriter:
    return _core.DocumentWriter(
        SPACES, _core.VerdictTable([v.to_dict() for v in table], json_value),
        make_verdict("d", (None, 0, 0), "", 0, "", keep).keep, QUOTED_DETAIL, (BLANK_AFTER_REPAIR, BLANK_DETAIL),
        json_value,
    )  # fmt: skip


def _surrogate(*texts: object) -> bool:
    return any(isinstance(t, str) and any("\ud800" <= c <= "\udfff" for c in t) for t in texts)


@st.composite
def documents(draw: st.DrawFn) -> dict:
    text = draw(layout | st.builds(lambda a, b: a + b, layout, with_surrogate))
    count = len(split_lines(text)[1])
    table = draw(st.lists(boilerplate, max_size=3))
    codes = draw(st.lists(st.integers(0, len(table)), min_size=count, max_size=count))
    picks = st.lists(st.integers(0, max(count - 1, 0)), unique=True, max_size=count)
    removed = sorted((n, *draw(removal)) for n in draw(picks)) if count else []
    overrides = {i: draw(st.none() | dedup | boilerplate) for i in draw(picks)} if count else {}
    names = st.sampled_from([("fix_a",), ("unescape_html", "fix_latin")])
    fixes = st.tuples(words | st.sampled_from([" ", "\xa0", ""]), names)
    repaired = sorted((i, *draw(fixes)) for i in draw(picks)) if count else []
    path = draw(st.sampled_from(["a.txt", "dir/é 日.md", 'q"\\.txt']) | with_surrogate)
    return {"text": text, "codes": codes, "removed": removed, "overrides": overrides, "repaired": repaired,
            "path": path, "table": table, "max_chars": draw(st.sampled_from([3, 50, 10**6])),
            "keep": draw(st.sampled_from(["first", "longest"]))}  # fmt: skip


def _core_render(doc: dict, lead: int = 0) -> tuple[_core.DocumentWriter, object]:
    writer = _writer(doc["table"], doc["keep"])
    codes = np.array([0] * lead + doc["codes"], dtype=np.uint32)
    overrides = [(i, None if v is None else v.to_dict()) for i, v in doc["overrides"].items()]
    done = writer.render(
        doc["text"], codes, lead, doc["max_chars"], doc["removed"], overrides, doc["repaired"], doc["path"], True
    )
    return writer, done


def _removed(doc: dict) -> list[tuple[int, Verdict]]:
    """The removals' verdicts, as the Python path makes them."""
    return [(n, make_verdict(*args, doc["keep"])) for n, *args in doc["removed"]]


@LAW
@given(documents(), st.integers(0, 3))
@example(
    {"text": "\nA\r\n\n  B\nC", "codes": [0, 1, 0], "overrides": {}, "repaired": [(0, "Ä", ("fix_a",))],
     "removed": [(1, "quoted", (None, 0.91236, 1), "k", 3, "C")], "keep": "longest",
     "path": "a.txt", "table": [Verdict("boilerplate:repeat:menu", detail="in 3 files")], "max_chars": 50},
    2,
)  # fmt: skip
def test_core_writes_what_the_python_path_writes(doc: dict, lead: int) -> None:
    writer, (n, out, lone) = _core_render(doc, lead)
    want = {**doc, "removed": _removed(doc)}
    assert lone == _surrogate(doc["text"], *(text for _, text, _ in doc["repaired"]))
    keys = ("text", "codes", "max_chars", "removed", "overrides", "repaired", "path", "table")
    want_n, want_out, want_report, want_counts = render_reference(*(want[k] for k in keys))
    assert (n, out) == (want_n, want_out)
    assert writer.take_report() == want_report
    assert writer.counts() == dict(want_counts)


def test_reports_accumulate_in_order_and_counts_add_up() -> None:
    table = [Verdict("boilerplate:repeat:menu")]
    codes = np.array([1, 0, 0, 1], dtype=np.uint32)
    writer = _writer(table)
    assert writer.render("Menu\nBody", codes, 0, 100, [], [], [], "a.txt", False) == (2, None, False)
    assert writer.render("Text\r\nMenu\r\n", codes, 2, 100, [], [], [], "b.txt", True) == (2, b"Text\r\n", False)
    assert writer.pending() > 0
    lines = writer.take_report().splitlines()
    assert b'"file": "a.txt"' in lines[0] and b'"file": "b.txt"' in lines[1]
    assert writer.counts() == {"boilerplate:repeat:menu": 2, "kept": 2}
    assert writer.take_report() == b"" and writer.pending() == 0


def test_a_plan_that_does_not_fit_raises() -> None:
    writer = _writer([Verdict("boilerplate:repeat:menu")])
    with pytest.raises(ValueError):
        writer.render("A\nB", np.array([0], dtype=np.uint32), 0, 100, [], [], [], "a", True)  # too few codes
    with pytest.raises(ValueError):
        writer.render("A", np.array([2], dtype=np.uint32), 0, 100, [], [], [], "a", True)  # past the table
    with pytest.raises(ValueError):
        writer.render("A", np.array([0], dtype=np.uint32), 2, 100, [], [], [], "a", True)  # past the codes
    with pytest.raises(ValueError):
        writer.render("A", np.array([0], dtype=np.uint32), 0, 100, [], [], [(5, "x", ("f",))], "a", True)
    with pytest.raises(TypeError):
        writer.render(None, np.array([0], dtype=np.uint32), 0, 100, [], [], [], "a", True)  # type: ignore[arg-type]
    assert writer.counts() == {} and writer.pending() == 0


def test_a_surrogate_anywhere_escapes_its_record_in_ascii_and_the_output_replaces_it() -> None:
    odd = Verdict("boilerplate:rule:\ud800x", detail="\udfff é")  # counted under its own reason, surrogate kept
    writer = _writer([odd])
    codes = np.array([1, 0], dtype=np.uint32)
    path = "dir/\udcff.txt"
    assert writer.render("A\nB\ud800é\n", codes, 0, 100, [], [], [], path, True) == (2, "B\ufffdé\n".encode(), True)
    (line,) = writer.take_report().splitlines()
    assert line.isascii() and b'"detail": "\\udfff \\u00e9"' in line and b'"file": "dir/\\udcff.txt"' in line
    assert writer.counts() == {"boilerplate:rule:\ud800x": 1, "kept": 1}
    writer = _writer([])
    codes = np.array([0, 0], dtype=np.uint32)
    remark = [(1, odd.to_dict())]
    assert writer.render("A\ud800\nB é", codes, 0, 100, [], remark, [], "a", True) == (2, "A\ufffd\n".encode(), True)
    line = writer.take_report()
    assert line.count(b"\n") == 1 and line.isascii() and b'"text": "B \\u00e9"' in line


def test_a_blank_repair_is_removed_unless_a_later_verdict_keeps_it() -> None:
    writer = _writer([])
    codes = np.array([0, 0], dtype=np.uint32)
    repaired = [(0, "\xa0", ("unescape_html",))]
    assert writer.render("&nbsp;\nB\n", codes, 0, 100, [], [], repaired, "a", True) == (2, b"B\n", False)
    assert b'"reason": "blank-after-repair"' in writer.take_report()
    kept = writer.render("&nbsp;\nB\n", codes, 0, 100, [], [(0, None)], repaired, "a", True)
    assert kept == (2, "\xa0\nB\n".encode(), False)
    assert b'"reason": "encoding:unescape_html"' in writer.take_report()
    assert writer.counts() == {"blank-after-repair": 1, "kept": 3, "repaired": 2}


def test_a_removal_of_other_types_is_written_as_json_writes_it() -> None:
    """A float's subclass (numpy's): ``to_dict`` rounds it with its own ``__round__``, ``json`` writes its ``repr``."""
    writer = _writer([])
    codes = np.array([0], dtype=np.uint32)
    odd = (0, "duplicate", (np.float64(0.123456), 1.0, 1.0), "k", 1, "t")
    assert writer.render("A", codes, 0, 100, [odd], [], [], "a", True) == (1, b"", False)
    want = dumps_lines_utf8([{"file": "a", "line": 1, "paragraph": 0, "text": "A",
                              **make_verdict(*odd[1:], "first").to_dict()}])  # fmt: skip
    assert writer.take_report() == want
    with pytest.raises(TypeError):
        writer.render("A", codes, 0, 100, [(0, 7, (None, 1.0, 1.0), "k", 1, "t")], [], [], "a", True)
    plain = (0, "duplicate", (None, 0.123456, 1), "k", 1, "t")
    assert writer.render("A", codes, 0, 100, [plain], [], [], "a", True) == (1, b"", False)
    line = writer.take_report()
    assert b'"jaccard": 0.1235' in line and b'"containment": 1,' in line and b"estimated" not in line


def test_removals_in_any_order_remove_the_same_paragraphs() -> None:
    codes = np.array([0, 0, 0], dtype=np.uint32)
    first, last = (0, "duplicate", (None, 1.0, 1.0), "k", 1, "A"), (2, "contained", (0.5, 0.5, 1.0), "k", 2, "C")
    orders = ([first, last], [last, first])
    done = [_writer([]).render("A\nB\nC\n", codes, 0, 100, order, [], [], "a", True) for order in orders]
    assert done[0] == done[1] == (3, b"B\n", False)


@LAW
@given(layout, st.data())
def test_kept_text_is_the_plain_join_kept(text: str, data: st.DataObject) -> None:
    """``text.split.join_kept`` (the core's ``kept_text``) against the plain reference, surrogates kept or replaced."""
    lines, paragraphs = split_lines(text)
    for p in paragraphs:
        if data.draw(st.booleans()):
            p.verdict = Verdict("duplicate")
        elif data.draw(st.booleans()):
            p.text = data.draw(with_surrogate)
    doc = Document("a", "utf-8", lines, paragraphs)
    want = join_kept(doc) if paragraphs else ""
    assert text_join_kept(doc) == want
    assert kept_bytes(doc) == re.sub("[\ud800-\udfff]", "\ufffd", want).encode("utf-8")
