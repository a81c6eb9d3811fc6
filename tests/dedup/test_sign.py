"""The dedup analysis in the native core: signing in one call, and the band buckets.

``minhash.sign_paragraphs`` (``native/src/sign.rs``; ``analysis.analyse`` calls
it) must give the word counts, signed paragraphs, band keys, exact keys, masked keys and anchors
of the numpy composition it replaced (``tests/analysis_reference.py``: ``tokenize``,
``shingles``, ``signatures_flat``, ``band_keys``..., batch by batch), on any Unicode and for any
thread count; ``lsh.band_pairs`` and ``lsh.band_codes`` (``native/src/lsh_pairs.rs``) the pairs
of the plain definition of buckets; and ``candidate_clusters`` the pairs and labels that main
computed before both moved (``tests/data/candidate_clusters_golden.json``, a made-up corpus).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis_reference import analyse as reference_analyse
from analysis_reference import signed as reference_signed
from nettoyeur.dedup.analysis import analyse, candidate_clusters
from nettoyeur.dedup.lsh import MAX_BUCKET_PAIRS, band_codes, band_pairs
from nettoyeur.dedup.shingle import tokenize

GOLDEN = Path(__file__).resolve().parents[1] / "data" / "candidate_clusters_golden.json"

# Words, and the characters the tokeniser treats apart: CJK (a word each), combining marks, the
# Turkish and German letters case folding changes, final sigma, lone surrogates, astral
# characters, every kind of white space, characters NFKC changes (ligature, fullwidth), and
# comparison signs (words between words only), minus and currency signs (a number's sign,
# in the exact and masked keys only).
_PIECES = st.sampled_from(
    ["ab", "Cd", "ef", "gh", "ij", "kl", "mn", "op", "中", "文字", "e\u0301", "\u0130", "\u0131", "\u00df", "SS",
     "\u03a3", "\u03c2", "\ud800", "\udfff", "\U0001f600", "\U00020000", "\ufb01", "\uff21", "1", "_", "@",
     "<", ">=", "> ", "≠", "≦", "\uff1c", "-", "\u2212", "\u2013", "$", "\u20ac", "\uff0d", "\u207b", "-5", "−$3"]
)
_SPACES = st.sampled_from([" ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x85", "\u00a0", "\u1680", "\u2000",
                           "\u2028", "\u2029", "\u202f", "\u205f", "\u3000", ", ", "."])
_paragraph = st.lists(st.one_of(_PIECES, _SPACES, st.text(max_size=3)), max_size=40).map("".join)
_corpus = st.lists(_paragraph, max_size=25)


def sign_texts(
    texts: list[str], ngram: int, num_perm: int, seed: int, bands: int, rows: int, threads: int = 1
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Word counts, signed paragraphs and band keys of ``analyse`` without exact keys nor anchors."""
    a = analyse(texts, ngram, num_perm, seed, bands, rows, exact=False, threads=threads)
    return a.n_words, a.signed, a.band_keys


