"""Read a YAML file into a Document that keeps line and column positions.

Reading never raises for bad input: anything that stops the file from being read
becomes a LoadError carrying a located finding (worded by kotocheck.yaml_messages).

The text is read with ruamel.yaml's classes as kotocheck.yaml_reader corrects them to YAML 1.2;
the text is never rewritten, so every line and column is the file's own. Documents read for checking
(`load`, `parse(..., round_trip=False)`) go through kotocheck.fast_yaml first, libyaml's event
stream, which falls back to this reading for anything it might read otherwise.
"""

from __future__ import annotations

import base64
import errno
import os
import datetime as _dt
import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from collections.abc import Set as AbstractSet
from typing import Any

from kotocheck import fast_yaml
from kotocheck.limits import MAX_DEPTH, MAX_NODES  # noqa: F401  (loader.MAX_* is what callers name)
from kotocheck.findings import Finding

# Read documents for checking with the C event stream (kotocheck.fast_yaml) where it reads them as
# the round-trip loader does; False: always the round-trip loader.
FAST = True

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
# Only the YAML types themselves; `!!python/...` is in the same tag:yaml.org,2002: namespace
# but is a custom tag all the same.
STANDARD_TAGS = {None, "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
                 "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:map",
                 "tag:yaml.org,2002:seq", "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:binary",
                 "tag:yaml.org,2002:omap", "tag:yaml.org,2002:pairs", "tag:yaml.org,2002:set",
                 "tag:yaml.org,2002:merge", "tag:yaml.org,2002:value"}
# Keys kotocheck reads (as text; `<<` merges); null, true/false, dates and collections are refused.
TEXT_KEY_TAGS = {"tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
                 "tag:yaml.org,2002:merge"}

_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class Document:
    """A parsed YAML document: plain data for validation, and for positions the ruamel tree or,
    read the fast way, a fast_yaml.Positions index (both answer locations.locate)."""

    file: str
    data: Any
    tree: Any
    text: str
    fast: bool = False  # read by fast_yaml
    fallback: str | None = None  # why the fast reading was not used, when it was tried


class LoadError(Exception):
    def __init__(self, finding: Finding, key: str | None = None):
        super().__init__(finding.message["en"])
        self.finding = finding
        self.key = key  # the message key (yaml.documents, yaml.tab, ...): what was refused


def _error(file: str, rule: str, line: int, column: int, key: str, **params: Any) -> LoadError:
    from kotocheck import yaml_messages  # here: a document read the fast way never needs it

    return LoadError(yaml_messages.finding(file, rule, line, column, key, **params), key)


_OS_REASONS = {errno.ELOOP: "input.loop", errno.ENAMETOOLONG: "input.name_too_long", errno.EISDIR: "input.is_dir"}


