"""The official YAML test suite through the loader and `kotocheck validate` (issue 10, items 10 and 11).

../shared/yaml-test-suite holds 308 valid and 94 invalid YAML 1.2 streams (see its README). Every
valid stream loads, or kotocheck refuses it on purpose with its own rule and Finnish message (REFUSED
below says which and why); every invalid stream is refused with a line and a column. Nothing raises
anything but LoadError, nothing warns, nothing is written to stderr.

Then the cases of issue 10 item 10 (an escaped surrogate, `!!bool abc`, a mapping merging itself)
and the tabs YAML 1.2 allows, with every expected line and column worked out by hand.
"""

from __future__ import annotations

import gc
import json
import re
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from kotocheck import i18n, loader, locations

ROOT = Path(__file__).resolve().parent.parent
SUITE = ROOT.parent / "shared" / "yaml-test-suite"
VALID = sorted((SUITE / "valid").glob("*.yaml"))
INVALID = sorted((SUITE / "error").glob("*.yaml"))
needs_suite = pytest.mark.skipif(not VALID or not INVALID, reason=f"the yaml-test-suite is not in {SUITE}")

# Valid YAML that kotocheck refuses on purpose: (rule, message key) -> why.
REFUSED = {
    ("yaml.syntax", "yaml.documents"):
        "one file is one document (a programme, a service description or a follow-up): a second document "
        "after --- or ... is refused rather than left unchecked",
    ("yaml.tag", "yaml.tag"):
        "a custom tag (!local, !<tag:example.com,2000:app/foo>) asks for a type kotocheck does not know; "
        "documents are plain data",
    ("yaml.key-type", "yaml.key_type"):
        "keys are field names: a null, true/false, a date, a list or a mapping as a key is refused",
    ("yaml.empty", "yaml.empty"):
        "a stream with no document (nothing, only comments or directives, a bare ...) has nothing to check",
}
# A top level that is not a mapping loads; `validate` refuses it (yaml.not-mapping, in the engine).

# ruamel.yaml's wording: none of it may reach a Finnish message
ENGLISH = ("mapping values", "expected", "found", "while scanning", "while parsing", "could not find",
           "block end", "scalar", "token", "document start", "stream", "not allowed", "constructor")

# What ruamel reads otherwise than the suite's JSON, and why that is acceptable here.
DATA_DIFFERS = {
    "565N": "!!binary becomes its base64 text without the line breaks of the literal block",
    "J7PZ": "!!omap is read as an (ordered) mapping; the JSON writes it as a list of one-key mappings",
    "JEF9-02": "ruamel drops the spaces of a last |+ line that has no line break at the end of the stream",
    "L24T-01": "the same for the last line of a | text: its spaces, without a final line break",
    "S4JQ": "ruamel resolves `! 12` (the non-specific tag) as a number, not as text",
}


