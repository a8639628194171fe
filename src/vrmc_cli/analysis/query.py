"""Filters and selections: which events, points, actors, transfers... a command shows.

Semantics (FORMAT.md "Filters across commands"): values of one filter are ORed, different
filters are ANDed; a theme keeps its whole subtree; an item's countries include those of the
actors it names; dates keep items whose span overlaps the window. A filter on a dimension an
item kind does not have (themes of a transfer, dates or places of a briefing point) does not
remove it. An actor is placed by its seat, as it is by its own country: one with no seat is
not kept by --place or --near.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cache

from ..core.choice import HINTS, offer
from ..core.dates import PartialDate, overlapping, overlaps, parse_date, span, window
from ..core.errors import UsageError
from ..core.record import Record
from ..core.textsafe import fold, quote, shorten
from ..corpus.keys import (
    ACTORS,
    COUNTRIES,
    DATES,
    PLACES,
    THEMES,
    event_index,
    event_key,
)
from ..corpus.model import (
    Actor,
    Briefing,
    Corpus,
    Country,
    Event,
    KeyJudgment,
    Place,
    Point,
    Question,
    Relation,
    Role,
    Scenario,
    Section,
    Theme,
    Transfer,
    countries_of,
)

# Not `typing.TYPE_CHECKING`: a warm run imports neither typing nor `re` (docs/performance.md);
# type checkers treat any `TYPE_CHECKING` as true.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import datetime as _dt
    import re
    from typing import Any, cast

    _DaysBase = Mapping[str, tuple[tuple[_dt.date, _dt.date], ...]]
    _PickedBase = Sequence[Event]
else:
    _DaysBase = _PickedBase = object

    def cast(_type, value):  # typing.cast
        return value


class Filter(Record):
    """Resolved filter values; an empty set means "no filter on this dimension"."""

    themes: frozenset[Theme] = frozenset()  # already expanded with every subtheme
    countries: frozenset[Country] = frozenset()
    actors: frozenset[Actor] = frozenset()
    since: PartialDate | None = None
    until: PartialDate | None = None
    places: frozenset[Place] = frozenset()  # --place: located at one of these
    near: tuple[float, float, float] | None = None  # --near: latitude, longitude, km
    # The values as the user named them, for notes and report titles.
    labels: tuple[str, ...] = ()
    # With a date window: the days of the events naming each actor (by id), which date
    # an actor as its roles do (build_filter fills it from the corpus).
    event_days: Mapping[str, tuple[tuple[_dt.date, _dt.date], ...]] | None = None

    @property
    def active(self) -> bool:
        return bool(
            self.themes or self.countries or self.actors or self.since or self.until or self.located
        )

    @property
    def located(self) -> bool:
        """Whether the filter asks for places (--place, --near)."""
        return bool(self.places or self.near)

    def place_ok(self, places: Iterable[Place | None]) -> bool:
        """Located at a place asked for, and near the point asked for (both when both are
        asked); an entry with no place passes only when no place is asked for."""
        if not self.located:
            return True
        found = [p for p in places if p is not None]
        if self.places and self.places.isdisjoint(found):
            return False
        if self.near is not None:
            lat, lon, km = self.near
            from .geo import distance_km  # here: only --near measures distances

            return any(distance_km(lat, lon, p.latitude, p.longitude) <= km for p in found)
        return True

    # -- single dimensions -----------------------------------------------------------------

    # Each: no filter on the dimension, or one of the values asked for (isdisjoint: in C).

    def theme_ok(self, themes: Iterable[Theme]) -> bool:
        return not self.themes or not self.themes.isdisjoint(themes)

    def country_ok(self, countries: Iterable[Country | None]) -> bool:
        return not self.countries or not self.countries.isdisjoint(countries)

    def actor_ok(self, actors: Iterable[Actor]) -> bool:
        return not self.actors or not self.actors.isdisjoint(actors)

    def dates_ok(self, start: PartialDate | None, end: PartialDate | None = None) -> bool:
        if not (self.since or self.until) or start is None:
            return True
        return overlapping(start, end, self.since, self.until)

    # -- item kinds ------------------------------------------------------------------------

    def event_ok(self, event: Event) -> bool:
        """Whether `event` passes: each active test on its key (corpus/keys.py)."""
        return all(test(event_key(event, dimension)) for dimension, test in self.event_tests())

    def event_tests(self) -> list[tuple[int, Callable[[Any], bool]]]:
        """The test of each active filter of events, on the event's key in that dimension
        (corpus/keys.py: themes, countries with those of its actors, actors, (date, end),
        places), the most selective first: what `event_ok` and `select_events` apply."""
        tests: list[tuple[int, Callable[[Any], bool]]] = []
        if self.countries:
            tests.append((COUNTRIES, self.country_ok))
        if self.actors:
            tests.append((ACTORS, self.actor_ok))
        if self.themes:
            tests.append((THEMES, self.theme_ok))
        if self.dated:
            tests.append((DATES, self._dates_key_ok))
        if self.located:
            tests.append((PLACES, self.place_ok))
        return tests

    def _dates_key_ok(self, key: tuple[PartialDate, PartialDate | None]) -> bool:
        return self.dates_ok(*key)

    def point_ok(self, point: Point | KeyJudgment) -> bool:
        return (
            self.theme_ok((*point.themes, *point.inherited_themes))
            and self.country_ok(item_countries(point.countries, point.actors))
            and self.actor_ok(point.actors)
        )

    @property
    def dated(self) -> bool:
        """Whether the filter has a date window."""
        return bool(self.since or self.until)

    def actor_entry_ok(self, actor: Actor) -> bool:
        return (
            self.theme_ok(actor.themes)
            and self.country_ok((actor.country,))
            and self.actor_ok((actor,))
            and self.actor_dates_ok(actor)
            and self.place_ok((actor.seat,))
        )

    def actor_dates_ok(self, actor: Actor) -> bool:
        """An actor is dated by its dated roles and by the events naming it: kept when one
        of them overlaps the window (a role without an end still holds), or when it has
        neither (then it is undated, and kept)."""
        if not self.dated:
            return True
        spans = [open_span(r.start, r.end) for r in dated_roles(actor)]
        spans += (self.event_days or {}).get(actor.id, ())
        if not spans:
            return True
        window_span = window(self.since, self.until)
        return any(overlaps(s, window_span) for s in spans)

    def transfer_ok(self, transfer: Transfer) -> bool:
        return (
            self.country_ok((transfer.supplier, transfer.recipient))
            and self.transfer_dates_ok(transfer)
            and self.place_ok(transfer.places)
        )

    def transfer_dates_ok(self, transfer: Transfer) -> bool:
        """A transfer spans from the first of its dates (ordered, delivered from, delivered
        to) to the last; one without any date is kept."""
        dates = transfer_dates(transfer)
        if not self.dated or not dates:
            return True
        start = min(d.first_day for d in dates)
        end = max(d.last_day for d in dates)
        return overlaps((start, end), window(self.since, self.until))

    def scenario_ok(self, scenario: Scenario) -> bool:
        return self.theme_ok(scenario.themes) and self.country_ok(scenario.countries)

    def relation_ok(self, relation: Relation) -> bool:
        ends = (relation.source, relation.target)
        return (
            self.country_ok(a.country for a in ends)
            and self.actor_ok(ends)
            and self.relation_dates_ok(relation)
        )

    def relation_dates_ok(self, relation: Relation) -> bool:
        """A relation lasts from `since` to `until`; without `until` it still holds, and
        without `since` it held since before the sources say."""
        if not (self.since or self.until) or not (relation.since or relation.until):
            return True
        start, end = window(relation.since, relation.until)
        return overlaps((start, end), window(self.since, self.until))


item_countries = countries_of

# --near without --within: the radius of a city and its airport and port.
DEFAULT_WITHIN_KM = 25.0


def open_span(start: PartialDate | None, end: PartialDate | None) -> tuple[_dt.date, _dt.date]:
    """The days from `start` to `end`; an open end reaches to the earliest or latest day."""
    return window(start, end)


def dated_roles(actor: Actor) -> list[Role]:
    """The roles of `actor` that carry a date (`from` or `to`): with the events naming it,
    what dates an actor."""
    return [r for r in actor.roles if r.start or r.end]


def event_days(corpus: Corpus) -> dict[str, tuple[tuple[_dt.date, _dt.date], ...]]:
    """For each actor (by id) the days of the events naming it."""
    found: dict[str, list[tuple[_dt.date, _dt.date]]] = {}
    for e in corpus.events:
        for a in e.actors:
            found.setdefault(a.id, []).append(span(e.date, e.end))
    return {k: tuple(v) for k, v in found.items()}


class EventDays(_DaysBase):
    """`event_days(corpus)`, worked out when first read: a filter of events with a date
    window does not read it, and a corpus read from the cache then need not rebuild its
    events to filter them (corpus/cache.py). (A Mapping for the type checker; at run time a
    plain class: an ABC's subclass costs every warm run more to make.)"""

    def __init__(self, corpus: Corpus) -> None:
        self._corpus = corpus
        self._found: dict[str, tuple[tuple[_dt.date, _dt.date], ...]] | None = None

    def _days(self) -> dict[str, tuple[tuple[_dt.date, _dt.date], ...]]:
        if self._found is None:
            self._found = event_days(self._corpus)
        return self._found

    def __getitem__(self, key: str) -> tuple[tuple[_dt.date, _dt.date], ...]:
        return self._days()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._days())

    def __len__(self) -> int:
        return len(self._days())

    def get(self, key: str, default: Any = None) -> Any:
        return self._days().get(key, default)

    def __contains__(self, key: object) -> bool:
        return key in self._days()


