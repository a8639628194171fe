"""vrmc ach: analysis of competing hypotheses (docs/ach.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..core.formats import DATA, DOC, ROWS
from ..core.record import Record
from . import FLAG, Argument, Call, Option, Result, Spec

if TYPE_CHECKING:
    from ..analysis.ach import Analysis

SPEC = Spec(
    "ach",
    "Competing hypotheses: the evidence matrix, weighted inconsistency scores, each "
    "hypothesis's coverage, each item's diagnosticity and every single change that would "
    "alter the lead.",
    (
        "vrmc ach",
        "vrmc ach russia-maduro-2026 --notes",
        "vrmc ach --since 2026 -f markdown",
    ),
    options=(Option("notes", ("--notes",), FLAG, "Add every rating with its note."),),
    arguments=(
        Argument(
            "question",
            "QUESTION",
            "An ACH question: its id, words of its text or a prefix; every question when omitted.",
            required=False,
            complete="question",
        ),
    ),
    gives=frozenset({DOC, DATA, ROWS}),
)


class Params(Record, frozen=True):
    """What `run` reads of the command line (commands.read_params), typed."""

    question: str | None
    notes: bool


COLUMNS = (
    "question",
    "number",
    "evidence_kind",
    "evidence_id",
    "briefing",
    "date",
    "evidence",
    "credibility",
    "relevance",
    "diagnosticity",
    "hypothesis",
    "rating",
    "analyst",
    "inconsistency",
    "note",
)


def run(call: Call) -> Result:
    from ..analysis.query import resolve_question
    from ..corpus.model import Event, Point
    from ..views.living import ach_doc
    from ._common import ach_analyses, ach_json

    params = call.read(Params)
    corpus, f = call.corpus(), call.filter()
    wanted = params.question
    questions = [resolve_question(corpus, wanted)] if wanted else list(corpus.questions)
    analyses = ach_analyses(corpus, f, questions)
    notes: tuple[str, ...] = ()
    if not corpus.questions:
        notes = ("the corpus has no ACH questions (see docs/ach.md)",)
    elif not any(a.evidence for a in analyses):
        notes = ("no rated evidence matches the filters",)
    shown = [e.item for a in analyses for e in a.evidence]
    return Result(
        {
            "events": _unique([x for x in shown if isinstance(x, Event)]),
            "points": _unique([x for x in shown if isinstance(x, Point)]),
        },
        lambda: ach_doc(analyses, notes=params.notes),
        lambda: {"questions": [ach_json(a) for a in analyses]},
        COLUMNS,
        lambda: [row for a in analyses for row in _rows(a)],
        notes,
    )


def _unique(items: list[Any]) -> list[Any]:
    seen: set[int] = set()
    out = []
    for x in items:
        if id(x) not in seen:
            seen.add(id(x))
            out.append(x)
    return out


def _rows(a: Analysis) -> list[list[object]]:
    from ..corpus.model import Event
    from ..views.living import evidence_label
    from ._common import ach_evidence_ref, ach_num

    out: list[list[object]] = []
    for e in a.evidence:
        ref = ach_evidence_ref(e)
        for h in a.hypotheses:
            rating = e.ratings.get(h.id)
            if rating is None:
                continue
            out.append(
                [
                    a.question.id,
                    e.number,
                    ref["kind"],
                    ref["id"],
                    ref["briefing"],
                    str(e.item.date) if isinstance(e.item, Event) else None,
                    evidence_label(e),
                    ach_num(e.credibility),
                    ach_num(e.relevance),
                    ach_num(e.diagnosticity),
                    h.id,
                    rating.rating,
                    rating.analyst,
                    ach_num(e.effect(h)),
                    rating.note,
                ]
            )
    return out
