"""PDF with pypdf's text layer, page by page. pypdf reports each piece of text with its position
and font size; pieces on one baseline make a line, and a vertical gap clearly wider than the
page's usual line spacing (or a jump back up, as in the next column or table cell) ends a
paragraph. Lines of a paragraph are joined; a word split at a line end ("kotou-" + "tuminen") is
joined back, while a real hyphen stays ("sosiaali- ja", "TE-toimisto", "linja-auto"). A short
paragraph in a clearly larger font is a heading (level by how much larger); bullet and numbered
lines are list items. Every block carries its page.

Not read: tables as tables (their cells come as paragraphs, in the PDF's order), images (a
scanned page has no text: a PDF without any text is refused), annotations and form fields."""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass, field

from . import limits
from .model import BlockList, DocumentError, SourceDocument, clean
from .text import add_lines, is_caps_heading, is_list_line

# joining words after a hyphen at a line end: these keep "- " ("sosiaali- ja terveyspalvelut")
_CONJUNCTIONS = {"ja", "tai", "sekä", "eli", "että", "kuin", "and", "or", "och", "eller", "to"}
_VOWELS = set("aeiouyäöåAEIOUYÄÖÅ")
_HEADING_RATIOS = ((1.35, 1), (1.15, 2), (1.06, 3))  # font size / body size -> heading level
_PARAGRAPH_GAP = 1.3  # a gap this many times the usual line spacing ends a paragraph


@dataclass
class _Line:
    y: float
    size: float
    parts: list[str] = field(default_factory=list)
    x: float = 0.0  # where the line starts: a list item's nesting is its indentation
    bold: bool = True  # every piece of the line in a bold font

    @property
    def text(self) -> str:
        return "".join(self.parts).strip()


def read(data: bytes, file: str) -> SourceDocument:
    objects = data.count(b" obj")  # "12 0 obj": a cheap upper bound, before any parsing
    if objects > limits.MAX_PDF_OBJECTS:
        raise DocumentError(file, f"PDF:ssä on yli {limits.MAX_PDF_OBJECTS} objektia, liian monta luettavaksi",
                            f"the PDF has over {limits.MAX_PDF_OBJECTS} objects, too many to read")
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)  # pypdf's warnings on a damaged file would print on the user's stderr
    try:
        return _read(data, file)
    finally:
        logger.setLevel(level)


def _read(data: bytes, file: str) -> SourceDocument:
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data))
    _decrypt(reader, file)
    count = len(reader.pages)
    if count > limits.MAX_PDF_PAGES:
        raise DocumentError(file, f"PDF:ssä on {count} sivua, enintään {limits.MAX_PDF_PAGES} luetaan",
                            f"the PDF has {count} pages, at most {limits.MAX_PDF_PAGES} are read")
    pages = [_lines(page) for page in reader.pages]
    if not any(line.text for lines in pages for line in lines):
        raise DocumentError(file,
                            "PDF:ssä ei ole tekstikerrosta (skannattu kuva?); tallenna teksti-PDF:nä tai Word-tiedostona",
                            "the PDF has no text layer (scanned image?); save it as a text PDF or a Word file")
    body = _body_size(pages)
    spacing = _line_spacing(pages)
    blocks = BlockList()
    for number, lines in enumerate(pages, 1):
        for index, group in enumerate(_groups(lines, spacing)):
            if index == 0 and _continues(blocks, group, body):
                add_lines(blocks, _merge_items(group)[1:], number)  # the items after the continued text
            else:
                _add_group(blocks, group, body, number)
    return SourceDocument(file, "pdf", blocks.blocks, title=_title(reader), pages=count)


def _decrypt(reader, file: str) -> None:
    """Many public PDFs are 'encrypted' with an empty password just to forbid editing."""
    if not reader.is_encrypted:
        return
    try:
        if reader.decrypt(""):
            return
    except Exception:  # pypdf raises several kinds (a missing AES library among them)
        pass
    raise DocumentError(file, "PDF on salattu salasanalla, eikä sitä voi lukea",
                        "the PDF is encrypted with a password and cannot be read")


def _lines(page) -> list[_Line]:
    """The page's text as lines with baseline and font size, in the PDF's own order."""
    lines: list[_Line] = []

    def visit(text, cm, tm, font, size) -> None:  # noqa: ANN001 - pypdf's visitor signature
        if not text:
            return
        if not text.strip("\n"):
            lines.append(_Line(y=float("nan"), size=0.0))  # pypdf's own line break: a placeholder
            return
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = abs(tm[3] * cm[3]) or abs(tm[2] * cm[2]) or 1.0
        line = lines[-1] if lines else None
        if line is None or (line.parts and abs(line.y - y) > 2) or line.y != line.y:  # NaN: a placeholder
            if line is not None and not line.parts:
                lines.pop()
            line = _Line(y=y, size=size * scale, x=tm[4] * cm[0] + tm[5] * cm[2] + cm[4])
            lines.append(line)
        line.parts.append(text.replace("\n", " "))
        line.size = max(line.size, size * scale)
        line.bold = line.bold and _is_bold(font)

    page.extract_text(visitor_text=visit)
    return [line for line in lines if line.text]


def _is_bold(font) -> bool:
    try:
        name = str(font.get("/BaseFont", "")) if font is not None else ""
    except Exception:  # a damaged font dictionary: not bold, the text still counts
        return False
    return any(mark in name for mark in ("Bold", "Black", "Heavy", "Semibold"))


