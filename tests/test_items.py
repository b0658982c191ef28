"""Every checklist item of every checklist is exercised by a passing case (a complete
document covers it) and a failing case (the same document without what the item reads)."""

from __future__ import annotations

import pytest

from conftest import EXAMPLES, check_data, clone, delete_path, read_yaml
from kotocheck.checklist import available, load_checklist
from kotocheck.findings import Status
from test_checklist_data import _expressions

COMPLETE_2025 = EXAMPLES / "esimerkkila-2025-2028.yaml"
COMPLETE_SERVICES = EXAMPLES / "esimerkkila-kotoutumisohjelma-2025.yaml"


def complete_document(name: str, tmp_path):
    """A document that covers every item of the named checklist."""
    # The 2025 example refers to its services file; the checked copy needs it beside it.
    (tmp_path / COMPLETE_SERVICES.name).write_bytes(COMPLETE_SERVICES.read_bytes())
    if name == "kotoutuminen-681-2023":
        return read_yaml(COMPLETE_2025)
    if name == "kotouttamisohjelma-1386-2010":
        # The complete 2025 example also meets the old checklist once it names it and
        # has municipal employment services in its working group (old step 2, bullet 2).
        data = read_yaml(COMPLETE_2025)
        data["checklist"] = name
        data["not_applicable"] = []
        data["process"]["working_group"]["members"].append({"organisation": "Työllisyyspalvelut", "sector": "employment"})
        data["process"]["external_experts"] = "Ei käytetty."
        return data
    if name == "kotoutumisohjelma-681-2023":
        return read_yaml(COMPLETE_SERVICES)
    if name == "seuranta-1":
        # The Rovaniemi follow-up, with the two sub-goals the real report left empty filled in.
        programme = read_yaml(EXAMPLES / "rovaniemi-2022-2025.yaml")
        from conftest import write_yaml
        write_yaml(tmp_path / "rovaniemi-2022-2025.yaml", programme)
        data = read_yaml(EXAMPLES / "rovaniemi-seuranta-2022-2025.yaml")
        for goal in data["goals"]:
            for measure in goal["measures"]:
                measure.setdefault("status", "yellow")
                measure.setdefault("progress", "Testiä varten täydennetty.")
        covered = {g["goal"] for g in data["goals"]}
        for goal in programme["goals"]:
            if goal["id"] not in covered:
                data["goals"].append({"goal": goal["id"], "measures": []})
        followed = {m["measure"] for g in data["goals"] for m in g["measures"]}
        for goal in programme["goals"]:  # T3.5 (from the project card) is not in the real report
            entry = next(g for g in data["goals"] if g["goal"] == goal["id"])
            entry["measures"] += [{"measure": m["id"], "status": "green", "progress": "Testiä varten."}
                                  for m in goal.get("measures", []) if m["id"] not in followed]
        return data
    raise KeyError(name)


CASES = [(name, item.id) for name, path in sorted(available().items()) for item in load_checklist(path).items]

# Items whose shortfall is not an absence: the failing case changes a value instead.
BREAKERS = {
    "L32.2": lambda d: d["identification"]["period"].update({"start": 2020, "end": 2028}),
    "L32.4": lambda d: d["identification"]["period"].update({"start": 2021, "end": 2024}),
    "S1.1": lambda d: d["goals"].append({"goal": "T99"}),
    "S1.2": lambda d: d["goals"][0]["measures"].append({"measure": "T99.9", "status": "red", "progress": "x"}),
    "S1.5": lambda d: d["goals"][0].setdefault("indicators", []).append({"indicator": "T99.I9"}),
    "45.9": lambda d: d["services"].update({"file": "missing-services.yaml"}),
}


@pytest.mark.parametrize("name,item_id", CASES)
def test_item_passes_on_a_complete_document(name, item_id, tmp_path):
    result = check_data(tmp_path, complete_document(name, tmp_path), name="doc.yaml")
    assert result.statuses[item_id] in (Status.COVERED, Status.NOT_APPLICABLE)
    assert not [f for f in result.findings if f.rule == item_id]


@pytest.mark.parametrize("name,item_id", CASES)
def test_item_fails_without_what_it_reads(name, item_id, tmp_path):
    data = clone(complete_document(name, tmp_path))
    data["not_applicable"] = []
    item = load_checklist(available()[name]).item(item_id)
    if item_id in BREAKERS:
        BREAKERS[item_id](data)
    else:
        for expression in _expressions(item.check):
            delete_path(data, expression)
    result = check_data(tmp_path, data, name="doc.yaml")
    assert result.statuses[item_id] in (Status.MISSING, Status.PARTIAL)
    findings = [f for f in result.findings if f.rule == item_id]
    assert findings and all(f.line >= 1 and f.column >= 1 for f in findings)
    assert all(f.severity is item.severity for f in findings)


def test_the_law_names_the_employment_authority_for_jobseekers(tmp_path):
    data = read_yaml(COMPLETE_SERVICES)
    guidance = next(s for s in data["services"] if s["service"] == "guidance")
    guidance["arranged_by"]["jobseekers"] = "municipality"
    result = check_data(tmp_path, data)
    finding = next(f for f in result.findings if f.rule == "3.1")  # 681/2023 3 § 1 mom
    assert "'kunta' ei kelpaa" in finding.message["fi"] and finding.path.endswith("arranged_by.jobseekers")


def test_an_agreed_arrangement_where_the_employment_authority_serves_everyone_passes(tmp_path):
    data = read_yaml(COMPLETE_SERVICES)
    for service in data["services"]:
        if service["service"] != "other":
            service["arranged_by"] = {"jobseekers": "employment_authority", "others": "employment_authority"}
    result = check_data(tmp_path, data)
    assert not [f for f in result.findings if f.rule.startswith("13.") or f.rule in ("2.5", "3.1")]
