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


# --- Words that carry a fact (verify) ------------------------------------------------------
#
# A near copy may add, drop or replace words that do not change what it states; it may never
# change a fact. These lists name the closed classes of fact words in many languages, written
# from general knowledge of each language (grammar books, not any evaluation data): negations,
# antonym poles, dates and number words. Names and digits are found by their shape instead
# (see :func:`nettoyeur.dedup.shingle.fact_flags`). Words are listed case-folded; ``stem{a,b}``
# expands to ``stema stemb`` (``{,s}`` keeps the bare stem), for inflections.


def _expand(spec: str) -> list[str]:
    """Returns the words of a whitespace-separated spec, expanding ``stem{a,b,c}`` suffix groups."""
    out = []
    for item in spec.split():
        if "{" in item:
            stem, rest = item.split("{", 1)
            out.extend(stem + suffix for suffix in rest.rstrip("}").split(","))
        else:
            out.append(item)
    return out


# Negation and absence: "not", "never", "no one", "without", in each language. A word here
# that is also an ordinary word of another language ("ne" in Italian) costs a little recall
# there; a word left out would let "ein" / "kein" pass as a typo, so ambiguity errs on this side.
# "t" is the tail of "n't" ("can't" is the words "can" and "t").
NEGATIONS = frozenset(
    _expand(
        """
    not no never nor neither none nobody nothing nowhere cannot t without nope hardly barely scarcely kaum
    doesnt didnt isnt wasnt arent werent couldnt wouldnt shouldnt havent hasnt hadnt mustnt neednt
    nicht nichts kein{,e,en,em,er,es} nie niemals nimmer niemand{,en,em} nirgends nirgendwo weder ohne
    keineswegs keinesfalls
    ne n pas jamais aucun{,e,s,es} rien nul{,le,s,les} ni non guère sans nullement
    nunca jamás jamas nada nadie ningún ninguno ninguna ningunos ningunas tampoco sin
    mai nessuno nessuna nessun niente nulla né neanche nemmeno neppure senza mica
    não nao jamais ninguém ninguem nenhum nenhuma nenhuns nenhumas nem sem
    niet geen nooit niets niks niemand nergens zonder
    inte icke ej aldrig ingen inget inga ingenting utan ikke ikkje aldri intet uden
    ei eivät emme ette eikä ilman
    nigdy żaden żadna żadne żadnych nic nikt nikogo bez nikdy žádný žádná žádné nikdo
    не нет никогда ни ничего никто без ні ніколи
    değil yok hiç asla hiçbir
    nu niciodată nimic nimeni niciun nicio fără
    nem sem soha semmi senki nincs nincsenek
    δεν μη μην ποτέ όχι ούτε χωρίσ
    tidak tak bukan belum tanpa jangan tiada
    不 没 沒 无 無 非 未 别 別 莫 勿
    nije nikad nikada nema ništa nitko ništa nikoli nič mitte pole nėra nav
    안 못 않 없 không chưa chẳng لا لم لن ليس بدون לא אין नहीं मत
    غير ليست ليسوا بلا دون بلتي בלתי אינו אינה אינם אינן ללא בלי שלא ולא כבלתי הבלתי ובלתי שאין ואין नही ना बिना
    """
    )
)

# The negation particles and words of more languages, written from their grammars: Bulgarian,
# Serbian and Croatian (the negated future and "to be": "неће", "neće", "nisu"), Icelandic, Irish,
# Welsh, Georgian, Armenian (the negated auxiliary: "չի", "չեն"), Azerbaijani ("deyil", "qeyri-" of
# "qeyri-mümkün"), Tagalog, Urdu, Bengali, Basque, Swahili and Persian; Albanian, Macedonian, Kazakh,
# Uzbek, Mongolian, Marathi, Gujarati, Punjabi, Kannada, Malayalam, Telugu, Nepali and Sinhala; Maltese
# ("mhux", "qatt": never) and Somali ("aysan", "uusan": that it / he does not); Haitian Creole "pap"
# (will not: "pa ap"), Malagasy "tsy" and Persian "نه" (no, nor). Left out: words that are
# common words of another language (Welsh and Urdu "na", Polish and Portuguese "on the"; Irish
# "nach", German "after"; Swahili "si", Italian "if"; Malay "bila", "when").
NEGATIONS = NEGATIONS | frozenset(
    """
    няма никога нищо никой нито неће нису нема никад ништа нико ниједан neće neću nećemo nisu niko nijedan
    ekki aldrei ekkert enginn engin án ní níl níor nár gan nid ddim heb byth
    არ ვერ არა არც არავინ არაფერი არასდროს ნუ გარეშე ոչ չի չեն չէ չէր չեմ չես չենք չեք չէին առանց երբեք
    deyil yox heç qeyri olmadan hindi wala walang huwag نہیں مت بغیر না নয় নেই কখনো ez inoiz ezer ezta gabe
    hapana hakuna نمی نیست هرگز بدون
    nuk kurrë нема никогаш емес жоқ emas yoʻq биш үгүй नाही नको નથી નહીં ਨਹੀਂ ਨਾ ಇಲ್ಲ ഇല്ല లేదు కాదు छैन होइन
    නැත නැහැ
    mhux qatt xejn mingħajr aysan uusan aanan
    pap tsy نه
    """.split()
)

# Korean negation is a verb of its own, inflected: "않았다", "않는다", "없는", "못했다", "아니다"
# ("승인했다고" / "승인하지 않았다고"). A word that begins with one of these stems is a negation.
NEGATION_STEMS = ("않", "없", "못", "아니", "아닌", "아닐", "아닙")

# Fixed expressions whose first word is a negation word that negates nothing ("sin embargo",
# "no obstante": however; "none the less"): connectives, added or dropped like any other. Not
# "not only": dropping "nicht" from "nicht nur ..., sondern auch" leaves "only".
NOT_NEGATIONS = frozenset([("sin", "embargo"), ("no", "obstante"), ("none", "the")])
# The same for an ordinal that is also a preposition: Portuguese "segundo" and Italian "secondo"
# mean "according to" before an article or a pronoun ("segundo a polícia", "secondo il ministro",
# "secondo lui"), and "the second" after one ("o segundo lugar", "il secondo trimestre").
NOT_FACTS = NOT_NEGATIONS | frozenset(
    [("segundo", w) for w in "o a os as um uma ele ela eles elas fontes dados".split()]
    + [("secondo", w) for w in "il lo la i gli le l un una uno me lui lei noi voi loro quanto fonti dati".split()]
)

# Two-word percent units whose second word is also a number word ("cent", "ciento"): there it is
# no number ("5 per cent" / "5 %" is a republisher's edit, not 100 dropped).
PERCENT_PHRASES = frozenset(
    [("per", "cent"), ("pour", "cent"), ("por", "ciento"), ("per", "cento"), ("por", "cento")]
)

# "nu" is the Romanian "not" and the Dutch, Swedish and Danish "now" ("is nu gesloten", "har nu
# beslutat"): no negation in a paragraph that holds NU_MIN_MARKERS or more of these function words
# of those languages, which no Romanian text has.
NU_MARKERS = frozenset("het een niet zijn heeft wordt worden ook och att är inte ej har ikke og ikkje".split())
NU_MIN_MARKERS = 2

# Negations that are common words of other languages count as negations only in a paragraph that holds
# at least LANGUAGE_NEGATION_MIN_MARKERS function words of their own language (words of no other common
# language): the Welsh "na" ("y bydd" / "na fydd": that it will / will not be; Portuguese "in the", Swahili
# "and", Polish "on"), the Irish "nach" ("go n-osclófar" / "nach n-osclófar"; German "after") and the Hausa
# "ba" ("za ta gina" / "ba za ta gina": will / will not build; a Tagalog particle). There they are read as
# a negation written in several characters is (``shingle.NEGATING``), elsewhere as before.
_WELSH_MARKERS = frozenset("mae wedi yn yr bod fod ddim gyda hefyd roedd oedd bydd fydd byddai dywedodd meddai".split())
_IRISH_MARKERS = frozenset("agus tá bhí bhfuil raibh beidh dúirt deir leis faoi chun freisin siad acu réir".split())
_HAUSA_MARKERS = frozenset("cikin kuma amma wanda wadda suka cewa cewar domin saboda yana tana suna ake".split())
# Luxembourgish "net", Javanese "ora" and Haitian Creole "pa" (not) are Dutch and English "net" (just,
# net), Italian "ora" (now) and a common syllable elsewhere: negations only beside their language's words.
_LUXEMBOURGISH_MARKERS = frozenset("ass huet gëtt ginn sinn hunn déi awer wéi ëm gouf kënnen".split())
_JAVANESE_MARKERS = frozenset("lan sing iki kuwi wis bakal saka karo uga marang kanggo miturut".split())
_HAITIAN_MARKERS = frozenset("pral kounye moun pou ak gen yo nou".split())
LANGUAGE_NEGATIONS = {
    "na": _WELSH_MARKERS, "nach": _IRISH_MARKERS, "ba": _HAUSA_MARKERS, "net": _LUXEMBOURGISH_MARKERS,
    "ora": _JAVANESE_MARKERS, "pa": _HAITIAN_MARKERS,
}  # fmt: skip
LANGUAGE_NEGATION_MIN_MARKERS = 2

# Antonym poles: a word replaced by a word of the other pole ("rose" / "fell", "plus" /
# "moins") flips the statement; replaced by a word of the same pole ("rose" / "climbed") it
# is a synonym. Each entry is ``pole: words``; poles come in pairs (name+ / name-).
_POLES = """
up+: increas{e,es,ed,ing} rise rises rose risen rising raise{,s,d} raising climb{,s,ed,ing} grow{,s,ing,n} grew growth
    surg{e,es,ed,ing} soar{,s,ed,ing} jump{,s,ed,ing} boost{,s,ed,ing} upward{,s} up higher highest high
    steig{en,t,end} stieg{,en} gestiegen anstieg{,s} erhöh{en,t,te,ten,ung} wachs{en,end} wächst wuchs
    gewachsen wachstum
    zunehm{en,end} zunahme zugenommen höher höchst{e,en,er,es} hoch hohe{,n,r,s}
    augment{er,e,es,ent,é,ée,és,ées,ation,ations} hausse{,s} monte{r,nt} monté{,e,s,es} croissance croît croître
    progress{er,e,ent,é,ion} élevé{,e,s,es} supérieur{,e,s,es}
    aument{ar,a,an,ó,ado,ada,o,os} sub{ir,e,en,ió,ido,ida} crec{er,e,en,ió,ido,imiento} alza alto{,s}
    alta{,s} mayor{,es}
    aumentat{o,a,i,e} cresc{ere,e,ono,iuto,iuta,ita} salit{o,a} rialzo superior{e,i}
    aument{ou,aram} sob{e,em} subiu cresceu crescimento maior{,es} elevad{o,a}
    stijg{en,t,ing} steeg gestegen toename toegenomen groei{,en,t} gegroeid hoger hoog hoge
    ök{a,ar,ade,ning} øk{e,er,te,ning}
up-: decreas{e,es,ed,ing} fall falls fell fallen falling drop{,s,ped,ping} declin{e,es,ed,ing} shrink{,s,ing}
    shrank shrunk
    plung{e,es,ed,ing} slump{,s,ed,ing} sink{,s,ing} sank sunk lower{,s,ed,ing} lowest low
    reduc{e,es,ed,ing,tion} downward{,s} down
    sink{en,t,end} sank gesunken senk{en,t,te,ung} fällt fiel rückgang abnehm{en,end} abnahme abgenommen
    niedrig{,e,en,er,es,ste,sten} tiefer
    diminu{er,e,ent,é,ée,és,ées,tion} baisse{,s,r,nt} baissé{,e,s,es} recul{,er,e,ent,é} chute{,s,r} chuté
    inférieur{,e,s,es} faible{,s} descend{re,u,ent}
    disminu{ir,ye,yen,yó,ido,ida,ción} baj{ar,a,an,ó,ado,ada} ca{e,en} cayó caída descenso menor{,es}
    diminu{ire,isce,iscono,ito,ita,zione} calo calat{o,a} cala scend{ere,e,ono} sces{o,a} discesa ribasso
    inferior{e,i} basso
    diminu{i,iu,ição} desce{,r,u,m} queda caiu cai menores baix{o,a}
    dal{en,t,ing} daalde gedaald afname afgenomen afnemen lager laag lage
    minsk{a,ar,ade,ning} mindsk{e,er,ede}
more+: more most greater mehr meist{e,en} plus davantage más più meer mer mera flere
more-: less least fewer fewest weniger wenigst{e,en} moins menos meno minder mindre færre
good+: good better best gut{,e,en,er} besser{,e,en} best{e,en,er} bon{,ne,s,nes} meilleur{,e,s,es} mieux
    buen{o,a,os,as} mejor{,es} buon{o,a,i,e} miglior{e,i} meglio bom boa melhor{,es} goed beter beste
good-: bad worse worst schlecht{,e,en,er} schlechter schlechtest{e,en} schlimm{,er,ste,sten} mauvais{,e,es} pire{,s} pis
    mal{o,a,os,as} peor{,es} cattiv{o,a} peggior{e,i} peggio mau má pior{,es} slecht{,e,er,ste} slechtst{e}
~before+: before bevor avant antes prima voordat vor vorher zuvor früher earlier previously prior avant
    auparavant anteriormente precedentemente eerder
~before-: after nachdem après después dopo depois nadat nach nachher danach später later afterwards
    subsequently ensuite luego posteriormente successivamente daarna
~daily+: daily täglich{,e,en} quotidien{,ne,s,nes} diari{o,a,os,as} quotidian{o,a,i,e} diário dagelijks
~weekly+: weekly wöchentlich{,e,en} hebdomadaire{,s} semanal{,es} settimanal{e,i} wekelijks
~monthly+: monthly monatlich{,e,en} mensuel{,le,s,les} mensual{,es} mensil{e,i} mensal maandelijks
~yearly+: yearly annual annually jährlich{,e,en} annuel{,le,s,les} anual{,es} annual{e,i} jaarlijks
win+: win{,s,ning,ner,ners} won victory victor{y,ies} gewinn{en,t,er} gewann gewonnen sieg{,e,en,t,te}
    gagn{er,e,é,ent,ant}
    victoire{,s} gan{ar,a,ó,ado,ador} victoria vinc{ere,e,ono,itore} vint{o,a} vittoria ganh{ar,a,ou,ador} vitória
    winn{en,t,aar} gewonnen overwinning
win-: los{e,es,ing} lost loser{,s} defeat{,s,ed} verlier{en,t,er} verlor{,en} niederlage
    perd{re,u,ue,ent,ant} défaite{,s}
    perd{er,ió,ido,edor} pierde derrota perd{ere,e,ono} pers{o,a} sconfitta perd{eu,edor} verlies{,t} verloor verloren
~gain+: gain{,s} profit{,s} surplus gewinne überschuss bénéfice{,s} excédent ganancia{,s} beneficio{,s} superávit
    guadagn{o,i} lucro winst
~gain-: loss losses deficit{,s} verlust{,e,en} defizit perte{,s} déficit pérdida{,s} perdit{a,e} prejuízo{,s} verlies
~accept+: accept{,s,ed,ing,ance} approv{e,es,ed,ing,al} allow{,s,ed,ing} permit{,s,ted} agree{,s,d} support{,s,ed,ing}
    akzeptier{en,t,te} angenommen annehm{en,en} genehmig{en,t,te,ung} erlaubt zugestimmt zustimm{en,ung}
    accept{er,e,é,ée,ent} approuv{er,e,é,ée} autoris{er,e,é,ée} permis
    acept{ar,a,ó,ado,ada} aprob{ar,ó,ado,ada} permit{ir,e,ió,ido} accett{are,a,ato,ata} approv{are,ato,ata}
    consent{ire,ito}
    aceit{ar,a,ou,o} aprov{ar,ou,ado,ada} aanvaard{,en} geaccepteerd goedgekeurd toegestaan
~accept-: reject{,s,ed,ing,ion} refus{e,es,ed,ing,al} den{y,ies,ied} ban{,s,ned} forbid{,s,den}
    oppos{e,es,ed,ing} veto{,ed}
    ablehn{en,ung} abgelehnt lehnt verweiger{n,t,te} verbot{,en} untersagt
    rejet{er,é,ée} rejette{,nt} refus{er,e,é,ée,ent} interdi{re,t,te,ts} refusé
    rechaz{ar,a,ó,ado,ada,o} prohib{ir,e,ió,ido} rifiut{are,a,ato,ata,o} respin{gere,to,ta} viet{are,ato,ata}
    rejeit{ar,a,ou,ado,ada} recus{ar,a,ou,ado} proib{ir,iu,ido} afgewezen afwijzen geweigerd weigeren verboden
~true+: true correct richtig wahr vrai{,e} verdader{o,a} vero vera verdadeir{o,a}
~true-: false incorrect wrong falsch faux fausse fals{o,a} errad{o,a} onwaar
~max+: maximum max{,imal} höchstens máximo massimo hoogstens
~max-: minimum min{,imal} mindestens mínimo minimo minstens
~above+: above oberhalb encima sopra acima
~above-: below beneath unterhalb debajo sotto abaixo
~always+: always immer stets toujours siempre sempre altijd
~always-: rarely seldom selten rarement raramente rara zelden
~size+: big bigger biggest large larger largest huge groß{,e,en,er,es} größer{,e,en} grand{,e,s,es} grandi
    enorme{,s} groot grote
~size-: small smaller smallest little tiny klein{,e,en,er,es} kleiner{,e,en} petit{,e,s,es} pequeñ{o,a,os,as}
    piccol{o,a,i,e} pequen{o,a,os,as}
~strong+: strong stronger strongest stark{,e,en,er} stärker fort{,e,s,es} fuerte{,s} forti
~strong-: weak weaker weakest schwach{,e,en,er} schwächer débil{,es} debole deboli fraco fraca zwak zwakke
~early+: early früh{,e,en,er} tôt précoce{,s} temprano precoce
~early-: late spät{,e,en,er} tard tardif tardive tardío tardía tardivo tardiva
~open+: open{,s,ed,ing} geöffnet öffn{en,et,ete} ouvert{,e,s,es} ouvr{ir,e,ent} abiert{o,a,os,as} apert{o,a,i,e}
    abert{o,a,os,as} geopend
~open-: closed clos{e,es,ing,ure} shut geschlossen schließ{en,t} fermé{,e,s,es} fermer fermeture
    cerrad{o,a,os,as} cierr{a,an} cerró chius{o,a,i,e} chiud{e,ono,ere} fechad{o,a,os,as} gesloten
~start+: start{,s,ed,ing} begin{,s,ning} began begun beginn{en,t} begann begonnen commenc{er,e,é,ée,ent} début{er,e,é}
    empez{ar,ó,ado} comenz{ar,ó,ado} inici{ar,ó,ado} inizi{are,a,ato,ata} cominci{are,a,ato} começ{ar,ou,ado}
~start-: stop{,s,ped,ping} end{,s,ed,ing} finish{,es,ed} beend{en,et,ete} termin{er,é,ée,e,ar,ó,ado,are,ato,ou}
    fin{ir,i,ie} arrêt{er,é,ée} acab{ar,ó,ado,ou} finit{o,a} stopp{en,t,te}
~success+: success successful succeed{,s,ed} erfolg erfolgreich{,e,en} gelungen succès réussi{,e,r,te} réussite
    éxito exitos{o,a} successo riuscit{o,a} sucesso
~success-: failure{,s} fail{,s,ed} unsuccessful misserfolg gescheitert scheiter{n,t,te} échec échoué{,e} échouer
    fracaso fracasó fallimento fallit{o,a} fracasso fracassou
~positive+: positive positiv{,e,en} positif positivo positiva positivi positief
~positive-: negative negativ{,e,en} négatif négative negativo negativa negativi negatief
~north+: north northern nord nördlich{,e,en} norte septentrional noord noordelijk
~north-: south southern süd südlich{,e,en} sud meridional zuid zuidelijk
~east+: east eastern ost östlich{,e,en} oriental{,e} oost oostelijk
~east-: west western westlich{,e,en} ouest occidental{,e} oeste ovest westelijk
~cheap+: cheap cheaper cheapest inexpensive billig{,e,en,er} günstig{,e,en,er} barat{o,a,os,as} economic{o,a}
~cheap-: expensive costly teuer teure{,n,r} cher chère chers chères car{o,a,os,as} costos{o,a}
~safe+: safe safer sicher{,e,en} sûr{,e,s,es} segur{o,a,os,as} sicur{o,a,i,e}
~safe-: dangerous unsafe gefährlich{,e,en} dangereu{x,se,ses} peligros{o,a,os,as} pericolos{o,a,i,e}
    perigos{o,a,os,as}
~easy+: easy easier easiest einfach{,e,en} leicht{,e,en} facile{,s} fácil{,es}
~easy-: difficult hard harder schwer{,e,en} schwierig{,e,en} difficile{,s} difícil{,es}
~buy+: buy{,s,ing} bought kauf{en,t,te} gekauft achet{er,é,ée} achète{,nt} compr{ar,a,ó,ado,are,ato,ou}
~buy-: sell{,s,ing} sold verkauf{en,t,te} vend{re,u,ue,ent,er,ió,ido,ere,uto,eu}
~import+: import{,s,ed} importier{en,t,te} import{er,é,és} import{ar,ó,ado,are,ato,ou}
~import-: export{,s,ed} exportier{en,t,te} export{er,é,és} export{ar,ó,ado,are,ato,ou}
~include+: includ{e,es,ed,ing} inclu{re,s,se,ir,ye,yó,ido,so,iu}
~include-: exclud{e,es,ed,ing} exclu{re,s,se,ir,ye,yó,ido,so,iu} ausgeschlossen
~new+: new newer newest neu{,e,en,er,es} nouv{eau,elle,eaux,elles} nuev{o,a,os,as} nuov{o,a,i,e} nov{o,a,os,as}
~new-: old older oldest alt{,e,en,er,es} ancien{,ne,s,nes} vieux vieille{,s} viej{o,a,os,as} vecchi{o,a,e}
    velh{o,a,os,as}
~same+: same gleich{,e,en} même{,s} mism{o,a,os,as} stess{o,a,i,e} mesm{o,a,os,as}
~same-: different verschieden{,e,en} anders différent{,e,s,es} diferente{,s} distint{o,a,os,as} divers{o,a,i,e}
~guilty+: guilty schuldig coupable{,s} culpable{,s} colpevol{e,i} culpad{o,a}
~guilty-: innocent unschuldig innocente{,s} inocente{,s}
~alive+: alive living lebendig vivant{,e,s} viv{o,a,os,as}
~alive-: dead tot{,e,en} mort{,e,s,es} muert{o,a,os,as} mort{o,a,i}
~majority+: majority mehrheit majorité mayoría maggioranza maioria meerderheid
~majority-: minority minderheit minorité minoría minoranza minoria minderheid
~love+: lov{e,es,ed} lieb{en,t,te} aim{er,e,é} am{ar,a,ó,are}
~love-: hat{e,es,ed} hass{en,t,te} détest{er,e,é} odi{ar,a,ó,are}
~remember+: remember{,s,ed} erinnert souvien{s,t} recuerd{a,o} ricord{a,o}
~remember-: forget{,s} forgot{,ten} vergessen vergisst oubli{e,é,er} olvid{a,ó,ar} dimentic{a,ato,are}
"""



