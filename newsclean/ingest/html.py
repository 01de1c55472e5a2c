"""HTML to article text plus metadata, with trafilatura, parsing the page once.

:func:`extract_html` decodes bytes with :func:`newsclean.ingest.decode.decode`, parses the page once
the way trafilatura's ``load_html`` does (lxml's HTML parser: no DTD loading, no entity expansion,
no network; see :func:`_load_html`), reads the metadata from that tree, then hands the same tree to
``trafilatura.extract`` (which works on its own copy, so the caller's tree, and the metadata read
from it, never see the in-place pruning the extractor does).

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
``"html2txt"``
    still nothing: the whole visible text of the page (trafilatura's ``basic_cleaning`` drops
    scripts, styles, ``<aside>``, footers and cookie banners), one block per line. This is a
    page dump; the rule stage is expected to remove the site chrome from it.

Metadata is trafilatura's ``extract_metadata`` (htmldate for the date), then sanitised here: the
authors are those the page declares for its main item (:mod:`newsclean.ingest.authors`, which
drops junk entries: "By", "Staff", "Email the author", job titles, e-mail addresses, URLs), else
trafilatura's search of the body, else the site's own name; a site name glued to the title
("Title - Site", "Title | Site", "Site: Title") is removed, dates are ISO 8601 (date only when
only a date is known) and a date in the future is dropped with a warning.

Nothing here raises on bad input: undecodable bytes, binary garbage, or a page trafilatura chokes
on give an :class:`HtmlExtract` with empty text and a warning.
"""

from __future__ import annotations

import logging
import re
import time
import unicodedata
from collections.abc import Callable
from copy import copy
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone
from typing import Any

import trafilatura
from courlan import extract_domain
from htmldate import find_date
from lxml import etree
from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HtmlProcessingInstruction
from lxml.html import fromstring as html_fromstring
from trafilatura import metadata as _tm
from trafilatura.baseline import basic_cleaning
from trafilatura.metadata import extract_metadata
from trafilatura.settings import Extractor, set_date_params
from trafilatura.utils import load_html

from newsclean.ingest import fastpath
from newsclean.ingest.authors import names_in, page_authors
from newsclean.ingest.decode import decode, looks_like_html
from newsclean.pagetype import PageType, PageTypeGuess, detect
from newsclean.timelimit import StepTimeout, time_limit

_repair_faulty_html: Callable[[str, str], str] | None
try:  # a step of load_html, not documented API: without it, load_html itself parses
    from trafilatura.utils import repair_faulty_html as _repair_faulty_html
except ImportError:  # pragma: no cover - every trafilatura 2.x has it
    _repair_faulty_html = None

__all__ = ["METADATA_KEYS", "HtmlExtract", "HtmlOptions", "extract_html"]

LOGGER = logging.getLogger(__name__)

METADATA_KEYS = (
    "title", "author", "date", "sitename", "description", "categories", "tags", "language",
    "url", "hostname", "image",
)
"""The keys of :attr:`HtmlExtract.metadata`, always all present (``None`` or ``[]`` if unknown)."""


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


@dataclass(frozen=True, slots=True)
class HtmlExtract:
    """The result of :func:`extract_html`.

    ``text``: the article, one block per line. ``metadata``: the keys of :data:`METADATA_KEYS`
    (``author``, ``categories`` and ``tags`` are lists; ``date`` an ISO 8601 string).
    ``fallback``: ``None``, ``"full"``, ``"recall"`` or ``"html2txt"`` (see the module docstring).
    ``headings``: the page's ``<h1>``..``<h4>`` as ``(level, text)`` in page order (text with
    whitespace collapsed; at most :data:`MAX_HEADINGS`), read from the page before extraction: the
    plain-text output no longer says which lines were headings, and the ``title`` rule uses this
    to tell a standfirst (a heading under the headline) from a lede paragraph.
    ``page_type``: what kind of page this is (:func:`newsclean.pagetype.detect` on the pristine
    tree); ``None`` when the page could not be parsed.
    ``authors_declared``: the ``author`` metadata is what the page declares about its main item
    (JSON-LD, meta tags, author markup: :func:`newsclean.ingest.authors.page_authors`), not the
    body search's guess or the site's own name.
    """

    text: str
    metadata: dict[str, Any]
    warnings: tuple[str, ...] = ()
    fallback: str | None = None
    headings: tuple[tuple[int, str], ...] = ()
    page_type: PageTypeGuess | None = None
    authors_declared: bool = False


