"""as_text.fill: the same lines as textwrap.wrap with vrmc's settings, for any text."""

from __future__ import annotations

import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import examples
from vrmc_cli.render.as_text import fill


def reference(text: str, width: int, first: str, indent: str) -> list[str]:
    return textwrap.wrap(
        text,
        width,
        initial_indent=first,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )


# Mostly words and spaces, sometimes other whitespace (tab, no-break space), so that both
# the fast path and the hand-over to textwrap are exercised.
words = st.text(alphabet="ab-é漢 ", max_size=60)
anything = st.text(alphabet="ab- \t\u00a0\u3000", max_size=40)


@settings(max_examples=examples(2000))
@given(
    st.one_of(words, anything),
    st.integers(1, 30),
    st.sampled_from(["", "  ", "* ", "12345678"]),
    st.sampled_from(["", "  ", "    "]),
)
def test_fill_is_textwrap(text: str, width: int, first: str, indent: str) -> None:
    assert fill(text, width, first, indent) == reference(text, width, first, indent)


def test_a_long_paragraph() -> None:
    text = " ".join(f"word{n}" * (n % 4 + 1) for n in range(300))
    for width in (10, 40, 78):
        assert fill(text, width, "- ", "  ") == reference(text, width, "- ", "  ")
