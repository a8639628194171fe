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

from .core.formats import Format
from .runner import State, make_state

# Not `typing.TYPE_CHECKING`: a warm run does not import typing (docs/performance.md); type
# checkers treat any `TYPE_CHECKING` as true.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from typing import Any

    from .commands import Option

    # An option's spelling -> (its parameter, how its value is read, its least value).
    Options = Mapping[str, tuple[str, str, int]]
    # A command's options (spelling, parameter, how read, least value), its arguments
    # (parameter, required) and its parameters' defaults.
    Table = tuple[
        tuple[tuple[str, str, str, int], ...],
        tuple[tuple[str, bool], ...],
        tuple[tuple[str, Any], ...],
    ]

# How an option's value is read (commands.FLAG, TEXTS, FORMAT, LEVEL, COUNT; TEXT reads as
# it is), and the environment variable that gives --format (commands.FORMAT_ENV): the same
# as commands/, which tests/test_quick.py checks.
FLAG, TEXTS, FORMAT, LEVEL, COUNT = "flag", "texts", "format", "level", "count"
FORMAT_ENV = "VRMC_FORMAT"


class _Decline(Exception):
    """Not sure: let Typer read this command line."""


def _convert(kind: str, minimum: int, value: str) -> Any:
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
            if count < minimum:
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
    name, kind, minimum = options[spelling]
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
        into[name] = _convert(kind, minimum, attached)
    return at + 1


def parse(argv: Sequence[str], environ: Mapping[str, str]) -> tuple[State, str, dict[str, Any]]:
    """What the command line runs: (state, command, parameters), as Typer would pass them.

    Raises _Decline when the quick path is not sure; `plan` turns that into None.
    """
    if "_VRMC_COMPLETE" in environ:  # Click's trigger for shell completion, which is Typer's
        raise _Decline
    if "--" in argv or "-" in argv:  # end of options, standard input: Typer's
        raise _Decline
    group: dict[str, Any] = {}
    at = 0
    while at < len(argv) and argv[at].startswith("-"):
        at = _read(GLOBAL, argv, at, group)
    if at >= len(argv):
        raise _Decline  # no command: help
    table: Table | None = COMMANDS.get(argv[at])
    if table is None:
        raise _Decline  # an unknown command, or one that takes a list of arguments
    command = argv[at]
    declared, arguments, defaults = table
    options = {spelling: (name, kind, least) for spelling, name, kind, least in declared}
    found: dict[str, Any] = {}
    positional: list[str] = []
    at += 1
    while at < len(argv):
        if argv[at].startswith("-"):
            at = _read(options, argv, at, found)
        else:
            positional.append(argv[at])
            at += 1
    if len(positional) > len(arguments):
        raise _Decline
    for index, (name, required) in enumerate(arguments):
        if index < len(positional):
            found[name] = positional[index]
        elif required:
            raise _Decline
        else:
            found[name] = None
    for name, default in defaults:
        found.setdefault(name, default)
    if found["fmt"] is None and environ.get(FORMAT_ENV):
        found["fmt"] = _convert(FORMAT, 0, environ[FORMAT_ENV])
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


# --------------------------------------------------------------------------- the tables


def _options(options: Sequence[Option]) -> tuple[tuple[str, str, str, int], ...]:
    return tuple((flag, o.name, o.kind, o.minimum) for o in options for flag in o.flags)


