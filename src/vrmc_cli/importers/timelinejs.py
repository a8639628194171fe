"""TimelineJS: its Google-sheet template (as CSV) and its JSON format, as topic entries.

- The `title` slide becomes the topic (when the corpus joined has none) and an era-like theme
  is not made of it; `era` slides become themes, and every event whose dates meet an era's
  span is tagged with it; a slide's `Group` becomes a theme too. An event with neither gets
  the import's own theme, named after the sheet's title.
- Dates keep their precision: a Year alone stays a year. `Time` and `End Time` have no place
  in a topic file and are kept as `x-time` / `x-end-time`.
- HTML in Text becomes plain text; its links, and the slide's Media when it is a URL, become
  sources. Media that is not a URL (a quotation, an embed code) is kept, as plain text, in
  `x-media`; Media Thumbnail and Background in `x-media-thumbnail` and `x-background`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
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
    web_url,
    x_last,
)
from .html_text import plain_text

COLUMNS = (
    "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
    "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
    "Media Thumbnail", "Type", "Group", "Background",
)  # fmt: skip
_REQUIRED = ("Year", "Headline")

# Where a value sits in the input: (line, column) for the sheet, a JSON path for JSON.
Where = Callable[[str], tuple[str, int, int]]


class _Slide:
    """One slide, whatever the input: its cells by TimelineJS column name."""

    def __init__(self, cells: Mapping[str, str], where: Where, label: str) -> None:
        self.cells = cells
        self.where = where
        self.label = label  # "row 4", "$.events[2]"

    def get(self, column: str) -> str:
        return self.cells.get(column, "").strip()


def _date(slide: _Slide, path: str, prefix: str) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD from the slide's (End) Year/Month/Day, or None."""
    from ..core.dates import days_in_month

    names = [f"{prefix}Year", f"{prefix}Month", f"{prefix}Day"]
    values = [slide.get(n) for n in names]
    if not any(values):
        return None
    numbers: list[int] = []
    for name, value in zip(names, values, strict=True):
        if not value:
            break
        text = value[:-2] if value.endswith(".0") else value  # a sheet's 1815.0
        if not text.lstrip("-").isdigit():
            where, line, column = slide.where(name)
            raise problem(path, f"{where}{name} {value!r} is not a whole number", line, column)
        numbers.append(int(text))
    if not numbers:
        where, line, column = slide.where(names[1] if values[1] else names[2])
        raise problem(path, f"{where}a month or day without a {prefix}Year", line, column)
    year = numbers[0]
    if not 1 <= year <= 9999:
        where, line, column = slide.where(names[0])
        raise problem(
            path,
            f"{where}{names[0]} {year}: vrmc dates run from year 1 to 9999 (no BCE dates)",
            line,
            column,
        )
    out = f"{year:04d}"
    if len(numbers) > 1:
        month = numbers[1]
        if not 1 <= month <= 12:
            where, line, column = slide.where(names[1])
            raise problem(path, f"{where}{names[1]} {month} is not 1 to 12", line, column)
        out += f"-{month:02d}"
        if len(numbers) > 2:
            day = numbers[2]
            if not 1 <= day <= days_in_month(year, month):
                where, line, column = slide.where(names[2])
                raise problem(path, f"{where}{names[2]} {day} is not a day of {out}", line, column)
            out += f"-{day:02d}"
    elif values[2]:
        where, line, column = slide.where(names[2])
        raise problem(path, f"{where}a {prefix}Day without a {prefix}Month", line, column)
    return out


def _span(start: str, end: str | None) -> tuple[str, str]:
    """First and last day of a date or range, as ISO strings (comparable as text)."""
    from ..core.dates import parse_date, span

    first, last = span(parse_date(start), parse_date(end) if end else None)
    return first.isoformat(), last.isoformat()


def _check_cells(slide: _Slide, path: str) -> None:
    for column, value in slide.cells.items():
        where, line, col = slide.where(column)
        check_text(value, path, f"{where}{column}", line, col)