_DEFAULT_OPTIONS = HtmlOptions()


def _empty_metadata(url: str | None = None) -> dict[str, Any]:
    meta: dict[str, Any] = dict.fromkeys(METADATA_KEYS)
    meta.update(author=[], categories=[], tags=[], url=url)
    return meta


# ------------------------------------------------------------------------------------------------
# parsing and text extraction
# ------------------------------------------------------------------------------------------------


def _parse(text: str) -> HtmlElement | None:
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


_INERT_TAGS = ("style", "svg", "link", "embed", "canvas", "aside", "footer")
"""Elements trafilatura deletes with their content before it looks for the article (its
``MANUALLY_CLEANED`` list), and that its whole-page measures (``baseline``, ``html2txt``) skip too.
Removing them first makes its XPath pruning and tree copies cheaper (about a sixth of its time) and
leaves its output unchanged: on the 117 aeb-dev pages the text is identical with and without this
step. ``nav``, ``head``, ``noscript`` and ``iframe`` are not in the list: the page measure that
decides trafilatura's recall retry counts their text."""


def _strip_inert(tree: HtmlElement) -> None:
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


def _strip_empty(tree: HtmlElement) -> None:
    """Remove the ``<img>`` and ``<meta>`` elements followed by nothing but whitespace.

    Only for trafilatura's fast mode, whose output cannot tell: it strips them itself before it
    reads the text (the tail text joins the text before, as here), and its page measures read
    text only (``text_content``). Its last-resort page dump joins text runs with newlines, so an
    element with text after it stays (merging runs would join two lines). The comparison with
    readability (``fast=False``) counts images: it gets a tree with them (see :func:`_reparse`).
    Run after the metadata, which reads the ``<meta>`` tags.
    """
    for elem in tree.iter(*_EMPTY_TAGS):
        if not elem.tail or elem.tail.isspace():
            elem.tag = _DROP
    etree.strip_elements(tree, _DROP, with_tail=False)


def _reparse(text: str, tree: HtmlElement) -> HtmlElement:
    """A fresh tree of ``text`` without the inert elements, or ``tree`` if that fails.

    For the rare second extraction after :func:`_strip_empty` changed ``tree`` for the first."""
    fresh = _parse(text)
    if fresh is None:
        return tree
    _strip_inert(fresh)
    return fresh


def _fresh_tree(text: str, tree: HtmlElement, *, fast: bool) -> HtmlElement:
    """The tree the extraction was given, parsed again from ``text`` (``tree`` if that fails)."""
    fresh = _reparse(text, tree)
    if fast and fresh is not tree:
        _strip_empty(fresh)
    return fresh


def _trafilatura_text(tree: HtmlElement, extractor: Extractor) -> str:
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


def _page_text(tree: HtmlElement) -> str:
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


def _headings(tree: HtmlElement) -> tuple[tuple[int, str], ...]:
    """``(level, text)`` of the page's ``h1``..``h4`` elements, in page order."""
    found: list[tuple[int, str]] = []
    for elem in tree.iter("h1", "h2", "h3", "h4"):
        text = " ".join(elem.text_content().split())
        if text and len(text) <= _MAX_HEADING_CHARS:
            found.append((int(str(elem.tag)[1]), text))
            if len(found) >= MAX_HEADINGS:
                break
    return tuple(found)


