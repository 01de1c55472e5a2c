"""Text read from a parsed page: trafilatura's extraction, the whole page's visible text, headings.

Apart from the flow (:mod:`newsclean.ingest.html`), which decides which of these runs on which tree,
so that each way of reading text is one small function: the flow reads as a sequence of steps, and
tests can watch the trafilatura calls (:func:`trafilatura_text`) in one place.
"""

from __future__ import annotations

import re
from copy import copy

import trafilatura
from lxml.html import HtmlElement
from trafilatura.baseline import basic_cleaning
from trafilatura.settings import Extractor

__all__ = ["MAX_HEADINGS", "headings", "page_text", "trafilatura_text"]


def trafilatura_text(tree: HtmlElement, extractor: Extractor) -> str:
    # extract() copies a tree it is given before pruning it, so ``tree`` stays intact
    return trafilatura.extract(tree, options=extractor) or ""


_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
        "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
        "main", "nav", "ol", "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul",
        "title",
    }
)
_SPACES = re.compile(r"[^\S\n]+")


def page_text(tree: HtmlElement) -> str:
    """The visible text of the whole page, one block per line (the last-resort fallback)."""
    body = tree.find(".//body")
    root = copy(body if body is not None else tree)
    basic_cleaning(root)
    for elem in root.iter(*_BLOCK_TAGS):
        elem.tail = "\n" + (elem.tail or "")
        if elem.tag != "br":
            elem.text = "\n" + (elem.text or "")
    lines = (_SPACES.sub(" ", line).strip() for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


MAX_HEADINGS = 64
"""At most this many headings are recorded (the header's come first; a page of 10,000 is a list)."""
_MAX_HEADING_CHARS = 600


def headings(tree: HtmlElement) -> tuple[tuple[int, str], ...]:
    """``(level, text)`` of the page's ``h1``..``h4`` elements, in page order."""
    found: list[tuple[int, str]] = []
    for elem in tree.iter("h1", "h2", "h3", "h4"):
        text = " ".join(elem.text_content().split())
        if text and len(text) <= _MAX_HEADING_CHARS:
            found.append((int(str(elem.tag)[1]), text))
            if len(found) >= MAX_HEADINGS:
                break
    return tuple(found)
