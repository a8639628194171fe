"""The quick path: run the common commands without importing Typer.

Importing Typer takes most of the time a warm `vrmc brief motivations` needs. So the entry
point first tries to read the command line here, with a parser that knows the options of
every listing command (runner.OWN_PARAMETERS) and accepts only what it is sure of: options
spelled out in full (`--since 2018`, `--since=2018`, `-c colombia`, `-ccolombia`), values
that Typer would accept unchanged, the right number of arguments. Anything else (help,
completion, `--`, an unknown option, a value that starts with `-`, a value Typer would
refuse, a missing argument) returns None, and Typer reads the command line as usual, so
every message about a bad command line is Typer's. tests/test_quick.py checks that each
command line accepted here reaches runner.execute with exactly what Typer passes it, and
that the tables below are the options cli.py declares.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .render import Format
from .runner import OWN_PARAMETERS, SHARED_PARAMETERS, State, make_state

# How an option's value is read: a flag (no value, True when given), one text (the last one
# given wins), texts (each one kept, in order), or a checked value.
FLAG, TEXT, TEXTS, FORMAT, LEVEL, COUNT = "flag", "text", "texts", "format", "level", "count"

# Option spelling -> (parameter name, how its value is read).
Options = Mapping[str, tuple[str, str]]

GLOBAL: Options = {
    "--briefings": ("briefings", TEXTS),
    "-b": ("briefings", TEXTS),
    "--no-cache": ("no_cache", FLAG),
    "--debug": ("debug", FLAG),
}
SHARED: Options = {
    "--theme": ("theme", TEXTS),
    "-t": ("theme", TEXTS),
    "--country": ("country", TEXTS),
    "-c": ("country", TEXTS),
    "--actor": ("actor", TEXTS),
    "-a": ("actor", TEXTS),
    "--since": ("since", TEXT),
    "--until": ("until", TEXT),
    "--format": ("fmt", FORMAT),
    "-f": ("fmt", FORMAT),
    "--heading-level": ("heading_level", LEVEL),
    "--no-pager": ("no_pager", FLAG),
}
OWN: dict[str, Options] = {
    "timeline": {
        "--short": ("short", FLAG),
        "--reverse": ("reverse", FLAG),
        "--limit": ("limit", COUNT),
        "-n": ("limit", COUNT),
    },
    "transfers": {"--category": ("category", TEXTS)},
    "report": {"--cite": ("cite", FLAG)},
}
# Each command's arguments, in order: (parameter name, required).
ARGUMENTS: dict[str, tuple[tuple[str, bool], ...]] = {
    "brief": (("briefing", False),),
    "actor": (("name", True),),
    "search": (("text", True),),
}
# What Typer passes for an option not given (--heading-level is the one with a default).
DEFAULTS: dict[str, Any] = {
    FLAG: False,
    TEXT: None,
    TEXTS: None,
    FORMAT: None,
    LEVEL: 1,
    COUNT: None,
}
FORMAT_ENV = "VRMC_FORMAT"


class _Decline(Exception):
    """Not sure: let Typer read this command line."""


def _convert(kind: str, value: str) -> Any:
    """The value as Typer converts it, or _Decline where Typer would refuse it."""
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
            if count < 0:
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
    name, kind = options[spelling]
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
        into[name] = _convert(kind, attached)
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
    if at >= len(argv) or argv[at] not in OWN_PARAMETERS:
        raise _Decline  # no command (help), an unknown one, or validate
    command = argv[at]
    options = {**SHARED, **OWN.get(command, {})}
    found: dict[str, Any] = {}
    positional: list[str] = []
    at += 1
    while at < len(argv):
        if argv[at].startswith("-"):
            at = _read(options, argv, at, found)
        else:
            positional.append(argv[at])
            at += 1
    arguments = ARGUMENTS.get(command, ())
    if len(positional) > len(arguments):
        raise _Decline
    for index, (name, required) in enumerate(arguments):
        if index < len(positional):
            found[name] = positional[index]
        elif required:
            raise _Decline
        else:
            found[name] = None
    for name, kind in options.values():
        if name not in found:
            found[name] = DEFAULTS[kind]
    if found["fmt"] is None and environ.get(FORMAT_ENV):
        found["fmt"] = _convert(FORMAT, environ[FORMAT_ENV])
    expected = {*OWN_PARAMETERS[command], *SHARED_PARAMETERS}
    if set(found) != expected:  # the tables above disagree with runner's: never guess
        raise _Decline
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
