"""The parse cache: it makes runs faster and never changes what they print."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import FIXTURE, invoke, write_corpus
from test_golden import COMMANDS, formats_of
from test_warm_path import RUN as WARM_RUN
from vrmc_cli.corpus import cache as cache_module
from vrmc_cli.corpus import files, load
from vrmc_cli.corpus.roots import bundled_root, load_corpus

CORPORA = {"fixture": str(FIXTURE), "bundled": str(bundled_root())}
# Every command of the golden suite; on the bundled corpus the ids are its own.
BUNDLED_ARGS = {
    "brief-arms": ["brief", "motivations"],
    "brief-arms-filtered": ["brief", "motivations", "--since", "2018"],
    "actor-ada": ["actor", "vladimir-putin"],
    "search": ["search", "sukhoi"],
    "report-cite": ["report", "--cite", "--country", "colombia"],
    "graph-actor": ["graph", "--actor", "putin", "--depth", "2"],
}


def _cases() -> list[tuple[str, str, list[str], tuple[str, ...]]]:
    out = []
    for corpus in CORPORA:
        for case, golden_args in COMMANDS.items():
            args = BUNDLED_ARGS.get(case, golden_args) if corpus == "bundled" else golden_args
            # The document path (text) and the data path (JSON; CSV where there is one) on
            # the fixture, the data path on the large bundled corpus: what the cache gives
            # back reaches every renderer through one of them, and
            # test_the_cached_corpus_is_the_parsed_one shows it is the parsed corpus itself.
            tabular = any(f.value == "csv" for f in formats_of(case))
            formats = ("text", "json", "csv") if tabular else ("text", "json")
            out.append((corpus, case, args, formats if corpus == "fixture" else ("json",)))
    return out


def _parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The shown path of every file parsed from now on."""
    seen: list[str] = []
    real = load.parse_file

    def counting(topic_file: files.TopicFile) -> load.Fragment:
        seen.append(topic_file.shown)
        return real(topic_file)

    monkeypatch.setattr(load, "parse_file", counting)
    return seen