def _classes(spec: str) -> dict[str, str]:
    """Returns word -> class of a spec of ``class: words`` lines (continuation lines indented)."""
    out: dict[str, str] = {}
    for line in spec.replace("\n    ", " ").strip().splitlines():
        name, _, words = line.partition(":")
        for word in _expand(words):
            out.setdefault(word, name.strip())  # a word in two classes (rare) keeps the first
    return out


# Word -> pole (see _POLES). Poles marked "~" are weak: their words are no facts by themselves
# (dropping "vor", "approval" or "täglich" leaves the statement standing, and they are common
# words), but replacing one by a word of the opposite pole, or of another frequency, is a flip.
# More antonym scales and the poles of more languages (Polish, Russian, Swedish, Chinese), and weak
# classes that are no poles but state one thing each, so that one replaced by another of its kind
# is another statement while either alone may be added or dropped: days relative to now ("next"
# / "last" / "current" week), units of time ("three weeks" / "three months"), currencies
# ("5,000 euros" / "5,000 dollars") and nationality adjectives, which French, Spanish, Italian,
# Portuguese and German write in lower case ("la selección mexicana" / "chilena"). Written from
# grammar books, as the lists above; a word already in a class above keeps that class.
_POLES_MORE = """
up+: expand{,s,ed,ing} hike{,s,d} ausweit{en,et,ete} anheb{en,t} angehoben hauss{er,é,ée} relev{er,é,ée}
    increment{ar,ó,o,a,ado} aument{o,i} amplí{a,an} ampli{ar,ó,ado} ampli{are,ato,ata}
    рост вырос{,ла,ло,ли} увелич{ился,илась,илось,ились,ение,ить,ат} повыс{ился,илась,илось,ились,ить,ит}
    wzrost wzrósł wzrosł{a,o,y} wzrośnie zwiększ{yć,ył,yła,yło,yły,enie,a} 增 涨 升
    höj{a,as,er,de,t,ning} hæv{e,er,et} erweiter{n,t,te,ung} vergrößer{n,t,te} agrand{ir,i,it}
up-: cut{,s,ting} slash{,ed,es} kürz{en,t,te,ung} gekürzt réduire réduit{,e,s,es} réduction réduis{ent,ait}
    reduc{ir,e,en,ió,ido,ida,ción} recort{ar,e,es,ó,ado,ada} ridu{rre,ce,cono,zione} ridott{o,a,i,e}
    tagli{o,are,ato,ata,ano} reduz{ir,iu,ido,ida} cort{ar,ou} снижение сниз{ился,илась,илось,ились,ить,ит}
    упал{,а,о,и} падение уменьш{ился,илась,илось,ились,ение,ить} spad{ek,ł,ła,ło,ły,nie}
    zmniejsz{yć,ył,yła,yło,yły,enie,a} 减 跌 降
    sänk{a,as,er,te,t,ning} verkleiner{n,t,te} schrumpf{en,t,te}
more+: больше więcej 多
more-: меньше mniej 少
good+: bättre bäst lepsz{y,a,e,ego,ej} najlepsz{y,a,e} лучше лучш{ий,ая,ее,ие,его,ей}
good-: sämre sämst gorsz{y,a,e,ego,ej} najgorsz{y,a,e} хуже худш{ий,ая,ее,ие,его,ей}
win+: venc{er,ió,e,en,ido,edor,ieron} vinc{eu,er} 赢 胜
win-: 输 败
~accept+: confirm{,s,ed,ing,ation} bestätig{en,t,te,ten,ung} confirm{er,e,é,ée,és,ent,ait} confirm{ar,ó,ado,ada,an}
    conferm{are,a,ato,ata,ò,ano} confirm{ou} bevestig{en,d,de,t} potwierdz{ić,ił,iła,iło,ili,a,ają}
    подтверд{ил,ила,или,ить,ит} befürwort{en,et,ete,ung} endors{e,es,ed,ing}
~accept-: dementier{en,t,te} dément{ir,i,ie,ent,ait} démenti{,e} desment{ir,ido,ida,ió} smentit{o,a}
    smenti{re,sce,scono}
    desment{iu,ido,ida} ontken{t,nen,de} ontkend zaprzecz{ył,yła,yli,a} опроверг{,ла,ли,нул}
    neg{ó,ar,aron,ado,ou} odrzuc{ić,ił,iła,ili,a} отклон{ил,ила,или,ить}
~success+: manag{e,es,ed} gelang{,en} logr{ar,ó,ado,aron} consigui{ó,eron} riusc{ì,irono,ire} conseguiu
~exceed+: exceed{,s,ed,ing} surpass{,es,ed} outperform{,s,ed} übertr{effen,offen,ifft,af} dépass{er,e,é,ée,ent,ait}
    super{ar,ó,ado,aron} super{are,ato,ata,ò} super{ou} overtr{off,offen,eft}
~exceed-: missed verfehl{t,en,te} manqu{é,ée,er} incumpl{ió,ir,ido} mancat{o,a,i} falh{ou,ado,ar}
~start+: resum{e,es,ed,ing,ption} reprend{re,ra,ront} repris{,e} reanud{ar,ó,ado,ará} ripres{o,a} ripren{dere,de,derà}
    retom{ar,ou,ado,ará} beginning anfang inicio{,s} comienzo principio{,s} inizio início começo
~start-: suspend{,s,ed,ing} suspension halt{,s,ed} ceas{e,es,ed} einstell{en,t,te} eingestellt aussetz{en,t,te}
    ausgesetzt
    suspend{re,u,ue,ent} suspendi{ó,do,da,r} sospes{o,a} sospend{ere,e,erà} suspens{o,a} ende fin fine fim finales
~guilty+: convict{,ed,ion} verurteil{t,en,te,ung} condamn{é,ée,és,er,ation} conden{ado,ada,ó,a} condann{ato,ata,a,are}
    conden{ou,ado,ada}
~guilty-: acquit{,s,ted,tal} freigesprochen freispruch acquitt{é,ée,er,ement} relax{é,ée} absuel{to,ta,ve} absolvi{ó,do}
    assolt{o,a} assolve absolvi{do,da,ção}
~heavy+: heavy heavier heaviest serious seriously severe severely critical critically grave{,s} gravement
    grièvement gravemente ernsthaft schwerwiegend{,e,en} lourd{,e,s,es} pesad{o,a,os,as} pesant{e,i} zwaar ciężk{i,a,ie}
~heavy-: light lightly lighter lightest minor slight slightly légèrement levemente lievemente leggermente lichtjes
    léger légère{,s} légers liger{o,a,os,as} legger{o,a,i,e} licht lekk{i,a,ie}
~hot+: hot hotter hottest warm warmer warmest heiß{,e,en,er} wärmer chaud{,e,s,es} calient{e,es} cald{o,a,i,e}
    quente{,s} heet varm{,a,are} gorąc{y,a,e} жарк{ий,ая,ое,ие,им,ого,ой,ом,ую,ых,ая} 热
~hot-: cold colder coldest kalt{,e,en,er} kälter froid{,e,s,es} frío fría fríos frías fredd{o,a,i,e} fri{o,a}
    koud{,e} kall{,t,a,are} zimn{y,a,e} холодн{ый,ая,ое,ые,ым,ого,ой,ом,ую,ых,ее} 冷
~cheap+: tańsz{y,a,e,ego} дешевле billigare goedkop{e,er}
~cheap-: droższ{y,a,e,ego} дороже dyr{,a,are,t} duurder
~north+: север{,а,е,у} северн{ый,ая,ое,ые,ом} północ{,y} norr norra
~north-: sur sul юг{,а,е,у} южн{ый,ая,ое,ые,ом} południ{e,a,u} söder södra
~east+: восток{,а,е,у} восточн{ый,ая,ое,ые,ом} wschód wschodni{,a,e,ch} öster östra
~east-: запад{,а,е,у} западн{ый,ая,ое,ые,ом} zachód zachodni{,a,e,ch} väster västra
~against+: for für pour por para per pro voor för za за
~against-: against gegen contre contra contro tegen emot przeciw{,ko} против
~next+: next coming upcoming nächst{e,en,er,es,em} kommend{,e,en,er,es,em} folgend{,e,en,er,es,em}
    prochain{,e,s,es} suivant{,e,s,es} próxim{o,a,os,as} siguiente{,s} venider{o,a} prossim{o,a,i,e} seguente{,i}
    successiv{o,a,i,e} seguinte{,s} volgend{,e} komend{,e} nästa kommande następn{y,a,e,ego,ej,ym}
    przyszł{y,a,e,ego,ej,ym}
    следующ{ий,ая,ее,ие,его,ей,ем,ую} будущ{ий,ая,ее,его,ем,ей}
~next-: last past letzt{e,en,er,es,em} vergangen{,e,en,er,es,em} vorig{,e,en,er,es,em} dernier{,s} dernière{,s}
    passé{,e,s,es} pasad{o,a,os,as} últim{o,a,os,as} scors{o,a,i,e} passat{o,a,i,e} ultim{o,a,i,e} passad{o,a,os,as}
    afgelopen förra ubiegł{y,a,e,ego,ej,ym} zeszł{y,a,e,ego,ej,ym} ostatni{,a,e,ego,ej,m}
    прошл{ый,ая,ое,ые,ого,ой,ом,ому,ым,ых,ую}
    последн{ий,яя,ее,ие,его,ей,ем}
~next0: current currently laufend{,e,en,er,es,em} aktuell{,e,en,er,es,em} derzeit{,ig,ige,igen} actuel{,le,s,les}
    actuellement atual{,mente} bieżąc{y,a,e,ego,ym} текущ{ий,ая,ее,ие,его,ем}
~day+: day days tag tage tagen jour jours journée{,s} día días giorno giorni dia dias dag dagen dzień dni день дня
    дней 天 日
~week+: week weeks woche wochen semaine{,s} semana{,s} settimana settimane weken vecka veckor tydzień tygodni{,a,e}
    недел{я,и,ю,ь}
~month+: month months monat{,e,en,s} mois mes meses mese mesi maand{,en} månad{,er} miesiąc{,e,a} miesięcy
    месяц{,а,ев} 月
~quarter+: quarter{,s,ly} quartal{,e,s} trimestre{,s} kwartaal kvartal{,et} kwartał{,u}
~year+: year years jahr{,e,en,es} ans année{,s} año{,s} anno anni ano anos jaar jaren år året rok{,u} roku
    год{,а} лет 年
~decade+: decade{,s} jahrzehnt{,e,en} décennie{,s} década{,s} decennio decenni dekad{e,a}
~century+: century centuries jahrhundert{,s,e} siècle{,s} siglo{,s} secolo secoli século{,s} eeuw wiek{,u} век{,а}
~hour+: hour hours stunde{,n} heure{,s} hora{,s} ora ore uur timme timmar godzin{a,y} час{,а,ов}
~minute+: minute{,s} minuten minuti minutos minut{,er,y}
~usd+: dollar{,s} usd dólar{,es} dollaro dollari dolar{,y,ów} доллар{,а,ов,ы}
~eur+: euro{,s} eur euros евро
~gbp+: pound{,s} sterling gbp pfund livre{,s} libra{,s} sterlin{a,e} фунт{,а,ов}
~jpy+: yen jpy
~cny+: yuan renminbi cny
~chf+: franc{,s} franken chf
~rub+: rouble{,s} ruble{,s} rubel rubli рубл{ь,я,ей}
~inr+: rupee{,s} rupia{,s}
~mxn+: peso{,s}
~sek+: krona kronor krone kroner kronen
~pln+: złoty złotych zł zloty
~long+: long longer longest lengthen{,s,ed,ing} extend{,s,ed,ing} extension prolong{,s,ed,ing}
    lang{,e,en,er,es} länger{,e,en} verlänger{n,t,te,ung} long{,ue,s,ues}
    allong{er,é,ée} prolong{er,é,ée,ation} larg{o,a,os,as} alarg{ar,ó,ado}
    prolong{ar,ó,ado} lung{o,a,hi,he} allung{are,ato,ata} prolung{are,ato,ata} longo{,s} prolong{ou} dłuższ{y,a,e}
    длиннее дольше längre förläng{a,s,de,t}
~long-: short shorter shortest shorten{,s,ed,ing} kurz{,e,en,er,es} kürzer{,e,en} verkürz{en,t,te,ung} court{,e,s,es}
    raccourc{ir,i,ie,issent} cort{o,a,os,as} acort{ar,ó,ado} accorci{are,ato,ata} krótsz{y,a,e}
    короче kortare förkort{a,as,ade}
~require+: requir{e,es,ed,ing,ement} oblig{e,es,ed,ation} mandatory compulsory verpflicht{en,et,ete,end,ung} pflicht
    oblig{er,é,ée,és,atoire,ation} exig{er,e,é,ée} oblig{ar,ó,ado,ada,atorio,atoria,atorios,atorias} exig{ir,e,ió,ido}
    obblig{are,ato,ata,atorio,atoria,o} richied{ere,e}
~require-: exempt{,s,ed,ing,ion} optional voluntary befrei{en,t,te,ung} freiwillig{,e,en} exempt{er,é,ée,és,ion}
    facultati{f,ve,fs,ves} exent{ar,o,a,os,as,ó} voluntari{o,a} esent{are,ato,ata,e,i} facoltativ{o,a} volontari{o,a}
    optativ{o,a,os,as} opzional{e,i} opcional{,es}
~open+: reopen{,s,ed,ing} eröffn{en,et,ete,ung} wiedereröffn{en,et,ete,ung} rouvr{ir,e,ent,ira} rouvert{,e,s,es}
    reabr{ir,ió,e,irá,iu} reabiert{o,a} riapr{ire,e,irà,ono} riapert{o,a,i,e} heropen{,d,en}
~before+: раньше ранее wcześniej tidigare
~before-: позже позднее później senare
~young+: young younger youngest jung{,e,en,er,es} jünger{,e,en} jeune{,s} joven jóvenes giovan{e,i} jovem jovens
    jong{,e} młod{y,a,e,szy,sza} молод{ой,ая,ое,ые,ого,ых}
~young-: elderly older oldest älter{,e,en} âgé{,e,s,es} ancian{o,a,os,as} anzian{o,a,i,e} idos{o,a,os,as}
    bejaard{,e} starsz{y,a,e} пожил{ой,ая,ые,ого,ых}
~optimistic+: optimistic optimism optimistisch{,e,en} optimism{us,e} optimiste{,s} optimista{,s}
    ottimist{a,i,e,ico}
~optimistic-: pessimistic pessimism pessimistisch{,e,en} pessimism{us,e} pessimiste{,s} pesimista{,s}
    pessimist{a,i,e,ico}
~fast+: fast faster fastest quick quicker quickest quickly rapid rapidly schnell{,e,en,er} rasch{,e,en} rapide{,s}
    rapidement rápid{o,a,os,as,amente} veloc{e,i,emente} snel{,le,ler} szybk{i,a,ie,o} быстр{о,ый,ая,ое,ее,ые}
~fast-: slow slower slowest slowly langsam{,e,en,er} lent{,e,s,es,ement} lent{o,a,os,as,amente,i} devagar traag
    wolno powoli медленн{о,ый,ая,ое,ее,ые}
~size+: wide widely broad broadly breit{,e,en,er} weit{,e,en,er} larg{e,es,ement} ampli{o,a,os,as} ampi{o,a,e}
    szerok{i,a,ie,o}
~size-: narrow narrowly schmal{,e,en,er} étroit{,e,s,es} estrech{o,a,os,as} strett{o,a,i,e}
    wąsk{i,a,ie,o}
~elect+: elect{,s,ed,ion} re-elected reelected gewählt wiedergewählt wiederwahl élu{,e,s,es} réélu{,e,s,es}
    elegid{o,a,os,as} reelegid{o,a,os,as} elett{o,a,i,e} riconfermat{o,a} rielett{o,a} eleit{o,a} reeleit{o,a}
~elect-: oust{,s,ed,ing} abgewählt abgesetzt abwahl destitu{é,ée,és,er,tion} destituid{o,a,os,as} destitu{ir,ido,ción}
    destituit{o,a} sfiduciat{o,a} afgezet
~fortnight+: fortnight{,s} quinzaine{,s} quincena{,s} quindicina quinzena{,s}
~many+: many numerous viel{,e,en,er,es} zahlreich{,e,en,er} beaucoup nombreu{x,se,ses} much{o,a,os,as}
    numeros{o,a,os,as,i,e} molt{o,a,i,e} muit{o,a,os,as} veel vele många wiel{e,u} много
~many-: few wenig{,e,en,er,es} peu poc{o,a,os,as} poch{i,e} pouc{o,a,os,as} weinig få niewiel{e,u} mało мало немного
~delay+: delay{,s,ed} postpon{e,es,ed,ement} verschieb{en,t} verschoben verzöger{n,t,te,ung} report{é,ée}
    retard{er,é,ée} retras{ar,ó,ado,ada} posterg{ar,ó,ado,ada} aplaz{ar,ó,ado,ada} rinvi{are,ato,ata,ò}
    ritard{are,ato,ata,o} adi{ar,ou,ado,ada} uitgesteld
~delay-: advanc{e,ed} vorgezogen vorzieh{en} avancé{,e,s,es} anticip{é,ée,er} adelant{ar,ó,ado,ada}
    anticip{ar,ó,ado,ada} anticip{are,ato,ata} antecip{ar,ou,ado,ada} vervroegd
~hire+: hire{,s,d} recruit{,s,ed} embauch{er,é,ée,és,e} recrut{er,é,ée,e} contrat{ar,ó,ado,ou,a} assum{ere,ono}
    assunt{o,a,i,e} aanneem aangenomen
~hire-: fire{,s,d} sack{,ed} dismiss{,ed,al} entlass{en,t} entlassung licenci{er,é,ée,és,ement} desped{ir,ido,ida}
    despidi{ó,eron} despido{,s} licenzi{are,ato,ati,ata,amento} demit{ir,iu,ido} despedi{r,u,do} ontslaan ontslagen
~praise+: prais{e,es,ed,ing} lob{en,t,te} gelobt élog{e,es,ier,ié} elogi{ar,ó,ado,are,ato,ò}
    lod{are,ato,ata} prezen
~praise-: criticis{e,es,ed,ing} criticiz{e,es,ed,ing} kritisier{en,t,te} critiqu{er,é,ée,e} critic{ar,ó,ado,are,ato,ò}
    bekritiseerd
~natmx+: mexicain{,e,s,es} mexican{o,a,os,as} messican{o,a,i,e} mexikanisch{,e,en,er,es,em}
~natcl+: chilien{,ne,s,nes} chilen{o,a,os,as,i,e} chilenisch{,e,en,er,es,em}
~natar+: argentin{,e,s,es,o,a,os,as,i} argentinisch{,e,en,er,es,em}
~natbr+: brésilien{,ne,s,nes} brasileñ{o,a,os,as} brasilian{o,a,i,e} brasileir{o,a,os,as} brasilianisch{,e,en,er,es,em}
~natco+: colombien{,ne,s,nes} colombian{o,a,os,as,i,e} kolumbianisch{,e,en,er,es,em}
~natpe+: péruvien{,ne,s,nes} peruan{o,a,os,as,i,e} peruanisch{,e,en,er,es,em}
~natbo+: bolivien{,ne,s,nes} bolivian{o,a,os,as,i,e} bolivianisch{,e,en,er,es,em}
~natec+: équatorien{,ne,s,nes} ecuatorian{o,a,os,as} ecuadorian{o,a,i,e} equatorian{o,a,os,as}
    ecuadorianisch{,e,en,er,es,em}
~natuy+: uruguayen{,ne,s,nes} uruguay{o,a,os,as} uruguaian{o,a,i,e,os,as} uruguayisch{,e,en,er,es,em}
~natpy+: paraguayen{,ne,s,nes} paraguay{o,a,os,as} paraguaian{o,a,i,e,os,as} paraguayisch{,e,en,er,es,em}
~natve+: vénézuélien{,ne,s,nes} venezolan{o,a,os,as} venezuelan{o,a,i,e} venezuelanisch{,e,en,er,es,em}
~natcu+: cubain{,e,s,es} cuban{o,a,os,as,i,e} kubanisch{,e,en,er,es,em}
~natus+: américain{,e,s,es} estadounidense{,s} statunitense{,i} american{o,a,os,as,i,e} amerikanisch{,e,en,er,es,em}
~natca+: canadien{,ne,s,nes} canadiense{,s} canades{e,i} canadense{,s} kanadisch{,e,en,er,es,em}
~natfr+: français{,e,es} frances{,a,as,e,i} francés francês francesa{,s} französisch{,e,en,er,es,em} frans{e}
~natde+: allemand{,e,s,es} alemán alemana{,s} alemanes tedesc{o,a,hi,he} alemã{,es} alemão deutsch{,e,en,er,es,em}
    duits{,e}
~natit+: italien{,ne,s,nes} italian{o,a,os,as,i,e} italienisch{,e,en,er,es,em} italiaans{,e}
~nates+: espagnol{,e,s,es} español{,a,es,as} spagnol{o,a,i,e} espanhol{,a,is,as} spanisch{,e,en,er,es,em} spaans{,e}
~natpt+: portugais{,e,es} portugués portuguesa{,s} portugueses portoghes{e,i} português portugiesisch{,e,en,er,es,em}
~natgb+: britannique{,s} británic{o,a,os,as} britannic{o,a,i,he} britânic{o,a,os,as} britisch{,e,en,er,es,em}
    anglais{,e,es} ingl{és,esa,eses,ese,esi,ês} englisch{,e,en,er,es,em}
~natnl+: néerlandais{,e,es} holandés holandesa{,s} olandes{e,i} holandês neerlandes{a,e} niederländisch{,e,en,er,es,em}
~natbe+: belge{,s} belga{,s} belgi belgisch{,e,en,er,es,em}
~natch+: suisse{,s} suiz{o,a,os,as} svizzer{o,a,i,e} suíç{o,a,os,as}
~natat+: autrichien{,ne,s,nes} austriac{o,a,os,as,i,he} österreichisch{,e,en,er,es,em} oostenrijks{,e}
~natpl+: polonais{,e,es} polac{o,a,os,as} polacc{o,a,hi,he} polon{ês,esa} polnisch{,e,en,er,es,em} pools{,e}
~natru+: russe{,s} rus{o,a,os,as} russ{o,a,i,e} russisch{,e,en,er,es,em}
~natua+: ukrainien{,ne,s,nes} ucranian{o,a,os,as} ucrain{o,a,i,e} ukrainisch{,e,en,er,es,em}
~natgr+: grec grecque{,s} grecs griego{,s} griega{,s} grec{o,a,i,he} grego{,s} griechisch{,e,en,er,es,em}
~nattr+: turc{,s} turque{,s} turc{o,a,os,as,hi,he} türkisch{,e,en,er,es,em}
~natse+: suédois{,e,es} suec{o,a,os,as} svedes{e,i} schwedisch{,e,en,er,es,em}
~natno+: norvégien{,ne,s,nes} noruego{,s} noruega{,s} norveges{e,i} norueguês norwegisch{,e,en,er,es,em}
~natdk+: danois{,e,es} danés danesa{,s} danes{e,i} dinamarquês dänisch{,e,en,er,es,em}
~natcn+: chinois{,e,es} chin{o,a,os,as} cines{e,i} chinês chinesa{,s} chinesisch{,e,en,er,es,em}
~natjp+: japonais{,e,es} japonés japonesa{,s} giappones{e,i} japonês japanisch{,e,en,er,es,em}
~natkr+: coréen{,ne,s,nes} coreano{,s} coreana{,s} corean{i,e} koreanisch{,e,en,er,es,em}
~natin+: indien{,ne,s,nes} indi{o,a,os,as} indian{o,a,i,e} indiano{,s} indisch{,e,en,er,es,em}
~natke+: kényan{,e,s,es} kenian{o,a,os,as} kenyan{o,a,i,e} keniano{,s} kenianisch{,e,en,er,es,em}
~natet+: éthiopien{,ne,s,nes} etíope{,s} etiope{,i} etiópe{,s} äthiopisch{,e,en,er,es,em}
~natng+: nigérian{,e,s,es} nigerian{o,a,os,as,i,e} nigerianisch{,e,en,er,es,em}
~natza+: sud-africain{,e,s,es} sudafrican{o,a,os,as,i,e} sul-african{o,a,os,as} südafrikanisch{,e,en,er,es,em}
~natma+: marocain{,e,s,es} marroquí marroquíes marocchin{o,a,i,e} marroquin{o,a,os,as} marokkanisch{,e,en,er,es,em}
~nateg+: égyptien{,ne,s,nes} egipci{o,a,os,as} egizian{o,a,i,e} egípci{o,a,os,as} ägyptisch{,e,en,er,es,em}
~natdz+: algérien{,ne,s,nes} argelin{o,a,os,as} algerin{o,a,i,e} algerisch{,e,en,er,es,em}
~natil+: israélien{,ne,s,nes} israelí israelíes israelian{o,a,i,e} israelense{,s} israelisch{,e,en,er,es,em}
~natir+: iranien{,ne,s,nes} iraní iraníes iranian{o,a,i,e} iraniano{,s} iranisch{,e,en,er,es,em}
~natau+: australien{,ne,s,nes} australian{o,a,os,as,i,e} australisch{,e,en,er,es,em}
"""
# The same scales in the languages the lists above hold least (Czech, Romanian, Turkish, Polish,
# Russian, Swedish, Dutch, Japanese), and building / pulling down, hiring (Dutch), granting /
# denying, arriving / leaving, attack / defence, promotion / demotion, surviving / dying, healthy /
# sick, internal / external, permanent / temporary, sending / receiving: the antonyms a grammar
# book pairs first. Scales whose words have synonyms on another scale are left out
# ("strengthen" / "boost", "improve" / "increase", "remove" / "cut" would read as flips). Written
# from grammar books, as above; a word already in a class keeps that class. Turkish verbs are
# listed in their commonest news forms (past tense, the reported "-dığını" form): its endings are
# longer than an inflected pole word's (see ``verify._inflected_pole``).
_POLES_EAST = """
up+: vzrostl{,a,o,y} vzrůst{,u} zvýšil{,a,o,y} zvýšení crescut crește cresc creștere{,a} majorat{,ă}
    arttı artış{,ı} artırdı artırdığını arttığını yükseldi yükseldiğini yükseliş{,i}
    повысил{,а,о,и} вырастет выросший 増
up-: klesl{,a,o,y} pokles{,u} snížil{,a,o,y} snížení scăzut scade scădere{,a} redus{,ă}
    azaldı azalış{,ı} düştü düşüş{,ü} düşürdü düşürdüğünü düştüğünü azaldığını
    понизил{,а,о,и} снизится 減
more-: méně
more+: více víc
~build+: build{,s,ing} built construct{,s,ed,ing} bau{en,t,te} gebaut errichte{n,t,te} errichtet
    constru{ire,it,ite,its,ites,ir,ye,yen,yó,ido,ida,ito,ita,ído,ída,iu,i,iește,ită} bouw{en,t,de} gebouwd
    bygg{a,s,er,de,des,t,d} budow{ać,a,ał,ała,ali,any,ana} zbudow{ać,ał,ała,any,ana} wybudow{ać,ał,any,ana}
    postav{it,il,ila,en,ena,eno} stav{ět,í} постро{ить,ил,или,ен,ена,ено,ены} стро{ить,ят,ит} inşa
~build-: demolish{,es,ed,ing} demolition abreiß{en,t} abgerissen riss{,en} abriss démol{ir,i,ie,is,it,ition}
    demol{er,ido,ida,ió,ición,ire,ito,ita,iu,ição,at,ată,a} slop{en,t} gesloopt sloopte riv{a,s,er,ningen} riven
    burz{yć,y,ył,yła,ony} zburz{yć,ył,yła,ony,ona} wyburz{yć,ył,ony,ona} zbořit zbořen{,a,o} bour{at,á,al,ala}
    снес{ти,ут,ёт,ли,ен,ена,ено} сносить
~open+: otwar{ty,ta,te,cie} otworz{yć,ył,yła} otevř{ít,el,ela,en,ena,eno,ený,ená,ené} otevírá
    откры{т,та,то,ты,ть,л,ла,ли,тый,тая,тие} deschis{,ă} deschide öppen öppna{,de,s,t} açık açıldı açılacak
    geopend opende
~open-: zamk{nięty,nięta,nięte,nąć,nął,nęła,nięcie} zavř{ít,el,ela,en,ena,eno,ený,ená,ené} zavírá
    закры{т,та,то,ты,ть,л,ла,ли,тый,тая,тие} închis{,ă} închide stängd{,a,e} stäng{a,de,s,t} kapalı kapandı kapanacak
~hot+: ciepł{y,a,e,o} gorąco tepl{ý,á,é,o} hork{ý,á,é,o} тепл{о,ый,ая,ое,ые} cald{ă} sıcak cald varmt warm{e} 暑 熱 暖
~hot-: chłod{ny,na,ne,no} zimno studen{ý,á,é} chlad{ný,ná,né,no} прохладн{о,ый,ая,ое,ые} холодно rece soğuk kallt
    koel{,e} 寒 涼 冷 凉
~heavy+: allvarlig{,t,a,e} svår{,t,a} poważn{ie,y,a,e} ciężko vážn{ě,ý,á,é} těžc{e} těžk{ý,á,é} серьёзн{о,ый,ая,ое}
    серьезн{о,ый,ая,ое} тяжел{о,ый,ая,ое} grav{ă,e} ağır ernstig{,e}
~heavy-: lindrig{,t,a,e} lätt{,a} lekk{o} lehc{e} lehk{ý,á,é} легк{о,ий,ая,ое} лёгк{ий,ая,ое} ușor ușoar{ă,e}
    hafif
~long+: del{ší} dlouh{ý,á,é,o} lungă lungi uzun{,du} langer långa
~long-: krat{ší} krátk{ý,á,é,o} scurt{,ă,e} kısa{,ydı} korter kort{e} korta
~majority+: většin{a,u,y,ou} większoś{ć,ci} большинств{о,а,е} majoritate{a} majoritet{,en} çoğunluk{,u}
~majority-: menšin{a,u,y,ou} mniejszoś{ć,ci} меньшинств{о,а,е} minoritate{a} minoritet{,en} azınlık{,ı}
~accept+: schválil{,a,o,i} schválen{,a,o,í} přijal{,a,o,i} zatwierdz{ił,iła,ili,ony,ona} zaakceptowa{ł,ła,li}
    одобр{ил,ила,или,ен,ена,ено} aprob{at,ată,ă} godkän{de,t,d,da,ner} onayla{dı,ndı,dığını} gav{e} giv{e,es,en,ing}
    grant{,s,ed,ing}
~accept-: zamítl{,a,o,i} zamítnut{,a,o} odmítl{,a,o,i} отверг{,ла,ли,нут} respin{s,să,ge} avsl{og,ogs,ås}
    avvis{ade,ar,at} reddet{ti,tiğini} reddedildi denying
~success+: úspěch{,u} úspěšn{ý,á,é,ě} sukces{,u,em} успех{,а} успешн{о,ый,ая,ое} succes{,ul} reușit{,ă}
    framgång{,en,sri} framgångsrik{,t,a} başarı{,lı}
~success-: neúspěch{,u} selhání porażk{a,i} klęsk{a,i} неудач{а,и,у,ей} провал{,а,ом} eșec{,ul} ratat{,ă}
    misslyckande{,t} misslyckad{es,} başarısızlık{,la} mislukking mislukt{,e}
~above+: powyżej выше nad
~above-: poniżej ниже pod
~next+: önümüzdeki gelecek viitor{,ul} viitoare următor{,ul} următoare příští{,m,ho}
~next-: geçen geçtiğimiz trecut{,ă,ul} minul{ý,á,é,ém,ého} loňsk{ý,á,é,ém}
~hire+: aannemen zatrudni{ć,ł,ła,li,a} нан{ять,ял,яла,яли,имает} angaj{a,at,ează,ează} anställ{a,er,de,t,s}
    přijmout
~enter+: enter{,s,ed,ing} arriv{e,es,ed,al} eingetroffen ankunft entr{er,é,ée} arriv{er,é,ée} entr{ar,ó} lleg{ar,ó,ada}
    entr{are,ato} arriv{are,ato,ata} cheg{ar,ou,ada}
~enter-: exit{,s,ed} depart{,s,ed,ure} abfahrt abreise verlass{en,t} sorti{r,e} sal{ir,ió,ida} partenza sa{iu,ída}
~attack+: attack{,s,ed,ing} angriff{,e} angreif{en,t} attaqu{er,e,é,ée} atac{ar,ó,ado,a} attacc{are,ato,o,a}
~attack-: defend{,s,ed,ing} verteidig{en,t,te} défend{re,u,ent} defend{er,ió,ido} difend{ere,e,eva}
~promote+: promot{ed,ion} befördert beförderung promu{,e,s} ascendid{o,a} promoss{o,a}
~promote-: demot{ed,ion} degradiert rétrogradé{,e} degradad{o,a}
~alive+: surviv{e,ed,es,al} überlebt überleb{en,te} survécu surviv{re,ant} sobreviv{ir,ió,iente} sopravviss{uto,uta}
~alive-: died dying starb gestorben mourut morte{s} muri{ó,eron} mor{ì,irono}
~healthy+: healthy gesund{,e,en} sain{,e,s} san{o,a,os,as} gezond{,e}
~healthy-: sick ill krank{,e,en} malade{,s} enferm{o,a,os,as} malat{o,a,i,e} ziek{,e}
~internal+: internal intern{,e,en,er} interne{,s} intern{o,a,os,as,i}
~internal-: external extern{,e,en,er} externe{,s} extern{o,a,os,as,i}
~permanent+: permanent{,ly} dauerhaft{,e,en} permanent{e,s,es} permanente{,s} definitiv{,e,en} définiti{f,ve,fs,ves}
    definitiv{o,a,os,as,i,e}
~permanent-: temporary temporarily vorübergehend{,e,en} befristet{,e,en} temporaire{,s} provisoire{,s} temporal{,es}
    provisional{,es} temporane{o,a,i,e} provvisori{o,a} tijdelijk{,e}
~send+: send{,s,ing} sent verschickt schick{en,t,te} envoy{er,é,ée} envi{ar,ó,ado,ada} invi{are,ato,ata}
~send-: receiv{e,es,ed,ing} empfang{en,t} reçu{,e,s} recib{ir,ió,ido,ida} ricev{ere,uto,uta} receb{er,eu,ido} ontvangen
~hire-: zwolni{ć,ł,ła,li,a} zwolnień уволи{ть,л,ла,ли,т} concedi{a,at,ază,ere} avskeda{,r,de,t} propust{it,il,ila,í}
"""
# The same scales in more languages (Russian and Ukrainian futures, Czech, Polish, Greek, Finnish,
# Hungarian, Indonesian, Vietnamese, Arabic, Hebrew, Hindi, Korean, Turkish, Romanian: "will rise" /
# "will fall"), "possible" / "impossible" where no affix rule reads it (Greek, Hungarian, Finnish,
# Hindi, Arabic; strong poles, as a one-letter prefix, "संभव" / "असंभव", reads as a typo), and the
# units a figure counts: the percent sign and the percent words (one class:
# "5%" / "5 Prozent" is a republisher's edit, "5%" / "5 points" another amount), the currency signs
# beside their currencies' words ("$5" / "€5" are other amounts). "上" / "下" (up / down, last /
# next, morning / afternoon in Chinese and Japanese) are a weak pair: each is common alone, only
# one replaced by the other is a flip. Written from grammar books, as above.
_POLES_WORLD = """
up+: вырастут вырастет возрастут возрастёт возрастет зростуть зросте зросли зріс зросла зростання wzrosną
    vzrostou vzroste stoupnou stoupne stoupl{,a,y} αυξηθούν αυξηθεί αυξήθηκαν αυξήθηκε αύξηση αυξάνονται αυξάνεται
    nousevat nousee nousi nousivat nousua kasvaa kasvoi emelkednek emelkedik emelkedett emelkedés naik meningkat
    kenaikan tăng ارتفع ارتفعت سترتفع سيرتفع يرتفع ترتفع ارتفاع יעלו יעלה עלו עלתה עלייה बढ़ेंगी बढ़ेगा बढ़ेगी बढ़ी
    बढ़ा बढ़े बढ़ोतरी 오르고 올랐다 오른다 오를 상승 인상 증가 artacak artıyor
up-: снизятся снизится упадут упадёт упадет сократятся сократится знизяться знизиться знизилися знизився впадуть
    впаде скоротяться spadną spadnie klesnou klesne μειωθούν μειωθεί μειώθηκαν μειώθηκε μείωση μειώνονται
    μειώνεται laskevat laskee laski laskivat laskua csökkennek csökken csökkent csökkenés turun menurun penurunan
    giảm انخفض انخفضت ستنخفض سينخفض ينخفض تنخفض انخفاض ירדו ירד ירדה ירידה घटेंगी घटेगा घटेगी घटी घटा घटे गिरावट
    내리고 내렸다 내린다 내릴 하락 인하 감소 azalacak azalıyor scădea
possible+: εφικτό εφικτόσ εφικτή εφικτά δυνατό δυνατόσ δυνατή lehetséges lehetségesnek mahdollinen
    mahdollisena mahdollista mahdollisesti संभव मुमकिन ممكن ممكنا ممكنة
possible-: ανέφικτο ανέφικτοσ ανέφικτη ανέφικτα αδύνατο αδύνατοσ αδύνατη lehetetlen lehetetlennek mahdoton
    mahdottomana mahdotonta असंभव नामुमकिन مستحيل مستحيلا مستحيلة
~pct+: % percent prozent pourcent procent porcentaje percento porcento процент{,а,ов} відсот{ок,ки,ків}
    procent{a,y,u} yüzde százalék{,kal} prosent{,ti,tia} persen प्रतिशत 퍼센트 אחוז אחוזים المئة بالمئة المائة
    بالمائة sută εκατό trăm
~permille+: ‰ promille
~usd+: $
~eur+: €
~gbp+: £
~jpy+: ¥ 円
~rub+: ₽
~inr+: ₹ रुपये रुपया
~krw+: ₩
~try+: ₺ lira
~ils+: ₪ שקל שקלים
~uah+: ₴ гривень гривні гривня
~vnd+: ₫ đồng
~thb+: ฿ baht
~ngn+: ₦ naira
~updown+: 上
~updown-: 下
"""
# The same scales in the languages the lists above lack (Bulgarian, Serbian in both scripts,
# Croatian, Slovak, Slovene, Lithuanian, Latvian, Estonian, Icelandic, Danish and Norwegian,
# Irish, Welsh, Catalan, Basque, Afrikaans, Azerbaijani, Swahili, Tagalog, Georgian, Armenian,
# Bengali, Tamil): "will rise" / "will fall" in their future and past news forms, "possible" /
# "impossible" where no affix rule reads it, and the percent words ("20 posto", "8 odstotkov",
# "4 peratus" are "20%", "8%", "4%"). Nouns that are common words of another language ("pad",
# Swedish "steg") are left out. Written from grammar books, as above.
_POLES_LANGS = """
up+: нараснат нарасне нараства нарастват нарастване увеличи увеличат увеличение ръст повиши повишат
    повећати повећа повећање порасти порашће пораст порастао порасла povećati poveća povećanje porasti porašće porast
    narasti porastao porasla porasli poraslo povećao povećala povećali povećalo
    zvýši zvýšia zvýšenie vzrastie vzrastú povečalo povečal povečala povečati poveča povečanje
    padidės padidėjo padidino išaugs išaugo pieaugs pieauga palielināsies palielinājās pieaugums
    kasvab kasvas tõuseb tõusis suureneb suurenes aukist aukast eykst jókst hækka hækkar hækkaði hækkun
    stige stiger steget stigning øge øger øges øget méadóidh méadú cynyddu cynnydd
    pujarà pujaran pujarien augmentarà augmentaran handituko igoko styg gestyg verhoog
    artacaq artdı artım yüksələcək itapanda imepanda kupanda itaongezeka imeongezeka tataas tumaas pagtaas
    გაიზრდება გაიზარდა ზრდა მოიმატებს կաճի աճել կավելանա ավելացել বাড়বে বেড়েছে বৃদ্ধি அதிகரிக்கும் அதிகரித்தது உயரும்
up-: намалеят намалее намалява намаляват намаление спад спадне спаднат понижи
    смањити смањи смањење пасти пашће пао smanjiti smanji smanjenje pasti pašće opasti sniziti pao opao opala
    smanjio smanjila smanjili smanjilo
    zníži znížia zníženie klesne klesnú zmanjšalo zmanjšal zmanjšala zmanjšati zmanjša zmanjšanje padec
    sumažės sumažėjo sumažino mažės samazināsies samazinājās samazinājums kritīsies
    väheneb vähenes langeb langes kahaneb minnkað minnka minnkar minnkaði lækka lækkar lækkaði lækkun
    falde falder faldt faldet nedgang synke synker sank laghdóidh laghdú gostwng gostyngiad lleihau
    baixarà baixaran baixarien disminuirà disminuiran txikituko jaitsiko daal gedaal verlaag
    azalacaq azaldı azalma düşəcək itashuka imeshuka kushuka itapungua imepungua bababa bumaba pagbaba
    შემცირდება შემცირდა კლება დაიკლებს կնվազի նվազել նվազում կպակասի কমবে কমেছে হ্রাস குறையும் குறைந்தது
~long+: produljiti produlji produžiti produži produljen{,a,o}
~long-: skratiti skrati skraćen{,a,o}
~cheap+: евтин{,а,о,и,ите,ия}
~cheap-: скъп{,а,о,и,ите,ия}
possible+: võimalik võimalikuks võimalikud հնարավոր შესაძლებელი შესაძლებლად შესაძლო সম্ভব posibl bosibl
    bideragarri bideragarritzat
possible-: võimatu võimatuks անհնար შეუძლებელი შეუძლებლად অসম্ভব amhosibl ezinezko ezinezkotzat bideraezin
    bideraezintzat
~pct+: posto одсто odsto odstotkov odstotka odstotke odstotki procentais procentų procentus procentiem procenti
    protsenti protsendi protsent prósent prósenta peratus porsiyento porsyento persent asilimia শতাংশ சதவீதம்
    فیصد درصد faiz
"""
# Who holds an office: "former" and "deputy" make another person of a title ("the former mayor"
# / "the deputy mayor", "Finance Minister" / "Deputy Finance Minister"), so either added,
# dropped or replaced is a fact change (strong classes, each its own). And the modal verbs of
# necessity, possibility and the future ("must" / "may", "would close" / "could close",
# "müssen" / "können"): weak, each may be added or dropped ("could be closed" / "be closed"
# reads as a hedge), but one replaced by another of a different kind states another thing.
# "would" / "will" and "could" / "can" stay one kind (reported speech shifts tense). Written from
# grammar books, as above.
_POLES_ROLES = """
former+: former ex ehemalig{,e,en,er,es,em} voormalig{,e} bivš{i,a,e,eg,em} бивш{и,а,е,ия,ата,ег,ем}
    był{y,a,ego,ej} бывш{ий,его,ая,ей,ем} колишн{ій,ього,я} bývalý bývalého bývalá
deputy+: deputy vice vize stellvertretend{,e,en,er,es,em} adjoint{,e,s,es} délégué{,e,s,es} adjunt{o,a,os,as}
    zamjenik{,a} заменик{,а} zástupca zastępca заместитель заступник plaatsvervangend{,e}
~must+: must muss müssen musste mussten doit doivent devra devront debe deben deberá deve devono dovrà moet
    moeten måste
~may+: may might could can kann können könnte könnten darf dürfen peut peuvent pourra pourront pourrait
    pourraient puede pueden podrá podría podrían può possono potrà potrebbe potrebbero kunnen
~will+: will would shall wird würde würden
"""
# Scales, percent words and currencies of Kazakh, Uzbek, Hindi, Punjabi, Gujarati and Yoruba news, with
# the forms the lists above lack in Spanish ("crecieron" / "cayeron"), German ("höheren" / "niedrigeren"),
# French ("haut" / "bas") and English ("ahead" / "behind", "add" / "remove"), the Yoruba "pọ̀" / "dín" (grow
# / shrink): a word replaced by its opposite is a flip, "8 फीसदी" / "8%" one amount, "40 milyon manat" / "40
# milyon dollar" two. Written from grammar books, as above.
_POLES_MORE_LANGS = """
up+: crecieron crecen crecerá crecerán crecido höhere höheren höherer höheres haut haute hauts hautes
    артады артты өседі өсті көбейеді көбейді oshadi oshdi ortadi ortdi
up-: cayeron caen caerá caerán caído niedrigere niedrigeren niedrigerer niedrigeres bas basse basses
    азаяды азайды кемиді кеміді төмендейді төмендеді kamayadi kamaydi pasayadi pasaydi
~ahead+: ahead
~ahead-: behind
~add+: add adds added adding
~add-: remove removes removed removing
up+: pọ̀
up-: dín
~pct+: फीसदी फ़ीसदी ਫੀਸਦੀ ਪ੍ਰਤੀਸ਼ਤ ટકા foiz пайыз gcéad cant ਫ਼ੀਸਦੀ qind хувь
~azn+: manat manatı manatlıq
~kzt+: tenge теңге
~ngn+: naira ₦
~idr+: rupiah rp
~lak+: kip
~khr+: riel
~mmk+: kyat
"""
# The same scales in the languages the lists above still lack (Maltese, Albanian, Galician, Mongolian,
# Hausa, Somali, Zulu; the past participles of Catalan and the "-ıb" perfect of Azerbaijani news), before
# / after in Icelandic, Catalan, Hausa, Azerbaijani, Turkish and Maltese, and scales of English, French
# and German news that the lists above lack: quantifiers ("all" / "some" passengers: weak, either may be
# added or dropped, one replaced by the other is another statement), "if" / "unless", helping / hurting, a
# crisis easing / worsening, rules loosened / tightened. "able" is a modal of possibility ("will be able
# to" / "will have to" renew: the phrase holding it replaced by one without
# it is another statement, as "can" / "must" are); the Galician, Portuguese and Catalan modals of
# possibility too ("investirá" / "podería investir"). Words that are common words of another language
# are left out (Hausa "tara", Croatian "ulje", oil), and so are "over" / "under": a lexicon word of four
# letters or more gives its class to the compounds it begins ("overstroming", "Unternehmen"). Written
# from grammar books, as above.
_POLES_MORE_WORLD = """
up+: żdied{u,et} zdied{u,et} żieda{,t} rritur rritje rritet rritën artıb artır artması өссөн өсөв өснө өсөх өсөлт
    pujat{,s} pujada{,es} augmentat{,s} augmentada medrou medra medraron karu ƙaru karuwa ƙaruwa kordhay kordhaday
    kordhi kororka khuphuke likhuphuke ikhuphuke akhuphuke ukukhuphuka enyukile
up-: naqs{u,et} naqas tnaqqis ulur ulet ulën rënie azalıb azalır azalması буурсан буурав буурна буурах бууралт
    baixat{,s} baixada{,es} disminuït{,s} disminuïda caeu caeron baixou baixaron ragu raguwa yaraaday yaraatay
    ehle lehle yehle lehlile yehlile ukwehla
~all+: all every each everyone everybody everything alle{,n,r,s} jede{,m,r,s} sämtliche{,n} tous toutes chaque
    todos todas cada tutti tutte ogni
~all-: some several certain einige{,n,r,s} manche{,n,r,s} mehrere{,n} quelques certains certaines plusieurs
    algunos algunas varios varias alcuni alcune
~if+: if
~if-: unless
~help+: help{,s,ed,ing} benefit{,s,ed,ing} helfen hilft geholfen aider aidé{,e,s,es}
~help-: hurt{,s,ing} harm{,s,ed,ing} schaden schadet geschadet nuire nui
~intense+: intensif{y,ies,ied,ying} worsen{,s,ed,ing} escalat{e,es,ed,ing} verschärf{en,t,te,ung} zuspitz{en,t,te}
    durci{r,t,e} aggrav{er,é,ée,e} tighten{,s,ed,ing}
~intense-: eas{e,es,ed,ing} abat{e,es,ed,ing} subsid{e,es,ed,ing} locker{n,t,te,ung} gelockert entspann{en,t,te,ung}
    assoupli{r,t,e,s} atténu{er,é,ée,e} loosen{,s,ed,ing} relax{,es,ed,ing}
~before+: fyrir abans kafin əvvəl qədər önce qabel
~before-: eftir després bayan sonra wara
~may+: able podería poderían poderá poderán poderia poderiam poderá poderão podria podrien podrà podran
"""
# Antonym adjectives and verbs of scenes and states that short descriptive sentences turn on (a street
# crowded / empty, grass wet / dry, an exam passed / failed, a man sitting / standing, a train late / early
# in the Romance "en retard" / "en avance"; the words the lists above hold keep their class there: "failed",
# "réussi", "aprobado"), "most" as a noun ("la plupart", "la maggior parte": one replaced by "few" is
# another statement), and the scales of Belarusian, Macedonian, Kyrgyz, Tajik,
# Esperanto, Haitian Creole, Kurmanji, Malagasy, Javanese and Luxembourgish news (grow / shrink). Written
# from grammar books, as above; "kam" (Tajik "less") and "net" are left out, common words elsewhere.
_POLES_STATES = """
~crowded+: crowded busy packed belebt{,e,en,er,es} volle{,n,r,s} überfüllt{,e,en} anim{é,ée,és,ées}
    bond{é,ée,és,ées} plein{,e,s,es} concurrid{o,a,os,as} llen{o,a,os,as} abarrotad{o,a,os,as} affollat{o,a,i,e}
    pien{o,a,i,e} gremit{o,a,i,e} lotad{o,a,os,as} cheio cheia
~crowded-: empty deserted leere{,n,r,s} menschenleer{,e,en} vides désert{,e,s,es} vací{o,a,os,as}
    desiert{o,a,os,as} vuot{o,a,i,e} desert{o,a,i,e} vazi{o,a,os,as} leeg{,e}
~wet+: wet soaked nass{,e,en,er,es} feucht{,e,en,er,es} mouill{é,ée,és,ées} humide{,s} trempé{,e,s,es}
    mojad{o,a,os,as} húmed{o,a,os,as} bagnat{o,a,i,e} umid{o,a,i,e} molhad{o,a,os,as} nat{,te}
~wet-: dry trocken{,e,en,er,es} sèche{,s} secos secas asciutt{o,a,i,e} droog{,e}
~pass+: passed passing bestanden réussis réussit réussies aprobaron superati superate aprovados aprovadas geslaagd
~pass-: failing durchgefallen rat{é,ée,és,ées} échoués suspendieron bocciat{o,a,i,e}
    reprovad{o,a,os,as} gezakt
~sit+: sit{,s,ting} seated sitzen sitzt sitzend saß sentad{o,a,os,as} sedut{o,a,i,e} zit{,ten,tend}
~sit-: standing stood steh{en,t,end} debout staan{,d}
~early+: anticipo avance adelantados adelantadas adiantad{o,a,os,as} pünktlich{,e,en,er} ponctuel{,le} puntual{,es}
    puntual{e,i} vroeg{,e}
~early-: retard atrasad{o,a,os,as} retrasados retrasadas verspätet{,e,en,er} vertraagd{,e}
~many+: maggior plupart
~before+: entro anvan sadurunge alohan
~before-: apre sawise aorian
~pct+: працэнтаў працэнты працэнт отсто фоиз टक्के ಶೇಕಡಾ ശതമാനം سلنه pousan isan-jato procentoj procento
    procentojn
up+: вырас выраслі вырасла павялічыўся павялічылася порасна пораснала пораснаа зголеми зголемија өстү өскөн
    көбөйдү көбөйгөн афзуд афзудааст афзоиш kreskis kreskas kreskos kresko monte{,n} mundhak{,e} munggah
    nitombo mitombo fitomboana zêde gestiegen geklommen
up-: знізіўся знізілася зменшыўся зменшылася скарацілася опадна опаднала опаднаа намали намалија азайды
    азайган төмөндөдү төмөндөгөн коҳиш malkreskis malkreskas malkreskos malkresko desann{,de} mudhun
    nihena mihena fihenana kêm erofgaang
"""
# Colours: a colour replaced by another ("a red jacket" / "a blue jacket") describes another thing, as a
# weekday replaced names another day; each colour is a class of its own, with its inflected forms, so
# that "roter" / "rote" stay one colour (weak: a colour added or dropped is an edit). English, German,
# French, Spanish, Italian, Portuguese and Dutch; "rose" (rose, a rise), "orange" (a fruit, a firm) and
# "black" / "white" / "brown" / "green" as English surnames are left out where they are surnames more
# than colours in news: only their lower-case forms are words here, and names are cased.
_COLOURS = """
~red+: red rot{,e,en,er,es,em} rouge{,s} roj{o,a,os,as} ross{o,a,i,e} vermelh{o,a,os,as} rood
~blue+: blue blau{,e,en,er,es,em} bleu{,e,s,es} azul{,es} blu azzurr{o,a,i,e} blauw{,e}
~green+: green grün{,e,en,er,es,em} vert{e,s,es} verde{,s} verdi groen{,e}
~yellow+: yellow gelb{,e,en,er,es,em} jaune{,s} amarill{o,a,os,as} giall{o,a,i,e} amarel{o,a,os,as} geel gele
~white+: white weiß{,e,en,er,es,em} blanc{,he,s,hes} blanc{o,a,os,as} bianc{o,a,hi,he} branc{o,a,os,as} witte
~black+: black schwarz{,e,en,er,es,em} noir{,e,s,es} negr{o,a,os,as} ner{o,a,i,e} pret{o,a,os,as} zwart{,e}
~brown+: brown braun{,e,en,er,es,em} brun{,e,s,es} marrón marrone marrom bruin{,e}
~grey+: grey gray grau{,e,en,er,es,em} gris{,e,es} grigi{o,a} grijs grijze cinza
~pink+: pink rosa rosé{,e,s,es} roze
~purple+: purple violett{,e,en,er,es} violet{,te,s,tes} morad{o,a,os,as} roxo roxa paars{,e} lila
"""
# The prepositions that tell a change's size from the level it reaches ("rose by 8%" / "rose to 8%",
# "um" / "auf", "o" / "na", "на" / "до", "kwa" / "hadi", "κατά" / "στο"): one replaced by the other
# is another amount (pairs22 audit: 18 of 19 such pairs merged). Weak, as "vor" / "nach": either
# alone may be added or dropped, except a level word before a figure (LEVEL_CLASS). French "de",
# Spanish "un" and Indonesian, Vietnamese and Persian, which mark the size with no word, have a level
# word only ("à", "hasta", "menjadi", "lên", "xuống", "به"); Hebrew writes both as prefixes ("ב-8%" /
# "ל-8%"). No inflected form or compound takes them (``UNIT_CLASSES``).
_POLES_RATE = """
~rate+: by um o на kwa κατά ב
~rate-: to auf na до hadi στο στα στην στον à hasta menjadi lên xuống به ל
"""
# The class of the words that mark the level a figure reaches: added, dropped or replaced before a
# figure ("rose 8%" / "rose to 8%", "naik 8%" / "naik menjadi 8%"), another amount (``verify::levels``
# in the native core).
LEVEL_CLASS = "~rate-"
# The comparative and superlative forms of width and length that the scales above lack, and height in
# Indonesian, Turkish and Vietnamese ("at its narrowest point" / "at its widest point", "tinggi" /
# "rendah"; pairs22 audit): weak, as the adjectives they inflect.
_POLES_DEGREES = """
~size+: wider widest broader broadest breite breiten breites breitere breiteren breiteste breitesten geniş
    lebar rộng ancho ancha anchos anchas
~size-: narrower narrowest enge engen enger engere engeren engste engsten dar sempit hẹp
~long+: panjang dài
~long-: pendek ngắn
~up+: tinggi yüksek cao
~up-: rendah düşük thấp
"""
# More / fewer of Swedish, Croatian, Armenian, Romanian ("mai mulți" / "mai puțini") and Malay and
# Indonesian, high / low in Croatian (with "pre-", too: "previsok" / "prenizak") and Czech (pairs23 audit:
# "14% fler" / "14% färre", "prenizak" / "previsok"). Left out: the Turkish "az" (the Hungarian article)
# and the Romanian "mare" (big; the Italian sea: a lexicon word is no content word, and "al mare" / "in
# montagna" then read as a plain word replaced, pairs21 audit).
_POLES_COMPARE = """
more+: fler više ավելի mulți multe lebih
more-: färre manje պակաս puțini puține kurang
~up+: visok{,a,o,i,e} previsok{,a,o,i,e} vysok{ý,á,é,ou,ého,ých}
~up-: nizak nisk{a,o,i,e} prenizak prenisk{a,o,i,e} nízk{ý,á,é,ou,ého,ých}
"""
POLARITY = _classes(
    _POLES + _POLES_MORE + _POLES_EAST + _POLES_WORLD + _POLES_LANGS + _POLES_ROLES + _POLES_MORE_LANGS
    + _POLES_MORE_WORLD + _POLES_STATES + _COLOURS + _POLES_RATE + _POLES_DEGREES + _POLES_COMPARE
)
# The modal kinds' words are fact words wherever they stand (``shingle.FACT_WORDS``), though weak:
# added or dropped they are an edit, but "would" / "could" are one letter apart, which between two
# words of no fact reads as a typo ("week" / "weak"). Not "may": the month, and a typo of "many"
# ("many not be taught" / "may not be taught", a real page's); replaced by "must" it is still a flip.
MODALS = frozenset(w for w, cls in POLARITY.items() if cls in ("~must+", "~may+", "~will+")) - {"may"}
# Classes of units whose words begin other words of another unit: "procentní body", "Prozentpunkte",
# "procentenheter" are percentage points, not percent. No inflected form or compound takes them
# (``verify._inflected_pole``, ``verify._compound_class``); their forms are listed.
UNIT_CLASSES = frozenset(["~pct+", "~permille+", "~rate+", "~rate-"])

