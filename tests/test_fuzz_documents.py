"""Hostile and random input to the document readers: whatever the bytes, `read` gives a
SourceDocument or one DocumentError line naming the file, within seconds and bounded memory,
never a traceback. Hand-made attacks: zip bombs, XXE / entity declarations in Word and ODF
parts, PDFs with page-tree loops, deep nesting and very many objects, huge and deeply nested HTML."""

from __future__ import annotations

import io
import struct
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from document_fixtures import document, write
from kotocheck.documents import DocumentError, SourceDocument, limits, read

SUFFIXES = [".docx", ".pdf", ".odt", ".html", ".md", ".txt"]
SAMPLE = document([
    ("heading", "Kotouttamisohjelma", 1),
    ("paragraph", "Kunta vastaa kotoutumisen edistämisestä – yhdessä TE-toimiston kanssa."),
    ("list_item", "alkukartoitus", 0),
    ("table", "", 0, [["Mittari", "Tavoite"], ["A2", "60 %"]]),
], title="Näyte")
FUZZ = settings(max_examples=60, deadline=5000, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                        HealthCheck.too_slow])


def outcome(path: Path, seconds: float = 5.0) -> SourceDocument | DocumentError:
    """Read, and hold the reader to the contract: a document or one DocumentError line, in time."""
    started = time.perf_counter()
    try:
        result: SourceDocument | DocumentError = read(path, display=path.name)
    except DocumentError as error:
        message = str(error)
        assert "\n" not in message and message.startswith(path.name) and " / " in message, message
        assert "Traceback" not in message
        result = error
    assert time.perf_counter() - started < seconds
    return result


def bounded(path: Path, seconds: float = 5.0, peak_mb: int = 150) -> SourceDocument | DocumentError:
    """outcome(), and the memory Python allocated on the way stays under peak_mb."""
    tracemalloc.start()
    try:
        result = outcome(path, seconds)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < peak_mb * 1024 * 1024, f"peak {peak / 1e6:.0f} MB"
    return result


def refused(path: Path, seconds: float = 5.0, peak_mb: int = 150) -> DocumentError:
    result = bounded(path, seconds, peak_mb)
    assert isinstance(result, DocumentError), f"{path.name} was read: {result}"
    return result


@pytest.fixture(scope="module")
def valid(tmp_path_factory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("valid")
    out = {}
    for suffix in SUFFIXES:
        path = folder / f"sample{suffix}"
        write(SAMPLE, path)
        out[suffix] = path.read_bytes()
    return out


# --- random and mutated bytes ---------------------------------------------------------------------
@pytest.mark.parametrize("suffix", SUFFIXES)
@FUZZ
@given(data=st.binary(max_size=4096))
def test_random_bytes(suffix, data, tmp_path):
    path = tmp_path / f"satunnainen{suffix}"
    path.write_bytes(data)
    outcome(path)


@pytest.mark.parametrize("suffix", SUFFIXES)
@FUZZ
@given(edits=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)), min_size=1, max_size=8),
       cut=st.one_of(st.none(), st.floats(0.1, 1)))
def test_mutated_files(suffix, edits, cut, valid, tmp_path):
    data = bytearray(valid[suffix])
    for where, byte in edits:
        data[int(where * len(data))] = byte
    if cut is not None:
        data = data[: int(cut * len(data))]
    path = tmp_path / f"muutettu{suffix}"
    path.write_bytes(bytes(data))
    outcome(path)


@pytest.mark.parametrize("suffix", [".md", ".html", ".txt"])
@FUZZ
@given(text=st.text(max_size=2000))
def test_random_text(suffix, text, tmp_path):
    path = tmp_path / f"teksti{suffix}"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    result = outcome(path)
    if "\x00" not in text and isinstance(result, SourceDocument):
        assert [b.place.block for b in result.blocks] == list(range(1, len(result.blocks) + 1))


