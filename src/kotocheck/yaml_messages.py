"""ruamel.yaml's errors in a coordinator's words, in Finnish and English.

ruamel names the token it stumbled on ("expected <block end>, but found '<scalar>'"), which
says little about the mistake. `yaml_diagnosis.diagnose` reads the lines around the error to
tell which of the mistakes people make most it is, and returns an i18n key with the fix written
out (`unit: "%"`). Anything it does not recognise gets a general message that shows ruamel's
English wording in the English text only.

The loader (kotocheck.loader) reads the file and raises LoadError(finding); this module only
words the finding.
"""

from __future__ import annotations

import re
from typing import Any

from kotocheck import i18n
from kotocheck.findings import Finding, Severity
from kotocheck.yaml_diagnosis import Text, diagnose, quoted, spaces

# Problems the loader's scanner raises where ruamel accepts what YAML 1.2 does not (or the
# reverse); their wording is here so that the diagnosis can recognise them.
TAB_INDENT = "found a tab where indentation is expected"
COMMENT_SPACE = "found a comment that is not separated from what precedes it by a space"
FLOW_INDENT = "found a continuation line that is not indented deeper than the enclosing block"
RECURSIVE_ALIAS = "found an alias inside the node it refers to"


def finding(display: str, rule: str, line: int, column: int, key: str, **params: Any) -> Finding:
    return Finding(rule=rule, severity=Severity.ERROR, file=display, line=line, column=column,
                   message=i18n.message(key, **params), hint=i18n.message(key + ".hint", **params))


def _worded(display: str, rule: str, line: int, column: int, key: str, **params: Any) -> tuple[Finding, str]:
    return finding(display, rule, line, column, key, **params), key


def syntax_error(exc: Any, text: str, display: str) -> tuple[Finding, str]:
    """A ruamel MarkedYAMLError (scanner, parser, composer, constructor) as a located finding."""
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = " ".join(str(exc.problem or exc.context or "").split())
    if type(exc).__name__ == "DuplicateKeyError":
        key = problem.split('"')[1] if problem.count('"') >= 2 else problem
        return _worded(display, "yaml.duplicate-key", line, column, "yaml.duplicate-key", problem=key)
    if problem.startswith(RECURSIVE_ALIAS):  # valid YAML, but the data would be endless
        name = problem.rsplit(" ", 1)[-1].strip("'")
        return _worded(display, "yaml.too-complex", line, column, "yaml.alias_cycle", name=name)
    if problem == COMMENT_SPACE:
        return _worded(display, "yaml.syntax", line, column, "yaml.comment_space")
    if problem == FLOW_INDENT:
        at = exc.context_mark
        return _worded(display, "yaml.syntax", line, column, "yaml.flow_indent",
                       at_line=at.line + 1 if at is not None else line, spaces=spaces(column - 1))
    if _is_tab_problem(text, line, problem):
        return _worded(display, "yaml.syntax", line, column, "yaml.tab")
    try:
        found = diagnose(exc, Text(text))
    except Exception:  # the diagnosis is a courtesy: a surprise in it must not hide the error
        found = None
    if found is not None:
        key, (line, column), params = found
        return _worded(display, "yaml.syntax", line, column, key, **params)
    english = " ".join(f"{exc.context or ''} {exc.problem or ''}".split())
    ctx = exc.context_mark
    where = {"fi": "", "en": ""}
    if ctx is not None and exc.problem_mark is not None and ctx.line != exc.problem_mark.line:
        where = {"fi": f" (rakenne alkaa kohdasta {ctx.line + 1}:{ctx.column + 1})",
                 "en": f" (the construct starts at {ctx.line + 1}:{ctx.column + 1})"}
    return _worded(display, "yaml.syntax", line, column, "yaml.syntax", problem=english, where=where)


def construct_error(exc: BaseException, text: str, display: str) -> tuple[Finding, str]:
    """A value ruamel's constructor cannot build (2025-02-30, 0x_, `!!int x`, `!!bool abc`)."""
    line, column, value = _failing_node(exc)
    rows = text.splitlines()
    tagged = 0 < line <= len(rows) and rows[line - 1][column - 1: column].startswith("!")
    structural = isinstance(exc, (AttributeError, KeyError, TypeError))  # `!!omap 1`, `!!bool abc`
    key = ("yaml.construct" if tagged or structural else
           "yaml.bad_date" if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", value) else "yaml.bad_scalar")
    return _worded(display, "yaml.syntax", line, column, key, value=value, reason=str(exc) or type(exc).__name__,
                   fix=quoted(value))


def reader_error(exc: Any, text: str, display: str) -> tuple[Finding, str]:
    """A control character: ruamel gives its offset in the text."""
    before = text[: exc.position]
    line, column = before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1
    char = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "\0")
    return _worded(display, "yaml.syntax", line, column, "yaml.control_char", char=f"U+{char:04X}")


def other_error(exc: BaseException, display: str) -> tuple[Finding, str]:
    """Anything else ruamel raised: located where it was building a node, else at the start."""
    line, column, _ = _failing_node(exc)
    return _worded(display, "yaml.syntax", line, column, "yaml.syntax", problem=" ".join(str(exc).split()),
                   where={"fi": "", "en": ""})


def surrogate(display: str, line: int, column: int, code: int) -> tuple[Finding, str]:
    return _worded(display, "yaml.syntax", line, column, "yaml.surrogate", escape=f"\\u{code:04x}")


def _failing_node(exc: BaseException) -> tuple[int, int, str]:
    """Line, column and text of the node ruamel was building when it failed: the innermost
    frame of the traceback that has a `node` with a position."""
    import traceback

    found = (1, 1, "")
    for frame, _ in traceback.walk_tb(exc.__traceback__):
        node = frame.f_locals.get("node")
        mark = getattr(node, "start_mark", None)
        if mark is not None:
            value = getattr(node, "value", "")
            found = (mark.line + 1, mark.column + 1, (value if isinstance(value, str) else "")[:80])
    return found


def _is_tab_problem(text: str, line: int, problem: str) -> bool:
    if problem == TAB_INDENT or "\\t" in problem:
        return True
    lines = text.splitlines()
    return 0 < line <= len(lines) and lines[line - 1].lstrip(" ").startswith("\t")
