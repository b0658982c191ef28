"""Deterministic test data for the benchmark, made from the bundled example programmes.

    python bench/generate.py corpus DIR [--files 300] [--seed 2026]
    python bench/generate.py big FILE --measures 10000 [--old-law]

`corpus` writes many programme files, each a variation of one of the three example
programmes (another municipality and period, goals dropped, measures shuffled and copied,
figures changed); `big` writes one programme with the given number of measures, spread over
ten goals (`--old-law`: the Kemijärvi example under checklist kotouttamisohjelma-1386-2010, so
that `kotocheck migrate` has keys to add). All are valid documents: kotocheck reads them without
YAML or schema errors and check-jsonschema accepts them against kotocheck's exported programme
schema. The same seed always gives the same bytes.

Needs only ruamel.yaml (a dependency of kotocheck) to read the examples.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
# The example programmes (kind: programme); the corpus cycles through them.
BASES = ("esimerkkila-2025-2028.yaml", "kemijarvi-2023-2025.yaml", "rovaniemi-2022-2025.yaml")
# An old-law programme (checklist kotouttamisohjelma-1386-2010): migrate has keys to add to it.
OLD_LAW_BASE = "kemijarvi-2023-2025.yaml"
SEED = 2026

TOWNS = ("Alajärvi", "Hamina", "Iisalmi", "Joensuu", "Kajaani", "Kemi", "Kokkola", "Kouvola", "Lahti",
         "Lieksa", "Loimaa", "Mikkeli", "Nurmes", "Oulu", "Pieksämäki", "Pori", "Raahe", "Rauma",
         "Salo", "Savonlinna", "Seinäjoki", "Tornio", "Uusikaupunki", "Varkaus", "Ylivieska")
ACTIONS = ("Kielikahvilat kirjastossa", "Työpaikkasuomen ryhmät", "Ohjaus ja neuvonta yhden luukun periaatteella",
           "Vertaistukiryhmät vanhemmille", "Harrastustoiminnan tuki nuorille", "Selkokieliset verkkosivut",
           "Henkilöstön kulttuurisensitiivisyyskoulutus", "Rekrytointipäivät yritysten kanssa",
           "Asukasillat eri kielillä", "Kotoutumisen yhdyshenkilöt kouluihin")
GROUPS = ("työikäiset maahan muuttaneet", "lapset ja nuoret", "kotona lapsia hoitavat vanhemmat",
          "ikääntyneet maahan muuttaneet", "työnantajat", "kunnan henkilöstö")
UNITS = ("sivistyspalvelut", "elinvoimapalvelut", "hyvinvointialue, sosiaalityö", "työllisyysalue",
         "kirjasto- ja kulttuuripalvelut", "nuorisopalvelut")


def _load(name: str):
    from ruamel.yaml import YAML

    return YAML(typ="safe", pure=True).load((EXAMPLES / name).read_text(encoding="utf-8"))


_PLAIN_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _scalar(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _dump(data) -> str:
    """Block-style YAML, written directly: ruamel.yaml's pure-Python emitter would take
    longer than the benchmark itself. Keys in the order of the example; strings double-quoted."""
    out: list[str] = []

    def key(k) -> str:
        return k if _PLAIN_KEY.match(str(k)) else json.dumps(str(k), ensure_ascii=False)

    def node(value, indent: str) -> None:  # value is a non-empty dict or list, starting on a new line
        if isinstance(value, dict):
            for k, v in value.items():
                if isinstance(v, (dict, list)) and v:
                    out.append(f"{indent}{key(k)}:\n")
                    node(v, indent + "  ")
                else:
                    out.append(f"{indent}{key(k)}: {_inline(v)}\n")
        else:
            for item in value:
                if isinstance(item, dict) and item:
                    first = True
                    for k, v in item.items():
                        lead = indent + ("- " if first else "  ")
                        first = False
                        if isinstance(v, (dict, list)) and v:
                            out.append(f"{lead}{key(k)}:\n")
                            node(v, indent + "    ")
                        else:
                            out.append(f"{lead}{key(k)}: {_inline(v)}\n")
                elif isinstance(item, list) and item:
                    out.append(f"{indent}-\n")
                    node(item, indent + "  ")
                else:
                    out.append(f"{indent}- {_inline(item)}\n")

    def _inline(v) -> str:
        if isinstance(v, dict):
            return "{}"
        if isinstance(v, list):
            return "[]"
        return _scalar(v)

    node(data, "")
    return "".join(out)


def _shift_year(value, by: int):
    """A year (int) moved by `by`; dates and text are left as they are."""
    return value + by if isinstance(value, int) and not isinstance(value, bool) else value


def vary(data, rng: random.Random, index: int):
    """One variation of a parsed example programme (changed in place and returned)."""
    town = f"{rng.choice(TOWNS)} {index}"
    shift = rng.randint(-4, 4)
    ident = data["identification"]
    ident["municipality"] = town
    period = ident.get("period")
    if isinstance(period, dict):
        for key in ("start", "end"):
            if key in period:
                period[key] = _shift_year(period[key], shift)
    data["title"] = f"{town}: kotoutumisen edistämisen ohjelma (muunnelma {index})"
    for figure in (data.get("situation") or {}).get("figures", []) or []:
        if isinstance(figure.get("value"), int) and not isinstance(figure.get("value"), bool):
            figure["value"] = max(0, figure["value"] + rng.randint(-20, 40))
    goals = data.get("goals") or []
    if len(goals) > 1 and rng.random() < 0.5:
        del goals[rng.randrange(len(goals))]
    for goal in goals:
        measures = goal.get("measures") or []
        rng.shuffle(measures)
        for copy_no in range(rng.randint(0, 3)):
            if not measures:
                break
            extra = copy.deepcopy(rng.choice(measures))
            extra["id"] = f"{goal['id']}.X{copy_no + 1}"
            extra["title"] = f"{rng.choice(ACTIONS)} ({town})"
            measures.append(extra)
    return data


def corpus(folder: Path, files: int = 300, seed: int = SEED) -> list[Path]:
    """`files` programme files in `folder`, named p000.yaml, p001.yaml, ..."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    bases = [_load(name) for name in BASES]
    written = []
    for index in range(files):
        data = vary(copy.deepcopy(bases[index % len(bases)]), rng, index)
        path = folder / f"p{index:03d}.yaml"
        path.write_text(_dump(data), encoding="utf-8")
        written.append(path)
    return written


