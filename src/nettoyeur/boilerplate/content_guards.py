"""Content the position signal must not take: the structure of a letter, a field's value, signed entries.

The position signal (:func:`nettoyeur.boilerplate.mark._position`) reads a short line by where
it stands: above the article's body (header), below it (footer), alone inside it and foreign to
its words (inline label). Some short lines are content by the *kind* of structure they stand in,
whatever their words (the policy of issue 13: "list items, field labels and salutations inside
an article are content"):

``letter``
    a salutation over the letter's first paragraph ("Dear Ms Okafor,", "Sehr geehrte Frau
    Wendt,"), a closing formula under its last one ("Yours sincerely", "Mit freundlichen Grüßen",
    "Atentamente") and the few lines of the signature under that closing (name, title,
    organisation). The formulas are a general linguistic class, written per language below
    (not taken from any page); the structure (prose beside them) is what makes them content.
``field value``
    the value under a field label of the article ("Instructor:" over a name, "Lieu :" over a
    place), between that label and more of the article.
``signed entries``
    a page of entries, each one short line (the signer of a comment, a testimonial's name, the
    name of a product) between two paragraphs, again and again: a lone line between
    two paragraphs is a widget's caption on a page that has one such line, but one of a series
    on a page with many (:data:`ENTRY_MIN`).

:func:`spared` returns the lines the position signal flagged that these structures keep; the
other signals (rules, frequency, outlying blocks) are not overruled.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from nettoyeur.boilerplate.line_shapes import LineInfo
from nettoyeur.records import Verdict

__all__ = ["closing", "entry_lines", "salutation", "spared"]

# Salutations that open a letter or a message, by language (lower case; a line opens with one,
# then a non-letter or the end). Written from the languages' letter-writing conventions.
SALUTATIONS = (
    # en
    "dear", "hi", "hello", "greetings", "to whom it may concern",
    # fr
    "cher", "chère", "chers", "chères", "madame", "monsieur", "mesdames", "messieurs", "bonjour", "salut",
    # de
    "liebe", "lieber", "liebes", "sehr geehrte", "sehr geehrter", "sehr geehrtes", "hallo", "guten tag",
    # es
    "querido", "querida", "queridos", "queridas", "estimado", "estimada", "estimados", "estimadas", "hola",
    # it
    "caro", "cara", "cari", "gentile", "gentili", "egregio", "egregia", "spettabile", "ciao", "salve",
    # pt
    "prezado", "prezada", "prezados", "prezadas", "olá", "caríssimo", "caríssima",
    # nl
    "beste", "geachte", "lieve",
    # sv, da, no
    "kära", "käre", "hej", "kære", "kjære", "hei",
    # pl, cs
    "szanowny", "szanowna", "szanowni", "drogi", "droga", "vážený", "vážená", "vážení", "milý", "milá",
    # ru
    "уважаемый", "уважаемая", "уважаемые", "дорогой", "дорогая", "дорогие", "здравствуйте",
)  # fmt: skip
# Formulas that close a letter or a message, by language (same form as the salutations).
CLOSINGS = (
    # en
    "yours", "sincerely", "regards", "best regards", "kind regards", "warm regards", "warmest regards",
    "best wishes", "with best wishes", "with kind regards", "respectfully", "cordially", "faithfully",
    "cheers", "love", "thanks", "thank you", "many thanks", "with thanks", "all the best",
    # fr
    "cordialement", "bien cordialement", "salutations", "sincères salutations", "meilleures salutations",
    "bien à vous", "amitiés", "amicalement", "bises", "merci", "à bientôt",
    # de
    "mit freundlichen grüßen", "mit freundlichen grüssen", "freundliche grüße", "viele grüße", "liebe grüße",
    "herzliche grüße", "beste grüße", "schöne grüße", "hochachtungsvoll", "gruß", "grüße", "danke",
    "vielen dank",
    # es
    "atentamente", "saludos", "un saludo", "un abrazo", "cordialmente", "afectuosamente", "gracias",
    "muchas gracias", "besos",
    # it
    "cordiali saluti", "distinti saluti", "saluti", "un saluto", "un abbraccio", "grazie", "baci",
    # pt
    "atenciosamente", "cumprimentos", "saudações", "abraços", "um abraço", "obrigado", "obrigada", "beijos",
    # nl
    "met vriendelijke groet", "vriendelijke groeten", "hartelijke groeten", "groeten", "hoogachtend",
    "bedankt",
    # sv, da, no
    "med vänliga hälsningar", "vänliga hälsningar", "hälsningar", "med venlig hilsen", "venlig hilsen",
    "med vennlig hilsen", "vennlig hilsen", "tack",
    # pl, cs
    "z poważaniem", "pozdrawiam", "serdecznie pozdrawiam", "dziękuję", "s pozdravem", "děkuji",
    # ru
    "с уважением", "с наилучшими пожеланиями", "всего доброго", "спасибо",
)  # fmt: skip


def _opening(phrases: Sequence[str]) -> re.Pattern[str]:
    """Returns a pattern for a line that opens with one of ``phrases`` (longest first), then no letter."""
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"[\W_]*(?:{alternatives})(?![^\W\d_])", re.IGNORECASE)


_SALUTATION = _opening(SALUTATIONS)
_CLOSING = _opening(CLOSINGS)

# A salutation has at most this many words ("Dear Professor Anna Maria Lindqvist,": 5); a
# closing at most CLOSING_WORDS ("With kind regards to all of you,": 7 is a sentence).
SALUTATION_WORDS = 6
CLOSING_WORDS = 6
# The signature under a closing: at most this many short lines (name, title, organisation,
# address), each of at most SIGNATURE_WORDS words.
SIGNATURE_LINES = 4
SIGNATURE_WORDS = 8
# A field label over its value: at most this many words, ending with ":".
FIELD_LABEL_WORDS = 4
# A lone short line between two paragraphs (at most ENTRY_WORDS words) is one of a series of
# entries when the page has at least ENTRY_MIN of them. On eval-pages-dev (scorer's line dumps),
# sparing them keeps 252 words of gold content (section headings "Conclusion", "Methods"; the
# signers of letters to an editor) for 80 of chrome (comment signers the annotators left out);
# ENTRY_MIN 5: 232 for 55. Without the test of :func:`_entry_shaped`, 259 for 111 (photo credits
# in brackets, "Advertise | AdChoices"). A caption beside a heading (``LONE_RUN`` in mark.py)
# stands alone on its page.
ENTRY_WORDS = 6
ENTRY_MIN = 3


_HEADLINE_RUN = "boilerplate:position:headline-run"


def salutation(info: LineInfo) -> bool:
    """True for a line shaped as a letter's salutation: a salutation formula and a few words ("Dear Ms Okafor,").

    It may end with "!" (the German and Russian custom: "Liebe Anna!").
    """
    return info.n_words <= SALUTATION_WORDS and _SALUTATION.match(info.text) is not None


def closing(info: LineInfo) -> bool:
    """True for a letter's closing: a closing formula, or a few words ending with "," ("Sincerely,")."""
    if info.n_words > CLOSING_WORDS:
        return False
    return info.text.endswith(",") or _CLOSING.match(info.text) is not None


