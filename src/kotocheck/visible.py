"""Text from a document made safe to print: control characters a terminal or a CI log would act
on (ESC sequences, carriage returns that overwrite a line, C1 controls, bidi overrides that
reorder what is shown) become visible marks, so a document can never erase or forge its own
findings. Line breaks and tabs of the output itself stay."""

from __future__ import annotations

import re

# C0 controls except tab and newline, a carriage return that does not end a line (CSV's CRLF does),
# DEL, the C1 range, and the bidi embeddings/overrides/isolates.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f\u202a-\u202e\u2066-\u2069]|\r(?!\n)")


def _mark(match: re.Match) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟ (␛ for ESC, ␍ for CR)
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"\\u{code:04x}" if code > 0xFF else f"\\x{code:02x}"


def visible(text: str) -> str:
    return _UNSAFE.sub(_mark, text)
