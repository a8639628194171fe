"""Join the fragments of a corpus: unique ids, resolved references, theme tree, the model."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from ..core.errors import InvalidCorpus, Problem, unreadable
from ..core.textsafe import quote
from .fields import Builder, Record, Ref
from .files import Fragment
from .kinds import KEYED, KIND, KINDS, Kind, references
from .load import closest
from .model import Corpus

ID_KINDS = tuple(k.name for k in KEYED if k.key == "id")
NOUNS = {k.name: k.noun for k in KINDS}
# Which kind each reference field points at, per kind of record (kinds.py declares them).
REF_FIELDS: dict[str, dict[str, str]] = {k.name: refs for k in KINDS if (refs := references(k))}

Located = tuple[str, Record]  # (file path as shown, record)
# How many known ids the "did you mean" hints of one run may compare an unknown one with:
# thousands of misspelt references to thousands of actors (after a rename) must not take
# minutes. Past the budget the problems are still all reported, without hints.
HINT_BUDGET = 200_000


class _Linker:
    def __init__(self, fragments: Sequence[Fragment], problems: Sequence[Problem]) -> None:
        self.problems: list[Problem] = [*problems, *(p for f in fragments for p in f.problems)]
        self.records: dict[str, list[Located]] = {}
        self.place: dict[int, str] = {}  # id(record) -> `events[3]`: its path in its file
        for fragment in fragments:
            for kind, records in fragment.records.items():
                bucket = self.records.setdefault(kind, [])
                bucket.extend((fragment.path, r) for r in records)
                for n, r in enumerate(records):
                    self.place[id(r)] = f"{kind}[{n}]" if kind != "topic" else "topic"
        # Files that could not be read or parsed: an id defined there is unknown to the rest,
        # and a reference to it is a knock-on problem, said so.
        broken = sorted({p.path for p in self.problems if unreadable(p)})
        self.knock_on = (
            f" (perhaps defined in {', '.join(broken)}, which could not be read: fix that first)"
            if broken
            else ""
        )
        self.index: dict[str, dict[str, Located]] = {}
        self.files = len(fragments)
        self.hints: dict[tuple[str, str], str] = {}
        self.sorted_ids: dict[str, list[str]] = {}  # per kind, for the hints
        self.hint_budget = HINT_BUDGET

    def problem(self, path: str, where: tuple[int, int], message: str) -> None:
        self.problems.append(Problem(path, where[0], where[1], message))

    # -- checks ----------------------------------------------------------------------------

    def check_unique(self) -> None:
        topics = self.records.get("topic", [])
        for path, record in topics[1:]:
            first_path, first = topics[0]
            self.problem(
                path,
                record["@"],
                f"a corpus has at most one topic; the first is at {first_path}:{first['@'][0]}",
            )
        for keyed in KEYED:
            kind, key = keyed.name, keyed.key or ""
            located = self.records.get(kind, [])
            self.index[kind] = self.unique(kind, key, located)

    def hint(self, target: str, ref_id: str) -> str:
        """` (did you mean 'x'?)` for an unknown id, while the budget lasts."""
        known = self.index[target]
        key = (target, ref_id)
        if key not in self.hints:
            if self.hint_budget < len(known):
                return ""
            self.hint_budget -= len(known)
            if target not in self.sorted_ids:
                self.sorted_ids[target] = sorted(known)
            self.hints[key] = closest(ref_id, self.sorted_ids[target])
        return self.hints[key]

    def check_refs(
        self, kind: str, located: Sequence[Located], prefixes: Sequence[str] | None = None
    ) -> None:
        """Report every reference of these records (all of one kind) to an unknown id, each
        at its whole field path (`briefings[0].sections[1].points[2].sources`): `prefixes`
        gives each record's, else its place in its file."""
        for field, target in REF_FIELDS[kind].items():
            known = self.index[target]
            for n, (path, record) in enumerate(located):
                value = record.get(field)
                if not value:
                    continue
                # A single reference is one (id, line, column); a list is a tuple of them.
                refs: tuple[Ref, ...] = (value,) if type(value[0]) is str else value
                prefix = prefixes[n] if prefixes is not None else self.place[id(record)]
                for at, (ref_id, line, column) in enumerate(refs):
                    if ref_id not in known:
                        where = f"{prefix}.{field}" + (f"[{at}]" if refs is value else "")
                        self.problem(
                            path,
                            (line, column),
                            f"{where}: unknown {NOUNS[target]} {quote(ref_id)}"
                            f"{self.hint(target, ref_id)}{self.knock_on}",
                        )

    def check_all_refs(self) -> None:
        for kind in REF_FIELDS:
            located = self.records.get(kind)
            if located:
                self.check_refs(kind, located)
        briefings = self.records.get("briefings", [])
        judgments = [
            (p, j, f"{self.place[id(r)]}.key_judgments[{n}]")
            for p, r in briefings
            for n, j in enumerate(r.get("key_judgments", ()))
        ]
        points = [
            (p, point, f"{self.place[id(r)]}.sections[{s}].points[{n}]")
            for p, r in briefings
            for s, section in enumerate(r.get("sections", ()))
            for n, point in enumerate(section.get("points", ()))
        ]
        self.check_refs("judgment", [(p, j) for p, j, _ in judgments], [w for *_, w in judgments])
        self.check_refs("point", [(p, j) for p, j, _ in points], [w for *_, w in points])
        events = self.records.get("events", [])
        signals = [
            (p, s, f"{self.place[id(r)]}.signals[{n}]")
            for p, r in events
            for n, s in enumerate(r.get("signals", ()))
        ]
        self.check_refs("signal", [(p, s) for p, s, _ in signals], [w for *_, w in signals])
        self.check_ratings(
            [(p, r, self.place[id(r)]) for p, r in events] + [(p, r, w) for p, r, w in points]
        )

    def index_indicators(self) -> None:
        """Scenario indicators with an id: unique across the corpus, as events refer to them."""
        indicators = [
            (path, indicator)
            for path, scenario in self.records.get("scenarios", [])
            for indicator in scenario.get("indicators", ())
        ]
        self.index["indicator"] = self.unique("indicator", "id", indicators)

    def unique(self, kind: str, key: str, located: Sequence[Located]) -> dict[str, Located]:
        """The records by `key`, reporting each one whose key an earlier one has."""
        seen: dict[str, Located] = {}
        for path, record in located:
            value = record.get(key)
            if value is None:
                continue
            if value in seen:
                first_path, first = seen[value]
                self.problem(
                    path,
                    record["@"],
                    f"duplicate {NOUNS[kind]} {key} {value!r} "
                    f"(first defined at {first_path}:{first['@'][0]})",
                )
            else:
                seen[value] = (path, record)
        return seen

    def check_ratings(self, located: Sequence[tuple[str, Record, str]]) -> None:
        """Report every `consistency` rating of a hypothesis that is not defined."""
        known = self.index.get("hypotheses", {})
        for path, record, where in located:
            for hypothesis, line, column, *_ in record.get("consistency", ()):
                if hypothesis not in known:
                    self.problem(
                        path,
                        (line, column),
                        f"{where}.consistency: unknown hypothesis {quote(hypothesis)}"
                        f"{self.hint('hypotheses', hypothesis)}{self.knock_on}",
                    )

    def check_theme_cycles(self) -> None:
        self.check_cycles("themes", "parent", "themes form a cycle")
        self.check_cycles("sources", "via", "sources copy each other in a cycle (via)")

    def check_cycles(self, kind: str, field: str, what: str) -> None:
        """Report each cycle of `field` references among entries of `kind` (a theme's
        parent, a source's via)."""
        entries = self.index[kind]
        reported: set[str] = set()
        # Entries whose chain is known (it ends at a root or in a cycle): a walk stops at
        # them, so the check is linear however long the chains.
        settled: set[str] = set()
        for entry_id, (_, record) in entries.items():
            chain = [entry_id]
            on_chain = {entry_id}
            current = record
            while (parent := current.get(field)) is not None:
                parent_id = parent[0]
                if parent_id not in entries or parent_id in settled:
                    break
                if parent_id in on_chain:
                    cycle = chain[chain.index(parent_id) :]
                    if not reported.intersection(cycle):
                        reported.update(cycle)
                        loop = " → ".join([*cycle, parent_id])
                        # Reported at the entry where the cycle starts, not where the walk
                        # began (an entry below the cycle, maybe in another file).
                        at_path, at = entries[parent_id]
                        self.problem(at_path, at["@"], f"{what}: {loop}")
                    break
                chain.append(parent_id)
                on_chain.add(parent_id)
                current = entries[parent_id][1]
            settled.update(chain)

    # -- building --------------------------------------------------------------------------

    def build(self) -> Corpus:
        tables: dict[str, dict[str, Any]] = {}
        built: dict[str, list[Any]] = {}
        # Kinds in the order their references need them; a theme's parent before the theme.
        for name in ("sources", "countries", "places", "themes", "actors", "events", "briefings"):
            kind = KIND[name]
            records = [r for _, r in self.records.get(name, [])]
            if name in FIRST:  # a theme's parent, a source's via, built before it
                records = _parents_first(records, FIRST[name])
            table = tables.setdefault(name, {})
            entries = built.setdefault(name, [])
            for r in records:
                entry = _Builder.make(kind, r, tables, ())
                table[r[kind.key or "id"]] = entry
                entries.append(entry)
        for name in ("relations", "transfers", "scenarios"):
            kind = KIND[name]
            built[name] = [
                _Builder.make(kind, r, tables, ()) for _, r in self.records.get(name, [])
            ]
        # ACH: a hypothesis names its question and, optionally, a scenario.
        tables["scenarios"] = {s.id: s for s in built["scenarios"]}
        for name in ("questions", "hypotheses"):
            kind = KIND[name]
            built[name] = [
                _Builder.make(kind, r, tables, ()) for _, r in self.records.get(name, [])
            ]
            tables[name] = {e.id: e for e in built[name]}
        topic_records = self.records.get("topic", [])
        topic = (
            _Builder.make(KIND["topic"], topic_records[0][1], tables, ()) if topic_records else None
        )
        themes = tables.get("themes", {})
        theme_order = [r["id"] for _, r in self.records.get("themes", [])]
        actors = tables.get("actors", {})
        events = tables.get("events", {})
        sources = tables.get("sources", {})
        return Corpus(
            topic=topic,
            themes=tuple(themes[i] for i in theme_order),
            countries=tuple(built["countries"]),
            actors=tuple(sorted(actors.values(), key=lambda a: a.id)),
            events=tuple(sorted(events.values(), key=lambda e: (e.date.key, e.id))),
            briefings=tuple(built["briefings"]),
            sources=tuple(sources[r["id"]] for _, r in self.records.get("sources", [])),
            relations=tuple(built["relations"]),
            transfers=tuple(built["transfers"]),
            scenarios=tuple(built["scenarios"]),
            files=self.files,
            questions=tuple(built["questions"]),
            hypotheses=tuple(built["hypotheses"]),
            places=tuple(built["places"]),
            theme_by_id=themes,
            actor_by_id=actors,
            briefing_by_id=tables.get("briefings", {}),
            country_by_code=tables.get("countries", {}),
        )


