"""Parse topic files safely and check each against FORMAT.md, one file at a time.

The result of one file is a `Fragment`: plain, picklable records whose references are still
ids with their positions. `link.py` joins the fragments of a corpus into the model.
"""

from __future__ import annotations

import difflib
import itertools
import os
import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from ..core.dates import PartialDate, parse_date
from ..core.errors import Problem
from ..core.record import field, record
from ..core.textsafe import hides, quote, shorten
from .files import TopicFile, digest, read_file
from .kinds import KIND, KINDS, LIST_KEYS, Field, Kind
from .model import Range

TOP_KEYS = ("version", "topic", *LIST_KEYS)

ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
CODE_RE = re.compile(r"[A-Z]{2}")
# Characters YAML forbids in a stream (YAML 1.1 "printable" set): found before parsing so the
# message can say where they are, which PyYAML's reader cannot.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
# The ASCII characters YAML allows: the rest of ASCII is in _FORBIDDEN.
_ASCII_ALLOWED = bytes([0x09, 0x0A, 0x0D, *range(0x20, 0x7F)])
# Only the pure-Python parser lets an escape such as "\ud800" through; libyaml refuses it.
_SURROGATE = re.compile("[\ud800-\udfff]")
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_TRUE = frozenset(("true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"))
_FALSE = frozenset(("false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"))
_INT_RE = re.compile(r"\+?[0-9][0-9_]*")
_NUMBER_RE = re.compile(r"\+?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?")
# Quantities and values beyond this are typing mistakes; refusing them also keeps int() and
# json.dumps() from failing on numbers too long to convert, or on a float that is infinite.
_NUMBER_LIMIT = 10**30

Ref = tuple[str, int, int]  # (id or code, line, column): a reference not yet resolved
Record = dict[str, Any]  # one entry's checked fields; "@" holds its (line, column)


