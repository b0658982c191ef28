"""`kotocheck migrate`: deprecated values rewritten, and an old-law programme into the shape of
another programme checklist.

A deprecated value of a closed vocabulary (deprecations.py, e.g. the goal theme `reception`, now
`receptiveness`) is rewritten in place in the text: only its characters change (its quotes, the
rest of its line, every comment and blank line stay byte for byte), and a comment at the top says
what was replaced. A file that names the target checklist already (or is no programme) has only
that done; with no deprecated value either, there is nothing to migrate.

Both programme checklists describe the same model, so migrating means: name the target checklist,
add the keys the target checklist reads that the file lacks (empty, each with the item's Finnish
comment, as `kotocheck init` writes them), and say at the top when and from where it was migrated.
Nothing the user wrote is removed or reworded: the file is edited as a ruamel.yaml round-trip tree,
so comments, quoting, key order and old-law-only data (`identification.approval`) stay as they are.
New keys go after the existing keys of their mapping, in the models' order.

What may be added empty is what the models accept empty: an optional field as `null`, a list as
`[]`, a part as its fields; a part with a required field (a coordinator needs its authority) is
added as `null`. The lines before `---` and from `...` on, values as written (`+12`, `!!str 2025`),
flow collections with comments inside and the line breaks are kept as fmt keeps them (roundtrip.py).
Before anything is returned the result is read back and compared with the input: any difference
in the data other than `checklist:` and the added keys, or a comment of the input missing, is a bug
and stops the migration with its line and column.

Never prints."""

from __future__ import annotations

import datetime as dt
from typing import Any

from kotocheck import checklist as checklists
from kotocheck import deprecations, loader, nothing_lost, roundtrip, skeleton, tree_comments
from kotocheck.locations import dotted, locate
from kotocheck.models import MODELS


class MigrateError(Exception):
    """The file cannot be migrated; the message is one line for the user."""


def load_error_line(exc: loader.LoadError) -> str:
    f = exc.finding
    return f"{f.file}:{f.line}:{f.column}: {f.message['fi']} / {f.message['en']}"


# (mapping indent, sequence indent, dash offset): the common styles, this project's first.
STYLES = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4), (4, 4, 0), (2, 4, 0), (3, 5, 3), (3, 3, 0))


def _yaml(style: tuple[int, int, int]):
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap the user's lines
    yaml.indent(mapping=style[0], sequence=style[1], offset=style[2])
    return yaml


def _round_trip(text: str, source: roundtrip.Source):
    """A round-trip YAML that writes the file back in its own indentation (the style whose
    round trip changes the fewest lines: none, for a file written in one consistent style), and
    the tree `source` loaded with it."""
    best, fewest, tree = None, None, None
    lines = text.splitlines()
    for style in STYLES:
        yaml = _yaml(style)
        tree = source.load(yaml)
        out = source.dump(yaml, tree).splitlines()
        changed = sum(1 for a, b in zip(lines, out) if a != b) + abs(len(lines) - len(out))
        if fewest is None or changed < fewest:
            best, fewest = yaml, changed
        if changed == 0:
            break
    if best is not yaml:  # the tree loaded last is another style's: the best style's own, again
        tree = source.load(best)
    return best, tree