def read_text(path: Path, display: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    raw = read_bytes(path, display, max_bytes)
    if len(raw) > max_bytes:
        try:
            size: Any = path.stat().st_size if path.is_file() else f"> {max_bytes}"
        except OSError:
            size = f"> {max_bytes}"
        raise _error(display, "input.too-large", 1, 1, "input.too_large", size=size, limit=max_bytes)
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


def read_bytes(path: Path, display: str, max_bytes: int) -> bytes:
    """At most max_bytes + 1 bytes of the file, so the caller tells one over its limit; a file that
    cannot be read is a LoadError saying why in Finnish and English. Also the document readers'."""
    try:
        if path.is_dir():
            raise _error(display, "input.unreadable", 1, 1, "input.is_dir")
        # At most one byte more than the limit: stat() says 0 for a device or a pipe
        # (/dev/zero, /dev/stdin), so only reading tells the size. Opened without blocking: a
        # named pipe nobody writes to would otherwise hang the run; it reads as empty instead.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        os.set_blocking(descriptor, True)
        with os.fdopen(descriptor, "rb") as handle:
            return handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise _error(display, "input.unreadable", 1, 1, "input.missing") from None
    except PermissionError:
        raise _error(display, "input.unreadable", 1, 1, "input.permission") from None
    except OSError as exc:
        if exc.errno in _OS_REASONS:  # the system's own wording is English only
            raise _error(display, "input.unreadable", 1, 1, _OS_REASONS[exc.errno]) from None
        raise _error(display, "input.unreadable", 1, 1, "input.oserror", reason=exc.strerror or str(exc)) from None


def _yaml() -> Any:
    from ruamel.yaml import YAML

    from kotocheck import yaml_reader

    return yaml_reader.reading(YAML(typ="rt"))


def parse(text: str, display: str, round_trip: bool = True) -> Document:
    """The document; `round_trip=False` reads it the fast way when that reads it the same, and then
    `tree` is a position index, not a ruamel tree (fmt and migrate need the tree: the default)."""
    fallback = None
    if not round_trip and FAST:
        try:
            data, positions = fast_yaml.read(text)
        except fast_yaml.Fallback as exc:
            fallback = str(exc)
        else:
            return Document(file=display, data=data, tree=positions, text=text, fast=True)
    tree = _load(text, display)
    if tree is None:
        raise _error(display, "yaml.empty", 1, 1, "yaml.empty")
    data = to_plain(tree, display)
    return Document(file=display, data=data, tree=tree, text=text, fallback=fallback)


def _load(text: str, display: str) -> Any:
    from ruamel.yaml.error import MarkedYAMLError, YAMLError, YAMLFutureWarning, YAMLWarning
    from ruamel.yaml.reader import ReaderError

    from kotocheck import yaml_messages, yaml_scanner

    try:
        with warnings.catch_warnings():  # ruamel's warnings are about valid YAML and went to stderr
            warnings.simplefilter("ignore", YAMLWarning)
            warnings.simplefilter("ignore", YAMLFutureWarning)
            return _yaml().load(text)
    except yaml_scanner.TooDeep as exc:
        raise _error(display, "yaml.too-deep", exc.mark.line + 1, exc.mark.column + 1, "yaml.too_deep") from None
    except RecursionError:
        raise _error(display, "yaml.too-deep", 1, 1, "yaml.too_deep") from None
    except MarkedYAMLError as exc:
        if type(exc).__name__ == "DuplicateKeyError":  # two null keys are a key kotocheck refuses first
            where = _bad_key(text)
            if where is not None:
                raise _error(display, "yaml.key-type", *where, "yaml.key_type") from None
        raise LoadError(*yaml_messages.syntax_error(exc, text, display)) from None
    except ReaderError as exc:
        raise LoadError(*yaml_messages.reader_error(exc, text, display)) from None
    except YAMLError as exc:
        raise _error(display, "yaml.syntax", 1, 1, "yaml.syntax", problem=" ".join(str(exc).split()),
                     where={"fi": "", "en": ""}) from None
    except TypeError as exc:
        if "unhashable" in str(exc):  # ruamel cannot hash a mapping or list used as a key ({a: [1]}: x)
            raise _error(display, "yaml.key-type", *(_bad_key(text) or (1, 1)), "yaml.key_type") from None
        raise LoadError(*yaml_messages.construct_error(exc, text, display)) from None
    except (ValueError, IndexError, OverflowError, AttributeError, KeyError) as exc:
        # a scalar ruamel cannot build: 2025-02-30, 0x_, `!!int x`, `!!bool abc`, `!!omap 1`
        raise LoadError(*yaml_messages.construct_error(exc, text, display)) from None
    except Exception as exc:  # no traceback for any input: what ruamel raised, where it was
        raise LoadError(*yaml_messages.other_error(exc, display)) from None


def _bad_key(text: str) -> tuple[int, int] | None:
    """Where the first mapping key that is not text (null, true, a date, a list, a mapping) starts."""
    from ruamel.yaml.nodes import MappingNode, ScalarNode

    try:
        stack = [_yaml().compose(text)]
    except Exception:  # best effort: the construction failed, composing did not before
        return None
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        if node is None or id(node) in seen or isinstance(node, ScalarNode):
            continue
        seen.add(id(node))
        if isinstance(node, MappingNode):
            for key, value in node.value:
                if not isinstance(key, ScalarNode) or str(key.tag) not in TEXT_KEY_TAGS:
                    return key.start_mark.line + 1, key.start_mark.column + 1
                stack.append(value)
        else:
            stack.extend(reversed(node.value))
    return None


def load(path: Path, display: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
         round_trip: bool = False) -> Document:
    """A document for checking (validate, report, render, summary): read the fast way where possible."""
    display = display or str(path)
    return parse(read_text(path, display, max_bytes), display, round_trip=round_trip)


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
        seen: set[int] = set()
        while isinstance(node, (dict, list)) and id(node) not in seen:
            seen.add(id(node))
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
        if isinstance(node, (dict, AbstractSet)):
            out = {}
            # a !!set is a mapping whose values are all null
            for k, v in (node.items() if isinstance(node, dict) else ((k, None) for k in node)):
                name = k
                if getattr(getattr(k, "tag", None), "value", None) == "tag:yaml.org,2002:str":
                    name = str(k.value)  # `!!str : x` (an empty key) comes as a TaggedScalar
                if not isinstance(name, (str, int, float, bool)) or isinstance(name, bool):
                    line, col = key_position(node, k) or position(node, parent, key)
                    raise _error(display, "yaml.key-type", line, col, "yaml.key_type")
                if isinstance(name, str):
                    name = text(name, lambda: key_position(node, k) or position(v, node, k))
                out[str(name)] = walk(v, node, k, depth + 1)
            return out
        if isinstance(node, list):
            return [walk(v, node, i, depth + 1) for i, v in enumerate(node)]
        value = _scalar(node)
        return text(value, lambda: position(node, parent, key)) if isinstance(value, str) else value

    def key_position(node: Any, k: Any) -> tuple[int, int] | None:
        try:
            line, col = node.lc.key(k)
            return line + 1, col + 1
        except Exception:  # positions are best effort
            return None

    def text(value: str, where: Any) -> str:
        """The text with JSON-style escaped pairs ("\\ud83d\\ude00") joined; a lone half of a
        pair is no character and could not be written out."""
        if not _SURROGATE.search(value):
            return value
        joined = value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
        lone = _SURROGATE.search(joined)
        if lone is None:
            return joined
        line, col = where()
        from kotocheck import yaml_messages

        raise LoadError(*yaml_messages.surrogate(display, line, col, ord(lone.group())))

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
    if isinstance(value, bytes):  # !!binary: the base64 text as written, not Python's b'...'
        return base64.b64encode(value).decode("ascii")
    return str(value)
