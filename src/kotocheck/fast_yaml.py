"""A fast reading of ordinary documents: libyaml's event stream (through PyYAML's C parser) turned,
in one pass, into the plain data `loader.to_plain` gives and a position index `locate` queries.

It reads only what the round-trip loader (kotocheck.yaml_reader) reads the same way: plain scalars are
typed by the same YAML 1.2 rules (ruamel's 1.2 resolver and constructor, as `to_plain` copies them).
Anything unusual (a tab, a directive, an anchor, a tag, a key that is not text, a libyaml error, a
second document, ...) returns a reason instead, and the loader reads the text the round-trip way, so
findings, messages and acceptance stay the loader's own. The one intended difference: an empty value
(`key:`) is placed right after its colon, where the round-trip tree places it at the next token.

ruamel is not imported here; PyYAML only when reading.
"""

from __future__ import annotations

import datetime as _dt
import gc
import re
from typing import Any

from kotocheck.limits import MAX_DEPTH, MAX_NODES


# Characters libyaml and the corrected ruamel scanner treat differently, checked before parsing:
# tabs (YAML 1.2 allows some, libyaml refuses or reads them otherwise), NEL/LS/PS (line breaks in
# YAML 1.1 only), a byte order mark inside the text.
_ODD_CHARACTERS = ("\t", "\x85", "\u2028", "\u2029", "\ufeff")
_DIRECTIVE = re.compile(r"^%", re.M)
# Where libyaml reads YAML 1.2 otherwise than the corrected round-trip scanner: a `#` glued to a
# token (`"x"#c`, `[a]#c`, `>#c`: a comment for libyaml, an error in YAML 1.2), a `?` glued to
# text in [ ] or { } (`{ ?foo: bar}`: text in YAML 1.2).
_GLUED_BEFORE_HASH = frozenset("\"']},>|+-0123456789")

# ruamel's YAML 1.2 implicit resolvers (ruamel/yaml/resolver.py), tried in the same order
_FLOAT = re.compile(r"""(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
    |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
    |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
    |[-+]?\.(?:inf|Inf|INF)
    |\.(?:nan|NaN|NAN))""", re.X)
_INT = re.compile(r"""(?:[-+]?0b[0-1_]+
    |[-+]?0o?[0-7_]+
    |[-+]?[0-9_]+
    |[-+]?0x[0-9a-fA-F_]+)""", re.X)
_TIMESTAMP = re.compile(r"""(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
    |[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?
    (?:[Tt]|[ \t]+)[0-9][0-9]?
    :[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?
    (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)""", re.X)
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_WORDS: dict[str, Any] = {"true": True, "True": True, "TRUE": True, "false": False, "False": False,
                          "FALSE": False, "~": None, "null": None, "Null": None, "NULL": None, "": None}
_NUMERIC_START = frozenset("-+0123456789.")


class Fallback(Exception):
    """The text needs the round-trip loader; the message says why."""


class Positions:
    """Where each key and value of a document starts (0-based line and column), for `locate`.

    A mapping is a dict: key -> (key line, key column, value line, value column, child index);
    a list is a list of (line, column, child index); a child index is None for a scalar."""

    __slots__ = ("line", "column", "root")

    def __init__(self, line: int, column: int, root: dict | list):
        self.line, self.column, self.root = line, column, root

    def locate(self, path: Any, at_value: bool = False) -> tuple[int, int]:
        """As `locations.locate` on the round-trip tree: a missing part points at its deepest parent."""
        node: Any = self.root
        line, column = self.line, self.column
        for part in path:
            try:
                if isinstance(node, dict) and part in node:
                    entry = node[part]
                    line, column = (entry[2], entry[3]) if at_value else (entry[0], entry[1])
                    node = entry[4]
                elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
                    line, column, node = node[part]
                else:
                    break
            except TypeError:  # an unhashable part, as the tree's `in` raises
                break
        return line + 1, column + 1


def available() -> bool:
    try:
        import yaml
    except ImportError:
        return False
    return bool(getattr(yaml, "__with_libyaml__", False))


def precheck(text: str) -> str | None:
    """Why the text must go the round-trip way, from the text alone; None if it need not."""
    for ch in _ODD_CHARACTERS:
        if ch in text:
            return f"character U+{ord(ch):04X}"
    if "%" in text and _DIRECTIVE.search(text):
        return "directive"
    if "\r" in text and text.count("\r") != text.count("\r\n"):
        return "line break CR"  # lines are counted by \n below
    # str.find is much faster than a regular expression over the whole text
    for at in _occurrences(text, "#"):
        if at and text[at - 1] in _GLUED_BEFORE_HASH and not _in_comment_line(text, at):
            return "glued indicator"
    for at in _occurrences(text, "?"):
        if text[at + 1: at + 2].strip():
            before = at - 1
            while before >= 0 and text[before] in " \r\n":
                before -= 1
            if before >= 0 and text[before] in "[{," and not _in_comment_line(text, at):
                return "glued indicator"
    return None


