"""docs/opas.md promises that every output it shows is kotocheck's real output. This test keeps
that promise: it runs the command behind every marked output block and compares.

The convention (also summarised in a comment at the top of docs/opas.md)
------------------------------------------------------------------------

An output block is a fenced block without a language (a plain ```` ``` ````). Right before it
stands a marker, an HTML comment that Markdown does not show:

    <!-- kotocheck: validate examples/kemijarvi-2023-2025.yaml -->

The rest of the marker's first line is the command's arguments (split like a shell would); left
empty, no command runs (useful with ``compare`` below, to check an excerpt of an example file).
Further lines, one directive each, set up the files the command needs:

    file NAME = PATH              a copy of a repository file, e.g. examples/esimerkkila-2025-2028.yaml
    file NAME = yaml above        the nearest ```yaml block before the marker (also: toml above,
                                  toml below for the nearest ```toml block after the output block)
    line N of NAME = "TEXT"       replace line N of NAME by TEXT, a JSON string ("\\t" is a tab;
                                  "\\n" makes several lines)
    lines A-B of NAME = yaml above   replace lines A to B by the block (or by a JSON string)
    after line N of NAME = yaml above  insert the block (or a JSON string) after line N
    mkdir NAME                    an empty folder
    before = ARGS                 a kotocheck command run first (its output is not compared)
    today = 2027-01-15            KOTOCHECK_TODAY for this block (default: conftest.TODAY)
    folder = /tmp/kotoutuminen    the temporary folder is shown under this name in the output
    compare = NAME                compare the block with the file NAME after the commands, not
                                  with the command's output

Without any file, mkdir or folder directive the command runs in the repository root; with one, it
runs in a fresh temporary folder that holds just those files. The edits of a file apply in the order
written, each to the file as the previous one left it.

Every line of the block must occur in the real output, in the same order: a line ending in ``…``
as the beginning of a real line, any other line as a whole real line (trailing spaces ignored).
A line that is only ``…`` stands for lines left out. A line ``$ kotocheck ARGS`` shows the command:
it must be the marker's command or one of its ``before`` commands.

The marker must stand right before its block, with only blank lines between. An output block
that cannot be reproduced carries the comment ``<!-- ei testattu: why -->``
instead; a plain block with neither is a failure, so a new example cannot slip in unchecked.
"""

from __future__ import annotations

import json
import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import ROOT

GUIDE = ROOT / "docs" / "opas.md"
MARKER = re.compile(r"<!--\s*kotocheck:(.*?)-->", re.S)
UNTESTED = re.compile(r"<!--\s*ei testattu:(.*?)-->", re.S)
FENCE = re.compile(r"^(```+)\s*([\w-]*)\s*$")
ELLIPSIS = "…"


@dataclass
class Block:
    lang: str
    text: str
    line: int  # the line of the opening fence, 1-based
    adjacent: bool = True  # only blank lines between it and the item before it


@dataclass
class Example:
    line: int  # the marker's line in the guide
    args: list[str]
    shown: Block
    files: list[tuple[str, str]] = field(default_factory=list)  # (name, text)
    edits: list[tuple[str, str, int, int, str]] = field(default_factory=list)  # (how, name, a, b, text)
    dirs: list[str] = field(default_factory=list)
    before: list[list[str]] = field(default_factory=list)
    today: str | None = None
    folder: str | None = None
    compare: str | None = None

    @property
    def in_temp_folder(self) -> bool:
        return bool(self.files or self.dirs or self.folder)


def parse(text: str):
    """The guide as a list of fenced blocks and comments, in order: ("block", Block) and
    ("marker" | "untested", line, body)."""
    items, lines, i = [], text.split("\n"), 0
    last = -1  # the line of the last item's end, to see whether only blank lines follow it
    while i < len(lines):
        fence = FENCE.match(lines[i])
        if fence:
            start, body = i, []
            i += 1
            while i < len(lines) and lines[i].strip() != fence.group(1):
                body.append(lines[i])
                i += 1
            block = Block(fence.group(2), "\n".join(body), start + 1)
            block.adjacent = all(not line.strip() for line in lines[last + 1:start])
            items.append(("block", block))
            last = i
            i += 1
            continue
        if lines[i].lstrip().startswith("<!--"):
            start, chunk = i, [lines[i]]
            while "-->" not in chunk[-1] and i + 1 < len(lines):
                i += 1
                chunk.append(lines[i])
            comment = "\n".join(chunk)
            for kind, pattern in (("marker", MARKER), ("untested", UNTESTED)):
                match = pattern.search(comment)
                if match:
                    items.append((kind, start + 1, match.group(1)))
                    last = i
        i += 1
    return items


def _nearest(items, at: int, lang: str, direction: str) -> Block:
    steps = range(at - 1, -1, -1) if direction == "above" else range(at + 1, len(items))
    for j in steps:
        if items[j][0] == "block" and items[j][1].lang == lang:
            return items[j][1]
    raise AssertionError(f"no ```{lang} block {direction} the marker")


