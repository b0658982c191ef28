"""What `kotocheck explain` says of a check: its plain words, and passing and failing YAML
snippets derived from it, so every item of every checklist version can be explained without
hand-written examples. Each kind supplies its own words and examples (checks/*.py KINDS);
this module walks `all`/`any` and holds the generic helpers (assign, delete, to_yaml)."""

from __future__ import annotations

import copy
import datetime as dt
from typing import TYPE_CHECKING, Any

from kotocheck import locations

if TYPE_CHECKING:
    from kotocheck.checks import CheckSpec

PLACEHOLDER = "…"


def snippets(spec: "CheckSpec", today: dt.date) -> tuple[dict, dict] | None:
    """(passing, failing) documents, or None when the check needs other files."""
    passing: dict = {}
    if not satisfy(spec, passing, today):
        return None
    failing = copy.deepcopy(passing)
    spoil(spec, failing, today)
    return passing, failing


def satisfy(spec: "CheckSpec", data: dict, today: dt.date) -> bool:
    """Fill `data` so the check passes: every part of `all`, the first of `any`. Each kind
    knows how (its KindSpec.satisfy); False when a kind cannot, e.g. it needs other files."""
    from kotocheck.checks import KINDS

    if spec.all or spec.any:
        parts = spec.all or spec.any[:1]
        return all(satisfy(sub, data, today) for sub in parts)
    kind = KINDS[spec.kind]
    return bool(kind.satisfy and kind.satisfy(spec.params, data, today))


def spoil(spec: "CheckSpec", data: dict, today: dt.date) -> None:
    """Undo what the first part of the check needs, as its kind knows how (KindSpec.spoil)."""
    from kotocheck.checks import KINDS

    while spec.all or spec.any:
        spec = (spec.all or spec.any)[0]
    kind = KINDS[spec.kind]
    if kind.spoil:
        kind.spoil(spec.params, data, today)
    else:
        delete(data, spec.expressions()[0])


WORDS = {"all": {"fi": "kaikki seuraavat:", "en": "all of the following:"},
         "any": {"fi": "jokin seuraavista:", "en": "one of the following:"}}


def describe(spec: "CheckSpec", lang: str, depth: int = 0) -> list[str]:
    """The check in plain words, one line per part: what a person reads in `kotocheck explain`."""
    from kotocheck import i18n
    from kotocheck.checks import KINDS

    if spec.all or spec.any:
        head = i18n.pick(WORDS["all" if spec.all else "any"], lang)
        lines = [head]
        for sub in spec.all or spec.any:
            sub_lines = describe(sub, lang, depth + 1)
            lines.append("  - " + sub_lines[0])
            lines.extend("    " + line for line in sub_lines[1:])
        return lines
    kind = KINDS[spec.kind]
    if kind.describe is None:
        return [spec.kind.replace("_", " ")]
    return [i18n.pick(kind.describe(spec.params), lang)]


def delete(data: dict, expression: str) -> None:
    """Remove what an expression names up to its first list (the whole list goes)."""
    head = expression.split("[", 1)[0].split(".")
    node = data
    for key in head[:-1]:
        node = node.get(key, {}) if isinstance(node, dict) else {}
    if isinstance(node, dict):
        node.pop(head[-1], None)


def assign(data: dict, expression: str, value: Any) -> None:
    """Create what an expression names and put `value` there. A `[*]` list gets one item,
    or one item per value when the value is a list and the list step is the last one."""
    steps = locations.parse(expression)
    _assign(data, list(steps), value)


def _assign(node: dict, steps: list, value: Any) -> None:
    step, rest = steps[0], steps[1:]
    if not step.selectors:
        if not rest:
            node[step.key] = value
            return
        child = node.setdefault(step.key, {})
        if not isinstance(child, dict):
            child = node[step.key] = {}
        _assign(child, rest, value)
        return
    items = node.setdefault(step.key, [])
    if not isinstance(items, list):
        items = node[step.key] = []
    selector = step.selectors[0]
    template = {}
    if "=" in selector:
        field_name, wanted = selector.split("=", 1)
        template = {field_name: wanted}
    if not rest:
        if template:  # services[service=guidance] names an entry: the entry is what is made
            items.append({**template, **(value if isinstance(value, dict) else {})})
        else:
            items.extend(value if isinstance(value, list) else [value])
        return
    if isinstance(value, list) and len(rest) == 1 and not rest[0].selectors:
        for v in value:  # covers: one entry per category
            items.append({**template, rest[0].key: v})
        return
    target = next((i for i in items if isinstance(i, dict) and all(i.get(k) == v for k, v in template.items())), None)
    if target is None:
        target = dict(template)
        items.append(target)
    _assign(target, rest, value)


def to_yaml(data: dict) -> str:
    import io

    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.default_flow_style = False
    yaml.indent(mapping=2, sequence=4, offset=2)
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    return buffer.getvalue()
