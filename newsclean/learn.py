"""Learning site profiles: count each site's lines over many pages (see :mod:`newsclean.profiles` for
what is counted, the key and the thresholds).

A page is reduced to :class:`PageLines` (its site and, per distinct key, an example, a position and a
story fingerprint), and :class:`Counts` adds pages up per site. Counts of separate streams merge
associatively, so :func:`newsclean.scale.learn_profile_dask` counts each partition on its own and
combines the counts in a tree, with the same result as one pass here.
"""

from __future__ import annotations

import hashlib
import math
import signal
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newsclean.profiles import (
    DEFAULT_MIN_DISTINCT,
    DEFAULT_MIN_LETTERS,
    DEFAULT_MIN_PAGES,
    DEFAULT_MIN_SHARE,
    POSITIONS,
    LearnOptions,
    Profiles,
    Recurring,
    SiteProfile,
    letters,
    normalize,
    site_of,
)

if TYPE_CHECKING:
    from newsclean.batch import Record
    from newsclean.config import Config
    from newsclean.document import Document

__all__ = ["Counts", "PageLines", "count_records", "document_of", "learn_profile", "page_lines",
           "records_of"]


STORY_LINES = 3
"""How many of a page's longest lines tell its story apart (for ``min_distinct``)."""


def _fingerprint(key: str) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "big")


@dataclass(frozen=True, slots=True)
class PageLines:
    """One page reduced to what learning needs: its site, and per distinct key the first text,
    the position third (0, 1, 2) and the fingerprint of the page's story without that line."""

    site: str
    lines: tuple[tuple[str, str, int, int], ...]