# ------------------------------------------------------------------------------------------------
# metadata
# ------------------------------------------------------------------------------------------------

_LETTER = re.compile(r"[^\W\d_]")
_AUTHOR_PREFIX = re.compile(
    r"^(?:(?:analysis|opinion|commentary|story|text|words|written|posted|reported|reporting|"
    r"photos?|interview)\s+)?(?:by|von|por|par)\b[\s:]*|^(?:текст|автор|фото)\b[\s:]*",
    re.IGNORECASE,
)
_AUTHOR_ROLE_SUFFIX = re.compile(
    r"[\s,]+(?:(?:senior|chief|staff|sports?|auto|business|news|political|politics|science|tech|"
    r"technology|health|national|foreign|special|contributing|associate|managing|deputy|"
    r"executive|white house|global|investigative|data|digital|freelance)\s+)*"
    r"(?:writer|reporter|correspondent|editor(?:-at-large)?|columnist|contributor|producer|"
    r"photographer|analyst|journalist)s?$",
    re.IGNORECASE,
)
_DATE_WORDS = (
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|"
    r"may|june|july|august|september|october|november|december|published|updated|posted"
)
_AUTHOR_DATE_SUFFIX = re.compile(rf"(?:\s+(?:{_DATE_WORDS}))+$", re.IGNORECASE)
_AUTHOR_ONLY_DATE = re.compile(rf"^(?:(?:{_DATE_WORDS})\s*)+$", re.IGNORECASE)
_AUTHOR_JUNK_START = re.compile(
    r"^(?:e-?mail|contact|follow|view|see|read|more|share|click|subscribe|sign|about)\b",
    re.IGNORECASE,
)
_AUTHOR_JUNK_WORD = re.compile(
    r"\b(?:staff|desk|bureau|newsroom|editorial|editors|wire services|admin|administrator|"
    r"webmaster|team)\b",
    re.IGNORECASE,
)
_AUTHOR_JUNK = frozenset(
    {
        "by", "author", "authors", "editor", "editors", "reporter", "correspondent", "contributor",
        "contributors", "guest", "guest author", "guest post", "unknown", "anonymous", "none",
        "null", "n/a", "na", "user", "jdadmin", "wire", "agencies", "agency", "photo", "photos",
        "video", "getty images", "ms", "md", "phd", "rdn", "rd", "mba", "ma", "ba", "bsc", "msc",
        "rn", "np", "jd", "esq", "cpa", "cfa", "lcsw", "dr", "mr", "mrs",
    }
)
_MAX_AUTHOR_CHARS = 80

_TITLE_SEPARATORS = r"\s+[-|–—·•:/»«~]+\s+|\s*[|·•»]\s*"
_TITLE_SPLIT = re.compile(rf"({_TITLE_SEPARATORS})")
_TITLE_PREFIX_SEP = re.compile(r"^\s*(?:[:|–—·•»]|-)\s*|^\s+[-/]\s+")
_KEY_CHARS = re.compile(r"[\W_]+")
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "go"})

_PUBLISHED_KEYS = frozenset(
    {
        "article:published_time", "og:published_time", "article:published", "datepublished",
        "pubdate", "publishdate", "publish-date", "publish_date", "date", "dc.date",
        "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date",
        "cxenseparse:recs:publishtime",
    }
)
_JSONLD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')
_ISO_DATE = re.compile(
    r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*"
    r"(Z|[+-]\d{2}:?\d{2})?)?\s*$",
    re.IGNORECASE,
)
_FUTURE_TOLERANCE = timedelta(days=1)
"""A date up to this far ahead of now is accepted (time zones, scheduled publishing)."""


def _key(text: str) -> str:
    """Comparison key for names: casefolded letters and digits only."""
    return _KEY_CHARS.sub("", text.casefold())


