"""The command line as Typer sees it: options, help, completion, usage errors.

Running a command is runner.py's job; quick.py runs the common ones without Typer.
"""

from __future__ import annotations

import copy
import functools
import inspect
import os
import sys
from collections.abc import Callable, Sequence
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from . import __version__, quick
from .errors import InvalidCorpus, VrmcError
from .render import Format
from .runner import (
    OWN_PARAMETERS,
    SHARED_PARAMETERS,
    State,
    emit,
    env_on,
    execute,
    fail,
    guarded,
    interrupted,
    load,
    make_state,
    report_invalid,
)
from .textsafe import visible

HELP = """Briefings, timelines, actors and arms transfers from a folder of YAML topic files.

Reads the bundled Venezuela-Russia corpus unless -b DIR or VRMC_BRIEFINGS names another.
Output is a Rich view on a terminal and plain text in a pipe; --format picks text,
markdown, json, csv or html for reports.

Examples:

  vrmc brief motivations

  vrmc timeline --country colombia --since 2018

  vrmc report --format markdown > brief.md
"""

# Typer's Click is its own (typer._click): the base of its errors, reached through a public one.
_ClickException: type[Exception] = next(
    c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException"
)


def _shown_as_text(exc: Exception) -> None:
    """A usage error's message quotes what was typed: escape it as corpus text is, so that no
    control, bidi or invisible character reaches the terminal (Click escapes C0 only)."""
    message = getattr(exc, "message", None)
    if isinstance(message, str):
        exc.message = visible(message, one_line=True)  # type: ignore[attr-defined]


class _Group(TyperGroup):
    """The group; every usage error raised while parsing a command line (the group's options,
    the command's name, the command's options and arguments) has its message made visible."""

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().make_context(*args, **kwargs)
        except _ClickException as exc:
            _shown_as_text(exc)
            raise

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except _ClickException as exc:
            _shown_as_text(exc)
            raise


app = typer.Typer(
    name="vrmc",
    cls=_Group,
    help=HELP,
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)


def _state(ctx: typer.Context) -> State:
    obj = ctx.find_root().obj
    return obj if isinstance(obj, State) else State()


# --------------------------------------------------------------------------- completion


def _complete(kind: str) -> Callable[[typer.Context, str], list[str]]:
    """Completion from the corpus; silent and empty on any failure (stdout is eval'd)."""

    def complete(ctx: typer.Context, incomplete: str) -> list[str]:
        try:
            # The group's callback has not run: make its state from the parsed options.
            params = ctx.find_root().params
            corpus = load(make_state(params.get("briefings"), bool(params.get("no_cache")), False))
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


# Every listing command takes these, spelled the same way, after its own (runner.py names
# them; quick.py parses them too).
_SHARED: dict[str, tuple[Any, Any]] = {
    "theme": (ThemeOpt, None),
    "country": (CountryOpt, None),
    "actor": (ActorOpt, None),
    "since": (SinceOpt, None),
    "until": (UntilOpt, None),
    "fmt": (FormatOpt, None),
    "heading_level": (HeadingOpt, 1),
    "no_pager": (NoPagerOpt, False),
}
assert tuple(_SHARED) == SHARED_PARAMETERS  # noqa: S101 - a typo here is a bug at import

Command = Callable[..., None]


def listing(name: str, *, epilog: str) -> Callable[[Command], Command]:
    """Register a command that takes the shared filter and output options.

    The decorated function declares only the command's own parameters (its help comes from
    its docstring); running it is `runner.execute(name, ...)` with those and the shared ones.
    """

    def register(declared: Command) -> Command:
        own = list(inspect.signature(declared, eval_str=True).parameters.values())
        if tuple(p.name for p in own) != OWN_PARAMETERS[name]:
            raise TypeError(f"{name}: parameters differ from runner.OWN_PARAMETERS")
        shared = [
            inspect.Parameter(key, inspect.Parameter.KEYWORD_ONLY, annotation=hint, default=default)
            for key, (hint, default) in _SHARED.items()
        ]
        context = inspect.Parameter("ctx", inspect.Parameter.KEYWORD_ONLY, annotation=typer.Context)

        @functools.wraps(declared)
        def command(ctx: typer.Context, **params: Any) -> None:
            execute(_state(ctx), name, params)

        parameters = [context, *(p.replace(kind=p.KEYWORD_ONLY) for p in own), *shared]
        command.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
        command.__annotations__ = {p.name: p.annotation for p in parameters}
        app.command(name=name, epilog=epilog)(command)
        return declared

    return register


# --------------------------------------------------------------------------- app and commands


def _version(value: bool) -> None:
    if value:
        emit(f"vrmc {__version__}\n")
        raise typer.Exit(0)


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
    ctx.obj = make_state(briefings, no_cache, debug)


