"""Every message about YAML that cannot be read, or a value of the wrong kind, says in a
coordinator's words what is wrong and how to fix it (issue 9), in Finnish with no English
parser text, and in English with `--lang en`.

Every expected line and column below was worked out by reading the YAML, not by running the code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from kotocheck import loader
from kotocheck.models import _all_field_names, _synonyms

SUITE = Path("/work/shared/yaml-test-suite/error")

# ruamel.yaml's own words: none may reach a Finnish message
ENGLISH = ("mapping values", "expected", "found", "while scanning", "while parsing", "could not find",
           "block end", "scalar", "token", "document start", "stream", "not allowed")

# a document that passes the schema, to which the cases add lines (lines 1-6)
HEAD = ("kind: programme\n"                       # 1
        "format_version: 1\n"                     # 2
        "checklist: kotoutuminen-681-2023\n"      # 3
        "title: T\n"                              # 4
        "identification:\n"                       # 5
        "  municipality: X\n")                    # 6


def _run(cli, tmp_path, text: str, lang: str = "fi", name: str = "doc.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    args = ["validate", path] + (["--lang", lang] if lang != "fi" else [])
    return path, cli(*args)


def _finding(output: str, rule: str) -> str:
    lines = [line for line in output.splitlines() if f"  {rule}  " in line]
    assert lines, output
    return lines[0]


def _check(cli, tmp_path, text, exit_code, where, rule, *words, lang="fi"):
    """Run validate; the finding of `rule` is at `where` and its message line holds every word."""
    path, result = _run(cli, tmp_path, text, lang)
    assert result.exit_code == exit_code, result.output
    line = _finding(result.output, rule)
    severity = "virhe" if lang == "fi" else "error"
    assert line.startswith(f"{path}:{where}  {severity}  {rule}  "), line
    for word in words:
        assert word in line, (word, line)
    if lang == "fi":
        _no_english(result.output, text)
    return line, result.output


def _no_english(output: str, source: str = "") -> None:
    for word in ENGLISH:
        if word.lower() not in source.lower():  # the user's own text may say anything
            assert word not in output.lower(), (word, output)


# --- a value that starts with a character YAML reserves ------------------------------------------

def test_percent_sign_value(cli, tmp_path):
    # line 2 `unit: %`: u1 n2 i3 t4 :5 space6 %7
    line, output = _check(cli, tmp_path, "kind: programme\nunit: %\n", 2, "2:7", "yaml.syntax",
                          "Arvo ei voi alkaa merkillä %", 'laita se lainausmerkkeihin: unit: "%"')
    assert "Vihje:" in output


@pytest.mark.parametrize("value, char, column", [
    ("@kunta.fi", "@", 7), ("`koodi`", "`", 7), ("|x", "|", 7), ("> 5 vuotta", ">", 7), ("* kpl", "*", 7),
    ("& kpl", "&", 7), ("!tärkeä", "!", 7), ("{kpl} / vuosi", "{", 7), ("[luonnos] kpl", "[", 7), (", kpl", ",", 7),
], ids=["at", "backtick", "pipe", "greater", "star", "ampersand", "bang", "brace", "bracket", "comma"])
def test_a_value_starting_with_a_reserved_character(cli, tmp_path, value, char, column):
    # line 2 `unit: <value>`: the value starts at column 7
    _check(cli, tmp_path, f"kind: programme\nunit: {value}\n", 2, f"2:{column}", "yaml.syntax",
           f"Arvo ei voi alkaa merkillä {char}", f'laita se lainausmerkkeihin: unit: "{value}"')


def test_a_reserved_character_in_english(cli, tmp_path):
    _check(cli, tmp_path, "kind: programme\nunit: %\n", 2, "2:7", "yaml.syntax",
           "A value cannot start with the character %", 'put it in quotes: unit: "%"', lang="en")


def test_a_line_starting_with_percent(cli, tmp_path):
    # line 2 `% osuus: 5`: % at column 1 starts a YAML directive
    _check(cli, tmp_path, "kind: programme\n% osuus: 5\n", 2, "2:1", "yaml.syntax",
           "Kentän nimi ei voi alkaa merkillä %", 'laita nimi lainausmerkkeihin: "% osuus": 5')


def test_an_unknown_alias(cli, tmp_path):
    # line 2 `title: *luonnos`: * at column 8
    _check(cli, tmp_path, "kind: programme\ntitle: *luonnos\n", 2, "2:8", "yaml.syntax",
           "Tähdellä (*) alkava arvo", "ankkuriin &luonnos", 'laita se lainausmerkkeihin: title: "*luonnos"')


# --- [] left behind ------------------------------------------------------------------------------

LEFTOVER = ("kind: programme\n"            # 1
            "process:\n"                   # 2
            "  working_group:\n"           # 3
            "    members: []\n"            # 4  `[` at column 14: 4 spaces + "members: " (9)
            "      - organisation: A\n"    # 5
            "        sector: ngo\n")       # 6


def test_an_empty_list_left_before_its_items(cli, tmp_path):
    _check(cli, tmp_path, LEFTOVER, 2, "4:14", "yaml.syntax",
           "Kentän 'members' perässä on []", "poista [] ja jätä pelkkä members:")


def test_an_empty_list_left_before_unindented_items(cli, tmp_path):
    # line 2 `members: []`: [ at column 10; the items follow at column 1
    _check(cli, tmp_path, "kind: programme\nmembers: []\n- organisation: A\n", 2, "2:10", "yaml.syntax",
           "poista [] ja jätä pelkkä members:")


def test_an_empty_list_left_in_english(cli, tmp_path):
    _check(cli, tmp_path, LEFTOVER, 2, "4:14", "yaml.syntax",
           "The field 'members' ends in []", "delete the [] and leave just members:", lang="en")


# --- years and periods ---------------------------------------------------------------------------

def test_a_year_as_a_title_must_be_quoted(cli, tmp_path):
    text = HEAD.replace("title: T\n", "title: 2025\n")  # line 4 `title: 2025`: the value at column 8
    _check(cli, tmp_path, text, 1, "4:8", "schema.type",
           "odotettu teksti, annettu kokonaisluku", 'Laita vuosi lainausmerkkeihin: title: "2025"')
    _check(cli, tmp_path, text, 1, "4:8", "schema.type", 'Put the year in quotes: title: "2025"', lang="en")


@pytest.mark.parametrize("period", ["2025-2028", "2025–2028"], ids=["hyphen", "en-dash"])
def test_a_period_written_as_a_range(cli, tmp_path, period):
    # line 7 `  period: 2025-2028`: 2 spaces + "period: " (8) → the value at column 11
    _check(cli, tmp_path, HEAD + f"  period: {period}\n", 1, "7:11", "schema.type",
           "Kirjoita alku ja loppu omiin kenttiinsä: period: {start: 2025, end: 2028}")


def test_a_range_where_one_year_is_wanted(cli, tmp_path):
    # line 8 `    start: 2025-2028`: 4 spaces + "start: " (7) → column 12
    _check(cli, tmp_path, HEAD + "  period:\n    start: 2025-2028\n", 1, "8:12", "schema.type",
           "Tähän kirjoitetaan yksi vuosi tai päivämäärä", "start: 2025 ja end: 2028")


def test_a_municipality_code_keeps_its_leading_zero(cli, tmp_path):
    # line 7 `  municipality_code: 20` (YAML read 020 as the number 20): the value at column 22
    _check(cli, tmp_path, HEAD + "  municipality_code: 020\n", 1, "7:22", "schema.type",
           'Laita kuntanumero lainausmerkkeihin: municipality_code: "020"')


# --- dates written the Finnish way ---------------------------------------------------------------

APPROVAL = HEAD + "  approval:\n    body: valtuusto\n    date: {date}\n"  # line 9: 4 spaces + "date: " → column 11


@pytest.mark.parametrize("date, fi, en", [
    ("15.6.2026", "kirjoita 2026-06-15", "write 2026-06-15"),
    ("1.1.2025", "kirjoita 2025-01-01", "write 2025-01-01"),
    ("15.6.", "kirjoita VVVV-06-15", "write YYYY-06-15"),
], ids=["day-month-year", "first-of-january", "no-year"])
def test_a_finnish_date_in_a_date_field(cli, tmp_path, date, fi, en):
    _check(cli, tmp_path, APPROVAL.format(date=date), 1, "9:11", "schema.type", fi)
    _check(cli, tmp_path, APPROVAL.format(date=date), 1, "9:11", "schema.type", en, lang="en")


def test_a_finnish_date_that_does_not_exist(cli, tmp_path):
    _check(cli, tmp_path, APPROVAL.format(date="31.2.2026"), 1, "9:11", "schema.type",
           "Päivämäärää 31.2.2026 ei ole kalenterissa")


def test_a_finnish_date_where_a_year_or_date_is_wanted(cli, tmp_path):
    # line 8 `    start: 1.1.2025` → column 12; line 9 `    end: 6.2028` (a month) → column 10
    text = HEAD + "  period:\n    start: 1.1.2025\n    end: 6.2028\n"
    _, output = _check(cli, tmp_path, text, 1, "8:12", "schema.type", "kirjoita 2025-01-01")
    assert "9:10  virhe  schema.type" in output and "kirjoita 2028-06" in output


def test_a_finnish_date_in_a_followup(cli, tmp_path):
    # line 5 `date: 15.6.2026`: the value at column 7
    text = "kind: followup\nformat_version: 1\ntitle: T\nprogramme: p.yaml\ndate: 15.6.2026\n"
    _check(cli, tmp_path, text, 1, "5:7", "schema.type", "kirjoita 2026-06-15")


# --- quotes --------------------------------------------------------------------------------------

def test_an_unclosed_double_quote(cli, tmp_path):
    # the quote opened on line 2 runs to the end of the file: line 4, column 1
    text = 'kind: programme\ntitle: "Kotoutumisohjelma\nformat_version: 1\n'
    _check(cli, tmp_path, text, 2, "4:1", "yaml.syntax",
           'Lainausmerkki " rivillä 2 jäi sulkematta', 'lisää arvon loppuun ": title: "Kotoutumisohjelma"')
    _check(cli, tmp_path, text, 2, "4:1", "yaml.syntax", "A quote is not closed", lang="en")


def test_an_unclosed_single_quote_closed_by_a_later_one(cli, tmp_path):
    # the ' of line 2 closes at line 4 column 12 (`checklist: 'x'`), and `x'` at column 13 is left over
    text = "kind: programme\ntitle: 'Kunnan ohjelma\nformat_version: 1\nchecklist: 'x'\n"
    _check(cli, tmp_path, text, 2, "4:13", "yaml.syntax",
           "Lainausmerkki ' rivillä 2 jäi sulkematta", "title: 'Kunnan ohjelma'")


def test_text_after_a_closing_quote(cli, tmp_path):
    # line 2 `title: "Koto" ohjelma`: the text after the quote starts at column 15
    _check(cli, tmp_path, 'kind: programme\ntitle: "Koto" ohjelma\n', 2, "2:15", "yaml.syntax",
           "perässä on vielä tekstiä", "title: '\"Koto\" ohjelma'")


def test_a_backslash_in_double_quotes(cli, tmp_path):
    # line 2 `file: "C:\kansio"`: the escape `\k` at column 10
    _check(cli, tmp_path, 'kind: programme\nfile: "C:\\kansio"\n', 2, "2:10", "yaml.syntax",
           "kenoviiva", "file: 'C:\\kansio'")


def test_an_unclosed_bracket(cli, tmp_path):
    # the [ of line 2 is still open at the end of the file: line 3, column 1
    _check(cli, tmp_path, "kind: programme\ntitle: [Luonnos\n", 2, "3:1", "yaml.syntax",
           "Hakasulku [ rivillä 2 jäi sulkematta", 'title: "[Luonnos"')


# --- colons --------------------------------------------------------------------------------------

def test_a_colon_inside_an_unquoted_value(cli, tmp_path):
    # line 2 `title: Huom: teksti`: the second colon at column 12
    _check(cli, tmp_path, "kind: programme\ntitle: Huom: teksti\n", 2, "2:12", "yaml.syntax",
           "Arvossa on kaksoispiste ja välilyönti", 'laita arvo lainausmerkkeihin: title: "Huom: teksti"')
    _check(cli, tmp_path, "kind: programme\ntitle: Huom: teksti\n", 2, "2:12", "yaml.syntax",
           "A colon in the wrong place", 'put the value in quotes: title: "Huom: teksti"', lang="en")


def test_a_clock_time_needs_no_quotes(cli, tmp_path):
    path, result = _run(cli, tmp_path, HEAD + "process:\n  decision_makers: Valtuusto kokoontuu klo 12:00\n")
    assert result.exit_code != 2 and "yaml.syntax" not in result.output and "schema." not in result.output


def test_a_colon_in_a_list_entry_makes_it_a_field(cli, tmp_path):
    # line 9 `    - Huom: lue tämä`: the entry starts at column 7
    text = HEAD + "communication:\n  channels:\n    - Huom: lue tämä\n"
    _check(cli, tmp_path, text, 1, "9:7", "schema.type",
           "Tekstissä on kaksoispiste ja välilyönti", 'laita koko teksti lainausmerkkeihin: - "Huom: lue tämä"')


def test_a_colon_in_text_that_continues_on_the_next_line(cli, tmp_path):
    # line 3 `  joka jatkuu: tässä`: the colon at column 14
    text = "kind: programme\ndescription: pitkä teksti\n  joka jatkuu: tässä\n"
    _check(cli, tmp_path, text, 2, "3:14", "yaml.syntax", "Rivillä 2 alkava teksti jatkuu", "lainausmerkkeihin")


def test_a_missing_space_after_the_colon(cli, tmp_path):
    # line 2 `title:Nimi` reads as a key without a colon: it starts at column 1
    _check(cli, tmp_path, "kind: programme\ntitle:Nimi\nformat_version: 1\n", 2, "2:1", "yaml.syntax",
           "Kaksoispisteen jälkeen puuttuu välilyönti", "kirjoita: title: Nimi")


def test_a_missing_space_after_the_colon_of_a_nested_key(cli, tmp_path):
    # line 3 `  municipality:X` runs into line 4; the key starts at column 3
    text = "kind: programme\nidentification:\n  municipality:X\n  region: Y\n"
    _check(cli, tmp_path, text, 2, "3:3", "yaml.syntax", "kirjoita: municipality: X")


def test_a_field_name_without_its_colon(cli, tmp_path):
    # line 4 `  region Pirkanmaa`: the name starts at column 3 (ruamel notices only on line 5)
    text = "kind: programme\nidentification:\n  municipality: X\n  region Pirkanmaa\n  period:\n    start: 2025\n"
    _check(cli, tmp_path, text, 2, "4:3", "yaml.syntax",
           "Kentän nimen perästä puuttuu kaksoispiste", "kirjoita: region: Pirkanmaa")


def test_a_line_without_a_colon(cli, tmp_path):
    # line 2 `title` has no colon; it starts at column 1
    _check(cli, tmp_path, "kind: programme\ntitle\nformat_version: 1\n", 2, "2:1", "yaml.syntax",
           "Rivillä on teksti 'title' ilman kaksoispistettä", "kirjoita 'title: arvo'")


# --- indentation and list dashes -----------------------------------------------------------------

def test_a_key_indented_deeper_than_its_sibling(cli, tmp_path):
    # line 7 `  region: Lappi`, line 8 `    municipality_code: "320"`: the key at column 5
    text = HEAD + '  region: Lappi\n    municipality_code: "320"\n'
    _check(cli, tmp_path, text, 2, "8:5", "yaml.syntax",
           "Kenttä 'municipality_code' on sisennetty 4 välilyönnillä", "rivin 7 kenttä 'region'",
           "sisennä 'municipality_code' 2 välilyönnillä kuten 'region'")


SHALLOWER = ("kind: programme\n"          # 1
             "identification:\n"          # 2
             "    municipality: X\n"      # 3
             "  region: Y\n")             # 4  the key at column 3


def test_a_key_indented_shallower_than_its_sibling(cli, tmp_path):
    _check(cli, tmp_path, SHALLOWER, 2, "4:3", "yaml.syntax", "Rivi on sisennetty 2 välilyönnillä",
           "sisennä se 4 välilyönnillä kuten rivin 3 'municipality' tai 0 välilyönnillä kuten rivin 2 'identification'")
    _check(cli, tmp_path, SHALLOWER, 2, "4:3", "yaml.syntax", "The line is indented by 2 spaces",
           "indent it by 4 spaces like 'municipality' on line 3", lang="en")


def test_a_list_item_among_fields(cli, tmp_path):
    # line 4 `  - region: Y`: the dash at column 3
    text = "kind: programme\nidentification:\n  municipality: X\n  - region: Y\n"
    _check(cli, tmp_path, text, 2, "4:3", "yaml.syntax", "Listan kohta (-) on kenttien keskellä", "poista viiva")


def test_a_field_at_the_indentation_of_list_items(cli, tmp_path):
    # line 5 `  measures: []`: the key at column 3, where the dashes of lines 3 are
    text = "kind: programme\ngoals:\n  - id: G1\n    title: T\n  measures: []\n"
    _check(cli, tmp_path, text, 2, "5:3", "yaml.syntax",
           "Kenttä 'measures' on samassa sisennyksessä kuin yllä olevat listan kohdat",
           "sisennä se 4 välilyönnillä", "0 välilyönnillä kuten 'goals'")


def test_a_list_item_on_the_line_of_its_key(cli, tmp_path):
    # line 2 `members: - A`: the dash at column 10
    _check(cli, tmp_path, "kind: programme\nmembers: - A\n", 2, "2:10", "yaml.syntax",
           "Listan kohta (-) ei voi alkaa samalla rivillä kuin kenttä 'members'", 'members: "- A"')


def test_a_missing_space_after_a_list_dash(cli, tmp_path):
    # line 4 `  -id: G2`: the dash at column 3
    text = "kind: programme\ngoals:\n  - id: G1\n  -id: G2\n"
    _check(cli, tmp_path, text, 2, "4:3", "yaml.syntax", "Listan viivan (-) jälkeen puuttuu välilyönti",
           "kirjoita: - id: G2")


def test_a_missing_space_after_the_only_list_dash(cli, tmp_path):
    # line 8 `  -id: G1` is read as a field `-id`: goals gets a mapping at line 8 column 3
    _check(cli, tmp_path, HEAD + "goals:\n  -id: G1\n", 1, "8:3", "schema.type",
           "Listan viivan (-) jälkeen puuttuu välilyönti", "kirjoita - id: G1")


def test_a_tab_and_a_duplicate_key_keep_their_messages(cli, tmp_path):
    _check(cli, tmp_path, "kind: programme\nidentification:\n\tmunicipality: X\n", 2, "3:1", "yaml.syntax",
           "Sisennyksessä on sarkain")
    _check(cli, tmp_path, "kind: programme\ntitle: A\ntitle: B\n", 2, "3:1", "yaml.duplicate-key",
           "Avain 'title' esiintyy kahdesti")


def test_a_second_document(cli, tmp_path):
    # line 2 `---` starts a second document
    _check(cli, tmp_path, "kind: programme\n---\ntitle: A\n", 2, "2:1", "yaml.syntax",
           "toinen YAML-dokumentti", "poista rivi ---")


def test_an_impossible_date(cli, tmp_path):
    # line 2 `approved: 2025-02-30`: the value at column 11
    _check(cli, tmp_path, "kind: programme\napproved: 2025-02-30\n", 2, "2:11", "yaml.syntax",
           "Päivämäärää 2025-02-30 ei ole kalenterissa", '"2025-02-30"')


def test_an_unknown_problem_keeps_the_english_to_the_english_message(cli, tmp_path):
    # an extra ] after the document: ruamel says "expected '<document start>'" at line 2 column 13
    text = "---\n[ a, b, c ] ]\n"
    _check(cli, tmp_path, text, 2, "2:13", "yaml.syntax", "YAML-rakenne on virheellinen tällä rivillä")
    _check(cli, tmp_path, text, 2, "2:13", "yaml.syntax", "YAML syntax error:", "document start", lang="en")


# --- Finnish and Swedish field names -------------------------------------------------------------

@pytest.mark.parametrize("text, where, word, field", [
    (HEAD + "  maakunta: Lappi\n", "7:3", "maakunta", "region"),              # line 7, under identification
    (HEAD + "tavoitteet: []\n", "7:1", "tavoitteet", "goals"),                # line 7, top level
    (HEAD + "goals:\n  - id: G1\n    title: T\n    mittarit: []\n", "10:5", "mittarit", "indicators"),
    (HEAD + "goals:\n  - id: G1\n    otsikko: T\n", "9:5", "otsikko", "title"),
    (HEAD + "goals:\n  - id: G1\n    title: T\n    indicators:\n      - id: I1\n        nimi: N\n",
     "12:9", "nimi", "name"),                                                   # nimi → name under an indicator
    (HEAD + "  approval:\n    pvm: 2025-06-15\n", "8:5", "pvm", "date"),
    (HEAD + "  approval:\n    hyväksyjä: valtuusto\n", "8:5", "hyväksyjä", "body"),
    (HEAD + "  kausi:\n    alku: 2025\n", "7:3", "kausi", "period"),
    (HEAD + "seuranta: {}\n", "7:1", "seuranta", "monitoring"),
    (HEAD + "mål: []\n", "7:1", "mål", "goals"),                              # Swedish
    (HEAD + "åtgärder: []\n", "7:1", "åtgärder", "measures"),
    (HEAD + "  Region: Lappi\n", "7:3", "Region", "region"),                  # a capital letter
    (HEAD + "  approvl: {}\n", "7:3", "approvl", "approval"),                 # a typo
], ids=["maakunta", "tavoitteet", "mittarit", "otsikko", "nimi", "pvm", "hyvaksyja", "kausi", "seuranta",
        "mal", "atgarder", "capital", "typo"])
def test_a_finnish_or_swedish_field_name_suggests_the_english_one(cli, tmp_path, text, where, word, field):
    _check(cli, tmp_path, text, 1, where, "schema.unknown-key", f"Tuntematon kenttä '{word}'. Tarkoititko '{field}'?")
    _check(cli, tmp_path, text, 1, where, "schema.unknown-key", f"Unknown field '{word}'. Did you mean '{field}'?",
           lang="en")


def test_the_finnish_word_hint_says_field_names_are_english(cli, tmp_path):
    _, output = _check(cli, tmp_path, HEAD + "  maakunta: Lappi\n", 1, "7:3", "schema.unknown-key")
    assert "Kenttien nimet kirjoitetaan englanniksi: kirjoita 'region'" in output


def test_a_suggestion_only_where_the_field_exists(cli, tmp_path):
    # goals exist at the top level, not under identification: no suggestion, the fields that fit instead
    line, output = _check(cli, tmp_path, HEAD + "  tavoitteet: []\n", 1, "7:3", "schema.unknown-key",
                          "Tuntematon kenttä 'tavoitteet'.")
    assert "Tarkoititko" not in line and "Tähän kohtaan sopivat kentät: approval, approvals" in output


def test_every_synonym_names_a_field_of_a_model():
    known = set(_all_field_names())
    unknown = {word: fields for word, fields in _synonyms().items() if not set(fields) <= known}
    assert not unknown, unknown
    assert len(_synonyms()) > 150


# --- the official YAML test suite: no English and no traceback ------------------------------------

SUITE_CASES = sorted(SUITE.glob("*.yaml")) if SUITE.is_dir() else []


@pytest.mark.skipif(not SUITE_CASES, reason="the yaml-test-suite checkout is not here")
def test_the_yaml_test_suite_errors_read_in_finnish(cli, tmp_path):
    for case in SUITE_CASES:
        text = case.read_text(encoding="utf-8", errors="replace")
        try:
            YAML(typ="rt").load(text)
            ruamel = ""
        except Exception as exc:  # ruamel's own wording of the error
            ruamel = " ".join(f"{getattr(exc, 'context', '') or ''} {getattr(exc, 'problem', '') or ''}".split())
        try:
            loader.parse(text, case.name)
            continue  # ruamel accepts a few of them; the schema has its say then
        except loader.LoadError as exc:
            finding = exc.finding
        fi = finding.message["fi"] + " " + finding.hint["fi"]
        assert finding.message["en"] and finding.line >= 1 and finding.column >= 1, case.name
        if ruamel:
            assert ruamel not in fi, (case.name, fi)
        for word in ENGLISH:
            if word not in text.lower():
                assert word not in fi.lower(), (case.name, word, fi)
    for case in SUITE_CASES[::4]:  # and through the CLI: a located finding, never a traceback
        path = tmp_path / case.name
        path.write_bytes(case.read_bytes())
        result = cli("validate", path)
        assert result.exit_code in (1, 2), (case.name, result.output)
        assert re.search(rf"{re.escape(str(path))}:\d+:\d+  ", result.output), (case.name, result.output)
