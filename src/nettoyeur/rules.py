"""Boilerplate rules: templates of site chrome in English, French, German, Spanish, Italian.

A rule is a *template*, not a string to look up: ``‹date›``, ``‹time›``, ``‹num›`` and
``‹name›`` are masks that match any date, time, number or short proper name, so
"Publié le ‹date› par ‹name›" matches every French byline of that shape on any site.
Each template must match the *whole* line (case-insensitive, spaces collapsed), except
where it ends in ``.*`` on purpose (a "read also" teaser followed by any headline).

Users add rules with ``--rules FILE``: one ``kind: regular expression`` per line (the
masks work there too), ``#`` starts a comment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from nettoyeur.errors import ConfigError

_MONTHS = (
    "jan(?:uary|vier|uar|\\.)?|feb(?:ruary|ruar|\\.)?|f[ée]v(?:rier|\\.)?|m[aä]r(?:ch|s|z|\\.)?|apr(?:il|\\.)?|avr(?:il|\\.)?"
    "|may|mai|jun(?:e|i)?|juin|jul(?:y|i)?|juil(?:let|\\.)?|aug(?:ust|\\.)?|ao[uû]t|sep(?:t(?:ember|embre)?)?\\.?"
    "|oct(?:ober|obre|\\.)?|okt(?:ober|\\.)?|nov(?:ember|embre|\\.)?|dec(?:ember|\\.)?|d[ée]c(?:embre|\\.)?|dez(?:ember|\\.)?"
    "|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre"
    "|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre"
)
_WEEKDAYS = (
    "mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?"
    "|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
    "|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag"
    "|lunes|martes|miércoles|jueves|viernes|sábado|domingo"
    "|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica"
)
MASKS = {
    "‹date›": (
        rf"(?:(?:{_WEEKDAYS}),?\s+)?(?:"
        r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}"
        rf"|\d{{1,2}}(?:er|st|nd|rd|th|\.|º)?\s+(?:de\s+)?(?:{_MONTHS})\.?,?(?:\s+(?:de\s+)?\d{{2,4}})?"
        rf"|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?(?:\s+\d{{2,4}})?"
        rf"|(?:{_MONTHS})\s+\d{{4}}"
        r"|\d{4}-\d{2}(?:-\d{2})?"
        r")"
    ),
    "‹time›": r"\d{1,2}(?:[:h.]\d{2})?(?:\s*(?:uhr|h|am|pm|a\.m\.|p\.m\.))?(?:\s*(?:[A-Z]{2,4}|UTC|GMT|CET|CEST|MEZ))?",
    "‹num›": r"\d[\d.,\s]*",
    # Capitalised words (or @handles), case-sensitive even inside case-insensitive rules,
    # with the particles of names between them: "Enpause @EnPause", "Jean de La Fontaine".
    "‹name›": (
        r"(?-i:[A-ZÀ-ÖØ-ÞŒŠŽŸ@][\w@.'’&-]*(?:,?\s+(?:(?:de|von|van|der|den|da|di|del|le|la|du|y|and|und|et|&)\s+)*"
        r"[A-ZÀ-ÖØ-ÞŒŠŽŸ@][\w@.'’&-]*){0,4})"
    ),
}


@dataclass(frozen=True, slots=True)
class Rule:
    """A named boilerplate template.

    Attributes:
        kind: what it removes (``nav``, ``share``, ``cookie``, ``byline`` ...).
        name: a short name for the report (``fr-published-by``).
        pattern: the compiled template (full-line match).
        max_words: longer lines are never matched by this rule.
    """

    kind: str
    name: str
    pattern: re.Pattern[str]
    max_words: int = 30

    def matches(self, line: str, n_words: int) -> bool:
        """Returns True when the rule matches the whole (normalised) line."""
        return n_words <= self.max_words and self.pattern.fullmatch(line) is not None


def compile_template(template: str) -> re.Pattern[str]:
    """Compiles a template, expanding the ‹date›, ‹time›, ‹num› and ‹name› masks.

    Raises:
        ConfigError: the template is not a valid regular expression.
    """
    regex = template
    for mask, expansion in MASKS.items():
        regex = regex.replace(mask, f"(?:{expansion})")
    try:
        return re.compile(regex, re.IGNORECASE)
    except re.error as err:
        raise ConfigError(f"invalid rule {template!r}: {err}") from err


_SEP = r"\s*[:\-–—|»>•·/]*\s*"
_SOCIAL = (
    r"(?:facebook|twitter|x|linkedin|whatsapp|pinterest|instagram|youtube|tiktok|telegram|reddit|tumblr|flipboard"
    r"|xing|mastodon|threads|bluesky|messenger|snapchat|e-?mail|mail|print|imprimer|drucken|rss|copy link|sms)"
)

# (kind, name, template, max_words)
BUILTIN: tuple[tuple[str, str, str, int], ...] = (
    # --- navigation and UI labels -------------------------------------------------
    (
        "nav",
        "skip-link",
        r"(?:skip|jump|go) to (?:the )?(?:main )?(?:content|navigation|menu|search)|"
        r"(?:aller|passer|acc[ée]der) (?:directement )?au (?:contenu|menu)(?: principal)?|"
        r"(?:zum|direkt zum|springe zum) (?:inhalt|hauptinhalt|men[üu])(?: springen| wechseln)?|"
        r"(?:saltar|ir) al contenido(?: principal)?|(?:vai|salta) al contenuto(?: principale)?",
        8,
    ),
    (
        "nav",
        "menu-label",
        r"(?:toggle|main|top|primary|mobile|open|close|footer|header|site)?\s*(?:navigation|nav|menu|menü|menú)"
        r"(?: (?:öffnen|schließen|principal|navigation))?|navigation (?:principale|ein-/ausblenden)|hauptmen[üu]",
        5,
    ),
    (
        "nav",
        "ui-label",
        r"(?:home|homepage|home page|accueil|startseite|inicio|search|rechercher|recherche|suche|suchen|buscar|cerca"
        r"|close|fermer|schließen|schliessen|cerrar|chiudi|back to top|retour en haut(?: de (?:la )?page)?|nach oben|zurück nach oben"
        r"|volver arriba|torna su|back|retour|zurück|previous|next|précédent|suivant|weiter|vorherige[rs]?|nächste[rs]?"
        r"|(?:previous|next) (?:article|post|story)|article (?:précédent|suivant)|sommaire|table des matières|inhaltsverzeichnis"
        r"|contents|table of contents|índice|indice|sitemap|site ?map|plan du site|quitter la version mobile"
        r"|(?:view|switch to) (?:the )?(?:desktop|mobile|full) (?:version|site)|version (?:mobile|classique)"
        r"|load more|show more|see more|see all|view all|voir (?:plus|tout|toutes?)|afficher plus|mehr anzeigen|alle anzeigen"
        r"|ver más|mostra (?:di più|tutto)|more|plus|mehr|menu|top)",
        6,
    ),
    (
        "nav",
        "account",
        r"(?:sign|log) ?(?:in|out|up)|register|my account|mon compte|mein konto|mi cuenta|il mio account"
        r"|(?:se )?(?:connecter|déconnecter)|connexion|déconnexion|(?:s'|s’)inscrire|inscription|anmelden|abmelden|registrieren"
        r"|einloggen|ausloggen|login|logout|iniciar sesión|cerrar sesión|registrarse|accedi|esci|registrati",
        4,
    ),
    (
        "nav",
        "legal-links",
        r"(?:(?:privacy|cookie)(?: policy| notice| settings| preferences)?|terms(?: of (?:use|service))?(?: and conditions)?"
        r"|terms & conditions|legal notice|imprint|impressum|datenschutz(?:erklärung|hinweise|einstellungen)?|agb"
        r"|nutzungsbedingungen|mentions légales|politique de confidentialité|conditions générales(?: d['’]utilisation| de vente)?"
        r"|cgu|cgv|aviso legal|política de (?:privacidad|cookies)|note legali|informativa (?:sulla )?privacy"
        r"|contact(?: us)?|kontakt|contactez-nous|nous contacter|contacto|contatti|about(?: us)?|à propos|über uns|quiénes somos"
        r"|chi siamo|accessibility(?: statement)?|accessibilité|barrierefreiheit|careers|jobs|emplois|karriere"
        r"|advertise(?: with us)?|faq|help|aide|hilfe|ayuda|aiuto|rss(?: feeds?)?|newsletters?|archives?|archiv)"
        r"(?:"
        + _SEP
        + r"(?:(?:privacy|cookie)(?: policy| settings)?|terms(?: of (?:use|service))?|impressum|datenschutz\w*"
        r"|agb|mentions légales|contact\w*|kontakt|about(?: us)?|accessibility|careers|jobs|faq|help|sitemap|rss))*",
        12,
    ),
    ("nav", "breadcrumb", r"(?:[\w'’ -]{1,25}\s*(?:>|»|›|/|\\|→)\s*){2,}[\w'’ -]{1,40}", 12),
    ("nav", "site-icon", r"(?:site )?(?:icon|logo|favicon)(?: (?:de|of|von))? ‹name›|‹name› (?:logo|icon)", 6),
    # --- share -------------------------------------------------------------------
    (
        "share",
        "share-label",
        r"(?:share|partager|teilen|compartir|condividi|tweet|tweeter|pin it|e-?mail this|email this article)"
        r"(?: (?:this|cet?|cette|la|le|l['’])?\s*(?:article|post|story|page|on|sur|auf|en|su|via|this|artikel)?)?"
        r"(?:" + _SEP + _SOCIAL + r")*(?:" + _SEP + r"‹num›)?",
        12,
    ),
    (
        "share",
        "social-list",
        r"(?:(?:share|partager|teilen|follow us|suivez-nous|folgen sie uns|síguenos|seguici)(?: on| sur| auf| en| su)?"
        + _SEP
        + r")?"
        + _SOCIAL
        + r"(?:"
        + _SEP
        + _SOCIAL
        + r")*",
        14,
    ),
    ("share", "share-count", r"‹num›\s*(?:shares?|partages|mal geteilt|views|vues|likes?|j'aime)", 4),
    # --- cookies -----------------------------------------------------------------
    (
        "cookie",
        "cookie-banner",
        r".*\b(?:cookies?|traceurs|tracker)\b.*\b(?:use|uses|using|utilis\w*|verwende\w*|nutz\w*|setz\w*"
        r"|usamos|utiliza\w*|utilizz\w*|accept\w*|akzept\w*|consent\w*|zustimm\w*|experience|expérience|erlebnis|navigation"
        r"|browsing|navegación|navigazione)\b.*",
        80,
    ),
    (
        "cookie",
        "cookie-banner",
        r".*\b(?:utilis\w*|use|uses|verwende\w*|usamos|utilizz\w*)\b.*\b(?:cookies?|traceurs)\b.*",
        80,
    ),
    (
        "cookie",
        "cookie-button",
        r"(?:accept|accepter|akzeptieren|aceptar|accetta|reject|refuser|ablehnen|rechazar|rifiuta)"
        r"(?: (?:all|tout|alle|todo|tutti|and close|et fermer))?(?: cookies)?|(?:manage|gérer|verwalten)\s.*cookies?.*|"
        r"cookie[- ]?(?:einstellungen|settings|preferences|consent|policy|richtlinie)|(?:ok|okay|j'accepte|i agree|got it|verstanden)",
        6,
    ),
    # --- subscribe ---------------------------------------------------------------
    (
        "subscribe",
        "subscribe",
        r"(?:subscribe|s['’]abonner|abonnez-vous|je m['’]abonne|abonnieren|jetzt abonnieren|suscríbete|suscribirse"
        r"|abbonati|iscriviti|sign up|inscrivez-vous|newsletter abonnieren|zum newsletter anmelden|join)"
        r"(?:\s.{0,80})?",
        16,
    ),
    ("subscribe", "newsletter", r".*\b(?:newsletter|infolettre)\b.*", 25),
    (
        "subscribe",
        "paywall",
        r".*\b(?:subscribers? only|réservé aux abonnés|abonnenten|nur für abonnenten|plus-artikel"
        r"|already a subscriber|déjà abonné|bereits abonnent)\b.*",
        25,
    ),
    # --- copyright ----------------------------------------------------------------
    (
        "copyright",
        "copyright",
        r"(?:©|\(c\)|copyright|tous droits réservés|all rights reserved|alle rechte vorbehalten"
        r"|todos los derechos reservados|tutti i diritti riservati).*",
        30,
    ),
    (
        "copyright",
        "copyright",
        r".*(?:©|\(c\)\s*\d{4}|all rights reserved|tous droits réservés|alle rechte vorbehalten"
        r"|todos los derechos reservados|tutti i diritti riservati).*",
        30,
    ),
    # --- read also ------------------------------------------------------------------
    (
        "readalso",
        "read-also",
        r"(?:(?:à |a )?lire (?:aussi|également|encore)|voir aussi|à voir aussi|sur le même sujet|dans la même rubrique"
        r"|read (?:also|more|next)|see also|related(?: articles?| stories| posts| content| coverage)?|more on this(?: story)?"
        r"|recommended(?: for you)?|you (?:may|might) also like|lesen sie (?:auch|mehr)|auch interessant|mehr zum thema|mehr dazu"
        r"|das könnte sie (?:auch )?interessieren|weitere artikel|lee (?:también|más)|leer más|te puede interesar|leggi (?:anche|di più)"
        r"|potrebbe interessarti|articles? (?:similaires|liés|connexes|recommandés)|ähnliche (?:artikel|beiträge)"
        r"|popular posts|most (?:read|popular|viewed)|les plus lus|meistgelesen|trending)" + _SEP + r".*",
        30,
    ),
    (
        "readalso",
        "read-more",
        r"(?:read more|lire (?:la )?suite|weiterlesen|mehr lesen|leer más|leggi (?:tutto|di più)|continue reading"
        r"|en savoir plus|mehr erfahren|learn more)(?:" + _SEP + r".{0,60})?",
        12,
    ),
    # --- comments -------------------------------------------------------------------
    (
        "comments",
        "comments",
        r"(?:‹num›\s*)?(?:comments?|commentaires?|kommentare?|comentarios?|commenti)(?:\s*\(‹num›\))?"
        r"|no comments(?: yet)?|aucun commentaire|keine kommentare|(?:leave|post|add|write) a (?:comment|reply)"
        r"|laisser un commentaire|(?:laissez|écrire|ajouter) un commentaire|schreibe(?:n sie)? einen kommentar.*"
        r"|kommentar (?:schreiben|verfassen)|deja un comentario|lascia un commento|comments are closed|les commentaires sont fermés"
        r"|charte des commentaires|réagir|reply|répondre|antworten|responder|rispondi|cancel reply|annuler la réponse"
        r"|antworten abbrechen|(?:‹num›\s*)?(?:réactions?|reactions?|antworten)|join the (?:conversation|discussion)",
        8,
    ),
    # --- ads --------------------------------------------------------------------------
    (
        "ad",
        "ad-label",
        r"(?:advertisement|advertising|sponsored(?: content| post| links?| advert)?|partner content|publicité|pub"
        r"|contenu sponsorisé|anzeige|werbung|gesponsert|publicidad|patrocinado|pubblicità|sponsorizzato|annonce"
        r"|advertising disclosure|ad|ads|story continues below(?: advertisement)?|article continues below.*)",
        6,
    ),
    # --- bylines and dates ------------------------------------------------------------
    (
        "byline",
        "byline",
        r"(?:(?:publié|mis à jour|modifié|posté|écrit|rédigé)(?: le)? ‹date›(?:,? (?:à|a) ‹time›)?"
        r"(?:,? (?:par|by) ‹name›)?|(?:publié|posté|écrit|rédigé)(?: par| by) ‹name›(?:,? le ‹date›(?:,? (?:à|a) ‹time›)?)?)"
        r"(?:\s*[|·•-]\s*.{0,60})?",
        25,
    ),
    (
        "byline",
        "byline",
        r"(?:par|by|von|por|di|da|de) ‹name›(?:[,|·•-]*\s*(?:le |on |am |el |il )?‹date›)?(?:,?\s*(?:à|at|um|a las|alle) ‹time›)?"
        r"(?:\s*[|·•-]\s*.{0,40})?",
        12,
    ),
    (
        "byline",
        "byline",
        r"(?:posted|published|updated|written|last updated|first published|veröffentlicht|aktualisiert|geschrieben"
        r"|erstellt|publicado|actualizado|pubblicato|aggiornato)(?: on| am| el| il| le)?(?: ‹date›)?(?:,?\s*(?:at|um|a las|alle)? ?‹time›)?"
        r"(?:,? (?:by|von|por|da|in) ‹name›)?(?:\s*[|·•-]\s*.{0,60})?",
        25,
    ),
    (
        "byline",
        "byline-role",
        r"(?:‹name›,? )?(?:staff (?:writer|reporter)|correspondent|correspondant\w*|rédaction|redaktion|journaliste"
        r"|reporter|editor|éditeur|redakteur\w*|autor(?:in)?|author|auteur)(?: ‹name›)?",
        8,
    ),
    (
        "date",
        "date-line",
        r"(?:(?:le|am|on|el|il|du)\s+)?‹date›(?:,?\s*(?:à|at|um|-|–|a las|alle)?\s*‹time›)?(?:\s*\|.{0,40})?",
        10,
    ),
    (
        "date",
        "time-line",
        r"(?:il y a|vor|hace|fa)\s+‹num›\s*\w+|‹num›\s*(?:min(?:ute)?s?|hours?|heures?|stunden?|std\.?) ago"
        r"|‹num›\s*min(?:ute)?s?(?: de lecture| read| lesezeit| di lettura| de lectura)?|(?:lesezeit|temps de lecture|reading time):?\s*‹num›.{0,12}",
        8,
    ),
)


def builtin_rules() -> list[Rule]:
    """Returns the built-in rules, compiled."""
    return [Rule(kind, name, compile_template(t), max_words) for kind, name, t, max_words in BUILTIN]


def load_rules(path: Path) -> list[Rule]:
    """Reads user rules: ``kind: regex`` per line, ``#`` comments, masks allowed.

    Raises:
        ConfigError: a line has no ``kind:`` prefix or an invalid regex, naming the line.
    """
    rules = []
    for number, raw in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
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
