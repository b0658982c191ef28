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

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from kotocheck import i18n
from kotocheck.findings import Finding, Severity

NAMES = ("kotocheck.toml", "pyproject.toml")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class WaiverEntry(_Strict):
    rule: str = Field(min_length=1)
    files: str = "**"
    reason: str = Field(min_length=1)
    approved_by: str = Field(min_length=1)
    expires: dt.date | None = None


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
    max_bytes: int = Field(default=5 * 1024 * 1024, gt=0)
    severity: dict[str, Severity] = {}
    waivers: list[WaiverEntry] = []
    render: list[RenderEntry] = []


@dataclass
class Config:
    settings: Settings = field(default_factory=Settings)
    file: Path | None = None  # the config file in effect
    origin: dict[str, str] = field(default_factory=dict)  # setting -> "kotocheck.toml:3" | "default" | "command line"

    @property
    def root(self) -> Path:
        return self.file.parent if self.file else Path.cwd()

    def resolve(self, relative: str) -> Path:
        return (self.root / relative).resolve()

    def override(self, name: str, value: Any) -> None:
        """A command-line option given by the user."""
        if value is not None:
            setattr(self.settings, name, value)
            self.origin[name] = "command line"

    def waivers_for(self, file: Path) -> list[WaiverEntry]:
        try:
            relative = file.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            relative = file.as_posix()
        return [w for w in self.settings.waivers if _matches(relative, w.files)]


def _matches(relative: str, pattern: str) -> bool:
    return pattern in ("**", "*") or fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(relative, pattern + "/*")


class ConfigError(Exception):
    def __init__(self, finding: Finding):
        super().__init__(finding.message["en"])
        self.finding = finding


ROOT_MARKERS = (".git", "pyproject.toml")  # a repository or project root ends the search


def find(start: Path) -> tuple[Path, dict] | None:
    """The nearest config file above `start`, with its kotocheck table. The search stops at the
    repository root (a folder with .git, or a project's pyproject.toml even without our table): a
    kotocheck.toml in a folder above the repository must not change its verdicts unseen."""
    import tomllib

    folder = start if start.is_dir() else start.parent
    for candidate in [folder.resolve(), *folder.resolve().parents]:
        for name in NAMES:
            path = candidate / name
            if not path.is_file():
                continue
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


def _key_position(path: Path, loc: list) -> tuple[int, int]:
    """Where a setting is: `key = …`, inside the n-th `[[table]]` entry when the error is in one;
    a missing key points at its entry's header."""
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
    if kind == "missing":
        return {"fi": "pakollinen asetus puuttuu", "en": "a required setting is missing"}
    if kind == "extra_forbidden":
        return {"fi": "tuntematon asetus", "en": "unknown setting"}
    if kind in ("literal_error", "enum"):
        allowed = err.get("ctx", {}).get("expected", "")
        return {"fi": "sallitut: " + allowed.replace(" or ", " tai "), "en": "allowed: " + allowed}
    return {"fi": err["msg"], "en": err["msg"]}
