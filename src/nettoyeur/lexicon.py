"""Function words of English, French, German, Spanish and Italian.

Used to tell prose from labels (boilerplate) and names from ordinary words (verify).
"""

from __future__ import annotations

# Function words of the five languages: prose has many, menus and labels have few.
STOPWORDS = frozenset(
    """
    the a an and or of to in on for with at by from as is are was were be been it its this that these those
    he she they we you i his her their our not no but if so than then there which who what when where how
    le la les un une des du de et ou à au aux en dans par pour sur avec ce cette ces qui que qu dont est sont
    été il elle ils elles nous vous on ne pas plus se sa son ses leur leurs d l s n c y a mais comme
    der die das den dem des ein eine einer eines einem und oder zu im in am an auf für mit von bei aus ist
    sind war wird werden hat haben nicht auch sich es er sie wir ihr ich dass als wie nach noch nur so
    el los las una unos unas y o del al en con por para es son fue ha que se su sus lo como pero más no
    il lo gli i uno una e o di da dei delle della nel nella con per su è sono che si non come ma anche
    """.split()
)

# Frequent words of four letters or more that say nothing of a text's subject (auxiliaries,
# pronouns, adverbs, "said", "year"). They are not function words for the prose test, but
# the on-topic test ignores them: a menu label and an article both say "your" and "more".
COMMON_WORDS = frozenset(
    """
    your yours will would could should shall have having more most make makes made also just like only other
    others over some such them then they this that very what when which with into about after before been
    being both each from here there their these those through under until upon were where while whose within
    without does doing done many much must need every even ever still well back down again against because
    between same since take taken took said says year years time times first last next know want good great
    best new news read today day days week weeks month months people thing things anything something way ways
    dans pour avec cette sont plus mais comme tout tous toute toutes leur leurs nous vous elle elles entre
    aussi avoir être fait faire peut sans sous après avant depuis encore très bien même autre autres donc
    ainsi alors chez selon déjà notre votre dont quand lors était sera ont cela celui celle ceux fois jour
    jours année années aujourd
    auch nicht eine einer eines einem einen sich sind wird werden wurde wurden haben hatte nach noch über
    unter mehr alle allen aller alles dass oder aber wenn dann kann können muss müssen diese dieser dieses
    diesem diesen sein seine seiner seinen ihre ihren ihrem ihrer schon sehr immer bereits zwischen sowie
    durch gegen ohne heute jetzt hier dort damit beim eines etwa jahr jahre jahren neue neuen neues
    para como pero más este esta estos estas sobre entre también desde hasta cuando todo todos toda todas
    está están hace puede tiene tienen fue han sido nuevo nueva año años
    della delle degli dello nella nelle sono anche questo questa questi queste come dopo prima sulla sulle
    tutto tutti essere stato hanno molto nuovo nuova anno anni
    """.split()
)
