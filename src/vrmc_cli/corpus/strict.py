"""Tradecraft checks (`vrmc validate --strict`): what an audit finds by reading, where a
program can (docs/format.md "Strict checks").

They run on the checked records of a corpus that links without problems, so that each
problem can say where the entry is. Every problem's message starts with `strict: `.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from ..core.errors import Problem
from ..core.textsafe import quote
from .fields import Record
from .load import Fragment
from .model import Range

# What an entry's text says when its sources disagree.
DISPUTE_WORDS = re.compile(
    r"\b(?:disputed|contested"
    r"|(?:accounts|sources|reports|figures|estimates) (?:differ|vary|disagree|conflict)"
    r"|differs? by source|conflicting (?:accounts|reports|figures|dates)"
    r"|(?:sources|accounts|reports) are divided)\b",
    re.IGNORECASE,
)
# What a sentence that calls something disputed is about: a date, a quantity or a value.
ABOUT = {
    "date": re.compile(r"\b(?:dates?|dated|days?|timing|when)\b", re.IGNORECASE),
    "quantity": re.compile(
        r"\b(?:quantit(?:y|ies)|numbers?|how many|counts?|counted|size|units|figures?)\b",
        re.IGNORECASE,
    ),
    "value": re.compile(r"\b(?:value|price|cost|worth|dollars?)\b|US\$", re.IGNORECASE),
}
# Per kind: the text fields read for disputes, and the fields of each thing a dispute can
# be about.
CHECKED: dict[str, tuple[tuple[str, ...], dict[str, tuple[str, ...]]]] = {
    "events": (("title", "summary"), {"date": ("date", "end")}),
    "transfers": (
        ("description", "notes"),
        {
            "date": ("ordered", "delivered_from", "delivered_to"),
            "quantity": ("quantity_ordered", "quantity_delivered"),
            "value": ("value_usd",),
        },
    ),
}
# What ends a clause (see _disputes_in).
_CLAUSE_MARKS = (". ", ".\n", ",", ";", ":", "(", ")", "—", "!", "?")
GOOD_GRADES = ("A", "B")  # a single source graded below these is no ground for high confidence
USABLE_GRADES = ("A", "B", "C")  # a judgment needs evidence from at least one of these

Located = tuple[str, Record]


def check(fragments: Sequence[Fragment]) -> list[Problem]:
    """Every strict problem of a corpus whose fragments link without problems, sorted."""
    records: dict[str, list[Located]] = {}
    for fragment in fragments:
        for kind, found in fragment.records.items():
            records.setdefault(kind, []).extend((fragment.path, r) for r in found)
    sources = {r["id"]: r for _, r in records.get("sources", ())}
    events = {r["id"]: r for _, r in records.get("events", ())}
    problems = [
        *_flat_disputes(records),
        *_weak_basis(records, events, sources),
        *_single_weak_source(records, sources),
        *_stale_as_of(records),
        *_dated_after_sources(records, sources),
    ]
    return sorted(problems)


def _problem(path: str, record: Record, message: str) -> Problem:
    line, column = record["@"]
    return Problem(path, line, column, "strict: " + message)


def _ids(refs: Any) -> list[str]:
    return [ref[0] for ref in refs or ()]


def _grade(source: Record | None) -> str:
    return (source or {}).get("reliability") or "ungraded"


# --------------------------------------------------------------------------- the rules


def _flat_disputes(records: dict[str, list[Located]]) -> Iterator[Problem]:
    """A date or quantity given flatly while the entry's own text calls it disputed."""
    for kind, (texts, about) in CHECKED.items():
        noun = kind[:-1]
        for path, r in records.get(kind, ()):
            disputed = {name for name, _ in r.get("disputed", ())}
            for text_field in texts:
                for _said, clause in _disputes_in(r.get(text_field) or ""):
                    for what, fields in about.items():
                        if not ABOUT[what].search(clause):
                            continue
                        flat = [f for f in fields if f in r and not isinstance(r[f], Range)]
                        recorded = [
                            f for f in fields if f in disputed or isinstance(r.get(f), Range)
                        ]
                        if flat and not recorded:
                            remedy = "name it in `disputed` (who says what)"
                            if what != "date":
                                remedy += " or give a [low, high] range"
                            yield _problem(
                                path,
                                r,
                                f"{noun} {quote(r.get('id', '?'))}: its {text_field} says "
                                f"{quote(clause)}, but {' and '.join(flat)} "
                                f"{'is' if len(flat) == 1 else 'are'} given flatly; {remedy}",
                            )


