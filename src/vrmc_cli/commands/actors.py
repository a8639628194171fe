"""vrmc actors: people, states and organisations."""

from __future__ import annotations

from ..core.formats import DATA, DOC, ROWS
from . import Call, Result, Spec

SPEC = Spec(
    "actors",
    "People, states and organisations: name, kind, country, seat and current role.\n\n"
    "The current role is the one open at the corpus's as-of date. Dates keep an actor "
    "whose dated roles or events overlap them; actors with neither are kept, and a note "
    "says how many. --place and --near keep the actors seated there (a seat is where a "
    "state or an organisation sits: a capital, a headquarters).",
    ("vrmc actors", "vrmc actors --country russia -f csv", "vrmc actors --since 2019"),
    gives=frozenset({DOC, DATA, ROWS}),
)


def run(call: Call) -> Result:
    from ..analysis.query import actor_name_order, select_actors
    from ..corpus.serialize import entries
    from ..views.actors import actors_doc
    from ..views.base import current_role
    from ._common import csv_columns, none_match, rows_from, undated_note

    corpus, f = call.corpus(), call.filter()
    chosen = select_actors(corpus, f)
    as_of = corpus.topic.as_of if corpus.topic else None

    def rows() -> list[list[object]]:
        objects = [
            {**obj, "current_role": current_role(a, as_of) or None}
            for obj, a in sorted(
                zip(entries("actors", chosen), chosen, strict=True),
                key=lambda pair: actor_name_order(pair[1]),
            )
        ]
        return rows_from(objects, columns, "actors")

    columns = csv_columns("actors", lead=("id", "name", "kind", "country", "current_role"))
    return Result(
        {"actors": chosen},
        lambda: actors_doc(chosen, as_of),
        lambda: {"actors": entries("actors", chosen)},
        columns,
        rows,
        none_match(chosen, len(corpus.actors), "actors") + undated_note(f, chosen, "actor"),
    )
