"""Content the position signal must not take: the structure of a letter, a field's value, signed entries.

The position signal (:func:`nettoyeur.boilerplate.mark._article_signals`, in the core) reads a short line by where
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
from functools import cache

from nettoyeur import _core
from nettoyeur.boilerplate.line_shapes import LineInfo
from nettoyeur.boilerplate.rule_cache import translate
from nettoyeur.boilerplate.rule_regex import Untranslatable
from nettoyeur.records import Verdict

__all__ = ["CLOSINGS", "SALUTATIONS", "formulas", "spared", "spared_args"]

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
    # uk
    "шановний", "шановна", "шановні", "дорогий", "дорога", "дорогі", "вітаю",
    # ro
    "dragă", "dragi", "stimate", "stimată", "stimați", "bună ziua",
    # hu, fi
    "kedves", "tisztelt", "rakas", "arvoisa",
    # tr
    "sayın", "sevgili", "merhaba",
    # hr, sr, sl
    "poštovani", "poštovana", "draga", "spoštovani",
    # el
    "αγαπητέ", "αγαπητή", "αγαπητοί", "αξιότιμε", "αξιότιμη",
    # id, vi
    "yth", "yang terhormat", "kepada yth", "kính gửi", "thân gửi",
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
    # uk
    "з повагою", "дякую",
    # ro
    "cu drag", "cu stimă", "cu respect", "toate cele bune", "mulțumesc",
    # hu, fi
    "üdvözlettel", "tisztelettel", "baráti üdvözlettel", "köszönöm", "ystävällisin terveisin", "terveisin",
    "kiitos",
    # tr
    "saygılarımla", "sevgilerle", "teşekkürler",
    # hr, sr, sl
    "srdačan pozdrav", "lijep pozdrav", "s poštovanjem", "lep pozdrav", "hvala",
    # el
    "με εκτίμηση", "φιλικά", "ευχαριστώ",
    # id, vi
    "hormat saya", "salam", "terima kasih", "trân trọng", "thân ái", "cảm ơn",
)  # fmt: skip


def _opening(phrases: Sequence[str]) -> str:
    r"""Returns the source of a pattern whose fullmatch is a line that opens with one of ``phrases``, then no letter.

    Read case-insensitively (``re.IGNORECASE``): non-word characters, a phrase (longest first), then
    the end or one of ``[\W\d_]`` and anything: a line ``re.match`` finds
    ``[\W_]*(?:phrases)(?![^\W\d_])`` in, written without the lookahead, so that
    :func:`~nettoyeur.boilerplate.rule_regex.core_regex` translates it exactly (the tests hold the
    core to that pattern: tests/content_guards_reference.py).
    """
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return rf"[\W_]*(?:{alternatives})(?:[\W\d_][\s\S]*)?"


# The formulas' patterns (see :func:`_opening`), read with ``re.IGNORECASE``.
SALUTATION_SOURCE = _opening(SALUTATIONS)
CLOSING_SOURCE = _opening(CLOSINGS)

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
# ENTRY_MIN 5: 232 for 55. Without the test of an aside or a bar (an entry opens with neither "("
# nor "[" and holds no "|"), 259 for 111 (photo credits in brackets, "Advertise | AdChoices"). A
# caption beside a heading (``LONE_RUN`` in mark.py) stands alone on its page.
ENTRY_WORDS = 6
ENTRY_MIN = 3


_HEADLINE_RUN = "boilerplate:position:headline-run"
# What ``_core.spared`` reads of the limits above, in its order (native/src/mark_py.rs).
_LIMITS = (SALUTATION_WORDS, CLOSING_WORDS, SIGNATURE_LINES, SIGNATURE_WORDS, FIELD_LABEL_WORDS, ENTRY_WORDS, ENTRY_MIN)


@cache
def formulas() -> _core.Formulas:
    """The process's formulas of a letter, compiled in the core (``_core.Formulas``, native/src/formulas.rs).

    The patterns are translated once per Python and read from the user's cache folder after
    (:func:`~nettoyeur.boilerplate.rule_cache.translate`: ~80 ms, ~5 ms from the cache). Until the
    core answered them, Python's ``match`` of the two patterns was called back for each line the
    guards and the letter's end read: 54 M of the 476 M instructions of marking 600 documents of
    the benchmark corpus (callgrind).

    Raises:
        RuntimeError: this Python cannot translate the patterns (no ``_sre`` case tables).
        ValueError: a translation does not compile in the core (too large).
    """
    try:
        _, (salutation, closing) = translate([(SALUTATION_SOURCE, re.IGNORECASE), (CLOSING_SOURCE, re.IGNORECASE)])
    except Untranslatable as e:
        raise RuntimeError("the letter formulas need CPython's re case tables") from e
    if salutation is None or closing is None:
        raise RuntimeError("the letter formulas could not be translated")
    return _core.Formulas(salutation, closing)


def spared_args() -> tuple[str, tuple[int, ...], _core.Formulas]:
    """Returns what the core's walk reads besides the page: the reason of a run of headlines, the limits, the formulas.

    ``_core.spared`` reads them, and ``_core.ArticleSignals``, which runs the guards after the position signal.

    Raises:
        RuntimeError, ValueError: see :func:`formulas`.
    """
    return _HEADLINE_RUN, _LIMITS, formulas()


def spared(infos: list[LineInfo], flags: list[Verdict | None], signalled: list[bool]) -> list[int]:
    """Returns the lines the position signal flagged that are content by their structure (see the module), increasing.

    A line the position signal flagged is spared when it is a salutation (``SALUTATION_WORDS`` words at
    most, a formula of ``SALUTATIONS`` first) over kept prose or over a kept short line over kept prose; a
    closing (``CLOSING_WORDS`` words at most, a formula of ``CLOSINGS`` first or ending with ",") under kept
    prose, not prose itself nor flagged by another signal; a line of the signature under such a closing
    (``SIGNATURE_LINES`` lines at most, each short and flagged by no other signal); the value under a kept
    field label (``FIELD_LABEL_WORDS`` words at most, ending with ":") over a kept line; or a lone short
    line between two kept paragraphs (``ENTRY_WORDS`` words at most, not an aside in brackets nor a bar of
    "|" links) on a page that holds ``ENTRY_MIN`` of them. A run of headlines
    (``position:headline-run``, found before the body is) is position evidence too: the closing and the
    signature of a letter, four short lines without function words, read as one.

    The native core walks the lines (``_core.spared``, native/src/guards.rs; the plain Python it replaced
    is the tests' oracle, tests/content_guards_reference.py) and matches the formulas (:func:`formulas`) only
    of the short lines beside a flagged one: on the benchmark corpus (300,000 paragraphs, one worker) the
    Python walk was 0.18 s of the 2.1 s of marking under cProfile, its list of the asked lines over every
    line of every round 0.06 s of that.

    Args:
        infos: the shapes of the page's kept lines.
        flags: their verdicts once the position signal has run.
        signalled: whether each was flagged before the position signal (by another signal: those stay).

    Raises:
        ValueError: ``flags`` or ``signalled`` is not as long as ``infos``.
        RuntimeError: see :func:`formulas`.
    """
    return _core.spared(infos, flags, signalled, *spared_args())
