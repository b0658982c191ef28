"""Writers that turn a SourceDocument into a real .docx, .odt, .html, .md or .pdf file, so tests
(and the evaluation script) can build fixtures from the seed texts: read a seed .txt with the txt
reader, write it in each format, read it back and compare.

Each writer uses the format's own structures (Word heading and list styles and real tables,
ODF text:h/text:list/table:table, HTML elements, Markdown syntax with escapes), never text that
merely looks like them. `write_pdf` returns the page each block starts on."""

from __future__ import annotations

import html
import re
from pathlib import Path

from kotocheck.documents.model import Block, Place, SourceDocument

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
DEJAVU_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")


def document(blocks: list[tuple], file: str = "made", title: str | None = None) -> SourceDocument:
    """A SourceDocument from (kind, text, level[, rows]) tuples, numbered in order."""
    made = []
    for number, spec in enumerate(blocks, 1):
        kind, text, level, *rest = (*spec, 0) if len(spec) == 2 else spec
        rows = rest[0] if rest else None
        if kind == "table" and rows is not None:
            text = "\n".join(" | ".join(row) for row in rows)
        made.append(Block(kind, text, Place(number), level, rows))
    return SourceDocument(file, "made", made, title=title)


def write(doc: SourceDocument, path: Path) -> list[int] | None:
    """Write by the path's suffix; a PDF's writer returns each block's first page."""
    writers = {".docx": write_docx, ".odt": write_odt, ".html": write_html, ".md": write_md, ".pdf": write_pdf,
               ".txt": write_txt}
    return writers[path.suffix](doc, path)


# --- Word ----------------------------------------------------------------------------------------
def write_docx(doc: SourceDocument, path: Path) -> None:
    import docx

    word = docx.Document()
    if doc.title:
        word.core_properties.title = doc.title
    for block in doc.blocks:
        if block.kind == "heading":
            word.add_heading(block.text, min(block.level, 9))  # the built-in "Heading N" styles
        elif block.kind == "list_item":
            style = "List Bullet" if block.level == 0 else f"List Bullet {min(block.level + 1, 3)}"
            word.add_paragraph(block.text, style=style)  # a style with numbering (numPr)
        elif block.kind == "table":
            _docx_table(word, block.rows or [[block.text]])
        else:
            word.add_paragraph(block.text)
    word.save(str(path))


def _docx_table(word, rows: list[list[str]]) -> None:
    width = max(len(row) for row in rows)
    table = word.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for row, cells in zip(table.rows, rows):
        for cell, text in zip(row.cells, cells):
            cell.text = text
        if 0 < len(cells) < width:  # a short row: its last cell spans the rest, as in Word
            row.cells[len(cells) - 1].merge(row.cells[width - 1])


# --- OpenDocument --------------------------------------------------------------------------------
def write_odt(doc: SourceDocument, path: Path) -> None:
    from odf import dc, teletype
    from odf.opendocument import OpenDocumentText
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import H, List, ListItem, P

    odt = OpenDocumentText()
    if doc.title:
        odt.meta.addElement(dc.Title(text=doc.title))
    lists: list = []  # open text:list elements, outermost first
    for number, block in enumerate(doc.blocks):
        if block.kind != "list_item":
            lists = []
        if block.kind == "heading":
            element = H(outlinelevel=block.level)
            teletype.addTextToElement(element, block.text)
            odt.text.addElement(element)
        elif block.kind == "list_item":
            lists = _odt_item(odt, lists, block, List, ListItem, P, teletype)
        elif block.kind == "table":
            rows = block.rows or [[block.text]]
            table = Table(name=f"Taulukko{number + 1}")
            table.addElement(TableColumn(numbercolumnsrepeated=max(len(r) for r in rows)))
            for cells in rows:
                row = TableRow()
                for text in cells:
                    cell = TableCell()
                    paragraph = P()
                    teletype.addTextToElement(paragraph, text)
                    cell.addElement(paragraph)
                    row.addElement(cell)
                table.addElement(row)
            odt.text.addElement(table)
        else:
            paragraph = P()
            teletype.addTextToElement(paragraph, block.text)
            odt.text.addElement(paragraph)
    odt.save(str(path))


