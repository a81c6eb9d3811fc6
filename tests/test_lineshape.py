"""Line shapes: the fast paths of :mod:`nettoyeur.lineshape` give what the plain definitions give."""

from __future__ import annotations

import json
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from nettoyeur import lineshape
from nettoyeur.lexicon import COMMON_WORDS, STOPWORDS
from nettoyeur.lineshape import (
    RuleMatcher,
    ShapeMemo,
    article_stems,
    collapse,
    count_words,
    describe,
    ends_sentence,
    has_fewer_words,
    stems_of,
)
from nettoyeur.rules import builtin_rules

CASES = json.loads((Path(__file__).parent / "data" / "boilerplate_cases.json").read_text(encoding="utf-8"))
GOLDEN = [c["text"] for c in CASES["lines"]] + [line["text"] for d in CASES["documents"] for line in d["lines"]]
RULES = builtin_rules()
LAW = settings(max_examples=300, deadline=None)

# Text with what makes the fast paths differ from the slow ones if they are wrong: white
# space of every kind, CJK, digits, underscores, combining marks, non-decimal numerals,
# sentence ends behind quotes, a capital that lower-cases to two characters.
_ALPHABET = "ab é É,;.-'’!?…»)\"_1²½日本の語 \t\u00a0\u2003\u0301İ"
lines = st.text(alphabet=_ALPHABET, max_size=80)


@LAW
@given(lines)
def test_collapse_is_white_space_runs_made_one_space(text):
    assert collapse(text) == re.sub(r"\s+", " ", text).strip()


@LAW
@given(lines)
def test_sentence_end_test_is_the_regular_expression(text):
    assert ends_sentence(text) == (re.search(r"[.!?…。！？][\"'”’»)\]]*$", text) is not None)


@LAW
@given(lines, st.integers(min_value=1, max_value=30))
def test_word_limit_test_stops_at_the_limit_but_agrees_with_counting(text, limit):
    assert has_fewer_words(text, limit) == (count_words(text) < limit)


def _plain_stems(text: str) -> frozenset[str]:
    """The stems as the boilerplate module defined them before the fast path."""
    lowered = collapse(text).lower()
    cjk = re.search(f"[{lineshape._CJK}]", lowered) is not None
    words = (lineshape._CJK_TOKENS if cjk else lineshape._WORDS).findall(lowered)
    return frozenset(
        w[:5]
        for w in words
        if (len(w) >= 4 or (cjk and len(w) == 2 and re.match(f"[{lineshape._CJK}]", w)))
        and w.isalpha()
        and w not in STOPWORDS
        and w not in COMMON_WORDS
    )


@LAW
@given(lines)
def test_stems_of_a_line_are_its_letters_only_words_first_letters(text):
    assert describe(text).stems == _plain_stems(text)


@LAW
@given(st.lists(lines, max_size=6), lines)
def test_a_stem_is_in_the_article_set_exactly_when_a_line_has_it(body, other):
    infos = [describe(t) for t in body]
    union = frozenset().union(*[i.stems for i in infos])
    fast = article_stems(infos)
    for stem in describe(other).stems | union:  # every question the signals ask is about a stem
        assert (stem in fast) == (stem in union), stem


def test_stems_keep_cjk_pairs_and_drop_function_and_mixed_words():
    assert stems_of({"innovation", "日本", "ab", "x²yzw", "abc1e"}) == {"innov", "日本"}
    assert describe("Les écoles et la ville").stems == {"écoles"[:5], "ville"}
    assert describe("the your with").stems == frozenset()  # function and common words only


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(GOLDEN) | lines)
def test_rule_matcher_gives_the_first_rule_of_the_plain_loop(text):
    info = describe(text)
    plain = next((r for r in RULES if r.matches(info.text, info.n_words)), None)
    assert RuleMatcher(RULES).first(info.text, info.n_words) is plain


def test_rule_matcher_finds_chrome_and_leaves_prose():
    matcher = RuleMatcher(RULES)
    chrome = [c["text"] for c in CASES["lines"] if c["expect"] == "remove" and c.get("signal", "pattern") == "pattern"]
    assert chrome and all(matcher.first(describe(t).text, describe(t).n_words) is not None for t in chrome)
    prose = "Le conseil municipal a voté hier soir le budget de la ville, après trois heures de débat. " * 4
    assert matcher.first(describe(prose).text, describe(prose).n_words) is None


def test_memo_gives_fresh_shapes_and_stays_bounded(monkeypatch):
    monkeypatch.setattr(lineshape, "MEMO_SIZE", 5)
    memo = ShapeMemo(RULES)
    texts = [f"Rubrique {i}" for i in range(12)] + ["Partager sur Facebook"]
    for text in texts * 2:
        info, rule = memo.shape(text)
        assert info == describe(text)
        assert rule is RuleMatcher(RULES).first(info.text, info.n_words)
        assert len(memo._seen) <= 5
    assert memo.shape("Partager sur Facebook")[1] is not None
    assert memo.shape("Partager sur Facebook", with_rule=False)[1] is None  # no rule asked, none given
