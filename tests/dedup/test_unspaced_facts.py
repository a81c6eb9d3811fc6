"""Facts inside the character runs of Chinese, Japanese and Thai (and Korean particles), issue 13.

Golden pairs of tests/data/near_dup_unspaced.json (each checked in both orders, by verify() and
through the dedup stage), and laws: a figure, a name or a negation changed in an unspaced
paragraph never merges, while a function character dropped always does.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nettoyeur import CleanConfig
from nettoyeur.dedup.shingle import FACT, NEGATING, fact_flags, shingle_hashes, words
from nettoyeur.dedup.stage import deduplicate
from nettoyeur.dedup.verify import verify
from nettoyeur.records import Document
from nettoyeur.text.lexicon_unspaced import FUNCTION_CHARS, NEGATION_RUNS
from nettoyeur.text.split import split_lines

DATA = json.loads((Path(__file__).parents[1] / "data" / "near_dup_unspaced.json").read_text(encoding="utf-8"))
PAIRS = DATA["pairs"]
CONFIG = CleanConfig()


def _verify(a: str, b: str):
    ta, tb = words(a), words(b)
    return verify(
        ta, tb, shingle_hashes(ta, CONFIG.ngram), shingle_hashes(tb, CONFIG.ngram), CONFIG, fact_flags(a), fact_flags(b)
    )


def _merged(match) -> bool:
    return match is not None and match.kind in ("duplicate", "contained")


def _removed(*texts: str) -> list[tuple[str, str]]:
    docs = []
    for k, text in enumerate(texts):
        lines, paras = split_lines(text + "\n")
        docs.append(Document(path=f"{k}.txt", lines=lines, paragraphs=paras))
    deduplicate(docs, CONFIG)
    return [(d.path, p.verdict.reason) for d in docs for p in d.paragraphs if not p.kept]


def test_golden_file_covers_each_script_both_ways():
    wanted = {(lang, label) for lang in ("zh", "ja", "th", "ko") for label in ("merge", "keep")}
    assert {(p["lang"], p["label"]) for p in PAIRS} >= wanted
    assert len({p["id"] for p in PAIRS}) == len(PAIRS)


@pytest.mark.parametrize("pair", PAIRS, ids=[p["id"] for p in PAIRS])
def test_golden_pair_verdict(pair):
    for a, b in ((pair["a"], pair["b"]), (pair["b"], pair["a"])):
        match = _verify(a, b)
        assert _merged(match) is (pair["label"] == "merge"), (pair["kind"], match)
        if pair["label"] == "keep" and match is not None:
            assert match.conflict  # never merged through a third paragraph either


@pytest.mark.parametrize("pair", PAIRS, ids=[p["id"] for p in PAIRS])
def test_golden_pair_through_dedup(pair):
    removed = _removed(pair["a"], pair["b"])
    if pair["label"] == "keep":
        assert removed == []
    else:  # one copy goes: the later one, or the shorter as a cut copy of the longer ("a sentence added")
        assert removed in ([("1.txt", "duplicate")], [("0.txt", "contained")], [("1.txt", "contained")])


@pytest.mark.parametrize("case", DATA["contained"], ids=[c["id"] for c in DATA["contained"]])
def test_cut_copy_is_contained(case):
    match = _verify(case["a"], case["b"])
    assert match is not None and match.kind == "contained"
    assert _removed(case["a"], case["b"]) == [("1.txt", "contained")]


def test_fact_flags_of_unspaced_runs():
    flags = dict(zip(words("杭州的公交"), fact_flags("杭州的公交")))
    assert flags == {"杭": FACT, "州": FACT, "的": 0, "公": FACT, "交": FACT}  # a particle is no fact
    ja = list(zip(words("承認しなかった"), fact_flags("承認しなかった")))
    assert [f for _, f in ja] == [FACT, FACT, 0, FACT | NEGATING, FACT | NEGATING, FACT | NEGATING, 0]
    assert fact_flags("请非常注意")[1:3] == [0, 0]  # "非常", very: no negation
    assert all(f == 0 for f in fact_flags("宣布"))  # a verb of saying


# Paragraphs of Chinese characters written for this test (no function characters among them, so a
# character dropped is content), and the facts that may stand in them.
_HAN = list("春夏花草山河湖海城镇桥路车船书画茶酒米面鱼鸟树林田园村屋门窗灯火风雨云雪")
_FIGURES = st.one_of(
    st.integers(0, 9999).map(str),
    st.integers(0, 9999).map(lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))),
    st.sampled_from(["三", "五", "十二", "两千", "八百", "九万"]),
)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(_HAN), min_size=20, max_size=80), st.data())
def test_a_figure_changed_in_an_unspaced_paragraph_never_merges(base, data):
    i = data.draw(st.integers(1, len(base) - 1))
    old = data.draw(_FIGURES)
    new = data.draw(_FIGURES.filter(lambda f: words(f) != words(old)))
    a = "".join([*base[:i], old, *base[i:]]) + "。"
    b = "".join([*base[:i], new, *base[i:]]) + "。"
    for x, y in ((a, b), (b, a)):
        assert not _merged(_verify(x, y)), (old, new)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(_HAN), min_size=20, max_size=80, unique=True), st.data())
def test_a_run_of_characters_replaced_in_an_unspaced_paragraph_never_merges(base, data):
    # A name, place or unit of Chinese is a run of content characters: replaced by other
    # characters, it is another fact, at any Jaccard.
    i = data.draw(st.integers(1, len(base) - 3))
    k = data.draw(st.integers(1, 2))
    new = data.draw(st.lists(st.sampled_from("甲乙丙丁辰巳午未申酉"), min_size=1, max_size=3))
    a = "".join(base) + "。"
    b = "".join([*base[:i], *new, *base[i + k :]]) + "。"
    for x, y in ((a, b), (b, a)):
        assert not _merged(_verify(x, y)), (base[i : i + k], new)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(_HAN), min_size=20, max_size=80), st.data())
def test_a_negation_added_in_an_unspaced_paragraph_never_merges(base, data):
    i = data.draw(st.integers(1, len(base) - 1))
    negation = data.draw(st.sampled_from(["不", "没", "未", *sorted(NEGATION_RUNS)]))
    a = "".join(base) + "。"
    b = "".join([*base[:i], negation, *base[i:]]) + "。"
    for x, y in ((a, b), (b, a)):
        assert not _merged(_verify(x, y)), (i, negation)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(_HAN), min_size=30, max_size=len(_HAN), unique=True), st.data())
def test_a_function_character_added_in_a_long_unspaced_paragraph_always_merges(base, data):
    i = data.draw(st.integers(1, len(base) - 1))
    particle = data.draw(st.sampled_from(sorted(FUNCTION_CHARS)))
    a = "".join(base) + "。"
    b = "".join([*base[:i], particle, *base[i:]]) + "。"
    for x, y in ((a, b), (b, a)):
        match = _verify(x, y)
        assert match is not None and match.kind == "duplicate", (i, particle, match)
