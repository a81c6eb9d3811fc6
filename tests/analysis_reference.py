"""The plain reference of the dedup analysis: ``analysis.analyse`` as it was, the kernels composed
in numpy batch by batch (``tokenize``, ``shingles``, ``signatures_flat``, ``band_keys``, and the
exact keys, masked keys and anchors written out in numpy), before the native core computed all of
it in one call (``minhash.sign_paragraphs``, ``native/src/sign.rs``).

The oracle of ``tests/dedup/test_sign.py``: the production arrays must be exactly these.
"""

from __future__ import annotations

import numpy as np

from nettoyeur.dedup.analysis import Analysis, batches
from nettoyeur.dedup.lsh import band_keys, sorted_unique
from nettoyeur.dedup.minhash import signatures_flat
from nettoyeur.dedup.shingle import (
    _CURRENCY,
    _DIGIT,
    _FOLD_MASK,
    _MINUS,
    _MIX2,
    _MULT,
    _SIGN,
    Tokens,
    mix64,
    shingles,
    tokenize,
)

# Odd 64-bit constants (splitmix64's) salting a number word's place and value in the masked keys.
_PLACE = np.uint64(0x9E3779B97F4A7C15)
_VALUE = np.uint64(0xBF58476D1CE4E5B9)
# Salts a signed number's hash in the exact and masked keys (tokens.rs' NEGATIVE).
_NEGATIVE = np.uint64(0xD6E8FEB86659FD93)
_LENGTH = np.uint64(0x94D049BB133111EB)


def signed(tokens: Tokens) -> np.ndarray:
    """Per word: a number written with a minus sign. Its first character is a digit (no comparison
    sign), and just before it stands a minus sign, or a minus sign then a currency sign, with no
    word character but a currency sign (a separator, a comparison or currency sign) before the
    minus, or the batch's start ("-5", "−$5", "$-5")."""
    e, s = tokens.entries.astype(np.int64), tokens.starts.astype(np.int64)
    out = np.zeros(len(s), dtype=bool)
    for k, start in enumerate(s.tolist()):
        if start == 0 or not e[start] & _DIGIT or e[start] & _SIGN:
            continue
        at = start - 1
        if e[at] & _CURRENCY and at > 0:
            at -= 1
        if e[at] & _MINUS:
            out[k] = at == 0 or not e[at - 1] & _FOLD_MASK or bool(e[at - 1] & (_SIGN | _CURRENCY))
    return out


def key_hashes(tokens: Tokens) -> np.ndarray:
    """The word hashes the exact and masked keys read: a signed number's mixed with a salt."""
    out = tokens.hashes.copy()
    sign = signed(tokens)
    if sign.any():
        out[sign] = mix64(out[sign] ^ _NEGATIVE)
    return out


def exact_keys(tokens: Tokens) -> np.ndarray:
    """A 128-bit key per paragraph (uint64 ``(len, 2)``): each word's hash salted with its place,
    mixed, and summed per paragraph, with two salts; the word count XOR-ed into the second.
    A paragraph without words gets ``(0, 0)``. A signed number's hash is salted (:func:`key_hashes`)."""
    counts = tokens.counts()
    hashes = key_hashes(tokens)
    out = np.zeros((len(counts), 2), dtype=np.uint64)
    nonempty = np.flatnonzero(counts)
    if len(nonempty) == 0:
        return out
    pos = np.arange(len(tokens.hashes), dtype=np.uint64) - np.repeat(tokens.offsets[:-1], counts).astype(np.uint64)
    with np.errstate(over="ignore"):
        for col, salt in enumerate((_MULT, _MIX2)):
            v = hashes + (pos + np.uint64(1)) * salt
            mix64(v)
            out[nonempty, col] = np.add.reduceat(v, tokens.offsets[nonempty])
        out[nonempty, 1] ^= counts[nonempty].astype(np.uint64)
    return out


def masked_keys(tokens: Tokens) -> np.ndarray:
    """Two 64-bit keys per paragraph: its length and where its numbers (words with a digit)
    stand, then the same plus each number's value (:func:`key_hashes`: signed) at its place. No words: zeros."""
    n = len(tokens.offsets) - 1
    out = np.zeros((n, 2), dtype=np.uint64)
    counts = np.diff(tokens.offsets)
    if len(tokens.hashes) == 0:
        return out
    number = np.flatnonzero(tokens.has_digit())
    with np.errstate(over="ignore"):
        length = counts.astype(np.uint64) * _LENGTH
        out[:, 0] = length
        out[:, 1] = length
        if len(number):
            para = np.searchsorted(tokens.offsets, number, side="right") - 1
            place = (number - tokens.offsets[para]).astype(np.uint64) + np.uint64(1)
            at = mix64(place * _PLACE)
            np.add.at(out[:, 0], para, at)
            np.add.at(out[:, 1], para, mix64(at ^ key_hashes(tokens)[number] * _VALUE))
    out[counts == 0] = 0
    return out


def analyse(
    texts: list[str],
    ngram: int,
    num_perm: int,
    seed: int,
    bands: int,
    rows: int,
    anchor_modulus: int | None = None,
    exact: bool = True,
) -> Analysis:
    """The old ``analysis.analyse``: the same arguments and the same arrays."""
    parts = []
    for lo, hi in batches(texts):
        tok = tokenize(texts[lo:hi])
        hashes, offsets = shingles(tok, ngram)
        counts = np.diff(offsets)
        signed = np.flatnonzero(counts)
        if len(signed):
            sigs = signatures_flat(hashes, np.append(offsets[signed], offsets[-1]), num_perm, seed, bands * rows)
            keys = band_keys(sigs, bands, rows)
        else:
            keys = np.empty((0, bands), dtype=np.uint64)
        akeys = np.empty(0, dtype=np.uint32)
        aowner = np.empty(0, dtype=np.int32)
        if anchor_modulus is not None and len(hashes):
            owner = np.repeat(np.arange(hi - lo, dtype=np.uint64), counts)
            hit = hashes % np.uint32(anchor_modulus) == 0
            code = sorted_unique((owner[hit] << np.uint64(32)) | hashes[hit].astype(np.uint64))
            akeys = (code & np.uint64(0xFFFFFFFF)).astype(np.uint32)
            aowner = (code >> np.uint64(32)).astype(np.int32)
        parts.append(
            Analysis(
                tok.counted_words().astype(np.int32),
                exact_keys(tok) if exact else np.zeros((hi - lo, 2), dtype=np.uint64),
                signed.astype(np.int32),
                keys,
                akeys,
                aowner,
                masked=masked_keys(tok) if exact else np.empty((0, 2), dtype=np.uint64),
            )
        )
    return Analysis.concat(parts, bands)
