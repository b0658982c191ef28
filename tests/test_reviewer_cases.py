"""The old-law checklist read as a reviewer reads it (issue 8, sections 1 and 2): each case is a
small hand-written programme with the verdict a careful reviewer would sign, written by hand
(status, line:column, severity), never copied from the tool's output.

Every document starts with HEAD (lines 1-9); a case's own lines start at line 10.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from conftest import EXAMPLES, HEAD, TODAY
from kotocheck.checklist import available, load_checklist
from kotocheck.engine import Options, check_file

OLD_LAW = "kotouttamisohjelma-1386-2010"


def doc(body: str = "") -> str:
    """HEAD (lines 1-9) followed by the case's own lines from line 10 on."""
    return HEAD + textwrap.dedent(body).lstrip("\n")


def check(tmp_path: Path, text: str):
    path = tmp_path / "ohjelma.yaml"
    path.write_text(text, encoding="utf-8")
    result = check_file(path, Options(today=dt.date.fromisoformat(TODAY)))
    assert not [f for f in result.findings if f.rule.startswith(("schema", "yaml", "doc."))], result.findings
    return result


def verdict(result, item: str) -> tuple[str, list[tuple[int, int, str]]]:
    """The item's status and its findings as (line, column, severity)."""
    found = [(f.line, f.column, f.severity.value) for f in result.findings if f.rule == item]
    return result.statuses[item].value, found


def item(item_id: str):
    return load_checklist(available()[OLD_LAW]).item(item_id)


# --- L32.2: the Act asks for a review at least every four years; it does not cap the period ----

def test_a_five_year_programme_is_no_legal_error_but_a_reminder_to_review(tmp_path):
    text = doc().replace("start: 2023", "start: 2021")  # 2021-2025: five calendar years
    result = check(tmp_path, text)
    assert verdict(result, "L32.2") == ("missing", [(9, 10, "info")])  # advice, at the end year's value
    assert not [f for f in result.findings if f.severity.value == "error" and f.rule == "L32.2"]
    # Nor is it counted among the legal requirements unmet: the Act sets no maximum period.
    from kotocheck import gaps

    assert "L32.2" not in [i.id for i in gaps.build(result).legal_unmet]


def test_a_four_year_programme_needs_no_reminder(tmp_path):
    result = check(tmp_path, doc().replace("start: 2023", "start: 2022"))  # 2022-2025: four years
    assert verdict(result, "L32.2") == ("covered", [])


def test_the_act_says_review_every_four_years_and_the_items_cite_its_momentti():
    l32_2 = item("L32.2")
    assert l32_2.severity.value == "info" and l32_2.rests_on == "law"
    assert l32_2.check.params.max_years == 4  # "vähintään kerran neljässä vuodessa"
    assert (l32_2.source.section, l32_2.source.paragraph) == ("32 §", 1)
    assert l32_2.source.quote == "jota tarkistetaan vähintään kerran neljässä vuodessa"
    l32_1 = item("L32.1")
    assert l32_1.severity.value == "error"
    assert (l32_1.source.section, l32_1.source.paragraph) == ("32 §", 1)
    assert "hyväksytään kunkin kunnan kunnanvaltuustossa" in l32_1.source.quote
    l32_3 = item("L32.3")
    assert (l32_3.source.section, l32_3.source.paragraph) == ("32 §", 1)
    assert "talousarviota ja -suunnitelmaa laadittaessa" in l32_3.source.quote
    # 44 § 5 mom (the fifth paragraph) makes compensation conditional on the 32 § programme.
    l32_4 = item("L32.4")
    assert (l32_4.source.section, l32_4.source.paragraph) == ("44 §", 5)
    assert "32 §:ssä tarkoitetun kunnan kotouttamisohjelman" in l32_4.source.quote
    assert l32_4.check.params.years == 4
    assert [(a.section, a.paragraph) for a in l32_4.also] == [("32 §", 1)]


# --- 6.1: the programme has goals that state a measurable change ------------------------------

