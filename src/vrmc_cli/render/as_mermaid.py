"""Mermaid flowchart for `vrmc graph` (GitHub and Markdown tools draw it).

Node ids are generated (`n0`, `n1`…): Mermaid reserves words such as `end` and reads
punctuation in ids. Labels are quoted and every character outside a small safe set is
written as a Mermaid entity code (`#35;`), so no label can close its quotes, start a
comment or become Markdown."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..analysis.network import phrase
from ..core.formats import GRAPH
from ..core.textsafe import visible
from . import Renderer
from .graph_data import edge_span, graph_of

if TYPE_CHECKING:
    from ..commands import Result
    from . import Options

DECLARED = Renderer(GRAPH, "a Mermaid flowchart", (".mmd",))


_UNSAFE = re.compile(r"[^\w ,.:/'()\-–…]|_")


def label(text: str) -> str:
    flat = visible(text, one_line=True)
    return '"' + _UNSAFE.sub(lambda m: f"#{ord(m.group())};", flat) + '"'


def render(result: Result, options: Options) -> str:
    nodes, edges = graph_of(result, "mermaid")
    key = {n["id"]: f"n{i}" for i, n in enumerate(nodes)}
    lines = ["flowchart LR"]
    for n in nodes:
        text = n["name"] + (f" ({n['country']})" if n["country"] else "")
        lines.append(f"  {key[n['id']]}[{label(text)}]")
    for e in edges:
        text = phrase(e["kind"]) + edge_span(e)
        lines.append(f"  {key[e['from']]} -->|{label(text)}| {key[e['to']]}")
    return "\n".join(lines) + "\n"
