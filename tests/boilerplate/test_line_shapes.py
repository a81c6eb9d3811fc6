"""Line shapes: the fast paths of :mod:`nettoyeur.boilerplate.line_shapes` give what the plain definitions give."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import memo_reference
import shapes_reference
from nettoyeur.boilerplate import line_shapes
from nettoyeur.boilerplate.line_shapes import (
    LineInfo,
    RuleMatcher,
    ShapeMemo,
    article_stems,
    collapse,
    count_words,
    describe,
    ends_sentence,
    has_fewer_words,
)
from nettoyeur.boilerplate.rules import Rule, builtin_rules, compile_template, needle_pattern
from nettoyeur.text.lexicon import COMMON_WORDS
from nettoyeur.text.lexicon_pages import LINE_FUNCTION_WORDS

CASES = json.loads((Path(__file__).parents[1] / "data" / "boilerplate_cases.json").read_text(encoding="utf-8"))
GOLDEN = [c["text"] for c in CASES["lines"]] + [line["text"] for d in CASES["documents"] for line in d["lines"]]
RULES = builtin_rules()
LAW = settings(max_examples=300, deadline=None)

# Text with what makes the fast paths differ from the slow ones if they are wrong: white
# space of every kind, CJK (and a CJK sign that is no word character), digits,
# underscores, combining marks, non-decimal numerals, sentence ends behind quotes, a
# capital that lower-cases to two characters.
_ALPHABET = "ab é É,;.-'’!?…»)\"_1²½日本の語・ \t\u00a0\u2003\u0301İ"
lines = st.text(alphabet=_ALPHABET, max_size=80)
# Lines made of what the rules look for: their needles, the words of the golden cases
# (chrome and prose), digits, separators and case changes, so that needles occur and
# patterns match or nearly match.
_PIECES = sorted(
    {needle for rule in RULES for needle in rule.needles}
    | {word for text in GOLDEN for word in text.split()}
    | {"2023", "12:30", "|", "·", ":", "©", "-", "»", "(c)", "@"}
)
pieces = st.sampled_from(_PIECES) | st.sampled_from(_PIECES).map(str.upper)
rule_lines = st.lists(pieces, min_size=1, max_size=30).map(" ".join)


@LAW
@given(lines)
def test_collapse_is_white_space_runs_made_one_space(text):
    assert collapse(text) == re.sub(r"\s+", " ", text).strip()


@LAW
@given(lines)
def test_sentence_end_test_is_the_regular_expression(text):
    assert ends_sentence(text) == (re.search(r"[.!?…。！？।॥؟۔።፧។៕။։།༎][\"'”’»)\]]*$", text) is not None)


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ("সর্বনিম্ন ভাড়া ২০ টাকা এবং সর্বোচ্চ ভাড়া ১০০ টাকা।", True),  # the danda ends Bengali and Hindi sentences
        ("यह खबर सही है॥", True),
        ("نرخ دلار در بازار آزاد امروز چقدر شد؟", True),  # the Arabic question mark
        ("یہ خبر درست ہے۔", True),  # the Urdu full stop
        ("ገበያው ዛሬ ተከፈተ።", True),  # the Ethiopic full stop and question mark
        ("ገበያው መቼ ይከፈታል፧", True),
        ("ផ្សារបើកថ្ងៃនេះ។", True),  # the Khmer khan
        ("ဈေးဖွင့်ပြီ။", True),  # the Myanmar section mark
        ("ገበያው ዛሬ ተከፈተ፣", False),  # an Ethiopic comma
        ("ဈေးဖွင့်ပြီ၊", False),  # a Myanmar comma
        ("Շուկան այսօր բաց է։", True),  # the Armenian full stop
        ("ཚོང་ར་དེ་རིང་ཁ་ཕྱེ་ཡོད།", True),  # the Tibetan shad and its double
        ("ཚོང་ར་དེ་རིང་ཁ་ཕྱེ་ཡོད༎", True),
        ("Շուկան այսօր բաց է՝", False),  # an Armenian comma
        ("ཚོང་ར་དེ་རིང་ཁ་ཕྱེ་ཡོད་", False),  # a Tibetan syllable mark (tsheg)
        ("মাসিক যাত্রী সংখ্যা", False),
        ("جستجو:", False),
    ],
)
def test_the_sentence_ends_of_other_scripts_end_a_sentence(text, sentence):
    assert ends_sentence(text) is sentence
    assert describe(text).sentence is sentence


@pytest.mark.parametrize(
    ("text", "prose"),
    [
        # a sentence of an unspaced script: a few phrases, one word per UNSPACED_CHARS_PER_WORD characters
        ("សាលារៀនថ្មីនៅភូមិយើងនឹងបើកទ្វារទទួលសិស្សនៅខែក្រោយ ហើយមានបន្ទប់រៀនចំនួនដប់។", True),
        ("ໂຮງຮຽນໃໝ່ໃນບ້ານຂອງພວກເຮົາຈະເປີດຮັບນັກຮຽນໃນເດືອນໜ້າ ແລະ ມີຫ້ອງຮຽນສິບຫ້ອງ.", True),
        ("ကျွန်ုပ်တို့ရွာရှိ ကျောင်းသစ်သည် လာမည့်လတွင် ကျောင်းသားများကို စတင်လက်ခံမည်။", True),
        # the same without its full stop is a headline; a menu or a short sentence is short
        ("សាលារៀនថ្មីនៅភូមិយើងនឹងបើកទ្វារទទួលសិស្សនៅខែក្រោយ ហើយមានបន្ទប់រៀនចំនួនដប់", False),
        ("ព័ត៌មានជាតិ", False),
        ("ផ្សារបើកថ្ងៃនេះ។", False),
        ("ຂ່າວສານ", False),
        # Thai has no full stop: prose at PROSE_ANY_WORDS (150 characters), a headline is shorter
        ("โรงเรียนแห่งใหม่ในหมู่บ้านของเราจะเปิดรับนักเรียนในเดือนหน้า", False),
        ("โรงเรียนแห่งใหม่ในหมู่บ้านของเราจะเปิดรับนักเรียนในเดือนหน้า " * 3, True),
    ],
)
def test_a_sentence_of_an_unspaced_script_counts_its_characters_for_the_prose_test(text, prose):
    info = describe(text)
    assert info.prose is prose
    assert shapes_reference.describe(text)[3] is prose
    assert info.n_words == len(shapes_reference.words(text))  # the runs: only the prose test reads characters


@LAW
@given(lines, st.integers(min_value=1, max_value=30))
def test_word_limit_test_stops_at_the_limit_but_agrees_with_counting(text, limit):
    assert has_fewer_words(text, limit) == (count_words(text) < limit)


def _plain_stems(text: str) -> frozenset[str]:
    """The stems as the boilerplate module defined them before the fast path."""
    lowered = collapse(text).lower()
    cjk = re.search(f"[{line_shapes._CJK}]", lowered) is not None
    words = (shapes_reference._CJK_TOKENS if cjk else shapes_reference._WORDS).findall(lowered)
    return frozenset(
        w[:5]
        for w in words
        if (len(w) >= 4 or (cjk and len(w) == 2 and re.match(f"[{line_shapes._CJK}]", w)))
        and w.isalpha()
        and w not in LINE_FUNCTION_WORDS
        and w not in COMMON_WORDS
    )


@LAW
@given(lines)
def test_stems_of_a_line_are_its_letters_only_words_first_letters(text):
    assert describe(text).stems == _plain_stems(text)


def _plain_article_prefixes(infos: list[LineInfo]) -> frozenset[str]:
    """The first five letters of every letters-only word of the lines that is not a function or common word."""
    return frozenset(
        w[:5]
        for i in infos
        for w in shapes_reference.words(i.text)
        if w.isalpha() and w not in LINE_FUNCTION_WORDS and w not in COMMON_WORDS
    )


# Article lines with long words that share their first letters (or hold another's
# first letters inside), and function words.
_ARTICLE_WORDS = ["innovation", "innovant", "innov", "inno", "rénovation", "novateur", "ville", "villes", "the", "avec"]
_ARTICLE_WORDS += ["écoles", "日本", "x2"]
article_lines = lines | st.lists(st.sampled_from(_ARTICLE_WORDS), max_size=8).map(" ".join)


@LAW
@given(st.lists(article_lines, max_size=6), article_lines)
def test_a_stem_is_in_the_article_set_exactly_when_a_line_has_it(body, other):
    infos = [describe(t) for t in body]
    union = frozenset().union(*[i.stems for i in infos])
    fast = article_stems(infos)
    stems = describe(other).stems
    for stem in stems | union:  # every question the signals ask is about a stem
        assert (stem in fast) == (stem in union), stem
    assert fast.shared_lines([other]) == (len(stems & union), len(stems))
    both = stems | describe(body[0] if body else "").stems
    assert fast.shared_lines([other, body[0] if body else ""]) == (len(both & union), len(both))


@LAW
@given(st.lists(article_lines, max_size=6), st.lists(article_lines | st.sampled_from(_ARTICLE_WORDS), max_size=4))
def test_the_article_set_answers_any_string_as_the_set_of_first_letters(body, asked):
    _answers_as_the_set_of_first_letters([describe(t) for t in body], asked)


def _answers_as_the_set_of_first_letters(infos: list[LineInfo], asked: list[str]) -> None:
    """Asserts that the article of ``infos`` answers ``asked`` and its words' prefixes as their first letters do."""
    plain = _plain_article_prefixes(infos)
    words = [w for i in infos for w in shapes_reference.words(i.text)]
    questions = {q for text in asked + words for q in (text, text[:3], text[:4], text[:5], text[:6], text.lower())}
    searched = article_stems(infos)
    saved = line_shapes.ASKED_BEFORE_SET
    try:
        line_shapes.ASKED_BEFORE_SET = 1  # the second question and those after it: from the set
        made = article_stems(infos)
        for question in sorted(questions):
            assert (question in made) == (question in plain), question
    finally:
        line_shapes.ASKED_BEFORE_SET = saved
    for question in sorted(questions):
        assert (question in searched) == (question in plain), question


