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
    "yaml.syntax": {"fi": "YAML-syntaksivirhe: {problem}.", "en": "YAML syntax error: {problem}."},
    "yaml.syntax.hint": {"fi": "Tarkista sisennykset, kaksoispisteet ja lainausmerkit tällä rivillä tai sitä edeltävällä.",
                         "en": "Check indentation, colons and quotes on this line or the one before it."},
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
    "yaml.tag.hint": {"fi": "Poista tagi (!-alkuinen merkintä).", "en": "Remove the tag (the word starting with !)."},
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
    # document kind and checklist
    "doc.kind_missing": {"fi": "Dokumentin tyyppi (kind) puuttuu.", "en": "The document kind is missing."},
    "doc.kind_unknown": {"fi": "Tuntematon dokumentin tyyppi '{value}'.", "en": "Unknown document kind '{value}'."},
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
    "schema.unknown_key": {"fi": "Tuntematon kenttä '{field}'.", "en": "Unknown field '{field}'."},
    "schema.unknown_key.hint": {"fi": "Tarkista kirjoitusasu.{suggestion_fi}", "en": "Check the spelling.{suggestion_en}"},
    "schema.misplaced_key.hint": {"fi": "Kenttä '{field}' ei kuulu tähän kohtaan: tarkista sisennys ja edellisten rivien lainausmerkit.",
                                  "en": "The field '{field}' does not belong here: check the indentation and the quotes on the lines above."},
    "schema.type": {"fi": "Kentän '{field}' arvo on väärää tyyppiä: odotettu {expected_fi}, annettu {got_fi}.",
                    "en": "Wrong type in '{field}': expected {expected_en}, got {got_en}."},
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
    "check.missing": {"fi": "puuttuu ({path})", "en": "missing ({path})"},
    "check.partly_missing": {"fi": "osittain: puuttuu {paths}", "en": "partly: missing {paths}"},
    "check.min_items": {"fi": "vähintään {min} kohtaa tarvitaan, nyt {count} ({path})",
                        "en": "at least {min} entries needed, found {count} ({path})"},
    "check.covers": {"fi": "puuttuu: {missing}", "en": "missing: {missing}"},
    "check.covers_partly": {"fi": "osittain; puuttuu: {missing}", "en": "partly; missing: {missing}"},
    "check.covers_any": {"fi": "ei yhtään näistä: {options}", "en": "none of: {options}"},
    "check.each_has": {"fi": "{entries}: puuttuu {fields}", "en": "{entries}: no {fields}"},
    "check.each_has_any": {"fi": "{entries}: ei mitään näistä: {fields}", "en": "{entries}: none of {fields}"},
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