def _odt_item(odt, lists: list, block: Block, List, ListItem, P, teletype) -> list:  # noqa: N803 - odf classes
    """Nest text:list elements down to the item's level: an inner list sits in the last item."""
    level = min(block.level, len(lists))  # a level can only go one deeper than the open lists
    lists = lists[: level + 1]
    if len(lists) <= level:
        new = List()
        if lists:
            lists[-1].childNodes[-1].addElement(new)  # into the last item of the outer list
        else:
            odt.text.addElement(new)
        lists.append(new)
    item = ListItem()
    paragraph = P()
    teletype.addTextToElement(paragraph, block.text)
    item.addElement(paragraph)
    lists[level].addElement(item)
    return lists


# --- HTML ----------------------------------------------------------------------------------------
def write_html(doc: SourceDocument, path: Path) -> None:
    out = ["<!DOCTYPE html>", '<html lang="fi"><head><meta charset="utf-8">',
           f"<title>{html.escape(doc.title or '')}</title>",
           "<style>body { font-family: sans-serif }</style></head><body>",
           "<nav><a href='#'>Etusivu</a></nav>"]
    depth = 0  # open <ul> elements
    for block in doc.blocks:
        want = block.level + 1 if block.kind == "list_item" else 0
        while depth > want:
            out.append("</li></ul>")
            depth -= 1
        if block.kind == "list_item":
            if depth == want:
                out.append("</li>")
            while depth < want:
                out.append("<ul>")
                depth += 1
            out.append(f"<li>{html.escape(block.text)}")
        elif block.kind == "heading":
            level = min(block.level, 6)
            out.append(f"<h{level}>{html.escape(block.text)}</h{level}>")
        elif block.kind == "table":
            out.append(_html_table(block.rows or [[block.text]]))
        else:
            out.append(f"<p>{html.escape(block.text)}</p>")
    out.extend(["</li></ul>"] * depth)
    out.append("<script>document.title += '';</script></body></html>")
    path.write_text("\n".join(out), encoding="utf-8")


def _html_table(rows: list[list[str]]) -> str:
    head = "".join(f"<th>{html.escape(cell)}</th>" for cell in rows[0])
    body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows[1:])
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


# --- Markdown ------------------------------------------------------------------------------------
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|])")
_MD_LINE_START = re.compile(r"^([#>+\-~=]|\d{1,9}(?=[.)]))")
_NUMBER = re.compile(r"^\d{1,9}[.)]\s+")


def md_escape(text: str, line_start: bool = True) -> str:
    text = _MD_SPECIAL.sub(r"\\\1", text)
    if line_start:
        match = re.match(r"^(\d{1,9})([.)])", text)
        text = f"{match.group(1)}\\{match.group(2)}{text[match.end():]}" if match else \
            _MD_LINE_START.sub(r"\\\1", text)
    return text


def write_md(doc: SourceDocument, path: Path) -> None:
    out: list[str] = []
    for block in doc.blocks:
        if block.kind == "heading":
            out.append(f"{'#' * min(block.level, 6)} {md_escape(block.text, False)}\n")
        elif block.kind == "list_item":
            indent = "  " * block.level
            number = _NUMBER.match(block.text)
            line = number.group() + md_escape(block.text[number.end():], False) if number else \
                "- " + md_escape(block.text, False)
            out.append(indent + line)
        elif block.kind == "table":
            rows = block.rows or [[block.text]]
            out.append("")
            out.append("| " + " | ".join(md_escape(c, False) for c in rows[0]) + " |")
            out.append("|" + "---|" * len(rows[0]))
            out.extend("| " + " | ".join(md_escape(c, False) for c in row) + " |" for row in rows[1:])
            out.append("")
        else:
            out.append(f"\n{md_escape(block.text)}\n")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def write_txt(doc: SourceDocument, path: Path) -> None:
    path.write_text("\n\n".join(block.text for block in doc.blocks) + "\n", encoding="utf-8")


