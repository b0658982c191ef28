"""Comments in a ruamel.yaml round-trip tree when migrate adds keys to it: the comment lines
that belong to what follows a mapping's last value move with the end of the mapping, and the
migration's note goes at the top of the file."""

from __future__ import annotations

from typing import Any

from kotocheck import skeleton

# ruamel.yaml keeps the comment lines between two keys as the trailing comment of the value before
# them (the deepest last value). A key appended after that value would come after those lines, which
# belong to what follows; so they are taken from the old last value and given to the new one.

def _slots(container) -> list[tuple[Any, Any, int]]:
    """(container, key, index in ca.items) of the last entry, from the outermost to the deepest."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    out = []
    while isinstance(container, (CommentedMap, CommentedSeq)) and len(container):
        if isinstance(container, CommentedMap):
            key = list(container)[-1]
            out.append((container, key, 2))
        else:
            key = len(container) - 1
            out.append((container, key, 0))
        container = container[key]
    return out


def _token(container, key, index):
    entry = container.ca.items.get(key)
    return entry[index] if entry and len(entry) > index else None


def take_tail(container, key=None) -> str | None:
    """Remove and return the comment lines after the last value (after `key`'s value if given),
    keeping an end-of-line comment where it is."""
    from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

    slots = _slots(container) if key is None else [(container, key, 2)] + _slots(container[key])
    for holder, k, index in reversed(slots):
        token = _token(holder, k, index)
        if token is None:
            continue
        value = token.value
        if value.startswith("#"):  # an end-of-line comment stays on its line
            eol, _, rest = value.partition("\n")
            token.value = eol + "\n"
        else:
            # After a plain value the first newline ends its line; a block scalar (>-, |) has
            # already ended it, so there the first newline is a blank line and is kept.
            block = isinstance(holder[k], (FoldedScalarString, LiteralScalarString))
            rest = value[1:] if value.startswith("\n") and not block else value
            holder.ca.items[k][index] = None
        return rest or None
    return None


def give_tail(container, rest: str | None) -> None:
    if not rest:
        return
    holder, key, index = _slots(container)[-1]
    _attach(holder, key, index, rest)


def put_tail(container, key, rest: str) -> None:
    slots = [(container, key, 2)] + _slots(container[key])
    holder, k, index = slots[-1]
    _attach(holder, k, index, rest)


def _attach(holder, key, index, rest: str) -> None:
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    entry = holder.ca.items.setdefault(key, [None, None, None, None] if index == 2 else [None, None])
    token = entry[index]
    if token is None:
        entry[index] = CommentToken("\n" + rest, CommentMark(0), None)
    else:
        token.value = token.value.rstrip("\n") + "\n" + rest


def header(tree, text: str) -> None:
    """A comment line at the top, after the file's own first comments (the schema line stays first)."""
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    tokens = [CommentToken(line + "\n", CommentMark(0), None) for line in skeleton._comment_lines(text, skeleton.WIDTH)]
    if tree.ca.comment is None:
        tree.ca.comment = [None, []]
    if tree.ca.comment[1] is None:
        tree.ca.comment[1] = []
    tree.ca.comment[1].extend(tokens)