def table_source() -> str:
    """The tables below as source, from the command specifications (commands/): what
    `python -m vrmc_cli.quick` writes, and tests/test_quick.py checks is there."""
    from .commands import GLOBAL_OPTIONS, names, spec

    lines = ["GLOBAL: Options = {"]
    lines += [f"    {s!r}: {(n, k, m)!r}," for s, n, k, m in _options(GLOBAL_OPTIONS)]
    lines += ["}", "COMMANDS: dict[str, Table] = {"]
    for name in names():
        declared = spec(name)
        if declared is None or any(a.many for a in declared.arguments):
            continue  # a list of arguments: Typer's
        lines.append(f"    {name!r}: (")
        lines.append("        (")
        lines += [f"            {row!r}," for row in _options(declared.all_options)]
        lines.append("        ),")
        arguments = tuple((a.name, a.required) for a in declared.arguments)
        lines.append(f"        {arguments!r},")
        defaults = (
            *((o.name, o.default) for o in declared.all_options),
            *((a.name, None) for a in declared.arguments),
        )
        lines.append("        (")
        lines += [f"            {pair!r}," for pair in defaults]
        lines.append("        ),")
        lines.append("    ),")
    lines.append("}")
    return "\n".join(lines) + "\n"


BEGIN = "# BEGIN TABLES: generated by `python -m vrmc_cli.quick` from commands/; do not edit\n"
END = "# END TABLES\n"

