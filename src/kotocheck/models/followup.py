"""A monitoring report for one period: each goal and measure of a programme with a
traffic-light status and the progress made."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from kotocheck.models.common import DocumentBase, Money, NonEmpty, Period, Strict, Text, Value
from kotocheck.models.vocab import TrafficLight


class Cost(Strict):
    amount: Money
    year: int | None = None
    funding: Text | None = None  # who paid, e.g. "kunta" or a project grant
    note: Text | None = None


class IndicatorProgress(Strict):
    indicator: NonEmpty  # id of an indicator in the programme
    values: list[Value] = []  # measured values by year; baseline and target come from the programme
    note: Text | None = None


class MeasureProgress(Strict):
    measure: NonEmpty  # id of a measure in the programme
    responsible: Text | None = None
    status: TrafficLight | None = None
    progress: Text | None = None
    costs: list[Cost] = []


class GoalProgress(Strict):
    goal: NonEmpty  # id of a goal in the programme
    status: TrafficLight | None = None
    progress: Text | None = None
    measures: list[MeasureProgress] = []
    indicators: list[IndicatorProgress] = []


class Followup(DocumentBase):
    kind: Literal["followup"]
    checklist: NonEmpty = "seuranta-1"
    programme: NonEmpty  # path of the programme file, relative to this file
    municipality: Text | None = None
    period: Period | None = None  # the reporting period
    date: dt.date | None = None
    prepared_by: Text | None = None
    reported_to: list[NonEmpty] = []
    summary: Text | None = None
    goals: list[GoalProgress] = []
    measures: list[MeasureProgress] = []  # the programme's programme-wide measures
