"""Each check kind against its table of cases in tests/cases/<kind>.yaml.

A case is `{name, params, doc, status, findings, related}`: `doc` is a literal YAML document, so
its lines are real; `status` is what the item would be (covered, partial, missing); `findings`
lists the line and column of each finding and `related` the [line, column] of each place a
finding names. Every expected position was written by reading the YAML, not by running the code.
Optional: `today` (default 2026-11-23), `programme` (the YAML of the programme a follow-up
refers to) and `files` (names of files that exist beside the document).

The document is loaded with kotocheck's own loader, the kind is found through the registry and
positions are located as the engine locates them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import EXAMPLES, read_yaml
from kotocheck import loader
from kotocheck.checklist import CATALOGUES, catalogue, groups, label
from kotocheck.checks import KINDS, CheckSpec, Context, run
from kotocheck.locations import locate

CASES = Path(__file__).parent / "cases"
TODAY = dt.date(2026, 11, 23)
STATUSES = ("missing", "partial", "covered")


def _load_cases() -> list:
    params = []
    for path in sorted(CASES.glob("*.yaml")):
        for case in read_yaml(path):
            params.append(pytest.param(path.stem, case, id=f"{path.stem}: {case['name']}"))
    return params


def _document(tmp_path: Path, name: str, text: str) -> loader.Document:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return loader.load(path, name)


def _context(tmp_path: Path, doc: loader.Document, case: dict) -> Context:
    for name in case.get("files") or []:
        (tmp_path / name).write_text("kind: services\n", encoding="utf-8")
    programme = case.get("programme")
    if programme is not None:
        loaded = _document(tmp_path, "programme.yaml", programme).data
        found = lambda: (loaded, "")  # noqa: E731
    else:
        found = lambda: (None, "programme.yaml: tiedostoa ei löydy")  # noqa: E731
    today = case.get("today", TODAY)
    return Context(data=doc.data, today=today if isinstance(today, dt.date) else dt.date.fromisoformat(str(today)),
                   catalogues={n: {e.id for e in catalogue(n).entries} for n in CATALOGUES}, labels=label,
                   groups=groups(), programme=found, base_dir=tmp_path)


def status_of(hits) -> str:
    """As the engine decides it: no hit is covered, only partial hits are partial."""
    if not hits:
        return "covered"
    return "partial" if all(h.partial for h in hits) else "missing"


def run_case(kind: str, case: dict, tmp_path: Path):
    doc = _document(tmp_path, "doc.yaml", case["doc"])
    spec = KINDS[kind]
    hits = spec.check(spec.params.model_validate(case["params"]), _context(tmp_path, doc, case))
    findings = [dict(zip(("line", "column"), locate(doc.tree, h.path, at_value=h.at_value))) for h in hits]
    related = [list(locate(doc.tree, p, at_value=True)) for h in hits for p in h.related]
    return status_of(hits), findings, related, hits


@pytest.mark.parametrize("kind,case", _load_cases())
def test_case(kind, case, tmp_path):
    status, findings, related, hits = run_case(kind, case, tmp_path)
    shown = [h.detail["fi"] for h in hits]
    assert status == case["status"], shown
    assert findings == case.get("findings", []), shown
    assert related == case.get("related", []), shown


def test_every_registered_kind_has_a_case_table():
    tables = {p.stem for p in CASES.glob("*.yaml")}
    assert set(KINDS) <= tables, set(KINDS) - tables


def test_every_case_table_is_well_formed():
    for path in sorted(CASES.glob("*.yaml")):
        assert path.stem in KINDS, f"{path.name}: no check kind of that name"
        cases = read_yaml(path)
        names = [c["name"] for c in cases]
        assert len(names) == len(set(names)), f"{path.name}: case names repeat"
        for case in cases:
            assert case["status"] in STATUSES, f"{path.name}: {case['name']}"
            assert set(case) <= {"name", "params", "doc", "status", "findings", "related", "today", "programme",
                                 "files", "note"}, f"{path.name}: {case['name']}"
            assert (case["status"] == "covered") == (not case.get("findings")), f"{path.name}: {case['name']}"


# --- adding a complete entry never lowers the status -----------------------------------------

RANK = {s: i for i, s in enumerate(STATUSES)}
FIELDS = ("indicators", "measures", "title")
EMPTY = st.sampled_from([None, "", "  ", [], {}, [None], {"name": None}])
FILLED = st.sampled_from(["x", 0, ["a"], {"name": "M1"}, [{"name": "M1"}]])
ENTRY = st.dictionaries(st.sampled_from(FIELDS), st.one_of(EMPTY, FILLED), max_size=3)


def _each_has_status(data: dict, fields: list[str], mode: str, require: bool) -> str:
    spec = CheckSpec.model_validate({"kind": "each_has", "items": "goals[*]", "fields": fields, "mode": mode,
                                     "require_items": require})
    return status_of(run(spec, Context(data=data, today=TODAY)))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entries=st.lists(st.one_of(ENTRY, EMPTY), max_size=6), position=st.integers(0, 6),
       fields=st.lists(st.sampled_from(FIELDS[:2]), min_size=1, max_size=2, unique=True),
       mode=st.sampled_from(["all", "any"]), require=st.booleans())
def test_adding_a_complete_entry_never_lowers_the_status(entries, position, fields, mode, require):
    before = _each_has_status({"goals": list(entries)}, fields, mode, require)
    complete = {f: [{"name": "M1"}] for f in fields}
    grown = list(entries)
    grown.insert(min(position, len(grown)), complete)
    after = _each_has_status({"goals": grown}, fields, mode, require)
    assert RANK[after] >= RANK[before], (before, after)
    assert after != "missing"  # a complete entry is always evidence


# --- one finding per item and place, with each place in json and sarif -----------------------

THREE_GOALS = """\
kind: programme
format_version: 1
checklist: kotouttamisohjelma-1386-2010
goals:
  - id: T1
    title: Työllisyys
    indicators:
      - name: Työllisyysaste
        timeframe: 2027
  - id: T2
    title: Kieli
  - id: T3
    title: Asuminen