# Prefixes that negate the word they precede ("unable", "illegal", "unmöglich", "impossible",
# "désaccord", "incapaz"; Dutch "onveilig", Polish "niebezpieczny", Czech, Slovak, Romanian and
# Croatian "neúčinný", "necunoscut", Russian "незаконный", the Scandinavian "osäker" and
# "upåvirket", the Italian "sleale", the Spanish and Romanian "ilegal"): a word replaced by itself
# with one of them is a polarity flip. Written from grammar books: each is the productive negating
# prefix of its languages. A one-letter prefix needs a stem of 5 letters (see verify.rs `min_stem`).
# Icelandic "ó" ("líklegt" / "ólíklegt"), the Swahili negative subject prefix "ha" ("itajenga"
# / "haitajenga": will build / will not build) and Esperanto's antonym prefix "mal" ("kreskis" /
# "malkreskis": grew / shrank; tests/data/near_dup_pairs.json, eval-pairs-dev's bytes the same) too.
NEGATING_PREFIXES = frozenset("un in im il ir dis non des dés mis miss anti on nie ne не o s i u 불 ó ha mal".split())
# Prefix pairs that make opposites of one stem ("overvalued" / "undervalued", "Einfuhr" /
# "Ausfuhr", "Aufstieg" / "Abstieg", "Zunahme" / "Abnahme", "sobrevalorado" / "subvalorado",
# "överskott" / "underskott"), and suffix pairs that do ("useful" / "useless", "sinnvoll" /
# "sinnlos", "erfolgreich" / "erfolglos", "zinvol" / "zinloos", "meningsfull" / "meningslös",
# Turkish "başarılı" / "başarısız" in each vowel of its harmony).
ANTONYM_PREFIXES = frozenset(
    [("over", "under"), ("over", "onder"), ("över", "under"), ("pre", "post"), ("hyper", "hypo"), ("up", "down"),
     ("in", "out"), ("im", "ex"), ("über", "unter"), ("ein", "aus"), ("auf", "ab"), ("zu", "ab"), ("an", "ab"),
     ("sobre", "sub"), ("sur", "sous"), ("supra", "sub")]
)  # fmt: skip
ANTONYM_SUFFIXES = frozenset(
    [("ful", "less"), ("voll", "los"), ("reich", "los"), ("vol", "loos"), ("rijk", "loos"), ("full", "lös"),
     ("fuld", "løs"), ("full", "løs"), ("lı", "sız"), ("li", "siz"), ("lu", "suz"), ("lü", "süz")]
    # Turkish negates a verb with "-ma-" / "-me-" before its tense ("onayladı" / "onaylamadı",
    # "görüyor" / "görmüyor", "artacak" / "artmayacak", "onayladığını" / "onaylamadığını").
    + [("dı", "madı"), ("di", "medi"), ("du", "madı"), ("dü", "medi"), ("ıyor", "mıyor"), ("iyor", "miyor"),
       ("uyor", "muyor"), ("üyor", "müyor"), ("acak", "mayacak"), ("ecek", "meyecek"), ("dığını", "madığını"),
       ("diğini", "mediğini"), ("duğunu", "madığını"), ("düğünü", "mediğini")]
    # After a vowel the future takes a "y" that the negation keeps ("başlayacak" / "başlamayacak");
    # Azerbaijani writes the same future with "q" and "ə" ("açılacaq" / "açılmayacaq").
    + [("yacak", "mayacak"), ("yecek", "meyecek"), ("acaq", "mayacaq"), ("əcək", "məyəcək"), ("yacaq", "mayacaq"),
       ("yəcək", "məyəcək")]
    # Kazakh negates with "-ма-/-ме-/-ба-/-бе-/-па-/-пе-" after the stem ("салады" / "салмайды", "айтты" /
    # "айтпады", "салатынын" / "салмайтынын"), Uzbek with "-ma-" ("quradi" / "qurmaydi", "qurdi" / "qurmadi",
    # "qurishini" / "qurmasligini").
    + [("ады", "майды"), ("ады", "байды"), ("ады", "пайды"), ("еді", "мейді"), ("еді", "бейді"), ("еді", "пейді"),
       ("ды", "мады"), ("ды", "бады"), ("ты", "пады"), ("ді", "меді"), ("ді", "беді"), ("ті", "педі"),
       ("атын", "майтын"), ("етін", "мейтін"), ("атынын", "майтынын"), ("етінін", "мейтінін"),
       ("adi", "maydi"), ("ydi", "maydi"), ("di", "madi"), ("ishini", "masligini"), ("adigan", "maydigan")]
    # Mongolian negates a verb with "-хгүй" after its stem ("барина" / "барихгүй": will build / will not build,
    # "барих" / "барихгүй").
    + [("на", "хгүй"), ("нэ", "хгүй"), ("но", "хгүй"), ("нө", "хгүй"), ("х", "хгүй")]
    # Spanish and Portuguese future and past of one verb ("abrirán" / "abrieron", "llegará" / "llegó",
    # "chegarão" / "chegaram"): what will happen is not what happened.
    + [("arán", "aron"), ("erán", "ieron"), ("irán", "ieron"), ("ará", "ó"), ("erá", "ió"), ("irá", "ió"),
       ("arão", "aram"), ("erão", "eram"), ("irão", "iram")]
)  # fmt: skip
# The metric prefixes: "50 millimeter" / "50 centimeter", "3 kilowatt" / "3 megawatt" are other amounts,
# though the words are spelt alike.
# A unit with its prefix dropped is another unit too ("12 kilometrů" / "12 metrů", "кілометрів" / "метрів",
# pairs22 audit: 9 of 21 unit changes merged): each prefix is also a flip with no prefix.
METRIC_PREFIXES = frozenset(
    "milli centi deci kilo mega giga tera micro nano милли санти кило мега гига мілі кіло χιλιο".split()
)
# All of them as ``(suffix, a, b)``: a word ending (suffix) or starting with ``a`` whose stem
# with ``b`` is the other word states the opposite; a negating prefix is ``(False, "", prefix)``.
AFFIX_FLIPS = tuple(
    sorted(
        [(False, "", p) for p in NEGATING_PREFIXES]
        + [(False, a, b) for a, b in ANTONYM_PREFIXES]
        + [(True, a, b) for a, b in ANTONYM_SUFFIXES]
        + [(False, a, b) for a in METRIC_PREFIXES for b in METRIC_PREFIXES if a < b]
        + [(False, "", p) for p in METRIC_PREFIXES]
    )
)

