"""The typed, frozen corpus model: topic files after validation, with every link resolved."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..core.dates import PartialDate
from ..core.record import Record, field

# Not `typing.TYPE_CHECKING`: a warm run does not import typing (docs/performance.md); type
# checkers treat any `TYPE_CHECKING` as true. The value sets below are the run time's.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Literal

    Confidence = Literal["low", "moderate", "high"]
    # ICD 203's terms of likelihood, its first row (docs/format.md "Likelihood").
    Likelihood = Literal[
        "almost-no-chance",
        "very-unlikely",
        "unlikely",
        "roughly-even-chance",
        "likely",
        "very-likely",
        "almost-certain",
    ]
    ActorKind = Literal[
        "person", "state", "organization", "company", "military", "international-body"
    ]
    TransferStatus = Literal["ordered", "delivering", "delivered", "cancelled", "unconfirmed"]
    EventStatus = Literal["lead"]
    PlacePrecision = Literal["site", "town", "region", "country"]
    Reliability = Literal["A", "B", "C", "D", "E", "F"]
    OriginBasis = Literal["credit", "text"]
    # Admiralty credibility of a piece of information, apart from its source's reliability.
    Credibility = Literal["1", "2", "3", "4", "5", "6"]
    Direction = Literal["for", "against"]
    # How consistent a piece of evidence is with a hypothesis (PARC ACH): very consistent,
    # consistent, neutral, not applicable, inconsistent, very inconsistent (docs/ach.md).
    Consistency = Literal["CC", "C", "N", "NA", "I", "II"]
    # How much an item of evidence matters to its question (PARC ACH's relevance weight).
    Relevance = Literal["low", "medium", "high"]
    # What kind of change a scenario indicator watches for (docs/format.md "indicators").
    IndicatorType = Literal["occurrence", "state", "absence"]
else:  # at run time, for modules that import the names
    Confidence = Likelihood = ActorKind = TransferStatus = EventStatus = PlacePrecision = str
    Reliability = Credibility = Direction = Consistency = Relevance = IndicatorType = str

CONFIDENCES: tuple[Confidence, ...] = ("low", "moderate", "high")
LIKELIHOODS: tuple[Likelihood, ...] = (
    "almost-no-chance",
    "very-unlikely",
    "unlikely",
    "roughly-even-chance",
    "likely",
    "very-likely",
    "almost-certain",
)
# ICD 203's second row of terms, read as the first row's (and vrmc's older `roughly-even`).
LIKELIHOOD_ALIASES: tuple[tuple[str, Likelihood], ...] = (
    ("remote", "almost-no-chance"),
    ("highly-improbable", "very-unlikely"),
    ("improbable", "unlikely"),
    ("roughly-even-odds", "roughly-even-chance"),
    ("roughly-even", "roughly-even-chance"),
    ("probable", "likely"),
    ("highly-probable", "very-likely"),
    ("nearly-certain", "almost-certain"),
)
# The probability range of each term, in percent (ICD 203).
LIKELIHOOD_RANGES: dict[Likelihood, tuple[int, int]] = {
    "almost-no-chance": (1, 5),
    "very-unlikely": (5, 20),
    "unlikely": (20, 45),
    "roughly-even-chance": (45, 55),
    "likely": (55, 80),
    "very-likely": (80, 95),
    "almost-certain": (95, 99),
}
ACTOR_KINDS: tuple[ActorKind, ...] = (
    "person",
    "state",
    "organization",
    "company",
    "military",
    "international-body",
)
EVENT_STATUSES: tuple[EventStatus, ...] = ("lead",)
# How exactly a place is known, finest first (ACLED's geo-precision 1-3, and a country).
PLACE_PRECISIONS: tuple[PlacePrecision, ...] = ("site", "town", "region", "country")
TRANSFER_STATUSES: tuple[TransferStatus, ...] = (
    "ordered",
    "delivering",
    "delivered",
    "cancelled",
    "unconfirmed",
)
RELIABILITIES: tuple[Reliability, ...] = ("A", "B", "C", "D", "E", "F")
# What a source's `origin` rests on: a credit the page prints (the default), or the page's
# words matching a credited copy word for word (docs/grading.md "Independent origins").
ORIGIN_BASES: tuple[OriginBasis, ...] = ("credit", "text")
CREDIBILITIES: tuple[Credibility, ...] = ("1", "2", "3", "4", "5", "6")
DIRECTIONS: tuple[Direction, ...] = ("for", "against")
CONSISTENCIES: tuple[Consistency, ...] = ("CC", "C", "N", "NA", "I", "II")
RELEVANCES: tuple[Relevance, ...] = ("low", "medium", "high")
INDICATOR_TYPES: tuple[IndicatorType, ...] = ("occurrence", "state", "absence")
RELIABILITY_MEANING = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
CREDIBILITY_MEANING = {
    "1": "confirmed by other sources",
    "2": "probably true",
    "3": "possibly true",
    "4": "doubtful",
    "5": "improbable",
    "6": "truth cannot be judged",
}

Number = int | float
Disputes = tuple[tuple[str, str], ...]  # (field name, who says what), in file order


class Range(Record, frozen=True, eq=True):
    """A quantity or value the sources give as a range, `low` to `high` (low <= high)."""

    low: Number
    high: Number

    def __str__(self) -> str:
        return f"{self.low}–{self.high}"


def dispute(disputed: Disputes, name: str) -> str | None:
    """The note on field `name` of an entry's `disputed`, or None when it is not disputed."""
    return next((note for field_name, note in disputed if field_name == name), None)


