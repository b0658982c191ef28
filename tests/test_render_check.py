"""`kotocheck render --check`: the committed output is what render would write now. It
compares, never writes, and says which command brings a stale output up to date."""

from __future__ import annotations

import os
import shutil

import pytest

from conftest import EXAMPLES

PROGRAMME = EXAMPLES / "esimerkkila-2025-2028.yaml"
FOLLOWUP = EXAMPLES / "rovaniemi-seuranta-2022-2025.yaml"


@pytest.fixture
def published(cli, tmp_path, monkeypatch):
    """A programme and its rendered HTML, as a municipality commits them (paths relative to tmp_path)."""
    monkeypatch.chdir(tmp_path)
    shutil.copy(PROGRAMME, tmp_path / "ohjelma.yaml")
    (tmp_path / "julkaisu").mkdir()
    assert cli("render", "ohjelma.yaml", "-o", "julkaisu/ohjelma.html").exit_code == 0
    return tmp_path


def test_a_fresh_output_passes_silently(cli, published):
    result = cli("render", "--check", "ohjelma.yaml", "-o", "julkaisu/ohjelma.html")
    assert result.exit_code == 0 and result.output == ""


def test_an_edited_source_makes_the_output_stale_and_leaves_it_untouched(cli, published):
    source = published / "ohjelma.yaml"
    source.write_text(source.read_text(encoding="utf-8").replace("title: Esimerkkilän kotoutumisen",
                                                                 "title: Esimerkkilän uusi kotoutumisen", 1),
                      encoding="utf-8")
    out = published / "julkaisu" / "ohjelma.html"
    before, stamp = out.read_bytes(), out.stat().st_mtime_ns
    result = cli("render", "--check", "ohjelma.yaml", "-o", "julkaisu/ohjelma.html")
    assert result.exit_code == 1
    assert result.output == "julkaisu/ohjelma.html on vanhentunut: päivitä komennolla kotocheck render ohjelma.yaml -o julkaisu/ohjelma.html\n"
    assert out.read_bytes() == before and out.stat().st_mtime_ns == stamp
    assert sorted(p.name for p in out.parent.iterdir()) == ["ohjelma.html"]  # no temporary file either
    (published / "kotocheck.toml").write_text('lang = "en"\n', encoding="utf-8")  # the settings' language
    english = cli("render", "--check", "ohjelma.yaml", "-o", "julkaisu/ohjelma.html")
    assert english.output == "julkaisu/ohjelma.html is stale: run kotocheck render ohjelma.yaml -o julkaisu/ohjelma.html\n"


def test_a_hand_edited_output_is_stale(cli, published):
    out = published / "julkaisu" / "ohjelma.html"
    out.write_text(out.read_text(encoding="utf-8").replace("</main>", "<p>lisätty käsin</p></main>"), encoding="utf-8")
    assert cli("render", "--check", "ohjelma.yaml", "-o", out).exit_code == 1


def test_a_missing_output_is_stale_and_is_not_created(cli, published):
    result = cli("render", "--check", "ohjelma.yaml", "-o", "julkaisu/puuttuu.html")
    assert result.exit_code == 1 and "julkaisu/puuttuu.html on vanhentunut" in result.output
    assert not (published / "julkaisu" / "puuttuu.html").exists()


def test_crlf_line_ends_of_a_windows_checkout_are_not_stale(cli, published):
    out = published / "julkaisu" / "ohjelma.html"
    out.write_bytes(out.read_bytes().replace(b"\n", b"\r\n"))
    assert cli("render", "--check", "ohjelma.yaml", "-o", out).exit_code == 0


