"""Provenance: the independent origins of what a claim rests on, and the source summary
statement of a briefing or a report (ICD 206; docs/grading.md "Source summary").

`origins` is the one count of independent corroboration: confidence checks, ACH
credibility and every view call it rather than counting sources.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..core.dates import PartialDate
from ..core.record import Record
from ..corpus.model import RELIABILITIES, Briefing, KeyJudgment, Point, Source
from ..corpus.origins import Origins, item_origins, origin_id, origin_name, origins, resting_on

__all__ = [
    "Origins",
    "SourceSummary",
    "briefing_sources",
    "briefing_summary",
    "item_origins",
    "origin_id",
    "origin_name",
    "origins",
    "resting_on",
    "summarize",
    "summary_json",
    "summary_sentences",
]


class SourceSummary(Record, frozen=True):
    """What a briefing or report rests on (ICD 206 source summary statement)."""

    sources: int
    origins: int
    copies: int  # sources that carry another's report (they name an origin or a via)
    grades: tuple[tuple[str, int], ...]  # (grade or "ungraded", sources), best first
    state_media: int
    newest: PartialDate | None
    # Key judgments resting on one independent origin (or none): (label, origin names).
    single_origin: tuple[tuple[str, tuple[str, ...]], ...]
    judgments: int
    # Of `sources`, those the document cites itself (its citation markers); the others are
    # behind the events its key judgments rest on. Equal to `sources` for a report, whose
    # Sources list is what it counts.
    cited: int = 0


def summarize(
    sources: Iterable[Source],
    judgments: Sequence[tuple[str, KeyJudgment]] = (),
    cited: Iterable[Source] | None = None,
) -> SourceSummary:
    """The summary of `sources` (each counted once) and of `judgments` (label, judgment);
    `cited`, the ones among them the document cites itself (all of them when not given)."""
    unique = list({s.id: s for s in sources}.values())
    cited_ids = {s.id for s in unique} if cited is None else {s.id for s in cited}
    counts = {g: 0 for g in (*RELIABILITIES, "ungraded")}
    for s in unique:
        counts[s.reliability or "ungraded"] += 1
    dated = [s.published for s in unique if s.published is not None]
    newest = max(dated, key=lambda d: (d.last_day, d.first_day)) if dated else None
    single = tuple(
        (label, found.names)
        for label, judgment in judgments
        if (found := item_origins(judgment)).count <= 1
    )
    return SourceSummary(
        sources=len(unique),
        origins=origins(unique).count,
        copies=sum(1 for s in unique if s.origin or s.via),
        grades=tuple((g, n) for g, n in counts.items() if n),
        state_media=sum(1 for s in unique if s.state_media),
        newest=newest,
        single_origin=single,
        judgments=len(judgments),
        cited=sum(1 for s in unique if s.id in cited_ids),
    )


def briefing_sources(
    briefing: Briefing, judgments: Sequence[KeyJudgment], points: Sequence[Point]
) -> list[Source]:
    """What a briefing rests on: the sources of its key judgments (with their basis
    events), of its points, and its own bibliography."""
    found: list[Source] = []
    for item in (*judgments, *points):
        found.extend(resting_on(item))
    found.extend(briefing.sources)
    return found


def briefing_summary(
    briefing: Briefing, judgments: Sequence[KeyJudgment], points: Sequence[Point]
) -> SourceSummary:
    """A briefing's summary statement; its key judgments are named by number."""
    labelled = [(f"key judgment {n}", j) for n, j in enumerate(judgments, 1)]
    own = [s for j in judgments for s in j.sources]
    own += [s for p in points for s in p.sources]
    own += briefing.sources
    return summarize(briefing_sources(briefing, judgments, points), labelled, own)


def _share(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "0%"


def _n(count: int, noun: str, nouns: str | None = None) -> str:
    return f"{count} {noun if count == 1 else (nouns or noun + 's')}"


def summary_sentences(s: SourceSummary, subject: str = "This briefing") -> list[str]:
    """The summary in plain sentences, the same words in every format."""
    if not s.sources:
        return [f"{subject} cites no source."]
    behind = s.sources - s.cited
    how = (
        f" ({s.cited} cited in it, {behind} more behind the events its key judgments rest on)"
        if behind
        else ""
    )
    out = [
        f"{subject} rests on {_n(s.sources, 'source')}{how} from "
        f"{_n(s.origins, 'independent origin')}; {_n(s.copies, 'source')} "
        f"{'carries' if s.copies == 1 else 'carry'} another's report."
    ]
    grades = ", ".join(
        f"{n} ungraded" if g == "ungraded" else f"{n} graded {g}" for g, n in s.grades
    )
    out.append(f"Reliability: {grades}.")
    out.append(f"State media: {s.state_media} of {s.sources} ({_share(s.state_media, s.sources)}).")
    if s.newest is not None:
        out.append(f"Newest source: {s.newest.human()}.")
    if s.judgments:
        if s.single_origin:
            named = "; ".join(
                f"{label} ({', '.join(names) if names else 'no source'})"
                for label, names in s.single_origin
            )
            out.append(
                f"Resting on a single origin: {named}."
                if len(s.single_origin) < s.judgments
                else f"Every key judgment rests on a single origin: {named}."
            )
        else:
            out.append(
                f"Each of the {_n(s.judgments, 'key judgment')} rests on two or more "
                "independent origins."
                if s.judgments > 1
                else "The key judgment rests on two or more independent origins."
            )
    return out


def summary_json(s: SourceSummary, subject: str = "This briefing") -> dict[str, object]:
    """The summary as JSON: the figures, and the sentences the prose formats print."""
    return {
        "sources": s.sources,
        "cited": s.cited,
        "origins": s.origins,
        "copies": s.copies,
        "grades": dict(s.grades),
        "state_media": s.state_media,
        "state_media_share": round(s.state_media / s.sources, 4) if s.sources else 0,
        "newest": str(s.newest) if s.newest is not None else None,
        "single_origin_judgments": [
            {"judgment": label, "origins": list(names)} for label, names in s.single_origin
        ],
        "statement": " ".join(summary_sentences(s, subject)),
    }
