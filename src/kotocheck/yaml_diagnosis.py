"""Which mistake a YAML syntax error most likely is, read from the lines around it: a value that
needs quotes, a misplaced colon, an unclosed quote, indentation that does not match, a second
document. `diagnose` gives the i18n key with the place and the fix written out (`unit: "%"`);
yaml_messages words the finding."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any


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


def quoted(value: str) -> str:
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
    return (prefix + " " if prefix else "") + quoted(value)


def spaces(n: int) -> dict[str, str]:
    return {"fi": f"{n} välilyönnillä", "en": f"{n} space{'' if n == 1 else 's'}"}


class Text:
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


def diagnose(exc: Any, lines: Text) -> tuple[str, tuple[int, int], dict] | None:
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
            return "yaml.start_char_key", where, {"char": char, "fix": f"{quoted(key)}: {value}"}
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


def _documents(lines: Text, at: tuple[int, int]) -> tuple[str, tuple[int, int], dict]:
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


def _flow_content(lines: Text, p: tuple[int, int], c: tuple[int, int] | None) -> tuple[str, tuple[int, int], dict]:
    line = lines(p[0])
    if line.value[:1] not in ("[", "{") and c is not None:  # the list started on a line above
        line = lines(c[0])
    return "yaml.flow_content", p, {"fix": _with_quotes(line, line.value_col)}


def _misplaced_colon(lines: Text, p: tuple[int, int]) -> tuple[str, tuple[int, int], dict]:
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
            "spaces": spaces(column), "expected": spaces(above.key_col)}
    start = next((a for a in lines.above(p[0]) if a.indent < line.indent and a.key is not None), None)
    if start is not None and _WORD_KEY.fullmatch(word) is None:
        return "yaml.colon_in_text", p, {"at_line": start.number}
    return _indent_mismatch(lines, (p[0], line.indent + 1))


def _block_end(lines: Text, problem: str, p: tuple[int, int], c: tuple[int, int] | None):
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
                     "en": f"; if it is a new field, indent it by {spaces(parent.key_col)['en']} like '{parent.key}'"}
        else:
            outer = {"fi": "", "en": ""}
        return "yaml.key_after_list", p, {"field": key, "inner": spaces(inner), "outer": outer}
    if found == "<scalar>":
        before = line.text[: p[1] - 1].rstrip()
        value = line.value
        if value[:1] in ("\"", "'") and before.endswith(value[0]):
            inner = _strip_comment(line.text[line.value_col:]).strip()
            prefix = line.text[: line.value_col].strip()
            return "yaml.text_after_quote", p, {"fix": (prefix + " " if prefix else "") + quoted(inner)}
        if value[:1] in ("[", "{") and before.endswith(("]", "}")):
            return "yaml.start_char", (p[0], line.value_col + 1), {"char": value[0],
                                                                   "fix": _with_quotes(line, line.value_col)}
    return _indent_mismatch(lines, (p[0], line.indent + 1))


def _indent_mismatch(lines: Text, at: tuple[int, int]) -> tuple[str, tuple[int, int], dict] | None:
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
        options_en.append(f"by {spaces(col)['en']} like '{label}' on line {above.number}")
    if not options_fi:
        return None  # no level to point at: indentation is not what went wrong
    options = {"fi": ": sisennä se " + " tai ".join(options_fi), "en": ": indent it " + " or ".join(options_en)}
    return "yaml.indent", at, {"spaces": spaces(line.indent), "options": options}
