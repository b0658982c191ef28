"""`kotocheck validate`: findings of files and folders, in the format the user or CI needs."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import List, Optional

import typer

from kotocheck.cli import fail_located, FailOn, Format, Lang, emit, fail, reference_date, app
from kotocheck.visible import visible

PROGRESS_FROM = 10  # files; fewer finish before a bar would help


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
    from kotocheck import config as config_module, discovery
    from kotocheck.engine import check_files, settings_said
    from kotocheck.findings import Severity

    try:
        base = config_module.load(files[0] if files else Path.cwd())
    except config_module.ConfigError as exc:
        fail_located(exc.finding, lang.value if lang else "fi")
    # Paths from the settings file are shown relative to the current folder, as if typed.
    targets = discovery.find(list(files) if files else [_relative(base.resolve(p)) for p in base.settings.paths])
    if files:  # pre-commit passes what changed: settings files, and documents others refer to
        targets = _changed(list(files), targets, with_referrers, lang.value if lang else base.settings.lang)
    if list_files:
        sys.stdout.write(visible("".join(f"{p}\n" for p in targets)))
        raise typer.Exit(0)
    if not targets:
        fail(_pick_message("out.no_files", (lang.value if lang else base.settings.lang)), 2)
    chosen = _format(format)
    language = lang.value if lang else ("en" if base.settings.lang == "en" else "fi")
    try:
        results = list(check_files(_progress(targets, chosen), reference_date(today), use_waivers=not no_waivers))
    except config_module.ConfigError as exc:
        fail_located(exc.finding, language)
    settings_said(targets, results)  # waivers and [severity] entries that apply to nothing
    from kotocheck import reporters

    emit(reporters.get(chosen)(results, language), colour=chosen == "text")
    if chosen == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        _append_step_summary(results, language)
    threshold = Severity((fail_on.value if fail_on else base.settings.fail_on.value)).rank
    if any(r.unreadable for r in results):
        raise typer.Exit(2)
    failing = any(f.severity.rank >= threshold for r in results for f in r.findings)
    raise typer.Exit(1 if failing and not exit_zero else 0)


def _format(given: Optional[Format]) -> str:
    if given is not None:
        return given.value
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def _relative(path: Path) -> Path:
    """Relative to the current folder when below it, else as it is."""
    try:
        return path.relative_to(Path.cwd().resolve())
    except ValueError:
        return path


def _progress(targets: list[Path], chosen: str):
    """A progress bar on a terminal (stderr) when there are many files."""
    if len(targets) < PROGRESS_FROM or not sys.stderr.isatty():
        return targets
    from rich.progress import track

    return track(targets, description="kotocheck", console=_stderr_console(), transient=True)


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True, no_color=bool(os.environ.get("NO_COLOR")))


def _append_step_summary(results, lang: str) -> None:
    """Append within what is left of GitHub's 1 MiB. The summary is an extra: a path that cannot
    be written (a folder, no permission, a FIFO nobody reads) costs one line, never the verdict."""
    from kotocheck import i18n
    from kotocheck.reporters import github

    path = os.environ["GITHUB_STEP_SUMMARY"]
    try:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NONBLOCK, 0o666)
        try:
            data = github.step_summary(results, lang, github.SUMMARY_LIMIT - os.fstat(fd).st_size).encode("utf-8")
            while data:
                data = data[os.write(fd, data):]
        finally:
            os.close(fd)
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the path
        reason = getattr(exc, "strerror", None) or str(exc)
        line = i18n.pick(i18n.message("out.summary_unwritable", file=path, reason=reason), lang)
        sys.stderr.write(f"kotocheck: {visible(line)}\n")  # the path comes from the environment


def _pick_message(key: str, lang: str) -> str:
    from kotocheck import i18n

    return i18n.pick(i18n.MESSAGES[key], lang)


# ---------------------------------------------------------------------------------------------
# pre-commit: what a change means (the validate hook in .pre-commit-hooks.yaml)

def _changed(files: list[Path], targets: list[Path], with_referrers: bool, lang: str) -> list[Path]:
    """A settings file given stands for the documents it governs: its `paths`, else every document
    in its folder (a changed [severity] or waiver changes their verdicts). With --with-referrers,
    the documents that refer to a given one are checked too (discovery.referrers)."""
    from kotocheck import config as config_module, discovery, references

    settings = [f for f in files if f.name in discovery.SETTINGS_NAMES and f.is_file()]
    if settings:
        expanded = [f for f in files if f not in settings]
        for file in settings:
            try:
                found = config_module.load(file)
            except config_module.ConfigError as exc:
                fail_located(exc.finding, lang)
            if found.file is not None:  # a pyproject.toml without [tool.kotocheck] governs nothing
                expanded += [_relative(found.resolve(p)) for p in found.settings.paths] or [_relative(found.root)]
        targets = discovery.find(expanded)
        if not targets and len(settings) == len(files):
            raise typer.Exit(0)  # settings that govern no document: nothing to check
    if with_referrers and targets:
        # the whole repository (where pre-commit runs): a reference never leads outside it
        targets = targets + [_relative(p) for p in discovery.referrers(targets, references.root(Path.cwd()))]
    return targets
