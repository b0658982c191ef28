"""The checklists as Markdown tables (`kotocheck checklist list --format md`): for each item its
id, severity, what it rests on, its source with step and bullet or section, momentti and point, and
the source's own words. docs/checklists.md is this output, kept current by a test."""

from __future__ import annotations

from kotocheck import i18n
from kotocheck.checklist import Checklist

RESTS_ON = {"law": ("laki", "the Act"), "checklist": ("tarkistuslista", "the checklist"),
            "checklist+law": ("tarkistuslista ja laki", "the checklist and the Act"),
            "guidance": ("ministeriön ohjeistus", "the ministry's guidance"),
            "integrity": ("asiakirjan eheys", "the document's integrity")}
HEADERS = {"fi": ("tunnus", "vakavuus", "perustuu", "lähde", "lähteen sanat"),
           "en": ("id", "severity", "rests on", "source", "the source's words")}


def rests_on(value: str, lang: str) -> str:
    fi, en = RESTS_ON.get(value, (value, value))
    return fi if lang == "fi" else en


def _cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ").strip()


def _sources(checklist: Checklist, item, lang: str) -> tuple[str, str]:
    labels, quotes = [], []
    for src in [item.source, *item.also]:
        label = checklist.source_label(src)[lang]
        labels.append(label + (f" ({src.note})" if src.note else ""))
        if src.quote:
            quotes.append(f"”{src.quote}”")
    return "; ".join(labels), " ".join(quotes)


def markdown(checklist: Checklist, lang: str) -> str:
    title = i18n.pick(checklist.title.as_dict(), lang)
    out = [f"## `{checklist.id}`: {_cell(title)}", "",
           _cell(i18n.pick(checklist.description.as_dict(), lang)), "",
           "| " + " | ".join(HEADERS[lang]) + " |", "|---|---|---|---|---|"]
    for item in checklist.items:
        severity = i18n.pick(i18n.MESSAGES["sev." + item.severity.value], lang)
        source, quote = _sources(checklist, item, lang)
        name = f"**{item.id}** {_cell(i18n.pick(item.title.as_dict(), lang))}"
        out.append(f"| {name} | {severity} | {rests_on(item.rests_on, lang)} | {_cell(source)} | {_cell(quote)} |")
    return "\n".join(out) + "\n"
