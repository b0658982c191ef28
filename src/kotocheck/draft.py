"""A draft programme YAML from a document the municipality already has (`kotocheck import`).

What a rule can read reliably (documents.facts) goes into its field with a comment naming the
place it came from. The document's own text goes, all of it and in its order, into `chapters:`:
one chapter per top-level heading, typed where the heading says what it is (JOHDANTO is an
introduction, KESKEISIÄ KÄSITTEITÄ the key terms); every other chapter is the municipality's own.
So the draft loses nothing and renders in the original order. The standard parts the import could
not fill are marked `not_assessed:` (imported, not yet read into this part), never invented.

The YAML is written by hand, not by a YAML library, so that every value can carry its comment;
kotocheck.yaml_writing quotes every value, and the tests load tricky text back."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePath

from kotocheck.documents.facts import Fact, Facts
from kotocheck.documents.model import Block, Place, SourceDocument
from kotocheck.yaml_writing import INDENT, comment as _comment, scalar, value as _value

# The standard parts in their usual order (models.vocab.ProgrammePart) with the words of a heading
# that likely holds their content: the not_assessed note points the coordinator there.
PART_WORDS = {
    "process": r"valmistel|laadin|beredning",
    "situation": r"tilanne|tilannekuva|väestö|osuus|ulkomaalais|maahanmuuttaja\w* määrä|läget",
    "strategy_links": r"strategi",
    "goals": r"tavoit|visio|mål",
    "measures": r"toimenpi|åtgärd",
    "sections": r"palvelu|vastuu|lapset|nuoret|tjänst",
    "cooperation": r"yhteisty|kumppan|samarbet",
    "monitoring": r"seuranta|arvioin|uppfölj",
    "communication": r"tiedott|viestin|kommunik",
    "services": r"kotoutumisohjelma|alkuvaihe",
}
# A heading that says which kind of chapter it is (models.vocab.ChapterType).
CHAPTER_TYPES = [
    ("introduction", r"^(johdanto|alkusanat|esipuhe|saatteeksi|inledning|förord|introduction)\b"),
    ("terms", r"käsitte|sanasto|termit|begrepp|ordlista"),
    ("legislation", r"lainsäädäntö|lakiperust|säädösperust|lagstiftning"),
    ("vision", r"^(visio|vision)\b"),
    ("contact", r"^(yhteystied|kontaktuppgift)"),
    ("appendix", r"^(liite|liitteet|bilaga|bilagor)\b"),
]
BACK = ("appendix", "contact")  # rendered after the standard parts unless a chapter includes one

# The notes of not_assessed: Finnish on the first line, English on the second.
NOTE_PART = ("Tuotu asiakirjasta: ei vielä luettu tähän kohtaan.{see}\n"
             "Imported from the document: not yet read into this part.{see_en}")
NOTE_TITLES = {
    "goals": ("Tuotu asiakirjasta: tavoitteiden otsikot on luettu, muu (kuvaus, muutos, toimenpiteet, mittarit) "
              "ei vielä.\nImported from the document: the goals' titles are read, the rest (description, change, "
              "measures, indicators) not yet."),
    "measures": ("Tuotu asiakirjasta: toimenpiteiden otsikot on luettu, muu (kuvaus, vastuutaho, aikataulu) ei vielä."
                 "\nImported from the document: the measures' titles are read, the rest (description, "
                 "responsibility, schedule) not yet."),
}
NOTE_FIELD = ("Tuotu asiakirjasta: {what_fi} ei löytynyt asiakirjasta luotettavasti.\n"
              "Imported from the document: {what_en} was not found reliably in the document.")


@dataclass
class Chapter:
    heading: Block | None  # None: the text before the first heading
    blocks: list[Block] = field(default_factory=list)
    type: str = "own"
    include: str | None = None


# --- writing YAML -----------------------------------------------------------------------------------------


# --- where values came from -------------------------------------------------------------------------------


def source(places: list[Place | None]) -> str:
    """`lähde: kpl 12` / `lähde: kpl 12–20` / `lähde: s. 3–5`; the file's metadata when no place."""
    known = [p for p in places if p is not None]
    if not known:
        return "lähde: tiedoston tiedot / source: file metadata"
    first, last = known[0], known[-1]
    if first.page is not None and last.page is not None:
        span = f"s. {first.page}" if first.page == last.page else f"s. {first.page}–{last.page}"
        return f"lähde: {span} (kpl {first.block}{'' if first.block == last.block else f'–{last.block}'})"
    span = f"kpl {first.block}" if first.block == last.block else f"kpl {first.block}–{last.block}"
    return f"lähde: {span}"


