"""The bounds of one rendering as a whole (render.render uses them around the sandbox): wall-clock
time and added memory in the main thread, and the length of the output anywhere. Module
constants, so that tests can make them smaller."""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from typing import Any, Iterator

from kotocheck.sandbox import LimitExceeded

MAX_OUTPUT = 64 * 1024 * 1024  # characters of one rendered document
MAX_SECONDS = 60.0  # wall-clock time of one rendering (main thread only)
MAX_MEMORY = 1024 * 1024 * 1024  # bytes of address space one rendering may add (main thread, Linux)
TICK = 0.5  # after the time is up, the alarm repeats so a swallowed one is raised again




@contextlib.contextmanager
def limits(name: str) -> Iterator[None]:
    """MAX_SECONDS and MAX_MEMORY for the rendering inside. SIGALRM and setrlimit act on the whole
    process, so they are used only in the main thread (the CLI's); elsewhere only MAX_OUTPUT and
    the per-step limits apply. A timer and SIGALRM handler set by the caller are put back, and the
    caller's alarm still comes on time."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return
    start = time.monotonic()
    outer_delay, outer_interval = signal.getitimer(signal.ITIMER_REAL)
    outer_deadline = start + outer_delay if outer_delay else None
    previous = signal.getsignal(signal.SIGALRM)
    if previous is None:  # a handler not set from Python: put the default back
        previous = signal.SIG_DFL

    state = {"leaving": False, "outer_done": False}

    def expired(signum: int, frame: Any) -> None:
        if state["leaving"]:
            return
        now = time.monotonic()
        if outer_deadline is not None and now >= outer_deadline and not state["outer_done"]:
            state["outer_done"] = True
            if callable(previous):
                try:
                    previous(signum, frame)
                except BaseException as exc:  # the caller's own: render lets it through as it is
                    with contextlib.suppress(AttributeError):
                        exc.kotocheck_callers = True
                    raise
        if now - start >= MAX_SECONDS:
            raise LimitExceeded(f"{name}: rendering took longer than the limit of {MAX_SECONDS:g} s", located=True)

    memory = None
    signal.signal(signal.SIGALRM, expired)
    try:
        signal.setitimer(signal.ITIMER_REAL, min(MAX_SECONDS, outer_delay or MAX_SECONDS), TICK)
        memory = _memory_limit()
        yield
    finally:
        for _ in range(3):  # an alarm may still come while this starts: then once more
            try:
                state["leaving"] = True
                signal.setitimer(signal.ITIMER_REAL, 0)
                break
            except LimitExceeded:
                continue
        signal.signal(signal.SIGALRM, previous)
        if memory is not None:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, memory)
        if outer_deadline is not None and (not state["outer_done"] or not callable(previous)):
            signal.setitimer(signal.ITIMER_REAL, max(outer_deadline - time.monotonic(), 0.001), outer_interval)


def _memory_limit() -> tuple[int, int] | None:
    """Lower the address space limit to what the process has now plus MAX_MEMORY, so that a template
    asking for more gets a MemoryError rather than the system's out-of-memory killer. Linux only
    (it needs /proc/self/statm); returns the limits to put back."""
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as statm:
            used = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        wanted = used + MAX_MEMORY
        if hard != resource.RLIM_INFINITY:
            wanted = min(wanted, hard)
        if soft != resource.RLIM_INFINITY and soft <= wanted:
            return None  # already as tight
        resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
        return soft, hard
    except (ImportError, OSError, ValueError):
        return None


def stream(template: Any, context: dict[str, Any], name: str) -> str:
    """The rendered text, stopped at MAX_OUTPUT characters."""
    parts, size = [], 0
    for part in template.generate(context):
        size += len(part)
        if size > MAX_OUTPUT:
            raise LimitExceeded(f"{name}: the output is longer than the limit of {MAX_OUTPUT:,} characters",
                                located=True)
        parts.append(part)
    return "".join(parts)
