"""Check kinds: a registry from the `kind:` named in checklist data to its KindSpec (parameters,
check, plain words and example generators), collected from each kind's module. Checklist files
can only use what is registered here."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, model_validator

from kotocheck.checks import (approvals, covers, each_has, file_exists, mentions, min_items, one_of, period, present,
                              programme_ref, reference)
from kotocheck.checks.base import Context, Hit, KindSpec

MODULES = (approvals, present, min_items, covers, each_has, mentions, period, reference, one_of, file_exists, programme_ref)


def _collect() -> dict[str, KindSpec]:
    kinds: dict[str, KindSpec] = {}
    for module in MODULES:
        for name, spec in (getattr(module, "KINDS", None) or {}).items():
            if name in kinds:
                raise RuntimeError(f"check kind {name!r} is registered twice")
            kinds[name] = spec
    return kinds


KINDS: dict[str, KindSpec] = _collect()


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
    return KINDS[spec.kind].check(spec.params, ctx)


def _unique(hits: list[Hit]) -> list[Hit]:
    """One hit per place: parts of an item that fall short at the same place say so in one
    finding (their words joined, their related places together), never in two."""
    merged: dict[tuple, Hit] = {}
    for hit in hits:
        first = merged.get(hit.path)
        if first is None:
            merged[hit.path] = Hit(hit.path, dict(hit.detail), hit.partial, hit.at_value, list(hit.related))
            continue
        for lang, text in hit.detail.items():
            if text not in first.detail.get(lang, "").split("; "):
                first.detail[lang] = f"{first.detail[lang]}; {text}" if first.detail.get(lang) else text
        first.partial = first.partial and hit.partial
        first.at_value = first.at_value and hit.at_value
        first.related.extend(p for p in hit.related if p not in first.related)
    return list(merged.values())


_EXPRESSIONS: dict[int, tuple["CheckSpec", tuple[str, ...]]] = {}


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
        # A kind that only constrains data that is there (KindSpec.conditional), or an
        # `each_has` that allows no entries, passes vacuously: that shows no coverage.
        if KINDS[self.kind].conditional:
            return False
        return getattr(self.params, "require_items", True)

    def expressions(self) -> list[str]:
        """Every document path this check reads: where its evidence lives, or what removing breaks."""
        # Asked for every item of every document (not_assessed, gaps); a checklist's specs live for
        # the run, and the answer depends on the spec alone.
        known = _EXPRESSIONS.get(id(self))
        if known is None or known[0] is not self:
            known = _EXPRESSIONS[id(self)] = (self, tuple(self._expressions()))
        return list(known[1])

    def _expressions(self) -> list[str]:
        if self.all or self.any:
            return [e for sub in (self.all or self.any) for e in sub.expressions()]
        p = self.params
        out: list[str] = []
        for attr in ("paths", "path", "values", "start", "end", "single", "decisions", "joint"):
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
        if kind not in KINDS:
            raise ValueError(f"unknown check kind {kind!r}; known: {', '.join(sorted(KINDS))}")
        return {"kind": kind, "params": KINDS[kind].params.model_validate(rest)}


__all__ = ["KINDS", "run", "CheckSpec", "Context", "Hit", "KindSpec"]
