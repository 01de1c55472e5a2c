"""The page's metadata (the keys of :data:`METADATA_KEYS`) read from its parsed tree.

What the page declares about itself: meta tags and JSON-LD (trafilatura's ``extract_metadata``, or
only its steps that read declarations), htmldate's date, the authors of
:mod:`newsclean.ingest.authors`; each value then goes through :mod:`newsclean.ingest.metadata_clean`.
Apart from the text extraction because it is a pass of its own: on the pristine tree before
trafilatura prunes its copy, under a time limit of its own, and skipped with
``HtmlOptions(metadata=False)``.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime, timezone
from typing import Any

from courlan import extract_domain
from htmldate import find_date
from lxml.html import HtmlElement
from trafilatura import metadata as _tm
from trafilatura.metadata import extract_metadata
from trafilatura.settings import set_date_params

from newsclean.ingest.authors import names_in, page_authors
from newsclean.ingest.metadata_clean import clean_date, clean_title, hostname_keys, split_list

__all__ = ["METADATA_KEYS", "empty_metadata", "page_metadata"]

LOGGER = logging.getLogger(__name__)

METADATA_KEYS = (
    "title", "author", "date", "sitename", "description", "categories", "tags", "language",
    "url", "hostname", "image",
)
"""The keys of :attr:`newsclean.ingest.html.HtmlExtract.metadata`, always all present (``None`` or
``[]`` if unknown)."""


def empty_metadata(url: str | None = None) -> dict[str, Any]:
    meta: dict[str, Any] = dict.fromkeys(METADATA_KEYS)
    meta.update(author=[], categories=[], tags=[], url=url)
    return meta


_PUBLISHED_KEYS = frozenset(
    {
        "article:published_time", "og:published_time", "article:published", "datepublished",
        "pubdate", "publishdate", "publish-date", "publish_date", "date", "dc.date",
        "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date",
        "cxenseparse:recs:publishtime",
    }
)
_JSONLD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')


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
                                  hosts=tuple(sorted(hostname_keys(hostname))))
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


def page_metadata(
    tree: HtmlElement, url: str | None, warnings: list[str], *, thorough: bool,
    extensive_date_search: bool,
) -> tuple[dict[str, Any], bool]:
    """The metadata of :data:`METADATA_KEYS`, and whether its authors are the page's declaration."""
    for meta in tree.iterfind(".//meta"):
        content = meta.get("content")
        if content is not None and len(content) > _MAX_META_CHARS:
            meta.set("content", content[:_MAX_META_CHARS])
    if thorough:
        doc = extract_metadata(tree, default_url=url, extensive=extensive_date_search)
    else:
        doc = _declared_metadata(tree, url, extensive_date_search)
    meta = empty_metadata(doc.url or url)
    names = _site_names(tree, doc.sitename)
    meta["hostname"] = doc.hostname
    meta["sitename"] = doc.sitename
    meta["description"] = doc.description
    meta["title"] = clean_title(doc.title, names, doc.hostname)
    meta["author"], declared = _authors(tree, names, doc.hostname)
    now = datetime.now(timezone.utc)
    meta["date"] = clean_date(doc.date, _declared_dates(tree), now, warnings)
    meta["categories"] = split_list(doc.categories)
    meta["tags"] = split_list(doc.tags)
    meta["language"] = _language(tree)
    meta["image"] = doc.image if isinstance(doc.image, str) and doc.image.strip() else None
    return meta, declared
