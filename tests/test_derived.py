"""What the cache keeps beside the corpus (corpus/derived.py): entries' JSON text and
search's folded text. It makes warm runs faster and never changes what they print: never
read for another corpus than the one it was derived from, nor when damaged."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURE, examples, invoke, write_corpus
from vrmc_cli.corpus import cache as cache_module
from vrmc_cli.corpus import derived, files
from vrmc_cli.corpus.roots import bundled_root

# Text a JSON writer must escape (controls, bidi overrides, quotes, backslashes, non-ASCII
# beyond the BMP, a JSON-looking title) in every field an event's JSON holds.
HOSTILE = [
    'quote \\" backslash \\\\ slash / tab \\t',
    "bidi \\u202e override \\u200b zero-width \\x1b[31m escape",
    "accents Bogotá Ñuñoa, emoji \\U0001F600, CJK 字, combining e\\u0301",
    '{\\"events\\": []}, \\u2028 line separator',
]


def _hostile_corpus(root: Path) -> Path:
    events = []
    for n, text in enumerate(HOSTILE):
        events.append(
            f'  - {{id: e{n}, date: 200{n}-0{n + 1}, title: "{text}", summary: "{text} {n}",'
            f" themes: [{'a' if n % 2 else 'b'}], countries: [{'CO' if n % 2 else 'VE'}],"
            " sources: [s]}"
        )
    return write_corpus(
        root,
        {
            "ref.yaml": (
                "themes: [{id: a, title: A}, {id: b, title: B, parent: a}]\n"
                "countries: [{code: CO, name: Colombia}, {code: VE, name: Venezuela}]\n"
                'sources: [{id: s, title: "Src \\u202e", published: 2001}]\n'
            ),
            "events.yaml": "events:\n" + "\n".join(events) + "\n",
        },
    )


def _store(root: Path, name: str) -> Path:
    path = cache_module.cache_path([str(root)])
    assert path is not None
    return Path(os.path.splitext(path)[0] + f".{name}.store")


TIMELINES = [
    [],
    ["--reverse"],
    ["--limit", "2"],
    ["--reverse", "--limit", "3"],
    ["--country", "colombia"],
    ["--theme", "b"],
    ["--since", "2002"],
    ["--until", "2001", "--reverse"],
    ["--short"],
    ["--country", "nowhere-at-all"],
]


@pytest.mark.parametrize("args", TIMELINES, ids=lambda a: " ".join(a) or "all")
def test_a_json_timeline_from_the_store_is_the_uncached_one(
    tmp_path: Path, args: list[str]
) -> None:
    root = _hostile_corpus(tmp_path / "c")
    command = ["-b", str(root), "timeline", *args, "-f", "json"]
    uncached = invoke("--no-cache", *command)
    assert not _store(root, "json-events").exists()
    cold = invoke(*command)  # parses, writes the cache and the entries it wrote
    assert _store(root, "json-events").exists() or uncached.exit_code != 0
    warm = invoke(*command)
    again = invoke(*command)
    for run in (cold, warm, again):
        assert (run.exit_code, run.stdout, run.stderr) == (
            uncached.exit_code,
            uncached.stdout,
            uncached.stderr,
        )


def test_the_store_fills_entry_by_entry(tmp_path: Path) -> None:
    """A selection keeps the entries it wrote; another selection adds its own and reads the
    ones kept (every combination gives the uncached bytes)."""
    root = _hostile_corpus(tmp_path / "c")
    for args in (["--country", "colombia"], ["--theme", "b"], [], ["--reverse"]):
        command = ["-b", str(root), "timeline", *args, "-f", "json"]
        assert invoke(*command).stdout == invoke("--no-cache", *command).stdout


@pytest.mark.parametrize("corpus", [str(FIXTURE), str(bundled_root())], ids=["fixture", "bundled"])
def test_the_bundled_and_fixture_timelines_from_the_store(corpus: str) -> None:
    command = ["-b", corpus, "timeline", "-f", "json"]
    uncached = invoke("--no-cache", *command).stdout
    assert invoke(*command).stdout == uncached
    assert invoke(*command).stdout == uncached


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_an_edited_file_is_never_served_from_a_stale_store(tmp_path: Path) -> None:
    root = write_corpus(
        tmp_path / "c",
        {
            "t.yaml": "themes: [{id: a, title: A}]\n",
            "e.yaml": "events: [{id: e, date: 2006, title: Oldword, themes: [a]}]\n",
        },
    )
    timeline = ["-b", str(root), "timeline", "-f", "json"]
    search = ["-b", str(root), "search", "oldword", "-f", "json"]
    assert "Oldword" in invoke(*timeline).stdout
    assert "Oldword" in invoke(*timeline).stdout  # from the store
    assert "Oldword" in invoke(*search).stdout
    assert "Oldword" in invoke(*search).stdout  # from the store
    path = root / "e.yaml"
    _edit(path, "Oldword", "Newword")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    out = invoke(*timeline).stdout
    assert "Newword" in out and "Oldword" not in out
    assert out == invoke("--no-cache", *timeline).stdout
    assert "nothing matches" in invoke(*search).stderr
    assert "Newword" in invoke("-b", str(root), "search", "newword", "-f", "json").stdout


def test_a_same_size_rewrite_in_the_same_second_is_not_served_from_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Racily clean: the stamps are the same, the content is not. The corpus is linked
    anew, under a new generation, and the stores of the old one are not read."""
    real = files.TopicFile

    def coarse(shown: str, path: str, size: int, mtime_ns: int, ctime_ns: int) -> files.TopicFile:
        second = mtime_ns // 10**9 * 10**9
        return real(shown, path, size, second, second)

    monkeypatch.setattr(files, "TopicFile", coarse)
    root = write_corpus(
        tmp_path / "c",
        {
            "t.yaml": "themes: [{id: a, title: A}]\n",
            "e.yaml": "events: [{id: e, date: 2006, title: Old1, themes: [a]}]\n",
        },
    )
    path = root / "e.yaml"
    second = (time.time_ns() // 10**9 + 1) * 10**9
    os.utime(path, ns=(second, second))
    timeline = ["-b", str(root), "timeline", "-f", "json"]
    assert "Old1" in invoke(*timeline).stdout
    assert "Old1" in invoke(*timeline).stdout
    assert "Old1" in invoke("-b", str(root), "search", "old1", "-f", "json").stdout
    path.write_text("events: [{id: e, date: 2006, title: New2, themes: [a]}]\n")
    os.utime(path, ns=(second, second))
    out = invoke(*timeline).stdout
    assert "New2" in out and "Old1" not in out
    assert "nothing matches" in invoke("-b", str(root), "search", "old1").stderr


def test_a_store_of_another_generation_is_not_read(tmp_path: Path) -> None:
    """The store of the corpus before an edit, put back after it (a copy, a restore) is
    for another generation of the cache: not read, written anew."""
    root = write_corpus(
        tmp_path / "c",
        {
            "t.yaml": "themes: [{id: a, title: A}]\n",
            "e.yaml": "events: [{id: e, date: 2006, title: Before, themes: [a]}]\n",
        },
    )
    timeline = ["-b", str(root), "timeline", "-f", "json"]
    invoke(*timeline)
    old_json = _store(root, "json-events").read_bytes()
    invoke("-b", str(root), "search", "before")
    old_search = _store(root, "search").read_bytes()
    path = root / "e.yaml"
    _edit(path, "Before", "Afters")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    invoke(*timeline)  # a new generation
    _store(root, "json-events").write_bytes(old_json)
    _store(root, "search").write_bytes(old_search)
    assert invoke(*timeline).stdout == invoke("--no-cache", *timeline).stdout
    assert "Afters" in invoke(*timeline).stdout
    assert "nothing matches" in invoke("-b", str(root), "search", "before").stderr


def _damage(path: Path, how: str) -> None:
    data = bytearray(path.read_bytes())
    if how == "flip-text":
        data[-5] ^= 0x01  # in the last entry's text
    elif how == "flip-index":
        data[60] ^= 0x40
    elif how == "truncate":
        del data[-3:]
    elif how == "longer":
        data += b"}"
    elif how == "empty":
        data = bytearray()
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("how", ["flip-text", "flip-index", "truncate", "longer", "empty"])
def test_a_damaged_store_is_not_read(tmp_path: Path, how: str) -> None:
    root = _hostile_corpus(tmp_path / "c")
    timeline = ["-b", str(root), "timeline", "-f", "json"]
    search = ["-b", str(root), "search", "override", "-f", "json"]
    expected = invoke("--no-cache", *timeline).stdout
    found = invoke("--no-cache", *search).stdout
    assert invoke(*timeline).stdout == expected
    assert invoke(*search).stdout == found
    for name in ("json-events", "search"):
        _damage(_store(root, name), how)
    assert invoke(*timeline).stdout == expected
    assert invoke(*search).stdout == found
    # and then it is whole again
    assert invoke(*timeline).stdout == expected
    assert invoke(*search).stdout == found


def test_a_store_that_is_a_link_or_another_users_is_not_read(tmp_path: Path) -> None:
    root = _hostile_corpus(tmp_path / "c")
    timeline = ["-b", str(root), "timeline", "-f", "json"]
    expected = invoke("--no-cache", *timeline).stdout
    invoke(*timeline)
    store = _store(root, "json-events")
    planted = tmp_path / "planted.store"
    # A store whose head is right and whose text says something else.
    data = store.read_bytes().replace(b"bidi", b"BIDI")
    planted.write_bytes(data)
    store.unlink()
    store.symlink_to(planted)
    assert invoke(*timeline).stdout == expected


def test_no_store_without_the_cache(tmp_path: Path) -> None:
    root = _hostile_corpus(tmp_path / "c")
    invoke("--no-cache", "-b", str(root), "timeline", "-f", "json")
    invoke("-b", str(root), "search", "bidi", env={"VRMC_NO_CACHE": "1"})
    assert not _store(root, "json-events").exists()
    assert not _store(root, "search").exists()


def test_the_store_tag_follows_the_code_that_makes_its_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = derived.sources(("render/as_json.py",))
    real = os.stat

    def later(path: str, *args: object, **kwargs: object) -> os.stat_result:
        found = real(path)
        if str(path).endswith("as_json.py"):
            values = list(found)
            values[8] += 1  # st_mtime
            return os.stat_result(values, {"st_mtime_ns": found.st_mtime_ns + 10**9})
        return found

    monkeypatch.setattr(os, "stat", later)
    assert derived.sources(("render/as_json.py",)) != before


# --------------------------------------------------------------------------- search

# Each case parses the bundled corpus twice and builds its store (1.5-5 s of CPU): one of each
# sort (a designation, two words, a filter, a respelling, nothing found) in the everyday
# loop, every case in CI (CI=true or --run-slow).
_CI = pytest.mark.slow
SEARCHES = [
    ["sukhoi"],
    pytest.param(["S300"], marks=_CI),
    ["s-300"],
    pytest.param(["bogota"], marks=_CI),
    pytest.param(["chavez"], marks=_CI),
    ["venezuela russia"],
    pytest.param(["a"], marks=_CI),
    pytest.param(["maduro", "--kind", "event", "--kind", "actor"], marks=_CI),
    ["maduro", "--country", "colombia"],
    pytest.param(["arms", "--since", "2019"], marks=_CI),
    pytest.param(["tu-160", "--kind", "source"], marks=_CI),
    ["defence"],
    pytest.param(["defense"], marks=_CI),
    ["zzzzzz"],
]


@pytest.mark.parametrize(
    "args", SEARCHES, ids=[" ".join(a if isinstance(a, list) else a.values[0]) for a in SEARCHES]
)
def test_a_search_through_the_store_is_the_uncached_one(args: list[str]) -> None:
    root = str(bundled_root())
    for fmt in ("json", "text"):
        command = ["-b", root, "search", *args, "-f", fmt]
        uncached = invoke("--no-cache", *command)
        for _ in range(2):  # the first builds the store, the second reads it
            warm = invoke(*command)
            assert (warm.exit_code, warm.stdout, warm.stderr) == (
                uncached.exit_code,
                uncached.stdout,
                uncached.stderr,
            )


_WORDS = st.text(alphabet=st.sampled_from("abcdeéstoinrS3-0 ñ字ß"), min_size=1, max_size=6).filter(
    lambda t: t.split() != []
)


@settings(max_examples=examples(40), deadline=None)
@given(query=_WORDS)
def test_a_search_through_the_store_finds_what_a_full_scan_finds(query: str) -> None:
    """Any query (accents, designations, letters a fold turns into two, CJK): the entries
    found through the store are those found by folding every entry."""
    command = ["-b", str(FIXTURE), "search", query, "-f", "json"]
    uncached = invoke("--no-cache", *command)
    assert invoke(*command).stdout == uncached.stdout
