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
    # a goal without measures gets no "Measures" heading over nothing, and no checker's remark either
    assert "No measures are recorded for this goal." not in en and "#### Measures\n\n###" not in en
    assert "#### Measures\n\n#### Indicators" not in en


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
    (tmp_path / "file").write_text("", encoding="utf-8")  # a missing folder is created; a file is no folder
    nowhere = cli("render", example, "--format", "md", "-o", tmp_path / "file" / "x.md")
    assert nowhere.exit_code == 2 and "is not a folder" in nowhere.output


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


# --- 2025 checklist: 10 § and 47 § sections, indicator data sources, strategy types -----------------

ESIMERKKILA = EXAMPLES / "esimerkkila-2025-2028.yaml"
# The two sections as the example writes them (sections.guidance_and_counselling, .service_coordination).
GUIDANCE_TEXT = "Yhteispalvelupisteen monikielinen neuvontapiste (G4.M1) palvelee ilman ajanvarausta"
COORDINATION_TEXT = "pitävät kuukausittain asiakasohjauspalaverin"
# G3.I1's custom_source: provider and table, no url.
G3_SOURCE = "Esimerkkilän kunta, kotoutumispalvelut: Kyselyn vastausaineisto, kysymys syrjintäkokemuksista"
SECTION_HEADINGS = {
    "fi": ("Ohjaus ja neuvonta", "Kotoutumista edistävien palvelujen yhteensovittaminen"),
    "en": ("Guidance and counselling", "Coordination of integration services"),
    "sv": ("Vägledning och rådgivning", "Samordning av integrationsfrämjande tjänster"),
}


def indicator(data: dict, indicator_id: str) -> dict:
    return next(i for g in data["goals"] for i in g.get("indicators") or [] if i["id"] == indicator_id)


def html_headings(html: str) -> list[tuple[int, str]]:
    import re

    return [(int(level), re.sub(r"<[^>]+>", "", text).strip())
            for level, text in re.findall(r"<h([1-6])\b[^>]*>(.*?)</h\1>", html, re.S)]


@pytest.mark.parametrize("lang", ["fi", "en", "sv"])
def test_the_markdown_shows_guidance_and_coordination_among_the_services(cli, lang):
    text = cli("render", ESIMERKKILA, "--format", "md", "--lang", lang).output
    guidance, coordination = SECTION_HEADINGS[lang]
    headings = [line for line in text.splitlines() if line.startswith("#")]
    chapter = next(n for n, h in enumerate(headings) if h.startswith("## 5. "))  # sections are chapter 5
    assert headings[chapter + 4:chapter + 6] == [f"### {guidance}", f"### {coordination}"]  # after the 3 service headings
    assert headings[chapter + 6].startswith("### ")  # children and youth follow at the same level
    assert GUIDANCE_TEXT in text and COORDINATION_TEXT in text  # the municipality's text as written, any language


@pytest.mark.parametrize("lang", ["fi", "en", "sv"])
def test_the_html_shows_guidance_and_coordination_with_valid_heading_levels(cli, lang):
    html = cli("render", ESIMERKKILA, "--format", "html", "--lang", lang).output
    guidance, coordination = SECTION_HEADINGS[lang]
    headings = html_headings(html)
    assert (3, guidance) in headings and (3, coordination) in headings
    assert headings.index((3, coordination)) == headings.index((3, guidance)) + 1
    between = html[html.index('<section id="sections"'):html.index('<section id="cooperation"')]
    assert f"<h3>{guidance}</h3>" in between and f"<h3>{coordination}</h3>" in between
    assert GUIDANCE_TEXT in between and COORDINATION_TEXT in between
    levels = [level for level, _ in headings]
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), "a heading level is skipped"


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_section_absent_from_the_document_gets_no_heading(cli, tmp_path, fmt):
    data = read_yaml(ESIMERKKILA)
    del data["sections"]["service_coordination"]
    text = cli("render", write_yaml(tmp_path / "p.yaml", data), "--format", fmt).output
    assert "Ohjaus ja neuvonta" in text and "palvelujen yhteensovittaminen" not in text


def test_a_document_with_only_the_guidance_section_lists_the_chapter_in_its_contents(cli, tmp_path):
    data = read_yaml(ESIMERKKILA)
    data["sections"] = {"guidance_and_counselling": "Neuvontapiste palvelee kaikkia."}
    path = write_yaml(tmp_path / "p.yaml", data)
    md = cli("render", path, "--format", "md").output
    assert "\n5. Palvelut ja vastuut\n" in md  # the contents
    assert "## 5. Palvelut ja vastuut\n\n### Ohjaus ja neuvonta\n\nNeuvontapiste palvelee kaikkia.\n" in md
    html = cli("render", path, "--format", "html").output
    assert '<a href="#sections">5. Palvelut ja vastuut</a>' in html and '<section id="sections"' in html


