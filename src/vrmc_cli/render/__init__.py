"""Output formats and their renderers: one module per format, chosen through one registry."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from enum import Enum
from typing import TYPE_CHECKING, Any

from ..errors import UsageError
from ..record import field, record

if TYPE_CHECKING:
    from .doc import Doc  # imported by the commands that build one; --help never does


class Format(str, Enum):
    rich = "rich"
    text = "text"
    markdown = "markdown"
    json = "json"
    csv = "csv"
    html = "html"


@record
class Output:
    """What a command shows: a document for people, data for programs, rows for CSV, and
    notes for stderr (an empty result). Each form is built only if it is the one asked for."""

    doc: Callable[[], Doc]
    data: Callable[[], dict[str, Any]]
    columns: Sequence[str] = ()
    rows: Callable[[], list[list[object]]] | None = None
    notes: tuple[str, ...] = ()


@record
class Options:
    """How to render: heading level, width and colour."""

    heading_level: int = 1
    width: int = 100
    color: bool = False  # emit ANSI styles (rich only)
    color_system: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


# Format -> module under vrmc_cli.render; modules are imported only when used, so plain
# output never pays for Rich.
RENDERERS: dict[Format, str] = {
    Format.rich: "as_rich",
    Format.text: "as_text",
    Format.markdown: "as_markdown",
    Format.json: "data",
    Format.csv: "data",
    Format.html: "as_html",
}


def render(fmt: Format, output: Output, options: Options) -> str:
    module = importlib.import_module(f"{__name__}.{RENDERERS[fmt]}")
    if fmt is Format.json:
        return str(module.dumps(output.data()))
    if fmt is Format.csv:
        if output.rows is None:
            raise UsageError(
                "--format csv is for the tabular commands (timeline, actors, "
                "transfers, scenarios, themes, countries, sources, search); "
                "use json here"
            )
        return str(module.to_csv(output.columns, output.rows()))
    if fmt is Format.markdown:
        return str(module.render(output.doc(), options.heading_level))
    if fmt is Format.rich:
        return str(module.to_string(output.doc(), options))
    return str(module.render(output.doc()))
