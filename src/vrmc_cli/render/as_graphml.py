"""GraphML for `vrmc graph` (Gephi, yEd, networkx): a directed graph whose nodes carry
name, kind and country and whose edges carry kind, span and how they read."""

from __future__ import annotations

from typing import TYPE_CHECKING
from xml.sax.saxutils import quoteattr

from ..core.formats import GRAPH
from ..core.textsafe import visible
from . import Renderer
from .graph_data import graph_of

if TYPE_CHECKING:
    from ..commands import Result
    from . import Options

DECLARED = Renderer(GRAPH, "GraphML", (".graphml",))


NODE_KEYS = ("name", "kind", "country")
EDGE_KEYS = ("kind", "since", "until", "reads")


def attr(text: str) -> str:
    return quoteattr(visible(text, one_line=True))


def data(text: str) -> str:
    return attr(text)[1:-1]


def render(result: Result, options: Options) -> str:
    nodes, edges = graph_of(result, "graphml")
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ]
    lines += [
        f'  <key id="n_{k}" for="node" attr.name="{k}" attr.type="string"/>' for k in NODE_KEYS
    ]
    lines += [
        f'  <key id="e_{k}" for="edge" attr.name="{k}" attr.type="string"/>' for k in EDGE_KEYS
    ]
    lines.append('  <graph id="actors" edgedefault="directed">')
    for n in nodes:
        values = "".join(
            f'<data key="n_{k}">{data(n[k])}</data>' for k in NODE_KEYS if n[k] is not None
        )
        lines.append(f"    <node id={attr(n['id'])}>{values}</node>")
    for i, e in enumerate(edges):
        values = "".join(
            f'<data key="e_{k}">{data(e[k])}</data>' for k in EDGE_KEYS if e[k] is not None
        )
        lines.append(
            f'    <edge id="e{i}" source={attr(e["from"])} target={attr(e["to"])}>{values}</edge>'
        )
    lines += ["  </graph>", "</graphml>"]
    return "\n".join(lines) + "\n"
