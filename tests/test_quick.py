"""The quick path (quick.py) against Typer: the same options, the same parameters, the same
output; and it declines whatever it is not sure of."""

from __future__ import annotations

from typing import Any
from unittest import mock

import pytest
import typer.main
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import FIXTURE, examples, invoke, run_vrmc
from vrmc_cli import cli, quick
from vrmc_cli.commands import FLAG, Spec, names
from vrmc_cli.commands import spec as commands_spec
from vrmc_cli.runner import State

GROUP = typer.main.get_command(cli.app)
MULTI = {"theme", "country", "actor", "category"}
# Both parsers read the same declarations (commands/): these tests check that they read
# them alike, by what each hands to runner.execute and by what a run prints.
SPECS = {name: spec for name in names() if (spec := commands_spec(name)) is not None}


def _declared(spec: Spec) -> dict[str, tuple[str, str]]:
    return {flag: (o.name, o.kind) for o in spec.all_options for flag in o.flags}


def test_validate_and_unknown_commands_are_typers() -> None:
    assert "validate" in GROUP.commands  # type: ignore[attr-defined]
    assert quick.plan(["validate"], {}) is None
    assert quick.plan(["nope"], {}) is None


def test_typer_declares_every_command_from_its_specification() -> None:
    assert sorted(GROUP.commands) == sorted(SPECS)  # type: ignore[attr-defined]
    for name, spec in SPECS.items():
        command = GROUP.commands[name]  # type: ignore[attr-defined]
        params = [p.name for p in command.params if p.name != "help"]
        assert params == [*(a.name for a in spec.arguments), *(o.name for o in spec.all_options)]


# --------------------------------------------------------------------------- the same call


def _typer_call(argv: list[str], env: dict[str, str]) -> tuple[int, Any]:
    """What Typer passes to runner.execute for `argv` (nothing is run)."""
    calls: list[tuple[State, str, dict[str, Any]]] = []

    def record(state: State, command: str, params: dict[str, Any]) -> None:
        calls.append((state, command, dict(params)))

    with mock.patch.object(cli, "execute", record):
        result = invoke(*argv, env=env)
    return result.exit_code, (calls[0] if calls else None)


def _normal(call: tuple[State, str, dict[str, Any]]) -> tuple[Any, ...]:
    state, command, params = call
    # A repeatable option not given is None from Typer and from quick.py; runner reads
    # None and an empty list alike.
    fixed = {k: tuple(v or ()) if k in MULTI else v for k, v in params.items()}
    return (state.roots, state.use_cache, state.debug), command, fixed


VALUES = [
    "2018",
    "2018-05",
    "colombia",
    "json",
    "JSON",
    "Text",
    "bogus",
    "",
    "0",
    "3",
    "7",
    " 2",
    "٣",
    "-1",
    "-x",
    "x y",
    "=json",
    "motivations",
]


# Values Typer takes for every option that takes a value (except where a number must be).
PLAIN = ["2018", "colombia", "JSON", "Text", "3", " 2", "x y", "motivations"]


def _pieces(options: dict[str, tuple[str, str]], values: list[str]) -> list[list[str]]:
    pieces: list[list[str]] = []
    for spelling, (_, kind) in options.items():
        if kind == FLAG:
            pieces += [[spelling]] if values is PLAIN else [[spelling], [spelling + "=x"]]
            continue
        for value in values:
            pieces.append([spelling, value])
            pieces.append([spelling + ("=" if spelling.startswith("--") else "") + value])
    if values is PLAIN:
        return pieces
    pieces += [[v] for v in ("motivations", "putin", "igla")]
    if values is not PLAIN:
        pieces += [[v] for v in ("-", "--", "--help", "-h", "-z", "--version", "--no-such")]
    return pieces


