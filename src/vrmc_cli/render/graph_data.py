"""What the graph formats (dot, mermaid, graphml) share: the nodes and edges of a result,
or a usage error for a command that has no network to show."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..core.formats import Format

if TYPE_CHECKING:
    from ..commands import Result


def graph_of(result: Result, fmt: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    data = result.data()
    if set(data) != {"nodes", "edges"}:
        from . import unavailable

        raise unavailable(Format(fmt))
    return data["nodes"], data["edges"]


def edge_span(edge: dict[str, Any]) -> str:
    """` (2005-03-10 – now)` for an edge with dates (as JSON writes them), else nothing."""
    if not (edge["since"] or edge["until"]):
        return ""
    return f" ({edge['since'] or '…'} – {edge['until'] or 'now'})"
