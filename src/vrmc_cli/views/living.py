"""The views of a corpus over time: competing hypotheses (`vrmc ach`), the watch board
(`vrmc watch`), key judgments (`vrmc judgments`) and changes (`vrmc diff`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

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
    Style,
    Table,
    plain,
)
from ..corpus.model import Briefing, Event, KeyJudgment
from .base import (
    confidence_badge,
    event_when,
    likelihood_style,
    likelihood_words,
    one_line,
    paragraphs,
    plural,
)

if TYPE_CHECKING:
    from fractions import Fraction

    from ..analysis.ach import Analysis, Evidence  # only `vrmc ach` imports the ACH module
    from ..analysis.changes import CorpusDiff  # only `vrmc diff` imports it
    from ..analysis.signposts import Board, ScenarioWatch


_RATING_STYLE: dict[str, Style] = {
    "CC": "status-ok",
    "C": "status-ok",
    "N": "muted",
    "I": "status-bad",
    "II": "status-bad",
}


def ach_number(value: Fraction) -> str:
    from ..analysis.ach import number

    return number(value)


def evidence_label(e: Evidence) -> str:
    """An evidence row's name: an event's date and title, a point's briefing and text."""
    if isinstance(e.item, Event):
        return f"{event_when(e.item)} {e.item.title}"
    where = e.briefing.id if e.briefing else "point"
    return f"{where}: {one_line(e.item.text)}"


def sensitivity_words(a: Analysis) -> Inline:
    """The sensitivity line: the one piece of evidence whose removal changes the ranking."""
    if not a.evidence:
        return plain("Sensitivity: no rated evidence.")
    s = a.sensitivity
    if s is None:
        return plain(
            "Sensitivity: removing any single piece of evidence leaves the ranking as it is."
        )
    order = ""
    for before, x in zip((None, *s.scores), s.scores, strict=False):
        if before is not None:
            order += " = " if before.score == x.score else " < "
        order += f"{x.hypothesis.id} {ach_number(x.score)}"
    what = "changes which hypothesis leads" if s.changes_lead else "changes the ranking"
    others = f"; {plural(s.others, 'other piece')} would also change it" if s.others else ""
    return (
        Span("Sensitivity: ", "strong"),
        Span(f"removing #{s.evidence.number} "),
        Span(evidence_label(s.evidence), "em"),
        Span(f" {what} ({order}){others}."),
    )


def ach_blocks(
    a: Analysis, level: int = 2, *, notes: bool = False, anchor_prefix: str = ""
) -> list[Block]:
    """One question: its heading (anchored at `anchor_prefix` + its id), scores,
    sensitivity and matrix, and with `notes` every rating's note."""
    blocks: list[Block] = [Heading(level, a.question.text, anchor_prefix + a.question.id)]
    if a.question.summary:
        blocks.extend(paragraphs(a.question.summary))
    diagnostic = sum(1 for e in a.evidence if e.diagnostic)
    blocks.append(
        Fields(
            (
                ("Question", (Span(a.question.id, "code"),)),
                ("Hypotheses", plain(str(len(a.hypotheses)))),
                ("Evidence", plain(f"{len(a.evidence)} rated, {diagnostic} diagnostic")),
            )
        )
    )
    blocks.append(Heading(level + 1, "Scores"))
    blocks.append(
        Table(
            ("rank", "hypothesis", "statement", "I", "II", "score"),
            tuple(
                (
                    plain(str(s.rank)),
                    (Span(s.hypothesis.id, "code"),),
                    (
                        Span(s.hypothesis.statement),
                        *(
                            (Span(f" (scenario: {s.hypothesis.scenario.id})", "muted"),)
                            if s.hypothesis.scenario
                            else ()
                        ),
                    ),
                    plain(str(s.inconsistent)),
                    plain(str(s.very_inconsistent)),
                    (Span(ach_number(s.score), "strong"),),
                )
                for s in a.scores
            ),
            numeric=(True, False, False, True, True, True),
        )
    )
    blocks.append(Para(sensitivity_words(a)))
    blocks.append(Heading(level + 1, "Matrix"))
    ids = tuple(h.id for h in a.hypotheses)
    rows = tuple(
        (
            plain(str(e.number)),
            plain(evidence_label(e)),
            plain(ach_number(e.credibility)),
            *((Span(r, _RATING_STYLE[r]),) for r in (e.rating(h) for h in a.hypotheses)),
            plain("yes") if e.diagnostic else (Span("no", "muted"),),
        )
        for e in a.evidence
    )
    blocks.append(
        Table(
            ("#", "evidence", "credibility", *ids, "diagnostic"),
            rows,
            numeric=(True, False, True, *(False for _ in ids), False),
        )
    )
    blocks.append(
        Para(
            plain(
                "Ratings: CC very consistent, C consistent, N neutral or not rated, "
                "I inconsistent, II very inconsistent. Score: the sum of credibility × 1 "
                "for each I and × 2 for each II; the lowest score ranks first. Evidence "
                "rated the same against every hypothesis has no diagnostic value."
            )
        )
    )
    if notes:
        blocks.append(Heading(level + 1, "Ratings and notes"))
        items = []
        for e in a.evidence:
            children = tuple(
                Item(
                    (
                        Span(h.id, "code"),
                        Span(": "),
                        Span(e.ratings[h.id].rating, _RATING_STYLE[e.ratings[h.id].rating]),
                        *((Span(" — "), Span(note)) if (note := e.ratings[h.id].note) else ()),
                    )
                )
                for h in a.hypotheses
                if h.id in e.ratings
            )
            head = (Span(f"#{e.number} ", "muted"), Span(evidence_label(e), "strong"))
            items.append(Item(head, (Bullets(children),)))
        blocks.append(Bullets(tuple(items)))
    return blocks


