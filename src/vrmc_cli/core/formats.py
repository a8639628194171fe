"""The output formats a command can be asked for (--format), and what a format renders of a
command's result: a renderer declares what it needs (render/), a command what it gives
(commands/); --help, the runner's refusals and the tests read both."""

from __future__ import annotations

# Not `typing.TYPE_CHECKING`: a warm run imports neither typing nor enum (docs/performance.md);
# type checkers treat any `TYPE_CHECKING` as true.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import ClassVar

# The formats, in the order --help and the tests list them.
NAMES = (
    "rich",
    "text",
    "markdown",
    "json",
    "csv",
    "html",
    "docx",
    "csljson",
    "dot",
    "mermaid",
    "graphml",
)


class _Formats(type):
    """Format's class: iterating it gives every format in order, as iterating an Enum does."""

    _ALL: tuple[Format, ...]

    def __iter__(cls) -> Iterator[Format]:
        return iter(cls._ALL)

    def __len__(cls) -> int:
        return len(cls._ALL)


class Format(str, metaclass=_Formats):
    """An output format: a `str` equal to its name, one object per format (`Format("json")
    is Format.json`), with an Enum's `value`, `name` and repr. Not an Enum: importing `enum`
    costs a warm run more than its query (cli.py gives Typer an Enum of the same names)."""

    __slots__ = ()

    rich: ClassVar[Format]
    text: ClassVar[Format]
    markdown: ClassVar[Format]
    json: ClassVar[Format]
    csv: ClassVar[Format]
    html: ClassVar[Format]
    docx: ClassVar[Format]
    csljson: ClassVar[Format]
    dot: ClassVar[Format]
    mermaid: ClassVar[Format]
    graphml: ClassVar[Format]

    def __new__(cls, value: str) -> Format:
        for known in cls._ALL:
            if known == value:
                return known
        raise ValueError(f"{value!r} is not a valid Format")

    @property
    def value(self) -> str:
        return str.__str__(self)

    @property
    def name(self) -> str:
        return str.__str__(self)

    def __str__(self) -> str:  # as the Enum printed it
        return f"Format.{self.value}"

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __repr__(self) -> str:
        return f"<Format.{self.value}: {self.value!r}>"

    def __reduce__(self) -> tuple[type[Format], tuple[str]]:
        return Format, (self.value,)


Format._ALL = tuple(str.__new__(Format, name) for name in NAMES)
for _format in Format._ALL:
    setattr(Format, _format.value, _format)


# What of a command's result a format renders (a renderer's `needs`, a command's `gives`):
DOC = "doc"  # the document for people (Result.doc): the prose formats
DATA = "data"  # the data for programs (Result.data): json
ROWS = "rows"  # rows under fixed columns (Result.columns and Result.rows): csv
SOURCES = "sources"  # the sources it relies on (Result.selection["sources"]): csljson
GRAPH = "graph"  # a network of nodes and edges (Result.data): dot, mermaid, graphml
FILE = "file"  # a finished file of its own (Result.file), written whatever --format
NEEDS = {"DOC": DOC, "DATA": DATA, "ROWS": ROWS, "SOURCES": SOURCES, "GRAPH": GRAPH, "FILE": FILE}