# Dates: months and weekdays (full and abbreviated), days relative to today, parts of the day,
# seasons and frequencies ("weekly" / "monthly"), in many languages. Words that are also an
# ordinary word of their own language ("may", "march", "mar") count only when capitalised
# (:data:`DATES_IF_CAPITALISED`). "été" (French summer, and "been") is left out.
DATES = frozenset(
    _expand(
        """
    january february april june july august september october november december
    jan feb apr jun jul aug sep sept oct nov dec
    monday tuesday wednesday thursday friday saturday sunday mon tue tues thu thur thurs fri
    today yesterday tomorrow tonight morning afternoon evening night noon midnight weekend
    hourly quarterly fortnightly biweekly
    spring summer autumn winter
    januar jänner februar feber märz mai juni juli oktober dezember
    montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag
    heute gestern morgen vorgestern übermorgen vormittag nachmittag abend{,s} nacht{,s} mittag mitternacht wochenende
    stündlich vierteljährlich
    frühling frühjahr sommer herbst
    janvier février avril juin juillet août aout septembre octobre novembre décembre
    lundi mardi mercredi jeudi vendredi samedi dimanche
    aujourd hier demain veille lendemain matin{,ée} après-midi soir{,ée} nuit midi minuit
    printemps automne hiver
    enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre
    lunes martes miércoles miercoles jueves viernes sábado sabado domingo
    hoy ayer mañana anoche tarde noche mediodía medianoche
    verano otoño invierno
    gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre
    lunedì lunedi martedì martedi mercoledì mercoledi giovedì giovedi venerdì venerdi sabato domenica
    oggi ieri domani stasera stanotte mattina mattino pomeriggio sera notte mezzogiorno mezzanotte
    autunno inverno
    janeiro fevereiro março abril maio junho julho setembro outubro novembro dezembro
    segunda terça quarta quinta sexta feira
    hoje ontem amanhã manhã noite verão outono inverno
    januari februari maart mei juni juli augustus oktober
    maandag dinsdag woensdag donderdag vrijdag zaterdag zondag vandaag gisteren
    zomer herfst lente
    måndag tisdag onsdag torsdag fredag lördag söndag mandag tirsdag lørdag søndag idag igår imorgon
    poniedziałek wtorek środa czwartek piątek sobota niedziela styczeń luty marzec kwiecień maj czerwiec lipiec
    sierpień wrzesień październik listopad grudzień dziś wczoraj jutro
    pondělí úterý středa čtvrtek pátek neděle leden únor březen duben květen červen červenec srpen září říjen prosinec
    augusti marts ocak şubat nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık
    pazartesi salı çarşamba perşembe cuma cumartesi
    ianuarie februarie martie aprilie iunie iulie septembrie octombrie noiembrie decembrie
    január február március április május június július augusztus szeptember október
    tammikuu helmikuu maaliskuu huhtikuu toukokuu kesäkuu heinäkuu elokuu syyskuu lokakuu marraskuu joulukuu
    maret agustus desember senin selasa rabu kamis jumat sabtu
    январь января февраль февраля март марта апрель апреля май мая июнь июня июль июля август августа
    сентябрь сентября октябрь октября ноябрь ноября декабрь декабря
    понедельник вторник среда четверг пятница суббота воскресенье сегодня вчера завтра
    """
    )
)
# Forms of the weekdays and months that the list above lacks: the Scandinavian definite forms
# ("på tisdagen"), Polish and Russian weekdays and months after a preposition ("w środę",
# "w piątek", "в среду", "15 marca").
DATES = DATES | frozenset(
    _expand(
        """
    måndagen tisdagen onsdagen torsdagen fredagen lördagen söndagen mandagen tirsdagen lørdagen søndagen
    poniedziałku wtorku środę środy czwartku piątku sobotę soboty niedzielę niedzieli
    stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia
    понедельника вторника среду среды четверга пятницу пятницы субботу субботы воскресенья
    январе феврале марте апреле мае июне июле августе сентябре октябре ноябре декабре
    весна весной весну весны лето летом осень осенью зима зимой зиму зимы
    wiosna wiosną wiosnę wiosny latem jesień jesienią jesieni zimą zimę zimy
    styczniu lutym marcu kwietniu maju czerwcu lipcu sierpniu wrześniu październiku listopadzie grudniu
    """
    )
)
# The weekdays, months (with the genitive that follows a day's number: "15. března", "3 Μαΐου")
# and seasons of more languages: Romanian, Hungarian, Finnish, Croatian and Serbian, Ukrainian,
# Greek, Czech; seasons of the Scandinavian languages, Romanian, Czech, Turkish, Hungarian and
# Finnish. Words that are also common words of another language are left out ("vår", Swedish
# "our"; "vara", "to be"; "léta", Czech "years").
DATES = DATES | frozenset(
    _expand(
        """
    luni marți marti miercuri joi vineri sâmbătă sambata duminică duminica
    primăvară primăvara primavara vară toamnă toamna iarnă iarna
    hétfő kedd szerda csütörtök péntek szombat vasárnap tavasz tavasszal nyár nyáron ősz ősszel tél télen
    maanantai tiistai keskiviikko torstai perjantai lauantai sunnuntai kevät keväällä kesä kesällä syksy
    syksyllä talvi talvella
    ponedjeljak utorak srijeda četvrtak petak nedjelja ponedeljak sreda četvrtak nedelja
    siječanj siječnja veljača veljače ožujak ožujka travanj travnja svibanj svibnja lipanj lipnja srpanj
    srpnja kolovoz kolovoza rujan rujna studeni studenoga prosinac prosinca
    januar februar mart avgust septembar oktobar novembar decembar januara februara marta aprila juna jula
    avgusta septembra oktobra novembra decembra
    понеділок вівторок середа четвер пʼятниця п'ятниця неділя січень лютий березень квітень травень червень
    липень серпень вересень жовтень грудень січня лютого березня квітня травня червня липня серпня вересня
    жовтня листопада грудня
    δευτέρα τρίτη τετάρτη πέμπτη παρασκευή σάββατο κυριακή ιανουαρίου φεβρουαρίου μαρτίου απριλίου μαΐου
    ιουνίου ιουλίου αυγούστου σεπτεμβρίου οκτωβρίου νοεμβρίου δεκεμβρίου
    ledna února března dubna května června července srpna října listopadu prosince jaro jaře létě podzim
    podzimu zimě
    våren sommar sommaren hösten vintern höst forår foråret efterår efteråret vinteren sommeren
    ilkbahar ilkbaharda sonbahar sonbaharda kışın
    """
    )
)
# The weekdays and months of more languages and the case forms their news write ("i tisdags",
# Finnish "tiistaina", Hungarian "kedden", Korean "화요일에"): Arabic, Hebrew (whose weekdays are
# the ordinals "first" ... "sixth": a fact either way), Hindi, Korean, Indonesian and Malay,
# Vietnamese ("chủ nhật"), and the Finnish months in "-ssa" ("toukokuussa").
DATES = DATES | frozenset(
    _expand(
        """
    måndags tisdags onsdags torsdags fredags lördags söndags
    maanantaina tiistaina keskiviikkona torstaina perjantaina lauantaina sunnuntaina
    tammikuussa helmikuussa maaliskuussa huhtikuussa toukokuussa kesäkuussa heinäkuussa elokuussa syyskuussa
    lokakuussa marraskuussa joulukuussa
    hétfőn kedden szerdán csütörtökön pénteken szombaton vasárnapon
    الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد يناير فبراير أبريل مايو يونيو يوليو أغسطس سبتمبر
    أكتوبر نوفمبر ديسمبر
    ראשון שלישי רביעי חמישי שישי ינואר פברואר אפריל יוני יולי אוגוסט ספטמבר אוקטובר נובמבר דצמבר
    सोमवार मंगलवार बुधवार गुरुवार बृहस्पतिवार शुक्रवार शनिवार रविवार जनवरी फरवरी मार्च अप्रैल जून जुलाई अगस्त
    सितंबर अक्टूबर नवंबर दिसंबर
    월요일 화요일 수요일 목요일 금요일 토요일 일요일 월요일에 화요일에 수요일에 목요일에 금요일에 토요일에 일요일에
    ahad minggu januari februari april juni juli september oktober november
    nhật
    """
    )
)
# The weekdays and months of more languages, with the case forms their news write after "on" /
# "in" (Slovak "v utorok", Slovene "v sredo", Lithuanian "antradienį", Latvian "otrdien", Estonian
# "teisipäeval", Icelandic "á mánudag", Georgian "სამშაბათს", Basque "astelehenean", Catalan
# "dimarts"): Bulgarian, Serbian (Cyrillic), Slovak, Slovene, Lithuanian, Latvian, Estonian,
# Icelandic, Catalan, Basque, Georgian, Azerbaijani. Written from grammar books; words that are
# common words of another language are left out (Slovene "sreda" is kept: a weekday everywhere).
DATES = DATES | frozenset(
    _expand(
        """
    понеделник вторник сряда четвъртък петък събота неделя януари февруари септември октомври ноември декември
    понедељак уторак среда среду четвртак петак субота суботу недеља недељу јануар фебруар април мај јун јул
    септембар октобар новембар децембар јануара фебруара марта априла маја јуна јула августа септембра октобра
    новембра децембра
    pondelok utorok stredu štvrtok piatok sobotu nedeľu nedeľa január február marec apríl máj jún júl október
    januára februára apríla mája júna júla augusta septembra októbra novembra decembra
    ponedeljek torek sredo četrtek petek soboto nedeljo nedelja junij julij januarja februarja marca aprila
    junija julija avgusta
    pirmadien{is,į} antradien{is,į} trečiadien{is,į} ketvirtadien{is,į} penktadien{is,į} šeštadien{is,į}
    sekmadien{is,į} sausio vasario kovo balandžio gegužės birželio liepos rugpjūčio rugsėjo spalio lapkričio
    gruodžio
    pirmdien{,a} otrdien{,a} trešdien{,a} ceturtdien{,a} piektdien{,a} sestdien{,a} svētdien{,a} janvār{is,ī}
    februār{is,ī} mart{s,ā} aprīl{is,ī} maij{s,ā} jūnij{s,ā} jūlij{s,ā} august{s,ā} septembr{is,ī} oktobr{is,ī}
    novembr{is,ī} decembr{is,ī}
    esmaspäev{,al} teisipäev{,al} kolmapäev{,al} neljapäev{,al} reede{,l} laupäev{,al} pühapäev{,al}
    jaanuar{,il} veebruar{,il} märts{,il} aprill{,il} juuni{,l} juuli{,l} oktoober{,il} detsember{,il}
    mánudag{,ur,inn} þriðjudag{,ur,inn} miðvikudag{,ur,inn} fimmtudag{,ur,inn} föstudag{,ur,inn}
    laugardag{,ur,inn} sunnudag{,ur,inn} janúar febrúar apríl maí júní júlí ágúst október nóvember desember
    dilluns dimarts dimecres dijous divendres dissabte diumenge gener febrer març maig juny juliol setembre
    octubre desembre
    astelehen{a,ean} astearte{a,an} asteazken{a,ean} ostegun{a,ean} ostiral{a,ean} larunbat{a,ean} igande{a,an}
    urtarril{a,ean} otsail{a,ean} martxo{a,an} apiril{a,ean} maiatz{a,ean} ekain{a,ean} uztail{a,ean}
    abuztu{a,an} irail{a,ean} urri{a,an} azaro{a,an} abendu{a,an}
    ორშაბათ{ი,ს} სამშაბათ{ი,ს} ოთხშაბათ{ი,ს} ხუთშაბათ{ი,ს} პარასკევ{ი,ს} შაბათ{ი,ს} კვირა{,ს} იანვარ{ი,ს}
    თებერვალ{ი,ს} მარტ{ი,ს} აპრილ{ი,ს} მაის{ი,ს} ივნის{ი,ს} ივლის{ი,ს} აგვისტო{,ს} სექტემბერ{ი,ს}
    ოქტომბერ{ი,ს} ნოემბერ{ი,ს} დეკემბერ{ი,ს}
    yanvar fevral aprel iyun iyul avqust sentyabr oktyabr noyabr dekabr
    қаңтар ақпан наурыз сәуір мамыр маусым шілде тамыз қыркүйек қазан қараша желтоқсан
    дүйсенбі сейсенбі сәрсенбі бейсенбі сенбі жексенбі
    січні лютому березні квітні травні червні липні серпні вересні жовтні листопаді грудні
    avgust sentabr oktabr dushanba seshanba chorshanba payshanba shanba yakshanba
    """
    )
)
# The weekdays and months of Albanian (with the accusative of "të martën", on Tuesday), Armenian (with
# the "-ին" of "սեպտեմբերին", in September), Azerbaijani, Mongolian and Galician, which the lists above
# lack. "mars" and "bazar" (Azerbaijani Sunday, and market) are left out. Written from grammar books.
DATES = DATES | frozenset(
    _expand(
        """
    hënë{,n} martë{,n} mërkurë{,n} enjte{,n} premte{,n} shtunë{,n} diel{,ën} janar{,it} shkurtit prill{,it}
    qershor{,it} korrik{,ut} gusht{,it} shtator{,it} tetor{,it} nëntor{,it} dhjetor{,it}
    երկուշաբթի երեքշաբթի չորեքշաբթի հինգշաբթի ուրբաթ կիրակի հունվար{,ի,ին} փետրվար{,ի,ին} մարտ{,ի,ին}
    ապրիլ{,ի,ին} մայիս{,ի,ին} հունիս{,ի,ին} հուլիս{,ի,ին} օգոստոս{,ի,ին} սեպտեմբեր{,ի,ին} հոկտեմբեր{,ի,ին}
    նոյեմբեր{,ի,ին} դեկտեմբեր{,ի,ին}
    çərşənbə cümə şənbə ertəsi
    даваа мягмар лхагва пүрэв баасан бямба ням
    luns mércores xoves venres xaneiro febreiro xuño xullo setembro decembro
    """
    )
)
# The weekdays and months of Belarusian, Macedonian, Kyrgyz (with the dative "сентябрга"), Tajik, Esperanto
# (with the accusative "mardon"), Haitian Creole, Kurmanji (with the oblique "sêşemê"), Malagasy, Xhosa (with
# the prefixes "ngo-", "u-", "ku-", "kuka-" its news write them with: "ngoLwesibini", "kukaSeptemba"),
# Javanese and Luxembourgish. Words that are common words of another language are left out (Belarusian
# "люты", Macedonian "среда", Haitian "mas", "me", "out", Kurmanji "în", Luxembourgish "mee").
DATES = DATES | frozenset(
    _expand(
        """
    панядзелак аўторак серада сераду чацвер пятніца пятніцу субота суботу нядзеля нядзелю студзень студзеня
    лютага сакавік сакавіка красавік красавіка травень траўня чэрвень чэрвеня ліпень ліпеня жнівень жніўня
    верасень верасня кастрычнік кастрычніка лістапад лістапада снежань снежня
    понеделник вторник четврток петок сабота недела јануари февруари април мај јуни јули септември октомври
    ноември декември
    дүйшөмбү шейшемби шаршемби бейшемби ишемби жекшемби январга февралга мартка апрелге майга июнга июлга
    августка сентябрга октябрга ноябрга декабрга
    душанбе сешанбе чоршанбе панҷшанбе ҷумъа шанбе якшанбе январ феврал апрел июн июл сентябр октябр ноябр
    декабр
    lund{o,on} mard{o,on} merkred{o,on} ĵaŭd{o,on} vendred{o,on} sabat{o,on} dimanĉ{o,on} januar{o,on}
    februar{o,on} mart{o,on} april{o,on} maj{o,on} juni{o,on} juli{o,on} aŭgust{o,on} septembr{o,on}
    oktobr{o,on} novembr{o,on} decembr{o,on}
    lendi madi mèkredi jedi vandredi samdi dimanch janvye fevriye jiyè septanm oktòb novanm desanm
    duşem{,ê} sêşem{,ê} çarşem{,ê} pêncşem{,ê} yekşem{,ê} şemî şemiyê çile{,yê} sibat{,ê} adar{,ê} nîsan{,ê}
    gulan{,ê} hezîran{,ê} tîrmeh{,ê} tebax{,ê} îlon{,ê} cotmeh{,ê} mijdar{,ê} berfanbar{,ê}
    alatsinainy talata alarobia alakamisy sabotsy alahady janoary febroary martsa aprily jolay aogositra
    septambra oktobra novambra desambra
    mvulo umvulo ngomvulo lwesibini ulwesibini ngolwesibini lwesithathu ulwesithathu ngolwesithathu lwesine
    ulwesine ngolwesine lwesihlanu ulwesihlanu ngolwesihlanu mgqibelo umgqibelo ngomgqibelo cawa ngecawa
    januwari ujanuwari kujanuwari kukajanuwari kajanuwari februwari ufebruwari kufebruwari kukafebruwari
    kafebruwari matshi umatshi kumatshi kukamatshi kamatshi epreli uepreli kuepreli kukaepreli kaepreli julayi
    ujulayi kujulayi kukajulayi kajulayi agasti uagasti kuagasti kukaagasti kaagasti septemba useptemba
    kuseptemba kukaseptemba kaseptemba oktobha uoktobha kuoktobha kukaoktobha kaoktobha novemba unovemba
    kunovemba kukanovemba kanovemba disemba udisemba kudisemba kukadisemba kadisemba
    rebo kemis jemuwah setu
    méindeg dënschdeg mëttwoch donneschdeg freideg samschdeg sonndeg mäerz abrëll
    """
    )
)
# The parts of the day of Dutch, Swedish, Romanian (with the cedilla of older fonts), Turkish, Malay and
# Indonesian, Polish, Croatian, Armenian and Hindi, and the days relative to today of Croatian, Turkish and
# Malay ("ochtend" / "avond", "sabah" / "akşam", "rano" / "wieczorem": pairs23 audit, another time of one day;
# not the Croatian "sutra", tomorrow, an English word).
DATES = DATES | frozenset(
    _expand(
        """
    ochtend{,s} middag{,s} avond{,s} morgon{,en} förmiddag{,en} eftermiddag{,en} kväll{,en,ar} natt{,en}
    dimineață dimineața dimineaţă dimineaţa seară seara noapte{,a} sabah{,ı} akşam{,ı} gece{,si} öğleden
    pagi petang malam siang wieczorem wieczór nocą popołudniu jutra jutros ujutro večer{,i} večeras navečer
    noću popodne առավոտ{,յան} երեկո{,յան} գիշեր{,ը} सुबह शाम रात दोपहर jučer danas dün bugün yarın
    semalam kelmarin
    """
    )
)
DATES_IF_CAPITALISED = frozenset("may march mar sun sat wed mars".split())
# The number of each month's name, with the case forms a day's number takes ("5 marca", "5. ožujka",
# "մարտի 5-ին", "5 მარტს"), and, as 0, the characters that mark a date's parts in Chinese, Japanese and
# Korean ("2024年3月5日", "2024년 3월 5일"): a date written with its month's name or those marks and the
# same date in figures ("05/03/2024", "2024-03-05", "2024.3.5") is one fact written two ways (the core's
# ``verify::same_date``; pairs23 audit). Words that name two months in two languages are left out
# (Croatian "listopad" is October, Polish and Czech "listopad" November), and so are abbreviations that
# are common words ("gen", "ene"). Read only beside figures.
MONTH_NUMBERS = {
    word: int(value)
    for value, words in (
        line.split(":") for line in """
1: january jan januar jänner janvier janv enero gennaio janeiro januari ianuarie styczeń stycznia styczniu leden
    ledna január januára siječanj siječnja siječnju januara ocak tammikuu tammikuussa январь января январе
    січень січня يناير जनवरी იანვარი იანვარს հունվար հունվարի հունվարին มกราคม
2: february feb februar feber février févr febrero febbraio fevereiro februari februarie luty lutego lutym únor
    února február februára veljača veljače februara şubat helmikuu helmikuussa февраль февраля феврале лютий
    лютого فبراير फरवरी თებერვალი თებერვალს փետրվար փետրվարի փետրվարին กุมภาพันธ์
3: march mar märz mars marzo março maart martie marzec marca marcu březen března marec ožujak ožujka mart marta
    maaliskuu maaliskuussa március март марта марте березень березня مارس मार्च მარტი მარტს მარტის մարտ մարտի
    մարտին มีนาคม mac maret
4: april apr avril abril aprile aprilie kwiecień kwietnia kwietniu duben dubna apríl apríla travanj travnja
    travnju aprila nisan huhtikuu huhtikuussa április апрель апреля апреле квітень квітня أبريل अप्रैल აპრილი
    აპრილს ապրիլ ապրիլի ապրիլին เมษายน
5: may mai mayo maggio maio mei maj maja maju květen května máj mája svibanj svibnja svibnju mayıs toukokuu
    toukokuussa május май мая мае травень травня مايو मई მაისი მაისს մայիս մայիսի մայիսին พฤษภาคม
6: june jun juin junio giugno junho juni iunie czerwiec czerwca czerwcu červen června jún júna lipanj lipnja
    lipnju juna haziran kesäkuu kesäkuussa június июнь июня июне червень червня يونيو जून ივნისი ივნისს
    հունիս հունիսի հունիսին มิถุนายน
7: july jul juillet julio luglio julho juli iulie lipiec lipca lipcu červenec července júl júla srpanj srpnja
    srpnju jula temmuz heinäkuu heinäkuussa július июль июля июле липень липня يوليو जुलाई ივლისი ივლისს
    հուլիս հուլիսի հուլիսին กรกฎาคม
8: august aug août agosto augustus augusti sierpień sierpnia sierpniu srpen srpna augusta kolovoz kolovoza
    kolovozu avgust avgusta ağustos elokuu elokuussa augusztus август августа августе серпень серпня أغسطس अगस्त
    აგვისტო აგვისტოს օգոստոս օգոստոսի օգոստոսին สิงหาคม agustus ogos
9: september sep sept septembre septiembre setiembre settembre setembro septembrie wrzesień września wrześniu
    září septembra rujan rujna rujnu eylül syyskuu syyskuussa szeptember сентябрь сентября сентябре вересень
    вересня سبتمبر सितंबर სექტემბერი სექტემბერს սեպտեմբեր սեպտեմբերի սեպտեմբերին กันยายน
10: october oct oktober octobre octubre ottobre outubro octombrie październik października październiku říjen
    října október októbra ekim lokakuu lokakuussa október октябрь октября октябре жовтень жовтня أكتوبر अक्टूबर
    ოქტომბერი ოქტომბერს հոկտեմբեր հոկտեմբերի հոկտեմբերին ตุลาคม
11: november nov novembre noviembre novembro noiembrie studeni studenoga novembra kasım marraskuu
    marraskuussa ноябрь ноября ноябре نوفمبر नवंबर ნოემბერი ნოემბერს նոյեմբեր նոյեմբերի նոյեմբերին
    พฤศจิกายน
12: december dec décembre diciembre dicembre dezembro dezember desember decembrie grudzień grudnia grudniu
    prosinec prosince prosinac prosinca prosincu decembra aralık joulukuu joulukuussa декабрь декабря декабре
    грудень грудня ديسمبر दिसंबर დეკემბერი დეკემბერს დეკემბრის դեկտեմբեր դեկտեմբերի դեկտեմբերին ธันวาคม disember
0: 年 月 日 号 년 월 일
""".strip().replace("\n    ", " ").splitlines()
    )
    for word in words.split()
}

