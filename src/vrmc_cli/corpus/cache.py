"""A cache of parsed topic files, so that a second run parses only what changed.

One cache file per set of corpus roots under `$XDG_CACHE_HOME/vrmc/` (default
`~/.cache/vrmc/`), holding each topic file's checked records keyed by its path, size,
mtime_ns and ctime_ns, and vrmc's version. It also holds the linked corpus those records
made, with the path, size, mtime_ns and ctime_ns of every file: when all of them are
unchanged (and nothing else was found), that corpus is the result, which is what linking
them again would give; when any differs, the changed files are parsed again and everything
is linked again.

Timestamps cannot tell every edit apart: on a file system with one-second timestamps, a file
rewritten at the same size within the second it was read keeps its stamp. As git does for
its index, such a file is "racily clean": its modification or change time is not older than
the run that wrote the cache (both in whole seconds). For those files the cache keeps the
digest of the bytes parsed, and a later run compares it with the file's content before
trusting the stamp; every other file is trusted on its stamp alone, so a warm run on settled
files still only stats them. A cache written in the second its files were (an install and
a first run) would otherwise stay racy for good, as it is written again only when something
changed: a warm run that finds its racily clean files unchanged by content, in a later second
than all of their stamps, writes it again once with a later `since` (`_refresh`).

Any trouble (no permission, a full disk, a corrupt or foreign file) means running without
it, silently. The cache is trusted only in a folder of the user's own that no one else can
write to (made 0700), and a cache file only when it is a regular file of the user's own,
opened without following a link or waiting on a FIFO; otherwise the run goes without it
(and says why with --debug). Writes go to a temporary file that is then renamed, so a
concurrent run sees the old cache or the new one, never half of one. Writing one prunes the
others beyond the folder's budget, least recently used first (budget.py); reading one marks
it used once an hour at most.

Layout: three sections, each the CRC-32 and the length of its bytes, then the bytes. The
first holds two pickles, (FORMAT_TAG, stamps, since, digests, generation) and the light part
of the linked corpus (or None): every list but its events and briefings, with the index of
its events' keys (keys.py); the second holds the events and briefings, pickled by the same
pickler as the light part (so they refer to its themes, countries, actors, sources and
places rather than copy them); the third holds the records. A warm run reads the first
section, and the second only when the run first reads the corpus's events or briefings
(`_stored`, and `Corpus.__getattr__`): a filter of events works on the index, and a JSON
listing takes its entries' text from the store kept beside the cache (derived.py), so a warm
JSON timeline of a large corpus never rebuilds its events. The generation is 16 random hex
digits drawn afresh each time the file is written: what is derived from the linked corpus
and kept beside it (derived.py: entries' JSON text, search's folded text) names the
generation it was derived from, and is read only while the cache still holds that one.

The second section is read from the file opened for the first (its descriptor is kept until
then: a cache file renamed over it meanwhile does not change what is read), and unpickled as
it is read (never held whole), its CRC-32 checked at the end. Should it not match (the file
was written over in place after the first section was read), what it made is dropped and
the run cannot go on with that corpus: it stops with an error saying so and removes the
cache file, so that the next run parses the files again.

FORMAT_TAG says what the pickles mean, and no one bumps it by hand: it is derived from
vrmc's and Python's versions and the size and time of the modules that declare and make the
records (`_SOURCES`: the kinds, the field types, the model and record classes, the reader
and the linker; records unpickle by position, so a field added to `Event` would otherwise
fill the next one with an old value). Where a source is missing (a build without them), it
is derived from the declarations themselves: every kind's fields (kinds.py: name, type,
target, choices, model attribute) and the fields, in order, of every record class a cache
file holds. Any change to them makes another tag, and a cache file with another tag is not
read.
"""

from __future__ import annotations

import io
import os
import stat
import sys
import time
import zlib
from collections.abc import Iterable, Sequence

from .. import __version__
from ..core.dates import PartialDate
from ..core.errors import Problem, VrmcError
from ..core.textsafe import visible
from . import keys, model
from .files import Fragment, Stamp, TopicFile, current_digest
from .model import Corpus

# Not `typing.TYPE_CHECKING`: a warm run does not import typing (docs/performance.md); type
# checkers treat any `TYPE_CHECKING` as true.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import pickle as _pickle
    from typing import Any, BinaryIO
else:
    try:  # the C unpickler `pickle` wraps, without its Python half (which imports re, struct)
        import _pickle
    except ImportError:
        import pickle as _pickle

# The layout of a cache file, which this module alone decides (its sections, what the first
# pickle holds); what the pickles' records mean is derived (`_declarations`).
_LAYOUT = 13


