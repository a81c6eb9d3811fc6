r"""The built-in rules' UI vocabulary in more languages, one table per language.

The rows of :data:`nettoyeur.boilerplate.rule_table.BUILTIN` are written in English, French,
German, Spanish and Italian. Every other language lives here, one dict per language (this
module: the Latin-script languages of Europe and beyond; :mod:`nettoyeur.boilerplate.rule_languages_more`:
Cyrillic, Greek, Japanese, Chinese, Korean, Arabic, Hebrew, Hindi), so that a language is
added by adding one dict, and a reviewer reads one language at a time. A dict's keys are:

- a *marker key*: a row's template holds ``‹langs›`` (key: the row's name) or
  ``‹langs:KEY›`` where other languages' words go (inside a group, or as a whole-line
  alternative at the end). The value is a regular expression in the row's own terms (masks
  and fragments allowed), or ``(expression, needles)`` for a row with needles: lower-case
  substrings one of which every line the expression matches holds (a row whose needles
  are digits takes expressions with ``‹num›``, ``‹stamp›`` or ``\d`` without needles).
- a *fragment*: ``‹legal›``, ``‹address›``, ``‹published›`` ... (see
  :data:`nettoyeur.boilerplate.rules.FRAGMENTS`), whose words are added to the fragment's;
  ``months`` and ``weekdays`` (plain words, lower case, ``|`` between them) and ``date`` (an
  expression) add to the ``‹date›`` mask.

A marker expands to ``(?:e1|e2|...)`` of every language's expression, in the order of
:data:`LANGUAGES`: alternatives only add lines a row matches, so every line a row matched
before still matches it, and the rows fire in the same order. The words are the ones web
sites in each language label their chrome with (general knowledge of site furniture), and
like the rest of the table each expression matches the *whole* line, under the row's word
limit. Text without spaces (Japanese, Chinese) counts two characters a word
(:func:`nettoyeur.boilerplate.line_shapes.count_words`), so a row's limit reads about
twice as many characters there; ``\b`` never falls between two CJK characters, so their
entries do not use it.
"""

from __future__ import annotations

import re

from nettoyeur.boilerplate.rule_languages_more import MORE_LANGUAGES

# An entry: an expression, or (expression, needles).
Entry = str | tuple[str, tuple[str, ...]]

PT: dict[str, Entry] = {
    "gallery-counter": r"(?:foto|imagem)\s+\d+\s*(?:de|/)\s*\d+",
    "here": r"você está aqui|está aqui",
    "photo-word": (r"foto|fotografia|imagem", ('foto', 'imagem')),
    "comment-form": (
        r"o (?:seu )?endereço de e-?mail não será publicado\.?(?:\s*.{0,80}\*\.?)?"
        r"|salvar (?:meus dados|o meu nome).{0,80}navegador.{0,60}",
        ("publicad", "navegador"),
    ),
    "listing-control": r"adicionar (?:ao carrinho|ao cesto|aos favoritos|à lista de desejos)|comprar (?:agora|já)"
    r"|comprar (?:bilhetes?|ingressos?)",
    "feedback": r"(?:esta|este) (?:página|artigo|resposta|informação) (?:foi|é|lhe foi|te foi) útil|isto foi útil",
    "skip-link": r"(?:ir|saltar|pular|avançar)(?: direta?mente)? para (?:o |a )?(?:conteúdo(?: principal)?"
    r"|menu(?: principal)?|navegação(?: principal)?|rodapé|pesquisa|busca)",
    "back-link": r"(?:voltar|regressar|retornar) (?:ao|à|para o|para a) (?:topo|início|página inicial|lista)",
    "menu-label": r"(?:abrir|fechar|mostrar|esconder) (?:o )?menu|menu principal|navegação(?: principal)?",
    "‹home›": r"início|página inicial|principal",
    "‹nav-label›": r"(?:ir|saltar|pular|voltar|regressar) (?:para|a|ao|à)|secções|seções|editorias"
    r"|tópicos|temas|navegação|acesso rápido"
    r"|(?:links|ligações)(?: úteis| rápid[oa]s| relacionad[oa]s| patrocinad[oa]s)?",
    "ui-label": r"início|página inicial|pesquisar|procurar|pesquisa|fechar|voltar|seguinte|próxim[oa]|mais"
    r"|(?:ouvir|ouça|escutar|escute) (?:este |o )?(?:artigo|texto|notícia)"
    r"|ver (?:mais|tudo|todos)|(?:ver|carregar|mostrar) mais [^\W\d_]+|carregar mais|mostrar mais|voltar ao topo|topo"
    r"|mapa do site|a carregar\.*"
    r"|carregando\.*|ecrã inteiro|tela cheia",
    "search": r"(?:pesquisar|procurar|buscar)(?: (?:no|neste) (?:site|blog))?\s*:|pesquisa\s*:"
    r"|(?:pesquisar|procurar) (?:no|neste) (?:site|blog)",
    "account": r"(?:entrar|iniciar sessão|sair|terminar sessão|registar|registrar|registe-se|registre-se|cadastre-se"
    r"|cadastrar|criar (?:uma )?conta|(?:a )?minha conta|fazer login)(?:\s*[/|]\s*(?:entrar|registar|registrar"
    r"|registe-se|cadastre-se|criar conta|sair))*",
    "share-label": r"(?:partilhar|compartilhar|partilhe|compartilhe)(?: (?:este artigo|esta notícia|no|na|via|com))?"
    r"(?:‹sep›‹social›)*|imprimir(?: (?:este artigo|esta página|notícia|receita))?|enviar (?:por e-?mail|a um amigo)"
    r"|(?:salvar|guardar) (?:receita|artigo|notícia)",
    "social-list": r"(?:siga-nos|segue-nos|acompanhe-nos)(?: n[oa]s?)?(?:‹sep›‹social›)*\s*:?",
    "read-also": r"leia (?:também|mais)|veja (?:também|mais)|leia a seguir|você (?:também )?pode gostar",
    "related-label": r"(?:artigos|posts|notícias|matérias) (?:relacionad[oa]s|recentes)|mais (?:lidas?|vistas?)"
    r"|últimas notícias|relacionad[oa]s|destaques",
    "read-more": r"ler mais|continuar a ler|continue lendo|saiba mais|ler o artigo completo",
    "comments": r"(?:‹num›\s*)?comentários?|(?:sem|nenhum) comentários?|deix(?:e|ar) (?:um|o seu|seu) comentário"
    r"|comente|cancelar resposta|(?:os )?comentários estão fechados",
    "subscribe": r"assine(?: já)?|subscrever|subscreva|inscreva-se|assinar(?: a newsletter)?"
    r"|receba (?:a |o |as |os )?[^\W\d_]+(?: [^\W\d_]+)? (?:por|no seu) e-?mail"
    r"|receba (?:a nossa|nossa) newsletter",
    "cookie-button": r"aceitar(?: todos| tudo| cookies)?|rejeitar(?: todos)?|recusar|concordo|aceito"
    r"|(?:configurações|definições) de cookies|gerir cookies",
    "copyright": ("todos os direitos reservados", ("reservados",)),
    "tags": r"etiquetas|categorias?|assuntos|palavras-chave",
    "ad-label": r"publicidade|anúncio|patrocinado|conteúdo patrocinado|continua (?:depois|após) (?:da )?publicidade",
    # An age may follow "updated" (the row of the five built-in languages reads the age alone).
    "time-line": r"(?:(?:atualizad[oa]|publicad[oa])\s*:?\s*)?há ‹num›\s*(?:minutos?|horas?|dias?)"
    r"|‹num›\s*min(?:utos)? de leitura"
    r"|tempo de leitura:?\s*‹num›.{0,12}",
    "‹legal›": r"política de privacidade|política de cookies|termos (?:de uso|e condições|de utilização|de serviço)"
    r"|contacto|contato|contactos|contatos|fale conosco|contacte-nos|sobre nós|quem somos|ficha técnica|expediente"
    r"|acessibilidade|publicidade|anuncie|trabalhe conosco|ajuda|perguntas frequentes|mapa do site|arquivo",
    "‹address›": r"você|vocês|nós|nosso|nossa|nossos|nossas|seu|sua|seus|suas|utilizamos|usamos",
    "‹web›": r"sítio|navegação|navegador|experiência|configurações|definições|preferências|consentimento|dados"
    r"|aceit\w*|concord\w*|terceiros|personaliz\w*|publicidade|análise|privacidade",
    "‹published›": r"atualizado|atualizada|publicada|postado",
    "‹on›": r"em",
    "‹step›": r"próxim[oa]|seguinte",
    "months": r"janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro",
    "weekdays": "segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira",
}

NL: dict[str, Entry] = {
    "gallery-counter": r"(?:(?:foto|afbeelding)\s+)?\d+\s*van\s*\d+",
    "here": r"u bent hier|je bent hier|u bevindt zich hier",
    "photo-word": (r"foto|beeld|afbeelding", ('foto', 'beeld', 'afbeelding')),
    "comment-form": (
        r"(?:je|uw) e-?mailadres wordt niet gepubliceerd\.?(?:\s*.{0,80}\*.{0,40})?"
        r"|mijn naam, e-?mail(?:adres)? en (?:site|website) opslaan in deze browser.{0,80}",
        ("gepubliceerd", "browser"),
    ),
    "listing-control": r"(?:in|aan) (?:de |mijn )?winkel(?:wagen|mandje)"
    r"|toevoegen aan (?:winkelwagen|verlanglijst|favorieten)"
    r"|nu bestellen|koop nu",
    "feedback": r"(?:was|is) (?:deze|dit) (?:pagina|informatie|artikel|antwoord|review) (?:nuttig|behulpzaam)"
    r"|heeft (?:deze|dit) (?:pagina|informatie|artikel|antwoord) (?:je|u) geholpen",
    "skip-link": r"(?:(?:ga|spring|direct) )?naar (?:de )?(?:inhoud|hoofdinhoud|navigatie|hoofdmenu|zoeken|footer)"
    r"|(?:inhoud|navigatie|menu) overslaan|overslaan en naar (?:de )?(?:inhoud|hoofdinhoud) gaan",
    "back-link": r"(?:terug|ga terug) naar (?:boven|de top|het begin|home|de homepage|het overzicht|overzicht|de lijst)"
    r"|naar boven",
    "menu-label": r"(?:menu|navigatie) (?:openen|sluiten|tonen|verbergen)|(?:open|sluit) (?:het )?menu|hoofdmenu"
    r"|navigatiemenu",
    "‹home›": r"startpagina|hoofdpagina|overzicht",
    "‹nav-label›": r"(?:ga|spring|direct|terug) naar|rubrieken|secties|onderwerpen|navigatie|snelkoppelingen"
    r"|(?:snelle|handige|nuttige|gerelateerde) links",
    "ui-label": r"zoeken|sluiten|terug|vorige|volgende|meer|toon meer|meer laden|bekijk alles|alles bekijken|naar boven"
    r"|inhoudsopgave|(?:bezig met )?laden\.*|volledig scherm|startpagina",
    "search": r"zoeken(?: op (?:deze )?(?:site|website))?\s*:|zoek(?: op (?:deze )?(?:site|website)| naar)\s*:?"
    r"|doorzoek (?:deze )?(?:site|website)",
    "account": r"(?:inloggen|aanmelden|uitloggen|afmelden|registreren|mijn account|mijn profiel|account aanmaken"
    r"|maak (?:een )?account aan|log uit)(?:\s*[/|]\s*(?:inloggen|aanmelden|registreren|uitloggen"
    r"|account aanmaken))*",
    "share-label": r"(?:delen|deel(?: dit(?: artikel| bericht)?)?)(?: (?:op|via))?(?:‹sep›‹social›)*"
    r"|(?:artikel |pagina |recept )?printen|print (?:dit )?(?:artikel|pagina|recept)"
    r"|(?:stuur|mail) (?:dit )?(?:artikel )?door|doorsturen|(?:bewaar|opslaan) (?:recept|artikel)"
    r"|recept (?:bewaren|opslaan)",
    "social-list": r"volg (?:ons|mij)(?: op)?(?:‹sep›‹social›)*\s*:?",
    "read-also": r"lees ook|zie ook|bekijk ook|ook interessant|meer over dit onderwerp",
    "related-label": r"gerelateerde (?:artikelen|berichten)|meest gelezen|populaire (?:artikelen|berichten)"
    r"|laatste nieuws|recente (?:berichten|artikelen)|meer nieuws|uitgelicht|aanbevolen|gerelateerd",
    "read-more": r"lees meer|lees verder|verder lezen|meer lezen|meer informatie|lees het hele artikel",
    "comments": r"(?:‹num›\s*)?(?:reacties?|opmerkingen)|geen reacties|(?:laat|plaats|schrijf) een reactie(?: achter)?"
    r"|reageer|reageren|antwoord annuleren|reacties zijn gesloten",
    "subscribe": r"abonneer(?: je| u)?|abonneren|schrijf je in(?: voor (?:de|onze) nieuwsbrief)?"
    r"|aanmelden voor (?:de|onze) nieuwsbrief|word abonnee|neem een abonnement",
    "newsletter": (r"nieuwsbrie(?:f|ven)", ("nieuwsbrie",)),
    "cookie-button": r"(?:alle )?(?:cookies )?accepteren|accepteer(?: alle(?: cookies)?)?|akkoord|(?:alles )?weigeren"
    r"|cookie-?instellingen|cookies beheren|instellingen beheren|ik ga akkoord",
    "copyright": ("alle rechten voorbehouden", ("voorbehouden",)),
    "tags": r"trefwoorden|categorie(?:ën)?|onderwerpen|labels",
    "ad-label": r"advertentie|gesponsord|gesponsorde inhoud",
    "time-line": r"(?:(?:gepubliceerd|geplaatst|bijgewerkt)\s*:?\s*)?‹num›\s*(?:minuten|minuut|uur|dagen|dag) geleden"
    r"|leestijd:?\s*‹num›.{0,12}"
    r"|‹num›\s*min(?:uten)? leestijd",
    "‹legal›": r"privacybeleid|privacyverklaring|cookiebeleid|cookieverklaring|algemene voorwaarden"
    r"|gebruiksvoorwaarden|disclaimer|colofon|over ons|toegankelijkheid|adverteren|vacatures|veelgestelde vragen"
    r"|klantenservice|archief",
    "‹address›": r"jij|jouw|uw|wij|ons|onze",
    "‹web›": r"website|browser|ervaring|instellingen|voorkeuren|toestemming|akkoord|gegevens|derden|advertenties"
    r"|analyse\w*|privacybeleid|cookiebeleid",
    "‹use›": r"gebruik\w*|plaats\w*",
    "‹this-site›": r"\bdeze (?:website|site)\b",
    "‹call›": r"abonneer\w*|aanmeld\w*|ontvang\w*|schrijf",
    "‹published›": r"gepubliceerd|geplaatst|bijgewerkt|laatst bijgewerkt|aangepast",
    "‹by›": r"door",
    "‹on›": r"op",
    "‹of›": r"van",
    "‹step›": r"eerste|laatste",
    "months": r"januari|februari|maart|mei|augustus",
    "weekdays": r"maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag",
}

