"""Analysis of competing hypotheses (Heuer's ACH): the matrix of evidence against the
hypotheses of one question, weighted inconsistency scores, each hypothesis's coverage, each
item's diagnosticity, the sensitivity of the lead to every single change, and where several
analysts' ratings of one pair differ.

docs/ach.md documents every weight used here, with a worked example that tests/test_ach.py
recomputes. Arithmetic is exact (fractions), so ties are ties and output is deterministic.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from fractions import Fraction

from ..core.record import Record
from ..corpus.model import Briefing, Event, Hypothesis, Point, Question, Rating, Source

# The weight of a source's reliability grade (docs/ach.md "Credibility"). A source whose
# reliability cannot be judged (F), an ungraded source and an item without sources all
# weigh the floor, as an unreliable one does: unknown reliability earns no credit, so that
# adding a source, whatever its grade, never lowers an item's credibility.
RELIABILITY_WEIGHT: dict[str, Fraction] = {
    "A": Fraction(1),
    "B": Fraction(4, 5),
    "C": Fraction(3, 5),
    "D": Fraction(2, 5),
    "E": Fraction(1, 5),
    "F": Fraction(1, 5),
}
UNGRADED_WEIGHT = Fraction(1, 5)  # the floor: no source, or none graded
# What each independent origin after the first adds to the reliability weight (up to 1).
CORROBORATION = Fraction(1, 10)
CONFIDENCE_WEIGHT: dict[str | None, Fraction] = {
    "high": Fraction(1),
    "moderate": Fraction(3, 4),
    "low": Fraction(1, 2),
    None: Fraction(3, 4),  # not stated: as moderate
}
# How much an item matters to the question (PARC ACH's relevance); not stated: medium.
RELEVANCE_WEIGHT: dict[str | None, Fraction] = {
    "low": Fraction(1, 2),
    "medium": Fraction(1),
    "high": Fraction(3, 2),
    None: Fraction(1),
}
# What one rating adds to a hypothesis's inconsistency, before weighting (Heuer). NA (not
# applicable) is no step of this scale: the item is left out for that hypothesis.
INCONSISTENCY: dict[str, int] = {"CC": 0, "C": 0, "N": 0, "I": 1, "II": 2}
# The rating scale in order, for one-step re-ratings and analysts' disagreement.
STEPS: tuple[str, ...] = ("CC", "C", "N", "I", "II")
NOT_APPLICABLE = "NA"
MEANING: dict[str, str] = {
    "CC": "very consistent",
    "C": "consistent",
    "N": "neutral",
    "NA": "not applicable",
    "I": "inconsistent",
    "II": "very inconsistent",
}
DISAGREEMENT_STEPS = 2  # analysts this many steps apart or more disagree


def best_grade(sources: Sequence[Source]) -> str | None:
    """The best reliability grade among sources, by weight (A best; F only when nothing
    better: it weighs as E, and E is listed first)."""
    grades = sorted({s.reliability for s in sources if s.reliability is not None})
    if not grades:
        return None
    return max(grades, key=lambda g: (RELIABILITY_WEIGHT[g], g != "F"))


def independent_origins(sources: Sequence[Source]) -> int:
    """How many independent origins the sources have (docs/grading.md: the end of each
    one's `via` chain, by its `origin`, else its publisher, else itself)."""
    from ..corpus.origins import origins

    return origins(sources).count


def reliability(grades: Sequence[str | None], origins: int = 0) -> Fraction:
    """The reliability weight of an item: its best grade's weight (the floor when none is
    better), plus CORROBORATION for each independent origin after the first, at most 1.

    It never drops when a source is added: the best weight and the number of origins can
    only grow."""
    best = max(
        (RELIABILITY_WEIGHT[g] for g in grades if g is not None),
        default=UNGRADED_WEIGHT,
    )
    best = max(best, UNGRADED_WEIGHT)
    return min(Fraction(1), best + CORROBORATION * max(0, origins - 1))


def credibility(
    sources: Sequence[Source], confidence: str | None, origins: int | None = None
) -> Fraction:
    """Reliability (from the sources' grades and independent origins; `origins` overrides
    the count read from the sources) times the weight of the item's confidence."""
    count = independent_origins(sources) if origins is None else origins
    grades = [s.reliability for s in sources]
    return reliability(grades, count) * CONFIDENCE_WEIGHT[confidence]


class Evidence(Record, frozen=True):
    """An event or a briefing point rated against at least one hypothesis of a question."""

    number: int  # 1-based, in matrix order
    item: Event | Point
    briefing: Briefing | None  # a point's briefing
    grade: str | None
    credibility: Fraction
    relevance: Fraction  # the relevance weight
    ratings: dict[str, Rating]  # hypothesis id -> its rating, for this question
    diagnosticity: Fraction  # the spread of its effect on the hypotheses' scores

    @property
    def kind(self) -> str:
        return "event" if isinstance(self.item, Event) else "point"

    @property
    def diagnostic(self) -> bool:
        return self.diagnosticity > 0

    @property
    def weight(self) -> Fraction:
        """What one step of inconsistency from this item adds to a score."""
        return self.credibility * self.relevance

    def given(self, hypothesis: Hypothesis) -> str | None:
        """The rating written against a hypothesis, or None when there is none."""
        found = self.ratings.get(hypothesis.id)
        return found.rating if found else None

    def rating(self, hypothesis: Hypothesis) -> str:
        """The rating against a hypothesis; N when there is none (docs/ach.md)."""
        return self.given(hypothesis) or "N"

    def effect(self, hypothesis: Hypothesis) -> Fraction:
        """What this evidence adds to the hypothesis's weighted inconsistency score."""
        return self.weight * INCONSISTENCY.get(self.rating(hypothesis), 0)


class Score(Record, frozen=True):
    hypothesis: Hypothesis
    inconsistent: int  # how many I
    very_inconsistent: int  # how many II
    score: Fraction
    rank: int  # 1 = least inconsistent; tied scores share a rank


class Coverage(Record, frozen=True):
    """How much of the evidence a hypothesis was rated against."""

    hypothesis: Hypothesis
    rated: int  # items with a rating other than NA
    applicable: int  # items not rated NA against it
    not_applicable: int
    consistent: int  # CC or C
    neutral: int  # N written
    inconsistent: int  # I
    very_inconsistent: int  # II

    @property
    def under_tested(self) -> bool:
        """Rated against fewer than half the items that apply to it."""
        return self.rated * 2 < self.applicable


class Change(Record, frozen=True):
    """One single change to the matrix and what it does to the lead: removing an item, or
    re-rating one of its ratings one step (`hypothesis`, `before` -> `after`)."""

    evidence: Evidence
    hypothesis: Hypothesis | None  # None: the item is removed
    before: str | None
    after: str | None
    leaders: tuple[Hypothesis, ...]  # who would lead, in corpus order

    @property
    def removal(self) -> bool:
        return self.hypothesis is None


class Sensitivity(Record, frozen=True):
    """Every single change that moves a score, and those that change who leads."""

    leaders: tuple[Hypothesis, ...]  # who leads now, in corpus order
    changes: int  # single changes that move at least one score
    removals: int  # of which removals
    lead_changes: tuple[Change, ...]  # those after which the lead is not what it was

    @property
    def survives(self) -> int:
        return self.changes - len(self.lead_changes)


class Disagreement(Record, frozen=True):
    """Analysts' ratings of one item against one hypothesis, two steps apart or more."""

    evidence: Evidence
    hypothesis: Hypothesis
    ratings: tuple[tuple[str, str], ...]  # (analyst, rating), as written


class Analysis(Record, frozen=True):
    question: Question
    hypotheses: tuple[Hypothesis, ...]
    evidence: tuple[Evidence, ...]
    scores: tuple[Score, ...]  # in ranking order
    coverage: tuple[Coverage, ...]  # in corpus order
    sensitivity: Sensitivity
    disagreements: tuple[Disagreement, ...]
    analysts: tuple[str, ...]  # everyone named on a rating, in order of first mention


def scores_of(hypotheses: Sequence[Hypothesis], evidence: Sequence[Evidence]) -> tuple[Score, ...]:
    """Each hypothesis's score, least inconsistent first (ties in corpus order)."""
    raw = []
    for h in hypotheses:
        ratings = [e.rating(h) for e in evidence]
        total = sum((e.effect(h) for e in evidence), Fraction(0))
        raw.append((total, h, ratings.count("I"), ratings.count("II")))
    ordered = sorted(raw, key=lambda t: t[0])  # stable: ties keep corpus order
    out: list[Score] = []
    for index, (total, h, i, ii) in enumerate(ordered):
        rank = out[-1].rank if out and out[-1].score == total else index + 1
        out.append(Score(h, i, ii, total, rank))
    return tuple(out)


def coverage_of(
    hypotheses: Sequence[Hypothesis], evidence: Sequence[Evidence]
) -> tuple[Coverage, ...]:
    out = []
    for h in hypotheses:
        given = [e.given(h) for e in evidence]
        na = given.count(NOT_APPLICABLE)
        rated = sum(1 for g in given if g is not None and g != NOT_APPLICABLE)
        out.append(
            Coverage(
                h,
                rated,
                len(evidence) - na,
                na,
                given.count("CC") + given.count("C"),
                given.count("N"),
                given.count("I"),
                given.count("II"),
            )
        )
    return tuple(out)


class _Leaders:
    """Who would lead after a change to one hypothesis's score, in constant time for most
    changes: the lowest score among the others is known in advance."""

    def __init__(self, totals: Sequence[int]) -> None:
        self.totals = list(totals)
        values = sorted(set(totals))
        self.low = values[0]
        self.next = values[1] if len(values) > 1 else None
        self.at_low = [i for i, t in enumerate(totals) if t == self.low]
        at_next = [i for i, t in enumerate(totals) if t == self.next]
        self.at_next = at_next

    def now(self) -> tuple[int, ...]:
        return tuple(self.at_low)

    def after_one(self, index: int, delta: int) -> tuple[int, ...]:
        """The leaders (indexes, ascending) when hypothesis `index` moves by `delta`."""
        moved = self.totals[index] + delta
        if self.totals[index] == self.low and len(self.at_low) == 1:
            other, others = self.next, self.at_next  # the lowest among the others
        else:
            other, others = self.low, [i for i in self.at_low if i != index]
        if other is None or moved < other:
            return (index,)
        if moved == other:
            return tuple(sorted((*others, index)))
        return tuple(others)


def leaders_of(totals: Sequence[int]) -> tuple[int, ...]:
    low = min(totals)
    return tuple(i for i, t in enumerate(totals) if t == low)


def sensitivity(hypotheses: Sequence[Hypothesis], evidence: Sequence[Evidence]) -> Sensitivity:
    """Every single change that moves a score: removing one item (each of its effects comes
    off), or re-rating one written rating one step up or down the scale (NA is no step).
    Each costs constant time, or one pass over the hypotheses for a removal, so the whole is
    linear in the size of the matrix (docs/ach.md "Sensitivity"). The weights are scaled to
    whole numbers by their common denominator: exact, and fast."""
    if not hypotheses:
        return Sensitivity((), 0, 0, ())
    scale = math.lcm(1, *(e.weight.denominator for e in evidence))
    weights = [int(e.weight * scale) for e in evidence]
    steps = {r: INCONSISTENCY[r] for r in STEPS}
    index = {h.id: i for i, h in enumerate(hypotheses)}
    rows = []  # per item: (hypothesis index, written rating) and its effects
    totals = [0] * len(hypotheses)
    for e, w in zip(evidence, weights, strict=True):
        written = [(index[h], r.rating) for h, r in e.ratings.items() if r.rating != NOT_APPLICABLE]
        effects = [0] * len(hypotheses)
        for i, rating in written:
            effects[i] = w * steps[rating]
            totals[i] += effects[i]
        rows.append((written, effects))
    board = _Leaders(totals)
    now = board.now()
    changes = removals = 0
    lead: list[Change] = []

    def who(found: tuple[int, ...]) -> tuple[Hypothesis, ...]:
        return tuple(hypotheses[i] for i in found)

    for e, w, (written, effects) in zip(evidence, weights, rows, strict=True):
        if any(effects):
            changes += 1
            removals += 1
            after = leaders_of([t - x for t, x in zip(totals, effects, strict=True)])
            if after != now:
                lead.append(Change(e, None, None, None, who(after)))
        for i, given in sorted(written):
            step = STEPS.index(given)
            for to in (step - 1, step + 1):
                if not 0 <= to < len(STEPS):
                    continue
                delta = w * (steps[STEPS[to]] - steps[given])
                if not delta:
                    continue
                changes += 1
                after = board.after_one(i, delta)
                if after != now:
                    lead.append(Change(e, hypotheses[i], given, STEPS[to], who(after)))
    return Sensitivity(who(now), changes, removals, tuple(lead))


def _steps(rating: str) -> int | None:
    return STEPS.index(rating) if rating in STEPS else None


def disagreements(
    hypotheses: Sequence[Hypothesis], evidence: Sequence[Evidence]
) -> tuple[Disagreement, ...]:
    """Every pair rated by two analysts or more whose ratings are DISAGREEMENT_STEPS apart
    or more (NA, off the scale, is left out)."""
    out = []
    for e in evidence:
        for h in hypotheses:
            r = e.ratings.get(h.id)
            if r is None:
                continue
            views = ([(r.analyst, r.rating)] if r.analyst else []) + list(r.analysts)
            steps = [s for _, v in views if (s := _steps(v)) is not None]
            if len(steps) > 1 and max(steps) - min(steps) >= DISAGREEMENT_STEPS:
                out.append(Disagreement(e, h, tuple(views)))
    return tuple(out)


def analysts_of(evidence: Sequence[Evidence]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for e in evidence:
        for r in e.ratings.values():
            if r.analyst:
                seen.setdefault(r.analyst, None)
            for name, _ in r.analysts:
                seen.setdefault(name, None)
    return tuple(seen)


def make_evidence(
    number: int,
    item: Event | Point,
    briefing: Briefing | None,
    hypotheses: Sequence[Hypothesis],
    ratings: dict[str, Rating],
) -> Evidence:
    """One row of the matrix, with its credibility, relevance and diagnosticity."""
    cred = credibility(item.sources, item.confidence)
    relevance = RELEVANCE_WEIGHT[item.relevance]
    effects = [
        cred * relevance * INCONSISTENCY.get(ratings[h.id].rating if h.id in ratings else "N", 0)
        for h in hypotheses
    ]
    spread = max(effects) - min(effects) if effects else Fraction(0)
    return Evidence(
        number, item, briefing, best_grade(item.sources), cred, relevance, ratings, spread
    )


def analyse(
    question: Question,
    hypotheses: Sequence[Hypothesis],
    items: Sequence[tuple[Event | Point, Briefing | None]],
) -> Analysis:
    """The analysis of one question over the given events and points (those rating none of
    its hypotheses are left out)."""
    ids = {h.id for h in hypotheses}
    evidence: list[Evidence] = []
    for item, briefing in items:
        ratings = {r.hypothesis: r for r in item.consistency if r.hypothesis in ids}
        if ratings:
            evidence.append(make_evidence(len(evidence) + 1, item, briefing, hypotheses, ratings))
    return Analysis(
        question,
        tuple(hypotheses),
        tuple(evidence),
        scores_of(hypotheses, evidence),
        coverage_of(hypotheses, evidence),
        sensitivity(hypotheses, evidence),
        disagreements(hypotheses, evidence),
        analysts_of(evidence),
    )


def names(hypotheses: Sequence[Hypothesis], called: Mapping[str, str] | None = None) -> str:
    """`h-a`, `h-a and h-b`, `h-a, h-b and h-c` (each by its id, or as `called` names it)."""
    ids = [called.get(h.id, h.id) if called else h.id for h in hypotheses]
    return ids[0] if len(ids) == 1 else ", ".join(ids[:-1]) + " and " + ids[-1]


def outcome(
    change: Change, leaders: Sequence[Hypothesis], called: Mapping[str, str] | None = None
) -> str:
    """What a change does to the lead, exactly: `ties h-x with h-y`, `h-y would lead`,
    `h-x would lead alone`, `h-y and h-z would tie for the lead`."""
    before = {h.id for h in leaders}
    after = change.leaders
    joined = [h for h in after if h.id not in before]
    if before < {h.id for h in after}:
        return f"ties {names(leaders, called)} with {names(joined, called)}"
    if len(after) == 1:
        alone = " alone" if after[0].id in before else ""
        return f"{names(after[:1], called)} would lead{alone}"
    return f"{names(after, called)} would tie for the lead"


def change_words(change: Change) -> str:
    """The change itself: `removing #5` or `re-rating #7 against h-treaty from N to I`."""
    if change.hypothesis is None:
        return f"removing #{change.evidence.number}"
    return (
        f"re-rating #{change.evidence.number} against {change.hypothesis.id} "
        f"from {change.before} to {change.after}"
    )


def robustness(s: Sensitivity, called: Mapping[str, str] | None = None) -> str:
    """`the leader, h-a, survives 40 of 52 single changes`."""
    if not s.changes:
        return "no single change moves any score"
    who = (
        f"the leader, {names(s.leaders[:1], called)},"
        if len(s.leaders) == 1
        else f"the tie for the lead ({names(s.leaders, called)})"
    )
    return f"{who} survives {s.survives} of {s.changes} single changes"


def number(value: Fraction) -> str:
    """A weight or score exactly, in decimals: 1, 0.375, 0.5625 (every weight's
    denominator divides a power of ten; anything else is rounded to six decimals)."""
    places = 0
    while (value * 10**places).denominator != 1 and places < 6:
        places += 1
    scaled = round(value * 10**places)
    sign = "-" if scaled < 0 else ""
    digits = str(abs(scaled)).rjust(places + 1, "0")
    whole, decimals = digits[: len(digits) - places], digits[len(digits) - places :]
    decimals = decimals.rstrip("0")
    return f"{sign}{whole}.{decimals}" if decimals else f"{sign}{whole}"
