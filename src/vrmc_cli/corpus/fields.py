"""The value types of the topic-file format's fields: one object per type.

kinds.py declares every field of every entry kind with one of these objects
(`Field("date", DATE, required=True)`), and everything that reads, writes or searches a
field asks the field's type; no other module tells types apart. A type knows:

- how to read and check a composed YAML node (`reader`, for load.py): the value the fragment
  keeps, or a problem at the node's line and column; `plain` and `plain_refs` are the
  loader's shortcuts for the usual case, a valid plain scalar or a plain list of ids;
- how the linker makes the model's value of it (`builder`: references resolved, nested
  entries built);
- how it is written in JSON (`to_json`) and described in the JSON Schema (`schema`,
  `describe`);
- the text search reads in it (`search_text`, of a model value; `json_texts`, of a JSON
  value, for the SQLite export's full-text index);
- its CSV cell (`cell`; `csv` is False for a type that has none) and its SQLite columns and
  link or nested tables (`sql_columns`, `sql_values`, `sql_tables`).

A new type is a subclass here and one object of it; a field of it is a line of kinds.py.
Imported by every run that reads topic files: only the standard library's `re` and
vrmc's own light modules at import time.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any, Protocol

from ..core.dates import PartialDate, parse_date
from ..core.textsafe import hides, quote, visible
from .model import Range, Rating

if TYPE_CHECKING:
    from .kinds import Field, Kind

JSONObject = dict[str, Any]
Record = dict[str, Any]  # one entry's checked fields; "@" holds its (line, column)
Ref = tuple[str, int, int]  # (id or code, line, column): a reference not yet resolved
# A rating not yet resolved: (hypothesis id, line, column, rating, note or None, analyst or
# None, other analysts' ratings as (name, rating) pairs).
RatingRef = tuple[str, int, int, str, str | None, str | None, tuple[tuple[str, str], ...]]
_RATING_KEYS = ("rating", "note", "analyst", "analysts")

ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
CODE_RE = re.compile(r"[A-Z]{2}")
STR_TAG = "tag:yaml.org,2002:str"
NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_TRUE = frozenset(("true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"))
_FALSE = frozenset(("false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"))


# Read only when a topic file is parsed (never on a warm run): compiled on first use.
@cache
def _int_re() -> re.Pattern[str]:
    return re.compile(r"\+?[0-9][0-9_]*")


@cache
def _number_re() -> re.Pattern[str]:
    return re.compile(r"\+?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?")


# Quantities and values beyond this are typing mistakes; refusing them also keeps int() and
# json.dumps() from failing on numbers too long to convert, or on a float that is infinite.
_NUMBER_LIMIT = 10**30
# Dates parsed so far, by their text. Many items share a date; sharing one (immutable) object
# saves parsing it again and makes the cache smaller and quicker to read.
_DATES: dict[str, PartialDate] = {}


class Checker(Protocol):
    """What a type's reader uses of the loader's checker (load.py `_Checker`)."""

    def problem(self, node: Any, message: str) -> None: ...
    def unread(self, node: Any) -> None: ...
    def scalar(self, node: Any, what: str) -> str | None: ...
    def sequence(self, node: Any, what: str) -> list[Any] | None: ...
    def mapping(self, node: Any, what: str) -> list[tuple[str, Any, Any]] | None: ...
    def entry(self, node: Any, kind: str, what: str) -> Record | None: ...


class Tables(Protocol):
    """What a type's `sql_tables` uses of the SQLite export's tables (views/exports.py)."""

    def table(self, name: str, columns: list[tuple[str, str]], key: tuple[str, ...]) -> None: ...
    def add(self, name: str, row: tuple[object, ...]) -> None: ...
    def entries(
        self,
        kind: Kind,
        table: str,
        parent: list[tuple[str, str]],
        objects: Sequence[JSONObject],
        parent_values: tuple[object, ...],
    ) -> None: ...


# How a type's reader is called: (checker, node, what) -> the value, or None after a problem.
Reader = Callable[[Checker, Any, str], Any]
# What a reader returns for a plain scalar's text when the text is valid, else None.
Plain = Callable[[str], Any]
# The linker's conversion of a checked value: (value, tables of built entries by key, nest),
# where nest(kind name, records) builds nested entries.
Nest = Callable[[str, Sequence[Record]], tuple[Any, ...]]
Builder = Callable[[Any, dict[str, dict[str, Any]], Nest], Any]
# serialize.entry: (kind name, model entry) -> its JSON object.
EntryJSON = Callable[[str, Any], JSONObject]
# search's fields of a nested entry: (kind name, model entry) -> [(field name, text)].
SearchFields = Callable[[str, Any], list[tuple[str, str | None]]]
# The SQLite export's texts of a nested JSON entry: (kind, JSON object) -> texts.
JSONTexts = Callable[["Kind", JSONObject], list[str]]


# --------------------------------------------------------------------------- YAML nodes


def is_null(node: Any) -> bool:
    if type(node).__name__ != "ScalarNode":
        return False
    if node.tag == "tag:yaml.org,2002:null":
        return True
    return node.tag == STR_TAG and not node.style and node.value in NULLS


def describe_node(node: Any) -> str:
    kind = type(node).__name__
    if kind == "MappingNode":
        return "a mapping"
    if kind == "SequenceNode":
        return "a list"
    if is_null(node):
        return "nothing (null)"
    return f"text {quote(str(node.value))}"


def hint(value: str, options: Sequence[str]) -> str:
    """` (did you mean 'x'?)` for the nearest option, or nothing."""
    from ..core.choice import did_you_mean  # here: only a problem needs it

    return did_you_mean(value, options, 1, 0.6)


def has_text(value: str) -> bool:
    """What `value.strip()` being non-empty says, without making the stripped copy."""
    return bool(value) and not value.isspace()


def _where(node: Any) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _quoted(node: Any) -> str:
    return "quoted text " if node.style in ("'", '"') else ""


def _a(noun: str) -> str:
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"


def _clean(text: str | None) -> str:
    return visible(text) if text else ""


def _sql_text(value: object) -> object:
    return _clean(value) if isinstance(value, str) else value


# --------------------------------------------------------------------------- JSON Schema

# A partial date. YAML reads an unquoted year as a number, so a whole year is one too.
_DATE_PATTERN = r"^(?!0000)[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
_ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_CODE_PATTERN = r"^[A-Z]{2}$"
# The spellings of true and false the loader accepts (YAML 1.1), for readers that keep them
# as text (YAML 1.2 readers such as yaml-language-server).
_BOOLEAN_WORDS = [
    *("true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"),
    *("false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"),
]


def _text_schema() -> JSONObject:
    # Any scalar reads as text (`title: 1812`), but never a list or a mapping, never blank.
    return {"type": ["string", "number", "boolean"], "pattern": r"\S"}


def _ident_schema() -> JSONObject:
    return {
        "anyOf": [
            {"type": "string", "pattern": _ID_PATTERN},
            {"type": "integer", "minimum": 0},
        ]
    }


def _key_schema(target: Kind) -> JSONObject:
    """The schema of a reference to an entry of `target` (by code or id)."""
    if target.key == "code":
        return {"type": "string", "pattern": _CODE_PATTERN}
    return _ident_schema()


# --------------------------------------------------------------------------- the types


class FieldType:
    """A type of field value; the defaults suit a scalar kept as it was read."""

    name = ""  # as docs/format.md names it
    help = ""  # what a value is, for the schema's description
    reference = False  # it refers to entries of the field's `target` by their key
    nested = False  # it holds entries of the field's `target`
    csv = True  # it has a CSV cell
    sql_type = "TEXT"

    def __repr__(self) -> str:
        return self.name

    # -- load ------------------------------------------------------------------------------

    def read(self, c: Checker, node: Any, what: str) -> Any:
        raise NotImplementedError(self.name)

    def reader(self, field: Field, kind: Kind) -> Reader:
        """The reader of `field` of `kind`: (checker, node, what) -> value or None."""
        return self.read

    def plain(self, field: Field) -> Plain | None:
        """`read`'s shortcut for a valid plain scalar's text (None: read it the long way)."""
        return None

    def plain_refs(self, field: Field) -> re.Pattern[str] | None:
        """For a list of references: what each id must match (load.py `_plain_refs`)."""
        return None

    # -- link ------------------------------------------------------------------------------

    def builder(self, field: Field) -> Builder | None:
        """How the linker makes the model's value of a checked one; None: kept as it is."""
        return None

    # -- JSON and its schema ---------------------------------------------------------------

    def to_json(self, value: Any, field: Field, entry: EntryJSON) -> Any:
        """A model value (never None) as JSON."""
        return value

    def schema(self, field: Field, kind: Kind) -> JSONObject:
        raise NotImplementedError(self.name)

    def describe(self, field: Field) -> str:
        return self.help

    # -- search ----------------------------------------------------------------------------

    def search_text(self, value: Any, field: Field, fields: SearchFields) -> str | None:
        """The text search reads in a model value (never None)."""
        return str(value)

    def json_texts(self, value: Any, field: Field, texts: JSONTexts) -> list[str]:
        """The texts of a JSON value (never None), for a full-text index."""
        return [str(value)]

    # -- CSV and SQLite --------------------------------------------------------------------

    def cell(self, value: Any) -> object:
        """A JSON value (or None) as a CSV cell (render/as_csv.py writes it)."""
        return value

    def sql_columns(self, name: str) -> list[tuple[str, str]]:
        """The columns of a field called `name` in its entry's table."""
        return [(name, self.sql_type)]

    def sql_values(self, value: Any) -> list[object]:
        """A JSON value (or None) in those columns."""
        return [_sql_text(value)]

    def sql_tables(
        self,
        tables: Tables,
        field: Field,
        table: str,
        key_columns: list[tuple[str, str]],
        identity: tuple[object, ...],
        value: Any,
    ) -> None:
        """Rows of a JSON value in tables of its own (references, nested entries)."""


