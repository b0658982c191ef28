"""The evidence engine of `kotocheck scan` (src/kotocheck/scan/): hand-made documents whose
verdict is known, the word matching it rests on (inflection, compounds), the choice of checklist,
and the measured agreement on the Kemijärvi programme (scripts/evaluate-scan)."""

from __future__ import annotations

import importlib.machinery
import importlib.util
import sys
from pathlib import Path

import pytest

pytest.importorskip("simplemma")

from conftest import ROOT  # noqa: E402
from document_fixtures import document  # noqa: E402
from kotocheck.checklist import load_checklist  # noqa: E402
from kotocheck.documents.model import DocumentError, SourceDocument  # noqa: E402
from kotocheck.scan import lemmas  # noqa: E402
from kotocheck.scan.choose import NEW, OLD, SERVICES, choice, choose_checklist  # noqa: E402
from kotocheck.scan.evidence import QUOTE_CHARS, quote, scan_document  # noqa: E402

OLD_LAW = ROOT / "checklists" / "kotouttamisohjelma-1386-2010.yaml"
SEED = ROOT.parent / "shared" / "seeds" / "003-kemijarvi-kotouttamisohjelma-2023-2025.txt"


@pytest.fixture(scope="module", autouse=True)
def _own_cache(tmp_path_factory):
    """The term lexicon is built into a folder of the tests' own, not the user's cache."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KOTOCHECK_CACHE", str(tmp_path_factory.mktemp("cache")))
        lemmas.lexicon.cache_clear()
        yield
    lemmas.lexicon.cache_clear()


def scan(*blocks: tuple, checklist: Path = OLD_LAW):
    return scan_document(document(list(blocks), file="made.txt"), load_checklist(checklist))


# --- verdicts on hand-made documents ----------------------------------------------------------

def test_a_monitoring_chapter_naming_indicators_is_evidence_with_its_quote_and_place():
    result = scan(("heading", "Seuranta ja arviointi", 1),
                  ("paragraph", "Ohjelman toteutumista seurataan vuosittain. Kullekin tavoitteelle on mittari, "
                                "jolla on lähtötaso vuodelta 2023 ja tavoitetaso vuodelle 2025."))
    evidence = result.item("6.2")
    assert evidence.status == "found"
    passage = evidence.passages[0]
    assert passage.place.block == 2 and passage.place.label() == "kpl 2"
    assert "mittari" in passage.quote and passage.heading == "Seuranta ja arviointi"
    assert {"mittari", "lähtötaso", "tavoitetaso"} <= set(passage.terms)


def test_inflected_forms_match_the_base_form_of_a_term():
    lemmatiser = lemmas.Lemmatiser("fi", frozenset({"tavoite", "mittari"}))
    assert {lemmatiser.lemma(w) for w in ("tavoitteet", "tavoitteiden", "tavoitteisiin", "tavoite")} == {"tavoite"}
    result = scan(("heading", "Kotouttamisohjelman tavoitteet", 1),
                  ("paragraph", "Tavoitteiden toteutumista edistetään; "
                                "tavoitteisiin kuuluvat työllisyys ja osallisuus."))
    assert result.item("4.1").status == "found"
    assert "tavoite" in result.item("4.1").passages[0].terms


def test_compounds_match_their_head_and_long_first_part_but_not_a_short_ending():
    result = scan(("paragraph", "Kotoutumissuunnitelman laatii kunta. Varhaiskasvatuspalvelut ja perusopetus "
                                "huolehtivat lapsista ja nuorista."))
    assert result.item("5.7").status in ("found", "weak")  # "varhaiskasvatus" inside the compound
    from kotocheck.scan.evidence import Words
    lemmatiser = lemmas.Lemmatiser("fi", frozenset({"suunnitelma", "kunta", "kotoutumissuunnitelma"}))
    words = Words(lemmatiser.tokens("kotoutumissuunnitelman yhteiskunnan"))
    assert words.find(("kotoutumissuunnitelma",)) and words.find(("suunnitelma",))
    assert words.find(("kunta",)) is None  # "yhteiskunta" (society) is not "kunta" (municipality)


def test_a_document_without_an_items_words_has_no_evidence_for_it():
    result = scan(("heading", "Kirjasto", 1),
                  ("paragraph", "Kirjasto on auki arkisin kello yhdeksästä kahteenkymmeneen."))
    assert result.item("6.2").status == "not_found" and result.item("6.2").passages == ()
    assert all(e.status == "not_found" for e in result.items)


def test_a_single_passing_mention_is_weak_evidence():
    result = scan(("paragraph", "Ohjelman toimenpiteet toteutetaan talousarvion puitteissa."))
    evidence = result.item("L32.3")
    assert evidence.status == "weak"
    assert [p.place.block for p in evidence.passages] == [1]


def test_a_table_with_indicator_columns_counts_as_monitoring_evidence():
    rows = [["Tavoite", "Mittari", "Lähtötaso", "Tavoitetaso"],
            ["Työllisyys kasvaa", "Työllisyysaste", "45 %", "55 %"]]
    result = scan(("heading", "Liite", 1), ("table", "", 0, rows))
    assert result.item("6.2").status == "found"
    assert result.item("6.2").passages[0].place.block == 2


def test_the_table_of_contents_is_no_evidence():
    result = scan(("heading", "Sisällys", 1), ("list_item", "Seuranta, mittarit ja raportointi valtuustolle 15"),
                  ("list_item", "Viestintä ja tiedottaminen kuntalaisille 16"))
    assert result.item("6.4").status == "not_found" and result.item("7.1").status == "not_found"


def test_the_approval_rule_restated_is_not_a_council_decision():
    restated = scan(("paragraph", "Kotouttamisohjelma hyväksytään kunnanvaltuustossa "
                                  "ja tarkistetaan neljän vuoden välein."))
    assert restated.item("L32.1").status == "not_found"
    decided = scan(("paragraph", "Kaupunginvaltuusto hyväksyi ohjelman kokouksessaan 12.6.2023 § 45."))
    assert decided.item("L32.1").status == "found"


def test_swedish_terms_are_found_in_a_swedish_document():
    result = scan(("heading", "Uppföljning", 1),
                  ("paragraph", "Programmets mål följs upp årligen med indikatorer och målnivåer, och det "
                                "rapporteras till nämnden och fullmäktige."))
    assert result.language == "sv"
    assert result.item("6.2").status in ("found", "weak")
    assert result.item("6.4").status in ("found", "weak")


def test_quotes_are_trimmed_around_the_matched_words():
    text = "Alku. " + "Täytettä ilman asiaa. " * 30 + "Seuranta ja mittarit kuvataan tässä. " + "Loppua. " * 40
    start = text.index("Seuranta")
    trimmed = quote(text, [(start, start + len("Seuranta ja mittarit"))])
    assert len(trimmed) <= QUOTE_CHARS and "Seuranta ja mittarit" in trimmed
    assert trimmed.startswith("…") and trimmed.endswith("…")
    assert quote("Lyhyt kappale.", [(0, 5)]) == "Lyhyt kappale."


def test_every_item_of_every_shipped_checklist_gets_a_status():
    for name in ("kotouttamisohjelma-1386-2010", "kotoutuminen-681-2023", "kotoutumisohjelma-681-2023"):
        path = ROOT / "checklists" / f"{name}.yaml"
        result = scan(("paragraph", "Kotoutumisen tavoitteet ja seuranta."), checklist=path)
        assert [e.item for e in result.items] == [i.id for i in load_checklist(path).items]
        assert {e.status for e in result.items} <= {"found", "weak", "not_found"}


def test_without_simplemma_one_clear_line_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "simplemma", None)
    lemmas.lexicon.cache_clear()
    with pytest.raises(DocumentError) as caught:
        lemmas.Lemmatiser("fi", frozenset({"ainutkertainen-sana"}))
    assert 'pip install "kotocheck[documents]"' in str(caught.value)
    lemmas.lexicon.cache_clear()


# --- choosing the checklist -------------------------------------------------------------------

@pytest.mark.parametrize(("title", "expected"), [
    ("Kemijärven kaupungin kotouttamisohjelma 2023-2025", OLD),
    ("Kotouttamisohjelma 2019–2022", OLD),
    ("Kotoutumisen edistämisen suunnitelma 2025–2028", NEW),
    ("Kunnan kotoutumisohjelma: alkuvaiheen palvelut", SERVICES),
])
def test_the_checklist_is_chosen_by_title_and_period(title, expected):
    assert choose_checklist(document([("heading", title, 1)])) == expected


def test_without_title_or_period_the_law_cited_decides():
    doc = document([("paragraph", "Suunnittelu perustuu lakiin 681/2023 ja sen 45 §:ään (681/2023).")])
    assert choose_checklist(doc) == NEW
    assert choice(SourceDocument("x", "txt")).reason["en"].startswith("nothing decided")
    assert choose_checklist(document([("paragraph", "Ohjelma")]), period=(2021, 2024)) == OLD


# --- measured on the Kemijärvi programme ------------------------------------------------------

def _evaluation_script():
    loader = importlib.machinery.SourceFileLoader("evaluate_scan", str(ROOT / "scripts" / "evaluate-scan"))
    spec = importlib.util.spec_from_loader("evaluate_scan", loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules["evaluate_scan"] = module  # its dataclasses look their module up
    loader.exec_module(module)
    return module


@pytest.mark.skipif(not SEED.exists(), reason="the seed texts are not next to the repository")
def test_scan_agrees_with_validate_on_kemijarvi_and_its_evidence_is_about_the_item(tmp_path):
    script = _evaluation_script()
    doc = script.documents(["txt"], tmp_path)["txt"]
    evaluation = script.evaluate(doc, "txt", script.validate_statuses(), script.answer_key())
    disagreements = [(r.item, r.validate, r.scan) for r in evaluation.rows if r.agree is False]
    assert evaluation.agreement >= 30, disagreements
    # every "found" passage is one the answer key lists for that item
    wrong = [r.item for r in evaluation.rows if r.scan == "found" and r.relevant < r.quoted]
    assert not wrong, wrong
    assert not evaluation.unplaced


@pytest.mark.skipif(not SEED.exists(), reason="the seed texts are not next to the repository")
def test_a_long_document_is_scanned_from_the_cached_lexicon_without_the_slow_dictionary(monkeypatch):
    """What keeps a 40-page scan well under 2 s (docs/scan-quality.md has the timings; no timing
    is asserted here): after the first scan, simplemma's 3.5-million-form dictionary is not
    decoded again, the cached term lexicon is read instead."""
    from kotocheck.documents import read

    seed = read(SEED)
    doc = SourceDocument("long.txt", "txt", [b for _ in range(3) for b in seed.blocks], pages=45)
    first = scan_document(doc, load_checklist(OLD_LAW))
    lemmas.lexicon.cache_clear()  # as a new process would start

    def no_decoding(lang):
        raise AssertionError("the dictionary was decoded again")

    monkeypatch.setattr(lemmas, "_full_dictionary", no_decoding)
    assert scan_document(doc, load_checklist(OLD_LAW)).statuses() == first.statuses()
