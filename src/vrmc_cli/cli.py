"""The command line: the only Typer user, the only writer to stdout/stderr, the one catch point."""

from __future__ import annotations

import copy
import errno
import functools
import inspect
import os
import shutil
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from . import __version__
from .errors import ExitStatus, InvalidCorpus, VrmcError
from .render import Format

if TYPE_CHECKING:
    # Imported where they are used: --help and usage errors never load the model.
    from .commands import FilterArgs
    from .model import Corpus
    from .render import Options, Output

HELP = """Briefings, timelines, actors and arms transfers from a folder of YAML topic files.

Reads the bundled Venezuela-Russia corpus unless -b DIR or VRMC_BRIEFINGS names another.
Output is a Rich view on a terminal and plain text in a pipe; --format picks text,
markdown, json, csv or html for reports.

Examples:

  vrmc brief motivations

  vrmc timeline --country colombia --since 2018

  vrmc report --format markdown > brief.md
"""

app = typer.Typer(
    name="vrmc",
    help=HELP,
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)


@dataclass
class State:
    roots: list[str]
    use_cache: bool = True
    debug: bool = False


def _env_on(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in ("1", "true", "yes", "on")


def _state(ctx: typer.Context) -> State:
    obj = ctx.find_root().obj
    return obj if isinstance(obj, State) else State(roots=[])


# --------------------------------------------------------------------------- completion


def _complete(kind: str) -> Callable[[typer.Context, str], list[str]]:
    """Completion from the corpus; silent and empty on any failure (stdout is eval'd)."""

    def complete(ctx: typer.Context, incomplete: str) -> list[str]:
        try:
            from .corpus import corpus_roots, load_corpus

            roots = ctx.find_root().params.get("briefings") or []
            corpus = load_corpus(corpus_roots(roots))
            values: list[str] = {
                "briefing": [b.id for b in corpus.briefings],
                "actor": [a.id for a in corpus.actors],
                "theme": [t.id for t in corpus.themes],
                "country": [c.code for c in corpus.countries]
                + [c.name.lower() for c in corpus.countries],
                "category": sorted({t.category for t in corpus.transfers}),
            }[kind]
            return [v for v in values if v.lower().startswith(incomplete.lower())]
        except Exception:
            return []

    return complete


# --------------------------------------------------------------------------- shared options

ThemeOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--theme",
        "-t",
        metavar="THEME",
        help="Keep items tagged with this theme or any theme below it (repeat: any of them).",
        autocompletion=_complete("theme"),
    ),
]
CountryOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--country",
        "-c",
        metavar="COUNTRY",
        help="Keep items about this country: code, name or alias, any case or accents (repeat: any"
        " of them). An item's actors count too.",
        autocompletion=_complete("country"),
    ),
]
ActorOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--actor",
        "-a",
        metavar="ACTOR",
        help="Keep items naming this actor: id, name or alias (repeat: any of them).",
        autocompletion=_complete("actor"),
    ),
]
SinceOpt = Annotated[
    str | None,
    typer.Option(
        "--since",
        metavar="DATE",
        help="Keep items whose dates reach DATE or later (YYYY, YYYY-MM or YYYY-MM-DD).",
    ),
]
UntilOpt = Annotated[
    str | None,
    typer.Option(
        "--until", metavar="DATE", help="Keep items whose dates reach back to DATE or earlier."
    ),
]
FormatOpt = Annotated[
    Format | None,
    typer.Option(
        "--format",
        "-f",
        envvar="VRMC_FORMAT",
        case_sensitive=False,
        help="Output format. Default: rich on a terminal, text otherwise.",
    ),
]
HeadingOpt = Annotated[
    int,
    typer.Option(
        "--heading-level",
        min=1,
        max=6,
        metavar="N",
        help="With --format markdown: the level of the top heading, to nest the output in a "
        "larger document.",
    ),
]
NoPagerOpt = Annotated[
    bool, typer.Option("--no-pager", help="Never pipe long terminal output through a pager.")
]


@dataclass(frozen=True)
class Look:
    fmt: Format | None
    heading_level: int
    no_pager: bool


# Every listing command takes these, spelled the same way; `with_shared_options` adds them.
_SHARED: tuple[tuple[str, Any, Any], ...] = (
    ("theme", ThemeOpt, None),
    ("country", CountryOpt, None),
    ("actor", ActorOpt, None),
    ("since", SinceOpt, None),
    ("until", UntilOpt, None),
    ("fmt", FormatOpt, None),
    ("heading_level", HeadingOpt, 1),
    ("no_pager", NoPagerOpt, False),
)

Command = Callable[..., None]


