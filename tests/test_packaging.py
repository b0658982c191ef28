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


HOME = "https://github.com/kotocheck/kotocheck"


def _metadata(tmp_path) -> str:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True)
    wheel = zipfile.ZipFile(next(tmp_path.glob("kotocheck-*.whl")))
    name = next(n for n in wheel.namelist() if n.endswith(".dist-info/METADATA"))
    licence = next(n for n in wheel.namelist() if n.endswith("licenses/LICENSE"))
    assert wheel.read(licence).decode().startswith("MIT License")
    return wheel.read(name).decode()


def test_the_package_declares_its_licence_home_and_topic(tmp_path):
    headers = _metadata(tmp_path).split("\n\n", 1)[0].splitlines()
    assert "License-Expression: MIT" in headers
    assert "License-File: LICENSE" in headers
    assert (ROOT / "LICENSE").read_text().startswith("MIT License")
    urls = {line.split(": ", 1)[1].split(", ", 1)[0] for line in headers if line.startswith("Project-URL: ")}
    assert {"Homepage", "Documentation", "Source", "Issues"} <= urls
    assert "Programming Language :: Python :: 3.11" in [line.split(": ", 1)[1] for line in headers
                                                        if line.startswith("Classifier: ")]
    keywords = next(line for line in headers if line.startswith("Keywords: "))
    assert "kotouttamisohjelma" in keywords


def test_readme_links_work_on_a_package_index():
    """PyPI shows the README without the repository: a relative link there leads nowhere. Every
    link is absolute, and each one into this project names a file that exists."""
    import re

    links = re.findall(r"\]\(([^)\s]+)\)", (ROOT / "README.md").read_text(encoding="utf-8"))
    assert links
    for link in links:
        assert link.startswith(("https://", "http://", "#")), link
        for prefix in (f"{HOME}/blob/main/", f"{HOME}/tree/main/"):
            if link.startswith(prefix):
                assert (ROOT / link[len(prefix):].split("#")[0]).exists(), link
