"""Charts and the timeline strip as PNG pictures at print resolution, for Word files and for
Markdown written to a file (a folder of images beside it).

Drawn with Pillow, the one well-kept imaging library that installs from a wheel with its own
FreeType and its own scalable font (`ImageFont.load_default(size)`): no system fonts, no
Cairo, no browser, so the same corpus gives the same bytes on every machine. It is imported
here only, and this module only for docx and Markdown files, so no other format pays for it.

The layout is the HTML view's (render/svg.py): the same series order, fills readable in grey
(solid, hatched, dotted, crossed, striped, pale), every bar's total written at its end, one
mark shape per lane of the strip. The title is not drawn: the caption under the picture
carries it.
"""

from __future__ import annotations

import io
import os
from typing import TYPE_CHECKING, Any

from ..analysis.charts import new_year, year_ticks
from ..core.doc import Chart, Locator, Strip
from ..core.textsafe import visible

if TYPE_CHECKING:
    from typing import TypeGuard

    from PIL import Image as ImageModule

WIDTH = 640  # layout units, as in render/svg.py
SCALE = 3  # pixels per unit: 1,920 pixels across, about 290 dots per inch over 6.5 inches
ROW = 18
FONT_SIZE = 11
DPI = 288

# (ground, ink, what the ink draws) per series, in render/svg.py's order.
FILLS: tuple[tuple[str, str, str], ...] = (
    ("#1f4e79", "#1f4e79", "solid"),
    ("#fbe3cc", "#b35900", "hatch"),
    ("#e3f1e4", "#2e7d32", "dots"),
    ("#efe0f5", "#6a1b9a", "cross"),
    ("#00838f", "#ffffff", "rows"),
    ("#fde0e0", "#c62828", "columns"),
    ("#bbbbbb", "#bbbbbb", "solid"),
    ("#ffffff", "#000000", "checks"),
)
# The strip's mark colours (one per lane), as in render/svg.py.
LANE_COLOURS = ("#1f4e79", "#b35900", "#2e7d32", "#6a1b9a", "#00838f", "#c62828", "#555555")
SHAPES = ("circle", "square", "diamond", "triangle")


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