def _entry_shaped(text: str) -> bool:
    """True unless the line is an aside in brackets (a photo credit, "[reply]") or a bar of separated links."""
    return not text.startswith(("(", "[")) and "|" not in text


def _lone(infos: Sequence[LineInfo], kept: Sequence[bool], k: int) -> bool:
    """True for a short line (not prose, ``ENTRY_WORDS`` words at most, :func:`_entry_shaped`) between kept prose."""
    return (
        0 < k < len(infos) - 1
        and not infos[k].prose
        and infos[k].n_words <= ENTRY_WORDS
        and kept[k - 1]
        and kept[k + 1]
        and infos[k - 1].prose
        and infos[k + 1].prose
        and _entry_shaped(infos[k].text)
    )


def entry_lines(infos: Sequence[LineInfo], kept: Sequence[bool]) -> list[int]:
    """Returns the lone short lines between two kept paragraphs, when the page holds at least ``ENTRY_MIN`` of them.

    ``kept``: whether each line is kept so far.
    """
    lone = [k for k in range(1, len(infos) - 1) if _lone(infos, kept, k)]
    return lone if len(lone) >= ENTRY_MIN else []


def _opens_letter(infos: Sequence[LineInfo], kept: Sequence[bool], k: int) -> bool:
    """True when the kept line under ``k`` is prose, or a short line (a subject, "I have news.") over kept prose."""
    below = [j for j in (k + 1, k + 2) if j < len(infos)]
    if not below or not kept[below[0]]:
        return False
    return infos[below[0]].prose or (len(below) == 2 and kept[below[1]] and infos[below[1]].prose)


