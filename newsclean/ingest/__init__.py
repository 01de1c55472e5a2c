"""Ingest: bytes to text (:mod:`~newsclean.ingest.decode`) and HTML to article text plus
metadata (:mod:`~newsclean.ingest.html`).

The HTML names are resolved lazily: importing trafilatura costs ~0.2 s, which text-only users and
the pytest plugin should not pay.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsclean.ingest.decode import Decoded, decode, looks_like_html

if TYPE_CHECKING:
    from newsclean.ingest.html import METADATA_KEYS, HtmlExtract, HtmlOptions, extract_html

__all__ = [
    "METADATA_KEYS",
    "Decoded",
    "HtmlExtract",
    "HtmlOptions",
    "decode",
    "extract_html",
    "looks_like_html",
]

_HTML_NAMES = {"METADATA_KEYS", "HtmlExtract", "HtmlOptions", "extract_html"}


def __getattr__(name: str) -> Any:
    if name in _HTML_NAMES:
        from newsclean.ingest import html

        return getattr(html, name)
    raise AttributeError(f"module 'newsclean.ingest' has no attribute {name!r}")