@listing(
    "brief",
    epilog="Examples: vrmc brief | vrmc brief motivations | vrmc brief motiv -c colombia "
    "-f markdown",
)
def brief(
    briefing: Annotated[
        str | None,
        typer.Argument(
            metavar="[ID]",
            help="Briefing id, or a unique prefix of one (any case).",
            autocompletion=_complete("briefing"),
        ),
    ] = None,
) -> None:
    """A briefing, bottom line first; without ID, the list of briefings.

    Filters keep only the key judgments and points that match.
    """


@listing(
    "timeline",
    epilog="Examples: vrmc timeline --country colombia --since 2018 | "
    "vrmc timeline --short --reverse --limit 10",
)
def timeline(
    short: Annotated[bool, typer.Option("--short", help="One line per event.")] = False,
    reverse: Annotated[bool, typer.Option("--reverse", help="Newest first.")] = False,
    limit: Annotated[
        int | None, typer.Option("--limit", "-n", min=0, metavar="N", help="Show at most N events.")
    ] = None,
) -> None:
    """Dated events in order, each at its real precision, with countries and sources."""


@listing("actors", epilog="Examples: vrmc actors | vrmc actors --country russia -f csv")
def actors() -> None:
    """People, states and organisations: name, kind, country and current role."""


@listing(
    "actor",
    epilog="Examples: vrmc actor vladimir-putin | vrmc actor chávez | "
    "vrmc actor rosoboron --since 2019",
)
def actor(
    name: Annotated[
        str,
        typer.Argument(
            metavar="ID-OR-NAME",
            help="Actor id, name, alias, or a unique prefix.",
            autocompletion=_complete("actor"),
        ),
    ],
) -> None:
    """One actor: summary, roles over time, stance, relations, events and briefing points."""


@listing(
    "transfers",
    epilog="Examples: vrmc transfers | vrmc transfers --category aircraft "
    "--since 2006 --until 2009 -f csv",
)
def transfers(
    category: Annotated[
        list[str] | None,
        typer.Option(
            "--category",
            metavar="CATEGORY",
            help="Keep this category (repeat: any of them).",
            autocompletion=_complete("category"),
        ),
    ] = None,
) -> None:
    """The arms-transfer register, with totals by category and status.

    --country matches the supplier or the recipient; dates filter on the order date.
    """


@listing("scenarios", epilog="Examples: vrmc scenarios | vrmc scenarios -f markdown")
def scenarios() -> None:
    """Outlook scenarios: likelihood, horizon, drivers and indicators to watch."""


@listing("themes", epilog="Examples: vrmc themes | vrmc themes --country colombia")
def themes() -> None:
    """The theme tree, with how many events and points each theme (and its subtree) holds."""


@listing("countries", epilog="Examples: vrmc countries | vrmc countries -f json")
def countries() -> None:
    """Countries with their aliases and how many events, actors and transfers involve each."""


@listing("sources", epilog="Examples: vrmc sources | vrmc sources --country colombia -f csv")
def sources() -> None:
    """Sources with their reliability and how many items cite each.

    With filters: only the sources cited by the events, points and transfers that match.
    """


@listing(
    "search",
    epilog="Examples: vrmc search igla | vrmc search 'tu-160' -c colombia | vrmc search bogota",
)
def search(
    text: Annotated[str, typer.Argument(metavar="TEXT", help="Words to find (all of them).")],
) -> None:
    """Full-text search across every text field, ignoring case and accents."""


@listing(
    "report",
    epilog="Examples: vrmc report --format markdown > brief.md | "
    "vrmc report -c colombia --cite -f html > colombia.html",
)
def report(
    cite: Annotated[
        bool,
        typer.Option(
            "--cite",
            help="Attach numbered source references to points and events (footnotes in Markdown).",
        ),
    ] = False,
) -> None:
    """The whole briefing document: briefings, timeline, actors, arms register, scenarios
    and a numbered bibliography."""


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
        state = State(roots=tuple(paths), use_cache=state.use_cache, debug=state.debug)
    try:
        counts = summary_counts(load(state))
    except InvalidCorpus as exc:
        report_invalid(exc)
    except VrmcError as exc:
        fail(str(exc), exc.status)
    except KeyboardInterrupt:  # as runner.execute does, before Typer silences it
        interrupted()
    if fmt is Format.json:
        from .render.data import dumps

        emit(dumps({"valid": True, "counts": counts}))
    else:
        emit("ok: " + ", ".join(f"{n} {k}" for k, n in counts.items()) + "\n")


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
        # The group's options (quick.GLOBAL, checked against this app by test_quick.py).
        option = quick.GLOBAL.get(arg.split("=", 1)[0] if arg.startswith("--") else arg)
        if option is None:
            if arg.startswith("-b") and not arg.startswith("--"):
                continue  # -bDIR
            if not arg.startswith("-"):
                name = arg
            break
        if option[1] != quick.FLAG and "=" not in arg:
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
    """The console script's slow path: Typer parses, then runner runs."""
    debug = env_on("VRMC_DEBUG") or "--debug" in sys.argv[1:]
    guarded(lambda: app_for(sys.argv[1:])(prog_name="vrmc"), debug=debug)
