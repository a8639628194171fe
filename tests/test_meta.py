"""Project hygiene: help texts, README coverage, the renderer registry and import arrows."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from keyword import iskeyword
from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURE, invoke
from vrmc_cli.cli import app
from vrmc_cli.commands import names, spec
from vrmc_cli.core.formats import DATA, DOC, FILE, GRAPH, NEEDS, ROWS, SOURCES
from vrmc_cli.render import RENDERERS, Format, declarations, from_source

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
    examples = result.stdout.split("Examples:", 1)[1].splitlines()
    assert examples[1].strip().startswith("vrmc " + command), result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_in_the_readme(command: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"vrmc {command}" in readme


def test_registry_covers_every_format() -> None:
    assert set(RENDERERS) == set(Format)
    for module in set(RENDERERS.values()):
        assert (SRC / "render" / f"{module}.py").exists()


@pytest.mark.parametrize("fmt", list(Format), ids=lambda f: f.value)
def test_a_renderer_declaration_reads_the_same_without_importing_it(fmt: Format) -> None:
    """--help and the runner read the declarations from the renderers' source (importing
    them would load Rich, xml.sax, the model): what they read is what the module declares."""
    module = importlib.import_module(f"vrmc_cli.render.{RENDERERS[fmt]}")
    declared = from_source(str(SRC / "render" / f"{RENDERERS[fmt]}.py"))
    assert declared is not None and declared == module.DECLARED
    assert declared.needs in NEEDS.values() and declared.needs != FILE and declared.what
    assert all(e.startswith(".") and e == e.lower() for e in declared.extensions)


def test_an_extension_picks_one_format() -> None:
    claimed = [e for d in declarations().values() for e in d.extensions]
    assert len(claimed) == len(set(claimed))


# Arguments for the commands that need them, on the fixture corpus: a new command with a
# required argument fails the next test until it has its line here.
ARGUMENTS: dict[str, dict[str, Any]] = {
    "actor": {"name": "ada"},
    "chart": {"what": "events"},
    "search": {"text": "yland"},
    "diff": {"old": str(FIXTURE), "new": str(FIXTURE)},
    "export": {"export_format": "timelinejs"},
    "places": {"action": "suggest", "names": ["Maracay"]},
    "import": {
        "import_format": "timelinejs",
        "file": str(FIXTURE.parent / "import" / "women_in_computing.csv"),
    },
}


@pytest.mark.parametrize("command", names())
def test_every_command_gives_what_it_declares(command: str, tmp_path: Path) -> None:
    """Spec.gives is what --help, the runner and the test matrices read to know which
    formats serve a command: it must be what the command's result really gives."""
    from vrmc_cli.commands import module
    from vrmc_cli.runner import State, _Call

    declared = spec(command)
    assert declared is not None
    params: dict[str, Any] = {o.name: o.default for o in declared.all_options}
    params.update({a.name: None for a in declared.arguments})
    params.update(ARGUMENTS.get(command, {}))
    if command == "init":
        params["directory"] = str(tmp_path / "new")
    if command == "import":
        params["into"] = str(tmp_path / "into")
    missing = [a.name for a in declared.arguments if a.required and params[a.name] is None]
    assert not missing, f"give {command} its {missing} in ARGUMENTS"
    found = module(command)
    assert found is not None
    result = found.run(_Call(State(roots=(str(FIXTURE),), use_cache=False), params))
    gives = {DOC, DATA} if result.file is None else set()
    if result.rows is not None:
        gives.add(ROWS)
    if "sources" in result.selection:
        gives.add(SOURCES)
    if result.file is None and set(result.data()) == {"nodes", "edges"}:
        gives.add(GRAPH)
    if result.file is not None:
        gives.add(FILE)
    assert gives == set(declared.gives)


# The layers of src/vrmc_cli, lowest first (docs/architecture.md): a module imports only
# modules of lower layers. Every module of the package must be placed here.
LAYERS: list[set[str]] = [
    {"__init__", "core", "corpus", "analysis", "views"},  # the packages' own modules
    {"core.record_code"},  # generated: the methods of every record class
    {"core.record", "core.textsafe", "core.spelling", "core.formats"},
    {"core.errors", "core.dates", "core.doc"},
    {"core.choice"},
    {"analysis.geo", "analysis.outlines"},
    {"corpus.model"},
    {"corpus.fields", "corpus.origins", "corpus.keys"},
    {"corpus.kinds", "corpus.files"},
    {"corpus.load", "corpus.serialize", "corpus.schema"},
    {"corpus.link", "corpus.strict"},
    {"corpus.budget"},
    {"corpus.cache"},
    {"corpus.roots", "corpus.derived"},
    {"corpus.revisions"},
    {"analysis.provenance"},
    {"analysis.query", "analysis.ach"},
    {"analysis.search", "analysis.charts", "analysis.network", "analysis.counts"},
    {"analysis.signposts"},
    {"analysis.changes"},
    {"views.base", "views.exports", "importers", "importers.html_text"},
    {"views.briefing", "views.timeline", "views.actors", "views.register", "views.scenarios"},
    {"views.lists", "views.search", "views.living", "views.places"},
    {"views.report"},
    {"importers.timelinejs", "importers.stix", "importers.misp", "importers.table"},
    {"importers.write"},
    {"commands"},
    {"commands._common"},
    {f"commands.{name}_" if iskeyword(name) else f"commands.{name}" for name in names()},
    {"render"},
    {"render.rich_blocks", "render.pictures", "render.svg", "render.graph_data", "render.raster"},
    {"render.as_rich", "render.as_text", "render.as_markdown", "render.as_json"},
    {"render.as_csv", "render.as_html", "render.as_docx", "render.as_csljson"},
    {"render.as_dot", "render.as_mermaid"},
    {"render.as_graphml"},
    {"runner"},
    {"quick"},
    {"cli"},
    {"__main__"},
]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts = parts[:-1]
    return ".".join(parts)


