"""The output formats a command can be asked for (--format)."""

from __future__ import annotations

from enum import Enum


class Format(str, Enum):
    rich = "rich"
    text = "text"
    markdown = "markdown"
    json = "json"
    csv = "csv"
    html = "html"
    docx = "docx"
    csljson = "csljson"
    dot = "dot"
    mermaid = "mermaid"
    graphml = "graphml"