def holds(role: Role, day: _dt.date) -> bool:
    """Whether `role` is open on `day`: begun by then (or no start known) and not ended."""
    return (role.start is None or role.start.first_day <= day) and (
        role.end is None or role.end.last_day >= day
    )


def current_role(actor: Actor, as_of: PartialDate | None) -> tuple[Role | None, bool]:
    """The role open at the corpus's `as_of` (its last day; without one, any role with no
    end is open): of the dated roles open then, the one that began last; an undated role
    (no `from`, no `to`) only when no dated role is open, the last one listed. Failing
    both, the role that ended last, with False: it is the latest known, not a current one.
    docs/format.md "actors" states the same rule."""
    day = window(None, as_of)[1]
    dated = dated_roles(actor)
    open_dated = [r for r in dated if holds(r, day)]
    if open_dated:
        return max(open_dated, key=lambda r: r.start.key if r.start else (0, 0, 0)), True
    undated_roles = [r for r in actor.roles if not (r.start or r.end)]
    if undated_roles:
        return undated_roles[-1], True
    ended = [r for r in dated if r.end and r.end.last_day < day]
    if ended:
        return max(ended, key=lambda r: r.end.key if r.end else (0, 0, 0)), False
    return None, False


def transfer_dates(transfer: Transfer) -> list[PartialDate]:
    return [
        d
        for d in (transfer.ordered, transfer.delivered_from, transfer.delivered_to)
        if d is not None
    ]


