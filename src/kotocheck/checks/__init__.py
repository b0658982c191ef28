"""Check kinds: a registry from the `kind:` named in checklist data to a parameter
model and a function. Checklist files can only use what is registered here."""

from __future__ import annotations

from typing import Any, Callable

from pydantic import BaseModel, model_validator

from kotocheck.checks import (covers, each_has, file_exists, min_items, one_of, period, present, programme_ref,
                              reference)
from kotocheck.checks.base import Context, Hit

REGISTRY: dict[str, tuple[type[BaseModel], Callable[[Any, Context], list[Hit]]]] = {
    "present": (present.PresentParams, present.check),
    "min_items": (min_items.MinItemsParams, min_items.check),
    "covers": (covers.CoversParams, covers.check),
    "each_has": (each_has.EachHasParams, each_has.check),
    "max_span_years": (period.SpanParams, period.check_span),
    "not_expired": (period.ExpiryParams, period.check_expiry),
    "reference": (reference.ReferenceParams, reference.check),
    "one_of": (one_of.OneOfParams, one_of.check),
    "file_exists": (file_exists.FileParams, file_exists.check),
    "programme_ref": (programme_ref.RefParams, programme_ref.check_refs),
    "follows_all_goals": (programme_ref.CoverageParams, programme_ref.check_coverage),
}


def run(spec: "CheckSpec", ctx: Context) -> list[Hit]:
    """Run one check, or an `all:` combination (partly met when some pass), or an
    `any:` combination (met when one passes; otherwise the first one's shortfall)."""
    if spec.any:
        results = [run(sub, ctx) for sub in spec.any]
        return [] if any(not r for r in results) else results[0]
    if spec.all:
        results = [run(sub, ctx) for sub in spec.all]
        hits = _unique([h for r in results for h in r])
        # Partly met only when a part that shows content passed; a conditional part
        # (e.g. "every indicator's source is known") passes vacuously on an empty list.
        if hits and any(not r and sub.shows_content for sub, r in zip(spec.all, results)):
            for hit in hits:
                hit.partial = True
        return hits
    _, function = REGISTRY[spec.kind]
    return function(spec.params, ctx)


def _unique(hits: list[Hit]) -> list[Hit]:
    seen, out = set(), []
    for hit in hits:
        key = (hit.path, hit.detail.get("en"))
        if key not in seen:
            seen.add(key)
            out.append(hit)
    return out


# Kinds that only constrain data that is there: passing them shows no coverage.
CONDITIONAL = {"reference", "not_expired", "programme_ref", "one_of", "file_exists"}


class CheckSpec(BaseModel):
    """`check:` of a checklist item: a kind with its parameters, or `all:` of several."""

    kind: str | None = None
    all: list["CheckSpec"] | None = None
    any: list["CheckSpec"] | None = None
    params: Any = None

    @property
    def shows_content(self) -> bool:
        if self.all or self.any:
            return any(sub.shows_content for sub in (self.all or self.any))
        if self.kind in CONDITIONAL:
            return False
        return getattr(self.params, "require_items", True)

    def expressions(self) -> list[str]:
        """Every document path this check reads: where its evidence lives, or what removing breaks."""
        if self.all or self.any:
            return [e for sub in (self.all or self.any) for e in sub.expressions()]
        p = self.params
        out: list[str] = []
        for attr in ("paths", "path", "values", "start", "end"):
            value = getattr(p, attr, None)
            out.extend([value] if isinstance(value, str) else value or [])
        if self.kind == "each_has":
            out.append(p.items)
            out.extend(f"{p.items}.{f}" for f in p.fields)
        return out

    @model_validator(mode="before")
    @classmethod
    def _split(cls, raw: Any) -> Any:
        if not isinstance(raw, dict):
            raise ValueError("a check is a mapping with 'kind' and its parameters, or 'all'")
        rest = {k: v for k, v in raw.items() if k not in ("kind", "all", "any")}
        for combinator in ("all", "any"):
            if combinator in raw:
                if len(raw) > 1:
                    raise ValueError(f"'{combinator}' stands alone: no kind or parameters beside it")
                return {combinator: raw[combinator]}
        kind = raw.get("kind")
        if kind not in REGISTRY:
            raise ValueError(f"unknown check kind {kind!r}; known: {', '.join(sorted(REGISTRY))}")
        params_model, _ = REGISTRY[kind]
        return {"kind": kind, "params": params_model.model_validate(rest)}


__all__ = ["REGISTRY", "run", "CheckSpec", "Context", "Hit"]
