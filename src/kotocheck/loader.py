"""Read a YAML file into a Document that keeps line and column positions.

Reading never raises for bad input: anything that stops the file from being read
becomes a LoadError carrying a located finding.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kotocheck import i18n
from kotocheck.findings import Finding, Severity

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
# Aliases are shared objects in the parsed tree; copying them out could blow up
# exponentially ("billion laughs"), so the copy is bounded.
MAX_NODES = 200_000
# Deeper nesting is refused while scanning: ruamel's scanner slows down quadratically with
# the flow level and its composer recurses once per level.
MAX_DEPTH = 200
# Only the YAML types themselves; `!!python/...` is in the same tag:yaml.org,2002: namespace
# but is a custom tag all the same.
STANDARD_TAGS = {None, "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
                 "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:map",
                 "tag:yaml.org,2002:seq", "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:binary",
                 "tag:yaml.org,2002:omap", "tag:yaml.org,2002:pairs", "tag:yaml.org,2002:set",
                 "tag:yaml.org,2002:merge", "tag:yaml.org,2002:value"}


@dataclass
class Document:
    """A parsed YAML document: plain data for validation, the ruamel tree for positions."""

    file: str
    data: Any
    tree: Any
    text: str


class LoadError(Exception):
    def __init__(self, finding: Finding):
        super().__init__(finding.message["en"])
        self.finding = finding


def _error(file: str, rule: str, line: int, column: int, key: str, **params: Any) -> LoadError:
    return LoadError(Finding(rule=rule, severity=Severity.ERROR, file=file, line=line, column=column,
                             message=i18n.message(key, **params), hint=i18n.message(key + ".hint", **params)))


def read_text(path: Path, display: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise _error(display, "input.unreadable", 1, 1, "input.is_dir")
        if size > max_bytes:
            raise _error(display, "input.too-large", 1, 1, "input.too_large", size=size, limit=max_bytes)
        raw = path.read_bytes()
    except FileNotFoundError:
        raise _error(display, "input.unreadable", 1, 1, "input.missing") from None
    except PermissionError:
        raise _error(display, "input.unreadable", 1, 1, "input.permission") from None
    except OSError as exc:
        raise _error(display, "input.unreadable", 1, 1, "input.oserror", reason=exc.strerror or str(exc)) from None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a UTF-8 byte order mark is harmless; editors on Windows add it
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise _error(display, "yaml.encoding", line, column, "yaml.encoding",
                     byte=f"0x{raw[exc.start]:02x}") from None


class _TooDeep(Exception):
    def __init__(self, mark: Any):
        super().__init__("too deep")
        self.mark = mark


def _bounded_scanner() -> type:
    """ruamel's round-trip scanner, refusing nesting deeper than MAX_DEPTH where it starts."""
    from ruamel.yaml.scanner import RoundTripScanner

    class BoundedScanner(RoundTripScanner):
        def _depth_check(self) -> None:
            if len(self.flow_context) + len(self.indents) >= MAX_DEPTH:
                raise _TooDeep(self.reader.get_mark())

        def fetch_flow_collection_start(self, TokenClass: Any, to_push: Any) -> None:
            self._depth_check()
            super().fetch_flow_collection_start(TokenClass, to_push)

        def add_indent(self, column: int) -> bool:
            if self.indent < column:
                self._depth_check()
            return super().add_indent(column)

    return BoundedScanner


def parse(text: str, display: str) -> Document:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    yaml = YAML(typ="rt")
    yaml.Scanner = _bounded_scanner()
    try:
        tree = yaml.load(text)
    except _TooDeep as exc:
        raise _error(display, "yaml.too-deep", exc.mark.line + 1, exc.mark.column + 1, "yaml.too_deep") from None
    except TypeError as exc:  # ruamel cannot hash a mapping or list used as a key ({a: [1]}: x)
        if "unhashable" not in str(exc):
            raise
        line, column = _collection_key(text)
        raise _error(display, "yaml.key-type", line, column, "yaml.key_type") from None
    except (ValueError, IndexError, OverflowError) as exc:  # a scalar ruamel cannot build: 2025-02-30, 0x_
        line, column, value = _failing_scalar(exc)
        problem = {"fi": f"arvoa {value} ei voi lukea ({exc})", "en": f"the value {value} cannot be read ({exc})"}
        raise _error(display, "yaml.syntax", line, column, "yaml.syntax", problem=problem) from None
    except MarkedYAMLError as exc:
        raise _syntax_error(exc, text, display) from None
    except YAMLError as exc:
        raise _error(display, "yaml.syntax", 1, 1, "yaml.syntax", problem=str(exc)) from None
    except RecursionError:
        raise _error(display, "yaml.too-deep", 1, 1, "yaml.too_deep") from None
    if tree is None:
        raise _error(display, "yaml.empty", 1, 1, "yaml.empty")
    data = to_plain(tree, display)
    return Document(file=display, data=data, tree=tree, text=text)