# The weekdays and the days named from today ("yesterday", "gestern", "昨天", "어제"), each as its words
# joined ("segunda-feira" -> "segundafeira", "pazartesi günü" -> "pazartesigünü"): a day named from today
# in one copy and by its weekday in another ("said yesterday" / "said on Monday") is the same day, dated
# by the republisher (the core's ``verify::same_day``; pairs23 audit), where two weekdays or two such days
# are two days. Left out, words of another language (a place or an act and a day would merge): the French
# "hier" (yesterday; German and Dutch "here": "findet hier statt" / "findet am Dienstag statt" merged), the
# Finnish "eilen" (German "to hurry"), the Croatian "sutra" (an English word), the Turkish "pazar" alone
# (Sunday; also "market": "pazar günü" stays).
_WEEKDAYS = """
monday tuesday wednesday thursday friday saturday sunday montag dienstag mittwoch donnerstag freitag samstag
sonnabend sonntag lundi mardi mercredi jeudi vendredi samedi dimanche lunes martes miércoles jueves viernes
sábado domingo lunedì martedì mercoledì giovedì venerdì sabato domenica segundafeira terçafeira quartafeira
quintafeira sextafeira maandag dinsdag woensdag donderdag vrijdag zaterdag zondag måndag{,en,s} tisdag{,en,s}
onsdag{,en,s} torsdag{,en,s} fredag{,en,s} lördag{,en,s} söndag{,en,s} mandag tirsdag lørdag søndag
poniedziałek poniedziałku wtorek wtorku środa środę czwartek czwartku piątek piątku sobota sobotę niedziela
niedzielę pondělí úterý středa středu čtvrtek pátek sobotu neděle neděli ponedjeljak utorak srijeda srijedu
četvrtak petak subota subotu nedjelja nedjelju luni marți marţi miercuri joi vineri sâmbătă duminică pazartesi
salı çarşamba perşembe cuma cumartesi pazartesigünü salıgünü çarşambagünü perşembegünü cumagünü
cumartesigünü pazargünü hétfőn kedden szerdán csütörtökön pénteken szombaton vasárnap maanantaina tiistaina
keskiviikkona torstaina perjantaina lauantaina sunnuntaina понедельник вторник среду четверг пятницу субботу
воскресенье senin selasa rabu kamis jumat sabtu minggu isnin khamis jumaat ahad 月曜日 火曜日 水曜日 木曜日
金曜日 土曜日 日曜日 月曜 火曜 水曜 木曜 金曜 土曜 周一 周二 周三 周四 周五 周六 周日 星期一 星期二 星期三
星期四 星期五 星期六 星期日 星期天 월요일 화요일 수요일 목요일 금요일 토요일 일요일 सोमवार मंगलवार बुधवार
गुरुवार शुक्रवार शनिवार रविवार
"""
_DAYS_FROM_TODAY = """
yesterday today tomorrow gestern heute aujourdhui demain ayer hoy ieri oggi domani ontem hoje amanhã gisteren
vandaag igår idag imorgon wczoraj dziś dzisiaj včera dnes zítra jučer danas azi mâine dün bugün yarın tegnap
holnap tänään huomenna вчера сегодня завтра kemarin semalam besok esok 昨日 昨 今日 明日 昨天 今天 明天 어제
오늘 내일
"""
DAY_NAMES = {**dict.fromkeys(_expand(_DAYS_FROM_TODAY), "today"), **dict.fromkeys(_expand(_WEEKDAYS), "weekday")}

