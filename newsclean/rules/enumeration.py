"""The article's own list, right under a sentence that introduces it with a colon: items numbered
``1)``, ``2)``, ``3)``..., or lines that all start with the same bullet (``- ``, ``• ``, ``* ``), or
lines that all start with a day (tour dates, a schedule: ``June 9 -- Coral Sky Amphitheatre``).

A listicle or a deals post is mostly its list: product names, titles, short lines with a shop link
under each; a tour announcement ends in its dates. Shape alone makes those lines look like a menu or
a list of other stories, so the line scorer and ``headline_list`` take them for chrome, and on
full-page text the article shrinks to its intro. What marks them as the article's is how they start:
a sentence of the story ending in a colon ("Here are the best offers not to miss on Amazon:", "The
band's 2020 tour dates:"), then items of one shape. Lists of other stories ("Most Read",
"Trending") open under a short label, not a sentence.

The rule only keeps: the introducing sentence, the items and the bare links between them get a
keep verdict strong enough to stand against the line scorer's and ``headline_list``'s drops. It
removes nothing, and it does not keep an item an earlier rule removed for sure (a call to action
inside the list stays removed).

Must not catch: a "Most Read" or "Popular" top list (its label is no sentence, even when it runs to
eight words: ``Les articles les plus lus ce mois-ci :``); numbered lines
that do not start at 1 or skip numbers; bullets of mixed markers; a list whose introducing sentence
an earlier rule dropped.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from newsclean.confidence import ABSOLUTE
from newsclean.document import Block, Document
from newsclean.rules.base import Context, Rule, RuleOptions, Verdict
from newsclean.rules.labels import is_list_label
from newsclean.rules.shapes import (
    BULLET_ITEM,
    DATE_START,
    NUMBERED_ITEM,
    is_link,
    is_separator,
    item_number,
)

_LEAD_IN_END = (":", "：")


@dataclass(frozen=True)
class EnumerationOptions(RuleOptions):
    modes: tuple[str, ...] = ("text",)
    """Text mode only: the HTML extractor keeps list items under their paragraph already."""
    min_items: int = 3
    """A list has at least this many items (numbered 1, 2, 3...; or of one bullet; or dated)."""
    max_gap: int = 2
    """At most this many lines (a shop link, a separator) between two items."""
    lead_in_words: int = 8
    """The introducing line has at least this many words: a sentence, not a label."""
    confidence: float = ABSOLUTE
    """Of the keep verdicts: above the line scorer's drops of short, link-like lines."""


class Enumeration(Rule):
    """Keep a numbered list that a sentence of the article introduces with a colon."""

    name = "enumeration"
    Options = EnumerationOptions
    options: EnumerationOptions

    def apply(self, doc: Document, context: Context) -> Iterator[Verdict]:
        o = self.options
        skip = context.surely_removed()
        blocks = doc.blocks
        i = 0
        while i < len(blocks):
            shape = _shape(blocks[i])
            lead = None
            if shape is not None and (shape[0] != "numbered" or _number(blocks[i]) == 1):
                lead = self._lead_in(doc, i, skip)
            if shape is None or lead is None:
                i += 1
                continue
            items, between = self._items(blocks, i, shape)
            if len(items) < o.min_items:
                i += 1
                continue
            what = f"{_SHAPE_NAMES[shape[0]]} list of {len(items)}"
            yield self.keep(lead, f"introduces a {what}", o.confidence)
            reason = f"item of a {what} introduced by the article"
            for b in sorted(items + between, key=lambda b: b.index):
                if b.index not in skip:
                    yield self.keep(b, reason, o.confidence)
            i = items[-1].index + 1

    def _lead_in(self, doc: Document, first: int, skip: set[int]) -> Block | None:
        """The line above the first item (past blank and link lines), if it is a sentence ending in
        a colon that no earlier rule removed for sure, and no list label of the news boxes
        (``Les articles les plus lus ce mois-ci :``)."""
        j = first - 1
        while j >= 0 and (doc.blocks[j].n_words == 0 or is_link(doc.blocks[j])):
            j -= 1
        if j < 0 or j in skip:
            return None
        lead = doc.blocks[j]
        if (lead.n_words >= self.options.lead_in_words and lead.text.rstrip().endswith(_LEAD_IN_END)
                and not is_list_label(lead.text)):
            return lead
        return None

    def _items(self, blocks: list[Block] | tuple[Block, ...], first: int, shape: tuple[str, str]
               ) -> tuple[list[Block], list[Block]]:
        """Items of ``shape`` from ``first`` (numbered ones in order: 1, 2, 3...), the links and
        separators between them, and the links right under the last one."""
        items = [blocks[first]]
        between: list[Block] = []
        pending: list[Block] = []
        for b in blocks[first + 1:]:
            if _shape(b) == shape and (shape[0] != "numbered" or _number(b) == len(items) + 1):
                items.append(b)
                between += [p for p in pending if is_link(p) or is_separator(p)]
                pending = []
            elif len(pending) < self.options.max_gap:
                pending.append(b)
            else:
                break
        for p in pending:  # the last item's own link
            if not is_link(p):
                break
            between.append(p)
        return items, between


_SHAPE_NAMES = {"numbered": "numbered", "bullet": "bulleted", "dated": "dated"}


_CAN_START: dict[str, bool] = {}
"""Per first character of a line: can a numbered, bulleted or dated item start with it?"""


def _may_be_item(text: str) -> bool:
    """False when no item pattern can match ``text``, read from its first character alone.

    The patterns are anchored at the start, so a line opening with, say, ``T`` or ``"`` never
    matches; most lines are refused by one dict lookup instead of three regex calls. A partial
    match of the one character says whether a match could begin with it."""
    c = text[:1]
    can = _CAN_START.get(c)
    if can is None:
        can = any(p.match(c, partial=True) is not None
                  for p in (NUMBERED_ITEM, BULLET_ITEM, DATE_START))
        if len(_CAN_START) < 4096:
            _CAN_START[c] = can
    return can


def _shape(block: Block) -> tuple[str, str] | None:
    """The kind of list item a line is: ``("numbered", "")``, ``("bullet", marker)``,
    ``("dated", "")``, or ``None``."""
    text = block.text
    if not _may_be_item(text):
        return None
    if NUMBERED_ITEM.match(text):
        return ("numbered", "")
    if BULLET_ITEM.match(text):
        return ("bullet", text.lstrip()[0])
    if DATE_START.match(text):
        return ("dated", "")
    return None


def _number(block: Block) -> int | None:
    return item_number(block.text)
