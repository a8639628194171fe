"""What changed between two versions of a corpus: entries added, removed and changed, field
by field, and what a reader should notice first. Reading a version (a folder or a git
revision) is the corpus layer's job: corpus/revisions.py."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..core.doc import Span
from ..core.record import Record
from ..corpus.kinds import KIND, LIST_KEYS
from ..corpus.model import Briefing, Corpus, Event, Point
from ..corpus.serialize import entries, entry, field_json
from .query import Filter
from .signposts import indicator_statuses, watch_board

if TYPE_CHECKING:
    from ..core.doc import Style

_MISSING = object()


class FieldChange(Record, frozen=True):
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


class ChangedEntry(Record, frozen=True):
    key: str
    label: str
    fields: tuple[FieldChange, ...]


class KindChanges(Record, frozen=True):
    """The changes to one kind of entry."""

    kind: str  # the top-level key (`events`)
    title: str
    added: tuple[tuple[str, str], ...]  # (key, label)
    removed: tuple[tuple[str, str], ...]
    changed: tuple[ChangedEntry, ...]


class Notice(Record, frozen=True):
    """A change a reader should see first."""

    what: str  # judgment, likelihood, confidence, event, source, indicator, ach, rank
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


class CorpusDiff(Record, frozen=True):
    old: str  # how each version was named: a folder or a revision
    new: str
    notices: tuple[Notice, ...]
    kinds: tuple[KindChanges, ...]  # only kinds with a change


# --------------------------------------------------------------------------- entries


def _objects(corpus: Corpus, kind: str) -> dict[str, tuple[str, Any]]:
    """key -> (label, entry) of every entry of a kind, in corpus order (the last of two
    entries with one key wins). Only the key and label are written as JSON here: the whole
    entry is written when it is compared (`_data`), one pair at a time, so that two large
    corpora are not held as JSON objects too."""
    if kind == "topic":
        t = corpus.topic
        return {"topic": (t.title, t)} if t else {}
    declared = KIND[kind]
    out: dict[str, tuple[str, Any]] = {}
    for obj in getattr(corpus, kind):
        if kind == "relations":
            ends = (field_json(kind, obj, name) for name in ("from", "kind", "to"))
            key = " ".join(map(str, ends))
            label = ""
        else:
            key = str(field_json(kind, obj, declared.key or "id"))
            label = str(field_json(kind, obj, declared.label or "", "") or "")
        out[key] = (label, obj)
    return out


def _data(kind: str, obj: Any) -> dict[str, Any]:
    """An entry as a JSON object, as the diff compares it."""
    data = entry(kind, obj)
    if kind == "scenarios":  # every field of each indicator, not only its text
        data["indicators"] = entries("indicator", obj.indicators)
    return data


# How alike two statements' texts must be (difflib's ratio) to be one statement reworded.
SIMILAR = 0.6
# The field whose text identifies a nested entry when it has no id.
_TEXT_KEYS = ("text", "heading", "title", "statement")


def _text_of(item: Any) -> str:
    if isinstance(item, str):
        return item
    if isinstance(item, dict):
        return next((str(item[k]) for k in _TEXT_KEYS if isinstance(item.get(k), str)), "")
    return str(getattr(item, "text", "") or "")


def _id_of(item: Any) -> str | None:
    found = item.get("id") if isinstance(item, dict) else getattr(item, "id", None)
    return found if isinstance(found, str) else None


def similarity(a: str, b: str) -> float:
    import difflib

    return difflib.SequenceMatcher(a=a.split(), b=b.split(), autojunk=False).ratio()


def match(before: Sequence[Any], after: Sequence[Any]) -> list[tuple[int | None, int | None]]:
    """Which item of `before` each item of `after` is, never by position: first by `id`
    where both have one, then equal items, then the most similar texts (at least SIMILAR
    alike, best pairs first). Pairs in the order of `after`, then the removed items."""
    pairs: dict[int, int] = {}  # after index -> before index
    used: set[int] = set()
    ids = {_id_of(x): i for i, x in enumerate(before) if _id_of(x)}
    for j, y in enumerate(after):
        i = ids.get(_id_of(y)) if _id_of(y) else None
        if i is not None and i not in used:
            pairs[j] = i
            used.add(i)
    for j, y in enumerate(after):
        if j in pairs or _id_of(y):
            continue
        i = next((i for i, x in enumerate(before) if i not in used and x == y), None)
        if i is not None:
            pairs[j] = i
            used.add(i)
    scored = sorted(
        (
            (-similarity(_text_of(x), _text_of(y)), j, i)
            for j, y in enumerate(after)
            if j not in pairs and not _id_of(y)
            for i, x in enumerate(before)
            if i not in used and not _id_of(x)
        ),
    )
    for score, j, i in scored:
        if -score < SIMILAR:
            break
        if j in pairs or i in used:
            continue
        pairs[j] = i
        used.add(i)
    out: list[tuple[int | None, int | None]] = [(pairs.get(j), j) for j in range(len(after))]
    out += [(i, None) for i in range(len(before)) if i not in used]
    return out


def _compare(before: Any, after: Any, path: str, out: list[FieldChange]) -> None:
    """The leaf fields that differ: mappings key by key, lists of entries item by matched
    item (`match`: by id or similar text, never by position; an item on one side only is
    one change), anything else as a whole."""
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
        for i, j in match(before, after):
            _compare(
                before[i] if i is not None else _MISSING,
                after[j] if j is not None else _MISSING,
                f"{path}[{j if j is not None else i}]",
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
        for key, (label, obj) in after.items():
            if key not in before:
                continue
            was, now = _data(kind, before[key][1]), _data(kind, obj)
            if was != now:
                changed.append(ChangedEntry(key, label, field_changes(was, now)))
        if added or removed or changed:
            out.append(KindChanges(kind, titles[kind], added, removed, tuple(changed)))
    return out


# --------------------------------------------------------------------------- notices


def _judgment_notices(old: Corpus, new: Corpus) -> list[Notice]:
    """New, removed, reworded and re-rated key judgments, each judgment matched with its
    earlier self by id or by the similarity of its text, never by position."""
    out = []
    before = {b.id: b for b in old.briefings}
    for b in new.briefings:
        prior = before.get(b.id)
        old_judgments = prior.key_judgments if prior else ()
        for i, j in match(old_judgments, b.key_judgments):
            n = (j if j is not None else i or 0) + 1
            where = (("key judgment ", ""), (f"{n}", "strong"), (" of ", ""), (b.id, "code"))
            if i is None and j is not None:
                text = b.key_judgments[j].text
                out.append(Notice("judgment", b.id, (("new ", "ok"), *where, (": " + text, ""))))
                continue
            if j is None and i is not None:
                text = old_judgments[i].text
                out.append(
                    Notice("judgment", b.id, (("removed ", "bad"), *where, (": " + text, "")))
                )
                continue
            if i is None or j is None:
                continue
            o, now = old_judgments[i], b.key_judgments[j]
            if o.text != now.text:
                out.append(
                    Notice("judgment", b.id, (*where, (" reworded: ", "")), o.text, now.text)
                )
            for attr in ("likelihood", "confidence"):
                x, y = getattr(o, attr), getattr(now, attr)
                if x != y:
                    out.append(
                        Notice(
                            attr,
                            b.id,
                            (
                                (f"{attr} of ", ""),
                                *where,
                                (": ", ""),
                                (x or "none", "bad"),
                                (" → ", ""),
                                (y or "none", "ok"),
                            ),
                            x,
                            y,
                        )
                    )
    for b in old.briefings:
        if b.id not in {x.id for x in new.briefings}:
            for n, gone in enumerate(b.key_judgments, 1):
                where = (("key judgment ", ""), (f"{n}", "strong"), (" of ", ""), (b.id, "code"))
                out.append(
                    Notice("judgment", b.id, (("removed ", "bad"), *where, (": " + gone.text, "")))
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


def _removed_event_notices(old: Corpus, new: Corpus) -> list[Notice]:
    """Each removed event, with the key judgments (of the old version) it was a basis of."""
    kept = {e.id for e in new.events}
    out = []
    for e in old.events:
        if e.id in kept:
            continue
        basis = [
            f"{b.id} key judgment {n}"
            for b in old.briefings
            for n, j in enumerate(b.key_judgments, 1)
            if any(x.id == e.id for x in j.basis)
        ]
        parts: list[tuple[str, str]] = [
            ("removed event ", "bad"),
            (str(e.date), "strong"),
            (" ", ""),
            (e.title, ""),
            (" ", ""),
            (e.id, "code"),
        ]
        if basis:
            parts.append(("; it was the basis of " + ", ".join(basis), "bad"))
        out.append(Notice("event", e.id, tuple(parts)))
    return out


def _source_notices(old: Corpus, new: Corpus) -> list[Notice]:
    """Sources whose reliability grade changed."""
    before = {s.id: s for s in old.sources}
    out = []
    for s in new.sources:
        prior = before.get(s.id)
        if prior is not None and prior.reliability != s.reliability:
            out.append(
                Notice(
                    "source",
                    s.id,
                    (
                        ("source ", ""),
                        (s.id, "code"),
                        (" re-graded: ", ""),
                        (prior.reliability or "ungraded", "bad"),
                        (" → ", ""),
                        (s.reliability or "ungraded", "ok"),
                    ),
                    prior.reliability,
                    s.reliability,
                )
            )
    return out


def _ach_notices(old: Corpus, new: Corpus) -> list[Notice]:
    """A question whose leader changed, and each hypothesis whose rank changed."""
    from .ach import analyse

    def ranks(corpus: Corpus) -> dict[str, tuple[tuple[str, ...], dict[str, int]]]:
        out = {}
        items: list[tuple[Event | Point, Briefing | None]] = [
            *((e, None) for e in corpus.events if e.consistency),
            *(
                (p, b)
                for b in corpus.briefings
                for section in b.sections
                for p in section.points
                if p.consistency
            ),
        ]
        for q in corpus.questions:
            hs = [h for h in corpus.hypotheses if h.question.id == q.id]
            a = analyse(q, hs, items)
            leaders = tuple(s.hypothesis.id for s in a.scores if s.rank == 1)
            out[q.id] = (leaders, {s.hypothesis.id: s.rank for s in a.scores})
        return out

    before, after = ranks(old), ranks(new)
    out = []
    for q, (leaders, rank) in after.items():
        if q not in before:
            continue
        was_leaders, was_rank = before[q]
        if was_leaders != leaders:
            out.append(
                Notice(
                    "ach",
                    q,
                    (
                        ("ACH leader of ", ""),
                        (q, "code"),
                        (": ", ""),
                        (" and ".join(was_leaders) or "none", "bad"),
                        (" → ", ""),
                        (" and ".join(leaders) or "none", "ok"),
                    ),
                    list(was_leaders),
                    list(leaders),
                )
            )
        for h, r in rank.items():
            if h in was_rank and was_rank[h] != r:
                out.append(
                    Notice(
                        "rank",
                        f"{q}/{h}",
                        (
                            ("rank of hypothesis ", ""),
                            (h, "code"),
                            (" in ", ""),
                            (q, "code"),
                            (": ", ""),
                            (str(was_rank[h]), "bad"),
                            (" → ", ""),
                            (str(r), "ok"),
                        ),
                        was_rank[h],
                        r,
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
        if key in before and before[key][1].indicator.type != watched.indicator.type:
            was_type, now_type = before[key][1].indicator.type, watched.indicator.type
            out.append(
                Notice(
                    "indicator",
                    key,
                    (
                        ("type of indicator ", ""),
                        (key, "code"),
                        (" of ", ""),
                        (scenario.id, "code"),
                        (": ", ""),
                        (was_type or "none", "bad"),
                        (" → ", ""),
                        (now_type or "none", "ok"),
                    ),
                    was_type,
                    now_type,
                )
            )
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
        *_removed_event_notices(old, new),
        *_source_notices(old, new),
        *_indicator_notices(old, new),
        *_ach_notices(old, new),
    ]
    return CorpusDiff(old_name, new_name, tuple(notices), tuple(kind_changes(old, new)))
