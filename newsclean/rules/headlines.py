"""Lists of headlines of other stories: runs of short, title-shaped lines, often separated by
``-`` or bullet lines, glued above or below the article.

A run is dropped (kind ``headline_list``) when its lines share few content words with the article
core. Relatedness, not position alone, decides: inside the story a list must be almost unrelated
before it goes, so a bulleted list of the story's own points, or a run of short quotes, survives.
A run the article goes on past (more prose beyond it than in the core: a meal plan or a deals list
whose densest paragraph is its intro) is judged as inside it.

Must not catch: a list inside the story about its subject; short quotes (they end in punctuation);
a single subhead.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate

import regex

from newsclean.document import Block, Document
from newsclean.kinds import Kind
from newsclean.rules.base import Context, Rule, RuleOptions, Verdict
from newsclean.rules.shapes import NUMBERED_ITEM, is_heading_like, overlap

_SPACELESS_STOPS = ("。", "！", "？", "．")
"""Sentence ends of Chinese and Japanese: a line ending in one is a sentence, not a headline."""
_SEPARATOR = regex.compile(r"^[\s\-–—•·*|»›>+_=~#]*$")
_LINK = regex.compile(r"^\s*(?:[a-z][a-z0-9+.-]*://|www\.)\S+\s*$", regex.IGNORECASE)


def is_separator(block: Block) -> bool:
    """A line of nothing but dashes, bullets, pipes or similar."""
    return block.n_words == 0 and bool(_SEPARATOR.match(block.text))


def is_link(block: Block) -> bool:
    """A line that is one bare address (``http://amzn.to/2x``, ``www.example.org/a``)."""
    text = block.text
    if "://" not in text and "www." not in text.lower():  # what every match holds (only "W" folds
        return False                                      # to "w"): most lines need no regex
    return bool(_LINK.match(text))


def _filler(block: Block) -> bool:
    """Lines a run carries without counting them as headlines: separators and bare links (a list of
    items each followed by its shop or source link is still a list of those items)."""
    return is_separator(block) or is_link(block)


@dataclass(frozen=True)
class HeadlineListOptions(RuleOptions):
    modes: tuple[str, ...] = ("text",)
    """Text mode only: on extracted HTML text it cost more recall than it gained precision."""
    min_run: int = 3
    """A list has at least this many headline-shaped lines."""
    min_words: int = 3
    """Headline lines have at least this many words."""
    max_words: int = 25
    """...and at most this many."""
    max_chars: int = 160
    """...and at most this many characters (a Chinese or Japanese sentence has few ``\\w+`` words)."""
    numbered_confidence: float = 0.6
    """Confidence for a run of numbered lines (``1) ...``, ``2. ...``), usually the article's own list."""
    related_outside: float = 0.5
    """Outside the core, a run sharing fewer content words than this with the core is dropped."""
    related_inside: float = 0.15
    """Inside the core, the run must share fewer than this to be dropped."""
    beyond_prose: float = 1.0
    """A run outside the core with at least this many times the core's prose words beyond it (on
    the side away from the core) is judged as inside: the article goes on past it (a meal plan or a
    deals list whose densest paragraph happens to be its intro), so the run is part of it."""


class HeadlineList(Rule):
    """Drop runs of headline-shaped lines that are not about the article."""

    name = "headline_list"
    Options = HeadlineListOptions
    options: HeadlineListOptions

    def _headline(self, block: Block) -> bool:
        o = self.options
        if block.n_chars > o.max_chars or block.text.rstrip().endswith(_SPACELESS_STOPS):
            return False
        return o.min_words <= block.n_words <= o.max_words and is_heading_like(block, o.max_words)

    def _runs(self, doc: Document, skip: set[int]) -> list[list[Block]]:
        runs: list[list[Block]] = []
        current: list[Block] = []
        for b in doc.blocks:
            if b.index in skip:
                continue
            if _filler(b) or self._headline(b):
                current.append(b)
                continue
            if current:
                runs.append(current)
            current = []
        if current:
            runs.append(current)
        return [r for r in runs if sum(1 for b in r if not _filler(b)) >= self.options.min_run]

    def apply(self, doc: Document, context: Context) -> Iterator[Verdict]:
        # Lines an earlier rule dropped only tentatively (a masthead guess) may still be a list.
        skip = context.surely_removed() | {
            v.block for v in context.verdicts if "title" in v.facts or "subtitle" in v.facts
        }
        if not doc.core_words:
            return
        first, last = doc.core
        # prose words before each block (a prefix sum: the test below stays linear in the runs)
        upto = list(accumulate((b.n_words if s >= 0.5 and b.index not in skip else 0
                                for b, s in zip(doc.blocks, doc.prose_scores, strict=True)),
                               initial=0))
        core_prose = upto[last + 1] - upto[first]
        seen = Counter(" ".join(b.words).casefold() for b in doc.blocks if b.words)
        for run in self._runs(doc, skip):
            heads = [b for b in run if not _filler(b)]
            related = sum(overlap(b.words, doc.core_words, doc.stopwords) for b in heads) / len(heads)
            inside = sum(1 for b in heads if first <= b.index <= last) > len(heads) / 2
            if not inside:
                beyond = upto[-1] - upto[run[-1].index + 1] if run[0].index > last else upto[run[0].index]
                inside = beyond >= self.options.beyond_prose * core_prose
            if inside:
                if related >= self.options.related_inside or len(heads) < self.options.min_run + 1:
                    continue
                confidence = 0.8
            else:
                if related >= self.options.related_outside:
                    continue
                confidence = 0.9 if related < 0.25 else 0.7
            if sum(1 for b in heads if NUMBERED_ITEM.match(b.text)) >= 0.6 * len(heads):
                # "1) ...", "2) ...": an enumeration the article makes, far more often than a list
                # of other stories; only tentative, so a later rule may keep it
                confidence = min(confidence, self.options.numbered_confidence)
            if sum(1 for b in heads if seen[" ".join(b.words).casefold()] > 1) >= 0.5 * len(heads):
                # most lines printed again elsewhere: the days of a meal plan, the cards of a
                # product list (each other story's headline is printed once); only tentative
                confidence = min(confidence, self.options.numbered_confidence)
            where = "inside" if inside else "outside"
            reason = (f"run of {len(heads)} headlines {where} the article, "
                      f"{related:.0%} of their words shared with it")
            for b in run:
                yield self.drop(b, Kind.HEADLINE_LIST, reason, confidence)
