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
from ..corpus.model import LIKELIHOOD_RANGES, Briefing, Event, KeyJudgment, Scenario
from .base import (
    confidence_badge,
    event_when,
    likelihood_legend,
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
    from ..analysis.signposts import Board, ScenarioWatch, Sign


_RATING_STYLE: dict[str, Style] = {
    "CC": "status-ok",
    "C": "status-ok",
    "N": "muted",
    "NA": "muted",
    "I": "status-bad",
    "II": "status-bad",
}


def ach_number(value: Fraction) -> str:
    from ..analysis.ach import number

    return number(value)


def evidence_label(e: Evidence, ids: bool = True) -> str:
    """An evidence row's name: an event's date and title, a point's briefing (its id, or
    without `ids` its title) and text."""
    if isinstance(e.item, Event):
        return f"{event_when(e.item)} {e.item.title}"
    if not e.briefing:
        return f"point: {one_line(e.item.text)}"
    where = e.briefing.id if ids else e.briefing.title
    return f"{where}: {one_line(e.item.text)}"


def _scenario_name(scenario: Scenario, ids: bool) -> str:
    return scenario.id if ids else scenario.title


Names = dict[str, str]  # hypothesis id -> what the tables call it


def short_names(a: Analysis, ids: bool) -> Names:
    """What each hypothesis is called in the tables: its id, or without `ids` H1, H2, ...
    in the question's order (the scores table says which is which)."""
    return {h.id: (h.id if ids else f"H{n}") for n, h in enumerate(a.hypotheses, start=1)}


def sensitivity_blocks(a: Analysis, names: Names | None = None) -> list[Block]:
    """The sensitivity of the lead: the robustness line, then every single change (removing
    one item, or re-rating one rating one step) that changes who leads (docs/ach.md)."""
    from ..analysis.ach import outcome, robustness

    if not a.evidence:
        return [Para(plain("Sensitivity: no rated evidence."))]
    s = a.sensitivity
    head: list[Span] = [Span("Sensitivity: ", "strong"), Span(robustness(s, names))]
    if s.changes:
        head.append(
            Span(
                f" ({plural(s.removals, 'removal')} of an item, "
                f"{plural(s.changes - s.removals, 'one-step re-rating')})"
            )
        )
    if not s.lead_changes:
        head.append(Span("; no single change alters the lead." if s.changes else "."))
        return [Para(tuple(head))]
    head.append(Span(f"; {plural(len(s.lead_changes), 'change')} would alter the lead:"))
    items = tuple(
        Item(
            (
                Span(f"#{c.evidence.number} "),
                Span(evidence_label(c.evidence, names is None), "em"),
                Span(
                    " — removed: "
                    if c.hypothesis is None
                    else f" — {_named(c.hypothesis.id, names)} {c.before} → {c.after}: "
                ),
                Span(outcome(c, s.leaders, names), "strong"),
            )
        )
        for c in s.lead_changes
    )
    return [Para(tuple(head)), Bullets(items)]


def _named(hypothesis_id: str, names: Names | None) -> str:
    return names.get(hypothesis_id, hypothesis_id) if names else hypothesis_id


def _name_span(hypothesis_id: str, names: Names | None) -> Span:
    """A hypothesis as the tables call it: its id (code), or its short name (bold)."""
    if names is None:
        return Span(hypothesis_id, "code")
    return Span(_named(hypothesis_id, names), "strong")


def coverage_blocks(a: Analysis, names: Names | None = None) -> list[Block]:
    """Per hypothesis: the items rated against it, with a warning for the under-tested."""
    rows = tuple(
        (
            (_name_span(c.hypothesis.id, names),),
            plain(f"{c.rated} of {c.applicable}"),
            plain(str(c.consistent)),
            plain(str(c.neutral)),
            plain(str(c.inconsistent)),
            plain(str(c.very_inconsistent)),
            plain(str(c.not_applicable)),
            (Span("under-tested", "status-bad"),) if c.under_tested else plain(""),
        )
        for c in a.coverage
    )
    blocks: list[Block] = [
        Table(
            ("hypothesis", "rated", "CC/C", "N", "I", "II", "NA", "warning"),
            rows,
            numeric=(False, True, True, True, True, True, True, False),
        )
    ]
    for c in a.coverage:
        if c.under_tested:
            against = c.inconsistent + c.very_inconsistent
            blocks.append(
                Para(
                    (
                        Span("Warning: ", "status-bad"),
                        _name_span(c.hypothesis.id, names),
                        Span(
                            f" is under-tested: rated against {c.rated} of the "
                            f"{plural(c.applicable, 'item')} that apply to it"
                            + (", none of them inconsistent" if not against else "")
                            + ". An unrated item adds nothing to a score, so its score rests "
                            "on little evidence; rate the other items against it."
                        ),
                    )
                )
            )
    return blocks


def disagreement_blocks(a: Analysis, names: Names | None = None) -> list[Block]:
    """Items where analysts' ratings of one hypothesis are two steps apart or more."""
    if not a.analysts:
        return []
    head = (
        Span("Analysts: ", "strong"),
        Span(", ".join(a.analysts) + ". "),
        Span(
            f"{plural(len(a.disagreements), 'rating')} where they differ by two steps or more"
            + (":" if a.disagreements else ".")
        ),
    )
    blocks: list[Block] = [Para(head)]
    if a.disagreements:
        blocks.append(
            Bullets(
                tuple(
                    Item(
                        (
                            Span(f"#{d.evidence.number} ", "muted"),
                            Span(evidence_label(d.evidence, names is None)),
                            Span(" against "),
                            _name_span(d.hypothesis.id, names),
                            Span(": " + ", ".join(f"{who} {r}" for who, r in d.ratings)),
                        )
                    )
                    for d in a.disagreements
                )
            )
        )
    return blocks


def ach_blocks(
    a: Analysis,
    level: int = 2,
    *,
    notes: bool = False,
    anchor_prefix: str = "",
    ids: bool = True,
) -> list[Block]:
    """One question: its heading (anchored at `anchor_prefix` + its id), scores,
    sensitivity, coverage and matrix, analysts' disagreements, and with `notes` every
    rating's note. Without `ids` the hypotheses are H1, H2, ... (the scores table gives
    each one's statement), and the question and scenarios go by their titles."""
    names = None if ids else short_names(a, ids)
    blocks: list[Block] = [Heading(level, a.question.text, anchor_prefix + a.question.id)]
    if a.question.summary:
        blocks.extend(paragraphs(a.question.summary))
    diagnostic = sum(1 for e in a.evidence if e.diagnostic)
    blocks.append(
        Fields(
            (
                *((("Question", (Span(a.question.id, "code"),)),) if ids else ()),
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
                    (_name_span(s.hypothesis.id, names),),
                    (
                        Span(s.hypothesis.statement),
                        *(
                            (Span(f" (scenario: {_scenario_name(scenario, ids)})", "muted"),)
                            if (scenario := s.hypothesis.scenario)
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
    blocks.extend(sensitivity_blocks(a, names))
    blocks.append(Heading(level + 1, "Coverage"))
    blocks.extend(coverage_blocks(a, names))
    blocks.append(Heading(level + 1, "Matrix"))
    heads = tuple(_named(h.id, names) for h in a.hypotheses)
    rows = tuple(
        (
            plain(str(e.number)),
            plain(evidence_label(e, ids)),
            plain(ach_number(e.credibility)),
            plain(ach_number(e.relevance)),
            *(
                (Span(r, _RATING_STYLE[r]),) if r else (Span("–", "muted"),)
                for r in (e.given(h) for h in a.hypotheses)
            ),
            plain(ach_number(e.diagnosticity)) if e.diagnostic else (Span("0 (none)", "muted"),),
        )
        for e in a.evidence
    )
    blocks.append(
        Table(
            ("#", "evidence", "credibility", "relevance", *heads, "diagnosticity"),
            rows,
            numeric=(True, False, True, True, *(False for _ in heads), True),
        )
    )
    blocks.append(
        Para(
            plain(
                "Ratings: CC very consistent, C consistent, N neutral, NA not applicable "
                "(left out for that hypothesis), I inconsistent, II very inconsistent; – not "
                "rated (counts as N). Score: the sum of credibility × relevance × 1 for each I "
                "and × 2 for each II; the lowest score ranks first. Diagnosticity: how far the "
                "item spreads the scores (its largest effect on one hypothesis's score less "
                "its smallest); 0 (none) cannot help choose between the hypotheses."
            )
        )
    )
    blocks.extend(disagreement_blocks(a, names))
    if notes:
        blocks.append(Heading(level + 1, "Ratings and notes"))
        items = []
        for e in a.evidence:
            children = tuple(
                Item(
                    (
                        _name_span(h.id, names),
                        Span(": "),
                        Span(e.ratings[h.id].rating, _RATING_STYLE[e.ratings[h.id].rating]),
                        *(
                            (Span(f" ({who})", "muted"),)
                            if (who := e.ratings[h.id].analyst)
                            else ()
                        ),
                        *((Span(" — "), Span(note)) if (note := e.ratings[h.id].note) else ()),
                    )
                )
                for h in a.hypotheses
                if h.id in e.ratings
            )
            head = (Span(f"#{e.number} ", "muted"), Span(evidence_label(e, ids), "strong"))
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
    "mixed": "status-pending",
    "not seen": "status-pending",
    "lapsed": "status-bad",
}


def watch_summary(watch: ScenarioWatch) -> str:
    """`5 indicators: 2 seen, 1 contrary, 2 not seen` (mixed and lapsed when there are any)."""
    shown = ("seen", "contrary", "mixed", "not seen", "lapsed")
    counts = ", ".join(
        f"{watch.count(s)} {s}" for s in shown if s not in ("mixed", "lapsed") or watch.count(s)
    )
    return f"{plural(len(watch.indicators), 'indicator')}: {counts}"


def _when(latest: Sequence[Sign]) -> Inline:
    """The latest signs: each event's dates and title, ties joined (`(tie)`)."""
    spans: list[Span] = []
    for n, sign in enumerate(latest):
        if n:
            spans.append(Span("; ", "muted"))
        spans.append(Span(f"{event_when(sign.event)} — {sign.event.title}"))
        if len(latest) > 1:
            spans.append(Span(f" ({sign.signal.direction})", "muted"))
    if len(latest) > 1:
        spans.append(Span(f" ({len(latest)} on the same last day)", "muted"))
    return tuple(spans)


def watch_blocks(
    board: Board, level: int = 1, *, ids: bool = True, summary_only: bool = False
) -> list[Block]:
    """The watch board: per scenario, a summary line, a review flag when its indicators and
    its likelihood disagree, and a table of its indicators (each by its text, after its id
    unless not `ids`); with `summary_only`, one line per scenario."""
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
            f". Days since are counted from the last day the latest signalling event covers "
            f"to the corpus's as-of date, {board.as_of.human()}, not to today's date."
        )
    else:
        lead += ". The corpus has no as-of date, so no days since are shown."
    blocks.append(Para((Span(lead, "muted"),)))
    if summary_only:
        items = []
        for watch in board.scenarios:
            s = watch.scenario
            line = [Span(s.title, "strong"), Span(": " + watch_summary(watch))]
            if s.likelihood:
                line.append(Span("; scenario judged "))
                line.append(Span(likelihood_words(s.likelihood), likelihood_style(s.likelihood)))
                if watch.review:
                    line.append(
                        Span(
                            f" ({watch.review}; judged {likelihood_words(s.likelihood)} — review)",
                            "status-bad",
                        )
                    )
            items.append(Item(tuple(line)))
        blocks.append(Bullets(tuple(items)))
        if any(w.scenario.likelihood for w in board.scenarios):
            blocks.append(likelihood_legend())
        return blocks
    for watch in board.scenarios:
        s = watch.scenario
        blocks.append(Heading(level + 1, s.title, anchor=f"watch-{s.id}"))
        summary: list[Span] = [Span(watch_summary(watch), "strong")]
        if s.likelihood:
            summary.append(Span(" · scenario judged "))
            summary.append(Span(likelihood_words(s.likelihood), likelihood_style(s.likelihood)))
        review = watch.review
        if review and s.likelihood:
            summary.append(Span(" · "))
            summary.append(
                Span(
                    f"{review}; judged {likelihood_words(s.likelihood)} — review",
                    "status-bad",
                )
            )
        blocks.append(Para(tuple(summary)))
        rows = []
        for w in watch.indicators:
            name: list[Span] = []
            if w.indicator.id and ids:
                name += [Span(w.indicator.id, "code"), Span(" ")]
            name.append(Span(w.indicator.text))
            if w.indicator.type:
                name.append(Span(f" [{w.indicator.type}]", "muted"))
            if w.indicator.deadline:
                name.append(Span(f" (by {w.indicator.deadline.human()})", "muted"))
            elif w.indicator.horizon:
                name.append(Span(f" (horizon: {w.indicator.horizon})", "muted"))
            if w.indicator.what_counts:
                name.append(Span(f" Counts: {w.indicator.what_counts}", "muted"))
            signals = f"{w.count('for')} for, {w.count('against')} against" if w.signs else "0"
            rows.append(
                (
                    tuple(name),
                    (Span(w.status, _WATCH_STYLE[w.status]),),
                    plain(signals),
                    _when(w.latest_signs),
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
    if any(w.scenario.likelihood for w in board.scenarios):
        blocks.append(likelihood_legend())
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
                    Span(" ({}–{}%)".format(*LIKELIHOOD_RANGES[judgment.likelihood])),
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
    if any(j.likelihood for _, j in found):
        blocks.append(likelihood_legend())
    return Doc("Key judgments", tuple(blocks))


# --------------------------------------------------------------------------- diff


# Past this many word pairs (old words × new words, 250 × 250), the common start and end
# are set aside and the rest is diffed window by window, WINDOW words of each side at a
# time: difflib takes time quadratic in the length of a repetitive text (a 16,000-word
# summary took 13.6 s), and a window's diff is bounded, so a long text costs time linear in
# its length. Each window's diff is kept up to its last run of equal words past half the
# window, and the next window starts there.
WORD_PAIRS = 62_500
WINDOW = 100


def word_diff(before: str, after: str) -> Inline:
    """The words of `after`, with removed words as `[-...-]` and added ones as `{+...+}`
    (git's plain word diff, styled where the format can)."""
    old, new = before.split(), after.split()
    spans: list[Span] = []
    for op, removed, added in _word_ops(old, new):
        if spans:
            spans.append(Span(" "))
        if op == "equal":
            spans.append(Span(" ".join(removed)))
            continue
        if removed:
            spans.append(Span("[-" + " ".join(removed) + "-]", "status-bad"))
        if added:
            if removed:
                spans.append(Span(" "))
            spans.append(Span("{+" + " ".join(added) + "+}", "status-ok"))
    return tuple(spans)


Ops = list[tuple[str, list[str], list[str]]]  # ("equal" or "change", old words, new words)


def _word_ops(old: list[str], new: list[str]) -> Ops:
    """The runs of equal and changed words, in a time that stays near linear: the common
    start and end are found directly, and the middle is diffed whole only when small.
    (A text within the bound is diffed whole, as difflib alone would.)"""
    if len(old) * len(new) <= WORD_PAIRS:
        return _middle(old, new)
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    ops: Ops = []
    if start:
        ops.append(("equal", old[:start], new[:start]))
    middle = _middle(old[start : len(old) - end], new[start : len(new) - end])
    ops.extend(middle)
    if end:
        ops.append(("equal", old[len(old) - end :], new[len(new) - end :]))
    return _merged(ops)


def _middle(old: list[str], new: list[str]) -> Ops:
    import difflib

    if not old or not new:
        return [("change", old, new)]
    if len(old) * len(new) <= WORD_PAIRS:
        matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
        return [
            ("equal" if op == "equal" else "change", old[a1:a2], new[b1:b2])
            for op, a1, a2, b1, b2 in matcher.get_opcodes()
        ]
    ops: Ops = []
    i = j = 0
    while i < len(old) and j < len(new):
        a, b = old[i : i + WINDOW], new[j : j + WINDOW]
        codes = difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes()
        last = i + WINDOW >= len(old) and j + WINDOW >= len(new)
        # Up to the end of the last equal run, when it reaches past half a window (so that
        # every window moves on by half a window at least); else the whole window.
        keep = len(codes)
        if not last:
            for n, (op, _, a2, _, b2) in enumerate(codes):
                if op == "equal" and (a2 >= len(a) // 2 or b2 >= len(b) // 2):
                    keep = n + 1
        for op, a1, a2, b1, b2 in codes[:keep]:
            ops.append(("equal" if op == "equal" else "change", a[a1:a2], b[b1:b2]))
        i += codes[keep - 1][2]
        j += codes[keep - 1][4]
    if i < len(old) or j < len(new):
        ops.append(("change", old[i:], new[j:]))
    return ops


def _merged(ops: Ops) -> Ops:
    """Neighbouring runs of the same kind joined, so that output reads as difflib's."""
    out: Ops = []
    for op, removed, added in ops:
        if not removed and not added:
            continue
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + removed, out[-1][2] + added)
        else:
            out.append((op, removed, added))
    return out


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
            Para(
                plain(
                    "No key judgment, likelihood, confidence, event, source grade, indicator "
                    "type or status, or ACH ranking changed."
                )
            )
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
