"""vrmc import: another tool's data as a new topic file, for a person to review."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.formats import DATA, DOC, ROWS
from ..core.record import Record
from . import FLAG, TEXT, TEXTS, Argument, Call, Option, Result, Spec

if TYPE_CHECKING:
    from ..corpus.model import Corpus
    from ..importers import Context, Draft

FORMATS = ("timelinejs", "stix", "misp-galaxy", "csv")

SPEC = Spec(
    "import",
    "Read another tool's file into a new topic file: TimelineJS sheets (CSV or JSON), STIX "
    "2.1 bundles, MISP galaxy clusters, spreadsheets of events.\n\n"
    "FORMAT is timelinejs, stix, misp-galaxy or csv. The entries land in one new file, "
    "DIR/imported-NAME.yaml (DIR: --into, default a new folder named after FILE); no existing "
    "file is touched. Likely duplicates of the corpus in DIR are reported, not added. "
    "--dry-run prints the file instead of writing it. docs/import.md has a worked example "
    "of each format.",
    (
        "vrmc import timelinejs sheet.csv --into my-corpus",
        "vrmc import stix bundle.json --into my-corpus --dry-run",
        "vrmc import misp-galaxy intelligence-agencies.json --into my-corpus",
        "vrmc import csv events.csv --layout acled --into my-corpus",
        "vrmc import csv events.csv --map date=day,title=what --into my-corpus",
    ),
    options=(
        Option(
            "into",
            ("--into",),
            TEXT,
            "The corpus folder to add to (created when missing). Default: a new folder "
            "named after FILE.",
            metavar="DIR",
        ),
        Option("dry_run", ("--dry-run",), FLAG, "Print the topic file; write nothing."),
        Option(
            "map",
            ("--map",),
            TEXTS,
            "csv: FIELD=COLUMN pairs (comma-separated, repeatable), or a YAML file of them; "
            "a value with {column} braces is a template.",
            metavar="MAP",
        ),
        Option(
            "layout",
            ("--layout",),
            TEXT,
            "csv: a named column layout (acled) instead of --map.",
            metavar="NAME",
        ),
        Option(
            "checked",
            ("--checked",),
            FLAG,
            "csv: land rows as checked events, not as leads (status: lead) to promote.",
        ),
    ),
    arguments=(
        Argument(
            "import_format",
            "FORMAT",
            "timelinejs, stix, misp-galaxy or csv.",
            choices=FORMATS,
            noun="import format",
        ),
        Argument("file", "FILE", "The file to import."),
    ),
    filters=False,
    gives=frozenset({DOC, DATA, ROWS}),  # --dry-run: the topic file, whatever --format
)


class Params(Record, frozen=True):
    """What `run` reads of the command line (commands.read_params), typed."""

    import_format: str
    file: str
    into: str | None
    dry_run: bool
    map: list[str] | None
    layout: str | None
    checked: bool


NOUNS = {
    "themes": ("theme", "themes"),
    "countries": ("country", "countries"),
    "actors": ("actor", "actors"),
    "events": ("event", "events"),
    "sources": ("source", "sources"),
    "relations": ("relation", "relations"),
    "transfers": ("transfer", "transfers"),
}


def _context(corpus: Corpus | None) -> Context:
    from ..core.textsafe import fold
    from ..importers import Context, Ids

    if corpus is None:
        return Context(Ids(), {}, {}, {})
    taken = {
        "themes": [t.id for t in corpus.themes],
        "actors": [a.id for a in corpus.actors],
        "events": [e.id for e in corpus.events],
        "sources": [s.id for s in corpus.sources],
        "transfers": [t.id for t in corpus.transfers],
    }
    urls = {s.url: s.id for s in corpus.sources if s.url}
    countries: dict[str, str] = {}
    for country in corpus.countries:
        for name in (country.code, country.name, *country.aliases):
            countries.setdefault(fold(name), country.code)
    actors: dict[str, str] = {}
    for actor in corpus.actors:
        for name in (actor.name, *actor.aliases):
            actors.setdefault(fold(name), actor.id)
    known = {k: frozenset(v) for k, v in taken.items()}
    known["countries"] = frozenset(c.code for c in corpus.countries)
    known["places"] = frozenset(p.id for p in corpus.places)
    return Context(Ids(taken), urls, countries, actors, corpus.topic is not None, known)


def _read(fmt: str, path: str, data: bytes, context: Context, params: Params) -> Draft:
    if fmt == "timelinejs":
        from ..importers import timelinejs

        if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
            return timelinejs.read_json(path, data, context)
        return timelinejs.read_csv(path, data, context)
    if fmt == "stix":
        from ..importers import stix

        return stix.read(path, data, context)
    if fmt == "misp-galaxy":
        from ..importers import misp

        return misp.read(path, data, context)
    from ..importers import table

    columns = table.column_map(params.map or (), params.layout)
    return table.read(path, data, context, columns, lead=not params.checked)


def _words(counted: list[tuple[str, int]]) -> str:
    parts = [f"{n} {NOUNS[k][0] if n == 1 else NOUNS[k][1]}" for k, n in counted]
    return ", ".join(parts) if parts else "nothing"


def run(call: Call) -> Result:
    import os

    params = call.read(Params)
    from ..core.doc import Doc, Para, plain
    from ..core.errors import UsageError, VrmcError
    from ..core.textsafe import quote
    from ..importers import write

    fmt = params.import_format  # one of FORMATS (commands.checked)
    path = str(params.file)
    if fmt != "csv" and (params.map or params.layout):
        raise UsageError("--map and --layout are for vrmc import csv")
    try:
        with open(path, "rb") as handle:
            data = handle.read(16 * 1024 * 1024 + 1)
    except OSError as exc:
        raise VrmcError(f"cannot read {quote(path)}: {exc.strerror or exc}") from None
    stem = os.path.splitext(os.path.basename(path))[0]
    into = str(params.into or stem)
    corpus = _existing(call, into)
    context = _context(corpus)
    draft = _read(fmt, path, data, context, params)
    duplicates = write.settle(draft, corpus)
    notes = list(draft.notes or ())
    from ..importers import slug

    name = f"imported-{slug(stem) or 'data'}.yaml"
    target = os.path.join(into, name)
    header = [
        f"Imported by vrmc import {fmt} from {os.path.basename(path)}.",
        "Review every entry against its sources before relying on it (docs/import.md).",
    ]
    notes += [f"likely duplicate, not added: {d}" for d in duplicates]
    text = write.to_yaml(draft, header, notes)
    _check(call, target, text, into if corpus is not None else None)
    counted = write.counts(draft)
    summary = _words(counted)
    if params.dry_run:
        return Result(
            {},
            lambda: Doc("Import", (Para(plain(text)),)),
            lambda: {"file": target, "added": dict(counted), "duplicates": duplicates},
            notes=tuple(notes),
            file=lambda: text.encode("utf-8"),
        )
    if not counted and draft.topic is None:
        raise VrmcError(
            f"nothing to import from {quote(path)}: every entry is already in the corpus "
            f"({len(duplicates)} likely duplicates)"
        )
    _write_new(target, text)
    line = f"Wrote {target}: {summary}."
    if duplicates:
        line += f" {len(duplicates)} likely duplicates not added (listed at the end of the file)."
    line += f" Review it, then: vrmc -b {into} validate"
    return Result(
        {},
        lambda: Doc("Import", (Para(plain(line)),)),
        lambda: {"file": target, "added": dict(counted), "duplicates": duplicates},
        ("file", "kind", "added"),
        lambda: [[target, k, n] for k, n in counted],
        notes=tuple(notes),
    )


def _existing(call: Call, into: str) -> Corpus | None:
    """The corpus already in DIR, or None when DIR is new or holds no topic file."""
    import os

    from ..core.errors import UsageError
    from ..core.textsafe import quote

    if not os.path.exists(into):
        return None
    if not os.path.isdir(into):
        raise UsageError(f"--into {quote(into)} is not a folder")
    from ..corpus.files import discover

    files, problems = discover([into])
    if not files and not problems:
        return None
    return call.load([into])


def _check(call: Call, target: str, text: str, into: str | None) -> None:
    """The new file as the loader reads it, beside the corpus it joins: any problem is
    reported as the import's, and nothing is written. The corpus's files come through the
    cache, as `_existing` read them: they are not parsed a second time."""
    from ..corpus.load import parse_text

    fragment = parse_text(target, text)
    if into is None:
        from ..corpus.link import link

        link([fragment], [])
        return
    from ..corpus.roots import load_corpus

    load_corpus([into], use_cache=call.use_cache, extra=[fragment])


def _write_new(target: str, text: str) -> None:
    """Create `target` (never replacing a file) with all its bytes, or leave nothing."""
    import os

    from ..core.errors import ExitStatus, VrmcError
    from ..core.textsafe import quote

    folder = os.path.dirname(target) or "."
    data = text.encode("utf-8")
    try:
        os.makedirs(folder, exist_ok=True)
        fd = os.open(
            target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644
        )
    except FileExistsError:
        raise VrmcError(
            f"{quote(target)} exists: vrmc import never replaces a file; move it away or "
            "import --into another folder"
        ) from None
    except OSError as exc:
        raise VrmcError(f"cannot write {quote(target)}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
    except OSError as exc:
        os.unlink(target)
        error = VrmcError(f"cannot write {quote(target)}: {exc.strerror or exc}")
        error.status = ExitStatus.IO_ERROR
        raise error from None
