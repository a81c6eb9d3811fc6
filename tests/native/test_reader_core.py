"""The core's loading of documents (``LineSplitter``, ``RepairGate``) against the plain Python definitions.

The oracles are :mod:`split_reference` (lines split by a regular expression, paragraphs by
``str.isspace``) and :mod:`repair_gate_reference` (the gate's tables read character by
character, ftfy's own entity pattern, Python's NFC): on random Unicode (every line break
``str.splitlines`` knows, every kind of white space, CJK, combining marks that NFC composes,
``İ``/``ı``, ``ß``, ``Σ``/``ς``, lone surrogates, characters above U+FFFF, NUL and controls),
on arbitrary bytes as the reader decodes them (invalid UTF-8, byte-order marks, UTF-16), and
on very long lines, the core gives the same lines, paragraphs and answers. Hostile input
(non-strings, bad line numbers, tables that do not fit) raises, never crashes.
"""

from __future__ import annotations

import codecs

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import repair_gate_reference as gate_ref
import split_reference as split_ref
from nettoyeur import _core
from nettoyeur.boilerplate.line_counts import document_line_keys
from nettoyeur.boilerplate.line_shapes import shapes_core
from nettoyeur.boilerplate.mark import FREQUENCY_MAX_WORDS
from nettoyeur.records import Paragraph
from nettoyeur.text import repair_gate, split
from nettoyeur.text.decode import BinaryFileError, decode

LAW = settings(max_examples=400, deadline=None)

# Line breaks (ours and the others), white space of every kind, characters mojibake is made of
# (C1 controls, "Ã", "©", "â€"), an entity's characters, combining marks and what they compose
# with, letters whose case is special, CJK, controls and NUL, the byte-order mark, a lone
# surrogate and characters above U+FFFF (plain and composing).
_SPECIAL = (
    "aZ ;#&x9éÃ©â€™\x85\x81\x9d\x1a\x1b\x00\x07\ufeff\u2060\u200b"
    "\n\r\x0b\x0c\x1c\x1d\x1e\x1f\u2028\u2029\t\xa0\u1680\u2000\u200a\u202f\u205f\u3000"
    "\u0301\u0306\u0327\u0308A\u0102İıßΣσς日本\u1100\u1161\u11a8\u0b47\u0b3e"
    "\ud800\udc00\U0001f600\U00020000\U0001d15e\U0002f800\U00011127"
)
text = st.text(alphabet=st.sampled_from(_SPECIAL) | st.characters(), max_size=80)
# Texts made of lines, so that endings, blank lines and paragraphs all come up.
layout = st.lists(
    st.tuples(text, st.sampled_from(["\n", "\r", "\r\n", "", "\n\n", " \r\n", "\u2028", "\x85"]))
).map(lambda parts: "".join(t + e for t, e in parts))


def as_tuples(paragraphs: list[Paragraph]) -> list[tuple]:
    return [(p.index, p.line, p.text, p.original, p.repairs, p.verdict) for p in paragraphs]


def assert_split_is_the_plain_definition(value: str) -> None:
    lines, paragraphs = split.split_lines(value)
    want_lines, want_paragraphs = split_ref.split_lines(value)
    assert lines == want_lines
    assert all(type(line) is str for line in lines)
    assert all(type(p) is Paragraph for p in paragraphs)
    assert as_tuples(paragraphs) == as_tuples(want_paragraphs)


@LAW
@given(text | layout)
@example("\n  Titre \r\n\t\nCorps\rFin")
@example("a\r\r\n\n\r")
@example("\ufeffa\x00b\r\n\u3000\n\ud800\n\U0001f600")
def test_split_is_the_plain_definition(value):
    assert_split_is_the_plain_definition(value)


# Bytes: arbitrary, or made of pieces that decode in many ways (UTF-8, a broken sequence, NUL).
_PIECES = st.lists(st.sampled_from([b"a", b"\xc3\xa9", b"\xc3", b"\x93", b"\r", b"\n", b"\x00", b" "])).map(b"".join)


