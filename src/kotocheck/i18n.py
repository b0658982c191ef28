"""User-facing wording of the tool itself (the checklist wording lives in the data files).

Every message exists in Finnish and English; Swedish where it has been written."""

from __future__ import annotations

from typing import Any

LANGUAGES = ("fi", "en", "sv")

MESSAGES: dict[str, dict[str, str]] = {
    # reading the file
    "input.missing": {"fi": "Tiedostoa ei löydy.", "en": "File not found."},
    "input.missing.hint": {"fi": "Tarkista tiedoston nimi ja polku.", "en": "Check the file name and path."},
    "input.is_dir": {"fi": "Polku on kansio, ei tiedosto.", "en": "The path is a folder, not a file."},
    "input.is_dir.hint": {"fi": "Anna YAML-tiedoston polku.", "en": "Give the path of a YAML file."},
    "input.permission": {"fi": "Tiedostoa ei voi lukea (ei lukuoikeutta).", "en": "The file cannot be read (permission denied)."},
    "input.permission.hint": {"fi": "Tarkista tiedoston oikeudet.", "en": "Check the file permissions."},
    "input.loop": {"fi": "Polku on symbolisten linkkien silmukka.", "en": "The path is a loop of symbolic links."},
    "input.loop.hint": {"fi": "Korjaa linkki osoittamaan tiedostoon.", "en": "Make the link point to a file."},
    "input.name_too_long": {"fi": "Tiedoston nimi on liian pitkä.", "en": "The file name is too long."},
    "input.name_too_long.hint": {"fi": "Lyhennä tiedoston tai kansion nimeä.", "en": "Shorten the file or folder name."},
    "input.oserror": {"fi": "Tiedostoa ei voi lukea: {reason}.", "en": "The file cannot be read: {reason}."},
    "input.oserror.hint": {"fi": "Tarkista tiedosto.", "en": "Check the file."},
    "input.too_large": {"fi": "Tiedosto on liian suuri ({size} tavua; raja {limit}).",
                        "en": "The file is too large ({size} bytes; limit {limit})."},
    "input.too_large.hint": {"fi": "Jaa ohjelma pienempiin tiedostoihin tai nosta rajaa asetuksella max_bytes.",
                             "en": "Split the programme into smaller files or raise the max_bytes setting."},
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
    # configuration
    "config.syntax": {"fi": "Asetustiedoston syntaksivirhe: {problem}.", "en": "Syntax error in the settings file: {problem}."},
    "config.syntax.hint": {"fi": "Korjaa TOML-syntaksi (avain = \"arvo\").", "en": "Correct the TOML syntax (key = \"value\")."},
    "config.invalid": {"fi": "Virheellinen asetus {field}: {problem}.", "en": "Invalid setting {field}: {problem}."},
    "config.invalid.hint": {"fi": "Katso sallitut asetukset: kotocheck config --help.",
                            "en": "See the allowed settings: kotocheck config --help."},
    "waiver.expired": {"fi": "Asetustiedoston poikkeus säännölle {value} vanheni {date}.",
                       "en": "The settings-file waiver of {value} expired on {date}."},
    "waiver.expired.hint": {"fi": "Korjaa puute tai uusi poikkeus päätöksellä (expires).",
                            "en": "Fix the gap or renew the waiver with a decision (expires)."},
    "waiver.unused": {"fi": "Asetustiedoston poikkeus säännölle {value} ei enää kata mitään tässä tiedostossa.",
                      "en": "The settings-file waiver of {value} no longer waives anything in this file."},
    "waiver.unused.hint": {"fi": "Poista tarpeeton poikkeus kotocheck.toml-tiedostosta.",
                           "en": "Remove the waiver from kotocheck.toml."},
    # status lines of the commands that write files
    "cli.written": {"fi": "kirjoitettu {file}; tarkista: kotocheck validate {file}",
                    "en": "written {file}; check it: kotocheck validate {file}"},
    "cli.migrated": {"fi": "siirretty {file} (varmuuskopio {backup})", "en": "migrated {file} (backup {backup})"},
    "cli.would_reformat": {"fi": "muotoiltaisiin {file}", "en": "would reformat {file}"},
    "cli.reformatted": {"fi": "muotoiltu {file}", "en": "reformatted {file}"},
    "cli.no_documents": {"fi": "ei asiakirjoja", "en": "no documents found"},
    "cli.imported": {"fi": "luonnos kirjoitettu: {path} (lähde {source}); tarkista kommentit ja not_assessed-kohdat",
                     "en": "draft written: {path} (from {source}); check the comments and the not_assessed entries"},
    # not_assessed: items or parts not yet written or read
    "not_assessed.held": {"fi": "Ei arvioitu ({count} kohtaa: {items}): {note}",
                          "en": "Not assessed ({count} items: {items}): {note}",
                          "sv": "Inte bedömd ({count} punkter: {items}): {note}"},
    "not_assessed.held.one": {"fi": "Ei arvioitu (kohta {items}): {note}", "en": "Not assessed (item {items}): {note}",
                              "sv": "Inte bedömd (punkt {items}): {note}"},
    "not_assessed.held.one.hint": {"fi": "Kirjoita tai lue osa ja poista merkintä not_assessed-listasta; kohta arvioidaan silloin.",
                                   "en": "Write or read the part and remove the mark from not_assessed; the item is then assessed."},
    "not_assessed.legal.one": {"fi": "Ei arvioitu, lakisääteinen kohta {items}: {note}",
                               "en": "Not assessed, legal requirement {items}: {note}",
                               "sv": "Inte bedömd, lagstadgat krav {items}: {note}"},
    "not_assessed.legal.one.hint": {"fi": "Lakisääteinen kohta on arvioitava ennen kuin asiakirja viedään päätettäväksi.",
                                    "en": "The legal requirement must be assessed before the document goes to decision."},
    "not_assessed.held.hint": {"fi": "Kirjoita tai lue osa ja poista merkintä not_assessed-listasta; kohdat arvioidaan silloin.",
                               "en": "Write or read the part and remove the mark from not_assessed; the items are then assessed."},
    "not_assessed.legal": {"fi": "Ei arvioitu, mukana lakisääteisiä kohtia ({count} kohtaa: {items}): {note}",
                           "en": "Not assessed, legal requirements among them ({count} items: {items}): {note}",
                           "sv": "Inte bedömd, lagstadgade krav bland dem ({count} punkter: {items}): {note}"},
    "not_assessed.legal.hint": {"fi": "Lakisääteiset kohdat on arvioitava, ennen kuin asiakirja viedään päätettäväksi.",
                                "en": "The legal requirements must be assessed before the document goes to decision."},
    "not_assessed.item_met": {"fi": "Kohta {value} on merkitty arvioimatta, mutta se täyttyy jo.",
                              "en": "Item {value} is marked as not assessed, but it is already met."},
    "not_assessed.item_met.hint": {"fi": "Poista merkintä not_assessed-listasta.", "en": "Remove the mark from not_assessed."},
    "not_assessed.section_met": {"fi": "Osa {value} on merkitty arvioimatta, mutta kaikki sitä lukevat kohdat täyttyvät.",
                                 "en": "Part {value} is marked as not assessed, but every item reading it is met."},
    "not_assessed.section_met.hint": {"fi": "Poista merkintä not_assessed-listasta tai tarkista osan nimi.",
                                      "en": "Remove the mark from not_assessed, or check the name of the part."},
    "not_assessed.empty": {"fi": "Merkintä ei kerro, mikä on arvioimatta: lisää item tai section.",
                           "en": "The mark does not say what is not assessed: add item or section."},
    "not_assessed.empty.hint": {"fi": "Esim. item: \"5.3\" tai section: goals.", "en": "E.g. item: \"5.3\" or section: goals."},
    "not_assessed.unknown-section": {"fi": "Mikään tarkistuslistan kohta ei lue osaa '{value}'.",
                                     "en": "No checklist item reads the part '{value}'."},
    "not_assessed.unknown-section.hint": {"fi": "Tarkista osan nimi: ylimmän tason avain tai pisteillä erotettu polku, esim. situation, goals tai sections.children_and_youth.",
                                          "en": "Check the name of the part: a top-level key or a dotted path, e.g. situation, goals or sections.children_and_youth."},
    "not_assessed.unknown-item": {"fi": "Tarkistuslistalla ei ole kohtaa {value}.", "en": "The checklist has no item {value}."},
    "not_assessed.unknown-item.hint": {"fi": "Katso kohtien tunnukset: kotocheck checklist list.",
                                       "en": "See the item ids: kotocheck checklist list."},
    # measures that serve several goals
    "doc.unknown_goal": {"fi": "Toimenpide {measure} viittaa tavoitteeseen {value}, jota ohjelmassa ei ole.",
                         "en": "Measure {measure} refers to goal {value}, which the programme does not have."},
    "doc.unknown_service": {"fi": "Tavoite {measure} viittaa palveluun {value}, jota palvelukokonaisuudessa ei ole.",
                            "en": "Goal {measure} refers to service {value}, which the service package does not have."},
    "doc.unknown_service.hint": {"fi": "Korjaa palvelun tunnus vastaamaan jonkin palvelun tunnusta (id). Palvelut: {known}.",
                                 "en": "Correct the service id to match a service's id. The services: {known}."},
    "doc.unknown_goal.hint": {"fi": "Korjaa tunnus vastaamaan ohjelman jonkin tavoitteen tunnusta (id). Ohjelman tavoitteet: {known}.",
                              "en": "Correct the goal id to match a goal's id. The programme's goals: {known}."},
    # document kind and checklist
    "doc.kind_missing": {"fi": "Asiakirjan tyyppi (kind) puuttuu.", "en": "The document kind is missing."},
    "doc.kind_unknown": {"fi": "Tuntematon asiakirjan tyyppi '{value}'.", "en": "Unknown document kind '{value}'."},
    "doc.kind.hint": {"fi": "Sallitut: {known}.", "en": "Allowed: {known}."},
    "doc.checklist_missing": {"fi": "Ohjelma ei nimeä tarkistuslistaa (checklist), eikä kotocheck.toml anna oletusta.",
                              "en": "The programme names no checklist, and kotocheck.toml gives no default."},
    "doc.checklist_missing.hint": {"fi": "Lisää rivi 'checklist: kotoutuminen-681-2023' tai oletus kotocheck.toml-tiedostoon. Tunnetut: {known}.",
                                   "en": "Add the line 'checklist: kotoutuminen-681-2023' or a default in kotocheck.toml. Known: {known}."},
    "doc.checklist_unknown": {"fi": "Tuntematon tarkistuslista '{value}'.", "en": "Unknown checklist '{value}'."},
    "doc.checklist_wrong_kind": {"fi": "Tarkistuslista '{value}' on tarkoitettu tyypille {expected}, ei {kind}.",
                                 "en": "Checklist '{value}' is for kind {expected}, not {kind}."},
    "doc.checklist.hint": {"fi": "Tunnetut tarkistuslistat: {known}.", "en": "Known checklists: {known}."},
    "doc.format_version": {"fi": "Tuntematon format_version {value}; tämä versio tuntee: {known}.",
                           "en": "Unknown format_version {value}; this version knows: {known}."},
    "doc.format_version.hint": {"fi": "Päivitä kotocheck tai korjaa format_version.",
                                "en": "Upgrade kotocheck or correct format_version."},
    "waiver.unknown_item": {"fi": "Ei sovellu -merkintä viittaa tuntemattomaan kohtaan '{value}'.",
                            "en": "The not-applicable entry names an unknown item '{value}'."},
    "waiver.unknown_item.hint": {"fi": "Katso kohtien tunnukset: kotocheck checklist list.",
                                 "en": "See the item ids with: kotocheck checklist list."},
    "waiver.covered": {"fi": "Kohta '{value}' on merkitty 'ei sovellu', mutta asiakirja kattaa sen.",
                       "en": "Item '{value}' is declared not applicable, but the document covers it."},
    "waiver.covered.hint": {"fi": "Tarkista, onko merkintä oikean kohdan kohdalla, tai poista se.",
                            "en": "Check that the entry names the right item, or remove it."},
    "waiver.duplicate": {"fi": "Kohta '{value}' on merkitty 'ei sovellu' useammin kuin kerran.",
                         "en": "Item '{value}' is declared not applicable more than once."},
    "waiver.duplicate.hint": {"fi": "Yhdistä perustelut yhteen merkintään.", "en": "Merge the reasons into one entry."},
    "waiver.changed_item": {"fi": "Kohdan '{value}' merkitys on muuttunut: se on nyt '{title}' ({before}).",
                            "en": "Item '{value}' has changed meaning: it is now '{title}' ({before})."},
    "waiver.changed_item.hint": {"fi": "Tarkista, että ei sovellu -merkintä koskee yhä tarkoitettua kohtaa.",
                                 "en": "Check that the not-applicable entry still names the item you meant."},
    # schema
    "schema.missing": {"fi": "Pakollinen kenttä '{field}' puuttuu.", "en": "Required field '{field}' is missing."},
    "schema.missing.hint": {"fi": "Lisää kenttä '{field}' tähän kohtaan.", "en": "Add the field '{field}' here."},
    "schema.unknown_key": {"fi": "Tuntematon kenttä '{field}'.{suggestion_fi}", "en": "Unknown field '{field}'.{suggestion_en}"},
    "schema.unknown_key.hint": {"fi": "Tarkista kirjoitusasu ja sisennys. Tähän kohtaan sopivat kentät: {allowed}.",
                                "en": "Check the spelling and the indentation. The fields that fit here: {allowed}."},
    "schema.unknown_key_any.hint": {"fi": "Tarkista kirjoitusasu ja sisennys.", "en": "Check the spelling and the indentation."},
    "schema.unknown_key_typo.hint": {"fi": "Tarkista kirjoitusasu: kentän nimi on '{suggestion}'.",
                                     "en": "Check the spelling: the field is called '{suggestion}'."},
    "schema.unknown_key_word.hint": {"fi": "Kenttien nimet kirjoitetaan englanniksi: kirjoita '{suggestion}' (arvot saavat olla suomeksi).",
                                     "en": "Field names are written in English: write '{suggestion}' (the values may be in Finnish)."},
    "schema.misplaced_key.hint": {"fi": "Kenttä '{field}' ei kuulu tähän kohtaan: tarkista sisennys ja edellisten rivien lainausmerkit.",
                                  "en": "The field '{field}' does not belong here: check the indentation and the quotes on the lines above."},
    "schema.type": {"fi": "Kentän '{field}' arvo on väärää tyyppiä: odotettu {expected_fi}, annettu {got_fi}.{fix}",
                    "en": "Wrong type in '{field}': expected {expected_en}, got {got_en}.{fix}"},
    "schema.type.hint": {"fi": "Korjaa arvo.", "en": "Correct the value."},
    "schema.type_text.hint": {"fi": "Kirjoita arvo lainausmerkkeihin, niin se luetaan tekstinä, esim. \"320\".",
                              "en": "Quote the value so that it is read as text, e.g. \"320\"."},
    "schema.code.detail": {"fi": "kuntanumerossa on kolme numeroa lainausmerkeissä, esim. \"320\"",
                           "en": "a municipality code is three digits in quotes, e.g. \"320\""},
    "schema.id.detail": {"fi": "tunnuksessa saa olla vain kirjaimia, numeroita sekä merkit . _ - (ei välilyöntejä)",
                         "en": "an id may contain only letters, digits and . _ - (no spaces)"},
    "schema.choice": {"fi": "Arvo '{value}' ei kelpaa kenttään '{field}'.", "en": "'{value}' is not allowed in '{field}'."},
    "schema.choice.hint": {"fi": "Sallitut arvot: {allowed}.", "en": "Allowed values: {allowed}."},
    "schema.empty": {"fi": "Kenttä '{field}' ei voi olla tyhjä.", "en": "The field '{field}' cannot be empty."},
    "schema.empty.hint": {"fi": "Kirjoita kenttään sisältö tai poista kenttä.", "en": "Write the content or remove the field."},
    "schema.value": {"fi": "Virheellinen arvo kentässä '{field}': {detail_fi}", "en": "Invalid value in '{field}': {detail_en}"},
    "schema.value.hint": {"fi": "Korjaa arvo.", "en": "Correct the value."},
    "schema.duplicate_id": {"fi": "Tunnus '{value}' on jo käytössä (rivi {first_line}).",
                            "en": "The id '{value}' is already used (line {first_line})."},
    "schema.duplicate_id.hint": {"fi": "Jokaisella tavoitteella, toimenpiteellä ja mittarilla on oltava oma tunnus.",
                                 "en": "Every goal, measure and indicator needs an id of its own."},
    # checks
    "check.missing": {"fi": "puuttuu {path}", "en": "missing {path}"},
    "check.partly_missing": {"fi": "osittain: puuttuu {paths}", "en": "partly: missing {paths}"},
    "check.min_items": {"fi": "vähintään {min} kohtaa tarvitaan, nyt {count} ({path})",
                        "en": "at least {min} entries needed, found {count} ({path})"},
    "check.covers": {"fi": "puuttuu: {missing}", "en": "missing: {missing}"},
    "check.covers_partly": {"fi": "osittain; puuttuu: {missing}", "en": "partly; missing: {missing}"},
    "check.covers_any": {"fi": "ei yhtään näistä: {options}", "en": "none of: {options}"},
    "check.each_has": {"fi": "{entries}: puuttuu {fields}", "en": "{entries}: no {fields}"},
    "check.each_has_any": {"fi": "{entries}: ei mitään näistä: {fields}", "en": "{entries}: none of {fields}"},
    "check.each_has_in": {"fi": "{parent}: {entries} puuttuu {fields}", "en": "{parent}: {entries} {has} no {fields}"},
    "check.each_has_in_any": {"fi": "{parent}: {entries} ei ole mitään näistä: {fields}",
                              "en": "{parent}: {entries} {has} none of {fields}"},
    "check.mentions": {"fi": "ei mainintaa: {what}", "en": "not mentioned: {what}"},
    "check.mentions_partly": {"fi": "osittain; {count}/{min} mainintaa: {what}",
                              "en": "partly; {count} of {min} mentions: {what}"},
    "check.one_of": {"fi": "{values} ei kelpaa tähän; sallitut: {allowed}", "en": "not allowed here: {values}; allowed: {allowed}"},
    "check.file_missing": {"fi": "tiedostoa {values} ei löydy", "en": "file {values} not found"},
    "check.each_has_none": {"fi": "ei yhtään kohtaa ({path})", "en": "none given ({path})"},
    "check.span": {"fi": "kausi {start}–{end} on {years} vuotta; laki edellyttää ohjelman tarkistamista vähintään "
                         "{every}, joten näin pitkälle kaudelle tarvitaan kirjattu tarkistus",
                   "en": "the period {start}–{end} is {years} years; the Act requires a review at least {every}, "
                         "so a period this long needs a recorded review"},
    "check.span_order": {"fi": "kauden loppu {end} on ennen alkua {start}", "en": "the period ends ({end}) before it starts ({start})"},
    "check.expired": {"fi": "voimassaolo päättyi {until} ({reason})", "en": "lapsed on {until} ({reason})"},
    "check.reference": {"fi": "tuntematon tunnus {values} (tunnetut: {known})", "en": "unknown id {values} (known: {known})"},
    "check.programme_missing": {"fi": "seurattavaa ohjelmaa ei voi lukea: {reason}", "en": "the programme cannot be read: {reason}"},
    "check.dangling": {"fi": "ohjelmassa ei ole tunnusta {values}", "en": "the programme has no id {values}"},
    "check.not_followed": {"fi": "ohjelman tavoitteita ilman seurantaa: {missing}", "en": "programme goals not followed up: {missing}"},
    "check.misplaced": {"fi": "raportoitu väärän tavoitteen alla (tunnus → ohjelman tavoite): {values}",
                        "en": "reported under the wrong goal (id → the programme's goal): {values}"},
    "check.measures_not_followed": {"fi": "ohjelman toimenpiteitä puuttuu raportista: {missing}",
                                    "en": "programme measures left out of the report: {missing}"},
    # output
    "out.source": {"fi": "Peruste", "en": "Basis"},
    "out.hint": {"fi": "Vihje", "en": "Hint"},
    "out.waived": {"fi": "ei sovellu", "en": "not applicable"},
    "out.waiver_ignored": {"fi": "poikkeus ei voimassa", "en": "waiver not in effect"},
    "out.approved_by": {"fi": "hyväksynyt", "en": "approved by"},
    "out.no_files": {"fi": "Ei tarkistettavia tiedostoja: anna tiedostot tai kansiot, tai paths kotocheck.toml-tiedostossa.",
                     "en": "No files to check: give files or folders, or paths in kotocheck.toml."},
    "out.no_findings": {"fi": "ei havaintoja", "en": "no findings"},
    "out.coverage": {"fi": "kattavuus {covered}/{total} kohtaa", "en": "coverage {covered}/{total} items"},
    "out.coverage_incomplete": {"fi": "tarkistuslistaa ei voitu arvioida kokonaan rakennevirheiden vuoksi",
                                "en": "the checklist could not be fully assessed because of structural errors"},
    "out.total": {"fi": "Yhteensä {files} tiedostoa", "en": "Total {files} files"},
    "sev.error": {"fi": "virhe", "en": "error", "sv": "fel"},
    "sev.warning": {"fi": "varoitus", "en": "warning", "sv": "varning"},
    "sev.info": {"fi": "huomautus", "en": "info", "sv": "info"},
    "count.error": {"fi": "{n} virhettä", "en": "{n} errors"},
    "count.error.one": {"fi": "1 virhe", "en": "1 error"},
    "count.warning": {"fi": "{n} varoitusta", "en": "{n} warnings"},
    "count.warning.one": {"fi": "1 varoitus", "en": "1 warning"},
    "count.info": {"fi": "{n} huomautusta", "en": "{n} info"},
    "count.info.one": {"fi": "1 huomautus", "en": "1 info"},
    "count.waived": {"fi": "{n} ei sovellu", "en": "{n} not applicable"},
    "count.legal_unmet": {"fi": "{n} lakisääteistä vaatimusta täyttämättä", "en": "{n} legal requirements unmet"},
    "count.legal_unmet.one": {"fi": "1 lakisääteinen vaatimus täyttämättä", "en": "1 legal requirement unmet"},
    "count.legal_not_assessed": {"fi": "{n} arvioimatta", "en": "{n} not assessed", "sv": "{n} inte bedömda"},
    "count.not_assessed": {"fi": "{n} kohtaa ei arvioitu", "en": "{n} items not assessed", "sv": "{n} punkter inte bedömda"},
    "count.not_assessed.one": {"fi": "1 kohta ei arvioitu", "en": "1 item not assessed", "sv": "1 punkt inte bedömd"},
    # type names used in schema.type
    "type.str": {"fi": "teksti", "en": "text"},
    "type.int": {"fi": "kokonaisluku", "en": "whole number"},
    "type.float": {"fi": "luku", "en": "number"},
    "type.bool": {"fi": "kyllä/ei-arvo", "en": "true/false"},
    "type.date": {"fi": "päivämäärä (VVVV-KK-PP)", "en": "date (YYYY-MM-DD)"},
    "type.list": {"fi": "lista", "en": "list"},
    "type.dict": {"fi": "avain–arvo-rakenne", "en": "mapping"},
    "type.none": {"fi": "tyhjä arvo", "en": "empty value"},
    "type.year_or_date": {"fi": "vuosi (2025), kuukausi (2025-03) tai päivämäärä (2025-03-01)",
                          "en": "a year (2025), month (2025-03) or date (2025-03-01)"},
    # CI integrations: the GitHub step summary
    "out.summary_truncated": {"fi": "Yhteenveto on katkaistu, koska GitHub näyttää enintään {limit}. "
                                    "Kaikki havainnot ovat työn lokissa; koko raportti: kotocheck validate --format json.",
                              "en": "The summary was cut short: GitHub shows at most {limit}. "
                                    "Every finding is in the job log; the full report: kotocheck validate --format json."},
    "out.summary_unwritable": {"fi": "yhteenvetoa ei voitu kirjoittaa tiedostoon {file} ({reason}); havainnot ovat lokissa.",
                               "en": "could not write the step summary to {file} ({reason}); the findings are in the log."},
    # paths named inside a document (references.py); settings that cannot apply; -o and --templates
    "reference.nul": {"fi": "polussa on NUL-merkki, joten se ei nimeä tiedostoa",
                      "en": "the path holds a NUL character, so it names no file"},
    "reference.bad_name": {"fi": "polku ei ole kelvollinen tiedostonimi", "en": "the path is not a valid file name"},
    "reference.too_long": {"fi": "polun nimi on liian pitkä (yli {limit} tavua)",
                           "en": "a name in the path is too long (over {limit} bytes)"},
    "reference.outside": {"fi": "polku johtaa repositorion {root} ulkopuolelle, joten sitä ei lueta",
                          "en": "the path leads outside the repository {root}, so it is not read"},
    "reference.loop": {"fi": "polku on symbolisten linkkien silmukka", "en": "the path is a loop of symbolic links"},
    "reference.unreadable": {"fi": "polkua ei voi lukea: {reason}", "en": "the path cannot be read: {reason}"},
    "reference.folder": {"fi": "polku on kansio, ei tiedosto", "en": "the path is a folder, not a file"},
    "reference.not_regular": {"fi": "polku ei ole tavallinen tiedosto (laite, putki tai pistoke), joten sitä ei lueta",
                              "en": "the path is not a regular file (a device, pipe or socket), so it is not read"},
    "check.file_refused": {"fi": "tiedostoon {value} ei voi viitata: {reason}",
                           "en": "the file {value} cannot be referred to: {reason}"},
    "config.unknown_rule": {"fi": "Asetustiedoston [severity]-kohdan sääntöä {value} ei ole missään tarkistuslistassa "
                                  "eikä kotocheckin omissa säännöissä, joten asetus ei muuta mitään.{near}",
                            "en": "The [severity] rule {value} is in no checklist and is none of kotocheck's own "
                                  "rules, so the setting changes nothing.{near}"},
    "config.unknown_rule.hint": {"fi": "Kirjoita säännön tunnus sellaisena kuin havainto sen näyttää (esim. \"2.2\" tai "
                                       "\"schema.missing\"); kotocheck explain näyttää kohtien tunnukset.",
                                 "en": "Write the rule id as a finding shows it (e.g. \"2.2\" or \"schema.missing\"); "
                                       "kotocheck explain shows the item ids."},
    "config.unknown_waiver_rule": {"fi": "Asetustiedoston poikkeuksen kohtaa {value} ei ole missään tarkistuslistassa, "
                                         "joten poikkeus ei koske mitään.{near}",
                                   "en": "The waiver's item {value} is in no checklist, so the waiver waives nothing.{near}"},
    "config.unknown_waiver_rule.hint": {"fi": "Kirjoita tarkistuslistan kohdan tunnus (esim. \"5.8\"); "
                                              "kotocheck explain näyttää tunnukset.",
                                        "en": "Write the id of a checklist item (e.g. \"5.8\"); kotocheck explain shows the ids."},
    "config.near": {"fi": " Tarkoititko {value}?", "en": " Did you mean {value}?"},
    "config.unused_waiver": {"fi": "Asetustiedoston poikkeuksen ({value}) tiedostomalli {files} ei vastaa yhtään "
                                   "tarkistettua asiakirjaa eikä yhtään asiakirjaa {where}, joten poikkeus ei koske mitään.",
                             "en": "The files pattern {files} of the waiver ({value}) matches no document checked and no "
                                   "document {where}, so the waiver waives nothing."},
    "config.where_paths": {"fi": "asetuksen paths kansioissa", "en": "under the paths setting"},
    "config.where_folder": {"fi": "asetustiedoston kansiossa", "en": "in the settings file's folder"},
    "config.unused_waiver.hint": {"fi": "Malli on suhteessa asetustiedoston kansioon: ohjelma/*.yaml kattaa kansion "
                                        "ohjelma YAML-tiedostot ja **/ minkä tahansa määrän alikansioita.",
                                  "en": "The pattern is relative to the settings file's folder: ohjelma/*.yaml covers the "
                                        "YAML files in ohjelma, and **/ any number of folders."},
    "config.blank": {"fi": "tyhjä tai pelkkiä välilyöntejä; kirjoita teksti", "en": "blank; write the text"},
    "config.not_int": {"fi": "arvon on oltava kokonaisluku (esim. 5000000)",
                       "en": "the value must be a whole number (e.g. 5000000)"},
    "config.not_date": {"fi": "arvon on oltava päivämäärä (VVVV-KK-PP)", "en": "the value must be a date (YYYY-MM-DD)"},
    "config.no_templates": {"fi": "mallipohjakansiota {path} ei ole", "en": "the templates folder {path} does not exist"},
    "cli.no_templates": {"fi": "{path}: mallipohjakansiota ei ole", "en": "{path}: no such templates folder"},
    "cli.output_suffix": {"fi": "{path}: pääte {suffix} ei nimeä komennon {command} muotoa; sallitut päätteet: {accepted}",
                          "en": "{path}: the suffix {suffix} names no format of {command}; accepted suffixes: {accepted}"},
    "cli.output_mismatch": {"fi": "{path}: pääte {suffix} ei vastaa muotoa {format}; käytä päätettä {wanted} tai jätä "
                                  "--format pois",
                            "en": "{path}: the suffix {suffix} does not match the format {format}; use {wanted} or leave "
                                  "out --format"},
    "cli.internal_error": {"fi": "sisäinen virhe ({error}); tämä on kotocheckin vika, ei tiedostosi: ilmoita siitä "
                                 "(KOTOCHECK_DEBUG=1 näyttää jäljityksen)",
                           "en": "internal error ({error}); this is a bug in kotocheck, not in your file: please report "
                                 "it (KOTOCHECK_DEBUG=1 shows the traceback)"},
    # render --check
    "render.stale": {"fi": "{output} on vanhentunut: päivitä komennolla {command}",
                     "en": "{output} is stale: run {command}"},
    "render.no_settings": {"fi": "--check ilman tiedostoa tarvitsee kotocheck.toml-tiedoston (tai pyproject.toml-tiedoston "
                                 "[tool.kotocheck]-osion), jossa on [[render]]-kohtia",
                           "en": "--check without FILE needs a kotocheck.toml (or [tool.kotocheck] in pyproject.toml) "
                                 "with [[render]] entries"},
    "render.no_entries": {"fi": "{file}: ei tarkistettavia [[render]]-kohtia", "en": "{file}: no [[render]] entries to check"},
}


def message(key: str, **params: Any) -> dict[str, str]:
    """The message in every language it exists in, with parameters filled in."""
    entry = MESSAGES.get(key)
    if entry is None:
        return {"fi": key, "en": key}
    out = {}
    for lang, template in entry.items():
        localized = {k: (v[lang] if isinstance(v, dict) and lang in v else v.get("en", "") if isinstance(v, dict) else v)
                     for k, v in params.items()}
        try:
            out[lang] = template.format(**localized)
        except (KeyError, IndexError):
            out[lang] = template
    return out


def pick(text: dict[str, str] | None, lang: str) -> str:
    """One language out of a localized text, falling back to Finnish, then English."""
    if not text:
        return ""
    return text.get(lang) or text.get("fi") or text.get("en") or ""


def type_name(value: Any) -> dict[str, str]:
    import datetime as dt

    for typ, key in ((bool, "bool"), (int, "int"), (float, "float"), (str, "str"), (dt.date, "date"),
                     (list, "list"), (dict, "dict")):
        if isinstance(value, typ):
            return MESSAGES["type." + key]
    return MESSAGES["type.none"]
