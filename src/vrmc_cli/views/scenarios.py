"""Outlook scenarios (`vrmc scenarios`)."""

from __future__ import annotations

from collections.abc import Sequence

from ..core.doc import Block, Bullets, Doc, Fields, Heading, Inline, Item, Para, Span, plain
from ..corpus.model import Scenario
from .base import likelihood_style, likelihood_words, paragraphs


def scenario_blocks(scenarios: Sequence[Scenario], level: int = 1) -> list[Block]:
    blocks: list[Block] = []
    for s in scenarios:
        blocks.append(Heading(level + 1, s.title, anchor=f"scenario-{s.id}"))
        facts: list[tuple[str, Inline]] = []
        if s.likelihood:
            facts.append(
                (
                    "Likelihood",
                    (Span(likelihood_words(s.likelihood), likelihood_style(s.likelihood)),),
                )
            )
        if s.horizon:
            facts.append(("Horizon", plain(s.horizon)))
        facts.append(("Id", (Span(s.id, "code"),)))
        blocks.append(Fields(tuple(facts)))
        blocks.extend(paragraphs(s.summary))
        if s.drivers:
            blocks.append(Para((Span("Drivers", "strong"),)))
            blocks.append(Bullets(tuple(Item(plain(d)) for d in s.drivers)))
        if s.indicators:
            blocks.append(Para((Span("Indicators to watch", "strong"),)))
            blocks.append(
                Bullets(
                    tuple(
                        Item(((Span(i.id, "code"), Span(" ")) if i.id else ()) + plain(i.text))
                        for i in s.indicators
                    )
                )
            )
    return blocks


def scenarios_doc(scenarios: Sequence[Scenario]) -> Doc:
    blocks: list[Block] = [Heading(1, "Outlook scenarios"), *scenario_blocks(scenarios)]
    return Doc("Outlook scenarios", tuple(blocks))