def with_shared_options(command: Command) -> Command:
    """Give a command the shared filter and output options.

    The command declares its own parameters plus keyword-only `args: FilterArgs` and
    `look: Look`; Typer sees its own parameters followed by the shared ones.
    """
    # `args` is dropped, so its annotation need not be importable yet: FilterArgs lives with
    # the commands, which are imported only when one runs (start-up time).
    hints = {"FilterArgs": None}
    own = [
        p
        for p in inspect.signature(command, locals=hints, eval_str=True).parameters.values()
        if p.name not in ("args", "look")
    ]
    shared = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=hint, default=default)
        for name, hint, default in _SHARED
    ]

    @functools.wraps(command)
    def wrapper(**kwargs: Any) -> None:
        from .commands import FilterArgs

        args = FilterArgs(
            kwargs.pop("theme") or (),
            kwargs.pop("country") or (),
            kwargs.pop("actor") or (),
            kwargs.pop("since"),
            kwargs.pop("until"),
        )
        look = Look(kwargs.pop("fmt"), kwargs.pop("heading_level"), kwargs.pop("no_pager"))
        command(**kwargs, args=args, look=look)

    parameters = [*own, *shared]
    wrapper.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    wrapper.__annotations__ = {p.name: p.annotation for p in parameters}
    return wrapper


# --------------------------------------------------------------------------- running


def _fail(message: str, status: int) -> NoReturn:
    from .textsafe import visible

    sys.stderr.write(f"vrmc: error: {visible(message, one_line=True)}\n")
    sys.stderr.flush()
    raise typer.Exit(status)


def _load(state: State) -> Corpus:
    from .corpus import corpus_roots, load_corpus

    return load_corpus(corpus_roots(state.roots), use_cache=state.use_cache)


def _report_invalid(exc: InvalidCorpus) -> NoReturn:
    lines = [str(p) for p in exc.problems]
    sys.stderr.write("\n".join(lines) + "\n")
    _fail(f"invalid corpus: {exc}", ExitStatus.DATA_ERROR)


def run(ctx: typer.Context, look: Look, build: Callable[[Corpus], Output]) -> None:
    """Load, build, render and write one command's output; every known error ends here."""
    state = _state(ctx)
    try:
        fmt = look.fmt or _default_format()
        output = build(_load(state))
        options = _options(fmt, look)
        text = _render(fmt, output, options)
    except InvalidCorpus as exc:
        _report_invalid(exc)
    except VrmcError as exc:
        _fail(str(exc), exc.status)
    except RecursionError:
        _fail("input nested too deeply to process", ExitStatus.DATA_ERROR)
    for note in output.notes:
        sys.stderr.write(f"vrmc: note: {note}\n")
    emit(text, page=fmt is Format.rich and not look.no_pager)


def _render(fmt: Format, output: Output, options: Options) -> str:
    from .render import render

    return render(fmt, output, options)


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
        return Options(heading_level=look.heading_level)
    width = 100
    if _isatty(sys.stdout):
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


def emit(text: str, *, page: bool = False) -> None:
    """Write to stdout as UTF-8, through a pager when that helps; map write failures."""
    if sys.stdout is None:
        _fail("cannot write output: standard output is closed", ExitStatus.DATA_ERROR)
    data = text.encode("utf-8", "backslashreplace")
    if page and _should_page(text) and _page(data):
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
        raise typer.Exit(ExitStatus.DATA_ERROR) from None
    except OSError as exc:
        _silence_stdout()
        reason = os.strerror(exc.errno) if exc.errno else str(exc)
        status = ExitStatus.IO_ERROR if exc.errno in (errno.ENOSPC, errno.EIO) else 1
        _fail(f"cannot write output: {reason}", status)


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
    return text.count("\n") > shutil.get_terminal_size((80, 24)).lines


def _page(data: bytes) -> bool:
    import shlex
    import subprocess

    command = shlex.split(os.environ.get("PAGER", "") or "less -FRX")
    if not command:
        return False
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")
    try:
        pager = subprocess.Popen(command, stdin=subprocess.PIPE, env=env)
    except OSError:
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


# --------------------------------------------------------------------------- app and commands


def _version(value: bool) -> None:
    if value:
        emit(f"vrmc {__version__}\n")
        raise typer.Exit(0)


def _simple_command(name: str, builder: str, summary: str, epilog: str) -> None:
    """Register a command whose only options are the shared ones."""

    def command(ctx: typer.Context, *, args: FilterArgs, look: Look) -> None:
        from . import commands

        build = getattr(commands, builder)
        run(ctx, look, lambda corpus: build(corpus, args))

    command.__name__ = name
    command.__doc__ = summary
    app.command(name=name, epilog=epilog)(with_shared_options(command))


