"""`kotocheck migrate`: an old-law programme into the 2025 checklist's shape, nothing lost."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from ruamel.yaml import YAML

import kotocheck.cli.transforming  # noqa: F401  registers the commands until cli/__init__ imports it
from kotocheck import deprecations, loader, migrate
from kotocheck.checklist import available, load_checklist
from tests.conftest import EXAMPLES, read_yaml

KEMIJARVI = EXAMPLES / "kemijarvi-2023-2025.yaml"
TARGET = "kotoutuminen-681-2023"
OLD = "kotouttamisohjelma-1386-2010"
PROGRAMMES = sorted(p for p in EXAMPLES.glob("*.yaml") if (read_yaml(p) or {}).get("kind") == "programme")
OLD_LAW = [p for p in PROGRAMMES if read_yaml(p).get("checklist") == OLD]


def comments(text: str) -> list[str]:
    """Every `#` comment of a text, stripped: whole-line ones and end-of-line ones."""
    out = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("#"):
            out.append(stripped)
        elif (m := re.search(r"\s(#\s.*)$", line)):
            out.append(m.group(1).strip())
    return out


def key_orders(node, path="") -> dict[str, list]:
    out = {}
    if isinstance(node, dict):
        out[path] = list(node)
        for k, v in node.items():
            out.update(key_orders(v, f"{path}.{k}"))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out.update(key_orders(v, f"{path}[{i}]"))
    return out


def empty(value) -> bool:
    return value in (None, []) or (isinstance(value, dict) and all(empty(v) for v in value.values()))


def rt(text: str):
    return YAML(typ="rt").load(text)


def run_migrate(path, target=TARGET):
    return migrate.migrate(path.read_text(encoding="utf-8"), str(path), target, dt.date(2026, 1, 2))


def test_there_are_old_law_examples():
    assert KEMIJARVI in OLD_LAW and len(OLD_LAW) >= 2


@pytest.mark.parametrize("path", OLD_LAW, ids=lambda p: p.name)
def test_values_kept_except_checklist_and_added_keys(path):
    text, added = run_migrate(path)
    before, after = read_yaml(path), YAML(typ="safe", pure=True).load(text)
    assert after["checklist"] == TARGET
    assert added, "an old-law programme lacks some 2025 keys"
    for dotted in added:  # what was added is new and empty
        *parents, last = dotted.split(".")
        node_before, node_after = before, after
        for key in parents:
            node_before, node_after = node_before.get(key, {}), node_after[key]
        assert last not in (node_before or {})
        value = node_after[last]
        assert empty(value), dotted
    assert migrate.without(after, added) == dict(before, checklist=TARGET)


@pytest.mark.parametrize("path", OLD_LAW, ids=lambda p: p.name)
def test_every_comment_kept(path):
    text, _ = run_migrate(path)
    have = comments(text)
    missing = [c for c in comments(path.read_text(encoding="utf-8")) if c not in have]
    assert not missing
    assert any("Siirretty 2026-01-02" in c and OLD in c for c in have[:12]), "the migration note is at the top"
    assert text.splitlines()[0] == path.read_text(encoding="utf-8").splitlines()[0]  # the schema line stays first


@pytest.mark.parametrize("path", OLD_LAW, ids=lambda p: p.name)
def test_key_order_of_untouched_mappings(path):
    text, added = run_migrate(path)
    before, after = key_orders(rt(path.read_text(encoding="utf-8"))), key_orders(rt(text))
    for where, keys in before.items():
        assert [k for k in after[where] if k in keys] == keys, where
        new = [k for k in after[where] if k not in keys]
        assert after[where] == keys + new, f"new keys go after the existing ones in {where}"


def test_kemijarvi_text_only_grows():
    """Every line of the original is still there, in order: the diff has only additions and `checklist:`."""
    original = KEMIJARVI.read_text(encoding="utf-8").splitlines()
    text, added = run_migrate(KEMIJARVI)
    lines = iter(text.splitlines())
    for line in original:
        wanted = f"checklist: {TARGET}" if line == f"checklist: {OLD}" else line
        assert any(got == wanted for got in lines), line
    assert {"process.wellbeing_county_coordination", "services", "monitoring.responsible"} <= set(added)
    # Only what the target checklist reads is added (whether it reads identification.approval has
    # changed with the checklist: an old-law key is added only when the 2025 items ask for it).
    reads = [re.sub(r"\[[^\]]*\]", "", e) for item in load_checklist(available()[TARGET]).items
             for e in item.check.expressions()]
    assert all(any(r == key or r.startswith(key + ".") for r in reads) for key in added)
    comments = " ".join(line.strip().lstrip("#").strip() for line in text.splitlines() if line.strip().startswith("#"))
    coordination = load_checklist(available()[TARGET]).item("45.7")  # its wording from the checklist
    assert f"Vihje: {coordination.hint.fi}" in comments
    assert "45.7 Yhteensovitus hyvinvointialueen kanssa (lakisääteinen)" in text  # 45 § 1 mom


def test_keys_the_models_refuse_empty_are_added_as_null(tmp_path):
    text, added = run_migrate(KEMIJARVI)
    data = YAML(typ="safe", pure=True).load(text)
    assert "process.coordinator" in added and data["process"]["coordinator"] is None  # authority is required
    assert data["process"]["immigrant_participation"] == []


def test_old_law_only_data_stays():
    path = EXAMPLES / "rovaniemi-2022-2025.yaml"
    before = read_yaml(path)
    text, _ = run_migrate(path)
    after = YAML(typ="safe", pure=True).load(text)
    for key in before["identification"]:
        assert after["identification"][key] == before["identification"][key]


def _rules(cli, path):
    result = cli("validate", path, "--format", "json")
    return [f["rule"] for f in json.loads(result.output)["findings"]], result


def test_migrated_kemijarvi_validates_with_checklist_findings_only(cli, tmp_path):
    out = tmp_path / "kemijarvi-2025.yaml"
    result = cli("migrate", KEMIJARVI, "--to", TARGET, "-o", out)
    assert result.exit_code == 0, result.output
    rules, _ = _rules(cli, out)
    assert rules, "the real programme still has gaps"
    assert not [r for r in rules if r.split(".")[0] in ("schema", "yaml", "doc", "input")]
    items = {i["id"] for i in YAML(typ="safe", pure=True).load(
        (EXAMPLES.parent / "checklists/kotoutuminen-681-2023.yaml").read_text())["items"]}
    assert set(rules) <= items


def test_stdout_by_default(cli):
    result = cli("migrate", KEMIJARVI, "--to", TARGET)
    assert result.exit_code == 0
    assert f"checklist: {TARGET}" in result.stdout


def test_in_place_keeps_a_byte_identical_backup(cli, tmp_path):
    path = tmp_path / "ohjelma.yaml"
    original = KEMIJARVI.read_bytes()
    path.write_bytes(original)
    result = cli("migrate", path, "--to", TARGET, "--in-place")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "ohjelma.yaml.bak").read_bytes() == original
    assert f"checklist: {TARGET}".encode() in path.read_bytes()


def test_in_place_refuses_an_existing_backup_unless_forced(cli, tmp_path):
    path = tmp_path / "ohjelma.yaml"
    path.write_bytes(KEMIJARVI.read_bytes())
    backup = tmp_path / "ohjelma.yaml.bak"
    backup.write_text("old backup\n")
    result = cli("migrate", path, "--to", TARGET, "--in-place")
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1
    assert backup.read_text() == "old backup\n" and path.read_bytes() == KEMIJARVI.read_bytes()
    result = cli("migrate", path, "--to", TARGET, "--in-place", "--force")
    assert result.exit_code == 0 and backup.read_bytes() == KEMIJARVI.read_bytes()


def test_output_refuses_existing_file_and_the_input(cli, tmp_path):
    path = tmp_path / "ohjelma.yaml"
    path.write_bytes(KEMIJARVI.read_bytes())
    out = tmp_path / "out.yaml"
    out.write_text("keep\n")
    assert cli("migrate", path, "--to", TARGET, "-o", out).exit_code == 2
    assert out.read_text() == "keep\n"
    assert cli("migrate", path, "--to", TARGET, "-o", path).exit_code == 2
    assert cli("migrate", path, "--to", TARGET, "-o", path, "--force").exit_code == 2
    assert path.read_bytes() == KEMIJARVI.read_bytes()
    assert cli("migrate", path, "--to", TARGET, "-o", out, "--in-place").exit_code == 2


@pytest.mark.parametrize("case, target", [
    ("unknown", "no-such-checklist"),
    ("same", OLD),
    ("services", TARGET),
    ("syntax", TARGET),
    ("tabs", TARGET),
])
def test_refusals_are_one_line_exit_2(cli, tmp_path, case, target):
    path = tmp_path / "in.yaml"
    text = {
        "unknown": KEMIJARVI.read_text(encoding="utf-8"),
        "same": KEMIJARVI.read_text(encoding="utf-8"),
        "services": (EXAMPLES / "esimerkkila-kotoutumisohjelma-2025.yaml").read_text(encoding="utf-8"),
        "syntax": "kind: programme\ntitle: [auki\n",
        "tabs": "kind: programme\nidentification:\n\tmunicipality: Kemi\n",
    }[case]
    path.write_text(text, encoding="utf-8")
    result = cli("migrate", path, "--to", target, "--in-place")
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert path.read_text(encoding="utf-8") == text and not (tmp_path / "in.yaml.bak").exists()


def test_already_2025_programme_is_refused():
    with pytest.raises(migrate.MigrateError):
        run_migrate(EXAMPLES / "esimerkkila-2025-2028.yaml")


def test_another_indentation_style_is_kept(tmp_path):
    """A file written with lists at the key's column is edited in its own style, not re-indented."""
    yaml = YAML(typ="rt")
    yaml.indent(mapping=2, sequence=2, offset=0)
    yaml.width = 4096
    path = tmp_path / "flat.yaml"
    with path.open("w", encoding="utf-8") as fh:
        yaml.dump(rt(KEMIJARVI.read_text(encoding="utf-8")), fh)
    original = path.read_text(encoding="utf-8").splitlines()
    text, _ = run_migrate(path)
    kept = set(text.splitlines())
    assert [line for line in original if line not in kept and not line.startswith("checklist:")] == []


