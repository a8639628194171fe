"""The README's commands work: every `vrmc` command line in its ```sh and ```console blocks
runs (in a scratch folder, with the bundled corpus, pandoc from the test extras and jq on
the PATH), exits 0, and a ```console block's output is what the command prints (up to the
`…` where the README cuts it short)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import write_corpus

README = Path(__file__).parent.parent / "README.md"
BLOCK = re.compile(r"^```(sh|console)\n(.*?)^```", re.M | re.S)


def examples() -> list[tuple[str, str, list[str]]]:
    """(kind, command line, the output lines shown under it) for each README command."""
    found: list[tuple[str, str, list[str]]] = []
    for kind, body in BLOCK.findall(README.read_text(encoding="utf-8")):
        lines = body.rstrip("\n").split("\n")
        if kind == "sh":
            found.extend(("sh", line, []) for line in lines if line.startswith("vrmc "))
            continue
        at = 0
        while at < len(lines):
            line = lines[at]
            at += 1
            if not line.startswith("$ vrmc "):
                continue
            shown: list[str] = []
            while at < len(lines) and not lines[at].startswith("$ "):
                shown.append(lines[at])
                at += 1
            found.append(("console", line[2:], shown))
    return found


# Commands that need more than a scratch folder: left out, each with its reason.
LEFT_OUT = {
    "vrmc -b c16 validate --strict": "needs the broken corpus it shows (test_strict.py has it)",
}
EXAMPLES = [e for e in examples() if e[1] not in LEFT_OUT]


def test_the_readme_has_examples() -> None:
    assert len(EXAMPLES) >= 15
    assert any("--format docx" in line for _, line, _ in EXAMPLES)
    assert any("csljson" in line for _, line, _ in EXAMPLES)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A folder to run in, a HOME with the README's own corpora, a PATH with vrmc, pandoc
    (from the test extras) and jq, and a cache folder. One for the whole README, in its
    order, so that `vrmc init my-corpus` comes before `vrmc -b my-corpus validate`, and the
    commands after the first find the cache the earlier ones wrote, as on a reader's machine
    (the first runs cold; test_cache.py shows a warm run prints what a cold one prints)."""
    import pypandoc

    tmp_path = tmp_path_factory.mktemp("readme")
    home = tmp_path / "home"
    write_corpus(
        home / "research" / "sahel",
        {
            "t.yaml": (
                "themes: [{id: security, title: Security}]\n"
                "countries: [{code: ML, name: Mali}]\n"
                "events:\n  - {id: coup, date: 2021-05-24, title: Coup, themes: [security],"
                " countries: [ML]}\n"
            )
        },
    )
    write_corpus(
        home / "research" / "shared-actors",
        {"a.yaml": "actors: [{id: junta, name: The junta, kind: organization}]\n"},
    )
    tools = tmp_path / "bin"
    tools.mkdir()
    (tools / "pandoc").symlink_to(pypandoc.get_pandoc_path())
    jq = shutil.which("jq")
    if jq is None:  # a stand-in for the one jq filter the README uses
        script = tools / "jq"
        script.write_text(
            f"#!{sys.executable}\nimport json, sys\n"
            "for t in json.load(sys.stdin)['transfers']:\n"
            "    if t['status'] == 'delivered':\n        print(json.dumps(t['designation']))\n",
            encoding="utf-8",
        )
        script.chmod(0o755)
    work = tmp_path / "work"
    work.mkdir()
    path = os.pathsep.join([str(Path(sys.executable).parent), str(tools), os.environ["PATH"]])
    cache = tmp_path / "cache"
    return {"cwd": str(work), "HOME": str(home), "PATH": path, "XDG_CACHE_HOME": str(cache)}


@pytest.mark.parametrize(
    ("kind", "line", "shown"), EXAMPLES, ids=[f"{n}-{e[1][:40]}" for n, e in enumerate(EXAMPLES)]
)
def test_readme_command_works(
    kind: str, line: str, shown: list[str], scratch: dict[str, str]
) -> None:
    if "| dot " in line and shutil.which("dot") is None:  # Graphviz, for `vrmc graph`
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{line}: Graphviz (dot) is not installed; CI must install graphviz")
        pytest.skip("Graphviz (dot) is not installed")
    env = {**os.environ, "COLUMNS": "100"}
    env.update((k, scratch[k]) for k in ("HOME", "PATH", "XDG_CACHE_HOME"))
    env.pop("VRMC_BRIEFINGS", None)
    # `&& datasette vrmc.db` starts a server: the README's part is the vrmc command before it.
    line = line.split(" && datasette", maxsplit=1)[0]
    # A pipe into `head` closes early, which vrmc answers with exit 1 by design: no pipefail
    # there.
    pipefail = [] if "| head" in line else ["-o", "pipefail"]
    done = subprocess.run(
        ["bash", *pipefail, "-c", line],
        cwd=scratch["cwd"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, f"{line}\n{done.stderr}"
    assert "warning" not in done.stderr.lower(), done.stderr
    if kind == "console":
        expected = shown[: shown.index("…")] if "…" in shown else shown
        # What a terminal shows: the output, then any notes on stderr.
        actual = [row.rstrip() for row in (done.stdout + done.stderr).split("\n")]
        assert actual[: len(expected)] == [row.rstrip() for row in expected], line
