"""Checklists and catalogues: data files (checklists/, catalogues/ at the repository root), validated when loaded.

A checklist names the document kind it applies to, the sources it rests on (checklist
pages, law sections) and its items, each with a `check:` of a registered kind."""

from __future__ import annotations

import enum
import types
import typing
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from kotocheck.checks import CheckSpec
from kotocheck.datafiles import folder
from kotocheck.findings import Severity
from kotocheck.kinds import KINDS



class _Data(BaseModel):
    # defer_build: the validators are built only when data is validated (tests, a user's own
    # checklist folder); the command line reads the shipped data with `construct` (TRUST_BUNDLED).
    model_config = ConfigDict(extra="forbid", defer_build=True)


class Text(_Data):
    fi: str
    en: str
    sv: str | None = None

    def as_dict(self) -> dict[str, str]:
        return {k: v for k, v in (("fi", self.fi), ("en", self.en), ("sv", self.sv)) if v}


class SourceDocument(_Data):
    title: Text
    url: str
    note: str | None = None


class ItemSource(_Data):
    document: str  # key of Checklist.sources
    step: int | None = None
    bullet: int | None = None
    section: str | None = None  # a law section, e.g. "32 §"
    paragraph: int | None = None  # its momentti (subsection), e.g. 1 for "45 § 1 mom."
    point: int | None = None  # a numbered point (kohta) of that section
    quote: str | None = None  # the exact words of the source this rests on, short, in the original language
    note: str | None = None  # e.g. that a section was repealed and is cited as history only


class ScanTerms(_Data):
    """What `kotocheck scan` looks for in a document for this item, per language ("fi", "sv"):
    terms as base forms or phrases (a passage is evidence when it holds `min_terms` different
    ones), `require` (at least one of these must be among them: the item's core word),
    `headings` (a passage under such a heading counts one term more), `columns` (a table with
    such a column counts one more), and `patterns` (regular expressions on the text, each one
    term, e.g. a date or "§")."""

    terms: dict[str, list[str]]
    require: dict[str, list[str]] = {}
    headings: dict[str, list[str]] = {}
    columns: dict[str, list[str]] = {}
    patterns: list[str] = []
    min_terms: int = Field(default=2, ge=1)

    @field_validator("patterns")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        import re

        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"scan pattern {pattern!r} is not a regular expression: {exc}") from None
        return patterns


class Item(_Data):
    id: str
    step: int
    severity: Severity
    title: Text
    text: Text
    hint: Text
    source: ItemSource
    also: list[ItemSource] = []  # further sources that say the same
    formerly: Text | None = None  # what this id meant in an earlier version, so an old waiver is not misapplied
    # integrity: the document must agree with itself or with the file it refers to (not a claim of law)
    rests_on: Literal["checklist", "law", "checklist+law", "guidance", "integrity"]
    check: CheckSpec
    scan: ScanTerms | None = None  # evidence words for `scan` (reading a document without YAML)


def _check_basis(item: Item) -> None:
    """A claim of law names its section; only the law makes an error (recommendations never do)."""
    laws = [s for s in [item.source, *item.also] if s.document == "law"]
    if item.rests_on == "law" and (item.source.document != "law" or not item.source.section):
        raise ValueError(f"item {item.id}: rests_on law needs a source with document: law and its section")
    if item.rests_on == "checklist+law" and not any(s.section for s in laws):
        raise ValueError(f"item {item.id}: rests_on checklist+law needs a law section among its sources")
    if item.severity is Severity.ERROR and item.rests_on not in ("law", "integrity"):
        raise ValueError(f"item {item.id}: severity error is only for what the law requires (rests_on: law)"
                         " or for a document that contradicts itself (rests_on: integrity)")


class Step(_Data):
    number: int
    title: Text


class Checklist(_Data):
    id: str
    format_version: Literal[1]
    kind: Literal[KINDS]  # type: ignore[valid-type]  # the document kinds (kinds.KINDS)
    title: Text
    description: Text
    in_force: str | None = None
    sources: dict[str, SourceDocument]
    steps: list[Step]
    items: list[Item]
    file: str = ""

    @model_validator(mode="after")
    def _consistent(self) -> "Checklist":
        ids = [i.id for i in self.items]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"duplicate item ids: {', '.join(dupes)}")
        steps = {s.number for s in self.steps}
        for item in self.items:
            if item.step not in steps:
                raise ValueError(f"item {item.id}: step {item.step} is not listed in steps")
            for src in [item.source, *item.also]:
                if src.document not in self.sources:
                    raise ValueError(f"item {item.id}: unknown source document {src.document!r}")
            _check_basis(item)
        return self

    def item(self, item_id: str) -> Item | None:
        return next((i for i in self.items if i.id == item_id), None)

    def source_label(self, src: ItemSource) -> dict[str, str]:
        doc = self.sources[src.document].title.as_dict()
        parts = {"fi": [doc["fi"]], "en": [doc["en"]]}
        if src.step is not None:
            parts["fi"].append(f"vaihe {src.step}")
            parts["en"].append(f"step {src.step}")
        if src.bullet is not None:
            parts["fi"].append(f"kohta {src.bullet}")
            parts["en"].append(f"bullet {src.bullet}")
        if src.section:
            number = src.section.replace("§", "").strip()
            parts["fi"].append(src.section + (f" {src.paragraph} mom." if src.paragraph else ""))
            parts["en"].append(f"section {number}" + (f"({src.paragraph})" if src.paragraph else ""))
        if src.point is not None:
            parts["fi"].append(f"{src.point} kohta")
            parts["en"].append(f"point {src.point}")
        return {lang: ", ".join(p) for lang, p in parts.items()}


