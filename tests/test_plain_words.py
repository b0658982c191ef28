"""Messages a coordinator understands (issue 9): a finding names what is missing in the words of
the document ("lähtötaso", "tunnistetiedot → hyväksyminen") and the goal or measure it belongs
to, never the machine's notation (`goals[*].indicators[*]`, `services[service=…]`,
`all(each_has(…))`, `identification.approval.body`). JSON and SARIF keep the machine paths.

Also: the summary line never shows full coverage next to structural errors, and the Finnish of
the checklists reads as Finnish (one spelling of "maahan muuttaneet", commas before indirect
questions, no transcriber's notes, no English or YAML keys in item texts).

Every expected line and column below was worked out by reading the YAML, not by running the code."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import shutil
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from conftest import EXAMPLES, ROOT
from kotocheck import explain, i18n, loader
from kotocheck.checklist import CATALOGUES, available, catalogue, groups, label, load_checklist
from kotocheck.checks import KINDS, CheckSpec, Context, run
from kotocheck.locations import locate, parse

TODAY = dt.date(2026, 11, 23)
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))
LANGS = ("fi", "en")

# --- what programmer notation looks like ------------------------------------------------------

# "e.g.", "i.e.", "esim." are words; "identification.approval" and "goals.measures" are paths.
ABBREVIATIONS = re.compile(r"\b(e\.g|i\.e|esim|ent|mom|ks|vrt|nro|no)\.", re.IGNORECASE)
NOTATION = [
    (re.compile(r"\[\*\]"), "[*]"),
    (re.compile(r"\[[^\]]*="), "[…=…]"),
    (re.compile(r"\[\]"), "[]"),
    (re.compile(r"each_has\("), "each_has("),
    (re.compile(r"\ball\("), "all("),
    (re.compile(r"\bany\("), "any("),
]
DOTTED = re.compile(r"\b[a-z_]+\.[a-z_]+\b")  # a lowercase dotted path; 5.10 and 31.12.2025 are no paths


def notation(text: str) -> list[str]:
    """The programmer notation found in a message (empty when it reads as words)."""
    found = [name for pattern, name in NOTATION if pattern.search(text)]
    words = ABBREVIATIONS.sub(" ", re.sub(r"https?://\S+|<[^>]*>|\S+\.(yaml|yml|toml)\b", " ", text))
    found += [f"dotted path {m.group(0)!r}" for m in DOTTED.finditer(words)]
    return found


def test_the_notation_detector_itself():
    assert notation("puuttuu (identification.approval.body, identification.approval.date)")
    assert notation("puuttuu (services[service=guidance])") and notation("ei yhtään (goals[*].measures)")
    assert notation("all(each_has(goals, measures))") and notation("puuttuu process.coordinator.authority")
    assert not notation("puuttuu hyväksyjä ja päivämäärä (tunnistetiedot → hyväksyminen)")
    assert not notation("kohta 5.10, voimassa 31.12.2025, esim. DVV, e.g. Kela, i.e. measures")
    assert not notation("tiedostoa 'esimerkkila-kotoutumisohjelma-2025.yaml' ei löydy <https://finlex.fi/x>")


# --- every example, every output that shows messages ------------------------------------------

FINDING_LINE = re.compile(r"^\S+:\d+:\d+  (?:\S+(?: \S+)?)  (\S+)  (.*)$")
STRUCTURAL = ("schema.", "yaml.")  # another engineer words those


def _text_messages(output: str) -> list[tuple[str, str]]:
    return [(m.group(1), m.group(2)) for m in map(FINDING_LINE.match, output.splitlines()) if m]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_validate_text_of_every_example_shows_no_notation(cli, path, lang):
    output = cli("validate", path, "--lang", lang).output
    shown = [(rule, message) for rule, message in _text_messages(output) if not rule.startswith(STRUCTURAL)]
    bad = [(rule, message, notation(message)) for rule, message in shown if notation(message)]
    assert not bad, bad


REPORT_FINDING = {"md": re.compile(r"^- (?:Rivi|Line|Rad) \d+: (.*)$", re.M),
                  "html": re.compile(r"<li>(?:Rivi|Line|Rad) \d+: (.*?)</li>", re.S)}


@pytest.mark.parametrize("fmt", ("md", "html"))
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_gap_report_of_every_example_shows_no_notation(cli, path, lang, fmt):
    output = cli("report", path, "--format", fmt, "--lang", lang).output
    messages = [html.unescape(m) for m in REPORT_FINDING[fmt].findall(output)]
    bad = [(message, notation(message)) for message in messages if notation(message)]
    assert not bad, bad
    # the notation of lists and filters shows nowhere in the report, hints included
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", output, flags=re.S)
    assert not [name for pattern, name in NOTATION if pattern.search(text)]


def _context(data: dict) -> Context:
    return Context(data=data, today=TODAY, catalogues={n: {e.id for e in catalogue(n).entries} for n in CATALOGUES},
                   labels=label, groups=groups(), programme=lambda: ({"goals": [{"id": "T1"}]}, ""))


def _items() -> list:
    return [pytest.param(name, item, id=f"{name} {item.id}") for name, path in sorted(available().items())
            for item in load_checklist(path).items]


@pytest.mark.parametrize("name,item", _items())
def test_every_item_says_its_shortfall_in_words(name, item):
    """An empty document, and the failing example `explain` shows for the item."""
    documents = [{}]
    examples = explain.snippets(item.check, TODAY)
    if examples:
        documents.append(examples[1])
    for data in documents:
        for hit in run(item.check, _context(data)):
            for lang in LANGS:
                assert not notation(hit.detail[lang]), (lang, hit.detail[lang])


@pytest.mark.parametrize("name,item", _items())
def test_explain_describes_every_check_in_words(cli, name, item):
    for lang in LANGS:
        output = cli("explain", item.id, "--checklist", name, "--lang", lang).output
        head = re.split(r"\n(?:Läpäisee|Passes):", output)[0]
        lines = [line for line in head.splitlines()
                 if not line.startswith(("URL:", "Vihje:", "Hint:", "    ”"))]  # hints name YAML keys
        bad = [(line, notation(line)) for line in lines if notation(line)]
        assert not bad, bad


def test_every_part_of_the_document_a_check_reads_has_plain_words():
    from kotocheck.checks import words

    def keys(spec: CheckSpec) -> set[str]:
        if spec.all or spec.any:
            return {k for sub in spec.all or spec.any for k in keys(sub)}
        expressions = spec.expressions() + list(getattr(spec.params, "fields", None) or [])
        return {step.key for e in expressions for step in parse(e)}

    used = {k for name, path in available().items() for item in load_checklist(path).items for k in keys(item.check)}
    assert used - set(words.SEGMENTS) == set(), "add a Finnish and English word to checks/words.py"


# --- hand-made documents: exact messages at positions read from the YAML -----------------------

def _document(tmp_path: Path, text: str) -> loader.Document:
    path = tmp_path / "doc.yaml"
    path.write_text(text, encoding="utf-8")
    return loader.load(path, "doc.yaml")


def _hits(tmp_path: Path, spec: dict, text: str):
    doc = _document(tmp_path, text)
    parsed = CheckSpec.model_validate(spec)
    hits = KINDS[parsed.kind].check(parsed.params, _context(doc.data))
    return doc, hits


GOALS = """\
goals:
  - id: T1
    indicators:
      - id: M1.1
        baseline: 60 %
  - id: T2
    indicators:
      - id: M2.1
        name: Kurssilaiset
