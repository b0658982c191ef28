"""The document kinds, named once. The models, the engine's default checklists, discovery,
the checklist format, the CLI and the summary all take the list from here."""

from __future__ import annotations

PROGRAMME = "programme"  # a municipality's programme or planning document
SERVICES = "services"  # a service package (kotoutumisohjelma, Act 681/2023 §13)
FOLLOWUP = "followup"  # a follow-up report on a programme
KINDS = (PROGRAMME, SERVICES, FOLLOWUP)

# The checklist a document is checked against when it names none (a programme must name its own).
DEFAULT_CHECKLIST = {SERVICES: "kotoutumisohjelma-681-2023", FOLLOWUP: "seuranta-1"}
