"""Merge what the HTML extractor found (title, author, date, site name ...) into the Article.

Facts the text rules found from the body win where they are more specific (a dateline, a source
prefix); the extractor's page-level metadata fills every field the rules left empty, and its
authors replace a byline read from the text when the page declares them. The extractor's
values were already sanity-checked in :mod:`newsclean.ingest.metadata_clean` (junk authors, future dates,
site names glued to titles).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from newsclean.article import Article


def _str(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _list(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    return []


def apply_hints(article: Article, hints: Mapping[str, Any], *,
                declared_authors: bool = False) -> None:
    """Fill ``article``'s empty fields from the extractor's metadata ``hints`` (in place).

    ``declared_authors``: the hints' authors are the page's own declaration (JSON-LD, meta tags,
    author markup) and replace the authors a rule read from a byline in the text: where the two
    differed on wcxb-dev articles, the text's was a job title or a heading ("Product Analytics
    Expert", "Best Overall") or carried a link's label ("A. J. Neal View In Digital Edition").
    """
    meta = article.metadata
    if declared_authors and _list(hints.get("author")):
        meta.authors = _list(hints.get("author"))
    if article.title is None:
        article.title = _str(hints.get("title"))
    if article.subtitle is None and hints.get("subtitle"):
        article.subtitle = _str(hints.get("subtitle"))
    if not meta.authors:
        meta.authors = _list(hints.get("author"))
    if meta.published is None:
        meta.published = _str(hints.get("date"))
    if meta.source is None:
        meta.source = _str(hints.get("sitename"))
    if meta.description is None:
        meta.description = _str(hints.get("description"))
    if not meta.categories:
        meta.categories = _list(hints.get("categories"))
    if not meta.tags:
        meta.tags = _list(hints.get("tags"))
    if meta.image is None:
        meta.image = _str(hints.get("image"))
    if meta.hostname is None:
        meta.hostname = _str(hints.get("hostname"))
    if meta.section is None and meta.categories:
        meta.section = meta.categories[0]
    if hints.get("language") and not meta.language:
        meta.language = _str(hints.get("language"))
    if meta.url is None:
        meta.url = _str(hints.get("url"))
