"""Parse topic files safely and check each against FORMAT.md, one file at a time.

The result of one file is a `Fragment`: plain, picklable records whose references are still
ids with their positions. `link.py` joins the fragments of a corpus into the model.
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Iterator, Sequence
from typing import Any

from ..core.errors import Problem
from ..core.record import Record as RecordClass
from ..core.textsafe import quote, shorten
from .fields import (
    NULLS,
    STR_TAG,
    Plain,
    Reader,
    Record,
    Ref,
    describe_node,
    hint,
    is_null,
)
from .files import Fragment, TopicFile, digest, read_file
from .kinds import KIND, KINDS, LIST_KEYS, Field, Kind

TOP_KEYS = ("version", "topic", *LIST_KEYS)

# Characters YAML forbids in a stream (YAML 1.1 "printable" set): found before parsing so the
# message can say where they are, which PyYAML's reader cannot.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
# The ASCII characters YAML allows: the rest of ASCII is in _FORBIDDEN.
_ASCII_ALLOWED = bytes([0x09, 0x0A, 0x0D, *range(0x20, 0x7F)])
# Only the pure-Python parser lets an escape such as "\ud800" through; libyaml refuses it.
_SURROGATE = re.compile("[\ud800-\udfff]")


# --------------------------------------------------------------------------- YAML


# Each composed node costs memory: 16 MiB of `- a` lines would make four million of them
# and need more than a gigabyte. A million is far beyond any real topic file.
MAX_NODES = 1_000_000


class TooManyNodes(Exception):
    """More than MAX_NODES nodes in one file: refused before they fill the memory."""


# Where a tag of a node can start: after a space or line break, a flow collection's
# opening or comma, or a flow indicator written against it (`{"a":!x b}`, `[?!x a]`). Any
# other `!` (in text, a comment, a run of them) starts no tag of a composed node.
_TAG_START = re.compile(r"(?:^|(?<=[\s\[{,:?]))!")


def _tagged_nodes(stream: str) -> int:
    """At least the number of nodes with an explicit tag: libyaml composes those without
    calling resolve(), which counts the others."""
    if "!" not in stream:
        return 0
    return sum(1 for _ in _TAG_START.finditer(stream))


def _composer_classes() -> tuple[type[Any], ...]:
    """YAML composers that resolve no implicit types: every plain scalar stays the text written.

    The C parser is used when PyYAML was built with libyaml; the pure-Python one otherwise.
    Neither constructs objects: vrmc reads the composed node graph itself.
    """
    import yaml  # imported here: only work that parses files pays for it

    classes: list[type[Any]] = []
    # CParser is not exported at the top of the yaml package: it lives in yaml.cyaml, which
    # exists only when PyYAML was built with libyaml. Its plain scalars have style '' where
    # the pure-Python parser gives None, so plainness is tested with `not node.style`.
    c_parser = getattr(getattr(yaml, "cyaml", None), "CParser", None)
    if c_parser is not None and os.environ.get("VRMC_PURE_YAML") != "1":
        default_tags = {
            yaml.ScalarNode: yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG,
            yaml.SequenceNode: yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG,
            yaml.MappingNode: yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
        }

        class CComposer(c_parser, yaml.resolver.BaseResolver):  # type: ignore[misc,valid-type]
            def __init__(self, stream: str) -> None:
                c_parser.__init__(self, stream)  # type: ignore[misc]
                yaml.resolver.BaseResolver.__init__(self)
                count = itertools.count(_tagged_nodes(stream) + 1)

                # libyaml calls resolve() for every untagged node. BaseResolver has no
                # implicit and no path resolvers, so its answer is always the default tag of
                # the node's kind: given without the bookkeeping, as an attribute of the
                # instance (found without binding), counting in C.
                def resolve(kind: type[Any], value: Any, implicit: Any) -> str:
                    if next(count) > MAX_NODES:
                        raise TooManyNodes
                    return default_tags[kind]

                self.resolve = resolve  # type: ignore[method-assign]  # on purpose, see above

            # Called for every node as well; BaseResolver's versions keep a path for path
            # resolvers, of which there are none.
            def descend_resolver(self, current_node: Any, current_index: Any) -> None:
                pass

            def ascend_resolver(self) -> None:
                pass

        classes.append(CComposer)

    class PyComposer(
        yaml.reader.Reader,
        yaml.scanner.Scanner,
        yaml.parser.Parser,
        yaml.composer.Composer,
        yaml.resolver.BaseResolver,
    ):
        def __init__(self, stream: str) -> None:
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            yaml.composer.Composer.__init__(self)
            yaml.resolver.BaseResolver.__init__(self)
            self.nodes = _tagged_nodes(stream)

        def resolve(self, kind: type[Any], value: Any, implicit: Any) -> Any:
            self.nodes += 1
            if self.nodes > MAX_NODES:
                raise TooManyNodes
            # untyped in PyYAML's stubs
            return yaml.resolver.BaseResolver.resolve(self, kind, value, implicit)  # type: ignore[no-untyped-call]

        def scan_to_next_token(self) -> None:
            # PyYAML's own version skips spaces only, so `version: 1<TAB># note` is an error
            # here and fine with libyaml. Skip tabs where libyaml does (in flow context, or
            # where no key may start); a tab used as indentation is still reported.
            if self.index == 0 and self.peek() == "\ufeff":
                self.forward()
            while True:
                while self.peek() == " " or (
                    self.peek() == "\t" and (self.flow_level or not self.allow_simple_key)
                ):
                    self.forward()
                if self.peek() == "#":
                    while self.peek() not in "\0\r\n\x85\u2028\u2029":
                        self.forward()
                # untyped in PyYAML's stubs
                if not self.scan_line_break():  # type: ignore[no-untyped-call]
                    return
                if not self.flow_level:
                    self.allow_simple_key = True

    classes.append(PyComposer)
    return tuple(classes)


_COMPOSER: type[Any] | None = None


def _compose(text: str) -> Any:
    global _COMPOSER  # noqa: PLW0603 - built once, on first use, to keep start-up light
    if _COMPOSER is None:
        _COMPOSER = _composer_classes()[0]
    composer = _COMPOSER(text)
    try:
        return composer.get_single_node()
    finally:
        composer.dispose()


def decode(shown: str, data: bytes) -> str | Problem:
    """UTF-8 (a BOM is accepted, as is UTF-16 with a BOM), with no forbidden characters."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            return Problem(shown, 1, 1, "invalid UTF-16 text")
    else:
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line, column = _locate_byte(data, exc.start)
            return Problem(shown, line, column, "invalid UTF-8 byte; save the file as UTF-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    elif text.isascii() and not data.translate(None, _ASCII_ALLOWED):
        # ASCII text read as UTF-8: its bytes are its characters, and deleting every allowed
        # byte leaves nothing unless one is forbidden; ten times quicker than the search.
        # (UTF-16 bytes always leave some behind and take the search.)
        return text
    bad = _FORBIDDEN.search(text)
    if bad is not None:
        line, column = _line_column(text, bad.start())
        code = ord(bad.group())
        what = "NUL byte" if code == 0 else f"control character U+{code:04X}"
        return Problem(shown, line, column, f"{what} is not allowed in a topic file")
    return text


def _locate_byte(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset].decode("utf-8", "replace")
    return _line_column(before, len(before))


# What YAML (and libyaml, whose marks the other messages carry) counts as a line break.
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def _line_column(text: str, index: int) -> tuple[int, int]:
    """The 1-based line and column of text[index], lines broken where YAML breaks them."""
    line, start = 1, 0
    for found in _BREAK.finditer(text, 0, index):
        line, start = line + 1, found.end()
    return line, index - start + 1


def _yaml_problem(shown: str, exc: Exception, text: str = "") -> Problem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    index = getattr(mark, "index", -1)
    # libyaml does not name the character it stopped at; the text does.
    at_tab = isinstance(index, int) and 0 <= index < len(text) and text[index] == "\t"
    problem = getattr(exc, "problem", None) or getattr(exc, "reason", None) or "invalid YAML"
    message = f"invalid YAML: {problem}"
    if "expected a single document" in str(getattr(exc, "context", "")) or "another document" in (
        problem or ""
    ):
        message = "a topic file holds one YAML document; found another one here"
    elif at_tab or "'\\t'" in message or "\\t" in repr(problem) or "tab character" in message:
        message = "invalid YAML: a tab cannot start a token; indent with spaces, not tabs"
    elif "nesting depth" in message:
        message = "invalid YAML: nesting too deep"
    if mark is None:
        return Problem(shown, 1, 1, shorten(message))
    return Problem(shown, mark.line + 1, mark.column + 1, shorten(message))


# --------------------------------------------------------------------------- checking

_ALLOWED_TAGS = frozenset(
    f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "timestamp")
)
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MAP_TAG = "tag:yaml.org,2002:map"