"""


def test_an_indicator_without_a_baseline_is_named_with_its_goal(tmp_path):
    doc, [hit] = _hits(tmp_path, {"kind": "each_has", "items": "goals[*].indicators[*]", "fields": ["baseline"]}, GOALS)
    assert hit.detail["fi"] == "tavoite T2: mittarilta M2.1 puuttuu lähtötaso"
    assert hit.detail["en"] == "goal T2: indicator M2.1 has no baseline"
    assert hit.partial  # M1.1 has one
    assert locate(doc.tree, hit.path, at_value=hit.at_value) == (1, 1)  # the key goals
    assert [locate(doc.tree, p, at_value=True) for p in hit.related] == [(8, 9)]  # "id" after "      - "


def test_indicators_of_several_goals_and_one_of_two_fields(tmp_path):
    text = GOALS.replace("        baseline: 60 %\n", "        name: Työllisyysaste\n") + "      - id: M2.2\n"
    spec = {"kind": "each_has", "items": "goals[*].indicators[*]", "fields": ["source", "custom_source"], "mode": "any"}
    doc, [hit] = _hits(tmp_path, spec, text)
    assert hit.detail["fi"] == ("tavoite T1: mittarilla M1.1 ei ole mitään näistä: tietolähde, oma tietolähde; "
                                "tavoite T2: mittareilla M2.1, M2.2 ei ole mitään näistä: tietolähde, oma tietolähde")
    assert hit.detail["en"] == ("goal T1: indicator M1.1 has none of data source, own data source; "
                                "goal T2: indicators M2.1, M2.2 have none of data source, own data source")
    assert [locate(doc.tree, p, at_value=True) for p in hit.related] == [(4, 9), (8, 9), (10, 9)]


def test_a_measure_without_a_name_is_numbered_within_its_goal(tmp_path):
    text = """\
