"""Files for other tools, built from a selection: TimelineJS 3 JSON, a STIX 2.1 bundle, an
SQLite database and an iCalendar file.

Every writer is deterministic: ids come from the corpus ids, timestamps from the corpus dates
(the topic's `as_of`), never from the clock. Text is data everywhere: HTML-escaped where the
consumer reads HTML (TimelineJS), escaped by the format's rules elsewhere, and always passed
through `textsafe.visible` so no control or bidi character reaches another tool raw.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Sequence
from typing import Any

from ..core.dates import PartialDate, span
from ..core.textsafe import visible
from ..corpus.kinds import KINDS, Kind
from ..corpus.model import Actor, Briefing, Event, KeyJudgment, Place, Relation, Source, Topic
from ..corpus.origins import resting_on
from ..corpus.serialize import JSONObject

# The date stamped on everything when the corpus gives none (no topic `as_of`, no dates).
EPOCH = _dt.date(1970, 1, 1)


def stamp_date(topic: Topic | None, events: Sequence[Event]) -> _dt.date:
    """The day the export describes: the topic's `as_of` (its last day), else the last day of
    the latest event, else 1970-01-01. Never today: the same corpus gives the same file."""
    if topic is not None and topic.as_of is not None:
        return topic.as_of.last_day
    if events:
        return max((e.end or e.date).last_day for e in events)
    return EPOCH


def _clean(text: str | None) -> str:
    return visible(text) if text else ""


# --------------------------------------------------------------------------- TimelineJS


def _tl_date(date: PartialDate) -> dict[str, Any]:
    """A TimelineJS date: year, then month and day only as far as they are known."""
    out: dict[str, Any] = {"year": date.year}
    if date.month:
        out["month"] = date.month
        if date.day:
            out["day"] = date.day
    return out


def _html(text: str | None) -> str:
    import html

    return html.escape(_clean(text), quote=True)


def _source_line(source: Source) -> str:
    line = _clean(source.title)
    if source.publisher:
        line += f" ({_clean(source.publisher)})"
    return line


def timelinejs(topic: Topic | None, events: Sequence[Event]) -> JSONObject:
    """TimelineJS 3 JSON: a title slide from the topic, one slide per event, grouped by the
    event's first top-level theme, its sources as the media credit."""
    import html

    slides: list[JSONObject] = []
    for event in events:
        text: JSONObject = {"headline": _html(event.title), "text": _html(event.summary)}
        slide: JSONObject = {"unique_id": event.id, "start_date": _tl_date(event.date)}
        if event.end is not None:
            slide["end_date"] = _tl_date(event.end)
        display = event.display_date
        if display is None and event.circa:
            display = f"c. {event.date.human()}"
        if display is not None:
            slide["display_date"] = _html(display)
        slide["text"] = text
        # TimelineJS sets the group as HTML, like the headline: escaped the same way.
        slide["group"] = _html(event.themes[0].path[0].title) if event.themes else ""
        if event.sources:
            items = []
            for source in event.sources:
                label = html.escape(_source_line(source))
                if source.url and source.url.startswith(("https://", "http://")):
                    href = html.escape(_clean(source.url), quote=True)
                    label = f'<a href="{href}" rel="noopener noreferrer">{label}</a>'
                items.append(f"<li>{label}</li>")
            slide["media"] = {
                # A blockquote is media TimelineJS shows as it is, without fetching anything.
                "url": "<blockquote><ul>" + "".join(items) + "</ul></blockquote>",
                "credit": html.escape("Sources: " + "; ".join(map(_source_line, event.sources))),
            }
        slides.append(slide)
    out: JSONObject = {}
    if topic is not None:
        out["title"] = {"text": {"headline": _html(topic.title), "text": _html(topic.summary)}}
    out["events"] = slides
    return out


# --------------------------------------------------------------------------- STIX 2.1

# uuid5 namespace for vrmc's STIX ids (itself uuid5(NAMESPACE_URL, "https://vrmc.invalid/stix")):
# the same vrmc id always gives the same STIX id, in every export.
STIX_NAMESPACE = "723ec8de-2834-5035-b537-7c356e253e89"

