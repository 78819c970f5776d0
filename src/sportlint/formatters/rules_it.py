"""What each rule checks, in Italian, for the pages editors read (the HTML report's rule
table). The rules' own documentation is in English (docs/rules.md, `sportlint rules`); an
editor is shown these lines instead. A rule missing here (a newsroom's own, from
``rule_files``) is described by the message of its first finding, which is Italian too.
"""

from __future__ import annotations

SUMMARIES: dict[str, str] = {
    "grammar.accented-verb": "Verbo con l'accento finale subito dopo una preposizione o un "
                             "articolo («In seguitò»).",
    "grammar.article-before-name": "Articolo davanti a un nome straniero secondo come si pronuncia "
                                   "(«del Schalke» → «dello Schalke»).",
    "grammar.article-before-number": "Articolo davanti a un numero o a un risultato secondo come si "
                                     "legge («il 8 marzo» → «l'8 marzo»).",
    "grammar.article-form": "Forma dell'articolo maschile secondo l'iniziale della parola "
                            "seguente («il stadio» → «lo stadio»).",
    "grammar.article-gender": "Articolo di genere sbagliato davanti al nome («il partita» → «la partita»).",
    "grammar.article-number": "Articolo e nome non concordano nel numero («le parete» → «le pareti»).",
    "grammar.avere-h": "Forma di «avere» scritta senza h («Rossi a segnato») o «ha» al posto di «a».",
    "grammar.clitic-forms": "Pronomi atoni combinati nella forma sbagliata («ci ne sono» → «ce ne "
                            "sono»).",
    "grammar.determiner-agreement": "Quantificatore e nome non concordano («alcuni giocatore» → "
                                    "«alcuni giocatori»).",
    "grammar.elision": "Elisione o troncamento che non si accorda con il genere o l'iniziale "
                       "della parola seguente.",
    "grammar.fixed-expressions": "Locuzioni con la preposizione sbagliata («in merito di» → «in "
                                 "merito a»).",
    "grammar.homophones": "e/è, ne/né, da/dà scambiati dove il contesto non lascia dubbi.",
    "grammar.missing-elision": "Elisione mancante dove l'italiano la richiede («una altra» → "
                               "«un'altra»).",
    "grammar.np-agreement": "Articolo, nome e aggettivo che non concordano in genere o numero («una "
                            "prestazione straordinario»).",
    "grammar.participle-agreement": "Participio dopo «essere» che non concorda con il soggetto («la "
                                    "squadra è partito»).",
    "grammar.participle-noun": "Participio usato come nome al posto del nome d'azione "
                               "(«l'esonerato dell'allenatore» → «l'esonero»).",
    "grammar.piu-plural": "Nome al singolare dopo «più» nel senso di «diversi» («in più occasione»).",
    "grammar.relative-agreement": "Verbo al singolare dopo «nome plurale + che, inciso,» "
                                  "(«decisioni che, poi, suscitò»).",
    "grammar.subject-verb": "Verbo che non concorda con il soggetto vicino («i tifosi ha cantato»).",
    "grammar.subjunctive": "Indicativo dopo una congiunzione che vuole il congiuntivo («benché il "
                           "Milan ha dominato»).",
    "grammar.tense-consistency": "Un presente in un paragrafo raccontato al passato remoto "
                                 "(«Non segue Conte»).",
    "grammar.verb-preposition": "Verbo seguito da una preposizione che non regge («optare di» → "
                                "«optare per»).",
    "languagetool": "Segnalazioni del server LanguageTool della redazione (facoltativo).",
    "names.consistency": "Un nome scritto una o due volte in una forma vicina a quella che "
                         "l'articolo usa più spesso.",
    "names.exonyms": "Nome straniero di un club dove l'italiano usa la forma italiana "
                     "(Bayern Munich → Bayern Monaco).",
    "names.gazetteer": "Parola maiuscola che non è un nome noto ma dista una lettera da uno "
                       "(«Sampdroia»).",
    "names.reject": "Forma di un nome che la redazione non usa, con quella da usare.",
    "punctuation.che-comma": "Virgola subito dopo «che» che separa la frase dal suo inizio («ha "
                             "detto che, la squadra»).",
    "punctuation.subject-verb-comma": "Virgola tra il soggetto e il suo verbo («Il capitano della "
                                      "Roma, ha segnato»).",
    "punctuation.unclosed-inciso": "Inciso aperto da una virgola e mai chiuso prima del verbo che "
                                   "interrompe.",
    "punctuation.verb-object-comma": "Virgola tra il verbo e il suo complemento oggetto, con "
                                     "l'inciso non chiuso.",
    "quotes.mismatched": "Virgolette aperte con un segno e chiuse con un altro (‘San Nicola').",
    "quotes.nesting": "Virgolette annidate male («a «b» c») o due coppie che si incrociano.",
    "quotes.style": "Virgolette diverse da quelle dello stile della redazione (« », “ ” o \" \").",
    "quotes.unbalanced": "Virgolette aperte e mai chiuse nel paragrafo, o chiuse e mai aperte.",
    "scores.date-weekday": "Giorno della settimana che non corrisponde alla data "
                           "(«domenica 8 maggio 2017»).",
    "scores.format": "Punteggi scritti in più modi nello stesso articolo (2-1 e 2 a 1, 2-1 e 2–1).",
    "scores.impossible-date": "Data che non esiste («31 settembre», «29 febbraio 2023»).",
    "scores.restated": "Punteggio ripetuto per la stessa partita nella stessa frase.",
    "scores.year-typo": "Anno scritto con una cifra in più o in meno («8 maggio 20014»).",
    "spelling.accents": "Accenti e apostrofi sbagliati (poichè, fà, sè stesso, perche').",
    "spelling.final-accent": "Accento finale mancante, sbagliato o di troppo (possibilita, cosí, anché).",
    "spelling.misspellings": "Errori di ortografia comuni che sembrano parole (sopratutto, propio).",
    "spelling.repeated-word": "Parola scritta due volte di seguito («il il Bari»).",
    "spelling.unknown-word": "Parola che non è italiana e dista un refuso da una parola comune.",
    "style.anglicisms": "Parole inglesi dove lo stile vuole quella italiana (trainer → allenatore, "
                        "goal → gol).",
    "style.consistency": "La stessa cosa scritta in due modi nello stesso articolo (ct e c.t., "
                         "UEFA e Uefa).",
    "style.d-eufonica": "Stile: «ad», «ed» solo davanti alla stessa vocale («ad un ritorno» → "
                        "«a un ritorno»).",
    "style.date-case": "Mese o giorno della settimana con la maiuscola in una data («il 5 Maggio»).",
    "style.numbers-in-words": "Numero piccolo in cifre dove lo stile lo vuole in lettere («1 punto»).",
    "style.redundancy": "Pleonasmi che l'italiano scritto non accetta («ma però», «più migliore»).",
    "typography.apostrophe-misuse": "Apostrofo dove serve un accento o niente (E' stato, qual'è), "
                                    "o mancante dove serve (un po).",
    "typography.apostrophe-style": "Apostrofi diversi da quelli dello stile della redazione (' o ’).",
    "typography.double-space": "Due o più spazi tra le parole («il  Bari»).",
    "typography.elision-space": "Spazio dopo l'apostrofo di un'elisione («l' esonero»).",
    "typography.ellipsis-style": "Puntini di sospensione non scritti come vuole lo stile "
                                 "(«...» o «…»).",
    "typography.mixed-apostrophes": "Apostrofi dritti (') e tipografici (’) mescolati nello "
                                    "stesso articolo.",
    "typography.mixed-ellipsis": "Le due forme dei puntini («...» e «…») nello stesso articolo.",
    "typography.repeated-punct": "Punteggiatura ripetuta («,,» «;;» «!!» «..»), o quattro puntini.",
    "typography.space-after-punct": "Manca lo spazio dopo virgola, punto e virgola, due punti, "
                                    "punto, punto esclamativo o interrogativo.",
    "typography.space-before-punct": "Spazio prima di virgola, punto, punto e virgola, due punti, "
                                     "punto esclamativo o interrogativo.",
    "typography.space-inside": "Spazi subito dentro parentesi o virgolette («( 2-1 )», "
                               "«« Siamo pronti »»).",
    "typography.unbalanced-parens": "Parentesi aperta e mai chiusa nel paragrafo, o il contrario.",
    "typography.wrong-apostrophe": "Carattere che non è un apostrofo usato come tale "
                                   "(l‘esonero, l`esonero, dell´Inter).",
    # rules of other families merged on main meanwhile
    "names.lowercase": "Luogo o club noto scritto con la minuscola («la nazionale di francia» → "
                       "«Francia»).",
    "numbers.decimal-point": "Decimale scritto con il punto dove l'italiano usa la virgola "
                             "(«62.5%» → «62,5%»).",
    "numbers.elided-year": "Anno ridotto a due cifre senza apostrofo («anni 70» → «anni '70»).",
    "numbers.ordinal-indicator": "Numero ordinale scritto con una lettera semplice o un accento "
                                 "circonflesso («3a» → «3ª»).",
    "numbers.thousands": "Migliaia scritte in modo diverso dallo stile della redazione "
                         "(«10 000» o «10.000»).",
    "numbers.time-format": "Secondi di un tempo scritti con una sola cifra (1'7\" → 1'07\").",
    "spelling.prefix-hyphen": "Prefisso scritto con il trattino («ex-presidente» → «ex presidente»).",
    "style.common-noun-case": "Nome comune con la maiuscola a metà frase senza motivo "
                              "(«la Città è in festa»).",
    "style.restated-word": "Lo stesso nome ripetuto a poche parole di distanza.",
    "style.title-case": "Titolo tra virgolette con tutte le iniziali maiuscole («Il Giardino Dei Ciliegi»).",
    "typography.accent-char": "Accento scritto con il carattere sbagliato («É stata» → «È stata»).",
    "typography.mixed-script": "Lettera cirillica o greca simile a una latina dentro una parola "
                               "italiana («Nаpoli» con la а cirillica).",
    # the in-text suppressions' own checks (engine/suppressions.py)
    "sportlint.unused-suppression": "Commento sportlint-disable che non nasconde nessuna segnalazione.",
}
