"""`kotocheck import`'s parts: the facts read from a document (documents/facts.py) and the draft
YAML written from it (draft.py). The draft must keep all of the source's text in its order, load
back to exactly the intended strings, validate with no schema or YAML findings, and render in the
original order."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kotocheck import loader
from kotocheck.documents.facts import read_facts
from kotocheck.documents.model import Block, Place, SourceDocument
from kotocheck.draft import chapters, draft, lossless, scalar, source, strings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
KEMIJARVI = SEEDS / "003-kemijarvi-kotouttamisohjelma-2023-2025.txt"
ROVANIEMI = SEEDS / "000-rovaniemi-seurantaraportti-2022-2025.txt"
CHECKLIST = "kotouttamisohjelma-1386-2010"

TRICKY = [
    "# not a comment", ": colon at the start", "a: colon inside", "- leading dash", "yes", "No", "on", "2025",
    "2025-06-12", "1.5", "0x1F", "~", "null", 'He said "hello"', "it's", "tab\there", "\tleading tab",
    "trailing space ", " leading space", "back\\slash", "[not, a, list]", "{not: a map}", "& anchor", "*alias",
    "! tag", "%directive", "@at", "`tick", "| pipe", "> fold", "? question", "line one\nline two",
    "para one\n\npara two", "ends with newline\n", "a  double  space", "€ 54 880 €", "ääkköset ÅÄÖ",
    "no\u00a0break", "zero\u200bwidth", "line\u2028separator", "next\x85line", "bell\x07", "text #hash",
    "text # hash", "...", "---", "key: value\n- item", "   ", "x" * 300,
]


def doc(*blocks: tuple[str, str] | tuple[str, str, int], file: str = "ohjelma.docx", rows=None) -> SourceDocument:
    """A SourceDocument from (kind, text[, level]) pairs; places are the running numbers."""
    out = []
    for n, spec in enumerate(blocks, start=1):
        kind, text, *level = spec
        out.append(Block(kind, text, Place(n), level[0] if level else (1 if kind == "heading" else 0),
                         rows=rows if kind == "table" else None))
    return SourceDocument(file, "docx", out)


def load(text: str, fast: bool = False):
    """The draft as validate reads it (fast: libyaml) and as fmt reads it (round trip: ruamel)."""
    return loader.parse(text, "draft.yaml", round_trip=not fast).data


def validate(tmp_path: Path, text: str, cli) -> dict:
    import json

    path = tmp_path / "draft.yaml"
    path.write_text(text, encoding="utf-8")
    result = cli("validate", path, "--format", "json")
    return json.loads(result.output)


def bad_rules(report: dict) -> list[str]:
    return [f["rule"] for f in report["findings"]
            if f["rule"].startswith(("schema", "yaml", "not-assessed.unknown", "not-assessed.empty"))]


SMALL = doc(
    ("heading", "Sallan kunnan kotoutumisohjelma 2024–2027"),
    ("paragraph", "Kunnanvaltuusto on hyväksynyt ohjelman 12.6.2023 § 45."),
    ("heading", "Johdanto"),
    ("paragraph", "Ohjelma kertoo, miten Salla edistää kotoutumista."),
    ("heading", "Tavoitteet"),
    ("list_item", "1. Maahanmuuttaneet työllistyvät"),
    ("list_item", "2. Palvelut ovat saavutettavia"),
    ("paragraph", "Tavoitteita seurataan vuosittain."),
    ("heading", "Yhteystiedot"),
    ("paragraph", "Kotoutumiskoordinaattori, puh. 040 123 4567"),
)


# --- facts ---------------------------------------------------------------------------------------------


def test_facts_of_a_small_document():
    facts = read_facts(SMALL)
    assert facts.municipality.value == "Salla" and facts.municipality.certain  # "Salla" is in the text
    assert facts.municipality.place == Place(1)
    assert facts.period.value == (2024, 2027)
    approval = facts.approval.value
    assert (approval.body, approval.date, approval.reference) == ("Kunnanvaltuusto", dt.date(2023, 6, 12), "§ 45")
    assert facts.approval.place == Place(2)
    assert [(g.number, g.title, g.place) for g in facts.goals] == [
        ("1", "Maahanmuuttaneet työllistyvät", Place(6)), ("2", "Palvelut ovat saavutettavia", Place(7))]


@pytest.mark.parametrize("text, body, date, ref", [
    ("Kaupunginvaltuusto hyväksynyt 12.6.2023 § 45", "Kaupunginvaltuusto", dt.date(2023, 6, 12), "§ 45"),
    ("Hyväksytty kaupunginvaltuustossa 3.10.2022, 88 §", "Kaupunginvaltuusto", dt.date(2022, 10, 3), "88 §"),
    ("Kvalt 14.2.2024 § 7", "Kaupunginvaltuusto", dt.date(2024, 2, 14), "§ 7"),
    ("Hyvinvointilautakunta hyväksyi 1.3.2024 ohjelman", "Hyvinvointilautakunta", dt.date(2024, 3, 1), None),
])
def test_approval_forms(text, body, date, ref):
    approval = read_facts(doc(("paragraph", text))).approval.value
    assert (approval.body, approval.date, approval.reference) == (body, date, ref)


@pytest.mark.parametrize("text", [
    "Kotouttamisohjelma hyväksytään kunkin kunnan kunnanvaltuustossa.",  # general wording: no date
    "Kaupunginvaltuusto hyväksyi 31.2.2023 § 4",  # no such date
])
def test_no_approval_is_invented(text):
    assert read_facts(doc(("paragraph", text))).approval is None


def test_nothing_found_is_none():
    facts = read_facts(doc(("paragraph", "Lorem ipsum dolor sit amet."), ("list_item", "yksi")))
    assert (facts.municipality, facts.title, facts.period, facts.approval, facts.goals, facts.measures) == (
        None, None, None, None, [], [])


@pytest.mark.parametrize("genitive, base, certain", [
    ("Kemijärven", "Kemijärvi", True), ("Rovaniemen", "Rovaniemi", True), ("Helsingin", "Helsinki", True),
    ("Seinäjoen", "Seinäjoki", True), ("Lappeenrannan", "Lappeenranta", True), ("Oulun", "Oulu", False),
])
def test_municipality_base_form(genitive, base, certain):
    facts = read_facts(doc(("heading", f"{genitive} kaupungin kotouttamisohjelma")))
    assert (facts.municipality.value, facts.municipality.certain) == (base, certain)


def test_municipality_from_the_text_is_uncertain_and_skips_other_words():
    facts = read_facts(doc(("paragraph", "Tämän kunnan palvelut."), ("paragraph", "Suomen kunnat ja Lapin kunnat."),
                           ("paragraph", "Sallan kunnan kotoutumispalvelut ja Sallan kunta.")))
    assert (facts.municipality.value, facts.municipality.certain, facts.municipality.place) == ("Salla", False, Place(3))


def test_goals_and_measures_from_a_table():
    rows = [["Tavoite", "Toimenpide", "Vastuutaho", "Aikataulu"],
            ["1. Työllistyminen", "Työkokeilut", "Työllisyyspalvelut", "2025"],
            ["", "Kielikurssit", "Kansalaisopisto", "2025–2026"],
            ["2. Osallisuus", "Kielikahvila", "Kirjasto", ""]]
    text = "\n".join(" | ".join(r) for r in rows)
    facts = read_facts(doc(("heading", "Ohjelma 2025-2027"), ("table", text), rows=rows))
    assert [(g.number, g.title, [(m.title, m.responsible, m.schedule) for m in g.measures]) for g in facts.goals] == [
        ("1", "Työllistyminen", [("Työkokeilut", "Työllisyyspalvelut", "2025"),
                                 ("Kielikurssit", "Kansalaisopisto", "2025–2026")]),
        ("2", "Osallisuus", [("Kielikahvila", "Kirjasto", None)])]


def test_measures_from_a_lead_in_list():
    source = doc(("heading", "Ohjelma 2025-2027"), ("heading", "Toimeenpano"),
                 ("paragraph", "Ohjelman toimenpiteet:"), ("list_item", "Kielikahvila"), ("list_item", "Työkokeilut"),
                 ("paragraph", "Toimenpiteitä seurataan."))
    facts = read_facts(source)
    assert [(m.title, m.place) for m in facts.measures] == [("Kielikahvila", Place(4)), ("Työkokeilut", Place(5))]
    assert facts.goals == []


# --- the draft -----------------------------------------------------------------------------------------


def test_small_draft_values_and_sources():
    text = draft(SMALL, read_facts(SMALL), CHECKLIST)
    data = load(text)
    assert data["kind"] == "programme" and data["status"] == "draft" and data["checklist"] == CHECKLIST
    assert data["title"] == "Sallan kunnan kotoutumisohjelma 2024–2027"
    ident = data["identification"]
    assert ident["municipality"] == "Salla"
    assert ident["period"] == {"start": 2024, "end": 2027}
    assert ident["approval"] == {"body": "Kunnanvaltuusto", "date": dt.date(2023, 6, 12), "reference": "§ 45"}
    assert [g["title"] for g in data["goals"]] == ["Maahanmuuttaneet työllistyvät", "Palvelut ovat saavutettavia"]
    assert [(c["type"], c.get("title")) for c in data["chapters"]] == [
        ("own", None), ("introduction", "Johdanto"), ("own", "Tavoitteet"), ("contact", "Yhteystiedot")]
    assert data["chapters"][2]["include"] == "goals"
    # every value says where it came from, on the line above it
    lines = text.splitlines()
    for key, place in (("title:", "kpl 1"), ("  municipality:", "kpl 1"), ("  approval:", "kpl 2")):
        at = next(i for i, line in enumerate(lines) if line.startswith(key))
        assert f"lähde: {place}" in lines[at - 1], (key, lines[at - 1])
    assert "# lähde: kpl 5–8" in text  # the goals chapter: its heading to its last paragraph
    assert lossless(SMALL, data) == 1.0


def test_small_draft_validates_and_renders_in_order(tmp_path, cli):
    text = draft(SMALL, read_facts(SMALL), CHECKLIST)
    report = validate(tmp_path, text, cli)
    assert bad_rules(report) == [], report["findings"]
    md = tmp_path / "draft.md"
    cli("render", tmp_path / "draft.yaml", "-o", md)
    rendered = md.read_text(encoding="utf-8")
    body = rendered[rendered.index("Kunnanvaltuusto on hyväksynyt"):]
    order = ["Kunnanvaltuusto on hyväksynyt", "Johdanto", "Ohjelma kertoo", "Tavoitteet",
             "Maahanmuuttaneet työllistyvät", "Tavoitteita seurataan", "Yhteystiedot", "Kotoutumiskoordinaattori"]
    at = [body.find(t) for t in order]
    assert -1 not in at and at == sorted(at), dict(zip(order, at))


def test_a_document_without_facts_still_validates(tmp_path, cli):
    source = doc(("paragraph", "Lorem ipsum."), ("list_item", "yksi"), ("paragraph", "kaksi"))
    text = draft(source, read_facts(source), CHECKLIST)
    data = load(text)
    assert data["title"] == "ohjelma.docx"  # the schema needs a title: the file's name, said so in a comment
    assert data["identification"]["municipality"] == "Kunnan nimi"
    assert "# kunnan nimeä ei löytynyt asiakirjasta: täydennä" in text  # the skeleton's placeholder, said so
    # no checklist item reads the municipality (the schema needs it), so only the others are marked
    assert {m["section"] for m in data["not_assessed"]} >= {"identification.period", "identification.approval"}
    assert bad_rules(validate(tmp_path, text, cli)) == []


def test_tricky_text_round_trips_exactly(tmp_path, cli):
    blocks = [("heading", "Sallan\x07 kunnan ohjelma 2025-2027 # x\u2028: y")]  # quoted in comments too
    for text in TRICKY:
        blocks += [("heading", text.strip() or "otsikko", 1), ("paragraph", text), ("list_item", text),
                   ("paragraph", "toinen kappale")]
    source = doc(*blocks)
    facts = read_facts(source)
    text = draft(source, facts, CHECKLIST)
    planned = chapters(source, facts)
    for fast in (False, True):
        data = load(text, fast=fast)
        for chapter, written in zip(planned, data["chapters"]):
            if chapter.heading is not None:
                assert written["title"] == chapter.heading.text.strip()
        from kotocheck.draft import chapter_text
        assert [c.get("text") for c in data["chapters"]] == [chapter_text(c) or None for c in planned]
        assert data["title"] == "Sallan\x07 kunnan ohjelma 2025-2027 # x\u2028: y"
        assert lossless(source, data) == 1.0
    assert bad_rules(validate(tmp_path, text, cli)) == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40))
def test_scalar_loads_back_exactly(value):
    text = f"a: {scalar(value)}\n"
    assert loader.parse(text, "x.yaml").data == {"a": value}
    assert loader.parse(text, "x.yaml", round_trip=False).data == {"a": value}


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30),
                min_size=1, max_size=5))
def test_chapter_text_loads_back_exactly(paragraphs):
    source = doc(("heading", "Ohjelma"), ("heading", "Luku"), *[("paragraph", p) for p in paragraphs])
    facts = read_facts(source)
    data = load(draft(source, facts, CHECKLIST))
    from kotocheck.draft import chapter_text
    (planned,) = chapters(source, facts)
    assert data["chapters"][0]["title"] == "Luku"
    assert data["chapters"][0].get("text") == (chapter_text(planned) or None)


def test_an_empty_document_gives_an_empty_chapter_list(tmp_path, cli):
    source = doc(("heading", "Ohjelma 2025-2027"))
    text = draft(source, read_facts(source), CHECKLIST)
    assert load(text)["chapters"] == []
    assert bad_rules(validate(tmp_path, text, cli)) == []


def test_source_names_pages_of_a_pdf_and_paragraphs_otherwise():
    assert source([Place(12)]) == "lähde: kpl 12"
    assert source([Place(12), Place(20)]) == "lähde: kpl 12–20"
    assert source([Place(12, 3), Place(20, 5)]) == "lähde: s. 3–5 (kpl 12–20)"
    assert source([None]) == "lähde: tiedoston tiedot / source: file metadata"


def test_chapter_types_keep_the_order():
    """An appendix or contact chapter before the municipality's other chapters would render after the
    standard parts, so it stays an own chapter; at the end it keeps its type."""
    source = doc(("heading", "Ohjelma 2025-2027"), ("heading", "Liite 1"), ("paragraph", "a"),
                 ("heading", "Luku"), ("paragraph", "b"), ("heading", "Liitteet"), ("paragraph", "c"),
                 ("heading", "Yhteystiedot"), ("paragraph", "d"))
    assert [c.type for c in chapters(source, read_facts(source))] == ["own", "own", "appendix", "contact"]


# --- the seed documents, read by the text reader ------------------------------------------------------------


def seed(path: Path) -> SourceDocument:
    read = pytest.importorskip("kotocheck.documents", reason="the document readers are not there yet").read
    if not path.exists():
        pytest.skip(f"seed text {path.name} is not in ../shared/seeds")
    return read(path)


@pytest.mark.parametrize("path", [KEMIJARVI, ROVANIEMI], ids=["kemijarvi", "rovaniemi"])
def test_seed_draft_is_lossless_and_validates(path, tmp_path, cli):
    source = seed(path)
    text = draft(source, read_facts(source), CHECKLIST)
    for fast in (False, True):
        assert lossless(source, load(text, fast=fast)) == 1.0
    # in order too: every block's text is found after the previous one's in the chapters
    data = load(text)
    flat = "".join(re.sub(r"\s+", "", s) for c in data["chapters"] for s in strings(c))
    title = data["title"]
    at = 0
    for block in source.blocks:
        needle = re.sub(r"\s+", "", block.text)
        if not needle or block.text.strip() == title:
            continue
        hit = flat.find(needle, at)
        assert hit >= 0, block
        at = hit
    assert bad_rules(validate(tmp_path, text, cli)) == []


def test_kemijarvi_facts_and_chapters():
    source = seed(KEMIJARVI)
    facts = read_facts(source)
    assert facts.municipality.value == "Kemijärvi" and facts.municipality.certain
    assert facts.period.value == (2023, 2025)
    assert facts.approval is None  # the programme does not say when it was approved
    assert [g.title for g in facts.goals] == [
        "maahanmuuttajien ja kotouttamisen täsmälliset, oikea-aikaiset ja laadukkaat toimenpiteet",
        "maahanmuuttajien työllistyminen",
        "maahanmuuttajien yhteisöllisyyden, osallisuuden ja oman vastuunoton vahvistaminen"]
    data = load(draft(source, facts, CHECKLIST))
    titles = [c.get("title") for c in data["chapters"]]
    # hand-written from the seed: the top-level headings in order (ELY-KESKUS follows its parent
    # heading directly, so it is a sub-heading in that chapter's text)
    assert titles[:8] == ["SISÄLTÖ", "JOHDANTO", "ULKOMAALAISTEN OSUUS KEMIJÄRVELLÄ", "KESKEISIÄ KÄSITTEITÄ",
                          "LAINSÄÄDÄNTÖ", "KOTOUTTAMISTA OHJAAVAT STRATEGIAT",
                          "KEMIJÄRVEN MAAHANMUUTTOTYÖN VISIO, ARVOT JA TAVOITTEET", "KOTOUTTAMISTYÖ"]
    assert titles[-3:] == ["SAURASÄÄTIÖ", "KOTOUTUMISTA TUKEVAT VAPAAEHTOISPALVELUT", "TIEDOTTAMINEN JA SEURANTA"]
    assert "ELY-KESKUS" not in titles and "Alkukartoitus" not in titles
    types = {c.get("title"): c["type"] for c in data["chapters"]}
    assert (types["JOHDANTO"], types["KESKEISIÄ KÄSITTEITÄ"], types["LAINSÄÄDÄNTÖ"]) == (
        "introduction", "terms", "legislation")
    assert data["identification"]["municipality"] == "Kemijärvi"
    assert data["identification"]["period"] == {"start": 2023, "end": 2025}


def test_kemijarvi_renders_in_the_original_order(tmp_path, cli):
    source = seed(KEMIJARVI)
    path = tmp_path / "kemijarvi.yaml"
    path.write_text(draft(source, read_facts(source), CHECKLIST), encoding="utf-8")
    cli("render", path, "-o", tmp_path / "k.md")
    rendered = (tmp_path / "k.md").read_text(encoding="utf-8")
    headings = [re.sub(r"^## \d+\. ", "", line) for line in rendered.splitlines() if re.match(r"## \d+\. ", line)]
    assert headings == [c.get("title") for c in load(path.read_text(encoding="utf-8"))["chapters"]]
    body = rendered[rendered.index("## 2. JOHDANTO"):]
    firsts = ["Maailmassa on meneillään pakolaiskriisi", "Kemijärvellä oli vuoden 2021 lopussa",
              "Kotouttamisohjelman tavoitteet:", "Maahanmuutto-ohjelma on luettavissa kaupungin nettisivuilla"]
    at = [body.find(t) for t in firsts]
    assert -1 not in at and at == sorted(at)


TABLE_ROWS = [["Tavoite", "Toimenpide", "Vastuutaho", "Aikataulu"],
              ["1. Työllistyminen", "Työkokeilut", "Työllisyyspalvelut", "2025"],
              ["", "Kielikurssit: iltaryhmä", "Kansalaisopisto", "2025–2026"]]


@pytest.mark.parametrize("blocks", [
    [("heading", "Tavoitteet ja toimenpiteet"), ("paragraph", "Taulukko 1."),
     ("table", "\n".join(" | ".join(r) for r in TABLE_ROWS)), ("heading", "Seuranta"), ("paragraph", "Vuosittain.")],
    [("heading", "Tavoitteet"), ("list_item", "Työllistyminen"), ("heading", "Toimenpiteet"),
     ("list_item", "1. Työkokeilut"), ("list_item", "2. Kielikurssit"), ("heading", "Seuranta"), ("paragraph", "x")],
], ids=["table", "lists"])
def test_goals_and_measures_in_the_draft_validate_and_keep_the_order(blocks, tmp_path, cli):
    source = doc(("heading", "Ohjelma 2025-2027"), ("heading", "Johdanto"), ("paragraph", "Alku."), *blocks,
                 rows=TABLE_ROWS)
    facts = read_facts(source)
    text = draft(source, facts, CHECKLIST)
    data = load(text)
    assert data["goals"][0]["title"] == "Työllistyminen"
    measures = data["goals"][0].get("measures") or data.get("measures")
    assert [m["title"] for m in measures][:1] == ["Työkokeilut"]
    assert [c.get("include") for c in data["chapters"] if c.get("include")] in (["goals"], ["goals", "measures"])
    assert lossless(source, data) == 1.0
    assert bad_rules(validate(tmp_path, text, cli)) == []
    md = tmp_path / "d.md"
    cli("render", tmp_path / "draft.yaml", "-o", md)
    rendered = md.read_text(encoding="utf-8")
    body = rendered[rendered.index("Alku."):]
    at = [body.find(t) for t in ("Alku.", "Työllistyminen", "Työkokeilut", "Seuranta")]
    assert -1 not in at and at == sorted(at), at


def _table(rows: list[list[str]]) -> SourceDocument:
    blocks = [Block("heading", "Ohjelma 2025–2028", Place(1), level=1),
              Block("table", "\n".join(" | ".join(r) for r in rows), Place(2), rows=rows)]
    return SourceDocument("t.md", "md", blocks)


def test_an_indicator_table_holds_no_goals():
    """"Tavoite 2028" heads an indicator's target value: its cells ("65 %") are no goals."""
    facts = read_facts(_table([["Mittari", "Lähtötaso", "Tavoite 2028"], ["Työllisyysaste", "58 %", "65 %"]]))
    assert facts.goals == [] and facts.measures == []


def test_a_goal_and_measure_table_gives_goals_with_their_measures():
    facts = read_facts(_table([["Tavoite", "Toimenpide", "Vastuutaho"],
                               ["Työllisyys paranee", "Rekrytointipäivä", "Elinvoimapalvelut"],
                               ["", "Kielikurssi työpaikoilla", "Sivistyspalvelut"]]))
    assert [g.title for g in facts.goals] == ["Työllisyys paranee"]
    assert [(m.title, m.responsible) for m in facts.goals[0].measures] == [
        ("Rekrytointipäivä", "Elinvoimapalvelut"), ("Kielikurssi työpaikoilla", "Sivistyspalvelut")]
