"""Project hygiene: help texts, README coverage, the renderer registry and import arrows."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import invoke
from vrmc_cli.cli import app
from vrmc_cli.render import RENDERERS, Format

ROOT = Path(__file__).parent.parent
SRC = ROOT / "src" / "vrmc_cli"
COMMANDS = sorted(
    c.name or c.callback.__name__ for c in app.registered_commands if c.callback is not None
)


def test_there_are_commands() -> None:
    assert {
        "brief",
        "timeline",
        "actors",
        "actor",
        "transfers",
        "scenarios",
        "themes",
        "countries",
        "sources",
        "search",
        "report",
        "validate",
    } <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_examples(command: str) -> None:
    result = invoke(command, "--help")
    assert result.exit_code == 0
    assert "Examples: vrmc " + command in result.stdout.replace("\n", " ").replace("  ", " ")


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_in_the_readme(command: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"vrmc {command}" in readme


def test_registry_covers_every_format() -> None:
    assert set(RENDERERS) == set(Format)
    for module in set(RENDERERS.values()):
        assert (SRC / "render" / f"{module}.py").exists()


# Which of our modules each module may import (STYLE.md: arrows point one way).
ALLOWED = {
    "dates": {"record"},
    "textsafe": set(),
    "record": set(),
    "errors": {"record", "textsafe"},
    "model": {"dates", "record"},
    "files": {"errors", "record", "textsafe"},
    "load": {"dates", "errors", "files", "model", "record", "textsafe"},
    "link": {"errors", "load", "model", "textsafe"},
    "cache": {"errors", "files", "link", "load", "model"},
    "corpus": {"errors", "files", "model", "link", "load", "cache"},
    "query": {"dates", "errors", "model", "record", "textsafe"},
    "search": {"model", "query", "record", "render"},
    "views": {"model", "query", "render", "search", "dates"},
    "commands": {"model", "query", "record", "render", "views", "search", "dates"},
    "runner": {"commands", "corpus", "errors", "model", "record", "render", "textsafe"},
    "quick": {"render", "runner"},
}


def our_imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level >= 1:
            name = (node.module or "").split(".")[0]
            if name:
                found.add(name)
            else:
                found.update(alias.name for alias in node.names)
    return found - {"__version__"}


@pytest.mark.parametrize("module", sorted(ALLOWED))
def test_import_arrows_point_one_way(module: str) -> None:
    assert our_imports(SRC / f"{module}.py") <= ALLOWED[module]


def test_only_cli_uses_typer_and_nobody_imports_click() -> None:
    for path in SRC.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "import click" not in text and "from click" not in text, path
        if path.name not in ("cli.py",):
            assert "import typer" not in text, path


def test_rich_is_only_used_by_its_renderer() -> None:
    for path in SRC.rglob("*.py"):
        if path.name in ("as_rich.py", "rich_blocks.py"):
            continue
        assert "from rich" not in path.read_text(encoding="utf-8"), path


def test_the_model_is_frozen_at_run_time() -> None:
    from vrmc_cli.model import Country
    from vrmc_cli.record import FrozenInstanceError

    country = Country("VE", "Venezuela")
    with pytest.raises(FrozenInstanceError):
        country.name = "x"  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        del country.name  # type: ignore[misc]
    assert country.name == "Venezuela"


def test_records_are_frozen_for_the_type_checker(tmp_path: Path) -> None:
    """`record` drops the run-time guard of frozen dataclasses; mypy must still catch writes."""
    snippet = tmp_path / "writes.py"
    snippet.write_text(
        "from vrmc_cli.render import Options\n"
        "from vrmc_cli.render.doc import Para\n"
        "def f(o: Options, p: Para) -> None:\n"
        "    o.width = 1\n"
        "    p.spans = ()\n",
        encoding="utf-8",
    )
    # In a subprocess: mypy raises the interpreter's recursion limit for good.
    run = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(snippet)],
        capture_output=True,
        text=True,
        check=False,
    )
    out = run.stdout
    assert run.returncode == 1, out + run.stderr
    assert 'Property "width" defined in "Options" is read-only' in out
    assert 'Property "spans" defined in "Para" is read-only' in out
