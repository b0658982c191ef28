"""A programme's validity on a reference date, decided in one place.

`decide` is the only function that says until when a programme is valid and whether it is
valid today. The `not_expired` check (L32.4), the engine (which keeps the answer on the
FileResult for `report` and `summary`) and every output use it, so they cannot disagree.

The rules:
  period end         A year means 31 December, a month its last day, a date itself.
  approval rule      Where the checklist item says so (`since` and `years` of its
                     `not_expired` check; Act 1386/2010 §32: "tarkistetaan vähintään kerran
                     neljässä vuodessa"), the programme lapses `years` after its approval.
                     29 February plus a number of years that lands on a common year gives
                     28 February (the earlier day: the review is due, not overdue).
  valid until        The earlier of the two; on a tie the period end (the plainer reason).
                     Without either it is unknown.
  state              "expired" after the valid-until date (a programme is still valid on its
                     own last day); otherwise "not_started" before the first day of its
                     period; otherwise "valid", or "unknown" without a valid-until date.
                     Expired comes first: a programme whose approval has lapsed before its
                     period begins is never valid.
The number of years is data of the checklist item, never a constant here.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

from kotocheck import locations
from kotocheck.kinds import PROGRAMME

PERIOD_START = "identification.period.start"  # where a programme keeps its period (models.programme)
PERIOD_END = "identification.period.end"
STATES = ("valid", "expired", "not_started", "unknown")
FOUR_YEAR_RULE = "four_year_rule"  # basis: approval + the item's years (Act 1386/2010 §32)
PERIOD_BASIS = "period_end"  # basis: the end of the programme period


@dataclass(frozen=True)
class Rule:
    """Where the dates are and how long an approval lasts (None: no approval rule)."""

    end: str = PERIOD_END
    start: str | None = PERIOD_START
    since: str | None = None
    years: int | None = None
    decisions: str | None = None  # the decisions over time: the newest approval, update or review counts


@dataclass(frozen=True)
class Validity:
    state: str  # one of STATES
    valid_until: dt.date | None = None
    basis: str | None = None  # FOUR_YEAR_RULE | PERIOD_BASIS | None
    start: dt.date | None = None  # first day of the period
    approved: dt.date | None = None  # the approval date, when the rule counts from it
    years: int | None = None  # the rule's number of years, when it counts from the approval
    path: str | None = None  # the document field the valid-until date comes from

    @property
    def valid(self) -> bool:
        return self.state == "valid"

    def as_dict(self, lang: str) -> dict[str, Any]:
        """For JSON outputs: the state, the date (ISO) and why."""
        return {"state": self.state, "valid_until": self.valid_until.isoformat() if self.valid_until else None,
                "basis": self.basis, "reason": self.reason().get(lang) or None}

    def reason(self) -> dict[str, str]:
        """Why the valid-until date is what it is, in words: "kauden loppu" or
        "hyväksymisestä 14.6.2023 neljä vuotta"."""
        if self.basis == FOUR_YEAR_RULE:
            count = years_text(self.years or 0)
            return {"fi": f"hyväksymisestä {shown_day(self.approved, 'fi')} {count['fi']}",
                    "en": f"{count['en']} after approval on {shown_day(self.approved, 'en')}",
                    "sv": f"{count['sv']} efter godkännandet {shown_day(self.approved, 'sv')}"}
        if self.basis == PERIOD_BASIS:
            return {"fi": "kauden loppu", "en": "end of the period", "sv": "periodens slut"}
        return {}


# --- the decision -----------------------------------------------------------------------------------


def decide(data: Any, rule: Rule, today: dt.date) -> Validity:
    start, end = period_bounds(data, rule.start), period_bounds(data, rule.end)
    period_end = end[1] if end else None
    approved, since = latest_approval(data, rule, today) if rule.since and rule.years else (None, None)
    lapses = add_years(approved, rule.years) if approved and rule.years else None
    if lapses and (period_end is None or lapses < period_end):
        until, basis, path = lapses, FOUR_YEAR_RULE, since
    elif period_end:
        until, basis, path = period_end, PERIOD_BASIS, rule.end
    else:
        until = basis = path = None
    if until is not None and today > until:
        state = "expired"
    elif start and today < start[0]:
        state = "not_started"
    else:
        state = "unknown" if until is None else "valid"
    return Validity(state=state, valid_until=until, basis=basis, start=start[0] if start else None,
                    approved=approved, years=rule.years if approved else None, path=path)


def rule_for(checklist: Any) -> Rule:
    """The rule a checklist applies to programmes: its `not_expired` item's dates and years,
    or the period alone when it has none (Act 681/2023 sets no period)."""
    for item in checklist.items:
        params = _expiry_params(item.check)
        if params is not None:
            return rule_of(params)
    return Rule()


def rule_of(params: Any) -> Rule:
    """The rule of a `not_expired` check's params (end, since, years): the check and
    `rule_for` build it the same way."""
    return Rule(end=params.end, since=params.since, years=params.years, decisions=getattr(params, "decisions", None))


def of_programme(data: Any, checklist_id: str | None, today: dt.date) -> Validity | None:
    """Validity of a programme under a named checklist; None when the document is not a
    programme or the checklist is unknown (then the rule is unknown too)."""
    from kotocheck.checklist import available, load_checklist

    known = available()
    if not isinstance(data, dict) or data.get("kind") != PROGRAMME or checklist_id not in known:
        return None
    return decide(data, rule_for(load_checklist(known[checklist_id])), today)


def _expiry_params(spec: Any) -> Any:
    if spec.all or spec.any:
        for sub in spec.all or spec.any:
            found = _expiry_params(sub)
            if found is not None:
                return found
        return None
    return spec.params if spec.kind == "not_expired" else None


def latest_approval(data: Any, rule: Rule, today: dt.date | None = None) -> tuple[dt.date | None, str | None]:
    """The newest date the document was approved, updated or reviewed, and where it is written:
    the single approval (`since`) or the newest approving decision among `decisions`. A decision
    dated after `today` has not been made yet, so it renews nothing."""
    from kotocheck.checks.approvals import APPROVING

    dated = [(day(_first(data, rule.since)), rule.since)]
    if rule.decisions:
        for path, entry in locations.resolve(data, rule.decisions + "[*]").matches:
            if isinstance(entry, dict) and entry.get("kind", "approval") in APPROVING:
                dated.append((day(entry.get("date")), locations.dotted(path + ("date",))))
    dated = [(d, p) for d, p in dated if d is not None and (today is None or d <= today)]
    return max(dated, key=lambda pair: pair[0]) if dated else (None, None)


# --- dates as a document writes them ------------------------------------------------------------------


def _first(data: Any, path: str | None) -> Any:
    if not path:
        return None
    matches = locations.resolve(data, path).matches
    return matches[0][1] if matches else None


def period_value(value: Any) -> int | dt.date | str | None:
    """A period bound as the schema reads it: a year (int), a month ("2026-03") or a date;
    anything else is no bound."""
    from kotocheck.models.common import _year_or_date

    try:
        return _year_or_date(value)
    except Exception:  # the schema reports the wrong value; here it is simply unknown
        return None


def bounds(value: Any) -> tuple[dt.date, dt.date] | None:
    """First and last day a period bound stands for: a year, a month or a date."""
    value = period_value(value)
    if value is None:
        return None
    if isinstance(value, int):
        return dt.date(value, 1, 1), dt.date(value, 12, 31)
    if isinstance(value, str):
        year, month = int(value[:4]), int(value[5:7])
        import calendar  # only for a period given by month

        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    return value, value


def period_bounds(data: Any, path: str | None) -> tuple[dt.date, dt.date] | None:
    return bounds(_first(data, path))


def day(value: Any) -> dt.date | None:
    """A single date (an approval): a date, or an ISO date as text."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def add_years(start: dt.date, years: int) -> dt.date:
    try:
        return start.replace(year=start.year + years)
    except ValueError:  # 29 February into a common year
        return start.replace(year=start.year + years, day=28)


