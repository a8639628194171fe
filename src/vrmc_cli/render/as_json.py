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

    from ..commands import Listed, Result
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


def render(result: Result, options: Options) -> str | bytes:
    """The JSON text; a listing of a cached corpus's entries (`kept_listing`) as its ASCII
    bytes, written as they are (at 100,000 events, tens of megabytes not decoded and
    encoded again)."""
    if result.listed is not None:
        kept = kept_listing(result.listed)
        if kept is not None:
            return kept
    return dumps(result.data())


# The modules whose code makes an entry's JSON text (corpus/derived.py `sources`); the
# model, the fields and the reader are in the corpus cache's own tag.
_JSON_SOURCES = ("corpus/serialize.py", "corpus/origins.py", "render/as_json.py")


def kept_listing(listed: Listed) -> bytes | None:
    """`dumps({key: entries})` (ASCII bytes) of a list of entries of a cached corpus, each
    entry's text read from the corpus's JSON store, or written and kept there when not kept
    yet; None when the corpus has no store (it did not come through the cache), an item is
    not one of its entries of that kind, or an entry holds a value `dumps` leaves to json."""
    from ..analysis.query import Picked
    from ..corpus import derived
    from ..corpus.serialize import entry

    items = listed.items
    corpus = listed.corpus
    # Events picked by position (query.Picked) are found without reading the corpus's
    # events, which a corpus read from the cache then never rebuilds.
    picked = None
    if isinstance(items, Picked) and items.corpus is corpus and listed.kind == "events":
        picked = items
    total = picked.total if picked is not None else len(getattr(corpus, listed.kind, ()))
    store = derived.open_store(corpus, f"json-{listed.kind}", derived.sources(_JSON_SOURCES), total)
    if store is None:
        return None
    try:
        wanted = (
            picked.positions
            if picked is not None
            else _positions(getattr(corpus, listed.kind, ()), items)
        )
        if wanted is None:
            return None
        found = store.get(wanted)
        new: dict[int, bytes] = {}
        texts: list[bytes | memoryview] = []
        for n, kept in zip(wanted, found, strict=True):
            if kept is not None:
                texts.append(kept)
                continue
            text = listed_entry(entry(listed.kind, getattr(corpus, listed.kind)[n]))
            if text is None:
                return None
            new[n] = text.encode("ascii")
            texts.append(new[n])
        if new:
            store.add(new)
            store.save()
        return listing_text(listed.key, texts)
    finally:
        store.close()


# An entry of a list that is a value of the top object: `{"events": [{...}, ...]}`.
_LISTED = "\n    "


def listed_entry(obj: JSONObject) -> str | None:
    """`obj` as `dumps({key: [..., obj, ...]})` writes it (indented for its place), or None
    for a value `dumps` leaves to json."""
    import json

    parts: list[str] = []
    try:
        _indented(obj, _LISTED, parts, json.encoder.encode_basestring_ascii)
    except _Unusual:
        return None
    return "".join(parts)


def _positions(everything: Sequence[object], items: Sequence[object]) -> list[int] | None:
    """Where each of `items` is in `everything` (None when one is not there). A selection
    keeps the corpus's order, or its reverse: then each is found by `list.index` from the
    one before (a scan in C, by identity first); else through a table."""
    for order in (items, items[::-1]):
        found: list[int] = []
        at = 0
        try:
            for item in order:
                at = everything.index(item, at)
                if everything[at] is not item:
                    break
                found.append(at)
                at += 1
            else:
                return found if order is items else found[::-1]
        except ValueError:
            continue
    position = {id(item): n for n, item in enumerate(everything)}
    wanted = [position.get(id(item), -1) for item in items]
    return None if -1 in wanted else wanted


def listing_text(key: str, texts: Sequence[bytes | memoryview]) -> bytes:
    """`dumps({key: objects})` as ASCII bytes, given each object as `listed_entry` writes
    it."""
    import json

    name = json.encoder.encode_basestring_ascii(key).encode("ascii")
    if not texts:
        return b"{\n  " + name + b": []\n}\n"
    # One join of every piece: the text is copied once, whatever its size.
    parts: list[bytes | memoryview] = [b"{\n  " + name + b": [\n    "]
    separator = b",\n    "
    for text in texts:
        parts.append(text)
        parts.append(separator)
    parts[-1] = b"\n  ]\n}\n"
    return b"".join(parts)
