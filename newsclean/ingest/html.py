"""HTML to article text plus metadata, with trafilatura, parsing the page once.

:func:`extract_html` decodes bytes with :func:`newsclean.ingest.decode.decode`, parses the page once
the way trafilatura's ``load_html`` does (lxml's HTML parser: no DTD loading, no entity expansion,
no network; see :mod:`newsclean.ingest.html_tree`), reads the metadata from that tree, then hands
the same tree to ``trafilatura.extract`` (which works on its own copy, so the caller's tree, and the
metadata read from it, never see the in-place pruning the extractor does).

The text is trafilatura's plain-text output: one block (paragraph, heading, list item, table row,
quote) per line, lines separated by a single ``"\\n"``.

Fallbacks, recorded in :attr:`HtmlExtract.fallback`:

``"full"``
    (with ``HtmlOptions(fast=True)`` only) fast mode gave less than
    :attr:`HtmlOptions.min_fast_chars` characters and trafilatura's full extraction of the page (no
    fast mode, as ``trafilatura.extract`` by default) gave twice as much and 200 characters more at
    least (so not the same text plus its headline).
``"recall"``
    the extraction came back empty or shorter than :attr:`HtmlOptions.min_text_chars`, and a
    second ``trafilatura.extract`` on the same tree with ``favor_recall=True`` and ``fast=False``
    (its most thorough setting) gave more text.
``"layout"``
    the extraction is the page's layout table written out row by row, menus and boxes in the
    story's rows (:mod:`newsclean.ingest.layout`): the page's whole text, one block per line,
    replaces it, for the text rules to clean (``HtmlOptions.layout``); the rows are kept in
    :attr:`HtmlExtract.rows`. The page type read from such a page's DOM is a table's (no ``<p>``,
    links everywhere: old articles read as listings), so the caller reads it from the text too.
``"html2txt"``
    still nothing: the whole visible text of the page (trafilatura's ``basic_cleaning`` drops
    scripts, styles, ``<aside>``, footers and cookie banners), one block per line. This is a
    page dump; the rule stage is expected to remove the site chrome from it.

Metadata is trafilatura's ``extract_metadata`` (htmldate for the date), then sanitised: the
authors are those the page declares for its main item (:mod:`newsclean.ingest.authors`, which
drops junk entries: "By", "Staff", "Email the author", job titles, e-mail addresses, URLs), else
trafilatura's search of the body, else the site's own name; a site name glued to the title
("Title - Site", "Title | Site", "Site: Title") is removed, dates are ISO 8601 (date only when
only a date is known) and a date in the future is dropped with a warning.

Nothing here raises on bad input: undecodable bytes, binary garbage, or a page trafilatura chokes
on give an :class:`HtmlExtract` with empty text and a warning.

This module is the flow: the options, the result and the order of the steps, with their fallbacks
and time limit. The steps are modules of their own: :mod:`~newsclean.ingest.html_tree` (parsing,
repair, pruning), :mod:`~newsclean.ingest.html_text` (trafilatura's text, the page's text, the
headings), :mod:`~newsclean.ingest.html_metadata` (the metadata read from the page) and
:mod:`~newsclean.ingest.metadata_clean` (its values cleaned).
"""

from __future__ import annotations

import logging
import time
import unicodedata
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from trafilatura.settings import Extractor