PL: dict[str, Entry] = {
    "gallery-counter": r"(?:(?:zdjęcie|slajd)\s+)?\d+\s*z\s*\d+",
    "here": r"jesteś tutaj|znajdujesz się(?: tutaj)?",
    "photo-word": (r"fot\.?|fotografia|zdjęcie|zdj\.", ('fot', 'zdj')),
    "comment-form": (
        r"(?:twój )?adres e-?mail nie zostanie opublikowany\.?(?:\s*.{0,80}\*.{0,40})?"
        r"|zapamiętaj moje dane w tej przeglądarce.{0,80}",
        ("opublikowany", "przeglądarce"),
    ),
    "listing-control": r"(?:dodaj|do) (?:do )?(?:koszyka|ulubionych|schowka|listy życzeń)|kup (?:teraz|od razu)"
    r"|aplikuj(?: teraz)?"
    r"|zapisz przepis",
    "feedback": r"zgłoś (?:ogłoszenie|ofertę|błąd|problem|naruszenie)"
    r"|czy (?:ta|ten|to) (?:strona|artykuł|odpowiedź|informacja|opinia) (?:była|był|było|jest)"
    r" (?:pomocn[aey]|przydatn[aey])",
    "skip-link": r"przejdź do (?:treści|głównej treści|zawartości|nawigacji|menu|wyszukiwarki|wyszukiwania|stopki)"
    r"|pomiń (?:nawigację|menu)|przeskocz do (?:treści|menu)",
    "back-link": r"(?:wróć|powrót|przejdź) (?:do|na) (?:góry|górę|początku|strony głównej|listy)|do góry|na górę"
    r"|góra|w górę|wróć do [„\"“«].{1,60}[”\"»]",
    "menu-label": r"(?:otwórz|zamknij|pokaż|ukryj) (?:menu|nawigację)|menu główne|nawigacja(?: główna)?",
    "‹home›": r"strona główna",
    "‹nav-label›": r"(?:przejdź|skocz|wróć|powrót) do|działy|sekcje|tematy|nawigacja|na skróty"
    r"|(?:szybkie |przydatne |powiązane )?linki(?: sponsorowane)?|(?:przydatne )?odnośniki",
    "ui-label": r"strona główna|szukaj|wyszukaj|zamknij|wstecz|poprzedni[ae]?|następn[yae]|dalej|więcej"
    r"|(?:pokaż|zobacz) (?:więcej|wszystko|wszystkie)|(?:załaduj|wczytaj) więcej|spis treści"
    r"|mapa (?:strony|serwisu)|ładowanie\.*|wczytywanie\.*|pełny ekran|przejdź do",
    "search": r"(?:szukaj|wyszukaj)(?: w (?:serwisie|witrynie|tym blogu))?\s*:|szukaj w (?:serwisie|witrynie)",
    "account": r"(?:zaloguj(?: się)?|wyloguj(?: się)?|zarejestruj(?: się)?|rejestracja|logowanie|moje konto"
    r"|załóż konto|utwórz konto)(?:\s*[/|]\s*(?:zaloguj(?: się)?|zarejestruj(?: się)?|załóż konto|rejestracja))*",
    # The networks' names also in the locative: "Udostępnij na Facebooku".
    "share-label": r"udostępnij(?: (?:artykuł|na|przez))?(?:‹sep›(?:‹social›|facebooku|twitterze|instagramie"
    r"|linkedinie|whatsappie))*|(?:wy)?drukuj(?: (?:artykuł|stronę))?"
    r"|wyślij (?:e-?mailem|znajomemu|link)",
    "social-list": r"(?:obserwuj|śledź) nas(?: na)?(?:‹sep›‹social›)*\s*:?",
    "read-also": r"(?:czytaj|zobacz|przeczytaj) (?:też|także|również)|polecamy|(?:to )?może cię (?:też )?zainteresować",
    "related-label": r"(?:powiązane|podobne) (?:artykuły|wpisy|tematy|oferty|ogłoszenia|produkty)"
    r"|najczęściej czytane|najpopularniejsze"
    r"|najnowsze(?: artykuły| wpisy| wiadomości)?|ostatnie wpisy|polecane(?: artykuły)?",
    "read-more": r"czytaj (?:dalej|więcej)|przeczytaj (?:więcej|całość|cały artykuł)|więcej informacji"
    r"|dowiedz się więcej",
    "comments": r"(?:‹num›\s*)?(?:komentarz|komentarze|komentarzy)|brak komentarzy|(?:dodaj|napisz|zostaw) komentarz"
    r"|skomentuj|odpowiedz|anuluj odpowiedź|komentarze (?:są|zostały) wyłączone",
    "subscribe": r"(?:za)?subskrybuj|zapisz się(?: do newslettera)?|prenumeruj|zamów prenumeratę",
    "cookie-words": (r"ciasteczk\w*|ciastek", ("ciastecz", "ciastek")),
    "cookie-button": r"(?:za)?akceptuj(?: wszystkie)?|akceptuję|odrzuć(?: wszystkie)?|zgadzam się"
    r"|ustawienia (?:cookies|plików cookie|prywatności)|zarządzaj (?:cookies|zgodami)",
    "copyright": ("wszelkie prawa zastrzeżone", ("zastrze",)),
    "tags": r"tagi|kategori[ae]|tematy|słowa kluczowe|etykiety",
    "ad-label": r"reklama|(?:artykuł|materiał) sponsorowany|materiał partnera|treść sponsorowana",
    "byline-role": r"(?:autor|autorka|tekst|oprac\.)\s*:\s*‹name›",
    "time-line": r"(?:(?:zaktualizowano|aktualizacja|dodano|opublikowano|opublikowane)\s*:?\s*)?"
    r"‹num›\s*(?:minut[ya]?|godzin[ya]?|dni|dzień) temu"
    r"|czas czytania:?\s*‹num›.{0,12}"
    r"|‹num›\s*min(?:ut)? czytania",
    "‹legal›": r"polityka prywatności|prywatność|polityka cookies|regulamin|warunki (?:korzystania|użytkowania)"
    r"|kontakt|o nas"
    r"|redakcja|reklama|kariera|pomoc|mapa strony|dostępność|deklaracja dostępności|archiwum",
    "‹address›": r"nas|nasz\w*|twój|twoje|twoich|twoja|używamy|korzystamy|wykorzystujemy",
    "‹web›": r"stron\w*|witryn\w*|serwis\w*|przeglądar\w*|ustawie\w*|zgod\w*|akceptuj\w*|prywatności|danych|dane"
    r"|reklam\w*|analityczn\w*|polityk\w*|korzystani\w*",
    "‹use›": r"używa\w*|wykorzystuj\w*|stosuj\w*|korzysta",
    "‹this-site›": r"\b(?:ta|tej|nasza|naszej) (?:stron\w*|witryn\w*)|\b(?:ten|tym|nasz|naszym) serwis\w*",
    "‹call›": r"zapisz\w*|subskrybuj\w*|otrzymuj\w*|zamów\w*",
    "‹published›": r"opublikowano|opublikowany|dodano|aktualizacja|zaktualizowano|data publikacji|data dodania",
    "‹step›": r"następny|poprzedni|pierwsza|ostatnia",
    "months": r"styczeń|luty|marzec|kwiecień|maj|czerwiec|lipiec|sierpień|wrzesień|październik|listopad|grudzień"
    r"|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia",
    "weekdays": r"poniedziałek|wtorek|środa|czwartek|piątek|sobota|niedziela",
}

