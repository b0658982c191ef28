"""Fuzzing the template sandbox with hypothesis (issue 10): random template text, built from jinja
syntax, the names of our context and the names an attack reaches for (`__class__`, `parse_raw`,
`__globals__`, `os`, `popen`...), rendered through render.render with the real context of a gap
report (the document's data, our helpers, the report). The outcome is the rendered text or a
render.TemplateError, never another exception, and nothing is written: the current folder is an
empty temporary one that must stay empty.

The limits are made small for the run (0.5 s, 1 MB of output, 1 M characters per value) so that
a template that loops or grows stops quickly. The default run is derandomized and tries 400
templates in some 10 s (20 s on a loaded machine); the long run (`-m long`) tries 6 000:

    python -m pytest -m long tests/test_fuzz_templates.py -q

(`KOTOCHECK_FUZZ_SCALE=3` multiplies the long run's cases; `KOTOCHECK_FUZZ_SEED=N` picks another
random seed for it.)"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import tempfile
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, seed, settings, strategies as st

from kotocheck import gaps, publish, render, render_limits, sandbox, views
from kotocheck.engine import Options, check_file

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "esimerkkila-2025-2028.yaml"
SCALE = int(os.environ.get("KOTOCHECK_FUZZ_SCALE", "1"))
DEFAULT = dict(derandomize=True, database=None, deadline=None, suppress_health_check=list(HealthCheck),
               print_blob=True)
LONG = dict(DEFAULT, derandomize="KOTOCHECK_FUZZ_SEED" not in os.environ)


def _maybe_seed(test):
    return seed(int(os.environ["KOTOCHECK_FUZZ_SEED"]))(test) if "KOTOCHECK_FUZZ_SEED" in os.environ else test


def _context() -> dict:
    """What report.md sees (publish.gap_report), with the checklist as a pydantic model inside."""
    result = check_file(EXAMPLE, Options(today=dt.date(2026, 11, 23)))
    report = gaps.build(result)
    data = result.document.data
    context = views.context(data, result.kind, "fi", render.labels("fi"))
    context.update(report=report, title=str(data.get("title")), not_assessed=publish._not_assessed(report, data))
    return context


CONTEXT = _context()
# A pickle that creates the file `pwned` in the current folder when it is loaded.
PICKLE = '"cbuiltins\\nopen\\n(Vpwned\\nVw\\ntR."'

NAMES = sorted(CONTEXT) + ["x", "v", "ns", "loop", "self", "range", "dict", "namespace", "cycler", "joiner",
                           "lipsum", "caller", "varargs", "kwargs", "os", "config", "request", "__builtins__"]
ATTRS = ["__class__", "__mro__", "__subclasses__", "__globals__", "__init__", "__dict__", "__builtins__",
         "__import__", "__getattribute__", "__reduce__", "__code__", "__closure__", "_function", "mro",
         "parse_raw", "parse_file", "model_dump", "model_fields", "model_validate", "os", "popen", "system",
         "open", "read", "eval", "exec", "gi_frame", "f_back", "format", "format_map", "encode", "to_bytes",
         "items", "keys", "values", "get", "copy", "update", "pop", "append", "title", "goals", "measures",
         "checklist", "steps", "counts", "status", "value", "reason", "add", "percent", "validity", "row",
         "fi", "id", "ljust", "zfill", "replace", "join", "split", "year", "cycle", "next", "index"]
LITERALS = ["0", "1", "2", "3", "7", "64", "10**9", "9**9", "99999", "-1", "none", "true", "[]", "{}",
            "'a'", "'x' * 3", "'%s'", "'%099999999d'", "'{}'", "'{:>99999999}'", "'{0.__class__}'",
            "'%(a)s'", "[1, 2]", "{'a': 1}", "(1, 2)", PICKLE, "'/etc/passwd'", "'pwned'", "'\\t'"]
FILTERS = ["list", "length", "string", "upper", "join", "join(',')", "center(999999999)", "indent(9)",
           "format(1)", "replace('a', 'aa')", "tojson", "pprint", "attr('__class__')", "attr('parse_raw')",
           "map(attribute='title')", "selectattr('status')", "sum", "first", "sort", "unique", "batch(3)",
           "default('d')", "e", "safe", "md", "md_cell", "paras", "number", "money", "date", "span",
           "percent", "quantity('%')", "upfirst", "css_string", "reference", "wordwrap(3)", "truncate(5)",
           "int", "float", "abs", "round", "dictsort", "items", "slice(3)", "random"]
BINOPS = ["*", "**", "+", "-", "%", "~", "//", "/", "==", "in", "and", "or", "if x else"]
# Where the objects behind the data were (or are) and what an attack calls on them.
PATHS = ["report", "report.checklist", "report.checklist.items[0]", "report.checklist.items[0].check",
         "report.steps[0]", "report.steps[0].items[0]", "report.steps[0].items[0].status", "report.counts",
         "report.validity", "not_assessed[0].item", "doc", "doc.goals[0]", "t", "chapters[0]", "vocab", "pick"]
METHODS = ["parse_raw", "parse_file", "model_validate_json", "model_dump", "model_copy", "as_dict", "add",
           "reason", "source_label", "item", "expressions", "__reduce__", "__reduce_ex__", "format"]
ARGUMENTS = [f"{PICKLE}, proto='pickle', allow_pickle=True", "'/etc/passwd'", "'pwned'", "'covered'", "2", ""]


def expression(depth: int = 0) -> st.SearchStrategy[str]:
    simple = st.one_of(st.sampled_from(NAMES), st.sampled_from(LITERALS))
    if depth >= 3:
        return simple
    inner = st.deferred(lambda: expression(depth + 1))
    attack = st.tuples(st.sampled_from(PATHS), st.sampled_from(METHODS), st.sampled_from(ARGUMENTS)).map(
        lambda p: f"{p[0]}.{p[1]}({p[2]})")
    return st.one_of(
        simple,
        attack,
        st.tuples(inner, st.sampled_from(ATTRS)).map(lambda p: f"{p[0]}.{p[1]}"),
        st.tuples(inner, st.sampled_from(ATTRS + ["0", "-1"])).map(
            lambda p: f"{p[0]}[{p[1] if p[1].lstrip('-').isdigit() else repr(p[1])}]"),
        st.tuples(inner, st.lists(inner, max_size=3)).map(lambda p: f"{p[0]}({', '.join(p[1])})"),
        st.tuples(inner, st.sampled_from(["proto='pickle', allow_pickle=True", "n=10**9"])).map(
            lambda p: f"{p[0]}({PICKLE}, {p[1]})"),
        st.tuples(inner, st.sampled_from(BINOPS), inner).map(lambda p: f"({p[0]} {p[1]} {p[2]})"),
        st.tuples(inner, st.sampled_from(FILTERS)).map(lambda p: f"{p[0]} | {p[1]}"),
        st.lists(inner, max_size=3).map(lambda items: f"[{', '.join(items)}]"),
    )


def statement(depth: int = 0) -> st.SearchStrategy[str]:
    expr = expression()
    simple = st.one_of(
        expr.map(lambda e: "{{ %s }}" % e),
        expr.map(lambda e: "{%% set v = %s %%}" % e),
        expr.map(lambda e: "{%% set ns = namespace(a=1) %%}{%% set ns.a = %s %%}{{ ns.a }}" % e),
        st.sampled_from(["text ", "\n", "{{", "}}", "{%", "%}", "{% endfor %}", "{# c #}", "{% raw %}{{{% endraw %}",
                         '{% include "fuzz.md" %}', '{% import "fuzz.md" as m %}{{ m }}', '{% extends "fuzz.md" %}',
                         "{% macro f(a) %}{{ a }}{{ caller() }}{% endmacro %}{% call f(1) %}c{% endcall %}"]),
    )
    if depth >= 2:
        return simple
    body = st.lists(st.deferred(lambda: statement(depth + 1)), max_size=3).map("".join)
    return st.one_of(
        simple,
        st.tuples(expr, body).map(lambda p: "{%% for x in %s %%}%s{%% endfor %%}" % p),
        st.tuples(expr, body).map(lambda p: "{%% if %s %%}%s{%% else %%}-{%% endif %%}" % p),
        st.tuples(st.sampled_from(["range(100000)", "range(3)", "report.steps", "doc.goals"]), body).map(
            lambda p: "{%% for x in %s %%}{%% for y in %s %%}%s{%% endfor %%}{%% endfor %%}" % (p[0], p[0], p[1])),
    )


TEMPLATES = st.lists(statement(), min_size=1, max_size=5).map("".join)


@contextlib.contextmanager
def small_limits():
    with mock.patch.object(render_limits, "MAX_SECONDS", 0.5), mock.patch.object(render_limits, "MAX_OUTPUT", 1_000_000), \
            mock.patch.object(sandbox, "MAX_VALUE", 1_000_000):
        yield


def run_template(text: str) -> None:
    """Rendered text or a TemplateError; any other exception fails; nothing appears in the
    current folder (an empty temporary one)."""
    with tempfile.TemporaryDirectory() as work, tempfile.TemporaryDirectory() as own, small_limits():
        (Path(own) / "fuzz.md").write_text(text, encoding="utf-8")
        before = os.getcwd()
        os.chdir(work)
        try:
            try:
                out = render.render("md", "fuzz.md", CONTEXT, Path(own))
            except render.TemplateError as exc:
                assert "\n" not in str(exc), str(exc)
            else:
                assert isinstance(out, str)
            assert os.listdir(work) == [], (text, os.listdir(work))
        finally:
            os.chdir(before)


@settings(max_examples=400, **DEFAULT)
@given(TEMPLATES)
def test_random_templates_give_text_or_a_template_error(text):
    run_template(text)


@pytest.mark.parametrize("text", [
    "{{ report.checklist.parse_raw(%s, proto='pickle', allow_pickle=True) }}" % PICKLE,
    "{{ report.checklist.parse_file('/etc/passwd') }}",
    "{% for x in range(100000) %}{% for y in range(100000) %}{% endfor %}{% endfor %}",
    "{{ 'a' * 10**9 }}",
    '{% include "fuzz.md" %}',
], ids=["pickle", "parse_file", "endless-loop", "huge-string", "includes-itself"])
def test_the_seeds_of_the_fuzzing_are_refused(text):
    """The cases the fuzzing starts from, each once: refused without a side effect."""
    run_template(text)


@pytest.mark.long
@_maybe_seed
@settings(max_examples=6000 * SCALE, **LONG)
@given(TEMPLATES)
def test_long_random_templates(text):
    run_template(text)
