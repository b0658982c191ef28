"""Where the data folders live: `checklists/`, `catalogues/` and `templates/` sit at the
repository root so a municipality or the ministry can read and propose changes to them
without opening the Python package. The wheel carries them inside the package
(hatch force-include); a source checkout or an editable install reads them from the root."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

FOLDERS = ("checklists", "catalogues", "templates")


@lru_cache(maxsize=None)
def folder(name: str) -> Path:
    """The data folder `name`: inside the installed package, else at the repository root."""
    # the package's own folder (importlib.resources would say the same for an installed package,
    # at the cost of importing it and what it needs at every start)
    packaged = Path(__file__).resolve().parent / name
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / name
