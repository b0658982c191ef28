"""A path named inside a document: a follow-up's `programme`, a programme's `services.file`.

Every reader and checker of such a path goes through here. The path is taken relative to the
document, must stay inside the repository and, when it exists, must be a regular file; it is read
with the loader's size limit. A document is data from anyone who can open a pull request: it must
not make kotocheck read /dev/zero, a FIFO, /proc/self/environ or a file outside the repository.
What is refused comes back as `Refused` with a reason (fi/en) that the caller puts in a finding at
the value; nothing here raises anything else for a bad name."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from kotocheck import i18n, loader
from kotocheck.config import ROOT_MARKERS

NAME_MAX = 255  # bytes in one file or folder name (ext4, NTFS, APFS)
PATH_MAX = 4096  # bytes in a whole path (Linux)


class Refused(Exception):
    """The named path is not followed; `reason` says why, in Finnish and English."""

    def __init__(self, key: str, **params: object):
        self.key = key
        self.reason = i18n.message(key, **params)
        super().__init__(self.reason["en"])


def root(folder: Path) -> Path:
    """The repository a document in `folder` belongs to: the nearest folder upwards with .git or
    pyproject.toml (where the settings search stops too). Without one, the current folder when the
    document is inside it (a CI checkout without .git), else the document's own folder."""
    real = Path(os.path.realpath(folder))
    for candidate in [real, *real.parents]:
        if any(os.path.lexists(candidate / marker) for marker in ROOT_MARKERS):
            return candidate
    try:
        here = Path(os.path.realpath(Path.cwd()))
    except OSError:  # the current folder was removed
        return real
    return here if real == here or here in real.parents else real


def resolve(folder: Path, name: str) -> Path:
    """The real path of the file `name` names, relative to `folder` (the naming document's folder).
    Refused: a name that is no valid path, outside the repository, or something other than a regular
    file (a folder, device, FIFO, socket, symlink loop). A path that does not exist is returned as it
    is: whether that is an error is the caller's to say."""
    if "\0" in name:
        raise Refused("reference.nul")
    try:
        encoded = os.fsencode(name)
    except UnicodeEncodeError:  # a lone surrogate ("\ud800") names no file
        raise Refused("reference.bad_name") from None
    if len(encoded) > PATH_MAX or any(len(part) > NAME_MAX for part in encoded.split(b"/")):
        raise Refused("reference.too_long", limit=NAME_MAX)
    try:
        real = Path(os.path.realpath(folder / name))
    except (OSError, ValueError):
        raise Refused("reference.bad_name") from None
    top = root(folder)
    if real != top and top not in real.parents:  # after symlinks: a link inside may point outside
        raise Refused("reference.outside", root=str(top))
    try:
        info = os.stat(real)
    except (FileNotFoundError, NotADirectoryError):
        return real
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise Refused("reference.loop") from None
        raise Refused("reference.unreadable", reason=exc.strerror or str(exc)) from None
    if stat.S_ISDIR(info.st_mode):
        raise Refused("reference.folder")
    if not stat.S_ISREG(info.st_mode):
        raise Refused("reference.not_regular")
    return real


def shown(name: str, limit: int = 80) -> str:
    """A name as a message quotes it: a name of hundreds of characters would drown the message."""
    return name if len(name) <= limit else name[: limit - 1] + "…"


def load(folder: Path, name: str, max_bytes: int = loader.DEFAULT_MAX_BYTES) -> loader.Document:
    """The document `name` names, read as the loader reads any file (at most `max_bytes`).
    Raises Refused, or loader.LoadError for a file that is missing or cannot be read as YAML."""
    path = resolve(folder, name)
    return loader.load(path, name, max_bytes)
