"""Small pieces every view uses: citation numbering, anchors, dates, names, amounts."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..core.dates import PartialDate
from ..core.doc import Block, Footnotes, Heading, Inline, Para, Span, plain
from ..corpus.model import (
    CREDIBILITY_MEANING,
    LIKELIHOOD_RANGES,
    RELIABILITY_MEANING,
    Actor,
    Disputes,
    Event,
    Range,
    Role,
    Source,
    countries_of,
    dispute,
)
from ..corpus.origins import item_origins, origin_name

# Not `typing.TYPE_CHECKING`: a warm run does not import typing (docs/performance.md); type
# checkers treat any `TYPE_CHECKING` as true.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from ..analysis.provenance import SourceSummary
    from ..core.dates import PartialDate
    from ..core.doc import Style


class Citer:
    """Numbers sources in order of first citation. A point's sources make one `[1, 4, 9]`
    marker (numbers ascending, each once) that links to one numbered list, each source
    listed once however often it is cited.

    Given `numbered` (a report's bibliography, computed with its selection), the numbers
    are fixed in advance: a source's number is its place in that list, and citing a source
    outside it is a bug."""

    def __init__(self, enabled: bool = True, numbered: Sequence[Source] | None = None) -> None:
        self.enabled = enabled
        self.numbers: dict[str, int] = {}
        self.sources: list[Source] = []
        self.fixed = numbered is not None
        for source in numbered or ():
            self.numbers.setdefault(source.id, len(self.numbers) + 1)
            if len(self.numbers) > len(self.sources):
                self.sources.append(source)

    def number(self, sources: Iterable[Source]) -> list[tuple[int, str]]:
        """Number the sources not seen yet; (number, id) of each, ascending, each once."""
        found: dict[int, str] = {}
        for source in sources:
            if source.id not in self.numbers:
                if self.fixed:
                    raise ValueError(f"source {source.id!r} is cited but not in the bibliography")
                self.numbers[source.id] = len(self.numbers) + 1
                self.sources.append(source)
            found[self.numbers[source.id]] = source.id
        return sorted(found.items())

    def cite(self, sources: Iterable[Source]) -> Inline:
        """The marker alone (`[1, 4]`), or nothing when there are no sources or citing is off."""
        if not self.enabled:
            return ()
        cites = tuple(self.number(sources))
        if not cites:
            return ()
        text = "[" + ", ".join([str(n) for n, _ in cites]) + "]"
        return (Span(text, "cite", cites=cites),)

    def marks(self, sources: Iterable[Source]) -> Inline:
        """The marker after a space, to end a sentence with."""
        found = self.cite(sources)
        return (Span(" "), *found) if found else ()

    def footnotes(self, title: str = "Sources", level: int = 2) -> Footnotes:
        notes = tuple((self.numbers[s.id], source_inline(s)) for s in self.sources)
        anchors = tuple(source_anchor(s.id) for s in self.sources)
        return Footnotes(title, level, notes, anchors)


def source_anchor(source_id: str) -> str:
    return f"source-{source_id}"


def event_anchor(event_id: str) -> str:
    return f"event-{event_id}"


_MONTH_NAMES = (
    *("January", "February", "March", "April", "May", "June", "July", "August"),
    *("September", "October", "November", "December"),
)


def title_without_date(title: str, published: PartialDate | None) -> str:
    """A title as a Sources list shows it, after which comes the date it was published:
    without that same date repeated in it (`Takvim report of 5 April 2006` -> `Takvim
    report`; `Der Tagesspiegel archive, 22 July 2008` -> `Der Tagesspiegel archive`).
    Another date in a title (`... to begin production in 2012`) is part of it and stays.

    What is cut is the first match of `(?:,|\\s+(?:of|on|dated|from))\\s+(?:FORMS)(?=AFTER)`,
    FORMS the date's written forms in the order below and AFTER `\\s*(?:[(),]|$)|\\s+on\\s`:
    `of 5 April 2006`, `, June 2007` or `dated ...`, at the end or before a bracket, a comma
    or `on` (`report of 11 March 2005 on the contract`). It is found with three patterns
    compiled once, not one compiled per date (a Sources list of 500 dates would compile
    500). The lead-in is matched one way only (a comma, or the whole run of white space and
    one word, then the whole run of white space before the date, which starts with a letter
    or digit), so trying each place in order, then each form in order, finds the same match.
    Without a match the title is still stripped of white space at its ends."""
    if published is None or not published.month:
        return title
    if str(published.year) not in title:  # in every form below
        return title.strip() or title
    month = _MONTH_NAMES[published.month - 1]
    forms = [f"{month} {published.year}", f"{month[:3]} {published.year}"]
    if published.day:
        forms = [
            f"{published.day} {month} {published.year}",
            f"{month} {published.day}, {published.year}",
            f"{published.day} {month[:3]} {published.year}",
            f"{month[:3]} {published.day}, {published.year}",
            *forms,
        ]
    # Without `re` (a warm run does not import it). The pattern's first match is at the
    # first place where a lead-in starts whose end is followed by a form (in the forms'
    # order at that end). A lead-in ends right before the text it precedes, so each
    # occurrence of a form has at most one place whose lead-in ends there: found from each
    # occurrence backwards, and the first place (then form) wins.
    best: tuple[int, int, int] | None = None  # (place, form's rank, end of the date)
    for rank, form in enumerate(forms):
        at = title.find(form)
        while at >= 0:
            end = at + len(form)
            if _ends_date(title, end):
                place = _lead_in_start(title, at)
                if place >= 0 and (best is None or (place, rank) < best[:2]):
                    best = (place, rank, end)
            at = title.find(form, at + 1)
    if best is None:
        return title.strip() or title
    place, _, end = best
    return (title[:place] + title[end:]).strip() or title


_LEAD_WORDS = ("of", "on", "dated", "from")


def _lead_in_start(title: str, at: int) -> int:
    """Where a lead-in `(?:,|\\s+(?:of|on|dated|from))\\s+` that ends at `at` starts, or -1:
    its last run of white space is the whole run before `at`; before that run comes a comma
    (the place), or one of the words after a run of white space (whose first character is
    the place: the pattern's `\\s+` takes the run whole from any of its characters, and the
    first is tried first). The words end in different letters, so at most one fits."""
    start = at
    while start > 0 and title[start - 1].isspace():
        start -= 1
    if start in (at, 0):
        return -1
    if title[start - 1] == ",":
        return start - 1
    for word in _LEAD_WORDS:
        begins = start - len(word)
        if begins > 0 and title[begins - 1].isspace() and title.startswith(word, begins):
            place = begins - 1
            while place > 0 and title[place - 1].isspace():
                place -= 1
            return place
    return -1


def _spaces_end(text: str, at: int) -> int:
    """Where the run of white space (`\\s*`) at `at` ends."""
    while at < len(text) and text[at].isspace():
        at += 1
    return at


def _ends_date(title: str, at: int) -> bool:
    """Whether `\\s*(?:[(),]|$)|\\s+on\\s` matches at `at`: the end, a bracket or a comma
    after any white space, or ` on `."""
    end = _spaces_end(title, at)
    if end == len(title) or title[end] in "(),":
        return True
    return (
        end > at
        and title.startswith("on", end)
        and end + 2 < len(title)
        and title[end + 2].isspace()
    )


# Wire services and state agencies whose reports other outlets carry: `The Jerusalem Post
# (AP)` is an AP report carried by the Post.
_AGENCIES = frozenset(
    (
        *("AP", "AFP", "Reuters", "EFE", "TASS", "ITAR-TASS", "RIA Novosti", "Interfax"),
        *("Xinhua", "DPA", "ANSA", "Prensa Latina", "AVN", "Sputnik", "UPI", "Bloomberg"),
        *("Associated Press", "Agence France-Presse", "Europa Press", "Notimex", "ANF"),
    )
)


# Each publisher as `relayed` names it, once worked out: a Sources list names the same
# publishers again and again.
_RELAYED: dict[str, str] = {}


def relayed(publisher: str) -> str:
    """A publisher as a Sources list names it, in one form for a report one outlet carries
    from a wire service: `Reuters, via Stabroek News` (from `Stabroek News (Reuters)` or
    `Reuters via Stabroek News`). Anything else is left as the corpus writes it."""
    found = _RELAYED.get(publisher)
    if found is None:
        found = _RELAYED[publisher] = _relayed(publisher)
    return found


def _relayed(publisher: str) -> str:
    # `([^(),]+?) \(([^()]+)\)` and `([^(),]+?) via ([^,]+)`, whole, without `re`.
    opening = publisher.find("(")
    if opening >= 2 and publisher[opening - 1] == " " and publisher.endswith(")"):
        carrier, agency = publisher[: opening - 1], publisher[opening + 1 : -1]
        if (
            agency in _AGENCIES
            and not any(c in carrier for c in "(),")
            and not any(c in agency for c in "()")
        ):
            return f"{agency}, via {carrier}"
    at = publisher.find(" via ")
    while at >= 0:
        first, rest = publisher[:at], publisher[at + 5 :]
        if any(c in first for c in "(),"):
            break  # every later " via " has these before it too
        if first and rest and "," not in rest:
            return f"{first}, via {rest}"
        at = publisher.find(" via ", at + 1)
    return publisher


def source_inline(source: Source) -> Inline:
    """`Publisher, "Title", 14 May 2001, url, accessed 3 Feb 2026 (reliability B)`; a page
    that carries another's report names both, one way: `Reuters, via Stabroek News`, and
    when that origin rests on matching text, not a printed credit, says so: `(origin
    Reuters, by matching text; reliability C)`."""
    spans: list[Span] = []
    publisher, published = source.publisher, source.published
    root = source if source.via is None else source.root
    origin = None
    if root.origin or root is not source:  # who first reported it, when the corpus says
        origin = root.origin or root.publisher or root.id  # corpus.origins.origin_name
    if origin and publisher and origin.casefold() != publisher.casefold():
        spans.append(Span(f"{origin}, via {publisher}, "))
    elif publisher:
        spans.append(Span(relayed(publisher) + ", "))
    elif origin:
        spans.append(Span(origin + ", "))
    spans.append(Span(title_without_date(source.title, published), "em"))
    if published:
        spans.append(Span(", " + published.human()))
    if source.url:
        spans.extend((Span(", "), Span(source.url, "", source.url)))  # (text, style, url)
    if source.accessed:
        spans.append(Span(f", accessed {source.accessed.human()}"))
    if source.archive_url:
        spans.extend((Span(", archived at "), Span(source.archive_url, "", source.archive_url)))
    said: list[str] = []
    if source.origin_by_text:
        # The origin rests on the page's words matching a credited copy, not on a credit it
        # prints (docs/grading.md "Independent origins").
        said.append(f"origin {origin_name(source)}, by matching text")
    if source.reliability:
        meaning = RELIABILITY_MEANING.get(source.reliability, "")
        said.append(f"reliability {source.reliability}" + (f", {meaning}" if meaning else ""))
    if said:
        spans.append(Span(f" ({'; '.join(said)})", "muted"))
    return tuple(spans)


def origins_note(item: object, what: str = "") -> Inline:
    """` (2 origins)` after a claim's citation marker: the independent origins of what it
    rests on (docs/grading.md), nothing when it cites no source."""
    found = item_origins(item)
    if not found.count:
        return ()
    words = f"{found.count} origin{'' if found.count == 1 else 's'}{what}"
    return (Span(f" ({words})", "muted"),)


def origins_fact(item: object) -> tuple[str, Inline]:
    """The `Origins` line of an entry's facts: how many, and who."""
    found = item_origins(item)
    return ("Origins", plain(f"{found.count}: {'; '.join(found.names)}"))


def summary_blocks(summary: SourceSummary, level: int) -> list[Block]:
    """The source summary statement (ICD 206) under a heading."""
    from ..analysis.provenance import summary_sentences

    return [
        Heading(level, "Source summary"),
        Para((Span(" ".join(summary_sentences(summary))),)),
    ]


def credibility_badge(credibility: str | None) -> Inline:
    """` (credibility 2, probably true)`: the Admiralty grade of the information itself."""
    if not credibility:
        return ()
    meaning = CREDIBILITY_MEANING[credibility]
    return (Span(" "), Span(f"(credibility {credibility}, {meaning})", "muted"))


def event_ref(event: Event) -> Inline:
    """An event as a reader refers to it: `14 May 2001 — Title`, linked to its entry."""
    return (Span(f"{event_when(event)} — {event.title}", anchor=event_anchor(event.id)),)


def joined(parts: Iterable[Inline], sep: str = "; ") -> Inline:
    out: list[Span] = []
    for n, part in enumerate(parts):
        if n:
            out.append(Span(sep))
        out.extend(part)
    return tuple(out)


def confidence_badge(confidence: str | None) -> Inline:
    if not confidence:
        return ()
    style: Style = {"low": "confidence-low", "moderate": "confidence-moderate"}.get(
        confidence, "confidence-high"
    )  # type: ignore[assignment]
    return (Span(" "), Span(f"({confidence} confidence)", style))


def likelihood_style(likelihood: str | None) -> Style:
    if likelihood in ("almost-no-chance", "very-unlikely", "unlikely"):
        return "likelihood-low"
    if likelihood == "roughly-even-chance":
        return "likelihood-even"
    return "likelihood-high"


def likelihood_words(likelihood: str) -> str:
    return likelihood.replace("-", " ")


def likelihood_sentences(likelihood: str | None, confidence: str | None) -> list[Span]:
    """`Likelihood: very likely (80–95%). Confidence: high.`: two sentences, never one
    phrase, since ICD 203 keeps the chance of a judgment apart from the confidence in it."""
    spans: list[Span] = []
    if likelihood:
        low, high = LIKELIHOOD_RANGES[likelihood]  # type: ignore[index]
        spans += [
            Span("Likelihood: "),
            Span(likelihood_words(likelihood), likelihood_style(likelihood)),
            Span(f" ({low}–{high}%)."),
        ]
    if confidence:
        if spans:
            spans.append(Span(" "))
        spans += [
            Span("Confidence: "),
            Span(confidence, confidence_badge(confidence)[1].style),
            Span("."),
        ]
    return spans


# ICD 203's expressions of likelihood and the chances each stands for, lowest first.
# ICD 203's first row of terms, with the probability each stands for (corpus/model.py).
ICD_203_CHANCES = tuple(
    (likelihood.replace("-", " "), f"{low}–{high}%")
    for likelihood, (low, high) in LIKELIHOOD_RANGES.items()
)


def likelihood_legend() -> Para:
    """The key to the likelihood and confidence words, as ICD 203 defines them."""
    chances = "; ".join(f"{words} {share}" for words, share in ICD_203_CHANCES)
    return Para(
        (
            Span("Likelihood ", "strong"),
            Span(
                f"(ICD 203, the chance that a judgment holds): {chances}. ",
                "muted",
            ),
            Span("Confidence ", "strong"),
            Span(
                "is the analysts' confidence in the sources and reasoning behind a judgment "
                "(low, moderate, high), not its likelihood.",
                "muted",
            ),
        )
    )


def status_style(status: str | None) -> Style:
    if status == "delivered":
        return "status-ok"
    if status in ("ordered", "delivering"):
        return "status-pending"
    return "status-bad"


def event_when(event: Event) -> str:
    """The date at its real precision: `2006`, `Jul 2006`, `c. 2011`, or the display date."""
    if event.display_date:
        return event.display_date
    text = event.date.human()
    if event.end:
        text += " – " + event.end.human()
    text = ("c. " + text) if event.circa else text
    return text + disputed_mark(event.disputed, "date", "end", "display_date")


def disputed_mark(disputed: Disputes, *names: str) -> str:
    """` (disputed)` when the sources dispute any of the fields `names`, else nothing."""
    if not disputed:  # most entries: nothing disputed
        return ""
    return " (disputed)" if any(dispute(disputed, n) for n in names) else ""


def dispute_facts(disputed: Disputes) -> list[tuple[str, Inline]]:
    """One `Disputed` line per disputed field: the field, and who says what."""
    return [
        ("Disputed", (Span(name.replace("_", " "), "strong"), Span(": " + one_line(note))))
        for name, note in disputed
    ]


def names(items: Iterable[Actor]) -> str:
    return ", ".join(a.name for a in items)


def country_names(event: Event) -> str:
    return ", ".join(sorted(c.name for c in countries_of(event.countries, event.actors)))


def role_when(role: Role) -> str:
    if role.start and role.end:
        return f"{role.start.human()} – {role.end.human()}"
    if role.start:
        return f"since {role.start.human()}"
    if role.end:
        return f"until {role.end.human()}"
    return ""


def current_role(actor: Actor, as_of: PartialDate | None = None) -> str:
    """The role open at the corpus's `as_of` (query.current_role: of the dated roles open
    then, the latest begun; an undated one only when no dated role is open); else the role
    that ended last, marked with its end; else nothing."""
    from ..analysis.query import current_role as role_at

    role, is_open = role_at(actor, as_of)
    if role is None:
        return ""
    if is_open:
        return role.title
    return f"{role.title} (until {role.end.human() if role.end else ''})"


def paragraphs(text: str | None, extra: Inline = ()) -> list[Block]:
    """A text field as paragraphs (a blank line separates them); `extra` ends the last one."""
    if not text:
        return [Para(extra)] if extra else []
    parts = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    blocks: list[Block] = [Para(plain(" ".join(p.split("\n")))) for p in parts[:-1]]
    if parts:
        blocks.append(Para((*plain(" ".join(parts[-1].split("\n"))), *extra)))
    return blocks


def one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def quantity(value: float | Range | None) -> str:
    if isinstance(value, Range):
        return f"{quantity(value.low)}–{quantity(value.high)}"
    return f"{value:,}" if value is not None else "–"


def money(value: float | Range | None) -> str:
    if value is None:
        return "–"
    if isinstance(value, Range):
        return f"{money(value.low)}–{money(value.high)}"
    if value >= 1e9:
        return f"US${value / 1e9:,.2f} bn".replace(".00 bn", " bn")
    if value >= 1e6:
        return f"US${value / 1e6:,.1f} m".replace(".0 m", " m")
    return f"US${value:,.0f}"


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """`1 event`, `2 events`; `nouns` where the plural is not `noun` + s."""
    return f"{count} {noun if count == 1 else nouns or noun + 's'}"


def place_line(event: Event) -> str:
    """Where an event happened, as a reader reads it: `Caracas; Engels → Maiquetía`."""
    parts = [p.name for p in event.places if p not in (event.origin, event.destination)]
    if event.origin is not None or event.destination is not None:
        ends = [p.name if p is not None else "?" for p in (event.origin, event.destination)]
        parts.append(" → ".join(ends))
    return "; ".join(parts)
