"""The reader comments under an article: everything after the heading that opens them.

Comments are prose: readers write sentences, so shape-based rules and the line scorer keep them,
and the dense region of the page runs on through them. What marks them is the heading that opens
the thread, which the chrome phrase lists know in many languages (``Leave a Reply``, ``12
Comments``, ``10 thoughts on "..."``, ``Join the conversation``, ``2 Comentários``). Once the
article is behind it, what follows such a heading is the thread, its form, and whatever the site
puts under them, and none of it is the article.

A line opens the thread when it is a chrome line (``Fact.CHROME_LINE``, which ``site_chrome``
provides) and a ``comments`` phrase of the page's
language of two words or more, or one carrying a count (``Comments (12)``), and at least
:attr:`min_share_before` of the words still kept on the page come before it. A bare ``Comments``
is a button that can sit anywhere, even between two paragraphs of the story, so it opens nothing.
(Reading the established chrome lines keeps the phrase lookups to those few lines; with no rule
providing them, ``site_chrome`` turned off, this rule finds nothing.)

Not on a page stated to be a forum thread (the ``page_type`` fact): there the posts are the page.

Must not catch: a comment counter under the headline (``12 Comments`` before the story); a
``Comments`` button inside the article; a story that quotes a reader ("Leave a reply," she wrote,
is a sentence, and phrases never match sentences).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from newsclean import phrases
from newsclean.confidence import FIRM
from newsclean.document import Block, Document
from newsclean.kinds import Fact, Kind
from newsclean.pagetype import PageType
from newsclean.rules.base import Context, Rule, RuleOptions, Verdict
from newsclean.rules.shapes import kept_words_before

_DIGIT = regex.compile(r"\d")


@dataclass(frozen=True)
class CommentThreadOptions(RuleOptions):
    min_share_before: float = 0.6
    """At least this share of the page's kept words come before the heading."""
    min_words_before: int = 80
    """...and at least this many: a brief with a comment form under it keeps its story."""
    max_heading_words: int = 20
    """A heading is short (``10 thoughts on "<the title>"`` carries the title)."""
    on_forums: bool = False
    """Also on a page stated to be a forum thread (the ``page_type`` fact), whose posts are the
    page's content."""


class CommentThread(Rule):
    """Drop what follows the heading of the comment section, once the article is behind it."""

    name = "comment_thread"
    Options = CommentThreadOptions
    options: CommentThreadOptions
    requires = frozenset({Fact.CHROME_LINE})

    def _opens_thread(self, block: Block, language: str | None) -> bool:
        if not 1 <= block.n_words <= self.options.max_heading_words:
            return False
        if block.n_words < 2 and not _DIGIT.search(block.text):
            return False
        hit = phrases.match(block.text, language)
        return hit is not None and hit.category == "comments"

    def apply(self, doc: Document, context: Context) -> Iterator[Verdict]:
        chrome = context.established(Fact.CHROME_LINE)
        if not chrome or (context.page_type() is PageType.FORUM and not self.options.on_forums):
            return
        before, total = kept_words_before(doc, context.dropped_set())
        if total == 0:
            return
        for block in doc.blocks:
            if (block.index in chrome
                    and before[block.index] >= self.options.min_words_before
                    and before[block.index] >= self.options.min_share_before * total
                    and self._opens_thread(block, doc.language)):
                heading = block.text.strip()
                reason = f"reader comments: after the heading {heading[:60]!r}"
                # a line an earlier rule dropped only tentatively may be kept in the end (the
                # resolver's core protection): it gets this rule's drop as well
                sure = context.surely_removed()
                for later in doc.blocks[block.index:]:
                    if later.index not in sure:
                        yield self.drop(later, Kind.SITE_CHROME, reason, FIRM)
                return
