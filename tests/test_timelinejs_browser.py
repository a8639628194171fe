"""TimelineJS itself loads `vrmc export timelinejs` in headless Chromium and renders every
event without an error.

TimelineJS is not part of this repository: the test fetches its published npm package with
`npm pack` into a temporary folder at setup. Without chromium or npm (or the package) the test
is skipped on a developer's machine, and fails when CI=true: CI must install chromium and npm.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import tarfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import FIXTURE, HEADLESS, invoke, write_corpus

TIMELINEJS = "@knight-lab/timelinejs@3.9.11"
CHROMIUM = (
    shutil.which("chromium")
    or shutil.which("chromium-headless-shell")
    or shutil.which("chromium-browser")
)
NPM = shutil.which("npm")
IN_CI = os.environ.get("CI", "").lower() == "true"


def unavailable(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"{reason}: CI must provide it for the TimelineJS test")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def timelinejs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A folder holding TimelineJS's built timeline.js and timeline.css, from npm."""
    if CHROMIUM is None:
        unavailable("no chromium binary on this machine")
    if NPM is None:
        unavailable("no npm on this machine")
    folder = tmp_path_factory.mktemp("timelinejs")
    packed = subprocess.run(
        [str(NPM), "pack", TIMELINEJS, "--silent", "--pack-destination", str(folder)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    archives = list(folder.glob("*.tgz"))
    if packed.returncode != 0 or not archives:
        unavailable(f"npm pack {TIMELINEJS} failed: {packed.stderr.strip()[-300:]}")
    with tarfile.open(archives[0]) as archive:
        for name in ("package/dist/js/timeline.js", "package/dist/css/timeline.css"):
            member = archive.extractfile(name)
            assert member is not None, name
            (folder / Path(name).name).write_bytes(member.read())
    yield folder


PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><link rel="stylesheet" href="timeline.css">
<script src="timeline.js"></script></head>
<body><div id="timeline" style="width: 1200px; height: 700px"></div>
<pre id="result">pending</pre>
<script>
const uncaught = [];
window.addEventListener("error", (e) => uncaught.push(String(e.message)));
const data = __DATA__;
function report(state, timeline) {
  const headlines = Array.from(document.querySelectorAll(".tl-slide .tl-headline"))
    .map((h) => h.textContent);
  const slides = Array.from(document.querySelectorAll(".tl-slide")).map((s) => [
    (s.querySelector(".tl-headline") || {}).textContent || "",
    (s.querySelector(".tl-headline-date") || {}).textContent || "",
  ]);
  document.getElementById("result").textContent = JSON.stringify({
    state: state,
    events: timeline && timeline.config ? timeline.config.events.length : -1,
    errors: timeline && timeline.config ? timeline.config.getErrors() : ["no config"],
    uncaught: uncaught,
    headlines: headlines,
    slides: slides,
    markers: document.querySelectorAll(".tl-timemarker").length,
    message: (document.querySelector(".tl-message-content") || {}).textContent || "",
  });
}
let timeline = null;
try {
  timeline = new TL.Timeline("timeline", data);
  timeline.on("loaded", () => setTimeout(() => report("loaded", timeline), 500));
} catch (e) {
  uncaught.push(String(e));
}
setTimeout(() => {
  if (document.getElementById("result").textContent === "pending") report("timeout", timeline);
}, 8000);
</script></body></html>
"""


def render(folder: Path, exported: str, name: str) -> dict[str, object]:
    # The JSON goes inside a script element: "</" would end it, so it is escaped.
    page = folder / f"{name}.html"
    page.write_text(PAGE.replace("__DATA__", exported.replace("</", "<\\/")), encoding="utf-8")
    assert CHROMIUM is not None
    shown = subprocess.run(
        [
            CHROMIUM,
            *HEADLESS,
            "--host-resolver-rules=MAP * ~NOTFOUND",  # nothing leaves the machine
            "--allow-file-access-from-files",
            "--virtual-time-budget=15000",
            "--window-size=1280,900",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    found = re.search(r'<pre id="result">(.*?)</pre>', shown.stdout, re.S)
    assert found is not None, shown.stderr[-2000:]
    result: dict[str, object] = json.loads(html.unescape(found.group(1)))
    return result


def check(folder: Path, args: list[str], name: str) -> None:
    exported = invoke(*args, "export", "timelinejs")
    assert exported.exit_code == 0, exported.stderr
    data = json.loads(exported.stdout)
    result = render(folder, exported.stdout, name)
    assert result["state"] == "loaded", result
    assert result["uncaught"] == [] and result["errors"] == [], result
    assert "error" not in str(result["message"]).lower(), result  # "Loading", hidden, is fine
    assert result["events"] == len(data["events"])
    headlines = result["headlines"]
    assert isinstance(headlines, list)
    # The title slide, then one slide per event, each with its headline as text.
    expected = [html.unescape(e["text"]["headline"]) for e in data["events"]]
    assert headlines[1:] == sorted(expected, key=expected.index) or set(expected) <= set(headlines)
    markers = result["markers"]
    assert isinstance(markers, int) and markers == len(data["events"])


# The bundled corpus's hundred slides (about 2 s of CPU, most of it in the browser) in CI
# (CI=true or --run-slow); the fixture corpus's, with the same checks, in the everyday loop too.
@pytest.mark.slow
def test_timelinejs_renders_the_bundled_corpus(timelinejs: Path) -> None:
    check(timelinejs, [], "bundled")


def test_timelinejs_renders_the_fixture_corpus(timelinejs: Path) -> None:
    check(timelinejs, ["-b", str(FIXTURE)], "fixture")


def test_timelinejs_shows_markup_as_text(timelinejs: Path, tmp_path: Path) -> None:
    corpus = write_corpus(
        tmp_path / "c",
        {
            "a.yaml": "version: 1\ntopic: {title: T}\nthemes: [{id: t, title: T}]\nevents:\n"
            "  - {id: e, date: 2020-02, title: '<img src=x onerror=alert(1)> </script>',"
            " themes: [t], circa: true}\n",
        },
    )
    exported = invoke("-b", str(corpus), "export", "timelinejs")
    result = render(timelinejs, exported.stdout, "hostile")
    assert result["state"] == "loaded" and result["uncaught"] == [], result
    assert "<img src=x onerror=alert(1)> </script>" in result["headlines"]  # type: ignore[operator]


def test_the_harness_sees_timelinejs_errors(timelinejs: Path) -> None:
    # What the checks above rely on: TimelineJS's own complaint about bad data is seen.
    broken = json.dumps({"events": [{"text": {"headline": "no date"}}]})
    result = render(timelinejs, broken, "broken")
    assert result["state"] != "loaded" or result["errors"] or result["uncaught"], result


def test_an_imported_sheet_shows_the_sheets_headlines_and_dates(
    timelinejs: Path, tmp_path: Path
) -> None:
    """TimelineJS's sample timeline, imported (`vrmc import timelinejs`) and exported again,
    shows in TimelineJS the same slides, headline by headline and date by date, as the
    sample itself."""
    from conftest import DATA

    sample = DATA / "import" / "women_in_computing.json"
    imported = invoke("import", "timelinejs", str(sample), "--into", str(tmp_path / "w"))
    assert imported.exit_code == 0, imported.stderr
    exported = invoke("-b", str(tmp_path / "w"), "export", "timelinejs")
    assert exported.exit_code == 0, exported.stderr
    original = render(timelinejs, sample.read_text(encoding="utf-8"), "sample")
    again = render(timelinejs, exported.stdout, "again")
    for result in (original, again):
        assert result["state"] == "loaded" and result["uncaught"] == [], result

    def slides(result: dict[str, object]) -> list[tuple[str, str]]:
        found = result["slides"]
        assert isinstance(found, list)
        # The title slide aside: one (headline, date as TimelineJS shows it) per event.
        return sorted((" ".join(h.split()), " ".join(d.split())) for h, d in found if d)

    assert slides(again) == slides(original)
    assert len(slides(original)) == 10
