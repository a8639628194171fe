"""A spreadsheet of events (CSV) with a column map, such as an ACLED export.

The map says which column feeds which event field: `date=event_date`, or a template joining
columns, `title={event_type} in {location}`. List fields (themes, countries, actors,
sources) take `|` between columns (`actors=actor1|actor2`) and split cells on `;`. Columns
the map does not name are kept on each event as `x-` fields. Rows land as `status: lead`
(machine-coded, to be checked and promoted) unless the import says `--checked`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from . import (
    Context,
    Draft,
    Entry,
    Sources,
    check_text,
    decode,
    new_draft,
    problem,
    slug,
    squash,
    web_url,
    x_last,
)

FIELDS = (
    "id", "date", "end", "circa", "display_date", "title", "summary", "themes", "countries",
    "actors", "sources", "confidence",
)  # fmt: skip
LISTS = ("themes", "countries", "actors", "sources")

# Named layouts: field -> column or template.
LAYOUTS: dict[str, dict[str, str]] = {
    # ACLED's export (acleddata.com, "Codebook"): one row per event.
    "acled": {
        "id": "event_id_cnty",
        "date": "event_date",
        "title": "{sub_event_type}: {actor1} in {location}",
        "summary": "notes",
        "themes": "event_type",
        "countries": "country",
        "actors": "actor1|actor2",
        "sources": "source",
    },
}

_MONTHS = {
    m: n
    for n, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        1,
    )
    for m in names
}  # fmt: skip


def column_map(values: Sequence[str], layout: str | None) -> dict[str, str]:
    """The map from --map (FIELD=COLUMN pairs, or a YAML file of them) or --layout."""
    from ..core.errors import UsageError

    if layout and values:
        raise UsageError("give --layout or --map, not both")
    if layout:
        found = LAYOUTS.get(layout.strip().lower())
        if found is None:
            raise UsageError(f"unknown layout {layout!r}: use one of {', '.join(LAYOUTS)}")
        return dict(found)
    if not values:
        raise UsageError(
            "vrmc import csv needs a column map: --map date=COLUMN,title=COLUMN,… or --layout "
            + ", ".join(LAYOUTS)
        )
    out: dict[str, str] = {}
    for value in values:
        pairs: Mapping[str, object]
        if "=" not in value:
            pairs = _map_file(value)
        else:
            pairs = dict(
                p.split("=", 1) for p in re.split(r",(?=\s*[a-z_][a-z_-]*\s*=)", value) if p.strip()
            )
        for field, column in pairs.items():
            name = str(field).strip()
            if name not in FIELDS and not name.startswith("x-"):
                raise UsageError(
                    f"--map: {name!r} is not an event field (use {', '.join(FIELDS)} or x-NAME)"
                )
            if not isinstance(column, str) or not column.strip():
                raise UsageError(f"--map: {name}= needs a column name")
            out[name] = column.strip()
    return out


def _map_file(path: str) -> Mapping[str, object]:
    import yaml

    from ..core.errors import UsageError

    try:
        with open(path, encoding="utf-8") as handle:
            loaded = yaml.safe_load(handle)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise UsageError(f"--map {path!r}: not a readable YAML map ({exc})") from None
    if not isinstance(loaded, Mapping):
        raise UsageError(f"--map {path!r}: expected a mapping of field: column")
    return loaded


def _date(text: str) -> str | None:
    """YYYY, YYYY-MM, YYYY-MM-DD, `15 January 2024`, `January 2024` or `15 Jan 2024`."""
    from ..core.dates import parse_date

    text = squash(text)
    try:
        return str(parse_date(text))
    except ValueError:
        pass
    words = text.replace(",", " ").split()
    try:
        if len(words) == 3 and words[1].lower() in _MONTHS:
            candidate = f"{int(words[2]):04d}-{_MONTHS[words[1].lower()]:02d}-{int(words[0]):02d}"
        elif len(words) == 3 and words[0].lower() in _MONTHS:  # January 15 2024
            candidate = f"{int(words[2]):04d}-{_MONTHS[words[0].lower()]:02d}-{int(words[1]):02d}"
        elif len(words) == 2 and words[0].lower() in _MONTHS:
            candidate = f"{int(words[1]):04d}-{_MONTHS[words[0].lower()]:02d}"
        else:
            return None
        return str(parse_date(candidate))
    except ValueError:
        return None


class _Row:
    """One row of the sheet, read through the column map."""

    def __init__(
        self, row: list[str], index: Mapping[str, int], columns: Mapping[str, str], start: int
    ) -> None:
        self.row = row
        self.index = index
        self.columns = columns
        self.start = start

    def cell(self, column: str) -> str:
        i = self.index[column.strip()]
        return self.row[i].strip() if i < len(self.row) else ""

    def value(self, field: str) -> str:
        """The field's value: its column's cell, or its template filled in."""
        spec = self.columns.get(field)
        if spec is None:
            return ""
        if "{" in spec:
            filled = re.sub(r"\{([^{}]+)\}", lambda m: self.cell(m.group(1)), spec)
            return squash(re.sub(r"\s+([:,;])", r"\1", filled)).strip(" :,;-")
        return squash(self.cell(spec))

    def values(self, field: str) -> list[str]:
        """A list field's values: from each of its columns, each cell split on `;`."""
        spec = self.columns.get(field)
        if spec is None:
            return []
        found = [v.strip() for c in spec.split("|") for v in self.cell(c).split(";")]
        return list(dict.fromkeys(v for v in found if v))

    def at(self, field: str) -> tuple[int, int]:
        """The line and column (1-based) a field is read from, for messages."""
        spec = self.columns.get(field, "")
        first = (re.findall(r"\{([^{}]+)\}", spec) or spec.split("|"))[0].strip()
        return self.start, self.index.get(first, 0) + 1


