"""Hostile and broken input: every case ends quickly, quietly and with the documented status.

Each case runs the real entry point in a subprocess where the process itself is under test
(time, memory, exit status, signals, streams), and in-process where only the loader or the
renderers are. Case ids follow the pitfalls catalogue (YML-xx, PATH-xx, OUT-xx, MK-xx, ESC-xx,
TYP-xx); STR-xx and NUL-xx are the list-versus-mapping and null cases of FORMAT.md's schema.

The classes of attack and accident the suite covers, each as a class rather than one string:

- YAML hazards: object construction, alias bombs, huge or deep documents, duplicate keys,
  YAML 1.1 implicit types, tags, encodings and control characters (YML-xx, STR-xx, NUL-xx).
- Paths: links out of the corpus, loops, FIFOs and devices, unreadable files and folders,
  files vanishing mid-run, hostile file names (PATH-xx, ESC-13).
- Markup and terminal injection from any corpus string in any format, URLs included:
  Rich markup, terminal escapes (OSC 0/8/52, CSI, C1), bidi and invisible characters,
  HTML and Markdown structure (also after indentation), CSV formulas (also after `,`/`;`)
  (MK-xx, ESC-xx, OUT-22/23/27, MK-20, ESC-20).
- The same in every message: corpus problems and usage errors that quote what was typed,
  on the quick path and Typer's (TYP-20).
- Output streams and environment: broken pipes, full disks, closed streams, encodings,
  colour and width variables, an unusable PAGER (OUT-xx, ENV-01).
- Signals and resources: Ctrl-C and SIGTERM (also while the cache is written), memory
  limits, and fields up to the size limit in linear time in every format (OUT-06/07,
  PERF-xx).
- The cache as an attack surface: planted or corrupt files, FIFOs and links at its path,
  folders others can write to or own, no absolute cache folder.
- Git revisions read by `diff`: the repository's filters, textconv and committed attributes
  never run or change what is read, links, submodules and odd names in a tree are located
  problems, sizes are checked before reading, only topic files are read, a revision
  starting with `-` reaches no git command, a parsed revision is cached by its tree (GIT-xx).
- Files written with `-o`: only a regular file is replaced (never a device, FIFO, folder or
  link), an existing file keeps its mode, no output replaces or joins the corpus being
  read, every command honours `-o`, and file names are escaped in messages (OUTF-xx).
- Noncharacters (U+FFFE, U+FFFF and the other 64) shown as escapes everywhere, and every XML
  writer (docx, GraphML, SVG inline and from Graphviz) well-formed for its consumer
  (NONCHAR-xx).
- Edge dates: the whole range FORMAT.md allows (0001 to 9999-12-31) in every command, format
  and export; iCalendar dates with four-digit years, read back by icalendar (DATE-xx).
- What other tools read: STIX ids unique per distinct object and URLs a validator accepts
  (stix2, stix2-validator), TimelineJS fields set as HTML escaped, Graphviz drawing names
  exactly as written (`dot`) (STIX-xx, TL-xx, GV-xx).
- Minor corners: `init` writes every file or none and exits 74 on a full disk; "did you
  mean" and ambiguity lists name a few candidates, each cut short (MIN-xx).
- Files brought in by `vrmc import`: files that are not what their format says, wrong
  encodings, control, bidi and noncharacter code points in cells, markup and scripts in
  TimelineJS HTML, JSON nested past the interpreter's depth, files over the size limit, and
  a target file that already exists: each a located message or a note, nothing written,
  never markup or a raw escape in the file written (IMP-xx).
- Quadratic corners, each under the runaway ceiling only, sized to take a few seconds now
  and several times the ceiling with the quadratic code: the word diff of a 20,000-word
  repetitive summary, `validate --strict`'s dispute scan of a 180 KB field (ratios by
  `benchmarks/run.py --only corner`), a report in Word of 12,000 events and ACH's
  sensitivity test on 50 hypotheses × 800 items (ratios by benchmarks/ach_sensitivity.py
  and docs/performance.md) (PERF-30..33).

Rules every subprocess case checks (`run`): it ends before the hang guard (TIME_LIMIT, 120 s;
not a speed limit: speed is `benchmarks/run.py`'s), its peak memory stays under
1 GiB, it prints no traceback and no "Exception ignored", and an invalid corpus gives exit 1,
an empty stdout and one `path:line:column: message` line per problem followed by a count.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import html.parser
import io
import itertools
import json
import os
import pickle
import re
import resource
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml

from conftest import _LEAKY, FIXTURE, invoke, raw_unsafe, write_corpus
from vrmc_cli.commands import names, spec
from vrmc_cli.core.errors import InvalidCorpus, Problem
from vrmc_cli.core.formats import FILE, Format
from vrmc_cli.corpus import cache as cache_module
from vrmc_cli.corpus import fields, load
from vrmc_cli.corpus import files as files_module
from vrmc_cli.corpus.roots import load_corpus
from vrmc_cli.render import serves

GIB = 1 << 30
# A guard against a hang, not a speed limit: a child still running after this many seconds
# has hung. How fast vrmc is, hostile inputs included, is measured by benchmarks/run.py as
# ratios (no test asserts a wall-clock time: on a shared machine it would fail at random).
TIME_LIMIT = 120.0
LOADERS = [
    pytest.param("libyaml", id="libyaml"),
    pytest.param("pure", id="pure-python"),
]

# --------------------------------------------------------------------------- harness


@dataclass
class Run:
    """One finished vrmc process."""

    returncode: int
    stdout: bytes
    stderr: bytes
    peak: int = 0  # the child's own largest resident set, in bytes

    @property
    def err(self) -> str:
        return self.stderr.decode("utf-8", "replace")


# Children compile vrmc once into a shared folder outside the source tree, not at every run.
PYCACHE = os.path.join(tempfile.gettempdir(), "vrmc-tests-pycache")


def _clean_env(env: dict[str, str] | None) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if k not in _LEAKY}
    base.pop("PYTHONDONTWRITEBYTECODE", None)
    base["PYTHONPYCACHEPREFIX"] = PYCACHE
    base.update(env or {})
    return base


def _child_limits() -> None:
    # A hard ceiling so that a regression fails the test instead of taking the machine down;
    # the 1 GiB budget itself is checked on the measured peak.
    resource.setrlimit(resource.RLIMIT_AS, (4 * GIB, 4 * GIB))


def _check_process(proc: Run) -> None:
    # The child's own peak (os.wait4), not the largest of every child this worker has waited
    # for: an out-of-memory case run earlier in the same worker would count against it.
    assert proc.peak < GIB, f"a vrmc process used {proc.peak / GIB:.2f} GiB"
    assert b"Traceback" not in proc.stderr, proc.err
    assert b"Exception ignored" not in proc.stderr, proc.err
    assert proc.returncode in (0, 1, 2), (proc.returncode, proc.err)


def run(
    *args: str,
    env: dict[str, str] | None = None,
    pure: bool = False,
    timeout: float = TIME_LIMIT,
) -> Run:
    """vrmc in a subprocess with a clean environment; checks the rules every case shares."""
    full_env = _clean_env(env)
    if pure:
        full_env["VRMC_PURE_YAML"] = "1"
    proc = _waited([sys.executable, "-m", "vrmc_cli", *args], full_env, timeout)
    _check_process(proc)
    return proc


def _waited(command: list[str], env: dict[str, str], timeout: float) -> Run:
    """Run `command` to its end (killed after `timeout` seconds, then TimeoutExpired), its
    streams read by threads and its status and peak memory taken with os.wait4."""
    import threading

    child = subprocess.Popen(
        command,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=_child_limits,  # noqa: PLW1509 - our threads start after the fork
    )
    streams: dict[str, bytes] = {}

    def drain(name: str, stream: io.BufferedReader) -> None:
        streams[name] = stream.read()
        stream.close()

    readers = [
        threading.Thread(target=drain, args=(name, stream), daemon=True)
        for name, stream in (("out", child.stdout), ("err", child.stderr))
        if stream is not None
    ]
    for reader in readers:
        reader.start()
    deadline = time.monotonic() + timeout
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            child.kill()
            os.wait4(child.pid, 0)
            child.returncode = -signal.SIGKILL
            raise subprocess.TimeoutExpired(command, timeout)
        time.sleep(0.005)
    child.returncode = os.waitstatus_to_exitcode(status)
    for reader in readers:
        reader.join()
    return Run(child.returncode, streams["out"], streams["err"], usage.ru_maxrss * 1024)


PROBLEM_LINE = re.compile(r"(?P<path>[^\n]+?)(?::(?P<line>\d+):(?P<column>\d+))?: (?P<message>.+)")
COUNT_LINE = re.compile(r"vrmc: error: invalid corpus: (\d+) problems? in (\d+) files?")


@dataclass(frozen=True)
class Reported:
    path: str
    line: int
    column: int
    message: str


def reported_problems(proc: Run) -> list[Reported]:
    """The problems of an invalid-corpus run, after checking FORMAT.md's "Errors" shape."""
    assert proc.returncode == 1, proc.err
    assert proc.stdout == b"", "a report built from half a corpus would mislead"
    *lines, last = proc.err.splitlines()
    count = COUNT_LINE.fullmatch(last)
    assert count is not None, last
    problems = []
    for line in lines:
        match = PROBLEM_LINE.fullmatch(line)
        assert match is not None, line
        problems.append(
            Reported(
                match["path"],
                int(match["line"] or 0),
                int(match["column"] or 0),
                match["message"],
            )
        )
    assert int(count[1]) == len(problems)
    assert int(count[2]) == len({p.path for p in problems})
    return problems


def use_loader(monkeypatch: pytest.MonkeyPatch, loader: str) -> None:
    """Make in-process loading use libyaml or the pure-Python parser."""
    if loader == "pure":
        monkeypatch.setenv("VRMC_PURE_YAML", "1")
    else:
        monkeypatch.delenv("VRMC_PURE_YAML", raising=False)
    monkeypatch.setattr(load, "_COMPOSER", None)


def no_raw_controls(text: str, *, allow_sgr: bool = False) -> None:
    """No character that can drive a terminal: only vrmc's own SGR styling when asked for."""
    assert "\x1b]" not in text, "OSC sequence (title, hyperlink, clipboard)"
    assert "\x9b" not in text and "\x9d" not in text, "8-bit C1 control"
    if allow_sgr:
        text = re.sub("\x1b\\[[0-9;]*m", "", text)
    bad = raw_unsafe(text)
    assert not bad, f"raw control, bidi or invisible characters: {sorted(set(bad))!r}"


# --------------------------------------------------------------------------- a valid base

BASE = """\
version: 1
topic: {title: Base}
themes:
  - {id: arms-sales, title: Arms sales}
  - {id: diplomacy, title: Diplomacy}
countries:
  - {code: VE, name: Venezuela}
  - {code: RU, name: Russia}
actors:
  - {id: hugo-chavez, name: Hugo Chávez, kind: person, country: VE}
sources:
  - {id: kremlin, title: Kremlin statement}
events:
  - {id: base-event, date: 2006, title: Base event, themes: [arms-sales]}
briefings:
  - id: base-briefing
    title: Base
    summary: Base.
    themes: [diplomacy]
    sections: [{heading: H, points: [P]}]
"""


def corpus_with(root: Path, files: dict[str, str | bytes]) -> Path:
    """The valid base plus the given files, below `root`."""
    return write_corpus(root, {"base.yaml": BASE, **files})


# --------------------------------------------------------------------------- YAML cases

MARKER = "PWNED-MARKER"  # replaced by a path in the test's folder