def read_text(c: Checker, node: Any, what: str) -> str | None:
    value = c.scalar(node, what)
    if value is not None and not has_text(value):
        c.problem(node, f"{what}: must not be empty")
        return None
    # A block scalar (`>` or `|`) ends with a line break that is not part of the text.
    return value.rstrip("\n") if value is not None else None


def _plain_text(value: str) -> str | None:
    return value.rstrip("\n") if has_text(value) else None


class Text(FieldType):
    name = "text"
    help = "text"

    def read(self, c: Checker, node: Any, what: str) -> str | None:
        return read_text(c, node, what)

    def plain(self, field: Field) -> Plain:
        return _plain_text

    def schema(self, field: Field, kind: Kind) -> JSONObject:
        return _text_schema()


def _plain_url(value: str) -> str | None:
    return value if has_text(value) and not hides(value, one_line=True) else None


class Url(Text):
    name = "url"
    help = "a web address, without control or invisible characters"

    def read(self, c: Checker, node: Any, what: str) -> str | None:
        value = read_text(c, node, what)
        if value is not None and hides(value, one_line=True):
            # Shown escaped everywhere anyway; refused here so that no link ever differs
            # from the text a reader sees.
            c.problem(
                node,
                f"{what}: control, invisible or direction-changing characters are not "
                f"allowed in a URL: {quote(value)}",
            )
            return None
        return value

    def plain(self, field: Field) -> Plain:
        return _plain_url


