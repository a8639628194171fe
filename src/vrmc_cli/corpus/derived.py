"""What is derived from a cached corpus, entry by entry, and kept beside its cache file.

A warm run unpickles the linked corpus in a fraction of what it then spends deriving text
from it: a JSON listing writes every entry again (at 100,000 events, most of a warm run),
and a search folds every field of every entry before it looks at one. A store keeps such
text per entry, numbered by the entry's position in a fixed walk of the corpus, in a file
beside the corpus cache (`corpus-KEY.NAME.store`): a later run reads only the entries it
needs (or scans the folded text in C) and computes nothing it has kept.

When a store may be read: it names the generation of the corpus cache it was derived from
(cache.py draws a new one each time it writes the corpus), the cache's FORMAT_TAG, and the
size and time of the modules whose code makes its text (`sources`). So a topic file edited,
added or removed (the corpus is linked and cached anew: another generation), vrmc upgraded
or the code edited makes every store stale, and a stale store is not read, whatever its
entries say. Only a corpus that came through the cache (`cache.generation`) has stores: with
--no-cache, or without a usable cache folder, everything is computed as before.

A store is trusted on the corpus cache's terms: a regular file of the user's own in the
private cache folder (whose checks the corpus load made), opened without following a link
or waiting on a FIFO, written to a temporary file and renamed; its head and index are
checked by CRC-32, and each entry's bytes by a CRC-32 of their own (or the whole text's,
when it is scanned at once). Any trouble means computing the text, silently.

Layout: two sections (CRC-32, length, bytes), then the text. The first section is a pickle of
(FORMAT_TAG, name, sources, generation, count); the second holds three arrays of `count`
numbers, where each entry's bytes start, their length (-1 for an entry not kept) and their
CRC-32, and the CRC-32 of all the text; then the entries' bytes, in order.
"""

from __future__ import annotations

import os
import zlib
from array import array
from collections.abc import Iterator, Mapping, Sequence

from . import cache
from .model import Corpus

_LAYOUT = 1
_CRC = "I"  # unsigned, 32 bits where vrmc runs (`_usable`)
_NUMBER = "q"  # signed, 64 bits


def sources(names: Sequence[str]) -> str:
    """The size and modification time of the package's modules `names` (paths under
    vrmc_cli/), which make a store's text: an edit of any of them makes another tag."""
    from .cache import module_stamps

    return "\n".join([f"layout {_LAYOUT}", *module_stamps(names)])


class Store:
    """The kept text of `count` entries of one corpus: read when asked, added to, saved."""

    def __init__(self, path: str, head: tuple[str, str, str, str, int]) -> None:
        self.path = path
        self.head = head
        self.count = head[4]
        self.starts = array(_NUMBER, bytes(8 * self.count))
        self.lengths = array(_NUMBER, [-1]) * self.count
        self.crcs = array(_CRC, [0]) * self.count
        self.whole = 0  # CRC-32 of the text, in order
        self.size = 0  # bytes of text
        self.text_at = 0  # where the text starts in the file
        self.fd: int | None = None
        self.added: dict[int, bytes] = {}

    @property
    def kept(self) -> int:
        """How many entries the store holds."""
        return self.count - self.lengths.count(-1) + len(self.added)

    def get(self, positions: Sequence[int]) -> list[bytes | memoryview | None]:
        """Each entry's bytes (None when not kept, or damaged), read in runs of neighbours
        (each entry a view of its run's bytes: nothing copied)."""
        out: list[bytes | memoryview | None] = [self.added.get(p) for p in positions]
        fd, starts, lengths = self.fd, self.starts, self.lengths
        if fd is None:
            return out
        base = self.text_at
        k = 0
        n = len(positions)
        while k < n:
            p = positions[k]
            if out[k] is not None or lengths[p] < 0:
                k += 1
                continue
            # A run of entries kept side by side in the file: one read.
            j = k + 1
            end = starts[p] + lengths[p]
            while j < n and out[j] is None and lengths[positions[j]] >= 0:
                q = positions[j]
                if starts[q] != end:
                    break
                end += lengths[q]
                j += 1
            try:
                data = os.pread(fd, end - starts[p], base + starts[p])
            except OSError:
                return out
            at = 0
            view = memoryview(data)
            for i in range(k, j):
                q = positions[i]
                piece = view[at : at + lengths[q]]
                at += lengths[q]
                if zlib.crc32(piece) == self.crcs[q]:
                    out[i] = piece
            k = j
        return out

    def chunks(self, size: int = 1 << 22) -> Iterator[tuple[int, int, bytes]] | None:
        """The whole text when every entry is kept, in pieces of about `size` bytes that
        end where an entry ends: (first position, end position, bytes). None when some entry
        is not kept; the iterator raises `Damaged` at its end when the text's CRC-32 is not
        the one written."""
        if self.fd is None or self.added or self.lengths.count(-1):
            return None
        return self._chunks(size)

    def _chunks(self, size: int) -> Iterator[tuple[int, int, bytes]]:
        fd = self.fd
        if fd is None:
            raise Damaged
        crc = 0
        first = 0
        count, starts, lengths = self.count, self.starts, self.lengths
        while first < count:
            last = first
            while last < count and starts[last] + lengths[last] - starts[first] < size:
                last += 1
            last = max(last, first + 1)
            begin, end = starts[first], starts[last - 1] + lengths[last - 1]
            data = os.pread(fd, end - begin, self.text_at + begin)
            if len(data) != end - begin:
                raise Damaged
            crc = zlib.crc32(data, crc)
            yield first, last, data
            first = last
        if crc != self.whole:
            raise Damaged

    def add(self, texts: Mapping[int, bytes]) -> None:
        self.added.update(texts)

    def save(self) -> None:
        """Write the store with what was added (the entries kept before, and the new ones)
        whole or not at all; any failure means no store, silently."""
        if not self.added or not _usable():
            return
        kept = [p for p in range(self.count) if self.lengths[p] >= 0 and p not in self.added]
        old = dict(zip(kept, self.get(kept), strict=True)) if kept else {}
        texts = {**{p: bytes(t) for p, t in old.items() if t is not None}, **self.added}
        _write(self.path, self.head, texts)

    def close(self) -> None:
        if self.fd is not None:
            _close(self.fd)
            self.fd = None