def _fact_comment(fact: Fact, indent: str) -> list[str]:
    lines = [_comment(f"{source([fact.place])}: \"{_short(fact.quote)}\"", indent)]
    if not fact.certain:
        lines.append(_comment("tarkista: päätelty, ei varma / check: inferred, not certain", indent))
    return lines


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- chapters -----------------------------------------------------------------------------------------------


def chapters(doc: SourceDocument, facts: Facts) -> list[Chapter]:
    """The document's blocks as chapters, in order: a chapter starts at each heading of the
    chapter level; deeper headings and a heading with nothing under it before the next heading stay
    in the text. The title block (already `title:`) is left out."""
    title_place = facts.title.place if facts.title else None
    blocks = [b for b in doc.blocks if b.place != title_place and b.text.strip()]
    level = _chapter_level(blocks)
    out: list[Chapter] = [Chapter(None)]
    for i, block in enumerate(blocks):
        starts = block.kind == "heading" and block.level <= level
        if starts and out[-1].heading is not None and not out[-1].blocks:
            starts = False  # two headings in a row: the second is a sub-heading of the first
        if starts:
            out.append(Chapter(block))
        else:
            out[-1].blocks.append(block)
    out = [c for c in out if c.heading is not None or c.blocks]
    for chapter in out:
        chapter.type = _type(chapter)
    _keep_order(out)
    return out


def _chapter_level(blocks: list[Block]) -> int:
    """The top heading level, or the next one when the top level has a single heading (a
    document heading above its chapters)."""
    levels = sorted(b.level for b in blocks if b.kind == "heading")
    if not levels:
        return 0
    top = levels[0]
    deeper = [lv for lv in levels if lv > top]
    if levels.count(top) == 1 and deeper:
        return deeper[0]
    return top


def _type(chapter: Chapter) -> str:
    if chapter.heading is None:
        return "own"
    title = chapter.heading.text.strip().lower()
    for kind, pattern in CHAPTER_TYPES:
        if re.search(pattern, title):
            return kind
    return "own"


def _keep_order(out: list[Chapter]) -> None:
    """Appendix and contact chapters render after the standard parts: one followed by a front
    chapter would move, so it stays the municipality's own chapter."""
    for i, chapter in enumerate(out):
        if chapter.type in BACK and any(c.type not in BACK for c in out[i + 1:]):
            chapter.type = "own"


_MARKED = re.compile(r"^\s*(?:[-–•*]\s|\d{1,3}(?:\.\d{1,3})*[.)]?\s)")


def chapter_text(chapter: Chapter) -> str:
    """The chapter's blocks as written, a blank line between them (so each renders as its own
    paragraph); a table a row a paragraph. A list item the reader gave without its bullet gets
    "- " back, so the list still reads as one (nesting is not shown: indentation is not text)."""
    parts = []
    for block in chapter.blocks:
        if block.kind == "table":
            parts.append("\n\n".join(line.strip() for line in block.text.split("\n") if line.strip()))
        elif block.kind == "list_item" and not _MARKED.match(block.text):
            parts.append("- " + block.text.strip())
        else:
            parts.append(block.text.strip())
    return "\n\n".join(p for p in parts if p)


# --- the draft ----------------------------------------------------------------------------------------------


def draft(doc: SourceDocument, facts: Facts, checklist_id: str) -> str:
    """The YAML text of a draft `kind: programme` in the current format (format_version 1)."""
    planned = chapters(doc, facts)
    if facts.goals and facts.goals_source is not None:
        _include(planned, "goals", facts.goals_source)
    if facts.measures:
        _include(planned, "measures", facts.measures[0].place)
    lines = _header(doc, checklist_id)
    lines += _title(doc, facts)
    lines += _identification(facts)
    if facts.goals:
        lines += _goals(facts)
    if facts.measures:
        lines += _loose_measures(facts)
    lines += _chapters(planned)
    lines += _not_assessed(facts, planned, checklist_id)
    return "\n".join(lines) + "\n"


