"""The cache folder's budget: which corpus caches are kept when another is written.

vrmc keeps one corpus cache for each set of corpus folders it reads (cache.py,
`corpus-KEY.pickle`), and beside it the stores derived from it (derived.py,
`corpus-KEY.NAME.store`). Without a bound they would pile up for every folder ever read (a
script's temporary folders) and every vrmc version or code edit (each gives another tag, so
another KEY). So each time vrmc writes a corpus cache, it keeps the most recently used ones,
at most `KEEP_CORPORA` of them and at most `CACHE_SIZE` bytes (`VRMC_CACHE_SIZE`) with their
stores, and removes the rest, each corpus cache with its stores: going from the most recently
used down, the first that would exceed either limit is removed, and every one older. The
corpora the writing process read or wrote (the one just written, both sides of a diff) are
always kept, whatever their size.

"Used" is a corpus cache's modification time (its stores' when the corpus cache itself is
gone): writing sets it, and reading it sets it again once it is more than an hour old
(cache.read_cache), so that a warm run pays one comparison and at most one utime an hour.

What may be removed: only files named as vrmc names them, and only regular files of the
user's own, looked at without following a link (a link named like a cache file is left
alone, and so is what it points to), each checked again just before it is unlinked. Files
are removed whole (unlink): a run that has one open reads it to its end; a run that opens it
afterwards finds none and parses afresh, or derives the store again. Another run's temporary
file (`.tmp-PID-HEX.pickle`, being written) is left alone, unless it has not changed for a
day: then its writer was killed before it could remove it.

Pictures, Word's parts and git revisions are kept by count (cache.prune), on the same terms
(regular files of the user's own, checked again before each is unlinked).
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Iterable, Mapping

from ..core.errors import UsageError
from ..core.textsafe import quote

# How many corpus caches are kept (each with its stores) and how many bytes they may take.
KEEP_CORPORA = 32
CACHE_SIZE = 1 << 30
SIZE_VARIABLE = "VRMC_CACHE_SIZE"
# A temporary file unchanged for this long was left by a run that was killed.
ABANDONED_NS = 24 * 3600 * 1_000_000_000

_PREFIX = "corpus-"
_KEY = 16  # hex digits of a corpus cache's key (cache.cache_path)
_HEX = frozenset("0123456789abcdef")
_STORE_NAME = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")
_UNITS: dict[str, int] = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40}


def cache_size(environ: Mapping[str, str] = os.environ) -> int:
    """The bytes the corpus caches may take: `VRMC_CACHE_SIZE` (a number and a unit, K, M,
    G or T, powers of 1024, optionally followed by B or iB; 0 keeps only the corpora in use),
    else `CACHE_SIZE`. UsageError for anything else."""
    text = environ.get(SIZE_VARIABLE, "")
    value = text.strip().lower()
    if not value:
        return CACHE_SIZE
    for suffix in ("ib", "b"):  # 2GiB, 2GB: 2G
        if value.endswith(suffix) and value[: -len(suffix)][-1:] in ("k", "m", "g", "t"):
            value = value[: -len(suffix)]
            break
    unit = value[-1:] if value[-1:] in ("k", "m", "g", "t") else ""
    number = value[: len(value) - len(unit)]
    whole, dot, fraction = number.partition(".")
    if (
        len(number) <= 20
        and whole.isascii()
        and whole.isdigit()
        and (not dot or (fraction.isascii() and fraction.isdigit()))
        and (unit or not number.strip("0."))  # a bare number: only 0 needs no unit
    ):
        # 1.5G: 15 * 2**30 // 10, in whole bytes
        return int(whole + fraction) * _UNITS[unit] // int("1" + "0" * len(fraction))
    raise UsageError(
        f"{SIZE_VARIABLE}={quote(text)}: expected a size with its unit, such as 500M or 2G "
        "(0 keeps only the corpora in use)"
    )


def corpus_key(name: str) -> tuple[str, bool] | None:
    """The key of the corpus cache `name` belongs to and whether it is the corpus cache
    itself (`corpus-KEY.pickle`) rather than one of its stores (`corpus-KEY.NAME.store`);
    None for any other name."""
    if not name.startswith(_PREFIX):
        return None
    key, rest = name[len(_PREFIX) : len(_PREFIX) + _KEY], name[len(_PREFIX) + _KEY :]
    if len(key) != _KEY or not _HEX.issuperset(key):
        return None
    if rest == ".pickle":
        return key, True
    store = rest[1:].removesuffix(".store")
    if rest.startswith(".") and rest.endswith(".store") and store and _STORE_NAME.issuperset(store):
        return key, False
    return None


def is_temporary(name: str) -> bool:
    """Whether `name` is a temporary file as cache.py and derived.py name them while they
    write (`.tmp-PID-HEX.pickle`)."""
    if not (name.startswith(".tmp-") and name.endswith(".pickle")):
        return False
    pid, _, digits = name[len(".tmp-") : -len(".pickle")].partition("-")
    return pid.isdigit() and pid.isascii() and bool(digits) and _HEX.issuperset(digits)


class _Corpus:
    """One corpus cache and its stores, as found in the folder."""

    __slots__ = ("files", "size", "stores_used", "used")

    def __init__(self) -> None:
        self.files: list[tuple[str, os.stat_result]] = []  # the corpus cache first
        self.size = 0
        self.used: int | None = None  # the corpus cache's modification time
        self.stores_used = 0  # the newest store's

    def last_used(self) -> int:
        return self.used if self.used is not None else self.stores_used


def prune_corpora(written: str, in_use: Iterable[str] = ()) -> None:
    """Remove the corpus caches (with their stores) beyond the budget from the folder of
    `written`, the corpus cache just written, keeping it and those at `in_use` (the corpora
    this process read); and the temporary files abandoned there. UsageError when
    VRMC_CACHE_SIZE is not a size (before anything is removed)."""
    limit = cache_size()
    folder = os.path.dirname(written)
    uid = os.getuid()
    abandoned_before = time.time_ns() - ABANDONED_NS
    corpora: dict[str, _Corpus] = {}
    abandoned: list[tuple[str, os.stat_result]] = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                found = corpus_key(entry.name)
                if found is None and not is_temporary(entry.name):
                    continue
                try:
                    info = entry.stat(follow_symlinks=False)
                except OSError:
                    continue
                if not stat.S_ISREG(info.st_mode) or info.st_uid != uid:
                    continue
                if found is None:
                    if info.st_mtime_ns < abandoned_before:
                        abandoned.append((entry.path, info))
                    continue
                key, whole = found
                corpus = corpora.setdefault(key, _Corpus())
                corpus.size += info.st_size
                if whole:
                    corpus.used = info.st_mtime_ns
                    corpus.files.insert(0, (entry.path, info))
                else:
                    corpus.stores_used = max(corpus.stores_used, info.st_mtime_ns)
                    corpus.files.append((entry.path, info))
    except OSError:
        return
    mine = set()
    for path in (written, *in_use):
        found = corpus_key(os.path.basename(path))
        if found is not None and os.path.dirname(path) == folder:
            mine.add(found[0])
    kept = size = 0
    full = False
    for key in sorted(corpora, key=lambda k: (k not in mine, -corpora[k].last_used(), k)):
        corpus = corpora[key]
        full = full or kept >= KEEP_CORPORA or size + corpus.size > limit
        if full and key not in mine:
            for path, info in corpus.files:
                remove_if_unchanged(path, info)
        else:
            kept += 1
            size += corpus.size
    for path, info in abandoned:
        remove_if_unchanged(path, info)


def remove_if_unchanged(path: str, seen: os.stat_result) -> None:
    """Remove the file at `path` when it is still the regular file seen (the same file, not
    written since): another run may have renamed a fresh cache over it meanwhile."""
    try:
        now = os.stat(path, follow_symlinks=False)
        if (now.st_dev, now.st_ino, now.st_mtime_ns, now.st_mode, now.st_uid) == (
            seen.st_dev,
            seen.st_ino,
            seen.st_mtime_ns,
            seen.st_mode,
            seen.st_uid,
        ):
            os.unlink(path)
    except OSError:
        pass
