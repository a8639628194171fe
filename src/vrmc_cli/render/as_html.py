"""One self-contained, printable HTML document: inline CSS, no scripts, no external assets."""

from __future__ import annotations

import html
import re
from contextvars import ContextVar
from typing import TYPE_CHECKING

from ..core.formats import DOC
from ..core.textsafe import linkable, visible
from . import Renderer

if TYPE_CHECKING:
    from ..commands import Result
    from . import Options

from ..core.doc import (
    STYLES,
    Block,
    Bullets,
    Callout,
    Chart,
    Doc,
    Fields,
    Footnotes,
    Heading,
    Inline,
    Locator,
    Node,
    Para,
    Span,
    Strip,
    Table,
    Tree,
    anchors_of,
)

DECLARED = Renderer(DOC, "a self-contained HTML page", (".html", ".htm"))


CSS = """
:root { color-scheme: light dark; --ink: #1b1f24; --paper: #ffffff; --muted: #59636e;
  --rule: #d0d7de; --accent: #0b5cad; --head: #f3f5f7; --aside: #f2f7fc; --bottom: #eef8f0;
  --mark: #fff3b0; }
@media (prefers-color-scheme: dark) {
  :root { --ink: #e6edf3; --paper: #0d1117; --muted: #9198a1; --rule: #3d444d;
    --accent: #4493f8; --head: #161b22; --aside: #121d2f; --bottom: #12261e; --mark: #5c4a00; }
}
* { box-sizing: border-box; }
body { font: 15px/1.55 Georgia, 'Times New Roman', serif; color: var(--ink);
  background: var(--paper); max-width: 52rem; margin: 2rem auto; padding: 0 1.25rem; }
h1, h2, h3, h4 { font-family: 'Helvetica Neue', Arial, sans-serif; line-height: 1.25; }
h1 { font-size: 1.8rem; border-bottom: 3px solid var(--ink); padding-bottom: .3rem; }
h2 { font-size: 1.35rem; border-bottom: 1px solid var(--rule); padding-bottom: .2rem;
  margin-top: 2rem; }
h3 { font-size: 1.1rem; margin-top: 1.4rem; }
.table { overflow-x: auto; margin: 1rem 0; }
table { border-collapse: collapse; width: 100%; font-size: .88rem;
  font-family: 'Helvetica Neue', Arial, sans-serif; }
th, td { border: 1px solid var(--rule); padding: .3rem .5rem; text-align: left;
  vertical-align: top; overflow-wrap: normal; word-break: normal; hyphens: manual; }
th { background: var(--head); }
td.num, th.num { text-align: right; }
.nw, td code, .badge, .cite { white-space: nowrap; }
aside { border-left: 4px solid var(--accent); background: var(--aside); padding: .5rem 1rem;
  margin: 1rem 0; }
aside.bottom-line { border-color: #1a7f37; background: var(--bottom); }
aside > strong:first-child { font-family: 'Helvetica Neue', Arial, sans-serif;
  text-transform: uppercase; font-size: .8rem; letter-spacing: .05em; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; margin: .4rem 0; }
dt { color: var(--muted); } dd { margin: 0; }
.muted { color: var(--muted); }
code { font-family: Menlo, Consolas, monospace; font-size: .85em; background: var(--head);
  padding: 0 .2em; }
mark { background: var(--mark); color: inherit; }
.cite { font-size: .85em; }
.badge { font-family: 'Helvetica Neue', Arial, sans-serif; font-size: .78em;
  border-radius: .6em; padding: 0 .45em; }
.confidence-high, .likelihood-high, .status-ok { background: #dafbe1; color: #116329; }
.confidence-moderate, .likelihood-even, .status-pending { background: #fff8c5; color: #7d4e00; }
.confidence-low, .likelihood-low, .status-bad { background: #ffebe9; color: #a40e26; }
ol.sources { font-size: .9rem; } a { color: var(--accent); }
ol.sources a.ext { overflow-wrap: anywhere; }
:target { scroll-margin-top: 1rem; }
@media print {
  :root { --ink: #000; --paper: #fff; --muted: #444; --rule: #999; --accent: #000;
    --head: #eee; --aside: #f4f4f4; --bottom: #f4f4f4; }
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  h2 { break-before: page; break-after: avoid; } h3, h4 { break-after: avoid; }
  h2#contents { break-before: auto; }
  .table { overflow: visible; }
  table { font-size: 8.5pt; }
  thead { display: table-header-group; }
  tr, li, aside, dl { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  a.ext:not(.url)::after { content: " <" attr(href) ">"; font-size: .85em;
    overflow-wrap: anywhere; }
}
"""

# The styles shown as coloured badges (the CSS above has a rule for each).
_BADGES = frozenset(s for s in STYLES if s.startswith(("confidence-", "likelihood-", "status-")))


def escape(text: str) -> str:
    return html.escape(visible(text), quote=True)


# The anchors the document being written defines: only links to these are made, so every
# in-page link resolves. Set by render_doc.
_KNOWN: ContextVar[frozenset[str]] = ContextVar("html_anchors", default=frozenset())
# Whether drawn maps may be kept and reused (Options.cache: off with --no-cache).
_CACHE: ContextVar[bool] = ContextVar("html_cache", default=True)

# Text that must never break across lines: dates ("14 May 2001", "Jul 2006 – 2008"),
# quantities ("24 / 24"), money ("US$1.5 bn"), a country pair's arrow.
_UNBREAKABLE = re.compile(
    r"^(c\. )?[0-9][0-9 ,./–-]*[0-9]$|^(?:(?:c\. )?(?:\d{1,2} )?[A-Z][a-z]{2} \d{4}|\d{4})"
    r"(?: – (?:(?:\d{1,2} )?[A-Z][a-z]{2} )?\d{4})?$|^US\$[0-9.,]+(?: (?:bn|m))?$"
)