def _header(doc: SourceDocument, checklist_id: str) -> list[str]:
    return [
        _comment(f"Luonnos, tuotu asiakirjasta {doc.file} (kotocheck import). Jokaisen arvon lähde "
                 "(kappale tai sivu) on kommentissa sen yllä; asiakirjan koko teksti on luvuissa (chapters) "
                 "alkuperäisessä järjestyksessä.", ""),
        _comment(f"Draft imported from {doc.file} (kotocheck import). The comment above each value names "
                 "its source (paragraph or page); the document's full text is in `chapters`, in its order.", ""),
        _comment("Tarkista ja siirrä sisältö kohtiinsa; not_assessed lopussa kertoo, mitä ei ole vielä luettu. / "
                 "Check and move the content to its parts; not_assessed at the end lists what is not yet read.", ""),
        "kind: programme",
        "format_version: 1",
        f"checklist: {scalar(checklist_id)}",
        "status: draft",
    ]


def _title(doc: SourceDocument, facts: Facts) -> list[str]:
    if facts.title is not None:
        return _fact_comment(facts.title, "") + _value("title", facts.title.value, "")
    # the schema needs a title: the file's name, said to be one
    return [_comment("asiakirjasta ei löytynyt otsikkoa: tiedoston nimi / no title in the document: "
                     "the file's name", ""), *_value("title", PurePath(doc.file).name or doc.file, "")]


def _identification(facts: Facts) -> list[str]:
    lines = ["", "identification:"]
    ind = INDENT
    if facts.municipality is not None:
        lines += _fact_comment(facts.municipality, ind) + _value("municipality", facts.municipality.value, ind)
    else:
        # required by the schema: a placeholder the coordinator sees at once (and not_assessed says so)
        lines += [_comment("kunnan nimeä ei löytynyt asiakirjasta: täydennä / municipality not found: fill in", ind),
                  f"{ind}municipality: {scalar('Kunnan nimi')}"]
    if facts.period is not None:
        start, end = facts.period.value
        lines += _fact_comment(facts.period, ind)
        lines += [f"{ind}period:", f"{ind * 2}start: {start}", f"{ind * 2}end: {end}"]
    if facts.approval is not None:
        approval = facts.approval.value
        lines += _fact_comment(facts.approval, ind) + [f"{ind}approval:"]
        if approval.body:
            lines += _value("body", approval.body, ind * 2)
        lines.append(f"{ind * 2}date: {approval.date.isoformat()}")
        if approval.reference:
            lines += _value("reference", approval.reference, ind * 2)
    return lines


def _goals(facts: Facts) -> list[str]:
    lines = ["", _comment(f"Tavoitteet sanatarkasti asiakirjasta / goals as written in the document "
                          f"({source([facts.goals_source])})", ""), "goals:"]
    for n, goal in enumerate(facts.goals, start=1):
        gid = f"G{n}"
        lines += [_comment(source([goal.place]) + (f", numero {goal.number}" if goal.number else ""), INDENT),
                  f"{INDENT}- id: {gid}"]
        lines += _value("title", goal.title, INDENT * 2)
        if goal.measures:
            lines.append(f"{INDENT * 2}measures:")
            for m, measure in enumerate(goal.measures, start=1):
                lines += _measure(measure, f"{gid}.M{m}", INDENT * 3)
    return lines


def _loose_measures(facts: Facts) -> list[str]:
    lines = ["", "measures:"]
    for m, measure in enumerate(facts.measures, start=1):
        lines += _measure(measure, f"M{m}", INDENT)
    return lines


def _measure(measure, mid: str, indent: str) -> list[str]:
    inner = indent + INDENT
    lines = [_comment(source([measure.place]) + (f", numero {measure.number}" if measure.number else ""), indent),
             f"{indent}- id: {mid}"]
    lines += _value("title", measure.title, inner)
    if measure.responsible:
        lines += _value("responsible", measure.responsible, inner)
    if measure.schedule:
        lines += [f"{inner}schedule:"] + _value("note", measure.schedule, inner + INDENT)
    return lines


def _include(planned: list[Chapter], part: str, at: Place) -> None:
    """The part renders in the chapter it was read from (a chapter with `include:` also fixes the
    order of all chapters as written); when that chapter includes a part already, in a chapter of
    its own right after it."""
    for n, chapter in enumerate(planned):
        places = [b.place for b in chapter.blocks] + ([chapter.heading.place] if chapter.heading else [])
        if at in places:
            if chapter.include is None:
                chapter.include = part
            else:
                planned.insert(n + 1, Chapter(None, include=part))
            return