goals:
  - id: T1
    measures:
      - title: Kielikurssi
      - description: Ohjaus kirjastossa
"""
    spec = {"kind": "each_has", "items": "goals[*].measures[*]", "fields": ["responsible"]}
    doc, [hit] = _hits(tmp_path, spec, text)
    assert hit.detail["fi"] == "tavoite T1: toimenpiteiltä Kielikurssi, nro 2 puuttuu vastuutaho"
    assert hit.detail["en"] == "goal T1: measures Kielikurssi, no. 2 have no responsible party"
    assert [locate(doc.tree, p, at_value=True) for p in hit.related] == [(4, 9), (5, 9)]


def test_a_missing_approval_names_its_fields_and_where_they_belong(tmp_path):
    text = """\
kind: programme
identification:
  municipality: Testilä
"""
    spec = {"kind": "present", "paths": ["identification.approval.body", "identification.approval.date"]}
    doc, [hit] = _hits(tmp_path, spec, text)
    assert hit.detail["fi"] == "puuttuu hyväksyjä ja päivämäärä (tunnistetiedot → hyväksyminen)"
    assert hit.detail["en"] == "missing approving body and date (identification → approval)"
    assert locate(doc.tree, hit.path, at_value=hit.at_value) == (2, 1)  # the deepest part there: identification
    half = text + "  approval:\n    date: 2025-06-16\n"
    doc, [hit] = _hits(tmp_path, spec, half)
    assert hit.partial and hit.detail["fi"] == "osittain: puuttuu hyväksyjä (tunnistetiedot → hyväksyminen)"
    assert locate(doc.tree, hit.path, at_value=hit.at_value) == (4, 3)  # approval, where body belongs


def test_a_missing_service_is_named_by_its_label_not_by_its_filter(tmp_path):
    text = """\
kind: services
services:
  - service: integration_plan
    arranged_by:
      jobseekers: employment_authority
