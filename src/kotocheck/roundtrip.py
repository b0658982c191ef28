"""Writing a YAML file back through a ruamel.yaml round-trip tree (`fmt`, `migrate`) without
changing what the author wrote (the check that nothing was lost is kotocheck.nothing_lost).

ruamel.yaml keeps comments, key order and block scalars, but drops or respells a few things, so:
- the lines before the document (comments, `%YAML` directives, the `---` line) and the lines from
  `...` on stay outside the tree and are written back as they are;
- a plain scalar that is not a string (`+12`, `.5`, `0x1F`, `1_000`, `~`, `True`, `2025-01-01`), a
  scalar with a tag (`!!str 2025`), a scalar written on several lines and a flow collection with a
  comment inside (`[a,  # note`) are written back with their own text; lines after the first move
  as far as the line of their key (or `-`) moved;
- line breaks: the text is read with `\\n` and written with the file's first line break (`\\r\\n`,
  `\\r` or `\\n`), so a CR-only or CRLF file stays so; a file with mixed line breaks gets its first.

A kept text goes through the emitter as a placeholder plain scalar that is replaced after dumping,
so the emitter never sees it. Only whole lines outside the tree and single values are kept this
way: everything else is ruamel's round trip, and nothing_lost.lost (data, types and comments)
proves the result; what cannot be kept raises Lost with its place, so the caller refuses the file."""

from __future__ import annotations

import bisect
import contextlib
import gc
import re
import secrets
from collections import Counter
from typing import Any, Callable

_STR = "tag:yaml.org,2002:str"
_LINE = re.compile(r"[^\n]*\n|[^\n]+\Z")
_START = re.compile(r"---(?=[ \t\n]|\Z)")
_END = re.compile(r"\.\.\.(?=[ \t\n]|\Z)")
_NOTHING = re.compile(r"[ \t]*(?:#[^\n]*)?\n?\Z")  # a blank line or a whole-line comment
# The anchor before a value (`&a 1`, `&a !!int 1`): the emitter writes it, the kept text is the rest.
_ANCHOR = re.compile(r"&[^ \t\n\[\]{},]+[ \t\n]+")
_TAG_BEFORE = re.compile(r"(?<![^ \t\n])(![^ \t\n]*[ \t]+)\Z")


class Lost(Exception):
    """The text at line:column (1-based, of the input) cannot be written back as it was (a shape
    ruamel's round trip cannot read or write)."""

    def __init__(self, line: int, column: int):
        super().__init__(f"{line}:{column}")
        self.line, self.column = line, column


def newline_of(text: str) -> str:
    """The file's first line break; `\\n` when it has none."""
    match = re.search(r"\r\n?|\n", text)
    return match.group() if match else "\n"


def to_lf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


class Kept:
    """A value written back with its source text."""

    __slots__ = ("text", "token", "indent", "anchor", "start")

    def __init__(self, text: str, token: str, indent: int, anchor: Any, start: int):
        self.text, self.token, self.anchor, self.start = text, token, anchor, start
        self.indent = indent  # of the line of its key or `-` in Source.text


