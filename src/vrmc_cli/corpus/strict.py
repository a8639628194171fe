"""Tradecraft checks (`vrmc validate --strict`): what an audit finds by reading, where a
program can (docs/format.md "Strict checks").

They run on the checked records of a corpus that links without problems, so that each
problem can say where the entry is. Every problem's message starts with `strict: `.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from ..core.errors import Problem
from ..core.textsafe import quote
from .fields import Record
from .files import Fragment
from .model import Range
from .origins import name_id

# What an entry's text says when its sources disagree.
DISPUTE_WORDS = re.compile(
    r"\b(?:disputed|contested"
    r"|(?:accounts|sources|reports|figures|estimates) (?:differ|vary|disagree|conflict)"
    r"|differs? by source|conflicting (?:accounts|reports|figures|dates)"
    r"|(?:sources|accounts|reports) are divided)\b",
    re.IGNORECASE,
)
# What a sentence that calls something disputed is about: a date, a quantity or a value.
ABOUT = {
    "date": re.compile(r"\b(?:dates?|dated|days?|timing|when)\b", re.IGNORECASE),
    "quantity": re.compile(
        r"\b(?:quantit(?:y|ies)|numbers?|how many|counts?|counted|size|units|figures?)\b",
        re.IGNORECASE,
    ),
    "value": re.compile(r"\b(?:value|price|cost|worth|dollars?)\b|US\$", re.IGNORECASE),
}
# Per kind: the text fields read for disputes, and the fields of each thing a dispute can
# be about.
CHECKED: dict[str, tuple[tuple[str, ...], dict[str, tuple[str, ...]]]] = {
    "events": (("title", "summary"), {"date": ("date", "end")}),
    "transfers": (
        ("description", "notes"),
        {
            "date": ("ordered", "delivered_from", "delivered_to"),
            "quantity": ("quantity_ordered", "quantity_delivered"),
            "value": ("value_usd",),
        },
    ),
}
# What ends a clause (see _disputes_in).
_CLAUSE_MARKS = (". ", ".\n", ",", ";", ":", "(", ")", "—", "!", "?")
_CLAUSE_MARK = re.compile("|".join(map(re.escape, _CLAUSE_MARKS)))
GOOD_GRADES = ("A", "B")  # a single source graded below these is no ground for high confidence
USABLE_GRADES = ("A", "B", "C")  # a judgment needs evidence from at least one of these

Located = tuple[str, Record]

# How far outside its country's outline a place may lie: the outlines are simplified, so a
# port, an airport or a coastal base can fall a few kilometres out to sea.
OUTLINE_TOLERANCE_KM = 15.0

# ICD 203's terms in a text, both rows and their adverbs, longest first, each with the term
# of the first row it stands for (docs/format.md "Likelihood").
_TERMS = (
    ("almost no chance", "almost no chance"),
    ("very unlikely", "very unlikely"),
    ("highly improbable", "very unlikely"),
    ("highly improbably", "very unlikely"),
    ("roughly even chance", "roughly even chance"),
    ("roughly even odds", "roughly even chance"),
    ("roughly even", "roughly even chance"),
    ("almost certainly", "almost certain"),
    ("almost certain", "almost certain"),
    ("nearly certainly", "almost certain"),
    ("nearly certain", "almost certain"),
    ("highly probable", "very likely"),
    ("highly probably", "very likely"),
    ("very likely", "very likely"),
    ("unlikely", "unlikely"),
    ("improbable", "unlikely"),
    ("improbably", "unlikely"),
    ("remote", "almost no chance"),
    ("likely", "likely"),
    ("probable", "likely"),
    ("probably", "likely"),
)
_TERM_OF = dict(_TERMS)
LIKELIHOOD_WORDS = re.compile(
    r"\b(" + "|".join(re.escape(t) for t, _ in _TERMS) + r")\b", re.IGNORECASE
)


def check(fragments: Sequence[Fragment]) -> list[Problem]:
    """Every strict problem of a corpus whose fragments link without problems, sorted."""
    records: dict[str, list[Located]] = {}
    for fragment in fragments:
        for kind, found in fragment.records.items():
            records.setdefault(kind, []).extend((fragment.path, r) for r in found)
    sources = {r["id"]: r for _, r in records.get("sources", ())}
    events = {r["id"]: r for _, r in records.get("events", ())}
    problems = [
        *_flat_disputes(records),
        *_weak_basis(records, events, sources),
        *_single_weak_source(records, sources),
        *_stale_as_of(records),
        *_dated_after_sources(records, sources),
        *_single_origin(records, events, sources),
        *_state_media(records),
        *_basis_without_origin(records),
        *_untyped_indicators(records),
        *_signals_against_type(records),
        *_several_likelihoods(records),
        *_places_outside(records),
        *_unsourced_places(records),
        *_transfers_at_own_country(records),
        *_same_address(records),
    ]
    return sorted(problems)


def _problem(path: str, record: Record, message: str) -> Problem:
    line, column = record["@"]
    return Problem(path, line, column, "strict: " + message)


def _ids(refs: Any) -> list[str]:
    return [ref[0] for ref in refs or ()]


def _grade(source: Record | None) -> str:
    return (source or {}).get("reliability") or "ungraded"


# --------------------------------------------------------------------------- the rules


def _flat_disputes(records: dict[str, list[Located]]) -> Iterator[Problem]:
    """A date or quantity given flatly while the entry's own text calls it disputed."""
    for kind, (texts, about) in CHECKED.items():
        noun = kind[:-1]
        for path, r in records.get(kind, ()):
            disputed = {name for name, _ in r.get("disputed", ())}
            for text_field in texts:
                for _said, clause in _disputes_in(r.get(text_field) or ""):
                    for what, fields in about.items():
                        if not ABOUT[what].search(clause):
                            continue
                        flat = [f for f in fields if f in r and not isinstance(r[f], Range)]
                        recorded = [
                            f for f in fields if f in disputed or isinstance(r.get(f), Range)
                        ]
                        if flat and not recorded:
                            remedy = "name it in `disputed` (who says what)"
                            if what != "date":
                                remedy += " or give a [low, high] range"
                            yield _problem(
                                path,
                                r,
                                f"{noun} {quote(r.get('id', '?'))}: its {text_field} says "
                                f"{quote(clause)}, but {' and '.join(flat)} "
                                f"{'is' if len(flat) == 1 else 'are'} given flatly; {remedy}",
                            )