# --- zip bombs --------------------------------------------------------------------------------------
def _docx_with(valid: bytes, member: str, body: bytes | None = None, stream=None) -> bytes:
    """The valid sample with one member replaced (`stream` writes a big body in chunks)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(valid)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != member:
                target.writestr(info, source.read(info))
        if stream is not None:
            with target.open(member, "w", force_zip64=True) as handle:
                stream(handle)
        else:
            target.writestr(member, body)
    return out.getvalue()


def test_small_zip_bomb(valid, tmp_path, monkeypatch):
    """A ~1 KB zip whose document.xml inflates past the bound (lowered for the test to 512 KB, as
    deflate can only reach ~1000:1)."""
    monkeypatch.setattr(limits, "MAX_UNZIPPED_BYTES", 512 * 1024)
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<" * (1024 * 1024))
    assert len(bomb.getvalue()) < 2048
    path = tmp_path / "pommi.docx"
    path.write_bytes(bomb.getvalue())
    error = refused(path)
    assert "512 KB" not in error.en and "unpacked content" in error.en


def test_zip_bomb_at_the_real_bound(valid, tmp_path):
    """document.xml of 210 MB of zeros (~200 KB compressed): refused from the central directory,
    before anything is inflated."""
    def zeros(handle):
        chunk = b"\0" * (1024 * 1024)
        for _ in range(210):
            handle.write(chunk)

    path = tmp_path / "pommi.docx"
    path.write_bytes(_docx_with(valid[".docx"], "word/document.xml", stream=zeros))
    assert path.stat().st_size < 1024 * 1024
    assert "200 MB" in refused(path).en


def test_zip_headers_that_lie_about_size(valid, tmp_path):
    """The central directory says 100 bytes, the member inflates to 3 MB: the bytes are counted
    (and zipfile's CRC check fails), nothing big is held."""
    data = bytearray(_docx_with(valid[".docx"], "word/document.xml", b"<w:document>" + b"a" * 3_000_000))
    central = data.rfind(b"PK\x01\x02" + data[data.find(b"PK\x01\x02") + 4: data.find(b"PK\x01\x02") + 4][:0])
    for signature, offset in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):
        at = 0
        while (at := data.find(signature, at)) >= 0:
            name_length = struct.unpack_from("<H", data, at + (28 if signature == b"PK\x01\x02" else 26))[0]
            name_at = at + (46 if signature == b"PK\x01\x02" else 30)
            if data[name_at: name_at + name_length] == b"word/document.xml":
                struct.pack_into("<I", data, at + offset, 100)
            at += 4
    assert central >= 0
    path = tmp_path / "valehtelija.docx"
    path.write_bytes(bytes(data))
    refused(path)


def test_too_many_zip_members(tmp_path):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for number in range(limits.MAX_ZIP_MEMBERS + 1):
            archive.writestr(f"x{number}", b"")
    path = tmp_path / "monta.odt"
    path.write_bytes(out.getvalue())
    assert "members" in refused(path).en


# --- XXE and entity declarations --------------------------------------------------------------
XXE = (b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
       b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
       b"<w:t>&x;</w:t></w:r></w:p></w:body></w:document>")
LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">'
          b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;">]><office:document-content '
          b'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"><office:body>&lol3;</office:body>'
          b"</office:document-content>")


def test_docx_external_entity_is_refused(valid, tmp_path):
    path = tmp_path / "xxe.docx"
    path.write_bytes(_docx_with(valid[".docx"], "word/document.xml", XXE))
    error = refused(path)
    assert "DOCTYPE" in error.en and error.where == "word/document.xml" and "root:" not in str(error)


def test_docx_doctype_in_utf16_part_is_refused(valid, tmp_path):
    body = XXE.replace(b'encoding="UTF-8"', b'encoding="UTF-16"').decode("utf-8").encode("utf-16")
    path = tmp_path / "xxe16.docx"
    path.write_bytes(_docx_with(valid[".docx"], "word/styles.xml", body))
    assert "DOCTYPE" in refused(path).en


def test_python_docx_parser_does_not_resolve_entities():
    """Second line of defence: python-docx's lxml parser leaves an external entity unresolved."""
    from docx.oxml.parser import parse_xml

    element = parse_xml(XXE)
    assert "root:" not in "".join(element.itertext())


@pytest.mark.parametrize("payload", [XXE, LAUGHS], ids=["external-entity", "billion-laughs"])
def test_odt_entities_are_refused(payload, valid, tmp_path):
    path = tmp_path / "xxe.odt"
    path.write_bytes(_docx_with(valid[".odt"], "content.xml", payload))
    error = refused(path)
    assert "DOCTYPE" in error.en and error.where == "content.xml"


