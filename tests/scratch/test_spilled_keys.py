"""Band keys and anchors spilled by the workers (nettoyeur.scratch.paragraphs): read back whole, in order."""

from __future__ import annotations

import numpy as np
import pytest

from nettoyeur.scratch.paragraphs import ANCHOR_PARTS, ANCHOR_SHIFT, SpilledAnchors, read_at, write_anchors


def test_a_part_holds_its_anchors_in_the_order_they_were_written(tmp_path):
    rng = np.random.default_rng(11)
    keys = rng.integers(0, 2**32, 5000, dtype=np.uint64).astype(np.uint32)
    keys[:300] = keys[0]  # equal keys: their owners' order is what a stable sort keeps
    owners = np.arange(5000, dtype=np.int32)
    path = str(tmp_path / "0.anchors")
    counts = write_anchors(path, keys, owners)
    spilled = SpilledAnchors([path], [counts], [1000])
    part_of = keys >> np.uint32(ANCHOR_SHIFT)
    assert counts.tolist() == np.bincount(part_of, minlength=ANCHOR_PARTS).tolist()
    for p in range(ANCHOR_PARTS):
        got_keys, got_owners = spilled.part(p)
        assert got_keys.tolist() == keys[part_of == p].tolist()
        assert got_owners.tolist() == (owners[part_of == p] + 1000).tolist()  # in order, ids shifted by the batch's


def test_read_at_reads_the_bytes_asked_and_refuses_a_file_cut_short(tmp_path):
    path = tmp_path / "f"
    path.write_bytes(bytes(range(256)) * 4)
    assert read_at(str(path), 250, 10) == bytes([250, 251, 252, 253, 254, 255, 0, 1, 2, 3])
    with pytest.raises(OSError, match="ends before byte 1,025"):
        read_at(str(path), 1000, 25)
    with pytest.raises(FileNotFoundError):
        read_at(str(tmp_path / "gone"), 0, 1)
