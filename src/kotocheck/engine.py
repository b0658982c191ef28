"""Document -> schema validation -> checklist checks -> FileResult. Never prints."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from kotocheck import checks, deprecations, i18n, loader, not_assessed, references, validity
from kotocheck.checklist import CATALOGUES, Checklist, Item, available, catalogue, groups, label, load_checklist
from kotocheck.config import Config
from kotocheck.findings import FileResult, Finding, Severity, Status, Waiver
from kotocheck.kinds import DEFAULT_CHECKLIST, KINDS, PROGRAMME, SERVICES
from kotocheck.locations import dotted, locate, resolve
from kotocheck.models import FORMAT_VERSIONS, MODELS, schema_findings
from kotocheck.settings_findings import _rule_ids, shown as _shown


@dataclass
class Options:
    today: dt.date = field(default_factory=dt.date.today)
    checklist_dirs: list[Path] = field(default_factory=list)
    max_bytes: int | None = None  # None: the config's, else loader.DEFAULT_MAX_BYTES
    config: Config | None = None  # settings in effect (default checklist, severities, waivers)
    use_waivers: bool = True  # False: --no-waivers, to see what the waivers hide

    @property
    def settings(self):
        return (self.config or Config()).settings


def check_file(path: Path, options: Options | None = None, display: str | None = None) -> FileResult:
    options = options or Options()
    display = display or str(path)
    try:
        doc = loader.load(path, display, options.max_bytes or options.settings.max_bytes)
    except loader.LoadError as exc:
        return FileResult(file=display, findings=[exc.finding], unreadable=True)
    result = check_document(doc, path, options)
    for finding in result.findings:  # kotocheck.toml [severity]
        finding.severity = options.settings.severity.get(finding.rule, finding.severity)
    result.findings.sort(key=Finding.sort_key)
    return result


def check_files(paths: Iterable[Path], today: dt.date, use_waivers: bool = True,
                display: Callable[[Path], str] = str) -> Iterator[FileResult]:
    """Check files, each under the settings nearest above it (kotocheck.toml or
    [tool.kotocheck]); every command that checks files goes through here, so validate,
    report, render and summary always agree. Raises config.ConfigError for a broken one."""
    from kotocheck import config as config_module

    settings: dict[Path, Config] = {}
    for path in paths:
        folder = Path(os.path.realpath(path.parent))  # realpath: a symlink loop must not raise
        if folder not in settings:
            settings[folder] = config_module.load(folder)
        yield check_file(path, Options(today=today, config=settings[folder], use_waivers=use_waivers),
                         display=display(path))


def check_document(doc: loader.Document, path: Path, options: Options) -> FileResult:
    result = FileResult(file=doc.file, document=doc)
    data = doc.data
    if not isinstance(data, dict):
        result.findings.append(_plain(doc, (), "yaml.not-mapping", "yaml.not_mapping"))
        return result
    kind = data.get("kind")
    if not isinstance(kind, str) or kind not in MODELS:  # a list or mapping here is not hashable
        key = "doc.kind_missing" if kind is None else "doc.kind_unknown"
        result.findings.append(_plain(doc, ("kind",), "doc.kind", key, hint="doc.kind.hint", value=kind,
                                      known=", ".join(KINDS)))
        return result
    result.kind = kind
    version = data.get("format_version")
    if isinstance(version, int) and not isinstance(version, bool) and version not in FORMAT_VERSIONS:
        result.findings.append(_plain(doc, ("format_version",), "doc.format-version", "doc.format_version",
                                      value=version, known=", ".join(map(str, FORMAT_VERSIONS))))
        return result
    schema = schema_findings(kind, data, doc.tree, doc.file)
    result.findings.extend(schema)
    result.findings.extend(_duplicate_ids(doc))
    result.findings.extend(deprecations.findings(kind, data, doc.tree, doc.file))
    if kind == PROGRAMME:
        result.findings.extend(_unknown_refs(doc, "goals[*].id", ("goals[*].measures[*]", "measures[*]"), "goals",
                                             "doc.unknown-goal", "doc.unknown_goal"))
    if kind == SERVICES:
        result.findings.extend(_unknown_refs(doc, "services[*].id", ("goals[*]",), "services",
                                             "doc.unknown-service", "doc.unknown_service"))
    broken = {f.path for f in schema if f.rule != "schema.missing"}
    checklist = _checklist(doc, kind, options, result)
    if checklist is None and kind == PROGRAMME and not data.get("checklist") and not options.settings.checklist:
        result.findings.append(_plain(doc, (), "doc.checklist", "doc.checklist_missing", at_value=False,
                                      known=", ".join(sorted(available(options.checklist_dirs)))))
    if checklist is None:
        return result
    result.checklist = checklist.id
    if kind == PROGRAMME:  # decided once here; report and summary read it, L32.4 applies the same rule
        result.validity = validity.decide(data, validity.rule_for(checklist), options.today)
    waived = _waivers(doc, checklist, result)
    configured = _config_waivers(path, checklist, options, result)
    if not options.use_waivers:
        for waiver in result.waivers:
            waiver.applied = False
        waived, configured = set(), {}
    ctx = _context(doc, path, options)
    unassessed = not_assessed.Marks.read(doc, checklist, result)
    for item in checklist.items:
        hits = checks.run(item.check, ctx)
        if item.id in configured and not hits:  # a settings-file waiver that no longer waives anything
            configured[item.id].applied = False
            result.findings.append(_config_finding(configured[item.id], "waiver.unused", doc.file))
        elif item.id in waived or item.id in configured:
            result.statuses[item.id] = Status.NOT_APPLICABLE
            if not hits:  # the municipality's own declaration stands, but it is likely on the wrong item
                result.findings.append(_waiver_covered(doc, result, item))
            continue
        mark = unassessed.covers(item, hits) if hits else None
        if mark is not None:  # not yet written or read: neither missing nor covered
            result.statuses[item.id] = Status.NOT_ASSESSED
            result.held[item.id] = mark.note
            continue
        result.statuses[item.id] = _status(hits)
        # A value of the wrong type already has a located schema error; saying again
        # that the same place lacks content would only add noise.
        result.findings.extend(_finding(doc, checklist, item, hit) for hit in hits
                               if not _under(dotted(hit.path), broken))
    result.findings.extend(unassessed.findings(result, checklist))
    return result


def _under(path: str, broken: set[str]) -> bool:
    return any(path == b or path.startswith(b + ".") or path.startswith(b + "[") for b in broken)


def _status(hits: list[checks.Hit]) -> Status:
    if not hits:
        return Status.COVERED
    return Status.PARTIAL if all(h.partial for h in hits) else Status.MISSING


def _plain(doc: loader.Document, path: tuple, rule: str, key: str, hint: str | None = None,
           at_value: bool = True, **params: Any) -> Finding:
    line, column = locate(doc.tree, path, at_value=at_value)
    return Finding(rule=rule, severity=Severity.ERROR, file=doc.file, line=line, column=column,
                   message=i18n.message(key, **params), hint=i18n.message(hint or key + ".hint", **params),
                   path=dotted(path))


def _checklist(doc: loader.Document, kind: str, options: Options, result: FileResult) -> Checklist | None:
    name = doc.data.get("checklist") or options.settings.checklist or DEFAULT_CHECKLIST.get(kind)
    if not isinstance(name, str):
        return None  # the schema already reported a missing or mistyped checklist
    known = available(options.checklist_dirs)
    if name not in known:
        result.findings.append(_plain(doc, ("checklist",), "doc.checklist", "doc.checklist_unknown",
                                      hint="doc.checklist.hint", value=name, known=", ".join(sorted(known))))
        return None
    checklist = load_checklist(known[name])
    if checklist.kind != kind:
        result.findings.append(_plain(doc, ("checklist",), "doc.checklist", "doc.checklist_wrong_kind",
                                      hint="doc.checklist.hint", value=name, expected=checklist.kind, kind=kind,
                                      known=", ".join(n for n, p in known.items() if load_checklist(p).kind == kind)))
        return None
    return checklist


def _waivers(doc: loader.Document, checklist: Checklist, result: FileResult) -> set[str]:
    waived: set[str] = set()
    for path, entry in resolve(doc.data, "not_applicable[*]").matches:
        if not isinstance(entry, dict):
            continue
        item, reason = entry.get("item"), entry.get("reason")
        if not isinstance(item, str) or not isinstance(reason, str) or not reason.strip():
            continue  # the schema reports the missing reason; an unexplained waiver waives nothing
        if checklist.item(item) is None:
            result.findings.append(_plain(doc, path + ("item",), "waiver.unknown-item", "waiver.unknown_item", value=item))
            continue
        if item in waived:
            result.findings.append(_plain(doc, path + ("item",), "waiver.duplicate", "waiver.duplicate", value=item))
            continue
        waived.add(item)
        if checklist.item(item).formerly is not None:  # a waiver written for the id's old meaning
            result.findings.append(_changed_item(doc, path, checklist.item(item)))
        line, column = locate(doc.tree, path)
        result.waivers.append(Waiver(item=item, reason=reason.strip(), line=line, column=column,
                                     title=checklist.item(item).title.as_dict()))
    return waived


def _changed_item(doc: loader.Document, path: tuple, item: Item) -> Finding:
    finding = _plain(doc, path + ("item",), "waiver.changed-item", "waiver.changed_item", value=item.id,
                     title=item.title.fi, before=item.formerly.fi)
    finding.message["en"] = i18n.message("waiver.changed_item", value=item.id, title=item.title.en,
                                         before=item.formerly.en)["en"]
    finding.severity = Severity.WARNING
    return finding


def _config_waivers(path: Path, checklist: Checklist, options: Options, result: FileResult) -> dict[str, Waiver]:
    """Waivers from kotocheck.toml that apply to this file: item id -> waiver. An expired
    one waives nothing and is itself a finding; so is one naming no item of the checklist."""
    config = options.config
    if config is None or config.file is None:
        return {}
    applied: dict[str, Waiver] = {}
    text = config.file.read_text(encoding="utf-8")
    for index, entry in enumerate(config.waivers_for(path)):
        line = _nth_table_line(text, "waivers", index, config.file.name == "pyproject.toml")
        item = checklist.item(entry.rule)
        waiver = Waiver(item=entry.rule, reason=entry.reason, line=line, column=1, origin="config",
                        title=item.title.as_dict() if item else None, file=_shown(config.file),
                        approved_by=entry.approved_by, expires=entry.expires)
        result.waivers.append(waiver)
        if entry.expires is not None and entry.expires < options.today:
            waiver.applied = False
            result.findings.append(_config_finding(waiver, "waiver.expired", result.file,
                                                   date=entry.expires.strftime("%-d.%-m.%Y")))
        elif item is None:
            waiver.applied = False
            if entry.rule in _rule_ids()[0]:  # a rule of no checklist is said once, as config.unknown-rule
                result.findings.append(_config_finding(waiver, "waiver.unused", result.file))
        else:
            applied[entry.rule] = waiver
    return applied


def _nth_table_line(text: str, table: str, index: int, in_pyproject: bool) -> int:
    from kotocheck.config import table_lines

    lines = table_lines(text, table, in_pyproject)
    return lines[index] if index < len(lines) else 1


def _config_finding(waiver: Waiver, key: str, checked: str, **params: Any) -> Finding:
    """A finding about a waiver in kotocheck.toml, located there; the message names the checked file."""
    message = i18n.message(key, value=waiver.item, **params)
    return Finding(rule=key.replace("_", "-"), severity=Severity.WARNING, file=waiver.file or checked,
                   line=waiver.line, column=waiver.column,
                   message={lang: f"{text} ({checked})" for lang, text in message.items()},
                   hint=i18n.message(key + ".hint"))


def _waiver_covered(doc: loader.Document, result: FileResult, item: Item) -> Finding:
    waiver = next(w for w in result.waivers if w.item == item.id)
    return Finding(rule="waiver.covered", severity=Severity.INFO, file=doc.file, line=waiver.line,
                   column=waiver.column, message=i18n.message("waiver.covered", value=item.id),
                   hint=i18n.message("waiver.covered.hint"))


def _context(doc: loader.Document, path: Path, options: Options) -> checks.Context:
    catalogues = {name: {e.id for e in catalogue(name).entries} for name in CATALOGUES}

    def programme() -> tuple[dict | None, str | dict[str, str]]:
        target = doc.data.get("programme")
        if not isinstance(target, str):
            return None, "-"
        try:  # inside the repository, a regular file, the loader's size limit
            loaded = references.load(path.parent, target, options.max_bytes or options.settings.max_bytes)
        except references.Refused as exc:
            return None, {lang: f"{text} ({references.shown(target)})" for lang, text in exc.reason.items()}
        except loader.LoadError as exc:
            return None, {lang: f"{text} ({target})" for lang, text in exc.finding.message.items()}
        if not isinstance(loaded.data, dict):
            return None, target
        return loaded.data, ""

    cache: dict[str, Any] = {}

    def cached_programme() -> tuple[dict | None, str]:
        if "p" not in cache:
            cache["p"] = programme()
        return cache["p"]

    return checks.Context(data=doc.data, today=options.today, catalogues=catalogues, labels=label,
                          groups=groups(), programme=cached_programme, base_dir=path.parent)


def _finding(doc: loader.Document, checklist: Checklist, item: Item, hit: checks.Hit) -> Finding:
    line, column = locate(doc.tree, hit.path, at_value=hit.at_value)
    title, text = item.title.as_dict(), item.text.as_dict()
    message = {lang: f"{title.get(lang, title['fi'])}: {hit.detail.get(lang, hit.detail['en'])}" for lang in ("fi", "en")}
    label_ = checklist.source_label(item.source)
    source = {lang: f"{label_[lang]}: {text.get(lang, text['fi'])}" for lang in ("fi", "en")}
    return Finding(rule=item.id, severity=item.severity, file=doc.file, line=line, column=column, message=message,
                   hint=item.hint.as_dict(), source=source, url=checklist.sources[item.source.document].url,
                   path=dotted(hit.path), partial=hit.partial, related=_related(doc, hit))


def _related(doc: loader.Document, hit: checks.Hit) -> list[dict]:
    """Where each entry or value a hit is about sits: the value itself, or the list entry."""
    out = []
    for path in hit.related:
        line, column = locate(doc.tree, path, at_value=True)
        out.append({"line": line, "column": column, "path": dotted(path)})
    return out


def _unknown_refs(doc: loader.Document, ids: str, holders: tuple[str, ...], field: str, rule: str,
                  key: str) -> list[Finding]:
    """References inside one document name what it has: a measure's `goals` name goals of the
    programme, a service goal's `services` name services of the package. A typo would leave a
    goal looking served by a measure that serves nothing."""
    known = [str(v) for _, v in resolve(doc.data, ids).matches if isinstance(v, (str, int))]
    findings = []
    for expression in holders:
        for path, holder in resolve(doc.data, expression).matches:
            if not isinstance(holder, dict) or not isinstance(holder.get(field), list):
                continue
            for index, ref in enumerate(holder[field]):
                if isinstance(ref, (str, int)) and not isinstance(ref, bool) and str(ref) not in known:
                    findings.append(_plain(doc, path + (field, index), rule, key, value=ref,
                                           measure=holder.get("id", "?"), known=", ".join(known) or "-"))
    return findings


def _duplicate_ids(doc: loader.Document) -> list[Finding]:
    """Goal, measure and indicator ids are references: each must be unique in the file."""
    seen: dict[str, tuple] = {}
    findings = []
    for expression in ("goals[*].id", "goals[*].measures[*].id", "measures[*].id", "goals[*].indicators[*].id",
                       "services[*].id"):
        for path, value in resolve(doc.data, expression).matches:
            if not isinstance(value, (str, int)):
                continue
            if str(value) in seen:
                first_line, _ = locate(doc.tree, seen[str(value)], at_value=True)
                findings.append(_plain(doc, path, "schema.duplicate-id", "schema.duplicate_id",
                                       value=value, first_line=first_line))
            else:
                seen[str(value)] = path
    return findings