CS_SK: dict[str, Entry] = {
    "gallery-counter": r"(?:(?:fotografie|foto|snímek|obrázek|obrázok)\s+)?\d+\s*(?:z|ze|zo)\s*\d+",
    "here": r"jste zde|nacházíte se(?: zde)?|ste tu|nachádzate sa",
    "photo-word": (r"foto|snímek|snímka|zdroj", ('foto', 'sním', 'zdroj')),
    "comment-form": (
        r"(?:vaše )?e-?mailová adresa nebude zveřejněna\.?(?:\s*.{0,80}\*.{0,40})?"
        r"|(?:vaša )?e-?mailová adresa nebude zverejnená\.?(?:\s*.{0,80}\*.{0,40})?"
        r"|(?:uložit|uložiť) (?:mé|moje|moje) (?:jméno|meno).{0,80}(?:prohlížeči|prehliadači).{0,60}",
        ("zveřejněna", "zverejnená", "prohlížeči", "prehliadači"),
    ),
    "listing-control": r"(?:vložit|přidat|vložiť|pridať) do (?:košíku|košíka|oblíbených|obľúbených)|do košíku"
    r"|do košíka|koupit (?:nyní|teď|vstupenky)|kúpiť (?:teraz|vstupenky)"
    r"|(?:odpovědět|reagovat|reagovať) na (?:inzerát|nabídku|ponuku)",
    "skip-link": r"přejít (?:na|k) (?:obsah|obsahu|hlavní obsah|navigac[ie]|menu|vyhledávání|patičk[ua])"
    r"|přeskočit (?:na obsah|navigaci|menu)|prejsť (?:na|k) (?:obsah|obsahu|hlavný obsah|navigáci[ue]|menu"
    r"|vyhľadávanie)|preskočiť (?:na obsah|navigáciu|menu)",
    "back-link": r"(?:zpět|zpátky|návrat) na (?:začátek|úvod|titulní stránku|hlavní stránku|seznam|začátek stránky)"
    r"|zpět nahoru|(?:späť|návrat) na (?:začiatok|úvod|hlavnú stránku|zoznam|začiatok stránky)|späť hore|nahoru"
    r"|na začátek stránky|na začiatok stránky",
    "menu-label": r"(?:otevřít|zavřít|zobrazit|skrýt|otvoriť|zatvoriť|zobraziť|skryť) (?:menu|navigaci|navigáciu)"
    r"|hlavní menu|hlavné menu|hlavní navigace|hlavná navigácia|navigace|navigácia",
    "‹home›": r"úvodní stránka|hlavná stránka|domů|úvod",
    "‹nav-label›": r"(?:přejít|prejsť|skočit|skočiť|zpět|späť) (?:na|k)|rubriky|sekce|sekcie"
    r"|témata|témy|navigace|navigácia"
    r"|(?:rychlé |užitečné |související |rýchle |užitočné |súvisiace )?odkazy",
    "ui-label": r"úvodní stránka|domů|hlavná stránka|hledat|vyhledat|hľadať|vyhľadať|vyhledávání|vyhľadávanie"
    r"|zavřít|zatvoriť|zpět|späť|předchozí|další|predchádzajúc[ia]|ďalš[ií]|ďalej|více|viac"
    r"|zobrazit (?:více|vše)|zobraziť (?:viac|všetko)|načíst další|načítať ďalšie|obsah"
    r"|mapa (?:stránek|webu|stránky)|načítání\.*|načítava sa\.*|celá obrazovka|na celú obrazovku",
    "search": r"(?:hledat|vyhledat|hľadať|vyhľadať|vyhledávání|vyhľadávanie)(?: na (?:webu|stránce|stránke))?\s*:",
    "account": r"(?:přihlásit(?: se)?|odhlásit(?: se)?|registrovat(?: se)?|registrace|přihlášení|můj účet"
    r"|vytvořit účet|prihlásiť(?: sa)?|odhlásiť(?: sa)?|registrovať(?: sa)?|registrácia|prihlásenie|môj účet"
    r"|vytvoriť účet)(?:\s*[/|]\s*(?:přihlásit(?: se)?|registrovat(?: se)?|registrace|prihlásiť(?: sa)?"
    r"|registrovať(?: sa)?|registrácia))*",
    # The networks' names also in the locative: "Sdílet na Facebooku".
    "share-label": r"(?:sdílet|zdieľať)(?: (?:článek|článok|na))?(?:‹sep›(?:‹social›|facebooku|twitteru|instagramu"
    r"|linkedinu|whatsappu))*"
    r"|(?:vytisknout|tisknout|tlačiť|vytlačiť)(?: (?:článek|článok|stránku|recept))?|poslat e-?mailem|poslať e-?mailom"
    r"|(?:uložit|uložiť) (?:recept|článek|článok)",
    "social-list": r"(?:sledujte|sleduj) nás(?: na)?(?:‹sep›‹social›)*\s*:?",
    "read-also": r"(?:čtěte|přečtěte si) (?:také|též|dále)|(?:čítajte|prečítajte si) (?:aj|tiež)"
    r"|související články|súvisiace články|mohlo by vás (?:zajímat|zaujímať)|doporučujeme|odporúčame",
    "related-label": r"nejčtenější(?: články)?|najčítanejšie(?: články)?|nejnovější(?: články| zprávy)?"
    r"|najnovšie(?: články| správy)?|další články|ďalšie články|související|súvisiace",
    "read-more": r"(?:číst|čtěte) (?:dál|dále|více|celý článek)|(?:čítať|čítajte) (?:ďalej|viac|celý článok)"
    r"|více informací|viac informácií|zjistit více|zistiť viac",
    "comments": r"(?:‹num›\s*)?(?:komentář|komentáře|komentářů|komentár|komentáre|komentárov|diskuse|diskuze|diskusia)"
    r"|žádné komentáře|žiadne komentáre|(?:přidat|napsat) komentář|(?:pridať|napísať) komentár|odpovědět"
    r"|odpovedať|zrušit odpověď|zrušiť odpoveď",
    "subscribe": r"(?:přihlásit se k odběru|odebírat|předplatit|prihlásiť sa na odber|odoberať|predplatiť)"
    r"(?: newsletter)?",
    "copyright": (r"všechna práva vyhrazena|všetky práva vyhradené", ("vyhrazen", "vyhraden")),
    "tags": r"štítky|štítok|tagy|témata|témy|kategorie|kategórie|rubrika|klíčová slova|kľúčové slová",
    "ad-label": r"reklama|inzerce|inzercia|komerční sdělení|komerčné oznámenie|sponzorováno|sponzorované",
    "time-line": r"(?:(?:aktualizováno|aktualizované|publikováno|zveřejněno)\s*:?\s*)?"
    r"před ‹num›\s*(?:minutami|minutou|hodinami|hodinou|dny|dnem)"
    r"|pred ‹num›\s*(?:minútami|minútou|hodinami|hodinou|dňami|dňom)",
    "cookie-button": r"rozumím|rozumiem|souhlasím|súhlasím|přijmout(?: vše| všechny)?|prijať(?: všetko| všetky)?"
    r"|odmítnout(?: vše)?|odmietnuť(?: všetko)?|nastavení (?:cookies|souborů cookie)"
    r"|nastavenia (?:cookies|súborov cookie)",
    "byline-role": r"(?:autor|autorka|text|foto)\s*:\s*‹name›",
    "‹legal›": r"ochrana (?:osobních údajů|osobných údajov|soukromí|súkromia)|zásady (?:cookies|ochrany osobních údajů)"
    r"|podmínky (?:užívání|použití)|podmienky (?:používania|použitia)|obchodní podmínky|obchodné podmienky"
    r"|kontakty|o nás|redakce|redakcia|reklama|kariéra|nápověda|pomoc|mapa stránek|přístupnost|prístupnosť"
    r"|archiv|archív|impresum|tiráž",
    "‹address›": r"vám|vás|váš\w*|vaš\w*|náš\w*|používáme|využíváme|používame|využívame",
    "‹web›": r"web\w*|stránk\w*|stránek|prohlížeč\w*|prehliadač\w*|nastavení|nastavenia|souhlas\w*|súhlas\w*"
    r"|údaj\w*|reklam\w*|analýz\w*|návštěvnost\w*|návštevnost\w*|služeb|služieb|zásad\w*|soukromí|súkromi\w*",
    "‹use›": r"používá\w*|využívá\w*|používa\w*|využíva\w*",
    "‹this-site›": r"\b(?:tento|tyto|tieto|náš|naše|naša|na tomto|na této|na tejto)"
    r" (?:web\w*|stránk\w*|stránky|portál\w*)\b",
    "‹published›": r"publikováno|publikované|zveřejněno|zverejnené|aktualizováno|aktualizované|vydáno|přidáno|pridané",
    "‹step›": r"ďalšia|predchádzajúca|první|poslední|prvá|posledná",
    "months": r"ledna|února|března|dubna|května|června|července|srpna|září|října|listopadu|prosince"
    r"|leden|únor|březen|duben|květen|červen|červenec|srpen|říjen|prosinec"
    r"|januára|februára|marca|apríla|mája|júna|júla|augusta|septembra|októbra|novembra|decembra"
    r"|január|február|marec|apríl|máj|jún|júl|október",
    "weekdays": r"pondělí|úterý|středa|čtvrtek|pátek|sobota|neděle|pondelok|utorok|streda|štvrtok|piatok|nedeľa",
}

SV_DA_NO: dict[str, Entry] = {
    "gallery-counter": r"(?:(?:bild|bilde|billede|foto)\s+)?\d+\s*(?:av|af)\s*\d+",
    "here": r"du är här|du er her",
    "photo-word": (r"foto|bild|billede|bilde", ('foto', 'bild')),
    "comment-form": (
        r"din e-?postadress kommer inte (?:att )?publiceras\.?(?:\s*.{0,80}\*.{0,40})?"
        r"|din e-?mail(?:adresse)? (?:vil|bliver) ikke (?:blive )?publiceret\.?(?:\s*.{0,80}\*.{0,40})?"
        r"|din e-?postadresse vil ikke bli publisert\.?(?:\s*.{0,80}\*.{0,40})?"
        r"|(?:spara mitt namn|gem mit navn|lagre (?:mitt )?navn).{0,100}(?:webbläsare|browser|nettleser)\w*.{0,60}",
        ("publiceras", "publiceret", "publisert", "webbläsare", "browser", "nettleser"),
    ),
    "listing-control": r"(?:lägg|læg|legg) (?:i|til) (?:varukorgen|kurven|handlekurven|önskelistan|ønskelisten)"
    r"|köp (?:nu|biljett(?:er)?)|køb (?:nu|billet(?:ter)?)|kjøp (?:nå|billett(?:er)?)"
    r"|ansök(?: nu| här)?|søg (?:nu|stillingen)|søk (?:nå|på stillingen)|spara (?:annons(?:en)?|jobb(?:et)?)"
    r"|gem (?:annonce(?:n)?|job(?:bet)?)|lagre (?:annonse(?:n)?|jobb(?:en)?)"
    r"|spara recept(?:et)?|gem opskrift(?:en)?|lagre oppskrift(?:en)?",
    "feedback": r"(?:anmäl|rapportera) annons(?:en)?|(?:anmeld|rapporter) (?:annonce(?:n)?|annonse(?:n)?)"
    r"|(?:var|är) (?:den här sidan|denna sida|informationen) (?:till hjälp|användbar)",
    "skip-link": r"(?:hoppa|gå|spring|hopp)(?: direkt| direkte| videre)? till? (?:innehåll(?:et)?|huvudinnehåll(?:et)?"
    r"|indhold(?:et)?|innhold(?:et)?|hovedindhold(?:et)?|hovedinnhold(?:et)?|navigering(?:en)?|navigation(?:en)?"
    r"|menyn?|menu(?:en)?|sök|søk|søg)|(?:hoppa över|spring over|hopp over) (?:navigering(?:en)?"
    r"|navigation(?:en)?|menyn?|menu(?:en)?)",
    "back-link": r"(?:tillbaka|tilbage|tilbake) till? (?:toppen|början|start(?:sidan)?|forsiden|startsiden|listan"
    r"|oversigten|oversikten)|till? toppen(?: av sidan| af siden| av siden)?",
    "menu-label": r"(?:öppna|stäng|visa|dölj|åbn|luk|vis|skjul|åpne|lukk) (?:menyn?|menu(?:en)?|navigering(?:en)?)"
    r"|huvudmeny|hovedmenu|hovedmeny|meny",
    "‹home›": r"startsida|forside|forsiden|hjem|översikt",
    "‹nav-label›": r"(?:gå|hoppa|hopp|spring|hop|tillbaka|tilbage|tilbake) till?|avdelningar|sektioner"
    r"|seksjoner|ämnen|emner|navigering|navigasjon|genveje|snabblänkar|hurtiglenker"
    r"|(?:användbara |relaterade )?länkar"
    r"|(?:nyttige |relaterede |relaterte )?(?:lenker|links)",
    "ui-label": r"startsida|forside|forsiden|hjem|sök|søk|søg|stäng|luk|lukk|tillbaka|tilbage|tilbake|föregående"
    r"|forrige|nästa|næste|neste|mer|mere|visa (?:mer|alla)|vis (?:mere|mer|alle)|se (?:mer|mere|alla|alle)"
    r"|ladda fler|indlæs flere|last inn flere|innehållsförteckning|indholdsfortegnelse|innholdsfortegnelse"
    r"|webbkarta|laddar\.*|indlæser\.*|laster\.*|helskärm|fuld skærm|fullskjerm"
    r"|(?:lyssna på|lyt til|hør|lytt til) (?:artikeln|artiklen|artikkelen)",
    "search": r"(?:sök|søk|søg)(?: på (?:sidan|webbplatsen|siden|nettstedet|hjemmesiden))?\s*:"
    r"|(?:sök|søk|søg) (?:på|i) (?:sidan|webbplatsen|siden|nettstedet)",
    "account": r"(?:logga (?:in|ut)|log (?:ind|ud)|logg (?:inn|ut)|registrera(?: dig)?|registrer(?: deg| dig)?"
    r"|mitt konto|min konto|min side|mina sidor|skapa (?:ett )?konto|opret (?:en )?konto|opprett (?:en )?konto)"
    r"(?:\s*[/|]\s*(?:logga in|log ind|logg inn|registrera(?: dig)?|registrer(?: deg| dig)?|skapa konto"
    r"|opret konto|opprett konto))*",
    "share-label": r"dela(?: artikeln| sidan)?(?: på| via)?(?:‹sep›‹social›)*"
    r"|del (?:artiklen|artikkelen|siden|på|via)(?:‹sep›‹social›)*"
    r"|skriv ut(?: artikeln| sidan| artikkelen| siden| receptet| oppskriften)?"
    r"|udskriv(?: artiklen| siden| opskriften)?|tipsa en vän|tip en ven|tips en venn",
    "social-list": r"(?:följ|følg) (?:oss|os|mig|meg)(?: på)?(?:‹sep›‹social›)*\s*:?",
    "read-also": r"läs (?:också|även)|se (?:också|även|også)|læs også|les også|mer om ämnet|mere om emnet"
    r"|mer om saken",
    "related-label": r"mest (?:lästa|læste|leste)|senaste nytt|seneste nyt|siste nytt|populära|populære"
    r"|relater(?:ade artiklar|ede artikler|te artikler)|(?:senaste artiklarna|seneste artikler|siste artikler)"
    r"|relaterat|relateret|relatert|liknande (?:jobb|annonser|artiklar|produkter)"
    r"|lignende (?:job|jobs|jobb|annoncer|annonser|artikler|produkter)",
    "read-more": r"läs mer|läs hela artikeln|læs mere|læs hele artiklen|les mer|les hele artikkelen|fortsätt läsa"
    r"|læs videre|les videre",
    "comments": r"(?:‹num›\s*)?kommentarer|inga kommentarer|ingen kommentarer|(?:lämna|skriv|efterlad) en kommentar"
    r"|svara|besvar|avbryt svar|annuller svar|kommentarerna är stängda",
    "subscribe": r"prenumerera(?: på nyhetsbrevet)?|abonner(?: på nyhedsbrevet)?|abonnér"
    r"|tilmeld dig(?: nyhedsbrevet| vores nyhedsbrev)?|meld deg på(?: nyhetsbrevet)?|bli prenumerant"
    r"|bliv abonnent|bli abonnent",
    "newsletter": (r"nyhetsbrev(?:et)?|nyhedsbrev(?:et)?", ("nyhetsbrev", "nyhedsbrev")),
    "cookie-words": (r"kakor|informasjonskapsl\w*", ("kakor", "informasjonskapsl")),
    "cookie-button": r"(?:acceptera|godkänn|godkend|aksepter|godta)(?: alla| alle)?(?: cookies)?"
    r"|(?:avvisa|afvis|avvis)(?: alla| alle)?|jag godkänner|jeg accepterer|jeg godtar"
    r"|cookie-?inställningar|cookieindstillinger|hantera cookies|administrer cookies",
    "copyright": (
        r"alla rättigheter (?:förbehållna|reserverade)|alle rettigheder forbeholdes"
        r"|alle rettigheter (?:forbeholdt|reservert)",
        ("förbehåll", "forbehold", "reserver"),
    ),
    "tags": r"taggar|tagger|kategori(?:er)?|ämnen|emner|nyckelord|nøgleord|stikkord|etiketter",
    "ad-label": r"annons|annonse|reklam|reklame|sponsrat|sponsoreret|sponset",
    "time-line": r"(?:(?:uppdaterad|opdateret|oppdatert|publicerad|publiceret|publisert)\s*:?\s*)?"
    r"för ‹num›\s*(?:minuter|minut|timmar|timme|dagar|dag) sedan"
    r"|(?:(?:uppdaterad|opdateret|oppdatert|publicerad|publiceret|publisert)\s*:?\s*)?"
    r"for ‹num›\s*(?:minutter|minut|timer|time|dage|dager|dag) siden|(?:lästid|læsetid|lesetid):?\s*‹num›.{0,12}",
    "‹legal›": r"integritetspolicy|privatlivspolitik|personvernerklæring|personvern|cookiepolicy|cookiepolitik"
    r"|om cookies|användarvillkor|vilkår|brugervilkår|handelsbetingelser|kontakta oss|kontakt oss|kontakt os|om oss"
    r"|om os|tillgänglighet|tilgængelighed|tilgjengelighet|annonsera|annonsere|jobba hos oss|ledige stillinger"
    r"|hjälp|hjælp|hjelp|vanliga frågor|ofte stillede spørgsmål|ofte stilte spørsmål|arkiv",
    "‹address›": r"dig|din|dina|ditt|deg|vår|våra|vores|vårt|våre|oss",
    "‹web›": r"webbplats\w*|hjemmeside\w*|nettsted\w*|nettside\w*|webbläsare|upplevelse\w*|oplevelse\w*"
    r"|opplevelse\w*|inställningar|indstillinger|innstillinger|samtyck\w*|samtykke|godkänn\w*|aksepter\w*"
    r"|integritet\w*|personuppgift\w*|personoplysninger|personopplysninger|annonser\w*|tredjepart\w*|statistik\w*",
    "‹use›": r"använd\w*|anvend\w*|bruk\w*|bruger",
    "‹this-site›": r"\b(?:denna|den här|denne|dette) (?:webbplats|sida|hjemmeside|side|nettsted|nettside)\b",
    "‹call›": r"prenumerera|tilmeld|meld",
    "‹published›": r"publicerad|publicerat|publiceret|publisert|uppdaterad|uppdaterat|opdateret|oppdatert|postat",
    "‹by›": r"av|af",
    "‹of›": r"av|af",
    "‹page›": r"side",
    "‹step›": r"näste|neste|næste|föregående|forrige|første|sidste|siste",
    "months": r"januari|februari|augusti|januar|februar|marts",
    "weekdays": r"måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag|mandag|tirsdag|lørdag|søndag",
}