def test_a_goal_whose_title_states_the_change_counts_without_a_change_field(tmp_path):
    result = check(tmp_path, doc("""
        goals:
          - id: T1
            title: Vieraskielisten työllisyysaste nousee 5 prosenttiyksikköä
          - id: T2
            title: Kotoutumispalvelujen kehittäminen
    """))
    assert verdict(result, "6.1") == ("covered", [])


def test_a_goal_whose_description_states_the_change_counts(tmp_path):
    result = check(tmp_path, doc("""
        goals:
          - id: T1
            title: Työllisyys
            description: Pitkäaikaistyöttömien vieraskielisten määrä puolittuu kauden aikana.
    """))
    assert verdict(result, "6.1") == ("covered", [])


def test_a_change_field_that_states_no_change_and_themes_as_titles_do_not_count(tmp_path):
    result = check(tmp_path, doc("""
        goals:
          - id: T1
            title: Maahanmuuttajien työllistyminen
            change: Parempi kotoutuminen
          - id: T2
            title: Osallisuuden vahvistaminen
          - id: T3
            title: Alle 3-vuotiaiden lasten varhaiskasvatus vuoteen 2025
    """))
    assert verdict(result, "6.1") == ("missing", [(10, 1, "warning")])  # one finding, at goals:


def test_no_goals_is_no_goal_of_change(tmp_path):
    result = check(tmp_path, doc("goals: []\n"))
    assert verdict(result, "6.1") == ("missing", [(10, 1, "warning")])


# --- 4.1 and 4.2: the checklist's examples are never required one by one ----------------------

def test_goals_without_themes_are_goals(tmp_path):
    result = check(tmp_path, doc("""
        goals:
          - id: T1
            title: Työllisyys
    """))
    assert verdict(result, "4.1") == ("covered", [])


def test_no_goals_is_missing_goals(tmp_path):
    result = check(tmp_path, doc("goals: []\n"))
    assert verdict(result, "4.1") == ("missing", [(10, 1, "warning")])


def test_the_strategy_and_one_other_plan_meet_4_2_without_the_equality_plan(tmp_path):
    result = check(tmp_path, doc("""
        strategy_links:
          - type: municipal_strategy
            name: Testilän kuntastrategia 2030
          - type: welfare_plan
            name: Testilän hyvinvointisuunnitelma 2023-2025
    """))
    assert verdict(result, "4.2") == ("covered", [])


def test_the_examples_do_not_replace_the_municipal_strategy(tmp_path):
    result = check(tmp_path, doc("""
        strategy_links:
          - type: equality_plan
            name: Yhdenvertaisuussuunnitelma
          - type: welfare_plan
            name: Hyvinvointisuunnitelma
    """))
    assert verdict(result, "4.2") == ("partial", [(10, 1, "warning")])


def test_a_regional_strategy_is_not_one_of_the_municipalitys_other_plans(tmp_path):
    # As in Kemijärvi: the municipal strategy and the regional immigration strategy (5.1's).
    result = check(tmp_path, doc("""
        strategy_links:
          - type: municipal_strategy
            name: Testilän kuntastrategia 2030
          - type: regional_immigration_strategy
            name: Lapin maahanmuuttostrategia 2030+
    """))
    assert verdict(result, "4.2") == ("partial", [(10, 1, "warning")])


# --- 2.2 and 3.2: "tarpeen mukaan ... kuten", "esimerkiksi" ------------------------------------

def test_one_municipal_sector_in_the_group_meets_the_as_needed_list(tmp_path):
    result = check(tmp_path, doc("""
        process:
          working_group:
            members:
              - organisation: Testilän sivistyspalvelut
                sector: education
    """))
    assert verdict(result, "2.2") == ("covered", [])


def test_the_coordinating_unit_and_state_authorities_are_no_municipal_sector(tmp_path):
    result = check(tmp_path, doc("""
        process:
          working_group:
            members:
              - organisation: Testilän kotoutumispalvelut
                sector: integration_services
              - organisation: Kela
                sector: kela
    """))
    assert verdict(result, "2.2") == ("missing", [(12, 5, "warning")])  # at members:


