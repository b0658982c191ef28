"""The check that fmt and migrate lose no comment (nothing_lost.lost_comments) sees every comment:
kotocheck.comments finds each `#` that starts a comment from libyaml's token spans. Ruamel's comment
tokens, which the check used alone before, missed three kinds; the expected places here are written
by hand from the texts."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT
from kotocheck import comments, formatting, nothing_lost

sys.path.insert(0, str(ROOT / "bench"))
import generate  # noqa: E402  (bench/generate.py: a programme as people write one)

SUITE = ROOT.parent / "shared" / "yaml-test-suite"


@pytest.mark.parametrize("before, after, lost", [
    # a comment after blank lines at the end of the document
    ("a: b\n\n\n# last\n", "a: b\n", [(4, 1, "# last")]),
    # a comment on a block scalar's header line
    ("a: |  # header\n  x\n", "a: |\n  x\n", [(1, 7, "# header")]),
    # a comment after a scalar, on its own line: line 2, not 3
    ("a: b\n# c\nd: e\n", "a: b\nd: e\n", [(2, 1, "# c")]),
    # what is not a comment is not looked for
    ('a: "x # y"\nb: c#d\nk: >\n  # text\n', 'a: "x # y"\nb: c#d\nk: >\n  # text\n', []),
])
def test_every_kind_of_comment_is_looked_for(before, after, lost):
    assert nothing_lost.lost_comments(before, after) == lost


def test_a_comment_after_blank_lines_at_the_end_no_longer_stops_fmt():
    """It was kept, but the old check did not see it in the result and refused the file."""
    text = generate.written_by_hand(generate.big_text(40)) + "\n\n\n# loppu\n"
    assert formatting.format_text(text, "x.yaml").endswith("# loppu\n")


def test_fmt_refuses_what_it_would_lose_rather_than_losing_it():
    """ruamel drops a comment on a `|1` header; the old check did not see it, and fmt lost it."""
    with pytest.raises(formatting.FormatError, match=r"x.yaml:2:7: .*\(# note\)"):
        formatting.format_text("- |\n- |1  # note\n  explicit\n", "x.yaml")


def _texts() -> list[Path]:
    return [*sorted(EXAMPLES.rglob("*.yaml")), *sorted((ROOT / "tests").rglob("*.yaml")),
            *sorted((SUITE / "valid").glob("*.yaml"))]


def test_it_finds_at_least_what_ruamel_finds_and_each_at_a_hash():
    read = 0
    for path in _texts():
        text = path.read_text(encoding="utf-8")
        found = comments.find(text)
        if found is None:
            continue
        read += 1
        assert not Counter(nothing_lost.comment_lines(text)) - Counter(comments.texts(found)), path
        lines = text.replace("\r\n", "\n").split("\n")
        for line, column, comment in found:
            assert lines[line - 1][column - 1:].rstrip().startswith(comment), (path, line, column)
    assert read > 200  # most texts go this way (tabs, directives and odd characters do not)