def bomb(levels: int = 9, real_field: str | None = None) -> str:
    """A 'billion laughs' document: `levels` anchors, each aliasing the previous one 9 times."""
    lines = ['x-lol-a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    names = "abcdefghijklmnop"
    for prev, name in itertools.pairwise(names[:levels]):
        lines.append(f"x-lol-{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]")
    if real_field is not None:
        lines.append(real_field.replace("LAST", names[levels - 1]))
    return "\n".join(lines) + "\n"


def nested(depth: int, open_: str = "[", close: str = "]") -> str:
    return open_ * depth + close * depth


Expected = list[tuple[int | None, int | None, str]]  # (line, column, words); None: any


@dataclass(frozen=True)
class Case:
    content: str | bytes
    expected: Expected  # [] means the file is valid


def _briefing(extra: str, bid: str) -> str:
    return (
        f"briefings:\n  - id: {bid}\n    title: T\n    summary: S\n    themes: [diplomacy]\n"
        + extra
    )


def _actor(extra: str, aid: str) -> str:
    return f"actors:\n  - id: {aid}\n    name: N\n    kind: person\n" + extra


YAML_CASES: dict[str, Case] = {
    # -- code execution and tags (YML-01..03, YML-17)
    "YML-01-python-apply": Case(
        f'themes:\n  - id: yml-01\n    title: !!python/object/apply:os.system ["touch {MARKER}"]\n',
        [(3, 12, "unsupported YAML tag")],
    ),
    "YML-01-python-apply-in-x-field": Case(
        f'x-run: !!python/object/apply:os.system ["touch {MARKER}"]\n'
        f"themes:\n  - id: yml-01x\n    title: T\n"
        f'    x-run: !!python/object/apply:subprocess.call [["touch", "{MARKER}"]]\n',
        [],
    ),
    "YML-02-python-name": Case(
        "themes:\n  - {id: yml-02a, title: !!python/name:os.system ''}\n",
        [(2, 26, "unsupported YAML tag")],
    ),
    "YML-02-python-new": Case(
        f'themes:\n  - id: yml-02b\n    title: !!python/object/new:os.system ["touch {MARKER}"]\n',
        [(3, 12, "unsupported YAML tag")],
    ),
    "YML-03-local-tag": Case(
        "themes:\n  - {id: yml-03, title: !custom 1}\n", [(2, 25, "unsupported YAML tag")]
    ),
    "YML-17-binary": Case(
        "themes:\n  - {id: yml-17a, title: !!binary aGk=}\n", [(2, 26, "unsupported YAML tag")]
    ),
    "YML-17-set": Case(
        "countries:\n  - {code: YA, name: Y, aliases: !!set {a, b}}\n",
        [(2, 34, "unsupported YAML tag")],
    ),
    "YML-17-omap-top": Case("--- !!omap\n- version: 1\n", [(1, 5, "unsupported YAML tag")]),
    # -- aliases (YML-04..06)
    "YML-04-bomb-in-x-field": Case(bomb(), []),
    "YML-04-bomb-in-real-field": Case(
        # The anchors stand in x- fields, which vrmc does not read; the alias is refused.
        bomb(real_field="scenarios: *LAST"),
        [(9, 10, "scenarios: aliases are not supported")],
    ),
    "YML-04-bomb-as-text-list": Case(
        bomb(real_field=_actor("    aliases: *LAST\n", "yml-04c").rstrip("\n")),
        [(9, 10, "actors[0].aliases: aliases are not supported")],
    ),
    "YML-05-recursive-alias-in-x-field": Case("x-self: &m {self: *m}\nx-list: &l [1, *l]\n", []),
    "YML-05-recursive-alias-in-sections": Case(
        _briefing("    sections: &s [{heading: H, points: *s}]\n", "yml-05"),
        [(6, 15, "aliases are not supported")],
    ),
    "YML-05-repeated-scalar-alias": Case(
        "x-name: &n Same\nthemes:\n  - {id: yml-05a, title: *n}\n  - {id: yml-05b, title: *n}\n",
        [(1, 9, "themes[0].title: aliases are not supported"), (1, 9, "themes[1].title: alias")],
    ),
    "YML-05-alias-as-a-key": Case(
        "themes: [{id: yml-05c, &k title: T}, {id: yml-05g, *k : U}]\n",
        [(1, 24, "aliases are not supported"), (1, 38, "missing required field 'title'")],
    ),
    "YML-05-alias-of-a-value-anchored-in-an-x-field": Case(
        "x-t: &t Hello\nthemes: [{id: yml-05d, title: A, x-u: &u B}, {id: yml-05e, title: *t}]\n"
        "sources: [{id: yml-05s, title: *u}]\n",
        [(1, 6, "aliases are not supported"), (2, 39, "aliases are not supported")],
    ),
    "YML-05-anchor-never-repeated": Case("themes: [{id: yml-05f, title: &t Fine}]\n", []),
    "YML-06-merge-key": Case(
        "x-base: &b {title: T}\nthemes:\n  - {id: yml-06, <<: *b}\n",
        [(3, 5, "missing required field 'title'"), (3, 18, "merge keys (<<) are not supported")],
    ),
    # -- duplicate keys (YML-07/08)
    "YML-07-duplicate-key": Case(
        "themes:\n  - id: yml-07\n    title: A\n    title: B\n",
        [(4, 5, "duplicate key 'title' (first defined on line 3)")],
    ),
    "YML-07-duplicate-top-key": Case(
        "themes: []\nthemes: []\n", [(2, 1, "duplicate key 'themes'")]
    ),
    "YML-08-duplicate-flow-key": Case(
        "themes: [{id: yml-08, title: A, title: B}]\n", [(1, 33, "duplicate key 'title'")]
    ),
    # -- impossible dates (YML-11)
    "YML-11-feb-30": Case(
        "events:\n  - {id: yml-11a, date: 2019-02-30, title: T, themes: [diplomacy]}\n",
        [(2, 25, "invalid date '2019-02-30': day must be 01..28")],
    ),
    "YML-11-zero-date": Case(
        "events:\n  - {id: yml-11b, date: 0000-00-00, title: T, themes: [diplomacy]}\n",
        [(2, 25, "invalid date '0000-00-00': year must be 0001 or later")],
    ),
    "YML-11-month-13": Case(
        "events:\n  - {id: yml-11c, date: 2021-13-45, title: T, themes: [diplomacy]}\n",
        [(2, 25, "invalid date '2021-13-45': month must be 01..12")],
    ),
    "YML-11-end-feb-29-non-leap": Case(
        "events:\n  - {id: yml-11d, date: 2019, end: 2019-02-29, title: T, themes: [diplomacy]}\n",
        [(2, 36, "end: invalid date '2019-02-29'")],
    ),
    # -- numbers that are no numbers (YML-16)
    "YML-16-nan": Case(
        "transfers:\n  - {id: yml-16a, supplier: RU, recipient: VE, designation: D,"
        " category: c, value_usd: .nan}\n",
        [(2, 88, "expected a number of 0 or more, got '.nan'")],
    ),
    "YML-16-inf": Case(
        "transfers:\n  - {id: yml-16b, supplier: RU, recipient: VE, designation: D,"
        " category: c, value_usd: .inf}\n",
        [(2, 88, "expected a number of 0 or more, got '.inf'")],
    ),
    "YML-16-overflow": Case(
        "transfers:\n  - {id: yml-16c, supplier: RU, recipient: VE, designation: D,"
        " category: c, value_usd: 1e999}\n",
        [(2, 88, "value_usd: '1e999' is too large")],
    ),
    "YML-16-huge-int": Case(
        "transfers:\n  - {id: yml-16d, supplier: RU, recipient: VE, designation: D,"
        " category: c, quantity_ordered: " + "9" * 5000 + "}\n",
        [(2, 95, "too large")],
    ),
    "YML-16-dot-exponent": Case(
        "transfers:\n  - {id: yml-16e, supplier: RU, recipient: VE, designation: D,"
        " category: c, value_usd: .e5}\n",
        [(2, 88, "expected a number of 0 or more, got '.e5'")],
    ),
    # -- keys (YML-18)
    "YML-18-complex-key": Case("? [1, 2]\n: x\n", [(1, 3, "mapping keys must be plain text")]),
    "YML-18-number-key": Case("1: a\n", [(1, 1, "unknown top-level key '1'")]),
    # -- type confusion (YML-19) and every list/mapping swap of the schema (STR-xx)
    "YML-19-title-is-list": Case(
        "themes:\n  - {id: yml-19, title: [/]}\n", [(2, 25, "title: expected text, got a list")]
    ),
    "YML-19-kind-is-text": Case("actors: Bob\n", [(1, 9, "actors: expected a list, got text")]),
    "STR-01-kind-is-mapping": Case(
        "events: {id: str-01}\n", [(1, 9, "events: expected a list, got a mapping")]
    ),
    "STR-02-entry-is-list": Case(
        "events:\n  - [str-02, 2006]\n", [(2, 5, "events[0]: expected a mapping, got a list")]
    ),
    "STR-03-entry-is-text": Case(
        "sources:\n  - str-03\n", [(2, 5, "sources[0]: expected a mapping, got text")]
    ),
    "STR-04-topic-is-list": Case(
        "topic: [Title]\n", [(1, 8, "topic: expected a mapping, got a list")]
    ),
    "STR-05-roles-is-mapping": Case(
        _actor("    roles: {title: President}\n", "str-05"),
        [(5, 12, "roles: expected a list, got a mapping")],
    ),
    "STR-06-role-is-list": Case(
        _actor("    roles: [[President, 2001]]\n", "str-06"),
        [(5, 13, "roles[0]: expected a mapping, got a list")],
    ),
    "STR-07-sections-is-mapping": Case(
        _briefing("    sections: {heading: H, points: [P]}\n", "str-07"),
        [(6, 15, "sections: expected a list, got a mapping")],
    ),
    "STR-08-section-is-list": Case(
        _briefing("    sections: [[H, [P]]]\n", "str-08"),
        [(6, 16, "sections[0]: expected a mapping, got a list")],
    ),
    "STR-09-section-is-text": Case(
        _briefing("    sections: [H]\n", "str-09"),
        [(6, 16, "sections[0]: expected a mapping, got text")],
    ),
    "STR-10-points-is-mapping": Case(
        _briefing("    sections: [{heading: H, points: {text: P}}]\n", "str-10"),
        [(6, 37, "points: expected a list, got a mapping")],
    ),
    "STR-11-point-is-list": Case(
        _briefing("    sections: [{heading: H, points: [[P]]}]\n", "str-11"),
        [(6, 38, "a point is text or a mapping, got a list")],
    ),
    "STR-12-key-judgments-is-mapping": Case(
        _briefing(
            "    key_judgments: {text: K}\n    sections: [{heading: H, points: [P]}]\n", "str-12"
        ),
        [(6, 20, "key_judgments: expected a list, got a mapping")],
    ),
    "STR-13-key-judgment-is-list": Case(
        _briefing(
            "    key_judgments: [[K, likely]]\n    sections: [{heading: H, points: [P]}]\n",
            "str-13",
        ),
        [(6, 21, "key_judgments[0]: expected a mapping, got a list")],
    ),
    "STR-14-key-judgment-is-text": Case(
        _briefing("    key_judgments: [K]\n    sections: [{heading: H, points: [P]}]\n", "str-14"),
        [(6, 21, "key_judgments[0]: expected a mapping, got text")],
    ),
    "STR-15-text-is-mapping": Case(
        "themes:\n  - {id: str-15, title: {a: b}}\n", [(2, 25, "expected text, got a mapping")]
    ),
    "STR-16-refs-is-mapping": Case(
        "events:\n  - {id: str-16, date: 2006, title: T, themes: {diplomacy: 1}}\n",
        [(2, 48, "themes: expected a list, got a mapping")],
    ),
    "STR-17-refs-is-text": Case(
        "events:\n  - {id: str-17, date: 2006, title: T, themes: diplomacy}\n",
        [(2, 48, "themes: expected a list, got text 'diplomacy'")],
    ),
    # -- null where a list is expected: optional means absent, required is a problem
    "NUL-01-top-list-null": Case("events:\nactors: ~\n", []),
    "NUL-02-optional-lists-null": Case(
        _actor("    aliases: ~\n    roles:\n    themes: null\n", "nul-02"), []
    ),
    "NUL-03-key-judgments-null": Case(
        _briefing("    key_judgments: ~\n    sections: [{heading: H, points: [P]}]\n", "nul-03"),
        [],
    ),
    "NUL-04-sections-null": Case(
        _briefing("    sections: ~\n", "nul-04"),
        [(6, 15, "sections is required and must not be empty")],
    ),
    "NUL-05-points-null": Case(
        _briefing("    sections: [{heading: H, points: }]\n", "nul-05"),
        [(6, None, "points is required and must not be empty")],
    ),
    "NUL-06-event-themes-null": Case(
        "events:\n  - {id: nul-06, date: 2006, title: T, themes: null}\n",
        [(2, 48, "themes is required and must not be empty")],
    ),
    # -- the top level (YML-20) and documents (YML-21)
    "YML-20-top-list": Case("- version: 1\n- themes: []\n", [(1, 1, "expected a mapping")]),
    "YML-20-top-text": Case('"just text"\n', [(1, 1, "expected a mapping, got text")]),
    "YML-20-top-number": Case("42\n", [(1, 1, "expected a mapping, got text '42'")]),
    "YML-20-empty": Case(b"", []),
    "YML-20-comments-only": Case("# nothing here\n\n   # still nothing\n", []),
    "YML-20-blank-lines": Case("\n\n   \n", []),
    "YML-20-empty-document": Case("---\n...\n", []),
    "YML-21-two-documents": Case(
        "version: 1\n---\nthemes: []\n", [(2, 1, "one YAML document; found another")]
    ),
    "YML-21-explicit-start-single": Case("---\nversion: 1\n", []),
    # -- characters and encodings (YML-22..30)
    "YML-22-tab-indent": Case(
        "themes:\n\t- {id: yml-22, title: T}\n", [(2, 1, "indent with spaces, not tabs")]
    ),
    "YML-22-tab-in-block": Case(
        "topic:\n  title: T\n\tsubtitle: S\n", [(3, 1, "indent with spaces, not tabs")]
    ),
    "YML-23-tab-before-comment": Case("version: 1\t# a comment\n", []),
    "YML-24-utf8-bom": Case(b"\xef\xbb\xbfthemes: [{id: yml-24, title: BOM}]\n", []),
    "YML-25-bom-mid-file": Case(
        b"version: 1\n\xef\xbb\xbfthemes: [{id: yml-25, title: T}]\n", [(2, None, "")]
    ),
    "YML-26-utf16-bom": Case("themes: [{id: yml-26, title: Sixteen}]\n".encode("utf-16"), []),
    "YML-27-latin1": Case(
        b"themes:\n  - {id: yml-27, title: caf\xe9 noir}\n", [(2, 28, "invalid UTF-8")]
    ),
    "YML-27-truncated-utf8": Case(
        b"themes:\n  - {id: yml-27b, title: \xe2\x82}\n", [(2, 26, "invalid UTF-8")]
    ),
    "YML-28-raw-escape": Case(
        b"themes:\n  - {id: yml-28, title: a\x1bb}\n", [(2, 26, "control character U+001B")]
    ),
    "YML-28-nul-byte": Case(b"themes:\n  - {id: yml-28b, title: a\x00b}\n", [(2, 27, "NUL byte")]),
    "YML-28-del": Case(
        b"themes:\n  - {id: yml-28c, title: a\x7fb}\n", [(2, 27, "control character U+007F")]
    ),
    # Byte 10 (LF) and byte 13 (CR) each end a line, as YAML counts them.
    "YML-28-binary-file": Case(bytes(range(256)) * 8, [(3, 115, "invalid UTF-8")]),
    "YML-28-png-named-yaml": Case(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), [(1, 1, "invalid UTF-8")]
    ),
    "YML-29-nel-and-line-separator": Case(
        "themes:\n  - {id: yml-29, title: a\x85b}\n  - {id: yml-29b, title: c\u2028d}\n", []
    ),
    "YML-30-lone-surrogate-escape": Case(
        'themes:\n  - {id: yml-30, title: "a\\ud800b"}\n', [(2, None, "")]
    ),
    "YML-30-surrogate-pair-escape": Case(
        'themes:\n  - {id: yml-30b, title: "a\\ud83d\\ude00b"}\n', [(2, None, "")]
    ),
    # -- size and depth (YML-31..33)
    "YML-31-huge-file": Case(
        "topic:\n  title: Big\n  summary: " + "x" * (20 * 1024 * 1024) + "\n",
        [(0, 0, "file too large")],
    ),
    "YML-32-deep-flow-in-x-field": Case(
        "x-deep: " + nested(50_000) + "\n", [(1, None, "nesting too deep")]
    ),
    "YML-32-deep-flow-in-real-field": Case(
        "themes: " + nested(20_000, "{a: ", "}") + "\n", [(1, None, "nesting too deep")]
    ),
    "YML-32-deep-block": Case(
        "".join("  " * i + "-\n" for i in range(1500)), [(None, None, "nesting too deep")]
    ),
    "YML-33-deep-but-loadable-in-x-field": Case("x-deep: " + nested(200) + "\n", []),
    "YML-33-deep-in-real-field": Case(
        "countries:\n  - {code: YB, name: N, aliases: " + nested(200) + "}\n",
        [(2, 35, "aliases[0]: expected text, got a list")],
    ),
    # -- syntax (YML-34)
    "YML-34-unclosed-flow": Case(
        "themes:\n  - {id: yml-34, title: A\n  - {id: yml-34b, title: B}\n",
        [(3, 5, "invalid YAML")],
    ),
    "YML-34-unclosed-quote": Case(
        'themes:\n  - {id: yml-34c, title: "A}\n', [(None, None, "invalid YAML")]
    ),
}

BAD_CASES = [name for name, case in YAML_CASES.items() if case.expected]
GOOD_CASES = [name for name, case in YAML_CASES.items() if not case.expected]


def case_bytes(name: str, marker: Path) -> bytes:
    content = YAML_CASES[name].content
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    return data.replace(MARKER.encode(), str(marker).encode())


def case_file(name: str) -> str:
    return name.lower() + ".yaml"


def matches(problem: Problem | Reported, line: int | None, column: int | None, words: str) -> bool:
    return (
        (line is None or problem.line == line)
        and (column is None or problem.column == column)
        and words in problem.message
    )


def check_expected(problems: list[Problem] | list[Reported], expected: Expected) -> None:
    """Each expected problem matches one reported problem, and nothing else is reported."""
    assert len(problems) == len(expected), problems
    left = list(problems)
    for line, column, words in expected:
        hit = next((p for p in left if matches(p, line, column, words)), None)
        assert hit is not None, f"no problem at {line}:{column} with {words!r} in {left}"
        left.remove(hit)
    for p in problems:
        if "file too large" not in p.message:
            assert p.line >= 1 and p.column >= 1, p