def build(path: str, slides: Sequence[_Slide], context: Context) -> Draft:
    draft = new_draft()
    ids = context.ids
    sources = Sources(draft, ids, context.source_urls)
    for slide in slides:
        _check_cells(slide, path)
    title_slides = [s for s in slides if s.get("Type").lower() == "title"]
    eras = [s for s in slides if s.get("Type").lower() == "era"]
    events = [s for s in slides if s.get("Type").lower() not in ("title", "era")]
    for slide in slides:
        if slide.get("Type").lower() not in ("", "title", "era"):
            draft.note(f"{slide.label}: Type {slide.get('Type')!r} read as an event slide")

    name = path.rsplit("/", 1)[-1]
    if title_slides:
        first = title_slides[0]
        body = plain_text(first.get("Text"))
        title = first.get("Headline") and plain_text(first.get("Headline")).text
        topic: Entry = {"title": title or name}
        if body.text:
            topic["summary"] = body.text
        extras = {
            "x-media": first.get("Media"),
            "x-background": first.get("Background"),
        }
        topic.update({k: v for k, v in extras.items() if v})
        if context.has_topic:
            draft.note(
                f"{first.label}: the title slide is not imported as the topic (the corpus has "
                "one); its title names the import's theme"
            )
        else:
            draft.topic = topic
        for extra in title_slides[1:]:
            draft.note(f"{extra.label}: a second title slide, read as an event slide")
            events.insert(0, extra)
        sheet_title = title or name
    else:
        sheet_title = name

    # Themes: eras (with their spans), groups, and the import's own theme when needed.
    era_spans: list[tuple[str, str, str]] = []
    for slide in eras:
        start = _date(slide, path, "")
        end = _date(slide, path, "End ")
        if start is None:
            where, line, column = slide.where("Year")
            raise problem(path, f"{where}an era needs a Year", line, column)
        headline = plain_text(slide.get("Headline")).text or f"Era from {start}"
        theme_id = ids.new("themes", headline, fallback="era")
        first_day, last_day = _span(start, end)
        description = f"An era of the TimelineJS sheet, {start} to {end or start}."
        era_text = plain_text(slide.get("Text")).text
        if era_text:
            description = f"{era_text} ({description})"
        draft.add("themes", {"id": theme_id, "title": headline, "description": description})
        era_spans.append((theme_id, first_day, last_day))
    group_themes: dict[str, str] = {}
    for slide in events:
        group = plain_text(slide.get("Group")).text
        if group and group not in group_themes:
            theme_id = ids.new("themes", group, fallback="group")
            group_themes[group] = theme_id
            draft.add(
                "themes",
                {"id": theme_id, "title": group, "description": "A group of the TimelineJS sheet."},
            )
    own_theme: str | None = None

    for slide in events:
        start = _date(slide, path, "")
        if start is None:
            where, line, column = slide.where("Year")
            raise problem(path, f"{where}an event slide needs a Year", line, column)
        end = _date(slide, path, "End ")
        if end is not None and _span(end, None)[1] < _span(start, None)[0]:
            where, line, column = slide.where("End Year")
            raise problem(
                path, f"{where}the end {end} comes before the start {start}", line, column
            )
        text = plain_text(slide.get("Text"))
        headline = plain_text(slide.get("Headline")).text
        if not headline:
            headline = text.text.split(". ")[0][:120] if text.text else ""
            if not headline:
                where, line, column = slide.where("Headline")
                raise problem(path, f"{where}a slide with no Headline and no Text", line, column)
            draft.note(f"{slide.label}: no Headline; the title is the start of its Text")
        event: Entry = {"id": ids.new("events", headline, start, fallback="event")}
        event["date"] = start
        if end is not None:
            event["end"] = end
        display = plain_text(slide.get("Display Date")).text
        if display:
            event["display_date"] = display
        event["title"] = headline
        if text.text:
            event["summary"] = text.text
        themes: list[str] = []
        group = plain_text(slide.get("Group")).text
        if group:
            themes.append(group_themes[group])
        first_day, last_day = _span(start, end)
        themes += [t for t, a, b in era_spans if a <= last_day and first_day <= b]
        if not themes:
            if own_theme is None:
                own_theme = ids.new("themes", sheet_title, fallback="imported")
                draft.add(
                    "themes",
                    {
                        "id": own_theme,
                        "title": sheet_title,
                        "description": f"Events imported from the TimelineJS sheet {name}.",
                    },
                )
            themes.append(own_theme)
        event["themes"] = themes
        cited: list[str] = []
        dropped = list(text.dropped)
        for link in text.links:
            if web_url(link.url):
                cited.append(sources.cite(link.url, link.text))
            else:
                draft.note(
                    f"{slide.label}: link {link.url!r} in Text is not a web address; left out"
                )
        media = slide.get("Media")
        if media:
            caption = plain_text(slide.get("Media Caption"))
            credit = plain_text(slide.get("Media Credit")).text
            if web_url(media):
                cited.append(sources.cite(media, caption.text or credit, credit))
            else:
                shown = plain_text(media)
                event["x-media"] = shown.text or media
                dropped += shown.dropped
                for link in shown.links:
                    if web_url(link.url):
                        cited.append(sources.cite(link.url, link.text))
                if credit:
                    event["x-media-credit"] = credit
            for link in caption.links:
                if web_url(link.url):
                    cited.append(sources.cite(link.url, link.text or caption.text))
        thumbnail = slide.get("Media Thumbnail")
        if thumbnail:
            event["x-media-thumbnail"] = thumbnail
        background = slide.get("Background")
        if background:
            event["x-background"] = background
        for heading, key in (("Time", "x-time"), ("End Time", "x-end-time")):
            clock = slide.get(heading)
            if clock:
                event[key] = clock
                draft.note(
                    f"{slide.label}: {heading} {clock!r} kept as {key} (vrmc dates are days)"
                )
        for heading, cell in slide.cells.items():
            if heading not in COLUMNS and cell.strip():
                event["x-" + (heading.strip().lower().replace(" ", "-") or "column")] = cell.strip()
        if cited:
            event["sources"] = list(dict.fromkeys(cited))
        for what in dict.fromkeys(dropped):
            draft.note(f"{slide.label}: a {what} element in the HTML was dropped")
        draft.add("events", x_last(event))
    unknown = sorted({c for s in slides for c in s.cells if c not in COLUMNS})
    if unknown:
        draft.note("columns TimelineJS does not define, kept as x- fields: " + ", ".join(unknown))
    return draft


