"""The check that fmt and migrate lost nothing: the data, types included, and every comment of
the input are in the result, or the first difference is named with its line and column (the
caller then refuses the file as it is). Comments are found by kotocheck.comments where libyaml
reads both texts, else from ruamel's comment tokens (roundtrip._comment_tokens)."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from typing import Any

from kotocheck.roundtrip import _comment_tokens, to_lf


def comment_lines(text: str) -> list[str]:
    """Every comment of a YAML text, stripped, one entry a line."""
    return [comment for _, _, comment in comment_places(text)]


def comment_places(text: str) -> list[tuple[int, int, str]]:
    """(1-based line, column, comment) of every comment line."""
    if "#" not in text:
        return []
    text = to_lf(text)
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    out = []
    for pointer, value in _comment_tokens(text):
        line = bisect.bisect_right(starts, pointer) - 1
        for offset, part in enumerate(value.split("\n")):
            row = line + offset
            if not part.strip().startswith("#") or row >= len(starts):
                continue
            column = pointer - starts[row] if offset == 0 else max(text.find("#", starts[row]) - starts[row], 0)
            out.append((row + 1, column + 1, part.strip()))
    return out


def lost_comments(before: str, after: str) -> list[tuple[int, int, str]]:
    """(line, column, comment) in `before` of each comment that `after` no longer has. Both texts
    are read the same way: kotocheck.comments where libyaml reads both (faster, and it sees the
    comments ruamel's tokens miss), else ruamel's scanner."""
    from kotocheck import comments

    places = comments.find(before)
    later = comments.find(after) if places else []
    if places is None or later is None:
        places = comment_places(before)
        later = comment_places(after) if places else []
    if not places:
        return []  # nothing to look for: `after` is not read
    have = Counter(comment for _, _, comment in later)
    lost = []
    for line, column, comment in places:
        if have[comment]:
            have[comment] -= 1
        else:
            lost.append((line, column, comment))
    return lost


def first_difference(before: Any, after: Any, path: tuple = ()) -> tuple | None:
    """The path of the first value that differs, type included (`1` is not `true` nor `1.0`);
    None when the two are equal."""
    import math

    if isinstance(before, dict) and isinstance(after, dict):
        for key, value in before.items():
            if key not in after:
                return path + (key,)
            found = first_difference(value, after[key], path + (key,))
            if found is not None:
                return found
        return path if len(after) != len(before) else None
    if isinstance(before, list) and isinstance(after, list):
        for i, (b, a) in enumerate(zip(before, after)):
            found = first_difference(b, a, path + (i,))
            if found is not None:
                return found
        return path if len(after) != len(before) else None
    if type(before) is not type(after):
        return path
    if isinstance(before, float) and math.isnan(before) and math.isnan(after):
        return None
    return None if before == after else path


def lost(text: str, tree: Any, before: Any, after: Any, result: str) -> tuple[int, int, str] | None:
    """Where `result` lost something of `text`: (line, column, what) of the first value that
    differs (`after` is the result's data, None when unreadable) or comment that is missing;
    None when nothing was lost. `tree` is the input's round-trip tree, for the positions."""
    from kotocheck.locations import dotted, locate

    path = () if after is None else first_difference(before, after)
    if path is not None:
        line, column = locate(tree, list(path), at_value=True)
        return line, column, dotted(list(path)) if path else ""
    missing = lost_comments(text, result)
    return missing[0] if missing else None
