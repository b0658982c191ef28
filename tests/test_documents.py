"""The document readers (kotocheck.documents): each format gives back the structure and all the
text of a real programme. The seeds are real documents as plain text (../shared/seeds); each is
read with the txt reader, written as .docx/.odt/.html/.md/.pdf with tests/document_fixtures.py,
and read back. Expected structures are written out by hand from reading the seed files."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from document_fixtures import document, write, write_docx
from kotocheck.documents import DocumentError, SourceDocument, read
from kotocheck.documents.pdf import join_lines

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
KEMIJARVI = SEEDS / "003-kemijarvi-kotouttamisohjelma-2023-2025.txt"
ROVANIEMI = SEEDS / "000-rovaniemi-seurantaraportti-2022-2025.txt"
SEED_FILES = [pytest.param(KEMIJARVI, id="kemijarvi"), pytest.param(ROVANIEMI, id="rovaniemi")]
STRUCTURED = [".docx", ".odt", ".html", ".md"]  # formats that keep every block exactly

needs_seeds = pytest.mark.skipif(not KEMIJARVI.exists() or not ROVANIEMI.exists(), reason="seed texts not present")

TABLE_ROWS = [["Mittari", "Lähtötaso", "Tavoite"],
              ["Alkukartoitukset 3 kk:ssa", "40 %", "80 %"],
              ["Suomen kielen taso A2", "25 henkilöä", "60 henkilöä"],
              ["Työllistyneet – 12 kk", "18 %", "30 %"]]
MADE = document([
    ("heading", "Seuranta ja mittarit", 1),
    ("paragraph", "Ohjelman toteutumista seurataan vuosittain seuraavilla mittareilla."),
    ("table", "", 0, TABLE_ROWS),
    ("heading", "Vastuutahot", 2),
    ("list_item", "kunta", 0),
    ("list_item", "hyvinvointialue", 1),
    ("list_item", "TE-toimisto", 0),
    ("paragraph", "Ohjelma päivitetään vuonna 2025."),
], title="Kotouttamisohjelma 2025–2028")


def content(doc: SourceDocument) -> str:
    """All the text without whitespace; a table by its cells (not the ' | ' that joins them)."""
    parts = ["".join("".join(row) for row in b.rows) if b.rows else b.text for b in doc.blocks]
    return "".join("".join(parts).split())


def seed_content(path: Path) -> str:
    """The seed's non-whitespace text, less the bullet at the start of a line ('- kunta'): a
    bullet is markup, the readers give the item's text."""
    text = re.sub(r"(?m)^\s*[-*•]\s+", "", path.read_text(encoding="utf-8"))
    return "".join(text.split())


def shape(doc: SourceDocument) -> list[tuple[str, int, str]]:
    return [(b.kind, b.level, b.text) for b in doc.blocks]


def headings(doc: SourceDocument) -> list[tuple[str, int]]:
    return [(b.text, b.level) for b in doc.blocks if b.kind == "heading"]


@pytest.fixture(scope="module")
def seeds() -> dict[str, SourceDocument]:
    return {path.name: read(path) for path in (KEMIJARVI, ROVANIEMI) if path.exists()}


@pytest.fixture(scope="module")
def written(tmp_path_factory, seeds) -> dict[tuple[str, str], tuple[Path, list[int] | None]]:
    """Each seed written once in each format (the PDF writer gives each block's first page)."""
    folder = tmp_path_factory.mktemp("written")
    out = {}
    for name, doc in seeds.items():
        for suffix in [*STRUCTURED, ".pdf"]:
            path = folder / (Path(name).stem + suffix)
            out[(name, suffix)] = (path, write(doc, path))
    return out