# --------------------------------------------------------------------------- the sheet


def read_csv(path: str, data: bytes, context: Context) -> Draft:
    import csv
    import io

    text = decode(path, data)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise problem(path, f"not a CSV file: {exc}", 1, 1) from None
    if header is None:
        raise problem(path, "an empty file: a TimelineJS sheet starts with its header row", 1, 1)
    names = [h.strip() for h in header]
    folded = {n.lower(): n for n in COLUMNS}
    canonical = [folded.get(n.lower(), n) for n in names]
    missing = [c for c in _REQUIRED if c not in canonical]
    if missing:
        raise problem(
            path,
            "not a TimelineJS sheet: the header row has no "
            + " or ".join(repr(m) for m in missing)
            + " column (expected "
            + ", ".join(COLUMNS[:3])
            + ", …, Headline, Text, …)",
            1,
            1,
        )
    seen: set[str] = set()
    for n, column in enumerate(canonical, 1):
        if column in seen:
            raise problem(path, f"the column {column!r} appears twice", 1, n)
        seen.add(column)
    slides: list[_Slide] = []
    line = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise problem(path, f"line {line}: not valid CSV ({exc})", line, 1) from None
        start = line
        line = reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(canonical):
            raise problem(
                path,
                f"line {start}: {len(row)} cells under a header of {len(canonical)} columns",
                start,
                len(canonical) + 1,
            )
        cells = dict(zip(canonical, row, strict=False))

        def where(column: str, start: int = start) -> tuple[str, int, int]:
            index = canonical.index(column) + 1 if column in canonical else 1
            return "", start, index

        slides.append(_Slide(cells, where, f"line {start}"))
    return build(path, slides, context)