"""
    doc, [hit] = _hits(tmp_path, {"kind": "present", "paths": ["services[service=guidance]"]}, text)
    assert hit.detail["fi"] == "puuttuu palvelu ”kotoutumisohjelman aikainen ohjaus ja neuvonta”"
    assert hit.detail["en"] == "missing service ”guidance and counselling during the programme”"
    assert locate(doc.tree, hit.path, at_value=hit.at_value) == (2, 1)
    spec = {"kind": "present", "paths": ["services[service=integration_plan].arranged_by.others",
                                         "services[service=guidance].arranged_by.others"]}
    doc, [hit] = _hits(tmp_path, spec, text)
    assert hit.detail["fi"] == ("puuttuu järjestäjä → muille (palvelut ”kotoutumissuunnitelma” ja "
                                "”kotoutumisohjelman aikainen ohjaus ja neuvonta”)")
    assert locate(doc.tree, hit.path, at_value=hit.at_value) == (4, 5)  # arranged_by of integration_plan


def test_a_list_with_no_entries_is_named_in_words(tmp_path):
    text = "kind: programme\nprocess:\n  working_group:\n    name: Kotoutumisen työryhmä\n"
    doc, [hit] = _hits(tmp_path, {"kind": "min_items", "path": "process.working_group.members"}, text)
    assert hit.detail["fi"] == "ei yhtään kohtaa (valmistelu → yhteistyöryhmä → jäsenet)"
    assert hit.detail["en"] == "none given (drafting → working group → members)"
    assert locate(doc.tree, hit.path, at_value=hit.at_value) == (3, 3)


PROGRAMME = """\
kind: programme
format_version: 1
checklist: kotoutuminen-681-2023
title: Testilän suunnitelma
identification:
  municipality: Testilä
  municipality_code: "999"
  period:
    start: 2025
    end: 2028
process:
  planning_mode: alone
goals:
  - id: T1
    title: Työllisyys
    indicators:
      - id: M1.1
        name: Työllisyysaste
        source: statfin_115b
        target: {value: 70 %, year: 2028}
  - id: T2
    title: Kieli
    indicators:
      - id: M2.1
        name: Kurssilaisten määrä
        target: {value: 100, year: 2028}
