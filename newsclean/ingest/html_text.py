"""Text read from a parsed page: trafilatura's extraction, the whole page's visible text, headings.

Apart from the flow (:mod:`newsclean.ingest.html`), which decides which of these runs on which tree,
so that each way of reading text is one small function: the flow reads as a sequence of steps, and
tests can watch the trafilatura calls (:func:`trafilatura_text`) in one place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from copy import copy
from functools import lru_cache

import trafilatura
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.baseline import basic_cleaning
from trafilatura.settings import Extractor

try:  # trafilatura 2.3's pattern (pinned in pyproject.toml); without it, its own basic_cleaning
    from trafilatura.settings import _COOKIE_CONSENT_RE as _COOKIE_PATTERN
except ImportError:  # pragma: no cover - another trafilatura
    _COOKIE_PATTERN = ""

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


@lru_cache(maxsize=8)
def _marks(tokens: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(t) for t in tokens))


_NAMED = etree.XPath(".//*[@class or @id]")


_CLEANED_TAGS = ("aside", "fencedframe", "footer", "script", "style", "svg", "template")
_COOKIE = re.compile(_COOKIE_PATTERN, re.IGNORECASE) if _COOKIE_PATTERN else None


def _basic_cleaning(root: HtmlElement, marks: re.Pattern[str] | None = None) -> None:
    """trafilatura's ``basic_cleaning`` (``BASIC_CLEAN_XPATH``: asides, footers, scripts, cookie
    banners; the text after each removed element stays), four times faster: its XPath tests an
    EXSLT regex on every element, most of a page text's time; here the tags go in one lxml call
    and the regex runs on the elements that have a ``class`` or an ``id``. Same text
    (``tests/test_ingest_html.py`` compares the two). ``marks``: also the elements whose ``class``
    or ``id`` it finds, in the same pass."""
    if _COOKIE is None:
        basic_cleaning(root)
        if marks is None:
            return
    else:
        etree.strip_elements(root, *_CLEANED_TAGS, with_tail=False)
    for elem in _NAMED(root):
        if elem.getparent() is None:
            continue
        named = [v for k, v in elem.attrib.items() if k in ("class", "id")]
        # XPath's contains(@class|@id, 'footer') reads the first of the two in the tag
        if ((_COOKIE is not None and ((elem.tag == "div" and named and "footer" in named[0])
                                      or any(_COOKIE.search(v) for v in named)))
                or (marks is not None and marks.search(" ".join(named)))):
            elem.drop_tree()  # the element's text goes, the text after it stays


def page_text(tree: HtmlElement, without: Iterable[str] = (),
              without_marked: tuple[str, ...] = ()) -> str:
    """The visible text of the whole page, one block per line (the last-resort fallback), without
    the text of the elements named in ``without`` (tag names) or whose ``class`` or ``id`` holds
    one of ``without_marked`` (lower-case substrings)."""
    body = tree.find(".//body")
    root = copy(body if body is not None else tree)
    if without:  # first: an element inside a removed one is never looked at
        etree.strip_elements(root, *without, with_tail=False)
    if without_marked:
        _basic_cleaning(root, _marks(without_marked))
    else:
        _basic_cleaning(root)
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
