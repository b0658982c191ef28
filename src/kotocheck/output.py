"""Writing outputs safely: a temporary file in the same folder, then an atomic rename,
so a failed or interrupted write never leaves a half-written file or touches the old one."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


class OutputError(Exception):
    """The output cannot be written; the message is one line for the user."""


def same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _target(path: Path) -> tuple[Path, os.stat_result | None]:
    """Where to write: the path itself when new, the file a symlink points to (the link stays),
    never anything but a regular file: a device, a FIFO or /proc/self/fd/1 would be replaced."""
    if path.is_symlink():
        if not path.exists():
            raise OutputError(f"{path}: on symbolinen linkki tiedostoon, jota ei ole / is a symlink to a missing file")
        path = Path(os.path.realpath(path))
    if not os.path.lexists(path):
        return path, None
    if path.is_dir():
        raise OutputError(f"{path}: is a folder")
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise OutputError(f"{path}: ei ole tavallinen tiedosto, joten sitä ei korvata / is not a regular file, not replaced")
    return path, info


def write_atomic(path: Path, text: str) -> None:
    path, existing = _target(path)
    folder = path.parent if str(path.parent) else Path(".")
    created = _make_folders(path, folder)
    if existing is not None and existing.st_nlink > 1:
        _write_in_place(path, text)  # a rename would split the hard links
        return
    fd, tmp, done = None, None, False
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fd = None
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp makes the file private; a rewritten file keeps its own mode, a new one gets the usual
        os.chmod(tmp, stat.S_IMODE(existing.st_mode) if existing is not None else 0o666 & ~_umask())
        os.replace(tmp, path)
        tmp, done = None, True
    except OSError as exc:
        raise OutputError(f"{path}: {exc.strerror or exc}") from None
    finally:
        if fd is not None:
            os.close(fd)
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
        if not done:  # nothing written: leave no empty folders behind either
            _remove_folders(created)


def _make_folders(path: Path, folder: Path) -> list[Path]:
    """Create the missing folders of a new output, as `-o schemas/x.json` is expected to; the
    ones created (outermost first), so a failed write can take them away again."""
    missing = []
    for parent in [folder, *folder.parents]:
        if os.path.lexists(parent):
            break
        missing.append(parent)
    for parent in reversed(missing):
        try:
            parent.mkdir()
        except OSError as exc:
            _remove_folders(missing[missing.index(parent) + 1:][::-1])
            raise OutputError(f"{path}: {parent}: {exc.strerror or exc}") from None
    if not folder.is_dir():  # a file or a broken link where the folder should be
        raise OutputError(f"{path}: {folder} ei ole kansio / is not a folder")
    return missing[::-1]


def _remove_folders(created: list[Path]) -> None:
    for folder in reversed(created):
        try:
            folder.rmdir()
        except OSError:
            return


def _write_in_place(path: Path, text: str) -> None:
    """Rewrite a hard-linked file through its own inode, so every name keeps seeing it."""
    try:
        with open(path, "r+", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.truncate()
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        raise OutputError(f"{path}: {exc.strerror or exc}") from None