# eq=False everywhere: entries are compared and hashed by identity. Ids are unique per kind,
# so identity is the right equality, and it keeps hashing O(1) for these linked graphs.


class Topic(Record, frozen=True):
    """What the corpus is about (FORMAT.md `topic`)."""

    title: str
    subtitle: str | None = None
    summary: str | None = None
    as_of: PartialDate | None = None


class Source(Record, frozen=True):
    """A cited work, with how far it can be trusted."""

    id: str
    title: str
    publisher: str | None = None
    url: str | None = None
    published: PartialDate | None = None
    kind: str | None = None
    reliability: Reliability | None = None
    accessed: PartialDate | None = None  # when the page was read
    archive_url: str | None = None  # a saved copy, for when the page moves or goes
    origin: str | None = None  # who first reported what the page carries (an agency, an issuer)
    via: Source | None = None  # the corpus source this page copies
    state_media: bool = False  # the outlet is owned or directed by a state
    # What `origin` rests on: None or "credit", a credit the page prints; "text", its words
    # matching a credited copy (docs/grading.md "Independent origins").
    origin_basis: OriginBasis | None = None

    @property
    def origin_by_text(self) -> bool:
        """Its origin (at the end of its `via` chain) rests on matching text, not a credit."""
        root = self.root
        return root.origin_basis == "text" and root.origin is not None

    @property
    def root(self) -> Source:
        """The end of the `via` chain: the source this page's text comes from (the linker
        refuses cycles)."""
        source = self
        while source.via is not None:
            source = source.via
        return source


class Theme(Record, frozen=True):
    """A subject in the theme tree; `parent` is None at a root."""

    id: str
    title: str
    description: str | None = None
    parent: Theme | None = None

    @property
    def path(self) -> tuple[Theme, ...]:
        """This theme's ancestors from the root down, itself last."""
        chain: list[Theme] = []
        node: Theme | None = self
        while node is not None:
            chain.append(node)
            node = node.parent
        return tuple(reversed(chain))


class Country(Record, frozen=True):
    """A country by its ISO 3166-1 alpha-2 code."""

    code: str
    name: str
    aliases: tuple[str, ...] = ()
    region: str | None = None


class Role(Record, frozen=True):
    """A post an actor held, over the dates known."""

    title: str
    start: PartialDate | None = None
    end: PartialDate | None = None


class Actor(Record, frozen=True):
    """A person, state or organisation."""

    id: str
    name: str
    kind: ActorKind
    country: Country | None = None
    seat: Place | None = None  # where it sits: a capital, a headquarters
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    summary: str | None = None
    stance: str | None = None
    themes: tuple[Theme, ...] = ()
    sources: tuple[Source, ...] = ()


