"""Read a YAML file into a Document that keeps line and column positions.

Reading never raises for bad input: anything that stops the file from being read
becomes a LoadError carrying a located finding.
"""

from __future__ import annotations

import datetime as _dt
import re
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
        if path.is_dir():
            raise _error(display, "input.unreadable", 1, 1, "input.is_dir")
        # At most one byte more than the limit: stat() says 0 for a device or a pipe
        # (/dev/zero, /dev/stdin), so only reading tells the size.
        with path.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
        if len(raw) > max_bytes:
            size = path.stat().st_size if path.is_file() else f"> {max_bytes}"
            raise _error(display, "input.too-large", 1, 1, "input.too_large", size=size, limit=max_bytes)
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
    from ruamel.yaml.reader import ReaderError

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
    except (ValueError, IndexError, OverflowError, AttributeError) as exc:
        # a scalar ruamel cannot build: 2025-02-30, 0x_, `!!int x`; `!!omap 1` raises AttributeError
        line, column, value = _failing_scalar(exc)
        rows = text.splitlines()
        tagged = 0 < line <= len(rows) and rows[line - 1][column - 1: column].startswith("!")
        key = ("yaml.construct" if tagged or isinstance(exc, AttributeError) else
               "yaml.bad_date" if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", value) else "yaml.bad_scalar")
        raise _error(display, "yaml.syntax", line, column, key, value=value, reason=str(exc) or type(exc).__name__,
                     fix=_quoted(value)) from None
    except MarkedYAMLError as exc:
        raise _syntax_error(exc, text, display) from None
    except ReaderError as exc:  # a control character: ruamel gives its offset in the text
        before = text[: exc.position]
        line, column = before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1
        char = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "\0")
        raise _error(display, "yaml.syntax", line, column, "yaml.control_char", char=f"U+{char:04X}") from None
    except YAMLError as exc:
        raise _error(display, "yaml.syntax", 1, 1, "yaml.syntax", problem=" ".join(str(exc).split()),
                     where={"fi": "", "en": ""}) from None
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
            value = getattr(node, "value", "")
            found = (mark.line + 1, mark.column + 1, (value if isinstance(value, str) else "")[:80])
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


# --- ruamel.yaml's errors in a coordinator's words ------------------------------------------
#
# ruamel names the token it stumbled on ("expected <block end>, but found '<scalar>'"), which
# says little about the mistake. _diagnose reads the lines around the error to tell which of
# the mistakes people make most it is, and returns an i18n key with the fix written out
# (`unit: "%"`). Anything it does not recognise gets a general message that shows ruamel's
# English wording in the English text only.

_KEY_LINE = re.compile(r"(?P<lead>[ ]*(?:-[ ]+)*)"
                       r"(?:(?P<key>\"[^\"]*\"|'[^']*'|[^\s#'\"\[\]{},:&*!|>%@`][^#\[\]{}]*?)[ ]*:(?=[ \t]|$))?[ ]*")
_WORD_KEY = re.compile(r"[a-z_][a-z0-9_]*")
_EMPTY_FLOW = re.compile(r"(\[\s*\]|\{\s*\})")


@dataclass
class _Line:
    """One line of the file taken apart: `  - key: value  # comment`."""

    number: int
    text: str
    indent: int  # spaces before the first character
    key: str | None  # the mapping key written on the line, if any
    key_col: int  # 0-based column of the key (or of the value when there is no key)
    value: str  # the value written after the key (or the whole content), without the comment
    value_col: int  # 0-based column where the value starts

    @property
    def content(self) -> bool:
        stripped = self.text.strip()
        return bool(stripped) and not stripped.startswith("#")

    @property
    def dashed(self) -> bool:
        return self.text.lstrip(" ").startswith("-")


def _split(number: int, text: str) -> _Line:
    match = _KEY_LINE.match(text)
    indent = len(text) - len(text.lstrip(" "))
    key = match.group("key") if match else None
    key_col = match.start("key") if key is not None else (match.end() if match else indent)
    value_col = match.end() if match else indent
    return _Line(number, text, indent, key, key_col, _strip_comment(text[value_col:]).strip(), value_col)


def _strip_comment(text: str) -> str:
    """The text before a `#` comment (a `#` that starts the text or follows a space, outside quotes)."""
    start = 0
    if text[:1] in ("\"", "'"):
        close = _closing_quote(text, 1, text[0])
        if close < 0:
            return text
        start = close + 1
    for i in range(start, len(text)):
        if text[i] == "#" and (i == 0 or text[i - 1] in " \t"):
            return text[:i]
    return text


