"""Repair: mojibake and HTML entities, with ftfy, keeping the text's own typography.

ftfy is slow (about 2 MB/s), so a line goes through it only when a cheap regular
expression says it can hold something to repair: a character pair typical of UTF-8 read
as cp1252/latin-1 (``Ã©``, ``â€™``, ``Â«``), a C1 control character, or an HTML
entity. Clean lines, including ordinary accented text such as ``é`` or ``ü``, never
reach ftfy, so they cannot be altered.
"""

from __future__ import annotations

import re

import ftfy
import numpy as np
from ftfy import TextFixerConfig

from nettoyeur.records import Paragraph, Verdict

# Why each flag: we repair *damage* and keep the author's choices of characters.
CONFIG = TextFixerConfig(
    unescape_html=True,  # plain-text corpus: "&eacute;" is always damage, never markup
    remove_terminal_escapes=True,  # ANSI colour codes are never content
    fix_encoding=True,  # the point: UTF-8 decoded as cp1252/latin-1, once or twice
    restore_byte_a0=True,  # "Ã " for "à" lost its 0xA0 byte to a space; put it back
    replace_lossy_sequences=True,  # unrecoverable sequences become U+FFFD, not mojibake
    decode_inconsistent_utf8=True,  # lines mixing good and bad UTF-8 (partial damage)
    fix_c1_controls=True,  # C1 controls in text are cp1252 bytes misread as latin-1
    fix_latin_ligatures=False,  # keep "ﬁ" as written: typography, not damage
    fix_character_width=False,  # keep full-width forms: they are the text's own
    uncurl_quotes=False,  # keep ’ « » “ ”: the text's own typography
    fix_line_breaks=False,  # we work line by line; endings are kept as they are
    fix_surrogates=True,  # lone surrogates cannot even be written as UTF-8
    remove_control_chars=True,  # invisible controls (not tab/newline) are damage
    normalization="NFC",  # composes "e" + U+0301 to "é"; NFKC would rewrite "²", "ﬁ", "…"
    explain=True,
)

# A lead byte of a 2-4 byte UTF-8 sequence read as cp1252/latin-1 (Â..ô), followed by
# what a continuation byte (0x80-0xBF) becomes in cp1252 or latin-1.
_SUSPECT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
    "|\u00c3[ \u00a0]|[\u0080-\u009f]|&(?:#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6}|[A-Za-z]{2,8}[0-9]{0,2});"
    "|\x1b\\[|[\ud800-\udfff]"
)

_BREAKS = re.compile(r"\r\n|[\r\n]")


# Characters that may follow a mojibake lead character (Â..ô) in the pattern above.
_CONTINUATION = np.zeros(0x2200, dtype=bool)
_CONTINUATION[0x80:0xC0] = True
_CONTINUATION[[0x152, 0x153, 0x160, 0x161, 0x178, 0x17D, 0x17E, 0x192, 0x2C6, 0x2DC, 0x2013, 0x2014]] = True
_CONTINUATION[[0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203A, 0x20AC, 0x2122]] = True
_CONTINUATION[0x2018:0x201F] = True


# Latin-1 text (no character above U+00FF: much European text) is tested on its bytes:
# each byte is mapped to its class, C1 control (X), continuation (C), lead (L) or other
# (.), and a repair may be needed where an X or an "LC" pair appears. A mapping and two
# byte searches run at memory speed, 4x faster than the array test that other text takes.
_LATIN1_CLASSES = bytes(
    ord("X") if 0x80 <= b < 0xA0 else ord("C") if 0xA0 <= b < 0xC0 else ord("L") if 0xC2 <= b <= 0xF4 else ord(".")
    for b in range(0x100)
)


def may_need_repair(text: str) -> bool:
    """Returns False when no line of ``text`` can match :func:`needs_repair` (a fast test of the whole text).

    It looks for what every match needs: a C1 control or a surrogate, an escape
    character, an ``&``, or a mojibake lead character (Â..ô) followed by a possible
    continuation (or Ã by a space). True means "maybe": run :func:`needs_repair` on the
    lines. About 20x faster than the regular expression on accented text.
    """
    if "&" in text or "\x1b" in text:
        return True
    if text.isascii():
        return False
    if "\u00c3 " in text:  # "Ã " for "à" whose 0xA0 byte became a space
        return True
    try:
        classes = text.encode("latin-1").translate(_LATIN1_CLASSES)
    except UnicodeEncodeError:
        return _may_need_repair_wide(text)
    return b"X" in classes or b"LC" in classes


def _may_need_repair_wide(text: str) -> bool:
    """:func:`may_need_repair` (after its ``&``, escape and "Ã " tests) of a text beyond latin-1, on its code points."""
    data = text.encode("utf-16-le", "surrogatepass")
    # Two bytes a character unless the text holds a character beyond U+FFFF (then four).
    if len(data) == 2 * len(text):
        cp = np.frombuffer(data, dtype=np.uint16)
    else:
        cp = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    # Unsigned arithmetic: c - lo < n holds for lo <= c < lo + n only (below lo, it wraps round).
    if (((cp - 0x80) < 0x20) | ((cp - 0xD800) < 0x800)).any():  # C1 controls, surrogates
        return True
    lead = np.flatnonzero((cp[:-1] - 0xC2) < 0x33)  # Â..ô
    if len(lead) == 0:
        return False
    follow = cp[lead + 1]
    return bool((_CONTINUATION[np.minimum(follow, len(_CONTINUATION) - 1)] & (follow < len(_CONTINUATION))).any())


def needs_repair(text: str) -> bool:
    """Returns True when the text may hold mojibake, an entity or a control sequence."""
    return _SUSPECT.search(text) is not None


def repair(text: str) -> tuple[str, tuple[str, ...]]:
    """Repairs one line.

    Returns:
        ``(fixed, fixes)``: the repaired text and the names of the ftfy steps that
        changed it (for example ``unescape_html`` or ``encode:sloppy-windows-1252``);
        ``(text, ())`` when nothing changed.
    """
    if not needs_repair(text):
        return text, ()
    fixed, explanation = ftfy.fix_and_explain(text, config=CONFIG)
    # An entity such as "&#10;" decodes to a line break; a paragraph is one line, so it
    # becomes a space (otherwise the output would hold a paragraph the report never saw).
    fixed = _BREAKS.sub(" ", fixed)
    if fixed == text:
        return text, ()
    steps = tuple(
        dict.fromkeys(
            f"{step.action}:{step.parameter}" if step.action != "apply" else step.parameter
            for step in (explanation or ())
        )
    )
    return fixed, steps or ("ftfy",)


def mark_blank_after_repair(p: Paragraph) -> None:
    """Removes a paragraph that repair left blank ("&nbsp;" alone on its line becomes a no-break space).

    Kept, it would be a paragraph the report counts and the output file does not show.
    """
    if p.repairs and not p.text.strip():
        p.verdict = Verdict("blank-after-repair", detail="repair left only white space: " + "+".join(p.repairs))
