"""Find a corpus's topic files and read them: the part of loading that every run needs.

A run whose cache is up to date stats the files and reads nothing else, so this module stays
free of the YAML parser and the schema (`load.py`).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence

from ..core.errors import CorpusError, Problem
from ..core.record import Record, field
from ..core.textsafe import quote

# Not `typing.TYPE_CHECKING`: a warm run does not import typing (docs/performance.md); type
# checkers treat any `TYPE_CHECKING` as true.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

MAX_FILE_BYTES = 16 * 1024 * 1024
YAML_SUFFIXES = (".yaml", ".yml")


Stamp = tuple[int, int, int]  # size, mtime_ns, ctime_ns: see TopicFile.stamp


class TopicFile(Record, frozen=True, eq=True):
    shown: str  # the path as the user gave it, joined with the file's place below it
    real: str
    size: int = 0
    mtime_ns: int = 0
    # The inode change time moves on every write, chmod or rename, even when the size and
    # the modification time are put back (`touch -d`): the cache keys on all three.
    ctime_ns: int = 0

    @property
    def stamp(self) -> Stamp:
        """What says the file is unchanged since it was parsed: size, mtime_ns, ctime_ns."""
        return (self.size, self.mtime_ns, self.ctime_ns)


class Fragment(Record):
    """What one topic file contributes: checked records per kind (load.py; each a dict of
    its fields, "@" its line and column), and its problems."""

    path: str
    records: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # files.digest() of the bytes parsed, when they could be read: what the cache compares
    # a file with when its timestamps cannot tell (cache.py, "racily clean").
    digest: bytes | None = None


def discover(roots: Sequence[str]) -> tuple[list[TopicFile], list[Problem]]:
    """Every topic file below the roots, in sorted path order; unreadable places as problems."""
    files: list[TopicFile] = []
    problems: list[Problem] = []
    seen_roots: set[str] = set()
    seen_files: set[str] = set()
    for root in roots:
        try:
            info = os.stat(root)
        except (OSError, ValueError) as exc:
            raise CorpusError(f"cannot use corpus {_path(root)}: {_reason(exc)}") from None
        if not stat.S_ISDIR(info.st_mode):
            raise CorpusError(f"cannot use corpus {_path(root)}: not a folder")
        real_root = os.path.realpath(root)
        if real_root in seen_roots:
            continue
        seen_roots.add(real_root)
        found: list[TopicFile] = []
        _walk(root, root, real_root, real_root, {real_root}, found, problems)
        for topic_file in sorted(found, key=lambda f: f.shown):
            if topic_file.real not in seen_files:
                seen_files.add(topic_file.real)
                files.append(topic_file)
    return files, problems


def _walk(
    folder: str,
    shown: str,
    real_folder: str,
    real_root: str,
    visiting: set[str],
    found: list[TopicFile],
    problems: list[Problem],
) -> None:
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        problems.append(Problem(shown, message=f"cannot read folder: {_reason(exc)}"))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        shown_path = os.path.join(shown, entry.name)
        is_yaml = entry.name.endswith(YAML_SUFFIXES)
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if not is_dir and not is_yaml:
            continue
        try:
            # The real path of what is not a link is its name in the real folder: only links
            # are resolved (realpath checks every part of a path: 8 system calls a file here).
            real = (
                os.path.realpath(entry.path)
                if entry.is_symlink()
                else os.path.join(real_folder, entry.name)
            )
            info = os.stat(entry.path)
        except (OSError, ValueError) as exc:
            problems.append(Problem(shown_path, message=f"cannot read: {_reason(exc)}"))
            continue
        if real != real_root and not real.startswith(real_root + os.sep):
            problems.append(
                Problem(shown_path, message="links outside the corpus folder; not read")
            )
            continue
        if stat.S_ISDIR(info.st_mode):
            if real in visiting:
                continue  # a link back to a folder being walked: each file is read once
            _walk(entry.path, shown_path, real, real_root, visiting | {real}, found, problems)
        elif stat.S_ISREG(info.st_mode):
            found.append(
                TopicFile(shown_path, real, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
            )
        else:
            problems.append(Problem(shown_path, message="not a regular file; not read"))


def _path(root: str) -> str:
    # Quoted and visible, but whole up to PATH_MAX: the end of a path is what tells it apart.
    return quote(root)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror[0].lower() + exc.strerror[1:]
    return "invalid path"


def read_file(topic_file: TopicFile) -> bytes | Problem:
    """The file's bytes, or why they cannot be had (never blocks on FIFOs or devices)."""
    try:
        fd = os.open(topic_file.real, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        return Problem(topic_file.shown, message=f"cannot read: {_reason(exc)}")
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return Problem(topic_file.shown, message="not a regular file; not read")
        if info.st_size > MAX_FILE_BYTES:
            return _too_large(topic_file, info.st_size)
        chunks = []
        total = 0
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
            total += len(chunk)
            if total > MAX_FILE_BYTES:
                return _too_large(topic_file, total)
        return b"".join(chunks)
    except OSError as exc:
        return Problem(topic_file.shown, message=f"cannot read: {_reason(exc)}")
    finally:
        os.close(fd)


def digest(data: bytes) -> bytes:
    """A file's content in 16 bytes (BLAKE2b: about 1 GB/s, far quicker than parsing)."""
    import hashlib  # here: a warm run with settled files never hashes anything

    return hashlib.blake2b(data, digest_size=16).digest()


def current_digest(topic_file: TopicFile) -> bytes | None:
    """The digest of the file's bytes now, or None when they cannot be read."""
    data = read_file(topic_file)
    return None if isinstance(data, Problem) else digest(data)


def _too_large(topic_file: TopicFile, size: int) -> Problem:
    return Problem(
        topic_file.shown,
        message=f"file too large ({size:,} bytes; the limit is {MAX_FILE_BYTES:,}); split it",
    )


__all__ = [
    "MAX_FILE_BYTES",
    "YAML_SUFFIXES",
    "Stamp",
    "TopicFile",
    "current_digest",
    "digest",
    "discover",
    "read_file",
]
