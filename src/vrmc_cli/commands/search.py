"""vrmc search: full-text search."""

from __future__ import annotations

from ..core.formats import DATA, DOC, ROWS
from ..core.record import Record
from . import TEXTS, Argument, Call, Option, Result, Spec

SPEC = Spec(
    "search",
    "Full-text search across every text field, ignoring case and accents.\n\n"
    "Each word of the query must start a word of the entry (`bomb` finds bombers); "
    "designations match however they are written (`S300`, `s-300` and `S 300` all find "
    "S-300). Entries with a match in their title come first, each with its date and the "
    "words around the match.",
    (
        "vrmc search igla",
        "vrmc search S300",
        "vrmc search 'tu-160' -c colombia",
        "vrmc search bogota --kind event",
    ),
    options=(
        Option(
            "kind",
            ("--kind", "-k"),
            TEXTS,
            "Only entries of this kind: event, point, judgment, actor, relation, source, "
            "transfer, scenario, question, hypothesis (ACH), briefing, theme, country, topic "
            "(repeat: any of them).",
            metavar="KIND",
        ),
    ),
    arguments=(Argument("text", "TEXT", "Words to find (all of them)."),),
    gives=frozenset({DOC, DATA, ROWS}),
)


class Params(Record, frozen=True):
    """What `run` reads of the command line (commands.read_params), typed."""

    text: str
    kind: list[str] | None


COLUMNS = ("kind", "ref", "label", "field", "text", "date")


def run(call: Call) -> Result:
    from ..analysis.search import GROUPS, search
    from ..core.choice import choose
    from ..core.errors import UsageError
    from ..core.textsafe import quote
    from ..views.search import search_doc

    params = call.read(Params)
    text = params.text
    if not text.split():
        raise UsageError("search: give at least one word to find")
    # The groups come from the search module, loaded only now: checked here, the same way.
    kinds = [choose("--kind value", k, tuple(GROUPS)) for k in params.kind or ()]
    hits = search(call.corpus(), text, call.filter(), kinds)
    by_kind: dict[str, list[str]] = {}
    for hit in hits:
        by_kind.setdefault(hit.kind, []).append(hit.ref)
    return Result(
        by_kind,
        lambda: search_doc(text, hits),
        lambda: {
            "query": text,
            "results": [
                {
                    "kind": h.kind,
                    "ref": h.ref,
                    "label": h.label,
                    "date": h.when,
                    "matches": [
                        {"field": m.field, "text": m.text, "snippet": m.snippet[0]}
                        for m in h.matches
                    ],
                }
                for h in hits
            ],
        },
        COLUMNS,
        lambda: [
            [h.kind, h.ref, h.label, m.field, m.text, h.when or ""] for h in hits for m in h.matches
        ],
        () if hits else (f"nothing matches {quote(text)}",),
    )