def undated(f: Filter, items: Iterable[object]) -> list[object]:
    """Those of `items` a date filter kept only because they carry no date: actors without
    a dated role, transfers without a date, relations without `since` or `until`, briefing
    points and key judgments, scenarios. None without a date filter."""
    if not f.dated:
        return []
    kept: list[object] = []
    for item in items:
        if isinstance(item, Actor):
            no_date = not dated_roles(item) and not (f.event_days or {}).get(item.id)
        elif isinstance(item, Transfer):
            no_date = not transfer_dates(item)
        elif isinstance(item, Relation):
            no_date = not (item.since or item.until)
        else:
            no_date = isinstance(item, Point | KeyJudgment | Scenario)
        if no_date:
            kept.append(item)
    return kept


# --------------------------------------------------------------------------- resolving names


@cache
def _word_pattern() -> re.Pattern[str]:
    """A word of a name (letters and digits): compiled when a name is first resolved."""
    import re

    return re.compile(r"[^\W_]+")


def _words(text: str) -> list[str]:
    return _word_pattern().findall(text)


class Named(Record):
    """An entry as the user may name it: its id, then its names (name, aliases...), each
    folded (case and accents ignored), and how to show it in a message."""

    entry: object
    id: str
    names: tuple[str, ...]
    shown: str  # the id and name, for lists of candidates
    spelled: dict[str, str]  # each folded key and word as the corpus writes it
    written_id: str
    plain: tuple[str, ...] = ()  # the id and names folded but not respelled

    @property
    def keys(self) -> tuple[str, ...]:
        return (self.id, *self.names)

    @property
    def words(self) -> tuple[tuple[str, ...], ...]:
        """The words of each key: `vladimir padrino lopez` -> (vladimir, padrino, lopez)."""
        return tuple(tuple(_words(k)) for k in self.keys)