def read(
    path: str, data: bytes, context: Context, columns: Mapping[str, str], *, lead: bool = True
) -> Draft:
    import csv
    import io

    from ..core.textsafe import fold

    text = decode(path, data)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise problem(path, f"not a CSV file: {exc}", 1, 1) from None
    if header is None:
        raise problem(path, "an empty file: the first row names the columns", 1, 1)
    names = [h.strip() for h in header]
    index = {n: i for i, n in enumerate(names)}
    used: set[str] = set()
    for field, spec in columns.items():
        wanted = re.findall(r"\{([^{}]+)\}", spec) or spec.split("|")
        for column in wanted:
            if column.strip() not in index:
                raise problem(
                    path,
                    f"--map {field}: no column {column.strip()!r} in the header row "
                    f"(columns: {', '.join(names[:12])}{', …' if len(names) > 12 else ''})",
                    1,
                    1,
                )
            used.add(column.strip())
    for field in ("date", "title"):
        if field not in columns:
            raise problem(path, f"the column map gives no {field}: add --map {field}=COLUMN", 1, 1)
    draft = new_draft()
    sources = Sources(draft, context.ids, context.source_urls)
    theme_ids: dict[str, str] = {}
    named_sources: dict[str, str] = {}
    own_theme: str | None = None
    extras = [n for n in names if n and n not in used]
    line = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise problem(path, f"line {line}: not valid CSV ({exc})", line, 1) from None
        start, line = line, reader.line_num + 1
        if not any(c.strip() for c in row):
            continue
        if len(row) > len(names):
            raise problem(
                path,
                f"{len(row)} cells under a header of {len(names)} columns",
                start,
                len(names) + 1,
            )
        for n, text_cell in enumerate(row):
            check_text(text_cell, path, f"column {names[n]!r}", start, n + 1)

        r = _Row(row, index, columns, start)
        date = _date(r.value("date"))
        if date is None:
            raise problem(
                path,
                f"date {r.value('date')!r} is not a date (YYYY-MM-DD, YYYY-MM, YYYY, or "
                "'15 January 2024')",
                *r.at("date"),
            )
        title = r.value("title")
        if not title:
            raise problem(path, "the title is empty", *r.at("title"))
        wanted_id = r.value("id")
        event: Entry = {
            "id": context.ids.claim("events", slug(wanted_id))
            if slug(wanted_id)
            else context.ids.new("events", title, date, fallback="event")
        }
        event["date"] = date
        if "end" in columns and r.value("end"):
            end = _date(r.value("end"))
            if end is None:
                raise problem(path, f"end {r.value('end')!r} is not a date", *r.at("end"))
            event["end"] = end
        if "circa" in columns and r.value("circa").lower() in ("true", "yes", "1", "x"):
            event["circa"] = True
        if r.value("display_date"):
            event["display_date"] = r.value("display_date")
        event["title"] = title
        if r.value("summary"):
            event["summary"] = r.value("summary")
        themes: list[str] = []
        for name in r.values("themes"):
            key = fold(name)
            if key not in theme_ids:
                theme_ids[key] = context.ids.new("themes", name, fallback="theme")
                draft.add("themes", {"id": theme_ids[key], "title": name})
            themes.append(theme_ids[key])
        if not themes:
            if own_theme is None:
                own_theme = context.ids.new("themes", "imported", path.rsplit("/", 1)[-1])
                draft.add(
                    "themes",
                    {"id": own_theme, "title": f"Imported from {path.rsplit('/', 1)[-1]}"},
                )
            themes.append(own_theme)
        event["themes"] = list(dict.fromkeys(themes))
        countries: list[str] = []
        for name in r.values("countries"):
            code = context.countries.get(fold(name))
            if code is None and len(name) == 2 and name.isalpha() and name.isascii():
                code = name.upper()
                if not context.has("countries", code) and code not in {
                    c["code"] for c in draft.entries.get("countries", [])
                }:
                    draft.add("countries", {"code": code, "name": code})
                    draft.note(f"country {code} named by its code; name it")
            if code is None:
                event.setdefault("x-countries", []).append(name)
                draft.note(
                    f"line {start}: country {name!r} is not in the corpus; kept in x-countries"
                )
            else:
                countries.append(code)
        if countries:
            event["countries"] = list(dict.fromkeys(countries))
        actors: list[str] = []
        for name in r.values("actors"):
            found = context.actors.get(fold(name))
            if found is None:
                event.setdefault("x-actors", []).append(name)
            else:
                actors.append(found)
        if actors:
            event["actors"] = list(dict.fromkeys(actors))
        if event.get("x-actors"):
            draft.note(
                f"line {start}: actors not in the corpus kept in x-actors: "
                + ", ".join(event["x-actors"])
            )
        cited: list[str] = []
        for name in r.values("sources"):
            if web_url(name):
                cited.append(sources.cite(name))
            else:
                key = fold(name)
                if key not in named_sources:
                    named_sources[key] = context.ids.new("sources", name, fallback="source")
                    draft.add(
                        "sources",
                        {"id": named_sources[key], "title": name, "publisher": name},
                    )
                cited.append(named_sources[key])
        if cited:
            event["sources"] = list(dict.fromkeys(cited))
        confidence = r.value("confidence").lower()
        if confidence:
            confidence = {"medium": "moderate"}.get(confidence, confidence)
            if confidence not in ("low", "moderate", "high"):
                raise problem(
                    path,
                    f"confidence {confidence!r} is not low, moderate or high",
                    *r.at("confidence"),
                )
            event["confidence"] = confidence
        if lead:
            event["status"] = "lead"
        for field in columns:
            if field.startswith("x-") and r.value(field):
                event[field] = r.value(field)
        for column in extras:
            found = r.cell(column)
            if found:
                event["x-" + (slug(column) or "column")] = found
        draft.add("events", x_last(event))
    if extras:
        draft.note("columns the map does not name, kept as x- fields: " + ", ".join(extras))
    return draft
