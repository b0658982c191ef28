"""`kotocheck init`: a skeleton programme with every element its checklist asks for, which validates
with checklist findings only (what is still missing) and never overwrites a file."""

from __future__ import annotations

import json
import re

import pytest

from conftest import read_yaml
from kotocheck.checklist import available, load_checklist

PROGRAMME_CHECKLISTS = sorted(n for n, p in available().items() if load_checklist(p).kind == "programme")
SCHEMA_LINE = "# yaml-language-server: $schema="


@pytest.fixture(params=PROGRAMME_CHECKLISTS)
def skeleton(request, cli, tmp_path):
    out = tmp_path / "ohjelma.yaml"
    result = cli("init", "--checklist", request.param, "-o", out)
    assert result.exit_code == 0, result.output
    return request.param, out


def comment_ids(text: str) -> set[str]:
    """The first word of every comment, however deep in a commented template."""
    return {m.group(1) for m in re.finditer(r"(?m)^\s*(?:#\s*)+(\S+)", text)}


def test_the_skeleton_parses(skeleton):
    name, out = skeleton
    data = read_yaml(out)
    assert data["kind"] == "programme" and data["checklist"] == name and data["format_version"] == 1
    assert data["title"] and data["identification"]["municipality"]


def test_the_skeleton_has_only_checklist_findings(skeleton, cli):
    name, out = skeleton
    result = cli("validate", out, "--format", "json")
    findings = json.loads(result.stdout)["findings"]
    ids = {item.id for item in load_checklist(available()[name]).items}
    rules = {f["rule"] for f in findings}
    assert rules and rules <= ids, rules - ids
    assert not [r for r in rules if r.split(".")[0] in ("schema", "yaml", "doc", "input", "waiver")]


def test_the_skeleton_mentions_every_item_in_its_comments(skeleton):
    name, out = skeleton
    text = out.read_text(encoding="utf-8")
    mentioned = comment_ids(text)
    for item in load_checklist(available()[name]).items:
        assert item.id in mentioned, item.id
        assert item.text.fi.split()[0] in text and item.hint.fi.split()[0] in text


def test_the_skeleton_starts_with_the_schema_line(skeleton):
    _, out = skeleton
    first = out.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith(SCHEMA_LINE)
    # No schemas/ folder above the skeleton: it names where `kotocheck schema -o` would write it,
    # never a path into kotocheck's own checkout (which would break when the file moves).
    assert first == SCHEMA_LINE + "schemas/programme.schema.json"


def test_the_schema_line_points_at_the_nearest_schemas_folder(cli, tmp_path):
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "programme.schema.json").write_text("{}", encoding="utf-8")
    (tmp_path / "ohjelmat").mkdir()
    out = tmp_path / "ohjelmat" / "ohjelma.yaml"
    assert cli("init", "-o", out).exit_code == 0
    assert out.read_text(encoding="utf-8").splitlines()[0] == SCHEMA_LINE + "../schemas/programme.schema.json"


