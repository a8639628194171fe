"""Full-text search across every text field, ignoring case and accents."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from typing import Any

from .kinds import KIND
from .model import Corpus
from .query import Filter
from .record import record


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


def _text(value: Any, field_type: str, target: str | None) -> str | None:
    if value is None:
        return None
    if field_type == "texts":
        return "; ".join(value) or None
    if field_type == "disputed":
        return "; ".join(note for _, note in value) or None
    if field_type in ("entries", "items"):
        parts = [t for sub in value for _, t in _fields(target or "", sub) if t]
        return "; ".join(parts) or None
    return str(value)


def _fields(kind: str, entry: Any) -> Fields:
    """The searchable fields of an entry (kinds.py marks them), with their text."""
    return [
        (f.name, _text(getattr(entry, f.attribute), f.type, f.target))
        for f in KIND[kind].fields
        if f.search
    ]


def _entries(corpus: Corpus, f: Filter) -> Iterator[tuple[str, str, str, Fields]]:
    """(kind, ref, label, [(field, text)]) for every entry that passes the filter."""
    if corpus.topic and not f.active:
        t = corpus.topic
        yield (
            "topic",
            "topic",
            t.title,
            _fields("topic", t),
        )
    for b in corpus.briefings:
        if not f.active or any(f.point_ok(p) for s in b.sections for p in s.points):
            yield "briefing", b.id, b.title, _fields("briefings", b)
        for j in b.key_judgments:
            if f.point_ok(j):
                yield "judgment", b.id, b.title, _fields("judgment", j)
        for s in b.sections:
            for p in s.points:
                if f.point_ok(p):
                    yield "point", b.id, f"{b.title} › {s.heading}", _fields("point", p)
    for e in corpus.events:
        if f.event_ok(e):
            yield "event", e.id, e.title, _fields("events", e)
    for a in corpus.actors:
        if f.actor_entry_ok(a):
            yield "actor", a.id, a.name, _fields("actors", a)
    for r in corpus.relations:
        if f.relation_ok(r):
            label = f"{r.source.name} → {r.target.name}"
            yield (
                "relation",
                f"{r.source.id}/{r.target.id}",
                label,
                _fields("relations", r),
            )
    for tr in corpus.transfers:
        if f.transfer_ok(tr):
            yield "transfer", tr.id, tr.designation, _fields("transfers", tr)
    for sc in corpus.scenarios:
        if f.scenario_ok(sc):
            yield "scenario", sc.id, sc.title, _fields("scenarios", sc)
    if not f.active:
        for th in corpus.themes:
            yield "theme", th.id, th.title, _fields("themes", th)
        for c in corpus.countries:
            yield "country", c.code, c.name, _fields("countries", c)
        for src in corpus.sources:
            yield "source", src.id, src.title, _fields("sources", src)


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
