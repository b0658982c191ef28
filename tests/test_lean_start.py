"""The lean start of `validate` (fast_cli): what it imports, that it says exactly what the typer
path says, that its options cannot drift from typer's, that a reader going away ends it cleanly,
and that the shipped data read without validation is what validation gives. No timings here."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from conftest import EXAMPLES, ROOT, TODAY
from kotocheck import checklist, config, fast_cli
from kotocheck.cli import app
from kotocheck.kinds import KINDS

FAST_LOADER = importlib.util.find_spec("kotocheck.fast_yaml") is not None
FORMATS = ("text", "json", "github", "gitlab", "sarif", "junit")
KEMIJARVI = "examples/kemijarvi-2023-2025.yaml"


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "NO_COLOR", "KOTOCHECK_TYPER", "KOTOCHECK_DEBUG")}
    return {**env, "KOTOCHECK_TODAY": TODAY, **extra}


def _run(args: list[str], cwd: Path, typer_path: bool, stdout=subprocess.PIPE, **env: str):
    extra = {"KOTOCHECK_TYPER": "1"} if typer_path else {}
    return subprocess.run([sys.executable, "-m", "kotocheck", *args], cwd=cwd, stdout=stdout,
                          stderr=subprocess.PIPE, env=_env(**extra, **env), timeout=120)


# --- what the lean path imports ----------------------------------------------------------------

SPY = """
import json, os, sys
real_exit = os._exit

def spy(code):  # the lean path ends with os._exit: look at the process just before
    from kotocheck import checklist, config
    from kotocheck.checks import KINDS
    from kotocheck.models import MODELS
    models = {"Checklist": checklist.Checklist, "Item": checklist.Item, "Catalogue": checklist.Catalogue,
              "Vocabulary": checklist.Vocabulary, "Settings": config.Settings, "Programme": MODELS["programme"]}
    for kind in ("services", "followup"):  # defined when something lists every kind's fields
        if "kotocheck.models." + kind in sys.modules:
            models[kind] = MODELS[kind]
    built = {name: bool(cls.__pydantic_complete__) for name, cls in models.items()}
    with open(report, "w") as out:
        json.dump({"modules": sorted(sys.modules), "built": built, "code": code}, out)
    real_exit(code)

os._exit = spy
report = sys.argv[1]
sys.argv = ["kotocheck", *sys.argv[2:]]
from kotocheck.__main__ import run
run()
"""


@pytest.fixture(scope="module")
def lean_run(tmp_path_factory):
    report = tmp_path_factory.mktemp("spy") / "report.json"
    result = subprocess.run([sys.executable, "-c", SPY, str(report), "validate", KEMIJARVI], cwd=ROOT,
                            capture_output=True, env=_env(), timeout=120)
    assert result.returncode == 1, result.stderr  # Kemijärvi has findings that fail the run
    return json.loads(report.read_text())


@pytest.mark.parametrize("package", ["typer", "click", "rich", "jinja2", "kotocheck.cli", "kotocheck.render",
                                     "kotocheck.yaml_reader", "kotocheck.yaml_messages", "importlib.metadata",
                                     "importlib.resources", "difflib", "unicodedata"])
def test_validate_does_not_import(lean_run, package):
    assert not [m for m in lean_run["modules"] if m == package or m.startswith(package + ".")]


def test_a_user_who_wants_pydantic_plugins_gets_them_looked_up(tmp_path):
    """The stand-in for pydantic's plugin loader is only for plugins disabled (our default)."""
    report = tmp_path / "report.json"
    result = subprocess.run([sys.executable, "-c", SPY, str(report), "validate", KEMIJARVI], cwd=ROOT,
                            capture_output=True, env=_env(PYDANTIC_DISABLE_PLUGINS=""), timeout=120)
    assert result.returncode == 1, result.stderr
    assert "importlib.metadata" in json.loads(report.read_text())["modules"]


