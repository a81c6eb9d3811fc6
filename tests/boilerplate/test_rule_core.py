"""The pattern rules in the native core: its candidates hold every rule Python matches, so the verdicts are Python's.

The reference is the plain loop over :meth:`Rule.matches` (the definition of "the first
rule that matches"); :class:`RuleMatcher` asks the core (:class:`nettoyeur._core.RuleSet`)
which rules can match and confirms them with Python. The laws: every rule whose Python
pattern matches a line is among the core's candidates of that line (random Unicode, lines
made of the rules' own words, needles and masks, characters whose case Python and Rust
fold differently), so the first rule is the loop's; and the translated single characters
hold exactly the code points Python's node accepts (the core matches lines as they are, so a
case-sensitive ``‹name›`` keeps its capital: no false candidates from lower-case words).
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from nettoyeur._core import RuleSet

from nettoyeur.boilerplate import rule_regex
from nettoyeur.boilerplate.line_shapes import RULE_MAX_CHARS, RuleMatcher, collapse, count_words
from nettoyeur.boilerplate.rule_regex import core_regex, lower_table
from nettoyeur.boilerplate.rule_table import BUILTIN
from nettoyeur.boilerplate.rules import (
    CORE_MASKS,
    FRAGMENTS,
    MASKS,
    Rule,
    builtin_rules,
    compile_template,
    core_source,
    expand_template,
    load_rules,
)
from pattern_lines import MOST, pattern_lines, walk_of, walked_line

RULES = builtin_rules()
MATCHER = RuleMatcher(RULES)
GOLDEN = json.loads((Path(__file__).parents[1] / "data" / "rule_core_user_rules.json").read_text(encoding="utf-8"))


def _plain_first(rules: list[Rule], text: str, n_words: int) -> Rule | None:
    """The reference: the first rule, in order, whose :meth:`Rule.matches` says so (lines over RULE_MAX_CHARS: none)."""
    if len(text) > RULE_MAX_CHARS:
        return None
    return next((r for r in rules if r.matches(text, n_words)), None)


def _candidates(matcher: RuleMatcher, texts: list[str], n_words: list[int]) -> list[set[int]]:
    """Returns the core's candidate rules (indices) of each line."""
    found = matcher._core.candidates(texts, n_words)
    out: list[set[int]] = [set() for _ in texts]
    for k in range(0, len(found), 2):
        out[found[k]].add(found[k + 1])
    return out


# What the rules read: the words of their templates and fragments, their needles, dates,
# times, names and numbers, separators, and the characters whose case Python folds in its
# own way (the Kelvin sign, the long s, the dotted and dotless i, final sigma, sharp s,
# titlecase digraphs, ligatures) or whose full lower-case form is longer (İ).
_WORDS = sorted(
    {w for row in BUILTIN for w in re.findall(r"[^\W\d_]{2,}", row[2].replace("‹", " ").replace("›", " "))}
    | {w for expansion in FRAGMENTS.values() for w in re.findall(r"[^\W\d_]{2,}", expansion)}
)
_NEEDLES = sorted({n for r in RULES for n in r.needles})
_OTHER = [
    "3 mars 2023", "12.03.2024", "2024-05-01", "March 3, 2023", "9:30", "18h45", "9 Uhr", "10pm CET",
    "Jean Dupont", "@Handle", "de La Tour", "1 234", "42", "|", "·", ":", "»", "©", "(c)", "@", "-", "–", "/",
    "\u212a", "ſ", "İ", "ı", "Σ", "ς", "ß", "ẞ", "ǅ", "ﬁ", "µ", "Ω", "\u2126", "é", "É", "\u0301", "日本", "・",
]
_piece = st.sampled_from(_WORDS + _NEEDLES + _OTHER)
_cased = st.sampled_from([str, str.upper, str.title, str.lower])
rule_lines = st.lists(st.tuples(_piece, _cased).map(lambda p: p[1](p[0])), min_size=1, max_size=12).map(" ".join)
# Any text, lone surrogates included (the core cannot read them as UTF-8: every rule is a candidate).
unicode_lines = st.text(st.characters(blacklist_categories=()), max_size=60)