def page_lines(doc: Document, min_letters: int = DEFAULT_MIN_LETTERS) -> PageLines | None:
    """What :class:`Counts` needs from a segmented page; ``None`` when the page has no site."""
    site = site_of(doc.url) or site_of(_hint_url(doc))
    if site is None:
        return None
    n = len(doc.blocks)
    seen: dict[str, tuple[str, int]] = {}
    for block in doc.blocks:
        key = normalize(block.text)
        if key not in seen and letters(key) >= min_letters:
            seen[key] = (block.text, (3 * block.index) // n)
    # A line's "story" is the page's STORY_LINES longest other lines: the same for copies of one
    # article, different across articles even when a long about-us paragraph is among them.
    top = sorted(seen, key=len, reverse=True)[:STORY_LINES + 1]
    story = {k: _fingerprint("\n".join([x for x in top if x != k][:STORY_LINES])) for k in top}
    rest = _fingerprint("\n".join(top[:STORY_LINES]))
    lines = tuple((key, text, third, story.get(key, rest)) for key, (text, third) in seen.items())
    return PageLines(site, lines)


def _hint_url(doc: Document) -> str | None:
    url = doc.hints.get("url")
    return url if isinstance(url, str) else None


class _Line:
    __slots__ = ("example", "pages", "positions", "stories")

    def __init__(self, example: str) -> None:
        self.example = example
        self.pages = 0
        self.positions = [0, 0, 0]
        self.stories: tuple[int, ...] = ()


class Counts:
    """Per site: pages seen and, per key, pages, positions, first example and a few story prints.

    Two ``Counts`` :meth:`merge` associatively (the first one's examples win), so counting can be
    split over partitions and combined in a tree (:func:`newsclean.scale.learn_profile_dask`) with
    the same result as one pass in input order.
    """

    def __init__(self, options: LearnOptions | None = None) -> None:
        self.options = options or LearnOptions()
        self.pages: dict[str, int] = {}
        self.lines: dict[str, dict[str, _Line]] = {}
        self.stats: dict[str, int] = {"documents": 0, "failed": 0, "without_site": 0}

    def add(self, page: PageLines | None) -> None:
        self.stats["documents"] += 1
        if page is None:
            self.stats["without_site"] += 1
            return
        self.pages[page.site] = self.pages.get(page.site, 0) + 1
        table = self.lines.setdefault(page.site, {})
        k = self.options.min_distinct
        for key, text, third, story in page.lines:
            line = table.get(key)
            if line is None:
                line = table[key] = _Line(text)
            line.pages += 1
            line.positions[third] += 1
            if story not in line.stories:  # keep the k smallest, as merge does
                line.stories = tuple(sorted((*line.stories, story))[:k])

    def failed(self) -> None:
        self.stats["documents"] += 1
        self.stats["failed"] += 1

    def merge(self, other: Counts) -> Counts:
        """Add ``other`` into this one (in place; returns ``self``)."""
        k = self.options.min_distinct
        for name, value in other.stats.items():
            self.stats[name] = self.stats.get(name, 0) + value
        for site, n in other.pages.items():
            self.pages[site] = self.pages.get(site, 0) + n
        for site, table in other.lines.items():
            mine = self.lines.setdefault(site, {})
            for key, theirs in table.items():
                line = mine.get(key)
                if line is None:
                    mine[key] = theirs
                    continue
                line.pages += theirs.pages
                line.positions = [a + b for a, b in zip(line.positions, theirs.positions, strict=True)]
                line.stories = tuple(sorted(set(line.stories) | set(theirs.stories))[:k])
        return self

    def profiles(self, allow: Sequence[str] = ()) -> Profiles:
        """The :class:`Profiles` these counts give under :attr:`options`."""
        opts = self.options
        sites = []
        for site, n in self.pages.items():
            if n < opts.min_pages:
                continue
            need = max(1, math.ceil(opts.min_share * n - 1e-9))
            found = []
            for key, line in self.lines.get(site, {}).items():
                if line.pages >= need and len(line.stories) >= min(opts.min_distinct, line.pages):
                    where = POSITIONS[max(range(3), key=lambda i: line.positions[i])]
                    found.append(Recurring(key, line.example, line.pages, line.pages / n, where))
            found.sort(key=lambda r: (-r.pages, r.key))
            sites.append(SiteProfile(site, n, tuple(found)))
        stats = dict(self.stats, sites_seen=len(self.pages))
        return Profiles(tuple(sites), tuple(allow), opts, tuple(stats.items()))


# ---- learning ------------------------------------------------------------------------------------
def document_of(data: str | bytes, url: str | None, mode: str | None = None,
                config: Config | None = None) -> Document:
    """The :class:`Document` the rules see for ``data`` (ingest and segmentation, no rules)."""
    from newsclean.api import trace
    from newsclean.config import Config
    from newsclean.pipeline import Pipeline

    cfg = config or Config()
    if mode in ("text", "html") and cfg.mode == "auto":
        cfg = cfg.but(mode=mode)
    return trace(data, url=url, pipeline=Pipeline([]), config=cfg).document


def _page_of(record: Record, options: LearnOptions, config: Config | None,
             timeout: float | None = None) -> PageLines | str | None:
    """A record's :class:`PageLines` (``None``: no site), or the error message if it failed.

    ``timeout``: the time budget of :mod:`newsclean.batch` (main thread, POSIX only)."""
    from newsclean.batch import DocumentTimeout, _time_budget

    if record.error is not None:
        return record.error
    try:
        with _time_budget(timeout):
            doc = document_of(record.data, record.url, record.mode_hint, config)
        return page_lines(doc, options.min_letters)
    except DocumentTimeout as exc:
        return f"timeout: {exc}"
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"


_WORKER: dict[str, Any] = {}


def _init_worker(options: LearnOptions, config: Config | None, timeout: float | None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    _WORKER.update(options=options, config=config, timeout=timeout)


def _work(record: Record) -> PageLines | str | None:
    return _page_of(record, _WORKER["options"], _WORKER["config"], _WORKER["timeout"])


def _tally(counts: Counts, page: PageLines | str | None) -> None:
    if isinstance(page, str):
        counts.failed()
    else:
        counts.add(page)


def count_records(records: Iterable[Record], options: LearnOptions, *, config: Config | None = None,
                  workers: int = 1, chunksize: int = 8, timeout: float | None = None) -> Counts:
    """Count the pages of ``records`` (a failed record is counted as failed, not raised).

    ``workers`` > 1 segments the pages in that many processes (the counting stays here);
    ``timeout`` is a time budget per page, in seconds (past it the page counts as failed).
    """
    counts = Counts(options)
    if workers <= 1:
        pages: Iterable[PageLines | str | None] = (_page_of(r, options, config, timeout)
                                                   for r in records)
        for page in pages:
            _tally(counts, page)
        return counts
    from newsclean.batch import pooled

    for page in pooled(records, _work, workers=workers, chunksize=chunksize,
                       initializer=_init_worker, initargs=(options, config, timeout)):
        _tally(counts, page)
    return counts


def records_of(documents: Iterable[Mapping[str, Any]], *, text_field: str = "text",
               html_field: str = "html", url_field: str = "url") -> Iterator[Record]:
    """Documents (mappings with ``url`` and ``html`` or ``text``) as batch records."""
    from newsclean.batch import record_from_mapping

    for i, doc in enumerate(documents):
        yield record_from_mapping(doc, f"#{i}", text_field=text_field, html_field=html_field,
                                  url_field=url_field)


def learn_profile(documents: Iterable[Mapping[str, Any]], *, min_pages: int = DEFAULT_MIN_PAGES,
                  min_share: float = DEFAULT_MIN_SHARE, min_letters: int = DEFAULT_MIN_LETTERS,
                  min_distinct: int = DEFAULT_MIN_DISTINCT, allow: Sequence[str] = (),
                  config: Config | None = None, text_field: str = "text", html_field: str = "html",
                  url_field: str = "url", workers: int = 1) -> Profiles:
    """Learn the recurring lines of each site from ``documents`` (mappings with a ``url`` and an
    ``html`` or ``text`` field, ``str`` or ``bytes``); see the module docstring for what counts and
    for the thresholds.

    ``allow`` is stored as the allow list for every site. Documents without a usable URL, and
    documents that fail to parse, are counted in ``Profiles.stats`` and otherwise ignored.
    ``workers`` > 1 parses the pages in that many processes.
    """
    options = LearnOptions(min_pages, min_share, min_letters, min_distinct)
    records = records_of(documents, text_field=text_field, html_field=html_field, url_field=url_field)
    return count_records(records, options, config=config, workers=workers).profiles(allow)
