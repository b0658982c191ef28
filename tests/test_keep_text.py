"""`fmt` and `migrate` keep what the author wrote (issue 10, items 8, 9 and 10): the lines before
`---` and after `...`, comments inside flow collections, the spelling of values and tags, and the
line breaks. fmt changes only the layout; a file it cannot keep exactly is refused with its place.

Every expected text below is written by hand."""

from __future__ import annotations


import pytest

import kotocheck.cli.transforming  # noqa: F401  registers the commands until cli/__init__ imports it
from kotocheck import formatting, migrate
from tests.conftest import EXAMPLES

OLD = "kotouttamisohjelma-1386-2010"
TARGET = "kotoutuminen-681-2023"
SCHEMA = "# yaml-language-server: $schema=../schemas/programme.schema.json\n"
ALL = sorted(EXAMPLES.glob("*.yaml")) + sorted(EXAMPLES.glob("municipality-repo/*/*.yaml"))

# (case, input, what fmt writes). Every input is indented four spaces a level, so each case also
# shows that fmt did its own work (two spaces) while keeping the rest.
FMT = [
    ("comment-before-start",
     SCHEMA + "# Testilän ohjelma\n---\nkind: programme\nidentification:\n    municipality: Testilä\n",
     SCHEMA + "# Testilän ohjelma\n---\nkind: programme\nidentification:\n  municipality: Testilä\n"),
    ("start-line-comment",
     "--- # Testilä\nkind: programme\nidentification:\n    municipality: Testilä\n",
     "--- # Testilä\nkind: programme\nidentification:\n  municipality: Testilä\n"),
    ("yaml-directive",
     "# Testilän ohjelma\n%YAML 1.2\n---\nkind: programme\nidentification:\n    municipality: Testilä\n",
     "# Testilän ohjelma\n%YAML 1.2\n---\nkind: programme\nidentification:\n  municipality: Testilä\n"),
    ("comments-after-end",
     "kind: programme\nidentification:\n    municipality: Testilä\n...\n# loppu\n# vielä yksi\n",
     "kind: programme\nidentification:\n  municipality: Testilä\n...\n# loppu\n# vielä yksi\n"),
    ("str-tag",
     "kind: programme\ntitle: !!str 2025\nidentification:\n    municipality: Testilä\n",
     "kind: programme\ntitle: !!str 2025\nidentification:\n  municipality: Testilä\n"),
    ("plus-and-leading-dot",
     "situation:\n    figures:\n    - value: +12\n      share: .5\n",
     "situation:\n  figures:\n    - value: +12\n      share: .5\n"),
    ("other-spellings",
     "a:\n    hex: 0x1F\n    big: 1_000\n    none: ~\n    exp: 1.0e+3\n    flag: True\n    list: [+1, .5]\n",
     "a:\n  hex: 0x1F\n  big: 1_000\n  none: ~\n  exp: 1.0e+3\n  flag: True\n  list: [+1, .5]\n"),
    ("flow-comments",
     "goals:\n    - id: T1\n      themes: [population_relations,  # väestösuhteet\n          participation]\n",
     "goals:\n  - id: T1\n    themes: [population_relations,  # väestösuhteet\n        participation]\n"),
    ("multi-line-value",
     "a:\n    text: pitkä\n      jatkuu\n",
     "a:\n  text: pitkä\n    jatkuu\n"),
    ("cr-only",
     "kind: programme\r# huom\ridentification:\r    municipality: Testilä\r",
     "kind: programme\r# huom\ridentification:\r  municipality: Testilä\r"),
    ("crlf",
     "kind: programme\r\n# huom\r\nidentification:\r\n    municipality: Testilä\r\n",
     "kind: programme\r\n# huom\r\nidentification:\r\n  municipality: Testilä\r\n"),
    ("mixed-line-breaks-take-the-first",
     "kind: programme\r\nidentification:\n    municipality: Testilä\r\n",
     "kind: programme\r\nidentification:\r\n  municipality: Testilä\r\n"),
    ("byte-order-mark",
     "\ufeffkind: programme\nidentification:\n    municipality: Testilä\n",
     "\ufeffkind: programme\nidentification:\n  municipality: Testilä\n"),
]


@pytest.mark.parametrize("case, text, expected", FMT, ids=[c[0] for c in FMT])
def test_fmt_changes_only_the_layout(cli, tmp_path, case, text, expected):
    path = tmp_path / "ohjelma.yaml"
    path.write_bytes(text.encode("utf-8"))
    result = cli("fmt", "--check", path)
    assert result.exit_code == 1, result.output
    assert path.read_bytes() == text.encode("utf-8")
    result = cli("fmt", path)
    assert result.exit_code == 0, result.output
    assert path.read_bytes().decode("utf-8") == expected
    assert cli("fmt", "--check", path).exit_code == 0
    assert cli("fmt", path).exit_code == 0 and path.read_bytes().decode("utf-8") == expected  # twice = once


def test_fmt_on_a_cr_only_file_is_fmt_on_the_lf_file_with_cr(cli, tmp_path):
    """A CR-only file (old Mac editors) once crashed fmt with a traceback."""
    text = (EXAMPLES / "kemijarvi-2023-2025.yaml").read_text(encoding="utf-8")
    path = tmp_path / "ohjelma.yaml"
    path.write_bytes(text.replace("\n", "\r").encode("utf-8"))
    result = cli("fmt", path)
    assert result.exit_code == 0, result.output
    assert path.read_bytes().decode("utf-8") == formatting.format_text(text, "x.yaml").replace("\n", "\r")


