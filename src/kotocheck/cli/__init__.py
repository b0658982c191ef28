"""Command-line interface: wiring only. Commands parse options, call the core and print.

This module holds the typer app and what commands share; each command group has a module."""

from __future__ import annotations

import datetime as dt
import enum
import os
import sys
from pathlib import Path
from typing import Optional

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
    github = "github"
    gitlab = "gitlab"
    sarif = "sarif"
    junit = "junit"


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


def reference_date(value: Optional[str]) -> dt.date:
    text = value or os.environ.get("KOTOCHECK_TODAY")
    if not text:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(f"not a date (YYYY-MM-DD): {text}") from None


def say(key: str, **params) -> None:
    """A status line of a command that writes files (init, migrate, fmt), in one language: the
    `lang` of the settings in effect here (kotocheck.toml), Finnish when there are none. Swedish
    falls back to Finnish (these lines have no Swedish yet)."""
    from kotocheck import config, i18n

    try:
        lang = config.load(Path.cwd()).settings.lang
    except Exception:  # a broken settings file is reported by the commands that read it
        lang = "fi"
    sys.stderr.write(f"kotocheck: {i18n.pick(i18n.message(key, **params), lang)}\n")


def fail(message: str, code: int) -> None:
    sys.stderr.write(f"kotocheck: {message}\n")
    raise typer.Exit(code)


def fail_located(finding, lang: str = "fi") -> None:
    """A located error that stops the command (e.g. a broken settings file): its lines, exit 2."""
    from kotocheck.reporters.text import finding_lines

    sys.stderr.write("\n".join(finding_lines(finding, lang)) + "\n")
    raise typer.Exit(2)


def deliver(text: str, output: Optional[Path]) -> None:
    """A document to its file, written atomically, or to standard output."""
    from kotocheck.output import OutputError, write_atomic

    from kotocheck.visible import visible

    if output is None:
        sys.stdout.write(visible(text))  # a terminal or CI log acts on control characters
        return
    try:
        write_atomic(output, text)
    except OutputError as exc:
        fail(str(exc), 2)


def emit(text: str, colour: bool) -> None:
    """Colour only on a terminal, and never when NO_COLOR is set. Control characters from the
    documents are made visible first: a terminal or a CI log would act on them."""
    from kotocheck.visible import visible

    text = visible(text)
    if colour and sys.stdout.isatty() and not os.environ.get("NO_COLOR"):
        from kotocheck.reporters.terminal import print_coloured

        print_coloured(text)
    else:
        sys.stdout.write(text)


# Each command group is a module of its own; importing it registers its commands.
from kotocheck.cli import inspecting, publishing, scaffolding, summarising, transforming, validating  # noqa: E402,F401


def main() -> None:
    # Ctrl-C ends the run with exit code 130 (typer's handling); outputs are written to a
    # temporary file and renamed, so an interrupted run leaves nothing half-written.
    app()
