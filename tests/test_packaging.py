"""A plain (non-editable) install carries the checklists and catalogues."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import ROOT


def test_the_wheel_contains_the_data_files(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True)
    wheel = next(tmp_path.glob("kotocheck-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for data in ["kotocheck/checklists/kotouttamisohjelma-1386-2010.yaml", "kotocheck/checklists/kotoutuminen-681-2023.yaml",
                 "kotocheck/checklists/kotoutumisohjelma-681-2023.yaml", "kotocheck/checklists/seuranta-1.yaml",
                 "kotocheck/catalogues/vocabulary.yaml", "kotocheck/catalogues/indicators.yaml",
                 "kotocheck/catalogues/data_sources.yaml", "kotocheck/templates/labels.yaml",
                 "kotocheck/templates/md/programme.md", "kotocheck/templates/md/report.md",
                 "kotocheck/templates/html/base.html", "kotocheck/templates/html/style.css"]:
        assert data in names
    assert not [n for n in names if "__pycache__" in n or n.startswith("tests/")]


def test_the_console_script_and_module_entry_points(tmp_path):
    exe = Path(sys.executable).parent / "kotocheck"  # the script pip installed beside this Python
    module = subprocess.run([sys.executable, "-m", "kotocheck", "--version"], capture_output=True, text=True)
    assert module.returncode == 0 and module.stdout.startswith("kotocheck ")
    script = subprocess.run([str(exe), "--version"], capture_output=True, text=True)
    assert script.returncode == 0 and script.stdout == module.stdout


def test_the_suite_runs_the_code_in_src():
    """Guard: the tests exercise src/ (an editable install), never a stale installed copy."""
    import kotocheck
    from kotocheck.datafiles import folder

    assert Path(kotocheck.__file__).resolve().is_relative_to(ROOT / "src")
    assert folder("checklists") == ROOT / "checklists"  # the data read is the repository's too