FI: dict[str, Entry] = {
    "gallery-counter": r"kuva\s+\d+\s*/\s*\d+",
    "here": r"olet tässä|olet täällä|sijaintisi",
    "photo-word": (r"kuva|kuvat|kuvaaja", ('kuva',)),
    "comment-form": (
        r"sähköpostiosoitettasi ei julkaista\.?(?:\s*.{0,80}\*.{0,40})?|tallenna nimeni.{0,80}selaime\w*.{0,60}",
        ("julkaista", "selaime"),
    ),
    "listing-control": r"(?:lisää|laita) (?:ostoskoriin|koriin|suosikkeihin|toivelistalle|kalenteriin)"
    r"|osta (?:nyt|liput|lippuja|lippu)|hae (?:nyt|paikkaa|työpaikkaa)|tallenna (?:ilmoitus|työpaikka)"
    r"|tallenna resepti",
    "skip-link": r"siirry (?:sisältöön|pääsisältöön|navigaatioon|valikkoon|hakuun)|hyppää (?:sisältöön|pääsisältöön)"
    r"|ohita (?:navigaatio|valikko)",
    "back-link": r"(?:takaisin|palaa) (?:ylös|alkuun|sivun alkuun|etusivulle|listaan)|sivun alkuun",
    "menu-label": r"(?:avaa|sulje|näytä|piilota) (?:valikko|navigaatio)|päävalikko|valikko",
    "‹home›": r"etusivu",
    "‹nav-label›": r"siirry|hyppää|palaa|takaisin|osiot|osastot|aiheet|navigointi|pikalinkit"
    r"|(?:hyödylliset |hyödyllisiä |aiheeseen liittyvät )?(?:linkit|linkkejä)",
    "ui-label": r"etusivu|haku|hae|sulje|takaisin|edellinen|seuraava|lisää|(?:näytä|katso) (?:lisää|kaikki)"
    r"|lataa lisää|sisällysluettelo|sivukartta|ladataan\.*|koko näyttö",
    "search": r"(?:hae|haku)(?: sivustolta)?\s*:|hae sivustolta",
    "account": r"(?:kirjaudu(?: sisään| ulos)?|rekisteröidy|rekisteröityminen|oma tili|omat tiedot|luo tili)"
    r"(?:\s*[/|]\s*(?:kirjaudu(?: sisään)?|rekisteröidy|luo tili))*",
    "share-label": r"jaa(?: artikkeli| sivu| tapahtuma| resepti| uutinen| ilmoitus)?(?:‹sep›‹social›)*"
    r"|tulosta(?: artikkeli| sivu| resepti)?"
    r"|lähetä (?:sähköpostilla|ystävälle)|jaa ‹social›:?i?ss[aä]|kopioi linkki",
    "social-list": r"seuraa (?:meitä|minua)(?:\s+‹social›\w*)*\s*:?",
    "read-also": r"lue (?:myös|lisää)|katso myös|aiheesta lisää|saatat pitää myös",
    "related-label": r"luetuimmat(?: uutiset)?|uusimmat(?: uutiset| artikkelit)?|suosituimmat|tuoreimmat"
    r"|aiheeseen liittyvät|liittyvät(?: artikkelit| uutiset)|muita tapahtumia|muut tapahtumat"
    r"|samankaltaiset (?:työpaikat|ilmoitukset|tuotteet)|vastaavat työpaikat",
    # "Lisätietoja antaa NAME, puh. ..." (further information is given by) ends a notice: a sentence.
    "read-more": r"lue (?:lisää|koko artikkeli|eteenpäin)|jatka lukemista"
    r"|lisätietoja(?!\s+(?:antaa|antavat|saa|saat|saatte|löytyy|löydät|on|ovat)\b)",
    "comments": r"(?:‹num›\s*)?(?:kommentti|kommenttia|kommentit)|ei kommentteja|(?:jätä|kirjoita|lisää) kommentti"
    r"|kommentoi|vastaa|peruuta vastaus|kommentointi on suljettu",
    "subscribe": r"tilaa(?: uutiskirje| uutiskirjeemme)?|liity (?:uutiskirjeen )?tilaajaksi|ryhdy tilaajaksi",
    "newsletter": (r"uutiskirje\w*", ("uutiskirje",)),
    "cookie-words": (r"eväste\w*", ("eväste",)),
    "cookie-button": r"hyväksy(?: kaikki)?(?: evästeet)?|hylkää(?: kaikki)?|evästeasetukset|hallinnoi evästeitä",
    "copyright": (r"kaikki oikeudet pidätetään|kaikki oikeudet pidätetty", ("oikeudet",)),
    "tags": r"avainsanat|tunnisteet|aiheet|kategoriat|kategoria|asiasanat",
    "ad-label": r"mainos|kaupallinen yhteistyö|sponsoroitu",
    "time-line": r"(?:(?:päivitetty|julkaistu)\s*:?\s*)?‹num›\s*(?:minuuttia|tuntia|päivää) sitten"
    r"|lukuaika:?\s*‹num›.{0,12}",
    "byline-role": r"(?:teksti|kirjoittaja|toimittaja|kuvat?)\s*:\s*‹name›",
    "date": r"\d{1,2}\.\d{1,2}\.\d{4}\s+klo\s+\d{1,2}[.:]\d{2}",
    "‹legal›": r"tietosuojaseloste|tietosuojakäytäntö|tietosuoja|evästekäytäntö|käyttöehdot|yhteystiedot"
    r"|ota yhteyttä|tietoa meistä|meistä|saavutettavuus(?:seloste)?|mainosta|avoimet työpaikat|ohjeet"
    r"|usein kysytyt kysymykset|arkisto",
    "‹address›": r"meidän|sinä|sinun|käytämme",
    "‹web›": r"sivusto\w*|verkkosivu\w*|selain\w*|käyttökokemu\w*|asetu\w*|suostumu\w*|hyväksy\w*|tietosuoja\w*"
    r"|henkilötie\w*|mainon\w*|analytiik\w*",
    "‹use›": r"käyttää|käytämme|käytetään",
    "‹this-site›": r"\b(?:tämä|tällä|tämän) (?:verkko)?sivusto(?:lla|n)?\b",
    "‹call›": r"tilaa|liity",
    "‹published›": r"julkaistu|päivitetty|muokattu",
    "‹page›": r"sivu",
    "‹step›": r"seuraava|edellinen|ensimmäinen|viimeinen",
    "months": "tammikuu|tammikuuta|helmikuu|helmikuuta|maaliskuu|maaliskuuta|huhtikuu|huhtikuuta|toukokuu"
    "|toukokuuta|kesäkuu|kesäkuuta|heinäkuu|heinäkuuta|elokuu|elokuuta|syyskuu|syyskuuta|lokakuu"
    "|lokakuuta|marraskuu|marraskuuta|joulukuu|joulukuuta",
    "weekdays": "maanantai|maanantaina|tiistai|tiistaina|keskiviikko|keskiviikkona|torstai|torstaina|perjantai"
    "|perjantaina|lauantai|lauantaina|sunnuntai|sunnuntaina",
    # A shop's reviews widget: "Arvostelut (14)", "Keskiarvo 4,5 / 5", "Kirjoita arvostelu", "Järjestä".
    "review-controls": r"(?:keskiarvo\s*)?‹num›\s*/\s*5(?:\s*tähteä)?|arvostelut\s*\(‹num›\)|‹num›\s*arvostelua"
    r"|kirjoita (?:arvostelu|arvio)|‹num›\s*vastausta|järjestä(?: tulokset)?\s*:?(?:\s+[^.!?]{1,40})?",
}

