"""The cache folder's budget: the corpus caches kept when another is written (budget.py)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from conftest import invoke, write_corpus
from test_cache import _parses
from vrmc_cli.corpus import budget
from vrmc_cli.corpus import cache as cache_module
from vrmc_cli.corpus.roots import load_corpus

HOUR = 3600 * 10**9
KEY = "0123456789abcdef"


@pytest.fixture(autouse=True)
def one_run_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each load below is a run of its own: the corpora an earlier load of this process read
    are not "in use" by the next."""
    monkeypatch.setattr(cache_module, "_GENERATIONS", {})


def _corpus(tmp_path: Path, name: str, summary: str = "Short.") -> str:
    event = f"{{id: e, date: 2006, title: Event of {name}, summary: {summary}, themes: [a]}}"
    return str(
        write_corpus(
            tmp_path / name,
            {"t.yaml": "themes: [{id: a, title: A}]\n", "e.yaml": f"events: [{event}]\n"},
        )
    )


def _run(root: str) -> str:
    """Load `root` through the cache as a run of its own would; its cache file."""
    cache_module._GENERATIONS.clear()
    load_corpus([root])
    path = cache_module.cache_path([root])
    assert path is not None
    return path


def _age(path: str, hours: float) -> None:
    then = time.time_ns() - int(hours * HOUR)
    os.utime(path, ns=(then, then), follow_symlinks=False)


def _folder() -> Path:
    folder = cache_module.cache_dir()
    assert folder is not None
    return Path(folder)


def _names() -> set[str]:
    return {p.name for p in _folder().iterdir()}


def test_the_most_recently_used_corpora_are_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = [_run(_corpus(tmp_path, f"c{i}")) for i in range(5)]
    for i, path in enumerate(paths):
        _age(path, 10 - i)  # c0 the least recently used
    monkeypatch.setattr(budget, "KEEP_CORPORA", 3)
    assert {os.path.basename(p) for p in paths} == _names(), "pruned only when one is written"
    newest = _run(_corpus(tmp_path, "new"))
    assert _names() == {os.path.basename(p) for p in (paths[3], paths[4], newest)}


def test_reading_a_corpus_marks_it_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A warm read marks the corpus cache used (here at once rather than after an hour), so
    it outlives one written after it but not read since."""
    monkeypatch.setattr(budget, "KEEP_CORPORA", 2)
    old, other = _corpus(tmp_path, "old"), _corpus(tmp_path, "other")
    old_path, other_path = _run(old), _run(other)
    written = os.stat(old_path).st_mtime_ns
    monkeypatch.setattr(cache_module, "_USED_SECONDS", -3600)
    time.sleep(0.05)  # file times move by the kernel's tick: let it move
    parsed = _parses(monkeypatch)
    _run(old)
    assert parsed == [], "a warm read"
    assert os.stat(old_path).st_mtime_ns > max(written, os.stat(other_path).st_mtime_ns)
    newest = _run(_corpus(tmp_path, "new"))
    assert _names() == {os.path.basename(old_path), os.path.basename(newest)}


def test_a_warm_read_within_the_hour_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The warm path pays a comparison: no utime, no scan of the folder, no write."""
    root = _corpus(tmp_path, "c")
    path = _run(root)
    before = os.stat(path)
    calls: list[object] = []
    monkeypatch.setattr(cache_module, "_used", calls.append)
    monkeypatch.setattr(budget, "prune_corpora", lambda *a: calls.append(a))
    parsed = _parses(monkeypatch)
    _run(root)
    assert parsed == [], "a warm read"
    assert calls == []
    assert os.stat(path).st_mtime_ns == before.st_mtime_ns