def ach_doc(analyses: Sequence[Analysis], *, notes: bool = False) -> Doc:
    blocks: list[Block] = [Heading(1, "Competing hypotheses")]
    if not analyses:
        blocks.append(Para(plain("No ACH questions.")))
    for a in analyses:
        blocks.extend(ach_blocks(a, 2, notes=notes))
    return Doc("Competing hypotheses", tuple(blocks))


# --------------------------------------------------------------------------- watch board

_WATCH_STYLE: dict[str, Style] = {
    "seen": "status-ok",
    "contrary": "status-bad",
    "not seen": "status-pending",
}


def watch_summary(watch: ScenarioWatch) -> str:
    """`5 indicators: 2 seen, 1 contrary, 2 not seen`."""
    counts = ", ".join(f"{watch.count(s)} {s}" for s in ("seen", "contrary", "not seen"))
    return f"{plural(len(watch.indicators), 'indicator')}: {counts}"


def watch_blocks(board: Board, level: int = 1) -> list[Block]:
    """The watch board: per scenario, a summary line and a table of its indicators."""
    blocks: list[Block] = []
    window = []
    if board.since:
        window.append(f"from {board.since.human()}")
    if board.until:
        window.append(f"to {board.until.human()}")
    lead = (
        "Evidence: every signalling event" if not window else "Evidence: events " + " ".join(window)
    )
    if board.as_of:
        lead += (
            f". Days since are counted to the corpus's as-of date, {board.as_of.human()}, "
            "not to today's date."
        )
    else:
        lead += ". The corpus has no as-of date, so no days since are shown."
    blocks.append(Para((Span(lead, "muted"),)))
    for watch in board.scenarios:
        s = watch.scenario
        blocks.append(Heading(level + 1, s.title, anchor=f"watch-{s.id}"))
        summary: list[Span] = [Span(watch_summary(watch), "strong")]
        if s.likelihood:
            summary.append(Span(" · scenario judged "))
            summary.append(Span(likelihood_words(s.likelihood), likelihood_style(s.likelihood)))
        blocks.append(Para(tuple(summary)))
        rows = []
        for w in watch.indicators:
            name: list[Span] = []
            if w.indicator.id:
                name += [Span(w.indicator.id, "code"), Span(" ")]
            name.append(Span(w.indicator.text))
            if w.indicator.deadline:
                name.append(Span(f" (by {w.indicator.deadline.human()})", "muted"))
            elif w.indicator.horizon:
                name.append(Span(f" (horizon: {w.indicator.horizon})", "muted"))
            latest = w.latest
            signals = f"{w.count('for')} for, {w.count('against')} against" if w.signs else "0"
            rows.append(
                (
                    tuple(name),
                    (Span(w.status, _WATCH_STYLE[w.status]),),
                    plain(signals),
                    plain(f"{event_when(latest.event)} — {latest.event.title}" if latest else ""),
                    plain("" if w.days_since is None else str(w.days_since)),
                )
            )
        blocks.append(
            Table(
                ("indicator", "status", "signals", "latest", "days since"),
                tuple(rows),
                numeric=(False, False, False, False, True),
                whole=(False, True, True, False, True),
            )
        )
    return blocks


def watch_doc(board: Board) -> Doc:
    blocks: list[Block] = [Heading(1, "Watch board"), *watch_blocks(board)]
    return Doc("Watch board", tuple(blocks))


# --------------------------------------------------------------------------- judgments


