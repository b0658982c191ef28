"""`kotocheck report` and `kotocheck render`: the outputs people read."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from kotocheck.cli import DocFormat, DocLang, ReportFormat, fail, reference_date, app


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
        fail(f"{output}: -o names the input file; refusing to overwrite it", 2)
    result = check_file(file, Options(today=reference_date(today)), display=str(file))
    try:
        text = build(result)
    except publish.NotRenderable:
        blocking = [f for f in result.findings if f.rule.split(".")[0] in ("yaml", "input", "doc", "schema")]
        for finding in blocking or result.findings:
            sys.stderr.write("\n".join(finding_lines(finding, "fi")) + "\n")
        fail(f"{file}: korjaa yllä olevat virheet ensin / fix the errors above first", 2 if result.unreadable else 1)
    except TemplateError as exc:
        fail(f"template error: {exc}", 2)
    if output is None:
        sys.stdout.write(text)
        return
    try:
        write_atomic(output, text)
    except OutputError as exc:
        fail(str(exc), 2)