def _occurrences(text: str, ch: str) -> Any:
    at = text.find(ch)
    while at >= 0:
        yield at
        at = text.find(ch, at + 1)


def _in_comment_line(text: str, at: int) -> bool:
    start = text.rfind("\n", 0, at) + 1
    return text[start:at].lstrip(" ").startswith("#")


def resolve(value: str) -> Any:
    """A plain scalar typed as ruamel's round-trip constructor and `to_plain` type it (YAML 1.2)."""
    if value in _WORDS:
        return _WORDS[value]
    if value.isdigit() and value.isascii():  # the common number, as the int resolver reads it
        return int(value)
    first = value[0]
    if first in _NUMERIC_START:
        if _FLOAT.fullmatch(value):
            return _float(value)
        if _INT.fullmatch(value):
            return _int(value)
        if _TIMESTAMP.fullmatch(value):
            match = _DATE.fullmatch(value)
            if match is None:  # a time of day, a zone: the round-trip constructor decides
                raise Fallback("timestamp")
            try:
                return _dt.date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                raise Fallback("bad date") from None
    elif value == "<<" or value == "=":
        raise Fallback("merge or value key")
    return value


def _int(text: str) -> int:
    digits = text.replace("_", "")
    sign = -1 if digits[:1] == "-" else 1
    if digits[:1] in "+-":
        digits = digits[1:]
    if len(digits) < 3 and digits[:2] in ("0b", "0x", "0o"):
        raise Fallback("bad number")  # `0x_`: ruamel fails to build it
    base = {"0b": 2, "0x": 16, "0o": 8}.get(digits[:2])
    try:
        return sign * (int(digits[2:], base) if base else int(digits))
    except ValueError:
        raise Fallback("bad number") from None


def _float(text: str) -> float:
    digits = text.replace("_", "").lower()
    sign = -1 if digits[:1] == "-" else 1
    if digits[:1] in "+-":
        digits = digits[1:]
    if digits == ".inf":
        return sign * float("inf")
    if digits == ".nan":
        return float("nan")
    try:
        return sign * float(digits)
    except ValueError:
        raise Fallback("bad number") from None


def read(text: str) -> tuple[Any, Positions]:
    """The plain data and positions of a one-document text whose top level is a mapping or a list.
    Raises Fallback when the round-trip loader must read it."""
    reason = precheck(text)
    if reason:
        raise Fallback(reason)
    if not available():
        raise Fallback("PyYAML without libyaml")
    import yaml
    from yaml._yaml import CParser

    parser = CParser(text)
    collecting = gc.isenabled()
    gc.disable()  # the build makes only acyclic containers; the cyclic GC cost 30-50 % of it
    try:
        return _build(parser.get_event, text)
    except yaml.YAMLError as exc:
        raise Fallback(f"libyaml: {getattr(exc, 'problem', None) or exc}") from None
    except (UnicodeError, ValueError) as exc:  # a surrogate PyYAML cannot encode, ...
        raise Fallback(f"{type(exc).__name__}") from None
    finally:
        if collecting:
            gc.enable()
        parser.dispose()


