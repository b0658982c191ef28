"""A document as its readers give it, whatever its format: blocks in reading order (headings with
their level, paragraphs, list items, tables), each with the place a reader can point to.

Every reader (docx, pdf, odt, html, md, txt) gives the same shape, so `scan` and `import` never
know which format they read. Text is kept as written (whitespace inside a line made single);
nothing is dropped: a block a reader cannot classify is a paragraph."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "paragraph", "list_item", "table"]


@dataclass(frozen=True)
class Place:
    """Where a block is: its running number among the document's blocks (1-based) and, for a PDF,
    its page (1-based). A reviewer opens the original at this place."""

    block: int
    page: int | None = None

    def label(self, lang: str = "fi") -> str:
        if self.page is not None:
            return {"fi": f"s. {self.page}", "sv": f"s. {self.page}"}.get(lang, f"p. {self.page}")
        return {"fi": f"kpl {self.block}", "sv": f"st. {self.block}"}.get(lang, f"para. {self.block}")


@dataclass
class Block:
    kind: BlockKind
    text: str  # a table's text is its rows, cells joined by " | ", rows by newlines
    place: Place
    level: int = 0  # a heading's level (1 = top); a list item's nesting (0 = top)
    rows: list[list[str]] | None = None  # a table's cells, row by row (the first row as written)


@dataclass
class SourceDocument:
    """What a reader read: the file's name as given, its format, the blocks, and what the file
    itself says of it (a title in its metadata; the number of pages of a PDF)."""

    file: str
    format: str  # "docx", "pdf", "odt", "html", "md", "txt"
    blocks: list[Block] = field(default_factory=list)
    title: str | None = None
    pages: int | None = None

    def text(self) -> str:
        """All the text, block by block: what `import` must keep in full."""
        return "\n\n".join(block.text for block in self.blocks)


class DocumentError(Exception):
    """A document that cannot be read: one line for the user in Finnish and English, naming the
    file and, where known, the place (page, paragraph, or the part of the file)."""

    def __init__(self, file: str, fi: str, en: str, where: str | None = None, missing_extra: bool = False):
        self.file, self.fi, self.en, self.where = file, fi, en, where
        self.missing_extra = missing_extra  # the readers are not installed: the same for every file
        at = f"{file}:{where}" if where else file
        super().__init__(f"{at}: {fi} / {en}")


def clean(text: str) -> str:
    """A line as the model keeps it: runs of whitespace (newlines, tabs, no-break spaces) made one
    space, control characters dropped (they are never text a reader could point to)."""
    return " ".join(text.translate(_CONTROLS).split())


# C0 controls other than tab/newline/CR/VT/FF (those are whitespace and become a space)
_CONTROLS = {code: None for code in (*range(0, 9), *range(14, 32), 127)}


class BlockList:
    """Collects a reader's blocks in reading order and numbers their places, so no reader counts
    by itself. Empty blocks are dropped: they carry nothing a reviewer could read."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []

    def add(self, kind: BlockKind, text: str, level: int = 0, page: int | None = None) -> Block | None:
        text = clean(text)
        if not text:
            return None
        block = Block(kind, text, Place(len(self.blocks) + 1, page), level)
        self.blocks.append(block)
        return block

    def table(self, rows: list[list[str]], page: int | None = None) -> Block | None:
        rows = [[clean(cell) for cell in row] for row in rows]
        rows = [row for row in rows if any(row)]
        if not rows:
            return None
        text = "\n".join(" | ".join(row) for row in rows)
        block = Block("table", text, Place(len(self.blocks) + 1, page), 0, rows)
        self.blocks.append(block)
        return block
