"""Turn selections into documents (doc.py) for the prose formats: one builder per command."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ..analysis.provenance import (
    SourceSummary,
    briefing_sources,
    briefing_summary,
    item_origins,
    origin_name,
    summarize,
    summary_sentences,
)
from ..analysis.query import (
    BriefingView,
    CountryCount,
    SourceCount,
    ThemeCount,
    actor_name_order,
    country_name_order,
)
from ..core.doc import (
    Block,
    Bullets,
    Callout,
    Doc,
    Fields,
    Footnotes,
    Heading,
    Inline,
    Item,
    Para,
    Span,
    Style,
    Table,
    plain,
)
from ..corpus.model import (
    CREDIBILITY_MEANING,
    RELIABILITY_MEANING,
    Actor,
    Briefing,
    Disputes,
    Event,
    KeyJudgment,
    Point,
    Range,
    Relation,
    Role,
    Scenario,
    Source,
    Topic,
    Transfer,
    countries_of,
    dispute,
)

if TYPE_CHECKING:
    from fractions import Fraction

    from ..analysis.ach import Analysis, Evidence  # only `vrmc ach` imports the ACH module
    from ..analysis.changes import CorpusDiff  # only `vrmc diff` imports it
    from ..analysis.search import Hit  # only `vrmc search` imports the search module
    from ..analysis.signposts import Board, ScenarioWatch

# --------------------------------------------------------------------------- small pieces


class Citer:
    """Numbers sources in order of first citation. A point's sources make one `[1, 4, 9]`
    marker (numbers ascending, each once) that links to one numbered list, each source
    listed once however often it is cited."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self.numbers: dict[str, int] = {}
        self.sources: list[Source] = []

    def number(self, sources: Iterable[Source]) -> list[tuple[int, str]]:
        """Number the sources not seen yet; (number, id) of each, ascending, each once."""
        found: dict[int, str] = {}
        for source in sources:
            if source.id not in self.numbers:
                self.numbers[source.id] = len(self.numbers) + 1
                self.sources.append(source)
            found[self.numbers[source.id]] = source.id
        return sorted(found.items())

    def cite(self, sources: Iterable[Source]) -> Inline:
        """The marker alone (`[1, 4]`), or nothing when there are no sources or citing is off."""
        if not self.enabled:
            return ()
        cites = tuple(self.number(sources))
        if not cites:
            return ()
        text = "[" + ", ".join(str(n) for n, _ in cites) + "]"
        return (Span(text, "cite", cites=cites),)

    def marks(self, sources: Iterable[Source]) -> Inline:
        """The marker after a space, to end a sentence with."""
        found = self.cite(sources)
        return (Span(" "), *found) if found else ()

    def footnotes(self, title: str = "Sources", level: int = 2) -> Footnotes:
        notes = tuple((self.numbers[s.id], source_inline(s)) for s in self.sources)
        anchors = tuple(source_anchor(s.id) for s in self.sources)
        return Footnotes(title, level, notes, anchors)


def source_anchor(source_id: str) -> str:
    return f"source-{source_id}"


def event_anchor(event_id: str) -> str:
    return f"event-{event_id}"


def source_inline(source: Source) -> Inline:
    """`Publisher, "Title", 14 May 2001, url (reliability B)`."""
    spans: list[Span] = []
    if source.publisher:
        spans.append(Span(source.publisher + ", "))
    spans.append(Span(source.title, "em"))
    if source.published:
        spans.append(Span(", " + source.published.human()))
    if source.url:
        spans.extend((Span(", "), Span(source.url, "", url=source.url)))
    if source.accessed:
        spans.append(Span(f", accessed {source.accessed.human()}"))
    if source.archive_url:
        spans.extend((Span(", archived at "), Span(source.archive_url, "", url=source.archive_url)))
    said: list[str] = []
    if source.root.origin or source.via:
        said.append(f"origin {origin_name(source)}")
    if source.reliability:
        meaning = RELIABILITY_MEANING.get(source.reliability, "")
        said.append(f"reliability {source.reliability}" + (f", {meaning}" if meaning else ""))
    if said:
        spans.append(Span(f" ({'; '.join(said)})", "muted"))
    return tuple(spans)


def origins_note(item: object, what: str = "") -> Inline:
    """` (2 origins)` after a claim's citation marker: the independent origins of what it
    rests on (docs/grading.md), nothing when it cites no source."""
    found = item_origins(item)
    if not found.count:
        return ()
    words = f"{found.count} origin{'' if found.count == 1 else 's'}{what}"
    return (Span(f" ({words})", "muted"),)


def origins_fact(item: object) -> tuple[str, Inline]:
    """The `Origins` line of an entry's facts: how many, and who."""
    found = item_origins(item)
    return ("Origins", plain(f"{found.count}: {'; '.join(found.names)}"))


def summary_blocks(summary: SourceSummary, level: int) -> list[Block]:
    """The source summary statement (ICD 206) under a heading."""
    return [
        Heading(level, "Source summary"),
        Para(
            tuple(
                Span(("" if n == 0 else " ") + t) for n, t in enumerate(summary_sentences(summary))
            )
        ),
    ]


def event_ref(event: Event) -> Inline:
    """An event as a reader refers to it: `14 May 2001 — Title`, linked to its entry."""
    return (Span(f"{event_when(event)} — {event.title}", anchor=event_anchor(event.id)),)


def joined(parts: Iterable[Inline], sep: str = "; ") -> Inline:
    out: list[Span] = []
    for n, part in enumerate(parts):
        if n:
            out.append(Span(sep))
        out.extend(part)
    return tuple(out)


def confidence_badge(confidence: str | None) -> Inline:
    if not confidence:
        return ()
    style: Style = {"low": "confidence-low", "moderate": "confidence-moderate"}.get(
        confidence, "confidence-high"
    )  # type: ignore[assignment]
    return (Span(" "), Span(f"({confidence} confidence)", style))


def credibility_badge(credibility: str | None) -> Inline:
    """` (credibility 2, probably true)`: the Admiralty grade of the information itself."""
    if not credibility:
        return ()
    meaning = CREDIBILITY_MEANING[credibility]
    return (Span(" "), Span(f"(credibility {credibility}, {meaning})", "muted"))


def likelihood_style(likelihood: str | None) -> Style:
    if likelihood in ("remote", "very-unlikely", "unlikely"):
        return "likelihood-low"
    if likelihood == "roughly-even":
        return "likelihood-even"
    return "likelihood-high"