def _declarations() -> str:
    """What the records of a cache file mean: vrmc's version, every kind's fields (name, type,
    target, choices, aliases, attribute, ids, required) and every pickled record class's
    fields, in order, with their annotations. (Flat, and joined once.)"""
    from .kinds import KINDS  # here: a run with the sources at hand never needs it

    out = [__version__]
    for kind in KINDS:
        out += ("kind", kind.name, kind.model.__name__, str(kind.key), str(kind.top))
        for f in kind.fields:
            out += (f.name, repr(f.type), str(f.target), *f.choices, "|")
            out += (f"{alias}={choice}" for alias, choice in f.aliases)
            out += (str(f.attr), str(f.ids), str(f.required))
    home = model.__name__
    own = [c for c in vars(model).values() if isinstance(c, type) and c.__module__ == home]
    for cls in (*own, Fragment, Problem, PartialDate):
        annotations = getattr(cls, "__annotations__", {})
        out += ("record", cls.__module__, cls.__qualname__)
        for name in getattr(cls, "__record_fields__", ()):
            out += (name, str(annotations.get(name)))
    return "\n".join(out)


# The modules whose code decides what the records of a cache hold: what the records are
# (the kinds, the field types, the model and record classes: everything `_declarations`
# reads), how a file is read into records (and the messages of its problems), how records
# are linked, how they pickle. Their size and modification time are the tag (what Python's
# own bytecode cache checks of a source), so that an edit of any of them (a field added to
# a model class, a reader that returns another shape, a message reworded) makes another
# tag. A build without its sources has the declarations instead: worked out from the
# imported classes, which a run with the sources at hand never needs to import.
_SOURCES = (
    "corpus/fields.py",
    "corpus/load.py",
    "corpus/link.py",
    "corpus/kinds.py",
    "corpus/model.py",
    "corpus/files.py",
    "core/dates.py",
    "core/errors.py",
    "core/record.py",
    "core/record_code.py",
    "corpus/keys.py",
)


def module_stamps(names: Sequence[str]) -> list[str]:
    """`name size mtime_ns` of each of the package's modules `names` (paths under
    vrmc_cli/), `name -` for one that cannot be read: what makes a tag follow the code."""
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    stamps = []
    for name in names:
        try:
            info = os.stat(os.path.join(package, name))
        except (OSError, ValueError):
            stamps.append(f"{name} -")
        else:
            stamps.append(f"{name} {info.st_size} {info.st_mtime_ns}")
    return stamps


def _sources() -> str:
    return "\n".join(module_stamps(_SOURCES))


def private_folder() -> str | None:
    """The cache folder for what is kept beside the corpus cache (pictures, drawn maps),
    when it can be trusted (`usable_dir`); None without one or with VRMC_NO_CACHE=1."""
    if os.environ.get("VRMC_NO_CACHE", "").strip().lower() in ("1", "true", "yes", "on"):
        return None
    folder = cache_dir()
    if folder is None or usable_dir(folder) is not None:
        return None
    return folder


def _format_tag(declared: bool = False) -> str:
    """The tag: vrmc's version, Python's, and the stamps of `_SOURCES`; the declarations too
    when a source is missing (or `declared`)."""
    # CRC-32 and Adler-32 (zlib, which the cache imports anyway; hashlib would cost a warm
    # run more than the rest of this module): 64 bits, against accidental change only.
    stamps = _sources()
    if declared or any(line.endswith(" -") for line in stamps.splitlines()):
        stamps = f"{_declarations()}\n{stamps}"
    text = f"{sys.hexversion}\n{stamps}".encode()
    return f"vrmc-cache-{_LAYOUT}/{__version__}/{zlib.crc32(text):08x}{zlib.adler32(text):08x}"


FORMAT_TAG = _format_tag()
# Each section of a cache file starts with its CRC-32 and its length. The check is against
# damage (a torn write, a flipped bit), not against an attacker: the file must be the user's
# own, and the unpickler rebuilds only vrmc's record classes.
_CRC = 4
_LENGTH = 8
_HEAD = _CRC + _LENGTH
Entries = dict[tuple[str, str], tuple[Stamp, Fragment]]  # (shown, real) -> stamp, records
Stamps = tuple[tuple[str, str, Stamp], ...]  # (shown, real, stamp) per file
Digests = dict[str, bytes]  # real path -> digest of the bytes parsed, for racily clean files

