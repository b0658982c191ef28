"""kotocheck explain and checklist list: every item can be explained, with snippets that
really pass and really fail its check."""

from __future__ import annotations

import datetime as dt
import re

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
    assert out.startswith("L32.2  ") and "[kotouttamisohjelma-1386-2010]" in out.splitlines()[0]
    assert "Source: Act on the Promotion of Immigrant Integration 1386/2010, section 32" in out
    assert "URL: https://finlex.fi/fi/laki/ajantasa/2010/20101386" in out
    assert "\nCheck: " in out and "Passes:" in out and "Fails:" in out
    assert "Severity: info" in out


# Programmer notation: a call `kind(`, `[*]` or any bracket, `key=value`, snake_case keys, a
# mapping, a regular expression. Parentheses in prose ("(TE-toimisto, kuntakokeilu)") are words.
NOTATION = [re.compile(p) for p in (r"[A-Za-z_]\(", r"[\[\]{}]", r"=", r"\b[a-z]+_[a-z_]+\b", r"\\[dbws]", r"\(\?:",
                                    r"\b(?:each has|min items)\b")]


def _check_block(out: str, lang: str) -> list[str]:
    """The check's lines: "Tarkistus:"/"Check:" and the indented parts below it."""
    lines = out.splitlines()
    head = "Tarkistus: " if lang == "fi" else "Check: "
    start = next(i for i, line in enumerate(lines) if line.startswith(head))
    block = [lines[start]]
    for line in lines[start + 1:]:
        if not line.startswith("  "):
            break
        block.append(line)
    return block


@pytest.mark.parametrize("lang", ["fi", "en"])
@pytest.mark.parametrize("name,item", ITEMS, ids=lambda v: v if isinstance(v, str) else v.id)
def test_the_check_is_told_in_plain_words(cli, name, item, lang):
    out = cli("explain", item.id, "--checklist", name, "--lang", lang).output
    for line in _check_block(out, lang):
        for notation in NOTATION:
            assert not notation.search(line), f"{item.id}: {notation.pattern!r} in {line!r}"


@pytest.mark.parametrize("name,item", [(n, i) for n, i in ITEMS if any(s.quote for s in [i.source, *i.also])],
                         ids=lambda v: v if isinstance(v, str) else v.id)
def test_explain_shows_each_sources_exact_words_and_note(cli, name, item):
    out = cli("explain", item.id, "--checklist", name).output
    lines = out.splitlines()
    for source in [item.source, *item.also]:
        label = "Lähde: " + load_checklist(available()[name]).source_label(source)["fi"]
        at = lines.index(label)
        below = lines[at + 1:at + 3]
        if source.quote:
            assert f"    ”{source.quote.strip()}”" in below
        if source.note:
            assert f"    Huom.: {source.note.strip()}" in below


def test_explain_describes_a_check_as_a_person_would(cli):
    out = cli("explain", "5.3", "--checklist", "kotouttamisohjelma-1386-2010", "--lang", "fi").output
    assert "jokaisella toimenpiteellä on vastuutaho, ja ainakin yksi toimenpide on kirjattu" in out
    en = cli("explain", "5.3", "--checklist", "kotouttamisohjelma-1386-2010", "--lang", "en").output
    assert "every measure has responsible party, and at least one measure is given" in en


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
    assert only.count("\n  S") == 8 and "5.10" not in only
    assert cli("checklist", "list", "--checklist", "nope").exit_code == 2