"""


def test_goals_without_an_indicator_are_one_finding_with_each_goal_located(tmp_path):
    from kotocheck.engine import Options, check_file
    from kotocheck.reporters import json as json_reporter
    from kotocheck.reporters import sarif

    path = tmp_path / "ohjelma.yaml"
    path.write_text(THREE_GOALS, encoding="utf-8")
    result = check_file(path, Options(today=TODAY))
    (finding,) = [f for f in result.findings if f.rule == "6.2"]
    assert (finding.line, finding.column) == (4, 1) and finding.partial  # at `goals:`
    assert [(r["line"], r["column"], r["path"]) for r in finding.related] == [(10, 5, "goals[1]"), (12, 5, "goals[2]")]
    assert "T2, T3" in finding.message["fi"]

    entry = next(f for f in json.loads(json_reporter.report([result], "fi"))["findings"] if f["rule"] == "6.2")
    assert entry["related"] == [{"line": 10, "column": 5, "path": "goals[1]"}, {"line": 12, "column": 5, "path": "goals[2]"}]

    log = sarif.log([result], "en")
    sarif_result = next(r for r in log["runs"][0]["results"] if r["ruleId"].endswith("/6.2"))
    regions = [(loc["id"], loc["physicalLocation"]["region"]["startLine"], loc["physicalLocation"]["region"]["startColumn"])
               for loc in sarif_result["relatedLocations"]]
    assert regions == [(0, 10, 5), (1, 12, 5)]
    assert sarif_result["locations"][0]["physicalLocation"]["region"] == {"startLine": 4, "startColumn": 1}


def test_a_sarif_log_with_related_locations_is_valid(tmp_path):
    import jsonschema

    from kotocheck.engine import Options, check_file
    from kotocheck.reporters import sarif

    path = tmp_path / "ohjelma.yaml"
    path.write_text(THREE_GOALS, encoding="utf-8")
    log = sarif.log([check_file(path, Options(today=TODAY))], "fi")
    assert any("relatedLocations" in r for r in log["runs"][0]["results"])
    schema = json.loads((Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    assert [e.message for e in validator.iter_errors(log)] == []


def test_the_examples_have_no_finding_about_a_place_twice():
    from kotocheck.engine import Options, check_file

    for path in sorted(EXAMPLES.glob("*.yaml")):
        result = check_file(path, Options(today=TODAY))
        keys = [(f.rule, f.path) for f in result.findings if f.source]
        assert len(keys) == len(set(keys)), path.name
