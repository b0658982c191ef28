"""`kotocheck fmt`: one layout for every document, with nothing lost. Never prints.

The file is read as a ruamel.yaml round-trip tree and written back with
- two spaces per mapping level, a list's `- ` indented two spaces under its key (the examples' style);
- quotes only where YAML needs them, and then double quotes: `"320"` stays a quoted string (a plain
  320 would be a number), `"%"` stays quoted, `"2018–2020"` loses its needless quotes;
- every comment, block scalar (`>-`, `|`), flow list (`[a, b]`), anchor and key order as they were;
  lines are never re-wrapped.

Only that layout changes. What the author wrote stays as written (roundtrip.py): the lines before
`---` (comments, `%YAML`) and from `...` on, a plain value that is no string (`+12`, `.5`, `0x1F`,
`~`), a tag (`!!str 2025`), a flow collection with comments inside, and the line breaks: LF, CRLF
or CR as the file has them; a file with mixed line breaks gets its first one throughout.

Before a result is returned it is read back: the data must equal the input's (types included) and
every comment line of the input must still be there, otherwise the file is refused as it is, with
the line and column of the first difference (a bug, never a loss)."""

from __future__ import annotations

from kotocheck import loader, nothing_lost, roundtrip

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


@roundtrip.gc_paused()
def format_text(text: str, display: str) -> str:
    """The formatted text; FormatError for YAML errors or a result that would lose anything."""
    try:  # plain data and positions, read the fast way (the round trip's errors where it reads otherwise)
        document = loader.parse(text, display, round_trip=False)
    except loader.LoadError as exc:
        f = exc.finding
        raise FormatError(f"{f.file}:{f.line}:{f.column}: {f.message['fi']} / {f.message['en']}") from None
    source = roundtrip.Source(text)
    yaml = _yaml()
    try:
        result = source.dump(yaml, source.load(yaml), _align_comments)
    except roundtrip.Lost as exc:  # a shape ruamel's round trip cannot keep
        raise FormatError(f"{display}:{exc.line}:{exc.column}: muotoilu ei pysty säilyttämään tätä kohtaa, "
                          "tiedostoa ei muutettu / formatting cannot keep this as written; file left "
                          "untouched") from None
    try:
        after = loader.parse(result, display, round_trip=False).data
    except loader.LoadError:  # pragma: no cover - a bug, never the user's input
        after = None
    where = nothing_lost.lost(text, document.tree, document.data, after, result)
    if where is not None:
        line, column, what = where
        raise FormatError(f"{display}:{line}:{column}: muotoilu muuttaisi tätä kohtaa, tiedostoa ei muutettu / "
                          f"formatting would change this; file left untouched" + (f" ({what})" if what else ""))
    return result


def _comment_line_numbers(text: str) -> set[int]:
    """0-based numbers of the lines that are whole-line comments."""
    from kotocheck import comments

    lines = text.split("\n")
    found = comments.find(text)
    places = found if found is not None else nothing_lost.comment_places(text)
    return {line - 1 for line, _, _ in places if line <= len(lines) and lines[line - 1].lstrip().startswith("#")}


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
