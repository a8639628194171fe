"""Full-text search across every text field, ignoring case and accents."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from typing import Any

from ..core.dates import PartialDate
from ..core.record import Record
from ..core.spelling import respell, respell_map
from ..corpus.kinds import KIND
from ..corpus.model import Corpus, Event
from .query import Filter


def _fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_NOT_ASCII = re.compile(r"[^\x00-\x7f]")


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """The folded and respelled text (core.spelling: British and American spellings and
    romanisations merged) and, for each of its characters, the index of its source
    character."""
    if text.isascii():  # the usual case: folded in place, each character where it was
        return respell_map(text.lower())
    folded, origin = _fold_map(text)
    skeleton, where = respell_map(folded)
    return skeleton, [origin[k] for k in where]


def _fold_map(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each folded character, the index of its source character."""
    if text.isascii():  # the usual case: one folded character for each, in place
        return text.lower(), list(range(len(text)))
    out: list[str] = []
    origin: list[int] = []
    at = 0
    for found in _NOT_ASCII.finditer(text):  # ASCII stretches folded whole, in place
        index = found.start()
        out.append(text[at:index].lower())
        origin.extend(range(at, index))
        folded = _fold_char(found.group())
        out.append(folded)
        origin.extend([index] * len(folded))
        at = index + 1
    out.append(text[at:].lower())
    origin.extend(range(at, len(text)))
    return "".join(out), origin


# Separators a designation may be written with or without: `S-300`, `S 300` and `S300`,
# `Tu-160` and `tu160`, `Su-30MK2` and `Su30MK2`. A hyphen between letters or digits is
# always dropped; a space only between a letter and a digit, so that words stay apart.
_HYPHENS = "-\u2010\u2011"


class Squashed(Record, frozen=True):
    """A text folded for matching: case and accents gone, joining hyphens and spaces
    dropped. `origin[k]` is the index in the text of character `k`; `starts[k]` and
    `ends[k]` say whether a word of the text starts at it or ends after it."""

    text: str
    origin: tuple[int, ...]
    starts: tuple[bool, ...]
    ends: tuple[bool, ...]


_ALNUM = re.compile(r"[^\W_]+")  # a run of what str.isalnum accepts


def squash(text: str) -> Squashed:
    """`text` as search reads it (see `Squashed`); other separators become one space.

    Works a run of letters and digits at a time (a search squashes every field of the
    corpus): a word starts where its run starts and ends where it ends; between two runs,
    one joining hyphen or space (a hyphen, or a space between a letter and a digit) is
    dropped and anything else becomes one space, as does whatever follows the last run."""
    folded, origin = fold_with_map(text)
    out: list[str] = []
    where: list[int] = []
    starts: list[bool] = []
    ends: list[bool] = []
    end = -1  # where the previous run ended; -1 before the first
    for run in _ALNUM.finditer(folded):
        a, b = run.span()
        if end >= 0 and not (
            a - end == 1
            and (
                folded[end] in _HYPHENS
                or (folded[end] == " " and folded[end - 1].isdigit() != folded[a].isdigit())
            )
        ):
            out.append(" ")
            where.append(origin[end])
            starts.append(False)
            ends.append(False)
        out.append(run.group())
        where.extend(origin[a:b])
        inside = [False] * (b - a - 1)
        starts += [True, *inside]
        ends += [*inside, True]
        end = b
    if 0 <= end < len(folded):
        out.append(" ")
        where.append(origin[end])
        starts.append(False)
        ends.append(False)
    return Squashed("".join(out), tuple(where), tuple(starts), tuple(ends))


_NOT_ALNUM = re.compile(r"[\W_]+")
_NOT_MARK = re.compile(r"[\u0300-\u036f]+")  # the accents NFKD splits off


