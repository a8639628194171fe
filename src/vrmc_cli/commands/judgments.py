"""vrmc judgments: every key judgment of every briefing in one list."""

from __future__ import annotations

from ..core.formats import DATA, DOC, ROWS
from ..core.record import Record
from . import TEXT, Call, Option, Result, Spec

SORTS = ("briefing", "likelihood", "confidence")

SPEC = Spec(
    "judgments",
    "Every key judgment of every briefing: likelihood, confidence and the events it rests on.",
    (
        "vrmc judgments",
        "vrmc judgments --sort likelihood --country cuba",
        "vrmc judgments --sort confidence -f csv",
    ),
    options=(
        Option(
            "sort",
            ("--sort", "-s"),
            TEXT,
            "Order: briefing (corpus order, the default), likelihood (most likely first) or "
            "confidence (highest first); ties keep corpus order.",
            metavar="ORDER",
            choices=SORTS,
            noun="order",
        ),
    ),
    gives=frozenset({DOC, DATA, ROWS}),
)


class Params(Record, frozen=True):
    """What `run` reads of the command line (commands.read_params), typed."""

    sort: str | None


COLUMNS = (
    "briefing",
    "number",
    "text",
    "likelihood",
    "confidence",
    "basis",
    "basis_dates",
    "basis_titles",
    "origins",
    "origin_ids",
)


def run(call: Call) -> Result:
    from ..analysis.query import select_briefings
    from ..corpus.model import CONFIDENCES, LIKELIHOODS
    from ..corpus.serialize import entry
    from ..views.living import judgments_doc
    from ._common import none_match

    params = call.read(Params)
    sort = params.sort or "briefing"  # one of SORTS (commands.checked)
    corpus = call.corpus()
    # (briefing, number in its briefing, judgment), in corpus order
    found = [
        (v.briefing, v.briefing.key_judgments.index(j) + 1, j)
        for v in select_briefings(corpus, call.filter())
        for j in v.key_judgments
    ]
    if sort == "likelihood":
        found.sort(key=lambda t: -LIKELIHOODS.index(t[2].likelihood) if t[2].likelihood else 1)
    elif sort == "confidence":
        found.sort(key=lambda t: -CONFIDENCES.index(t[2].confidence) if t[2].confidence else 1)
    total = sum(len(b.key_judgments) for b in corpus.briefings)

    def objects() -> list[dict[str, object]]:
        return [
            {
                "briefing": b.id,
                "briefing_title": b.title,
                "number": n,
                **entry("judgment", j),
                "basis_events": [
                    {"id": e.id, "date": str(e.date), "title": e.title} for e in j.basis
                ],
            }
            for b, n, j in found
        ]

    from ..analysis.provenance import item_origins

    def rows() -> list[list[object]]:
        return [
            [
                b.id,
                n,
                j.text,
                j.likelihood,
                j.confidence,
                [e.id for e in j.basis],
                [str(e.date) for e in j.basis],
                [e.title for e in j.basis],
                item_origins(j).count,
                list(item_origins(j).ids),
            ]
            for b, n, j in found
        ]

    judgments = [j for _, _, j in found]
    return Result(
        {"judgments": judgments, "events": [e for j in judgments for e in j.basis]},
        lambda: judgments_doc([(b, j) for b, _, j in found], sort),
        lambda: {"sort": sort, "judgments": objects()},
        COLUMNS,
        rows,
        none_match(judgments, total, "key judgments"),
    )
