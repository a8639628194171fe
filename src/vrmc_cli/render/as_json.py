"""JSON: one object, keys in a fixed order, dates as partial-date strings, every field
present (null or [] when empty), ASCII-only (so no control or bidi character survives raw)."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from ..core.formats import DATA
from . import Renderer

# Not `typing.TYPE_CHECKING`: a warm run does not import typing (docs/performance.md); type
# checkers treat any `TYPE_CHECKING` as true.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ..commands import Result
    from . import Options

JSONObject = dict[str, "Any"]


DECLARED = Renderer(DATA, "JSON", (".json",))


def dumps(obj: JSONObject) -> str:
    """Deterministic, strict JSON: fixed key order, ASCII escapes, no NaN, a final newline.

    The text of `json.dumps(obj, ensure_ascii=True, allow_nan=False, indent=2)` (a property
    test holds the two equal). With an indent, json encodes in pure Python, generically;
    `_indented` follows the same rules for the values vrmc prints, faster
    (docs/performance.md), and leaves anything else (NaN and infinities, non-text keys,
    other types) to json.
    """
    import json  # here: the text formats do not need it (start-up time)

    parts: list[str] = []
    try:
        _indented(obj, "\n", parts, json.encoder.encode_basestring_ascii)
    except _Unusual:
        return json.dumps(obj, ensure_ascii=True, allow_nan=False, indent=2) + "\n"
    parts.append("\n")
    return "".join(parts)


class _Unusual(Exception):
    """A value `_indented` leaves to json."""


def _indented(value: object, newline: str, out: list[str], encode: Callable[[str], str]) -> None:
    # In json's own order: bool before int, as True is an int.
    if isinstance(value, str):
        out.append(encode(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float) and math.isfinite(value):
        out.append(float.__repr__(value))
    elif isinstance(value, list | tuple):
        if not value:
            out.append("[]")
            return
        if all(type(item) is str for item in value):  # ids and codes: the usual list
            out.append(_texts(value, newline, encode))
            return
        inner = newline + "  "
        separator = "[" + inner
        for item in value:
            out.append(separator)
            _indented(item, inner, out, encode)
            separator = "," + inner
        out.append(newline + "]")
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = newline + "  "
        separator = "{" + inner
        for key, item in value.items():
            if not isinstance(key, str):
                raise _Unusual
            # The usual values, without a call: text, null, flags, lists of ids.
            if type(item) is str:
                out.append(separator + encode(key) + ": " + encode(item))
            elif item is None:
                out.append(separator + encode(key) + ": null")
            elif item is True or item is False:
                out.append(separator + encode(key) + (": true" if item else ": false"))
            elif type(item) is list and all(type(x) is str for x in item):
                texts = _texts(item, inner, encode) if item else "[]"
                out.append(separator + encode(key) + ": " + texts)
            else:
                out.append(separator + encode(key) + ": ")
                _indented(item, inner, out, encode)
            separator = "," + inner
        out.append(newline + "}")
    else:
        raise _Unusual


def _texts(items: Sequence[str], newline: str, encode: Callable[[str], str]) -> str:
    """A non-empty list of strings, one to a line, as json.dumps(indent=2) writes it."""
    inner = newline + "  "
    return "[" + inner + ("," + inner).join(map(encode, items)) + newline + "]"


# --------------------------------------------------------------------------- CSV


def render(result: Result, options: Options) -> str:
    return dumps(result.data())
