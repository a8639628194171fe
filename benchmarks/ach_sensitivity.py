"""Time ACH's sensitivity test on a large matrix against recomputing every change.

    python benchmarks/ach_sensitivity.py [--hypotheses 50] [--items 400] [--naive 20]

The matrix is random (seeded, so every run is the same): each item rates each hypothesis
with probability 0.6. vrmc's `analyse` tests every single change (each removal, each
one-step re-rating) incrementally; the baseline recomputes all the scores for each change,
timed on the first `--naive` items and scaled up to all of them. Standard library and vrmc
only; prints one line per measurement.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Sequence

from vrmc_cli.analysis import ach
from vrmc_cli.core.dates import parse_date
from vrmc_cli.corpus.model import Event, Hypothesis, Question, Rating, Source

GRADES = ("A", "B", "C", "D", "E", "F")


def matrix(hypotheses: int, items: int) -> tuple[Question, list[Hypothesis], list[Event]]:
    rnd = random.Random(2026)
    q = Question("q", "Q?")
    hs = [Hypothesis(f"h{n}", q, f"H{n}") for n in range(hypotheses)]
    events = []
    for n in range(items):
        ratings = tuple(
            Rating(h.id, rnd.choice(ach.STEPS))  # type: ignore[arg-type]
            for h in hs
            if rnd.random() < 0.6
        )
        source = Source(f"s{n}", "S", reliability=rnd.choice(GRADES))  # type: ignore[arg-type]
        events.append(
            Event(f"e{n}", parse_date("2020"), "E", (), sources=(source,), consistency=ratings)
        )
    return q, hs, events


def naive(hs: Sequence[Hypothesis], evidence: Sequence[ach.Evidence], limit: int) -> int:
    """Every removal and re-rating of the first `limit` items, each by a full rescoring."""
    count = 0
    for e in evidence[:limit]:
        rest = [x for x in evidence if x is not e]
        ach.scores_of(hs, rest)
        count += 1
        for h in hs:
            given = e.given(h)
            if given is None or given == "NA":
                continue
            i = ach.STEPS.index(given)
            for j in (i - 1, i + 1):
                if 0 <= j < len(ach.STEPS):
                    rating = Rating(h.id, ach.STEPS[j])  # type: ignore[arg-type]
                    changed = ach.make_evidence(
                        e.number, e.item, None, hs, {**e.ratings, h.id: rating}
                    )
                    ach.scores_of(hs, [changed if x is e else x for x in evidence])
                    count += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--hypotheses", type=int, default=50)
    parser.add_argument("--items", type=int, default=400)
    parser.add_argument("--naive", type=int, default=20)
    args = parser.parse_args()
    q, hs, events = matrix(args.hypotheses, args.items)
    start = time.perf_counter()
    a = ach.analyse(q, hs, [(e, None) for e in events])
    whole = time.perf_counter() - start
    start = time.perf_counter()
    ach.sensitivity(a.hypotheses, a.evidence)
    incremental = time.perf_counter() - start
    print(f"{args.hypotheses} hypotheses x {args.items} items")
    print(f"analyse (scores, coverage, sensitivity, disagreements): {whole:.3f} s")
    print(f"sensitivity alone: {incremental:.3f} s for {a.sensitivity.changes} single changes")
    start = time.perf_counter()
    done = naive(a.hypotheses, a.evidence, args.naive)
    spent = time.perf_counter() - start
    scaled = spent * len(a.evidence) / min(args.naive, len(a.evidence))
    print(f"recomputing every change: {spent:.3f} s for {done} changes of {args.naive} items")
    print(f"  -> about {scaled:.0f} s for all {len(a.evidence)} items")


if __name__ == "__main__":
    main()
