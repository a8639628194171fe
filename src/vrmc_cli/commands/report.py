"""vrmc report: the whole briefing document."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.formats import DATA, DOC, SOURCES
from ..core.record import Record
from . import CITATIONS, FLAG, TEXT, Call, Option, Result, Spec

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from ..analysis.query import BriefingView
    from ..corpus.model import Actor, Event, Relation, Source, Transfer

SPEC = Spec(
    "report",
    "The whole briefing document: key judgments at a glance, briefings, timeline, actors, "
    "arms register, scenarios, watch board, competing hypotheses and a numbered Sources "
    "list.\n\n"
    "Every point cites its sources as [1, 4, 9], linked to the Sources list.",
    (
        "vrmc report --format markdown -o brief.md",
        "vrmc report --format docx -o brief.docx",
        "vrmc report --edition brief -f docx -o short.docx",
        "vrmc report -c colombia -f html -o colombia.html",
        "vrmc report --sections judgments,briefings,sources -f markdown",
        "vrmc report -f markdown --citations pandoc -o brief.md",
    ),
    options=(
        Option(
            "sections",
            ("--sections",),
            TEXT,
            "The sections to show, in this order, comma-separated: judgments, glance (the "
            "timeline strip and charts), briefings, timeline, actors, transfers, scenarios, "
            "watch, ach (competing hypotheses), sources (default: all, in that order; the brief "
            "edition: judgments, glance, briefings, watch, sources).",
            metavar="LIST",
        ),
        Option(
            "edition",
            ("--edition",),
            TEXT,
            "full (the default) or brief: the key judgments with the ICD 203 legend, the "
            "pictures, each briefing's bottom line and key judgments, the watch board's "
            "summary and only the sources these cite (about a dozen printed pages).",
            metavar="EDITION",
        ),
        Option(
            "ids",
            ("--ids",),
            FLAG,
            "Show the corpus ids (events, actors, ACH questions, hypotheses, indicators) in "
            "prose formats; without it a reader sees names, and hypotheses are H1, H2, ... "
            "(JSON and CSV always keep ids).",
        ),
        CITATIONS,
        Option("cite", ("--cite",), FLAG, "No effect: points always cite their sources."),
    ),
    gives=frozenset({DOC, DATA, SOURCES}),
)


class Params(Record, frozen=True):
    """What `run` reads of the command line (commands.read_params), typed."""

    edition: str | None
    sections: str | None
    ids: bool


def edition_of(value: str | None) -> str:
    """The --edition value, checked: a usage error names the editions there are."""
    from ..core.choice import choose
    from ..views.report import EDITIONS

    return choose("edition", value or "full", tuple(EDITIONS))


def sections_of(value: str | None, edition: str = "full") -> tuple[str, ...]:
    """The --sections list, checked: an unknown name is a usage error with the closest."""
    from ..core.errors import UsageError
    from ..views.report import BRIEF_SECTIONS, REPORT_SECTIONS

    if value is None:
        return BRIEF_SECTIONS if edition == "brief" else REPORT_SECTIONS
    names = [n.strip().lower() for n in value.split(",") if n.strip()]
    if not names:
        raise UsageError(f"--sections needs at least one of {', '.join(REPORT_SECTIONS)}")
    from ..core.choice import choose

    return tuple(dict.fromkeys(choose("section", name, REPORT_SECTIONS) for name in names))


def bibliography(
    sections: Sequence[str],
    briefings: Sequence[BriefingView],
    events: Sequence[Event],
    transfers: Sequence[Transfer],
    *,
    cite: bool,
    brief: bool = False,
    actors: Sequence[Actor] = (),
    relations: Sequence[Relation] = (),
) -> list[Source]:
    """Every source the report relies on, in the order its Sources list numbers them.

    First the sources the sections shown cite, by first citation (the order a reader meets
    their markers: the sections in `sections` order, each citing as CITED says); then the
    ones nothing shown cites, so the list is the same whichever sections are shown: events,
    key judgments and points, transfers, actors and their ties, then the briefings' own
    sources.

    The `brief` edition lists only what it cites: the key judgments' sources."""
    cited: list[Sequence[Source]] = []
    if brief:
        if "judgments" in sections or "briefings" in sections:
            cited.extend(j.sources for v in briefings for j in v.key_judgments)
        return list({s.id: s for sources in cited for s in sources}.values())
    if cite:
        for name in sections:
            if name == "actors":
                cited.extend(_actors_cite(actors, relations))
            cited.extend(CITED.get(name, _nothing)(briefings, events, transfers))
    cited.extend(e.sources for e in events)
    cited.extend(p.sources for v in briefings for p in v.statements)
    cited.extend(t.sources for t in transfers)
    cited.extend(_actors_cite(actors, relations))
    cited.extend(v.briefing.sources for v in briefings)
    first: dict[str, Source] = {}
    for sources in cited:
        for source in sources:
            first.setdefault(source.id, source)
    return list(first.values())


