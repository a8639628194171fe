"""The commands: one module each, declaring its specification once and running it.

A command module exports `SPEC` (its name, help, examples, own options and arguments, as
plain records) and `run(call) -> Result`. cli.py builds the Typer app from the
specifications, quick.py parses the common command lines from the same ones, and runner.py
calls `run`. Adding a command is adding its module. This module imports nothing heavy: the
quick path reads a specification before anything else is loaded.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping, Sequence
from types import ModuleType

from ..core.formats import DATA, DOC
from ..core.record import Record

# Not `typing.TYPE_CHECKING`: a warm run does not import typing (docs/performance.md); type
# checkers treat any `TYPE_CHECKING` as true.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Protocol, TypeVar

    from ..analysis.query import Filter
    from ..core.doc import Doc
    from ..corpus.model import Corpus

# How an option's value is read: a flag (no value, True when given), one text (the last one
# given wins), texts (each one kept, in order), a format name, a heading level (1 to 6), a
# count (a whole number from `minimum` up).
FLAG, TEXT, TEXTS, FORMAT, LEVEL, COUNT = "flag", "text", "texts", "format", "level", "count"


class Option(Record, frozen=True):
    """A command-line option: its parameter name, spellings, how it is read and its help."""

    name: str
    flags: tuple[str, ...]
    kind: str
    help: str
    metavar: str | None = None
    complete: str | None = None  # what shell completion offers: "actor", "theme", ...
    minimum: int = 0  # for COUNT
    # A fixed set of values: checked (and spelled as here) before the command runs, one
    # did-you-mean for all (`checked`, core/choice.py); `noun` names a value in messages.
    choices: tuple[str, ...] = ()
    noun: str = ""

    @property
    def default(self) -> Any:
        """What a run receives when the option is not given."""
        return {FLAG: False, LEVEL: 1}.get(self.kind)


class Argument(Record, frozen=True):
    """A positional argument."""

    name: str
    metavar: str
    help: str
    required: bool = True
    many: bool = False  # any number of values
    complete: str | None = None
    choices: tuple[str, ...] = ()  # a fixed set of values, as for Option
    noun: str = ""


class Spec(Record, frozen=True):
    """A command: its name, help (first line a summary), examples, options and arguments."""

    name: str
    help: str
    examples: tuple[str, ...]
    options: tuple[Option, ...] = ()
    arguments: tuple[Argument, ...] = ()
    filters: bool = True  # takes the shared filter options
    # What its Result gives (core.formats: DOC, DATA, ROWS, SOURCES, GRAPH, FILE): the
    # formats whose renderers need one of these serve it (render.formats_for).
    gives: frozenset[str] = frozenset({DOC, DATA})

    @property
    def all_options(self) -> tuple[Option, ...]:
        """Its own options, then the shared ones it takes."""
        shared = (*FILTER_OPTIONS, *OUTPUT_OPTIONS) if self.filters else OUTPUT_OPTIONS
        own = {o.name for o in self.options}  # a command's own option wins (export's -o)
        return (*self.options, *(o for o in shared if o.name not in own))


# The group's options, before the command name.
GLOBAL_OPTIONS: tuple[Option, ...] = (
    Option(
        "briefings",
        ("--briefings", "-b"),
        TEXTS,
        "A corpus folder (repeat to merge several). Default: $VRMC_BRIEFINGS "
        "(os.pathsep-separated), else the bundled corpus.",
        metavar="DIR",
    ),
    Option(
        "no_cache",
        ("--no-cache",),
        FLAG,
        "Parse every file; neither read nor write the cache (also VRMC_NO_CACHE=1).",
    ),
    Option(
        "debug", ("--debug",), FLAG, "Show a traceback for internal errors (also VRMC_DEBUG=1)."
    ),
)

FILTER_OPTIONS: tuple[Option, ...] = (
    Option(
        "theme",
        ("--theme", "-t"),
        TEXTS,
        "Keep items tagged with this theme or any theme below it: id, title or their start"
        " (repeat: any of them).",
        metavar="THEME",
        complete="theme",
    ),
    Option(
        "country",
        ("--country", "-c"),
        TEXTS,
        "Keep items about this country: code, name or alias, any case or accents (repeat: any"
        " of them). An item's actors count too.",
        metavar="COUNTRY",
        complete="country",
    ),
    Option(
        "actor",
        ("--actor", "-a"),
        TEXTS,
        "Keep items naming this actor: id, name, alias, surname or their start, any case or"
        " accents (repeat: any of them).",
        metavar="ACTOR",
        complete="actor",
    ),
    Option(
        "since",
        ("--since",),
        TEXT,
        "Keep items whose dates reach DATE or later (YYYY, YYYY-MM or YYYY-MM-DD).",
        metavar="DATE",
    ),
    Option(
        "until",
        ("--until",),
        TEXT,
        "Keep items whose dates reach back to DATE or earlier.",
        metavar="DATE",
    ),
    Option(
        "place",
        ("--place",),
        TEXTS,
        "Keep events and transfers at this place: id, name or alias (repeat: any of them).",
        metavar="PLACE",
        complete="place",
    ),
    Option(
        "near",
        ("--near",),
        TEXT,
        "Keep events and transfers at a place within --within KM of PLACE (a place, or LAT,LON).",
        metavar="PLACE",
        complete="place",
    ),
    Option(
        "within",
        ("--within",),
        COUNT,
        "With --near: the distance in kilometres (default 25).",
        metavar="KM",
        minimum=1,
    ),
)

OUTPUT_OPTIONS: tuple[Option, ...] = (
    Option(
        "fmt",
        ("--format", "-f"),
        FORMAT,
        "Output format: rich, text, markdown, json, csv, html, docx, csljson, dot, mermaid "
        "or graphml. Default: rich on a terminal, text otherwise.",
        "FORMAT",
    ),
    Option(
        "heading_level",
        ("--heading-level",),
        LEVEL,
        "With --format markdown: the level of the top heading, to nest the output in a "
        "larger document.",
        metavar="N",
    ),
    Option("no_pager", ("--no-pager",), FLAG, "Never pipe long terminal output through a pager."),
    Option(
        "output",
        ("--output", "-o"),
        TEXT,
        "Write to FILE instead of standard output (needed for --format docx on a terminal).",
        metavar="FILE",
    ),
)

# How a report or briefing cites its sources (--citations).
CITATION_STYLES = ("numbers", "pandoc", "none")
CITATIONS = Option(
    "citations",
    ("--citations",),
    TEXT,
    "How points cite their sources: numbers ([1, 4] linked to the numbered Sources list; "
    "the default), pandoc ([@id; @id2] for pandoc --citeproc, Markdown only) or none.",
    metavar="STYLE",
)


def _import(name: str) -> ModuleType:
    """`importlib.import_module(name)` for a module of vrmc, without importing importlib
    (and the warnings module it imports): a warm run needs neither."""
    __import__(name)
    return sys.modules[name]


def citation_style(params: Mapping[str, Any]) -> str:
    """The --citations value, checked: a usage error names the styles there are."""
    from ..core.choice import choose
    from ..core.errors import UsageError
    from ..core.formats import Format

    style = choose("citation style", params.get("citations") or "numbers", CITATION_STYLES)
    fmt = params.get("fmt")
    output = str(params.get("output") or "")
    if fmt is None and output.lower().endswith((".md", ".markdown")):
        fmt = Format.markdown  # -o FILE.md picks Markdown (runner.py)
    if style == "pandoc" and fmt is not Format.markdown:
        raise UsageError("--citations pandoc is for --format markdown")
    return style


FORMAT_ENV = "VRMC_FORMAT"


class Listed(Record, frozen=True):
    """A list of entries of `corpus` of one kind (the name of one of its lists, `events`),
    each written as serialize.entry writes it, under `key`."""

    corpus: Corpus
    kind: str
    key: str
    items: Sequence[Any]


class Result(Record):
    """What a command selected, and its forms: a document for people, data for programs,
    rows for CSV (all three derived from `selection`), notes for stderr and the exit status.
    Each form is built only if it is the one asked for."""

    selection: Mapping[str, Sequence[Any]]  # kind -> the entries shown, in order
    doc: Callable[[], Doc]
    data: Callable[[], dict[str, Any]]
    columns: Sequence[str] = ()
    rows: Callable[[], list[list[object]]] | None = None
    notes: tuple[str, ...] = ()
    status: int = 0
    # A finished file (an export): written as is, whatever --format, to `target` (a path) or
    # to stdout; `binary` output is never written to a terminal.
    file: Callable[[], bytes] | None = None
    target: str | None = None
    binary: bool = False
    # When `data` is `{key: [each entry's JSON object]}`: what it lists, so that the JSON
    # renderer can use the entries' JSON text kept in the cache (corpus/derived.py).
    listed: Listed | None = None


if TYPE_CHECKING:
    P = TypeVar("P")

    class Call(Protocol):
        """One run of a command, as `run` sees it: its parameters, and the corpus and filter
        (loaded and resolved when first asked for)."""

        @property
        def params(self) -> Mapping[str, Any]: ...

        def corpus(self) -> Corpus: ...

        def filter(self) -> Filter: ...

        def load(self, roots: Sequence[str]) -> Corpus: ...

        def roots(self) -> Sequence[str]: ...

        @property
        def use_cache(self) -> bool: ...

        def read(self, kind: type[P]) -> P:
            """The command's parameters as its typed record (`read_params`)."""
            ...
