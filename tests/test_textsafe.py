"""textsafe.visible: what may never reach a terminal raw comes out as a readable escape."""

from __future__ import annotations

import codecs
import sys
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from conftest import INVISIBLE, raw_unsafe
from vrmc_cli.core.textsafe import visible

UNSAFE = [
    chr(c)
    for c in range(sys.maxunicode + 1)
    if (unicodedata.category(chr(c)) in ("Cc", "Cf", "Zl", "Zp", "Cs") and chr(c) not in "\t\n")
    or chr(c) in INVISIBLE
]


def test_every_unsafe_character_becomes_its_escape() -> None:
    assert len(UNSAFE) > 2000  # Cc, Cf (170 in Unicode 15.1), Zl, Zp, Cs and the fillers
    for char in UNSAFE:
        shown = visible(char)
        assert shown.startswith("\\") and shown.isascii(), repr(char)
        # The escape is the one Python and YAML double quotes read back as the character.
        assert codecs.decode(shown, "unicode_escape") == char, shown


def test_escapes_beyond_the_basic_plane_use_eight_digits() -> None:
    assert visible("a\U000e0069b") == "a\\U000e0069b"
    assert visible("\u3164") == "\\u3164"
    assert visible("\x1b") == "\\x1b"


def test_tab_and_newline_stay_unless_one_line() -> None:
    assert visible("a\tb\nc") == "a\tb\nc"
    assert visible("a\tb\nc", one_line=True) == "a\\tb\\nc"


# Text a corpus may hold: any letter, mark, symbol or space, and now and then an unsafe one.
texts = st.text(
    alphabet=st.one_of(st.characters(exclude_categories=["Cs"]), st.sampled_from(UNSAFE)),
    max_size=40,
)


@given(texts)
def test_nothing_unsafe_survives_and_the_rest_is_untouched(text: str) -> None:
    shown = visible(text)
    assert not raw_unsafe(shown)
    if not raw_unsafe(text):
        assert shown == text
    # Character by character: the safe ones as they are, each unsafe one as its escape.
    assert shown == "".join(visible(c) if raw_unsafe(c) else c for c in text)


def test_only_five_characters_of_the_class_are_printable() -> None:
    """`visible` and `hides` search text with the class (and import `re`) only when the text
    is not printable or holds one of the five printable characters of the class: every
    other character of the class must be one str.isprintable() refuses."""
    from vrmc_cli.core import textsafe

    whole = textsafe._unsafe(False)
    printable = {
        c for c in map(chr, range(0x110000)) if c.isprintable() and whole.match(c) is not None
    }
    assert printable == set(textsafe._PRINTABLE_UNSAFE)