class Signal(Record, frozen=True):
    """An event's bearing on a scenario indicator: it is a sign of it, or against it."""

    indicator: str  # the indicator's id (indicators are defined in scenarios, after events)
    direction: Direction
    note: str | None = None


class Rating(Record, frozen=True):
    """How consistent an event or point is with one hypothesis (its `consistency` field)."""

    hypothesis: str  # the hypothesis id (checked by the linker)
    rating: Consistency
    note: str | None = None
    analyst: str | None = None  # who gave `rating`
    # Other analysts' ratings of the same pair, in file order (docs/ach.md "Analysts").
    analysts: tuple[tuple[str, Consistency], ...] = ()


class Place(Record, frozen=True):
    """Where things happened: a named point with the precision it is known to."""

    id: str
    name: str
    latitude: float
    longitude: float
    aliases: tuple[str, ...] = ()
    country: Country | None = None
    precision: PlacePrecision | None = None
    gazetteer: str | None = None
    sources: tuple[Source, ...] = ()


class Event(Record, frozen=True):
    """A dated event, at the precision its date was written with."""

    id: str
    date: PartialDate
    title: str
    themes: tuple[Theme, ...]
    end: PartialDate | None = None
    circa: bool = False
    display_date: str | None = None
    summary: str | None = None
    countries: tuple[Country, ...] = ()
    actors: tuple[Actor, ...] = ()
    sources: tuple[Source, ...] = ()
    confidence: Confidence | None = None
    credibility: Credibility | None = None
    signals: tuple[Signal, ...] = ()
    consistency: tuple[Rating, ...] = ()
    relevance: Relevance | None = None
    disputed: Disputes = ()
    status: EventStatus | None = None
    places: tuple[Place, ...] = ()
    origin: Place | None = None  # a route's start (a flight, a voyage)
    destination: Place | None = None  # a route's end  # "lead": not yet checked against its sources


class Point(Record, frozen=True):
    """One point of a briefing section."""

    text: str
    themes: tuple[Theme, ...] = ()
    countries: tuple[Country, ...] = ()
    actors: tuple[Actor, ...] = ()
    sources: tuple[Source, ...] = ()
    confidence: Confidence | None = None
    credibility: Credibility | None = None
    consistency: tuple[Rating, ...] = ()
    relevance: Relevance | None = None
    id: str | None = None  # a stable name across versions (vrmc diff)
    # The briefing's themes, which every point inherits (FORMAT.md "briefings").
    inherited_themes: tuple[Theme, ...] = ()


class KeyJudgment(Record, frozen=True):
    """An analytic judgment of a briefing, with its likelihood and basis."""

    text: str
    likelihood: Likelihood | None = None
    confidence: Confidence | None = None
    basis: tuple[Event, ...] = ()
    themes: tuple[Theme, ...] = ()
    countries: tuple[Country, ...] = ()
    actors: tuple[Actor, ...] = ()
    sources: tuple[Source, ...] = ()
    inherited_themes: tuple[Theme, ...] = ()
    id: str | None = None  # a stable name across versions (vrmc diff)


class Section(Record, frozen=True):
    """A headed group of a briefing's points."""

    heading: str
    points: tuple[Point, ...]


class Briefing(Record, frozen=True):
    """A briefing on one subject: summary, key judgments, sections."""

    id: str
    title: str
    summary: str
    themes: tuple[Theme, ...]
    sections: tuple[Section, ...]
    key_judgments: tuple[KeyJudgment, ...] = ()
    see_also_ids: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    order: int | None = None  # where it comes in a report: lower first, then those without


class Relation(Record, frozen=True):
    """A tie from one actor to another, over the dates known."""

    source: Actor  # the `from` actor
    target: Actor  # the `to` actor
    kind: str
    since: PartialDate | None = None
    until: PartialDate | None = None
    summary: str | None = None
    sources: tuple[Source, ...] = ()