@LAW
@given(st.binary(max_size=200) | _PIECES)
@example(codecs.BOM_UTF8 + b"caf\xc3\xa9\r\nfin")
@example(codecs.BOM_UTF16_LE + "ligne\r\nzwei\u2028".encode("utf-16-le"))
@example(b"caf\xe9 \x93quoted\x94\nline\xc3\xa9\n")
def test_split_of_decoded_bytes_is_the_plain_definition(data):
    try:
        value, _ = decode(data)
    except BinaryFileError:
        return
    assert_split_is_the_plain_definition(value)


def assert_keys_are_the_plain_definition(value: str, max_chars: int = 1_000_000) -> None:
    """Pass 1's call: the paragraphs, the gate on the lines and the paragraphs' keys, as the plain definitions say."""
    paragraphs, suspect, keys = split.paragraph_line_keys(value, shapes_core(), FREQUENCY_MAX_WORDS, max_chars)
    want_lines, want_paragraphs = split_ref.split_lines(value)
    assert paragraphs == len(want_paragraphs)
    assert suspect == any(map(gate_ref.may_need_repair, want_lines))
    texts = [p.original for p in want_paragraphs if len(p.original) <= max_chars]
    assert keys == (None if suspect else document_line_keys(texts))


@LAW
@given(text | layout | _PIECES.map(lambda data: data.decode("utf-8", "surrogateescape")), st.sampled_from([3, 10**6]))
@example("\n  Titre \r\n\t\nCorps\rFin", 10**6)
@example("propre\r\n\x85\r\ncaf\u00c3\u00a9 et A\u0306\n", 10**6)  # damage on a blank line and on a paragraph
@example("A\u0306\u00a9\r\n\n", 10**6)  # a line that composes (asked of Python's NFC)
@example("\u3000\n\t", 10**6)  # no paragraph
@example("Menu\nMenu\nAccueil 2024\nAccueil 2025\n\U0001f600 Ωμέγα\nΣΊΣΥΦΟΣ\n", 10**6)  # pairs, digits, astral, case
@example("Menu\nun très long paragraphe\nMenu\n", 6)  # a paragraph over the cap: left out
def test_paragraph_line_keys_are_the_plain_definition(value, max_chars):
    assert_keys_are_the_plain_definition(value, max_chars)


def test_paragraph_line_keys_see_damage_where_the_lines_hold_it():
    shapes = shapes_core()
    assert split.paragraph_line_keys("propre\r\nclean\n", shapes, 25, 100) == (
        2,
        False,
        document_line_keys(["propre", "clean"]),
    )
    assert split.paragraph_line_keys("propre\r\ncaf\u00c3\u00a9\n", shapes, 25, 100) == (2, True, None)
    # A blank line's damage counts as in any_may_need_repair(lines): its line is one of them.
    lines, _ = split.split_lines("propre\n\x85\n")
    assert repair_gate.any_may_need_repair(lines)
    assert split.paragraph_line_keys("propre\n\x85\n", shapes, 25, 100) == (1, True, None)
    with pytest.raises(TypeError):
        split.paragraph_line_keys(b"bytes", shapes, 25, 100)  # type: ignore[arg-type]


def test_very_long_lines_and_many_short_ones():
    long_line = "é" * 300_000 + "\u3000" * 5 + "😀"
    for value in (long_line, long_line + "\r\n" + "x\n" * 50_000, "\n" * 100_000 + long_line):
        assert_split_is_the_plain_definition(value)
        assert_keys_are_the_plain_definition(value)


def test_no_white_space_beyond_the_bmp():
    """Why the splitter's white-space set is built from the BMP alone."""
    assert not [c for c in range(0x10000, 0x110000) if chr(c).isspace()]
    assert split.SPACES == "".join(c for c in map(chr, range(0x10000)) if c.isspace())


