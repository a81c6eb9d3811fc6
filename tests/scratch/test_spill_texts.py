"""SpillTexts reads back exactly the texts written, whatever the ids asked (order, repeats, files, gaps)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from nettoyeur.scratch.paragraphs import READ_GAP, SpillTexts, write_spill

# Short texts, empty ones, multi-byte characters, and texts longer than the gap under which
# neighbours are read together.
_TEXT = st.one_of(
    st.text(alphabet=st.sampled_from(list("ab é😀\n")), max_size=12),
    st.integers(READ_GAP // 2, READ_GAP * 2).map(lambda n: "x" * n),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(_TEXT, max_size=8), min_size=1, max_size=4), st.data())
def test_texts_are_read_back_exactly(files, data):
    texts = [t for f in files for t in f]
    with tempfile.TemporaryDirectory() as tmp:
        store = SpillTexts()
        offsets, lengths, first = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int32)], 0
        for k, part in enumerate(files):
            o, n = write_spill(Path(tmp) / f"{k}.txt", part)
            store.files.append(str(Path(tmp) / f"{k}.txt"))
            store.first.append(first)
            offsets.append(o)
            lengths.append(n)
            first += len(part)
        store.offsets, store.lengths = np.concatenate(offsets), np.concatenate(lengths)
        if not texts:
            assert store.texts(np.zeros(0, dtype=np.int64)) == []
            return
        pids = data.draw(st.lists(st.integers(0, len(texts) - 1), max_size=20))
        if data.draw(st.booleans()):
            pids = sorted(set(pids))
        assert store.texts(np.array(pids, dtype=np.int64)) == [texts[p] for p in pids]