def _named(entry: object, ident: str, display: str, *others: str) -> Named:
    written = [n.strip() for n in (ident, display, *others) if n.strip()]
    spelled: dict[str, str] = {}
    for text in (*written[1:], written[0]):  # the words of names before those of the id
        spelled.setdefault(name_key(text), text)
        for word in _words(text):
            spelled.setdefault(name_key(word), word)
    names = tuple(dict.fromkeys(name_key(n) for n in written[1:]))
    shown = ident if fold(display) == fold(ident) else f"{display} ({ident})"
    plain = tuple(dict.fromkeys(" ".join(fold(n).split()) for n in written))
    return Named(entry, name_key(ident), names, shown, spelled, ident, plain)


def name_key(text: str) -> str:
    """How a name is matched: folded (case and accents ignored), respelled (British and
    American spellings, romanisations of Russian and Spanish names: core.spelling), and
    its words one space apart."""
    from ..core.spelling import respell  # here: only a name looked up is respelled

    return " ".join(respell(fold(text)).split())


def named_actors(corpus: Corpus) -> list[Named]:
    """Actors by id, name and aliases; a state also by its country's code, name and aliases
    (`-a US` is the United States)."""
    out = []
    for a in corpus.actors:
        extra: tuple[str, ...] = ()
        if (
            a.kind == "state"
            and a.country is not None
            and fold(a.name)
            in (
                fold(a.country.name),
                *(fold(x) for x in a.country.aliases),
            )
        ):
            extra = (a.country.code, a.country.name, *a.country.aliases)
        out.append(_named(a, a.id, a.name, *a.aliases, *extra))
    return out


def named_themes(corpus: Corpus) -> list[Named]:
    return [_named(t, t.id, t.title) for t in corpus.themes]


def named_countries(corpus: Corpus) -> list[Named]:
    return [_named(c, c.code, c.name, *c.aliases) for c in corpus.countries]


def named_briefings(corpus: Corpus) -> list[Named]:
    return [_named(b, b.id, b.title) for b in corpus.briefings]


def named_places(corpus: Corpus) -> list[Named]:
    return [_named(p, p.id, p.name, *p.aliases) for p in corpus.places]


def named_questions(corpus: Corpus) -> list[Named]:
    return [_named(q, q.id, q.text) for q in corpus.questions]


NAMED = {
    "actor": named_actors,
    "theme": named_themes,
    "country": named_countries,
    "briefing": named_briefings,
    "question": named_questions,
    "place": named_places,
}


def _contains(words: tuple[str, ...], wanted: tuple[str, ...]) -> bool:
    n = len(wanted)
    return any(words[i : i + n] == wanted for i in range(len(words) - n + 1))


def match_tiers(value: str, named: Sequence[Named]) -> list[list[Named]]:
    """The entries `value` names, tier by tier, closest first: the exact id; a whole name or
    alias; the first words of one (`arms` for `Arms sales`); any word or run of words of
    one (a surname); the start of an id, a name or a word.
    Case and accents are ignored everywhere; each tier is tried as written first, then with
    spelling variants folded (`name_key`): `Iván` is Iván Duque before it is Yván Gil."""
    plain = _tiers(" ".join(fold(value).split()), [(n, n.plain[0], n.plain[1:]) for n in named])
    # Ids are matched as written only: spelling variants are for names (`yland-navi` is
    # not the id `yland-navy`).
    respelled = _tiers(name_key(value), [(n, "", n.names) for n in named])
    return [tier for pair in zip(plain, respelled, strict=True) for tier in pair]