def _letters(text: str) -> str:
    """The letters and digits of `text`, folded as `squash` folds them, with nothing between:
    a term `squash` finds in a text is always in this (so it screens out most entries)."""
    return _NOT_ALNUM.sub(
        "", respell(_NOT_MARK.sub("", unicodedata.normalize("NFKD", text.casefold())))
    )


def terms(query: str) -> list[str]:
    """The words of a query as search matches them: `S 300` and `s-300` are one term."""
    return squash(query).text.split()


def find_spans(
    text: str, words: Iterable[str], squashed: Squashed | None = None
) -> list[tuple[int, int]]:
    """Merged (start, end) ranges of `text` where a word of it starts with a term."""
    sq = squashed or squash(text)
    ranges: list[tuple[int, int]] = []
    for term in words:
        if not term:
            continue
        at = sq.text.find(term)
        while at != -1:
            end = at + len(term)
            if sq.starts[at]:
                ranges.append((sq.origin[at], sq.origin[end - 1] + 1))
            at = sq.text.find(term, at + 1)
    ranges.sort()
    merged: list[tuple[int, int]] = []
    for start, end in ranges:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def whole_words(text: str, ranges: Iterable[tuple[int, int]]) -> bool:
    """Whether some range ends where its word ends (`S-300` for `s300`, not `S-300VM`)."""
    return any(end == len(text) or not text[end].isalnum() for _, end in ranges)


