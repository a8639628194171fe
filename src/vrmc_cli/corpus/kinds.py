"""The entry kinds of the topic-file format, each declared once.

A kind lists its fields in format order: the YAML key (which is also the JSON name), the
type of value, whether it is required, the kind a reference points at, the model attribute
that holds it, and whether search reads it. The loader checks fields by this table, the
linker resolves references and builds the model from it, the JSON writer writes entries in
its order and search reads the fields marked searchable. Adding a kind is its declaration
here, its model class and its section of docs/format.md.
"""

from __future__ import annotations

from ..core.record import record
from .model import (
    ACTOR_KINDS,
    CONFIDENCES,
    CONSISTENCIES,
    CREDIBILITIES,
    DIRECTIONS,
    LIKELIHOODS,
    RELIABILITIES,
    TRANSFER_STATUSES,
    Actor,
    Briefing,
    Country,
    Event,
    Hypothesis,
    Indicator,
    KeyJudgment,
    Point,
    Question,
    Relation,
    Role,
    Scenario,
    Section,
    Signal,
    Source,
    Theme,
    Topic,
    Transfer,
)

# Value types. Scalars: text, url (text without control or invisible characters), texts (a
# list of text), date, bool, int, number, id (the
# entry's own id), kebab (a kebab-case word), code (a country code), choice (one of
# `choices`), int-range and number-range (a whole number or a number, or a [low, high] list
# of them: a model Range), disputed (field names of the same kind -> text). References, to
# the kind named by `target`: ref (one), refs (a list), refs1 (a list of at least one).
# Nested: entries (a list of entries of the kind `target`), points (a briefing section's
# points: text or an entry of kind `point`), items (a list whose items are text or entries
# of the kind `target`; JSON writes each item's text). Ratings: a
# mapping from ids of the kind `target` to one of `choices`, or to `{rating, note}`
# (docs/ach.md).
FieldType = str


@record(frozen=True)
class Field:
    """One field of an entry kind."""

    name: str  # the YAML key and the JSON name
    type: FieldType
    required: bool = False
    target: str | None = None  # the kind a reference points at, or of nested entries
    choices: tuple[str, ...] = ()
    attr: str | None = None  # the model attribute, when it is not `name`
    search: bool = False  # search reads it
    ids: bool = False  # a reference the model keeps as ids (it may point forward)

    @property
    def attribute(self) -> str:
        return self.attr or self.name


@record(frozen=True)
class Kind:
    """An entry kind: its fields and how the rest of vrmc treats it."""

    name: str  # the top-level key (`events`), or a nested kind's name (`role`)
    noun: str  # one entry, in messages (`event`)
    model: type
    fields: tuple[Field, ...]
    key: str | None = None  # the field that identifies an entry (`id`, `code`)
    top: bool = True  # a list under a top-level key of topic files
    date_order: tuple[str, str] | None = None  # (start, end): end must not come first
    label: str | None = None  # the field that names an entry in search results

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


def _tags() -> tuple[Field, ...]:
    return (
        Field("themes", "refs", target="themes"),
        Field("countries", "refs", target="countries"),
        Field("actors", "refs", target="actors"),
        Field("sources", "refs", target="sources"),
    )


CONFIDENCE = Field("confidence", "choice", choices=CONFIDENCES)
# Admiralty credibility of the information (1-6), apart from its sources' reliability.
CREDIBILITY = Field("credibility", "choice", choices=CREDIBILITIES)
# Analysis of competing hypotheses: how consistent an event or point is with each hypothesis.
CONSISTENCY = Field("consistency", "ratings", target="hypotheses", choices=CONSISTENCIES)
# Which of the entry's own fields the sources dispute: field name -> who says what.
DISPUTED = Field("disputed", "disputed", search=True)

