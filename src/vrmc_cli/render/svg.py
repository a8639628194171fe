"""Charts and the timeline strip as inline SVG for the HTML view: no scripts, sized to the
page (a viewBox, width 100%), and readable in grey: every series has its own pattern, every
bar its number, every mark its own shape and a tooltip."""

from __future__ import annotations

import hashlib
import html
from collections.abc import Collection

from ..analysis.charts import new_year, year_ticks
from ..core.doc import Chart, Locator, Strip
from ..core.textsafe import visible

TYPE_CHECKING = False  # typing's own flag, without importing typing for a page
if TYPE_CHECKING:
    from typing import TypeGuard

WIDTH = 640  # viewBox units; the SVG scales to the page
ROW = 18
FONT = 'font-family="\'Helvetica Neue\', Arial, sans-serif" font-size="11"'
# Inline styles (the page's stylesheet is shared with every other view): a figure that does
# not break across printed pages and an SVG that never grows past the page.
FIGURE = 'style="margin:1rem 0;break-inside:avoid;page-break-inside:avoid"'
CAPTION = "style=\"font:bold .95rem 'Helvetica Neue',Arial,sans-serif\""
NOTE = 'class="muted" style="font-size:.8rem"'
# A white ground of its own: the page may be dark (prefers-color-scheme), the figure not.
SVG_STYLE = "display:block;max-width:100%;height:auto;background:#fff"

# One pattern per series: (colour, what is drawn in a 6x6 tile). Dark, hatched, dotted,
# crossed, striped and pale fills stay apart in grey and in print.
PATTERNS = (
    ("#1f4e79", '<rect width="6" height="6" fill="#1f4e79"/>'),
    (
        "#b35900",
        '<rect width="6" height="6" fill="#fbe3cc"/>'
        '<path d="M0 6L6 0M-1 1L1 -1M5 7L7 5" stroke="#b35900" stroke-width="1.6"/>',
    ),
    (
        "#2e7d32",
        '<rect width="6" height="6" fill="#e3f1e4"/><circle cx="3" cy="3" r="1.5" fill="#2e7d32"/>',
    ),
    (
        "#6a1b9a",
        '<rect width="6" height="6" fill="#efe0f5"/>'
        '<path d="M0 0L6 6M6 0L0 6" stroke="#6a1b9a" stroke-width="1"/>',
    ),
    (
        "#00838f",
        '<rect width="6" height="6" fill="#00838f"/>'
        '<path d="M0 3H6" stroke="#ffffff" stroke-width="1.4"/>',
    ),
    (
        "#c62828",
        '<rect width="6" height="6" fill="#fde0e0"/>'
        '<path d="M3 0V6" stroke="#c62828" stroke-width="1.6"/>',
    ),
    ("#555555", '<rect width="6" height="6" fill="#bbbbbb"/>'),
    (
        "#000000",
        '<rect width="6" height="6" fill="#ffffff"/>'
        '<rect width="3" height="3" fill="#000000"/>'
        '<rect x="3" y="3" width="3" height="3" fill="#000000"/>',
    ),
)
# One mark shape per lane of the strip.
SHAPES = ("circle", "square", "diamond", "triangle")


def escape(text: str) -> str:
    return html.escape(visible(text, one_line=True), quote=True)


def _key(*parts: str) -> str:
    """A short id prefix from the picture's content: stable, and distinct per picture."""
    return "c" + hashlib.sha1("\x00".join(parts).encode()).hexdigest()[:8]  # noqa: S324 - not security