def likelihood_words(likelihood: str) -> str:
    return likelihood.replace("-", " ")


def status_style(status: str | None) -> Style:
    if status == "delivered":
        return "status-ok"
    if status in ("ordered", "delivering"):
        return "status-pending"
    return "status-bad"


def event_when(event: Event) -> str:
    """The date at its real precision: `2006`, `Jul 2006`, `c. 2011`, or the display date."""
    if event.display_date:
        return event.display_date
    text = event.date.human()
    if event.end:
        text += " – " + event.end.human()
    text = ("c. " + text) if event.circa else text
    return text + disputed_mark(event.disputed, "date", "end", "display_date")


def disputed_mark(disputed: Disputes, *names: str) -> str:
    """` (disputed)` when the sources dispute any of the fields `names`, else nothing."""
    return " (disputed)" if any(dispute(disputed, n) for n in names) else ""


def dispute_facts(disputed: Disputes) -> list[tuple[str, Inline]]:
    """One `Disputed` line per disputed field: the field, and who says what."""
    return [
        ("Disputed", (Span(name.replace("_", " "), "strong"), Span(": " + one_line(note))))
        for name, note in disputed
    ]


def names(items: Iterable[Actor]) -> str:
    return ", ".join(a.name for a in items)


def country_names(event: Event) -> str:
    return ", ".join(sorted(c.name for c in countries_of(event.countries, event.actors)))


def role_when(role: Role) -> str:
    if role.start and role.end:
        return f"{role.start.human()} – {role.end.human()}"
    if role.start:
        return f"since {role.start.human()}"
    if role.end:
        return f"until {role.end.human()}"
    return ""


def current_role(actor: Actor) -> str:
    """The latest dated role still open; else the role that ended last, marked with its end;
    else (roles without dates) the last role listed."""
    if not actor.roles:
        return ""
    open_roles = [r for r in actor.roles if r.start and r.end is None]
    if open_roles:
        return open_roles[-1].title
    ended = [r for r in actor.roles if r.end]
    if ended:
        last = max(ended, key=lambda r: r.end.key if r.end else (0, 0, 0))
        return f"{last.title} (until {last.end.human() if last.end else ''})"
    return actor.roles[-1].title


def paragraphs(text: str | None, extra: Inline = ()) -> list[Block]:
    """A text field as paragraphs (a blank line separates them); `extra` ends the last one."""
    if not text:
        return [Para(extra)] if extra else []
    parts = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    blocks: list[Block] = [Para(plain(" ".join(p.split("\n")))) for p in parts[:-1]]
    if parts:
        blocks.append(Para((*plain(" ".join(parts[-1].split("\n"))), *extra)))
    return blocks


def one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def quantity(value: float | Range | None) -> str:
    if isinstance(value, Range):
        return f"{quantity(value.low)}–{quantity(value.high)}"
    return f"{value:,}" if value is not None else "–"


def money(value: float | Range | None) -> str:
    if value is None:
        return "–"
    if isinstance(value, Range):
        return f"{money(value.low)}–{money(value.high)}"
    if value >= 1e9:
        return f"US${value / 1e9:,.2f} bn".replace(".00 bn", " bn")
    if value >= 1e6:
        return f"US${value / 1e6:,.1f} m".replace(".0 m", " m")
    return f"US${value:,.0f}"


# --------------------------------------------------------------------------- briefings


def briefing_list(views: Sequence[BriefingView]) -> Doc:
    rows = tuple(
        (plain(v.briefing.id), plain(v.briefing.title), plain(one_line(v.briefing.summary)))
        for v in views
    )
    blocks: list[Block] = [
        Heading(1, "Briefings"),
        Table(("id", "title", "bottom line"), rows),
        Para((Span("Read one with "), Span("vrmc brief ID", "code"), Span("."))),
    ]
    return Doc("Briefings", tuple(blocks))


def judgment_item(judgment: KeyJudgment, citer: Citer) -> Item:
    spans: list[Span] = [Span(judgment.text)]
    spans.extend(citer.marks(judgment.sources))
    if citer.enabled:
        spans.extend(origins_note(judgment, " with its basis" if judgment.basis else ""))
    detail: list[Span] = []
    if judgment.likelihood:
        detail.append(
            Span(
                likelihood_words(judgment.likelihood).capitalize(),
                likelihood_style(judgment.likelihood),
            )
        )
    if judgment.confidence:
        if detail:
            detail.append(Span(", "))
        detail.append(
            Span(
                f"{judgment.confidence} confidence", confidence_badge(judgment.confidence)[1].style
            )
        )
    if judgment.basis:
        detail.append(Span(" · Basis: ", "muted"))
        detail.extend(joined(event_ref(e) for e in judgment.basis))
    children: tuple[Block, ...] = (Para(tuple(detail)),) if detail else ()
    return Item(tuple(spans), children)


def point_item(point: Point, citer: Citer) -> Item:
    origins = origins_note(point) if citer.enabled else ()
    return Item(
        (
            Span(point.text),
            *confidence_badge(point.confidence),
            *credibility_badge(point.credibility),
            *citer.marks(point.sources),
            *origins,
        )
    )


def briefing_blocks(view: BriefingView, citer: Citer, level: int = 1) -> list[Block]:
    b = view.briefing
    blocks: list[Block] = [Heading(level, b.title, anchor=briefing_anchor(b.id))]
    blocks.append(Callout("Bottom line", tuple(paragraphs(b.summary)), tone="bottom-line"))
    if view.key_judgments:
        blocks.append(Heading(level + 1, "Key judgments"))
        blocks.append(Bullets(tuple(judgment_item(j, citer) for j in view.key_judgments)))
    for section in view.sections:
        blocks.append(Heading(level + 1, section.heading))
        if section.points:
            blocks.append(Bullets(tuple(point_item(p, citer) for p in section.points)))
    points = [p for s in view.sections for p in s.points]
    blocks.extend(summary_blocks(briefing_summary(b, view.key_judgments, points), level + 1))
    if view.see_also:
        # In a report the title links to the briefing; alone, the id is what `vrmc brief`
        # takes next.
        refs = (
            (Span(other.title, anchor=briefing_anchor(other.id)),)
            + (() if level > 1 else (Span(" ("), Span(other.id, "code"), Span(")")))
            for other in view.see_also
        )
        blocks.append(Fields((("See also", joined(refs)),)))
    return blocks


