"""vrmc graph: the actor network, for Graphviz, Mermaid, Gephi and networkx."""

from __future__ import annotations

from ..core.formats import DATA, DOC, GRAPH, ROWS
from ..core.record import Record
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
            "With --actor: how many steps from the actor the network reaches, in every "
            "format (default 1).",
            "N",
            minimum=1,
        ),
    ),
    gives=frozenset({DOC, DATA, ROWS, GRAPH}),
)


class Params(Record, frozen=True):
    """What `run` reads of the command line (commands.read_params), typed."""

    depth: int | None


def run(call: Call) -> Result:
    from ..analysis import network
    from ..analysis.query import select_relations
    from ..core.doc import Block, Doc, Heading, Para, plain
    from ..views.base import plural
    from ._common import rows_from

    params = call.read(Params)
    corpus, f = call.corpus(), call.filter()
    roots = [a for a in corpus.actors if a in f.actors]
    depth = params.depth
    if depth is not None and not roots:
        from ..core.errors import UsageError

        raise UsageError("--depth counts steps from an actor: give --actor too")
    depth = depth or 1
    if roots:
        # The actors' neighbourhoods to `depth` steps, in every format: the ties among the
        # relations the other filters (countries, dates) keep.
        pool = select_relations(
            corpus,
            type(f)(countries=f.countries, since=f.since, until=f.until, event_days=f.event_days),
        )
        relations = network.reach(roots, pool, depth)
    else:
        relations = select_relations(corpus, f)
    nodes = network.nodes_of(relations)
    notes = () if relations else ("no relations match the filters",)

    def doc() -> Doc:
        title = "Actor network"
        blocks: list[Block] = [
            Heading(1, title),
            Para(plain(f"{plural(len(nodes), 'actor')}, {plural(len(relations), 'relation')}")),
        ]
        if not roots:
            # Every actor with a tie, with the ties it starts; each tie is shown once.
            for actor in nodes:
                outgoing = [r for r in relations if r.source is actor]
                if outgoing:
                    blocks.append(network.neighbourhood(actor, outgoing, 1))
        else:
            for actor in roots:
                blocks.append(network.neighbourhood(actor, relations, depth))
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
