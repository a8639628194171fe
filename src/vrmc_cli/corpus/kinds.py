"""The entry kinds of the topic-file format, each declared once.

A kind lists its fields in format order: the YAML key (which is also the JSON name), the
type of value, whether it is required, the kind a reference points at, the model attribute
that holds it, and whether search reads it. The loader checks fields by this table, the
linker resolves references and builds the model from it, the JSON writer writes entries in
its order and search reads the fields marked searchable. Adding a kind is its declaration
here, its model class and its section of docs/format.md.
"""

from __future__ import annotations

from ..core.record import Record
from .fields import (
    BOOL,
    CHOICE,
    CODE,
    DATE,
    DISPUTED,
    ENTRIES,
    ID,
    INT,
    INT_RANGE,
    ITEMS,
    KEBAB,
    LATITUDE,
    LONGITUDE,
    NUMBER_RANGE,
    POINTS,
    RATINGS,
    REF,
    REFS,
    REFS1,
    TEXT,
    TEXTS,
    URL,
    FieldType,
)
from .model import (
    ACTOR_KINDS,
    CONFIDENCES,
    CONSISTENCIES,
    CREDIBILITIES,
    DIRECTIONS,
    EVENT_STATUSES,
    INDICATOR_TYPES,
    LIKELIHOOD_ALIASES,
    LIKELIHOODS,
    ORIGIN_BASES,
    PLACE_PRECISIONS,
    RELEVANCES,
    RELIABILITIES,
    TRANSFER_STATUSES,
    Actor,
    Briefing,
    Country,
    Event,
    Hypothesis,
    Indicator,
    KeyJudgment,
    Place,
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

# Each field's value type is an object of fields.py (TEXT, DATE, REFS, ...), which says
# how such a value is read, checked, written and searched.


class Field(Record, frozen=True):
    """One field of an entry kind."""

    name: str  # the YAML key and the JSON name
    type: FieldType
    required: bool = False
    target: str | None = None  # the kind a reference points at, or of nested entries
    choices: tuple[str, ...] = ()
    attr: str | None = None  # the model attribute, when it is not `name`
    search: bool = False  # search reads it
    ids: bool = False  # a reference the model keeps as ids (it may point forward)
    # Other spellings a choice accepts, each read as its canonical choice: (alias, choice).
    aliases: tuple[tuple[str, str], ...] = ()

    @property
    def attribute(self) -> str:
        return self.attr or self.name

    @property
    def target_kind(self) -> Kind:
        """The kind `target` names."""
        return KIND[self.target or ""]


class Kind(Record, frozen=True):
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
        Field("themes", REFS, target="themes"),
        Field("countries", REFS, target="countries"),
        Field("actors", REFS, target="actors"),
        Field("sources", REFS, target="sources"),
    )


CONFIDENCE = Field("confidence", CHOICE, choices=CONFIDENCES)
# Admiralty credibility of the information (1-6), apart from its sources' reliability.
CREDIBILITY = Field("credibility", CHOICE, choices=CREDIBILITIES)
# Analysis of competing hypotheses: how consistent an event or point is with each hypothesis.
CONSISTENCY = Field("consistency", RATINGS, target="hypotheses", choices=CONSISTENCIES)
# How much an item of evidence matters to the questions it is rated for (PARC ACH).
RELEVANCE = Field("relevance", CHOICE, choices=RELEVANCES)
# ICD 203's first row of terms; its second row, and the older `roughly-even`, as aliases.
LIKELIHOOD = Field("likelihood", CHOICE, choices=LIKELIHOODS, aliases=LIKELIHOOD_ALIASES)
# Which of the entry's own fields the sources dispute: field name -> who says what.
DISPUTED_FIELD = Field("disputed", DISPUTED, search=True)

