"""The rows of a data table: keep them.

Extractors write a ``<table>`` as one line per row with its cells between ``|`` (``| HD | Home Depot
| 225.86 |``, or ``Home Size | Crew Size | Estimated Cost`` over ``Studio | 1-2 | $400``). Each row
alone looks like chrome to everything that reads one line: short, no verb, no sentence end, many
separators, like a menu (``News | Sport | Weather``) or a ticker strip. Rows of one shape one under
the other, with a figure, a check mark or a grade somewhere
(:func:`~newsclean.rules.shapes.table_rows`), are the page's data, and the clean bodies of both dev
corpora lose them to exactly those readings: a comparison table of a review, the price table of a
guide, a chart of encodings.

The rule only keeps: each row gets a keep verdict strong enough to stand against the line scorer's
drops; it does not keep a row an earlier rule removed for sure (a copyright line under a table).

Must not catch: one pipe menu line, or two lines of a footer menu (no figure in either); a ticker
strip (one line); lines with fewer than three cells.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from newsclean.confidence import SURE
from newsclean.document import Document
from newsclean.rules.base import Context, Rule, RuleOptions, Verdict
from newsclean.rules.shapes import table_rows


@dataclass(frozen=True)
class TableOptions(RuleOptions):
    confidence: float = SURE
    """Of the keep verdicts: above the line scorer's usual drops of a short, separator-laden line."""


class Table(Rule):
    """Keep the rows of a data table written as ``|``-separated cells."""

    name = "table"
    Options = TableOptions
    options: TableOptions

    def apply(self, doc: Document, context: Context) -> Iterator[Verdict]:
        rows = table_rows(doc)
        if not rows:
            return
        for i in sorted(rows - context.surely_removed()):
            yield self.keep(doc.blocks[i], "row of a data table (rows of one shape, with figures)",
                            self.options.confidence)
