"""docs/opas.md and docs/ci.md (GUIDES) promise that every output they show is kotocheck's real
output. This test keeps that promise: it runs the command behind every marked output block and
compares.

The convention (also summarised in a comment at the top of each guide)
----------------------------------------------------------------------

An output block is a fenced block without a language (a plain ```` ``` ````), or one in a format
kotocheck prints (```` ```markdown ````, ```` ```json ````, ```` ```xml ````). A ```` ```yaml ````,
```` ```toml ```` or ```` ```sh ```` block is an input, not output, but it is compared too when it
is marked. Right before the block stands a marker, an HTML comment that Markdown does not show:

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
    env NAME = VALUE              an environment variable for the commands, e.g. GITHUB_ACTIONS =
                                  true, or GITHUB_STEP_SUMMARY = summary.md with compare = summary.md
                                  (the CI variables kotocheck reads are otherwise unset, so that the
                                  CI running these tests does not change the output)
    hook = ID                     the block is what pre-commit shows for the hook ID of
                                  .pre-commit-hooks.yaml: its first lines ("NAME.....Failed",
                                  "- hook id: ID", "- exit code: N", a blank line) must be those for
                                  the hook's name and the command's exit code, the rest is the output;
                                  the command must be the hook's entry (plus the files it is given)
    session                       the block is a shell session, and the marker names no command: each
                                  "$ kotocheck ARGS" line runs, in order, and the lines up to the next
                                  "$" line are compared with its output; none at all means it printed
                                  nothing. "$ cd DIR" moves to DIR, "$ echo $?" is followed by the exit
                                  code of the command before it

Without any file, mkdir or folder directive the command runs in the repository root; with one, it
runs in a fresh temporary folder that holds just those files. The edits of a file apply in the order
written, each to the file as the previous one left it.

Every line of the block must occur in the real output, in the same order: a line ending in ``…``
as the beginning of a real line, any other line as a whole real line (trailing spaces ignored).
A line that is only ``…`` stands for lines left out. A line ``$ kotocheck ARGS`` shows the command:
it must be the marker's command or one of its ``before`` commands (in a ``session``, it runs). In
JSON and XML output the lines are compared as they are, indentation included: a sample shows real
lines, and one it shortens ends in ``…``.

The marker must stand right before its block, with only blank lines between. An output block
that cannot be reproduced carries the comment ``<!-- ei testattu: why -->``
instead; an output block with neither is a failure, so a new example cannot slip in unchecked.
"""

from __future__ import annotations

import json
import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import ROOT, read_yaml

GUIDES = [ROOT / "docs" / "opas.md", ROOT / "docs" / "ci.md"]
OUTPUT_LANGS = ("", "markdown", "json", "xml")  # fenced blocks that show output: marked or said why not
# Read by kotocheck to find paths, formats and summaries: unset unless a marker sets them.
CI_ENV = ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "GITHUB_WORKSPACE", "GITLAB_CI", "CI_PROJECT_DIR")
HOOKS = {hook["id"]: hook for hook in read_yaml(ROOT / ".pre-commit-hooks.yaml")}
PRE_COMMIT_COLUMNS = 79  # pre-commit pads a hook's name with dots to 80 columns less one
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
    doc: str  # the guide's file name, e.g. "ci.md"
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
    env: dict[str, str] = field(default_factory=dict)
    hook: str | None = None
    session: bool = False

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


def examples() -> tuple[list[Example], list[str]]:
    """The marked examples of every guide, and the output blocks ("ci.md:LINE") that have neither
    a marker nor a reason."""
    found, unmarked = [], []
    for guide in GUIDES:
        more, missing = _examples(guide.name, guide.read_text(encoding="utf-8"))
        found += more
        unmarked += [f"{guide.name}:{block.line}" for block in missing]
    return found, unmarked


def _examples(doc: str, text: str) -> tuple[list[Example], list[Block]]:
    items = parse(text)
    found, unmarked = [], []
    for n, item in enumerate(items):
        if item[0] == "block" and item[1].lang in OUTPUT_LANGS:
            previous = items[n - 1] if n else None
            if previous is None or previous[0] not in ("marker", "untested") or not item[1].adjacent:
                unmarked.append(item[1])
        if item[0] != "marker":
            continue
        assert n + 1 < len(items) and items[n + 1][0] == "block" and items[n + 1][1].adjacent, (
            f"{doc}:{item[1]}: a marker must stand right before a fenced block (blank lines only between)")
        head, *rest = item[2].split("\n")
        example = Example(doc=doc, line=item[1], args=shlex.split(head), shown=items[n + 1][1])

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
            elif m := re.fullmatch(r"(today|folder|compare|hook) = (\S+)", directive):
                setattr(example, m.group(1), m.group(2))
            elif m := re.fullmatch(r"env (\w+) = (.*)", directive):
                example.env[m.group(1)] = m.group(2).strip()
            elif directive == "session":
                example.session = True
            else:
                raise AssertionError(f"{doc}:{item[1]}: unknown directive {directive!r}")
        if example.session:
            assert not (example.args or example.before or example.hook or example.compare), (
                f"{doc}:{item[1]}: a session runs the commands its block shows, and nothing else")
        if example.hook:
            assert example.hook in HOOKS, f"{doc}:{item[1]}: no hook {example.hook!r} in .pre-commit-hooks.yaml"
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
    assert not UNMARKED, "output blocks without <!-- kotocheck: … --> or <!-- ei testattu: … -->: " + ", ".join(UNMARKED)


