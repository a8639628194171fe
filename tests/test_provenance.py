"""Provenance (issue 26): independent origins of every claim, credibility, the source
summary statement, and the exports that carry them (docs/grading.md, docs/format.md)."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import invoke, write_corpus
from prose import docx_text, html_text, markdown_text
from vrmc_cli.analysis import ach
from vrmc_cli.corpus.model import Source
from vrmc_cli.corpus.origins import origins

CORPUS = """\
version: 1
topic: {title: T, as_of: 2009-01}
themes: [{id: t, title: T}]
sources:
  - {id: ap, title: AP story, publisher: Associated Press, reliability: B, published: 2008-09-01}
  - {id: fox, title: Fox copy, publisher: Fox News, origin: associated press, reliability: B}
  - {id: blog, title: Blog repost, publisher: A blog, via: fox, reliability: D}
  - {id: tass, title: TASS item, publisher: TASS, origin: Kremlin, state_media: true,
     reliability: B, published: 2008-09-03}
events:
  - {id: e1, date: 2008-09-01, title: E1, themes: [t], sources: [ap, fox, blog],
     credibility: 2}
  - {id: e2, date: 2008-09-02, title: E2, themes: [t], sources: [tass, ap]}
briefings:
  - id: b
    title: B
    summary: S
    themes: [t]
    key_judgments:
      - {text: One wire only, basis: [e1], likelihood: likely, confidence: low}
      - {text: Two origins, basis: [e2], confidence: moderate}
    sections:
      - heading: H
        points:
          - {text: Copies, sources: [fox, blog], credibility: 3}
          - {text: Plain point}
