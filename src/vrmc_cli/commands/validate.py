"""vrmc validate: check a corpus against the topic-file format."""

from __future__ import annotations

from . import Argument, Call, Result, Spec

SPEC = Spec(
    "validate",
    "Check a corpus against the topic-file format: a summary, or every problem found.\n\n"
    "Problems go to stderr as path:line:column: message (with -f json, to stdout as "
    "records); the exit status is 1 when there is any.",
    ("vrmc validate", "vrmc validate ~/my-corpus", "vrmc validate -f json"),
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
)

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
)


def run(call: Call) -> Result:
    from ..doc import Doc, Para, plain
    from ..errors import InvalidCorpus
    from ..model import Corpus
    from ..views import plural

    paths = call.params["paths"]
    try:
        corpus = call.load(paths) if paths else call.corpus()
    except InvalidCorpus as exc:
        if call.params["fmt"] not in ("json", "csv"):
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
            notes=(f"invalid corpus: {exc}",),
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
        }

    found = counts(corpus)
    line = "ok: " + ", ".join(plural(found[key], one, many) for key, one, many in COUNTED)
    return Result(
        {},
        lambda: Doc("Validation", (Para(plain(line)),)),
        lambda: {"valid": True, "counts": found, "problems": []},
        ("path", "line", "column", "message"),
        lambda: [],
    )
