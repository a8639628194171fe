"""vrmc init: start a corpus: a small, commented example of every common entry kind."""

from __future__ import annotations

from ..core.formats import DATA, DOC, ROWS
from ..core.record import Record
from . import Argument, Call, Result, Spec

SPEC = Spec(
    "init",
    "Start a new corpus in DIR: a topic, a theme, a country, an actor, an event, a source "
    "and a briefing, commented, with the JSON Schema for editors.\n\nDIR must be empty or "
    "not exist yet. Then edit the files and run 'vrmc -b DIR validate' and "
    "'vrmc -b DIR brief'.",
    ("vrmc init my-corpus", "vrmc init my-corpus && vrmc -b my-corpus brief"),
    arguments=(Argument("directory", "DIR", "The folder to create (empty or new)."),),
    filters=False,
    gives=frozenset({DOC, DATA, ROWS}),
)


class Params(Record, frozen=True):
    """What `run` reads of the command line (commands.read_params), typed."""

    directory: str


SCHEMA_FILE = "topic-file.schema.json"
MODELINE = f"# yaml-language-server: $schema=./{SCHEMA_FILE}\n"

# The example corpus: invented names (country code XA is in ISO 3166's user-assigned range,
# so it names no real country).
FILES: dict[str, str] = {
    "topic.yaml": """\
# The topic: what the whole corpus is about. Exactly one file in a corpus has it.
# Every file starts with `version: 1`; keys starting with `x-` are yours (vrmc ignores them).
version: 1
topic:
  title: Example topic
  subtitle: Replace these files with your own
  summary: >-
    One paragraph on what this corpus covers and why. Folded text (>-) joins
    these lines into one paragraph.
  as_of: "2025-01"   # the date the corpus is current to: YYYY, YYYY-MM or YYYY-MM-DD
""",
    "themes.yaml": """\
# Themes: the subjects items are tagged with. A theme may have a `parent` to form a tree;
# filtering by a theme (--theme) keeps everything below it too.
version: 1
themes:
  - id: example-theme          # lowercase kebab-case; other entries refer to it by id
    title: Example theme
    description: What belongs under this theme.
""",
    "countries.yaml": """\
# Countries, by ISO 3166-1 alpha-2 code; --country matches the code, name or an alias.
version: 1
countries:
  - code: XA                   # XA is reserved for private use: replace it with a real code
    name: Exampleland
    aliases: [Example Republic]
    region: Nowhere
""",
    "sources.yaml": """\
# Sources: what the items cite. Reliability A (completely reliable) to F (cannot be judged).
version: 1
sources:
  - id: example-source
    title: An example report
    publisher: Example Publisher
    url: https://example.org/report
    published: "2024-11-05"
    kind: report
    reliability: B
""",
    "actors.yaml": """\
# Actors: people, states and organisations. kind is one of person, state, organization,
# company, military, international-body.
version: 1
actors:
  - id: example-minister
    name: Ana Example
    kind: person
    country: XA                # a country code from countries.yaml
    roles:
      - title: Minister of examples
        from: 2020
    summary: Who this actor is, in a sentence or two.
    themes: [example-theme]
    sources: [example-source]
""",
    "events.yaml": """\
# Events: dated, at the precision known (2024, 2024-11 or 2024-11-05); `end` for a span,
# `circa: true` when the date is approximate.
version: 1
events:
  - id: example-event
    date: 2024-11
    end: "2024-12-15"
    title: Something happened
    summary: What happened, who did it and why it matters.
    themes: [example-theme]    # at least one
    countries: [XA]
    actors: [example-minister]
    sources: [example-source]
    confidence: moderate       # low, moderate or high
""",
    "briefings.yaml": """\
# Briefings: the analysis. Key judgments carry a likelihood and a confidence; sections hold
# points, each a text or a mapping with the text and its tags.
version: 1
briefings:
  - id: example-briefing
    title: Example briefing
    summary: The bottom line, in two or three sentences.
    themes: [example-theme]
    key_judgments:
      - text: What you judge likely, and on what basis.
        likelihood: likely     # almost-no-chance ... almost-certain (ICD 203)
        confidence: moderate
        basis: [example-event] # the events it rests on
    sections:
      - heading: Background
        points:
          - A point is plain text,
          - text: or a mapping with tags and sources.
            actors: [example-minister]
            sources: [example-source]
""",
}


def run(call: Call) -> Result:
    import json
    import os

    params = call.read(Params)
    from ..core.doc import Doc, Para, plain
    from ..core.errors import UsageError
    from ..core.textsafe import quote
    from ..corpus.schema import topic_file_schema

    folder = str(params.directory)
    if os.path.lexists(folder):
        if not os.path.isdir(folder):
            raise UsageError(f"{quote(folder, 4096)} exists and is not a folder")
        if os.listdir(folder):
            raise UsageError(
                f"{quote(folder, 4096)} is not empty; vrmc init starts a corpus in a new folder"
            )
    schema = json.dumps(topic_file_schema(), ensure_ascii=True, indent=2) + "\n"
    files = {**{name: MODELINE + text for name, text in FILES.items()}, SCHEMA_FILE: schema}
    write_all(folder, files)
    written = list(files)
    line = (
        f"Wrote {len(written)} files to {folder}: {', '.join(written)}. "
        f"Next: vrmc -b {folder} validate; vrmc -b {folder} brief"
    )
    return Result(
        {},
        lambda: Doc("A new corpus", (Para(plain(line)),)),
        lambda: {"directory": folder, "files": written},
        ("file",),
        lambda: [[name] for name in written],
    )


def write_all(folder: str, files: dict[str, str]) -> None:
    """Make `folder` (new, or an empty folder) hold exactly `files`, or leave it as it was.

    The files are written into a new folder beside it, which is then renamed to `folder`
    (replacing an empty folder, or the empty folder a link names): a full disk or an error
    half-way leaves no file behind. A full disk or an I/O error is a WriteError with exit
    status 74."""
    import os
    import shutil
    import tempfile

    from ..core.errors import WriteError
    from ..core.textsafe import quote

    target = os.path.realpath(folder) if os.path.lexists(folder) else os.path.abspath(folder)
    staging = None

    def failed(exc: OSError) -> WriteError:
        where = str(exc.filename or target)
        if staging is not None and where.startswith(staging):
            where = folder + where[len(staging) :]
        reason = exc.strerror or str(exc)
        return WriteError(f"cannot write {quote(where, 4096)}: {reason}", exc.errno)

    try:
        parent = os.path.dirname(target)
        os.makedirs(parent, exist_ok=True)
        staging = tempfile.mkdtemp(prefix=".vrmc-init-", dir=parent)
        for name, text in files.items():
            with open(os.path.join(staging, name), "x", encoding="utf-8", newline="\n") as out:
                out.write(text)
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(staging, 0o777 & ~mask)  # as mkdir would have made it, not mkdtemp's 0700
        os.rename(staging, target)  # replaces an empty folder, all at once
    except OSError as exc:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        raise failed(exc) from None