def runtime_imports(path: Path) -> set[str]:
    """Our modules `path` imports when it runs (imports for the type checker only, under
    `if TYPE_CHECKING:`, draw no arrow)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            typing_only.update(id(n) for child in node.body for n in ast.walk(child))
    here = module_name(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    if package == ["__init__"]:
        package = []
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level >= 1 and id(node) not in typing_only:
            base = package[: len(package) - (node.level - 1)]
            if node.module:
                found.add(".".join([*base, node.module]))
            else:
                found.update(".".join([*base, alias.name]) for alias in node.names)
    known = {m for layer in LAYERS for m in layer}
    # `from . import Options` names a module's package; `from .x import y`, a module.
    return {m if m in known else m.rsplit(".", 1)[0] for m in found} - {"__version__"}


MODULES = sorted(module_name(p) for p in SRC.rglob("*.py"))


def test_every_module_has_a_layer() -> None:
    placed = [m for layer in LAYERS for m in layer]
    assert sorted(placed) == MODULES


@pytest.mark.parametrize("module", MODULES)
def test_import_arrows_point_down_the_layers(module: str) -> None:
    level = {m: n for n, layer in enumerate(LAYERS) for m in layer}
    path = SRC / (module.replace(".", "/") + ".py")
    if not path.exists():
        path = SRC / module.replace(".", "/") / "__init__.py"
    upward = {m for m in runtime_imports(path) if level.get(m, 99) >= level[module]}
    assert not upward, f"{module} imports {sorted(upward)} from its own layer or above"


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
    from vrmc_cli.core.record import FrozenInstanceError
    from vrmc_cli.corpus.model import Country

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
        "from vrmc_cli.core.doc import Para\n"
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


@pytest.mark.parametrize("command", names())
def test_a_command_reads_its_parameters_as_a_typed_record(command: str) -> None:
    """A command's `Params` names only parameters its SPEC declares (mypy --strict checks
    the names `run` reads from it), and no command reads the untyped dict itself."""
    from vrmc_cli.commands import module, read_params

    declared, found = spec(command), module(command)
    assert declared is not None and found is not None
    source = Path(found.__file__ or "").read_text(encoding="utf-8")
    assert "call.params[" not in source and "call.params.get(" not in source
    params = getattr(found, "Params", None)
    if params is None:
        return  # it reads nothing of its own
    known = {o.name for o in declared.all_options} | {a.name for a in declared.arguments}
    assert set(params.__record_fields__) <= known
    defaults = {o.name: o.default for o in declared.all_options}
    read_params(params, {**defaults, **{a.name: None for a in declared.arguments}})


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("judgments", "--sort", "likelyhood"),
            "unknown order 'likelyhood' (did you mean 'likelihood'?); "
            "one of: briefing, likelihood, confidence",
        ),
        (("chart", "evnts"), "unknown chart 'evnts' (did you mean 'events'?)"),
        (("export", "stx"), "unknown export format 'stx' (did you mean 'stix'?)"),
        (("report", "--sections", "timelime"), "unknown section 'timelime' (did you mean"),
        (("search", "x", "--kind", "evnt"), "unknown --kind value 'evnt' (did you mean"),
        (("report", "--citations", "apa"), "unknown citation style 'apa'; one of: numbers"),
    ],
)
def test_a_value_of_a_fixed_set_is_checked_one_way(args: tuple[str, ...], message: str) -> None:
    result = invoke(*args)
    assert result.exit_code == 2 and result.stdout == ""
    assert message in result.stderr, result.stderr


def test_a_long_set_of_values_is_listed_in_part() -> None:
    from vrmc_cli.core.choice import SHOWN, unknown

    options = [f"value-{n:02}" for n in range(SHOWN + 5)]
    message = str(unknown("thing", "zzz", options))
    assert message.endswith(", value-07 and 5 more") and "value-08" not in message
    hints = str(unknown("thing", "value-1", options)).split("; one of")[0]
    assert hints.count("'value-1") == 4  # the value, then three close ones at most
