"""The analyse pass's glue in the core against the plain Python it replaced (``run.passes``).

The spill file's bytes (``_core.spill_bytes``, native/src/render_py.rs): the plain definition is
``b"".join(t.encode("utf-8", "surrogatepass") for t in texts)`` with each text's length, on random
Unicode of every storage width (Latin-1, two and four bytes a character), lone surrogates high and low,
and golden cases with negatives (a surrogate pair in a str is two code points). The paragraphs left for
dedup (``_core.left_for_dedup``, native/src/walks_py.rs): the loop of ``_left_for_dedup`` as it was.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nettoyeur import _core
from nettoyeur.records import Paragraph, Verdict


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
    data, sizes = _core.spill_bytes(texts)
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
    data, sizes = _core.spill_bytes(texts)
    assert data == want
    assert sizes.sum() == len(want)


def test_spill_bytes_refuses_what_is_not_a_str():
    with pytest.raises(TypeError):
        _core.spill_bytes(["a", b"b"])


def _plain_left(paragraphs: list[Paragraph], max_chars: int, code) -> tuple[list[int], list[str], list[int], list[int]]:
    """``_left_for_dedup``'s loop as it was written (the oracle)."""
    codes, left = np.zeros(len(paragraphs), dtype=np.uint32), []
    for k, p in enumerate(paragraphs):
        if p.verdict is not None:
            codes[k] = code(p.verdict)
        elif len(p.text) <= max_chars:
            left.append(p)
    return codes.tolist(), [p.text for p in left], [p.line for p in left], [p.index for p in left]


_VERDICTS = st.sampled_from([None, None, Verdict("boilerplate:pattern:nav"), Verdict("duplicate", detail="x")])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.text(_CHARS, max_size=12), _VERDICTS), max_size=12), st.integers(0, 12))
def test_left_for_dedup_is_the_plain_loop(page, max_chars):
    paragraphs = [Paragraph(k, k + 3, text, text, verdict=verdict) for k, (text, verdict) in enumerate(page)]
    table: dict[str, int] = {}

    def code(verdict: Verdict) -> int:
        return table.setdefault(repr(verdict), len(table) + 1)

    want = _plain_left(paragraphs, max_chars, code)
    codes, texts, lines, indices = _core.left_for_dedup(paragraphs, max_chars, code)
    assert codes.dtype == np.uint32
    assert (codes.tolist(), texts, lines, indices) == want
    left = [p for p in paragraphs if p.verdict is None and len(p.text) <= max_chars]
    assert all(a is p.text for a, p in zip(texts, left, strict=True))


def test_left_for_dedup_refuses_a_code_past_32_bits():
    with pytest.raises(OverflowError):
        _core.left_for_dedup([Paragraph(0, 1, "a", "a", verdict=Verdict("duplicate"))], 10, lambda verdict: 2**32)
