"""``trafilatura.extract`` in fast mode, with the same output and less work.

Used only when a caller asks for ``HtmlOptions(fast=True)`` (the default has been trafilatura's full
extraction since it was measured on wcxb-dev as well as aeb-dev; see
:class:`newsclean.ingest.html.HtmlOptions`).
:func:`extract` runs the steps of trafilatura's ``extract`` -> ``bare_extraction`` ->
``trafilatura_sequence`` -> ``determine_returnstring`` in the same order, for those settings
(plain text, fast mode, no comments, no language filter, no deduplication, no metadata), and
leaves out three things that cannot change the result there:

* the copy of the input tree: the caller hands over a tree it no longer needs
  (:func:`applies` says when; otherwise use ``trafilatura.extract``);
* the backup copy of the cleaned tree, which only the readability/jusText comparison reads
  (``fast=False``);
* the page measure ``html2txt(tree)`` of the recall escalation when it cannot decide anything:
  escalation needs the extraction to be shorter than a fifth of that measure, and
  :func:`_page_text_bound` gives an upper bound of its length for a tenth of the price (on aeb-dev,
  47 of the 53 measures, 2 ms a page on average).

These are trafilatura internals (their signatures changed between 2.0 and 2.3); every name is
imported under a guard and the steps are only used with the trafilatura versions in
:data:`KNOWN_VERSIONS`, whose ``trafilatura_sequence`` this module follows. Anything else leaves
:data:`AVAILABLE` false, and newsclean calls ``trafilatura.extract``. ``pyproject.toml`` allows only
the minor release these versions belong to (``>=2.3.1,<2.4``), and ``tests/test_trafilatura_pin.py``
fails, saying what to do, when the installed trafilatura is not one this module follows (and checks
that ``trafilatura.extract`` then gives the same articles).
"""

from __future__ import annotations

import logging
import re
from copy import copy
from typing import Any

import trafilatura
from lxml.etree import Element
from lxml.html import HtmlElement
from trafilatura.settings import Extractor

__all__ = ["AVAILABLE", "KNOWN_VERSIONS", "applies", "extract"]

LOGGER = logging.getLogger(__name__)

KNOWN_VERSIONS = frozenset({"2.3.1"})
"""trafilatura versions whose extraction sequence :func:`extract` reproduces step by step."""

_steps: dict[str, Any] = {}
try:
    from trafilatura.baseline import _BLOCK_ELEMS, baseline, html2txt
    from trafilatura.core import (
        ESCALATION_ACCEPT_RATIO,
        ESCALATION_MAX_LENGTH,
        ESCALATION_PAGE_SHARE,
        _forum_thread_page,
        _recall_retry,
        determine_returnstring,
    )
    from trafilatura.htmlprocessing import convert_tags, prune_unwanted_nodes, tree_cleaning
    from trafilatura.main_extractor import extract_content
    from trafilatura.settings import Document
    from trafilatura.xml import delete_element
    from trafilatura.xpaths import (
        RAW_TREE_PRUNE_XPATH,
        REMOVE_COMMENTS_AND_LISTS_XPATH,
        REMOVE_COMMENTS_XPATH,
    )
except ImportError:  # pragma: no cover - another trafilatura layout: use trafilatura.extract
    AVAILABLE = False
else:
    AVAILABLE = getattr(trafilatura, "__version__", None) in KNOWN_VERSIONS


def applies(options: Extractor) -> bool:
    """True if :func:`extract` gives ``trafilatura.extract``'s result for these options."""
    return (
        AVAILABLE
        and options.fast
        and not options.comments
        and options.format == "txt"
        and not options.with_metadata
        and not options.lang
        and not options.dedup
        and not options.max_tree_size
    )


def extract(tree: HtmlElement, options: Extractor) -> str | None:
    """``trafilatura.extract(tree, options=options)``, pruning ``tree`` in place instead of a copy.

    Only for options where :func:`applies` is true. ``tree`` is not usable afterwards.
    """
    try:  # bare_extraction's error handling: these mean "no extraction"
        postbody, text = _sequence(tree, options, options.url)
        if len(text) < options.min_output_size and options.min_output_comm_size > 0:
            return None
    except (TypeError, ValueError):
        LOGGER.debug("trafilatura discarded the page: %s", options.source)
        return None
    document = Document()
    document.raw_text, document.commentsbody, document.body = text, Element("body"), postbody
    return determine_returnstring(document, options)


def _sequence(tree: HtmlElement, options: Extractor, url: str | None) -> tuple[Any, str]:
    """``trafilatura_sequence`` with comments off and fast mode on: the body and its text."""
    is_forum = _forum_thread_page(tree)
    _prune_raw_tree(tree, comments=options.focus == "precision" or not is_forum)
    # trafilatura also keeps a copy of the cleaned tree here, for the comparison fast mode skips
    cleaned = convert_tags(tree_cleaning(copy(tree), options), options, url)
    if options.focus == "precision" and not is_forum:
        cleaned = prune_unwanted_nodes(cleaned, REMOVE_COMMENTS_XPATH)
    postbody, text = extract_content(cleaned, options)

    if len(text) < options.min_extracted_size and options.focus != "precision":
        b_body, b_text, b_len = baseline(tree)
        if b_len > len(text):
            postbody, text = b_body, b_text

    if (
        options.focus == "balanced"
        and 0 < len(text) < ESCALATION_MAX_LENGTH
        and len(text) < ESCALATION_PAGE_SHARE * _page_text_bound(tree)
        and len(text) < ESCALATION_PAGE_SHARE * len(html2txt(tree))
    ):
        r_options = copy(options)
        r_options.focus = "recall"
        r_text = ""
        try:
            r_body, r_text = _recall_retry(tree, r_options, url)
        except Exception as err:  # pragma: no cover - as trafilatura does
            LOGGER.debug("recall retry failed: %s %s", err, url)
        # (the jusText candidate of the escalation is only tried without fast mode)
        if (len(r_text) >= options.min_extracted_size
                and len(r_text) > ESCALATION_ACCEPT_RATIO * len(text)):
            postbody, text = r_body, r_text
    return postbody, text


