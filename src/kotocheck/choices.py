"""The choice fields of the document formats: the closed vocabularies of models/vocab.py, their
labels (catalogues/vocabulary.yaml), and every field of every document kind that takes one.

One place answers "which values may this field have, and what do they mean" for the JSON Schema
(enum descriptions), `kotocheck init` (a comment block above each choice field) and the list in
docs/valinnat.md (`kotocheck checklist vocabulary --format md`). Never prints."""

from __future__ import annotations

import re
import types
import typing
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from pydantic import BaseModel

from kotocheck.deprecations import DEPRECATED

LANGS = ("fi", "sv", "en")

# What each vocabulary is, for headings (vocabulary.yaml has labels of values only).
TITLES: dict[str, dict[str, str]] = {
    "sector": {"fi": "Toimiala tai taho", "en": "Sector or body"},
    "strategy_type": {"fi": "Strategian tai suunnitelman laji", "en": "Type of strategy or plan"},
    "goal_theme": {"fi": "Tavoitteen teema", "en": "Theme of a goal"},
    "situation_topic": {"fi": "Tilannekuvan aihe", "en": "Topic of the situation picture"},
    "audience": {"fi": "Viestinnän kohderyhmä", "en": "Audience of communication"},
    "document_form": {"fi": "Asiakirjan muoto", "en": "Form of the document"},
    "planning_mode": {"fi": "Suunnittelutapa", "en": "Planning mode"},
    "traffic_light": {"fi": "Liikennevalotila", "en": "Traffic-light status"},
    "minimum_service": {"fi": "Lakisääteinen vähimmäispalvelu", "en": "Statutory minimum service"},
    "arranger": {"fi": "Palvelun järjestäjä", "en": "Arranger of a service"},
    "target_group": {"fi": "Kohderyhmä", "en": "Target group"},
    "document_status": {"fi": "Asiakirjan tila", "en": "Status of the document"},
    "decision_kind": {"fi": "Päätöksen laji", "en": "Kind of decision"},
    "chapter_type": {"fi": "Luvun laji", "en": "Kind of chapter"},
    "programme_part": {"fi": "Ohjelman vakio-osa", "en": "Standard part of a programme"},
}


@dataclass(frozen=True)
class ChoiceField:
    """A field whose value (or each value of whose list) comes from a vocabulary."""

    kind: str  # the document kind
    steps: tuple[tuple[str, bool], ...]  # (field name, is a list) from the document's top
    vocabulary: str
    model: str  # the model the field belongs to
    field: str

    @property
    def is_list(self) -> bool:
        return self.steps[-1][1]

    @property
    def expression(self) -> str:
        """The path expression (locations.parse) of every value: `goals[*].themes[*]`."""
        return ".".join(name + ("[*]" if is_list else "") for name, is_list in self.steps)

    @property
    def shown(self) -> str:
        """The path as a person reads it: `goals[].themes[]`."""
        return ".".join(name + ("[]" if is_list else "") for name, is_list in self.steps)


# --- the vocabularies -----------------------------------------------------------------------------

def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


@lru_cache(maxsize=1)
def vocabularies() -> dict[str, tuple[str, ...]]:
    """Every Literal of models/vocab.py by its vocabulary.yaml name (GoalTheme -> goal_theme), in
    the order of the file; the values as the models accept them, deprecated ones included."""
    from kotocheck.models import vocab

    return {_snake(name): typing.get_args(value) for name, value in vars(vocab).items()
            if typing.get_origin(value) is Literal}


def deprecated(name: str) -> dict[str, str]:
    """The deprecated values of a vocabulary: old value -> the value to write instead."""
    return {d.old: d.new for d in DEPRECATED if d.vocabulary == name}


def current(name: str) -> tuple[str, ...]:
    """The values to offer: those of the models without the deprecated ones."""
    old = deprecated(name)
    return tuple(v for v in vocabularies()[name] if v not in old)


def vocabulary_of(values: Any) -> str | None:
    """The vocabulary whose values are exactly these (a Literal's args, a schema's enum)."""
    wanted = set(values)
    found = [name for name, known in vocabularies().items() if set(known) == wanted]
    return found[0] if len(found) == 1 else None


def vocabulary_of_annotation(annotation: Any) -> str | None:
    """The vocabulary of a Literal annotation, through `| None` and `list[...]`; else None."""
    if typing.get_origin(annotation) is Literal:
        return vocabulary_of(typing.get_args(annotation))
    if typing.get_origin(annotation) in (typing.Union, types.UnionType, list):
        for arg in typing.get_args(annotation):
            found = vocabulary_of_annotation(arg)
            if found:
                return found
    return None


def label(name: str, value: str, lang: str = "fi") -> str:
    from kotocheck.checklist import vocabulary

    entry = vocabulary().labels[name][value]
    return getattr(entry, lang) or entry.fi


def description(name: str, value: str) -> str:
    """The labels of a value as an editor shows them: "fi / sv / en"."""
    return " / ".join(label(name, value, lang) for lang in LANGS)


