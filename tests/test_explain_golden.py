"""`kotocheck explain` for every item of every checklist, pinned: the plain words of each check,
its sources with their quotes, and the passing and failing examples each check kind builds.
The files change only through scripts/update-golden (a reviewed step)."""

from __future__ import annotations

import pytest

import golden_cases

CASES = golden_cases.explain_cases()


@pytest.mark.parametrize("name,commands", CASES, ids=[n for n, _ in CASES])
def test_explain_golden(name, commands):
    golden = golden_cases.GOLDEN / name
    assert golden.exists(), f"missing golden file {golden}; create it with scripts/update-golden and review it"
    assert golden_cases.outputs(commands) == golden.read_text(encoding="utf-8")