def _disputes_in(text: str) -> Iterator[tuple[str, str]]:
    """(the words, their clause) for each clause where the text says sources disagree. A
    clause runs between punctuation marks, so `No date is known, and the quantities are
    disputed` is about quantities, not the date. The marks are found once and each clause
    is given once, however many dispute words it holds: linear in the text, where looking
    around each word again took a 90 KB field of "disputed disputed …" half a minute."""
    import bisect

    said = [m for m in DISPUTE_WORDS.finditer(text)]
    if not said:
        return
    marks = [(m.start(), m.end()) for m in _CLAUSE_MARK.finditer(text)]
    starts = [begin for begin, _ in marks]
    ends = [end for _, end in marks]
    seen = set()
    for match in said:
        # The last mark that ends before the words, the first that begins after them.
        before = bisect.bisect_right(ends, match.start()) - 1
        start = starts[before] if before >= 0 else -1
        after = bisect.bisect_left(starts, match.end())
        end = starts[after] if after < len(starts) else len(text)
        if (start, end) in seen:
            continue
        seen.add((start, end))
        yield match.group(), " ".join(text[start + 1 : end].split()).rstrip(".")


def _weak_basis(
    records: dict[str, list[Located]], events: dict[str, Record], sources: dict[str, Record]
) -> Iterator[Problem]:
    """A key judgment whose basis events cite no source graded A, B or C."""
    for path, briefing in records.get("briefings", ()):
        for judgment in briefing.get("key_judgments", ()):
            basis = _ids(judgment.get("basis"))
            if not basis:
                continue
            cited = {s for e in basis for s in _ids(events.get(e, {}).get("sources"))}
            if any(_grade(sources.get(s)) in USABLE_GRADES for s in cited):
                continue
            grades = ", ".join(sorted(f"{s} ({_grade(sources.get(s))})" for s in cited))
            yield _problem(
                path,
                judgment,
                f"key judgment of briefing {quote(briefing.get('id', '?'))}: its basis events "
                f"({', '.join(basis)}) rest only on sources graded D or worse or not graded"
                + (f": {grades}" if grades else " (they cite no source)"),
            )


