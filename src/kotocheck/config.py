"""Settings from `kotocheck.toml` or `[tool.kotocheck]` in `pyproject.toml`, found by
searching upward from the checked file (or the current folder). The command line wins
over the file, the file over the defaults; `origin` says where each setting came from.

    checklist = "kotoutuminen-681-2023"  # for programmes that do not name one, and for init
    lang = "fi"
    fail_on = "error"
    templates = "pohjat"                 # relative to the config file
    paths = ["ohjelma", "seuranta"]      # what `validate` checks when given no files
    max_bytes = 5000000

    [severity]                           # severity per rule id
    "2.2" = "info"

    [[waivers]]                          # a rule waived for files, with reason and approver
    rule = "5.8"
    files = "ohjelma/*.yaml"             # glob relative to the config file (default: all files)
    reason = "Ei kansainvälistä suojelua saavia asukkaita."
    approved_by = "Hyvinvointilautakunta 12.3.2025 § 14"
    expires = 2026-12-31                 # optional

    [[render]]                           # documents `kotocheck render --check` keeps up to date
    source = "ohjelma/ohjelma.yaml"
    output = "julkaisu/ohjelma.html"
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import PydanticCustomError

from kotocheck import i18n
from kotocheck.findings import Finding, Severity

NAMES = ("kotocheck.toml", "pyproject.toml")


class _Strict(BaseModel):
    # defer_build: the validator is built only when a settings file is read; a run without one
    # takes the defaults (default_settings) and never pays for it.
    model_config = ConfigDict(extra="forbid", defer_build=True)


class WaiverEntry(_Strict):
    rule: str
    files: str = "**"
    reason: str
    approved_by: str
    expires: dt.date | None = None

    @field_validator("rule", "files", "reason", "approved_by")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        # A reason of spaces is no reason: refused here rather than accepted and shown as nothing.
        if not value.strip():
            raise PydanticCustomError("blank", "blank text")
        return value

    @field_validator("expires", mode="before")
    @classmethod
    def _a_date(cls, value: Any) -> Any:
        # pydantic would read a number as seconds since 1970: expires = 20261231 is no date.
        if isinstance(value, (bool, int, float)):
            raise PydanticCustomError("not_date", "not a date")
        return value


class RenderEntry(_Strict):
    source: str
    output: str
    format: Literal["md", "html"] | None = None
    lang: Literal["fi", "en", "sv"] = "fi"


class Settings(_Strict):
    checklist: str | None = None
    lang: Literal["fi", "en", "sv"] = "fi"
    fail_on: Severity = Severity.ERROR
    templates: str | None = None
    paths: list[str] = []
    max_bytes: int = Field(default=5 * 1024 * 1024, gt=0, strict=True)  # strict: `true` is not 1
    severity: dict[str, Severity] = {}
    waivers: list[WaiverEntry] = []
    render: list[RenderEntry] = []


def default_settings() -> Settings:
    """The defaults, without building the validator: equal to Settings() (tests/test_lean_start.py)."""
    return Settings.model_construct()


@dataclass
class Config:
    settings: Settings = field(default_factory=default_settings)
    file: Path | None = None  # the config file in effect
    origin: dict[str, str] = field(default_factory=dict)  # setting -> "kotocheck.toml:3" | "default" | "command line"

    @property
    def root(self) -> Path:
        return self.file.parent if self.file else Path.cwd()

    def resolve(self, relative: str) -> Path:
        return Path(os.path.realpath(self.root / relative))  # realpath: a symlink loop must not raise

    def override(self, name: str, value: Any) -> None:
        """A command-line option given by the user."""
        if value is not None:
            setattr(self.settings, name, value)
            self.origin[name] = "command line"

    def relative(self, file: Path) -> str:
        """The file as a waiver's `files` pattern sees it: relative to the settings file's folder.
        realpath, not resolve(): a symlink loop must not raise here."""
        try:
            return Path(os.path.realpath(file)).relative_to(os.path.realpath(self.root)).as_posix()
        except ValueError:
            return file.as_posix()

    def waivers_for(self, file: Path) -> list[WaiverEntry]:
        relative = self.relative(file)
        return [w for w in self.settings.waivers if matches(relative, w.files)]


def matches(relative: str, pattern: str) -> bool:
    """A waiver's `files` glob, as gitignore and pathlib read one: `*`, `?` and `[...]` within one
    name, `**` any number of folders (none too, so `ohjelma/**/*.yaml` covers `ohjelma/p.yaml`),
    `./` and a leading `/` the settings file's folder, a pattern without `/` a name at any depth,
    and a pattern naming a folder everything in it."""
    parts = [part for part in pattern.split("/") if part not in ("", ".")]
    if not parts:
        return False
    if "/" not in pattern.rstrip("/"):  # gitignore: only a slash before the end anchors a pattern
        parts = ["**", *parts]
    names = relative.split("/")
    return _glob(tuple(parts), tuple(names)) or _glob((*parts, "**"), tuple(names))


def _glob(parts: tuple[str, ...], names: tuple[str, ...]) -> bool:
    if not parts:
        return not names
    if parts[0] == "**":
        return any(_glob(parts[1:], names[start:]) for start in range(len(names) + 1))
    return bool(names) and fnmatch.fnmatchcase(names[0], parts[0]) and _glob(parts[1:], names[1:])


class ConfigError(Exception):
    def __init__(self, finding: Finding):
        super().__init__(finding.message["en"])
        self.finding = finding


ROOT_MARKERS = (".git", "pyproject.toml")  # a repository or project root ends the search


def find(start: Path) -> tuple[Path, dict] | None:
    """The nearest config file above `start`, with its kotocheck table. The search stops at the
    repository root (a folder with .git, or a project's pyproject.toml even without our table): a
    kotocheck.toml in a folder above the repository must not change its verdicts unseen."""
    folder = start if os.path.isdir(start) else start.parent  # isdir: an overlong name is no folder, not an error
    real = Path(os.path.realpath(folder))  # realpath: a symlink loop must not raise
    for candidate in [real, *real.parents]:
        for name in NAMES:
            path = candidate / name
            if not path.is_file():
                continue
            import tomllib  # here: most runs have no settings file to read

            try:
                data = tomllib.loads(path.read_text(encoding="utf-8"))
            except tomllib.TOMLDecodeError as exc:
                raise _error(path, _toml_position(str(exc)), "config.syntax", problem=str(exc).split(" (at")[0]) from None
            except (OSError, UnicodeDecodeError) as exc:
                raise _error(path, (1, 1), "config.syntax", problem=str(exc)) from None
            if name == "pyproject.toml":
                table = data.get("tool", {}).get("kotocheck")
                if table is None:
                    continue  # a pyproject without our table says nothing about kotocheck
                return path, table
            return path, data
        if any(os.path.lexists(candidate / marker) for marker in ROOT_MARKERS):
            return None
    return None


def load(start: Path | None = None) -> Config:
    found = find(start or Path.cwd())
    config = Config()
    if found is None:
        config.origin = {name: "default" for name in Settings.model_fields}
        return config
    path, table = found
    try:
        config.settings = Settings.model_validate(table)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = _key_position(path, list(err["loc"]))
        raise _error(path, where, "config.invalid", field=".".join(map(str, err["loc"])),
                     problem=_problem(err)) from None
    config.file = path
    text = path.read_text(encoding="utf-8")
    for name in Settings.model_fields:
        line = _line_of(text, name, path.name == "pyproject.toml")
        config.origin[name] = f"{path.name}:{line}" if name in table and line else ("default" if name not in table
                                                                                     else path.name)
    return config


def _error(path: Path, where: tuple[int, int], key: str, **params: Any) -> ConfigError:
    return ConfigError(Finding(rule=key.replace("_", "-"), severity=Severity.ERROR, file=str(path), line=where[0],
                               column=where[1], message=i18n.message(key, **params),
                               hint=i18n.message(key + ".hint", **params)))


def _toml_position(message: str) -> tuple[int, int]:
    match = re.search(r"at line (\d+), column (\d+)", message)
    return (int(match.group(1)), int(match.group(2))) if match else (1, 1)


def _line_of(text: str, key: str, in_pyproject: bool) -> int | None:
    """Line of `key = …` or `[key]` / `[[key]]` (inside [tool.kotocheck] in a pyproject)."""
    prefix = "tool.kotocheck." if in_pyproject else ""
    inside = not in_pyproject
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if in_pyproject and stripped.startswith("["):
            inside = stripped.startswith("[tool.kotocheck")
        if not inside:
            continue
        if _is_header(stripped, prefix + key) or re.match(rf"^{re.escape(key)}\s*=", stripped):
            return number
    return None


def _is_header(line: str, table: str) -> bool:
    """`[table]` or `[[table]]`, with or without a comment after it."""
    return re.match(rf"^\[\[?{re.escape(table)}\]\]?\s*(#.*)?$", line) is not None


def table_lines(text: str, table: str, in_pyproject: bool) -> list[int]:
    """Lines where each `[[table]]` entry starts, in order."""
    name = f"tool.kotocheck.{table}" if in_pyproject else table
    return [n for n, line in enumerate(text.splitlines(), start=1) if _is_header(line.strip(), name)]


def setting_error(config: Config, name: str, key: str, **params: Any) -> ConfigError:
    """A setting that is valid TOML but cannot be used (a templates folder that is not there),
    located at its line as an invalid setting is."""
    path = config.file or Path("kotocheck.toml")
    where = _key_position(path, [name]) if config.file else (1, 1)
    return _error(path, where, "config.invalid", field=name, problem=i18n.message(key, **params))


def _entry_range(lines: list[str], first: int) -> range:
    """Line numbers of a table's own lines: after its header `first`, up to the next header."""
    end = next((n for n in range(first, len(lines)) if lines[n].strip().startswith("[")), len(lines))
    return range(first + 1, end + 1)


def waiver_position(path: Path, index: int, key: str) -> tuple[int, int]:
    """Line and column of the value of `key` in the index-th [[waivers]] entry (its header when
    the key is not written there)."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    starts = table_lines(text, "waivers", path.name == "pyproject.toml")
    if index >= len(starts):
        return _key_position(path, ["waivers"])
    for number in _entry_range(lines, starts[index]):
        match = re.match(rf"^\s*{re.escape(key)}\s*=\s*", lines[number - 1])
        if match:
            return number, match.end() + 1
    return starts[index], 1


def severity_position(path: Path, rule: str) -> tuple[int, int]:
    """Line and column of the rule id `rule` under [severity] (or in `severity = {…}`)."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    in_pyproject = path.name == "pyproject.toml"
    name = re.escape(rule)
    key = re.compile(rf"(?:\"{name}\"|'{name}'|(?<![\w.\"'-]){name}(?![\w.\"'-]))\s*=")  # quoted or bare
    header = "tool.kotocheck.severity" if in_pyproject else "severity"
    for number, line in enumerate(lines, start=1):
        if _is_header(line.strip(), header):
            for inside in _entry_range(lines, number):
                match = key.match(lines[inside - 1].lstrip())
                if match:
                    return inside, len(lines[inside - 1]) - len(lines[inside - 1].lstrip()) + 1
            return number, 1
    line = _line_of(text, "severity", in_pyproject)
    if line:
        match = key.search(lines[line - 1])
        return line, match.start() + 1 if match else 1
    return 1, 1


def _key_position(path: Path, loc: list) -> tuple[int, int]:
    """Where a setting is: `key = …`, inside the n-th `[[table]]` entry when the error is in one;
    a missing key points at its entry's header."""
    if len(loc) >= 2 and loc[0] == "severity" and isinstance(loc[1], str):
        return severity_position(path, loc[1])
    text = path.read_text(encoding="utf-8")
    in_pyproject = path.name == "pyproject.toml"
    if len(loc) >= 2 and isinstance(loc[1], int):
        starts = table_lines(text, str(loc[0]), in_pyproject)
        if loc[1] < len(starts):
            lines = text.splitlines()
            first = starts[loc[1]]
            end = next((n for n in range(first, len(lines)) if lines[n].strip().startswith("[")), len(lines))
            for number in range(first + 1, end + 1):
                if len(loc) > 2 and re.match(rf"^{re.escape(str(loc[2]))}\s*=", lines[number - 1].strip()):
                    return number, 1
            return first, 1
    for key in reversed([str(k) for k in loc if isinstance(k, str)]):
        line = _line_of(text, key, in_pyproject)
        if line:
            return line, 1
    return 1, 1


def _problem(err: dict) -> dict[str, str]:
    """The validation problem in plain words; pydantic's own text where we have none."""
    kind = err["type"]
    if kind == "blank":
        return i18n.message("config.blank")
    if kind in ("int_type", "int_parsing"):
        return i18n.message("config.not_int")
    if kind == "not_date":
        return i18n.message("config.not_date")
    if kind == "missing":
        return {"fi": "pakollinen asetus puuttuu", "en": "a required setting is missing"}
    if kind == "extra_forbidden":
        return {"fi": "tuntematon asetus", "en": "unknown setting"}
    if kind in ("literal_error", "enum"):
        allowed = err.get("ctx", {}).get("expected", "")
        return {"fi": "sallitut: " + allowed.replace(" or ", " tai "), "en": "allowed: " + allowed}
    return {"fi": err["msg"], "en": err["msg"]}
