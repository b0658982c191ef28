"""Ctrl-C during a batch: exit 130, one line, and no partial or temporary output file."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

from conftest import EXAMPLES, ROOT, TODAY


def _batch(tmp_path, copies: int = 4000):
    """A folder no run can finish before it is interrupted (about 4 ms a file now: ~16 s), made of
    hard links, so that making it costs no time or disk."""
    folder = tmp_path / "ohjelmat"
    folder.mkdir()
    source = tmp_path / "kemijarvi.yaml"
    shutil.copy(EXAMPLES / "kemijarvi-2023-2025.yaml", source)
    for n in range(copies):
        try:
            os.link(source, folder / f"kunta-{n:04}.yaml")
        except OSError:  # a file system without hard links
            shutil.copy(source, folder / f"kunta-{n:04}.yaml")
    source.unlink()
    return folder


def _interrupt(args, cwd, after: float = 1.5):
    env = {**os.environ, "KOTOCHECK_TODAY": TODAY}
    # As from a terminal: a runner that started the suite in the background (nohup, `&` without job
    # control) passes SIGINT on as ignored, and Python then never raises KeyboardInterrupt.
    proc = subprocess.Popen([sys.executable, "-m", "kotocheck", *args], cwd=cwd, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    time.sleep(after)
    assert proc.poll() is None, "the batch finished before it could be interrupted; make it larger"
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    return proc.returncode, out, err


def test_ctrl_c_during_a_summary_leaves_no_file_and_exits_130(tmp_path):
    folder = _batch(tmp_path)
    target = tmp_path / "yhteenveto.html"
    code, _, err = _interrupt(["summary", str(folder), "-o", str(target)], ROOT)
    assert code == 130
    assert "Traceback" not in err
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["ohjelmat"]  # no temporary file left


def test_ctrl_c_keeps_an_earlier_output_untouched(tmp_path):
    folder = _batch(tmp_path)
    target = tmp_path / "yhteenveto.csv"
    target.write_text("edellinen versio\n")
    code, _, err = _interrupt(["summary", str(folder), "-o", str(target)], ROOT)
    assert code == 130 and target.read_text() == "edellinen versio\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ohjelmat", "yhteenveto.csv"]


def test_ctrl_c_during_validate_exits_130(tmp_path):
    folder = _batch(tmp_path)
    code, _, err = _interrupt(["validate", str(folder)], ROOT)
    assert code == 130 and "Traceback" not in err


def test_ctrl_c_while_the_command_is_still_starting_exits_130(tmp_path):
    """On a loaded machine importing the command takes a second or more; Ctrl-C then is no
    traceback and no -2 either (a CI run under load once got exactly that). The signal comes
    after 0.6 s: sooner, under load, it can land while Python itself is still starting (site,
    runpy), before any code of ours runs, and no Python program can turn that -2 into 130."""
    folder = _batch(tmp_path, copies=20)
    code, _, err = _interrupt(["validate", str(folder)], ROOT, after=0.6)
    assert code == 130 and "Traceback" not in err