# Prose lines (``PROSE_ANY_WORDS`` words or more). The core keeps the packed stems of a line it described once an
# article's set has read it, and a later article searches them (native/src/shapes_py.rs, ``Known.keys``): below,
# ``searched`` asks its first question after ``made`` has made its set.
prose_lines = st.lists(article_lines, min_size=1, max_size=3).map(lambda p: " ".join(p + ["innovation"] * 30) + ".")


@LAW
@given(
    st.lists(prose_lines | article_lines, min_size=1, max_size=4),
    st.lists(article_lines | st.sampled_from(_ARTICLE_WORDS), max_size=4),
)
def test_an_article_of_prose_lines_answers_as_the_set_of_first_letters(body, asked):
    infos = [describe(t) for t in body]  # described: known to the core, with their stems when prose
    assert all(i.prose for t, i in zip(body, infos) if t.count("innovation") >= 30)
    _answers_as_the_set_of_first_letters(infos, asked)


def test_stems_keep_cjk_pairs_and_drop_function_and_mixed_words():
    assert describe("innovation 日本 ab x²yzw abc1e").stems == {"innov", "日本"}
    assert describe("Les écoles et la ville").stems == {"écoles"[:5], "ville"}
    assert describe("the your with").stems == frozenset()  # function and common words only