def test_stores_go_with_their_corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(budget, "KEEP_CORPORA", 1)
    root = _corpus(tmp_path, "c")
    assert invoke("-b", root, "timeline", "-f", "json").exit_code == 0
    assert invoke("-b", root, "search", "event").exit_code == 0
    path = cache_module.cache_path([root])
    assert path is not None
    stem = os.path.basename(path).removesuffix(".pickle")
    mine = {f"{stem}.pickle", f"{stem}.json-events.store", f"{stem}.search.store"}
    assert _names() == mine
    # A store whose corpus cache is gone (another run removed it while this one was
    # deriving the store) goes too, by its own time.
    orphan = _folder() / f"corpus-{KEY}.search.store"
    orphan.write_bytes(b"kept text")
    _age(str(orphan), 2)
    for name in mine:
        _age(str(_folder() / name), 1)
    newest = _run(_corpus(tmp_path, "new"))
    assert _names() == {os.path.basename(newest)}


def test_the_size_limit_keeps_the_most_recent_that_fit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Going from the most recently used down, the first corpus that does not fit is removed
    with every older one, even one that would fit: the least recently used go first."""
    roots = [_corpus(tmp_path, f"c{i}", "x" * 20000 if i == 1 else "Short.") for i in range(4)]
    paths = [_run(root) for root in roots]
    for i, path in enumerate(paths):
        _age(path, 10 - i)
    sizes = [os.path.getsize(p) for p in paths]
    assert sizes[1] > sizes[0] + 10000
    newest = _corpus(tmp_path, "c9")
    # Room for the new corpus (the size of c0, c2 or c3), c3, c2 and c0, but not c1.
    room = sizes[0] + sizes[3] + sizes[2] + sizes[0] + 1000
    monkeypatch.setenv("VRMC_CACHE_SIZE", f"{room / 1024:.3f}K")
    new_path = _run(newest)
    assert os.path.getsize(new_path) <= sizes[0] + 500  # digests, had its files been racy
    assert _names() == {os.path.basename(p) for p in (paths[2], paths[3], new_path)}
    monkeypatch.setenv("VRMC_CACHE_SIZE", "0")
    last = _run(_corpus(tmp_path, "c8"))
    assert _names() == {os.path.basename(last)}


def test_the_corpora_of_the_run_are_never_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Neither the corpus cache written nor one the run read (diff: both sides), whatever
    the limits; another run's corpus cache is removed whole, and a reader that has it open
    reads it to its end."""
    monkeypatch.setenv("VRMC_CACHE_SIZE", "0")
    monkeypatch.setattr(budget, "KEEP_CORPORA", 0)
    old, new = _corpus(tmp_path, "old"), _corpus(tmp_path, "new")
    other = _run(_corpus(tmp_path, "other"))
    cache_module._GENERATIONS.clear()
    with open(other, "rb") as reading:
        before = Path(other).read_bytes()
        result = invoke("diff", old, new, "-f", "json")
        assert result.exit_code == 0, result.stderr
        assert reading.read() == before
    assert _names() == {
        os.path.basename(p)
        for p in (cache_module.cache_path([old]), cache_module.cache_path([new]))
        if p is not None
    }


