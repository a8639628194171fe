"""The reference lists: themes, countries and sources with their counts."""

from __future__ import annotations

from collections.abc import Sequence

from ..analysis.counts import CountryCount, SourceCount, ThemeCount
from ..analysis.provenance import origin_name
from ..analysis.query import country_name_order
from ..core.doc import Doc, Heading, Para, Span, Table, plain
from ..corpus.model import RELIABILITY_MEANING


def themes_doc(counts: Sequence[ThemeCount]) -> Doc:
    rows = tuple(
        (
            plain("  " * c.depth + c.theme.title),
            (Span(c.theme.id, "code"),),
            plain(str(c.events)),
            plain(str(c.points)),
        )
        for c in counts
    )
    table = Table(("theme", "id", "events", "points"), rows, numeric=(False, False, True, True))
    return Doc("Themes", (Heading(1, "Themes"), table))


def countries_doc(counts: Sequence[CountryCount]) -> Doc:
    """The countries by name (JSON keeps them in corpus order)."""
    counts = sorted(counts, key=lambda c: country_name_order(c.country))
    rows = tuple(
        (
            plain(c.country.name),
            (Span(c.country.code, "code"),),
            plain("; ".join(c.country.aliases)),
            plain(str(c.events)),
            plain(str(c.actors)),
            plain(str(c.transfers)),
        )
        for c in counts
    )
    table = Table(
        ("country", "code", "also matches", "events", "actors", "transfers"),
        rows,
        numeric=(False, False, False, True, True, True),
    )
    return Doc("Countries", (Heading(1, "Countries"), table))


def sources_doc(counts: Sequence[SourceCount]) -> Doc:
    rows = tuple(
        (
            (Span(c.source.id, "code"),),
            plain(c.source.title),
            plain(
                (c.source.publisher or "")
                + (
                    f" (origin {origin_name(c.source)}"
                    + (", by matching text)" if c.source.origin_by_text else ")")
                    if c.source.root.origin or c.source.via
                    else ""
                )
            ),
            plain(c.source.published.human() if c.source.published else ""),
            plain(c.source.reliability or ""),
            plain(str(c.citations)),
        )
        for c in counts
    )
    legend = "; ".join(f"{k} {v}" for k, v in RELIABILITY_MEANING.items())
    table = Table(
        ("id", "title", "publisher", "published", "rel.", "cited"),
        rows,
        numeric=(False, False, False, False, False, True),
        whole=(True, False, False, True, True, True),
    )
    return Doc(
        "Sources",
        (
            Heading(1, "Sources"),
            table,
            Para((Span("Reliability (Admiralty scale): " + legend, "muted"),)),
        ),
    )
