"""The plain Python reference of the repair gate's scan, character by character (the oracle).

``nettoyeur.text.repair_gate.may_need_repair`` asks the native core (``nettoyeur._core.RepairGate``,
native/src/repair_gate.rs) to scan a text against the gate's tables; this is the same question
asked plainly, with ftfy's own entity pattern and Python's NFC, for the tests to hold the core
to, on random Unicode and on the golden cases. :func:`document_needs_repair` is the test the
first pass made of a document before the core (the whole text first, then line by line).
"""

from __future__ import annotations

import unicodedata

from ftfy.chardata import HTML_ENTITY_RE

from nettoyeur.text import repair_gate as gate


def _class(char: str) -> int:
    """The gate's class of a character (every one beyond U+FFFF shares the table's last entry)."""
    return int(gate._CLASSES[min(ord(char), 0x10000)])


def hit(text: str) -> bool:
    """Whether a character of ``text`` matters alone, or it and the next one may start damage."""
    for i, char in enumerate(text):
        a = _class(char)
        if i + 1 == len(text):
            return bool(gate._SINGLE[a])  # the last character has nothing after it
        if gate._PAIRS[a, _class(text[i + 1])]:
            return True
    return False


def may_compose(text: str) -> bool:
    """Whether a character of ``text`` may change under NFC (composing, or beyond U+FFFF outside the plain blocks)."""
    for char in text:
        c = ord(char)
        if c < 0x10000:
            if gate._COMPOSING[c]:
                return True
        elif not any(lo <= c < hi for lo, hi in gate.PLAIN_ASTRAL):
            return True
    return False


def may_need_repair(text: str) -> bool:
    """The gate: ftfy's entity pattern, a hit, or (beyond latin-1) a hit in the NFC form of a text that is not NFC."""
    if HTML_ENTITY_RE.search(text) or hit(text):
        return True
    if all(ord(c) < 0x100 for c in text) or not may_compose(text):
        return False
    return not unicodedata.is_normalized("NFC", text) and hit(unicodedata.normalize("NFC", text))


def document_needs_repair(lines: list[str]) -> bool:
    """The first pass's test of a document before the core: the joined text, then each line."""
    return may_need_repair("".join(lines)) and any(may_need_repair(line) for line in lines)