# STIX 2.1 Appendix A, "Low/Med/High": the confidence scale to 0-100.
STIX_CONFIDENCE = {"low": 15, "moderate": 50, "high": 85}


def stix_id(kind: str, key: str) -> str:
    import uuid

    return f"{kind}--{uuid.uuid5(uuid.UUID(STIX_NAMESPACE), f'{kind}:{key}')}"


def _timestamp(day: _dt.date, end_of_day: bool = False) -> str:
    clock = "23:59:59.000" if end_of_day else "00:00:00.000"
    return f"{day.isoformat()}T{clock}Z"


# What RFC 3986 allows unencoded in a URI besides letters and digits (`[` and `]` only
# around an IPv6 host, `%` only before two hex digits: both handled apart).
_URI_SAFE = "-._~!$&'()*+,;=:@/?"
_URI_AUTHORITY = re.compile(
    r"(?:[-._~!$&'()*+,;=:A-Za-z0-9%]*@)?"  # user information
    r"(?:\[[0-9A-Fa-f:.]+\]|[-._~!$&'()*+,;=A-Za-z0-9%]*)"  # an IPv6 literal, or a name
    r"(?::[0-9]*)?"  # a port
)


def stix_url(url: str) -> str | None:
    """`url` as a URI a STIX consumer accepts: every character RFC 3986 does not allow
    percent-encoded as UTF-8 (a space, `<`, `é`, a control character...), or None when it
    cannot be one (no scheme, an authority that is not a host and port)."""
    from urllib.parse import quote

    match = re.fullmatch(r"([A-Za-z][A-Za-z0-9+.-]*):(?://([^/?#]*))?(.*)", url, re.DOTALL)
    if match is None:
        return None
    scheme, authority, rest = match.groups()

    def encode(part: str) -> str:
        part = re.sub("%(?![0-9A-Fa-f]{2})", "%25", part)  # a lone % is itself encoded
        return quote(part, safe=_URI_SAFE + "%")

    path, hash_, fragment = rest.partition("#")
    out = scheme + ":"
    if authority is not None:
        literal = re.fullmatch(r"([^\[]*)(\[[0-9A-Fa-f:.]+\])(.*)", authority)
        if literal is not None:
            authority = encode(literal[1]) + literal[2] + encode(literal[3])
        else:
            authority = encode(authority)
        if not _URI_AUTHORITY.fullmatch(authority):
            return None
        out += "//" + authority
    out += encode(path) + (hash_ + encode(fragment).replace("#", "%23") if hash_ else "")
    return out


def _references(sources: Iterable[Source]) -> list[JSONObject]:
    refs = []
    for source in sources:
        ref: JSONObject = {"source_name": _source_line(source), "external_id": source.id}
        notes = []
        if source.url:
            url = stix_url(source.url)
            if url is not None:
                ref["url"] = url
            else:
                notes.append("its URL is left out: it is not a URI (no scheme, or no host)")
        if source.published is not None:
            notes.insert(0, f"published {source.published}")
        if notes:
            ref["description"] = "; ".join(notes)
        refs.append(ref)
    return refs


# MISP machine tags: the `admiralty-scale` and `estimative-language` taxonomies that
# pytaxonomies ships (vrmc's likelihood words are the taxonomy's values).


def _reliability_tag(sources: Iterable[Source]) -> list[str]:
    """The Admiralty reliability of the best-graded source (F only when nothing better)."""
    grades = sorted({s.reliability for s in sources if s.reliability is not None})
    graded = [g for g in grades if g != "F"] or grades
    if not graded:
        return []
    return [f'admiralty-scale:source-reliability="{graded[0].lower()}"']


def _credibility_tag(credibility: str | None) -> list[str]:
    if credibility is None:
        return []
    return [f'admiralty-scale:information-credibility="{credibility}"']