def test_comment_before_next_key_stays_before_it():
    """The comment lines above `situation:` must not end up above the keys added to `process`."""
    text, _ = run_migrate(KEMIJARVI)
    lines = text.splitlines()
    at = lines.index("situation:")
    assert lines[at - 1] == "" and lines[at - 2].startswith("  wellbeing_county_coordination:")
    end = lines.index("services:")
    assert lines[-1].startswith("# ja KEMIJÄRVEN TILAPALVELUT") and end < len(lines) - 3


# --- deprecated values ----------------------------------------------------------------------------

DEPRECATED = """\
# yaml-language-server: $schema=../schemas/programme.schema.json
# Testilän ohjelma.

kind: programme
format_version: 1
checklist: kotoutuminen-681-2023
title: Testilä
identification:
  municipality: Testilä
goals:
  - id: T1
    title: Vastaanottava kunta
    themes: [population_relations, reception]  # vanha nimi
  - id: T2
    title: Kuntalaiset mukaan
    themes:
      - participation
      - "reception"
      - 'reception'   # lainausmerkeissä
situation:
  figures:
    - {topic: reception, label: Vastaanotetut, value: 12}  # aihe, ei teema: ennallaan
"""

REWRITTEN = """\
# yaml-language-server: $schema=../schemas/programme.schema.json
# Testilän ohjelma.
# Päivitetty 2026-01-02 komennolla kotocheck migrate. Vanhentuneet arvot korvattu:
#   goals[0].themes[1]: reception → receptiveness; goals[1].themes[1]: reception → receptiveness;
#   goals[1].themes[2]: reception → receptiveness.

kind: programme
format_version: 1
checklist: kotoutuminen-681-2023
title: Testilä
identification:
  municipality: Testilä
goals:
  - id: T1
    title: Vastaanottava kunta
    themes: [population_relations, receptiveness]  # vanha nimi
  - id: T2
    title: Kuntalaiset mukaan
    themes:
      - participation
      - "receptiveness"
      - 'receptiveness'   # lainausmerkeissä
situation:
  figures:
    - {topic: reception, label: Vastaanotetut, value: 12}  # aihe, ei teema: ennallaan
"""


