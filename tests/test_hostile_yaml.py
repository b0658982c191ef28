"""Hostile YAML: every protection of the loader, each test failing if its protection broke.

- alias bomb ("billion laughs")  -> yaml.too-complex, located, fast and small (measured in a fresh process)
- a file over max_bytes          -> input.too-large before any parsing, naming the limit
- custom tags (!!python/..., !x) -> yaml.tag, located, nothing executed
- Latin-1, UTF-16                -> yaml.encoding "not UTF-8", located; a UTF-8 BOM is accepted
- 100 000 nested [ or {          -> yaml.too-deep where the nesting passes the limit, no RecursionError
- a 100 000-character scalar     -> read as it is
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from kotocheck import loader

ROOT = Path(__file__).resolve().parent.parent


def billion_laughs(levels: int = 10, fan: int = 10) -> str:
    """`levels` anchors, each a list of `fan` aliases of the one before: fan**levels leaves."""
    lines = ["kind: programme", 'l0: &l0 "lol"']
    for level in range(1, levels):
        lines.append(f"l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * fan) + "]")
    return "\n".join(lines) + "\n"


def _measure(args: list[str], cwd: Path) -> dict:
    """Run `python -m kotocheck ARGS` from a fresh wrapper process; its RUSAGE_CHILDREN then
    holds only that one child, so ru_maxrss is the child's peak memory."""
    script = textwrap.dedent("""
        import json, resource, subprocess, sys, time
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "kotocheck", *sys.argv[1:]], capture_output=True, text=True,
                              timeout=60)
        wall = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
        print(json.dumps({"wall": wall, "rss_kib": peak, "code": done.returncode, "out": done.stdout,
                          "err": done.stderr}))
    """)
    done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _finding(text: str, rule: str) -> str:
    return next(line for line in text.splitlines() if f"  {rule}  " in line)


# --- alias bomb -------------------------------------------------------------------------------

@pytest.mark.parametrize("levels", [9, 10])
def test_alias_bomb_is_refused_fast_small_and_located(tmp_path, levels):
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(billion_laughs(levels))
    trivial = tmp_path / "trivial.yaml"
    trivial.write_text("kind: programm\n")
    baseline = min((_measure(["validate", "--lang", "en", trivial.name], tmp_path) for _ in range(2)),
                   key=lambda m: m["wall"])
    measured = min((_measure(["validate", "--lang", "en", bomb.name], tmp_path) for _ in range(2)),
                   key=lambda m: m["wall"])
    assert measured["code"] == 2, measured
    assert "Traceback" not in measured["out"] + measured["err"]
    line = _finding(measured["out"], "yaml.too-complex")
    assert line.startswith("bomb.yaml:") and "  error  yaml.too-complex  " in line
    row, column = map(int, line.split("  ")[0].split(":")[1:3])
    assert (row, column) != (1, 1), line  # at a node of the chain where the expansion overflows
    assert measured["rss_kib"] < 100 * 1024, f"peak memory {measured['rss_kib']} KiB"
    # Under one second for the refusal itself: the interpreter's start and the imports, the
    # same for any file, are taken off (they alone can pass a second on a loaded machine).
    assert measured["wall"] - baseline["wall"] < 1.0, (measured["wall"], baseline["wall"])
    assert measured["wall"] < 10.0


def test_alias_bomb_load_is_refused_in_well_under_a_second(tmp_path):
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(billion_laughs(10))
    start = time.perf_counter()
    with pytest.raises(loader.LoadError) as caught:
        loader.load(bomb)
    assert time.perf_counter() - start < 1.0
    assert caught.value.finding.rule == "yaml.too-complex"
    assert str(loader.MAX_NODES) in caught.value.finding.message["en"]


def test_aliases_within_the_budget_are_expanded(tmp_path):
    ok = tmp_path / "ok.yaml"
    ok.write_text("kind: programme\nshared: &s {a: 1, b: [x, y]}\nfirst: *s\nsecond: *s\n")
    data = loader.load(ok).data
    assert data["first"] == data["second"] == {"a": 1, "b": ["x", "y"]}
    assert data["first"] is not data["second"]  # plain copies, not shared objects


# --- size limit -----------------------------------------------------------------------------

