"""Jinja2 environment for the rendered documents and gap reports.

Templates are looked up in order: the municipality's own folder first, then the built-in
ones, so dropping a file of the same name into `--templates DIR` overrides just that file
(as mkdocs does with theme directories). Templates run in jinja2's sandbox, because a
municipality's template is code we did not write."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from kotocheck.datafiles import folder

BUILTIN = folder("templates")
FORMATS = ("html", "md")
LANGUAGES = ("fi", "en", "sv")


class TemplateError(Exception):
    """A template could not be found or rendered; the message names it."""


@lru_cache(maxsize=4)
def labels(lang: str) -> dict[str, str]:
    from ruamel.yaml import YAML

    table = YAML(typ="safe").load((BUILTIN / "labels.yaml").read_text(encoding="utf-8"))
    return {key: entry.get(lang) or entry["fi"] for key, entry in table.items()}


def environment(fmt: str, user_dir: Path | None = None, lang: str = "fi"):
    """The jinja2 environment of one output format and language: its filters format numbers and
    dates in that language (kotocheck.numbers)."""
    from jinja2 import FileSystemLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    from kotocheck import numbers

    search = [str(user_dir / fmt), str(user_dir)] if user_dir else []
    env = SandboxedEnvironment(
        loader=FileSystemLoader([*search, str(BUILTIN / fmt)]),
        autoescape=fmt == "html",
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = markdown_inline
    env.filters["md_cell"] = markdown_cell
    env.filters["paras"] = paragraphs
    env.filters["upfirst"] = upfirst
    env.filters["css_string"] = css_string
    env.filters.update(numbers.filters(lang))
    return env


def render(fmt: str, template: str, context: dict[str, Any], user_dir: Path | None = None) -> str:
    from jinja2 import TemplateError as JinjaError
    from jinja2 import TemplateNotFound

    try:
        lang = context.get("lang") if context.get("lang") in LANGUAGES else "fi"
        return environment(fmt, user_dir, lang).get_template(template).render(**context)
    except TemplateNotFound as exc:
        raise TemplateError(f"template not found: {exc.name}") from None
    except JinjaError as exc:
        where = f"{getattr(exc, 'filename', None) or template}:{getattr(exc, 'lineno', None) or 1}"
        raise TemplateError(f"{where}: {exc.message or exc}") from None
    except Exception as exc:  # an error inside a template expression: name the template line
        raise TemplateError(f"{_template_line(exc, template)}: {type(exc).__name__}: {exc}") from None


def _template_line(exc: BaseException, template: str) -> str:
    """The innermost template frame of a traceback, as file:line."""
    where = template
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith((".html", ".md", ".css")):
            where = f"{filename}:{tb.tb_lineno}"
        tb = tb.tb_next
    return where


_LIST_LINE = re.compile(r"\s*(?:[-–•*]\s|\d{1,3}[.)]\s)")


def paragraphs(text: Any):
    """HTML paragraphs of the municipality's text, every character escaped: blank lines
    separate paragraphs; a single line break is where the line was wrapped in the file and reads
    as a space (as in the Markdown), except before a line that starts like a list item
    ("- ", "• ", "1. "), which keeps its line."""
    from markupsafe import Markup, escape

    if text is None or not str(text).strip():
        return Markup("")
    blocks = [b.strip() for b in re.split(r"\n[ \t]*\n", str(text).replace("\r\n", "\n")) if b.strip()]
    out = []
    for block in blocks:
        lines = [line.strip() for line in block.split("\n")]
        html = str(escape(lines[0]))
        for line in lines[1:]:
            html += ("<br>\n" if _LIST_LINE.match(line) else " ") + str(escape(line))
        out.append(f"<p>{html}</p>")
    return Markup("\n".join(out))


def upfirst(text: Any) -> str:
    """The text with its first letter in upper case and the rest as it is ("ELY-keskus" stays),
    for a vocabulary word at the start of a table cell."""
    text = "" if text is None else str(text)
    return text[:1].upper() + text[1:]


def css_string(text: Any):
    """The text as a quoted CSS string inside <style>: every character but letters, digits and
    spaces as a CSS escape, so nothing the municipality writes can end the string or the element."""
    from markupsafe import Markup

    text = " ".join(str(text or "").split())
    return Markup('"' + "".join(c if c.isalnum() or c == " " else f"\\{ord(c):x} " for c in text) + '"')


def markdown_inline(text: Any) -> str:
    """The municipality's text as written, kept from being read as Markdown structure:
    a line that starts like a heading, list, quote or HTML block is escaped."""
    if text is None:
        return ""
    lines = []
    for line in str(text).splitlines():
        stripped = line.lstrip()
        if stripped[:1] in ("#", ">", "-", "+", "*", "<", "|", "=") or _ordered(stripped):
            line = "\\" + stripped if stripped[:1] not in ("<",) else "&lt;" + stripped[1:]
        lines.append(_entities(line).replace("<", "&lt;"))
    return "\n".join(lines)


def markdown_cell(text: Any) -> str:
    """Text for one cell of a pipe table: one line, pipes escaped."""
    if text is None:
        return ""
    return _entities(" ".join(_BREAKING_SPACE.split(str(text).strip()))).replace("|", "\\|").replace("<", "&lt;")


_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# Line breaks and runs of ordinary spaces; a no-break space (54 880 €) is kept.
_BREAKING_SPACE = re.compile(r"[ \t\r\n\f\v\u2028\u2029\x1c-\x1f\x85]+")


def _entities(text: str) -> str:
    """`&lt;` written by the municipality stays `&lt;` when the Markdown is shown; a plain `&` stays as it is."""
    return _ENTITY.sub("&amp;", text)


def _ordered(line: str) -> bool:
    digits = len(line) - len(line.lstrip("0123456789"))
    return 0 < digits < 10 and line[digits:digits + 1] in (".", ")")