"""


def corpus(tmp_path: Path, text: str = CORPUS) -> Path:
    return write_corpus(tmp_path / "c", {"x.yaml": text})


def run(root: Path, *args: str) -> str:
    result = invoke("--no-cache", "-b", str(root), *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_sources_json_show_origin_via_and_origin_id(tmp_path: Path) -> None:
    root = corpus(tmp_path)
    sources = {s["id"]: s for s in json.loads(run(root, "sources", "-f", "json"))["sources"]}
    assert sources["fox"]["origin"] == "associated press"
    assert sources["blog"]["via"] == "fox"
    # Case and punctuation aside, the AP story, its copy and the copy's repost are one origin.
    assert {sources[i]["origin_id"] for i in ("ap", "fox", "blog")} == {"associated-press"}
    assert sources["tass"]["origin_id"] == "kremlin"
    assert sources["tass"]["state_media"] is True


def test_every_claim_in_json_has_its_origins(tmp_path: Path) -> None:
    root = corpus(tmp_path)
    events = {e["id"]: e for e in json.loads(run(root, "timeline", "-f", "json"))["events"]}
    assert events["e1"]["origins"] == {"count": 1, "ids": ["associated-press"]}
    assert events["e2"]["origins"] == {"count": 2, "ids": ["kremlin", "associated-press"]}
    assert events["e1"]["credibility"] == "2"
    briefing = json.loads(run(root, "brief", "b", "-f", "json"))["briefing"]
    first, second = briefing["key_judgments"]
    assert first["origins"]["count"] == 1  # its basis event's three sources
    assert second["origins"]["count"] == 2
    points = briefing["sections"][0]["points"]
    assert points[0]["origins"] == {"count": 1, "ids": ["associated-press"]}
    summary = briefing["source_summary"]
    assert summary["sources"] == 4 and summary["origins"] == 2
    assert summary["cited"] == 2  # the point's fox and blog; ap and tass are the basis events'
    assert summary["copies"] == 3 and summary["state_media"] == 1
    assert summary["grades"] == {"B": 3, "D": 1}
    assert summary["single_origin_judgments"] == [
        {"judgment": "key judgment 1", "origins": ["Associated Press"]}
    ]
    assert summary["newest"] == "2008-09-03"


def test_report_has_a_source_summary_per_briefing_and_overall(tmp_path: Path) -> None:
    root = corpus(tmp_path)
    text = run(root, "report", "-f", "markdown")
    assert text.count("Source summary") == 2
    assert (
        "This briefing rests on 4 sources (2 cited in it, 2 more behind the events its key "
        "judgments rest on) from 2 independent origins; 3 sources carry "
        "another's report. Reliability: 3 graded B, 1 graded D. State media: 1 of 4 (25%). "
        "Newest source: 3 Sep 2008. Resting on a single origin: key judgment 1 "
        "(Associated Press)." in text
    )
    assert "This report rests on 4 sources from 2 independent origins" in text
    assert "(credibility 3, possibly true)" in text
    assert "(1 origin)" in text and "(2 origins with its basis)" in text
    report = json.loads(run(root, "report", "-f", "json"))
    assert report["source_summary"]["statement"].startswith("This report rests on 4 sources")
    assert report["briefings"][0]["source_summary"]["origins"] == 2
    for fmt in ("text", "html"):
        assert "Source summary" in run(root, "report", "-f", fmt)


def test_csv_has_origin_columns(tmp_path: Path) -> None:
    root = corpus(tmp_path)
    lines = run(root, "timeline", "-f", "csv").splitlines()
    assert lines[0].endswith('"origins","origin_ids"')
    assert lines[1].endswith('"1","associated-press"')
    assert '"origin"' in run(root, "sources", "-f", "csv").splitlines()[0]


def test_sqlite_has_origin_columns(tmp_path: Path) -> None:
    root = corpus(tmp_path)
    target = tmp_path / "x.db"
    run(root, "export", "sqlite", "-o", str(target))
    db = sqlite3.connect(target)
    try:
        assert db.execute("SELECT id, origins FROM events ORDER BY id").fetchall() == [
            ("e1", 1),
            ("e2", 2),
        ]
        assert db.execute(
            "SELECT origin FROM events_origins WHERE id = 'e2' ORDER BY position"
        ).fetchall() == [("kremlin",), ("associated-press",)]
        assert db.execute(
            "SELECT origin, via, origin_id FROM sources WHERE id = 'blog'"
        ).fetchall() == [(None, "fox", "associated-press")]
    finally:
        db.close()


def test_stix_labels_are_misp_machine_tags(tmp_path: Path) -> None:
    import stix2
    from pytaxonomies import Taxonomies

    taxonomies = Taxonomies()
    known = {
        tag
        for name in ("admiralty-scale", "estimative-language")
        for tag in taxonomies[name].machinetags()
    }
    for args in (("-b", str(corpus(tmp_path))), ()):
        result = invoke("--no-cache", *args, "export", "stix")
        assert result.exit_code == 0
        stix2.parse(result.stdout, allow_custom=False)
        labels = [
            label for obj in json.loads(result.stdout)["objects"] for label in obj.get("labels", [])
        ]
        tags = [
            label for label in labels if label.split(":")[0] in {t.split(":")[0] for t in known}
        ]
        assert tags and set(tags) <= known
        # Every label is a machine tag of these vocabularies or one of vrmc's own
        # namespaces (themes of a report, an actor's country).
        assert all(label in known or label.startswith(("theme:", "country:")) for label in labels)
    bundle = json.loads(invoke("--no-cache", "-b", str(corpus(tmp_path)), "export", "stix").stdout)
    notes = [o for o in bundle["objects"] if o["type"] == "note"]
    assert 'estimative-language:likelihood-probability="likely"' in notes[0]["labels"]
    assert 'admiralty-scale:source-reliability="b"' in notes[0]["labels"]
    assert any('admiralty-scale:information-credibility="3"' in n["labels"] for n in notes)


def test_an_unknown_via_is_an_error(tmp_path: Path) -> None:
    root = corpus(tmp_path, CORPUS.replace("via: fox", "via: foxx"))
    for args in (("validate",), ("validate", "--strict")):
        result = invoke("--no-cache", *args, str(root))
        assert result.exit_code == 1
        expected = "x.yaml:7:60: sources[2].via: unknown source 'foxx' (did you mean 'fox'?)"
        assert expected in result.stderr


def test_sources_copying_each_other_in_a_circle_are_refused(tmp_path: Path) -> None:
    text = CORPUS.replace(
        "origin: associated press, reliability: B}",
        "origin: associated press, reliability: B, via: blog}",
    )
    result = invoke("--no-cache", "validate", str(corpus(tmp_path, text)))
    assert result.exit_code == 1
    assert "sources copy each other in a cycle (via): fox → blog → fox" in result.stderr
    assert "Traceback" not in result.stderr


def test_credibility_is_one_to_six(tmp_path: Path) -> None:
    result = invoke(
        "--no-cache",
        "validate",
        str(corpus(tmp_path, CORPUS.replace("credibility: 2", "credibility: 7"))),
    )
    assert result.exit_code == 1
    assert "credibility: '7' is not one of 1, 2, 3, 4, 5, 6" in result.stderr


def test_language_services_of_one_agency_are_one_origin() -> None:
    from vrmc_cli.corpus.origins import name_id

    same = {
        "sputnik": ["Sputnik", "Sputnik Mundo", "Sputnik Brasil", "SPUTNIK ARABIC"],
        "rt": ["RT", "RT en Español", "RT in Russian", "Actualidad RT", "RT Arabic"],
        "reuters": ["Reuters", "Reuters Arabic", "Reuters (Arabic service)"],
        "ria-novosti": ["RIA Novosti", "RIA Novosti (French service)", "RIA Novosti Persian"],
        "bbc-news": ["BBC News", "BBC", "BBC Mundo"],
        "voa": ["VOA", "Voz de América"],
    }
    for agency, names in same.items():
        assert {name_id(n, "s") for n in names} == {agency}, agency
    # A name that only begins like an agency's, or an agency's name with other words, is its
    # own origin.
    for name, own in [
        ("RTL", "rtl"),
        ("El Mundo", "el-mundo"),
        ("Radio France", "radio-france"),
        ("Reuters Breakingviews", "reuters-breakingviews"),
        ("Sputnik Mundo (noticiaslatam.lat)", "sputnik-mundo-noticiaslatam-lat"),
    ]:
        assert name_id(name, "s") == own


def test_a_high_confidence_item_on_one_agencys_language_services_fails_strict(
    tmp_path: Path,
) -> None:
    root = corpus(
        tmp_path,
        """\
