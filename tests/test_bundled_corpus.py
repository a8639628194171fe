"""The bundled Venezuela–Russia corpus: it validates and keeps the promised minimums."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from conftest import invoke
from vrmc_cli.corpus.model import Corpus
from vrmc_cli.corpus.roots import bundled_root, load_corpus

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


def test_event_dates_are_as_precise_as_the_facts_unless_the_audit_corrected_them() -> None:
    """The fact sheet is the starting point; where the audit read a page that says
    otherwise, the page wins, and the event's audit record says so."""
    if not FACTS.exists():
        pytest.skip("shared/reference/facts.yaml is not beside this checkout")
    import yaml

    facts = {f["id"]: f for f in yaml.safe_load(FACTS.read_text(encoding="utf-8"))["facts"]}
    audits = {entry["id"]: entry["x-audit"] for kind, entry in raw_entries() if kind == "events"}
    for event in corpus().events:
        if event.id not in facts:
            continue
        fact = facts[event.id]
        same = str(event.date) == str(fact["date"]) and (
            not fact.get("end") or str(event.end) == str(fact["end"])
        )
        if not same:  # the audit changed the date: its record cannot say "correct"
            assert audits[event.id]["verdict"] != "correct", event.id


def test_every_cited_source_was_read_by_the_audit_or_comes_from_the_facts() -> None:
    if not FACTS.exists():
        pytest.skip("shared/reference/facts.yaml is not beside this checkout")
    text = FACTS.read_text(encoding="utf-8")
    read = {source for _, entry in raw_entries() for source in entry["x-audit"]["against"]}
    for source in corpus().sources:
        if source.url and source.url not in text:
            assert source.id in read, source.id


# --------------------------------------------------------------------------- the audit

VERDICTS = {"correct", "corrected", "qualified", "sourced"}


def raw_entries() -> list[tuple[str, dict[str, Any]]]:
    """Every audited item of the bundled corpus as written: (kind, mapping), x- fields kept."""
    import yaml

    found: list[tuple[str, dict[str, Any]]] = []
    for path in sorted(Path(bundled_root()).rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for kind in (
            "events",
            "transfers",
            "actors",
            "relations",
            "scenarios",
            "questions",
            "hypotheses",
        ):
            found.extend((kind, entry) for entry in data.get(kind) or ())
        for briefing in data.get("briefings") or ():
            found.extend(("judgment", j) for j in briefing.get("key_judgments") or ())
            for section in briefing["sections"]:
                found.extend(("point", p) for p in section["points"])
    return found


def test_every_item_has_an_audit_record() -> None:
    """New entries cannot skip the check against their sources (briefings/AUDIT.md)."""
    sources = {s.id for s in corpus().sources}
    entries = raw_entries()
    assert len(entries) > 300
    for kind, entry in entries:
        label = (
            kind,
            entry.get("id") or entry.get("text", "")[:60] if isinstance(entry, dict) else entry,
        )
        assert isinstance(entry, dict) and "x-audit" in entry, label
        audit = entry["x-audit"]
        assert set(audit) >= {"checked", "verdict", "against", "note"}, label
        assert audit["verdict"] in VERDICTS, label
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(audit["checked"])), label
        assert audit["note"].strip(), label
        assert set(audit["against"]) <= sources, label


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


def test_disputes_and_ranges_are_format_fields() -> None:
    """The audit's temporary x-disputed / x-range marks became `disputed` and ranges."""
    from vrmc_cli.corpus.model import Range, dispute

    for kind, entry in raw_entries():
        assert "x-disputed" not in entry and "x-range" not in entry, (kind, entry.get("id"))
    c = corpus()
    transfers = {t.id: t for t in c.transfers}
    pechora = transfers["s-125-pechora-2m"]
    assert pechora.quantity_ordered == Range(11, 18)
    assert dispute(pechora.disputed, "quantity_ordered")
    assert dispute(transfers["s-300vm-2009"].disputed, "quantity_delivered")
    events = {e.id: e for e in c.events}
    assert dispute(events["initial-arms-package-2004"].disputed, "date")
    shown = invoke("transfers", "-f", "text").stdout
    assert "11–18 (disputed)" in shown
    data = json.loads(invoke("transfers", "-f", "json").stdout)
    [row] = [t for t in data["transfers"] if t["id"] == "s-125-pechora-2m"]
    assert row["quantity_ordered"] == [11, 18]
    assert set(row["disputed"]) == {
        "ordered",
        "delivered_from",
        "quantity_ordered",
        "quantity_delivered",
    }