def _estimative_tags(likelihood: str | None, confidence: str | None) -> list[str]:
    tags = []
    if likelihood is not None:
        tags.append(f'estimative-language:likelihood-probability="{likelihood}"')
    if confidence is not None:
        tags.append(f'estimative-language:confidence-in-analytic-judgment="{confidence}"')
    return tags


def _actor_object(actor: Actor, common: JSONObject) -> JSONObject:
    """An identity for people, states, companies and bodies; a threat-actor for an armed
    force (`military`), the one kind that acts with force in its own name."""
    if actor.kind == "military":
        obj: JSONObject = {
            "type": "threat-actor",
            "id": stix_id("threat-actor", actor.id),
            **common,
            "name": _clean(actor.name),
            "threat_actor_types": ["nation-state"],
        }
        if actor.aliases:
            obj["aliases"] = [_clean(a) for a in actor.aliases]
    else:
        obj = {
            "type": "identity",
            "id": stix_id("identity", actor.id),
            **common,
            "name": _clean(actor.name),
            "identity_class": "individual" if actor.kind == "person" else "organization",
        }
        if actor.kind in ("state", "international-body"):
            obj["sectors"] = ["government"]
    description = " ".join(t for t in (_clean(actor.summary), _clean(actor.stance)) if t)
    if description:
        obj["description"] = description
    labels = [f"country:{actor.country.code.lower()}"] if actor.country is not None else []
    labels += _reliability_tag(actor.sources)
    if labels:
        obj["labels"] = labels
    if actor.sources:
        obj["external_references"] = _references(actor.sources)
    obj.update(_actor_extension(actor))
    return obj


# vrmc's own properties on actors and relations, declared by an extension definition in the
# bundle (STIX 2.1 section 7.3, a top-level property extension): what STIX has no property
# for, so that `vrmc import stix` gives back the same entries.
# uuid5(STIX_NAMESPACE, "extension-definition:vrmc-fields")
STIX_EXTENSION = "extension-definition--67256f47-8034-53da-a867-5f4a12132e07"
_EXTENSION_PROPERTIES = (
    "x_vrmc_id", "x_vrmc_kind", "x_vrmc_country", "x_vrmc_aliases", "x_vrmc_roles",
    "x_vrmc_summary", "x_vrmc_stance", "x_vrmc_themes", "x_vrmc_since", "x_vrmc_until",
)  # fmt: skip


def _extension(producer: JSONObject, created: str) -> JSONObject:
    return {
        "type": "extension-definition",
        "spec_version": "2.1",
        "id": STIX_EXTENSION,
        "created_by_ref": producer["id"],
        "created": created,
        "modified": created,
        "name": "vrmc topic-file fields",
        "description": "The fields of vrmc actors and relations that STIX has no property "
        "for, so that vrmc import stix restores the same entries.",
        "schema": "vrmc docs/format.md: actors and relations; dates as YYYY, YYYY-MM or YYYY-MM-DD",
        "version": "1.0.0",
        "extension_types": ["toplevel-property-extension"],
        "extension_properties": list(_EXTENSION_PROPERTIES),
    }


def _actor_extension(actor: Actor) -> JSONObject:
    out: JSONObject = {
        "extensions": {STIX_EXTENSION: {"extension_type": "toplevel-property-extension"}},
        "x_vrmc_id": actor.id,
        "x_vrmc_kind": actor.kind,
    }
    if actor.country is not None:
        out["x_vrmc_country"] = actor.country.code
    if actor.seat is not None:
        out["x_vrmc_seat"] = actor.seat.id
    if actor.aliases:
        out["x_vrmc_aliases"] = [_clean(a) for a in actor.aliases]
    if actor.roles:
        roles: list[JSONObject] = []
        for role in actor.roles:
            item: JSONObject = {"title": _clean(role.title)}
            if role.start is not None:
                item["from"] = str(role.start)
            if role.end is not None:
                item["to"] = str(role.end)
            roles.append(item)
        out["x_vrmc_roles"] = roles
    if actor.summary:
        out["x_vrmc_summary"] = _clean(actor.summary)
    if actor.stance:
        out["x_vrmc_stance"] = _clean(actor.stance)
    if actor.themes:
        out["x_vrmc_themes"] = [t.id for t in actor.themes]
    return out


