"""The warm path: what a warm run of a common command imports, and the plain-string code that
keeps `re` off it, held to the patterns it replaces (docs/performance.md)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import examples
from vrmc_cli.core.dates import PartialDate, parse_date
from vrmc_cli.views.base import relayed, title_without_date

# Modules a warm run of the commands below must not import: the standard library's slow
# ones (each costs a warm run a share of the interpreter's own start-up) and vrmc's modules
# these commands have no use for. A command that needs one imports it where it is used.
FORBIDDEN = (
    "re",
    "enum",
    "typing",
    "textwrap",
    "difflib",
    "datetime",
    "pickle",
    "signal",
    "contextlib",
    "struct",
    "warnings",
    "json",
    "unicodedata",
    "vrmc_cli.corpus.fields",
    "vrmc_cli.corpus.kinds",
    "vrmc_cli.corpus.load",
    "vrmc_cli.corpus.link",
    "vrmc_cli.analysis.geo",
    "vrmc_cli.core.spelling",
    "vrmc_cli.cli",
    "typer",
    "yaml",
    "rich",
)

# What a warm run imports beyond `python -c pass`, printed as it exits.
RUN = """
import sys
before = set(sys.modules)
sys.argv = ["vrmc", *sys.argv[1:]]
from vrmc_cli.__main__ import main
try:
    main()
finally:
    sys.stderr.write("\\nMODULES " + " ".join(sorted(set(sys.modules) - before)) + "\\n")
