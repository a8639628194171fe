"""The quick path: run the common commands without importing Typer.

Importing Typer takes most of the time a warm `vrmc brief motivations` needs. So the entry
point first tries to read the command line here, from the same command specifications that
cli.py gives Typer (commands/), and accepts only what it is sure of: options
spelled out in full (`--since 2018`, `--since=2018`, `-c colombia`, `-ccolombia`), values
that Typer would accept unchanged, the right number of arguments. Anything else (help,
completion, `--`, an unknown option, a value that starts with `-`, a value Typer would
refuse, a missing argument) returns None, and Typer reads the command line as usual, so
every message about a bad command line is Typer's. tests/test_quick.py checks that each
command line accepted here reaches runner.execute with exactly what Typer passes it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .commands import (
    COUNT,
    FLAG,
    FORMAT,
    FORMAT_ENV,
    GLOBAL_OPTIONS,
    LEVEL,
    TEXTS,
    Option,
    spec,
)
from .core.formats import Format
from .runner import State, make_state

# Not `typing.TYPE_CHECKING`: a warm run does not import typing (docs/performance.md); type
# checkers treat any `TYPE_CHECKING` as true.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# Option spelling -> the option.
Options = Mapping[str, Option]


def spellings(options: Sequence[Option]) -> dict[str, Option]:
    return {flag: option for option in options for flag in option.flags}


GLOBAL: Options = spellings(GLOBAL_OPTIONS)


class _Decline(Exception):
    """Not sure: let Typer read this command line."""


def _convert(option: Option, value: str) -> Any:
    """The value as Typer converts it, or _Decline where Typer would refuse it."""
    kind = option.kind
    try:
        if kind == FORMAT:
            wanted = value.casefold()
            return next(f for f in Format if f.value.casefold() == wanted)
        if kind == LEVEL:
            level = int(value)
            if not 1 <= level <= 6:
                raise _Decline
            return level
        if kind == COUNT:
            count = int(value)
            if count < option.minimum:
                raise _Decline
            return count
    except (StopIteration, ValueError):
        raise _Decline from None
    return value


def _read(options: Options, tokens: Sequence[str], at: int, into: dict[str, Any]) -> int:
    """Read the option at tokens[at] into `into`; the index of the next token."""
    token = tokens[at]
    if token.startswith("--"):
        spelling, equals, value = token.partition("=")
        attached = value if equals else None
    else:  # -cVALUE: a short option with its value attached, as Click reads it
        spelling, attached = token[:2], token[2:] or None
    if spelling not in options:
        raise _Decline
    option = options[spelling]
    name, kind = option.name, option.kind
    if kind == FLAG:
        if attached is not None:
            raise _Decline
        into[name] = True
        return at + 1
    if attached is None:
        if at + 1 >= len(tokens) or tokens[at + 1].startswith("-"):
            raise _Decline  # Typer would take `-x` as the value, or report it missing
        attached, at = tokens[at + 1], at + 1
    if kind == TEXTS:
        into.setdefault(name, []).append(attached)
    else:
        into[name] = _convert(option, attached)
    return at + 1


def parse(argv: Sequence[str], environ: Mapping[str, str]) -> tuple[State, str, dict[str, Any]]:
    """What the command line runs: (state, command, parameters), as Typer would pass them.

    Raises _Decline when the quick path is not sure; `plan` turns that into None.
    """
    if any(name.startswith("_VRMC_COMPLETE") for name in environ):
        raise _Decline  # shell completion is Typer's
    if "--" in argv or "-" in argv:  # end of options, standard input: Typer's
        raise _Decline
    group: dict[str, Any] = {}
    at = 0
    while at < len(argv) and argv[at].startswith("-"):
        at = _read(GLOBAL, argv, at, group)
    if at >= len(argv) or not argv[at].isidentifier():
        raise _Decline  # no command (help), or not a command's name
    command = argv[at]
    declared = spec(command)
    if declared is None or any(a.many for a in declared.arguments):
        raise _Decline  # an unknown command, or one that takes a list of arguments
    options = spellings(declared.all_options)
    found: dict[str, Any] = {}
    positional: list[str] = []
    at += 1
    while at < len(argv):
        if argv[at].startswith("-"):
            at = _read(options, argv, at, found)
        else:
            positional.append(argv[at])
            at += 1
    arguments = declared.arguments
    if len(positional) > len(arguments):
        raise _Decline
    for index, argument in enumerate(arguments):
        if index < len(positional):
            found[argument.name] = positional[index]
        elif argument.required:
            raise _Decline
        else:
            found[argument.name] = None
    for option in declared.all_options:
        found.setdefault(option.name, option.default)
    if found["fmt"] is None and environ.get(FORMAT_ENV):
        found["fmt"] = _convert(spellings(declared.all_options)["--format"], environ[FORMAT_ENV])
    state = make_state(
        group.get("briefings"), group.get("no_cache", False), group.get("debug", False)
    )
    return state, command, found


def plan(
    argv: Sequence[str], environ: Mapping[str, str]
) -> tuple[State, str, dict[str, Any]] | None:
    """`parse`, or None when Typer should read the command line."""
    try:
        return parse(argv, environ)
    except _Decline:
        return None


__all__ = ["parse", "plan"]