class _Checker:
    """Walks one composed document, checking it against the schema and recording problems."""

    def __init__(self, shown: str, track_aliases: bool, escapes: bool = True) -> None:
        self.shown = shown
        self.problems: list[Problem] = []
        self.track_aliases = track_aliases
        self.seen: set[int] = set()
        # Without anchors (no aliases to track) and without backslashes (no escape can make
        # half a surrogate pair), a plain-tagged scalar passes every check of `scalar`: the
        # hot paths below then take its value directly.
        self.plain = not track_aliases and not escapes

    def problem(self, node: Any, message: str) -> None:
        mark = node.start_mark
        self.problems.append(Problem(self.shown, mark.line + 1, mark.column + 1, message))

    # -- node kinds ------------------------------------------------------------------------

    def unread(self, node: Any) -> None:
        """Mark the nodes of a value vrmc does not read (an `x-` extension) as met, so that an
        alias of one of them where vrmc reads is refused like any other alias."""
        if not self.track_aliases:
            return
        pending = [node]
        while pending:
            current = pending.pop()
            if id(current) in self.seen:
                continue
            self.seen.add(id(current))
            kind = type(current).__name__
            if kind == "MappingNode":
                for key_node, value_node in current.value:
                    pending.extend((key_node, value_node))
            elif kind == "SequenceNode":
                pending.extend(current.value)

    def _fresh(self, node: Any, what: str) -> bool:
        """False (with a problem) when the node was met before: an alias, which vrmc refuses."""
        if not self.track_aliases:
            return True
        if id(node) in self.seen:
            self.problem(
                node,
                f"{what}: aliases are not supported (an alias repeats the value "
                "anchored here; write it out where it is used)",
            )
            return False
        self.seen.add(id(node))
        return True

    def _tag_ok(self, node: Any, what: str) -> bool:
        tag = node.tag
        kind = type(node).__name__
        if kind == "ScalarNode":
            if tag in _ALLOWED_TAGS:
                return True
        elif (kind == "SequenceNode" and tag == _SEQ_TAG) or (
            kind == "MappingNode" and tag == _MAP_TAG
        ):
            return True
        self.problem(node, f"{what}: unsupported YAML tag {quote(tag)}")
        return False

    def mapping(self, node: Any, what: str) -> list[tuple[str, Any, Any]] | None:
        """The (key, key node, value node) pairs of a mapping, or None after a problem."""
        if not self._tag_ok(node, what):
            return None
        if type(node).__name__ != "MappingNode":
            self.problem(node, f"{what}: expected a mapping, got {describe_node(node)}")
            return None
        if not self._fresh(node, what):
            return None
        pairs: list[tuple[str, Any, Any]] = []
        first: dict[str, Any] = {}  # key -> the node where it first appears
        for key_node, value_node in node.value:
            if self.track_aliases and not self._fresh(key_node, what):
                continue
            key = key_node.value
            if (
                key_node.tag == STR_TAG
                and type(key_node).__name__ == "ScalarNode"
                and key != "<<"
                and key not in first
            ):
                # The usual key: passes every check below.
                first[key] = key_node
                pairs.append((key, key_node, value_node))
                continue
            if type(key_node).__name__ != "ScalarNode":
                self.problem(key_node, f"{what}: mapping keys must be plain text")
                continue
            if key_node.tag == "tag:yaml.org,2002:merge" or (
                key_node.value == "<<" and not key_node.style
            ):
                self.problem(key_node, f"{what}: merge keys (<<) are not supported")
                continue
            if key_node.tag not in _ALLOWED_TAGS:
                self.problem(key_node, f"{what}: unsupported YAML tag {quote(key_node.tag)}")
                continue
            key = key_node.value
            if key in first:
                line = first[key].start_mark.line + 1
                self.problem(key_node, f"duplicate key {quote(key)} (first defined on line {line})")
                continue
            first[key] = key_node
            pairs.append((key, key_node, value_node))
        return pairs

    def sequence(self, node: Any, what: str) -> list[Any] | None:
        if (
            not self.track_aliases
            and node.tag == _SEQ_TAG
            and type(node).__name__ == "SequenceNode"
        ):
            return list(node.value)  # the usual case: passes every check below
        if not self._tag_ok(node, what):
            return None
        if type(node).__name__ != "SequenceNode":
            self.problem(node, f"{what}: expected a list, got {describe_node(node)}")
            return None
        if not self._fresh(node, what):
            return None
        return list(node.value)

    def scalar(self, node: Any, what: str) -> str | None:
        if self.plain and node.tag == STR_TAG and type(node).__name__ == "ScalarNode":
            return str(node.value)  # the usual case: passes every check below
        if not self._tag_ok(node, what):
            return None
        if type(node).__name__ != "ScalarNode":
            self.problem(node, f"{what}: expected text, got {describe_node(node)}")
            return None
        if not self._fresh(node, what):
            return None
        if _SURROGATE.search(node.value) is not None:
            self.problem(
                node, f"{what}: invalid Unicode escape (half of a surrogate pair); use \\UXXXXXXXX"
            )
            return None
        return str(node.value)

    # -- entries ---------------------------------------------------------------------------

    def entry(self, node: Any, kind: str, what: str) -> Record | None:
        pairs = self.mapping(node, what)
        if pairs is None:
            return None
        spec = SPECS[kind]
        record: Record = {"@": (node.start_mark.line + 1, node.start_mark.column + 1)}
        plain = self.plain
        for key, key_node, value_node in pairs:
            field_spec = spec.get(key)
            if field_spec is None:
                if key.startswith("x-"):
                    self.unread(value_node)
                else:
                    self.problem(
                        key_node, f"{what}: unknown field {quote(key)}{hint(key, list(spec))}"
                    )
                continue
            accept = field_spec.plain
            if (
                accept is not None
                and plain
                and value_node.tag == STR_TAG
                and type(value_node).__name__ == "ScalarNode"
                and (value_node.style or value_node.value not in NULLS)
            ):
                # A scalar that passes every check of `scalar` and is not null: the field's
                # plain reader takes its value when valid (None: read it the long way, which
                # reports the problem).
                value = accept(value_node.value)
                if value is not None:
                    record[key] = value
                    continue
            elif field_spec.refs is not None and plain:
                refs = _plain_refs(value_node, field_spec.refs)
                if refs is not None:
                    record[key] = refs
                    continue
            if is_null(value_node):
                if field_spec.required:
                    self.problem(value_node, f"{what}: {key} is required and must not be empty")
                continue
            value = field_spec.read(self, value_node, f"{what}.{key}")
            if value is not None:
                record[key] = value
        for name in _REQUIRED[kind]:
            # A field that was present but invalid already has its problem.
            if name not in record and all(key != name for key, _, _ in pairs):
                self.problem(node, f"{what}: missing required field {name!r}")
        # Kept even when incomplete, so its id still resolves and one defect does not cascade
        # into "unknown id" problems elsewhere; an invalid corpus is never built into a model.
        return record