@roundtrip.gc_paused()
def migrate(text: str, display: str, target: str, today: dt.date | None = None) -> tuple[str, list[str]]:
    """(the migrated text, the dotted paths of the keys added)."""
    try:  # plain data and positions, read the fast way (the round trip's errors where it reads otherwise)
        document = loader.parse(text, display, round_trip=False)
    except loader.LoadError as exc:
        raise MigrateError(load_error_line(exc)) from None
    data = document.data
    today = today or dt.date.today()
    kind = data.get("kind") if isinstance(data, dict) else None
    found = deprecations.occurrences(kind, data) if isinstance(kind, str) and kind in MODELS else []
    if found:
        document = _rewrite_values(document, found, display)
        text, data = document.text, document.data
    replaced = "; ".join(f"{dotted(o.path)}: {o.deprecated.old} → {o.deprecated.new}" for o in found)
    if kind != "programme":
        if found:
            return _with_header(text, _values_note(today, replaced)), []
        raise MigrateError(f"{display}: ei ohjelma (kind: {kind}); migrate siirtää vain ohjelmia / "
                           f"not a programme (kind: {kind}); migrate moves programmes only")
    known = checklists.available()
    programmes = sorted(n for n, p in known.items() if checklists.load_checklist(p).kind == "programme")
    if target not in programmes:
        raise MigrateError(f"tuntematon ohjelman tarkistuslista / unknown programme checklist {target!r}; "
                           f"vaihtoehdot / choose from: {', '.join(programmes)}")
    source = data.get("checklist")
    if source == target:
        if found:
            return _with_header(text, _values_note(today, replaced)), []
        raise MigrateError(f"{display}: tiedosto on jo tarkistuslistan {target} mukainen eikä siinä ole "
                           f"vanhentuneita arvoja / the file already names checklist {target} and has no "
                           "deprecated value")
    if source is not None and source not in programmes:
        raise MigrateError(f"{display}: tuntematon lähtötarkistuslista / unknown source checklist {source!r}")
    checklist = checklists.load_checklist(known[target])

    keeping = roundtrip.Source(text)
    try:
        yaml, tree = _round_trip(text, keeping)
        added = _checklist_keys(tree, document, display, target, yaml.map_indent or 2, checklist)
        tree_comments.header(tree, f"Siirretty {today.isoformat()} komennolla kotocheck migrate tarkistuslistalta "
                      f"{source or '(ei nimetty)'} tarkistuslistalle {target}. Lisätyt tyhjät kentät: "
                      f"{', '.join(added) if added else 'ei yhtään'}. Vanhan lain tiedot on säilytetty."
                      + (f" Vanhentuneet arvot korvattu: {replaced}." if found else ""))
        result = keeping.dump(yaml, tree)
    except roundtrip.Lost as exc:  # a shape ruamel's round trip cannot keep
        raise MigrateError(f"{display}:{exc.line}:{exc.column}: siirto ei pysty säilyttämään tätä kohtaa "
                           "sellaisenaan, tiedostoa ei kirjoitettu / the migration cannot keep this as written; "
                           "nothing written") from None
    _verify(document, result, display, target, added)
    return result, added


def _checklist_keys(tree, document: loader.Document, display: str, target: str, step: int, checklist) -> list[str]:
    """Name the target checklist and add the keys it reads; the dotted paths of those added."""
    from ruamel.yaml.comments import CommentedMap

    if not isinstance(tree, CommentedMap) or tree.fa.flow_style():  # `{kind: …}`, `!!omap [kind: …]`
        line, column = locate(document.tree, [])
        raise MigrateError(f"{display}:{line}:{column}: ylin taso on kirjoitettu sulkeisiin ({{…}} tai […]); "
                           "kirjoita kentät omille riveilleen / the top level is written in flow style ({…} or "
                           "[…]); write its keys on lines of their own")
    added: list[str] = []
    _set_checklist(tree, target)
    _merge(tree, skeleton.tree(checklist), 0, step, "", added)
    return added


def _internal(display: str, line: int, column: int) -> str:
    return (f"{display}:{line}:{column}: sisäinen virhe: siirto muuttaisi tätä kohtaa, tiedostoa ei kirjoitettu / "
            "internal error: the migration would change this; nothing written")


# --- deprecated values --------------------------------------------------------------------------

def _values_note(today: dt.date, replaced: str) -> str:
    return (f"Päivitetty {today.isoformat()} komennolla kotocheck migrate. Vanhentuneet arvot korvattu: "
            f"{replaced}.")


