"""`kotocheck summary`: the ELY reviewer's table of many programmes."""

from __future__ import annotations

import os

import enum
import sys
from pathlib import Path
from typing import List, Optional

import typer

from kotocheck.cli import deliver, DocLang, app, fail, output_format, reference_date, same_file, say


class SummaryFormat(str, enum.Enum):
    text = "text"
    md = "md"
    html = "html"
    csv = "csv"
    json = "json"


@app.command()
def summary(
    paths: List[Path] = typer.Argument(..., help="Ohjelmatiedostot tai kansiot / programme files or folders."),
    format: Optional[SummaryFormat] = typer.Option(None, "--format", "-f", help="text, md, html, csv tai json (oletus -o:n päätteestä / default from -o's suffix, else text)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o",
                                          help="Tulostiedosto (muuten vakiotuloste) / output file (stdout when not given)."),
    lang: DocLang = typer.Option(DocLang.fi, "--lang", help="Otsikoiden kieli / language of headings."),
    today: Optional[str] = typer.Option(None, "--today", hidden=True, help="Reference date (tests)."),
) -> None:
    """Yhteenvetotaulukko ohjelmista: voimassaolo, kattavuus, puutteet / one row per programme for the reviewer.

    Kansiot käydään läpi alikansioineen. Poistuu koodilla 0, kun yhteenveto syntyi (havainnot ovat
    sen sisältöä), ja koodilla 2, kun polkua ei ole tai -o hylätään."""
    from kotocheck import discovery
    from kotocheck import summary as summaries
    from kotocheck.render import TemplateError

    day = reference_date(today)
    for path in paths:
        if not os.path.exists(path):  # os.path: an overlong name does not exist, never an error
            fail(f"{path}: tiedostoa tai kansiota ei ole / no such file or folder", 2)
    files = discovery.find(list(paths))
    if output is not None:
        for path in [*paths, *files]:
            if same_file(path, output):
                fail(f"{output}: -o names an input ({path}); refusing to overwrite it", 2)
    chosen = output_format(format and format.value, output, tuple(f.value for f in SummaryFormat), "text", "summary")
    if not files:
        say("cli.no_documents")
    from kotocheck import config as config_module

    try:
        built = summaries.check(files, day)
    except config_module.ConfigError as exc:
        fail(f"{exc.finding.file}:{exc.finding.line}:{exc.finding.column}: {exc.finding.message[lang.value if lang.value != 'sv' else 'fi']}", 2)
    try:
        text = summaries.output(built, chosen, lang.value)
    except TemplateError as exc:
        fail(f"template error: {exc}", 2)
    deliver(text, output)

