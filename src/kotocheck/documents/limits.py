"""Safety bounds shared by the document readers.

A programme document comes from outside (a municipality's web site, an e-mail attachment), so a
reader must stop on a file built to exhaust memory or time, and say so in one line instead of
hanging the CI job or the reviewer's laptop."""

from __future__ import annotations

import signal
import threading
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .model import DocumentError

# The biggest real programmes we have seen are ~5 MB PDFs with photos; 50 MB leaves room for
# scanned annexes while keeping a hostile file from being read into memory at all.
MAX_FILE_BYTES = 50 * 1024 * 1024

# A .docx/.odt is a zip: XML compresses ~10-100x, so a 50 MB file may honestly inflate to a few
# hundred MB; 200 MB (per member and in total) stops a zip bomb long before memory runs out.
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024

# Word and LibreOffice files hold tens of members (XML parts, images); thousands mean a crafted zip
# whose central directory alone would take time to walk.
MAX_ZIP_MEMBERS = 5000

# The longest programme is under 100 pages; 2,000 covers a programme bound with every annex and
# refuses a PDF whose page tree claims millions of pages.
MAX_PDF_PAGES = 2000

# A 100-page programme exported from Word has a few thousand objects; rebuilding a damaged
# cross-reference table walks every object, and 300,000 take ~5 s: 100,000 keeps that under 2 s.
MAX_PDF_OBJECTS = 100_000

# Reading a normal document takes well under a second; 30 s means a file crafted to make a parser
# crawl (quadratic structures, endless content streams), and we give up on it.
TIME_BUDGET_SECONDS = 30

# Real HTML nests some tens of elements deep; 1,000 open elements mean a page built to blow the
# reader's stack of open elements (each kept in memory until closed).
MAX_HTML_DEPTH = 1000

# Members parsed as XML (and any other that looks like XML) are checked for a DOCTYPE first.
_XML_SUFFIXES = (".xml", ".rels")
_CHUNK = 1024 * 1024


def read_bytes(path: Path, file: str) -> bytes:
    """The file's bytes, refusing a file over MAX_FILE_BYTES without reading it (and counting what
    is read too: a device or a growing file can lie about its size). The reading and its reasons
    are the loader's, as for a YAML file."""
    from kotocheck import loader

    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise too_big(file, MAX_FILE_BYTES)
    except OSError:
        pass  # the reading below says why, in the loader's words
    try:
        data = loader.read_bytes(path, file, MAX_FILE_BYTES)
    except loader.LoadError as exc:
        message = exc.finding.message
        raise DocumentError(file, message["fi"], message["en"]) from None
    if len(data) > MAX_FILE_BYTES:
        raise too_big(file, MAX_FILE_BYTES)
    return data


def too_big(file: str, limit: int, what_fi: str = "tiedosto", what_en: str = "the file") -> DocumentError:
    mb = limit // (1024 * 1024)
    return DocumentError(file, f"{what_fi} on yli {mb} Mt: liian suuri luettavaksi",
                         f"{what_en} is over {mb} MB: too big to read")


def unzip(data: bytes, file: str, label: str) -> dict[str, bytes]:
    """Every member of a zip (a .docx or .odt) inflated within the bounds, and each XML member
    checked for a DOCTYPE. The sizes in the central directory are checked first (cheap), then the
    bytes are counted while inflating, because those headers can lie."""
    import io

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise not_valid(file, label) from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_ZIP_MEMBERS:
            raise DocumentError(file, f"zip-paketissa on yli {MAX_ZIP_MEMBERS} osaa",
                                f"the zip package has over {MAX_ZIP_MEMBERS} members")
        if sum(info.file_size for info in infos) > MAX_UNZIPPED_BYTES:
            raise too_big(file, MAX_UNZIPPED_BYTES, "purettu sisältö", "the unpacked content")
        members: dict[str, bytes] = {}
        total = 0
        for info in infos:
            if info.is_dir():
                continue
            body = _inflate(archive, info, file, label, MAX_UNZIPPED_BYTES - total)
            total += len(body)
            if info.filename.lower().endswith(_XML_SUFFIXES) or _looks_like_xml(body):
                refuse_doctype(body, file, info.filename)
            members[info.filename] = body
    return members


def _inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo, file: str, label: str, room: int) -> bytes:
    parts: list[bytes] = []
    size = 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                size += len(chunk)
                if size > room:
                    raise too_big(file, MAX_UNZIPPED_BYTES, "purettu sisältö", "the unpacked content")
                parts.append(chunk)
    except DocumentError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, ValueError, OSError, EOFError,
            RuntimeError):  # RuntimeError: an encrypted member
        raise not_valid(file, label, info.filename) from None
    except Exception:  # zlib.error and the like: a damaged stream
        raise not_valid(file, label, info.filename) from None
    return b"".join(parts)


def _looks_like_xml(body: bytes) -> bool:
    """A part the package may declare as XML under any name (the content type decides, not the
    suffix): text starting with '<', or UTF-16 with its byte-order mark."""
    return body[:2] in (b"\xff\xfe", b"\xfe\xff") or body.lstrip(b" \t\r\n\xef\xbb\xbf")[:1] == b"<"


def refuse_doctype(body: bytes, file: str, member: str) -> None:
    """Office XML never has a DOCTYPE; one in a document part can only declare entities (XXE, the
    'billion laughs'), so it is refused before any XML parser sees it."""
    head = body
    if body[:2] in (b"\xff\xfe", b"\xfe\xff"):
        head = body.decode("utf-16", "replace").encode("utf-8", "replace")
    lowered = head.lower()
    if b"<!doctype" in lowered or b"<!entity" in lowered:
        raise DocumentError(file, "asiakirjan XML-osassa on DOCTYPE-määrittely, jota ei lueta turvallisuussyistä",
                            "an XML part of the document has a DOCTYPE declaration, refused for safety",
                            member)


def not_valid(file: str, label: str, where: str | None = None) -> DocumentError:
    return DocumentError(file, f"tiedosto on vioittunut tai ei ole kelvollinen {label}-tiedosto",
                         f"the file is damaged or not a valid {label} file", where)


class _OutOfTime(BaseException):  # BaseException: a parser's own `except Exception` must not swallow it
    pass


@contextmanager
def time_budget(file: str, seconds: float | None = None) -> Iterator[None]:
    """Stops a reader that runs past the budget. signal.setitimer works only in the main thread and
    where SIGALRM exists (not Windows); elsewhere the size bounds alone protect."""
    seconds = TIME_BUDGET_SECONDS if seconds is None else seconds  # read now: tests lower it
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expire(signum, frame):  # noqa: ARG001 - the signal handler's signature
        raise _OutOfTime

    previous = signal.signal(signal.SIGALRM, expire)
    outer, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
    started = time.monotonic()
    try:
        yield
    except _OutOfTime:
        raise DocumentError(file, f"tiedoston lukeminen kesti yli {seconds:g} s, joten se keskeytettiin",
                            f"reading the file took over {seconds:g} s and was stopped") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        # None: a handler set outside Python; the default is the closest we can put back
        signal.signal(signal.SIGALRM, previous if previous is not None else signal.SIG_DFL)
        if outer:  # a caller's own timer keeps running, less the time spent here
            signal.setitimer(signal.ITIMER_REAL, max(outer - (time.monotonic() - started), 0.001))
