"""Finding the documents below a folder: YAML files whose top level says `kind:` of
one of the document kinds. Hidden folders, virtual environments and node_modules are
skipped; the order is stable."""

from __future__ import annotations

import re
from pathlib import Path

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


def find(paths: list[Path]) -> list[Path]:
    """Files given are kept as they are (so a wrong file still gets its finding);
    folders are searched recursively for documents."""
    found: list[Path] = []
    for path in paths:
        if not path.is_dir():
            found.append(path)
            continue
        for candidate in sorted(path.rglob("*")):
            parts = candidate.relative_to(path).parts
            if any(p in SKIP or (p.startswith(".") and p not in (".", "..")) for p in parts[:-1]):
                continue
            if candidate.suffix in (".yaml", ".yml") and candidate.is_file() and is_document(candidate):
                found.append(candidate)
    seen: set[Path] = set()
    return [p for p in found if not (p.resolve() in seen or seen.add(p.resolve()))]