from newsclean import recall
from newsclean.ingest import fastpath, html_metadata, html_text, html_tree, layout, metadata_clean
from newsclean.ingest.decode import decode
from newsclean.ingest.html_metadata import METADATA_KEYS
from newsclean.pagetype import PageType, PageTypeGuess, detect
from newsclean.timelimit import StepTimeout, time_limit

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = ["METADATA_KEYS", "WHOLE_PAGE_FALLBACKS", "HtmlExtract", "HtmlOptions", "extract_html"]

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class HtmlOptions:
    """Settings for :func:`extract_html`.

    The first five map to the trafilatura options of the same name. ``fast=False`` (trafilatura's
    full extraction, which compares its result with readability's and jusText's, as
    ``trafilatura.extract`` does by default) is the default: measured end to end on both dev
    corpora, ``fast=True`` scored 0.978 against 0.970 on aeb-dev (117 news pages of 2019, where it
    had been chosen) but 0.821 against 0.826 on wcxb-dev (1,315 pages of 1,153 sites; articles 0.928
    against 0.935), and it was no better than trafilatura on the unseen pages of issue #17; it is
    6-20 % faster. With ``fast=True`` a too-short result still gets the full treatment (below).
    ``metadata=False`` skips the metadata pass
    (about 40 % of the time). ``extensive_date_search`` is htmldate's ``extensive_search``
    (free-text date search when the markup has none; it costs well under 1 ms a page but its first
    use compiles dateparser's patterns, up to a few seconds once per process).
    ``thorough_metadata`` runs all of trafilatura's ``extract_metadata``, including its search of
    the page body for an author (about 9 ms a page, most of the metadata time, on aeb-dev), its
    category/tag link search and the license; the default reads the metadata the page declares
    (meta tags, JSON-LD, title, htmldate, site name) in about 2.5 ms.
    ``min_text_chars``: below this many characters the fallback is tried. ``min_fast_chars``: a
    fast-mode text shorter than this is extracted again without fast mode (on the whole page, as
    ``trafilatura.extract`` does) and the longer text kept: on wcxb-dev 12 of 708 articles gave fast
    mode a fragment, shingle F1 of the extraction 0.919 -> 0.927; aeb-dev unchanged. ``max_bytes``
    caps the input (bytes, or characters for ``str`` input); more is cut off with a warning.
    ``timeout``: seconds for the metadata pass and trafilatura's extraction together; past it they
    are stopped (``SIGALRM``, see :mod:`newsclean.timelimit`), the metadata read so far is kept and
    the page's whole text is used (the ``"html2txt"`` fallback, linear), with a warning. Enforced in
    the main thread on POSIX only (elsewhere there is no limit; use a worker process); lxml's parse
    itself is one C call and is bounded by ``max_bytes`` instead. ``page_type``: a
    :class:`~newsclean.pagetype.PageType` value that replaces the detection. On a page that is not
    an article, ``fast`` is ignored: trafilatura's full extraction is what a plain extractor keeps
    (on the 106 usable forum pages of wcxb-dev fast mode lost a fifth of the posts, F1 0.663 vs
    0.728 without it).
    """

    favor_precision: bool = False
    favor_recall: bool = False
    include_comments: bool = False
    include_tables: bool = True
    fast: bool = False
    metadata: bool = True
    extensive_date_search: bool = True
    thorough_metadata: bool = False
    min_text_chars: int = 250
    min_fast_chars: int = 500
    max_bytes: int | None = 20_000_000
    timeout: float | None = 20.0
    page_type: str | None = None
    interior_prose: bool = True
    """Put back the prose lines of the page that lie between two paragraphs of the extraction and
    that it left out (:func:`newsclean.recall.interior_prose`), on a page whose type is not in
    ``page_text_for`` (an article, a product or collection page: those get the whole page text)."""
    layout: bool = True
    """Replace an extraction that is the page's layout table written out row by row by the page's
    whole text (the ``"layout"`` fallback), unless ``page_type`` names a type other than article."""
    page_text_for: frozenset[str] = frozenset()
    """Page types (:class:`~newsclean.pagetype.PageType` values) whose page also yields its whole
    visible text (:attr:`HtmlExtract.page_text`), for :mod:`newsclean.recall`."""


INTERIOR_WARNING = ("{n} paragraphs inside the story taken back from the page's own text: "
                    "prose the extractor left out")


def _unpruned(text: str, tree: HtmlElement, consumed: bool, opts: HtmlOptions) -> HtmlElement:
    """The page's tree as it was before the extraction: the fast path prunes ``tree`` in place
    (``consumed``), and then it is parsed again."""
    return html_tree.fresh_tree(text, tree, fast=opts.fast) if consumed else tree


def _with_interior_prose(body: str, text: str, tree: HtmlElement, consumed: bool,
                         opts: HtmlOptions, warnings: list[str]) -> str:
    """``body`` with the page's prose lines that lie between two of its lines put back
    (:func:`newsclean.recall.interior_prose`), counted in a warning."""
    try:
        page = html_text.page_text(_unpruned(text, tree, consumed, opts),
                                   without=recall.NOT_PROSE_TAGS,
                                   without_marked=recall.NOT_PROSE_MARKS)
    except Exception:  # only a source of paragraphs the extraction may have missed
        LOGGER.debug("page text failed", exc_info=True)
        return body
    lines = body.split("\n")
    added = recall.interior_prose(lines, page.split("\n"))
    if not added:
        return body
    warnings.append(INTERIOR_WARNING.format(n=len(added)))
    return "\n".join(recall.insert(lines, added))


