"""The rendered documents in Markdown: valid CommonMark, readable as plain text, the
municipality's text as written, every language, overridable templates, safe writes."""

from __future__ import annotations


import pytest
from markdown_it import MarkdownIt

from conftest import EXAMPLES, ROOT, read_yaml, write_yaml

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))


def tokens(text: str, tables: bool = False):
    """Parse as strict CommonMark; with tables=True also GitHub's pipe tables."""
    md = MarkdownIt("commonmark")
    return (md.enable("table") if tables else md).parse(text)


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
@pytest.mark.parametrize("command", ["render", "report"])
def test_markdown_is_commonmark_with_one_title_and_real_tables(cli, example, command):
    text = cli(command, example, "--format", "md").output
    parsed = tokens(text)
    h1 = [t for t in parsed if t.type == "heading_open" and t.tag == "h1"]
    assert len(h1) == 1
    levels = [int(t.tag[1]) for t in parsed if t.type == "heading_open"]
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), "a heading level is skipped"
    with_tables = tokens(text, tables=True)
    assert any(t.type == "table_open" for t in with_tables)
    assert "{{" not in text and "{%" not in text


# The Markdown golden files are compared in test_examples.py (golden_cases lists them all).


def test_programme_document_has_the_chapters_a_council_expects(cli):
    text = cli("render", EXAMPLES / "esimerkkila-2025-2028.yaml", "--format", "md").output
    for heading in ["## Sisällys", "## 1. Valmistelu", "## 2. Tilannekuva", "## 4. Tavoitteet ja toimenpiteet",
                    "#### Mittarit", "## 7. Seuranta ja päivittäminen", "## 8. Viestintä"]:
        assert heading in text
    assert "| Hyväksytty | Esimerkkilän kunnanvaltuusto 16.6.2025" in text
    assert "60\u00a0000\u00a0€" in text  # a measure's budget, in Finnish number format


def test_headings_follow_the_language_and_the_text_stays_as_written(cli):
    example = EXAMPLES / "kemijarvi-2023-2025.yaml"
    en = cli("render", example, "--format", "md", "--lang", "en").output
    sv = cli("render", example, "--format", "md", "--lang", "sv").output
    assert "## 2. Situation picture" in en and "## 2. Lägesbild" in sv
    assert "| Approved | No approval decision is recorded. |" in en
    assert "Kemijärven kaupungin kotouttamisohjelma 2023-2025" in en and "Kemijärven kaupungin kotouttamisohjelma 2023-2025" in sv
    assert "Tavoitteelle ei ole kirjattu toimenpiteitä" not in en and "No measures are recorded for this goal." in en


def test_the_follow_up_shows_status_as_shape_and_words(cli):
    text = cli("render", EXAMPLES / "rovaniemi-seuranta-2022-2025.yaml", "--format", "md").output
    assert "| ● edistetty aktiivisesti |" in text and "| ○ toimenpiteitä ei aloitettu |" in text
    assert "#### T2.3 Ohjelmatyöhön liittyvä tiedonvälitys" in text
    assert "- Tila: – ei tilaa" in text


def test_markdown_keeps_the_municipalitys_text_from_becoming_structure(cli, tmp_path):
    data = read_yaml(EXAMPLES / "kemijarvi-2023-2025.yaml")
    data["goals"][0]["title"] = "# ei otsikko | <b>lihava</b>"
    data["sections"]["responsibilities"] = "- ei lista\n1. ei numeroitu\n> ei lainaus"
    text = cli("render", write_yaml(tmp_path / "k.yaml", data), "--format", "md").output
    assert "### G1 \\# ei otsikko | &lt;b>lihava&lt;/b>" in text
    parsed = tokens(text)
    assert not [t for t in parsed if t.type in ("html_block", "html_inline")]
    assert "\\- ei lista\n\\1. ei numeroitu\n\\> ei lainaus" in text


def test_a_municipality_overrides_one_template_by_name(cli, tmp_path):
    own = tmp_path / "templates" / "md"
    own.mkdir(parents=True)
    (own / "followup.md").write_text("# {{ doc.title }} ({{ counts.green }} vihreää)\n", encoding="utf-8")
    example = EXAMPLES / "rovaniemi-seuranta-2022-2025.yaml"
    result = cli("render", example, "--format", "md", "--templates", tmp_path / "templates")
    assert result.exit_code == 0 and result.output.startswith("# Rovaniemen kotouttamisohjelman 2022–2025 seurantaraportti (")
    other = cli("render", EXAMPLES / "kemijarvi-2023-2025.yaml", "--format", "md", "--templates", tmp_path / "templates")
    assert "## Sisällys" in other.output  # templates it does not override come from the built-in set