"""


def _findings(cli, tmp_path: Path, text: str, lang: str, name: str = "suunnitelma.yaml") -> dict[str, tuple]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    out = json.loads(cli("validate", path, "--format", "json", "--lang", lang).output)
    return {f["rule"]: (f["line"], f["column"], f["message"], f.get("path")) for f in out["findings"]}


def test_validate_names_the_goal_and_the_indicator_in_the_finding(cli, tmp_path):
    fi = _findings(cli, tmp_path, PROGRAMME, "fi")
    assert fi["45.6"][:3] == (13, 1, "Mittareiden tietolähteet: tavoite T2: mittarilla M2.1 ei ole mitään näistä: "
                                     "tietolähde, oma tietolähde")
    assert fi["1.1"][:3] == (11, 1, "Valmistelun koordinoiva viranomainen: puuttuu viranomainen "
                                    "(valmistelu → koordinoija)")
    assert fi["45.10"][:3] == (5, 1, "Asiakirjan muoto: puuttuu asiakirjan muoto (tunnistetiedot)")
    en = _findings(cli, tmp_path, PROGRAMME, "en")
    assert en["1.1"][2] == "Authority coordinating the preparation: missing authority (drafting → coordinator)"
    assert en["45.6"][2].endswith(": goal T2: indicator M2.1 has none of data source, own data source")
    # JSON keeps the machine's path for tools
    assert fi["45.6"][3] == "goals" and fi["1.1"][3] == "process"


def test_a_missing_approval_through_the_command_line(cli, tmp_path):
    text = PROGRAMME.replace("checklist: kotoutuminen-681-2023", "checklist: kotouttamisohjelma-1386-2010")
    for lang in LANGS:
        line, column, message, _ = _findings(cli, tmp_path, text, lang)["L32.1"]
        assert (line, column) == (5, 1)  # identification, where approval belongs
        assert message.startswith("Valtuuston hyväksyntä: " if lang == "fi" else "Council approval: ")
        assert not notation(message)


def test_sarif_keeps_the_paths_of_every_entry(cli, tmp_path):
    path = tmp_path / "suunnitelma.yaml"
    path.write_text(PROGRAMME, encoding="utf-8")
    sarif = json.loads(cli("validate", path, "--format", "sarif").output)
    [result] = [r for run_ in sarif["runs"] for r in run_["results"] if r["ruleId"].endswith("/45.6")]
    assert not notation(result["message"]["text"].splitlines()[0])  # the message; basis and hint follow
    assert result["properties"]["documentPath"] == "goals"
    assert [r["message"]["text"] for r in result["relatedLocations"]] == ["goals[1].indicators[0]"]


# --- the summary line never claims full coverage next to structural errors -------------------

def _last_line(output: str, name: str) -> str:
    return [line for line in output.splitlines() if line.startswith(f"{name}: ")][-1]


def test_the_summary_line_with_a_schema_error_does_not_claim_full_coverage(cli, tmp_path):
    clean = tmp_path / "palvelut.yaml"
    shutil.copy(EXAMPLES / "esimerkkila-kotoutumisohjelma-2025.yaml", clean)
    before = _last_line(cli("validate", clean).output, str(clean))
    covered, total = map(int, re.search(r"kattavuus (\d+)/(\d+) kohtaa", before).groups())
    assert covered == total  # the example covers its checklist
    assert "ei voitu arvioida" not in before

    broken = tmp_path / "rikki.yaml"  # one misspelt key more: nothing a check reads changes
    broken.write_text(clean.read_text(encoding="utf-8").replace("valid_from:", "validd_from: 2025-01-01\nvalid_from:", 1),
                      encoding="utf-8")
    output = cli("validate", broken).output
    assert "schema.unknown-key" in output
    line = _last_line(output, str(broken))
    assert "kattavuus" not in line and f"{total}/{total}" not in line
    assert line.endswith("tarkistuslistaa ei voitu arvioida kokonaan rakennevirheiden vuoksi")
    english = _last_line(cli("validate", broken, "--lang", "en").output, str(broken))
    assert "coverage" not in english and english.endswith("the checklist could not be fully assessed because of "
                                                          "structural errors")


def test_a_wrong_type_never_shows_as_full_coverage(cli, tmp_path):
    """A mistyped target is a schema error; whatever the checks made of it, the line says so."""
    path = tmp_path / "suunnitelma.yaml"
    path.write_text(PROGRAMME.replace("target: {value: 100, year: 2028}", "target: 100"), encoding="utf-8")
    output = cli("validate", path).output
    assert "schema.type" in output
    assert _last_line(output, str(path)).endswith("tarkistuslistaa ei voitu arvioida kokonaan rakennevirheiden vuoksi")


# --- the Finnish of the checklists, catalogues, labels and messages ---------------------------

YAML_FILES = sorted((ROOT / "checklists").glob("*.yaml")) + sorted((ROOT / "catalogues").glob("*.yaml")) + \
    [ROOT / "templates" / "labels.yaml"]
NOT_OURS = ("quote", "pattern", "url", "check_id")  # the ministry's and the law's own words, and machinery


def _finnish(node, key: str = "", under_fi: bool = False):
    """Every Finnish string of a data file, with where it is: values under `fi`, and the texts
    written only in Finnish (notes, example sentences); never a source's quoted words."""
    if isinstance(node, dict):
        for k, v in node.items():
            if k in NOT_OURS or k in ("en", "sv"):
                continue
            yield from _finnish(v, f"{key}.{k}" if key else str(k), k == "fi")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _finnish(v, f"{key}[{i}]", under_fi)
    elif isinstance(node, str) and (under_fi or key.endswith(("note", "example"))):
        yield key, node


def _data_texts():
    for path in YAML_FILES:
        data = YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
        for key, text in _finnish(data):
            yield path.name, key, text


def _message_texts():
    for key, entry in i18n.MESSAGES.items():
        if not key.startswith(("yaml.", "schema.")) and "fi" in entry:  # those are another engineer's
            yield "i18n.py", key, entry["fi"]


def _all_finnish():
    return list(_data_texts()) + list(_message_texts())


def test_maahan_muuttaneet_is_two_words():
    bad = [(f, k, t) for f, k, t in _all_finnish() if re.search(r"maahanmuuttane", t, re.IGNORECASE)]
    assert not bad, bad
    assert any("maahan muuttane" in t.lower() for _, _, t in _data_texts())


