"""Parse, repair and prune: an HTML page into the lxml tree trafilatura's ``load_html`` would make.

:func:`parse` parses a page once, with trafilatura's repair and parser settings (lxml's HTML parser:
no DTD loading, no entity expansion, no network) but cheaper; :func:`strip_inert` and
:func:`strip_empty` remove, before extraction, what trafilatura would delete anyway; :func:`reparse`
and :func:`fresh_tree` parse again for a second extraction. Apart from the flow
(:mod:`newsclean.ingest.html`) because a tree is all some callers need (the page-type model's
training script), and the parser's settings and each pruning step's reason for changing no output
belong side by side.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from lxml import etree
from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HtmlProcessingInstruction
from lxml.html import fromstring as html_fromstring
from trafilatura.utils import load_html

from newsclean.ingest.decode import looks_like_html

_repair_faulty_html: Callable[[str, str], str] | None
try:  # a step of load_html, not documented API: without it, load_html itself parses
    from trafilatura.utils import repair_faulty_html as _repair_faulty_html
except ImportError:  # pragma: no cover - every trafilatura 2.x has it
    _repair_faulty_html = None

__all__ = ["fresh_tree", "parse", "reparse", "strip_empty", "strip_inert"]

LOGGER = logging.getLogger(__name__)


def parse(text: str) -> HtmlElement | None:
    """Parse once, as trafilatura's loader would; a bare fragment is wrapped in a document first."""
    tree = _load_html(text)
    if tree is None and looks_like_html(text):
        # load_html rejects a fragment without "html" near the start; the wrapper fixes that. No
        # closing tags: after an unclosed <title> or <textarea> they were read as the page's text.
        tree = _load_html(f"<html><body>{text}")
    return tree


_PARSER = etree.HTMLParser(
    collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True,
    remove_pis=True,
)
"""trafilatura's ``HTML_PARSER`` settings, with a class lookup done in C.

``lxml.html.HTMLParser`` picks each element's Python class (``FormElement``, ``InputElement``...)
in a Python method that runs every time trafilatura, htmldate or the rules touch an element not
seen before: about 1,800 calls a page, 1.2 ms of the 26. Nothing downstream uses those
form-specific classes, so every element is a plain ``HtmlElement`` here (comments, processing
instructions and entities keep their lxml.html classes), and the trees are the same."""
_PARSER.set_element_class_lookup(
    etree.ElementDefaultClassLookup(
        element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity
    )
)

_INVALID_XML_BYTES = (
    *(bytes([c]) for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)),
    "\ufffe".encode(),
    "\uffff".encode(),
)
"""The UTF-8 forms of what trafilatura's ``INVALID_XML_CHARS`` removes before parsing."""


def _needs_repair(text: str, data: bytes, beginning: str) -> bool:
    """True unless ``repair_faulty_html`` would surely return ``text`` unchanged.

    Its regex scan for invalid characters takes 1 ms on a 170 KB page; looking for their UTF-8
    bytes with ``in`` (memchr) takes a third of that. The doctype and ``<html/>`` tests are
    loose versions of its own (a false alarm only costs the full repair).
    """
    if any(bad in data for bad in _INVALID_XML_BYTES):
        return True
    if "doctype" in beginning and "/" in text[: text.find(">") + 1]:
        return True
    return any("<html" in line and line.endswith("/>") for line in text[:4096].splitlines()[:4])


def _load_html(text: str) -> HtmlElement | None:
    """trafilatura's ``load_html`` for a ``str``, same tree, cheaper.

    The same repair, parser settings and rejection of non-HTML, but the repair is skipped when
    it has nothing to do, the parser gets UTF-8 bytes (lxml parses them faster than a ``str``;
    ``load_html`` falls back to them itself), and element classes are looked up in C
    (:data:`_PARSER`). A ``str`` with lone surrogates, which UTF-8 cannot encode, goes to
    ``load_html`` itself.
    """
    if _repair_faulty_html is None:
        return load_html(text)
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        return load_html(text)
    beginning = text[:50].lower()
    if _needs_repair(text, data, beginning):
        data = _repair_faulty_html(text, beginning).encode("utf-8")
    try:
        tree = html_fromstring(data, parser=_PARSER)
    except Exception:  # lxml: "Document is empty" and the like
        LOGGER.debug("lxml parsing failed", exc_info=True)
        return None
    if "html" not in beginning and len(tree) < 2:  # load_html's test for "not HTML at all"
        return None
    return tree


_INERT_TAGS = ("style", "svg", "link", "embed", "canvas", "aside", "footer")
"""Elements trafilatura deletes with their content before it looks for the article (its
``MANUALLY_CLEANED`` list), and that its whole-page measures (``baseline``, ``html2txt``) skip too.
Removing them first makes its XPath pruning and tree copies cheaper (about a sixth of its time) and
leaves its output unchanged: on the 117 aeb-dev pages the text is identical with and without this
step. ``nav``, ``head``, ``noscript`` and ``iframe`` are not in the list: the page measure that
decides trafilatura's recall retry counts their text."""


def strip_inert(tree: HtmlElement) -> None:
    """Remove scripts and other never-visible elements, keeping the text after them.

    A ``<script type="application/ld+json">`` stays: trafilatura's last-resort extraction reads an
    ``articleBody`` from it. Run after the metadata, which reads the JSON-LD and the ``<head>``.
    """
    kept = [s for s in tree.iter("script")
            if (s.get("type") or "").strip().lower() == "application/ld+json"]
    for script in kept:  # hidden from strip_elements under another name, then restored
        script.tag = "newsclean-ld-json"
    etree.strip_elements(tree, "script", *_INERT_TAGS, with_tail=False)  # C: keeps the tail text
    for script in kept:
        script.tag = "script"


_EMPTY_TAGS = ("img", "meta")
"""Void elements trafilatura strips before it looks for the article (``MANUALLY_STRIPPED``), a
tenth of a page's elements. Every pass of its fast mode pays for them in tree copies and in the
Python regex callbacks of its XPath pruning (``html2txt``'s ``BASIC_CLEAN_XPATH`` tests each
element's class and id); removing them first takes about 1 ms off its 17 a page."""
_DROP = "newsclean-drop"


def strip_empty(tree: HtmlElement) -> None:
    """Remove the ``<img>`` and ``<meta>`` elements followed by nothing but whitespace.

    Only for trafilatura's fast mode, whose output cannot tell: it strips them itself before it
    reads the text (the tail text joins the text before, as here), and its page measures read
    text only (``text_content``). Its last-resort page dump joins text runs with newlines, so an
    element with text after it stays (merging runs would join two lines). The comparison with
    readability (``fast=False``) counts images: it gets a tree with them (see :func:`reparse`).
    Run after the metadata, which reads the ``<meta>`` tags.
    """
    for elem in tree.iter(*_EMPTY_TAGS):
        if not elem.tail or elem.tail.isspace():
            elem.tag = _DROP
    etree.strip_elements(tree, _DROP, with_tail=False)


def reparse(text: str, tree: HtmlElement) -> HtmlElement:
    """A fresh tree of ``text`` without the inert elements, or ``tree`` if that fails.

    For the rare second extraction after :func:`strip_empty` changed ``tree`` for the first."""
    fresh = parse(text)
    if fresh is None:
        return tree
    strip_inert(fresh)
    return fresh


def fresh_tree(text: str, tree: HtmlElement, *, fast: bool) -> HtmlElement:
    """The tree the extraction was given, parsed again from ``text`` (``tree`` if that fails)."""
    fresh = reparse(text, tree)
    if fast and fresh is not tree:
        strip_empty(fresh)
    return fresh
