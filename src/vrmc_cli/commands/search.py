"""vrmc search: full-text search."""

from __future__ import annotations

from . import Argument, Call, Result, Spec

SPEC = Spec(
    "search",
    "Full-text search across every text field, ignoring case and accents.",
    ("vrmc search igla", "vrmc search 'tu-160' -c colombia", "vrmc search bogota"),
    arguments=(Argument("text", "TEXT", "Words to find (all of them)."),),
)

COLUMNS = ("kind", "ref", "label", "field", "text")


def run(call: Call) -> Result:
    from .. import views
    from ..errors import UsageError
    from ..search import search
    from ..textsafe import quote

    text = call.params["text"]
    if not text.split():
        raise UsageError("search: give at least one word to find")
    hits = search(call.corpus(), text, call.filter())
    by_kind: dict[str, list[str]] = {}
    for hit in hits:
        by_kind.setdefault(hit.kind, []).append(hit.ref)
    return Result(
        by_kind,
        lambda: views.search_doc(text, hits),
        lambda: {
            "query": text,
            "results": [
                {
                    "kind": h.kind,
                    "ref": h.ref,
                    "label": h.label,
                    "matches": [{"field": m.field, "text": m.text} for m in h.matches],
                }
                for h in hits
            ],
        },
        COLUMNS,
        lambda: [[h.kind, h.ref, h.label, m.field, m.text] for h in hits for m in h.matches],
        () if hits else (f"nothing matches {quote(text)}",),
    )
