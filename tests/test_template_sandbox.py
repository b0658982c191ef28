"""A municipality's template is code we did not write (issue 10, item 1): it gets plain data only,
the sandbox refuses methods of anything else, and rendering stops at a time and an output limit.
Each refusal is one line and exit 2, with no side effect."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import os
import resource
import shutil
import signal
import time
from pathlib import Path

import pytest

from conftest import EXAMPLES
from kotocheck import render, render_limits, template_data

PROGRAMME = EXAMPLES / "kemijarvi-2023-2025.yaml"
FOLLOWUP = EXAMPLES / "rovaniemi-seuranta-2022-2025.yaml"
# A pickle (protocol 0, plain ASCII) that opens a file for writing when it is loaded: what
# pydantic's parse_raw(..., proto="pickle", allow_pickle=True) did for any template.
PAYLOAD = 'cbuiltins\\nopen\\n(V{path}\\nVw\\ntR.'


def refused(result, *words: str) -> str:
    """Exit 2 with one line that says it is a template error."""
    lines = result.output.strip().splitlines()
    assert result.exit_code == 2, result.output[-2000:]
    assert len(lines) == 1 and "template error:" in lines[0], result.output[-2000:]
    for word in words:
        assert word in lines[0]
    return lines[0]


def templates(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / "pohjat"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


# --- no code, no files ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_report_template_cannot_load_a_pickle(cli, tmp_path, fmt):
    target = tmp_path / "pwned"
    call = f'report.checklist.parse_raw("{PAYLOAD.format(path=target)}", proto="pickle", allow_pickle=True)'
    folder = templates(tmp_path, f"report.{fmt}", "{{ " + call + " }}\n")
    refused(cli("report", PROGRAMME, "-f", fmt, "--templates", folder), "report.")
    assert not target.exists()


def test_a_report_template_cannot_read_a_file(cli, tmp_path):
    secret = tmp_path / "secret.json"
    secret.write_text('{"id": "salaisuus"}', encoding="utf-8")
    folder = templates(tmp_path, "report.md", "{{ report.checklist.parse_file('%s') }}\n" % secret)
    line = refused(cli("report", PROGRAMME, "-f", "md", "--templates", folder))
    assert "salaisuus" not in line


@pytest.mark.parametrize("name", ["report.md", "md/report.md"])
def test_a_link_out_of_the_templates_folder_is_not_read(cli, tmp_path, name):
    """A link in a committed templates folder to a file outside (in CI: /proc/self/environ and
    its secrets) would print that file into the published report."""
    secret = tmp_path / "secret.txt"
    secret.write_text("SALAISUUS=1\n", encoding="utf-8")
    folder = tmp_path / "pohjat"
    (folder / name).parent.mkdir(parents=True, exist_ok=True)
    (folder / name).symlink_to(secret)
    line = refused(cli("report", PROGRAMME, "-f", "md", "--templates", folder), "not read")
    assert "SALAISUUS" not in line


def test_a_link_inside_the_templates_folder_is_read(cli, tmp_path):
    folder = templates(tmp_path, "yhteinen.md", "# {{ title }}\n")
    (folder / "report.md").symlink_to(folder / "yhteinen.md")
    assert cli("report", PROGRAMME, "-f", "md", "--templates", folder).output.startswith("# Kemijärven")


@pytest.mark.parametrize("expression", [
    "report.checklist.model_dump_json()",  # a method of a model
    "report.counts.as_dict()",  # a method of a dataclass
    "report.counts.add('covered')",  # one that would change it
    "report.validity.reason()",
    "report.checklist.model_fields",
    "report.__class__",
    "report.steps[0].items[0].status.__class__",
    "doc.__class__.__mro__",
    "t.__init__",
    "pick.__globals__",
    "vocab._function",
])
def test_a_report_template_reaches_no_object_behind_the_data(cli, tmp_path, expression):
    folder = templates(tmp_path, "report.md", "{{ %s }}\n" % expression)
    refused(cli("report", PROGRAMME, "-f", "md", "--templates", folder))


@pytest.mark.parametrize("expression", ["doc.__class__.__mro__[1].__subclasses__()", "t.__init__",
                                        "doc.title.encode()", "(1).to_bytes(8, 'big')", "lipsum(3)",
                                        "vocab.__call__", "cycler.__init__"])
def test_a_document_template_reaches_nothing_but_data(cli, tmp_path, expression):
    folder = templates(tmp_path, "programme.md", "{{ %s }}\n" % expression)
    refused(cli("render", PROGRAMME, "-f", "md", "--templates", folder))


def test_a_templates_folder_named_in_the_settings_is_sandboxed_too(cli, tmp_path):
    """No option given: kotocheck.toml beside the document picks the templates."""
    (tmp_path / ".git").mkdir()
    shutil.copy(PROGRAMME, tmp_path / "ohjelma.yaml")
    target = tmp_path / "pwned"
    call = f'report.checklist.parse_raw("{PAYLOAD.format(path=target)}", proto="pickle", allow_pickle=True)'
    templates(tmp_path, "report.md", "{{ " + call + " }}\n")
    (tmp_path / "kotocheck.toml").write_text('templates = "pohjat"\n', encoding="utf-8")
    refused(cli("report", tmp_path / "ohjelma.yaml", "-f", "md"))
    assert not target.exists()


def test_the_gap_report_template_still_sees_all_it_needs(cli, tmp_path):
    """What the built-in templates use, as plain data: fields, properties, enums as their values."""
    text = ("{{ report.counts.percent }} {{ report.counts.applicable }} {{ report.legal_unmet | length }}"
            " {{ report.steps[0].items[0].status }} {{ report.steps[0].items | selectattr('status', 'equalto',"
            " 'missing') | list | length > 0 }} {{ report.checklist.id }} {{ pick(report.checklist.title) }}"
            " {{ report.validity.state }} {{ pick(validity_reason(report.validity)) }}\n")
    folder = templates(tmp_path, "report.md", text)
    out = cli("report", PROGRAMME, "-f", "md", "--templates", folder).output
    words = out.split()
    assert words[3] in ("covered", "partial", "missing", "not_applicable", "not_assessed")
    assert words[5] == "kotouttamisohjelma-1386-2010" and words[-1] == "loppu" and "Status." not in out


def test_a_summary_template_gets_rows_as_data(tmp_path):
    """The summary's rows were dataclasses: `row.__dict__` and the Counts' methods are out of reach."""
    from kotocheck import summary as summaries
    from kotocheck import summary_formats

    built = summaries.check([PROGRAMME, FOLLOWUP], dt.date(2026, 11, 23))
    context = summary_formats.view(built, "fi", render.labels("fi"))
    for text in ["{{ rows[0].row.__dict__ }}", "{{ rows[0].row.counts.add('covered') }}",
                 "{% for r in rows %}{{ r.row.__dict__.row }}{% endfor %}", "{{ totals.as_dict() }}"]:
        folder = templates(tmp_path, "summary.md", text)
        with pytest.raises(render.TemplateError):
            render.render("md", "summary.md", context, folder)
    folder = templates(tmp_path, "summary.md", "{{ rows[0].row.coverage }} {{ rows[0].counts.percent }} "
                                               "{{ totals.files }} {{ rows[0].row.valid_until.year }}")
    assert render.render("md", "summary.md", context, folder).split()[2] == "1"


# --- plain data ------------------------------------------------------------------------------------------------


class Colour(str, enum.Enum):
    RED = "red"


@dataclasses.dataclass
class Box:
    colour: Colour
    when: dt.date
    tags: set

    @property
    def size(self) -> int:
        return len(self.tags)


def _only_plain(value, helpers=False) -> None:
    from markupsafe import Markup

    if isinstance(value, dict):
        for key, item in value.items():
            assert type(key) in (str, int), key
            _only_plain(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _only_plain(item)
    else:
        assert type(value) in (str, int, float, bool, type(None), dt.date, Markup) or (
            helpers and isinstance(value, template_data.Helper)), type(value)


def test_every_context_reaches_templates_as_plain_data():
    from kotocheck import publish
    from kotocheck.checklist import available, load_checklist

    checklist = load_checklist(next(iter(available().values())))
    context = {"box": Box(Colour.RED, dt.date(2026, 1, 2), {"b", "a"}), "model": checklist,
               "pair": (Colour.RED, frozenset({3, 1})), "maker": lambda: Box(Colour.RED, dt.date(2026, 1, 2), set()),
               "nested": {Colour.RED: [publish]}}
    seen = template_data.template_context(context)
    for name, value in seen.items():
        if name != "maker":
            _only_plain(value)
    assert seen["box"] == {"colour": "red", "when": dt.date(2026, 1, 2), "tags": ["a", "b"], "size": 2}
    assert seen["pair"] == ("red", [1, 3])
    assert seen["model"]["title"]["fi"] and seen["model"]["items"][0]["severity"] in ("error", "warning", "info")
    assert seen["nested"] == {"red": [str(publish)]}
    assert isinstance(seen["maker"], template_data.Helper)
    _only_plain(seen["maker"]())  # what our own functions return is plain data too


def test_a_helper_that_returns_an_object_gives_the_template_its_data(tmp_path):
    folder = templates(tmp_path, "x.md", "{{ make().colour }} {{ make().size }}")
    context = {"make": lambda: Box(Colour.RED, dt.date(2026, 1, 2), {"a"})}
    assert render.render("md", "x.md", context, folder) == "red 1"
    folder = templates(tmp_path, "x.md", "{{ make().colour.value }}")
    with pytest.raises(render.TemplateError):
        render.render("md", "x.md", context, folder)


# --- limits ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("expression", [
    '"a" * 10**9',
    "9 ** (9 ** 9)",
    '"%0999999999d" % 1',
    '"%*d" % (999999999, 1)',
    '"{:>999999999}".format(1)',
    '"{0:{1}}".format(1, ">999999999")',
    '"x" | center(999999999)',
    '"x" | indent(999999999)',
    '"%0999999999d" | format(1)',
    '"x".ljust(999999999)',
    "5 | round(-999999999)",
    "1 | number(999999999)",
    "[1] | batch(999999999, 0) | list",
    '[["x" * 1000] * 1000] * 1000',
    "range(10**9) | list",
])
def test_an_expression_cannot_make_something_unbounded(cli, tmp_path, expression):
    folder = templates(tmp_path, "programme.md", "{{ %s }}\n" % expression)
    started = time.monotonic()
    refused(cli("render", PROGRAMME, "-f", "md", "--templates", folder))
    assert time.monotonic() - started < 20


@pytest.mark.parametrize("step", ['ns.s ~ ns.s', 'ns.s + ns.s', 'ns.s | replace("x", "xx")', "ns.s * 2"])
def test_a_value_doubled_in_a_loop_stops_at_the_value_limit(cli, tmp_path, step):
    text = '{% set ns = namespace(s="x") %}{% for i in range(64) %}{% set ns.s = ' + step + ' %}{% endfor %}{{ ns.s }}'
    folder = templates(tmp_path, "programme.md", text)
    refused(cli("render", PROGRAMME, "-f", "md", "--templates", folder), "limit")


def test_a_loop_that_never_ends_stops_at_the_time_limit(cli, tmp_path, monkeypatch):
    monkeypatch.setattr(render_limits, "MAX_SECONDS", 1.0)
    text = "{% for i in range(100000) %}{% for j in range(100000) %}{% for k in range(100000) %}" \
           "{% endfor %}{% endfor %}{% endfor %}\n"
    folder = templates(tmp_path, "programme.md", text)
    started = time.monotonic()
    refused(cli("render", PROGRAMME, "-f", "md", "--templates", folder), "programme.md", "1 s")
    assert time.monotonic() - started < 15


def test_huge_output_stops_at_the_output_limit(cli, tmp_path, monkeypatch):
    monkeypatch.setattr(render_limits, "MAX_OUTPUT", 1_000_000)
    folder = templates(tmp_path, "programme.md", "{% for i in range(100000) %}{{ doc.title }}\n{% endfor %}")
    out = tmp_path / "out.md"
    refused(cli("render", PROGRAMME, "-f", "md", "--templates", folder, "-o", out), "programme.md", "output")
    assert not out.exists()


def test_text_that_costs_memory_but_not_steps_stops_at_the_memory_limit(tmp_path, monkeypatch):
    """A list of the same long text many times over is cheap to make and huge as JSON: the address
    space limit turns that into a MemoryError (Linux, main thread)."""
    if not Path("/proc/self/statm").exists():
        pytest.skip("the memory limit needs /proc/self/statm")
    monkeypatch.setattr(render_limits, "MAX_MEMORY", 256 * 2**20)
    folder = templates(tmp_path, "x.md", '{{ ([[["x" * 1000] * 1000] * 1000] * 16) | tojson | length }}')
    before = resource.getrlimit(resource.RLIMIT_AS)
    with pytest.raises(render.TemplateError, match="memory"):
        render.render("md", "x.md", {"lang": "fi"}, folder)
    assert resource.getrlimit(resource.RLIMIT_AS) == before


def test_the_callers_alarm_and_handler_are_kept(tmp_path):
    class Outer(Exception):
        pass

    def outer(signum, frame):
        raise Outer

    folder = templates(tmp_path, "x.md", "{{ doc }}")
    previous = signal.signal(signal.SIGALRM, outer)
    try:
        signal.setitimer(signal.ITIMER_REAL, 30)
        assert render.render("md", "x.md", {"doc": "ok"}, folder) == "ok"
        assert signal.getsignal(signal.SIGALRM) is outer
        left, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 25 < left <= 30
        # the caller's alarm comes due during a rendering: the caller's handler runs
        signal.setitimer(signal.ITIMER_REAL, 0.3)
        folder = templates(tmp_path, "x.md", "{% for i in range(100000) %}{% for j in range(100000) %}"
                                             "{% endfor %}{% endfor %}")
        with pytest.raises(Outer):
            render.render("md", "x.md", {}, folder)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_templates_keep_what_they_may_do(tmp_path):
    """Loops, macros, namespaces, cycler and the methods of plain values all still work."""
    text = ('{% import "m.md" as m %}{% set ns = namespace(n=0) %}{% for x in [1, 2, 3] %}'
            '{% set ns.n = ns.n + x %}{{ loop.cycle("a", "b") }}{% endfor %} {{ ns.n }} {{ m.twice("x") }} '
            '{{ "%s-%05.1f" % ("a", 2.5) }} {{ "{}:{:>3}".format("b", 7) }} {{ doc.items() | list | length }} '
            '{{ doc.get("title") | upper }} {{ "a,b".split(",") | join("+") }} {{ 2 ** 10 }} {{ "ab" * 2 }} '
            '{% call m.box() %}in{% endcall %} {{ when.year }} {{ when | date }} {{ entry.update }}')
    folder = templates(tmp_path, "x.md", text)
    (folder / "m.md").write_text('{% macro twice(s) %}{{ s ~ s }}{% endmacro %}'
                                 '{% macro box() %}[{{ caller() }}]{% endmacro %}', encoding="utf-8")
    context = {"doc": {"title": "otsikko", "year": 2026}, "when": dt.date(2026, 6, 15), "entry": {"update": "u"},
               "lang": "fi"}
    assert render.render("md", "x.md", context, folder) == (
        "aba 6 xx a-002.5 b:  7 2 OTSIKKO a+b 1024 abab [in] 2026 15.6.2026 u")
