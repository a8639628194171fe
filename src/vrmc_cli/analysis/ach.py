"""Analysis of competing hypotheses (Heuer's ACH): the matrix of evidence against the
hypotheses of one question, weighted inconsistency scores, diagnosticity and sensitivity.

docs/ach.md documents every weight used here, with a worked example that tests/test_ach.py
recomputes. Arithmetic is exact (fractions), so ties are ties and output is deterministic.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from ..core.record import record
from ..corpus.model import Briefing, Event, Hypothesis, Point, Question, Rating, Source

# The weight of a piece of evidence's best source grade (docs/ach.md "Credibility").
RELIABILITY_WEIGHT: dict[str, Fraction] = {
    "A": Fraction(1),
    "B": Fraction(4, 5),
    "C": Fraction(3, 5),
    "D": Fraction(2, 5),
    "E": Fraction(1, 5),
    "F": Fraction(1, 2),
}
UNGRADED_WEIGHT = Fraction(1, 2)  # no source, or none graded: as F
CONFIDENCE_WEIGHT: dict[str | None, Fraction] = {
    "high": Fraction(1),
    "moderate": Fraction(3, 4),
    "low": Fraction(1, 2),
    None: Fraction(3, 4),  # not stated: as moderate
}
# What one rating adds to a hypothesis's inconsistency, before weighting (Heuer).
INCONSISTENCY: dict[str, int] = {"CC": 0, "C": 0, "N": 0, "I": 1, "II": 2}
MEANING: dict[str, str] = {
    "CC": "very consistent",
    "C": "consistent",
    "N": "neutral or not applicable",
    "I": "inconsistent",
    "II": "very inconsistent",
}


def best_grade(sources: Sequence[Source]) -> str | None:
    """The best reliability grade among sources (A best; F only when nothing better)."""
    grades = sorted(s.reliability for s in sources if s.reliability is not None)
    if not grades:
        return None
    graded = [g for g in grades if g != "F"]
    return graded[0] if graded else "F"


def credibility(sources: Sequence[Source], confidence: str | None) -> Fraction:
    grade = best_grade(sources)
    weight = RELIABILITY_WEIGHT[grade] if grade else UNGRADED_WEIGHT
    return weight * CONFIDENCE_WEIGHT[confidence]


@record(frozen=True)
class Evidence:
    """An event or a briefing point rated against at least one hypothesis of a question."""

    number: int  # 1-based, in matrix order
    item: Event | Point
    briefing: Briefing | None  # a point's briefing
    grade: str | None
    credibility: Fraction
    ratings: dict[str, Rating]  # hypothesis id -> its rating, for this question
    diagnostic: bool

    @property
    def kind(self) -> str:
        return "event" if isinstance(self.item, Event) else "point"

    def rating(self, hypothesis: Hypothesis) -> str:
        """The rating against a hypothesis; N when there is none (docs/ach.md)."""
        found = self.ratings.get(hypothesis.id)
        return found.rating if found else "N"

    def weight(self, hypothesis: Hypothesis) -> Fraction:
        """What this evidence adds to the hypothesis's weighted inconsistency score."""
        return self.credibility * INCONSISTENCY[self.rating(hypothesis)]


@record(frozen=True)
class Score:
    hypothesis: Hypothesis
    inconsistent: int  # how many I
    very_inconsistent: int  # how many II
    score: Fraction
    rank: int  # 1 = least inconsistent; tied scores share a rank


@record(frozen=True)
class Sensitivity:
    """The single piece of evidence whose removal changes the ranking most decisively."""

    evidence: Evidence
    scores: tuple[Score, ...]  # the scores without it, in ranking order
    changes_lead: bool
    others: int  # how many other pieces would also change the ranking


@record(frozen=True)
class Analysis:
    question: Question
    hypotheses: tuple[Hypothesis, ...]
    evidence: tuple[Evidence, ...]
    scores: tuple[Score, ...]  # in ranking order
    sensitivity: Sensitivity | None


def scores_of(hypotheses: Sequence[Hypothesis], evidence: Sequence[Evidence]) -> tuple[Score, ...]:
    """Each hypothesis's score, least inconsistent first (ties in corpus order)."""
    raw = []
    for h in hypotheses:
        ratings = [e.rating(h) for e in evidence]
        total = sum((e.weight(h) for e in evidence), Fraction(0))
        raw.append((total, h, ratings.count("I"), ratings.count("II")))
    ordered = sorted(raw, key=lambda t: t[0])  # stable: ties keep corpus order
    out: list[Score] = []
    for index, (total, h, i, ii) in enumerate(ordered):
        rank = out[-1].rank if out and out[-1].score == total else index + 1
        out.append(Score(h, i, ii, total, rank))
    return tuple(out)


def _ranks(scores: Sequence[Score]) -> dict[str, int]:
    return {s.hypothesis.id: s.rank for s in scores}


def _leaders(scores: Sequence[Score]) -> set[str]:
    return {s.hypothesis.id for s in scores if s.rank == 1}


def sensitivity(
    hypotheses: Sequence[Hypothesis], evidence: Sequence[Evidence], scores: Sequence[Score]
) -> Sensitivity | None:
    """Remove each piece of evidence in turn; of those whose removal changes the ranking,
    the one that changes who leads, then the one with the most weight at stake, then the
    first in matrix order (docs/ach.md "Sensitivity")."""
    before = _ranks(scores)
    found: list[tuple[tuple[bool, Fraction, int], Evidence, tuple[Score, ...]]] = []
    for e in evidence:
        rest = [x for x in evidence if x is not e]
        after = scores_of(hypotheses, rest)
        if _ranks(after) == before:
            continue
        lead = _leaders(after) != _leaders(scores)
        stake = sum((e.weight(h) for h in hypotheses), Fraction(0))
        found.append(((not lead, -stake, e.number), e, after))
    if not found:
        return None
    found.sort(key=lambda t: t[0])
    key, chosen, after = found[0]
    return Sensitivity(chosen, after, not key[0], len(found) - 1)


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
        if not ratings:
            continue
        given = [ratings[h.id].rating if h.id in ratings else "N" for h in hypotheses]
        evidence.append(
            Evidence(
                len(evidence) + 1,
                item,
                briefing,
                best_grade(item.sources),
                credibility(item.sources, item.confidence),
                ratings,
                len(set(given)) > 1,
            )
        )
    scores = scores_of(hypotheses, evidence)
    return Analysis(
        question,
        tuple(hypotheses),
        tuple(evidence),
        scores,
        sensitivity(hypotheses, evidence, scores),
    )


def number(value: Fraction) -> str:
    """A weight or score exactly, in decimals (every weight has at most three): 1, 0.375."""
    text = f"{float(value):.3f}".rstrip("0").rstrip(".")
    return text or "0"
