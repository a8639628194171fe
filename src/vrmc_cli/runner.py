"""Running a command once its arguments are known: load, build, render, write, and every
error turned into a message and an exit status.

Both ways in arrive here: Typer (cli.py), and the quick path (quick.py), which runs the
common commands without importing Typer. So nothing here imports Typer, and every parameter
arrives under the name Typer gives it. This is the one writer to stdout and stderr and the
one place that maps errors to exit statuses, so that both paths share it. Only `--version`
and an interrupt during start-up are answered earlier, in __main__.py.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable, Mapping, Sequence

from .core.errors import ExitStatus, InvalidCorpus, UsageError, VrmcError
from .core.formats import Format
from .core.record import Record

# Not `typing.TYPE_CHECKING`: a warm run does not import typing (docs/performance.md); type
# checkers treat any `TYPE_CHECKING` as true.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, NoReturn, TypeVar

    # Imported where they are used: --help and usage errors never load the model.
    from .analysis.query import Filter
    from .commands import Result
    from .corpus.model import Corpus
    from .render import Options

    P = TypeVar("P")


class State(Record):
    """The group's options: where the corpus is and how to read it."""

    roots: tuple[str, ...] = ()
    use_cache: bool = True
    debug: bool = False


class Look(Record):
    """How the output should look: format, heading level, pager."""

    fmt: Format | None = None
    heading_level: int = 1
    no_pager: bool = False
    output: str | None = None  # a file to write instead of stdout
    citations: str = "numbers"
    protect: tuple[str, ...] = ()  # corpus folders whose topic files -o may not replace
    use_cache: bool = True  # the group's --no-cache (and VRMC_NO_CACHE): pictures too


def env_on(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in ("1", "true", "yes", "on")


def make_state(briefings: Sequence[str] | None, no_cache: bool, debug: bool) -> State:
    return State(
        roots=tuple(briefings or ()),
        use_cache=not (no_cache or env_on("VRMC_NO_CACHE")),
        debug=debug or env_on("VRMC_DEBUG"),
    )


# --------------------------------------------------------------------------- the commands


class _Call:
    """One run of a command: its parameters, and the corpus and filter when first asked."""

    def __init__(self, state: State, params: Mapping[str, Any]) -> None:
        self.state = state
        self.params = params
        self._corpus: Corpus | None = None
        self._filter: Filter | None = None

    def corpus(self) -> Corpus:
        if self._corpus is None:
            self._corpus = load(self.state)
        return self._corpus

    def load(self, roots: Sequence[str]) -> Corpus:
        return load(State(roots=tuple(roots), use_cache=self.state.use_cache))

    def roots(self) -> Sequence[str]:
        from .corpus.roots import corpus_roots

        return corpus_roots(self.state.roots)

    @property
    def use_cache(self) -> bool:
        return self.state.use_cache

    def read(self, kind: type[P]) -> P:
        from .commands import read_params

        return read_params(kind, self.params)

    def filter(self) -> Filter:
        if self._filter is None:
            from .commands import filter_of

            self._filter = filter_of(self.corpus(), self.params)
        return self._filter


def execute(state: State, command: str, params: Mapping[str, Any]) -> None:
    """Run the command called `command` with every one of its parameters."""
    from .commands import checked, module

    found = module(command)
    if found is None:  # cli.py and quick.py offer only the commands there are
        raise ValueError(f"no command {command!r}")
    look = Look(
        params.get("fmt"),
        params.get("heading_level", 1),
        params.get("no_pager", False),
        params.get("output"),
        (params.get("citations") or "numbers").strip().lower(),
        _corpus_folders(state) if params.get("output") else (),
        state.use_cache,
    )
    # Typer turns an interrupt inside a command into a silent exit 130 before guarded() can
    # see it: handled here, a run says the same whichever path parsed its command line.
    try:
        # The values of a fixed set are checked first: a usage error before anything loads.
        run(look, lambda: found.run(_Call(state, checked(found.SPEC, params))), found.SPEC.gives)
    except KeyboardInterrupt:
        interrupted()


def interrupted() -> NoReturn:
    """Ctrl-C: end the line the terminal echoed ^C on, and exit 130."""
    sys.stderr.write("\n")
    raise SystemExit(ExitStatus.INTERRUPTED) from None


def guarded(call: Callable[[], object], *, debug: bool) -> None:
    """Call `call` (one whole run), turning interrupts, broken pipes and bugs into quiet
    messages and exit statuses instead of tracebacks (unless `debug`)."""
    try:
        call()
    except KeyboardInterrupt:
        interrupted()
    except BrokenPipeError:
        _silence_stdout()
        raise SystemExit(ExitStatus.DATA_ERROR) from None
    except Exception as exc:
        # Typer writes help and usage itself: a full disk there is an output error, not a bug.
        if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EIO):
            raise SystemExit(output_failed(exc)) from None
        if debug:
            raise
        if _out_of_memory(exc):
            del exc  # its frames hold what filled the memory
            # Bytes made in advance, written without Python objects to allocate.
            try:
                os.write(sys.stderr.fileno(), _OUT_OF_MEMORY)
            except (OSError, ValueError):  # not a file (tests, a closed stream)
                sys.stderr.write(_OUT_OF_MEMORY.decode())
            raise SystemExit(ExitStatus.DATA_ERROR) from None
        name = type(exc).__name__
        sys.stderr.write(
            f"vrmc: error: internal error ({name}); run with --debug or "
            "VRMC_DEBUG=1 for details, and please report it\n"
        )
        raise SystemExit(ExitStatus.DATA_ERROR) from None


