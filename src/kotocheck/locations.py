"""Paths in a document: parsing path expressions, resolving them on data, and
turning a concrete path into a 1-based line and column from the ruamel tree."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from kotocheck.fast_yaml import Positions

Path = tuple  # concrete path: keys (str) and list indexes (int)

_TOKEN = re.compile(r"([^.\[\]]+)((?:\[[^\]]*\])*)")
_SELECTOR = re.compile(r"\[([^\]]*)\]")


@dataclass(frozen=True)
class Step:
    key: str | None  # None for a bare selector step
    selectors: tuple[str, ...]  # "*", an index, or "field=value"


@lru_cache(maxsize=512)
def parse(expression: str) -> tuple[Step, ...]:
    """`goals[*].measures[*].responsible`, `services[service=guidance].arranged_by`."""
    steps = []
    for part in expression.split("."):
        match = _TOKEN.fullmatch(part)
        if not match:
            raise ValueError(f"bad path expression: {expression!r}")
        steps.append(Step(match.group(1), tuple(_SELECTOR.findall(match.group(2)))))
    return tuple(steps)


@dataclass
class Resolution:
    matches: list[tuple[Path, Any]]  # paths that exist, with their values
    misses: list[Path]  # deepest existing parents where the path stopped


def resolve(data: Any, expression: str) -> Resolution:
    current: list[tuple[Path, Any]] = [((), data)]
    misses: list[Path] = []
    for step in parse(expression):
        nxt: list[tuple[Path, Any]] = []
        for path, value in current:
            if isinstance(value, dict) and step.key in value:
                items = [(path + (step.key,), value[step.key])]
            else:
                misses.append(path)
                continue
            for selector in step.selectors:
                items = _select(items, selector, misses)
            nxt.extend(items)
        current = nxt
    return Resolution(current, misses)


def _select(items: list[tuple[Path, Any]], selector: str, misses: list[Path]) -> list[tuple[Path, Any]]:
    out = []
    for path, value in items:
        if not isinstance(value, list):
            misses.append(path)
            continue
        if selector == "*":
            out.extend((path + (i,), v) for i, v in enumerate(value))
        elif selector.isdigit():
            i = int(selector)
            if i < len(value):
                out.append((path + (i,), value[i]))
            else:
                misses.append(path)
        elif "=" in selector:
            field, wanted = selector.split("=", 1)
            out.extend((path + (i,), v) for i, v in enumerate(value)
                       if isinstance(v, dict) and str(v.get(field)) == wanted)
            if not out:
                misses.append(path)
    return out


def values(data: Any, expression: str) -> list[Any]:
    """Every value the expression reaches; lists reached are flattened one level."""
    out: list[Any] = []
    for _, value in resolve(data, expression).matches:
        out.extend(value if isinstance(value, list) else [value])
    return out


def is_empty(value: Any) -> bool:
    """No content: null, blank text, or a list or mapping whose every value is empty
    (`{}`, `{name: null}`, `[null, ""]`). A number, 0 included, and true/false are content."""
    stack = [value]
    while stack:  # a stack, not recursion: a deep document must not exhaust Python's stack
        node = stack.pop()
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
        elif node is not None and not (isinstance(node, str) and not node.strip()):
            return False
    return True


def dotted(path: Path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def locate(tree: Any, path: Path, at_value: bool = False) -> tuple[int, int]:
    """1-based line and column of `path`; a missing part points at its deepest parent.
    `tree` is a ruamel tree or a fast_yaml.Positions index."""
    if isinstance(tree, Positions):
        return tree.locate(path, at_value)
    node = tree
    line, column = _own_position(tree)
    for part in path:
        try:
            if isinstance(node, dict) and part in node:
                line, column = node.lc.value(part) if at_value else node.lc.key(part)
                node = node[part]
            elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
                line, column = node.lc.item(part)
                node = node[part]
            else:
                break
        except (AttributeError, KeyError, TypeError):
            break
    return line + 1, column + 1


def _own_position(node: Any) -> tuple[int, int]:
    lc = getattr(node, "lc", None)
    if lc is None or lc.line is None:
        return 0, 0
    return lc.line, lc.col
