"""vrmc export: each file checked by its consumer's own library (stix2, icalendar, sqlite3),
goldens on the fixture corpus, and the same bytes on every run."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import warnings
from pathlib import Path

import pytest

from conftest import FIXTURE, GOLDEN, check_golden, invoke, write_corpus
from vrmc_cli import runner

# Corpora read, never changed by the cache: one warm cache for the session (conftest).
pytestmark = pytest.mark.usefixtures("warm_cache")

BUNDLED = ["export"]  # no -b: the bundled corpus
FIXED = ["-b", str(FIXTURE), "export"]


def export(*args: str) -> str:
    result = invoke(*args)
    assert result.exit_code == 0, result.stderr
    return result.stdout_bytes.decode("utf-8")  # .stdout would turn CRLF into LF


def sqlite_dump(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        # The FTS5 shadow tables hold binary index pages: the search table's rows stand for them.
        return "\n".join(
            line for line in connection.iterdump() if "search_" not in line.split("(")[0]
        )
    finally:
        connection.close()


# --------------------------------------------------------------------------- goldens


@pytest.mark.parametrize(
    ("name", "golden"),
    [("timelinejs", "timelinejs.json"), ("stix", "stix.json"), ("ics", "ics.ics")],
)
def test_text_exports_golden(name: str, golden: str, update_goldens: bool) -> None:
    output = export(*FIXED, name)
    # Goldens are read with universal newlines: the iCalendar CRLFs are checked below.
    check_golden(GOLDEN / f"export-{name}" / golden, output.replace("\r\n", "\n"), update_goldens)
    assert export(*FIXED, name) == output, "the same corpus gives the same bytes"


def test_sqlite_golden_and_deterministic(tmp_path: Path, update_goldens: bool) -> None:
    first, second = tmp_path / "a.db", tmp_path / "b.db"
    invoke(*FIXED, "sqlite", "-o", str(first))
    invoke(*FIXED, "sqlite", "-o", str(second))
    assert first.read_bytes() == second.read_bytes()
    check_golden(GOLDEN / "export-sqlite" / "dump.sql", sqlite_dump(first) + "\n", update_goldens)


def test_output_file_and_stdout_agree(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    result = invoke(*FIXED, "stix", "-o", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert "wrote" in result.stderr and str(target) in result.stderr
    assert target.read_text(encoding="utf-8") == export(*FIXED, "stix")
    assert export(*FIXED, "stix", "-o", "-") == export(*FIXED, "stix")


def test_the_note_counts_in_words(tmp_path: Path) -> None:
    root = tmp_path / "mine"
    assert invoke("init", str(root)).exit_code == 0  # one event, one actor, one briefing
    result = invoke("-b", str(root), "export", "stix", "-o", str(tmp_path / "s.json"))
    assert "wrote 1 actor, 0 relations, 1 briefing to " in result.stderr
    result = invoke("-b", str(root), "export", "ics", "-o", str(tmp_path / "e.ics"))
    assert "wrote 1 event to " in result.stderr


# --------------------------------------------------------------------------- STIX


def test_stix_bundle_parses_without_custom_content() -> None:
    stix2 = pytest.importorskip("stix2")
    for args in (BUNDLED, FIXED):
        bundle = json.loads(export(*args, "stix"))
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # stix2 warns on values outside its vocabularies
            parsed = stix2.parse(bundle, allow_custom=False)
        types = {o.type for o in parsed.objects}
        assert {"identity", "relationship", "report", "note"} <= types
        ids = [o.id for o in parsed.objects]
        assert len(ids) == len(set(ids))
        known = set(ids)
        for obj in parsed.objects:
            for ref in (*getattr(obj, "object_refs", ()), getattr(obj, "source_ref", None)):
                assert ref is None or ref in known, f"{obj.id} points at a missing {ref}"


def test_stix_maps_the_corpus() -> None:
    bundle = json.loads(export(*BUNDLED, "stix"))
    by_type: dict[str, list[dict[str, object]]] = {}
    for obj in bundle["objects"]:
        by_type.setdefault(str(obj["type"]), []).append(obj)
    corpus = json.loads(export("validate", "-f", "json"))["counts"]
    # One object per actor (identity or threat-actor), plus the producer identity.
    actors = len(by_type["identity"]) + len(by_type.get("threat-actor", [])) - 1
    assert actors == corpus["actors"]
    # A relationship per relation, and a `located-at` per actor with a seat.
    seated = [a for a in json.loads(export("actors", "-f", "json"))["actors"] if a.get("seat")]
    located = [r for r in by_type["relationship"] if r["relationship_type"] == "located-at"]
    assert len(by_type["relationship"]) - len(located) == corpus["relations"]
    assert len(located) == len(seated) > 0
    assert len(by_type["report"]) == corpus["briefings"]
    notes = by_type["note"]
    assert notes and all(n.get("confidence") in (None, 15, 50, 85) for n in notes)
    assert any(n.get("confidence") == 85 for n in notes) or any(
        n.get("confidence") == 50 for n in notes
    )
    # Timestamps are the corpus's as_of, never the clock.
    stamps = {o["created"] for o in bundle["objects"]}
    assert stamps == {"2026-02-11T00:00:00.000Z"}
    assert any(r.get("external_references") for r in by_type["relationship"])


def test_stix_ids_are_uuid5_of_the_vrmc_ids() -> None:
    import uuid

    from vrmc_cli.views.exports import STIX_NAMESPACE, stix_id

    bundle = json.loads(export(*BUNDLED, "stix"))
    expected = uuid.uuid5(uuid.UUID(STIX_NAMESPACE), "identity:venezuela")
    assert stix_id("identity", "venezuela") == f"identity--{expected}"
    assert f"identity--{expected}" in {o["id"] for o in bundle["objects"]}


# --------------------------------------------------------------------------- iCalendar


def test_ics_parses_with_icalendar_and_keeps_partial_dates() -> None:
    icalendar = pytest.importorskip("icalendar")
    events = json.loads(export("timeline", "-f", "json"))["events"]
    calendar = icalendar.Calendar.from_ical(export(*BUNDLED, "ics"))
    found = {str(e["UID"]).split("@")[0]: e for e in calendar.walk("VEVENT")}
    assert len(found) == len(events)
    for event in events:
        vevent = found[event["id"]]
        start, end = vevent["DTSTART"].dt, vevent["DTEND"].dt
        assert type(start) is dt.date and type(end) is dt.date  # VALUE=DATE, no time
        date = event["date"]
        last = event["end"] or date
        assert start.isoformat().startswith(date)
        assert (end - dt.timedelta(days=1)).isoformat().startswith(last[:7])
        assert vevent["DTSTAMP"].dt == dt.datetime(2026, 2, 11, tzinfo=dt.timezone.utc)


def test_ics_spans_of_partial_dates(tmp_path: Path) -> None:
    icalendar = pytest.importorskip("icalendar")
    corpus = write_corpus(
        tmp_path / "c",
        {
            "a.yaml": "version: 1\nthemes: [{id: t, title: T}]\nevents:\n"
            "  - {id: year, date: 2019, title: 'A year; with, commas', themes: [t]}\n"
            "  - {id: month, date: 2020-02, title: A month, themes: [t]}\n"
            "  - {id: day, date: 2020-03-04, title: A day, themes: [t]}\n"
            "  - {id: span, date: 2020-05, end: 2021, title: A span, themes: [t], circa: true}\n",
        },
    )
    text = export("-b", str(corpus), "export", "ics")
    assert "\r\n" in text and all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    calendar = icalendar.Calendar.from_ical(text)
    spans = {
        str(e["UID"]).split("@")[0]: (e["DTSTART"].dt, e["DTEND"].dt, str(e["SUMMARY"]))
        for e in calendar.walk("VEVENT")
    }
    assert spans["year"] == (dt.date(2019, 1, 1), dt.date(2020, 1, 1), "A year; with, commas")
    assert spans["month"][:2] == (dt.date(2020, 2, 1), dt.date(2020, 3, 1))  # leap February
    assert spans["day"][:2] == (dt.date(2020, 3, 4), dt.date(2020, 3, 5))
    assert spans["span"][:2] == (dt.date(2020, 5, 1), dt.date(2022, 1, 1))
    # No as_of: the stamp is the latest event's last day, not today.
    assert "DTSTAMP:20211231T000000Z" in text


# --------------------------------------------------------------------------- SQLite


def test_sqlite_tables_links_and_full_text(tmp_path: Path) -> None:
    target = tmp_path / "vrmc.db"
    result = invoke("export", "sqlite", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    counts = json.loads(export("validate", "-f", "json"))["counts"]
    db = sqlite3.connect(target)
    try:
        for kind in ("events", "actors", "briefings", "themes", "countries", "sources"):
            (n,) = db.execute(f"SELECT count(*) FROM {kind}").fetchone()  # noqa: S608
            assert n == counts[kind], kind
        (n,) = db.execute("SELECT count(*) FROM relations").fetchone()
        assert n == counts["relations"]
        # A link table joins an event to its themes.
        rows = db.execute(
            "SELECT t.title FROM events_themes l JOIN themes t ON t.id = l.theme "
            "WHERE l.id = 'mtc-agreement-2001'"
        ).fetchall()
        assert rows
        # Every link points at a row that exists.
        (dangling,) = db.execute(
            "SELECT count(*) FROM events_sources l LEFT JOIN sources s ON s.id = l.source "
            "WHERE s.id IS NULL"
        ).fetchone()
        assert dangling == 0
        # Full-text search, accents folded.
        hits = db.execute("SELECT kind, id FROM search WHERE search MATCH 'chavez'").fetchall()
        assert ("actors", "hugo-chavez") in hits or any(k == "events" for k, _ in hits)
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        # Dates keep their precision, with day columns for range queries.
        row = db.execute(
            "SELECT date, date_first_day, date_last_day FROM events WHERE date GLOB '????'"
        ).fetchone()
        assert row[1].endswith("-01-01") and row[2].endswith("-12-31")
    finally:
        db.close()


def test_sqlite_needs_a_file() -> None:
    result = invoke("export", "sqlite")
    assert result.exit_code == 2
    assert "-o FILE" in result.stderr


def test_sqlite_refuses_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner, "_isatty", lambda stream: True)
    result = invoke("export", "sqlite", "-o", "-")
    assert result.exit_code == 2
    assert "terminal" in result.stderr and result.stdout == ""


def test_sqlite_to_a_pipe(tmp_path: Path) -> None:
    result = invoke(*FIXED, "sqlite", "-o", "-")
    assert result.exit_code == 0
    assert result.stdout_bytes.startswith(b"SQLite format 3\x00")


# --------------------------------------------------------------------------- TimelineJS


def test_timelinejs_dates_groups_and_credits() -> None:
    data = json.loads(export(*BUNDLED, "timelinejs"))
    events = json.loads(export("timeline", "-f", "json"))["events"]
    slides = {s["unique_id"]: s for s in data["events"]}
    assert len(slides) == len(events)
    for event in events:
        slide = slides[event["id"]]
        parts = [int(p) for p in event["date"].split("-")]
        keys = ["year", "month", "day"][: len(parts)]
        assert slide["start_date"] == dict(zip(keys, parts, strict=True))
        assert ("end_date" in slide) == (event["end"] is not None)
        assert slide["group"]
        if event["sources"]:
            assert slide["media"]["credit"].startswith("Sources: ")
        if event["display_date"] or event["circa"]:
            assert slide["display_date"]
    assert data["title"]["text"]["headline"]


def test_timelinejs_escapes_markup(tmp_path: Path) -> None:
    corpus = write_corpus(
        tmp_path / "c",
        {
            "a.yaml": "version: 1\nthemes: [{id: t, title: '<b>T</b>'}]\nevents:\n"
            "  - {id: e, date: 2020, title: '<img src=x onerror=alert(1)>', themes: [t],"
            ' summary: "a \\u202e b"}\n',
        },
    )
    data = json.loads(export("-b", str(corpus), "export", "timelinejs"))
    slide = data["events"][0]
    assert "<img" not in slide["text"]["headline"] and "&lt;img" in slide["text"]["headline"]
    assert "\u202e" not in slide["text"]["text"]


# --------------------------------------------------------------------------- usage


def test_unknown_format_suggests() -> None:
    result = invoke("export", "stx")
    assert result.exit_code == 2
    assert "did you mean 'stix'" in result.stderr


def test_filters_apply(tmp_path: Path) -> None:
    everything = json.loads(export(*BUNDLED, "timelinejs"))["events"]
    since = json.loads(export(*BUNDLED, "timelinejs", "--since", "2020"))["events"]
    assert 0 < len(since) < len(everything)
    assert all((s.get("end_date") or s["start_date"])["year"] >= 2020 for s in since)


def test_write_failure_is_a_message(tmp_path: Path) -> None:
    result = invoke(*FIXED, "ics", "-o", str(tmp_path / "missing" / "x.ics"))
    assert result.exit_code == 1
    assert "cannot write" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("name", ["timelinejs", "stix", "ics"])
def test_no_control_or_bidi_character_leaves_raw(name: str, tmp_path: Path) -> None:
    from conftest import raw_unsafe

    corpus = write_corpus(
        tmp_path / "c",
        {
            "a.yaml": 'version: 1\ntopic: {title: "T\\e[31m"}\nthemes: [{id: t, title: T}]\n'
            'actors: [{id: a, name: "A\\u202eB", kind: person}]\n'
            'briefings: [{id: b, title: "B\\a", summary: S, themes: [t],'
            ' key_judgments: [{text: "K\\u200b", confidence: high}],'
            " sections: [{heading: H, points: [{text: P, actors: [a]}]}]}]\n"
            'events:\n  - {id: e, date: 2020, title: "E\\e]8;;x\\a", themes: [t]}\n',
        },
    )
    text = export("-b", str(corpus), "export", name)
    if name != "ics":  # what a consumer reads: the decoded strings, not JSON's escapes
        text = json.dumps(json.loads(text), ensure_ascii=False)
    assert ("K" if name == "stix" else "E") in text  # the item is there, escaped
    allowed = "\r" if name == "ics" else ""
    assert [c for c in raw_unsafe(text) if c not in allowed] == []
