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
    # Options as (spelling, parameter, how read, least value), and (parameter, default).
    Rows = tuple[tuple[str, str, str, int], ...]
    Defaults = tuple[tuple[str, Any], ...]
    # A command's own options and their defaults, its arguments (parameter, required) and
    # the shared options it takes (the names of SHARED's groups, in order).
    Table = tuple[Rows, Defaults, tuple[tuple[str, bool], ...], tuple[str, ...]]

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


def spelled(table: Table) -> tuple[dict[str, tuple[str, str, int]], Defaults]:
    """A command's options by spelling, and every option's default, in the order of
    `Spec.all_options`: its own, then the shared ones it takes but does not override."""
    own, defaults, _, groups = table
    rows, mine = list(own), {row[1] for row in own}
    for group in groups:  # a command's own option wins over a shared one (export's -o)
        shared, shared_defaults = SHARED[group]
        rows += [row for row in shared if row[1] not in mine]
        defaults += tuple(pair for pair in shared_defaults if pair[0] not in mine)
    return {spelling: (name, kind, least) for spelling, name, kind, least in rows}, defaults


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
    options, defaults = spelled(table)
    arguments = table[2]
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


def _options(options: Sequence[Option]) -> Rows:
    return tuple((flag, o.name, o.kind, o.minimum) for o in options for flag in o.flags)


def _rows(options: Sequence[Option], indent: str) -> list[str]:
    """Options' rows, then their defaults, as source lines of two tuples."""
    out = [f"{indent}("]
    out += [f"{indent}    {row!r}," for row in _options(options)]
    out += [f"{indent}),", f"{indent}("]
    out += [f"{indent}    {(o.name, o.default)!r}," for o in options]
    return [*out, f"{indent}),"]


def table_source() -> str:
    """The tables below as source, from the command specifications (commands/): what
    `python -m vrmc_cli.quick` writes, and tests/test_quick.py checks is there."""
    from .commands import FILTER_OPTIONS, GLOBAL_OPTIONS, OUTPUT_OPTIONS, names, spec

    lines = ["GLOBAL: Options = {"]
    lines += [f"    {s!r}: {(n, k, m)!r}," for s, n, k, m in _options(GLOBAL_OPTIONS)]
    lines += ["}", "SHARED: dict[str, tuple[Rows, Defaults]] = {"]
    for group, options in (("filters", FILTER_OPTIONS), ("output", OUTPUT_OPTIONS)):
        lines += [f"    {group!r}: (", *_rows(options, "        "), "    ),"]
    lines += ["}", "COMMANDS: dict[str, Table] = {"]
    for name in names():
        declared = spec(name)
        if declared is None or any(a.many for a in declared.arguments):
            continue  # a list of arguments: Typer's
        arguments = tuple((a.name, a.required) for a in declared.arguments)
        groups = ("filters", "output") if declared.filters else ("output",)
        lines += [f"    {name!r}: (", *_rows(declared.options, "        ")]
        lines += [f"        {arguments!r},", f"        {groups!r},", "    ),"]
    lines.append("}")
    return "\n".join(lines) + "\n"


BEGIN = "# BEGIN TABLES: generated by `python -m vrmc_cli.quick` from commands/; do not edit\n"
END = "# END TABLES\n"