else:
    Call = object  # a Protocol for the type checker; the commands import its name


def read_params(kind: type[P], params: Mapping[str, Any]) -> P:
    """A command's typed parameters: its `Params` record, each field read by name from what
    the command line gave (tests/test_meta.py checks every field names a parameter)."""
    fields: tuple[str, ...] = getattr(kind, "__record_fields__", ())
    return kind(**{name: params[name] for name in fields})


def checked(declared: Spec, params: Mapping[str, Any]) -> dict[str, Any]:
    """`params` with every value of a fixed set (an option's or argument's `choices`)
    checked and spelled as the set spells it: the one check of such values."""
    out = dict(params)
    items: tuple[Argument | Option, ...] = (*declared.arguments, *declared.all_options)
    for item in items:
        value = out.get(item.name)
        if not item.choices or value is None:
            continue
        from ..core.choice import choose  # here: most command lines have no such value

        what = item.noun or item.name
        if isinstance(value, (list, tuple)):
            out[item.name] = [choose(what, v, item.choices) for v in value]
        else:
            out[item.name] = choose(what, str(value), item.choices)
    return out


def names() -> list[str]:
    """Every command's name: the modules of this package, in alphabetical order."""
    here = os.path.dirname(__file__)
    found = [
        n[:-3].removesuffix("_")  # import_.py: a command named after a Python keyword
        for n in os.listdir(here)
        if n.endswith(".py") and not n.startswith("_") and n[:-3].isidentifier()
    ]
    return sorted(found)