def test_a_corpus_loaded_before_its_cache_is_removed_reads_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The events of a warm corpus are read from its cache file when first used: another run
    removing the file meanwhile changes nothing."""
    root = _corpus(tmp_path, "c")
    expected = load_corpus([root], use_cache=False).events
    path = _run(root)
    cache_module._GENERATIONS.clear()
    warm = load_corpus([root])
    other = _run(_corpus(tmp_path, "other"))
    monkeypatch.setenv("VRMC_CACHE_SIZE", "0")
    budget.prune_corpora(other)  # another run's prune: `root` is not in use there
    assert not os.path.exists(path)
    assert [e.title for e in warm.events] == [e.title for e in expected]


def test_foreign_files_links_and_temporary_files_are_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VRMC_CACHE_SIZE", "0")
    first = _run(_corpus(tmp_path, "c"))
    folder = _folder()
    outside = tmp_path / "precious.pickle"
    outside.write_bytes(b"not vrmc's")
    foreign = {
        "notes.txt": b"mine",
        f"corpus-{KEY}.pickle.bak": b"a copy",
        f"corpus-{KEY.upper()}.pickle": b"not a name vrmc gives",
        f"corpus-{KEY}.pickle~": b"an editor's",
        f"corpus-{KEY}.search.store.old": b"",
        "corpus-.pickle": b"",
        f"revision-{KEY}.pickle": b"pruned by count elsewhere",
        f".tmp-123-{KEY[:12]}.pickle": b"another run writing now",
    }
    for name, data in foreign.items():
        (folder / name).write_bytes(data)
        _age(str(folder / name), 48 if name != f".tmp-123-{KEY[:12]}.pickle" else 23)
    (folder / f"corpus-{KEY}.pickle").symlink_to(outside)
    (folder / f"corpus-{'f' * 16}.search.store").symlink_to(folder / "notes.txt")
    (folder / f"corpus-{'e' * 16}.pickle").mkdir()
    _age(str(outside), 48)
    for name in (f"corpus-{KEY}.pickle", f"corpus-{'f' * 16}.search.store"):
        _age(str(folder / name), 48)
    abandoned = folder / f".tmp-99-{KEY[:12]}.pickle"
    abandoned.write_bytes(b"a run killed while writing, two days ago")
    _age(str(abandoned), 48)
    others = _names() - {abandoned.name, os.path.basename(first)}
    newest = _run(_corpus(tmp_path, "new"))
    assert _names() == others | {os.path.basename(newest)}
    assert outside.read_bytes() == b"not vrmc's"
    for name, data in foreign.items():
        assert (folder / name).read_bytes() == data


@pytest.mark.skipif(os.getuid() != 0, reason="giving a file to another user needs root")
def test_a_file_of_another_user_is_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VRMC_CACHE_SIZE", "0")
    _run(_corpus(tmp_path, "c"))
    planted = _folder() / f"corpus-{KEY}.pickle"
    planted.write_bytes(b"someone else's")
    os.chown(planted, 4242, 4242)
    _age(str(planted), 48)
    _run(_corpus(tmp_path, "new"))
    assert planted.read_bytes() == b"someone else's"
    picture = _folder() / "picture-0.pickle"
    picture.write_bytes(b"someone else's")
    os.chown(picture, 4242, 4242)
    cache_module.prune(str(_folder()), "picture-", 0)
    assert picture.read_bytes() == b"someone else's"


def test_output_is_the_same_before_and_after_pruning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _corpus(tmp_path, "c")
    command = ("-b", root, "timeline", "-f", "json")
    fresh = invoke("--no-cache", *command)
    cold = invoke(*command)
    warm = invoke(*command)
    monkeypatch.setenv("VRMC_CACHE_SIZE", "0")
    cache_module._GENERATIONS.clear()  # another run
    assert invoke("-b", _corpus(tmp_path, "other"), "timeline").exit_code == 0
    assert not (_folder() / os.path.basename(cache_module.cache_path([root]) or "")).exists()
    again = invoke(*command)
    assert fresh.exit_code == 0
    assert fresh.stdout == cold.stdout == warm.stdout == again.stdout
    assert fresh.stderr == cold.stderr == warm.stderr == again.stderr


@pytest.mark.parametrize(
    ("value", "size"),
    [
        ("", budget.CACHE_SIZE),
        ("500M", 500 << 20),
        ("2g", 2 << 30),
        ("2GB", 2 << 30),
        ("2GiB", 2 << 30),
        ("1.5G", 3 << 29),
        ("512K", 512 << 10),
        ("1T", 1 << 40),
        (" 4G ", 4 << 30),
        ("0", 0),
    ],
)
def test_the_size_variable(value: str, size: int) -> None:
    assert budget.cache_size({"VRMC_CACHE_SIZE": value}) == size


@pytest.mark.parametrize("value", ["10", "lots", "G", "-1G", "1e3M", "1.G", ".5G", "2 G", "5B"])
def test_a_size_that_is_not_one_is_refused(tmp_path: Path, value: str) -> None:
    result = invoke("-b", _corpus(tmp_path, "c"), "timeline", env={"VRMC_CACHE_SIZE": value})
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"vrmc: error: VRMC_CACHE_SIZE='{value}': expected a size with its unit, such as 500M "
        "or 2G (0 keeps only the corpora in use)\n"
    )


def test_names_are_vrmcs_own() -> None:
    assert budget.corpus_key(f"corpus-{KEY}.pickle") == (KEY, True)
    assert budget.corpus_key(f"corpus-{KEY}.json-events.store") == (KEY, False)
    for name in (
        f"corpus-{KEY}.pickle.bak",
        f"corpus-{KEY[:-1]}.pickle",
        f"corpus-{KEY}0.pickle",
        f"corpus-{KEY}..store",
        f"corpus-{KEY}.Search.store",
        f"picture-{KEY}.pickle",
    ):
        assert budget.corpus_key(name) is None, name
    assert budget.is_temporary(".tmp-123-0a1b2c3d4e5f.pickle")
    assert not budget.is_temporary(".tmp-x-0a1b.pickle")
    assert not budget.is_temporary(f"corpus-{KEY}.pickle")


def test_pictures_and_revisions_are_pruned_on_the_same_terms(tmp_path: Path) -> None:
    """cache.prune (kept pictures, Word's parts, git revisions: by count) removes the
    oldest regular files of the user's own, never a link (nor what it points to)."""
    folder = tmp_path / "cache"
    folder.mkdir()
    outside = tmp_path / "precious"
    outside.write_bytes(b"not vrmc's")
    for i in range(4):
        (folder / f"picture-{i}.pickle").write_bytes(b"drawn")
        _age(str(folder / f"picture-{i}.pickle"), 10 - i)
    (folder / "picture-link.pickle").symlink_to(outside)
    (folder / "picture-folder.pickle").mkdir()
    _age(str(folder / "picture-link.pickle"), 20)
    (folder / "revision-0.pickle").write_bytes(b"another prefix")
    _age(str(folder / "revision-0.pickle"), 30)
    cache_module.prune(str(folder), "picture-", 2)
    assert {p.name for p in folder.iterdir()} == {
        "picture-2.pickle",
        "picture-3.pickle",
        "picture-link.pickle",
        "picture-folder.pickle",
        "revision-0.pickle",
    }
    assert outside.read_bytes() == b"not vrmc's"


def test_the_readme_states_the_limits() -> None:
    from vrmc_cli.corpus.revisions import KEEP_REVISIONS
    from vrmc_cli.render import KEPT_PICTURES

    readme = " ".join((Path(__file__).parent.parent / "README.md").read_text().split())
    assert f"keeps the {budget.KEEP_CORPORA} most recently used corpora" in readme
    assert f"no more than {budget.CACHE_SIZE >> 30} GiB together" in readme
    assert f"Drawn pictures ({KEPT_PICTURES})" in readme
    assert f"parsed git revisions ({KEEP_REVISIONS})" in readme


def test_a_kept_object_read_is_marked_used_once_an_hour(tmp_path: Path) -> None:
    """What `prune` keeps by count (pictures, revisions) is marked used as a corpus cache
    is: when its time is over an hour old, so that a warm report does not write a time per
    picture each run."""
    path = str(tmp_path / "picture-0.pickle")
    cache_module.write_object(path, ("drawn", 1))
    _age(path, 0.5)
    before = os.stat(path).st_mtime_ns
    assert cache_module.read_object(path) == ("drawn", 1)
    assert os.stat(path).st_mtime_ns == before
    _age(path, 2)
    assert cache_module.read_object(path) == ("drawn", 1)
    assert time.time_ns() - os.stat(path).st_mtime_ns < HOUR