def _chapters(planned: list[Chapter]) -> list[str]:
    lines = ["", _comment("Asiakirjan luvut alkuperäisessä järjestyksessä / the document's chapters in its order", ""),
             "chapters:" if planned else "chapters: []"]
    for chapter in planned:
        places = ([chapter.heading.place] if chapter.heading else []) + [b.place for b in chapter.blocks]
        lines.append(_comment(source(places) if places else
                              "tuonnin lisäämä: yllä olevasta luvusta luettu osa / added by the import: the part "
                              "read from the chapter above", INDENT))
        lines.append(f"{INDENT}- type: {chapter.type}")
        inner = INDENT * 2
        if chapter.heading is not None:
            lines += _value("title", chapter.heading.text.strip(), inner)
        text = chapter_text(chapter)
        if text:
            lines += _value("text", text, inner)
        if chapter.include:
            lines.append(f"{inner}include: {chapter.include}")
    return lines


def _not_assessed(facts: Facts, planned: list[Chapter], checklist_id: str) -> list[str]:
    """A mark for every part the import left empty (and read by the checklist, so no mark is
    unknown), pointing to the chapters whose heading suggests its content."""
    reads = _checklist_reads(checklist_id)
    entries: list[tuple[str, str]] = []
    for what, fi, en in (("identification.municipality", "kunnan nimeä", "the municipality"),
                         ("identification.period", "ohjelmakautta", "the period"),
                         ("identification.approval", "hyväksymispäätöstä (toimielin, päivämäärä, pykälä)",
                          "the approval (body, date, minute §)")):
        fact = getattr(facts, what.split(".")[1])
        if (fact is None or not fact.certain) and _read_by(what, reads):
            entries.append((what, NOTE_FIELD.format(what_fi=fi, what_en=en)))
    for part, words in PART_WORDS.items():
        if not _read_by(part, reads):
            continue
        if getattr(facts, part, None):
            entries.append((part, NOTE_TITLES[part]))  # titles only: what they lack is not yet read either
            continue
        hits = [c.heading.text.strip() for c in planned
                if c.heading is not None and re.search(words, c.heading.text, re.IGNORECASE)]
        see = f" Katso luvut: {', '.join(hits)}." if hits else ""
        see_en = f" See chapters: {', '.join(hits)}." if hits else ""
        entries.append((part, NOTE_PART.format(see=see, see_en=see_en)))
    if not entries:
        return []
    lines = ["", _comment("Kohdat, joita tuonti ei täyttänyt: ne näkyvät tarkistuksessa tilalla \"ei arvioitu\". / "
                          "Parts the import did not fill: validate shows them as \"not assessed\".", ""),
             "not_assessed:"]
    for section, note in entries:
        lines += [f"{INDENT}- section: {scalar(section)}"] + _value("note", note, INDENT * 2)
    return lines


def _checklist_reads(checklist_id: str) -> set[str] | None:
    """The plain paths the checklist's items read; None when the checklist is unknown (then every
    part is marked: validate reports the unknown checklist itself)."""
    from kotocheck import checklist as checklists

    known = checklists.available()
    if checklist_id not in known:
        return None
    loaded = checklists.load_checklist(known[checklist_id])
    # `goals[*].measures[*].responsible` -> `goals.measures.responsible`, as not_assessed reads marks
    return {re.sub(r"\[[^\]]*\]", "", e).strip(". ") for item in loaded.items for e in item.check.expressions()}


def _read_by(part: str, reads: set[str] | None) -> bool:
    if reads is None:
        return True
    return any(r == part or r.startswith(part + ".") or part.startswith(r + ".") for r in reads)


# --- the lossless measure ------------------------------------------------------------------------------------


def strings(data) -> list[str]:
    """Every string value of loaded YAML, in document order (keys left out)."""
    if isinstance(data, dict):
        return [s for value in data.values() for s in strings(value)]
    if isinstance(data, list):
        return [s for value in data for s in strings(value)]
    return [data] if isinstance(data, str) else []


def lossless(doc: SourceDocument, data) -> float:
    """The share (0–1) of the source's non-whitespace characters found in the draft's string values,
    block by block in source order, whitespace removed on both sides."""
    haystack = "".join(re.sub(r"\s+", "", s) for s in strings(data))
    total = found = 0
    at = 0
    for block in doc.blocks:
        needle = re.sub(r"\s+", "", block.text)
        if not needle:
            continue
        total += len(needle)
        hit = haystack.find(needle, at)
        if hit < 0:
            hit = haystack.find(needle)  # present, out of order: counted, the order is tested apart
        if hit >= 0:
            found += len(needle)
            at = max(at, hit)
    return found / total if total else 1.0