def test_split_refuses_what_is_not_text():
    with pytest.raises(TypeError):
        split.split_lines(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        _core.LineSplitter(split.SPACES, Paragraph).split(None)  # type: ignore[arg-type]


# --- the repair gate ----------------------------------------------------------------------


@settings(max_examples=1500, deadline=None)
@given(text)
@example("caf\u00c3\u00a9")
@example("R&D &amp; AT&T")
@example("A\u0306\u00a9")
@example("\U0001d15e\u00c3\u00a9")
@example("x" * 40 + "\u0085")
def test_gate_is_the_plain_definition(value):
    assert repair_gate.may_need_repair(value) == gate_ref.may_need_repair(value)


@LAW
@given(st.lists(text | st.sampled_from(["caf\u00c3\u00a9\n", "A\u0306\u00a9", "&eacute;", "plain\r\n"]), max_size=8))
def test_a_documents_gate_is_the_first_pass_test_it_replaced(lines):
    """One call on the lines is the whole-text test then the line-by-line test of before."""
    assert repair_gate.any_may_need_repair(lines) == gate_ref.document_needs_repair(lines)
    assert repair_gate.any_may_need_repair(lines) == any(map(gate_ref.may_need_repair, lines))


@LAW
@given(layout)
def test_a_split_documents_gate_is_its_texts_gate(value):
    lines, _ = split.split_lines(value)
    assert repair_gate.any_may_need_repair(lines) == gate_ref.document_needs_repair(lines)


def test_a_long_clean_line_and_one_with_damage_at_its_end():
    clean = "Le café était fermé. " * 20_000
    assert not repair_gate.may_need_repair(clean)
    assert repair_gate.may_need_repair(clean + "caf\u00c3\u00a9")
    assert repair_gate.may_need_repair(clean + "\x85")


def test_the_core_refuses_tables_that_do_not_fit():
    args = dict(
        classes=repair_gate._CLASSES,
        pairs=repair_gate._PAIRS.ravel(),
        single=repair_gate._SINGLE,
        composing=repair_gate._COMPOSING,
        plain_astral=list(repair_gate.PLAIN_ASTRAL),
        entities=True,
        compose=repair_gate._compose,
    )
    _core.RepairGate(*args.values())
    narrow = repair_gate._PAIRS.copy()
    narrow[int(np.flatnonzero(repair_gate._SINGLE)[0]), 0] = False  # a class that matters alone, not before class 0
    bad = {
        "classes": repair_gate._CLASSES[:-1],
        "pairs": repair_gate._PAIRS.ravel()[1:],
        "plain_astral": [(0x41, 0x42)],
    }
    bad_pairs = {"pairs": narrow.ravel()}
    for name, value in bad_pairs.items():
        with pytest.raises(ValueError, match="matters alone"):
            _core.RepairGate(*{**args, name: value}.values())
    for name, value in bad.items():
        with pytest.raises(ValueError):
            _core.RepairGate(*{**args, name: value}.values())
    with pytest.raises(TypeError):
        _core.RepairGate(*{**args, "classes": repair_gate._CLASSES.astype(np.int64)}.values())
    with pytest.raises(TypeError):
        repair_gate.any_may_need_repair(["a", 3])  # type: ignore[list-item]


def test_without_ftfys_entity_pattern_every_ampersand_passes():
    args = (
        repair_gate._CLASSES,
        repair_gate._PAIRS.ravel(),
        repair_gate._SINGLE,
        repair_gate._COMPOSING,
        list(repair_gate.PLAIN_ASTRAL),
    )
    open_gate = _core.RepairGate(*args, False, repair_gate._compose)
    assert open_gate.may_need_repair("R&D") and not repair_gate.may_need_repair("R&D")
    assert repair_gate._ENTITIES  # ftfy's pattern is the one the core scans for