@pytest.mark.parametrize("lang", ["fi", "en", "sv"])
def test_an_own_data_source_shows_its_provider_and_table(cli, lang):
    md = cli("render", ESIMERKKILA, "--format", "md", "--lang", lang).output
    row = next(line for line in md.splitlines() if line.startswith("| G3.I1 "))
    assert row.split(" | ")[1] == G3_SOURCE
    assert "Esimerkkilän kunta, kotoutumispalvelut: Asiakasjärjestelmän vuosiraportti, monikielisen neuvonnan käynnit" in md
    html = cli("render", ESIMERKKILA, "--format", "html", "--lang", lang).output
    assert G3_SOURCE in html


def test_a_catalogue_source_is_shown_by_its_name_in_the_pages_language(cli):
    # G1.I1 cites `source: statistics_finland` (catalogues/data_sources.yaml)
    fi = cli("render", ESIMERKKILA, "--format", "md").output
    en = cli("render", ESIMERKKILA, "--format", "html", "--lang", "en").output
    assert "| Tilastokeskus, tilattavat tietopyynnöt |" in next(l for l in fi.splitlines() if l.startswith("| G1.I1 "))
    assert "<td>Statistics Finland, ordered data requests</td>" in en


def test_an_own_data_source_with_a_web_address_links_its_table(cli, tmp_path):
    data = read_yaml(ESIMERKKILA)
    indicator(data, "G3.I1")["custom_source"]["url"] = "https://esimerkkila.example/kysely (2024)"  # a space: no link
    indicator(data, "G4.I2")["custom_source"]["url"] = "https://esimerkkila.example/tilasto?v=2024&kieli=fi"
    path = write_yaml(tmp_path / "p.yaml", data)
    md = cli("render", path, "--format", "md").output
    inline = [child for block in tokens(md, tables=True) for child in block.children or []]
    links = [t.attrs["href"] for t in inline if t.type == "link_open"]
    assert links == ["https://esimerkkila.example/tilasto?v=2024&kieli=fi"]
    assert ("Esimerkkilän kunta, kotoutumispalvelut: [Asiakasjärjestelmän vuosiraportti, monikielisen neuvonnan "
            "käynnit](https://esimerkkila.example/tilasto?v=2024&kieli=fi)") in md
    html = cli("render", path, "--format", "html").output
    assert ('kotoutumispalvelut: <a href="https://esimerkkila.example/tilasto?v=2024&amp;kieli=fi">'
            "Asiakasjärjestelmän vuosiraportti, monikielisen neuvonnan käynnit</a>") in html
    assert html.count('<a href="https://esimerkkila.example') == 1


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_an_address_that_is_not_a_web_address_stays_text(cli, tmp_path, fmt):
    data = read_yaml(ESIMERKKILA)
    source = indicator(data, "G4.I2")["custom_source"]
    source.pop("table")
    source["url"] = "javascript:alert(1)"
    text = cli("render", write_yaml(tmp_path / "p.yaml", data), "--format", fmt).output
    assert "Esimerkkilän kunta, kotoutumispalvelut: javascript:alert(1)" in text
    assert "(javascript:" not in text and 'href="javascript:' not in text


def test_an_own_source_with_only_a_name_is_shown_by_its_name(cli, tmp_path):
    data = read_yaml(ESIMERKKILA)
    indicator(data, "G4.I2")["custom_source"] = {"name": "Neuvontapisteen asiakastilasto"}
    md = cli("render", write_yaml(tmp_path / "p.yaml", data), "--format", "md").output
    assert next(l for l in md.splitlines() if l.startswith("| G4.I2 ")).split(" | ")[1] == "Neuvontapisteen asiakastilasto"


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_strategy_types_of_the_law_in_force_have_finnish_names(cli, fmt):
    text = cli("render", ESIMERKKILA, "--format", fmt).output
    for name in ["kotoutumisen edistämisen valtakunnalliset tavoitteet (VALKO)",
                 "työllisyyden edistämisen valtakunnalliset tavoitteet",
                 "hyvinvointikertomus ja -suunnitelma (laki 612/2021, 6 §)",
                 "suunnitelma työvoimapalveluiden järjestämisestä (laki 380/2023, 15 § 4 mom)"]:
        assert name in text
    for raw in ["national_integration_goals", "national_employment_goals", "welfare_report", "employment_services_plan"]:
        assert raw not in text
