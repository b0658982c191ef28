"""`kotocheck scan` and `kotocheck import`: from the document a municipality already has (Word, PDF,
ODT, a web page, Markdown or text) to a reviewer's first reading, or to a draft YAML programme.

Both need the optional document readers (`pip install "kotocheck[documents]"`); without them a
command says so in one line. Neither ever writes over a file."""

from __future__ import annotations

import enum
import os
import sys
from pathlib import Path
from typing import List, Optional

import typer

from kotocheck.cli import DocLang, app, deliver, fail, output_format, same_file, say, write_error

SUFFIXES = (".docx", ".pdf", ".odt", ".html", ".htm", ".md", ".markdown", ".txt")


class ScanFormat(str, enum.Enum):
    text = "text"
    md = "md"
    html = "html"
    json = "json"
    csv = "csv"


def _documents(paths: list[Path]) -> list[Path]:
    """The documents named, and those in the folders named (as validate searches them: subfolders
    too, hidden ones, virtual environments and node_modules not), in order."""
    from kotocheck import discovery

    for path in paths:
        if not os.path.exists(path):
            fail(f"{path}: tiedostoa tai kansiota ei ole / no such file or folder", 2)
    return discovery.find(paths, keep=_readable)


def _readable(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES and not path.name.startswith(".")


def _checklist(given: Optional[str], doc):
    """The checklist named, or the one the document's law, period and wording point to."""
    from kotocheck import checklist as checklists
    from kotocheck.scan import choose

    name = given or choose.choose_checklist(doc)
    path = checklists.available().get(name)
    if path is None:
        fail(f"{name}: tuntematon tarkistuslista / unknown checklist; "
             f"known: {', '.join(sorted(checklists.available()))}", 2)
    return checklists.load_checklist(path)


def _read(path: Path):
    """The document; a document that cannot be read ends the command with its one-line reason."""
    from kotocheck.documents import read
    from kotocheck.documents.model import DocumentError

    try:
        return read(path)
    except DocumentError as exc:
        fail(str(exc), 2)


@app.command()
def scan(
    paths: List[Path] = typer.Argument(..., help="Asiakirja tai kansio (.docx .pdf .odt .html .md .txt) / a document or folder."),
    checklist: Optional[str] = typer.Option(None, "--checklist", "-c",
                                            help="Tarkistuslista (oletus asiakirjan laista ja kaudesta) / checklist; "
                                                 "default from the document's law and period."),
    format: Optional[ScanFormat] = typer.Option(None, "--format", "-f", show_default=False,
                                                help="text, md, html, json; kansiolle myös csv (oletus -o:n päätteestä) / "
                                                     "also csv for a folder (default from -o's suffix, else text)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Tulostiedosto (muuten vakiotuloste) / output file."),
    lang: DocLang = typer.Option(DocLang.fi, "--lang", help="Tulosteen kieli / language of the output."),
) -> None:
    """Esitarkastus ilman YAMLia: mistä kohdista asiakirjassa on näyttöä / a reviewer's first reading of a document.

    Osoittaa kunkin tarkistuslistan kohdan näytön lainauksineen ja sivuineen; arvion tekee
    tarkastaja. Kansio tai useampi asiakirja: yksi rivi kutakin kohden. Poistuu koodilla 0, kun
    kaikki asiakirjat luettiin, ja 2, kun jokin jäi lukematta."""
    from kotocheck.render import TemplateError

    documents = _documents(list(paths))
    region = len(documents) != 1 or any(os.path.isdir(p) for p in paths)
    choices = ("text", "md", "html", "json", "csv") if region else ("text", "md", "html", "json")
    fmt = output_format(format and format.value, output, choices, "text", "scan")
    if fmt not in choices:
        fail("csv on kansion yhteenvedolle / csv is for a folder's summary", 2)
    if output is not None and any(same_file(p, output) for p in documents):
        fail(f"{output}: -o names an input; refusing to overwrite it", 2)
    if not documents:
        say("cli.no_documents")
    try:
        text, unread = (_region if region else _single)(documents, checklist, fmt, lang.value)
    except TemplateError as exc:
        fail(f"template error: {exc}", 2)
    deliver(text, output)
    if unread:
        raise typer.Exit(2)


def _scanned(doc, checklist: Optional[str]):
    """(checklist, result, facts) of one document."""
    from kotocheck.documents.facts import read_facts
    from kotocheck.scan.evidence import scan_document

    chosen = _checklist(checklist, doc)
    return chosen, scan_document(doc, chosen), read_facts(doc)


def _single(documents: list[Path], checklist: Optional[str], fmt: str, lang: str) -> tuple[str, int]:
    from kotocheck.scan import report

    chosen, result, facts = _scanned(_read(documents[0]), checklist)
    return report.output(result, chosen, facts, fmt, lang), 0


def _region(documents: list[Path], checklist: Optional[str], fmt: str, lang: str) -> tuple[str, int]:
    from kotocheck.documents import read
    from kotocheck.documents.model import DocumentError
    from kotocheck.scan import region, report

    rows, unread = [], 0
    with _progress(len(documents)) as advance:
        for path in documents:
            try:
                doc = read(path)
            except DocumentError as exc:  # a row with the reason; the other documents still count
                if exc.missing_extra:  # the same for every file: say it once
                    fail(str(exc), 2)
                write_error(f"kotocheck: {exc}\n")
                rows.append(region.failed(str(path), f"{exc.fi} / {exc.en}"))
                unread += 1
            else:
                chosen, result, facts = _scanned(doc, checklist)
                rows.append(region.row(report.view(result, chosen, facts, lang)))
            advance()
    return region.output(rows, fmt, lang), unread


class _progress:
    """A progress bar on a terminal's standard error for a folder of documents; nothing elsewhere."""

    def __init__(self, total: int):
        self.total, self.bar = total, None

    def __enter__(self):
        if sys.stderr.isatty() and self.total > 1:
            from rich.progress import Progress

            self.bar = Progress(transient=True)
            self.bar.start()
            task = self.bar.add_task("scan", total=self.total)
            return lambda: self.bar.advance(task)
        return lambda: None

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()


@app.command("import")
def import_(
    file: Path = typer.Argument(..., help="Asiakirja (.docx .pdf .odt .html .md .txt) / the document."),
    output: Optional[Path] = typer.Option(None, "--output", "-o",
                                          help="Uusi YAML-tiedosto; olemassa olevaa ei korvata / a new YAML file, never overwritten."),
    checklist: Optional[str] = typer.Option(None, "--checklist", "-c",
                                            help="Tarkistuslista (oletus asiakirjasta) / checklist (default from the document)."),
) -> None:
    """YAML-luonnos olemassa olevasta asiakirjasta / a draft YAML programme from the document you have.

    Jokainen kappale säilyy; jokaisen arvon vieressä on kommentti, mistä se luettiin. Mitä ei
    voitu sijoittaa, merkitään arvioimatta jääneeksi (not_assessed), ei keksitä."""
    from kotocheck import draft as drafts
    from kotocheck.documents.facts import read_facts

    if output is not None:
        if output.suffix.lower() not in (".yaml", ".yml"):
            fail(f"{output}: luonnos on YAML-tiedosto (.yaml) / the draft is a YAML file (.yaml)", 2)
        if os.path.lexists(output):
            fail(f"{output}: tiedosto on jo olemassa, sitä ei korvata / the file exists; import never overwrites", 2)
    doc = _read(file)
    chosen = _checklist(checklist, doc)
    if chosen.kind != "programme":  # the draft is a programme; a service package is another kind
        if checklist is not None:
            fail(f"{checklist}: luonnos tehdään ohjelman tarkistuslistalle, tämä on {chosen.kind}-listan / "
                 f"the draft is a programme: this checklist is for {chosen.kind}", 2)
        chosen = _checklist("kotoutuminen-681-2023", doc)  # the planning the Act asks of every municipality
    text = drafts.draft(doc, read_facts(doc), chosen.id)
    if output is None:
        deliver(text, None)
        return
    _write_new(output, text)
    say("cli.imported", path=output, source=file)


def _write_new(path: Path, text: str) -> None:
    """Create the file, failing if it appeared meanwhile: an existing file is never replaced."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        fail(f"{path}: tiedosto on jo olemassa, sitä ei korvata / the file exists; import never overwrites", 2)
    except OSError as exc:
        fail(f"{path}: {exc.strerror or exc}", 2)
