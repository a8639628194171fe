"""STIX 2.1 bundles (OpenCTI, MISP, vrmc's own export) as actors, relations and sources.

- `identity` (but a `system`, the tool that wrote the bundle), `threat-actor` and
  `intrusion-set` objects become actors: an individual a person, a threat actor of type
  nation-state an armed force (`military`), the rest organizations.
- `relationship` objects between two of them become relations (`relationship_type` as the
  kind, `start_time`/`stop_time` as since/until, to the day); a `located-at` relationship to a
  country's `location` sets the actor's country.
- `location` objects with a `country` become countries, but those with coordinates or a
  city: they are places in a country (vrmc writes its places so), and an actor's seat comes
  back from vrmc's `x_vrmc_seat` when the corpus joined has that place.
- `report` objects become sources (their name, publication date, publisher and first URL);
  `incident` objects with a `first_seen` become events; `note` objects are kept on the
  actors they are about as `x-notes`.
- `external_references` become sources (one per URL, or per `external_id` that names a
  source of the corpus joined).
- vrmc's own export carries every actor and relation field in the `x_vrmc_*` properties of
  its extension (docs/format.md), so an export imported again gives the same entries.
Objects of other types are counted in the notes, never dropped silently.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from . import (
    Context,
    Draft,
    Entry,
    Sources,
    check_text,
    decode,
    new_draft,
    parse_json,
    problem,
    slug,
    squash,
    web_url,
    x_last,
)

_ACTORS = ("identity", "threat-actor", "intrusion-set")
_KINDS = ("person", "state", "organization", "company", "military", "international-body")


def _text(obj: Mapping[str, Any], key: str, path: str, where: str) -> str:
    value = obj.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise problem(path, f"{where}.{key}: expected a string")
    return check_text(value, path, f"{where}.{key}")


def _texts(obj: Mapping[str, Any], key: str, path: str, where: str) -> list[str]:
    value = obj.get(key)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise problem(path, f"{where}.{key}: expected a list of strings")
    return [check_text(v, path, f"{where}.{key}[{n}]") for n, v in enumerate(value)]


def _day(value: str, path: str, where: str) -> str:
    """The date part of a STIX timestamp (YYYY-MM-DDTHH:MM:SS[.s]Z)."""
    import datetime as _dt

    try:
        day = _dt.date.fromisoformat(value[:10])
    except ValueError:
        raise problem(path, f"{where}: {value!r} is not a STIX timestamp") from None
    if value[10:11] not in ("", "T"):
        raise problem(path, f"{where}: {value!r} is not a STIX timestamp")
    return day.isoformat()


def _partial(value: Any, path: str, where: str) -> str:
    """A vrmc date carried by the extension: YYYY, YYYY-MM or YYYY-MM-DD."""
    from ..core.dates import parse_date

    if not isinstance(value, str):
        raise problem(path, f"{where}: expected a date string")
    try:
        parse_date(value)
    except ValueError:
        raise problem(
            path, f"{where}: {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
        ) from None
    return value


def read(path: str, data: bytes, context: Context) -> Draft:
    bundle = parse_json(path, decode(path, data))
    if not isinstance(bundle, Mapping) or bundle.get("type") != "bundle":
        raise problem(path, '$: not a STIX bundle (an object with "type": "bundle")')
    objects = bundle.get("objects")
    if not isinstance(objects, list):
        raise problem(path, "$.objects: expected a list of STIX objects")
    by_id: dict[str, tuple[int, Mapping[str, Any]]] = {}
    for n, obj in enumerate(objects):
        where = f"$.objects[{n}]"
        if not isinstance(obj, Mapping):
            raise problem(path, f"{where}: expected an object")
        kind, ident = obj.get("type"), obj.get("id")
        if (
            not isinstance(kind, str)
            or not isinstance(ident, str)
            or not ident.startswith(f"{kind}--")
        ):
            raise problem(
                path, f"{where}: a STIX object needs a type and an id of the form TYPE--UUID"
            )
        if ident in by_id:
            raise problem(
                path, f"{where}.id: {ident} appears twice (first at $.objects[{by_id[ident][0]}])"
            )
        by_id[ident] = (n, obj)
    return _Reader(path, by_id, context).draft


class _Reader:
    def __init__(
        self, path: str, by_id: Mapping[str, tuple[int, Mapping[str, Any]]], context: Context
    ) -> None:
        self.path = path
        self.by_id = by_id
        self.context = context
        self.draft = new_draft()
        self.sources = Sources(self.draft, context.ids, context.source_urls)
        self.actor_ids: dict[str, str] = {}  # STIX id -> vrmc id
        self.actors: dict[str, Entry] = {}
        self.countries: dict[str, str] = {}  # location STIX id -> code
        self.places: dict[str, str] = {}  # a located place's STIX id -> its country's code
        self.skipped: Counter[str] = Counter()  # what was not imported, by what it is
        producers = {
            ident
            for ident, (_, obj) in by_id.items()
            if obj.get("type") == "identity" and obj.get("identity_class") == "system"
        }
        self._locations()
        for ident, (n, obj) in by_id.items():
            kind = obj["type"]
            if kind in _ACTORS and ident not in producers:
                self._actor(ident, n, obj)
        for n, obj in by_id.values():
            kind = obj["type"]
            where = f"$.objects[{n}]"
            if kind == "relationship":
                self._relation(n, obj)
            elif kind == "report":
                self._report(where, obj)
            elif kind == "note":
                self._note(where, obj)
            elif kind == "incident":
                self._incident(where, obj)
            elif kind in ("location", "marking-definition", "extension-definition") or (
                kind in _ACTORS
            ):
                continue
            else:
                self.skipped[kind] += 1
        for entry in self.actors.values():
            self._settle_references(entry)
            self.draft.add("actors", x_last(entry))
        for kind, count in sorted(self.skipped.items()):
            noun = "object" if count == 1 else "objects"
            self.draft.note(f"{count} {kind} {noun}: vrmc has no kind for them; not imported")

    def _settle_references(self, entry: Entry) -> None:
        """An actor's country and themes must name entries: a country the bundle names only
        by its code is added; a theme the corpus joined lacks is left out, with a note."""
        code = entry.get("country")
        drafted = {c["code"] for c in self.draft.entries.get("countries", [])}
        if code and not self.context.has("countries", code) and code not in drafted:
            self.draft.add("countries", {"code": code, "name": code})
            self.draft.note(f"country {code} (of actor {entry['id']}) named by its code; name it")
        themes = entry.get("themes")
        if themes:
            kept = [t for t in themes if self.context.has("themes", t)]
            for theme in themes:
                if theme not in kept:
                    self.draft.note(
                        f"actor {entry['id']}: theme {theme!r} is not in the corpus; left out"
                    )
            if kept:
                entry["themes"] = kept
            else:
                del entry["themes"]

    # ------------------------------------------------------------------ objects

    def _locations(self) -> None:
        known = set(self.context.countries.values())
        for ident, (n, obj) in self.by_id.items():
            if obj.get("type") != "location":
                continue
            where = f"$.objects[{n}]"
            code = _text(obj, "country", self.path, where).strip().upper()
            if not code:
                self.skipped["location (not a country)"] += 1
                continue
            if "latitude" in obj or "city" in obj:
                # A place in a country (vrmc's own export writes places so): its country
                # code still places an actor `located-at` it, but its name is not the
                # country's.
                self.places[ident] = code
                self.skipped["location (a place, not a country)"] += 1
                continue
            if len(code) != 2 or not code.isalpha() or not code.isascii():
                raise problem(
                    self.path, f"{where}.country: {code!r} is not a two-letter country code"
                )
            self.countries[ident] = code
            if code in known or code in {
                c["code"] for c in self.draft.entries.get("countries", [])
            }:
                continue
            name = squash(_text(obj, "name", self.path, where)) or code
            entry: Entry = {"code": code, "name": name}
            region = squash(_text(obj, "region", self.path, where))
            if region:
                entry["region"] = region
            if name == code:
                self.draft.note(
                    f"{where}: country {code} has no name in the bundle; named by its code"
                )
            self.draft.add("countries", entry)

    def _refs(self, obj: Mapping[str, Any], where: str) -> list[str]:
        refs = obj.get("external_references")
        if refs is None:
            return []
        if not isinstance(refs, list):
            raise problem(self.path, f"{where}.external_references: expected a list")
        cited: list[str] = []
        for n, ref in enumerate(refs):
            at = f"{where}.external_references[{n}]"
            if not isinstance(ref, Mapping):
                raise problem(self.path, f"{at}: expected an object")
            url = _text(ref, "url", self.path, at).strip()
            name = _text(ref, "source_name", self.path, at)
            key = _text(ref, "external_id", self.path, at).strip()
            description = _text(ref, "description", self.path, at)
            published = None
            if description.startswith("published "):
                candidate = description.removeprefix("published ").strip()
                try:
                    published = _partial(candidate, self.path, at)
                except Exception:
                    published = None
            if key and self.context.has("sources", key):
                cited.append(key)  # a source of the corpus joined, by its id
            elif url and web_url(url):
                cited.append(self.sources.cite(url, name, "", published, key or None))
            elif url:
                self.draft.note(f"{at}.url: {url!r} is not a web address; left out")
        return list(dict.fromkeys(cited))

    def _actor(self, ident: str, n: int, obj: Mapping[str, Any]) -> None:
        where = f"$.objects[{n}]"
        name = squash(_text(obj, "name", self.path, where))
        if not name:
            raise problem(self.path, f"{where}.name: an actor needs a name")
        wanted = _text(obj, "x_vrmc_id", self.path, where)
        ids = self.context.ids
        actor_id = (
            ids.claim("actors", wanted) if wanted else ids.new("actors", name, fallback="actor")
        )
        kind = _text(obj, "x_vrmc_kind", self.path, where)
        if kind and kind not in _KINDS:
            raise problem(self.path, f"{where}.x_vrmc_kind: {kind!r} is not an actor kind")
        if not kind:
            if obj["type"] == "threat-actor":
                types = _texts(obj, "threat_actor_types", self.path, where)
                kind = "military" if "nation-state" in types else "organization"
            elif obj["type"] == "identity" and obj.get("identity_class") == "individual":
                kind = "person"
            else:
                kind = "organization"
        entry: Entry = {"id": actor_id, "name": name, "kind": kind}
        code = _text(obj, "x_vrmc_country", self.path, where)
        if not code:
            labels = _texts(obj, "labels", self.path, where)
            code = next(
                (x.split(":", 1)[1].upper() for x in labels if x.startswith("country:")), ""
            )
        if code:
            entry["country"] = code.upper()
        seat = _text(obj, "x_vrmc_seat", self.path, where)
        if seat and self.context.has("places", seat):
            entry["seat"] = seat
        elif seat:
            self.skipped["actor seat (a place the corpus does not have)"] += 1
        aliases = _texts(obj, "x_vrmc_aliases", self.path, where) or _texts(
            obj, "aliases", self.path, where
        )
        if aliases:
            entry["aliases"] = aliases
        roles = obj.get("x_vrmc_roles")
        if roles is not None:
            entry["roles"] = self._roles(roles, f"{where}.x_vrmc_roles")
        summary = _text(obj, "x_vrmc_summary", self.path, where)
        stance = _text(obj, "x_vrmc_stance", self.path, where)
        if "x_vrmc_summary" not in obj and "x_vrmc_stance" not in obj:
            summary = _text(obj, "description", self.path, where)
        if summary:
            entry["summary"] = summary
        if stance:
            entry["stance"] = stance
        themes = _texts(obj, "x_vrmc_themes", self.path, where)
        if themes:
            entry["themes"] = themes
        cited = self._refs(obj, where)
        if cited:
            entry["sources"] = cited
        self.actor_ids[ident] = actor_id
        self.actors[actor_id] = entry

    def _roles(self, roles: Any, where: str) -> list[Entry]:
        if not isinstance(roles, list):
            raise problem(self.path, f"{where}: expected a list of roles")
        out: list[Entry] = []
        for n, role in enumerate(roles):
            at = f"{where}[{n}]"
            if not isinstance(role, Mapping) or not isinstance(role.get("title"), str):
                raise problem(self.path, f"{at}: a role is an object with a title")
            entry: Entry = {"title": check_text(role["title"], self.path, f"{at}.title")}
            for key in ("from", "to"):
                if role.get(key) is not None:
                    entry[key] = _partial(role[key], self.path, f"{at}.{key}")
            out.append(entry)
        return out

    def _relation(self, n: int, obj: Mapping[str, Any]) -> None:
        where = f"$.objects[{n}]"
        source, target = obj.get("source_ref"), obj.get("target_ref")
        kind = _text(obj, "relationship_type", self.path, where)
        if source in self.actor_ids and kind == "located-at":
            actor = self.actors[self.actor_ids[source]]
            if target in self.countries:
                actor.setdefault("country", self.countries[target])
                return
            if target in self.places:
                # A seat (a body sits in a city of another state: the UN in New York), so
                # it says nothing of the actor's country; vrmc's own export names the seat's
                # place id (x_vrmc_seat), other producers' places are not imported.
                if "seat" not in actor:
                    self.skipped["relationship (located-at a place)"] += 1
                return
        if source not in self.actor_ids or target not in self.actor_ids:
            self.skipped["relationship (not between two actors)"] += 1
            return
        entry: Entry = {
            "from": self.actor_ids[source],
            "to": self.actor_ids[target],
            "kind": slug(kind) or "related-to",
        }
        for key, stix_key, extension in (
            ("since", "start_time", "x_vrmc_since"),
            ("until", "stop_time", "x_vrmc_until"),
        ):
            if obj.get(extension) is not None:
                entry[key] = _partial(obj[extension], self.path, f"{where}.{extension}")
            elif obj.get(stix_key) is not None and extension not in obj:
                if "x_vrmc_since" in obj or "x_vrmc_until" in obj:
                    continue
                value = _text(obj, stix_key, self.path, where)
                entry[key] = _day(value, self.path, f"{where}.{stix_key}")
        summary = _text(obj, "description", self.path, where)
        if summary:
            entry["summary"] = summary
        cited = self._refs(obj, where)
        if cited:
            entry["sources"] = cited
        self.draft.add("relations", entry)

    def _report(self, where: str, obj: Mapping[str, Any]) -> None:
        name = squash(_text(obj, "name", self.path, where)) or "Untitled STIX report"
        published = obj.get("published")
        day = (
            _day(published, self.path, f"{where}.published") if isinstance(published, str) else None
        )
        refs = obj.get("external_references") or []
        url = next(
            (
                r.get("url")
                for r in refs
                if isinstance(r, Mapping) and isinstance(r.get("url"), str)
            ),
            None,
        )
        publisher = ""
        creator = obj.get("created_by_ref")
        if isinstance(creator, str) and creator in self.by_id:
            publisher = str(self.by_id[creator][1].get("name") or "")
        entry: Entry = {
            "id": self.context.ids.new("sources", name, fallback="report"),
            "title": name,
        }
        if publisher:
            entry["publisher"] = squash(check_text(publisher, self.path, f"{where}.created_by_ref"))
        if url and web_url(url):
            check_text(url, self.path, f"{where}.external_references")
            entry["url"] = url
        if day:
            entry["published"] = day
        entry["kind"] = "report"
        description = _text(obj, "description", self.path, where)
        if description:
            entry["x-description"] = description
        self.draft.add("sources", entry)

    def _note(self, where: str, obj: Mapping[str, Any]) -> None:
        content = _text(obj, "content", self.path, where)
        abstract = _text(obj, "abstract", self.path, where)
        refs = obj.get("object_refs") or []
        about = [self.actor_ids[r] for r in refs if isinstance(r, str) and r in self.actor_ids]
        text = f"{abstract}: {content}" if abstract else content
        if not about or not text:
            self.skipped["note (not about an imported actor)"] += 1
            return
        for actor_id in about:
            self.actors[actor_id].setdefault("x-notes", []).append(text)

    def _incident(self, where: str, obj: Mapping[str, Any]) -> None:
        first = obj.get("first_seen")
        if not isinstance(first, str):
            self.skipped["incident (no first_seen date)"] += 1
            return
        name = squash(_text(obj, "name", self.path, where))
        if not name:
            raise problem(self.path, f"{where}.name: an incident needs a name")
        day = _day(first, self.path, f"{where}.first_seen")
        entry: Entry = {"id": self.context.ids.new("events", name, day), "date": day, "title": name}
        last = obj.get("last_seen")
        if isinstance(last, str) and _day(last, self.path, f"{where}.last_seen") > day:
            entry["end"] = _day(last, self.path, f"{where}.last_seen")
        description = _text(obj, "description", self.path, where)
        if description:
            entry["summary"] = description
        entry["themes"] = [self._theme()]
        cited = self._refs(obj, where)
        if cited:
            entry["sources"] = cited
        self.draft.add("events", entry)

    def _theme(self) -> str:
        existing = [t for t in self.draft.entries.get("themes", []) if t.get("x-stix")]
        if existing:
            return str(existing[0]["id"])
        theme = self.context.ids.new("themes", "stix incidents")
        self.draft.add(
            "themes",
            {
                "id": theme,
                "title": "STIX incidents",
                "description": "Incidents imported from a STIX bundle.",
                "x-stix": True,
            },
        )
        return theme


__all__: Sequence[str] = ("read",)