TR: dict[str, Entry] = {
    "gallery-counter": r"(?:fotoğraf|foto|görsel)\s+\d+\s*/\s*\d+",
    "here": r"(?:şu an )?buradasınız|bulunduğunuz sayfa",
    "photo-word": (r"fotoğraf|foto|görsel|kaynak", ('foto', 'görsel', 'kaynak')),
    "comment-form": (
        r"e-?posta (?:adresiniz|hesabınız) yayınlanmayacak\.?(?:\s*.{0,80}\*.{0,40})?"
        r"|bu tarayıcıya .{0,100}kaydet\.?",
        ("yayınlanmayacak", "tarayıcıya"),
    ),
    "listing-control": r"sepete ekle|(?:hemen|şimdi) (?:al|satın al)|satın al|favorilere ekle|(?:hemen |şimdi )?başvur"
    r"|ilanı (?:kaydet|paylaş|şikayet et)|bilet al"
    r"|tarifi kaydet",
    "skip-link": r"(?:ana )?(?:içeriğe|menüye|gezinmeye|aramaya) (?:geç|atla)",
    "back-link": r"(?:başa|yukarı|en üste|ana ?sayfaya|listeye) (?:dön|git)|sayfa başına dön",
    "menu-label": r"menüyü (?:aç|kapat)|ana menü",
    "‹home›": r"ana ?sayfa",
    "‹nav-label›": r"geri dön|bölümler|konular|gezinti|hızlı erişim"
    r"|(?:hızlı |faydalı |yararlı |ilgili )?(?:bağlantılar|linkler)",
    "ui-label": r"ana ?sayfa|arama|kapat|geri|önceki|sonraki|ileri|daha fazla(?: göster| yükle)?|tümünü gör|devamı"
    r"|içindekiler|site haritası|yükleniyor\.*|tam ekran",
    "search": r"(?:ara|arama(?: yap)?|sitede ara)\s*:|sitede ara",
    "account": r"(?:giriş(?: yap)?|oturum aç|çıkış(?: yap)?|kayıt ol|üye ol|üyelik|hesabım|hesap oluştur|üye girişi)"
    r"(?:\s*[/|]\s*(?:giriş(?: yap)?|kayıt ol|üye ol|üye girişi|oturum aç))*",
    "share-label": r"paylaş(?: (?:haberi|bu haberi|sayfayı))?(?:‹sep›‹social›)*|yazdır(?: haberi| sayfayı)?"
    r"|‹social›['’]?(?:da|de|ta|te) paylaş"
    r"|e-?posta ile gönder|arkadaşına gönder",
    "social-list": r"bizi takip edin(?:\s+‹social›\w*)*\s*:?|(?:‹social›\w*\s+)+takip edin\s*:?",
    "read-also": r"ayrıca (?:okuyun|bakınız)|bunlar da ilginizi çekebilir|ilginizi çekebilir|(?:benzer|ilgili) haberler"
    r"|ilgili yazılar",
    "related-label": r"(?:en )?çok okunanlar|son dakika|son haberler|popüler(?: haberler| yazılar)?|öne çıkanlar"
    r"|(?:benzer|ilgili) içerikler|(?:benzer|ilgili) (?:ilanlar|ürünler|iş ilanları)",
    "read-more": r"devamını oku|haberin devamı|daha fazla bilgi|tümünü oku",
    "comments": r"(?:‹num›\s*)?yorum(?:lar)?|(?:henüz |hiç )?yorum yok|yorum (?:yap|yaz|ekle)|yorumunuzu yazın"
    r"|yanıtla|cevapla|yanıtı iptal et|yorumlar kapalı|daha fazla yorum (?:göster|yükle)|tüm yorumları (?:gör|göster)"
    r"|yorum (?:yapmak|yazmak) için (?:giriş yap(?:ın)?|üye olun)",
    "subscribe": r"abone ol(?:un)?|bültene abone ol|e-?bültene kaydol|bültenimize kaydolun",
    "newsletter": (r"e-?bülten\w*|bülten\w*", ("bülten",)),
    "cookie-words": (r"çerez\w*", ("çerez",)),
    "cookie-button": r"(?:tümünü )?kabul et(?:iyorum)?|(?:tümünü )?reddet|çerez ayarları|anladım|tamam",
    "copyright": (r"(?:tüm|her) hakları saklıdır", ("hakl",)),
    "tags": r"etiketler|etiket|kategoriler|kategori|konular|anahtar kelimeler",
    "ad-label": r"reklam|reklamlar|sponsorlu(?: içerik)?",
    "byline-role": r"(?:haber merkezi|muhabir|editör|yazar|kaynak)(?:\s*:\s*‹name›)?|(?:[^\W\d_]+ )?[^\W\d_]+ servisi",
    "time-line": r"‹num›\s*(?:dakika|saat|gün) önce|okuma süresi:?\s*‹num›.{0,12}",
    "‹legal›": r"gizlilik (?:politikası|sözleşmesi)|çerez politikası|kullanım (?:koşulları|şartları)|kvkk"
    r"|aydınlatma metni|künye|iletişim|hakkımızda|bize ulaşın|reklam|kariyer|yardım|sıkça sorulan sorular|arşiv",
    "‹address›": r"siz|sizin|bizim|sitemiz\w*|kullanıyoruz",
    "‹web›": r"site\w*|web sitesi\w*|tarayıcı\w*|deneyim\w*|ayarlar\w*|onay\w*|kabul|gizlilik|kişisel|reklam\w*"
    r"|analiz\w*|politika\w*",
    "‹use›": r"kullan\w*",
    "‹call›": r"abone|kaydol\w*",
    "‹published›": r"yayınlanma(?: tarihi)?|yayınlandı|yayın tarihi|güncellenme(?: tarihi)?|güncellendi"
    r"|güncelleme(?: tarihi)?|oluşturulma tarihi",
    "‹page›": r"sayfa",
    "‹step›": r"sonraki|önceki|ilk|son",
    "months": r"ocak|şubat|mart|nisan|mayıs|haziran|temmuz|ağustos|eylül|ekim|kasım|aralık",
    "weekdays": r"pazartesi|salı|çarşamba|perşembe|cuma|cumartesi|pazar",
}

RO: dict[str, Entry] = {
    "gallery-counter": r"(?:(?:foto|fotografia|imaginea)\s+)?\d+\s*din\s*\d+",
    "here": r"sunteți aici|sunteti aici|vă aflați aici|te afli aici",
    "photo-word": (r"foto|fotografie|sursa|sursă", ('foto', 'surs')),
    "comment-form": (
        r"adresa (?:ta|dvs\.?|dumneavoastră) de e-?mail nu va fi publicată\.?(?:\s*.{0,80}\*.{0,40})?"
        r"|(?:salvează|salvați) (?:numele|(?:mi )?numele).{0,80}navigator\w*.{0,60}",
        ("publicată", "navigator"),
    ),
    "listing-control": r"adaugă în (?:coș|cos|favorite|lista de dorințe)|cumpără (?:acum|bilete)|aplică(?: acum)?"
    r"|salvează rețeta",
    "skip-link": r"(?:sari|salt|mergi|treci) la (?:conținut(?:ul)?(?: principal)?|continut(?:ul)?|meniu(?:l)?"
    r"(?: principal)?|navigare|căutare)",
    "back-link": r"(?:înapoi|inapoi|mergi) (?:sus|la început|la pagina principală|la prima pagină|la listă)",
    "menu-label": r"(?:deschide|închide|inchide) meniul|meniu(?:l)?(?: principal)?|navigare",
    "‹home›": r"acasă|acasa|pagina principală",
    "‹nav-label›": r"(?:mergi|salt|sari|înapoi|inapoi) la|secțiuni|secţiuni|sectiuni|rubrici|subiecte"
    r"|navigare|acces rapid|(?:linkuri|legături|legaturi)(?: utile| rapide| sponsorizate)?",
    "ui-label": r"acasă|acasa|pagina principală|prima pagină|caută|cauta|căutare|cautare|închide|inchide|înapoi"
    r"|inapoi|următor(?:ul)?|urmator|mai (?:mult|multe)|vezi (?:mai mult|tot|toate)|încarcă mai multe|cuprins"
    r"|harta site-ului|se încarcă\.*|ecran complet",
    "search": r"(?:caută|cauta|căutare|cautare)(?: pe site)?\s*:|caută pe site",
    "account": r"(?:autentificare|autentifică-te|conectare|conectează-te|deconectare|înregistrare|înregistrează-te"
    r"|inregistrare|contul meu|creează (?:un )?cont)(?:\s*[/|]\s*(?:autentificare|conectare|înregistrare"
    r"|inregistrare|înregistrează-te|creează cont))*",
    "share-label": r"(?:distribuie|partajează)(?: pe| articolul)?(?:‹sep›‹social›)*|printează|tipărește|imprimă",
    "social-list": r"(?:urmărește-ne|urmăriți-ne|urmareste-ne|urmariti-ne)(?: pe)?(?:‹sep›‹social›)*\s*:?",
    "read-also": r"citește (?:și|mai mult)|citeste si|vezi (?:și|si)|articole similare"
    r"|(?:s-ar|ar) putea să te intereseze",
    "related-label": r"cele mai citite(?: articole| știri)?|ultimele (?:știri|articole)|știri similare"
    r"|articole recomandate|recomandări",
    "read-more": r"citește (?:tot articolul|continuarea)|citeste mai mult|continuă (?:să citești|lectura)"
    r"|află mai multe|mai multe detalii",
    "comments": r"(?:‹num›\s*)?comentari(?:u|i|ii)|nic(?:i )?un comentariu|niciun comentariu"
    r"|(?:lasă|adaugă|scrie) un comentariu|răspunde|raspunde|anulează răspunsul|comentariile sunt închise",
    "subscribe": r"abonează-te(?: la newsletter)?|aboneaza-te|abonare(?: la newsletter)?|înscrie-te(?: la newsletter)?",
    "cookie-button": r"acceptă(?: toate)?|accept (?:toate|tot|cookie-urile)|sunt de acord|refuz|respinge(?: toate)?"
    r"|setări cookie(?:-uri)?|gestionează cookie-urile",
    "copyright": (r"toate drepturile (?:sunt )?rezervate", ("rezervate",)),
    "tags": r"etichete|tag-uri|taguri|categorii|categorie|subiecte|cuvinte cheie",
    "ad-label": r"publicitate|reclamă|advertorial|conținut sponsorizat|sponsorizat",
    "time-line": r"(?:acum|în urmă cu) ‹num›\s*(?:minute|minut|ore|oră|zile|zi)",
    "‹legal›": r"politica de confiden[țt]ialitate|politica (?:de )?cookie(?:-uri)?|termeni (?:și|si) condi[țt]ii"
    r"|termenii și condițiile|condiții de utilizare|contactează-ne|despre noi|publicitate|cariere|ajutor"
    r"|întrebări frecvente|harta site-ului|arhivă|arhiva|anpc|gdpr",
    "‹address›": r"noi|nostru|noastră|noastre|dumneavoastră|voastră|folosim|utilizăm",
    "‹web›": r"site-ul\w*|navigare|browser\w*|experien\w*|setări\w*|setari|consimțământ\w*|confidențialitate"
    r"|datele|publicitate|analiz\w*|politica",
    "‹use›": r"folos\w*|utiliz\w*",
    "‹this-site›": r"\b(?:acest|acestui) site\b",
    "‹published›": r"publicat|actualizat|postat|modificat",
    "‹of›": r"din",
    "‹page›": r"pagină",
    "‹step›": r"următoarea|următor|precedenta|anterioară|prima|ultima",
    "months": r"ianuarie|februarie|martie|aprilie|iunie|iulie|septembrie|octombrie|noiembrie|decembrie",
    "weekdays": r"luni|marți|marti|miercuri|joi|vineri|sâmbătă|sambata|duminică|duminica",
}

HU: dict[str, Entry] = {
    "gallery-counter": r"(?:kép|fotó)\s+\d+\s*/\s*\d+",
    "here": r"ön itt áll|itt vagy|ön itt van|jelenlegi hely",
    "photo-word": (r"fotó|fotók|kép|forrás", ('fotó', 'kép', 'forrás')),
    "skip-link": r"ugrás (?:a )?(?:tartalomhoz|tartalomra|fő tartalomhoz|navigációhoz|menühöz|kereséshez)"
    r"|tovább a tartalomhoz",
    "back-link": r"vissza (?:a )?(?:lap tetejére|oldal tetejére|tetejére|főoldalra|kezdőlapra|listához)"
    r"|(?:az )?oldal tetejére",
    "menu-label": r"(?:menü|navigáció) (?:megnyitása|bezárása)|főmenü|navigáció",
    "‹home›": r"főoldal|kezdőlap|címlap",
    "‹nav-label›": r"ugrás|vissza|rovatok|témák|navigáció|(?:gyors|hasznos|kapcsolódó) linkek|gyorslinkek|linkek",
    "ui-label": r"főoldal|kezdőlap|címlap|keresés|bezárás|bezár|vissza|előző|következő|tovább|több|mutass többet"
    r"|összes megtekintése|továbbiak betöltése|tartalomjegyzék|oldaltérkép|betöltés\.*|teljes képernyő",
    "search": r"(?:keresés|keres)(?: az oldalon| a honlapon)?\s*:|keresés az oldalon",
    "account": r"(?:bejelentkezés|belépés|kijelentkezés|kilépés|regisztráció|regisztrálj|fiókom|profilom"
    r"|fiók létrehozása)(?:\s*[/|]\s*(?:bejelentkezés|belépés|regisztráció|regisztrálj))*",
    "share-label": r"megosztás(?:‹sep›‹social›)*|(?:oszd|ossza) meg(?: (?:a cikket|ezt))?(?:‹sep›‹social›)*"
    r"|nyomtatás|(?:el)?küldés e-?mailben",
    "social-list": r"kövess(?:en)? minket(?:\s+(?:a |az )?‹social›\w*)*\s*:?",
    "read-also": r"(?:ezt|ezeket) is (?:olvassa el|olvasd el|ajánljuk)|kapcsolódó(?: cikkek| hírek)?|ajánló"
    r"|ajánlott cikkek|további cikkek",
    "related-label": r"legolvasottabb(?: cikkek| hírek)?|legfrissebb(?: hírek| cikkek)?|friss hírek"
    r"|népszerű(?: cikkek)?|legnépszerűbb",
    "read-more": r"tovább(?: olvasom| a cikkhez| olvasás)|bővebben|olvass tovább|olvassa tovább",
    "comments": r"(?:‹num›\s*)?(?:hozzászólás(?:ok)?|kommentek?)|nincs(?:enek)? hozzászólás(?:ok)?|szólj hozzá"
    r"|írj hozzászólást|hozzászólok|válasz|válasz megszakítása|a hozzászólások le vannak zárva",
    "subscribe": r"feliratkozás(?: a)?(?: hírlevélre)?|iratkozz(?:on)? fel(?: hírlevelünkre)?|előfizetés|fizess elő",
    "newsletter": (r"hírlevél\w*|hírlevel\w*", ("hírlev",)),
    "cookie-words": (r"süti\w*", ("süti",)),
    "cookie-button": r"elfogad(?:om|ás)?|összes elfogadása|mindet elfogadom|elutas(?:ítom|ítás)"
    r"|süti ?beállítások|rendben",
    "copyright": (r"minden jog fenntartva", ("fenntartva",)),
    "tags": r"címkék|címke|kategóriák|kategória|témák|kulcsszavak|rovat",
    "ad-label": r"hirdetés|szponzorált(?: tartalom)?|támogatott tartalom",
    "time-line": r"‹num›\s*(?:perce|órája|napja)|olvasási idő:?\s*‹num›.{0,12}",
    "byline-role": r"(?:szerző|írta|szöveg|fotó)\s*:\s*‹name›|(?:szerző|írta)\s*:\s*\S+\s*»\s*.{0,40}",
    "‹control›": r"válasz idézettel|idézet|jelentés|szerkesztés",
    "‹legal›": r"adatvédelmi (?:tájékoztató|nyilatkozat|irányelvek)|adatvédelem|süti(?:kezelési)? (?:tájékoztató"
    r"|szabályzat)|felhasználási feltételek|általános szerződési feltételek|ászf|impresszum|kapcsolat|rólunk"
    r"|médiaajánlat|karrier|súgó|gyakori kérdések|gyik|archívum",
    "‹address›": r"ön|önnek|minket|weboldalunk\w*|oldalunk\w*|honlapunk\w*|használunk",
    "‹web›": r"honlap\w*|weboldal\w*|oldal\w*|böngész\w*|élmény\w*|beállítás\w*|hozzájárul\w*|elfogad\w*"
    r"|adatvédelm\w*|személyes|hirdet\w*|elemz\w*",
    "‹use›": r"használ\w*",
    "‹this-site›": r"\b(?:ez a|ezen a) (?:weboldal|honlap|webhely|oldal)\w*",
    "‹call›": r"feliratkoz\w*|iratkoz\w*",
    "‹published›": r"közzétéve|közzétett|megjelent|megjelenés|frissítve|frissítés|módosítva|létrehozva",
    "‹page›": r"oldal",
    "‹step›": r"következő|előző|első|utolsó",
    "months": r"január|február|március|április|május|június|július|augusztus|szeptember|október",
    "weekdays": r"hétfő|kedd|szerda|csütörtök|péntek|szombat|vasárnap",
    # A listing's buttons: "Kosárba", "Kosárba teszem", "Kedvencekhez adás", "Megveszem most", "Jegyvásárlás".
    "listing-control": r"kosárba(?: (?:teszem|rakom|tesz))?"
    r"|(?:hozzáadás a |tedd a )?(?:kosárhoz|kedvencekhez|naptárhoz)(?: ad(?:ás)?)?"
    r"|(?:megveszem|vásárlás|vedd meg) most|jegyvásárlás|(?:jegyet|jegyeket) (?:veszek|vásárolok)|jelentkezem most"
    r"|recept mentése",
}