def link(anchor: str, inner: str) -> str:
    return f'<a href="#{escape(anchor)}">{inner}</a>' if anchor in _KNOWN.get() else inner


def span(s: Span) -> str:
    text = escape(s.text)
    if s.url is not None and linkable(s.url):
        kind = "ext url" if s.url == s.text else "ext"
        return f'<a class="{kind}" href="{escape(s.url)}">{text}</a>'
    if s.anchor is not None and s.style != "cite":
        return link(s.anchor, span(Span(s.text, s.style)))
    if not s.style and len(s.text) <= 40 and _UNBREAKABLE.match(s.text.strip()):
        return f'<span class="nw">{text}</span>'
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
        if not s.cites:
            return f'<span class="cite">{text}</span>'
        numbers = ", ".join(link(f"source-{key}", str(n)) for n, key in s.cites)
        return f'<span class="cite">[{numbers}]</span>'
    if s.style in _BADGES:
        core = escape(s.text.strip().strip("()"))
        return f'<span class="badge {s.style}">{core}</span>'
    return text


def inline(spans: Inline) -> str:
    return "".join(span(s) for s in spans)


# In a table cell, a word with a hyphen, slash or dash inside ("small-arms", "24/7") would
# otherwise break there: each such word is kept whole.
_WORD = re.compile(r"\S+")
_JOINERS = re.compile(r"[-/–]")


def _joined(word: str) -> bool:
    return _JOINERS.search(word, 1, len(word) - 1) is not None


def cell(spans: Inline) -> str:
    out = []
    for s in spans:
        plain_text = not (s.style or s.url is not None or s.anchor is not None)
        if not plain_text or not any(_joined(w.group()) for w in _WORD.finditer(s.text)):
            out.append(span(s))
            continue
        text, at = s.text, 0
        for m in (w for w in _WORD.finditer(text) if _joined(w.group())):
            out.append(escape(text[at : m.start()]))
            out.append(f'<span class="nw">{escape(m.group())}</span>')
            at = m.end()
        out.append(escape(text[at:]))
    return "".join(out)


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
            anchor = f' id="{escape(item.anchor)}"' if item.anchor else ""
            items.append(f"<li{anchor}>{inline(item.spans)}{children}</li>")
        return f"<{tag}>" + "".join(items) + f"</{tag}>"
    if isinstance(b, Table):
        numeric = b.numeric or (False,) * len(b.columns)
        head = "".join(
            f"<th{' class=num' if n else ''}>{escape(c)}</th>"
            for c, n in zip(b.columns, numeric, strict=True)
        )
        anchors = b.anchors or (None,) * len(b.rows)
        rows = "".join(
            (f'<tr id="{escape(a)}">' if a else "<tr>")
            + "".join(
                f"<td{' class=num' if n else ''}>{cell(c)}</td>"
                for c, n in zip(row, numeric, strict=True)
            )
            + "</tr>"
            for row, a in zip(b.rows, anchors, strict=True)
        )
        return (
            f'<div class="table"><table><thead><tr>{head}</tr></thead>'
            f"<tbody>{rows}</tbody></table></div>"
        )
    if isinstance(b, Fields):
        pairs = "".join(f"<dt>{escape(k)}</dt><dd>{inline(v)}</dd>" for k, v in b.pairs)
        return f"<dl>{pairs}</dl>"
    if isinstance(b, Callout):
        body = "".join(block(c) for c in b.blocks)
        return f'<aside class="{b.tone}"><strong>{escape(b.title)}</strong>{body}</aside>'
    if isinstance(b, Footnotes):
        anchors = b.anchors or ("",) * len(b.notes)
        notes = "".join(
            (f'<li id="{escape(a)}" value="{n}">' if a else f'<li value="{n}">')
            + f"{inline(spans)}</li>"
            for (n, spans), a in zip(b.notes, anchors, strict=True)
        )
        heading = block(Heading(b.level, b.title)) if b.title else ""
        return f'{heading}<ol class="sources">{notes}</ol>'
    if isinstance(b, Chart | Strip):
        from . import svg

        return svg.chart(b) if isinstance(b, Chart) else svg.strip(b, _KNOWN.get())
    if isinstance(b, Locator):
        from . import svg

        return svg.locator(b, _KNOWN.get(), _CACHE.get())
    if isinstance(b, Tree):
        return f'<ul class="tree"><li>{inline(b.root)}{tree_nodes(b.children)}</li></ul>'
    raise TypeError(f"unknown block {type(b).__name__}")


def tree_nodes(nodes: tuple[Node, ...]) -> str:
    if not nodes:
        return ""
    items = "".join(f"<li>{inline(n.spans)}{tree_nodes(n.children)}</li>" for n in nodes)
    return f"<ul>{items}</ul>"


def render_doc(doc: Doc) -> str:
    known = _KNOWN.set(frozenset(anchors_of(doc.blocks)))
    try:
        body = "\n".join(block(b) for b in doc.blocks)
    finally:
        _KNOWN.reset(known)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="vrmc">\n'
        f"<title>{escape(doc.title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f"{body}\n</body>\n</html>\n"
    )


def render(result: Result, options: Options) -> str:
    cache = _CACHE.set(options.cache)
    try:
        return render_doc(result.doc())
    finally:
        _CACHE.reset(cache)