@app.callback()
def main(
    ctx: typer.Context,
    briefings: Annotated[
        list[str] | None,
        typer.Option(
            "--briefings",
            "-b",
            metavar="DIR",
            help="A corpus folder (repeat to merge several). Default: $VRMC_BRIEFINGS "
            "(os.pathsep-separated), else the bundled corpus.",
        ),
    ] = None,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help="Parse every file; neither read nor write the cache (also VRMC_NO_CACHE=1).",
        ),
    ] = False,
    debug: Annotated[
        bool,
        typer.Option("--debug", help="Show a traceback for internal errors (also VRMC_DEBUG=1)."),
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    ctx.obj = State(
        roots=list(briefings or []),
        use_cache=not (no_cache or _env_on("VRMC_NO_CACHE")),
        debug=debug or _env_on("VRMC_DEBUG"),
    )


@app.command(
    epilog="Examples: vrmc brief | vrmc brief motivations | vrmc brief motiv -c colombia "
    "-f markdown"
)
@with_shared_options
def brief(
    ctx: typer.Context,
    briefing: Annotated[
        str | None,
        typer.Argument(
            metavar="[ID]",
            help="Briefing id, or a unique prefix of one (any case).",
            autocompletion=_complete("briefing"),
        ),
    ] = None,
    *,
    args: FilterArgs,
    look: Look,
) -> None:
    """A briefing, bottom line first; without ID, the list of briefings.

    Filters keep only the key judgments and points that match.
    """
    from . import commands

    run(ctx, look, lambda c: commands.brief(c, args, briefing))


@app.command(
    epilog="Examples: vrmc timeline --country colombia --since 2018 | "
    "vrmc timeline --short --reverse --limit 10"
)
@with_shared_options
def timeline(
    ctx: typer.Context,
    short: Annotated[bool, typer.Option("--short", help="One line per event.")] = False,
    reverse: Annotated[bool, typer.Option("--reverse", help="Newest first.")] = False,
    limit: Annotated[
        int | None, typer.Option("--limit", "-n", min=0, metavar="N", help="Show at most N events.")
    ] = None,
    *,
    args: FilterArgs,
    look: Look,
) -> None:
    """Dated events in order, each at its real precision, with countries and sources."""
    from . import commands

    run(
        ctx,
        look,
        lambda c: commands.timeline(c, args, short=short, reverse=reverse, limit=limit),
    )


_simple_command(
    "actors",
    "actors",
    """People, states and organisations: name, kind, country and current role.""",
    epilog="Examples: vrmc actors | vrmc actors --country russia -f csv",
)


@app.command(
    name="actor",
    epilog="Examples: vrmc actor vladimir-putin | vrmc actor chávez | "
    "vrmc actor rosoboron --since 2019",
)
@with_shared_options
def actor_profile(
    ctx: typer.Context,
    name: Annotated[
        str,
        typer.Argument(
            metavar="ID-OR-NAME",
            help="Actor id, name, alias, or a unique prefix.",
            autocompletion=_complete("actor"),
        ),
    ],
    *,
    args: FilterArgs,
    look: Look,
) -> None:
    """One actor: summary, roles over time, stance, relations, events and briefing points."""
    from . import commands

    run(ctx, look, lambda c: commands.actor(c, args, name))


@app.command(
    epilog="Examples: vrmc transfers | vrmc transfers --category aircraft "
    "--since 2006 --until 2009 -f csv"
)
@with_shared_options
def transfers(
    ctx: typer.Context,
    category: Annotated[
        list[str] | None,
        typer.Option(
            "--category",
            metavar="CATEGORY",
            help="Keep this category (repeat: any of them).",
            autocompletion=_complete("category"),
        ),
    ] = None,
    *,
    args: FilterArgs,
    look: Look,
) -> None:
    """The arms-transfer register, with totals by category and status.

    --country matches the supplier or the recipient; dates filter on the order date.
    """
    from . import commands

    run(
        ctx,
        look,
        lambda c: commands.transfers(c, args, category or ()),
    )


_simple_command(
    "scenarios",
    "scenarios",
    """Outlook scenarios: likelihood, horizon, drivers and indicators to watch.""",
    epilog="Examples: vrmc scenarios | vrmc scenarios -f markdown",
)


_simple_command(
    "themes",
    "themes",
    """The theme tree, with how many events and points each theme (and its subtree) holds.""",
    epilog="Examples: vrmc themes | vrmc themes --country colombia",
)


_simple_command(
    "countries",
    "countries",
    """Countries with their aliases and how many events, actors and transfers involve each.""",
    epilog="Examples: vrmc countries | vrmc countries -f json",
)


_simple_command(
    "sources",
    "sources",
    """Sources with their reliability and how many items cite each.

    With filters: only the sources cited by the events, points and transfers that match.
    """,
    epilog="Examples: vrmc sources | vrmc sources --country colombia -f csv",
)


@app.command(
    name="search",
    epilog="Examples: vrmc search igla | vrmc search 'tu-160' -c colombia | vrmc search bogota",
)
@with_shared_options
def search_command(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(metavar="TEXT", help="Words to find (all of them).")],
    *,
    args: FilterArgs,
    look: Look,
) -> None:
    """Full-text search across every text field, ignoring case and accents."""
    from . import commands

    run(ctx, look, lambda c: commands.find(c, args, text))


