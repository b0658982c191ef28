"""Evidence for each checklist item in a document read without YAML: the passages (blocks)
whose words hold the item's terms (`scan:` in the checklist file), counted higher under a
matching heading or in a table with a matching column.

What a heuristic can honestly say, per item: "found" (evidence found), "weak" (one passage,
just enough terms, nothing else supporting it) or "not_found". Never "covered": scan points the
reviewer to passages and the reviewer decides. Everything here is data-driven (no code per
item) and pure: the same document and checklist give the same result.

Scoring (one passage, one item): the different terms it holds (one mention counts once), one
more when a heading above it matches `headings`, one more when it is a table whose first row
matches `columns`; one of the `require` words (the item's core word) must be in the passage or a
heading above it. A passage is a candidate when it holds at least one term and its score reaches
`min_terms`. The item's evidence is "found" when a candidate scores above `min_terms` or there
are two candidates or more, "weak" when there is exactly one candidate at `min_terms`, else
"not_found". docs/scan-quality.md has the measured quality."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from kotocheck.checklist import Checklist, Item, ScanTerms
from kotocheck.documents.model import Block, Place, SourceDocument
from kotocheck.scan.lemmas import MIN_FIRST, MIN_HEAD, MIN_MODIFIER, MIN_REST, Lemmatiser, Token, guess_language, words

Status = Literal["found", "weak", "not_found"]
STATUSES: tuple[Status, ...] = ("found", "weak", "not_found")
LABELS = {  # what the statuses say to a user
    "found": {"fi": "näyttöä löytyi", "en": "evidence found", "sv": "belägg hittades"},
    "weak": {"fi": "heikkoa näyttöä", "en": "weak evidence", "sv": "svaga belägg"},
    "not_found": {"fi": "ei löytynyt", "en": "not found", "sv": "hittades inte"},
}
MAX_PASSAGES = 3
QUOTE_CHARS = 300
QUOTE_MARGIN = 60  # characters kept after the item's core word when a quote is cut


@dataclass(frozen=True)
class Passage:
    """One passage pointed to: where it is, a readable quote of it (≤ 300 characters around
    the matched words), the terms it holds (as the checklist writes them) and its score."""

    place: Place
    quote: str
    terms: tuple[str, ...]
    score: int
    heading: str | None = None  # the heading it sits under, if any


@dataclass(frozen=True)
class ItemEvidence:
    item: str
    status: Status
    passages: tuple[Passage, ...] = ()
    searched: bool = True  # False: the item has no terms for the document's language


@dataclass(frozen=True)
class ScanResult:
    file: str
    format: str
    checklist: str
    language: str
    items: tuple[ItemEvidence, ...]

    def statuses(self) -> dict[str, Status]:
        return {e.item: e.status for e in self.items}

    def item(self, item_id: str) -> ItemEvidence | None:
        return next((e for e in self.items if e.item == item_id), None)

    def as_dict(self) -> dict:
        """Plain data for JSON output."""
        return {"file": self.file, "format": self.format, "checklist": self.checklist, "language": self.language,
                "items": [{"item": e.item, "status": e.status, "searched": e.searched,
                           "passages": [{"block": p.place.block, "page": p.place.page, "quote": p.quote,
                                         "terms": list(p.terms), "score": p.score, "heading": p.heading}
                                        for p in e.passages]}
                          for e in self.items]}


# --- the document, lemmatised once ------------------------------------------------------------

Phrase = tuple[str, ...]  # a term's lemmas, word by word


def _keys(token: Token) -> frozenset[str]:
    """What a term's word may equal to match this token: its lemma, its surface form, the heads
    of its lemma as a compound ("tasomittari" -> "mittari") and its long first parts
    ("varhaiskasvatuspalvelu" -> "varhaiskasvatus"); see lemmas.py."""
    lemma = token.lemma
    heads = {lemma[i:] for i in range(MIN_MODIFIER, len(lemma) - MIN_HEAD + 1)}
    if token.known:  # an unknown word's end is an inflection, not a second part
        heads |= {lemma[:i] for i in range(MIN_FIRST, len(lemma) - MIN_REST + 1)}
    parts = token.lemma.split("-") if "-" in token.lemma else ()  # "ely-keskus" is also "ely"
    return frozenset({lemma, token.surface, *parts, *(h.lstrip("-") for h in heads)})


class Words:
    """A text's tokens, indexed so that finding a phrase costs a dictionary look-up."""

    def __init__(self, tokens: list[Token]):
        self.tokens = tokens
        self.keys = [_keys(t) for t in tokens]
        self.positions: dict[str, list[int]] = {}
        for i, keys in enumerate(self.keys):
            for key in keys:
                self.positions.setdefault(key, []).append(i)

    def find(self, phrase: Phrase) -> tuple[int, int] | None:
        """The character span of the phrase's first occurrence."""
        spans = self.occurrences(phrase)
        return (self.tokens[spans[0][0]].start, self.tokens[spans[0][1] - 1].end) if spans else None

    def occurrences(self, phrase: Phrase) -> list[tuple[int, int]]:
        """Every occurrence of the phrase, as token ranges [first, last + 1)."""
        n = len(phrase)
        return [(i, i + n) for i in self.positions.get(phrase[0], ())
                if i + n <= len(self.tokens) and all(phrase[j] in self.keys[i + j] for j in range(1, n))]

    def span(self, tokens: tuple[int, int]) -> tuple[int, int]:
        return self.tokens[tokens[0]].start, self.tokens[tokens[1] - 1].end


