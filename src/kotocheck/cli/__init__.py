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
    from kotocheck.fast_cli import _reference_date  # one reading of --today and KOTOCHECK_TODAY for both paths

    day = _reference_date(value)
    if day is None:
        raise typer.BadParameter(f"not a date (YYYY-MM-DD): {value or os.environ.get('KOTOCHECK_TODAY')}")
    return day


def message_text(key: str, **params) -> str:
    """A command's own line in one language: the `lang` of the settings in effect here
    (kotocheck.toml), Finnish when there are none. Swedish falls back to Finnish (these lines
    have no Swedish yet)."""
    from kotocheck import config, i18n

    try:
        lang = config.load(Path.cwd()).settings.lang
    except Exception:  # a broken settings file is reported by the commands that read it
        lang = "fi"
    return i18n.pick(i18n.message(key, **params), lang)


def say(key: str, **params) -> None:
    """A status line of a command that writes files (init, migrate, fmt)."""
    write_error(f"kotocheck: {message_text(key, **params)}\n")


def write_error(text: str) -> None:
    """A line for standard error: file names and document text in it may hold control characters."""
    from kotocheck.visible import visible

    sys.stderr.write(visible(text))


def fail(message: str, code: int) -> None:
    write_error(f"kotocheck: {message}\n")
    raise typer.Exit(code)


def fail_located(finding, lang: str = "fi") -> None:
    """A located error that stops the command (e.g. a broken settings file): its lines, exit 2."""
    from kotocheck.reporters.text import finding_lines

    write_error("\n".join(finding_lines(finding, lang)) + "\n")
    raise typer.Exit(2)


def refuse(key: str, **params) -> None:
    """A one-line refusal in Finnish and English (i18n), exit 2: the command did nothing."""
    from kotocheck import i18n

    text = i18n.message(key, **params)
    fail(f"{text['fi']} / {text['en']}", 2)


# The suffixes that name each output format; the first is the one to suggest.
SUFFIXES = {"md": (".md", ".markdown"), "html": (".html", ".htm"), "json": (".json",), "csv": (".csv",),
            "text": (".txt",)}
# Suffixes of what kotocheck never writes: whoever names one expects that format, not ours.
FOREIGN = {".pdf", ".doc", ".docx", ".odt", ".rtf", ".xls", ".xlsx", ".ods", ".ppt", ".pptx", ".odp", ".png",
           ".jpg", ".jpeg", ".svg", ".xml", ".yaml", ".yml", ".toml", ".zip"}


def suffix_format(output: Optional[Path], choices: tuple[str, ...]) -> Optional[str]:
    """The format of `choices` the output's suffix names, or None."""
    suffix = output.suffix.lower() if output is not None else ""
    return next((fmt for fmt in choices if suffix and suffix in SUFFIXES[fmt]), None)


def output_format(given: Optional[str], output: Optional[Path], choices: tuple[str, ...], default: str,
                  command: str) -> str:
    """The format to write: --format, else the one the output's suffix names, else (no suffix) the
    default. Refused, as HTML written into `out.pdf` would go unnoticed until someone opens it: a
    suffix that names no format of the command when no --format says which (or one of a format
    kotocheck never writes), and a suffix naming another format than --format."""
    suffix = output.suffix.lower() if output is not None else ""
    if not suffix:
        return given or default
    named = suffix_format(output, choices)
    if named is None and (given is None or suffix in FOREIGN):
        refuse("cli.output_suffix", path=output, suffix=suffix, command=command,
               accepted=", ".join(s for fmt in choices for s in SUFFIXES[fmt]))
    if given and named and given != named:
        refuse("cli.output_mismatch", path=output, suffix=suffix, format=given, wanted=SUFFIXES[given][0])
    return given or named


def templates_folder(given: Optional[Path]) -> Optional[Path]:
    """--templates as given; a folder that is not there is refused rather than left unused."""
    if given is not None and not given.is_dir():
        refuse("cli.no_templates", path=given)
    return given


def same_file(a: Path, b: Path) -> bool:
    """output.same_file, safe for a symlink loop (Path.resolve raises on one in Python 3.11)."""
    from kotocheck import output

    try:
        return output.same_file(a, b)
    except (RuntimeError, OSError, ValueError):
        return os.path.realpath(a) == os.path.realpath(b)


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
from kotocheck.cli import (documents, inspecting, publishing, scaffolding, summarising, transforming,  # noqa: E402,F401
                           validating)


def main() -> None:
    # Ctrl-C ends the run with exit code 130 (typer's handling); outputs are written to a
    # temporary file and renamed, so an interrupted run leaves nothing half-written.
    try:
        app()
    except Exception as exc:  # a bug of ours: one line and exit 2 for the user; the tests see the exception
        if os.environ.get("KOTOCHECK_DEBUG"):
            raise
        write_error(f"kotocheck: {message_text('cli.internal_error', error=f'{type(exc).__name__}: {exc}')}\n")
        raise SystemExit(2) from None
