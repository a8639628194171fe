"""Independent origins: the sources of a claim collapsed by who first reported what they
carry (docs/grading.md "Independent origins").

A source's origin is found at the end of its `via` chain (the corpus source its page
copies, and so on): that source's `origin` when it names one, else its `publisher`, else
the source itself. Origins are compared folded (case, accents and punctuation aside), so
"Associated Press" and "associated press" are one origin; their id is the folded name as a
kebab-case word (`associated-press`), or the source's id when it names neither. A language
service of an agency or state broadcaster that has several (`Sputnik Mundo`, `RT en
Español`, `Reuters Arabic`, `RIA Novosti (French service)`) has the agency's id: it carries
the agency's own reporting, so it is the same origin.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from ..core.record import Record
from ..core.textsafe import fold
from .model import Source


def origin_name(source: Source) -> str:
    """Who first reported what `source` carries, as written in the corpus."""
    root = source.root
    return root.origin or root.publisher or root.id


def origin_id(source: Source) -> str:
    """The id of `source`'s origin: its folded name as a kebab-case word."""
    root = source.root
    return name_id(root.origin or root.publisher, root.id)


def name_id(name: str | None, source_id: str) -> str:
    """An origin's id from its name (the id of the source at the end of the chain when it
    names none)."""
    if name is None:
        return source_id
    return _kebab(name) or source_id


@cache  # a Sources list asks again for each source of the same publisher
def _kebab(name: str) -> str:
    # `re.sub(r"[\W_]+", "-", folded).strip("-")` without `re` (a warm run does not import
    # it): the runs of letters and digits (str.isalnum, `[^\W_]`), a dash between them.
    folded = fold(name)
    if folded.isascii():  # a space for each ASCII character not a letter or digit, at once
        return _agency("-".join(folded.translate(_ASCII_NOT_ALNUM).split()))
    return _agency("-".join("".join(c if c.isalnum() else " " for c in folded).split()))


# Each ASCII character that is not a letter or digit (str.isalnum), to a space.
_ASCII_NOT_ALNUM = {n: " " for n in range(128) if not chr(n).isalnum()}


# The agencies and state broadcasters whose language services the corpus cites, by the id
# of their name as the corpus spells it for the agency itself (`BBC Mundo` is the BBC's:
# the corpus writes `BBC News`).
AGENCIES = {
    "afp": "afp",
    "associated-press": "associated-press",
    "bbc": "bbc-news",
    "bbc-news": "bbc-news",
    "deutsche-welle": "deutsche-welle",
    "efe": "efe",
    "reuters": "reuters",
    "ria-novosti": "ria-novosti",
    "rt": "rt",
    "sputnik": "sputnik",
    "tass": "tass",
    "voa": "voa",
    "xinhua": "xinhua",
}
# What follows the agency's name in a language service's: a language or the edition's
# region (after "in" or "en" or not), optionally followed by "service" or "edition"
# (`RT in Russian`, `RT en Español`, `RIA Novosti (Persian service)`, `Sputnik Brasil`).
LANGUAGES = (
    "africa",
    "afrique",
    "arabe",
    "arabic",
    "brasil",
    "brazil",
    "chinese",
    "czech",
    "deutsch",
    "deutschland",
    "english",
    "espanol",
    "farsi",
    "france",
    "francais",
    "french",
    "german",
    "international",
    "italia",
    "italian",
    "italiano",
    "japanese",
    "mundo",
    "persian",
    "polish",
    "polska",
    "portugues",
    "portuguese",
    "russian",
    "spanish",
    "turk",
    "turkce",
    "turkish",
    "turkiye",
)
# Services named otherwise than "agency language".
SERVICES = {"actualidad-rt": "rt", "voz-de-america": "voa"}


# The agencies, longest id first: `bbc-news-arabic` is the BBC News service's, not `bbc`'s;
# by the first word of their id, the only ones a key with that first word can start with.
_LONGEST_FIRST = sorted(AGENCIES, key=len, reverse=True)
_BY_FIRST_WORD: dict[str, list[str]] = {}
for _id in _LONGEST_FIRST:
    _BY_FIRST_WORD.setdefault(_id.partition("-")[0], []).append(_id)
del _id
_SUFFIXES = ("-service", "-edition")


def _service(key: str) -> str | None:
    """The agency whose language service `key` names, or None: what
    `^(AGENCY)-(?:(?:in|en)-)?(?:LANGUAGE)(?:-(?:service|edition))?$` matches (each of the
    alternatives longest first), read without `re` (a warm run does not import it)."""
    for agency in _BY_FIRST_WORD.get(key.partition("-")[0], ()):
        if not key.startswith(agency + "-"):
            continue
        rest = key[len(agency) + 1 :]
        tails = [rest[3:], rest] if rest.startswith(("in-", "en-")) else [rest]
        for tail in tails:  # both suffixes are eight characters
            if tail in LANGUAGES or (tail.endswith(_SUFFIXES) and tail[:-8] in LANGUAGES):
                return agency
    return None


def _agency(key: str) -> str:
    """The agency's id for the id of its name or of one of its language services
    (`sputnik-mundo` → `sputnik`, `bbc` → `bbc-news`); any other id unchanged."""
    if key in AGENCIES:
        return AGENCIES[key]
    if key in SERVICES:
        return SERVICES[key]
    if (found := _service(key)) is not None:
        return AGENCIES[found]
    return key


class Origins(Record, frozen=True):
    """The independent origins of a set of sources, in order of first citation."""

    ids: tuple[str, ...] = ()
    names: tuple[str, ...] = ()

    @property
    def count(self) -> int:
        return len(self.ids)


def origins(sources: Iterable[Source]) -> Origins:
    """The independent origins behind `sources` (each once, in order of first citation)."""
    seen: dict[str, str] = {}
    for source in sources:
        root = source if source.via is None else source.root
        name = root.origin or root.publisher
        key = root.id if name is None else _kebab(name) or root.id  # origin_id
        if key not in seen:
            seen[key] = name or root.id  # origin_name
    return Origins(tuple(seen), tuple(seen.values()))


def resting_on(item: object) -> tuple[Source, ...]:
    """The sources a claim rests on: its own, and for a key judgment those of its basis
    events too (each once, in order)."""
    found: dict[str, Source] = {s.id: s for s in getattr(item, "sources", ())}
    for event in getattr(item, "basis", ()):
        for source in event.sources:
            found.setdefault(source.id, source)
    return tuple(found.values())


def item_origins(item: object) -> Origins:
    """The independent origins of a claim (an event, point, key judgment, transfer, actor or
    relation): of the sources it rests on."""
    return origins(resting_on(item))
