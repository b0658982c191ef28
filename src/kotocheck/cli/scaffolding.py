"""`kotocheck schema` and `kotocheck init`: what a coordinator starts from."""

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import Optional

import typer

from kotocheck.cli import app, fail, say
from kotocheck.kinds import KINDS


Kind = enum.Enum("Kind", {kind: kind for kind in KINDS}, type=str)  # the document kinds (kinds.KINDS)


@app.command()
def schema(
    kind: Kind = typer.Option(Kind.programme, "--kind", "-k",
                              help="Asiakirjan laji / document kind (oletus / default: programme)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o",
                                          help="Tulostiedosto (muuten vakiotuloste) / output file (stdout when not given)."),
    force: bool = typer.Option(False, "--force", help="Korvaa olemassa oleva tiedosto / overwrite an existing file."),
) -> None:
    """JSON Schema (draft-07) editorille / the JSON Schema of a document kind for editors.

    Ilman --kind ohjelman (programme) skeema / without --kind, the programme schema.

    VS Code: first line `# yaml-language-server: $schema=schemas/programme.schema.json`.
    """
    from kotocheck import schema as schemas
    from kotocheck.output import OutputError, write_atomic

    text = schemas.text(kind.value)
    if output is None:
        sys.stdout.write(text)
        return
    if output.exists() and not force:
        fail(f"{output}: tiedosto on jo olemassa; korvaa se valitsimella --force / file exists, use --force", 2)
    try:
        write_atomic(output, text)
    except OutputError as exc:
        fail(str(exc), 2)


@app.command()
def init(
    checklist: str = typer.Option("kotoutuminen-681-2023", "--checklist", "-c",
                                  help="Tarkistuslista / checklist (kotocheck checklist list)."),
    municipality: Optional[str] = typer.Option(None, "--municipality", "-m", help="Kunnan nimi / municipality."),
    output: Path = typer.Option(Path("ohjelma.yaml"), "--output", "-o",
                                help="Luotava tiedosto / file to create (never overwritten)."),
) -> None:
    """Ohjelman runko tarkistuslistan mukaan / a skeleton programme with every element the checklist asks for."""
    from kotocheck import skeleton
    from kotocheck.output import OutputError, write_atomic

    if output.exists() or output.is_symlink():
        fail(f"{output}: tiedosto on jo olemassa, init ei korvaa sitä / file exists, init never overwrites it", 2)
    try:
        text = skeleton.build(checklist, municipality, output)
    except skeleton.SkeletonError as exc:
        fail(str(exc), 2)
    try:
        write_atomic(output, text)
    except OutputError as exc:
        fail(str(exc), 2)
    say("cli.written", file=output)
