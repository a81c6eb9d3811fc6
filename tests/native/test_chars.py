"""``nettoyeur._core.char_entries`` against its plain definition, and its boundary under hostile input.

The definition is what the tokeniser did before the core read the strings itself: join the batch
with newlines, encode it as UTF-32 ("surrogatepass": a lone surrogate is a code point of its own),
look each code point up in the character table, and ask ``_entry`` for those above U+FFFF.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nettoyeur import _core
from nettoyeur.dedup.shingle import _entries, _entry, char_table


def reference_entries(texts: list[str]) -> tuple[list[int], list[int], int]:
    """The entries of ``"\\n".join(texts)`` as the numpy tokeniser looked them up, the lengths, the OR."""
    joined = "\n".join(texts)
    cp = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    table = char_table()
    entries = [int(table[c]) if c <= 0xFFFF else _entry(int(c)) for c in cp.tolist()]
    flags = 0
    for e in entries:
        flags |= e
    return entries, [len(t) for t in texts], flags


# Any code point (lone surrogates included), in strings of each storage kind: Latin-1, UCS-2, UCS-4.
texts = st.lists(
    st.one_of(
        st.text(st.characters(max_codepoint=0xFF), max_size=20),
        st.text(st.characters(max_codepoint=0xFFFF, exclude_categories=()), max_size=20),
        st.text(st.characters(exclude_categories=()), max_size=20),
        st.text(st.sampled_from("aé中\ud800\udfff\U0001f600\U00020000\n"), max_size=20),
    ),
    max_size=6,
)


@given(texts=texts)
@settings(max_examples=300, deadline=None)
def test_char_entries_equal_the_reference(texts):
    entries, lengths, flags = _entries(texts)
    expected, expected_lengths, expected_flags = reference_entries(texts)
    assert entries.dtype == np.uint32 and lengths.dtype == np.int64
    assert entries.tolist() == expected
    assert lengths.tolist() == expected_lengths
    assert flags == expected_flags


def test_char_entries_golden():
    # A newline between paragraphs (none after the last), astral characters asked once each.
    asked = []

    def astral(c: int) -> int:
        asked.append(c)
        return 7

    table = char_table()
    entries, lengths, flags = _core.char_entries(["ab", "", "\U0001f600x\U0001f600"], table, astral)
    nl, a, b, x = (int(table[ord(c)]) for c in "\nabx")
    assert entries.tolist() == [a, b, nl, nl, 7, x, 7]
    assert lengths.tolist() == [2, 0, 3] and asked == [0x1F600]
    assert flags == a | b | nl | x | 7


def test_char_entries_refuse_hostile_input():
    table = char_table()
    with pytest.raises(TypeError):
        _core.char_entries(["a", b"b"], table, _entry)
    with pytest.raises(TypeError):
        _core.char_entries(("a",), table, _entry)
    with pytest.raises(ValueError):
        _core.char_entries(["a"], table[:100], _entry)
    with pytest.raises(TypeError):
        _core.char_entries(["a"], table.astype(np.int64), _entry)
    with pytest.raises(ZeroDivisionError):
        _core.char_entries(["\U0001f600"], table, lambda c: 1 // 0)
    with pytest.raises((TypeError, OverflowError)):
        _core.char_entries(["\U0001f600"], table, lambda c: -1)
    assert _core.char_entries([], table, _entry)[0].tolist() == []