"""


def warm_modules(args: list[str], cache: Path) -> set[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VRMC_", "PYTHON"))}
    env["XDG_CACHE_HOME"] = str(cache)
    command = [sys.executable, "-c", RUN, *args]
    for _ in range(2):  # the first run fills the cache
        run = subprocess.run(
            command, env=env, capture_output=True, text=True, timeout=120, check=False
        )
        assert run.returncode == 0, run.stderr
    line = run.stderr.rsplit("\nMODULES ", 1)[1]
    return set(line.split())


@pytest.mark.parametrize(
    ("args", "unused"),
    [
        # A timeline shows each event's origins (corpus.origins), not a source summary.
        # Its date window compares days without making dates (core/dates.overlapping).
        (
            ["timeline", "-f", "text", "--since", "2020"],
            ["vrmc_cli.analysis.provenance", "_datetime"],
        ),
        (["timeline", "--format", "text"], ["vrmc_cli.analysis.provenance"]),
        (["brief", "motivations", "-f", "text"], []),
    ],
)
def test_a_warm_run_imports_only_what_it_uses(
    args: list[str], unused: list[str], tmp_path: Path
) -> None:
    loaded = warm_modules(args, tmp_path)
    assert "vrmc_cli.corpus.cache" in loaded  # it did read the cache
    banned = {*FORBIDDEN, *unused}
    found = sorted(m for m in loaded if m in banned or m.split(".")[0] in banned)
    assert not found, f"vrmc {' '.join(args)} imports {found}"


# --------------------------------------------------------------------------- the patterns


def _regex_parse(text: str) -> tuple[int, int, int] | None:
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text.strip())
    return None if match is None else tuple(int(p) if p else 0 for p in match.groups())  # type: ignore[return-value]


DATE_TEXT = st.text(alphabet=st.sampled_from("0123456789-٠١٢ \t\n²x"), max_size=12)


@given(st.one_of(DATE_TEXT, st.dates().map(str), st.dates().map(lambda d: str(d)[:7])))
def test_parse_date_reads_what_its_pattern_reads(text: str) -> None:
    want = _regex_parse(text)
    try:
        got = parse_date(text)
    except ValueError as error:
        assert want is None or "expected" not in str(error), text
    else:
        assert want == (got.year, got.month, got.day), text


def _regex_title(title: str, published: PartialDate) -> str:
    """title_without_date as it was written with three patterns."""
    months = (
        *("January", "February", "March", "April", "May", "June", "July", "August"),
        *("September", "October", "November", "December"),
    )
    month = months[published.month - 1]
    forms = [f"{month} {published.year}", f"{month[:3]} {published.year}"]
    if published.day:
        forms = [
            f"{published.day} {month} {published.year}",
            f"{month} {published.day}, {published.year}",
            f"{published.day} {month[:3]} {published.year}",
            f"{month[:3]} {published.day}, {published.year}",
            *forms,
        ]
    lead_in = re.compile(r"(?:,|\s+(?:of|on|dated|from))\s+")
    after = re.compile(r"\s*(?:[(),]|$)|\s+on\s")
    for place in re.finditer(r"[,\s]", title):
        lead = lead_in.match(title, place.start())
        if lead is None:
            continue
        at = lead.end()
        for form in forms:
            if title.startswith(form, at) and after.match(title, at + len(form)):
                return (title[: place.start()] + title[at + len(form) :]).strip() or title
    return title.strip() or title


PIECES = st.sampled_from(
    [" ", "  ", ",", ", ", " of ", " on ", " dated ", " from ", "of", "on", "often", "(", ")",
     "\n", "\t", "\u00a0", "report", "5 April 2006", "April 2006", "Apr 2006", "April 5, 2006",
     "5 Apr 2006", "Apr 5, 2006", " on the deal", "x", "2006"]
)  # fmt: skip


@settings(max_examples=examples(500))
@given(st.lists(PIECES, max_size=8).map("".join), st.sampled_from(["2006-04-05", "2006-04"]))
def test_title_without_date_cuts_what_its_patterns_cut(title: str, date: str) -> None:
    published = parse_date(date)
    if not any(f in title for f in ("April 2006", "Apr 2006", "April 5, 2006", "Apr 5, 2006")):
        return  # answered before any pattern is tried
    assert title_without_date(title, published) == _regex_title(title, published)


def _regex_relayed(publisher: str) -> str:
    agencies = {"AP", "Reuters", "AFP"}
    carried = re.fullmatch(r"([^(),]+?) \(([^()]+)\)", publisher)
    if carried and carried.group(2) in agencies:
        return f"{carried.group(2)}, via {carried.group(1)}"
    via = re.fullmatch(r"([^(),]+?) via ([^,]+)", publisher)
    return f"{via.group(1)}, via {via.group(2)}" if via else publisher


PUBLISHER = st.lists(
    st.sampled_from([" ", "(", ")", ",", " via ", "via", " (", "AP", "Reuters", "Post", "x", "\n"]),
    max_size=8,
).map("".join)


@settings(max_examples=examples(500))
@given(PUBLISHER)
def test_relayed_reads_publishers_as_its_patterns_read_them(publisher: str) -> None:
    assert relayed(publisher) == _regex_relayed(publisher), publisher


CELL = st.lists(
    st.sampled_from(["Oct 2011", " – ", " ", "May 2014", "(disputed)", "–", "x", "(", "\n", "  "]),
    max_size=8,
).map("".join)


@settings(max_examples=examples(500))
@given(CELL)
def test_pieces_splits_cells_where_its_pattern_splits_them(cell: str) -> None:
    from vrmc_cli.core.doc import pieces

    assert pieces(cell) == re.split(r"(?<=\S –) (?=\S)| (?=\()", cell)


def test_the_styles_at_run_time_are_the_type_checkers() -> None:
    """core/doc.py spells the span styles twice: STYLES for run time, `Style` for mypy."""
    import ast

    from vrmc_cli.core import doc

    tree = ast.parse(Path(doc.__file__).read_text(encoding="utf-8"))
    (literal,) = (
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        and [getattr(t, "id", None) for t in node.targets] == ["Style"]
        and isinstance(node.value, ast.Subscript)
    )
    assert isinstance(literal, ast.Subscript) and isinstance(literal.slice, ast.Tuple)
    assert tuple(ast.literal_eval(e) for e in literal.slice.elts) == doc.STYLES


def _regex_agency(key: str) -> str:
    from vrmc_cli.corpus.origins import AGENCIES, LANGUAGES, SERVICES

    if key in AGENCIES:
        return AGENCIES[key]
    if key in SERVICES:
        return SERVICES[key]
    agencies = "|".join(sorted(AGENCIES, key=len, reverse=True))
    languages = "|".join(sorted(LANGUAGES, key=len, reverse=True))
    pattern = f"^({agencies})-(?:(?:in|en)-)?(?:{languages})(?:-(?:service|edition))?$"
    found = re.match(pattern, key)
    return AGENCIES[found.group(1)] if found else key


def _key_words() -> st.SearchStrategy[str]:
    from vrmc_cli.corpus.origins import AGENCIES, LANGUAGES

    words = [*AGENCIES, *LANGUAGES, "in", "en", "service", "edition", "news", "x"]
    return st.lists(st.sampled_from(words), min_size=1, max_size=4).map("-".join)


@settings(max_examples=examples(1000))
@given(_key_words())
def test_language_services_are_read_as_their_pattern_reads_them(key: str) -> None:
    from vrmc_cli.corpus.origins import _agency

    assert _agency(key) == _regex_agency(key)


_NAMES = st.text(
    st.sampled_from(
        [*"aZ09 _-.,'’()&/ÚÑŠǗ", "á", "É", "ß", "ﬁ", "İ", "Ⅻ", "\u0301", "é", "ø", "Ω", "\u212a"]
    ),
    max_size=24,
) | st.text(max_size=24)


@settings(max_examples=examples(1000))
@given(_NAMES)
def test_fold_is_its_unicode_form_on_ascii_too(text: str) -> None:
    """fold's ASCII shortcut (the case folded, nothing to decompose) gives what the
    decomposition and the dropping of combining marks give."""
    import unicodedata

    from vrmc_cli.core.textsafe import fold

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    assert fold(text) == "".join(c for c in decomposed if not unicodedata.combining(c))


def test_each_marked_latin_letter_folds_as_unicodedata_folds_it() -> None:
    """fold's table of marked Latin letters (textsafe._MARKED): each one's decomposition
    without its marks, and every lower-case letter of U+00C0 to U+024F that folds to one
    ASCII letter is in it."""
    import unicodedata

    from vrmc_cli.core.textsafe import _BARE, _MARKED

    def bare(c: str) -> str:
        decomposed = unicodedata.normalize("NFKD", c)
        return "".join(d for d in decomposed if not unicodedata.combining(d))

    assert len(_MARKED) == len(_BARE)
    assert all(bare(c) == b for c, b in zip(_MARKED, _BARE, strict=True))
    letters = (chr(n) for n in range(0xC0, 0x250))
    lower = [c for c in letters if c.casefold() == c and bare(c) != c]
    assert "".join(c for c in lower if len(bare(c)) == 1 and bare(c).isascii()) == _MARKED


@settings(max_examples=examples(1000))
@given(_NAMES)
def test_origin_ids_are_read_as_their_pattern_reads_them(name: str) -> None:
    """An origin's id from its name: `re.sub(r"[\\W_]+", "-", folded).strip("-")`, with the
    ASCII names (nearly all) translated at once."""
    from vrmc_cli.core.textsafe import fold
    from vrmc_cli.corpus.origins import _agency, _kebab

    assert _kebab(name) == _agency(re.sub(r"[\W_]+", "-", fold(name)).strip("-"))


def _partial_dates() -> st.SearchStrategy[PartialDate]:
    def made(year: int, month: int, day: int) -> PartialDate:
        from vrmc_cli.core.dates import days_in_month

        if not month:
            return PartialDate(year, 0, 0)
        return PartialDate(year, month, min(day, days_in_month(year, month)) if day else 0)

    years = st.sampled_from([1, 4, 1900, 2000, 2019, 2020, 2021, 2024, 9999]) | st.integers(1, 9999)
    return st.builds(made, years, st.integers(0, 12), st.integers(0, 31))


@settings(max_examples=examples(2000))
@given(
    _partial_dates(),
    st.none() | _partial_dates(),
    st.none() | _partial_dates(),
    st.none() | _partial_dates(),
)
def test_a_date_window_is_tested_as_its_dates_test_it(
    start: PartialDate,
    end: PartialDate | None,
    since: PartialDate | None,
    until: PartialDate | None,
) -> None:
    """A filter's date window compares days as (year, month, day) (`overlapping`), without
    making dates: the same answer as the dates themselves (`overlaps` of `span` and
    `window`), open ends and partial dates included."""
    from vrmc_cli.core.dates import overlapping, overlaps, span, window

    assert overlapping(start, end, since, until) == overlaps(span(start, end), window(since, until))
    assert start.first == start.first_day.timetuple()[:3]
    assert start.last == start.last_day.timetuple()[:3]


def test_every_format_name_is_a_format() -> None:
    """core/formats.py names the formats twice: NAMES for run time, and Format's class
    attributes for the type checker."""
    from vrmc_cli.core.formats import NAMES, Format

    declared = [n for n in Format.__annotations__ if not n.startswith("_")]
    assert declared == list(NAMES) == [f.value for f in Format]
    assert all(Format(n) is getattr(Format, n) for n in NAMES)
    assert str(Format.json) == f"{Format.json}" == "Format.json" and Format.json == "json"


def test_a_drawn_locator_map_is_kept_and_reused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The HTML report's locator map is kept among the pictures: a second page with the
    same map reads it back, byte for byte, without laying out the outlines again; which
    places the page links to is part of what is kept; --no-cache (cache=False) draws."""
    from vrmc_cli.analysis import outlines
    from vrmc_cli.core.doc import Locator, Spot
    from vrmc_cli.render import svg

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("VRMC_NO_CACHE", raising=False)
    spots = (
        Spot(10.5, -66.9, "Caracas", 3, "place-caracas", "VE"),
        Spot(4.6, -74.1, "Bogotá", 1, "place-bogota", "CO"),
    )
    m = Locator("Where it happened", spots)
    drawn = svg.locator(m, {"place-caracas"})
    assert list((tmp_path / "vrmc").glob("picture-*.pickle"))
    layouts: list[object] = []
    real = outlines.locator_layout
    monkeypatch.setattr(outlines, "locator_layout", lambda *a: layouts.append(a) or real(*a))
    assert svg.locator(m, {"place-caracas"}) == drawn and not layouts
    other = svg.locator(m, {"place-caracas", "place-bogota"})  # another page's links
    assert other != drawn and len(layouts) == 1
    assert svg.locator(m, {"place-caracas"}, cache=False) == drawn and len(layouts) == 2
    monkeypatch.setenv("VRMC_NO_CACHE", "1")
    assert svg.locator(m, {"place-caracas"}) == drawn and len(layouts) == 3


