"""The author's bio under the article: ``About Brigit Katz`` / ``Brigit Katz is a freelance writer
based in Toronto. ...``, ``Über Moritz Bachmann`` / ``Als Inbound Sales Manager bildet Moritz
Bachmann ...``, ``Über den Autor`` / ``Michael Weiser ist seit 2015 Redakteur ...``.

The bio is prose about a person, so the line scorer keeps it; what marks it is the heading, the word
for "about" and a name, and a paragraph under it that names the same person. It is dropped (kind
``site_chrome``) with its heading once the article is behind it (at least
:attr:`AuthorBioOptions.min_share_before` of the kept words come before the heading).

Must not catch: a subhead inside the story (``About Paris`` in a travel piece is followed by text
that need not name Paris in its first words, and it sits before most of the article); ``About the
vaccine`` (not a name); ``About Us`` (a footer link, ``site_chrome``'s job); under ``About the
author``, a paragraph that does not open with a full name. Without a heading, only a one-line
tagline under the article naming a journalist's role (``Meg James is a corporate media reporter
for ...``) goes; a sentence on a reporter in the story sits before most of its words.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from newsclean.confidence import FIRM, SURE
from newsclean.document import Block, Document
from newsclean.kinds import Kind
from newsclean.rules.base import Context, Rule, RuleOptions, Verdict
from newsclean.rules.shapes import kept_words_before

_HEADING = regex.compile(
    r"^(?i:about|über|ueber|à propos de|a propos de|acerca de|sobre|informazioni su|over|om|o)\s+"
    r"(?P<name>\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})\s*:?$"
)
"""The word for "about" in the languages of the phrase lists, then a name in capitals."""
_GENERIC = regex.compile(
    r"^(?i:about the authors?|about the writer|über (?:den autor|die autorin|die autoren|die autorinnen)"
    r"|zum autor|zur autorin|à propos de l['’]auteure?|a propos de l['’]auteure?"
    r"|sobre (?:el autor|la autora)|over de auteur|informazioni sull['’]autore|o autorze|om forfatteren"
    r"|om skribenten)\s*:?$"
)
"""A heading that names no one (``Über den Autor``, ``About the author``): the bio under it must
open with a full name."""
# The lookbehind starts a name only where a word starts: searched in a long run of capitals, each
# start used to scan to the run's end (quadratic: 280 ms at 4,000 characters; fuzz/regex_audit.py).
_FULL_NAME = regex.compile(
    r"(?<![\p{L}'’-])\p{Lu}[\p{L}'’-]+\s+(?:(?:de|van|von|der|da|di|le|la)\s+)?\p{Lu}[\p{L}'’-]+")


_TAGLINE = regex.compile(
    r"^\p{Lu}[\p{L}.'’-]+(?: \p{Lu}[\p{L}.'’-]+){1,3} (?:is|was|has been) (?:an? |the )?"
    r"(?:[\p{L}-]+ ){0,4}(?:reporter|writer|columnist|editor|correspondent|contributor|journalist"
    r"|producer|critic|photographer|anchor)s?\b"
)
"""A full name, then the role of a journalist: ``Brigit Katz is a freelance writer based in ...``."""


@dataclass(frozen=True)
class AuthorBioOptions(RuleOptions):
    min_share_before: float = 0.6
    """At least this share of the kept words come before the heading."""
    max_bio: int = 3
    """At most this many paragraphs of bio under the heading."""
    name_within: int = 20
    """The first bio paragraph names the person within this many words."""
    tagline_reach: int = 30
    """An author's tagline without a heading is looked for among this many last blocks..."""
    tagline_words: int = 60
    """...and has at most this many words."""
    heading_confidence: float = SURE
    """Confidence of the drops of a heading and its bio: above ``line_scorer``'s protecting keeps
    (0.85), since a bio is prose the model scores as body and only the heading shows what it is. A
    tagline without a heading (weaker evidence) drops at 0.8, so a confident body score keeps it."""


class AuthorBio(Rule):
    """Drop an ``About <Name>`` heading under the article and the bio paragraphs that follow it."""

    name = "author_bio"
    Options = AuthorBioOptions
    options: AuthorBioOptions

    def apply(self, doc: Document, context: Context) -> Iterator[Verdict]:
        o = self.options
        sure = context.surely_removed()
        before, total = kept_words_before(doc, sure)
        for block in doc.blocks:
            if block.n_words > 6 or not total or before[block.index] < o.min_share_before * total:
                continue
            text = block.text.strip()
            if _GENERIC.match(text):
                name = None  # "About The Author" in title case names no one either
            elif (m := _HEADING.match(text)) is not None:
                name = m.group("name")
            else:
                continue
            bio = self._bio(doc, block, name, sure)
            if bio:
                reason = f"author's bio under the heading {text[:60]!r}"
                for b in [block, *bio]:
                    yield self.drop(b, Kind.SITE_CHROME, reason, o.heading_confidence)
                return
        yield from self._taglines(doc, sure, before, total)

    def _taglines(self, doc: Document, sure: set[int], before: list[int],
                  total: int) -> Iterator[Verdict]:
        """The author's one-line tagline under the article, without a heading: ``Meg James is a
        corporate media reporter for the Los Angeles Times ...``; English only (the role words)."""
        o = self.options
        if not total or doc.language not in (None, "en"):
            return
        for block in doc.blocks[-o.tagline_reach:]:
            if (block.index in sure or block.n_words > o.tagline_words
                    or before[block.index] < o.min_share_before * total):
                continue
            if _TAGLINE.match(block.text.strip()):
                yield self.drop(block, Kind.SITE_CHROME, "the author's tagline under the article", FIRM)

    def _bio(self, doc: Document, heading: Block, name: str | None, sure: set[int]) -> list[Block]:
        """The paragraphs under the heading: the first names the person early on (under a heading
        that names no one, it opens with a full name: two capitalised words, not stopwords); the run
        ends at the first line that is not a sentence paragraph."""
        if name is None:
            found = next((doc.blocks[j] for j in range(heading.index + 1, len(doc.blocks))
                          if j not in sure), None)
            if found is None or (name := self._opening_name(doc, found)) is None:
                return []
        parts = {p.casefold() for p in regex.findall(r"\p{L}{2,}", name)}
        bio: list[Block] = []
        for b in doc.blocks[heading.index + 1:heading.index + 1 + self.options.max_bio]:
            if b.index in sure:
                if bio:
                    break
                continue
            if not b.ends_sentence or b.n_words < 8:
                break
            if not bio and not parts & {w.casefold() for w in b.words[:self.options.name_within]}:
                return []
            bio.append(b)
        return bio

    @staticmethod
    def _opening_name(doc: Document, block: Block) -> str | None:
        """A full name opening ``block`` (``Michael Weiser ist seit 2015 ...``), not an article and
        a noun (``Der Autor dankt ...``): the stoplists hold common first names (German's has
        *michael*), so only a short first word and the last word are checked against them."""
        m = _FULL_NAME.match(block.text.strip())
        if m is None:
            return None
        words = m.group().split()
        first, last = words[0].casefold(), words[-1].casefold()
        if last in doc.stopwords or (len(first) <= 3 and first in doc.stopwords):
            return None
        return str(m.group())