# --- the plain-text reader on the real seeds -----------------------------------------------------
@needs_seeds
def test_kemijarvi_headings_from_plain_text(seeds):
    found = headings(seeds[KEMIJARVI.name])
    assert found[:12] == [
        ("Kemijärven kaupungin kotouttamisohjelma 2023-2025", 1),  # the title line
        ("SISÄLTÖ", 1),
        ("JOHDANTO", 1),
        ("ULKOMAALAISTEN OSUUS KEMIJÄRVELLÄ", 1),
        ("KESKEISIÄ KÄSITTEITÄ", 1),
        ("Alkukartoitus", 2),  # the short term headings of the glossary
        ("Alkuvaiheen palvelut", 2),
        ("Kansainvälistä suojelua saava", 2),
        ("Kiintiöpakolainen", 2),
        ("Kotoutuminen", 2),
        ("Kotoutumisen edistäminen", 2),
        ("Kotoutumiskoulutus", 2),
    ]
    assert ("LAINSÄÄDÄNTÖ", 1) in found and ("Lapin maahanmuuttostrategia 2030+", 2) in found
    assert found[-3:] == [("SAURASÄÄTIÖ", 1), ("KOTOUTUMISTA TUKEVAT VAPAAEHTOISPALVELUT", 1),
                          ("TIEDOTTAMINEN JA SEURANTA", 1)]
    # lead-in lines ending in a colon and paragraph fragments are never headings
    assert not any(text.endswith(":") for text, _ in found)
    assert ("Kotouttamisohjelman tavoitteet:", 2) not in found


@needs_seeds
def test_kemijarvi_contents_are_list_items_never_headings(seeds):
    doc = seeds[KEMIJARVI.name]
    assert [b.kind for b in doc.blocks[2:5]] == ["list_item"] * 3
    assert [b.text for b in doc.blocks[2:4]] == ["JOHDANTO 1", "ULKOMAALAISTEN OSUUS KEMIJÄRVELLÄ 2"]
    toc = [b.text for b in doc.blocks if b.kind == "list_item" and b.text.endswith(("11", "13"))]
    assert "VAPAA-AJANPALVELUT..... 11" in toc and "ELY-KESKUS..... 13" in toc
    assert "JOHDANTO 1" not in [text for text, _ in headings(doc)]


@needs_seeds
def test_kemijarvi_paragraphs_and_lists_in_order(seeds):
    doc = seeds[KEMIJARVI.name]
    johdanto = next(i for i, b in enumerate(doc.blocks) if b.text == "JOHDANTO" and b.kind == "heading")
    first = doc.blocks[johdanto + 1]
    assert first.kind == "paragraph" and first.text.startswith("Maailmassa on meneillään pakolaiskriisi,")
    assert first.text.endswith("noin 300 tilapäisen suojelun asiakkaita ja turvapaikanhakijoita.")
    items = [b.text for b in doc.blocks if b.kind == "list_item" and not re.search(r"\d$", b.text)]
    assert items[:3] == ["maahanmuuttajien ja kotouttamisen täsmälliset, oikea-aikaiset ja laadukkaat toimenpiteet",
                         "maahanmuuttajien työllistyminen",
                         "maahanmuuttajien yhteisöllisyyden, osallisuuden ja oman vastuunoton vahvistaminen"]
    assert "kunta" in items and "poliisi" in items
    assert doc.blocks[-1].text == ("Maahanmuutto-ohjelma on luettavissa kaupungin nettisivuilla. "
                                   "Se päivitetään tarpeen mukaan.")
    assert [b.place.block for b in doc.blocks] == list(range(1, len(doc.blocks) + 1))


@needs_seeds
def test_rovaniemi_report_keeps_numbers_and_makes_few_headings(seeds):
    doc = seeds[ROVANIEMI.name]
    # a follow-up table flattened to text: its goal numbers are list items that keep the number
    assert any(b.kind == "list_item" and b.text.startswith("2. Kotouttamisohjelman kehittämis- ja uudistustyö")
               for b in doc.blocks)
    footer = [b for b in doc.blocks if b.text == "# Sisäinen - Ei sisällä henkilötietoja"]
    assert footer and all(b.kind == "paragraph" for b in footer)  # a '#' is text in a .txt
    # fragments of table cells ("Hyvinvoinnin ja", "ohjelmakaudelle") are not headings
    assert len(headings(doc)) <= 2
    assert doc.blocks[0].text.startswith("Kehittämistarve Mahdolliset alatavoitteet Vastuutaho")


@needs_seeds
@pytest.mark.parametrize("seed", SEED_FILES)
def test_plain_text_keeps_all_text(seed, seeds):
    assert content(seeds[seed.name]) == seed_content(seed)


