"""A generated corpus, written as YAML and loaded, prints as JSON that loads back to the same.

FORMAT.md: JSON entries "keep the field names of this format", so a corpus printed as JSON is
itself a topic file once its nulls are dropped. Hypothesis builds corpora of every kind with
arbitrary text, partial dates and links; each must load, print what was written, and load
again from its own JSON to the same JSON.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import examples
from vrmc_cli.corpus.model import (
    ACTOR_KINDS,
    CONFIDENCES,
    CONSISTENCIES,
    CREDIBILITIES,
    LIKELIHOODS,
    PLACE_PRECISIONS,
    RELIABILITIES,
    TRANSFER_STATUSES,
    Corpus,
)
from vrmc_cli.corpus.roots import load_corpus
from vrmc_cli.corpus.serialize import entries, entry
from vrmc_cli.render.as_json import dumps

# Any text a YAML file may hold (no surrogates, no controls but tab and newline, no
# noncharacters), not blank, as written: leading and trailing spaces included. Not ending in
# a line break, which is not part of a text (docs/format.md "Text").
CHARACTERS = st.characters(
    blacklist_categories=("Cs", "Cc", "Cn"), blacklist_characters="\ufeff\x85"
) | st.sampled_from("\n\t")
# Built, not filtered (a filter refusing a third of the texts made whole corpora fail
# Hypothesis's filter health check): text, a character that is not a space (none of the
# separators, by category), then text without a line break at its end.
NOT_SPACE = st.characters(
    blacklist_categories=("Cs", "Cc", "Cn", "Zs", "Zl", "Zp"), blacklist_characters="\ufeff\x85"
)
TEXT = st.builds(
    lambda before, middle, after: before + middle + after.rstrip("\n"),
    st.text(CHARACTERS, max_size=14),
    NOT_SPACE,
    st.text(CHARACTERS, max_size=15),
)
IDS = st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,4}){0,2}", fullmatch=True)
CODES = st.from_regex(r"[A-Z]{2}", fullmatch=True)
DATES = st.builds(
    lambda y, m, d, precision: (
        f"{y:04d}" + (f"-{m:02d}" if precision else "") + (f"-{d:02d}" if precision == 2 else "")
    ),
    st.integers(1900, 2100),
    st.integers(1, 12),
    st.integers(1, 28),
    st.integers(0, 2),
)

MONEY = st.integers(0, 10**12) | st.floats(0.5, 1e12).map(lambda f: round(f, 2))


def ranged(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """A figure, or a [low, high] range of two (docs/format.md "Disputed values and ranges")."""
    return strategy | st.lists(strategy, min_size=2, max_size=2).map(sorted)


def disputes(fields: list[str]) -> st.SearchStrategy[dict[str, str]]:
    return st.dictionaries(st.sampled_from(fields), TEXT, max_size=2)


def later(date: str) -> st.SearchStrategy[str]:
    """A date that is certainly not before `date`: a later year, at any precision."""
    return DATES.map(lambda d: f"{int(date[:4]) + 1 + int(d[:4]) % 50:04d}{d[4:]}")


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


def subset(items: list[str], at_least: int = 0) -> st.SearchStrategy[list[str]]:
    if not items:
        return st.just([])
    most = min(3, len(items))
    return st.lists(st.sampled_from(items), unique=True, min_size=at_least, max_size=most)


def unique(strategy: st.SearchStrategy[str], lo: int, hi: int) -> st.SearchStrategy[list[str]]:
    return st.lists(strategy, min_size=lo, max_size=hi, unique=True)


@st.composite
def corpora(draw: st.DrawFn) -> dict[str, Any]:
    theme_ids = draw(unique(IDS, 1, 4))
    themes = [
        {
            "id": t,
            "title": draw(TEXT),
            "description": draw(optional(TEXT)),
            # Parents come earlier in the list: a tree, never a cycle.
            "parent": draw(optional(st.sampled_from(theme_ids[:i]))) if i else None,
        }
        for i, t in enumerate(theme_ids)
    ]
    codes = draw(unique(CODES, 1, 3))
    countries = [
        {
            "code": c,
            "name": draw(TEXT),
            "aliases": draw(st.lists(TEXT, max_size=2)),
            "region": draw(optional(TEXT)),
        }
        for c in codes
    ]
    source_ids = draw(unique(IDS, 0, 3))
    sources = [
        {
            "id": s,
            "title": draw(TEXT),
            "publisher": draw(optional(TEXT)),
            "url": draw(optional(st.just(f"https://example.org/{s}"))),
            "published": draw(optional(DATES)),
            "kind": draw(optional(TEXT)),
            "reliability": draw(optional(st.sampled_from(RELIABILITIES))),
            "origin": draw(optional(TEXT)),
            # A copy of an earlier source (never of itself or a later one: no cycles).
            "via": draw(optional(st.sampled_from(source_ids[:n]))) if n else None,
            "state_media": draw(st.booleans()),
        }
        for n, s in enumerate(source_ids)
    ]
    actor_ids = draw(unique(IDS, 1, 3))
    actors = []
    for a in actor_ids:
        start = draw(optional(DATES))
        roles = [
            {
                "title": draw(TEXT),
                "from": start,
                "to": draw(optional(later(start))) if start else None,
            }
        ]
        actors.append(
            {
                "id": a,
                "name": draw(TEXT),
                "kind": draw(st.sampled_from(ACTOR_KINDS)),
                "country": draw(optional(st.sampled_from(codes))),
                "aliases": draw(st.lists(TEXT, max_size=2)),
                "roles": draw(st.sampled_from([[], roles])),
                "summary": draw(optional(TEXT)),
                "stance": draw(optional(TEXT)),
                "themes": draw(subset(theme_ids)),
                "sources": draw(subset(source_ids)),
            }
        )
    question_ids = draw(unique(IDS, 0, 2))
    hypothesis_ids = draw(unique(IDS, 0, 3)) if question_ids else []

    def consistency() -> dict[str, Any]:
        return {
            h: {
                "rating": draw(st.sampled_from(CONSISTENCIES)),
                "note": draw(optional(TEXT)),
            }
            for h in draw(subset(hypothesis_ids))
        }

    place_ids = draw(unique(IDS, 0, 3))
    places = [
        {
            "id": p,
            "name": draw(TEXT),
            "aliases": draw(st.lists(TEXT, max_size=2)),
            "country": draw(optional(st.sampled_from(codes))),
            "latitude": draw(st.floats(-90, 90, width=32)),
            "longitude": draw(st.floats(-180, 180, width=32)),
            "precision": draw(optional(st.sampled_from(PLACE_PRECISIONS))),
            "gazetteer": draw(optional(TEXT)),
            "sources": draw(subset(source_ids)),
        }
        for p in place_ids
    ]

    event_ids = draw(unique(IDS, 0, 4))
    events = []
    for e in event_ids:
        date = draw(DATES)
        events.append(
            {
                "id": e,
                "date": date,
                "end": draw(optional(later(date))),
                "circa": draw(st.booleans()),
                "display_date": draw(optional(TEXT)),
                "title": draw(TEXT),
                "summary": draw(optional(TEXT)),
                "themes": draw(subset(theme_ids, 1)),
                "countries": draw(subset(codes)),
                "actors": draw(subset(actor_ids)),
                "sources": draw(subset(source_ids)),
                "confidence": draw(optional(st.sampled_from(CONFIDENCES))),
                "credibility": draw(optional(st.sampled_from(CREDIBILITIES))),
                "signals": [],  # filled in once the scenarios' indicators are drawn
                "consistency": consistency(),
                "disputed": draw(disputes(["date", "end", "title", "actors"])),
                "places": draw(subset(place_ids)),
                "origin": draw(optional(st.sampled_from(place_ids))) if place_ids else None,
                "destination": draw(optional(st.sampled_from(place_ids))) if place_ids else None,
            }
        )

    def tags() -> dict[str, Any]:
        return {
            "themes": draw(subset(theme_ids)),
            "countries": draw(subset(codes)),
            "actors": draw(subset(actor_ids)),
            "sources": draw(subset(source_ids)),
        }

    briefing_ids = draw(unique(IDS, 0, 2))
    briefings = [
        {
            "id": b,
            "title": draw(TEXT),
            "summary": draw(TEXT),
            "themes": draw(subset(theme_ids, 1)),
            "key_judgments": [
                {
                    "text": draw(TEXT),
                    "likelihood": draw(optional(st.sampled_from(LIKELIHOODS))),
                    "confidence": draw(optional(st.sampled_from(CONFIDENCES))),
                    "basis": draw(subset(event_ids)),
                    **tags(),
                }
                for _ in range(draw(st.integers(0, 2)))
            ],
            "sections": [
                {
                    "heading": draw(TEXT),
                    "points": [
                        {
                            "text": draw(TEXT),
                            **tags(),
                            "confidence": draw(optional(st.sampled_from(CONFIDENCES))),
                            "credibility": draw(optional(st.sampled_from(CREDIBILITIES))),
                            "consistency": consistency(),
                        }
                        for _ in range(draw(st.integers(1, 2)))
                    ],
                }
                for _ in range(draw(st.integers(1, 2)))
            ],
            "see_also": draw(subset([x for x in briefing_ids if x != b])),
            "sources": draw(subset(source_ids)),
        }
        for b in briefing_ids
    ]
    relations = []
    for _ in range(draw(st.integers(0, 2))):
        since = draw(optional(DATES))
        relations.append(
            {
                "from": draw(st.sampled_from(actor_ids)),
                "to": draw(st.sampled_from(actor_ids)),
                "kind": draw(st.sampled_from(["supplier", "ally", "critic-of"])),
                "since": since,
                "until": draw(optional(later(since))) if since else None,
                "summary": draw(optional(TEXT)),
                "sources": draw(subset(source_ids)),
            }
        )
    transfers = []
    for t in draw(unique(IDS, 0, 2)):
        start = draw(optional(DATES))
        transfers.append(
            {
                "id": t,
                "supplier": draw(st.sampled_from(codes)),
                "recipient": draw(st.sampled_from(codes)),
                "designation": draw(TEXT),
                "category": draw(TEXT),
                "description": draw(optional(TEXT)),
                "ordered": draw(optional(DATES)),
                "delivered_from": start,
                "delivered_to": draw(optional(later(start))) if start else None,
                "quantity_ordered": draw(optional(ranged(st.integers(0, 10**6)))),
                "quantity_delivered": draw(optional(ranged(st.integers(0, 10**6)))),
                "value_usd": draw(optional(ranged(MONEY))),
                "status": draw(optional(st.sampled_from(TRANSFER_STATUSES))),
                "sources": draw(subset(source_ids)),
                "notes": draw(optional(TEXT)),
                "disputed": draw(disputes(["ordered", "quantity_ordered", "value_usd"])),
                "places": draw(subset(place_ids)),
            }
        )
    scenarios = [
        {
            "id": s,
            "title": draw(TEXT),
            "summary": draw(TEXT),
            "likelihood": draw(optional(st.sampled_from(LIKELIHOODS))),
            "horizon": draw(optional(TEXT)),
            "drivers": draw(st.lists(TEXT, max_size=2)),
            "indicators": [
                draw(
                    st.one_of(
                        TEXT,
                        st.fixed_dictionaries(
                            {
                                "id": st.just(f"{s}-i{n}"),
                                "text": TEXT,
                                "counts": optional(TEXT),
                                "deadline": optional(DATES),
                                "horizon": optional(TEXT),
                            }
                        ),
                    )
                )
                for n in range(draw(st.integers(0, 2)))
            ],
            "themes": draw(subset(theme_ids)),
            "countries": draw(subset(codes)),
        }
        for s in draw(unique(IDS, 0, 2))
    ]
    indicator_ids = [i["id"] for s in scenarios for i in s["indicators"] if isinstance(i, dict)]
    for event in events:
        event["signals"] = [
            {
                "indicator": i,
                "direction": draw(st.sampled_from(["for", "against"])),
                "note": draw(optional(TEXT)),
            }
            for i in draw(subset(indicator_ids))
        ]
    questions = [
        {"id": q, "text": draw(TEXT), "summary": draw(optional(TEXT))} for q in question_ids
    ]
    hypotheses = [
        {
            "id": h,
            "question": draw(st.sampled_from(question_ids)),
            "statement": draw(TEXT),
            "scenario": draw(optional(st.sampled_from([x["id"] for x in scenarios])))
            if scenarios
            else None,
        }
        for h in hypothesis_ids
    ]
    return {
        "version": 1,
        "topic": {
            "title": draw(TEXT),
            "subtitle": draw(optional(TEXT)),
            "summary": draw(optional(TEXT)),
            "as_of": draw(optional(DATES)),
        },
        "themes": themes,
        "countries": countries,
        "sources": sources,
        "places": places,
        "actors": actors,
        "events": events,
        "briefings": briefings,
        "relations": relations,
        "transfers": transfers,
        "scenarios": scenarios,
        "questions": questions,
        "hypotheses": hypotheses,
    }


def printed(corpus: Corpus) -> dict[str, Any]:
    """The whole corpus through vrmc's JSON serialisers, as `--format json` prints entries."""
    document = {
        "version": 1,
        "topic": entry("topic", corpus.topic) if corpus.topic else None,
        "themes": entries("themes", corpus.themes),
        "countries": entries("countries", corpus.countries),
        "sources": entries("sources", corpus.sources),
        "places": entries("places", corpus.places),
        "actors": entries("actors", corpus.actors),
        "events": entries("events", corpus.events),
        "briefings": entries("briefings", corpus.briefings),
        "relations": entries("relations", corpus.relations),
        "transfers": entries("transfers", corpus.transfers),
        "scenarios": entries("scenarios", corpus.scenarios),
        "questions": entries("questions", corpus.questions),
        "hypotheses": entries("hypotheses", corpus.hypotheses),
    }
    return without_computed(json.loads(dumps(document)))  # exactly what would be printed


