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


def test_dry_run_lists_fmt_and_migrate_of_the_big_files(tmp_path):
    keep = tmp_path / "data"
    dry = subprocess.run([sys.executable, str(BENCH / "bench.py"), "--dry-run", "--files", "2", "--measures", "10,20",
                          "--edit-measures", "15", "--keep", str(keep)],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    lines = {line.split()[0]: line for line in dry.stdout.splitlines() if line.startswith("  ")}
    # -o: the input stays as generated, so every run does the same work
    assert f"fmt {keep / 'big' / 'fmt-15.yaml'} -o {keep / 'fmt-out.yaml'}" in lines["fmt"]
    assert f"migrate {keep / 'big' / 'old-law-15.yaml'} -o {keep / 'migrate-out.yaml'} --force" in lines["migrate"]
    assert "hyperfine" in dry.stdout or "own loop" in dry.stdout


def test_old_law_big_programme_is_valid_and_names_the_old_checklist(generate, tmp_path):
    from ruamel.yaml import YAML

    path = generate.big(tmp_path / "old.yaml", 23, old_law=True)
    data = YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
    assert data["checklist"] == "kotouttamisohjelma-1386-2010"
    assert sum(len(g["measures"]) for g in data["goals"]) == 23
    assert _read_errors(path) == []
    assert generate.big_text(23) != generate.big_text(23, old_law=True)


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_bench", BENCH / "bench.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while being built
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.modules.pop(spec.name, None)


def _figures(bench, **cpu):
    """Timings with the given CPU seconds per command (wall twice the CPU), as bench/run names them."""
    names = {"cold": "kotocheck validate", "yamllint": "yamllint", "corpus": "kotocheck validate DIR",
             "cjs": "check-jsonschema", "v1k": "validate 1000", "v10k": "validate 10000", "r1k": "render 1000",
             "r10k": "render 10000", "fmt": "fmt", "migrate": "migrate"}
    out = {}
    for key, seconds in cpu.items():
        runs = seconds if isinstance(seconds, list) else [seconds]
        out[names[key]] = bench.Timing(names[key], wall=[2 * s for s in runs], cpu=runs)
    return out


def test_verdicts_are_on_cpu_medians_with_target_and_must(bench):
    figures = _figures(bench, cold=[0.29, 0.30, 0.90], yamllint=0.16, corpus=2.0, cjs=4.0, v1k=0.1, v10k=0.9,
                       r1k=0.2, r10k=2.6, fmt=12.0, migrate=9.5)
    figures["validate 10000"].rss_kib = 100 * 1024
    verdicts = bench.judge(figures, files=300, small=1000, big=10000, edit_mb=3.04)
    got = {v.name: (round(v.measured, 3), v.met, v.must_met) for v in verdicts}
    assert got == {
        "1 cold validate, kotocheck/yamllint": (1.875, False, True),  # median 0.30 / 0.16: misses 1.5, meets 2.0
        "2 300 files, kotocheck/check-jsonschema": (0.5, True, None),  # on the target is met
        "3 validate 10k measures": (0.9, True, None),
        "3 validate 10k/1k, linear": (9.0, True, None),
        "3 render 10k measures": (2.6, False, None),
        "3 render 10k/1k, linear": (13.0, False, None),
        "3 validate 10k peak RSS": (100.0, True, None),
        "4 fmt 3.0 MB": (12.0, False, None),
        "4 migrate 3.0 MB (old law)": (9.5, True, None),
    }
    lines = bench.verdict_lines(verdicts)
    assert lines[0] == bench.VERDICT_HEADER
    assert lines[2] == ("1 cold validate, kotocheck/yamllint            1.88x   <= 1.50x  MISS    <= 2.00x  PASS  "
                        "  wall 1.88x (0.600 s / 0.320 s)")
    assert lines[3] == ("2 300 files, kotocheck/check-jsonschema        0.50x   <= 0.50x  PASS           -        "
                        "  wall 0.50x (4.000 s / 8.000 s)")
    assert lines[4] == ("3 validate 10k measures                       0.90 s  <= 1.00 s  PASS           -        "
                        "  wall 1.80 s")
    assert lines[8] == "3 validate 10k peak RSS                      100 MiB <= 128 MiB  PASS           -"
    assert lines[-1] == "5/9 targets met; 1/1 musts met"


def test_cold_start_past_the_must_and_a_partial_set(bench):
    verdicts = bench.judge(_figures(bench, cold=0.40, yamllint=0.16), files=300, small=1000, big=10000)
    assert [(v.name, round(v.measured, 2), v.met, v.must_met) for v in verdicts] == [
        ("1 cold validate, kotocheck/yamllint", 2.5, False, False)]
    assert "MISS    <= 2.00x  MISS" in bench.verdict_lines(verdicts)[2]
    assert bench.verdict_lines(verdicts)[-1] == "0/1 targets met; 0/1 musts met"


def test_bench_run_wrapper_shows_help_without_installing():
    shown = subprocess.run([str(BENCH / "run"), "--help"], capture_output=True, text=True, check=True)
    assert "--measures" in shown.stdout