def briefing_anchor(briefing_id: str) -> str:
    return f"briefing-{briefing_id}"


def briefing_doc(view: BriefingView, *, cite: bool = True) -> Doc:
    citer = Citer(enabled=cite)
    blocks = briefing_blocks(view, citer)
    citer.number(view.briefing.sources)
    if citer.sources:
        blocks.append(citer.footnotes())
    return Doc(view.briefing.title, tuple(blocks))


# --------------------------------------------------------------------------- timeline


def event_item(event: Event, citer: Citer, *, with_date: bool = True) -> Item:
    head: list[Span] = []
    if with_date:
        head.append(Span(event_when(event), "strong"))
        head.append(Span(" — "))
    head.append(Span(event.title, "strong" if not with_date else ""))
    head.extend(confidence_badge(event.confidence))
    head.extend(credibility_badge(event.credibility))
    children: list[Block] = []
    if event.summary:
        children.extend(paragraphs(event.summary))
    meta: list[tuple[str, Inline]] = []
    countries = country_names(event)
    if countries:
        meta.append(("Countries", plain(countries)))
    if event.actors:
        meta.append(("Actors", plain(names(event.actors))))
    meta.extend(dispute_facts(event.disputed))
    if event.sources:
        if citer.enabled:
            meta.append(("Sources", citer.cite(event.sources)))
        else:
            meta.append(("Sources", plain(", ".join(s.id for s in event.sources))))
        meta.append(origins_fact(event))
    meta.append(("Id", (Span(event.id, "code"),)))
    children.append(Fields(tuple(meta)))
    return Item(tuple(head), tuple(children), anchor=event_anchor(event.id))


def timeline_blocks(
    events: Sequence[Event], citer: Citer, *, short: bool = False, level: int = 1
) -> list[Block]:
    if short:
        rows = tuple(
            (plain(event_when(e)), plain(e.title), plain(e.confidence or ""), plain(e.id))
            for e in events
        )
        anchors = tuple(event_anchor(e.id) for e in events)
        return [
            Table(
                ("date", "event", "confidence", "id"),
                rows,
                whole=(True, False, True, True),
                anchors=anchors,
            )
        ]
    blocks: list[Block] = []
    year: int | None = None
    batch: list[Item] = []
    for event in events:
        if event.date.year != year:
            if batch:
                blocks.append(Bullets(tuple(batch)))
                batch = []
            year = event.date.year
            blocks.append(Heading(level + 1, str(year)))
        batch.append(event_item(event, citer))
    if batch:
        blocks.append(Bullets(tuple(batch)))
    return blocks


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """`1 event`, `2 events`; `nouns` where the plural is not `noun` + s."""
    return f"{count} {noun if count == 1 else nouns or noun + 's'}"


def timeline_extent(events: Sequence[Event]) -> str:
    """`12 events, 2001 to Jan 2026` (in the order shown)."""
    text = plural(len(events), "event")
    if events:
        first, last = events[0].date.human(), events[-1].date.human()
        text += f", {first}" if first == last else f", {first} to {last}"
    return text


def timeline_doc(events: Sequence[Event], *, short: bool, title: str = "Timeline") -> Doc:
    citer = Citer(enabled=not short)
    blocks: list[Block] = [Heading(1, title)]
    blocks.append(Para(plain(timeline_extent(events))))
    blocks.extend(timeline_blocks(events, citer, short=short))
    if citer.sources:
        blocks.append(citer.footnotes())
    return Doc(title, tuple(blocks))


# --------------------------------------------------------------------------- actors


def actors_table(actors: Sequence[Actor]) -> Table:
    """The actors by name (JSON keeps them by id)."""
    actors = sorted(actors, key=actor_name_order)
    rows = tuple(
        (
            (Span(a.name, "strong"), Span(" "), Span(a.id, "code")),
            plain(a.kind),
            plain(a.country.name if a.country else ""),
            plain(current_role(a)),
        )
        for a in actors
    )
    anchors = tuple(actor_anchor(a.id) for a in actors)
    return Table(("name and id", "kind", "country", "current role"), rows, anchors=anchors)


def actor_anchor(actor_id: str) -> str:
    return f"actor-{actor_id}"


def actors_doc(actors: Sequence[Actor]) -> Doc:
    blocks: list[Block] = [Heading(1, "Actors"), actors_table(actors)]
    return Doc("Actors", tuple(blocks))


def actor_blocks(
    actor: Actor,
    relations: Sequence[Relation],
    events: Sequence[Event],
    points: Sequence[tuple[str, Point | KeyJudgment]],
    citer: Citer,
    level: int = 1,
) -> list[Block]:
    blocks: list[Block] = [Heading(level, actor.name, anchor=actor_anchor(actor.id))]
    facts: list[tuple[str, Inline]] = [("Kind", plain(actor.kind))]
    if actor.country:
        facts.append(("Country", plain(actor.country.name)))
    if actor.aliases:
        facts.append(("Also known as", plain("; ".join(actor.aliases))))
    facts.append(("Id", (Span(actor.id, "code"),)))
    blocks.append(Fields(tuple(facts)))
    blocks.extend(paragraphs(actor.summary, citer.marks(actor.sources)))
    if actor.stance:
        blocks.append(Fields((("Stance", plain(actor.stance)),)))
    if actor.roles:
        blocks.append(Heading(level + 1, "Roles"))
        blocks.append(
            Bullets(
                tuple(
                    Item(
                        (
                            Span(r.title),
                            *((Span(" (" + role_when(r) + ")", "muted"),) if role_when(r) else ()),
                        )
                    )
                    for r in actor.roles
                )
            )
        )
    if relations:
        blocks.append(Heading(level + 1, "Relations"))
        from ..analysis.network import phrase as relation_phrase  # here: only actor pages need it
        from ..analysis.network import span_text as relation_span

        items = []
        for r in relations:
            span = relation_span(r)
            when = f" ({span})" if span else ""
            # Which way the tie points, in words: FROM is KIND of TO (docs/format.md).
            if r.source is actor:
                spans = [
                    Span(f"→ {actor.name} is {relation_phrase(r.kind)} ", "muted"),
                    Span(r.target.name, "strong"),
                    Span(when, "muted"),
                ]
            else:
                spans = [
                    Span("← ", "muted"),
                    Span(r.source.name, "strong"),
                    Span(f" is {relation_phrase(r.kind)} {actor.name}{when}", "muted"),
                ]
            if r.summary:
                spans.append(Span(": " + one_line(r.summary)))
            spans.extend(citer.marks(r.sources))
            items.append(Item(tuple(spans)))
        blocks.append(Bullets(tuple(items)))
    if events:
        blocks.append(Heading(level + 1, f"Events ({len(events)})"))
        blocks.append(
            Bullets(
                tuple(
                    Item(
                        (
                            Span(event_when(e), "strong"),
                            Span(" — " + e.title),
                            *citer.marks(e.sources),
                        )
                    )
                    for e in events
                )
            )
        )
    if points:
        blocks.append(Heading(level + 1, f"In the briefings ({len(points)})"))
        blocks.append(
            Bullets(
                tuple(
                    Item((Span(f"{bid}: ", "code"), Span(p.text), *citer.marks(p.sources)))
                    for bid, p in points
                )
            )
        )
    return blocks


