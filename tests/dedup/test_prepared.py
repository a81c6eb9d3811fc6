"""Verification's loading of a chunk of paragraphs (issue 14): straight from the tokens, the same as word by word.

``stage.paragraph_data`` numbers the words in the core (``WordInterner``) and computes the fact
flags with numpy (``Tokens.fact_mask``); these laws hold it to the word-by-word reading
(``tests/facts_reference.py``, ``verify.Prepared.from_paragraphs``) that it replaced.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from hypothesis import example, given, settings
from hypothesis import strategies as st
from nettoyeur._core import WordInterner

from facts_reference import all_facts
from nettoyeur.config import CleanConfig
from nettoyeur.dedup.shingle import fact_flags, shingle_hashes, tokenize, words
from nettoyeur.dedup.stage import paragraph_data
from nettoyeur.dedup.verify import KINDS, Prepared, verify_chunk, verify_many
from nettoyeur.text.lexicon import DATES_IF_CAPITALISED, GERMAN_MARKERS, NUMBER_WORDS, STOPWORDS

DATA = Path(__file__).parents[1] / "data"
FIELDS = ("chars", "char_offsets", "ids", "facts", "word_offsets", "shingles", "shingle_offsets")

# Words (written for this test) that reach each rule of the fact flags: names and common words,
# sentence openers, German markers and nouns with a noun's suffix, number words and figures,
# "sin embargo" / "no obstante", dates capitalised, adverbs, single letters, "@" handles,
# words of unspaced scripts and characters NFKC changes, comparison signs (words between words only),
# the negations read only beside words of their language ("na" with "mae", "wedi": Welsh).
_WORDS = [
    ">", ">=", "<", "≠", "x<=5", "na", "nach", "ba", "mae", "wedi", "agus", "tá", "cikin", "suka",
    "Marbury", "Dalmora", "river", "garden", "Garden", "Typically", "finalement", "B.", "z.", "Sin", "sin",
    "embargo", "no", "obstante", "Rechnung", "Verwaltungen", "Haus", "13", "4,5", "Kilometer", "morris@example",
    "x@y", "@handle", "Mr", "The", "the", "said", "police", "Police", "東京", "ﬁsh", "Ⅻ", "ÉTÉ", "Straße",
    *sorted(GERMAN_MARKERS)[:8], *sorted(DATES_IF_CAPITALISED)[:4], *sorted(NUMBER_WORDS)[:4], *sorted(STOPWORDS)[:6],
]  # fmt: skip


def _cased(word: str, how: int) -> str:
    return word.capitalize() if how == 1 else word.upper() if how == 2 else word


_TEXT = st.lists(
    st.tuples(st.sampled_from(_WORDS), st.integers(0, 3), st.sampled_from([" ", " ", ", ", ". ", "\n", "-"])),
    max_size=30,
).map(lambda parts: "".join(_cased(w, how) + sep for w, how, sep in parts))


def _distinct(interner: WordInterner) -> list[str]:
    chars, offsets = interner.words()
    text = chars.tobytes().decode("utf-32-le", "surrogatepass")
    return [text[lo:hi] for lo, hi in zip(offsets[:-1].tolist(), offsets[1:].tolist())]


@settings(max_examples=300, deadline=None)
@given(st.lists(_TEXT, min_size=1, max_size=6))
@example([">-13 "])  # a signed number: numbered as "-13", as all_words writes it
def test_fact_mask_is_all_facts(texts):
    tok = tokenize(texts)
    interner = WordInterner()
    ids = tok.word_ids(interner)
    distinct = _distinct(interner)
    assert [distinct[i] for i in ids.tolist()] == tok.all_words()
    assert len(set(distinct)) == len(distinct)  # equal words, equal ids
    assert tok.fact_mask(ids, distinct).tolist() == all_facts(tok, tok.all_words())
    assert tok.all_facts(tok.all_words()) == all_facts(tok, tok.all_words())


def _reference(texts: list[str], ngram: int) -> Prepared:
    return Prepared.from_paragraphs([(words(t), shingle_hashes(words(t), ngram), fact_flags(t)) for t in texts])


def _same(a: Prepared, b: Prepared) -> None:
    assert a.words == b.words
    for name in FIELDS:
        x, y = getattr(a, name), getattr(b, name)
        assert x.dtype == y.dtype and np.array_equal(x, y), name


@settings(max_examples=150, deadline=None)
@given(st.lists(_TEXT, max_size=8), st.sampled_from([1, 3]))
def test_paragraph_data_is_the_word_by_word_reading(texts, ngram):
    _same(paragraph_data(texts, ngram), _reference(texts, ngram))


def test_paragraph_data_over_several_batches():
    """A chunk longer than one tokeniser batch (2^18 characters): ids and offsets carry across batches."""
    golden = json.loads((DATA / "dedup_pairs.json").read_text(encoding="utf-8"))["pairs"]
    texts = [p[side] for p in golden for side in ("a", "b")] * 80
    assert sum(map(len, texts)) > 2 * (1 << 18)
    prep = paragraph_data(texts, 3)
    _same(prep, _reference(texts, 3))
    assert len(prep) == len(texts)


def test_verify_chunk_is_verify_many():
    golden = json.loads((DATA / "dedup_pairs.json").read_text(encoding="utf-8"))["pairs"]
    texts = [p[side] for p in golden for side in ("a", "b")]
    prep = paragraph_data(texts, 3)
    pairs = np.array([(i, j) for i in range(len(texts)) for j in range(i + 1, len(texts))], dtype=np.int64)
    config = CleanConfig()
    matches = verify_many(prep, pairs, config)
    kinds, conflicts, related = verify_chunk(prep, pairs, config)
    assert [KINDS[k] for k in kinds.tolist()] == [m and m.kind for m in matches]
    assert conflicts.tolist() == [m is not None and m.conflict for m in matches]
    assert related == [(i, m) for i, m in enumerate(matches) if m is not None and m.kind != "different"]
    assert {m.kind for _, m in related} >= {"duplicate", "contained", "quoted"}
    assert conflicts.any() and not all(conflicts)
