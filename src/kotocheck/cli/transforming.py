"""`kotocheck migrate` and `kotocheck fmt`: rewriting a document without losing anything."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import List, Optional

import typer

from kotocheck.cli import app, fail, say, reference_date, write_error


def _read(path: Path) -> str:
    from kotocheck import loader

    try:
        return loader.read_text(path, str(path))
    except loader.LoadError as exc:
        f = exc.finding
        fail(f"{f.file}: {f.message['fi']} / {f.message['en']}", 2)
    raise AssertionError  # pragma: no cover


def _copy_atomic(source: Path, target: Path) -> None:
    """A byte-identical copy, written to a temporary file and renamed into place."""
    data = source.read_bytes()
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent if str(target.parent) else ".")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, source.stat().st_mode & 0o777)
        os.replace(tmp, target)
        tmp = None
    finally:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)


def _bom(path: Path) -> str:
    """A UTF-8 byte order mark when the file starts with one: the reader drops it, fmt keeps it. Only
    a regular file is read again (a pipe would wait)."""
    try:
        if path.is_file():
            with path.open("rb") as handle:
                return "\ufeff" if handle.read(3) == b"\xef\xbb\xbf" else ""
    except OSError:
        pass
    return ""


@app.command()
def migrate(
    file: Path = typer.Argument(..., help="Siirrettävä ohjelma / the programme to migrate."),
    to: str = typer.Option("kotoutuminen-681-2023", "--to", help="Kohdetarkistuslista / target checklist."),
    output: Optional[Path] = typer.Option(None, "--output", "-o",
                                          help="Uusi tiedosto (ei koskaan FILE) / new file (never FILE)."),
    in_place: bool = typer.Option(False, "--in-place", "-i",
                                  help="Korvaa FILE atomisesti; vanha tallessa FILE.bak / rewrite FILE, keep FILE.bak."),
    force: bool = typer.Option(False, "--force",
                               help="Korvaa olemassa oleva -o-tiedosto tai FILE.bak / overwrite an existing -o file or FILE.bak."),
) -> None:
    """Siirrä ohjelma uuden tarkistuslistan muotoon / migrate a programme to another checklist.

    Vaihtaa checklist-kentän, lisää kohdetarkistuslistan kysymät puuttuvat kentät tyhjinä
    suomenkielisine kommentteineen ja kirjaa siirron alkuun. Mitään kirjoitettua ei poisteta:
    kommentit (myös ennen ---:ta ja ...:n jälkeen), arvot kirjoitusasuineen, avainten järjestys ja
    rivinvaihdot säilyvät.

    Sets `checklist:`, adds the keys the target checklist asks for that the file lacks (empty, with
    the item's Finnish comment) and a comment saying when and from where it was migrated. Nothing
    written is removed: comments (also before --- and after ...), values as written, key order and
    line breaks are kept. Without -o or --in-place the result goes to standard output.
    """
    from kotocheck import migrate as migrating
    from kotocheck.output import OutputError, same_file, write_atomic

    if output is not None and in_place:
        fail("valitse joko -o tai --in-place / choose either -o or --in-place", 2)
    text = _read(file)
    try:
        result, _ = migrating.migrate(text, str(file), to, reference_date(None))
    except migrating.MigrateError as exc:
        fail(str(exc), 2)
    result = _bom(file) + result  # as fmt: a byte order mark the file had stays
    if in_place:
        backup = file.with_name(file.name + ".bak")
        if (backup.exists() or backup.is_symlink()) and not force:
            fail(f"{backup}: varmuuskopio on jo olemassa; korvaa se valitsimella --force / backup exists, use --force", 2)
        try:
            _copy_atomic(file, backup)
            write_atomic(file, result)
        except OutputError as exc:
            fail(str(exc), 2)
        except OSError as exc:
            fail(f"{backup}: {exc.strerror or exc}", 2)
        say("cli.migrated", file=file, backup=backup)
        return
    if output is None:
        sys.stdout.write(result)
        return
    if same_file(output, file):
        fail(f"{output}: -o ei voi olla syötetiedosto; käytä --in-place / -o cannot be the input, use --in-place", 2)
    if (output.exists() or output.is_symlink()) and not force:
        fail(f"{output}: tiedosto on jo olemassa; korvaa se valitsimella --force / file exists, use --force", 2)
    try:
        write_atomic(output, result)
    except OutputError as exc:
        fail(str(exc), 2)
    say("cli.written", file=output)


@app.command()
def fmt(
    files: List[Path] = typer.Argument(..., help="Muotoiltavat YAML-tiedostot / YAML files to format."),
    check: bool = typer.Option(False, "--check",
                               help="Älä kirjoita; poistu koodilla 1, jos jokin muuttuisi (CI) / write nothing, exit 1 if any file would change."),
    output: Optional[Path] = typer.Option(None, "--output", "-o",
                                          help="Kirjoita tulos tähän (yksi FILE) / write the result here instead (one FILE)."),
) -> None:
    """Yhtenäistä sisennys ja lainausmerkit / normalise indentation and quoting, in place.

    Kuten muotoilutyökalut yleensä, fmt kirjoittaa tiedostot paikalleen (atomisesti); muuttumattomiin
    ei kosketa. Kommentit, arvot kirjoitusasuineen (+12, .5, !!str 2025), avainten järjestys, rivit
    ennen ---:ta ja ...:n jälkeen sekä rivinvaihdot (LF, CRLF tai CR; sekalaiset tiedoston ensimmäisen
    mukaan) säilyvät; rivejä ei rivitetä uudelleen.

    Like other formatters, fmt rewrites the files in place, atomically, and leaves unchanged files
    untouched. Two spaces per level, lists indented under their key, quotes only where YAML needs them
    (double quotes; the municipality code stays a quoted string). Every comment, value as written
    (+12, .5, !!str 2025), key order, the lines before --- and after ..., and the line breaks (LF, CRLF
    or CR; mixed ones become the file's first) are kept. --check writes nothing and exits 1 when a
    file would change; -o writes one file's result elsewhere. A file that cannot be read (YAML error,
    tab indentation) or kept exactly is left untouched: one line naming file:line:column, exit 2.
    """
    from kotocheck import formatting
    from kotocheck.output import OutputError, same_file, write_atomic

    if output is not None and (len(files) != 1 or check):
        fail("-o käy vain yhden tiedoston kanssa ilman --check-valitsinta / -o takes exactly one FILE and no --check", 2)
    if output is not None and same_file(output, files[0]):
        fail(f"{output}: jätä -o pois, niin tiedosto muotoillaan paikallaan / leave out -o to format in place", 2)
    errors = changed = 0
    for path in files:
        from kotocheck import loader

        try:
            text = loader.read_text(path, str(path))
            result = formatting.format_text(text, str(path))
        except loader.LoadError as exc:
            f = exc.finding
            write_error(f"kotocheck: {f.file}: {f.message['fi']} / {f.message['en']}\n")
            errors += 1
            continue
        except formatting.FormatError as exc:
            write_error(f"kotocheck: {exc}\n")
            errors += 1
            continue
        result = _bom(path) + result
        if output is not None:
            try:
                write_atomic(output, result)
            except OutputError as exc:
                fail(str(exc), 2)
            continue
        if path.read_bytes() == result.encode("utf-8"):
            continue
        changed += 1
        if check:
            say("cli.would_reformat", file=path)
            continue
        try:
            write_atomic(path, result)
        except OutputError as exc:
            write_error(f"kotocheck: {exc}\n")
            errors += 1
            continue
        say("cli.reformatted", file=path)
    if errors:
        raise typer.Exit(2)
    if check and changed:
        raise typer.Exit(1)
