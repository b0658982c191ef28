"""Building blocks shared by the document models."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from kotocheck.models.vocab import DecisionKind, DocumentStatus, Sector

ID_PATTERN = r"^[A-Za-z0-9ÅÄÖåäö][A-Za-z0-9ÅÄÖåäö._-]*$"


class Strict(BaseModel):
    """Unknown keys are findings, never silently dropped."""

    # defer_build: a run builds only the models of the document kinds it meets (start-up time).
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False, defer_build=True)


Text = str
Id = Annotated[str, Field(pattern=ID_PATTERN, min_length=1, max_length=64)]
NonEmpty = Annotated[str, Field(min_length=1)]
MunicipalityCode = Annotated[str, Field(pattern=r"^[0-9]{3}$")]  # Statistics Finland: three digits


def _year_or_date(value: Any) -> Any:
    if isinstance(value, bool):
        raise PydanticCustomError("year_or_date", "expected a year or a date")
    if isinstance(value, int) and 1900 <= value <= 2200:
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        if text.isdigit() and len(text) == 4:
            return int(text)
        if MONTH.fullmatch(text):
            return text  # plans are often scheduled by month: kept as written, "2026-03"
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
    raise PydanticCustomError("year_or_date", "expected a year or a date")


MONTH = re.compile(r"(19|20|21)\d\d-(0[1-9]|1[0-2])")
YearOrDate = Annotated[Union[int, dt.date, str], BeforeValidator(_year_or_date)]


def _scalar(value: Any) -> Any:
    if isinstance(value, (int, float, str)) and not isinstance(value, bool):
        return value
    raise PydanticCustomError("scalar", "expected a number or text")


Scalar = Annotated[Union[int, float, str], BeforeValidator(_scalar)]


def _money(value: Any) -> Any:
    if isinstance(value, bool):
        raise PydanticCustomError("money", "expected an amount in euros")
    if isinstance(value, (int, float)) and value >= 0:
        return value
    if isinstance(value, str):
        text = value.replace("€", "").replace(" ", "").replace("\u00a0", "").replace(",", ".")
        try:
            number = float(text)
        except ValueError:
            raise PydanticCustomError("money", "expected an amount in euros") from None
        if number >= 0:
            return int(number) if number.is_integer() else number
    raise PydanticCustomError("money", "expected an amount in euros")


Money = Annotated[Union[int, float], BeforeValidator(_money)]


class Period(Strict):
    start: YearOrDate
    end: YearOrDate | None = None


class Approval(Strict):
    body: Text | None = None
    date: dt.date | None = None
    reference: Text | None = None  # minute section, e.g. "Kvalt 12.6.2023 § 45"


class Decision(Strict):
    """One decision in a document's history: the board's proposal, the council's approval, a later
    update or review. The newest approval, update or review is the one validity counts from."""

    kind: DecisionKind = "approval"
    body: Text | None = None
    date: dt.date | None = None
    reference: Text | None = None  # minute section, e.g. "Kvalt 12.6.2023 § 45"
    municipality: Text | None = None  # in a joint programme: whose decision this is
    note: Text | None = None


class NotAssessed(Strict):
    """A checklist item or a part of the document not yet written or not yet read (a draft, a
    reviewer's partial transcription). Reported as "not assessed", never as missing or covered."""

    item: Text | None = None  # a checklist item id, e.g. "5.3"
    section: Text | None = None  # a part of the document, e.g. "goals" or "sections.children_and_youth"
    note: NonEmpty


class NotApplicable(Strict):
    item: NonEmpty
    reason: NonEmpty


class Partner(Strict):
    """A cooperation partner with the form the cooperation takes."""

    partner: NonEmpty
    sector: Sector
    form: Text | None = None


class DocumentBase(Strict):
    """What every document kind starts with; `kind` and `checklist` are set per kind."""

    format_version: int
    title: NonEmpty
    language: Literal["fi", "sv", "en"] = "fi"
    status: DocumentStatus | None = None
    not_applicable: list[NotApplicable] = []
    not_assessed: list[NotAssessed] = []


class Value(Strict):
    value: Scalar
    year: int | None = None
    note: Text | None = None