def _single_weak_source(
    records: dict[str, list[Located]], sources: dict[str, Record]
) -> Iterator[Problem]:
    """A point or key judgment at high confidence on one source graded C or worse."""
    for path, briefing in records.get("briefings", ()):
        items = [("key judgment", j) for j in briefing.get("key_judgments", ())]
        items += [("point", p) for s in briefing.get("sections", ()) for p in s.get("points", ())]
        for what, item in items:
            cited = _ids(item.get("sources"))
            if item.get("confidence") != "high" or len(cited) != 1:
                continue
            grade = _grade(sources.get(cited[0]))
            if grade in GOOD_GRADES:
                continue
            yield _problem(
                path,
                item,
                f"{what} of briefing {quote(briefing.get('id', '?'))} is stated at high "
                f"confidence on a single source graded {grade} ({cited[0]}); add a "
                "corroborating source or lower the confidence",
            )


def _stale_as_of(records: dict[str, list[Located]]) -> Iterator[Problem]:
    """`as_of` older than the newest event."""
    topics = records.get("topic", ())
    if not topics or topics[0][1].get("as_of") is None:
        return
    path, topic = topics[0]
    as_of = topic["as_of"]
    newest: tuple[Any, str, Any] | None = None
    for _, e in records.get("events", ()):
        latest = e.get("end") or e.get("date")
        if latest is not None and (newest is None or latest.first_day > newest[0].first_day):
            newest = (latest, e.get("id", "?"), latest)
    if newest is not None and as_of.last_day < newest[0].first_day:
        yield _problem(
            path,
            topic,
            f"topic: as_of {as_of} is older than the newest event, {quote(newest[1])} "
            f"({newest[2]}); set as_of to the date of the latest fact used",
        )


def _dated_after_sources(
    records: dict[str, list[Located]], sources: dict[str, Record]
) -> Iterator[Problem]:
    """An event dated after every source it cites was published: the sources cannot
    report it (they may have announced it, which is not the same)."""
    for path, e in records.get("events", ()):
        cited = _ids(e.get("sources"))
        found = [sources.get(s, {}).get("published") for s in cited]
        published = [p for p in found if p is not None]
        if not cited or len(published) < len(found):
            continue  # an undated source may have been published after the event
        newest = max(published, key=lambda p: p.last_day)
        for name in ("date", "end"):
            when = e.get(name)
            if when is not None and when.first_day > newest.last_day:
                yield _problem(
                    path,
                    e,
                    f"event {quote(e.get('id', '?'))}: its {name} {when} is after every source "
                    f"it cites was published (the newest, {newest}); cite a source that "
                    "reports it",
                )


def _origin_ids(sources: dict[str, Record]) -> dict[str, tuple[str, str]]:
    """Each source's independent origin (corpus/origins.py), as (id, name): at the end of its
    via chain, the origin, else the publisher, else the source."""
    out: dict[str, tuple[str, str]] = {}
    for source_id, record in sources.items():
        root, seen = record, {source_id}
        while (via := root.get("via")) is not None and via[0] in sources and via[0] not in seen:
            seen.add(via[0])
            root = sources[via[0]]
        name = root.get("origin") or root.get("publisher")
        out[source_id] = (name_id(name, root["id"]), name or root["id"])
    return out


def _named_origins(cited: list[str], origin_of: dict[str, tuple[str, str]]) -> list[str]:
    """The names of the independent origins of `cited`, each once, in order."""
    found: dict[str, str] = {}
    for s in cited:
        key, name = origin_of.get(s, (s, s))
        found.setdefault(key, name)
    return list(found.values())


