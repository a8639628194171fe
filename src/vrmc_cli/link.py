"""Join the fragments of a corpus: unique ids, resolved references, theme tree, the model."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .errors import InvalidCorpus, Problem
from .load import Fragment, Record, Ref, closest
from .model import (
    Actor,
    Briefing,
    Corpus,
    Country,
    Event,
    KeyJudgment,
    Point,
    Relation,
    Role,
    Scenario,
    Section,
    Source,
    Theme,
    Topic,
    Transfer,
)
from .textsafe import quote

ID_KINDS = ("themes", "actors", "events", "briefings", "sources", "transfers", "scenarios")
NOUNS = {
    "themes": "theme",
    "actors": "actor",
    "events": "event",
    "briefings": "briefing",
    "sources": "source",
    "transfers": "transfer",
    "scenarios": "scenario",
    "countries": "country",
}
# Which kind each reference field points at, per kind of record.
TAG_FIELDS = {
    "themes": "themes",
    "countries": "countries",
    "actors": "actors",
    "sources": "sources",
}
REF_FIELDS: dict[str, dict[str, str]] = {
    "themes": {"parent": "themes"},
    "actors": {"country": "countries", "themes": "themes", "sources": "sources"},
    "events": TAG_FIELDS,
    "briefings": {"themes": "themes", "see_also": "briefings", "sources": "sources"},
    "judgment": {**TAG_FIELDS, "basis": "events"},
    "point": TAG_FIELDS,
    "relations": {"from": "actors", "to": "actors", "sources": "sources"},
    "transfers": {"supplier": "countries", "recipient": "countries", "sources": "sources"},
    "scenarios": {"themes": "themes", "countries": "countries"},
}

Located = tuple[str, Record]  # (file path as shown, record)
# How many known ids the "did you mean" hints of one run may compare an unknown one with.
# difflib takes up to 20 µs a comparison of similar ids: thousands of misspelt references
# to thousands of actors (after a rename) took minutes. Past the budget the problems are
# still all reported, without hints.
HINT_BUDGET = 200_000


class _Linker:
    def __init__(self, fragments: Sequence[Fragment], problems: Sequence[Problem]) -> None:
        self.problems: list[Problem] = [*problems, *(p for f in fragments for p in f.problems)]
        self.records: dict[str, list[Located]] = {}
        for fragment in fragments:
            for kind, records in fragment.records.items():
                bucket = self.records.setdefault(kind, [])
                bucket.extend((fragment.path, r) for r in records)
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
        for kind in (*ID_KINDS, "countries"):
            key = "code" if kind == "countries" else "id"
            seen: dict[str, Located] = {}
            for path, record in self.records.get(kind, []):
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
            self.index[kind] = seen

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

    def check_refs(self, kind: str, located: Sequence[Located], prefix: str = "") -> None:
        """Report every reference of these records (all of one kind) to an unknown id."""
        for field, target in REF_FIELDS[kind].items():
            known = self.index[target]
            for path, record in located:
                value = record.get(field)
                if not value:
                    continue
                # A single reference is one (id, line, column); a list is a tuple of them.
                refs: tuple[Ref, ...] = (value,) if type(value[0]) is str else value
                for ref_id, line, column in refs:
                    if ref_id not in known:
                        self.problem(
                            path,
                            (line, column),
                            f"{prefix}{field}: unknown {NOUNS[target]} {quote(ref_id)}"
                            f"{self.hint(target, ref_id)}",
                        )

    def check_all_refs(self) -> None:
        for kind in REF_FIELDS:
            located = self.records.get(kind)
            if located:
                self.check_refs(kind, located)
        briefings = self.records.get("briefings", [])
        judgments = [(p, j) for p, r in briefings for j in r.get("key_judgments", ())]
        points = [
            (p, point)
            for p, r in briefings
            for section in r.get("sections", ())
            for point in section.get("points", ())
        ]
        self.check_refs("judgment", judgments, "key_judgments.")
        self.check_refs("point", points, "points.")

    def check_theme_cycles(self) -> None:
        themes = self.index["themes"]
        reported: set[str] = set()
        # Themes whose ancestry is known (it ends at a root or in a cycle): a walk stops at
        # them, so the check is linear however long the chains (a quadratic walk took
        # minutes on a few thousand chained themes).
        settled: set[str] = set()
        for theme_id, (_, record) in themes.items():
            chain = [theme_id]
            on_chain = {theme_id}
            current = record
            while (parent := current.get("parent")) is not None:
                parent_id = parent[0]
                if parent_id not in themes or parent_id in settled:
                    break
                if parent_id in on_chain:
                    cycle = chain[chain.index(parent_id) :]
                    if not reported.intersection(cycle):
                        reported.update(cycle)
                        loop = " → ".join([*cycle, parent_id])
                        # Reported at the theme where the cycle starts, not where the walk
                        # began (a theme below the cycle, maybe in another file).
                        at_path, at = themes[parent_id]
                        self.problem(at_path, at["@"], f"themes form a cycle: {loop}")
                    break
                chain.append(parent_id)
                on_chain.add(parent_id)
                current = themes[parent_id][1]
            settled.update(chain)

    # -- building --------------------------------------------------------------------------

    def build(self) -> Corpus:
        sources = {r["id"]: _source(r) for _, r in self.records.get("sources", [])}
        countries = {r["code"]: _country(r) for _, r in self.records.get("countries", [])}
        themes: dict[str, Theme] = {}
        theme_records = {r["id"]: r for _, r in self.records.get("themes", [])}

        for theme_id in theme_records:
            # Parents before children, without recursion: a chain of themes may be longer
            # than Python's recursion limit. (Cycles were refused by check_theme_cycles.)
            chain = [theme_id]
            while chain[-1] not in themes and "parent" in theme_records[chain[-1]]:
                chain.append(theme_records[chain[-1]]["parent"][0])
            for pending in reversed(chain):
                if pending not in themes:
                    r = theme_records[pending]
                    parent = themes[r["parent"][0]] if "parent" in r else None
                    themes[pending] = Theme(r["id"], r["title"], r.get("description"), parent)

        def many(table: dict[str, Any], refs: tuple[Ref, ...] | None) -> tuple[Any, ...]:
            return tuple([table[ref[0]] for ref in refs]) if refs else ()

        actors: dict[str, Actor] = {}
        for _, r in self.records.get("actors", []):
            actors[r["id"]] = Actor(
                id=r["id"],
                name=r["name"],
                kind=r["kind"],
                country=countries[r["country"][0]] if "country" in r else None,
                aliases=r.get("aliases", ()),
                roles=tuple(
                    Role(x["title"], x.get("from"), x.get("to")) for x in r.get("roles", ())
                ),
                summary=r.get("summary"),
                stance=r.get("stance"),
                themes=many(themes, r.get("themes")),
                sources=many(sources, r.get("sources")),
            )

        def tags(r: Record) -> dict[str, Any]:
            return {
                "themes": many(themes, r.get("themes")),
                "countries": many(countries, r.get("countries")),
                "actors": many(actors, r.get("actors")),
                "sources": many(sources, r.get("sources")),
            }

        events: dict[str, Event] = {}
        for _, r in self.records.get("events", []):
            events[r["id"]] = Event(
                id=r["id"],
                date=r["date"],
                end=r.get("end"),
                circa=r.get("circa", False),
                display_date=r.get("display_date"),
                title=r["title"],
                summary=r.get("summary"),
                confidence=r.get("confidence"),
                **tags(r),
            )

        briefings: list[Briefing] = []
        for _, r in self.records.get("briefings", []):
            own = many(themes, r["themes"])
            briefings.append(
                Briefing(
                    id=r["id"],
                    title=r["title"],
                    summary=r["summary"],
                    themes=own,
                    key_judgments=tuple(
                        KeyJudgment(
                            text=j["text"],
                            likelihood=j.get("likelihood"),
                            confidence=j.get("confidence"),
                            basis=many(events, j.get("basis")),
                            inherited_themes=own,
                            **tags(j),
                        )
                        for j in r.get("key_judgments", ())
                    ),
                    sections=tuple(
                        Section(
                            s["heading"],
                            tuple(
                                Point(
                                    text=p["text"],
                                    confidence=p.get("confidence"),
                                    inherited_themes=own,
                                    **tags(p),
                                )
                                for p in s["points"]
                            ),
                        )
                        for s in r["sections"]
                    ),
                    see_also_ids=tuple(ref[0] for ref in r.get("see_also", ())),
                    sources=many(sources, r.get("sources")),
                )
            )

        relations = tuple(
            Relation(
                source=actors[r["from"][0]],
                target=actors[r["to"][0]],
                kind=r["kind"],
                since=r.get("since"),
                until=r.get("until"),
                summary=r.get("summary"),
                sources=many(sources, r.get("sources")),
            )
            for _, r in self.records.get("relations", [])
        )
        transfers = tuple(
            Transfer(
                id=r["id"],
                supplier=countries[r["supplier"][0]],
                recipient=countries[r["recipient"][0]],
                designation=r["designation"],
                category=r["category"],
                description=r.get("description"),
                ordered=r.get("ordered"),
                delivered_from=r.get("delivered_from"),
                delivered_to=r.get("delivered_to"),
                quantity_ordered=r.get("quantity_ordered"),
                quantity_delivered=r.get("quantity_delivered"),
                value_usd=r.get("value_usd"),
                status=r.get("status"),
                sources=many(sources, r.get("sources")),
                notes=r.get("notes"),
            )
            for _, r in self.records.get("transfers", [])
        )
        scenarios = tuple(
            Scenario(
                id=r["id"],
                title=r["title"],
                summary=r["summary"],
                likelihood=r.get("likelihood"),
                horizon=r.get("horizon"),
                drivers=r.get("drivers", ()),
                indicators=r.get("indicators", ()),
                themes=many(themes, r.get("themes")),
                countries=many(countries, r.get("countries")),
            )
            for _, r in self.records.get("scenarios", [])
        )
        topic_records = self.records.get("topic", [])
        topic = None
        if topic_records:
            t = topic_records[0][1]
            topic = Topic(t["title"], t.get("subtitle"), t.get("summary"), t.get("as_of"))
        briefing_index = {b.id: b for b in briefings}
        return Corpus(
            topic=topic,
            themes=tuple(themes[i] for i in theme_records),
            countries=tuple(countries.values()),
            actors=tuple(sorted(actors.values(), key=lambda a: a.id)),
            events=tuple(sorted(events.values(), key=lambda e: (e.date.key, e.id))),
            briefings=tuple(briefings),
            sources=tuple(sources.values()),
            relations=relations,
            transfers=transfers,
            scenarios=scenarios,
            files=self.files,
            theme_by_id=themes,
            actor_by_id=actors,
            briefing_by_id=briefing_index,
            country_by_code=countries,
        )


def link(fragments: Sequence[Fragment], problems: Sequence[Problem] = ()) -> Corpus:
    """The linked corpus; raises InvalidCorpus with every problem when there is any.

    `problems` are those found before parsing (unreadable files and folders).
    """
    linker = _Linker(fragments, problems)
    linker.check_unique()
    linker.check_all_refs()
    linker.check_theme_cycles()
    if linker.problems:
        raise InvalidCorpus(linker.problems)
    return linker.build()


def _source(r: Record) -> Source:
    return Source(
        id=r["id"],
        title=r["title"],
        publisher=r.get("publisher"),
        url=r.get("url"),
        published=r.get("published"),
        kind=r.get("kind"),
        reliability=r.get("reliability"),
    )


def _country(r: Record) -> Country:
    return Country(r["code"], r["name"], r.get("aliases", ()), r.get("region"))
