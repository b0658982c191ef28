"""The fast loader (kotocheck.fast_yaml, issue 11 items 1 and 2) against the round-trip loader.

For every input, `loader.parse(text, name, round_trip=False)` either reads it the fast way
(`Document.fast`) with the same data, the same position of every key and value and the same
findings as the round-trip reading, or falls back to the round-trip reading (`Document.fallback`
says why) — or both refuse it with the same rule, message key and location.

The one intended difference: an empty value (`key:`, `- `) is placed right after its `:` or `-`;
the round-trip tree places it at the next token.

Inputs: the example programmes, random and mutated documents (the generators of test_fuzz), every
stream of ../shared/yaml-test-suite, and the YAML 1.2 scalars below with their values written by hand.
The long run (`-m long`) tries many more random cases.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st
from typer.testing import CliRunner

from kotocheck import fast_yaml, loader
from kotocheck.cli import app
from kotocheck.locations import locate

from test_fuzz import DEFAULT, DOC_TEXT, EXAMPLES, LONG, TEXTS, _long, dump, mutated_data, mutated_text, paths_of

ROOT = Path(__file__).resolve().parent.parent
SUITE = ROOT.parent / "shared" / "yaml-test-suite"
SUITE_CASES = sorted((SUITE / "valid").glob("*.yaml")) + sorted((SUITE / "error").glob("*.yaml"))
TODAY = "2026-11-23"
NAME = "doc.yaml"


# --- comparing the two readings ---------------------------------------------------------------------

def _typed(value):
    """The value with every scalar's type made part of it: True == 1 == 1.0 and nan != nan otherwise."""
    if isinstance(value, dict):
        return {k: _typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_typed(v) for v in value]
    if isinstance(value, float) and math.isnan(value):
        return ("float", "nan")
    return (type(value).__name__, value)


def _outcome(text: str, round_trip: bool):
    try:
        return loader.parse(text, NAME, round_trip=round_trip)
    except loader.LoadError as exc:
        f = exc.finding
        return ("refused", f.rule, exc.key, f.line, f.column, f.message["en"])


def _after_indicator(text: str, line: int, column: int) -> bool:
    """Position (1-based) is right after a `:` or `-`: where libyaml puts an empty value."""
    lines = text.split("\n")
    return 1 <= line <= len(lines) and column >= 2 and lines[line - 1][column - 2: column - 1] in (":", "-")


def same_positions(text: str, fast: loader.Document, slow: loader.Document) -> int:
    """Every key and value path (and a path one step past each) is located the same; returns the count."""
    paths = [()] + paths_of(slow.data)
    checked = 0
    for path in paths:
        for probe in (path, path + ("no such key",), path + (0,), path + (10**6,)):
            key_fast, key_slow = locate(fast.tree, probe), locate(slow.tree, probe)
            assert key_fast == key_slow, (probe, key_fast, key_slow)
            value_fast, value_slow = locate(fast.tree, probe, at_value=True), locate(slow.tree, probe, at_value=True)
            if value_fast != value_slow:  # the documented difference: an empty value
                value = slow.data
                for part in probe:
                    value = value[part] if isinstance(value, (dict, list)) else None
                assert value is None and _after_indicator(text, *value_fast), (probe, value_fast, value_slow)
            checked += 1
    return checked


def compare(text: str) -> str:
    """Both readings agree; returns "fast", "refused" or "fallback: <why>"."""
    slow, fast = _outcome(text, True), _outcome(text, False)
    if isinstance(slow, tuple) or isinstance(fast, tuple):
        assert slow == fast
        return "refused"
    assert not slow.fast and slow.fallback is None
    if not fast.fast:
        assert fast.fallback, "a fallback says why"
        assert fast.tree is not None and not isinstance(fast.tree, fast_yaml.Positions)
        assert _typed(fast.data) == _typed(slow.data)
        return f"fallback: {fast.fallback}"
    assert isinstance(fast.tree, fast_yaml.Positions)
    assert _typed(fast.data) == _typed(slow.data)
    same_positions(text, fast, slow)
    return "fast"


_runner = CliRunner()


def _validate(path: Path, fast: bool, monkeypatch, *extra: str) -> tuple[int, str]:
    monkeypatch.setattr(loader, "FAST", fast)
    result = _runner.invoke(app, ["validate", str(path), *extra],
                            env={"KOTOCHECK_TODAY": TODAY, "NO_COLOR": "1", "COLUMNS": "200"})
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.output


