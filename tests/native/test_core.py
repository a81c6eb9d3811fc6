"""The native core (nettoyeur._core) against plain Python references, and its boundary under hostile input.

The references are the definitions, written for clarity rather than speed: they are the oracles
that the core's MinHash signatures and LSH band keys must equal bit for bit, and its word
alignment (difflib's opcodes and the swaps of neighbours) and its words and shingles (the numpy
tokeniser's definitions) exactly, on random inputs.
The boundary tests feed the entry points arbitrary shapes, dtypes and values: each call returns
the right answer or raises TypeError/ValueError, and never crashes the interpreter.
"""

from __future__ import annotations

import json
import unicodedata
from difflib import SequenceMatcher
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from nettoyeur import _core
from nettoyeur.dedup.lsh import _row_multipliers, band_keys
from nettoyeur.dedup.minhash import permutations, signatures_flat
from nettoyeur.dedup.shingle import COMPARISONS, _entry, _normalised, char_table, shingles, tokenize
from nettoyeur.dedup.verify import _aligner, _alignment

M32, M64 = (1 << 32) - 1, (1 << 64) - 1


def fmix32(h: int) -> int:
    """MurmurHash3's 32-bit finalizer on a Python int."""
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & M32
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & M32
    return h ^ (h >> 16)


def reference_signatures(sets: list[list[int]], a: list[int], b: list[int]) -> list[list[int]]:
    """Per set, per permutation: the minimum of ``a * fmix32(h) + b mod 2^32``."""
    return [[min((ai * fmix32(h) + bi) & M32 for h in values) for ai, bi in zip(a, b)] for values in sets]


def reference_band_keys(sigs: list[list[int]], bands: int, rows: int, mult: list[int]) -> list[list[int]]:
    """Per signature, per band: ``k ^ (k >> 29)`` of ``k = sum(slot * mult[r]) mod 2^64``."""
    out = []
    for sig in sigs:
        keys = []
        for j in range(bands):
            k = sum(sig[j * rows + r] * mult[r] for r in range(rows)) & M64
            keys.append(k ^ (k >> 29))
        out.append(keys)
    return out


hash_sets = st.lists(st.lists(st.integers(0, M32), min_size=1, max_size=40), min_size=0, max_size=12)


@given(sets=hash_sets, num_perm=st.integers(1, 80), seed=st.integers(0, 2**32 - 1), threads=st.integers(0, 5))
@settings(max_examples=60, deadline=None)
def test_signatures_equal_the_reference(sets, num_perm, seed, threads):
    flat = np.array([h for s in sets for h in s], dtype=np.uint32)
    offsets = np.cumsum([0] + [len(s) for s in sets]).astype(np.int64)
    ours = signatures_flat(flat, offsets, num_perm, seed, threads=threads)
    a, b = permutations(num_perm, seed)
    assert ours.shape == (len(sets), num_perm) and ours.dtype == np.uint32
    assert ours.tolist() == reference_signatures(sets, a.tolist(), b.tolist())


@given(sets=hash_sets.filter(len), num_perm=st.integers(1, 64), data=st.data())
@settings(max_examples=30, deadline=None)
def test_signature_prefix_and_offset_window(sets, num_perm, data):
    # perms keeps the first slots; offsets may start after 0 and end before the last hash.
    perms = data.draw(st.integers(0, num_perm))
    pad = data.draw(st.integers(0, 3))
    flat = np.array([7] * pad + [h for s in sets for h in s] + [9] * pad, dtype=np.uint32)
    offsets = pad + np.cumsum([0] + [len(s) for s in sets])
    full = signatures_flat(flat, offsets, num_perm, 1)
    part = signatures_flat(flat, offsets, num_perm, 1, perms=perms)
    np.testing.assert_array_equal(part, full[:, :perms])