_OUT_OF_MEMORY = (
    b"vrmc: error: out of memory: the corpus needs more memory than this process may use\n"
)


def _out_of_memory(exc: BaseException) -> bool:
    """A MemoryError, or an error it caused: C code that fails to allocate while handling
    one may raise SystemError instead. Not a bug in vrmc, but a limit (ulimit -v)."""
    seen: set[int] = set()
    cause: BaseException | None = exc
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, MemoryError):
            return True
        seen.add(id(cause))
        cause = cause.__cause__ or cause.__context__
    return False


# --------------------------------------------------------------------------- running


def fail(message: str, status: int) -> NoReturn:
    from .core.textsafe import visible

    sys.stderr.write(f"vrmc: error: {visible(message, one_line=True)}\n")
    sys.stderr.flush()
    raise SystemExit(status)


def load(state: State) -> Corpus:
    from .core.textsafe import visible
    from .corpus.roots import corpus_roots, load_corpus

    notes: list[str] = []
    try:
        return load_corpus(corpus_roots(state.roots), use_cache=state.use_cache, notes=notes)
    finally:
        if state.debug:
            for note in notes:
                sys.stderr.write(f"vrmc: debug: {visible(note, one_line=True)}\n")


def report_invalid(exc: InvalidCorpus) -> NoReturn:
    lines = [str(p) for p in exc.problems]
    sys.stderr.write("\n".join(lines) + "\n")
    fail(f"{exc.what}: {exc}", ExitStatus.DATA_ERROR)


def run(look: Look, build: Callable[[], Result], gives: frozenset[str]) -> None:
    """Build, render and write one command's output; every known error ends here. `gives`:
    what the command's result gives (its Spec's), so a format that cannot render it is
    refused before anything is loaded."""
    try:
        fmt = look.fmt or (_format_of(look.output) if look.output else _default_format())
        from .render import declared, serves, unavailable

        if not serves(fmt, gives):
            raise unavailable(fmt)
        if declared(fmt).binary and not look.output and _isatty(sys.stdout):
            raise UsageError(
                f"--format {fmt.value} writes {declared(fmt).what}, a binary file: give "
                "--output FILE (or redirect standard output to a file)"
            )
        output = build()
        options = _options(fmt, look)
        if output.file is not None:
            text: str | bytes = output.file()
        else:
            text = _render(fmt, output, options)
            pictures = _picture_files(fmt, output, options)
    except InvalidCorpus as exc:
        report_invalid(exc)
    except VrmcError as exc:
        fail(str(exc), exc.status)
    except RecursionError:
        fail("input nested too deeply to process", ExitStatus.DATA_ERROR)
    # A finished file goes to its own target (export), else to -o FILE (schema): the same
    # safe writer as every other output.
    target = output.target if output.file is not None else None
    if target is None and look.output and look.output != "-":
        target = look.output
    if target is not None:
        data = text if isinstance(text, bytes) else _encoded(text)
        if output.file is None and pictures:
            _write_pictures(target, pictures, look.protect)
        write_file(target, data, protect=look.protect)
    elif output.binary and _isatty(sys.stdout):
        fail("refusing to write binary output to a terminal; use -o FILE", ExitStatus.USAGE)
    for note in output.notes:
        sys.stderr.write(f"vrmc: note: {_visible(note)}\n")
    if target is None:
        emit(text, page=fmt is Format.rich and not look.no_pager and output.file is None)
    if output.status:
        raise SystemExit(output.status)