def test_one_guiding_question_answered_covers_the_optional_questions(tmp_path):
    result = check(tmp_path, doc("""
        situation:
          findings:
            - topic: needs
              text: Kielikoulutusta tarvitaan lisää.
    """))
    assert verdict(result, "3.2") == ("covered", [])


# --- 2.5: immigrants take part wherever the document shows them --------------------------------

@pytest.mark.parametrize("body", [
    """
    process:
      working_group:
        members:
          - organisation: Testilän maahanmuuttajayhdistys ry
            sector: immigrant_association
    """,
    """
    cooperation:
      - partner: Maahan muuttaneiden kuntalaisten foorumi
        sector: immigrant_residents
    """,
    """
    monitoring:
      responsible: Kotoutumisen yhteistyöryhmä
      reports_to: [Maahanmuuttajaneuvosto, kaupunginhallitus]
    """,
], ids=["group-member", "cooperation-partner", "monitoring-body"])
def test_immigrants_in_the_group_among_partners_or_in_monitoring_take_part(tmp_path, body):
    assert verdict(check(tmp_path, doc(body)), "2.5") == ("covered", [])


def test_services_for_immigrants_are_not_immigrants_taking_part(tmp_path):
    result = check(tmp_path, doc("""
        process:
          coordinator:
            authority: Hyvinvointipalvelut
          immigrant_participation: []
        cooperation:
          - partner: SPR
            sector: ngo
        monitoring:
          responsible: Maahanmuuttajapalvelujen päällikkö
    """))
    assert verdict(result, "2.5") == ("missing", [(13, 3, "warning")])  # at the empty list


# --- 5.7: children and those outside the labour force, in a section or in goals and measures ---

def test_measures_aimed_at_children_and_at_parents_at_home_meet_5_7(tmp_path):
    result = check(tmp_path, doc("""
        goals:
          - id: T1
            title: Yhdenvertaiset mahdollisuudet
            measures:
              - id: T1.1
                title: Läksykerho
                target_groups: [children_and_youth]
              - id: T1.2
                title: Kielikurssi
                target_groups: [outside_labour_force]
    """))
    assert verdict(result, "5.7") == ("covered", [])


def test_a_section_for_children_and_a_measure_for_those_outside_the_labour_force_meet_5_7(tmp_path):
    result = check(tmp_path, doc("""
        goals:
          - id: T1
            title: Osallisuus
            measures:
              - id: T1.1
                title: Kielikurssi kotona lapsiaan hoitaville vanhemmille
        sections:
          children_and_youth: Varhaiskasvatuksessa ja koulussa tuetaan kielen oppimista.
    """))
    assert verdict(result, "5.7") == ("covered", [])


def test_adult_education_for_jobseekers_is_not_a_plan_for_children_or_those_outside(tmp_path):
    result = check(tmp_path, doc("""
        goals:
          - id: T1
            title: Työllisyys
            measures:
              - id: T1.1
                title: Aikuisten perusopetus
                target_groups: [jobseekers]
        sections:
          population_relations: Kuvaus.
    """))
    # Neither group has a section or a goal: one finding at sections: naming both groups.
    assert verdict(result, "5.7") == ("missing", [(17, 1, "warning")])


def test_children_without_anything_for_those_outside_the_labour_force_is_partly_met(tmp_path):
    result = check(tmp_path, doc("""
        sections:
          children_and_youth: Varhaiskasvatuksessa ja koulussa tuetaan kielen oppimista.
    """))
    assert verdict(result, "5.7") == ("partial", [(10, 1, "warning")])


# --- 3.3: sources on the figures or on the findings ("voi käyttää muun muassa": info) ---------

