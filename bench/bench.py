"""kotocheck's performance benchmark: three ratios, measured on this machine in one run.

Run it through `bench/run`, which installs the tools first (see docs/performance.md):

  1. cold start: `kotocheck validate examples/kemijarvi-2023-2025.yaml` vs `yamllint` on the same
     file, each a fresh process                                         target ratio <= 1.5
  2. one process checking 300 generated programme files: `kotocheck validate DIR` vs
     `check-jsonschema --schemafile <kotocheck schema> <the 300 files>`  target ratio <= 1.0
  3. one programme with 1,000 and with 10,000 measures through `validate` and `render`
     (html): ratio 10k/1k <= 12 (linear) and the 10k run under 3 s; peak memory of each.

Timings are wall-clock medians (hyperfine for the cold start when installed, else and for the
multi-second runs this script's own repeated runs); CPU time (user+sys) is shown beside them because a loaded machine inflates wall time.
Peak memory is the command's maximum resident set size (GNU time's %M; os.wait4 without it). Only the standard library
is imported here, so `--help` and `--dry-run` work with any Python 3.11.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
EXAMPLE = "examples/kemijarvi-2023-2025.yaml"
SERVICES = "examples/esimerkkila-kotoutumisohjelma-2025.yaml"  # the big programme refers to it

TARGET_COLD = 1.5
TARGET_CORPUS = 1.0
TARGET_LINEAR = 12.0
TARGET_10K_SECONDS = 3.0


@dataclass
class Timing:
    name: str
    wall: list[float] = field(default_factory=list)  # seconds, one per run
    cpu: list[float] = field(default_factory=list)  # user + system seconds
    rss_kib: int = 0  # peak resident set size of the child, KiB
    exit_codes: set[int] = field(default_factory=set)

    @property
    def median(self) -> float:
        return statistics.median(self.wall)

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu) if self.cpu else float("nan")

    @property
    def spread(self) -> str:
        return f"{min(self.wall):.3f}-{max(self.wall):.3f}" if self.wall else "-"


GNU_TIME = "/usr/bin/time"  # Debian package `time`; its %M is the peak RSS of the command alone


def run_once(cmd: list[str], cwd: Path) -> tuple[float, float, int, int]:
    """Wall seconds, CPU seconds, peak RSS (KiB) and exit code of one run of cmd.

    A child forked from this process starts with this process's pages counted in its
    ru_maxrss, so the peak memory is taken from GNU time (a small process forking the command)
    when installed; without it, os.wait4's figure is an upper bound."""
    report = None
    if os.access(GNU_TIME, os.X_OK):
        fd, report = tempfile.mkstemp(prefix="kotocheck-bench-rss-")
        os.close(fd)
        cmd = [GNU_TIME, "-f", "%M", "-o", report, *cmd]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    rss = usage.ru_maxrss
    if report:
        lines = Path(report).read_text().split()
        os.unlink(report)
        rss = int(lines[-1]) if lines and lines[-1].isdigit() else rss
    return wall, usage.ru_utime + usage.ru_stime, rss, code


def measure_own(name: str, cmd: list[str], runs: int, warmup: int, cwd: Path) -> Timing:
    timing = Timing(name)
    for _ in range(warmup):
        run_once(cmd, cwd)
    for _ in range(runs):
        wall, cpu, rss, code = run_once(cmd, cwd)
        timing.wall.append(wall)
        timing.cpu.append(cpu)
        timing.rss_kib = max(timing.rss_kib, rss)
        timing.exit_codes.add(code)
    return timing


