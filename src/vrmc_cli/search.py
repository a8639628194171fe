"""Full-text search across every text field, ignoring case and accents."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator

from .model import Corpus
from .query import Filter
from .record import record
from .render.doc import Inline, Span


def _fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each folded character, the index of its source character."""
    if text.isascii():  # the usual case: one folded character for each, in place
        return text.lower(), list(range(len(text)))
    out: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        folded = char.casefold() if char.isascii() else _fold_char(char)
        out.append(folded)
        origin.extend([index] * len(folded))
    return "".join(out), origin


def find_spans(text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """Merged (start, end) ranges of `text` where any folded term occurs."""
    folded, origin = fold_with_map(text)
    ranges: list[tuple[int, int]] = []
    for term in terms:
        start = folded.find(term)
        while start != -1 and term:
            end = start + len(term)
            ranges.append((origin[start], origin[end - 1] + 1))
            start = folded.find(term, end)
    ranges.sort()
    merged: list[tuple[int, int]] = []
    for start, end in ranges:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


@record(frozen=True, eq=True)
class Match:
    field: str
    text: str
    ranges: tuple[tuple[int, int], ...]

    def spans(self) -> Inline:
        """The text with its matching words marked."""
        spans: list[Span] = []
        at = 0
        for start, end in self.ranges:
            if start > at:
                spans.append(Span(self.text[at:start]))
            spans.append(Span(self.text[start:end], "mark"))
            at = end
        if at < len(self.text):
            spans.append(Span(self.text[at:]))
        return tuple(spans)


@record(frozen=True, eq=True)
class Hit:
    kind: str  # briefing, judgment, point, event, actor, ...
    group: str  # heading for the group of hits of this kind
    ref: str  # how to reach it: an id, or `briefing-id` for a point
    label: str
    matches: tuple[Match, ...]


GROUPS = {
    "topic": "Topic",
    "briefing": "Briefings",
    "judgment": "Key judgments",
    "point": "Briefing points",
    "event": "Events",
    "actor": "Actors",
    "relation": "Relations",
    "transfer": "Arms transfers",
    "scenario": "Scenarios",
    "theme": "Themes",
    "country": "Countries",
    "source": "Sources",
}

Fields = list[tuple[str, str | None]]


def _entries(corpus: Corpus, f: Filter) -> Iterator[tuple[str, str, str, Fields]]:
    """(kind, ref, label, [(field, text)]) for every entry that passes the filter."""
    if corpus.topic and not f.active:
        t = corpus.topic
        yield (
            "topic",
            "topic",
            t.title,
            [("title", t.title), ("subtitle", t.subtitle), ("summary", t.summary)],
        )
    for b in corpus.briefings:
        if not f.active or any(f.point_ok(p) for s in b.sections for p in s.points):
            yield "briefing", b.id, b.title, [("title", b.title), ("summary", b.summary)]
        for j in b.key_judgments:
            if f.point_ok(j):
                yield "judgment", b.id, b.title, [("text", j.text)]
        for s in b.sections:
            for p in s.points:
                if f.point_ok(p):
                    yield "point", b.id, f"{b.title} › {s.heading}", [("text", p.text)]
    for e in corpus.events:
        if f.event_ok(e):
            yield (
                "event",
                e.id,
                e.title,
                [("title", e.title), ("summary", e.summary), ("display_date", e.display_date)],
            )
    for a in corpus.actors:
        if f.actor_entry_ok(a):
            yield (
                "actor",
                a.id,
                a.name,
                [
                    ("name", a.name),
                    ("aliases", "; ".join(a.aliases) or None),
                    ("summary", a.summary),
                    ("stance", a.stance),
                    ("roles", "; ".join(r.title for r in a.roles) or None),
                ],
            )
    for r in corpus.relations:
        if f.relation_ok(r):
            label = f"{r.source.name} → {r.target.name}"
            yield (
                "relation",
                f"{r.source.id}/{r.target.id}",
                label,
                [("kind", r.kind), ("summary", r.summary)],
            )
    for tr in corpus.transfers:
        if f.transfer_ok(tr):
            yield (
                "transfer",
                tr.id,
                tr.designation,
                [
                    ("designation", tr.designation),
                    ("category", tr.category),
                    ("description", tr.description),
                    ("notes", tr.notes),
                ],
            )
    for sc in corpus.scenarios:
        if f.scenario_ok(sc):
            yield (
                "scenario",
                sc.id,
                sc.title,
                [
                    ("title", sc.title),
                    ("summary", sc.summary),
                    ("horizon", sc.horizon),
                    ("drivers", "; ".join(sc.drivers) or None),
                    ("indicators", "; ".join(sc.indicators) or None),
                ],
            )
    if not f.active:
        for th in corpus.themes:
            yield "theme", th.id, th.title, [("title", th.title), ("description", th.description)]
        for c in corpus.countries:
            yield (
                "country",
                c.code,
                c.name,
                [("name", c.name), ("aliases", "; ".join(c.aliases) or None), ("region", c.region)],
            )
        for src in corpus.sources:
            yield (
                "source",
                src.id,
                src.title,
                [("title", src.title), ("publisher", src.publisher), ("url", src.url)],
            )


def search(corpus: Corpus, query: str, f: Filter) -> list[Hit]:
    """Entries in which every word of the query occurs (in any of their fields), by kind."""
    words = fold_with_map(query)[0].split()
    if not words:
        return []
    hits: dict[str, list[Hit]] = {kind: [] for kind in GROUPS}
    for kind, ref, label, fields in _entries(corpus, f):
        texts = [(name, text) for name, text in fields if text]
        folded = " ".join(fold_with_map(text)[0] for _, text in texts)
        if not all(w in folded for w in words):
            continue
        matches = []
        for name, text in texts:
            ranges = find_spans(text, words)
            if ranges:
                matches.append(Match(name, text, tuple(ranges)))
        hits[kind].append(Hit(kind, GROUPS[kind], ref, label, tuple(matches)))
    return [hit for kind in GROUPS for hit in hits[kind]]