@given(
    sigs=hnp.arrays(np.uint32, st.tuples(st.integers(0, 12), st.integers(0, 40))),
    data=st.data(),
    threads=st.integers(0, 5),
)
@settings(max_examples=60, deadline=None)
def test_band_keys_equal_the_reference(sigs, data, threads):
    cols = sigs.shape[1]
    rows = data.draw(st.integers(1, max(1, cols)))
    bands = data.draw(st.integers(0, cols // rows))
    ours = band_keys(sigs, bands, rows, threads=threads)
    assert ours.shape == (len(sigs), bands) and ours.dtype == np.uint64
    assert ours.tolist() == reference_band_keys(sigs.tolist(), bands, rows, _row_multipliers(rows).tolist())


def test_band_keys_read_a_column_slice():
    # A non-contiguous view (every other slot) is copied, not misread.
    sigs = np.arange(6 * 8, dtype=np.uint32).reshape(6, 8)
    view = sigs[:, ::2]
    np.testing.assert_array_equal(band_keys(view, 2, 2), band_keys(view.copy(), 2, 2))


# The boundary: any 1-D or 2-D array of any common dtype, any scalar arguments.
any_array = hnp.arrays(
    st.sampled_from([np.uint32, np.int64, np.uint64, np.int32, np.float64, np.uint8, np.bool_]),
    hnp.array_shapes(min_dims=1, max_dims=2, min_side=0, max_side=6),
)


@given(hashes=any_array, offsets=any_array, a=any_array, b=any_array, threads=st.integers(0, 4))
@settings(max_examples=200, deadline=None)
def test_core_signatures_refuse_or_answer(hashes, offsets, a, b, threads):
    try:
        out = _core.minhash_signatures(hashes, offsets, a, b, threads)
    except (TypeError, ValueError, MemoryError):
        return
    # Accepted: exact dtypes and 1-D shapes, valid offsets; the answer is the reference's.
    assert hashes.dtype == np.uint32 and offsets.dtype == np.int64 and a.dtype == b.dtype == np.uint32
    sets = [hashes[lo:hi].tolist() for lo, hi in zip(offsets[:-1], offsets[1:])]
    assert out.tolist() == reference_signatures(sets, a.tolist(), b.tolist())


@given(
    offsets=st.lists(st.integers(-(2**63), 2**63 - 1), min_size=0, max_size=6),
    n_hashes=st.integers(0, 8),
    perms=st.integers(0, 4),
)
@settings(max_examples=200, deadline=None)
def test_core_signatures_on_hostile_offsets(offsets, n_hashes, perms):
    hashes = np.arange(n_hashes, dtype=np.uint32)
    off = np.array(offsets, dtype=np.int64)
    a, b = np.ones(perms, dtype=np.uint32), np.zeros(perms, dtype=np.uint32)
    # Python ints: np.diff would wrap around on int64 extremes.
    increasing = all(lo < hi for lo, hi in zip(offsets, offsets[1:]))
    valid = len(offsets) >= 1 and offsets[0] >= 0 and offsets[-1] <= n_hashes and increasing
    if not valid:
        with pytest.raises(ValueError):
            _core.minhash_signatures(hashes, off, a, b)
    else:
        assert _core.minhash_signatures(hashes, off, a, b).shape == (len(off) - 1, perms)


@given(sigs=any_array, mult=any_array, bands=st.integers(0, 2**64 - 1), threads=st.integers(0, 4))
@settings(max_examples=200, deadline=None)
def test_core_band_keys_refuse_or_answer(sigs, mult, bands, threads):
    try:
        out = _core.lsh_band_keys(sigs, mult, bands, threads)
    except (TypeError, ValueError, OverflowError, MemoryError):
        return
    assert sigs.dtype == np.uint32 and sigs.ndim == 2 and mult.dtype == np.uint64
    assert bands * len(mult) <= sigs.shape[1] and (len(mult) > 0 or bands == 0)
    assert out.tolist() == reference_band_keys(sigs.tolist(), bands, len(mult), mult.tolist())


def test_wrong_dtypes_and_shapes_raise_clear_errors():
    ok32, off = np.array([1, 2, 3], dtype=np.uint32), np.array([0, 3], dtype=np.int64)
    with pytest.raises(TypeError):
        _core.minhash_signatures(ok32.astype(np.int64), off, ok32, ok32)
    with pytest.raises(TypeError):
        _core.minhash_signatures(ok32.reshape(1, 3), off, ok32, ok32)
    with pytest.raises(TypeError):
        _core.minhash_signatures(ok32[::2], off, ok32, ok32)  # not contiguous
    with pytest.raises(ValueError, match="permutations"):
        _core.minhash_signatures(ok32, off, ok32, ok32[:2])
    with pytest.raises(ValueError, match="empty"):
        signatures_flat(ok32, np.array([0, 0, 3]), 4, 1)
    with pytest.raises(ValueError, match="perms"):
        signatures_flat(ok32, off, 4, 1, perms=5)
    with pytest.raises(TypeError):
        band_keys(np.zeros((2, 4), dtype=np.uint64), 2, 2)
    with pytest.raises(ValueError, match="slots"):
        band_keys(np.zeros((2, 4), dtype=np.uint32), 3, 2)
    with pytest.raises(OverflowError):
        _core.lsh_band_keys(np.zeros((2, 4), dtype=np.uint32), np.ones(1, dtype=np.uint64), -1)


def test_huge_values_wrap_as_the_reference():
    top = np.full(5, M32, dtype=np.uint32)
    a, b = np.array([M32, 1], dtype=np.uint32), np.array([M32, M32], dtype=np.uint32)
    out = _core.minhash_signatures(top, np.array([0, 5], dtype=np.int64), a, b)
    assert out.tolist() == reference_signatures([top.tolist()], a.tolist(), b.tolist())
    mult = np.full(3, 2**64 - 1, dtype=np.uint64)
    sigs = np.full((2, 3), M32, dtype=np.uint32)
    assert _core.lsh_band_keys(sigs, mult, 1).tolist() == reference_band_keys(sigs.tolist(), 1, 3, mult.tolist())


def test_inputs_are_checked_before_the_output_is_allocated():
    # A bad input is a ValueError whatever the output size (here 2**62 keys a row, or 8 a segment).
    sigs = np.zeros((2, 4), dtype=np.uint32)
    with pytest.raises(ValueError, match="row"):
        _core.lsh_band_keys(sigs, np.ones(0, dtype=np.uint64), 2**62)
    with pytest.raises(ValueError, match="outside"):
        _core.minhash_signatures(np.zeros(1, dtype=np.uint32), np.array([0, 5]), *permutations(8, 1))


# --- The word alignment of verification (nettoyeur._core.Aligner, through verify._alignment) ---

MAX_SUBSTITUTION = 3  # verify.MAX_SUBSTITUTION, restated: the reference takes it as a parameter
MIN_MOVED_SENTENCE = 6  # align.rs MIN_MOVED_SENTENCE, restated: a run this long moved past an equal block


def reference_alignment(
    a: list[str], b: list[str], max_substitution: int, figures: str = COMPARISONS
) -> tuple[list[tuple], set[int]]:
    """difflib's opcodes, and the opcodes that only swap neighbouring words (the Python the core replaced).

    A word with a digit or a character of ``figures`` (verification's: the comparison signs) never swaps.
    """
    ops = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    moved: set[int] = set()
    if len(ops) <= 1:
        return ops, moved
    for k, (op, i1, i2, j1, j2) in enumerate(ops):
        if k + 2 < len(ops) and op in ("delete", "insert") and ops[k + 1][0] == "equal":
            op3, p1, p2, q1, q2 = ops[k + 2]
            if {op, op3} == {"delete", "insert"}:
                run = a[i1:i2] if op == "delete" else b[j1:j2]
                if len(run) >= MIN_MOVED_SENTENCE and run == (b[q1:q2] if op3 == "insert" else a[p1:p2]):
                    moved.update((k, k + 2))  # a sentence moved past the equal block, figures and all
        if any(c.isdigit() or c in figures for w in a[i1:i2] + b[j1:j2] for c in w):
            continue
        if op == "replace" and i2 - i1 == j2 - j1 <= max_substitution and sorted(a[i1:i2]) == sorted(b[j1:j2]):
            moved.add(k)
        if k + 2 < len(ops) and op in ("delete", "insert") and ops[k + 1][0] == "equal":
            op3, p1, p2, q1, q2 = ops[k + 2]
            gap = ops[k + 1][2] - ops[k + 1][1]
            if gap <= 2 and {op, op3} == {"delete", "insert"}:
                run = a[i1:i2] if op == "delete" else b[j1:j2]
                other = b[q1:q2] if op3 == "insert" else a[p1:p2]
                if run == other and len(run) <= 2 and not any(c.isdigit() or c in figures for w in run for c in w):
                    moved.update((k, k + 2))
    return ops, moved


ALIGNMENT_CASES = json.loads((Path(__file__).parents[1] / "data" / "core_alignment.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", ALIGNMENT_CASES, ids=[c["name"] for c in ALIGNMENT_CASES])
def test_alignment_golden_cases(case):
    a, b = case["a"].split(" ") if case["a"] else [], case["b"].split(" ") if case["b"] else []
    ops, moved = _alignment(a, b)
    assert [list(op) for op in ops] == case["ops"]
    assert sorted(moved) == case["moved"]
    assert (ops, moved) == reference_alignment(a, b, MAX_SUBSTITUTION)


def test_alignment_digits_are_str_isdigit_on_all_of_unicode():
    # Superscripts, circled figures and Ethiopic digits are digits to str.isdigit (not to \d);
    # a CJK numeral (isnumeric only) and a fraction are not.
    figures = [("²", True), ("①", True), ("\u1369", True), ("\U0001d7ce", True), ("三", False), ("½", False)]
    for figure, is_digit in figures:
        assert figure.isdigit() is is_digit
        a, b = ["x", "big", f"red{figure}", "y"], ["x", f"red{figure}", "big", "y"]
        assert bool(_alignment(a, b)[1]) is not is_digit


# Words from a few letters (so that lists share words and runs), any Unicode (lone surrogates
# included), digits of every kind, comparison signs (figures to verification's aligner).
small_words = st.lists(st.sampled_from(["a", "b", "c", "d", "é", "1", "²", ">="]), max_size=14)
any_words = st.lists(
    st.text(
        st.one_of(
            st.characters(), st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF), st.sampled_from("12²①٣<>=≤")
        ),
        max_size=4,
    ),
    max_size=10,
)


@given(a=st.one_of(small_words, any_words), b=st.one_of(small_words, any_words), max_sub=st.integers(0, 4))
@settings(max_examples=400, deadline=None)
def test_alignment_equals_the_reference(a, b, max_sub):
    ops, moved = _aligner().opcodes(a, b, max_sub)
    assert (ops, moved) == reference_alignment(a, b, max_sub)


@given(a=small_words, data=st.data())
@settings(max_examples=200, deadline=None)
def test_alignment_of_a_list_with_its_edits(a, data):
    # A copy with words swapped, dropped and inserted: the alignments that verification meets most.
    b = list(a)
    for _ in range(data.draw(st.integers(0, 3))):
        if len(b) >= 2 and data.draw(st.booleans()):
            i = data.draw(st.integers(0, len(b) - 2))
            b[i], b[i + 1] = b[i + 1], b[i]
        elif b and data.draw(st.booleans()):
            del b[data.draw(st.integers(0, len(b) - 1))]
        else:
            b.insert(data.draw(st.integers(0, len(b))), data.draw(st.sampled_from(["a", "z", "9"])))
    assert _alignment(a, b) == reference_alignment(a, b, MAX_SUBSTITUTION)


@given(a=st.lists(st.one_of(st.text(max_size=3), st.integers(), st.none(), st.binary(max_size=3)), max_size=4))
@settings(max_examples=100, deadline=None)
def test_alignment_refuses_what_is_not_words(a):
    if all(isinstance(w, str) for w in a):
        assert _alignment(a, ["x"]) == reference_alignment(a, ["x"], MAX_SUBSTITUTION)
    else:
        with pytest.raises(TypeError):
            _alignment(a, ["x"])


def test_aligner_refuses_what_is_not_a_sequence_of_strings():
    with pytest.raises(TypeError):
        _aligner().opcodes(["a"], 5, 3)
    with pytest.raises(TypeError):
        _aligner().opcodes(["a"], [b"a"], 3)
    # A fresh aligner (nothing remembered yet) answers as the one in use.
    a, b = ["x", "big", "red٣", "y"], ["x", "red٣", "big", "y"]
    assert _core.Aligner().opcodes(a, b, 3) == reference_alignment(a, b, 3, "")
    assert _core.Aligner(COMPARISONS).opcodes(a, b, 3) == _aligner().opcodes(a, b, 3) == reference_alignment(a, b, 3)
    # Comparison signs are figures to verification's aligner only: "<" never swaps there.
    a, b = ["x", "big", "<", "y"], ["x", "<", "big", "y"]
    assert _aligner().opcodes(a, b, 3)[1] == set() != _core.Aligner().opcodes(a, b, 3)[1]


# --- Words and shingles of a batch (nettoyeur._core.tokenize_words / word_shingles, through shingle) ---

FOLD_MASK, SIGN, SOLO, BOUND = 0x1FFFFF, 1 << 21, 1 << 23, 1 << 27
P_BASE = 0x100000001B3
Q_BASE = pow(P_BASE, -1, 1 << 64)
MULT, FOLD, MIX2 = 0x9E3779B97F4A7C15, 0xBF58476D1CE4E5B9, 0x94D049BB133111EB


def mix64_int(h: int) -> int:
    """splitmix64's finaliser on a Python int."""
    h ^= h >> 30
    h = (h * FOLD) & M64
    h ^= h >> 27
    h = (h * MIX2) & M64
    return h ^ (h >> 31)


def reference_words(entries: list[int], lengths: list[int]) -> tuple[list[int], list[int], list[int], list[int]]:
    """Words as the numpy tokeniser defined them: runs of non-separators, cut around SOLO characters
    and where a run of SIGN characters meets others, each hashed as ``mix(P^s * sum_i c_i * Q^i)``;
    a paragraph's words of signs before its first or after its last other word are dropped, and
    so are words of BOUND signs alone ("!"); the offsets count each paragraph's first word."""
    n = len(entries)
    word = [e & FOLD_MASK != 0 for e in entries]
    solo = [e & SOLO != 0 for e in entries]
    sign = [e & SIGN != 0 for e in entries]
    starts, ends = [], []
    for i in range(n):
        if word[i] and (i == 0 or not word[i - 1] or solo[i] or solo[i - 1] or sign[i] != sign[i - 1]):
            starts.append(i)
        if word[i] and (i == n - 1 or not word[i + 1] or solo[i] or solo[i + 1] or sign[i] != sign[i + 1]):
            ends.append(i + 1)
    para_starts = [0]
    for length in lengths:
        para_starts.append(para_starts[-1] + length + 1)
    kept = []
    for lo, hi in zip(para_starts, para_starts[1:]):
        mine = [k for k, s in enumerate(starts) if lo <= s < hi]
        other = [k for k in mine if not sign[starts[k]]]
        bound = [all(entries[i] & BOUND for i in range(starts[k], ends[k])) for k in mine]
        kept += [k for k, b in zip(mine, bound) if other and other[0] <= k <= other[-1] and not (sign[starts[k]] and b)]
    starts, ends = [starts[k] for k in kept], [ends[k] for k in kept]
    hashes = []
    for s, e in zip(starts, ends):
        total = sum((entries[i] & FOLD_MASK) * pow(Q_BASE, i, 1 << 64) for i in range(s, e))
        hashes.append(mix64_int((total * pow(P_BASE, s, 1 << 64)) & M64))
    offsets = [sum(1 for s in starts if s < p) for p in para_starts]
    return starts, ends, hashes, offsets


def reference_shingles(hashes: list[int], offsets: list[int], n: int) -> tuple[list[int], list[int]]:
    """Per paragraph, per n-gram inside it: ``acc = acc * MULT + h``, ``acc ^= acc >> 31``, ``* FOLD``, high 32 bits."""
    out, out_offsets = [], [0]
    for lo, hi in zip(offsets, offsets[1:]):
        for s in range(lo, hi - n + 1):
            acc = hashes[s]
            for h in hashes[s + 1 : s + n]:
                acc = (acc * MULT + h) & M64
            acc ^= acc >> 31
            out.append(((acc * FOLD) & M64) >> 32)
        out_offsets.append(len(out))
    return out, out_offsets


# Paragraphs of any Unicode: spaced and unspaced scripts, marks, astral characters, digits.
paragraphs = st.lists(
    st.text(
        st.one_of(
            st.characters(),
            st.sampled_from("ab é1_-'’中文ไทยかなＡ\u0301\U0001d400\U00020000\n<=>≠≤≥≦≧＜\u0338!"),
        ),
        max_size=30,
    ),
    max_size=6,
)


@given(texts=paragraphs)
@settings(max_examples=300, deadline=None)
def test_tokenize_equals_the_reference(texts):
    tokens = tokenize(texts)
    entries = tokens.entries.tolist()
    normalised = _normalised(texts)[1]
    # Only the paragraphs that need it are normalised (the core finds the ones with a suspect character).
    assert normalised == [unicodedata.normalize("NFKC", t) for t in texts]
    starts, ends, hashes, offsets = reference_words(entries, [len(t) for t in normalised])
    assert tokens.starts.tolist() == starts and tokens.ends.tolist() == ends
    assert tokens.hashes.tolist() == hashes and tokens.offsets.tolist() == offsets
    assert tokens.starts.dtype == tokens.ends.dtype == tokens.offsets.dtype == np.int64
    for n in (1, 2, 3, 5):
        h, o = shingles(tokens, n)
        assert (h.tolist(), o.tolist()) == reference_shingles(hashes, offsets, n)
        assert h.dtype == np.uint32 and o.dtype == np.int64


def test_tokenize_golden_words():
    # The words of each kind of script, and a word's hash independent of where it stands.
    tokens = tokenize(["Hello, WÖRLD!", "", "中文 ไทย x_1", "ﬁne Ａb"])
    assert tokens.all_words() == ["hello", "wörld", "中", "文", "ไ", "ท", "ย", "x_1", "fine", "ab"]
    assert tokens.offsets.tolist() == [0, 2, 2, 8, 10]
    assert tokens.hashes[0] == tokenize(["hello"]).hashes[0] != tokens.hashes[1]


@given(
    hashes=st.lists(st.integers(0, M64), max_size=12),
    cuts=st.lists(st.integers(0, 12), max_size=5),
    n=st.integers(-1, 4),
)
@settings(max_examples=200, deadline=None)
def test_core_shingles_refuse_or_answer(hashes, cuts, n):
    offsets = [0, *sorted(min(c, len(hashes)) for c in cuts), len(hashes)]
    h, o = np.array(hashes, dtype=np.uint64), np.array(offsets, dtype=np.int64)
    if n < 1:
        with pytest.raises((ValueError, OverflowError)):
            _core.word_shingles(h, o, n)
        return
    out, out_offsets = _core.word_shingles(h, o, n)
    assert (out.tolist(), out_offsets.tolist()) == reference_shingles(hashes, offsets, n)
    with pytest.raises(ValueError):
        _core.word_shingles(h, np.array([0, len(hashes) + 1], dtype=np.int64), n)
    if len(offsets) > 2 and offsets[1] > 0:
        with pytest.raises(ValueError):
            _core.word_shingles(h, np.array(offsets[::-1], dtype=np.int64), n)


def test_core_words_refuse_hostile_lengths():
    entries = np.array([97, 98, 0, 99], dtype=np.uint32)
    with pytest.raises(ValueError):
        _core.tokenize_words(entries, np.array([5], dtype=np.int64))
    with pytest.raises(ValueError):
        _core.tokenize_words(entries, np.array([-1, 3], dtype=np.int64))
    with pytest.raises(ValueError):
        _core.tokenize_words(entries, np.array([2**62, 2**62], dtype=np.int64))
    with pytest.raises(TypeError):
        _core.tokenize_words(entries.astype(np.int64), np.array([4], dtype=np.int64))
    starts, ends, hashes, offsets = _core.tokenize_words(entries, np.array([2, 1], dtype=np.int64))
    assert starts.tolist() == [0, 3] and ends.tolist() == [2, 4] and offsets.tolist() == [0, 1, 2]


@given(
    flags=st.lists(st.sampled_from([0, 1, 1 << 26, (1 << 26) | 5]), max_size=20),
    cuts=st.lists(st.integers(0, 20), max_size=5),
)
@settings(max_examples=200, deadline=None)
def test_flagged_paragraphs_equal_the_reference(flags, cuts):
    # Paragraph lengths that tile the entries with one separator between paragraphs.
    bounds = sorted({min(c, len(flags)) for c in cuts})
    lengths, at = [], 0
    for b in bounds:
        if b >= at + 1 and b < len(flags):
            lengths.append(b - at)
            at = b + 1
    lengths.append(max(0, len(flags) - at))
    entries = np.array(flags, dtype=np.uint32)
    ends = np.cumsum(np.array(lengths, dtype=np.int64) + 1)
    expected = sorted(set(np.searchsorted(ends, np.flatnonzero(entries & (1 << 26)), side="right").tolist()))
    expected = [p for p in expected if p < len(lengths)]
    ours = _core.flagged_paragraphs(entries, np.array(lengths, dtype=np.int64), 1 << 26)
    assert ours.tolist() == expected
    with pytest.raises(ValueError):
        _core.flagged_paragraphs(entries, np.array([*lengths[:-1], lengths[-1] + 1], dtype=np.int64), 1 << 26)


def test_char_table_is_entry_of_every_character():
    # The table the core reads is _entry's definition, character by character (the plain reference).
    second = set()
    for c in range(0x10000):
        dec = unicodedata.decomposition(chr(c))
        if dec and not dec.startswith("<") and len(dec.split()) == 2:
            second.add(int(dec.split()[1], 16))
    reference = [_entry(c, frozenset(second)) for c in range(0x10000)]
    table = char_table()
    assert table.dtype == np.uint32 and table.tolist() == reference