def test_the_guide_has_its_examples():
    assert len([e for e in EXAMPLES if e.doc == "opas.md"]) >= 30
    assert len([e for e in EXAMPLES if e.doc == "ci.md"]) >= 10


def _compare(example: Example, shown_lines: list[str], output: str, command: str, commands: set[str]) -> None:
    """Every shown line occurs in the output, in order (see the module's docstring)."""
    real = [line.rstrip() for line in output.split("\n")]
    at = 0
    for shown in shown_lines:
        shown = shown.rstrip()
        if shown.strip() == ELLIPSIS:
            continue
        if shown.startswith("$ "):
            shown_command = shlex.join(shlex.split(shown[2:]))
            assert shown_command in commands, f"{example.doc}:{example.line}: {shown!r} is not the marker's command"
            continue
        while at < len(real) and not _matches(shown, real[at]):
            at += 1
        assert at < len(real), (f"{example.doc}:{example.shown.line}: this line is not in the real output "
                                f"(or not in this order):\n{shown}\n\n{command} printed:\n{output}")
        at += 1


def _hook_frame(hook_id: str, code: int) -> list[str]:
    """What pre-commit prints before a hook's output: name and result, and when it fails, its id,
    the exit code and a blank line."""
    name, result = HOOKS[hook_id]["name"], "Failed" if code else "Passed"
    frame = [name + "." * (PRE_COMMIT_COLUMNS - len(name) - len(result)) + result]
    return frame + [f"- hook id: {hook_id}", f"- exit code: {code}", ""] if code else frame


def _session(text: str) -> list[tuple[str, list[str]]]:
    """A session block as (command, the lines shown after it) in order."""
    steps: list[tuple[str, list[str]]] = []
    for line in text.split("\n"):
        if line.startswith("$ "):
            steps.append((line[2:].strip(), []))
        else:
            assert steps or not line.strip(), f"a session starts with a command, not {line!r}"
            if steps:
                steps[-1][1].append(line)
    return steps


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"{e.doc}:{e.line}" for e in EXAMPLES])
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
    # None unsets: the CI that runs these tests must not turn text into annotations
    env = {name: None for name in CI_ENV} | example.env
    if example.today:
        env["KOTOCHECK_TODAY"] = example.today

    def shown_as(output: str) -> str:
        if example.folder:
            for path in {str(tmp_path), str(tmp_path.resolve())}:
                output = output.replace(path, example.folder)
        return output

    if example.session:
        code = None
        for command, lines in _session(example.shown.text):
            words = shlex.split(command)
            if words[0] == "cd":
                assert len(words) == 2 and not any(line.strip() for line in lines), command
                monkeypatch.chdir(Path.cwd() / words[1])
                continue
            if command == "echo $?":
                assert code is not None, f"{example.doc}:{example.line}: echo $? before any command"
                output = f"{code}\n"
            else:
                assert words[0] == "kotocheck", f"{example.doc}:{example.line}: a session runs kotocheck, not {command!r}"
                result = cli(*words[1:], env=env)
                output, code = shown_as(result.output), result.exit_code
            if not any(line.strip() for line in lines):  # shown with nothing after it: it printed nothing
                assert not output.strip(), f"{example.doc}:{example.shown.line}: {command} printed:\n{output}"
            _compare(example, lines, output, command, set())
        return

    for args in example.before:
        cli(*args, env=env)
    result = cli(*example.args, env=env) if example.args else None
    output = result.output if result else ""
    if example.compare:
        output = (Path.cwd() / example.compare).read_text(encoding="utf-8")
    output = shown_as(output)
    shown_lines = example.shown.text.split("\n")
    if example.hook:
        entry = shlex.split(HOOKS[example.hook]["entry"])
        assert result and ["kotocheck", *example.args][:len(entry)] == entry, (
            f"{example.doc}:{example.line}: the hook runs {' '.join(entry)}, not kotocheck {shlex.join(example.args)}")
        frame = _hook_frame(example.hook, result.exit_code)
        assert [line.rstrip() for line in shown_lines[:len(frame)]] == frame, (
            f"{example.doc}:{example.shown.line}: pre-commit shows the hook as:\n" + "\n".join(frame))
        shown_lines = shown_lines[len(frame):]
    commands = {shlex.join(["kotocheck", *args]) for args in [example.args, *example.before] if args}
    _compare(example, shown_lines, output, f"kotocheck {shlex.join(example.args)}", commands)
