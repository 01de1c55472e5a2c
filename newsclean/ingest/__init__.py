"""Ingest: bytes to text (:mod:`~newsclean.ingest.decode`) and HTML to article text plus
metadata (:mod:`~newsclean.ingest.html`)."""

from newsclean.ingest.decode import Decoded, decode, looks_like_html
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