class Transfer(Record, frozen=True):
    """One row of the arms-transfer register."""

    id: str
    supplier: Country
    recipient: Country
    designation: str
    category: str
    description: str | None = None
    ordered: PartialDate | None = None
    delivered_from: PartialDate | None = None
    delivered_to: PartialDate | None = None
    quantity_ordered: int | Range | None = None
    quantity_delivered: int | Range | None = None
    value_usd: Number | Range | None = None
    status: TransferStatus | None = None
    sources: tuple[Source, ...] = ()
    notes: str | None = None
    disputed: Disputes = ()
    places: tuple[Place, ...] = ()


class Indicator(Record, frozen=True):
    """A signpost of a scenario: its text, and when it has an id, what events can signal."""

    text: str
    id: str | None = None
    counts: str | None = None  # what would count as seeing it (the older name of criteria)
    deadline: PartialDate | None = None
    horizon: str | None = None
    type: IndicatorType | None = None
    criteria: str | None = None  # what would count as seeing it

    @property
    def what_counts(self) -> str | None:
        """What would count as seeing it: `criteria`, or the older `counts`."""
        return self.criteria or self.counts


class Scenario(Record, frozen=True):
    """An outlook scenario, with its drivers and the indicators to watch."""

    id: str
    title: str
    summary: str
    likelihood: Likelihood | None = None
    horizon: str | None = None
    drivers: tuple[str, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    themes: tuple[Theme, ...] = ()
    countries: tuple[Country, ...] = ()


class Question(Record, frozen=True):
    """An analysis of competing hypotheses: the question its hypotheses answer (docs/ach.md)."""

    id: str
    text: str
    summary: str | None = None


class Hypothesis(Record, frozen=True):
    """One answer to an ACH question, optionally tied to an outlook scenario."""

    id: str
    question: Question
    statement: str
    scenario: Scenario | None = None


class Corpus(Record, frozen=True):
    """Everything a set of corpus folders holds, validated and linked.

    Lists keep corpus order (files in sorted path order, entries in file order), except
    `events`, which is sorted by date then id, and `actors`, sorted by id.
    """

    topic: Topic | None
    themes: tuple[Theme, ...]
    countries: tuple[Country, ...]
    actors: tuple[Actor, ...]
    events: tuple[Event, ...]
    briefings: tuple[Briefing, ...]
    sources: tuple[Source, ...]
    relations: tuple[Relation, ...]
    transfers: tuple[Transfer, ...]
    scenarios: tuple[Scenario, ...]
    files: int = 0
    places: tuple[Place, ...] = ()
    questions: tuple[Question, ...] = ()
    hypotheses: tuple[Hypothesis, ...] = ()
    theme_by_id: dict[str, Theme] = field(default_factory=dict)
    actor_by_id: dict[str, Actor] = field(default_factory=dict)
    briefing_by_id: dict[str, Briefing] = field(default_factory=dict)
    country_by_code: dict[str, Country] = field(default_factory=dict)

    def see_also(self, briefing: Briefing) -> tuple[Briefing, ...]:
        return tuple(self.briefing_by_id[i] for i in briefing.see_also_ids)

    if not TYPE_CHECKING:  # (for the type checker, a corpus has only its fields)

        def __getattr__(self, name):
            # Only for a field not set: the events and briefings of a corpus read from the
            # cache, until first read (corpus/cache.py, `UNREAD`).
            found = UNREAD.get(id(self))
            if found is None or found[0] is not self or name not in found[1]:
                raise AttributeError(name)
            del UNREAD[id(self)]
            found[2](self)
            return getattr(self, name)


# Corpora read from the cache whose heavy fields are not read yet, by identity: (the corpus,
# the names of those fields, what sets them). Kept by corpus/cache.py.
UNREAD: dict[int, tuple[Corpus, tuple[str, ...], Callable[[Corpus], None]]] = {}


def countries_of(countries: Iterable[Country], actors: Iterable[Actor]) -> set[Country]:
    """An item's own countries together with the country of every actor it names (FORMAT.md
    "Which countries an item belongs to")."""
    found = set(countries)
    found.update(a.country for a in actors if a.country is not None)
    return found
