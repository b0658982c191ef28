"""`not_assessed:` (issue 9): an item or a part of the document not yet written or read is its own
status, "not assessed", never missing or covered, and never hidden. Every expectation here
(status, rule, severity, line:column) was written by reading the YAML, not the tool's output.

Every document starts with HEAD (lines 1-9, an old-law programme of Testilä); a case's own lines
start at line 10.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from conftest import HEAD, TODAY
from kotocheck import gaps
from kotocheck.engine import Options, check_file
from kotocheck.findings import Severity, Status

import datetime as dt


def check(tmp_path: Path, body: str):
    path = tmp_path / "ohjelma.yaml"
    path.write_text(HEAD + textwrap.dedent(body).lstrip("\n"), encoding="utf-8")
    return check_file(path, Options(today=dt.date.fromisoformat(TODAY)), display="ohjelma.yaml")


def marks(result) -> list[tuple]:
    return [(f.rule, f.severity.value, f.line, f.column) for f in result.findings if f.rule.startswith("not-assessed")]


def test_an_unwritten_part_is_not_assessed_not_missing(tmp_path):
    result = check(tmp_path, """
        not_assessed:
          - section: situation
            note: Tilannekuva kirjoitetaan syksyllä.
    """)
    # 3.1-3.3 read the situation picture, and so does 5.2 (the description of the immigrant
    # population, its needs and receptiveness, by the topics of the situation picture): held back,
    # neither missing nor covered.
    for item in ("3.1", "3.2", "3.3", "5.2"):
        assert result.statuses[item] is Status.NOT_ASSESSED
        assert not [f for f in result.findings if f.rule == item]
    # One finding for the mark, at its entry (line 11, the key after "- "); info: no legal item held.
    assert marks(result) == [("not-assessed", "info", 11, 5)]
    message = next(f for f in result.findings if f.rule == "not-assessed").message
    assert message["fi"] == "Ei arvioitu (4 kohtaa: 3.1, 3.2, 3.3, 5.2): Tilannekuva kirjoitetaan syksyllä."
    assert message["en"] == "Not assessed (4 items: 3.1, 3.2, 3.3, 5.2): Tilannekuva kirjoitetaan syksyllä."


def test_other_gaps_stay_gaps(tmp_path):
    result = check(tmp_path, """
        not_assessed:
          - section: situation
            note: Kesken.
    """)
    assert result.statuses["1.1"] is Status.MISSING  # the coordinator is not under the mark
    assert [f.rule for f in result.findings if f.rule == "1.1"] == ["1.1"]


def test_a_legal_requirement_held_back_is_a_warning(tmp_path):
    result = check(tmp_path, """
        not_assessed:
          - item: L32.1
            note: Valtuuston pöytäkirjaa ei ole vielä saatu.
    """)
    assert result.statuses["L32.1"] is Status.NOT_ASSESSED
    assert not [f for f in result.findings if f.rule == "L32.1"]
    assert marks(result) == [("not-assessed", "warning", 11, 5)]
    counts = gaps.tally(result)
    assert (counts.not_assessed, counts.legal_not_assessed) == (1, 1)
    # Not a gap of the law either: it is counted apart, never as unmet, and the headline says so.
    assert counts.missing + counts.partial + counts.covered + counts.not_assessed == counts.applicable
    from kotocheck.reporters.text import summary_line
    # Unmet: L32.3 (no budget link in HEAD) and L32.4 (the period 2023-2025 has ended); L32.1 apart.
    assert "2 lakisääteistä vaatimusta täyttämättä (1 arvioimatta)" in summary_line(result, "fi")


def test_a_met_item_marked_not_assessed_is_covered_and_the_mark_is_stale(tmp_path):
    result = check(tmp_path, """
        process:
          coordinator:
            authority: Hyvinvointipalvelut
        not_assessed:
          - item: "1.1"
            note: Tarkistetaan myöhemmin.
    """)
    assert result.statuses["1.1"] is Status.COVERED
    assert marks(result) == [("not-assessed.met", "info", 14, 5)]


def test_a_mark_naming_no_item_or_an_unknown_one(tmp_path):
    result = check(tmp_path, """
        not_assessed:
          - note: Jotain puuttuu.
          - item: "9.9"
            note: Ei tällaista kohtaa.
    """)
    assert marks(result) == [("not-assessed.empty", "warning", 11, 5), ("not-assessed.unknown-item", "warning", 12, 11)]


def test_a_waiver_wins_over_a_mark(tmp_path):
    result = check(tmp_path, """
        not_applicable:
          - item: "1.4"
            reason: Ulkopuolisia asiantuntijoita ei käytetty.
        not_assessed:
          - item: "1.4"
            note: Kesken.
    """)
    assert result.statuses["1.4"] is Status.NOT_APPLICABLE
    assert marks(result) == []


def test_the_counts_and_the_json_keep_not_assessed_apart(tmp_path, cli):
    path = tmp_path / "ohjelma.yaml"
    path.write_text(HEAD + "not_assessed:\n  - section: goals\n    note: Tavoitteet ovat työryhmässä.\n",
                    encoding="utf-8")
    out = cli("validate", str(path), "--format", "json", env={"KOTOCHECK_TODAY": TODAY})
    data = json.loads(out.output)["files"][0]
    held = sorted(k for k, v in data["statuses"].items() if v == "not_assessed")
    assert data["not_assessed"] == len(held) > 0
    assert not [f for f in json.loads(out.output)["findings"] if f["rule"] in held]


def test_a_mark_in_the_schema(tmp_path):
    result = check(tmp_path, """
        not_assessed:
          - section: goals
    """)
    # The note is required: an unexplained mark holds back nothing, and the schema says so.
    assert [(f.rule, f.line) for f in result.findings if f.rule.startswith("schema")] == [("schema.missing", 11)]
    assert Severity.ERROR in {f.severity for f in result.findings if f.rule.startswith("schema")}


def test_a_shortfall_outside_the_part_is_still_a_finding(tmp_path):
    # L32.4 reads the approval date (under the mark) and the period's end (not under it). The
    # period 2023-2025 ended on 31.12.2025, before 23.11.2026: that is known whatever the
    # approval says, so the item is not held back, and the mark holds back L32.1 only.
    result = check(tmp_path, """
        not_assessed:
          - section: identification.approval
            note: Valtuuston pöytäkirjaa ei ole vielä saatu.
    """)
    assert result.statuses["L32.4"] is Status.MISSING
    assert [(f.rule, f.line, f.column) for f in result.findings if f.rule == "L32.4"] == [("L32.4", 9, 10)]
    assert result.statuses["L32.1"] is Status.NOT_ASSESSED
    assert marks(result) == [("not-assessed", "warning", 11, 5)]


def test_a_part_whose_items_fall_short_elsewhere_gets_no_stale_mark(tmp_path):
    # monitoring is partly written; 6.4 reads it and is met there, but nothing else is under the
    # mark and the items reading monitoring that fall short do so in monitoring itself: held back.
    result = check(tmp_path, """
        monitoring:
          responsible: Hyvinvointilautakunta
        not_assessed:
          - section: monitoring
            note: Seurannan kuvaus on vielä kesken.
    """)
    held = sorted(k for k, v in result.statuses.items() if v is Status.NOT_ASSESSED)
    assert held and all(not [f for f in result.findings if f.rule == k] for k in held)
    assert [m[0] for m in marks(result)] == ["not-assessed"]


def test_a_misspelt_part_is_a_warning_not_a_silent_mark(tmp_path):
    result = check(tmp_path, """
        not_assessed:
          - section: tilannekuva
            note: Kesken.
    """)
    # "  - section: tilannekuva": the value starts at column 14 of line 11 (2 + "- " + "section: ").
    assert marks(result) == [("not-assessed.unknown-section", "warning", 11, 14)]
    assert Status.NOT_ASSESSED not in result.statuses.values()


def test_no_full_coverage_is_shown_beside_structural_errors(tmp_path, cli):
    # The complete example with a number as its title: a schema error, every item still covered.
    from conftest import EXAMPLES

    text = (EXAMPLES / "esimerkkila-2025-2028.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "ohjelma.yaml"
    bad.write_text(text.replace("\ntitle: Esimerkkilän kotoutumisen edistämisen toimenpideohjelma 2025–2028\n",
                                "\ntitle: 2025\n"), encoding="utf-8")
    (tmp_path / "esimerkkila-kotoutumisohjelma-2025.yaml").write_text(
        (EXAMPLES / "esimerkkila-kotoutumisohjelma-2025.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    line = cli("validate", bad).output.splitlines()[-1]
    assert line.endswith("tarkistuslistaa ei voitu arvioida kokonaan rakennevirheiden vuoksi") and "30/30" not in line
    report = cli("report", bad, "--format", "md").output
    assert "| Kattavuus | ei arvioitavissa kokonaan rakennevirheiden vuoksi (ks. muut havainnot) (30/30 kohtaa) |" in report
    assert "| Kattavuus | 100" not in report
    assert json.loads(cli("report", bad, "--format", "json").output)["complete"] is False
    summary = json.loads(cli("summary", bad, "--format", "json").output)
    assert summary["programmes"][0]["coverage_percent"] is None