@pytest.mark.parametrize("loader", LOADERS)
@pytest.mark.parametrize("name", list(YAML_CASES))
def test_yaml_case_in_process(
    name: str, loader: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_loader(monkeypatch, loader)
    marker = tmp_path / "marker"
    root = corpus_with(tmp_path / "c", {case_file(name): case_bytes(name, marker)})
    expected = YAML_CASES[name].expected
    if not expected:
        load_corpus([str(root)], use_cache=False)
    else:
        with pytest.raises(InvalidCorpus) as caught:
            load_corpus([str(root)], use_cache=False)
        shown = str(root / case_file(name))
        assert {p.path for p in caught.value.problems} == {shown}
        check_expected(caught.value.problems, expected)
    assert not marker.exists(), "data ran code"


@pytest.mark.slow
@pytest.mark.parametrize("loader", LOADERS)
def test_yaml_cases_through_the_command_line(loader: str, tmp_path: Path) -> None:
    """Every case above in one corpus, one process per loader: each bad file named where
    the in-process test expects, no good file named, all within the time and memory limits."""
    marker = tmp_path / "marker"
    root = corpus_with(
        tmp_path / "c", {case_file(name): case_bytes(name, marker) for name in YAML_CASES}
    )
    proc = run("--no-cache", "-b", str(root), "timeline", "-f", "json", pure=loader == "pure")
    problems = reported_problems(proc)
    for name in BAD_CASES:
        mine = [p for p in problems if p.path == str(root / case_file(name))]
        check_expected(mine, YAML_CASES[name].expected)
    named = {p.path for p in problems}
    for name in GOOD_CASES:
        assert str(root / case_file(name)) not in named
    assert not marker.exists(), "data ran code"


def test_the_two_loaders_are_really_different(monkeypatch: pytest.MonkeyPatch) -> None:
    """The loader matrix means something: libyaml when PyYAML has it, else pure Python."""
    if not yaml.__with_libyaml__:
        pytest.skip("PyYAML was built without libyaml")
    assert load._composer_classes()[0].__name__ == "CComposer"
    monkeypatch.setenv("VRMC_PURE_YAML", "1")
    assert load._composer_classes()[0].__name__ == "PyComposer"


# --------------------------------------------------------------------------- bombs, size


@pytest.mark.parametrize("loader", LOADERS)
def test_yml04_bomb_in_extension_fields_is_never_expanded(loader: str, tmp_path: Path) -> None:
    # 16 levels: expanding it would make 9**16 strings; walking it at all would not finish.
    x_fields = bomb(16) + "x-self: &me {self: *me}\n"
    x_fields += f'x-run: !!python/object/apply:os.system ["touch {tmp_path / "marker"}"]\n'
    root = corpus_with(tmp_path / "c", {"bomb.yaml": x_fields})
    proc = run("--no-cache", "-b", str(root), "report", "-f", "json", pure=loader == "pure")
    assert proc.returncode == 0, proc.err
    assert json.loads(proc.stdout)["topic"]["title"] == "Base"
    assert not (tmp_path / "marker").exists()


@pytest.mark.parametrize("loader", LOADERS)
@pytest.mark.parametrize(
    "real_field",
    [
        pytest.param("events: *LAST", id="as-entries"),
        pytest.param("themes:\n  - {id: b, title: T, description: *LAST}", id="as-text"),
        pytest.param(
            "scenarios:\n  - {id: s, title: T, summary: S, drivers: [*LAST, *LAST]}",
            id="as-text-list",
        ),
    ],
)
def test_yml04_bomb_in_a_real_field_is_rejected_without_expanding(
    real_field: str, loader: str, tmp_path: Path
) -> None:
    root = corpus_with(tmp_path / "c", {"bomb.yaml": bomb(16, real_field)})
    proc = run("--no-cache", "-b", str(root), "report", "-f", "json", pure=loader == "pure")
    problems = reported_problems(proc)
    assert {p.path for p in problems} == {str(root / "bomb.yaml")}
    assert len(problems) < 20  # one per alias written, not one per expanded node


@pytest.mark.slow
@pytest.mark.parametrize(
    "content",
    [
        pytest.param("x-list:\n" + "- a\n" * 4_000_000, id="block-list"),
        pytest.param("x-list: [" + "a," * 8_000_000 + "a]\n", id="flow-list"),
        pytest.param("x-list: [" + "!x a," * 3_000_000 + "a]\n", id="tagged-flow-list"),
    ],
)
def test_yml31_millions_of_tiny_nodes_under_the_size_limit(content: str, tmp_path: Path) -> None:
    """16 MiB of one-character items would be millions of nodes and several GB of memory.

    libyaml only: the pure-Python parser needs about 35 s for the million nodes allowed.
    """
    assert len(content) <= files_module.MAX_FILE_BYTES
    root = corpus_with(tmp_path / "c", {"many.yaml": content})
    problems = reported_problems(run("--no-cache", "-b", str(root), "validate"))
    assert [(Path(p.path).name, p.line, p.message) for p in problems] == [
        ("many.yaml", 0, "too many YAML nodes (more than 1,000,000); split the file")
    ]


def test_yml31_exclamation_marks_outside_tags_are_not_nodes(tmp_path: Path) -> None:
    """The node limit counts tags by where a tag can start, not every `!` in the text."""
    noise = "# " + "!" * 1_100_000 + "\n"
    root = corpus_with(tmp_path / "c", {"bang.yaml": noise + "themes: [{id: b, title: Bang!}]\n"})
    proc = run("--no-cache", "-b", str(root), "themes", "-f", "csv")
    assert proc.returncode == 0, proc.err
    assert b'"b","Bang!"' in proc.stdout


@pytest.mark.slow
def test_yml31_a_large_but_allowed_text_field_loads(tmp_path: Path) -> None:
    """12 MiB of text in one field: under the 16 MiB limit, parsed by libyaml in time."""
    big = "x" * (12 * 1024 * 1024)
    root = corpus_with(
        tmp_path / "c", {"big.yaml": f"x-notes: {big}\nthemes: [{{id: b, title: B}}]\n"}
    )
    proc = run("--no-cache", "-b", str(root), "themes", "-f", "json")
    assert proc.returncode == 0, proc.err
    assert [t["id"] for t in json.loads(proc.stdout)["themes"]] == ["arms-sales", "diplomacy", "b"]


@pytest.fixture(scope="module")
def many_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """10,000 small topic files (one event each) and a themes file."""
    root = tmp_path_factory.mktemp("many")
    (root / "themes.yaml").write_text("themes: [{id: t, title: T}]\n", encoding="utf-8")
    for i in range(10_000):
        (root / f"e{i:05d}.yaml").write_text(
            f"events:\n  - id: e{i}\n    date: 2006-01-{i % 28 + 1:02d}\n"
            f"    title: Event {i}\n    themes: [t]\n",
            encoding="utf-8",
        )
    return root


@pytest.mark.slow
@pytest.mark.parametrize("cache", ["--no-cache", "cache"])
def test_perf08_ten_thousand_small_files(many_files: Path, cache: str) -> None:
    """Every one of 10,000 files is read, with and without the cache. How fast is measured
    side by side with a plain YAML loop by benchmarks/run.py (scale-10000x1-cold/-warm),
    not here: a shared machine makes a wall-clock limit in a test flaky."""
    args = ["-b", str(many_files), "timeline", "-f", "json"]
    proc = run(*([cache] if cache == "--no-cache" else []), *args)
    assert proc.returncode == 0, proc.err
    events = json.loads(proc.stdout)["events"]
    assert len(events) == 10_000
    assert {e["id"] for e in events} == {f"e{i}" for i in range(10_000)}


# --------------------------------------------------------------------------- YAML 1.1 surprises

NORWAY = """\
countries:
  - {code: NO, name: Norway, aliases: [yes, on, 'off', "n"], region: 1e3}
themes:
  - {id: t-yes, title: yes}
  - {id: t-sci, title: 1e3}
  - {id: t-octal, title: 012}
  - {id: t-time, title: 12:30}
  - {id: t-hex, title: 0x1F}
  - {id: t-inf, title: .inf}
  - {id: t-date, title: 2019-01-02}
  - {id: t-float, title: 1.10}
  - {id: t-null-word, title: Null Island}
  - {id: "012", title: quoted id}
events:
  - {id: e-on, date: 2006-07-17, title: on, display_date: 1e3, circa: yes, themes: [t-yes],
     countries: [NO]}
scenarios:
  - {id: s, title: S, summary: S, horizon: 2027, drivers: [NO, yes, 012]}
"""


@pytest.mark.parametrize("loader", LOADERS)
def test_yml09_yaml_11_words_and_numbers_stay_the_text_written(
    loader: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_loader(monkeypatch, loader)
    root = write_corpus(tmp_path / "c", {"t.yaml": NORWAY})
    b = ("-b", str(root), "--no-cache")
    country = json.loads(invoke(*b, "countries", "-f", "json").stdout)["countries"][0]
    assert (country["code"], country["name"], country["region"]) == ("NO", "Norway", "1e3")
    assert country["aliases"] == ["yes", "on", "off", "n"]
    titles = [t["title"] for t in json.loads(invoke(*b, "themes", "-f", "json").stdout)["themes"]]
    assert titles == [
        "yes", "1e3", "012", "12:30", "0x1F", ".inf", "2019-01-02", "1.10", "Null Island",
        "quoted id",
    ]  # fmt: skip
    event = json.loads(invoke(*b, "timeline", "-c", "norway", "-f", "json").stdout)["events"][0]
    assert (event["date"], event["title"], event["display_date"], event["circa"]) == (
        "2006-07-17",
        "on",
        "1e3",
        True,
    )
    scenario = json.loads(invoke(*b, "scenarios", "-f", "json").stdout)["scenarios"][0]
    assert (scenario["horizon"], scenario["drivers"]) == ("2027", ["NO", "yes", "012"])


# --------------------------------------------------------------------------- file system


def test_path08_symlink_loop_inside_the_corpus(tmp_path: Path) -> None:
    root = corpus_with(tmp_path / "c", {})
    (root / "loop.yaml").symlink_to("loop.yaml")
    (root / "ping.yaml").symlink_to("pong.yaml")
    (root / "pong.yaml").symlink_to("ping.yaml")
    problems = reported_problems(run("-b", str(root), "timeline"))
    assert {(Path(p.path).name, p.line, p.message) for p in problems} == {
        (name, 0, "cannot read: too many levels of symbolic links")
        for name in ("loop.yaml", "ping.yaml", "pong.yaml")
    }


def test_path09_folder_links_back_up_are_walked_once(tmp_path: Path) -> None:
    root = corpus_with(tmp_path / "c", {"sub/deeper/e.yaml": "version: 1\n"})
    (root / "sub" / "up").symlink_to("..")
    (root / "sub" / "deeper" / "top").symlink_to("../..")
    (root / "sub" / "self").symlink_to(".")
    proc = run("-b", str(root), "validate", "-f", "json")
    assert proc.returncode == 0, proc.err
    assert json.loads(proc.stdout)["counts"]["files"] == 2


def test_path07_links_that_leave_the_corpus_are_not_read(tmp_path: Path) -> None:
    outside = write_corpus(
        tmp_path / "outside",
        {"secret.yaml": "themes: [{id: secret, title: TOP-SECRET-TITLE}]\n", "dir/s.yaml": ""},
    )
    root = corpus_with(tmp_path / "c", {})
    (root / "evil.yaml").symlink_to(outside / "secret.yaml")
    (root / "passwd.yaml").symlink_to("/etc/passwd")
    (root / "zero.yaml").symlink_to("/dev/zero")
    (root / "away").symlink_to(outside / "dir")
    proc = run("-b", str(root), "themes")
    problems = reported_problems(proc)
    assert {(Path(p.path).name, p.message) for p in problems} == {
        (name, "links outside the corpus folder; not read")
        for name in ("evil.yaml", "passwd.yaml", "zero.yaml", "away")
    }
    assert b"TOP-SECRET" not in proc.stderr and b"root:" not in proc.stderr


def test_links_inside_the_corpus_are_read_once(tmp_path: Path) -> None:
    root = corpus_with(tmp_path / "c", {})
    (root / "again.yaml").symlink_to("base.yaml")
    (root / "mirror").symlink_to(".")
    proc = run("-b", str(root), "validate", "-f", "json")
    assert proc.returncode == 0, proc.err  # no "duplicate id" from reading base.yaml twice
    assert json.loads(proc.stdout)["counts"]["files"] == 1


def test_path10_path11_fifo_and_device_do_not_hang(tmp_path: Path) -> None:
    root = corpus_with(tmp_path / "c", {})
    os.mkfifo(root / "fifo.yaml")
    names = {"fifo.yaml"}
    try:
        os.mknod(root / "zero.yaml", stat.S_IFCHR | 0o600, os.makedev(1, 5))
        names.add("zero.yaml")
    except (PermissionError, OSError):
        pass  # creating a device needs privileges this run may not have
    proc = run("-b", str(root), "timeline")
    problems = reported_problems(proc)
    assert {(Path(p.path).name, p.message) for p in problems} == {
        (name, "not a regular file; not read") for name in names
    }


def test_path12_folder_named_like_a_topic_file_is_walked(tmp_path: Path) -> None:
    root = corpus_with(
        tmp_path / "c", {"d.yaml/inner.yaml": "themes: [{id: inner, title: Inner}]\n"}
    )
    (root / "empty.yml").mkdir()
    proc = run("-b", str(root), "themes", "-f", "json")
    assert proc.returncode == 0, proc.err
    assert "inner" in [t["id"] for t in json.loads(proc.stdout)["themes"]]


def _deny(monkeypatch: pytest.MonkeyPatch, name: str, target: str) -> Callable[..., object]:
    real = getattr(os, name)

    def fake(path: object, *args: object, **kwargs: object) -> object:
        if os.fspath(path).endswith(target):  # type: ignore[arg-type]
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), path)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, name, fake)
    return real


def test_path13_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = corpus_with(tmp_path / "c", {"secret.yaml": "version: 1\n"})
    _deny(monkeypatch, "open", "secret.yaml")
    result = invoke("--no-cache", "-b", str(root), "timeline")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.splitlines() == [
        f"{root / 'secret.yaml'}: cannot read: permission denied",
        "vrmc: error: invalid corpus: 1 problem in 1 file",
    ]


def test_path14_unreadable_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = corpus_with(tmp_path / "c", {"private/x.yaml": "version: 1\n"})
    _deny(monkeypatch, "scandir", "private")
    result = invoke("--no-cache", "-b", str(root), "timeline")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.splitlines() == [
        f"{root / 'private'}: cannot read folder: permission denied",
        "vrmc: error: invalid corpus: 1 problem in 1 file",
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root bypasses permission bits")
@pytest.mark.parametrize("what", ["file", "folder"])
def test_path13_path14_real_permissions(what: str, tmp_path: Path) -> None:
    root = corpus_with(tmp_path / "c", {"private/x.yaml": "version: 1\n"})
    locked = root / "private" if what == "folder" else root / "private" / "x.yaml"
    locked.chmod(0)
    try:
        problems = reported_problems(run("--no-cache", "-b", str(root), "timeline"))
    finally:
        locked.chmod(0o700)
    assert [(p.path, p.line) for p in problems] == [(str(locked), 0)]
    assert "permission denied" in problems[0].message


def test_path17_file_vanishing_between_listing_and_reading(tmp_path: Path) -> None:
    from vrmc_cli.corpus.link import link

    root = corpus_with(tmp_path / "c", {"gone.yaml": "version: 1\n"})
    files, problems = files_module.discover([str(root)])
    (root / "gone.yaml").unlink()
    with pytest.raises(InvalidCorpus) as caught:
        link(list(load.parse_all(files)), problems)
    assert [str(p) for p in caught.value.problems] == [
        f"{root / 'gone.yaml'}: cannot read: no such file or directory"
    ]


@pytest.mark.parametrize(
    ("make", "words"),
    [
        pytest.param(lambda p: p.write_text("version: 1\n"), "not a folder", id="PATH-15-file"),
        pytest.param(lambda p: None, "no such file or directory", id="PATH-15-missing"),
        pytest.param(
            lambda p: p.symlink_to(p),
            "too many levels of symbolic links",
            id="PATH-15-loop",
        ),
    ],
)
def test_path15_unusable_corpus_path(
    make: Callable[[Path], object], words: str, tmp_path: Path
) -> None:
    path = tmp_path / "corpus.yaml"
    make(path)
    for args, env in [(["-b", str(path)], {}), ([], {"VRMC_BRIEFINGS": str(path)})]:
        proc = run(*args, "timeline", env=env)
        assert proc.returncode == 1 and proc.stdout == b""
        assert proc.err == f"vrmc: error: cannot use corpus '{path}': {words}\n"


def test_esc13_hostile_file_names_are_shown_escaped(tmp_path: Path) -> None:
    root = corpus_with(
        tmp_path / "c",
        {
            "x\x1b]0;PWN\x07.yaml": "themes: [\n",
            "line\nfake.yaml": "version: 2\n",
            "rtl\u202egnp.yaml": "version: 2\n",
        },
    )
    problems = reported_problems(run("-b", str(root), "timeline"))
    no_raw_controls("\n".join(p.path for p in problems))
    assert {Path(p.path).name for p in problems} == {
        "x\\x1b]0;PWN\\x07.yaml",
        "line\\nfake.yaml",
        "rtl\\u202egnp.yaml",
    }


# --------------------------------------------------------------------------- command line

HUGE = "x" * 100_000
ESCAPES = "\x1b]0;PWN\x07\x1b[2J\u202e\u009b"


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(("brief", "../../etc/passwd"), id="PATH-01-traversal"),
        pytest.param(("brief", "/etc/passwd"), id="PATH-02-absolute"),
        pytest.param(("actor", "../../etc/passwd"), id="PATH-01-actor"),
        pytest.param(("brief", ".."), id="PATH-03-dots"),
        pytest.param(("brief", ""), id="PATH-03-empty"),
        pytest.param(("brief", " "), id="PATH-03-space"),
        pytest.param(("brief", HUGE), id="PATH-05-huge-id"),
        pytest.param(("brief", ESCAPES), id="ESC-14-escapes-in-id"),
        pytest.param(("actor", "[red]x[/red]"), id="MK-11-markup-in-id"),
        pytest.param(("brief", os.fsdecode(b"\xff\xfe")), id="bytes-not-utf8"),
        pytest.param(("timeline", "--country", HUGE), id="huge-country"),
        pytest.param(("timeline", "--theme", HUGE), id="huge-theme"),
        pytest.param(("timeline", "--actor", HUGE), id="huge-actor"),
        pytest.param(("timeline", "--since", "9" * 100_000), id="huge-date"),
        pytest.param(("timeline", "--country", ESCAPES), id="escapes-country"),
        pytest.param(("timeline", "--theme", "[red]x[/red]"), id="markup-theme"),
        pytest.param(("timeline", "--actor", "[/]"), id="markup-close-actor"),
        pytest.param(("timeline", "--since", ESCAPES), id="escapes-date"),
        pytest.param(("timeline", "--country", ""), id="empty-country"),
        pytest.param(("timeline", "--theme", ""), id="empty-theme"),
        pytest.param(("timeline", "--actor", ""), id="empty-actor"),
        pytest.param(("timeline", "--since", ""), id="empty-since"),
        pytest.param(("timeline", "--until", ""), id="empty-until"),
        pytest.param(("timeline", "--since", "2019-02-30"), id="impossible-since"),
        pytest.param(("timeline", "--since", "2020", "--until", "2019"), id="until-before-since"),
        pytest.param(("transfers", "--category", ""), id="empty-category"),
        pytest.param(("transfers", "--category", ESCAPES), id="escapes-category"),
        pytest.param(("timeline", "--format", ESCAPES), id="TYP-06-escapes-format"),
        pytest.param((ESCAPES,), id="TYP-05-escapes-command"),
        pytest.param(("[red]x[/red]",), id="TYP-05-markup-command"),
        pytest.param(("timeline", "--limit", "-1"), id="TYP-06-negative-limit"),
        pytest.param(("timeline", "--bogus"), id="TYP-04-unknown-option"),
    ],
)
def test_bad_command_line_values_are_usage_errors(args: tuple[str, ...]) -> None:
    """In-process (Typer's runner): the same parsing and messages, much faster."""
    result = invoke("-b", str(FIXTURE), *args)
    assert result.exit_code == 2, result.stderr
    assert result.stdout == ""
    check_usage_error(result.stderr, args)


def check_usage_error(err: str, args: tuple[str, ...]) -> None:
    no_raw_controls(err)
    assert len(err) < 5000, "the value is echoed shortened"
    first = err.splitlines()[0]
    assert first.startswith(("vrmc: error: ", "Usage: vrmc")), first
    if "[red]x[/red]" in args:
        assert "[red]x[/red]" in err


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(("brief", "../../etc/passwd"), id="PATH-01-traversal"),
        pytest.param(("brief", ESCAPES), id="ESC-14-escapes-in-id"),
        pytest.param(("timeline", "--country", HUGE), id="huge-country"),
        pytest.param(("brief", os.fsdecode(b"\xff\xfe")), id="bytes-not-utf8"),
        pytest.param((ESCAPES,), id="TYP-05-escapes-command"),
    ],
)
def test_bad_command_line_values_through_the_real_entry_point(args: tuple[str, ...]) -> None:
    proc = run("-b", str(FIXTURE), *args)
    assert proc.returncode == 2, proc.err
    assert proc.stdout == b""
    check_usage_error(proc.err, args)


def test_path04_nul_in_an_id_is_a_usage_error() -> None:
    # The operating system cannot pass a NUL in an argument; Typer's runner can.
    for args in (("brief", "a\x00b"), ("actor", "a\x00b"), ("timeline", "-c", "\x00")):
        result = invoke("-b", str(FIXTURE), *args)
        assert result.exit_code == 2 and result.stdout == ""
        assert "\x00" not in result.stderr


@pytest.mark.parametrize("text", [ESCAPES, HUGE, "[bold]x[/bold]"])
def test_search_for_odd_text_finds_nothing_quietly(text: str) -> None:
    proc = run("-b", str(FIXTURE), "search", text)
    assert proc.returncode == 0, proc.err
    no_raw_controls(proc.stdout.decode())
    no_raw_controls(proc.err)
    assert proc.err.startswith("vrmc: note: nothing matches")


@pytest.mark.parametrize("text", ["", " ", "\t"])
def test_search_for_no_words_is_a_usage_error(text: str) -> None:
    proc = run("-b", str(FIXTURE), "search", text)
    assert proc.returncode == 2 and proc.stdout == b""
    assert proc.err == "vrmc: error: search: give at least one word to find\n"


# --------------------------------------------------------------------------- output streams