@dataclass
class IndexedBlock:
    block: Block
    text: str  # whitespace made single; a table's rows joined by " / "
    words: Words
    headings: list[str] = field(default_factory=list)  # the headings above it, outermost first
    heading_words: list[Words] = field(default_factory=list)
    column_words: list[Words] = field(default_factory=list)  # a table's first row, by cell
    contents: bool = False  # a line of the table of contents: it names chapters, says nothing


# A table of contents repeats the chapter titles: its lines are no evidence.
_CONTENTS = {"sisältö", "sisällys", "sisällysluettelo", "contents", "table of contents", "innehåll",
             "innehållsförteckning"}


def _flat(block: Block) -> str:
    if block.kind == "table":
        return " / ".join(" ".join(line.split()) for line in block.text.splitlines() if line.strip())
    return " ".join(block.text.split())


def index_document(doc: SourceDocument, lemmatiser: Lemmatiser) -> list[IndexedBlock]:
    """Every block with its words and the headings it sits under (by heading level)."""
    indexed: list[IndexedBlock] = []
    path: list[tuple[Block, Words]] = []
    for block in doc.blocks:
        text = _flat(block)
        entry = IndexedBlock(block, text, Words(lemmatiser.tokens(text)))
        if block.kind == "heading":
            level = max(block.level, 1)
            path = [(h, w) for h, w in path if max(h.level, 1) < level]
        entry.headings = [_flat(h) for h, _ in path]
        entry.contents = bool(path) and entry.headings[-1].strip(" :").lower() in _CONTENTS
        entry.heading_words = [w for _, w in path]
        if block.kind == "heading":
            path.append((block, entry.words))
        if block.kind == "table" and block.rows:
            entry.column_words = [Words(lemmatiser.tokens(cell)) for cell in block.rows[0]]
        indexed.append(entry)
    return indexed


# --- matching terms ---------------------------------------------------------------------------

def _phrases(words_: list[str], lemmatiser: Lemmatiser) -> list[tuple[str, Phrase]]:
    """(the term as written, its lemmas) for each term."""
    return [(term, tuple(lemmatiser.term(w) for w, _, _ in words(term))) for term in words_ if words(term)]


@dataclass(frozen=True)
class _Terms:
    """One item's terms for one language, lemmatised."""

    terms: list[tuple[str, Phrase]]
    require: list[tuple[str, Phrase]]
    headings: list[tuple[str, Phrase]]
    columns: list[tuple[str, Phrase]]
    patterns: list[tuple[str, re.Pattern]]
    min_terms: int

    @property
    def empty(self) -> bool:
        return not (self.terms or self.require or self.patterns)


def _item_terms(scan: ScanTerms, lang: str, lemmatiser: Lemmatiser) -> _Terms:
    def of(table: dict[str, list[str]]) -> list[tuple[str, Phrase]]:
        return _phrases(table.get(lang, []), lemmatiser)

    require = of(scan.require)
    names = {name for name, _ in require}
    return _Terms([t for t in of(scan.terms) if t[0] not in names], require, of(scan.headings), of(scan.columns),
                  [(p, re.compile(p)) for p in scan.patterns], scan.min_terms)


# --- one item ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Candidate:
    entry: IndexedBlock
    hits: dict[str, tuple[int, int]]
    score: int
    under_heading: bool  # sits under a heading that matches the item


def _hits(words_: Words, phrases: list[tuple[str, Phrase]], taken: list[tuple[int, int]]) -> dict[str, tuple[int, int]]:
    """Each term found, at its first occurrence not inside words another term already took:
    "kansainvälinen suojelu" and "suojelu", or "ely-keskus" and "ely", are one mention, not two.
    Longer phrases go first, so they take their words before their parts do."""
    hits = {}
    for name, phrase in sorted(phrases, key=lambda p: -len(p[1])):
        for first, last in words_.occurrences(phrase):
            if not any(first < b and a < last for a, b in taken):
                taken.append((first, last))
                hits[name] = words_.span((first, last))
                break
    return hits