version: 1
themes: [{id: t, title: T}]
sources:
  - {id: mundo, title: M, publisher: Sputnik Mundo}
  - {id: brasil, title: B, publisher: Sputnik Brasil}
  - {id: arabic, title: A, publisher: Some paper, origin: Sputnik Arabic}
events:
  - {id: e1, date: 2020, title: E1, themes: [t], sources: [mundo, brasil, arabic],
     confidence: high}
""",
    )
    result = invoke("--no-cache", "-b", str(root), "validate", "--strict")
    assert result.exit_code != 0
    assert "'e1' is stated at high confidence on 3 sources that all carry one origin" in (
        result.stderr
    )
    events = json.loads(run(root, "timeline", "-f", "json"))["events"]
    assert events[0]["origins"] == {"count": 1, "ids": ["sputnik"]}


# --------------------------------------------------------------------------- origin_basis

BASIS = """\
version: 1
topic: {title: T, as_of: 2010-01}
themes: [{id: t, title: T}]
sources:
  - {id: stabroek, title: Stabroek copy, publisher: Stabroek News, origin: Reuters,
     reliability: B, published: 2009-09-14}
  - {id: armi, title: Armi copy, publisher: Armi e Tiro, origin: Reuters, origin_basis: text,
     reliability: C, published: 2009-09-14, x-origin-matched: the ANSA-Reuters copy}
  - {id: forum, title: Forum repost, publisher: A forum, via: armi, reliability: E}
  - {id: said, title: Said copy, publisher: Some paper, origin: Kremlin, origin_basis: credit,
     reliability: C}
events:
  - {id: e1, date: 2009-09-14, title: E1, themes: [t], sources: [stabroek, armi, forum, said]}