def test_a_source_named_on_a_finding_shows_where_the_picture_comes_from(tmp_path):
    result = check(tmp_path, doc("""
        situation:
          figures:
            - topic: population
              label: Vieraskieliset
              value: 120
          findings:
            - topic: needs
              text: Kielikoulutusta tarvitaan lisää.
              source: Kuntalaiskysely 2023 ja DVV:n väestötiedot 2023
    """))
    assert verdict(result, "3.3") == ("covered", [])


def test_sourced_findings_without_figures_name_their_sources(tmp_path):
    result = check(tmp_path, doc("""
        situation:
          findings:
            - topic: needs
              text: Kielikoulutusta tarvitaan lisää.
              source: Kuntalaiskysely 2023
    """))
    assert verdict(result, "3.3") == ("covered", [])


def test_no_source_anywhere_is_one_finding_for_all_the_figures(tmp_path):
    result = check(tmp_path, doc("""
        situation:
          figures:
            - topic: population
              label: Vieraskieliset
              value: 120
              year: 2023
            - topic: population
              label: Ulkomaan kansalaiset
              value: 96
          findings:
            - topic: needs
              text: Kielikoulutusta tarvitaan lisää.
              source: "   "
    """))
    assert verdict(result, "3.3") == ("missing", [(11, 3, "info")])  # at figures:, naming both


def test_some_figures_with_source_and_year_is_partly_met(tmp_path):
    result = check(tmp_path, doc("""
        situation:
          figures:
            - topic: population
              label: Vieraskieliset
              value: 120
              year: 2023
              source: Tilastokeskus
            - topic: population
              label: Ulkomaan kansalaiset
              value: 96
    """))
    assert verdict(result, "3.3") == ("partial", [(11, 3, "info")])


# --- 4.3: goals prepared together, wherever the process says so ("voidaan": info) -------------

def test_a_working_group_schedule_with_the_goals_shows_them_set_together(tmp_path):
    result = check(tmp_path, doc("""
        process:
          working_group:
            schedule: Syksyllä 2024 tilannekuva, talvella 2025 tavoitteet ja toimenpiteet.
    """))
    assert verdict(result, "4.3") == ("covered", [])


def test_a_hearing_on_the_goals_shows_them_set_together(tmp_path):
    result = check(tmp_path, doc("""
        process:
          immigrant_participation:
            - description: Kuulemisillassa keskusteltiin ohjelman tavoitteista tulkkien avulla.
    """))
    assert verdict(result, "4.3") == ("covered", [])


def test_reaching_people_is_not_setting_goals(tmp_path):
    # "tavoitettiin" is the verb "to reach", not "tavoite" (goal).
    result = check(tmp_path, doc("""
        process:
          immigrant_participation:
            - description: Kyselyllä tavoitettiin 146 maahan muuttanutta kuntalaista.
    """))
    assert verdict(result, "4.3") == ("missing", [(10, 1, "info")])


# --- 5.3: every measure has a responsible party; no measures is not every measure -------------

RESPONSIBILITIES = """\
sections:
  responsibilities: Kotoutumiskoordinaattori vastaa ohjelman yhteensovittamisesta.
"""


def test_goals_without_measures_do_not_pass_every_measure_has_a_responsible_party(tmp_path):
    result = check(tmp_path, doc("""
        goals:
          - id: T1
            title: Työllisyys
    """) + RESPONSIBILITIES)
    assert verdict(result, "5.3") == ("partial", [(10, 1, "warning")])


def test_writing_down_the_real_measures_raises_the_verdict(tmp_path):
    result = check(tmp_path, doc("""
        goals:
          - id: T1
            title: Työllisyys
            measures:
              - id: T1.1
                title: Työnhakuvalmennus
                responsible: Työllisyyspalvelut
    """) + RESPONSIBILITIES)
    assert verdict(result, "5.3") == ("covered", [])


