"""What changed between two versions of a corpus: entries added, removed and changed, field
by field, and what a reader should notice first. Reading a version (a folder or a git
revision) is the corpus layer's job: corpus/revisions.py."""

from __future__ import annotations

from typing import Any

from ..core.doc import Span, Style
from ..core.record import record
from ..corpus.kinds import KIND, LIST_KEYS
from ..corpus.model import Corpus
from ..corpus.serialize import entries, entry
from .query import Filter
from .signposts import indicator_statuses, watch_board

_MISSING = object()


@record(frozen=True)
class FieldChange:
    """One field of an entry: its path (`key_judgments[0].likelihood`), before and after
    (None when absent on that side)."""

    path: str
    before: Any
    after: Any

    @property
    def wordy(self) -> bool:
        """Two texts of several words: shown as a word diff."""
        return (
            isinstance(self.before, str)
            and isinstance(self.after, str)
            and (" " in self.before or " " in self.after)
        )


@record(frozen=True)
class ChangedEntry:
    key: str
    label: str
    fields: tuple[FieldChange, ...]


@record(frozen=True)
class KindChanges:
    """The changes to one kind of entry."""

    kind: str  # the top-level key (`events`)
    title: str
    added: tuple[tuple[str, str], ...]  # (key, label)
    removed: tuple[tuple[str, str], ...]
    changed: tuple[ChangedEntry, ...]


@record(frozen=True)
class Notice:
    """A change a reader should see first."""

    what: str  # judgment, likelihood, confidence, event, indicator
    key: str  # the entry it is about
    parts: tuple[tuple[str, str], ...]  # (text, style) to show
    before: Any = None
    after: Any = None

    def spans(self) -> tuple[Span, ...]:
        return tuple(Span(text, _style(style)) for text, style in self.parts)

    @property
    def text(self) -> str:
        return "".join(text for text, _ in self.parts)


def _style(name: str) -> Style:
    styles: dict[str, Style] = {
        "": "",
        "strong": "strong",
        "code": "code",
        "muted": "muted",
        "bad": "status-bad",
        "ok": "status-ok",
    }
    return styles[name]


@record(frozen=True)
class CorpusDiff:
    old: str  # how each version was named: a folder or a revision
    new: str
    notices: tuple[Notice, ...]
    kinds: tuple[KindChanges, ...]  # only kinds with a change


# --------------------------------------------------------------------------- entries


def _objects(corpus: Corpus, kind: str) -> dict[str, tuple[str, dict[str, Any]]]:
    """key -> (label, JSON object) of every entry of a kind, in corpus order."""
    if kind == "topic":
        t = corpus.topic
        return {"topic": (t.title, entry("topic", t))} if t else {}
    declared = KIND[kind]
    out: dict[str, tuple[str, dict[str, Any]]] = {}
    for obj in getattr(corpus, kind):
        data = entry(kind, obj)
        if kind == "scenarios":  # every field of each indicator, not only its text
            data["indicators"] = entries("indicator", obj.indicators)
        if kind == "relations":
            key = f"{data['from']} {data['kind']} {data['to']}"
            label = ""
        else:
            key = str(data[declared.key or "id"])
            label = str(data.get(declared.label or "", "") or "")
        out[key] = (label, data)
    return out


def _compare(before: Any, after: Any, path: str, out: list[FieldChange]) -> None:
    """The leaf fields that differ: mappings key by key, lists of entries item by item
    (an item present on one side only is one change), anything else as a whole."""
    if before == after:
        return
    if isinstance(before, dict) and isinstance(after, dict):
        for key in [*before, *(k for k in after if k not in before)]:
            sub = f"{path}.{key}" if path else key
            _compare(before.get(key, _MISSING), after.get(key, _MISSING), sub, out)
    elif (
        isinstance(before, list)
        and isinstance(after, list)
        and any(isinstance(v, dict) for v in (*before, *after))
    ):
        for i in range(max(len(before), len(after))):
            _compare(
                before[i] if i < len(before) else _MISSING,
                after[i] if i < len(after) else _MISSING,
                f"{path}[{i}]",
                out,
            )
    else:
        out.append(
            FieldChange(
                path,
                None if before is _MISSING else before,
                None if after is _MISSING else after,
            )
        )


def field_changes(before: dict[str, Any], after: dict[str, Any]) -> tuple[FieldChange, ...]:
    """Every leaf field whose value differs, in the order of the fields."""
    out: list[FieldChange] = []
    _compare(before, after, "", out)
    return tuple(out)


def _titles() -> dict[str, str]:
    return {"topic": "Topic", **{k: k.capitalize() for k in LIST_KEYS}}


