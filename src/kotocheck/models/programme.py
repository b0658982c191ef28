"""The planning document: kotouttamisohjelma (1386/2010) or the 2025 planning of
integration promotion (681/2023 §45). Every field is optional to the schema where the
checklist decides whether it is needed, so a gap is a checklist finding, not a type error."""

from __future__ import annotations

from typing import Literal

from kotocheck.models.common import (Approval, Decision, MunicipalityCode, DocumentBase, Id, Money, NonEmpty, Partner, Period, Scalar,
                                     Strict, Text, Value, YearOrDate)
from kotocheck.models.vocab import (Audience, ChapterType, DocumentForm, ProgrammePart, GoalTheme, PlanningMode, Sector,
                                    SituationTopic, StrategyType)


class Identification(Strict):
    municipality: NonEmpty
    municipality_code: MunicipalityCode | None = None  # Statistics Finland code, three digits, e.g. "320"
    region: Text | None = None
    period: Period | None = None
    document_form: DocumentForm | None = None
    host_document: Text | None = None  # the planning document that contains it, when not separate
    approval: Approval | None = None
    approvals: list[Decision] = []  # decisions over time; the newest approval, update or review counts
    joint_with: list[NonEmpty] = []  # the other municipalities of a joint programme
    previous_programme: Text | None = None
    budget_link: Text | None = None  # how the programme is taken into account in the budget


class Coordinator(Strict):
    authority: NonEmpty
    role: Text | None = None


class Member(Strict):
    organisation: NonEmpty
    sector: Sector
    representative: Text | None = None


class WorkingGroup(Strict):
    name: Text | None = None
    schedule: Text | None = None
    members: list[Member] = []


class Participation(Strict):
    description: NonEmpty
    date: YearOrDate | None = None
    participants: Text | None = None


class Process(Strict):
    coordinator: Coordinator | None = None
    decision_makers: Text | None = None
    planning_mode: PlanningMode | None = None
    ely_contact: Text | None = None
    external_experts: Text | None = None
    working_group: WorkingGroup | None = None
    immigrant_participation: list[Participation] = []
    goal_setting: Text | None = None
    wellbeing_county_coordination: Text | None = None


class Figure(Strict):
    topic: SituationTopic
    label: NonEmpty
    value: Scalar
    unit: Text | None = None
    year: YearOrDate | None = None
    source: Text | None = None


class FindingText(Strict):
    topic: SituationTopic
    text: NonEmpty
    source: Text | None = None


class Situation(Strict):
    figures: list[Figure] = []
    findings: list[FindingText] = []


class StrategyLink(Strict):
    type: StrategyType
    name: NonEmpty
    period: Text | None = None
    relation: Text | None = None


class Schedule(Strict):
    start: YearOrDate | None = None
    end: YearOrDate | None = None
    note: Text | None = None


class Budget(Strict):
    total: Money
    currency: Literal["EUR"] = "EUR"
    breakdown: list[NonEmpty] = []


class Funding(Strict):
    source: NonEmpty
    amount: Money | None = None


class Measure(Strict):
    id: Id
    title: NonEmpty
    description: Text | None = None
    responsible: Text | None = None
    partners: list[NonEmpty] = []
    schedule: Schedule | None = None
    target_groups: list[NonEmpty] = []
    budget: Budget | None = None
    funding: list[Funding] = []
    strategy_link: Text | None = None
    goals: list[NonEmpty] = []  # further goals it serves (under a goal), or the goals of a programme-wide measure


class CustomSource(Strict):
    """A data source outside the catalogue: known only when it names who produces it and
    which table or address the figures come from."""

    name: NonEmpty
    description: Text | None = None
    provider: Text | None = None  # who produces the data, e.g. "Tilastokeskus" or the municipality's unit
    table: Text | None = None  # the table id or dataset, e.g. "StatFin 11rm"
    url: Text | None = None  # the address where the figures are


class Indicator(Strict):
    id: Id
    name: NonEmpty
    description: Text | None = None
    catalogue: Text | None = None  # an id of the indicator catalogue
    source: Text | None = None  # an id of the data-source catalogue
    custom_source: CustomSource | None = None
    unit: Text | None = None
    baseline: Value | None = None
    target: Value | None = None
    timeframe: Text | None = None


class Goal(Strict):
    id: Id
    title: NonEmpty
    description: Text | None = None
    change: Text | None = None  # the concrete change sought (checklist step 6)
    themes: list[GoalTheme] = []
    measures: list[Measure] = []
    indicators: list[Indicator] = []


class GeneralServices(Strict):
    accessibility: Text | None = None
    digital_services: Text | None = None
    staff_competence: Text | None = None


class Service(Strict):
    name: NonEmpty
    description: Text | None = None
    provider: Text | None = None


class Sections(Strict):
    """The document elements of checklist step 5 that are prose by nature."""

    responsibilities: Text | None = None
    general_services: GeneralServices | None = None
    specific_services: list[Service] = []
    children_and_youth: Text | None = None
    outside_workforce: Text | None = None
    international_protection: Text | None = None
    population_relations: Text | None = None
    guidance_and_counselling: Text | None = None  # where every immigrant gets guidance (681/2023 10 §)
    service_coordination: Text | None = None  # who needs coordinated services and how they are found (47 §)


class Monitoring(Strict):
    responsible: Text | None = None
    reports_to: list[NonEmpty] = []
    frequency: Text | None = None
    method: Text | None = None
    updating: Text | None = None  # how and when the programme is updated
    early_update: Text | None = None  # when to update before the period ends


class Communication(Strict):
    description: Text | None = None
    audiences: list[Audience] = []
    channels: list[NonEmpty] = []
    languages: list[NonEmpty] = []


class Contact(Strict):
    name: NonEmpty
    role: Text | None = None
    organisation: Text | None = None
    phone: Text | None = None
    email: Text | None = None


class Chapter(Strict):
    """A chapter of the municipality's own words (introduction, vision, key terms, ...), or the
    place of a standard part (`include: goals`). Chapters render in the order written."""

    type: ChapterType = "own"
    title: Text | None = None
    text: Text | None = None
    include: ProgrammePart | None = None
    contacts: list[Contact] = []


class ServicesReference(Strict):
    file: Text | None = None
    description: Text | None = None


class Programme(DocumentBase):
    kind: Literal["programme"]
    checklist: NonEmpty | None = None  # may come from kotocheck.toml instead
    identification: Identification
    process: Process | None = None
    situation: Situation | None = None
    strategy_links: list[StrategyLink] = []
    goals: list[Goal] = []
    measures: list[Measure] = []  # measures of the whole programme, or of several goals (their `goals`)
    sections: Sections | None = None
    cooperation: list[Partner] = []
    monitoring: Monitoring | None = None
    communication: Communication | None = None
    services: ServicesReference | None = None
    chapters: list[Chapter] = []
