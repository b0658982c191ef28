"""The command's entry: `kotocheck` and `python -m kotocheck`.

Ctrl-C ends a run with exit code 130 and no traceback at any moment, also while the command is
still importing its modules (on a loaded machine that can take a second or more)."""

import sys


def run() -> None:
    from kotocheck.streams import prepare

    prepare()  # narrow encodings and COLUMNS=0 must not break the output
    try:
        from kotocheck.cli import main
    except KeyboardInterrupt:
        sys.stderr.write("\nAborted!\n")  # what the command says when interrupted later, too
        raise SystemExit(130) from None
    main()


if __name__ == "__main__":
    run()
