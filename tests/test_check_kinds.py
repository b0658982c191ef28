"""Every check kind: a passing case, a failing case and, where it has one, a partial case."""

from __future__ import annotations

import datetime as dt

import pytest

from kotocheck.checks import CheckSpec, Context, run
from kotocheck.checklist import groups, label


def ctx(data, **kw):
    base = dict(data=data, today=dt.date(2026, 11, 23), catalogues={"data_sources": {"dvv", "surveys"}},
                labels=label, groups=groups())
    base.update(kw)
    return Context(**base)


def check(spec: dict, data, **kw):
    return run(CheckSpec.model_validate(spec), ctx(data, **kw))


def test_present_passes_fails_and_is_partial():
    spec = {"kind": "present", "paths": ["a.b", "a.c"]}
    assert check(spec, {"a": {"b": "x", "c": "y"}}) == []
    missing = check(spec, {"a": {}})
    assert len(missing) == 1 and not missing[0].partial and missing[0].path == ("a",)
    partial = check(spec, {"a": {"b": "x", "c": "  "}})
    assert partial[0].partial and partial[0].detail["en"] == "partly: missing c (a)"


def test_present_any_mode():
    spec = {"kind": "present", "mode": "any", "paths": ["x", "y"]}
    assert check(spec, {"y": [1]}) == []
    assert check(spec, {"x": [], "y": ""})[0].path == ("x",)


def test_min_items():
    spec = {"kind": "min_items", "path": "goals", "min": 2}
    assert check(spec, {"goals": [1, 2]}) == []
    one = check(spec, {"goals": [1]})
    assert one[0].partial and "2" in one[0].detail["en"]
    none = check(spec, {})
    assert not none[0].partial and none[0].path == ()


def test_covers_with_groups_and_several_value_paths():
    spec = {"kind": "covers", "values": ["m[*].sector", "n[*].sector"], "vocabulary": "sector",
            "all_of": ["wellbeing_county", "state_authorities"]}
    assert check(spec, {"m": [{"sector": "wellbeing_county"}], "n": [{"sector": "kela"}]}) == []
    partial = check(spec, {"m": [{"sector": "wellbeing_county"}]})
    assert partial[0].partial and "state authorities" in partial[0].detail["en"]
    assert "valtion viranomaiset" in partial[0].detail["fi"]
    assert not check(spec, {"m": []})[0].partial


def test_covers_with_a_filter_selector():
    spec = {"kind": "covers", "values": "s[service=guidance].by", "vocabulary": "arranger",
            "all_of": ["municipality", "employment_authority"]}
    data = {"s": [{"service": "guidance", "by": ["municipality"]}, {"service": "other", "by": ["employment_authority"]}]}
    hits = check(spec, data)
    assert hits[0].partial and "employment authority" in hits[0].detail["en"]


def test_each_has_all_any_and_empty_lists():
    spec = {"kind": "each_has", "items": "goals[*]", "fields": ["measures"]}
    assert check(spec, {"goals": [{"id": "G1", "measures": [1]}]}) == []
    hits = check(spec, {"goals": [{"id": "G1", "measures": [1]}, {"id": "G2"}]})
    assert [h.path for h in hits] == [("goals",)] and hits[0].related == [("goals", 1)]
    assert hits[0].partial and "G2" in hits[0].detail["en"]
    assert not check(spec, {"goals": [{"id": "G1"}]})[0].partial
    assert check(spec, {"goals": []})[0].detail["en"].startswith("none given")
    lenient = {**spec, "require_items": False}
    assert check(lenient, {"goals": []}) == []
    any_spec = {"kind": "each_has", "items": "i[*]", "fields": ["source", "custom_source.name"], "mode": "any"}
    assert check(any_spec, {"i": [{"custom_source": {"name": "kysely"}}]}) == []
    assert len(check(any_spec, {"i": [{"custom_source": {}, "id": "M1"}]})) == 1


def test_each_has_is_one_finding_naming_every_entry_that_lacks_the_field():
    spec = {"kind": "each_has", "items": "goals[*]", "fields": ["indicators"]}
    goals = [{"id": f"T{n}", "indicators": [{"name": "x"}]} for n in range(1, 9)]
    for n in (1, 4):
        del goals[n]["indicators"]
    hits = check(spec, {"goals": goals})
    assert len(hits) == 1 and hits[0].path == ("goals",) and hits[0].partial
    assert hits[0].related == [("goals", 1), ("goals", 4)]
    assert hits[0].detail["fi"] == "tavoitteet T2, T5: puuttuu mittarit"
    assert hits[0].detail["en"] == "goals T2, T5: no indicators"