KINDS: tuple[Kind, ...] = (
    Kind(
        "topic",
        "topic",
        Topic,
        (
            Field("title", TEXT, required=True, search=True),
            Field("subtitle", TEXT, search=True),
            Field("summary", TEXT, search=True),
            Field("as_of", DATE),
        ),
        top=False,
        label="title",
    ),
    Kind(
        "themes",
        "theme",
        Theme,
        (
            Field("id", ID, required=True),
            Field("title", TEXT, required=True, search=True),
            Field("description", TEXT, search=True),
            Field("parent", REF, target="themes"),
        ),
        key="id",
        label="title",
    ),
    Kind(
        "countries",
        "country",
        Country,
        (
            Field("code", CODE, required=True),
            Field("name", TEXT, required=True, search=True),
            Field("aliases", TEXTS, search=True),
            Field("region", TEXT, search=True),
        ),
        key="code",
        label="name",
    ),
    Kind(
        "places",
        "place",
        Place,
        (
            Field("id", ID, required=True),
            Field("name", TEXT, required=True, search=True),
            Field("aliases", TEXTS, search=True),
            Field("country", REF, target="countries"),
            Field("latitude", LATITUDE, required=True),
            Field("longitude", LONGITUDE, required=True),
            Field("precision", CHOICE, choices=PLACE_PRECISIONS),
            Field("gazetteer", TEXT),
            Field("sources", REFS, target="sources"),
        ),
        key="id",
        label="name",
    ),
    Kind(
        "role",
        "role",
        Role,
        (
            Field("title", TEXT, required=True, search=True),
            Field("from", DATE, attr="start"),
            Field("to", DATE, attr="end"),
        ),
        top=False,
        date_order=("from", "to"),
    ),
    Kind(
        "actors",
        "actor",
        Actor,
        (
            Field("id", ID, required=True),
            Field("name", TEXT, required=True, search=True),
            Field("kind", CHOICE, required=True, choices=ACTOR_KINDS),
            Field("country", REF, target="countries"),
            # Where a state or an organisation sits: a capital, a headquarters.
            Field("seat", REF, target="places"),
            Field("aliases", TEXTS, search=True),
            Field("roles", ENTRIES, target="role", search=True),
            Field("summary", TEXT, search=True),
            Field("stance", TEXT, search=True),
            Field("themes", REFS, target="themes"),
            Field("sources", REFS, target="sources"),
        ),
        key="id",
        label="name",
    ),
    Kind(
        "signal",
        "signal",
        Signal,
        (
            Field("indicator", REF, required=True, target="indicator", ids=True),
            Field("direction", CHOICE, required=True, choices=DIRECTIONS),
            Field("note", TEXT, search=True),
        ),
        top=False,
    ),
    Kind(
        "events",
        "event",
        Event,
        (
            Field("id", ID, required=True),
            Field("date", DATE, required=True),
            Field("end", DATE),
            Field("circa", BOOL),
            Field("display_date", TEXT, search=True),
            Field("title", TEXT, required=True, search=True),
            Field("summary", TEXT, search=True),
            Field("themes", REFS1, required=True, target="themes"),
            Field("countries", REFS, target="countries"),
            Field("actors", REFS, target="actors"),
            Field("sources", REFS, target="sources"),
            CONFIDENCE,
            CREDIBILITY,
            Field("signals", ENTRIES, target="signal"),
            CONSISTENCY,
            RELEVANCE,
            DISPUTED_FIELD,
            Field("status", CHOICE, choices=EVENT_STATUSES),
            Field("places", REFS, target="places"),
            Field("origin", REF, target="places"),
            Field("destination", REF, target="places"),
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
            Field("text", TEXT, required=True, search=True),
            *_tags(),
            CONFIDENCE,
            CREDIBILITY,
            CONSISTENCY,
            RELEVANCE,
            Field("id", ID),
        ),
        top=False,
    ),
    Kind(
        "judgment",
        "key judgment",
        KeyJudgment,
        (
            Field("text", TEXT, required=True, search=True),
            LIKELIHOOD,
            CONFIDENCE,
            Field("basis", REFS, target="events"),
            *_tags(),
            Field("id", ID),
        ),
        top=False,
    ),
    Kind(
        "section",
        "section",
        Section,
        (
            Field("heading", TEXT, required=True),
            Field("points", POINTS, required=True, target="point"),
        ),
        top=False,
    ),
    Kind(
        "briefings",
        "briefing",
        Briefing,
        (
            Field("id", ID, required=True),
            Field("title", TEXT, required=True, search=True),
            Field("summary", TEXT, required=True, search=True),
            Field("themes", REFS1, required=True, target="themes"),
            Field("key_judgments", ENTRIES, target="judgment"),
            Field("sections", ENTRIES, required=True, target="section"),
            Field("see_also", REFS, target="briefings", attr="see_also_ids", ids=True),
            Field("sources", REFS, target="sources"),
            Field("order", INT),
        ),
        key="id",
        label="title",
    ),
    Kind(
        "sources",
        "source",
        Source,
        (
            Field("id", ID, required=True),
            Field("title", TEXT, required=True, search=True),
            Field("publisher", TEXT, search=True),
            Field("url", URL, search=True),
            Field("published", DATE),
            Field("kind", TEXT),
            Field("reliability", CHOICE, choices=RELIABILITIES),
            Field("accessed", DATE),
            Field("archive_url", URL, search=True),
            Field("origin", TEXT, search=True),
            Field("origin_basis", CHOICE, choices=ORIGIN_BASES),
            Field("via", REF, target="sources"),
            Field("state_media", BOOL),
        ),
        key="id",
        label="title",
    ),
    Kind(
        "relations",
        "relation",
        Relation,
        (
            Field("from", REF, required=True, target="actors", attr="source"),
            Field("to", REF, required=True, target="actors", attr="target"),
            Field("kind", KEBAB, required=True, search=True),
            Field("since", DATE),
            Field("until", DATE),
            Field("summary", TEXT, search=True),
            Field("sources", REFS, target="sources"),
        ),
        date_order=("since", "until"),
    ),
    Kind(
        "transfers",
        "transfer",
        Transfer,
        (
            Field("id", ID, required=True),
            Field("supplier", REF, required=True, target="countries"),
            Field("recipient", REF, required=True, target="countries"),
            Field("designation", TEXT, required=True, search=True),
            Field("category", TEXT, required=True, search=True),
            Field("description", TEXT, search=True),
            Field("ordered", DATE),
            Field("delivered_from", DATE),
            Field("delivered_to", DATE),
            Field("quantity_ordered", INT_RANGE),
            Field("quantity_delivered", INT_RANGE),
            Field("value_usd", NUMBER_RANGE),
            Field("status", CHOICE, choices=TRANSFER_STATUSES),
            Field("sources", REFS, target="sources"),
            Field("notes", TEXT, search=True),
            DISPUTED_FIELD,
            Field("places", REFS, target="places"),
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
            Field("id", ID),
            Field("text", TEXT, required=True, search=True),
            Field("counts", TEXT, search=True),
            Field("deadline", DATE),
            Field("horizon", TEXT, search=True),
            Field("type", CHOICE, choices=INDICATOR_TYPES),
            Field("criteria", TEXT, search=True),
        ),
        top=False,
    ),
    Kind(
        "scenarios",
        "scenario",
        Scenario,
        (
            Field("id", ID, required=True),
            Field("title", TEXT, required=True, search=True),
            Field("summary", TEXT, required=True, search=True),
            LIKELIHOOD,
            Field("horizon", TEXT, search=True),
            Field("drivers", TEXTS, search=True),
            Field("indicators", ITEMS, target="indicator", search=True),
            Field("themes", REFS, target="themes"),
            Field("countries", REFS, target="countries"),
        ),
        key="id",
        label="title",
    ),
    Kind(
        "questions",
        "question",
        Question,
        (
            Field("id", ID, required=True),
            Field("text", TEXT, required=True, search=True),
            Field("summary", TEXT, search=True),
        ),
        key="id",
        label="text",
    ),
    Kind(
        "hypotheses",
        "hypothesis",
        Hypothesis,
        (
            Field("id", ID, required=True),
            Field("question", REF, required=True, target="questions"),
            Field("statement", TEXT, required=True, search=True),
            Field("scenario", REF, target="scenarios"),
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
    return {f.name: f.target for f in kind.fields if f.type.reference and f.target}