def examples() -> tuple[list[Example], list[Block]]:
    """The marked examples, and the output blocks that have neither a marker nor a reason."""
    items = parse(GUIDE.read_text(encoding="utf-8"))
    found, unmarked = [], []
    for n, item in enumerate(items):
        if item[0] == "block" and item[1].lang == "":
            previous = items[n - 1] if n else None
            if previous is None or previous[0] not in ("marker", "untested") or not item[1].adjacent:
                unmarked.append(item[1])
        if item[0] != "marker":
            continue
        assert n + 1 < len(items) and items[n + 1][0] == "block" and items[n + 1][1].adjacent, (
            f"opas.md:{item[1]}: a marker must stand right before a fenced block (blank lines only between)")
        head, *rest = item[2].split("\n")
        example = Example(line=item[1], args=shlex.split(head), shown=items[n + 1][1])

        def source(value: str) -> str:
            value = value.strip()
            where = re.fullmatch(r"(\w+) (above|below)", value)
            if where:
                # "above" looks before the marker, "below" after the output block
                return _nearest(items, n if where.group(2) == "above" else n + 1, where.group(1), where.group(2)).text + "\n"
            if value.startswith('"'):
                return json.loads(value)
            return (ROOT / value).read_text(encoding="utf-8")

        for raw in rest:
            directive = raw.strip()
            if not directive:
                continue
            if m := re.fullmatch(r"file (\S+) = (.+)", directive):
                example.files.append((m.group(1), source(m.group(2))))
            elif m := re.fullmatch(r"line (\d+) of (\S+) = (.+)", directive):
                example.edits.append(("replace", m.group(2), int(m.group(1)), int(m.group(1)), source(m.group(3))))
            elif m := re.fullmatch(r"lines (\d+)-(\d+) of (\S+) = (.+)", directive):
                example.edits.append(("replace", m.group(3), int(m.group(1)), int(m.group(2)), source(m.group(4))))
            elif m := re.fullmatch(r"after line (\d+) of (\S+) = (.+)", directive):
                example.edits.append(("insert", m.group(2), int(m.group(1)), int(m.group(1)), source(m.group(3))))
            elif m := re.fullmatch(r"mkdir (\S+)", directive):
                example.dirs.append(m.group(1))
            elif m := re.fullmatch(r"before = (.+)", directive):
                example.before.append(shlex.split(m.group(1)))
            elif m := re.fullmatch(r"(today|folder|compare) = (\S+)", directive):
                setattr(example, m.group(1), m.group(2))
            else:
                raise AssertionError(f"opas.md:{item[1]}: unknown directive {directive!r}")
        found.append(example)
    return found, unmarked


def _edit(text: str, how: str, first: int, last: int, new: str) -> str:
    lines = text.split("\n")
    assert 1 <= first <= last <= len(lines), f"line {first}-{last} outside the file ({len(lines)} lines)"
    new_lines = new[:-1].split("\n") if new.endswith("\n") else new.split("\n")
    if how == "replace":
        lines[first - 1:last] = new_lines
    else:
        lines[first:first] = new_lines
    return "\n".join(lines)


def _matches(shown: str, real: str) -> bool:
    if shown.endswith(ELLIPSIS):
        return real.startswith(shown[: -len(ELLIPSIS)].rstrip())
    return real == shown


EXAMPLES, UNMARKED = examples()


def test_every_output_block_is_checked_or_says_why_not():
    assert not UNMARKED, "output blocks without <!-- kotocheck: … --> or <!-- ei testattu: … -->: " + ", ".join(
        f"opas.md:{b.line}" for b in UNMARKED)


def test_the_guide_has_its_examples():
    assert len(EXAMPLES) >= 30


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"opas.md:{e.line}" for e in EXAMPLES])
def test_the_output_shown_is_the_real_output(example: Example, cli, tmp_path, monkeypatch):
    if example.in_temp_folder:
        monkeypatch.chdir(tmp_path)
        for name in example.dirs:
            (tmp_path / name).mkdir(parents=True, exist_ok=True)
        texts = dict(example.files)
        for how, name, first, last, new in example.edits:
            texts[name] = _edit(texts[name], how, first, last, new)
        for name, text in texts.items():
            path = tmp_path / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    else:
        monkeypatch.chdir(ROOT)
    env = {"KOTOCHECK_TODAY": example.today} if example.today else None
    for args in example.before:
        cli(*args, env=env)
    output = cli(*example.args, env=env).output if example.args else ""
    if example.compare:
        output = (Path.cwd() / example.compare).read_text(encoding="utf-8")
    if example.folder:
        for shown_as in {str(tmp_path), str(tmp_path.resolve())}:
            output = output.replace(shown_as, example.folder)
    real = [line.rstrip() for line in output.split("\n")]
    commands = {shlex.join(["kotocheck", *args]) for args in [example.args, *example.before] if args}
    at = 0
    for shown in example.shown.text.split("\n"):
        shown = shown.rstrip()
        if shown.strip() == ELLIPSIS:
            continue
        if shown.startswith("$ "):
            command = shlex.join(shlex.split(shown[2:]))
            assert command in commands, f"opas.md:{example.line}: {shown!r} is not the marker's command"
            continue
        while at < len(real) and not _matches(shown, real[at]):
            at += 1
        assert at < len(real), (f"opas.md:{example.shown.line}: this line is not in the real output "
                                f"(or not in this order):\n{shown}\n\nkotocheck {shlex.join(example.args)} printed:\n{output}")
        at += 1
