"""A skeleton programme for `kotocheck init`, built from a checklist and the models. Never prints.

Every path a checklist item reads (`CheckSpec.expressions()`) becomes a key, in the models' field
order, with the item's id, wording and hint as a Finnish comment above it; so a new checklist
version needs no change here. What the models refuse when empty cannot be written empty:

- an optional field is written with no value (`null`), a list as `[]`;
- the items of a list are a commented template below it (`# - id:`);
- a part with a required field that has no value yet (a coordinator needs its authority) is written
  with no value and its fields commented below it, ready to uncomment.

A choice field (a vocabulary of models/vocab.py) has its values with their Finnish labels in a
comment block above it, one `value = label` a line (choice_lines; `kotocheck migrate` writes the
same above a key it adds).

So the skeleton validates with checklist findings only: what is still missing.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import textwrap
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Iterator, Literal

from pydantic import BaseModel

from kotocheck import checklist as checklists
from kotocheck.locations import parse
from kotocheck.models import FORMAT_VERSIONS, MODELS, common

WIDTH = 100
PLACEHOLDER = "Kunnan nimi"
FIRST = ("kind", "format_version", "checklist", "title")  # written first, in this order
_HINTS = {dt.date: "VVVV-KK-PP", common.YearOrDate: "vuosi, VVVV-KK tai VVVV-KK-PP", common.Money: "euroina"}


class SkeletonError(Exception):
    """The skeleton cannot be made; the message is one line for the user."""


@dataclass
class Node:
    """A key of the skeleton: a model (its fields below it), a list, or a value."""

    name: str
    owner: type[BaseModel] | None  # the model the field belongs to
    annotation: Any  # without `| None`; list[...] for a list
    optional: bool  # may be written with no value (`null`)
    default: Any = None
    children: dict[str, "Node"] = field(default_factory=dict)
    items: list[checklists.Item] = field(default_factory=list)  # checklist items commented here
    value: Any = None  # what init fills in

    @property
    def model(self) -> type[BaseModel] | None:
        inner = _list_item(self.annotation) if self.is_list else self.annotation
        return inner if _is_model(inner) else None

    @property
    def is_list(self) -> bool:
        return typing.get_origin(self.annotation) is list


def build(name: str, municipality: str | None, output: Path) -> str:
    """The skeleton text for checklist `name`, to be written at `output`."""
    known = checklists.available()
    programmes = sorted(n for n, p in known.items() if checklists.load_checklist(p).kind == "programme")
    if name not in known:
        raise SkeletonError(f"tuntematon tarkistuslista / unknown checklist {name!r}; "
                            f"ohjelman tarkistuslistat / programme checklists: {', '.join(programmes)}")
    checklist = checklists.load_checklist(known[name])
    if checklist.kind != "programme":
        raise SkeletonError(f"{name} on {checklist.kind}-tarkistuslista; init tekee ohjelman rungon / "
                            f"init makes programmes: {', '.join(programmes)}")
    place = municipality.strip() if municipality and municipality.strip() else PLACEHOLDER
    # A new skeleton is a draft: its status changes when it goes to decision.
    fill = {"kind": "programme", "format_version": max(FORMAT_VERSIONS), "checklist": name, "status": "draft",
            "title": f"{place}: kotoutumisen edistämisen ohjelma", "identification.municipality": place}
    root = tree(checklist, fill)

    lines = [f"# yaml-language-server: $schema={schema_reference(output)}",
             *_comment(0, f"Runko / skeleton: {checklist.title.fi}. Tehty komennolla kotocheck init."),
             *_comment(0, "Kenttien yllä on tarkistuslistan kohta: tunniste, vaatimus ja vihje. Kommentoidut "
                          "rivit (# -) ovat malleja: poista rivin alusta \"# \" ja listan perästä [], kun lisäät "
                          "sisältöä. Kohta, joka ei koske kuntaa, kirjataan perusteluineen not_applicable-listaan. "
                          f"Tarkista: kotocheck validate {output.name}")]
    if not _schema_found(output):
        lines += _comment(0, "Editorin tarkistus ja täydennys: kotocheck schema -o schemas/programme.schema.json")
    for child in _ordered(root):
        rendered = _render(child, 0, None)
        lines += ([""] if child.name not in FIRST else []) + rendered
    lines += ["", *_comment(0, "Kohdat, jotka eivät koske kuntaa, perusteluineen / items that do not apply, with reasons:"),
              "not_applicable: []", "  # - item:  # kohdan tunniste, esim. \"1.5\"", "  #   reason:",
              "", *_comment(0, "Kohdat tai osat, joita ei ole vielä kirjoitettu: ne näkyvät tilalla \"ei arvioitu\", "
                               "eivät puutteina / items or parts not written yet:"),
              "not_assessed: []", "  # - section: situation  # tai kohta: item: \"3.2\"",
              "  #   note: Tilannekuva kirjoitetaan syksyllä."]
    return "\n".join(lines) + "\n"


def tree(checklist: checklists.Checklist, fill: dict[str, Any] | None = None) -> Node:
    """The keys a programme checklist reads, each with its items, and every required field:
    the skeleton of `init`, and what `kotocheck migrate` adds to a programme that lacks it."""
    root = Node("", None, MODELS["programme"], optional=False)
    for path, value in (fill or {}).items():
        _node(root, path.split(".")).value = value
    for item in checklist.items:
        expressions = item.check.expressions()
        nodes = [_node(root, [step.key for step in parse(e)]) for e in expressions]
        # The comment goes to the most specific path: `goals[*].measures`, not `goals[*]`.
        chosen = next((n for n, e in zip(nodes, expressions)
                       if not any(o.startswith(e + ".") for o in expressions)), root)
        chosen.items.append(item)
    _add_required(root)
    return root


# --- where the schema is ------------------------------------------------------------------------

def _schema_candidates(output: Path) -> Iterator[Path]:
    """`schemas/programme.schema.json` in the output's folder or above it: the repository the
    skeleton lives in. (Not kotocheck's own checkout: that path would break when the file moves.)"""
    folder = output.resolve().parent
    for parent in [folder, *folder.parents]:
        yield parent / "schemas" / "programme.schema.json"


def _schema_found(output: Path) -> Path | None:
    return next((p for p in _schema_candidates(output) if p.is_file()), None)


def schema_reference(output: Path) -> str:
    """A path relative to the skeleton, as the YAML language server resolves it: the schema
    found, else where `kotocheck schema -o schemas/programme.schema.json` would write it."""
    found = _schema_found(output)
    if found is None:
        return "schemas/programme.schema.json"
    folder = output.resolve().parent
    return Path(os.path.relpath(found, folder)).as_posix()


# --- the tree of keys ---------------------------------------------------------------------------

def _node(parent: Node, keys: list[str]) -> Node:
    """The node of a path, made on the way; stops at a key the models do not have."""
    node = parent
    for key in keys:
        model = node.model
        if model is None or key not in model.model_fields:
            break
        if key not in node.children:
            node.children[key] = _field_node(model, key)
        node = node.children[key]
    return node


def _field_node(model: type[BaseModel], key: str) -> Node:
    info = model.model_fields[key]
    annotation, optional = _unwrap(info.annotation)
    if info.metadata:  # pydantic moves a field's own Annotated[...] metadata here: put it back
        annotation = Annotated[(annotation, *info.metadata)]
    default = None if info.is_required() else info.get_default(call_default_factory=True)
    return Node(key, model, annotation, optional=optional, default=default)


def _add_required(node: Node) -> None:
    """The required fields of every model shown, so a template is complete."""
    model = node.model
    if model is not None:
        for key, info in model.model_fields.items():
            if info.is_required() and key not in node.children:
                node.children[key] = _field_node(model, key)
    for child in node.children.values():
        _add_required(child)


def _ordered(node: Node) -> list[Node]:
    order = list(node.model.model_fields) if node.model else []
    first = FIRST if node.owner is None else ()
    rank = {k: (first.index(k) if k in first else len(first) + order.index(k)) for k in node.children}
    return sorted(node.children.values(), key=lambda n: rank[n.name])


def _writable(node: Node) -> bool:
    """Whether the node can be written now: with its value, with none, as `[]`, or opened."""
    if node.is_list or node.value is not None or node.optional or node.default is not None:
        return True
    return node.model is not None and _opens(node)


def _opens(node: Node) -> bool:
    """Whether a part can be written with its fields, none of them waiting for a value."""
    return all(_writable(child) for child in node.children.values())


# --- rendering ----------------------------------------------------------------------------------

def _render(node: Node, indent: int, base: int | None, dash: bool = False, comments: bool = True) -> list[str]:
    """Lines of a node at `indent`; `base` is the indent of the commented block it is in, if any;
    `dash` puts it first in a list item (`- key:`); `comments=False` leaves out the item comments
    (a part written without value has them above its key)."""
    at = indent - 2 if dash else indent
    lead = "- " if dash else ""
    opened = base is not None or _opens(node)
    closed = node.model is not None and not node.is_list and not opened
    shown = _all_items(node) if closed else node.items
    lines = [line for item in shown for line in _item_comment(item, at, base)] if comments else []
    lines += [_line(at, line, base) for line in choice_lines(node, WIDTH - at)]

    def key_line(text: str, hint: str = "") -> None:
        if hint and len(" " * indent + text + hint) + 6 > WIDTH:
            lines.extend(_line(at, line, base) for line in _comment_lines(hint, WIDTH - at))
            hint = ""
        lines.append(_line(at, lead + text + (f"  # {hint}" if hint else ""), base))

    if node.model is not None and not node.is_list:
        key_line(f"{node.name}:", _hint(node) if opened else "kentät alla: poista \"# \" ja täytä")
        for child in _ordered(node):
            lines += _render(child, indent + 2, base if opened else indent, comments=comments and opened)
    elif node.is_list:
        key_line(f"{node.name}: []", _hint(node))
        if node.model is not None:  # one commented item as a template
            inner = indent + 2 if base is None else base
            for i, child in enumerate(_ordered(node)):
                lines += _render(child, indent + 4, inner, dash=i == 0, comments=comments)
    elif node.value is not None or (base is None and not node.optional and node.default is not None):
        key_line(f"{node.name}: {_scalar(node.value if node.value is not None else node.default)}")
    else:
        key_line(f"{node.name}:", _hint(node))
    return lines


def _all_items(node: Node) -> list[checklists.Item]:
    return [*node.items, *(i for child in _ordered(node) for i in _all_items(child))]


def _line(indent: int, text: str, base: int | None) -> str:
    if base is None:
        return " " * indent + text
    return " " * base + "# " + " " * (indent - base) + text


def _item_comment(item: checklists.Item, indent: int, base: int | None) -> list[str]:
    severity = _weight(item)
    text = f"{item.id} {item.title.fi} ({severity}): {item.text.fi} Vihje: {item.hint.fi}"
    return [_line(indent, line, base) for line in _comment_lines(text, WIDTH - indent)]


def _weight(item: checklists.Item) -> str:
    """How binding an item is, in the coordinator's words: a duty the law sets is never called a
    recommendation, and only what the law requires of the document is mandatory."""
    if item.severity.value == "error":
        return "pakollinen"
    if item.severity.value == "info":
        return "vinkki"
    return "lakisääteinen" if item.rests_on == "law" else "suositus"


def _comment(indent: int, text: str) -> list[str]:
    return [" " * indent + line for line in _comment_lines(text, WIDTH - indent)]


def _comment_lines(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width=max(width, 40), initial_indent="# ", subsequent_indent="#   ",
                         break_long_words=False, break_on_hyphens=False)


def _hint(node: Node) -> str:
    """What to write, when no checklist item says it: the field's description; and the choices of
    a Literal that is no vocabulary (a vocabulary's values have a block of their own, choice_lines)."""
    from kotocheck.schema import descriptions, lookup

    described = None if node.items or node.owner is None else lookup(descriptions()["descriptions"], node.owner, node.name)
    parts = [described.split(" / ")[0]] if described else []
    inner = _list_item(node.annotation) if node.is_list else node.annotation
    if typing.get_origin(inner) is Literal:
        if _vocabulary(node) is None:
            parts.append("vaihtoehdot: " + ", ".join(map(str, typing.get_args(inner))))
    elif not described:
        parts += [hint for known, hint in _HINTS.items() if inner == known]
    return " ".join(parts)


def _vocabulary(node: Node) -> str | None:
    from kotocheck import choices

    return choices.vocabulary_of_annotation(node.annotation)


def choice_lines(node: Node, width: int) -> list[str]:
    """The values of a choice field with their Finnish labels, one a line, as comment lines:

        # vaihtoehdot:
        #   alone = kunta yksin
        #   joint = yhteistyössä muiden kanssa

    A deprecated value is not offered. Nothing for a field that is no choice of a vocabulary."""
    from kotocheck import choices

    name = _vocabulary(node)
    if name is None:
        return []
    values = choices.current(name)
    pad = max(len(value) for value in values)
    head = "vaihtoehdot, yksi tai useampi:" if node.is_list else "vaihtoehdot:"
    lines = ["# " + head]
    for value in values:
        first = f"#   {value:<{pad}} = "
        lines += textwrap.wrap(choices.label(name, value, "fi"), width=max(width, len(first) + 20),
                               initial_indent=first, subsequent_indent="#" + " " * (len(first) - 1),
                               break_long_words=False, break_on_hyphens=False)
    return lines


_PLAIN = re.compile(r"[A-Za-zÅÄÖåäöÉéÜü][\w .()-]*")


def _scalar(value: Any) -> str:
    if isinstance(value, str) and not (_PLAIN.fullmatch(value) and value.lower() not in
                                       ("yes", "no", "on", "off", "true", "false", "null", "y", "n")):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


# --- types --------------------------------------------------------------------------------------

def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """(the annotation without `| None`, whether None is allowed)."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = typing.get_args(annotation)
        rest = [a for a in args if a is not type(None)]
        if len(rest) == 1:
            return rest[0], len(rest) < len(args)
    return annotation, False


def _list_item(annotation: Any) -> Any:
    args = typing.get_args(annotation)
    return _unwrap(args[0])[0] if args else Any


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)