def actor_doc(
    actor: Actor,
    relations: Sequence[Relation],
    events: Sequence[Event],
    points: Sequence[tuple[str, Point | KeyJudgment]],
) -> Doc:
    citer = Citer()
    blocks = actor_blocks(actor, relations, events, points, citer)
    if citer.sources:
        blocks.append(citer.footnotes())
    return Doc(actor.name, tuple(blocks))


# --------------------------------------------------------------------------- transfers


def transfer_rows(transfers: Sequence[Transfer]) -> tuple[tuple[Inline, ...], ...]:
    return tuple(
        (
            plain(t.designation),
            plain(t.category),
            plain(f"{t.supplier.name} → {t.recipient.name}"),
            plain(disputed_value(t, "ordered", t.ordered.human() if t.ordered else "–")),
            plain(delivery_span(t) + disputed_mark(t.disputed, "delivered_from", "delivered_to")),
            plain(
                disputed_value(t, "quantity_ordered", quantity(t.quantity_ordered))
                + " / "
                + disputed_value(t, "quantity_delivered", quantity(t.quantity_delivered))
            ),
            (Span(t.status or "–", status_style(t.status)),),
        )
        for t in transfers
    )


def disputed_value(t: Transfer, name: str, shown: str) -> str:
    """A register cell: the value, marked when disputed (`disputed` alone when the sources
    dispute a value the entry leaves out)."""
    if not dispute(t.disputed, name):
        return shown
    return "disputed" if shown == "–" else shown + " (disputed)"


def delivery_span(t: Transfer) -> str:
    if t.delivered_from and t.delivered_to and t.delivered_to != t.delivered_from:
        return f"{t.delivered_from.human()} – {t.delivered_to.human()}"
    if t.delivered_from or t.delivered_to:
        return (t.delivered_from or t.delivered_to).human()  # type: ignore[union-attr]
    return "–"


def totals(transfers: Sequence[Transfer], key: str) -> Table:
    """Rows per category (or status), and the values the sources report.

    Quantities are not added up: a row may count missiles, another batteries.
    """
    groups: dict[str, list[Transfer]] = {}
    for t in transfers:
        label = (t.category if key == "category" else t.status) or "unknown"
        groups.setdefault(label, []).append(t)
    statuses = ("delivered", "delivering", "ordered", "unconfirmed", "cancelled")
    shown = [s for s in statuses if any(t.status == s for t in transfers)]
    rows = []
    for label in sorted(groups):
        items = groups[label]
        cells = [plain(label), plain(str(len(items)))]
        if key == "category":
            cells += [plain(str(sum(1 for t in items if t.status == s))) for s in shown]
        cells.append(plain(_total_value(items)))
        rows.append(tuple(cells))
    columns = (key, "rows", *(shown if key == "category" else ()), "reported value")
    return Table(columns, tuple(rows), numeric=(False, *(True,) * (len(columns) - 1)))


def _total_value(transfers: Sequence[Transfer]) -> str:
    """The sum of the values the sources report; "–" when none is reported."""
    known = [t.value_usd for t in transfers if t.value_usd is not None]
    if not known:
        return "–"
    if not any(isinstance(v, Range) for v in known):
        return money(sum(v for v in known if not isinstance(v, Range)))
    low = sum(v.low if isinstance(v, Range) else v for v in known)
    high = sum(v.high if isinstance(v, Range) else v for v in known)
    return money(Range(low, high))


def transfers_blocks(transfers: Sequence[Transfer], citer: Citer, level: int = 1) -> list[Block]:
    ordered = transfers  # in register order, as selected
    blocks: list[Block] = [
        Table(
            (
                "designation",
                "category",
                "route",
                "ordered",
                "delivered",
                "qty ord. / del.",
                "status",
            ),
            transfer_rows(ordered),
            numeric=(False, False, False, False, False, True, False),
            whole=(False, False, True, True, True, True, False),
        ),
        Heading(level + 1, "Totals by category"),
        totals(ordered, "category"),
        Heading(level + 1, "Totals by status"),
        totals(ordered, "status"),
    ]
    detailed = [
        t for t in ordered if t.description or t.notes or t.value_usd or t.sources or t.disputed
    ]
    if detailed:
        blocks.append(Heading(level + 1, "Notes on the register"))
        items = []
        for t in detailed:
            children: list[Block] = []
            if t.description:
                children.extend(paragraphs(t.description))
            facts: list[tuple[str, Inline]] = []
            if t.value_usd:
                shown = disputed_value(t, "value_usd", money(t.value_usd))
                facts.append(("Reported value", plain(shown)))
            if t.notes:
                facts.append(("Notes", plain(one_line(t.notes))))
            facts.extend(dispute_facts(t.disputed))
            if t.sources:
                facts.append(
                    (
                        "Sources",
                        citer.cite(t.sources)
                        if citer.enabled
                        else plain(", ".join(s.id for s in t.sources)),
                    )
                )
                facts.append(origins_fact(t))
            if facts:
                children.append(Fields(tuple(facts)))
            items.append(
                Item(
                    (Span(t.designation, "strong"), Span(f" ({t.id})", "muted")),
                    tuple(children),
                    anchor=f"transfer-{t.id}",
                )
            )
        blocks.append(Bullets(tuple(items)))
    return blocks


def transfers_doc(transfers: Sequence[Transfer]) -> Doc:
    citer = Citer()
    blocks: list[Block] = [Heading(1, "Arms-transfer register")]
    blocks.extend(transfers_blocks(transfers, citer))
    if citer.sources:
        blocks.append(citer.footnotes())
    return Doc("Arms-transfer register", tuple(blocks))


