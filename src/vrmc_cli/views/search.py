"""Search results with their matches marked (`vrmc search`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..core.doc import Block, Bullets, Doc, Heading, Inline, Item, Para, Span, plain
from .base import plural

if TYPE_CHECKING:
    from ..analysis.search import Hit  # only `vrmc search` imports the search module


def marked(text: str, ranges: Sequence[tuple[int, int]]) -> Inline:
    """`text` with the spans in `ranges` marked as matches."""
    spans: list[Span] = []
    at = 0
    for start, end in ranges:
        if start > at:
            spans.append(Span(text[at:start]))
        spans.append(Span(text[start:end], "mark"))
        at = end
    if at < len(text):
        spans.append(Span(text[at:]))
    return tuple(spans)


def search_doc(query: str, hits: Sequence[Hit]) -> Doc:
    blocks: list[Block] = [Heading(1, f"Search: {query}")]
    blocks.append(Para(plain(plural(len(hits), "matching entry", "matching entries"))))
    kind: str | None = None
    batch: list[Item] = []
    for hit in hits:
        if hit.kind != kind:
            if batch:
                blocks.append(Bullets(tuple(batch)))
                batch = []
            kind = hit.kind
            blocks.append(Heading(2, hit.group))
        # A match in the label is marked there, not repeated below it.
        children = tuple(
            Para((Span(f"{m.field}: ", "muted"), *marked(*m.snippet)))
            for m in hit.matches
            if not (hit.label_ranges and m.text == hit.label)
        )
        label = [
            s if s.style else Span(s.text, "strong") for s in marked(hit.label, hit.label_ranges)
        ]
        head = [*label, Span(f" ({hit.ref})", "code")]
        if hit.when:
            head.append(Span(f" — {hit.when}", "muted"))
        batch.append(Item(tuple(head), children))
    if batch:
        blocks.append(Bullets(tuple(batch)))
    return Doc(f"Search: {query}", tuple(blocks))
