"""`kotocheck fmt`: one layout for every document, with nothing lost. Never prints.

The file is read as a ruamel.yaml round-trip tree and written back with
- two spaces per mapping level, a list's `- ` indented two spaces under its key (the examples' style);
- quotes only where YAML needs them, and then double quotes: `"320"` stays a quoted string (a plain
  320 would be a number), `"%"` stays quoted, `"2018–2020"` loses its needless quotes;
- every comment, block scalar (`>-`, `|`), flow list (`[a, b]`), anchor and key order as they were;
  lines are never re-wrapped.

Before a result is returned it is read back: the data must equal the input's and every comment line
of the input must still be there, otherwise the file is refused as it is (a bug, never a loss)."""

from __future__ import annotations

import io
import re

from kotocheck import loader

MAPPING, SEQUENCE, OFFSET = 2, 4, 2


class FormatError(Exception):
    """The file cannot be formatted; the message is one line for the user."""


def _yaml():
    from ruamel.yaml import YAML
    from ruamel.yaml.emitter import Emitter

    class DoubleQuotes(Emitter):
        """Where a plain scalar is not possible, double quotes rather than single."""

        def choose_scalar_style(self):  # noqa: D401 - ruamel's hook
            style = super().choose_scalar_style()
            if style == "'" and self.event.style != "'" or (style == "'" and not self.event.style):
                return '"'
            return style

    yaml = YAML(typ="rt")
    yaml.Emitter = DoubleQuotes
    yaml.preserve_quotes = False
    yaml.width = 4096
    yaml.indent(mapping=MAPPING, sequence=SEQUENCE, offset=OFFSET)
    return yaml


_START = re.compile(r"\A(?:[ \t]*(?:#[^\n]*)?\n)*---")


def comment_lines(text: str) -> list[str]:
    """Every comment of a YAML text, stripped, as ruamel reads it (not `#` inside values)."""
    from ruamel.yaml import YAML

    out: list[str] = []
    for token in YAML(typ="rt").scan(text):
        for part in _comments_of(token):
            out += [line.strip() for line in part.splitlines() if line.strip().startswith("#")]
    return out


def _comments_of(token) -> list[str]:
    found = []
    comment = getattr(token, "_comment", None) or getattr(token, "comment", None)
    stack = [comment]
    while stack:
        item = stack.pop()
        if item is None:
            continue
        if isinstance(item, (list, tuple)):
            stack.extend(item)
        elif hasattr(item, "value"):
            found.append(item.value)
    return found


def format_text(text: str, display: str) -> str:
    """The formatted text; FormatError for YAML errors or a result that would lose anything."""
    try:
        before = loader.parse(text, display).data
    except loader.LoadError as exc:
        f = exc.finding
        raise FormatError(f"{f.file}:{f.line}:{f.column}: {f.message['fi']} / {f.message['en']}") from None
    yaml = _yaml()
    yaml.explicit_start = bool(_START.match(text))
    tree = yaml.load(text)
    out = io.StringIO()
    yaml.dump(tree, out)
    result = _align_comments(out.getvalue())
    try:
        after = loader.parse(result, display).data
    except loader.LoadError:  # pragma: no cover - a bug, never the user's input
        after = None
    missing = _missing_comments(text, result)
    if after != before or missing:
        raise FormatError(f"{display}: muotoilu muuttaisi sisältöä, tiedostoa ei muutettu / "
                          f"formatting would change the content; file left untouched"
                          + (f" ({missing[0]})" if missing else ""))
    return result


def _comment_line_numbers(text: str) -> set[int]:
    """0-based numbers of the lines that are whole-line comments."""
    from ruamel.yaml import YAML

    lines = text.splitlines()
    found: set[int] = set()
    for token in YAML(typ="rt").scan(text):
        comment = getattr(token, "_comment", None) or getattr(token, "comment", None)
        stack = [comment]
        while stack:
            item = stack.pop()
            if isinstance(item, (list, tuple)):
                stack.extend(item)
            elif item is not None and hasattr(item, "value"):
                start = item.start_mark.line if item.start_mark else None
                if start is None:
                    continue
                for offset, _ in enumerate(item.value.split("\n")[:-1] or [item.value]):
                    number = start + offset
                    if number < len(lines) and lines[number].lstrip().startswith("#"):
                        found.add(number)
    return found


def _align_comments(text: str) -> str:
    """A whole-line comment deeper than the content lines around it (it kept its old column when
    the lines around it moved) goes to their indentation. Under a key that opens a block or holds
    an empty list or mapping (`members: []`), one level deeper is where its content goes: a
    commented-out entry there (as `kotocheck init` writes them) stays."""
    lines = text.split("\n")
    comments = _comment_line_numbers(text)

    def indent(i: int, step: int) -> int | None:
        while 0 <= i < len(lines):
            if i not in comments and lines[i].strip():
                return len(lines[i]) - len(lines[i].lstrip(" "))
            i += step
        return None

    def opener(i: int) -> int | None:
        """Indentation of the content under the nearest content line above, when it opens one."""
        while i >= 0 and (i in comments or not lines[i].strip()):
            i -= 1
        if i < 0:
            return None
        content = lines[i].split(" #", 1)[0].rstrip()
        if content.endswith((":", ": []", ": {}")):
            return len(lines[i]) - len(lines[i].lstrip(" ")) + 2
        return None

    for number in sorted(comments):
        line = lines[number]
        col = len(line) - len(line.lstrip(" "))
        around = [c for c in (indent(number - 1, -1), indent(number + 1, 1), opener(number - 1)) if c is not None]
        if around and col > max(around):
            lines[number] = " " * max(around) + line.lstrip(" ")
    return "\n".join(lines)


def _missing_comments(before: str, after: str) -> list[str]:
    from collections import Counter

    have = Counter(comment_lines(after))
    need = Counter(comment_lines(before))
    return [line for line, n in need.items() if have[line] < n]