def test_a_measure_without_a_responsible_party_is_one_finding_at_the_goals(tmp_path):
    result = check(tmp_path, doc("""
        goals:
          - id: T1
            title: Työllisyys
            measures:
              - id: T1.1
                title: Työnhakuvalmennus
                responsible: Työllisyyspalvelut
              - id: T1.2
                title: Yrittäjyysneuvonta
    """) + RESPONSIBILITIES)
    assert verdict(result, "5.3") == ("partial", [(10, 1, "warning")])


def test_no_every_item_of_the_old_law_checklist_passes_on_an_empty_list():
    def each_has(spec):
        if spec.all or spec.any:
            return [s for sub in (spec.all or spec.any) for s in each_has(sub)]
        return [spec] if spec.kind == "each_has" else []

    optional = {(i.id, s.params.items) for i in load_checklist(available()[OLD_LAW]).items
                for s in each_has(i.check) if not s.params.require_items}
    # Only parts that sit beside a required one: 6.2's "every indicator has a timeframe" beside
    # "every goal has indicators", 6.3's "an own source names its provider and table" beside
    # "every indicator has a source"; 5.3's "every measure of the other kind has a responsible
    # party" beside "at least one measure, under goals (or programme-wide), and each has one": a
    # programme may have measures of one kind only.
    assert optional == {("6.2", "goals[*].indicators[*]"), ("6.3", "goals[*].indicators[*].custom_source"),
                        ("5.3", "measures[*]"), ("5.3", "goals[*].measures[*]")}


# --- 6.3: a known source is in the catalogue, or names who produces it and where ----------------

INDICATOR = """
    goals:
      - id: T1
        title: Työllisyys
        indicators:
          - id: T1.M1
            name: Syrjintää kokeneiden osuus
            custom_source:
              name: Oma kysely
"""


def test_an_own_source_with_a_name_only_is_not_yet_known(tmp_path):
    result = check(tmp_path, doc(INDICATOR))
    # Two shortfalls of the one indicator, both at goals: no provider; neither table nor address.
    assert verdict(result, "6.3") == ("partial", [(10, 1, "warning")])  # one finding: both shortfalls in it


def test_an_own_source_naming_its_provider_and_table_is_known(tmp_path):
    text = doc(INDICATOR) + "          provider: Testilän kotoutumispalvelut\n          table: Kyselyn vastausaineisto 2024\n"
    assert verdict(check(tmp_path, text), "6.3") == ("covered", [])


# --- sources: step and bullet as counted on the ministry's page, the checklist's own words ----

# Counted by hand on the page: step 6 has two bullets (the data sources after them are a list of
# examples), then a paragraph and two questions; step 7 is a single paragraph.
BULLETS = {
    "1.1": (1, 1), "1.2": (1, 2), "1.3": (1, 3), "1.4": (1, 4),
    "2.1": (2, 1), "2.2": (2, 2), "2.3": (2, 3), "2.4": (2, 4), "2.5": (2, 5),
    "3.1": (3, 1), "3.2": (3, 2), "3.3": (3, 3),
    "4.1": (4, 1), "4.2": (4, 2), "4.3": (4, 3), "4.4": (4, 4),
    **{f"5.{n}": (5, n) for n in range(1, 11)},
    "6.1": (6, 1), "6.2": (6, 2), "6.3": (6, None), "6.4": (6, None), "6.5": (6, None),
    "7.1": (7, None),
}


def test_every_checklist_item_cites_its_step_bullet_and_words():
    checklist = load_checklist(available()[OLD_LAW])
    cited = {i.id: (i.source.step, i.source.bullet) for i in checklist.items if i.source.document == "checklist"}
    assert cited == BULLETS
    for entry in checklist.items:
        for src in [entry.source, *entry.also]:
            assert src.quote and src.quote.strip(), entry.id
            if src.document == "law":
                assert src.section and src.paragraph, entry.id


def test_the_checklists_own_words_are_quoted_for_the_items_a_reviewer_asks_about():
    assert "muun muassa yhdenvertaisuus- ja hyvinvointisuunnitelmiin" in item("4.2").source.quote
    assert "tarpeen mukaan" in item("2.2").source.quote
    assert item("6.1").source.quote.startswith("Ohjelmaan tulisi sisältyä konkreettisia muutosta kuvaavia tavoitteita")
    assert item("3.3").source.quote == "Tiedonlähteinä voi käyttää muun muassa"