def _closing_quote(text: str, start: int, quote: str) -> int:
    """Index of the quote that closes a scalar opened before `start`, or -1."""
    i = start
    while i < len(text):
        ch = text[i]
        if quote == '"' and ch == "\\":
            i += 2
            continue
        if ch == quote:
            if quote == "'" and text[i + 1: i + 2] == "'":  # '' is a quote inside '...'
                i += 2
                continue
            return i
        i += 1
    return -1


def _quoted(value: str) -> str:
    """The value in the quotes that need no escaping, if there are such."""
    if '"' not in value and "\\" not in value:
        return f'"{value}"'
    if "'" not in value:
        return f"'{value}'"
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _with_quotes(line: _Line, col: int) -> str:
    """The line as it should be written: what starts at 0-based `col` in quotes, e.g. `unit: "%"`."""
    prefix = line.text[:col].strip()
    value = _strip_comment(line.text[col:]).strip()
    return (prefix + " " if prefix else "") + _quoted(value)


def _spaces(n: int) -> dict[str, str]:
    return {"fi": f"{n} välilyönnillä", "en": f"{n} space{'' if n == 1 else 's'}"}


class _Text:
    def __init__(self, text: str):
        self.lines = text.splitlines()

    def __call__(self, number: int) -> _Line:
        text = self.lines[number - 1] if 0 < number <= len(self.lines) else ""
        return _split(number, text)

    def above(self, number: int):
        """The lines with content above line `number`, nearest first."""
        for n in range(min(number, len(self.lines) + 1) - 1, 0, -1):
            line = self(n)
            if line.content:
                yield line

    def open_quote(self, before: int) -> _Line | None:
        """The line, above line `before`, whose quoted value is never closed before it
        (the lines of a `|` or `>` text are text, whatever quotes they hold)."""
        opened: _Line | None = None
        block = -1  # the indentation of the key whose | or > text is being read, or -1
        for n in range(1, min(before, len(self.lines) + 1)):
            line = self(n)
            if opened is not None:
                if _closing_quote(line.text, 0, opened.value[0]) >= 0:
                    opened = None
                continue
            if block >= 0 and (line.indent > block or not line.content):
                continue
            block = line.indent if line.value[:1] in ("|", ">") else -1
            if line.value[:1] in ("\"", "'") and _closing_quote(line.value, 1, line.value[0]) < 0:
                opened = line
        return opened


def _syntax_error(exc: Any, text: str, display: str) -> LoadError:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = " ".join(str(exc.problem or exc.context or "").split())
    if type(exc).__name__ == "DuplicateKeyError":
        key = problem.split('"')[1] if problem.count('"') >= 2 else problem
        return _error(display, "yaml.duplicate-key", line, column, "yaml.duplicate-key", problem=key)
    if _is_tab_problem(text, line, problem):
        return _error(display, "yaml.syntax", line, column, "yaml.tab")
    try:
        found = _diagnose(exc, _Text(text))
    except Exception:  # the diagnosis is a courtesy: a surprise in it must not hide the error
        found = None
    if found is not None:
        key, (line, column), params = found
        return _error(display, "yaml.syntax", line, column, key, **params)
    english = " ".join(f"{exc.context or ''} {exc.problem or ''}".split())
    ctx = exc.context_mark
    where = {"fi": "", "en": ""}
    if ctx is not None and exc.problem_mark is not None and ctx.line != exc.problem_mark.line:
        where = {"fi": f" (rakenne alkaa kohdasta {ctx.line + 1}:{ctx.column + 1})",
                 "en": f" (the construct starts at {ctx.line + 1}:{ctx.column + 1})"}
    return _error(display, "yaml.syntax", line, column, "yaml.syntax", problem=english, where=where)


