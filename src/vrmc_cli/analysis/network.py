"""The actor network: relations as directed edges between actors, read as prose, as data
and as a neighbourhood tree.

A relation points from its `from` actor to its `to` actor, and reads "FROM is KIND of TO"
(docs/format.md): `russia → supplier → venezuela` is "Russia is supplier of Venezuela".
"""

from __future__ import annotations

from collections.abc import Sequence

from ..core.doc import Node, Span, Tree
from ..corpus.model import Actor, Relation

JSONObject = dict[str, object]

# Kinds that already end in their preposition: "sanctioned-by", "subsidiary-of".
_PREPOSITIONS = frozenset({"of", "by", "to", "with", "from", "for", "in", "on", "at"})


def phrase(kind: str) -> str:
    """How a relation kind reads between its two actors: `supplier` -> "supplier of",
    `sanctioned-by` -> "sanctioned by", `strategic-partner` -> "strategic partner of"."""
    words = kind.replace("-", " ").replace("_", " ").split()
    if words and words[-1] in _PREPOSITIONS:
        return " ".join(words)
    return " ".join([*words, "of"])


def span_text(r: Relation) -> str:
    """`2006 – now`, `… – 2013`, or "" when the relation has no dates."""
    if not (r.since or r.until):
        return ""
    return f"{r.since.human() if r.since else '…'} – {r.until.human() if r.until else 'now'}"


def nodes_of(relations: Sequence[Relation]) -> list[Actor]:
    """The actors the relations join, by id."""
    found = {a.id: a for r in relations for a in (r.source, r.target)}
    return [found[k] for k in sorted(found)]


def graph_data(relations: Sequence[Relation]) -> JSONObject:
    """`{"nodes": [...], "edges": [...]}`: nodes with kind and country, edges with the
    relation kind, direction (from → to) and span."""
    return {
        "nodes": [
            {
                "id": a.id,
                "name": a.name,
                "kind": a.kind,
                "country": a.country.code if a.country else None,
            }
            for a in nodes_of(relations)
        ],
        "edges": [
            {
                "from": r.source.id,
                "to": r.target.id,
                "kind": r.kind,
                "directed": True,
                "reads": f"{r.source.name} is {phrase(r.kind)} {r.target.name}",
                "since": str(r.since) if r.since else None,
                "until": str(r.until) if r.until else None,
            }
            for r in relations
        ],
    }


EDGE_COLUMNS = ("from", "to", "kind", "since", "until", "reads")


def _edge(r: Relation, actor: Actor) -> tuple[Actor, tuple[Span, ...]]:
    """The other end of `r` seen from `actor`, and the line that says how they are tied."""
    when = span_text(r)
    tail = (Span(f" ({when})", "muted"),) if when else ()
    spans: tuple[Span, ...]
    if r.source is actor:
        other = r.target
        spans = (Span(f"→ is {phrase(r.kind)} ", "muted"), Span(other.name, "strong"))
    else:
        other = r.source
        spans = (
            Span("← ", "muted"),
            Span(other.name, "strong"),
            Span(f" is {phrase(r.kind)} {actor.name}", "muted"),
        )
    return other, (*spans, Span(" "), Span(other.id, "code"), *tail)


def _touching(relations: Sequence[Relation]) -> dict[str, list[Relation]]:
    touching: dict[str, list[Relation]] = {}
    for r in relations:
        touching.setdefault(r.source.id, []).append(r)
        if r.target is not r.source:
            touching.setdefault(r.target.id, []).append(r)
    return touching


def _distances(
    actor: Actor, touching: dict[str, list[Relation]]
) -> tuple[dict[str, int], dict[str, str]]:
    """Steps from `actor` to every actor it reaches (breadth first), and the actor each was
    first reached from (its parent in the tree)."""
    steps = {actor.id: 0}
    parent: dict[str, str] = {}
    queue = [actor]
    for who in queue:
        for r in touching.get(who.id, []):
            other = r.target if r.source is who else r.source
            if other.id not in steps:
                steps[other.id] = steps[who.id] + 1
                parent[other.id] = who.id
                queue.append(other)
    return steps, parent


def reach(roots: Sequence[Actor], relations: Sequence[Relation], depth: int) -> list[Relation]:
    """The relations `neighbourhood` shows for each root: those with an end fewer than
    `depth` steps from a root. In the order of `relations`."""
    touching = _touching(relations)
    near: set[str] = set()
    for actor in roots:
        steps, _ = _distances(actor, touching)
        near.update(k for k, n in steps.items() if n < depth)
    return [r for r in relations if r.source.id in near or r.target.id in near]


def neighbourhood(actor: Actor, relations: Sequence[Relation], depth: int = 1) -> Tree:
    """`actor` at the root, each actor tied to it below, and so on to `depth` steps: every
    relation with an end fewer than `depth` steps away (`reach`), each shown once. An actor
    is expanded once, under the tie it was first reached by (the network has cycles)."""
    touching = _touching(relations)
    steps, parent = _distances(actor, touching)
    shown: set[int] = set()  # relations already in the tree, by identity

    def below(who: Actor) -> tuple[Node, ...]:
        nodes = []
        fresh_ties = [r for r in touching.get(who.id, []) if id(r) not in shown]
        shown.update(id(r) for r in fresh_ties)
        for r in fresh_ties:
            other, spans = _edge(r, who)
            deeper: tuple[Node, ...] = ()
            if parent.get(other.id) == who.id and steps[other.id] < depth:
                deeper = below(other)
            nodes.append(Node(spans, deeper))
        return tuple(nodes)

    root = (Span(actor.name, "strong"), Span(" "), Span(actor.id, "code"))
    return Tree(root, below(actor))
