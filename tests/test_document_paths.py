"""Issue 10, items 6 and 10: a path named inside a document (a follow-up's `programme`, a
programme's `services.file`) is followed only to a regular file inside the repository, read with
the loader's size limit; a name that is no path at all, or a file to check that is a symlink to
itself, is a located finding or one line, never a traceback. Expected lines and columns were
counted by hand from the example files: `programme:` is on line 13 of the follow-up (value at
column 12), `  file:` on line 718 of the programme (value at column 9)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from conftest import EXAMPLES

PROGRAMME = EXAMPLES / "esimerkkila-2025-2028.yaml"
SERVICES = EXAMPLES / "esimerkkila-kotoutumisohjelma-2025.yaml"
FOLLOWUP = EXAMPLES / "esimerkkila-seuranta-2025.yaml"
GOAL_TITLE = "Maahan muuttaneiden työllisyys ja yrittäjyys vahvistuvat"  # G1, only in the programme


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A repository (it has .git) with the programme, its services file and a follow-up beside
    each other, as the examples are; the current folder is its root."""
    root = tmp_path / "repo"
    root.mkdir()
    (root / ".git").mkdir()
    for source in (PROGRAMME, SERVICES, FOLLOWUP):
        shutil.copy(source, root / source.name)
    monkeypatch.chdir(root)
    return root


def name_programme(root, value: str) -> None:
    """Set the follow-up's `programme:` (line 13) to `value`, written as YAML text."""
    path = root / FOLLOWUP.name
    text = path.read_text(encoding="utf-8")
    assert "\nprogramme: esimerkkila-2025-2028.yaml\n" in text
    path.write_text(text.replace("\nprogramme: esimerkkila-2025-2028.yaml\n", f"\nprogramme: {value}\n"),
                    encoding="utf-8")


def name_services(root, value: str) -> None:
    """Set the programme's `services.file` (line 718) to `value`, written as YAML text."""
    path = root / PROGRAMME.name
    text = path.read_text(encoding="utf-8")
    assert "\n  file: esimerkkila-kotoutumisohjelma-2025.yaml\n" in text
    path.write_text(text.replace("\n  file: esimerkkila-kotoutumisohjelma-2025.yaml\n", f"\n  file: {value}\n"),
                    encoding="utf-8")


def findings(cli, name: str, rule: str) -> list[dict]:
    data = json.loads(cli("validate", name, "--format", "json", "--lang", "en").output)
    return [f for f in data["findings"] if f["rule"] == rule]


# --- item 10: no traceback -----------------------------------------------------------------------


def test_a_nul_byte_in_the_programme_is_a_finding_at_the_value(cli, repo):
    name_programme(repo, '"esimerkkila\\0.yaml"')
    result = cli("validate", FOLLOWUP.name, "--lang", "en")
    assert result.exit_code == 1
    assert (f"{FOLLOWUP.name}:13:12  error  S1.1  Goals exist in the programme: the programme cannot be read: "
            "the path holds a NUL character, so it names no file") in result.output


def test_a_services_file_name_over_255_characters_is_a_finding_at_the_value(cli, repo):
    name_services(repo, "a" * 300 + ".yaml")
    [finding] = findings(cli, PROGRAMME.name, "45.9")
    assert (finding["line"], finding["column"]) == (718, 9)
    assert "a name in the path is too long (over 255 bytes)" in finding["message"]


def test_validate_on_a_symlink_to_itself_is_one_located_line(cli, repo):
    (repo / "silmukka.yaml").symlink_to("silmukka.yaml")
    result = cli("validate", "silmukka.yaml")
    assert result.exit_code == 2
    assert result.output.splitlines()[0].startswith("silmukka.yaml:1:1  virhe  input.unreadable  ")


def test_a_folder_holding_a_symlink_loop_is_searched_without_it(cli, repo):
    (repo / "silmukka.yaml").symlink_to("silmukka.yaml")
    result = cli("validate", ".", "--list-files")
    assert result.exit_code == 0 and "silmukka" not in result.output


# --- item 6: inside the repository, a regular file ------------------------------------------------


def test_a_programme_outside_the_repository_is_not_read(cli, repo):
    outside = repo.parent / "muualla"
    outside.mkdir()
    shutil.copy(PROGRAMME, outside / PROGRAMME.name)  # a good programme: only where it is is wrong
    name_programme(repo, f"../muualla/{PROGRAMME.name}")
    [finding] = findings(cli, FOLLOWUP.name, "S1.1")
    assert (finding["line"], finding["column"]) == (13, 12)
    assert f"the path leads outside the repository {repo}, so it is not read" in finding["message"]