def judgments_doc(found: Sequence[tuple[Briefing, KeyJudgment]], sort: str) -> Doc:
    """Every key judgment, with its briefing, likelihood, confidence and basis events."""
    blocks: list[Block] = [
        Heading(1, "Key judgments"),
        Para((Span(f"{plural(len(found), 'key judgment')}, by {sort}", "muted"),)),
    ]
    items = []
    for briefing, judgment in found:
        head: list[Span] = [Span(judgment.text)]
        pairs: list[tuple[str, Inline]] = [
            ("Briefing", (Span(briefing.id, "code"), Span(" — "), Span(briefing.title))),
            (
                "Likelihood",
                (
                    Span(
                        likelihood_words(judgment.likelihood),
                        likelihood_style(judgment.likelihood),
                    ),
                )
                if judgment.likelihood
                else plain("not stated"),
            ),
            (
                "Confidence",
                (Span(judgment.confidence, confidence_badge(judgment.confidence)[1].style),)
                if judgment.confidence
                else plain("not stated"),
            ),
        ]
        children: list[Block] = [Fields(tuple(pairs))]
        if judgment.basis:
            children.append(Para((Span("Basis", "strong"),)))
            children.append(
                Bullets(
                    tuple(
                        Item((Span(event_when(e), "strong"), Span(" — "), Span(e.title)))
                        for e in judgment.basis
                    )
                )
            )
        items.append(Item(tuple(head), tuple(children)))
    if items:
        blocks.append(Bullets(tuple(items), ordered=True))
    return Doc("Key judgments", tuple(blocks))


# --------------------------------------------------------------------------- diff


def word_diff(before: str, after: str) -> Inline:
    """The words of `after`, with removed words as `[-...-]` and added ones as `{+...+}`
    (git's plain word diff, styled where the format can)."""
    import difflib

    old, new = before.split(), after.split()
    spans: list[Span] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if spans:
            spans.append(Span(" "))
        if op == "equal":
            spans.append(Span(" ".join(old[a1:a2])))
            continue
        if a2 > a1:
            spans.append(Span("[-" + " ".join(old[a1:a2]) + "-]", "status-bad"))
        if b2 > b1:
            if a2 > a1:
                spans.append(Span(" "))
            spans.append(Span("{+" + " ".join(new[b1:b2]) + "+}", "status-ok"))
    return tuple(spans)


def _shown(value: object) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_shown(v) for v in value) + "]"
    if isinstance(value, dict):  # a nested entry: its fields that have a value
        shown = (f"{k}: {_shown(v)}" for k, v in value.items() if v not in (None, [], False))
        return "{" + ", ".join(shown) + "}"
    return str(value)


def change_inline(before: object, after: object, *, words: bool) -> Inline:
    """A field's change: a word diff for two texts (with `words`), else before → after."""
    if words and isinstance(before, str) and isinstance(after, str):
        return word_diff(before, after)
    if isinstance(before, list) and isinstance(after, list):
        gone = [v for v in before if v not in after]
        new = [v for v in after if v not in before]
        spans: list[Span] = []
        if gone:
            spans.append(Span("removed " + ", ".join(_shown(v) for v in gone), "status-bad"))
        if new:
            if spans:
                spans.append(Span("; "))
            spans.append(Span("added " + ", ".join(_shown(v) for v in new), "status-ok"))
        if spans:
            return tuple(spans)
    return (
        Span(_shown(before), "status-bad"),
        Span(" → "),
        Span(_shown(after), "status-ok"),
    )


def diff_doc(diff: CorpusDiff) -> Doc:
    """What changed between two versions of a corpus: what to notice first, then every
    added, removed and changed entry by kind, field by field."""
    title = f"Changes from {diff.old} to {diff.new}"
    blocks: list[Block] = [Heading(1, title)]
    if not diff.kinds:
        blocks.append(Para(plain("No changes.")))
        return Doc(title, tuple(blocks))
    blocks.append(Heading(2, "Notice first"))
    notices = [
        Item(
            n.spans() + word_diff(n.before, n.after)
            if n.what == "judgment" and isinstance(n.before, str) and isinstance(n.after, str)
            else n.spans()
        )
        for n in diff.notices
    ]
    if notices:
        blocks.append(Bullets(tuple(notices)))
    else:
        blocks.append(
            Para(plain("No key judgment, likelihood, event or indicator status changed."))
        )
    for kind in diff.kinds:
        blocks.append(Heading(2, kind.title))
        counts = (
            f"{len(kind.added)} added, {len(kind.removed)} removed, {len(kind.changed)} changed"
        )
        blocks.append(Para((Span(counts, "muted"),)))
        items: list[Item] = []
        for key, label in kind.added:
            items.append(Item((Span("added ", "status-ok"), Span(key, "code"), Span(" " + label))))
        for key, label in kind.removed:
            items.append(
                Item((Span("removed ", "status-bad"), Span(key, "code"), Span(" " + label)))
            )
        for changed in kind.changed:
            pairs = tuple(
                (c.path, change_inline(c.before, c.after, words=c.wordy)) for c in changed.fields
            )
            items.append(
                Item(
                    (
                        Span("changed ", "status-pending"),
                        Span(changed.key, "code"),
                        Span(" " + changed.label),
                    ),
                    (Fields(pairs),),
                )
            )
        blocks.append(Bullets(tuple(items)))
    return Doc(title, tuple(blocks))
