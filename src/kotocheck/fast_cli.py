"""`kotocheck validate` without typer: its options, its body, and a lean entry for the command line.

Starting typer (and click) costs more than checking a document does. The command line's most
common call, `validate`, is therefore parsed here by a small parser that understands only the
plain spellings of validate's options; anything else (help, another command, an unknown or
repeated option, a value it is unsure of) returns None and the typer app handles the whole run, so
help and usage errors stay typer's. `cli.validating` declares the same options for typer and calls
the same `validate` body below; tests/test_lean_start.py keeps the two declarations equal and
compares the outputs of both paths byte for byte.

This module must not import typer, click, rich or jinja2 at module level."""

from __future__ import annotations

import datetime as dt
import errno
import os
import sys
from pathlib import Path
from typing import Callable, Optional

PROGRESS_FROM = 10  # files; fewer finish before a bar would help

# validate's options: (long name, short name, parameter, choices or None for free text; a flag has
# choices (False, True)), default None or False. cli.validating declares the same for typer.
CHOICES = {
    "lang": ("fi", "en"),
    "format": ("text", "json", "github", "gitlab", "sarif", "junit"),
    "fail_on": ("error", "warning", "info"),
}
OPTIONS: tuple[tuple[str, Optional[str], str, Optional[tuple]], ...] = (
    ("--lang", None, "lang", CHOICES["lang"]),
    ("--format", "-f", "format", CHOICES["format"]),
    ("--fail-on", None, "fail_on", CHOICES["fail_on"]),
    ("--exit-zero", None, "exit_zero", (False, True)),
    ("--no-waivers", None, "no_waivers", (False, True)),
    ("--list-files", None, "list_files", (False, True)),
    ("--with-referrers", None, "with_referrers", (False, True)),
    ("--today", None, "today", None),
)


class Exit(Exception):
    """The end of the command with an exit code (typer.Exit in the typer path)."""

    def __init__(self, code: int):
        super().__init__(code)
        self.code = code


def parse(argv: list[str]) -> dict | None:
    """validate's arguments as the typer command would receive them (strings for the choices), or
    None when the typer app should parse them: only spellings whose meaning is certain are taken."""
    if not argv or argv[0] != "validate":
        return None
    names = {}
    for long, short, param, choices in OPTIONS:
        names[long] = (param, choices)
        if short:
            names[short] = (param, choices)
    values: dict = {param: (False if choices == (False, True) else None) for _, _, param, choices in OPTIONS}
    seen: set[str] = set()
    files: list[Path] = []
    args = argv[1:]
    index = 0
    while index < len(args):
        arg = args[index]
        index += 1
        if not arg or arg in ("-", "--"):
            return None  # an empty path, stdin or the end of options: typer's business
        if not arg.startswith("-"):
            files.append(Path(arg))
            continue
        name, has_value, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if name not in names:
            return None  # --help, a short cluster like -fjson, an unknown or misspelled option
        param, choices = names[name]
        if param in seen:
            return None  # given twice: click's rule for that is not ours to copy
        seen.add(param)
        if choices == (False, True):
            if has_value:
                return None
            values[param] = True
            continue
        if not has_value:
            if index >= len(args):
                return None
            value = args[index]
            index += 1
        if not value or value.startswith("-") or (choices is not None and value not in choices):
            return None  # a missing or bad value: typer's usage error says it
        values[param] = value
    if _reference_date(values["today"]) is None:
        return None  # a bad --today or KOTOCHECK_TODAY: typer's error for it
    values["files"] = files or None
    return values


def _reference_date(value: Optional[str]) -> Optional[dt.date]:
    """The reference date of --today, else KOTOCHECK_TODAY, else today; None for a text that is
    no date (cli.reference_date makes that typer's usage error)."""
    text = value or os.environ.get("KOTOCHECK_TODAY")
    if not text:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------
# the command itself, shared by both paths

