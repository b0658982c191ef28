"""GitHub Actions: workflow commands that become annotations on the changed lines, and a
Markdown summary for $GITHUB_STEP_SUMMARY.

    ::group::examples/kemijarvi-2023-2025.yaml
    ::error file=examples/kemijarvi-2023-2025.yaml,line=16,col=1,title=L32.1 Valtuuston hyväksyntä::Valtuuston…
    ::endgroup::

GitHub shows at most 10 annotations of each level per step, so the step summary is where the
rest is read: counts, coverage, every missing or partly covered item and every waiver."""

from __future__ import annotations

from dataclasses import replace

from kotocheck import i18n
from kotocheck.findings import FileResult, Severity, Status
from kotocheck.gaps import structural_errors
from kotocheck.reporters import common
from kotocheck.reporters.text import summary_line, total_legal_unmet

BASE_ENV = ("GITHUB_WORKSPACE",)
COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """As @actions/core escapes a command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """As @actions/core escapes a property value: data escaping plus `:` and `,`."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: dict[str, object], message: str) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


def report(results: list[FileResult], lang: str) -> str:
    rules = common.Rules(results)
    out: list[str] = []
    for path, result in common.ordered(results, common.base_dir(*BASE_ENV)):
        out.append(f"::group::{escape_data(path)}")
        for f in common.sorted_findings(result):
            title = common.title_of(rules.of(result, f.rule), lang)
            out.append(command(COMMAND[f.severity], {"file": path, "line": f.line, "col": f.column, "title": title},
                               common.full_message(f, lang)))
        # Plain log text starts with a fixed word: a file named "::error …" or "::stop-commands::"
        # would otherwise be read by the runner as a workflow command.
        out.append("kotocheck: " + " ".join(summary_line(replace(result, file=path), lang).split()))
        out.append("::endgroup::")
    # The runner's old command syntax ("##[error]…") is recognised anywhere in a line.
    return "\n".join(line.replace("##[", "#\u2060#[") for line in out) + "\n" if out else ""


# ---------------------------------------------------------------------------------------------
# step summary


def _cell(text: object) -> str:
    """Text safe inside a Markdown table cell (GitHub renders the summary as GFM with HTML)."""
    value = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return " ".join(value.replace("|", "\\|").split())


def _row(cells: list[object]) -> str:
    return "| " + " | ".join(_cell(c) for c in cells) + " |"


def _table(header: list[str], rows: list[list[object]], align: list[str] | None = None) -> list[str]:
    align = align or ["---"] * len(header)
    return [_row(header), "|" + "|".join(align) + "|", *(_row(r) for r in rows)]


def _file_summary(path: str, result: FileResult, rules: common.Rules, lang: str) -> list[str]:
    out = [f"## `{path.replace('`', '')}`", ""]
    if result.unreadable:
        out.append(common.label("unreadable", lang))
        out.append("")
    if result.checklist:
        checklist = common.checklist_named(result.checklist)
        name = i18n.pick(checklist.title.as_dict(), lang) if checklist else result.checklist
        out += [f"{common.label('checklist', lang)}: {_cell(name)} (`{result.checklist}`)", ""]
    covered, applicable = common.coverage(result)
    header = [common.label(k, lang) for k in ("errors", "warnings", "infos", "not_applicable")]
    row: list[object] = [result.count(Severity.ERROR), result.count(Severity.WARNING), result.count(Severity.INFO),
                         len(result.waivers)]
    incomplete = bool(result.statuses) and structural_errors(result)
    if result.statuses:
        header.append(common.label("coverage", lang))
        row.append("–" if incomplete else f"{covered}/{applicable}")  # a count the errors may have inflated
    out += _table(header, [row], ["---:"] * len(header)) + [""]

    findings = common.sorted_findings(result)
    gaps = []
    for rule in rules.items_of(result):
        status = result.statuses.get(rule.id)
        if status not in (Status.MISSING, Status.PARTIAL):
            continue
        first = next((f for f in findings if f.rule == rule.id), None)
        severity = common.item_severity(rule, result)  # kotocheck.toml's [severity], as validate judged it
        gaps.append([rule.id, i18n.pick(rule.title, lang), common.status_label(status, lang),
                     common.severity_label(severity, lang), first.line if first else ""])
    if result.statuses:
        out += [f"### {common.label('gaps', lang)}", ""]
        if incomplete:  # as validate says it: no "every item covered" beside a broken structure
            out += [i18n.pick(i18n.MESSAGES["out.coverage_incomplete"], lang).capitalize() + ".", ""]
        if gaps:
            columns = [common.label(k, lang) for k in ("item", "title", "status", "severity", "line")]
            out += _table(columns, gaps, ["---", "---", "---", "---", "---:"])
        elif not incomplete:
            out.append(common.label("no_gaps", lang))
        out.append("")

    others = [[f.rule, f"{f.line}:{f.column}", common.severity_label(f.severity, lang), i18n.pick(f.message, lang)]
              for f in findings if rules.item(result, f.rule) is None]
    if others:
        columns = [common.label(k, lang) for k in ("rule", "location", "severity", "message")]
        out += [f"### {common.label('other', lang)}", ""] + _table(columns, others) + [""]

    if result.waivers:
        rows = [[w.item, i18n.pick(w.title, lang), w.reason, w.line]
                for w in sorted(result.waivers, key=lambda w: (w.line, w.column, w.item))]
        columns = [common.label(k, lang) for k in ("item", "title", "reason", "line")]
        out += [f"### {common.label('waivers', lang)}", ""]
        out += _table(columns, rows, ["---", "---", "---", "---:"]) + [""]
    return out


# GitHub refuses a step summary over 1 MiB and shows none of it.
SUMMARY_LIMIT = 1024 * 1024


def step_summary(results: list[FileResult], lang: str, limit: int = SUMMARY_LIMIT) -> str:
    """Markdown for $GITHUB_STEP_SUMMARY: per file counts, coverage, gaps and waivers, cut at a
    line with a note when longer than `limit` bytes (UTF-8); empty when not even the note fits."""
    text = _step_summary(results, lang)
    if len(text.encode("utf-8")) <= limit:
        return text
    note = "\n*" + i18n.pick(i18n.message("out.summary_truncated", limit="1 MiB"), lang) + "*\n"
    room = limit - len(note.encode("utf-8"))
    kept, used = [], 0
    for line in text.splitlines(keepends=True):
        used += len(line.encode("utf-8"))
        if used > room:
            break
        kept.append(line)
    return "".join(kept) + note if room >= 0 else ""


def _step_summary(results: list[FileResult], lang: str) -> str:
    rules = common.Rules(results)
    out = ["# kotocheck", ""]
    pairs = common.ordered(results, common.base_dir(*BASE_ENV))
    if len(pairs) > 1:
        totals = FileResult(file=i18n.pick(i18n.message("out.total", files=len(pairs)), lang))
        totals.findings = [f for _, r in pairs for f in r.findings]
        out += [_cell(summary_line(totals, lang, legal_unmet=total_legal_unmet(results))), ""]
    for path, result in pairs:
        out += _file_summary(path, result, rules, lang)
    return "\n".join(out).rstrip("\n") + "\n"