@settings(max_examples=examples(500))
@given(st.text(alphabet=st.sampled_from("ab \t\n\u00a0\\`*_{}[]<>#|~&$^@.\u200b"), max_size=20))
def test_markdown_escapes_as_its_patterns_did(text: str) -> None:
    from vrmc_cli.core.textsafe import visible
    from vrmc_cli.render.as_markdown import escape

    flat = re.sub(r"\s+", " ", visible(text))
    assert escape(text) == re.sub(r"([\\`*_{}\[\]<>#|~&$^@])", r"\\\1", flat)


# --------------------------------------------------------------------------- the exit

# A run of `python -m vrmc_cli` (the `vrmc` command's `run`) with an object whose finalizer
# says when the interpreter frees it: only its ordinary shutdown does.
EXIT = """
import sys
class Freed:
    def __del__(self):
        sys.stderr.write("FREED\\n")
kept = Freed()
if sys.argv[1] == "callback":
    import atexit
    atexit.register(lambda: sys.stderr.write("CALLBACK\\n"))
sys.argv = ["vrmc", *sys.argv[2:]]
from vrmc_cli.__main__ import run
run()
"""


@pytest.mark.parametrize("callback", [False, True])
@pytest.mark.parametrize(
    ("args", "status"),
    [
        (["timeline", "-f", "text", "--since", "2020"], 0),
        (["timeline", "--since", "nonsense"], 2),  # a usage error: its own status
        (["--version"], 0),
    ],
)
def test_a_finished_run_skips_the_shutdown_unless_something_needs_it(
    args: list[str], status: int, callback: bool, tmp_path: Path
) -> None:
    """Once its output is out, `vrmc` ends without freeing what it built (`__main__.run`),
    with the same output and status as `main`; with an exit callback registered it exits
    the ordinary way, and the callback runs."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VRMC_", "PYTHON"))}
    env["XDG_CACHE_HOME"] = str(tmp_path)
    mode = "callback" if callback else "plain"
    run = subprocess.run(
        [sys.executable, "-c", EXIT, mode, *args],
        env=env,
        capture_output=True,
        timeout=120,
        check=False,
    )
    plain = subprocess.run(
        [sys.executable, "-m", "vrmc_cli", *args],
        env=env,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == plain.returncode == status
    assert run.stdout == plain.stdout
    assert bool(run.stdout) == (status == 0)
    shutdown = run.stderr.decode().splitlines()[-2:]
    if callback:
        assert shutdown == ["CALLBACK", "FREED"]
    else:
        assert "FREED" not in shutdown and "CALLBACK" not in shutdown


# --------------------------------------------------------------------------- the command

ROOT = Path(__file__).resolve().parent.parent


def test_the_vrmc_command_is_an_entry_point_on_run() -> None:
    """`vrmc` is an entry point (pip makes a `vrmc.exe` of it on Windows) on `__main__.run`,
    which flushes and ends the process without the interpreter's shutdown."""
    tomllib = pytest.importorskip("tomllib")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["scripts"] == {"vrmc": "vrmc_cli.__main__:run"}
    assert "shared-scripts" not in project["tool"]["hatch"]["build"]["targets"]["wheel"]


def test_the_installed_launcher_imports_only_vrmc() -> None:
    """The launcher pip wrote beside this Python (pip 26 or later, as the README's
    `python3 -m venv --upgrade-deps` gives) imports nothing a warm run does not: older pip's
    imports `re` before vrmc starts (docs/performance.md)."""
    launcher = Path(sys.executable).parent / "vrmc"
    if not launcher.is_file():
        pytest.skip("vrmc is not installed beside this Python")
    text = launcher.read_text(encoding="utf-8", errors="replace")
    if "import re\n" in text and os.environ.get("CI") != "true":
        pytest.skip(
            "this venv's vrmc was written by pip before 26 (make the venv with --upgrade-deps)"
        )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VRMC_", "PYTHON"))}
    run = subprocess.run(
        [sys.executable, "-X", "importtime", str(launcher), "--version"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 0 and run.stdout.startswith("vrmc "), run.stderr
    imported = {line.rsplit("|", 1)[1].strip() for line in run.stderr.splitlines() if "|" in line}
    assert "vrmc_cli.__main__" in imported
    found = sorted(m for m in imported if m.split(".")[0] in FORBIDDEN)
    assert not found, f"the vrmc launcher imports {found}"
