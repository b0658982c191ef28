"""kotocheck's performance benchmark: CPU-time verdicts, measured on this machine in one run.

Run it through `bench/run`, which installs the tools first (see docs/performance.md):

  1. cold start: `kotocheck validate examples/kemijarvi-2023-2025.yaml` vs `yamllint` on the same
     file, each a fresh process                       CPU ratio target <= 1.5, must <= 2.0
  2. one process checking 300 generated programme files: `kotocheck validate DIR` vs
     `check-jsonschema --schemafile <kotocheck schema> <the 300 files>`  CPU ratio <= 0.5
  3. one programme with 1,000 and with 10,000 measures through `validate` and `render` (html):
     10k validate <= 1.0 s CPU, 10k render <= 2.0 s CPU, each 10k/1k CPU ratio <= 12 (linear),
     peak RSS of validate 10k <= 128 MiB
  4. `fmt` and `migrate` of a ~3 MB programme (8,000 measures; an old-law one for migrate),
     each <= 10 s CPU

Every verdict is on CPU time (user + sys of the child), the median of the runs (for the cold start
with a hyperfine that exports no per-run CPU times, as Debian's 1.15: its mean), because CPU time
stays steady on a shared machine where wall time does not; ratios compare commands timed in the
same run. Wall time is printed beside each verdict for information, with the load average before
and after the run. The cold start is timed by hyperfine (its JSON export has the user and system
time) when installed; everything else by this script's own loop with os.wait4. Peak memory is
the command's maximum resident set size (GNU time's %M; os.wait4 without it). Only the standard
library is imported here, so `--help` and `--dry-run` work with any Python 3.11.
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

# Targets of issue 11, all on CPU time (user + sys). MUST_COLD is the limit the cold start may not pass.
TARGET_COLD = 1.5
MUST_COLD = 2.0
TARGET_CORPUS = 0.5
TARGET_LINEAR = 12.0
TARGET_VALIDATE_BIG = 1.0  # CPU s, validate of the 10k-measure programme
TARGET_RENDER_BIG = 2.0  # CPU s, render of the same
TARGET_RSS_MIB = 128  # peak RSS of validate 10k
TARGET_EDIT = 10.0  # CPU s, fmt and migrate of the ~3 MB programme
EDIT_MEASURES = 8000  # ~3 MB (10,000 measures are ~3.8 MB)
# A run of fmt/migrate this many times over its target ends the repeats: the verdict is settled and
# each run can take minutes.
SETTLED = 3.0


@dataclass
class Timing:
    name: str
    wall: list[float] = field(default_factory=list)  # seconds, one per run
    cpu: list[float] = field(default_factory=list)  # user + system seconds
    rss_kib: int = 0  # peak resident set size of the child, KiB
    exit_codes: set[int] = field(default_factory=set)
    cpu_mean_only: bool = False  # an older hyperfine (Debian's 1.15) exports only the mean user and system time

    @property
    def median(self) -> float:
        return statistics.median(self.wall)

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu) if self.cpu else float("nan")

    @property
    def spread(self) -> str:
        return f"{min(self.wall):.3f}-{max(self.wall):.3f}" if self.wall else "-"

    @property
    def cpu_spread(self) -> str:
        if self.cpu_mean_only:
            return "(mean)"
        return f"{min(self.cpu):.3f}-{max(self.cpu):.3f}" if self.cpu else "-"

    def as_json(self) -> dict:
        return {"name": self.name, "runs": len(self.wall), "cpu_s": self.cpu, "wall_s": self.wall,
                "cpu_median_s": self.cpu_median, "cpu_is_mean": self.cpu_mean_only, "wall_median_s": self.median,
                "peak_rss_kib": self.rss_kib, "exit_codes": sorted(self.exit_codes)}


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


def measure_own(name: str, cmd: list[str], runs: int, warmup: int, cwd: Path,
                settled: float | None = None) -> Timing:
    """`runs` runs of cmd; stops early once one run takes more than `settled` CPU seconds."""
    timing = Timing(name)
    for _ in range(warmup):
        run_once(cmd, cwd)
    for _ in range(runs):
        wall, cpu, rss, code = run_once(cmd, cwd)
        timing.wall.append(wall)
        timing.cpu.append(cpu)
        timing.rss_kib = max(timing.rss_kib, rss)
        timing.exit_codes.add(code)
        if settled is not None and cpu > settled:
            break
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
        if not timing.cpu:  # older hyperfine: the mean of the runs' user and system time
            timing.cpu = [result["user"] + result["system"]]
            timing.cpu_mean_only = True
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
            "for p in ('kotocheck','typer','click','rich','pydantic','pydantic-core','ruamel.yaml','ruamel.yaml.clib','PyYAML','jinja2',"
            "'yamllint','check-jsonschema','jsonschema'):\n"
            "    try: print(f'{p} {m.version(p)}', end='; ')\n"
            "    except Exception: print(f'{p} -', end='; ')\n")
    try:
        return subprocess.run([str(python), "-c", code], capture_output=True, text=True, check=True).stdout.strip("; ")
    except (OSError, subprocess.CalledProcessError):
        return "(bench venv missing)"


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"


def nproc() -> int:
    # What `nproc` prints: the CPUs this process may run on, not the host's count.
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 0


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def bytecode(python: Path) -> None:
    """kotocheck compiled to bytecode, as an installed wheel has it, and every timed command free to
    write its own: with PYTHONDONTWRITEBYTECODE set, this editable checkout's modules were compiled
    again at every run (~30 ms of a 140 ms start), which its users never pay."""
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    if not python.exists():  # the bench stops later with its own message on the missing venv
        return
    subprocess.run([str(python), "-m", "compileall", "-q", str(ROOT / "src" / "kotocheck")],
                   stdout=subprocess.DEVNULL, check=False)


def machine(python: Path, hyperfine: str | None, load_before: str, load_after: str) -> dict[str, str]:
    try:
        py = subprocess.run([str(python), "-VV"], capture_output=True, text=True).stdout.strip().replace("\n", " ")
    except OSError:
        py = "?"
    hf = subprocess.run([hyperfine, "--version"], capture_output=True, text=True).stdout.strip() if hyperfine else \
        "hyperfine not installed: own timing loop"
    return {
        "date": time.strftime("%Y-%m-%d %H:%M %Z"),
        "platform": platform.platform(),
        "cpu": f"{cpu_model()}, nproc {nproc()}",
        # The 1, 5 and 15 minute load averages: above nproc, wall times are inflated; CPU times much less.
        "load": f"before {load_before}, after {load_after} (1/5/15 min; nproc {nproc()})",
        "python": py,
        "bytecode": "compiled before timing (as an installed wheel), PYTHONDONTWRITEBYTECODE unset",
        "timer": hf + ("; GNU time for peak RSS" if os.access(GNU_TIME, os.X_OK) else "; os.wait4 for peak RSS"),
        "versions": versions(python),
    }


def count(n: int) -> str:
    return f"{n // 1000}k" if n % 1000 == 0 else str(n)


def mib(kib: int) -> str:
    return f"{kib / 1024:.0f} MiB" if kib else "-"


@dataclass
class Verdict:
    name: str
    measured: float
    unit: str  # "x" (a CPU ratio), "s" (CPU seconds) or "MiB"
    target: float
    must: float | None
    wall: str  # the wall-clock figure, for information only

    @property
    def met(self) -> bool:
        return self.measured <= self.target

    @property
    def must_met(self) -> bool | None:
        return None if self.must is None else self.measured <= self.must

    def cells(self) -> tuple[str, str, str, str, str, str]:
        def fig(x: float) -> str:
            return f"{x:.0f} MiB" if self.unit == "MiB" else f"{x:.2f}{' s' if self.unit == 's' else 'x'}"

        must = "-" if self.must is None else f"<= {fig(self.must)}"
        must_result = {None: "", True: "PASS", False: "MISS"}[self.must_met]
        return (fig(self.measured), f"<= {fig(self.target)}", "PASS" if self.met else "MISS", must, must_result,
                self.wall)

    def as_json(self) -> dict:
        return {"name": self.name, "measured": self.measured, "unit": self.unit, "target": self.target,
                "must": self.must, "result": "PASS" if self.met else "MISS",
                "must_result": {None: None, True: "PASS", False: "MISS"}[self.must_met], "wall": self.wall}


def judge(t: dict[str, Timing], files: int, small: int, big: int, edit_mb: float | None = None) -> list[Verdict]:
    """The verdicts on the CPU medians in `t` (keyed by the command names bench/run uses).
    Commands missing from `t` are left out (so a partial set can be judged)."""
    out: list[Verdict] = []

    def ratio(name: str, a: str, b: str, target: float, must: float | None = None) -> None:
        if a in t and b in t:
            wall = f"wall {t[a].median / t[b].median:.2f}x ({t[a].median:.3f} s / {t[b].median:.3f} s)"
            out.append(Verdict(name, t[a].cpu_median / t[b].cpu_median, "x", target, must, wall))

    def seconds(name: str, a: str, target: float) -> None:
        if a in t:
            out.append(Verdict(name, t[a].cpu_median, "s", target, None, f"wall {t[a].median:.2f} s"))

    ratio("1 cold validate, kotocheck/yamllint", "kotocheck validate", "yamllint", TARGET_COLD, MUST_COLD)
    ratio(f"2 {files} files, kotocheck/check-jsonschema", "kotocheck validate DIR", "check-jsonschema",
          TARGET_CORPUS)
    for verb, target in (("validate", TARGET_VALIDATE_BIG), ("render", TARGET_RENDER_BIG)):
        seconds(f"3 {verb} {count(big)} measures", f"{verb} {big}", target)
        ratio(f"3 {verb} {count(big)}/{count(small)}, linear", f"{verb} {big}", f"{verb} {small}", TARGET_LINEAR)
    name = f"validate {big}"
    if name in t and t[name].rss_kib:
        out.append(Verdict(f"3 validate {count(big)} peak RSS", t[name].rss_kib / 1024, "MiB", TARGET_RSS_MIB,
                           None, ""))
    size = f" {edit_mb:.1f} MB" if edit_mb else ""
    seconds(f"4 fmt{size}", "fmt", TARGET_EDIT)
    seconds(f"4 migrate{size} (old law)", "migrate", TARGET_EDIT)
    return out


VERDICT_HEADER = (f"{'verdict (CPU time, medians)':<42} {'measured':>9} {'target':>10}  result "
                  f"{'must':>9}  result  wall, for information")


def verdict_lines(verdicts: list[Verdict]) -> list[str]:
    lines = [VERDICT_HEADER, "-" * len(VERDICT_HEADER)]
    for v in verdicts:
        measured, target, result, must, must_result, wall = v.cells()
        lines.append(f"{v.name:<42} {measured:>9} {target:>10}  {result:<6} {must:>9}  {must_result:<6}  {wall}"
                     .rstrip())
    met = sum(v.met for v in verdicts)
    musts = [v for v in verdicts if v.must is not None]
    lines.append("")
    lines.append(f"{met}/{len(verdicts)} targets met"
                 + (f"; {sum(bool(v.must_met) for v in musts)}/{len(musts)} musts met" if musts else ""))
    return lines


COMMAND_HEADER = (f"{'command':<26} {'runs':>4} {'CPU s':>8} {'CPU min-max':>15} {'wall s':>8} "
                  f"{'peak RSS':>9}  exit")


def command_lines(timings: list[Timing]) -> list[str]:
    lines = [COMMAND_HEADER, "-" * len(COMMAND_HEADER)]
    for t in timings:
        lines.append(f"{t.name:<26} {len(t.wall):>4} {t.cpu_median:>8.3f} {t.cpu_spread:>15} {t.median:>8.3f} "
                     f"{mib(t.rss_kib):>9}  {','.join(map(str, sorted(t.exit_codes)))}")
    lines.append("CPU s: user + sys of the command, median of the runs; wall s: median wall-clock time")
    if any(t.cpu_mean_only for t in timings):
        lines.append("(mean): this hyperfine exports only the mean user and system time, so CPU s is that mean")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="bench/run", description=__doc__.split("\n\n")[0],
        epilog="Usually run as bench/run, which installs hyperfine (apt, root), yamllint and check-jsonschema "
               "into bench/.venv first. Timing assertions never belong in the test suite; this is where they are.")
    parser.add_argument("--venv", type=Path, default=HERE / ".venv",
                        help="virtual environment with kotocheck, yamllint and check-jsonschema (default bench/.venv)")
    parser.add_argument("--files", type=int, default=300, help="generated programme files for ratio 2 (300)")
    parser.add_argument("--measures", default="1000,10000", help="measure counts for step 3, small,big (1000,10000)")
    parser.add_argument("--edit-measures", type=int, default=EDIT_MEASURES,
                        help=f"measures of the programme fmt and migrate rewrite in step 4 ({EDIT_MEASURES}, ~3 MB)")
    parser.add_argument("--runs", type=int, default=15, help="runs of each cold-start command (15)")
    parser.add_argument("--corpus-runs", type=int, default=5, help="runs of each 300-file command (5)")
    parser.add_argument("--big-runs", type=int, default=3, help="runs of each 1k/10k command (3)")
    parser.add_argument("--edit-runs", type=int, default=3,
                        help=f"runs of fmt and migrate (3; fewer when one run passes {SETTLED:g}x the target)")
    parser.add_argument("--no-hyperfine", action="store_true", help="use the script's own timing loop")
    parser.add_argument("--keep", type=Path, help="generate the data into this folder and keep it")
    parser.add_argument("--json", type=Path, metavar="FILE",
                        help="also write the machine, the commands' figures and the verdicts to FILE as JSON")
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

    if not args.dry_run:
        bytecode(python)
    load_before = load()  # before generating: the bench's own work should not count as load
    work = args.keep or Path(tempfile.mkdtemp(prefix="kotocheck-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus_dir = work / "corpus"
    big_dir = work / "big"
    started = time.perf_counter()
    files = generate.corpus(corpus_dir, args.files)
    big_dir.mkdir(exist_ok=True)
    shutil.copy(ROOT / SERVICES, big_dir / Path(SERVICES).name)
    bigs = {n: generate.big(big_dir / f"measures-{n}.yaml", n) for n in (small, big)}
    # with blank lines and comments, as people write them: fmt and migrate keep both, at a cost
    edit_new = generate.big(big_dir / f"fmt-{args.edit_measures}.yaml", args.edit_measures, by_hand=True)
    edit_old = generate.big(big_dir / f"old-law-{args.edit_measures}.yaml", args.edit_measures, old_law=True,
                            by_hand=True)
    edit_mb = edit_new.stat().st_size / 1e6
    schema = work / "programme.schema.json"
    print(f"data: {len(files)} files in {corpus_dir}; {', '.join(str(p) for p in bigs.values())}; "
          f"{edit_new} ({edit_mb:.1f} MB), {edit_old} ({edit_old.stat().st_size / 1e6:.1f} MB)")

    cold = [("kotocheck validate", [kotocheck, "validate", EXAMPLE]), ("yamllint", [yamllint, EXAMPLE])]
    corpus = [("kotocheck validate DIR", [kotocheck, "validate", str(corpus_dir)]),
              ("check-jsonschema", [cjs, "--schemafile", str(schema), *map(str, files)])]
    scale = [(f"{verb} {n}", [kotocheck, verb, str(path)] + (["-o", str(work / f"render-{n}.html")] if verb == "render" else []))
             for verb in ("validate", "render") for n, path in bigs.items()]
    # -o keeps the input as generated, so every run does the same work (fmt rewrites in place by
    # default; migrate refuses an existing -o file without --force).
    edit = [("fmt", [kotocheck, "fmt", str(edit_new), "-o", str(work / "fmt-out.yaml")]),
            ("migrate", [kotocheck, "migrate", str(edit_old), "-o", str(work / "migrate-out.yaml"), "--force"])]

    try:
        return _run(args, work, hyperfine, python, (kotocheck, yamllint, cjs), files, schema,
                    cold, corpus, scale, edit, small, big, edit_mb, started, load_before)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def _run(args, work, hyperfine, python, tools, files, schema, cold, corpus, scale, edit, small, big, edit_mb,
         started, load_before) -> int:
    kotocheck = tools[0]
    if args.dry_run:
        missing = [p for p in tools if not Path(p).exists()]
        print("dry run: would time, in " + str(ROOT))
        for name, cmd in cold + corpus + scale + edit:
            shown = cmd if len(cmd) < 8 else cmd[:4] + [f"... ({len(cmd) - 4} more)"]
            print(f"  {name:<24} {' '.join(shown)}")
        print(f"timer: {hyperfine or 'own loop'} for the cold start, own loop (os.wait4) for the rest; "
              f"missing tools: {', '.join(missing) or 'none'}")
        return 0

    subprocess.run([kotocheck, "schema", "-o", str(schema), "--force"], check=True, cwd=ROOT)
    print(f"load average before: {load_before}", flush=True)
    print("1/4 cold start ...", flush=True)
    t_cold = measure(cold, args.runs, 3, ROOT, work, hyperfine)
    # Runs of several seconds: hyperfine adds nothing there, and the own loop records memory per run.
    # No warm-up: the files were just written (page cache) and step 1 compiled the bytecode.
    print(f"2/4 {len(files)} files ...", flush=True)
    t_corpus = [measure_own(name, cmd, args.corpus_runs, 0, ROOT) for name, cmd in corpus]
    print(f"3/4 {count(small)} and {count(big)} measures ...", flush=True)
    t_scale = [measure_own(name, cmd, args.big_runs, 0, ROOT) for name, cmd in scale]
    print(f"4/4 fmt and migrate, {edit_mb:.1f} MB ...", flush=True)
    t_edit = [measure_own(name, cmd, args.edit_runs, 0, ROOT, settled=SETTLED * TARGET_EDIT) for name, cmd in edit]
    load_after = load()

    timings = [*t_cold, *t_corpus, *t_scale, *t_edit]
    verdicts = judge({t.name: t for t in timings}, len(files), small, big, edit_mb)
    facts = machine(python, hyperfine, load_before, load_after)
    print()
    print("kotocheck benchmark")
    for key, value in facts.items():
        print(f"  {key + ':':<9} {value}")
    print()
    print("\n".join(command_lines(timings)))
    print()
    print("\n".join(verdict_lines(verdicts)))
    took = time.perf_counter() - started
    print(f"bench took {took:.0f} s" + ("" if args.keep else f"; data removed from {work}"))
    if args.json:
        args.json.write_text(json.dumps({"machine": facts, "commands": [t.as_json() for t in timings],
                                         "verdicts": [v.as_json() for v in verdicts], "seconds": round(took)},
                                        indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"JSON written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
