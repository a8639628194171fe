"""The bundled Venezuela–Russia corpus: it validates and keeps the promised minimums."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from conftest import invoke
from vrmc_cli.corpus import bundled_root, load_corpus
from vrmc_cli.model import Corpus

FACTS = Path(__file__).parent.parent.parent / "shared" / "reference" / "facts.yaml"
BRIEFINGS = (
    "history",
    "military-cooperation",
    "motivations",
    "regional-implications",
    "international-reactions",
    "outlook",
)


@cache
def corpus() -> Corpus:
    return load_corpus([bundled_root()], use_cache=False)


def test_it_validates_from_the_bundled_location() -> None:
    result = invoke("validate")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("ok: ")


def test_topic_is_dated_by_the_latest_event() -> None:
    topic = corpus().topic
    assert topic is not None and topic.title and topic.summary and topic.as_of
    latest = max(e.date.key for e in corpus().events)
    assert topic.as_of.key == latest


def test_six_briefings_with_bottom_line_judgments_sections_and_points() -> None:
    found = {b.id: b for b in corpus().briefings}
    assert set(BRIEFINGS) <= set(found)
    for briefing_id in BRIEFINGS:
        b = found[briefing_id]
        assert b.summary.strip()
        assert 2 <= len(b.key_judgments) <= 4, briefing_id
        for judgment in b.key_judgments:
            assert judgment.likelihood and judgment.confidence and judgment.basis, briefing_id
        assert len(b.sections) >= 3, briefing_id
        points = [p for s in b.sections for p in s.points]
        assert len(points) >= 8, briefing_id
        assert sum(1 for p in points if p.sources) >= len(points) * 3 // 4, briefing_id
        assert b.see_also_ids


def test_theme_tree_has_the_useful_subthemes() -> None:
    themes = corpus().theme_by_id
    for parent, children in {
        "military-cooperation": (
            "arms-sales",
            "exercises-and-deployments",
            "training-and-maintenance",
            "finance-for-arms",
        ),
        "motivations": (
            "sovereignty-and-diversification",
            "sanctions-and-isolation",
            "power-projection",
            "oil-and-finance",
            "ideology",
            "leader-ties",
        ),
    }.items():
        for child in children:
            assert themes[child].parent is themes[parent]


def test_countries_have_english_and_spanish_names() -> None:
    countries = corpus().country_by_code
    assert "República Bolivariana de Venezuela" in countries["VE"].aliases
    assert {"Russian Federation", "Rusia"} <= set(countries["RU"].aliases)


def test_timeline_spans_2001_to_as_of_with_sources() -> None:
    events = corpus().events
    assert len(events) >= 70
    assert events[0].date.year == 2001
    for event in events:
        assert event.sources and event.themes and event.confidence, event.id


def test_event_dates_are_exactly_as_precise_as_the_facts() -> None:
    if not FACTS.exists():
        pytest.skip("shared/reference/facts.yaml is not beside this checkout")
    import yaml

    facts = {f["id"]: f for f in yaml.safe_load(FACTS.read_text(encoding="utf-8"))["facts"]}
    for event in corpus().events:
        if event.id in facts:
            assert str(event.date) == str(facts[event.id]["date"]), event.id
            if facts[event.id].get("end"):
                assert str(event.end) == str(facts[event.id]["end"]), event.id


def test_every_cited_url_comes_from_the_facts() -> None:
    if not FACTS.exists():
        pytest.skip("shared/reference/facts.yaml is not beside this checkout")
    text = FACTS.read_text(encoding="utf-8")
    for source in corpus().sources:
        if source.url:
            assert source.url in text, source.id


def test_actors_relations_transfers_scenarios() -> None:
    c = corpus()
    assert len(c.actors) >= 25
    kinds = {a.kind for a in c.actors}
    assert {"person", "state", "organization", "company", "military"} <= kinds
    assert sum(1 for a in c.actors if a.summary and a.roles) >= 20
    assert len(c.relations) >= 15
    assert len(c.transfers) >= 12
    assert any(t.notes for t in c.transfers)
    assert len(c.scenarios) >= 4
    for s in c.scenarios:
        assert s.likelihood and s.horizon and s.drivers and s.indicators, s.id


def test_sources_have_publishers_and_the_article_is_an_analysis() -> None:
    sources = corpus().sources
    assert any(s.kind == "analysis" and "Exploring" in s.title for s in sources)
    for s in sources:
        if s.url:
            assert s.publisher, s.id


def test_no_sentence_is_copied_from_the_article() -> None:
    article = Path(__file__).parent.parent.parent / "shared" / "reference" / "article.txt"
    if not article.exists():
        pytest.skip("shared/reference/article.txt is not beside this checkout")
    sentences = {
        s.strip().lower()
        for s in re.split(r"(?<=[.!?])\s+", article.read_text())
        if len(s.split()) >= 8
    }
    corpus_text = " ".join(
        [b.summary for b in corpus().briefings]
        + [p.text for b in corpus().briefings for s in b.sections for p in s.points]
        + [e.summary or "" for e in corpus().events]
    ).lower()
    copied = [s for s in sentences if s in corpus_text]
    assert copied == []


def test_main_job_runs() -> None:
    result = invoke("brief", "motivations")
    assert result.exit_code == 0
    assert "BOTTOM LINE:" in result.stdout
