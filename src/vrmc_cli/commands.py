"""What each command shows: select from the corpus, then describe it once for every format."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from . import views
from .model import Corpus, Event, KeyJudgment, Point
from .query import (
    BriefingView,
    Filter,
    all_points,
    build_filter,
    country_counts,
    resolve_actor,
    resolve_briefing,
    select_actors,
    select_briefings,
    select_events,
    select_relations,
    select_scenarios,
    select_transfers,
    source_counts,
    theme_counts,
    view_briefing,
)
from .record import record
from .render import Output
from .render import data as js
from .render.doc import Block, Bullets, Callout, Doc, Heading, Item, Para, Span, plain


@record(frozen=True, eq=True)
class FilterArgs:
    """Filter values as typed on the command line."""

    themes: Sequence[str] = ()
    countries: Sequence[str] = ()
    actors: Sequence[str] = ()
    since: str | None = None
    until: str | None = None

    def resolve(self, corpus: Corpus) -> Filter:
        return build_filter(
            corpus,
            themes=self.themes,
            countries=self.countries,
            actors=self.actors,
            since=self.since,
            until=self.until,
        )


def _filters_json(f: Filter) -> list[str]:
    return list(f.labels)


def _listing(
    doc: Callable[[], Doc],
    key: str,
    objects: Callable[[], list[js.JSONObject]],
    columns: Sequence[str],
    notes: tuple[str, ...] = (),
) -> Output:
    """Output for a list of entries: `{key: [...]}` in JSON, one row per entry in CSV, and
    `notes` for stderr."""
    return Output(
        doc,
        lambda: {key: objects()},
        columns,
        lambda: js.rows_from(objects(), columns),
        notes,
    )


def _none_match(items: Sequence[object], what: str) -> tuple[str, ...]:
    """The note for stderr when a filtered list comes out empty (not an error: exit 0)."""
    return () if items else (f"no {what} match the filters",)


# --------------------------------------------------------------------------- brief


def brief(corpus: Corpus, args: FilterArgs, briefing_id: str | None) -> Output:
    f = args.resolve(corpus)
    if briefing_id is None:
        views_ = select_briefings(corpus, f)
        return Output(
            lambda: views.briefing_list(views_),
            lambda: {"briefings": [js.briefing_summary(v.briefing) for v in views_]},
            notes=_none_match(views_, "briefings"),
        )
    view = view_briefing(corpus, resolve_briefing(corpus, briefing_id), f)
    empty = f.active and not view.point_count and not view.key_judgments
    return Output(
        lambda: views.briefing_doc(view, f),
        lambda: {"briefing": _briefing_json(view)},
        notes=("no points or key judgments match the filters",) if empty else (),
    )


def _briefing_json(view: BriefingView) -> js.JSONObject:
    return js.briefing(
        view.briefing, view.key_judgments, [(s.heading, s.points) for s in view.sections]
    )


# --------------------------------------------------------------------------- timeline

EVENT_COLUMNS = (
    "id",
    "date",
    "end",
    "circa",
    "display_date",
    "title",
    "summary",
    "themes",
    "countries",
    "actors",
    "sources",
    "confidence",
)


def timeline(
    corpus: Corpus, args: FilterArgs, *, short: bool, reverse: bool, limit: int | None
) -> Output:
    events = select_events(corpus, args.resolve(corpus))
    if reverse:
        events.reverse()
    if limit is not None:
        events = events[:limit]
    return _listing(
        lambda: views.timeline_doc(events, short=short),
        "events",
        lambda: [js.event(e) for e in events],
        EVENT_COLUMNS,
        _none_match(events, "events"),
    )


# --------------------------------------------------------------------------- actors

ACTOR_COLUMNS = (
    "id",
    "name",
    "kind",
    "country",
    "current_role",
    "aliases",
    "summary",
    "stance",
    "themes",
    "sources",
)


def actors(corpus: Corpus, args: FilterArgs) -> Output:
    chosen = select_actors(corpus, args.resolve(corpus))

    def rows() -> list[list[object]]:
        out = []
        for a in chosen:
            obj = js.actor(a)
            obj["current_role"] = views.current_role(a) or None
            out.append([obj.get(c) for c in ACTOR_COLUMNS])
        return out

    return Output(
        lambda: views.actors_doc(chosen),
        lambda: {"actors": [js.actor(a) for a in chosen]},
        ACTOR_COLUMNS,
        rows,
        _none_match(chosen, "actors"),
    )


def actor(corpus: Corpus, args: FilterArgs, name: str) -> Output:
    who = resolve_actor(corpus, name, prefix=True)
    f = args.resolve(corpus)
    events = [e for e in select_events(corpus, f) if who in e.actors]
    points: list[tuple[str, Point | KeyJudgment]] = [
        (b.id, p) for b, p in all_points(corpus) if who in p.actors and f.point_ok(p)
    ]
    relations = [
        r
        for r in select_relations(corpus, Filter(since=f.since, until=f.until))
        if who in (r.source, r.target)
    ]
    return Output(
        lambda: views.actor_doc(corpus, who, events, points),
        lambda: {
            "actor": js.actor(who),
            "relations": [js.relation(r) for r in relations],
            "events": [e.id for e in events],
            "points": [{"briefing": bid, "text": p.text} for bid, p in points],
        },
    )


# --------------------------------------------------------------------------- transfers

TRANSFER_COLUMNS = (
    "id",
    "supplier",
    "recipient",
    "designation",
    "category",
    "ordered",
    "delivered_from",
    "delivered_to",
    "quantity_ordered",
    "quantity_delivered",
    "value_usd",
    "status",
    "description",
    "notes",
    "sources",
)


def transfers(corpus: Corpus, args: FilterArgs, categories: Sequence[str]) -> Output:
    chosen = select_transfers(corpus, args.resolve(corpus), categories)
    return _listing(
        lambda: views.transfers_doc(chosen),
        "transfers",
        lambda: [js.transfer(t) for t in chosen],
        TRANSFER_COLUMNS,
        _none_match(chosen, "transfers"),
    )


# --------------------------------------------------------------------------- scenarios

SCENARIO_COLUMNS = (
    "id",
    "title",
    "likelihood",
    "horizon",
    "summary",
    "drivers",
    "indicators",
    "themes",
    "countries",
)


def scenarios(corpus: Corpus, args: FilterArgs) -> Output:
    chosen = select_scenarios(corpus, args.resolve(corpus))
    return _listing(
        lambda: views.scenarios_doc(chosen),
        "scenarios",
        lambda: [js.scenario(s) for s in chosen],
        SCENARIO_COLUMNS,
        _none_match(chosen, "scenarios"),
    )


# --------------------------------------------------------------------------- reference lists

THEME_COLUMNS = ("id", "title", "parent", "description", "events", "points")
COUNTRY_COLUMNS = ("code", "name", "aliases", "region", "events", "actors", "transfers")
SOURCE_COLUMNS = (
    "id",
    "title",
    "publisher",
    "url",
    "published",
    "kind",
    "reliability",
    "citations",
)


def themes(corpus: Corpus, args: FilterArgs) -> Output:
    counts = theme_counts(corpus, args.resolve(corpus))
    objects = [{**js.theme(c.theme), "events": c.events, "points": c.points} for c in counts]
    return _listing(lambda: views.themes_doc(counts), "themes", lambda: objects, THEME_COLUMNS)


def countries(corpus: Corpus, args: FilterArgs) -> Output:
    counts = country_counts(corpus, args.resolve(corpus))
    objects = [
        {**js.country(c.country), "events": c.events, "actors": c.actors, "transfers": c.transfers}
        for c in counts
    ]
    return _listing(
        lambda: views.countries_doc(counts), "countries", lambda: objects, COUNTRY_COLUMNS
    )


def sources(corpus: Corpus, args: FilterArgs) -> Output:
    f = args.resolve(corpus)
    counts = source_counts(corpus)
    if f.active:
        keep = {id(s) for e in select_events(corpus, f) for s in e.sources}
        keep.update(id(s) for _, p in all_points(corpus) if f.point_ok(p) for s in p.sources)
        keep.update(id(s) for t in select_transfers(corpus, f) for s in t.sources)
        counts = [c for c in counts if id(c.source) in keep]
    objects = [{**js.source(c.source), "citations": c.citations} for c in counts]
    return _listing(
        lambda: views.sources_doc(counts),
        "sources",
        lambda: objects,
        SOURCE_COLUMNS,
        _none_match(counts, "sources"),
    )


# --------------------------------------------------------------------------- search

SEARCH_COLUMNS = ("kind", "ref", "label", "field", "text")


def find(corpus: Corpus, args: FilterArgs, text: str) -> Output:
    from .search import search  # here: no other command needs it (start-up time)

    hits = search(corpus, text, args.resolve(corpus))
    return Output(
        lambda: views.search_doc(text, hits),
        lambda: {
            "query": text,
            "results": [
                {
                    "kind": h.kind,
                    "ref": h.ref,
                    "label": h.label,
                    "matches": [{"field": m.field, "text": m.text} for m in h.matches],
                }
                for h in hits
            ],
        },
        SEARCH_COLUMNS,
        lambda: [[h.kind, h.ref, h.label, m.field, m.text] for h in hits for m in h.matches],
        () if hits else (f"nothing matches {text!r}",),
    )


# --------------------------------------------------------------------------- report


def report(corpus: Corpus, args: FilterArgs, *, cite: bool) -> Output:
    """The whole briefing document: every section, filtered alike, with a bibliography."""
    f = args.resolve(corpus)
    briefings = select_briefings(corpus, f)
    events = select_events(corpus, f)
    chosen_actors = select_actors(corpus, f)
    chosen_transfers = select_transfers(corpus, f)
    chosen_scenarios = select_scenarios(corpus, f)
    citer = views.Citer(enabled=cite)
    topic = corpus.topic
    title = topic.title if topic else "Briefing report"
    blocks: list[Block] = [Heading(1, title)]
    lead: list[Span] = []
    if topic and topic.subtitle:
        lead.append(Span(topic.subtitle, "em"))
    if topic and topic.as_of:
        lead.append(Span((" — " if lead else "") + f"as of {topic.as_of.human()}", "muted"))
    if lead:
        blocks.append(Para(tuple(lead)))
    if f.labels:
        blocks.append(Para((Span("Filtered by: " + "; ".join(f.labels), "muted"),)))
    if topic and topic.summary:
        blocks.append(Callout("Summary", tuple(views.paragraphs(topic.summary)), "bottom-line"))
    contents = [b.briefing.title for b in briefings]
    parts = [
        ("Timeline", events),
        ("Actors", chosen_actors),
        ("Arms-transfer register", chosen_transfers),
        ("Outlook scenarios", chosen_scenarios),
    ]
    contents += [name for name, items in parts if items]
    contents.append("Bibliography")
    blocks.append(Heading(2, "Contents"))
    blocks.append(Bullets(tuple(Item(plain(c)) for c in contents), ordered=True))
    for view in briefings:
        blocks.extend(views.briefing_blocks(view, citer, level=2))
    if events:
        blocks.append(Heading(2, "Timeline"))
        blocks.extend(views.timeline_blocks(events, citer, level=2))
    if chosen_actors:
        blocks.append(Heading(2, "Actors"))
        blocks.append(views.actors_table(chosen_actors))
    if chosen_transfers:
        blocks.append(Heading(2, "Arms-transfer register"))
        blocks.extend(views.transfers_blocks(chosen_transfers, citer, level=2))
    if chosen_scenarios:
        blocks.append(Heading(2, "Outlook scenarios"))
        blocks.extend(views.scenario_blocks(chosen_scenarios, level=2))
    # The bibliography numbers every source the report relies on; with --cite the numbers
    # are the ones in the text.
    cited: list[Event | Point | KeyJudgment] = [*events]
    for view in briefings:
        cited.extend(view.key_judgments)
        cited.extend(p for s in view.sections for p in s.points)
    bib = views.Citer(enabled=True) if not cite else citer
    for item in cited:
        bib.marks(item.sources)
    for view in briefings:
        bib.marks(view.briefing.sources)
    for t in chosen_transfers:
        bib.marks(t.sources)
    if bib.sources:
        blocks.append(bib.footnotes("Bibliography", 2))
    doc = Doc(title, tuple(blocks))

    def data() -> js.JSONObject:
        return {
            "topic": js.topic(topic),
            "filters": _filters_json(f),
            "briefings": [_briefing_json(v) for v in briefings],
            "events": [js.event(e) for e in events],
            "actors": [js.actor(a) for a in chosen_actors],
            "transfers": [js.transfer(t) for t in chosen_transfers],
            "scenarios": [js.scenario(s) for s in chosen_scenarios],
            "sources": [js.source(s) for s in bib.sources],
        }

    # Built already: its bibliography, numbered as the text cites, is the JSON's "sources".
    return Output(lambda: doc, data)


# --------------------------------------------------------------------------- validate


def summary_counts(corpus: Corpus) -> dict[str, int]:
    return {
        "files": corpus.files,
        "briefings": len(corpus.briefings),
        "points": sum(len(s.points) for b in corpus.briefings for s in b.sections),
        "events": len(corpus.events),
        "actors": len(corpus.actors),
        "relations": len(corpus.relations),
        "transfers": len(corpus.transfers),
        "scenarios": len(corpus.scenarios),
        "themes": len(corpus.themes),
        "countries": len(corpus.countries),
        "sources": len(corpus.sources),
    }
