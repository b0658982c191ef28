"""The golden files: which command output each one pins. The tests only compare; the files
change only through scripts/update-golden, a deliberate step whose diff is reviewed."""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
TODAY = "2026-11-23"  # a fixed reference date keeps period checks stable
EXAMPLES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "examples").glob("*.yaml"))


def cases() -> list[tuple[str, list[str]]]:
    """(golden file name, kotocheck arguments) for every pinned output."""
    out = []
    for example in EXAMPLES:
        stem = example.split("/")[-1].removesuffix(".yaml")
        for fmt, lang in (("text", "fi"), ("text", "en"), ("json", "fi")):
            name = f"{stem}.{lang}.{'json' if fmt == 'json' else 'txt'}"
            out.append((name, ["validate", example, "--format", fmt, "--lang", lang]))
        for command in ("render", "report"):
            out.append((f"{stem}.{command}.md", [command, example, "--format", "md"]))
    return out


def explain_cases() -> list[tuple[str, list[list[str]]]]:
    """(golden file name, one `kotocheck explain` per item): every item's wording of its check,
    its sources and quotes, and its passing and failing examples, per checklist and language."""
    from kotocheck.checklist import available, load_checklist

    out = []
    for name, path in sorted(available().items()):
        ids = [item.id for item in load_checklist(path).items]
        for lang in ("fi", "en"):
            out.append((f"explain.{name}.{lang}.txt",
                        [["explain", i, "--checklist", name, "--lang", lang, "--today", TODAY] for i in ids]))
    return out


def outputs(commands: list[list[str]]) -> str:
    """Several commands' outputs, each under a line naming it."""
    return "".join(f"$ kotocheck {' '.join(args)}\n{output(args)}\n" for args in commands)


@contextmanager
def _in_root():
    before = Path.cwd()
    os.chdir(ROOT)  # paths in the output are relative, as a user types them
    try:
        yield
    finally:
        os.chdir(before)


def output(args: list[str]) -> str:
    """What kotocheck prints for these arguments, run in-process from the repository root."""
    from typer.testing import CliRunner

    from kotocheck.cli import app

    with _in_root():
        result = CliRunner().invoke(app, args, env={"KOTOCHECK_TODAY": TODAY})
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.output
