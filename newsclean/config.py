"""One immutable configuration object for a cleaning call (instead of a dozen keyword flags)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Literal

Mode = Literal["auto", "text", "html"]

DEFAULT_MAX_CHARS = 5_000_000
"""Documents longer than this (after decoding) are cut to it, with a warning."""


@dataclass(frozen=True, slots=True)
class Config:
    """How :func:`newsclean.clean` treats its input.

    ``mode``: ``"auto"`` sniffs HTML, ``"text"``/``"html"`` force one. ``max_chars``: longer input is
    cut, with a warning, so one pathological record cannot stall a batch. ``html_fallback``: when
    the HTML extractor finds no article, or returns the page's layout table row by row (menus and
    boxes in the story's rows, :mod:`newsclean.ingest.layout`), fall back to the page's whole text
    run through the text rules. ``join_wrapped``: rejoin hard-wrapped lines into
    paragraphs. ``html_timeout``: seconds for the HTML extractor (metadata and trafilatura); past
    it the page's whole text goes through the text rules instead, with a warning (``None``: no
    limit; enforced in the main thread on POSIX).
    ``page_type``: HTML mode detects the kind of page (:mod:`newsclean.pagetype`) and, on anything
    but an article, keeps the extractor's text without removals; text mode reads it from the shape
    of the lines (the ``page_type`` rule) and, on anything but an article, keeps dated feeds (on a
    forum thread, the posts); a value here (``"article"``, ``"forum"`` ...) replaces the detection
    in both modes, e.g. ``"article"`` to run every rule on every page. ``page_prose``: HTML mode, on a
    forum, listing, service or documentation page, adds the prose paragraphs that text mode finds
    in the page's whole text and the extractor left out (:mod:`newsclean.recall`), with a warning
    that counts them; on any other page (an article, a product or collection page), puts back the
    prose lines of the page that lie between two lines of the extraction, before the text rules
    judge them (also counted in a warning).
    """

    mode: Mode = "auto"
    max_chars: int = DEFAULT_MAX_CHARS
    html_fallback: bool = True
    join_wrapped: bool = True
    favor_precision: bool = False
    favor_recall: bool = False
    html_timeout: float | None = 20.0
    page_type: str | None = None
    page_prose: bool = True

    def __post_init__(self) -> None:
        if self.mode not in ("auto", "text", "html"):
            raise ValueError(f"mode must be 'auto', 'text' or 'html', not {self.mode!r}")
        if self.max_chars <= 0:
            raise ValueError("max_chars must be positive")
        if self.html_timeout is not None and self.html_timeout <= 0:
            raise ValueError("html_timeout must be positive or None")
        if self.page_type is not None:
            from newsclean.pagetype import PageType

            known = [t.value for t in PageType]
            if self.page_type not in known:
                raise ValueError(f"page_type must be None or one of {known}, "
                                 f"not {self.page_type!r}")

    def but(self, **changes: Any) -> Config:
        """A copy with ``changes`` applied (``Config().but(mode="html")``)."""
        return replace(self, **changes)
