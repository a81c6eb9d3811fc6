"""The core's line shapes and line keys (``nettoyeur._core.Shapes``) against the plain Python definitions.

The oracles are :mod:`shapes_reference` (the Python code the core replaced): on random Unicode
(every character class the core reads from Python's table: CJK, combining marks, Turkish
``İ``, German ``ß``/``ẞ``, the Greek capital sigma that ``str.lower`` reads in context,
controls, every kind of white space, non-decimal digits, lone surrogates, characters above
U+FFFF) and on the golden lines of the boilerplate cases, the core gives the same shapes,
keys and hashes. Hostile input (non-strings, odd characters) raises or is answered, never crashes.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import mark_reference
import shapes_reference as ref
from nettoyeur import _core
from nettoyeur.boilerplate import line_shapes, mark
from nettoyeur.boilerplate.mark import FREQUENCY_MAX_WORDS

DATA = Path(__file__).parents[1] / "data"
CASES = json.loads((DATA / "boilerplate_cases.json").read_text(encoding="utf-8"))
GOLDEN = [c["text"] for c in CASES["lines"]] + [line["text"] for d in CASES["documents"] for line in d["lines"]]
# 200 examples, not 400: the suite is near CI's 10 minutes (this file's slowest laws took 15-25 s of its 1,715 s
# on 2 busy cores); 200 is still four times the floor the suite keeps for core-vs-reference laws (50).
LAW = settings(max_examples=200, deadline=None)
CORE = line_shapes.shapes_core()

# What the core must get right, a few characters of each kind: Latin with accents and
# capitals whose lower-case is special (İ -> i̇, ẞ -> ß, Σ -> σ or ς by context), digits
# (ASCII, Arabic-Indic, superscript and fractions: not decimal), underscores, combining
# marks, CJK ideographs, kana and the katakana middle dot (CJK but not a word character),
# sentence ends and closers, every kind of white space, controls and format characters,
# a lone surrogate, and characters above U+FFFF (a Deseret capital, an emoji, a CJK
# extension B ideograph, a mathematical digit).
_SPECIAL = (
    "aZéÉİıiIßẞΣσςΑΩ0159٣²½_\u0301\u0307日本語の字的了・ー.!?…。！？।॥؟۔።፧។៕။։།༎\"'”’»)] \t\n\r\x0b\x0c"
    "\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2003\u200a\u2028\u2029\u202f\u205f\u3000"
    "\x00\x07\u200b\u200d\ufeff\ud800\U00010400\U0001f600\U00020000\U0001d7d8"
)
text = st.text(alphabet=st.sampled_from(_SPECIAL) | st.characters(), max_size=60) | st.sampled_from(GOLDEN)
# Words of the function lists and of the golden cases, so that stems, function shares and
# prose come out in every way.
# (Hebrew and Arabic words that open with a prefix clitic, are one, or are too short to hold one.)
_CLITIC_WORDS = {"בערים", "המחירים", "הגבוהים.", "לא", "בה", "ה", "דירות", "والأسعار", "الذهب.", "ال", "فيه", "سوق"}
# (Korean words that end with a suffix clitic, are one, or are too short to hold one.)
_CLITIC_WORDS |= {"전셋값이", "세입자들의", "원으로", "폭이", "이", "으로", "결과", "밝혔다.", "연속"}
_MORE_WORDS = {"the", "of", "and", "ΟΔΟΣ", "İstanbul", "STRASSE", "中文的"} | _CLITIC_WORDS
_WORDS = sorted({w for t in GOLDEN for w in t.split()} | _MORE_WORDS)
wordy = st.lists(st.sampled_from(_WORDS) | text, max_size=40).map(" ".join)
lines = text | wordy


@LAW
@given(st.lists(lines, max_size=6))
@example(["ΟΔΟΣ ΣΑΣ Σ", "İSTANBUL ẞ", "a\ud800 b", "𐐀𐐁 😀 𠀀"])
@example(["רוכשי דירה ראשונה נאלצים לחפש דירות בערים סמוכות בשל המחירים הגבוהים.", "ال و ب ل ف ك ه ו ב ל מ ש כ ה ה ה."])
@example(["서울 아파트 전셋값이 연속 오르며 세입자들의 부담이 커지고 있다.", "이 가 으로 에서 폭이 것이 원인."])
def test_describe_words_and_stems_are_the_plain_definitions(texts):
    got = CORE.describe(texts)
    assert [tuple(g) for g in got] == [ref.describe(t) for t in texts]
    assert all(type(g[2]) is float for g in got)
    assert CORE.words(texts) == [ref.words(t) for t in texts]
    stems = CORE.stems(texts)
    assert stems == [ref.stems(t) for t in texts]
    assert all(type(s) is frozenset for s in stems)


@LAW
@given(st.lists(lines, max_size=6), st.lists(lines, max_size=4), st.lists(lines | st.sampled_from(_WORDS), max_size=4))
@example(["ΟΔΟΣ ΣΑΣ πολύ μεγάλος", "İSTANBUL 𐐀𐐁𐐀𐐁"], ["ΟΔΟΣ", "𐐀𐐁𐐀𐐁 istanbul"], ["οδος", "𐐨𐐩𐐨𐐩"])
def test_article_answers_are_the_plain_definitions(body, asked, questions):
    """The article reads its lines' texts: ``shared_lines`` and ``in`` as the union of the lines' stems."""
    questions += [q for t in asked + questions for w in ref.words(t) for q in (w, w[:2], w[:4], w[:5], w[:6])]
    for before_set in (0, 1, 100):  # from the set at once, after one search, searched
        article = CORE.article(body, before_set)
        assert article.shared_lines(asked) == ref.shared_lines(body, asked)
        for text in asked:
            assert article.shared_lines([text]) == ref.shared_lines(body, [text])
        for question in questions:
            assert (question in article) == ref.article_has(body, question), question
    assert CORE.article(body, 0).shared_lines([]) == (0, 0)
    assert 5 not in CORE.article(body, 0) and None not in CORE.article(body, 100)


@LAW
@given(st.lists(lines, max_size=6))
def test_keys_counts_and_word_limits_are_the_plain_definitions(texts):
    assert CORE.frequency_keys(texts) == [ref.frequency_key(t) for t in texts]
    assert CORE.count_words(texts) == [ref.count_words(t) for t in texts]
    for limit in (1, 3, FREQUENCY_MAX_WORDS):
        assert CORE.fewer_words(texts, limit) == [ref.count_words(t) < limit for t in texts]


@LAW
@given(st.lists(lines | st.sampled_from(["Home", "News", "12", "Sport 3", ""]), max_size=10), st.data())
def test_document_keys_and_neighbour_codes_are_the_plain_definitions(texts, data):
    found = CORE.line_keys(texts, FREQUENCY_MAX_WORDS)
    assert len(found) == len(set(found))
    assert set(found) == {ref.hash64(k) for k in ref.document_keys(texts)}
    at = data.draw(st.lists(st.integers(0, max(len(texts) - 1, 0)), max_size=len(texts))) if texts else []
    assert CORE.neighbour_codes(texts, at, FREQUENCY_MAX_WORDS) == ref.neighbour_codes(texts, at)


def _fresh(text: str) -> str:
    """A new string object with the same code points (one the core has not described)."""
    return text.encode("utf-8", "surrogatepass").decode("utf-8", "surrogatepass")


@LAW
@given(st.lists(lines, max_size=8), st.lists(st.integers(0, 20), max_size=8))
@example(["ΟΔΟΣ ΣΑΣ πολύ", "  a\u2003b  ", "İSTANBUL 𐐀𐐁𐐀𐐁 12", "a\ud800 b"], [0, 1, 2, 3])
def test_questions_about_lines_just_described_are_the_plain_definitions(texts, positions):
    """The core keeps what it found of the lines it described (``LineInfo.text``) for the questions that follow.

    Those strings' flags, keys, neighbour codes, stems and article answers are the plain
    definitions, as for new strings with the same text, also once the kept lines are forgotten.
    """
    for _ in range(2):
        infos = line_shapes.describe_many(texts)
        described = [info.text for info in infos]
        fresh = [_fresh(t) for t in described]
        assert mark.line_marks(described) == [mark_reference.line_marks(t) for t in fresh]
        assert mark.line_marks(described) == mark.line_marks(fresh)
        assert CORE.stems(described) == [ref.stems(t) for t in fresh]
        assert set(CORE.line_keys(described, FREQUENCY_MAX_WORDS)) == {ref.hash64(k) for k in ref.document_keys(fresh)}
        at = [k % len(texts) for k in positions] if texts else []
        assert CORE.neighbour_codes(described, at, FREQUENCY_MAX_WORDS) == ref.neighbour_codes(fresh, at)
        asked = described[:2] + fresh[2:4]
        for before_set in (0, 100):
            article = CORE.article(described, before_set)
            assert article.shared_lines(asked) == ref.shared_lines(fresh, asked)
            assert article.shared_lines(described[-1:]) == ref.shared_lines(fresh, fresh[-1:])
        # Many long lines described: the kept ones are forgotten (bounded), the answers stay.
        CORE.describe(["x" * 5000 + f" {k}" for k in range(120)])


@LAW
@given(st.lists(lines | st.binary(max_size=300).map(lambda b: b.decode("latin-1")), max_size=5))
def test_hash64_is_blake2b_64(texts):
    digests = [hashlib.blake2b(t.encode("utf-8", "surrogatepass"), digest_size=8).digest() for t in texts]
    want = [int.from_bytes(d, "little") for d in digests]
    assert _core.hash64_many(texts) == want


@pytest.mark.parametrize("text", GOLDEN[:400])
def test_golden_lines(text):
    assert tuple(CORE.describe([text])[0]) == ref.describe(text)
    assert CORE.frequency_keys([text]) == [ref.frequency_key(text)]


SHAPE_CASES = json.loads((DATA / "shapes_cases.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", SHAPE_CASES["lines"], ids=lambda c: c["label"])
def test_shape_golden(case):
    info = line_shapes.describe(case["text"])
    assert line_shapes.frequency_key(case["text"]) == case["key"] == ref.frequency_key(case["text"])
    assert CORE.words([case["text"]]) == [case["words"]] == [ref.words(case["text"])]
    assert not info.prose and sorted(info.stems) == case["stems"] == sorted(ref.stems(case["text"]))


@pytest.mark.parametrize("case", SHAPE_CASES["articles"], ids=lambda c: c["label"])
def test_article_stems_golden(case):
    for before_set in (0, 100):  # from the set, and searched
        article = CORE.article([line_shapes.describe(t).text for t in case["body"]], before_set)
        assert [stem in article for stem in case["has"]] == [True] * len(case["has"])
        assert [stem in article for stem in case["has_not"]] == [False] * len(case["has_not"])


def test_the_capital_sigma_is_lowered_by_its_context():
    # Python's str.lower: a final sigma at the end of a word, a medial one inside it.
    assert CORE.frequency_keys(["ΟΔΟΣ ΣΑΣ"]) == ["οδος σας"]
    # İ lowers to i and a combining dot, a character of the word (word_chars.is_mark).
    assert CORE.words(["İSTANBUL"]) == [["i\u0307stanbul"]]
    assert CORE.stems(["ΟΔΟΣ ΣΑΣ"]) == [frozenset({"οδος"})]


def test_a_batch_of_no_lines_is_empty():
    assert CORE.describe([]) == [] and CORE.line_keys([], FREQUENCY_MAX_WORDS) == []
    assert CORE.neighbour_codes([], [], FREQUENCY_MAX_WORDS) == []


@pytest.mark.parametrize("bad", [[1], [None], [b"bytes"], 5, [["nested"]]])
def test_non_strings_raise_type_error(bad):
    for call in (CORE.describe, CORE.words, CORE.stems, CORE.frequency_keys, CORE.count_words, _core.hash64_many):
        with pytest.raises(TypeError):
            call(bad)
    with pytest.raises(TypeError):
        CORE.line_keys(bad, FREQUENCY_MAX_WORDS)
    with pytest.raises(TypeError):
        CORE.article(bad, 0)
    with pytest.raises(TypeError):
        CORE.article(["a"], 0).shared_lines(bad)


def test_a_position_past_the_lines_raises_index_error():
    with pytest.raises(IndexError):
        CORE.neighbour_codes(["a", "b"], [2], FREQUENCY_MAX_WORDS)


def test_a_hebrew_or_arabic_sentence_counts_its_clitic_words_and_a_menu_or_label_does_not():
    sentence = "רוכשי דירה ראשונה נאלצים לחפש דירות בערים סמוכות בשל המחירים הגבוהים."
    arabic = "سجلت أسعار الذهب ارتفاعا ملحوظا خلال تعاملات اليوم وسط إقبال التجار والمستثمرين."
    menu = "ראשי חדשות כלכלה ספורט תרבות בריאות רכב צרכנות דעות בלוגים"  # no sentence: no prose
    made_up = "Seven brown foxes quickly jumped twelve lazy sleeping dogs yesterday."  # no clitic letters
    shapes = {t: line_shapes.describe(t) for t in (sentence, arabic, menu, made_up, menu + ".", "כלכלה")}
    assert shapes[sentence].prose and shapes[sentence].stop_share == 5 / 11  # בערים בשל המחירים הגבוהים לחפש
    assert shapes[arabic].prose and shapes[arabic].stop_share >= line_shapes.PROSE_MIN_STOPWORDS
    assert not shapes[menu].prose and shapes[menu].stop_share == 0.0
    assert not shapes[made_up].prose
    assert shapes["כלכלה"].stop_share == 0.0  # a label's share is its function words' only
    assert ref.holds_clitic("בערים") and not ref.holds_clitic("לא") and not ref.holds_clitic("ال")


def test_a_korean_sentence_counts_its_particle_words_and_a_menu_or_label_does_not():
    sentence = "서울 아파트 전셋값이 12주 연속 오르며 세입자들의 부담이 커지고 있다고 한국부동산원이 16일 밝혔다."
    # Ten words, one with a particle after two characters ("폭이", "것이" have one only): 0.1.
    few = "특히 강남 송파 폭이 상승 전문가들은 신규 입주 것이 분석했다."
    menu = "홈 뉴스 정치 경제 사회 스포츠 연예 문화 세계 전국 오피니언 사람들"  # no sentence: no prose
    shapes = {t: line_shapes.describe(t) for t in (sentence, few, menu, menu + ".", "사람들이")}
    assert shapes[sentence].prose and shapes[sentence].stop_share == 4 / 13  # 전셋값이 세입자들의 부담이 ..원이
    assert shapes[few].stop_share == 1 / 10 and shapes[menu].stop_share == 0.0
    assert not shapes[few].prose and not shapes[menu].prose and not shapes[menu + "."].prose
    assert shapes["사람들이"].stop_share == 0.0  # a label's share is its function words' only
    assert ref.holds_clitic("세입자들의") and ref.holds_clitic("원으로") and not ref.holds_clitic("폭이")
    assert not ref.holds_clitic("이") and not ref.holds_clitic("밝혔다")


def test_a_table_of_the_wrong_size_raises_value_error():
    flags, lower, multi = line_shapes.shape_table()
    with pytest.raises(ValueError):
        limits = (30, 10, 0.15, 5, 1.5, 5)
        _core.Shapes(flags[:10], lower, multi, set(), set(), "", limits, line_shapes._learn, ([], []), 2)