def _nothing(*_: object) -> list[Sequence[Source]]:
    return []


def _actors_cite(actors: Sequence[Actor], relations: Sequence[Relation]) -> list[Sequence[Source]]:
    """What the Actors section cites, in its order: each actor's sources, then its ties'."""
    from ..analysis.query import actor_name_order

    shown = {a.id for a in actors}
    out: list[Sequence[Source]] = []
    for a in sorted(actors, key=actor_name_order):
        out.append(a.sources)
        out.extend(
            r.sources
            for r in relations
            if r.source is a or (r.target is a and r.source.id not in shown)
        )
    return out


# What each section cites, in the order it shows the citations (views/report.py builds them);
# the sections missing here cite nothing.
CITED: dict[
    str,
    Callable[[Sequence[BriefingView], Sequence[Event], Sequence[Transfer]], list[Sequence[Source]]],
] = {
    "judgments": lambda b, e, t: [j.sources for v in b for j in v.key_judgments],
    "briefings": lambda b, e, t: [p.sources for v in b for p in v.statements],
    "timeline": lambda b, e, t: [x.sources for x in e],
    "transfers": lambda b, e, t: [x.sources for x in t],
}


def run(call: Call) -> Result:
    from ..analysis.provenance import summary_json
    from ..analysis.query import (
        select_actors,
        select_briefings,
        select_events,
        select_relations,
        select_scenarios,
        select_transfers,
    )
    from ..analysis.signposts import board_json, watch_board
    from ..corpus.serialize import entries, entry
    from ..views.report import Report, report_doc, report_summary
    from . import citation_style
    from ._common import ach_analyses, ach_json, briefing_json, undated_note

    params = call.read(Params)
    style = citation_style(call.params)
    edition = edition_of(params.edition)
    sections = sections_of(params.sections, edition)
    corpus, f = call.corpus(), call.filter()
    briefings = select_briefings(corpus, f)
    events = select_events(corpus, f)
    chosen_actors = select_actors(corpus, f)
    chosen_transfers = select_transfers(corpus, f)
    chosen_scenarios = select_scenarios(corpus, f)
    board = watch_board(corpus, f)
    # Competing hypotheses: each question's evidence narrowed by the shared filters as
    # `vrmc ach` narrows it.
    analyses = ach_analyses(corpus, f, corpus.questions)
    cite = style != "none"
    shown_ids = {a.id for a in chosen_actors}
    ties = [
        r
        for r in select_relations(corpus, f)
        if r.source.id in shown_ids or r.target.id in shown_ids
    ]
    brief = edition == "brief"
    sources = bibliography(
        sections,
        briefings,
        events,
        chosen_transfers,
        cite=cite,
        brief=brief,
        actors=chosen_actors,
        relations=ties,
    )
    report = Report(
        corpus.topic,
        f.labels,
        briefings,
        events,
        chosen_actors,
        chosen_transfers,
        chosen_scenarios,
        board,
        analyses,
        sources,
        cite=cite,
        ids=bool(params.ids),
        edition=edition,
        relations=ties,
    )
    topic = corpus.topic
    return Result(
        {
            "briefings": [v.briefing for v in briefings],
            "events": events,
            "actors": chosen_actors,
            "transfers": chosen_transfers,
            "scenarios": chosen_scenarios,
            "sources": sources,
        },
        lambda: report_doc(report, sections),
        lambda: {
            "topic": entry("topic", topic) if topic else None,
            "filters": list(f.labels),
            "briefings": [briefing_json(v) for v in briefings],
            "events": entries("events", events),
            "actors": entries("actors", chosen_actors),
            "transfers": entries("transfers", chosen_transfers),
            "scenarios": entries("scenarios", chosen_scenarios),
            "watch": board_json(board),
            "ach": [ach_json(a) for a in analyses],
            "sources": entries("sources", sources),
            "source_summary": summary_json(report_summary(briefings, sources), "This report"),
        },
        notes=undated_note(
            f,
            [p for v in briefings for p in v.statements],
            "briefing point or key judgment",
            "briefing points and key judgments",
        )
        + undated_note(f, chosen_actors, "actor")
        + undated_note(f, chosen_transfers, "transfer")
        + undated_note(f, chosen_scenarios, "scenario"),
    )