def _single_origin(
    records: dict[str, list[Located]], events: dict[str, Record], sources: dict[str, Record]
) -> Iterator[Problem]:
    """What rests on one independent origin however many sources it cites: an item at high
    confidence, a key judgment's basis events, credibility 1 ("confirmed by other
    sources")."""
    origin_of = _origin_ids(sources)
    items: list[tuple[str, str, Record, list[str]]] = []
    for path, e in records.get("events", ()):
        items.append((path, f"event {quote(e.get('id', '?'))}", e, _ids(e.get("sources"))))
    for path, briefing in records.get("briefings", ()):
        of = f"of briefing {quote(briefing.get('id', '?'))}"
        for judgment in briefing.get("key_judgments", ()):
            basis = _ids(judgment.get("basis"))
            cited = _ids(judgment.get("sources"))
            under = [s for e in basis for s in _ids(events.get(e, {}).get("sources"))]
            items.append((path, f"key judgment {of}", judgment, cited + under))
            found = _named_origins(under, origin_of)
            if basis and len(found) == 1:
                yield _problem(
                    path,
                    judgment,
                    f"key judgment {of}: its basis events ({', '.join(basis)}) all rest on "
                    f"one origin, {found[0]}; add an event reported independently",
                )
        for section in briefing.get("sections", ()):
            for point in section.get("points", ()):
                if isinstance(point, dict):
                    items.append((path, f"point {of}", point, _ids(point.get("sources"))))
    for path, what, item, cited in items:
        found = _named_origins(cited, origin_of)
        # One weak source under a point or key judgment is _single_weak_source's to report.
        weak_single = (
            what.startswith(("point", "key judgment"))
            and len(set(cited)) == 1
            and _grade(sources.get(cited[0])) not in GOOD_GRADES
        )
        if item.get("confidence") == "high" and len(found) == 1 and not weak_single:
            carried = (
                f"{len(set(cited))} sources that all carry one origin, {found[0]} "
                f"({', '.join(dict.fromkeys(cited))})"
                if len(set(cited)) > 1
                else f"one origin, {found[0]} ({cited[0]})"
            )
            yield _problem(
                path,
                item,
                f"{what} is stated at high confidence on {carried}; add an independent "
                "source or lower the confidence",
            )
        if item.get("credibility") == "1" and len(found) < 2:
            yield _problem(
                path,
                item,
                f"{what} has credibility 1 (confirmed by other sources) but rests on "
                f"{len(found)} independent origin{'' if len(found) == 1 else 's'}; "
                "confirmation needs two",
            )


def _state_media(records: dict[str, list[Located]]) -> Iterator[Problem]:
    """State media graded by docs/grading.md: never A; B only for an issuer's statement or
    act it relays, so a B page names that issuer as its `origin`."""
    for path, s in records.get("sources", ()):
        if not s.get("state_media"):
            continue
        grade = s.get("reliability")
        if grade == "A":
            yield _problem(
                path,
                s,
                f"source {quote(s.get('id', '?'))} is state media graded A; A is for an "
                "issuer's own record (docs/grading.md)",
            )
        elif grade == "B" and not s.get("origin") and s.get("via") is None:
            yield _problem(
                path,
                s,
                f"source {quote(s.get('id', '?'))} is state media graded B without an "
                "origin; B covers only a statement or act it relays, so name the issuer in "
                "`origin`, or grade its own claims C (docs/grading.md)",
            )


def _basis_without_origin(records: dict[str, list[Located]]) -> Iterator[Problem]:
    """`origin_basis` on a source that names no `origin`: it says what an origin rests on,
    so without one it says nothing (docs/grading.md "Independent origins")."""
    for path, s in records.get("sources", ()):
        basis = s.get("origin_basis")
        if basis is not None and not s.get("origin"):
            yield _problem(
                path,
                s,
                f"source {quote(s.get('id', '?'))} has origin_basis {quote(basis)} but no "
                "origin; name the origin its page is a copy of, or remove origin_basis",
            )