def kind_changes(old: Corpus, new: Corpus) -> list[KindChanges]:
    out = []
    titles = _titles()
    for kind in ("topic", *LIST_KEYS):
        before, after = _objects(old, kind), _objects(new, kind)
        added = tuple((k, after[k][0]) for k in after if k not in before)
        removed = tuple((k, before[k][0]) for k in before if k not in after)
        changed = []
        for key in after:
            if key in before and before[key][1] != after[key][1]:
                fields = field_changes(before[key][1], after[key][1])
                changed.append(ChangedEntry(key, after[key][0], fields))
        if added or removed or changed:
            out.append(KindChanges(kind, titles[kind], added, removed, tuple(changed)))
    return out


# --------------------------------------------------------------------------- notices


def _judgment_notices(old: Corpus, new: Corpus) -> list[Notice]:
    out = []
    before = {b.id: b for b in old.briefings}
    for b in new.briefings:
        prior = before.get(b.id)
        old_judgments = prior.key_judgments if prior else ()
        for i, j in enumerate(b.key_judgments):
            where = (("key judgment ", ""), (f"{i + 1}", "strong"), (" of ", ""), (b.id, "code"))
            if i >= len(old_judgments):
                out.append(Notice("judgment", b.id, (("new ", "ok"), *where, (": " + j.text, ""))))
                continue
            o = old_judgments[i]
            if o.text != j.text:
                out.append(
                    Notice(
                        "judgment",
                        b.id,
                        (*where, (" reworded: ", "")),
                        o.text,
                        j.text,
                    )
                )
            for attr in ("likelihood", "confidence"):
                a, c = getattr(o, attr), getattr(j, attr)
                if a != c:
                    out.append(
                        Notice(
                            attr,
                            b.id,
                            (
                                (f"{attr} of ", ""),
                                *where,
                                (": ", ""),
                                (a or "none", "bad"),
                                (" → ", ""),
                                (c or "none", "ok"),
                            ),
                            a,
                            c,
                        )
                    )
        for i in range(len(b.key_judgments), len(old_judgments)):
            out.append(
                Notice(
                    "judgment",
                    b.id,
                    (
                        ("removed ", "bad"),
                        ("key judgment ", ""),
                        (f"{i + 1}", "strong"),
                        (" of ", ""),
                        (b.id, "code"),
                        (": " + old_judgments[i].text, ""),
                    ),
                )
            )
    return out


def _scenario_notices(old: Corpus, new: Corpus) -> list[Notice]:
    before = {s.id: s for s in old.scenarios}
    out = []
    for s in new.scenarios:
        prior = before.get(s.id)
        if prior is not None and prior.likelihood != s.likelihood:
            out.append(
                Notice(
                    "likelihood",
                    s.id,
                    (
                        ("likelihood of scenario ", ""),
                        (s.id, "code"),
                        (": ", ""),
                        (prior.likelihood or "none", "bad"),
                        (" → ", ""),
                        (s.likelihood or "none", "ok"),
                    ),
                    prior.likelihood,
                    s.likelihood,
                )
            )
    return out


def _event_notices(old: Corpus, new: Corpus) -> list[Notice]:
    known = {e.id for e in old.events}
    return [
        Notice(
            "event",
            e.id,
            (
                ("new event ", "ok"),
                (str(e.date), "strong"),
                (" ", ""),
                (e.title, ""),
                (" ", ""),
                (e.id, "code"),
            ),
        )
        for e in new.events
        if e.id not in known
    ]


def _indicator_notices(old: Corpus, new: Corpus) -> list[Notice]:
    everything = Filter()
    before = indicator_statuses(watch_board(old, everything))
    after = indicator_statuses(watch_board(new, everything))
    out = []
    for key, (scenario, watched) in after.items():
        was = before[key][1].status if key in before else "not seen"
        if was != watched.status:
            out.append(
                Notice(
                    "indicator",
                    key,
                    (
                        ("indicator ", ""),
                        (key, "code"),
                        (" of ", ""),
                        (scenario.id, "code"),
                        (": ", ""),
                        (was, "bad"),
                        (" → ", ""),
                        (watched.status, "ok"),
                    ),
                    was,
                    watched.status,
                )
            )
    return out


def compare(old: Corpus, new: Corpus, old_name: str, new_name: str) -> CorpusDiff:
    notices = [
        *_judgment_notices(old, new),
        *_scenario_notices(old, new),
        *_event_notices(old, new),
        *_indicator_notices(old, new),
    ]
    return CorpusDiff(old_name, new_name, tuple(notices), tuple(kind_changes(old, new)))