def _tiers(key: str, named: Sequence[tuple[Named, str, tuple[str, ...]]]) -> list[list[Named]]:
    if not key:
        return [[] for _ in range(5)]
    wanted = tuple(_words(key))
    keyed = [
        (n, ident, names, [tuple(_words(k)) for k in (ident, *names)]) for n, ident, names in named
    ]
    exact = [n for n, ident, _, _ in keyed if ident == key]
    whole = [n for n, _, names, _ in keyed if key in names]
    first = [n for n, _, _, ws in keyed if wanted and any(w[: len(wanted)] == wanted for w in ws)]
    words = [n for n, _, _, ws in keyed if wanted and any(_contains(w, wanted) for w in ws)]
    starts = [
        n
        for n, ident, names, ws in keyed
        if any(k.startswith(key) for k in (ident, *names))
        or (len(wanted) == 1 and any(w.startswith(wanted[0]) for w_ in ws for w in w_))
    ]
    return [exact, whole, first, words, starts]


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance with adjacent transpositions counted as one edit; any distance
    above `limit` is reported as `limit + 1` (and found sooner)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            cost = ca != cb
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[-1], limit + 1)


def suggestions(value: str, named: Sequence[Named], n: int = 3) -> list[str]:
    """The closest entries to a value that names none, by edit distance over ids, names,
    aliases and their words, closest first: each as the key that came closest (the id after
    it when that key is not the id)."""
    key = name_key(value)
    if not key:
        return []
    limit = 1 if len(key) <= 4 else 2 if len(key) <= 8 else 3
    # Ties go to an id, then a whole name or alias, then a word of one.
    ranked: list[tuple[int, int, int, str]] = []
    for index, entry in enumerate(named):
        candidates = [
            (0, entry.id),
            *((1, k) for k in entry.names),
            *((2, w) for ws in entry.words for w in ws),
        ]
        best = min((edit_distance(key, c, limit), rank, c) for rank, c in candidates)
        if best[0] <= limit:
            ranked.append((best[0], best[1], index, best[2]))
    ranked.sort()
    out = []
    for _, _, index, closest in ranked[:n]:
        entry = named[index]
        ident = entry.written_id
        written = entry.spelled.get(closest, closest)
        out.append(repr(_cut(ident)) if closest == entry.id else f"{_cut(written)!r} ({ident})")
    return out


# A name in a hint is cut to this many characters: a hint names candidates, it does not
# print them (a 3,000-character name once made one error 3 KB long).
HINT_NAME = 40


# A candidate up to this long is listed whole (issue 23: no value cut in an error); a longer
# one keeps its id whole and has its name cut.
HINT_WHOLE = 80


def _cut(text: str) -> str:
    """A candidate as a hint lists it: whole when short; else its name cut to HINT_NAME and
    its `(id)` kept, so the reader can still type it."""
    if len(text) <= HINT_WHOLE:
        return text
    head, sep, tail = text.rpartition(" (")
    if sep and tail.endswith(")") and len(tail) <= HINT_WHOLE:
        return head[: HINT_NAME - 1] + "… (" + tail
    return text[: HINT_NAME - 1] + "…"


def _hint(value: str, named: Sequence[Named], listing: Sequence[str] = ()) -> str:
    """The closest known values; all of them (or `listing`) when there are only a few."""
    close = suggestions(value, named)
    if close:
        return offer(close)
    shown = list(listing) or [n.shown for n in named]
    if not shown:
        return " (there are none in this corpus)"
    if len(shown) <= HINTS:
        return " (known: " + ", ".join(map(_cut, shown)) + ")"
    return ""


_PLURAL = {
    "actor": "actors",
    "theme": "themes",
    "country": "countries",
    "briefing": "briefings",
    "question": "questions",
    "place": "places",
}
_SEE = {
    "actor": "vrmc actors",
    "theme": "vrmc themes",
    "country": "vrmc countries",
    "briefing": "vrmc brief",
    "question": "vrmc ach",
    "place": "vrmc map",
}


def resolve(corpus: Corpus, kind: str, value: str) -> object:
    """The one entry of `kind` (a key of NAMED) that `value` names, by the first tier of
    `match_tiers` that names any. Several in that tier, or none at all, is a UsageError that
    lists the candidates or the closest names."""
    exact = _exact_id(corpus, kind, value)
    if exact is not None:
        return exact
    named = NAMED[kind](corpus)
    for tier in match_tiers(value, named):
        if len(tier) == 1:
            return tier[0].entry
        if tier:
            listed = ", ".join(_cut(n.shown) for n in tier[:HINTS])
            more = f" and {len(tier) - HINTS} more" if len(tier) > HINTS else ""
            raise UsageError(
                f"{quote(value)} matches several {_PLURAL[kind]}: {listed}{more}; "
                "give more of the name or the id"
            )
    listing = [f"{c.name} ({c.code})" for c in corpus.countries] if kind == "country" else ()
    raise UsageError(
        f"unknown {kind} {quote(value)}{_hint(value, named, listing)}; see {quote(_SEE[kind])}"
    )