KINDS: tuple[Kind, ...] = (
    Kind(
        "topic",
        "topic",
        Topic,
        (
            Field("title", "text", required=True, search=True),
            Field("subtitle", "text", search=True),
            Field("summary", "text", search=True),
            Field("as_of", "date"),
        ),
        top=False,
        label="title",
    ),
    Kind(
        "themes",
        "theme",
        Theme,
        (
            Field("id", "id", required=True),
            Field("title", "text", required=True, search=True),
            Field("description", "text", search=True),
            Field("parent", "ref", target="themes"),
        ),
        key="id",
        label="title",
    ),
    Kind(
        "countries",
        "country",
        Country,
        (
            Field("code", "code", required=True),
            Field("name", "text", required=True, search=True),
            Field("aliases", "texts", search=True),
            Field("region", "text", search=True),
        ),
        key="code",
        label="name",
    ),
    Kind(
        "role",
        "role",
        Role,
        (
            Field("title", "text", required=True, search=True),
            Field("from", "date", attr="start"),
            Field("to", "date", attr="end"),
        ),
        top=False,
        date_order=("from", "to"),
    ),
    Kind(
        "actors",
        "actor",
        Actor,
        (
            Field("id", "id", required=True),
            Field("name", "text", required=True, search=True),
            Field("kind", "choice", required=True, choices=ACTOR_KINDS),
            Field("country", "ref", target="countries"),
            Field("aliases", "texts", search=True),
            Field("roles", "entries", target="role", search=True),
            Field("summary", "text", search=True),
            Field("stance", "text", search=True),
            Field("themes", "refs", target="themes"),
            Field("sources", "refs", target="sources"),
        ),
        key="id",
        label="name",
    ),
    Kind(
        "signal",
        "signal",
        Signal,
        (
            Field("indicator", "ref", required=True, target="indicator", ids=True),
            Field("direction", "choice", required=True, choices=DIRECTIONS),
            Field("note", "text", search=True),
        ),
        top=False,
    ),
    Kind(
        "events",
        "event",
        Event,
        (
            Field("id", "id", required=True),
            Field("date", "date", required=True),
            Field("end", "date"),
            Field("circa", "bool"),
            Field("display_date", "text", search=True),
            Field("title", "text", required=True, search=True),
            Field("summary", "text", search=True),
            Field("themes", "refs1", required=True, target="themes"),
            Field("countries", "refs", target="countries"),
            Field("actors", "refs", target="actors"),
            Field("sources", "refs", target="sources"),
            CONFIDENCE,
            CREDIBILITY,
            Field("signals", "entries", target="signal"),
            CONSISTENCY,
            DISPUTED,
        ),
        key="id",
        date_order=("date", "end"),
        label="title",
    ),
    Kind(
        "point",
        "point",
        Point,
        (
            Field("text", "text", required=True, search=True),
            *_tags(),
            CONFIDENCE,
            CREDIBILITY,
            CONSISTENCY,
        ),
        top=False,
    ),
    Kind(
        "judgment",
        "key judgment",
        KeyJudgment,
        (
            Field("text", "text", required=True, search=True),
            Field("likelihood", "choice", choices=LIKELIHOODS),
            CONFIDENCE,
            Field("basis", "refs", target="events"),
            *_tags(),
        ),
        top=False,
    ),
    Kind(
        "section",
        "section",
        Section,
        (
            Field("heading", "text", required=True),
            Field("points", "points", required=True, target="point"),
        ),
        top=False,
    ),
    Kind(
        "briefings",
        "briefing",
        Briefing,
        (
            Field("id", "id", required=True),
            Field("title", "text", required=True, search=True),
            Field("summary", "text", required=True, search=True),
            Field("themes", "refs1", required=True, target="themes"),
            Field("key_judgments", "entries", target="judgment"),
            Field("sections", "entries", required=True, target="section"),
            Field("see_also", "refs", target="briefings", attr="see_also_ids", ids=True),
            Field("sources", "refs", target="sources"),
            Field("order", "int"),
        ),
        key="id",
        label="title",
    ),
    Kind(
        "sources",
        "source",
        Source,
        (
            Field("id", "id", required=True),
            Field("title", "text", required=True, search=True),
            Field("publisher", "text", search=True),
            Field("url", "url", search=True),
            Field("published", "date"),
            Field("kind", "text"),
            Field("reliability", "choice", choices=RELIABILITIES),
            Field("accessed", "date"),
            Field("archive_url", "url", search=True),
            Field("origin", "text", search=True),
            Field("via", "ref", target="sources"),
            Field("state_media", "bool"),
        ),
        key="id",
        label="title",
    ),
    Kind(
        "relations",
        "relation",
        Relation,
        (
            Field("from", "ref", required=True, target="actors", attr="source"),
            Field("to", "ref", required=True, target="actors", attr="target"),
            Field("kind", "kebab", required=True, search=True),
            Field("since", "date"),
            Field("until", "date"),
            Field("summary", "text", search=True),
            Field("sources", "refs", target="sources"),
        ),
        date_order=("since", "until"),
    ),
    Kind(
        "transfers",
        "transfer",
        Transfer,
        (
            Field("id", "id", required=True),
            Field("supplier", "ref", required=True, target="countries"),
            Field("recipient", "ref", required=True, target="countries"),
            Field("designation", "text", required=True, search=True),
            Field("category", "text", required=True, search=True),
            Field("description", "text", search=True),
            Field("ordered", "date"),
            Field("delivered_from", "date"),
            Field("delivered_to", "date"),
            Field("quantity_ordered", "int-range"),
            Field("quantity_delivered", "int-range"),
            Field("value_usd", "number-range"),
            Field("status", "choice", choices=TRANSFER_STATUSES),
            Field("sources", "refs", target="sources"),
            Field("notes", "text", search=True),
            DISPUTED,
        ),
        key="id",
        date_order=("delivered_from", "delivered_to"),
        label="designation",
    ),
    Kind(
        "indicator",
        "indicator",
        Indicator,
        (
            Field("id", "id"),
            Field("text", "text", required=True, search=True),
            Field("counts", "text", search=True),
            Field("deadline", "date"),
            Field("horizon", "text", search=True),
        ),
        top=False,
    ),
    Kind(
        "scenarios",
        "scenario",
        Scenario,
        (
            Field("id", "id", required=True),
            Field("title", "text", required=True, search=True),
            Field("summary", "text", required=True, search=True),
            Field("likelihood", "choice", choices=LIKELIHOODS),
            Field("horizon", "text", search=True),
            Field("drivers", "texts", search=True),
            Field("indicators", "items", target="indicator", search=True),
            Field("themes", "refs", target="themes"),
            Field("countries", "refs", target="countries"),
        ),
        key="id",
        label="title",
    ),
    Kind(
        "questions",
        "question",
        Question,
        (
            Field("id", "id", required=True),
            Field("text", "text", required=True, search=True),
            Field("summary", "text", search=True),
        ),
        key="id",
        label="text",
    ),
    Kind(
        "hypotheses",
        "hypothesis",
        Hypothesis,
        (
            Field("id", "id", required=True),
            Field("question", "ref", required=True, target="questions"),
            Field("statement", "text", required=True, search=True),
            Field("scenario", "ref", target="scenarios"),
        ),
        key="id",
        label="statement",
    ),
)

KIND: dict[str, Kind] = {k.name: k for k in KINDS}
# The list keys of a topic file, in format order.
LIST_KEYS: tuple[str, ...] = tuple(k.name for k in KINDS if k.top)
# The kinds whose entries are identified by a key, and so can be referenced.
KEYED: tuple[Kind, ...] = tuple(k for k in KINDS if k.key)


def references(kind: Kind) -> dict[str, str]:
    """The reference fields of a kind: field name -> the kind it points at."""
    return {f.name: f.target for f in kind.fields if f.type.startswith("ref") and f.target}
