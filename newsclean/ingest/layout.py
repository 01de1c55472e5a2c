"""Whether an extraction is a page's layout table written out row by row: the whole page, not its
article.

Pages of old templates put everything in one ``<table>``: a header row with the menu, a row whose
cells hold a column of section links, the story and a column of boxes, a footer row. An extractor
that takes such a table for data (trafilatura writes each row as ``| cell | cell |``) returns the
whole page in a few dozen rows, and a cell may join a column of forty menu links and the story's
paragraphs into one line that no line-by-line cleaner can split. The page's own text
(:func:`newsclean.ingest.html_text.page_text`: one block, a ``<br>``-separated line or a paragraph,
per line) has the same words, one block a line, and text mode can tell the story's lines from the
rest.

Such an extraction is recognised by its shape alone: nearly all of it is table rows, it has a few
rows, one row at least holds paragraphs (a data table's cells hold values, not 500 characters), and
it holds most of the page's text. A real data table inside an article (a results table, a price
list) is a small share of the extraction and has short rows.
"""

from __future__ import annotations

__all__ = ["LAYOUT_COVER", "LAYOUT_LONG_ROW", "LAYOUT_ROWS", "LAYOUT_SHARE", "holds_page",
           "is_layout_dump"]

LAYOUT_SHARE = 0.95
"""At least this share of the extraction's characters is in table rows."""
LAYOUT_ROWS = 3
"""At least this many rows (a header, the story's row, a footer)."""
LAYOUT_LONG_ROW = 500
"""At least one row this long (characters): a cell that holds paragraphs, not a value."""
LAYOUT_COVER = 0.6
"""The extraction holds at least this share of the page's own text (in characters). 0.8 at first
(session 30); three old-template articles written blind in session 31 (de, it, pl) held 0.73-0.79,
trafilatura having pruned their menus and footers, and the dev corpora's row-shaped extractions below
0.8 are a documentation page at 0.68 (cleaned far better from its whole text: 0.79 -> 0.98), a
product page at 0.62 (unchanged: its markup and lines both say product) and a forum at 0.39."""


def is_layout_dump(extraction: str, page_chars: int | None = None) -> bool:
    """Whether ``extraction`` (one block a line, table rows as ``| a | b |``) is a layout table
    written out row by row (module doc). ``page_chars``, the length of the page's own text, adds
    the condition that the extraction holds most of it; ``None`` skips that check (the caller
    has not read the page's text yet).

    >>> is_layout_dump("| Home | News |\\n" * 12 + "| " + "A story sentence. " * 40 + "|")
    True
    >>> is_layout_dump("A paragraph.\\n| Team | Points |\\n| Reds | 12 |")
    False
    """
    if "|" not in extraction:  # most pages: no table row at all
        return False
    rows = 0
    row_chars = 0
    longest = 0
    for line in extraction.split("\n"):
        if line.startswith("|"):
            rows += 1
            row_chars += len(line)
            longest = max(longest, len(line))
    total = len(extraction) - extraction.count("\n")
    if rows < LAYOUT_ROWS or longest < LAYOUT_LONG_ROW or row_chars < LAYOUT_SHARE * total:
        return False
    return page_chars is None or holds_page(extraction, page_chars)


def holds_page(extraction: str, page_chars: int) -> bool:
    """Whether ``extraction`` holds most of a page whose own text is ``page_chars`` long: the
    second half of :func:`is_layout_dump`, for a caller that has checked the rows' shape already."""
    return len(extraction) >= LAYOUT_COVER * page_chars