# Each kind's entries with the id `_named` takes first (`written[0]`, `plain[0]`).
_IDS: dict[str, Callable[[Corpus], Iterable[tuple[object, str]]]] = {
    "actor": lambda corpus: ((a, a.id) for a in corpus.actors),
    "theme": lambda corpus: ((t, t.id) for t in corpus.themes),
    "country": lambda corpus: ((c, c.code) for c in corpus.countries),
    "briefing": lambda corpus: ((b, b.id) for b in corpus.briefings),
    "question": lambda corpus: ((q, q.id) for q in corpus.questions),
    "place": lambda corpus: ((p, p.id) for p in corpus.places),
}


def _exact_id(corpus: Corpus, kind: str, value: str) -> object | None:
    """The entry `value` names by match_tiers' first tier (the exact id, folded) when that
    tier holds exactly one, found without building every entry's respelled names; None when
    the tiers must be walked (no such id, several, or an entry without an id)."""
    key = " ".join(fold(value).split())
    if not key:
        return None
    found = []
    for entry, ident in _IDS[kind](corpus):
        if not ident.strip():
            return None  # `_named` would take its name as its first key
        if " ".join(fold(ident.strip()).split()) == key:
            found.append(entry)
    return found[0] if len(found) == 1 else None


def completions(corpus: Corpus, kind: str, incomplete: str) -> list[str]:
    """What shell completion offers for a value being typed: the ids, one-word names and
    aliases, and the words of names (a surname) that start with it, case and accents
    ignored, so `put` offers `putin`. Each is spelled from what was typed on, as the shell
    keeps only values that start with it; values with spaces are left out, as the shell
    would split them."""
    key = fold(incomplete)
    out: dict[str, None] = {}
    for named in NAMED[kind](corpus):
        for folded, written in named.spelled.items():
            if " " in written or not folded.startswith(key):
                continue
            typed = incomplete + written[len(incomplete) :]
            out[typed if fold(typed) == folded else written] = None
    return sorted(out, key=lambda v: (fold(v), v))


def resolve_theme(corpus: Corpus, value: str) -> Theme:
    return cast(Theme, resolve(corpus, "theme", value))


def resolve_country(corpus: Corpus, value: str) -> Country:
    return cast(Country, resolve(corpus, "country", value))


def resolve_actor(corpus: Corpus, value: str) -> Actor:
    """An actor by id, name, alias, surname or a prefix (case and accents ignored)."""
    return cast(Actor, resolve(corpus, "actor", value))


def resolve_briefing(corpus: Corpus, value: str) -> Briefing:
    """A briefing by id, title, a word of its title or a prefix (case ignored)."""
    return cast(Briefing, resolve(corpus, "briefing", value))


def resolve_place(corpus: Corpus, value: str) -> Place:
    """A place by id, name, alias or a prefix (case and accents ignored)."""
    return cast(Place, resolve(corpus, "place", value))


def resolve_near(corpus: Corpus, value: str) -> tuple[float, float, str]:
    """--near: a place of the corpus, or `LATITUDE,LONGITUDE` in decimal degrees."""
    parts = value.replace(" ", "").split(",")
    if len(parts) == 2:
        try:
            lat, lon = float(parts[0]), float(parts[1])
        except ValueError:
            pass
        else:
            if abs(lat) > 90 or abs(lon) > 180:
                raise UsageError(
                    f"--near {quote(value)}: latitude -90 to 90, longitude -180 to 180"
                )
            return lat, lon, f"{lat:g}, {lon:g}"
    place = resolve_place(corpus, value)
    return place.latitude, place.longitude, place.name


def resolve_question(corpus: Corpus, value: str) -> Question:
    """An ACH question by id, its text, a word of it or a prefix (case ignored)."""
    return cast(Question, resolve(corpus, "question", value))


def did_you_mean(value: str, options: Iterable[str]) -> str:
    """Closest plain values (such as transfer categories), for a usage error."""
    from ..core.choice import did_you_mean as hint

    return hint(fold(value), options, HINTS)


