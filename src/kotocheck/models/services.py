"""The kotoutumisohjelma (681/2023 §13): the initial-phase service package."""

from __future__ import annotations

from typing import Literal

from kotocheck.models.common import Approval, Decision, MunicipalityCode, DocumentBase, Id, NonEmpty, Partner, Strict, Text, YearOrDate
from kotocheck.models.vocab import Arranger, MinimumService, TargetGroup


class ArrangedBy(Strict):
    """Who arranges the service: for jobseekers the employment authority (681/2023),
    for others the municipality, unless it has agreed that the employment authority does."""

    jobseekers: Arranger | None = None
    others: Arranger | None = None


class ServiceEntry(Strict):
    id: Id
    service: MinimumService  # which statutory minimum service this is, or "other"
    name: NonEmpty
    description: Text | None = None
    arranged_by: ArrangedBy | None = None
    target_groups: list[TargetGroup] = []
    provider: Text | None = None
    languages: list[NonEmpty] = []


class WellbeingCounty(Strict):
    name: Text | None = None
    groups: list[TargetGroup] = []
    description: Text | None = None


class ServiceGoal(Strict):
    """A goal some municipalities write into their service package."""

    id: Id
    title: NonEmpty
    description: Text | None = None
    services: list[NonEmpty] = []  # ids of the services that serve it


class Services(DocumentBase):
    kind: Literal["services"]
    checklist: NonEmpty = "kotoutumisohjelma-681-2023"
    municipality: NonEmpty
    municipality_code: MunicipalityCode | None = None
    valid_from: YearOrDate | None = None
    approval: Approval | None = None
    approvals: list[Decision] = []  # decisions over time; the newest approval, update or review counts
    arrangement: Text | None = None  # who arranges services for people outside the labour force
    services: list[ServiceEntry] = []
    wellbeing_county: WellbeingCounty | None = None
    cooperation: list[Partner] = []
    publication: Text | None = None  # where the service package is published
    goals: list[ServiceGoal] = []
