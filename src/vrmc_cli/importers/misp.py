"""MISP galaxy clusters (as shipped by `pymispgalaxies`) as actors or register entries.

A cluster file holds `values`, each a named thing with `meta`. Clusters of organisations
(intelligence agencies, threat actors, countries, …) become actors: the value is the name,
`meta.synonyms` the aliases, `meta.refs` sources, `meta.country` (a code, or a name the
corpus knows) the country, the description the summary. Clusters of military equipment
(category "Military equipment", e.g. UAVs) become register entries: one `unconfirmed`
transfer per operator the cluster lists, from the producing country, for an analyst to check
against sources before promoting. Other `meta` keys are kept as `x-meta`, `related` links as
`x-related`: nothing is dropped silently.
"""

from __future__ import annotations

from collections.abc import Mapping
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
    squash,
    web_url,
    x_last,
)

# The actor kind a cluster's values get, by the galaxy's type; organization otherwise.
_KIND = {"country": "state", "intelligence-agency": "organization", "threat-actor": "organization"}
_USED_META = frozenset({"synonyms", "refs", "country", "country_name", "operator"})


def _strings(value: Any, path: str, where: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise problem(path, f"{where}: expected a string or a list of strings")
    return [check_text(v, path, f"{where}[{n}]") for n, v in enumerate(value)]


def _plain(value: Any) -> Any:
    """A meta value as YAML can hold it: strings, numbers, lists and mappings of them."""
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    return str(value)


def read(path: str, data: bytes, context: Context) -> Draft:
    cluster = parse_json(path, decode(path, data))
    if not isinstance(cluster, Mapping) or not isinstance(cluster.get("values"), list):
        raise problem(path, "$: not a MISP galaxy cluster (an object with a `values` list)")
    for key in ("name", "type"):
        if not isinstance(cluster.get(key), str):
            raise problem(path, f"$.{key}: a MISP galaxy cluster names its {key}")
    name = check_text(cluster["name"], path, "$.name")
    galaxy = check_text(cluster["type"], path, "$.type")
    draft = new_draft()
    sources = Sources(draft, context.ids, context.source_urls)
    equipment = str(cluster.get("category", "")).lower() == "military equipment"
    seen: dict[str, str] = {}
    for n, value in enumerate(cluster["values"]):
        where = f"$.values[{n}]"
        if not isinstance(value, Mapping) or not isinstance(value.get("value"), str):
            raise problem(path, f"{where}: a cluster value is an object with a `value` string")
        title = squash(check_text(value["value"], path, f"{where}.value"))
        if not title:
            raise problem(path, f"{where}.value: empty")
        if title.casefold() in seen:
            draft.note(
                f"{where}: {title!r} appears again (first at {seen[title.casefold()]}); kept once"
            )
            continue
        seen[title.casefold()] = where
        meta = value.get("meta") or {}
        if not isinstance(meta, Mapping):
            raise problem(path, f"{where}.meta: expected an object")
        description = value.get("description")
        if description is not None and not isinstance(description, str):
            raise problem(path, f"{where}.description: expected a string")
        description = squash(check_text(description or "", path, f"{where}.description"))
        cited = []
        for k, url in enumerate(_strings(meta.get("refs"), path, f"{where}.meta.refs")):
            if web_url(url):
                cited.append(sources.cite(url, f"{name}: {title}", ""))
            else:
                draft.note(f"{where}.meta.refs[{k}]: {url!r} is not a web address; left out")
        country = _country(meta, context, draft, path, where)
        extra = {k: _plain(v) for k, v in sorted(meta.items()) if k not in _USED_META}
        if equipment:
            _transfers(draft, context, value, meta, title, country, description, cited, path, where)
            continue
        entry: Entry = {
            "id": context.ids.new("actors", title, fallback="actor"),
            "name": title,
            "kind": _KIND.get(galaxy, "organization"),
        }
        if country:
            entry["country"] = country
        aliases = [
            a for a in _strings(meta.get("synonyms"), path, f"{where}.meta.synonyms") if squash(a)
        ]
        if aliases:
            entry["aliases"] = list(dict.fromkeys(squash(a) for a in aliases))
        if description and description != title:
            entry["summary"] = description
        if cited:
            entry["sources"] = list(dict.fromkeys(cited))
        if extra:
            entry["x-meta"] = extra
        related = value.get("related")
        if related:
            entry["x-related"] = _plain(related)
        entry["x-misp-uuid"] = str(value.get("uuid", ""))
        draft.add("actors", x_last(entry))
    return draft


def _country(
    meta: Mapping[str, Any], context: Context, draft: Draft, path: str, where: str
) -> str | None:
    """The value's country code: a two-letter code, or a name the corpus knows; a code the
    corpus lacks is added as a country, named by `country_name` when the cluster gives it."""
    from ..core.textsafe import fold

    raw = meta.get("country")
    if raw is None:
        return None
    if not isinstance(raw, str):
        raise problem(path, f"{where}.meta.country: expected a string")
    raw = squash(check_text(raw, path, f"{where}.meta.country"))
    code = context.countries.get(fold(raw))
    if code is None and len(raw) == 2 and raw.isalpha() and raw.isascii():
        code = raw.upper()
    if code is None:
        known = {fold(str(c["name"])): str(c["code"]) for c in draft.entries.get("countries", [])}
        if fold(raw) in known:
            return known[fold(raw)]
        draft.note(
            f"{where}.meta.country: {raw!r} is neither a country code nor a country of the "
            "corpus; left out"
        )
        return None
    if not context.has("countries", code) and code not in {
        c["code"] for c in draft.entries.get("countries", [])
    }:
        label = meta.get("country_name")
        named = squash(label) if isinstance(label, str) and squash(label) else code
        check_text(named, path, f"{where}.meta.country_name")
        draft.add("countries", {"code": code, "name": named})
    return code


def _transfers(
    draft: Draft,
    context: Context,
    value: Mapping[str, Any],
    meta: Mapping[str, Any],
    title: str,
    supplier: str | None,
    description: str,
    cited: list[str],
    path: str,
    where: str,
) -> None:
    from ..core.textsafe import fold

    operators = _strings(meta.get("operator"), path, f"{where}.meta.operator")
    if supplier is None:
        draft.note(f"{where}: {title!r} names no producing country the corpus knows; no transfers")
        return
    for operator in operators:
        recipient = context.countries.get(fold(squash(operator)))
        if recipient is None:
            draft.note(f"{where}: operator {operator!r} is not a country of the corpus; left out")
            continue
        if recipient == supplier:
            continue
        entry: Entry = {
            "id": context.ids.new("transfers", title, recipient, fallback="transfer"),
            "supplier": supplier,
            "recipient": recipient,
            "designation": title,
            "category": str(draft_category(meta, description)),
            "status": "unconfirmed",
        }
        if description:
            entry["description"] = description
        if cited:
            entry["sources"] = cited
        entry["notes"] = (
            "From a MISP galaxy's operator list: the galaxy names the operator, not an "
            "order or a delivery. Check against sources before changing the status."
        )
        entry["x-misp-uuid"] = str(value.get("uuid", ""))
        draft.add("transfers", entry)


def draft_category(meta: Mapping[str, Any], description: str) -> str:
    """The register category of an equipment value: its type, else its description."""
    for key in ("type", "category", "role"):
        found = meta.get(key)
        if isinstance(found, str) and found.strip():
            return squash(found)
    return description or "equipment"