def _failing_scalar(exc: BaseException) -> tuple[int, int, str]:
    """Line, column and text of the node ruamel's constructor was building when it failed:
    the innermost frame of the traceback that has a `node` with a position."""
    import traceback

    found = (1, 1, "")
    for frame, _ in traceback.walk_tb(exc.__traceback__):
        node = frame.f_locals.get("node")
        mark = getattr(node, "start_mark", None)
        if mark is not None:
            found = (mark.line + 1, mark.column + 1, repr(getattr(node, "value", ""))[:80])
    return found


def _collection_key(text: str) -> tuple[int, int]:
    """Where the first mapping key that is itself a mapping or a list starts."""
    from ruamel.yaml import YAML
    from ruamel.yaml.nodes import MappingNode, ScalarNode

    yaml = YAML(typ="rt")
    yaml.Scanner = _bounded_scanner()
    try:
        stack = [yaml.compose(text)]
    except Exception:  # best effort: the construction failed, composing did not before
        return 1, 1
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        if node is None or id(node) in seen or isinstance(node, ScalarNode):
            continue
        seen.add(id(node))
        if isinstance(node, MappingNode):
            for key, value in node.value:
                if not isinstance(key, ScalarNode):
                    return key.start_mark.line + 1, key.start_mark.column + 1
                stack.append(value)
        else:
            stack.extend(reversed(node.value))
    return 1, 1


# ruamel.yaml's wording of the problems people make most, in plain words.
_PROBLEMS = (
    ("mapping values are not allowed", "kaksoispiste väärässä kohdassa; kirjoita teksti, jossa on ': ', lainausmerkkeihin",
     "a colon in the wrong place; quote text that contains ': '"),
    ("could not find expected ':'", "avaimen perästä puuttuu kaksoispiste", "a key lacks its colon"),
    ("expected ',' or ']'", "hakasulku ] jäi sulkematta", "a [ bracket is not closed"),
    ("expected ',' or '}'", "aaltosulku } jäi sulkematta", "a { brace is not closed"),
    ("found unexpected end of stream", "lainausmerkki jäi sulkematta", "a quote is not closed"),
    ("expected <block end>", "sisennys ei täsmää edellisiin riveihin", "the indentation does not match the lines above"),
    ("found undefined alias", "viittaus (*alias) tuntemattomaan ankkuriin", "an *alias to an unknown anchor"),
    ("found character '@' that cannot start", "merkki @ ei voi aloittaa arvoa; käytä lainausmerkkejä",
     "@ cannot start a value; use quotes"),
    ("found character '`' that cannot start", "merkki ` ei voi aloittaa arvoa; käytä lainausmerkkejä",
     "` cannot start a value; use quotes"),
)


def _syntax_error(exc: Any, text: str, display: str) -> LoadError:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = " ".join(str(exc.problem or exc.context or "").split())
    if type(exc).__name__ == "DuplicateKeyError":
        key = problem.split('"')[1] if problem.count('"') >= 2 else problem
        return _error(display, "yaml.duplicate-key", line, column, "yaml.duplicate-key", problem=key)
    if _is_tab_problem(text, line, problem):
        return _error(display, "yaml.syntax", line, column, "yaml.tab")
    fi, en = next(((f, e) for needle, f, e in _PROBLEMS if needle in problem), (problem, problem))
    ctx = exc.context_mark
    if ctx is not None and exc.problem_mark is not None and ctx.line != exc.problem_mark.line:
        fi += f" (rakenne alkaa kohdasta {ctx.line + 1}:{ctx.column + 1})"
        en += f" (the construct starts at {ctx.line + 1}:{ctx.column + 1})"
    return _error(display, "yaml.syntax", line, column, "yaml.syntax", problem={"fi": fi, "en": en})


