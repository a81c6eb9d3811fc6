"""The write pass's core (``_core.DocumentWriter``) against the Python path (:mod:`render_reference`).

On random documents (every line ending, blank lines of every white space, CJK, astral
characters, lone surrogates), random verdict tables, dedup removals, re-mark changes and
repaired paragraphs, the core writes the same output bytes, report lines and counts as
``join_kept`` and ``records``, or hands the document back where only Python writes it exactly
(a lone surrogate, a paragraph repair left blank that no verdict covers). A plan that does not
fit the document raises.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from nettoyeur import _core
from nettoyeur.dedup.stage import QUOTED_DETAIL, make_verdict
from nettoyeur.records import Verdict
from nettoyeur.text.split import SPACES, split_lines
from render_reference import render_reference

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
        SPACES, _core.VerdictTable([v.to_dict() for v in table]), make_verdict("d", (None, 0, 0), "", 0, "", keep).keep,
        QUOTED_DETAIL,
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


def _python_only(doc: dict) -> bool:
    """Whether only the Python path writes ``doc`` exactly: a lone surrogate, or a blank repair no verdict covers."""
    verdicts = [*doc["table"], *(v for _, v in _removed(doc)), *(v for v in doc["overrides"].values() if v)]
    strings = [doc["text"], doc["path"], *(r[1] for r in doc["repaired"])]
    strings += [x for v in verdicts for x in v.to_dict().values()]
    blank = any(not t.strip() for _, t, _ in doc["repaired"])
    return _surrogate(*strings) or blank


@LAW
@given(documents(), st.integers(0, 3))
@example(
    {"text": "\nA\r\n\n  B\nC", "codes": [0, 1, 0], "overrides": {}, "repaired": [(0, "Ä", ("fix_a",))],
     "removed": [(1, "quoted", (None, 0.91236, 1), "k", 3, "C")], "keep": "longest",
     "path": "a.txt", "table": [Verdict("boilerplate:repeat:menu", detail="in 3 files")], "max_chars": 50},
    2,
)  # fmt: skip
def test_core_writes_what_the_python_path_writes(doc: dict, lead: int) -> None:
    writer, done = _core_render(doc, lead)
    if done is None:
        assert _python_only(doc)
        assert writer.take_report() == b"" and writer.counts() == {}
        return
    n, out = done
    want = {**doc, "removed": _removed(doc)}
    keys = ("text", "codes", "max_chars", "removed", "overrides", "repaired", "path", "table")
    want_n, want_out, want_report, want_counts = render_reference(*(want[k] for k in keys))
    assert (n, out) == (want_n, want_out)
    assert writer.take_report() == want_report
    assert writer.counts() == dict(want_counts)


def test_reports_accumulate_in_order_and_counts_add_up() -> None:
    table = [Verdict("boilerplate:repeat:menu")]
    codes = np.array([1, 0, 0, 1], dtype=np.uint32)
    writer = _writer(table)
    assert writer.render("Menu\nBody", codes, 0, 100, [], [], [], "a.txt", False) == (2, None)
    writer.append_report(b"{python}\n")
    assert writer.render("Text\r\nMenu\r\n", codes, 2, 100, [], [], [], "b.txt", True) == (2, b"Text\r\n")
    assert writer.pending() > len(b"{python}\n")
    lines = writer.take_report().splitlines()
    assert [line[:30] for line in lines][1] == b"{python}"
    assert b'"file": "a.txt"' in lines[0] and b'"file": "b.txt"' in lines[2]
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


def test_a_verdict_the_core_does_not_write_goes_to_python() -> None:
    odd = Verdict("boilerplate:rule:x", detail="\ud800")  # a surrogate: the record is escaped in ASCII
    writer = _writer([odd])
    assert writer.render("A", np.array([1], dtype=np.uint32), 0, 100, [], [], [], "a", True) is None
    assert writer.render("A", np.array([0], dtype=np.uint32), 0, 100, [], [], [], "a", True) == (1, b"A")


def test_a_removal_of_other_types_goes_to_python() -> None:
    """A float's subclass (numpy's) or a reason that is not a string: ``to_dict`` and ``json`` have their own rules."""
    writer = _writer([])
    codes = np.array([0], dtype=np.uint32)
    for odd in [(0, "duplicate", (np.float64(0.5), 1.0, 1.0), "k", 1, "t"), (0, 7, (None, 1.0, 1.0), "k", 1, "t")]:
        assert writer.render("A", codes, 0, 100, [odd], [], [], "a", True) is None
    plain = (0, "duplicate", (None, 0.123456, 1), "k", 1, "t")
    assert writer.render("A", codes, 0, 100, [plain], [], [], "a", True) == (1, b"")
    line = writer.take_report()
    assert b'"jaccard": 0.1235' in line and b'"containment": 1,' in line and b"estimated" not in line


def test_removals_in_any_order_remove_the_same_paragraphs() -> None:
    codes = np.array([0, 0, 0], dtype=np.uint32)
    first, last = (0, "duplicate", (None, 1.0, 1.0), "k", 1, "A"), (2, "contained", (0.5, 0.5, 1.0), "k", 2, "C")
    orders = ([first, last], [last, first])
    done = [_writer([]).render("A\nB\nC\n", codes, 0, 100, order, [], [], "a", True) for order in orders]
    assert done[0] == done[1] == (3, b"B\n")