# --------------------------------------------------------------------------- scenarios


def scenario_blocks(scenarios: Sequence[Scenario], level: int = 1) -> list[Block]:
    blocks: list[Block] = []
    for s in scenarios:
        blocks.append(Heading(level + 1, s.title, anchor=f"scenario-{s.id}"))
        facts: list[tuple[str, Inline]] = []
        if s.likelihood:
            facts.append(
                (
                    "Likelihood",
                    (Span(likelihood_words(s.likelihood), likelihood_style(s.likelihood)),),
                )
            )
        if s.horizon:
            facts.append(("Horizon", plain(s.horizon)))
        facts.append(("Id", (Span(s.id, "code"),)))
        blocks.append(Fields(tuple(facts)))
        blocks.extend(paragraphs(s.summary))
        if s.drivers:
            blocks.append(Para((Span("Drivers", "strong"),)))
            blocks.append(Bullets(tuple(Item(plain(d)) for d in s.drivers)))
        if s.indicators:
            blocks.append(Para((Span("Indicators to watch", "strong"),)))
            blocks.append(
                Bullets(
                    tuple(
                        Item(((Span(i.id, "code"), Span(" ")) if i.id else ()) + plain(i.text))
                        for i in s.indicators
                    )
                )
            )
    return blocks


def scenarios_doc(scenarios: Sequence[Scenario]) -> Doc:
    blocks: list[Block] = [Heading(1, "Outlook scenarios"), *scenario_blocks(scenarios)]
    return Doc("Outlook scenarios", tuple(blocks))


# --------------------------------------------------------------------------- reference lists


def themes_doc(counts: Sequence[ThemeCount]) -> Doc:
    rows = tuple(
        (
            plain("  " * c.depth + c.theme.title),
            (Span(c.theme.id, "code"),),
            plain(str(c.events)),
            plain(str(c.points)),
        )
        for c in counts
    )
    table = Table(("theme", "id", "events", "points"), rows, numeric=(False, False, True, True))
    return Doc("Themes", (Heading(1, "Themes"), table))


def countries_doc(counts: Sequence[CountryCount]) -> Doc:
    """The countries by name (JSON keeps them in corpus order)."""
    counts = sorted(counts, key=lambda c: country_name_order(c.country))
    rows = tuple(
        (
            plain(c.country.name),
            (Span(c.country.code, "code"),),
            plain("; ".join(c.country.aliases)),
            plain(str(c.events)),
            plain(str(c.actors)),
            plain(str(c.transfers)),
        )
        for c in counts
    )
    table = Table(
        ("country", "code", "also matches", "events", "actors", "transfers"),
        rows,
        numeric=(False, False, False, True, True, True),
    )
    return Doc("Countries", (Heading(1, "Countries"), table))


def sources_doc(counts: Sequence[SourceCount]) -> Doc:
    rows = tuple(
        (
            (Span(c.source.id, "code"),),
            plain(c.source.title),
            plain(
                (c.source.publisher or "")
                + (
                    f" (origin {origin_name(c.source)})"
                    if c.source.root.origin or c.source.via
                    else ""
                )
            ),
            plain(c.source.published.human() if c.source.published else ""),
            plain(c.source.reliability or ""),
            plain(str(c.citations)),
        )
        for c in counts
    )
    legend = "; ".join(f"{k} {v}" for k, v in RELIABILITY_MEANING.items())
    table = Table(
        ("id", "title", "publisher", "published", "rel.", "cited"),
        rows,
        numeric=(False, False, False, False, False, True),
        whole=(True, False, False, True, True, True),
    )
    return Doc(
        "Sources",
        (
            Heading(1, "Sources"),
            table,
            Para((Span("Reliability (Admiralty scale): " + legend, "muted"),)),
        ),
    )


def marked(text: str, ranges: Sequence[tuple[int, int]]) -> Inline:
    """`text` with the spans in `ranges` marked as matches."""
    spans: list[Span] = []
    at = 0
    for start, end in ranges:
        if start > at:
            spans.append(Span(text[at:start]))
        spans.append(Span(text[start:end], "mark"))
        at = end
    if at < len(text):
        spans.append(Span(text[at:]))
    return tuple(spans)


def search_doc(query: str, hits: Sequence[Hit]) -> Doc:
    blocks: list[Block] = [Heading(1, f"Search: {query}")]
    blocks.append(Para(plain(plural(len(hits), "matching entry", "matching entries"))))
    kind: str | None = None
    batch: list[Item] = []
    for hit in hits:
        if hit.kind != kind:
            if batch:
                blocks.append(Bullets(tuple(batch)))
                batch = []
            kind = hit.kind
            blocks.append(Heading(2, hit.group))
        # A match in the label is marked there, not repeated below it.
        children = tuple(
            Para((Span(f"{m.field}: ", "muted"), *marked(*m.snippet)))
            for m in hit.matches
            if not (hit.label_ranges and m.text == hit.label)
        )
        label = [
            s if s.style else Span(s.text, "strong") for s in marked(hit.label, hit.label_ranges)
        ]
        head = [*label, Span(f" ({hit.ref})", "code")]
        if hit.when:
            head.append(Span(f" — {hit.when}", "muted"))
        batch.append(Item(tuple(head), children))
    if batch:
        blocks.append(Bullets(tuple(batch)))
    return Doc(f"Search: {query}", tuple(blocks))


# --------------------------------------------------------------------------- report


# The sections of a report, in the default order (`vrmc report --sections`).
REPORT_SECTIONS = (
    "judgments",
    "briefings",
    "timeline",
    "actors",
    "transfers",
    "scenarios",
    "watch",
    "ach",
    "glance",
    "sources",
)
SECTION_TITLES = {
    "judgments": "Key judgments at a glance",
    "timeline": "Timeline",
    "actors": "Actors",
    "transfers": "Arms-transfer register",
    "scenarios": "Outlook scenarios",
    "watch": "Watch board",
    "ach": "Competing hypotheses",
    "glance": "At a glance",
    "sources": "Sources",
}


def judgments_table(briefings: Sequence[BriefingView], citer: Citer) -> Table:
    """Every key judgment, with its likelihood, confidence and briefing."""
    rows = []
    for view in briefings:
        for j in view.key_judgments:
            rows.append(
                (
                    (Span(j.text), *citer.marks(j.sources)),
                    (
                        (Span(likelihood_words(j.likelihood), likelihood_style(j.likelihood)),)
                        if j.likelihood
                        else plain("–")
                    ),
                    (
                        (Span(j.confidence, confidence_badge(j.confidence)[1].style),)
                        if j.confidence
                        else plain("–")
                    ),
                    (
                        Span(
                            view.briefing.title,
                            anchor=briefing_anchor(view.briefing.id),
                        ),
                    ),
                )
            )
    return Table(("judgment", "likelihood", "confidence", "briefing"), tuple(rows))


