"""Shared helpers: run the CLI in-process, load examples, mutate documents."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from kotocheck.cli import app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
TODAY = "2026-11-23"  # a fixed reference date keeps period checks and golden files stable

# The first nine lines of a hand-written old-law case: a case's own lines start at line 10, so the
# line numbers its expectations name are counted from there.
HEAD = """\
kind: programme
format_version: 1
checklist: kotouttamisohjelma-1386-2010
title: Testilän kotouttamisohjelma
identification:
  municipality: Testilä
  period:
    start: 2023
    end: 2025
"""


@pytest.fixture
def cli():
    runner = CliRunner()

    def run(*args: str, env: dict | None = None):
        result = runner.invoke(app, [str(a) for a in args], env={"KOTOCHECK_TODAY": TODAY, **(env or {})})
        assert "Traceback" not in result.output, result.output
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        return result

    return run


def read_yaml(path: Path):
    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))


def write_yaml(path: Path, data) -> Path:
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    with path.open("w", encoding="utf-8") as fh:
        yaml.dump(data, fh)
    return path


def check_data(tmp_path: Path, data, name: str = "doc.yaml", today: str = TODAY):
    """Write a document and check it with the engine; returns the FileResult."""
    from kotocheck.engine import Options, check_file

    path = write_yaml(tmp_path / name, data)
    return check_file(path, Options(today=dt.date.fromisoformat(today)))


def delete_path(data, expression: str):
    """Remove what an expression names; a list step removes the whole list."""
    head = expression.split("[", 1)[0]
    keys = head.split(".")
    node = data
    for key in keys[:-1]:
        if not isinstance(node, dict) or key not in node:
            return data
        node = node[key]
    if isinstance(node, dict):
        node.pop(keys[-1], None)
    return data


def as_json(output: str) -> dict:
    return json.loads(output)


def clone(data):
    return copy.deepcopy(data)


@pytest.fixture(scope="session")
def chromium():
    """One headless Chromium for the whole session: Playwright's sync API allows only one
    running instance per thread, so every module that opens pages shares this one."""
    import contextlib

    import browser as web

    if web.skip_requested():
        pytest.skip(f"{web.SKIP_ENV}=1: browser tests skipped")
    if not web.AXE_JS.is_file():
        pytest.fail(f"axe-core not found at {web.AXE_JS}. {web.SETUP_HINT}", pytrace=False)
    with contextlib.ExitStack() as stack:
        problem = None
        try:
            browser = stack.enter_context(web.launch())
        except web.BrowserUnavailable as exc:
            problem = str(exc)
        if problem is not None:  # outside the except: no chained traceback, just the message
            pytest.fail(f"Chromium could not be started: {problem}", pytrace=False)
        yield browser


@pytest.fixture(autouse=True, scope="session")
def _own_cache(tmp_path_factory):
    """scan's lemma cache in a folder of the test run, never the user's ~/.cache."""
    import os

    folder = tmp_path_factory.mktemp("cache")
    before = os.environ.get("KOTOCHECK_CACHE")
    os.environ["KOTOCHECK_CACHE"] = str(folder)
    yield folder
    if before is None:
        os.environ.pop("KOTOCHECK_CACHE", None)
    else:
        os.environ["KOTOCHECK_CACHE"] = before