@app.command(
    epilog="Examples: vrmc report --format markdown > brief.md | "
    "vrmc report -c colombia --cite -f html > colombia.html"
)
@with_shared_options
def report(
    ctx: typer.Context,
    cite: Annotated[
        bool,
        typer.Option(
            "--cite",
            help="Attach numbered source references to points and events (footnotes in Markdown).",
        ),
    ] = False,
    *,
    args: FilterArgs,
    look: Look,
) -> None:
    """The whole briefing document: briefings, timeline, actors, arms register, scenarios
    and a numbered bibliography."""
    from . import commands

    run(ctx, look, lambda c: commands.report(c, args, cite=cite))


@app.command(epilog="Examples: vrmc validate | vrmc validate ~/my-corpus")
def validate(
    ctx: typer.Context,
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[PATH]...", help="Corpus folders to check (default: the corpus in use)."
        ),
    ] = None,
    fmt: FormatOpt = None,
) -> None:
    """Check a corpus against the topic-file format: a summary, or every problem found."""
    from .commands import summary_counts

    state = _state(ctx)
    if paths:
        state = State(roots=list(paths), use_cache=state.use_cache, debug=state.debug)
    try:
        counts = summary_counts(_load(state))
    except InvalidCorpus as exc:
        _report_invalid(exc)
    except VrmcError as exc:
        _fail(str(exc), exc.status)
    if fmt is Format.json:
        from .render.data import dumps

        emit(dumps({"valid": True, "counts": counts}))
    else:
        emit("ok: " + ", ".join(f"{n} {k}" for k, n in counts.items()) + "\n")


# Global options before the command name, and whether each takes a value.
_GLOBAL_OPTIONS = {"-b": True, "--briefings": True, "--no-cache": False, "--debug": False}


def app_for(argv: Sequence[str]) -> typer.Typer:
    """The app, holding only the command that `argv` runs when that is certain.

    Typer turns every command into a Click command before it parses anything (reading its
    signature, evaluating its annotations: about 3 ms a command, a quarter of start-up).
    Only the command being run is needed. When the group itself may have to answer (its
    help, --version, a missing or unknown command name, shell completion), the whole app is
    used, so every output stays the same.
    """
    if any(name.startswith("_VRMC_COMPLETE") for name in os.environ):
        return app
    name = None
    args = iter(argv)
    for arg in args:
        takes_value = _GLOBAL_OPTIONS.get(arg.split("=", 1)[0] if arg.startswith("--") else arg)
        if takes_value is None:
            if arg.startswith("-b") and not arg.startswith("--"):
                continue  # -bDIR
            if not arg.startswith("-"):
                name = arg
            break
        if takes_value and "=" not in arg:
            next(args, None)
    chosen = [
        info
        for info in app.registered_commands
        if info.callback is not None
        and (info.name or info.callback.__name__.lower().replace("_", "-")) == name
    ]
    if name is None or len(chosen) != 1:
        return app
    only = copy.copy(app)
    only.registered_commands = chosen
    return only


def run_app() -> None:
    """The console script: Typer's parsing, plus quiet handling of interrupts and bugs."""
    debug = _env_on("VRMC_DEBUG") or "--debug" in sys.argv[1:]
    try:
        app_for(sys.argv[1:])(prog_name="vrmc")
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        raise SystemExit(ExitStatus.INTERRUPTED) from None
    except BrokenPipeError:
        _silence_stdout()
        raise SystemExit(ExitStatus.DATA_ERROR) from None
    except Exception as exc:
        # Typer writes help and usage itself: a full disk there is an output error, not a bug.
        if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EIO):
            raise SystemExit(output_failed(exc)) from None
        if debug:
            raise
        name = type(exc).__name__
        sys.stderr.write(
            f"vrmc: error: internal error ({name}); run with --debug or "
            "VRMC_DEBUG=1 for details, and please report it\n"
        )
        raise SystemExit(ExitStatus.DATA_ERROR) from None