class CatalogueEntry(_Data):
    id: str
    name: Text
    description: Text | None = None
    url: str | None = None
    sources: list[str] = []  # indicator catalogue: where its data can come from


class Catalogue(_Data):
    id: str
    title: Text
    source: str
    entries: list[CatalogueEntry]


class Vocabulary(_Data):
    labels: dict[str, dict[str, Text]]  # vocabulary name -> value -> label
    groups: dict[str, dict[str, Any]] = Field(default_factory=dict)  # group -> {label, members}


class DataError(Exception):
    """A shipped or user-supplied data file is invalid."""


# Set by the command line's lean entry (fast_cli) only: the data shipped with kotocheck is taken as
# it is, without validation, because the test suite validates every shipped file
# (tests/test_checklist_data.py) and checks that `construct` gives what validation gives
# (tests/test_lean_start.py). Library use and tests validate everything.
TRUST_BUNDLED = False


def _bundled(path: Path) -> bool:
    return path.parent in (folder("checklists"), folder("catalogues"))


def _read(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    if _bundled(path):
        # Our own files are read by the documents' fast YAML 1.2 reader (libyaml's events, typed
        # in one pass: twice as fast as PyYAML's constructor, ten times ruamel's); what it leaves
        # to the round-trip reader goes to the reader below.
        from kotocheck import fast_yaml

        try:
            return fast_yaml.read(text)[0]
        except fast_yaml.Fallback:
            pass
    from ruamel.yaml import YAML

    # Our own data files need no positions: the C-backed safe loader is much faster.
    yaml_ = YAML(typ="safe")
    try:
        return yaml_.load(text)
    except Exception as exc:  # reported with the file name; shipped data is tested
        raise DataError(f"{path}: {exc}") from None


def _load(model: type[BaseModel], data: Any, path: Path) -> Any:
    """Shipped data as it is (TRUST_BUNDLED), anything else validated."""
    if TRUST_BUNDLED and _bundled(path):
        return construct(model, data)
    return _validate(model, data, path)


def construct(annotation: Any, value: Any) -> Any:
    """What validating `value` as `annotation` gives for valid data, without building any
    validator: models through model_construct, enums by value, lists and dicts entry by entry.
    Only for data known to be valid: nothing is checked."""
    from kotocheck.checks import KINDS, CheckSpec

    if value is None:
        return None
    if annotation is CheckSpec:
        for combinator in ("all", "any"):
            if combinator in value:
                return CheckSpec.model_construct(**{combinator: [construct(CheckSpec, v) for v in value[combinator]]})
        params = KINDS[value["kind"]].params
        return CheckSpec.model_construct(kind=value["kind"], params=construct(
            params, {k: v for k, v in value.items() if k != "kind"}))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        fields = annotation.model_fields
        return annotation.model_construct(**{name: construct(fields[name].annotation, v) for name, v in value.items()})
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return annotation(value)
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is list and isinstance(value, list):
        return [construct(args[0], v) for v in value]
    if origin is dict and isinstance(value, dict):
        return {k: construct(args[1], v) for k, v in value.items()}
    if origin in (typing.Union, types.UnionType):  # X | None: the model or enum member, if any
        for arg in args:
            if isinstance(arg, type) and issubclass(arg, (BaseModel, enum.Enum)):
                return construct(arg, value)
    return value


def _validate(model: type[BaseModel], data: Any, path: Path) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise DataError(f"{path}: {_item_named(data, first['loc'])}{where}: {first['msg']}") from None


def _item_named(data: Any, loc: tuple) -> str:
    """"item 6.1: " when the error lies inside a checklist item, so its author finds it by id."""
    if len(loc) > 1 and loc[0] == "items" and isinstance(loc[1], int) and isinstance(data, dict):
        items = data.get("items")
        if isinstance(items, list) and loc[1] < len(items) and isinstance(items[loc[1]], dict):
            return f"item {items[loc[1]].get('id')}: "
    return ""


def checklist_dirs(extra: list[Path] | None = None) -> list[Path]:
    return [*(extra or []), folder("checklists")]


def available(extra: list[Path] | None = None) -> dict[str, Path]:
    """Checklist name -> file; a user's folder comes first so it can add versions."""
    found: dict[str, Path] = {}
    for place in checklist_dirs(extra):
        for path in sorted(place.glob("*.yaml")):
            found.setdefault(path.stem, path)
    return found


@lru_cache(maxsize=16)
def load_checklist(path: Path) -> Checklist:
    checklist = _load(Checklist, _read(path), path)
    if checklist.id != path.stem:
        raise DataError(f"{path}: id {checklist.id!r} must match the file name {path.stem!r}")
    checklist.file = str(path)
    return checklist


@lru_cache(maxsize=8)
def catalogue(name: str) -> Catalogue:
    path = folder("catalogues") / f"{name}.yaml"
    return _load(Catalogue, _read(path), path)


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    path = folder("catalogues") / "vocabulary.yaml"
    return _load(Vocabulary, _read(path), path)


def label(vocabulary_name: str, value: str) -> dict[str, str]:
    vocab = vocabulary()
    entry = vocab.labels.get(vocabulary_name, {}).get(value)
    if entry is None and value in vocab.groups:
        return dict(vocab.groups[value]["label"])
    return entry.as_dict() if entry else {"fi": value, "en": value}


def groups() -> dict[str, list[str]]:
    return {name: list(g["members"]) for name, g in vocabulary().groups.items()}


CATALOGUES = ("data_sources", "indicators")