def _big_valid_looking(size: int) -> bytes:
    """A programme-like file of `size` bytes that ends in a syntax error: parsing it would say
    yaml.syntax (after seconds of work); refusing it before parsing says input.too-large."""
    head = b"kind: programme\nformat_version: 1\ntitle: Iso ohjelma\nnotes:\n"
    line = b"  - Kotoutumista edistetaan yhteistyossa jarjestojen kanssa.\n"
    tail = b"broken: [unclosed\n"
    body = line * ((size - len(head) - len(tail)) // len(line) + 1)
    return head + body + tail


def test_a_file_over_the_default_limit_is_refused_before_parsing(tmp_path, cli):
    path = tmp_path / "huge.yaml"
    path.write_bytes(_big_valid_looking(6 * 1024 * 1024))
    start = time.perf_counter()
    result = cli("validate", path, "--lang", "en")
    elapsed = time.perf_counter() - start
    assert result.exit_code == 2
    line = _finding(result.output, "input.too-large")
    assert f"limit {loader.DEFAULT_MAX_BYTES}" in line and str(path.stat().st_size) in line
    assert "yaml.syntax" not in result.output  # the syntax error at the end was never reached
    assert elapsed < 2.0, elapsed  # ruamel needs many seconds for 6 MB


def test_the_limit_from_kotocheck_toml_applies_and_is_named(tmp_path, cli):
    (tmp_path / "kotocheck.toml").write_text("max_bytes = 2000\n")
    small = tmp_path / "small.yaml"
    small.write_bytes(b"kind: programm\n")
    big = tmp_path / "big.yaml"
    big.write_bytes(_big_valid_looking(3000))
    result = cli("validate", big, "--lang", "en")
    assert result.exit_code == 2
    line = _finding(result.output, "input.too-large")
    assert "limit 2000" in line and line.startswith(f"{big}:1:1")
    assert "yaml.syntax" not in result.output
    # the same limit does not refuse a file under it
    assert "input.too-large" not in cli("validate", small, "--lang", "en").output
    # report and render obey it too
    for command in ("report", "render"):
        result = cli(command, big)
        assert result.exit_code == 2 and "input.too-large" in result.output, (command, result.output)


def test_a_file_exactly_at_the_limit_is_read(tmp_path):
    path = tmp_path / "edge.yaml"
    path.write_bytes(b"kind: programm\n")
    assert loader.load(path, max_bytes=path.stat().st_size).data == {"kind": "programm"}
    with pytest.raises(loader.LoadError) as caught:
        loader.load(path, max_bytes=path.stat().st_size - 1)
    assert caught.value.finding.rule == "input.too-large"


# --- custom tags ----------------------------------------------------------------------------

TAGS = {
    "python-apply": "!!python/object/apply:os.system [\"touch {marker}\"]",
    "python-apply-map": "!!python/object/apply:os.system {{args: [\"touch {marker}\"]}}",
    "python-name": "!!python/name:os.system",
    "python-object-new": "!!python/object/new:subprocess.Popen [[touch, {marker}]]",
    "local": "!something x",
    "local-map": "!something {{a: 1}}",
    "verbatim": "!<tag:example.com,2026:x> 1",
}


@pytest.mark.parametrize("case", sorted(TAGS))
def test_custom_tags_are_refused_located_and_never_executed(tmp_path, cli, case):
    marker = tmp_path / "executed"
    path = tmp_path / "tag.yaml"
    path.write_text("kind: programme\nformat_version: 1\ntitle: " + TAGS[case].format(marker=marker) + "\n")
    for args in (("validate", path, "--lang", "en"), ("report", path), ("render", path)):
        result = cli(*args)
        assert result.exit_code == 2, (args, result.output)
        assert f"{path}:3:8  " in result.output and "yaml.tag" in result.output, result.output
    assert not marker.exists()


def test_standard_yaml_tags_are_still_accepted(tmp_path):
    path = tmp_path / "std.yaml"
    path.write_text("kind: programme\ntitle: !!str 2025\ncount: !!int '3'\n")
    data = loader.load(path).data
    assert data["title"] == "2025" and data["count"] == 3


# --- encodings ------------------------------------------------------------------------------

def test_latin1_is_not_utf8_with_the_byte_located(tmp_path, cli):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("kind: programme\ntitle: Kemijärvi\n".encode("latin-1"))
    result = cli("validate", path, "--lang", "en")
    assert result.exit_code == 2
    line = _finding(result.output, "yaml.encoding")
    assert line.startswith(f"{path}:2:13  error  yaml.encoding  ") and "not UTF-8" in line and "0xe4" in line


@pytest.mark.parametrize("bom, encoding", [(b"", "utf-16"), (b"\xfe\xff", "utf-16-be"), (b"", "utf-32")])
def test_utf16_is_not_utf8_clearly(tmp_path, cli, bom, encoding):
    path = tmp_path / "wide.yaml"
    path.write_bytes(bom + "kind: programme\ntitle: Kemijärvi\n".encode(encoding))  # "utf-16" adds its BOM
    for args in (("validate", path, "--lang", "en"), ("report", path), ("render", path)):
        result = cli(*args)
        assert result.exit_code == 2, (args, result.output)
        assert "yaml.encoding" in result.output
    line = _finding(cli("validate", path, "--lang", "en").output, "yaml.encoding")
    assert line.startswith(f"{path}:1:") and "not UTF-8" in line


def test_a_utf8_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + "kind: programme\ntitle: Kemijärvi\n".encode())
    assert loader.load(path).data == {"kind": "programme", "title": "Kemijärvi"}