# Lines each rule matches, to be changed: the project's golden lines that some rule matches, and a
# few written here for the rules the golden lines leave out.
_CASES = json.loads((Path(__file__).parents[1] / "data" / "boilerplate_cases.json").read_text(encoding="utf-8"))
_LANGUAGES = json.loads((Path(__file__).parents[1] / "data" / "boilerplate_languages.json").read_text(encoding="utf-8"))
_POSITIVES = [c["text"] for c in _CASES["lines"]] + [x["text"] for d in _CASES["documents"] for x in d["lines"]] + [
    c["text"] for cases in _LANGUAGES["languages"].values() for c in cases
] + [
    "By clicking Accept, you agree to the storing of cookies on your device",
    "En cliquant sur « Accepter », vous acceptez nos conditions",
    "Please disable your ad blocker to support our work",
    "Merci de désactiver votre bloqueur de publicité",
]


def _edit(line: str, edit: str, other: str, at: int) -> str:
    """Returns ``line`` changed in case, cut, or with a character replaced by one that Python and Rust fold apart."""
    at = at % (len(line) + 1)
    if edit in ("upper", "lower", "title"):
        return getattr(line, edit)()
    if edit == "swap":
        return line[:at] + other + line[at + 1 :]
    return line[:at] if edit == "cut" else line


_edits = st.sampled_from(["", "upper", "lower", "title", "swap", "cut"])


