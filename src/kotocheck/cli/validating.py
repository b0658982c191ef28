"""`kotocheck validate`: findings of one or more files."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from kotocheck.cli import FailOn, Format, Lang, reference_date, emit, app


@app.command()
def validate(
    files: List[Path] = typer.Argument(..., help="Tarkistettavat YAML-tiedostot / YAML files to check."),
    lang: Lang = typer.Option(Lang.fi, "--lang", help="Kieli / language of the messages."),
    format: Format = typer.Option(Format.text, "--format", "-f", help="Tulosteen muoto / output format."),
    fail_on: FailOn = typer.Option(FailOn.error, "--fail-on", help="Vakavuus, josta poistutaan koodilla 1."),
    today: Optional[str] = typer.Option(None, "--today", hidden=True, help="Reference date (tests)."),
) -> None:
    """Tarkista ohjelma tarkistuslistaa ja lakia vasten / check files against the checklist and the law."""
    from kotocheck.engine import Options, check_file
    from kotocheck.findings import Severity
    from kotocheck import reporters

    options = Options(today=reference_date(today))
    results = [check_file(path, options, display=str(path)) for path in files]
    output = reporters.get(format.value)(results, lang.value)
    emit(output, colour=format is Format.text)
    threshold = Severity(fail_on.value).rank
    if any(r.unreadable for r in results):
        raise typer.Exit(2)
    failing = any(f.severity.rank >= threshold for r in results for f in r.findings)
    raise typer.Exit(1 if failing else 0)
