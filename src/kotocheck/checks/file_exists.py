"""`file_exists`: a file the document refers to (relative to the document) exists."""

from __future__ import annotations

from kotocheck import i18n, locations
from kotocheck.checks import words
from kotocheck.checks.base import Context, Hit, KindSpec, Params, values_hit


class FileParams(Params):
    values: str


def check(params: FileParams, ctx: Context) -> list[Hit]:
    if ctx.base_dir is None:
        return []
    bad = [(path, value.strip()) for path, value in locations.resolve(ctx.data, params.values).matches
           if isinstance(value, str) and value.strip() and not (ctx.base_dir / value.strip()).is_file()]
    if not bad:
        return []
    detail = i18n.message("check.file_missing", values=words.quoted([v for _, v in bad]))
    return [values_hit([path for path, _ in bad], detail)]


def describe(params: FileParams) -> dict[str, str]:
    where = words.place(params.values)
    return {"fi": f"{where['fi']}: jos annettu, tiedosto löytyy tämän tiedoston kansiosta",
            "en": f"{where['en']}: when given, the file exists beside this one"}


# No example: a passing one needs another file beside it.
KINDS = {"file_exists": KindSpec(FileParams, check, describe, conditional=True)}
