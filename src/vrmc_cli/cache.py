"""A cache of parsed topic files, so that a second run parses only what changed.

One cache file per set of corpus roots under `$XDG_CACHE_HOME/vrmc/` (default
`~/.cache/vrmc/`), holding each topic file's checked records keyed by its path, size and
mtime_ns, and vrmc's version. Linking always runs, so the cache cannot change a result.
Any trouble (no permission, a full disk, a corrupt or foreign file) means running without
it, silently. Writes go to a temporary file that is then renamed, so a concurrent run sees
the old cache or the new one, never half of one.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import pickle
import tempfile
from collections.abc import Sequence
from typing import Any

from . import __version__
from .errors import Problem
from .link import link
from .load import Fragment, TopicFile, parse_file
from .model import Corpus

FORMAT_TAG = f"vrmc-cache-2/{__version__}"
Entries = dict[tuple[str, str], tuple[int, int, Fragment]]

# Only these classes may be rebuilt from a cache file: a planted pickle cannot run code.
_ALLOWED = {
    ("vrmc_cli.load", "Fragment"),
    ("vrmc_cli.errors", "Problem"),
    ("vrmc_cli.dates", "PartialDate"),
    ("copyreg", "_reconstructor"),
    ("builtins", "object"),
}


class _SafeUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a vrmc cache")
        return super().find_class(module, name)


def cache_dir() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "vrmc")


def cache_path(roots: Sequence[str]) -> str:
    key = "\0".join([FORMAT_TAG, *(os.path.realpath(r) + "|" + r for r in roots)])
    return os.path.join(
        cache_dir(), f"corpus-{hashlib.sha256(key.encode()).hexdigest()[:24]}.pickle"
    )


def read_entries(path: str) -> Entries:
    try:
        if os.stat(path).st_uid != os.getuid():
            return {}  # never trust a cache file someone else wrote
        with open(path, "rb") as fh:
            tag, entries = _SafeUnpickler(io.BytesIO(fh.read())).load()
        if tag != FORMAT_TAG or not isinstance(entries, dict):
            return {}
        return entries
    except Exception:
        return {}


def write_entries(path: str, entries: Entries) -> None:
    folder = os.path.dirname(path)
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=".tmp-", suffix=".pickle", dir=folder)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump((FORMAT_TAG, entries), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except Exception:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def load_with_cache(
    roots: Sequence[str], files: Sequence[TopicFile], problems: Sequence[Problem]
) -> Corpus:
    path = cache_path(roots)
    cached = read_entries(path)
    entries: Entries = {}
    fragments: list[Fragment] = []
    for topic_file in files:
        key = (topic_file.shown, topic_file.real)
        hit = cached.get(key)
        if hit is not None and hit[0] == topic_file.size and hit[1] == topic_file.mtime_ns:
            fragment = hit[2]
        else:
            fragment = parse_file(topic_file)
        entries[key] = (topic_file.size, topic_file.mtime_ns, fragment)
        fragments.append(fragment)
    if entries.keys() != cached.keys() or any(cached[k][:2] != v[:2] for k, v in entries.items()):
        write_entries(path, entries)
    return link(fragments, problems)
