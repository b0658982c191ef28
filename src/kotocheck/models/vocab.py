"""Closed vocabularies of the document formats. Their labels in each language are
in catalogues/vocabulary.yaml; a test keeps the two in step."""

from typing import Literal

Sector = Literal[
    # municipal bodies (checklist step 2, bullet 2)
    "municipal_management", "education", "early_childhood", "leisure", "vitality", "employment", "housing",
    "integration_services", "communications",
    # authorities (step 2, bullet 3)
    "employment_authority", "kela", "wellbeing_county", "ely", "police", "migri", "other_authority",
    # local actors (step 2, bullet 4)
    "ngo", "religious_community", "education_institution", "business", "immigrant_association",
    "reception_centre",
    # residents
    "immigrant_residents", "other",
]

StrategyType = Literal[
    "municipal_strategy", "regional_immigration_strategy", "national_programme", "equality_plan",
    "welfare_plan", "other",
    # what 681/2023 45 § 2-3 mom name: the national goals, and the plans that take the planning into account
    "national_integration_goals", "national_employment_goals", "budget", "welfare_report",
    "employment_services_plan",
]

GoalTheme = Literal[
    "receptiveness", "population_relations", "employment", "education", "wellbeing", "participation",
    "services", "competence", "communication", "other",
    # Deprecated: the old name of `receptiveness`, which read as the reception of newcomers (that is
    # SituationTopic `reception`). Still accepted so that older files stay valid; validate warns and
    # `kotocheck migrate` rewrites it (src/kotocheck/deprecations.py).
    "reception",
]

SituationTopic = Literal[
    "population", "reasons", "demographics", "needs", "reception", "forecast", "population_relations",
    "challenges", "service_gaps", "guidance", "other",
]

Audience = Literal["residents", "stakeholders", "target_group", "decision_makers", "staff"]

DocumentForm = Literal["separate_programme", "part_of_other_document"]

PlanningMode = Literal["alone", "joint"]

TrafficLight = Literal["green", "yellow", "red"]

MinimumService = Literal[
    "needs_assessment", "integration_plan", "civic_orientation", "integration_training",
    "final_language_test", "other_training", "guidance", "other",
]

Arranger = Literal["municipality", "employment_authority", "wellbeing_county", "joint_municipal", "other"]

TargetGroup = Literal[
    "jobseekers", "outside_labour_force", "home_care_allowance", "social_assistance", "quota_refugees",
    "international_protection", "temporary_protection", "trafficking_victims", "unaccompanied_minors",
    "students", "employed", "family_members", "children_and_youth", "all_immigrants", "other",
]

# Where a document stands: a draft being written, a proposal before the council, the approved
# programme, or one replaced by a newer programme.
DocumentStatus = Literal["draft", "proposal", "approved", "superseded"]

# One decision in a document's history: the board's proposal, the council's approval, a later
# update of the programme, or a review that kept it in force.
DecisionKind = Literal["proposal", "approval", "update", "review"]

# Free chapters of a programme, in the order real programmes have them.
ChapterType = Literal["introduction", "vision", "terms", "legislation", "own", "appendix", "contact"]

# The standard parts of a programme that a chapter list may place (`include:`).
ProgrammePart = Literal[
    "process", "situation", "strategy_links", "goals", "measures", "sections", "cooperation", "monitoring",
    "communication", "services",
]
