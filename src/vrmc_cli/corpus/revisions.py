"""A version of the corpus for `vrmc diff`: a folder, or a git revision of the corpus folders.

A revision is read as git's raw objects, never checked out: `git ls-tree` lists the tree
below the corpus folder and `git cat-file --batch` gives the bytes of its topic files, as
they were committed. Nothing of the repository runs or rewrites them: no `git archive` (which
applies `export-ignore` and `export-subst`), no filter drivers, no textconv, no attributes.
A `.gitattributes` file committed in the revision therefore does nothing: its `filter=`,
`eol=`, `export-ignore` and `export-subst` lines are ignored, and a topic file reads as the
bytes committed.

What a revision holds is checked as a folder would be, and reported as located problems
(`REVISION:path`): a symbolic link or a submodule where a topic file or folder may be (a
folder's link would be followed on disk, but a revision has no disk to follow it on), a
name that is not UTF-8, holds a control character or is longer than a file system allows,
and a file over the size limit (its size is known before it is read). Names starting with
`.` are skipped, as `discover` skips them. A revision starting with `-` is refused before
any git command sees it, and every revision is passed after `--end-of-options`.

A revision's corpus is cached by the git tree ids of its corpus folders (which name their
content exactly), so that a repeated `vrmc diff HEAD~5` loads it instead of parsing it
again; the cache file is trusted as the corpus cache is (cache.py).
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence

from ..core.errors import CorpusError, InvalidCorpus, Problem, UsageError
from ..core.textsafe import hides, quote
from .files import MAX_FILE_BYTES, YAML_SUFFIXES, digest
from .model import Corpus

# The longest name a common file system accepts (bytes); a longer one cannot be checked out.
MAX_NAME_BYTES = 255
# How many parsed revisions the cache keeps; the oldest beyond this are removed.
KEEP_REVISIONS = 8

_BLOB_MODES = (b"100644", b"100755")
_LINK_MODE = b"120000"
_SUBMODULE_MODE = b"160000"
_YAML = tuple(suffix.encode() for suffix in YAML_SUFFIXES)


def version(spec: str, roots: Sequence[str], *, use_cache: bool = True) -> Corpus:
    """The corpus as `spec` names it: a folder (through the ordinary cache, as `-b` reads
    it), or a git revision of every corpus root."""
    if os.path.isdir(spec):
        from .roots import load_corpus

        return load_corpus([spec], use_cache=use_cache)
    return read_revision(spec, roots, use_cache=use_cache)


# --------------------------------------------------------------------------- git


def _git(
    args: Sequence[str], cwd: str, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    # No pager, no prompt, no replacement objects, no system or global configuration for
    # anything run here: only the plumbing commands below, none of which reads attributes.
    env = {
        **os.environ,
        "GIT_TERMINAL_PROMPT": "0",
        "GIT_NO_REPLACE_OBJECTS": "1",
        "GIT_PAGER": "cat",
    }
    try:
        return subprocess.run(
            ["git", "--no-pager", "-c", "core.fsmonitor=false", *args],
            cwd=cwd,
            input=stdin,
            capture_output=True,
            check=False,
            env=env,
        )
    except FileNotFoundError:
        raise CorpusError(
            "reading a revision needs the git command, which is not installed"
        ) from None


def _revision_hint(top: str, revision: str) -> str:
    from ..core.choice import did_you_mean

    found = _git(["for-each-ref", "--format=%(refname:short)"], top)
    names = found.stdout.decode("utf-8", "replace").split() if found.returncode == 0 else []
    return did_you_mean(revision, [*names, "HEAD"])


def _check_revision(revision: str) -> None:
    """Refuse, before any git command, what git would read as an option or cannot name."""
    if not revision or revision.startswith("-") or hides(revision, one_line=True):
        raise UsageError(f"{quote(revision)} is not a folder or a revision name")


def _top(root: str, revision: str) -> tuple[str, str]:
    """The top folder of the git repository holding `root`, and `root`'s path below it."""
    real = os.path.realpath(root)
    if not os.path.isdir(real):
        raise CorpusError(f"corpus folder {quote(root)} does not exist")
    run = _git(["rev-parse", "--show-toplevel"], real)
    if run.returncode != 0:
        from .roots import bundled_root

        bundled = os.path.realpath(bundled_root()) == real
        raise UsageError(
            f"{quote(revision)} is not a folder, and the corpus folder {quote(root)} is not "
            "inside a git repository, so it cannot be read as a revision"
            + (
                "; the bundled corpus of an installed vrmc has no history: compare two "
                "folders (vrmc diff OLD-FOLDER NEW-FOLDER), or run vrmc diff in a git "
                "clone of your corpus (vrmc -b CLONE/briefings diff REVISION)"
                if bundled
                else "; give a folder, or a corpus inside a git clone (-b CLONE/FOLDER)"
            )
        )
    top = os.fsdecode(run.stdout.rstrip(b"\n"))
    prefix = os.path.relpath(real, os.path.realpath(top))
    return top, "" if prefix == "." else prefix.replace(os.sep, "/")