def validate(files: Optional[list[Path]], lang: Optional[str], format: Optional[str], fail_on: Optional[str],
             exit_zero: bool, no_waivers: bool, list_files: bool, with_referrers: bool,
             today: Callable[[], dt.date]) -> None:
    """Check files against the checklist and the law; always ends with Exit. `today` gives the
    reference date when it is needed (a bad one is a usage error of the caller's)."""
    from kotocheck import config as config_module, discovery
    from kotocheck.engine import check_files
    from kotocheck.settings_findings import settings_said
    from kotocheck.findings import Severity
    from kotocheck.visible import visible

    try:
        base = config_module.load(files[0] if files else Path.cwd())
    except config_module.ConfigError as exc:
        fail_located(exc.finding, lang or "fi")
    # Paths from the settings file are shown relative to the current folder, as if typed.
    targets = discovery.find(list(files) if files else [_relative(base.resolve(p)) for p in base.settings.paths])
    if files:  # pre-commit passes what changed: settings files, and documents others refer to
        targets = _changed(list(files), targets, with_referrers, lang or base.settings.lang)
    if list_files:
        sys.stdout.write(visible("".join(f"{p}\n" for p in targets)))
        raise Exit(0)
    if not targets:
        fail(_pick_message("out.no_files", lang or base.settings.lang), 2)
    chosen = _format(format)
    language = lang or ("en" if base.settings.lang == "en" else "fi")
    try:
        results = list(check_files(_progress(targets, chosen), today(), use_waivers=not no_waivers))
    except config_module.ConfigError as exc:
        fail_located(exc.finding, language)
    settings_said(targets, results)  # waivers and [severity] entries that apply to nothing
    from kotocheck import reporters

    emit(reporters.get(chosen)(results, language), colour=chosen == "text")
    if chosen == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        _append_step_summary(results, language)
    threshold = Severity(fail_on or base.settings.fail_on.value).rank
    if any(r.unreadable for r in results):
        raise Exit(2)
    failing = any(f.severity.rank >= threshold for r in results for f in r.findings)
    raise Exit(1 if failing and not exit_zero else 0)


def write_error(text: str) -> None:
    from kotocheck.visible import visible

    sys.stderr.write(visible(text))


def fail(message: str, code: int) -> None:
    write_error(f"kotocheck: {message}\n")
    raise Exit(code)


def fail_located(finding, lang: str = "fi") -> None:
    """A located error that stops the command (a broken settings file): its lines, exit 2."""
    from kotocheck.reporters.text import finding_lines

    write_error("\n".join(finding_lines(finding, lang)) + "\n")
    raise Exit(2)


def emit(text: str, colour: bool) -> None:
    """As cli.emit: colour only on a terminal without NO_COLOR; control characters made visible."""
    from kotocheck.visible import visible

    text = visible(text)
    if colour and sys.stdout.isatty() and not os.environ.get("NO_COLOR"):
        from kotocheck.reporters.terminal import print_coloured

        print_coloured(text)
    else:
        sys.stdout.write(text)


def _format(given: Optional[str]) -> str:
    if given is not None:
        return given
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
    from kotocheck.visible import visible

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
            raise Exit(0)  # settings that govern no document: nothing to check
    if with_referrers and targets:
        # the whole repository (where pre-commit runs): a reference never leads outside it
        targets = targets + [_relative(p) for p in discovery.referrers(targets, references.root(Path.cwd()))]
    return targets


# ---------------------------------------------------------------------------------------------
# the lean entry (command line only)

def main(argv: list[str]) -> int | None:
    """Run `validate` when `argv` is one this module fully understands and return its exit code
    (every output written and flushed); None: nothing was done, the typer app is to run."""
    if os.environ.get("KOTOCHECK_TYPER") or any(k.startswith("_") and k.endswith("_COMPLETE") for k in os.environ):
        return None  # forced typer path (tests), or a shell-completion request
    values = parse(argv)
    if values is None:
        return None
    today = values.pop("today")
    try:
        try:
            _prepare()
            validate(**values, today=lambda: _reference_date(today))
        except Exit as exc:
            code = exc.code
        except KeyboardInterrupt:
            code = 130  # as typer: no message
        sys.stdout.flush()  # here, not at teardown: a broken pipe must be caught as the typer path does
    except Exception as exc:
        if isinstance(exc, OSError) and exc.errno == errno.EPIPE:
            return _broken_pipe()
        if os.environ.get("KOTOCHECK_DEBUG"):  # a bug of ours: one line and exit 2 (as cli.main)
            raise
        write_error(f"kotocheck: {_message_text('cli.internal_error', error=f'{type(exc).__name__}: {exc}')}\n")
        return 2
    return code


def _prepare() -> None:
    import gc

    from kotocheck import checklist, engine  # noqa: F401  (what every run needs, imported here once)

    checklist.TRUST_BUNDLED = True  # the shipped data is validated by the test suite, not at each run
    gc.freeze()  # what the imports made lives to the end: later collections need not look at it


def _broken_pipe() -> int:
    """A reader that went away (`| head -1`): exit 1 without a word, as click does."""
    try:  # what is still buffered goes nowhere: the reader is gone
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    return 1


def _message_text(key: str, **params) -> str:
    """As cli.message_text: the settings' language here, Finnish when there are none."""
    from kotocheck import config, i18n

    try:
        lang = config.load(Path.cwd()).settings.lang
    except Exception:
        lang = "fi"
    return i18n.pick(i18n.message(key, **params), lang)
