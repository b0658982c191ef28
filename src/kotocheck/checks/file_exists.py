"""`file_exists`: a file the document refers to (relative to the document) exists."""

from __future__ import annotations

from kotocheck import i18n, locations
from kotocheck.checks.base import Context, Hit, Params


class FileParams(Params):
    values: str


def check(params: FileParams, ctx: Context) -> list[Hit]:
    if ctx.base_dir is None:
        return []
    return [Hit(path, i18n.message("check.file_missing", value=value), at_value=True)
            for path, value in locations.resolve(ctx.data, params.values).matches
            if isinstance(value, str) and value.strip() and not (ctx.base_dir / value.strip()).is_file()]