def _rewrite_values(document: loader.Document, found: list, display: str) -> loader.Document:
    """The text with each deprecated value replaced where it stands, read back. Only the value's
    own characters change; the result must read as the input with exactly those values replaced,
    and keep every comment, or nothing is written."""
    import copy

    text, tree, data = document.text, document.tree, document.data
    lines = _lines(text)
    places = {}
    for occurrence in found:  # a value shared through an alias stands in one place
        line, column = locate(tree, occurrence.path, at_value=True)
        places.setdefault((line - 1, column - 1), occurrence)
    for (row, col), occurrence in sorted(places.items(), reverse=True):
        old, new = occurrence.deprecated.old, occurrence.deprecated.new
        line = lines[row] if 0 <= row < len(lines) else ""
        quote = line[col:col + 1] if line[col:col + 1] in ("'", '"') else ""
        start = col + len(quote)
        end = start + len(old)
        after = line[end:end + 1]
        if line[start:end] != old or (quote and after != quote) or (not quote and after.strip(",]} #\r\n")):
            raise MigrateError(f"{display}:{row + 1}:{col + 1}: sisäinen virhe: arvoa {old} ei löydy "
                               f"paikaltaan, tiedostoa ei kirjoitettu / internal error: the value is not "
                               "where the file says; nothing written")
        lines[row] = line[:start] + new + line[end:]
    result = "".join(lines)
    expected = copy.deepcopy(data)
    for occurrence in found:
        *parents, last = occurrence.path
        node = expected
        for key in parents:
            node = node[key]
        node[last] = occurrence.deprecated.new
    try:
        rewritten = loader.parse(result, display, round_trip=False)
    except loader.LoadError as exc:  # pragma: no cover - a bug, never the user's input
        raise MigrateError(f"{display}: sisäinen virhe, tulosta ei voi lukea / internal error: {load_error_line(exc)}") from None
    where = nothing_lost.lost(text, tree, expected, rewritten.data, result)
    if where is None and not order_kept(data, rewritten.data):
        where = (*locate(tree, []), "")
    if where is not None:
        raise MigrateError(f"{display}:{where[0]}:{where[1]}: sisäinen virhe: arvojen korvaus muuttaisi muuta / "
                           "internal error: replacing the values would change more; nothing written")
    return rewritten


def _lines(text: str) -> list[str]:
    """The lines of a text with their line breaks, split where the YAML reader counts lines."""
    import re

    parts = re.split(r"(\r\n|[\n\r\x85\u2028\u2029])", text)
    return [parts[i] + (parts[i + 1] if i + 1 < len(parts) else "") for i in range(0, len(parts), 2)
            if parts[i] or i + 1 < len(parts)]