def measure_hyperfine(hyperfine: str, named: list[tuple[str, list[str]]], runs: int, warmup: int,
                      cwd: Path, work: Path) -> list[Timing]:
    """hyperfine over the commands (no shell, exit codes ignored), then one run each for memory."""
    export = work / "hyperfine.json"
    args = [hyperfine, "-N", "-i", "--style", "basic", "--warmup", str(warmup), "--runs", str(runs),
            "--export-json", str(export)]
    for name, cmd in named:
        args += ["-n", name, " ".join(cmd)]
    done = subprocess.run(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode:  # its "ignoring non-zero exit code" warnings are expected: kotocheck exits 1 here
        sys.stderr.write(done.stderr)
        raise SystemExit(f"hyperfine failed ({done.returncode})")
    results = json.loads(export.read_text())["results"]
    timings = []
    for (name, cmd), result in zip(named, results):
        timing = Timing(name, wall=list(result["times"]),
                        cpu=[u + s for u, s in zip(result.get("user_times") or [], result.get("system_times") or [])])
        timing.exit_codes = set(result.get("exit_codes") or [])
        if not timing.cpu:
            timing.cpu = [result["user"] + result["system"]]
        _, _, timing.rss_kib, _ = run_once(cmd, cwd)
        timings.append(timing)
    return timings


def measure(named: list[tuple[str, list[str]]], runs: int, warmup: int, cwd: Path, work: Path,
            hyperfine: str | None) -> list[Timing]:
    if hyperfine:
        return measure_hyperfine(hyperfine, named, runs, warmup, cwd, work)
    return [measure_own(name, cmd, runs, warmup, cwd) for name, cmd in named]


def versions(python: Path) -> str:
    code = ("import importlib.metadata as m\n"
            "for p in ('kotocheck','typer','click','rich','pydantic','pydantic-core','ruamel.yaml','jinja2',"
            "'yamllint','check-jsonschema','jsonschema'):\n"
            "    try: print(f'{p} {m.version(p)}', end='; ')\n"
            "    except Exception: print(f'{p} -', end='; ')\n")
    try:
        return subprocess.run([str(python), "-c", code], capture_output=True, text=True, check=True).stdout.strip("; ")
    except (OSError, subprocess.CalledProcessError):
        return "(bench venv missing)"


def machine(python: Path, hyperfine: str | None) -> list[str]:
    facts = [f"date {time.strftime('%Y-%m-%d %H:%M')}, {platform.platform()}, nproc {os.cpu_count()}, "
             f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}"]
    try:
        py = subprocess.run([str(python), "-VV"], capture_output=True, text=True).stdout.strip().replace("\n", " ")
    except OSError:
        py = "?"
    hf = subprocess.run([hyperfine, "--version"], capture_output=True, text=True).stdout.strip() if hyperfine else \
        "hyperfine not installed: own timing loop"
    facts.append(f"python {py}; {hf}")
    facts.append(versions(python))
    return facts


def count(n: int) -> str:
    return f"{n // 1000}k" if n % 1000 == 0 else str(n)


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def mib(kib: int) -> str:
    return f"{kib / 1024:.0f} MiB" if kib else "-"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="bench/run", description=__doc__.split("\n\n")[0],
        epilog="Usually run as bench/run, which installs hyperfine (apt, root), yamllint and check-jsonschema "
               "into bench/.venv first. Timing assertions never belong in the test suite; this is where they are.")
    parser.add_argument("--venv", type=Path, default=HERE / ".venv",
                        help="virtual environment with kotocheck, yamllint and check-jsonschema (default bench/.venv)")
    parser.add_argument("--files", type=int, default=300, help="generated programme files for ratio 2 (300)")
    parser.add_argument("--measures", default="1000,10000", help="measure counts for ratio 3, small,big (1000,10000)")
    parser.add_argument("--runs", type=int, default=15, help="runs of each cold-start command (15)")
    parser.add_argument("--corpus-runs", type=int, default=3, help="runs of each 300-file command (3)")
    parser.add_argument("--big-runs", type=int, default=3, help="runs of each 1k/10k command (3)")
    parser.add_argument("--no-hyperfine", action="store_true", help="use the script's own timing loop")
    parser.add_argument("--keep", type=Path, help="generate the data into this folder and keep it")
    parser.add_argument("--dry-run", action="store_true",
                        help="generate the data and print the commands, without timing anything")
    args = parser.parse_args(argv)
    small, big = (int(x) for x in args.measures.split(","))

    bin_ = args.venv / "bin"
    python = bin_ / "python"
    kotocheck, yamllint, cjs = (str(bin_ / n) for n in ("kotocheck", "yamllint", "check-jsonschema"))
    hyperfine = None if args.no_hyperfine else shutil.which("hyperfine")

    sys.path.insert(0, str(HERE))
    import generate  # noqa: E402  (bench/generate.py; needs ruamel.yaml)

    work = args.keep or Path(tempfile.mkdtemp(prefix="kotocheck-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus_dir = work / "corpus"
    big_dir = work / "big"
    started = time.perf_counter()
    files = generate.corpus(corpus_dir, args.files)
    big_dir.mkdir(exist_ok=True)
    shutil.copy(ROOT / SERVICES, big_dir / Path(SERVICES).name)
    bigs = {n: generate.big(big_dir / f"measures-{n}.yaml", n) for n in (small, big)}
    schema = work / "programme.schema.json"
    print(f"data: {len(files)} files in {corpus_dir}; {', '.join(str(p) for p in bigs.values())}")

    cold = [("kotocheck validate", [kotocheck, "validate", EXAMPLE]), ("yamllint", [yamllint, EXAMPLE])]
    corpus = [("kotocheck validate DIR", [kotocheck, "validate", str(corpus_dir)]),
              ("check-jsonschema", [cjs, "--schemafile", str(schema), *map(str, files)])]
    scale = [(f"{verb} {n}", [kotocheck, verb, str(path)] + (["-o", str(work / f"render-{n}.html")] if verb == "render" else []))
             for verb in ("validate", "render") for n, path in bigs.items()]

    try:
        return _run(args, work, hyperfine, python, (kotocheck, yamllint, cjs), files, schema, cold, corpus, scale,
                    small, big, started)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def _run(args, work, hyperfine, python, tools, files, schema, cold, corpus, scale, small, big, started) -> int:
    kotocheck = tools[0]
    if args.dry_run:
        missing = [p for p in tools if not Path(p).exists()]
        print("dry run: would time, in " + str(ROOT))
        for name, cmd in cold + corpus + scale:
            shown = cmd if len(cmd) < 8 else cmd[:4] + [f"... ({len(cmd) - 4} more)"]
            print(f"  {name:<24} {' '.join(shown)}")
        print(f"timer: {hyperfine or 'own loop'}; missing tools: {', '.join(missing) or 'none'}")
        return 0

    subprocess.run([kotocheck, "schema", "-o", str(schema), "--force"], check=True, cwd=ROOT)
    print("1/3 cold start ...", flush=True)
    t_cold = measure(cold, args.runs, 3, ROOT, work, hyperfine)
    # Runs of several seconds: hyperfine adds nothing there, and the own loop records memory per run.
    # No warm-up: the files were just written (page cache) and step 1 compiled the bytecode.
    print(f"2/3 {len(files)} files ...", flush=True)
    t_corpus = [measure_own(name, cmd, args.corpus_runs, 0, ROOT) for name, cmd in corpus]
    print("3/3 1k and 10k measures ...", flush=True)
    t_scale = {name: measure_own(name, cmd, args.big_runs, 0, ROOT) for name, cmd in scale}

    rows = []
    r1 = t_cold[0].median / t_cold[1].median
    rows.append(("1 cold start, kotocheck/yamllint", f"{r1:.2f}", f"<= {TARGET_COLD}", verdict(r1 <= TARGET_COLD),
                 f"CPU ratio {t_cold[0].cpu_median / t_cold[1].cpu_median:.2f}"))
    r2 = t_corpus[0].median / t_corpus[1].median
    rows.append((f"2 {len(files)} files, kotocheck/check-jsonschema", f"{r2:.2f}", f"<= {TARGET_CORPUS}",
                 verdict(r2 <= TARGET_CORPUS), f"CPU ratio {t_corpus[0].cpu_median / t_corpus[1].cpu_median:.2f}"))
    for verb in ("validate", "render"):
        a, b = t_scale[f"{verb} {small}"], t_scale[f"{verb} {big}"]
        r = b.median / a.median
        rows.append((f"3 {verb} {count(big)}/{count(small)} measures", f"{r:.2f}", f"<= {TARGET_LINEAR:g}",
                     verdict(r <= TARGET_LINEAR), f"CPU ratio {b.cpu_median / a.cpu_median:.2f}"))
        rows.append((f"3 {verb} {count(big)} measures, seconds", f"{b.median:.2f}", f"< {TARGET_10K_SECONDS:g}",
                     verdict(b.median < TARGET_10K_SECONDS), f"CPU {b.cpu_median:.2f} s"))

    print()
    print("kotocheck benchmark")
    for fact in machine(python, hyperfine):
        print("  " + fact)
    print()
    header = f"{'command':<26} {'runs':>4} {'median s':>9} {'min-max s':>13} {'CPU s':>7} {'peak RSS':>9}  exit"
    print(header)
    print("-" * len(header))
    for t in [*t_cold, *t_corpus, *t_scale.values()]:
        print(f"{t.name:<26} {len(t.wall):>4} {t.median:>9.3f} {t.spread:>13} {t.cpu_median:>7.3f} "
              f"{mib(t.rss_kib):>9}  {','.join(map(str, sorted(t.exit_codes)))}")
    print()
    header = f"{'ratio':<44} {'measured':>8} {'target':>8}  result  note"
    print(header)
    print("-" * len(header))
    for name, value, target, result, note in rows:
        print(f"{name:<44} {value:>8} {target:>8}  {result:<6}  {note}")
    print()
    print(f"{sum(r[3] == 'PASS' for r in rows)}/{len(rows)} targets met; bench took "
          f"{time.perf_counter() - started:.0f} s" + ("" if args.keep else f"; data removed from {work}"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
