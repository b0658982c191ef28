"""Where the data folders live: `checklists/`, `catalogues/` and `templates/` sit at the
repository root so a municipality or the ministry can read and propose changes to them
without opening the Python package. The wheel carries them inside the package
(hatch force-include); a source checkout or an editable install reads them from the root."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

FOLDERS = ("checklists", "catalogues", "templates")


@lru_cache(maxsize=None)
def folder(name: str) -> Path:
    """The data folder `name`: inside the installed package, else at the repository root."""
    packaged = Path(str(resources.files("kotocheck"))) / name
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / name