# Croatian, Serbian (Latin script), Bosnian and Slovene.
HR_SR_SL: dict[str, Entry] = {
    "gallery-counter": r"(?:(?:foto|fotografija|slika)\s+)?\d+\s*(?:od|iz)\s*\d+",
    "here": r"nalazite se(?: ovdje| ovde)?|vi ste ovdje|ovdje ste|ste tukaj|nahajate se",
    "photo-word": (r"foto|fotografija|izvor|snimio|snimila", ('foto', 'izvor', 'snimi')),
    "skip-link": r"(?:preskoči|prijeđi|pređi|idi|skoči) na (?:sadržaj|glavni sadržaj|navigaciju|izbornik|meni"
    r"|pretragu|iskanje|vsebino|glavno vsebino|navigacijo)|preskoči (?:navigaciju|izbornik|meni|navigacijo)",
    "back-link": r"(?:natrag|nazad|povratak|vrati se|nazaj) na (?:vrh|početak|početnu|naslovnicu|naslovnu|popis"
    r"|listu|vrh strani|začetek|domačo stran)|na vrh",
    "menu-label": r"(?:otvori|zatvori|prikaži|sakrij|odpri|zapri) (?:izbornik|meni|navigaciju|navigacijo)"
    r"|glavni (?:izbornik|meni)|glavna navigacija|izbornik|navigacija|meni",
    "‹home›": r"naslovnica|početna(?: stranica)?|naslovna(?: strana)?|domača stran",
    "‹nav-label›": r"(?:idi|skoči|prijeđi|pređi|pojdi|natrag|nazad|nazaj|povratak) na|rubrike|sekcije|navigacija"
    r"|(?:brze |korisne |povezane )?poveznice|(?:brzi |korisni )?linkovi|(?:hitre |uporabne )?povezave",
    "ui-label": r"naslovnica|početna(?: stranica)?|naslovna(?: strana)?|domača stran|pretraga|pretraži|traži"
    r"|pretraživanje|iskanje|išči|zatvori|zapri|natrag|nazad|nazaj|prethodn[ai]|sljedeć[ai]|sledeć[ai]"
    r"|naslednj[ai]|prejšnj[ai]|više|još|prikaži (?:više|sve)|pokaži več|vidi (?:više|sve)|učitaj (?:još|više)"
    r"|več|sadržaj|vsebina|karta (?:weba|sajta|stranice)|mapa (?:sajta|stranice)|zemljevid strani"
    r"|učitavanje\.*|nalaganje\.*|(?:preko )?cijel(?:i|og) zaslon(?:a)?|celoten zaslon",
    "search": r"(?:pretraga|pretraži|traži|pretraživanje|iskanje|išči)(?: (?:portal|stranicu|sajt|po strani))?\s*:"
    r"|pretraži (?:portal|stranicu|sajt)",
    "account": r"(?:prijava|prijavi se|odjava|odjavi se|registracija|registriraj se|registruj se|moj (?:profil|račun"
    r"|nalog)|kreiraj (?:račun|nalog)|izradi račun|prijavite se|registrirajte se|vpis|vpiši se|odjavi)"
    r"(?:\s*[/|]\s*(?:prijava|prijavi se|registracija|registriraj se|registruj se|vpis))*",
    "share-label": r"(?:podijeli|podeli|dijeli|podelite|podijelite|delite)(?: (?:članak|na|vest|vijest|objavo))?"
    r"(?:‹sep›(?:‹social›|facebooku|twitteru|instagramu|linkedinu|whatsappu))*"
    r"|(?:ispiši|isprintaj|štampaj|printaj|natisni)(?: članak| stranicu| članek)?"
    r"|pošalji (?:e-?mailom|prijatelju|na e-?mail)|pošlji prijatelju",
    "social-list": r"(?:pratite|prati|sledite|spremljajte|zapratite) nas(?: na)?(?:‹sep›‹social›)*\s*:?",
    "read-also": r"(?:pročitajte|procitajte|pročitaj) (?:i|još|također)|(?:preberite|preberi) (?:tudi|še)"
    r"|(?:vezan|povezan)[ie] (?:članci|vijesti|vesti|novice|članki|objave)|(?:možda|morda) vas zanima"
    r"|izdvojeno|preporučujemo|priporočamo",
    "related-label": r"najčitanij[ie](?: vijesti| vesti| članci)?|najbranejše(?: novice)?"
    r"|najnovij[ie](?: vijesti| vesti| članci)?|najnovejš[ie](?: novice)?|najpopularnij[ie]"
    r"|zadnje (?:vijesti|vesti|novice)|najnovije objave",
    "read-more": r"(?:pročitajte|procitajte|pročitaj|čitaj|čitajte) (?:više|dalje|cijeli članak|ceo tekst"
    r"|cijeli tekst|opširnije)|opširnije|saznajte više|(?:preberi|preberite) (?:več|naprej|celoten članek)"
    r"|več o tem",
    "comments": r"(?:‹num›\s*)?(?:komentar(?:a|i|ja|jev)?)|nema komentara|ni komentarjev"
    r"|(?:ostavi|napiši|dodaj|ostavite|napišite|dodajte|oddaj) komentar|komentiraj|komentariši"
    r"|odgovori na komentar|odustani od odgovora|prekliči odgovor|komentari su zatvoreni"
    r"|komentiranje je zatvoreno",
    "subscribe": r"(?:pretplati se|pretplatite se|prijavite se na (?:newsletter|bilten)|prijavi se na (?:newsletter"
    r"|bilten)|naroči se|naročite se)(?: na (?:newsletter|bilten|e-novice|novice))?",
    "newsletter": (r"bilten\w*|e-novice", ("bilten", "e-novice")),
    "cookie-words": (r"kolačić\w*|piškot\w*", ("kolačić", "piškot")),
    "cookie-button": r"prihvati(?: sve)?|prihvaćam|prihvatam|slažem se|odbij(?: sve)?|sprejmi(?: vse)?|sprejemam"
    r"|strinjam se|zavrni(?: vse)?|postavke kolačića|podešavanja kolačića|nastavitve piškotkov",
    "copyright": (
        r"sva prava (?:su )?(?:pridržana|zadržana|zaštićena|pridrzana)|vse pravice pridržane",
        ("pridrž", "zadrž", "zaštić", "pridrz"),
    ),
    "tags": r"oznake|tagovi|tagi|kategorije|kategorija|teme|ključne (?:riječi|reči|besede)|rubrik[ae]|značke",
    "ad-label": r"oglas|reklama|sponzorirano|sponzorisano|sponzoriran članek|plaćeni oglas|oglasno sporočilo",
    "byline-role": r"(?:piše|pise|autor|avtor|autorica|avtorica|tekst|napisao|napisala)\s*:\s*‹name›",
    "time-line": r"(?:(?:ažurirano|objavljeno)\s*:?\s*)?(?:prije|pre|pred) ‹num›"
    r"\s*(?:minut[ae]?|minuto|minutami|sati?|sata|urami|ura|dana?|dnevi|dnem)",
    "‹legal›": r"pravila privatnosti|politika (?:privatnosti|kolačića|zasebnosti)|zaštita privatnosti"
    r"|izjava o (?:privatnosti|dostupnosti)|pravila korištenja|uvjeti korištenja|uslovi korišćenja"
    r"|uslovi korištenja|uvjeti (?:i odredbe|poslovanja)|impresum|kontaktirajte nas|o nama|o nas|oglašavanje"
    r"|oglaševanje|karijere|pomoć|pomoč|česta pitanja|pogosta vprašanja|arhiva|varstvo (?:osebnih )?podatkov"
    r"|pogoji uporabe|piškotki|pristupačnost|dostopnost",
    "‹address›": r"naš\w*|vaš\w*|tvoj\w*|koristimo|uporabljamo|nam|vam",
    "‹web›": r"stranic\w*|sajt\w*|web-?stranic\w*|portal\w*|spletn\w*|stran(?:i|eh)?|preglednik\w*|pregledač\w*"
    r"|brskalnik\w*|iskustv\w*|izkušnj\w*|postavk\w*|podešavanj\w*|nastavit\w*|pristan\w*|privol\w*|soglas\w*"
    r"|prihvać\w*|sprejm\w*|privatnost\w*|zasebnost\w*|osobn\w*|podat\w*|oglas\w*|analitičk\w*",
    "‹use›": r"koristi\w*|upotrebljava\w*|uporablja\w*",
    "‹this-site›": r"\b(?:ova|ove|ovoj|ta|te|tej) (?:stranica|stranice|stranici|web stranica|spletna stran"
    r"|spletni strani|stran)\b|\bovaj (?:portal|sajt|web)\b",
    "‹call›": r"pretplat\w*|prijav\w*|naroč\w*",
    "‹published›": r"objavljeno|objavljen[oa]?|ažurirano|azurirano|izmijenjeno|izmenjeno|posodobljeno",
    "‹by›": r"piše|autor|avtor",
    "‹page›": r"strana|stran",
    "‹step›": r"sledeća|naslednja|prejšnja|prva|zadnja|posljednja|poslednja",
    "months": "siječanj|siječnja|veljača|veljače|ožujak|ožujka|travanj|travnja|svibanj|svibnja|lipanj|lipnja"
    "|srpanj|srpnja|kolovoz|kolovoza|rujan|rujna|listopad|listopada|studeni|studenoga|studenog"
    "|prosinac|prosinca|januar|januara|januarja|februar|februara|februarja|mart|marta|marec|marca"
    "|april|aprila|maj|maja|jun|juni|junij|juna|junija|jul|juli|julij|jula|julija|avgust|avgusta"
    "|august|augusta|septembar|septembra|september|oktobar|oktobra|oktober|novembar|novembra|november"
    "|decembar|decembra|december",
    "weekdays": r"ponedjeljak|ponedeljak|ponedeljek|utorak|torek|srijeda|sreda|četvrtak|četrtek|petak|petek|subota"
    r"|sobota|nedjelja|nedelja",
    # A listing's buttons: "Dodaj u košaricu", "U korpu", "V košarico", "Kupi sada", "Kupi karte".
    "listing-control": r"(?:dodaj |stavi )?(?:u|v) (?:košaricu|korpu|košarico)"
    r"|dodaj (?:na (?:listu|popis|seznam) želja|u (?:favorite|omiljene|kalendar)|med priljubljene|v koledar)"
    r"|kupi (?:sada|odmah|zdaj|takoj|ulaznic[ue]|karte|vstopnic[oe])"
    r"|(?:spremi|shrani) oglas|prijavi se na (?:oglas|natječaj|konkurs)"
    r"|spremi recept|shrani recept",
}