def _host_keys(hostname: str | None) -> set[str]:
    """Comparison keys of a host: ``news.sky.com`` -> newsskycom, skycom, sky."""
    if not hostname:
        return set()
    host = hostname.lower().removeprefix("www.")
    parts = [p for p in host.split(".") if p]
    keys = {_key(host)}
    if len(parts) >= 2:
        label_index = -3 if len(parts) >= 3 and parts[-2] in _SECOND_LEVEL else -2
        keys.add(_key(parts[label_index]))
        keys.add(_key(".".join(parts[label_index:])))
    return {k for k in keys if k}


def _site_names(tree: HtmlElement, sitename: str | None) -> list[str]:
    """Names the site goes by on this page: the metadata site name, and the ``og:site_name``,
    ``application-name``, ``apple-mobile-web-app-title`` and ``twitter:site`` meta values."""
    names: list[str] = [sitename] if sitename else []
    for meta in tree.iterfind(".//head/meta"):
        kind = (meta.get("property") or meta.get("name") or "").lower()
        if kind in {"og:site_name", "application-name", "apple-mobile-web-app-title",
                    "twitter:site"}:
            content = (meta.get("content") or "").strip().lstrip("@")
            if content and len(content) <= 80 and content not in names:
                names.append(content)
    return names


def _is_site(segment: str, name_keys: set[str], name_words: list[list[str]],
             host_keys: set[str], *, allow_prefix: bool) -> bool:
    key = _key(segment)
    if len(key) < 2:
        return False
    if key in name_keys or key in host_keys:
        return True
    if allow_prefix and len(key) >= 4:
        # "Inexhibit" for the site "Inexhibit magazine": the segment is the name's first words
        words = segment.casefold().split()
        return any(len(w) > len(words) and w[: len(words)] == words for w in name_words)
    return False


_TITLE_BEFORE_SITE = re.compile(rf"^(.*?\S)(?:{_TITLE_SEPARATORS})\s*$")
"""What precedes a site name at the end of a title: the title, then a separator."""
_TITLE_AFTER_SITE = re.compile(rf"^\s*(?::|{_TITLE_SEPARATORS})\s*(.*\S)\s*$")
"""What follows a site name at the start of a title: a separator (or a colon), then the title."""


def _same_text(a: str, b: str) -> bool:
    """``a`` and ``b`` equal but for case, character by character (as ``re.IGNORECASE`` compares)."""
    return len(a) == len(b) and all(
        x == y or x.lower() == y.lower() or x.upper() == y.upper() for x, y in zip(a, b, strict=True))


def _clean_title(title: str | None, names: list[str], hostname: str | None) -> str | None:
    """Remove a site name glued to the title: "Title - Site", "Title | Site", "Site: Title"."""
    if not title:
        return title
    # Collapsed as trafilatura's own titles are: the separator patterns below start with \s+/\s*
    # and rescan a long whitespace run from each of its positions (20,000 spaces took 13 s).
    title = " ".join(title.split())
    name_keys = {_key(n) for n in names if len(_key(n)) >= 2}
    name_words = [n.casefold().split() for n in names]
    host_keys = _host_keys(hostname)
    if not name_keys and not host_keys:
        return title
    # whole-name suffix or prefix, even when the name itself contains a separator; the name is
    # compared as text and only the fixed separator patterns are regular expressions (one pattern
    # compiled per site name cost more than the rest of the title clean-up)
    for name in sorted(names, key=len, reverse=True):
        name = name.strip()
        if not name or len(name) >= len(title):
            continue
        if _same_text(title[-len(name):], name):
            suffix = _TITLE_BEFORE_SITE.match(title[:-len(name)])
            if suffix and _LETTER.search(suffix.group(1)):
                return suffix.group(1).strip()
        if _same_text(title[:len(name)], name):
            prefix = _TITLE_AFTER_SITE.match(title[len(name):])
            if prefix and _LETTER.search(prefix.group(1)):
                return prefix.group(1).strip()
    parts = _TITLE_SPLIT.split(title)
    if len(parts) >= 3:
        last, first = parts[-1], parts[0]
        if _is_site(last, name_keys, name_words, host_keys, allow_prefix=True):
            rest = "".join(parts[:-2]).strip()
            if _LETTER.search(rest):
                return rest
        if _is_site(first, name_keys, name_words, host_keys, allow_prefix=False):
            rest = "".join(parts[2:]).strip()
            if _LETTER.search(rest):
                return rest
    # "Site: Title" with a colon that _TITLE_SPLIT leaves alone (no space before it)
    colon = re.match(r"^([^:]{2,60}):\s+(.*\S)\s*$", title)
    if colon and _is_site(colon.group(1), name_keys, name_words, host_keys, allow_prefix=False):
        return colon.group(2)
    return title