def longer_than(start: Any, end: Any, years: int) -> bool:
    """Whether a period lasts more than `years`, to the day: 2023–2026 and 1.6.2023–31.5.2027
    last four years, 1.6.2023–1.6.2027 a day more."""
    first, last = bounds(start), bounds(end)
    return last[1] > add_years(first[0], years) - dt.timedelta(days=1)


def span_years(start: Any, end: Any) -> float:
    """How many years a period lasts, to show: whole calendar years for years (2023–2025 is
    three), otherwise days / 365.25 rounded up to one decimal (so a day too long never shows
    as exactly the limit). Zero or less when the period ends before it starts."""
    first, last = bounds(start), bounds(end)
    start, end = period_value(start), period_value(end)
    if isinstance(start, int) and isinstance(end, int):
        return end - start + 1
    days = (last[1] - first[0]).days + 1
    return math.ceil(days / 365.25 * 10) / 10 if days > 0 else 0


# --- words ---------------------------------------------------------------------------------------------


def shown_day(value: dt.date | None, lang: str) -> str:
    if value is None:
        return ""
    return value.isoformat() if lang == "en" else f"{value.day}.{value.month}.{value.year}"


def shown_bound(value: Any, lang: str) -> str:
    """A period bound as a reader writes it: 2025, 3/2026, 31.12.2025 (2025-12-31 in English)."""
    value = period_value(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return f"{int(value[5:])}/{value[:4]}"
    return shown_day(value, lang)


# Number words for the law's small numbers, so a message reads "neljä vuotta", not "4 vuotta".
_NUMBERS = {  # n: (fi nominative, fi inessive, en, sv)
    2: ("kaksi", "kahdessa", "two", "två"), 3: ("kolme", "kolmessa", "three", "tre"),
    4: ("neljä", "neljässä", "four", "fyra"), 5: ("viisi", "viidessä", "five", "fem"),
    6: ("kuusi", "kuudessa", "six", "sex"), 7: ("seitsemän", "seitsemässä", "seven", "sju"),
    8: ("kahdeksan", "kahdeksassa", "eight", "åtta"), 9: ("yhdeksän", "yhdeksässä", "nine", "nio"),
    10: ("kymmenen", "kymmenessä", "ten", "tio"),
}


def years_text(n: int) -> dict[str, str]:
    """"neljä vuotta" / "four years"."""
    if n == 1:
        return {"fi": "yksi vuosi", "en": "one year", "sv": "ett år"}
    fi, _, en, sv = _NUMBERS.get(n, (str(n), str(n), str(n), str(n)))
    return {"fi": f"{fi} vuotta", "en": f"{en} years", "sv": f"{sv} år"}


def every_text(n: int) -> dict[str, str]:
    """"kerran neljässä vuodessa" / "every four years"."""
    if n == 1:
        return {"fi": "kerran vuodessa", "en": "every year", "sv": "varje år"}
    _, fi, en, _ = _NUMBERS.get(n, (str(n), str(n), str(n), str(n)))
    return {"fi": f"kerran {fi} vuodessa", "en": f"every {en} years", "sv": f"vart {_ORDINAL_SV.get(n, f'{n}:e')} år"}


_ORDINAL_SV = {2: "annat", 3: "tredje", 4: "fjärde", 5: "femte", 6: "sjätte", 7: "sjunde", 8: "åttonde",
               9: "nionde", 10: "tionde"}