# The group's options, the options commands share, and each command's own options, arguments
# and defaults, as literals: the quick path reads a command line before any command module
# is imported, and builds nothing to read it but a dictionary of one command's options.
# Commands that take a list of arguments are not here: Typer reads them.
# fmt: off
# BEGIN TABLES: generated by `python -m vrmc_cli.quick` from commands/; do not edit
GLOBAL: Options = {
    '--briefings': ('briefings', 'texts', 0),
    '-b': ('briefings', 'texts', 0),
    '--no-cache': ('no_cache', 'flag', 0),
    '--debug': ('debug', 'flag', 0),
}
SHARED: dict[str, tuple[Rows, Defaults]] = {
    'filters': (
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
        ),
        (
            ('theme', None),
            ('country', None),
            ('actor', None),
            ('since', None),
            ('until', None),
            ('place', None),
            ('near', None),
            ('within', None),
        ),
    ),
    'output': (
        (
            ('--format', 'fmt', 'format', 0),
            ('-f', 'fmt', 'format', 0),
            ('--heading-level', 'heading_level', 'level', 0),
            ('--no-pager', 'no_pager', 'flag', 0),
            ('--output', 'output', 'text', 0),
            ('-o', 'output', 'text', 0),
        ),
        (
            ('fmt', None),
            ('heading_level', 1),
            ('no_pager', False),
            ('output', None),
        ),
    ),
}
COMMANDS: dict[str, Table] = {
    'ach': (
        (
            ('--notes', 'notes', 'flag', 0),
        ),
        (
            ('notes', False),
        ),
        (('question', False),),
        ('filters', 'output'),
    ),
    'actor': (
        (
        ),
        (
        ),
        (('name', True),),
        ('filters', 'output'),
    ),
    'actors': (
        (
        ),
        (
        ),
        (),
        ('filters', 'output'),
    ),
    'brief': (
        (
            ('--citations', 'citations', 'text', 0),
        ),
        (
            ('citations', None),
        ),
        (('briefing', False),),
        ('filters', 'output'),
    ),
    'chart': (
        (
            ('--by', 'by', 'text', 0),
            ('--split', 'split', 'flag', 0),
        ),
        (
            ('by', None),
            ('split', False),
        ),
        (('what', True),),
        ('filters', 'output'),
    ),
    'countries': (
        (
        ),
        (
        ),
        (),
        ('filters', 'output'),
    ),
    'diff': (
        (
        ),
        (
        ),
        (('old', True), ('new', False)),
        ('output',),
    ),
    'export': (
        (
            ('--output', 'output', 'text', 0),
            ('-o', 'output', 'text', 0),
        ),
        (
            ('output', None),
        ),
        (('export_format', True),),
        ('filters', 'output'),
    ),
    'graph': (
        (
            ('--depth', 'depth', 'count', 1),
        ),
        (
            ('depth', None),
        ),
        (),
        ('filters', 'output'),
    ),
    'import': (
        (
            ('--into', 'into', 'text', 0),
            ('--dry-run', 'dry_run', 'flag', 0),
            ('--map', 'map', 'texts', 0),
            ('--layout', 'layout', 'text', 0),
            ('--checked', 'checked', 'flag', 0),
        ),
        (
            ('into', None),
            ('dry_run', False),
            ('map', None),
            ('layout', None),
            ('checked', False),
        ),
        (('import_format', True), ('file', True)),
        ('output',),
    ),
    'init': (
        (
        ),
        (
        ),
        (('directory', True),),
        ('output',),
    ),
    'judgments': (
        (
            ('--sort', 'sort', 'text', 0),
            ('-s', 'sort', 'text', 0),
        ),
        (
            ('sort', None),
        ),
        (),
        ('filters', 'output'),
    ),
    'map': (
        (
        ),
        (
        ),
        (),
        ('filters', 'output'),
    ),
    'report': (
        (
            ('--sections', 'sections', 'text', 0),
            ('--edition', 'edition', 'text', 0),
            ('--ids', 'ids', 'flag', 0),
            ('--citations', 'citations', 'text', 0),
            ('--cite', 'cite', 'flag', 0),
        ),
        (
            ('sections', None),
            ('edition', None),
            ('ids', False),
            ('citations', None),
            ('cite', False),
        ),
        (),
        ('filters', 'output'),
    ),
    'scenarios': (
        (
        ),
        (
        ),
        (),
        ('filters', 'output'),
    ),
    'schema': (
        (
        ),
        (
        ),
        (),
        ('output',),
    ),
    'search': (
        (
            ('--kind', 'kind', 'texts', 0),
            ('-k', 'kind', 'texts', 0),
        ),
        (
            ('kind', None),
        ),
        (('text', True),),
        ('filters', 'output'),
    ),
    'sources': (
        (
        ),
        (
        ),
        (),
        ('filters', 'output'),
    ),
    'themes': (
        (
        ),
        (
        ),
        (),
        ('filters', 'output'),
    ),
    'timeline': (
        (
            ('--short', 'short', 'flag', 0),
            ('--reverse', 'reverse', 'flag', 0),
            ('--limit', 'limit', 'count', 1),
            ('-n', 'limit', 'count', 1),
        ),
        (
            ('short', False),
            ('reverse', False),
            ('limit', None),
        ),
        (),
        ('filters', 'output'),
    ),
    'transfers': (
        (
            ('--category', 'category', 'texts', 0),
        ),
        (
            ('category', None),
        ),
        (),
        ('filters', 'output'),
    ),
    'watch': (
        (
        ),
        (
        ),
        (),
        ('filters', 'output'),
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
