"""The spill file's bytes (``_core.spill_bytes``, native/src/render_py.rs) against Python's own encoding.

The plain definition is ``b"".join(t.encode("utf-8", "surrogatepass") for t in texts)`` with each text's
length: on random Unicode of every storage width (Latin-1, two and four bytes a character), lone
surrogates high and low, and golden cases with negatives (a surrogate pair in a str is two code points).
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nettoyeur._core import spill_bytes


def _plain(texts: list[str]) -> tuple[bytes, list[int]]:
    encoded = [t.encode("utf-8", "surrogatepass") for t in texts]
    return b"".join(encoded), [len(e) for e in encoded]


_CHARS = st.one_of(
    st.characters(max_codepoint=0xFF),
    st.characters(max_codepoint=0xFFFF),
    st.characters(codec=None),
    st.sampled_from(["\ud800", "\udfff", "\ud83d", "\ude00", "\U0001f600", "é", "日", "\x00", "\u2028"]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(_CHARS, max_size=40), max_size=12))
def test_spill_bytes_are_pythons_encoding(texts):
    data, sizes = spill_bytes(texts)
    want, lengths = _plain(texts)
    assert data == want
    assert sizes.dtype == np.int64
    assert sizes.tolist() == lengths


@pytest.mark.parametrize(
    ("texts", "want"),
    [
        ([], b""),
        (["a", "", "é"], b"a\xc3\xa9"),
        (["\ud83d\ude00"], b"\xed\xa0\xbd\xed\xb8\x80"),  # two lone surrogates, not the emoji
        (["\U0001f600"], b"\xf0\x9f\x98\x80"),
    ],
)
def test_spill_bytes_golden(texts, want):
    data, sizes = spill_bytes(texts)
    assert data == want
    assert sizes.sum() == len(want)


def test_spill_bytes_refuses_what_is_not_a_str():
    with pytest.raises(TypeError):
        spill_bytes(["a", b"b"])
