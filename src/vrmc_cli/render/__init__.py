"""Output formats and their renderers: one module per format, registered in one table.

Every renderer module exports `render(result, options) -> str`. Adding a format is its module
and one line in RENDERERS (and a member of formats.Format). Modules are imported only when
used, so plain output never pays for Rich.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from ..core.doc import Table, text_of
from ..core.formats import Format
from ..core.record import record
from ..core.textsafe import visible

if TYPE_CHECKING:
    from ..commands import Result


@record
class Options:
    """How to render: heading level, width and colour."""

    heading_level: int = 1
    width: int = 100
    color: bool = False  # emit ANSI styles (rich only)
    color_system: str | None = None
    citations: str = "numbers"  # Markdown: "numbers" ([1, 4] links) or "pandoc" ([@id])
    # Markdown written to a file: the folder beside it (its name) that holds the pictures as
    # PNG files, linked as `![...](folder/figure-1.png)`; empty: pictures as text.
    images: str = ""


# Format -> module under vrmc_cli.render.
RENDERERS: dict[Format, str] = {
    Format.rich: "as_rich",
    Format.text: "as_text",
    Format.markdown: "as_markdown",
    Format.json: "as_json",
    Format.csv: "as_csv",
    Format.html: "as_html",
    Format.docx: "as_docx",
    Format.csljson: "as_csljson",
    Format.dot: "as_dot",
    Format.mermaid: "as_mermaid",
    Format.graphml: "as_graphml",
}

# The formats whose output is bytes, not text (never written to a terminal).
BINARY = frozenset({Format.docx})


def render(fmt: Format, result: Result, options: Options) -> str | bytes:
    module = importlib.import_module(f"{__name__}.{RENDERERS[fmt]}")
    out = module.render(result, options)
    return out if isinstance(out, bytes) else str(out)


__all__ = ["BINARY", "RENDERERS", "Format", "Options", "render"]


def table_cells(b: Table) -> list[list[str]]:
    """Each column's texts as a terminal table shows them, header first (what
    doc.column_widths measures)."""
    return [
        [visible(t, one_line=True) for t in (b.columns[n], *(text_of(row[n]) for row in b.rows))]
        for n in range(len(b.columns))
    ]
