"""The facts a programme document states in a form a rule can read without guessing: the
municipality, the title, the period, the approval (body, date, minute §), and the goals and
measures when they are numbered, listed under a goals heading, or in a table with such columns.

Every fact keeps the Place it was read from and the text it was read in, so `import` can say where
each value came from and `scan` can quote it. A fact not found is None (or an empty list): nothing
is inferred from general wording ("the programme is approved by the council" has no date, so it is
no approval). A value derived by a rule that can be wrong (a municipality's base form read from its
genitive) has `certain=False`, and the draft says so."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from kotocheck.documents.model import Block, Place, SourceDocument


@dataclass(frozen=True)
class Fact:
    """One value, where it was read (None: the file's own metadata, e.g. a PDF's title) and the
    passage it was read from."""

    value: Any
    place: Place | None
    quote: str
    certain: bool = True


@dataclass(frozen=True)
class Approval:
    body: str | None
    date: dt.date
    reference: str | None  # the minute section as written, e.g. "§ 45"


@dataclass
class Measure:
    title: str
    place: Place
    number: str | None = None  # "1", "1.2" as numbered in the document
    responsible: str | None = None  # from a table's responsibility column
    schedule: str | None = None  # from a table's schedule column, as written


@dataclass
class Goal:
    title: str
    place: Place
    number: str | None = None
    measures: list[Measure] = field(default_factory=list)


@dataclass
class Facts:
    municipality: Fact | None = None  # value: str (base form)
    title: Fact | None = None  # value: str
    period: Fact | None = None  # value: (start, end) years
    approval: Fact | None = None  # value: Approval
    goals: list[Goal] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)  # measures not under any goal
    goals_source: Place | None = None  # the heading, lead-in or table the goals were read from


def read_facts(doc: SourceDocument) -> Facts:
    facts = Facts()
    facts.title = _title(doc)
    facts.municipality = _municipality(doc, facts.title)
    facts.period = _period(doc, facts.title)
    facts.approval = _approval(doc)
    facts.goals, facts.measures, facts.goals_source = _goals(doc)
    return facts


# --- title ------------------------------------------------------------------------------------------------

# A word naming the document itself, in its base form ("kotouttamisohjelma", not "ohjelmakaudella").
_DOCUMENT_WORD = re.compile(r"\w*(?:ohjelma|suunnitelma|raportti|katsaus|program|programmet|plan|planen)\b",
                            re.IGNORECASE)
_TITLE_MAX = 200


def _title(doc: SourceDocument) -> Fact | None:
    """A short line among the first three naming a programme or plan ("Kemijärven kaupungin
    kotouttamisohjelma 2023-2025": a cover page's first lines), else a first block that is a heading,
    else the file's metadata. A line ending in ":" introduces something and names nothing."""
    first = [b for b in doc.blocks[:3] if b.text.strip() and b.kind != "table" and len(b.text.strip()) <= _TITLE_MAX]
    for block in first:
        text = block.text.strip()
        if _DOCUMENT_WORD.search(text) and not text.endswith(":"):
            return Fact(text, block.place, text)
    if doc.blocks and doc.blocks[0].kind == "heading" and first and first[0] is doc.blocks[0]:
        return Fact(first[0].text.strip(), first[0].place, first[0].text.strip())
    if doc.title and doc.title.strip():
        return Fact(doc.title.strip(), None, doc.title.strip())
    return None


# --- municipality --------------------------------------------------------------------------------------------

# "Kemijärven kaupungin", "Sallan kunnan", "Rovaniemen kaupunki" (an organisation's name in a sentence).
# Singular forms only: "Suomen kunnat" are all of them.
_OWNER = re.compile(r"\b([A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ]?[a-zåäöé]+)?n)\s+"
                    r"(kaupunki|kaupunkia|kaupungi(?:n|ssa|lle|lla|sta|ksi)|kunta|kuntaa|kunna(?:n|ssa|lle|lla|sta|ksi))\b")
# Genitives that start a sentence but name no municipality ("Tämän kunnan", "Kunkin kunnan").
_NOT_NAMES = {"Tämän", "Sen", "Kunkin", "Jokaisen", "Oman", "Saman", "Muun", "Toisen", "Kyseisen", "Koko",
              "Ison", "Pienen", "Uuden", "Vanhan", "Sijoittavan", "Vastaanottavan", "Suomen", "Lapin", "Minkä",
              "Kumman", "Yhden", "Kahden", "Jonkin", "Asuin", "Naapurin", "Hänen", "Heidän"}

# Genitive endings of place-name parts whose base form is regular and known (järven -> järvi).
_ENDINGS = [
    ("järven", "järvi"), ("niemen", "niemi"), ("lahden", "lahti"), ("joen", "joki"), ("kosken", "koski"),
    ("salmen", "salmi"), ("mäen", "mäki"), ("rannan", "ranta"), ("saaren", "saari"), ("nummen", "nummi"),
    ("veden", "vesi"), ("lammin", "lampi"), ("kankaan", "kangas"), ("kylän", "kylä"), ("linnan", "linna"),
    ("vaaran", "vaara"), ("harjun", "harju"), ("kaupungin", "kaupunki"),
]
# Genitives whose base form no ending rule gives (consonant gradation and other stems).
_IRREGULAR = {"Helsingin": "Helsinki", "Turun": "Turku", "Tampereen": "Tampere", "Uudenkaupungin": "Uusikaupunki",
              "Kristiinankaupungin": "Kristiinankaupunki", "Jämsän": "Jämsä", "Raahen": "Raahe"}


def _base_form(genitive: str, text: str) -> tuple[str, bool]:
    """The base form of a municipality's genitive and whether it is certain: a known irregular or
    ending, or the derived form appearing as a word of the document itself."""
    if genitive in _IRREGULAR:
        return _IRREGULAR[genitive], True
    for ending, base in _ENDINGS:
        if genitive.lower().endswith(ending) and len(genitive) > len(ending):
            return genitive[: -len(ending)] + base, True
    candidate = genitive[:-1]  # most Finnish genitives: the base form + n (Oulun, Espoon, Sallan)
    seen = re.search(rf"(?<![\w-]){re.escape(candidate)}(?![\w-])", text) is not None
    return candidate, seen


def _municipality(doc: SourceDocument, title: Fact | None) -> Fact | None:
    """From the title ("Kemijärven kaupungin kotouttamisohjelma"), else the municipality the text
    names most often as "X:n kaupunki/kunta" (uncertain: a document may name its neighbours)."""
    text = doc.text()
    if title is not None:
        match = next((m for m in _OWNER.finditer(title.value) if m.group(1) not in _NOT_NAMES), None)
        if match:
            base, certain = _base_form(match.group(1), text)
            return Fact(base, title.place, title.quote, certain)
    counts: Counter[str] = Counter()
    first: dict[str, Block] = {}
    for block in doc.blocks:
        for match in _OWNER.finditer(block.text):
            if match.group(1) in _NOT_NAMES:
                continue
            counts[match.group(1)] += 1
            first.setdefault(match.group(1), block)
    if not counts:
        return None
    (genitive, _), *rest = counts.most_common()
    if rest and rest[0][1] == counts[genitive]:
        return None  # two names as often: no reading is reliable
    base, _ = _base_form(genitive, text)
    block = first[genitive]
    return Fact(base, block.place, _sentence(block.text, genitive), certain=False)


# --- period --------------------------------------------------------------------------------------------------

_YEARS = re.compile(r"\b((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)\b")
# "Tämä kotouttamisohjelma on laadittu vuosille 2023-2025", "ohjelmakaudelle 2022–2025"
_PERIOD_SENTENCE = re.compile(
    r"\b(?:tämä|ohjelma\w*|suunnitelma\w*)\b[^.]{0,60}?\b(?:vuosille|kaudelle|kausi|ajalle)\s+"
    r"((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)\b", re.IGNORECASE)


def _years(match: re.Match) -> tuple[int, int] | None:
    start, end = int(match.group(1)), int(match.group(2))
    return (start, end) if start <= end <= start + 10 else None


def _period(doc: SourceDocument, title: Fact | None) -> Fact | None:
    """From the title's "2023–2025"; else from a sentence of the document's start that says this
    programme is for those years (uncertain: it may describe another programme)."""
    if title is not None:
        match = _YEARS.search(title.value)
        if match and _years(match):
            return Fact(_years(match), title.place, title.quote)
    for block in doc.blocks[:60]:
        if block.kind == "table":
            continue
        for match in _PERIOD_SENTENCE.finditer(block.text):
            if _years(match) and not re.search(r"\b(edellinen|edellisen|aiempi)\b", match.group(0), re.I):
                return Fact(_years(match), block.place, _sentence(block.text, match.group(0)), certain=False)
    return None


# --- approval ------------------------------------------------------------------------------------------------

_BODY = (r"(?:kaupunginvaltuusto|kunnanvaltuusto|valtuusto|kaupunginhallitus|kunnanhallitus|[a-zåäö-]*lautakunta"
         r"|kvalt|khall)")
_DATE = r"(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d\d)"
_SECTION = r"(?:\s*,?\s*(§\s*\d+|\d+\s*§))?"
_APPROVALS = [
    # "Kaupunginvaltuusto hyväksynyt 12.6.2023 § 45", "Kaupunginvaltuusto on hyväksynyt ohjelman 12.6.2023"
    re.compile(rf"\b({_BODY})\w*\s+(?:on\s+)?hyväksy\w*\s+(?:\w+\s+){{0,3}}?(?:kokouksessaan\s+)?{_DATE}{_SECTION}",
               re.IGNORECASE),
    # "Hyväksytty kaupunginvaltuustossa 12.6.2023 § 45"
    re.compile(rf"\bhyväksy\w*\s+({_BODY})\w*\s+(?:\w+\s+){{0,2}}?{_DATE}{_SECTION}", re.IGNORECASE),
    # "Kvalt 12.6.2023 § 45"
    re.compile(rf"\b(kvalt|khall|kaupunginvaltuusto|kunnanvaltuusto)\w*\s+{_DATE}{_SECTION}", re.IGNORECASE),
]
_BODY_NAMES = {"kvalt": "Kaupunginvaltuusto", "khall": "Kaupunginhallitus"}


def _approval(doc: SourceDocument) -> Fact | None:
    """The first approval stated with a body and a date; the minute § when written beside them."""
    for block in doc.blocks:
        for pattern in _APPROVALS:
            match = pattern.search(block.text)
            if not match:
                continue
            try:
                date = dt.date(int(match.group(4)), int(match.group(3)), int(match.group(2)))
            except ValueError:
                continue  # 31.2.2023 is no date
            body = match.group(1)
            body = _BODY_NAMES.get(body.lower(), body[:1].upper() + body[1:].lower())
            reference = " ".join(match.group(5).split()) if match.group(5) else None
            return Fact(Approval(body, date, reference), block.place, _sentence(block.text, match.group(0)))
    return None


# --- goals and measures --------------------------------------------------------------------------------------

_GOAL_WORD = re.compile(r"\btavoit(?:e|teet|teita|teiden|teisiin|teena)\b|\bmålsättning\w*|\bmål\b", re.IGNORECASE)
_MEASURE_WORD = re.compile(r"\btoimenpi(?:de|teet|teitä|teiden|teisiin)\b|\båtgärd\w*", re.IGNORECASE)
# A lead-in that names this programme's goals: "Kotouttamisohjelman tavoitteet:", "Tavoitteemme ovat:"
_GOAL_LEAD = re.compile(r"(?:^|\w*(?:ohjelma|suunnitelma)\w*\s+)(?:keskeiset\s+)?tavoit(?:teet|teemme|teina)\b"
                        r"[^.]*:\s*$", re.IGNORECASE)
_MEASURE_LEAD = re.compile(r"(?:^|\w*(?:ohjelma|suunnitelma)\w*\s+)toimenpiteet\b[^.]*:\s*$", re.IGNORECASE)
_NUMBER = re.compile(r"^\s*(?:[-–•*]\s*)?(\d{1,2}(?:\.\d{1,2})*)[.)]?\s+(?=\S)")
_BULLET = re.compile(r"^\s*[-–•*]\s+")


def item_text(text: str) -> tuple[str | None, str]:
    """A list item's number as written ("1", "2.3") and its text without the bullet or number."""
    match = _NUMBER.match(text)
    if match:
        return match.group(1), text[match.end():].strip()
    return None, _BULLET.sub("", text).strip()


def _goals(doc: SourceDocument) -> tuple[list[Goal], list[Measure], Place | None]:
    """Goals from a table with a goal column, else from the list right after a goals heading or a
    goals lead-in ("Kotouttamisohjelman tavoitteet:"). Measures from a measures column or list."""
    for block in doc.blocks:
        if block.kind == "table" and block.rows:
            goals, measures = _table_goals(block)
            if goals or measures:
                return goals, measures, block.place
    blocks = doc.blocks
    goals: list[Goal] = []
    measures: list[Measure] = []
    source = None
    for i, block in enumerate(blocks):
        text = block.text.strip()
        is_goal_lead = (block.kind == "heading" and _GOAL_WORD.search(text) and not _MEASURE_WORD.search(text)
                        and len(text) < 120) or (block.kind == "paragraph" and _GOAL_LEAD.search(text))
        is_measure_lead = (block.kind == "heading" and _MEASURE_WORD.search(text) and not _GOAL_WORD.search(text)
                           and len(text) < 120) or (block.kind == "paragraph" and _MEASURE_LEAD.search(text))
        if not (is_goal_lead or is_measure_lead):
            continue
        items = _list_after(blocks, i)
        if not items:
            continue
        if is_goal_lead and not goals:
            goals = [Goal(t, b.place, n) for b, (n, t) in items]
            source = block.place
        elif is_measure_lead and not measures:
            measures = [Measure(t, b.place, n) for b, (n, t) in items]
    return goals, measures, source


def _list_after(blocks: list[Block], i: int) -> list[tuple[Block, tuple[str | None, str]]]:
    """The top-level list items right after block i (nested items belong to their parent item)."""
    items = []
    for block in blocks[i + 1:]:
        if block.kind != "list_item":
            break
        if block.level == 0:
            number, text = item_text(block.text)
            if text:
                items.append((block, (number, text)))
    return items


_RESPONSIBLE_WORD = re.compile(r"\bvastuu|\bvastuutaho|\bvastaa\b|\bansvar", re.IGNORECASE)
_SCHEDULE_WORD = re.compile(r"\baikataulu|\bajankohta|\bmilloin|\btidtabell", re.IGNORECASE)


# A goal or measure column is headed by the word alone ("Tavoite", "Toimenpiteet"): "Tavoite 2028" or
# "Tavoitetaso" heads an indicator's target value, and a table of indicators holds no goals.
_GOAL_COLUMN = re.compile(r"^\s*(?:tavoit(?:e|teet)|mål|målsättning(?:ar)?)\s*:?\s*$", re.IGNORECASE)
_MEASURE_COLUMN = re.compile(r"^\s*(?:toimenpi(?:de|teet)|åtgärd(?:er)?)\s*:?\s*$", re.IGNORECASE)
_INDICATOR_COLUMN = re.compile(r"mittari|indikaattori|lähtötaso|tavoitetaso|tietolähde|indikator|utgångsnivå",
                               re.IGNORECASE)


def _table_goals(block: Block) -> tuple[list[Goal], list[Measure]]:
    """A table whose first row names a goal column and/or a measure column: one measure per row,
    under the goal of its row (an empty goal cell continues the goal above, as merged cells read)."""
    header, *rows = block.rows or [[]]
    if any(_INDICATOR_COLUMN.search(cell or "") for cell in header):
        return [], []
    columns = {"goal": None, "measure": None, "responsible": None, "schedule": None}
    for n, cell in enumerate(header):
        for key, word in (("goal", _GOAL_COLUMN), ("measure", _MEASURE_COLUMN), ("responsible", _RESPONSIBLE_WORD),
                          ("schedule", _SCHEDULE_WORD)):
            if columns[key] is None and word.search(cell or ""):
                columns[key] = n
                break
    if columns["goal"] is None and columns["measure"] is None:
        return [], []

    def cell(row: list[str], key: str) -> str | None:
        n = columns[key]
        value = row[n].strip() if n is not None and n < len(row) and row[n] else ""
        return value or None

    goals: list[Goal] = []
    loose: list[Measure] = []
    for row in rows:
        goal_text, measure_text = cell(row, "goal"), cell(row, "measure")
        if goal_text and (not goals or goals[-1].title != item_text(goal_text)[1]):
            number, title = item_text(goal_text)
            goals.append(Goal(title, block.place, number))
        if measure_text:
            number, title = item_text(measure_text)
            measure = Measure(title, block.place, number, cell(row, "responsible"), cell(row, "schedule"))
            (goals[-1].measures if goals else loose).append(measure)
    return goals, loose


def _sentence(text: str, part: str) -> str:
    """The sentence of `text` that holds `part` (a quote short enough for a comment)."""
    at = text.find(part)
    if at < 0:
        return text[:200]
    start = max(text.rfind(". ", 0, at) + 2, 0) if text.rfind(". ", 0, at) >= 0 else 0
    end = text.find(". ", at + len(part))
    return text[start:end + 1 if end >= 0 else len(text)].strip()[:300]