@pytest.fixture(scope="module")
def long_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One file of 1,800 events: every format's output is larger than a pipe's buffer."""
    root = tmp_path_factory.mktemp("long")
    lines = ["themes: [{id: t, title: T}]", "events:"]
    for i in range(1800):
        lines.append(
            f"  - {{id: e{i}, date: 2006-01-{i % 28 + 1:02d}, title: Event {i} happened,"
            " themes: [t]}"
        )
    (root / "events.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def _popen(
    *args: str, env: dict[str, str] | None = None, **kwargs: object
) -> subprocess.Popen[bytes]:
    return subprocess.Popen(  # type: ignore[call-overload,no-any-return]
        [sys.executable, "-m", "vrmc_cli", *args],
        env=_clean_env(env),
        stdin=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        **kwargs,
    )


@pytest.mark.parametrize(
    ("fmt", "unbuffered"),
    [
        *((fmt, "1") for fmt in ("text", "json", "csv", "markdown", "rich", "html")),
        ("text", ""),
        ("json", ""),
    ],
)
def test_out01_out03_reader_quits_early(fmt: str, unbuffered: str, long_corpus: Path) -> None:
    """`vrmc timeline | head -1`: one line arrives, then a quiet exit 1 (EPIPE).

    PYTHONUNBUFFERED=1 makes stdout a raw file, whose writes can be partial.
    """
    proc = _popen(
        "-b", str(long_corpus), "timeline", "--limit", "1800", "-f", fmt,
        env={"PYTHONUNBUFFERED": unbuffered},
        stdout=subprocess.PIPE,
    )  # fmt: skip
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=TIME_LIMIT) == 1
    assert first.strip()
    assert err == b"", err.decode()


def test_out02_reader_gone_before_any_output() -> None:
    proc = _popen("-b", str(FIXTURE), "report", stdout=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=TIME_LIMIT) in (0, 1)  # 0 if the report fit in the pipe
    assert err == b"", err.decode()


FULL = "vrmc: error: cannot write output: No space left on device\n"


@pytest.mark.parametrize(
    ("args", "unbuffered"),
    [
        pytest.param(("timeline",), "1", id="text"),
        pytest.param(("timeline",), "", id="text-buffered"),
        pytest.param(("report", "-f", "json"), "1", id="json"),
        pytest.param(("validate",), "1", id="validate"),
        pytest.param(("--help",), "1", id="help"),
        pytest.param(("--help",), "", id="help-buffered"),
        pytest.param(("--version",), "1", id="version-fast-path"),
        pytest.param(("--no-cache", "--version"), "1", id="version-option"),
        pytest.param(("--no-cache", "--version"), "", id="version-option-buffered"),
    ],
)
def test_out04_stdout_on_a_full_disk(args: tuple[str, ...], unbuffered: str) -> None:
    with open("/dev/full", "wb") as full:
        proc = _popen("-b", str(FIXTURE), *args, env={"PYTHONUNBUFFERED": unbuffered}, stdout=full)
        assert proc.stderr is not None
        err = proc.stderr.read().decode()
        assert proc.wait(timeout=TIME_LIMIT) == 74, err
    assert err == FULL


@pytest.mark.parametrize("args", [("timeline",), ("--version",), ("-b", "x", "--version")])
def test_out05_stdout_closed(args: tuple[str, ...]) -> None:
    proc = _popen(
        "-b", str(FIXTURE), *args,
        stdout=subprocess.DEVNULL,
        preexec_fn=lambda: os.close(1),
    )  # fmt: skip
    assert proc.stderr is not None
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=TIME_LIMIT) == 1
    assert err == "vrmc: error: cannot write output: standard output is closed\n"


@pytest.mark.parametrize(
    ("args", "status", "prints"),
    [
        pytest.param(("timeline",), 0, True, id="output"),
        pytest.param(("timeline", "--since", "2100", "-f", "csv"), 0, True, id="note-on-stderr"),
        pytest.param(("brief", "nope"), 2, False, id="usage-error"),
        pytest.param(("brief", "-f", "pdf"), 2, False, id="typer-usage-error"),
        pytest.param(("validate",), 0, True, id="typer-path"),
    ],
)
def test_out05_stderr_closed(args: tuple[str, ...], status: int, prints: bool) -> None:
    """Messages go nowhere, but the run ends as it would with stderr open."""
    proc = subprocess.run(
        [sys.executable, "-m", "vrmc_cli", "-b", str(FIXTURE), *args],
        env=_clean_env(None),
        stdin=subprocess.DEVNULL,
        capture_output=False,
        stdout=subprocess.PIPE,
        preexec_fn=lambda: os.close(2),
        timeout=TIME_LIMIT,
        check=False,
    )
    assert proc.returncode == status
    assert (proc.stdout != b"") == prints


@pytest.mark.slow
def test_out06_ctrl_c_during_a_long_load(many_files: Path) -> None:
    proc = _popen(
        "--no-cache", "-b", str(many_files), "timeline", "-f", "json",
        env={"VRMC_PURE_YAML": "1"},
        stdout=subprocess.PIPE,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )  # fmt: skip
    time.sleep(1.0)
    assert proc.poll() is None, "the load ended before the interrupt: make the corpus larger"
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=TIME_LIMIT)
    assert proc.returncode == 130
    assert out == b""
    assert b"Traceback" not in err and b"KeyboardInterrupt" not in err


# --------------------------------------------------------------------------- the cache


def _reference(root: Path) -> str:
    result = invoke("--no-cache", "-b", str(root), "report", "-f", "json")
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _cached_run(root: Path, cache_home: Path) -> str:
    """In-process: the cache code is the same, and this is ten times faster."""
    result = invoke(
        "-b", str(root), "report", "-f", "json", env={"XDG_CACHE_HOME": str(cache_home)}
    )
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def test_cache_home_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "cache-file").write_text("not a folder")
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "vrmc").write_text("not a folder either")
    for home in (tmp_path / "cache-file", tmp_path / "home"):
        assert _cached_run(FIXTURE, home) == _reference(FIXTURE)


def test_cache_on_a_full_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Writing the cache fails half-way (ENOSPC): the result is the same and no temp file stays."""
    reference = invoke("--no-cache", "-b", str(FIXTURE), "report", "-f", "json").stdout
    real_fdopen = os.fdopen

    class FullDisk:
        """A file that takes 100 bytes, then reports a full disk."""

        def __init__(self, fd: int) -> None:
            self.file = real_fdopen(fd, "wb")

        def __enter__(self) -> FullDisk:
            return self

        def __exit__(self, *exc: object) -> None:
            self.file.close()

        def write(self, data: bytes) -> int:
            self.file.write(data[:100])
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(cache_module.os, "fdopen", lambda fd, *args, **kwargs: FullDisk(fd))
    for _ in range(2):
        result = invoke("-b", str(FIXTURE), "report", "-f", "json")
        assert result.exit_code == 0 and result.stderr == ""
        assert result.stdout == reference
    folder = Path(os.environ["XDG_CACHE_HOME"]) / "vrmc"
    assert list(folder.iterdir()) == []


def test_cache_file_size_limit_in_a_real_process(tmp_path: Path) -> None:
    """RLIMIT_FSIZE makes every write of the cache fail (EFBIG) in the child itself."""

    def limits() -> None:
        _child_limits()
        resource.setrlimit(resource.RLIMIT_FSIZE, (512, 512))

    done = subprocess.run(
        [sys.executable, "-m", "vrmc_cli", "-b", str(FIXTURE), "report", "-f", "json"],
        # No bytecode written under the 512-byte limit: a .pyc cut short in the shared
        # PYCACHE would break every later child ("marshal data too short").
        env=_clean_env({"XDG_CACHE_HOME": str(tmp_path), "PYTHONDONTWRITEBYTECODE": "1"}),
        capture_output=True,
        timeout=TIME_LIMIT,
        check=False,
        preexec_fn=limits,
    )
    assert done.returncode == 0 and done.stderr == b""
    assert done.stdout.decode() == _reference(FIXTURE)


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: data[: len(data) // 2], id="truncated"),
        pytest.param(lambda data: b"", id="empty"),
        pytest.param(lambda data: b"\x80\x05garbage" * 10, id="garbage"),
        pytest.param(lambda data: data.replace(b"Xanadu", b"Xanadx"), id="edited"),
    ],
)
def test_corrupt_cache_gives_the_same_result(
    damage: Callable[[bytes], bytes], tmp_path: Path
) -> None:
    root = tmp_path / "c"
    shutil.copytree(FIXTURE, root)
    reference = _reference(root)
    _cached_run(root, tmp_path / "home")
    (cache_file,) = (tmp_path / "home" / "vrmc").glob("*.pickle")
    cache_file.write_bytes(damage(cache_file.read_bytes()))
    assert _cached_run(root, tmp_path / "home") == reference
    assert _cached_run(root, tmp_path / "home") == reference  # and it was rewritten


def test_planted_pickle_runs_no_code(tmp_path: Path) -> None:
    marker = tmp_path / "marker"

    class Payload:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.system, (f"touch {marker}",))

    reference = _reference(FIXTURE)
    _cached_run(FIXTURE, tmp_path / "home")
    (cache_file,) = (tmp_path / "home" / "vrmc").glob("*.pickle")
    # With a valid checksum, so that the unpickler itself is what refuses it.
    payload = pickle.dumps((cache_module.FORMAT_TAG, Payload()))
    header = zlib.crc32(payload).to_bytes(4, "big") + len(payload).to_bytes(8, "big")
    cache_file.write_bytes(header + payload)
    assert _cached_run(FIXTURE, tmp_path / "home") == reference
    assert not marker.exists()


@pytest.mark.slow
def test_two_processes_build_the_cache_at_once(tmp_path: Path) -> None:
    files = {"themes.yaml": "themes: [{id: t, title: T}]\n"}
    for i in range(1500):
        files[f"e{i:04d}.yaml"] = f"events: [{{id: e{i}, date: 2006, title: E{i}, themes: [t]}}]\n"
    root = write_corpus(tmp_path / "c", files)
    reference = run("--no-cache", "-b", str(root), "timeline", "-f", "json").stdout
    env = {"XDG_CACHE_HOME": str(tmp_path / "home")}
    procs = [
        _popen("-b", str(root), "timeline", "-f", "json", env=env, stdout=subprocess.PIPE)
        for _ in range(2)
    ]
    results = [p.communicate(timeout=TIME_LIMIT) for p in procs]
    assert [p.returncode for p in procs] == [0, 0]
    assert [out for out, _ in results] == [reference, reference]
    assert [err for _, err in results] == [b"", b""]
    again = run("-b", str(root), "timeline", "-f", "json", env=env)
    assert again.stdout == reference
    assert not list((tmp_path / "home" / "vrmc").glob(".tmp-*")), "a temporary file was left"


# --------------------------------------------------------------------------- hostile text

PAYLOAD = (
    "[bold]B[/bold] [/] [link=https://evil.example]good[/link] [red on white blink]ALERT[/] "
    ":warning: :thumbs_up: items[0] [a, b] [WIP] **x** _y_ `z` <script>alert(1)</script> "
    "<img src=x onerror=alert(1)> [a](javascript:alert(1)) | pipe | "
    "A\x1b]0;PWN\x07B \x1b[2J\x1b[H C\u202etxt.exe D\u009b2J E\u200bF "
    "G\U000e0069\U000e0067H\u3164I\u206aJ "
    "\x1b]8;;https://evil\x1b\\link\x1b]8;;\x1b\\"
    " K\ufffeL\uffffM\ufdd0N\U0001fffeO\U0010ffffP"  # noncharacters (NONCHAR)
)
# Each text field starts with one of these, so every output meets each kind of line start.
LEADS = ('=HYPERLINK("http://evil.example","x")', "+cmd", "@SUM(A1)", "-1+1", "# heading", "\tTAB")
TEXTS = [f"{lead} {PAYLOAD}" for lead in LEADS]
# Pieces of the payload that must come out as the literal text they are.
LITERALS = (
    "[bold]B[/bold]",
    "[/]",
    "[link=https://evil.example]good[/link]",
    ":warning:",
    "[WIP]",
    "**x**",
    "<script>alert(1)</script>",
    "[a](javascript:alert(1))",
    "| pipe |",
)


def yaml_quoted(text: str) -> str:
    """A YAML double-quoted scalar, control characters written as escapes (`\\e`, `\\a`...)."""
    special = {'"': '\\"', "\\": "\\\\", "\x1b": "\\e", "\x07": "\\a", "\t": "\\t"}
    out = []
    for ch in text:
        if ch in special:
            out.append(special[ch])
        elif ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F:
            out.append(f"\\x{ord(ch):02x}")
        elif ord(ch) > 0xFFFF:
            out.append(f"\\U{ord(ch):08x}")
        elif ch in "\u200b\u202e\u3164\u206a\ufffe\uffff\ufdd0":
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def hostile_yaml() -> str:
    q = [yaml_quoted(t) for t in TEXTS]
    return f"""\
version: 1
topic:
  title: {q[0]}
  subtitle: {q[1]}
  summary: {q[2]}
  as_of: 2020-01
themes:
  - {{id: hostile, title: {q[3]}, description: {q[4]}}}
  - {{id: child, title: {q[5]}, parent: hostile}}
countries:
  - {{code: XA, name: {q[0]}, aliases: [{q[1]}], region: {q[2]}}}
  - {{code: YL, name: Yland, aliases: [{q[3]}]}}
sources:
  - {{id: src, title: {q[4]}, publisher: {q[5]}, url: "javascript:alert(1)", kind: {q[0]},
     reliability: B, published: 2019}}
  - {{id: src2, title: {q[1]}, url: "https://good.example/a?b=<script>"}}
actors:
  - id: hostile-actor
    name: {q[2]}
    kind: person
    country: XA
    aliases: [{q[3]}]
    roles: [{{title: {q[4]}, from: 2001, to: 2005}}]
    summary: {q[5]}
    stance: {q[0]}
    themes: [hostile]
    sources: [src]
  - {{id: other, name: Other, kind: state, country: YL}}
events:
  - id: ev1
    date: 2006-07
    title: {q[1]}
    summary: {q[2]}
    display_date: {q[3]}
    themes: [child]
    countries: [XA]
    actors: [hostile-actor]
    sources: [src, src2]
    confidence: high
  - {{id: ev2, date: 2007, circa: true, title: {q[4]}, themes: [hostile]}}
briefings:
  - id: hostile-b
    title: {q[5]}
    summary: {q[0]}
    themes: [hostile]
    key_judgments:
      - {{text: {q[1]}, likelihood: likely, confidence: low, basis: [ev1], sources: [src]}}
    sections:
      - heading: {q[2]}
        points:
          - {q[3]}
          - {{text: {q[4]}, actors: [hostile-actor], sources: [src2], confidence: moderate}}
    sources: [src]
relations:
  - {{from: hostile-actor, to: other, kind: ally, since: 2001, summary: {q[5]}, sources: [src]}}
transfers:
  - {{id: tr1, supplier: YL, recipient: XA, designation: {q[0]}, category: {q[1]},
     description: {q[2]}, ordered: 2006, quantity_ordered: 24, value_usd: 1e6,
     status: delivered, sources: [src], notes: {q[3]}}}
scenarios:
  - {{id: sc1, title: {q[4]}, summary: {q[5]}, likelihood: unlikely, horizon: {q[0]},
     drivers: [{q[1]}], indicators: [{q[2]}], themes: [hostile], countries: [XA]}}
"""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    (root / "hostile.yaml").write_text(hostile_yaml(), encoding="utf-8")
    return root


# The command lines of the matrix below: every command that renders (a command that writes a
# file of its own takes no --format), each as `vrmc NAME` unless it has lines here: the ones
# that need an argument and the ones seen more than one way. A new command enters by itself;
# one with a required argument fails test_every_command_is_in_the_hostile_matrix until it
# has its line. `{root}` is the hostile corpus, `{tmp}` a fresh folder.
LINES = {
    "brief-list": ("brief",),
    "brief": ("brief", "hostile-b"),
    "timeline": ("timeline",),
    "timeline-short": ("timeline", "--short"),
    "actor": ("actor", "hostile-actor"),
    "search": ("search", "script"),
    "report": ("report", "--cite"),
    "chart": ("chart", "events"),
    "diff": ("diff", "{root}", "{root}"),
    "init": ("init", "{tmp}/new"),
    "import": (
        "import",
        "timelinejs",
        str(FIXTURE.parent / "import" / "women_in_computing.csv"),
        "--into",
        "{tmp}/into",
    ),
}


def _matrix() -> dict[str, tuple[str, ...]]:
    given = {line[0] for line in LINES.values()}
    alone = {
        name: (name,)
        for name in names()
        if name not in given and FILE not in getattr(spec(name), "gives", ())
    }
    return {**alone, **LINES}


COMMANDS = _matrix()
# Every format the renderers declare, and rich once more in colour.
FORMATS = [*(f.value for f in Format), "rich-colour"]


def test_every_command_is_in_the_hostile_matrix() -> None:
    for name in names():
        declared = spec(name)
        assert declared is not None
        if FILE in declared.gives:
            continue
        lines = [line for line in COMMANDS.values() if line[0] == name]
        assert lines, name
        for line in lines:
            given = [a for a in line[1:] if not a.startswith("-")]
            required = [a for a in declared.arguments if a.required]
            assert len(given) >= len(required), f"give {name} its arguments in LINES"


def _flat(text: str) -> str:
    return " ".join(text.split())


