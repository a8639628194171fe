"""What a filter reads of an event (its keys), and an index of those keys over a corpus.

A filter of events (analysis/query.py, which holds what each filter means) tests one key of
an event per dimension: its themes, its countries (its own and those of the actors it
names), its actors, its dates (start and end) and the places it names. An event passes when
every active dimension's test passes on its key. Events share their keys: 100,000 events of
the largest benchmark have a few thousand distinct keys in each dimension. The index holds,
per dimension, each distinct key once and, for each event, the number of its key there; a
filter then tests each distinct key once, with the same test, and keeps the events whose
keys passed, in corpus order.

The corpus cache (cache.py) keeps the index of the linked corpus beside it, so that a warm
run can filter without rebuilding its events; any other corpus gets its index worked out
from its events, one dimension when first asked for.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress

from ..core.dates import PartialDate
from .model import Actor, Corpus, Country, Event, Place, Theme, countries_of

# Not `typing.TYPE_CHECKING`: a warm run does not import typing (docs/performance.md); type
# checkers treat any `TYPE_CHECKING` as true.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Collection
    from typing import Any

    Numbers = Sequence[int]  # each event's key number: a list, or a view of the cache's bytes

    Tests = Sequence[tuple[int, Callable[[Any], bool]]]  # (dimension, test of a key)

# The dimensions.
THEMES, COUNTRIES, ACTORS, DATES, PLACES = range(5)
DIMENSIONS = 5
# Each event's key number, as 32-bit unsigned numbers (where vrmc runs: `_usable`).
_NUMBER = "I"


def event_places(event: Event) -> tuple[Place, ...]:
    """Every place an event names: its places, then a route's origin and destination."""
    found = [*event.places, event.origin, event.destination]
    return tuple(dict.fromkeys(p for p in found if p is not None))


def event_key(event: Event, dimension: int) -> Any:
    """What a filter of `dimension` reads of `event`: its themes, its countries with those of
    its actors, its actors, its places (`event_places`), each a tuple of distinct entries
    in the order of their ids (a filter asks whether any of them is wanted: the order is
    one, so that events tagged alike share a key); or (date, end)."""
    if dimension == DATES:
        return (event.date, event.end)
    if dimension == THEMES:
        return _ordered(event.themes, _id)
    if dimension == COUNTRIES:
        return _ordered(countries_of(event.countries, event.actors), _code)
    if dimension == ACTORS:
        return _ordered(event.actors, _id)
    return _ordered(event_places(event), _id)


def _ordered(entries: Collection[Any], key: Callable[[Any], str]) -> tuple[Any, ...]:
    """`entries` once each, in the order of `key` (most events name one or none)."""
    if len(entries) < 2:
        return tuple(entries)
    return tuple(sorted(set(entries), key=key))


def _id(entry: Theme | Actor | Place) -> str:
    return entry.id


def _code(country: Country) -> str:
    return country.code