# trafilatura's raw-tree pruning, as XPath text (whitespace collapsed) and as the same tests in Python
_RAW_XPATHS = (
    ".//*[self::div or self::section or self::aside][ "
    "re:test(@id, 'mvp-post-add-(?:box|wrap)|infinite-?scroll') or "
    "re:test(@class, 'mvp-post-add-(?:box|wrap)|infinite-?scroll')][ "
    "not(.//h1) or re:test(@id, 'mvp-post-add-(?:box|wrap)') or "
    "re:test(@class, 'mvp-post-add-(?:box|wrap)')]",
    ".//*[self::div or self::section or self::aside][contains(@class, 'elementor-share-buttons')]",
)
_COMMENTS_XPATHS = (
    ".//*[self::div or self::list or self::section or self::details or self::ol or self::ul][ "
    "re:test(@id, '^(?:[Cc]omment(?!ary)|comol|disqus_thread|dsq-comments)') or "
    "re:test(@class, '^[Cc]omment(?!ary)|(?:article|post)-comments')][ "
    "not(self::ol or self::ul) or re:test(@id, '^(?:[Cc]omment(?!ary)|comol)') or "
    "re:test(@class, '^[Cc]omment(?!ary)|(?:article|post)-comments')]",
)
_SCROLL = re.compile("mvp-post-add-(?:box|wrap)|infinite-?scroll")
_MVP = re.compile("mvp-post-add-(?:box|wrap)")
_COMMENT_ID = re.compile("^(?:[Cc]omment(?!ary)|comol|disqus_thread|dsq-comments)")
_COMMENT_LIST_ID = re.compile("^(?:[Cc]omment(?!ary)|comol)")
_COMMENT_CLASS = re.compile("^[Cc]omment(?!ary)|(?:article|post)-comments")
_RAW_TAGS = frozenset({"div", "section", "aside"})
_COMMENT_TAGS = frozenset({"div", "list", "section", "details", "ol", "ul"})


def _paths(xpaths: Any) -> tuple[str, ...]:
    return tuple(" ".join(x.path.split()) for x in xpaths)


_PYTHON_PRUNING = AVAILABLE and (
    _paths(RAW_TREE_PRUNE_XPATH) == _RAW_XPATHS
    and _paths(REMOVE_COMMENTS_AND_LISTS_XPATH) == _COMMENTS_XPATHS
)
"""True when trafilatura's raw-tree XPath expressions are the ones :func:`_prune_raw_tree` tests."""


def _prune_raw_tree(tree: HtmlElement, *, comments: bool) -> None:
    """``prune_unwanted_nodes`` with ``RAW_TREE_PRUNE_XPATH``, then (if ``comments``) with
    ``REMOVE_COMMENTS_AND_LISTS_XPATH``: the same elements deleted in the same order.

    lxml evaluates these expressions with a Python callback per ``re:test``; one walk over the
    candidate elements with the same regular expressions costs a quarter (2.7 -> 0.7 ms a page).
    A missing attribute reads as ``""``, as in lxml's ``re:test``. The matches of the later
    expressions are collected before the earlier ones are deleted: a match inside a deleted
    subtree is then deleted from that detached subtree, which changes nothing in ``tree``.
    """
    if not _PYTHON_PRUNING:
        prune_unwanted_nodes(tree, RAW_TREE_PRUNE_XPATH)
        if comments:
            prune_unwanted_nodes(tree, REMOVE_COMMENTS_AND_LISTS_XPATH)
        return
    scroll, share, comment = [], [], []
    tags = _COMMENT_TAGS | _RAW_TAGS if comments else _RAW_TAGS
    for elem in tree.iterdescendants(*tags):
        ident, cls = elem.get("id") or "", elem.get("class") or ""
        if not (ident or cls):
            continue
        tag = elem.tag
        if tag in _RAW_TAGS:
            if (
                (_SCROLL.search(ident) or _SCROLL.search(cls))
                and (elem.find(".//h1") is None or _MVP.search(ident) or _MVP.search(cls))
            ):
                scroll.append(elem)
            if "elementor-share-buttons" in cls:
                share.append(elem)
        if (
            comments
            and tag in _COMMENT_TAGS
            and (_COMMENT_ID.search(ident) or _COMMENT_CLASS.search(cls))
            and (tag not in ("ol", "ul") or _COMMENT_LIST_ID.search(ident)
                 or _COMMENT_CLASS.search(cls))
        ):
            comment.append(elem)
    for elem in (*scroll, *share, *comment):
        delete_element(elem)


def _page_text_bound(tree: HtmlElement) -> int:
    """An upper bound of ``len(html2txt(tree))``, without its copy and XPath cleaning.

    ``html2txt`` deletes elements from the ``<body>``, puts a space before and after the text of
    each block element (deleting control characters), and collapses whitespace. With whitespace
    collapsed, deleting characters never lengthens a text, and inserting one space lengthens it by
    at most one; so the collapsed text of the whole body plus two per block element bounds it.
    """
    body = tree.find(".//body")
    if body is None:
        body = tree
    blocks = sum(1 for _ in body.iter(*_BLOCK_ELEMS))
    return len(" ".join(body.text_content().split())) + 2 * blocks