# Units of length and area with their names and abbreviations in many scripts, each written as the
# words that follow a figure, joined ("square metre" -> "squaremetre", Hebrew 'ק"מ' -> "קמ", Tamil
# "கி.மீ." -> "கிமீ", "m²" -> "m2"): after the same figure, two spellings of one unit are one amount
# ("450 वर्ग मीटर" / "450 वर्गमी", "38 קילומטרים" / '38 ק"מ', "450平方米" / "450㎡"; the core's
# ``verify::same_unit``; pairs23 audit), two units two amounts.
UNIT_NAMES = {
    word: unit
    for unit, words in (
        line.split(":") for line in """
km: km kilometre kilometres kilometer kilometers kilometr kilometry kilometrów kilometrach kilómetro kilómetros
    chilometro chilometri quilómetro quilómetros quilômetro quilômetros kilomètre kilomètres kilometru
    kilometri kilometara kilometar kilometrov kilometrů kilometriä километр километра километров кілометр
    кілометри кілометрів км किलोमीटर किमी কিলোমিটার কিমি கிலோமீட்டர் கிமீ קילומטר קילומטרים קמ კილომეტრი
    კილომეტრის კმ կիլոմետր կիլոմետրի կմ 킬로미터 公里 千米 キロメートル
m: m metre metres meter meters metr metry metrów metro metros mètre mètres metri metru metara metar metrov
    metrů metriä метр метра метров метри метрів м मीटर मी মিটার মি மீட்டர் மீ מטר מטרים מ მეტრი მეტრის მ
    մետր մետրի մ 미터 米 メートル
m2: m2 sqm squaremetre squaremetres squaremeter squaremeters metrówkwadratowych metrykwadratowe
    metrkwadratowy vierkantemeter vierkantemeters metrosquadrados metroquadrado metroscuadrados metrocuadrado
    metriquadrati metroquadrato mq mètrecarré mètrescarrés quadratmeter qm metripătrați mp kvadratmeter kvm
    četvornihmetara četvornimetar četvornimetri meterpersegi metrekare वर्गमीटर वर्गमी বর্গমিটার
    מטררבוע מטריםרבועים מר კვადრატულიმეტრი კვადრატულიმეტრის კვმ քառակուսիմետր քառակուսիմետրի քմ 제곱미터
    평방미터 平方米 平方メートル 平米
km2: km2 squarekilometre squarekilometres squarekilometer squarekilometers kilometrówkwadratowych
    vierkantekilometer quilómetrosquadrados kilómetroscuadrados chilometriquadrati kilomètrescarrés
    kilomètrecarré quadratkilometer kvadratkilometer kilometerpersegi वर्गकिलोमीटर वर्गकिमी קמר 平方公里
    平方キロメートル 제곱킬로미터
""".strip().replace("\n    ", " ").splitlines()
    )
    for word in words.split()
}