def _disputes_in(text: str) -> Iterator[tuple[str, str]]:
    """(the words, their clause) for each place the text says sources disagree. A clause
    runs between punctuation marks, so `No date is known, and the quantities are disputed`
    is about quantities, not the date."""
    for said in DISPUTE_WORDS.finditer(text):
        start = max((text.rfind(mark, 0, said.start()) for mark in _CLAUSE_MARKS), default=-1)
        ends = [i for mark in _CLAUSE_MARKS if (i := text.find(mark, said.end())) >= 0]
        clause = text[start + 1 : min(ends, default=len(text))]
        yield said.group(), " ".join(clause.split()).rstrip(".")


def _weak_basis(
    records: dict[str, list[Located]], events: dict[str, Record], sources: dict[str, Record]
) -> Iterator[Problem]:
    """A key judgment whose basis events cite no source graded A, B or C."""
    for path, briefing in records.get("briefings", ()):
        for judgment in briefing.get("key_judgments", ()):
            basis = _ids(judgment.get("basis"))
            if not basis:
                continue
            cited = {s for e in basis for s in _ids(events.get(e, {}).get("sources"))}
            if any(_grade(sources.get(s)) in USABLE_GRADES for s in cited):
                continue
            grades = ", ".join(sorted(f"{s} ({_grade(sources.get(s))})" for s in cited))
            yield _problem(
                path,
                judgment,
                f"key judgment of briefing {quote(briefing.get('id', '?'))}: its basis events "
                f"({', '.join(basis)}) rest only on sources graded D or worse or not graded"
                + (f": {grades}" if grades else " (they cite no source)"),
            )


def _single_weak_source(
    records: dict[str, list[Located]], sources: dict[str, Record]
) -> Iterator[Problem]:
    """A point or key judgment at high confidence on one source graded C or worse."""
    for path, briefing in records.get("briefings", ()):
        items = [("key judgment", j) for j in briefing.get("key_judgments", ())]
        items += [("point", p) for s in briefing.get("sections", ()) for p in s.get("points", ())]
        for what, item in items:
            cited = _ids(item.get("sources"))
            if item.get("confidence") != "high" or len(cited) != 1:
                continue
            grade = _grade(sources.get(cited[0]))
            if grade in GOOD_GRADES:
                continue
            yield _problem(
                path,
                item,
                f"{what} of briefing {quote(briefing.get('id', '?'))} is stated at high "
                f"confidence on a single source graded {grade} ({cited[0]}); add a "
                "corroborating source or lower the confidence",
            )


def _stale_as_of(records: dict[str, list[Located]]) -> Iterator[Problem]:
    """`as_of` older than the newest event."""
    topics = records.get("topic", ())
    if not topics or topics[0][1].get("as_of") is None:
        return
    path, topic = topics[0]
    as_of = topic["as_of"]
    newest: tuple[Any, str, Any] | None = None
    for _, e in records.get("events", ()):
        latest = e.get("end") or e.get("date")
        if latest is not None and (newest is None or latest.first_day > newest[0].first_day):
            newest = (latest, e.get("id", "?"), latest)
    if newest is not None and as_of.last_day < newest[0].first_day:
        yield _problem(
            path,
            topic,
            f"topic: as_of {as_of} is older than the newest event, {quote(newest[1])} "
            f"({newest[2]}); set as_of to the date of the latest fact used",
        )


def _dated_after_sources(
    records: dict[str, list[Located]], sources: dict[str, Record]
) -> Iterator[Problem]:
    """An event dated after every source it cites was published: the sources cannot
    report it (they may have announced it, which is not the same)."""
    for path, e in records.get("events", ()):
        cited = _ids(e.get("sources"))
        found = [sources.get(s, {}).get("published") for s in cited]
        published = [p for p in found if p is not None]
        if not cited or len(published) < len(found):
            continue  # an undated source may have been published after the event
        newest = max(published, key=lambda p: p.last_day)
        for name in ("date", "end"):
            when = e.get(name)
            if when is not None and when.first_day > newest.last_day:
                yield _problem(
                    path,
                    e,
                    f"event {quote(e.get('id', '?'))}: its {name} {when} is after every source "
                    f"it cites was published (the newest, {newest}); cite a source that "
                    "reports it",
                )
