"""Writing YAML by hand, line by line, so that every value can carry a comment above it (the
draft of `kotocheck import`). `scalar` and `value` are the only places text is quoted; each gives
back exactly the string it was given to every YAML reader (tests/test_import.py loads tricky
text back with both of kotocheck's readers)."""

from __future__ import annotations

import re
import textwrap

INDENT = "  "
WIDTH = 100  # comment lines are wrapped here (values are not: text is kept as written)

# YAML 1.1 readers (PyYAML, the fast path of validate) take these words and numbers as other types.
_SPECIAL_WORDS = re.compile(r"^(y|n|yes|no|on|off|true|false|null|~|\.nan|\.inf|-\.inf)$", re.IGNORECASE)
_PLAIN = re.compile(r"^[A-Za-zÅÄÖåäöÜüÉé][^\n\r\t:#\"'\\\[\]{}]*$")
# What no YAML reader keeps as written inside plain or block text: control characters, the
# Unicode line breaks YAML 1.1 folds, the byte order mark, lone surrogates.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]")


def scalar(text: str) -> str:
    """`text` as a one-line YAML scalar that every reader loads as exactly this string: plain when
    it can only be read as text, else double-quoted with escapes."""
    if (_PLAIN.match(text) and text == text.strip() and not _SPECIAL_WORDS.match(text)
            and not _UNSAFE.search(text) and "  " not in text):
        return text
    return _quoted(text)


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _quoted(text: str) -> str:
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif _UNSAFE.match(char) or char == "\x85":
            out.append(f"\\u{ord(char):04x}" if ord(char) <= 0xFFFF else f"\\U{ord(char):08x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _block_safe(text: str) -> bool:
    """A literal block (`|-`) gives back exactly this text: no character a reader changes, no
    whitespace at the start or at a line's end (a reader may take it as indentation or drop it),
    no line of spaces only, and no line break at the end (`-` strips them)."""
    if not text or _UNSAFE.search(text) or "\r" in text or "\x85" in text or text != text.strip():
        return False
    return all(line == line.rstrip() and not line[:1].isspace() for line in text.split("\n"))


def value(key: str, text: str, indent: str) -> list[str]:
    """`key: text` at `indent`, a literal block when the text has several lines."""
    if "\n" in text and _block_safe(text):
        inner = indent + INDENT
        return [f"{indent}{key}: |-"] + [inner + line if line else "" for line in text.split("\n")]
    return [f"{indent}{key}: {scalar(text)}"]


def comment(text: str, indent: str) -> str:
    """A comment, wrapped at WIDTH into lines of its own (the text's line breaks are not kept: one
    would end the comment)."""
    text = _UNSAFE.sub(" ", text)  # a reader refuses control characters even in a comment
    lines = textwrap.wrap(" ".join(text.split()), WIDTH - len(indent) - 2, break_long_words=False,
                          break_on_hyphens=False) or [""]
    return "\n".join(f"{indent}# {line}" for line in lines)
