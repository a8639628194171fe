"""Which folders make the corpus (-b, VRMC_BRIEFINGS, or the bundled one), and loading them."""

from __future__ import annotations

import os
from collections.abc import Sequence

from ..core.errors import InvalidCorpus
from .model import Corpus

TYPE_CHECKING = False  # typing's own flag, without importing typing at start-up
if TYPE_CHECKING:
    from .files import Fragment

ENV_BRIEFINGS = "VRMC_BRIEFINGS"


def bundled_root() -> str:
    """The bundled corpus: inside the installed package, or beside `src/` in a checkout."""
    package = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))  # vrmc_cli/
    installed = os.path.join(package, "briefings")
    if os.path.isdir(installed):
        return installed
    return os.path.join(os.path.dirname(os.path.dirname(package)), "briefings")


def corpus_roots(options: Sequence[str]) -> list[str]:
    """`-b` paths if given, else VRMC_BRIEFINGS (os.pathsep-separated), else the bundled corpus."""
    if options:
        return list(options)
    env = os.environ.get(ENV_BRIEFINGS, "")
    from_env = [part for part in env.split(os.pathsep) if part]
    return from_env or [bundled_root()]


def load_corpus(
    roots: Sequence[str],
    *,
    use_cache: bool = True,
    notes: list[str] | None = None,
    extra: Sequence[Fragment] = (),
) -> Corpus:
    """Discover, parse (or take from the cache) and link every topic file below the roots.

    `use_cache` is the caller's to decide: the command line reads --no-cache and
    VRMC_NO_CACHE in one place (runner.make_state). Why the cache could not be used, if it
    could not, is added to `notes` (shown with --debug). `extra` fragments, parsed from text
    no file holds yet, are linked with the files' own (see cache.load_with_cache)."""
    from .files import discover

    files, problems = discover(roots)
    if not files and not problems:
        from ..core.errors import CorpusError
        from ..core.textsafe import quote

        raise CorpusError("no topic files (*.yaml, *.yml) in " + ", ".join(map(quote, roots)))
    if use_cache:
        from .cache import load_with_cache

        return load_with_cache(roots, files, problems, notes, extra)
    from .link import link
    from .load import parse_all

    return link([*parse_all(files), *extra], problems)


__all__ = ["Corpus", "InvalidCorpus", "bundled_root", "corpus_roots", "load_corpus"]
