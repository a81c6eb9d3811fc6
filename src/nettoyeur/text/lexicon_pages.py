"""Function words of more languages, for the boilerplate signals only.

:data:`nettoyeur.text.lexicon.STOPWORDS` holds the five languages of the rule table and is
shared with near-duplicate verification; the boilerplate signals need to tell prose from
labels in more languages than that: on a page in Portuguese, Czech or Croatian, with no
function word known, every sentence looks like a menu label and no paragraph under 30
words is prose. These lists (articles, pronouns, prepositions, conjunctions, auxiliaries)
are written from knowledge of the languages, not from any corpus. Words that are common
content words in English, French or German are left out ("door", "bad", "dom").
"""

from __future__ import annotations

from nettoyeur.text.lexicon import STOPWORDS

MORE_FUNCTION_WORDS = frozenset(
    """
    o os as um uma uns umas e é em no na nos nas do da dos das ao aos à às pelo pela pelos pelas com para por
    que se não mais mas ou como foi são ser está estão tem têm seu sua seus suas ele ela eles elas isso isto
    este esta esse essa aquele aquela também já muito quando onde entre sobre até sem depois antes porque
    a v ve na se je že to s z ze do o i k ke jako ale by pro jsou byl byla bylo byli jsem jsme není nebo
    tak jak po od za jeho její jejich který která které kteří co už jen ještě také při podle když než
    sa sú bol bola bolo som sme nie ako pre ktorý ktorá ktoré čo len aj alebo pri podľa keď však
    w się nie jest są był była było były który która które dla tylko już oraz lub przy gdy także przez czy
    u su iz kao ali što će sam smo ste bio bila bilo ili te samo još već kako kada nije pa jer li ga mu ih
    im koji koja koje kojeg kojem sve biti može između nakon prije
    in ki kot bo še tudi ko pri so bi
    het een van op te dat die niet met voor zijn er aan ook als bij maar om naar dan wordt nog uit tot werd
    heeft hebben kan deze dit wat wel geen worden
    och att det som på är av för med till har inte ett men jag hon vi kan eller från vid också
    og af til ikke jeg hun fra ved også være været
    și în la cu pe din care că un al ale este sunt fost pentru prin dar sau iar după despre lui lor
    ve bir bu için ile olarak daha çok gibi ama veya kadar sonra olan değil
    do does did has have had can could will would should might must any all some each every him them me us
    my your its our into over about up out also just only very because while been being than
    je tu lui eux mon ma mes ton ta tes notre nos votre vos ont avait était être avoir tout tous très aussi même
    kein keine keinen einen hatte wurde wurden kann können soll sollte muss ihm ihn uns euch dieser diese
    dieses alle aber wenn weil über unter vor durch gegen ohne um bis
    """.split()
)

# Function words of every language the boilerplate signals read.
LINE_FUNCTION_WORDS = STOPWORDS | MORE_FUNCTION_WORDS

# CJK characters that work as function words (particles, pronouns, the copula, common
# adverbs and measure words): Chinese prose has many, a menu or a headline few. Japanese
# prose is half hiragana, which ``lineshape`` counts on its own.
CJK_FUNCTION_CHARS = frozenset("的了是在和也就都不这那我你他她它们有个与及之其而或被把对从为以将并还但所")