def _untyped_indicators(records: dict[str, list[Located]]) -> Iterator[Problem]:
    """An indicator without a type, or without criteria (what would count as seeing it)."""
    for path, scenario in records.get("scenarios", ()):
        for n, indicator in enumerate(scenario.get("indicators", ())):
            missing = [
                what
                for what, present in (
                    ("type", indicator.get("type")),
                    ("criteria", indicator.get("criteria") or indicator.get("counts")),
                )
                if not present
            ]
            if missing:
                name = indicator.get("id") or f"#{n + 1}"
                yield _problem(
                    path,
                    indicator,
                    f"indicator {quote(name)} of scenario {quote(scenario.get('id', '?'))} has "
                    f"no {' and no '.join(missing)}: say whether it watches an occurrence, a "
                    "state or an absence, and what would count as seeing it",
                )


def _signals_against_type(records: dict[str, list[Located]]) -> Iterator[Problem]:
    """A signal its indicator's type makes meaningless: against an occurrence already seen
    (it stays seen), or for an absence already broken (it stays contrary)."""
    types = {
        i["id"]: i.get("type")
        for _, s in records.get("scenarios", ())
        for i in s.get("indicators", ())
        if i.get("id")
    }
    signs: dict[str, list[tuple[Any, str, Located, Record]]] = {}
    for path, e in records.get("events", ()):
        last = e.get("end") or e.get("date")
        if last is None:
            continue
        for signal in e.get("signals", ()):
            ident = signal["indicator"][0]
            signs.setdefault(ident, []).append((last.last_day, e.get("id", "?"), (path, e), signal))
    for ident, found in signs.items():
        kind = types.get(ident)
        first, later = {"occurrence": ("for", "against"), "absence": ("against", "for")}.get(
            kind or "", (None, None)
        )
        if first is None:
            continue
        found.sort(key=lambda t: (t[0], t[1]))
        opened = next((t for t in found if t[3]["direction"] == first), None)
        if opened is None:
            continue
        for day, event, (path, _), signal in found:
            if signal["direction"] == later and day > opened[0]:
                what = "saw" if kind == "occurrence" else "broke"
                yield _problem(
                    path,
                    signal,
                    f"event {quote(event)}: a signal {later} {kind} indicator {quote(ident)}, "
                    f"which event {quote(opened[1])} already {what} ({opened[0]}); an "
                    f"{kind} stays {'seen' if kind == 'occurrence' else 'contrary'}: remove the "
                    "signal, or make the indicator a state",
                )


def _several_likelihoods(records: dict[str, list[Located]]) -> Iterator[Problem]:
    """A key judgment whose text states several likelihoods while its one `likelihood`
    field can rate only one of them."""
    for path, briefing in records.get("briefings", ()):
        for judgment in briefing.get("key_judgments", ()):
            said = [m.group(1) for m in LIKELIHOOD_WORDS.finditer(judgment.get("text") or "")]
            terms = list(dict.fromkeys(_TERM_OF[w.lower()] for w in said))
            if len(terms) > 1:
                yield _problem(
                    path,
                    judgment,
                    f"key judgment of briefing {quote(briefing.get('id', '?'))} states "
                    f"{len(terms)} likelihoods ({', '.join(terms)}) under one likelihood field; "
                    "split it into one judgment per likelihood",
                )


def _places_outside(records: dict[str, list[Located]]) -> Iterator[Problem]:
    """A place whose coordinates lie outside its country's outline: more than
    OUTLINE_TOLERANCE_KM from it, and not at sea inside the outline's extent (an offshore
    island the simplified outline leaves out) unless another country's outline holds it."""
    places = records.get("places", ())
    if not any(r.get("country") for _, r in places):
        return
    from ..analysis.geo import bounds, in_polygons, polygons_km
    from ..analysis.outlines import all_outlines

    outlines = all_outlines()
    names = {r["code"]: r.get("name") or r["code"] for _, r in records.get("countries", ())}
    for path, r in places:
        ref = r.get("country")
        code = ref[0] if ref else None
        own = outlines.get(code) if isinstance(code, str) else None
        if own is None:
            continue  # no outline to check against (docs/format.md "Strict checks")
        lat, lon = float(r["latitude"]), float(r["longitude"])
        km = polygons_km(lat, lon, own)
        if km <= OUTLINE_TOLERANCE_KM:
            continue
        south, west, north, east = bounds(own)
        inside = [
            other
            for other, polygons in outlines.items()
            if other != code and in_polygons(lat, lon, polygons)
        ]
        if south <= lat <= north and west <= lon <= east and not inside:
            continue
        where = f", inside {'/'.join(inside)}'s" if inside else ""
        yield _problem(
            path,
            r,
            f"place {quote(r['id'])} at {lat:g}, {lon:g} lies {km:,.0f} km outside the "
            f"outline of {quote(str(names.get(code, code)))} ({code}), its `country`{where}: "
            "check the coordinates (latitude first, south and west negative) and the country",
        )


