"""User-facing wording of the tool itself (the checklist wording lives in the data files).

Every message exists in Finnish and English; Swedish where it has been written."""

from __future__ import annotations

from typing import Any

from kotocheck.yaml_texts import MESSAGES as _YAML_MESSAGES

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

MESSAGES.update(_YAML_MESSAGES)  # kotocheck.yaml_texts: the YAML reading errors


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