# --------------------------------------------------------------------------- JSON


def _flatten(obj: Mapping[str, Any], base: str) -> dict[str, tuple[str, str]]:
    """A TimelineJS JSON slide as sheet cells: column -> (value, JSON path)."""
    cells: dict[str, tuple[str, str]] = {}

    def put(column: str, value: Any, where: str) -> None:
        if value is None or value == "":
            return
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise _Wrong(where, "a text or number")
        cells[column] = (str(value), where)

    for prefix, key in (("", "start_date"), ("End ", "end_date")):
        date = obj.get(key)
        if date is None:
            continue
        if not isinstance(date, Mapping):
            raise _Wrong(f"{base}.{key}", "an object with year, month, day")
        for part in ("year", "month", "day"):
            put(f"{prefix}{part.capitalize()}", date.get(part), f"{base}.{key}.{part}")
        clock = [
            str(date.get(p)) for p in ("hour", "minute", "second") if date.get(p) not in (None, "")
        ]
        if clock:
            cells[f"{prefix}Time"] = (":".join(clock), f"{base}.{key}.hour")
        if date.get("display_date"):
            put("Display Date", date.get("display_date"), f"{base}.{key}.display_date")
    put("Display Date", obj.get("display_date"), f"{base}.display_date")
    text = obj.get("text")
    if text is not None:
        if not isinstance(text, Mapping):
            raise _Wrong(f"{base}.text", "an object with headline and text")
        put("Headline", text.get("headline"), f"{base}.text.headline")
        put("Text", text.get("text"), f"{base}.text.text")
    media = obj.get("media")
    if media is not None:
        if not isinstance(media, Mapping):
            raise _Wrong(f"{base}.media", "an object with url, credit, caption")
        for part, column in (
            ("url", "Media"),
            ("credit", "Media Credit"),
            ("caption", "Media Caption"),
            ("thumbnail", "Media Thumbnail"),
        ):
            put(column, media.get(part), f"{base}.media.{part}")
    put("Group", obj.get("group"), f"{base}.group")
    background = obj.get("background")
    if isinstance(background, Mapping):
        put("Background", background.get("url") or background.get("color"), f"{base}.background")
    elif background is not None:
        put("Background", background, f"{base}.background")
    return cells


class _Wrong(Exception):
    def __init__(self, where: str, expected: str) -> None:
        super().__init__(where)
        self.where = where
        self.expected = expected


def read_json(path: str, data: bytes, context: Context) -> Draft:
    document = parse_json(path, decode(path, data))
    if not isinstance(document, Mapping) or not isinstance(document.get("events"), list):
        raise problem(path, "$: not TimelineJS JSON (an object with an `events` list)")
    slides: list[_Slide] = []
    groups: list[tuple[str, Any, str]] = []
    if document.get("title") is not None:
        groups.append(("$.title", document["title"], "title"))
    groups += [(f"$.events[{n}]", e, "") for n, e in enumerate(document["events"])]
    eras = document.get("eras") or []
    if not isinstance(eras, list):
        raise problem(path, "$.eras: expected a list")
    groups += [(f"$.eras[{n}]", e, "era") for n, e in enumerate(eras)]
    for base, obj, kind in groups:
        if not isinstance(obj, Mapping):
            raise problem(path, f"{base}: expected an object")
        try:
            found = _flatten(obj, base)
        except _Wrong as wrong:
            raise problem(path, f"{wrong.where}: expected {wrong.expected}") from None
        cells = {column: value for column, (value, _) in found.items()}
        if kind:
            cells["Type"] = kind
        paths = {column: where for column, (_, where) in found.items()}

        def where(
            column: str, paths: dict[str, str] = paths, base: str = base
        ) -> tuple[str, int, int]:
            return f"{paths.get(column, base)}: ", 0, 0

        slides.append(_Slide(cells, where, base))
    return build(path, slides, context)