CLEAN_GLOBAL = [["-b", str(FIXTURE)], ["-b" + str(FIXTURE)], ["--briefings=" + str(FIXTURE)]]
CLEAN_GLOBAL += [["--no-cache"], ["--debug"]]
GLOBAL_PIECES = [*CLEAN_GLOBAL, ["--version"], ["-h"], ["--debug=1"]]
ARGUMENT_VALUES = {"brief": "motivations", "actor": "putin", "search": "igla"}
COMMANDS = [*sorted(SPECS), "nope"]
OPTIONS = {c: _declared(spec) for c, spec in SPECS.items()}
PIECES = {c: _pieces(o, VALUES) for c, o in OPTIONS.items()}
CLEAN = {c: _pieces(o, PLAIN) for c, o in OPTIONS.items()}


@st.composite
def command_lines(draw: st.DrawFn) -> tuple[list[str], dict[str, str]]:
    """Command lines, half of them made only of what Typer accepts."""
    clean = draw(st.booleans())
    globals_ = CLEAN_GLOBAL if clean else GLOBAL_PIECES
    argv = [t for piece in draw(st.lists(st.sampled_from(globals_), max_size=3)) for t in piece]
    command = draw(st.sampled_from(COMMANDS))
    if not clean and draw(st.booleans()):
        command = ""  # no command: the group's help
    argv += [command] if command else []
    pieces = (CLEAN if clean else PIECES).get(command, [["x"]])
    for piece in draw(st.lists(st.sampled_from(pieces), max_size=6)):
        argv += piece
    if clean and command in ARGUMENT_VALUES and (command != "brief" or draw(st.booleans())):
        argv.insert(draw(st.integers(argv.index(command) + 1, len(argv))), ARGUMENT_VALUES[command])
    env = draw(st.sampled_from([{}, {"VRMC_FORMAT": "JSON"}, {"VRMC_FORMAT": "no"}]))
    env = {**env, **draw(st.sampled_from([{}, {"VRMC_NO_CACHE": "1"}, {"VRMC_DEBUG": "yes"}]))}
    return argv, env


@settings(max_examples=examples(400), suppress_health_check=[HealthCheck.too_slow])
@given(command_lines())
def test_what_quick_accepts_typer_runs_with_the_same_parameters(
    line: tuple[list[str], dict[str, str]],
) -> None:
    argv, env = line
    with mock.patch.dict("os.environ", env):
        found = quick.plan(argv, env)
    if found is None:
        return  # declining is always safe: Typer reads the line
    status, call = _typer_call(argv, env)
    assert status == 0 and call is not None, argv
    assert _normal(call) == _normal(found), argv


COMMON = [
    ["brief", "motivations"],
    ["brief"],
    ["timeline", "--country", "colombia", "--since", "2018"],
    ["timeline", "-c", "colombia", "--short", "--reverse", "-n", "5", "-f", "json"],
    ["-b", "corpus", "report", "--format", "markdown", "--heading-level", "2", "--cite"],
    ["--no-cache", "actor", "vladimir-putin", "--since=2019"],
    ["actors", "-c", "russia", "-fcsv"],
    ["transfers", "--category", "aircraft", "--category", "air-defence"],
    ["search", "igla", "-t", "arms"],
    ["scenarios"],
    ["themes"],
    ["countries", "-f", "HTML"],
    ["sources", "--no-pager"],
]


@pytest.mark.parametrize("argv", COMMON, ids=" ".join)
def test_common_command_lines_take_the_quick_path(argv: list[str]) -> None:
    found = quick.plan(argv, {})
    assert found is not None
    status, call = _typer_call(argv, {})
    assert status == 0 and call is not None
    assert _normal(call) == _normal(found)


DECLINED = [
    [],
    ["--help"],
    ["brief", "--help"],
    ["brief", "-h"],
    ["--version"],
    ["-b", "x", "--version"],
    ["--show-completion", "brief"],
    ["validate"],
    ["timeline", "--limit", "-1"],
    ["timeline", "--limit", "0"],
    ["timeline", "--limit", "x"],
    ["report", "--heading-level", "7"],
    ["brief", "-f", "pdf"],
    ["brief", "a", "b"],
    ["actor"],
    ["search", "--", "-x"],
    ["timeline", "--short=yes"],
    ["timeline", "--since"],
    ["brief", "--no-cache"],
    ["timeline", "--shor"],
]


