"""The output formats a command can be asked for (--format), and what a format renders of a
command's result: a renderer declares what it needs (render/), a command what it gives
(commands/); --help, the runner's refusals and the tests read both."""

from __future__ import annotations

from enum import Enum


class Format(str, Enum):
    rich = "rich"
    text = "text"
    markdown = "markdown"
    json = "json"
    csv = "csv"
    html = "html"
    docx = "docx"
    csljson = "csljson"
    dot = "dot"
    mermaid = "mermaid"
    graphml = "graphml"


# What of a command's result a format renders (a renderer's `needs`, a command's `gives`):
DOC = "doc"  # the document for people (Result.doc): the prose formats
DATA = "data"  # the data for programs (Result.data): json
ROWS = "rows"  # rows under fixed columns (Result.columns and Result.rows): csv
SOURCES = "sources"  # the sources it relies on (Result.selection["sources"]): csljson
GRAPH = "graph"  # a network of nodes and edges (Result.data): dot, mermaid, graphml
FILE = "file"  # a finished file of its own (Result.file), written whatever --format
NEEDS = {"DOC": DOC, "DATA": DATA, "ROWS": ROWS, "SOURCES": SOURCES, "GRAPH": GRAPH, "FILE": FILE}
