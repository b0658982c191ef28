"""`kotocheck report` and `kotocheck render`: the outputs people read.

`render --check` compares what `render` would write with the committed output and never
writes; without a FILE it checks every `[[render]]` entry of the settings file."""

from __future__ import annotations

import os
import shlex
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import typer

from kotocheck.cli import (fail_located, deliver, DocFormat, DocLang, ReportFormat, fail, output_format,
                           reference_date, same_file, suffix_format, templates_folder, message_text, write_error, app)
from kotocheck.visible import visible


LANG_HELP = ("Otsikoiden kieli; oletus asiakirjan language tai kotocheck.toml / language of headings; "
             "default: the document's language, else kotocheck.toml's.")


TEMPLATES_HELP = "Oma mallipohjakansio; samanniminen tiedosto korvaa valmiin / your templates folder, overrides by name."
OUTPUT_HELP = "Tulostiedosto (muuten vakiotuloste) / output file (stdout when not given)."
FORMAT_HELP = "{choices}; oletus tulostiedoston päätteestä, muuten {default} / default from the output's suffix, else {default}."
CHECK_HELP = ("Vertaa tallennettuun tulosteeseen, älä kirjoita; ilman tiedostoa kotocheck.toml:n \\[\\[render]]-kohdat / "
              "compare with the committed output, never write; without FILE, the \\[\\[render]] entries of kotocheck.toml.")


def _format(given: Optional[str], output: Optional[Path], choices: tuple[str, ...], default: str,
            command: str = "render") -> str:
    """The --format given, else the output file's suffix, else the default; a suffix that names
    no format here, or another one than --format, ends the command (cli.output_format)."""
    return output_format(given, output, choices, default, command)


@app.command()
def report(
    file: Path = typer.Argument(..., help="Tarkistettava YAML-tiedosto / YAML file."),
    format: Optional[ReportFormat] = typer.Option(None, "--format", "-f", show_default=False,
                                                  help=FORMAT_HELP.format(choices="md, html, json", default="md")),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help=OUTPUT_HELP),
    lang: Optional[DocLang] = typer.Option(None, "--lang", show_default=False, help=LANG_HELP),
    templates: Optional[Path] = typer.Option(None, "--templates", help=TEMPLATES_HELP),
    today: Optional[str] = typer.Option(None, "--today", hidden=True),
) -> None:
    """Puuteraportti: jokainen tarkistuslistan kohta tiloineen / the gap report of every checklist item."""
    from kotocheck import publish

    _not_the_input(file, output)
    fmt = _format(format and format.value, output, ("md", "html", "json"), "md", "report")
    templates = templates_folder(templates)
    _publish(file, output, lambda result, config: publish.gap_report(
        result, fmt, _language(result, lang and lang.value, config), templates or _templates(config)), today)


@dataclass
class RenderJob:
    """One document to render: what `kotocheck render` is given, and where it goes."""
    source: Path
    output: Optional[Path]
    format: str
    lang: Optional[str] = None  # None: the document's language, else the settings file's
    templates: Optional[Path] = None  # None: the settings file's templates folder

    def build(self, result, config) -> str:
        from kotocheck import publish

        return publish.document(result, self.source, self.format, _language(result, self.lang, config),
                                self.templates or _templates(config))

    def command(self) -> str:
        """The `kotocheck render` command that writes this output, with only the options it needs."""
        words = ["kotocheck", "render", _shown(self.source), "-o", _shown(self.output)]
        if self.format != (suffix_format(self.output, ("md", "html")) or "html"):
            words += ["--format", self.format]
        if self.lang not in (None, "fi"):
            words += ["--lang", self.lang]
        if self.templates is not None:
            words += ["--templates", _shown(self.templates)]
        return shlex.join(words)


def _shown(path: Path) -> str:
    """A path as the user can type it here: relative to the current folder when it is below it."""
    if not path.is_absolute():
        return str(path)
    relative = os.path.relpath(path)
    return path.as_posix() if relative.startswith("..") else relative


@app.command()
def render(
    file: Optional[Path] = typer.Argument(None, show_default=False,
                                          help="Ohjelma-, palvelu- tai seurantatiedosto / programme, services or follow-up."),
    format: Optional[DocFormat] = typer.Option(None, "--format", "-f", show_default=False,
                                               help=FORMAT_HELP.format(choices="md, html", default="html")),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help=OUTPUT_HELP),
    lang: Optional[DocLang] = typer.Option(None, "--lang", show_default=False, help=LANG_HELP),
    templates: Optional[Path] = typer.Option(None, "--templates", help=TEMPLATES_HELP),
    check: bool = typer.Option(False, "--check", help=CHECK_HELP),
    today: Optional[str] = typer.Option(None, "--today", hidden=True),
) -> None:
    """Julkaistava asiakirja / the document as a council or website publishes it."""
    given = (format and format.value, lang and lang.value, templates_folder(templates))
    if file is None:
        if not check:
            fail("give a FILE to render, or --check to check the [[render]] entries of kotocheck.toml", 2)
        if output is not None:
            fail("-o needs a FILE; without one, --check takes the outputs from kotocheck.toml", 2)
        _check(_configured_jobs(*given), today)
    elif check:
        if output is None:
            fail("--check needs -o OUT, the committed output to compare with", 2)
        _check([_job(file, output, *given)], today)
    else:
        _not_the_input(file, output)
        _publish(file, output, _job(file, output, *given).build, today)