@pytest.mark.parametrize("argv", DECLINED, ids=" ".join)
def test_anything_unsure_is_left_to_typer(argv: list[str]) -> None:
    assert quick.plan(argv, {}) is None


def test_completion_is_left_to_typer() -> None:
    assert quick.plan(["brief"], {"_VRMC_COMPLETE": "complete_bash"}) is None


def test_a_bad_format_in_the_environment_is_left_to_typer() -> None:
    assert quick.plan(["brief"], {"VRMC_FORMAT": "pdf"}) is None
    assert quick.plan(["brief", "-f", "text"], {"VRMC_FORMAT": "pdf"}) is not None


# --------------------------------------------------------------------------- the same output

OUTPUTS = [
    ["timeline", "-f", "text"],
    ["brief", "-f", "markdown"],
    ["actors", "-f", "csv", "--since", "2030"],
    ["brief", "nope"],
    ["timeline", "--country", "atlantis"],
    ["brief", "-f", "csv"],
]


@pytest.mark.parametrize("argv", OUTPUTS, ids=" ".join)
def test_the_quick_path_prints_what_typer_prints(argv: list[str]) -> None:
    full = ["-b", str(FIXTURE), *argv]
    assert quick.plan(full, {}) is not None
    expected = invoke(*full)
    actual = run_vrmc(*full)
    assert actual.returncode == expected.exit_code
    assert actual.stdout.decode() == expected.stdout
    assert actual.stderr.decode() == expected.stderr


LISTED = "every command, as the group's help lists it"
WHOLE = "the whole app"
APPS: list[tuple[list[str], list[str] | str]] = [
    (["-b", "x", "timeline", "--limit", "-1"], ["timeline"]),
    (["-bx", "--no-cache", "brief", "-h"], ["brief"]),
    (["--briefings=x", "--debug", "actors"], ["actors"]),
    (["validate", "x"], ["validate"]),
    (["-b", "--help", "timeline", "-h"], ["timeline"]),  # --help is -b's value
    ([], LISTED),
    (["--help"], LISTED),
    (["-h"], LISTED),
    (["--no-cache", "-b", "x", "-h"], LISTED),
    (["-h", "timeline"], LISTED),  # the group's help, whatever follows
    (["--help", "nope", "--limit"], LISTED),
    (["--help", "--no-such"], LISTED),
    (["-b", "x"], LISTED),  # "Missing command"
    (["-b"], LISTED),
    (["--version", "brief"], LISTED),
    (["--no-cache", "nope"], WHOLE),
    (["--", "timeline"], WHOLE),
    (["--no-such", "timeline"], WHOLE),
    (["-x", "timeline"], WHOLE),
]


def _commands(app: typer.Typer) -> dict[str, list[str]]:
    group = typer.main.get_command(app)
    return {
        name: [p.name or "" for p in command.params]
        for name, command in group.commands.items()  # type: ignore[attr-defined]
    }


@pytest.mark.parametrize(("argv", "kept"), APPS, ids=[" ".join(a) or "-" for a, _ in APPS])
def test_typer_builds_only_what_the_command_line_reads(
    argv: list[str], kept: list[str] | str
) -> None:
    """cli.app_for: what the slow path hands to Typer. The command it names, alone; every
    command without its parameters when the group answers by itself; the whole app when
    unsure."""
    app = cli.app_for(argv)
    if kept == WHOLE:
        assert app is cli.app
    elif kept == LISTED:
        assert _commands(app) == {name: [] for name in SPECS}
    else:
        assert list(_commands(app)) == kept
        assert _commands(app) == {k: v for k, v in _commands(cli.app).items() if k in kept}