def _composed(texts: list[str], ngram: int, bands: int, rows: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The composition of the kernels in numpy (what the clean's analysis ran), batch by batch."""
    a = reference_analyse(texts, ngram, 32, 7, bands, rows, exact=False)
    return a.n_words, a.signed, a.band_keys


@given(_corpus, st.integers(1, 5), st.sampled_from([(1, 1), (4, 3), (8, 4), (3, 10)]), st.integers(1, 3))
@settings(max_examples=300, deadline=None)
def test_sign_texts_equal_the_composition(texts, ngram, shape, threads):
    bands, rows = shape
    n_words, signed, keys = sign_texts(texts, ngram, 32, 7, bands, rows, threads)
    want_words, want_signed, want_keys = _composed(texts, ngram, bands, rows)
    assert n_words.dtype == np.int32 and signed.dtype == np.int32 and keys.dtype == np.uint64
    assert n_words.tolist() == want_words.tolist()
    assert signed.tolist() == want_signed.tolist()
    assert keys.shape == (len(signed), bands)
    assert np.array_equal(keys, want_keys)


def _assert_same_analysis(ours, want) -> None:
    for name in ("n_words", "exact", "signed", "band_keys", "anchor_keys", "anchor_owner", "masked"):
        got, expected = getattr(ours, name), getattr(want, name)
        assert got.dtype == expected.dtype and got.shape == expected.shape, name
        assert np.array_equal(got, expected), name


@given(_corpus, st.integers(1, 5), st.sampled_from([(1, 1), (4, 3), (8, 4)]), st.sampled_from([None, 1, 3, 16]))
@settings(max_examples=300, deadline=None)
def test_analyse_equals_the_numpy_composition(texts, ngram, shape, modulus):
    bands, rows = shape
    for exact in (True, False):
        ours = analyse(texts, ngram, 32, 7, bands, rows, modulus, exact)
        _assert_same_analysis(ours, reference_analyse(texts, ngram, 32, 7, bands, rows, modulus, exact))


def test_analyse_numbers_and_long_batches_equal_the_numpy_composition():
    # Numbers (ASCII, Arabic-Indic, superscript, fullwidth: NFKC changes the last two), long
    # paragraphs across the core's slices, anchors at a small modulus, and the reference's own
    # batches of 256 Ki characters.
    rng = np.random.RandomState(11)
    words = ["ab", "cd", "12", "x3", "\u0663\u0664", "\u00b2", "\uff11\uff12", "\ufb01x", "\u4e2d\u6587", "e\u0301"]
    texts = [" ".join(rng.choice(words, size=rng.randint(0, 30))) for _ in range(4000)]
    texts[7] = " ".join(rng.choice(words, size=30000))
    texts[3000] = "9" * 70000
    for modulus in (None, 5):
        want = reference_analyse(texts, 3, 32, 7, 4, 3, modulus)
        _assert_same_analysis(analyse(texts, 3, 32, 7, 4, 3, modulus), want)


def test_sign_texts_cut_long_batches_into_slices_alike():
    # Paragraphs longer than a slice of the core (32 Ki characters), between short ones, and many
    # paragraphs (several slices, several threads); NFKC-changing ones among them.
    rng = np.random.RandomState(5)
    words = ["ab", "cd", "ef", "gh", "\ufb01x", "中文", "e\u0301"]
    texts = [" ".join(rng.choice(words, size=rng.randint(0, 30))) for _ in range(3000)]
    texts[10] = " ".join(rng.choice(words, size=20000))
    texts[2000] = "x" * 70000
    for threads in (1, 2, 5):
        n_words, signed, keys = sign_texts(texts, 3, 32, 7, 4, 3, threads)
        want_words, want_signed, want_keys = _composed(texts, 3, 4, 3)
        assert n_words.tolist() == want_words.tolist()
        assert signed.tolist() == want_signed.tolist()
        assert np.array_equal(keys, want_keys)


def test_sign_texts_sign_the_nfkc_form_of_paragraphs_it_changes():
    # "\ufb01" (the fi ligature) and fullwidth letters change under NFKC; "\u00e9" may but does not.
    texts = ["one two three", "\ufb01ne \uff24AY here", "caf\u00e9 au lait", "fine day here", "x"]
    n_words, signed, keys = sign_texts(texts, 2, 32, 7, 4, 3)
    assert n_words.tolist() == [3, 3, 3, 3, 1]
    assert signed.tolist() == [0, 1, 2, 3]
    assert np.array_equal(keys[1], keys[3])  # the same words once normalised
    assert not np.array_equal(keys[0], keys[1])


def test_sign_texts_refuse_bad_parameters():
    with pytest.raises(ValueError):
        sign_texts(["a b c"], 2, 8, 1, 4, 3)  # 12 permutations of 8
    with pytest.raises(ValueError):
        sign_texts(["a b c"], 0, 8, 1, 2, 2)
    with pytest.raises(ValueError):
        sign_texts(["a b c"], 2, 8, 1, 2, 2, threads=-1)
    with pytest.raises(TypeError):
        sign_texts(["a b c", b"bytes"], 2, 8, 1, 2, 2)  # type: ignore[list-item]


def _plain_band_pairs(keys: np.ndarray, ids: np.ndarray) -> list[tuple[int, int]]:
    """The definition: per band, the buckets of equal keys in position order, pairs as documented."""
    out = set()
    for band in range(keys.shape[1]):
        order = np.argsort(keys[:, band], kind="stable")
        column = keys[order, band].tolist()
        start = 0
        while start < len(order):
            end = start + 1
            while end < len(order) and column[end] == column[start]:
                end += 1
            bucket = ids[order[start:end]].tolist()
            if len(bucket) <= MAX_BUCKET_PAIRS:
                found = [(x, y) for i, x in enumerate(bucket) for y in bucket[i + 1 :]]
            else:
                found = list(zip(bucket, bucket[1:])) + [(bucket[0], y) for y in bucket[2:]]
            out |= {(min(x, y), max(x, y)) for x, y in found if x != y}
            start = end
    return sorted(out)


@given(
    st.integers(0, 3).flatmap(
        lambda bands: st.lists(st.lists(st.integers(0, 4), min_size=bands, max_size=bands), max_size=160).map(
            lambda rows: (bands, rows)
        )
    ),
    st.booleans(),
    st.booleans(),
    st.integers(1, 3),
)
@settings(max_examples=300, deadline=None)
def test_band_pairs_equal_the_plain_definition(shaped, spread, shuffled, threads):
    bands, rows = shaped
    keys = np.array(rows, dtype=np.uint64).reshape(len(rows), bands)
    if spread:  # keys that differ in their top bits too (the core's parts)
        keys = keys * np.uint64(0x9E3779B97F4A7C15)
    ids = np.arange(7, 7 + 3 * len(rows), 3, dtype=np.int64)
    if shuffled:  # ids in any order, some repeated (a repeated id pairs with nothing)
        ids = (ids * 7919) % 41
    expected = _plain_band_pairs(keys, ids)
    found = band_pairs(keys, ids, threads=threads)
    assert found.dtype == np.int64 and found.shape == (len(expected), 2)
    assert [tuple(p) for p in found.tolist()] == expected
    for band in range(bands):
        codes = band_codes(keys[:, band], ids)
        assert [(c >> 32, c & 0xFFFFFFFF) for c in codes.tolist()] == _plain_band_pairs(keys[:, [band]], ids)


def test_band_pairs_refuse_ids_outside_31_bits():
    keys = np.zeros((2, 1), dtype=np.uint64)
    with pytest.raises(ValueError):
        band_pairs(keys, np.array([0, 2**31], dtype=np.int64))
    with pytest.raises(ValueError):
        band_pairs(keys, np.array([-1, 3], dtype=np.int64))


@pytest.mark.parametrize("setting", ["default", "rensa", "small"])
@pytest.mark.parametrize("threads", [1, 2, 3])
def test_candidate_clusters_equal_main_before_the_core_path(setting, threads):
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    want = golden["expected"][setting]
    texts = golden["texts"]
    pairs, labels = candidate_clusters(texts, want["ngram"], 128, 1, want["bands"], want["rows"], threads=threads)
    assert pairs.tolist() == want["pairs"]
    assert labels.tolist() == want["labels"]
    assert len(want["pairs"]) > 100 and len(set(want["labels"])) < len(want["labels"])  # the fixture has clusters


def test_candidate_clusters_on_workers_equal_one_process():
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    want = golden["expected"]["rensa"]
    pairs, labels = candidate_clusters(golden["texts"], want["ngram"], 128, 1, want["bands"], want["rows"], workers=2)
    assert pairs.tolist() == want["pairs"]
    assert labels.tolist() == want["labels"]


@given(_corpus)
@settings(max_examples=300, deadline=None)
def test_signed_numbers_equal_the_reference(texts):
    tokens = tokenize(texts)
    assert tokens.signed().tolist() == reference_signed(tokens).tolist()


@pytest.mark.parametrize(
    ("text", "signs"),
    [
        ("-50 and 120", [True, False, False]),
        ("(−5) x = -5", [True, False, False, True]),
        ("lost −$3.2m, $-3 or –€4", [False, False, True, False, False, True, False, False, True]),
        ("pages 10-20, 1990–2000", [False, False, False, False, False]),
        ("COVID-19 and Paris - 5 dead", [False, False, False, False, False, False]),
        ("-x -", [False]),
    ],
)
def test_a_minus_sign_before_a_number_and_nothing_else_signs_it(text, signs):
    assert tokenize([text]).signed().tolist() == signs
