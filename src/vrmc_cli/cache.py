"""A cache of parsed topic files, so that a second run parses only what changed.

One cache file per set of corpus roots under `$XDG_CACHE_HOME/vrmc/` (default
`~/.cache/vrmc/`), holding each topic file's checked records keyed by its path, size,
mtime_ns and ctime_ns, and vrmc's version. It also holds the linked corpus those records
made, with the path, size, mtime_ns and ctime_ns of every file: when all of them are
unchanged (and nothing else was found), that corpus is the result, which is what linking
them again would give; when any differs, the changed files are parsed again and everything
is linked again.
Any trouble (no permission, a full disk, a corrupt or foreign file) means running without
it, silently. Writes go to a temporary file that is then renamed, so a concurrent run sees
the old cache or the new one, never half of one.

Layout: two sections, each the CRC-32 and the length of its bytes, then the bytes. The first
holds two pickles, (FORMAT_TAG, stamps) and the linked corpus (or None); the second holds the
records. A warm run reads only the first section.
"""

from __future__ import annotations

import contextlib
import io
import os
import pickle
import zlib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, BinaryIO

from . import __version__
from .errors import Problem
from .files import Stamp, TopicFile
from .model import Corpus

if TYPE_CHECKING:
    # Only a run that must parse or link imports these (the YAML parser, the schema): a warm
    # run takes the linked corpus from the cache without them.
    from .load import Fragment

FORMAT_TAG = f"vrmc-cache-9/{__version__}"
# Each section of a cache file starts with its CRC-32 and its length. The check is against
# damage (a torn write, a flipped bit), not against an attacker: the file must be the user's
# own, and the unpickler rebuilds only vrmc's record classes.
_CRC = 4
_LENGTH = 8
_HEAD = _CRC + _LENGTH
Entries = dict[tuple[str, str], tuple[Stamp, "Fragment"]]  # (shown, real) -> stamp, records
Stamps = tuple[tuple[str, str, Stamp], ...]  # (shown, real, stamp) per file

# Only these classes may be rebuilt from a cache file: a planted pickle cannot run code.
# Records are pickled as calls of their class with their fields (record.py), so the model's
# classes are allowed too; calling them runs nothing but their generated __init__.
_ALLOWED = {
    ("vrmc_cli.load", "Fragment"),
    ("vrmc_cli.errors", "Problem"),
    ("vrmc_cli.dates", "PartialDate"),
}
_MODEL_MODULE = Corpus.__module__


def _dumps(obj: object) -> bytes:
    # Records pickle as a call of their class with their fields (record.py): unpickling one
    # is a constructor call, several times quicker than a generic __setstate__.
    return pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)


class _SafeUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in _ALLOWED and module != _MODEL_MODULE:
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a vrmc cache")
        found = super().find_class(module, name)
        if module == _MODEL_MODULE and not (isinstance(found, type) and found.__module__ == module):
            # Only the model's own classes, not what it imports (typing helpers and so on).
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a vrmc cache")
        return found


def cache_dir() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "vrmc")


def cache_path(roots: Sequence[str]) -> str:
    key = "\0".join([FORMAT_TAG, *(os.path.realpath(r) + "|" + r for r in roots)]).encode()
    # Two checksums make a 64-bit name. Were two sets of roots ever to share one, each run
    # would find the other's stamps and parse afresh: slower, never wrong.
    return os.path.join(cache_dir(), f"corpus-{zlib.crc32(key):08x}{zlib.adler32(key):08x}.pickle")


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


def read_cache(path: str, stamps: Stamps | None) -> tuple[Corpus | None, Entries]:
    """The cached corpus when it was linked from files with exactly these `stamps`; else the
    cached records of each file (empty when there is no usable cache). A hit reads only the
    first section of the file."""
    try:
        with open(path, "rb") as fh:
            if os.fstat(fh.fileno()).st_uid != os.getuid():
                return None, {}  # never trust a cache file someone else wrote
            linked = _section(fh)
            if linked is None:
                return None, {}
            stream = io.BytesIO(linked)
            tag, cached_stamps = _SafeUnpickler(stream).load()
            if tag != FORMAT_TAG:
                return None, {}
            if stamps is not None and cached_stamps == stamps:
                corpus = _SafeUnpickler(stream).load()
                if isinstance(corpus, Corpus):
                    return corpus, {}
            records = _section(fh)
        if records is None:
            return None, {}
        entries = _SafeUnpickler(io.BytesIO(records)).load()
        return None, entries if isinstance(entries, dict) else {}
    except Exception:
        return None, {}


class _CheckingWriter:
    """Writes through to a file, keeping the CRC-32 of what went through."""

    def __init__(self, fh: BinaryIO) -> None:
        self.fh = fh
        self.crc = 0

    def write(self, data: bytes) -> int:
        self.crc = zlib.crc32(data, self.crc)
        return self.fh.write(data)


def write_cache(path: str, stamps: Stamps, corpus: Corpus | None, entries: Entries) -> None:
    import tempfile

    folder = os.path.dirname(path)
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=".tmp-", suffix=".pickle", dir=folder)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as fh:
            linked = _dumps((FORMAT_TAG, stamps)) + _dumps(corpus)
            fh.write(_head(zlib.crc32(linked), len(linked)))
            fh.write(linked)
            del linked
            # The records are the bulk of the cache: pickled straight to the file, their
            # head written in front of them once it is known.
            records_at = fh.tell()
            fh.write(bytes(_HEAD))
            out = _CheckingWriter(fh)
            # The records are trees of dicts, tuples and strings that share nothing worth
            # keeping shared: without the memo (pickle's "fast" mode) they are written in
            # less than half the time. A cycle would raise ValueError, caught below.
            pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
            pickler.fast = True
            pickler.dump(entries)
            size = fh.tell() - records_at - _HEAD
            fh.seek(records_at)
            fh.write(_head(out.crc, size))
        os.replace(temporary, path)
    except Exception:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def load_with_cache(
    roots: Sequence[str], files: Sequence[TopicFile], problems: Sequence[Problem]
) -> Corpus:
    path = cache_path(roots)
    stamps: Stamps = tuple((f.shown, f.real, f.stamp) for f in files)
    # Problems found before parsing (an unreadable folder) are not in the stamps: with any,
    # the cached corpus cannot be the answer.
    corpus, cached = read_cache(path, None if problems else stamps)
    if corpus is not None:
        return corpus
    from .link import link
    from .load import parse_file

    entries: Entries = {}
    fragments: list[Fragment] = []
    for topic_file in files:
        key = (topic_file.shown, topic_file.real)
        hit = cached.get(key)
        if hit is not None and hit[0] == topic_file.stamp:
            fragment = hit[1]
        else:
            fragment = parse_file(topic_file)
        entries[key] = (topic_file.stamp, fragment)
        fragments.append(fragment)
    try:
        corpus = link(fragments, problems)
    except BaseException:
        # An invalid corpus: keep the records, so that fixing one file re-parses only it.
        if entries.keys() != cached.keys() or any(cached[k][0] != v[0] for k, v in entries.items()):
            write_cache(path, stamps, None, entries)
        raise
    write_cache(path, stamps, corpus, entries)
    return corpus