def _migrate_text(text, target=TARGET):
    return migrate.migrate(text, "ohjelma.yaml", target, dt.date(2026, 1, 2))


def test_a_deprecated_theme_is_rewritten_where_it_stands_and_nothing_else_changes():
    """A file at its target checklist already: only the values change, quotes and comments kept,
    and the note goes below the file's own first comments (the schema line stays first)."""
    text, added = _migrate_text(DEPRECATED)
    assert text == REWRITTEN and added == []
    doc = loader.parse(text, "ohjelma.yaml")
    assert deprecations.findings("programme", doc.data, doc.tree, doc.file) == []


def test_a_rewritten_file_has_nothing_more_to_migrate():
    with pytest.raises(migrate.MigrateError, match="vanhentuneita arvoja"):
        _migrate_text(REWRITTEN)


def test_an_old_law_programme_gets_its_values_rewritten_and_its_keys_added():
    old = DEPRECATED.replace(f"checklist: {TARGET}", f"checklist: {OLD}")
    text, added = _migrate_text(old)
    data = YAML(typ="safe", pure=True).load(text)
    assert data["checklist"] == TARGET and "process" in added
    assert [g["themes"] for g in data["goals"]] == [["population_relations", "receptiveness"],
                                                   ["participation", "receptiveness", "receptiveness"]]
    assert "    themes: [population_relations, receptiveness]  # vanha nimi\n" in text
    note = " ".join(line.lstrip("# ") for line in text.splitlines()[:12] if line.startswith("#"))
    assert "Siirretty 2026-01-02" in note and "Vanhentuneet arvot korvattu: goals[0].themes[1]: reception →" in note
    assert data["situation"]["figures"][0]["topic"] == "reception"


