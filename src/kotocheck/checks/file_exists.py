"""`file_exists`: a file the document refers to (relative to the document) exists."""

from __future__ import annotations

from kotocheck import i18n, locations, references
from kotocheck.checks import words
from kotocheck.checks.base import Context, Hit, KindSpec, Params, values_hit


class FileParams(Params):
    values: str


def check(params: FileParams, ctx: Context) -> list[Hit]:
    if ctx.base_dir is None:
        return []
    missing, refused = [], []
    for path, value in locations.resolve(ctx.data, params.values).matches:
        if not isinstance(value, str) or not value.strip():
            continue
        try:  # inside the repository and a regular file, as every reference is read
            if not references.resolve(ctx.base_dir, value.strip()).exists():
                missing.append((path, value.strip()))
        except references.Refused as exc:
            refused.append((path, value.strip(), exc.reason))
    hits = []
    if missing:
        detail = i18n.message("check.file_missing", values=words.quoted([v for _, v in missing]))
        hits.append(values_hit([path for path, _ in missing], detail))
    for path, value, reason in refused:  # each with its own reason, at its value
        detail = i18n.message("check.file_refused", value=words.quoted([references.shown(value)]), reason=reason)
        hits.append(Hit(path, detail, at_value=True))
    return hits


def describe(params: FileParams) -> dict[str, str]:
    where = words.place(params.values)
    return {"fi": f"{where['fi']}: jos annettu, tiedosto löytyy tämän tiedoston kansiosta",
            "en": f"{where['en']}: when given, the file exists beside this one"}


# No example: a passing one needs another file beside it.
KINDS = {"file_exists": KindSpec(FileParams, check, describe, conditional=True)}