class Texts(FieldType):
    name = "texts"
    help = "a list of texts"

    def read(self, c: Checker, node: Any, what: str) -> tuple[str, ...] | None:
        items = c.sequence(node, what)
        if items is None:
            return None
        out = [read_text(c, item, f"{what}[{i}]") for i, item in enumerate(items)]
        return tuple(v for v in out if v is not None)

    def to_json(self, value: Any, field: Field, entry: EntryJSON) -> Any:
        return list(value)

    def schema(self, field: Field, kind: Kind) -> JSONObject:
        return {"type": "array", "items": _text_schema()}

    def search_text(self, value: Any, field: Field, fields: SearchFields) -> str | None:
        return "; ".join(value) or None

    def json_texts(self, value: Any, field: Field, texts: JSONTexts) -> list[str]:
        return [str(v) for v in value]

    def sql_values(self, value: Any) -> list[object]:
        return [None if value is None else "\n".join(_clean(v) for v in value)]


class Date(FieldType):
    name = "date"
    help = "a date: YYYY, YYYY-MM or YYYY-MM-DD, as precise as known"

    def read(self, c: Checker, node: Any, what: str) -> PartialDate | None:
        value = c.scalar(node, what)
        if value is None:
            return None
        known = _DATES.get(value)
        if known is not None:
            return known
        try:
            date = parse_date(value)
        except ValueError as exc:
            c.problem(node, f"{what}: {exc}")
            return None
        if len(_DATES) < 100_000:
            _DATES[value] = date
        return date

    def plain(self, field: Field) -> Plain:
        # A date already parsed once in this run (dates repeat across a corpus); None sends
        # a new one the long way, which parses it and remembers it.
        return _DATES.get

    def to_json(self, value: Any, field: Field, entry: EntryJSON) -> Any:
        return str(value)

    def schema(self, field: Field, kind: Kind) -> JSONObject:
        return {
            "anyOf": [
                {"type": "string", "pattern": _DATE_PATTERN},
                {"type": "integer", "minimum": 1, "maximum": 9999},
            ]
        }

    def sql_columns(self, name: str) -> list[tuple[str, str]]:
        return [(name, "TEXT"), (f"{name}_first_day", "TEXT"), (f"{name}_last_day", "TEXT")]

    def sql_values(self, value: Any) -> list[object]:
        if value is None:
            return [None, None, None]
        date = parse_date(str(value))
        return [_sql_text(value), date.first_day.isoformat(), date.last_day.isoformat()]


class Bool(FieldType):
    name = "bool"
    help = "true or false"
    sql_type = "INTEGER"

    def read(self, c: Checker, node: Any, what: str) -> bool | None:
        value = c.scalar(node, what)
        if value is None:
            return None
        if not node.style and value in _TRUE:
            return True
        if not node.style and value in _FALSE:
            return False
        c.problem(node, f"{what}: expected true or false, got {quote(value)}")
        return None

    def schema(self, field: Field, kind: Kind) -> JSONObject:
        return {"anyOf": [{"type": "boolean"}, {"enum": _BOOLEAN_WORDS}]}

    def sql_values(self, value: Any) -> list[object]:
        return [None if value is None else int(bool(value))]


class Int(FieldType):
    name = "int"
    help = "a whole number of 0 or more"
    sql_type = "INTEGER"
    json_type = "integer"

    def read(self, c: Checker, node: Any, what: str) -> int | float | None:
        value = c.scalar(node, what)
        if value is None:
            return None
        if not node.style and _int_re().fullmatch(value):
            digits = value.replace("_", "").lstrip("+").lstrip("0") or "0"
            if len(digits) <= 30:
                return int(digits)
            c.problem(node, f"{what}: {quote(value)} is too large")
            return None
        c.problem(
            node,
            f"{what}: expected a whole number of 0 or more, got {_quoted(node)}{quote(value)}",
        )
        return None

    def schema(self, field: Field, kind: Kind) -> JSONObject:
        return {"type": self.json_type, "minimum": 0}


