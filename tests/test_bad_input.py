"""Bad input: a clear, located one-line message and exit 2 (or a located finding), never a traceback."""

from __future__ import annotations

import pytest

BAD = {
    "syntax": (b"kind: programme\ntitle: [a, b\n", 2, ":3:1", "yaml.syntax", "bracket is not closed"),
    "tab": (b"kind: programme\nidentification:\n\tmunicipality: X\n", 2, ":3:1", "yaml.syntax", "tab"),
    "duplicate": (b"kind: programme\ntitle: A\ntitle: B\n", 2, ":3:1", "yaml.duplicate-key", "'title' appears twice"),
    "empty": (b"", 2, ":1:1", "yaml.empty", "empty"),
    "latin1": (b"kind: programme\ntitle: \xe4\xe4ni\n", 2, ":2:8", "yaml.encoding", "not UTF-8"),
    "tag": (b"kind: programme\ntitle: !python/object x\n", 2, ":2:8", "yaml.tag", "!python/object"),
    "colon": (b"kind: programme\ntitle: a: b\n", 2, ":2:9", "yaml.syntax", "colon in the wrong place"),
    "quote": (b'kind: programme\ntitle: "abc\n', 2, ":3:1", "yaml.syntax", "quote is not closed"),
    "alias": (b"kind: programme\ntitle: *nothing\n", 2, ":2:8", "yaml.syntax", "unknown anchor"),
    "list": (b"- a\n- b\n", 1, ":1:1", "yaml.not-mapping", "must be a mapping"),
    "kind": (b"kind: programm\n", 1, ":1:7", "doc.kind", "Unknown document kind"),
    "no-kind": (b"title: x\n", 1, ":1:1", "doc.kind", "kind is missing"),
    "checklist": (b"kind: programme\nformat_version: 1\nchecklist: foo\ntitle: T\nidentification: {municipality: X}\n",
                  1, ":3:12", "doc.checklist", "Unknown checklist 'foo'"),
    "wrong-kind-checklist": (b"kind: programme\nformat_version: 1\nchecklist: seuranta-1\ntitle: T\nidentification: {municipality: X}\n",
                             1, ":3:12", "doc.checklist", "is for kind followup"),
    "format": (b"kind: programme\nformat_version: 7\n", 1, ":2:17", "doc.format-version", "format_version 7"),
    "wrong-type": (b"kind: programme\nformat_version: 1\nchecklist: kotoutuminen-681-2023\ntitle: T\nidentification:\n  municipality: 320\n",
                   1, ":6:17", "schema.type", "expected text, got whole number"),
    "unknown-key": (b"kind: programme\nformat_version: 1\nchecklist: kotoutuminen-681-2023\ntitle: T\nidentification:\n  municipality: X\n  approvl: {}\n",
                    1, ":7:3", "schema.unknown-key", "Unknown field 'approvl'"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input_is_located_and_never_a_traceback(case, cli, tmp_path):
    content, exit_code, location, rule, words = BAD[case]
    path = tmp_path / f"{case}.yaml"
    path.write_bytes(content)
    result = cli("validate", path, "--lang", "en")
    assert result.exit_code == exit_code, result.output
    line = next(line for line in result.output.splitlines() if f"  {rule}  " in line)
    assert line.startswith(f"{path}{location}  error  {rule}  "), line
    assert words in line


def test_unknown_key_suggests_the_right_spelling(cli, tmp_path):
    path = tmp_path / "typo.yaml"
    path.write_bytes(BAD["unknown-key"][0])
    assert "Did you mean 'approval'?" in cli("validate", path, "--lang", "en").output


def test_missing_file_and_directory_exit_2(cli, tmp_path):
    result = cli("validate", tmp_path / "nope.yaml")
    assert result.exit_code == 2 and "nope.yaml:1:1  virhe  input.unreadable  Tiedostoa ei löydy." in result.output
    result = cli("validate", tmp_path, "--lang", "en")  # a folder is searched; this one holds no document
    assert result.exit_code == 2 and "No files to check" in result.output


def test_a_byte_order_mark_is_accepted(cli, tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + b"kind: programm\n")
    result = cli("validate", path)
    assert result.exit_code == 1 and ":1:7  virhe  doc.kind" in result.output


def test_unreadable_input_outranks_findings_in_the_exit_code(cli, tmp_path):
    good = tmp_path / "a.yaml"
    good.write_bytes(b"kind: programm\n")
    result = cli("validate", good, tmp_path / "missing.yaml")
    assert result.exit_code == 2


def test_bad_options_exit_2(cli, tmp_path):
    assert cli("validate", "--bogus", "x.yaml").exit_code == 2
    assert cli("validate", "x.yaml", "--lang", "de").exit_code == 2
    assert cli("validate", "x.yaml", "--format", "xml").exit_code == 2