def test_fmt_refusal_names_file_line_and_column(cli, tmp_path, monkeypatch):
    """A result that would lose something is refused in one line that says where."""
    monkeypatch.setattr(formatting, "_align_comments", lambda text: text.replace("# tärkeä\n", ""))
    path = tmp_path / "ohjelma.yaml"
    path.write_text("a: 1\nb:\n    # tärkeä\n    c: 2\n", encoding="utf-8")
    result = cli("fmt", path)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"kotocheck: {path}:3:5: ") and len(result.stderr.strip().splitlines()) == 1
    assert path.read_text(encoding="utf-8") == "a: 1\nb:\n    # tärkeä\n    c: 2\n"


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_fmt_check_passes_on_every_example(cli, path):
    result = cli("fmt", "--check", path)
    assert result.exit_code == 0, result.output


# --- migrate --------------------------------------------------------------------------------------

PROGRAMME = (f"kind: programme\nformat_version: 1\nchecklist: {OLD}\ntitle: Testilä\n"
             "identification:\n  municipality: Testilä\n")
GOALS = ("goals:\n  - id: T1\n    title: Tavoite\n"
         "    themes: [population_relations,  # väestösuhteet\n      participation]\n")
FIGURES = ("situation:\n  figures:\n    - topic: population\n      label: Väestö\n      value: +12\n"
           "      share: .5\n")

# (case, input, a text the result must start with, hold, and end with)
MIGRATE = [
    ("comment-before-start", SCHEMA + "# Testilän ohjelma\n---\n" + PROGRAMME,
     SCHEMA + "# Testilän ohjelma\n---\n", "", ""),
    ("yaml-directive", "# Testilän ohjelma\n%YAML 1.2\n---\n" + PROGRAMME, "# Testilän ohjelma\n%YAML 1.2\n---\n",
     "", ""),
    ("flow-comments", PROGRAMME + GOALS, "", GOALS, ""),
    ("comments-after-end", PROGRAMME + "...\n# loppu\n", "", "", "\n...\n# loppu\n"),
    ("spellings", PROGRAMME.replace("title: Testilä", "title: !!str 2025") + FIGURES, "",
     "title: !!str 2025\n", ""),
    ("spellings-in-a-list", PROGRAMME + FIGURES, "", FIGURES.split("figures:\n")[1], ""),
]


@pytest.mark.parametrize("case, text, head, body, tail", MIGRATE, ids=[c[0] for c in MIGRATE])
def test_migrate_keeps_what_the_author_wrote(cli, tmp_path, case, text, head, body, tail):
    path = tmp_path / "ohjelma.yaml"
    path.write_text(text, encoding="utf-8")
    result = cli("migrate", path, "--in-place")
    assert result.exit_code == 0, result.output
    out = path.read_text(encoding="utf-8")
    assert out.startswith(head) and body in out and out.endswith(tail)
    lines = iter(out.splitlines())  # every line of the input is still there, in order
    for line in text.splitlines():
        wanted = f"checklist: {TARGET}" if line == f"checklist: {OLD}" else line
        assert any(got == wanted for got in lines), line


def test_migrate_keeps_cr_only_line_breaks(cli, tmp_path):
    path = tmp_path / "ohjelma.yaml"
    path.write_bytes((PROGRAMME + "# loppu\n").replace("\n", "\r").encode("utf-8"))
    result = cli("migrate", path, "--in-place")
    assert result.exit_code == 0, result.output
    out = path.read_bytes().decode("utf-8")
    assert "\n" not in out and f"\rchecklist: {TARGET}\r" in out and out.endswith("\r# loppu\r")


def test_migrate_self_check_compares_comments(monkeypatch):
    """The check compares comments too: a migration that drops the comment lines it moves is
    refused with their place, not written."""
    from kotocheck import tree_comments

    take = tree_comments.take_tail
    monkeypatch.setattr(tree_comments, "take_tail", lambda container, key=None: take(container, key) and None)
    text = (EXAMPLES / "kemijarvi-2023-2025.yaml").read_text(encoding="utf-8")
    with pytest.raises(migrate.MigrateError, match=r"^ohjelma\.yaml:\d+:\d+: "):
        migrate.migrate(text, "ohjelma.yaml", TARGET)


def test_migrate_a_top_level_omap_after_a_comment_and_start(cli, tmp_path):
    path = tmp_path / "ohjelma.yaml"
    path.write_text(f"# Testilä\n--- !!omap\n- kind: programme\n- format_version: 1\n- checklist: {OLD}\n"
                    "- title: T\n", encoding="utf-8")
    result = cli("migrate", path, "--in-place")
    assert result.exit_code == 0, result.output
    out = path.read_text(encoding="utf-8")
    assert out.startswith("# Testilä\n--- !!omap\n") and f"\n- checklist: {TARGET}\n" in out


def test_migrate_a_top_level_flow_omap_is_refused_in_one_line(cli, tmp_path):
    """ruamel cannot write keys with comments into `!!omap [...]`: it crashed with a traceback."""
    path = tmp_path / "ohjelma.yaml"
    text = f"!!omap [kind: programme, format_version: 1, checklist: {OLD}]\n"
    path.write_text(text, encoding="utf-8")
    result = cli("migrate", path, "--in-place")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"kotocheck: {path}:1:1: ") and len(result.stderr.strip().splitlines()) == 1
    assert path.read_text(encoding="utf-8") == text and not (tmp_path / "ohjelma.yaml.bak").exists()
