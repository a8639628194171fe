"""vrmc graph: the actor network, for Graphviz, Mermaid, Gephi and networkx."""

from __future__ import annotations

from ..core.formats import DATA, DOC, GRAPH, ROWS
from . import COUNT, Call, Option, Result, Spec

SPEC = Spec(
    "graph",
    "The actor network: who is tied to whom, and how.\n\n"
    "Each relation points from its `from` actor to its `to` actor and reads 'FROM is KIND "
    "of TO' (russia -> supplier -> venezuela: Russia is supplier of Venezuela). With "
    "--actor, the prose formats show each named actor's neighbourhood as a tree; -f dot, "
    "mermaid, graphml and json give the network to other tools.",
    (
        "vrmc graph --actor putin",
        "vrmc graph --actor rosoboronexport --depth 2",
        "vrmc graph -f dot | dot -Tsvg > network.svg",
        "vrmc graph --country colombia -f mermaid",
        "vrmc graph -f graphml > network.graphml",
    ),
    options=(
        Option(
            "depth",
            ("--depth",),
            COUNT,
            "With --actor: how many steps from the actor the tree reaches (default 1).",
            "N",
            minimum=1,
        ),
    ),
    gives=frozenset({DOC, DATA, ROWS, GRAPH}),
)


def run(call: Call) -> Result:
    from ..analysis import network
    from ..analysis.query import select_relations
    from ..core.doc import Block, Doc, Heading, Para, plain
    from ._common import rows_from

    corpus, f = call.corpus(), call.filter()
    relations = select_relations(corpus, f)
    nodes = network.nodes_of(relations)
    depth = call.params["depth"] or 1
    notes = () if relations else ("no relations match the filters",)

    def doc() -> Doc:
        title = "Actor network"
        blocks: list[Block] = [
            Heading(1, title),
            Para(plain(f"{len(nodes)} actors, {len(relations)} relations")),
        ]
        roots = [a for a in corpus.actors if a in f.actors] if f.actors else None
        if roots is None:
            # Every actor with a tie, with the ties it starts; each tie is shown once.
            for actor in nodes:
                outgoing = [r for r in relations if r.source is actor]
                if outgoing:
                    blocks.append(network.neighbourhood(actor, outgoing, 1))
        else:
            pool = select_relations(corpus, type(f)(since=f.since, until=f.until))
            for actor in roots:
                blocks.append(network.neighbourhood(actor, pool, depth))
        return Doc(title, tuple(blocks))

    data = network.graph_data(relations)
    edges: list[dict[str, object]] = data["edges"]  # type: ignore[assignment]
    return Result(
        {"actors": nodes, "relations": relations},
        doc,
        lambda: data,
        network.EDGE_COLUMNS,
        lambda: rows_from(edges, network.EDGE_COLUMNS),
        notes,
    )