def _changed(lines: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Returns the lines of ``lines``, maybe changed (see :func:`_edit`)."""
    return st.tuples(lines, _edits, st.sampled_from(_OTHER), st.integers(0, 60)).map(lambda t: _edit(*t))


def _matching(k: int) -> st.SearchStrategy[str]:
    """Lines rule ``k`` matches, maybe changed: walked from its pattern's parse tree (Unicode classes and all,
    repeats capped: tests/pattern_lines.py; a walk the pattern refuses is kept as a near miss), or the positives
    it matches."""
    return _MATCHING[k]


def _positives(rule: Rule) -> list[str]:
    """Returns the positives ``rule`` matches."""
    return [t for t in _POSITIVES if rule.matches(collapse(t), count_words(collapse(t)))]


_MATCHING = [_changed(st.sampled_from(_positives(rule) or [""]) | pattern_lines(rule.pattern)) for rule in RULES]
matching_lines = st.sampled_from(range(len(RULES))).flatmap(_matching)


def test_every_rule_has_lines_it_matches_and_lines_it_refuses():
    # 20 seeded walks of each rule (tries as the laws draw them): the rules hypothesis wrote no lines for
    # (a pattern that opens with a lookahead) are walked too; those whose walks it never matches have positives.
    rng = random.Random(7)
    walked = {r.name: [walked_line(r.pattern, rng.randint) for _ in range(20)] for r in RULES}
    matched = {r.name: sum(bool(r.pattern.fullmatch(t)) for t in walked[r.name]) for r in RULES}
    assert [r.name for r in RULES if not matched[r.name] and not _positives(r)] == []
    assert sum(matched.values()) >= 0.8 * 20 * len(RULES)
    cut = {r.name: [_edit(t, "cut", "", len(t) // 2) for t in walked[r.name]] for r in RULES}
    assert [r.name for r in RULES if all(r.pattern.fullmatch(t) for t in cut[r.name])] == []


def test_walked_lines_cap_their_repeats():
    # \s* at most MOST spaces, x+ at most 1 + MOST, y{2,} at most 2 + MOST; a class's characters, case forms.
    pattern = re.compile(r"\s*x+y{2,}[^\W\d_]", re.IGNORECASE)
    rng = random.Random(3)
    lines = [walk_of(pattern).line(rng.randint) for _ in range(300)]
    assert all(pattern.fullmatch(t) for t in lines)
    runs = [re.fullmatch(r"(\s*)(x+)(y+)(.)", t, re.IGNORECASE).groups() for t in lines]
    assert max(len(r[0]) for r in runs) == MOST and max(len(r[1]) for r in runs) == 1 + MOST
    assert min(len(r[2]) for r in runs) == 2 and max(len(r[2]) for r in runs) == 2 + MOST
    assert {r[1][0] for r in runs} == {"x", "X"} and len({r[3] for r in runs}) > 100


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])
@given(st.lists(matching_lines | rule_lines | unicode_lines, min_size=1, max_size=6))
@example(["Partager sur Facebook", "Publié le 3 mars 2023 par Jean Dupont", "\ud800 Share", "300 \u212a"])
def test_every_rule_python_matches_is_a_candidate_and_the_first_rule_is_the_loops(texts):
    lines = [collapse(t) for t in texts] + texts  # as the clean asks, and raw
    n_words = [count_words(t) for t in lines]
    for text, n, found in zip(lines, n_words, _candidates(MATCHER, lines, n_words)):
        for k, rule in enumerate(RULES):
            if rule.matches(text, n):
                assert k in found, (rule.name, text)
    assert MATCHER.first_many(lines, n_words) == [_plain_first(RULES, t, n) for t, n in zip(lines, n_words)]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])
@given(st.data())
def test_each_builtin_rule_alone_matches_as_python_does(data):
    k = data.draw(st.sampled_from(range(len(RULES))))
    texts = data.draw(st.lists(_matching(k) | rule_lines, min_size=1, max_size=6))
    rule = RULES[k]
    matcher = RuleMatcher([rule])
    n_words = [count_words(t) for t in texts]
    assert matcher.first_many(texts, n_words) == [rule if rule.matches(t, n) else None for t, n in zip(texts, n_words)]


def test_every_builtin_rule_is_translated_and_compiled():
    assert all(core_regex(core_source(r.pattern), r.pattern.flags) is not None for r in RULES)
    assert MATCHER._core.compiled == [True] * len(RULES)


# Dates of every alternative of the ‹date› mask, with weekdays of both lists, and stamps.
_DATES = [
    "5 March 2024", "5th mar. 2024", "3 mars 2023", "5 de marzo de 2024", "5 d'abril de 2023", "March 5, 2024",
    "Sept 12th, 2019", "März 2024", "2024-03-05", "2024-03", "03/04/2021", "Monday, 5 May 2024",
    "wtorek, 5 marca 2024", "Monday, wtorek, 5 marca 2024.", "úterý 5. 3. 2024", "5. března 2023", "Mart 2023",
    "marca 5, 2024", "2024. március 5.", "2024年3月5日", "5 tháng 3, 2024", "2024년 3월 5일",
]
_STAMPS = ["5 March 2024 at 9:30", "9:30 le 3 mars 2023", "9h30", "12:00 UTC - 2024-03-05", "5 May 2024, 10pm GMT"]
_DATE = re.compile(MASKS["‹date›"], re.IGNORECASE)
_STAMP = re.compile(expand_template("‹stamp›"), re.IGNORECASE)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pattern_lines(_DATE) | pattern_lines(_STAMP) | st.sampled_from(_DATES + _STAMPS))
def test_the_cores_date_and_stamp_read_every_line_pythons_do(text):
    # The core's forms (CORE_MASKS, CORE_FRAGMENTS) are supersets: every date and stamp of Python's is one of theirs.
    core_date = re.compile(CORE_MASKS["‹date›"], re.IGNORECASE)
    core_stamp = re.compile(expand_template("‹stamp›", core=True), re.IGNORECASE)
    if _DATE.fullmatch(text):
        assert core_date.fullmatch(text), text
    if _STAMP.fullmatch(text):
        assert core_stamp.fullmatch(text), text


def test_the_golden_dates_are_dates_and_the_core_forms_hold_each_word_list_once():
    assert all(_DATE.fullmatch(t) for t in _DATES) and all(_STAMP.fullmatch(t) for t in _STAMPS)
    core = core_source(next(r.pattern for r in RULES if r.name == "dated-line"))
    assert core != next(r.pattern.pattern for r in RULES if r.name == "dated-line")
    stamp = expand_template("‹stamp›", core=True)
    assert stamp.count(CORE_MASKS["‹date›"]) == 1 and CORE_MASKS["‹date›"].count("jänner") == 1
    assert expand_template("‹stamp›").count(MASKS["‹date›"]) == 2


def test_most_lines_have_no_candidate_and_chrome_has_its_rule():
    # The candidates are few: a line the loop matches nothing is seldom a candidate of a rule.
    prose = [
        "Le conseil municipal a voté hier soir le budget de la ville, après trois heures de débat.",
        "The committee met on Tuesday to discuss the proposal, which had been delayed for months.",
        "Die Stadt plant für das kommende Jahr neue Radwege entlang des Flusses.",
    ]
    chrome = ["Partager sur Facebook", "Lire la suite", "Publié le 3 mars 2023 par Jean Dupont", "Mentions légales"]
    found = _candidates(MATCHER, prose + chrome, [count_words(t) for t in prose + chrome])
    assert found[: len(prose)] == [set(), set(), set()]
    assert all(found[len(prose) :])


def test_case_sensitive_masks_keep_their_case_in_the_core():
    # ‹name› wants a capital: a dated line of lower-case words is no candidate of the name rules.
    by_name = {i for i, r in enumerate(RULES) if r.name == "by-name"}
    texts = ["by our staff, 3 mars 2023", "By our staff, 3 mars 2023", "By Jean Dupont, 3 mars 2023"]
    n_words = [count_words(t) for t in texts]
    found = _candidates(MATCHER, texts, n_words)
    assert [bool(f & by_name) for f in found] == [False, False, True]
    firsts = MATCHER.first_many(texts, n_words)
    assert firsts == [_plain_first(RULES, t, n) for t, n in zip(texts, n_words)]
    assert firsts[2] is not None and firsts[2].name == "by-name"


def test_a_back_reference_read_case_insensitively_is_a_candidate_in_any_case():
    # The group is case-sensitive, its reference is not: "a A" matches, "A a" does not (nor
    # "ſ S": sre compares the simple lower-case forms, and ſ is its own).
    rule = Rule("t", "echo", compile_template(r"(?-i:(a|ſ)) \1"), 5)
    texts = ["a A", "a a", "A a", "ſ S", "ſ ſ", "a b"]
    found = _candidates(RuleMatcher([rule]), texts, [2] * len(texts))
    assert [bool(rule.pattern.fullmatch(t)) for t in texts] == [True, True, False, False, True, False]
    assert [bool(f) for f in found] == [True, True, False, False, True, False]


def test_golden_user_rules_with_lookarounds_case_and_unicode_classes(tmp_path):
    path = tmp_path / "user.rules"
    path.write_text("\n".join(GOLDEN["rules"]) + "\n", encoding="utf-8")
    user = load_rules(path)
    names = {r.name: line.split(":")[0] for r, line in zip(user, [x for x in GOLDEN["rules"] if not x.startswith("#")])}
    rules = user + RULES
    matcher = RuleMatcher(rules)
    assert matcher._core.compiled == [True] * len(rules)
    texts = [collapse(c["text"]) for c in GOLDEN["lines"]]
    n_words = [count_words(t) for t in texts]
    firsts = matcher.first_many(texts, n_words)
    assert any(c["first"] is None for c in GOLDEN["lines"]) and any(c["first"] for c in GOLDEN["lines"])
    for case, text, n, first in zip(GOLDEN["lines"], texts, n_words, firsts):
        assert first is _plain_first(rules, text, n), text
        assert (None if first is None else names.get(first.name, first.name)) == case["first"], text
    for rule in user:
        alone = RuleMatcher([rule]).first_many(texts, n_words)
        assert [names[rule.name] in c["user_rules"] for c in GOLDEN["lines"]] == [r is rule for r in alone], rule.name


# Single characters: the translated class of a node holds exactly the code points Python's node
# accepts (all of the BMP and every cased character; a sample above), case-sensitive ones included.
_NODES = [
    r"\w", r"\W", r"\d", r"\D", r"\s", r"\S", r".", r"[^\W\d_]", r"[a-z]", r"[^a-z]", r"k", r"[^k]", r"ſ", r"s",
    r"i", r"ß", r"σ", r"ς", r"µ", r"ǅ", r"(?-i:[A-ZÀ-Þ])", r"(?-i:k)", r"(?a:\w)", r"(?a:[^\W\d])", r"[\w@.'’&-]",
    r"[\u00c0-\u024f]", r"[\U00010400-\U0001044f]", r"(?-i:[\U00010400-\U00010427])",
]
_CODES = sorted({*range(0xD800), *range(0xE000, 0x10000), *range(0x10000, 0x110000, 97), 0x10400, 0x10428})


@pytest.mark.parametrize("node", _NODES)
def test_a_translated_character_class_holds_every_character_python_accepts(node):
    pattern = re.compile(node, re.IGNORECASE)
    core = RuleSet([core_regex(pattern.pattern, pattern.flags)], [1], [[]], *lower_table())
    chars = [chr(c) for c in _CODES] + list(rule_regex._cased()[0])
    accepted = {i for i, ch in enumerate(chars) if pattern.fullmatch(ch)}
    found = set(core.candidates(chars, [1] * len(chars))[::2])
    assert accepted and accepted <= found, [chars[i] for i in sorted(accepted - found)][:10]
    assert found == accepted, [chars[i] for i in sorted(found - accepted)][:10]


def test_assertions_and_untranslated_rules_leave_python_to_decide(monkeypatch):
    # Dropped assertions make a superset: the core names the rule, Python refuses the line.
    rule = Rule("t", "lookahead", compile_template(r"(?!spam).*"), 5)
    matcher = RuleMatcher([rule])
    assert _candidates(matcher, ["spam", "ham"], [1, 1]) == [{0}, {0}]
    assert matcher.first_many(["spam", "ham"], [1, 1]) == [None, rule]
    # A rule the translation refuses is a candidate of every line that fits its limit and needles.
    monkeypatch.setenv("NETTOYEUR_CACHE_DIR", "")  # (a cached translation would answer instead)
    monkeypatch.setattr("nettoyeur.boilerplate.rule_cache.core_regex", lambda pattern, flags: None)
    fallback = RuleMatcher(RULES)
    assert fallback._core.compiled == [False] * len(RULES)
    texts = ["Partager sur Facebook", "Une phrase ordinaire, sans rien de particulier."]
    n_words = [count_words(t) for t in texts]
    assert fallback.first_many(texts, n_words) == [_plain_first(RULES, t, n) for t, n in zip(texts, n_words)]


def test_needles_are_found_where_str_lower_finds_them():
    # str.lower writes a final sigma as ς and İ as i + U+0307, where sre's table (the core's) has σ and i.
    rules = [
        Rule("t", "greek", compile_template(r".*λόγος.*"), 10, ("λόγος",)),
        Rule("t", "dotted", compile_template(r"istanbul"), 10, ("i\u0307stanbul",)),
    ]
    matcher = RuleMatcher(rules)
    texts, n_words = ["ΛΌΓΟΣ", "ΛΌΓΟΣ ΚΑΙ", "İSTANBUL", "λόγοσ"], [1, 2, 1, 1]
    firsts = matcher.first_many(texts, n_words)
    assert [r.name if r else None for r in firsts] == ["greek", "greek", "dotted", None]
    assert firsts == [_plain_first(rules, t, n) for t, n in zip(texts, n_words)]


def test_the_core_refuses_inconsistent_input():
    lower = lower_table()
    with pytest.raises(ValueError):
        RuleSet([None], [], [[]], *lower)
    with pytest.raises(ValueError):
        RuleSet([None], [1], [[""]], *lower)
    with pytest.raises(ValueError):
        RuleSet([], [], [], [65], [0xD800], [])
    core = RuleSet([r"\Aa\z"], [3], [[]], *lower)
    with pytest.raises(ValueError):
        core.candidates(["a"], [1, 2])
    with pytest.raises(TypeError):
        core.candidates([b"a"], [1])
    assert core.candidates(["a", "b", "A", "a"], [1, 1, 1, 4]) == [0, 0]  # as they are, and word limits