class _Canvas:
    def __init__(self, height: float) -> None:
        from PIL import Image, ImageDraw, ImageFont

        self.image = Image.new("RGB", (WIDTH * SCALE, max(1, round(height * SCALE))), "white")
        self.draw = ImageDraw.Draw(self.image)
        self.font = ImageFont.load_default(size=FONT_SIZE * SCALE)
        self.tiles: dict[int, ImageModule.Image] = {}
        self.sheets: dict[int, ImageModule.Image] = {}

    def length(self, text: str) -> float:
        return float(self.font.getlength(text)) / SCALE

    def text(self, x: float, y: float, text: str, anchor: str = "ls") -> None:
        """`text` with its baseline at y (layout units), starting at x (`ls`), ending there
        (`rs`) or centred on it (`ms`)."""
        self.draw.text((x * SCALE, y * SCALE), text, fill="#000000", font=self.font, anchor=anchor)

    def tile(self, n: int) -> ImageModule.Image:
        """Series n's fill, one 6-unit tile."""
        if n not in self.tiles:
            from PIL import Image, ImageDraw

            ground, ink, kind = FILLS[n % len(FILLS)]
            size = 6 * SCALE
            tile = Image.new("RGB", (size, size), ground)
            pen = ImageDraw.Draw(tile)
            if kind == "hatch":
                for shift in (-size, 0, size):
                    pen.line((shift, size, shift + size, 0), fill=ink, width=round(1.6 * SCALE))
            elif kind == "dots":
                r = 1.5 * SCALE
                pen.ellipse((size / 2 - r, size / 2 - r, size / 2 + r, size / 2 + r), fill=ink)
            elif kind == "cross":
                pen.line((0, 0, size, size), fill=ink, width=SCALE)
                pen.line((size, 0, 0, size), fill=ink, width=SCALE)
            elif kind == "rows":
                pen.line((0, size / 2, size, size / 2), fill=ink, width=round(1.4 * SCALE))
            elif kind == "columns":
                pen.line((size / 2, 0, size / 2, size), fill=ink, width=round(1.6 * SCALE))
            elif kind == "checks":
                pen.rectangle((0, 0, size / 2 - 1, size / 2 - 1), fill=ink)
                pen.rectangle((size / 2, size / 2, size - 1, size - 1), fill=ink)
            self.tiles[n] = tile
        return self.tiles[n]

    def filled(self, n: int, x: float, y: float, w: float, h: float) -> None:
        """A rectangle in series n's fill (aligned to the page, as an SVG pattern in user
        space is) with a thin dark outline."""
        box = (round(x * SCALE), round(y * SCALE), round((x + w) * SCALE), round((y + h) * SCALE))
        width, height = max(1, box[2] - box[0]), max(1, box[3] - box[1])
        sheet = self.sheet(n, height)
        step = self.tile(n).height
        top = box[1] % step
        self.image.paste(sheet.crop((box[0], top, box[0] + width, top + height)), box[:2])
        self.draw.rectangle(
            (box[0], box[1], box[0] + width - 1, box[1] + height - 1), outline="#333333", width=2
        )

    def sheet(self, n: int, height: int) -> ImageModule.Image:
        """Series n's fill across the whole width, a tile taller than `height`."""
        from PIL import Image

        tile = self.tile(n)
        rows = -(-height // tile.height) + 1
        if n not in self.sheets or self.sheets[n].height < rows * tile.height:
            row = Image.new("RGB", (self.image.width, tile.height))
            for tx in range(0, row.width, tile.width):
                row.paste(tile, (tx, 0))
            sheet = Image.new("RGB", (self.image.width, rows * tile.height))
            for ty in range(0, sheet.height, tile.height):
                sheet.paste(row, (0, ty))
            self.sheets[n] = sheet
        return self.sheets[n]

    def png(self) -> bytes:
        out = io.BytesIO()
        # The fastest compression: flat fills pack well at any level, and the file is read
        # once, by Word.
        self.image.save(out, "PNG", dpi=(DPI, DPI), compress_level=1)
        return out.getvalue()


def chart_png(c: Chart) -> tuple[bytes, int, int]:
    """The chart as PNG, with its size in layout units (640 across)."""
    labels = [visible(label, one_line=True) for label, _ in c.bars]
    series = [visible(s, one_line=True) for s in c.series]
    probe = _Canvas(1)
    label_width = 8 + max((probe.length(label) for label in labels), default=24)
    legend: list[tuple[float, float, int, str]] = []  # x, y, series, name
    y = 0.0
    if len(series) > 1:
        x = 0.0
        for n, name in enumerate(series):
            step = 22 + probe.length(name) + 14
            if x and x + step > WIDTH:
                x, y = 0.0, y + ROW
            legend.append((x, y, n, name))
            x += step
        y += ROW + 6
    top_of_bars = y
    height = top_of_bars + ROW * len(c.bars) + 4
    canvas = _Canvas(height)
    for x, ly, n, name in legend:
        canvas.filled(n, x, ly + 3, 16, 11)
        canvas.text(x + 21, ly + 13, name)
    totals = [sum(v) for _, v in c.bars]
    room = WIDTH - label_width - 48
    most = max([*totals, 1])
    y = top_of_bars
    for label, (_, values), total in zip(labels, c.bars, totals, strict=True):
        canvas.text(label_width - 6, y + 13, label, "rs")
        x = label_width
        for n, value in enumerate(values):
            if value:
                length = max(1.5, value * room / most)
                canvas.filled(n, x, y + 2, length, ROW - 4)
                x += length
        canvas.text(x + 4, y + 13, str(total))
        y += ROW
    return canvas.png(), WIDTH, round(height)


def strip_png(s: Strip) -> tuple[bytes, int, int]:
    """The timeline strip as PNG, with its size in layout units: a lane per group, a mark
    per item (its lane's shape and colour), the years along the bottom."""
    from PIL import Image, ImageDraw

    start = new_year(s.first_year)
    end = new_year(s.last_year + 1)
    label_width = 150
    room = WIDTH - label_width - 10
    lane = 24
    axis = len(s.lanes) * lane + 4
    height = axis + 22
    canvas = _Canvas(height)

    def at(day: int) -> float:
        return label_width + (day - start) * room / max(1, end - start)

    marks = Image.new("RGBA", canvas.image.size, (0, 0, 0, 0))
    pen = ImageDraw.Draw(marks)
    for n, (name, items) in enumerate(s.lanes):
        y = n * lane + lane // 2
        shown = visible(name, one_line=True)
        short = shown
        while canvas.length(short) > label_width - 8 and len(short) > 2:
            short = short[:-2] + "…"
        canvas.text(0, y + 4, short)
        canvas.draw.line(
            (label_width * SCALE, y * SCALE, (WIDTH - 10) * SCALE, y * SCALE),
            fill="#bbbbbb",
            width=SCALE,
        )
        shape = SHAPES[n % len(SHAPES)]
        fill = (*_rgb(LANE_COLOURS[n % len(LANE_COLOURS)]), 191)
        for mark in items:
            _shape(pen, shape, at(mark.day), y, fill)
    canvas.image.paste(marks, (0, 0), marks)
    canvas.draw.line(
        (label_width * SCALE, axis * SCALE, (WIDTH - 10) * SCALE, axis * SCALE),
        fill="#333333",
        width=SCALE,
    )
    for year, day, major, labelled in year_ticks(s):
        x = at(day)
        tick = 6 if major else 3
        canvas.draw.line(
            (x * SCALE, axis * SCALE, x * SCALE, (axis + tick) * SCALE), fill="#333333", width=2
        )
        if labelled:
            canvas.text(x, axis + 17, str(year), "ms")
    return canvas.png(), WIDTH, round(height)


def _shape(pen: Any, kind: str, x: float, y: float, fill: tuple[int, ...]) -> None:
    s = SCALE
    outline = (0, 0, 0, 255)
    if kind == "circle":
        pen.ellipse(((x - 4) * s, (y - 4) * s, (x + 4) * s, (y + 4) * s), fill, outline, 2)
    elif kind == "square":
        pen.rectangle(
            ((x - 3.5) * s, (y - 3.5) * s, (x + 3.5) * s, (y + 3.5) * s), fill, outline, 2
        )
    elif kind == "diamond":
        points = [
            (x * s, (y - 5) * s),
            ((x + 5) * s, y * s),
            (x * s, (y + 5) * s),
            ((x - 5) * s, y * s),
        ]
        pen.polygon(points, fill, outline, 2)
    else:
        points = [(x * s, (y - 5) * s), ((x + 5) * s, (y + 4) * s), ((x - 5) * s, (y + 4) * s)]
        pen.polygon(points, fill, outline, 2)


def locator_png(m: Locator) -> tuple[bytes, int, int]:
    """The locator map as PNG, laid out as the HTML map (analysis/outlines.py): sea, country
    outlines (the places' countries shaded), one circle per place, the names that fit."""
    from PIL import Image, ImageDraw

    from ..analysis.outlines import locator_layout

    layout = locator_layout(m.spots, WIDTH)
    canvas = _Canvas(layout.height)
    s = SCALE
    canvas.draw.rectangle((0, 0, WIDTH * s, layout.height * s), fill="#dceaf4")
    for shape in layout.shapes:
        fill = "#e8dfc8" if shape.marked else "#f4f4f0"
        for ring, hole in zip(shape.rings, shape.holes, strict=True):
            points = [(x * s, y * s) for x, y in ring]
            canvas.draw.polygon(points, fill="#dceaf4" if hole else fill, outline="#8a8a8a")
    marks = Image.new("RGBA", canvas.image.size, (0, 0, 0, 0))
    pen = ImageDraw.Draw(marks)
    for p in layout.marks:
        box = ((p.x - p.r) * s, (p.y - p.r) * s, (p.x + p.r) * s, (p.y + p.r) * s)
        pen.ellipse(box, (179, 38, 30, 179), (255, 255, 255, 255), 2)
    canvas.image.paste(marks, (0, 0), marks)
    for p in layout.marks:
        if p.label is not None:
            x, y, side = p.label
            canvas.draw.text(
                (x * s, y * s),
                visible(p.spot.label, one_line=True),
                fill="#111111",
                font=canvas.font,
                anchor="ls" if side == "start" else "rs",
                stroke_width=2,
                stroke_fill="#ffffff",
            )
    canvas.draw.rectangle((0, 0, WIDTH * s - 1, layout.height * s - 1), outline="#666666")
    return canvas.png(), WIDTH, round(layout.height)


def picture_png(block: Chart | Strip | Locator, cache: bool = True) -> tuple[bytes, int, int]:
    """A chart or strip as PNG bytes, with its width and height in layout units: drawn, or
    the same picture drawn before (render.KEPT_PICTURES) unless not `cache` (--no-cache)."""
    from . import kept_picture

    def draw() -> tuple[bytes, int, int]:
        if isinstance(block, Strip):
            return strip_png(block)
        if isinstance(block, Locator):
            return locator_png(block)
        return chart_png(block)

    return kept_picture(_cached(block) if cache else None, _is_png, draw)


def _is_png(found: object) -> TypeGuard[tuple[bytes, int, int]]:
    return (
        isinstance(found, tuple)
        and len(found) == 3
        and isinstance(found[0], bytes)
        and found[0].startswith(b"\x89PNG\r\n\x1a\n")
        and all(isinstance(n, int) for n in found[1:])
    )


# Pictures drawn are kept in the cache folder, named by a digest of what they show and of
# how this module draws them, so one never goes stale; trusted on the corpus cache's terms
# (a regular file of the user's own in a private folder, opened without following a link,
# checked by CRC-32). A warm `report -f docx` then skips Pillow altogether. The most
# recently used render.KEPT_PICTURES are kept (render.kept_picture); --no-cache
# (picture_png's `cache`) and VRMC_NO_CACHE=1 draw every time, neither reading nor writing
# the folder.


def _cached(block: Chart | Strip | Locator) -> str | None:
    import hashlib

    from ..corpus.cache import FORMAT_TAG, private_folder

    folder = private_folder()
    if folder is None:
        return None
    try:
        info = os.stat(__file__)
        drawer = f"{info.st_size} {info.st_mtime_ns}"
        if isinstance(block, Locator):  # its layout is drawn by analysis/outlines.py
            from ..analysis import outlines

            more = os.stat(outlines.__file__)
            drawer += f" {more.st_size} {more.st_mtime_ns}"
    except OSError:
        drawer = "-"
    key = "\0".join((FORMAT_TAG, drawer, str(SCALE), repr(block))).encode()
    return os.path.join(folder, f"picture-{hashlib.sha256(key).hexdigest()[:32]}.pickle")


def caption_note(block: Chart | Strip | Locator) -> str:
    """What the picture's caption says under its title (as the HTML figure says it)."""
    if isinstance(block, Locator):
        from ..analysis.outlines import locator_note

        return locator_note(block, linked=False)
    if isinstance(block, Strip):
        return (
            "One lane per top-level theme, one mark per event (an event under two themes has "
            "a mark in each lane)."
        )
    if not block.unit:
        return ""
    from ..analysis.charts import caption

    words = caption(block)
    return words[0].upper() + words[1:] + "."