def test_a_value_shared_through_an_alias_is_rewritten_once():
    text = DEPRECATED.replace("themes: [population_relations, reception]", "themes: &yhteiset [reception]").replace(
        """    themes:
      - participation
      - "reception"
      - 'reception'   # lainausmerkeissä
""", "    themes: *yhteiset\n")
    out, _ = _migrate_text(text)
    assert "themes: &yhteiset [receptiveness]" in out and "themes: *yhteiset" in out
    assert [g["themes"] for g in YAML(typ="safe", pure=True).load(out)["goals"]] == [["receptiveness"]] * 2


def test_windows_line_ends_are_kept():
    text, _ = _migrate_text(DEPRECATED.replace("\n", "\r\n"))
    assert text == REWRITTEN.replace("\n", "\r\n")


def test_migrate_in_place_fixes_a_deprecated_value(cli, tmp_path):
    path = tmp_path / "ohjelma.yaml"
    path.write_text(DEPRECATED, encoding="utf-8")
    result = cli("migrate", path, "--in-place")
    assert result.exit_code == 0, result.output
    dated = re.compile(r"Päivitetty \d{4}-\d\d-\d\d ")  # the command writes today's date
    assert dated.sub("", path.read_text(encoding="utf-8")) == dated.sub("", REWRITTEN)
    assert (tmp_path / "ohjelma.yaml.bak").read_text(encoding="utf-8") == DEPRECATED


def test_a_key_added_by_migrate_lists_its_choices():
    old = f"kind: programme\nformat_version: 1\nchecklist: {OLD}\ntitle: T\nidentification:\n  municipality: X\n"
    text, added = _migrate_text(old)
    assert "identification.document_form" in added and "process" in added
    assert ("  # vaihtoehdot:\n"
            "  #   separate_programme     = erillinen toimenpideohjelma\n"
            "  #   part_of_other_document = osa muuta suunnitteluasiakirjaa\n"
            "  document_form:\n") in text
    assert "  #   alone = kunta yksin\n  #   joint = yhteistyössä muiden kanssa\n  planning_mode:\n" in text


def test_a_byte_order_mark_the_file_had_stays(cli, tmp_path):
    source = tmp_path / "vanha.yaml"
    source.write_bytes(b"\xef\xbb\xbf" + (EXAMPLES / "kemijarvi-2023-2025.yaml").read_bytes())
    out = tmp_path / "uusi.yaml"
    result = cli("migrate", source, "--to", "kotoutuminen-681-2023", "-o", out)
    assert result.exit_code == 0, result.output
    written = out.read_bytes()
    assert written.startswith(b"\xef\xbb\xbf# ") and written.count(b"\xef\xbb\xbf") == 1
