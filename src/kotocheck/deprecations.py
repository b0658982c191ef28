"""Deprecated values of the closed vocabularies: still accepted (the models' Literals keep them, so
a file valid before stays valid), warned of by `kotocheck validate`, and rewritten by
`kotocheck migrate` (migrate.py). Never prints.

A deprecated value is found in every field that takes its vocabulary (choices.fields), so a value
renamed here needs no list of places."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kotocheck.findings import Finding, Severity
from kotocheck.locations import dotted, locate

RULE = "format.deprecated-value"


@dataclass(frozen=True)
class Deprecated:
    vocabulary: str  # a vocabulary.yaml name, e.g. goal_theme
    old: str
    new: str
    noun: dict[str, str]  # what a value of the vocabulary is called in the message: "teema"
    why: dict[str, str]


DEPRECATED: tuple[Deprecated, ...] = (
    Deprecated("goal_theme", "reception", "receptiveness", {"fi": "teema", "en": "theme", "sv": "temat"},
               {"fi": "Teeman nimi reception sekoittui tilannekuvan aiheeseen reception (vastaanotto kunnassa); "
                      "vastaanottavuuden teema on nyt receptiveness.",
                "en": "The theme's name reception was confused with the situation topic reception (reception in "
                      "the municipality); the theme of receptiveness is now receptiveness.",
                "sv": "Temats namn reception förväxlades med lägesbildens ämne reception (mottagande i kommunen); "
                      "temat mottaglighet heter nu receptiveness."}),
)


@dataclass(frozen=True)
class Occurrence:
    path: tuple  # concrete path of the value, e.g. ("goals", 0, "themes", 1)
    deprecated: Deprecated


def occurrences(kind: str, data: Any) -> list[Occurrence]:
    """Every deprecated value in a document of `kind`: field by field in the models' order, and
    in a list in the list's order."""
    from kotocheck.choices import fields
    from kotocheck.locations import resolve

    by_vocabulary: dict[str, dict[str, Deprecated]] = {}
    for entry in DEPRECATED:
        by_vocabulary.setdefault(entry.vocabulary, {})[entry.old] = entry
    if not isinstance(data, dict) or not by_vocabulary:
        return []
    found = []
    for choice in fields(kind):
        old = by_vocabulary.get(choice.vocabulary)
        if not old:
            continue
        for path, value in resolve(data, choice.expression).matches:
            if isinstance(value, str) and value in old:
                found.append(Occurrence(path, old[value]))
    return found


def findings(kind: str, data: Any, tree: Any, file: str) -> list[Finding]:
    """A warning at each deprecated value: what to write instead, and that migrate does it."""
    checklist = data.get("checklist") if isinstance(data, dict) else None
    command = f"kotocheck migrate --in-place {file}" + (f" --to {checklist}" if isinstance(checklist, str) else "")
    out = []
    for found in occurrences(kind, data):
        d = found.deprecated
        line, column = locate(tree, found.path, at_value=True)
        out.append(Finding(
            rule=RULE, severity=Severity.WARNING, file=file, line=line, column=column,
            message={"fi": f"{d.noun['fi'].capitalize()} {d.old} on vanhentunut: kirjoita {d.new}.",
                     "en": f"The {d.noun['en']} {d.old} is deprecated: write {d.new}.",
                     "sv": f"{d.noun['sv'].capitalize()} {d.old} är föråldrat: skriv {d.new}."},
            hint={"fi": f"{d.why['fi']} Komento {command} korjaa kaikki vanhentuneet arvot ja säilyttää "
                        "kommentit.",
                  "en": f"{d.why['en']} The command {command} rewrites every deprecated value and keeps the "
                        "comments.",
                  "sv": f"{d.why['sv']} Kommandot {command} skriver om alla föråldrade värden och behåller "
                        "kommentarerna."},
            path=dotted(found.path)))
    return out