def _build(get: Any, text: str) -> tuple[Any, Positions]:
    from yaml.events import (AliasEvent, DocumentEndEvent, MappingEndEvent, MappingStartEvent, ScalarEvent,
                             SequenceEndEvent, SequenceStartEvent, StreamEndEvent)

    get()  # the stream start
    event = get()
    if event.__class__ is StreamEndEvent:
        raise Fallback("no document")
    event = get()  # the top-level node
    cls = event.__class__
    if cls is not MappingStartEvent and cls is not SequenceStartEvent:
        raise Fallback("top level is not a collection")
    if event.anchor is not None or event.tag is not None:
        raise Fallback("anchor or tag")
    mark = event.start_mark
    is_map = cls is MappingStartEvent
    data: Any = {} if is_map else []
    index: Any = {} if is_map else []
    positions = Positions(mark.line, mark.column, index)
    lines = _Lines(text)
    # flow: the mark where the outermost [ ] or { } around starts, or None in block context;
    # indent: the column of the innermost block collection (-1: none), which lines inside
    # [ ], { } or quotes must be indented deeper than (yaml_reader refuses them otherwise)
    flow = mark if event.flow_style else None
    indent = -1 if flow else mark.column
    stack: list[tuple] = []
    key: Any = None  # the key read in a mapping, waiting for its value; None: a key comes next
    key_line = key_column = 0
    nodes = 1
    while True:
        event = get()
        cls = event.__class__
        if cls is ScalarEvent:
            if event.anchor is not None or event.tag is not None:
                raise Fallback("anchor or tag")
            mark = event.start_mark
            style = event.style
            if event.implicit[0]:
                value = resolve(event.value)
                if not event.value:  # an empty node: libyaml places it after its `:` or `-`, else
                    if flow is not None:  # at the next token, where the round-trip tree does not
                        raise Fallback("empty value in [ ] or { }")
                    lines.after_indicator(mark)
                elif flow is not None and len(event.value) == 1 and event.value in "-?:":
                    raise Fallback("indicator in [ ] or { }")  # `[-]`: an error in YAML 1.2
            else:
                value = event.value
                if style == "|" or style == ">":
                    lines.block_scalar(mark.line)
                elif flow is None and event.end_mark.line != mark.line:
                    lines.deeper(mark.line, event.end_mark.line, indent)
            if is_map:
                if key is None:
                    if value.__class__ is not str:
                        raise Fallback("key is not text")
                    if value in data:
                        raise Fallback("duplicate key")
                    key, key_line, key_column = value, mark.line, mark.column
                    continue
                data[key] = value
                index[key] = (key_line, key_column, mark.line, mark.column, None)
                key = None
            else:
                data.append(value)
                index.append((mark.line, mark.column, None))
            nodes += 1
        elif cls is MappingStartEvent or cls is SequenceStartEvent:
            if event.anchor is not None or event.tag is not None:
                raise Fallback("anchor or tag")
            if is_map and key is None:
                raise Fallback("key is not text")
            mark = event.start_mark
            child: Any = {} if cls is MappingStartEvent else []
            child_index: Any = {} if cls is MappingStartEvent else []
            if is_map:
                data[key] = child
                index[key] = (key_line, key_column, mark.line, mark.column, child_index)
            else:
                data.append(child)
                index.append((mark.line, mark.column, child_index))
            stack.append((data, index, is_map, key, key_line, key_column, flow, indent))
            if len(stack) >= MAX_DEPTH - 10:  # the round-trip loader words the limit
                raise Fallback("deep")
            data, index, is_map, key = child, child_index, cls is MappingStartEvent, None
            if flow is None:
                if event.flow_style:
                    flow = mark
                else:
                    indent = mark.column
            nodes += 1
        elif cls is MappingEndEvent or cls is SequenceEndEvent:
            if not stack:
                break
            outer_flow = stack[-1][6]
            if flow is not None and outer_flow is None:  # the whole [ ] or { }, over lines
                lines.deeper(flow.line, event.start_mark.line, indent)
            data, index, is_map, key, key_line, key_column, flow, indent = stack.pop()
            key = None
        elif cls is AliasEvent:
            raise Fallback("alias")
        else:  # pragma: no cover - libyaml gives nothing else inside a document
            raise Fallback(f"event {cls.__name__}")
        if nodes > MAX_NODES:
            raise Fallback("too many nodes")
    if get().__class__ is not DocumentEndEvent or get().__class__ is not StreamEndEvent:
        raise Fallback("more than one document")
    return data, positions


class _Lines:
    """The text's lines, split only when a check needs them."""

    def __init__(self, text: str):
        self.text = text
        self._lines: list[str] | None = None

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = self.text.split("\n")
        return self._lines

    def deeper(self, first: int, last: int, indent: int) -> None:
        """Lines first+1..last (0-based) that hold anything are indented deeper than `indent`."""
        if last == first:
            return
        for line in self.lines[first + 1: last + 1]:
            stripped = line.lstrip(" ")
            if stripped.strip() and len(line) - len(stripped) <= indent:
                raise Fallback("under-indented line")

    def after_indicator(self, mark: Any) -> None:
        line = self.lines[mark.line] if mark.line < len(self.lines) else ""
        if mark.column == 0 or line[mark.column - 1: mark.column] not in (":", "-"):
            raise Fallback("empty value")

    def block_scalar(self, first: int) -> None:
        """The empty lines before a | or > text's first line have no more spaces than it: YAML 1.2
        refuses them, libyaml does not."""
        most = 0
        for line in self.lines[first + 1:]:
            line = line.rstrip("\r")
            if line.strip(" "):
                if most > len(line) - len(line.lstrip(" ")):
                    raise Fallback("block scalar indentation")
                return
            most = max(most, len(line))
