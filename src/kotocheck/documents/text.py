"""Plain text (.txt): paragraphs separated by blank lines, with the structure real programmes show
when saved as text (see the Kemijärvi seed): ALL-CAPS chapter headings, short term headings
("Alkukartoitus") above their paragraph, a table of contents with tabs and page numbers, bullet
lines, and rows of tab-separated cells. The heuristics are conservative: a wrong heading would
cut a chapter in two, a missing one only leaves a paragraph."""

from __future__ import annotations

import re

from .model import BlockList, DocumentError, SourceDocument, clean

_BULLET = re.compile(r"^(\s*)([-*•–◦▪·])\s+(?=\S)")
_NUMBERED = re.compile(r"^(\s*)\d{1,3}[.)]\s+(?=\S)")
_TOC_LINE = re.compile(r"^\S.*?(?:\.{3,}\s*|\t+\s*)\d{1,4}\s*$")
_LEADERS = re.compile(r"\.{3,}")
_TOC_TITLES = {"sisältö", "sisällys", "sisällysluettelo", "contents", "table of contents", "innehåll"}
_FINAL = ".,:;!?…"


def read(data: bytes, file: str) -> SourceDocument:
    return SourceDocument(file, "txt", blocks_from_text(decode(data, file)).blocks)


def decode(data: bytes, file: str) -> str:
    """Text as saved by Word/Notepad in Finland: UTF-8 (with or without BOM), UTF-16 with BOM, or
    an old Windows-1252 file; binary data (NUL bytes outside UTF-16) is not text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace")
    if b"\x00" in data:
        raise DocumentError(file, "tiedostossa on binääridataa, se ei ole tekstitiedosto",
                            "the file holds binary data, it is not a text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def blocks_from_text(text: str, blocks: BlockList | None = None, page: int | None = None) -> BlockList:
    blocks = blocks if blocks is not None else BlockList()
    groups = split_groups(text.splitlines())
    for index, group in enumerate(groups):
        previous = groups[index - 1] if index else None
        following = groups[index + 1] if index + 1 < len(groups) else None
        add_group(blocks, group, previous, following, page, first=index == 0)
    return blocks


def split_groups(lines: list[str]) -> list[list[str]]:
    """Runs of non-blank lines, as separated by blank lines."""
    groups: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line.rstrip(" \r\f\v"))  # trailing tabs kept: they pad a table row
        elif current:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def add_group(blocks: BlockList, group: list[str], previous: list[str] | None,
              following: list[str] | None, page: int | None, first: bool = False) -> None:
    level = heading_level(group, previous, following, first)
    if level:
        blocks.add("heading", group[0], level, page)
    elif is_toc(group, blocks):
        for line in group:
            blocks.add("list_item", line, 0, page)
    elif is_table(group):
        blocks.table(table_rows(group), page)
    else:
        add_lines(blocks, group, page)


def heading_level(group: list[str], previous: list[str] | None, following: list[str] | None,
                  first: bool = False) -> int:
    """1 for an ALL-CAPS line standing alone (or the document's first short line: its title), 2
    for a short term line ("Alkukartoitus") that a sentence follows; 0 for anything else."""
    if len(group) != 1 or "\t" in group[0].rstrip():
        return 0
    line = clean(group[0])
    if is_caps_heading(line):
        return 1
    if not _short_unpunctuated(line) or not line[0].isupper() or is_list_line(group[0]):
        return 0
    if first and (following is None or _starts_sentence(following)):
        return 1
    if previous is not None and not _ends_sentence_or_heading(previous):
        return 0
    return 2 if following is not None and _is_paragraph(following) else 0


def is_caps_heading(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return (len(letters) >= 4 and all(c.isupper() for c in letters) and len(line) <= 90
            and len(line.split()) <= 10 and line[-1] not in _FINAL and not is_list_line(line)
            and not _TOC_LINE.match(line))


def _short_unpunctuated(line: str) -> bool:
    return 2 <= len(line) <= 60 and len(line.split()) <= 8 and line[-1] not in _FINAL + "-–"


def _starts_sentence(group: list[str]) -> bool:
    first = clean(group[0])
    return bool(first) and (first[0].isupper() or first[0].isdigit())


def _ends_sentence_or_heading(group: list[str]) -> bool:
    last = clean(group[-1])
    return last[-1] in _FINAL + ")" or (len(group) == 1 and is_caps_heading(last))


def _is_paragraph(group: list[str]) -> bool:
    """A group that reads as running text: a sentence start and either a sentence end or length."""
    text = clean(" ".join(group))
    return _starts_sentence(group) and (text[-1] in ".!?:)" or len(text) > 60) and not is_list_line(group[0])


def is_list_line(line: str) -> bool:
    return bool(_BULLET.match(line) or _NUMBERED.match(line))


def is_toc(group: list[str], blocks: BlockList) -> bool:
    """Table-of-contents lines end in a page number after a tab or dot leaders; they follow a
    'SISÄLTÖ' heading, or most have leaders (a tab alone may be a two-column table)."""
    toc_lines = sum(bool(_TOC_LINE.match(line)) for line in group)
    if toc_lines < max(1, (len(group) + 1) // 2):
        return False
    last = blocks.blocks[-1] if blocks.blocks else None
    after_title = last is not None and last.kind == "heading" and last.text.lower() in _TOC_TITLES
    with_leaders = sum(bool(_LEADERS.search(line)) for line in group)
    return after_title or with_leaders * 2 > len(group)


def is_table(group: list[str]) -> bool:
    """Two or more lines with cells between tabs, at least half the group's lines (a table copied
    from Word or a spreadsheet: a line without a tab is a row of one cell, a merged or long one)."""
    tabbed = sum("\t" in line.strip(" ") for line in group)
    return tabbed >= 2 and tabbed * 2 >= len(group)


def table_rows(group: list[str]) -> list[list[str]]:
    """Each line's cells; empty cells at a row's end are only the tabs that padded it."""
    rows = []
    for line in group:
        cells = line.split("\t")
        while len(cells) > 1 and not cells[-1].strip():
            cells.pop()
        rows.append(cells)
    return rows


def add_lines(blocks: BlockList, group: list[str], page: int | None) -> None:
    """A group's lines as one paragraph, or as list items where lines start with a bullet or a
    number ("- kunta", "2. Kotouttamisohjelman ..."); a line without a marker continues the item
    above it. A bullet is markup and is dropped; a number is kept, it is how the text refers."""
    items: list[tuple[int, list[str]]] = []  # (indent, lines); indent -1: a paragraph
    for line in group:
        bullet, numbered = _BULLET.match(line), _NUMBERED.match(line)
        if bullet:
            items.append((len(bullet.group(1).expandtabs(4)), [line[bullet.end():]]))
        elif numbered:
            items.append((len(numbered.group(1).expandtabs(4)), [line.strip()]))
        elif items:
            items[-1][1].append(line)
        else:
            items.append((-1, [line]))
    indents = sorted({indent for indent, _ in items if indent >= 0})
    for indent, lines in items:
        if indent < 0:
            blocks.add("paragraph", " ".join(lines), 0, page)
        else:
            blocks.add("list_item", " ".join(lines), indents.index(indent), page)