def test_format_and_language_count_and_the_hint_repeats_them(cli, published):
    assert cli("render", "ohjelma.yaml", "--lang", "en", "-o", "ohjelma.md").exit_code == 0  # md from the suffix
    assert (published / "ohjelma.md").read_text(encoding="utf-8").startswith("# ")
    assert cli("render", "--check", "ohjelma.yaml", "--lang", "en", "-o", "ohjelma.md").exit_code == 0
    assert cli("render", "--check", "ohjelma.yaml", "--lang", "en", "--format", "md", "-o", "ohjelma.md").exit_code == 0
    finnish = cli("render", "--check", "ohjelma.yaml", "-o", "ohjelma.md")
    assert finnish.exit_code == 1 and finnish.output.endswith("-o ohjelma.md\n")
    html = cli("render", "--check", "ohjelma.yaml", "--lang", "en", "--format", "html", "-o", "ohjelma.html")
    assert html.output == "ohjelma.html on vanhentunut: päivitä komennolla kotocheck render ohjelma.yaml -o ohjelma.html --lang en\n"  # the suffix says html


def test_check_with_a_file_needs_the_output_to_compare(cli, published):
    result = cli("render", "--check", "ohjelma.yaml")
    assert result.exit_code == 2 and "-o" in result.output


def test_render_without_file_or_check_is_a_usage_error(cli, published):
    assert cli("render").exit_code == 2


def test_a_source_with_errors_is_reported_not_compared(cli, published):
    (published / "rikki.yaml").write_text("kind: programme\ntitle: [\n", encoding="utf-8")
    result = cli("render", "--check", "rikki.yaml", "-o", "julkaisu/ohjelma.html")
    assert result.exit_code == 2 and "fix the errors above first" in result.output


# --- without FILE: every [[render]] entry of the settings file ---

def _configured(root, entries: str):
    (root / "asiakirjat").mkdir()
    shutil.copy(PROGRAMME, root / "asiakirjat" / "ohjelma.yaml")
    shutil.copy(FOLLOWUP, root / "asiakirjat" / "seuranta.yaml")
    shutil.copy(EXAMPLES / "rovaniemi-2022-2025.yaml", root / "asiakirjat" / "rovaniemi-2022-2025.yaml")
    (root / "julkaisu").mkdir()
    (root / "kotocheck.toml").write_text(entries, encoding="utf-8")


ENTRIES = """
[[render]]
source = "asiakirjat/ohjelma.yaml"
output = "julkaisu/ohjelma.html"

[[render]]
source = "asiakirjat/seuranta.yaml"
output = "julkaisu/seuranta.md"
lang = "sv"
"""


def test_without_file_every_render_entry_of_the_config_is_checked(cli, tmp_path, monkeypatch):
    _configured(tmp_path, ENTRIES)
    monkeypatch.chdir(tmp_path)
    both = cli("render", "--check")
    assert both.exit_code == 1
    assert both.output.splitlines() == [
        "julkaisu/ohjelma.html on vanhentunut: päivitä komennolla kotocheck render asiakirjat/ohjelma.yaml -o julkaisu/ohjelma.html",
        "julkaisu/seuranta.md on vanhentunut: päivitä komennolla kotocheck render asiakirjat/seuranta.yaml -o julkaisu/seuranta.md --lang sv",
    ]
    for line in both.output.splitlines():  # each hint is the command that fixes it
        args = line.split(": päivitä komennolla kotocheck ")[1].split()
        assert cli(*args).exit_code == 0
    assert cli("render", "--check").exit_code == 0
    assert (tmp_path / "julkaisu" / "seuranta.md").read_text(encoding="utf-8").startswith("# ")  # md from the suffix

    (tmp_path / "julkaisu" / "ohjelma.html").unlink()
    one = cli("render", "--check")
    assert one.exit_code == 1 and one.output.splitlines() == [
        "julkaisu/ohjelma.html on vanhentunut: päivitä komennolla kotocheck render asiakirjat/ohjelma.yaml -o julkaisu/ohjelma.html"]


