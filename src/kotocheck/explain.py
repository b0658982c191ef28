"""Passing and failing YAML snippets for a checklist item, derived from its check, so
every item of every checklist version can be explained without hand-written examples."""

from __future__ import annotations

import copy
import datetime as dt
import re
from typing import Any

from kotocheck import locations
from kotocheck.checklist import catalogue, groups
from kotocheck.checks import CheckSpec

PLACEHOLDER = "…"
UNSATISFIABLE = {"programme_ref", "follows_all_goals", "file_exists"}  # need other files


def snippets(spec: CheckSpec, today: dt.date) -> tuple[dict, dict] | None:
    """(passing, failing) documents, or None when the check needs other files."""
    passing: dict = {}
    if not _satisfy(spec, passing, today):
        return None
    failing = copy.deepcopy(passing)
    _break(spec, failing, today)
    return passing, failing


def _satisfy(spec: CheckSpec, data: dict, today: dt.date) -> bool:
    if spec.all or spec.any:
        parts = spec.all or spec.any[:1]
        return all(_satisfy(sub, data, today) for sub in parts)
    p = spec.params
    kind = spec.kind
    if kind in UNSATISFIABLE:
        return False
    if kind == "present":
        for path in (p.paths if p.mode == "all" else p.paths[:1]):
            assign(data, path, PLACEHOLDER)
    elif kind == "min_items":
        assign(data, p.path, [PLACEHOLDER] * p.min)
    elif kind == "covers":
        expression = p.values if isinstance(p.values, str) else p.values[0]
        members = groups()
        assign(data, expression, [members.get(c, [c])[0] for c in p.all_of])
    elif kind == "each_has":
        for field in (p.fields if p.mode == "all" else p.fields[:1]):
            assign(data, f"{p.items}.{field}", PLACEHOLDER)
    elif kind == "max_span_years":
        assign(data, p.start, today.year)
        assign(data, p.end, today.year + p.max_years - 1)
    elif kind == "not_expired":
        assign(data, p.end, today.year + 1)
    elif kind == "reference":
        assign(data, p.values, sorted(e.id for e in catalogue(p.catalogue).entries)[0])
    elif kind == "one_of":
        assign(data, p.values, p.allowed[0])
    return True


def _break(spec: CheckSpec, data: dict, today: dt.date) -> None:
    """Undo what the first part of the check needs; a value check gets a bad value instead."""
    while spec.all or spec.any:
        spec = (spec.all or spec.any)[0]
    p = spec.params
    if spec.kind == "max_span_years":
        assign(data, p.end, today.year + p.max_years + 1)
    elif spec.kind == "not_expired":
        assign(data, p.end, today.year - 1)
    elif spec.kind in ("reference", "one_of"):
        assign(data, p.values, "tuntematon")
    elif spec.kind == "each_has":
        for path, item in locations.resolve(data, p.items).matches:
            if isinstance(item, dict):
                item.pop(p.fields[0].split(".")[0], None)
    else:
        expression = spec.expressions()[0]
        _delete(data, expression)


def _delete(data: dict, expression: str) -> None:
    head = expression.split("[", 1)[0].split(".")
    node = data
    for key in head[:-1]:
        node = node.get(key, {}) if isinstance(node, dict) else {}
    if isinstance(node, dict):
        node.pop(head[-1], None)


_STEP = re.compile(r"([^\[]+)((?:\[[^\]]*\])*)")


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
