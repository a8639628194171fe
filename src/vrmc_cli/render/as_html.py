"""One self-contained, printable HTML document: inline CSS, no scripts, no external assets."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, get_args

from ..textsafe import linkable, visible

if TYPE_CHECKING:
    from ..commands import Result
    from . import Options

from ..doc import (
    Block,
    Bullets,
    Callout,
    Doc,
    Fields,
    Footnotes,
    Heading,
    Inline,
    Para,
    Span,
    Style,
    Table,
)

CSS = """
:root { --ink: #1b1f24; --muted: #59636e; --rule: #d0d7de; --accent: #0b5cad; }
* { box-sizing: border-box; }
body { font: 15px/1.55 Georgia, 'Times New Roman', serif; color: var(--ink);
  max-width: 52rem; margin: 2rem auto; padding: 0 1.25rem; }
h1, h2, h3, h4 { font-family: 'Helvetica Neue', Arial, sans-serif; line-height: 1.25; }
h1 { font-size: 1.8rem; border-bottom: 3px solid var(--ink); padding-bottom: .3rem; }
h2 { font-size: 1.35rem; border-bottom: 1px solid var(--rule); padding-bottom: .2rem;
  margin-top: 2rem; }
h3 { font-size: 1.1rem; margin-top: 1.4rem; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; font-size: .88rem;
  font-family: 'Helvetica Neue', Arial, sans-serif; }
th, td { border: 1px solid var(--rule); padding: .3rem .5rem; text-align: left;
  vertical-align: top; overflow-wrap: anywhere; }
th { background: #f3f5f7; }
td.num, th.num { text-align: right; }
aside { border-left: 4px solid var(--accent); background: #f2f7fc; padding: .5rem 1rem;
  margin: 1rem 0; }
aside.bottom-line { border-color: #1a7f37; background: #eef8f0; }
aside > strong:first-child { font-family: 'Helvetica Neue', Arial, sans-serif;
  text-transform: uppercase; font-size: .8rem; letter-spacing: .05em; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; margin: .4rem 0; }
dt { color: var(--muted); } dd { margin: 0; }
.muted { color: var(--muted); }
code { font-family: Menlo, Consolas, monospace; font-size: .85em; background: #f3f5f7;
  padding: 0 .2em; }
mark { background: #fff3b0; }
.cite { font-size: .75em; vertical-align: super; line-height: 0; }
.badge { font-family: 'Helvetica Neue', Arial, sans-serif; font-size: .78em;
  border-radius: .6em; padding: 0 .45em; white-space: nowrap; }
.confidence-high, .likelihood-high, .status-ok { background: #dafbe1; color: #116329; }
.confidence-moderate, .likelihood-even, .status-pending { background: #fff8c5; color: #7d4e00; }
.confidence-low, .likelihood-low, .status-bad { background: #ffebe9; color: #a40e26; }
ol.sources { font-size: .9rem; } a { color: var(--accent); overflow-wrap: anywhere; }
@media print { body { margin: 0; max-width: none; font-size: 11pt; }
  h2 { break-after: avoid; } tr, li { break-inside: avoid; } a { color: inherit; } }
"""

# The styles shown as coloured badges (the CSS above has a rule for each).
_BADGES = frozenset(
    s for s in get_args(Style) if s.startswith(("confidence-", "likelihood-", "status-"))
)


def escape(text: str) -> str:
    return html.escape(visible(text), quote=True)


def span(s: Span) -> str:
    text = escape(s.text)
    if s.url is not None and linkable(s.url):
        return f'<a href="{escape(s.url)}">{text}</a>'
    if s.style == "strong":
        return f"<strong>{text}</strong>"
    if s.style == "em":
        return f"<em>{text}</em>"
    if s.style == "muted":
        return f'<span class="muted">{text}</span>'
    if s.style == "mark":
        return f"<mark>{text}</mark>"
    if s.style == "code":
        return f"<code>{text}</code>"
    if s.style == "cite":
        number = escape(s.text.strip("[]"))
        return f'<a class="cite" href="#source-{number}">[{number}]</a>'
    if s.style in _BADGES:
        core = escape(s.text.strip().strip("()"))
        return f'<span class="badge {s.style}">{core}</span>'
    return text


def inline(spans: Inline) -> str:
    return "".join(span(s) for s in spans)


def block(b: Block) -> str:
    if isinstance(b, Heading):
        level = min(b.level, 6)
        anchor = f' id="{escape(b.anchor)}"' if b.anchor else ""
        return f"<h{level}{anchor}>{escape(b.text)}</h{level}>"
    if isinstance(b, Para):
        return f"<p>{inline(b.spans)}</p>"
    if isinstance(b, Bullets):
        tag = "ol" if b.ordered else "ul"
        items = []
        for item in b.items:
            children = "".join(block(c) for c in item.children)
            items.append(f"<li>{inline(item.spans)}{children}</li>")
        return f"<{tag}>" + "".join(items) + f"</{tag}>"
    if isinstance(b, Table):
        numeric = b.numeric or (False,) * len(b.columns)
        head = "".join(
            f"<th{' class=num' if n else ''}>{escape(c)}</th>"
            for c, n in zip(b.columns, numeric, strict=True)
        )
        rows = "".join(
            "<tr>"
            + "".join(
                f"<td{' class=num' if n else ''}>{inline(c)}</td>"
                for c, n in zip(row, numeric, strict=True)
            )
            + "</tr>"
            for row in b.rows
        )
        return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    if isinstance(b, Fields):
        pairs = "".join(f"<dt>{escape(k)}</dt><dd>{inline(v)}</dd>" for k, v in b.pairs)
        return f"<dl>{pairs}</dl>"
    if isinstance(b, Callout):
        body = "".join(block(c) for c in b.blocks)
        return f'<aside class="{b.tone}"><strong>{escape(b.title)}</strong>{body}</aside>'
    if isinstance(b, Footnotes):
        notes = "".join(
            f'<li id="source-{n}" value="{n}">{inline(spans)}</li>' for n, spans in b.notes
        )
        heading = block(Heading(b.level, b.title))
        return f'{heading}<ol class="sources">{notes}</ol>'
    raise TypeError(f"unknown block {type(b).__name__}")


def render_doc(doc: Doc) -> str:
    body = "\n".join(block(b) for b in doc.blocks)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="vrmc">\n'
        f"<title>{escape(doc.title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f"{body}\n</body>\n</html>\n"
    )


def render(result: Result, options: Options) -> str:
    return render_doc(result.doc())
