"""Word (.docx) with python-docx: the body's paragraphs and tables in the order they stand (the
body XML's children walked in order, content controls opened), headings from the style ("Heading
N", "Otsikko N", "Title") or an outline level, list items from numbering or a list style, tables
row by row with a merged cell read once. Text in tracked insertions and hyperlinks is read, deleted
text and the fallback copy of drawings are not. Headers, footers, footnotes and comments are not
read: a programme's content is in the body.

Before python-docx sees the file, every member is inflated within limits.py's bounds and each XML
part checked for a DOCTYPE (python-docx's lxml parser already does not resolve entities; refusing
the DOCTYPE also stops entity expansion bombs)."""

from __future__ import annotations

import io
import re

from .limits import unzip
from .model import BlockList, SourceDocument

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {"w": W, "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006"}
_HEADING_NAME = re.compile(r"^(?:heading|otsikko|rubrik|überschrift|titre|título)\s*(\d)$", re.IGNORECASE)
_TITLE_NAMES = {"title", "otsikko", "rubrik", "titel"}  # "Otsikko" is Title in a Finnish Word
_LIST_NAME = re.compile(r"list|luettelo|lista", re.IGNORECASE)
# the text-bearing elements of a run, in document order; none inside a drawing's fallback copy or
# in text moved away with tracked changes (its moveTo copy is read); field codes (w:instrText) and
# deleted text (w:delText) are other elements
_TEXT_XPATH = (".//w:r[not(ancestor::mc:Fallback) and not(ancestor::w:moveFrom)]"
               "/*[self::w:t or self::w:tab or self::w:br or self::w:cr or self::w:noBreakHyphen]")


def read(data: bytes, file: str) -> SourceDocument:
    import docx

    unzip(data, file, "docx")  # bounds and DOCTYPE check first; python-docx opens the zip again
    document = docx.Document(io.BytesIO(data))
    styles = _Styles(document)
    blocks = BlockList()
    _walk(document.element.body, styles, blocks)
    title = (document.core_properties.title or "").strip() or None
    return SourceDocument(file, "docx", blocks.blocks, title=title)


def _walk(container, styles: "_Styles", blocks: BlockList) -> None:
    for child in container.iterchildren():
        tag = _local(child)
        if tag == "p":
            _paragraph(child, styles, blocks)
        elif tag == "tbl":
            blocks.table(_rows(child))
        elif tag in ("sdt", "sdtContent", "customXml", "ins", "smartTag"):
            content = _first(child, "sdtContent") if tag == "sdt" else child
            if content is not None:  # (an lxml element without children is falsy: test None)
                _walk(content, styles, blocks)


def _paragraph(p, styles: "_Styles", blocks: BlockList) -> None:
    text = paragraph_text(p)
    style_id = _val(p, "w:pPr/w:pStyle")
    level = _outline(p) or styles.heading_level(style_id)
    if level:
        blocks.add("heading", text, level)
        return
    num_level = _numbering_level(p)
    if num_level is None and styles.is_list(style_id):
        num_level = styles.list_level(style_id)
    if num_level is not None:
        blocks.add("list_item", text, num_level)
    else:
        blocks.add("paragraph", text)


def paragraph_text(p) -> str:
    parts = []
    for el in _xpath(p, _TEXT_XPATH):
        tag = _local(el)
        if tag == "t":
            parts.append(el.text or "")
        elif tag in ("tab", "br", "cr"):
            parts.append(" ")
        elif tag == "noBreakHyphen":
            parts.append("-")
    return "".join(parts)


def _rows(tbl) -> list[list[str]]:
    """Each row's cells as the XML has them: a cell spanning columns (gridSpan) is one w:tc, read
    once; a cell continuing a vertical merge is empty and stays so. A table nested in a cell gives
    its text to that cell."""
    rows = []
    for tr in _xpath(tbl, "./w:tr | ./w:sdt/w:sdtContent/w:tr"):
        cells = _xpath(tr, "./w:tc | ./w:sdt/w:sdtContent/w:tc")
        rows.append([" ".join(paragraph_text(p) for p in _xpath(tc, ".//w:p")) for tc in cells])
    return rows


def _outline(p) -> int:
    value = _val(p, "w:pPr/w:outlineLvl")
    return int(value) + 1 if value is not None and value.isdigit() and int(value) < 9 else 0


def _numbering_level(p) -> int | None:
    num_id = _val(p, "w:pPr/w:numPr/w:numId")
    if num_id is None or num_id == "0":  # numId 0: numbering switched off
        return None
    level = _val(p, "w:pPr/w:numPr/w:ilvl")
    return min(int(level), 8) if level is not None and level.isdigit() else 0


class _Styles:
    """Each paragraph style's heading level and list-ness, worked out once from styles.xml,
    following basedOn (a custom 'Luku' style based on 'Heading 1' is a heading)."""

    def __init__(self, document):
        self.by_id: dict[str, tuple[str, str | None, object]] = {}
        try:
            root = document.styles.element
        except Exception:  # a document without a styles part
            return
        for style in _xpath(root, "./w:style"):
            style_id = style.get(f"{{{W}}}styleId")
            if style_id:
                self.by_id[style_id] = (_val(style, "w:name") or style_id, _val(style, "w:basedOn"), style)
        self._levels: dict[str, int] = {}

    def heading_level(self, style_id: str | None) -> int:
        if style_id is None:
            return 0
        if style_id not in self._levels:
            self._levels[style_id] = self._level(style_id, depth=0)
        return self._levels[style_id]

    def _level(self, style_id: str | None, depth: int) -> int:
        if style_id is None or depth > 10 or style_id not in self.by_id:
            return _level_from_name(style_id or "")
        name, based_on, element = self.by_id[style_id]
        level = _level_from_name(name) or _level_from_name(style_id) or _outline(element)
        return level or self._level(based_on, depth + 1)

    def is_list(self, style_id: str | None, depth: int = 0) -> bool:
        if style_id is None or style_id not in self.by_id or depth > 10:
            return False
        name, based_on, element = self.by_id[style_id]
        if _LIST_NAME.search(name) and "paragraph" not in name.lower() and "kappale" not in name.lower():
            return True
        numbered = _val(element, "w:pPr/w:numPr/w:numId") not in (None, "0")
        return numbered or self.is_list(based_on, depth + 1)


    def list_level(self, style_id: str) -> int:
        """A list style's own level: its numbering's ilvl, else the number ending its name
        ("List Bullet 2" is the second level)."""
        name, _, element = self.by_id[style_id]
        level = _val(element, "w:pPr/w:numPr/w:ilvl")
        if level is not None and level.isdigit() and level != "0":
            return min(int(level), 8)
        match = re.search(r"(\d)$", name.strip())
        return max(int(match.group(1)) - 1, 0) if match else 0


def _level_from_name(name: str) -> int:
    match = _HEADING_NAME.match(name.strip())
    if match:
        return max(1, min(int(match.group(1)), 9))
    return 1 if name.strip().lower() in _TITLE_NAMES else 0


def _xpath(element, path: str) -> list:
    """XPath with our prefixes (python-docx's elements override xpath() with their own map)."""
    from lxml import etree

    return etree._Element.xpath(element, path, namespaces=_NS)


def _val(element, path: str) -> str | None:
    found = _xpath(element, f"./{path}/@w:val")
    return str(found[0]) if found else None


def _first(element, local: str):
    found = _xpath(element, f"./w:{local}")
    return found[0] if found else None


def _local(element) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