class Number(Int):
    name = "number"
    help = "a number of 0 or more"
    sql_type = "REAL"
    json_type = "number"

    def read(self, c: Checker, node: Any, what: str) -> int | float | None:
        value = c.scalar(node, what)
        if value is None:
            return None
        if not node.style and any(ch.isdigit() for ch in value) and _number_re().fullmatch(value):
            cleaned = value.replace("_", "").lstrip("+")
            try:
                # float(): exact enough to compare; `.e5` fits the pattern but is no number.
                if abs(float(cleaned)) < _NUMBER_LIMIT:
                    return int(cleaned) if _int_re().fullmatch(cleaned) else float(cleaned)
            except ValueError:
                pass
            else:
                c.problem(node, f"{what}: {quote(value)} is too large")
                return None
        c.problem(
            node, f"{what}: expected a number of 0 or more, got {_quoted(node)}{quote(value)}"
        )
        return None


class Coordinate(FieldType):
    """A latitude or longitude in signed decimal degrees (WGS 84), within its range."""

    sql_type = "REAL"

    def __init__(self, name: str, limit: int) -> None:
        self.name = name
        self.limit = limit
        self.help = f"{name} in decimal degrees, from -{limit} to {limit}"

    def read(self, c: Checker, node: Any, what: str) -> float | None:
        value = c.scalar(node, what)
        if value is None:
            return None
        if not node.style and _degrees_re().fullmatch(value):
            degrees = float(value)
            if abs(degrees) <= self.limit:
                return degrees
        c.problem(
            node,
            f"{what}: expected a {self.name} in decimal degrees from -{self.limit} to "
            f"{self.limit}, got {_quoted(node)}{quote(value)}",
        )
        return None

    def schema(self, field: Field, kind: Kind) -> JSONObject:
        return {"type": "number", "minimum": -self.limit, "maximum": self.limit}


@cache
def _degrees_re() -> re.Pattern[str]:
    return re.compile(r"[-+]?(?:[0-9]{1,3}(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]{1,3})?")


class Ranged(FieldType):
    """A figure as `one` reads it, or a `[low, high]` list of two of them (a model Range),
    low <= high."""

    def __init__(self, one: Int) -> None:
        self.one = one
        self.name = f"{one.name}-range"
        self.help = f"{one.help}, or a range [low, high] of two"
        self.sql_type = one.sql_type

    def read(self, c: Checker, node: Any, what: str) -> int | float | Range | None:
        if type(node).__name__ != "SequenceNode":
            return self.one.read(c, node, what)
        items = c.sequence(node, what)
        if items is None:
            return None
        if len(items) != 2:
            c.problem(
                node, f"{what}: a range is a list of two numbers [low, high], got {len(items)}"
            )
            return None
        low, high = (self.one.read(c, item, f"{what}[{i}]") for i, item in enumerate(items))
        if low is None or high is None:
            return None
        if high < low:
            c.problem(node, f"{what}: the range's low {low} is above its high {high}")
            return None
        return Range(low, high)

    def to_json(self, value: Any, field: Field, entry: EntryJSON) -> Any:
        return [value.low, value.high] if isinstance(value, Range) else value

    def schema(self, field: Field, kind: Kind) -> JSONObject:
        one = self.one.schema(field, kind)
        # low <= high is the loader's to check: JSON Schema cannot compare two items.
        return {"anyOf": [one, {"type": "array", "items": one, "minItems": 2, "maxItems": 2}]}

    def cell(self, value: Any) -> object:
        return "–".join(str(v) for v in value) if isinstance(value, list) else value

    def sql_columns(self, name: str) -> list[tuple[str, str]]:
        # A column for the figure (NULL for a range), and <field>_low and <field>_high (the
        # figure twice when it is single).
        return [
            (name, self.sql_type),
            (f"{name}_low", self.sql_type),
            (f"{name}_high", self.sql_type),
        ]

    def sql_values(self, value: Any) -> list[object]:
        low, high = value if isinstance(value, list) else (value, value)
        return [None if isinstance(value, list) else value, low, high]


def _matching(pattern: re.Pattern[str]) -> Plain:
    match = pattern.fullmatch

    def plain(value: str) -> str | None:
        return value if match(value) else None

    return plain


class Ident(FieldType):
    """The entry's own id: lowercase kebab-case."""

    name = "id"
    help = "the entry's id: lowercase kebab-case, such as arms-sales"
    pattern = ID_RE

    def read(self, c: Checker, node: Any, what: str) -> str | None:
        value = c.scalar(node, what)
        if value is None:
            return None
        if self.pattern.fullmatch(value):
            return value
        c.problem(node, self.refusal(value, what))
        return None

    def refusal(self, value: str, what: str) -> str:
        return (
            f"{what}: {quote(value)} is not a valid id (lowercase kebab-case, such as 'arms-sales')"
        )

    def plain(self, field: Field) -> Plain:
        return _matching(self.pattern)

    def schema(self, field: Field, kind: Kind) -> JSONObject:
        return _ident_schema()