def _closes_letter(infos: Sequence[LineInfo], kept: Sequence[bool], fixed: Sequence[bool], k: int) -> bool:
    """True for a closing (:func:`closing`) under kept prose: ``k`` is not prose and no other signal flagged it."""
    return (
        0 < k
        and not fixed[k]
        and not infos[k].prose
        and kept[k - 1]
        and infos[k - 1].prose
        and closing(infos[k])
    )


def _letter_line(infos: Sequence[LineInfo], kept: Sequence[bool], fixed: Sequence[bool], k: int) -> bool:
    """True for a salutation over kept prose, a closing under it, or a line of the signature under such a closing.

    The signature is the ``SIGNATURE_LINES`` lines under the closing at most, each short (at most
    ``SIGNATURE_WORDS`` words), not prose, flagged by no other signal.
    """
    if _opens(infos, kept, k) or _closes_letter(infos, kept, fixed, k):
        return True
    for j in range(k, max(k - SIGNATURE_LINES, 0), -1):  # k and the lines above it, up to the closing
        if fixed[j] or infos[j].prose or infos[j].n_words > SIGNATURE_WORDS:
            return False
        if _closes_letter(infos, kept, fixed, j - 1) and not _opens(infos, kept, j - 1):
            return True
    return False


def _opens(infos: Sequence[LineInfo], kept: Sequence[bool], k: int) -> bool:
    """True for a salutation (:func:`salutation`) that opens a letter (:func:`_opens_letter`)."""
    return salutation(infos[k]) and _opens_letter(infos, kept, k)


def _field_value(infos: Sequence[LineInfo], kept: Sequence[bool], k: int) -> bool:
    """True for a line between a kept field label ("Location:", ``FIELD_LABEL_WORDS`` words at most) and a kept line."""
    return (
        0 < k < len(infos) - 1
        and not infos[k].prose
        and kept[k - 1]
        and kept[k + 1]
        and infos[k - 1].text.endswith(":")
        and infos[k - 1].n_words <= FIELD_LABEL_WORDS
    )


def spared(infos: Sequence[LineInfo], flags: Sequence[Verdict | None], signalled: Sequence[bool]) -> set[int]:
    """Returns the lines the position signal flagged that are content by their structure (see the module).

    Only the lines the position signal flagged are asked about (most pages have few).

    Args:
        infos: the shapes of the page's kept lines.
        flags: their verdicts once the position signal has run.
        signalled: whether each was flagged before the position signal (by another signal: those stay).
    """
    # A run of headlines (``position:headline-run``, found before the body is) is position evidence
    # too: the closing and the signature of a letter, four short lines without function words,
    # read as one.
    asked = [
        k
        for k, (flag, s) in enumerate(zip(flags, signalled))
        if flag is not None and (not s or flag.reason == _HEADLINE_RUN)
    ]
    if not asked:
        return set()
    fixed = [s and (flag is None or flag.reason != _HEADLINE_RUN) for s, flag in zip(signalled, flags)]
    kept = [flag is None for flag in flags]
    found = {k for k in asked if _letter_line(infos, kept, fixed, k) or _field_value(infos, kept, k)}
    if any(_lone(infos, kept, k) for k in asked):
        found.update(k for k in entry_lines(infos, kept) if k in asked)
    return found
