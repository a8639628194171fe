"""vrmc import: TimelineJS sheets, STIX bundles, MISP galaxies and spreadsheets as topic files.

Each format is checked with its own producer's data where there is one (TimelineJS's sample
sheet, vrmc's STIX export read back by stix2, a galaxy shipped by pymispgalaxies), and the
result with vrmc's own loader: what an import writes validates, and what it refuses leaves
nothing behind.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml

from conftest import DATA, GOLDEN, check_golden, invoke, raw_unsafe, write_corpus

IMPORTS = DATA / "import"
SHEET = IMPORTS / "women_in_computing.csv"
SHEET_JSON = IMPORTS / "women_in_computing.json"
ACLED = IMPORTS / "acled-sample.csv"
BUNDLED = Path(__file__).parent.parent / "briefings"


def imported(folder: Path) -> dict[str, object]:
    files = sorted(folder.glob("imported-*.yaml"))
    assert len(files) == 1, files
    loaded: dict[str, object] = yaml.safe_load(files[0].read_text(encoding="utf-8"))
    return loaded


def sheet_rows() -> list[dict[str, str]]:
    import csv

    with SHEET.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def expected_date(row: dict[str, str], prefix: str = "") -> str | None:
    parts = [row[f"{prefix}{p}"] for p in ("Year", "Month", "Day")]
    if not parts[0]:
        return None
    out = f"{int(parts[0]):04d}"
    if parts[1]:
        out += f"-{int(parts[1]):02d}"
        if parts[2]:
            out += f"-{int(parts[2]):02d}"
    return out


# --------------------------------------------------------------------------- TimelineJS


def test_timelinejs_sample_sheet_imports_and_validates(tmp_path: Path) -> None:
    into = tmp_path / "women"
    result = invoke("import", "timelinejs", str(SHEET), "--into", str(into))
    assert result.exit_code == 0, result.stderr
    data = imported(into)
    rows = [r for r in sheet_rows() if r["Type"] not in ("title", "era")]
    events = data["events"]
    assert isinstance(events, list)
    # Every slide is an event, in sheet order, its headline the title and its dates at the
    # sheet's own precision (a Year alone stays a year).
    assert [e["title"] for e in events] == [r["Headline"] for r in rows]
    assert [e["date"] for e in events] == [expected_date(r) for r in rows]
    assert [e.get("end") for e in events] == [expected_date(r, "End ") for r in rows]
    assert data["topic"] == {
        "title": "Women in Computing",
        "summary": "In this sample timeline, we'll walk you through what TimelineJS can do by "
        "looking at some of the more important contributions women have made to computer "
        "science.",
        "x-background": sheet_rows()[0]["Background"],
    }
    # HTML became plain text, its links sources.
    ada = events[0]
    assert "<" not in ada["summary"] and "Ada Lovelace: Daughter of Lord Byron" in ada["summary"]
    urls = {s["id"]: s["url"] for s in data["sources"]}  # type: ignore[union-attr]
    assert urls[ada["sources"][0]] == "https://en.wikipedia.org/wiki/Ada_Lovelace"
    checked = invoke("-b", str(into), "validate", "-f", "json")
    assert checked.exit_code == 0, checked.stdout + checked.stderr
    counts = json.loads(checked.stdout)["counts"]
    assert counts["events"] == len(rows) and counts["sources"] == len(urls)
    summary = result.stdout.replace("\n", " ")
    assert f"{len(rows)} events, {len(urls)} sources" in summary


def test_timelinejs_json_gives_the_same_events_as_the_sheet(tmp_path: Path) -> None:
    for name, source in (("csv", SHEET), ("json", SHEET_JSON)):
        result = invoke("import", "timelinejs", str(source), "--into", str(tmp_path / name))
        assert result.exit_code == 0, result.stderr
    from_csv, from_json = imported(tmp_path / "csv"), imported(tmp_path / "json")

    def key(data: dict[str, object]) -> list[tuple[object, ...]]:
        events = data["events"]
        assert isinstance(events, list)
        return sorted((e["title"], e["date"], e.get("end")) for e in events)

    assert key(from_csv) == key(from_json)
    # The JSON names the same sheet: imported into the CSV's folder, all are duplicates.
    again = invoke("import", "timelinejs", str(SHEET_JSON), "--into", str(tmp_path / "csv"))
    assert again.exit_code == 1
    assert "every entry is already in the corpus" in again.stderr


def test_import_output_is_stable_and_matches_its_golden(
    tmp_path: Path, update_goldens: bool
) -> None:
    first = invoke("import", "timelinejs", str(SHEET), "--into", str(tmp_path / "a"), "--dry-run")
    second = invoke("import", "timelinejs", str(SHEET), "--into", str(tmp_path / "b"), "--dry-run")
    assert first.exit_code == 0, first.stderr
    assert first.stdout == second.stdout
    assert not (tmp_path / "a").exists()  # a dry run writes nothing
    check_golden(GOLDEN / "import" / "women_in_computing.yaml", first.stdout, update_goldens)


def test_dry_run_prints_exactly_what_an_import_writes(tmp_path: Path) -> None:
    dry = invoke("import", "timelinejs", str(SHEET), "--into", str(tmp_path / "w"), "--dry-run")
    real = invoke("import", "timelinejs", str(SHEET), "--into", str(tmp_path / "w"))
    assert real.exit_code == 0
    written = (tmp_path / "w" / "imported-women-in-computing.yaml").read_text(encoding="utf-8")
    assert written == dry.stdout


def test_an_import_never_touches_an_existing_file(tmp_path: Path) -> None:
    into = tmp_path / "w"
    into.mkdir()
    target = into / "imported-women-in-computing.yaml"
    target.write_text("# mine\n", encoding="utf-8")
    result = invoke("import", "timelinejs", str(SHEET), "--into", str(into))
    assert result.exit_code == 1
    assert "never replaces a file" in result.stderr
    assert target.read_text(encoding="utf-8") == "# mine\n"


def test_import_beside_a_corpus_reports_duplicates_and_reuses_its_entries(tmp_path: Path) -> None:
    corpus = write_corpus(
        tmp_path / "c",
        {
            "a.yaml": "version: 1\ntopic: {title: Mine}\n"
            "themes: [{id: computing, title: Women in Computing}]\n"
            "sources: [{id: ada-wiki, title: Ada, url: 'https://en.wikipedia.org/wiki/Ada_Lovelace'}]\n"
            "events:\n  - {id: ada, date: '1815-12-10', title: 'Ada Lovelace is born',"
            " themes: [computing]}\n",
        },
    )
    before = {p: p.read_bytes() for p in corpus.rglob("*")}
    result = invoke("import", "timelinejs", str(SHEET), "--into", str(corpus))
    assert result.exit_code == 0, result.stderr
    assert {p: p.read_bytes() for p in before} == before  # existing files untouched
    data = imported(corpus)
    assert "topic" not in data  # the corpus has one
    assert "themes" not in data  # the sheet's theme is the corpus's
    events = data["events"]
    assert isinstance(events, list)
    assert "Ada Lovelace" not in [e["title"] for e in events]  # a likely duplicate
    assert all(e["themes"] == ["computing"] for e in events)
    assert "likely duplicate, not added: event 'Ada Lovelace' (1815-12-10)" in result.stderr
    # The corpus's source for the same URL is cited, not copied.
    cited = {s for e in events for s in e.get("sources", [])}
    assert "ada-wiki" not in cited or "ada-wiki" not in {s["id"] for s in data.get("sources", [])}  # type: ignore[union-attr]
    assert invoke("-b", str(corpus), "validate").exit_code == 0


def test_html_never_becomes_markup_and_what_is_dropped_is_said(tmp_path: Path) -> None:
    sheet = tmp_path / "hostile.csv"
    sheet.write_text(
        "Year,Headline,Text,Media\n"
        '2020,"<b>Bold</b> claim","<script>alert(1)</script><p onclick=""x()"">Seen '
        '<a href=""javascript:alert(1)"">here</a> and <a href=""https://example.org/a"">there</a>'
        '</p>",<iframe src="https://example.org/e"></iframe>\n',
        encoding="utf-8",
    )
    result = invoke("import", "timelinejs", str(sheet), "--into", str(tmp_path / "h"))
    assert result.exit_code == 0, result.stderr
    event = imported(tmp_path / "h")["events"][0]  # type: ignore[index]
    assert event["title"] == "Bold claim"
    assert event["summary"] == "Seen here and there"
    assert "dropped" in result.stderr and "script" in result.stderr
    assert "'javascript:alert(1)' in Text is not a web address" in result.stderr
    text = (tmp_path / "h" / "imported-hostile.yaml").read_text(encoding="utf-8")
    assert "<script" not in text and "onclick" not in text


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("not-a-sheet.csv", b"when,what\n2020,x\n", ":1:1: not a TimelineJS sheet"),
        ("latin1.csv", b"Year,Headline\n2020,Caf\xe9\n", ":2:9: not UTF-8 text"),
        ("control.csv", b"Year,Headline\n2020,a\x1b[2Jb\n", ":2:2: Headline: control or invisible"),
        ("bidi.csv", "Year,Headline\n2020,a\u202eb\n".encode(),
         ":2:2: Headline: control or invisible"),
        ("month.csv", b"Year,Month,Headline\n2020,13,x\n", ":2:2: Month 13 is not 1 to 12"),
        ("bce.csv", b"Year,Headline\n-500,x\n", ":2:1: Year -500: vrmc dates run from year 1"),
        ("ragged.csv", b"Year,Headline\n2020,x,y\n", ":2:3: line 2: 3 cells"),
        ("quote.csv", b'Year,Headline\n2020,"x\n', ":2:1: line 2: not valid CSV"),
        ("empty.csv", b"", ":1:1: an empty file"),
        ("not-json.json", b"{", ": not JSON"),
        ("wrong.json", b'{"events": [{"start_date": {"year": "x"}, "text": {"headline": "h"}}]}',
         "$.events[0].start_date.year: Year 'x' is not a whole number"),
    ],
)  # fmt: skip
def test_bad_timelinejs_input_is_located_and_writes_nothing(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    into = tmp_path / "out"
    result = invoke("import", "timelinejs", str(bad), "--into", str(into))
    assert result.exit_code == 1, result.stdout
    assert message in result.stderr
    assert "Traceback" not in result.stderr and not raw_unsafe(result.stderr)
    assert not into.exists()


def test_a_huge_file_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    big = tmp_path / "big.csv"
    with big.open("wb") as out:
        out.write(b"Year,Headline\n")
        out.write(b"2020,x\n" * (16 * 1024 * 1024 // 7 + 10))
    result = invoke("import", "timelinejs", str(big), "--into", str(tmp_path / "o"))
    assert result.exit_code == 1
    assert "vrmc imports files of up to 16 MiB" in result.stderr
    assert not (tmp_path / "o").exists()


def test_unknown_format_and_misplaced_options_are_usage_errors(tmp_path: Path) -> None:
    assert invoke("import", "timelinejss", str(SHEET)).exit_code == 2
    misplaced = invoke("import", "stix", str(SHEET), "--layout", "acled")
    assert (
        misplaced.exit_code == 2
        and "--map and --layout are for vrmc import csv" in misplaced.stderr
    )
    missing = invoke("import", "stix", str(tmp_path / "nope.json"))
    assert missing.exit_code == 1 and "cannot read" in missing.stderr


# --------------------------------------------------------------------------- STIX


def _actors_and_relations(tmp_path: Path) -> Path:
    """A corpus of the bundled actors and relations with what they refer to."""
    root = tmp_path / "orig"
    (root / "sources").mkdir(parents=True)
    for name in ("topic", "themes", "countries", "sources", "places", "actors", "relations"):
        (root / f"{name}.yaml").write_bytes((BUNDLED / f"{name}.yaml").read_bytes())
    for path in (BUNDLED / "sources").glob("*.yaml"):
        (root / "sources" / path.name).write_bytes(path.read_bytes())
    return root


def test_stix_export_imports_back_to_the_same_actors_and_relations(tmp_path: Path) -> None:
    import shutil

    original = _actors_and_relations(tmp_path)
    exported = invoke("-b", str(original), "export", "stix")
    assert exported.exit_code == 0, exported.stderr
    bundle = tmp_path / "bundle.json"
    bundle.write_text(exported.stdout, encoding="utf-8")
    import stix2

    stix2.parse(exported.stdout)  # the extension properties are declared, so stix2 accepts them
    again = tmp_path / "again"
    shutil.copytree(original, again)
    (again / "actors.yaml").unlink()
    (again / "relations.yaml").unlink()
    result = invoke("import", "stix", str(bundle), "--into", str(again))
    assert result.exit_code == 0, result.stderr
    counts = json.loads(invoke("-b", str(original), "validate", "-f", "json").stdout)["counts"]
    assert f"{counts['actors']} actors, {counts['relations']} relations" in result.stdout.replace(
        "\n", " "
    )
    diff = invoke("diff", str(original), str(again), "-f", "json")
    assert diff.exit_code == 0, diff.stderr
    changes = json.loads(diff.stdout)
    text = json.dumps(changes)
    assert all(not v["added"] and not v["changed"] for v in changes["kinds"].values()), text
    plain = invoke("diff", str(original), str(again), "-f", "text")
    assert "No changes." in plain.stdout, plain.stdout


def test_stix_from_another_producer_maps_standard_properties(tmp_path: Path) -> None:
    def obj(kind: str, n: int, **props: object) -> dict[str, object]:
        uuid = f"{n}" * 8 + f"-{n}{n}{n}{n}-4{n}{n}{n}-8{n}{n}{n}-" + f"{n}" * 12
        stamp = "2024-01-01T00:00:00Z"
        return {"type": kind, "spec_version": "2.1", "id": f"{kind}--{uuid}",
                "created": stamp, "modified": stamp, **props}  # fmt: skip

    ana = obj(
        "identity", 1, name="Ana Example", identity_class="individual",
        external_references=[{"source_name": "Example", "url": "https://example.org/ana"}],
    )  # fmt: skip
    army = obj(
        "threat-actor", 2, name="Example Army", threat_actor_types=["nation-state"],
        aliases=["EA"],
    )  # fmt: skip
    place = obj("location", 3, name="Exampleland", country="xa")
    bundle = {
        "type": "bundle",
        "id": "bundle--0b1c6c8a-7d33-4f05-9e4e-3c0b0a2e1a11",
        "objects": [
            ana,
            army,
            place,
            obj("relationship", 4, relationship_type="commands", source_ref=ana["id"],
                target_ref=army["id"], start_time="2020-03-01T00:00:00Z"),
            obj("relationship", 5, relationship_type="located-at", source_ref=army["id"],
                target_ref=place["id"]),
            obj("malware", 6, name="x", is_family=False),
        ],
    }  # fmt: skip
    import stix2

    stix2.parse(json.dumps(bundle))  # a valid bundle by the consumer's own library
    path = tmp_path / "b.json"
    path.write_text(json.dumps(bundle), encoding="utf-8")
    result = invoke("import", "stix", str(path), "--into", str(tmp_path / "o"))
    assert result.exit_code == 0, result.stderr
    data = imported(tmp_path / "o")
    assert data["actors"] == [
        {"id": "ana-example", "name": "Ana Example", "kind": "person",
         "sources": ["example-org-ana"]},
        {"id": "example-army", "name": "Example Army", "kind": "military", "country": "XA",
         "aliases": ["EA"]},
    ]  # fmt: skip
    assert data["relations"] == [
        {"from": "ana-example", "to": "example-army", "kind": "commands", "since": "2020-03-01"}
    ]
    assert data["countries"] == [{"code": "XA", "name": "Exampleland"}]
    assert "1 malware object: vrmc has no kind for them; not imported" in result.stderr


def test_a_json_that_is_not_a_bundle_is_refused_with_its_json_path(tmp_path: Path) -> None:
    for content, message in (
        ('{"type": "report"}', '$: not a STIX bundle'),
        ('{"type": "bundle", "objects": [{"type": "identity"}]}',
         "$.objects[0]: a STIX object needs"),
        ('{"type": "bundle", "objects": [{"type": "identity", "id": "identity--1", "name": 5}]}',
         "$.objects[0].name: expected a string"),
    ):  # fmt: skip
        path = tmp_path / "x.json"
        path.write_text(content, encoding="utf-8")
        result = invoke("import", "stix", str(path), "--into", str(tmp_path / "o"))
        assert result.exit_code == 1 and message in result.stderr, result.stderr
        assert not (tmp_path / "o").exists()


# --------------------------------------------------------------------------- MISP galaxy


def test_a_pymispgalaxies_galaxy_imports_into_actors_that_validate(tmp_path: Path) -> None:
    pymispgalaxies = pytest.importorskip("pymispgalaxies")
    clusters = Path(pymispgalaxies.__file__).parent / "data" / "misp-galaxy" / "clusters"
    galaxy = clusters / "intelligence-agencies.json"
    values = json.loads(galaxy.read_text(encoding="utf-8"))["values"]
    into = tmp_path / "agencies"
    result = invoke("import", "misp-galaxy", str(galaxy), "--into", str(into))
    assert result.exit_code == 0, result.stderr
    data = imported(into)
    actors = data["actors"]
    assert isinstance(actors, list)
    distinct = {v["value"].strip().casefold() for v in values}
    assert len(actors) == len(distinct)
    by_name = {a["name"]: a for a in actors}
    with_synonyms = next(v for v in values if v.get("meta", {}).get("synonyms"))
    assert by_name[with_synonyms["value"]]["aliases"] == with_synonyms["meta"]["synonyms"]
    assert by_name[with_synonyms["value"]]["country"] == with_synonyms["meta"]["country"]
    checked = invoke("-b", str(into), "validate", "-f", "json")
    assert checked.exit_code == 0, checked.stderr
    assert json.loads(checked.stdout)["counts"]["actors"] == len(distinct)


def test_an_equipment_galaxy_lands_as_unconfirmed_register_entries(tmp_path: Path) -> None:
    corpus = write_corpus(
        tmp_path / "c",
        {
            "a.yaml": "version: 1\ntopic: {title: T}\n"
            "countries: [{code: IR, name: Iran}, {code: VE, name: Venezuela}]\n",
        },
    )
    galaxy = tmp_path / "uav.json"
    galaxy.write_text(
        json.dumps(
            {
                "name": "UAVs",
                "type": "uavs",
                "category": "Military equipment",
                "values": [
                    {
                        "value": "Mohajer-6",
                        "description": "Tactical UAV",
                        "uuid": "c33064eb-407f-5dea-90d7-08926ce8855d",
                        "meta": {"country": "iran", "operator": ["iran", "venezuela", "mars"],
                                 "refs": ["https://example.org/m6"]},
                    }
                ],
            }
        ),
        encoding="utf-8",
    )  # fmt: skip
    result = invoke("import", "misp-galaxy", str(galaxy), "--into", str(corpus))
    assert result.exit_code == 0, result.stderr
    transfers = imported(corpus)["transfers"]
    assert isinstance(transfers, list) and len(transfers) == 1
    assert transfers[0]["supplier"] == "IR" and transfers[0]["recipient"] == "VE"
    assert transfers[0]["status"] == "unconfirmed"
    assert "operator 'mars' is not a country of the corpus" in result.stderr
    assert invoke("-b", str(corpus), "validate").exit_code == 0


# --------------------------------------------------------------------------- spreadsheets


def test_an_acled_layout_lands_as_leads_and_keeps_every_column(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    import shutil

    shutil.copytree(BUNDLED, corpus)
    result = invoke("import", "csv", str(ACLED), "--layout", "acled", "--into", str(corpus))
    assert result.exit_code == 0, result.stderr
    events = imported(corpus)["events"]
    assert isinstance(events, list) and len(events) == 2
    assert all(e["status"] == "lead" for e in events)
    first, second = events
    assert first["date"] == "2024-01-15" and second["date"] == "2024-01-20"
    assert first["countries"] == ["VE"]
    assert second["actors"] == ["nicolas-maduro", "vladimir-putin"]  # matched by name
    assert first["x-actors"] == ["Protesters (Venezuela)"]  # not in the corpus: kept aside
    assert first["x-fatalities"] == "0" and first["x-latitude"] == "10.5"
    assert invoke("-b", str(corpus), "validate").exit_code == 0
    checked = invoke(
        "import", "csv", str(ACLED), "--map", "date=event_date,title={event_type} in {location}",
        "--checked", "--into", str(tmp_path / "d"), "--dry-run",
    )  # fmt: skip
    assert checked.exit_code == 0, checked.stderr
    assert "status: lead" not in checked.stdout
    assert "title: Protests in Caracas" in checked.stdout


def test_a_column_map_naming_no_column_is_refused(tmp_path: Path) -> None:
    result = invoke(
        "import", "csv", str(ACLED), "--map", "date=day,title=notes", "--into", str(tmp_path / "o")
    )
    assert result.exit_code == 1
    assert ":1:1: --map date: no column 'day' in the header row" in result.stderr
    unmapped = invoke("import", "csv", str(ACLED), "--into", str(tmp_path / "o"))
    assert unmapped.exit_code == 2 and "needs a column map" in unmapped.stderr
    wrong = invoke("import", "csv", str(ACLED), "--map", "when=event_date")
    assert wrong.exit_code == 2 and "'when' is not an event field" in wrong.stderr


def test_a_bad_date_in_a_spreadsheet_names_its_row_and_column(tmp_path: Path) -> None:
    sheet = tmp_path / "e.csv"
    sheet.write_text("what,when\nx,2024-01-01\ny,next tuesday\n", encoding="utf-8")
    result = invoke(
        "import", "csv", str(sheet), "--map", "title=what,date=when", "--into", str(tmp_path / "o")
    )
    assert result.exit_code == 1
    assert f"{sheet}:3:2: date 'next tuesday' is not a date" in result.stderr
    assert not (tmp_path / "o").exists()


def test_imported_ids_are_readable_and_unique(tmp_path: Path) -> None:
    sheet = tmp_path / "e.csv"
    sheet.write_text(
        "what,when\nSame title,2024\nSame title,2024\nÉté à Caracas,2024-07\n", encoding="utf-8"
    )
    result = invoke(
        "import", "csv", str(sheet), "--map", "title=what,date=when", "--into", str(tmp_path / "o")
    )
    assert result.exit_code == 0, result.stderr
    ids = [e["id"] for e in imported(tmp_path / "o")["events"]]  # type: ignore[union-attr]
    assert ids == ["same-title-2024", "same-title-2024-2", "ete-a-caracas-2024-07"]
    assert os.path.exists(tmp_path / "o" / "imported-e.yaml")


def test_libyaml_and_pure_python_write_the_same_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    args = ("import", "timelinejs", str(SHEET), "--into", str(tmp_path / "a"), "--dry-run")
    fast = invoke(*args)
    monkeypatch.delattr(yaml, "CSafeDumper", raising=False)
    slow = invoke(*args)
    assert fast.exit_code == slow.exit_code == 0
    assert fast.stdout == slow.stdout


def test_import_beside_a_corpus_parses_its_files_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The corpus an import joins is read for its duplicates and then linked with the new
    file as a check: with the cache, its files are parsed by the first read only, and a
    problem in the joined result is still the import's (nothing written)."""
    from vrmc_cli.corpus import load

    corpus = write_corpus(
        tmp_path / "c",
        {
            "a.yaml": "version: 1\ntopic: {title: Mine}\n"
            "themes: [{id: computing, title: Women in Computing}]\n",
            "b.yaml": "version: 1\nevents:\n  - {id: ada, date: '1815-12-10',"
            " title: 'Ada Lovelace is born', themes: [computing]}\n",
        },
    )
    parsed: list[str] = []
    real = load.parse_file

    def counting(topic_file: object) -> object:
        parsed.append(str(getattr(topic_file, "shown", topic_file)))
        return real(topic_file)  # type: ignore[arg-type]

    monkeypatch.setattr(load, "parse_file", counting)
    result = invoke("import", "timelinejs", str(SHEET), "--into", str(corpus), "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert sorted(parsed) == sorted({*parsed}) and len(parsed) == 2  # each file once
    parsed.clear()
    assert invoke("import", "timelinejs", str(SHEET), "--into", str(corpus)).exit_code == 0
    assert parsed == []  # a warm cache: no file of the corpus parsed again
