"""Repair: mojibake, HTML entities and control characters, with ftfy, keeping the text's own typography.

ftfy is slow (about 2 MB/s), so a line goes through it only when a fast gate
(:mod:`nettoyeur.text.repair_gate`) says ftfy could change it: a character pair that can start
mojibake of any kind ftfy repairs (UTF-8 read as cp1252, latin-1, cp1250, cp1251,
MacRoman, cp437 ...: ``Ã©``, ``Ă©``, ``Г©``, ``√©``, ``вЂ™``), a control character, or
an HTML entity. The gate is never narrower than ftfy's own detector; clean lines, including
ordinary accented, Cyrillic or Greek text, never reach ftfy, so they cannot be altered.
"""

from __future__ import annotations

import re

import ftfy
from ftfy import TextFixerConfig

from nettoyeur.records import Paragraph, Verdict
from nettoyeur.text.repair_gate import may_need_repair

__all__ = ["CONFIG", "may_need_repair", "needs_repair", "repair", "mark_blank_after_repair"]

# Why each flag: we repair *damage* and keep the author's choices of characters.
CONFIG = TextFixerConfig(
    unescape_html=True,  # plain-text corpus: "&eacute;" is always damage, never markup
    remove_terminal_escapes=True,  # ANSI colour codes are never content
    fix_encoding=True,  # the point: UTF-8 decoded as a code page (cp1252, cp1250, cp1251, MacRoman ...), once or twice
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
    # NFC composes "e" + U+0301 on the lines repaired (the gate lets no line through for NFC
    # alone: decomposed text is not damage); NFKC would rewrite "²", "ﬁ", "…".
    normalization="NFC",
    explain=True,
)

# The verdict of a paragraph repair left blank (:func:`mark_blank_after_repair`); the write pass's
# core (``_core.DocumentWriter``) gives a snapshot's blank repairs the same one.
BLANK_AFTER_REPAIR = "blank-after-repair"
BLANK_DETAIL = "repair left only white space: "

_BREAKS = re.compile(r"\r\n|[\r\n]")


def needs_repair(text: str) -> bool:
    """Returns True when ftfy may change the line (:func:`nettoyeur.text.repair_gate.may_need_repair`)."""
    return may_need_repair(text)


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
        p.verdict = Verdict(BLANK_AFTER_REPAIR, detail=BLANK_DETAIL + "+".join(p.repairs))