def resolve_date(value: str, option: str) -> PartialDate:
    try:
        return parse_date(value)
    except ValueError as exc:
        raise UsageError(f"{option}: {shorten(str(exc))}") from None


def _children(corpus: Corpus) -> dict[Theme, list[Theme]]:
    """Each theme's children, in corpus order."""
    children: dict[Theme, list[Theme]] = {t: [] for t in corpus.themes}
    for theme in corpus.themes:
        if theme.parent is not None:
            children[theme.parent].append(theme)
    return children


def tree_order(corpus: Corpus) -> list[tuple[Theme, int]]:
    """Every theme with its depth, each parent before its children (corpus order among
    siblings); without recursion, as a chain of themes may be thousands deep."""
    children = _children(corpus)
    out: list[tuple[Theme, int]] = []
    stack = [(t, 0) for t in reversed(corpus.themes) if t.parent is None]
    while stack:
        theme, depth = stack.pop()
        out.append((theme, depth))
        stack.extend((child, depth + 1) for child in reversed(children[theme]))
    return out


def subtree(corpus: Corpus, theme: Theme) -> set[Theme]:
    """The theme and every theme below it."""
    children = _children(corpus)
    found = {theme}
    pending = [theme]
    while pending:
        for child in children[pending.pop()]:
            found.add(child)
            pending.append(child)
    return found


def build_filter(
    corpus: Corpus,
    *,
    themes: Sequence[str] = (),
    countries: Sequence[str] = (),
    actors: Sequence[str] = (),
    since: str | None = None,
    until: str | None = None,
    places: Sequence[str] = (),
    near: str | None = None,
    within: float | None = None,
) -> Filter:
    """Resolve what the user typed into a Filter; unknown values raise UsageError."""
    theme_set: set[Theme] = set()
    for value in themes:
        theme_set |= subtree(corpus, resolve_theme(corpus, value))
    # `is not None`: an empty `--since ''` is a mistake to report, not a missing option.
    start = resolve_date(since, "--since") if since is not None else None
    end = resolve_date(until, "--until") if until is not None else None
    if start and end and end.last_day < start.first_day:
        raise UsageError(f"--until {end} comes before --since {start}")
    if within is not None and near is None:
        raise UsageError("--within is a distance from --near PLACE: give --near too")
    point = None
    if near is not None:
        lat, lon, named = resolve_near(corpus, near)
        km = float(within) if within is not None else DEFAULT_WITHIN_KM
        point = (lat, lon, km)
    labels = (
        *(f"theme {v}" for v in themes),
        *(f"country {v}" for v in countries),
        *(f"actor {v}" for v in actors),
        *((f"since {start}",) if start else ()),
        *((f"until {end}",) if end else ()),
        *(f"place {v}" for v in places),
        *((f"within {point[2]:g} km of {named}",) if point else ()),
    )
    return Filter(
        themes=frozenset(theme_set),
        countries=frozenset(resolve_country(corpus, v) for v in countries),
        actors=frozenset(resolve_actor(corpus, v) for v in actors),
        since=start,
        until=end,
        places=frozenset(resolve_place(corpus, v) for v in places),
        near=point,
        labels=labels,
        event_days=EventDays(corpus) if start or end else None,
    )


# --------------------------------------------------------------------------- selections


def select_events(corpus: Corpus, f: Filter) -> list[Event]:
    """The events `f.event_ok` keeps, in corpus order."""
    return list(pick_events(corpus, f))


class Picked(_PickedBase):
    """Events of a corpus by their positions in `corpus.events`, which is read only when an
    event is: a warm run that writes the events' kept JSON text (render/as_json.py) never
    rebuilds them (corpus/cache.py). (A Sequence for the type checker; at run time a plain
    class, as `EventDays`.)"""

    def __init__(self, corpus: Corpus, positions: list[int], total: int) -> None:
        self.corpus = corpus
        self.positions = positions
        self.total = total  # how many events the corpus has

    def __len__(self) -> int:
        return len(self.positions)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return Picked(self.corpus, self.positions[index], self.total)
        return self.corpus.events[self.positions[index]]

    def __iter__(self) -> Iterator[Event]:
        events = self.corpus.events
        return (events[p] for p in self.positions)

    def reversed(self) -> Picked:
        return Picked(self.corpus, self.positions[::-1], self.total)