# --- every format, built from the seeds -----------------------------------------------------------
@needs_seeds
@pytest.mark.parametrize("suffix", STRUCTURED)
@pytest.mark.parametrize("seed", SEED_FILES)
def test_format_gives_back_the_same_blocks(seed, suffix, seeds, written):
    path, _ = written[(seed.name, suffix)]
    back = read(path)
    assert back.format == suffix.lstrip(".")
    assert shape(back) == shape(seeds[seed.name])
    assert content(back) == seed_content(seed)  # 100 % of the text


@needs_seeds
@pytest.mark.parametrize("seed", SEED_FILES)
def test_pdf_gives_back_headings_and_the_text(seed, seeds, written):
    path, _ = written[(seed.name, ".pdf")]
    back = read(path)
    assert back.format == "pdf" and back.pages and back.pages >= 8
    assert headings(back) == headings(seeds[seed.name])
    got, want = content(back), seed_content(seed)
    # measured: 100 % (the writer's '•' before an item is read as the bullet it is). Allowed
    # remainder: characters a PDF font cannot carry; count words so one lost letter costs one word.
    want_words, got_words = Counter(want), Counter(got)
    assert sum((want_words & got_words).values()) >= 0.99 * len(want)
    assert got == want


@needs_seeds
def test_pdf_paragraphs_in_order_and_on_their_pages(seeds, written):
    """Kemijärvi: every block comes back, in order, on the page the writer put it on (a paragraph
    running over a page break is joined and keeps its first page)."""
    path, pages = written[(KEMIJARVI.name, ".pdf")]
    back = read(path)
    assert shape(back) == shape(seeds[KEMIJARVI.name])
    assert [b.place.page for b in back.blocks] == pages
    assert pages[0] == 1 and pages[-1] == back.pages >= 10


@needs_seeds
def test_pdf_pages_of_the_report(seeds, written):
    """Rovaniemi has paragraphs that stop mid-sentence (a flattened table); where one meets a page
    break it is joined to the one before. Every other block starts on its page."""
    path, pages = written[(ROVANIEMI.name, ".pdf")]
    back = read(path)
    key = lambda block: "".join(block.text.split())[:40]  # noqa: E731
    found, at = [], 0
    for block, page in zip(seeds[ROVANIEMI.name].blocks, pages):
        match = next((i for i in range(at, len(back.blocks)) if key(back.blocks[i]) == key(block)), None)
        if match is not None:  # in order: the report repeats some paragraphs word for word
            found.append((page, back.blocks[match].place.page))
            at = match + 1
    assert len(found) >= 0.95 * len(pages)
    assert all(want == got for want, got in found)


# --- a made document with a real table --------------------------------------------------------------
@pytest.mark.parametrize("suffix", STRUCTURED)
def test_made_document_with_table(suffix, tmp_path):
    path = tmp_path / f"mittarit{suffix}"
    write(MADE, path)
    back = read(path, display=f"kunta/mittarit{suffix}")
    assert back.file == f"kunta/mittarit{suffix}"
    assert shape(back) == [
        ("heading", 1, "Seuranta ja mittarit"),
        ("paragraph", 0, "Ohjelman toteutumista seurataan vuosittain seuraavilla mittareilla."),
        ("table", 0, "Mittari | Lähtötaso | Tavoite\n"
                     "Alkukartoitukset 3 kk:ssa | 40 % | 80 %\n"
                     "Suomen kielen taso A2 | 25 henkilöä | 60 henkilöä\n"
                     "Työllistyneet – 12 kk | 18 % | 30 %"),
        ("heading", 2, "Vastuutahot"),
        ("list_item", 0, "kunta"),
        ("list_item", 1, "hyvinvointialue"),
        ("list_item", 0, "TE-toimisto"),
        ("paragraph", 0, "Ohjelma päivitetään vuonna 2025."),
    ]
    assert back.blocks[2].rows == TABLE_ROWS
    if suffix != ".md":  # Markdown has no metadata
        assert back.title == "Kotouttamisohjelma 2025–2028"


