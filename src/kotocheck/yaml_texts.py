"""The wording of every YAML reading error (`yaml.*`), in Finnish and English: what the loader
refuses and what yaml_messages diagnoses. One part of i18n.MESSAGES, kept apart because it is
most of it."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "yaml.encoding": {"fi": "Tiedosto ei ole UTF-8-merkistöä (tavu {byte}).",
                      "en": "The file is not UTF-8 encoded (byte {byte})."},
    "yaml.encoding.hint": {"fi": "Tallenna tiedosto editorissa UTF-8-muodossa.",
                           "en": "Save the file as UTF-8 in your editor."},
    # YAML that cannot be read (yaml_messages): what is wrong and the fix, in the message itself
    "yaml.syntax": {"fi": "Tiedoston YAML-rakenne on virheellinen tällä rivillä{where}.",
                    "en": "YAML syntax error: {problem}{where}."},
    "yaml.syntax.hint": {"fi": "Tarkista sisennykset, kaksoispisteet ja lainausmerkit tällä rivillä ja sitä edeltävällä. "
                               "Tekstin, jossa on erikoismerkkejä (: # [ ] {{ }} & * ! | > % @), voi aina laittaa lainausmerkkeihin.",
                         "en": "Check indentation, colons and quotes on this line and the one before it. "
                               "Text with special characters (: # [ ] {{ }} & * ! | > % @) can always be put in quotes."},
    "yaml.start_char": {"fi": "Arvo ei voi alkaa merkillä {char}; laita se lainausmerkkeihin: {fix}",
                        "en": "A value cannot start with the character {char}; put it in quotes: {fix}"},
    "yaml.start_char.hint": {"fi": "Arvon alussa merkit % @ ` | > * & ! {{ [ ? , ] }} ja - ovat YAML:n erikoismerkkejä; "
                                   "lainausmerkeissä ne ovat tavallista tekstiä.",
                             "en": "At the start of a value % @ ` | > * & ! {{ [ ? , ] }} and - are YAML's special characters; "
                                   "in quotes they are plain text."},
    "yaml.start_char_key": {"fi": "Kentän nimi ei voi alkaa merkillä {char}; laita nimi lainausmerkkeihin: {fix}",
                            "en": "A field name cannot start with the character {char}; put the name in quotes: {fix}"},
    "yaml.start_char_key.hint": {"fi": "Rivin alussa merkki % aloittaa YAML-direktiivin, ja merkit @ ` & * ! ovat erikoismerkkejä.",
                                 "en": "At the start of a line % starts a YAML directive, and @ ` & * ! are special characters."},
    "yaml.colon_in_value": {"fi": "Arvossa on kaksoispiste ja välilyönti (': '), joka aloittaisi uuden kentän; "
                                  "laita arvo lainausmerkkeihin: {fix}",
                            "en": "A colon in the wrong place: the value contains ': ', which would start a new field; "
                                  "put the value in quotes: {fix}"},
    "yaml.colon_in_value.hint": {"fi": "Kaksoispiste ja välilyönti erottavat kentän nimen arvosta. Kellonaika (klo 12:00) "
                                       "käy ilman lainausmerkkejä, koska kaksoispisteen perässä ei ole välilyöntiä.",
                                 "en": "A colon and a space separate a field's name from its value. A time (12:00) "
                                       "needs no quotes: no space follows its colon."},
    "yaml.colon_in_text": {"fi": "Rivillä {at_line} alkava teksti jatkuu tälle riville, ja tässä on kaksoispiste ja välilyönti "
                                 "(': '), joka aloittaisi uuden kentän. Laita koko teksti lainausmerkkeihin: lainausmerkki "
                                 "arvon alkuun rivillä {at_line} ja toinen tekstin loppuun.",
                           "en": "The text that starts on line {at_line} continues on this line, where a colon and a space "
                                 "(': ') would start a new field. Put the whole text in quotes: one quote before the value "
                                 "on line {at_line} and one after its last word."},
    "yaml.colon_in_text.hint": {"fi": "Lainausmerkeissä oleva teksti saa jatkua usealle riville.",
                                "en": "Text in quotes may run over several lines."},
    "yaml.colon_space": {"fi": "Kaksoispisteen jälkeen puuttuu välilyönti; kirjoita: {fix}",
                         "en": "A space is missing after the colon; write: {fix}"},
    "yaml.colon_space.hint": {"fi": "Kentän nimi ja arvo erotetaan kaksoispisteellä ja välilyönnillä, esim. title: Nimi.",
                              "en": "A field's name and value are separated by a colon and a space, e.g. title: Name."},
    "yaml.missing_colon": {"fi": "Rivillä on teksti '{text}' ilman kaksoispistettä. Jos se on kenttä, kirjoita '{text}: arvo'; "
                                 "jos se jatkaa yllä olevaa tekstiä, sisennä se syvemmälle tai laita koko teksti lainausmerkkeihin.",
                           "en": "The line holds the text '{text}' without a colon. If it is a field, write '{text}: value'; "
                                 "if it continues the text above, indent it more or put the whole text in quotes."},
    "yaml.missing_colon_key": {"fi": "Kentän nimen perästä puuttuu kaksoispiste; kirjoita: {fix}",
                               "en": "The field name lacks its colon; write: {fix}"},
    "yaml.missing_colon_key.hint": {"fi": "Jokainen kenttä kirjoitetaan muotoon nimi: arvo.",
                                    "en": "Every field is written as name: value."},
    "yaml.missing_colon.hint": {"fi": "Jokainen kenttä kirjoitetaan muotoon nimi: arvo, ja listan kohta alkaa viivalla ja välilyönnillä (- ).",
                                "en": "Every field is written as name: value, and a list item starts with a dash and a space (- )."},
    "yaml.unclosed_quote": {"fi": "Lainausmerkki {quote} rivillä {at_line} jäi sulkematta; lisää arvon loppuun {quote}: {fix}",
                            "en": "A quote is not closed: the {quote} on line {at_line} has no closing {quote}; "
                                  "add one at the end of the value: {fix}"},
    "yaml.unclosed_quote.hint": {"fi": "Lainausmerkeissä oleva teksti päättyy samaan merkkiin, jolla se alkaa. Jos tekstissä itsessään "
                                       "on lainausmerkki \", laita koko teksti heittomerkkeihin: '\"Koto\"-hanke'.",
                                 "en": "Quoted text ends with the character it starts with. If the text itself contains a \", "
                                       "put the whole text in single quotes: '\"Koto\" project'."},
    "yaml.text_after_quote": {"fi": "Lainausmerkeissä olevan tekstin perässä on vielä tekstiä; laita koko arvo lainausmerkkien "
                                    "sisään: {fix}",
                              "en": "More text follows the closing quote; put the whole value inside the quotes: {fix}"},
    "yaml.text_after_quote.hint": {"fi": "Jos tekstissä on lainausmerkkejä \", laita koko teksti heittomerkkeihin ' '.",
                                   "en": "If the text contains double quotes \", put the whole text in single quotes ' '."},
    "yaml.bad_escape": {"fi": "Lainausmerkeissä \"…\" kenoviiva (\\) aloittaa erikoismerkin, eikä tämä yhdistelmä ole sellainen; "
                              "laita teksti heittomerkkeihin, joissa kenoviiva on tavallinen merkki: {fix}",
                        "en": "Inside double quotes a backslash (\\) starts an escape, and this one is not valid; put the text "
                              "in single quotes, where a backslash is a plain character: {fix}"},
    "yaml.bad_escape.hint": {"fi": "Esimerkiksi Windows-polut (C:\\kansio) kirjoitetaan heittomerkkeihin.",
                             "en": "Windows paths (C:\\folder), for example, go in single quotes."},
    "yaml.unclosed_bracket": {"fi": "Hakasulku [ rivillä {at_line} jäi sulkematta; lisää loppuun ] tai, jos arvo on tekstiä, "
                                    "laita se lainausmerkkeihin: {fix}",
                              "en": "A [ bracket is not closed (line {at_line}); add the closing ] or, if the value is text, "
                                    "put it in quotes: {fix}"},
    "yaml.unclosed_bracket.hint": {"fi": "Hakasulkeissa kirjoitetaan lyhyt lista samalle riville: [a, b].",
                                   "en": "Square brackets hold a short list on one line: [a, b]."},
    "yaml.unclosed_brace": {"fi": "Aaltosulku {{ rivillä {at_line} jäi sulkematta; lisää loppuun }} tai, jos arvo on tekstiä, "
                                  "laita se lainausmerkkeihin: {fix}",
                            "en": "A {{ brace is not closed (line {at_line}); add the closing }} or, if the value is text, "
                                  "put it in quotes: {fix}"},
    "yaml.unclosed_brace.hint": {"fi": "Aaltosulkeissa kirjoitetaan kentät samalle riville: {{start: 2025, end: 2028}}.",
                                 "en": "Braces hold fields on one line: {{start: 2025, end: 2028}}."},
    "yaml.flow_content": {"fi": "Hakasulkeissa [ ] tai aaltosulkeissa {{ }} olevaa luetteloa ei voi lukea. Erota kohdat pilkuilla "
                                "ja laita kohta, jossa on kaksoispiste, pilkku tai sulkeita, lainausmerkkeihin; jos arvo on "
                                "tekstiä, laita se kokonaan lainausmerkkeihin: {fix}",
                          "en": "The list in [ ] or {{ }} cannot be read. Separate the entries with commas and quote an entry "
                                "that contains a colon, a comma or brackets; if the value is text, put all of it in quotes: {fix}"},
    "yaml.flow_content.hint": {"fi": "Pitkät listat on selkeämpää kirjoittaa omille riveilleen, kukin kohta viivan (- ) perään.",
                               "en": "Long lists are clearer on lines of their own, each entry after a dash (- )."},
    "yaml.empty_flow": {"fi": "Kentän '{field}' perässä on {flow}, mutta sen alla on sisennettyjä rivejä; "
                              "poista {flow} ja jätä pelkkä {field}:",
                        "en": "The field '{field}' ends in {flow}, but indented lines follow it; "
                              "delete the {flow} and leave just {field}:"},
    "yaml.empty_flow.hint": {"fi": "{flow} tarkoittaa tyhjää listaa tai rakennetta. Kun kohdat kirjoitetaan omille riveilleen, "
                                   "sitä ei tarvita.",
                             "en": "{flow} means an empty list or mapping. When the entries are written on lines of their own, "
                                   "it is not needed."},
    "yaml.value_then_block": {"fi": "Kentällä '{field}' on jo arvo samalla rivillä ({value}), joten sen alle ei voi kirjoittaa "
                                    "sisennettyjä rivejä; poista arvo {value} tai siirrä alla olevat rivit oikeaan kohtaan.",
                              "en": "The field '{field}' already has a value on its line ({value}), so no indented lines can "
                                    "follow it; delete the value {value} or move the lines below where they belong."},
    "yaml.value_then_block.hint": {"fi": "Kentällä on joko arvo samalla rivillä tai sisennetyt rivit alla, ei molempia.",
                                   "en": "A field has either a value on its line or indented lines below it, not both."},
    "yaml.dash_in_mapping": {"fi": "Listan kohta (-) on kenttien keskellä; poista viiva, jos rivi on tavallinen kenttä (nimi: arvo), "
                                   "tai kirjoita lista oman kentän alle, esim. goals: ja sen alle sisennettynä - id: ...",
                             "en": "A list item (-) among fields; delete the dash if the line is an ordinary field (name: value), "
                                   "or write the list under a field of its own, e.g. goals: with - id: ... indented below it."},
    "yaml.dash_in_mapping.hint": {"fi": "Samalla sisennyksellä on joko kenttiä (nimi: arvo) tai listan kohtia (- ), ei molempia.",
                                  "en": "One indentation level holds either fields (name: value) or list items (- ), not both."},
    "yaml.dash_same_line": {"fi": "Listan kohta (-) ei voi alkaa samalla rivillä kuin kenttä '{field}'. Siirrä se omalle rivilleen "
                                  "kentän alle sisennettynä, tai jos viiva on osa tekstiä, laita arvo lainausmerkkeihin: {fix}",
                            "en": "A list item (-) cannot start on the same line as the field '{field}'. Move it onto a line of "
                                  "its own, indented under the field, or if the dash is part of the text, put the value in quotes: {fix}"},
    "yaml.dash_same_line.hint": {"fi": "Lista kirjoitetaan kentän alle: jokainen kohta omalle rivilleen viivan ja välilyönnin (- ) perään.",
                                 "en": "A list goes under its field: each entry on a line of its own after a dash and a space (- )."},
    "yaml.dash_space": {"fi": "Listan viivan (-) jälkeen puuttuu välilyönti; kirjoita: {fix}",
                        "en": "The list dash (-) needs a space after it; write: {fix}"},
    "yaml.dash_space.hint": {"fi": "Listan kohta alkaa viivalla ja välilyönnillä (- ).",
                             "en": "A list item starts with a dash and a space (- )."},
    "yaml.key_after_list": {"fi": "Kenttä '{field}' on samassa sisennyksessä kuin yllä olevat listan kohdat (-). Jos se kuuluu "
                                  "listan viimeiseen kohtaan, sisennä se {inner}{outer}.",
                            "en": "The field '{field}' is at the indentation of the list items (-) above. If it belongs to the "
                                  "last item, indent it by {inner}{outer}."},
    "yaml.key_after_list.hint": {"fi": "Listan kohdan kentät alkavat samasta sarakkeesta kuin ensimmäinen kenttä viivan jälkeen.",
                                 "en": "The fields of a list item start in the column of the first field after its dash."},
    "yaml.indent_deeper": {"fi": "Kenttä '{field}' on sisennetty {spaces}, syvemmälle kuin rivin {above_line} kenttä '{above}', "
                                 "jolla on jo arvo; sisennä '{field}' {expected} kuten '{above}'.",
                           "en": "The field '{field}' is indented by {spaces}, deeper than the field '{above}' on line "
                                 "{above_line}, which already has a value; indent '{field}' by {expected} like '{above}'."},
    "yaml.indent_deeper.hint": {"fi": "Saman tason kenttien on alettava samasta sarakkeesta. Syvemmälle sisennetty rivi kuuluisi "
                                      "yllä olevan kentän alle, mutta kentällä, jolla on arvo samalla rivillä, ei voi olla alakenttiä.",
                                "en": "Fields of one level start in the same column. A deeper line would belong under the field "
                                      "above, but a field with a value on its line cannot have fields under it."},
    "yaml.indent": {"fi": "Rivi on sisennetty {spaces}, mikä ei vastaa mitään yllä olevaa tasoa{options}.",
                    "en": "The line is indented by {spaces}, which matches no level above{options}."},
    "yaml.indent.hint": {"fi": "Saman tason kenttien on alettava samasta sarakkeesta; listan kohdan kentät alkavat viivan (- ) "
                               "jälkeisestä sarakkeesta.",
                         "en": "Fields of one level start in the same column; the fields of a list item start in the column "
                               "after its dash (- )."},
    "yaml.block_indent": {"fi": "Monirivisen tekstin (| tai >) alussa on tyhjä rivi, jolla on enemmän välilyöntejä kuin tekstin "
                                "ensimmäisellä rivillä; poista välilyönnit tyhjältä riviltä.",
                          "en": "A blank line at the start of a multi-line text (| or >) has more spaces than the text's "
                                "first line; delete the spaces on the blank line."},
    "yaml.block_indent.hint": {"fi": "Monirivisen tekstin sisennys luetaan sen ensimmäisestä rivistä.",
                               "en": "The indentation of a multi-line text is taken from its first line."},
    "yaml.alias": {"fi": "Tähdellä (*) alkava arvo luetaan viittaukseksi ankkuriin &{name}, jota tiedostossa ei ole; "
                         "jos tarkoitit tekstiä, laita se lainausmerkkeihin: {fix}",
                   "en": "A value starting with * is read as a reference (*alias) to an unknown anchor &{name}; "
                         "if you meant text, put it in quotes: {fix}"},
    "yaml.alias.hint": {"fi": "Viittaus *nimi toistaa kohdan, joka on merkitty &nimi; ohjelmassa niitä ei tarvita.",
                        "en": "A reference *name repeats the part marked &name; a programme does not need them."},
    "yaml.documents": {"fi": "Rivin {separator} jälkeen alkaa toinen YAML-dokumentti, mutta tiedostossa voi olla vain yksi; "
                             "poista rivi {separator} tai jaa sisältö kahteen tiedostoon.",
                       "en": "A second YAML document starts after the {separator} line, but a file can hold only one; "
                             "delete the {separator} line or split the content into two files."},
    "yaml.documents.hint": {"fi": "Jokainen ohjelma, palvelukuvaus ja seurantaraportti on oma tiedostonsa.",
                            "en": "Every programme, services description and follow-up report is a file of its own."},
    "yaml.construct": {"fi": "Arvoa ei voi lukea, koska sen edessä oleva YAML-merkintä (!!-tagi tai <<) ei sovi siihen; "
                             "poista merkintä tai laita arvo lainausmerkkeihin.",
                       "en": "The value cannot be read: the YAML marker before it (a !! tag or <<) does not fit it; "
                             "delete the marker or put the value in quotes."},
    "yaml.construct.hint": {"fi": "Ohjelmassa ei tarvita !!-tageja eikä <<-yhdistämistä.",
                            "en": "A programme needs no !! tags and no << merges."},
    "yaml.bad_date": {"fi": "Päivämäärää {value} ei ole kalenterissa; korjaa päivä tai kuukausi (VVVV-KK-PP), tai jos tarkoitit "
                            "tekstiä, laita se lainausmerkkeihin: {fix}",
                      "en": "The value {value} cannot be read ({reason}): there is no such date; correct the day or the "
                            "month (YYYY-MM-DD), or if you meant text, put it in quotes: {fix}"},
    "yaml.bad_date.hint": {"fi": "Päivämäärä kirjoitetaan muodossa vuosi-kuukausi-päivä, esim. 2026-06-15.",
                           "en": "A date is written year-month-day, e.g. 2026-06-15."},
    "yaml.bad_scalar": {"fi": "Arvoa {value} ei voi lukea: se näyttää luvulta tai muulta YAML:n erikoisarvolta, mutta ei ole "
                              "kelvollinen; jos tarkoitit tekstiä, laita se lainausmerkkeihin: {fix}",
                        "en": "The value {value} cannot be read ({reason}); if you meant text, put it in quotes: {fix}"},
    "yaml.bad_scalar.hint": {"fi": "Lainausmerkeissä arvo luetaan aina tekstinä.", "en": "In quotes a value is always read as text."},
    "yaml.control_char": {"fi": "Tiedostossa on näkymätön ohjausmerkki ({char}), jota YAML ei salli; poista merkki.",
                          "en": "The file contains an invisible control character ({char}) that YAML does not allow; delete it."},
    "yaml.control_char.hint": {"fi": "Merkki tulee usein mukaan, kun tekstiä kopioidaan toisesta ohjelmasta.",
                               "en": "Such characters often come along when text is copied from another program."},
    "yaml.tab": {"fi": "Sisennyksessä on sarkain (tab); YAML sallii vain välilyönnit.",
                 "en": "The indentation contains a tab; YAML allows spaces only."},
    "yaml.tab.hint": {"fi": "Korvaa sarkaimet välilyönneillä (VS Code: Convert Indentation to Spaces).",
                      "en": "Replace tabs with spaces (VS Code: Convert Indentation to Spaces)."},
    "yaml.duplicate-key": {"fi": "Avain '{problem}' esiintyy kahdesti.", "en": "The key '{problem}' appears twice."},
    "yaml.duplicate-key.hint": {"fi": "Poista tai nimeä uudelleen toinen avaimista; muuten toinen arvo katoaisi.",
                                "en": "Remove or rename one of the keys; otherwise one value would be lost."},
    "yaml.empty": {"fi": "Tiedosto on tyhjä.", "en": "The file is empty."},
    "yaml.empty.hint": {"fi": "Aloita riveillä 'kind: programme' ja 'format_version: 1' (tai 'kotocheck init').",
                        "en": "Start with the lines 'kind: programme' and 'format_version: 1'."},
    "yaml.tag": {"fi": "Mukautettu YAML-tagi {tag} ei ole sallittu.", "en": "The custom YAML tag {tag} is not allowed."},
    "yaml.tag.hint": {"fi": "Poista tagi (!-alkuinen merkintä); jos !-merkki on osa tekstiä, laita arvo lainausmerkkeihin: "
                            "title: \"!Tärkeä\".",
                      "en": "Remove the tag (the word starting with !); if the ! is part of the text, put the value in quotes: "
                            "title: \"!Important\"."},
    "yaml.key_type": {"fi": "Avaimen on oltava tekstiä.", "en": "Keys must be text."},
    "yaml.key_type.hint": {"fi": "Käytä avaimena sanaa, esim. 'title'.", "en": "Use a word as the key, e.g. 'title'."},
    "yaml.too_complex": {"fi": "Tiedostossa on liikaa solmuja viittausten (alias) kautta (raja {limit}).",
                         "en": "The file expands to too many nodes through aliases (limit {limit})."},
    "yaml.too_complex.hint": {"fi": "Poista &ankkuri/*alias-ketjut.", "en": "Remove the &anchor/*alias chains."},
    "yaml.too_deep": {"fi": "Rakenne on liian syvä.", "en": "The structure is nested too deeply."},
    "yaml.too_deep.hint": {"fi": "Tarkista sisennykset.", "en": "Check the indentation."},
    "yaml.not_mapping": {"fi": "Tiedoston ylimmän tason on oltava avain–arvo-rakenne.",
                         "en": "The top level of the file must be a mapping of keys to values."},
    "yaml.not_mapping.hint": {"fi": "Aloita riveillä 'kind: programme' ja 'format_version: 1'.",
                              "en": "Start with the lines 'kind: programme' and 'format_version: 1'."},
    # the loader's own cases, where its scanner reads as YAML 1.2 does and ruamel does not
    "yaml.comment_space": {
        "fi": "Merkki # aloittaa kommentin vain välilyönnin jälkeen; lisää välilyönti ennen #-merkkiä tai, "
              "jos # kuuluu tekstiin, laita arvo lainausmerkkeihin.",
        "en": "A # starts a comment only after a space; add a space before the # or, if the # belongs to the "
              "text, put the value in quotes."},
    "yaml.comment_space.hint": {"fi": "Esimerkiksi: title: \"Ohjelma\"  # kommentti",
                                "en": "For example: title: \"Programme\"  # comment"},
    "yaml.flow_indent": {
        "fi": "Rivi jatkaa rivillä {at_line} alkavaa arvoa, mutta se on sisennetty {spaces}; sisennä jatkorivit "
              "syvemmälle kuin kenttä, jonka arvo se on.",
        "en": "This line continues the value that starts on line {at_line}, but it is indented by {spaces}; "
              "indent continuation lines deeper than the field whose value it is."},
    "yaml.flow_indent.hint": {
        "fi": "Hakasulkeissa [ ], aaltosulkeissa {{ }} tai lainausmerkeissä usealle riville jatkuvan arvon rivit "
              "sisennetään kentän nimeä syvemmälle.",
        "en": "The lines of a value in [ ], {{ }} or quotes that goes on over several lines are indented deeper "
              "than the field name."},
    "yaml.alias_cycle": {
        "fi": "Viittaus *{name} on sen rakenteen sisällä, johon se viittaa (&{name}), joten arvo olisi loputon; "
              "poista viittaus.",
        "en": "The alias *{name} is inside the structure it refers to (&{name}), so the value would never end; "
              "delete the alias."},
    "yaml.alias_cycle.hint": {
        "fi": "Viittaus *nimi toistaa kohdan, joka on merkitty &nimi (myös <<: *nimi); ohjelmassa niitä ei tarvita.",
        "en": "An alias *name repeats the part marked &name (also <<: *name); a programme does not need them."},
    "yaml.surrogate": {
        "fi": "Lainausmerkeissä oleva {escape} ei ole merkki vaan puolikas UTF-16-merkkiparista; kirjoita merkki "
              "sellaisenaan tai poista {escape}.",
        "en": "{escape} in quotes is not a character but half of a UTF-16 pair; write the character itself or "
              "delete {escape}."},
    "yaml.surrogate.hint": {"fi": "Tiedosto on UTF-8-muotoa, joten minkä tahansa merkin voi kirjoittaa suoraan.",
                            "en": "The file is UTF-8, so any character can be written as it is."},
}
