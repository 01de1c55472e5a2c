"""Blocks that repeat an earlier kept block word for word (pull quotes printed twice, a byline
shown in two layouts, a teaser repeated in the footer).

The first occurrence stays; later ones are dropped as ``duplicate``. Lines of one or two words are
left to other rules: repeated short labels are menus, not duplicates.

Must not catch: a question, a lead-in or another short line that recurs with new content after it
each time (the same questions put to each guest of an interview series, "Here's the thing:" before
each point, "Exclusive recipe for a quick dinner." above each guest's recipe, "Also at Walmart"
under each product). Such a line is a label of the article's own structure; it goes only when what
follows it repeats as well, as in a block printed twice. A short line with quotation marks is a
pull quote, not a label, and the article's title or standfirst repeated is a teaser of the article
itself: their second copies go.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from newsclean.document import Block, Document
from newsclean.kinds import Kind
from newsclean.rules.base import Context, Rule, RuleOptions, Verdict
from newsclean.rules.shapes import norm

_PROMPT_ENDS = ("?", ":", "？", "：", "¿")
_QUOTE = regex.compile(r'["“”„«»「」]')
"""A pull quote repeats a quotation; labels carry no quotation marks."""


@dataclass(frozen=True)
class DuplicateOptions(RuleOptions):
    modes: tuple[str, ...] = ("text",)
    """Text mode only: extracted HTML repeats lines on purpose (Q&A, embedded posts)."""
    min_words: int = 3
    """Shorter blocks are never treated as duplicates."""
    keep_prompts: bool = True
    """Keep a repeated question, lead-in (``?``, ``:``) or short line when the block after it is new."""
    prompt_words: int = 12
    """A repeated line of at most this many words counts as a label, whatever its ending."""


class Duplicate(Rule):
    """Drop later word-for-word repeats of a block that is kept."""

    name = "duplicate"
    Options = DuplicateOptions
    options: DuplicateOptions

    def apply(self, doc: Document, context: Context) -> Iterator[Verdict]:
        skip = context.dropped_set()
        kept = [b for b in doc.blocks if b.index not in skip]
        headings = {norm(str(t)) for key in ("title", "subtitle") for t in context.facts(key) if t}
        seen: dict[str, _Seen] = {}
        for i, block in enumerate(kept):
            if block.n_words < self.options.min_words:
                continue
            key = norm(block.text)
            earlier = seen.get(key)
            if earlier is None:
                seen[key] = _Seen(block.index, i)
            elif key not in headings and self._new_prompt(kept, i, earlier):
                pass  # a label of the article's structure: it stays, its follower is remembered
            else:
                yield self.drop(block, Kind.DUPLICATE, f"repeats block {earlier.first}", 0.8)

    def _new_prompt(self, kept: list[Block], i: int, earlier: _Seen) -> bool:
        """A recurring question, lead-in or short label with something new after it (module doc).

        Records the new follower, so a label repeated n times costs n set lookups, not n squared
        comparisons."""
        block = kept[i]
        if not self.options.keep_prompts:
            return False
        if not block.text.rstrip().endswith(_PROMPT_ENDS) and (
                block.n_words > self.options.prompt_words or _QUOTE.search(block.text)):
            return False  # a long block or a quotation printed again is a copy, not a label
        if i + 1 >= len(kept):
            return False
        if earlier.followers is None:  # computed on the first repeat only
            j = earlier.position + 1
            earlier.followers = {norm(kept[j].text)} if j < len(kept) else set()
        after = norm(kept[i + 1].text)
        if after in earlier.followers:
            return False
        earlier.followers.add(after)
        return True


@dataclass
class _Seen:
    """A line met before: its first block, its position among the kept blocks, and the normalised
    blocks that followed its kept occurrences (filled on its first repeat)."""

    first: int
    position: int
    followers: set[str] | None = None
