"""What several commands share: a list's Result, its notes, the columns of each list."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from ..analysis.query import BriefingView, Filter
from ..core.doc import Doc
from ..corpus.model import Briefing, Corpus, Event, Point, Question
from . import Listed, Result

# Not `typing.TYPE_CHECKING`: a warm run does not import typing (docs/performance.md); type
# checkers treat any `TYPE_CHECKING` as true.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ..analysis.ach import Analysis
    from ..corpus.serialize import JSONObject

    _ColumnsBase = Sequence[str]
else:
    _ColumnsBase = object  # making an abstract base class's subclass costs a warm run more


def none_match(items: Sequence[object], total: int, what: str) -> tuple[str, ...]:
    """The note for stderr when a list comes out empty (not an error: exit 0): nothing
    matched the filters, or the corpus has none of these at all."""
    if items:
        return ()
    if not total:
        return (f"the corpus has no {what}",)
    return (f"no {what} match the filters",)


def undated_note(
    f: Filter, items: Sequence[object], noun: str, nouns: str | None = None
) -> tuple[str, ...]:
    """The note for stderr when the date filter of `f` kept some of `items` only because they
    carry no date (query.undated), naming the first few:
    `12 actors kept: they carry no dates (a, b, c and 9 more)`."""
    from ..analysis.query import undated

    kept = undated(f, items)
    if not kept:
        return ()
    count = len(kept)
    said = (
        f"1 {noun} kept: it carries no dates"
        if count == 1
        else (f"{count} {nouns or noun + 's'} kept: they carry no dates")
    )
    names = [n for n in map(_name, kept) if n]
    if names:
        shown = ", ".join(names[:3])
        said += f" ({shown} and {count - 3} more)" if count > 3 else f" ({shown})"
    return (said,)


def _name(item: object) -> str | None:
    """How a note names an entry: its id (a relation by its two actors); None for points."""
    from ..corpus.model import Relation

    if isinstance(item, Relation):
        return f"{item.source.id} → {item.target.id}"
    ident = getattr(item, "id", None)
    return ident if isinstance(ident, str) else None


def csv_columns(
    kind: str, lead: Sequence[str] = (), last: Sequence[str] = (), leave_out: Sequence[str] = ()
) -> Sequence[str]:
    """A list's CSV columns: the fields of `kind` that have a cell (their type's `csv`), in
    kinds.py order, but for `leave_out`; `lead` before them and `last` after them, in the
    order given (either may name a column of the command's own, such as a count). Worked out
    when first read: a run that writes no CSV never imports the field types."""
    return _Columns(kind, tuple(lead), tuple(last), tuple(leave_out))


class _Columns(_ColumnsBase):
    """The columns, worked out when first read (a Sequence for the type checker; at run time
    a plain class, as query.Picked)."""

    def __init__(
        self, kind: str, lead: tuple[str, ...], last: tuple[str, ...], leave_out: tuple[str, ...]
    ) -> None:
        self._asked = (kind, lead, last, leave_out)
        self._found: tuple[str, ...] | None = None

    def _columns(self) -> tuple[str, ...]:
        if self._found is None:
            from ..corpus.kinds import KIND

            kind, lead, last, leave_out = self._asked
            named = {*lead, *last, *leave_out}
            middle = [f.name for f in KIND[kind].fields if f.type.csv and f.name not in named]
            # Computed (serialize.py): an entry citing sources has its independent origins, a
            # source the id of its own.
            if any(f.name == "sources" for f in KIND[kind].fields):
                middle += ["origins", "origin_ids"]
            elif kind == "sources":
                middle.append("origin_id")
            self._found = (*lead, *middle, *last)
        return self._found

    def __getitem__(self, index: Any) -> Any:
        return self._columns()[index]

    def __len__(self) -> int:
        return len(self._columns())

    def __iter__(self) -> Iterator[str]:
        return iter(self._columns())


def _cell(value: object) -> object:
    """A command's own column: `{key: value}` as `key: value` items."""
    if isinstance(value, dict):
        return [f"{k}: {v}" for k, v in value.items()]
    return value


def _get(obj: JSONObject, column: str) -> object:
    """A column's value: `origins` and `origin_ids` are the count and the ids of an entry's
    `origins` object (docs/grading.md "Independent origins")."""
    found = obj.get("origins")
    if column in ("origins", "origin_ids") and isinstance(found, dict):
        return found["count" if column == "origins" else "ids"]
    return obj.get(column)


def rows_from(
    objects: Sequence[JSONObject], columns: Sequence[str], kind: str | None = None
) -> list[list[object]]:
    """The CSV rows of JSON objects: a field of `kind` as its type's cell (a range as
    `low–high`, `disputed` as `field: note` items), any other column as it is."""
    from ..corpus.kinds import KIND

    types = {f.name: f.type for f in KIND[kind].fields} if kind else {}
    cells = [types[c].cell if c in types else _cell for c in columns]
    return [[cell(_get(obj, c)) for c, cell in zip(columns, cells, strict=True)] for obj in objects]


def listing(
    kind: str,
    items: Sequence[Any],
    doc: Callable[[], Doc],
    key: str,
    columns: Sequence[str],
    notes: tuple[str, ...] = (),
    extra: Callable[[Any], JSONObject] | None = None,
    row_order: Callable[[Any], Any] | None = None,
    corpus: Corpus | None = None,
) -> Result:
    """The Result of a list of entries of one kind: `{key: [...]}` in JSON (each entry with
    `extra(entry)` added), one row per entry in CSV (sorted by `row_order` when given, as
    the prose views show them). With the `corpus` whose list of that kind holds the items
    (and no `extra`), JSON uses the entries' text kept in the cache."""

    def objects() -> list[JSONObject]:
        from ..corpus.serialize import entries

        found = entries(kind, items)
        if extra is not None:
            found = [{**obj, **extra(item)} for obj, item in zip(found, items, strict=True)]
        return found

    return Result(
        {kind: items},
        doc,
        lambda: {key: objects()},
        columns,
        lambda: rows_from(_ordered(objects(), items, row_order), columns, kind),
        notes,
        listed=Listed(corpus, kind, key, items) if corpus is not None and extra is None else None,
    )


def briefing_json(view: BriefingView) -> JSONObject:
    """A briefing narrowed to the key judgments and points the filter keeps, with the
    source summary statement of what it keeps."""
    from ..analysis.provenance import briefing_summary, summary_json
    from ..corpus.serialize import entries, entry

    points = [p for s in view.sections for p in s.points]
    return {
        **entry(
            "briefings",
            view.briefing,
            key_judgments=entries("judgment", view.key_judgments),
            sections=entries("section", view.sections),
        ),
        "source_summary": summary_json(briefing_summary(view.briefing, view.key_judgments, points)),
    }


def _ordered(
    objects: list[JSONObject], items: Sequence[Any], key: Callable[[Any], Any] | None
) -> list[JSONObject]:
    if key is None:
        return objects
    pairs = sorted(zip(objects, items, strict=True), key=lambda pair: key(pair[1]))
    return [obj for obj, _ in pairs]


def ach_analyses(corpus: Corpus, f: Filter, questions: Sequence[Question]) -> list[Analysis]:
    """The analysis of each question over the rated evidence the shared filters keep: the
    events `select_events` keeps and the points `Filter.point_ok` keeps (`vrmc ach` and the
    report's "ach" section)."""
    from ..analysis.ach import analyse
    from ..analysis.query import select_events

    items: list[tuple[Event | Point, Briefing | None]] = [
        (e, None) for e in select_events(corpus, f) if e.consistency
    ]
    items.extend(
        (p, b)
        for b in corpus.briefings
        for s in b.sections
        for p in s.points
        if p.consistency and f.point_ok(p)
    )
    return [analyse(q, [h for h in corpus.hypotheses if h.question is q], items) for q in questions]


def ach_num(value: Any) -> float:
    return float(value)


def serialized_rating(r: Any) -> dict[str, Any]:
    from ..corpus.fields import rating_json

    return rating_json(r)


def ach_evidence_ref(e: Any) -> dict[str, Any]:
    if isinstance(e.item, Event):
        return {"kind": "event", "id": e.item.id, "briefing": None}
    return {"kind": "point", "id": None, "briefing": e.briefing.id if e.briefing else None}


def ach_json(a: Analysis) -> dict[str, Any]:
    """One question's analysis as `vrmc ach -f json` writes it (and the report's "ach")."""
    from ..analysis.ach import change_words, outcome, robustness

    rank = {s.hypothesis.id: s for s in a.scores}
    sens = a.sensitivity
    return {
        "id": a.question.id,
        "text": a.question.text,
        "summary": a.question.summary,
        "hypotheses": [
            {
                "id": h.id,
                "statement": h.statement,
                "scenario": h.scenario.id if h.scenario else None,
                "inconsistent": rank[h.id].inconsistent,
                "very_inconsistent": rank[h.id].very_inconsistent,
                "score": ach_num(rank[h.id].score),
                "rank": rank[h.id].rank,
            }
            for h in a.hypotheses
        ],
        "ranking": [s.hypothesis.id for s in a.scores],
        "coverage": [
            {
                "hypothesis": c.hypothesis.id,
                "rated": c.rated,
                "applicable": c.applicable,
                "not_applicable": c.not_applicable,
                "consistent": c.consistent,
                "neutral": c.neutral,
                "inconsistent": c.inconsistent,
                "very_inconsistent": c.very_inconsistent,
                "under_tested": c.under_tested,
            }
            for c in a.coverage
        ],
        "evidence": [
            {
                "number": e.number,
                **ach_evidence_ref(e),
                "date": str(e.item.date) if isinstance(e.item, Event) else None,
                "title": e.item.title if isinstance(e.item, Event) else None,
                "text": None if isinstance(e.item, Event) else e.item.text,
                "reliability": e.grade,
                "confidence": e.item.confidence,
                "credibility": ach_num(e.credibility),
                "relevance": e.item.relevance,
                "relevance_weight": ach_num(e.relevance),
                "diagnosticity": ach_num(e.diagnosticity),
                "diagnostic": e.diagnostic,
                "ratings": {
                    h.id: serialized_rating(e.ratings[h.id])
                    for h in a.hypotheses
                    if h.id in e.ratings
                },
            }
            for e in a.evidence
        ],
        "sensitivity": {
            "leaders": [h.id for h in sens.leaders],
            "changes": sens.changes,
            "removals": sens.removals,
            "reratings": sens.changes - sens.removals,
            "survives": sens.survives,
            "summary": robustness(sens),
            "lead_changes": [
                {
                    "evidence": c.evidence.number,
                    **ach_evidence_ref(c.evidence),
                    "change": "removal" if c.removal else "re-rating",
                    "hypothesis": c.hypothesis.id if c.hypothesis else None,
                    "from": c.before,
                    "to": c.after,
                    "leaders": [h.id for h in c.leaders],
                    "words": f"{change_words(c)}: {outcome(c, sens.leaders)}",
                }
                for c in sens.lead_changes
            ],
        },
        "analysts": list(a.analysts),
        "disagreements": [
            {
                "evidence": d.evidence.number,
                **ach_evidence_ref(d.evidence),
                "hypothesis": d.hypothesis.id,
                "ratings": [{"analyst": who, "rating": r} for who, r in d.ratings],
            }
            for d in a.disagreements
        ],
    }
