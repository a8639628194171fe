"""Output formats and their renderers: one module per format, `as_<format>.py`.

Every renderer module exports `render(result, options) -> str | bytes` and declares what it
is as `DECLARED = Renderer(...)`: what of a command's result it needs, the file extensions
that pick it for `--output FILE`, whether it writes bytes. The runner, `--help`, the
refusals ("--format csv is available for: ...") and the tests read those declarations, so
adding a format is its module and its member of formats.Format. Modules are imported only
when used, so plain output never pays for Rich.
"""

from __future__ import annotations

import os
import sys

from ..core.errors import UsageError
from ..core.formats import FILE, NEEDS, Format
from ..core.record import Record
from ..core.textsafe import visible

# Not `typing.TYPE_CHECKING`: a warm run does not import typing (docs/performance.md); type
# checkers treat any `TYPE_CHECKING` as true.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from types import ModuleType
    from typing import TypeGuard, TypeVar

    T = TypeVar("T")

    from ..commands import Result
    from ..core.doc import Table


class Options(Record):
    """How to render: heading level, width and colour."""

    heading_level: int = 1
    width: int = 100
    color: bool = False  # emit ANSI styles (rich only)
    color_system: str | None = None
    citations: str = "numbers"  # Markdown: "numbers" ([1, 4] links) or "pandoc" ([@id])
    # Markdown written to a file: the folder beside it (its name) that holds the pictures as
    # PNG files, linked as `![...](folder/figure-1.png)`; empty: pictures as text.
    images: str = ""
    # Keep drawn pictures in the cache folder and reuse them (off with --no-cache).
    cache: bool = True


class Renderer(Record, frozen=True, eq=True):
    """A format as its renderer module declares it (its `DECLARED`)."""

    needs: str  # what of a command's result it renders: one of core.formats.NEEDS
    what: str  # what it writes, in a few words, for --help
    extensions: tuple[str, ...] = ()  # `--output FILE.ext` without --format picks it
    binary: bool = False  # bytes, never written to a terminal


# Format -> module under vrmc_cli.render.
# Drawn pictures (PNG charts, the SVG locator map) kept in the cache folder, most recently
# used first (render/raster.py, render/svg.py).
KEPT_PICTURES = 64


def kept_picture(
    path: str | None,
    usable: Callable[[object], TypeGuard[T]],
    draw: Callable[[], T],
    prefix: str = "picture-",
    keep: int = KEPT_PICTURES,
) -> T:
    """The picture kept at `path` when `usable` accepts it, else `draw()`'s, then kept there
    (of the files named `prefix…`, the most recent `keep` stay); no `path` (no trusted
    folder, --no-cache): drawn. Word's package parts are kept the same way (as_docx.py)."""
    if path is not None:
        from ..corpus.cache import read_object

        found = read_object(path)
        if usable(found):
            return found
    made = draw()
    if path is not None:
        from ..corpus.cache import prune, write_object

        write_object(path, made)
        prune(os.path.dirname(path), prefix, keep)
    return made


RENDERERS: dict[Format, str] = {fmt: f"as_{fmt.value}" for fmt in Format}

_DECLARED: dict[Format, Renderer] = {}


def _import(name: str) -> ModuleType:
    """`importlib.import_module(name)` for a module of vrmc, without importing importlib
    (and the warnings module it imports): a warm run needs neither."""
    __import__(name)
    return sys.modules[name]


def declared(fmt: Format) -> Renderer:
    """What `fmt`'s renderer module declares, without importing the module when it is not
    loaded yet: --help and the runner read every format's declaration, and importing every
    renderer would load Rich, xml.sax and the model (docs/performance.md). The declaration
    is read from the module's source, run with nothing but Renderer and the NEEDS names
    (tests/test_meta.py checks it equals the imported module's)."""
    found = _DECLARED.get(fmt)
    if found is None:
        found = _DECLARED[fmt] = _read(RENDERERS[fmt])
    return found


def declarations() -> dict[Format, Renderer]:
    """Every format's declaration, in the order of formats.Format."""
    return {fmt: declared(fmt) for fmt in Format}


def _read(module: str) -> Renderer:
    path = os.path.join(os.path.dirname(__file__), module + ".py")
    loaded = sys.modules.get(f"{__name__}.{module}")
    found = from_source(path) if loaded is None and os.path.exists(path) else None
    if found is None:  # loaded already, or no source beside this module (bytecode only)
        found = _import(f"{__name__}.{module}").DECLARED
    if not isinstance(found, Renderer):
        raise TypeError(f"{module}.DECLARED is not a Renderer")
    return found


def from_source(path: str) -> Renderer | None:
    """The `DECLARED = Renderer(...)` statement of the module at `path`, run alone."""
    with open(path, encoding="utf-8") as source:
        text = source.read()
    start = text.find("\nDECLARED = Renderer(")
    lines = text[start + 1 :].split("\n", 20)[:20] if start >= 0 else []
    for end in range(1, len(lines) + 1):  # the shortest run of lines that compiles
        try:
            code = compile("\n".join(lines[:end]), path, "exec")
        except SyntaxError:
            continue
        names: dict[str, object] = {"Renderer": Renderer, **NEEDS}
        exec(code, {"__builtins__": {}}, names)  # noqa: S102 - our own declaration
        found = names["DECLARED"]
        return found if isinstance(found, Renderer) else None
    return None


def extension_format(path: str) -> Format | None:
    """The format whose declared extensions include the extension of `path`, if any."""
    extension = os.path.splitext(path)[1].lower()
    return next((f for f, d in declarations().items() if extension in d.extensions), None)


def serves(fmt: Format, gives: frozenset[str]) -> bool:
    """Whether `fmt` renders a command that gives `gives` (a command that writes a file of
    its own takes any format: it writes that file whatever --format)."""
    return FILE in gives or declared(fmt).needs in gives


def served(fmt: Format) -> list[str]:
    """The commands `fmt` renders, by name (those that write a file of their own left out)."""
    from ..commands import names, spec

    found = [spec(name) for name in names()]
    return [s.name for s in found if s and FILE not in s.gives and serves(fmt, s.gives)]


def unavailable(fmt: Format) -> UsageError:
    """The refusal of `fmt` for a command it does not serve: which commands it serves."""
    return UsageError(
        f"--format {fmt.value} is available for: {', '.join(served(fmt))}; use json here"
    )


def formats_for(gives: frozenset[str]) -> list[Format]:
    """The formats that render a command giving `gives`, in the order of formats.Format."""
    return [f for f in Format if FILE not in gives and serves(f, gives)]


def render(fmt: Format, result: Result, options: Options) -> str | bytes:
    module = _import(f"{__name__}.{RENDERERS[fmt]}")
    out = module.render(result, options)
    return out if isinstance(out, bytes) else str(out)


__all__ = ["RENDERERS", "Format", "Options", "Renderer", "declared", "render"]


def table_cells(b: Table) -> list[list[str]]:
    """Each column's texts as a terminal table shows them, header first (what
    doc.column_widths measures)."""
    from ..core.doc import text_of

    return [
        [visible(t, one_line=True) for t in (b.columns[n], *(text_of(row[n]) for row in b.rows))]
        for n in range(len(b.columns))
    ]
