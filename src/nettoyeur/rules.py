"""Boilerplate rules: templates of site chrome in English, French, German, Spanish, Italian.

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

Users add rules with ``--rules FILE``: one ``kind: regular expression`` per line (the
masks and fragments work there too), ``#`` starts a comment; a user rule reads lines of
up to 60 words and fires before the built-in ones. Example::

    promo: Offre spéciale jusqu'au ‹date›
    byline: Texte et photos : ‹name›
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from nettoyeur.errors import ConfigError

_MONTHS = (
    r"jan(?:uary|vier|uar|\.)?|jänner|feb(?:ruary|ruar|\.)?|f[ée]v(?:rier|\.)?|m[aä]r(?:ch|s|z|\.)?|apr(?:il|\.)?"
    r"|avr(?:il|\.)?|may|mai|jun(?:e|i|\.)?|juin|jul(?:y|i|\.)?|juil(?:let|\.)?|aug(?:ust|\.)?|ao[uû]t"
    r"|sep(?:t(?:ember|embre)?)?\.?|oct(?:ober|obre|\.)?|okt(?:ober|\.)?|nov(?:ember|embre|\.)?|dec(?:ember|\.)?"
    r"|d[ée]c(?:embre|\.)?|dez(?:ember|\.)?"
    r"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre"
    r"|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre"
)
_WEEKDAYS = (
    r"mon(?:day|\.)?|tue(?:s|sday|\.)?|wed(?:nesday|\.)?|thu(?:rs|rsday|\.)?|fri(?:day|\.)?|sat(?:urday|\.)?|sun(?:day|\.)?"
    r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
    r"|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag"
    r"|lunes|martes|miércoles|jueves|viernes|sábado|domingo"
    r"|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica"
)
# Every mask ends where a number cannot go on ((?!\d)), so two masks side by side can
# never share the digits of one number: no exponential backtracking on long numbers.
MASKS = {
    "‹date›": (
        rf"(?:(?:{_WEEKDAYS}),?\s+)?(?:"
        r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}"
        rf"|\d{{1,2}}(?:er|st|nd|rd|th|\.|º)?\s+(?:de\s+)?(?:{_MONTHS})\.?,?(?:\s+(?:de\s+)?\d{{4}})?"
        rf"|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?(?:\s+\d{{4}})?"
        rf"|(?:{_MONTHS})\s+\d{{4}}"
        r"|\d{4}-\d{2}(?:-\d{2})?"
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
    # with the particles of names between them: "Enpause @EnPause", "Jean de La Fontaine".
    "‹name›": (
        r"(?-i:[A-ZÀ-ÖØ-ÞŒŠŽŸ@][\w@.'’&-]*(?![\w@.'’&-])(?:,?\s+(?:(?:de|von|van|der|den|da|di|del|le|la|du|y|and"
        r"|und|et|&)\s+)*[A-ZÀ-ÖØ-ÞŒŠŽŸ@][\w@.'’&-]*(?![\w@.'’&-])){0,4})"
    ),
    # A word ends where its characters end: the engine never retries a shorter prefix.
    "‹word›": r"[\w@.'’&-]+(?![\w@.'’&-])",
}


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
_PUBLISHED = (
    r"(?:(?:first |last |originally )?(?:published|posted|updated|modified|written|created|last modified)"
    r"|publié|mis à jour|modifié|posté|écrit|rédigé|actualisé|paru|veröffentlicht|aktualisiert|geändert|geschrieben"
    r"|erstellt|publiziert|stand|zuletzt aktualisiert|publicado|actualizado|modificado|escrito|pubblicato|aggiornato"
    r"|modificato|scritto)"
)
# "de", "di", "da" only in lower case: "De Gaulle" is a name, not a byline.
_BY = r"(?:by|von|par|por|(?-i:de|di|da))"
_ON = r"(?:on|at|le|am|um|el|il|à|vom|du|del|the)"

# Fragments are expanded before the masks, so they may use them (‹stamp› uses ‹date›).
FRAGMENTS = {
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
}


@dataclass(frozen=True, slots=True)
class Rule:
    """A named boilerplate template.

    Attributes:
        kind: what it removes (``nav``, ``share``, ``cookie``, ``byline`` ...).
        name: a short name for the report (``fr-published-by``).
        pattern: the compiled template (full-line match).
        max_words: longer lines are never matched by this rule.
        needles: lower-case substrings one of which must occur in the line (none: no test).
    """

    kind: str
    name: str
    pattern: re.Pattern[str]
    max_words: int = 30
    needles: tuple[str, ...] = ()

    def matches(self, line: str, n_words: int, lowered: str | None = None) -> bool:
        """Returns True when the rule matches the whole (normalised) line.

        Args:
            line: the line, whitespace collapsed.
            n_words: its number of words.
            lowered: ``line.lower()`` when the caller has it (saves recomputing it).
        """
        if n_words > self.max_words:
            return False
        if self.needles:
            low = line.lower() if lowered is None else lowered
            if not any(needle in low for needle in self.needles):
                return False
        return self.pattern.fullmatch(line) is not None


def compile_template(template: str) -> re.Pattern[str]:
    """Compiles a template, expanding the fragments (``‹stamp›``, ``‹by›`` ...) and the masks.

    Raises:
        ConfigError: the template is not a valid regular expression.
    """
    regex = template
    for fragment, expansion in FRAGMENTS.items():
        regex = regex.replace(fragment, f"(?:{expansion})")
    for mask, expansion in MASKS.items():
        regex = regex.replace(mask, f"(?:{expansion})")
    try:
        return re.compile(regex, re.IGNORECASE)
    except re.error as err:
        raise ConfigError(f"invalid rule {template!r}: {err}") from err


# Finds a date anywhere in a line (a byline, a dated teaser): not a title.
DATE_SEARCH = re.compile(r"(?<!\w)(?:" + MASKS["‹date›"] + r")", re.IGNORECASE)

# Dates, times and numbers have digits: a rule that needs one skips lines without.
_DIGIT = tuple("0123456789")

# How a consent notice opens: "By clicking ...", "En poursuivant votre navigation ...".
_CONSENT_OPENING = (
    r"(?:by (?:clicking|subscribing|signing up|registering|continuing to (?:use|browse|visit))"
    r"|en (?:cliquant|vous inscrivant|poursuivant votre navigation|continuant (?:à naviguer|votre navigation))"
    r"|(?:mit (?:dem )?|durch )klick\w*|mit (?:ihrer|deiner) (?:anmeldung|registrierung)"
    r"|al (?:hacer clic|suscribirte|registrarte)|cliccando|continuando (?:a|la) navigazione)"
)

# (kind, name, template, max_words, needles)
BUILTIN: tuple[tuple[str, str, str, int, tuple[str, ...]], ...] = (
    # --- navigation and UI labels -------------------------------------------------
    (
        "nav",
        "skip-link",
        r"(?:(?:skip|jump|go|move|springe?n?|direkt|aller|passer|acc[ée]der|saltar|ir|vai|salta)\s+)+"
        r"(?:(?:directly|direkt|directement|directamente|direttamente)\s+)?"
        r"(?:(?:to|zu|zum|zur|au|à|al|a|alla)\s*(?:the\s+|den\s+|die\s+|le\s+|la\s+|el\s+|il\s+)?"
        r"(?:(?:main|primary|principal)\s+)?(?:content|contents|article|navigation|nav|menu|search|footer|inhalt"
        r"|hauptinhalt|hauptnavigation|suche|fußzeile|men[üu]|contenu|recherche|pied de page|contenido|búsqueda"
        r"|contenuto|ricerca)(?:\s+(?:principal|principale|springen|wechseln))?(?:\s*accesskey\s*\[?\d*\]?)?|(?:to|zu|à|a)\s*:)"
        r"|(?:zum|zur|to|au|al)\s+(?:inhalt|hauptinhalt|hauptnavigation|navigation|content|contenu|contenido|contenuto)"
        r"(?:\s+(?:springen|wechseln|gehen))?(?:\s*accesskey\s*\[?\d*\]?)?|accessibility links|liens d['’]accessibilité",
        8,
        (),
    ),
    (
        "nav",
        "back-link",
        r"(?:back|return|go back|zurück|retour(?:ner)?|revenir|volver|regresar|torna(?:re)?)\s+(?:to|zu|zum|zur|à|a|al|alla)"
        r"\s+(?:the\s+|la\s+|l['’]\s*|el\s+)?(?:top|home|homepage|home page|reading|article|articles|list|overview|übersicht"
        r"|startseite|anfang|seitenanfang|oben|accueil|haut(?: de (?:la )?page)?|sommaire|liste|inicio|arriba|portada"
        r"|sommario|inizio|index)(?:\s+\S+){0,4}",
        9,
        (),
    ),
    (
        "nav",
        "menu-label",
        r"(?:(?:toggle|open|close|show|hide|main|top|primary|secondary|mobile|footer|header|site|user(?: account)?|account"
        r"|global|ouvrir(?: le)?|fermer(?: le)?|afficher(?: le)?|masquer(?: le)?|abrir(?: el)?|cerrar(?: el)?|apri(?: il)?"
        r"|chiudi(?: il)?)\s+)?(?:navigation|nav|menu|menü|menú|sections|rubriques|ressorts|secciones|sezioni)"
        r"(?:\s+(?:öffnen|schließen|principal|principale|navigation|detail|details|toggle))?"
        r"|navigation (?:principale|ein-/ausblenden)|hauptmen[üu]|metanavigation|hauptnavigation|servicenavigation",
        5,
        (),
    ),
    (
        "nav",
        "ui-label",
        r"(?:home|homepage|home page|accueil|startseite|inicio|portada|search|rechercher|recherche|suche|suchen|buscar"
        r"|cerca|close|fermer|schließen|schliessen|cerrar|chiudi|back to top|retour en haut(?: de (?:la )?page)?|nach oben"
        r"|zurück nach oben|volver arriba|torna su|back|retour|zurück|previous|next|précédent|suivant|weiter"
        r"|vorherige[rs]?|nächste[rs]?|(?:previous|next) (?:article|post|story|page)|article (?:précédent|suivant)"
        r"|sommaire|table des matières|inhaltsverzeichnis|contents|table of contents|índice|indice|sitemap|site ?map"
        r"|plan du site|quitter la version mobile|(?:view|switch to) (?:the )?(?:desktop|mobile|full) (?:version|site)"
        r"|version (?:mobile|classique)|switch site|load more|show more|see more|see all|view all(?: results?)?"
        r"|voir (?:plus|tout|toutes?)|afficher plus|mehr anzeigen|alle anzeigen|ver más|mostra (?:di più|tutto)|more|plus"
        r"|mehr|menu|top|fullscreen|full screen|plein écran|vollbild|pantalla completa|schermo intero"
        r"|(?:pdf[- ]version|version pdf|als pdf|download pdf|télécharger (?:le )?pdf)|embed|einbetten|intégrer"
        r"|incrustar|incorpora|loading\.*|chargement\.*|wird geladen\.*|cargando\.*|caricamento\.*"
        r"|(?:close|fermer|schließen|cerrar|chiudi) (?:les |the |die |los |i )?(?:filtres|filters|filter|filtros|filtri)"
        r"|(?:edition|édition|ausgabe|edición|edizione)\s*:\s*‹word›)",
        6,
        (),
    ),
    (
        "nav",
        "contact-info",
        r"(?:(?:e-?mail|mail|courriel)\s*:?\s*)?[\w.+-]+@[\w-]+\.[\w.-]+"
        r"|(?:tel\.?|tél\.?|telefon|phone|fax|téléphone|teléfono|telefono)\s*:?\s*\+?\d[\d ./()-]{6,}\d",
        6,
        ("@", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
    ),
    (
        "nav",
        "dismiss",
        r".{0,40}(?:nicht mehr anzeigen|ne plus (?:afficher|montrer)(?: ce message)?|don['’]t show (?:this |me this )?again"
        r"|do not show (?:this )?again|no (?:volver a )?mostrar (?:de nuevo|más)|non mostrare più)\.?",
        10,
        (),
    ),
    (
        "nav",
        "gallery-counter",
        r"\d+\s*(?:of|von|sur|de|di|/)\s*\d+|(?:slideshow|gallery|galerie|bildergalerie|diaporama|galería|galleria"
        r"|photos?|fotos?|bilder|images|videos?)\s*\(?\s*\d+\s*(?:images|photos|fotos|bilder|pictures|videos)?\s*\)?",
        5,
        (),
    ),
    (
        "nav",
        "search",
        r"(?:enter |type |new )?(?:search|suche|recherche|rechercher|buscar|búsqueda|cerca|ricerca)"
        r"(?:\s+(?:below|here|ici|hier|in|for this author in|this (?:blog|site)|on this site|the site|sur le site"
        r"|dans le site|auf der (?:seite|website)|en el sitio|nel sito))?\s*:"
        r"|(?:enter search below|rechercher sur le site|search this (?:site|blog)|search the site|suche auf der seite"
        r"|buscar en (?:el sitio|este blog)|cerca nel sito)"
        r"|(?:diesen blog|this blog|ce blog|le site|the site|die website|este blog|questo blog)"
        r"\s+(?:durchsuchen|search|rechercher|buscar|cercare)"
        r"|(?:suchvorschläge|search suggestions|suggestions de recherche|sugerencias de búsqueda|suggerimenti di ricerca"
        r"|search for|rechercher|suche nach)\s*:?"
        r"|(?:search|suche|rechercher|buscar|cerca)\s+‹name›",
        6,
        (),
    ),
    (
        "nav",
        "account",
        r"(?:(?:sign|log) ?(?:in|out|up)|register|my account|mon compte|mein konto|mi cuenta|il mio account"
        r"|(?:se )?(?:connecter|déconnecter)|connexion|déconnexion|(?:s'|s’)inscrire|inscription|anmelden|abmelden"
        r"|registrieren|einloggen|ausloggen|login|logout|iniciar sesión|cerrar sesión|registrarse|accedi|esci|registrati"
        r"|(?:create|créer|créez|erstellen|crear|crea(?:re)?)\s+(?:an |your |un |votre |ein |una |tu |il tuo )?"
        r"(?:account|compte|konto|cuenta)|konto erstellen|(?:s['’])?abonner|subscribe|abonnieren|suscribirse|abbonati)"
        r"(?:\s*(?:/|\||or|ou|oder|o)?\s*(?:(?:sign|log) ?(?:in|out|up)|register|(?:se )?connecter|(?:s['’])?abonner"
        r"|(?:s['’])?inscrire|subscribe|anmelden|registrieren|abonnieren|login))*",
        6,
        (),
    ),
    (
        "nav",
        "legal-links",
        r"‹legal›(?:‹sep›‹legal›)*",
        14,
        (),
    ),
    (
        "nav",
        "breadcrumb",
        r"(?:[\w'’ -]{1,25}\s*(?:>|»|›|→|\\)\s*){2,}[\w'’ -]{1,40}"
        r"|(?:home|startseite|accueil|inicio|haupt|start|portada)\s*(?:>|»|›|/|\\|→)\s*.{0,120}"
        r"|(?:you are here|vous êtes ici|sie befinden sich hier|sie sind hier|usted está aquí|estás aquí|ti trovi in"
        r"|sei qui)\s*:?.{0,120}",
        16,
        (),
    ),
    ("nav", "site-icon", r"(?:site )?(?:icon|logo|favicon)(?: (?:de|of|von))? ‹name›|‹name› (?:logo|icon)", 6, ()),
    (
        "nav",
        "tags",
        r"(?:tags?|tagged(?: with| in| as)?|schlagwörter|schlagworte|stichwörter|stichworte|markiert|themen|thema"
        r"|mots[- ]clés|étiquettes|tags associés|etiquetas|temas|argomenti|parole chiave|catégories?|categories|category"
        r"|kategorien?|rubriques?|rubrik|categorías?|categorie|topics)\s*(?::|>)\s*.{0,160}"
        r"|(?:filed under|posted in|publié dans|classé dans|veröffentlicht in|abgelegt unter|archivado en|pubblicato in)"
        r"\s*[^.!?]{1,120}|(?:[\w-]+-)?tags",
        25,
        (),
    ),
    (
        "nav",
        "photo-credit",
        r"\(?(?:photo|foto|image|bild|picture|pic|crédits?(?: photos?)?|credits?|quelle|source|fuente|fonte|bildquelle"
        r"|illustration|vidéo|video)s?(?: credits?)?\s*[:©]\s*.{1,80}"
        r"|(?:photo|foto|bild|image|picture)s?\s+(?:by|von|de|di|par)\s+‹name›\.?"
        r"|(?:getty images|reuters|afp|dpa|ap|keystone|imago|istock(?:photo)?|shutterstock|picture alliance|epa)"
        r"(?:\s*[/|,]\s*‹name›)*"
        r"|‹name›\s*[,/]\s*(?:ap|afp|reuters|dpa|getty images|epa|keystone|imago)(?: files| photo)?"
        r"|‹name›\s+(?:submitted|file|staff|courtesy|contributed) photo",
        12,
        (
            "photo",
            "foto",
            "image",
            "bild",
            "picture",
            "pic",
            "crédit",
            "credit",
            "quelle",
            "source",
            "fuente",
            "fonte",
            "illustration",
            "vid",
            "getty",
            "reuters",
            "afp",
            "dpa",
            "ap",
            "keystone",
            "imago",
            "istock",
            "shutterstock",
            "epa",
        ),
    ),
    (
        # A caption: a short line that ends with the picture's credit.
        "nav",
        "caption-credit",
        r".{1,200}\((?:[^()]{0,60}\b(?:credit|crédit|foto|photo|bild|getty|reuters|afp|dpa|screenshot|imago"
        r"|keystone|istock|shutterstock)\b[^()]{0,60})\)\.?"
        r"|.{1,200}\s‹name›\s*/\s*(?:reuters|afp|ap|dpa|getty images|epa)(?: files)?\.?",
        16,
        (
            "credit",
            "crédit",
            "foto",
            "photo",
            "bild",
            "getty",
            "reuters",
            "afp",
            "dpa",
            "screenshot",
            "imago",
            "keystone",
            "istock",
            "shutterstock",
            "/ap",
            "/ epa",
            "/epa",
            "/ ap",
        ),
    ),
    # --- share -------------------------------------------------------------------
    (
        "share",
        "share-label",
        r"(?:share|partager|teilen|compartir|condividi|tweet|tweeter|pin it|e-?mail this|email this article)"
        r"(?: (?:this|cet?|cette|la|le|l['’])?\s*(?:article|post|story|page|on|sur|auf|en|su|via|this|artikel|with)?)?"
        r"(?:‹sep›‹social›)*(?:‹sep›‹num›)?"
        r"|(?:click to )?share (?:this )?(?:on|with|via) ‹social›(?: \(opens in (?:a )?new window\))?"
        r"|(?:close|open) (?:the )?share (?:panel|menu|dialog)|(?:artikel|beitrag|seite|link) (?:teilen|versenden|empfehlen)|(?:print|imprimer|drucken|imprimir|stampa)"
        r" (?:this |cet |la |le |die |diese |esta |questa )?(?:page|article|artikel|seite|página|pagina|articolo)"
        r"|(?:seite|artikel) drucken|(?:partager|teilen|share|compartir|condividi) (?:sur|auf|on|en|su)\s*:?"
        r"|(?:envoyer à|send to|senden an|enviar a|invia a)(?: un ami| a friend| einen freund| un amigo| un amico)?\s*:?\s*\*?"
        r"|(?:empfiehl|empfehlen sie) (?:dies|diesen artikel|den artikel) (?:deinen|ihren) freunden\.?"
        r"|(?:recommend|recommander|recomendar|consiglia) (?:this|cet article|este artículo|questo articolo)"
        r"(?: to (?:your )?friends| à vos amis| a tus amigos| ai tuoi amici)?\.?"
        r"|(?:your|votre|ihre?) (?:e-?mail|message|nachricht) (?:has been|a été|wurde) (?:sent|envoyée?|gesendet|versendet)\.?",
        14,
        (),
    ),
    (
        "share",
        "social-list",
        r"(?:(?:share|partager|teilen|follow(?: me| us)?|suivez-nous|suivez-moi|folge(?:n sie)?(?: uns| mir)?"
        r"|síguenos|sígueme|seguici|seguimi)(?: on| sur| auf| en| su| via)?‹sep›)?"
        r"(?:(?:share to|partager sur|teilen auf|on|auf|sur|en|su|via)\s*)?‹social›(?:‹sep›(?:share to\s*|on\s+|auf\s+|sur\s+)?‹social›)*"
        r"|(?:follow(?: me| us)?|suivez(?:-nous|-moi)|folge(?:n sie)?(?: uns| mir)|síguenos|seguici)\s*:?"
        r"|(?:connect with (?:us|others)|stay connected|restez connectés?|bleiben sie in verbindung"
        r"|auf dem laufenden bleiben|mantente conectado|resta(?:te)? connessi?)\s*[:!]?",
        16,
        (),
    ),
    (
        # "Follow The Daily on Twitter and Instagram @daily. Send us a message on WhatsApp."
        "share",
        "follow-us",
        r"(?:follow|suivez|folgen sie|folge|síguenos en|sigue a|seguici su|segui)\s.{0,60}?\b(?:on|sur|auf|en|su)\s+‹social›.{0,240}",
        45,
        (),
    ),
    (
        # "Get the latest news on your phone with our app."
        "subscribe",
        "app-promo",
        r"(?=.*\b(?:app|application|appli|applicazione|aplicación)\b)(?=.*‹address›)"
        r"(?:get|download|install|try|téléchargez|télécharger|installez|découvrez|laden sie|lade|holen sie sich|hol dir"
        r"|descarga|descargue|scarica|scaricate)\b.{0,200}",
        25,
        ("app",),
    ),
    (
        "share",
        "follower-count",
        r"(?:über |more than |plus de |mehr als |más de |oltre )?‹num›\s*(?:k|tsd\.?|mio\.?|m|mil|mille)?\s*"
        r"(?:shares?|partages|mal geteilt|views|vues|aufrufe|likes?|j'aime|gefällt mir|mentions j'aime|followers?"
        r"|abonnés|abonnenten|seguidores|fans|subscribers|iscritti)",
        6,
        (),
    ),
    # --- cookies and privacy -----------------------------------------------------
    (
        "cookie",
        "cookie-banner",
        r"(?=.*(?:‹address›|‹this-site›))"
        r"(?:(?=.*\b(?:cookies?|traceurs?|trackers?)\b)(?=.*‹web›).*"
        r"|.*‹use›(?:\s+\S+){0,3}\s+(?:des |de |les |los |i |die )?(?:cookies?|traceurs)\b.*)",
        60,
        ("cookie", "traceur", "tracker"),
    ),
    (
        "cookie",
        "privacy-notice",
        r"(?=.*\b(?:privacy|datenschutz\w*|confidentialité|vie privée|données personnelles|privacidad"
        r"|datos personales|riservatezza|dati personali)\b)(?=.*‹address›)(?=.*\b(?:policy|policies|site|website"
        r"|data|daten|données|datos|dati|e-?mail|sell|verkaufen|vendre|vender|vendere|information|informationen"
        r"|settings|einstellungen|paramètres|richtlinie|erklärung|politique|política|informativa|nachlesen|read)\b).*",
        60,
        (
            "privacy",
            "datenschutz",
            "confidentialit",
            "vie privée",
            "personnelles",
            "privacidad",
            "personales",
            "riservatezza",
            "personali",
        ),
    ),
    (
        "cookie",
        "consent",
        # The opening is tested first: the test for a word addressing the reader reads
        # the whole line, and only a line that opens like a consent notice needs it.
        rf"(?={_CONSENT_OPENING})(?=.*(?:‹address›|\b(?:i|je|j['’]|ich|yo|io)\b)){_CONSENT_OPENING}.{{0,400}}",
        80,
        (),
    ),
    (
        "cookie",
        "cookie-button",
        r"(?:accept|accepter|akzeptieren|aceptar|accetta|reject|refuser|ablehnen|rechazar|rifiuta)"
        r"(?: (?:all|tout|alle|todo|tutti|and close|et fermer))?(?: cookies)?|(?:manage|gérer|verwalten)\s.*cookies?.*"
        r"|(?:enable|disable|activer|désactiver|aktivieren|deaktivieren)(?: (?:or|ou|oder) \w+)? cookies?"
        r"|cookie[- ]?(?:einstellungen|settings|preferences|consent|policy|richtlinie)"
        r"|(?:plus d['’]informations?|more info(?:rmation)?|mehr (?:infos?|informationen)|más información"
        r"|maggiori informazioni)?\s*(?:ok|okay|j'accepte|i agree|got it|verstanden|d'accord|einverstanden)",
        6,
        (),
    ),
    # --- subscribe, paywalls, donations -------------------------------------------
    (
        "subscribe",
        "subscribe",
        r"(?:subscribe|s['’]abonner|abonnez-vous|je m['’]abonne|abonnieren|jetzt abonnieren|suscríbete|suscribirse"
        r"|abbonati|iscriviti|sign up|inscrivez-vous|newsletter abonnieren|zum newsletter anmelden|mit einem feedreader)"
        r"(?:\s.{0,80})?",
        16,
        (),
    ),
    (
        "subscribe",
        "newsletter",
        r"(?=.*‹call›|.*‹address›).*\b(?:newsletters?|infolettres?|lettre d['’]information"
        r"|mailing list|liste de diffusion|e-mail-verteiler|lista de correo)\b.*",
        40,
        ("newsletter", "infolettre", "lettre d", "mailing list", "liste de diffusion", "verteiler", "lista de correo"),
    ),
    (
        "subscribe",
        "subscribed",
        r"(?:you(?:'ve| have)? (?:been )?(?:successfully )?subscribed|thanks? (?:you )?for (?:subscribing|signing up)"
        r"|merci (?:pour votre|de votre) inscription|vous êtes (?:bien )?inscrit|danke für (?:ihre|deine) anmeldung"
        r"|gracias por suscribirte|grazie per (?:l['’])?iscrizione)[.!]?.{0,80}"
        r"|(?:.{0,40}[.!]\s*)?check your (?:e-?mail|inbox) (?:to|for|and)\b.{0,80}"
        r"|(?:enter|entrez|geben sie|introduce|inserisci) (?:your|votre|ihre|deine|tu|il tuo)\b.{0,60}\b(?:e-?mail|adresse"
        r"|correo)\b.{0,80}",
        25,
        (),
    ),
    (
        "subscribe",
        "feed",
        r"(?:.{0,30}\s)?rss(?:[- ]feeds?)?(?:\s.{0,40})?|(?:flux|fils?) (?:d['’]info )?rss(?:\s.{0,40})?"
        r"|(?:kommentar|comments?) ?feed",
        6,
        ("rss", "feed"),
    ),
    (
        "subscribe",
        "paywall",
        r".*\b(?:subscribers? only|réservé aux abonnés|(?:nur )?für abonnenten|plus-artikel"
        r"|already a subscriber|déjà abonné|bereits abonnent|ya soy suscriptor|sei già abbonato)\b.*"
        r"|(?:you have read|vous avez lu|sie haben|has leído|hai letto) ‹num› (?:of|des?|von|sur|de|di|su) ‹num›"
        r" (?:free |kostenlosen )?(?:articles?|artikeln?|artículos|articoli).{0,60}"
        r"|(?:you have|vous avez|il vous reste|sie haben noch|te quedan|hai ancora) ‹num›"
        r" (?:free |kostenlose )?(?:articles?|artikel|artículos|articoli).{0,40}"
        r"|(?:pour lire la suite|to continue reading|um weiterzulesen|para seguir leyendo|per continuare a leggere"
        r"|subscribe to (?:read|continue)|abonnez-vous pour lire|zum weiterlesen).{0,60}",
        25,
        (),
    ),
    (
        "subscribe",
        "donate",
        r"donate|spenden|donar|dona|faire un don|(?:donate (?:now|today)|jetzt spenden|jetzt helfen|faites un don"
        r"|je fais un don|je donne|dona ora|dona ahora|haz una donación|support us|unterstützen sie uns|soutenez-nous"
        r"|apóyanos|sostienici|support (?:our|local|independent) journalism|soutenez (?:notre|le) journalisme"
        r"|unterstützen sie (?:unseren )?journalismus|apoya (?:nuestro|el) periodismo|sostieni (?:il nostro )?giornalismo)"
        r"(?:\s+\S+){0,4}[.!]?"
        r"|we rely on (?:your|the) support.{0,80}|nous (?:avons besoin de|comptons sur) (?:votre|vous).{0,80}",
        12,
        (),
    ),
    (
        "ad",
        "adblock",
        r"(?=.*(?:‹address›|\b(?:disable|deactivate|whitelist|support|click|désactiv\w*|cliquez|soutenir"
        r"|deaktivier\w*|klick\w*|unterstütz\w*|desactiv\w*|haz clic|apoy\w*|disattiv\w*|clicca|sostien\w*)\b))"
        r".*\b(?:ad ?block\w*|adblocker|ad blocker|bloqueur de pub\w*|werbeblocker|bloqueador de anuncios"
        r"|blocco (?:degli )?annunci|block(?:ing)? ads)\b.*",
        30,
        ("block", "bloqu", "blocco"),
    ),
    # --- copyright, licences, credits of the site ----------------------------------
    (
        "copyright",
        "copyright",
        r"(?:©|\(c\)|copyright|tous droits réservés|all rights reserved|alle rechte vorbehalten"
        r"|todos los derechos reservados|tutti i diritti riservati).*"
        r"|.*(?:©|\(c\)\s*\d{4}|all rights reserved|tous droits réservés|alle rechte vorbehalten"
        r"|todos los derechos reservados|tutti i diritti riservati|some rights reserved|einige rechte vorbehalten"
        r"|certains droits réservés|algunos derechos reservados|alcuni diritti riservati).*",
        30,
        ("©", "(c)", "copyright", "réservés", "reserved", "vorbehalten", "reservados", "riservati"),
    ),
    (
        "copyright",
        "licence",
        r".*\b(?:this|ce|cette|cet|diese[rs]?|este|esta|questo|questa)\s+(?:work|site|website|blog|page|content|contenu"
        r"|œuvre|article|werk|webseite|website|seite|inhalt|beitrag|obra|sitio|contenido|opera|sito|contenuto)\b.{0,40}"
        r"\b(?:licensed|licence|license|lizenziert|lizenz|licencia|licenza)\b.*",
        60,
        ("licen", "lizen"),
    ),
    (
        "copyright",
        "reproduction",
        r".*\b(?:may not be reproduced|reproduction (?:interdite|totale ou partielle)|darf nicht (?:ohne .{0,40})?"
        r"(?:vervielfältigt|reproduziert)|queda prohibida la reproducción|vietata la riproduzione"
        r"|without (?:the )?(?:prior )?(?:express )?(?:written )?permission of|sans (?:l['’])?autorisation (?:écrite|préalable))\b.*"
        r"|.*\b(?:rules|terms|conditions) apply to all (?:content|contributions|posts|comments|material|users)\b.*",
        60,
        ("reproduc", "vervielf", "riproduzione", "permission", "autorisation", "apply", "appliquent", "gelten"),
    ),
    (
        "copyright",
        "powered-by",
        r"(?:.{0,60}[.|·•–-]\s*)?(?:proudly )?(?:powered by|propulsé par|betrieben (?:mit|von)|bereitgestellt von"
        r"|funciona con|realizzato con|réalisé avec|(?:site|website|webseite) (?:by|réalisé par|erstellt von)"
        r"|theme by|thème par|design by|designed by|hosted by|gehostet (?:bei|von))\s+[^,;]{1,50}",
        12,
        (),
    ),
    (
        "copyright",
        "trademark",
        r"‹name› (?:is a (?:registered )?trademark|ist ein (?:eingetragenes |geschütztes )?(?:markenzeichen|warenzeichen)"
        r"|est une marque (?:déposée|commerciale)|es una marca registrada|è un marchio registrato)\b.{0,60}",
        14,
        (),
    ),
    (
        "copyright",
        "site-notice",
        r"(?:all times (?:are|in)|alle zeiten (?:sind|in)|toutes les heures (?:sont|en)|todas las horas|tutti gli orari)"
        r"\s.{0,30}|(?:all )?quotes (?:are )?delayed.{0,120}|(?:cours|cotations) différé.{0,120}|kurse (?:sind )?"
        r"(?:zeit)?verzögert.{0,120}",
        30,
        (),
    ),
    # --- read also ------------------------------------------------------------------
    (
        "readalso",
        "read-also",
        r"(?:(?:à |a )?lire (?:aussi|également|encore)|voir aussi|à voir aussi|sur le même sujet|dans la même rubrique"
        r"|read (?:also|next)|see also|you (?:may|might) also like|lesen sie (?:auch|mehr)|auch interessant"
        r"|mehr zum thema|das könnte sie (?:auch )?interessieren|lee (?:también|más)|te puede interesar"
        r"|leggi (?:anche|di più)|potrebbe interessarti|réécouter|re-?watch|re-?listen|nachhören|jetzt anhören"
        r"|escuchar de nuevo|riascolta)(?:‹sep›.{0,250})?",
        40,
        (),
    ),
    (
        # Labels that are also ordinary words ("Next", "Related", "Trending"): alone, or
        # before a punctuation mark and a headline, never at the start of a sentence.
        "readalso",
        "related-label",
        r"(?:related(?: articles?| stories| posts| content| coverage| topics)?|more on this(?: story| topic)?"
        r"|recommended(?: for you| stories| articles)?|mehr dazu|weitere (?:artikel|beiträge|meldungen|nachrichten|themen)"
        r"(?: zum thema)?|articles? (?:similaires|liés|connexes|recommandés)|ähnliche (?:artikel|beiträge)"
        r"|verwandte (?:artikel|beiträge|themen)|artikel zum thema|popular (?:posts|articles|stories)"
        r"|most (?:read|popular|viewed)(?: articles| stories)?|(?:articles )?les plus lus|meistgelesene?(?: artikel)?"
        r"|lo más leído|(?:i )?più letti|trending(?: now)?|top (?:stories|news|articles)|latest (?:news|stories|articles|posts)"
        r"|recent (?:posts|articles|stories)|derniers (?:articles|billets)|dernières (?:actualités|infos|nouvelles)"
        r"|articles récents|à la une|à découvrir(?: aussi)?|neueste (?:artikel|beiträge|meldungen|nachrichten)"
        r"|letzte (?:artikel|beiträge|meldungen)|aktuelle (?:artikel|beiträge|meldungen)|beliebte (?:artikel|beiträge)"
        r"|últimas noticias|artículos relacionados|noticias relacionadas|ultimi articoli|articoli correlati|notizie correlate"
        r"|(?:themen|topics|sujets) (?:in diesem artikel|in this article|de cet article|abordés)"
        r"|audios? et vidéos? sur le (?:même )?sujet|(?:auch|also|aussi|también|anche) (?:auf|on|sur|en|su) ‹word›"
        r"|(?:alle|all|tous les|todos los|tutti gli) \S+(?: \S+)?[- ](?:artikel|articles|artículos|articoli)(?: lesen| lire)?"
        r"|next|previous|suivant|précédent|weiter|zurück|siguiente|anterior|successivo|precedente)"
        r"(?:\s*(?:[:»>|•·→]+|--?|–|—)\s*.{0,250}|\s*)",
        40,
        (),
    ),
    (
        "readalso",
        "read-more",
        r"(?:read more|lire (?:la )?suite|weiterlesen|mehr lesen|leer más|leggi (?:tutto|di più)|continue reading"
        r"|en savoir plus|mehr erfahren|learn more)(?:\s*(?:[:»>|•·→]+|--?|–|—)\s*.{0,250}|(?:\s+\S+){0,8}\s*)",
        40,
        (),
    ),
    # --- comments -------------------------------------------------------------------
    (
        "comments",
        "comments",
        r"(?:‹num›\s*)?(?:comments?|commentaires?|kommentare?|comentarios?|commenti)(?:\s*\(‹num›\))?"
        r"|no comments(?: yet)?|aucun commentaire|keine kommentare|(?:leave|post|add|write) a (?:comment|reply)"
        r"|laisser un commentaire|(?:laissez|écrire|ajouter) un commentaire|schreibe(?:n sie)? einen kommentar.*"
        r"|kommentar (?:schreiben|verfassen)|deja un comentario|lascia un commento|comments are closed"
        r"|les commentaires sont fermés|charte des commentaires|réagir|reply|répondre|antworten|responder|rispondi"
        r"|cancel reply|annuler la réponse|antworten abbrechen|(?:‹num›\s*)?(?:réactions?|reactions?|antworten)"
        r"|join the (?:conversation|discussion)|(?:loading|chargement des|lade) (?:comments|commentaires|kommentare)\.*"
        r"|kommentare werden geladen\.*|cargando comentarios\.*|caricamento commenti\.*"
        r"|netiquette(?: für kommentare)?|(?:comment|commenting|kommentar|commentaire)s?[- ]?(?:policy|richtlinien"
        r"|regeln|charte|règles)|charte de modération|règles de (?:modération|commentaires)",
        8,
        (),
    ),
    (
        "comments",
        "comment-form",
        r"(?:you must|vous devez|sie müssen|du musst|debes|devi)\b.{0,40}\b(?:log(?:ged)? ?in|connecté|angemeldet"
        r"|eingeloggt|registrado|iniciar sesión|accesso)\b.{0,40}\b(?:comment|commentaire|kommentar|comentario|commento)\w*\.?"
        r"|.*(?:antworten abbrechen|cancel reply|annuler la réponse|cancelar respuesta|annulla risposta)"
        r"|(?:pingback|trackback)\b.{0,160}"
        r"|(?:kommentar\w*|comments?(?: feed)?|trackback(?:-url)?|pingback|permalink|comments? closed"
        r"|kommentare geschlossen|commentaires fermés)(?:‹sep›(?:kommentar\w*|comments?(?: feed)?|trackback(?:-url)?"
        r"|pingback|permalink|comments? closed|kommentare geschlossen|commentaires fermés))+"
        r"|(?:your |votre |ihr |ihre |tu |su |il tuo |la tua )?(?:name|nom|e-?mail(?: address)?|adresse (?:e-?mail|électronique)"
        r"|e-?mail-adresse|website|site web|webseite|comment|commentaire|kommentar|nachricht|message|nombre"
        r"|correo(?: electrónico)?|sitio web|comentario|nome|commento|sito web)"
        r"\s*(?::?\s*\*|\((?:required|pflichtfeld|obligatoire|requerido|obligatorio|obbligatorio|erforderlich"
        r"|will not be published|wird nicht veröffentlicht|ne sera pas publiée?|no será publicado|non sarà pubblicat[ao])\))\s*\*?",
        30,
        (),
    ),
    (
        "comments",
        "comment-header",
        r"(?:‹name›|‹word›)\s+(?:on|le|am|el|il)\s+‹stamp›\s*(?:said|says|wrote|a dit|a écrit|écrit|sagte|schrieb"
        r"|meint|dijo|escribió|ha detto|ha scritto|scrive)\s*:?",
        16,
        _DIGIT,
    ),
    # --- ads --------------------------------------------------------------------------
    (
        "ad",
        "ad-label",
        r"(?:advertisement|advertising|sponsored(?: content| post| links?| advert)?|partner content|publicité|pub"
        r"|contenu sponsorisé|anzeige|werbung|gesponsert|publicidad|patrocinado|pubblicità|sponsorizzato|annonce"
        r"|advertising disclosure|ad|ads|story continues below(?: advertisement)?|article continues below.*)\s*:?"
        r"|(?:[\w ]{0,20}\s)?(?:advertising|advertisement|ads?|werbung|publicité) (?:by|von|par|de|di)(?: ‹name›)?"
        r"|(?:ad(?:vertising)?|werbe|publicité) ?(?:guidelines|policy|choices|feedback|richtlinien)|adchoices"
        r"|werbung schalten|(?:werben|annoncer|anunciarse|pubblicità) (?:auf|sur|en|su) .{1,30}",
        6,
        (),
    ),
    # --- bylines and dates ------------------------------------------------------------
    (
        "date",
        "date-line",
        r"[-–—|·•\s]*(?:(?:le|am|on|el|il|du|vom|the)\s+)?(?:[\[(]\s*‹stamp›\s*[\])](?:\s*.{0,120})?"
        r"|‹stamp›(?:\s*(?:[|/–—-]|//)\s*.{0,120}|\s+‹word›)?)",
        16,
        _DIGIT,
    ),
    (
        "byline",
        "published",
        r"‹published›(?:\s+‹on›)?\s*:?\s*‹stamp›(?:\s*[|·•/,–—-]*\s*(?:‹published›(?:\s+‹on›)?\s*:?\s*)?‹stamp›)*"
        r"(?:[,\s]*‹by›\s+(?:‹name›|‹word›))?(?:\s*[|·•/–—-]\s*.{0,60})?",
        25,
        _DIGIT,
    ),
    (
        "byline",
        "published-by",
        r"‹published›\s*:?\s*(?:‹by›\s*)(?:‹name›|‹word›)(?:[,\s]*(?:‹on›\s+)?‹stamp›)?"
        r"(?:\s*[|·•/–—-]\s*.{0,60})?",
        25,
        (),
    ),
    (
        "byline",
        "by-name",
        r"(?:‹by›\s+)?(?:‹name›|‹word›)\s*[,|·•/–—-]?\s*(?:‹published›\s+)?(?:‹on›\s+)?‹stamp›(?:\s*uhr)?(?:\s*[|·•/–—-]\s*.{0,40})?",
        16,
        _DIGIT,
    ),
    (
        "byline",
        "by-name",
        r"‹by›\s+‹name›(?:\s*[|·•–—-]\s*.{0,40})?",
        12,
        (),
    ),
    (
        "byline",
        "stamp-by",
        r"‹stamp›\s*[,|·•/–—-]?\s*‹by›\s+‹name›",
        14,
        _DIGIT,
    ),
    (
        "byline",
        "byline-role",
        r"(?:‹name›,? )?(?:staff (?:writer|reporter)|correspondent|correspondant\w*|rédaction|redaktion|journaliste"
        r"|reporter|editor|éditeur|redakteur\w*|autor(?:in)?|author|auteur)(?: ‹name›)?",
        8,
        (),
    ),
    (
        "date",
        "dated-line",
        r"(?![—–])‹word›\s*(?://|\||·|•)\s*‹stamp›|(?![—–]).{3,160}(?:\s[–—-]|…|\.\.\.)\s*‹stamp›\.?"
        r"|(?:nr\.|no\.|n°|heft|ausgabe|issue|numéro|número|numero|edition|édition|edición|edizione)\s*\d*\s*"
        r"(?:vom|du|of|del|de)?\s*‹stamp›",
        20,
        _DIGIT,
    ),
    (
        "date",
        "time-line",
        r"(?:il y a|vor|hace|fa)\s+‹num›\s*\w+|‹num›\s*(?:min(?:ute)?s?|hours?|heures?|stunden?|std\.?) ago"
        r"|‹num›\s*min(?:ute)?s?(?: de lecture| read| lesezeit| di lettura| de lectura)?"
        r"|(?:lesezeit|temps de lecture|reading time|tiempo de lectura|tempo di lettura):?\s*‹num›.{0,12}",
        8,
        _DIGIT,
    ),
)


def builtin_rules() -> list[Rule]:
    """Returns the built-in rules, compiled."""
    return [Rule(kind, name, compile_template(t), max_words, needles) for kind, name, t, max_words, needles in BUILTIN]


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