def report_summary(
    briefings: Sequence[BriefingView], events: Sequence[Event], transfers: Sequence[Transfer]
) -> SourceSummary:
    """The source summary of a whole report: every source its briefings, events and
    transfers rest on; key judgments named by briefing and number."""
    found: list[Source] = []
    labelled: list[tuple[str, KeyJudgment]] = []
    for view in briefings:
        points = [p for s in view.sections for p in s.points]
        found.extend(briefing_sources(view.briefing, view.key_judgments, points))
        labelled += [
            (f"{view.briefing.title}, key judgment {n}", j)
            for n, j in enumerate(view.key_judgments, 1)
        ]
    for event in events:
        found.extend(event.sources)
    for transfer in transfers:
        found.extend(transfer.sources)
    return summarize(found, labelled)


def report_doc(
    topic: Topic | None,
    labels: Sequence[str],
    briefings: Sequence[BriefingView],
    events: Sequence[Event],
    actors: Sequence[Actor],
    transfers: Sequence[Transfer],
    scenarios: Sequence[Scenario],
    *,
    cite: bool = True,
    sections: Sequence[str] = REPORT_SECTIONS,
    watch: Sequence[Block] = (),
    ach: Sequence[Block] = (),
    glance: Sequence[Block] = (),
) -> tuple[Doc, list[Source]]:
    """The whole briefing document, and its sources: every source the report relies on,
    numbered in order of first citation (sources no point cites follow, in order of use).

    `sections` picks and orders the parts (names from REPORT_SECTIONS); `cite` off leaves
    the citation markers out (the Sources list stays)."""
    citer = Citer(enabled=cite)
    title = topic.title if topic else "Briefing report"
    blocks: list[Block] = [Heading(1, title)]
    lead: list[Span] = []
    if topic and topic.subtitle:
        lead.append(Span(topic.subtitle, "em"))
    if topic and topic.as_of:
        lead.append(Span((" — " if lead else "") + f"as of {topic.as_of.human()}", "muted"))
    if lead:
        blocks.append(Para(tuple(lead)))
    if labels:
        blocks.append(Para((Span("Filtered by: " + "; ".join(labels), "muted"),)))
    if topic and topic.summary:
        blocks.append(Callout("Summary", tuple(paragraphs(topic.summary)), "bottom-line"))
    overall = report_summary(briefings, events, transfers)
    blocks.append(
        Callout(
            "Source summary",
            (Para((Span(" ".join(summary_sentences(overall, "This report"))),)),),
            "bottom-line",
        )
    )
    body: list[Block] = []
    contents: list[Item] = []

    def part(name: str, heading: str | None = None) -> None:
        text = heading or SECTION_TITLES[name]
        body.append(Heading(2, text, anchor=name))
        contents.append(Item((Span(text, anchor=name),)))

    has_judgments = any(v.key_judgments for v in briefings)
    built = {"watch": watch, "ach": ach, "glance": glance}
    at_sources: tuple[int, int] | None = None  # where the Sources list goes, once numbered
    for name in sections:
        if name == "judgments" and has_judgments:
            part(name)
            body.append(judgments_table(briefings, citer))
        elif name == "briefings":
            for view in briefings:
                anchor = briefing_anchor(view.briefing.id)
                contents.append(Item((Span(view.briefing.title, anchor=anchor),)))
                body.extend(briefing_blocks(view, citer, level=2))
        elif name == "timeline" and events:
            part(name)
            body.extend(timeline_blocks(events, citer, level=2))
        elif name == "actors" and actors:
            part(name)
            body.append(actors_table(sorted(actors, key=lambda a: (a.name.casefold(), a.id))))
        elif name == "transfers" and transfers:
            part(name)
            body.extend(transfers_blocks(transfers, citer, level=2))
        elif name == "scenarios" and scenarios:
            part(name)
            body.extend(scenario_blocks(scenarios, level=2))
        elif built.get(name):  # a section the command built: the watch board, ACH, pictures
            part(name)
            body.extend(built[name])
        elif name == "sources":
            at_sources = (len(body), len(contents))
    # Everything the report relies on, cited or not, so the list is the same whichever
    # sections are shown: cited sources first, by first citation.
    cited: list[Event | Point | KeyJudgment | Transfer] = [*events]
    for view in briefings:
        cited.extend(view.key_judgments)
        cited.extend(p for s in view.sections for p in s.points)
    cited.extend(transfers)
    for item in cited:
        citer.number(item.sources)
    for view in briefings:
        citer.number(view.briefing.sources)
    if at_sources is not None and citer.sources:
        notes = citer.footnotes(SECTION_TITLES["sources"], 2)
        body[at_sources[0] : at_sources[0]] = [
            Heading(2, notes.title, anchor="sources"),
            Footnotes("", 2, notes.notes, notes.anchors),
        ]
        contents.insert(at_sources[1], Item((Span(notes.title, anchor="sources"),)))
    if contents:
        blocks.append(Heading(2, "Contents", anchor="contents"))
        blocks.append(Bullets(tuple(contents), ordered=True))
    blocks.extend(body)
    return Doc(title, tuple(blocks)), citer.sources


# --------------------------------------------------------------------------- competing hypotheses

_RATING_STYLE: dict[str, Style] = {
    "CC": "status-ok",
    "C": "status-ok",
    "N": "muted",
    "I": "status-bad",
    "II": "status-bad",
}


def ach_number(value: Fraction) -> str:
    from ..analysis.ach import number

    return number(value)


def evidence_label(e: Evidence) -> str:
    """An evidence row's name: an event's date and title, a point's briefing and text."""
    if isinstance(e.item, Event):
        return f"{event_when(e.item)} {e.item.title}"
    where = e.briefing.id if e.briefing else "point"
    return f"{where}: {one_line(e.item.text)}"