def test_config_paths_are_relative_to_the_config_file_not_the_current_folder(cli, tmp_path, monkeypatch):
    _configured(tmp_path, ENTRIES)
    monkeypatch.chdir(tmp_path)
    assert cli("render", "asiakirjat/ohjelma.yaml", "-o", "julkaisu/ohjelma.html").exit_code == 0
    assert cli("render", "asiakirjat/seuranta.yaml", "--lang", "sv", "-o", "julkaisu/seuranta.md").exit_code == 0
    monkeypatch.chdir(tmp_path / "asiakirjat")
    assert cli("render", "--check").exit_code == 0
    (tmp_path / "asiakirjat" / "ohjelma.yaml").write_text(
        PROGRAMME.read_text(encoding="utf-8").replace("Esimerkkilän kunnanvaltuusto", "Esimerkkilän valtuusto"),
        encoding="utf-8")
    stale = cli("render", "--check")
    assert stale.exit_code == 1 and stale.output.startswith(f"{tmp_path / 'julkaisu' / 'ohjelma.html'} on vanhentunut")


def test_config_templates_and_format_apply_and_the_hint_names_them(cli, tmp_path, monkeypatch):
    _configured(tmp_path, 'templates = "pohjat"\n[[render]]\nsource = "asiakirjat/ohjelma.yaml"\n'
                          'output = "julkaisu/ohjelma.txt"\nformat = "md"\n')
    (tmp_path / "pohjat").mkdir()
    (tmp_path / "pohjat" / "programme.md").write_text("# {{ doc.title }}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "julkaisu" / "ohjelma.txt").write_text(
        "# Esimerkkilän kotoutumisen edistämisen toimenpideohjelma 2025–2028\n", encoding="utf-8")
    assert cli("render", "--check").exit_code == 0
    (tmp_path / "pohjat" / "programme.md").write_text("## {{ doc.title }}\n", encoding="utf-8")
    stale = cli("render", "--check")
    assert stale.exit_code == 1
    assert stale.output == ("julkaisu/ohjelma.txt on vanhentunut: päivitä komennolla kotocheck render asiakirjat/ohjelma.yaml "
                            "-o julkaisu/ohjelma.txt --format md --templates pohjat\n")


@pytest.mark.parametrize("settings, message", [
    (None, "tarvitsee kotocheck.toml-tiedoston"),
    ('lang = "fi"\n', "ei tarkistettavia [[render]]-kohtia"),
    ("[[render]]\nsource = 1\n", "render"),
])
def test_without_file_a_missing_or_empty_config_is_a_usage_error(cli, tmp_path, monkeypatch, settings, message):
    if settings is not None:
        (tmp_path / "kotocheck.toml").write_text(settings, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = cli("render", "--check")
    assert result.exit_code == 2 and message in result.output


def test_check_never_writes_even_when_every_output_is_stale(cli, tmp_path, monkeypatch):
    _configured(tmp_path, ENTRIES)
    monkeypatch.chdir(tmp_path)
    before = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*"))
    assert cli("render", "--check").exit_code == 1
    assert sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*")) == before
    assert os.listdir(tmp_path / "julkaisu") == []


@pytest.mark.parametrize("command, name, starts", [
    ("render", "ohjelma.md", "# "), ("render", "ohjelma.html", "<!DOCTYPE html>"), ("render", "ohjelma.htm", "<!DOCTYPE html>"),
    ("report", "puutteet.html", "<!DOCTYPE html>"), ("report", "puutteet.json", "{"), ("report", "puutteet.markdown", "# "),
])
def test_without_format_the_output_suffix_chooses_it(cli, published, command, name, starts):
    assert cli(command, "ohjelma.yaml", "-o", name).exit_code == 0
    assert (published / name).read_text(encoding="utf-8").startswith(starts)


@pytest.mark.parametrize("args", [
    ["-o", "ohjelma.txt"],  # no format of its own: which one was meant?
    ["-o", "ohjelma.pdf"],  # a format kotocheck does not write
    ["--format", "html", "-o", "ohjelma.md"],  # the option and the suffix disagree
])
def test_an_output_suffix_that_names_no_format_or_another_is_refused(cli, published, args):
    result = cli("render", "ohjelma.yaml", *args)
    assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1
    assert not (published / args[-1]).exists()
