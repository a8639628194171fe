"""Shared test helpers: an isolated environment, the CLI runner, goldens and corpus builders."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
import typer
import typer.testing
from hypothesis import settings
from typer.testing import CliRunner, Result

from vrmc_cli.cli import app

# jsonschema registers an "iri" format checker when rfc3987-syntax is installed (stix2-validator
# and pymispgalaxies ask for jsonschema[format]); importing it builds a Lark grammar, about 3 s
# of CPU in every test process that imports jsonschema. No schema the tests validate uses the
# "iri" format (vrmc's, STIX 2.1's in stix2-validator, the MISP galaxies'; test_loop.py checks),
# and jsonschema leaves the checker out when the import fails.
sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[assignment]


def _command_of(typer_app: typer.Typer) -> Any:
    """The Click command Typer builds from `typer_app`, built once per process for vrmc's own
    app while its declarations stay the same. Typer's CliRunner.invoke builds the whole tree
    (every command, option and help text) at each call: about 20 ms, a quarter of the suite's
    CPU time over its thousands of in-process runs. The tree depends only on the declarations
    (cli.py builds them at import), and running a command creates its own Click contexts, so
    reusing it changes no result; another app, or this one after a test changes what it
    registers, is built afresh as before. The real entry point builds its tree once per
    process, as here (the subprocess tests run it)."""
    if typer_app is not app:
        return _typer_command(typer_app)
    shape = (
        tuple(map(id, app.registered_commands)),
        tuple(map(id, app.registered_groups)),
        id(app.registered_callback),
    )
    built = _BUILT.get(shape)
    if built is None:
        _BUILT.clear()
        built = _BUILT[shape] = _typer_command(app)
    return built


_typer_command = typer.testing._get_command
_BUILT: dict[tuple[object, ...], Any] = {}
typer.testing._get_command = _command_of

TESTS = Path(__file__).parent
DATA = TESTS / "data"
FIXTURE = DATA / "corpus"
GOLDEN = TESTS / "golden"

# CI (.ci/run sets CI=true): a missing external program fails instead of skipping, and property
# tests run their full example counts.
IN_CI = os.environ.get("CI", "").lower() == "true"

# Hypothesis profiles. "ci" runs every property test with its full count (the counts the tests
# name with `examples()`, 100 for the others); "dev", the default outside CI, runs a fifth of
# each for a quick loop. Neither has a deadline: a test never fails for being slow on a loaded
# machine. `pytest --hypothesis-profile ci` runs the full counts locally.
CI_EXAMPLES = 100
settings.register_profile("ci", max_examples=CI_EXAMPLES, deadline=None, print_blob=True)
settings.register_profile("dev", max_examples=CI_EXAMPLES // 5, deadline=None)
settings.load_profile("ci" if IN_CI else "dev")


def examples(full: int) -> int:
    """A property test's example count: `full` under the ci profile, the same share of it as
    the loaded profile's default under another (a fifth under "dev"), at least 10."""
    return max(10, full * settings().max_examples // CI_EXAMPLES)


# Letters and marks that draw nothing: with the control and format characters, what must never
# reach a terminal raw.
INVISIBLE = "\u034f\u115f\u1160\u3164\uffa0"


def raw_unsafe(text: str) -> list[str]:
    """The characters of `text` that could drive a terminal or hide text: controls other than
    tab and newline (Cc), format characters (Cf: bidi, zero-width, tags...), line and
    paragraph separators, surrogates, the invisible letters and the 66 noncharacters (which
    XML refuses in part). Defined by the Unicode database of the running Python and the
    standard's definition of a noncharacter, independently of vrmc's own list."""
    return sorted(
        {
            c
            for c in text
            if (unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp", "Cs") and c not in "\t\n")
            or c in INVISIBLE
            or 0xFDD0 <= ord(c) <= 0xFDEF
            or ord(c) & 0xFFFE == 0xFFFE
        }
    )


# Variables that change how vrmc or its libraries behave: no test may inherit them.
_LEAKY = (
    "VRMC_BRIEFINGS",
    "VRMC_FORMAT",
    "VRMC_NO_CACHE",
    "VRMC_DEBUG",
    "VRMC_PURE_YAML",
    "NO_COLOR",
    "FORCE_COLOR",
    "COLUMNS",
    "LINES",
    "TERM",
    "TERMINAL_WIDTH",
    "PAGER",
    "TTY_COMPATIBLE",
    "TTY_INTERACTIVE",
    "GITHUB_ACTIONS",
    "PY_COLORS",
    "PYTHONIOENCODING",
)


# Test modules whose tests share state in their order (test_readme.py runs the README's commands
# one after the other in one scratch folder; test_docx_print.py prints its documents once, in a
# session fixture), or share a costly module fixture that each worker would otherwise make again
# (test_html_print.py's printed report, test_timelinejs_browser.py's TimelineJS from npm): under
# pytest-xdist each runs whole, in order, on one worker.
IN_ORDER = (
    "test_readme.py",
    "test_docx_print.py",
    "test_html_print.py",
    "test_timelinejs_browser.py",
)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """xdist's work stealing (each worker gets an even share of the tests in one message and,
    when it runs out, takes half of what another has left), except that the tests of an
    IN_ORDER module go together, in order, to one worker, at the head of its share, and are
    never taken by another. (Written here because xdist's own `xdist_group` marks do nothing
    under pytest 9.2, which renamed the node id they rewrite.) Work stealing sends a few
    messages per worker where load scheduling sends one per test: for 2,500 tests, seconds of
    the controller's and the workers' CPU time on a 2-CPU machine."""
    from xdist.scheduler import WorkStealingScheduling

    class Scheduling(WorkStealingScheduling):
        def __init__(self, config: pytest.Config, log: Any) -> None:
            super().__init__(config, log)
            self.kept: set[int] = set()  # the indices of IN_ORDER tests: never stolen

        def add_node(self, node: Any) -> None:
            super().add_node(node)
            send_steal = node.send_steal

            def steal_no_kept_test(indices: Sequence[int]) -> None:
                # The kept tests head their worker's share and steals take from its tail, so
                # this drops nothing unless they are all that is left, then nothing is taken.
                send_steal([i for i in indices if i not in self.kept])

            node.send_steal = steal_no_kept_test

        def schedule(self) -> None:
            if self.collection is not None:
                super().schedule()  # a node added later
                return
            if not self._check_nodes_have_same_collection():
                self.log("**Different tests collected, aborting run**")
                return
            self.collection = next(iter(self.node2collection.values()))
            if not self.collection:
                return
            groups: dict[str, list[int]] = {}
            rest: list[int] = []
            for index, nodeid in enumerate(self.collection):
                module = nodeid.split("::", 1)[0].rsplit("/", 1)[-1]
                (groups.setdefault(module, []) if module in IN_ORDER else rest).append(index)
            self.kept = {i for group in groups.values() for i in group}
            shares: list[list[int]] = [[] for _ in self.node2pending]
            for group in sorted(groups.values(), key=len, reverse=True):
                min(shares, key=len).extend(group)
            # Then the other tests in their order, each worker filled up to an even share.
            even = -(-len(self.collection) // len(shares))
            for share in shares:
                take = max(0, even - len(share))
                share.extend(rest[:take])
                del rest[:take]
            shares[-1].extend(rest)
            for node, share in zip(self.node2pending, shares, strict=True):
                if share:
                    self.node2pending[node].extend(share)
                    node.send_runtest_some(share)
            self.check_schedule()

    return Scheduling(config, log)


def pytest_addoption(parser: pytest.Parser, pluginmanager: pytest.PytestPluginManager) -> None:
    parser.addoption(
        "--update-goldens", action="store_true", help="rewrite golden files from the current output"
    )
    parser.addoption(
        "--run-slow", action="store_true", help="run the tests marked slow too (CI=true does)"
    )
    if not pluginmanager.has_plugin("xdist"):
        # A virtual environment from before the test extras named pytest-xdist (or run with
        # `-p no:xdist`): the `-n auto` of addopts is accepted and the tests run in one process.
        parser.getgroup("xdist")._addoption(
            "-n", dest="numprocesses", help="needs pytest-xdist: pip install -e '.[test]'"
        )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked slow (millions of YAML nodes, 10,000 files, out of memory, signals, huge
    fields in every format) run in CI and with --run-slow; the everyday loop skips them."""
    if IN_CI or config.getoption("--run-slow"):
        return
    skip = pytest.mark.skip(reason="slow: runs under CI=true or with --run-slow")
    for item in items:
        if item.get_closest_marker("slow") is not None:
            item.add_marker(skip)


def pytest_report_header(config: pytest.Config) -> str | None:
    if config.pluginmanager.has_plugin("xdist"):
        return None
    return "pytest-xdist is not installed: the tests run in one process (pip install -e '.[test]')"


@pytest.fixture(autouse=True)
def isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    for name in _LEAKY:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    yield


@contextlib.contextmanager
def isolated(folder: Path) -> Iterator[None]:
    """isolated_env for a module or session fixture, which pytest sets up before any test's
    own fixtures: no leaky variable, and a cache folder below `folder`."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        for name in _LEAKY:
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("XDG_CACHE_HOME", str(folder / "xdg-cache"))
        yield


@pytest.fixture(scope="session")
def _session_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("xdg-cache")


@pytest.fixture
def warm_cache(_session_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One cache folder for the whole session (for each xdist worker) instead of the test's
    own: for tests that only read corpora, so that the bundled corpus is parsed once rather
    than in every test (`pytestmark = pytest.mark.usefixtures("warm_cache")`). What the
    cache does is tested with the test's own folder (test_cache.py, test_hostile.py), and
    test_cache.py shows that a warm run gives what a cold one gives."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(_session_cache))


def invoke(*args: str, env: dict[str, str] | None = None) -> Result:
    """Run vrmc in-process; stdout and stderr are kept apart."""
    return CliRunner().invoke(app, list(args), env=env, catch_exceptions=False)


def run_vrmc(
    *args: str,
    env: dict[str, str] | None = None,
    timeout: float = 30,
    stdin: int | None = subprocess.DEVNULL,
) -> subprocess.CompletedProcess[bytes]:
    """Run the real entry point in a subprocess, with a clean environment plus `env`."""
    base = {k: v for k, v in os.environ.items() if k not in _LEAKY}
    base.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "vrmc_cli", *args],
        env=base,
        capture_output=True,
        timeout=timeout,
        stdin=stdin,
        check=False,
    )


def run_on_a_terminal(
    *args: str, columns: int = 100, env: dict[str, str] | None = None, stdin_tty: bool = False
) -> bytes:
    """Run the real entry point with stdout (and stdin, with `stdin_tty`) on a pseudo-terminal
    `columns` wide, a clean environment plus `env`; return what it wrote there."""
    import pty
    import select

    master, slave = pty.openpty()
    base = {k: v for k, v in os.environ.items() if k not in _LEAKY}
    base.update({"TERM": "xterm-256color", "COLUMNS": str(columns), "LINES": "20"})
    base.update(env or {})
    proc = subprocess.Popen(
        [sys.executable, "-m", "vrmc_cli", *args],
        stdin=slave if stdin_tty else subprocess.DEVNULL,
        stdout=slave,
        stderr=subprocess.PIPE,
        env=base,
        close_fds=True,
    )
    os.close(slave)
    chunks = []
    while True:
        ready, _, _ = select.select([master], [], [], 30)
        if not ready:
            proc.kill()
            pytest.fail("vrmc did not finish on the terminal")
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    assert proc.wait(timeout=30) == 0, proc.stderr.read() if proc.stderr else b""
    return b"".join(chunks)


# Headless Chromium with nothing of its own running in the background (no updates, sync or
# first-run pages); the caller adds the profile folder and what to do.
HEADLESS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


def check_golden(path: Path, actual: str, update: bool) -> None:
    """Compare with a golden file (rewrite it with --update-goldens, then review the diff)."""
    if update or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="")
        if not update:
            pytest.fail(f"golden {path.relative_to(TESTS)} was missing and has been written")
        return
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"output differs from {path.relative_to(TESTS)}"


def write_corpus(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write topic files (text or exact bytes) below `root`; returns `root`."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root