def test_made_document_as_pdf(tmp_path):
    path = tmp_path / "mittarit.pdf"
    pages = write(MADE, path)
    back = read(path)
    assert pages == [1] * len(MADE.blocks) and {b.place.page for b in back.blocks} == {1}
    assert headings(back) == [("Seuranta ja mittarit", 1), ("Vastuutahot", 2)]
    text = " ".join(b.text for b in back.blocks)
    for cell in [cell for row in TABLE_ROWS for cell in row]:
        assert cell in text  # a PDF table comes back as its cells' text, not as a table
    assert back.title == "Kotouttamisohjelma 2025–2028"
    # a PDF has no list markup: the nesting comes from the items' indentation
    assert [(b.text, b.level) for b in back.blocks if b.kind == "list_item"] == [
        ("kunta", 0), ("hyvinvointialue", 1), ("TE-toimisto", 0)]


def test_pdf_bold_capitals_in_body_size_are_a_heading(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("DejaVu", "", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    pdf.add_font("DejaVu", "B", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
    for style, text in [("B", "ASUNTOPALVELUT"), ("", "Vuokra-asuntoja on tarjolla kaikille."),
                        ("", "EU-MAAT"), ("", "Kansalaiset rekisteröityvät.")]:
        pdf.set_font("DejaVu", style, 11)
        pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    path = tmp_path / "lihava.pdf"
    pdf.output(str(path))
    # the bold line is a heading; the same capitals in the body font stay a paragraph
    assert shape(read(path)) == [("heading", 1, "ASUNTOPALVELUT"),
                                 ("paragraph", 0, "Vuokra-asuntoja on tarjolla kaikille."),
                                 ("paragraph", 0, "EU-MAAT"), ("paragraph", 0, "Kansalaiset rekisteröityvät.")]


def test_forty_page_pdf_reads_fast(tmp_path):
    paragraph = ("Kotoutumissuunnitelman laativat kunta ja TE-toimisto yhdessä maahanmuuttajan kanssa. "
                 "Suunnitelma perustuu alkukartoituksessa tehtyyn arvioon maahanmuuttajan palvelutarpeista. ") * 4
    blocks = []
    for chapter in range(1, 41):
        blocks.append(("heading", f"LUKU {chapter} PALVELUT", 1))
        blocks.extend(("paragraph", f"Kappale {number}. {paragraph}") for number in range(6))
    path = tmp_path / "pitka.pdf"
    write(document(blocks), path)
    started = time.perf_counter()
    back = read(path)
    elapsed = time.perf_counter() - started
    assert back.pages >= 40
    assert elapsed < 2.0, f"{back.pages} pages took {elapsed:.2f} s"
    assert len(headings(back)) == 40


# --- Word specifics -----------------------------------------------------------------------------
def test_docx_merged_cells_are_read_once_and_styles_give_levels(tmp_path):
    import docx

    word = docx.Document()
    word.add_paragraph("Johdanto", style="Title")
    finnish = word.styles.add_style("Otsikko 2", 1)  # a Finnish Word's heading style name
    finnish.base_style = word.styles["Normal"]
    word.add_paragraph("Tavoitteet", style=finnish)
    outlined = word.add_paragraph("Oma otsikkotyyli")
    outlined._p.get_or_add_pPr().append(_outline_level(2))  # outline level 3 on a plain paragraph
    table = word.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Yhdistetty otsikko"
    table.cell(0, 2).text = "Tavoite"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "Pysty"
    table.cell(1, 1).text = "a"
    table.cell(2, 2).text = "b"
    word.add_paragraph("Luettelon kohta", style="List Number 2")
    path = tmp_path / "yhdistetty.docx"
    word.save(str(path))
    back = read(path)
    assert headings(back) == [("Johdanto", 1), ("Tavoitteet", 2), ("Oma otsikkotyyli", 3)]
    table_block = next(b for b in back.blocks if b.kind == "table")
    assert table_block.rows == [["Yhdistetty otsikko", "Tavoite"], ["Pysty", "a", ""], ["", "", "b"]]
    assert table_block.text.count("Yhdistetty otsikko") == 1 and table_block.text.count("Pysty") == 1
    assert back.blocks[-1].kind == "list_item" and back.blocks[-1].level == 1  # "List Number 2": second level


def _outline_level(value: int):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement("w:outlineLvl")
    element.set(qn("w:val"), str(value))
    return element


def test_docx_tables_stay_between_their_paragraphs(tmp_path):
    path = tmp_path / "jarjestys.docx"
    write_docx(document([("paragraph", "Ennen"), ("table", "", 0, [["a", "b"]]), ("paragraph", "Jälkeen")]), path)
    assert [b.kind for b in read(path).blocks] == ["paragraph", "table", "paragraph"]


# --- HTML, Markdown and text specifics ----------------------------------------------------------
def test_html_structure(tmp_path):
    path = tmp_path / "sivu.htm"
    path.write_text(
        "<html><head><title>Ohjelma</title><style>p { color: red }</style></head><body>"
        "<nav>Etusivu Palvelut</nav><script>var p = '<p>ei tekstiä</p>';</script>"
        "<h2>Palvelut &amp; tuki</h2><p>Neuvonta on <b>maksutonta</b>.<br>Tervetuloa!"
        "<ul><li>kunta<ol><li>varhaiskasvatus</li></ol></li><li>Kela</ul>"
        "<div>Irrallinen teksti</div><table><tr><th>Mittari<th>Tavoite<tr><td>A2<td>60 %</table>",
        encoding="utf-8")
    back = read(path)
    assert back.title == "Ohjelma"
    assert shape(back) == [("heading", 2, "Palvelut & tuki"), ("paragraph", 0, "Neuvonta on maksutonta. Tervetuloa!"),
                           ("list_item", 0, "kunta"), ("list_item", 1, "varhaiskasvatus"), ("list_item", 0, "Kela"),
                           ("paragraph", 0, "Irrallinen teksti"), ("table", 0, "Mittari | Tavoite\nA2 | 60 %")]


def test_markdown_structure(tmp_path):
    path = tmp_path / "ohjelma.md"
    path.write_text("# Kotouttamisohjelma #\n\nTeksti *korostettu*, **lihava** ja [linkki](https://example.fi)\n"
                    "jatkuu \\*tähti\\* ja `koodi`.\n\n- kunta\n  - hyvinvointialue\n* Kela\n\n1. Ensimmäinen\n\n"
                    "| Mittari | Tavoite |\n|:---|---:|\n| A2 \\| B1 | 60 % |\n\n## Seuranta\n", encoding="utf-8")
    assert shape(read(path)) == [
        ("heading", 1, "Kotouttamisohjelma"),
        ("paragraph", 0, "Teksti korostettu, lihava ja linkki jatkuu *tähti* ja koodi."),
        ("list_item", 0, "kunta"), ("list_item", 1, "hyvinvointialue"), ("list_item", 0, "Kela"),
        ("list_item", 0, "1. Ensimmäinen"),
        ("table", 0, "Mittari | Tavoite\nA2 | B1 | 60 %"),
        ("heading", 2, "Seuranta"),
    ]


def test_markdown_setext_headings_and_front_matter(tmp_path):
    path = tmp_path / "etusivu.markdown"
    path.write_text("---\ntitle: \"Kotouttamisohjelma 2025\"\nlang: fi\n---\nJohdanto\n========\n\n"
                    "Tausta\n------\nKunta laatii ohjelman.\n", encoding="utf-8")
    back = read(path)
    assert back.title == "Kotouttamisohjelma 2025"
    assert shape(back) == [("heading", 1, "Johdanto"), ("heading", 2, "Tausta"),
                           ("paragraph", 0, "Kunta laatii ohjelman.")]


def test_text_table_with_merged_rows(tmp_path):
    """A table pasted from Word: label rows padded with tabs, a long cell on a line of its own."""
    path = tmp_path / "hankekortti.txt"
    path.write_text("Projektin nimi: Yhteispeli\t\t\nToteuttaja:\tVastuuhenkilö\tYhteyshenkilö\n"
                    "Kuvaus:\t\t\nRovaniemelle saapuu maahan muuttaneita.\n", encoding="utf-8")
    table = read(path).blocks[0]
    assert table.kind == "table"
    assert table.rows == [["Projektin nimi: Yhteispeli"], ["Toteuttaja:", "Vastuuhenkilö", "Yhteyshenkilö"],
                          ["Kuvaus:"], ["Rovaniemelle saapuu maahan muuttaneita."]]


def test_text_encodings_and_tab_tables(tmp_path):
    path = tmp_path / "vanha.txt"
    text = "ASUNTOPALVELUT\r\n\r\nVuokra-asunnot järjestetään.\r\n\r\nVuosi\tTulijat\r\n2024\t12\r\n2025\t20\r\n"
    path.write_bytes(text.encode("cp1252"))
    back = read(path)
    assert shape(back) == [("heading", 1, "ASUNTOPALVELUT"), ("paragraph", 0, "Vuokra-asunnot järjestetään."),
                           ("table", 0, "Vuosi | Tulijat\n2024 | 12\n2025 | 20")]
    path.write_bytes("Åland – ÄÖ".encode("utf-16"))
    assert read(path).blocks[0].text == "Åland – ÄÖ"


def test_pdf_hyphen_rules():
    assert join_lines(["kotou-", "tuminen alkaa"]) == "kotoutuminen alkaa"
    assert join_lines(["sosiaali-", "ja terveyspalvelut"]) == "sosiaali- ja terveyspalvelut"
    assert join_lines(["TE-", "toimisto"]) == "TE-toimisto"
    assert join_lines(["linja-", "auto"]) == "linja-auto"
    assert join_lines(["vuosille 2023-", "2025"]) == "vuosille 2023- 2025"  # a digit: not a split word
    assert join_lines(["Pohjois-", "Suomi"]) == "Pohjois-Suomi"
    assert join_lines(["Vihreä –", "tavoitetta edistetty"]) == "Vihreä – tavoitetta edistetty"


# --- errors ------------------------------------------------------------------------------------
def _error(path: Path, display: str | None = None) -> DocumentError:
    with pytest.raises(DocumentError) as caught:
        read(path, display)
    message = str(caught.value)
    assert "\n" not in message and " / " in message and message.startswith(display or str(path))
    return caught.value


def test_unknown_suffix_lists_the_accepted_ones(tmp_path):
    path = tmp_path / "ohjelma.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    error = _error(path, "ohjelma.doc")
    assert ".docx" in error.en and ".pdf" in error.fi and ".markdown" in error.en and "tuntematon" in error.fi


@pytest.mark.parametrize("suffix", [".docx", ".odt", ".pdf"])
def test_wrong_magic_bytes(suffix, tmp_path):
    path = tmp_path / f"ohjelma{suffix}"
    path.write_bytes(b"<html><body>Tallennettu verkkosivu</body></html>")
    error = _error(path)
    assert suffix.lstrip(".") in error.en.lower()


def test_binary_text_file(tmp_path):
    path = tmp_path / "ohjelma.txt"
    path.write_bytes(b"PK\x03\x04\x00\x00binary")
    assert "binary" in _error(path).en


def test_missing_library_says_how_to_install(tmp_path, monkeypatch):
    path = tmp_path / "ohjelma.pdf"
    write(MADE, path)
    monkeypatch.setitem(sys.modules, "pypdf", None)  # import pypdf now raises ImportError
    error = _error(path)
    assert 'pip install "kotocheck[documents]"' in error.fi and 'pip install "kotocheck[documents]"' in error.en
    assert "pypdf" in error.en


def test_pdf_without_text_layer(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 150, style="F")  # a 'scanned' page: drawing, no text
    path = tmp_path / "skannattu.pdf"
    pdf.output(str(path))
    error = _error(path, "skannattu.pdf")
    assert "no text layer (scanned image?)" in error.en and "tekstikerrosta" in error.fi


def test_missing_file(tmp_path):
    error = _error(tmp_path / "puuttuu.md")
    assert (error.fi, error.en) == ("Tiedostoa ei löydy.", "File not found.")  # the loader's words


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_a_document_without_text_is_one_line_not_an_empty_reading(tmp_path, suffix):
    empty = tmp_path / f"tyhja{suffix}"
    empty.write_text("\n  \n" if suffix != ".html" else "<html><body></body></html>", encoding="utf-8")
    assert _error(empty).en == "the document has no text"


def test_format_modules_load_lazily():
    code = ("import sys, kotocheck.documents; "
            "print(sorted(m for m in ('docx', 'pypdf', 'odf', 'kotocheck.documents.pdf') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
