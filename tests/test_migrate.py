"""`kotocheck migrate`: an old-law programme into the 2025 checklist's shape, nothing lost."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from ruamel.yaml import YAML

import kotocheck.cli.transforming  # noqa: F401  registers the commands until cli/__init__ imports it
from kotocheck import migrate
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
    assert "identification.approval" not in added  # the target does not ask for it
    comments = " ".join(line.strip().lstrip("#").strip() for line in text.splitlines() if line.strip().startswith("#"))
    assert "Vihje: Kuvaa yhteensovitus kohdassa process.wellbeing_county_coordination." in comments
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
