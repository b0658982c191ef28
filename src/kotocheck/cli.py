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


class DocLang(str, enum.Enum):
    fi = "fi"
    en = "en"
    sv = "sv"


class DocFormat(str, enum.Enum):
    md = "md"
    html = "html"


class ReportFormat(str, enum.Enum):
    md = "md"
    html = "html"
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


TEMPLATES_HELP = "Oma mallipohjakansio; samanniminen tiedosto korvaa valmiin / your templates folder, overrides by name."
OUTPUT_HELP = "Tulostiedosto (muuten vakiotuloste) / output file (stdout when not given)."


@app.command()
def report(
    file: Path = typer.Argument(..., help="Tarkistettava YAML-tiedosto / YAML file."),
    format: ReportFormat = typer.Option(ReportFormat.md, "--format", "-f", help="md, html tai json."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help=OUTPUT_HELP),
    lang: DocLang = typer.Option(DocLang.fi, "--lang", help="Otsikoiden kieli / language of headings."),
    templates: Optional[Path] = typer.Option(None, "--templates", help=TEMPLATES_HELP),
    today: Optional[str] = typer.Option(None, "--today", hidden=True),
) -> None:
    """Puuteraportti: jokainen tarkistuslistan kohta tiloineen / the gap report of every checklist item."""
    from kotocheck import publish

    _publish(file, output, lambda result: publish.gap_report(result, format.value, lang.value, templates), today)


@app.command()
def render(
    file: Path = typer.Argument(..., help="Ohjelma-, palvelu- tai seurantatiedosto / programme, services or follow-up."),
    format: DocFormat = typer.Option(DocFormat.html, "--format", "-f", help="md tai html."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help=OUTPUT_HELP),
    lang: DocLang = typer.Option(DocLang.fi, "--lang", help="Otsikoiden kieli / language of headings."),
    templates: Optional[Path] = typer.Option(None, "--templates", help=TEMPLATES_HELP),
    today: Optional[str] = typer.Option(None, "--today", hidden=True),
) -> None:
    """Julkaistava asiakirja / the document as a council or website publishes it."""
    from kotocheck import publish

    _publish(file, output, lambda result: publish.document(result, file, format.value, lang.value, templates), today)


def _publish(file: Path, output: Optional[Path], build, today: Optional[str]) -> None:
    """Check the file, build the output, write it atomically (or to stdout)."""
    from kotocheck import publish
    from kotocheck.engine import Options, check_file
    from kotocheck.output import OutputError, same_file, write_atomic
    from kotocheck.render import TemplateError
    from kotocheck.reporters.text import finding_lines

    if output is not None and same_file(file, output):
        _fail(f"{output}: -o names the input file; refusing to overwrite it", 2)
    result = check_file(file, Options(today=_today(today)), display=str(file))
    try:
        text = build(result)
    except publish.NotRenderable:
        blocking = [f for f in result.findings if f.rule.split(".")[0] in ("yaml", "input", "doc", "schema")]
        for finding in blocking or result.findings:
            sys.stderr.write("\n".join(finding_lines(finding, "fi")) + "\n")
        _fail(f"{file}: korjaa yllä olevat virheet ensin / fix the errors above first", 2 if result.unreadable else 1)
    except TemplateError as exc:
        _fail(f"template error: {exc}", 2)
    if output is None:
        sys.stdout.write(text)
        return
    try:
        write_atomic(output, text)
    except OutputError as exc:
        _fail(str(exc), 2)


def _fail(message: str, code: int) -> None:
    sys.stderr.write(f"kotocheck: {message}\n")
    raise typer.Exit(code)


def _write(text: str, colour: bool) -> None:
    """Colour only on a terminal, and never when NO_COLOR is set."""
    if colour and sys.stdout.isatty() and not os.environ.get("NO_COLOR"):
        from kotocheck.reporters.terminal import print_coloured

        print_coloured(text)
    else:
        sys.stdout.write(text)


def main() -> None:
    app()
