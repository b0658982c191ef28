"""What a follow-up report's templates see beyond its data: the traffic-light counts of the
measures followed up, each indicator's baseline, latest and target beside the programme's
titles, and the costs with their totals (views.context puts them in)."""

from __future__ import annotations

LIGHTS = ("green", "yellow", "red")



def _followed_measures(data: dict) -> list[dict]:
    out = []
    for goal in data.get("goals") or []:
        measures = goal.get("measures") if isinstance(goal, dict) else None
        out += [m for m in measures if isinstance(m, dict)] if isinstance(measures, list) else []
    out += [m for m in data.get("measures") or [] if isinstance(m, dict)]
    return out


def status_counts(data: dict) -> dict[str, int]:
    """Traffic lights of the measures followed up (under goals and programme-wide), with those
    given no status."""
    counts = {light: 0 for light in LIGHTS}
    counts["none"] = 0
    for measure in _followed_measures(data):
        status = measure.get("status")
        counts[status if status in LIGHTS else "none"] += 1
    return counts


def programme_index(programme: dict | None) -> dict[str, dict]:
    """Goal, measure and indicator id -> its entry in the programme, so a follow-up can show titles."""
    index: dict[str, dict] = {}
    if not isinstance(programme, dict):
        return index
    for goal in programme.get("goals") or []:
        if isinstance(goal, dict) and "id" in goal:
            index[str(goal["id"])] = goal
            for entry in (goal.get("measures") or []) + (goal.get("indicators") or []):
                if isinstance(entry, dict) and "id" in entry:
                    index[str(entry["id"])] = entry
    for measure in programme.get("measures") or []:
        if isinstance(measure, dict) and "id" in measure:
            index[str(measure["id"])] = measure
    return index


def _value_year(value: dict) -> int:
    year = value.get("year")
    return year if isinstance(year, int) else -1


def indicator_rows(progress: list[dict], index: dict[str, dict]) -> list[dict]:
    """A follow-up goal's indicators as baseline → latest → target: the baseline, target and unit
    from the programme, the latest measured value (the newest year; else the last written) from
    the follow-up."""
    rows = []
    for entry in progress or []:
        if not isinstance(entry, dict):
            continue
        indicator = index.get(str(entry.get("indicator"))) or {}
        values = [v for v in entry.get("values") or [] if isinstance(v, dict)]
        latest = max(reversed(values), key=_value_year) if values else None
        rows.append({"id": entry.get("indicator"), "name": indicator.get("name") or "", "unit": indicator.get("unit"),
                     "baseline": indicator.get("baseline"), "latest": latest, "target": indicator.get("target"),
                     "note": entry.get("note") or (latest or {}).get("note")})
    return rows


def costs(measure: dict) -> dict:
    """A measure's costs in year order with their total; `columns`: the filled ones."""
    rows = sorted((c for c in measure.get("costs") or [] if isinstance(c, dict)), key=_value_year)
    total = sum(c["amount"] for c in rows if isinstance(c.get("amount"), (int, float)))
    from kotocheck.views import filled_columns  # views puts these in its context: imported there first

    return {"rows": rows, "total": total, "columns": filled_columns(rows, ("year", "funding", "note"))}


def cost_overview(data: dict) -> dict:
    """Every measure with costs and what it cost in all, and the total of the report."""
    rows = [{"measure": m.get("measure"), "total": costs(m)["total"]} for m in _followed_measures(data) if m.get("costs")]
    return {"rows": rows, "total": sum(r["total"] for r in rows)}