class _HTMLText(html.parser.HTMLParser):
    """The text a browser would show, plus the tags and links it would act on."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.links.extend(v or "" for k, v in attrs if k in ("href", "src"))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def check_html(document: str) -> None:
    parser = _HTMLText()
    parser.feed(document)
    parser.close()
    assert not parser.tags & {"script", "img", "iframe", "object", "embed"}, parser.tags
    assert not [link for link in parser.links if not link.startswith(("https://", "#"))]
    shown = _flat("".join(parser.text))
    for literal in LITERALS:
        assert literal in shown, literal
    assert "\\x1b]0;PWN\\x07" in shown


def check_json(document: str) -> None:
    def fail(constant: str) -> None:
        pytest.fail(f"not strict JSON: {constant}")

    data = json.loads(document, parse_constant=fail)
    strings: list[str] = []
    stack: list[object] = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            assert all(isinstance(k, str) for k in item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, str):
            strings.append(item)
    hostile_strings = [s for s in strings if PAYLOAD in s or "[bold]" in s]
    assert hostile_strings, "the data did not reach the JSON"
    # Round trip: each text is exactly the one written in the corpus, or contains it whole
    # (a search hit's label for a relation is "A → B").
    for text in hostile_strings:
        assert text in TEXTS or any(t in text for t in TEXTS), text
    assert all(ord(c) < 128 for c in document), "JSON is ASCII: nothing raw survives"


def check_csv(document: str) -> None:
    rows = list(csv.reader(io.StringIO(document, newline="")))
    assert len(rows) >= 2
    assert all(len(row) == len(rows[0]) for row in rows)
    cells = [cell for row in rows[1:] for cell in row]
    for cell in cells:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    hostile_cells = [cell for cell in cells if PAYLOAD[:14] in cell]
    assert hostile_cells
    for cell in hostile_cells:  # every lead but "# heading" is a formula
        assert cell.startswith(("'", "# heading")), cell
    assert any(cell.startswith(("'=", "'+", "'-", "'@", "'\t")) for cell in cells)
    for literal in LITERALS:
        assert any(literal in cell for cell in cells), literal


def check_markdown(document: str) -> None:
    from markdown_it import MarkdownIt

    assert "\n# heading" not in document and "\n=HYPERLINK" not in document
    rendered = MarkdownIt("commonmark").enable("table").render(document)
    check_html(rendered)


# Listings whose hostile text sits in a table cell: plain text wraps it inside the column.
WRAPPED_IN_TEXT = frozenset(("brief-list", "themes", "countries", "sources"))


def check_output(fmt: str, name: str, out: str, carries: bool = True) -> None:
    """`out` is safe and well formed, and, when the command's data carries the hostile
    texts (`carries`), shows them as text."""
    no_raw_controls(out, allow_sgr=fmt == "rich-colour")
    if fmt == "rich-colour" and carries:  # a plain line ("ok: ...") has nothing to colour
        assert "\x1b[" in out, "FORCE_COLOR=1 gives colour"
    if fmt in ("csljson", "dot", "mermaid"):
        if fmt == "csljson":
            json.loads(out, parse_constant=pytest.fail)
        return  # their own escaping: tests/test_pictures.py, tests/test_reports.py
    if fmt == "graphml":
        ElementTree.fromstring(out)  # noqa: S314 - our own output
        return
    if not carries:
        if fmt == "json":
            json.loads(out, parse_constant=pytest.fail)
        return
    if fmt == "json":
        check_json(out)
    elif fmt == "csv":
        check_csv(out)
    elif fmt == "html":
        check_html(out)
    elif fmt == "markdown":
        check_markdown(out)
    elif fmt == "text" and name not in WRAPPED_IN_TEXT:
        assert _flat(visible_payload()) in _flat(out)
    else:  # tables wrap or fold long cells, so look for short literals only
        plain = re.sub("\x1b\\[[0-9;]*m", "", out)
        for literal in ("[bold]B[/bold]", "[/]", ":warning:", "[WIP]", "**x**", "\\x1b]0;PWN"):
            assert literal in plain, literal


def visible_payload() -> str:
    from vrmc_cli.core.textsafe import visible

    return visible(PAYLOAD)


_CARRIES: dict[str, bool] = {}


def carries_hostile_text(name: str, args: Sequence[str], hostile: Path) -> bool:
    """Whether the command's data (its JSON) holds any of the hostile texts."""
    if name not in _CARRIES:
        result = invoke("-b", str(hostile), *args, "-f", "json")
        _CARRIES[name] = result.exit_code == 0 and PAYLOAD[:14] in json.dumps(
            json.loads(result.stdout), ensure_ascii=False
        )
    return _CARRIES[name]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", list(COMMANDS))
def test_mk_esc_out_hostile_text_in_every_command_and_format(
    name: str, fmt: str, hostile: Path, tmp_path: Path
) -> None:
    env = {"FORCE_COLOR": "1"} if fmt == "rich-colour" else {}
    args = [a.format(root=hostile, tmp=tmp_path) for a in COMMANDS[name]]
    wanted = Format(fmt.removesuffix("-colour"))
    result = invoke("-b", str(hostile), *args, "-f", wanted.value, env=env)
    no_raw_controls(result.stderr)
    declared = spec(args[0])
    assert declared is not None
    if not serves(wanted, declared.gives):
        assert result.exit_code == 2 and result.stdout == "", result.stderr
        assert f"--format {wanted.value} is available for: " in result.stderr
        return
    assert result.exit_code == 0, result.stderr
    if args[0] == "init":  # a fresh folder each run: the data is its file list
        args[1] = str(tmp_path / "again")
    carries = carries_hostile_text(name, args, hostile)
    if declared_binary(wanted):  # docx: the text is the document's XML
        with zipfile.ZipFile(io.BytesIO(result.stdout_bytes)) as docx:
            xml = docx.read("word/document.xml").decode("utf-8")
        ElementTree.fromstring(xml)  # noqa: S314 - our own output
        no_raw_controls(xml)
        assert not carries or "[bold]B[/bold]" in xml
        return
    check_output(fmt, name, result.stdout, carries)


def declared_binary(fmt: Format) -> bool:
    from vrmc_cli.render import declared

    return declared(fmt).binary


@pytest.mark.parametrize(
    ("fmt", "env"),
    [
        ("json", {}),
        ("html", {}),
        ("rich", {"FORCE_COLOR": "1", "COLUMNS": "60"}),
        ("rich", {"TERM": "xterm-256color", "COLORTERM": "truecolor", "FORCE_COLOR": "1"}),
    ],
)
def test_hostile_report_through_the_real_entry_point(
    fmt: str, env: dict[str, str], hostile: Path
) -> None:
    proc = run("-b", str(hostile), "report", "--cite", "-f", fmt, env=env)
    assert proc.returncode == 0, proc.err
    out = proc.stdout.decode("utf-8")
    check_output("rich-colour" if "FORCE_COLOR" in env else fmt, "report", out)


def test_hostile_text_in_error_messages(tmp_path: Path) -> None:
    root = write_corpus(
        tmp_path / "c",
        {
            "bad.yaml": "themes:\n  - {id: "
            + yaml_quoted("A\x1b]0;PWN\x07[/]\u202e")
            + ", title: "
            + yaml_quoted(PAYLOAD)
            + ", colour: "
            + yaml_quoted(PAYLOAD)
            + "}\n"
            + yaml_quoted("key\x1b[2J")
            + ": 1\n"
        },
    )
    problems = reported_problems(run("-b", str(root), "themes"))
    no_raw_controls("\n".join(p.message for p in problems))
    assert len(problems) == 3
    assert any("'A\\x1b]0;PWN\\x07[/]\\u202e' is not a valid id" in p.message for p in problems)


# --------------------------------------------------------------------------- environments

ENVIRONMENTS = {
    "OUT-18-ascii-stdout": {"PYTHONIOENCODING": "ascii"},
    "OUT-20-c-locale-no-utf8-mode": {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"},
    "OUT-21-lang-c": {"LANG": "C", "LC_ALL": "C"},
    "OUT-14-columns-0": {"COLUMNS": "0"},
    "OUT-16-terminal-width-abc": {"TERMINAL_WIDTH": "abc"},
    "OUT-09-force-color-0": {"FORCE_COLOR": "0"},
    "OUT-08-force-color-1": {"FORCE_COLOR": "1"},
    "OUT-11-term-dumb": {"TERM": "dumb", "FORCE_COLOR": "1"},
    "OUT-10-no-color": {"NO_COLOR": "1", "FORCE_COLOR": "1"},
}
PLAIN_OUTPUTS = [
    ("report", "--cite", "-f", "text"),
    ("report", "--cite", "-f", "markdown"),
    ("report", "--cite", "-f", "json"),
    ("timeline", "-f", "csv"),
]


@pytest.fixture(scope="module")
def plain_outputs(hostile: Path) -> dict[tuple[str, ...], bytes]:
    out = {}
    for args in PLAIN_OUTPUTS:
        proc = run("-b", str(hostile), *args)
        assert proc.returncode == 0, proc.err
        out[args] = proc.stdout
    return out


@pytest.mark.slow
@pytest.mark.parametrize("name", list(ENVIRONMENTS))
def test_out_machine_formats_ignore_the_environment(
    name: str, hostile: Path, plain_outputs: dict[tuple[str, ...], bytes]
) -> None:
    env = ENVIRONMENTS[name]
    for args, expected in plain_outputs.items():
        proc = run("-b", str(hostile), *args, env=env)
        assert proc.returncode == 0, proc.err
        assert proc.stderr == b""
        assert proc.stdout == expected, f"{' '.join(args)} differs under {env}"
    rich = run("-b", str(hostile), "timeline", "-f", "rich", env=env).stdout.decode()
    no_raw_controls(rich, allow_sgr=True)
    assert "[bold]B[/bold]" in re.sub("\x1b\\[[0-9;]*m", "", rich)
    if env.get("FORCE_COLOR") == "1" and "NO_COLOR" not in env and "TERM" not in env:
        assert "\x1b[" in rich
    if env.get("FORCE_COLOR") != "1" or "NO_COLOR" in env or "TERM" in env:
        assert "\x1b" not in rich  # FORCE_COLOR=0 does not force colour
    helped = run("--help", env=env)
    assert helped.returncode == 0 and b"Usage: vrmc" in helped.stdout
    assert b"\x1b" not in helped.stdout
    if "TERMINAL_WIDTH" in env:  # Typer reads it for usage errors too
        usage = run("timeline", "--bogus", env=env)
        assert usage.returncode == 2 and b"No such option" in usage.stderr


def test_esc15_json_gives_back_every_text_exactly(hostile: Path) -> None:
    report = json.loads(invoke("-b", str(hostile), "report", "-f", "json").stdout)
    assert report["topic"] == {
        "title": TEXTS[0],
        "subtitle": TEXTS[1],
        "summary": TEXTS[2],
        "as_of": "2020-01",
    }
    briefing = report["briefings"][0]
    assert (briefing["title"], briefing["summary"]) == (TEXTS[5], TEXTS[0])
    assert briefing["key_judgments"][0]["text"] == TEXTS[1]
    assert briefing["sections"][0]["heading"] == TEXTS[2]
    assert [p["text"] for p in briefing["sections"][0]["points"]] == [TEXTS[3], TEXTS[4]]
    actor = report["actors"][0]
    assert (actor["name"], actor["aliases"], actor["stance"]) == (TEXTS[2], [TEXTS[3]], TEXTS[0])
    assert report["transfers"][0]["designation"] == TEXTS[0]
    assert report["scenarios"][0]["drivers"] == [TEXTS[1]]


def test_yml24_bom_is_not_part_of_the_first_key_or_value(tmp_path: Path) -> None:
    root = write_corpus(tmp_path / "c", {"t.yaml": b"\xef\xbb\xbfthemes: [{id: b, title: BOM}]\n"})
    themes = json.loads(invoke("-b", str(root), "themes", "-f", "json").stdout)["themes"]
    assert [(t["id"], t["title"]) for t in themes] == [("b", "BOM")]


def test_esc_hostile_text_on_a_real_terminal(hostile: Path) -> None:
    """On a pty the rich view is in colour: vrmc's SGR codes, and nothing from the data."""
    import pty
    import select

    master, slave = pty.openpty()
    env = _clean_env({"TERM": "xterm-256color", "COLUMNS": "100", "LINES": "40"})
    proc = subprocess.Popen(
        [sys.executable, "-m", "vrmc_cli", "-b", str(hostile), "report", "--no-pager"],
        stdin=subprocess.DEVNULL,
        stdout=slave,
        stderr=subprocess.PIPE,
        env=env,
    )
    os.close(slave)
    chunks = []
    deadline = time.monotonic() + TIME_LIMIT
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 1)
        if not ready:
            continue
        try:
            data = os.read(master, 65536)
        except OSError:  # the other end closed
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    assert proc.wait(timeout=TIME_LIMIT) == 0
    out = b"".join(chunks).decode("utf-8")
    assert "\x1b[" in out, "a terminal gets colour"
    no_raw_controls(out.replace("\r\n", "\n"), allow_sgr=True)
    assert "[bold]B[/bold]" in re.sub("\x1b\\[[0-9;]*m", "", out)


# --------------------------------------------------------------------------- URLs (ESC-20)

# A source URL that sets the clipboard (OSC 52), retitles the terminal and reverses the text.
EVIL_URL = "https://evil.example/\x1b]52;c;cHduZWQ=\x07\x1b]0;TITLE\x07\u202etxt.exe\u200bZ"
URL_COMMANDS = [("timeline",), ("sources",), ("report", "--cite"), ("search", "evil")]


def _url_corpus(root: Path) -> Path:
    source = "sources:\n  - {id: s, title: S, url: " + yaml_quoted(EVIL_URL) + "}\n"
    event = "events:\n  - {id: e, date: 2006, title: E, themes: [arms-sales], sources: [s]}\n"
    return corpus_with(root, {"url.yaml": source + event})