"""
TEXT_BASIS = "(origin Reuters, by matching text; reliability C, fairly reliable)"


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("fmt", ["text", "rich", "markdown", "html", "docx"])
def test_an_origin_resting_on_matching_text_says_so_in_every_format(
    fmt: str, tmp_path: Path
) -> None:
    root = corpus(tmp_path, BASIS)
    if fmt == "docx":
        target = tmp_path / "r.docx"
        result = invoke("--no-cache", "-b", str(root), "report", "-f", fmt, "-o", str(target))
        assert result.exit_code == 0, result.stderr
        shown = docx_text(target.read_bytes())
    else:
        out = run(root, "report", "-f", fmt)
        shown = {"html": html_text, "markdown": markdown_text}.get(fmt, str)(out)
    shown = _words(shown)
    assert f"Reuters, via Armi e Tiro, Armi copy, 14 Sep 2009 {TEXT_BASIS}" in shown
    # The repost of a text-basis copy: its origin (at the end of its via chain) rests on
    # matching text too.
    assert (
        "Reuters, via A forum, Forum repost (origin Reuters, by matching text; reliability E"
        in shown
    )
    # A credited origin, written or by default, is shown as before.
    assert "Reuters, via Stabroek News, Stabroek copy, 14 Sep 2009 (reliability B" in shown
    assert "Kremlin, via Some paper, Said copy (reliability C" in shown
    assert shown.count("by matching text") == 2


def test_sources_list_names_the_basis(tmp_path: Path) -> None:
    root = corpus(tmp_path, BASIS)
    table = run(root, "sources", "-f", "markdown")
    assert "| Armi e Tiro (origin Reuters, by matching text) |" in table
    assert "| A forum (origin Reuters, by matching text) |" in table
    assert "| Stabroek News (origin Reuters) |" in table
    assert "| Some paper (origin Kremlin) |" in table


def test_origin_basis_in_json_csv_and_sqlite(tmp_path: Path) -> None:
    root = corpus(tmp_path, BASIS)
    sources = {s["id"]: s for s in json.loads(run(root, "sources", "-f", "json"))["sources"]}
    assert {i: s["origin_basis"] for i, s in sources.items()} == {
        "stabroek": None,
        "armi": "text",
        "forum": None,
        "said": "credit",
    }
    assert list(sources["armi"])[9:12] == ["origin", "origin_basis", "via"]
    rows = list(csv.DictReader(io.StringIO(run(root, "sources", "-f", "csv"))))
    assert [r["origin_basis"] for r in rows] == ["", "text", "", "credit"]
    target = tmp_path / "x.db"
    run(root, "export", "sqlite", "-o", str(target))
    db = sqlite3.connect(target)
    try:
        assert db.execute("SELECT id, origin_basis FROM sources ORDER BY id").fetchall() == [
            ("armi", "text"),
            ("forum", None),
            ("said", "credit"),
            ("stabroek", None),
        ]
    finally:
        db.close()


# Sources as (origin, basis); each table row: the same sources with every basis credited
# must give the same count, and the count itself.
COUNTED = [
    ([("Reuters", None), ("Reuters", "text")], 1),
    ([("Reuters", "text"), ("Reuters", "text")], 1),
    ([("Reuters", "credit"), ("AFP", "text")], 2),
    ([("Reuters", "text"), (None, None)], 2),
]


def _sources(spec: list[tuple[str | None, str | None]]) -> list[Source]:
    return [
        Source(f"s{n}", "S", publisher=f"Paper {n}", origin=o, origin_basis=b)  # type: ignore[arg-type]
        for n, (o, b) in enumerate(spec)
    ]


@pytest.mark.parametrize(("spec", "count"), COUNTED)
def test_a_text_basis_copy_counts_as_a_credited_one(
    spec: list[tuple[str | None, str | None]], count: int
) -> None:
    assert origins(_sources(spec)).count == count
    credited = [(o, "credit" if o else None) for o, _ in spec]
    found, expected = origins(_sources(spec)), origins(_sources(credited))
    assert (found.ids, found.names) == (expected.ids, expected.names)


@given(
    st.lists(
        st.tuples(
            st.sampled_from([None, "Reuters", "reuters", "AFP", "Sputnik Mundo", "Sputnik"]),
            st.sampled_from([None, "credit", "text"]),
        ),
        max_size=8,
    )
)
def test_origin_counts_do_not_depend_on_the_basis(
    spec: list[tuple[str | None, str | None]],
) -> None:
    made = _sources([(o, b if o else None) for o, b in spec])
    plain = _sources([(o, None) for o, _ in spec])
    found, expected = origins(made), origins(plain)
    assert (found.ids, found.names) == (expected.ids, expected.names)
    assert ach.independent_origins(made) == ach.independent_origins(plain)


def test_credibility_one_on_a_wire_and_its_uncredited_copy_fails_strict(tmp_path: Path) -> None:
    # The reason for the field: an uncredited copy of a Reuters story is no confirmation.
    text = BASIS.replace("sources: [stabroek, armi, forum, said]}", "sources: [stabroek, armi],")
    text += "     credibility: 1}\n"
    text = text.replace("title: E1, themes", "title: E1,\n     themes")
    root = corpus(tmp_path, text)
    result = invoke("--no-cache", "validate", "--strict", str(root))
    assert result.exit_code == 1
    assert "has credibility 1 (confirmed by other sources) but rests on 1 independent origin" in (
        result.stderr
    )
