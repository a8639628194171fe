"""vrmc ach: analysis of competing hypotheses (docs/ach.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import FLAG, Argument, Call, Option, Result, Spec

if TYPE_CHECKING:
    from ..ach import Analysis

SPEC = Spec(
    "ach",
    "Competing hypotheses: the evidence matrix, weighted inconsistency scores, diagnostic "
    "value and the evidence the ranking is most sensitive to.",
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
)

COLUMNS = (
    "question",
    "number",
    "evidence_kind",
    "evidence_id",
    "briefing",
    "date",
    "evidence",
    "credibility",
    "diagnostic",
    "hypothesis",
    "rating",
    "inconsistency",
    "note",
)


def run(call: Call) -> Result:
    from .. import views
    from ..ach import analyse
    from ..model import Briefing, Event, Point
    from ..query import resolve_question, select_events

    corpus, f = call.corpus(), call.filter()
    wanted = call.params["question"]
    questions = [resolve_question(corpus, wanted)] if wanted else list(corpus.questions)
    items: list[tuple[Event | Point, Briefing | None]] = [
        (e, None) for e in select_events(corpus, f) if e.consistency
    ]
    items.extend(
        (p, b)
        for b in corpus.briefings
        for s in b.sections
        for p in s.points
        if p.consistency and f.point_ok(p)
    )
    analyses = [
        analyse(q, [h for h in corpus.hypotheses if h.question is q], items) for q in questions
    ]
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
        lambda: views.ach_doc(analyses, notes=call.params["notes"]),
        lambda: {"questions": [_json(a) for a in analyses]},
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


def _num(value: Any) -> float:
    return float(value)


def _evidence_ref(e: Any) -> dict[str, Any]:
    from ..model import Event

    if isinstance(e.item, Event):
        return {"kind": "event", "id": e.item.id, "briefing": None}
    return {"kind": "point", "id": None, "briefing": e.briefing.id if e.briefing else None}


def _json(a: Analysis) -> dict[str, Any]:
    from ..model import Event

    rank = {s.hypothesis.id: s for s in a.scores}
    sens = a.sensitivity
    return {
        "id": a.question.id,
        "text": a.question.text,
        "summary": a.question.summary,
        "hypotheses": [
            {
                "id": h.id,
                "statement": h.statement,
                "scenario": h.scenario.id if h.scenario else None,
                "inconsistent": rank[h.id].inconsistent,
                "very_inconsistent": rank[h.id].very_inconsistent,
                "score": _num(rank[h.id].score),
                "rank": rank[h.id].rank,
            }
            for h in a.hypotheses
        ],
        "ranking": [s.hypothesis.id for s in a.scores],
        "evidence": [
            {
                "number": e.number,
                **_evidence_ref(e),
                "date": str(e.item.date) if isinstance(e.item, Event) else None,
                "title": e.item.title if isinstance(e.item, Event) else None,
                "text": None if isinstance(e.item, Event) else e.item.text,
                "reliability": e.grade,
                "confidence": e.item.confidence,
                "credibility": _num(e.credibility),
                "diagnostic": e.diagnostic,
                "ratings": {
                    h.id: {"rating": e.ratings[h.id].rating, "note": e.ratings[h.id].note}
                    for h in a.hypotheses
                    if h.id in e.ratings
                },
            }
            for e in a.evidence
        ],
        "sensitivity": None
        if sens is None
        else {
            "evidence": sens.evidence.number,
            **_evidence_ref(sens.evidence),
            "changes_lead": sens.changes_lead,
            "ranking": [s.hypothesis.id for s in sens.scores],
            "scores": {s.hypothesis.id: _num(s.score) for s in sens.scores},
            "others": sens.others,
        },
    }


def _rows(a: Analysis) -> list[list[object]]:
    from .. import views
    from ..model import Event

    out: list[list[object]] = []
    for e in a.evidence:
        ref = _evidence_ref(e)
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
                    views.evidence_label(e),
                    _num(e.credibility),
                    e.diagnostic,
                    h.id,
                    rating.rating,
                    _num(e.weight(h)),
                    rating.note,
                ]
            )
    return out
