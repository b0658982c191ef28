"""`kotocheck validate`: findings of files and folders, in the format the user or CI needs.

The command's body lives in kotocheck.fast_cli, which the command line also runs without typer for
validate's plain spellings; this is its typer declaration (the options as fast_cli.OPTIONS has
them: tests/test_lean_start.py compares the two)."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from kotocheck import fast_cli
from kotocheck.cli import FailOn, Format, Lang, app, reference_date
from kotocheck.fast_cli import PROGRESS_FROM, _append_step_summary, _changed, _relative  # noqa: F401  (kept importable)


@app.command()
def validate(
    files: Optional[List[Path]] = typer.Argument(None, help="Tiedostot tai kansiot / files or folders (default: paths in kotocheck.toml)."),
    lang: Optional[Lang] = typer.Option(None, "--lang", help="Kieli / language of the messages (fi, en)."),
    format: Optional[Format] = typer.Option(None, "--format", "-f", help="text, json, github, gitlab, sarif, junit (github when GITHUB_ACTIONS=true)."),
    fail_on: Optional[FailOn] = typer.Option(None, "--fail-on", help="Vakavuus, josta poistutaan koodilla 1 / severity that fails the run."),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Raportoi, mutta älä epäonnistu / report without failing."),
    no_waivers: bool = typer.Option(False, "--no-waivers", help="Näytä, mitä poikkeukset piilottavat / show what waivers hide."),
    list_files: bool = typer.Option(False, "--list-files", help="Listaa tarkistettavat tiedostot / list the files that would be checked."),
    with_referrers: bool = typer.Option(False, "--with-referrers", help="Myös asiakirjat, jotka viittaavat annettuihin (pre-commit) / "
                                        "also the documents that refer to those given (pre-commit)."),
    today: Optional[str] = typer.Option(None, "--today", hidden=True, help="Reference date (tests)."),
) -> None:
    """Tarkista ohjelma tarkistuslistaa ja lakia vasten / check files against the checklist and the law."""
    try:
        fast_cli.validate(list(files) if files else None, lang.value if lang else None,
                          format.value if format else None, fail_on.value if fail_on else None, exit_zero,
                          no_waivers, list_files, with_referrers, today=lambda: reference_date(today))
    except fast_cli.Exit as exc:
        raise typer.Exit(exc.code) from None