def _plain_refs(node: Any, pattern: re.Pattern[str]) -> tuple[Ref, ...] | None:
    """A non-empty list of references whose every item is a plain scalar matching `pattern`,
    as `refs` would read it; None for anything else, left to `refs` and its problems.
    Only for a document without anchors (the checker's `plain`)."""
    if node.tag != _SEQ_TAG or type(node).__name__ != "SequenceNode" or not node.value:
        return None
    match = pattern.fullmatch
    out: list[Ref] = []
    for item in node.value:
        if item.tag != STR_TAG or type(item).__name__ != "ScalarNode" or not match(item.value):
            return None
        mark = item.start_mark
        out.append((item.value, mark.line + 1, mark.column + 1))
    return tuple(out)


def closest(value: str, options: Sequence[str]) -> str:
    """` (did you mean 'x'?)` for the nearest option, or nothing."""
    return hint(value, options)


# --------------------------------------------------------------------------- the schema


class FieldSpec(RecordClass):
    read: Reader
    required: bool = False
    # The reader's shortcut for the usual case, a valid scalar that needs none of the
    # node's other attributes (its style, its position): `plain(text)` is what `read` would
    # return for that node. Absent for readers that look at more than the text.
    plain: Plain | None = None
    # For a list of references: what each id must match (see _plain_refs).
    refs: re.Pattern[str] | None = None


