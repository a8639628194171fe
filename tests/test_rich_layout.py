"""The terminal view wraps and folds but never crops: every character of a table reaches it."""

from __future__ import annotations

import io
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text

from conftest import FIXTURE, examples
from vrmc_cli.commands import Result, invoke
from vrmc_cli.core.doc import Doc, Span, Table, text_of
from vrmc_cli.core.textsafe import visible
from vrmc_cli.corpus.roots import bundled_root, load_corpus
from vrmc_cli.render import Options, as_rich

WIDTHS = (40, 50, 60, 80, 100, 120)


def _tables(root: str) -> list[Table]:
    corpus = load_corpus([root], use_cache=False)
    outputs: list[Result] = [
        invoke("transfers", corpus),
        invoke("actors", corpus),
        invoke("sources", corpus),
        invoke("themes", corpus),
        invoke("countries", corpus),
        invoke("timeline", corpus, short=True),
        invoke("scenarios", corpus),
    ]
    return [b for o in outputs for b in o.doc().blocks if isinstance(b, Table)]


def _characters(texts: list[str]) -> Counter[str]:
    return Counter(c for text in texts for c in text if not c.isspace() and c != "─")


@pytest.mark.parametrize("root", [str(FIXTURE), str(bundled_root())], ids=["fixture", "bundled"])
def test_tables_lose_no_character_at_any_width(root: str) -> None:
    for table in _tables(root):
        cells = [text_of(cell) for row in table.rows for cell in row]
        expected = _characters([visible(t, one_line=True) for t in [*table.columns, *cells]])
        for width in WIDTHS:
            shown = as_rich.to_string(Doc("table", (table,)), Options(width=width))
            # Only a word longer than the whole line (a 45-character id at 40 columns) may
            # run past the edge, alone on its line: it is never broken.
            for line in shown.splitlines():
                assert len(line) <= width or len(line.split()) == 1, line
            missing = expected - _characters([shown])
            assert not missing, f"{table.columns} at {width} columns loses {missing}"


# --------------------------------------------------------------------------- flowing text


@settings(max_examples=examples(1500))
@given(st.text(alphabet="ab é漢\u0301-—’\u00a0\u00ad\u2028Ж", max_size=70), st.integers(2, 30))
def test_flowing_text_wraps_where_rich_wraps(line: str, width: int) -> None:
    """as_rich lays out paragraphs and lists itself; its lines must be Rich's own (from two
    columns up: in one, Rich drops a double-width character that as_rich keeps whole)."""
    console = Console(width=200, file=io.StringIO())
    expected = [part.plain.rstrip() for part in Text(line).wrap(console, width)]
    assert [line[a:b] for a, b in as_rich.breaks(line, width)] == expected


def test_a_wide_character_is_never_dropped() -> None:
    assert as_rich.breaks("漢", 1) == [(0, 1)]


def test_tables_and_panels_inside_lists_and_wide_labels_keep_every_character() -> None:
    """Blocks nested where the views do not put them today still come out whole."""
    from vrmc_cli.core.doc import Bullets, Callout, Fields, Item, Para, plain

    table = Table(("id", "title"), ((plain("x-1"), plain("a title of some length")),))
    note = Callout("Note", (Para(plain("inside a panel")), Bullets((Item(plain("point")),))))
    wide = Fields((("A label wider than half of a narrow screen", plain("value text")),))
    doc = Doc("t", (Bullets((Item(plain("item"), (table, note, wide)),)), note))
    # The panel is shown twice (in the list and after it), with a bullet in each.
    texts = ["item", "•", "id", "title", "x-1", "a title of some length"]
    texts += 2 * ["Note", "inside a panel", "point", "•"]
    texts += ["A label wider than half of a narrow screen:", "value text"]
    expected = _characters(texts)
    for width in WIDTHS:
        shown = as_rich.to_string(doc, Options(width=width))
        assert max(len(line) for line in shown.splitlines()) <= width
        missing = expected - _characters([shown])
        assert not missing, f"at {width} columns loses {missing}"


@settings(max_examples=examples(1000))
@given(
    before=st.text(alphabet="ab漢❤\ufe0f\u0301\n", max_size=6),
    part=st.text(alphabet="ab漢❤\ufe0f\u0301\t\n ", max_size=20),
)
def test_tabs_expand_as_rich_expands_them(before: str, part: str) -> None:
    whole = Text(before + part)
    whole.expand_tabs()
    plain, _ = as_rich.styled((Span(before), Span(part, "strong")))
    assert plain == whole.plain
