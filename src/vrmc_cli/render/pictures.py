"""Charts, strips and trees in plain characters: the text view draws them, the Markdown view
fences the same lines, the terminal view styles them."""

from __future__ import annotations

import textwrap

from ..core.doc import Chart, Inline, Node, Strip, Tree, text_of
from ..core.textsafe import visible

# Tree guides: a child, the last child, the line down past a child.
ASCII = ("|-- ", "`-- ", "|   ")
UNICODE = ("├── ", "└── ", "│   ")


def inline(spans: Inline) -> str:
    return visible(text_of(spans), one_line=True)


def wrap(text: str, indent: str, first: str | None, width: int) -> list[str]:
    head = indent if first is None else first
    return textwrap.wrap(
        text,
        max(width, len(head) + 10),
        initial_indent=head,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [head.rstrip()]


def picture_lines(
    block: Chart | Strip | Tree, width: int, indent: str = "", guides: tuple[str, ...] = ASCII
) -> list[str]:
    """A chart, strip or tree in plain characters (Markdown fences the same lines)."""
    from ..analysis.charts import TEXT_FILLS, bar_lines, caption, legend, strip_lines

    if isinstance(block, Tree):
        return [indent + line for line in tree_lines(block, width, guides)]
    title = visible(block.title, one_line=True)
    out = [indent + title, indent + "~" * min(len(title), width)]
    if isinstance(block, Strip):
        lanes = [(visible(name, one_line=True), marks) for name, marks in block.lanes]
        safe = Strip(block.title, block.first_year, block.last_year, tuple(lanes))
        return out + [indent + line for line in strip_lines(safe, width)]
    safe_chart = Chart(
        block.title,
        tuple(visible(s, one_line=True) for s in block.series),
        block.bars,
        block.unit,
        block.rule,
    )
    if len(safe_chart.series) > 1:
        out.extend(
            indent + "".join(p for p, _ in line) for line in legend(safe_chart, TEXT_FILLS, width)
        )
    out.extend(
        (indent + "".join(p for p, _ in line)).rstrip()
        for line in bar_lines(safe_chart, width, TEXT_FILLS)
    )
    if block.unit:
        out.extend(wrap(f"({caption(block)})", indent, None, width))
    return out


def tree_lines(tree: Tree, width: int, guides: tuple[str, ...] = ASCII) -> list[str]:
    """The root, then each node under a guide: `|-- ` before all but the last child,
    `` `-- `` before the last; long lines wrap under their own text."""
    out = wrap(inline(tree.root), "", None, width)

    def walk(nodes: tuple[Node, ...], prefix: str) -> None:
        for n, node in enumerate(nodes):
            last = n == len(nodes) - 1
            first = prefix + (guides[1] if last else guides[0])
            rest = prefix + ("    " if last else guides[2])
            below = rest + (guides[2] if node.children else "    ")
            out.extend(wrap(inline(node.spans), below, first, width))
            walk(node.children, rest)

    walk(tree.children, "")
    return out
