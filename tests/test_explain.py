"""kotocheck explain and checklist list: every item can be explained, with snippets that
really pass and really fail its check."""

from __future__ import annotations

import datetime as dt

import pytest

from kotocheck.checklist import available, groups, label, load_checklist
from kotocheck.checks import Context, run
from kotocheck import explain

TODAY = dt.date(2026, 11, 23)
ITEMS = [(name, item) for name, path in sorted(available().items()) for item in load_checklist(path).items]


def hits(item, data):
    from kotocheck.checklist import CATALOGUES, catalogue
    ctx = Context(data=data, today=TODAY, catalogues={n: {e.id for e in catalogue(n).entries} for n in CATALOGUES},
                  labels=label, groups=groups())
    return run(item.check, ctx)


@pytest.mark.parametrize("name,item", ITEMS, ids=lambda v: v if isinstance(v, str) else v.id)
def test_generated_snippets_pass_and_fail_the_items_own_check(name, item):
    pair = explain.snippets(item.check, TODAY)
    if pair is None:
        assert item.check.expressions()  # checks that need other files (follow-up references) only
        return
    passing, failing = pair
    assert hits(item, passing) == [], explain.to_yaml(passing)
    assert hits(item, failing), explain.to_yaml(failing)


def test_explain_shows_text_source_check_and_snippets(cli):
    result = cli("explain", "L32.2", "--lang", "en")
    assert result.exit_code == 0
    out = result.output
    assert out.startswith("L32.2  Period at most four years  [kotouttamisohjelma-1386-2010]")
    assert "Source: Act on the Promotion of Immigrant Integration 1386/2010, section 32" in out
    assert "URL: https://finlex.fi/fi/laki/ajantasa/2010/20101386" in out
    assert "Check: max_span_years(" in out and "Passes:" in out and "Fails:" in out
    assert "Severity: error" in out


def test_an_item_id_in_two_checklists_is_explained_in_both_unless_one_is_chosen(cli):
    both = cli("explain", "1.1").output
    assert "[kotouttamisohjelma-1386-2010]" in both and "[kotoutuminen-681-2023]" in both
    one = cli("explain", "1.1", "--checklist", "kotoutuminen-681-2023").output
    assert "[kotouttamisohjelma-1386-2010]" not in one


def test_explain_an_unknown_item(cli):
    result = cli("explain", "9.99")
    assert result.exit_code == 2 and "9.99" in result.output


def test_checklist_list(cli):
    out = cli("checklist", "list", "--lang", "en").output
    for name in available():
        assert out.count(f"\n{name}  ") + out.startswith(f"{name}  ") == 1
    assert "  5.10    warning   Plan for monitoring and updating  — Checklist: drafting a municipal integration programme, step 5, bullet 10" in out
    only = cli("checklist", "list", "--checklist", "seuranta-1").output
    assert only.count("\n  S") == 6 and "5.10" not in only
    assert cli("checklist", "list", "--checklist", "nope").exit_code == 2
