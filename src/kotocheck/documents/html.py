"""HTML (.html/.htm) with the standard library's html.parser: h1-h6 headings, p paragraphs,
li items (nesting from the ul/ol around them), tables (tr rows of td/th cells; a table inside a
cell adds its text to that cell). Text in any other element becomes a paragraph at the next block
boundary; script, style, nav, head and template are skipped (the head's <title> is the title).
The parser is not recursive: depth is only a counter, bounded by limits.MAX_HTML_DEPTH."""

from __future__ import annotations

from html.parser import HTMLParser

from .limits import MAX_HTML_DEPTH
from .model import BlockList, DocumentError, SourceDocument
from .text import decode

_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_SKIP = {"script", "style", "nav", "head", "template", "noscript", "svg", "math"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
         "track", "wbr"}
_BLOCK = {"p", "div", "li", "ul", "ol", "table", "tr", "td", "th", "blockquote", "section", "article",
          "header", "footer", "main", "aside", "pre", "hr", "dl", "dt", "dd", "figure", "figcaption", "form",
          "body", "html", "address", "caption", "thead", "tbody", "tfoot", *_HEADINGS}
# an open element of these kinds is closed by a new one of the same kind (HTML's optional end tags)
_SELF_CLOSING = {"p": {"p"}, "li": {"li"}, "td": {"td", "th"}, "th": {"td", "th"}, "tr": {"tr"},
                 "dt": {"dt", "dd"}, "dd": {"dt", "dd"}}
# ... but not across these: an item of an outer list, a cell of an outer table stays open
_BARRIERS = {"li": {"ul", "ol"}, "td": {"tr", "table"}, "th": {"tr", "table"}, "tr": {"table"}}


def read(data: bytes, file: str) -> SourceDocument:
    parser = _Parser(file)
    parser.feed(decode(data, file))
    parser.close()
    parser.flush()
    return SourceDocument(file, "html", parser.blocks.blocks, title=" ".join(parser.title.split()) or None)


class _Parser(HTMLParser):
    def __init__(self, file: str):
        super().__init__(convert_charrefs=True)
        self.file = file
        self.blocks = BlockList()
        self.stack: list[str] = []  # open elements
        self.skipping = 0  # depth inside skipped elements
        self.in_title = False
        self.title = ""
        self.text: list[str] = []  # text since the last block boundary
        self.tables: list[list[list[str]]] = []  # open tables, innermost last
        self.saved: list[list[str]] = []  # the text of the cell around each nested table
        self.list_depth = 0

    # --- elements -------------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs) -> None:  # noqa: ANN001 - HTMLParser's signature
        if tag in _VOID:
            if tag == "br":
                self.text.append("\n")
            return
        self.close_implied(tag)
        self.stack.append(tag)
        if len(self.stack) > MAX_HTML_DEPTH:
            raise DocumentError(self.file, f"HTML-elementtejä on sisäkkäin yli {MAX_HTML_DEPTH}",
                                f"HTML elements are nested over {MAX_HTML_DEPTH} deep", f"rivi/line {self.getpos()[0]}")
        if tag == "title":
            self.in_title = True
        if self.skipping or tag in _SKIP:
            self.skipping += 1
            return
        self.open_block(tag)

    def handle_startendtag(self, tag: str, attrs) -> None:  # noqa: ANN001
        if tag == "br":
            self.text.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.stack:
            return  # a stray end tag
        while self.stack:
            open_tag = self.stack.pop()
            self.end(open_tag)
            if open_tag == tag:
                break

    def close_implied(self, tag: str) -> None:
        closes = _SELF_CLOSING.get(tag)
        if not closes or self.skipping:
            return
        barrier = _BARRIERS.get(tag, {"div", "td", "th", "li", "table"})
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index] in barrier:
                return
            if self.stack[index] in closes:
                while len(self.stack) > index:
                    self.end(self.stack.pop())
                return

    def end(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if self.skipping:
            self.skipping -= 1
            return
        self.close_block(tag)

    # --- blocks ---------------------------------------------------------------------------------
    def open_block(self, tag: str) -> None:
        if tag in ("td", "th", "tr", "caption") and self.tables:
            if tag == "tr":
                self.tables[-1].append([])
            return
        if tag in _BLOCK:
            self.flush(self.stack[:-1])
        if tag == "table":
            self.saved.append(self.text)
            self.text = []
            self.tables.append([])
        elif tag in ("ul", "ol"):
            self.list_depth += 1

    def close_block(self, tag: str) -> None:
        if self.tables and tag in ("td", "th"):
            self.cell()
        elif tag == "table" and self.tables:
            rows = self.tables.pop()
            self.text = self.saved.pop()
            if self.tables:  # a table in a cell: its text goes to the outer cell
                self.text.append(" " + " ".join(" ".join(row) for row in rows))
            else:
                self.blocks.table(rows)
        elif tag in _HEADINGS and not self.tables:
            self.emit("heading", _HEADINGS[tag])
        elif tag == "li" and not self.tables:
            self.emit("list_item", max(self.list_depth - 1, 0))
        elif tag in ("ul", "ol"):
            self.flush()
            self.list_depth = max(self.list_depth - 1, 0)
        elif tag in _BLOCK and not self.tables:
            self.flush(self.stack)  # a <p> in an <li> ends a part of the item, not a paragraph

    def cell(self) -> None:
        table = self.tables[-1]
        if not table:
            table.append([])
        table[-1].append(" ".join("".join(self.text).split()))
        self.text = []

    def emit(self, kind: str, level: int) -> None:
        self.blocks.add(kind, "".join(self.text), level)  # type: ignore[arg-type]
        self.text = []

    def flush(self, around: list[str] | None = None) -> None:
        """Text outside any block element (or before a nested block) is a paragraph of its own,
        unless it is the start of an item or heading that a nested block interrupts."""
        if self.tables:
            return
        kind, level = "paragraph", 0
        for tag in reversed(around or []):
            if tag == "li":
                kind, level = "list_item", max(self.list_depth - 1, 0)
                break
            if tag in _HEADINGS:
                kind, level = "heading", _HEADINGS[tag]
                break
            if tag in _BLOCK:
                break
        self.blocks.add(kind, "".join(self.text), level)  # type: ignore[arg-type]
        self.text = []

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
        elif not self.skipping:
            self.text.append(data)