def test_each_has_names_an_entry_without_an_id_by_its_place():
    spec = {"kind": "each_has", "items": "goals[*].measures[*]", "fields": ["responsible"]}
    data = {"goals": [{"id": "T1", "measures": [{"title": "Kurssi"}, {"description": "x"}]}]}
    hits = check(spec, data)
    assert hits[0].path == ("goals",) and hits[0].related == [("goals", 0, "measures", 0), ("goals", 0, "measures", 1)]
    assert hits[0].detail["fi"] == "tavoite T1: toimenpiteiltä Kurssi, nro 2 puuttuu vastuutaho"


def test_each_has_without_entries_is_not_covered_unless_entries_are_optional():
    spec = {"kind": "each_has", "items": "goals[*].measures[*]", "fields": ["responsible"]}
    for empty in ({"goals": []}, {"goals": [{"id": "T1", "measures": []}]}, {"goals": [{"measures": [None, {}]}]}):
        hits = check(spec, empty)
        assert hits and not hits[0].partial, empty
    optional = CheckSpec.model_validate({**spec, "require_items": False})
    assert run(optional, ctx({"goals": []})) == [] and not optional.shows_content
    assert CheckSpec.model_validate(spec).shows_content


@pytest.mark.parametrize("value,empty", [
    (None, True), ("", True), ("  \n", True), ([], True), ({}, True), ({"name": None}, True), ([None, ""], True),
    ({"a": {"b": [None, " "]}}, True), (0, False), (False, False), ("x", False), ([0], False), ({"a": {"b": "x"}}, False),
])
def test_what_counts_as_empty(value, empty):
    from kotocheck.locations import is_empty

    assert is_empty(value) is empty


def test_a_mapping_with_only_empty_values_is_not_present():
    spec = {"kind": "present", "paths": ["approval"]}
    assert check(spec, {"approval": {"body": None, "date": ""}}) != []
    assert check(spec, {"approval": {"body": None, "date": "2025-01-01"}}) == []


def test_min_items_counts_entries_with_content():
    spec = {"kind": "min_items", "path": "measures", "min": 1}
    assert check(spec, {"measures": [None, "", {}]})[0].detail["en"].startswith("none given")
    assert check(spec, {"measures": [{"title": "x"}]}) == []


def test_covers_any_of_needs_one_option_and_names_them():
    spec = {"kind": "covers", "values": "links[*].type", "vocabulary": "strategy_type",
            "any_of": ["equality_plan", "welfare_plan"]}
    assert check(spec, {"links": [{"type": "welfare_plan"}]}) == []
    hits = check(spec, {"links": [{"type": "municipal_strategy"}]})
    assert len(hits) == 1 and not hits[0].partial and hits[0].path == ("links",)
    assert hits[0].detail["en"] == "none of: non-discrimination plan, wellbeing plan"


@pytest.mark.parametrize("spec", [
    {"kind": "covers", "values": "x", "vocabulary": "sector"},
    {"kind": "covers", "values": "x", "vocabulary": "sector", "all_of": ["ngo"], "any_of": ["ngo"]},
    {"kind": "covers", "values": "x", "vocabulary": "sector", "any_of": []},
])
def test_covers_takes_exactly_one_of_all_of_and_any_of(spec):
    with pytest.raises(Exception):
        CheckSpec.model_validate(spec)


def test_mentions_searches_strings_lists_and_mappings():
    spec = {"kind": "mentions", "values": ["goals[*].change", "goals[*].title"], "pattern": r"\d+\s*%"}
    assert check(spec, {"goals": [{"title": "Työllisyys kasvaa 5 %"}]}) == []
    assert check({**spec, "values": "notes"}, {"notes": ["ei", "nousee 10%"]}) == []
    assert check({**spec, "values": "part"}, {"part": {"a": {"b": "30 %"}}}) == []
    hits = check(spec, {"goals": [{"change": "Parempi"}]})
    assert hits[0].path == ("goals",) and not hits[0].partial


def test_mentions_matches_case_insensitively_and_counts_to_min():
    spec = {"kind": "mentions", "values": "p[*]", "pattern": "KUULEMI", "min": 2}
    assert check(spec, {"p": ["Kuulemistilaisuus", "kuuleminen verkossa"]}) == []
    partial = check(spec, {"p": ["Kuulemistilaisuus", "kysely"]})
    assert partial[0].partial and partial[0].path == ("p",)
    assert not check(spec, {"p": ["kysely"]})[0].partial


def test_mentions_points_at_the_deepest_existing_parent():
    spec = {"kind": "mentions", "values": "process.working_group.schedule", "pattern": "tavoit"}
    assert check(spec, {"process": {"coordinator": {}}})[0].path == ("process",)


