"""The command line as Typer sees it: options, help, completion, usage errors.

Running a command is runner.py's job; quick.py runs the common ones without Typer.
"""

from __future__ import annotations

import enum
import inspect
import os
import sys
from collections.abc import Callable, Sequence
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from . import __version__, quick
from .commands import (
    COUNT,
    FLAG,
    FORMAT,
    FORMAT_ENV,
    GLOBAL_OPTIONS,
    LEVEL,
    TEXTS,
    Argument,
    Option,
    Spec,
    names,
    spec,
)
from .core.formats import Format
from .core.textsafe import visible
from .runner import State, emit, env_on, execute, guarded, load, make_state

# --format as Typer reads it: an Enum of the formats' names (core.formats.Format is not one,
# so that the quick path never imports enum); `command` hands on the Format it names.
_FORMAT_CHOICE = enum.Enum("Format", [(f.value, f.value) for f in Format], type=str)  # type: ignore[misc]

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


def _new_app() -> typer.Typer:
    """The group, without its commands: its options, help and callback (`main`)."""
    made = typer.Typer(
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
    made.callback()(main)
    return made


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
            from .analysis.query import completions

            if kind == "category":
                values = sorted({t.category for t in corpus.transfers})
                return [v for v in values if v.lower().startswith(incomplete.lower())]
            # The resolver's own names: what completes is what `resolve` accepts.
            return completions(corpus, kind, incomplete)
        except Exception:
            return []

    return complete


# --------------------------------------------------------------------------- declarations


def _format_help(option: Option, gives: frozenset[str]) -> str:
    """--format's help for a command: the formats whose renderers serve it, as they declare
    themselves (render/), binary ones marked."""
    from .render import declared, formats_for

    found = formats_for(gives)
    if not found:
        return "No effect: this command writes a file of its own."
    shown = (f"{f.value} (binary: -o FILE)" if declared(f).binary else f.value for f in found)
    return f"{option.help} Here: {', '.join(shown)}."


def _parameter(option: Option, gives: frozenset[str] | None = None) -> inspect.Parameter:
    """A command-line option as Typer reads it: an annotated keyword parameter (`gives`: what
    the command's result gives, for --format's help)."""
    extra: dict[str, Any] = {"help": option.help}
    if option.kind == FORMAT and gives is not None:
        extra["help"] = _format_help(option, gives)
    if option.metavar:
        extra["metavar"] = option.metavar
    if option.complete:
        extra["autocompletion"] = _complete(option.complete)
    hint: Any
    if option.kind == FLAG:
        hint = bool
    elif option.kind == TEXTS:
        hint = list[str] | None
    elif option.kind == FORMAT:
        hint = _FORMAT_CHOICE | None
        extra.update(envvar=FORMAT_ENV, case_sensitive=False)
    elif option.kind == LEVEL:
        hint = int
        extra.update(min=1, max=6)
    elif option.kind == COUNT:
        hint = int | None
        extra.update(min=option.minimum)
    else:
        hint = str | None
    annotation = Annotated[hint, typer.Option(*option.flags, **extra)]
    return inspect.Parameter(
        option.name, inspect.Parameter.KEYWORD_ONLY, annotation=annotation, default=option.default
    )


def _argument(argument: Argument) -> inspect.Parameter:
    extra: dict[str, Any] = {"metavar": argument.metavar, "help": argument.help}
    if argument.complete:
        extra["autocompletion"] = _complete(argument.complete)
    hint: Any = list[str] | None if argument.many else str if argument.required else str | None
    annotation = Annotated[hint, typer.Argument(**extra)]
    default = inspect.Parameter.empty if argument.required else None
    return inspect.Parameter(
        argument.name, inspect.Parameter.KEYWORD_ONLY, annotation=annotation, default=default
    )


def _epilog(examples: Sequence[str]) -> str:
    # "\b" keeps Click from rewrapping the paragraph: one example a line.
    return "\b\nExamples:\n" + "\n".join(f"  {e}" for e in examples)


def add_command(app: typer.Typer, spec: Spec) -> None:
    """Declare a command to Typer from its specification; running it is runner.execute."""
    name = spec.name

    def command(ctx: typer.Context, **params: Any) -> None:
        if params.get("fmt") is not None:  # Typer's Enum member: the format it names
            params["fmt"] = Format(params["fmt"].value)
        execute(_state(ctx), name, params)

    parameters = [
        inspect.Parameter("ctx", inspect.Parameter.KEYWORD_ONLY, annotation=typer.Context),
        *(_argument(a) for a in spec.arguments),
        *(_parameter(o, spec.gives) for o in spec.all_options),
    ]
    command.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    command.__annotations__ = {p.name: p.annotation for p in parameters}
    command.__doc__ = spec.help
    command.__name__ = name
    app.command(name=name, epilog=_epilog(spec.examples))(command)


def add_listed(app: typer.Typer, spec: Spec) -> None:
    """Declare a command as the group's own help lists it: its name and help, no parameters.

    Typer turns each parameter into a Click one (types, conversions, completion) before
    anything is parsed: two thirds of `vrmc --help`. The group's help, usage errors and
    `--version` read only a command's name and help, so `app_for` declares the commands this
    way when the command line names none of them; a listed command is never run.
    """
    name = spec.name

    def command(ctx: typer.Context) -> None:
        raise RuntimeError(f"command {name!r} was declared for the group's help only")

    command.__doc__ = spec.help
    command.__name__ = name
    app.command(name=name, epilog=_epilog(spec.examples))(command)


# --------------------------------------------------------------------------- app and commands


def _version(value: bool) -> None:
    if value:
        emit(f"vrmc {__version__}\n")
        raise typer.Exit(0)


def main(ctx: typer.Context, **params: Any) -> None:
    ctx.obj = make_state(params["briefings"], params["no_cache"], params["debug"])


_VERSION = inspect.Parameter(
    "version",
    inspect.Parameter.KEYWORD_ONLY,
    annotation=Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ],
    default=False,
)
_GROUP = [
    inspect.Parameter("ctx", inspect.Parameter.KEYWORD_ONLY, annotation=typer.Context),
    *(_parameter(o) for o in GLOBAL_OPTIONS),
    _VERSION,
]
main.__signature__ = inspect.Signature(_GROUP)  # type: ignore[attr-defined]
main.__annotations__ = {p.name: p.annotation for p in _GROUP}


