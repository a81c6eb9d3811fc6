"""The repair gate: a fast test that finds every line ftfy could change, and provably no fewer.

ftfy is slow (about 2 MB/s; its mojibake detector alone, ``ftfy.badness.is_bad``, reads
5 MB/s), so a line goes to it only when this gate lets it through. The gate must never be
narrower than ftfy: a line it stops is a line left broken. With :data:`nettoyeur.text.repair.CONFIG`
ftfy changes a line only through one of its steps, and each step needs something in the line:

- ``unescape_html``: a match of its entity pattern (``&eacute;``, ``&#233;``: not the ``&`` of
  "R&D"); ``remove_terminal_escapes``: an escape character;
- ``remove_control_chars``: one of ``ftfy.chardata.CONTROL_CHARS`` (C0 controls other than
  tab and line ends, U+206A-206F, U+FEFF, U+FFF9-FFFC);
- ``fix_c1_controls``: a C1 control; ``fix_surrogates``: a surrogate;
- ``fix_encoding`` (with ``restore_byte_a0``, ``replace_lossy_sequences`` and
  ``decode_inconsistent_utf8``, which run inside it): a match of ftfy's badness pattern;
- NFC normalisation: a decomposed character. Alone, that is not damage, and a line whose
  only change would be NFC is left as written; but composing can make a bad sequence, so
  the gate also tests the composed text.

The badness pattern is an alternation of short character sequences (``[ÂÃÎÐ][€œŠš…]``,
``√[±∂†≠®™´≤≥¥µø]``, ``вЂ``, ``[ВГРС][…][ВГРС]`` …). Every alternative needs two adjacent
characters from two character sets (or one C1 control), so a text with no such adjacent
pair cannot match. At import, the gate reads ftfy's own pattern (:func:`_derive`) and keeps,
for each alternative, its most selective adjacent pair of sets; every code point gets a class
(the sets it is in), and a table of class pairs says which adjacent pairs may start damage.
Reading the pattern rather than copying it means a new ftfy's new alternatives are covered
with no change here, and a shape the reader does not know turns the gate fully open
(:data:`EXACT` False: every non-ASCII line goes to ftfy), never narrower. The test
``test_gate_covers_every_alternative_of_ftfys_badness_pattern`` checks the derivation
against the pattern, and a property test checks the gate against ftfy itself.

The gate it replaced knew only UTF-8 read as cp1252 or latin-1 (22 of the 106 of ftfy's own
test cases that ftfy changes stayed broken); this one also lets through UTF-8 read as cp1250,
cp1251, cp1253, cp1254, cp1257, iso-8859-2, MacRoman and cp437, and control characters, and
costs as much on clean text (``benchmarks/repair_gate.py``).
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np
from ftfy.badness import BADNESS_RE
from ftfy.chardata import CONTROL_CHARS, HTML_ENTITY_RE

from nettoyeur import _core
from nettoyeur.text.table_cache import cached_tables

try:  # Python 3.11 and later
    from re import _parser as _sre  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _sre  # type: ignore[no-redef]

# Code points 0..U+FFFF have a class each; index 0x10000 stands for every code point
# beyond (none is named in ftfy's pattern: a set holds them all or none of them).
_ASTRAL = 0x10000
_SIZE = _ASTRAL + 1


def _members(item: tuple) -> np.ndarray | None:
    """The code points one item of a pattern matches, or None if it is not one plain character set.

    Raises:
        ValueError: the set names a code point beyond U+FFFF (the table would need it).
    """
    op, av = item
    member = np.zeros(_SIZE, dtype=bool)
    if op is _sre.LITERAL or op is _sre.NOT_LITERAL:
        if av >= _ASTRAL:
            raise ValueError(f"U+{av:X} is beyond the table")
        member[av] = True
        return ~member if op is _sre.NOT_LITERAL else member
    if op is not _sre.IN:
        return None
    negate = False
    for sub, arg in av:
        if sub is _sre.NEGATE:
            negate = True
        elif sub is _sre.LITERAL:
            if arg >= _ASTRAL:
                raise ValueError(f"U+{arg:X} is beyond the table")
            member[arg] = True
        elif sub is _sre.RANGE:
            lo, hi = arg
            if hi >= _ASTRAL:
                raise ValueError(f"U+{hi:X} is beyond the table")
            member[lo : hi + 1] = True
        else:  # a category (\s, \w) or a nested set: not needed for a pair, so not read
            return None
    return ~member if negate else member


def _alternatives(pattern: str, flags: int) -> list[list[np.ndarray | None]]:
    """Each alternative of ``pattern`` as the sets of its characters, in order (None: not one plain set).

    Zero-width assertions (``^``) are left out: the characters on both sides stay adjacent.
    An optional or repeated item is None: its neighbours need not be adjacent.

    Raises:
        ValueError: the pattern is not a plain alternation or its flags change what a set matches.
    """
    if flags & (_sre.SRE_FLAG_IGNORECASE | _sre.SRE_FLAG_LOCALE):
        raise ValueError("case-insensitive pattern")
    parsed = _sre.parse(pattern, flags)
    items = list(parsed)
    if len(items) == 1 and items[0][0] is _sre.BRANCH:
        branches = [list(b) for b in items[0][1][1]]
    else:
        branches = [items]
    out = []
    for branch in branches:
        out.append([_members(item) for item in branch if item[0] is not _sre.AT])
    return out


def _derive(pattern: str, flags: int, singles: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Builds the gate's tables from a pattern of alternatives and sets of characters that matter alone.

    For each alternative of one character, its set joins the singles; for a longer one, its
    adjacent pair of plain sets with the fewest pairs of code points is kept.

    Returns:
        ``(classes, pairs, single)``: the class of each code point (uint8, index
        :data:`_ASTRAL` for every code point beyond U+FFFF), whether class ``a`` followed
        by class ``b`` may start damage (``pairs[a, b]``), whether a class matters alone.

    Raises:
        ValueError: an alternative has neither one plain set nor two adjacent ones, or
            there are more than 256 classes.
    """
    chosen: list[tuple[np.ndarray, np.ndarray]] = []
    singles = list(singles)
    for number, sets in enumerate(_alternatives(pattern, flags)):
        if len(sets) == 1 and sets[0] is not None:
            singles.append(sets[0])
            continue
        candidates = [
            (int(a.sum()) * int(b.sum()), k, a, b)
            for k, (a, b) in enumerate(zip(sets, sets[1:]))
            if a is not None and b is not None
        ]
        if not candidates:
            raise ValueError(f"alternative {number} has no two adjacent plain character sets")
        _, _, a, b = min(candidates, key=lambda c: (c[0], c[1]))
        chosen.append((a, b))
    # A class is a set of code points that every set above holds all or none of.
    columns = [s for pair in chosen for s in pair] + singles
    signature = np.ascontiguousarray(np.packbits(np.stack(columns), axis=0).T)
    _, classes = np.unique(signature.view(np.dtype((np.void, signature.shape[1]))), return_inverse=True)
    classes = classes.reshape(-1)
    count = int(classes.max()) + 1
    if count > 256:
        raise ValueError(f"{count} classes, more than a byte holds")
    pairs = np.zeros((count, count), dtype=bool)
    for a, b in chosen:
        pairs[np.ix_(np.unique(classes[a]), np.unique(classes[b]))] = True
    single = np.zeros(count, dtype=bool)
    for s in singles:
        single[np.unique(classes[s])] = True
    return classes.astype(np.uint8), pairs, single