# 33 § 1 mom lists what the programme may contain, point by point; 33 § 2 mom adds the forms of
# cooperation with civil society; 32 § 2 mom obliges the authorities to take part.
LAW_ALSO = {
    "2.3": [("32 §", 2, None)],
    "5.1": [("33 §", 1, 1)], "5.3": [("33 §", 1, 3)], "5.4": [("33 §", 2, None)],
    "5.5": [("33 §", 1, 2), ("30 §", 3, None)], "5.6": [("33 §", 1, 2)], "5.7": [("33 §", 1, 4), ("33 §", 1, 5)],
    "5.8": [("33 §", 1, 6)], "5.9": [("33 §", 1, 7)], "5.10": [("33 §", 1, 8)],
}


def test_law_sections_cited_beside_the_checklist_name_their_momentti_and_point():
    checklist = load_checklist(available()[OLD_LAW])
    for item_id, expected in LAW_ALSO.items():
        cited = [(a.section, a.paragraph, a.point) for a in checklist.item(item_id).also if a.document == "law"]
        assert cited == expected, item_id
    assert "kunnan ja kansalaisyhteiskunnan väliset yhteistyömuodot" in checklist.item("5.4").also[0].quote
    assert "on kunnan aloitteesta osallistuttava" in checklist.item("2.3").also[0].quote


def test_what_the_checklist_only_says_may_about_is_info_and_the_rest_is_no_error():
    checklist = load_checklist(available()[OLD_LAW])
    severities = {i.id: i.severity.value for i in checklist.items}
    # "voi käyttää" (1.4, 3.2, 3.3) and "voidaan määritellä" (4.3)
    # and L32.2, advice drawn from the Act, which sets no maximum period
    assert {i for i, s in severities.items() if s == "info"} == {"1.4", "3.2", "3.3", "4.3", "L32.2"}
    # Only council approval is an error: the Act requires it of the document.
    assert {i for i, s in severities.items() if s == "error"} == {"L32.1"}


# --- the real Kemijärvi programme, read by hand -------------------------------------------------

@pytest.fixture(scope="module")
def kemijarvi():
    return check_file(EXAMPLES / "kemijarvi-2023-2025.yaml", Options(today=dt.date.fromisoformat(TODAY)))


@pytest.mark.parametrize("item_id,expected", [
    # identification.period 2023-2025 (lines 21-23): three years.
    ("L32.2", ("covered", [])),
    # process: (line 34) has only planning_mode: no group, no hearings, no goal setting.
    ("2.2", ("missing", [(34, 1, "warning")])),
    # No immigrant sector among its 13 cooperation partners, and monitoring names no body.
    ("2.5", ("missing", [(34, 1, "warning")])),
    ("4.3", ("missing", [(34, 1, "info")])),
    # Topics population, demographics, reception, reasons, needs and guidance answer questions.
    ("3.2", ("covered", [])),
    # No figure (figures: at 40:3) and no finding names a source: one finding for all of them.
    ("3.3", ("missing", [(40, 3, "info")])),
    # Three goals with themes; none states a measurable change (goals: at 174:1).
    ("4.1", ("covered", [])),
    ("6.1", ("missing", [(174, 1, "warning")])),
    # The municipal strategy is linked (strategy_links: at 145:1); no plan of the municipality is.
    ("4.2", ("partial", [(145, 1, "warning")])),
    # sections.responsibilities is there, but the programme has no measures.
    ("5.3", ("partial", [(174, 1, "warning")])),
    # Sections children_and_youth and outside_workforce (lines 311 and 321).
    ("5.7", ("covered", [])),
])
def test_kemijarvi_verdicts_of_the_items_read_anew(kemijarvi, item_id, expected):
    assert verdict(kemijarvi, item_id) == expected