def deprecation_note(name: str, old: str) -> dict[str, str]:
    new = deprecated(name)[old]
    return {"fi": f"vanhentunut: kirjoita {new}", "sv": f"föråldrat: skriv {new}", "en": f"deprecated: write {new}"}


# --- the fields -----------------------------------------------------------------------------------

def _is_list(annotation: Any) -> bool:
    if typing.get_origin(annotation) is list:
        return True
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return any(_is_list(a) for a in typing.get_args(annotation))
    return False


def _models(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models(arg)]


@lru_cache(maxsize=None)
def fields(kind: str | None = None) -> tuple[ChoiceField, ...]:
    """Every choice field of a document kind (of all kinds when None), in the models' field order."""
    from kotocheck.models import MODELS

    out: list[ChoiceField] = []

    def visit(model: type[BaseModel], document: str, prefix: tuple, seen: tuple) -> None:
        for name, info in model.model_fields.items():
            steps = prefix + ((name, _is_list(info.annotation)),)
            vocabulary = vocabulary_of_annotation(info.annotation)
            if vocabulary:
                out.append(ChoiceField(document, steps, vocabulary, model.__name__, name))
            for sub in _models(info.annotation):
                if sub not in seen:  # a model that contains itself would have no end
                    visit(sub, document, steps, seen + (sub,))

    for document in MODELS:  # the kinds first: a kind's model module is imported only when asked for
        if kind in (None, document):
            model = MODELS[document]
            visit(model, document, (), (model,))
    return tuple(out)


def used() -> dict[str, list[ChoiceField]]:
    """Each vocabulary with the fields that take it, in the order of models/vocab.py."""
    out: dict[str, list[ChoiceField]] = {name: [] for name in vocabularies()}
    for choice in fields():
        out[choice.vocabulary].append(choice)
    return out


# --- the list of docs/valinnat.md -----------------------------------------------------------------

KIND_NAMES = {"programme": {"fi": "ohjelma", "en": "programme"},
              "services": {"fi": "kotoutumisohjelma", "en": "service package"},
              "followup": {"fi": "seurantaraportti", "en": "follow-up report"}}
WORDS = {
    "fields": {"fi": "Kentät", "en": "Fields"},
    "list": {"fi": "luettelo: yksi tai useampi arvo", "en": "a list: one value or more"},
    "value": {"fi": "arvo", "en": "value"},
    "label": {"fi": "merkitys", "en": "meaning"},
    "deprecated": {"fi": "Vanhentunut arvo `{old}` hyväksytään yhä, mutta `kotocheck validate` varoittaa siitä: "
                         "kirjoita `{new}`. Varoituksen vihje kertoo `kotocheck migrate` -komennon, joka korjaa "
                         "arvon tiedostoon kommentit säilyttäen.",
                   "en": "The deprecated value `{old}` is still accepted, but `kotocheck validate` warns of it: "
                         "write `{new}`. The warning's hint gives the `kotocheck migrate` command that rewrites "
                         "it in the file, keeping the comments."},
}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").strip()


def markdown(lang: str = "fi") -> str:
    """Every vocabulary: its fields, and each value with its label, as Markdown."""
    from kotocheck.models import MODELS
    from kotocheck.schema import _models, descriptions, lookup

    classes: dict[str, type[BaseModel]] = {}
    for model in MODELS.values():
        classes.update(_models(model))
    texts = descriptions()["descriptions"]
    out: list[str] = []
    for name, choices in used().items():
        if not choices:
            continue
        out += [f"## {TITLES[name][lang]} (`{name}`)", "", f"{WORDS['fields'][lang]}:", ""]
        for choice in choices:
            said = lookup(texts, classes[choice.model], choice.field) if choice.model in classes else None
            said = said.split(" / ")[0 if lang == "fi" else -1].strip() if said else ""
            plural = f" ({WORDS['list'][lang]})" if choice.is_list else ""
            kind = KIND_NAMES[choice.kind][lang]
            out.append(f"- {kind} (`{choice.kind}`): `{choice.shown}`{plural}" + (f" – {said}" if said else ""))
        out += ["", f"| {WORDS['value'][lang]} | {WORDS['label'][lang]} |", "|---|---|"]
        out += [f"| `{value}` | {_cell(label(name, value, lang))} |" for value in current(name)]
        for old, new in deprecated(name).items():
            out += ["", WORDS["deprecated"][lang].format(old=old, new=new)]
        out.append("")
    return "\n".join(out)


def text(lang: str = "fi") -> str:
    """The same as plain lines: `vocabulary  title`, its fields, and `  value  label` per value."""
    out: list[str] = []
    for name, choices in used().items():
        if not choices:
            continue
        out.append(f"{name}  {TITLES[name][lang]}")
        out += [f"  {WORDS['fields'][lang].lower()}: " + ", ".join(f"{c.kind}: {c.shown}" for c in choices)]
        width = max(len(v) for v in current(name))
        out += [f"  {value:<{width}}  {label(name, value, lang)}" for value in current(name)]
        out += [f"  {old:<{width}}  ({deprecation_note(name, old)[lang]})" for old in deprecated(name)]
        out.append("")
    return "\n".join(out).rstrip() + "\n"
