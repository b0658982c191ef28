"""The format's new fields for real programmes (issue 9): document status, measures that serve
several goals or the whole programme, goals of a service package. Each expectation (rule,
severity, line:column) was written by reading the YAML."""

from __future__ import annotations

import json
import textwrap

from conftest import TODAY

PROGRAMME = """\
kind: programme
format_version: 1
checklist: kotoutuminen-681-2023
title: Koekylän suunnitelma
identification:
  municipality: Koekylä
"""  # lines 1-6; a case's own lines start at line 7


def run(cli, tmp_path, text: str, *args: str):
    path = tmp_path / "doc.yaml"
    path.write_text(text, encoding="utf-8")
    result = cli("validate", path, "--format", "json", *args, env={"KOTOCHECK_TODAY": TODAY})
    return result.exit_code, json.loads(result.output)


def located(report: dict, prefix: str) -> list[tuple]:
    return [(f["rule"], f["severity"], f["line"], f["column"]) for f in report["findings"]
            if f["rule"].startswith(prefix)]


def test_every_document_status_is_accepted_and_another_is_a_choice_error(cli, tmp_path):
    for status in ("draft", "proposal", "approved", "superseded"):
        _, report = run(cli, tmp_path, PROGRAMME + f"status: {status}\n")
        assert not located(report, "schema"), status
    code, report = run(cli, tmp_path, PROGRAMME + "status: luonnos\n")
    assert code == 1 and located(report, "schema") == [("schema.choice", "error", 7, 9)]


def test_a_measure_naming_a_goal_the_programme_lacks(cli, tmp_path):
    code, report = run(cli, tmp_path, PROGRAMME + textwrap.dedent("""\
        goals:
          - id: T1
            title: Työ
            measures:
              - id: T1.1
                title: Valmennus
                goals: [T2, T9]
          - id: T2
            title: Kieli
        measures:
          - id: K1
            title: Neuvonta
            goals: [T1, T8]
        """))
    # T9 is the second value of the flow list on line 13 ("        goals: [T2, T9]"): column 21;
    # T8 is on line 19 ("    goals: [T1, T8]"): column 17.
    assert code == 1
    assert located(report, "doc.unknown-goal") == [("doc.unknown-goal", "error", 13, 21),
                                                   ("doc.unknown-goal", "error", 19, 17)]
    message = next(f["message"] for f in report["findings"] if f["line"] == 13)
    assert message == "Toimenpide T1.1 viittaa tavoitteeseen T9, jota ohjelmassa ei ole."


def test_a_goal_served_only_by_a_programme_wide_measure_has_measures(cli, tmp_path):
    _, report = run(cli, tmp_path, PROGRAMME + textwrap.dedent("""\
        goals:
          - id: T1
            title: Työ
        measures:
          - id: K1
            title: Neuvonta
            responsible: Kotoutumispalvelut
            goals: [T1]
        """))
    statuses = report["files"][0]["statuses"]
    assert statuses["45.2"] == "covered"  # every goal has measures: T1 through K1
    assert statuses["45.3"] == "covered"  # every measure has a responsible party, K1 too


def test_a_programme_wide_measure_without_a_responsible_party(cli, tmp_path):
    _, report = run(cli, tmp_path, PROGRAMME + textwrap.dedent("""\
        goals:
          - id: T1
            title: Työ
            measures:
              - id: T1.1
                title: Valmennus
                responsible: Työllisyyspalvelut
        measures:
          - id: K1
            title: Neuvonta
        """))
    # 45.3 is partly met; the finding points at the programme-wide list (line 14, "measures:").
    assert report["files"][0]["statuses"]["45.3"] == "partial"
    assert located(report, "45.3") == [("45.3", "warning", 14, 1)]


def test_a_service_goal_naming_a_service_the_package_lacks(cli, tmp_path):
    code, report = run(cli, tmp_path, textwrap.dedent("""\
        kind: services
        format_version: 1
        title: Koekylän kotoutumisohjelma
        municipality: Koekylä
        services:
          - id: S1
            service: guidance
            name: Ohjaus ja neuvonta
        goals:
          - id: P1
            title: Jokainen saa ohjausta
            services: [S1, S88]
        """))
    assert code == 1
    assert located(report, "doc.unknown-service") == [("doc.unknown-service", "error", 12, 20)]