def snippet(
    text: str, ranges: tuple[tuple[int, int], ...], before: int = 6, after: int = 10
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The words around the first match, on one line: up to `before` words before it and
    `after` words after it, `…` where the text goes on; and the matches inside, shifted."""
    if not ranges:
        return " ".join(text.split()), ()
    first, last = ranges[0]
    start = first
    for _ in range(before):
        cut = text.rfind(" ", 0, max(0, start - 1))
        if cut < 0:
            start = 0
            break
        start = cut + 1
    if before and start > 0 and text.rfind(" ", 0, start - 1) < 0:
        start = 0
    end = last
    for _ in range(after + 1):
        cut = text.find(" ", end + 1)
        if cut < 0:
            end = len(text)
            break
        end = cut
    piece = text[start:end]
    if piece.split() == piece.split(" "):
        # The usual case: words between single spaces, nothing to change but the marks.
        shift = 1 if start > 0 else 0
        return (
            ("…" if start > 0 else "") + piece + ("…" if end < len(text) else ""),
            tuple(
                (a - start + shift, b - start + shift)
                for a, b in ranges
                if a >= start and b <= end and a < b
            ),
        )
    # One line: each run of whitespace becomes one space; `at[i]` is where text[i] went.
    out: list[str] = ["…"] if start > 0 else []
    at: dict[int, int] = {}
    for i in range(start, end):
        char = text[i]
        if char.isspace():
            if out and out[-1] != " ":
                out.append(" ")
        else:
            out.append(char)
        at[i] = len(out) - 1
    if end < len(text):
        out.append("…")
    shifted = tuple((at[a], at[b - 1] + 1) for a, b in ranges if a >= start and b <= end and a < b)
    return "".join(out), shifted


class Match(Record, frozen=True, eq=True):
    field: str
    text: str
    ranges: tuple[tuple[int, int], ...]

    @property
    def snippet(self) -> tuple[str, tuple[tuple[int, int], ...]]:
        """The words around the first match, and the matches in them."""
        return snippet(self.text, self.ranges)


class Hit(Record, frozen=True, eq=True):
    kind: str  # briefing, judgment, point, event, actor, ...
    group: str  # heading for the group of hits of this kind
    ref: str  # how to reach it: an id, or `briefing-id` for a point
    label: str
    matches: tuple[Match, ...]
    when: str | None = None  # the entry's date, for dated entries (events, transfers...)
    label_ranges: tuple[tuple[int, int], ...] = ()  # the matches in the label


GROUPS = {
    "topic": "Topic",
    "briefing": "Briefings",
    "judgment": "Key judgments",
    "point": "Briefing points",
    "event": "Events",
    "actor": "Actors",
    "relation": "Relations",
    "transfer": "Arms transfers",
    "scenario": "Scenarios",
    "question": "ACH questions",
    "hypothesis": "ACH hypotheses",
    "theme": "Themes",
    "country": "Countries",
    "source": "Sources",
}

Fields = list[tuple[str, str | None]]


def _fields(kind: str, entry: Any) -> Fields:
    """The searchable fields of an entry (kinds.py marks them), with their text (as the
    field's type gives it)."""
    out: Fields = []
    for f in KIND[kind].fields:
        if f.search:
            value = getattr(entry, f.attribute)
            out.append((f.name, None if value is None else f.type.search_text(value, f, _fields)))
    return out


def _human(date: PartialDate | None, end: PartialDate | None = None) -> str | None:
    if date is None:
        return None
    return date.human() + (f" – {end.human()}" if end and end != date else "")


def _event_when(e: Event) -> str:
    text = e.display_date or _human(e.date, e.end) or ""
    return f"c. {text}" if e.circa and not e.display_date else text


Entry = tuple[str, str, str, Fields, "str | None"]


def _describe(kind: str, item: Any) -> Entry:
    """(kind, ref, label, [(field, text)], date) of an entry `_walk` gives."""
    if kind == "event":
        return kind, item.id, item.title, _fields("events", item), _event_when(item)
    if kind in ("briefing", "judgment", "point"):
        b, s, x = item
        if kind == "briefing":
            return kind, b.id, b.title, _fields("briefings", b), None
        if kind == "judgment":
            return kind, b.id, b.title, _fields("judgment", x), None
        return kind, b.id, f"{b.title} › {s.heading}", _fields("point", x), None
    if kind == "topic":
        return kind, "topic", item.title, _fields("topic", item), _human(item.as_of)
    if kind == "actor":
        return kind, item.id, item.name, _fields("actors", item), None
    if kind == "relation":
        label = f"{item.source.name} → {item.target.name}"
        ref = f"{item.source.id}/{item.target.id}"
        return kind, ref, label, _fields("relations", item), _human(item.since, item.until)
    if kind == "transfer":
        return kind, item.id, item.designation, _fields("transfers", item), _human(item.ordered)
    if kind == "scenario":
        return kind, item.id, item.title, _fields("scenarios", item), None
    if kind == "question":
        return kind, item.id, item.text, _fields("questions", item), None
    if kind == "hypothesis":
        # A hypothesis is reached through its question (`vrmc ach QUESTION`): `question/id`.
        fields = [*_fields("hypotheses", item), ("id", item.id)]
        return kind, f"{item.question.id}/{item.id}", item.statement, fields, None
    if kind == "theme":
        return kind, item.id, item.title, _fields("themes", item), None
    if kind == "country":
        return kind, item.code, item.name, _fields("countries", item), None
    return kind, item.id, item.title, _fields("sources", item), _human(item.published)


# The kinds searched only when no filter is on: like the topic, ACH questions and hypotheses,
# themes, countries and sources have no themes, countries or dates to filter by.
_UNFILTERED = ("question", "hypothesis", "theme", "country", "source")
_LISTS = {
    "event": "events",
    "actor": "actors",
    "relation": "relations",
    "transfer": "transfers",
    "scenario": "scenarios",
    "question": "questions",
    "hypothesis": "hypotheses",
    "theme": "themes",
    "country": "countries",
    "source": "sources",
}


def _walk(
    corpus: Corpus, f: Filter, kinds: frozenset[str], only: AbstractSet[int] | None = None
) -> Iterator[tuple[int, str, Any]]:
    """(position, kind, entry) for every entry of `kinds` (every kind when empty) that
    passes the filter (and whose position is in `only`, when given), in search's order.
    The position is the entry's in the walk of the whole corpus with no filter and every
    kind, whatever `f`, `kinds` and `only` keep: it numbers the entries of the search store
    (`_candidates`)."""

    def wanted(kind: str) -> bool:
        return not kinds or kind in kinds

    ordered = sorted(only) if only is not None else []
    n = 0
    if corpus.topic:
        if not f.active and wanted("topic") and (only is None or n in only):
            yield n, "topic", corpus.topic
        n += 1
    for b in corpus.briefings:
        if (
            wanted("briefing")
            and (only is None or n in only)
            and (not f.active or any(f.point_ok(p) for s in b.sections for p in s.points))
        ):
            yield n, "briefing", (b, None, b)
        n += 1
        for j in b.key_judgments:
            if wanted("judgment") and (only is None or n in only) and f.point_ok(j):
                yield n, "judgment", (b, None, j)
            n += 1
        for s in b.sections:
            for p in s.points:
                if wanted("point") and (only is None or n in only) and f.point_ok(p):
                    yield n, "point", (b, s, p)
                n += 1
    # With no filter on, every test below keeps everything: none is called.
    tests: dict[str, Callable[[Any], bool]] = (
        {
            "event": f.event_ok,
            "actor": f.actor_entry_ok,
            "relation": f.relation_ok,
            "transfer": f.transfer_ok,
            "scenario": f.scenario_ok,
        }
        if f.active
        else {}
    )
    for kind, name in _LISTS.items():
        items: Sequence[Any] = getattr(corpus, name)
        if wanted(kind) and not (f.active and kind in _UNFILTERED):
            ok = tests.get(kind)
            if only is None:
                chosen: Iterable[tuple[int, Any]] = enumerate(items, n)
            else:
                low, high = bisect_left(ordered, n), bisect_left(ordered, n + len(items))
                chosen = ((at, items[at - n]) for at in ordered[low:high])
            for at, item in chosen:
                if ok is None or ok(item):
                    yield at, kind, item
        n += len(items)


def _entries(corpus: Corpus, f: Filter, kinds: frozenset[str]) -> Iterator[Entry]:
    """(kind, ref, label, [(field, text)], date) for every entry of `kinds` (every kind
    when empty) that passes the filter."""
    for _, kind, item in _walk(corpus, f, kinds):
        yield _describe(kind, item)


def search(corpus: Corpus, query: str, f: Filter, kinds: Iterable[str] = ()) -> list[Hit]:
    """Entries in which every term of the query starts a word (in any of their fields), by
    kind; within a kind, those with a term in their title first, then those where a term
    is a whole word, then corpus order."""
    words = terms(query)
    if not words:
        return []
    hits: dict[str, list[tuple[bool, bool, int, Hit]]] = {kind: [] for kind in GROUPS}
    # The entries whose folded letters hold every term, from the store the cache keeps
    # (None: every entry is a candidate, each screened below).
    candidates = _candidates(corpus, words)
    # A label is most often its entry's title, a field squashed just before: once each.
    done: dict[str, Squashed] = {}

    def squashed(text: str) -> Squashed:
        found = done.get(text)
        if found is None:
            found = done[text] = squash(text)
        return found

    only = None if candidates is None else candidates.keys()
    for n, (at, kind, item) in enumerate(_walk(corpus, f, frozenset(kinds), only)):
        _, ref, label, fields, when = _describe(kind, item)
        # A field none of whose folded letters hold a term cannot match: skip its squash.
        # The store holds each field's letters (`_folded`), in this order.
        kept = None if candidates is None else candidates[at].decode().split("\0")
        screened = [
            (name, text, _letters(text) if kept is None else kept[k])
            for k, (name, text) in enumerate((name, text) for name, text in fields if text)
        ]
        if not all(any(w in letters for *_, letters in screened) for w in words):
            continue
        texts = [
            (name, text, squashed(text))
            for name, text, letters in screened
            if any(w in letters for w in words)
        ]
        if not all(any(_starts_word(sq, w) for _, _, sq in texts) for w in words):
            continue
        matches = []
        whole = False
        for name, text, sq in texts:
            ranges = find_spans(text, words, sq)
            if ranges:
                matches.append(Match(name, text, tuple(ranges)))
                whole = whole or whole_words(text, ranges)
        in_title = tuple(find_spans(label, words, squashed(label)))
        hit = Hit(kind, GROUPS[kind], ref, label, tuple(matches), when, in_title)
        hits[kind].append((not in_title, not whole, n, hit))
    return [hit for kind in GROUPS for *_, hit in sorted(hits[kind], key=lambda h: h[:3])]


# --------------------------------------------------------------------------- the store
# Folding every field of every entry is most of a search (NFKD, respelling, a regex per
# field). The cache keeps each entry's folded letters (`_letters` of each field with text,
# joined by NUL, which no folded letter is) in a store (corpus/derived.py), numbered by the
# entry's position in `_walk`; a search then finds the entries holding every term with
# `bytes.find` over the whole store, and folds only those. A term is letters and digits
# only, so it is in a field's letters exactly when its UTF-8 bytes are in the joined bytes.

_STORE_SOURCES = ("analysis/search.py", "core/spelling.py", "corpus/fields.py")
_SEP = b"\0"


def _folded(kind: str, item: Any) -> bytes:
    fields = _describe(kind, item)[3]
    return _SEP.join(_letters(text).encode() for _, text in fields if text)


def _candidates(corpus: Corpus, words: Sequence[str]) -> dict[int, bytes] | None:
    """The positions (`_walk`) of the entries whose folded letters hold every term, each
    with its letters as the store keeps them (`_folded`), from the corpus's search store
    (made whole first when it is not); None when the corpus has no store (it did not come
    through the cache) or the store cannot be read."""
    from ..corpus import derived

    code = derived.sources(_STORE_SOURCES)
    store = derived.open_store(corpus, "search", code, _count(corpus))
    if store is None:
        return None
    try:
        if store.kept < store.count:
            # The first search of this corpus: every entry folded (what a search without
            # a filter does anyway), kept, and read back.
            store.add(
                {at: _folded(kind, item) for at, kind, item in _walk(corpus, Filter(), frozenset())}
            )
            store.save()
            store.close()
            store = derived.open_store(corpus, "search", code, _count(corpus))
            if store is None:
                return None
        return _scan(store, [w.encode() for w in words])
    finally:
        if store is not None:
            store.close()


def _count(corpus: Corpus) -> int:
    """How many entries `_walk` gives with no filter and every kind."""
    briefings = sum(
        1 + len(b.key_judgments) + sum(len(s.points) for s in b.sections) for b in corpus.briefings
    )
    lists = sum(len(getattr(corpus, name)) for name in _LISTS.values())
    return (1 if corpus.topic else 0) + briefings + lists


def _scan(store: Any, words: Sequence[bytes]) -> dict[int, bytes] | None:
    """The entries of a whole store holding every one of `words`, with their text (None
    when it cannot be read whole and undamaged). The entries lie end to end: a hit is
    placed in its entry by where the entries start, and the entry itself is then checked
    for every term."""
    from ..corpus.derived import Damaged

    chunks = store.chunks()
    if chunks is None:
        return None
    longest = max(words, key=len)  # likely the rarest
    found: dict[int, bytes] = {}
    starts, lengths = store.starts, store.lengths
    try:
        for begin, end, data in chunks:
            base = starts[begin]
            at = data.find(longest)
            while at != -1:
                p = bisect_right(starts, base + at, begin, end) - 1
                start = starts[p] - base
                stop = start + lengths[p]
                entry = data[start:stop]
                if all(w in entry for w in words):
                    found[p] = entry
                at = data.find(longest, stop)
    except (Damaged, OSError):
        return None
    return found


def _starts_word(sq: Squashed, term: str) -> bool:
    at = sq.text.find(term)
    while at != -1:
        if sq.starts[at]:
            return True
        at = sq.text.find(term, at + 1)
    return False