def sensitivity_words(a: Analysis) -> Inline:
    """The sensitivity line: the one piece of evidence whose removal changes the ranking."""
    if not a.evidence:
        return plain("Sensitivity: no rated evidence.")
    s = a.sensitivity
    if s is None:
        return plain(
            "Sensitivity: removing any single piece of evidence leaves the ranking as it is."
        )
    order = ""
    for before, x in zip((None, *s.scores), s.scores, strict=False):
        if before is not None:
            order += " = " if before.score == x.score else " < "
        order += f"{x.hypothesis.id} {ach_number(x.score)}"
    what = "changes which hypothesis leads" if s.changes_lead else "changes the ranking"
    others = f"; {plural(s.others, 'other piece')} would also change it" if s.others else ""
    return (
        Span("Sensitivity: ", "strong"),
        Span(f"removing #{s.evidence.number} "),
        Span(evidence_label(s.evidence), "em"),
        Span(f" {what} ({order}){others}."),
    )


def ach_blocks(
    a: Analysis, level: int = 2, *, notes: bool = False, anchor_prefix: str = ""
) -> list[Block]:
    """One question: its heading (anchored at `anchor_prefix` + its id), scores,
    sensitivity and matrix, and with `notes` every rating's note."""
    blocks: list[Block] = [Heading(level, a.question.text, anchor_prefix + a.question.id)]
    if a.question.summary:
        blocks.extend(paragraphs(a.question.summary))
    diagnostic = sum(1 for e in a.evidence if e.diagnostic)
    blocks.append(
        Fields(
            (
                ("Question", (Span(a.question.id, "code"),)),
                ("Hypotheses", plain(str(len(a.hypotheses)))),
                ("Evidence", plain(f"{len(a.evidence)} rated, {diagnostic} diagnostic")),
            )
        )
    )
    blocks.append(Heading(level + 1, "Scores"))
    blocks.append(
        Table(
            ("rank", "hypothesis", "statement", "I", "II", "score"),
            tuple(
                (
                    plain(str(s.rank)),
                    (Span(s.hypothesis.id, "code"),),
                    (
                        Span(s.hypothesis.statement),
                        *(
                            (Span(f" (scenario: {s.hypothesis.scenario.id})", "muted"),)
                            if s.hypothesis.scenario
                            else ()
                        ),
                    ),
                    plain(str(s.inconsistent)),
                    plain(str(s.very_inconsistent)),
                    (Span(ach_number(s.score), "strong"),),
                )
                for s in a.scores
            ),
            numeric=(True, False, False, True, True, True),
        )
    )
    blocks.append(Para(sensitivity_words(a)))
    blocks.append(Heading(level + 1, "Matrix"))
    ids = tuple(h.id for h in a.hypotheses)
    rows = tuple(
        (
            plain(str(e.number)),
            plain(evidence_label(e)),
            plain(ach_number(e.credibility)),
            *((Span(r, _RATING_STYLE[r]),) for r in (e.rating(h) for h in a.hypotheses)),
            plain("yes") if e.diagnostic else (Span("no", "muted"),),
        )
        for e in a.evidence
    )
    blocks.append(
        Table(
            ("#", "evidence", "credibility", *ids, "diagnostic"),
            rows,
            numeric=(True, False, True, *(False for _ in ids), False),
        )
    )
    blocks.append(
        Para(
            plain(
                "Ratings: CC very consistent, C consistent, N neutral or not rated, "
                "I inconsistent, II very inconsistent. Score: the sum of credibility × 1 "
                "for each I and × 2 for each II; the lowest score ranks first. Evidence "
                "rated the same against every hypothesis has no diagnostic value."
            )
        )
    )
    if notes:
        blocks.append(Heading(level + 1, "Ratings and notes"))
        items = []
        for e in a.evidence:
            children = tuple(
                Item(
                    (
                        Span(h.id, "code"),
                        Span(": "),
                        Span(e.ratings[h.id].rating, _RATING_STYLE[e.ratings[h.id].rating]),
                        *((Span(" — "), Span(note)) if (note := e.ratings[h.id].note) else ()),
                    )
                )
                for h in a.hypotheses
                if h.id in e.ratings
            )
            head = (Span(f"#{e.number} ", "muted"), Span(evidence_label(e), "strong"))
            items.append(Item(head, (Bullets(children),)))
        blocks.append(Bullets(tuple(items)))
    return blocks


def ach_doc(analyses: Sequence[Analysis], *, notes: bool = False) -> Doc:
    blocks: list[Block] = [Heading(1, "Competing hypotheses")]
    if not analyses:
        blocks.append(Para(plain("No ACH questions.")))
    for a in analyses:
        blocks.extend(ach_blocks(a, 2, notes=notes))
    return Doc("Competing hypotheses", tuple(blocks))


# --------------------------------------------------------------------------- watch board

_WATCH_STYLE: dict[str, Style] = {
    "seen": "status-ok",
    "contrary": "status-bad",
    "not seen": "status-pending",
}


def watch_summary(watch: ScenarioWatch) -> str:
    """`5 indicators: 2 seen, 1 contrary, 2 not seen`."""
    counts = ", ".join(f"{watch.count(s)} {s}" for s in ("seen", "contrary", "not seen"))
    return f"{plural(len(watch.indicators), 'indicator')}: {counts}"


def watch_blocks(board: Board, level: int = 1) -> list[Block]:
    """The watch board: per scenario, a summary line and a table of its indicators."""
    blocks: list[Block] = []
    window = []
    if board.since:
        window.append(f"from {board.since.human()}")
    if board.until:
        window.append(f"to {board.until.human()}")
    lead = (
        "Evidence: every signalling event" if not window else "Evidence: events " + " ".join(window)
    )
    if board.as_of:
        lead += (
            f". Days since are counted to the corpus's as-of date, {board.as_of.human()}, "
            "not to today's date."
        )
    else:
        lead += ". The corpus has no as-of date, so no days since are shown."
    blocks.append(Para((Span(lead, "muted"),)))
    for watch in board.scenarios:
        s = watch.scenario
        blocks.append(Heading(level + 1, s.title, anchor=f"watch-{s.id}"))
        summary: list[Span] = [Span(watch_summary(watch), "strong")]
        if s.likelihood:
            summary.append(Span(" · scenario judged "))
            summary.append(Span(likelihood_words(s.likelihood), likelihood_style(s.likelihood)))
        blocks.append(Para(tuple(summary)))
        rows = []
        for w in watch.indicators:
            name: list[Span] = []
            if w.indicator.id:
                name += [Span(w.indicator.id, "code"), Span(" ")]
            name.append(Span(w.indicator.text))
            if w.indicator.deadline:
                name.append(Span(f" (by {w.indicator.deadline.human()})", "muted"))
            elif w.indicator.horizon:
                name.append(Span(f" (horizon: {w.indicator.horizon})", "muted"))
            latest = w.latest
            signals = f"{w.count('for')} for, {w.count('against')} against" if w.signs else "0"
            rows.append(
                (
                    tuple(name),
                    (Span(w.status, _WATCH_STYLE[w.status]),),
                    plain(signals),
                    plain(f"{event_when(latest.event)} — {latest.event.title}" if latest else ""),
                    plain("" if w.days_since is None else str(w.days_since)),
                )
            )
        blocks.append(
            Table(
                ("indicator", "status", "signals", "latest", "days since"),
                tuple(rows),
                numeric=(False, False, False, False, True),
                whole=(False, True, True, False, True),
            )
        )
    return blocks