def _body_size(pages: list[list[_Line]]) -> float:
    """The font size most of the text is in (weighted by characters)."""
    weight: dict[float, int] = {}
    for lines in pages:
        for line in lines:
            key = round(line.size, 1)
            weight[key] = weight.get(key, 0) + len(line.text)
    return max(weight, key=weight.get) if weight else 0.0


def _line_spacing(pages: list[list[_Line]]) -> dict[float, float]:
    """The usual step from one line to the next, per font size, over the whole document. Not the
    median: in a document of one-line paragraphs most steps are paragraph gaps; the lower fifth
    of the steps is the spacing inside paragraphs whenever some paragraphs wrap at all."""
    steps: dict[float, list[float]] = {}
    for lines in pages:
        for above, below in zip(lines, lines[1:]):
            step = above.y - below.y
            if abs(above.size - below.size) <= 0.5 and 0 < step < 3 * max(above.size, 1):
                steps.setdefault(round(above.size), []).append(step)
    # capped at 1.45 x the size (above 1.5-line spacing): when no paragraph wraps at all, every
    # step is a paragraph gap, and the cap still lets the gaps (usually 2x the size) break
    return {size: min(sorted(found)[len(found) // 5], 1.45 * size) for size, found in steps.items()}


def _groups(lines: list[_Line], spacing: dict[float, float]) -> list[list[_Line]]:
    """Lines into paragraphs: a break at a gap wider than usual, a jump up, or a change of size."""
    groups: list[list[_Line]] = []
    for line in lines:
        if groups:
            last = groups[-1][-1]
            step = last.y - line.y
            same_size = abs(last.size - line.size) <= 0.5
            usual = spacing.get(round(last.size), last.size * 1.2)
            if same_size and 0 < step <= max(usual * _PARAGRAPH_GAP, last.size * 1.05):
                groups[-1].append(line)
                continue
        groups.append([line])
    return groups


def _add_group(blocks: BlockList, group: list[_Line], body: float, page: int) -> None:
    texts = [line.text for line in group]
    level = _heading_level(group, body)
    if level:
        blocks.add("heading", join_lines(texts), level, page)
    else:
        add_lines(blocks, _merge_items(group), page)


def _continues(blocks: BlockList, group: list[_Line], body: float) -> bool:
    """A paragraph running over a page break: the page's first lines continue the last paragraph
    of the page before when that one has no sentence end and these start in lower case. They are
    joined to it (up to the group's first list line), and the paragraph keeps the page it starts on."""
    last = blocks.blocks[-1] if blocks.blocks else None
    first = group[0].text
    if (last is None or last.kind not in ("paragraph", "list_item") or last.text[-1] in ".!?:;"
            or not first[:1].islower() or _heading_level(group, body)):
        return False
    if is_list_line(first):
        return False
    last.text = clean(join_lines([last.text, _merge_items(group)[0]]))
    return True


def _heading_level(group: list[_Line], body: float) -> int:
    if body <= 0 or len(group) > 2 or len(join_lines([line.text for line in group])) > 150:
        return 0
    ratio = min(line.size for line in group) / body
    level = next((level for limit, level in _HEADING_RATIOS if ratio >= limit), 0)
    if not level and len(group) == 1 and group[0].bold and is_caps_heading(group[0].text):
        return 1  # a bold ALL-CAPS line in the body's size: a chapter heading of a plain Word file
    return level


def _merge_items(group: list[_Line]) -> list[str]:
    """The group's lines with wrapped lines joined to the line they continue (by the hyphen
    rules), so that text.add_lines sees one line per paragraph or list item, a list line indented
    by a space per 6 pt it starts right of the group's leftmost item (add_lines ranks indents)."""
    items = [line.x for line in group if is_list_line(line.text)]
    left = min(items) if items else 0.0
    merged: list[tuple[int, str]] = []  # (indent, text)
    for line in group:
        if merged and not is_list_line(line.text):
            merged[-1] = (merged[-1][0], join_lines([merged[-1][1], line.text]))
        else:
            indent = max(round((line.x - left) / 6), 0) if is_list_line(line.text) else 0
            merged.append((indent, line.text))
    return [" " * indent + text for indent, text in merged]


def join_lines(lines: list[str]) -> str:
    out = ""
    for line in lines:
        line = line.strip()
        if not out:
            out = line
        elif out.endswith(("-", "\xad")) and len(out) > 1 and out[-2].isalpha():
            out = _join_hyphen(out, line)
        else:
            out = f"{out} {line}"
    return out


def _join_hyphen(before: str, after: str) -> str:
    """A hyphen at a line end: a split word is joined ("kotou-" "tuminen"); a hyphen that belongs
    to the text stays: before a conjunction ("sosiaali- ja"), after a capital or digit
    ("TE-toimisto"), between equal vowels ("linja-auto"), before a capital ("Pohjois-Suomi")."""
    stem = before.rstrip("-\xad")
    if before.endswith("\xad"):
        return stem + after
    first_word = re.split(r"[\s,.;:]", after, maxsplit=1)[0]
    if first_word.lower() in _CONJUNCTIONS:
        return f"{before} {after}"
    last, first = stem[-1], after[:1]
    keeps_hyphen = (not last.islower() or not first.islower()
                    or (last == first and last in _VOWELS))
    return (before if keeps_hyphen else stem) + after


def _title(reader) -> str | None:
    try:
        title = reader.metadata.title if reader.metadata else None
    except Exception:  # damaged metadata is no reason to refuse the text
        return None
    title = " ".join(str(title).split()) if title else ""
    return title or None