def _score(entry: IndexedBlock, terms: _Terms) -> _Candidate | None:
    if entry.block.kind == "heading" or entry.contents:
        return None  # a heading is context, not a passage to quote
    taken: list[tuple[int, int]] = []
    hits = _hits(entry.words, terms.require, taken)
    under = any(w.find(phrase) for w in entry.heading_words for _, phrase in terms.headings)
    if terms.require and not hits and not any(w.find(p) for w in entry.heading_words for _, p in terms.require):
        return None  # the item's core word is neither in the passage nor in the heading above it
    hits |= _hits(entry.words, terms.terms, taken)
    hits |= {name: (m.start(), m.end()) for name, rx in terms.patterns if (m := rx.search(entry.text))}
    if not hits:
        return None
    bonus = int(under) + int(any(cell.find(phrase) for cell in entry.column_words for _, phrase in terms.columns))
    score = len(hits) + bonus
    return _Candidate(entry, hits, score, under) if score >= terms.min_terms else None


def quote(text: str, spans: list[tuple[int, int]], limit: int = QUOTE_CHARS) -> str:
    """The text trimmed to at most `limit` characters, cut between words, with "…" where it was
    cut: the window holds the first span (the item's core word) and as many of the other
    matched words as fit."""
    if len(text) <= limit:
        return text
    room = limit - 2  # the two "…"
    first = spans[0]
    tail = min(QUOTE_MARGIN, len(text) - first[1])  # some words after the core word, not a cut right at it
    starts = {max(0, first[1] + tail - room)} | {s for s, _ in spans if s <= first[0] and first[1] + tail - s <= room}
    left = max(starts, key=lambda x: (sum(1 for s, e in spans if x <= s and e <= x + room), -abs(x - first[0])))
    inside = [(s, e) for s, e in spans if left <= s and e <= left + room]
    # centre the matched words in the window, so that each side shows some context
    lo, hi = min(s for s, _ in inside), max(e for _, e in inside)
    left = max(0, min(lo - (room - (hi - lo)) // 2, len(text) - room))
    right = min(len(text), left + room)
    if left > 0:
        cut = text.find(" ", left, lo)
        left = cut + 1 if cut >= 0 else left
    if right < len(text):
        cut = text.rfind(" ", hi, right)
        right = cut if cut > 0 else right
    return ("…" if left > 0 else "") + text[left:right].strip() + ("…" if right < len(text) else "")


def _passage(candidate: _Candidate) -> Passage:
    entry = candidate.entry
    return Passage(entry.block.place, quote(entry.text, list(candidate.hits.values())),
                   tuple(candidate.hits), candidate.score, entry.headings[-1] if entry.headings else None)


def item_evidence(item: Item, blocks: list[IndexedBlock], lemmatiser: Lemmatiser) -> ItemEvidence:
    """The evidence for one item in an indexed document (index_document)."""
    terms = _item_terms(item.scan, lemmatiser.lang, lemmatiser) if item.scan else None
    if terms is None or terms.empty:
        return ItemEvidence(item.id, "not_found", searched=False)
    candidates = [c for entry in blocks if (c := _score(entry, terms))]
    if not candidates:
        return ItemEvidence(item.id, "not_found")
    # A passage in a chapter about the item comes first, as a reviewer would look there first.
    best = sorted(candidates, key=lambda c: (not c.under_heading, -c.score, c.entry.block.place.block))
    strong = best[0].score > terms.min_terms or len(candidates) >= 2
    return ItemEvidence(item.id, "found" if strong else "weak", tuple(_passage(c) for c in best[:MAX_PASSAGES]))


# --- the whole document -----------------------------------------------------------------------

def term_words(items: list[Item], lang: str) -> frozenset[str]:
    """Every word of every term, heading and column of the items in `lang`: what the
    lemmatiser must know."""
    found: set[str] = set()
    for item in items:
        if item.scan is None:
            continue
        for table in (item.scan.terms, item.scan.require, item.scan.headings, item.scan.columns):
            for term in table.get(lang, []):
                found.update(w for w, _, _ in words(term))
    return frozenset(found)


def _shipped_words(lang: str) -> frozenset[str]:
    """The words of every shipped checklist: one lexicon (one cache file) serves them all, so a
    folder of documents read against different checklists builds it once."""
    from kotocheck.checklist import available, load_checklist
    from kotocheck.datafiles import folder

    shipped = [path for path in available().values() if path.parent == folder("checklists")]
    return frozenset().union(*(term_words(load_checklist(path).items, lang) for path in shipped))


def scan_document(doc: SourceDocument, checklist: Checklist, lang: str | None = None) -> ScanResult:
    """Evidence for every item of the checklist, in the checklist's order."""
    lang = lang or guess_language(doc.text())
    lemmatiser = Lemmatiser(lang, term_words(checklist.items, lang) | _shipped_words(lang))
    blocks = index_document(doc, lemmatiser)
    items = tuple(item_evidence(item, blocks, lemmatiser) for item in checklist.items)
    return ScanResult(doc.file, doc.format, checklist.id, lang, items)
