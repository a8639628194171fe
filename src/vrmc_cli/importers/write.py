"""A draft joined to a corpus: duplicates set aside, references mapped, written as YAML.

`settle` compares the draft with the corpus it joins and keeps only what is new: an actor
whose name or alias the corpus already has, an event of the same date (at its precision)
with a similar title, a theme of the same title, a country of the same code and a relation
already drawn are reported as likely duplicates and not added, and what referred to them
refers to the corpus's entry instead. `to_yaml` writes the rest as one topic file.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..core.textsafe import fold, visible
from ..corpus.kinds import KIND, LIST_KEYS, references
from . import Draft, Entry, names_of, sequence, similar, squash

if TYPE_CHECKING:
    from ..corpus.model import Corpus


def settle(draft: Draft, corpus: Corpus | None) -> list[str]:
    """Drop the draft's likely duplicates of the corpus, in place; say which, and why."""
    if corpus is None:
        return []
    found: list[str] = []
    mapped: dict[str, dict[str, str]] = {}

    def drop(kind: str, entry: Entry, existing: str, why: str) -> None:
        key = "code" if kind == "countries" else "id"
        if key in entry:
            mapped.setdefault(kind, {})[str(entry[key])] = existing
        found.append(why)

    kept: dict[str, list[Entry]] = {}
    themes_by_title = {fold(squash(t.title)): t.id for t in corpus.themes}
    for entry in draft.entries.get("themes", []):
        existing = themes_by_title.get(fold(squash(str(entry.get("title", "")))))
        if existing is not None:
            drop(
                "themes", entry, existing, f"theme {entry['title']!r} is the corpus's {existing!r}"
            )
        else:
            kept.setdefault("themes", []).append(entry)
    codes = {c.code for c in corpus.countries}
    for entry in draft.entries.get("countries", []):
        if entry.get("code") in codes:
            mapped.setdefault("countries", {})[entry["code"]] = entry["code"]
        else:
            kept.setdefault("countries", []).append(entry)
    by_name: dict[str, str] = {}
    for actor in corpus.actors:
        for name in (actor.name, *actor.aliases):
            by_name.setdefault(fold(squash(name)), actor.id)
    for entry in draft.entries.get("actors", []):
        match = next((by_name[n] for n in sorted(names_of(entry)) if n in by_name), None)
        if match is not None:
            drop(
                "actors", entry, match, f"actor {entry['name']!r} is likely the corpus's {match!r}"
            )
        else:
            kept.setdefault("actors", []).append(entry)
    by_date: dict[str, list[tuple[str, str]]] = {}
    for event in corpus.events:
        by_date.setdefault(str(event.date), []).append((event.id, event.title))
    for entry in draft.entries.get("events", []):
        same_day = by_date.get(str(entry.get("date")), [])
        match = next((i for i, t in same_day if similar(t, str(entry.get("title", "")))), None)
        if match is not None:
            drop(
                "events",
                entry,
                match,
                f"event {entry['title']!r} ({entry['date']}) is likely the corpus's {match!r}",
            )
        else:
            kept.setdefault("events", []).append(entry)
    for kind in ("sources", "transfers"):
        if draft.entries.get(kind):
            kept[kind] = list(draft.entries[kind])
    # Relations last: their ends may have been mapped to the corpus's actors.
    drawn = {
        (r.source.id, r.kind, r.target.id, str(r.since), str(r.until)) for r in corpus.relations
    }
    for entry in draft.entries.get("relations", []):
        ends = mapped.get("actors", {})
        key = (
            ends.get(entry["from"], entry["from"]),
            entry["kind"],
            ends.get(entry["to"], entry["to"]),
            str(entry.get("since")),
            str(entry.get("until")),
        )
        if key in drawn:
            found.append(f"relation {key[0]} {key[1]} {key[2]} is already in the corpus")
        else:
            kept.setdefault("relations", []).append(entry)
    for kind, entries in kept.items():
        for entry in entries:
            _remap(entry, references(KIND[kind]), mapped)
    draft.entries = kept
    return found


def _remap(entry: Entry, refs: dict[str, str], mapped: dict[str, dict[str, str]]) -> None:
    for field, target in refs.items():
        table = mapped.get(target)
        if not table or field not in entry:
            continue
        value = entry[field]
        if isinstance(value, list):
            entry[field] = list(dict.fromkeys(table.get(v, v) for v in value))
        else:
            entry[field] = table.get(value, value)


def to_yaml(draft: Draft, header: Sequence[str], notes: Sequence[str]) -> str:
    """One topic file: a comment header, `version: 1`, the topic and each kind in format
    order, then the notes as comments for the reviewer."""
    import yaml

    document: dict[str, Any] = {"version": 1}
    if draft.topic is not None:
        document["topic"] = draft.topic
    for key in LIST_KEYS:
        if draft.entries.get(key):
            document[key] = draft.entries[key]

    # libyaml's emitter when PyYAML has it (ten times quicker on a large import); the same
    # bytes as the pure-Python one (tests/test_import.py compares them).
    base = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

    class _Dumper(base):  # type: ignore[valid-type,misc]
        def ignore_aliases(self, data: Any) -> bool:
            return True  # the loader refuses anchors and aliases: write every value out

    body = yaml.dump(
        document,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=92,
        default_flow_style=False,
    )
    lines = [f"# {visible(h, one_line=True)}" for h in header]
    if notes:
        tail = ["", "# Notes from the import (what the input held that needs a reviewer):"]
        tail += [f"# - {visible(n, one_line=True)}" for n in notes]
    else:
        tail = []
    return "\n".join([*lines, body.rstrip("\n"), *tail]) + "\n"


def counts(draft: Draft) -> list[tuple[str, int]]:

    return [(k, len(sequence(draft.entries.get(k)))) for k in LIST_KEYS if draft.entries.get(k)]