def _parse(text: str, name: str = "doc.yaml"):
    """loader.parse, recording every warning: (document or LoadError, warnings)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            return loader.parse(text, name), [str(w.message) for w in caught]
        except loader.LoadError as exc:
            return exc, [str(w.message) for w in caught]


def _template(key: str) -> str:
    """The fixed start of a message in Finnish, up to its first parameter."""
    return i18n.message(key)["fi"].split("{")[0]


def _no_english(text: str, source: str) -> None:
    for word in ENGLISH:
        if word not in source.lower():  # the stream's own text may say anything
            assert word not in text.lower(), (word, text)


# --- the suite through the loader -----------------------------------------------------------------

@needs_suite
def test_every_valid_stream_loads_or_is_refused_on_purpose(capsys):
    loaded, refused, used = [], [], set()
    for case in VALID:
        text = case.read_text(encoding="utf-8")
        result, caught = _parse(text, case.name)
        assert not caught, (case.name, caught)  # ReusedAnchorWarning and the like
        if isinstance(result, loader.Document):
            loaded.append(case.stem)
            continue
        finding = result.finding
        kind = (finding.rule, getattr(result, "key", None))
        assert kind in REFUSED, (case.name, kind, finding.message["en"])
        used.add(kind)
        refused.append(case.stem)
        assert finding.line >= 1 and finding.column >= 1, case.name
        assert finding.message["fi"].startswith(_template(kind[1])), (case.name, finding.message["fi"])
        _no_english(finding.message["fi"] + " " + finding.hint["fi"], text)
    out, err = capsys.readouterr()
    assert not err and not out, err or out
    assert len(loaded) + len(refused) == len(VALID)
    assert used == set(REFUSED), set(REFUSED) - used  # every refusal in the list is one the suite shows
    assert len(loaded) >= 240, len(loaded)


@needs_suite
def test_what_loads_reads_as_the_suite_says():
    """Where the suite gives the data (one JSON document), the loader reads the same."""
    decoder = json.JSONDecoder()
    compared = 0
    for case in VALID:
        expected = case.with_suffix(".json")
        if case.stem in DATA_DIFFERS or not expected.exists():
            continue
        result, _ = _parse(case.read_text(encoding="utf-8"), case.name)
        if not isinstance(result, loader.Document):
            continue
        raw = expected.read_text(encoding="utf-8").strip()
        value, end = decoder.raw_decode(raw)
        if raw[end:].strip():  # several documents
            continue
        compared += 1
        assert _json_like(result.data) == value, case.name
    assert compared >= 200, compared


def _json_like(value):
    import datetime as dt

    if isinstance(value, dict):
        return {k: _json_like(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_like(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


@needs_suite
def test_every_invalid_stream_is_refused_with_a_location(capsys):
    for case in INVALID:
        text = case.read_text(encoding="utf-8")
        result, caught = _parse(text, case.name)
        assert not caught, (case.name, caught)
        assert isinstance(result, loader.LoadError), f"{case.name} was read as valid YAML"
        finding = result.finding
        lines = text.count("\n") + 1
        assert 1 <= finding.line <= lines and finding.column >= 1, (case.name, finding.line, finding.column)
        _no_english(finding.message["fi"] + " " + finding.hint["fi"], text)
    out, err = capsys.readouterr()
    assert not err and not out, err or out


@needs_suite
def test_the_suite_through_validate(cli, tmp_path):
    """A third of each set, and every valid stream with a tab, as `kotocheck validate` runs them:
    no traceback (the fixture checks), no syntax error for valid YAML but the refusals above."""
    tabbed = [case for case in VALID if "\t" in case.read_text(encoding="utf-8")]
    for case in sorted(set(VALID[::3] + tabbed)):
        text = case.read_text(encoding="utf-8")
        path = tmp_path / case.name
        path.write_text(text, encoding="utf-8")
        result = cli("validate", path)
        assert result.exit_code in (1, 2), (case.name, result.output)
        for line in result.output.splitlines():
            if "  yaml.syntax  " in line:
                assert "toinen YAML-dokumentti" in line, (case.name, line)  # multi-document only
        _no_english(result.output, text)
        document, _ = _parse(text, case.name)
        if isinstance(document, loader.Document) and not isinstance(document.data, dict):
            assert re.search(rf"{re.escape(str(path))}:\d+:\d+  virhe  yaml\.not-mapping  ", result.output), \
                (case.name, result.output)  # a list or a text at the top: refused on purpose
    for case in INVALID[::3]:
        path = tmp_path / case.name
        path.write_bytes(case.read_bytes())
        result = cli("validate", path)
        assert result.exit_code == 2, (case.name, result.output)
        assert re.search(rf"{re.escape(str(path))}:\d+:\d+  virhe  yaml\.", result.output), (case.name, result.output)


# --- the suite's cases that crashed or warned, by name ----------------------------------------------

def test_yaml_1_3_is_read_as_1_2():
    # BEC7: ruamel asserted on the version
    document, caught = _parse('%YAML 1.3 # Attempt parsing\n          # with a warning\n---\n"foo"\n')
    assert isinstance(document, loader.Document) and document.data == "foo" and not caught


def test_a_comment_layout_ruamel_cannot_place():
    # P94K: NotImplementedError ("overlap in comment") in ruamel's round-trip comments
    document, _ = _parse("key:    # Comment\n        # lines\n  value\n\n\n")
    assert isinstance(document, loader.Document) and document.data == {"key": "value"}


def test_a_reused_anchor_warns_nothing(capsys):
    # 3GZX: ruamel's ReusedAnchorWarning went to stderr
    text = "First: &anchor Foo\nSecond: *anchor\nOverride: &anchor Bar\nReuse: *anchor\n"
    document, caught = _parse(text)
    assert document.data == {"First": "Foo", "Second": "Foo", "Override": "Bar", "Reuse": "Bar"}
    assert not caught and not capsys.readouterr().err


def test_document_markers_in_finnish():
    # a bare `...` (HWV9) is an empty stream; a second document is refused in Finnish, at its `---`
    result, _ = _parse("# comment\n...\n")
    assert result.finding.rule == "yaml.empty"
    result, _ = _parse("kind: programme\n---\nkind: programme\n")
    assert (result.finding.rule, result.key, result.finding.line, result.finding.column) == \
        ("yaml.syntax", "yaml.documents", 2, 1)
    assert result.finding.message["fi"].startswith("Rivin --- jälkeen alkaa toinen YAML-dokumentti")


def test_a_failed_value_leaves_nothing_for_stderr(monkeypatch):
    # ruamel's half-built `!!str a` raised when it was collected, printed as "Exception ignored in"
    seen = []
    monkeypatch.setattr(sys, "unraisablehook", lambda unraisable: seen.append(unraisable.exc_value))

    def where() -> tuple[int, int]:
        result, _ = _parse("- !!str a\n- !!int x\n")
        return result.finding.line, result.finding.column

    assert where() == (2, 3)  # `- !!int x`: the node starts at its tag
    gc.collect()
    assert not seen, seen


# --- issue 10, item 10: no traceback, a located finding -----------------------------------------------

def _refused(text: str):
    result, _ = _parse(text)
    assert isinstance(result, loader.LoadError), text
    return result.finding, result


@pytest.mark.parametrize("text, where", [
    ('kind: programme\ntitle: "\\ud800"\n', (2, 8)),  # t1 ... :6 space7 "8
    ('kind: programme\ngoals:\n  - id: T1\n    name: "Ohjelma \\ud800x"\n', (4, 11)),  # 4 spaces, name: at 5-9, " at 11
    ('kind: programme\n"\\udc00x": 1\n', (2, 1)),  # a key
    ('kind: programme\nwords: ["a", "\\udfff"]\n', (2, 14)),  # w1 ... :6 space7 [8 "a"9-11 ,12 space13 "14
], ids=["title", "nested", "key", "list"])
def test_an_escaped_lone_surrogate_is_located(text, where):
    finding, result = _refused(text)
    assert (finding.rule, finding.line, finding.column) == ("yaml.syntax", *where)
    assert result.key == "yaml.surrogate" and "\\u" in finding.message["fi"]
    finding.message["fi"].encode("utf-8")  # the message itself can be written out


def test_an_escaped_surrogate_pair_is_one_character():
    document, _ = _parse('kind: programme\ntitle: "Ohjelma \\ud83d\\ude00"\n')
    assert document.data["title"] == "Ohjelma \U0001F600"


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_a_surrogate_through_validate(cli, tmp_path, fmt):
    path = tmp_path / "doc.yaml"
    path.write_text('kind: programme\ntitle: "\\ud800"\n', encoding="utf-8")
    result = cli("validate", path, "--format", fmt)
    assert result.exit_code == 2, result.output
    result.output.encode("utf-8")
    if fmt == "text":
        assert f"{path}:2:8  virhe  yaml.syntax  " in result.output


def test_a_surrogate_through_render(cli, tmp_path):
    path = tmp_path / "doc.yaml"
    path.write_text('kind: programme\ntitle: "\\ud800"\n', encoding="utf-8")
    result = cli("render", path)
    assert result.exit_code == 2, result.output
    assert f"{path}:2:8" in result.output


@pytest.mark.parametrize("text, where", [
    ("kind: programme\ntitle: !!bool abc\n", (2, 8)),  # the node starts at its tag: title: is 1-6, ! at 8
    ("kind: programme\ntitle: !!bool\n", (2, 8)),
    ("kind: programme\nwords: [!!bool x]\n", (2, 9)),  # [ at 8
], ids=["word", "empty", "in-a-list"])
def test_a_bool_tag_on_a_word(text, where):
    finding, _ = _refused(text)
    assert (finding.rule, finding.line, finding.column) == ("yaml.syntax", *where)


@pytest.mark.parametrize("text, where", [
    ("kind: programme\nbase: &a\n  x: 1\n  <<: *a\n", (4, 7)),  # `  <<: *a`: * at 7
    ("kind: programme\nbase: &a {x: 1, <<: *a}\n", (2, 21)),  # `base: &a {` is 1-10, `x: 1, ` 11-16, `<<: ` 17-20
    ("&a\n<<: *a\n", (2, 5)),
    ("- &a\n  <<: [*a]\n", (2, 8)),
    ("kind: programme\nbase: &a\n  k: *a\n", (3, 6)),  # ruamel put None in place of the alias
], ids=["merge", "flow-merge", "top-level-merge", "merge-list", "nested-alias"])
def test_a_mapping_that_merges_itself(text, where):
    finding, result = _refused(text)
    assert (finding.rule, result.key) == ("yaml.too-complex", "yaml.alias_cycle")
    assert (finding.line, finding.column) == where
    assert "*a" in finding.message["fi"]


def test_a_list_that_holds_itself_does_not_hang():
    # `&a [*a]` at the top: ruamel built a real cycle and the copy of the tree never ended, so in a
    # fresh process with a time limit
    code = "from kotocheck import loader\ntry:\n    loader.parse('&a [*a]\\n', 'd')\nexcept loader.LoadError as e:\n" \
           "    print(e.finding.rule, e.finding.line, e.finding.column)\n"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == ["yaml.too-complex", "1", "5"], done.stdout + done.stderr


# --- tabs: allowed as separation inside a line, never as indentation ----------------------------------

HEAD = "kind: programme\n"


@pytest.mark.parametrize("line, value", [
    ("title: Ohjelma\t2025", "Ohjelma\t2025"),  # pasted from Word: the tab is part of the text
    ("title: Ohjelma\t", "Ohjelma"),  # after the value: separation, not part of it
    ("title: Ohjelma \t ", "Ohjelma"),
    ("title:\tOhjelma", "Ohjelma"),
    ("title: Ohjelma\t# luonnos", "Ohjelma"),
    ('title: "Ohjelma"\t', "Ohjelma"),
    ("title: [Ohjelma,\t2025]", ["Ohjelma", 2025]),
], ids=["inside", "after", "spaces-and-tab", "before", "before-comment", "after-quotes", "in-brackets"])
def test_a_tab_inside_a_line_is_read(line, value):
    document, _ = _parse(HEAD + line + "\n")
    assert isinstance(document, loader.Document), document
    assert document.data["title"] == value


def test_tabs_in_blank_lines_and_lists():
    text = ("kind: programme\n"      # 1
            "\t\n"                   # 2 a blank line with a tab
            "goals:\n"               # 3
            "  -\tT1\n"              # 4 a tab after the dash, before a value
            "  - T2\t\n"             # 5
            " \t\n"                  # 6
            "title: x\n")            # 7
    document, _ = _parse(text)
    assert document.data == {"kind": "programme", "goals": ["T1", "T2"], "title": "x"}


def test_positions_after_tabs_are_the_files_own(cli, tmp_path):
    text = ("kind:\tprogramm\n"           # 1: the value starts at column 7 (the tab is column 6)
            "title:\t\tOhjelma\t2025\n"   # 2: the value starts at column 9
            "foo: 1\n")                   # 3
    document, _ = _parse(text)
    assert locations.locate(document.tree, ("kind",), at_value=True) == (1, 7)
    assert locations.locate(document.tree, ("title",), at_value=True) == (2, 9)
    assert locations.locate(document.tree, ("foo",)) == (3, 1)
    path = tmp_path / "doc.yaml"
    path.write_text(text, encoding="utf-8")
    result = cli("validate", path)
    assert f"{path}:1:7  virhe  doc.kind  " in result.output, result.output
    assert "yaml.syntax" not in result.output


@pytest.mark.parametrize("text, where", [
    ("kind: programme\nidentification:\n\tmunicipality: X\n", (3, 1)),
    ("kind: programme\nidentification:\n  municipality: X\n  \tregion: Y\n", (4, 3)),  # the tab after 2 spaces
    ("kind: programme\ngoals:\n  -\tid: T1\n", (3, 4)),  # `-<TAB>id:` would indent the mapping by a tab
    ("\tkind: programme\n", (1, 1)),
    ("kind: programme\ntext: |\n  rivi\n\t\nnext: 1\n", (4, 1)),  # a tab line where the | text would end
], ids=["key", "after-spaces", "after-dash", "top-level", "after-block-text"])
def test_a_tab_in_the_indentation_is_located(text, where):
    finding, result = _refused(text)
    assert (finding.rule, result.key, finding.line, finding.column) == ("yaml.syntax", "yaml.tab", *where)
    assert finding.message["fi"] == i18n.message("yaml.tab")["fi"]
