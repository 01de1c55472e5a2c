"""Teasers of other stories that the extractor leaves in the text: a run of headline-shaped lines
under a "You may also like" / "Don't miss" label, a run of headlines tagged ``[Video]``,
``[PICS]``, ``[INSIGHT]``, and a bulleted list of headlines that ends the page.

``headline_list`` judges a run by how few words it shares with the story; that fails on related
stories, which share the story's words by design, and it is text-only because on extracted HTML it
also ate product lists and subheads. This rule asks for structure instead, one of:

* **label**: a line an earlier rule dropped as a related-content or read-more *label* (a whole-line
  phrase match of ``site_chrome``: ``You may also like...``, ``DON'T MISS``, ``Lesen Sie auch``)
  followed by two or more teaser-shaped lines; the run ends at the first line that is not one;
* **tags**: two or more consecutive teaser-shaped lines ending in a bracketed tag of one or two
  words (``... Review [Video]``, ``... outbreak [NEWS]``);
* **tail list**: the document ends (nothing after it but lines earlier rules dropped) in a run of
  three or more ``- `` list items of four words or more, not introduced by a line ending in ``:``.

A teaser-shaped line has 3 to ``max_words`` words, is one headline (no full stop at the end; a
``- `` list item may add a one-sentence summary), and does not end in ``:``.

Must not catch: a list inside the story or introduced by it ("What you need:"); a single subhead
after a "Read more" link; one ``[Video]`` line; a list of short items (ingredients, product
specifications: fewer than four words); a bulleted list followed by more story; body paragraphs
after a label, even one-sentence ones ("Thunder: Host the Lakers on Friday." under "UP NEXT").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from newsclean import phrases
from newsclean.document import Block, Document
from newsclean.kinds import Kind
from newsclean.rules.base import Context, Rule, RuleOptions, Verdict

_TAG = regex.compile(r"\[\p{L}[\p{L}']*(?: \p{L}[\p{L}']*)?\]\s*$")
_ITEM = regex.compile(r"^\s*[-–•·*]\s+\S")
_LABEL_CATEGORIES = frozenset({"related", "read_more"})


@dataclass(frozen=True)
class TeasersOptions(RuleOptions):
    max_words: int = 30
    """Teaser lines have at most this many words (headline plus a short summary)."""
    max_run: int = 12
    """At most this many lines follow a label."""
    min_tail_items: int = 3
    """A list that ends the page needs this many items."""
    min_item_words: int = 4
    """...of at least this many words each."""


class Teasers(Rule):
    """Drop teasers of other stories: runs under a related-content label, tagged headlines, and a
    bulleted list of headlines that ends the page."""

    name = "teasers"
    Options = TeasersOptions
    options: TeasersOptions

    def _teaser(self, block: Block, *, item: bool = False) -> bool:
        text = block.text.rstrip()
        if not 3 <= block.n_words <= self.options.max_words or text.endswith(":"):
            return False
        if not item and text.endswith(".") and not text.endswith("..."):
            return False  # a headline has no full stop; a one-sentence paragraph has
        return block.n_sentences <= (2 if item else 1) and block.n_chars <= 220

    def apply(self, doc: Document, context: Context) -> Iterator[Verdict]:
        dropped = context.dropped_set()
        found: dict[int, str] = {}
        self._after_labels(doc, context, dropped, found)
        self._tagged(doc, dropped, found)
        self._tail_list(doc, dropped, found)
        for index, reason in sorted(found.items()):
            yield self.drop(doc.blocks[index], Kind.HEADLINE_LIST, reason, 0.85)

    def _after_labels(self, doc: Document, context: Context, dropped: set[int],
                      found: dict[int, str]) -> None:
        chrome = {v.block for v in context.verdicts if v.rule == "site_chrome"}
        for i in sorted(chrome):
            label = doc.blocks[i]
            if label.n_words > 6:
                continue
            hit = phrases.match(label.text, doc.language)
            if hit is None or hit.category not in _LABEL_CATEGORIES or hit.mode not in ("line", "row"):
                continue
            run: list[int] = []
            for block in doc.blocks[i + 1:i + 1 + self.options.max_run]:
                if block.index in dropped:
                    if run:
                        break
                    continue
                if not self._teaser(block, item=bool(_ITEM.match(block.text))):
                    break
                run.append(block.index)
            if len(run) >= 2:
                reason = f"{len(run)} teaser headlines under the label {label.text.strip()!r}"
                for j in run:
                    found.setdefault(j, reason)

    def _tagged(self, doc: Document, dropped: set[int], found: dict[int, str]) -> None:
        run: list[int] = []
        for block in [*doc.blocks, None]:
            if block is not None and block.index in dropped:
                continue
            if block is not None and _TAG.search(block.text) and self._teaser(block):
                run.append(block.index)
                continue
            if len(run) >= 2:
                for j in run:
                    found.setdefault(j, f"run of {len(run)} headlines ending in a [tag]")
            run = []

    def _tail_list(self, doc: Document, dropped: set[int], found: dict[int, str]) -> None:
        o = self.options
        end = len(doc.blocks)
        while end > 0 and doc.blocks[end - 1].index in dropped:
            end -= 1
        start = end
        while start > 0 and _ITEM.match(doc.blocks[start - 1].text):
            start -= 1
        items = doc.blocks[start:end]
        kept = [b for b in items if b.index not in dropped]
        if len(items) < o.min_tail_items or len(kept) < 2:
            return
        if start > 0 and doc.blocks[start - 1].text.rstrip().endswith(":"):
            return
        if not all(b.n_words >= o.min_item_words and self._teaser(b, item=True) for b in kept):
            return
        reason = f"list of {len(items)} headlines ending the page"
        for b in kept:
            found.setdefault(b.index, reason)