# --- deep nesting ---------------------------------------------------------------------------

@pytest.mark.parametrize("opening, closing", [("[", "]"), ("{a: ", "}"), ("[{a: ", "}]")], ids=["seq", "map", "mixed"])
def test_deep_flow_nesting_is_located_not_a_recursion_error(tmp_path, cli, opening, closing):
    path = tmp_path / "deep.yaml"
    path.write_text("kind: programme\ntitle: " + opening * 100_000 + "x" + closing * 100_000 + "\n")
    start = time.perf_counter()
    result = cli("validate", path, "--lang", "en")
    assert time.perf_counter() - start < 3.0
    assert result.exit_code == 2
    line = _finding(result.output, "yaml.too-deep")
    row, column = map(int, line[len(str(path)) + 1:].split("  ")[0].split(":"))
    assert row == 2 and column > 100, line  # where the nesting passes the limit


def test_deep_block_nesting_is_located(tmp_path):
    path = tmp_path / "deep.yaml"
    path.write_text("kind: programme\nx:\n" + "".join("  " * i + "-\n" for i in range(1, 2000)))
    with pytest.raises(loader.LoadError) as caught:
        loader.load(path)
    finding = caught.value.finding
    assert finding.rule == "yaml.too-deep" and finding.line > 100


def test_nesting_below_the_limit_is_read(tmp_path):
    path = tmp_path / "nested.yaml"
    path.write_text("kind: programme\nx: " + "[" * 50 + "1" + "]" * 50 + "\n")
    value = loader.load(path).data["x"]
    for _ in range(50):
        value = value[0]
    assert value == 1


# --- long scalars ---------------------------------------------------------------------------

@pytest.mark.parametrize("style", ["plain", "double", "block"])
def test_a_100k_character_scalar_is_fine(tmp_path, cli, style):
    long = "ä" * 100_000
    value = {"plain": long, "double": f'"{long}"', "block": f"|\n  {long}"}[style]
    path = tmp_path / "long.yaml"
    path.write_text(f"kind: programme\ntitle: {value}\n", encoding="utf-8")
    assert loader.load(path).data["title"].rstrip("\n") == long
    result = cli("validate", path, "--lang", "en")
    assert result.exit_code in (0, 1)


# --- regressions found by tests/test_fuzz.py ------------------------------------------------

@pytest.mark.parametrize("key", ["{a: [1]}", "[[1]]", "? [{a: 1}]\n"], ids=["map", "seq", "explicit"])
def test_loader_collection_key_unhashable_is_located(tmp_path, cli, key):
    """ruamel raised TypeError (unhashable CommentedMap/CommentedSeq) for a mapping or list
    inside a key; it escaped the loader as a traceback."""
    path = tmp_path / "key.yaml"
    path.write_text(f"kind: programme\ntitle: T\n{key}: x\n")
    result = cli("validate", path, "--lang", "en")
    assert result.exit_code == 2, result.output
    line = _finding(result.output, "yaml.key-type")
    assert line.startswith(f"{path}:3:"), line
    regression = ROOT / "tests" / "regressions" / "loader-collection-key-unhashable.yaml"
    with pytest.raises(loader.LoadError) as caught:
        loader.load(regression)
    assert caught.value.finding.rule == "yaml.key-type" and caught.value.finding.line == 5


@pytest.mark.parametrize("value, reason", [("+_", "string index out of range"), ("0x_", "string index out of range"),
                                           ("2025-02-30", "day is out of range"), ("2025-13-01", "month must be in")],
                         ids=["plus-underscore", "hex-underscore", "feb-30", "month-13"])
def test_loader_scalar_construction_error_is_located(tmp_path, cli, value, reason):
    """ruamel's constructor raised IndexError (`+_`, `0x_`: an int of underscores only, found by
    fuzzing) or ValueError (an impossible date such as 2025-02-30) past the loader."""
    path = tmp_path / "value.yaml"
    path.write_text(f"kind: programme\ntitle: T\nx: [1, {value}]\n")
    result = cli("validate", path, "--lang", "en")
    assert result.exit_code == 2, result.output
    line = _finding(result.output, "yaml.syntax")
    assert line.startswith(f"{path}:3:8  error  yaml.syntax  ") and value in line and reason in line, line
    for name, where in (("loader-scalar-underscore-indexerror.yaml", 1), ("loader-impossible-date-valueerror.yaml", 5)):
        with pytest.raises(loader.LoadError) as caught:
            loader.load(ROOT / "tests" / "regressions" / name)
        assert caught.value.finding.rule == "yaml.syntax" and caught.value.finding.line == where