# --- hostile PDFs ----------------------------------------------------------------------------------
def _pdf(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF with a correct cross-reference table for the given objects (numbered from 1)."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)


def _page(content: bytes) -> list[bytes]:
    return [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"]


def test_handmade_pdf_is_read(tmp_path):
    """The hostile PDFs below are built by this helper; a sound one reads."""
    path = tmp_path / "kasin.pdf"
    path.write_bytes(_pdf(_page(b"BT /F1 12 Tf 72 700 Td (Kotoutuminen alkaa) Tj ET")))
    assert read(path).blocks[0].text == "Kotoutuminen alkaa"


def test_pdf_page_tree_loop(tmp_path):
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 3 0 R] /Count 1 >>"]
    path = tmp_path / "silmukka.pdf"
    path.write_bytes(_pdf(objects))
    bounded(path)  # pypdf may break the loop itself (no pages: no text) or refuse: either is one line


def test_pdf_deep_nesting(tmp_path):
    deep = b"[" * 100_000 + b"]" * 100_000
    objects = _page(b"BT /F1 12 Tf 72 700 Td (x) Tj ET")
    objects[2] = objects[2].replace(b"/MediaBox", b"/Deep " + deep + b" /MediaBox")
    path = tmp_path / "syva.pdf"
    path.write_bytes(_pdf(objects))
    bounded(path)


def test_pdf_deep_nesting_in_content(tmp_path):
    path = tmp_path / "syva-sisalto.pdf"
    path.write_bytes(_pdf(_page(b"BT /F1 12 Tf 72 700 Td " + b"[" * 100_000 + b"(x) Tj ET")))
    bounded(path)


def _broken_xref(objects: int) -> bytes:
    """Many objects and a startxref pointing nowhere: pypdf rebuilds the table by scanning."""
    data = _pdf(_page(b"BT /F1 12 Tf 72 700 Td (Kotoutuminen) Tj ET") + [b"<< /A [1 2 3] >>"] * objects)
    return data[: data.rfind(b"xref")] + b"trailer\n<< /Root 1 0 R >>\nstartxref\n123\n%%EOF\n"


def test_pdf_huge_object_count(tmp_path):
    """300,000 objects (17 MB): refused by a count before parsing."""
    path = tmp_path / "monta.pdf"
    path.write_bytes(_broken_xref(300_000))
    assert "objects" in refused(path, seconds=1).en


def test_pdf_many_objects_within_the_bound(tmp_path, capfd):
    """Just under the bound, with the cross-reference table to rebuild: read in time, silently."""
    path = tmp_path / "monta.pdf"
    path.write_bytes(_broken_xref(limits.MAX_PDF_OBJECTS - 10))
    result = outcome(path, seconds=4)  # (not bounded(): tracemalloc would slow this one tenfold)
    assert isinstance(result, SourceDocument) and result.blocks[0].text == "Kotoutuminen"
    assert capfd.readouterr().err == ""  # pypdf's warnings are not printed


def test_pdf_too_many_pages(tmp_path):
    count = limits.MAX_PDF_PAGES + 1
    kids = b" ".join(b"3 0 R" for _ in range(count))
    objects = _page(b"BT /F1 12 Tf 72 700 Td (x) Tj ET")
    objects[1] = b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % count
    path = tmp_path / "sivuja.pdf"
    path.write_bytes(_pdf(objects))
    assert "pages" in refused(path).en


# --- huge and deep HTML ----------------------------------------------------------------------------
def test_html_over_the_size_bound(tmp_path):
    path = tmp_path / "iso.html"
    with path.open("wb") as handle:
        handle.truncate(limits.MAX_FILE_BYTES + 1)  # sparse: 50 MB on paper, nothing on disk
    assert "50 MB" in refused(path, peak_mb=5).en


@pytest.mark.parametrize("tag", ["div", "b", "ul"])
def test_html_nested_100000_deep(tag, tmp_path):
    path = tmp_path / "syva.html"
    path.write_text(f"<{tag}>" * 100_000 + "teksti" + f"</{tag}>" * 100_000, encoding="utf-8")
    assert "nested" in refused(path).en


def test_time_budget_stops_a_slow_reader(tmp_path, monkeypatch):
    """A reader that runs past the budget is stopped with one line (budget lowered for the test)."""
    from kotocheck.documents import text

    def crawl(data, file):
        while True:
            pass

    monkeypatch.setattr(limits, "TIME_BUDGET_SECONDS", 0.3)
    monkeypatch.setattr(text, "read", crawl)
    path = tmp_path / "hidas.txt"
    path.write_text("x", encoding="utf-8")
    assert "stopped" in refused(path, seconds=3).en
