"""OpenDocument text (.odt) with odfpy: text:h headings (text:outline-level), text:p paragraphs,
text:list items (nesting from the lists around them), table:table rows (a covered cell of a merged
range is skipped, so a merged cell is read once), and the same inside sections, tables of contents
and similar containers. Spaces (text:s), tabs and line breaks become spaces. Annotations
(comments), headers and footers are not read.

Before odfpy sees the file, every member is inflated within limits.py's bounds and each XML part
checked for a DOCTYPE."""

from __future__ import annotations

import io

from .limits import unzip
from .model import BlockList, DocumentError, SourceDocument

TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_SKIP = {(OFFICE, "annotation"), (OFFICE, "annotation-end"), (TEXT, "tracked-changes"),
         (TEXT, "note-citation"), (TEXT, "sequence-decls"), (TEXT, "index-title-template")}
# a cell repeated more often than this is an empty filler running to the sheet's edge
_MAX_REPEAT = 64


def read(data: bytes, file: str) -> SourceDocument:
    from odf.opendocument import load

    members = unzip(data, file, "odt")
    mimetype = members.get("mimetype", b"").strip()
    if mimetype and mimetype != b"application/vnd.oasis.opendocument.text":
        raise DocumentError(file, f"tiedosto ei ole ODT-tekstiasiakirja ({mimetype.decode('ascii', 'replace')})",
                            f"the file is not an ODT text document ({mimetype.decode('ascii', 'replace')})")
    if "content.xml" not in members:
        raise DocumentError(file, "ODT-tiedostosta puuttuu content.xml", "the ODT file has no content.xml")
    document = load(io.BytesIO(data))
    blocks = BlockList()
    _walk(document.text, blocks, list_depth=-1)
    return SourceDocument(file, "odt", blocks.blocks, title=_title(document))


def _walk(node, blocks: BlockList, list_depth: int) -> None:
    for child in node.childNodes:
        qname = getattr(child, "qname", None)
        if qname is None or qname in _SKIP:
            continue
        if qname == (TEXT, "h"):
            level = _int(child.getAttrNS(TEXT, "outline-level"), 1)
            blocks.add("heading", element_text(child), max(1, min(level, 10)))
        elif qname == (TEXT, "p"):
            kind = "list_item" if list_depth >= 0 else "paragraph"
            blocks.add(kind, element_text(child), max(list_depth, 0))
        elif qname == (TEXT, "list"):
            _walk(child, blocks, list_depth + 1)
        elif qname == (TABLE, "table"):
            blocks.table(_rows(child))
        else:  # list items, sections, indexes, frames: their paragraphs in order
            _walk(child, blocks, list_depth)


def element_text(element) -> str:
    parts: list[str] = []
    _collect(element, parts)
    return "".join(parts)


def _collect(node, parts: list[str]) -> None:
    for child in node.childNodes:
        if child.nodeType == child.TEXT_NODE:
            parts.append(child.data)
            continue
        qname = getattr(child, "qname", None)
        if qname in _SKIP:
            continue
        if qname in ((TEXT, "s"), (TEXT, "tab"), (TEXT, "line-break")):
            parts.append(" ")
        else:
            _collect(child, parts)


def _rows(table) -> list[list[str]]:
    rows: list[list[str]] = []
    for row in _descendants(table, (TABLE, "table-row"), stop={(TABLE, "table")}):
        cells = []
        for cell in row.childNodes:
            if getattr(cell, "qname", None) != (TABLE, "table-cell"):
                continue  # covered-table-cell: the hidden part of a merged cell
            text = " ".join(element_text(p) for p in cell.childNodes if getattr(p, "qname", None))
            repeat = _int(cell.getAttrNS(TABLE, "number-columns-repeated"), 1)
            cells.extend([text] * (min(repeat, _MAX_REPEAT) if text.strip() else 1))
        rows.append(cells)
    return rows


def _descendants(node, qname, stop):
    """Rows at any depth under the table (header rows, row groups), not those of a nested table."""
    for child in node.childNodes:
        child_qname = getattr(child, "qname", None)
        if child_qname == qname:
            yield child
        elif child_qname is not None and child_qname not in stop:
            yield from _descendants(child, qname, stop)


def _title(document) -> str | None:
    from odf import dc

    for element in document.meta.getElementsByType(dc.Title):
        title = " ".join(element_text(element).split())
        if title:
            return title
    return None


def _int(value, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except (TypeError, ValueError):
        return default
