"""`kotocheck explain`, `kotocheck checklist list` and `kotocheck config`."""

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import Optional

import typer

from kotocheck.cli import fail_located, Lang, app, fail, reference_date

class ListFormat(str, enum.Enum):
    text = "text"
    md = "md"


checklist_app = typer.Typer(no_args_is_help=True, help="Tarkistuslistat / checklists.")
app.add_typer(checklist_app, name="checklist")


@app.command()
def explain(
    rule: str = typer.Argument(..., help="Kohdan tunnus, esim. 5.10 / item id, e.g. 5.10."),
    checklist: Optional[str] = typer.Option(None, "--checklist", help="Vain tämä tarkistuslista / only this checklist."),
    lang: Lang = typer.Option(Lang.fi, "--lang", help="Kieli / language."),
    today: Optional[str] = typer.Option(None, "--today", hidden=True),
) -> None:
    """Selitä tarkistuslistan kohta / explain a checklist item: text, source, check, examples."""
    from kotocheck import explain as explaining
    from kotocheck import i18n
    from kotocheck.checklist import available, load_checklist

    found = [(c, c.item(rule)) for c in (load_checklist(p) for n, p in sorted(available().items())
                                         if checklist in (None, n)) if c.item(rule)]
    if not found:
        fail(f"{rule}: " + ("tuntematon kohta / unknown item" if checklist is None or checklist in available()
                            else f"tuntematon tarkistuslista / unknown checklist {checklist}"), 2)
    pick = lambda text: i18n.pick(text.as_dict(), lang.value)  # noqa: E731
    out = []
    for chosen, item in found:
        check = explaining.describe(item.check, lang.value)
        out += [f"{item.id}  {pick(item.title)}  [{chosen.id}]", "",
                pick(item.text), "",
                f"{'Vakavuus' if lang.value == 'fi' else 'Severity'}: {_severity(item.severity, lang.value)}   "
                f"{'Perustuu' if lang.value == 'fi' else 'Rests on'}: {_rests_on(item.rests_on, lang.value)}",
                *[line for source in [item.source, *item.also] for line in _source_lines(chosen, source, lang.value)],
                f"URL: {chosen.sources[item.source.document].url}",
                f"{'Tarkistus' if lang.value == 'fi' else 'Check'}: {check[0]}", *[f"  {line}" for line in check[1:]],
                f"{'Vihje' if lang.value == 'fi' else 'Hint'}: {pick(item.hint)}", ""]
        pair = explaining.snippets(item.check, reference_date(today))
        if pair:
            ok, bad = pair
            out += [("Läpäisee:" if lang.value == "fi" else "Passes:"), _indent(explaining.to_yaml(ok)),
                    ("Ei läpäise:" if lang.value == "fi" else "Fails:"), _indent(explaining.to_yaml(bad) or "{}\n")]
    sys.stdout.write("\n".join(out).rstrip() + "\n")


def _severity(severity, lang: str) -> str:
    from kotocheck import i18n

    return i18n.pick(i18n.MESSAGES["sev." + severity.value], lang)


def _rests_on(value: str, lang: str) -> str:
    from kotocheck.checklist_tables import rests_on

    return rests_on(value, lang)


def _source_lines(checklist, source, lang: str) -> list[str]:
    """A source, with the exact words it says (quote) and any note, indented beneath it."""
    lines = [f"{'Lähde' if lang == 'fi' else 'Source'}: {checklist.source_label(source)[lang]}"]
    if source.quote:
        lines.append(f"    ”{source.quote.strip()}”")
    if source.note:
        lines.append(f"    {'Huom.' if lang == 'fi' else 'Note'}: {source.note.strip()}")
    return lines


def _indent(text: str) -> str:
    return "".join(f"    {line}\n" for line in text.splitlines()).rstrip("\n")


@checklist_app.command("list")
def checklist_list(
    checklist: Optional[str] = typer.Option(None, "--checklist", help="Vain tämä tarkistuslista / only this checklist."),
    lang: Lang = typer.Option(Lang.fi, "--lang", help="Kieli / language."),
    fmt: ListFormat = typer.Option(ListFormat.text, "--format",
                                   help="text, tai md: taulukko lähteineen / md: a table with sources and their words."),
) -> None:
    """Listaa tarkistuslistat ja niiden kohdat / list the checklists and their items."""
    from kotocheck import i18n
    from kotocheck.checklist import available, load_checklist

    names = sorted(available())
    if checklist is not None and checklist not in names:
        fail(f"tuntematon tarkistuslista / unknown checklist {checklist}; known: {', '.join(names)}", 2)
    if fmt is ListFormat.md:
        from kotocheck.checklist_tables import markdown

        tables = [markdown(load_checklist(available()[n]), lang.value) for n in (names if checklist is None else [checklist])]
        sys.stdout.write("\n".join(tables))
        return
    out = []
    for name in names if checklist is None else [checklist]:
        chosen = load_checklist(available()[name])
        out += [f"{name}  ({chosen.kind}, {len(chosen.items)})  {i18n.pick(chosen.title.as_dict(), lang.value)}"]
        for item in chosen.items:
            source = chosen.source_label(item.source)[lang.value]
            out.append(f"  {item.id:<7} {_severity(item.severity, lang.value):<9} {i18n.pick(item.title.as_dict(), lang.value)}  — {source}")
        out.append("")
    sys.stdout.write("\n".join(out).rstrip() + "\n")


@checklist_app.command("vocabulary")
def checklist_vocabulary(
    lang: Lang = typer.Option(Lang.fi, "--lang", help="Kieli / language."),
    fmt: ListFormat = typer.Option(ListFormat.text, "--format",
                                   help="text, tai md: docs/valinnat.md / md: the list of docs/valinnat.md."),
) -> None:
    """Valintakenttien arvot ja niiden merkitys / the values of every choice field and their labels."""
    from kotocheck import choices

    sys.stdout.write(choices.markdown(lang.value) if fmt is ListFormat.md else choices.text(lang.value))


@app.command("config")
def show_config(path: Optional[Path] = typer.Argument(None, help="Tiedosto tai kansio, josta asetuksia haetaan / where to look from.")) -> None:
    """Näytä voimassa olevat asetukset ja mistä ne tulevat / the settings in effect and where each came from."""
    from kotocheck import config as config_module

    try:
        config = config_module.load(path or Path.cwd())
    except config_module.ConfigError as exc:
        fail_located(exc.finding)
    out = [f"# {config.file or 'ei asetustiedostoa / no settings file'}"]
    settings = config.settings.model_dump(mode="json")
    for name, value in settings.items():
        shown = ", ".join(map(str, value)) if isinstance(value, list) and name == "paths" else (
            value if not isinstance(value, (list, dict)) or not value else f"{len(value)} kpl / entries")
        out.append(f"{name:<10} = {shown!s:<40} # {config.origin.get(name, 'default')}")
    for waiver in config.settings.waivers:
        out.append(f"  waiver {waiver.rule} {waiver.files}: {waiver.reason} ({waiver.approved_by}"
                   + (f", {waiver.expires}" if waiver.expires else "") + ")")
    for rule, severity in config.settings.severity.items():
        out.append(f"  severity {rule} = {severity.value}")
    for entry in config.settings.render:
        out.append(f"  render {entry.source} -> {entry.output}")
    sys.stdout.write("\n".join(out) + "\n")