_TITLE_SEPARATOR_AT_START = re.compile(rf"^(?:{_TITLE_SEPARATORS}|:\s+)\S")
_TITLE_SEPARATOR_AT_END = re.compile(rf"\S(?:{_TITLE_SEPARATORS}|:\s+)$")
_MIN_HEADLINE_CHARS = 12


def _title_as_headline(title: str | None, headings: tuple[tuple[int, str], ...]) -> str | None:
    """The page's ``<h1>`` when the title is that headline with a label glued on by a separator
    ("Headline | Opinion", "Headline – Outlet", "Blog Name: Headline"): the site name search
    misses a section or an outlet the metadata does not name."""
    if not title:
        return title
    for level, headline in headings:
        if level != 1 or len(headline) < _MIN_HEADLINE_CHARS or len(headline) >= len(title):
            continue
        n = len(headline)
        if _same_text(title[:n], headline) and _TITLE_SEPARATOR_AT_START.match(title[n:]):
            return title[:n]
        if _same_text(title[-n:], headline) and _TITLE_SEPARATOR_AT_END.search(title[:-n]):
            return title[-n:]
    return title


def _clean_authors(raw: str | None, names: list[str], hostname: str | None) -> list[str]:
    """Split trafilatura's ``"A; B"`` and drop what is not a person's (or agency's) name."""
    if not raw:
        return []
    site_keys = {_key(n) for n in names} | _host_keys(hostname)
    out: list[str] = []
    seen: set[str] = set()
    for part in raw.split(";"):
        author = " ".join(part.split())
        if len(author) > 4 * _MAX_AUTHOR_CHARS:
            # Not a name; and the suffix patterns below backtrack quadratically on a long run of
            # ", , ," (4,000 characters took 25 s), so such a string must not reach them.
            continue
        author = _AUTHOR_PREFIX.sub("", author).strip(" ,:-–—|")
        author = _AUTHOR_DATE_SUFFIX.sub("", author).strip(" ,:-–—|")
        without_role = _AUTHOR_ROLE_SUFFIX.sub("", author).strip(" ,:-–—|")
        if without_role != author and " " not in without_role:
            continue  # "Ap Auto Writer", "CNN Editor-at-large": a job title, not a name
        author = without_role
        if (
            not author
            or not _LETTER.search(author)
            or len(author) > _MAX_AUTHOR_CHARS
            or "@" in author
            or "http" in author.lower()
            or "www." in author.lower()
            or author.casefold() in _AUTHOR_JUNK
            or _AUTHOR_ONLY_DATE.match(author)
            or _AUTHOR_JUNK_START.match(author)
            or _AUTHOR_JUNK_WORD.search(author)
            or _key(author) in site_keys
            or (" " not in author and len(author) <= 2)
        ):
            continue
        key = author.casefold()
        if key not in seen:
            seen.add(key)
            out.append(author)
    return out