def test_init_writes_ohjelma_yaml_by_default(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert cli("init").exit_code == 0
    data = read_yaml(tmp_path / "ohjelma.yaml")
    assert data["checklist"] == "kotoutuminen-681-2023"


def test_the_municipality_lands_in_identification_and_title(cli, tmp_path):
    out = tmp_path / "ohjelma.yaml"
    assert cli("init", "--municipality", "Esimerkkilä", "-o", out).exit_code == 0
    data = read_yaml(out)
    assert data["identification"]["municipality"] == "Esimerkkilä"
    assert "Esimerkkilä" in data["title"]


def test_a_municipality_that_needs_quoting_stays_text(cli, tmp_path):
    out = tmp_path / "ohjelma.yaml"
    assert cli("init", "--municipality", "Yes: #1", "-o", out).exit_code == 0
    assert read_yaml(out)["identification"]["municipality"] == "Yes: #1"


def test_init_never_overwrites(cli, tmp_path):
    out = tmp_path / "ohjelma.yaml"
    out.write_text("kind: programme\n# oma työ\n", encoding="utf-8")
    result = cli("init", "-o", out)
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1 and "ohjelma.yaml" in result.output
    assert out.read_text(encoding="utf-8") == "kind: programme\n# oma työ\n"
    assert [p.name for p in tmp_path.iterdir()] == ["ohjelma.yaml"]  # no temporary file left behind


def test_an_unknown_checklist_is_a_one_line_error(cli, tmp_path):
    out = tmp_path / "ohjelma.yaml"
    result = cli("init", "--checklist", "kotoutuminen-2099", "-o", out)
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "kotoutuminen-2099" in lines[0] and "kotoutuminen-681-2023" in lines[0]
    assert not out.exists()


def test_a_checklist_of_another_kind_is_refused(cli, tmp_path):
    result = cli("init", "--checklist", "seuranta-1", "-o", tmp_path / "x.yaml")
    assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1


def test_init_into_a_missing_folder_creates_it_and_through_a_file_is_a_one_line_error(cli, tmp_path):
    # issue 10, item 14: -o creates a missing folder (output.write_atomic)
    assert cli("init", "-o", tmp_path / "nope" / "ohjelma.yaml").exit_code == 0
    assert (tmp_path / "nope" / "ohjelma.yaml").is_file()
    result = cli("init", "-o", tmp_path / "nope" / "ohjelma.yaml" / "x.yaml")
    assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1


def test_a_filled_in_skeleton_covers_what_it_was_given(cli, tmp_path):
    """Uncommenting a closed part and giving its field a value is all it takes."""
    out = tmp_path / "ohjelma.yaml"
    assert cli("init", "-o", out).exit_code == 0
    text = out.read_text(encoding="utf-8")
    text = re.sub(r"(\n  coordinator:).*\n  #   authority:.*", r"\1\n    authority: Kunnan kotoutumispalvelut", text)
    out.write_text(text, encoding="utf-8")
    status = json.loads(cli("validate", out, "--format", "json").stdout)["files"][0]["statuses"]
    assert status["1.1"] == "covered"


def test_the_skeleton_never_calls_a_duty_of_the_law_a_recommendation(cli, tmp_path):
    """45 § 1 mom (coordination with the wellbeing services county) is law, not advice; the
    ministry's guidance on goals (ex-45 § 2 mom, repealed by 1100/2024) is a recommendation."""
    out = tmp_path / "ohjelma.yaml"
    assert cli("init", "--municipality", "Testilä", "-o", out).exit_code == 0
    text = " ".join(out.read_text(encoding="utf-8").split())
    assert "45.7 Yhteensovitus hyvinvointialueen kanssa (lakisääteinen)" in text
    assert "45.1 Tavoitteet (suositus)" in text
    assert "(pakollinen)" not in text  # the 2025 Act requires no planning document


# --- the choices ----------------------------------------------------------------------------------

def choice_blocks(text: str) -> list[tuple[str, list[tuple[str, str]], bool]]:
    """(the key below, [(value, label)], whether a list) for each `vaihtoehdot` comment block."""
    lines = text.splitlines()
    out = []
    for i, line in enumerate(lines):
        head = re.fullmatch(r"[\s#]*# vaihtoehdot(, yksi tai useampi)?:", line)
        if not head:
            continue
        pairs: list[list[str]] = []
        for below in lines[i + 1:]:
            m = re.match(r".*#( +)([^#\s].*)$", below)
            pair = re.fullmatch(r"(\w+) += (.*)", m.group(2)) if m else None
            if m and len(m.group(1)) == 3 and pair:
                pairs.append([pair.group(1), pair.group(2)])
            elif m and len(m.group(1)) > 3 and pairs and " = " not in m.group(2):
                pairs[-1][1] += " " + m.group(2)  # a long label wrapped
            else:
                key = re.search(r"(?:- )?(\w+):", below).group(1)
                out.append((key, [tuple(p) for p in pairs], bool(head.group(1))))
                break
    return out


def test_every_choice_field_lists_its_values_with_their_finnish_labels(skeleton):
    from kotocheck import choices

    _, out = skeleton
    blocks = choice_blocks(out.read_text(encoding="utf-8"))
    assert blocks
    by_field = {}
    for c in choices.fields("programme"):
        by_field.setdefault(c.field, set()).add(c.vocabulary)
    for key, pairs, is_list in blocks:
        [name] = [n for n in by_field[key] if [v for v, _ in pairs] == list(choices.current(n))]
        assert pairs == [(v, choices.label(name, v, "fi")) for v in choices.current(name)], key
        assert is_list is (key in ("themes", "audiences", "target_groups", "groups"))
        assert not set(choices.deprecated(name)) & {v for v, _ in pairs}, "a deprecated value is never offered"


def test_the_choice_blocks_of_the_2025_skeleton(cli, tmp_path):
    out = tmp_path / "ohjelma.yaml"
    assert cli("init", "-o", out).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert [key for key, _, _ in choice_blocks(text)] == ["status", "document_form", "planning_mode", "sector", "topic",
                                                          "topic", "type", "themes", "sector"]
    assert ("  # vaihtoehdot:\n"
            "  #   alone = kunta yksin\n"
            "  #   joint = yhteistyössä muiden kanssa\n"
            "  planning_mode:\n") in text
    assert ("  #   # vaihtoehdot, yksi tai useampi:\n"
            "  #   #   receptiveness        = vastaanottavuus\n"
            "  #   #   population_relations = väestösuhteet\n") in text
    assert "vaihtoehdot: " not in text  # the old one-line list of bare values is gone
    themes = text[text.index("vaihtoehdot, yksi tai useampi"):text.index("themes: []")]
    assert " reception " not in themes
    # a label longer than the line wraps under itself
    assert ("  # #   employment_services_plan      = suunnitelma työvoimapalveluiden järjestämisestä (laki\n"
            "  # #                                   380/2023, 15 § 4 mom)\n") in text


def test_the_skeleton_is_already_formatted(skeleton, cli):
    # A repository that runs `kotocheck fmt --check` in CI must accept a fresh skeleton as it is:
    # the commented list templates under `members: []` stay where their entries would go.
    _, out = skeleton
    before = out.read_text(encoding="utf-8")
    assert cli("fmt", "--check", out).exit_code == 0
    assert out.read_text(encoding="utf-8") == before


def test_the_skeleton_is_a_draft_with_a_not_assessed_template(skeleton):
    _, out = skeleton
    data = read_yaml(out)
    assert data["status"] == "draft" and data["not_assessed"] == []
    text = out.read_text(encoding="utf-8")
    assert "\nnot_assessed: []\n  # - section: situation" in text and "  #   note: " in text


def test_the_status_line_is_in_one_language(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("init", "-o", "a.yaml")
    assert result.stderr == "kotocheck: kirjoitettu a.yaml; tarkista: kotocheck validate a.yaml\n"
    (tmp_path / "kotocheck.toml").write_text('lang = "en"\n', encoding="utf-8")
    result = cli("init", "-o", "b.yaml")
    assert result.stderr == "kotocheck: written b.yaml; check it: kotocheck validate b.yaml\n"
