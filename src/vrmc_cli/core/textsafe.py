"""Make untrusted text harmless for terminals and one-line contexts, and fold it for matching."""

from __future__ import annotations

from functools import cache

# Not `typing.TYPE_CHECKING`: a warm run imports neither typing nor `re` (docs/performance.md);
# type checkers treat any `TYPE_CHECKING` as true.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import re

# C0 controls except tab and newline, DEL, C1 controls, every Unicode format character
# (category Cf, Unicode 15.1: bidi controls, zero-width characters, invisible operators, tag
# characters, the BOM, the soft hyphen...), the line and paragraph separators, the combining
# grapheme joiner, the Hangul fillers (letters that draw nothing), lone surrogates and the 66
# noncharacters (U+FDD0..U+FDEF and the last two code points of every plane: U+FFFE and
# U+FFFF are not even allowed in XML). Every one of these can move the cursor, restyle or
# hide text, reorder what the reader sees, or break the file a reader opens.
# In two halves: the Basic Multilingual Plane's, then those above it (the noncharacters of
# planes 1 to 16 last).
_UNSAFE_BMP = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891"
    "\u08e2\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\u3164"
    "\ud800-\udfff\ufeff\uffa0\ufff9-\ufffb\ufdd0-\ufdef\ufffe\uffff"
)
_UNSAFE_ABOVE = (
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f"
    + "".join(f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(1, 17))
)
# Characters of the class that Python counts as printable (str.isprintable): letters and a
# mark that draw nothing. Every other character of the class is a control, format,
# separator, surrogate or unassigned character, none of them printable (tests/test_textsafe.py
# checks both over every code point).
_PRINTABLE_UNSAFE = "\u034f\u115f\u1160\u3164\uffa0"


@cache
def _unsafe(one_line: bool) -> re.Pattern[str]:
    """The whole class of characters `visible` escapes (with tab and newline if `one_line`),
    compiled on first use: most runs never need it (docs/performance.md)."""
    import re

    return re.compile("[" + _UNSAFE_BMP + _UNSAFE_ABOVE + ("\t\n" if one_line else "") + "]")


def _holds_printable_unsafe(text: str) -> bool:
    """Whether printable `text` holds one of the five printable characters of the class."""
    if not text.isascii():
        for char in _PRINTABLE_UNSAFE:  # a loop, not any(): no generator per text
            if char in text:
                return True
    return False


def _has_unsafe(text: str, one_line: bool) -> bool:
    # Printable text (and text printable but for its line breaks and tabs, unless
    # `one_line`) holds no character of the class but those five; only other text is
    # searched with the class itself (and so imports `re`). (str.isprintable looks every
    # character up: it is asked once of each text.)
    if text.isprintable():
        return _holds_printable_unsafe(text)
    if not one_line and ("\n" in text or "\t" in text):
        probe = text.replace("\n", " ").replace("\t", " ")
        if probe.isprintable():
            return _holds_printable_unsafe(probe)
    return _unsafe(one_line).search(text) is not None


def printable_as_is(text: str) -> bool:
    """Whether `text` is printable (no line break or tab either) and `visible` leaves it as
    it is: what a renderer that must know both asks once (render/as_text.py)."""
    return text.isprintable() and not _holds_printable_unsafe(text)


@cache
def _linkable() -> re.Pattern[str]:
    """A URL that may become a live link (an autolink in Markdown, an href in HTML): http or
    https, nothing that ends or breaks the link, and nothing `visible` would escape."""
    import re

    return re.compile(r"https?://[^\s<>\"'`\\]+")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code == 0x09:
        return "\\t"
    if code == 0x0A:
        return "\\n"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def visible(text: str, *, one_line: bool = False) -> str:
    """Replace every control, bidi and invisible character by a visible escape such as `\\x1b`.

    Newlines and tabs are kept unless `one_line` (table cells, error messages, CSV headers).
    """
    if not _has_unsafe(text, one_line):
        return text
    return _unsafe(one_line).sub(_escape, text)


def hides(text: str, *, one_line: bool = False) -> bool:
    """Whether `text` holds a character that `visible` would escape."""
    return _has_unsafe(text, one_line)


def linkable(url: str) -> bool:
    """Whether `url` may be written as a live link: an http(s) URL whose every character is
    shown as itself, so that the link is exactly the text a reader sees."""
    return _linkable().fullmatch(url) is not None and not hides(url, one_line=True)


def fold(text: str) -> str:
    """Case- and accent-insensitive form for matching: `Bogotá` and `BOGOTA` fold alike."""
    folded = text.casefold()
    if folded.isascii():  # nothing to decompose, no combining mark
        return folded
    bare = folded.translate(_unmarked())
    if bare.isascii():  # the rest were Latin letters with marks: the table's
        return bare
    import unicodedata  # here: a warm run that folds only such names does not load it

    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# The lower-case Latin letters with marks (U+00C0 to U+024F) whose decomposition (NFKD), its
# combining marks dropped, is one ASCII letter, and that letter: what `fold` gives for each
# without unicodedata (tests/test_warm_path.py holds every one to unicodedata's). A fold is
# the same one character at a time: NFKD decomposes each character on its own, and only the
# order of the combining marks, which are dropped, depends on their neighbours.
_MARKED = (
    "àáâãäåçèéêëìíîïñòóôõöùúûüýÿāăąćĉċčďēĕėęěĝğġģĥĩīĭįĵķĺļľńņňōŏőŕŗřśŝşšţťũūŭůűųŵŷźżžơưǎǐǒǔ"
    "ǖǘǚǜǟǡǧǩǫǭǵǹǻȁȃȅȇȉȋȍȏȑȓȕȗșțȟȧȩȫȭȯȱȳ"
)
_BARE = (
    "aaaaaaceeeeiiiinooooouuuuyyaaaccccdeeeeegggghiiiijklllnnnooorrrssssttuuuuuuwyzzzouaiou"
    "uuuuaagkoognaaaeeiioorruusthaeooooy"
)


@cache
def _unmarked() -> dict[int, int]:
    return str.maketrans(_MARKED, _BARE)


# A message shows a path or value whole up to this many characters (a path's limit on Linux);
# past it, a huge value (a pasted file, hostile input) shows its start and says how long it is.
WHOLE = 4096


def shorten(text: str, limit: int = WHOLE) -> str:
    """One visible line for echoing input in messages: whole up to `limit` characters, else
    its start and how many characters it has in all, so a cut is never silent."""
    line = visible(text, one_line=True)
    if len(line) <= limit:
        return line
    return f"{line[:200]}… ({len(line):,} characters in all)"


def quote(text: str, limit: int = WHOLE) -> str:
    """`'text'` for messages: visible, one line, whole (see `shorten`), and not re-escaped
    by repr()."""
    return f"'{shorten(text, limit)}'"