def _parse_date(value: str) -> date | datetime | None:
    """ISO-like string -> date (no time given) or datetime (aware if an offset is given)."""
    match = _ISO_DATE.match(value)
    if not match:
        return None
    year, month, day, hour, minute, second, zone = match.groups()
    try:
        if hour is None:
            return date(int(year), int(month), int(day))
        tz: timezone | None = None
        if zone:
            tz = timezone.utc
            if zone.upper() != "Z":
                sign = -1 if zone[0] == "-" else 1
                digits = zone[1:].replace(":", "")
                tz = timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
        return datetime(int(year), int(month), int(day), int(hour), int(minute),
                        int(second or 0), tzinfo=tz)
    except ValueError:
        return None


def _is_future(value: date | datetime, now: datetime) -> bool:
    """True if ``value`` lies beyond now plus the tolerance (a naive time is read as UTC)."""
    if isinstance(value, datetime):
        aware = value if value.tzinfo is not None else value.replace(tzinfo=timezone.utc)
        return aware > now + _FUTURE_TOLERANCE
    return value > (now + _FUTURE_TOLERANCE).date()


def _declared_dates(tree: HtmlElement) -> list[str]:
    """Publication dates the page declares in meta tags and JSON-LD."""
    found: list[str] = []
    for meta in tree.iterfind(".//meta"):
        kind = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if kind in _PUBLISHED_KEYS and (content := meta.get("content")):
            found.append(content.strip())
    for script in tree.iterfind(".//script"):
        if (script.get("type") or "").lower() == "application/ld+json" and script.text:
            found.extend(_JSONLD_PUBLISHED.findall(script.text))
    return found


def _clean_date(
    found: str | None, declared: list[str], now: datetime, warnings: list[str]
) -> str | None:
    """Normalise htmldate's ``found`` to ISO 8601; drop it (with a warning) if in the future.

    htmldate gives a bare date; when the page declares a publication time on that same day
    (``article:published_time``, JSON-LD ``datePublished``), the full timestamp is returned
    instead (with its UTC offset when the page gives one). The declared dates are also checked
    for the future, so a future publication date that htmldate silently passed over still gets
    its warning.
    """
    parsed_declared = [(d, _parse_date(d)) for d in declared]
    future = [d for d, p in parsed_declared if p is not None and _is_future(p, now)]
    result: str | None = None
    if found:
        parsed = _parse_date(found)
        if parsed is None:
            warnings.append(f"unparsable date dropped: {found!r}")
        elif _is_future(parsed, now):
            future.insert(0, found)
        else:
            result = parsed.isoformat()
            if not isinstance(parsed, datetime):
                for _, p in parsed_declared:
                    if isinstance(p, datetime) and p.date() == parsed and not _is_future(p, now):
                        result = p.isoformat()
                        break
    if future:
        warnings.append(f"future date dropped: {future[0]}")
    return result


def _split_list(values: list[str] | None) -> list[str]:
    """Flatten comma-joined categories/tags, drop CMS-internal ``@tags`` and duplicates."""
    out: list[str] = []
    seen: set[str] = set()
    for value in values or []:
        for item in value.split(","):
            item = " ".join(item.split())
            if not item or item.startswith("@") or not _LETTER.search(item):
                continue
            if item.casefold() not in seen:
                seen.add(item.casefold())
                out.append(item)
    return out


_LANG = re.compile(r"^([a-z]{2,3})(?:[-_][a-z0-9]+)*$", re.IGNORECASE)


def _language(tree: HtmlElement) -> str | None:
    """The page's declared language as a lowercase primary subtag (``"en"`` for ``en-US``)."""
    candidates = [tree.get("lang"), tree.get("xml:lang")]
    for meta in tree.iterfind(".//head/meta"):
        kind = (meta.get("http-equiv") or meta.get("property") or meta.get("name") or "").lower()
        if kind in {"content-language", "og:locale", "language", "dc.language"}:
            candidates.append(meta.get("content"))
    for value in candidates:
        if value and (match := _LANG.match(value.strip().split(",")[0].strip())):
            return match.group(1).lower()
    return None