def app_of(declared: Sequence[str], *, listed: bool = False) -> typer.Typer:
    """The group with the commands named, in full (`add_command`) or as its help lists them
    (`add_listed`)."""
    made = _new_app()
    for name in declared:
        found = spec(name)
        if found is not None:
            (add_listed if listed else add_command)(made, found)
    return made


_WHOLE: list[typer.Typer] = []


def whole_app() -> typer.Typer:
    """The group with every command in full (built once): what tests and completion use."""
    if not _WHOLE:
        _WHOLE.append(app_of(names()))
    return _WHOLE[0]


def __getattr__(attribute: str) -> typer.Typer:
    # `cli.app`: the whole app, built when first asked for (PEP 562).
    if attribute == "app":
        return whole_app()
    raise AttributeError(f"module {__name__!r} has no attribute {attribute!r}")


# Eager options of the group: once one is read, the group answers (its help, its version)
# or stops at a usage error; no command is looked up, whatever follows.
_ANSWERED = frozenset(("-h", "--help", "--version"))


def app_for(argv: Sequence[str]) -> typer.Typer:
    """The app for `argv`, holding only what its run reads.

    Typer turns every command into a Click command before it parses anything, which costs
    start-up time (docs/performance.md); only the command being run is needed. When the
    command line names a command, that command alone is declared. When the group answers
    by itself (its help, its version, a missing command), every command is declared as the
    group's help lists it (`add_listed`). In every other case (shell completion, `--`, an
    unknown option or command name) the whole app is used, so every output stays the same.
    """
    if any(name.startswith("_VRMC_COMPLETE") for name in os.environ):
        return whole_app()
    name = None
    args = iter(argv)
    for arg in args:
        # The group's options, as quick.py's table has them: (parameter, how read, least).
        option = quick.GLOBAL.get(arg.split("=", 1)[0] if arg.startswith("--") else arg)
        if option is None:
            if arg.startswith("-b") and not arg.startswith("--"):
                continue  # -bDIR
            if arg in _ANSWERED:
                return app_of(names(), listed=True)
            if not arg.startswith("-"):
                name = arg
            break
        if option[1] != FLAG and "=" not in arg:
            next(args, None)
    else:  # nothing but the group's options: its help (no arguments) or "Missing command"
        return app_of(names(), listed=True)
    if name is not None and name in names():
        return app_of([name])
    return whole_app()


def run_app() -> None:
    """The console script's slow path: Typer parses, then runner runs."""
    debug = env_on("VRMC_DEBUG") or "--debug" in sys.argv[1:]
    guarded(lambda: app_for(sys.argv[1:])(prog_name="vrmc"), debug=debug)