class Kebab(Ident):
    name = "kebab"
    help = "a lowercase kebab-case word"

    def refusal(self, value: str, what: str) -> str:
        return f"{what}: {quote(value)} must be a lowercase kebab-case word"


class Code(Ident):
    name = "code"
    help = "an ISO 3166-1 alpha-2 country code, such as VE"
    pattern = CODE_RE

    def refusal(self, value: str, what: str) -> str:
        return f"{what}: {quote(value)} is not a country code (two capital letters, such as 'VE')"

    def schema(self, field: Field, kind: Kind) -> JSONObject:
        return {"type": "string", "pattern": _CODE_PATTERN}


def read_choice(
    c: Checker, node: Any, what: str, options: Sequence[str], also: Sequence[str] = ()
) -> str | None:
    """One of `options`, or of the aliases `also` (which the message does not list)."""
    value = c.scalar(node, what)
    if value is None:
        return None
    if value in options or value in also:
        return value
    known = [*options, *also]
    c.problem(
        node,
        f"{what}: {quote(value)} is not one of {', '.join(options)}{hint(value, known)}",
    )
    return None


class Choice(FieldType):
    """One of the field's `choices`."""

    name = "choice"

    def __init__(self) -> None:
        # One reader and one shortcut per set of choices, shared by the fields that have it.
        self.readers: dict[tuple[str, ...], Reader] = {}
        self.plains: dict[tuple[str, ...], Plain] = {}

    def reader(self, field: Field, kind: Kind) -> Reader:
        options, aliases = field.choices, field.aliases
        key = (*options, *(f"{a}={o}" for a, o in aliases))
        if key not in self.readers:
            canonical = {**{o: o for o in options}, **dict(aliases)}
            also = tuple(a for a, _ in aliases)

            def read(c: Checker, node: Any, what: str) -> str | None:
                value = read_choice(c, node, what, options, also)
                return None if value is None else canonical[value]

            self.readers[key] = read
        return self.readers[key]

    def plain(self, field: Field) -> Plain:
        options, aliases = field.choices, field.aliases
        key = (*options, *(f"{a}={o}" for a, o in aliases))
        if key not in self.plains:
            # An alias is read as the choice it stands for.
            canonical = {**{o: o for o in options}, **dict(aliases)}
            self.plains[key] = canonical.get
        return self.plains[key]

    def schema(self, field: Field, kind: Kind) -> JSONObject:
        return {"enum": [*field.choices, *(a for a, _ in field.aliases)]}

    def describe(self, field: Field) -> str:
        what = "one of " + ", ".join(field.choices)
        if field.aliases:
            what += " (also read: " + ", ".join(f"{a} as {o}" for a, o in field.aliases) + ")"
        return what


class Disputed(FieldType):
    """`{field: note}`: fields of the same entry kind, each with a note of who says what."""

    name = "disputed"
    help = "a mapping from field names of this entry to a note of who says what"

    @staticmethod
    def names(kind: Kind) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The fields of `kind` that may be disputed, and those that may not: any but the
        entry's key and `disputed` itself."""
        fixed = (kind.key or "id", "disputed")
        return tuple(f.name for f in kind.fields if f.name not in fixed), fixed

    def reader(self, field: Field, kind: Kind) -> Reader:
        names, fixed = self.names(kind)
        noun = kind.noun

        def read(c: Checker, node: Any, what: str) -> tuple[tuple[str, str], ...] | None:
            pairs = c.mapping(node, what)
            if pairs is None:
                return None
            out: list[tuple[str, str]] = []
            for key, key_node, value_node in pairs:
                if key in fixed:
                    c.problem(key_node, f"{what}: {quote(key)} cannot be disputed")
                    continue
                if key not in names:
                    c.problem(
                        key_node,
                        f"{what}: {quote(key)} is not a field of {noun}s{hint(key, names)}",
                    )
                    continue
                if is_null(value_node):
                    c.problem(value_node, f"{what}.{key}: say who gives which figure or date")
                    continue
                note = read_text(c, value_node, f"{what}.{key}")
                if note is not None:
                    out.append((key, note))
            return tuple(out)

        return read

    def to_json(self, value: Any, field: Field, entry: EntryJSON) -> Any:
        return dict(value)

    def schema(self, field: Field, kind: Kind) -> JSONObject:
        names, _ = self.names(kind)
        return {
            "type": "object",
            "additionalProperties": _text_schema(),
            "propertyNames": {"enum": list(names)},
        }

    def search_text(self, value: Any, field: Field, fields: SearchFields) -> str | None:
        return "; ".join(note for _, note in value) or None

    def json_texts(self, value: Any, field: Field, texts: JSONTexts) -> list[str]:
        return [str(v) for v in value.values()]

    def cell(self, value: Any) -> object:
        return [f"{k}: {v}" for k, v in value.items()] if isinstance(value, dict) else value

    def sql_values(self, value: Any) -> list[object]:
        if value is None:
            return [None]
        return ["\n".join(f"{name}: {_clean(note)}" for name, note in value.items()) or None]