def _declared_metadata(tree: HtmlElement, url: str | None, extensive: bool) -> Any:
    """trafilatura's metadata steps that read what the page declares, without the slow searches.

    The same order as ``trafilatura.metadata.extract_metadata``: meta tags, then JSON-LD over them,
    ``<title>``/``<h1>`` when nothing declared a title, the URL, htmldate, the site name; the body
    search for an author, the category/tag link search and the license are left out.
    """
    doc = _tm.examine_meta(tree)
    if doc.author and " " not in doc.author:
        doc.author = None
    try:
        doc = _tm.extract_meta_json(tree, doc)
    except Exception:  # trafilatura's JSON-LD parser on broken JSON
        LOGGER.debug("JSON-LD metadata failed", exc_info=True)
    if not doc.title:
        doc.title = _tm.extract_title(tree)
    if not doc.url:
        doc.url = _tm.extract_url(tree, url)
    if doc.url:
        doc.hostname = extract_domain(doc.url, fast=True)
    date_config = set_date_params(extensive)
    date_config["url"] = doc.url
    doc.date = find_date(tree, **date_config)
    if not doc.categories:  # the declared section; the link search is the slow path's
        doc.categories = [m.get("content", "").strip() for m in tree.iterfind(".//head/meta")
                          if m.get("property") == "article:section" and m.get("content")]
    if not doc.sitename:
        doc.sitename = _tm.extract_sitename(tree)
    if doc.sitename:
        doc.sitename = doc.sitename.lstrip("@")
        if doc.sitename and "." not in doc.sitename and not doc.sitename[0].isupper():
            doc.sitename = doc.sitename.title()
    elif doc.url:
        match = _tm.META_URL.match(doc.url)
        if match:
            doc.sitename = match[1]
    doc.clean_and_trim()
    return doc


_MAX_META_CHARS = 2_000
"""``<meta content>`` values are cut to this before trafilatura reads them (no title, author or
description is longer): its author clean-up (``normalize_authors``) backtracks quadratically on a long
run of brackets, and a 62 KB ``<meta name="author">`` took 56 s."""


def _authors(tree: HtmlElement, names: list[str],
             hostname: str | None = None) -> tuple[list[str], bool]:
    """The page's declared authors (:mod:`newsclean.ingest.authors`); failing a person's name,
    trafilatura's search of the page body, then the site's own name or an organisation. The flag
    says whether the names are the page's declaration (the first case)."""
    declared, weak = page_authors(tree, site_names=tuple(names),
                                  hosts=tuple(sorted(_host_keys(hostname))))
    if declared:
        return declared, True
    found = None
    try:
        found = _tm.extract_author(tree)
    except Exception:  # trafilatura's XPath search on a strange tree
        LOGGER.debug("author search failed", exc_info=True)
    # the search's first name only: its others were commenters, tags and job titles more often
    # than co-authors (wcxb-dev articles: 18 of its 91 answers wrong with all, 12 with the first);
    # and none when the first is no name (a job title: "Licensed Q Arabica Grader; M A Journalism")
    first = (found or "").split(";")[0]
    return names_in(first)[:1] or weak, False


def _metadata(
    tree: HtmlElement, url: str | None, options: HtmlOptions, warnings: list[str]
) -> tuple[dict[str, Any], bool]:
    """The metadata of :data:`METADATA_KEYS`, and whether its authors are the page's declaration."""
    for meta in tree.iterfind(".//meta"):
        content = meta.get("content")
        if content is not None and len(content) > _MAX_META_CHARS:
            meta.set("content", content[:_MAX_META_CHARS])
    if options.thorough_metadata:
        doc = extract_metadata(tree, default_url=url, extensive=options.extensive_date_search)
    else:
        doc = _declared_metadata(tree, url, options.extensive_date_search)
    meta = _empty_metadata(doc.url or url)
    names = _site_names(tree, doc.sitename)
    meta["hostname"] = doc.hostname
    meta["sitename"] = doc.sitename
    meta["description"] = doc.description
    meta["title"] = _clean_title(doc.title, names, doc.hostname)
    meta["author"], declared = _authors(tree, names, doc.hostname)
    now = datetime.now(timezone.utc)
    meta["date"] = _clean_date(doc.date, _declared_dates(tree), now, warnings)
    meta["categories"] = _split_list(doc.categories)
    meta["tags"] = _split_list(doc.tags)
    meta["language"] = _language(tree)
    meta["image"] = doc.image if isinstance(doc.image, str) and doc.image.strip() else None
    return meta, declared


