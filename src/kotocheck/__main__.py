"""The command's entry: `kotocheck` and `python -m kotocheck`.

Ctrl-C ends a run with exit code 130 and no traceback at any moment, also while the command is
still importing its modules (on a loaded machine that can take a second or more).

`validate` in its plain spellings takes a lean path (fast_cli) that never imports typer; anything
else goes to the typer app. Only here, in the command line's own process, is the cyclic GC made
rarer and the interpreter's teardown skipped: a library user or a test keeps Python's defaults."""

import gc
import os
import sys

# Python's default (700 allocations) runs the cyclic GC thousands of times in a run whose
# objects mostly live to the end; cycles are rare in what a run builds, so collect far less often.
GC_THRESHOLD = (50_000, 20, 100)


def _no_plugin_lookup() -> None:
    """With plugins disabled, pydantic's plugin loader still imports importlib.metadata (with email
    and more: 7 ms of a 130 ms run) only to return no plugins. Stand in for that module with one
    that returns none at once; any other name it is asked for loads the real module, so a later
    pydantic that needs more from it still gets it."""
    if os.environ.get("PYDANTIC_DISABLE_PLUGINS") not in ("__all__", "1", "true") or "pydantic" in sys.modules:
        return
    import types

    name = "pydantic.plugin._loader"
    stand_in = types.ModuleType(name, "kotocheck: pydantic plugins disabled, none are looked up")
    stand_in.get_plugins = lambda: ()

    def real(attribute: str):
        import importlib

        if attribute.startswith("__"):  # the import system asks for `__path__` and the like
            raise AttributeError(attribute)
        if sys.modules.get(name) is stand_in:
            del sys.modules[name]
        return getattr(importlib.import_module(name), attribute)

    stand_in.__getattr__ = real
    sys.modules[name] = stand_in


def run() -> None:
    gc.set_threshold(*GC_THRESHOLD)
    # pydantic looks for plugins in every installed package's metadata before it builds its first
    # model (tens of milliseconds); kotocheck uses none. A user's own setting of it stands.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    _no_plugin_lookup()
    from kotocheck.streams import prepare

    prepare()  # narrow encodings and COLUMNS=0 must not break the output
    try:
        from kotocheck import fast_cli

        code = fast_cli.main(sys.argv[1:])
    except KeyboardInterrupt:
        sys.stderr.write("\nAborted!\n")  # what the command says when interrupted later, too
        raise SystemExit(130) from None
    if code is not None:
        # Everything is written and stdout flushed (fast_cli.main); what remains of the
        # interpreter's teardown is freeing memory the operating system takes back anyway.
        _flushed_exit(code)
    try:
        from kotocheck.cli import main
    except KeyboardInterrupt:
        sys.stderr.write("\nAborted!\n")
        raise SystemExit(130) from None
    try:
        main()
    except SystemExit as exc:
        code = exc.code
    else:
        code = 0
    # The typer path ends as the lean one: a Ctrl-C during a long teardown (the interpreter
    # restores the default SIGINT handler then) would kill the process by signal, not exit 130.
    if isinstance(code, str):
        sys.stderr.write(code + "\n")
        code = 1
    _flushed_exit(0 if code is None else int(code))


def _flushed_exit(code: int) -> None:
    """Flush what is buffered and leave without the interpreter's teardown. A reader that went
    away (`| head -1`) ends it quietly with 1, as click does."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        code = 1
    except (OSError, ValueError):
        pass
    try:
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    os._exit(code)


if __name__ == "__main__":
    run()