def _actor_ref(actor: Actor) -> str:
    return stix_id("threat-actor" if actor.kind == "military" else "identity", actor.id)


def stix(
    topic: Topic | None,
    actors: Sequence[Actor],
    relations: Sequence[Relation],
    briefings: Sequence[tuple[Briefing, Sequence[KeyJudgment]]],
    day: _dt.date,
) -> JSONObject:
    """A STIX 2.1 bundle: the actors, the relations between them, a report per briefing with
    a note per key judgment."""
    created = _timestamp(day)
    producer_name = f"vrmc: {_clean(topic.title)}" if topic is not None else "vrmc"
    producer: JSONObject = {
        "type": "identity",
        "spec_version": "2.1",
        "id": stix_id("identity", "vrmc-corpus"),
        "created": created,
        "modified": created,
        "name": producer_name,
        "identity_class": "system",
    }
    common: JSONObject = {
        "spec_version": "2.1",
        "created_by_ref": producer["id"],
        "created": created,
        "modified": created,
    }
    objects: list[JSONObject] = [producer, _extension(producer, created)]
    exported = {a.id for a in actors}
    objects.extend(_actor_object(a, common) for a in actors)
    keys: set[str] = set()
    for relation in relations:
        if relation.source.id not in exported or relation.target.id not in exported:
            continue
        # Everything that tells two relations apart goes into the id: two that differ only in
        # `until` (or in their summary and sources) are two objects, not versions of one.
        key = f"{relation.source.id}|{relation.kind}|{relation.target.id}|{relation.since}"
        if relation.until is not None:
            key += f"|until {relation.until}"
        if key in keys:
            key += "|" + "|".join([relation.summary or "", *(s.id for s in relation.sources)])
        if key in keys:  # the same relation written twice: the same object, exported once
            continue
        keys.add(key)
        obj: JSONObject = {
            "type": "relationship",
            "id": stix_id("relationship", key),
            **common,
            "relationship_type": relation.kind,
            "source_ref": _actor_ref(relation.source),
            "target_ref": _actor_ref(relation.target),
        }
        if relation.summary:
            obj["description"] = _clean(relation.summary)
        if relation.since is not None:
            obj["start_time"] = _timestamp(relation.since.first_day)
        if relation.until is not None:
            obj["stop_time"] = _timestamp(relation.until.last_day, end_of_day=True)
        if relation.sources:
            obj["labels"] = _reliability_tag(relation.sources)
            obj["external_references"] = _references(relation.sources)
        dates = {
            k: str(v)
            for k, v in (("x_vrmc_since", relation.since), ("x_vrmc_until", relation.until))
            if v is not None
        }
        if dates:
            obj["extensions"] = {STIX_EXTENSION: {"extension_type": "toplevel-property-extension"}}
            obj.update(dates)
        objects.append(obj)
    locations: dict[str, JSONObject] = {}
    # An actor's seat: the standard `located-at` relationship to the place's location.
    for actor in actors:
        if actor.seat is not None:
            objects.append(
                {
                    "type": "relationship",
                    "id": stix_id("relationship", f"{actor.id}#seat"),
                    **common,
                    "relationship_type": "located-at",
                    "source_ref": _actor_ref(actor),
                    "target_ref": _location(actor.seat, common, locations),
                }
            )
    for briefing, judgments in briefings:
        report_id = stix_id("report", briefing.id)
        notes: list[JSONObject] = []
        located: set[str] = set()
        for n, judgment in enumerate(judgments, 1):
            refs = [report_id]
            refs += sorted({_actor_ref(a) for a in judgment.actors if a.id in exported})
            # Where the events it rests on happened: a location per place, shared.
            where = sorted(
                {
                    _location(place, common, locations)
                    for event in judgment.basis
                    for place in (*event.places, event.origin, event.destination)
                    if place is not None
                }
            )
            refs += where
            located.update(where)
            note: JSONObject = {
                "type": "note",
                "id": stix_id("note", f"{briefing.id}#{n}"),
                **common,
                "abstract": f"Key judgment {n} of {_clean(briefing.title)}",
                "content": _clean(judgment.text),
                "object_refs": refs,
            }
            if judgment.confidence is not None:
                note["confidence"] = STIX_CONFIDENCE[judgment.confidence]
            labels = _estimative_tags(judgment.likelihood, judgment.confidence)
            labels += _reliability_tag(resting_on(judgment))
            if labels:
                note["labels"] = labels
            if judgment.sources:
                note["external_references"] = _references(judgment.sources)
            notes.append(note)
        # Points graded for credibility go as notes too, with the grade as a machine tag.
        for s_n, section in enumerate(briefing.sections, 1):
            for p_n, point in enumerate(section.points, 1):
                if point.credibility is None:
                    continue
                point_note: JSONObject = {
                    "type": "note",
                    "id": stix_id("note", f"{briefing.id}#s{s_n}p{p_n}"),
                    **common,
                    "abstract": f"{_clean(section.heading)}, point {p_n}, of "
                    f"{_clean(briefing.title)}",
                    "content": _clean(point.text),
                    "object_refs": [report_id],
                    "labels": _credibility_tag(point.credibility)
                    + _estimative_tags(None, point.confidence)
                    + _reliability_tag(point.sources),
                }
                if point.confidence is not None:
                    point_note["confidence"] = STIX_CONFIDENCE[point.confidence]
                if point.sources:
                    point_note["external_references"] = _references(point.sources)
                notes.append(point_note)
        named = {
            a.id for s in briefing.sections for p in s.points for a in p.actors if a.id in exported
        } | {a.id for j in judgments for a in j.actors if a.id in exported}
        by_id = {a.id: a for a in actors}
        refs = sorted(_actor_ref(by_id[i]) for i in named) + sorted(located) or [producer["id"]]
        report: JSONObject = {
            "type": "report",
            "id": report_id,
            **common,
            "name": _clean(briefing.title),
            "description": _clean(briefing.summary),
            "report_types": ["threat-report"],
            "published": created,
            "object_refs": refs,
            "labels": [f"theme:{t.id}" for t in briefing.themes]
            + _reliability_tag(briefing.sources),
        }
        if briefing.sources:
            report["external_references"] = _references(briefing.sources)
        objects.append(report)
        objects.extend(notes)
    objects.extend(locations[k] for k in sorted(locations))
    return {
        "type": "bundle",
        "id": stix_id("bundle", producer_name),
        "objects": objects,
    }