def _diagnose(exc: Any, lines: _Text) -> tuple[str, tuple[int, int], dict] | None:
    problem = " ".join(str(exc.problem or "").split())
    context = " ".join(str(exc.context or "").split())
    pm, cm = exc.problem_mark, exc.context_mark
    p = (pm.line + 1, pm.column + 1) if pm is not None else None
    c = (cm.line + 1, cm.column + 1) if cm is not None else None
    at = p or c or (1, 1)
    name = type(exc).__name__

    def start_char(where: tuple[int, int]) -> tuple[str, tuple[int, int], dict]:
        line = lines(where[0])
        col = where[1] - 1
        char = line.text[col: col + 1] or "?"
        rest = _strip_comment(line.text[col:]).strip()
        if col == line.indent and ": " in rest:  # the character starts a key: `% osuus: 5`
            key, value = rest.split(": ", 1)
            return "yaml.start_char_key", where, {"char": char, "fix": f"{_quoted(key)}: {value}"}
        return "yaml.start_char", where, {"char": char, "fix": _with_quotes(line, col)}

    if name == "ConstructorError" or context.startswith("while constructing") or problem.startswith(
            ("could not determine a constructor", "failed to construct", "failed to decode", "failed to convert")):
        return "yaml.construct", at, {}
    if problem.startswith("found undefined alias"):
        line = lines(at[0])
        alias = problem.split("found undefined alias", 1)[1].strip().strip("'\"")
        return "yaml.alias", at, {"name": alias, "fix": _with_quotes(line, at[1] - 1)}
    if "another document" in problem or "document end marker" in problem:
        return _documents(lines, at)
    # a quote left open swallows the lines below it: whatever ruamel says after it is about the quote
    opened = lines.open_quote(p[0]) if p is not None and "quoted scalar" not in context else None
    if opened is not None:
        return _unclosed_quote(opened, opened.value_col, p)
    # a value starting with a character YAML reserves
    if problem.startswith("found character") and "cannot start any token" in problem and p is not None:
        return start_char(p)
    if c is not None and (context.startswith(("while scanning a block scalar", "while scanning an alias",
                                              "while scanning an anchor", "while scanning a tag",
                                              "while parsing a tag", "while scanning a directive"))):
        return start_char(c)
    if "more indented follow up line" in context and c is not None:
        return "yaml.block_indent", c, {}
    if problem.startswith(("found undefined tag handle", "found duplicate YAML directive",
                           "found incompatible YAML document", "expected '<document start>'", "duplicate tag handle")):
        directive = next((line for line in lines.above(at[0] + 1) if line.text.startswith("%")), None)
        if directive is not None:
            return start_char((directive.number, 1))
        if problem.startswith("found undefined tag handle") and p is not None:
            return start_char(p)
        return None
    if problem.startswith("expected the node content") and p is not None:
        if "flow" in context:
            return _flow_content(lines, p, c)
        if problem.rstrip("'").endswith((",", "]", "}")):
            return start_char(p)
        return None
    if problem == "mapping keys are not allowed here" and p is not None:
        return start_char(p)
    if problem == "sequence entries are not allowed here" and p is not None:
        line = lines(p[0])
        if line.key is not None and line.value_col == p[1] - 1:
            return "yaml.dash_same_line", p, {"field": line.key, "fix": _with_quotes(line, p[1] - 1)}
        return start_char(p)
    # quoted text
    if "quoted scalar" in context and c is not None:
        line = lines(c[0])
        if "end of stream" in problem or "document separator" in problem:
            return _unclosed_quote(line, c[1] - 1, at)
        if "escape" in problem:
            close = _closing_quote(line.text, c[1], '"')
            inner = line.text[c[1]: close if close >= 0 else len(line.text)]
            prefix = line.text[: c[1] - 1].strip()
            fix = (prefix + " " if prefix else "") + "'" + inner.replace("'", "''") + "'"
            backslash = lines(at[0]).text.rfind("\\", 0, at[1])  # ruamel points past it
            return "yaml.bad_escape", (at[0], backslash + 1) if backslash >= 0 else at, {"fix": fix}
        return None
    # [ ] and { }
    if problem.startswith(("expected ',' or ']'", "expected ',' or '}'")) or "unclosed '['" in problem:
        if c is None or p is None or "<stream end>" in problem or p[0] != c[0] or "unclosed" in problem:
            where = c or at
            line = lines(where[0])
            bracket = line.text[where[1] - 1: where[1]] if line.text[where[1] - 1: where[1]] in ("[", "{") else "["
            key = "yaml.unclosed_bracket" if bracket == "[" else "yaml.unclosed_brace"
            return key, at, {"at_line": where[0], "fix": _with_quotes(line, where[1] - 1)}
        return _flow_content(lines, p, c)
    if problem == "found unexpected ':'" and p is not None:
        return _flow_content(lines, p, c)
    # keys, colons and indentation
    if problem == "could not find expected ':'" and c is not None:
        line = lines(c[0])
        rest = _strip_comment(line.text[c[1] - 1:]).strip()
        colon = re.match(r"([^\s:'\"][^\s:]*):(?=\S)", rest)
        if colon:
            fix = rest[: colon.end()] + " " + rest[colon.end():]
            return "yaml.colon_space", c, {"fix": fix}
        named = re.fullmatch(r"([a-z_][a-z0-9_]*)\s+(\S.*)", rest)  # `region Pirkanmaa`
        if named:
            return "yaml.missing_colon_key", c, {"fix": f"{named[1]}: {named[2]}"}
        return "yaml.missing_colon", c, {"text": rest[:60]}
    if problem == "mapping values are not allowed here" and p is not None:
        return _misplaced_colon(lines, p)
    if problem.startswith("expected <block end>") and p is not None:
        return _block_end(lines, problem, p, c)
    return None