CA: dict[str, Entry] = {
    "here": r"sou aquí|ets aquí|esteu aquí",
    "photo-word": (r"foto|imatge", ('foto', 'imatge')),
    "skip-link": r"(?:salta|ves|vés|anar|saltar)(?: directament)? al (?:contingut(?: principal)?|menú(?: principal)?"
    r"|cercador|peu de pàgina)|(?:salta|ves|vés|anar|saltar) a la (?:navegació|cerca)",
    "back-link": r"(?:tornar|torna) (?:a dalt|amunt|a l['’]inici|a la portada|al principi|a la llista)",
    "menu-label": r"(?:obre|tanca|obrir|tancar|mostra|amaga) (?:el )?menú|menú principal|navegació",
    "‹home›": r"inici|portada",
    "‹nav-label›": r"(?:vés|ves|anar|salta|tornar) a|seccions|navegació|accés ràpid"
    r"|enllaços(?: ràpids| útils| d['’]interès| relacionats| patrocinats)?",
    "ui-label": r"inici|cercar|tanca|tancar|enrere|següent|més|veure (?:més|tot)|mostra més|carrega més|índex|sumari"
    r"|mapa del web|carregant\.*",
    "search": r"(?:cerca|cercar)(?: al web| en aquest web)?\s*:|cerca al web",
    "account": r"(?:inicia(?:r)? (?:la )?sessió|entra|entrar|surt|sortir|tanca(?:r)? (?:la )?sessió|registra['’]t"
    r"|registrar-se|el meu compte|crea (?:un )?compte|donar-se d['’]alta)(?:\s*[/|]\s*(?:inicia(?:r)? sessió"
    r"|entra|registra['’]t|registrar-se))*",
    "share-label": r"comparteix(?: (?:l['’]article|a|aquesta notícia))?(?:‹sep›‹social›)*|imprimeix"
    r"|envia (?:per correu|a un amic)",
    "social-list": r"segueix-nos(?: a| en)?(?:‹sep›‹social›)*\s*:?",
    "read-also": r"llegeix també|vegeu també|(?:també )?et pot interessar|(?:notícies|articles) relacionat(?:s|es)",
    "related-label": r"el més llegit|més (?:llegides|llegits|llegit|vistos|vist)|últimes notícies|destacats?"
    r"|articles recents",
    "read-more": r"llegeix(?:-ne)? més|continua llegint|més informació|saber-ne més|llegir més",
    "comments": r"(?:‹num›\s*)?comentaris?|cap comentari|no hi ha comentaris|(?:deixa|escriu|afegeix) un comentari"
    r"|respon|cancel·la la resposta|els comentaris estan tancats",
    "subscribe": r"subscriu-te(?: al butlletí)?|subscriure['’]s|fes-te subscriptor|alta al butlletí",
    "newsletter": (r"butllet[ií]\w*", ("butllet",)),
    "cookie-words": (r"galet\w*", ("galet",)),
    "cookie-button": r"accepta(?: totes| tot| les galetes)?|acceptar(?: totes)?|rebutja(?: totes)?|rebutjar"
    r"|configuració de galetes|d['’]acord",
    "copyright": (r"tots els drets reservats", ("reservats",)),
    "tags": r"etiquetes|categories|categoria|temes|paraules clau",
    "ad-label": r"publicitat|contingut patrocinat|patrocinat",
    "‹legal›": r"política de (?:privadesa|galetes)|avís legal|avís d['’]exempció de responsabilitat"
    r"|quant a (?:la |el |l['’])?‹name›|condicions d['’]ús|contacte|contacta['’]ns|qui som"
    r"|sobre nosaltres|publicitat|treballa amb nosaltres|ajuda|preguntes freqüents|mapa del web|accessibilitat"
    r"|arxiu",
    "‹address›": r"nosaltres|vostè|vosaltres|teu|teva|utilitzem|fem",
    "‹web›": r"lloc\w*|navegació|experiència|configuració|preferències|consentiment|privadesa|dades|publicitat"
    r"|anàlisi",
    "‹use›": r"utilitz\w*",
    "‹this-site›": r"\baquest (?:lloc(?: web)?|web)\b",
    "‹published›": r"publicat|actualitzat|modificat|(?:la )?pàgina va ser modificada per (?:darrera|última) vegada",
    # A date with its time: "3 març 2024 a les 18:22".
    "date": r"\d{1,2} (?:de |d['’])?(?:gener|febrer|març|abril|maig|juny|juliol|agost|setembre|octubre|novembre"
    r"|desembre) (?:de )?\d{4},? a les \d{1,2}[:.]\d{2}",
    "‹page›": r"pàgina",
    "‹step›": r"següent|primera|última",
    "months": "gener|febrer|març|abril|maig|juny|juliol|agost|setembre|octubre|novembre|desembre",
    "weekdays": r"dilluns|dimarts|dimecres|dijous|divendres|dissabte|diumenge",
    # A listing's buttons: "Afegeix a la cistella", "Compra ara", "Afegeix a preferits", "Compra entrades".
    "listing-control": r"(?:afegeix|afegir|afegiu) (?:a la cistella|al carro|al carret(?:ó)?"
    r"|a (?:la llista de )?(?:preferits|favorits|desitjos)|al calendari)"
    r"|compra(?:r)? (?:ara|ja|entrades)|reserva(?:r)? (?:ara|entrades)|inscriu-te(?: ara)?",
}

# Indonesian and Malay.
ID: dict[str, Entry] = {
    "gallery-counter": r"(?:(?:foto|gambar)\s+)?\d+\s*dari\s*\d+",
    "here": r"anda di sini|anda berada di sini",
    "photo-word": (r"foto|gambar|sumber", ('foto', 'gambar', 'sumber')),
    "skip-link": r"(?:langsung |lompat |loncat )?ke (?:konten|isi)(?: utama)?|lewati (?:ke konten|navigasi|menu)",
    "back-link": r"kembali ke (?:atas|beranda|halaman utama|daftar|awal)",
    "menu-label": r"(?:buka|tutup) menu|menu utama|navigasi",
    "‹home›": r"beranda|halaman utama",
    "‹nav-label›": r"(?:langsung|lompat|pergi|kembali) ke|rubrik|kanal|navigasi|akses cepat"
    r"|tautan(?: cepat| terkait| berguna)?|link (?:cepat|terkait|berguna)",
    "ui-label": r"beranda|halaman utama|cari|pencarian|tutup|kembali|sebelumnya|selanjutnya|berikutnya|lainnya"
    r"|lebih banyak|lihat (?:semua|lainnya|selengkapnya)|muat lebih banyak|daftar isi|peta situs|memuat\.*"
    r"|layar penuh|indeks berita",
    "search": r"(?:cari|pencarian)(?: di (?:situs|blog) ini)?\s*:|cari di (?:situs|blog) ini",
    "account": r"(?:masuk|keluar|daftar|registrasi|akun saya|buat akun)(?:\s*[/|]\s*(?:masuk|daftar|registrasi"
    r"|buat akun))*",
    "share-label": r"(?:bagikan|kongsi)(?: artikel ini)?(?: (?:ke|di|via))?(?:‹sep›‹social›)*"
    r"|cetak(?: artikel| halaman)?|kirim (?:via email|ke teman)",
    "social-list": r"ikuti kami(?: di)?(?:‹sep›‹social›)*\s*:?",
    "read-also": r"baca juga|lihat juga|simak juga|(?:berita|artikel|resipi|resep) (?:terkait|berkaitan)|rekomendasi"
    r"|mungkin anda (?:juga )?suka",
    "related-label": r"terpopuler|terbaru|berita (?:terbaru|terpopuler|terkini)|paling banyak dibaca|terkini"
    r"|pilihan editor|(?:artikel|postingan) (?:populer|terbaru)",
    "read-more": r"baca (?:selengkapnya|lebih lanjut)|selengkapnya|lanjutkan membaca|pelajari lebih lanjut",
    "comments": r"(?:‹num›\s*)?(?:komentar|komen)|(?:belum|tidak) ada (?:komentar|komen)"
    r"|(?:tinggalkan|tulis|kirim|hantar) (?:sebuah )?(?:komentar|komen)"
    r"|balas|batalkan balasan|komentar ditutup",
    "subscribe": r"berlangganan(?: newsletter| sekarang)?|langganan|langgan(?: sekarang)?"
    r"|(?:berlangganan|langgan)(?: [^\W\d_]+){0,3} (?:melalui|lewat|via) e-?(?:mel|mail)",
    "cookie-button": r"terima(?: semua)?|setuju|saya setuju|tolak(?: semua)?|pengaturan cookie|mengerti",
    "copyright-start": (r"hak cipta", ("hak cipta",)),
    "copyright": (r"hak cipta dilindungi(?: undang-undang)?", ("hak cipta",)),
    "tags": r"kategori|topik|label|kata kunci",
    # The comment form's notice, in Malay and in Indonesian.
    "comment-form": (
        r"alamat e-?(?:mel|mail) (?:anda )?tidak akan (?:disiarkan|dipublikasikan|ditampilkan)\.?(?:\s*.{0,80}\*\.?)?"
        r"|simpan nama.{0,100}(?:peramban|browser).{0,60}",
        ("disiarkan", "dipublikasikan", "ditampilkan", "peramban", "browser"),
    ),
    "ad-label": r"iklan|konten bersponsor|disponsori|gulir (?:ke bawah )?untuk melanjutkan(?: membaca)?",
    "time-line": r"‹num›\s*(?:menit|jam|hari|detik) (?:yang )?lalu|waktu baca:?\s*‹num›.{0,12}|‹num›\s*menit baca",
    "‹legal›": r"kebijakan privasi|syarat (?:dan|&) ketentuan|syarat penggunaan|ketentuan layanan"
    r"|pedoman media siber|tentang kami|hubungi kami|kontak(?: kami)?|redaksi|karir|karier|pasang iklan|info iklan"
    r"|bantuan|peta situs",
    "‹address›": r"kami|anda|kita|kamu",
    "‹web›": r"situs|laman|peramban|pengalaman|pengaturan|persetujuan|setuju|privasi|iklan|analitik|kebijakan",
    "‹use›": r"menggunakan|memakai",
    "‹this-site›": r"\b(?:situs|website|laman) ini\b",
    "‹call›": r"berlangganan|daftar",
    "‹published›": r"diterbitkan|dipublikasikan|diperbarui|ditulis|diposting",
    "‹by›": r"oleh",
    "‹of›": r"dari",
    "‹page›": r"halaman",
    "‹step›": r"selanjutnya|sebelumnya|berikutnya|pertama|terakhir",
    "months": r"januari|februari|maret|mei|agustus|oktober|desember",
    "weekdays": "senin|selasa|rabu|kamis|jumat|jum'at|jum’at|sabtu|minggu",
    # A listing's buttons (Malay's too): "Tambah ke keranjang", "+ Keranjang", "Beli sekarang", "Tambah ke troli".
    "listing-control": r"(?:\+\s*)?keranjang"
    r"|(?:tambah(?:kan)?|masukkan) (?:ke )?(?:keranjang|troli|wishlist|favorit|kalender|senarai hajat|daftar keinginan)"
    r"|beli (?:sekarang|tiket)|pesan (?:sekarang|tiket)|lamar sekarang|simpan lowongan|mohon sekarang",
}

