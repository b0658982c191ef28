"""The command's own output streams made safe before anything is printed.

A CI runner or an old Windows console may give Python a narrow encoding (cp1252, or ASCII when
LANG=C and UTF-8 mode is off). A character the stream cannot encode must not end the run with a
traceback: our symbols get a plain look-alike, a letter with a diacritic its base letter, and
anything else a `?`. A COLUMNS or LINES that is not a positive number (COLUMNS=0 in some CI
containers) makes rich print nothing at all, so it is dropped and the real size is used."""

from __future__ import annotations

import codecs
import os
import sys

HANDLER = "kotocheck-lookalike"

# The symbols the reports use, as ASCII that reads the same.
_LOOKALIKES = {
    "✖": "x", "✔": "v", "◐": "o", "●": "*", "○": "o", "→": "->", "…": "...", "–": "-", "—": "-",
    "\u00a0": " ", "\u202f": " ", "‘": "'", "’": "'", "“": '"', "”": '"', "§": "S", "€": "EUR", "␛": "^[",
}


def lookalike(char: str) -> str:
    if char in _LOOKALIKES:
        return _LOOKALIKES[char]
    if 0x2400 <= ord(char) <= 0x241F:  # a control character made visible (␀ … ␟)
        return "^" + chr(ord(char) - 0x2400 + 0x40)
    import unicodedata  # here: only a narrow terminal needs it, and every start would pay for it

    base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    return base if base and base.isascii() else "?"


def _replace(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    bad = error.object[error.start:error.end]
    text = "".join(lookalike(c) for c in bad)
    try:  # a look-alike may itself not exist in a very narrow codec
        text.encode(error.encoding)
    except (UnicodeEncodeError, LookupError):
        text = "?" * len(bad)
    return text, error.end


def prepare() -> None:
    """Called once by the command-line entry, before any output."""
    codecs.register_error(HANDLER, _replace)
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
        if encoding not in ("utf8", "utf8sig") and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors=HANDLER)
    for name in ("COLUMNS", "LINES"):
        value = os.environ.get(name)
        if value is not None and not (value.strip().isdigit() and int(value) > 0):
            del os.environ[name]