def _check(field: Field) -> Ident:
    """How the key of a reference's target is checked: a code or an id."""
    return CODE if field.target_kind.key == "code" else ID


def _key(entry: Any) -> str:
    return str(entry.code if hasattr(entry, "code") else entry.id)


class Reference(FieldType):
    """The key (id or code) of an entry of the field's `target`."""

    name = "ref"
    reference = True

    def reader(self, field: Field, kind: Kind) -> Reader:
        check = _check(field)

        def read(c: Checker, node: Any, what: str) -> Ref | None:
            value = check.read(c, node, what)
            if value is None:
                return None
            return (value, *_where(node))

        return read

    def builder(self, field: Field) -> Builder:
        target = field.target or ""
        if field.ids:  # kept as its id (it may point forward)
            return lambda value, tables, nest: value[0]
        return lambda value, tables, nest: tables[target][value[0]]

    def to_json(self, value: Any, field: Field, entry: EntryJSON) -> Any:
        return value if field.ids else _key(value)

    def schema(self, field: Field, kind: Kind) -> JSONObject:
        return _key_schema(field.target_kind)

    def describe(self, field: Field) -> str:
        target = field.target_kind
        return f"the {'code' if target.key == 'code' else 'id'} of a {target.noun}"


class References(FieldType):
    """A list of keys of entries of the field's `target`; with `at_least` 1, not empty."""

    reference = True

    def __init__(self, at_least: int = 0) -> None:
        self.at_least = at_least
        self.name = "refs1" if at_least else "refs"

    def reader(self, field: Field, kind: Kind) -> Reader:
        check = _check(field)
        at_least = self.at_least

        def read(c: Checker, node: Any, what: str) -> tuple[Ref, ...] | None:
            items = c.sequence(node, what)
            if items is None:
                return None
            out: list[Ref] = []
            for i, item in enumerate(items):
                value = check.read(c, item, f"{what}[{i}]")
                if value is not None:
                    out.append((value, *_where(item)))
            if at_least and not node.value:
                c.problem(node, f"{what}: needs at least one entry")
            return tuple(out)

        return read

    def plain_refs(self, field: Field) -> re.Pattern[str]:
        # A plain non-empty list (an empty one goes to the reader, which says when one
        # must not be empty).
        return _check(field).pattern

    def builder(self, field: Field) -> Builder:
        target = field.target or ""
        if field.ids:  # kept as ids (they may point forward)
            return lambda value, tables, nest: tuple([ref[0] for ref in value])

        def build(value: Any, tables: dict[str, dict[str, Any]], nest: Nest) -> Any:
            table = tables[target]
            return tuple([table[ref[0]] for ref in value])

        return build

    def to_json(self, value: Any, field: Field, entry: EntryJSON) -> Any:
        return list(value) if field.ids else [_key(v) for v in value]

    def schema(self, field: Field, kind: Kind) -> JSONObject:
        many: JSONObject = {"type": "array", "items": _key_schema(field.target_kind)}
        if self.at_least:
            many["minItems"] = self.at_least
        return many

    def describe(self, field: Field) -> str:
        target = field.target_kind
        what = f"a list of {target.noun} {'code' if target.key == 'code' else 'id'}s"
        return what + " (at least one)" if self.at_least else what

    def json_texts(self, value: Any, field: Field, texts: JSONTexts) -> list[str]:
        return [str(v) for v in value]

    def sql_columns(self, name: str) -> list[tuple[str, str]]:
        return []

    def sql_values(self, value: Any) -> list[object]:
        return []

    def sql_tables(
        self,
        tables: Tables,
        field: Field,
        table: str,
        key_columns: list[tuple[str, str]],
        identity: tuple[object, ...],
        value: Any,
    ) -> None:
        # A link table `<table>_<field>`: the entry's key, the position, the key referred to.
        link = f"{table}_{field.name}"
        target = field.target_kind.noun.replace(" ", "_")
        tables.table(
            link,
            [*key_columns, ("position", "INTEGER"), (target, "TEXT")],
            (*(name for name, _ in key_columns), "position"),
        )
        for n, ref in enumerate(value or (), 1):
            tables.add(link, (*identity, n, ref))