def _is_tab_problem(text: str, line: int, problem: str) -> bool:
    if "\\t" in problem:
        return True
    lines = text.splitlines()
    return 0 < line <= len(lines) and lines[line - 1].lstrip(" ").startswith("\t")


def load(path: Path, display: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    display = display or str(path)
    return parse(read_text(path, display, max_bytes), display)


def to_plain(tree: Any, display: str) -> Any:
    """Copy the ruamel tree into plain dicts, lists and scalars, refusing custom tags."""
    budget = [MAX_NODES]
    sizes: dict[int, int] = {}

    def size(node: Any, depth: int = 0) -> int:
        """Nodes in `node` once its aliases are expanded, counted over the shared objects
        only once each, so a billion laughs is measured in microseconds, not walked."""
        if not isinstance(node, (dict, list)) or depth > MAX_DEPTH:
            return 1
        known = sizes.get(id(node))
        if known is None:
            sizes[id(node)] = MAX_NODES + 1  # a cycle, should one ever appear, counts as too many
            children = node.values() if isinstance(node, dict) else node
            known = sizes[id(node)] = min(MAX_NODES + 1, 1 + sum(size(c, depth + 1) for c in children))
        return known

    def overflow(node: Any, parent: Any, key: Any, left: int) -> tuple[int, int]:
        """Where a walk with `left` nodes to spend would run out: the child that overflows."""
        while isinstance(node, (dict, list)):
            left -= 1
            pairs = node.items() if isinstance(node, dict) else enumerate(node)
            for k, child in pairs:
                if size(child) > left:
                    node, parent, key = child, node, k
                    break
                left -= size(child)
            else:
                break
        return position(node, parent, key)

    def position(node: Any, parent: Any, key: Any) -> tuple[int, int]:
        try:
            if isinstance(parent, dict):
                line, col = parent.lc.value(key)
            elif isinstance(parent, list):
                line, col = parent.lc.item(key)
            else:
                line, col = node.lc.line, node.lc.col
            return line + 1, col + 1
        except Exception:  # positions are best effort
            return 1, 1

    def walk(node: Any, parent: Any = None, key: Any = None, depth: int = 0) -> Any:
        budget[0] -= 1
        if budget[0] < 0:
            line, col = position(node, parent, key)
            raise _error(display, "yaml.too-complex", line, col, "yaml.too_complex", limit=MAX_NODES)
        if depth > MAX_DEPTH:
            line, col = position(node, parent, key)
            raise _error(display, "yaml.too-deep", line, col, "yaml.too_deep")
        tag = getattr(getattr(node, "tag", None), "value", None) if hasattr(node, "tag") else None
        if tag is not None and tag not in STANDARD_TAGS:
            line, col = position(node, parent, key)
            raise _error(display, "yaml.tag", line, col, "yaml.tag", tag=tag)
        if isinstance(node, dict):
            out = {}
            for k, v in node.items():
                if not isinstance(k, (str, int, float, bool)) or isinstance(k, bool):
                    line, col = position(node, parent, key)
                    raise _error(display, "yaml.key-type", line, col, "yaml.key_type")
                out[str(k)] = walk(v, node, k, depth + 1)
            return out
        if isinstance(node, list):
            return [walk(v, node, i, depth + 1) for i, v in enumerate(node)]
        return _scalar(node)

    if size(tree) > MAX_NODES:
        line, col = overflow(tree, None, None, MAX_NODES)
        raise _error(display, "yaml.too-complex", line, col, "yaml.too_complex", limit=MAX_NODES)
    return walk(tree)


def _scalar(value: Any) -> Any:
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str):
        return str(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, _dt.datetime):
        return _dt.datetime(value.year, value.month, value.day, value.hour, value.minute, value.second)
    if isinstance(value, _dt.date):
        return _dt.date(value.year, value.month, value.day)
    return str(value)