def big_text(measures: int, seed: int = SEED, goals: int = 10, old_law: bool = False) -> str:
    """A complete programme (the Esimerkkilä example, or with `old_law` the Kemijärvi one) whose
    goals hold `measures` measures.

    Each measure has the fields a real one usually has (id, title, description, responsible,
    schedule, target group), about ten YAML nodes and 330 bytes, so 10,000 measures stay below
    the loader's limits (200,000 nodes, 5 MB)."""
    rng = random.Random(seed)
    data = _load(OLD_LAW_BASE if old_law else BASES[0])
    template_goals = data["goals"]
    new_goals = []
    per_goal = [measures // goals + (1 if g < measures % goals else 0) for g in range(goals)]
    for g, count in enumerate(per_goal, start=1):
        goal = copy.deepcopy(template_goals[(g - 1) % len(template_goals)])
        goal["id"] = f"G{g}"
        goal["title"] = f"{goal['title']} ({g})"
        for i, indicator in enumerate(goal.get("indicators") or [], start=1):
            indicator["id"] = f"G{g}.I{i}"
        goal["measures"] = [{
            "id": f"G{g}.M{m}",
            "title": f"{rng.choice(ACTIONS)} {m}",
            "description": f"Toimenpide {m} tavoitteen {g} toteuttamiseksi; kohdistuu ryhmään {rng.choice(GROUPS)}.",
            "responsible": f"Esimerkkilän kunta, {rng.choice(UNITS)}",
            "schedule": {"start": 2025 + rng.randint(0, 1), "end": 2027 + rng.randint(0, 1)},
            "target_groups": [rng.choice(GROUPS)],
        } for m in range(1, count + 1)]
        new_goals.append(goal)
    data["goals"] = new_goals
    return _dump(data)


def written_by_hand(text: str) -> str:
    """The text as people keep a programme: a blank line before each top-level key, a comment
    line before each goal and before every tenth measure. fmt and migrate must keep both, and a
    file without them reads faster, so timing one would flatter them."""
    out = []
    for line in text.splitlines(keepends=True):
        stripped = line.lstrip(" ")
        indent = line[:len(line) - len(stripped)]
        if out and line[:1].isalpha():
            out.append("\n")
        match = re.match(r"- id: \"?G(\d+)(?:\.M(\d+))?\"?\s*$", stripped)
        if match and (match.group(2) is None or int(match.group(2)) % 10 == 1):
            what = f"tavoite {match.group(1)}" if match.group(2) is None else f"toimenpiteet {match.group(2)}–"
            out.append(f"{indent}# {what}: tarkistettu työryhmässä\n")
        out.append(line)
    return "".join(out)


def big(path: Path, measures: int, seed: int = SEED, old_law: bool = False, by_hand: bool = False) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = big_text(measures, seed, old_law=old_law)
    path.write_text(written_by_hand(text) if by_hand else text, encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Generate benchmark data from the example programmes.")
    sub = parser.add_subparsers(dest="what", required=True)
    c = sub.add_parser("corpus", help="many varied programme files in a folder")
    c.add_argument("folder", type=Path)
    c.add_argument("--files", type=int, default=300)
    c.add_argument("--seed", type=int, default=SEED)
    b = sub.add_parser("big", help="one programme with many measures")
    b.add_argument("file", type=Path)
    b.add_argument("--measures", type=int, default=10_000)
    b.add_argument("--seed", type=int, default=SEED)
    b.add_argument("--old-law", action="store_true",
                   help="the Kemijärvi example under checklist kotouttamisohjelma-1386-2010 (for migrate)")
    args = parser.parse_args(argv)
    if args.what == "corpus":
        print(f"{len(corpus(args.folder, args.files, args.seed))} files in {args.folder}")
    else:
        print(big(args.file, args.measures, args.seed, args.old_law))


if __name__ == "__main__":
    main()
