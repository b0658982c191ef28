"""Jinja2 environment for the rendered documents and gap reports.

Templates are looked up in order: the municipality's own folder first, then the built-in
ones, so dropping a file of the same name into `--templates DIR` overrides just that file
(as mkdocs does with theme directories). Templates run in kotocheck.sandbox, because a
municipality's template is code we did not write: every context passes through
`template_data.template_context` here, so whoever calls `render` hands templates plain data only."""

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
    from jinja2 import StrictUndefined

    from kotocheck import numbers, sandbox

    search = [str(user_dir / fmt), str(user_dir)] if user_dir else []
    env = sandbox.Environment(
        loader=sandbox.Loader([*search, str(BUILTIN / fmt)]),
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
    env.bound_filters()
    return env


def render(fmt: str, template: str, context: dict[str, Any], user_dir: Path | None = None) -> str:
    """The template filled in with the context, as plain data (kotocheck.sandbox); any failure or
    limit hit is a TemplateError of one line that names the template."""
    from jinja2 import TemplateError as JinjaError
    from jinja2 import TemplateNotFound, TemplateSyntaxError

    from kotocheck import render_limits, sandbox, template_data

    lang = context.get("lang") if context.get("lang") in LANGUAGES else "fi"
    try:
        data = template_data.template_context(context)
        with render_limits.limits(template):
            env = environment(fmt, user_dir, lang)
            return render_limits.stream(env.get_template(template), data, template)
    except TemplateNotFound as exc:
        raise TemplateError(f"template not found: {exc.name}") from None
    except TemplateSyntaxError as exc:
        raise TemplateError(_one_line(f"{exc.filename or template}:{exc.lineno or 1}: {exc.message or exc}")) from None
    except sandbox.Refused as exc:
        message = str(exc) if exc.located else f"{_template_line(exc, template)}: {exc}"
        raise TemplateError(_one_line(message)) from None
    except JinjaError as exc:  # e.g. an undefined name, an attribute the sandbox refuses
        raise TemplateError(_one_line(f"{_template_line(exc, template)}: {exc.message or exc}")) from None
    except MemoryError:
        raise TemplateError(f"{template}: the template needs more memory than the limit of "
                            f"{render_limits.MAX_MEMORY // 2**20} MiB") from None
    except Exception as exc:  # an error inside a template expression: name the template line
        if getattr(exc, "kotocheck_callers", False):  # the caller's own alarm (render_limits.limits)
            raise
        raise TemplateError(_one_line(f"{_template_line(exc, template)}: {type(exc).__name__}: {exc}")) from None


def _one_line(message: str) -> str:
    """The first line of a message (a pydantic or jinja message may go on for several)."""
    lines = [line.strip() for line in message.splitlines() if line.strip()]
    return lines[0] if lines else message


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
