"""`kotocheck fmt`: one indentation and quoting style; every comment, value and key order kept."""

from __future__ import annotations

import io

import pytest
from ruamel.yaml import YAML

import kotocheck.cli.transforming  # noqa: F401  registers the commands until cli/__init__ imports it
from kotocheck import formatting
from tests.conftest import EXAMPLES
from tests.test_migrate import comments, key_orders, rt

ALL = sorted(EXAMPLES.glob("*.yaml")) + sorted(EXAMPLES.glob("municipality-repo/*/*.yaml"))


def safe(text: str):
    return YAML(typ="safe", pure=True).load(text)


def ugly(text: str) -> str:
    """The same document in another style: four-space mappings, lists at the key's column, single quotes."""
    yaml = YAML(typ="rt")
    yaml.indent(mapping=4, sequence=4, offset=0)
    yaml.width = 4096
    yaml.default_style = None
    tree = rt(text)
    out = io.StringIO()
    yaml.dump(tree, out)
    return out.getvalue().replace('"320"', "'320'").replace("municipality_code: \"999\"", "municipality_code: '999'")


def test_examples_found():
    assert len(ALL) >= 8


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
@pytest.mark.parametrize("variant", ["as-is", "ugly"])
def test_nothing_lost(path, variant):
    text = path.read_text(encoding="utf-8")
    if variant == "ugly":
        text = ugly(text)
    result = formatting.format_text(text, str(path))
    assert safe(result) == safe(text)  # (a) every value at the same path, exactly
    have = comments(result)
    assert [c for c in comments(text) if c not in have] == []  # (b) every comment
    assert key_orders(rt(result)) == key_orders(rt(text))  # (c) key order
    assert formatting.format_text(result, str(path)) == result  # idempotent


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_examples_style_is_the_fmt_style(path):
    """The examples are written in fmt's indentation: formatting changes only quotes, never indentation."""
    text = path.read_text(encoding="utf-8")
    result = formatting.format_text(text, str(path))
    assert len(result.splitlines()) == len(text.splitlines())
    for a, b in zip(text.splitlines(), result.splitlines()):
        assert len(a) - len(a.lstrip()) == len(b) - len(b.lstrip()), (a, b)


def test_indentation_and_quoting_normalised():
    text = ("kind: programme\nformat_version: 1\ntitle:    'Otsikko'\nidentification:\n"
            "    municipality: 'Kemi'   # rivin perässä\n        # ennen koodia\n    municipality_code: '320'\n"
            "    joint_with:\n    - 'A: b'\n    - '%x'\n    - \"tavallinen\"\n# loppu\n")
    assert formatting.format_text(text, "t.yaml") == (
        "kind: programme\nformat_version: 1\ntitle: Otsikko\nidentification:\n"
        "  municipality: Kemi       # rivin perässä\n  # ennen koodia\n  municipality_code: \"320\"\n"
        "  joint_with:\n    - \"A: b\"\n    - \"%x\"\n    - tavallinen\n# loppu\n")


def test_fmt_rewrites_in_place_and_check_then_passes(cli, tmp_path):
    path = tmp_path / "ohjelma.yaml"
    path.write_text(ugly((EXAMPLES / "kemijarvi-2023-2025.yaml").read_text(encoding="utf-8")), encoding="utf-8")
    before = path.read_bytes()
    result = cli("fmt", path, "--check")
    assert result.exit_code == 1 and path.read_bytes() == before  # --check writes nothing
    assert cli("fmt", path).exit_code == 0
    once = path.read_bytes()
    assert once != before
    assert cli("fmt", path, "--check").exit_code == 0
    assert cli("fmt", path).exit_code == 0 and path.read_bytes() == once  # twice = once


def test_output_option(cli, tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text("a:\n    b: '1'\n", encoding="utf-8")
    out = tmp_path / "b.yaml"
    assert cli("fmt", path, "-o", out).exit_code == 0
    assert out.read_text() == "a:\n  b: \"1\"\n" and path.read_text() == "a:\n    b: '1'\n"
    assert cli("fmt", path, "-o", path).exit_code == 2
    assert cli("fmt", path, path, "-o", out).exit_code == 2


@pytest.mark.parametrize("text", [
    "kind: programme\nidentification:\n\tmunicipality: Kemi\n",  # a tab in the indentation
    "kind: programme\ntitle: [auki\n",  # syntax
    "a: 1\na: 2\n",  # duplicate key
])
def test_hostile_input_untouched_exit_2(cli, tmp_path, text):
    bad = tmp_path / "bad.yaml"
    bad.write_text(text, encoding="utf-8")
    good = tmp_path / "good.yaml"
    good.write_text("a:\n    b: 1\n", encoding="utf-8")
    result = cli("fmt", bad, good)
    assert result.exit_code == 2
    assert bad.read_text(encoding="utf-8") == text
    assert len(result.stderr.strip().splitlines()) == 2  # one line for the error, one for the other file
    assert good.read_text() == "a:\n  b: 1\n"  # the readable file is still formatted
    assert cli("fmt", bad, "--check").exit_code == 2


def test_a_formatter_that_would_lose_a_comment_is_refused(monkeypatch):
    monkeypatch.setattr(formatting, "_align_comments", lambda text: text.replace("# tärkeä\n", ""))
    with pytest.raises(formatting.FormatError):
        formatting.format_text("a: 1\n# tärkeä\nb: 2\n", "t.yaml")
