"""Readers for a municipality's existing programme document: Word (.docx), PDF, OpenDocument
(.odt), HTML, Markdown and plain text, each giving the same SourceDocument (see model.py).

`read` picks the reader by the file's suffix, checks that the bytes look like that format, and
keeps every reader within the bounds in limits.py. The format modules (and python-docx, pypdf,
odfpy behind them) are imported only when a document is read, so `validate` never pays for them."""

from __future__ import annotations

import importlib
from pathlib import Path

from .model import Block, DocumentError, Place, SourceDocument

__all__ = ["Block", "DocumentError", "Place", "SourceDocument", "SUFFIXES", "read"]

# suffix -> (module, format name); the module has read(data: bytes, file: str) -> SourceDocument
SUFFIXES: dict[str, tuple[str, str]] = {
    ".docx": ("docx", "docx"),
    ".pdf": ("pdf", "pdf"),
    ".odt": ("odt", "odt"),
    ".html": ("html", "html"),
    ".htm": ("html", "html"),
    ".md": ("markdown", "md"),
    ".markdown": ("markdown", "md"),
    ".txt": ("text", "txt"),
}

# The third-party library each reader needs: (import name, pip name)
_LIBRARIES = {"docx": ("docx", "python-docx"), "pdf": ("pypdf", "pypdf"), "odt": ("odf", "odfpy")}

_INSTALL = 'pip install "kotocheck[documents]"'


def read(path: Path, display: str | None = None) -> SourceDocument:
    """Read a document into blocks. Every failure is a DocumentError with one line in Finnish and
    English naming the file (as `display` gives it, else the path)."""
    from . import limits

    path = Path(path)
    file = display if display is not None else str(path)
    module_name, fmt = _reader_for(path, file)
    data = limits.read_bytes(path, file)
    _check_magic(data, fmt, file)
    module = _load(module_name, fmt, file)
    with limits.time_budget(file):
        try:
            doc = module.read(data, file)
        except DocumentError:
            raise
        except (RecursionError, MemoryError):
            raise DocumentError(file, "tiedoston rakenne on liian syvä tai suuri luettavaksi",
                                "the file's structure is too deep or too large to read") from None
        except Exception as error:  # a parser's own error on a damaged file: the user needs one line
            raise limits.not_valid(file, fmt.upper()) from error  # (the cause stays for a developer)
    if not doc.blocks:  # nothing to scan or import: saying "not found" 36 times would mislead
        raise DocumentError(file, "asiakirjassa ei ole tekstiä", "the document has no text")
    return doc


def _reader_for(path: Path, file: str) -> tuple[str, str]:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        accepted = ", ".join(SUFFIXES)
        raise DocumentError(file, f"tuntematon tiedostotyyppi {suffix or '(ei päätettä)'}; luettavat: {accepted}",
                            f"unknown file type {suffix or '(no suffix)'}; accepted: {accepted}")
    return SUFFIXES[suffix]


def _check_magic(data: bytes, fmt: str, file: str) -> None:
    """The suffix says the format; the first bytes must agree, or the reader would report a
    confusing parse error (a .docx saved as .doc and renamed, a web page saved as .pdf)."""
    if fmt in ("docx", "odt") and not data.startswith(b"PK\x03\x04"):
        raise DocumentError(file,
                            f"tiedosto ei ole {fmt}-tiedosto (ei zip-paketti); tallenna se uudelleen {fmt}-muodossa",
                            f"the file is not a {fmt} file (not a zip package); save it again as {fmt}")
    if fmt == "pdf" and b"%PDF-" not in data[:1024]:
        raise DocumentError(file, "tiedosto ei ole PDF-tiedosto (alusta puuttuu %PDF-)",
                            "the file is not a PDF file (it does not start with %PDF-)")


def _load(module_name: str, fmt: str, file: str):
    library = _LIBRARIES.get(module_name)
    if library is not None:
        try:
            importlib.import_module(library[0])
        except ImportError:
            raise DocumentError(
                file,
                f"{fmt}-tiedostojen lukemiseen tarvitaan {library[1]}; asenna: {_INSTALL}",
                f"reading {fmt} files needs {library[1]}; install it: {_INSTALL}",
                missing_extra=True,
            ) from None
    return importlib.import_module(f"{__name__}.{module_name}")