# A verb of saying, telling or deciding, then (with no comma, conjunction or clause boundary in
# between, at most four words) a question word that starts an indirect question: "kertoo miten".
SAYING = r"kerto\w*|kerro\w*|sano\w*|kuvaa|kuvata|kuvataan|päättää|päätetään|tietää|selvit\w*|tarkista\w*|arvioi\w*"
QUESTION = r"onko|miten|mitä|kuka|ketkä|keitä|milloin|missä|mistä|mihin|miksi|mikä|mitkä|kenelle|keneltä|kuinka"
NO_COMMA = re.compile(rf"\b({SAYING})\b((?:\s+(?!ja\b|tai\b|sekä\b|eikä\b)[^\s,.;:()–]+){{0,4}}?)\s+({QUESTION})\b",
                      re.IGNORECASE)

# and a yes/no question right after the verb: "päättää tekeekö", "kertoo onko"
YES_NO = re.compile(rf"\b(?:{SAYING})\s+\w+(?:ko|kö)\b", re.IGNORECASE)


def test_the_comma_regex_itself():
    for bad in ("Ohjelma kertoo miten se päivitetään.", "Kerro kohdassa seuranta milloin ja miten.",
                "kerrotaan mitä on tehty", "Asiakirja sanoo kuka vastaa.", "Raportti kertoo kenelle se esitetään."):
        assert NO_COMMA.search(bad), bad
    for good in ("Ohjelma kertoo, miten se päivitetään.", "Kerro, milloin ja miten.", "kertoo tuottajan sekä taulukon",
                 "Asiakirja kertoo, missä ja miten.", "kuvaa palvelut ja miten ne järjestetään"):
        assert not NO_COMMA.search(good), good
    assert YES_NO.search("Kunta päättää tekeekö se suunnittelun yksin") and YES_NO.search("kertoo onko")
    assert not YES_NO.search("Kunta päättää, tekeekö se suunnittelun yksin")


def test_a_comma_before_every_indirect_question():
    bad = [(f, k, t) for f, k, t in _all_finnish() if NO_COMMA.search(t) or YES_NO.search(t)]
    assert not bad, bad


def test_no_transcribers_notes_and_no_mixed_languages_in_item_texts():
    notes = re.compile(r"tekstikopio|\[\?\]|\bTODO\b|\bFIXME\b|\bXXX\b|ei(vät)? (ollut|olleet) luettavissa|could not be read")
    for name, path in sorted(available().items()):
        for item in load_checklist(path).items:
            for field in ("title", "text", "hint", "formerly"):
                value = getattr(item, field, None)
                texts = value.as_dict() if value is not None else {}
                for lang, text in texts.items():
                    assert not notes.search(text), (name, item.id, field, lang, text)
                    assert " / " not in text, (name, item.id, field, lang, text)  # "kirjoitettu / written"
            for field in ("title", "text", "formerly"):  # hints may name the YAML keys a user types
                value = getattr(item, field, None)
                fi = value.as_dict().get("fi", "") if value is not None else ""
                assert not re.search(r"\b[a-z]+_[a-z_]+\b|\((source|custom_source|goals|measures)\)", fi), \
                    (name, item.id, field, fi)


def test_hints_name_yaml_keys_as_they_are_typed():
    """"Lisää kohtaan identification avain approval: body ja date", never `identification.approval`,
    `goals[].measures` or `services[service=guidance]`."""
    for name, path in sorted(available().items()):
        for item in load_checklist(path).items:
            for lang, hint in item.hint.as_dict().items():
                assert not notation(hint) and "[" not in hint, (name, item.id, lang, hint)


def test_explain_says_recorded_not_written():
    words = KINDS["present"].describe(CheckSpec.model_validate({"kind": "present", "paths": ["a"]}).params)
    assert words["fi"].startswith("kirjattu: ") and words["en"].startswith("recorded: ")
