"""Numbers, money, percentages and dates as a reader of each language writes them: the one place
that decides it. The templates use these as jinja2 filters (`filters(lang)`); nothing in a template
formats a number by hand.

    fi, sv   1 350    4,6 %    54 880 €    15.6.2026    6/2026    2025–2028
    en       1,350    4.6%     €54,880     2026-06-15   6/2026    2025–2028

The thousands separator and the space before a unit are no-break spaces (U+00A0), so "54 880 €"
never breaks over a line. A year is never grouped (2026, not 2 026). English dates are ISO 8601, as
in the tool's messages and the summary; a month is "6/2026" in every language, as the findings write
it. Text that is not a number (the municipality's "noin 300") is shown as written."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Callable

NBSP = "\u00a0"
COMMA_DECIMAL = ("fi", "sv")
_NUMBER = re.compile(r"[+-]?(\d{1,3}([ \u00a0\u202f]\d{3})+|\d+)([.,]\d+)?")
_MONTH = re.compile(r"(\d{4})-(\d{2})")


def _as_number(value: Any) -> int | float | None:
    """The value as a number when it is one (also "1350", "4,6", "54 880"); None otherwise."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, str) and _NUMBER.fullmatch(value.strip()):
        text = re.sub(r"[ \u00a0\u202f]", "", value.strip()).replace(",", ".")
        number = float(text)
        return int(number) if "." not in text else number
    return None


def _digits(number: int | float, decimals: int | None, lang: str) -> str:
    """The number with grouped thousands and the language's decimal sign."""
    if decimals is None:  # as many decimals as the value has, at most three; a float keeps one (1.0 % stays 1,0 %)
        if isinstance(number, float):
            decimals = max(1, len(f"{number:.3f}".rstrip("0").split(".")[1]))
        else:
            decimals = 0
    text = f"{number:,.{decimals}f}"
    if lang in COMMA_DECIMAL:
        text = text.replace(",", NBSP).replace(".", ",").replace("-", "\u2212")
    return text


def number(value: Any, lang: str, decimals: int | None = None) -> str:
    """1 350 / 4,6 (fi, sv), 1,350 / 4.6 (en); text that is no number as written; None as ""."""
    if value is None or value == "":
        return ""
    parsed = _as_number(value)
    if parsed is None:
        return str(value)
    return _digits(parsed, decimals, lang)


def quantity(value: Any, unit: Any, lang: str) -> str:
    """A value with its unit: "4,6 %", "1 350 henkilöä"; "4.6%" in English."""
    shown = number(value, lang)
    unit = "" if unit is None else str(unit).strip()
    if not shown or not unit:
        return shown
    if unit == "%" and lang not in COMMA_DECIMAL and _as_number(value) is not None:
        return shown + "%"
    return f"{shown}{NBSP}{unit}"


def money(value: Any, lang: str) -> str:
    """54 880 € (fi, sv), €54,880 (en); cents only when there are any: 1 234,50 €."""
    if value is None or value == "":
        return ""
    parsed = _as_number(value)
    if parsed is None:
        return str(value)
    digits = _digits(parsed, 0 if float(parsed).is_integer() else 2, lang)
    return f"{digits}{NBSP}€" if lang in COMMA_DECIMAL else f"€{digits}"


def percent(value: Any, lang: str) -> str:
    """33 % (fi, sv), 33% (en)."""
    if value is None or value == "":
        return ""
    shown = number(value, lang)
    return f"{shown}{NBSP}%" if lang in COMMA_DECIMAL else f"{shown}%"


def date(value: Any, lang: str) -> str:
    """15.6.2026 (fi, sv), 2026-06-15 (en); a year as it is; a month 6/2026; other text as written."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return f"{value.day}.{value.month}.{value.year}" if lang in COMMA_DECIMAL else value.isoformat()
    if isinstance(value, str):
        text = value.strip()
        if _MONTH.fullmatch(text):
            return f"{int(text[5:])}/{text[:4]}"
        try:
            return date(dt.date.fromisoformat(text), lang) if len(text) == 10 else text
        except ValueError:
            return text
    return "" if value is None else str(value)


def span(period: Any, lang: str) -> str:
    """A period: 2025–2028, 1.9.2025–31.12.2027; only the start when it has no end."""
    if not isinstance(period, dict):
        return ""
    start, end = date(period.get("start"), lang), date(period.get("end"), lang)
    if start and end:
        return f"{start}–{end}"
    return start or (f"–{end}" if end else "")


def reference(text: Any) -> str:
    """A minutes reference as written, its section sign kept with its number and date on one line:
    "Kvalt 8.6.2026 § 33" never breaks around the "§"."""
    if text is None:
        return ""
    return re.sub(r"[ \u00a0]*§[ \u00a0]*", f"{NBSP}§{NBSP}", str(text)).strip()


def filters(lang: str) -> dict[str, Callable[..., str]]:
    """The jinja2 filters of one language: `{{ 54880 | money }}`, `{{ f.value | quantity(f.unit) }}`."""
    return {
        "number": lambda v, decimals=None: number(v, lang, decimals),
        "quantity": lambda v, unit=None: quantity(v, unit, lang),
        "money": lambda v: money(v, lang),
        "percent": lambda v: percent(v, lang),
        "date": lambda v: date(v, lang),
        "span": lambda p: span(p, lang),
        "reference": reference,
    }