def _picture_files(fmt: Format, output: Result, options: Options) -> list[tuple[str, bytes]]:
    """Markdown written to a file: its pictures, as (path beside the file, PNG bytes)."""
    if fmt is not Format.markdown or not options.images:
        return []
    from .render.as_markdown import picture_files

    return picture_files(output.doc(), options.images, options.cache)


def _write_pictures(target: str, pictures: list[tuple[str, bytes]], protect: Sequence[str]) -> None:
    """The pictures' folder beside `target`, and each picture in it (before the Markdown
    that links to them)."""
    base = os.path.dirname(target)
    folder = os.path.join(base, os.path.dirname(pictures[0][0]))
    try:
        if not os.path.isdir(folder):
            os.mkdir(folder)  # in the target's folder, which must exist
    except OSError as exc:
        from .core.textsafe import quote

        reason = os.strerror(exc.errno) if exc.errno else str(exc)
        fail(f"cannot write {quote(folder, 4096)}: {reason}", 1)
    for name, data in pictures:
        write_file(os.path.join(base, name), data, protect=protect)


def _render(fmt: Format, output: Result, options: Options) -> str | bytes:
    from .render import render

    return render(fmt, output, options)


def _format_of(path: str) -> Format:
    """--output FILE without --format: the format whose renderer declares its extension
    (else text)."""
    from .render import extension_format

    return extension_format(path) or Format.text


def _default_format() -> Format:
    return Format.rich if _isatty(sys.stdout) else Format.text


def _isatty(stream: object) -> bool:
    try:
        return bool(stream is not None and stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):
        return False


def _options(fmt: Format, look: Look) -> Options:
    from .render import Options

    if fmt is not Format.rich:
        images = ""
        if fmt is Format.markdown and look.output and look.output != "-":
            images = os.path.splitext(os.path.basename(look.output))[0] + "-images"
        return Options(
            heading_level=look.heading_level,
            citations=look.citations,
            images=images,
            cache=look.use_cache,
        )
    width = 100
    if _isatty(sys.stdout):
        import shutil  # here: a pipe never needs it (start-up time)

        width = shutil.get_terminal_size((100, 24)).columns
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        width = int(columns)
    width = max(40, min(width, 200))
    term = os.environ.get("TERM", "")
    # FORCE_COLOR=1 forces colour into a pipe; FORCE_COLOR=0 (or false) does not, unlike Rich's
    # own reading of it. NO_COLOR and TERM=dumb always win.
    force = os.environ.get("FORCE_COLOR", "").strip().lower() not in ("", "0", "false", "no")
    color = _isatty(sys.stdout) or force
    if os.environ.get("NO_COLOR") or term == "dumb":
        color = False
    return Options(width=width, color=color, color_system="standard" if color else None)


def _encoded(text: str) -> bytes:
    return text.encode("utf-8", "backslashreplace")


def _corpus_folders(state: State) -> tuple[str, ...]:
    from .corpus.roots import corpus_roots

    return tuple(corpus_roots(state.roots))


def _visible(text: str) -> str:
    from .core.textsafe import visible

    return visible(text, one_line=True)


def _refuse(path: str, why: str) -> NoReturn:
    from .core.textsafe import quote

    fail(f"refusing to write {quote(path)}: {why}", ExitStatus.USAGE)