def test_an_absolute_device_path_is_not_read(cli, repo):
    name_programme(repo, "/dev/zero")
    [finding] = findings(cli, FOLLOWUP.name, "S1.1")
    assert (finding["line"], finding["column"]) == (13, 12)
    assert "outside the repository" in finding["message"]


def test_a_symlink_inside_the_repository_to_a_file_outside_is_not_followed(cli, repo):
    outside = repo.parent / "muualla.yaml"
    shutil.copy(PROGRAMME, outside)
    (repo / "linkki.yaml").symlink_to(outside)
    name_programme(repo, "linkki.yaml")
    [finding] = findings(cli, FOLLOWUP.name, "S1.1")
    assert "outside the repository" in finding["message"]


def test_a_fifo_named_as_the_programme_is_not_opened(repo):
    # Opening a FIFO blocks until someone writes to it: run apart, with a time limit.
    os.mkfifo(repo / "putki.yaml")
    name_programme(repo, "putki.yaml")
    result = subprocess.run([sys.executable, "-m", "kotocheck", "validate", FOLLOWUP.name, "--lang", "en", "-f", "text"],
                            cwd=repo, capture_output=True, text=True, timeout=60,
                            env={**os.environ, "KOTOCHECK_TODAY": "2026-11-23"})
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert (f"{FOLLOWUP.name}:13:12  error  S1.1  Goals exist in the programme: the programme cannot be read: "
            "the path is not a regular file (a device, pipe or socket), so it is not read (putki.yaml)") in result.stdout


def test_a_folder_named_as_the_programme(cli, repo):
    (repo / "kansio").mkdir()
    name_programme(repo, "kansio")
    [finding] = findings(cli, FOLLOWUP.name, "S1.1")
    assert "the path is a folder, not a file (kansio)" in finding["message"]


def test_a_services_file_outside_the_repository_is_a_finding(cli, repo):
    shutil.copy(SERVICES, repo.parent / SERVICES.name)  # it exists, but outside
    name_services(repo, f"../{SERVICES.name}")
    [finding] = findings(cli, PROGRAMME.name, "45.9")
    assert (finding["line"], finding["column"]) == (718, 9)
    assert finding["message"].endswith(f"the file '../{SERVICES.name}' cannot be referred to: the path leads "
                                       f"outside the repository {repo}, so it is not read")


def test_render_does_not_read_a_programme_outside_the_repository(cli, repo):
    assert GOAL_TITLE in cli("render", FOLLOWUP.name, "--format", "md").output  # beside it: read
    outside = repo.parent / "muualla"
    outside.mkdir()
    shutil.copy(PROGRAMME, outside / PROGRAMME.name)
    name_programme(repo, f"../muualla/{PROGRAMME.name}")
    assert GOAL_TITLE not in cli("render", FOLLOWUP.name, "--format", "md").output


def test_references_within_the_repository_still_resolve(cli, repo):
    (repo / "ohjelma").mkdir()
    (repo / "seuranta").mkdir()
    shutil.move(repo / PROGRAMME.name, repo / "ohjelma" / PROGRAMME.name)
    shutil.move(repo / SERVICES.name, repo / "ohjelma" / SERVICES.name)
    shutil.move(repo / FOLLOWUP.name, repo / "seuranta" / FOLLOWUP.name)
    name_programme(repo / "seuranta", f"../ohjelma/{PROGRAMME.name}")
    result = cli("validate", "ohjelma", "seuranta", "--fail-on", "info")
    assert result.exit_code == 0, result.output


def test_without_a_repository_the_current_folder_bounds_the_references(cli, tmp_path, monkeypatch):
    # No .git and no pyproject.toml anywhere above: the folder kotocheck runs in is the repository.
    for folder, source in (("ohjelma", PROGRAMME), ("ohjelma", SERVICES), ("seuranta", FOLLOWUP)):
        (tmp_path / folder).mkdir(exist_ok=True)
        shutil.copy(source, tmp_path / folder / source.name)
    name_programme(tmp_path / "seuranta", f"../ohjelma/{PROGRAMME.name}")
    monkeypatch.chdir(tmp_path)
    assert findings(cli, f"seuranta/{FOLLOWUP.name}", "S1.1") == []
    monkeypatch.chdir(tmp_path / "seuranta")  # now the programme is above the current folder
    [finding] = findings(cli, FOLLOWUP.name, "S1.1")
    assert "outside the repository" in finding["message"]
