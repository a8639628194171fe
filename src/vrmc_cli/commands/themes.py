"""vrmc themes: the theme tree with its counts."""

from __future__ import annotations

from ..core.formats import DATA, DOC, ROWS
from . import Call, Result, Spec

SPEC = Spec(
    "themes",
    "The theme tree, with how many events and points each theme (and its subtree) holds.",
    ("vrmc themes", "vrmc themes --country colombia"),
    gives=frozenset({DOC, DATA, ROWS}),
)


def run(call: Call) -> Result:
    from ..analysis.counts import theme_counts
    from ..views.lists import themes_doc
    from ._common import csv_columns, listing, none_match

    corpus = call.corpus()
    counts = theme_counts(corpus, call.filter())
    by_theme = {c.theme: c for c in counts}
    chosen = [c.theme for c in counts]
    return listing(
        "themes",
        chosen,
        lambda: themes_doc(counts),
        "themes",
        csv_columns("themes", last=("description", "events", "points")),
        none_match(chosen, len(corpus.themes), "themes"),
        extra=lambda t: {"events": by_theme[t].events, "points": by_theme[t].points},
    )