def _with_header(text: str, note: str) -> str:
    """`note` as comment lines above the first line that is no comment: after the file's own first
    comments (the schema line stays first), as the header of a checklist migration."""
    lines = _lines(text)
    at = next((i for i, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#")), len(lines))
    while at > 0 and not lines[at - 1].strip() and any(line.strip() for line in lines[:at - 1]):
        at -= 1  # above the blank lines that part the first comments from the first key
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    header = "".join(line + newline for line in skeleton._comment_lines(note, skeleton.WIDTH))
    return "".join(lines[:at]) + header + "".join(lines[at:])


# --- the tree -----------------------------------------------------------------------------------

def _asks(node: skeleton.Node) -> bool:
    """Whether a checklist item reads this key or one below it."""
    return bool(node.items) or any(_asks(c) for c in node.children.values())


def _empty(node: skeleton.Node, col: int, step: int):
    """The empty value of a missing key, or `...` when the models refuse it empty; `col` is the
    column of the keys of a part made here."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if node.is_list:
        seq = CommentedSeq()
        seq.fa.set_flow_style()
        return seq
    if node.model is not None and skeleton._opens(node):
        part = CommentedMap()
        for child in skeleton._ordered(node):
            if _asks(child):
                value = _empty(child, col + step, step)  # its own keys one step further in
                if value is not ...:
                    _add(part, child, value, col, step)
        return part
    if node.optional:
        return None
    return ...


def _item_lines(node: skeleton.Node, value: Any) -> list[str]:
    """The checklist comment above a new key: its own items, or all below it when it is `null`."""
    items = skeleton._all_items(node) if (value is None and node.model is not None) else node.items
    lines = [line for item in items for line in skeleton._item_comment(item, 0, None)]
    lines += skeleton.choice_lines(node, skeleton.WIDTH)
    return [line[2:] if line.startswith("# ") else line.lstrip("#") for line in lines]


def _add(mapping, node: skeleton.Node, value: Any, col: int, step: int) -> None:
    mapping[node.name] = value
    lines = _item_lines(node, value)
    if lines:
        mapping.yaml_set_comment_before_after_key(node.name, before="\n".join(lines), indent=col)
    hint = skeleton._hint(node) if value is None or node.is_list else ""
    if value is None and node.model is not None:
        hint = "kentät / fields: " + ", ".join(c.name for c in skeleton._ordered(node))
    if hint:
        mapping.yaml_add_eol_comment("# " + hint, node.name, column=col + len(node.name) + (5 if node.is_list else 3))


def _merge(mapping, node: skeleton.Node, col: int, step: int, prefix: str, added: list[str]) -> None:
    from ruamel.yaml.comments import CommentedMap

    for child in skeleton._ordered(node):
        if child.name in mapping:
            value = mapping[child.name]
            if isinstance(value, CommentedMap) and child.model is not None and not child.is_list:
                _merge(value, child, col + step, step, f"{prefix}{child.name}.", added)
            continue  # a null, a list or a value the user wrote: left as it is
        if not _asks(child):
            continue
        value = _empty(child, col + step, step)
        if value is ...:
            continue
        tail = tree_comments.take_tail(mapping)
        _add(mapping, child, value, col, step)
        tree_comments.give_tail(mapping, tail)
        added.append(prefix + child.name)


def _set_checklist(tree, target: str) -> None:
    if "checklist" in tree:
        tree["checklist"] = target
        return
    keys = list(tree)
    after = max((keys.index(k) for k in skeleton.FIRST[:2] if k in keys), default=-1)
    # Inserted after kind/format_version; the comment that stood before the next key moves with it.
    if after + 1 < len(keys):
        tail = tree_comments.take_tail(tree, keys[after]) if after >= 0 else None
        tree.insert(after + 1, "checklist", target)
        if tail:
            tree_comments.put_tail(tree, "checklist", tail)
    else:
        tail = tree_comments.take_tail(tree)
        tree["checklist"] = target
        tree_comments.give_tail(tree, tail)


# --- the guarantee ------------------------------------------------------------------------------

def without(data: Any, paths: list[str]) -> Any:
    """`data` without the added keys (dotted paths through mappings)."""
    import copy

    out = copy.deepcopy(data)
    for path in paths:
        *parents, last = path.split(".")
        node = out
        for key in parents:
            node = node.get(key) if isinstance(node, dict) else None
        if isinstance(node, dict):
            node.pop(last, None)
    return out


def _verify(document: loader.Document, text: str, display: str, target: str, added: list[str]) -> None:
    """The result has every value (but `checklist`), key order and comment of the input."""
    try:
        after = loader.parse(text, display, round_trip=False).data
    except loader.LoadError as exc:  # pragma: no cover - a bug, never the user's input
        raise MigrateError(f"{display}: sisäinen virhe, tulosta ei voi lukea / internal error: {load_error_line(exc)}") from None
    before = document.data
    where = nothing_lost.lost(document.text, document.tree, dict(before, checklist=target), without(after, added), text)
    if where is None and not order_kept(before, after):
        where = (*locate(document.tree, []), "")
    if where is not None:
        raise MigrateError(_internal(display, where[0], where[1]))


def order_kept(before: Any, after: Any) -> bool:
    """Whether every mapping of `before` has its keys in the same order in `after`."""
    if isinstance(before, dict) and isinstance(after, dict):
        if [k for k in after if k in before] != list(before):
            return False
        return all(order_kept(v, after.get(k)) for k, v in before.items())
    if isinstance(before, list) and isinstance(after, list):
        return len(before) == len(after) and all(order_kept(b, a) for b, a in zip(before, after))
    return True