# STIX `precision` is in metres: how far the point may be from where things happened.
STIX_PRECISION = {"site": 1000.0, "town": 10000.0, "region": 100000.0, "country": 500000.0}


def _location(place: Place, common: JSONObject, found: dict[str, JSONObject]) -> str:
    """The STIX location of a place (made once, kept in `found`), by id."""
    ref = stix_id("location", place.id)
    if ref not in found:
        obj: JSONObject = {
            "type": "location",
            "id": ref,
            **common,
            "name": _clean(place.name),
            "latitude": place.latitude,
            "longitude": place.longitude,
        }
        if place.precision is not None:
            obj["precision"] = STIX_PRECISION[place.precision]
        if place.country is not None:
            obj["country"] = place.country.code
        if place.gazetteer:
            obj["description"] = f"Gazetteer: {_clean(place.gazetteer)}"
        if place.sources:
            obj["external_references"] = _references(place.sources)
        found[ref] = obj
    return ref


# --------------------------------------------------------------------------- iCalendar


def _ics_text(text: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon, comma and line breaks escaped."""
    text = _clean(text)
    for raw, escaped in (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\n", "\\n")):
        text = text.replace(raw, escaped)
    return text


def _fold(line: str) -> list[str]:
    """RFC 5545 3.1: lines of at most 75 octets, continued with a leading space, never
    splitting a UTF-8 sequence."""
    out: list[str] = []
    current, size, limit = "", 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            out.append(current)
            current, size, limit = " ", 1, 75
        current += char
        size += width
    out.append(current)
    return out


def _ics_date(day: _dt.date) -> str:
    """RFC 5545's DATE, four digits of year always (strftime's %Y gives `101` for 0101)."""
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def ics(topic: Topic | None, events: Sequence[Event], day: _dt.date) -> str:
    """An iCalendar file: one all-day VEVENT per event, over the days its date covers (a
    month is the whole month, a year the whole year) through its end's last day."""
    stamp = f"{_ics_date(day)}T000000Z"
    name = _ics_text(topic.title) if topic is not None else "vrmc"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//vrmc//vrmc export ics//EN",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{name}",
    ]
    for event in events:
        first = event.date.first_day
        last = (event.end or event.date).last_day
        description = _clean(event.summary)
        if event.sources:
            cited = "\n".join(
                f"- {_source_line(s)}" + (f" {_clean(s.url)}" if s.url else "")
                for s in event.sources
            )
            description = (description + "\n\nSources:\n" + cited).strip()
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.id}@vrmc.invalid",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{_ics_date(first)}",
            # The day after the last (DTEND is exclusive), which after 9999-12-31 has no
            # four-digit year: then the length, which RFC 5545 allows instead.
            f"DTEND;VALUE=DATE:{_ics_date(last + _dt.timedelta(days=1))}"
            if last < _dt.date.max
            else f"DURATION:P{(last - first).days + 1}D",
            f"SUMMARY:{_ics_text(event.title)}",
        ]
        if description:
            lines.append(f"DESCRIPTION:{_ics_text(description)}")
        if event.themes:
            lines.append("CATEGORIES:" + ",".join(_ics_text(t.title) for t in event.themes))
        when = event.display_date or (f"c. {event.date.human()}" if event.circa else None)
        if when:
            lines.append(f"COMMENT:{_ics_text(when)}")
        where = _main_place(event)
        if where is not None:
            # RFC 5545 3.8.1.6: latitude;longitude, as decimal degrees.
            lines.append(f"GEO:{where.latitude:.6f};{where.longitude:.6f}")
            lines.append(f"LOCATION:{_ics_text(where.name)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(part + "\r\n" for line in lines for part in _fold(line))


# --------------------------------------------------------------------------- SQLite


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class _Tables:
    """Tables built from kind declarations: columns and rows, written at the end."""

    def __init__(self) -> None:
        self.columns: dict[str, list[tuple[str, str]]] = {}
        self.rows: dict[str, list[tuple[object, ...]]] = {}
        self.keys: dict[str, tuple[str, ...]] = {}

    def table(self, name: str, columns: list[tuple[str, str]], key: tuple[str, ...]) -> None:
        if name not in self.columns:
            self.columns[name] = columns
            self.rows[name] = []
            self.keys[name] = key

    def add(self, name: str, row: tuple[object, ...]) -> None:
        self.rows[name].append(row)

    def entries(
        self,
        kind: Kind,
        table: str,
        parent: list[tuple[str, str]],
        objects: Sequence[JSONObject],
        parent_values: tuple[object, ...] = (),
    ) -> None:
        _add_entries(self, kind, table, parent, objects, parent_values)


def _position(kind: Kind) -> str:
    """The column that numbers entries of a kind without a key (`point_no`)."""
    return kind.noun.replace(" ", "_") + "_no"


def _add_entries(
    tables: _Tables,
    kind: Kind,
    table: str,
    parent: list[tuple[str, str]],
    objects: Sequence[JSONObject],
    parent_values: tuple[object, ...] = (),
) -> None:
    """Rows of `objects` (JSON objects of `kind`) into `table`, each field in the columns its
    type gives it; references into link tables `<table>_<field>`, nested entries into their
    own tables, recursively (fields.py `sql_tables`)."""
    own_key = kind.key
    key_columns = list(parent)
    key_columns.append((own_key, "TEXT") if own_key else (_position(kind), "INTEGER"))
    columns = list(key_columns)
    taken = {name for name, _ in key_columns}
    for f in kind.fields:
        if f.name == own_key:
            continue
        # A field named like a parent's key column (an indicator's own `id` under its
        # scenario's `id`) is prefixed with its kind.
        columns += f.type.sql_columns(f"{kind.name}_{f.name}" if f.name in taken else f.name)
    # Computed (serialize.py): the independent origins of an entry that cites sources, in
    # a count column and a link table; a source's own origin id.
    citing = any(f.name == "sources" for f in kind.fields)
    origins_table = f"{table}_origins"
    if citing:
        columns.append(("origins", "INTEGER"))
        tables.table(
            origins_table,
            [*key_columns, ("position", "INTEGER"), ("origin", "TEXT")],
            (*(name for name, _ in key_columns), "position"),
        )
    if kind.name == "sources":
        columns.append(("origin_id", "TEXT"))
    tables.table(table, columns, tuple(name for name, _ in key_columns))
    for position, obj in enumerate(objects, 1):
        identity = (*parent_values, obj[own_key] if own_key else position)
        row: list[object] = list(identity)
        for f in kind.fields:
            if f.name == own_key:
                continue
            value = obj.get(f.name)
            row += f.type.sql_values(value)
            f.type.sql_tables(tables, f, table, key_columns, identity, value)
        if citing:
            found = obj.get("origins") or {"count": 0, "ids": []}
            row.append(found["count"])
            for n, origin in enumerate(found["ids"], 1):
                tables.add(origins_table, (*identity, n, origin))
        if kind.name == "sources":
            row.append(obj.get("origin_id"))
        tables.add(table, tuple(row))


Script = list[tuple[str, Sequence[tuple[object, ...]]]]


LOCATED_EVENTS = """CREATE VIEW located_events AS
SELECT e.id AS event, e.title AS title, e.date AS date, e.date_first_day AS first_day,
       COALESCE(e.end_last_day, e.date_last_day) AS last_day, e.confidence AS confidence,
       l.role AS role, p.id AS place, p.name AS place_name, p.country AS country,
       p.latitude AS latitude, p.longitude AS longitude
FROM (SELECT id, place, 'site' AS role, position FROM events_places
      UNION ALL SELECT id, origin, 'origin', 1000000 FROM events WHERE origin IS NOT NULL
      UNION ALL SELECT id, destination, 'destination', 1000001 FROM events
      WHERE destination IS NOT NULL) AS l
JOIN events AS e ON e.id = l.id
JOIN places AS p ON p.id = l.place
ORDER BY e.date_first_day, e.id, l.position"""

# Actors at their seats: not events, so a view of their own, with the same coordinate
# columns for map tools.
SEATED_ACTORS = """CREATE VIEW seated_actors AS
SELECT a.id AS actor, a.name AS name, a.kind AS kind, p.id AS place, p.name AS place_name,
       p.country AS country, p.latitude AS latitude, p.longitude AS longitude
FROM actors AS a
JOIN places AS p ON p.id = a.seat
ORDER BY a.id"""


def sqlite_script(objects: dict[str, Sequence[JSONObject]]) -> Script:
    """The statements that build the database from JSON objects by kind (`topic` and the
    top-level kinds): (SQL, rows) pairs, in a fixed order."""
    tables = _Tables()
    for kind in KINDS:
        if kind.top or kind.name == "topic":
            _add_entries(tables, kind, kind.name, [], objects.get(kind.name, ()))
    script: Script = []
    for name, columns in tables.columns.items():
        column_sql = ", ".join(f"{_quote(c)} {t}" for c, t in columns)
        key = ", ".join(_quote(k) for k in tables.keys[name])
        script.append((f"CREATE TABLE {_quote(name)} ({column_sql}, PRIMARY KEY ({key}))", []))
        marks = ", ".join("?" for _ in columns)
        # Table names come from kinds.py and are quoted; every value is a bound parameter.
        insert = f"INSERT INTO {_quote(name)} VALUES ({marks})"  # noqa: S608
        script.append((insert, tables.rows[name]))
    # Located events, one row per event and place, with the place's coordinates in the
    # columns map tools look for (datasette-cluster-map: latitude, longitude).
    script.append((LOCATED_EVENTS, []))
    script.append((SEATED_ACTORS, []))
    # Full-text search over the searchable fields of every entry, one row per entry.
    script.append(
        (
            "CREATE VIRTUAL TABLE search USING fts5(kind UNINDEXED, id UNINDEXED, label, body,"
            " tokenize = 'unicode61 remove_diacritics 2')",
            [],
        )
    )
    rows: list[tuple[object, ...]] = []
    for kind in KINDS:
        if not kind.top:
            continue
        for n, obj in enumerate(objects.get(kind.name, ()), 1):
            key = obj[kind.key] if kind.key else str(n)
            label = _clean(str(obj.get(kind.label or "") or ""))
            body = "\n".join(_clean(text) for text in _search_text(kind, obj))
            rows.append((kind.name, key, label, body))
    script.append(("INSERT INTO search VALUES (?, ?, ?, ?)", rows))
    return script


def _search_text(kind: Kind, obj: JSONObject) -> list[str]:
    """The texts of an entry's searchable fields, as their types give them."""
    out: list[str] = []
    for f in kind.fields:
        value = obj.get(f.name)
        if f.search and value is not None:
            out += f.type.json_texts(value, f, _search_text)
    return out


def sqlite(objects: dict[str, Sequence[JSONObject]]) -> bytes:
    """The database file's bytes (built in a temporary folder, then read)."""
    import os
    import sqlite3
    import tempfile

    script = sqlite_script(objects)
    with tempfile.TemporaryDirectory(prefix="vrmc-") as folder:
        path = os.path.join(folder, "export.db")
        connection = sqlite3.connect(path)
        try:
            with connection:
                for sql, rows in script:
                    if sql.startswith("INSERT"):
                        connection.executemany(sql, rows)
                    else:
                        connection.execute(sql)
            connection.execute("VACUUM")
        finally:
            connection.close()
        with open(path, "rb") as database:
            return database.read()


# --------------------------------------------------------------------------- GeoJSON


def _main_place(event: Event) -> Place | None:
    """The place an event is drawn at: its first place, else the route's destination,
    else its origin."""
    if event.places:
        return event.places[0]
    return event.destination or event.origin


def _place_json(place: Place, role: str) -> JSONObject:
    return {
        "id": place.id,
        "name": _clean(place.name),
        "role": role,
        "latitude": place.latitude,
        "longitude": place.longitude,
        "precision": place.precision,
        "country": place.country.code if place.country else None,
    }


def geojson(topic: Topic | None, events: Sequence[Event]) -> JSONObject:
    """An RFC 7946 FeatureCollection: one Point feature per located event, at its main
    place (`_main_place`), with its id, title, dates, confidence and sources; every place it
    names, with its role (site, origin, destination), is in `properties.places`. Events
    with no place are left out."""
    features: list[JSONObject] = []
    for event in events:
        main = _main_place(event)
        if main is None:
            continue
        places = [_place_json(p, "site") for p in event.places]
        if event.origin is not None:
            places.append(_place_json(event.origin, "origin"))
        if event.destination is not None:
            places.append(_place_json(event.destination, "destination"))
        first, last = span(event.date, event.end)
        features.append(
            {
                "type": "Feature",
                "id": event.id,
                "geometry": {"type": "Point", "coordinates": [main.longitude, main.latitude]},
                "properties": {
                    "id": event.id,
                    "title": _clean(event.title),
                    "date": str(event.date),
                    "end": str(event.end) if event.end else None,
                    "first_day": first.isoformat(),
                    "last_day": last.isoformat(),
                    "confidence": event.confidence,
                    "status": event.status,
                    "place": _clean(main.name),
                    "places": places,
                    "themes": [t.id for t in event.themes],
                    "sources": [
                        {"id": s.id, "title": _clean(s.title), "url": _clean(s.url) or None}
                        for s in event.sources
                    ],
                },
            }
        )
    out: JSONObject = {"type": "FeatureCollection"}
    if topic is not None:
        out["name"] = _clean(topic.title)
    out["features"] = features
    return out