def test_the_plugin_loader_stand_in_gives_anything_else_from_the_real_module():
    code = ("import os, sys; os.environ['PYDANTIC_DISABLE_PLUGINS'] = '__all__'\n"
            "from kotocheck import __main__ as entry; entry._no_plugin_lookup()\n"
            "import importlib; loader = importlib.import_module('pydantic.plugin._loader')\n"
            "assert list(loader.get_plugins()) == [] and 'importlib.metadata' not in sys.modules\n"
            "print(loader.PYDANTIC_ENTRY_POINT_GROUP, 'importlib.metadata' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_env(), timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["pydantic", "True"]


def test_validate_builds_the_model_of_the_documents_kind_only(lean_run):
    """Built: its validator made. (choices.fields, for deprecated values, still defines the classes
    of every kind; with defer_build that costs their definition, not their validators.)"""
    assert lean_run["built"]["Programme"]  # the document's schema check is the product
    assert not lean_run["built"].get("services") and not lean_run["built"].get("followup")


def test_validate_builds_no_model_for_the_shipped_data_or_default_settings(lean_run):
    assert not any(built for name, built in lean_run["built"].items()
                   if name not in ("Programme", "services", "followup")), lean_run["built"]


@pytest.mark.xfail(not FAST_LOADER, reason="the fast document loader (fast_yaml) has not landed yet", strict=False)
def test_validate_does_not_import_ruamel(lean_run):
    assert not [m for m in lean_run["modules"] if m.startswith("ruamel")]


def test_without_os_exit_the_entry_is_not_lean_in_library_use():
    """The GC setting and the fast exit belong to the command line only."""
    import gc

    assert gc.get_threshold()[0] < 50_000
    assert checklist.TRUST_BUNDLED is False


# --- the same bytes on both paths --------------------------------------------------------------

BROKEN = {
    "syntax.yaml": "kind: programme\ntitle: [a, b\n",
    "unknown-key.yaml": ("kind: programme\nformat_version: 1\nchecklist: kotoutuminen-681-2023\ntitle: T\n"
                         "identification:\n  municipality: X\n  approvl: {}\n"),
    "wrong-type.yaml": "kind: programme\nformat_version: 1\ntitle: T\nidentification:\n  municipality: 320\n",
    "duplicate-key.yaml": "kind: programme\ntitle: A\ntitle: B\n",
    "not-mapping.yaml": "- a\n- b\n",
    "no-kind.yaml": "title: T\n",
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """The examples and some broken files, with a settings file that waives and overrides."""
    root = tmp_path_factory.mktemp("lean")
    (root / ".git").mkdir()  # the settings search stops here
    for path in EXAMPLES.glob("*.yaml"):
        shutil.copy(path, root / path.name)
    broken = root / "rikki"
    broken.mkdir()
    for name, text in BROKEN.items():
        (broken / name).write_text(text, encoding="utf-8")
    shutil.copytree(EXAMPLES / "municipality-repo", root / "kunta")
    (root / "kunta" / ".git").mkdir()
    bad = root / "huono"
    bad.mkdir()
    (bad / ".git").mkdir()
    (bad / "kotocheck.toml").write_text('fail_on = "never"\n', encoding="utf-8")
    shutil.copy(EXAMPLES / "kemijarvi-2023-2025.yaml", bad / "ohjelma.yaml")
    return root


EXAMPLE_FILES = sorted(p.name for p in EXAMPLES.glob("*.yaml"))
CASES = {
    **{f"examples-{fmt}": (".", ["validate", "-f", fmt, *EXAMPLE_FILES, "rikki"]) for fmt in FORMATS},
    **{f"broken-{name}": (".", ["validate", f"rikki/{name}"]) for name in BROKEN},
    "missing-file": (".", ["validate", "ei-ole.yaml", "--format", "json"]),
    "english-warning-exit-zero": (".", ["validate", "--lang", "en", "--fail-on", "warning", "--exit-zero",
                                        "kemijarvi-2023-2025.yaml"]),
    "equals-spelling": (".", ["validate", "--format=sarif", "--fail-on=info", "luonnos-2026.yaml"]),
    "list-files": (".", ["validate", "--list-files", "."]),
    "settings-paths": ("kunta", ["validate"]),
    "settings-no-waivers": ("kunta", ["validate", "--no-waivers", "-f", "json"]),
    "settings-file-given": ("kunta", ["validate", "kotocheck.toml", "--with-referrers"]),
    "broken-settings": ("huono", ["validate", "ohjelma.yaml"]),
    "no-files": ("rikki", ["validate", "--list-files", "ei-ole-kansio/"]),
    "today-option": (".", ["validate", "--today", "2030-01-01", "kemijarvi-2023-2025.yaml"]),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_lean_path_says_exactly_what_the_typer_path_says(folder, case):
    where, args = CASES[case]
    assert fast_cli.parse(args) is not None, "this case is meant for the lean path"
    fast, slow = (_run(args, folder / where, typer_path) for typer_path in (False, True))
    assert (fast.returncode, fast.stdout, fast.stderr) == (slow.returncode, slow.stdout, slow.stderr)
    assert b"Traceback" not in fast.stderr


def test_the_cli_fixture_agrees_with_the_lean_path(cli, folder, monkeypatch):
    """The in-process typer app validates the shipped data; the lean path takes it as it is."""
    monkeypatch.chdir(folder)
    for fmt in ("text", "json"):
        args = ["validate", "-f", fmt, *EXAMPLE_FILES]
        fast = _run(args, folder, typer_path=False)
        result = cli(*args)
        assert (fast.returncode, fast.stdout.decode()) == (result.exit_code, result.stdout)


def test_the_step_summary_is_written_on_the_lean_path(folder, tmp_path):
    outputs = []
    for typer_path in (False, True):
        summary = tmp_path / f"summary-{typer_path}.md"
        result = _run(["validate", "-f", "github", "kemijarvi-2023-2025.yaml"], folder, typer_path,
                      GITHUB_STEP_SUMMARY=str(summary))
        outputs.append((result.returncode, result.stdout, result.stderr, summary.read_bytes()))
    assert outputs[0] == outputs[1] and outputs[0][3]


def test_a_bug_of_ours_on_the_lean_path_is_one_line(tmp_path):
    crash = ("import sys\nfrom kotocheck import engine\n"
             "def broken(*a, **k):\n    raise RuntimeError('simulated bug')\n"
             "engine.check_file = broken\nsys.argv = ['kotocheck', 'validate', 'x.yaml']\n"
             "from kotocheck.__main__ import run\nrun()\n")
    (tmp_path / "x.yaml").write_text("kind: programme\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", crash], cwd=tmp_path, capture_output=True, text=True,
                            env=_env(), timeout=120)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "sisäinen virhe (RuntimeError: simulated bug)" in result.stderr


# --- a reader that goes away ---------------------------------------------------------------------

@pytest.mark.parametrize("args", [["validate", *EXAMPLE_FILES], ["validate", "-f", "json", *EXAMPLE_FILES],
                                  ["validate", "--list-files", *EXAMPLE_FILES]])
def test_a_closed_pipe_ends_quietly_with_the_typer_paths_code(folder, args):
    codes = []
    for typer_path in (False, True):
        read, write = os.pipe()
        os.close(read)  # the reader is gone before anything is written: `| head -0`
        try:
            result = _run(args, folder, typer_path, stdout=write)
        finally:
            os.close(write)
        assert result.stderr == b"", result.stderr  # no "Exception ignored", no traceback
        codes.append(result.returncode)
    assert codes[0] == codes[1] == 1


def test_head_reads_the_first_line(folder):
    shell = f"{sys.executable} -m kotocheck validate {' '.join(EXAMPLE_FILES)} | head -1"
    result = subprocess.run(shell, shell=True, cwd=folder, capture_output=True, env=_env(), timeout=120)
    assert result.stdout.count(b"\n") == 1 and result.stderr == b""


# --- one set of options ---------------------------------------------------------------------------

def test_the_lean_parser_has_the_options_typer_declares():
    import enum
    import typing

    from kotocheck.cli import validating

    hints = typing.get_type_hints(validating.validate)
    command = typer.main.get_command(app).commands["validate"]
    declared = {}
    for param in command.params:
        if param.param_type_name == "argument":
            assert (param.name, param.nargs) == ("files", -1)
            continue
        kind = next((a for a in typing.get_args(hints[param.name]) if a is not type(None)), hints[param.name])
        if kind is bool:
            choices = (False, True)
            assert param.is_flag
        elif isinstance(kind, type) and issubclass(kind, enum.Enum):
            choices = tuple(member.value for member in kind)
        else:
            assert kind is str
            choices = None
        long = next(o for o in param.opts if o.startswith("--"))
        short = next((o for o in param.opts if not o.startswith("--")), None)
        assert not param.secondary_opts and not param.multiple and param.envvar is None
        declared[param.name] = (long, short, choices, param.default)
    lean = {param: (long, short, choices, False if choices == (False, True) else None)
            for long, short, param, choices in fast_cli.OPTIONS}
    assert lean == declared


@pytest.mark.parametrize("args", [
    [], ["--version"], ["report", "x.yaml"], ["validate", "--help"], ["validate", "-fjson", "x"],
    ["validate", "--format", "xml"], ["validate", "--format"], ["validate", "--lang", "sv"],
    ["validate", "--lang", "fi", "--lang", "en"], ["validate", "--exit-zero=1"], ["validate", "--", "x"],
    ["validate", "-"], ["validate", ""], ["validate", "--formt", "json"], ["validate", "--today", "31.12.2026"],
    ["validate", "--format", "-x"], ["validate", "-h"],
])
def test_what_the_lean_parser_leaves_to_typer(args):
    assert fast_cli.parse(args) is None


def test_the_lean_parser_reads_what_typer_reads():
    values = fast_cli.parse(["validate", "a.yaml", "-f", "json", "b", "--exit-zero", "--lang=en"])
    assert values == {"files": [Path("a.yaml"), Path("b")], "lang": "en", "format": "json", "fail_on": None,
                      "exit_zero": True, "no_waivers": False, "list_files": False, "with_referrers": False,
                      "today": None}


def test_usage_errors_stay_typers(folder):
    for args in (["validate", "--format", "xml", "x.yaml"], ["validate", "--help"],
                 ["validate", "--today", "eilen", "kemijarvi-2023-2025.yaml"]):
        result = _run(args, folder, typer_path=False)
        slow = _run(args, folder, typer_path=True)
        assert (result.returncode, result.stdout, result.stderr) == (slow.returncode, slow.stdout, slow.stderr)


# --- the shipped data without validation -------------------------------------------------------------

def _bundled_files() -> list[Path]:
    from kotocheck.datafiles import folder

    return sorted([*folder("checklists").glob("*.yaml"), *folder("catalogues").glob("*.yaml")])


def _same(a, b) -> bool:
    """Equal with the same types all the way down (1 == True and a date == its text are not)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return a == b


@pytest.mark.parametrize("path", _bundled_files(), ids=lambda p: p.name)
def test_the_shipped_files_are_read_fast_and_as_the_yaml_1_2_reader_does(path):
    from ruamel.yaml import YAML

    from kotocheck import fast_yaml

    assert checklist._bundled(path)
    text = path.read_text(encoding="utf-8")
    fast_yaml.read(text)  # no Fallback: every run reads the shipped data the fast way
    assert _same(checklist._read(path), YAML(typ="safe", pure=True).load(text))


@pytest.mark.parametrize("path", _bundled_files(), ids=lambda p: p.name)
def test_construct_gives_what_validation_gives(path):
    model = {"vocabulary": checklist.Vocabulary, "data_sources": checklist.Catalogue,
             "indicators": checklist.Catalogue}.get(path.stem, checklist.Checklist)
    data = checklist._read(path)
    built = checklist.construct(model, data)
    validated = model.model_validate(data)
    assert built == validated  # pydantic compares classes, fields and the fields set, recursively
    assert built.model_dump() == validated.model_dump()


def test_trusted_loading_is_only_for_shipped_files(tmp_path, monkeypatch):
    shipped = checklist.available()["seuranta-1"]
    own = tmp_path / "seuranta-1.yaml"
    own.write_text(shipped.read_text(encoding="utf-8").replace("format_version: 1", "format_version: 2", 1),
                   encoding="utf-8")
    monkeypatch.setattr(checklist, "TRUST_BUNDLED", True)
    with pytest.raises(checklist.DataError, match="format_version"):
        checklist.load_checklist.__wrapped__(own)  # a user's checklist is validated even so


def test_default_settings_are_the_validated_defaults():
    assert config.default_settings() == config.Settings()
    assert config.default_settings().model_dump() == config.Settings.model_validate({}).model_dump()


def test_models_are_one_per_kind():
    from kotocheck.models import MODELS

    assert tuple(MODELS) == KINDS and len(MODELS) == len(KINDS)
    assert all(MODELS[kind].model_fields["kind"] for kind in KINDS)
    assert ["x"] not in MODELS and {} not in MODELS and None not in MODELS


def test_the_reference_date_rule_is_the_typers(monkeypatch):
    from kotocheck.cli import reference_date

    monkeypatch.setenv("KOTOCHECK_TODAY", "2026-01-02")
    assert fast_cli._reference_date(None) == reference_date(None) == dt.date(2026, 1, 2)
    assert fast_cli._reference_date("2027-03-04") == reference_date("2027-03-04")
    with pytest.raises(typer.BadParameter):
        reference_date("eilen")
    assert fast_cli._reference_date("eilen") is None
