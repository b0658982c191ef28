"""The test command's own set-up (issue 10, item 17): when Chromium cannot be installed, one line
says what to do instead of apt's output, and the README states every prerequisite."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT

SCRIPT = ROOT / "scripts" / "install-chromium"


def fake(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.write_text("#!/bin/sh\n" + body + "\n")
    path.chmod(0o755)


def run_install(tmp_path: Path, uid: str, apt: str | None, sudo: str | None = None):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake(bin_dir, "id", f'[ "$1" = "-u" ] && echo {uid}')
    if apt is not None:
        fake(bin_dir, "apt-get", apt)
    if sudo is not None:
        fake(bin_dir, "sudo", sudo)
    tools = {"bash", "env", "mktemp", "grep", "tail", "rm", "cat", "true"}
    for tool in tools:  # only these real tools, so the machine's own apt-get or sudo is not found
        real = next((Path(d) / tool for d in os.environ["PATH"].split(":") if (Path(d) / tool).exists()), None)
        if real and not (bin_dir / tool).exists():
            (bin_dir / tool).symlink_to(real)
    return subprocess.run([str(bin_dir / "bash"), str(SCRIPT)], capture_output=True, text=True,
                          env={"PATH": str(bin_dir), "HOME": str(tmp_path)}, timeout=60)


LOCKED = 'echo "E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 42 (apt-get)" >&2; exit 100'


@pytest.mark.parametrize("uid, apt, sudo, expected", [
    ("0", LOCKED, None, "apt is busy (another installation holds its lock)"),
    ("0", 'echo "E: Unable to locate package chromium" >&2; exit 100', None,
     "'apt-get install chromium' failed (E: Unable to locate package chromium)"),
    ("0", None, None, "there is no apt-get here"),
    ("1000", "exit 0", None, "needs root or sudo"),
    ("1000", LOCKED, 'if [ "$1" = "-n" ]; then shift; fi; exec "$@"', "apt is busy"),
])
def test_a_failed_chromium_install_is_one_line_saying_what_to_do(tmp_path, uid, apt, sudo, expected):
    result = run_install(tmp_path, uid, apt, sudo)
    assert result.returncode == 0
    lines = result.stderr.strip().splitlines()
    assert expected in lines[-1]
    assert "KOTOCHECK_SKIP_BROWSER=1" in lines[-1]
    assert "dpkg/lock-frontend" not in result.stderr  # apt's own output stays out
    assert len([line for line in lines if not line.endswith("for the browser tests")]) == 1


def test_the_readme_states_the_prerequisites_of_the_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    head = readme.split("## ", 1)[0]
    for needed in ("root", "sudo", "apt", "npm", "KOTOCHECK_SKIP_BROWSER=1"):
        assert needed in head, needed