# Number words (cardinals, ordinals, magnitudes and their abbreviations), each with its
# value, so that "Millionen" / "Mio." / "million" are one number and "zwei" / "drei" are two.
# Digits are found by shape. The articles that are also "one" ("a", "ein", "un", "uno") are
# left out: they are the commonest words there are.
_NUMBERS = """
0: zero null zéro cero zero nul
1: one eins uno
2: two zwei deux dos dois duas twee both beide
3: three drei trois tres tre três drie
4: four vier quatre cuatro quattro quatro
5: five fünf cinq cinco cinque vijf
6: six sechs seis zes
7: seven sieben sept siete sette sete zeven
8: eight acht huit ocho otto oito
9: nine neun neuf nueve nove negen
10: ten zehn dix diez dieci dez tien
11: eleven elf onze undici
12: twelve zwölf douze doce dodici twaalf dozen{,s} dutzend douzaine{,s} docena dozzina
13: thirteen dreizehn treize trece tredici
14: fourteen vierzehn quatorze catorce quattordici
15: fifteen fünfzehn quinze quince quindici
16: sixteen sechzehn seize dieciséis sedici
17: seventeen siebzehn diecisiete diciassette
18: eighteen achtzehn dieciocho diciotto
19: nineteen neunzehn diecinueve diciannove
20: twenty zwanzig vingt veinte venti vinte twintig
30: thirty dreißig dreissig trente treinta trenta trinta dertig
40: forty vierzig quarante cuarenta quaranta quarenta veertig
50: fifty fünfzig cinquante cincuenta cinquanta cinquenta vijftig
60: sixty sechzig soixante sesenta sessanta sessenta zestig
70: seventy siebzig setenta settanta zeventig
80: eighty achtzig quatre-vingts ochenta ottanta oitenta tachtig
90: ninety neunzig noventa novanta negentig
100: hundred{,s} hundert cent{,s} cien{,to,tos} cento cem honderd
1000: thousand{,s} tausend tsd mille mil mila milhar duizend
1e6: million{,s} millionen mio mln mn millón millones milione milioni milhão milhões miljoen{,en}
1e9: billion{,s} bn milliarde{,n} mrd md milliard{,s} mds miliardo miliardi bilhão bilhões miljard{,en}
1e12: trillion{,s} billionen
1/2: half halbe{,n} hälfte moitié mitad metà metade helft
x2: twice double doppelt{,e} doble doppio dobro dubbel
1st: first erst{e,en,er,es} premier première primer{,o,a,os,as} primeir{o,a} eerste
2nd: second zweit{e,en,er,es} deuxième segundo second{o,a} tweede
3rd: third dritt{e,en,er,es} troisième tercer{,o,a} terz{o,a} derde
4th: fourth viert{e,en,er,es} quatrième cuarto quart{o,a} vierde
5th: fifth fünft{e,en,er,es} cinquième quinto quint{o,a} vijfde
零: 零 〇
一: 一
二: 二 两 兩
三: 三
四: 四
五: 五
六: 六
七: 七
八: 八
九: 九
十: 十
百: 百
千: 千
万: 万 萬
亿: 亿 億
"""
# Cardinals of Polish, Russian and Swedish and the rest of Portuguese and Dutch ("sex", "ett",
# "to", "sto" are left out: ordinary words of other languages), ordinals past the fifth, fractions,
# decades and multiplying verbs ("halved", "verdoppelt", "triplicato"); the number words that
# German, Dutch, Italian, Spanish and Portuguese write as one word ("einundzwanzig",
# "quattrocento", "veintidós") are made by rule below (:func:`_compound_numbers`).
_NUMBERS_MORE = """
0: noll ноль нуль
1: één jeden jedna jedno один одна одно одного prim{o,a,i,e}
2: due dwa dwie dwóch два две двух två
3: trzy trzech три трёх трех
4: cztery czterech четыре четырёх fyra
5: pięć pięciu пять пяти fem
6: sześć sześciu шесть шести seks
7: siedem siedmiu семь семи sju syv
8: osiem ośmiu восемь восьми åtta otte åtte
9: dziewięć dziewięciu девять девяти nio
10: dziesięć dziesięciu десять десяти tio
11: jedenaście одиннадцать elva
12: doze dwanaście двенадцать tolv
13: treze dertien trzynaście тринадцать tretton
14: catorze veertien czternaście четырнадцать fjorton
15: vijftien piętnaście пятнадцать femton
16: dezasseis dezesseis zestien szesnaście шестнадцать sexton
17: dezassete dezessete zeventien siedemnaście семнадцать sjutton
18: dezoito achttien osiemnaście восемнадцать arton
19: dezanove dezenove negentien dziewiętnaście девятнадцать nitton
20: dwadzieścia двадцать tjugo
30: trzydzieści тридцать trettio
40: czterdzieści сорок fyrtio
50: pięćdziesiąt пятьдесят femtio
60: sześćdziesiąt шестьдесят sextio
70: siedemdziesiąt семьдесят sjuttio
80: osiemdziesiąt восемьдесят åttio
90: dziewięćdziesiąt девяносто nittio
100: сто hundra
200: dwieście двести
300: trzysta триста
400: czterysta четыреста
500: pięćset пятьсот
1000: tysiąc tysiące tysięcy тысяч{,а,и} tusen
1e6: milion{,y,ów} миллион{,а,ов} miljon{,er} milyon{,u} мільйон{,а,ів} миллион juta
1e9: miliard{,y,ów} миллиард{,а,ов} miljard{,er} milyard{,ı} milyar{,ı} miliar мільярд{,а,ів}
~10: dizaine{,s} decena{,s} decina decine dezena{,s} tientallen dziesiątki десятки десятков
~20: vingtaine{,s} veintena{,s} ventina vintena{,s} twintigtal
~30: trentaine{,s} treintena{,s} trentina
~40: quarantaine{,s} cuarentena quarantina
~50: cinquantaine{,s} cincuentena cinquantina
~60: soixantaine{,s} sessantina
~100: centaine{,s} centenar{,es} centinaio centinaia centena{,s} honderden setki сотни сотен
~1000: millier{,s} millar{,es} migliaio migliaia milhar{,es} duizenden tysiące тысячи
1/2: halv{e,ed,es,ing} halbier{t,en,te,ten,ung} dimezz{ato,ata,are,ò,ano} половин{а,у,ы}
1/3: drittel tiers tercio{,s} terço{,s} thirds
1/4: viertel quart{,s}
3/4: dreiviertel
1/5: fünftel
x2: doubl{ed,es,ing} verdoppel{t,n,te,ten} verdopplung doublé{,e,s,es} doubler duplic{ó,ado,ada,ar,aron,ou}
    raddoppi{ato,ata,are,ò,ano} вдвое
x3: tripl{e,ed,es,ing} verdreifach{t,en,te,ten} tripl{é,ée,er} triplic{ó,ado,ada,ar,aron,ato,ata,are,ò,ou} втрое
3rd: terceir{o,a,os,as} trzeci{,a,e,ego,ej,m,ą} трет{ий,ья,ье,ьи,ьего,ьей,ьему,ьем,ьим,ьих,ью} tredje
    dritt{em} derde
1st: pierwsz{y,a,e,ego,ej,ym,ą} перв{ый,ая,ое,ые,ого,ой,ому,ом,ым,ых,ую} första
2nd: drug{i,a,ie,iego,iej,im,ą} втор{ой,ая,ое,ые,ого,ому,ом,ым,ых,ую}
4th: czwart{y,a,e,ego,ej,ym,ą} четвёрт{ый,ая,ое,ые,ого,ой,ому,ом,ым,ых,ую} четверт{ый,ая,ое,ого,ом} fjärde
5th: piąt{y,a,e,ego,ej,ym,ą} пят{ый,ая,ое,ые,ого,ой,ому,ом,ым,ых,ую} femte
"""

# Cardinals of Welsh (with their mutated forms: "dwy" / "ddwy", "tair" / "dair"), Irish, Icelandic (with the
# dative "tveimur", "þremur"), Armenian, Azerbaijani and Turkish, Mongolian (with the attributive "гурван"),
# Maltese (with the dual "sentejn", two years), Yoruba, Zulu (with the class prefixes of "emibili", "ezintathu"),
# Somali (with "labadii", the two), Hausa, Albanian, Galician, Catalan and Basque: "dwy flynedd" / "tair
# blynedd", "iki ildə" / "üç ildə" are two figures. Words that are common words of another language are left
# out (Welsh "pump", "deg" and "cant": pump, degrees, percent; Irish "sé", "aon" and "fiche"; Azerbaijani
# "bir", "on" and "min"; Catalan "set", "nou", "deu" and "dues"; Basque "bat" and "bi"; Hausa "daya"; Javanese
# "loro", two: Italian "their", with which "i loro figli" / "i due figli" merged as one figure).
# Written from grammar books, as above.
_NUMBERS_WORLD = """
1: einn eitt մեկ нэг wieħed waħda ọ̀kan kow ɗaya
2: dau ddau dwy ddwy dhá dó tveir tvær tvö tveimur tveggja երկու iki хоёр żewġ tnejn sentejn jumejn xahrejn
    méjì mbili zimbili ezimbili emibili amabili ababili kabili labo laba labada labadii biyu dy dous dúas
3: tri dri thri tair dair thair trí þrír þrjár þrjú þremur þriggja երեք üç гурав гурван tlieta tliet mẹ́ta
    ntathu zintathu ezintathu emithathu amathathu abathathu kathathu saddex saddexda saddexdii uku hiru
4: pedwar bedwar phedwar pedair bedair phedair ceithre ceathair fjórir fjórar fjögur fjórum չորս dörd dört
    дөрөв дөрвөн erbgħa mẹ́rin ezine afarta huɗu hudu katër catro quatre
5: phump cúig fimm հինգ beş тав таван ħamsa ħames márùn biyar pesë cinc bost ezinhlanu emihlanu amahlanu
6: chwech chwe վեց altı зургаа зургаан sitta mẹ́fà lix shida gjashtë
7: saith seacht sjö յոթ yeddi yedi долоо долоон sebgħa méje toddoba bakwai shtatë zazpi
8: wyth ocht átta ութ səkkiz sekiz найм найман tmienja tmien mẹ́jọ siddeed takwas tetë vuit zortzi
9: naw naoi níu ինը doqquz dokuz есөн disgħa mẹ́sàn sagaal nëntë bederatzi
10: deich tíu տասը տաս арав арван għaxra għaxar mẹ́wàá toban tobanka dhjetë hamar
20: ugain tuttugu քսան iyirmi yirmi хорь хорин għoxrin labaatan ashirin njëzet hogei
30: tríocha þrjátíu երեսուն otuz гуч гучин tletin soddon talatin tridhjetë
100: hundrað հարյուր зуу зуун mija boqol ɗari njëqind ehun
1000: míle þúsund հազար мянга мянган dubu mijë
1e6: miliwn milliún milljón milljónir milljóna միլիոն сая miljun
1e9: biliwn billiún milljarð{,ar,a,ur} միլիարդ тэрбум biljun
2: эки ду rong roa zwee zwou
3: үч telu telung telo sê dräi
4: төрт чор papat efatra çar véier
5: беш панҷ dimy pênc fënnef
6: алты шаш enem enina şeş
7: жети ҳафт pitu fito siwen
8: сегиз ҳашт wolu aacht
9: тогуз нӯҳ sanga sivy néng
10: даҳ sepuluh folo zéng
"""
# Two to ten in Czech, Greek, Finnish, Hungarian, Indonesian, Swahili, Vietnamese, Arabic, Hebrew, Persian,
# Hindi, Bengali and Tamil news (pairs22 audit: "tři" / "3" is one figure written two ways, "tři" / "4" two).
# Left out: words that are also a common word of a language ("egy" the Hungarian article, "năm" the
# Vietnamese year, "một" / "یک" / "한" an article, "hat" / "hat" German "has", Persian "نه" and Bengali
# "নয়" also "not", Swahili "sita" also "I will not"; "ba" stays: "father" is rare in news).
_NUMBERS_MORE_WORLD = """
2: dva dvě dvou δύο kaksi kahden két kettő mbili hai اثنان اثنين اثنتان שניים שתיים שני שתי دو दो দুই இரண்டு
3: tři tří třech τρεισ τρία τριών kolme kolmen három tiga tatu ba ثلاثة ثلاث שלושה שלוש سه तीन তিন மூன்று
4: čtyři čtyř τέσσερισ τέσσερα neljä neljän négy empat nne bốn أربعة أربع ארבעה ארבע چهار चार চার நான்கு
5: pět pěti πέντε viisi viiden öt lima tano خمسة خمس חמישה חמש پنج पांच पाँच পাঁচ ஐந்து
6: šest šesti έξι kuusi kuuden enam sáu ستة שישה שש شش छह ছয় ஆறு
7: sedm sedmi επτά εφτά seitsemän hét tujuh saba bảy سبعة سبع שבעה שבע هفت सात সাত ஏழு
8: osm osmi οκτώ οχτώ kahdeksan nyolc delapan nane tám ثمانية ثماني שמונה هشت आठ আট எட்டு
9: devět devíti εννέα εννιά yhdeksän kilenc sembilan tisa chín تسعة تسع תשעה תשע नौ ஒன்பது
10: deset deseti δέκα kymmenen tíz sepuluh kumi mười عشرة عشر עשרה עשר ده दस দশ பத்து
"""