def same_findings(text: bytes, tmp_path: Path, monkeypatch, name: str = NAME) -> None:
    path = tmp_path / name
    path.write_bytes(text)
    for example in EXAMPLES:  # a follow-up names its programme by file
        if not (tmp_path / example.name).exists() and example.name != name:
            (tmp_path / example.name).write_bytes(example.read_bytes())
    slow = _validate(path, False, monkeypatch, "--format", "json")
    fast = _validate(path, True, monkeypatch, "--format", "json")
    if slow != fast:  # the empty-value rule may move a finding's column; nothing else may differ
        a, b = json.loads(slow[1]), json.loads(fast[1])
        assert _without_positions(a) == _without_positions(b), (slow, fast)
        assert slow[0] == fast[0]


def _without_positions(report):
    if isinstance(report, dict):
        return {k: _without_positions(v) for k, v in report.items() if k not in ("line", "column")}
    if isinstance(report, list):
        return [_without_positions(v) for v in report]
    return report


# --- (b) YAML 1.2 scalars, pinned by hand ----------------------------------------------------------

SCALARS = {
    "1_000": 1000,
    "0o17": 15,
    "0x1F": 31,
    "017": 17,  # YAML 1.2: a decimal with a leading zero, not octal
    "+12": 12,
    ".5": 0.5,
    "1e3": 1000.0,
    ".inf": math.inf,
    "-.Inf": -math.inf,
    ".nan": "nan",  # compared as nan below
    "yes": "yes",
    "no": "no",
    "on": "on",
    "True": True,
    "TRUE": True,
    "false": False,
    "~": None,
    "null": None,
    "2025-01-01": dt.date(2025, 1, 1),
    "2025-1-1": "2025-1-1",
    "12:30": "12:30",
    "1:20:30": "1:20:30",  # sexagesimal is YAML 1.1 only
    "0b101": 5,
    "-0x_1": -1,
    "1_0.5_0": 10.5,
}


@pytest.mark.parametrize("scalar", list(SCALARS))
def test_yaml_12_scalars_read_the_same_on_both_paths(scalar):
    text = f"value: {scalar}\nlist: [{scalar}]\n"
    expected = SCALARS[scalar]
    for round_trip in (True, False):
        doc = loader.parse(text, NAME, round_trip=round_trip)
        assert doc.fast is not round_trip
        for value in (doc.data["value"], doc.data["list"][0]):
            if expected == "nan" and scalar == ".nan":
                assert isinstance(value, float) and math.isnan(value)
            else:
                assert type(value) is type(expected) and value == expected, (round_trip, value)
    assert compare(text) == "fast"


def test_a_timestamp_with_a_time_falls_back_and_reads_the_same():
    text = "at: 2025-01-01T10:00:00\n"
    assert compare(text) == "fallback: timestamp"
    assert loader.parse(text, NAME, round_trip=False).data == {"at": dt.datetime(2025, 1, 1, 10, 0, 0)}


@pytest.mark.parametrize("text, reason", [
    ("a:\tb\n", "character U+0009"),
    ("%YAML 1.2\n---\na: b\n", "directive"),
    ("a: &x b\nc: *x\n", "anchor or tag"),
    ("a: !!str 1\n", "anchor or tag"),
    ("a: 1\na: 2\n", "duplicate key"),
    ("1: a\n", "key is not text"),
    ("[a]: b\n", "key is not text"),
    ("a: b\n---\nc: d\n", "more than one document"),
    ("just text\n", "top level is not a collection"),
    ("", "no document"),
    ("a: [b\n", "libyaml"),
    ('a: "b"#c\n', "glued indicator"),
    ("a: [-]\n", "indicator in [ ] or { }"),
    ("a: {b: }\n", "empty value in [ ] or { }"),
    ("? a\n", "empty value"),
    ("a: [b,\nc]\n", "under-indented line"),
    ('a: "b\nc"\n', "under-indented line"),
    ("a: >\n  \n b\n", "block scalar indentation"),
    ("a: 'b'\r", "line break CR"),
    ("a: 2025-02-30\n", "bad date"),
    ("a: 0x_\n", "bad number"),
])
def test_unusual_input_goes_the_round_trip_way(text, reason):
    result = compare(text)
    assert result == "refused" or result.startswith(f"fallback: {reason}"), result
    doc = _outcome(text, False)
    if isinstance(doc, loader.Document):
        assert doc.fallback.startswith(reason)


def test_without_libyaml_the_round_trip_loader_reads(monkeypatch):
    monkeypatch.setattr(fast_yaml, "available", lambda: False)
    doc = loader.parse("a: b\n", NAME, round_trip=False)
    assert not doc.fast and doc.fallback == "PyYAML without libyaml" and doc.data == {"a": "b"}


