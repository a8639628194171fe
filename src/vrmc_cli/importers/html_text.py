"""HTML cells as plain text: the words kept, every link kept as a URL, markup never kept.

TimelineJS slides and other tools' descriptions hold HTML. vrmc text is plain text, so an
import keeps the words a reader sees, turns each `<a href>` and `<img src>` into a link the
importer makes a source of, and drops what is not text at all (scripts, styles, embedded
frames), saying so.
"""

from __future__ import annotations

from html.parser import HTMLParser

from ..core.record import Record

# Content that is never text for a reader: dropped, and reported.
_SKIP = frozenset({"script", "style", "iframe", "object", "embed", "template", "noscript", "svg"})
# Tags that end a run of text: a space keeps the words on either side apart.
_BREAKS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6",
     "tr", "td", "th", "table", "section", "article", "header", "footer", "cite", "hr",
     "figure", "figcaption", "dd", "dt"}
)  # fmt: skip


class Link(Record, frozen=True):
    url: str
    text: str  # the words of the link, or of the image's alt text


class PlainText(Record):
    text: str
    links: list[Link]
    dropped: list[str]  # the kinds of content removed (e.g. "script")


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.links: list[Link] = []
        self.dropped: list[str] = []
        self._skipping = 0
        self._anchor: tuple[str, int] | None = None  # href, index into parts where it began

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skipping += 1
            if tag not in self.dropped:
                self.dropped.append(tag)
            return
        if self._skipping:
            return
        if tag in _BREAKS:
            self.parts.append(" ")
        found = dict(attrs)
        if tag == "a":
            self._anchor = ((found.get("href") or "").strip(), len(self.parts))
        elif tag == "img" and found.get("src"):
            self.links.append(Link((found.get("src") or "").strip(), (found.get("alt") or "")))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            if tag not in self.dropped:
                self.dropped.append(tag)
            return
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skipping = max(0, self._skipping - 1)
            return
        if self._skipping:
            return
        if tag == "a" and self._anchor is not None:
            href, start = self._anchor
            self._anchor = None
            if href:
                self.links.append(Link(href, " ".join("".join(self.parts[start:]).split())))
        if tag in _BREAKS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def plain_text(html: str) -> PlainText:
    """The words of `html` on one line, its links, and what was dropped."""
    if "<" not in html and "&" not in html:
        return PlainText(" ".join(html.split()), [], [])
    reader = _Reader()
    reader.feed(html)
    reader.close()
    text = " ".join("".join(reader.parts).split())
    return PlainText(text, reader.links, reader.dropped)