class Damaged(Exception):
    """A store's text is not what was written."""


def open_store(corpus: Corpus, name: str, code: str, count: int) -> Store | None:
    """The store `name` of `corpus` (`count` entries; `code`, what `sources` says of the
    modules that make its text): what was kept when it is current, else an empty store to
    fill and save. None when the corpus did not come through the cache."""
    found = cache.generation(corpus)
    if found is None:
        return None
    path, made = found
    head = (cache.FORMAT_TAG, name, code, made, count)
    store = Store(f"{os.path.splitext(path)[0]}.{name}.store", head)
    _read(store)
    return store


def _usable() -> bool:
    return array(_CRC).itemsize == 4 and array(_NUMBER).itemsize == 8


def _read(store: Store) -> None:
    """Fill `store` from its file when the file is current and whole (else leave it empty)."""
    if not _usable():
        return
    opened = cache.open_own(store.path)
    if opened is None:
        return  # none yet, a link or not the user's own
    fd, info = opened
    try:
        with open(fd, "rb", closefd=False) as fh:
            first = cache.read_section(fh)
            if first is None or cache.load_pickle(first) != store.head:
                raise Damaged
            index = cache.read_section(fh)
            count = store.count
            if index is None or len(index) != 20 * count + 16:
                raise Damaged
            text_at = fh.tell()
        starts, lengths, crcs = array(_NUMBER), array(_NUMBER), array(_CRC)
        starts.frombytes(index[: 8 * count])
        lengths.frombytes(index[8 * count : 16 * count])
        crcs.frombytes(index[16 * count : 20 * count])
        whole = int.from_bytes(index[20 * count : 20 * count + 8], "big")
        size = int.from_bytes(index[20 * count + 8 :], "big")
        if info.st_size != text_at + size:
            raise Damaged
    except Exception:
        _close(fd)
        return
    store.starts, store.lengths, store.crcs = starts, lengths, crcs
    store.whole, store.size, store.text_at, store.fd = whole, size, text_at, fd


def _close(fd: int) -> None:
    # Not contextlib.suppress: a warm run does not import contextlib (docs/performance.md).
    try:  # noqa: SIM105
        os.close(fd)
    except OSError:
        pass


def _write(path: str, head: tuple[str, str, str, str, int], texts: Mapping[int, bytes]) -> None:
    count = head[4]
    starts = array(_NUMBER, bytes(8 * count))
    lengths = array(_NUMBER, [-1]) * count
    crcs = array(_CRC, bytes(4 * count))
    order = sorted(texts)
    at = 0
    whole = 0
    for p in order:
        data = texts[p]
        starts[p] = at
        lengths[p] = len(data)
        crcs[p] = zlib.crc32(data)
        whole = zlib.crc32(data, whole)
        at += len(data)
    index = starts.tobytes() + lengths.tobytes() + crcs.tobytes()
    index += whole.to_bytes(8, "big") + at.to_bytes(8, "big")
    cache.write_sections(path, (cache.dump_pickle(head), index), (texts[p] for p in order))
