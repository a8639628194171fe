"""Graphviz DOT for `vrmc graph`: a directed graph, every id and label a quoted string."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..analysis.network import phrase
from ..core.formats import GRAPH
from ..core.textsafe import visible
from . import Renderer
from .graph_data import edge_span, graph_of

if TYPE_CHECKING:
    from ..commands import Result
    from . import Options

DECLARED = Renderer(GRAPH, "a Graphviz DOT graph", (".dot", ".gv"))


# Node shapes by actor kind, so the picture says what each node is without colour.
SHAPES = {
    "person": "ellipse",
    "state": "box",
    "organization": "hexagon",
    "company": "component",
    "military": "octagon",
    "international-body": "doubleoctagon",
}


def quote(text: str) -> str:
    """A DOT quoted string: backslashes and double quotes escaped (so `\\n` and friends in
    data stay literal), `&` written `&amp;` (Graphviz reads `&amp;`, `&lt;`... in a string as
    the character they name, so a name holding `&amp;` would be drawn as `&`), control and
    invisible characters made visible."""
    flat = visible(text, one_line=True).replace("&", "&amp;")
    return '"' + flat.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render(result: Result, options: Options) -> str:
    nodes, edges = graph_of(result, "dot")
    lines = ["digraph actors {", "  rankdir=LR;", '  node [fontname="Helvetica"];']
    for n in nodes:
        label = n["name"] + (f" ({n['country']})" if n["country"] else "")
        lines.append(
            f"  {quote(n['id'])} [label={quote(label)}, shape={SHAPES.get(n['kind'], 'ellipse')}, "
            f"tooltip={quote(n['kind'])}];"
        )
    for e in edges:
        text = phrase(e["kind"]) + edge_span(e)
        lines.append(f"  {quote(e['from'])} -> {quote(e['to'])} [label={quote(text)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"