MATCHER = RuleMatcher(RULES)


def _plain_first(rules: list[Rule], info: LineInfo) -> Rule | None:
    """The rule matcher's plain definition: the first rule, in order, that matches the line."""
    return next((r for r in rules if r.matches(info.text, info.n_words)), None)


@settings(max_examples=500, deadline=None)
@given(st.sampled_from(GOLDEN) | lines | rule_lines)
def test_rule_matcher_gives_the_first_rule_of_the_plain_loop(text):
    info = describe(text)
    assert MATCHER.first(info.text, info.n_words) is _plain_first(RULES, info)


# Rules that overlap: needles shared with other rules, a needle inside another, rules
# without needles that match the same lines, word limits that differ, and a rule whose
# pattern matches lines without its needle (which it must then leave).
_OVERLAPPING = [
    Rule("t", "cookie-anywhere", compile_template(r".*cookies?.*"), 12, ("cookie",)),
    Rule("t", "read-with-more", compile_template(r"read .*"), 8, ("more",)),
    Rule("t", "cook-start", compile_template(r"cook.*"), 6, ("cook",)),
    Rule("t", "short-caps", compile_template(r"‹name›"), 3),
    Rule("t", "dated", compile_template(r".*‹date›.*"), 20, tuple("0123456789")),
    Rule("t", "any-short", compile_template(r"\S+(?: \S+)?"), 2),
]