def _documents(lines: _Text, at: tuple[int, int]) -> tuple[str, tuple[int, int], dict]:
    separator = next((line for line in [lines(at[0]), *lines.above(at[0])]
                      if line.text.startswith(("---", "..."))), None)
    where = (separator.number, 1) if separator is not None else at
    return "yaml.documents", where, {"separator": separator.text[:3] if separator is not None else "---"}


def _unclosed_quote(line: _Line, col: int, at: tuple[int, int]) -> tuple[str, tuple[int, int], dict]:
    quote = line.text[col: col + 1] or '"'
    value = _strip_comment(line.text[col:]).rstrip()
    prefix = line.text[:col].strip()
    fix = (prefix + " " if prefix else "") + value + quote
    return "yaml.unclosed_quote", at, {"quote": quote, "at_line": line.number, "fix": fix}


def _flow_content(lines: _Text, p: tuple[int, int], c: tuple[int, int] | None) -> tuple[str, tuple[int, int], dict]:
    line = lines(p[0])
    if line.value[:1] not in ("[", "{") and c is not None:  # the list started on a line above
        line = lines(c[0])
    return "yaml.flow_content", p, {"fix": _with_quotes(line, line.value_col)}


def _misplaced_colon(lines: _Text, p: tuple[int, int]) -> tuple[str, tuple[int, int], dict]:
    """`mapping values are not allowed here`: a ': ' where no key may start."""
    line = lines(p[0])
    before = line.text[line.indent: p[1] - 1]
    named = re.fullmatch(r"([a-z_][a-z0-9_]*)(:|\s+)([\[{].*)", line.value) if line.key is None else None
    if named:  # `baseline {value: 64}` or `baseline:{value: 64}`
        key = "yaml.colon_space" if named[2] == ":" else "yaml.missing_colon_key"
        return key, (p[0], line.value_col + 1), {"fix": f"{named[1]}: {named[3]}"}
    if line.key is not None and line.value_col <= p[1] - 1:
        # the line has its key already: the colon is inside the value (title: Huom: teksti)
        return "yaml.colon_in_value", p, {"fix": _with_quotes(line, line.value_col)}
    above = next(lines.above(p[0]), None)
    if above is not None and re.match(r"-[a-z_][a-z0-9_]*:(\s|$)", above.text[above.indent:]):  # `-measure: T1`
        return "yaml.dash_space", (above.number, above.indent + 1), {
            "fix": "- " + _strip_comment(above.text[above.indent + 1:]).strip()}
    if above is not None and above.key is None and re.match(r"[^\s:'\"][^\s:]*:\S", above.text[above.key_col:]):
        rest = _strip_comment(above.text[above.key_col:]).strip()
        colon = rest.index(":") + 1
        return "yaml.colon_space", (above.number, above.key_col + 1), {"fix": rest[:colon] + " " + rest[colon:]}
    if above is not None and above.key is None and above.indent == line.indent and not above.dashed:
        # the line above lost its colon and runs into this one: `kind followup`
        named = re.fullmatch(r"([a-z_][a-z0-9_]*)\s+(\S.*)", above.value)
        if named:
            return "yaml.missing_colon_key", (above.number, above.indent + 1), {"fix": f"{named[1]}: {named[2]}"}
        return "yaml.missing_colon", (above.number, above.indent + 1), {"text": above.value[:60]}
    word = before.lstrip("- ").strip().strip("\"'")
    if above is not None and above.key is not None and above.value and _WORD_KEY.fullmatch(word):
        column = line.text.index(word, line.indent)
        return "yaml.indent_deeper", (p[0], column + 1), {
            "field": word, "above": above.key, "above_line": above.number,
            "spaces": _spaces(column), "expected": _spaces(above.key_col)}
    start = next((a for a in lines.above(p[0]) if a.indent < line.indent and a.key is not None), None)
    if start is not None and _WORD_KEY.fullmatch(word) is None:
        return "yaml.colon_in_text", p, {"at_line": start.number}
    return _indent_mismatch(lines, (p[0], line.indent + 1))


