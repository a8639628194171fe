"""CSV: one header row and the same columns on every row; cells that a spreadsheet would
run as a formula are made inert."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from ..core.formats import ROWS, Format
from ..core.textsafe import visible
from . import Renderer, unavailable

if TYPE_CHECKING:
    from ..commands import Result
    from . import Options

JSONObject = dict[str, Any]

DECLARED = Renderer(ROWS, "CSV rows", (".csv",))


# OWASP's "CSV Injection" advice: a cell that starts with one of these is run as a formula
# (or DDE command) by spreadsheets; a single quote in front makes it plain text. Every cell is
# also quoted. A spreadsheet that splits on another separator than the file's (`;` in German
# or French locales, for a file written with `,`) can start a new cell inside a value, so a
# trigger after a `,` or `;` (and spaces) gets the quote as well: `Report;'=cmd`.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_AFTER_SEPARATOR = re.compile(r"([,;] *)(?=[=+\-@\t\r])")


def csv_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return "; ".join(csv_cell(v) for v in value)
    if isinstance(value, int | float):
        return repr(value)  # a number, negative ones too, is never a formula
    text = _FORMULA_AFTER_SEPARATOR.sub(r"\1'", visible(str(value)))
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text


def to_csv(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    import csv  # here: only CSV output needs it (start-up time)

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_cell(v) for v in row])
    return out.getvalue()


def rows_from(objects: Iterable[JSONObject], columns: Sequence[str]) -> list[list[object]]:
    return [[obj.get(c) for c in columns] for obj in objects]


def render(result: Result, options: Options) -> str:
    if result.rows is None:
        raise unavailable(Format.csv)
    return to_csv(result.columns, result.rows())
