"""Validity of a programme, decided once (kotocheck.validity), and the "legal requirements unmet"
headline. The law's numbers are written here as numbers, from Act 1386/2010 §32 1 mom ("tarkistetaan
vähintään kerran neljässä vuodessa"): four years. Every expected date is worked out by hand."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from conftest import EXAMPLES, TODAY, check_data, read_yaml, write_yaml

from kotocheck import validity
from kotocheck.validity import Rule, decide

D = dt.date.fromisoformat
REFERENCE = D(TODAY)  # 23.11.2026
OLD_ACT_YEARS = 4  # Act 1386/2010 §32 1 mom: reviewed at least once every four years
OLD = "kotouttamisohjelma-1386-2010"
NEW = "kotoutuminen-681-2023"
FOUR = Rule(since="identification.approval.date", years=4)  # the old Act's rule, written by hand


def programme(end=None, start=None, approved=None) -> dict:
    ident: dict = {}
    if start is not None or end is not None:
        ident["period"] = {k: v for k, v in (("start", start), ("end", end)) if v is not None}
    if approved is not None:
        ident["approval"] = {"body": "kaupunginvaltuusto", "date": approved}
    return {"kind": "programme", "identification": ident}


# --- the law's numbers, stated as numbers -----------------------------------------------------------


def _item(checklist_id: str, item_id: str):
    from kotocheck.checklist import available, load_checklist

    checklist = load_checklist(available()[checklist_id])
    return checklist, checklist.item(item_id)


def test_the_old_act_asks_for_a_review_every_four_years():
    checklist, l324 = _item(OLD, "L32.4")
    assert l324.check.kind == "not_expired" and l324.check.params.years == 4
    assert l324.check.params.since == "identification.approval.date"
    assert l324.check.params.end == "identification.period.end"
    _, l322 = _item(OLD, "L32.2")
    assert l322.check.kind == "max_span_years" and l322.check.params.max_years == 4
    assert validity.rule_for(checklist).years == 4  # what the engine, report and summary apply
    lapsed = validity.of_programme(programme(end=2030, approved=D("2022-11-22")), OLD, REFERENCE)
    assert (lapsed.valid_until, lapsed.state) == (D("2026-11-22"), "expired")


def test_the_summary_takes_the_years_from_the_checklist_item_not_a_constant():
    checklist, l324 = _item(OLD, "L32.4")
    five = checklist.model_copy(deep=True)
    five.item("L32.4").check.params.years = 5
    assert validity.rule_for(five).years == 5
    v = decide(programme(end=2030, approved=D("2022-11-22")), validity.rule_for(five), REFERENCE)
    assert v.valid_until == D("2027-11-22") and v.state == "valid"


def test_the_new_act_sets_no_period_so_only_the_period_end_counts():
    from kotocheck.checklist import available, load_checklist

    rule = validity.rule_for(load_checklist(available()[NEW]))
    assert rule.years is None
    v = decide(programme(start=2025, end=2028, approved=D("2019-01-01")), rule, REFERENCE)
    assert (v.valid_until, v.basis, v.state) == (D("2028-12-31"), "period_end", "valid")


# --- boundary dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize("end,until", [
    (2025, "2025-12-31"),  # a year: 31 December
    ("2026-02", "2026-02-28"),  # a month: its last day
    ("2028-02", "2028-02-29"),  # in a leap year
    ("2026-04", "2026-04-30"),
    (D("2026-06-15"), "2026-06-15"),  # a date: itself
    ("2026-06-15", "2026-06-15"),  # a date written as text
    ("2026", "2026-12-31"),  # a year written as text
])
def test_the_period_end_as_year_month_or_date(end, until):
    v = decide(programme(end=end), FOUR, REFERENCE)
    assert v.valid_until == D(until) and v.basis == "period_end" and v.path == "identification.period.end"


def test_a_programme_is_valid_on_its_own_last_day_and_expired_the_day_after():
    doc = programme(end=D("2026-11-23"))
    assert decide(doc, FOUR, D("2026-11-23")).state == "valid"
    assert decide(doc, FOUR, D("2026-11-24")).state == "expired"
    year = programme(end=2026)
    assert decide(year, FOUR, D("2026-12-31")).state == "valid"
    assert decide(year, FOUR, D("2027-01-01")).state == "expired"


def test_four_years_after_approval_is_the_last_day():
    doc = programme(end=2030, approved=D("2022-11-23"))
    v = decide(doc, FOUR, D("2026-11-23"))
    assert (v.valid_until, v.basis, v.state) == (D("2026-11-23"), "four_year_rule", "valid")
    assert v.path == "identification.approval.date" and v.approved == D("2022-11-23") and v.years == 4
    assert decide(doc, FOUR, D("2026-11-24")).state == "expired"


def test_approval_on_29_february():
    doc = programme(end=2030, approved=D("2024-02-29"))
    v = decide(doc, FOUR, D("2028-02-29"))  # 2028 is a leap year: the same day
    assert v.valid_until == D("2028-02-29") and v.state == "valid"
    assert decide(doc, FOUR, D("2028-03-01")).state == "expired"
    one_year = Rule(since="identification.approval.date", years=1)  # into a common year: 28 February
    assert decide(doc, one_year, D("2025-02-28")).valid_until == D("2025-02-28")
    assert decide(doc, one_year, D("2025-03-01")).state == "expired"


def test_approval_earlier_than_the_period_end_decides():
    v = decide(programme(start=2023, end=2028, approved=D("2023-06-14")), FOUR, REFERENCE)
    assert (v.valid_until, v.basis, v.state) == (D("2027-06-14"), "four_year_rule", "valid")


def test_period_end_earlier_than_four_years_after_approval_decides():
    v = decide(programme(start=2023, end=2025, approved=D("2023-06-14")), FOUR, REFERENCE)
    assert (v.valid_until, v.basis, v.state) == (D("2025-12-31"), "period_end", "expired")


def test_on_a_tie_the_period_end_is_named():
    v = decide(programme(end=2025, approved=D("2021-12-31")), FOUR, REFERENCE)
    assert (v.valid_until, v.basis) == (D("2025-12-31"), "period_end")


def test_not_started_before_the_first_day_of_the_period():
    doc = programme(start=2027, end=2030, approved=D("2026-10-01"))
    assert decide(doc, FOUR, D("2026-12-31")).state == "not_started"
    assert decide(doc, FOUR, D("2027-01-01")).state == "valid"
    month = programme(start="2026-12", end=2029)
    assert decide(month, FOUR, D("2026-11-30")).state == "not_started"
    assert decide(month, FOUR, D("2026-12-01")).state == "valid"


def test_an_approval_lapsed_before_the_period_begins_is_expired_not_waiting():
    v = decide(programme(start=2027, end=2030, approved=D("2020-01-01")), FOUR, REFERENCE)
    assert (v.valid_until, v.state) == (D("2024-01-01"), "expired")


@pytest.mark.parametrize("doc", [
    {}, {"identification": None}, programme(), programme(start=2020), programme(end=""), programme(end="  "),
    programme(end=None, approved=None), {"identification": {"period": []}}, programme(end="ensi vuonna"),
])
def test_without_dates_validity_is_unknown(doc):
    v = decide(doc, FOUR, REFERENCE)
    assert v.state == "unknown" and v.valid_until is None and v.basis is None


def test_the_reason_says_which_date_and_why():
    approval = decide(programme(end=2030, approved=D("2023-06-14")), FOUR, REFERENCE)
    assert approval.reason()["fi"] == "hyväksymisestä 14.6.2023 neljä vuotta"
    assert approval.reason()["en"] == "four years after approval on 2023-06-14"
    assert decide(programme(end=2025), FOUR, REFERENCE).reason() == {
        "fi": "kauden loppu", "en": "end of the period", "sv": "periodens slut"}


# The case tables tests/cases/max_span_years.yaml and not_expired.yaml run in tests/test_check_cases.py.


# --- the messages of L32.2 and L32.4 -------------------------------------------------------------------


def _kemijarvi(**ident) -> dict:
    data = read_yaml(EXAMPLES / "kemijarvi-2023-2025.yaml")
    data["identification"].update(ident)
    return data


def _finding(result, rule):
    return next(f for f in result.findings if f.rule == rule)


def test_l32_4_names_the_period_end(tmp_path):
    result = check_data(tmp_path, _kemijarvi(period={"start": 2023, "end": 2025}))
    message = _finding(result, "L32.4").message
    assert message["fi"].endswith("voimassaolo päättyi 31.12.2025 (kauden loppu)")
    assert message["en"].endswith("lapsed on 2025-12-31 (end of the period)")


def test_l32_4_names_four_years_after_approval(tmp_path):
    approval = {"body": "kaupunginvaltuusto", "date": D("2022-06-14")}
    result = check_data(tmp_path, _kemijarvi(period={"start": 2023, "end": 2026}, approval=approval))
    finding = _finding(result, "L32.4")
    assert finding.message["fi"].endswith("voimassaolo päättyi 14.6.2026 (hyväksymisestä 14.6.2022 neljä vuotta)")
    assert finding.path == "identification.approval.date"


def test_l32_2_says_the_act_asks_for_a_review_not_a_shorter_period(tmp_path):
    result = check_data(tmp_path, _kemijarvi(period={"start": 2021, "end": 2025}))
    message = _finding(result, "L32.2").message
    assert "kausi 2021–2025 on 5 vuotta" in message["fi"]
    assert "vähintään kerran neljässä vuodessa" in message["fi"] and "tarkistus" in message["fi"]
    assert "at least every four years" in message["en"] and "recorded review" in message["en"]
    assert "sallitaan" not in message["fi"] and "allowed" not in message["en"]


# --- validate, report and summary agree ------------------------------------------------------------------


@pytest.mark.parametrize("approved,state,until", [
    ("2022-11-23", "valid", "2026-11-23"),  # four years ago today
    ("2022-11-22", "expired", "2026-11-22"),  # four years and a day
])
def test_validate_report_and_summary_agree(cli, tmp_path, approved, state, until):
    approval = {"body": "kaupunginvaltuusto", "date": D(approved)}
    path = write_yaml(tmp_path / "ohjelma.yaml", _kemijarvi(period={"start": 2023, "end": 2027}, approval=approval))
    validate = json.loads(cli("validate", path, "--format", "json").stdout)
    report = json.loads(cli("report", path, "--format", "json").stdout)
    (row,) = json.loads(cli("summary", path, "--format", "json").stdout)["programmes"]

    l324 = [f for f in validate["findings"] if f["rule"] == "L32.4"]
    assert bool(l324) == (state == "expired")
    assert next(i["status"] for i in report["items"] if i["id"] == "L32.4") == (
        "missing" if state == "expired" else "covered")
    assert (row["validity"], row["valid_until"], row["valid_until_basis"]) == (state, until, "four_year_rule")
    if l324:
        day = D(until)
        assert f"voimassaolo päättyi {day.day}.{day.month}.{day.year}" in l324[0]["message"]

    markdown = cli("report", path).stdout
    day = D(until)
    assert f"| Voimassa asti | {day.day}.{day.month}.{day.year} (hyväksymisestä" in markdown

    legal = [i for i in report["items"] if i["rests_on"] == "law" and i["severity"] != "info"
             and i["status"] in ("missing", "partial")]
    assert validate["files"][0]["legal_unmet"] == report["summary"]["legal_unmet"] == row["legal_unmet"] == len(legal)
    assert row["counts"] == report["summary"] and row["coverage_percent"] == report["summary"]["percent"]


# --- the headline: legal requirements unmet, apart from the recommendations ---------------------------------


def test_counts_count_only_what_the_law_requires():
    from kotocheck.findings import Severity, Status
    from kotocheck.gaps import Counts, legal_requirement

    counts = Counts()
    for status, rests_on, severity in [
            (Status.MISSING, "law", Severity.ERROR), (Status.PARTIAL, "law", Severity.WARNING),
            (Status.COVERED, "law", Severity.ERROR), (Status.NOT_APPLICABLE, "law", Severity.ERROR),
            (Status.MISSING, "law", Severity.INFO),  # advice drawn from the law (L32.2)
            (Status.MISSING, "checklist", Severity.WARNING), (Status.MISSING, "checklist+law", Severity.WARNING),
            (Status.MISSING, "guidance", Severity.WARNING), (Status.MISSING, "integrity", Severity.ERROR)]:
        counts.add(status, legal_requirement(rests_on, severity))
    assert (counts.legal, counts.legal_unmet) == (3, 2)
    assert (counts.covered, counts.partial, counts.missing, counts.applicable) == (1, 1, 6, 8)


def test_headline_in_validate_report_and_summary(cli, tmp_path):
    # No approval recorded (L32.1) and a period that ended in 2025 (L32.4): two duties of the Act unmet.
    path = write_yaml(tmp_path / "ohjelma.yaml", _kemijarvi())
    report = json.loads(cli("report", path, "--format", "json").stdout)
    unmet = {i["id"] for i in report["items"] if i["rests_on"] == "law" and i["status"] in ("missing", "partial")}
    assert {"L32.1", "L32.4"} <= unmet
    n = len(unmet)

    text = cli("validate", path).stdout.splitlines()[-1]
    assert f"{n} lakisääteistä vaatimusta täyttämättä" in text
    english = cli("validate", path, "--lang", "en").stdout.splitlines()[-1]
    assert f"{n} legal requirements unmet" in english

    markdown = cli("report", path).stdout
    first = markdown.split("\n\n")[1]  # right under the heading, before the coverage
    assert first.startswith(f"**{n} lakisääteistä vaatimusta täyttämättä**") and "L32.1" in first
    html = cli("report", path, "--format", "html").stdout
    assert html.index("lakisääteistä vaatimusta täyttämättä") < html.index("Kattavuus")

    summary = json.loads(cli("summary", path, "--format", "json").stdout)
    assert summary["programmes"][0]["legal_unmet"] == n and summary["totals"]["legal_unmet"] == n
    assert f"lakisääteisiä täyttämättä {n}" in cli("summary", path).stdout


def test_a_checklist_without_legal_items_has_no_headline(cli):
    followup = EXAMPLES / "rovaniemi-seuranta-2022-2025.yaml"
    assert "lakisääteis" not in cli("validate", followup).stdout
    assert "lakisääteis" not in cli("report", followup).stdout


def test_validate_and_report_json_carry_the_one_validity(cli):
    """Kemijärvi 2023–2025 with no approval date: valid until the period's last day, 31.12.2025."""
    path = EXAMPLES / "kemijarvi-2023-2025.yaml"
    validate = json.loads(cli("validate", path, "--format", "json").output)["files"][0]["validity"]
    report = json.loads(cli("report", path, "--format", "json").output)["validity"]
    assert validate == report == {"state": "expired", "valid_until": "2025-12-31", "basis": "period_end",
                                  "reason": "kauden loppu"}