# --- PDF -----------------------------------------------------------------------------------------
def write_pdf(doc: SourceDocument, path: Path) -> list[int]:
    """A PDF with real text (fpdf2), A4, several pages for a long document. DejaVu Sans when the
    system has it (Finnish letters, dashes, euro sign print as written); otherwise the core
    Helvetica font, with the text mapped to latin-1 (a dash becomes '-', the euro sign 'EUR')."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=18)
    pdf.set_title(doc.title or "")
    family, encode = _pdf_font(pdf)
    pdf.add_page()
    pages = []
    for number, block in enumerate(doc.blocks):
        following = doc.blocks[number + 1].kind if number + 1 < len(doc.blocks) else None
        pages.append(_pdf_block(pdf, block, family, encode, following))
    pdf.output(str(path))
    return pages


def _pdf_font(pdf) -> tuple[str, object]:
    if DEJAVU.exists() and DEJAVU_BOLD.exists():
        pdf.add_font("DejaVu", "", str(DEJAVU))
        pdf.add_font("DejaVu", "B", str(DEJAVU_BOLD))
        return "DejaVu", lambda text: text
    table = str.maketrans({"–": "-", "—": "-", "€": "EUR", "•": "*", "’": "'", "“": '"', "”": '"'})
    return "Helvetica", lambda text: text.translate(table).encode("latin-1", "replace").decode("latin-1")


def _pdf_block(pdf, block: Block, family: str, encode, following: str | None) -> int:
    """Write one block; returns the page it starts on (a block never starts in the bottom margin:
    a heading moves with its paragraph)."""
    text = encode(block.text)
    if block.kind == "heading":
        size = {1: 16, 2: 13, 3: 11.5}.get(block.level, 11.5)  # body 10.5: 1.52, 1.24, 1.10 times
        if pdf.get_y() > pdf.h - 50:
            pdf.add_page()
        pdf.set_font(family, "B", size)
        page = pdf.page_no()
        pdf.multi_cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
        return page
    pdf.set_font(family, "", 10.5)
    if pdf.get_y() > pdf.h - 30:
        pdf.add_page()
    page = pdf.page_no()
    if block.kind == "list_item":
        pdf.set_x(pdf.l_margin + 5 + 5 * block.level)
        pdf.multi_cell(0, 5.2, encode("• ") + text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1 if following == "list_item" else 3)  # a list is tight, a paragraph after it is not
    elif block.kind == "table" and _fits_a_page(block.rows or [[block.text]]):
        _pdf_table(pdf, block.rows or [[block.text]], encode)
        pdf.ln(3)
    elif block.kind == "table":  # a cell longer than a page: fpdf2 cannot split a row, so cell by cell
        for cell in [cell for row in block.rows or [[block.text]] for cell in row if cell.strip()]:
            pdf.multi_cell(0, 5.2, encode(cell), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
    else:
        pdf.multi_cell(0, 5.2, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    return page


def _fits_a_page(rows: list[list[str]]) -> bool:
    """Whether every row can stand on one page: fpdf2 cannot split a row. About 2,500 characters
    of 10.5 pt text fill an A4 page; a cell 1/n of the width wide takes n times the height."""
    width = max(len(row) for row in rows)
    return all(len(cell) * width / span < 2000 for row in rows for cell, span in zip(row, _spans(row, width)))


def _spans(row: list[str], width: int) -> list[int]:
    """A short row's last cell spans the remaining columns (as the .docx writer merges them)."""
    return [1] * (len(row) - 1) + [width - len(row) + 1] if row else []


def _pdf_table(pdf, rows: list[list[str]], encode) -> None:
    width = max(len(row) for row in rows)
    with pdf.table(first_row_as_headings=False) as table:
        for cells in rows:
            row = table.row()
            for text, span in zip(cells, _spans(cells, width)):
                row.cell(encode(text), colspan=span)
