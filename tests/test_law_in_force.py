"""The checklists of Act 681/2023 rest on the law as in force from 1.1.2025 (as amended by 322/2024
and 1100/2024). The law's numbers are written here as numbers, read from the Act by hand, never
from the checklist data: the six points of 13 § 1 mom, the sections 1100/2024 repealed, and what
each 45 § item may claim. Quotes are compared with the law text in ../shared when it is there."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT, check_data, read_yaml
from kotocheck.checklist import available, load_checklist
from kotocheck.findings import Severity

PLANNING = "kotoutuminen-681-2023"
SERVICES = "kotoutumisohjelma-681-2023"
ACT_681 = (PLANNING, SERVICES)
REFERENCE = ROOT.parent / "shared" / "reference"
SEEDS = ROOT.parent / "shared" / "seeds"
COMPLETE_2025 = EXAMPLES / "esimerkkila-2025-2028.yaml"
COMPLETE_SERVICES = EXAMPLES / "esimerkkila-kotoutumisohjelma-2025.yaml"


def checklist(name: str):
    return load_checklist(available()[name])


def law_sources(item):
    return [s for s in [item.source, *item.also] if s.document == "law"]


# --- 13 § 1 mom, as amended by 1100/2024: six points, in this order -------------------------------

# point -> the services (vocabulary `minimum_service`) the point requires, and words of the point
SECTION_13_POINTS = {
    1: ({"needs_assessment"}, "14 §:ssä tarkoitettu osaamisen ja kotoutumisen palvelutarpeen arviointi"),
    2: ({"integration_plan"}, "16 §:ssä tarkoitettu kotoutumissuunnitelman laadinta"),
    3: ({"civic_orientation"}, "25 §:ssä tarkoitettu monikielinen yhteiskuntaorientaatio"),
    4: ({"integration_training", "other_training"}, "26 §:ssä tarkoitettua ja muuta koulutusta ja palveluita"),
    5: ({"guidance"}, "ohjelman aikaista ohjausta ja neuvontaa"),
    6: ({"final_language_test"}, "26 §:ssä tarkoitettu kielitaidon päättötestaus"),
}


def test_section_13_has_six_points_and_item_13_n_is_point_n():
    ids = sorted(i.id for i in checklist(SERVICES).items if i.id.startswith("13."))
    assert ids == ["13.1", "13.2", "13.3", "13.4", "13.5", "13.6"]
    for point, (services, words) in SECTION_13_POINTS.items():
        item = checklist(SERVICES).item(f"13.{point}")
        assert (item.source.document, item.source.section, item.source.paragraph, item.source.point) == \
            ("law", "13 §", 1, point), item.id
        assert words in item.source.quote, item.id
        assert item.severity is Severity.ERROR and item.rests_on == "law", item.id
        read = {m.group(1) for e in item.check.expressions() for m in re.finditer(r"\[service=(\w+)\]", e)}
        assert read == services, item.id


@pytest.mark.parametrize("point", sorted(SECTION_13_POINTS))
def test_a_programme_without_a_points_services_has_that_points_error_only(point, tmp_path):
    services, _ = SECTION_13_POINTS[point]
    data = read_yaml(COMPLETE_SERVICES)
    removed = {s["id"] for s in data["services"] if s["service"] in services}
    data["services"] = [s for s in data["services"] if s["service"] not in services]
    for goal in data.get("goals", []):  # a goal naming a removed service would be a second error
        goal["services"] = [s for s in goal.get("services", []) if s not in removed]
    result = check_data(tmp_path, data)
    errors = {f.rule for f in result.findings if f.severity is Severity.ERROR}
    assert errors == {f"13.{point}"}


def test_the_missing_final_language_test_points_at_the_services_list(tmp_path):
    # The service S5 (final_language_test) is lines 92-101 of the example; `services:` is line 42.
    # No goal of the example names S5.
    lines = COMPLETE_SERVICES.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[91].strip() == "- id: S5" and lines[101].strip() == "- id: S6"
    path = tmp_path / "palvelut.yaml"
    path.write_text("".join(lines[:91] + lines[101:]), encoding="utf-8")
    from kotocheck.engine import Options, check_file
    import datetime as dt
    result = check_file(path, Options(today=dt.date(2026, 11, 23)))
    errors = [(f.rule, f.line, f.column) for f in result.findings if f.severity is Severity.ERROR]
    assert errors == [("13.6", 42, 1)]


def test_a_jobseekers_service_by_the_municipality_is_a_warning_under_section_3(tmp_path):
    # Line 121 of the example: the guidance service (S7), `arranged_by: {jobseekers: employment_authority, ...}`.
    lines = COMPLETE_SERVICES.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[120] == "    arranged_by: {jobseekers: employment_authority, others: municipality}\n"
    lines[120] = "    arranged_by: {jobseekers: municipality, others: municipality}\n"
    path = tmp_path / "palvelut.yaml"
    path.write_text("".join(lines), encoding="utf-8")
    from kotocheck.engine import Options, check_file
    import datetime as dt
    result = check_file(path, Options(today=dt.date(2026, 11, 23)))
    # the value `municipality` starts at column 31 ("    arranged_by: {jobseekers: " is 30 characters)
    assert [(f.rule, f.severity, f.line, f.column) for f in result.findings] == [("3.1", Severity.WARNING, 121, 31)]


# --- what 1100/2024 repealed is never cited as law ----------------------------------------------

REPEALED_SECTIONS = {"15 §", "17 §", "21 §", "48 §"}  # repealed whole by 1100/2024
REPEALED_PARAGRAPHS = {("13 §", 3)}  # 13 § 3 mom: the document describing the programme


@pytest.mark.parametrize("name", ACT_681)
def test_no_item_cites_a_repealed_section_as_law(name):
    for item in checklist(name).items:
        for src in law_sources(item):
            assert src.section not in REPEALED_SECTIONS, item.id
            assert (src.section, src.paragraph) not in REPEALED_PARAGRAPHS, item.id
            # 5 §, 8 § and 47 § have one momentti each; every other section cited has several
            assert src.paragraph is not None or src.section in ("5 §", "8 §", "47 §"), \
                f"{item.id}: {src.section} has more than one momentti; name it"


@pytest.mark.parametrize("name", sorted(available()))
def test_every_claim_of_law_names_its_section_and_quotes_it(name):
    for item in checklist(name).items:
        if item.rests_on == "law":
            assert item.source.document == "law" and item.source.section and item.source.quote, item.id
        for src in law_sources(item):
            assert src.section and src.quote, item.id


@pytest.mark.parametrize("name", ACT_681)
def test_an_error_rests_on_the_law_only(name):
    for item in checklist(name).items:
        if item.severity is Severity.ERROR:
            assert item.rests_on == "law", item.id


def test_the_planning_checklist_has_no_error_because_the_act_no_longer_requires_a_document():
    assert [i.id for i in checklist(PLANNING).items if i.severity is Severity.ERROR] == []


# --- 45 § as replaced by 1100/2024, item by item ------------------------------------------------

# id -> (severity, rests_on, (section, momentti) of the law source or None)
PLANNING_ITEMS = {
    "45.1": ("warning", "guidance", None),  # goals: was 45 § 2 mom, repealed
    "45.2": ("warning", "guidance", None),  # measures: same
    "45.3": ("warning", "guidance", None),  # responsible parties: same
    "45.4": ("warning", "guidance", None),  # cooperation recorded: same
    "45.5": ("warning", "guidance", None),  # monitoring "mittareineen": same
    "45.6": ("warning", "guidance", None),  # data sources of indicators
    "45.7": ("warning", "law", ("45 §", 1)),  # coordination with the wellbeing services county
    "45.8": ("warning", "law", ("45 §", 1)),  # good population relations
    "45.9": ("warning", "guidance", None),  # reference to the kotoutumisohjelma
    "45.10": ("info", "guidance", None),  # form of the document: checklist bullet withdrawn
    "45.11": ("warning", "law", ("45 §", 1)),  # multi-sectoral cooperation
    "45.12": ("warning", "law", ("45 §", 2)),  # national integration and employment goals
    "45.13": ("warning", "law", ("45 §", 3)),  # strategy, budget, welfare report, employment services plan
    "46.3": ("warning", "law", ("46 §", 3)),  # services suit immigrants; staff competence
    "47.1": ("info", "law", ("47 §", None)),  # identifying who needs coordinated services ("tarvittaessa")
    "10.1": ("warning", "law", ("10 §", 1)),  # guidance and counselling for every immigrant
}


@pytest.mark.parametrize("item_id", sorted(PLANNING_ITEMS))
def test_each_planning_item_claims_what_the_law_in_force_says(item_id):
    severity, rests_on, law = PLANNING_ITEMS[item_id]
    item = checklist(PLANNING).item(item_id)
    assert item is not None
    assert (item.severity.value, item.rests_on) == (severity, rests_on)
    if law is None:
        assert item.source.document != "law"
    else:
        assert (item.source.document, item.source.section, item.source.paragraph) == ("law", *law)


def test_the_items_whose_basis_was_repealed_say_so():
    for item_id in ("45.1", "45.2", "45.3", "45.4", "45.5", "45.10"):
        note = checklist(PLANNING).item(item_id).source.note or ""
        assert "kumottu 1100/2024" in note and "45 § 2 mom" in note, item_id
    assert "poistettu" in checklist(PLANNING).item("45.10").source.note


def test_the_planning_items_are_all_here():
    assert {i.id for i in checklist(PLANNING).items if i.step in (45, 46, 47, 10)} == set(PLANNING_ITEMS)


# id -> (severity, rests_on, (section, momentti) of the law source or None)
SERVICES_ITEMS = {
    "14.1": ("warning", "law", ("14 §", 1)),  # target groups of the assessment
    "2.2": ("warning", "law", ("14 §", 4)),  # the county takes part where services need coordinating
    "3.1": ("warning", "law", ("3 §", 1)),  # jobseekers: the employment authority (322/2024)
    "2.1": ("warning", "guidance", None),
    "2.3": ("warning", "guidance", None),  # providers: was 13 § 3 mom, repealed
    "2.4": ("warning", "guidance", None),  # cooperation: same
    "2.5": ("warning", "guidance", None),  # organiser for others: same
}


@pytest.mark.parametrize("item_id", sorted(SERVICES_ITEMS))
def test_each_services_item_claims_what_the_law_in_force_says(item_id):
    severity, rests_on, law = SERVICES_ITEMS[item_id]
    item = checklist(SERVICES).item(item_id)
    assert (item.severity.value, item.rests_on) == (severity, rests_on)
    if law is None:
        assert item.source.document != "law"
    else:
        assert (item.source.document, item.source.section, item.source.paragraph) == ("law", *law)


def test_the_jobseekers_item_also_cites_section_8():
    assert "8 §" in {s.section for s in law_sources(checklist(SERVICES).item("3.1"))}


def test_the_items_that_restate_the_repealed_document_duty_say_so():
    for item_id in ("2.3", "2.4", "2.5"):
        note = checklist(SERVICES).item(item_id).source.note or ""
        assert "13 § 3 mom" in note and "kumottu 1100/2024" in note, item_id


# --- behaviour on documents ---------------------------------------------------------------------

def test_a_plan_without_goals_has_warnings_not_errors(tmp_path):
    (tmp_path / COMPLETE_SERVICES.name).write_bytes(COMPLETE_SERVICES.read_bytes())
    data = read_yaml(COMPLETE_2025)
    data["goals"] = []
    result = check_data(tmp_path, data)
    rules = {f.rule: f.severity for f in result.findings}
    assert rules.get("45.1") is Severity.WARNING
    assert not [f for f in result.findings if f.severity is Severity.ERROR]


def test_a_custom_source_without_provider_and_table_is_not_a_known_source(tmp_path):
    # Lines 472-473 of the example give G3.I1's custom_source its provider and table. The finding
    # is one for the item, at the list it reads from: `goals:`, line 289 (above the removed lines).
    (tmp_path / COMPLETE_SERVICES.name).write_bytes(COMPLETE_SERVICES.read_bytes())
    lines = COMPLETE_2025.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[468].strip() == "custom_source:" and lines[471].strip().startswith("provider:")
    assert lines[472].strip().startswith("table:")
    path = tmp_path / "ohjelma.yaml"
    path.write_text("".join(lines[:471] + lines[473:]), encoding="utf-8")
    from kotocheck.engine import Options, check_file
    import datetime as dt
    result = check_file(path, Options(today=dt.date(2026, 11, 23)))
    assert lines[288] == "goals:\n"
    # (two shortfalls there: no provider; no table or address)
    assert {(f.rule, f.severity, f.line, f.column) for f in result.findings
            if f.severity is not Severity.INFO} == {("45.6", Severity.WARNING, 289, 1)}
    messages = " ".join(f.message["en"] for f in result.findings if f.rule == "45.6")
    assert "provider" in messages and "table" in messages


def test_a_custom_source_with_provider_and_address_is_known(tmp_path):
    (tmp_path / COMPLETE_SERVICES.name).write_bytes(COMPLETE_SERVICES.read_bytes())
    data = read_yaml(COMPLETE_2025)
    indicator = data["goals"][2]["indicators"][0]
    assert indicator["id"] == "G3.I1"
    indicator["custom_source"] = {"name": "Kysely", "provider": "Esimerkkilän kunta", "url": "https://example.org/kysely"}
    assert not [f for f in check_data(tmp_path, data).findings if f.rule == "45.6"]


def test_the_budget_link_shows_the_budget_of_45_3_mom(tmp_path):
    (tmp_path / COMPLETE_SERVICES.name).write_bytes(COMPLETE_SERVICES.read_bytes())
    data = read_yaml(COMPLETE_2025)
    assert "budget" not in {link["type"] for link in data["strategy_links"]}
    assert data["identification"]["budget_link"]
    assert "45.13" not in {f.rule for f in check_data(tmp_path, data).findings}
    del data["identification"]["budget_link"]
    [finding] = [f for f in check_data(tmp_path, data).findings if f.rule == "45.13"]
    assert finding.severity is Severity.WARNING


# --- the quotes are the sources' own words -------------------------------------------------------

def _words(text: str) -> str:
    return " ".join(text.split())


def _part(text: str, start: str, end: str | None) -> str:
    begin = text.index(start)
    return text[begin:text.index(end, begin)] if end else text[begin:]


@pytest.fixture(scope="module")
def law_text():
    path = REFERENCE / "law-681-2023-in-force.txt"
    if not path.is_file():
        pytest.skip("../shared/reference is not beside the clone")
    text = path.read_text(encoding="utf-8")
    return {"681": _words(_part(text, "PART A.", "PART B.")), "1386": _words(_part(text, "PART D.", None))}


@pytest.mark.parametrize("name", sorted(available()))
def test_every_law_quote_is_the_law_in_force_verbatim(name, law_text):
    # Part A: 681/2023 as in force (never part B, the superseded 2023 wording); part D: Act 1386/2010.
    text = law_text["1386"] if "1386" in name else law_text["681"]
    for item in checklist(name).items:
        for src in law_sources(item):
            if src.quote:
                assert _words(src.quote) in text, f"{item.id} {src.section}: {src.quote}"


# (checklist, source document) -> the stored copy of that source, and the part of it to search
GUIDANCE_COPIES = {
    (PLANNING, "checklist"): ("reference/checklist-2025.txt", "VERSION v2", "VERSION v1"),
    (PLANNING, "guidance"): ("reference/checklist-2025.txt", "CONTEXT PAGE 1", "CONTEXT PAGE 2"),
    (PLANNING, "guidance_work"): ("reference/checklist-2025.txt", "CONTEXT PAGE 2", "OLD CHECKLIST"),
    (PLANNING, "checklist_2010"): ("seeds/001-tarkistuslista-kotouttamisohjelma.txt", "", None),
    (SERVICES, "guidance"): ("reference/kotoutumisohjelma-2025.txt", "1. koto24-kotoutumisohjelma (FI)", "2. koto24"),
    (SERVICES, "ely"): ("seeds/002-ely-kotoutumisohjelma-2024.txt", "", None),
}


@pytest.mark.parametrize("name", ACT_681)
def test_every_guidance_quote_is_the_pages_own_words(name):
    if not REFERENCE.is_dir():
        pytest.skip("../shared/reference is not beside the clone")
    for item in checklist(name).items:
        for src in [item.source, *item.also]:
            if src.document == "law" or not src.quote:
                continue
            file, start, end = GUIDANCE_COPIES[(name, src.document)]
            text = _words(_part((ROOT.parent / "shared" / file).read_text(encoding="utf-8"), start, end))
            assert _words(src.quote) in text, f"{item.id} {src.document}: {src.quote}"


# --- a duty is shown where the document says it, in any field that can say it -------------------

def test_guidance_for_every_immigrant_shows_in_the_specific_services_too(tmp_path):
    (tmp_path / COMPLETE_SERVICES.name).write_bytes(COMPLETE_SERVICES.read_bytes())
    data = read_yaml(COMPLETE_2025)
    del data["sections"]["guidance_and_counselling"]
    # sections.specific_services[0]: "Kunnan kotoutumispalvelut ohjaa ja neuvoo kaikkia maahan muuttaneita."
    assert "ohjaa ja neuvoo" in data["sections"]["specific_services"][0]["description"]
    assert "10.1" not in {f.rule for f in check_data(tmp_path, data).findings}
    data["sections"]["specific_services"] = []
    for goal in data["goals"]:
        goal["measures"] = [m for m in goal["measures"] if "neuvon" not in m["title"].lower()]
    [finding] = [f for f in check_data(tmp_path, data).findings if f.rule == "10.1"]
    assert finding.severity is Severity.WARNING


def test_identifying_who_needs_coordinated_services_shows_in_the_county_coordination_too(tmp_path):
    (tmp_path / COMPLETE_SERVICES.name).write_bytes(COMPLETE_SERVICES.read_bytes())
    data = read_yaml(COMPLETE_2025)
    del data["sections"]["service_coordination"]
    assert "47.1" in {f.rule for f in check_data(tmp_path, data).findings}
    data["process"]["wellbeing_county_coordination"] += (
        " Yhteisessä palaverissa tunnistetaan asiakkaat, jotka tarvitsevat molempien palveluja.")
    assert "47.1" not in {f.rule for f in check_data(tmp_path, data).findings}


def test_the_countys_part_in_the_assessment_shows_in_the_assessment_itself_too(tmp_path):
    data = read_yaml(COMPLETE_SERVICES)
    del data["wellbeing_county"]
    assessment = next(s for s in data["services"] if s["service"] == "needs_assessment")
    assert "hyvinvointialueen sosiaalityö" in assessment["description"]
    assert "2.2" not in {f.rule for f in check_data(tmp_path, data).findings}
    assessment["description"] = "Arvioinnissa selvitetään koulutus, työhistoria ja kielitaito."
    [finding] = [f for f in check_data(tmp_path, data).findings if f.rule == "2.2"]
    assert finding.severity is Severity.WARNING


def test_the_checklists_examples_of_municipal_bodies_are_not_all_required(tmp_path):
    # Step 2, bullet 3: "tarpeen mukaan kunnan eri toimielimiä, kuten sivistys-, vapaa-aika-, ja
    # elinvoimapalvelut tai asumisesta vastaava taho": examples, as needed; one body will do.
    (tmp_path / COMPLETE_SERVICES.name).write_bytes(COMPLETE_SERVICES.read_bytes())
    data = read_yaml(COMPLETE_2025)
    members = data["process"]["working_group"]["members"]
    municipal = {"education", "early_childhood", "leisure", "vitality", "housing"}
    data["process"]["working_group"]["members"] = [m for m in members if m["sector"] not in municipal - {"leisure"}]
    assert "2.3" not in {f.rule for f in check_data(tmp_path, data).findings}
    data["process"]["working_group"]["members"] = [m for m in members if m["sector"] not in municipal]
    assert "2.3" in {f.rule for f in check_data(tmp_path, data).findings}


def test_a_waiver_of_a_renumbered_service_item_is_flagged(tmp_path):
    """13.4-13.6 now follow 13 § 1 mom's points; a not_applicable written for an id's old meaning
    (13.5 was 'other training') must not silently waive what the id means now (guidance)."""
    from kotocheck.engine import Options, check_file

    text = (EXAMPLES / "esimerkkila-kotoutumisohjelma-2025.yaml").read_text(encoding="utf-8")
    lines = text.count("\n")  # 201: the waiver's item value is on line 203, after "  - item: "
    path = tmp_path / "palvelut.yaml"
    path.write_text(text + 'not_applicable:\n  - item: "13.5"\n    reason: Muuta koulutusta ei ole.\n', encoding="utf-8")
    result = check_file(path, Options(today=dt.date(2026, 11, 23)))
    flagged = [f for f in result.findings if f.rule == "waiver.changed-item"]
    assert [(f.line, f.column, f.severity.value) for f in flagged] == [(lines + 2, 11, "warning")]
    assert "ohjaus ja neuvonta" in flagged[0].message["fi"].lower() and "muu koulutus" in flagged[0].message["fi"]
    # An id whose meaning did not change gives no such warning.
    path.write_text(text + 'not_applicable:\n  - item: "13.2"\n    reason: Ei koske.\n', encoding="utf-8")
    assert not [f for f in check_file(path, Options(today=dt.date(2026, 11, 23))).findings
                if f.rule == "waiver.changed-item"]


def test_every_old_checklist_quote_is_the_checklists_own_words():
    """The old-law items quote the ministry checklist as stored in seeds/001 (whitespace aside)."""
    seed = SEEDS / "001-tarkistuslista-kotouttamisohjelma.txt"
    if not seed.is_file():
        pytest.skip("../shared/seeds is not beside the clone")
    text = _words(seed.read_text(encoding="utf-8"))
    for item in checklist("kotouttamisohjelma-1386-2010").items:
        for src in [item.source, *item.also]:
            if src.document == "checklist":
                assert src.quote and _words(src.quote) in text, f"{item.id}: {src.quote}"