@dataclass(frozen=True, slots=True)
class HtmlExtract:
    """The result of :func:`extract_html`.

    ``text``: the article, one block per line. ``metadata``: the keys of :data:`METADATA_KEYS`
    (``author``, ``categories`` and ``tags`` are lists; ``date`` an ISO 8601 string).
    ``fallback``: ``None``, ``"full"``, ``"recall"``, ``"layout"`` or ``"html2txt"`` (see the module
    docstring). The last two are the page's whole text: :attr:`whole_page` says so.
    ``headings``: the page's ``<h1>``..``<h4>`` as ``(level, text)`` in page order (text with
    whitespace collapsed; at most :data:`~newsclean.ingest.html_text.MAX_HEADINGS`), read from the
    page before extraction: the plain-text output no longer says which lines were headings, and the
    ``title`` rule uses this to tell a standfirst (a heading under the headline) from a lede
    paragraph.
    ``page_type``: what kind of page this is (:func:`newsclean.pagetype.detect` on the pristine
    tree); ``None`` when the page could not be parsed.
    ``authors_declared``: the ``author`` metadata is what the page declares about its main item
    (JSON-LD, meta tags, author markup: :func:`newsclean.ingest.authors.page_authors`), not the
    body search's guess or the site's own name.
    ``page_text``: the page's whole visible text, one block per line, when its type is one of
    :attr:`HtmlOptions.page_text_for` (else ``None``).
    ``rows``: with the ``"layout"`` fallback, the extractor's own text (the layout table's rows),
    which a plain extractor would return: what to keep of a page that is no article.
    """

    text: str
    metadata: dict[str, Any]
    warnings: tuple[str, ...] = ()
    fallback: str | None = None
    headings: tuple[tuple[int, str], ...] = ()
    page_type: PageTypeGuess | None = None
    authors_declared: bool = False
    page_text: str | None = None
    rows: str | None = None

    @property
    def whole_page(self) -> bool:
        """The text is the page's whole visible text, site chrome and all (a fallback), not an
        extractor's choice of its article."""
        return self.fallback in WHOLE_PAGE_FALLBACKS


WHOLE_PAGE_FALLBACKS = frozenset({"layout", "html2txt"})
"""Fallbacks whose text is the page's whole visible text."""
LAYOUT_WARNING = ("the extractor returned the page's layout table, menus and boxes in the story's "
                  "rows: the page's whole text used")

_DEFAULT_OPTIONS = HtmlOptions()


def _extractor(options: HtmlOptions, url: str | None, *, recall: bool = False) -> Extractor:
    """trafilatura's options; ``recall=True`` is the fallback: recall focus, no fast mode."""
    return Extractor(
        output_format="txt",
        fast=options.fast and not recall,
        precision=options.favor_precision and not recall,
        recall=options.favor_recall or recall,
        comments=options.include_comments,
        tables=options.include_tables,
        url=url,
    )