def test_fast_flag_off_and_round_trip_default():
    assert not loader.parse("a: b\n", NAME).fast  # fmt and migrate: the ruamel tree
    assert loader.parse("a: b\n", NAME, round_trip=False).fast


def test_an_empty_value_is_right_after_its_colon():
    text = "a:\nb: x\nc:\n  - \n  - y\n"
    doc = loader.parse(text, NAME, round_trip=False)
    assert doc.fast
    assert locate(doc.tree, ("a",), at_value=True) == (1, 3)
    assert locate(doc.tree, ("c", 0), at_value=True) == (4, 4)
    assert compare(text) == "fast"


# --- (d) the examples --------------------------------------------------------------------------------

@pytest.mark.parametrize("example", [p.name for p in EXAMPLES])
def test_every_example_reads_the_fast_way_with_the_same_data_and_positions(example):
    assert compare(TEXTS[example].decode("utf-8")) == "fast"


@pytest.mark.parametrize("example", [p.name for p in EXAMPLES])
def test_every_example_validates_byte_identically(example, monkeypatch):
    path = ROOT / "examples" / example
    for extra in ((), ("--format", "json"), ("--format", "sarif")):
        assert _validate(path, False, monkeypatch, *extra) == _validate(path, True, monkeypatch, *extra)


@pytest.mark.parametrize("example", [p.name for p in EXAMPLES])
def test_every_example_renders_byte_identically(example, monkeypatch, tmp_path):
    path = ROOT / "examples" / example
    for fmt in ("html", "md"):
        outputs = []
        for fast in (False, True):
            monkeypatch.setattr(loader, "FAST", fast)
            out = tmp_path / f"{fast}.{fmt}"
            result = _runner.invoke(app, ["render", str(path), "-f", fmt, "-o", str(out)],
                                    env={"KOTOCHECK_TODAY": TODAY, "NO_COLOR": "1"})
            assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
            outputs.append((result.exit_code, result.output, out.read_bytes() if out.exists() else None))
        assert outputs[0] == outputs[1], fmt


# --- (c) the yaml-test-suite -------------------------------------------------------------------------

@pytest.mark.skipif(not SUITE_CASES, reason=f"the yaml-test-suite is not in {SUITE}")
def test_every_suite_stream_gets_the_same_verdict_on_both_paths():
    outcomes: dict[str, int] = {}
    for case in SUITE_CASES:
        try:
            result = compare(case.read_text(encoding="utf-8"))
        except AssertionError as exc:
            raise AssertionError(f"{case.parent.name}/{case.name}: {exc}") from None
        kind = result.split(":")[0]
        outcomes[kind] = outcomes.get(kind, 0) + 1
    assert outcomes.get("fast", 0) >= 80, outcomes


# --- (a) random and mutated documents ----------------------------------------------------------------

def _example_names():
    return st.sampled_from([p.name for p in EXAMPLES])


MUTATED = _example_names().flatmap(lambda name: st.one_of(
    mutated_data(name).map(lambda d: (name, dump(d))),
    mutated_text(name).map(lambda t: (name, t))))


def _decoded(raw: bytes) -> str | None:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return text[1:] if text.startswith("\ufeff") else text


@settings(max_examples=300, **DEFAULT)
@given(DOC_TEXT)
def test_random_text_reads_the_same_on_both_paths(text):
    compare(text)


@settings(max_examples=15, **DEFAULT)
@given(MUTATED)
def test_mutated_examples_read_the_same_on_both_paths(case):
    text = _decoded(case[1])
    if text is not None:
        compare(text)


@settings(max_examples=5, **DEFAULT)
@given(MUTATED)
def test_mutated_examples_give_the_same_findings(tmp_path_factory, case):
    _same_findings_in_a_folder(tmp_path_factory, case)


def _same_findings_in_a_folder(tmp_path_factory, case) -> None:
    name, raw = case
    folder = tmp_path_factory.mktemp("case")
    with pytest.MonkeyPatch.context() as monkeypatch:
        same_findings(raw, folder, monkeypatch, name)


@pytest.mark.long
@settings(max_examples=_long(3000), **LONG)
@given(st.one_of(DOC_TEXT, MUTATED.map(lambda case: _decoded(case[1]) or "")))
def test_long_random_and_mutated_documents_read_the_same(text):
    compare(text)


@pytest.mark.long
@settings(max_examples=_long(300), **LONG)
@given(MUTATED)
def test_long_mutated_examples_give_the_same_findings(tmp_path_factory, case):
    _same_findings_in_a_folder(tmp_path_factory, case)
