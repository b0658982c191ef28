"""The words the verdicts are told in, pinned by hand: numbers of years, the length of a period,
the reasons for a validity date, what explain says of a bare check and how it spoils a passing
example. (Mutation testing showed these could change without a test noticing.)"""

from __future__ import annotations

import datetime as dt

from kotocheck import explain, validity
from kotocheck.checks import KINDS as REGISTRY, CheckSpec
from kotocheck.checks.base import common_parent
from kotocheck.checks.period import _years_shown
from kotocheck.findings import Status
from kotocheck.gaps import Counts

D = dt.date


def test_years_in_words():
    assert validity.years_text(1) == {"fi": "yksi vuosi", "en": "one year", "sv": "ett år"}
    assert validity.years_text(4) == {"fi": "neljä vuotta", "en": "four years", "sv": "fyra år"}
    assert validity.years_text(12) == {"fi": "12 vuotta", "en": "12 years", "sv": "12 år"}


def test_how_often_in_words():
    assert validity.every_text(1) == {"fi": "kerran vuodessa", "en": "every year", "sv": "varje år"}
    assert validity.every_text(2) == {"fi": "kerran kahdessa vuodessa", "en": "every two years", "sv": "vart annat år"}
    assert validity.every_text(4) == {"fi": "kerran neljässä vuodessa", "en": "every four years",
                                      "sv": "vart fjärde år"}
    assert validity.every_text(12) == {"fi": "kerran 12 vuodessa", "en": "every 12 years", "sv": "vart 12:e år"}


def test_a_length_in_years_uses_the_languages_decimal_sign():
    assert _years_shown(4.1, "fi") == "4,1" and _years_shown(4.1, "en") == "4.1"
    assert _years_shown(5.0, "fi") == "5" and _years_shown(5, "en") == "5"


def test_the_length_of_a_period():
    assert validity.span_years(2021, 2025) == 5  # calendar years count whole
    assert validity.span_years(D(2024, 1, 1), D(2027, 12, 31)) == 4.0
    assert validity.span_years(D(2024, 1, 1), D(2028, 1, 1)) == 4.1  # a day too long never shows as 4
    assert validity.span_years("2024-01", D(2028, 1, 1)) == 4.1  # a month starts on its first day
    assert validity.span_years("2024-01", "2027-12") == 4.0
    assert validity.span_years(D(2025, 6, 1), D(2025, 5, 31)) == 0  # ends before it starts


def test_the_reason_of_a_validity_date_in_every_language():
    four = validity.Validity(state="valid", valid_until=D(2027, 6, 14), basis=validity.FOUR_YEAR_RULE,
                             approved=D(2023, 6, 14), years=4)
    assert four.reason() == {"fi": "hyväksymisestä 14.6.2023 neljä vuotta",
                             "en": "four years after approval on 2023-06-14",
                             "sv": "fyra år efter godkännandet 14.6.2023"}
    end = validity.Validity(state="expired", valid_until=D(2025, 12, 31), basis=validity.PERIOD_BASIS)
    assert end.reason() == {"fi": "kauden loppu", "en": "end of the period", "sv": "periodens slut"}
    assert validity.Validity(state="unknown").reason() == {}


def test_every_check_kind_is_registered_from_its_module():
    assert set(REGISTRY) == {"present", "min_items", "covers", "each_has", "mentions", "reference", "one_of",
                             "file_exists", "programme_ref", "follows_all_goals", "max_span_years", "not_expired", "approved"}


def test_counts_add_no_legal_duty_unless_told():
    counts = Counts()
    counts.add(Status.MISSING)
    assert (counts.missing, counts.legal, counts.legal_unmet) == (1, 0, 0)


def test_the_common_parent_of_paths_of_different_depths():
    assert common_parent([("goals", 0, "measures", 1), ("goals", 0), ("goals", 0, "indicators")]) == ("goals", 0)
    assert common_parent([("a", 1), ("a", 2)]) == ("a",)
    assert common_parent([]) == ()


def _snippets(spec: dict, today=D(2026, 11, 23)):
    return explain.snippets(CheckSpec.model_validate(spec), today)


def test_explain_spoils_a_value_check_with_an_unknown_value():
    ok, bad = _snippets({"kind": "one_of", "values": "a.b", "allowed": ["x"], "vocabulary": "arranger"})
    assert ok == {"a": {"b": "x"}} and bad == {"a": {"b": "tuntematon"}}
    ok, bad = _snippets({"kind": "reference", "values": "a.source", "catalogue": "data_sources"})
    assert bad == {"a": {"source": "tuntematon"}} and ok["a"]["source"] != "tuntematon"


def test_explain_spoils_a_period_check_without_an_approval_rule_by_an_ended_period():
    ok, bad = _snippets({"kind": "not_expired", "end": "p.end"})
    assert ok["p"]["end"] >= 2026 and bad == {"p": {"end": 2025}}


def test_explain_says_how_many_mentions_are_needed():
    spec = CheckSpec.model_validate({"kind": "mentions", "values": "process.goal_setting", "pattern": "tavoit",
                                     "min": 2, "looks_for": {"fi": "tavoitteet", "en": "goals"}})
    words = REGISTRY["mentions"].describe(spec.params)
    assert "vähintään 2 kertaa: tavoitteet" in words["fi"] and "at least 2 times: goals" in words["en"]


def test_each_has_names_one_entry_in_the_singular_and_groups_entries_by_what_they_lack():
    spec = CheckSpec.model_validate({"kind": "each_has", "items": "goals[*]", "fields": ["indicators", "measures"]})
    from kotocheck.checks.base import Context as ctx
    data = {"goals": [{"id": "T1", "measures": ["m"]}, {"id": "T2"}, {"id": "T3", "indicators": ["i"]}]}
    [hit] = REGISTRY["each_has"].check(spec.params, ctx(data=data, today=D(2026, 11, 23)))
    assert hit.detail["fi"] == ("tavoite T1: puuttuu mittarit; tavoite T2: puuttuu mittarit, toimenpiteet; "
                                "tavoite T3: puuttuu toimenpiteet")
    assert hit.detail["en"].startswith("goal T1: no indicators; goal T2: no ")
