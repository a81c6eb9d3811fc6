"""The core's count of control bytes (``_core.control_bytes``) against its Python definition; the binary test."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nettoyeur import _core
from nettoyeur.text.decode import BinaryFileError, decode

# The oracle: the C0 controls other than tab, LF, VT, FF, CR and ESC, counted as decode once did.
CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20)])


def reference(data: bytes, limit: int) -> int:
    """Python's count: ``len(head) - len(head.translate(None, CONTROL_BYTES))`` of ``data[:limit]``."""
    head = data[:limit]
    return len(head) - len(head.translate(None, CONTROL_BYTES))


# Bytes drawn mostly from the control range and its neighbours, where the two could disagree.
_bytes = st.lists(st.one_of(st.integers(0, 0x20), st.integers(0, 255)), max_size=300).map(bytes)


@settings(max_examples=50, deadline=None)
@given(data=_bytes, limit=st.integers(0, 400))
def test_core_counts_as_python(data: bytes, limit: int) -> None:
    assert _core.control_bytes(data, limit) == reference(data, limit)


@pytest.mark.parametrize(
    ("data", "limit", "count"),
    [
        (bytes(range(256)), 256, 26),
        (b"\t\n\x0b\x0c\r\x1b plain text \x7f\xff", 100, 0),
        (b"\x01\x02\x03", 2, 2),
        (b"", 10, 0),
    ],
)
def test_core_count_cases(data: bytes, limit: int, count: int) -> None:
    assert _core.control_bytes(data, limit) == count == reference(data, limit)


def test_decode_refuses_more_than_one_control_byte_in_a_hundred() -> None:
    text = b"a plain line of text\n" * 100  # 2,100 bytes: 21 controls allowed
    at_limit = text + b"\x07" * 21
    assert decode(at_limit)[1] == "utf-8"
    with pytest.raises(BinaryFileError, match="control characters"):
        decode(at_limit + b"\x07")
    # Only the first 64 KiB are read: controls past them do not count.
    long = b"x" * 70000
    assert decode(long + b"\x07" * 1000)[1] == "utf-8"
    with pytest.raises(BinaryFileError):
        decode(b"\x07" * 1000 + long)