def _set(code_points: list[int]) -> np.ndarray:
    """The membership array of ``code_points`` (any beyond U+FFFF at :data:`_ASTRAL`)."""
    member = np.zeros(_SIZE, dtype=bool)
    for c in code_points:
        member[min(c, _ASTRAL)] = True
    return member


def _open_tables() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The tables of a gate open to every text but plain ASCII: every other character matters alone."""
    classes = np.ones(_SIZE, dtype=np.uint8)
    classes[:0x80] = 0
    classes[[*CONTROL_CHARS]] = 1
    return classes, np.array([[False, False], [True, True]]), np.array([False, True])


# What a ftfy step other than fix_encoding needs, one character alone: ftfy's control
# characters (the escape that starts a terminal code among them), C1 controls, surrogates.
_ALONE = [
    _set([*CONTROL_CHARS]),
    _set([*range(0x80, 0xA0), *range(0xD800, 0xE000)]),
]


def _composing() -> np.ndarray:
    """Whether each code point up to U+FFFF may make a text that holds it change under NFC.

    A text is NFC when none of its characters has a combining class (those may be
    reordered or composed), none is one NFC replaces (a singleton such as the Ångström sign,
    a composition exclusion), and none may be the second half of a composition (the second
    character of a canonical decomposition in two, such as a Tamil or Kannada vowel sign,
    and the Hangul vowel and final jamo, which compose by rule). Below U+0300 there are none.
    """
    composing = np.zeros(_SIZE, dtype=bool)
    composing[0x1161:0x1176] = composing[0x11A8:0x11C3] = True
    for c in range(0x300, _ASTRAL):
        char = chr(c)
        if unicodedata.combining(char):
            composing[c] = True
        mapping = unicodedata.decomposition(char)
        if mapping and not mapping.startswith("<"):
            if unicodedata.normalize("NFC", char) != char:
                composing[c] = True
            parts = mapping.split()
            if len(parts) == 2 and int(parts[1], 16) < _ASTRAL:
                composing[int(parts[1], 16)] = True
    return composing


def _gate_tables() -> tuple[dict[str, np.ndarray], bool]:
    """The gate's tables (:func:`_derive` of ftfy's pattern, :func:`_composing`) and whether they follow the pattern."""
    try:
        classes, pairs, single = _derive(BADNESS_RE.pattern, BADNESS_RE.flags, _ALONE)
        exact = True
    except ValueError:  # pragma: no cover - a future ftfy whose pattern this reader cannot follow
        classes, pairs, single = _open_tables()
        exact = False
    # A character that matters alone is a hit whatever follows it: its row of the table is full.
    pairs |= single[:, None]
    return {"classes": classes, "pairs": pairs, "single": single, "composing": _composing()}, exact


# Read from the table cache (nettoyeur.text.table_cache: ~30 ms of CPU at every start otherwise),
# keyed by what ftfy's steps need beside this module's source and Python's version.
_FTFY = [BADNESS_RE.pattern, BADNESS_RE.flags, sorted(CONTROL_CHARS)]
_TABLES, EXACT = cached_tables("repair-gate", _gate_tables, _FTFY)
# EXACT: the gate follows ftfy's pattern; False: it lets every non-ASCII text through.
_CLASSES, _PAIRS, _SINGLE, _COMPOSING = (_TABLES[k] for k in ("classes", "pairs", "single", "composing"))


# Blocks beyond U+FFFF where no character composes, reorders or is replaced under NFC (a
# test checks each one): emoji and pictographs, CJK ideographs (not the compatibility ones
# at U+2F800-2FA1F, which NFC replaces), mathematical letters. Any other character beyond
# U+FFFF (Brahmi, Chakma or Grantha vowel signs, musical symbols ...) sends the text to the
# NFC test.
PLAIN_ASTRAL = ((0x1F000, 0x1FB00), (0x20000, 0x2F800), (0x2FA20, 0x40000), (0x1D400, 0x1D800))


# ftfy's unescape_html changes only what its entity pattern finds: an "&" alone (R&D, AT&T)
# does not need it. The core scans for this pattern itself; another pattern (a future ftfy's)
# sends every text holding an "&" to ftfy, never fewer.
ENTITY_PATTERN = "&#?[0-9A-Za-z]{1,24};"
_ENTITIES = HTML_ENTITY_RE.pattern == ENTITY_PATTERN and not HTML_ENTITY_RE.flags & re.IGNORECASE


def _compose(text: str) -> str | None:
    """The NFC form of ``text``, or None when it is already NFC (the core asks, for text that may compose)."""
    return None if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


# The scan itself is native (``nettoyeur._core.RepairGate``, native/src/repair_gate.rs): the
# entity pattern, then each character and its next one against the tables above, then, for a
# text beyond latin-1 that may compose, the same on its NFC form. Its plain Python reference,
# the numpy code it replaced, is tests/repair_gate_reference.py.
# Public: text.split.paragraph_line_keys asks it about a document's lines in the same call as the split.
GATE = _core.RepairGate(
    _CLASSES, _PAIRS.ravel(), _SINGLE, _COMPOSING, list(PLAIN_ASTRAL), _ENTITIES, _compose
)


def may_need_repair(text: str) -> bool:
    """Returns False when ftfy (:data:`~nettoyeur.text.repair.CONFIG`) would leave ``text`` be, or only NFC-compose it.

    True means "maybe": ftfy decides. Never False where ftfy would repair (see the module's
    docstring for why, and the tests that check it); works on a line or on a whole text.

    Raises:
        TypeError: ``text`` is not a str.
    """
    return GATE.may_need_repair(text)


def any_may_need_repair(texts: list[str]) -> bool:
    """Returns :func:`may_need_repair` of one of ``texts`` (a document's lines), in one native call.

    Raises:
        TypeError: ``texts`` is not a list of str.
    """
    return GATE.any_may_need_repair(texts)
