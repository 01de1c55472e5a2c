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

Must not catch either: the repeated items of parallel sections (a meal plan whose every day lists
the same breakfast, product cards that share feature bullets, one stats table per team). Such a
copy repeats a *sequence* of items in their earlier order, but only in part: new items stand right
before and right after it, and the page shows this at least twice (``template_runs``). A copy made
of prose paragraphs, a copy that runs to the end of the page, and lines printed again and again
between paragraphs (a gallery caption and its credit) are copies, not sections: they go.

A block need not repeat one earlier block to be a copy: the whole story joined into one paragraph
after it (a page's structured data printed as text), or its first sentence cut off with "..."
(a description), repeats text already read. A block of ``copy_words`` words or more whose every
run of four words (``copy_share`` of them) stands in the kept text before it, across paragraph
breaks, is dropped as such a copy. A paragraph that quotes an earlier sentence and goes on with
new words is not a copy.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from newsclean.confidence import FIRM
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
    keep_templates: bool = True
    """Keep the repeated items of parallel sections (module doc)."""
    template_runs: int = 2
    """How many partial copies of an item sequence make a page of parallel sections."""
    template_prose_words: int = 20
    """A sentence-ended block of this many words or more is prose: a copy holding one is a copy."""
    copy_words: int = 15
    """Blocks of at least this many words are checked for being a copy of the text before them."""
    copy_share: float = 0.95
    """Share of a block's four-word runs that must stand in the kept text before it to be a copy."""
    sure_repeat: float = 0.9
    """Confidence of the drop of a word-for-word repeat of prose (a sentence-ended block of
    ``template_prose_words`` or more), of a quotation (a block opening with a quotation mark) or of
    the title or standfirst: above
    ``line_scorer``'s protecting keeps (0.85), which judge a line by its shape and neighbours and
    cannot see that the story prints it twice. Other repeats (a line of code, a product's feature,
    a listing's heading: pages repeat those for a reason) and copies of the text before (a looser
    match) drop at 0.8, so a confident body score keeps them."""


class Duplicate(Rule):
    """Drop later repeats of kept text: word-for-word repeats of a block, and blocks made of text
    read before (module doc)."""

    name = "duplicate"
    Options = DuplicateOptions
    options: DuplicateOptions

    def apply(self, doc: Document, context: Context) -> Iterator[Verdict]:
        skip = context.dropped_set()
        kept = [b for b in doc.blocks if b.index not in skip]
        headings = {norm(str(t)) for key in ("title", "subtitle") for t in context.facts(key) if t}
        keys = [norm(b.text) for b in kept]
        sections = self._template_items(kept, keys) if self.options.keep_templates else set()
        tentative = skip - context.surely_removed()
        if tentative:
            items = {keys[i] for i in sections}
            yield from self._tentative_copies(doc, kept, tentative, items)
        seen: dict[str, _Seen] = {}
        read = _ReadText()
        for i, block in enumerate(kept):
            if block.n_words < self.options.min_words or i in sections:
                read.add(block)
                continue
            key = keys[i]
            earlier = seen.get(key)
            if earlier is None:
                seen[key] = _Seen(block.index, i)
                if (block.n_words >= self.options.copy_words
                        and read.covered(block, self.options.copy_share) >= self.options.copy_share):
                    yield self.drop(block, Kind.DUPLICATE, "repeats the text before it", FIRM)
            elif key not in headings and self._new_prompt(kept, i, earlier):
                pass  # a label of the article's structure: it stays, its follower is remembered
            else:
                sure = key in headings or _QUOTE.match(block.text.lstrip()) is not None or (
                    block.ends_sentence and block.n_words >= self.options.template_prose_words)
                yield self.drop(block, Kind.DUPLICATE, f"repeats block {earlier.first}",
                                self.options.sure_repeat if sure else 0.8)
            read.add(block)

    def _tentative_copies(self, doc: Document, kept: list[Block], tentative: set[int],
                          items: set[str]) -> Iterator[Verdict]:
        """Copies among the blocks an earlier rule dropped only tentatively (the resolver may keep
        them inside the article core): only the check against the kept text before them, which
        stays whatever becomes of the copy. The items of parallel sections (``items``, normalised)
        are no copies here either."""
        o = self.options
        read = _ReadText()
        k = 0
        for block in doc.blocks:
            while k < len(kept) and kept[k].index < block.index:
                read.add(kept[k])
                k += 1
            if (block.index in tentative and block.n_words >= o.copy_words
                    and read.covered(block, o.copy_share) >= o.copy_share
                    and norm(block.text) not in items):
                yield self.drop(block, Kind.DUPLICATE, "repeats the text before it", FIRM)

    def _template_items(self, kept: list[Block], keys: list[str]) -> set[int]:
        """Positions (in *kept*) of the repeated items of parallel sections (module doc).

        A run is a maximal stretch of repeats; it is a partial copy when two of its neighbours
        repeat in the order of an earlier occurrence, new blocks frame it on both sides, and
        neither it nor its frame holds prose (a section is made of items; a caption and its credit
        printed again between paragraphs are framed by prose). Linear: each block looks up its
        key's previous position once."""
        last: dict[str, int] = {}
        previous = [-1] * len(keys)
        for i, key in enumerate(keys):
            previous[i] = last.get(key, -1)
            last[key] = i
        runs: list[range] = []
        i = 0
        while i < len(keys):
            if previous[i] < 0:
                i += 1
                continue
            j = i
            while j + 1 < len(keys) and previous[j + 1] >= 0:
                j += 1
            if (i > 0 and j + 1 < len(keys) and self._in_order(keys, previous, i, j)
                    and not any(self._is_prose(kept[k]) for k in range(i - 1, j + 2))):
                runs.append(range(i, j + 1))
            i = j + 1
        if len(runs) < self.options.template_runs:
            return set()
        return {k for run in runs for k in run}

    @staticmethod
    def _in_order(keys: list[str], previous: list[int], i: int, j: int) -> bool:
        """Whether two neighbouring repeats in ``i..j`` stood side by side before as well."""
        for k in range(i, j):
            p = previous[k]
            if p + 1 < len(keys) and keys[p + 1] == keys[k + 1] and keys[k] != keys[k + 1]:
                return True
        return False

    def _is_prose(self, block: Block) -> bool:
        return block.ends_sentence and block.n_words >= self.options.template_prose_words

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


class _ReadText:
    """The kept text read so far, for :meth:`covered`.

    Most blocks hold words never read before, which a set of words tells at once; the four-word
    runs across paragraph breaks are built only when a block passes that test, and then only for
    the text added since the last time (tuples made by ``zip``, in C)."""

    def __init__(self) -> None:
        self.words: set[str] = set()
        self.blocks: list[list[str]] = []
        self.runs: set[tuple[str, ...]] = set()
        self.built = 0
        self.tail: list[str] = []

    def add(self, block: Block) -> None:
        words = block.lower_words
        self.words.update(words)
        self.blocks.append(words)

    def covered(self, block: Block, least: float) -> float:
        """Share of the block's own four-word runs already read; 0 when it cannot reach ``least``
        (each word never read leaves at least one run unread: most blocks stop there)."""
        words = block.lower_words
        total = len(words) - 3
        if total <= 0:
            return 0.0
        unread = len(words) - sum(map(self.words.__contains__, words))
        if unread > (1.0 - least) * total:
            return 0.0
        for read in self.blocks[self.built:]:
            joined = self.tail + read
            self.runs.update(zip(joined, joined[1:], joined[2:], joined[3:], strict=False))
            self.tail = joined[-3:]
        self.built = len(self.blocks)
        own = zip(words, words[1:], words[2:], words[3:], strict=False)
        return sum(map(self.runs.__contains__, own)) / total