def _job(source: Path, output: Optional[Path], fmt: Optional[str], lang: Optional[str],
         templates: Optional[Path]) -> RenderJob:
    return RenderJob(source, output, _format(fmt, output, ("md", "html"), "html"), lang, templates)


def _configured_jobs(fmt: Optional[str], lang: Optional[str], templates: Optional[Path]) -> list[RenderJob]:
    """The [[render]] entries of the settings file found from the current folder, paths relative
    to that file; options given on the command line win over the file."""
    from kotocheck import config, discovery

    try:
        found = config.load()
        # pre-commit runs at the repository's top: settings kept in a subfolder are found below it
        configs = [found] if found.file is not None else [
            c for c in map(config.load, discovery.settings_below(Path.cwd())) if c.file is not None and c.settings.render]
    except config.ConfigError as exc:
        fail_located(exc.finding)
    configs = list({c.file: c for c in configs}.values())  # a pyproject.toml beside kotocheck.toml finds the same
    if not configs:
        fail(message_text("render.no_settings"), 2)
    if not found.settings.render and found.file is not None:
        fail(message_text("render.no_entries", file=_shown(found.file)), 2)
    return [_job(c.resolve(entry.source), c.resolve(entry.output), fmt or entry.format, lang or entry.lang,
                 templates or _templates(c))
            for c in configs for entry in c.settings.render]


def _check(jobs: list[RenderJob], today: Optional[str]) -> None:
    """One line per output that differs from what render would write now; exit 1 if any."""
    stale = [job for job in jobs if _committed(job.output) != _build(job.source, job.build, today)]
    for job in stale:
        typer.echo(visible(message_text("render.stale", output=_shown(job.output), command=job.command())))
    raise typer.Exit(1 if stale else 0)


def _language(result, given: Optional[str], config) -> str:
    """--lang, else the language the document says it is written in, else the settings file's."""
    if given:
        return given
    data = result.document.data if result.document is not None and isinstance(result.document.data, dict) else {}
    written = data.get("language")
    return written if written in ("fi", "en", "sv") else config.settings.lang


def _templates(config) -> Optional[Path]:
    """The settings file's templates folder; one that is not there ends the command, located at
    the setting, rather than being passed over for the built-in templates."""
    from kotocheck import config as config_module

    if not config.settings.templates:
        return None
    folder = config.resolve(config.settings.templates)
    if not folder.is_dir():
        fail_located(config_module.setting_error(config, "templates", "config.no_templates",
                                                 path=config.settings.templates).finding)
    return folder


def _committed(path: Path) -> Optional[str]:
    """The output as committed (None when missing or unreadable). Universal newlines, so a
    checkout with CRLF line ends is not reported as stale."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _not_the_input(file: Path, output: Optional[Path]) -> None:
    """Said first: `-o ohjelma.yaml` is above all the input, whatever its suffix says."""
    if output is not None and same_file(file, output):
        fail(f"{output}: -o names the input file; refusing to overwrite it", 2)


def _publish(file: Path, output: Optional[Path], build, today: Optional[str]) -> None:
    """Check the file, build the output, write it atomically (or to stdout)."""
    _not_the_input(file, output)
    text = _build(file, build, today)
    deliver(text, output)


def _build(file: Path, build, today: Optional[str]) -> str:
    """Check the file under its settings (as validate does) and build its output; errors that
    stop it end the command."""
    from kotocheck import config as config_module
    from kotocheck import publish
    from kotocheck.engine import check_files
    from kotocheck.render import TemplateError
    from kotocheck.reporters.text import finding_lines

    try:
        config = config_module.load(file.parent if file.parent.is_dir() else None)
        result = next(check_files([file], reference_date(today), display=_shown))
    except config_module.ConfigError as exc:
        fail_located(exc.finding)
    try:
        return build(result, config)
    except publish.NotRenderable:
        blocking = [f for f in result.findings if f.rule.split(".")[0] in ("yaml", "input", "doc", "schema")]
        for finding in blocking or result.findings:
            write_error("\n".join(finding_lines(finding, "fi")) + "\n")
        fail(f"{file}: korjaa yllä olevat virheet ensin / fix the errors above first", 2 if result.unreadable else 1)
    except TemplateError as exc:
        fail(f"template error: {exc}", 2)