def chart(c: Chart) -> str:
    from ..analysis.charts import caption

    key = _key(c.title, *c.series, *(label for label, _ in c.bars))
    defs = "".join(
        f'<pattern id="{key}-{n}" width="6" height="6" patternUnits="userSpaceOnUse">'
        f"{PATTERNS[n % len(PATTERNS)][1]}</pattern>"
        for n in range(len(c.series))
    )
    label_width = 8 + 7 * max((len(label) for label, _ in c.bars), default=4)
    totals = [sum(v) for _, v in c.bars]
    top = max([*totals, 1])
    room = WIDTH - label_width - 48
    parts: list[str] = []
    y = 0
    if len(c.series) > 1:  # the legend: a swatch and a name per series, wrapped
        x = 0.0
        for n, name in enumerate(c.series):
            shown = visible(name, one_line=True)
            step = 22 + 6 * len(shown) + 14
            if x and x + step > WIDTH:
                x, y = 0.0, y + ROW
            parts.append(
                f'<rect x="{x}" y="{y + 3}" width="16" height="11" fill="url(#{key}-{n})" '
                f'stroke="#333" stroke-width=".6"/><text x="{x + 21}" y="{y + 13}">'
                f"{escape(name)}</text>"
            )
            x += step
        y += ROW + 6
    for (label, values), total in zip(c.bars, totals, strict=True):
        described = ", ".join(
            f"{visible(s, one_line=True)} {v}" for s, v in zip(c.series, values, strict=True) if v
        )
        unit = c.unit[:-1] if total == 1 and c.unit.endswith("s") else c.unit
        tip = f"{label}: {total} {unit}" + (
            f" ({described})" if len(c.series) > 1 and described else ""
        )
        bar = [f"<title>{escape(tip)}</title>"]
        bar.append(
            f'<text x="{label_width - 6}" y="{y + 13}" text-anchor="end">{escape(label)}</text>'
        )
        x = float(label_width)
        for n, value in enumerate(values):
            if not value:
                continue
            length = max(1.5, value * room / top)
            bar.append(
                f'<rect x="{x:.1f}" y="{y + 2}" width="{length:.1f}" height="{ROW - 4}" '
                f'fill="url(#{key}-{n})" stroke="#333" stroke-width=".6"/>'
            )
            x += length
        bar.append(f'<text x="{x + 4:.1f}" y="{y + 13}">{total}</text>')
        parts.append("<g>" + "".join(bar) + "</g>")
        y += ROW
    height = y + 4
    said = caption(c)
    return (
        f'<figure class="chart" {FIGURE}><figcaption {CAPTION}>{escape(c.title)}</figcaption>'
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" role="img" aria-label="{escape(c.title)}" {FONT} '
        f'style="{SVG_STYLE};width:{WIDTH}px">'
        f"<defs>{defs}</defs>{''.join(parts)}</svg>"
        f"<figcaption {NOTE}>{escape(said[:1].upper() + said[1:])}.</figcaption></figure>"
    )


def _shape(kind: str, x: float, y: float) -> str:
    if kind == "circle":
        return f'<circle cx="{x:.1f}" cy="{y}" r="4"/>'
    if kind == "square":
        return f'<rect x="{x - 3.5:.1f}" y="{y - 3.5}" width="7" height="7"/>'
    if kind == "diamond":
        return f'<path d="M{x:.1f} {y - 5}l5 5l-5 5l-5 -5z"/>'
    return f'<path d="M{x:.1f} {y - 5}l5 9h-10z"/>'


def strip(s: Strip, known: Collection[str] = ()) -> str:
    """The strip; a mark links to its anchor when `known` (the anchors the page defines)
    has it, so every link on the page resolves."""
    start = new_year(s.first_year)
    end = new_year(s.last_year + 1)
    label_width = 150
    room = WIDTH - label_width - 10
    lane = 24

    def at(day: int) -> float:
        return label_width + (day - start) * room / max(1, end - start)

    parts = []
    linked = True
    for n, (name, marks) in enumerate(s.lanes):
        y = n * lane + lane // 2
        shown = visible(name, one_line=True)
        short = shown if len(shown) <= 24 else shown[:23] + "…"
        parts.append(
            f'<text x="0" y="{y + 4}"><title>{escape(shown)}</title>{escape(short)}</text>'
            f'<line x1="{label_width}" y1="{y}" x2="{WIDTH - 10}" y2="{y}" stroke="#bbb"/>'
        )
        shape = SHAPES[n % len(SHAPES)]
        color = PATTERNS[n % len(PATTERNS)][0]
        marks_svg = "".join(
            (f'<a href="#{escape(m.anchor)}">' if m.anchor in known else '<g class="unlinked">')
            + f"<title>{escape(m.label)}</title>{_shape(shape, at(m.day), y)}"
            + ("</a>" if m.anchor in known else "</g>")
            for m in marks
        )
        linked = linked and all(m.anchor in known for m in marks)
        parts.append(
            f'<g fill="{color}" fill-opacity=".75" stroke="#000" stroke-width=".6">{marks_svg}</g>'
        )
    axis = len(s.lanes) * lane + 4
    ticks = []
    for year, day, major, labelled in year_ticks(s):
        x = at(day)
        ticks.append(
            f'<line x1="{x:.1f}" y1="{axis}" x2="{x:.1f}" y2="{axis + (6 if major else 3)}" '
            'stroke="#333"/>'
        )
        if labelled:
            ticks.append(f'<text x="{x:.1f}" y="{axis + 17}" text-anchor="middle">{year}</text>')
    height = axis + 22
    return (
        f'<figure class="chart strip" {FIGURE}><figcaption {CAPTION}>{escape(s.title)}</figcaption>'
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" role="img" aria-label="{escape(s.title)}" {FONT} '
        f'style="{SVG_STYLE};width:{WIDTH}px">'
        f"{''.join(parts)}"
        f'<line x1="{label_width}" y1="{axis}" x2="{WIDTH - 10}" y2="{axis}" stroke="#333"/>'
        f"{''.join(ticks)}</svg>"
        f"<figcaption {NOTE}>One lane per top-level theme, one mark per event ("
        + ("each links to it; " if linked else "")
        + "an event under two themes has a mark in each lane).</figcaption>"
        "</figure>"
    )