def _spec(f: Field, kind: Kind) -> FieldSpec:
    """How the loader reads a declared field (kinds.py) of `kind`: as its type says."""
    t = f.type
    return FieldSpec(t.reader(f, kind), f.required, t.plain(f), t.plain_refs(f))


# Each kind's fields, in format order (kinds.py declares them).
SPECS: dict[str, dict[str, FieldSpec]] = {
    kind.name: {f.name: _spec(f, kind) for f in kind.fields} for kind in KINDS
}
# The required fields of each kind, in schema order (the order their problems are reported).
_REQUIRED = {kind: tuple(n for n, f in spec.items() if f.required) for kind, spec in SPECS.items()}

# Date pairs whose second member must not come before the first (FORMAT.md "Dates").
DATE_ORDER = {kind.name: kind.date_order for kind in KINDS if kind.date_order}
# The nested kinds with a date order, or nested entries that may hold one.
DATED_INSIDE = frozenset(k.name for k in KINDS if not k.top and k.date_order)


# --------------------------------------------------------------------------- one file


def parse_text(shown: str, text: str) -> Fragment:
    """Check one topic file's text; never raises for any input."""
    fragment = Fragment(shown)
    try:
        root = _compose(text)
    except RecursionError:
        fragment.problems.append(Problem(shown, 1, 1, "invalid YAML: nesting too deep"))
        return fragment
    except TooManyNodes:
        message = f"too many YAML nodes (more than {MAX_NODES:,}); split the file"
        fragment.problems.append(Problem(shown, message=message))
        return fragment
    except Exception as exc:
        if type(exc).__module__.startswith("yaml"):
            fragment.problems.append(_yaml_problem(shown, exc, text))
            return fragment
        raise
    if root is None or is_null(root):
        return fragment  # empty, comments only, or an empty document
    checker = _Checker(shown, track_aliases="&" in text, escapes="\\" in text)
    pairs = checker.mapping(root, "top level")
    if pairs is None:
        fragment.problems.extend(checker.problems)
        return fragment
    for key, key_node, value_node in pairs:
        if key.startswith("x-"):
            checker.unread(value_node)
            continue
        if key == "version":
            version = checker.scalar(value_node, "version")
            if version is not None and version != "1":
                checker.problem(
                    value_node,
                    f"version: this vrmc reads format version 1, not {quote(version)}",
                )
        elif key == "topic":
            if not is_null(value_node):
                record = checker.entry(value_node, "topic", "topic")
                if record is not None:
                    fragment.records["topic"] = [record]
        elif key in LIST_KEYS:
            if is_null(value_node):
                continue
            items = checker.sequence(value_node, key)
            if items is None:
                continue
            records = fragment.records.setdefault(key, [])
            for i, item in enumerate(items):
                record = checker.entry(item, key, f"{key}[{i}]")
                if record is not None:
                    records.append(record)
        else:
            checker.problem(
                key_node,
                f"unknown top-level key {quote(key)}"
                f"{hint(key, TOP_KEYS)} (extensions start with 'x-')",
            )
    _check_date_order(checker, fragment)
    fragment.problems.extend(checker.problems)
    return fragment