# Only these classes may be rebuilt from a cache file: a planted pickle cannot run code.
# Records are pickled as calls of their class with their fields (record.py), so the model's
# classes are allowed too; calling them runs nothing but their generated __init__.
_ALLOWED = {
    ("vrmc_cli.corpus.files", "Fragment"),
    ("vrmc_cli.core.errors", "Problem"),
    ("vrmc_cli.core.dates", "PartialDate"),
}
_MODEL_MODULE = Corpus.__module__


def _dumps(obj: object) -> bytes:
    # Records pickle as a call of their class with their fields (record.py): unpickling one
    # is a constructor call, several times quicker than a generic __setstate__.
    import pickle  # here: only a run that writes a cache file pickles

    return pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)


class _SafeUnpickler(_pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in _ALLOWED and module != _MODEL_MODULE:
            raise _pickle.UnpicklingError(f"{module}.{name} is not allowed in a vrmc cache")
        found = super().find_class(module, name)
        if module == _MODEL_MODULE and not (isinstance(found, type) and found.__module__ == module):
            # Only the model's own classes, not what it imports (typing helpers and so on).
            raise _pickle.UnpicklingError(f"{module}.{name} is not allowed in a vrmc cache")
        return found


def cache_dir() -> str | None:
    """`$XDG_CACHE_HOME/vrmc`, else `~/.cache/vrmc`; None when neither is an absolute path.

    The XDG base directory spec says a relative path there is invalid and must be ignored;
    and with HOME unset and no passwd entry, `~` stays `~`. A relative folder would put the
    cache wherever the command happens to run."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "vrmc") if os.path.isabs(base) else None


def usable_dir(folder: str) -> str | None:
    """Why the cache folder may not be used (made 0700 when missing), or None when it may:
    a folder of the user's own that no one else can write to. A cache planted by someone
    else would be read as the corpus. (The caller makes the folder's name visible.)"""
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        info = os.stat(folder)
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "invalid path"
        return f"cannot use cache folder '{folder}': {reason}"
    if not stat.S_ISDIR(info.st_mode):
        return f"cache folder '{folder}' is not a folder"
    if info.st_uid != os.getuid():
        return f"cache folder '{folder}' belongs to another user"
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return f"cache folder '{folder}' can be written by other users"
    return None


def cache_path(roots: Sequence[str]) -> str | None:
    folder = cache_dir()
    if folder is None:
        return None
    key = "\0".join([FORMAT_TAG, *(os.path.realpath(r) + "|" + r for r in roots)]).encode()
    # Two checksums make a 64-bit name. Were two sets of roots ever to share one, each run
    # would find the other's stamps and parse afresh: slower, never wrong.
    return os.path.join(folder, f"corpus-{zlib.crc32(key):08x}{zlib.adler32(key):08x}.pickle")


def _section(fh: BinaryIO) -> bytes | None:
    """The next section of a cache file, or None when it is cut short or damaged (a damaged
    file can still unpickle: a flipped bit in a title)."""
    head = fh.read(_HEAD)
    if len(head) != _HEAD:
        return None
    size = int.from_bytes(head[_CRC:], "big")
    body = fh.read(size)
    if len(body) != size or zlib.crc32(body) != int.from_bytes(head[:_CRC], "big"):
        return None
    return body


def _head(crc: int, size: int) -> bytes:
    return crc.to_bytes(_CRC, "big") + size.to_bytes(_LENGTH, "big")


def _second(ns: int) -> int:
    return ns // 1_000_000_000


def _racy(stamp: Stamp, since: int) -> bool:
    """Whether an edit of the file could have left `stamp` as it is: its modification or
    change time falls in the second `since` (when the cache's run began) or later."""
    _, mtime_ns, ctime_ns = stamp
    return _second(max(mtime_ns, ctime_ns)) >= since


def unchanged(topic_file: TopicFile, stamp: Stamp, digest: bytes | None, since: int) -> bool:
    """Whether the file is still what was parsed when it had `stamp` (and bytes of `digest`):
    the same stamp, and for a racily clean file the same content."""
    if stamp != topic_file.stamp:
        return False
    if not _racy(stamp, since):
        return True
    return digest is not None and current_digest(topic_file) == digest


# The generation of the cache file each corpus this process loaded through the cache came
# from (by the corpus's identity), and the cache file's path: what derived.py keys on. A
# run loads one corpus (diff two): the last few are remembered, so that a process that runs
# many commands (the tests) does not keep every corpus it loaded.
_GENERATIONS: dict[int, tuple[Corpus, str, str]] = {}
_REMEMBERED = 4


def _remember(corpus: Corpus, path: str, made: str) -> None:
    _GENERATIONS.pop(id(corpus), None)
    _GENERATIONS[id(corpus)] = (corpus, path, made)
    while len(_GENERATIONS) > _REMEMBERED:
        del _GENERATIONS[next(iter(_GENERATIONS))]


def generation(corpus: Corpus) -> tuple[str, str] | None:
    """The cache file `corpus` was read from or written to, and its generation; None when
    the corpus did not come through the cache (--no-cache, no usable cache folder, a
    cache that could not be written)."""
    found = _GENERATIONS.get(id(corpus))
    if found is None or found[0] is not corpus:
        return None
    return found[1], found[2]


def open_own(path: str) -> tuple[int, os.stat_result] | None:
    """A descriptor for reading the file at `path` and its status, when it is a regular file
    of this user's own, opened without following a link; None when there is none, or it is
    a link (ELOOP), a FIFO or another user's: a file vrmc keeps is never trusted otherwise
    (corpus caches, kept objects, derived stores)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if stat.S_ISREG(info.st_mode) and info.st_uid == os.getuid():
            return fd, info
    except OSError:
        pass
    os.close(fd)
    return None


def read_cache(
    path: str, stamps: Stamps | None, used_before: int = 0, started: int | None = None
) -> tuple[Corpus | None, Entries, int]:
    """The cached corpus when it was linked from files with exactly these `stamps` and
    content; else the cached records of each file (empty when there is no usable cache),
    and the second from which a cached file's stamp needs its content checked (see
    `unchanged`). A hit reads only the first section of the file, and of the files only
    those racily clean; when their content was found unchanged by a run that began in the
    second `started`, after theirs, the cache is refreshed (`_refresh`) so that later runs
    trust their stamps. The file is marked used (`_used`) when its modification time is
    before the second `used_before`."""
    opened = open_own(path)
    if opened is None:
        return None, {}, 0
    fd, info = opened
    try:
        with open(fd, "rb") as fh:
            linked = _section(fh)
            if linked is None:
                return None, {}, 0
            stream = io.BytesIO(linked)
            tag, cached_stamps, since, digests, made = _SafeUnpickler(stream).load()
            if tag != FORMAT_TAG or not isinstance(made, str):
                return None, {}, 0
            # A cache file copied or touched since: its own time bounds the race too.
            since = min(since, _second(info.st_mtime_ns))
            if info.st_mtime < used_before:
                _used(fh.fileno())  # kept longest by budget.prune_corpora
            if stamps is not None and cached_stamps == stamps:
                # The stamps are the cached ones: only the racily clean files need a look.
                racy = [entry for entry in stamps if _racy(entry[2], since)]
                current = all(
                    unchanged(TopicFile(shown, real, *stamp), stamp, digests.get(real), since)
                    for shown, real, stamp in racy
                )
                if current and racy and started is not None:
                    _refresh(
                        path,
                        fh,
                        linked[stream.tell() :],
                        (cached_stamps, since, made),
                        racy,
                        started,
                    )
                corpus = _stored(path, fh, stream) if current else None
                if corpus is not None:
                    _remember(corpus, path, made)
                    return corpus, {}, since
            records = _section(fh) if _skip(fh) else None
        if records is None:
            return None, {}, 0
        entries = _SafeUnpickler(io.BytesIO(records)).load()
        return None, entries if isinstance(entries, dict) else {}, since
    except Exception:
        return None, {}, 0


def _refresh(
    path: str,
    fh: BinaryIO,
    light: bytes,
    head: tuple[Stamps, int, str],
    racy: Sequence[tuple[str, str, Stamp]],
    started: int,
) -> None:
    """Write the cache file `fh` (at `path`) again with a later `since`, once its racily
    clean files (`racy`) were found unchanged by content in a run that began in the second
    `started`, when all of their stamps are of an earlier second: what git does for its
    index. Without it, a cache written in the second its files were (an install followed by
    a first run, an edit and a run within one second) would have every later run read and
    hash them, since the cache is written again only when something changed.

    Their content was read in this run, after its second began, and matched what was
    parsed; any later write of a file gives it a stamp of this second or later, which is
    not the one cached: so from the second `started` on, each stamp alone tells. The file
    keeps its corpus, records and generation (`made`: what is kept beside it, derived.py,
    stays valid): the first pickle is written afresh, with the new `since` and no digests,
    and everything after it (`light`, the rest of the first section, then the other two
    sections with their heads) is copied byte for byte, never unpickled. Written as
    `write_cache` writes (a temporary file renamed over the cache file: a concurrent run
    reads the old file or the new one), and only while `path` is still the file read.
    Any trouble means no refresh, silently (the next run checks the content again)."""
    stamps, since, made = head
    if any(_second(max(stamp[1:])) >= started for _, _, stamp in racy):
        return  # still racy: a write within this second would keep its stamp
    made_file = _temporary(os.path.dirname(path))
    if made_file is None:
        return
    temporary, fd = made_file
    try:
        with os.fdopen(fd, "wb") as out:
            # As `write_cache`: the file system's clock may be behind this one.
            later = min(started, _second(os.fstat(out.fileno()).st_mtime_ns))
            if later <= since or any(_second(max(s[1:])) >= later for _, _, s in racy):
                raise OSError  # nothing to gain, or still racy by the file system's clock
            # The C pickler the unpickler came with (`_dumps` would import pickle's Python
            # half, re and struct among it): the same bytes, protocol -1 the highest.
            first = _pickle.dumps((FORMAT_TAG, stamps, later, {}, made), protocol=-1) + light
            out.write(_head(zlib.crc32(first), len(first)))
            out.write(first)
            source, at = fh.fileno(), fh.tell()  # the end of the first section
            while data := os.pread(source, 1 << 20, at):
                out.write(data)
                at += len(data)
        mine, there = os.fstat(fh.fileno()), os.stat(path, follow_symlinks=False)
        if (mine.st_dev, mine.st_ino) != (there.st_dev, there.st_ino):
            raise OSError  # written over meanwhile by another run: its file stays
        os.replace(temporary, path)
    except BaseException as exc:
        _remove(temporary, exc)


# ------------------------------------------------------------------- the corpus in two parts

# What a warm run reads only when it uses them: the events, and the briefings (their key
# judgments name events). Everything else is the light part, read with the stamps.
_HEAVY = ("events", "briefings", "briefing_by_id")
_FIELDS: tuple[str, ...] = Corpus.__record_fields__  # type: ignore[attr-defined]
_LIGHT = tuple(name for name in _FIELDS if name not in _HEAVY)
# Each field's slot, set directly: a corpus is frozen (its __setattr__ refuses).
_SLOTS: dict[str, Any] = {name: Corpus.__dict__[name] for name in _FIELDS}


def _parts(corpus: Corpus | None) -> tuple[bytes, bytes]:
    """The light part of `corpus` (with the index of its events' keys) and the heavy part,
    pickled by one pickler: the heavy part refers to what the light part holds."""
    if corpus is None:
        return _dumps(None), _dumps(None)
    import pickle  # here: only a run that writes a cache file pickles

    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
    index = keys.event_index(corpus).state()
    pickler.dump((tuple(getattr(corpus, name) for name in _LIGHT), index))
    light = out.getvalue()
    out.seek(0)
    out.truncate()
    pickler.dump(tuple(getattr(corpus, name) for name in _HEAVY))
    return light, out.getvalue()


class _Rest:
    """The heavy part of a stored corpus, still in its cache file, and what the unpickler
    of the corpus reads: the rest of the first section (in memory), then, when the heavy
    part is asked for (`load`), the second, straight from the file (tens of megabytes at
    100,000 events, never held whole), keeping the CRC-32 of what it read. One unpickler
    reads both: its memo holds what the light part built, which the heavy part refers to.
    The file is a descriptor of its own, so a cache file renamed over it since does not
    matter."""

    __slots__ = ("at", "crc", "end", "fd", "path", "stream", "unpickler")

    def __init__(self, path: str, fd: int, stream: io.BytesIO) -> None:
        self.path, self.fd = path, fd
        self.stream: io.BytesIO | None = stream
        self.unpickler: Any = None
        self.at = self.end = self.crc = 0

    def read(self, size: int = -1) -> bytes:
        if self.stream is not None:
            return self.stream.read(size)
        left = self.end - self.at
        data = _pread(self.fd, left if size < 0 else min(size, left), self.at)
        self.at += len(data)
        self.crc = zlib.crc32(data, self.crc)
        return data

    def readinto(self, buffer: Any) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def readline(self) -> bytes:
        if self.stream is not None:
            return self.stream.readline()
        line = b""
        while not line.endswith(b"\n") and self.at < self.end:
            line += self.read(1)
        return line

    def load(self, at: int) -> tuple[Any, ...]:
        """The heavy part's values, in `_HEAVY` order, from the section at offset `at`; an
        error when its bytes are not what was written (the file is then removed)."""
        try:
            head = _pread(self.fd, _HEAD, at)
            if len(head) != _HEAD or self.unpickler is None:
                raise ValueError
            size = int.from_bytes(head[_CRC:], "big")
            self.stream, self.at, self.end = None, at + _HEAD, at + _HEAD + size
            # Unpickled as it is read: the CRC-32 is checked at the end, and what a damaged
            # section made is dropped (the unpickler rebuilds only vrmc's record classes).
            values = self.unpickler.load()
            if self.at != self.end or self.crc != int.from_bytes(head[:_CRC], "big"):
                raise ValueError
            if not (isinstance(values, tuple) and len(values) == len(_HEAVY)):
                raise ValueError
        except Exception:
            self._discard()
            raise VrmcError(
                f"the cache file '{visible(self.path, one_line=True)}' was written over while "
                "in use; it is removed: run the command again"
            ) from None
        finally:
            self.close()
        return values

    def _discard(self) -> None:
        """Remove the cache file, when it is still the one this run read."""
        try:
            mine = os.fstat(self.fd)
            there = os.stat(self.path, follow_symlinks=False)
            if (mine.st_dev, mine.st_ino) == (there.st_dev, there.st_ino):
                os.unlink(self.path)
        except OSError:
            pass

    def close(self) -> None:
        fd, self.fd = self.fd, -1
        self.stream = self.unpickler = None
        if fd >= 0:
            try:  # noqa: SIM105 - no contextlib on a warm run
                os.close(fd)
            except OSError:
                pass


def _pread(fd: int, size: int, at: int) -> bytes:
    """`size` bytes at `at` (fewer only at the end of the file)."""
    parts = []
    while size > 0:
        data = os.pread(fd, size, at)
        if not data:
            break
        parts.append(data)
        size -= len(data)
        at += len(data)
    return parts[0] if len(parts) == 1 else b"".join(parts)


def _fill(corpus: Corpus, rest: _Rest, at: int) -> None:
    """Set the heavy part of `corpus` from the cache file (`Corpus.__getattr__`)."""
    for name, value in zip(_HEAVY, rest.load(at), strict=True):
        _SLOTS[name].__set__(corpus, value)
    # The index has done its work (a filter runs before the events are read); should
    # another be asked of this corpus, it is worked out from the events.
    keys.forget(corpus)


# At most this many corpora wait for their heavy part (model.UNREAD): reading another reads
# the heavy part of the first, so that a process that loads many (the tests) keeps few open.
_UNREAD_AT_MOST = 4


def _stored(path: str, fh: BinaryIO, stream: io.BytesIO) -> Corpus | None:
    """The corpus whose light part `stream` holds next (its heavy part in the next section
    of `fh`, read when first needed), or None when the cache file holds no corpus."""
    rest = _Rest(path, -1, stream)
    unpickler = _SafeUnpickler(rest)
    light = unpickler.load()
    if not (isinstance(light, tuple) and len(light) == 2):
        return None
    values, index = light
    if not (isinstance(values, tuple) and len(values) == len(_LIGHT)):
        return None
    if not isinstance(index, tuple):
        index = ()  # not an index: worked out from the events if a filter needs one
    corpus: Corpus = object.__new__(Corpus)
    for name, value in zip(_LIGHT, values, strict=True):
        _SLOTS[name].__set__(corpus, value)
    rest.fd, rest.unpickler, at = os.dup(fh.fileno()), unpickler, fh.tell()
    model.UNREAD[id(corpus)] = (corpus, _HEAVY, lambda c: _fill(c, rest, at))
    keys.keep(corpus, index)
    return corpus


def _few_unread() -> None:
    """Read the heavy part of the corpora that have waited longest, so that no more than
    `_UNREAD_AT_MOST` wait (outside `read_cache`, which would take a damaged heavy part's
    error for a cache it cannot use: it is the user's to see)."""
    while len(model.UNREAD) > _UNREAD_AT_MOST:
        first, _, fill = model.UNREAD.pop(next(iter(model.UNREAD)))
        fill(first)


def _skip(fh: BinaryIO) -> bool:
    """Move past the next section of a cache file (unread); False when it is cut short."""
    head = fh.read(_HEAD)
    if len(head) != _HEAD:
        return False
    fh.seek(int.from_bytes(head[_CRC:], "big"), os.SEEK_CUR)
    return True


class _CheckingWriter:
    """Writes through to a file, keeping the CRC-32 of what went through."""

    def __init__(self, fh: BinaryIO) -> None:
        self.fh = fh
        self.crc = 0

    def write(self, data: bytes) -> int:
        self.crc = zlib.crc32(data, self.crc)
        return self.fh.write(data)


def write_cache(
    path: str, stamps: Stamps, corpus: Corpus | None, entries: Entries, started: int
) -> None:
    """Write the cache of a run that began in the second `started` (before it read any file);
    once it is in place, `corpus` is known by its generation (`generation`)."""
    made_file = _temporary(os.path.dirname(path))
    if made_file is None:
        return
    temporary, fd = made_file
    try:
        with os.fdopen(fd, "wb") as fh:
            # The file system's clock may be behind this one: the new file's own time is
            # the earlier of the two then. The cache file only gets later than this.
            since = min(started, _second(os.fstat(fh.fileno()).st_mtime_ns))
            digests = {
                real: fragment.digest
                for (_, real), (stamp, fragment) in entries.items()
                if fragment.digest is not None and _racy(stamp, since)
            }
            made = os.urandom(8).hex()
            light, heavy = _parts(corpus)
            linked = _dumps((FORMAT_TAG, stamps, since, digests, made)) + light
            del light
            for body in (linked, heavy):
                fh.write(_head(zlib.crc32(body), len(body)))
                fh.write(body)
            del linked, heavy
            # The records are the bulk of the cache: pickled straight to the file, their
            # head written in front of them once it is known.
            records_at = fh.tell()
            fh.write(bytes(_HEAD))
            out = _CheckingWriter(fh)
            # The records are trees of dicts, tuples and strings that share nothing worth
            # keeping shared: without the memo (pickle's "fast" mode) they are written in
            # less than half the time. A cycle would raise ValueError, caught below.
            import pickle

            pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
            pickler.fast = True
            pickler.dump(entries)
            size = fh.tell() - records_at - _HEAD
            fh.seek(records_at)
            fh.write(_head(out.crc, size))
        os.replace(temporary, path)
    except BaseException as exc:
        _remove(temporary, exc)
        return
    if corpus is not None:
        _remember(corpus, path, made)
    from .budget import prune_corpora  # here: only a run that writes a cache file prunes

    prune_corpora(path, [found[1] for found in _GENERATIONS.values()])


def _temporary(folder: str) -> tuple[str, int] | None:
    """A new file in `folder` (made if need be) for a cache file to be renamed from: its
    name and a descriptor open for writing, readable by this user only; None when it cannot
    be made. Named before it is made (what mkstemp does, with the name known throughout),
    so that an interrupt at any point, even while the file is being created, can remove it."""
    temporary = os.path.join(folder, f".tmp-{os.getpid()}-{os.urandom(6).hex()}.pickle")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        return temporary, os.open(temporary, flags | getattr(os, "O_CLOEXEC", 0), 0o600)
    except FileExistsError:
        return None  # not ours to remove
    except BaseException as exc:
        _remove(temporary, exc)
        return None


def _remove(temporary: str, exc: BaseException) -> None:
    """Remove the temporary file after `exc`, which is re-raised unless it is an ordinary
    error (the run goes on without a cache): Ctrl-C and SIGTERM (SystemExit, __main__) end
    the run, but leave nothing behind."""
    try:  # noqa: SIM105 - no contextlib on a warm run
        os.unlink(temporary)
    except OSError:
        pass
    if not isinstance(exc, Exception):
        raise exc


def load_with_cache(
    roots: Sequence[str],
    files: Sequence[TopicFile],
    problems: Sequence[Problem],
    notes: list[str] | None = None,
    extra: Sequence[Fragment] = (),
) -> Corpus:
    """The corpus, through the cache when it can be trusted; why not is added to `notes`.
    `extra` fragments (a file not yet written: `vrmc import` checks its output beside the
    corpus it joins) are linked with the files' own and kept out of the cache."""
    started = _second(time.time_ns())  # before any file is read
    path = cache_path(roots)
    why: str | None = "no absolute cache folder (XDG_CACHE_HOME or HOME)"
    if path is not None:
        why = usable_dir(os.path.dirname(path))
    if why is not None or path is None:
        if notes is not None:
            notes.append(f"running without the cache: {why}")
        from .link import link
        from .load import parse_all

        return link([*parse_all(files), *extra], problems)
    stamps: Stamps = tuple((f.shown, f.real, f.stamp) for f in files)
    # Problems found before parsing (an unreadable folder) are not in the stamps: with any,
    # the cached corpus cannot be the answer.
    corpus, cached, since = read_cache(
        path, None if problems or extra else stamps, started - _USED_SECONDS, started
    )
    if corpus is not None:
        _few_unread()
        return corpus
    from .link import link
    from .load import parse_file

    entries: Entries = {}
    fragments: list[Fragment] = []
    for topic_file in files:
        key = (topic_file.shown, topic_file.real)
        hit = cached.get(key)
        if hit is not None and unchanged(topic_file, hit[0], hit[1].digest, since):
            fragment = hit[1]
        else:
            fragment = parse_file(topic_file)
        entries[key] = (topic_file.stamp, fragment)
        fragments.append(fragment)

    def keep_records() -> None:
        """Keep the files' records without a corpus (when they changed), so that the next
        run re-parses only what changed since."""
        if entries.keys() != cached.keys() or any(cached[k][0] != v[0] for k, v in entries.items()):
            write_cache(path, stamps, None, entries, started)

    if extra:
        keep_records()  # not the corpus of these files: only their records may be kept
        return link([*fragments, *extra], problems)
    try:
        corpus = link(fragments, problems)
    except BaseException:
        keep_records()  # an invalid corpus: fixing one file then re-parses only it
        raise
    write_cache(path, stamps, corpus, entries, started)
    return corpus


# --------------------------------------------------------------------------- single objects
# A parsed git revision (revisions.py) is cached whole, keyed by its tree ids: it never goes
# stale, so it has no stamps. It is trusted on the same terms as the corpus cache: a regular
# file of the user's own in a private folder, opened without following a link, its bytes
# checked by CRC-32, its pickle rebuilding only vrmc's record classes, its tag this version's.


def read_object(path: str) -> object | None:
    """The object `write_object` stored at `path`, or None when it cannot be trusted."""
    opened = open_own(path)
    if opened is None:
        return None
    fd, info = opened
    try:
        with open(fd, "rb") as fh:
            body = _section(fh)
            if body is None:
                return None
            stream = io.BytesIO(body)
            if _SafeUnpickler(stream).load() != FORMAT_TAG:
                return None
            found: object = _SafeUnpickler(stream).load()
            if info.st_mtime < time.time() - _USED_SECONDS:
                _used(fh.fileno())  # recently used: kept longest by `prune`
        return found
    except Exception:
        return None


# ------------------------------------------------------------------ derived stores (derived.py)


def read_section(fh: BinaryIO) -> bytes | None:
    """The next section of a cache file (its CRC-32 checked), or None."""
    return _section(fh)


def dump_pickle(obj: object) -> bytes:
    return _dumps(obj)


def load_pickle(data: bytes) -> object:
    """What `dump_pickle` made of an object, rebuilding only what a cache may hold."""
    found: object = _SafeUnpickler(io.BytesIO(data)).load()
    return found


def write_sections(path: str, sections: Sequence[bytes], tail: Iterable[bytes]) -> None:
    """Write `sections` (each after its CRC-32 and length), then the bytes of `tail`, to
    `path`, whole or not at all; any failure means no file, silently."""
    temporary = os.path.join(
        os.path.dirname(path), f".tmp-{os.getpid()}-{os.urandom(6).hex()}.pickle"
    )
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(temporary, flags | getattr(os, "O_CLOEXEC", 0), 0o600)
    except FileExistsError:
        return
    except BaseException as exc:
        _remove(temporary, exc)
        return
    try:
        with os.fdopen(fd, "wb") as fh:
            for body in sections:
                fh.write(_head(zlib.crc32(body), len(body)))
                fh.write(body)
            for data in tail:
                fh.write(data)
        os.replace(temporary, path)
    except BaseException as exc:
        _remove(temporary, exc)


def write_object(path: str, obj: object) -> None:
    """Store `obj` at `path` whole or not at all; any failure means no cache, silently."""
    write_sections(path, (_dumps(FORMAT_TAG) + _dumps(obj),), ())


# A cache file read (a corpus cache, a kept picture, Word's parts, a revision) is marked
# used, its modification time set, once that time is older than this: what is kept when
# another is written is what was most recently used (budget.py, `prune`), and a warm run
# pays one comparison a file, and at most one utime a file an hour.
_USED_SECONDS = 3600


def _used(fd: int) -> None:
    try:  # noqa: SIM105 - no contextlib on a warm run
        os.utime(fd)
    except (OSError, NotImplementedError):  # a read-only folder; no futimens
        pass


def prune(folder: str, prefix: str, keep: int) -> None:
    """Remove all but the `keep` most recently used cache files named `prefix….pickle`: only
    regular files of the user's own (a link or another user's file is left alone), each
    unlinked only while it is still the file seen (budget.remove_if_unchanged)."""
    from .budget import remove_if_unchanged  # here: only a run that writes one prunes

    uid = os.getuid()
    found = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if not (entry.name.startswith(prefix) and entry.name.endswith(".pickle")):
                    continue
                try:
                    info = entry.stat(follow_symlinks=False)
                except OSError:
                    continue  # removed meanwhile
                if stat.S_ISREG(info.st_mode) and info.st_uid == uid:
                    found.append((info.st_mtime_ns, entry.path, info))
    except OSError:
        return
    for _, stale, info in sorted(found, key=lambda item: item[:2], reverse=True)[keep:]:
        remove_if_unchanged(stale, info)