def locator(m: Locator, known: Collection[str] = (), cache: bool = True) -> str:
    """The locator map: country outlines, then one circle per place (the largest drawn
    first), each linking to its anchor when the page defines it, with a tooltip. Drawn,
    or the same map drawn before, unless not `cache` (--no-cache): laying out the
    outlines reads every country's polygons, most of a warm `report -f html`."""
    from . import kept_picture

    return kept_picture(_kept(m, known) if cache else None, _is_locator, lambda: _locator(m, known))


def _is_locator(found: object) -> TypeGuard[str]:
    return isinstance(found, str) and found.startswith('<figure class="chart locator"')


def _kept(m: Locator, known: Collection[str]) -> str | None:
    """Where a drawn map is kept among the pictures (render/raster.py): named by a digest of
    what it shows (the block, which of its places the page can link to) and of the code and
    data that draw it (this module, analysis/outlines.py and the installed countryinfo), on
    the corpus cache's terms; None without a usable cache folder or with VRMC_NO_CACHE=1."""
    import os

    from ..corpus.cache import FORMAT_TAG, private_folder

    folder = private_folder()
    if folder is None:
        return None
    from importlib.util import find_spec

    from ..analysis import outlines

    try:
        spec = find_spec("countryinfo")
        if spec is None or spec.origin is None:
            return None  # without countryinfo the map is not drawn from the same outlines
        drawers = (__file__, outlines.__file__, spec.origin)
        stamps = [f"{i.st_size} {i.st_mtime_ns}" for i in (os.stat(d) for d in drawers)]
    except (OSError, ImportError, ValueError):
        return None
    linked = tuple(spot.anchor in known for spot in m.spots)
    key = "\0".join((FORMAT_TAG, "locator-svg", *stamps, repr(m), repr(linked))).encode()
    return os.path.join(folder, f"picture-{hashlib.sha256(key).hexdigest()[:32]}.pickle")


def _locator(m: Locator, known: Collection[str]) -> str:
    from ..analysis.outlines import locator_layout, locator_note

    layout = locator_layout(m.spots, WIDTH)
    paths = []
    for shape in layout.shapes:
        d = "".join("M" + "L".join(f"{x:g} {y:g}" for x, y in ring) + "Z" for ring in shape.rings)
        fill = "#e8dfc8" if shape.marked else "#f4f4f0"
        paths.append(f'<path d="{d}" fill="{fill}"><title>{escape(shape.code)}</title></path>')
    marks = []
    labels = []
    linked = all(p.spot.anchor in known for p in layout.marks)
    for p in layout.marks:
        spot = p.spot
        tip = escape(f"{spot.label}: {spot.count} {m.unit if spot.count != 1 else m.unit[:-1]}")
        circle = f'<circle cx="{p.x:g}" cy="{p.y:g}" r="{p.r:g}"><title>{tip}</title></circle>'
        if spot.anchor in known:
            circle = f'<a href="#{escape(spot.anchor)}">{circle}</a>'
        marks.append(circle)
        if p.label is not None:
            x, y, side = p.label
            labels.append(
                f'<text x="{x:g}" y="{y:g}" text-anchor="{side}">{escape(spot.label)}</text>'
            )
    height = round(layout.height)
    return (
        f'<figure class="chart locator" {FIGURE}><figcaption {CAPTION}>{escape(m.title)}'
        "</figcaption>"
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" role="img" aria-label="{escape(m.title)}" {FONT} '
        f'style="{SVG_STYLE};width:{WIDTH}px">'
        f'<rect width="{WIDTH}" height="{height}" fill="#dceaf4"/>'
        '<g stroke="#8a8a8a" stroke-width=".6" stroke-linejoin="round" fill-rule="evenodd">'
        f"{''.join(paths)}</g>"
        f'<g fill="#b3261e" fill-opacity=".7" stroke="#fff" stroke-width="1">{"".join(marks)}</g>'
        f'<g fill="#111" stroke="#fff" stroke-width="2.5" paint-order="stroke">'
        f"{''.join(labels)}</g>"
        f'<rect width="{WIDTH}" height="{height}" fill="none" stroke="#666"/></svg>'
        f"<figcaption {NOTE}>{escape(locator_note(m, linked))}</figcaption></figure>"
    )