# The group's options, and each command's options, arguments and defaults, as literals: the
# quick path reads a command line before any command module is imported, and builds nothing
# to read it but a dictionary of one command's options. Commands that take a list of
# arguments are not here: Typer reads them.
# fmt: off
# BEGIN TABLES: generated by `python -m vrmc_cli.quick` from commands/; do not edit
GLOBAL: Options = {
    '--briefings': ('briefings', 'texts', 0),
    '-b': ('briefings', 'texts', 0),
    '--no-cache': ('no_cache', 'flag', 0),
    '--debug': ('debug', 'flag', 0),
}
COMMANDS: dict[str, Table] = {
    'ach': (
        (
            ('--notes', 'notes', 'flag', 0),
            ('--theme', 'theme', 'texts', 0),
            ('-t', 'theme', 'texts', 0),
            ('--country', 'country', 'texts', 0),
            ('-c', 'country', 'texts', 0),
            ('--actor', 'actor', 'texts', 0),
            ('-a', 'actor', 'texts', 0),
            ('--since', 'since', 'text', 0),
            ('--until', 'until', 'text', 0),
            ('--place', 'place', 'texts', 0),
            ('--near', 'near', 'text', 0),
            ('--within', 'within', 'count', 1),
            ('--format', 'fmt', 'format', 0),
            ('-f', 'fmt', 'format', 0),
            ('--heading-level', 'heading_level', 'level', 0),
            ('--no-pager', 'no_pager', 'flag', 0),
            ('--output', 'output', 'text', 0),
            ('-o', 'output', 'text', 0),
        ),
        (('question', False),),
        (
            ('notes', False),
            ('theme', None),
            ('country', None),
            ('actor', None),
            ('since', None),
            ('until', None),
            ('place', None),
            ('near', None),
            ('within', None),
            ('fmt', None),
            ('heading_level', 1),
            ('no_pager', False),
            ('output', None),
            ('question', None),
        ),
    ),
    'actor': (
        (
            ('--theme', 'theme', 'texts', 0),
            ('-t', 'theme', 'texts', 0),
            ('--country', 'country', 'texts', 0),
            ('-c', 'country', 'texts', 0),
            ('--actor', 'actor', 'texts', 0),
            ('-a', 'actor', 'texts', 0),
            ('--since', 'since', 'text', 0),
            ('--until', 'until', 'text', 0),
            ('--place', 'place', 'texts', 0),
            ('--near', 'near', 'text', 0),
            ('--within', 'within', 'count', 1),
            ('--format', 'fmt', 'format', 0),
            ('-f', 'fmt', 'format', 0),
            ('--heading-level', 'heading_level', 'level', 0),
            ('--no-pager', 'no_pager', 'flag', 0),
            ('--output', 'output', 'text', 0),
            ('-o', 'output', 'text', 0),
        ),
        (('name', True),),
        (
            ('theme', None),
            ('country', None),
            ('actor', None),
            ('since', None),
            ('until', None),
            ('place', None),
            ('near', None),
            ('within', None),
            ('fmt', None),
            ('heading_level', 1),
            ('no_pager', False),
            ('output', None),
            ('name', None),
        ),
    ),
    'actors': (
        (
            ('--theme', 'theme', 'texts', 0),
            ('-t', 'theme', 'texts', 0),
            ('--country', 'country', 'texts', 0),
            ('-c', 'country', 'texts', 0),
            ('--actor', 'actor', 'texts', 0),
            ('-a', 'actor', 'texts', 0),
            ('--since', 'since', 'text', 0),
            ('--until', 'until', 'text', 0),
            ('--place', 'place', 'texts', 0),
            ('--near', 'near', 'text', 0),
            ('--within', 'within', 'count', 1),
            ('--format', 'fmt', 'format', 0),
            ('-f', 'fmt', 'format', 0),
            ('--heading-level', 'heading_level', 'level', 0),
            ('--no-pager', 'no_pager', 'flag', 0),
            ('--output', 'output', 'text', 0),
            ('-o', 'output', 'text', 0),
        ),
        (),
        (
            ('theme', None),
            ('country', None),
            ('actor', None),
            ('since', None),
            ('until', None),
            ('place', None),
            ('near', None),
            ('within', None),
            ('fmt', None),
            ('heading_level', 1),
            ('no_pager', False),
            ('output', None),
        ),
    ),
    'brief': (
        (
            ('--citations', 'citations', 'text', 0),
            ('--theme', 'theme', 'texts', 0),
            ('-t', 'theme', 'texts', 0),
            ('--country', 'country', 'texts', 0),
            ('-c', 'country', 'texts', 0),
            ('--actor', 'actor', 'texts', 0),
            ('-a', 'actor', 'texts', 0),
            ('--since', 'since', 'text', 0),
            ('--until', 'until', 'text', 0),
            ('--place', 'place', 'texts', 0),
            ('--near', 'near', 'text', 0),
            ('--within', 'within', 'count', 1),
            ('--format', 'fmt', 'format', 0),
            ('-f', 'fmt', 'format', 0),
            ('--heading-level', 'heading_level', 'level', 0),
            ('--no-pager', 'no_pager', 'flag', 0),
            ('--output', 'output', 'text', 0),
            ('-o', 'output', 'text', 0),
        ),
        (('briefing', False),),
        (
            ('citations', None),
            ('theme', None),
            ('country', None),
            ('actor', None),
            ('since', None),
            ('until', None),
            ('place', None),
            ('near', None),
            ('within', None),
            ('fmt', None),
            ('heading_level', 1),
            ('no_pager', False),
            ('output', None),
            ('briefing', None),
        ),
    ),
    'chart': (
        (
            ('--by', 'by', 'text', 0),
            ('--split', 'split', 'flag', 0),
            ('--theme', 'theme', 'texts', 0),
            ('-t', 'theme', 'texts', 0),
            ('--country', 'country', 'texts', 0),
            ('-c', 'country', 'texts', 0),
            ('--actor', 'actor', 'texts', 0),
            ('-a', 'actor', 'texts', 0),
            ('--since', 'since', 'text', 0),
            ('--until', 'until', 'text', 0),
            ('--place', 'place', 'texts', 0),
            ('--near', 'near', 'text', 0),
            ('--within', 'within', 'count', 1),
            ('--format', 'fmt', 'format', 0),
            ('-f', 'fmt', 'format', 0),
            ('--heading-level', 'heading_level', 'level', 0),
            ('--no-pager', 'no_pager', 'flag', 0),
            ('--output', 'output', 'text', 0),
            ('-o', 'output', 'text', 0),
        ),
        (('what', True),),
        (
            ('by', None),
            ('split', False),
            ('theme', None),
            ('country', None),
            ('actor', None),
            ('since', None),
            ('until', None),
            ('place', None),
            ('near', None),
            ('within', None),
            ('fmt', None),
            ('heading_level', 1),
            ('no_pager', False),
            ('output', None),
            ('what', None),
        ),
    ),
    'countries': (
        (
            ('--theme', 'theme', 'texts', 0),
            ('-t', 'theme', 'texts', 0),
            ('--country', 'country', 'texts', 0),
            ('-c', 'country', 'texts', 0),
            ('--actor', 'actor', 'texts', 0),
            ('-a', 'actor', 'texts', 0),
            ('--since', 'since', 'text', 0),
            ('--until', 'until', 'text', 0),
            ('--place', 'place', 'texts', 0),
            ('--near', 'near', 'text', 0),
            ('--within', 'within', 'count', 1),
            ('--format', 'fmt', 'format', 0),
            ('-f', 'fmt', 'format', 0),
            ('--heading-level', 'heading_level', 'level', 0),
            ('--no-pager', 'no_pager', 'flag', 0),
            ('--output', 'output', 'text', 0),
            ('-o', 'output', 'text', 0),
        ),
        (),
        (
            ('theme', None),
            ('country', None),
            ('actor', None),
            ('since', None),
            ('until', None),
            ('place', None),
            ('near', None),
            ('within', None),
            ('fmt', None),
            ('heading_level', 1),
            ('no_pager', False),
            ('output', None),
        ),
    ),
    'diff': (
        (
            ('--format', 'fmt', 'format', 0),
            ('-f', 'fmt', 'format', 0),
            ('--heading-level', 'heading_level', 'level', 0),
            ('--no-pager', 'no_pager', 'flag', 0),
            ('--output', 'output', 'text', 0),
            ('-o', 'output', 'text', 0),
        ),
        (('old', True), ('new', False)),
        (
            ('fmt', None),
            ('heading_level', 1),
            ('no_pager', False),
            ('output', None),
            ('old', None),
            ('new', None),
        ),
    ),
    'export': (
        (
            ('--output', 'output', 'text', 0),
            ('-o', 'output', 'text', 0),
            ('--theme', 'theme', 'texts', 0),
            ('-t', 'theme', 'texts', 0),
            ('--country', 'country', 'texts', 0),
            ('-c', 'country', 'texts', 0),
            ('--actor', 'actor', 'texts', 0),
            ('-a', 'actor', 'texts', 0),
            ('--since', 'since', 'text', 0),
            ('--until', 'until', 'text', 0),
            ('--place', 'place', 'texts', 0),
            ('--near', 'near', 'text', 0),
            ('--within', 'within', 'count', 1),
            ('--format', 'fmt', 'format', 0),
            ('-f', 'fmt', 'format', 0),
            ('--heading-level', 'heading_level', 'level', 0),
            ('--no-pager', 'no_pager', 'flag', 0),
        ),
        (('export_format', True),),
        (
            ('output', None),
            ('theme', None),
            ('country', None),
            ('actor', None),
            ('since', None),
            ('until', None),
            ('place', None),
            ('near', None),
            ('within', None),
            ('fmt', None),
            ('heading_level', 1),
            ('no_pager', False),
            ('export_format', None),
        ),
    ),
    'graph': (
        (
            ('--depth', 'depth', 'count', 1),
            ('--theme', 'theme', 'texts', 0),
            ('-t', 'theme', 'texts', 0),
            ('--country', 'country', 'texts', 0),
            ('-c', 'country', 'texts', 0),
            ('--actor', 'actor', 'texts', 0),
            ('-a', 'actor', 'texts', 0),
            ('--since', 'since', 'text', 0),
            ('--until', 'until', 'text', 0),
            ('--place', 'place', 'texts', 0),
            ('--near', 'near', 'text', 0),
            ('--within', 'within', 'count', 1),
            ('--format', 'fmt', 'format', 0),
            ('-f', 'fmt', 'format', 0),
            ('--heading-level', 'heading_level', 'level', 0),
            ('--no-pager', 'no_pager', 'flag', 0),
            ('--output', 'output', 'text', 0),
            ('-o', 'output', 'text', 0),
        ),
        (),
        (
            ('depth', None),
            ('theme', None),
            ('country', None),
            ('actor', None),
            ('since', None),
            ('until', None),
            ('place', None),
            ('near', None),
            ('within', None),
            ('fmt', None),
            ('heading_level', 1),
            ('no_pager', False),
            ('output', None),
        ),
    ),
    'import': (
        (
            ('--into', 'into', 'text', 0),
            ('--dry-run', 'dry_run', 'flag', 0),
            ('--map', 'map', 'texts', 0),
            ('--layout', 'layout', 'text', 0),
            ('--checked', 'checked', 'flag', 0),
            ('--format', 'fmt', 'format', 0),
            ('-f', 'fmt', 'format', 0),
            ('--heading-level', 'heading_level', 'level', 0),
            ('--no-pager', 'no_pager', 'flag', 0),
            ('--output', 'output', 'text', 0),
            ('-o', 'output', 'text', 0),
        ),
        (('import_format', True), ('file', True)),
        (
            ('into', None),
            ('dry_run', False),
            ('map', None),
            ('layout', None),
            ('checked', False),
            ('fmt', None),
            ('heading_level', 1),
            ('no_pager', False),
            ('output', None),
            ('import_format', None),
            ('file', None),
        ),
    ),
    'init': (
        (
            ('--format', 'fmt', 'format', 0),
            ('-f', 'fmt', 'format', 0),
            ('--heading-level', 'heading_level', 'level', 0),
            ('--no-pager', 'no_pager', 'flag', 0),
            ('--output', 'output', 'text', 0),
            ('-o', 'output', 'text', 0),
        ),
        (('directory', True),),
        (
            ('fmt', None),
            ('heading_level', 1),
            ('no_pager', False),
            ('output', None),
            ('directory', None),
        ),
    ),
    'judgments': (
        (
            ('--sort', 'sort', 'text', 0),
            ('-s', 'sort', 'text', 0),
            ('--theme', 'theme', 'texts', 0),
            ('-t', 'theme', 'texts', 0),
            ('--country', 'country', 'texts', 0),
            ('-c', 'country', 'texts', 0),
            ('--actor', 'actor', 'texts', 0),
            ('-a', 'actor', 'texts', 0),
            ('--since', 'since', 'text', 0),
            ('--until', 'until', 'text', 0),
            ('--place', 'place', 'texts', 0),
            ('--near', 'near', 'text', 0),
            ('--within', 'within', 'count', 1),
            ('--format', 'fmt', 'format', 0),
            ('-f', 'fmt', 'format', 0),
            ('--heading-level', 'heading_level', 'level', 0),
            ('--no-pager', 'no_pager', 'flag', 0),
            ('--output', 'output', 'text', 0),
            ('-o', 'output', 'text', 0),
        ),
        (),
        (
            ('sort', None),
            ('theme', None),
            ('country', None),
            ('actor', None),
            ('since', None),
            ('until', None),
            ('place', None),
            ('near', None),
            ('within', None),
            ('fmt', None),
            ('heading_level', 1),
            ('no_pager', False),
            ('output', None),
        ),
    ),
    'map': (
        (
            ('--theme', 'theme', 'texts', 0),
            ('-t', 'theme', 'texts', 0),
            ('--country', 'country', 'texts', 0),
            ('-c', 'country', 'texts', 0),
            ('--actor', 'actor', 'texts', 0),
            ('-a', 'actor', 'texts', 0),
            ('--since', 'since', 'text', 0),
            ('--until', 'until', 'text', 0),
            ('--place', 'place', 'texts', 0),
            ('--near', 'near', 'text', 0),
            ('--within', 'within', 'count', 1),
            ('--format', 'fmt', 'format', 0),
            ('-f', 'fmt', 'format', 0),
            ('--heading-level', 'heading_level', 'level', 0),
            ('--no-pager', 'no_pager', 'flag', 0),
            ('--output', 'output', 'text', 0),
            ('-o', 'output', 'text', 0),
        ),
        (),
        (
            ('theme', None),
            ('country', None),
            ('actor', None),
            ('since', None),
            ('until', None),
            ('place', None),
            ('near', None),
            ('within', None),
            ('fmt', None),
            ('heading_level', 1),
            ('no_pager', False),
            ('output', None),
        ),
    ),
    'report': (
        (
            ('--sections', 'sections', 'text', 0),
            ('--edition', 'edition', 'text', 0),
            ('--ids', 'ids', 'flag', 0),
            ('--citations', 'citations', 'text', 0),
            ('--cite', 'cite', 'flag', 0),
            ('--theme', 'theme', 'texts', 0),
            ('-t', 'theme', 'texts', 0),
            ('--country', 'country', 'texts', 0),
            ('-c', 'country', 'texts', 0),
            ('--actor', 'actor', 'texts', 0),
            ('-a', 'actor', 'texts', 0),
            ('--since', 'since', 'text', 0),
            ('--until', 'until', 'text', 0),
            ('--place', 'place', 'texts', 0),
            ('--near', 'near', 'text', 0),
            ('--within', 'within', 'count', 1),
            ('--format', 'fmt', 'format', 0),
            ('-f', 'fmt', 'format', 0),
            ('--heading-level', 'heading_level', 'level', 0),
            ('--no-pager', 'no_pager', 'flag', 0),
            ('--output', 'output', 'text', 0),
            ('-o', 'output', 'text', 0),
        ),
        (),
        (
            ('sections', None),
            ('edition', None),
            ('ids', False),
            ('citations', None),
            ('cite', False),
            ('theme', None),
            ('country', None),
            ('actor', None),
            ('since', None),
            ('until', None),
            ('place', None),
            ('near', None),
            ('within', None),
            ('fmt', None),
            ('heading_level', 1),
            ('no_pager', False),
            ('output', None),
        ),
    ),
    'scenarios': (
        (
            ('--theme', 'theme', 'texts', 0),
            ('-t', 'theme', 'texts', 0),
            ('--country', 'country', 'texts', 0),
            ('-c', 'country', 'texts', 0),
            ('--actor', 'actor', 'texts', 0),
            ('-a', 'actor', 'texts', 0),
            ('--since', 'since', 'text', 0),
            ('--until', 'until', 'text', 0),
            ('--place', 'place', 'texts', 0),
            ('--near', 'near', 'text', 0),
            ('--within', 'within', 'count', 1),
            ('--format', 'fmt', 'format', 0),
            ('-f', 'fmt', 'format', 0),
            ('--heading-level', 'heading_level', 'level', 0),
            ('--no-pager', 'no_pager', 'flag', 0),
            ('--output', 'output', 'text', 0),
            ('-o', 'output', 'text', 0),
        ),
        (),
        (
            ('theme', None),
            ('country', None),
            ('actor', None),
            ('since', None),
            ('until', None),
            ('place', None),
            ('near', None),
            ('within', None),
            ('fmt', None),
            ('heading_level', 1),
            ('no_pager', False),
            ('output', None),
        ),
    ),
    'schema': (
        (
            ('--format', 'fmt', 'format', 0),
            ('-f', 'fmt', 'format', 0),
            ('--heading-level', 'heading_level', 'level', 0),
            ('--no-pager', 'no_pager', 'flag', 0),
            ('--output', 'output', 'text', 0),
            ('-o', 'output', 'text', 0),
        ),
        (),
        (
            ('fmt', None),
            ('heading_level', 1),
            ('no_pager', False),
            ('output', None),
        ),
    ),
    'search': (
        (
            ('--kind', 'kind', 'texts', 0),
            ('-k', 'kind', 'texts', 0),
            ('--theme', 'theme', 'texts', 0),
            ('-t', 'theme', 'texts', 0),
            ('--country', 'country', 'texts', 0),
            ('-c', 'country', 'texts', 0),
            ('--actor', 'actor', 'texts', 0),
            ('-a', 'actor', 'texts', 0),
            ('--since', 'since', 'text', 0),
            ('--until', 'until', 'text', 0),
            ('--place', 'place', 'texts', 0),
            ('--near', 'near', 'text', 0),
            ('--within', 'within', 'count', 1),
            ('--format', 'fmt', 'format', 0),
            ('-f', 'fmt', 'format', 0),
            ('--heading-level', 'heading_level', 'level', 0),
            ('--no-pager', 'no_pager', 'flag', 0),
            ('--output', 'output', 'text', 0),
            ('-o', 'output', 'text', 0),
        ),
        (('text', True),),
        (
            ('kind', None),
            ('theme', None),
            ('country', None),
            ('actor', None),
            ('since', None),
            ('until', None),
            ('place', None),
            ('near', None),
            ('within', None),
            ('fmt', None),
            ('heading_level', 1),
            ('no_pager', False),
            ('output', None),
            ('text', None),
        ),
    ),
    'sources': (
        (
            ('--theme', 'theme', 'texts', 0),
            ('-t', 'theme', 'texts', 0),
            ('--country', 'country', 'texts', 0),
            ('-c', 'country', 'texts', 0),
            ('--actor', 'actor', 'texts', 0),
            ('-a', 'actor', 'texts', 0),
            ('--since', 'since', 'text', 0),
            ('--until', 'until', 'text', 0),
            ('--place', 'place', 'texts', 0),
            ('--near', 'near', 'text', 0),
            ('--within', 'within', 'count', 1),
            ('--format', 'fmt', 'format', 0),
            ('-f', 'fmt', 'format', 0),
            ('--heading-level', 'heading_level', 'level', 0),
            ('--no-pager', 'no_pager', 'flag', 0),
            ('--output', 'output', 'text', 0),
            ('-o', 'output', 'text', 0),
        ),
        (),
        (
            ('theme', None),
            ('country', None),
            ('actor', None),
            ('since', None),
            ('until', None),
            ('place', None),
            ('near', None),
            ('within', None),
            ('fmt', None),
            ('heading_level', 1),
            ('no_pager', False),
            ('output', None),
        ),
    ),
    'themes': (
        (
            ('--theme', 'theme', 'texts', 0),
            ('-t', 'theme', 'texts', 0),
            ('--country', 'country', 'texts', 0),
            ('-c', 'country', 'texts', 0),
            ('--actor', 'actor', 'texts', 0),
            ('-a', 'actor', 'texts', 0),
            ('--since', 'since', 'text', 0),
            ('--until', 'until', 'text', 0),
            ('--place', 'place', 'texts', 0),
            ('--near', 'near', 'text', 0),
            ('--within', 'within', 'count', 1),
            ('--format', 'fmt', 'format', 0),
            ('-f', 'fmt', 'format', 0),
            ('--heading-level', 'heading_level', 'level', 0),
            ('--no-pager', 'no_pager', 'flag', 0),
            ('--output', 'output', 'text', 0),
            ('-o', 'output', 'text', 0),
        ),
        (),
        (
            ('theme', None),
            ('country', None),
            ('actor', None),
            ('since', None),
            ('until', None),
            ('place', None),
            ('near', None),
            ('within', None),
            ('fmt', None),
            ('heading_level', 1),
            ('no_pager', False),
            ('output', None),
        ),
    ),
    'timeline': (
        (
            ('--short', 'short', 'flag', 0),
            ('--reverse', 'reverse', 'flag', 0),
            ('--limit', 'limit', 'count', 1),
            ('-n', 'limit', 'count', 1),
            ('--theme', 'theme', 'texts', 0),
            ('-t', 'theme', 'texts', 0),
            ('--country', 'country', 'texts', 0),
            ('-c', 'country', 'texts', 0),
            ('--actor', 'actor', 'texts', 0),
            ('-a', 'actor', 'texts', 0),
            ('--since', 'since', 'text', 0),
            ('--until', 'until', 'text', 0),
            ('--place', 'place', 'texts', 0),
            ('--near', 'near', 'text', 0),
            ('--within', 'within', 'count', 1),
            ('--format', 'fmt', 'format', 0),
            ('-f', 'fmt', 'format', 0),
            ('--heading-level', 'heading_level', 'level', 0),
            ('--no-pager', 'no_pager', 'flag', 0),
            ('--output', 'output', 'text', 0),
            ('-o', 'output', 'text', 0),
        ),
        (),
        (
            ('short', False),
            ('reverse', False),
            ('limit', None),
            ('theme', None),
            ('country', None),
            ('actor', None),
            ('since', None),
            ('until', None),
            ('place', None),
            ('near', None),
            ('within', None),
            ('fmt', None),
            ('heading_level', 1),
            ('no_pager', False),
            ('output', None),
        ),
    ),
    'transfers': (
        (
            ('--category', 'category', 'texts', 0),
            ('--theme', 'theme', 'texts', 0),
            ('-t', 'theme', 'texts', 0),
            ('--country', 'country', 'texts', 0),
            ('-c', 'country', 'texts', 0),
            ('--actor', 'actor', 'texts', 0),
            ('-a', 'actor', 'texts', 0),
            ('--since', 'since', 'text', 0),
            ('--until', 'until', 'text', 0),
            ('--place', 'place', 'texts', 0),
            ('--near', 'near', 'text', 0),
            ('--within', 'within', 'count', 1),
            ('--format', 'fmt', 'format', 0),
            ('-f', 'fmt', 'format', 0),
            ('--heading-level', 'heading_level', 'level', 0),
            ('--no-pager', 'no_pager', 'flag', 0),
            ('--output', 'output', 'text', 0),
            ('-o', 'output', 'text', 0),
        ),
        (),
        (
            ('category', None),
            ('theme', None),
            ('country', None),
            ('actor', None),
            ('since', None),
            ('until', None),
            ('place', None),
            ('near', None),
            ('within', None),
            ('fmt', None),
            ('heading_level', 1),
            ('no_pager', False),
            ('output', None),
        ),
    ),
    'watch': (
        (
            ('--theme', 'theme', 'texts', 0),
            ('-t', 'theme', 'texts', 0),
            ('--country', 'country', 'texts', 0),
            ('-c', 'country', 'texts', 0),
            ('--actor', 'actor', 'texts', 0),
            ('-a', 'actor', 'texts', 0),
            ('--since', 'since', 'text', 0),
            ('--until', 'until', 'text', 0),
            ('--place', 'place', 'texts', 0),
            ('--near', 'near', 'text', 0),
            ('--within', 'within', 'count', 1),
            ('--format', 'fmt', 'format', 0),
            ('-f', 'fmt', 'format', 0),
            ('--heading-level', 'heading_level', 'level', 0),
            ('--no-pager', 'no_pager', 'flag', 0),
            ('--output', 'output', 'text', 0),
            ('-o', 'output', 'text', 0),
        ),
        (),
        (
            ('theme', None),
            ('country', None),
            ('actor', None),
            ('since', None),
            ('until', None),
            ('place', None),
            ('near', None),
            ('within', None),
            ('fmt', None),
            ('heading_level', 1),
            ('no_pager', False),
            ('output', None),
        ),
    ),
}
# END TABLES
# fmt: on


def main() -> None:
    """Write the tables above afresh from the command specifications."""
    import os

    path = os.path.abspath(__file__)
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    with open(path, "w", encoding="utf-8") as out:
        out.write(head + BEGIN + table_source() + END + tail)


if __name__ == "__main__":
    main()


__all__ = ["parse", "plan"]