@settings(max_examples=300, deadline=None)
@given(
    st.permutations(RULES[:12] + _OVERLAPPING + RULES[-12:]),
    rule_lines
    | st.lists(
        st.sampled_from(["cookie", "cookies", "Cook", "COOKIE", "3 mars 2023", "Le", "read", "more"]), max_size=8
    ).map(" ".join),
)
def test_rule_matcher_keeps_the_order_of_any_rule_list(rules, text):
    # No translation cache here: each order is a rule list of its own, whose cache file (the
    # compressed case table, ~0.1 s to write) was most of an example's time; that another order
    # is another cache key is asked in tests/boilerplate/test_rule_cache.py.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NETTOYEUR_CACHE_DIR", "")
        matcher = RuleMatcher(rules)
    info = describe(text)
    assert matcher.first(info.text, info.n_words) is _plain_first(rules, info)


# Needles from a small alphabet, so that they overlap, extend one another and share prefixes;
# regex metacharacters among them must be taken literally.
_needle_text = st.text(alphabet="abé.*(|", min_size=1, max_size=4)


@settings(max_examples=400, deadline=None)
@given(st.lists(_needle_text, min_size=1, max_size=12), st.text(alphabet="abé.*(| ", max_size=30))
def test_needle_pattern_finds_a_line_exactly_when_it_holds_a_needle(needles, line):
    assert (needle_pattern(needles).search(line) is not None) == any(n in line for n in needles)


def test_needle_pattern_of_the_builtin_rules_agrees_with_substring_tests():
    needles = sorted({n for r in RULES for n in r.needles})
    search = needle_pattern(needles).search
    lines = [c["text"].lower() for c in CASES["lines"]] + [n[1:] for n in needles] + [n + "x" for n in needles]
    assert any(search(x) for x in lines) and not all(search(x) for x in lines)
    for line in lines:
        assert (search(line) is not None) == any(n in line for n in needles), line


def test_needle_pattern_refuses_an_empty_needle():
    with pytest.raises(ValueError, match="empty needle"):
        needle_pattern(["cookie", ""])
    with pytest.raises(ValueError, match="no needles"):
        needle_pattern([])


def test_rule_matcher_finds_chrome_and_leaves_prose():
    matcher = RuleMatcher(RULES)
    chrome = [c["text"] for c in CASES["lines"] if c["expect"] == "remove" and c.get("signal", "pattern") == "pattern"]
    assert chrome and all(matcher.first(describe(t).text, describe(t).n_words) is not None for t in chrome)
    prose = "Le conseil municipal a voté hier soir le budget de la ville, après trois heures de débat. " * 4
    assert matcher.first(describe(prose).text, describe(prose).n_words) is None


def test_memo_gives_fresh_shapes_and_stays_bounded(monkeypatch):
    monkeypatch.setattr(line_shapes, "MEMO_SIZE", 5)
    memo = ShapeMemo(RULES)
    texts = [f"Rubrique {i}" for i in range(12)] + ["Partager sur Facebook"]
    for text in texts * 2:
        info, rule = memo.shape(text)
        assert info == describe(text)
        assert rule is MATCHER.first(info.text, info.n_words)
        assert len(memo._seen) <= 5
    assert memo.shape("Partager sur Facebook")[1] is not None
    assert memo.shape("Partager sur Facebook", with_rule=False)[1] is None  # no rule asked, none given


def test_memo_keeps_only_lines_seen_twice(monkeypatch):
    """A line is remembered at its second sighting; lines seen once leave a bounded set of hashes."""
    monkeypatch.setattr(line_shapes, "MEMO_SIZE", 50)
    memo = ShapeMemo(RULES)
    for i in range(120):
        assert memo.shape(f"line {i}")[0] == describe(f"line {i}")
    assert len(memo._seen) == 0 and len(memo._seen._once) <= 50
    memo.shape("Accueil")
    assert "Accueil" not in memo._seen
    memo.shape("Accueil")
    assert memo._seen["Accueil"][0] == describe("Accueil")
    memo.shape("x" * (line_shapes.MEMO_MAX_CHARS + 1))
    memo.shape("x" * (line_shapes.MEMO_MAX_CHARS + 1))
    assert len(memo._seen) == 1  # long lines never