def _block_end(lines: _Text, problem: str, p: tuple[int, int], c: tuple[int, int] | None):
    """`expected <block end>, but found ...`: something where the block above should have ended."""
    found = problem.split("but found", 1)[-1].strip(" '\"")
    line = lines(p[0])
    above = next(lines.above(p[0]), None)
    if found in ("<block sequence start>", "-"):
        if above is not None and above.key is not None and _EMPTY_FLOW.fullmatch(above.value):
            flow = " ".join(above.value.split()).replace(" ", "")
            return "yaml.empty_flow", (above.number, above.value_col + 1), {"field": above.key, "flow": flow}
        if above is not None and above.key is not None and above.value and line.indent > above.indent:
            return "yaml.value_then_block", p, {"field": above.key, "value": above.value[:40]}
        return "yaml.dash_in_mapping", p, {}
    if found == "?":
        content = line.text[line.indent:]
        if content.startswith("-") and content[1:2] not in (" ", ""):
            return "yaml.dash_space", p, {"fix": "- " + _strip_comment(content[1:]).strip()}
        key = line.key or _strip_comment(content).split(":")[0].strip()
        dash = lines(c[0]) if c is not None else None
        inner = dash.indent + 2 if dash is not None else line.indent + 2
        parent = next((a for a in lines.above(c[0] if c is not None else p[0])
                       if a.indent < (dash.indent if dash is not None else line.indent) and a.key is not None), None)
        if parent is not None:
            outer = {"fi": f"; jos se on uusi kenttä, sisennä se {parent.key_col} välilyönnillä kuten '{parent.key}'",
                     "en": f"; if it is a new field, indent it by {_spaces(parent.key_col)['en']} like '{parent.key}'"}
        else:
            outer = {"fi": "", "en": ""}
        return "yaml.key_after_list", p, {"field": key, "inner": _spaces(inner), "outer": outer}
    if found == "<scalar>":
        before = line.text[: p[1] - 1].rstrip()
        value = line.value
        if value[:1] in ("\"", "'") and before.endswith(value[0]):
            inner = _strip_comment(line.text[line.value_col:]).strip()
            prefix = line.text[: line.value_col].strip()
            return "yaml.text_after_quote", p, {"fix": (prefix + " " if prefix else "") + _quoted(inner)}
        if value[:1] in ("[", "{") and before.endswith(("]", "}")):
            return "yaml.start_char", (p[0], line.value_col + 1), {"char": value[0],
                                                                   "fix": _with_quotes(line, line.value_col)}
    return _indent_mismatch(lines, (p[0], line.indent + 1))


def _indent_mismatch(lines: _Text, at: tuple[int, int]) -> tuple[str, tuple[int, int], dict] | None:
    """A line whose indentation matches none of the levels open above it."""
    line = lines(at[0])
    levels: list[tuple[int, _Line]] = []  # (column, line), deepest first
    deepest = 10 ** 6
    for above in lines.above(at[0]):
        column = above.key_col if above.dashed and above.key is not None else above.indent
        if column < deepest:
            levels.append((column, above))
            deepest = column
        if above.indent < deepest:
            deepest = above.indent
        if deepest == 0:
            break
    deeper = [(col, a) for col, a in levels if col > line.indent]
    shallower = [(col, a) for col, a in levels if col < line.indent and not (a.dashed and col == a.indent)]
    options_fi, options_en = [], []
    for col, above in (deeper[-1:] + shallower[:1]):
        label = above.key or above.value[:30]
        options_fi.append(f"{col} välilyönnillä kuten rivin {above.number} '{label}'")
        options_en.append(f"by {_spaces(col)['en']} like '{label}' on line {above.number}")
    if not options_fi:
        return None  # no level to point at: indentation is not what went wrong
    options = {"fi": ": sisennä se " + " tai ".join(options_fi), "en": ": indent it " + " or ".join(options_en)}
    return "yaml.indent", at, {"spaces": _spaces(line.indent), "options": options}


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