def _commit(top: str, revision: str) -> str:
    run = _git(
        ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"], top
    )
    if run.returncode != 0:
        raise UsageError(
            f"unknown revision {quote(revision)} in the git repository at {quote(top)}"
            + _revision_hint(top, revision)
        )
    return run.stdout.decode("ascii").strip()


def _entries(top: str, tree: str) -> list[tuple[bytes, bytes, bytes, int, bytes]]:
    """(mode, type, object id, size, path) of every entry below `tree`, recursively."""
    run = _git(["ls-tree", "-r", "-z", "-l", "--end-of-options", tree], top)
    if run.returncode != 0:
        raise CorpusError(f"cannot list the git tree {tree}: {_stderr(run)}")
    out = []
    for item in run.stdout.split(b"\0"):
        if not item:
            continue
        head, _, path = item.partition(b"\t")
        mode, kind, oid, size = head.split(None, 3)
        out.append((mode, kind, oid, int(size) if size.strip().isdigit() else 0, path))
    return out


def _subtree(top: str, commit: str, prefix: str) -> str | None:
    """The id of the tree at `prefix` in `commit`, or None when there is no folder there."""
    tree = commit + "^{tree}"
    for part in prefix.split("/") if prefix else ():
        run = _git(["ls-tree", "-z", "--end-of-options", tree], top)
        if run.returncode != 0:
            return None
        wanted = os.fsencode(part)
        tree = ""
        for item in run.stdout.split(b"\0"):
            head, _, name = item.partition(b"\t")
            fields = head.split()
            if name == wanted and len(fields) == 3 and fields[1] == b"tree":
                tree = fields[2].decode("ascii")
        if not tree:
            return None
    run = _git(["rev-parse", "--verify", "--quiet", "--end-of-options", tree], top)
    return run.stdout.decode("ascii").strip() if run.returncode == 0 else None


def _stderr(run: subprocess.CompletedProcess[bytes]) -> str:
    return quote(run.stderr.decode("utf-8", "replace").strip())


def _blobs(top: str, oids: Sequence[bytes]) -> list[bytes]:
    """The raw bytes of each blob, in order, through one `git cat-file --batch`."""
    if not oids:
        return []
    run = _git(["cat-file", "--batch"], top, stdin=b"".join(oid + b"\n" for oid in oids))
    if run.returncode != 0:
        raise CorpusError(f"cannot read the revision's files: {_stderr(run)}")
    data = run.stdout
    out = []
    at = 0
    for oid in oids:
        end = data.index(b"\n", at)
        head = data[at:end].split()
        if len(head) != 3 or head[0] != oid or head[1] != b"blob":
            raise CorpusError(f"cannot read the revision's file {oid.decode('ascii')}")
        size = int(head[2])
        out.append(data[end + 1 : end + 1 + size])
        at = end + 1 + size + 1
    return out


# --------------------------------------------------------------------------- a revision


def _name_problem(name: bytes) -> str | None:
    """Why a tree entry's name cannot be a topic file's or folder's, or None."""
    for part in name.split(b"/"):
        if len(part) > MAX_NAME_BYTES:
            return f"a name longer than {MAX_NAME_BYTES} bytes; not read"
    try:
        text = name.decode("utf-8")
    except UnicodeDecodeError:
        return "a name that is not UTF-8; not read"
    if hides(text, one_line=True):
        return "a name with control or invisible characters; not read"
    return None


