"""vrmc brief: a briefing, bottom line first; without an id, the list of briefings."""

from __future__ import annotations

from ..core.record import Record
from . import CITATIONS, Argument, Call, Result, Spec

SPEC = Spec(
    "brief",
    "A briefing, bottom line first; without ID, the list of briefings.\n\n"
    "Filters keep only the key judgments and points that match.",
    (
        "vrmc brief",
        "vrmc brief motivations",
        "vrmc brief motiv -c colombia -f markdown",
        "vrmc brief motivations -f docx -o motivations.docx",
    ),
    options=(CITATIONS,),
    arguments=(
        Argument(
            "briefing",
            "[ID]",
            "Briefing id or title, a word of the title, or the start of one (any case).",
            required=False,
            complete="briefing",
        ),
    ),
)


class Params(Record, frozen=True):
    """What `run` reads of the command line (commands.read_params), typed."""

    briefing: str | None


def run(call: Call) -> Result:
    from ..analysis.query import resolve_briefing, select_briefings, view_briefing
    from ..views.briefing import briefing_doc, briefing_list
    from . import citation_style
    from ._common import briefing_json, none_match, undated_note

    params = call.read(Params)
    style = citation_style(call.params)
    corpus, f = call.corpus(), call.filter()
    briefing_id = params.briefing
    if briefing_id is None:
        chosen = select_briefings(corpus, f)

        def data() -> dict[str, object]:
            from ..corpus.serialize import entry  # here: it imports the field types

            return {
                "briefings": [
                    {k: v for k, v in entry("briefings", b.briefing).items() if k in SUMMARY}
                    for b in chosen
                ]
            }

        return Result(
            {"briefings": [v.briefing for v in chosen]},
            lambda: briefing_list(chosen),
            data,
            notes=none_match(chosen, len(corpus.briefings), "briefings"),
        )
    view = view_briefing(corpus, resolve_briefing(corpus, briefing_id), f)
    empty = f.active and not view.point_count and not view.key_judgments
    return Result(
        {"briefings": [view.briefing]},
        lambda: briefing_doc(view, cite=style != "none"),
        lambda: {"briefing": briefing_json(view)},
        notes=(("no points or key judgments match the filters",) if empty else ())
        + undated_note(
            f,
            view.statements,
            "briefing point or key judgment",
            "briefing points and key judgments",
        ),
    )


# The fields of a briefing in the list of briefings.
SUMMARY = ("id", "title", "summary", "themes")