class Entries(FieldType):
    """A list of entries of the field's `target` kind."""

    name = "entries"
    nested = True
    csv = False

    def reader(self, field: Field, kind: Kind) -> Reader:
        target = field.target or ""

        def read(c: Checker, node: Any, what: str) -> tuple[Record, ...] | None:
            items = c.sequence(node, what)
            if items is None:
                return None
            out = [c.entry(item, target, f"{what}[{i}]") for i, item in enumerate(items)]
            return tuple(r for r in out if r is not None)

        return read

    def builder(self, field: Field) -> Builder:
        target = field.target or ""
        return lambda value, tables, nest: nest(target, value)

    def to_json(self, value: Any, field: Field, entry: EntryJSON) -> Any:
        target = field.target or ""
        return [entry(target, v) for v in value]

    def schema(self, field: Field, kind: Kind) -> JSONObject:
        return {"type": "array", "items": {"$ref": f"#/$defs/{field.target}"}}

    def describe(self, field: Field) -> str:
        return f"a list of {field.target_kind.noun} entries"

    def search_text(self, value: Any, field: Field, fields: SearchFields) -> str | None:
        target = field.target or ""
        parts = [t for sub in value for _, t in fields(target, sub) if t]
        return "; ".join(parts) or None

    def json_texts(self, value: Any, field: Field, texts: JSONTexts) -> list[str]:
        out: list[str] = []
        for nested in value:
            if isinstance(nested, dict):
                out += texts(field.target_kind, nested)
            else:
                out.append(str(nested))
        return out

    def sql_columns(self, name: str) -> list[tuple[str, str]]:
        return []

    def sql_values(self, value: Any) -> list[object]:
        return []

    def sql_tables(
        self,
        tables: Tables,
        field: Field,
        table: str,
        key_columns: list[tuple[str, str]],
        identity: tuple[object, ...],
        value: Any,
    ) -> None:
        # Nested entries in a table of their own, `<table>_<field>`; a text item (an
        # indicator written as a string) is an entry with only its text.
        entries = [v if isinstance(v, dict) else {"text": v} for v in value or ()]
        tables.entries(field.target_kind, f"{table}_{field.name}", key_columns, entries, identity)


class TextOrEntries(Entries):
    """A list whose items are text or entries of the field's `target` (a briefing's points,
    a scenario's indicators): a text item is read as an entry with only its `text`."""

    def reader(self, field: Field, kind: Kind) -> Reader:
        target = field.target or ""
        noun = field.target_kind.noun

        def read(c: Checker, node: Any, what: str) -> tuple[Record, ...] | None:
            items = c.sequence(node, what)
            if items is None:
                return None
            out: list[Record] = []
            for i, item in enumerate(items):
                at = f"{what}[{i}]"
                if type(item).__name__ == "ScalarNode" and not is_null(item):
                    text = read_text(c, item, at)
                    if text is not None:
                        out.append({"@": _where(item), "text": text})
                elif type(item).__name__ == "MappingNode":
                    record = c.entry(item, target, at)
                    if record is not None:
                        out.append(record)
                else:
                    c.problem(
                        item, f"{at}: {_a(noun)} is text or a mapping, got {describe_node(item)}"
                    )
            return tuple(out)

        return read

    def schema(self, field: Field, kind: Kind) -> JSONObject:
        return {
            "type": "array",
            "items": {"anyOf": [_text_schema(), {"$ref": f"#/$defs/{field.target}"}]},
        }


class Points(TextOrEntries):
    """A briefing section's points (at least one): text, or entries of kind `point`."""

    name = "points"

    def schema(self, field: Field, kind: Kind) -> JSONObject:
        return {**super().schema(field, kind), "minItems": 1}

    def describe(self, field: Field) -> str:
        return "a list of points: each a text, or a mapping with `text` and tags"


class Items(TextOrEntries):
    """Text or entries of the field's `target`; JSON writes an item that has nothing but its
    text as that text, and its CSV cell lists each item's text."""

    name = "items"
    csv = True

    def to_json(self, value: Any, field: Field, entry: EntryJSON) -> Any:
        target = field.target or ""
        others = [f.attribute for f in field.target_kind.fields if f.name != "text"]
        return [entry(target, v) if any(getattr(v, a) for a in others) else v.text for v in value]

    def describe(self, field: Field) -> str:
        return f"a list: each a text, or a {field.target_kind.noun} mapping with `text`"

    def cell(self, value: Any) -> object:
        if value is None:
            return None
        return [v["text"] if isinstance(v, dict) else v for v in value]


def rating_json(r: Rating) -> JSONObject:
    """A rating with its note; who gave it and the other analysts' ratings when stated."""
    out: JSONObject = {"rating": r.rating, "note": r.note}
    if r.analyst is not None:
        out["analyst"] = r.analyst
    if r.analysts:
        out["analysts"] = dict(r.analysts)
    return out