@record
class Fragment:
    """What one topic file contributes: checked records per kind, and its problems."""

    path: str
    records: dict[str, list[Record]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # files.digest() of the bytes parsed, when they could be read: what the cache compares
    # a file with when its timestamps cannot tell (cache.py, "racily clean").
    digest: bytes | None = None


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
        return Problem(shown, 1, 1, shorten(message, 200))
    return Problem(shown, mark.line + 1, mark.column + 1, shorten(message, 200))


# --------------------------------------------------------------------------- checking

_STR_TAG = "tag:yaml.org,2002:str"
_ALLOWED_TAGS = frozenset(
    f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "timestamp")
)
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MAP_TAG = "tag:yaml.org,2002:map"
# Dates parsed so far, by their text. Many items share a date; sharing one (immutable) object
# saves parsing it again and makes the cache smaller and quicker to read.
_DATES: dict[str, PartialDate] = {}


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
            self.problem(node, f"{what}: expected a mapping, got {_describe(node)}")
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
                key_node.tag == _STR_TAG
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
            self.problem(node, f"{what}: expected a list, got {_describe(node)}")
            return None
        if not self._fresh(node, what):
            return None
        return list(node.value)

    def scalar(self, node: Any, what: str) -> str | None:
        if self.plain and node.tag == _STR_TAG and type(node).__name__ == "ScalarNode":
            return str(node.value)  # the usual case: passes every check below
        if not self._tag_ok(node, what):
            return None
        if type(node).__name__ != "ScalarNode":
            self.problem(node, f"{what}: expected text, got {_describe(node)}")
            return None
        if not self._fresh(node, what):
            return None
        if _SURROGATE.search(node.value) is not None:
            self.problem(
                node, f"{what}: invalid Unicode escape (half of a surrogate pair); use \\UXXXXXXXX"
            )
            return None
        return str(node.value)

    # -- typed values ----------------------------------------------------------------------

    def text(self, node: Any, what: str) -> str | None:
        value = self.scalar(node, what)
        if value is not None and not _has_text(value):
            self.problem(node, f"{what}: must not be empty")
            return None
        return value.rstrip("\n") if value is not None else None

    def url(self, node: Any, what: str) -> str | None:
        value = self.text(node, what)
        if value is not None and hides(value, one_line=True):
            # Shown escaped everywhere anyway; refused here so that no link ever differs
            # from the text a reader sees.
            self.problem(
                node,
                f"{what}: control, invisible or direction-changing characters are not "
                f"allowed in a URL: {quote(value)}",
            )
            return None
        return value

    def text_list(self, node: Any, what: str) -> tuple[str, ...] | None:
        items = self.sequence(node, what)
        if items is None:
            return None
        out = [self.text(item, f"{what}[{i}]") for i, item in enumerate(items)]
        return tuple(v for v in out if v is not None)

    def date(self, node: Any, what: str) -> PartialDate | None:
        value = self.scalar(node, what)
        if value is None:
            return None
        known = _DATES.get(value)
        if known is not None:
            return known
        try:
            date = parse_date(value)
        except ValueError as exc:
            self.problem(node, f"{what}: {exc}")
            return None
        if len(_DATES) < 100_000:
            _DATES[value] = date
        return date

    def boolean(self, node: Any, what: str) -> bool | None:
        value = self.scalar(node, what)
        if value is None:
            return None
        if not node.style and value in _TRUE:
            return True
        if not node.style and value in _FALSE:
            return False
        self.problem(node, f"{what}: expected true or false, got {quote(value)}")
        return None

    def integer(self, node: Any, what: str) -> int | None:
        value = self.scalar(node, what)
        if value is None:
            return None
        if not node.style and _INT_RE.fullmatch(value):
            digits = value.replace("_", "").lstrip("+").lstrip("0") or "0"
            if len(digits) <= 30:
                return int(digits)
            self.problem(node, f"{what}: {quote(value)} is too large")
            return None
        self.problem(
            node,
            f"{what}: expected a whole number of 0 or more, got {_quoted(node)}{quote(value)}",
        )
        return None

    def number(self, node: Any, what: str) -> int | float | None:
        value = self.scalar(node, what)
        if value is None:
            return None
        if not node.style and any(c.isdigit() for c in value) and _NUMBER_RE.fullmatch(value):
            cleaned = value.replace("_", "").lstrip("+")
            try:
                # float(): exact enough to compare; `.e5` fits the pattern but is no number.
                if abs(float(cleaned)) < _NUMBER_LIMIT:
                    return int(cleaned) if _INT_RE.fullmatch(cleaned) else float(cleaned)
            except ValueError:
                pass
            else:
                self.problem(node, f"{what}: {quote(value)} is too large")
                return None
        self.problem(
            node, f"{what}: expected a number of 0 or more, got {_quoted(node)}{quote(value)}"
        )
        return None

    def ranged(
        self, node: Any, what: str, one: Callable[[Any, str], int | float | None]
    ) -> int | float | Range | None:
        """A number as `one` reads it, or a `[low, high]` list of two of them, low <= high."""
        if type(node).__name__ != "SequenceNode":
            return one(node, what)
        items = self.sequence(node, what)
        if items is None:
            return None
        if len(items) != 2:
            self.problem(
                node, f"{what}: a range is a list of two numbers [low, high], got {len(items)}"
            )
            return None
        low, high = (one(item, f"{what}[{i}]") for i, item in enumerate(items))
        if low is None or high is None:
            return None
        if high < low:
            self.problem(node, f"{what}: the range's low {low} is above its high {high}")
            return None
        return Range(low, high)

    def disputes(
        self, node: Any, what: str, names: Sequence[str], fixed: Sequence[str], noun: str
    ) -> tuple[tuple[str, str], ...] | None:
        """`{field: note}`: fields of the same entry kind, each with a text note."""
        pairs = self.mapping(node, what)
        if pairs is None:
            return None
        out: list[tuple[str, str]] = []
        for key, key_node, value_node in pairs:
            if key in fixed:
                self.problem(key_node, f"{what}: {quote(key)} cannot be disputed")
                continue
            if key not in names:
                self.problem(
                    key_node,
                    f"{what}: {quote(key)} is not a field of {noun}s{_hint(key, names)}",
                )
                continue
            if _is_null(value_node):
                self.problem(value_node, f"{what}.{key}: say who gives which figure or date")
                continue
            note = self.text(value_node, f"{what}.{key}")
            if note is not None:
                out.append((key, note))
        return tuple(out)

    def choice(
        self, node: Any, what: str, options: Sequence[str], also: Sequence[str] = ()
    ) -> str | None:
        """One of `options`, or of the aliases `also` (which the message does not list)."""
        value = self.scalar(node, what)
        if value is None:
            return None
        if value in options or value in also:
            return value
        hint = _hint(value, [*options, *also])
        self.problem(node, f"{what}: {quote(value)} is not one of {', '.join(options)}{hint}")
        return None

    def ident(self, node: Any, what: str) -> str | None:
        value = self.scalar(node, what)
        if value is None:
            return None
        if ID_RE.fullmatch(value):
            return value
        self.problem(
            node,
            f"{what}: {quote(value)} is not a valid id (lowercase kebab-case, "
            "such as 'arms-sales')",
        )
        return None

    def kebab(self, node: Any, what: str) -> str | None:
        value = self.scalar(node, what)
        if value is None:
            return None
        if ID_RE.fullmatch(value):
            return value
        self.problem(node, f"{what}: {quote(value)} must be a lowercase kebab-case word")
        return None

    def code(self, node: Any, what: str) -> str | None:
        value = self.scalar(node, what)
        if value is None:
            return None
        if CODE_RE.fullmatch(value):
            return value
        self.problem(
            node,
            f"{what}: {quote(value)} is not a country code (two capital letters, such as 'VE')",
        )
        return None

    def ref(self, node: Any, what: str, check: Callable[[Any, str], str | None]) -> Ref | None:
        value = check(node, what)
        if value is None:
            return None
        return (value, node.start_mark.line + 1, node.start_mark.column + 1)

    def refs(
        self, node: Any, what: str, check: Callable[[Any, str], str | None]
    ) -> tuple[Ref, ...] | None:
        items = self.sequence(node, what)
        if items is None:
            return None
        out: list[Ref] = []
        for i, item in enumerate(items):
            ref = self.ref(item, f"{what}[{i}]", check)
            if ref is not None:
                out.append(ref)
        return tuple(out)

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
                        key_node, f"{what}: unknown field {quote(key)}{_hint(key, list(spec))}"
                    )
                continue
            accept = field_spec.plain
            if (
                accept is not None
                and plain
                and value_node.tag == _STR_TAG
                and type(value_node).__name__ == "ScalarNode"
                and (value_node.style or value_node.value not in _NULLS)
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
            if _is_null(value_node):
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
        if item.tag != _STR_TAG or type(item).__name__ != "ScalarNode" or not match(item.value):
            return None
        mark = item.start_mark
        out.append((item.value, mark.line + 1, mark.column + 1))
    return tuple(out)


def _quoted(node: Any) -> str:
    return "quoted text " if node.style in ("'", '"') else ""


def _is_null(node: Any) -> bool:
    if type(node).__name__ != "ScalarNode":
        return False
    if node.tag == "tag:yaml.org,2002:null":
        return True
    return node.tag == _STR_TAG and not node.style and node.value in _NULLS


def _describe(node: Any) -> str:
    kind = type(node).__name__
    if kind == "MappingNode":
        return "a mapping"
    if kind == "SequenceNode":
        return "a list"
    if _is_null(node):
        return "nothing (null)"
    return f"text {quote(str(node.value), 30)}"


def _hint(value: str, options: Sequence[str]) -> str:
    close = difflib.get_close_matches(value, list(options), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def closest(value: str, options: Sequence[str]) -> str:
    """` (did you mean 'x'?)` for the nearest option, or nothing."""
    return _hint(value, options)


# --------------------------------------------------------------------------- the schema

Reader = Callable[[_Checker, Any, str], Any]


# What a field's reader returns for a plain scalar's text when the text is valid, else None.
Plain = Callable[[str], Any]


@record
class FieldSpec:
    read: Reader
    required: bool = False
    # The reader's shortcut for the usual case, a valid scalar that needs none of the
    # node's other attributes (its style, its position): `plain(text)` is what `read` would
    # return for that node. Absent for readers that look at more than the text.
    plain: Plain | None = None
    # For a list of references: what each id must match (see _plain_refs).
    refs: re.Pattern[str] | None = None


def _has_text(value: str) -> bool:
    """What `value.strip()` being non-empty says, without making the stripped copy."""
    return bool(value) and not value.isspace()


def _plain_text(value: str) -> str | None:
    # A block scalar (`>` or `|`) ends with a line break that is not part of the text.
    return value.rstrip("\n") if _has_text(value) else None


def _plain_url(value: str) -> str | None:
    return value if _has_text(value) and not hides(value, one_line=True) else None


def _matching(pattern: re.Pattern[str]) -> Plain:
    match = pattern.fullmatch

    def plain(value: str) -> str | None:
        return value if match(value) else None

    return plain


_plain_id = _matching(ID_RE)
_plain_code = _matching(CODE_RE)
# A date already parsed once in this run (dates repeat across a corpus); None sends a new
# one the long way, which parses it and remembers it.
_plain_date = _DATES.get


def _text(c: _Checker, n: Any, w: str) -> Any:
    return c.text(n, w)


def _url(c: _Checker, n: Any, w: str) -> Any:
    return c.url(n, w)


def _texts(c: _Checker, n: Any, w: str) -> Any:
    return c.text_list(n, w)


def _date(c: _Checker, n: Any, w: str) -> Any:
    return c.date(n, w)


def _bool(c: _Checker, n: Any, w: str) -> Any:
    return c.boolean(n, w)


def _int(c: _Checker, n: Any, w: str) -> Any:
    return c.integer(n, w)


def _number(c: _Checker, n: Any, w: str) -> Any:
    return c.number(n, w)


def _int_range(c: _Checker, n: Any, w: str) -> Any:
    return c.ranged(n, w, c.integer)


def _number_range(c: _Checker, n: Any, w: str) -> Any:
    return c.ranged(n, w, c.number)


def _disputed(kind: Kind) -> Reader:
    # Any field of the kind but the entry's key and `disputed` itself.
    fixed = (kind.key or "id", "disputed")
    names = tuple(f.name for f in kind.fields if f.name not in fixed)

    def read(c: _Checker, n: Any, w: str) -> Any:
        return c.disputes(n, w, names, fixed, kind.noun)

    return read


def _id(c: _Checker, n: Any, w: str) -> Any:
    return c.ident(n, w)


def _kebab(c: _Checker, n: Any, w: str) -> Any:
    return c.kebab(n, w)


def _code(c: _Checker, n: Any, w: str) -> Any:
    return c.code(n, w)


# The plain-scalar shortcut of each reader that has one (FieldSpec.plain).
_PLAIN: dict[Reader, Plain] = {
    _text: _plain_text,
    _url: _plain_url,
    _date: _plain_date,
    _id: _plain_id,
    _kebab: _plain_id,
    _code: _plain_code,
}


def _one_of(options: Sequence[str], aliases: Sequence[tuple[str, str]] = ()) -> Reader:
    """One of `options`; an alias is read as the option it stands for."""
    canonical = {**{o: o for o in options}, **dict(aliases)}
    also = tuple(a for a, _ in aliases)

    def read(c: _Checker, n: Any, w: str) -> Any:
        value = c.choice(n, w, options, also)
        return None if value is None else canonical[value]

    def plain(value: str) -> str | None:
        return canonical.get(value)

    _PLAIN[read] = plain  # each choice has a reader of its own
    return read


def _ref_id(c: _Checker, n: Any, w: str) -> Any:
    return c.ref(n, w, c.ident)


def _refs_id(c: _Checker, n: Any, w: str) -> Any:
    return c.refs(n, w, c.ident)


def _ref_code(c: _Checker, n: Any, w: str) -> Any:
    return c.ref(n, w, c.code)


def _refs_code(c: _Checker, n: Any, w: str) -> Any:
    return c.refs(n, w, c.code)


def _sub_entries(kind: str) -> Reader:
    def read(c: _Checker, n: Any, w: str) -> Any:
        items = c.sequence(n, w)
        if items is None:
            return None
        out = [c.entry(item, kind, f"{w}[{i}]") for i, item in enumerate(items)]
        return tuple(r for r in out if r is not None)

    return read


def _refs_id_nonempty(c: _Checker, n: Any, w: str) -> Any:
    refs = c.refs(n, w, c.ident)
    if refs is not None and not n.value:
        c.problem(n, f"{w}: needs at least one entry")
    return refs


# The lists of references a plain list can be taken from without their readers (_plain_refs):
# an empty list goes to the reader, which says when one must not be empty.
_REFS: dict[Reader, re.Pattern[str]] = {
    _refs_id: ID_RE,
    _refs_id_nonempty: ID_RE,
    _refs_code: CODE_RE,
}


def _text_or_entries(kind: str) -> Reader:
    """A list whose items are text or entries of `kind` (a briefing's points, a scenario's
    indicators): a text item is read as an entry with only its `text`."""
    noun = KIND[kind].noun

    def read(c: _Checker, n: Any, w: str) -> Any:
        items = c.sequence(n, w)
        if items is None:
            return None
        out: list[Record] = []
        for i, item in enumerate(items):
            what = f"{w}[{i}]"
            if type(item).__name__ == "ScalarNode" and not _is_null(item):
                text = c.text(item, what)
                if text is not None:
                    out.append(
                        {"@": (item.start_mark.line + 1, item.start_mark.column + 1), "text": text}
                    )
            elif type(item).__name__ == "MappingNode":
                record = c.entry(item, kind, what)
                if record is not None:
                    out.append(record)
            else:
                c.problem(item, f"{what}: {_a(noun)} is text or a mapping, got {_describe(item)}")
        return tuple(out)

    return read


def _a(noun: str) -> str:
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"


_points = _text_or_entries("point")


# A rating not yet resolved: (hypothesis id, line, column, rating, note or None, analyst or
# None, other analysts' ratings as (name, rating) pairs).
RatingRef = tuple[str, int, int, str, str | None, str | None, tuple[tuple[str, str], ...]]
_RATING_KEYS = ("rating", "note", "analyst", "analysts")


def _ratings(options: Sequence[str]) -> Reader:
    """`{ID: RATING, ID: {rating: RATING, note: TEXT, analyst: NAME, analysts: {NAME:
    RATING}}, ...}` (docs/ach.md)."""

    def read(c: _Checker, n: Any, w: str) -> Any:
        pairs = c.mapping(n, w)
        if pairs is None:
            return None
        out: list[RatingRef] = []
        for key, key_node, value_node in pairs:
            what = f"{w}.{key}"
            # The key node was met by `mapping` already: checked here, not read again.
            if not ID_RE.fullmatch(key):
                c.problem(
                    key_node,
                    f"{w}: {quote(key)} is not a valid hypothesis id (lowercase kebab-case, "
                    "such as 'h-capacity')",
                )
                continue
            ident = key
            line, column = key_node.start_mark.line + 1, key_node.start_mark.column + 1
            if type(value_node).__name__ == "MappingNode":
                found = c.mapping(value_node, what)
                if found is None:
                    continue
                rating: str | None = None
                note: str | None = None
                analyst: str | None = None
                others: list[tuple[str, str]] = []
                seen_rating = False
                for sub, sub_key, sub_value in found:
                    if sub == "rating":
                        seen_rating = True
                        rating = c.choice(sub_value, f"{what}.rating", options)
                    elif sub == "note":
                        if not _is_null(sub_value):
                            note = c.text(sub_value, f"{what}.note")
                    elif sub == "analyst":
                        analyst = c.text(sub_value, f"{what}.analyst")
                    elif sub == "analysts":
                        named = c.mapping(sub_value, f"{what}.analysts")
                        for name, _, given in named or ():
                            chosen = c.choice(given, f"{what}.analysts.{name}", options)
                            if chosen is not None:
                                others.append((name, chosen))
                    elif sub.startswith("x-"):
                        c.unread(sub_value)
                    else:
                        c.problem(
                            sub_key,
                            f"{what}: unknown field {quote(sub)}{_hint(sub, _RATING_KEYS)}",
                        )
                if not seen_rating:
                    c.problem(value_node, f"{what}: missing required field 'rating'")
                if rating is not None:
                    out.append((ident, line, column, rating, note, analyst, tuple(others)))
            elif _is_null(value_node):
                c.problem(
                    value_node,
                    f"{what}: needs a rating, one of {', '.join(options)}",
                )
            else:
                rating = c.choice(value_node, what, options)
                if rating is not None:
                    out.append((ident, line, column, rating, None, None, ()))
        return tuple(out)

    return read


_CHOICES: dict[tuple[str, ...], Reader] = {}


def _reader(f: Field, kind: Kind) -> Reader:
    """The reader of a declared field (kinds.py) of `kind`."""
    by_code = f.target == "countries"
    if f.type == "disputed":
        return _disputed(kind)
    if f.type == "choice":
        key = (*f.choices, *(f"{a}={o}" for a, o in f.aliases))
        if key not in _CHOICES:
            _CHOICES[key] = _one_of(f.choices, f.aliases)
        return _CHOICES[key]
    if f.type == "ref":
        return _ref_code if by_code else _ref_id
    if f.type == "refs":
        return _refs_code if by_code else _refs_id
    if f.type == "entries":
        return _sub_entries(f.target or "")
    if f.type == "items":
        return _text_or_entries(f.target or "")
    if f.type == "ratings":
        return _ratings(f.choices)
    return {
        "text": _text,
        "url": _url,
        "texts": _texts,
        "date": _date,
        "bool": _bool,
        "int": _int,
        "number": _number,
        "int-range": _int_range,
        "number-range": _number_range,
        "id": _id,
        "kebab": _kebab,
        "code": _code,
        "refs1": _refs_id_nonempty,
        "points": _points,
    }[f.type]


def _spec(f: Field, kind: Kind) -> FieldSpec:
    read = _reader(f, kind)
    return FieldSpec(read, required=f.required, plain=_PLAIN.get(read), refs=_REFS.get(read))


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
    if root is None or _is_null(root):
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
            if not _is_null(value_node):
                record = checker.entry(value_node, "topic", "topic")
                if record is not None:
                    fragment.records["topic"] = [record]
        elif key in LIST_KEYS:
            if _is_null(value_node):
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
                f"{_hint(key, TOP_KEYS)} (extensions start with 'x-')",
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
            if f.type == "entries" and f.target in DATED_INSIDE:
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
