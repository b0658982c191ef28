"""Output formats for findings: a dict maps each --format name to its reporter.

A reporter takes the results of one run and returns text; only the CLI writes it out."""

from __future__ import annotations

from typing import Callable

from kotocheck.findings import FileResult

Reporter = Callable[[list[FileResult], str], str]


FORMATS = ("text", "json", "github", "gitlab", "sarif", "junit")


def get(name: str) -> Reporter:
    # Imported on demand so that a plain `validate` pays only for the format it prints.
    import importlib

    if name not in FORMATS:
        raise KeyError(name)
    return importlib.import_module(f"kotocheck.reporters.{name}").report