def extract_html(
    html: str | bytes, *, url: str | None = None, options: HtmlOptions | None = None
) -> HtmlExtract:
    """Extract the article text and metadata from one HTML page. Never raises.

    ``html`` may be bytes (decoded with :func:`~newsclean.ingest.decode.decode`) or text. ``url``
    is the page address if known (used for metadata and relative links).
    """
    opts = options or _DEFAULT_OPTIONS
    warnings: list[str] = []
    if isinstance(html, (bytes, bytearray, memoryview)):
        decoded = decode(bytes(html), max_bytes=opts.max_bytes)
        warnings.extend(decoded.warnings)
        text = decoded.text
    elif isinstance(html, str):
        text = html
        if opts.max_bytes is not None and len(text) > opts.max_bytes:
            warnings.append(f"input truncated from {len(text)} to {opts.max_bytes} characters")
            text = text[: opts.max_bytes]
    else:
        return HtmlExtract("", html_metadata.empty_metadata(url), (f"unsupported input type {type(html)}",))

    if not text.strip():
        return HtmlExtract("", html_metadata.empty_metadata(url), (*warnings, "empty input"))
    try:
        tree = html_tree.parse(text)
    except Exception as err:  # lxml or trafilatura internals: never let them escape
        LOGGER.debug("HTML parsing failed", exc_info=True)
        warnings.append(f"HTML parsing failed: {type(err).__name__}")
        tree = None
    if tree is None:
        warnings.append("not parsable as HTML")
        return HtmlExtract("", html_metadata.empty_metadata(url), tuple(warnings))

    deadline = time.monotonic() + opts.timeout if opts.timeout and opts.timeout > 0 else None
    timed_out = False

    def left() -> float | None:
        return None if deadline is None else max(deadline - time.monotonic(), 1e-3)

    metadata = html_metadata.empty_metadata(url)
    authors_declared = False
    if opts.metadata:
        try:  # before the extraction, on the pristine tree (extract() works on a copy anyway)
            with time_limit(left(), "HTML metadata"):
                metadata, authors_declared = html_metadata.page_metadata(
                    tree, url, warnings, thorough=opts.thorough_metadata,
                    extensive_date_search=opts.extensive_date_search)
        except StepTimeout:
            timed_out = True
            warnings.append(f"HTML metadata took longer than {opts.timeout:g} s: stopped")
        except Exception as err:
            LOGGER.debug("metadata extraction failed", exc_info=True)
            warnings.append(f"metadata extraction failed: {type(err).__name__}")

    page_type: PageTypeGuess | None = None
    if opts.page_type is not None:
        forced = PageType(opts.page_type)
        page_type = PageTypeGuess(forced, 1.0, {forced.value: 1.0})
    else:
        try:
            page_type = detect(tree, url or metadata.get("url"))
        except Exception:  # a broken tree: the type is only a hint, and article is the default
            LOGGER.debug("page type detection failed", exc_info=True)
    if page_type is not None and page_type.page_type is not PageType.ARTICLE and opts.fast:
        opts = replace(opts, fast=False)
    headings: tuple[tuple[int, str], ...] = ()
    try:
        headings = html_text.headings(tree)
    except Exception:  # a broken tree: the headings are only a hint
        LOGGER.debug("heading scan failed", exc_info=True)
    metadata["title"] = metadata_clean.title_as_headline(metadata.get("title"), headings)
    body, fallback = "", None
    consumed = False
    try:
        if timed_out:
            raise StepTimeout
        with time_limit(left(), "HTML extraction"):
            if opts.fast:  # the full extraction compares with readability/jusText on the whole
                html_tree.strip_inert(tree)  # page, and they see <aside>/<footer> (a shop's description)
                html_tree.strip_empty(tree)
            extractor = _extractor(opts, url)
            # the same steps as trafilatura.extract, on ``tree`` itself rather than a copy: the
            # page-text fallback below then parses the page again
            consumed = fastpath.applies(extractor)
            body = ((fastpath.extract(tree, extractor) or "") if consumed
                    else html_text.trafilatura_text(tree, extractor))
            if opts.fast and len(body) < opts.min_fast_chars:
                full_tree = html_tree.parse(text)  # the whole page: the full extraction compares with it
                full = "" if full_tree is None else html_text.trafilatura_text(
                    full_tree, _extractor(replace(opts, fast=False), url))
                if len(full) >= max(2 * len(body), len(body) + 200):  # not just a headline more
                    body, fallback = full, "full"
            if len(body) < max(1, opts.min_text_chars) and not (opts.favor_recall and not opts.fast):
                # the most thorough setting: recall focus plus readability/jusText comparison
                retry_tree = html_tree.reparse(text, tree) if opts.fast else tree
                retry = html_text.trafilatura_text(retry_tree, _extractor(opts, url, recall=True))
                if len(retry) > len(body):
                    body, fallback = retry, "recall"
    except StepTimeout:
        body, fallback = "", None
        if not timed_out:
            warnings.append(f"HTML extraction took longer than {opts.timeout:g} s: stopped")
        timed_out = True
    except Exception as err:
        LOGGER.debug("trafilatura extraction failed", exc_info=True)
        warnings.append(f"text extraction failed: {type(err).__name__}")
    if not body.strip():
        try:
            body = html_text.page_text(_unpruned(text, tree, consumed, opts))
        except Exception as err:
            LOGGER.debug("page text fallback failed", exc_info=True)
            warnings.append(f"page text fallback failed: {type(err).__name__}")
            body = ""
        if body:
            fallback = "html2txt"
            warnings.append("no article found: whole page text used")
        else:
            warnings.append("no text found")
    rows = None
    if (opts.layout and fallback is None and not timed_out and body
            and opts.page_type in (None, PageType.ARTICLE.value) and layout.is_layout_dump(body)):
        try:
            whole = html_text.page_text(_unpruned(text, tree, consumed, opts))
        except Exception:  # only a better source than the rows: they stand
            LOGGER.debug("page text failed", exc_info=True)
            whole = ""
        if whole and layout.holds_page(body, len(whole)):  # the rows' shape is checked above
            rows, body, fallback = unicodedata.normalize("NFC", body), whole, "layout"
            warnings.append(LAYOUT_WARNING)
    if (opts.interior_prose and fallback is None and not timed_out and body
            and (page_type is None or page_type.page_type.value not in opts.page_text_for)):
        body = _with_interior_prose(body, text, tree, consumed, opts, warnings)
    page = None
    if (fallback != "html2txt" and not timed_out and page_type is not None
            and page_type.page_type.value in opts.page_text_for):
        try:
            page = unicodedata.normalize("NFC", html_text.page_text(
                _unpruned(text, tree, consumed, opts)))
        except Exception:  # only a source of paragraphs the extraction may have missed
            LOGGER.debug("page text failed", exc_info=True)
    return HtmlExtract(unicodedata.normalize("NFC", body), metadata, tuple(warnings), fallback,
                       headings, page_type, authors_declared, page, rows)
