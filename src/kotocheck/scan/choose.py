"""Which checklist a document is read against, when the user gives no `--checklist`.

The rule, first match wins (each step says why, in Finnish and English):
1. The title names a *kotoutumisohjelma* (the initial-phase service package that exists only under
   Act 681/2023) and not a *kotouttamisohjelma*: kotoutumisohjelma-681-2023.
2. The programme period (given, or read from the title and the first blocks): a period that
   starts in 2025 or later was drawn up under Act 681/2023 (kotoutuminen-681-2023); one that
   starts in 2024 or earlier under Act 1386/2010 (kotouttamisohjelma-1386-2010), even when it
   runs into 2025, as the Kemijärvi 2023–2025 programme does.
3. The law the text cites more often, "681/2023" or "1386/2010", then the word
   "kotouttamisohjelma" (the old Act's name for the programme).
4. Otherwise the law in force: kotoutuminen-681-2023, saying that nothing decided it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kotocheck.documents.model import SourceDocument

OLD = "kotouttamisohjelma-1386-2010"
NEW = "kotoutuminen-681-2023"
SERVICES = "kotoutumisohjelma-681-2023"
FIRST_LAW_YEAR = 2025  # Act 681/2023 in force from 1.1.2025

_PERIOD = re.compile(r"\b((?:19|20)\d{2})\s?[-–—]\s?((?:19|20)?\d{2})\b")
_LEAD_BLOCKS = 5  # the title page: where a programme names itself and its period


@dataclass(frozen=True)
class Choice:
    checklist: str  # the checklist's id (file name without .yaml)
    reason: dict[str, str]  # why, "fi" and "en"


def choose_checklist(doc: SourceDocument, period: tuple[int, int] | None = None) -> str:
    """The id of the checklist to read the document against (see `choice` for the reason)."""
    return choice(doc, period).checklist


def choice(doc: SourceDocument, period: tuple[int, int] | None = None) -> Choice:
    """The checklist and why, by the rule above; `period` when the caller has read it (facts.py)."""
    lead = _lead(doc)
    words = lead.lower()
    if "kotoutumisohjelm" in words and "kotouttamisohjelm" not in words:
        return Choice(SERVICES, {"fi": "otsikko nimeää kotoutumisohjelman (laki 681/2023)",
                                 "en": "the title names a kotoutumisohjelma (Act 681/2023)"})
    period = period or _period(lead)
    if period:
        start, end = period
        label = f"{start}–{end}"
        if start >= FIRST_LAW_YEAR:
            return Choice(NEW, {"fi": f"kausi {label} alkaa lain 681/2023 voimaantulon jälkeen",
                                "en": f"the period {label} starts after Act 681/2023 came into force"})
        return Choice(OLD, {"fi": f"kausi {label} alkaa ennen vuotta 2025 (laki 1386/2010)",
                            "en": f"the period {label} starts before 2025 (Act 1386/2010)"})
    text = doc.text()
    new, old = text.count("681/2023"), text.count("1386/2010")
    if new != old:
        chosen = NEW if new > old else OLD
        law = "681/2023" if new > old else "1386/2010"
        return Choice(chosen, {"fi": f"teksti viittaa useimmin lakiin {law}", "en": f"the text cites Act {law} most"})
    if "kotouttamisohjelm" in text.lower():
        return Choice(OLD, {"fi": "teksti puhuu kotouttamisohjelmasta (laki 1386/2010)",
                            "en": "the text speaks of a kotouttamisohjelma (Act 1386/2010)"})
    return Choice(NEW, {"fi": "mikään ei ratkaissut: voimassa olevan lain lista; "
                              "valitse toinen valitsimella --checklist",
                        "en": "nothing decided it: the list of the law in force; choose another with --checklist"})


def _lead(doc: SourceDocument) -> str:
    """The document's own title and its first blocks."""
    parts = [doc.title or ""] + [b.text for b in doc.blocks[:_LEAD_BLOCKS]]
    return "\n".join(p for p in parts if p)


def _period(text: str) -> tuple[int, int] | None:
    """The first "2023–2025" in the text, as years; a short end ("2023–25") is completed."""
    for match in _PERIOD.finditer(text):
        start, end = int(match.group(1)), match.group(2)
        end_year = int(end) if len(end) == 4 else start // 100 * 100 + int(end)
        if start <= end_year <= start + 10:
            return start, end_year
    return None