# --- decisions over time (issue 9): the newest approval, update or review counts -------------------

DECISIONS = Rule(since="identification.approval.date", years=4, decisions="identification.approvals")


def _with_decisions(*decisions: dict, approved=None) -> dict:
    data = programme(start=2022, end=2027, approved=approved)
    data["identification"]["approvals"] = list(decisions)
    return data


def test_a_later_review_renews_the_four_years():
    # Approved 1.3.2022: four years end 1.3.2026, before 23.11.2026, so expired without the review.
    alone = decide(programme(start=2022, end=2027, approved=D("2022-03-01")), DECISIONS, REFERENCE)
    assert (alone.state, alone.valid_until) == ("expired", D("2026-03-01"))
    # Reviewed 30.9.2024: four years end 30.9.2028, after the period's end 31.12.2027: the period decides.
    renewed = decide(_with_decisions({"kind": "review", "body": "kaupunginvaltuusto", "date": D("2024-09-30")},
                                     approved=D("2022-03-01")), DECISIONS, REFERENCE)
    assert (renewed.state, renewed.valid_until, renewed.basis) == ("valid", D("2027-12-31"), validity.PERIOD_BASIS)


def test_a_proposal_renews_nothing_and_an_entry_without_kind_is_an_approval():
    proposal = decide(_with_decisions({"kind": "proposal", "body": "kaupunginhallitus", "date": D("2025-05-01")},
                                      approved=D("2022-03-01")), DECISIONS, REFERENCE)
    assert (proposal.state, proposal.valid_until) == ("expired", D("2026-03-01"))
    plain = decide(_with_decisions({"body": "kaupunginvaltuusto", "date": D("2023-02-01")}), DECISIONS, REFERENCE)
    # 1.2.2023 + 4 years = 1.2.2027, before the period's end: the approval decides, and says where it is.
    assert (plain.state, plain.valid_until, plain.basis) == ("valid", D("2027-02-01"), validity.FOUR_YEAR_RULE)
    assert plain.path == "identification.approvals[0].date"


def test_l32_4_points_at_the_newest_decision(tmp_path):
    data = read_yaml(EXAMPLES / "kemijarvi-2023-2025.yaml")
    data["identification"]["period"] = {"start": 2022, "end": 2027}
    data["identification"]["approvals"] = [
        {"kind": "proposal", "body": "kaupunginhallitus", "date": D("2022-05-02")},
        {"kind": "approval", "body": "kaupunginvaltuusto", "date": D("2022-06-13")},
    ]
    result = check_data(tmp_path, data)
    # 13.6.2022 + 4 years = 13.6.2026 < 23.11.2026: expired, at the approval's date (the second decision).
    finding = next(f for f in result.findings if f.rule == "L32.4")
    assert finding.path == "identification.approvals[1].date"
    assert "13.6.2026" in finding.message["fi"]
