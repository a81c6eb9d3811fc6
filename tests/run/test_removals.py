"""The plan's removals as arrays (``verdict_plan.Removals``) read back as the decision's lists made them.

And the re-mark's lazy pointing (``driver_steps.LazyPointing``) answers as the dict of every copy.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nettoyeur.boilerplate.after_dedup import Copy
from nettoyeur.dedup.stage import make_verdict
from nettoyeur.run.driver_steps import LazyPointing
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


def _eager_pointing(plan: Plan, keep: str) -> dict:
    """The pointing as the re-mark made it before LazyPointing: every removal's Copy, up front (the oracle)."""
    pointing: dict = {}
    for pid, target, reason, ev in plan.removals:
        kept = (plan.paths[plan.doc_of[target]], int(plan.lines[target]))
        verdict = make_verdict(reason, ev, kept[0], kept[1], "", keep)
        copy = Copy(plan.paths[plan.doc_of[pid]], int(plan.lines[pid]), int(plan.indices[pid]), pid, verdict)
        pointing.setdefault(kept, []).append(copy)
    return pointing


@given(
    sizes=st.lists(st.integers(1, 4), min_size=1, max_size=6),
    data=st.data(),
    keep=st.sampled_from(["first", "longest"]),
)
@settings(max_examples=150, deadline=None)
def test_lazy_pointing_answers_as_the_dict_of_every_copy(sizes, data, keep):
    doc_of = np.repeat(np.arange(len(sizes), dtype=np.int32), sizes)
    n = len(doc_of)
    lines = np.concatenate([2 * np.arange(k, dtype=np.int32) + 1 for k in sizes])
    indices = np.concatenate([np.arange(k, dtype=np.int32) for k in sizes])
    removed = sorted(data.draw(st.sets(st.integers(0, n - 1), max_size=n - 1)))
    kept = [p for p in range(n) if p not in removed]
    targets = [data.draw(st.sampled_from(kept)) for _ in removed]
    reasons = [data.draw(st.sampled_from(["duplicate", "contained"])) for _ in removed]
    ev = [data.draw(evidence) for _ in removed]
    removals = Removals.of(removed, targets, reasons, ev)
    paths = [f"d{d}.txt" for d in range(len(sizes))]
    plan = Plan(paths, {}, np.zeros(n, dtype=np.uint32), np.zeros(len(sizes) + 1, dtype=np.int64),
                doc_of, lines, indices, removals.pid, removals)  # fmt: skip
    eager, lazy = _eager_pointing(plan, keep), LazyPointing(plan, keep)
    keys = [(paths[doc_of[p]], int(lines[p])) for p in range(n)] + [("elsewhere.txt", 1)]
    spare = Copy("z.txt", 9, 0, n, make_verdict("duplicate", (None, 1.0, 1.0), "d0.txt", 1, "", keep))
    for _ in range(data.draw(st.integers(0, 12))):
        key = data.draw(st.sampled_from(keys))
        assert (key in lazy) == (key in eager)
        action = data.draw(st.sampled_from(["pop", "add"]))
        if action == "pop" and key in eager:
            assert lazy.pop(key) == eager.pop(key)
        elif action == "pop":
            with pytest.raises(KeyError):
                lazy.pop(key)
        else:
            lazy.setdefault(key, []).append(spare)
            eager.setdefault(key, []).append(spare)
    for key in keys:
        assert (key in lazy) == (key in eager)
        if key in eager:
            assert lazy.pop(key) == eager.pop(key)
