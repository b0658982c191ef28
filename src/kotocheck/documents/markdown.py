"""Markdown (.md): ATX headings (`#`), bullet and numbered lists with nesting by indentation, pipe
tables, block quotes, fenced code and paragraphs. Inline markup (emphasis, links, code spans,
backslash escapes) is reduced to its text: the checks read words, not formatting."""

from __future__ import annotations

import re

from .model import BlockList, SourceDocument
from .text import decode

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:\s+(.*?))?(?:\s+#+)?\s*$")
_BULLET = re.compile(r"^(\s*)[-*+]\s+(?=\S)")
_NUMBERED = re.compile(r"^(\s*)\d{1,9}[.)]\s+(?=\S)")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$")
_RULE = re.compile(r"^ {0,3}([-*_])(\s*\1){2,}\s*$")
_ESCAPABLE = r"\\`*_{}\[\]()#+\-.!|<>~"
_PRIVATE, _PRIVATE_ROOM = 0xF0000, 0x10FFFD - 0xF0000  # planes 15-16: placeholders for inline()
_PLACEHOLDER = re.compile("[\U000f0000-\U0010fffd]")
_HIDDEN = re.compile(rf"\\([{_ESCAPABLE}])|[\U000f0000-\U0010fffd]")
_INLINE = [
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # image: its alt text
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),  # link: its text
    (re.compile(r"`([^`]*)`"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"\*(?=\S)(.+?)(?<=\S)\*"), r"\1"),
    (re.compile(r"(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)"), r"\1"),
]


def read(data: bytes, file: str) -> SourceDocument:
    lines = decode(data, file).splitlines()
    title, lines = front_matter(lines)
    blocks = BlockList()
    _Reader(lines, blocks).run()
    return SourceDocument(file, "md", blocks.blocks, title=title)


def front_matter(lines: list[str]) -> tuple[str | None, list[str]]:
    """A YAML front matter block (`---` ... `---` on the first lines) is the file's metadata, like
    a Word file's properties: its `title:` is the title, and it is not part of the text."""
    if not lines or lines[0].strip() != "---":
        return None, lines
    end = next((i for i in range(1, min(len(lines), 200)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        return None, lines
    title = next((line.split(":", 1)[1].strip().strip("\"'") for line in lines[1:end]
                  if line.lower().startswith("title:")), "")
    return title or None, lines[end + 1:]


def inline(text: str) -> str:
    """Markdown inline markup to plain text. Escaped characters are set aside first (as code points
    of the private-use planes, where the text's own such characters are set aside too) so that
    `\\*` stays a star and never opens emphasis."""
    kept: list[str] = []

    def hide(match: re.Match[str]) -> str:
        kept.append(match.group(1) if match.group(1) is not None else match.group())
        return chr(_PRIVATE + len(kept) - 1)

    if len(text) > _PRIVATE_ROOM:  # more characters than placeholders: the text as written
        return text
    text = _HIDDEN.sub(hide, text)
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return _PLACEHOLDER.sub(lambda m: kept[ord(m.group()) - _PRIVATE], text)


def split_row(line: str) -> list[str]:
    """A pipe-table row's cells; `\\|` is a pipe inside a cell."""
    line = line.strip()
    line = line[1:] if line.startswith("|") else line
    line = line[:-1] if line.endswith("|") and not line.endswith("\\|") else line
    return [inline(cell.strip()) for cell in re.split(r"(?<!\\)\|", line)]


class _Reader:
    def __init__(self, lines: list[str], blocks: BlockList):
        self.lines, self.blocks, self.at = lines, blocks, 0
        self.paragraph: list[str] = []
        self.item: tuple[int, list[str]] | None = None  # (indent, lines) of the open list item
        self.indents: list[int] = []  # open list levels by indentation

    def run(self) -> None:
        while self.at < len(self.lines):
            line = self.lines[self.at]
            self.at += 1
            self.line(line)
        self.flush()

    def line(self, line: str) -> None:
        if not line.strip():
            self.flush()
            return
        heading = _ATX.match(line)
        if self.paragraph and _SETEXT.match(line):  # "Otsikko" underlined with === or ---
            self.blocks.add("heading", inline(" ".join(self.paragraph)), 1 if "=" in line else 2)
            self.paragraph = []
        elif heading:
            self.flush(end_list=True)
            self.blocks.add("heading", inline(heading.group(2) or ""), len(heading.group(1)))
        elif _FENCE.match(line):
            self.flush(end_list=True)
            self.fenced(_FENCE.match(line).group(1))
        elif "|" in line and self.at < len(self.lines) and _TABLE_RULE.match(self.lines[self.at]) \
                and "-" in self.lines[self.at]:
            self.flush(end_list=True)
            self.table(line)
        elif _RULE.match(line) and not self.paragraph:
            self.flush(end_list=True)
        elif m := (_BULLET.match(line) or _NUMBERED.match(line)):
            self.flush()
            numbered = m.re is _NUMBERED
            indent = len(m.group(1).expandtabs(4))
            self.item = (indent, [line.strip() if numbered else line[m.end():]])
        elif self.item is not None:
            self.item[1].append(line.strip())  # a continuation line of the item
        else:
            self.paragraph.append(line.lstrip(" >").strip() if line.lstrip().startswith(">") else line.strip())

    def flush(self, end_list: bool = False) -> None:
        if self.paragraph:
            self.blocks.add("paragraph", inline(" ".join(self.paragraph)))
            self.paragraph = []
        if self.item is not None:
            indent, lines = self.item
            self.blocks.add("list_item", inline(" ".join(lines)), self.level(indent))
            self.item = None
        if end_list:
            self.indents = []

    def level(self, indent: int) -> int:
        while self.indents and self.indents[-1] > indent:
            self.indents.pop()
        if not self.indents or self.indents[-1] < indent:
            self.indents.append(indent)
        return len(self.indents) - 1

    def fenced(self, fence: str) -> None:
        body: list[str] = []
        while self.at < len(self.lines) and not self.lines[self.at].strip().startswith(fence):
            body.append(self.lines[self.at])
            self.at += 1
        self.at += 1
        self.blocks.add("paragraph", " ".join(body))

    def table(self, header: str) -> None:
        rows = [split_row(header)]
        self.at += 1  # the |---| rule
        while self.at < len(self.lines) and "|" in self.lines[self.at] and self.lines[self.at].strip():
            rows.append(split_row(self.lines[self.at]))
            self.at += 1
        self.blocks.table(rows)
