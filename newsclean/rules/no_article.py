"""A page with no article at all: when nothing left on it reads like prose, nothing is body.

The other rules recognise chrome by its shape or its phrases and compare doubtful lines with the
article's core (``headline_list`` keeps a list of headlines that shares words with the story). On a
page that has no story (an index page, a section front, an error page, a consent wall) there is no
core to compare with, and what no phrase list names survives: lists of other stories' headlines,
menus whose separators were spaces, tickers. This rule runs last and looks at what the earlier
rules left: if not one of those blocks is prose (a sentence of at least ``min_sentence_units``
words, or a run of at least ``min_paragraph_units`` words with or without end punctuation), every
one of them is dropped as ``site_chrome`` with the reason ``no article on the page``, and the
caller gets an empty body with the warning ``no body: every block was removed``.

Length is counted in script-neutral units: in Chinese, Japanese, Thai, Lao, Khmer and Burmese,
written without spaces between words, :data:`CHARS_PER_UNIT` characters count as one word, so a
one-sentence Chinese brief is prose too.

Must not catch: a short genuine article (one sentence of three words with an end mark is enough), a
story in a script without spaces or without end marks (Thai), a single headline or caption given
alone (a document of one line is dropped only when it is a menu or a ticker: :meth:`is_item_list`).
Catches on purpose: a page whose only text has no end mark at all and fewer than
``min_paragraph_units`` words (a lone quote that lost its full stop), as having no article.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from newsclean.confidence import ABSOLUTE
from newsclean.document import Block, Document
from newsclean.kinds import Action, Kind
from newsclean.rules.base import Context, Rule, RuleOptions, Verdict

CHARS_PER_UNIT = 1.5
"""In scripts written without spaces, this many characters count as one word."""
_SPACELESS = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]")
_OTHER_END = regex.compile(r"[\u0f0d\uff0e][\"'”’»)\]]*\s*$")
"""Sentence ends :attr:`Block.ends_sentence` does not know: the Tibetan and the full-width full
stop (the danda, the Arabic question mark, the Urdu, Armenian, Ethiopic, Burmese and ideographic
full stops it knows since session 21)."""
_ITEM_SEPARATOR = regex.compile(
    r"[ \t\u00a0\u2000-\u200a\u202f\u3000]{3,}|(?<!\s)\s+(?:\||•|·|»|›|>|/|\+\+\+)\s+")
"""What separates the items of a menu or a ticker written on one line (in :attr:`Block.raw`, before
whitespace is collapsed). The lookbehind before ``\\s+``: a run of whitespace is tried once, from
its start, so the pattern stays linear on the unrepaired text."""
_NO_END_PUNCTUATION = regex.compile(r"[\p{Thai}\p{Lao}\p{Khmer}]")
"""Scripts whose sentences end with a space, not a mark: a long enough line counts as a sentence."""


@dataclass(frozen=True)
class NoArticleOptions(RuleOptions):
    min_sentence_units: int = 3
    """A block ending like a sentence with at least this many words is prose."""
    min_paragraph_units: int = 40
    """A block of at least this many words is prose even without end punctuation."""
    min_blocks: int = 2
    """A document of fewer blocks with words is dropped only when it is a list of items
    (:meth:`is_item_list`): a single line given alone (a headline, a caption) is what the caller
    asked to clean, not a page around a missing article."""
    min_items: int = 3
    max_item_words: int = 6
    """A line split by menu separators (three spaces, ``|``, ``•``, ``»``, ``>`` ...) into at least
    ``min_items`` items of at most ``max_item_words`` words each is a menu or a ticker."""
    sure: float | None = None
    """Blocks an earlier rule removed with at least this confidence (and no stronger keep) are not
    looked at (``None``: the pipeline's ``core_protection``, as :meth:`Context.surely_removed`)."""
    confidence: float = ABSOLUTE
    """Confidence of the drops: above ``line_scorer``'s keeps (0.85, or the confidence of the drop
    it overrules; with no prose on the page there is no article for a line to belong to), below a
    keep at 1.0."""


def units(block: Block) -> float:
    """The block's length in words, counting scripts without spaces by characters."""
    spaceless = len(_SPACELESS.findall(block.text))
    if not spaceless:
        return float(block.n_words)
    return max(float(block.n_words), spaceless / CHARS_PER_UNIT)


class NoArticle(Rule):
    """Drop every remaining block of a page on which nothing reads like prose."""

    name = "no_article"
    Options = NoArticleOptions
    options: NoArticleOptions

    def is_prose(self, block: Block) -> bool:
        """A sentence (``min_sentence_units`` words and an end mark) or a long run of words."""
        u = units(block)
        if u >= self.options.min_paragraph_units:
            return True
        ends = (block.ends_sentence or bool(_OTHER_END.search(block.text))
                or bool(_NO_END_PUNCTUATION.search(block.text)))
        return u >= self.options.min_sentence_units and ends

    def is_item_list(self, block: Block) -> bool:
        """A menu or ticker on one line: several short items between separators."""
        items = [i for i in _ITEM_SEPARATOR.split(block.raw.strip()) if i.strip()]
        return len(items) >= self.options.min_items and all(
            len(i.split()) <= self.options.max_item_words for i in items)

    def apply(self, doc: Document, context: Context) -> Iterator[Verdict]:
        o = self.options
        removed: dict[int, float] = {}
        kept: dict[int, float] = {}
        for v in context.verdicts:
            if v.action is Action.DROP or (v.action is Action.META and v.kind is not None):
                removed[v.block] = max(removed.get(v.block, 0.0), v.confidence)
            elif v.action is Action.KEEP:
                kept[v.block] = max(kept.get(v.block, 0.0), v.confidence)
        sure = context.resolver.core_protection if o.sure is None else o.sure
        removed = {i: c for i, c in removed.items() if c >= sure and c > kept.get(i, 0.0)}
        left = [b for b in doc.blocks if b.index not in removed]
        if not left or any(self.is_prose(b) for b in left):
            return
        if sum(1 for b in doc.blocks if b.n_words) < o.min_blocks and not all(
                self.is_item_list(b) for b in left if b.n_words):
            return
        for b in left:
            yield self.drop(b, Kind.SITE_CHROME, "no article on the page: no line reads like prose "
                            f"(a sentence of {o.min_sentence_units}+ words or a paragraph of "
                            f"{o.min_paragraph_units}+)", o.confidence)