def _unsourced_places(records: dict[str, list[Located]]) -> Iterator[Problem]:
    """A place no source is cited for: nothing shows where it is or that it is the one meant."""
    for path, r in records.get("places", ()):
        if not r.get("sources"):
            yield _problem(
                path,
                r,
                f"place {quote(r['id'])} cites no source: name in `sources` those that "
                "place what happened there",
            )


def _transfers_at_own_country(records: dict[str, list[Located]]) -> Iterator[Problem]:
    """A transfer placed at country precision in its own supplier or recipient: the place
    repeats a field the transfer already has and says nothing about where (docs/format.md
    "places": country precision only where no other field says the country)."""
    places = {r["id"]: r for _, r in records.get("places", ())}
    for path, r in records.get("transfers", ()):
        ends = {"supplier": _code(r.get("supplier")), "recipient": _code(r.get("recipient"))}
        for place_id in _ids(r.get("places")):
            place = places.get(place_id)
            if place is None or place.get("precision") != "country":
                continue
            code = _code(place.get("country"))
            for field, end in ends.items():
                if code is not None and code == end:
                    yield _problem(
                        path,
                        r,
                        f"transfer {quote(r['id'])} is placed at {quote(place_id)}, a "
                        f"country-precision place in its own {field} ({code}): the "
                        f"`{field}` already says so; give the towns, sites or regions the "
                        "sources name, or no place",
                    )
                    break


def _same_address(records: dict[str, list[Located]]) -> Iterator[Problem]:
    """Two sources with one address: one page entered twice, so it counts as two sources
    wherever sources are counted (docs/format.md "Strict checks"). Each later source is
    reported at its own entry, naming the first."""
    first: dict[str, tuple[str, Record]] = {}
    for path, s in records.get("sources", ()):
        url = s.get("url")
        if not url:
            continue
        key = address_key(url)
        if key not in first:
            first[key] = (path, s)
            continue
        first_path, earlier = first[key]
        yield _problem(
            path,
            s,
            f"source {quote(s['id'])} has the same URL as source {quote(earlier['id'])} "
            f"({first_path}:{earlier['@'][0]}): one page entered twice counts as two "
            "sources; merge them into one and cite it",
        )


# An address's parts that do not change the page it names: the scheme (http or https), the
# case of the host, a leading "www.", the default port, a final "/" and the fragment.
_ADDRESS = re.compile(
    r"^(?:[a-z][a-z0-9+.-]*:)?//(?:www\.)?(?P<host>[^/?#:]*)(?::(?:80|443))?(?=[/?#]|$)",
    re.IGNORECASE,
)


def address_key(url: str) -> str:
    """A URL as compared for "the same page": scheme, host case, "www.", the default port,
    a final slash before the query and the fragment aside; path and query as written."""
    url = url.strip().split("#", 1)[0]
    match = _ADDRESS.match(url)
    if match is None:
        return url
    rest = url[match.end() :]
    path, mark, query = rest.partition("?")
    return match.group("host").lower() + (path.rstrip("/") or "") + mark + query


def _code(ref: Any) -> str | None:
    """The country code of a reference (or of a plain code), None when absent."""
    if ref is None:
        return None
    code = ref[0] if isinstance(ref, (tuple, list)) else ref
    return code if isinstance(code, str) else None