class Source:
    """A YAML text split into what ruamel reads and what stays as written."""

    def __init__(self, text: str):
        self.newline = newline_of(text)
        lines = _LINE.findall(to_lf(text))
        first = 0
        while first < len(lines) and (_NOTHING.match(lines[first]) or lines[first].startswith("%")):
            first += 1
        self.explicit_start = first < len(lines) and bool(_START.match(lines[first]))
        directives = "".join(line for line in lines[:first] if line.startswith("%")) if self.explicit_start else ""
        # The `---` line stays with the head unless something other than a comment follows it.
        own_line = self.explicit_start and bool(_NOTHING.match(lines[first][3:]))
        body_from = first + 1 if own_line else first if self.explicit_start else 0
        body_to = len(lines)
        for i in range(body_from, len(lines)):
            if _END.match(lines[i]):
                if all(_NOTHING.match(line) or _END.match(line) for line in lines[i + 1:]):
                    body_to = i
                break
        self.head = "".join(lines[:body_from])
        self.tail = "".join(lines[body_to:])
        self._own_start = own_line
        self.text = directives + ("---\n" if own_line else "") + "".join(lines[body_from:body_to])
        # a line of self.text is this many lines further down in the input
        self._shift = body_from - directives.count("\n") - (1 if own_line else 0)
        nonce = secrets.token_hex(4)
        while nonce in self.text:
            nonce = secrets.token_hex(4)
        self._nonce = nonce
        self.kept: list[Kept] = []
        self._comments: list[int] | None = None  # where each comment starts, read when first needed

    # --- reading --------------------------------------------------------------------------------

    def load(self, yaml) -> Any:
        """The tree of `self.text`, with Kept values where the text must stay as written. `yaml` is a
        round-trip YAML that has not loaded or dumped with other classes."""
        import warnings

        from ruamel.yaml.error import MarkedYAMLError, YAMLFutureWarning, YAMLWarning

        constructor, representer = _classes()
        yaml.Constructor, yaml.Representer = constructor, representer
        reads_as_loader(yaml)
        if not isinstance(yaml.constructor, constructor):  # pragma: no cover - a caller's mistake
            raise TypeError("a YAML that has loaded before with another constructor")
        yaml.constructor.source = self
        yaml.explicit_start = self.explicit_start
        self.kept = []
        try:
            # the loader has said what there is to say about the input
            with warnings.catch_warnings(), gc_paused():
                warnings.simplefilter("ignore", YAMLWarning)
                warnings.simplefilter("ignore", YAMLFutureWarning)
                return yaml.load(self.text)
        except Exception as exc:  # read by the loader, yet not by the round trip: refused, never a traceback
            mark = (getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
                    if isinstance(exc, MarkedYAMLError) else None)
            raise Lost(*self._position(getattr(mark, "pointer", None) or 0)) from None

    def _keep(self, node, value: Any, in_flow: bool) -> Any:
        from ruamel.yaml.anchor import Anchor
        from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

        start, end = node.start_mark.pointer, node.end_mark.pointer
        text = self.text[start:end]
        if node.anchor:
            match = _ANCHOR.match(text)
            if match is None:
                return value
            # ruamel starts a node at its anchor, so a tag written before the anchor is found here
            before = _TAG_BEFORE.search(self.text, self.text.rfind("\n", 0, start) + 1, start)
            text, start = (before.group(1) if before else "") + text[match.end():], start + match.end()
        if not text:
            return value
        if isinstance(node, ScalarNode):
            if node.style in ("|", ">"):
                if not text.startswith("!"):
                    return value  # ruamel keeps a block scalar, but misspells its tag
                text = text[:-1] if text.endswith("\n") else text  # the emitter ends the last line
            elif not ("\n" in text or text.startswith("!") or (node.style is None and node.tag != _STR)):
                return value  # a one-line string: written plain, or quoted where YAML needs it
            elif "\n" in text and in_flow:
                return value
        elif isinstance(node, (SequenceNode, MappingNode)):
            if not node.flow_style or text[:1] not in "[{" or "#" not in text:
                return value
            if self._comments is None:
                self._comments = sorted(index for index, _ in _comment_tokens(self.text))
            at = bisect.bisect_left(self._comments, start)
            if at == len(self._comments) or self._comments[at] >= end:
                return value
        else:
            return value
        anchor = None
        if node.anchor:
            anchor = Anchor()
            anchor.value, anchor.always_dump = node.anchor, True
        kept = Kept(text, f"kotocheck{self._nonce}k{len(self.kept)}z", self._indent(start), anchor, start)
        self.kept.append(kept)
        return kept

    # --- writing --------------------------------------------------------------------------------

    def dump(self, yaml, tree, adjust: Callable[[str], str] | None = None) -> str:
        """The whole file: the head, the dumped tree with the kept texts (through `adjust`), the tail,
        in the file's line breaks."""
        import io

        out = io.StringIO()
        try:
            with gc_paused():
                yaml.dump(tree, out)
        except Exception:  # ruamel's emitter fails on a few shapes (`!!omap [a: 1]` with keys added)
            raise Lost(*self._position(0)) from None
        body = self._put_back(out.getvalue(), tree)
        if adjust is not None:
            body = adjust(body)
        lines = _LINE.findall(body)
        at = 0
        while at < len(lines) and lines[at].startswith("%"):
            at += 1  # ruamel writes the directives again; the head has them as written
        if lines and lines[-1] == "...\n":
            lines.pop()  # ruamel ends a document that is a kept text (a plain scalar) with `...`
        if self._own_start:
            if at >= len(lines) or lines[at].rstrip("\n") != "---":
                raise Lost(self.head.count("\n"), 1)  # the `---` line, the head's last
            at += 1
        return (self.head + "".join(lines[at:]) + self.tail).replace("\n", self.newline)

    def _put_back(self, out: str, tree: Any) -> str:
        """`out` with each placeholder replaced by its kept text. Each Kept still in the tree is
        written once; one inside another Kept is written with it, or once more where an alias
        outside refers to it; one the caller replaced is gone."""
        tokens = re.compile(f"kotocheck{self._nonce}k(\\d+)z")
        found = Counter(tokens.findall(out))
        present = {id(kept) for kept in _kept_in(tree)}
        for number, kept in enumerate(self.kept):
            count = found[str(number)]
            if count > 1 or (id(kept) in present and count != 1):
                raise Lost(*self._position(kept.start))

        def put(match: re.Match) -> str:
            kept = self.kept[int(match.group(1))]
            line_start = out.rfind("\n", 0, match.start()) + 1
            line = out[line_start:match.start()]
            shift = len(line) - len(line.lstrip(" ")) - kept.indent
            first, *rest = kept.text.split("\n")
            return "\n".join([first] + [_shifted(row, shift) for row in rest])

        return tokens.sub(put, out)

    def _indent(self, start: int) -> int:
        """The indentation of the line a value at `start` is written on. The emitter writes a value
        after its key or `-`, so for a value on a line of its own it is the line of its key or `-`
        (the nearest line above with content)."""
        begin = self.text.rfind("\n", 0, start) + 1
        line = self.text[begin:start]
        while not line.strip() or line.lstrip().startswith("#"):
            if begin == 0:
                return 0
            end = begin - 1
            begin = self.text.rfind("\n", 0, end) + 1
            line = self.text[begin:end]
        return len(line) - len(line.lstrip(" "))

    def _position(self, pointer: int) -> tuple[int, int]:
        """1-based line and column in the input of a place in self.text."""
        line_start = self.text.rfind("\n", 0, pointer) + 1
        return self.text.count("\n", 0, pointer) + self._shift + 1, pointer - line_start + 1