def _shape(value: object, memo: dict[int, object]) -> object:
    """`value` as nested tuples of class names and field values: equal for two corpora
    exactly when every record has the same class and fields, to the last string."""
    key = id(value)
    if key in memo:
        return memo[key]
    kind = type(value)
    memo[key] = ("cycle", kind.__qualname__)
    fields = getattr(kind, "__record_fields__", None)
    shape: object
    if fields is not None:
        shape = (kind.__qualname__, tuple(_shape(getattr(value, n), memo) for n in fields))
    elif isinstance(value, (tuple, list)):
        shape = (kind.__name__, tuple(_shape(v, memo) for v in value))
    elif isinstance(value, dict):
        shape = ("dict", tuple((_shape(k, memo), _shape(v, memo)) for k, v in value.items()))
    elif isinstance(value, (set, frozenset)):
        shape = (kind.__name__, frozenset(_shape(v, memo) for v in value))
    elif value is None or isinstance(value, (str, int, float, bytes)):
        shape = (kind.__name__, value)
    else:
        raise AssertionError(f"{kind.__qualname__} in the model: teach _shape to compare it")
    memo[key] = shape
    return shape


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_the_cached_corpus_is_the_parsed_one(corpus: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """What a warm run takes from the cache is the corpus parsing gives: every record of the
    same class with the same fields, to the last string. So no renderer, in any format, can
    tell a warm run from a cold one (test_golden checks each format end to end; below, every
    command cold against warm, by the text and data paths)."""
    roots = [CORPORA[corpus]]
    parsed_corpus = load_corpus(roots, use_cache=False)
    assert not os.path.exists(cache_module.cache_path(roots))
    building = load_corpus(roots)
    assert os.path.exists(cache_module.cache_path(roots))
    parsed = _parses(monkeypatch)
    warm = load_corpus(roots)
    assert parsed == [], "a warm run parses nothing"
    assert warm is not building
    same = _shape(parsed_corpus, {})
    assert _shape(building, {}) == same
    assert _shape(warm, {}) == same


# On the bundled corpus each case parses it twice (cold, then to build the cache): the report
# and the timeline, which read every kind, in the everyday loop, every command in CI.
EVERYDAY_BUNDLED = ("report", "timeline")


@pytest.mark.parametrize(
    ("corpus", "case", "args", "formats"),
    [
        pytest.param(
            *case,
            id=f"{case[0]}-{case[1]}",
            marks=[pytest.mark.slow]
            if case[0] == "bundled" and case[1] not in EVERYDAY_BUNDLED
            else [],
        )
        for case in _cases()
    ],
)
def test_cache_never_changes_results(
    corpus: str,
    case: str,
    args: list[str],
    formats: tuple[str, ...],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    command = ["-b", CORPORA[corpus], *args]
    uncached = {fmt: invoke("--no-cache", *command, "-f", fmt) for fmt in formats}
    for result in uncached.values():
        assert result.exit_code == 0, result.stderr
    assert not os.path.exists(cache_module.cache_path([CORPORA[corpus]]))
    building = invoke(*command, "-f", formats[0])
    assert os.path.exists(cache_module.cache_path([CORPORA[corpus]]))
    assert (building.stdout, building.stderr) == (
        uncached[formats[0]].stdout,
        uncached[formats[0]].stderr,
    )
    parsed = _parses(monkeypatch)
    for fmt in formats:
        warm = invoke(*command, "-f", fmt)
        assert warm.stdout == uncached[fmt].stdout, fmt
        # Notes only (a date filter's note on what it kept undated), the same every time.
        assert warm.stderr == uncached[fmt].stderr, fmt
        assert all(line.startswith("vrmc: note: ") for line in warm.stderr.splitlines())
    assert parsed == [], "a warm run parses nothing"


def test_editing_one_file_reparses_only_that_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_corpus(
        tmp_path / "c",
        {
            "t.yaml": "themes: [{id: a, title: A}]\n",
            "e.yaml": "events: [{id: e, date: 2006, title: Old, themes: [a]}]\n",
            "f.yaml": "events: [{id: f, date: 2007, title: Other, themes: [a]}]\n",
        },
    )
    assert "Old" in invoke("-b", str(root), "timeline").stdout
    path = root / "e.yaml"
    path.write_text("events: [{id: e, date: 2006, title: New title, themes: [a]}]\n")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    parsed = _parses(monkeypatch)
    out = invoke("-b", str(root), "timeline").stdout
    assert "New title" in out and "Old" not in out and "Other" in out
    assert parsed == [str(path)]


def test_an_edit_that_keeps_size_and_mtime_is_seen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Same length, modification time put back (`touch -d`, a restore, a fast editor): the
    change time still moves, and the file is parsed again."""
    root = write_corpus(
        tmp_path / "c",
        {
            "t.yaml": "themes: [{id: a, title: A}]\n",
            "e.yaml": "events: [{id: e, date: 2006, title: Old, themes: [a]}]\n",
        },
    )
    path = root / "e.yaml"
    before = path.stat()
    assert "Old" in invoke("-b", str(root), "timeline").stdout
    time.sleep(0.01)  # the change time must be able to move
    path.write_text("events: [{id: e, date: 2006, title: New, themes: [a]}]\n")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    parsed = _parses(monkeypatch)
    out = invoke("-b", str(root), "timeline").stdout
    assert "New" in out and "Old" not in out
    assert parsed == [str(path)]


def test_a_chmod_alone_makes_the_file_be_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file once unreadable and then made readable is read: its cached "cannot read" is
    keyed by a change time that chmod moves."""
    root = write_corpus(tmp_path / "c", {"t.yaml": "themes: [{id: a, title: A}]\n"})
    assert invoke("-b", str(root), "themes").exit_code == 0
    time.sleep(0.01)
    (root / "t.yaml").chmod(0o600)
    parsed = _parses(monkeypatch)
    assert invoke("-b", str(root), "themes").exit_code == 0
    assert parsed == [str(root / "t.yaml")]


def test_a_new_file_is_linked_with_the_cached_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_corpus(tmp_path / "c", {"t.yaml": "themes: [{id: a, title: A}]\n"})
    assert invoke("-b", str(root), "timeline").exit_code == 0
    (root / "e.yaml").write_text("events: [{id: e, date: 2006, title: Arrived, themes: [a]}]\n")
    parsed = _parses(monkeypatch)
    assert "Arrived" in invoke("-b", str(root), "timeline").stdout
    assert parsed == [str(root / "e.yaml")]


def test_an_invalid_corpus_keeps_its_records_and_reports_every_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_corpus(
        tmp_path / "c",
        {
            "t.yaml": "themes: [{id: a, title: A}]\n",
            "e.yaml": "events: [{id: e, date: 2006, title: T, themes: [nope]}]\n",
        },
    )
    first = invoke("-b", str(root), "timeline")
    parsed = _parses(monkeypatch)
    second = invoke("-b", str(root), "timeline")
    assert first.exit_code == second.exit_code == 1
    assert first.stderr == second.stderr and "unknown theme 'nope'" in second.stderr
    assert parsed == []


def test_no_cache_variable_neither_reads_nor_writes(tmp_path: Path) -> None:
    root = write_corpus(tmp_path / "c", {"t.yaml": "themes: [{id: a, title: A}]\n"})
    assert invoke("-b", str(root), "themes", env={"VRMC_NO_CACHE": "1"}).exit_code == 0
    assert not os.path.exists(cache_module.cache_path([str(root)]))


def _one_second_timestamps(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stamps as a file system with one-second timestamps gives them (ext3, FAT, HFS+, some
    NFS servers): whole seconds, and a change time that moves with the modification time."""
    real = files.TopicFile

    def coarse(shown: str, path: str, size: int, mtime_ns: int, ctime_ns: int) -> files.TopicFile:
        second = mtime_ns // 10**9 * 10**9
        return real(shown, path, size, second, second)

    monkeypatch.setattr(files, "TopicFile", coarse)


@pytest.mark.parametrize("with_new_file", [False, True], ids=["linked-corpus", "records"])
def test_a_same_size_rewrite_in_the_same_second_is_seen(
    with_new_file: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Racily clean (git's term): the file's second is not older than the run that cached
    it, so its unchanged stamp proves nothing and its content is compared."""
    _one_second_timestamps(monkeypatch)
    root = write_corpus(
        tmp_path / "c",
        {
            "t.yaml": "themes: [{id: a, title: A}]\n",
            "e.yaml": "events: [{id: e, date: 2006, title: Old1, themes: [a]}]\n",
        },
    )
    path = root / "e.yaml"
    second = (time.time_ns() // 10**9 + 1) * 10**9  # the second of the run below, or later
    os.utime(path, ns=(second, second))
    assert "Old1" in invoke("-b", str(root), "timeline").stdout
    path.write_text("events: [{id: e, date: 2006, title: New2, themes: [a]}]\n")
    os.utime(path, ns=(second, second))
    if with_new_file:  # the cached corpus is not the answer: the records are
        (root / "f.yaml").write_text("events: [{id: f, date: 2007, title: F, themes: [a]}]\n")
    parsed = _parses(monkeypatch)
    out = invoke("-b", str(root), "timeline").stdout
    assert "New2" in out and "Old1" not in out
    assert sorted(parsed) == [str(path), *([str(root / "f.yaml")] if with_new_file else [])]
    # Unchanged since, it is compared by content again, and not parsed again.
    parsed.clear()
    assert invoke("-b", str(root), "timeline").stdout == out
    assert parsed == []


def test_settled_files_are_trusted_on_their_stamp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files older than the run that cached them are not read again, not even hashed."""
    _one_second_timestamps(monkeypatch)  # whose change time can be set: to the mtime
    root = write_corpus(tmp_path / "c", {"t.yaml": "themes: [{id: a, title: A}]\n"})
    os.utime(root / "t.yaml", ns=(10**18, 10**18))  # 2001
    assert invoke("-b", str(root), "themes").exit_code == 0
    read: list[str] = []
    monkeypatch.setattr(cache_module, "current_digest", lambda f: read.append(f.shown))
    assert invoke("-b", str(root), "themes").exit_code == 0
    assert read == []


class _Clock:
    """`time` as cache.py sees it, in the second `second`."""

    def __init__(self, second: int) -> None:
        self.second = second

    def time_ns(self) -> int:
        return self.second * 10**9

    def time(self) -> float:
        return float(self.second)


def _cache_file(root: Path) -> tuple[int, tuple[object, ...]]:
    """The cache file of `root`: its inode (a new one for each file written) and its first
    pickle (tag, stamps, since, digests, generation)."""
    path = cache_module.cache_path([str(root)])
    assert path is not None
    with open(path, "rb") as fh:
        first = cache_module.read_section(fh)
        assert first is not None
        head = cache_module._SafeUnpickler(io.BytesIO(first)).load()
        return os.fstat(fh.fileno()).st_ino, head


def _hashed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The shown path of every file whose content the cache compares from now on."""
    read: list[str] = []
    real = cache_module.current_digest

    def counting(topic_file: files.TopicFile) -> bytes | None:
        read.append(topic_file.shown)
        return real(topic_file)

    monkeypatch.setattr(cache_module, "current_digest", counting)
    return read


def _files_of_2001(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A corpus of two files stamped in 2001 (one-second time stamps), the setting of the
    refresh tests: a run whose clock is set to 2001 finds them racy."""
    _one_second_timestamps(monkeypatch)
    root = write_corpus(
        tmp_path / "c",
        {
            "t.yaml": "themes: [{id: a, title: A}]\n",
            "e.yaml": "events: [{id: e, date: 2006, title: Old1, themes: [a]}]\n",
        },
    )
    for name in ("t.yaml", "e.yaml"):
        os.utime(root / name, ns=(10**18, 10**18))  # 2001
    return root


def test_a_racy_cache_is_refreshed_once_and_then_trusted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache written in the second its files were (an install and a first run within one
    second) is racy: the next run, a later second, compares their content, finds it
    unchanged, and writes the cache again with a later `since` and the same generation, so
    that the runs after it trust the stamps and write nothing."""
    root = _files_of_2001(tmp_path, monkeypatch)
    monkeypatch.setattr(cache_module, "time", _Clock(10**9))  # the first run, in 2001 too
    first = invoke("-b", str(root), "timeline", "-f", "json").stdout
    inode, (_, stamps, since, digests, made) = _cache_file(root)
    assert since == 10**9 and sorted(digests) == sorted(str(root / n) for n in ("e.yaml", "t.yaml"))
    monkeypatch.setattr(cache_module, "time", time)

    hashed, parsed = _hashed(monkeypatch), _parses(monkeypatch)
    assert invoke("-b", str(root), "timeline", "-f", "json").stdout == first
    assert sorted(hashed) == sorted(str(root / n) for n in ("e.yaml", "t.yaml"))
    assert parsed == []
    refreshed, (_, kept, later, digests, again) = _cache_file(root)
    assert refreshed != inode and later > since and digests == {}
    assert (kept, again) == (stamps, made)  # the same files, the same generation

    hashed.clear()
    for _ in range(2):
        assert invoke("-b", str(root), "timeline", "-f", "json").stdout == first
        assert invoke("-b", str(root), "timeline").exit_code == 0
    assert hashed == [] and parsed == []
    assert _cache_file(root)[0] == refreshed  # a settled warm run writes nothing

    # An edit is still seen, and so is one within the second, with the same size.
    path = root / "e.yaml"
    path.write_text("events: [{id: e, date: 2006, title: New2, themes: [a]}]\n")
    second = (time.time_ns() // 10**9 + 1) * 10**9
    os.utime(path, ns=(second, second))
    out = invoke("-b", str(root), "timeline").stdout
    assert "New2" in out and "Old1" not in out and parsed == [str(path)]


def test_a_run_reading_the_cache_while_it_is_refreshed_reads_what_it_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A corpus whose events are still in the cache file it was read from gets them from
    that file after another run refreshed the cache (renamed a new file over it)."""
    from vrmc_cli.corpus import model

    root = _files_of_2001(tmp_path, monkeypatch)
    monkeypatch.setattr(cache_module, "time", _Clock(10**9))
    assert invoke("-b", str(root), "themes").exit_code == 0
    waiting = load_corpus([str(root)])  # in 2001 still: racy, not refreshed
    assert id(waiting) in model.UNREAD
    inode = _cache_file(root)[0]
    monkeypatch.setattr(cache_module, "time", time)
    assert invoke("-b", str(root), "themes").exit_code == 0  # refreshes
    assert _cache_file(root)[0] != inode
    parsed = load_corpus([str(root)], use_cache=False)
    assert _shape(waiting.events, {}) == _shape(parsed.events, {})
    assert [e.title for e in waiting.events] == ["Old1"]


def test_a_cache_whose_files_are_still_racy_is_not_refreshed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files whose stamps are of this second or later are compared by content on every run,
    and the cache is not written again for them: an edit within their second keeps them."""
    _one_second_timestamps(monkeypatch)
    root = write_corpus(tmp_path / "c", {"t.yaml": "themes: [{id: a, title: A}]\n"})
    future = (time.time_ns() // 10**9 + 3600) * 10**9
    os.utime(root / "t.yaml", ns=(future, future))
    assert invoke("-b", str(root), "themes").exit_code == 0
    inode = _cache_file(root)[0]
    hashed = _hashed(monkeypatch)
    for _ in range(2):
        assert invoke("-b", str(root), "themes").exit_code == 0
    assert hashed == [str(root / "t.yaml")] * 2
    assert _cache_file(root)[0] == inode


def test_after_a_refresh_a_warm_run_hashes_nothing(tmp_path: Path) -> None:
    """The quick start's case, in fresh processes: the files' stamps in the second the cache
    is written (here the next one, to be sure), a run once that second is over refreshes the
    cache, and the runs after it import no hashlib and print the same bytes."""
    root = tmp_path / "c"
    shutil.copytree(FIXTURE, root)
    soon = (time.time_ns() // 10**9 + 1) * 10**9
    for path in root.rglob("*.yaml"):
        os.utime(path, ns=(soon, soon))
    args = ["-b", str(root), "timeline", "-f", "text"]
    runs = [_modules_and_output(args, tmp_path / "xdg")]  # racy: its files' second is later
    while time.time_ns() < soon + 10**9:
        time.sleep(0.05)
    runs += [_modules_and_output(args, tmp_path / "xdg") for _ in range(3)]
    assert "hashlib" in runs[1][0]  # compared by content once, then refreshed
    assert all("hashlib" not in modules for modules, _ in runs[2:])
    assert len({out for _, out in runs}) == 1


def _modules_and_output(args: list[str], cache: Path) -> tuple[set[str], str]:
    """What one run of vrmc in a process of its own imports, and what it prints."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VRMC_", "PYTHON"))}
    env["XDG_CACHE_HOME"] = str(cache)
    run = subprocess.run(
        [sys.executable, "-c", WARM_RUN, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    return set(run.stderr.rsplit("\nMODULES ", 1)[1].split()), run.stdout


def _scratch_install(tmp_path: Path) -> Path:
    """A copy of this vrmc's source, to change as a new release would; returns the folder to
    put on PYTHONPATH."""
    import vrmc_cli

    src = tmp_path / "src"
    shutil.copytree(
        Path(vrmc_cli.__file__).parent,
        src / "vrmc_cli",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    return src


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} no longer has {old!r}: update this test"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# Changes a release could make to the model or the kinds without touching cache.py: each
# leaves an old cache's pickles meaning something else (records unpickle by position).
MODEL_CHANGES = {
    # A new field of Event before its others: an old Event's `end` would fill `place`, its
    # `circa` (a bool) `end`; the timeline then failed with an internal AttributeError.
    "a field added to a model class": (
        "corpus/model.py",
        "    themes: tuple[Theme, ...]\n    end: PartialDate | None = None\n",
        "    themes: tuple[Theme, ...]\n    place: str | None = None\n"
        "    end: PartialDate | None = None\n",
    ),
    # A choice the loader refused before: an old cache would keep the refusal.
    "a choice added in a kind": (
        "corpus/model.py",
        'CONFIDENCES: tuple[Confidence, ...] = ("low", "moderate", "high")',
        'CONFIDENCES: tuple[Confidence, ...] = ("low", "moderate", "high", "certain")',
    ),
}


@pytest.mark.parametrize("change", MODEL_CHANGES)
def test_a_changed_model_rebuilds_the_cache_instead_of_failing(tmp_path: Path, change: str) -> None:
    """A warm run after an upgrade that changed the model (and no one bumped a cache
    version) reads the corpus afresh and prints what a run without the cache prints."""
    from conftest import run_vrmc

    src = _scratch_install(tmp_path)
    env = {"PYTHONPATH": str(src), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    corpus = write_corpus(
        tmp_path / "c",
        {
            "a.yaml": "themes: [{id: t, title: T}]\n"
            "events:\n"
            "  - {id: e1, date: 2020-01-02, end: 2020-02, title: One, themes: [t],"
            " confidence: high}\n"
            "  - {id: e2, date: 2021, title: Two, themes: [t], confidence: certain}\n"
        },
    )
    command = ("-b", str(corpus), "timeline", "-f", "json")
    if change == "a choice added in a kind":
        before = run_vrmc(*command, env=env)
        assert before.returncode != 0
        assert b"'certain' is not one of low, moderate, high" in before.stderr
    else:
        _edit(corpus / "a.yaml", " confidence: certain}", "}")
        before = run_vrmc(*command, env=env)
        assert before.returncode == 0, before.stderr.decode()
    assert list((tmp_path / "cache" / "vrmc").glob("corpus-*.pickle"))
    module, old, new = MODEL_CHANGES[change]
    _edit(src / "vrmc_cli" / module, old, new)
    fresh = run_vrmc("--no-cache", *command, env=env)
    assert fresh.returncode == 0, fresh.stderr.decode()
    warm = run_vrmc(*command, env=env)
    assert warm.stderr.decode() == fresh.stderr.decode()
    assert warm.returncode == 0
    assert warm.stdout == fresh.stdout
    if change == "a field added to a model class":
        assert warm.stdout == before.stdout


def test_the_cache_tag_follows_the_declarations(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where a source is missing, the tag is the declarations' (with every source there, the
    sources' stamps are the tag: test_a_changed_model_rebuilds_the_cache_instead_of_failing)."""
    from vrmc_cli.corpus import kinds as kinds_module
    from vrmc_cli.corpus.kinds import KINDS, Field

    tag = cache_module.FORMAT_TAG
    assert cache_module._format_tag() == tag
    declared = cache_module._format_tag(declared=True)
    assert declared != tag
    events = next(k for k in KINDS if k.name == "events")
    renamed = [*events.fields]
    renamed[2] = Field("finish", renamed[2].type, attr="end")
    for changed in (
        KINDS[:-1],  # a kind less
        tuple(
            k if k is not events else type(k)(**{**_as_dict(k), "fields": tuple(renamed)})
            for k in KINDS
        ),
    ):
        monkeypatch.setattr(kinds_module, "KINDS", changed)
        assert cache_module._format_tag(declared=True) != declared
        assert cache_module._format_tag() == tag  # the stamps alone: no import of kinds
    monkeypatch.undo()
    monkeypatch.setattr(cache_module.Problem, "__record_fields__", ("path", "message"))
    assert cache_module._format_tag(declared=True) != declared
    monkeypatch.undo()
    missing = (*cache_module._SOURCES[:-1], "corpus/not-there.py")
    monkeypatch.setattr(cache_module, "_SOURCES", missing)
    assert cache_module._format_tag() == cache_module._format_tag(declared=True) != tag


def _as_dict(record: object) -> dict[str, object]:
    return {name: getattr(record, name) for name in type(record).__record_fields__}  # type: ignore[attr-defined]


def test_the_cache_tag_is_the_same_in_every_process() -> None:
    import subprocess
    import sys

    tags = {
        subprocess.run(
            [sys.executable, "-c", "from vrmc_cli.corpus import cache; print(cache.FORMAT_TAG)"],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "random")
    }
    assert tags == {cache_module.FORMAT_TAG + "\n"}
