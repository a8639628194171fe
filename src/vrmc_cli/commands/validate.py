"""vrmc validate: check a corpus against the topic-file format."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.formats import DATA, DOC, ROWS, Format
from ..core.record import Record
from . import FLAG, Argument, Call, Option, Result, Spec

if TYPE_CHECKING:
    from ..core.errors import Problem

SPEC = Spec(
    "validate",
    "Check a corpus against the topic-file format: a summary, or every problem found.\n\n"
    "Problems go to stderr as path:line:column: message (with -f json, to stdout as "
    "records); the exit status is 1 when there is any. --strict adds tradecraft checks "
    '(docs/format.md "Strict checks"), reported as path:line:column: strict: message.',
    (
        "vrmc validate",
        "vrmc validate ~/my-corpus",
        "vrmc validate --strict",
        "vrmc validate -f json",
    ),
    options=(
        Option(
            "strict",
            ("--strict",),
            FLAG,
            "Also run the tradecraft checks: disputed figures stated flatly, judgments on "
            "weak sources, a stale as_of, events dated after their sources.",
        ),
    ),
    arguments=(
        Argument(
            "paths",
            "[PATH]...",
            "Corpus folders to check (default: the corpus in use).",
            required=False,
            many=True,
        ),
    ),
    filters=False,
    gives=frozenset({DOC, DATA, ROWS}),
)


class Params(Record, frozen=True):
    """What `run` reads of the command line (commands.read_params), typed."""

    paths: list[str] | None
    strict: bool
    fmt: Format | None


# What a summary counts, in order: (JSON key, noun, plural).
COUNTED = (
    ("files", "file", "files"),
    ("briefings", "briefing", "briefings"),
    ("points", "point", "points"),
    ("events", "event", "events"),
    ("actors", "actor", "actors"),
    ("relations", "relation", "relations"),
    ("transfers", "transfer", "transfers"),
    ("scenarios", "scenario", "scenarios"),
    ("themes", "theme", "themes"),
    ("countries", "country", "countries"),
    ("sources", "source", "sources"),
    ("places", "place", "places"),  # in the line only when the corpus has any
)


def run(call: Call) -> Result:
    from ..core.doc import Doc, Para, plain
    from ..core.errors import InvalidCorpus, StrictProblems
    from ..corpus.model import Corpus
    from ..views.base import plural

    params = call.read(Params)
    paths = params.paths
    try:
        corpus = call.load(paths) if paths else call.corpus()
        if params.strict:
            found_problems = strict_problems(list(paths) if paths else list(call.roots()))
            if found_problems:
                raise StrictProblems(found_problems)
    except InvalidCorpus as exc:
        if params.fmt not in ("json", "csv"):
            raise  # reported on stderr, one line per problem, as for every command
        problems = exc.problems
        return Result(
            {"problems": problems},
            lambda: Doc("Problems", ()),
            lambda: {
                "valid": False,
                "problems": [
                    {"path": p.path, "line": p.line, "column": p.column, "message": p.message}
                    for p in problems
                ],
            },
            ("path", "line", "column", "message"),
            lambda: [[p.path, p.line, p.column, p.message] for p in problems],
            notes=(f"{exc.what}: {exc}",),
            status=1,
        )

    def counts(c: Corpus) -> dict[str, int]:
        return {
            "files": c.files,
            "briefings": len(c.briefings),
            "points": sum(len(s.points) for b in c.briefings for s in b.sections),
            "events": len(c.events),
            "actors": len(c.actors),
            "relations": len(c.relations),
            "transfers": len(c.transfers),
            "scenarios": len(c.scenarios),
            "themes": len(c.themes),
            "countries": len(c.countries),
            "sources": len(c.sources),
            "places": len(c.places),
        }

    found = counts(corpus)
    shown = [(k, one, many) for k, one, many in COUNTED if k != "places" or found[k]]
    line = "ok: " + ", ".join(plural(found[key], one, many) for key, one, many in shown)
    return Result(
        {},
        lambda: Doc("Validation", (Para(plain(line)),)),
        lambda: {"valid": True, "counts": found, "problems": []},
        ("path", "line", "column", "message"),
        lambda: [],
    )


def strict_problems(roots: list[str]) -> list[Problem]:
    """The tradecraft problems of a corpus already known to be valid: its files are read
    again, without the cache, for the positions of their entries."""
    from ..corpus.files import discover
    from ..corpus.load import parse_all
    from ..corpus.strict import check

    files, _ = discover(roots)
    return check(list(parse_all(files)))