VI: dict[str, Entry] = {
    "here": r"bạn đang ở|vị trí hiện tại",
    "photo-word": (r"ảnh|hình ảnh|nguồn", ('ảnh', 'nguồn')),
    "comment-form": (
        r"(?:địa chỉ )?email của bạn sẽ không được (?:hiển thị công khai|công bố|công khai)\.?(?:\s*.{0,80}\*.{0,40})?"
        r"|lưu tên của tôi.{0,100}trình duyệt.{0,60}",
        ("công khai", "công bố", "trình duyệt"),
    ),
    "listing-control": r"(?:thêm vào|cho vào) (?:giỏ hàng|giỏ|yêu thích)|mua (?:ngay|vé)|ứng tuyển(?: ngay)?",
    "skip-link": r"(?:chuyển|bỏ qua|đi) (?:đến|tới) (?:nội dung(?: chính)?|điều hướng|menu)"
    r"|bỏ qua (?:nội dung|điều hướng)",
    "back-link": r"(?:quay lại|trở lại|trở về|về|lên) (?:đầu trang|trang chủ|danh sách)",
    "menu-label": r"(?:mở|đóng) (?:menu|danh mục)|danh mục|menu chính|điều hướng",
    "‹home›": r"trang chủ",
    "‹nav-label›": r"(?:chuyển|đi|nhảy|quay lại|trở về) (?:đến|tới)|chuyên mục|danh mục|điều hướng|truy cập nhanh"
    r"|liên kết(?: nhanh| hữu ích| liên quan)?",
    "ui-label": r"trang chủ|tìm kiếm|tìm|đóng|quay lại|trở lại|tiếp theo|xem (?:thêm|tất cả)|tải thêm|mục lục"
    r"|sơ đồ (?:trang|website)|đang tải\.*|toàn màn hình",
    "search": r"tìm kiếm(?: trên trang)?\s*:|nhập từ khó?a(?: tìm kiếm)?",
    "account": r"(?:đăng nhập|đăng xuất|đăng ký|đăng kí|tài khoản(?: của tôi)?|tạo tài khoản)"
    r"(?:\s*[/|]\s*(?:đăng nhập|đăng ký|đăng kí))*",
    "share-label": r"chia sẻ(?: (?:bài viết|lên|qua))?(?:‹sep›‹social›)*|in bài(?: viết)?"
    r"|gửi (?:bài viết|cho bạn bè|email)",
    "social-list": r"theo dõi chúng tôi(?: trên)?(?:‹sep›‹social›)*\s*:?",
    "read-also": r"xem thêm|đọc thêm|tin liên quan|bài viết liên quan|(?:có thể )?bạn (?:có thể )?quan tâm"
    r"|tin cùng chuyên mục",
    "related-label": r"tin mới(?: nhất)?|(?:đọc|xem) nhiều(?: nhất)?|tin nổi bật|nổi bật|bài viết mới(?: nhất)?"
    r"|mới nhất|tin nóng",
    "read-more": r"đọc tiếp|xem tiếp|xem chi tiết|tìm hiểu thêm",
    "comments": r"(?:‹num›\s*)?bình luận|chưa có bình luận(?: nào)?|(?:viết|gửi|để lại) bình luận|trả lời"
    r"|hủy trả lời|ý kiến bạn đọc|gửi ý kiến",
    "subscribe": r"đăng ký nhận(?: bản tin| tin)?",
    "cookie-button": r"chấp nhận(?: tất cả)?|đồng ý|từ chối(?: tất cả)?|cài đặt cookie|tôi đồng ý",
    "copyright-start": (r"bản quyền", ("bản quyền",)),
    "copyright": (r"giữ bản quyền|bản quyền thuộc về", ("bản quyền",)),
    "tags": r"thẻ|từ khóa|từ khoá|chủ đề|chuyên mục",
    "ad-label": r"quảng cáo|tài trợ|nội dung tài trợ",
    "time-line": r"‹num›\s*(?:phút|giờ|ngày) trước",
    "‹legal›": r"chính sách (?:bảo mật|quyền riêng tư)|điều khoản (?:sử dụng|dịch vụ)|liên hệ(?: với chúng tôi)?"
    r"|giới thiệu|về chúng tôi|(?:liên hệ )?quảng cáo|tuyển dụng|trợ giúp|câu hỏi thường gặp|sơ đồ trang",
    "‹address›": r"chúng tôi|bạn|chúng ta",
    "‹web›": r"trang web|trình duyệt|trải nghiệm|cài đặt|đồng ý|chấp nhận|quyền riêng tư|dữ liệu|quảng cáo"
    r"|chính sách",
    "‹use›": r"sử dụng|dùng",
    "‹published›": r"đăng lúc|đăng ngày|ngày đăng|cập nhật(?: lúc| ngày)?|xuất bản",
    "‹by›": r"(?:đăng|viết) bởi",
    "‹page›": r"trang",
    "‹step›": r"tiếp|trước|đầu|cuối|tiếp theo",
    "weekdays": "thứ hai|thứ ba|thứ tư|thứ năm|thứ sáu|thứ bảy|thứ 2|thứ 3|thứ 4|thứ 5|thứ 6|thứ 7|chủ nhật",
    # A comment's stamp: "06/03/2026 lúc 08:12" (at).
    "date": r"(?:ngày\s+)?\d{1,2}\s+tháng\s+\d{1,2}(?:,?\s+(?:năm\s+)?\d{4})?"
    r"|\d{1,2}/\d{1,2}/\d{4}\s+lúc\s+\d{1,2}[:h]\d{2}",
    # A shop's reviews widget and a Q&A site's counts: "89 đánh giá", "Đã mua hàng", "Viết đánh giá", "Sắp xếp theo".
    "review-controls": r"\(?‹num›\s*(?:đánh giá|nhận xét)\)?|đã mua hàng|viết (?:đánh giá|nhận xét)"
    r"|xem (?:thêm|tất cả) (?:đánh giá|nhận xét)|hữu ích\s*\(‹num›\)|sắp xếp theo\s*:?(?:\s+[^.!?]{1,40})?"
    r"|‹num›\s*(?:câu trả lời|lượt xem)",
}

# Swahili.
SW: dict[str, Entry] = {
    "here": r"uko hapa",
    "photo-word": (r"picha", ('picha',)),
    "skip-link": r"ruka (?:hadi|kwenda) (?:maudhui|yaliyomo|menyu)(?: kuu)?",
    "back-link": r"rudi (?:juu|mwanzo|ukurasa wa (?:nyumbani|mwanzo))",
    "menu-label": r"(?:fungua|funga) menyu|menyu kuu",
    "‹home›": r"nyumbani|ukurasa wa (?:nyumbani|mwanzo)",
    "ui-label": r"nyumbani|ukurasa wa (?:nyumbani|mwanzo)|tafuta|funga|rudi|iliyotangulia|inayofuata|zaidi"
    r"|(?:ona|tazama|onyesha) (?:zaidi|yote)|pakia zaidi|yaliyomo|inapakia\.*",
    "search": r"tafuta(?: kwenye tovuti)?\s*:|tafuta kwenye tovuti",
    "account": r"(?:ingia|toka|jisajili|akaunti yangu|fungua akaunti)(?:\s*[/|]\s*(?:ingia|jisajili|fungua akaunti))*",
    "share-label": r"shiriki(?: habari hii| makala hii| kwenye| kupitia)?(?:‹sep›‹social›)*|chapisha habari hii"
    r"|tuma kwa (?:barua pepe|rafiki)",
    "social-list": r"tufuate(?: kwenye)?(?:‹sep›‹social›)*\s*:?",
    "read-also": r"soma pia|habari (?:zinazohusiana|nyingine)|makala zinazohusiana|unaweza pia kupenda",
    "related-label": r"habari (?:mpya|za hivi punde|zilizosomwa zaidi|kuu)|zilizosomwa zaidi|maarufu",
    "read-more": r"soma zaidi|endelea kusoma|soma habari kamili",
    "comments": r"(?:‹num›\s*)?maoni|hakuna maoni|(?:andika|acha|toa|tuma) maoni(?: yako)?|tuma|jibu|ghairi jibu",
    "subscribe": r"jiandikishe(?: sasa)?|jisajili sasa"
    r"|jiandikishe kupokea (?:habari|makala|taarifa)\w*(?: \w+){0,5} kwa barua pepe",
    "newsletter": (r"jarida(?: letu)?(?: la (?:kila siku|kila wiki|habari))?", ("jarida",)),
    "cookie-words": (r"vidakuzi", ("vidakuzi",)),
    "cookie-button": r"nakubali|kubali(?: yote)?|kataa(?: yote)?|mipangilio ya vidakuzi",
    "copyright": (r"haki zote zimehifadhiwa", ("zimehifadhiwa",)),
    "tags": r"lebo|vitambulisho|mada",
    "ad-label": r"tangazo|matangazo",
    "time-line": r"‹num›\s*(?:dakika|saa|siku) zilizopita",
    # "Na Amina Juma" (by): "na" is also "and", so two capitalised names at least, "Na" capitalised
    # ("Na Hvaru", Croatian "on Hvar", is one).
    "byline-role": r"(?-i:Na [A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,3})",
    "‹legal›": r"kuhusu sisi|wasiliana nasi|sera ya faragha|masharti ya matumizi|vigezo na masharti|matangazo"
    r"|nafasi za kazi|msaada|maswali yanayoulizwa mara kwa mara",
    "‹address›": r"sisi|wewe|yako|tunatumia",
    "‹web›": r"tovuti\w*|kivinjari|matumizi|mipangilio|idhini|faragha|matangazo",
    "‹use›": r"tunatumia|kutumia|hutumia",
    "‹this-site›": r"\btovuti hii\b",
    "‹published›": r"imechapishwa|ilichapishwa|imesasishwa",
    "‹page›": r"ukurasa",
    "‹step›": r"inayofuata|iliyotangulia|ya kwanza|ya mwisho",
    "months": "machi|aprili|juni|julai|agosti|septemba|oktoba|novemba|desemba",
    "weekdays": "jumatatu|jumanne|jumatano|alhamisi|ijumaa|jumamosi|jumapili",
    # A listing's buttons: "Ongeza kwenye kikapu", "Nunua sasa", "Nunua tiketi", "Omba sasa".
    "listing-control": r"(?:ongeza|weka) kwenye (?:kapu|kikapu|rukwama|kalenda|orodha ya (?:matamanio|vipendwa))"
    r"|nunua (?:sasa|tiketi)|omba (?:sasa|kazi hii)|hifadhi tangazo",
}

# Every language, in the order its words join each row's alternatives.
LANGUAGES: dict[str, dict[str, Entry]] = {
    "pt": PT,
    "nl": NL,
    "pl": PL,
    "cs-sk": CS_SK,
    "sv-da-no": SV_DA_NO,
    "fi": FI,
    "tr": TR,
    "ro": RO,
    "hu": HU,
    "hr-sr-sl": HR_SR_SL,
    "ca": CA,
    "id": ID,
    "vi": VI,
    "sw": SW,
    **MORE_LANGUAGES,
}

# Where a row's template takes other languages' words: ‹langs› (the row's name) or ‹langs:KEY›.
_MARKER = re.compile(r"‹langs(?::([\w-]+))?›")
# Keys that add to the ‹date› mask rather than to a row or a fragment.
DATE_KEYS = ("months", "weekdays", "date")


def word_list(text: str) -> list[str]:
    """Returns the words of a ``months`` or ``weekdays`` entry (``|`` between them)."""
    return [word for word in text.split("|") if word]


def _entries(key: str) -> list[tuple[str, str, tuple[str, ...]]]:
    """Returns ``(language, expression, needles)`` of every language that has ``key``, in order."""
    out = []
    for lang, table in LANGUAGES.items():
        entry = table.get(key)
        if entry is not None:
            expression, needles = (entry, ()) if isinstance(entry, str) else entry
            out.append((lang, expression, needles))
    return out


def words(key: str) -> str:
    """Returns the alternatives every language gives for ``key`` (a fragment or a date key), joined by ``|``.

    Empty when no language has the key.

    Raises:
        ValueError: an entry of a fragment carries needles (only a row's entries do).
    """
    found = _entries(key)
    if any(needles for _, _, needles in found):
        raise ValueError(f"{key}: the words of a fragment carry no needles")
    return "|".join(expression for _, expression, _ in found)


def with_languages(
    row: tuple[str, str, str, int, tuple[str, ...]], digits: tuple[str, ...]
) -> tuple[str, str, str, int, tuple[str, ...]]:
    r"""Returns a built-in row with its ``‹langs›`` markers replaced by every language's words for them.

    A marker becomes ``(?:e1|e2|...)``, so a row matches every line it matched before and the
    other languages' lines too. A row with needles takes the entries' needles as well.

    Args:
        row: ``(kind, name, template, max_words, needles)``.
        digits: the needles of the rules that need a digit: an entry of such a row that holds
            ``‹num›``, ``‹stamp›`` or ``\d`` has a digit and needs no needles of its own.

    Raises:
        ValueError: a marker no language fills, or an entry of a row with needles that
            brings none (its lines would never reach its pattern), or needles for a row without.
    """
    kind, name, template, max_words, needles = row
    added: list[str] = []

    def expand(match: re.Match[str]) -> str:
        key = match.group(1) or name
        found = _entries(key)
        if not found:
            raise ValueError(f"{name}: no language fills the marker {match.group(0)}")
        for lang, expression, own in found:
            has_digit = needles == digits and any(m in expression for m in ("‹num›", "‹stamp›", r"\d"))
            if needles and not own and not has_digit:
                raise ValueError(f"{name}: the {lang} words for {key} need needles, as the row has")
            if own and not needles:
                raise ValueError(f"{name}: the {lang} words for {key} have needles, the row none")
            added.extend(own)
        return "(?:" + "|".join(expression for _, expression, _ in found) + ")"

    template = _MARKER.sub(expand, template)
    return kind, name, template, max_words, needles + tuple(n for n in dict.fromkeys(added) if n not in needles)


def marker_keys(templates: list[str]) -> set[str]:
    """Returns the keys the markers of some rows read (``‹langs›`` reads its row's name): for the tests."""
    return {m.group(1) or "" for t in templates for m in _MARKER.finditer(t)}
