"""The comments of a YAML text as written: each `#` that starts a comment, with its line, column
and text. The check that fmt and migrate lose no comment (nothing_lost.lost_comments) uses it.

It reads the text with libyaml's C scanner (PyYAML), which gives every token's span. A comment
is a `#` at a line's start or after a space or tab, outside every token, running to the end of its
line. A block scalar's header line (`key: |  # note`) is outside its token's text, so a comment
there counts. This works only where libyaml reads the text as kotocheck's reader does
(fast_yaml.precheck); elsewhere `find` gives None and the caller asks ruamel's scanner. Ruamel's
comment tokens miss a comment after blank lines at the end of a document and one on a `|` line,
and they place a comment after a scalar a line low; this way has none of that."""

from __future__ import annotations

import bisect
from typing import Any

Comment = tuple[int, int, str]  # 1-based line, 1-based column, the comment stripped


def find(text: str) -> list[Comment] | None:
    """Every comment of `text`, in order; None when libyaml cannot be trusted to read it."""
    if "#" not in text:
        return []
    from kotocheck import fast_yaml

    if text.startswith("\ufeff") or not fast_yaml.available() or fast_yaml.precheck(text) is not None:
        return None
    text = text.replace("\r\n", "\n")  # precheck refused a lone CR; columns stay as they were
    spans = _token_spans(text)
    if spans is None:
        return None
    return _comments(text, spans)


def _token_spans(text: str) -> list[tuple[int, int]] | None:
    """(start, end) of every token's text, in order; None when libyaml refuses the text."""
    import yaml
    from yaml._yaml import CParser
    from yaml.tokens import ScalarToken

    parser = CParser(text)
    spans: list[tuple[int, int]] = []
    try:
        while True:
            token = parser.get_token()
            if token is None:
                break
            start, end = token.start_mark.index, token.end_mark.index
            if isinstance(token, ScalarToken) and token.style in ("|", ">"):
                # the header line (indicators, then maybe a comment) is not the scalar's text
                header_end = text.find("\n", start)
                start = end if header_end < 0 else min(header_end + 1, end)
            if end > start:
                spans.append((start, end))
    except (yaml.YAMLError, UnicodeError, ValueError):
        return None
    finally:
        parser.dispose()
    return spans


def _comments(text: str, spans: list[tuple[int, int]]) -> list[Comment]:
    starts = [start for start, _ in spans]
    found: list[Comment] = []
    line, counted = 1, 0  # the line number at `counted`, counted forward only
    at = text.find("#")
    while at >= 0:
        line_start = text.rfind("\n", 0, at) + 1
        line_end = text.find("\n", at)
        line_end = len(text) if line_end < 0 else line_end
        if (at == line_start or text[at - 1] in " \t") and not _inside(at, spans, starts):
            line += text.count("\n", counted, at)
            counted = at
            found.append((line, at - line_start + 1, text[at:line_end].strip()))
            at = text.find("#", line_end)  # the rest of the line is the comment's own text
        else:
            at = text.find("#", at + 1)
    return found


def _inside(at: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    i = bisect.bisect_right(starts, at) - 1
    return i >= 0 and spans[i][0] <= at < spans[i][1]


def texts(comments: list[Comment]) -> list[str]:
    return [comment for _, _, comment in comments]


__all__: Any = ["find", "texts", "Comment"]
