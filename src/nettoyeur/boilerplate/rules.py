"""Boilerplate rules: templates of site chrome in English, French, German, Spanish, Italian and more.

A rule is a *template*, not a string to look up: ``‹date›``, ``‹time›``, ``‹num›``,
``‹name›`` and ``‹word›`` are masks that match any date, time, number, short proper name
or single token, so "Publié le ‹date› par ‹name›" matches every French byline of that
shape on any site. Each template must match the *whole* line (case-insensitive, spaces
collapsed); a template that allows free text says so with a bounded ``.{0,N}`` (a "read
also" prefix followed by any headline).

Every rule has a word limit: a line longer than that is never matched by the rule, so an
article sentence that mentions cookies or a newsletter is not a banner. Rules that can
match anywhere in a line (``.*`` first) carry *needles*, words one of which must occur in
the line: a substring test that skips the regular expression on almost every line.

Templates also use *fragments*, shared pieces of the rule table: ``‹stamp›`` (a date
and/or time), ``‹published›`` ("published", "publié", "veröffentlicht" ...), ``‹by›``,
``‹social›`` (network names), ``‹legal›`` (footer links), ``‹address›`` (words that
speak to the reader) and a few more, listed in ``FRAGMENTS``.

This module holds the masks, the fragments, :class:`Rule`, the template compiler and the
reading of user rules; the built-in table itself is :data:`nettoyeur.boilerplate.rule_table.BUILTIN`, and
the words of its rows and fragments in other languages are in
:mod:`nettoyeur.boilerplate.rule_languages`.

Users add rules with ``--rules FILE``: one ``kind: regular expression`` per line (the
masks and fragments work there too), ``#`` starts a comment; a user rule reads lines of
up to 60 words and fires before the built-in ones. Example::

    promo: Offre spéciale jusqu'au ‹date›
    byline: Texte et photos : ‹name›
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from nettoyeur import _core
from nettoyeur.boilerplate.pattern_cache import compile_cached
from nettoyeur.boilerplate.rule_cache import translate_search
from nettoyeur.boilerplate.rule_languages import LANGUAGES, word_list, words
from nettoyeur.boilerplate.rule_table import BUILTIN
from nettoyeur.boilerplate.word_chars import WORD
from nettoyeur.errors import ConfigError


def word_trie(words: Iterable[str]) -> str:
    """Returns an expression that matches exactly ``words`` (plain text), laid out as a trie.

    ``mar(?:ca|zec|ta)?`` instead of ``mar|marca|marzec|marta``: the other languages' months
    and weekdays are some 400 words, and as a flat alternation each copy of the ``‹date›`` mask
    cost Python's engine 400 tries at every word of a line (the date search 5x slower on the lines
    with digits of 600 web pages) and the core's lazy DFAs states that follow every word at once
    (the ``by-name`` rule's candidates 12x slower). A trie tries one branch a distinct letter.

    Raises:
        ValueError: no words, or an empty one.
    """
    words = set(words)
    if "" in words:
        raise ValueError("an empty word")
    if not words:
        raise ValueError("no words")
    return _word_trie_regex(_trie(words, shortest=False))


def _trie(words: set[str], shortest: bool) -> dict[str, dict]:
    """Returns the trie of ``words`` (non-empty): a node maps a character to the next node, ``""`` marks a word's end.

    With ``shortest``, a word that extends another is left out (the shorter one is found first).
    """
    trie: dict[str, dict] = {}
    for word in sorted(words):
        node = trie
        for char in word:
            if shortest and "" in node:
                break  # a shorter word is a prefix of this one
            node = node.setdefault(char, {})
        else:
            if shortest:
                node.clear()  # the words this one is a prefix of are left out
            node[""] = {}
    return trie


def _word_trie_regex(node: dict[str, dict]) -> str:
    """Returns the expression of a trie node: its branches, then optional where a word ends there."""
    branches = [re.escape(char) + _word_trie_regex(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and "" not in node else "(?:" + "|".join(branches) + ")"
    return body + "?" if "" in node else body


_MONTHS = (
    r"jan(?:uary|vier|uar|\.)?|jänner|feb(?:ruary|ruar|\.)?|f[ée]v(?:rier|\.)?|m[aä]r(?:ch|s|z|\.)?|apr(?:il|\.)?"
    r"|avr(?:il|\.)?|may|mai|jun(?:e|i|\.)?|juin|jul(?:y|i|\.)?|juil(?:let|\.)?|aug(?:ust|\.)?|ao[uû]t"
    r"|sep(?:t(?:ember|embre)?)?\.?|oct(?:ober|obre|\.)?|okt(?:ober|\.)?|nov(?:ember|embre|\.)?|dec(?:ember|\.)?"
    r"|d[ée]c(?:embre|\.)?|dez(?:ember|\.)?"
    r"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre"
    r"|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre"
)
# The months of the other languages (rule_languages), in forms of their own: each copy of a
# month list in ‹date› is a copy in every rule that reads a date, and the core's lazy DFA of a
# rule that reads a word then a date ("Name, 5 marca 2024") follows the months of every copy
# at once: two copies, not the three of the five languages above (and a Hungarian one).
# A word the months above already read keeps its forms ("April. 2001" is no date in English).
_MORE_MONTHS = word_trie(w for w in word_list(words("months")) if not re.fullmatch(_MONTHS, w, re.IGNORECASE))
_HU_MONTHS = word_trie([*word_list(str(LANGUAGES["hu"]["months"])), "november", "december"])
_WEEKDAYS = (
    r"mon(?:day|\.)?|tue(?:s|sday|\.)?|wed(?:nesday|\.)?|thu(?:rs|rsday|\.)?|fri(?:day|\.)?|sat(?:urday|\.)?|sun(?:day|\.)?"
    r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
    r"|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag"
    r"|lunes|martes|miércoles|jueves|viernes|sábado|domingo"
    r"|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica"
)
_MORE_WEEKDAYS = word_trie(w for w in word_list(words("weekdays")) if not re.fullmatch(_WEEKDAYS, w, re.IGNORECASE))
# The capitals that open a name: Latin (Latin-1, Extended-A and B, Vietnamese's), Greek and
# Cyrillic ("Łukasz", "Čapek", "Ђорђе", "Γιώργος"), and "@" (handles).
_CAPITALS = (
    "A-ZÀ-ÖØ-Þ"
    + "".join(c for c in map(chr, (*range(0x100, 0x250), *range(0x370, 0x530), *range(0x1E00, 0x1F00))) if c.isupper())
    + "@"
)
# Every mask ends where a number cannot go on ((?!\d)), so two masks side by side can
# never share the digits of one number: no exponential backtracking on long numbers.
MASKS = {
    "‹date›": (
        rf"(?:(?:{_WEEKDAYS}),?\s+)?(?:"
        r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}"
        # ("d'" for Catalan: "5 d'abril de 2023")
        rf"|\d{{1,2}}(?:er|st|nd|rd|th|\.|º)?\s+(?:de\s+|d['’])?(?:{_MONTHS})\.?,?(?:\s+(?:de\s+)?\d{{4}})?"
        rf"|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?(?:\s+\d{{4}})?"
        rf"|(?:{_MONTHS})\s+\d{{4}}"
        r"|\d{4}-\d{2}(?:-\d{2})?"
        # The other languages: "5 marca 2024", "5. března 2023", "5 d'abril de 2023", "Mart 2023", a
        # weekday before a day ("wtorek, 5 marca 2024", "úterý 5. 3. 2024").
        rf"|(?:(?:{_MORE_WEEKDAYS}),?\s+)?(?:\d{{1,2}}\.?\s+(?:de\s+|d['’])?(?:{_MORE_MONTHS})\.?,?"
        r"(?:\s+(?:de\s+)?\d{4}\.?)?|\d{1,2}\.\s?\d{1,2}\.\s?\d{4})"
        rf"|(?:{_MORE_MONTHS})\.?,?\s+(?:\d{{4}}|\d{{1,2}}\.?,?(?:\s+\d{{4}})?)"
        # Hungarian, year first: "2024. március 5."
        rf"|\d{{4}}\.\s*(?:{_HU_MONTHS})\s+\d{{1,2}}\.?"
        # Written with the words of one language ("2024年3月5日", "5 tháng 3, 2024").
        rf"|{words('date')}"
        r")(?!\d)"
    ),
    # A time has minutes or a suffix ("9:30", "9h30", "9 Uhr", "9pm"): a bare number is not one.
    "‹time›": (
        r"\d{1,2}(?:[:h]\d{2}(?::\d{2})?(?!\d)(?:\s*(?:uhr|h|am|pm|a\.m\.|p\.m\.))?"
        r"|\.\d{2}\s*(?:uhr|h|am|pm|a\.m\.|p\.m\.)|\s*(?:uhr|am|pm|a\.m\.|p\.m\.|h))"
        r"(?:\s*(?:utc|gmt|cet|cest|mez|mesz|est|edt|cst|cdt|mst|mdt|pst|pdt|pt|et|ct|bst|ist|jst)"
        r"(?:[+-]\d{1,2}(?::\d{2})?)?)?(?!\w)"
    ),
    "‹num›": r"\d+(?:[.,\s]\d+)*(?!\d)",
    # Capitalised words (or @handles), case-sensitive even inside case-insensitive rules,
    # with the particles of names between them: "Enpause @EnPause", "Jean de La Fontaine", and those
    # of Polish, Portuguese, Nordic and Arabic names ("Kasia z Krakowa", "Ana dos Santos", "Nils af Klint").
    "‹name›": (
        rf"(?-i:[{_CAPITALS}][{WORD}@.'’&-]*(?![{WORD}@.'’&-])(?:,?\s+(?:(?:de|von|van|der|den|da|di|del|le|la|du|y"
        rf"|z|ze|dos|das|do|av|af|bin|ibn"
        rf"|and|und|et|&)\s+)*[{_CAPITALS}][{WORD}@.'’&-]*(?![{WORD}@.'’&-])){{0,4}})"
    ),
    # A word ends where its characters end: the engine never retries a shorter prefix. (A name's and a
    # word's characters take the combining marks, :data:`WORD`: "Jose\u0301" is one word.)
    "‹word›": rf"[{WORD}@.'’&-]+(?![{WORD}@.'’&-])",
}

# The core's ‹date› (see :func:`expand_template`): every line the mask reads and a few more, with
# the months and weekdays once. The mask above writes each list in every alternative that reads
# it (the five languages' months three times, the others' twice, Hungarian's once, weekdays
# twice), and ‹stamp› holds two dates: the core's automata of the rules that read a date held
# ~14 copies of the months of 30 languages a ‹stamp›. Here every prefix that stands before a
# month in some alternative may stand before any month, and every suffix after any, and weekdays
# may open any date: each alternative of the mask is one of these combinations, so every line
# the mask reads, this reads too (tests/boilerplate/test_rule_core.py). The lines only this
# reads ("2024. March 5") are refused by Python, which judges every candidate.
_CORE_DATE = (
    rf"(?:(?:{_WEEKDAYS}|{_MORE_WEEKDAYS}),?\s+)*(?:"
    r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}"
    r"|\d{4}-\d{2}(?:-\d{2})?"
    r"|\d{1,2}\.\s?\d{1,2}\.\s?\d{4}"
    r"|(?:\d{1,2}(?:er|st|nd|rd|th|\.|º)?\s+(?:de\s+|d['’])?|\d{4}\.\s*)?"
    rf"(?:{_MONTHS}|{_MORE_MONTHS}|{_HU_MONTHS})"
    r"(?:\.?,?(?:\s+(?:de\s+)?\d{4}\.?)?"
    r"|\.?\s+\d{1,2}(?:st|nd|rd|th)?,?(?:\s+\d{4})?"
    r"|\s+\d{4}"
    r"|\.?,?\s+(?:\d{4}|\d{1,2}\.?,?(?:\s+\d{4})?)"
    r"|\s+\d{1,2}\.?)"
    rf"|{words('date')}"
    r")"
)

# --- fragments shared by several templates ----------------------------------------------
_SEP = r"\s*[:\-–—|»>•·/]*\s*"
_SOCIAL = (
    r"(?:facebook|twitter|x|linkedin|whatsapp|pinterest|instagram|youtube|tiktok|telegram|reddit|tumblr|flipboard"
    r"|xing|mastodon|threads|bluesky|messenger|snapchat|e-?mail(?: this)?|mail|print|imprimer|drucken|imprimir|stampa"
    r"|rss|copy link|copier le lien|link kopieren|sms|text message|send text message|send|google\+?|stumble(?:upon)?"
    r"|digg|newsvine|vk|weibo|pocket|buffer|evernote|blogthis!?|gfc|feedly|threema)"
)
# The reader addressed: a banner speaks to "you" about what "we" do.
_ADDRESS = (
    r"\b(?:you|your|we|we're|our|us|vous|votre|vos|nous|notre|nos|sie|ihr|ihre\w*|wir|unser\w*|du|dein\w*|dich|dir"
    r"|usted|ustedes|tu|tus|nosotros|nuestr\w*|noi|nostr\w*|vostr\w*|tuo|tua|tuoi|utilizamos|usamos|utilisons"
    r"|verwenden|nutzen|utilizziamo|usiamo)\b"
)
# Words of the web page itself, next to "cookies" or "privacy" in a banner.
_WEB = (
    r"\b(?:site|website|web|sitio|sito|webseite|internetseite|browser|navigateur|navegador|navigazione|navigation"
    r"|navegación|browsing|experience|expérience|experiencia|esperienza|erlebnis|nutzererlebnis|settings|einstellungen"
    r"|paramètres|paramétrer|configuración|impostazioni|preferences|préférences|preferencias|preferenze|consent\w*"
    r"|consentement|zustimm\w*|einwilligung|consentimiento|consenso|accept\w*|akzept\w*|acept\w*|accett\w*|policy"
    r"|richtlinie\w*|politique|política|informativa|enable|disable|aktivier\w*|deaktivier\w*|activer|désactiver"
    r"|analy\w*|personali[sz]\w*|personnalis\w*|advertis\w*|publicit\w*|werbung|third[- ]part\w*|tiers"
    r"|drittanbieter\w*|terceros|terze parti|datenschutz\w*|privacy|confidentialité|privacidad|données|daten|data|dati"
    r"|datos|e-?mail|information\w*|informationen|kontrolle|control\w*|manage|gérer|verwalten|agree|einverstanden"
    r"|d['’]accord|de acuerdo|d['’]accordo|nutzung|utilisation)\b"
)
# Verbs of a banner that say what the site does with cookies.
_USE = (
    r"\b(?:use|uses|using|utilis\w*|verwende\w*|nutz\w*|setz\w*|usamos|utilizamos|usa|utiliza\w*|utilizz\w*|usiamo"
    r"|place\w*|dépos\w*|store\w*|stock\w*|speicher\w*)\b"
)
# Calls to act on a newsletter or a mailing list.
_CALL = (
    r"\b(?:subscrib\w*|sign(?:ing)? up|join|get|receive|abonn\w*|inscri\w*|recev\w*|recevoir|anmeld\w*|bestell\w*"
    r"|erhalt\w*|erhält\w*|registr\w*|suscr\w*|iscri\w*|ricev\w*|enter|entrez|geben|e-?mail|anford\w*|request"
    r"|demande[rz]|solicita\w*|richied\w*)\b"
)
_THIS_SITE = (
    r"\b(?:this|ce|cette|diese[rs]?|este|esta|questo|questa)\s+(?:site|website|webseite|internetseite|seite|page"
    r"|sitio|sito|portal|portail|blog)\b"
)
# The links of a site's footer, one of which may stand alone on a line.
_LEGAL = (
    r"(?:(?:privacy|cookie)(?: policy| notice| settings| preferences)?(?: european union| eu)?"
    r"|terms(?: of (?:use|service))?(?: and conditions)?|terms & conditions|legal notice|imprint|impressum"
    r"|datenschutz\w*|agb|nutzungsbedingungen"
    r"|allgemeine (?:geschäfts|nutzungs)bedingungen|mentions légales|politique de confidentialité"
    r"|conditions générales(?: d['’]utilisation| de vente)?|cgu|cgv|aviso legal|política de (?:privacidad|cookies)"
    r"|note legali|informativa (?:sulla )?privacy|contact(?: us| preferences| ‹name›)?|kontakt(?:formular)?"
    r"|contactez-nous|nous contacter|contacto|contáctanos|contatti|contattaci|about(?: us)?|à propos(?: de nous)?"
    r"|über uns|quiénes somos|sobre nosotros|chi siamo|accessibility(?: statement)?|accessibilité"
    r"|barrierefreiheit|careers|jobs|emplois|karriere|stellenangebote|offres d['’]emploi|trabaja con nosotros"
    r"|lavora con noi|work with (?:me|us)|advertise(?: with us)?|werben|mediadaten|media ?kit|sponsors|sponsoren"
    r"|investors|investor relations|press|presse|media / presse|newsroom|faq|help|aide|hilfe|ayuda|aiuto"
    r"|häufige fragen(?: \(faq\))?|frequently asked questions|foire aux questions|preguntas frecuentes"
    r"|domande frequenti|rss(?: feeds?)?|newsletter\w*|archives?|archiv|netiquette|community (?:rules|guidelines)"
    r"|editorial (?:ethics|standards|policy|guidelines)(?: and guidelines)?|our standards|unsere grundsätze"
    r"|directory of sites|site index|sitemap|site map|plan du site|werben auf ‹word›)"
)
_STAMP = (
    r"(?:‹date›(?:[,\s]*(?:(?:at|à|a|um|a las|alle|@|-|–|\||/|//)\s*)?‹time›)?"
    r"|‹time›(?:[,\s]*(?:(?:on|le|am|el|il|-|–|\||/)\s*)?‹date›)?)"
)
# The core's ‹stamp›: one date, with a time before or after it or both, or a time alone (a
# superset of ‹stamp›'s two alternatives, each with its own date; see ``_CORE_DATE``).
_CORE_STAMP = (
    r"(?:(?:‹time›[,\s]*(?:(?:on|le|am|el|il|-|–|\||/)\s*)?)?"
    r"‹date›(?:[,\s]*(?:(?:at|à|a|um|a las|alle|@|-|–|\||/|//)\s*)?‹time›)?"
    r"|‹time›)"
)
_PUBLISHED = (
    # "This page was last edited on ..." (a wiki's footer): the page may be named, and "edited" and
    # "reviewed" need it and "last" ("Edited by NAME" credits an article's editor, and a forum post's
    # "Last edited by NAME on DATE" is kept by the gold of eval-pages-dev).
    r"(?:(?:(?:this )?(?:page|article|post|entry|document)(?: was| has been)? )?(?:first |last |originally )?"
    r"(?:published|posted|updated|modified|written|created|last modified)|(?:this )?(?:page|article|post|entry"
    r"|document)(?: was| has been)? last (?:edited|reviewed)"
    r"|publié|mis à jour|modifié|posté|écrit|rédigé|actualisé|paru|veröffentlicht|aktualisiert|geändert|geschrieben"
    r"|erstellt|publiziert|stand|zuletzt aktualisiert|publicado|actualizado|modificado|escrito|pubblicato|aggiornato"
    # The feminine forms, agreeing with "la noticia", "la notizia", "la page" ("Publicada hace 2 días").
    r"|modificato|scritto|publiée|publicada|actualizada|pubblicata|aggiornata)"
)
# "de", "di", "da" only in lower case: "De Gaulle" is a name, not a byline.
_BY = r"(?:by|von|par|por|(?-i:de|di|da))"
_ON = r"(?:on|at|le|am|um|el|il|à|vom|du|del|the)"

# The controls of a comment or a forum post (comment-controls): reply, quote, report,
# flag, like, edit, permalink, in many languages.
_CONTROL = (
    r"(?:reply(?: to (?:this|comment|post|thread))?|post reply|private reply|quick reply|reply with quote|quote"
    r"|multi-?quote|report(?: (?:abuse|post|comment|this(?: comment| post)?))?|flag(?: (?:this|as))?(?: comment| post"
    r"| inappropriate)?|like|unlike|dislike|edit|delete|permalink|share|respond|top|back to top|répondre|citer|signaler"
    r"|antworten|zitieren|melden|bearbeiten|responder|citar|denunciar|reportar|rispondi|cita|segnala|modifica|odpovědět"
    r"|odpovědeť|odpowiedz|cytuj|zgłoś|odgovori|citiraj|prijavi|uredi|odgovor|antwoord|citeer|svara|citera|rapportera"
    r"|回复|回覆|引用|举报|檢舉|返信|通報)"
)
# What a pager's steps say, and the word for a page (pagination).
_PAGE = r"(?:page|seite|página|pagina|strana|stránka|strona|stranica|sida|第|页)"
_STEP = (
    r"(?:next|previous|prev|first|last|older|newer|weiter|zurück|vor|suivant|précédent|siguiente|anterior"
    r"|successivo|precedente|další|předchozí|następna|poprzednia|sljedeća|prethodna|volgende|vorige|nästa|下一页|上一页)"
)

# The word that says "of" in "page 2 of 14" (pagination).
_OF = r"(?:of|von|sur|de|di|od|z|ze|из|/|\|)"
# The link to a blog's or a site's front page between the links to the previous and the next
# post ("« Older title | Main | Newer title »", post-nav).
_HOME = (
    r"(?:main(?: page)?|home(?: ?page)?|front page|index|accueil|page d['’]accueil|startseite|übersicht|inicio|portada"
    r"|página (?:de )?inicio|pagina principale|indice|sommario)"
)
# The label of a menu of links, before its colon ("Jump to: Products | Blog | Forum", "Quick
# links: ...", "Retour à : Blogs | Culture", labelled-menu).
_NAV_LABEL = (
    r"(?:jump to|skip to|go to|return to|back to|sections|(?:hot |popular )?topics"
    r"|(?:quick|sponsored|useful|related|more|external) links|links|aller à|retour à|rubriques"
    r"|liens(?: utiles| rapides| sponsorisés)?|springe zu|zurück zu|rubriken|schnellzugriff|ir a|volver a"
    r"|secciones|enlaces(?: patrocinados| rápidos)?|vai a|torna a|sezioni|link (?:utili|sponsorizzati)"
    # A listing's filters and order: "Filter by: All · Music · Theatre", "Sort by: Newest | Price".
    r"|filter(?: by)?|sort by|filtern nach|sortieren nach|filtrer par|trier par|filtrar por|ordenar por"
    r"|filtra per|ordina per)"
)


def _more(fragment: str, name: str) -> str:
    r"""Returns a fragment with the other languages' words for it (:mod:`nettoyeur.boilerplate.rule_languages`).

    A fragment of whole words (``\b(?:...)\b``) takes the others as whole words too.
    """
    more = words(name)
    if not more:
        return fragment
    return rf"{fragment}|\b(?:{more})\b" if fragment.startswith(r"\b") else f"{fragment}|{more}"


# Fragments are expanded before the masks, so they may use them (‹stamp› uses ‹date›).
# (Each takes the other languages' words for it, where a table gives some: :func:`_more`.)
FRAGMENTS = {
    name: _more(fragment, name)
    for name, fragment in {
        "‹sep›": _SEP,
        "‹legal›": _LEGAL,
        "‹social›": _SOCIAL,
        "‹address›": _ADDRESS,
        "‹web›": _WEB,
        "‹use›": _USE,
        "‹call›": _CALL,
        "‹this-site›": _THIS_SITE,
        "‹stamp›": _STAMP,
        "‹published›": _PUBLISHED,
        "‹by›": _BY,
        "‹on›": _ON,
        "‹control›": _CONTROL,
        "‹page›": _PAGE,
        "‹step›": _STEP,
        "‹of›": _OF,
        "‹home›": _HOME,
        "‹nav-label›": _NAV_LABEL,
    }.items()
}


@dataclass(frozen=True, slots=True)
class Rule:
    """A named boilerplate template.

    Attributes:
        kind: what it removes (``nav``, ``share``, ``cookie``, ``byline`` ...).
        name: a short name for the report (``fr-published-by``).
        pattern: the compiled template (full-line match), or a :class:`LazyPattern` compiled
            on its first match (the built-in rules).
        max_words: longer lines are never matched by this rule.
        needles: lower-case substrings one of which must occur in the line (none: no test).

    Raises:
        ValueError: a needle is the empty string (see :func:`needle_pattern`).
    """

    kind: str
    name: str
    pattern: re.Pattern[str] | LazyPattern
    max_words: int = 30
    needles: tuple[str, ...] = ()
    # The needle test as one compiled search: asked in C, where a Python loop over the
    # needles cost a call per needle per line.
    _needle_search: re.Pattern[str] | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_needle_search", needle_pattern(self.needles) if self.needles else None)

    def matches(self, line: str, n_words: int, lowered: str | None = None) -> bool:
        """Returns True when the rule matches the whole (normalised) line.

        Args:
            line: the line, whitespace collapsed.
            n_words: its number of words.
            lowered: ``line.lower()`` when the caller has it (saves recomputing it).
        """
        if n_words > self.max_words:
            return False
        if self._needle_search is not None:
            low = line.lower() if lowered is None else lowered
            if self._needle_search.search(low) is None:
                return False
        return self.pattern.fullmatch(line) is not None


def needle_pattern(needles: Iterable[str]) -> re.Pattern[str]:
    """Returns a pattern whose ``search`` finds a line holding any of ``needles`` (plain substrings).

    The needles are laid out as a trie (``pub(?:lié|lished)``, not ``publié|published``):
    Python's engine tries the branches of an alternation one by one at each position of
    the line, so a flat list of 116 needles costs 116 tries a character where the trie
    costs one per distinct first letter (3x faster on 30,000 distinct lines of generated
    articles). A needle that extends another is dropped: the shorter one is found first.
    Only whether some needle occurs is asked, and both forms answer that alike.

    Raises:
        ValueError: ``needles`` is empty, or holds the empty string (it would match every line).
    """
    needles = set(needles)
    if "" in needles:
        raise ValueError("an empty needle would match every line; leave it out")
    if not needles:
        raise ValueError("no needles: a rule without needles has no needle test")
    return re.compile(_word_trie_regex(_trie(needles, shortest=True)))


# Global inline flags, which open a pattern: ``(?s)``, ``(?ix)``.
_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")


class LazyPattern:
    """A template's expression, compiled by Python the first time a line is matched against it.

    The built-in rules are some 370,000 characters of expression (each date rule holds the
    months and weekdays of 30 languages, up to three times): compiling them all cost 0.55 s of
    CPU at the start of every run, for rules most runs never ask Python about (the core names a
    rule as a line's candidate first, and Python confirms only those: 7 of the 56 rules on the
    300,000 paragraphs of the benchmark corpus, 3 on ``samples/``). ``pattern`` and ``flags``
    are those of the compiled pattern (what the core's translation reads), known without
    compiling; the compiled pattern itself is ``compiled()``, whose code a process reads from the
    user's cache folder when an earlier one compiled the same expression
    (:mod:`nettoyeur.boilerplate.pattern_cache`: ~0.3 ms instead of up to 130 ms a date rule).

    Args:
        pattern: the expression (masks and fragments expanded).
        flags: the flags given to ``re.compile``.
        core: the expression the native core's candidates read instead (:func:`core_source`), one
            that matches every line ``pattern`` does; None: ``pattern``.
    """

    __slots__ = ("pattern", "flags", "core", "_given", "_compiled")

    def __init__(self, pattern: str, flags: int = re.IGNORECASE, core: str | None = None) -> None:
        self.pattern = pattern
        self.core = core
        self._given = flags
        # What ``Pattern.flags`` says: re adds UNICODE to a str pattern, and a pattern's global
        # flags (``(?s)`` at its start, the only place Python allows them) are added to it.
        opening = _GLOBAL_FLAGS.match(pattern)
        self.flags = re.compile(opening.group() if opening else "", flags).flags
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        """Returns the compiled pattern (compiled on the first call; later calls reuse it).

        Raises:
            re.error: the expression is not valid (the built-in rules' tests compile every one).
        """
        found = self._compiled
        if found is None:
            found = self._compiled = compile_cached(self.pattern, self._given)
        return found

    def fullmatch(self, string: str) -> re.Match[str] | None:
        """``re.Pattern.fullmatch`` of the compiled pattern."""
        return self.compiled().fullmatch(string)

    def search(self, string: str) -> re.Match[str] | None:
        """``re.Pattern.search`` of the compiled pattern."""
        return self.compiled().search(string)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, LazyPattern):
            return NotImplemented
        return (self.pattern, self.flags, self.core) == (other.pattern, other.flags, other.core)

    def __hash__(self) -> int:
        return hash((self.pattern, self.flags, self.core))

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern[:40]!r}..., {self.flags})"

    def __reduce__(self) -> tuple[type[LazyPattern], tuple[str, int, str | None]]:
        # A copy sent to another process compiles there when it needs to.
        return LazyPattern, (self.pattern, self._given, self.core)


def core_source(pattern: re.Pattern[str] | LazyPattern) -> str:
    """Returns the expression the native core reads for a rule's pattern: its ``core`` form when it has one."""
    core = getattr(pattern, "core", None)
    return core if core is not None else pattern.pattern


# The core's forms of the fragments and masks that differ (supersets: see ``_CORE_DATE``).
CORE_FRAGMENTS = {"‹stamp›": _more(_CORE_STAMP, "‹stamp›")}
CORE_MASKS = {"‹date›": _CORE_DATE}


def expand_template(template: str, core: bool = False) -> str:
    """Returns a template's regular expression: its fragments (``‹stamp›``, ``‹by›`` ...) and masks expanded.

    Args:
        template: the template.
        core: expand ``CORE_FRAGMENTS`` and ``CORE_MASKS`` instead: the expression the native
            core's candidates read, which matches every line the other one does (and a few more).
    """
    regex = template
    for fragment, expansion in FRAGMENTS.items():
        expansion = CORE_FRAGMENTS.get(fragment, expansion) if core else expansion
        regex = regex.replace(fragment, f"(?:{expansion})")
    for mask, expansion in MASKS.items():
        expansion = CORE_MASKS.get(mask, expansion) if core else expansion
        regex = regex.replace(mask, f"(?:{expansion})")
    return regex


def compile_template(template: str) -> re.Pattern[str]:
    """Compiles a template, expanding the fragments (``‹stamp›``, ``‹by›`` ...) and the masks.

    Raises:
        ConfigError: the template is not a valid regular expression.
    """
    try:
        return re.compile(expand_template(template), re.IGNORECASE)
    except re.error as err:
        raise ConfigError(f"invalid rule {template!r}: {err}") from err


# Finds a date anywhere in a line (a byline, a dated teaser): not a title. The native core searches
# it (:func:`date_search`); the Python pattern is its source and the tests' oracle.
DATE_SEARCH_SOURCE = r"(?<!\w)(?:" + MASKS["‹date›"] + r")"
DATE_SEARCH_FLAGS = re.IGNORECASE


@lru_cache(maxsize=1)
def date_search() -> _core.DateSearch:
    """Returns the process's date search: ``DATE_SEARCH_SOURCE`` in the native core, exactly.

    Its lookbehind and lookahead are read by hand around the core's match and every character
    as the set Python's node accepts (:func:`~nettoyeur.boilerplate.rule_regex.search_regex`), so
    the core finds a date exactly where ``re.search`` does (tests/boilerplate/test_date_search.py).
    Python's backtracking engine tried the months of 30 languages at every word: under callgrind,
    marking 600 documents of the benchmark corpus searched 628 distinct lines for 96 M of its 460 M
    instructions (the last 16,384 answers remembered); the core's lazy DFA, which reads each byte
    once, answers every line asked for 5.5 M (marking: 375 M).
    The translation is read from the user's cache folder when there (:mod:`~nettoyeur.boilerplate.rule_cache`).

    Raises:
        Untranslatable: this Python's ``re`` has no ``_sre`` case tables (not CPython).
        ValueError: the translation does not compile in the core (too large).
    """
    return _core.DateSearch(translate_search(DATE_SEARCH_SOURCE, DATE_SEARCH_FLAGS))


def builtin_rules() -> list[Rule]:
    """Returns the built-in rules, each compiled by Python on its first match (:class:`LazyPattern`)."""
    return [
        Rule(kind, name, _lazy(t), max_words, needles)
        for kind, name, t, max_words, needles in BUILTIN
    ]


def _lazy(template: str) -> LazyPattern:
    """Returns a built-in template's :class:`LazyPattern`, with its core form where that differs."""
    pattern, core = expand_template(template), expand_template(template, core=True)
    return LazyPattern(pattern, core=core if core != pattern else None)


def load_rules(path: Path) -> list[Rule]:
    """Reads user rules: ``kind: regex`` per line, ``#`` comments, masks allowed.

    Raises:
        ConfigError: the file cannot be read as UTF-8 text, or a line has no ``kind:``
            prefix or an invalid regex (naming the line).
    """
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(
            f"cannot read rules file {path}: {err}; give a UTF-8 text file of 'kind: regex' lines."
        ) from err
    rules = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        kind, sep, template = line.partition(":")
        if not sep or not kind.strip().isidentifier() or not template.strip():
            raise ConfigError(f"{path}:{number}: expected 'kind: regular expression', got {raw!r}")
        try:
            pattern = compile_template(template.strip())
        except ConfigError as err:
            raise ConfigError(f"{path}:{number}: {err}") from err
        rules.append(Rule(kind.strip(), f"user-{number}", pattern, 60))
    return rules