class EventIndex:
    """The distinct keys of `count` events in each dimension, and each event's key number."""

    __slots__ = ("_dates", "_events", "_keys", "_numbers", "count")

    def __init__(
        self,
        count: int,
        keys: list[tuple[Any, ...] | None],
        numbers: list[Numbers | None],
        events: Sequence[Event] | None = None,
        dates: bytes | None = None,
    ) -> None:
        self.count = count
        self._keys = keys
        self._numbers = numbers
        self._events = events  # what a dimension not held is worked out from
        self._dates = dates  # the dates' keys as the cache keeps them (`state`), until asked for

    @classmethod
    def of(cls, events: Sequence[Event]) -> EventIndex:
        """The index of `events`, each dimension worked out when first asked for."""
        return cls(len(events), [None] * DIMENSIONS, [None] * DIMENSIONS, events)

    def dimension(self, dimension: int) -> tuple[tuple[Any, ...], Numbers]:
        """The distinct keys of `dimension`, in order of first use, and each event's number."""
        if dimension == DATES and self._dates is not None:
            self._keys[DATES] = _dates(self._dates)
            self._dates = None
        keys, numbers = self._keys[dimension], self._numbers[dimension]
        if keys is None or numbers is None:
            if self._events is None:
                raise ValueError("an index without its events lacks a dimension")
            found: dict[Any, int] = {}
            numbers = [found.setdefault(event_key(e, dimension), len(found)) for e in self._events]
            keys = tuple(found)
            self._keys[dimension], self._numbers[dimension] = keys, numbers
        return keys, numbers

    def kept(self, tests: Tests) -> list[int]:
        """The positions of the events whose key passes every test, in order: each distinct
        key is tested once."""
        positions: list[int] | None = None
        for dimension, test in tests:
            keys, numbers = self.dimension(dimension)
            passed = [test(key) for key in keys]
            if positions is None:
                positions = list(compress(range(self.count), map(passed.__getitem__, numbers)))
            else:
                positions = [p for p in positions if passed[numbers[p]]]
        return list(range(self.count)) if positions is None else positions

    def state(self) -> tuple[int, tuple[Any, ...], tuple[bytes, ...]]:
        """What the cache keeps: the count, each dimension's keys and numbers (as bytes).
        The dates' keys are kept as numbers (`_DATE_NUMBERS` a key), made dates again only
        when a filter asks for them: a warm run without a date filter builds none."""
        from array import array  # here: only a run that writes the cache needs it

        dimensions = [self.dimension(d) for d in range(DIMENSIONS)]
        kept: list[Any] = [keys for keys, _ in dimensions]
        flat = array(_DATE_NUMBER)
        for start, end in kept[DATES]:
            flat.extend((*start.key, *(end.key if end is not None else _NO_END)))
        kept[DATES] = flat.tobytes()
        held = tuple(array(_NUMBER, numbers).tobytes() for _, numbers in dimensions)
        return (self.count, tuple(kept), held)

    @classmethod
    def from_state(cls, state: object) -> EventIndex | None:
        """The index `state` describes, or None when it is not one of this shape."""
        if not _usable() or not isinstance(state, tuple) or len(state) != 3:
            return None
        count, keys, data = state
        if not (
            isinstance(count, int)
            and isinstance(keys, tuple)
            and isinstance(data, tuple)
            and len(keys) == len(data) == DIMENSIONS
            and isinstance(keys[DATES], bytes)
        ):
            return None
        numbers: list[Numbers | None] = []
        for dimension, (held, raw) in enumerate(zip(keys, data, strict=True)):
            if not (isinstance(held, tuple) or dimension == DATES) or not isinstance(raw, bytes):
                return None
            # A view of the bytes, read in place (no copy, and no `array` to import).
            found = memoryview(raw).cast("I")  # _NUMBER
            if len(found) != count:
                return None
            numbers.append(found)
        held_keys: list[tuple[Any, ...] | None] = [*keys]
        held_keys[DATES] = None
        return cls(count, held_keys, numbers, dates=keys[DATES])


# A date key kept by the cache: the start's year, month, day and the end's (`_NO_END` for
# none), as 32-bit numbers.
_DATE_NUMBER = "i"
_DATE_NUMBERS = 6
_NO_END = (-1, -1, -1)


def _dates(data: bytes) -> tuple[tuple[PartialDate, PartialDate | None], ...]:
    """The dates' keys the cache kept as numbers (`EventIndex.state`)."""
    flat = memoryview(data).cast("i")  # _DATE_NUMBER
    return tuple(
        (
            PartialDate(flat[n], flat[n + 1], flat[n + 2]),
            None if flat[n + 3] < 0 else PartialDate(flat[n + 3], flat[n + 4], flat[n + 5]),
        )
        for n in range(0, len(flat), _DATE_NUMBERS)
    )


def _usable() -> bool:
    probe = memoryview(bytes(4))
    return probe.cast("I").itemsize == 4 and probe.cast("i").itemsize == 4


def forget(corpus: Corpus) -> None:
    """Forget the index of `corpus` (the cache's, once its events are read: worked out
    again from them if asked for), so that it does not add to a run's memory after it has
    been used to filter."""
    found = _INDEXES.get(id(corpus))
    if found is not None and found[0] is corpus:
        del _INDEXES[id(corpus)]


# The index of each corpus asked for (by identity): the cache's, or worked out from the
# events. The last few are remembered, as cache.py remembers generations.
_INDEXES: dict[int, tuple[Corpus, EventIndex | tuple[Any, ...]]] = {}
_REMEMBERED = 4


def keep(corpus: Corpus, index: EventIndex | tuple[Any, ...]) -> None:
    """Remember `index` as the index of `corpus`: the cache's, read with it, as the cache
    keeps it (`EventIndex.state`: made an index when first asked for, as a run that
    filters no events never does)."""
    _INDEXES.pop(id(corpus), None)
    _INDEXES[id(corpus)] = (corpus, index)
    while len(_INDEXES) > _REMEMBERED:
        del _INDEXES[next(iter(_INDEXES))]


def event_index(corpus: Corpus) -> EventIndex:
    """The index of the events of `corpus`: the one the cache kept, else worked out."""
    found = _INDEXES.get(id(corpus))
    if found is not None and found[0] is corpus:
        if isinstance(found[1], EventIndex):
            return found[1]
        kept = EventIndex.from_state(found[1])
        if kept is not None:
            keep(corpus, kept)
            return kept
    index = EventIndex.of(corpus.events)
    keep(corpus, index)
    return index
