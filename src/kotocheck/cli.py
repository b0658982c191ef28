"""Command-line interface: wiring only. Commands parse options, call the core and print."""

from __future__ import annotations

import datetime as dt
import enum
import os
import sys
from pathlib import Path
from typing import List, Optional

import typer

from kotocheck import __version__

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Kunnan kotoutumisohjelman tarkistin / checks a municipal integration programme.")


class Lang(str, enum.Enum):
    fi = "fi"
    en = "en"


class Format(str, enum.Enum):
    text = "text"
    json = "json"


class FailOn(str, enum.Enum):
    error = "error"
    warning = "warning"
    info = "info"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kotocheck {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                              help="Näytä versio / show the version.")) -> None:
    """kotocheck: kotouttamis- ja kotoutumisohjelmien tarkistin."""


def _today(value: Optional[str]) -> dt.date:
    text = value or os.environ.get("KOTOCHECK_TODAY")
    if not text:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(f"not a date (YYYY-MM-DD): {text}") from None


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

    options = Options(today=_today(today))
    results = [check_file(path, options, display=str(path)) for path in files]
    output = reporters.get(format.value)(results, lang.value)
    _write(output, colour=format is Format.text)
    threshold = Severity(fail_on.value).rank
    if any(r.unreadable for r in results):
        raise typer.Exit(2)
    failing = any(f.severity.rank >= threshold for r in results for f in r.findings)
    raise typer.Exit(1 if failing else 0)


def _write(text: str, colour: bool) -> None:
    """Colour only on a terminal, and never when NO_COLOR is set."""
    if colour and sys.stdout.isatty() and not os.environ.get("NO_COLOR"):
        from kotocheck.reporters.terminal import print_coloured

        print_coloured(text)
    else:
        sys.stdout.write(text)


def main() -> None:
    app()
