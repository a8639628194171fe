"""Make untrusted text harmless for terminals and one-line contexts, and fold it for matching."""

from __future__ import annotations

import re
import unicodedata

# C0 controls except tab and newline, DEL, C1 controls, bidi controls, zero-width and
# invisible format characters, the BOM, and the Unicode line/paragraph separators. Every one
# of these can move the cursor, restyle or hide text, or reorder what the reader sees.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
    "\ud800-\udfff]"
)
_UNSAFE_ONE_LINE = re.compile(_UNSAFE.pattern[:-1] + "\t\n]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code == 0x09:
        return "\\t"
    if code == 0x0A:
        return "\\n"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def visible(text: str, *, one_line: bool = False) -> str:
    """Replace every control, bidi and invisible character by a visible escape such as `\\x1b`.

    Newlines and tabs are kept unless `one_line` (table cells, error messages, CSV headers).
    """
    pattern = _UNSAFE_ONE_LINE if one_line else _UNSAFE
    if pattern.search(text) is None:
        return text
    return pattern.sub(_escape, text)


def fold(text: str) -> str:
    """Case- and accent-insensitive form for matching: `Bogotá` and `BOGOTA` fold alike."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def shorten(text: str, limit: int = 60) -> str:
    """One visible line of at most `limit` characters, for echoing input in messages."""
    line = visible(text, one_line=True)
    return line if len(line) <= limit else line[: limit - 1] + "…"


def quote(text: str, limit: int = 60) -> str:
    """`'text'` for messages: visible, one line, shortened, and not re-escaped by repr()."""
    return f"'{shorten(text, limit)}'"
