"""Issue 10, first part: what a document or a file name can do to the outputs and to the files
around it. Each test failed before its fix (run against 0d3392c)."""

from __future__ import annotations

import os
import stat
import time

import pytest

from conftest import EXAMPLES

MINIMAL = "kind: programme\nformat_version: 1\nchecklist: kotoutuminen-681-2023\ntitle: {title}\nidentification:\n  municipality: Koekylä\n"


# --- GitHub workflow commands: a file name is data, never a command -----------------------------

OURS = ("::group::", "::endgroup::", "::error file=", "::warning file=", "::notice file=")


@pytest.mark.parametrize("name", ["::error title=Forged::x.yaml", "::stop-commands::x.yaml", "##[error]x.yaml"])
def test_a_file_name_cannot_forge_or_silence_annotations(cli, tmp_path, monkeypatch, name):
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_text(MINIMAL.format(title="Ohjelma"), encoding="utf-8")
    out = cli("validate", name, "--format", "github").output
    lines = out.splitlines()
    assert lines and all(line.startswith(OURS) or line.startswith("kotocheck: ") for line in lines), out
    assert "##[" not in out
    assert not any(line.startswith("::stop-commands::") or line.startswith("::error title=Forged") for line in lines)


# --- terminal escapes from a document are shown, not obeyed ------------------------------------


def test_control_characters_in_a_document_are_made_visible(cli, tmp_path):
    path = tmp_path / "ohjelma.yaml"
    # An escape sequence that erases the line, a carriage return and a bidi override, in the label
    # of a figure: item 3.3 quotes the label of a figure without a source.
    path.write_text(MINIMAL.format(title="Ohjelma").replace("kotoutuminen-681-2023", "kotouttamisohjelma-1386-2010")
                    + 'situation:\n  figures:\n    - topic: population\n      label: "\\e[2K\\rpuhdas\\u202e"\n'
                    "      value: 5\n", encoding="utf-8")
    for fmt in ("text", "json", "github"):
        out = cli("validate", path, "--format", fmt).output
        assert "\x1b" not in out and "\r" not in out and "\u202e" not in out, fmt
    assert "\u241b[2K\u240dpuhdas\\u202e" in cli("validate", path).output  # shown, as ␛[2K␍puhdas\u202e
    for command in ("report", "render"):
        out = cli(command, path, "--format", "md").output
        assert "\x1b" not in out and "\r" not in out and "\u241b[2K" in out, command


# --- writes: only to a regular file or a new path; links and modes kept -------------------------


def test_output_refuses_a_fifo_and_leaves_it(cli, tmp_path):
    fifo = tmp_path / "putki"
    os.mkfifo(fifo)
    result = cli("render", EXAMPLES / "esimerkkila-2025-2028.yaml", "-o", fifo)
    assert result.exit_code == 2 and "ei ole tavallinen tiedosto" in result.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_output_through_a_symlink_writes_its_target(cli, tmp_path):
    target = tmp_path / "julkaisu.md"
    target.write_text("vanha\n", encoding="utf-8")
    link = tmp_path / "linkki.md"
    link.symlink_to(target)
    assert cli("render", EXAMPLES / "esimerkkila-2025-2028.yaml", "-o", link).exit_code == 0
    assert link.is_symlink() and target.read_text(encoding="utf-8").startswith("# ")


def test_in_place_formatting_keeps_mode_symlink_and_hard_link(cli, tmp_path):
    real = tmp_path / "ohjelma.yaml"
    real.write_text(MINIMAL.format(title="Ohjelma").replace("  municipality", "      municipality"), encoding="utf-8")
    real.chmod(0o600)
    other = tmp_path / "sama.yaml"
    os.link(real, other)
    link = tmp_path / "linkki.yaml"
    link.symlink_to(real)
    assert cli("fmt", link).exit_code == 0
    assert link.is_symlink()
    assert stat.S_IMODE(os.stat(real).st_mode) == 0o600
    assert os.stat(real).st_ino == os.stat(other).st_ino
    assert "\n  municipality: Koekylä\n" in other.read_text(encoding="utf-8")


# --- reads are bounded even where stat() says 0 ---------------------------------------------------


def test_reading_a_device_stops_at_the_limit(cli):
    start = time.monotonic()
    result = cli("validate", "/dev/zero", "--format", "json")
    assert result.exit_code == 2 and "input.too-large" in result.output
    assert time.monotonic() - start < 30


# --- settings above the repository never apply -------------------------------------------------


@pytest.mark.parametrize("marker", [".git", "pyproject.toml"])
def test_settings_above_the_repository_root_are_not_used(cli, tmp_path, monkeypatch, marker):
    # A kotocheck.toml in a parent folder would turn the missing approval (1.7, a warning) into info.
    (tmp_path / "kotocheck.toml").write_text('[severity]\n"1.7" = "info"\n', encoding="utf-8")
    repo = tmp_path / "repo"
    repo.mkdir()
    if marker == ".git":
        (repo / ".git").mkdir()
    else:
        (repo / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    (repo / "ohjelma.yaml").write_text(MINIMAL.format(title="Ohjelma"), encoding="utf-8")
    monkeypatch.chdir(repo)
    out = cli("validate", "ohjelma.yaml").output
    assert "  varoitus  1.7  " in out
    assert cli("config").output.startswith("# ei asetustiedostoa")


def test_line_ends_of_the_output_itself_stay():
    from kotocheck.visible import visible

    # CSV's CRLF (RFC 4180), tabs and newlines are the output's own; a lone CR would overwrite the line.
    assert visible("a,b\r\nc\td\n") == "a,b\r\nc\td\n"
    assert visible("puhdas\rväärä\x1b[2K") == "puhdas\u240dväärä\u241b[2K"