def write_file(path: str, data: bytes, *, protect: Sequence[str] = ()) -> None:
    """Write `data` to the file at `path` whole or not at all (a temporary file beside it,
    renamed over it); map failures to messages.

    Only a regular file is replaced, keeping its permission bits (and its owner and group,
    where this process may set them); a device, FIFO, socket, folder or symbolic link at
    `path` is refused, since renaming over it would put a file in its place (name the file a
    link points to, to write there). So is a topic file's name in a corpus folder of
    `protect`: the output would replace, or join, the corpus being read."""
    import contextlib
    import stat
    import tempfile

    from .core.textsafe import quote

    shown = quote(path)
    try:
        info: os.stat_result | None = os.lstat(path)
    except FileNotFoundError:
        info = None
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "invalid path"
        fail(f"cannot write {shown}: {reason}", 1)
    if info is not None and stat.S_ISLNK(info.st_mode):
        _refuse(
            path,
            "it is a symbolic link, which writing would replace by a file; give the path "
            f"of the file it points to ({quote(os.path.realpath(path))}) to write there",
        )
    if info is not None and stat.S_ISDIR(info.st_mode):
        _refuse(path, "it is a folder")
    if info is not None and not stat.S_ISREG(info.st_mode):
        _refuse(path, "it is not a regular file (a device, FIFO or socket)")
    folder = os.path.dirname(os.path.abspath(path))
    real = os.path.join(os.path.realpath(folder), os.path.basename(path))
    if real.endswith((".yaml", ".yml")):
        for root in protect:
            top = os.path.realpath(root)
            if real.startswith(top + os.sep):
                _refuse(
                    path,
                    f"it is a topic file's name in the corpus folder {quote(root)}, "
                    "which is being read",
                )
    try:
        handle, temporary = tempfile.mkstemp(prefix=".vrmc-", dir=folder)
    except OSError as exc:
        fail(f"cannot write {shown}: {os.strerror(exc.errno) if exc.errno else exc}", 1)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        if info is None:
            os.chmod(temporary, 0o666 & ~_umask())
        else:
            os.chmod(temporary, stat.S_IMODE(info.st_mode) & 0o777)
            if (info.st_uid, info.st_gid) != (os.geteuid(), os.getegid()):
                with contextlib.suppress(OSError):  # only root may give files away
                    os.chown(temporary, info.st_uid, info.st_gid)
        os.replace(temporary, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        reason = os.strerror(exc.errno) if exc.errno else str(exc)
        status = ExitStatus.IO_ERROR if exc.errno in (errno.ENOSPC, errno.EIO) else 1
        fail(f"cannot write {shown}: {reason}", status)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def emit(text: str | bytes, *, page: bool = False) -> None:
    """Write to stdout as UTF-8, through a pager when that helps; map write failures."""
    if sys.stdout is None:
        fail("cannot write output: standard output is closed", ExitStatus.DATA_ERROR)
    if isinstance(text, bytes):
        data, page = text, False
    else:
        data = text.encode("utf-8", "backslashreplace")
    if page and isinstance(text, str) and _should_page(text) and _page(data):
        return
    try:
        sys.stdout.flush()
        # Unbuffered stdout (python -u, PYTHONUNBUFFERED) is a raw file whose write may take
        # only part of the data, say when the reader of a pipe quits midway: write the rest,
        # so that the failure, if any, is raised and reported rather than lost.
        view = memoryview(data)
        while view:
            view = view[sys.stdout.buffer.write(view) or 0 :]
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        _silence_stdout()
        raise SystemExit(ExitStatus.DATA_ERROR) from None
    except OSError as exc:
        _silence_stdout()
        reason = os.strerror(exc.errno) if exc.errno else str(exc)
        status = ExitStatus.IO_ERROR if exc.errno in (errno.ENOSPC, errno.EIO) else 1
        fail(f"cannot write output: {reason}", status)


def output_failed(exc: OSError) -> int:
    """Report a failed write to stdout outside `emit` (help, version); the exit status."""
    _silence_stdout()
    if exc.errno == errno.EPIPE:
        return ExitStatus.DATA_ERROR
    reason = os.strerror(exc.errno) if exc.errno else (exc.strerror or str(exc))
    sys.stderr.write(f"vrmc: error: cannot write output: {reason}\n")
    if exc.errno in (errno.ENOSPC, errno.EIO):
        return ExitStatus.IO_ERROR
    return ExitStatus.DATA_ERROR


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # AttributeError: stdout is None
        pass


def _should_page(text: str) -> bool:
    if not (_isatty(sys.stdin) and _isatty(sys.stdout)):
        return False
    import shutil

    return text.count("\n") > shutil.get_terminal_size((80, 24)).lines


def _page(data: bytes) -> bool:
    import shlex
    import subprocess

    # A pager that cannot be parsed (an unbalanced quote) or started: written directly.
    try:
        command = shlex.split(os.environ.get("PAGER", "") or "less -FRX")
    except ValueError:
        return False
    if not command:
        return False
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")
    try:
        pager = subprocess.Popen(command, stdin=subprocess.PIPE, env=env)
    except (OSError, ValueError):
        return False
    try:
        assert pager.stdin is not None  # noqa: S101 - Popen with stdin=PIPE always sets it
        pager.stdin.write(data)
        pager.stdin.close()
    except BrokenPipeError:
        pass  # the reader quit the pager early: not an error
    except KeyboardInterrupt:
        pager.kill()
    pager.wait()
    return True
