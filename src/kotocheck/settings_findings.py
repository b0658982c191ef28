"""What a settings file (kotocheck.toml) says but cannot apply, said as located findings in it:
a rule id no checklist and no rule of the tool has, and a waiver whose file pattern matches no
document. validate adds them once per settings file (settings_said); the single-document
commands do not."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from kotocheck import i18n
from kotocheck.checklist import available, load_checklist
from kotocheck.config import Config
from kotocheck.findings import FileResult, Finding, Severity


def settings_said(paths: list[Path], results: list[FileResult]) -> None:
    """Add to each run what its settings files say but cannot apply (settings_findings), once per
    settings file, to the first result checked under it. `paths` and `results` as check_files
    took and gave them; validate calls this, the single-document commands do not."""
    from kotocheck import config as config_module

    loaded: dict[str, Config] = {}
    runs: dict[str, tuple[Config, list[Path], FileResult]] = {}
    for path, result in zip(paths, results):
        folder = os.path.realpath(path.parent)  # as check_files finds them
        if folder not in loaded:
            loaded[folder] = config_module.load(Path(folder))
        config = loaded[folder]
        if config.file is not None:
            runs.setdefault(os.path.realpath(config.file), (config, [], result))[1].append(path)
    for config, checked, first in runs.values():
        first.findings.extend(settings_findings(config, checked))
        first.findings.sort(key=Finding.sort_key)


def settings_findings(config: Config, checked: list[Path]) -> list[Finding]:
    """What the settings file says but cannot apply, located in it: a rule id under [severity] or
    in a waiver that no checklist and no rule of the tool has (said always: it can never apply), and
    a waiver whose `files` pattern matches none of the files `checked` and no document under the
    settings' `paths` (the settings file's whole folder when there are none). Given only some
    files, a waiver for the others is no mistake; one that matches no document at all is."""
    from kotocheck import config as config_module
    from kotocheck import discovery

    if config.file is None:
        return []
    items, tools = _rule_ids()
    found: list[Finding] = []

    def said(rule: str, key: str, at: tuple[int, int], **params: Any) -> None:
        found.append(Finding(rule=rule, severity=config.settings.severity.get(rule, Severity.WARNING),
                             file=shown(config.file), line=at[0], column=at[1],
                             message=i18n.message(key, **params), hint=i18n.message(key + ".hint")))

    file = config.file
    for rule in config.settings.severity:
        if rule not in items and rule not in tools:
            said("config.unknown-rule", "config.unknown_rule", config_module.severity_position(file, rule),
                 value=f'"{rule}"', near=_near(rule, items | tools))
    for index, waiver in enumerate(config.settings.waivers):
        if waiver.rule not in items:
            said("config.unknown-rule", "config.unknown_waiver_rule", config_module.waiver_position(file, index, "rule"),
                 value=f'"{waiver.rule}"', near=_near(waiver.rule, items))
    unmatched = [(index, waiver) for index, waiver in enumerate(config.settings.waivers)
                 if not any(config_module.matches(config.relative(path), waiver.files) for path in checked)]
    if unmatched:  # only then look for the other documents: the search reads every YAML file
        wanted = [config.resolve(p) for p in config.settings.paths] or [config.root]
        others = [path for path in discovery.find(wanted) if path.exists()]
        for index, waiver in unmatched:
            if not any(config_module.matches(config.relative(path), waiver.files) for path in others):
                said("config.unused-waiver", "config.unused_waiver", config_module.waiver_position(file, index, "files"),
                     value=waiver.rule, files=f'"{waiver.files}"',
                     where=i18n.message("config.where_paths" if config.settings.paths else "config.where_folder"))
    return found


@lru_cache(maxsize=1)
def _rule_ids() -> tuple[frozenset[str], frozenset[str]]:
    """The item ids of every checklist kotocheck has, and the ids of the tool's own rules."""
    from kotocheck.reporters.common import TOOL_RULES, TOOL_SEVERITY

    items: set[str] = set()
    for path in available([]).values():
        try:
            items.update(item.id for item in load_checklist(path).items)
        except Exception:  # a broken checklist is reported where it is used, not here
            continue
    families = ("input", "yaml", "doc", "schema", "waiver", "format", "config", "not-assessed")
    tools = {key.replace("_", "-") for key in i18n.MESSAGES
             if not key.endswith(".hint") and key.split(".")[0] in families}
    return frozenset(items), frozenset(tools | set(TOOL_RULES) | set(TOOL_SEVERITY))


_LOOKALIKE = str.maketrans({"l": "1", "i": "1", "o": "0", ",": ".", " ": None})


def _near(rule: str, known: Iterable[str]) -> dict[str, str] | str:
    """" Did you mean …?" for an id close to a known one: another case, a comma for the dot, an l
    for a 1, else one character off."""
    known = sorted(known)
    folded = {k.casefold().translate(_LOOKALIKE): k for k in reversed(known)}
    guess = folded.get(rule.casefold().translate(_LOOKALIKE))
    if guess is None:
        import difflib  # only for a misspelt rule: most runs never need it

        close = difflib.get_close_matches(rule, known, n=1, cutoff=0.75)
        guess = close[0] if close else None
    return i18n.message("config.near", value=f'"{guess}"') if guess else ""


def shown(path: Path) -> str:
    """A path relative to the current folder when below it, as the user's own paths are."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
