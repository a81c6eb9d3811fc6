"""A rule's word characters take the combining marks (issue 13): Thai and Devanagari words read whole.

:data:`nettoyeur.boilerplate.word_chars.WORD` is Python's ``\\w`` and the combining marks (Mn, Mc),
the set the line shapes read words with; the breadcrumb row reads its steps with it, and a
home word of a language table opens a breadcrumb with "/" (two of them at least). The core's
candidates hold every line Python's rule matches, and the first rule is the plain loop's.
"""

from __future__ import annotations

import re
import sys
import unicodedata

import pytest

from nettoyeur.boilerplate.line_shapes import RuleMatcher, count_words
from nettoyeur.boilerplate.rules import builtin_rules
from nettoyeur.boilerplate.word_chars import MARKS, WORD

RULES = builtin_rules()
MATCHER = RuleMatcher(RULES)

BREADCRUMBS = [
    "หน้าแรก > ข่าว > ในประเทศ",
    "ข่าว > เศรษฐกิจ > ตลาดหุ้น",
    "होम > समाचार > देश",
    "मुखपृष्ठ / खेल / क्रिकेट",
    "Strona główna / Kraj / Pogoda",
    "Главная / Общество / Город",
    "Home / News",
]
# Titles and short lines of these scripts, and lines that open with a home word of a language
# table and one "/" only: no breadcrumb.
NOT_BREADCRUMBS = [
    "ราคาทองคำวันนี้ปรับตัวขึ้นต่อเนื่อง",
    "หน้าแรกของเว็บไซต์ใหม่",
    "मौसम विभाग ने चेतावनी जारी की",
    "מחיר ממוצע לדירה",
    "شقة بثلاث غرف",
    "Principal / agent problems in economics",
    "Strona główna / wszystkie działy",
    "Начало / конец",
]


def test_word_is_python_w_and_the_combining_marks():
    word = re.compile(f"[{WORD}]")
    marks = re.compile(f"[{MARKS}]")
    for code in range(sys.maxunicode + 1):
        c = chr(code)
        is_mark = unicodedata.category(c) in ("Mn", "Mc")
        assert bool(marks.match(c)) == is_mark, hex(code)
        assert bool(word.match(c)) == (is_mark or bool(re.match(r"\w", c))), hex(code)


def test_thai_and_hindi_words_are_read_whole():
    assert re.findall(f"[{WORD}]+", "หน้าแรก ข่าว मौसम विभाग") == ["หน้าแรก", "ข่าว", "मौसम", "विभाग"]
    assert re.findall(r"\w+", "ข่าว") != ["ข่าว"]  # why: Python's \w leaves the tone mark out


@pytest.mark.parametrize("text", BREADCRUMBS)
def test_breadcrumbs_of_every_script_are_breadcrumbs(text):
    rule = MATCHER.first_many([text], [count_words(text)])[0]
    assert rule is not None and rule.name == "breadcrumb", (text, rule)


@pytest.mark.parametrize("text", NOT_BREADCRUMBS)
def test_titles_and_one_slash_after_a_language_home_word_are_not(text):
    rule = MATCHER.first_many([text], [count_words(text)])[0]
    assert rule is None or rule.name != "breadcrumb", text


def test_the_core_and_python_agree_on_these_lines():
    lines = BREADCRUMBS + NOT_BREADCRUMBS
    n_words = [count_words(t) for t in lines]
    plain = [next((r for r in RULES if r.matches(t, n)), None) for t, n in zip(lines, n_words)]
    assert MATCHER.first_many(lines, n_words) == plain


def test_the_cached_table_is_the_walk_of_this_python():
    from nettoyeur.boilerplate.word_chars import mark_ranges

    assert MARKS == mark_ranges()
    assert re.fullmatch(f"[{MARKS}]+", "\u0e48\u0e4e") and not re.match(f"[{MARKS}]", "a")  # Thai tone marks
