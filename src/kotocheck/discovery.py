"""Finding the documents below a folder: YAML files whose top level says `kind:` of
one of the document kinds. Hidden folders, virtual environments and node_modules are
skipped; the order is stable."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Callable

from kotocheck.kinds import KINDS

SKIP = {"node_modules", ".venv", "venv", "__pycache__", "site-packages", ".git"}
_NAMES = "|".join(re.escape(kind) for kind in KINDS).encode()
KIND = re.compile(rb"^kind:\s*[\"']?(" + _NAMES + rb")[\"']?\s*(#.*)?$", re.MULTILINE)


def is_document(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            head = fh.read(65536)
    except OSError:
        return False
    return KIND.search(head) is not None


def is_yaml_document(path: Path) -> bool:
    return path.suffix in (".yaml", ".yml") and is_document(path)


def find(paths: list[Path], keep: Callable[[Path], bool] = is_yaml_document) -> list[Path]:
    """Files given are kept as they are (so a wrong file still gets its finding); folders are
    searched recursively for the files `keep` takes (YAML documents; scan passes its own)."""
    found: list[Path] = []
    for path in paths:
        if not os.path.isdir(path):  # os.path: an overlong or looping name is no folder, never an error
            found.append(path)
            continue
        for candidate in sorted(path.rglob("*")):
            parts = candidate.relative_to(path).parts
            if any(p in SKIP or (p.startswith(".") and p not in (".", "..")) for p in parts[:-1]):
                continue
            if candidate.is_file() and keep(candidate):
                found.append(candidate)
    seen: set[str] = set()  # realpath, not resolve(): a symlink to itself must not raise
    return [p for p in found if not (os.path.realpath(p) in seen or seen.add(os.path.realpath(p)))]


def referrers(changed: list[Path], root: Path) -> list[Path]:
    """Documents below `root`, other than `changed`, that refer to one of them: a follow-up's
    `programme`, a programme's `services.file`. Renaming a goal in a programme breaks the
    follow-up that names it, though the follow-up itself did not change. Cheap: only a document
    whose text holds the name of a changed file is parsed. A reference is resolved as the checks
    resolve it (references.resolve); one they refuse refers to nothing."""
    from kotocheck import loader, references

    def real(folder: Path, name: str) -> Path | None:
        try:
            return references.resolve(folder, name)
        except references.Refused:
            return None

    wanted = {Path(os.path.realpath(p)) for p in changed if "\0" not in str(p)}
    names = {p.name for p in changed} | {p.name for p in wanted}
    out: list[Path] = []
    for candidate in find([root]):
        if Path(os.path.realpath(candidate)) in wanted:
            continue
        try:
            text = loader.read_text(candidate, str(candidate))
            if not any(name in text for name in names):
                continue
            data = loader.parse(text, str(candidate), round_trip=False).data
        except loader.LoadError:
            continue  # its own run reports it when it is given
        if not isinstance(data, dict):
            continue
        services = data.get("services")
        file = services.get("file") if isinstance(services, dict) else None
        # as the checks take them: the programme as written, services.file stripped
        refs = [data.get("programme"), file.strip() if isinstance(file, str) else None]
        if any(isinstance(ref, str) and ref.strip() and real(candidate.parent, ref) in wanted for ref in refs):
            out.append(candidate)
    return out


SETTINGS_NAMES = ("kotocheck.toml", "pyproject.toml")


def settings_below(root: Path) -> list[Path]:
    """Settings files (kotocheck.toml, pyproject.toml) in `root` and the folders below it, the
    folders `find` skips skipped, shallowest first: a repository may keep its documents and their
    kotocheck.toml in a subfolder, while pre-commit runs at its top (`render --check`)."""
    found = [p for name in SETTINGS_NAMES for p in root.rglob(name)
             if p.is_file() and not any(part in SKIP or (part.startswith(".") and part not in (".", ".."))
                                        for part in p.relative_to(root).parts[:-1])]
    return sorted(found, key=lambda p: (len(p.relative_to(root).parts), p.as_posix()))