def module(name: str) -> ModuleType | None:
    """The module of the command called `name`, or None when there is none."""
    if name not in names():
        return None
    from keyword import iskeyword

    return _import(f"{__name__}.{name}_" if iskeyword(name) else f"{__name__}.{name}")


def spec(name: str) -> Spec | None:
    found = module(name)
    if found is None:
        return None
    declared: Spec = found.SPEC
    return declared


def filter_of(corpus: Corpus, params: Mapping[str, Any]) -> Filter:
    """The filter the shared filter options ask for, resolved against the corpus."""
    from ..analysis.query import build_filter

    return build_filter(
        corpus,
        themes=tuple(params.get("theme") or ()),
        countries=tuple(params.get("country") or ()),
        actors=tuple(params.get("actor") or ()),
        since=params.get("since"),
        until=params.get("until"),
        places=tuple(params.get("place") or ()),
        near=params.get("near"),
        within=params.get("within"),
    )


class _Given:
    """A Call over a corpus already loaded (see `invoke`)."""

    def __init__(self, corpus: Corpus, params: Mapping[str, Any]) -> None:
        self.params = params
        self._corpus = corpus

    def corpus(self) -> Corpus:
        return self._corpus

    def filter(self) -> Filter:
        return filter_of(self._corpus, self.params)

    def load(self, roots: Sequence[str]) -> Corpus:
        from ..corpus.roots import load_corpus

        return load_corpus(roots, use_cache=False)

    def roots(self) -> Sequence[str]:
        from ..core.errors import UsageError

        raise UsageError("this command needs the corpus folders; run it from the command line")

    use_cache = False

    def read(self, kind: type[P]) -> P:
        return read_params(kind, self.params)


def invoke(command: str, corpus: Corpus, /, **params: Any) -> Result:
    """Run `command` on `corpus` in this process: what the command line does without
    parsing or writing. Parameters not given take their defaults."""
    found = module(command)
    if found is None:
        raise ValueError(f"no command {command!r}")
    declared: Spec = found.SPEC
    full = {o.name: o.default for o in declared.all_options}
    full.update({a.name: None for a in declared.arguments})
    full.update(params)
    result: Result = found.run(_Given(corpus, checked(declared, full)))
    return result