# The field whose target must be built before an entry of these kinds.
FIRST = {"themes": "parent", "sources": "via"}


def _parents_first(records: list[Record], field: str) -> list[Record]:
    """Entries ordered so that each one `field` points at comes before the entries that
    point at it, without recursion: a chain may be longer than Python's recursion limit
    (cycles were refused)."""
    by_id = {r["id"]: r for r in records}
    done: set[str] = set()
    out: list[Record] = []
    for entry_id in by_id:
        chain = [entry_id]
        while chain[-1] not in done and field in by_id[chain[-1]]:
            chain.append(by_id[chain[-1]][field][0])
        for pending in reversed(chain):
            if pending not in done:
                done.add(pending)
                out.append(by_id[pending])
    return out


class _Builder:
    """Model entries made from checked records by their kinds' declarations."""

    # Per kind: (field name, model attribute, how its type makes the model's value: None
    # when it is the checked value as it is).
    plans: ClassVar[dict[str, tuple[tuple[str, str, Builder | None], ...]]] = {}

    @classmethod
    def plan(cls, kind: Kind) -> tuple[tuple[str, str, Builder | None], ...]:
        if kind.name not in cls.plans:
            cls.plans[kind.name] = tuple(
                (f.name, f.attribute, f.type.builder(f)) for f in kind.fields
            )
        return cls.plans[kind.name]

    @classmethod
    def make(
        cls, kind: Kind, r: Record, tables: dict[str, dict[str, Any]], inherited: tuple[Any, ...]
    ) -> Any:
        values: dict[str, Any] = {}

        def nest(target: str, records: Sequence[Record]) -> tuple[Any, ...]:
            # Nested entries; a briefing's themes pass down to its points (FORMAT.md).
            passed = values.get("themes", inherited) if kind.name == "briefings" else inherited
            sub = KIND[target]
            return tuple([cls.make(sub, x, tables, passed) for x in records])

        for name, attr, build in cls.plan(kind):
            value = r.get(name)
            if value is None:
                continue
            values[attr] = value if build is None else build(value, tables, nest)
        if kind.name in ("point", "judgment"):
            values["inherited_themes"] = inherited
        return kind.model(**values)


def link(fragments: Sequence[Fragment], problems: Sequence[Problem] = ()) -> Corpus:
    """The linked corpus; raises InvalidCorpus with every problem when there is any.

    `problems` are those found before parsing (unreadable files and folders).
    """
    linker = _Linker(fragments, problems)
    linker.check_unique()
    linker.index_indicators()
    linker.check_all_refs()
    linker.check_theme_cycles()
    if linker.problems:
        raise InvalidCorpus(linker.problems)
    return linker.build()