def _may_matter(name: bytes) -> bool:
    """Whether an entry of this name would be read on disk: a topic file, or a link or
    submodule that may be a folder (a name without a suffix)."""
    last = name.rsplit(b"/", 1)[-1]
    return last.endswith(_YAML) or b"." not in last


def read_revision(revision: str, roots: Sequence[str], *, use_cache: bool = True) -> Corpus:
    """Every corpus root as it was at `revision`; problems named `REVISION:path`."""
    from .files import Fragment
    from .link import link
    from .load import decode, parse_text

    _check_revision(revision)
    sources = []
    for root in roots:
        top, prefix = _top(root, revision)
        commit = _commit(top, revision)
        tree = _subtree(top, commit, prefix)
        if tree is None:
            raise CorpusError(f"the corpus folder {quote(root)} did not exist at {quote(revision)}")
        sources.append((top, prefix, tree))
    key = "\0".join(f"{tree}|{revision}:{prefix}" for _, prefix, tree in sources)
    if use_cache:
        cached = _cached(key)
        if cached is not None:
            return cached
    fragments: list[Fragment] = []
    problems: list[Problem] = []
    for top, prefix, tree in sources:
        wanted: list[tuple[str, bytes]] = []
        for mode, kind, oid, size, path in sorted(_entries(top, tree), key=lambda e: e[4]):
            if any(part.startswith(b".") for part in path.split(b"/")) or not _may_matter(path):
                continue
            topic = path.endswith(_YAML)
            if mode not in (_LINK_MODE, _SUBMODULE_MODE) and not topic:
                continue  # a file without a suffix: not a topic file
            shown = f"{revision}:{prefix + '/' if prefix else ''}{os.fsdecode(path)}"
            why = _name_problem(path)
            if why is not None:
                pass
            elif mode == _LINK_MODE:
                why = "a symbolic link in the revision; not read"
            elif mode == _SUBMODULE_MODE:
                why = "a submodule in the revision; not read"
            elif kind != b"blob" or mode not in _BLOB_MODES:
                why = "not a regular file; not read"
            elif size > MAX_FILE_BYTES:
                why = f"file too large ({size:,} bytes; the limit is {MAX_FILE_BYTES:,}); split it"
            if why is not None:
                problems.append(Problem(shown, message=why))
            else:
                wanted.append((shown, oid))
        for (shown, _), data in zip(wanted, _blobs(top, [oid for _, oid in wanted]), strict=True):
            text = decode(shown, data)
            if isinstance(text, Problem):
                fragments.append(Fragment(shown, problems=[text], digest=digest(data)))
                continue
            parsed = parse_text(shown, text)
            fragments.append(Fragment(parsed.path, parsed.records, parsed.problems, digest(data)))
    if not fragments and not problems:
        raise CorpusError(
            "no topic files (*.yaml, *.yml) in "
            + ", ".join(quote(r) for r in roots)
            + f" at {quote(revision)}"
        )
    corpus = link(fragments, problems)  # raises InvalidCorpus
    if use_cache:
        _store(key, corpus)
    return corpus


# --------------------------------------------------------------------------- the cache


def _cache_file(key: str) -> str | None:
    import hashlib

    from .cache import FORMAT_TAG, cache_dir, usable_dir

    folder = cache_dir()
    if folder is None or usable_dir(folder) is not None:
        return None
    name = hashlib.blake2b(f"{FORMAT_TAG}\0{key}".encode(), digest_size=16).hexdigest()
    return os.path.join(folder, f"revision-{name}.pickle")


def _cached(key: str) -> Corpus | None:
    from .cache import read_object

    path = _cache_file(key)
    if path is None:
        return None
    found = read_object(path)
    return found if isinstance(found, Corpus) else None


def _store(key: str, corpus: Corpus) -> None:
    from .cache import prune, write_object

    path = _cache_file(key)
    if path is not None:
        write_object(path, corpus)
        prune(os.path.dirname(path), "revision-", KEEP_REVISIONS)


__all__ = ["InvalidCorpus", "read_revision", "version"]
