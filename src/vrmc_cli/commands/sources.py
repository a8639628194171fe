"""vrmc sources: the sources and how often each is cited."""

from __future__ import annotations

from ..core.formats import DATA, DOC, ROWS, SOURCES
from . import Call, Result, Spec

SPEC = Spec(
    "sources",
    "Sources with their reliability and how many items cite each.\n\n"
    "With filters: only the sources cited by the events, points and transfers that match.",
    ("vrmc sources", "vrmc sources --country colombia -f csv"),
    gives=frozenset({DOC, DATA, ROWS, SOURCES}),
)


def run(call: Call) -> Result:
    from ..analysis.counts import source_counts
    from ..analysis.query import all_points, select_events, select_transfers
    from ..views.lists import sources_doc
    from ._common import csv_columns, listing, none_match

    corpus, f = call.corpus(), call.filter()
    counts = source_counts(corpus)
    if f.active:
        keep = {id(s) for e in select_events(corpus, f) for s in e.sources}
        keep.update(id(s) for _, p in all_points(corpus) if f.point_ok(p) for s in p.sources)
        keep.update(id(s) for t in select_transfers(corpus, f) for s in t.sources)
        counts = [c for c in counts if id(c.source) in keep]
    cited = {id(c.source): c.citations for c in counts}
    chosen = [c.source for c in counts]
    return listing(
        "sources",
        chosen,
        lambda: sources_doc(counts),
        "sources",
        csv_columns("sources", last=("citations",), leave_out=("archive_url",)),
        none_match(chosen, len(corpus.sources), "sources"),
        extra=lambda s: {"citations": cited[id(s)]},
    )