@pytest.mark.parametrize("pattern", ["(", "[a-", "x*", "a|"])
def test_mentions_refuses_a_bad_or_vacuous_pattern(pattern):
    with pytest.raises(Exception):
        CheckSpec.model_validate({"kind": "mentions", "values": "x", "pattern": pattern})


BAD_CHECKLIST = """\
id: bad-1
format_version: 1
kind: programme
title: {fi: T, en: T}
description: {fi: T, en: T}
sources:
  checklist: {title: {fi: L, en: L}, url: "https://example.org"}
steps:
  - {number: 1, title: {fi: V, en: S}}
items:
  - id: "1.1"
    step: 1
    severity: warning
    title: {fi: a, en: a}
    text: {fi: a, en: a}
    hint: {fi: a, en: a}
    source: {document: checklist, step: 1, bullet: 1}
    rests_on: checklist
    check: {kind: present, paths: [a]}
  - id: "4.3"
    step: 1
    severity: warning
    title: {fi: a, en: a}
    text: {fi: a, en: a}
    hint: {fi: a, en: a}
    source: {document: checklist, step: 1, bullet: 1}
    rests_on: checklist
    check:
      all:
        - {kind: present, paths: [a]}
        - {kind: mentions, values: x, pattern: "(tavoite"}
"""