# ------------------------------------------------------------------------------------------------
# entry point
# ------------------------------------------------------------------------------------------------


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
        return HtmlExtract("", _empty_metadata(url), (f"unsupported input type {type(html)}",))

    if not text.strip():
        return HtmlExtract("", _empty_metadata(url), (*warnings, "empty input"))
    try:
        tree = _parse(text)
    except Exception as err:  # lxml or trafilatura internals: never let them escape
        LOGGER.debug("HTML parsing failed", exc_info=True)
        warnings.append(f"HTML parsing failed: {type(err).__name__}")
        tree = None
    if tree is None:
        warnings.append("not parsable as HTML")
        return HtmlExtract("", _empty_metadata(url), tuple(warnings))

    deadline = time.monotonic() + opts.timeout if opts.timeout and opts.timeout > 0 else None
    timed_out = False

    def left() -> float | None:
        return None if deadline is None else max(deadline - time.monotonic(), 1e-3)

    metadata = _empty_metadata(url)
    authors_declared = False
    if opts.metadata:
        try:  # before the extraction, on the pristine tree (extract() works on a copy anyway)
            with time_limit(left(), "HTML metadata"):
                metadata, authors_declared = _metadata(tree, url, opts, warnings)
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
        headings = _headings(tree)
    except Exception:  # a broken tree: the headings are only a hint
        LOGGER.debug("heading scan failed", exc_info=True)
    metadata["title"] = _title_as_headline(metadata.get("title"), headings)
    body, fallback = "", None
    consumed = False
    try:
        if timed_out:
            raise StepTimeout
        with time_limit(left(), "HTML extraction"):
            if opts.fast:  # the full extraction compares with readability/jusText on the whole
                _strip_inert(tree)  # page, and they see <aside>/<footer> (a shop's description)
                _strip_empty(tree)
            extractor = _extractor(opts, url)
            # the same steps as trafilatura.extract, on ``tree`` itself rather than a copy: the
            # page-text fallback below then parses the page again
            consumed = fastpath.applies(extractor)
            body = ((fastpath.extract(tree, extractor) or "") if consumed
                    else _trafilatura_text(tree, extractor))
            if opts.fast and len(body) < opts.min_fast_chars:
                full_tree = _parse(text)  # the whole page: the full extraction compares with it
                full = "" if full_tree is None else _trafilatura_text(
                    full_tree, _extractor(replace(opts, fast=False), url))
                if len(full) >= max(2 * len(body), len(body) + 200):  # not just a headline more
                    body, fallback = full, "full"
            if len(body) < max(1, opts.min_text_chars) and not (opts.favor_recall and not opts.fast):
                # the most thorough setting: recall focus plus readability/jusText comparison
                retry_tree = _reparse(text, tree) if opts.fast else tree
                retry = _trafilatura_text(retry_tree, _extractor(opts, url, recall=True))
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
            body = _page_text(_fresh_tree(text, tree, fast=opts.fast) if consumed else tree)
        except Exception as err:
            LOGGER.debug("page text fallback failed", exc_info=True)
            warnings.append(f"page text fallback failed: {type(err).__name__}")
            body = ""
        if body:
            fallback = "html2txt"
            warnings.append("no article found: whole page text used")
        else:
            warnings.append("no text found")
    return HtmlExtract(unicodedata.normalize("NFC", body), metadata, tuple(warnings), fallback,
                       headings, page_type, authors_declared)