def _memo() -> ShapeMemo:
    """A fresh memo of the builtin rules that asks the module's matcher, :data:`MATCHER`.

    A matcher is compiled once: ~70 ms a compilation (most of it reading the translation cache),
    which the laws below paid two or three times an example. The memo's own compilation, on first
    use, is asked by the memo's golden cases (``ShapeMemo(RULES)`` above and below).
    """
    memo = ShapeMemo(RULES)
    memo._matcher = MATCHER
    return memo


# Lines past the rules' reach among lines within it: more words than any rule reads, more
# characters than RULE_MAX_CHARS, and chrome lines repeated within and across pages.
_far_lines = st.sampled_from(
    [
        "Partager sur Facebook",
        "Publié le 3 mars 2023 par Jean Dupont",
        "Lire la suite " + "mot " * 90,
        "x" * (line_shapes.RULE_MAX_CHARS + 1),
        "Accueil " + "y" * line_shapes.RULE_MAX_CHARS,
    ]
)


# 100 examples, not 200 (20 s of the suite's 1,715 on 2 busy cores): the law below asks the core's walk too.
@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(_far_lines | rule_lines | lines, max_size=12), min_size=1, max_size=4))
def test_memo_shapes_of_pages_are_each_line_described_and_ruled_alone(pages):
    """ShapeMemo.shapes of each page gives describe and the plain loop's first rule of each line, memo or not."""
    memo = _memo()
    for page in pages + pages:  # the second time, the repeated lines come from the memo
        got = memo.shapes(page)
        expected = [describe(t) for t in page]
        assert [info for info, _ in got] == expected
        # (no rule reads a line of more than RULE_MAX_CHARS characters, whatever its words)
        ruled = [_plain_first(RULES, i) if len(i.text) <= line_shapes.RULE_MAX_CHARS else None for i in expected]
        assert [rule for _, rule in got] == ruled
        assert [shape for shape, _ in memo.shapes(page, with_rule=False)] == expected
        assert all(rule is None for _, rule in memo.shapes(page, with_rule=False))
    short = {t for page in pages for t in page if len(t) <= line_shapes.MEMO_MAX_CHARS}
    assert set(memo._seen) <= short  # long lines are never remembered


# 100 examples, not 300: the slowest law of the file (53 s of the suite's 1,715 on 2 busy cores), and each
# example already walks up to 5 pages twice at a random memo size (the memo's golden cases are below).
@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(_far_lines | rule_lines | lines, max_size=12), min_size=1, max_size=5), st.integers(1, 8))
def test_core_memo_walk_is_the_plain_walk(pages, size):
    """``_core.memo_shapes`` gives the plain walk's shapes and rules, and leaves the memo as it does, full or not."""
    core, plain = _memo(), _memo()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(line_shapes, "MEMO_SIZE", size)
        for page in pages + pages[::-1]:
            got, want = core.shapes(page), memo_reference.shapes(plain, page)
            assert [(info, rule and rule.name) for info, rule in got] == [(i, r and r.name) for i, r in want]
            assert dict(core._seen) == dict(plain._seen) and core._seen._once == plain._seen._once
    texts = [t for page in pages for t in page]
    n_words = [describe(t).n_words for t in texts]
    assert core.matcher.first_many(texts, n_words) == memo_reference.first_many(plain.matcher, texts, n_words)


def test_memo_remembers_a_page_line_at_its_second_sighting():
    memo = ShapeMemo(RULES)
    long_line = "Accueil " + "y" * line_shapes.MEMO_MAX_CHARS
    memo.shapes(["Partager sur Facebook", "Accueil", long_line, long_line])
    assert "Partager sur Facebook" not in memo._seen and long_line not in memo._seen
    memo.shapes(["Accueil", "Accueil", "Partager sur Facebook"])
    assert set(memo._seen) == {"Accueil", "Partager sur Facebook"}
    assert memo._seen["Partager sur Facebook"][1] is not None  # its rule is remembered with its shape