@contextlib.contextmanager
def gc_paused():
    """The cyclic garbage collector paused (a context or a decorator): reading and writing make
    hundreds of thousands of objects that live on, and collecting them over and over cost 5-10 %
    (as in fast_yaml). The few cycles made meanwhile are collected after."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def reads_as_loader(yaml) -> None:
    """A round-trip YAML reading as loader.parse reads (its scanner, parser and composer), so that
    fmt and migrate take every file validate takes; the round trip keeps its own constructor."""
    from kotocheck import yaml_reader

    yaml_reader.reading(yaml, with_constructor=False)


def _kept_in(tree: Any) -> list[Kept]:
    """The Kept values of a tree, not those inside another Kept."""
    found, stack, seen = [], [tree], set()
    while stack:
        node = stack.pop()
        if isinstance(node, Kept):
            found.append(node)
        elif isinstance(node, (dict, list)) and id(node) not in seen:
            seen.add(id(node))
            stack.extend(node.values() if isinstance(node, dict) else node)
    return found


def _shifted(line: str, shift: int) -> str:
    if not line.strip():
        return line
    if shift >= 0:
        return " " * shift + line
    spaces = len(line) - len(line.lstrip(" "))
    return line[min(spaces, -shift):]


_CLASSES: tuple[type, type] | None = None


def _classes() -> tuple[type, type]:
    """The round-trip constructor that makes Kept values and the representer that writes them."""
    global _CLASSES
    if _CLASSES is not None:
        return _CLASSES
    from ruamel.yaml.constructor import RoundTripConstructor
    from ruamel.yaml.nodes import MappingNode, SequenceNode
    from ruamel.yaml.representer import RoundTripRepresenter
    from ruamel.yaml.tag import Tag

    class KeepingConstructor(RoundTripConstructor):
        source: Source | None = None

        def construct_document(self, node):
            # A key is never kept; a value inside a flow collection is kept only on one line (the
            # emitter puts a flow collection on one line, so there is no indentation to follow).
            self._keys, self._in_flow = set(), set()
            stack, seen = [(node, False)], set()
            while stack:
                item, in_flow = stack.pop()
                if id(item) in seen:
                    continue
                seen.add(id(item))
                if in_flow:
                    self._in_flow.add(item)
                inner = in_flow or bool(getattr(item, "flow_style", False))
                if isinstance(item, MappingNode):
                    self._keys.update(key for key, _ in item.value)
                    stack.extend((part, inner) for pair in item.value for part in pair)
                elif isinstance(item, SequenceNode):
                    stack.extend((part, inner) for part in item.value)
            return super().construct_document(node)

        def construct_object(self, node, deep=False):
            if node in self.constructed_objects:
                return self.constructed_objects[node]
            value = super().construct_object(node, deep)
            if node not in self._keys and self.source is not None:
                value = self.source._keep(node, value, node in self._in_flow)
                self.constructed_objects[node] = value  # an alias gets the same Kept
            return value

    tags: dict[str, Tag] = {}

    class KeepingRepresenter(RoundTripRepresenter):
        def represent_scalar(self, tag, value, style=None, anchor=None):
            if isinstance(tag, str):  # one Tag for each tag text: a new one decodes its text again
                tag = tags.get(tag) or tags.setdefault(tag, Tag(suffix=tag))
            return super().represent_scalar(tag, value, style=style, anchor=anchor)

        def represent_kept(self, data: Kept):
            return self.represent_scalar("tag:yaml.org,2002:str", data.token, anchor=data.anchor)

    KeepingRepresenter.add_representer(Kept, KeepingRepresenter.represent_kept)

    _CLASSES = (KeepingConstructor, KeepingRepresenter)
    return _CLASSES


# --- ruamel's comment tokens (Source._keep, and nothing_lost where libyaml cannot read a text) ---

def _comment_tokens(text: str) -> list[tuple[int, str]]:
    """(index, text) of every comment as ruamel's scanner reads it (not a `#` inside a value); on a
    text it cannot read, those before the error."""
    from ruamel.yaml import YAML

    found: list[tuple[int, str]] = []
    yaml = YAML(typ="rt")
    reads_as_loader(yaml)
    try:
        for token in yaml.scan(text):
            stack = [getattr(token, "_comment", None) or getattr(token, "comment", None)]
            while stack:
                item = stack.pop()
                if isinstance(item, (list, tuple)):
                    stack.extend(reversed(item))
                elif item is not None and hasattr(item, "value"):
                    mark = getattr(item, "start_mark", None)
                    found.append((getattr(mark, "pointer", 0) if mark is not None else 0, item.value))
    except Exception:  # an unreadable result: the comments after the error count as lost
        pass
    return found
