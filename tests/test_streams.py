"""The command's output on narrow encodings and odd terminal sizes (issue 10, item 10): it never
ends in a traceback, and what it prints still reads the same."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import EXAMPLES, TODAY

KEMIJARVI = EXAMPLES / "kemijarvi-2023-2025.yaml"


def run(args, cwd=None, **env):
    environ = {**os.environ, "KOTOCHECK_TODAY": TODAY, **env}
    return subprocess.run([sys.executable, "-m", "kotocheck", *args], capture_output=True, env=environ, timeout=120,
                          cwd=cwd)


@pytest.mark.parametrize("env, encoding", [
    ({"PYTHONIOENCODING": "cp1252"}, "cp1252"),
    ({"LANG": "C", "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""}, "ascii"),
])
def test_a_narrow_encoding_gets_look_alikes_not_a_traceback(env, encoding):
    result = run(["validate", str(KEMIJARVI)], **env)
    out, err = result.stdout.decode(encoding), result.stderr.decode(encoding)
    assert result.returncode == 1, err  # Kemijärvi has one error, as in UTF-8
    assert "Traceback" not in err and "UnicodeEncodeError" not in err
    # written by hand from the UTF-8 output: ä stays where the codec has it, else becomes a
    assert ("lakisääteistä" if encoding == "cp1252" else "lakisaateista") in out
    assert "12/36" in out


def test_a_narrow_encoding_writes_symbols_as_plain_text():
    from kotocheck.streams import lookalike

    assert [lookalike(c) for c in "✖✔→…ä§"] == ["x", "v", "->", "...", "a", "S"]
    assert lookalike("\u241b") == "^["  # a visible ESC stays visible
    assert lookalike("中") == "?"


@pytest.mark.parametrize("args, code, expected", [
    (["--help"], 0, "Usage: "),
    (["validate", "--bogus"], 2, "--bogus"),
])
def test_columns_zero_still_prints(args, code, expected):
    result = run(args, COLUMNS="0", LINES="0")
    assert result.returncode == code
    assert expected in (result.stdout + result.stderr).decode()


@pytest.mark.parametrize("args", [
    ["validate", "\x1b[2J\rpuuttuu.yaml"],  # the one-line error names the file
    ["fmt", "\x1b[2J\rpuuttuu.yaml"],
    ["render", "\x1b[2J\rpuuttuu.yaml"],
])
def test_error_lines_make_control_characters_in_file_names_visible(args):
    result = run(args)
    err = (result.stdout + result.stderr).decode()  # validate reports it as a finding on stdout
    assert result.returncode == 2 and "\x1b" not in err and "\r" not in err
    assert "␛[2J␍puuttuu.yaml" in err


def test_listed_files_make_control_characters_visible(tmp_path):
    (tmp_path / "a\x1b[31m.yaml").write_text("kind: programme\n", encoding="utf-8")
    result = run(["validate", "--list-files", str(tmp_path)])
    assert result.returncode == 0 and "\x1b" not in result.stdout.decode()
    assert "a␛[31m.yaml" in result.stdout.decode()


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "gitlab", "junit", "github"])
def test_a_file_name_that_is_not_utf8_is_reported_in_every_format(tmp_path, fmt):
    """A name of bytes (n\\xff.yaml, from an old archive) reached SARIF and GitLab as a
    UnicodeEncodeError traceback."""
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"n\xff.yaml"), "wb") as fh:
        fh.write(b"kind: programme\n")
    result = run(["validate", "--format", fmt, "."], cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert b"Traceback" not in result.stderr
    if fmt == "sarif":
        assert b'"uri": "n%FF.yaml"' in result.stdout  # the name's own byte, percent-encoded


CRASH = """
import sys
from kotocheck import discovery
def broken(*args, **kwargs):
    raise RuntimeError("simulated bug")
discovery.find = broken
sys.argv = ["kotocheck", "validate", "x.yaml"]
from kotocheck.__main__ import run
run()
"""


@pytest.mark.parametrize("debug", [False, True])
def test_a_bug_of_ours_is_one_line_unless_debugging(tmp_path, debug):
    environ = {**os.environ, **({"KOTOCHECK_DEBUG": "1"} if debug else {})}
    environ.pop("KOTOCHECK_DEBUG", None) if not debug else None
    result = subprocess.run([sys.executable, "-c", CRASH], capture_output=True, text=True, env=environ, cwd=tmp_path)
    assert result.returncode == (1 if debug else 2)
    if debug:
        assert "Traceback" in result.stderr and "simulated bug" in result.stderr
    else:
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
        assert "sisäinen virhe (RuntimeError: simulated bug)" in result.stderr


LONG = "a" * 300 + ".yaml"


@pytest.mark.parametrize("args", [["validate", LONG], ["summary", LONG], ["validate", "--list-files", LONG],
                                  ["report", LONG], ["render", LONG]])
def test_an_overlong_file_name_is_an_error_line_not_a_traceback(tmp_path, args):
    result = run(args, cwd=tmp_path)
    assert result.returncode in (0, 2) and b"Traceback" not in result.stderr
    if args[1] != "--list-files":
        assert result.returncode == 2


def test_a_named_pipe_nobody_writes_to_does_not_hang(tmp_path):
    os.mkfifo(tmp_path / "putki.yaml")
    result = run(["validate", "putki.yaml"], cwd=tmp_path)  # timeout=120 in run(): a hang fails
    assert result.returncode == 2 and b"yaml.empty" in result.stdout


def test_a_symlink_loop_is_said_in_the_users_language(tmp_path):
    (tmp_path / "silmukka.yaml").symlink_to("silmukka.yaml")
    result = run(["validate", "silmukka.yaml"], cwd=tmp_path)
    assert result.returncode == 2
    assert "silmukka.yaml:1:1  virhe  input.unreadable  Polku on symbolisten linkkien silmukka." in result.stdout.decode()