def _compound_numbers() -> str:
    """Returns ``value: words`` lines of the ordinals past the fifth and of the number words written as one word.

    Made by each language's rule from its unit, ten and hundred words: German and Dutch say the
    unit first ("einundzwanzig", "eenentwintig"), Italian and Swedish the ten first, dropping
    Italian's last vowel before "uno" and "otto" ("ventuno", "ventotto"); hundreds and thousands
    join their multiplier ("zweihundert", "quattrocento", "tweeduizend", "duemila"). Spanish and
    Portuguese hundreds and Spanish twenties are irregular and listed.
    """
    lines: dict[str, list[str]] = {}

    def add(value: int | str, *words: str) -> None:
        lines.setdefault(str(value), []).extend(words)

    de_units = "ein zwei drei vier fünf sechs sieben acht neun".split()
    de_tens = "zwanzig dreißig vierzig fünfzig sechzig siebzig achtzig neunzig".split()
    nl_units = "een twee drie vier vijf zes zeven acht negen".split()
    nl_tens = "twintig dertig veertig vijftig zestig zeventig tachtig negentig".split()
    it_units = "uno due tre quattro cinque sei sette otto nove".split()
    it_tens = "venti trenta quaranta cinquanta sessanta settanta ottanta novanta".split()
    sv_units = "ett två tre fyra fem sex sju åtta nio".split()
    sv_tens = "tjugo trettio fyrtio femtio sextio sjuttio åttio nittio".split()
    for t, (de_t, nl_t, it_t, sv_t) in enumerate(zip(de_tens, nl_tens, it_tens, sv_tens), start=2):
        add(f"{t}0s", f"{de_t}er")  # "zwanziger", "fünfziger"
        for u, (de_u, nl_u, it_u, sv_u) in enumerate(zip(de_units, nl_units, it_units, sv_units), start=1):
            value = 10 * t + u
            add(value, f"{de_u}und{de_t}", f"{nl_u}{'ën' if nl_u.endswith('e') else 'en'}{nl_t}", f"{sv_t}{sv_u}")
            add(value, (it_t[:-1] if it_u[0] in "uo" else it_t) + ("tré" if it_u == "tre" else it_u))
    add("30s", "dreissiger")
    for h, (de_u, nl_u, it_u) in enumerate(zip(de_units, nl_units, it_units), start=1):
        add(100 * h, f"{de_u}hundert", f"{nl_u}honderd", *([f"{it_u}cento"] if h > 1 else []))
        add(1000 * h, f"{de_u}tausend", f"{nl_u}duizend", *([f"{it_u}mila"] if h > 1 else []))
    for h, (es, pt) in enumerate(
        zip(
            "dos tres cuatro quin seis sete ocho nove".split(),
            "duz trez quatro quinh seis sete oito nove".split(),
        ),
        start=2,
    ):
        es_stem = {"quin": "quinient", "sete": "setecient", "nove": "novecient"}.get(es, f"{es}cient")
        pt_stem = {"duz": "duzent", "trez": "trezent", "quinh": "quinhent"}.get(pt, f"{pt}cent")
        add(100 * h, *(es_stem + e for e in ("os", "as")), *(pt_stem + e for e in ("os", "as")))
    twenties = "iuno iún iuna idós idos itrés itres icuatro icinco iséis iseis isiete iocho inueve".split()
    values = [1, 1, 1, 2, 2, 3, 3, 4, 5, 6, 6, 7, 8, 9]
    for tail, u in zip(twenties, values):
        add(20 + u, "vein" + "t" + tail)
    for tens, decade in zip("twenties thirties forties fifties sixties seventies eighties nineties".split(), range(2,
    10)):
        add(f"{decade}0s", tens)
    # Ordinals past the fifth: English, French, Dutch and Swedish as written (English and French
    # also plural: "sixths", "vingtièmes"), German, Romance, Polish and Russian stems with their endings.
    ordinals = {
        6: ("sixth sixième zesde sjätte", "sechst", "sext sest sétim", "szóst", "шест"),
        7: ("seventh septième zevende sjunde", "siebt siebent", "séptim septim settim sétim", "siódm", "седьм"),
        8: ("eighth huitième achtste åttonde", "acht", "octav ottav oitav", "ósm", "восьм"),
        9: ("ninth neuvième negende nionde", "neunt", "noven non", "dziewiąt", "девят"),
        10: ("tenth dixième tiende tionde", "zehnt", "décim decim", "dziesiąt", "десят"),
        11: ("eleventh onzième elfde", "elft", "undécim undicesim", "jedenast", ""),
        12: ("twelfth douzième twaalfde", "zwölft", "duodécim dodicesim", "dwunast", ""),
        13: ("thirteenth treizième", "dreizehnt", "tredicesim", "trzynast", ""),
        14: ("fourteenth quatorzième", "vierzehnt", "quattordicesim", "czternast", ""),
        15: ("fifteenth quinzième", "fünfzehnt", "quindicesim", "piętnast", ""),
        16: ("sixteenth seizième", "sechzehnt", "sedicesim", "szesnast", ""),
        17: ("seventeenth", "siebzehnt", "diciassettesim", "siedemnast", ""),
        18: ("eighteenth", "achtzehnt", "diciottesim", "osiemnast", ""),
        19: ("nineteenth", "neunzehnt", "diciannovesim", "dziewiętnast", ""),
        20: ("twentieth vingtième twintigste", "zwanzigst", "vigésim ventesim", "dwudziest", "двадцат"),
        30: ("thirtieth trentième", "dreißigst", "trigésim trentesim", "trzydziest", "тридцат"),
        40: ("fortieth quarantième", "vierzigst", "quarantesim", "", ""),
        50: ("fiftieth cinquantième", "fünfzigst", "cinquantesim", "", ""),
        100: ("hundredth centième honderdste", "hundertst", "centésim centesim", "", ""),
        1000: ("thousandth millième", "tausendst", "millesim", "", ""),
    }
    endings = (
        ("",),
        ("e", "en", "er", "es", "em"),
        ("o", "a", "os", "as", "i", "e"),
        ("y", "a", "e", "ego", "ej", "ym", "ą", "ych"),
        ("ый", "ой", "ая", "ое", "ые", "ого", "ому", "ом", "ым", "ых", "ую"),
    )
    for value, groups in ordinals.items():
        for stems, ends in zip(groups, endings):
            for stem in stems.split():
                plural = ("s",) if stem.endswith(("th", "ième")) else ()
                add(f"{value}th", *(stem + e for e in ends + plural))
    return "\n".join(f"{value}: {' '.join(words)}" for value, words in lines.items())


# Ordinals past the first of Turkish, Malay and Indonesian, Romanian ("a doua", "al doilea"), Croatian,
# Portuguese, Armenian, Georgian, Hindi and Hebrew (with the article: "השנייה"), and the Swedish "näst" of
# "näst största" (second largest): a rank (pairs23 audit: "the second largest" / "the largest", "üçüncü" /
# "dördüncü"); and two to ten in Croatian and Romanian ("četiri" / "pet"), less "pet" (English), "opt"
# (English) and "nouă" (also "new").
_ORDINALS_WORLD = """
2nd: ikinci kedua doua doilea drugi druga drugo segund{a,as} երկրորդ მეორე दूसरा दूसरी दूसरे השני השנייה näst
3rd: üçüncü ketiga treia treilea treći treća treće երրորդ მესამე तीसरा तीसरी तीसरे השלישי השלישית
4th: dördüncü keempat patra patrulea četvrti četvrta četvrto չորրորդ მეოთხე चौथा चौथी चौथे הרביעי הרביעית
2: dvije doi două
3: trei
4: četiri patru
5: cinci
6: šest șase şase
7: sedam șapte şapte
8: osam
9: devet
10: deset zece
5th: beşinci kelima cincea cincilea հինգերորդ მეხუთე पाँचवाँ पांचवां पाँचवीं החמישי החמישית
"""
NUMBER_VALUES = _classes(
    _NUMBERS + _NUMBERS_MORE + _NUMBERS_WORLD + _NUMBERS_MORE_WORLD + _ORDINALS_WORLD + _compound_numbers()
)
NUMBER_WORDS = frozenset(NUMBER_VALUES)

# Units that follow a figure and are spelt out or written as a sign ("50 Prozent" / "50 %"):
# no names, even capitalised.
UNITS = frozenset(
    """
    percent per cent prozent pourcent procent porcentaje percento % ‰ ‱
    """.split()
)

# Honorifics and titles before a name: wire copies drop them ("Mr. Smith" / "Smith"), so
# they are never facts themselves, capitalised or not.
HONORIFICS = frozenset(
    """
    mr mrs ms miss dr prof sir madam mister messrs
    herr frau hr fr dr prof
    m mme mmes mlle mlles monsieur madame messieurs me mgr
    sr sra srta don doña señor señora sres
    sig sigra signor signora signore dott dottor dottoressa
    senhor senhora sra
    dhr mevr mw
    """.split()
)

# Sentence adverbs and connectives that open a sentence capitalised ("Meanwhile, ...",
# "Jedoch ..."): capitalised there, they are still no names.
CONNECTIVES = frozenset(
    _expand(
        """
    however meanwhile moreover furthermore also still now already yet thus therefore hence instead indeed besides
    nevertheless nonetheless additionally finally then recently currently previously initially eventually
    meanwhile overall notably similarly likewise consequently accordingly otherwise anyway anyhow often usually
    perhaps maybe probably certainly clearly apparently reportedly according here there
    jedoch allerdings außerdem zudem inzwischen mittlerweile unterdessen derweil dennoch trotzdem deshalb daher
    deswegen nun jetzt bereits schon ebenfalls indes freilich schließlich zunächst dabei damit dazu dafür darüber
    dort laut gleichzeitig zugleich vielmehr stattdessen immerhin übrigens
    cependant toutefois pourtant néanmoins désormais déjà aussi encore ainsi donc alors enfin ensuite selon
    sinon puis certes également notamment
    embargo además mientras entretanto también todavía aún así entonces finalmente según
    tuttavia però inoltre intanto frattanto anche già ancora quindi dunque così infine
    porém contudo entretanto além também já ainda assim portanto então finalmente
    echter maar bovendien ondertussen intussen ook nog dus daarom toch volgens
    often sometimes usually generally frequently mostly mainly largely especially particularly rather quite
    almost nearly just even soon once twice again instead thereby nonetheless although though while whereas
    oft häufig manchmal meist meistens gewöhnlich besonders vor allem fast beinahe bald wieder ebenso sogar
    obwohl während hingegen dagegen zwar außerdem ferner
    souvent parfois généralement habituellement surtout presque bientôt même aussi cependant tandis quoique
    bien néanmoins d'ailleurs toujours
    menudo veces generalmente normalmente sobre todo casi pronto incluso aunque mientras sin embargo
    spesso talvolta volte generalmente soprattutto quasi presto persino anche sebbene mentre tuttavia
    frequentemente vezes geralmente sobretudo quase logo até embora enquanto
    vaak soms meestal vooral bijna gauw zelfs hoewel terwijl
    """
    )
)

# Function words of languages STOPWORDS does not cover (Portuguese, Dutch, Swedish, Danish and
# Norwegian, Polish, Russian; Irish prepositions, "faoin gcéad" being "per cent"): articles, pronouns,
# prepositions, conjunctions and auxiliaries.
# Capitalised at the start of a sentence they are still no names ("Naar verluidt", "Jak podała",
# "По данным"). Kept apart from STOPWORDS, which also tells prose from labels in the five
# languages the boilerplate rules were measured on. "segundo" / "secondo" (see NOT_FACTS) too.
MORE_FUNCTION_WORDS = frozenset(
    """
    o a os as um uma uns umas de do da dos das em no na nos nas num numa por pelo pela pelos pelas para com e ou mas
    que se como mais ao à aos às é são foi foram ser está estão tem têm há sua seu suas seus ele ela eles elas isso
    este esta esse essa aquele aquela também já ainda muito segundo secondo
    de het een en van in op te met voor aan bij uit over naar als dat die dit deze is zijn was waren wordt
    worden werd heeft hebben had er ook nog maar om tot hij zij ze wij we je u hun haar ons onze al wel
    och i på att det som en ett är av för med har de om var vid från så men eller hon vi ni sin sitt
    sina efter under över enligt också redan nu när där här ska skulle hade blev blir og af er et fra hun jeg
    ifølge
    i w we z ze na do od o po przez dla za przy jak że to jest są był była było byli się oraz lub czy który
    która które tym tej ten ta te jego jej ich już także też według podczas
    и в во на с со к ко о об от по за из для до при как что это этот эта эти был была было были быть он она они
    мы вы его её их уже также тоже но или а же ли чтобы который которая которые согласно
    ο η το οι τα του τησ των τον την τισ τουσ τοισ και σε στο στη στην στον στα με για από ότι να θα
    của và các những một được là có cho với trong phần
    faoin faoi agus leis don sna ón chun
    """.split()
)
# The same for the scripts without case (Arabic, Hebrew, Devanagari, Hangul, Georgian; the verbs of
# saying of Persian, Urdu, Bengali, Tamil, Telugu, Gujarati, Punjabi, Amharic and Sinhala too), where every other
# word may be a name (``shingle.uncased_words``): prepositions, conjunctions, pronouns, auxiliaries,
# "according to" and the verbs of saying that wire copies swap ("said" / "stated"), with the
# attached conjunction or preposition their news write most ("وقال", "ووفقا").
MORE_FUNCTION_WORDS = MORE_FUNCTION_WORDS | frozenset(
    """
    في من إلى على عن مع أن إن أنه إنه أنها كان كانت يكون هذا هذه ذلك تلك التي الذي الذين و أو ثم قد لقد كما
    بعد قبل حتى عند بين خلال وفي ومن وعلى وأن وإن كل أي هو هي هم ما لكن بل أيضا حسب بحسب وبحسب وفقا ووفقا
    قال وقال قالت وقالت أعلن وأعلن أعلنت أكد وأكد أضاف وأضاف
    של את על עם אל כי גם זה זו זאת הוא היא הם הן אשר או אבל כל לפי בין אחרי לפני עד כמו רק מאוד לדברי
    אמר אמרה הודיע הודיעה מסר מסרה הוסיף הוסיפה
    का की के को में से पर और या है हैं था थी थे ने भी यह वह इस उस कि तो जो एक लिए अनुसार तथा एवं
    कहा बताया
    그리고 그러나 하지만 또한 및 등 이 그 저 것 수 때 더 또 이번 따르면 위해
    말했다 밝혔다 전했다 설명했다 덧붙였다
    და რომ ან მაგრამ თუ ეს ის ამ იმ არის იყო ასევე უკვე ხოლო თქმით მიხედვით განაცხადა თქვა აღნიშნა
    گفت گفته اعلام کرد افزود کہا بتایا کہنا বলেন বলেছেন জানান জানিয়েছেন தெரிவித்தார் கூறினார் கூறுகையில்
    என்றார் என்று கூறியுள்ளார் தெரிவித்துள்ளார் குறிப்பிட்டார் చెప్పారు తెలిపారు అన్నారు పేర్కొన్నారు
    వెల్లడించారు કહ્યું જણાવ્યું ઉમેર્યું ਕਿਹਾ ਦੱਸਿਆ ਆਖਿਆ ਕਹਿਆ ተናግረዋል ገልጸዋል አስታውቀዋል ብለዋል ተናግሯል
    ገልጿል පැවසීය පැවසුවේ පැවසුවා කීය කියා සිටියේ සඳහන් කළේය தெரிவிக்கையில்
    dúirt deir dywedodd meddai për
    """.split()
)


# Function words whose presence marks a paragraph as German, where every noun is
# capitalised (so capitalisation alone is no name): words of no other common language.
GERMAN_MARKERS = frozenset(
    """
    der das und ist nicht eine einen einem einer eines mit sich auch dem wird werden wurde wurden sind dass für
    auf von im bei aus noch nur oder aber wie sie zum zur nach über hat haben
    """.split()
)


# Persian and Urdu write their own yeh and kaf ("ی", "ک"), and copies of their pages typed on an
# Arabic keyboard the Arabic letters ("ي", "ك"): ``dedup.shingle`` reads the two as the Arabic ones, as
# it reads a Traditional Chinese character as its Simplified form, so that "بیماران" and "بيماران"
# are one word. Every lexicon word that holds them is also listed as it is read there.
LETTER_FOLDS = {"\u06cc": "\u064a", "\u06a9": "\u0643"}
_LETTER_TABLE = str.maketrans(LETTER_FOLDS)


def _letters_folded(item: object) -> object:
    """Returns a lexicon word (or a tuple of words) with :data:`LETTER_FOLDS` applied; anything else as it is."""
    if isinstance(item, str):
        return item.translate(_LETTER_TABLE)
    if isinstance(item, tuple) and all(isinstance(w, str) for w in item):
        return tuple(w.translate(_LETTER_TABLE) for w in item)
    return item


def _with_folded_letters(value: object) -> object:
    """Returns a lexicon (a frozenset of words, or a dict keyed by words) with the folded form of each word added."""
    if isinstance(value, frozenset):
        return value | frozenset(map(_letters_folded, value))
    if isinstance(value, dict):
        return {**{_letters_folded(k): v for k, v in value.items()}, **value}
    return value


for _name in [n for n in globals() if n.isupper() and n != "LETTER_FOLDS"]:
    globals()[_name] = _with_folded_letters(globals()[_name])
