"""Entry point: fix the environment and answer --version before anything heavy is imported."""

from __future__ import annotations

import gc
import os
import sys

# Not `typing.TYPE_CHECKING`: importing typing costs a warm run more than its own query
# (docs/performance.md). Type checkers treat any `TYPE_CHECKING` as true.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import signal as _signal
else:
    # The C module under `signal`, which wraps it in enums (and so imports enum).
    import _signal


def _sanitize_environment() -> None:
    # Typer and Rich read these with int() at import or render time and crash on garbage
    # (TERMINAL_WIDTH=abc); a zero width makes Rich print nothing. Drop what is not a
    # positive whole number rather than fail.
    for name in ("COLUMNS", "LINES", "TERMINAL_WIDTH"):
        value = os.environ.get(name)
        if value is not None and not (value.isdigit() and int(value) > 0):
            del os.environ[name]
    # Started with standard error closed (`vrmc ... 2>&-`): messages go nowhere, but a run
    # must still succeed, or fail with its own status, rather than trip over sys.stderr.
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives for the run
    # Output is UTF-8 whatever the locale; what cannot be encoded on stderr is escaped.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:  # noqa: SIM105 - contextlib is not imported on a warm run
                reconfigure(encoding="utf-8", errors="backslashreplace")
            except (ValueError, OSError):
                pass


def _terminated(signum: int, frame: object) -> None:
    # SIGTERM unwinds like Ctrl-C does, so that `finally` and cleanup run (the cache's
    # temporary file is removed), and ends quietly with the shell's status for it.
    raise SystemExit(128 + signum)


def main() -> None:
    _signal.signal(_signal.SIGTERM, _terminated)
    _sanitize_environment()
    if sys.argv[1:] == ["--version"]:
        from . import __version__

        try:
            if sys.stdout is None:  # started with stdout closed (`vrmc --version >&-`)
                raise OSError(0, "standard output is closed")
            sys.stdout.write(f"vrmc {__version__}\n")
            sys.stdout.flush()
        except OSError as exc:
            from .runner import output_failed

            raise SystemExit(output_failed(exc)) from None
        return
    # One command, then exit: no cyclic collection for the rest of the run. The corpus and
    # what is rendered from it are many small objects in no cycle; the collector would walk
    # them over and over to free nothing, and reference counting frees every temporary.
    gc.disable()
    try:
        # The common commands run without Typer (quick.py); everything else goes through it.
        from .quick import plan

        found = plan(sys.argv[1:], os.environ)
        if found is None:
            from .cli import run_app
        else:
            from .runner import execute, guarded
    except KeyboardInterrupt:
        # Ctrl-C while the modules load: the same quiet exit as later on (runner.guarded).
        sys.stderr.write("\n")
        raise SystemExit(130) from None
    if found is None:
        run_app()
    else:
        state, command, params = found
        guarded(lambda: execute(state, command, params), debug=state.debug)


def run() -> None:
    """The `vrmc` command and `python -m vrmc_cli`: `main`, then exit at once.

    A finished run needs nothing of the interpreter's shutdown but the flushing of standard
    output and error, done here: vrmc registers no exit callback, starts no thread and closes
    every file it writes. The shutdown would free the corpus, the modules and everything
    rendered, object by object (and collect cycles, collector off or not): about a tenth of a
    warm run's instructions (docs/performance.md). So the process ends with `os._exit` once
    its output is out. Where the shutdown could matter (a callback registered, by a library or
    a tool such as coverage; a second thread; a stream that cannot be flushed; an exit status
    that is not a small number) it exits the ordinary way, as it always did. `main` itself
    returns (or raises SystemExit), for callers in this process."""
    try:
        main()
    except SystemExit as done:
        status = done.code
    else:
        status = None
    if status is None:
        status = 0
    import atexit

    threads = sys.modules.get("threading")
    if (
        isinstance(status, int)
        and 0 <= status <= 255
        and not atexit._ncallbacks()
        and (threads is None or threads.active_count() == 1)
    ):
        try:
            for stream in (sys.stdout, sys.stderr):
                if stream is not None:
                    stream.flush()
        except (OSError, ValueError):
            pass  # the ordinary exit reports it, as it always did
        else:
            os._exit(status)
    raise SystemExit(status)


if __name__ == "__main__":
    run()