def watch_doc(board: Board) -> Doc:
    blocks: list[Block] = [Heading(1, "Watch board"), *watch_blocks(board)]
    return Doc("Watch board", tuple(blocks))


# --------------------------------------------------------------------------- judgments


def judgments_doc(found: Sequence[tuple[Briefing, KeyJudgment]], sort: str) -> Doc:
    """Every key judgment, with its briefing, likelihood, confidence and basis events."""
    blocks: list[Block] = [
        Heading(1, "Key judgments"),
        Para((Span(f"{plural(len(found), 'key judgment')}, by {sort}", "muted"),)),
    ]
    items = []
    for briefing, judgment in found:
        head: list[Span] = [Span(judgment.text)]
        pairs: list[tuple[str, Inline]] = [
            ("Briefing", (Span(briefing.id, "code"), Span(" — "), Span(briefing.title))),
            (
                "Likelihood",
                (
                    Span(
                        likelihood_words(judgment.likelihood),
                        likelihood_style(judgment.likelihood),
                    ),
                )
                if judgment.likelihood
                else plain("not stated"),
            ),
            (
                "Confidence",
                (Span(judgment.confidence, confidence_badge(judgment.confidence)[1].style),)
                if judgment.confidence
                else plain("not stated"),
            ),
        ]
        children: list[Block] = [Fields(tuple(pairs))]
        if judgment.basis:
            children.append(Para((Span("Basis", "strong"),)))
            children.append(
                Bullets(
                    tuple(
                        Item((Span(event_when(e), "strong"), Span(" — "), Span(e.title)))
                        for e in judgment.basis
                    )
                )
            )
        items.append(Item(tuple(head), tuple(children)))
    if items:
        blocks.append(Bullets(tuple(items), ordered=True))
    return Doc("Key judgments", tuple(blocks))


# --------------------------------------------------------------------------- diff


def word_diff(before: str, after: str) -> Inline:
    """The words of `after`, with removed words as `[-...-]` and added ones as `{+...+}`
    (git's plain word diff, styled where the format can)."""
    import difflib

    old, new = before.split(), after.split()
    spans: list[Span] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if spans:
            spans.append(Span(" "))
        if op == "equal":
            spans.append(Span(" ".join(old[a1:a2])))
            continue
        if a2 > a1:
            spans.append(Span("[-" + " ".join(old[a1:a2]) + "-]", "status-bad"))
        if b2 > b1:
            if a2 > a1:
                spans.append(Span(" "))
            spans.append(Span("{+" + " ".join(new[b1:b2]) + "+}", "status-ok"))
    return tuple(spans)


def _shown(value: object) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_shown(v) for v in value) + "]"
    if isinstance(value, dict):  # a nested entry: its fields that have a value
        shown = (f"{k}: {_shown(v)}" for k, v in value.items() if v not in (None, [], False))
        return "{" + ", ".join(shown) + "}"
    return str(value)


def change_inline(before: object, after: object, *, words: bool) -> Inline:
    """A field's change: a word diff for two texts (with `words`), else before → after."""
    if words and isinstance(before, str) and isinstance(after, str):
        return word_diff(before, after)
    if isinstance(before, list) and isinstance(after, list):
        gone = [v for v in before if v not in after]
        new = [v for v in after if v not in before]
        spans: list[Span] = []
        if gone:
            spans.append(Span("removed " + ", ".join(_shown(v) for v in gone), "status-bad"))
        if new:
            if spans:
                spans.append(Span("; "))
            spans.append(Span("added " + ", ".join(_shown(v) for v in new), "status-ok"))
        if spans:
            return tuple(spans)
    return (
        Span(_shown(before), "status-bad"),
        Span(" → "),
        Span(_shown(after), "status-ok"),
    )


def diff_doc(diff: CorpusDiff) -> Doc:
    """What changed between two versions of a corpus: what to notice first, then every
    added, removed and changed entry by kind, field by field."""
    title = f"Changes from {diff.old} to {diff.new}"
    blocks: list[Block] = [Heading(1, title)]
    if not diff.kinds:
        blocks.append(Para(plain("No changes.")))
        return Doc(title, tuple(blocks))
    blocks.append(Heading(2, "Notice first"))
    notices = [
        Item(
            n.spans() + word_diff(n.before, n.after)
            if n.what == "judgment" and isinstance(n.before, str) and isinstance(n.after, str)
            else n.spans()
        )
        for n in diff.notices
    ]
    if notices:
        blocks.append(Bullets(tuple(notices)))
    else:
        blocks.append(
            Para(plain("No key judgment, likelihood, event or indicator status changed."))
        )
    for kind in diff.kinds:
        blocks.append(Heading(2, kind.title))
        counts = (
            f"{len(kind.added)} added, {len(kind.removed)} removed, {len(kind.changed)} changed"
        )
        blocks.append(Para((Span(counts, "muted"),)))
        items: list[Item] = []
        for key, label in kind.added:
            items.append(Item((Span("added ", "status-ok"), Span(key, "code"), Span(" " + label))))
        for key, label in kind.removed:
            items.append(
                Item((Span("removed ", "status-bad"), Span(key, "code"), Span(" " + label)))
            )
        for changed in kind.changed:
            pairs = tuple(
                (c.path, change_inline(c.before, c.after, words=c.wordy)) for c in changed.fields
            )
            items.append(
                Item(
                    (
                        Span("changed ", "status-pending"),
                        Span(changed.key, "code"),
                        Span(" " + changed.label),
                    ),
                    (Fields(pairs),),
                )
            )
        blocks.append(Bullets(tuple(items)))
    return Doc(title, tuple(blocks))
