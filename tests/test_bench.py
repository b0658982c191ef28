"""The benchmark's data and command work (bench/). No timing here: that is what bench/run is for."""

from __future__ import annotations

import datetime as dt
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from kotocheck.engine import Options, check_file

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"


@pytest.fixture(scope="module")
def generate():
    spec = importlib.util.spec_from_file_location("bench_generate", BENCH / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _read_errors(path: Path) -> list[str]:
    """Findings that mean the file itself is broken: unreadable, YAML, schema or document errors."""
    result = check_file(path, Options(today=dt.date(2026, 11, 23)))
    bad = [f"{f.rule} {f.line}:{f.column} {f.message['en']}" for f in result.findings
           if f.rule.split(".")[0] in ("input", "yaml", "schema", "doc")]
    return (["unreadable"] if result.unreadable else []) + bad


def test_corpus_files_are_valid_varied_and_deterministic(generate, tmp_path):
    first = generate.corpus(tmp_path / "a", files=6)
    again = generate.corpus(tmp_path / "b", files=6)
    assert [p.name for p in first] == [f"p00{i}.yaml" for i in range(6)]
    for path in first:
        assert _read_errors(path) == [], path
    texts = [p.read_text(encoding="utf-8") for p in first]
    assert len(set(texts)) == 6  # every file differs
    assert texts == [p.read_text(encoding="utf-8") for p in again]  # the same seed, the same bytes


def test_corpus_files_are_found_as_documents(generate, tmp_path):
    from kotocheck import discovery

    files = generate.corpus(tmp_path, files=3)
    assert discovery.find([tmp_path]) == files


def test_big_programme_has_the_measures_asked_for(generate, tmp_path):
    from ruamel.yaml import YAML

    path = generate.big(tmp_path / "big.yaml", 57)
    data = YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
    ids = [m["id"] for g in data["goals"] for m in g["measures"]]
    assert len(ids) == 57 and len(set(ids)) == 57
    assert _read_errors(path) == []


def test_generated_files_pass_the_exported_schema(generate, tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    from ruamel.yaml import YAML

    from kotocheck.schema import generate as schema_of

    validator = jsonschema.Draft7Validator(schema_of("programme"))
    for path in [*generate.corpus(tmp_path, files=3), generate.big(tmp_path / "big.yaml", 20)]:
        data = YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
        data = _dates_as_text(data)  # as check-jsonschema sees them
        assert [e.message for e in validator.iter_errors(data)] == [], path


def _dates_as_text(value):
    if isinstance(value, dict):
        return {k: _dates_as_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_dates_as_text(v) for v in value]
    return value.isoformat() if isinstance(value, dt.date) else value


def test_bench_help_and_dry_run(tmp_path):
    run = [sys.executable, str(BENCH / "bench.py")]
    shown = subprocess.run(run + ["--help"], capture_output=True, text=True, check=True)
    assert "--dry-run" in shown.stdout
    keep = tmp_path / "data"
    dry = subprocess.run(run + ["--dry-run", "--files", "4", "--measures", "10,20", "--keep", str(keep)],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    assert "dry run" in dry.stdout
    for name in ("yamllint", "check-jsonschema", "validate 20", "render 10"):
        assert name in dry.stdout
    assert len(list((keep / "corpus").glob("*.yaml"))) == 4
    assert (keep / "big" / "measures-20.yaml").is_file()


def test_bench_run_wrapper_shows_help_without_installing():
    shown = subprocess.run([str(BENCH / "run"), "--help"], capture_output=True, text=True, check=True)
    assert "--measures" in shown.stdout