def test_a_broken_user_template_is_one_line_not_a_traceback(cli, tmp_path):
    (tmp_path / "programme.md").write_text("{{ doc.nonexistent.field }}\n", encoding="utf-8")
    result = cli("render", EXAMPLES / "kemijarvi-2023-2025.yaml", "--format", "md", "--templates", tmp_path)
    assert result.exit_code == 2
    assert "template error:" in result.output and "programme.md:1" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_user_templates_run_in_the_sandbox(cli, tmp_path):
    (tmp_path / "programme.md").write_text("{{ doc.__class__.__mro__[1].__subclasses__() }}\n", encoding="utf-8")
    result = cli("render", EXAMPLES / "kemijarvi-2023-2025.yaml", "--format", "md", "--templates", tmp_path)
    assert result.exit_code == 2 and "template error:" in result.output


def test_output_goes_to_a_file_atomically_and_never_over_the_input(cli, tmp_path):
    source = tmp_path / "k.yaml"
    source.write_bytes((EXAMPLES / "kemijarvi-2023-2025.yaml").read_bytes())
    before = source.read_bytes()
    refused = cli("render", source, "-o", source)
    assert refused.exit_code == 2 and "refusing to overwrite" in refused.output
    assert source.read_bytes() == before
    out = tmp_path / "ohjelma.md"
    done = cli("render", source, "--format", "md", "-o", out)
    assert done.exit_code == 0 and done.output == "" and out.read_text().startswith("# Kemijärven")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left


def test_a_write_failure_is_one_line_and_keeps_the_old_output(cli, tmp_path):
    example = EXAMPLES / "kemijarvi-2023-2025.yaml"
    result = cli("render", example, "--format", "md", "-o", tmp_path)
    assert result.exit_code == 2 and "is a folder" in result.output and len(result.output.strip().splitlines()) == 1
    nowhere = cli("render", example, "--format", "md", "-o", tmp_path / "missing" / "x.md")
    assert nowhere.exit_code == 2 and "does not exist" in nowhere.output


def test_a_failed_write_leaves_the_earlier_output_and_no_temporary_file(tmp_path, monkeypatch):
    from kotocheck import output

    old = tmp_path / "ohjelma.html"
    old.write_text("vanha versio")

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "fsync", disk_full)
    with pytest.raises(output.OutputError, match="No space left on device"):
        output.write_atomic(old, "uusi versio")
    assert old.read_text() == "vanha versio"
    assert [p.name for p in tmp_path.iterdir()] == ["ohjelma.html"]


def test_render_refuses_a_document_with_schema_errors(cli, tmp_path):
    data = read_yaml(EXAMPLES / "kemijarvi-2023-2025.yaml")
    data["identification"]["municipality_code"] = 320
    result = cli("render", write_yaml(tmp_path / "k.yaml", data), "--format", "md")
    assert result.exit_code == 1
    assert "schema.type" in result.output and "fix the errors above first" in result.output


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_follow_up_whose_programme_cannot_be_read_still_renders_with_its_ids(cli, tmp_path, fmt):
    data = read_yaml(EXAMPLES / "rovaniemi-seuranta-2022-2025.yaml")
    path = write_yaml(tmp_path / "f.yaml", data)  # the programme is not beside it
    result = cli("render", path, "--format", fmt)
    assert result.exit_code == 0 and "T2.3" in result.output


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
@pytest.mark.parametrize("command", ["render", "report"])
def test_html_is_self_contained_semantic_and_in_the_chosen_language(cli, example, command):
    import re

    html = cli(command, example, "--format", "html", "--lang", "sv").output
    assert html.startswith("<!DOCTYPE html>") and '<html lang="sv">' in html
    assert "<script" not in html.lower() and "<link" not in html.lower() and "@import" not in html
    assert "url(http" not in html and "src=\"http" not in html
    assert html.count("<h1") == 1 and "<main" in html and "@page" in html and "A4" in html
    headers = re.findall(r"<th\b[^>]*>", html)
    assert all("scope=" in th for th in headers)  # (the Rovaniemi goals-only programme has no table)


def test_markdown_shows_an_entity_the_municipality_wrote_as_written(cli, tmp_path):
    data = read_yaml(EXAMPLES / "kemijarvi-2023-2025.yaml")
    data["sections"]["responsibilities"] = "Merkintä &lt;b&gt; ja Tom & Jerry"
    text = cli("render", write_yaml(tmp_path / "k.yaml", data), "--format", "md").output
    html = MarkdownIt("commonmark").render(text)
    assert "Merkintä &amp;lt;b&amp;gt; ja Tom &amp; Jerry" in html  # shows as "&lt;b&gt;", not as "<b>"
    assert "Tom & Jerry" in text  # a plain ampersand stays readable in the Markdown itself
