"""The built-in rules' patterns, compiled by Python on their first match (:class:`LazyPattern`)."""

from __future__ import annotations

import pickle
import re

import pytest

from nettoyeur.boilerplate.rule_table import BUILTIN
from nettoyeur.boilerplate.rules import LazyPattern, Rule, builtin_rules, compile_template


def test_every_builtin_pattern_is_its_compiled_template_and_compiles():
    rules = builtin_rules()
    assert [r.name for r in rules] == [name for _, name, _, _, _ in BUILTIN]
    for rule, (_, name, template, _, _) in zip(rules, BUILTIN):
        assert isinstance(rule.pattern, LazyPattern), name
        assert rule.pattern._compiled is None, name  # nothing compiled until asked
        compiled = compile_template(template)
        # The core's translation reads (pattern, flags): the same as the compiled pattern's.
        assert (rule.pattern.pattern, rule.pattern.flags) == (compiled.pattern, compiled.flags), name
        assert rule.pattern.compiled() == compiled, name
        assert rule.pattern.compiled() is rule.pattern.compiled()


@pytest.mark.parametrize("pattern", ["(?s)a.b", "(?ix) b c", "(?-i:C)d", "(?:e)f", "(?i)(?:g)", "h(?i:H)"])
def test_flags_are_those_of_the_compiled_pattern_with_or_without_global_flags(pattern):
    assert LazyPattern(pattern).flags == re.compile(pattern, re.IGNORECASE).flags
    assert LazyPattern(pattern, 0).flags == re.compile(pattern).flags


def test_matches_like_the_compiled_pattern():
    lazy, compiled = LazyPattern(r"Publié le \d+"), re.compile(r"Publié le \d+", re.IGNORECASE)
    for line in ["publié le 5", "PUBLIÉ LE 12", "publié le", "x publié le 5"]:
        assert bool(lazy.fullmatch(line)) == bool(compiled.fullmatch(line))
        assert bool(lazy.search(line)) == bool(compiled.search(line))


def test_an_invalid_expression_fails_when_first_compiled():
    lazy = LazyPattern("(unclosed")
    with pytest.raises(re.error):
        lazy.fullmatch("x")


def test_copies_are_equal_and_sent_uncompiled():
    rule = builtin_rules()[0]
    rule.pattern.compiled()
    copy = pickle.loads(pickle.dumps(rule))
    assert copy == rule and hash(copy) == hash(rule)
    assert copy.pattern._compiled is None
    assert copy.matches("Home", 1) == rule.matches("Home", 1)
    other = Rule(rule.kind, rule.name, LazyPattern(rule.pattern.pattern + "x"), rule.max_words, rule.needles)
    assert other != rule
    assert LazyPattern("a") != re.compile("a", re.IGNORECASE)  # not the same kind of object