# What the JSON writer computes after an entry's fields (docs/format.md): not a topic field.
COMPUTED = ("origins", "origin_id")


def without_computed(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: without_computed(v) for k, v in value.items() if k not in COMPUTED}
    if isinstance(value, list):
        return [without_computed(v) for v in value]
    return value


def without_nulls(value: Any) -> Any:
    """A topic file leaves an unknown field out rather than writing null."""
    if isinstance(value, dict):
        return {k: without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [without_nulls(v) for v in value]
    return value


def by_key(document: dict[str, Any]) -> dict[str, Any]:
    """Entries keyed by id (or code), for kinds that vrmc sorts rather than keeping order."""
    out = dict(document)
    for kind, key in (("actors", "id"), ("events", "id")):
        out[kind] = {entry[key]: entry for entry in document[kind]}
    return out


def load(folder: Path, document: dict[str, Any]) -> Corpus:
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
    (folder / "corpus.yaml").write_text(text, encoding="utf-8")
    return load_corpus([str(folder)], use_cache=False)


@settings(max_examples=examples(60), suppress_health_check=[HealthCheck.too_slow])
@given(written=corpora())
def test_yaml_to_json_and_back_is_the_same_corpus(
    tmp_path_factory: pytest.TempPathFactory, written: dict[str, Any]
) -> None:
    first = printed(load(tmp_path_factory.mktemp("yaml"), without_nulls(written)))
    # Every field reads back as written: text exactly, dates at their precision, numbers.
    assert by_key(without_nulls(first)) == by_key(without_nulls(written))
    # And the printed JSON, written back as a topic file, loads to the same corpus.
    second = printed(load(tmp_path_factory.mktemp("json"), without_nulls(first)))
    assert second == first