def _check_date_order(checker: _Checker, fragment: Fragment) -> None:
    def check(kind: str, record: Record) -> None:
        first, second = DATE_ORDER[kind]
        start, end = record.get(first), record.get(second)
        if start is not None and end is not None and end.last_day < start.first_day:
            line, column = record["@"]
            checker.problems.append(
                Problem(
                    checker.shown,
                    line,
                    column,
                    f"{second} {end} comes before {first} {start}",
                )
            )

    # Every kind that declares a date order, nested entries (an actor's roles) included.
    pending = [(KIND[name], r) for name, rs in fragment.records.items() for r in rs]
    while pending:
        kind, entry = pending.pop()
        if kind.date_order:
            check(kind.name, entry)
        for f in kind.fields:
            if f.type.nested and f.target in DATED_INSIDE:
                pending.extend((KIND[f.target], sub) for sub in entry.get(f.name, ()))


def parse_file(topic_file: TopicFile) -> Fragment:
    data = read_file(topic_file)
    if isinstance(data, Problem):
        return Fragment(topic_file.shown, problems=[data])
    text = decode(topic_file.shown, data)
    if isinstance(text, Problem):
        return Fragment(topic_file.shown, problems=[text], digest=digest(data))
    parsed = parse_text(topic_file.shown, text)
    return Fragment(parsed.path, parsed.records, parsed.problems, digest(data))


def parse_all(files: Sequence[TopicFile]) -> Iterator[Fragment]:
    for topic_file in files:
        yield parse_file(topic_file)