def test_a_bad_pattern_in_a_checklist_is_a_data_error_naming_the_item(tmp_path):
    from kotocheck.checklist import DataError, load_checklist

    path = tmp_path / "bad-1.yaml"
    path.write_text(BAD_CHECKLIST, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_checklist(path)
    assert "item 4.3" in str(caught.value) and "(tavoite" in str(caught.value)


def test_a_mentions_example_must_match_its_pattern():
    base = {"kind": "mentions", "values": "x", "pattern": "kuulemi", "looks_for": {"fi": "kuuleminen", "en": "hearing"}}
    assert CheckSpec.model_validate({**base, "example": "Kuulemistilaisuus pidettiin."})
    with pytest.raises(Exception):
        CheckSpec.model_validate({**base, "example": "Kysely."})


def test_values_in_several_places_are_one_finding_with_each_place_related():
    spec = {"kind": "reference", "values": "goals[*].indicators[*].source", "catalogue": "data_sources"}
    data = {"goals": [{"indicators": [{"source": "facebook"}]}, {"indicators": [{"source": "dvv"}, {"source": "x"}]}]}
    hits = check(spec, data)
    assert len(hits) == 1 and hits[0].path == ("goals",) and not hits[0].at_value
    assert hits[0].related == [("goals", 0, "indicators", 0, "source"), ("goals", 1, "indicators", 1, "source")]
    assert "'facebook', 'x'" in hits[0].detail["en"]
    one_of = {"kind": "one_of", "values": "s[*].by", "allowed": ["employment_authority"], "vocabulary": "arranger"}
    two = check(one_of, {"s": [{"by": "municipality"}, {"by": "kela"}]})
    assert len(two) == 1 and two[0].path == ("s",) and len(two[0].related) == 2


def test_max_span_years():
    spec = {"kind": "max_span_years", "start": "p.start", "end": "p.end", "max_years": 4}
    assert check(spec, {"p": {"start": 2023, "end": 2026}}) == []
    assert "5" in check(spec, {"p": {"start": 2023, "end": 2027}})[0].detail["en"]
    assert check(spec, {"p": {"start": dt.date(2023, 6, 1), "end": dt.date(2027, 5, 31)}}) == []
    assert check(spec, {"p": {"start": 2025, "end": 2023}})[0].detail["en"].startswith("the period ends")
    assert check(spec, {"p": {"start": 2025}})[0].detail["en"].startswith("missing")


def test_not_expired():
    spec = {"kind": "not_expired", "end": "p.end"}
    assert check(spec, {"p": {"end": 2026}}) == []
    hits = check(spec, {"p": {"end": 2025}})
    assert "31.12.2025" in hits[0].detail["fi"] and hits[0].at_value
    assert check(spec, {"p": {"end": dt.date(2026, 11, 22)}}) != []
    assert check(spec, {"p": {}}) == []  # nothing to judge; the period items report the gap


def test_reference():
    spec = {"kind": "reference", "values": "x[*].source", "catalogue": "data_sources"}
    assert check(spec, {"x": [{"source": "dvv"}]}) == []
    hits = check(spec, {"x": [{"source": "dvv"}, {"source": "facebook"}]})
    assert [h.path for h in hits] == [("x", 1, "source")] and "facebook" in hits[0].detail["en"]


def test_programme_ref_and_goal_coverage():
    programme = {"goals": [{"id": "T1", "measures": [{"id": "T1.1"}]}, {"id": "T2"}]}
    loaded = lambda: (programme, "")  # noqa: E731
    refs = {"kind": "programme_ref", "values": "goals[*].goal", "target": "goals"}
    assert check(refs, {"goals": [{"goal": "T1"}]}, programme=loaded) == []
    dangling = check(refs, {"goals": [{"goal": "T9"}]}, programme=loaded)
    assert dangling[0].path == ("goals", 0, "goal") and "T9" in dangling[0].detail["en"]
    measures = {"kind": "programme_ref", "values": "goals[*].measures[*].measure", "target": "measures"}
    assert check(measures, {"goals": [{"measures": [{"measure": "T1.2"}]}]}, programme=loaded)
    unreadable = check(refs, {"programme": "x.yaml", "goals": []}, programme=lambda: (None, "not found"))
    assert "not found" in unreadable[0].detail["en"]
    coverage = {"kind": "follows_all_goals", "values": "goals[*].goal"}
    assert "T2" in check(coverage, {"goals": [{"goal": "T1"}]}, programme=loaded)[0].detail["en"]
    assert check(coverage, {"goals": [{"goal": "T1"}, {"goal": "T2"}]}, programme=loaded) == []


def test_all_and_any_combinators():
    both = {"all": [{"kind": "present", "paths": ["a"]}, {"kind": "present", "paths": ["b"]}]}
    assert check(both, {"a": 1, "b": 1}) == []
    half = check(both, {"a": 1})
    assert len(half) == 1 and half[0].partial
    either = {"any": [{"kind": "present", "paths": ["a"]}, {"kind": "present", "paths": ["b"]}]}
    assert check(either, {"b": 1}) == []
    assert check(either, {})[0].detail["en"] == "missing a"


@pytest.mark.parametrize("spec", [
    {"kind": "nope"}, {"kind": "present"}, {"kind": "present", "paths": ["a"], "extra": 1},
    {"all": [], "kind": "present"}, "present",
])
def test_bad_check_specs_are_refused(spec):
    with pytest.raises(Exception):
        CheckSpec.model_validate(spec)


def test_a_vacuous_conditional_part_does_not_make_an_item_partly_met():
    spec = {"all": [{"kind": "each_has", "items": "goals[*]", "fields": ["indicators"]},
                    {"kind": "reference", "values": "goals[*].indicators[*].source", "catalogue": "data_sources"}]}
    hits = check(spec, {"goals": [{"id": "G1"}]})
    assert hits and not any(h.partial for h in hits)


def test_one_of():
    spec = {"kind": "one_of", "values": "s[*].by.jobseekers", "allowed": ["employment_authority"], "vocabulary": "arranger"}
    assert check(spec, {"s": [{"by": {"jobseekers": "employment_authority"}}, {"by": {}}]}) == []
    hits = check(spec, {"s": [{"by": {"jobseekers": "municipality"}}]})
    assert hits[0].path == ("s", 0, "by", "jobseekers") and "'municipality'" in hits[0].detail["en"]


def test_file_exists(tmp_path):
    (tmp_path / "services.yaml").write_text("x")
    spec = {"kind": "file_exists", "values": "services.file"}
    assert check(spec, {"services": {"file": "services.yaml"}}, base_dir=tmp_path) == []
    assert "nope.yaml" in check(spec, {"services": {"file": "nope.yaml"}}, base_dir=tmp_path)[0].detail["en"]


def test_months_are_accepted_in_periods():
    spec = {"kind": "max_span_years", "start": "p.start", "end": "p.end", "max_years": 4}
    assert check(spec, {"p": {"start": "2025-03", "end": "2029-02"}}) == []
    assert check(spec, {"p": {"start": "2025-03", "end": "2029-03"}}) != []
    assert check({"kind": "not_expired", "end": "p.end"}, {"p": {"end": "2026-11"}}) == []


def test_not_expired_counts_years_from_approval_too():
    spec = {"kind": "not_expired", "end": "p.end", "since": "a.date", "years": 4}
    assert check(spec, {"p": {"end": 2026}, "a": {"date": dt.date(2023, 1, 10)}}) == []
    lapsed = check(spec, {"p": {"end": 2026}, "a": {"date": dt.date(2022, 11, 22)}})
    assert "22.11.2026" in lapsed[0].detail["fi"] and lapsed[0].path == ("a", "date")
    one_year = {**spec, "years": 1}  # a leap day plus a year that has none
    assert "28.2.2021" in check(one_year, {"a": {"date": dt.date(2020, 2, 29)}})[0].detail["fi"]