def pick_events(corpus: Corpus, f: Filter) -> Picked:
    """The events `f.event_ok` keeps, in corpus order: each distinct key of an active
    dimension tested once over the index of the corpus's events (corpus/keys.py; the
    cache's for a corpus read from it, which is then not rebuilt)."""
    index = event_index(corpus)
    return Picked(corpus, index.kept(f.event_tests()), index.count)


class BriefingView(Record):
    """A briefing with only the key judgments and points that pass the filter."""

    briefing: Briefing
    key_judgments: tuple[KeyJudgment, ...]
    sections: tuple[Section, ...]
    see_also: tuple[Briefing, ...]

    @property
    def point_count(self) -> int:
        return sum(len(s.points) for s in self.sections)

    @property
    def statements(self) -> list[Point | KeyJudgment]:
        """Its key judgments, then the points of its sections."""
        return [*self.key_judgments, *(p for s in self.sections for p in s.points)]


def view_briefing(corpus: Corpus, briefing: Briefing, f: Filter) -> BriefingView:
    sections = []
    for section in briefing.sections:
        points = tuple(p for p in section.points if f.point_ok(p))
        if points or not f.active:
            sections.append(Section(section.heading, points))
    return BriefingView(
        briefing=briefing,
        key_judgments=tuple(j for j in briefing.key_judgments if f.point_ok(j)),
        sections=tuple(sections),
        see_also=corpus.see_also(briefing),
    )


def select_briefings(corpus: Corpus, f: Filter) -> list[BriefingView]:
    """Every briefing that keeps at least one point or judgment under the filter, in the
    order the corpus declares (`order`, lower first; briefings without one after, as
    loaded)."""
    ordered = sorted(corpus.briefings, key=lambda b: (b.order is None, b.order or 0))
    views = [view_briefing(corpus, b, f) for b in ordered]
    if not f.active:
        return views
    return [v for v in views if v.point_count or v.key_judgments]


def actor_name_order(actor: Actor) -> tuple[str, str]:
    """How the prose and table views list actors: by name, case and accents ignored."""
    return (fold(actor.name), actor.id)


def country_name_order(country: Country) -> tuple[str, str]:
    """How the prose and table views list countries: by name, case and accents ignored."""
    return (fold(country.name), country.code)


def select_actors(corpus: Corpus, f: Filter) -> list[Actor]:
    return [a for a in corpus.actors if f.actor_entry_ok(a)]


def transfer_order(transfer: Transfer) -> tuple[bool, tuple[int, int, int], str]:
    """By order date (undated last), then id."""
    key = transfer.ordered.key if transfer.ordered else (0, 0, 0)
    return (transfer.ordered is None, key, transfer.id)


def select_transfers(corpus: Corpus, f: Filter, categories: Sequence[str] = ()) -> list[Transfer]:
    wanted = {fold(c) for c in categories}
    known = {fold(t.category) for t in corpus.transfers}
    for value in categories:
        if fold(value) not in known:
            from ..core.choice import unknown

            raise unknown("category", value, sorted(set(known)))
    chosen = [
        t
        for t in corpus.transfers
        if f.transfer_ok(t) and (not wanted or fold(t.category) in wanted)
    ]
    return sorted(chosen, key=transfer_order)


def select_scenarios(corpus: Corpus, f: Filter) -> list[Scenario]:
    return [s for s in corpus.scenarios if f.scenario_ok(s)]


def relations_of(corpus: Corpus, actor: Actor) -> list[Relation]:
    """Relations in both directions, in corpus order."""
    return [r for r in corpus.relations if actor in (r.source, r.target)]


def select_relations(corpus: Corpus, f: Filter) -> list[Relation]:
    return [r for r in corpus.relations if f.relation_ok(r)]


# --------------------------------------------------------------------------- counts


def all_points(corpus: Corpus) -> list[tuple[Briefing, Point | KeyJudgment]]:
    found: list[tuple[Briefing, Point | KeyJudgment]] = []
    for briefing in corpus.briefings:
        found.extend((briefing, j) for j in briefing.key_judgments)
        for section in briefing.sections:
            found.extend((briefing, p) for p in section.points)
    return found
