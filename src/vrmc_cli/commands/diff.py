"""vrmc diff: what changed between two versions of a corpus."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..core.formats import DATA, DOC, ROWS
from ..core.record import Record
from . import Argument, Call, Result, Spec

if TYPE_CHECKING:
    from ..analysis.changes import CorpusDiff

SPEC = Spec(
    "diff",
    "What changed between two versions of the corpus: added, removed and changed entries, "
    "field by field, and what to notice first.\n\n"
    "OLD and NEW are folders, or git revisions of the corpus folder (read with the git "
    "command); NEW defaults to the corpus as it is now. Text changes are shown as word "
    "diffs: [-removed-] {+added+}. -f json is for scripts.",
    (
        "vrmc diff HEAD~3",
        "vrmc diff v1.0 v1.1 -f json",
        "vrmc diff ~/corpus-2025 ~/corpus-2026",
    ),
    arguments=(
        Argument("old", "OLD", "The earlier version: a folder or a git revision."),
        Argument(
            "new",
            "[NEW]",
            "The later version: a folder or a git revision (default: the corpus now).",
            required=False,
        ),
    ),
    filters=False,
    gives=frozenset({DOC, DATA, ROWS}),
)


class Params(Record, frozen=True):
    """What `run` reads of the command line (commands.read_params), typed."""

    old: str
    new: str | None


COLUMNS = ("kind", "key", "change", "field", "before", "after")


def diff_json(diff: CorpusDiff) -> dict[str, Any]:
    return {
        "old": diff.old,
        "new": diff.new,
        "notices": [
            {"what": n.what, "key": n.key, "text": n.text, "before": n.before, "after": n.after}
            for n in diff.notices
        ],
        "kinds": {
            k.kind: {
                "added": [{"key": key, "label": label} for key, label in k.added],
                "removed": [{"key": key, "label": label} for key, label in k.removed],
                "changed": [
                    {
                        "key": c.key,
                        "label": c.label,
                        "fields": [
                            {"field": f.path, "before": f.before, "after": f.after}
                            for f in c.fields
                        ],
                    }
                    for c in k.changed
                ],
            }
            for k in diff.kinds
        },
    }


def diff_rows(diff: CorpusDiff) -> list[list[object]]:
    rows: list[list[object]] = []
    for k in diff.kinds:
        rows.extend([k.kind, key, "added", None, None, None] for key, _ in k.added)
        rows.extend([k.kind, key, "removed", None, None, None] for key, _ in k.removed)
        for c in k.changed:
            rows.extend([k.kind, c.key, "changed", f.path, f.before, f.after] for f in c.fields)
    return rows


def run(call: Call) -> Result:
    from ..analysis.changes import compare
    from ..corpus.revisions import version
    from ..views.living import diff_doc

    params = call.read(Params)
    old_name, new_name = params.old, params.new
    roots = call.roots()
    use_cache = call.use_cache
    old = version(old_name, roots, use_cache=use_cache)
    if new_name is None:
        diff = compare(old, call.corpus(), old_name, "the working tree")
    else:
        diff = compare(old, version(new_name, roots, use_cache=use_cache), old_name, new_name)
    changed = [k.kind for k in diff.kinds]
    return Result(
        {"kinds": changed},
        lambda: diff_doc(diff),
        lambda: diff_json(diff),
        COLUMNS,
        lambda: diff_rows(diff),
    )