class Ratings(FieldType):
    """`{ID: RATING, ID: {rating: RATING, note: TEXT}, ...}`: entries of the field's
    `target` (hypotheses), each rated one of the field's `choices` (docs/ach.md)."""

    name = "ratings"
    csv = False

    def reader(self, field: Field, kind: Kind) -> Reader:
        options = field.choices

        def read(c: Checker, node: Any, what: str) -> tuple[RatingRef, ...] | None:
            pairs = c.mapping(node, what)
            if pairs is None:
                return None
            out: list[RatingRef] = []
            for key, key_node, value_node in pairs:
                at = f"{what}.{key}"
                # The key node was met by `mapping` already: checked here, not read again.
                if not ID_RE.fullmatch(key):
                    c.problem(
                        key_node,
                        f"{what}: {quote(key)} is not a valid hypothesis id (lowercase "
                        "kebab-case, such as 'h-capacity')",
                    )
                    continue
                line, column = _where(key_node)
                if type(value_node).__name__ == "MappingNode":
                    found = c.mapping(value_node, at)
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
                            rating = read_choice(c, sub_value, f"{at}.rating", options)
                        elif sub == "note":
                            if not is_null(sub_value):
                                note = read_text(c, sub_value, f"{at}.note")
                        elif sub == "analyst":
                            analyst = read_text(c, sub_value, f"{at}.analyst")
                        elif sub == "analysts":
                            for name, _, given in c.mapping(sub_value, f"{at}.analysts") or ():
                                chosen = read_choice(c, given, f"{at}.analysts.{name}", options)
                                if chosen is not None:
                                    others.append((name, chosen))
                        elif sub.startswith("x-"):
                            c.unread(sub_value)
                        else:
                            c.problem(
                                sub_key,
                                f"{at}: unknown field {quote(sub)}{hint(sub, _RATING_KEYS)}",
                            )
                    if not seen_rating:
                        c.problem(value_node, f"{at}: missing required field 'rating'")
                    if rating is not None:
                        out.append((key, line, column, rating, note, analyst, tuple(others)))
                elif is_null(value_node):
                    c.problem(value_node, f"{at}: needs a rating, one of {', '.join(options)}")
                else:
                    rating = read_choice(c, value_node, at, options)
                    if rating is not None:
                        out.append((key, line, column, rating, None, None, ()))
            return tuple(out)

        return read

    def builder(self, field: Field) -> Builder:
        return lambda value, tables, nest: tuple(
            [Rating(h, r, note, who, others) for h, _, _, r, note, who, others in value]
        )

    def to_json(self, value: Any, field: Field, entry: EntryJSON) -> Any:
        return {r.hypothesis: rating_json(r) for r in value}

    def schema(self, field: Field, kind: Kind) -> JSONObject:
        rating: JSONObject = {"enum": list(field.choices)}
        noted: JSONObject = {
            "type": "object",
            "properties": {
                "rating": rating,
                "note": _text_schema(),
                "analyst": _text_schema(),
                "analysts": {"type": "object", "additionalProperties": rating},
            },
            "patternProperties": {"^x-": {}},
            "required": ["rating"],
            "additionalProperties": False,
        }
        return {
            "type": "object",
            "propertyNames": {"pattern": _ID_PATTERN},
            "additionalProperties": {"anyOf": [rating, noted]},
        }

    def describe(self, field: Field) -> str:
        return (
            f"a mapping from {field.target_kind.noun} ids to a rating ("
            + ", ".join(field.choices)
            + ") or to a mapping with `rating`, `note`, `analyst` and `analysts` (docs/ach.md)"
        )

    def json_texts(self, value: Any, field: Field, texts: JSONTexts) -> list[str]:
        return [str(v) for v in value.values()]

    def sql_columns(self, name: str) -> list[tuple[str, str]]:
        return []

    def sql_values(self, value: Any) -> list[object]:
        return []

    def sql_tables(
        self,
        tables: Tables,
        field: Field,
        table: str,
        key_columns: list[tuple[str, str]],
        identity: tuple[object, ...],
        value: Any,
    ) -> None:
        # One row per hypothesis rated, with who gave the rating; the other analysts'
        # ratings of the same pair in a table of their own, one row per analyst.
        link = f"{table}_{field.name}"
        keys = tuple(name for name, _ in key_columns)
        tables.table(
            link,
            [
                *key_columns,
                ("hypothesis", "TEXT"),
                ("rating", "TEXT"),
                ("note", "TEXT"),
                ("analyst", "TEXT"),
            ],
            (*keys, "hypothesis"),
        )
        others = f"{link}_analysts"
        tables.table(
            others,
            [*key_columns, ("hypothesis", "TEXT"), ("analyst", "TEXT"), ("rating", "TEXT")],
            (*keys, "hypothesis", "analyst"),
        )
        for hypothesis, rated in (value or {}).items():
            tables.add(
                link, (*identity, hypothesis, rated["rating"], rated["note"], rated.get("analyst"))
            )
            for analyst, rating in (rated.get("analysts") or {}).items():
                tables.add(others, (*identity, hypothesis, analyst, rating))


TEXT = Text()
URL = Url()
TEXTS = Texts()
DATE = Date()
BOOL = Bool()
INT = Int()
NUMBER = Number()
LATITUDE = Coordinate("latitude", 90)
LONGITUDE = Coordinate("longitude", 180)
INT_RANGE = Ranged(INT)
NUMBER_RANGE = Ranged(NUMBER)
ID = Ident()
KEBAB = Kebab()
CODE = Code()
CHOICE = Choice()
DISPUTED = Disputed()
REF = Reference()
REFS = References()
REFS1 = References(at_least=1)
ENTRIES = Entries()
POINTS = Points()
ITEMS = Items()
RATINGS = Ratings()
