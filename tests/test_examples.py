"""The bundled examples: the honest gaps of the real documents, the complete fictional
ones pass, and golden files pin the exact text and JSON output.

The golden files change only through scripts/update-golden, a deliberate step whose diff
is reviewed; the tests only compare.
"""

from __future__ import annotations

import json

import pytest

import golden_cases
from conftest import EXAMPLES, ROOT

GOLDEN = ROOT / "tests" / "golden"
KEMIJARVI = "examples/kemijarvi-2023-2025.yaml"


def statuses(cli, path):
    data = json.loads(cli("validate", path, "--format", "json").output)
    return data["files"][0]["statuses"], {f["rule"] for f in data["findings"]}


def test_kemijarvi_reports_the_gaps_a_careful_reader_finds(cli):
    status, rules = statuses(cli, ROOT / KEMIJARVI)
    # No council decision, no drafting process, no immigrants in the drafting, no measures,
    # no indicators, no named monitoring, no sources for its figures.
    for gap in ["L32.1", "1.1", "2.1", "2.5", "3.3", "4.4", "6.1", "6.2", "6.3", "6.4", "6.5"]:
        assert status[gap] == "missing", gap
        assert gap in rules
    # Partly there: sections without digital services, monitoring with only "updated as needed",
    # communication to residents only, a strategy link but no other plan, and responsibilities
    # named in general but no measures to name a responsible party for (no vacuous pass).
    for partial in ["5.5", "5.10", "7.1", "4.2", "5.3"]:
        assert status[partial] == "partial", partial


def test_kemijarvi_is_not_reported_missing_what_it_contains(cli):
    status, _ = statuses(cli, ROOT / KEMIJARVI)
    # The figures, the strategy links, the cooperation list, the services it describes,
    # the sections on children, protection and relations, its three-year period.
    for present in ["L32.2", "L32.3", "3.1", "4.1", "5.1", "5.4", "5.6", "5.7", "5.8", "5.9"]:
        assert status[present] == "covered", present


def test_kemijarvi_exits_1(cli):
    assert cli("validate", ROOT / KEMIJARVI).exit_code == 1


def test_the_rovaniemi_follow_up_refers_only_to_its_programme(cli):
    status, rules = statuses(cli, ROOT / "examples/rovaniemi-seuranta-2022-2025.yaml")
    assert status["S1.1"] == status["S1.2"] == status["S1.3"] == "covered"
    assert status["S2.1"] == "partial"  # two sub-goals had no text in the real report


def test_a_dangling_goal_in_a_follow_up_is_located(cli, tmp_path):
    from conftest import read_yaml, write_yaml
    data = read_yaml(EXAMPLES / "rovaniemi-seuranta-2022-2025.yaml")
    data["goals"][1]["goal"] = "T42"
    data["programme"] = str(EXAMPLES / "rovaniemi-2022-2025.yaml")
    path = write_yaml(tmp_path / "f.yaml", data)
    result = cli("validate", path, "--lang", "en")
    assert result.exit_code == 1
    assert any("  error  S1.1  Goals exist in the programme: the programme has no id 'T42'" in line
               for line in result.output.splitlines())


def test_a_follow_up_whose_programme_is_missing_is_an_error(cli, tmp_path):
    from conftest import read_yaml, write_yaml
    data = read_yaml(EXAMPLES / "rovaniemi-seuranta-2022-2025.yaml")
    path = write_yaml(tmp_path / "f.yaml", data)  # the programme file is not beside it
    result = cli("validate", path, "--lang", "en")
    assert result.exit_code == 1 and "the programme cannot be read" in result.output


COMPLETE = ["examples/esimerkkila-2025-2028.yaml", "examples/esimerkkila-kotoutumisohjelma-2025.yaml"]


@pytest.mark.parametrize("example", COMPLETE)
def test_the_complete_fictional_examples_pass_with_no_findings(cli, example):
    result = cli("validate", ROOT / example, "--fail-on", "info")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("name,args", golden_cases.cases(), ids=[n for n, _ in golden_cases.cases()])
def test_golden_output(name, args):
    golden = GOLDEN / name
    assert golden.exists(), f"missing golden file {golden}; create it with scripts/update-golden and review it"
    assert golden_cases.output(args) == golden.read_text(encoding="utf-8")
