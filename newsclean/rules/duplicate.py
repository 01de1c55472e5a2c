"""Blocks that repeat an earlier kept block word for word (pull quotes printed twice, a byline
shown in two layouts, a teaser repeated in the footer).

The first occurrence stays; later ones are dropped as ``duplicate``. Lines of one or two words are
left to other rules: repeated short labels are menus, not duplicates.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from newsclean.document import Document
from newsclean.kinds import Kind
from newsclean.rules.base import Context, Rule, RuleOptions, Verdict
from newsclean.rules.shapes import norm


@dataclass(frozen=True)
class DuplicateOptions(RuleOptions):
    modes: tuple[str, ...] = ("text",)
    """Text mode only: extracted HTML repeats lines on purpose (Q&A, embedded posts)."""
    min_words: int = 3
    """Shorter blocks are never treated as duplicates."""


class Duplicate(Rule):
    """Drop later word-for-word repeats of a block that is kept."""

    name = "duplicate"
    Options = DuplicateOptions
    options: DuplicateOptions

    def apply(self, doc: Document, context: Context) -> Iterator[Verdict]:
        skip = context.dropped_set()
        seen: dict[str, int] = {}
        for block in doc.blocks:
            if block.n_words < self.options.min_words:
                continue
            if block.index in skip:
                continue
            key = norm(block.text)
            if key in seen:
                yield self.drop(block, Kind.DUPLICATE, f"repeats block {seen[key]}", 0.8)
            else:
                seen[key] = block.index