def test_esc20_url_with_controls_is_refused_where_it_is_written(tmp_path: Path) -> None:
    problems = reported_problems(run("-b", str(_url_corpus(tmp_path / "c")), "validate"))
    where = [(Path(p.path).name, p.line, p.column) for p in problems]
    assert where == [("url.yaml", 2, 28)]
    assert "control, invisible or direction-changing" in problems[0].message
    no_raw_controls(problems[0].message)


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json", "csv", "rich", "rich-colour"])
@pytest.mark.parametrize("args", URL_COMMANDS, ids=lambda a: a[0])
def test_esc20_url_with_controls_is_escaped_in_every_format(
    args: tuple[str, ...], fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Defence in depth: were the loader to let such a URL through, no format would send it
    raw or make a live link of it."""
    monkeypatch.setitem(load.SPECS["sources"], "url", load.FieldSpec(fields.TEXT.read))
    root = _url_corpus(tmp_path / "c")
    env = {"FORCE_COLOR": "1"} if fmt == "rich-colour" else {}
    fmt_name = fmt.removesuffix("-colour")
    result = invoke("-b", str(root), "--no-cache", *args, "-f", fmt_name, env=env)
    if fmt == "csv" and args[0] == "report":
        assert result.exit_code == 2
        return
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    no_raw_controls(out, allow_sgr=fmt == "rich-colour")
    if fmt == "json":
        # JSON carries the URL exactly, as \u escapes; the timeline lists no URL.
        carried = re.search(r'"url": ("[^"]*")', out)
        assert (carried is not None) == (args[0] in ("sources", "report"))
        assert carried is None or json.loads(carried[1]) == EVIL_URL
        return
    if fmt == "markdown":
        from markdown_it import MarkdownIt

        out = check_html_links(MarkdownIt("commonmark").render(out))
    elif fmt == "html":
        out = check_html_links(out)
    shown = re.sub("\x1b\\[[0-9;]*m", "", out).replace("\n", "").replace(" ", "")
    if args[0] == "report":
        assert "evil.example" in shown, "the bibliography shows the URL"
    if "evil.example" in shown:
        assert "\\x1b]52;c;cHduZWQ=\\x07" in shown


def check_html_links(document: str) -> str:
    """The text an HTML document shows, after checking it links nowhere evil."""
    parser = _HTMLText()
    parser.feed(document)
    parser.close()
    assert not [link for link in parser.links if "evil" in link], parser.links
    return "".join(parser.text)


# --------------------------------------------------------------------------- linear time (PERF-20)

# Texts that once made a view slow: each kind of run a layout engine walks (tabs, one word
# longer than any line, many lines, many markup characters, escapes, wide characters, words
# that all match a search). A 20,000-tab title took 134 s in the rich view, 0.06 s in text.
HUGE_TEXTS = {
    "tabs": "\t".join(f"w{i:03d}" for i in range(20_000)),
    "one-word": "w" * 40_000,
    "lines": "\n".join(f"w{i}" for i in range(8_000)),
    "markup": " ".join(f"*w{i}_[a]<b>|# - 1." for i in range(2_000)),
    "escapes": "\x1b\u202e\u200bw" * 8_000,
    "wide": "字w" * 16_000,
}
PERF_COMMANDS = {
    "report": ("report", "--cite"),
    "timeline-short": ("timeline", "--short"),
    "sources": ("sources",),
    "search": ("search", "w"),
}


@pytest.fixture(scope="module")
def huge_texts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Each huge text in an event's title and summary, a source's title, a point and a key
    judgment."""
    root = tmp_path_factory.mktemp("huge")
    lines = ["themes: [{id: t, title: T}]", "sources:"]
    for name, text in HUGE_TEXTS.items():
        lines.append(f"  - {{id: s-{name}, title: {yaml_quoted(text)}}}")
    lines.append("events:")
    for name, text in HUGE_TEXTS.items():
        q = yaml_quoted(text)
        lines.append(
            f"  - {{id: e-{name}, date: 2006, title: {q}, summary: {q}, themes: [t],"
            f" sources: [s-{name}]}}"
        )
    lines += [
        "briefings:",
        "  - {id: b, title: B, summary: S, themes: [t],",
        "     key_judgments: [",
    ]
    lines += [f"       {{text: {yaml_quoted(t)}, basis: [e-{n}]}}," for n, t in HUGE_TEXTS.items()]
    lines += ["     ], sections: [{heading: H, points: ["]
    lines += [f"       {yaml_quoted(t)}," for t in HUGE_TEXTS.values()]
    lines += ["     ]}]}"]
    (root / "huge.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["text", "rich", "markdown", "html", "json", "csv"])
@pytest.mark.parametrize("name", list(PERF_COMMANDS))
def test_perf20_huge_fields_render_in_every_format(name: str, fmt: str, huge_texts: Path) -> None:
    """Every format renders the huge texts (within the hang guard and the memory budget).
    How fast, against plain text on the same corpus, is benchmarks/run.py's huge-* cases."""
    args = ("-b", str(huge_texts), "--no-cache", *PERF_COMMANDS[name])
    proc = run(*args, "-f", fmt, env={"FORCE_COLOR": "1"})
    assert proc.returncode == (2 if fmt == "csv" and name == "report" else 0), proc.err


# --------------------------------------------------------------------------- a planted cache

REAL_TITLE, FORGED_TITLE = "Real title", "FORGED!!!!"  # the same length: pickles stay valid


def _forge(cache_file: Path) -> bytes:
    """The cache file with every REAL_TITLE made FORGED_TITLE, its checksums right: a cache
    that vrmc would take for its own, were it where vrmc writes and of the user's own."""
    data, out = cache_file.read_bytes(), b""
    while data:
        size = int.from_bytes(data[4:12], "big")
        body = data[12 : 12 + size].replace(REAL_TITLE.encode(), FORGED_TITLE.encode())
        out += zlib.crc32(body).to_bytes(4, "big") + data[4:12] + body
        data = data[12 + size :]
    return out


def _planted(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A corpus, its cache home, and the path of its cache file, moved aside after it was
    made so that a test can plant something in its place."""
    root = corpus_with(
        tmp_path / "c",
        {"e.yaml": f"events: [{{id: e, date: 2006, title: {REAL_TITLE}, themes: [diplomacy]}}]\n"},
    )
    home = tmp_path / "home"
    assert REAL_TITLE in _cached_run(root, home)
    (cache_file,) = (home / "vrmc").glob("*.pickle")
    forged = tmp_path / "forged.pickle"
    forged.write_bytes(_forge(cache_file))
    cache_file.unlink()
    return root, home, cache_file


def _timeline(root: Path, home: Path, *args: str) -> Run:
    return run("-b", str(root), *args, "timeline", env={"XDG_CACHE_HOME": str(home)})


def test_cache_forged_file_is_really_taken_when_trusted(tmp_path: Path) -> None:
    """The forgery works where it would be trusted: the tests below show that it is not."""
    root, home, cache_file = _planted(tmp_path)
    shutil.copy(tmp_path / "forged.pickle", cache_file)
    assert FORGED_TITLE in _timeline(root, home).stdout.decode()


def test_cache_path_is_a_fifo(tmp_path: Path) -> None:
    root, home, cache_file = _planted(tmp_path)
    os.mkfifo(cache_file)
    proc = _timeline(root, home)  # `run` fails the test after 10 s
    assert proc.returncode == 0 and REAL_TITLE in proc.stdout.decode()


def test_cache_path_is_a_link_to_a_forged_file(tmp_path: Path) -> None:
    root, home, cache_file = _planted(tmp_path)
    cache_file.symlink_to(tmp_path / "forged.pickle")
    proc = _timeline(root, home)
    assert proc.returncode == 0 and proc.stderr == b""
    assert REAL_TITLE in proc.stdout.decode() and FORGED_TITLE not in proc.stdout.decode()


def test_cache_file_of_another_user(tmp_path: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("only root can give a file away")
    root, home, cache_file = _planted(tmp_path)
    shutil.copy(tmp_path / "forged.pickle", cache_file)
    os.chown(cache_file, 12345, 12345)
    assert FORGED_TITLE not in _timeline(root, home).stdout.decode()


@pytest.mark.parametrize("flaw", ["writable-by-others", "writable-by-group", "another-owner"])
def test_cache_folder_others_control_is_not_used(flaw: str, tmp_path: Path) -> None:
    root, home, cache_file = _planted(tmp_path)
    shutil.copy(tmp_path / "forged.pickle", cache_file)
    folder = cache_file.parent
    if flaw == "another-owner":
        if os.geteuid() != 0:
            pytest.skip("only root can give a folder away")
        os.chown(folder, 12345, 12345)
    else:
        folder.chmod(0o777 if flaw == "writable-by-others" else 0o770)
    quiet = _timeline(root, home)
    assert quiet.returncode == 0 and quiet.stderr == b"", "said only with --debug"
    assert REAL_TITLE in quiet.stdout.decode() and FORGED_TITLE not in quiet.stdout.decode()
    assert cache_file.read_bytes() == (tmp_path / "forged.pickle").read_bytes(), "nor written"
    for debug in (("--debug",), ()):
        env = {"XDG_CACHE_HOME": str(home)} | ({} if debug else {"VRMC_DEBUG": "1"})
        told = run("-b", str(root), *debug, "timeline", env=env)
        assert told.returncode == 0 and told.stdout == quiet.stdout
        (line,) = told.err.splitlines()
        assert line.startswith("vrmc: debug: running without the cache: cache folder ")
        assert line.endswith(
            "belongs to another user" if flaw == "another-owner" else "by other users"
        )


def test_cache_folder_is_made_private(tmp_path: Path) -> None:
    home = tmp_path / "home"
    _cached_run(FIXTURE, home)
    assert stat.S_IMODE((home / "vrmc").stat().st_mode) == 0o700


# --------------------------------------------------------------------------- no cache folder


def _no_home(monkeypatch: pytest.MonkeyPatch) -> None:
    """HOME unset and no passwd entry for the user: `~` cannot be expanded."""
    import pwd

    def no_entry(uid: int) -> pwd.struct_passwd:
        raise KeyError(uid)

    monkeypatch.delenv("HOME", raising=False)
    monkeypatch.setattr(pwd, "getpwuid", no_entry)


@pytest.mark.parametrize("xdg", [None, "", "relative/cache", "~/cache"])
def test_no_absolute_cache_folder_means_no_cache(
    xdg: str | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _no_home(monkeypatch)
    if xdg is None:
        monkeypatch.delenv("XDG_CACHE_HOME")
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    assert cache_module.cache_dir() is None
    for _ in range(2):
        result = invoke("-b", str(FIXTURE), "report", "-f", "json")
        assert result.exit_code == 0 and result.stderr == ""
        assert result.stdout == _reference(FIXTURE)
    assert list(work.iterdir()) == [], "nothing written where the command ran"
    told = invoke("--debug", "-b", str(FIXTURE), "themes")
    assert "vrmc: debug: running without the cache: no absolute cache folder" in told.stderr


def test_relative_xdg_cache_home_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The XDG spec: a relative path is invalid and ignored; $HOME/.cache is used instead."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", "relative")
    monkeypatch.chdir(tmp_path)
    assert invoke("-b", str(FIXTURE), "themes").exit_code == 0
    assert not (tmp_path / "relative").exists()
    assert list((tmp_path / "home" / ".cache" / "vrmc").glob("*.pickle"))


# --------------------------------------------------------------------------- signals (OUT-07)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A synthetic corpus (benchmarks/gen_corpus.py) whose cache takes a while to write."""
    root = tmp_path_factory.mktemp("generated") / "corpus"
    script = Path(__file__).parent.parent / "benchmarks" / "gen_corpus.py"
    subprocess.run([sys.executable, str(script), str(root), "15", "200"], check=True)
    return root


def _default_signals() -> None:
    # A background job of a non-interactive shell starts with SIGINT ignored: undo that, or
    # the test would pass without the signal ever arriving (pitfalls §4.3).
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    _child_limits()


@pytest.mark.slow
@pytest.mark.parametrize(("signum", "status"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_out06_out07_signal_while_the_cache_is_written(
    signum: int, status: int, generated: Path, tmp_path: Path
) -> None:
    """The signal arrives while the temporary cache file exists: the run ends with the
    shell's status for it, quietly, and leaves no temporary file behind."""
    for attempt in range(5):
        home = tmp_path / f"home{attempt}"
        folder = home / "vrmc"
        proc = _popen(
            "-b", str(generated), "themes", "-f", "json",
            env={"XDG_CACHE_HOME": str(home)},
            stdout=subprocess.DEVNULL,
            preexec_fn=_default_signals,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while proc.poll() is None and time.monotonic() < deadline:
            if folder.is_dir() and any(p.name.startswith(".tmp-") for p in folder.iterdir()):
                proc.send_signal(signum)
                break
            time.sleep(0.001)
        _, err = proc.communicate(timeout=60)
        if list(folder.glob("corpus-*.pickle")):
            continue  # the write ended before the signal came: try again
        assert proc.returncode == status, err
        assert b"Traceback" not in err and b"Exception ignored" not in err, err
        assert list(folder.iterdir()) == [], "the temporary file was left"
        return
    pytest.fail("the signal never came while the cache was written")


# --------------------------------------------------------------------------- the pager (ENV-01)


@pytest.mark.parametrize(
    "pager", ['less "', "'", "less \\", "/nonexistent/pager -R", "./not-a-program", " "]
)
def test_env01_a_pager_that_cannot_be_parsed_or_started_is_skipped(
    pager: str, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    from vrmc_cli import runner

    monkeypatch.setenv("PAGER", pager)
    monkeypatch.setattr(runner, "_should_page", lambda text: True)  # as on a terminal
    runner.emit("line\n" * 3, page=True)
    out, err = capfd.readouterr()
    assert (out, err) == ("line\n" * 3, "")


def test_env01_unbalanced_pager_quote_through_a_terminal(hostile: Path) -> None:
    """On a real terminal (stdin and stdout a pty), the whole run."""
    import pty

    master, slave = pty.openpty()
    env = _clean_env({"PAGER": 'less "', "LINES": "5", "COLUMNS": "80", "TERM": "dumb"})
    proc = subprocess.Popen(
        [sys.executable, "-m", "vrmc_cli", "-b", str(hostile), "report"],
        stdin=slave,
        stdout=slave,
        stderr=subprocess.PIPE,
        env=env,
    )
    os.close(slave)
    chunks = []
    with contextlib.suppress(OSError):  # EIO once the child has closed the pty
        while data := os.read(master, 65536):
            chunks.append(data)
    os.close(master)
    _, err = proc.communicate(timeout=TIME_LIMIT)
    assert proc.returncode == 0 and err == b"", err
    assert b"[bold]B[/bold]" in b"".join(chunks)


# --------------------------------------------------------------------------- out of memory


@pytest.fixture(scope="module")
def memory_hungry(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """900,000 nodes under an `x-` key (about 300 MB once composed): valid, but more than
    the 200 MB the test allows."""
    root = tmp_path_factory.mktemp("hungry")
    (root / "f.yaml").write_text("themes: [{id: t, title: T}]\nx-pad: [" + "a," * 900_000 + "a]\n")
    return root


OUT_OF_MEMORY = (
    "vrmc: error: out of memory: the corpus needs more memory than this process may use\n"
)


@pytest.mark.slow
@pytest.mark.parametrize("args", [("themes",), ("search", "a"), ("validate",)])
def test_out_of_memory_is_a_limit_not_a_bug(args: tuple[str, ...], memory_hungry: Path) -> None:
    def limits() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (200 << 20, 200 << 20))

    for corpus, fits in ((FIXTURE, True), (memory_hungry, False)):
        done = subprocess.run(
            [sys.executable, "-m", "vrmc_cli", "--no-cache", "-b", str(corpus), *args],
            env=_clean_env({}),
            capture_output=True,
            timeout=30,
            check=False,
            preexec_fn=limits,
        )
        if fits:  # vrmc itself starts and runs within the limit
            assert done.returncode == 0, done.stderr
        else:
            assert (done.returncode, done.stdout) == (1, b"")
            assert done.stderr.decode() == OUT_OF_MEMORY


def _memory_error() -> None:
    raise MemoryError


def _system_error_while_out_of_memory() -> None:
    try:
        raise MemoryError
    except MemoryError:
        raise SystemError("error return without exception set") from None


def _value_error() -> None:
    raise ValueError("a bug")


@pytest.mark.parametrize(
    ("call", "out_of_memory"),
    [
        (_memory_error, True),
        (_system_error_while_out_of_memory, True),
        (_value_error, False),
    ],
)
def test_out_of_memory_from_c_code_is_told_as_such(
    call: Callable[[], None], out_of_memory: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    """C code failing while a MemoryError is raised may raise SystemError instead."""
    from vrmc_cli.runner import guarded

    with pytest.raises(SystemExit) as exited:
        guarded(call, debug=False)
    assert exited.value.code == 1
    told = capsys.readouterr().err
    assert (told == OUT_OF_MEMORY) == out_of_memory, told


# --------------------------------------------------------------------------- usage errors (TYP-20)

SNEAKY = "\x1b]0;P\x07\u202e\u200b\u3164"  # a title sequence, bidi override, invisible letters


@pytest.mark.parametrize(
    "args",
    [
        (f"--x{SNEAKY}",),  # no such option (group)
        (f"cmd{SNEAKY}",),  # no such command
        ("timeline", f"--bogus{SNEAKY}"),  # no such option (command)
        ("timeline", f"extra{SNEAKY}"),  # unexpected extra argument
        ("brief", "a", f"b{SNEAKY}"),
        ("timeline", "-f", f"text{SNEAKY}"),  # not one of the choices
        ("timeline", "--limit", f"1{SNEAKY}"),  # not a number
        ("brief", f"nope{SNEAKY}"),  # unknown id: the quick path
        ("timeline", "--since", f"2006{SNEAKY}"),  # bad date: the quick path
        ("--debug", "actor", f"x{SNEAKY}"),
        ("validate", f"/nonexistent{SNEAKY}"),
    ],
    ids=lambda a: " ".join(a).encode("unicode_escape").decode(),
)
def test_typ20_usage_errors_show_what_was_typed_escaped(args: tuple[str, ...]) -> None:
    proc = run(*args)
    assert proc.returncode in (1, 2), proc.err
    no_raw_controls(proc.err)
    assert "\\u202e\\u200b\\u3164" in proc.err, proc.err


# --------------------------------------------------------------------------- line starts (MK-20)

# Each would start a list, a numbered list, a thematic break or a setext heading in Markdown,
# after the indentation CommonMark allows.
LINE_STARTS = (" - nested", " 2) ordered", "  ---", "   1. x", " + y", "  = z", " ===", "2.x")


def _line_start_corpus(root: Path, texts: Sequence[str]) -> Path:
    q = [yaml_quoted(t) for t in texts]
    points = ", ".join(q)
    events = "".join(
        f"  - {{id: e{i}, date: 2006, title: {t}, summary: {t}, themes: [diplomacy]}}\n"
        for i, t in enumerate(q)
    )
    return corpus_with(
        root,
        {
            "b.yaml": f"briefings:\n  - {{id: b, title: {q[0]}, summary: {q[1]},"
            f" themes: [diplomacy], key_judgments: [{{text: {q[2]}}}],"
            f" sections: [{{heading: {q[3]}, points: [{points}]}}]}}\n"
            f"events:\n{events}"
        },
    )


def _structure(document: str) -> list[str]:
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(document)
    return [t.type for t in tokens if t.type != "inline"]


@pytest.mark.parametrize("args", [("brief", "b"), ("report", "--cite"), ("timeline",)])
def test_mk20_leading_spaces_inject_no_markdown_structure(
    args: tuple[str, ...], tmp_path: Path
) -> None:
    """The same document structure as with harmless text: no list, rule or heading from data."""
    plain = ["x"] * len(LINE_STARTS)
    shapes = []
    for name, texts in (("plain", plain), ("hostile", LINE_STARTS)):
        root = _line_start_corpus(tmp_path / name, texts)
        result = invoke("-b", str(root), "--no-cache", *args, "-f", "markdown")
        assert result.exit_code == 0, result.stderr
        shapes.append(_structure(result.stdout))
    assert shapes[0] == shapes[1]


# --------------------------------------------------------------------------- CSV cells (OUT-27)

# Values a spreadsheet splitting on `;` or `,` (not the file's separator, or ignoring the
# quotes) would cut into cells that start with a formula.
SPLIT_FORMULAS = (
    "Report;=cmd|' /C calc'!A0",
    "a, +1",
    "b;@SUM(A1)",
    "c,\t=1",
    "d;  -2+3",
    '=HYPERLINK("http://evil.example";"x")',
)
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def test_out27_csv_formulas_after_separators_are_inert(tmp_path: Path) -> None:
    events = "".join(
        f"  - {{id: e{i}, date: 2006, title: {yaml_quoted(t)}, themes: [diplomacy]}}\n"
        for i, t in enumerate(SPLIT_FORMULAS)
    )
    root = corpus_with(tmp_path / "c", {"f.yaml": "events:\n" + events})
    document = invoke("-b", str(root), "--no-cache", "timeline", "-f", "csv").stdout
    rows = list(csv.reader(io.StringIO(document, newline="")))
    titles = [row[rows[0].index("title")] for row in rows[1:]]
    for text in SPLIT_FORMULAS:  # the text is all there, made inert
        assert any(title.replace("'", "") == text.replace("'", "") for title in titles), text
    for line in document.splitlines():
        assert line.startswith('"') and line.endswith('"'), "every cell is quoted"
        # However a spreadsheet cuts the line, no cell starts with a formula.
        for piece in re.split("[,;]", line):
            assert not piece.strip(' "').startswith(TRIGGERS), (piece, line)


# ---------------------------------------------------------------- git revisions (GIT-xx)

# `vrmc diff REV` reads a revision as git's raw objects: nothing of the repository (filters,
# attributes, textconv, archive rules) runs or rewrites what was committed.

GIT_ENV = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.org",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(repo: Path, *args: str, stdin: bytes | None = None) -> str:
    if shutil.which("git") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("git is needed for the revision cases")
        pytest.skip("git is not installed")
    env = {**os.environ, **GIT_ENV, "HOME": str(repo)}
    done = subprocess.run(
        ["git", *args], cwd=repo, input=stdin, capture_output=True, check=True, env=env
    )
    return done.stdout.decode("utf-8", "surrogateescape").strip()


NEW_EVENT = "events:\n  - {id: later-event, date: 2007, title: Later event, themes: [diplomacy]}\n"


def git_corpus(tmp_path: Path) -> tuple[Path, Path]:
    """A repository whose folder `corpus` holds the base, committed and tagged `v1`."""
    repo = tmp_path / "repo"
    corpus = corpus_with(repo / "corpus", {})
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "v1")
    git(repo, "tag", "v1")
    return repo, corpus


def _diff(corpus: Path, *args: str, env: dict[str, str] | None = None) -> Run:
    return run("-b", str(corpus), "diff", *args, env={"HOME": str(corpus.parent), **(env or {})})


def test_git01_filter_drivers_and_textconv_never_run(tmp_path: Path) -> None:
    repo, corpus = git_corpus(tmp_path)
    (repo / ".gitattributes").write_text("*.yaml filter=x diff=x\n", encoding="utf-8")
    (corpus / "new.yaml").write_text(NEW_EVENT, encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "v2")
    # A repository that came as a tarball carries its configuration.
    marker = tmp_path / "ran"
    for key in ("filter.x.smudge", "filter.x.clean", "diff.x.textconv"):
        git(repo, "config", key, f"sh -c 'touch {marker}; cat'")
    git(repo, "config", "filter.x.process", f"sh -c 'touch {marker}'")
    for args in (("v1", "HEAD", "-f", "json"), ("HEAD~1", "-f", "json")):
        proc = _diff(corpus, *args)
        assert proc.returncode == 0, proc.err
        assert not marker.exists(), f"diff {args} ran a command of the repository"
        added = json.loads(proc.stdout)["kinds"]["events"]["added"]
        assert added == [{"key": "later-event", "label": "Later event"}]


def test_git02_committed_attributes_change_nothing_read(tmp_path: Path) -> None:
    repo, corpus = git_corpus(tmp_path)
    # export-ignore hid the new file from `git archive`, export-subst rewrote a title.
    (repo / ".gitattributes").write_text(
        "corpus/new.yaml export-ignore\n*.yaml export-subst\n", encoding="utf-8"
    )
    (corpus / "new.yaml").write_text(NEW_EVENT, encoding="utf-8")
    (corpus / "subst.yaml").write_text(
        "events:\n  - {id: subst, date: 2007, title: 'At $Format:%H$', themes: [diplomacy]}\n",
        encoding="utf-8",
    )
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "v2")
    proc = _diff(corpus, "v1", "HEAD", "-f", "json")
    assert proc.returncode == 0, proc.err
    added = json.loads(proc.stdout)["kinds"]["events"]["added"]
    assert added == [
        {"key": "later-event", "label": "Later event"},
        {"key": "subst", "label": "At $Format:%H$"},
    ]
    same = _diff(corpus, "HEAD", "-f", "text")  # the working tree is the commit
    assert same.returncode == 0, same.err
    assert same.stdout.decode().strip().endswith("No changes."), same.stdout.decode()


def _commit_tree_entry(repo: Path, mode: str, content: bytes, path: str) -> None:
    oid = git(repo, "hash-object", "-w", "--stdin", stdin=content)
    git(repo, "update-index", "--add", "--cacheinfo", f"{mode},{oid},{path}")
    git(repo, "commit", "-q", "-m", f"add {path[:20]}")


@pytest.mark.parametrize(
    ("mode", "content", "name", "words"),
    [
        ("120000", b"../../../../etc/passwd", "corpus/out.yaml", "symbolic link"),
        ("120000", b"/tmp", "corpus/folder", "symbolic link"),
        ("100644", NEW_EVENT.encode(), "corpus/" + "n" * 300 + ".yaml", "longer than 255"),
        ("100644", NEW_EVENT.encode(), "corpus/bad\x1b]0;x\x07.yaml", "control"),
        ("100644", NEW_EVENT.encode(), "corpus/\xff\xfe.yaml", "not UTF-8"),
    ],
    ids=["link-out", "link-folder", "long-name", "escape-name", "not-utf8"],
)
def test_git03_odd_tree_entries_are_located_problems(
    mode: str, content: bytes, name: str, words: str, tmp_path: Path
) -> None:
    repo, corpus = git_corpus(tmp_path)
    path = name.encode("utf-8", "surrogateescape") if "\xff" not in name else None
    if path is None:  # a name git stores as bytes that are not UTF-8
        raw = b"corpus/\xff\xfe.yaml"
        oid = git(repo, "hash-object", "-w", "--stdin", stdin=content)
        git(
            repo,
            "update-index",
            "--add",
            "--index-info",
            stdin=b"100644 " + oid.encode() + b"\t" + raw + b"\n",
        )
        git(repo, "commit", "-q", "-m", "odd")
    else:
        _commit_tree_entry(repo, mode, content, name)
    proc = _diff(corpus, "v1", "HEAD")
    problems = reported_problems(proc)
    assert len(problems) == 1 and words in problems[0].message, proc.err
    assert problems[0].path.startswith("HEAD:corpus/")
    no_raw_controls(proc.err)


def test_git04_only_topic_files_are_read_and_size_is_checked_first(tmp_path: Path) -> None:
    repo, corpus = git_corpus(tmp_path)
    # 30,000 files that are not topic files (one blob, many names), and a topic file over
    # the size limit that compresses to almost nothing.
    oid = git(repo, "hash-object", "-w", "--stdin", stdin=b"not a topic file\n")
    listing = "".join(f"100644 {oid}\tcorpus/junk/{i}.txt\n" for i in range(30_000))
    git(repo, "update-index", "--add", "--index-info", stdin=listing.encode())
    big = b"# " + b"x" * (files_module.MAX_FILE_BYTES + 10) + b"\n"
    _commit_tree_entry(repo, "100644", big, "corpus/big.yaml")
    proc = _diff(corpus, "v1", "HEAD")
    problems = reported_problems(proc)
    assert [(p.path, p.message.split(" (")[0]) for p in problems] == [
        ("HEAD:corpus/big.yaml", "file too large")
    ]


def test_git05_dash_revisions_reach_no_git_command(tmp_path: Path) -> None:
    _, corpus = git_corpus(tmp_path)
    fake = tmp_path / "bin"
    fake.mkdir()
    marker = tmp_path / "git-ran"
    (fake / "git").write_text(f'#!/bin/sh\necho "$@" >> {marker}\nexit 1\n', encoding="utf-8")
    (fake / "git").chmod(0o755)
    path = f"{fake}{os.pathsep}{os.environ.get('PATH', '')}"
    for revision in ("--output=/tmp/x", "-h", "--upload-pack=touch x"):
        proc = _diff(corpus, "--", revision, env={"PATH": path})
        assert proc.returncode == 2, proc.err
        assert "not a folder or a revision" in proc.err
    assert not marker.exists(), marker.read_text()


def test_git06_a_revision_is_parsed_once_then_cached_by_its_tree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo, corpus = git_corpus(tmp_path)
    (corpus / "new.yaml").write_text(NEW_EVENT, encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "v2")
    parsed: list[str] = []
    real_parse = load.parse_text

    def counting(shown: str, text: str) -> load.Fragment:
        parsed.append(shown)
        return real_parse(shown, text)

    monkeypatch.setattr(load, "parse_text", counting)
    first = invoke("-b", str(corpus), "diff", "v1", "-f", "json")
    assert first.exit_code == 0, first.stderr
    assert "v1:corpus/base.yaml" in parsed
    parsed.clear()
    again = invoke("-b", str(corpus), "diff", "v1", "-f", "json")
    assert again.stdout == first.stdout
    assert not [p for p in parsed if p.startswith("v1:")], "the revision was parsed again"
    uncached = invoke("-b", str(corpus), "--no-cache", "diff", "v1", "-f", "json")
    assert uncached.stdout == first.stdout
    assert "v1:corpus/base.yaml" in parsed


# ------------------------------------------------------------------ files written with -o (OUTF-xx)

# `-o FILE` renames a finished temporary file over FILE: only ever over a regular file.


def _special(kind: str, path: Path) -> None:
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        if os.geteuid() != 0:
            pytest.skip("making a device node needs root")
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # what /dev/null is
    elif kind == "folder":
        path.mkdir()
    else:
        (path.parent / "real.txt").write_text("kept\n", encoding="utf-8")
        path.symlink_to(path.parent / "real.txt")


@pytest.mark.parametrize("kind", ["fifo", "device", "folder", "link"])
@pytest.mark.parametrize("command", [("brief",), ("export", "ics"), ("schema",)])
def test_outf01_only_a_regular_file_is_replaced(
    kind: str, command: tuple[str, ...], tmp_path: Path
) -> None:
    target = tmp_path / "out"
    _special(kind, target)
    before = os.lstat(target)
    proc = run(*command, "-o", str(target))
    assert proc.returncode == 2, proc.err
    assert "refusing to write" in proc.err and proc.stdout == b""
    after = os.lstat(target)
    assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino)
    if kind == "link":
        assert (tmp_path / "real.txt").read_text(encoding="utf-8") == "kept\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_outf02_an_existing_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "private.txt"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o600)
    proc = run("brief", "-o", str(target))
    assert proc.returncode == 0, proc.err
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_bytes() == run("brief").stdout


@pytest.mark.parametrize("name", ["base.yaml", "new.yml", "sub/base.yaml"])
def test_outf03_no_output_replaces_or_joins_the_corpus_being_read(
    name: str, tmp_path: Path
) -> None:
    root = corpus_with(tmp_path / "c", {"sub/base.yaml": NEW_EVENT})
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    for command in (("brief", "-f", "json"), ("export", "stix")):
        # Through a link to the folder too: the real path decides.
        for shown in (root, tmp_path / "alias"):
            if shown != root and not shown.exists():
                shown.symlink_to(root)
            proc = run("-b", str(root), *command, "-o", str(shown / name))
            assert proc.returncode == 2, proc.err
            assert "corpus folder" in proc.err
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before


def test_outf04_schema_honours_output(tmp_path: Path) -> None:
    target = tmp_path / "topic-file.schema.json"
    proc = run("schema", "-o", str(target))
    assert proc.returncode == 0 and proc.stdout == b"", proc.err
    assert json.loads(target.read_text(encoding="utf-8"))["type"] == "object"


ESC_NAME = "out\x1b]0;pwned\x07\x1b[31m\u202e.json"


@pytest.mark.parametrize(
    "args",
    [
        ("export", "stix"),
        ("export", "timelinejs"),
        ("brief",),
        ("schema",),
    ],
)
@pytest.mark.parametrize("where", ["written", "missing-folder"])
def test_outf05_file_names_are_escaped_in_messages(
    args: tuple[str, ...], where: str, tmp_path: Path
) -> None:
    folder = tmp_path if where == "written" else tmp_path / ESC_NAME
    proc = run(*args, "-o", str(folder / ESC_NAME))
    assert proc.returncode == (0 if where == "written" else 1), proc.err
    no_raw_controls(proc.err)
    if where == "written":
        assert (folder / ESC_NAME).exists()


# ------------------------------------------------------------ noncharacters and XML (NONCHAR-xx)

# U+FFFE, U+FFFF and the other 64 noncharacters are in the hostile payload (above), so every
# command and text format shows them as escapes. These check the XML writers with the XML
# consumers: every part of a docx, GraphML, the SVG Graphviz draws from DOT, inline SVG.


def _xml_parts(docx: bytes) -> list[str]:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        return [n for n in package.namelist() if n.endswith((".xml", ".rels"))]


def check_docx(data: bytes) -> None:
    import zipfile

    import docx  # python-docx: what opens it for a reader's Word
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in _xml_parts(data):
            etree.fromstring(package.read(name))  # raises on a character XML refuses
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    if "ALERT" in text:  # the payload is in this document: its noncharacters as escapes
        assert "\\ufffe" in text and "\\uffff" in text
    no_raw_controls(text)


@pytest.mark.parametrize(
    "args",
    [
        ("report", "--cite"),
        ("brief", "hostile-b"),
        ("timeline",),
        ("graph",),
        ("chart", "events"),
        ("actors",),
        ("scenarios",),
    ],
)
def test_nonchar01_docx_is_valid_xml(args: tuple[str, ...], hostile: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.docx"
    result = invoke("-b", str(hostile), *args, "-f", "docx", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    check_docx(target.read_bytes())


def test_nonchar02_diff_docx_is_valid_xml(hostile: Path, tmp_path: Path) -> None:
    old = corpus_with(tmp_path / "old", {})
    target = tmp_path / "diff.docx"
    result = invoke("diff", str(old), str(hostile), "-f", "docx", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    check_docx(target.read_bytes())


def test_nonchar03_graphml_is_well_formed_and_reads_in_networkx(hostile: Path) -> None:
    networkx = pytest.importorskip("networkx")
    from xml.etree import ElementTree

    out = invoke("-b", str(hostile), "graph", "-f", "graphml").stdout
    ElementTree.fromstring(out.encode())  # noqa: S314 - our own output
    graph = networkx.read_graphml(io.BytesIO(out.encode()))
    names = [data["name"] for _, data in graph.nodes(data=True)]
    assert any("\\ufffe" in name for name in names)
    no_raw_controls("".join(names))


def _dot() -> str:
    found = shutil.which("dot")
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Graphviz (dot) is needed for this case")
        pytest.skip("Graphviz (dot) is not installed")
    return found


def test_nonchar04_graphviz_draws_well_formed_svg_from_dot(hostile: Path) -> None:
    from xml.etree import ElementTree

    source = invoke("-b", str(hostile), "graph", "-f", "dot").stdout
    drawn = subprocess.run(
        [_dot(), "-Tsvg"], input=source.encode(), capture_output=True, check=True, timeout=60
    )
    ElementTree.fromstring(drawn.stdout)  # noqa: S314 - Graphviz output of our test
    no_raw_controls(drawn.stdout.decode())


@pytest.mark.parametrize("args", [("chart", "events"), ("report",)])
def test_nonchar05_inline_svg_is_well_formed(args: tuple[str, ...], hostile: Path) -> None:
    from xml.etree import ElementTree

    out = invoke("-b", str(hostile), *args, "-f", "html").stdout
    pictures = re.findall(r"<svg\b.*?</svg>", out, flags=re.DOTALL)
    assert pictures
    for svg in pictures:
        ElementTree.fromstring(svg)  # noqa: S314 - our own output


# ------------------------------------------------------------------- edge dates (DATE-xx)

# FORMAT.md's dates run from 0001 to 9999 (four digits): every output supports the whole range.

EDGE_DATES = """\
version: 1
topic: {title: Edge dates, as_of: 9999-12-31}
themes: [{id: th, title: Theme}]
countries: [{code: XA, name: Xanadu}]
actors:
  - {id: ada, name: Ada, kind: person, country: XA, roles: [{title: R, from: 0001, to: 9999}]}
  - {id: bob, name: Bob, kind: person}
sources:
  - {id: s1, title: Source, published: 9999-12-31, accessed: 0001-01-01}
events:
  - {id: last-day, date: 9999-12-31, title: Last day, themes: [th], actors: [ada], sources: [s1]}
  - {id: last-year, date: 9999, title: Last year, themes: [th]}
  - {id: first-day, date: 0001-01-01, title: First day, themes: [th]}
  - {id: early, date: 0101, end: 0999-12, title: Early, themes: [th]}
relations:
  - {from: ada, to: bob, kind: ally, since: 0001, until: 9999-12-31}
transfers:
  - {id: t1, supplier: XA, recipient: XA, designation: D, category: C, ordered: 9999-12,
     delivered_from: 9999-12, delivered_to: 9999-12-31, status: delivered}
scenarios:
  - {id: sc, title: S, summary: S., likelihood: likely, horizon: "9999",
     indicators: [{id: i1, text: I}]}
briefings:
  - {id: b, title: B, summary: S., themes: [th], sections: [{heading: H, points: [P]}],
     key_judgments: [{text: K, likelihood: likely, basis: [last-day]}]}
"""
# The report and the events chart draw a year axis from 0001 to 9999 in every format: about
# 20 s of CPU each, so they run with the slow tests (CI=true or --run-slow).
DATE_COMMANDS = [
    pytest.param(("report",), marks=pytest.mark.slow),
    ("brief", "b"),
    ("timeline",),
    ("actor", "ada"),
    ("actors",),
    ("transfers",),
    ("scenarios",),
    ("watch",),
    ("judgments",),
    pytest.param(("chart", "events"), marks=pytest.mark.slow),
    ("chart", "transfers"),
    ("graph",),
    ("sources",),
]
DATE_FORMATS = ["text", "json", "html", "markdown", "docx", "csv", "csljson", "dot", "graphml"]


@pytest.fixture(scope="module")
def edge_dates(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("dates"), {"edge.yaml": EDGE_DATES})


@pytest.mark.parametrize("args", DATE_COMMANDS, ids=" ".join)
def test_date01_the_whole_date_range_in_every_command_and_format(
    args: tuple[str, ...], edge_dates: Path, tmp_path: Path
) -> None:
    for fmt in DATE_FORMATS:
        target = tmp_path / f"out.{fmt}"
        result = invoke("-b", str(edge_dates), *args, "-f", fmt, "-o", str(target))
        if result.exit_code == 2:  # a format this command does not offer
            assert "is for" in result.stderr or "available" in result.stderr, result.stderr
            continue
        assert result.exit_code == 0, (fmt, result.stderr)
        assert target.stat().st_size > 0


@pytest.mark.parametrize("name", ["ics", "stix", "timelinejs", "sqlite"])
def test_date02_every_export_takes_the_whole_date_range(
    name: str, edge_dates: Path, tmp_path: Path
) -> None:
    target = tmp_path / f"out.{name}"
    result = invoke("-b", str(edge_dates), "export", name, "-o", str(target))
    assert result.exit_code == 0, result.stderr


def test_date03_ics_dates_have_four_digit_years_and_the_days_written(edge_dates: Path) -> None:
    import datetime

    icalendar = pytest.importorskip("icalendar")
    text = invoke("-b", str(edge_dates), "export", "ics").stdout
    for line in text.splitlines():
        if line.startswith(("DTSTART", "DTEND")):
            assert re.fullmatch(r"DT(START|END);VALUE=DATE:\d{8}", line), line
    calendar = icalendar.Calendar.from_ical(text)
    days = {}
    for event in calendar.walk("VEVENT"):
        start = event.decoded("DTSTART")
        one = datetime.timedelta(days=1)
        if "DTEND" in event:
            last = event.decoded("DTEND") - one
        else:  # past 9999-12-31 there is no end date to write: the length instead
            last = start + (event.decoded("DURATION") - one)
        days[str(event["UID"]).split("@")[0]] = (start, last)
    date = datetime.date
    assert days == {
        "last-day": (date(9999, 12, 31), date(9999, 12, 31)),
        "last-year": (date(9999, 1, 1), date(9999, 12, 31)),
        "first-day": (date(1, 1, 1), date(1, 1, 1)),
        "early": (date(101, 1, 1), date(999, 12, 31)),
    }


# ---------------------------------------------- what other tools read (STIX-xx, TL-xx, GV-xx)

# Checked with each consumer's own library or program: stix2 and stix2-validator, a browser's
# HTML parser for TimelineJS's fields, Graphviz's `dot`.

URLS = {
    "angle": 'https://x.example/a<d>?q="x"',
    "spaces": "https://x.example/a b/é ü",
    "percent": "https://x.example/100%/%zz%41",
    "ipv6": "http://[::1]:8080/a{b}|c",
    "fragments": "https://x.example/a#b#c",
    "backslash": "https://x.example/a\\b^c`d",
    "javascript": "javascript:alert(1)",
    "no-scheme": "www.example.org/page",
    "words": "not a url",
    "bad-host": "https://exa mple.org:port/",
}
STIX_CORPUS = """\
version: 1
topic: {title: Downstream, as_of: 2024-01-01}
themes: [{id: th, title: "R&D <b>bold</b> &amp; co"}]
actors:
  - {id: ada, name: "Ada &amp; Co <i>", kind: person, sources: [%s]}
  - {id: bob, name: "R&D \\"Bob\\" &lt;x&gt;", kind: state}
sources:
%s
relations:
  - {from: ada, to: bob, kind: ally, since: 2001, until: 2002}
  - {from: ada, to: bob, kind: ally, since: 2001, until: 2003}
  - {from: ada, to: bob, kind: ally, since: 2001}
  - {from: ada, to: bob, kind: ally, since: 2001, until: 2003, summary: Another account.}
  - {from: ada, to: bob, kind: ally, since: 2001, until: 2003, summary: Another account.}
events:
  - {id: e1, date: 2001, title: T, themes: [th], sources: [%s]}
"""


@pytest.fixture(scope="module")
def downstream(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ids = ", ".join(URLS)
    sources = "".join(
        f"  - {{id: {k}, title: {k}, url: {yaml_quoted(u)}}}\n" for k, u in URLS.items()
    )
    return write_corpus(
        tmp_path_factory.mktemp("downstream"),
        {"c.yaml": STIX_CORPUS % (ids, sources, ids)},
    )


def test_stix01_every_distinct_object_keeps_its_own_id(downstream: Path) -> None:
    stix2 = pytest.importorskip("stix2")
    bundle = json.loads(invoke("-b", str(downstream), "export", "stix").stdout)
    ids = [o["id"] for o in bundle["objects"]]
    assert len(ids) == len(set(ids))
    relationships = [o for o in bundle["objects"] if o["type"] == "relationship"]
    # Five relations, two of them the same relation written twice: four objects.
    assert len(relationships) == 4
    store = stix2.MemoryStore(stix_data=bundle["objects"], allow_custom=False)
    assert len(store.query([stix2.Filter("type", "=", "relationship")])) == 4
    spans = sorted((o.get("stop_time", ""), o.get("description", "")) for o in relationships)
    assert spans == [
        ("", ""),
        ("2002-12-31T23:59:59.000Z", ""),
        ("2003-12-31T23:59:59.000Z", ""),
        ("2003-12-31T23:59:59.000Z", "Another account."),
    ]


def test_stix02_urls_are_uris_a_validator_accepts_or_left_out_with_a_note(
    downstream: Path,
) -> None:
    validator = pytest.importorskip("stix2validator")
    from urllib.parse import unquote

    result = invoke("-b", str(downstream), "export", "stix")
    assert result.exit_code == 0, result.stderr
    report = validator.validate_string(result.stdout, validator.ValidationOptions())
    assert report.is_valid, [str(e) for e in report.errors]
    refs = {
        r["external_id"]: r
        for o in json.loads(result.stdout)["objects"]
        for r in o.get("external_references", ())
    }
    left_out = {"no-scheme", "words", "bad-host"}
    for key, url in URLS.items():
        if key in left_out:
            assert "url" not in refs[key] and "left out" in refs[key]["description"]
        else:  # the same address, percent-encoded
            encoded = refs[key]["url"]
            assert re.fullmatch(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+", encoded), encoded
            assert unquote(encoded) == unquote(url), encoded
    assert "3 source URLs left out" in result.stderr
    assert "bad-host, no-scheme, words" in result.stderr
    no_raw_controls(result.stderr)


def test_tl01_timelinejs_fields_shown_as_html_are_escaped(downstream: Path) -> None:
    data = json.loads(invoke("-b", str(downstream), "export", "timelinejs").stdout)
    slide = data["events"][0]
    parser = _HTMLText()
    parser.feed(slide["group"])
    assert parser.tags == set(), "the group is set as HTML: no tag may come through"
    assert html.unescape(slide["group"]) == "R&D <b>bold</b> &amp; co"


def test_gv01_graphviz_draws_names_exactly_as_written(downstream: Path) -> None:
    from xml.etree import ElementTree

    source = invoke("-b", str(downstream), "graph", "-f", "dot").stdout
    drawn = subprocess.run(
        [_dot(), "-Tsvg"], input=source.encode(), capture_output=True, check=True, timeout=60
    )
    svg = ElementTree.fromstring(drawn.stdout)  # noqa: S314 - Graphviz output of our test
    texts = {t.text for t in svg.iter("{http://www.w3.org/2000/svg}text")}
    assert "Ada &amp; Co <i>" in texts, texts
    assert 'R&D "Bob" &lt;x&gt;' in texts, texts


# ------------------------------------------------------------------ minor corners (MIN-xx)


class _FullDiskFile:
    """A text file that takes ten characters, then reports a full disk."""

    def __init__(self, real: io.TextIOWrapper) -> None:
        self.real = real

    def __enter__(self) -> _FullDiskFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.real.close()

    def write(self, text: str) -> int:
        self.real.write(text[:10])
        self.real.flush()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("existing", [False, True], ids=["new-folder", "empty-folder"])
def test_min01_init_on_a_full_disk_writes_nothing_and_exits_74(
    existing: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from vrmc_cli.commands import init as init_module

    target = tmp_path / "new-corpus"
    if existing:
        target.mkdir()
    opened: list[str] = []

    def full_disk_open(path: str, *args: object, **kwargs: object) -> object:
        real = open(path, *args, **kwargs)  # noqa: SIM115 - closed by the wrapper
        opened.append(str(path))
        return _FullDiskFile(real) if len(opened) == 3 else real

    monkeypatch.setattr(init_module, "open", full_disk_open, raising=False)
    result = invoke("init", str(target))
    assert len(opened) == 3, "the disk filled up while the third file was written"
    assert result.exit_code == 74, result.stderr
    assert "No space left on device" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == (["new-corpus"] if existing else [])
    if existing:
        assert list(target.iterdir()) == []


def test_min02_init_writes_every_file_or_none(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b"
    result = invoke("init", str(target))
    assert result.exit_code == 0, result.stderr
    assert len(list(target.iterdir())) == 8
    assert invoke("-b", str(target), "validate").exit_code == 0
    assert [p.name for p in target.parent.iterdir()] == ["b"]  # no staging folder left


LONG_NAME = "x" * 3000


@pytest.fixture(scope="module")
def long_names(tmp_path_factory: pytest.TempPathFactory) -> Path:
    actors = "".join(
        f"  - {{id: a{i}, name: {name} {LONG_NAME}, kind: person}}\n"
        for i, name in enumerate(["Ada", "Adam", "Adamo", "Adamson", "Adana"])
    )
    return corpus_with(tmp_path_factory.mktemp("long"), {"long.yaml": "actors:\n" + actors})


@pytest.mark.parametrize("value", ["ad", "Adamx", "zzz", "Adanx " + LONG_NAME[:50]])
def test_min03_did_you_mean_lists_a_few_candidates_cut_short(value: str, long_names: Path) -> None:
    result = invoke("-b", str(long_names), "actor", value)
    assert result.exit_code == 2, result.stderr
    assert len(result.stderr) < 600, f"{len(result.stderr)} characters of hints"
    assert result.stderr.count("xxxxx…") <= 3, result.stderr
    no_raw_controls(result.stderr)


# ------------------------------------------------------- quadratic corners (PERF-30..)

# Input that once took time quadratic in its size. Each case keeps only the suite's runaway
# ceiling (TIME_LIMIT): each input is sized so that it takes a few seconds now and took the
# quadratic code several times the ceiling on the same machine. benchmarks/run.py measures
# them as ratios (`--only corner`).


def test_perf30_word_diff_of_a_huge_repetitive_summary(tmp_path: Path) -> None:
    words = " ".join(("alpha", "beta", "gamma.")[i % 3] for i in range(20_000))
    changed = " ".join(w if i % 50 else "delta" for i, w in enumerate(words.split()))
    roots = []
    for name, summary in (("old", words), ("new", changed)):
        event = f"  - {{id: e1, date: 2006, title: E, themes: [diplomacy], summary: '{summary}'}}\n"
        roots.append(corpus_with(tmp_path / name, {"e.yaml": "events:\n" + event}))
    proc = run("diff", str(roots[0]), str(roots[1]), "-f", "text")
    assert proc.returncode == 0, proc.err
    # Both versions can be read back from the word diff, word for word.
    body = proc.stdout.decode().split("summary: ", 1)[1]
    before: list[str] = []
    after: list[str] = []
    for match in re.finditer(r"\[-(.*?)-\]|\{\+(.*?)\+\}|(\S+)", body, re.DOTALL):
        removed, added, kept = match.groups()
        before += (removed or kept or "").split()
        after += (added or kept or "").split()
    assert (before, after) == (words.split(), changed.split())
    assert "{+" in body and "[-" in body


def test_perf31_strict_dispute_scan_of_a_huge_field(tmp_path: Path) -> None:
    summary = "disputed " * 20_000  # 180 KB, one clause of 20,000 dispute words
    event = f"  - {{id: e1, date: 2006, title: E, themes: [diplomacy], summary: '{summary}'}}\n"
    root = corpus_with(tmp_path / "c", {"e.yaml": "events:\n" + event})
    proc = run("--no-cache", "-b", str(root), "validate", "--strict")
    assert proc.returncode in (0, 1), proc.err
    dated = corpus_with(
        tmp_path / "d",
        {"e.yaml": "events:\n" + event.replace("summary: '", "summary: 'the date is ")},
    )
    proc = run("--no-cache", "-b", str(dated), "validate", "--strict")
    # One clause, so one problem, however many times it says "disputed".
    assert proc.err.count("given flatly") == 1, proc.err


@pytest.mark.slow
def test_perf32_docx_report_of_thousands_of_events(tmp_path: Path) -> None:
    import docx

    events = "".join(
        f"  - {{id: e{n}, date: 2006, title: Event {n}, themes: [diplomacy]}}\n"
        for n in range(12_000)
    )
    root = corpus_with(tmp_path / "c", {"e.yaml": "events:\n" + events})
    target = tmp_path / "r.docx"
    args = ("--no-cache", "-b", str(root), "report", "-f", "docx", "-o", str(target))
    proc = run(*args)
    assert proc.returncode == 0, proc.err
    text = [p.text for p in docx.Document(str(target)).paragraphs]
    assert any("Event 11999" in t for t in text)


@pytest.mark.slow
def test_perf33_ach_sensitivity_of_a_large_matrix(tmp_path: Path) -> None:
    import random

    rnd = random.Random(2026)  # noqa: S311 - a fixed matrix, not a secret
    lines = ["questions: [{id: q, text: Why?}]", "hypotheses:"]
    lines += [f"  - {{id: h{n}, question: q, statement: H{n}.}}" for n in range(50)]
    lines += ["sources:"]
    lines += [
        f"  - {{id: s{n}, title: S{n}, reliability: {rnd.choice('ABCDEF')}}}" for n in range(800)
    ]
    lines += ["events:"]
    steps = ["CC", "C", "N", "I", "II"]
    for n in range(800):
        rated = ", ".join(f"h{h}: {rnd.choice(steps)}" for h in range(50) if rnd.random() < 0.6)
        lines.append(
            f"  - {{id: e{n}, date: 2020, title: E{n}, themes: [diplomacy], sources: [s{n}], "
            f"consistency: {{{rated}}}}}"
        )
    root = corpus_with(tmp_path / "c", {"ach.yaml": "\n".join(lines) + "\n"})
    for args in (("ach", "q", "-f", "json"), ("report", "-f", "html")):
        proc = run("--no-cache", "-b", str(root), *args)
        assert proc.returncode == 0, proc.err


# --------------------------------------------------------------------------- IMP: vrmc import

IMPORT_CASES = [
    ("IMP-01", "timelinejs", "t.csv", b"when,what\n2020,x\n", "not a TimelineJS sheet"),
    ("IMP-02", "timelinejs", "t.csv", b"Year,Headline\n2020,Caf\xe9\n", "not UTF-8 text"),
    ("IMP-03", "timelinejs", "t.csv", b"Year,Headline\n2020,a\x1b]52;c;AAAA\x07b\n", "U+001B"),
    ("IMP-04", "timelinejs", "t.csv", "Year,Headline\n2020,a\u202eb\n".encode(), "U+202E"),
    ("IMP-05", "timelinejs", "t.csv", "Year,Headline\n2020,a\ufffeb\n".encode(), "U+FFFE"),
    ("IMP-06", "stix", "b.json", b"[" * 100_000 + b"]" * 100_000, "JSON nested too deeply"),
    ("IMP-07", "stix", "b.json", b'{"type": "bundle", "objects": {}}',
     "$.objects: expected a list"),
    ("IMP-08", "stix", "b.json",
     b'{"type": "bundle", "objects": [{"type": "identity", "id": "identity--1",'
     b' "name": "a\\u001b[2Jb"}]}', "$.objects[0].name: control or invisible"),
    ("IMP-09", "misp-galaxy", "g.json", b'{"name": "x", "type": "y", "values": [1]}',
     "$.values[0]: a cluster value is an object"),
    ("IMP-10", "csv", "e.csv", b"what,when\nx,01/02/2024\n", "is not a date"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("case", "fmt", "name", "content", "message"), IMPORT_CASES, ids=[c[0] for c in IMPORT_CASES]
)
def test_imp_hostile_files_are_refused_with_a_located_message(
    tmp_path: Path, case: str, fmt: str, name: str, content: bytes, message: str
) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    into = tmp_path / "into"
    extra = ["--map", "title=what,date=when"] if fmt == "csv" else []
    proc = run("import", fmt, str(bad), "--into", str(into), *extra)
    assert proc.returncode == 1, (case, proc.stderr)
    assert message in proc.stderr.decode(), (case, proc.stderr)
    assert proc.stdout == b"" and not into.exists(), case
    assert not raw_unsafe(proc.stderr.decode()), case


def test_imp_markup_in_a_sheet_is_text_and_scripts_are_dropped(tmp_path: Path) -> None:
    sheet = tmp_path / "s.csv"
    sheet.write_text(
        "Year,Headline,Text\n"
        '2020,"<img src=x onerror=alert(1)>Hi","<script>alert(1)</script><style>p{}</style>'
        '<p>Seen <a href=""javascript:alert(1)"">x</a></p>"\n',
        encoding="utf-8",
    )
    proc = run("import", "timelinejs", str(sheet), "--into", str(tmp_path / "o"))
    assert proc.returncode == 0, proc.stderr
    written = (tmp_path / "o" / "imported-s.yaml").read_text(encoding="utf-8")
    body = written.split("# Notes from the import")[0]
    assert "<" not in body and "javascript" not in body and "alert" not in body
    assert "a script element in the HTML was dropped" in proc.stderr.decode()
    assert run("-b", str(tmp_path / "o"), "validate").returncode == 0


def test_imp_a_file_over_the_limit_is_refused_unread(tmp_path: Path) -> None:
    big = tmp_path / "big.csv"
    with big.open("wb") as out:
        out.write(b"Year,Headline\n" + b"2020,x\n" * (16 * 1024 * 1024 // 7 + 10))
    proc = run("import", "timelinejs", str(big), "--into", str(tmp_path / "o"))
    assert proc.returncode == 1 and b"up to 16 MiB" in proc.stderr
    assert not (tmp_path / "o").exists()


def test_imp_never_replaces_a_file_nor_follows_a_link(tmp_path: Path) -> None:
    sheet = tmp_path / "s.csv"
    sheet.write_text("Year,Headline\n2020,x\n", encoding="utf-8")
    into = tmp_path / "o"
    into.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep", encoding="utf-8")
    (into / "imported-s.yaml").symlink_to(victim)
    proc = run("import", "timelinejs", str(sheet), "--into", str(into))
    # The link is refused by the corpus check (it leads out of the folder) before the
    # write would be (O_EXCL | O_NOFOLLOW): either way nothing is written through it.
    assert proc.returncode == 1
    assert b"links outside the corpus folder" in proc.stderr or b"never replaces" in proc.stderr
    assert victim.read_text(encoding="utf-8") == "keep"
    (into / "imported-s.yaml").unlink()
    (into / "imported-s.yaml").symlink_to(into / "missing.yaml")  # a dangling link inside
    proc = run("import", "timelinejs", str(sheet), "--into", str(into))
    assert proc.returncode == 1 and not (into / "missing.yaml").exists()
