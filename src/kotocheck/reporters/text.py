"""Human-readable findings: `file:line:column  severity  rule  message`, then the
basis and a hint, and a summary line per file: the findings by severity, how many legal
requirements are unmet (apart from the checklist's recommendations) and the coverage, which a
file with structural (YAML or schema) errors never shows: its checklist was not fully assessed."""

from __future__ import annotations

from kotocheck import gaps, i18n
from kotocheck.findings import FileResult, Finding, Severity


def detail_lines(f: Finding, lang: str, url_gap: str = " ") -> list[str]:
    """The basis (with its official link) and the hint of a finding, one line each; every
    output format words them the same way."""
    lines = []
    if f.source:
        url = f"{url_gap}<{f.url}>" if f.url else ""
        lines.append(f"{i18n.pick(i18n.MESSAGES['out.source'], lang)}: {i18n.pick(f.source, lang)}{url}")
    if f.hint:
        lines.append(f"{i18n.pick(i18n.MESSAGES['out.hint'], lang)}: {i18n.pick(f.hint, lang)}")
    return lines


def finding_lines(f: Finding, lang: str) -> list[str]:
    severity = i18n.pick(i18n.MESSAGES["sev." + f.severity.value], lang)
    first = f"{f.file}:{f.line}:{f.column}  {severity}  {f.rule}  {i18n.pick(f.message, lang)}"
    return [first, *(f"    {line}" for line in detail_lines(f, lang, url_gap="  "))]


def _count_key(name: str, n: int) -> str:
    return f"count.{name}.one" if n == 1 else f"count.{name}"


def legal_words(unmet: int, lang: str) -> str:
    """"2 lakisääteistä vaatimusta täyttämättä" / "2 legal requirements unmet"."""
    return i18n.pick(i18n.message(_count_key("legal_unmet", unmet), n=unmet), lang)


def summary_line(result: FileResult, lang: str, legal_unmet: int | None = None) -> str:
    """The file's counts; `legal_unmet` for a total of several files (its own counts otherwise)."""
    parts = [i18n.pick(i18n.message(_count_key(s.value, result.count(s)), n=result.count(s)), lang) for s in Severity]
    applied = [w for w in result.waivers if w.applied]
    if applied:
        parts.append(i18n.pick(i18n.message("count.waived", n=len(applied)), lang))
    counts = gaps.tally(result) if result.statuses else None
    if counts is not None and counts.legal:  # a checklist resting on no law has nothing to say here
        legal_unmet = counts.legal_unmet
    if legal_unmet is not None:
        parts.append(legal_words(legal_unmet, lang))
        if counts is not None and counts.legal_not_assessed:  # a legal duty not yet read is no pass either
            parts[-1] += f" ({i18n.pick(i18n.message('count.legal_not_assessed', n=counts.legal_not_assessed), lang)})"
    if counts is not None and gaps.structural_errors(result):
        parts.append(i18n.pick(i18n.MESSAGES["out.coverage_incomplete"], lang))
    elif counts is not None:
        parts.append(i18n.pick(i18n.message("out.coverage", covered=counts.covered, total=counts.applicable), lang))
    if counts is not None and counts.not_assessed:  # counted apart: neither missing nor covered
        parts.append(i18n.pick(i18n.message(_count_key("not_assessed", counts.not_assessed), n=counts.not_assessed), lang))
    return f"{result.file}: " + ", ".join(parts)


def total_legal_unmet(results: list[FileResult]) -> int | None:
    """Unmet legal requirements of all files together; None when no file's checklist rests on law."""
    counts = [c for c in (gaps.tally(r) for r in results if r.statuses) if c is not None and c.legal]
    return sum(c.legal_unmet for c in counts) if counts else None


def waiver_lines(result: FileResult, lang: str) -> list[str]:
    lines = []
    for w in result.waivers:
        label = i18n.pick(i18n.MESSAGES["out.waived" if w.applied else "out.waiver_ignored"], lang)
        extra = ""
        if w.approved_by:
            extra += f" ({i18n.pick(i18n.MESSAGES['out.approved_by'], lang)}: {w.approved_by}"
            extra += f", {w.expires.isoformat()})" if w.expires else ")"
        lines.append(f"{w.file or result.file}:{w.line}:{w.column}  {label}  {w.item}  "
                     f"{i18n.pick(w.title, lang) or w.item}: {w.reason}{extra}")
    return lines


def report(results: list[FileResult], lang: str) -> str:
    out: list[str] = []
    for result in results:
        for f in result.findings:
            out.extend(finding_lines(f, lang))
        out.extend(waiver_lines(result, lang))
        out.append(summary_line(result, lang))
        out.append("")
    if len(results) > 1:
        totals = FileResult(file=i18n.pick(i18n.message("out.total", files=len(results)), lang))
        totals.findings = [f for r in results for f in r.findings]
        out.append(summary_line(totals, lang, legal_unmet=total_legal_unmet(results)))
    return "\n".join(out).rstrip("\n") + "\n"
