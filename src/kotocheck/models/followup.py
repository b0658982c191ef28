"""A monitoring report for one period: each goal and measure of a programme with a
traffic-light status and the progress made."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from kotocheck.models.common import DocumentBase, NonEmpty, Period, Strict, Text
from kotocheck.models.vocab import TrafficLight


class MeasureProgress(Strict):
    measure: NonEmpty  # id of a measure in the programme
    responsible: Text | None = None
    status: TrafficLight | None = None
    progress: Text | None = None


class GoalProgress(Strict):
    goal: NonEmpty  # id of a goal in the programme
    status: TrafficLight | None = None
    progress: Text | None = None
    measures: list[MeasureProgress] = []


class Followup(DocumentBase):
    kind: Literal["followup"]
    checklist: NonEmpty = "seuranta-1"
    programme: NonEmpty  # path of the programme file, relative to this file
    municipality: Text | None = None
    period: Period | None = None
    date: dt.date | None = None
    prepared_by: Text | None = None
    reported_to: list[NonEmpty] = []
    summary: Text | None = None
    goals: list[GoalProgress] = []