def test_completion_is_given_the_whole_app(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_VRMC_COMPLETE", "complete_bash")
    assert cli.app_for([]) is cli.app
    assert cli.app_for(["--help"]) is cli.app


@pytest.mark.parametrize("columns", ["40", "80", "132", "200"])
@pytest.mark.parametrize(("argv", "kept"), APPS, ids=[" ".join(a) or "-" for a, _ in APPS])
def test_what_typer_is_handed_prints_what_the_whole_app_prints(
    argv: list[str], kept: list[str] | str, columns: str
) -> None:
    """The group's help, usage errors and every command's help are the same from the app
    app_for builds as from the whole app, at any width (nothing is run: the corpus folder
    does not exist)."""
    env = {"COLUMNS": columns}
    with mock.patch.object(cli, "execute", lambda *a: None):
        expected = CliRunner().invoke(cli.app, argv, env=env, prog_name="vrmc")
        actual = CliRunner().invoke(cli.app_for(argv), argv, env=env, prog_name="vrmc")
    assert (actual.exit_code, actual.stdout, actual.stderr) == (
        expected.exit_code,
        expected.stdout,
        expected.stderr,
    )


@pytest.mark.parametrize("name", sorted(SPECS))
def test_every_command_help_is_the_whole_apps(name: str) -> None:
    argv = ["--no-cache", name, "--help"]
    expected = CliRunner().invoke(cli.app, argv, prog_name="vrmc")
    actual = CliRunner().invoke(cli.app_for(argv), argv, prog_name="vrmc")
    assert expected.exit_code == 0 and actual.stdout == expected.stdout


def test_a_listed_command_is_never_run() -> None:
    app = cli.app_of(["timeline"], listed=True)
    result = CliRunner().invoke(app, ["timeline"], prog_name="vrmc")
    assert isinstance(result.exception, RuntimeError)


def test_an_interrupt_ends_a_run_alike_on_both_paths(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Typer turns Ctrl-C inside a command into a silent exit 130; vrmc ends the line the
    terminal echoed ^C on and exits 130, whichever path parsed the command line."""
    from vrmc_cli import runner

    def interrupted(state: State) -> None:  # the corpus is loaded by the command's call
        raise KeyboardInterrupt

    monkeypatch.setattr(runner, "load", interrupted)
    monkeypatch.setattr(cli, "load", interrupted)
    argv = ["-b", str(FIXTURE), "timeline"]
    found = quick.plan(argv, {})
    assert found is not None
    state, command, params = found
    with pytest.raises(SystemExit) as caught:
        runner.guarded(lambda: runner.execute(state, command, params), debug=False)
    quick_err = capsys.readouterr().err
    for typer_argv in (argv, ["-b", str(FIXTURE), "validate"]):
        result = invoke(*typer_argv)
        assert (result.exit_code, result.stderr) == (130, "\n"), typer_argv
    assert (caught.value.code, quick_err) == (130, "\n")


# --------------------------------------------------------------------------- the tables


def test_the_option_tables_are_the_commands_declarations() -> None:
    """quick.py reads the command line from literal tables (no command module is imported
    to read it): they are what commands/ declares now, and its constants are commands'."""
    from pathlib import Path

    from vrmc_cli import commands

    text = Path(quick.__file__).read_text(encoding="utf-8")
    assert quick.BEGIN + quick.table_source() + quick.END in text, "run: python -m vrmc_cli.quick"
    assert (quick.FLAG, quick.TEXTS, quick.FORMAT, quick.LEVEL, quick.COUNT) == (
        commands.FLAG,
        commands.TEXTS,
        commands.FORMAT,
        commands.LEVEL,
        commands.COUNT,
    )
    assert quick.FORMAT_ENV == commands.FORMAT_ENV
    # Every command whose arguments are not a list is read here, with every spelling.
    for name, spec in SPECS.items():
        table = quick.COMMANDS.get(name)
        if any(a.many for a in spec.arguments):
            assert table is None, name
            continue
        assert table is not None, name
        options, defaults = quick.spelled(table)
        assert {s: (n, k) for s, (n, k, _) in options.items()} == _declared(spec), name
        least = {o.name: o.minimum for o in spec.all_options}
        assert all(least[n] == m for n, _, m in options.values()), name
        assert list(defaults) == [(o.name, o.default) for o in spec.all_options], name
        assert table[2] == tuple((a.name, a.required) for a in spec.arguments), name
