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
    δεν μη μην ποτέ όχι ούτε χωρίς
    tidak tak bukan belum tanpa jangan tiada
    不 没 沒 无 無 非 未 别 別 莫 勿
    nije nikad nikada nema ništa nitko ništa nikoli nič mitte pole nėra nav
    안 못 않 없 không chưa chẳng لا لم لن ليس بدون לא אין नहीं मत
    """
    )
)

# Fixed expressions whose first word is a negation word that negates nothing ("sin embargo",
# "no obstante": however; "none the less"): connectives, added or dropped like any other. Not
# "not only": dropping "nicht" from "nicht nur ..., sondern auch" leaves "only".
NOT_NEGATIONS = frozenset([("sin", "embargo"), ("no", "obstante"), ("none", "the")])

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
POLARITY = _classes(_POLES)

# Prefixes that negate the word they precede ("unable", "illegal", "unmöglich", "impossible",
# "désaccord", "incapaz"): a word replaced by itself with one of them is a polarity flip.
NEGATING_PREFIXES = frozenset("un in im il ir dis non des dés mis miss anti".split())

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
DATES_IF_CAPITALISED = frozenset("may march mar sun sat wed mars".split())

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
1st: first erst{e,en,er,es} premier première primer{,o,a} primeir{o,a} eerste
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
NUMBER_VALUES = _classes(_NUMBERS)
NUMBER_WORDS = frozenset(NUMBER_VALUES)

# Units that follow a figure and are spelt out or written as a sign ("50 Prozent" / "50 %"):
# no names, even capitalised.
UNITS = frozenset(
    """
    percent per cent prozent pourcent procent porcentaje percento
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

# Function words whose presence marks a paragraph as German, where every noun is
# capitalised (so capitalisation alone is no name): words of no other common language.
GERMAN_MARKERS = frozenset(
    """
    der das und ist nicht eine einen einem einer eines mit sich auch dem wird werden wurde wurden sind dass für
    auf von im bei aus noch nur oder aber wie sie zum zur nach über hat haben
    """.split()
)
