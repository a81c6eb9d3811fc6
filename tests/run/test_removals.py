"""The plan's removals as arrays (``verdict_plan.Removals``) read back as the decision's lists made them."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from nettoyeur.run.verdict_plan import Plan, Removals, no_removals

floats = st.floats(0, 1, allow_nan=False)
evidence = st.tuples(st.none() | floats, floats, floats)
removal = st.tuples(st.integers(0, 2**40), st.sampled_from(["duplicate", "contained"]), evidence)


@given(rows=st.lists(removal, max_size=30))
@settings(max_examples=200, deadline=None)
def test_removals_read_back_as_the_decision_made_them(rows):
    rows = sorted(rows, key=lambda row: row[0])
    pids = [p for p, _, _ in rows]
    targets = [p // 2 for p in pids]
    reasons = [r for _, r, _ in rows]
    ev = [e for _, _, e in rows]
    removals = Removals.of(pids, targets, reasons, ev)
    expected = list(zip(pids, targets, reasons, ev))
    got = list(removals)
    assert got == expected
    assert all(type(a) is type(b) for row, want in zip(got, expected) for a, b in zip(row[3], want[3]))
    assert removals.pid.dtype == np.int64 and len(removals) == len(rows)
    for lo in range(len(rows) + 1):
        assert list(removals.rows(lo, lo + 3)) == expected[lo : lo + 3]
    assert list(no_removals()) == []


def test_a_write_task_carries_its_documents_removals_from_the_arrays():
    # Two documents of two analysed paragraphs each; paragraph 3 removed for 0, paragraph 1 for 2.
    removals = Removals.of([1, 3], [2, 0], ["contained", "duplicate"], [(None, 0.5, 1.0), (0.75, 1.0, 1.0)])
    plan = Plan(
        paths=["a.txt", "b.txt"],
        seen={"a.txt": ("x", False, None), "b.txt": ("y", False, None)},
        codes=np.zeros(4, dtype=np.uint32),
        para_start=np.array([0, 2, 4], dtype=np.int64),
        doc_of=np.array([0, 0, 1, 1], dtype=np.int32),
        lines=np.array([0, 2, 0, 1], dtype=np.int32),
        indices=np.array([0, 1, 0, 1], dtype=np.int32),
        removed=removals.pid,
        removals=removals,
    )
    assert plan.task([0]).removals == {1: ("contained", (None, 0.5, 1.0), 2, "b.txt", 0)}
    assert plan.task([1]).removals == {3: ("duplicate", (0.75, 1.0, 1.0), 0, "a.txt", 0)}
    assert plan.task([0, 1]).removals.keys() == {1, 3}
