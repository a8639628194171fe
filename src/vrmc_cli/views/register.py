"""The arms-transfer register and its totals (`vrmc transfers`)."""

from __future__ import annotations

from collections.abc import Sequence

from ..core.doc import (
    Block,
    Bullets,
    Doc,
    Fields,
    Heading,
    Inline,
    Item,
    Para,
    Span,
    Table,
    plain,
)
from ..corpus.model import Range, Transfer, dispute
from .base import (
    Citer,
    dispute_facts,
    disputed_mark,
    money,
    one_line,
    origins_fact,
    paragraphs,
    quantity,
    status_style,
)


def transfer_rows(transfers: Sequence[Transfer]) -> tuple[tuple[Inline, ...], ...]:
    return tuple(
        (
            plain(t.designation),
            plain(t.category),
            plain(f"{t.supplier.name} → {t.recipient.name}"),
            plain(disputed_value(t, "ordered", t.ordered.human() if t.ordered else "–")),
            plain(delivery_span(t) + disputed_mark(t.disputed, "delivered_from", "delivered_to")),
            plain(
                disputed_value(t, "quantity_ordered", quantity(t.quantity_ordered))
                + " / "
                + disputed_value(t, "quantity_delivered", quantity(t.quantity_delivered))
            ),
            (Span(t.status or "–", status_style(t.status)),),
        )
        for t in transfers
    )


def disputed_value(t: Transfer, name: str, shown: str) -> str:
    """A register cell: the value, marked when disputed (`disputed` alone when the sources
    dispute a value the entry leaves out)."""
    if not dispute(t.disputed, name):
        return shown
    return "disputed" if shown == "–" else shown + " (disputed)"


def delivery_span(t: Transfer) -> str:
    if t.delivered_from and t.delivered_to and t.delivered_to != t.delivered_from:
        return f"{t.delivered_from.human()} – {t.delivered_to.human()}"
    if t.delivered_from or t.delivered_to:
        return (t.delivered_from or t.delivered_to).human()  # type: ignore[union-attr]
    return "–"


def totals(transfers: Sequence[Transfer], key: str) -> Table:
    """Rows per category (or status), and the values the sources report.

    Quantities are not added up: a row may count missiles, another batteries.
    """
    groups: dict[str, list[Transfer]] = {}
    for t in transfers:
        label = (t.category if key == "category" else t.status) or "unknown"
        groups.setdefault(label, []).append(t)
    statuses = ("delivered", "delivering", "ordered", "unconfirmed", "cancelled")
    shown = [s for s in statuses if any(t.status == s for t in transfers)]
    rows = []
    for label in sorted(groups):
        items = groups[label]
        cells = [plain(label), plain(str(len(items)))]
        if key == "category":
            cells += [plain(str(sum(1 for t in items if t.status == s))) for s in shown]
        cells.append(plain(_total_value(items)))
        rows.append(tuple(cells))
    columns = (key, "rows", *(shown if key == "category" else ()), "value, rows with one")
    return Table(columns, tuple(rows), numeric=(False, *(True,) * (len(columns) - 1)))


def _total_value(transfers: Sequence[Transfer]) -> str:
    """The sum of the values the sources report, and how many of the rows it covers
    (`US$54 m, 1 of 3`); "–" when none is reported."""
    known = [t.value_usd for t in transfers if t.value_usd is not None]
    if not known:
        return "–"
    return f"{value_sum(transfers)}, {len(known)} of {len(transfers)}"


def value_sum(transfers: Sequence[Transfer]) -> str:
    """The sum of the values reported for `transfers` (a range when one is a range)."""
    known = [t.value_usd for t in transfers if t.value_usd is not None]
    if not any(isinstance(v, Range) for v in known):
        return money(sum(v for v in known if not isinstance(v, Range)))
    low = sum(v.low if isinstance(v, Range) else v for v in known)
    high = sum(v.high if isinstance(v, Range) else v for v in known)
    return money(Range(low, high))


def value_coverage(transfers: Sequence[Transfer]) -> str:
    """What the register's values add up to, and over how many entries: "US$54 m reported
    for 1 of 22 entries"; a sum never stands without the entries it covers."""
    known = sum(1 for t in transfers if t.value_usd is not None)
    entries = "entry" if len(transfers) == 1 else "entries"
    if not known:
        return f"No value is reported for the {len(transfers)} {entries}."
    covered = (
        f"{known} of {len(transfers)} {entries}; the others give no value"
        if known < len(transfers)
        else ("the one entry" if known == 1 else f"all {known} entries")
    )
    return (
        f"{value_sum(transfers)} reported for {covered}. Quantities are not added up: a row "
        "may count missiles, another batteries."
    )


def transfers_blocks(
    transfers: Sequence[Transfer], citer: Citer, level: int = 1, *, ids: bool = True
) -> list[Block]:
    ordered = transfers  # in register order, as selected
    if not ordered:
        # Nothing selected: said once, not as empty tables and totals of nothing.
        return [Para(plain("0 entries: no transfer matches the selection."))]
    blocks: list[Block] = [
        Table(
            (
                "designation",
                "category",
                "route",
                "ordered",
                "delivered",
                "qty ord. / del.",
                "status",
            ),
            transfer_rows(ordered),
            numeric=(False, False, False, False, False, True, False),
            whole=(False, False, True, True, True, True, False),
        ),
        Heading(level + 1, "Totals by category"),
        Para(plain(value_coverage(ordered))),
        totals(ordered, "category"),
        Heading(level + 1, "Totals by status"),
        totals(ordered, "status"),
    ]
    detailed = [
        t for t in ordered if t.description or t.notes or t.value_usd or t.sources or t.disputed
    ]
    if detailed:
        blocks.append(Heading(level + 1, "Notes on the register"))
        items = []
        for t in detailed:
            children: list[Block] = []
            if t.description:
                children.extend(paragraphs(t.description))
            facts: list[tuple[str, Inline]] = []
            if t.value_usd:
                shown = disputed_value(t, "value_usd", money(t.value_usd))
                facts.append(("Reported value", plain(shown)))
            if t.notes:
                facts.append(("Notes", plain(one_line(t.notes))))
            facts.extend(dispute_facts(t.disputed))
            if t.sources:
                if citer.enabled:
                    facts.append(("Sources", citer.cite(t.sources)))
                elif ids:  # citing is off: the ids, unless a report leaves them out
                    facts.append(("Sources", plain(", ".join(s.id for s in t.sources))))
                facts.append(origins_fact(t))
            if facts:
                children.append(Fields(tuple(facts)))
            items.append(
                Item(
                    (Span(t.designation, "strong"), *([Span(f" ({t.id})", "muted")] * ids)),
                    tuple(children),
                    anchor=f"transfer-{t.id}",
                )
            )
        blocks.append(Bullets(tuple(items)))
    return blocks


def transfers_doc(transfers: Sequence[Transfer]) -> Doc:
    citer = Citer()
    blocks: list[Block] = [Heading(1, "Arms-transfer register")]
    blocks.extend(transfers_blocks(transfers, citer))
    if citer.sources:
        blocks.append(citer.footnotes())
    return Doc("Arms-transfer register", tuple(blocks))
