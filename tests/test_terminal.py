"""Behaviour on a real terminal (a pty): colour, NO_COLOR, TERM=dumb, width and the pager."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import FIXTURE, run_on_a_terminal

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pty")


def run_in_pty(*args: str, env: dict[str, str] | None = None, stdin_tty: bool = True) -> bytes:
    """Run vrmc with stdout (and stdin) on a pseudo-terminal; return what it wrote there."""
    return run_on_a_terminal("-b", str(FIXTURE), *args, env=env, stdin_tty=stdin_tty)


def test_a_terminal_gets_the_rich_view_in_colour() -> None:
    out = run_in_pty("brief", "arms", "--no-pager")
    assert b"\x1b[" in out
    assert "╭─".encode() in out and b"Bottom line" in out


def test_no_color_and_term_dumb_remove_escape_codes() -> None:
    assert b"\x1b[" not in run_in_pty("brief", "arms", "--no-pager", env={"NO_COLOR": "1"})
    assert b"\x1b[" not in run_in_pty("brief", "arms", "--no-pager", env={"TERM": "dumb"})


def test_text_format_on_a_terminal_has_no_escape_codes() -> None:
    out = run_in_pty("timeline", "-f", "text")
    assert b"\x1b" not in out and b"TIMELINE" in out


def test_long_output_goes_through_the_pager(tmp_path: Path) -> None:
    seen = tmp_path / "paged.txt"
    script = f"import sys; open({str(seen)!r}, 'wb').write(sys.stdin.buffer.read())"
    pager = f'{sys.executable} -c "{script}"'
    out = run_in_pty("report", env={"PAGER": pager})
    assert seen.exists() and b"Atlantic test corpus" in seen.read_bytes()
    assert b"Atlantic test corpus" not in out


def test_no_pager_and_short_output_skip_the_pager(tmp_path: Path) -> None:
    seen = tmp_path / "paged.txt"
    pager = f"{sys.executable} -c \"open({str(seen)!r}, 'w').write('used')\""
    run_in_pty("report", "--no-pager", env={"PAGER": pager})
    run_in_pty("brief", "talks", env={"PAGER": pager})
    run_in_pty("report", env={"PAGER": pager}, stdin_tty=False)
    assert not seen.exists()
