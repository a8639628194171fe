"""The rules of the everyday test loop (README, "Development"), checked on the tests' source:
every property test's example count follows the Hypothesis profile (a fifth by default, the
full count under CI=true), and no test reads a clock to judge speed (speed is
benchmarks/run.py's; `time.monotonic` only bounds a wait for a hung child)."""

from __future__ import annotations

import re

from conftest import TESTS

FIXED_COUNT = re.compile(r"max_examples\s*=\s*\d")
# The clocks that time code (the wall clock's time.time() sets file stamps in test_cache).
CLOCKS = re.compile(r"\b(perf_counter|process_time|thread_time)(_ns)?\(|\btimeit\b")


def sources() -> dict[str, str]:
    return {
        p.name: p.read_text(encoding="utf-8")
        for p in sorted(TESTS.glob("*.py"))
        if p.name not in ("conftest.py", "test_loop.py")
    }


def test_every_example_count_follows_the_profile() -> None:
    fixed = [name for name, text in sources().items() if FIXED_COUNT.search(text)]
    assert not fixed, f"use conftest.examples(n) for max_examples in {fixed}"


def test_no_test_reads_a_clock_to_judge_speed() -> None:
    timed = [name for name, text in sources().items() if CLOCKS.search(text)]
    assert not timed, f"a clock read in {timed}: speed belongs to benchmarks/run.py"


def test_no_schema_the_tests_validate_uses_the_iri_format() -> None:
    """conftest keeps rfc3987-syntax out (its import costs about 3 s of CPU per process), so
    jsonschema has no "iri" format checker: no schema the tests validate may need one."""
    import importlib.util
    from pathlib import Path

    schemas = [TESTS / "golden" / "schema" / "schema.json"]
    for package in ("stix2validator", "pymispgalaxies"):
        spec = importlib.util.find_spec(package)
        if spec is not None and spec.origin is not None:
            schemas += Path(spec.origin).parent.rglob("*.json")
    assert len(schemas) > 1
    iri = re.compile(r'"format"\s*:\s*"iri')
    using = [str(p) for p in schemas if iri.search(p.read_text(encoding="utf-8", errors="replace"))]
    assert not using, using
